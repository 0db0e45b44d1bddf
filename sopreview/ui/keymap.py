"""Every key of the app in one table: the footer, the help screen and the palette read it.

Keeping the keys as data (action id, key, label) means a key is changed in one place, the
help screen can never disagree with the footer, and users can remap keys by binding id
(``App.set_keymap({"sesi.keputusan": "k"})``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding, BindingType

SCOPE_LABEL: dict[str, str] = {
    "app": "Di mana saja",
    "sesi": "Agenda dan usulan",
    "agenda": "Agenda",
    "usulan": "Usulan",
    "pemilih": "Pilih sesi",
    "panel": "Panel (log, masalah, bantuan)",
    "daftar": "Daftar SOP",
    "monitoring": "Monitoring SOP berlaku",
    "proyektor": "Layar proyektor (p dari usulan)",
}
"""Scope id → heading on the help screen, in display order."""


@dataclass(frozen=True)
class KeySpec:
    """One key binding: what it does, where it works and whether it changes the session."""

    id: str
    """Stable binding id (scope.name): users remap keys by it."""
    scope: str
    action: str
    """Textual action string run on the screen (or app) of the scope."""
    key: str
    """Textual key(s); comma-separated alternatives."""
    label: str
    """Short footer label."""
    help: str
    """One sentence for the help screen and the command palette."""
    writes: bool = False
    """True when the action changes the session (refused, with a notice, when read-only)."""
    show: bool = True
    """Show in the footer (the help screen always lists it)."""
    key_display: str | None = None
    group: str | None = None
    """Footer group label: keys of one group are shown together (``1234 Tab``)."""
    priority: bool = False
    """Checked before the focused widget's own keys (Tab on the projector)."""
    target: str = "screen"
    """Where the binding lives: ``screen``, or ``list`` for the screen's main OptionList
    (so that its Enter shows in the footer instead of the list's hidden one)."""


_GROUPS: dict[str, Binding.Group] = {
    "Tab": Binding.Group("Tab", compact=True),
    "Urutan": Binding.Group("Urutan"),
}

