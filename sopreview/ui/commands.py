"""The command palette (Ctrl+P): every key's action by name, plus per-proposal commands.

"Buka usulan: …", "Catat keputusan: …" and "Evaluasi: …" for each proposal let the operator
jump straight to an item by typing part of its name; the rest come from the keymap table, so
the palette and the keys can never drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from sopreview.ui import keymap
from sopreview.ui.appref import SopAppAccess

Command = tuple[str, Callable[[], object], str]
"""(text shown, what it runs, help line)"""


class SopCommands(SopAppAccess, Provider):
    """Commands of the open meeting."""

    def _key_commands(self) -> Iterator[Command]:
        """The actions of the screen the palette was opened on, named by the keymap."""
        from sopreview.ui.screens.agenda import AgendaScreen
        from sopreview.ui.screens.proposal import ProposalScreen

        screen = self.screen
        scopes = ["app"]
        if isinstance(screen, AgendaScreen):
            scopes += ["sesi", "agenda"]
        elif isinstance(screen, ProposalScreen):
            scopes += ["sesi", "usulan"]
        for spec in keymap.specs(*scopes):
            if spec.target != "screen" or spec.action in ("close_search",):
                continue
            target = self.app if spec.scope == "app" else screen
            key = keymap.display_key(spec)
            yield (f"{spec.help}…" if spec.scope != "app" else spec.help, partial(target.run_action, spec.action), f"Tombol: {key}")

    def _proposal_commands(self) -> Iterator[Command]:
        app = self.sop_app
        session = app.session
        screen = app.top_session_screen()
        if session is None or screen is None:
            return
        decision_key = "Tombol: " + keymap.display_key(keymap.spec("sesi.keputusan"))
        evaluation_key = "Tombol: " + keymap.display_key(keymap.spec("sesi.evaluasi"))
        for proposal in session.heads():
            pid = proposal.id
            yield (f"Buka usulan: {proposal.nama}", partial(app.open_proposal, pid), f"{pid} — Enter di agenda")
            yield (f"Catat keputusan: {proposal.nama}", partial(screen.open_dialog, "decision", pid), decision_key)
            yield (f"Evaluasi: {proposal.nama}", partial(screen.open_dialog, "evaluation", pid), evaluation_key)

    def _general_commands(self) -> Iterator[Command]:
        screen = self.sop_app.top_session_screen()
        if screen is not None:
            yield ("Tindak lanjut rapat (tanpa usulan)…", partial(screen.open_dialog, "actions", None), "Tindak lanjut untuk rapat secara umum")

    def _all(self) -> list[Command]:
        return [*self._general_commands(), *self._key_commands(), *self._proposal_commands()]

    async def discover(self) -> Hits:
        for text, run, help_text in [*self._general_commands(), *self._key_commands()]:
            yield DiscoveryHit(text, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        seen: set[str] = set()
        for text, run, help_text in self._all():
            if text in seen:
                continue
            seen.add(text)
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), run, text=text, help=help_text)
