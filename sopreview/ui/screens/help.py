"""The help screen (?): every key of the app, straight from the keymap table."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from sopreview.ui import keymap
from sopreview.ui.screens.panels import PanelScreen


def help_renderable() -> RenderableType:
    """One table per scope: key, what it does, and a mark for keys that change the session."""
    parts: list[RenderableType] = [
        Text(
            "Semua perubahan langsung tersimpan. Ctrl+P membuka palet perintah "
            "(buka usulan…, catat keputusan…, ekspor notulen…). Tombol bertanda * mengubah sesi "
            "dan tidak berlaku pada sesi hanya-baca. Kolom ECT di agenda: E evaluasi terisi, "
            "C ada catatan, T ada tindak lanjut; Waktu = menit terpakai/rencana.",
        ),
    ]
    for scope, heading in keymap.SCOPE_LABEL.items():
        specs = keymap.specs(scope)
        if not specs:
            continue
        table = _key_table(heading)
        for spec in specs:
            table.add_row(Text(keymap.display_key(spec)), Text(spec.help + (" *" if spec.writes else "")))
        parts += [Text(""), table]
    from sopreview.ui.dialogs.keys import (
        dialog_keys,  # dialogs load only when help opens
    )

    for title, rows in dialog_keys():
        table = _key_table(f"Di dialog {title}")
        for keys, what in rows:
            table.add_row(Text(keys), Text(what))  # "[" and "]" are keys, not markup
        parts += [Text(""), table]
    return Group(*parts)


def _key_table(heading: str) -> Table:
    table = Table(title=heading, title_justify="left", title_style="bold", expand=True, show_edge=False, pad_edge=False)
    table.add_column("Tombol", no_wrap=True, style="bold", min_width=10)
    table.add_column("Fungsi", ratio=1)
    return table


class HelpScreen(PanelScreen):
    PANEL_TITLE = "Bantuan — tombol"

    def body(self) -> RenderableType:
        return help_renderable()