KEYMAP: tuple[KeySpec, ...] = (
    # anywhere
    KeySpec("app.bantuan", "app", "app.help", "question_mark", "Bantuan", "Daftar semua tombol", key_display="?"),
    KeySpec("app.perintah", "app", "app.command_palette", "ctrl+p", "Perintah",
            "Palet perintah: buka usulan…, catat keputusan…, ekspor notulen…", show=False),
    KeySpec("app.keluar", "app", "quit", "q", "Keluar", "Keluar dari aplikasi (semua sudah tersimpan)"),
    # agenda and proposal screens (they act on the highlighted / shown proposal)
    KeySpec("sesi.keputusan", "sesi", "decision", "d", "Keputusan", "Catat keputusan untuk usulan ini", writes=True),
    KeySpec("sesi.evaluasi", "sesi", "evaluation", "e", "Evaluasi", "Isi evaluasi penerapan SOP (Ya/Tidak)", writes=True),
    KeySpec("sesi.catatan", "sesi", "notes", "n", "Catatan", "Tulis catatan pembahasan", writes=True),
    KeySpec("sesi.tindak_lanjut", "sesi", "actions", "a", "Tindak lanjut", "Catat tindak lanjut (apa, siapa, kapan)", writes=True),
    KeySpec("sesi.hadir", "sesi", "attendance", "h", "Hadir", "Isi daftar hadir dan tambah tamu", writes=True),
    KeySpec("sesi.ekspor", "sesi", "export", "x", "Ekspor", "Ekspor notulen rapat"),
    KeySpec("sesi.proyektor", "sesi", "projector", "p", "Proyektor", "Tampilan layar proyektor untuk usulan ini", show=False),
    KeySpec("sesi.urungkan", "sesi", "undo", "ctrl+z", "Urungkan", "Batalkan perubahan terakhir", writes=True),
    KeySpec("sesi.log", "sesi", "audit_log", "l", "Log", "Log perubahan (audit)", show=False),
    KeySpec("sesi.perbaikan", "sesi", "perbaikan_done", "v", "Perbaikan selesai",
            "Tandai perbaikan usulan 'disetujui dengan perbaikan' sudah dikerjakan pada berkasnya", writes=True,
            show=False),
    KeySpec("sesi.daftar", "sesi", "register", "r", "Daftar SOP",
            "Daftar SOP yang berlaku: nomor, status, usulan tertunda, riwayat", show=False),
    KeySpec("sesi.masalah", "sesi", "problems", "g", "Masalah", "Daftar masalah (galat) berkas SOP dan usulan yang berubah", show=False),
    KeySpec("sesi.mulai", "sesi", "start_clock", "s", "Mulai bahas",
            "Mulai membahas usulan ini: jamnya berjalan (jam usulan lain berhenti)", writes=True),
    KeySpec("sesi.waktu", "sesi", "stop_clock", "s", "Henti jam", "Hentikan jam usulan yang sedang dibahas", writes=True),
    KeySpec("sesi.jeda", "sesi", "pause('istirahat')", "j", "Jeda",
            "Istirahat: semua jam berhenti dan proyektor menampilkannya; tekan lagi untuk melanjutkan", writes=True),
    KeySpec("sesi.lanjut", "sesi", "resume", "j", "Lanjut rapat", "Akhiri jeda: usulan yang sedang dibahas berjalan lagi",
            writes=True),
    KeySpec("sesi.ishoma", "sesi", "pause('ishoma')", "J", "Ishoma",
            "Ishoma (istirahat, sholat, makan): semua jam berhenti; tekan lagi untuk melanjutkan", writes=True, show=False),
    KeySpec("sesi.data_rapat", "sesi", "meta", "m", "Data rapat",
            "Data rapat: judul, tanggal, tempat, waktu, surat undangan, pimpinan, pembukaan, kesimpulan", show=False),
    # agenda
    KeySpec("agenda.buka", "agenda", "select", "enter", "Buka", "Buka usulan (jamnya tidak ikut berjalan: s untuk mulai)",
            target="list"),
    KeySpec("agenda.cari", "agenda", "search", "slash", "Cari", "Cari nama SOP, pengusul atau id", key_display="/", show=False),
    KeySpec("agenda.saring", "agenda", "filter_next", "f", "Saring", "Ganti saringan: sub bagian, jenis, status", show=False),
    KeySpec("agenda.saring_hapus", "agenda", "filter_clear", "F", "Semua", "Hapus saringan dan pencarian", show=False),
    KeySpec("agenda.naik", "agenda", "move(-1)", "ctrl+up,left_square_bracket", "Naik", "Pindahkan usulan ke atas dalam agenda",
            writes=True, show=False, key_display="Ctrl+↑ / ["),
    KeySpec("agenda.turun", "agenda", "move(1)", "ctrl+down,right_square_bracket", "Turun", "Pindahkan usulan ke bawah dalam agenda",
            writes=True, show=False, key_display="Ctrl+↓ / ]"),
    KeySpec("agenda.tutup_cari", "agenda", "close_search", "escape", "Tutup cari", "Tutup kotak pencarian", show=False),
    # proposal
    KeySpec("usulan.kembali", "usulan", "back", "escape", "Agenda", "Kembali ke agenda"),
    KeySpec("usulan.tab1", "usulan", "tab('ringkasan')", "1", "Ringkasan", "Tab Ringkasan: identitas, ringkasan, alasan", group="Tab", show=False),
    KeySpec("usulan.tab2", "usulan", "tab('langkah')", "2", "Langkah", "Tab Langkah: tabel kegiatan dan mutu baku", group="Tab", show=False),
    KeySpec("usulan.tab3", "usulan", "tab('flowchart')", "3", "Flowchart", "Tab Flowchart: diagram alir", group="Tab", show=False),
    KeySpec("usulan.tab4", "usulan", "tab('perubahan')", "4", "Perubahan", "Tab Perubahan: beda dengan versi berlaku", group="Tab", show=False),
    KeySpec("usulan.tab_maju", "usulan", "next_tab", "tab", "Tab berikut", "Pindah ke tab berikutnya", show=False),
    KeySpec("usulan.tab_mundur", "usulan", "previous_tab", "shift+tab", "Tab sebelum", "Pindah ke tab sebelumnya", show=False),
    KeySpec("usulan.berikut", "usulan", "step(1)", "full_stop", "Berikut", "Usulan berikutnya dalam agenda", show=False, key_display="."),
    KeySpec("usulan.sebelum", "usulan", "step(-1)", "comma", "Sebelum", "Usulan sebelumnya dalam agenda", show=False, key_display=","),
    KeySpec("usulan.sorot_maju", "usulan", "pointer(1)", "right_square_bracket", "Sorot berikut",
            "Sorot langkah berikutnya untuk ruangan (Langkah, Flowchart, Perubahan; proyektor ikut)", show=False,
            key_display="]"),
    KeySpec("usulan.sorot_mundur", "usulan", "pointer(-1)", "left_square_bracket", "Sorot sebelum",
            "Sorot langkah sebelumnya untuk ruangan", show=False, key_display="["),
    KeySpec("usulan.sorot_hapus", "usulan", "pointer(0)", "0", "Hapus sorotan", "Hapus sorotan langkah", show=False),
    # amendments (issue 15): on the Langkah and Flowchart tabs, to the step the cursor (] [) points at
    KeySpec("usulan.ubah_langkah", "usulan", "amend('ubah')", "u", "Ubah langkah",
            "Amandemen: ubah kegiatan, pelaksana, mutu baku, keterangan atau cabang langkah terpilih", writes=True,
            show=False),
    KeySpec("usulan.sisip_langkah", "usulan", "amend('sisip')", "i", "Sisip langkah",
            "Amandemen: sisipkan langkah (juga keputusan) sesudah langkah terpilih", writes=True, show=False),
    KeySpec("usulan.hapus_langkah", "usulan", "amend('hapus')", "delete", "Hapus langkah",
            "Amandemen: hapus langkah terpilih", writes=True, show=False),
    KeySpec("usulan.pindah_langkah", "usulan", "amend('pindah')", "o", "Pindah langkah",
            "Amandemen: pindahkan langkah terpilih ke urutan lain", writes=True, show=False),
    KeySpec("usulan.banding", "usulan", "compare_base", "c", "Bandingkan",
            "Tab Perubahan: bandingkan versi yang dibahas dengan versi berlaku atau usulan semula", show=False),
    # session picker
    KeySpec("pemilih.buka", "pemilih", "select", "enter", "Buka", "Buka sesi yang dipilih", target="list"),
    KeySpec("pemilih.baru", "pemilih", "new", "b", "Rapat baru", "Buat sesi rapat baru dari folder sops/"),
    # panels (help, audit log, problems)
    KeySpec("panel.tutup", "panel", "close", "escape", "Tutup", "Tutup panel"),
    KeySpec("daftar.monitoring", "daftar", "monitoring", "m", "Monitoring",
            "Catat monitoring SOP yang disorot (formulir: langkah berjalan atau tidak)"),
    KeySpec("monitoring.tandai", "monitoring", "toggle", "space", "Berjalan/Tidak",
            "Tandai langkah yang disorot tidak berjalan dengan baik (dan sebaliknya)", key_display="Spasi"),
    KeySpec("monitoring.simpan", "monitoring", "save", "ctrl+s", "Simpan", "Simpan hasil monitoring ke folder SOP"),
    # projector mode (the room's screen; a follower in serve refuses every key)
    KeySpec("proyektor.tampilan_maju", "proyektor", "next_tab", "tab", "Tampilan berikut",
            "Tampilan berikutnya: Ringkasan, Flowchart, Perubahan, Keputusan", priority=True),
    KeySpec("proyektor.tampilan_mundur", "proyektor", "prev_tab", "shift+tab", "Tampilan sebelumnya",
            "Tampilan sebelumnya", priority=True),
    KeySpec("proyektor.ringkasan", "proyektor", "show_tab('ringkasan')", "1", "Ringkasan", "Tampilkan Ringkasan",
            show=False),
    KeySpec("proyektor.flowchart", "proyektor", "show_tab('flowchart')", "2,3", "Flowchart",
            "Tampilkan Flowchart (selebar layar)", show=False),
    KeySpec("proyektor.perubahan", "proyektor", "show_tab('perubahan')", "4", "Perubahan", "Tampilkan Perubahan",
            show=False),
    KeySpec("proyektor.keputusan_tab", "proyektor", "show_tab('keputusan')", "5", "Keputusan",
            "Tampilkan keputusan usulan ini", show=False),
    KeySpec("proyektor.keputusan", "proyektor", "decision", "d", "Keputusan",
            "Catat keputusan untuk usulan ini dari layar proyektor", writes=True, show=False),
    KeySpec("proyektor.sorot_maju", "proyektor", "pointer(1)", "right_square_bracket", "Sorot langkah berikut",
            "Sorot langkah berikutnya; flowchart tampil dan bergulir ke langkah itu", show=False, key_display="]"),
    KeySpec("proyektor.sorot_mundur", "proyektor", "pointer(-1)", "left_square_bracket", "Sorot langkah sebelumnya",
            "Sorot langkah sebelumnya", show=False, key_display="["),
    KeySpec("proyektor.sorot_hapus", "proyektor", "pointer(0)", "0", "Hapus sorotan", "Hapus sorotan langkah",
            show=False),
    KeySpec("proyektor.perbesar", "proyektor", "zoom(1)", "plus,equals_sign", "Perbesar flowchart",
            "Perbesar flowchart (lajur lebih lebar, bergulir ke sorotan)", show=False, key_display="+"),
    KeySpec("proyektor.perkecil", "proyektor", "zoom(-1)", "minus", "Perkecil flowchart",
            "Perkecil flowchart, kembali ke selebar layar", show=False, key_display="-"),
    KeySpec("proyektor.subbag", "proyektor", "slide('subbag')", "u", "Slide sub bagian",
            "Slide judul sub bagian usulan ini: penyaji dan usulannya (tekan lagi: turun)", show=False),
    KeySpec("proyektor.bacakan", "proyektor", "slide('bacakan')", "b", "Bacakan keputusan",
            "Pembacaan keputusan (rekap) untuk dikonfirmasi ruangan sebelum notulen (tekan lagi: turun)",
            show=False),
    KeySpec("proyektor.tutup_rapat", "proyektor", "close_meeting", "T", "Tutup rapat",
            "Setelah pembacaan (b): tutup rapat, waktu selesai diisi", show=False),
    KeySpec("proyektor.tema", "proyektor", "toggle_theme", "t", "Terang/gelap", "Ganti tema proyektor terang/gelap",
            show=False),
    KeySpec("proyektor.tutup", "proyektor", "close", "escape", "Tutup proyektor",
            "Kembali ke usulan (pengikut: keluar). Jeda j dan Ishoma J ditekan di agenda atau usulan; "
            "proyektor menampilkan slide istirahat"),
)

