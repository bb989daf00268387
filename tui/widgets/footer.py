"""The Footer, updated in place when only its keys' words or states change.

Textual's Footer removes and mounts all its keys whenever the bindings change, and
they change on every move between the panes (Enter reads, then finds the best
match): about 20 ms of a key press. Here the keys already shown take their new
words, actions and states instead, and only those that changed are laid out again;
when the keys themselves differ (another count, a group) it is composed as usual.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: What one key of the Footer shows and does: key, label, description, action, enabled, tooltip.
KeySpec = tuple[str, str, str, str, bool, str]


class QuickFooter(Footer):
    """A `Footer` that relabels its keys rather than rebuilding them."""

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
            keys.append((binding.key, app.get_key_display(binding), binding.description, binding.action, enabled, tooltip))
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
    key.key, key.key_display, key.description, key.action = binding_key, key_display, description, action
    key._disabled = not enabled
    key.set_class(not enabled, "-disabled")
    key.tooltip = tooltip or None
    key.refresh(layout=True)
