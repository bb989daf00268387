"""The Footer, updated in place when only its keys' words or states change.

Textual's Footer removes and mounts all its keys whenever the bindings change, and
they change on every move between the panes (Enter reads, then finds the best
match): about 20 ms of a key press. Here the keys already shown take their new
words, actions and states instead, and only those that changed are laid out again;
when the keys themselves differ (another count, a group) it is composed as usual.

A key whose label changes with the pane (Enter: Read, Best match, Open) is given the
width of its widest label from the start (``reserve``), so relabelling it changes no
key's width: the keys after it stay where they are and the screen is only repainted,
not laid out again (a layout and full repaint were most of an Enter press).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: What one key of the Footer shows and does: key, label, description, action, enabled, tooltip.
KeySpec = tuple[str, str, str, str, bool, str]


class QuickFooter(Footer):
    """A `Footer` that relabels its keys rather than rebuilding them.

    ``reserve`` maps a key (``"enter"``) to the width in cells its label is padded to.
    """

    def __init__(self, *, reserve: Mapping[str, int] | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._reserve = dict(reserve or {})

    def _padded(self, key: str, description: str) -> str:
        """``description`` padded to the width reserved for ``key`` (never cut)."""
        if not description:
            return description
        return description + " " * (self._reserve.get(key, 0) - cell_len(description))

    def compose(self) -> ComposeResult:
        return self._with_reserve(super().compose())

    def _with_reserve(self, widgets: Iterator[object]) -> ComposeResult:
        for widget in widgets:
            if type(widget) is FooterKey and not widget.has_class("-grouped"):
                widget.description = self._padded(widget.key, widget.description)
            yield widget  # type: ignore[misc]

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._follow_bindings)

    async def _follow_bindings(self) -> None:
        if not self._relabel():
            await self.recompose()

    def _wanted(self) -> tuple[list[KeySpec], KeySpec | None] | None:
        """The keys `Footer.compose` would show, and its command palette key; ``None``
        when a binding belongs to a group (composed as usual)."""
        app = self.app
        active = self.screen.active_bindings
        keys: list[KeySpec] = []
        actions: set[str] = set()
        for _node, binding, enabled, tooltip in active.values():
            if not binding.show:
                continue
            if binding.group is not None:
                return None
            if binding.action in actions:
                continue  # Footer shows the first binding of each action
            actions.add(binding.action)
            description = self._padded(binding.key, binding.description)
            keys.append((binding.key, app.get_key_display(binding), description, binding.action, enabled, tooltip))
        palette: KeySpec | None = None
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
            found = active.get(app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, tooltip = found
                palette = (binding.key, app.get_key_display(binding), binding.description, binding.action, enabled,
                           binding.tooltip or binding.description)
        return keys, palette

    def _relabel(self) -> bool:
        """Give the keys shown their new words and states; False when they no longer fit."""
        wanted = self._wanted()
        children = list(self.children)
        if wanted is None or not all(type(child) is FooterKey for child in children):
            return False
        keys, palette = wanted
        shown: list[FooterKey] = children  # type: ignore[assignment]
        plain = [key for key in shown if not key.has_class("-command-palette")]
        palettes = [key for key in shown if key.has_class("-command-palette")]
        if len(plain) != len(keys) or len(palettes) != (palette is not None) or shown[: len(plain)] != plain:
            return False
        for key, spec in zip(shown, [*keys, *([palette] if palette else [])]):
            _set_key(key, spec)
        return True


def _set_key(key: FooterKey, spec: KeySpec) -> None:
    binding_key, key_display, description, action, enabled, tooltip = spec
    now = (key.key, key.key_display, key.description, key.action, not key._disabled, key.tooltip or "")
    if now == (binding_key, key_display, description, action, enabled, tooltip or ""):
        return
    same_width = cell_len(key.key_display) + cell_len(key.description) == cell_len(key_display) + cell_len(description)
    key.key, key.key_display, key.description, key.action = binding_key, key_display, description, action
    key._disabled = not enabled
    key.set_class(not enabled, "-disabled")
    key.tooltip = tooltip or None
    key.refresh(layout=not same_width)