SAME_KEY_BY_STATE: frozenset[frozenset[str]] = frozenset({
    frozenset({"sesi.mulai", "sesi.waktu"}),
    frozenset({"sesi.jeda", "sesi.lanjut"}),
})
"""Bindings sharing one key where only one is active at a time (the screen's ``check_action``
hides the other): ``s`` starts a clock that is stopped and stops one that runs."""

_BY_ID: dict[str, KeySpec] = {spec.id: spec for spec in KEYMAP}
assert len(_BY_ID) == len(KEYMAP), "duplicate key binding id"


def spec(binding_id: str) -> KeySpec:
    return _BY_ID[binding_id]


def specs(*scopes: str) -> list[KeySpec]:
    return [s for s in KEYMAP if s.scope in scopes]


def bindings(*scopes: str, target: str = "screen") -> list[BindingType]:
    """Textual bindings for a screen (or its list) that serves the given scopes."""
    return [to_binding(s) for s in specs(*scopes) if s.target == target]


def help_first() -> list[Binding]:
    """The help key bound on a screen too, so the footer lists it first (always visible at 80 columns)."""
    return [to_binding(spec("app.bantuan"))]


def to_binding(s: KeySpec) -> Binding:
    return Binding(
        s.key,
        s.action,
        s.label,
        show=s.show,
        key_display=s.key_display,
        id=s.id,
        tooltip=s.help,
        group=_GROUPS.get(s.group) if s.group else None,
        priority=s.priority,
    )


def write_actions(specs_: Iterable[KeySpec] = KEYMAP) -> frozenset[str]:
    """Action names (without arguments) that change the session."""
    return frozenset(s.action.split("(")[0] for s in specs_ if s.writes)


KEY_NAMES: dict[str, str] = {
    "enter": "Enter", "escape": "Esc", "tab": "Tab", "shift+tab": "Shift+Tab", "space": "Spasi",
    "delete": "Delete", "up": "↑", "down": "↓", "home": "Home", "end": "End",
    "full_stop": ".", "comma": ",", "slash": "/", "question_mark": "?",
}
"""How the help shows a Textual key name (screen keys here, dialog keys in ``ui/dialogs/keys.py``)."""


def display_key(s: KeySpec) -> str:
    """How the help screen shows a key: the footer label when given, else the first key."""
    if s.key_display:
        return s.key_display
    def show(key: str) -> str:
        if key in KEY_NAMES:
            return KEY_NAMES[key]
        *mods, last = key.split("+")
        return "+".join([*(m.capitalize() for m in mods), last.upper() if mods else last])

    return ", ".join(show(k) for k in s.key.split(","))
