"""Widgets of the reader, one per module: article list, reading pane, sidebar."""
