"""`python -m tui` does what the `crossread` command does."""

from tui.cli import main

raise SystemExit(main())
