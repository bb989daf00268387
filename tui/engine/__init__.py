"""The engine: loading, splitting, normalising and matching articles.

Nothing under this package may import Textual; it is tested directly and used by
both the reader and the `crossread links` export.
"""
