"""crossread: a terminal reader that shows where else the same fact is reported."""

__version__ = "0.1.0"
