"""Load a ``sops/`` folder: organisasi.yaml plus one proposal per YAML file, in agenda order.

Shared by ``sopreview validate``, session creation and the app, so all three see the same problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sopreview.domain.checker import Checker
from sopreview.domain.model import MAX_PLANNED_MINUTES, Orang, Organisasi, Proposal, SopDocument, SubBagian
from sopreview.domain.problems import ERROR, Problem, sort_key
from sopreview.domain.problems import summary as problems_summary
from sopreview.domain.schema import (
    ORANG_FIELDS,
    ORGANISASI_FIELDS,
    PROPOSAL_FIELDS,
    SUBBAG_FIELDS,
)
from sopreview.domain.sop_parse import parse_sop
from sopreview.domain.sops_files import find_yaml_files
from sopreview.domain.yamlread import YamlDoc, YamlReadError, read_yaml
from sopreview.domain.vocab import proposal_kind_keys

ORGANISASI_FILE = "organisasi.yaml"
IN_FORCE_FOLDER = "berlaku"
"""Files under a folder of this name hold versions in force, never proposals."""
REGISTER_FOLDER = "daftar"
"""``sops/daftar/``: the register's log, replaced versions and archived proposals (never proposals)."""


@dataclass
class LoadResult:
    sops_dir: Path
    organisasi: Organisasi | None
    proposals: list[Proposal] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files_read: int = 0
    valid: list[tuple[str, str]] = field(default_factory=list)
    """(id, sub bagian) of every valid proposal, also when ``keep=False`` left ``proposals`` empty."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def summary(self) -> str:
        """``N galat, M peringatan di K berkas`` (see problems.summary)."""
        return problems_summary(self.problems)

    @property
    def proposal_count(self) -> int:
        return len(self.valid)

    @property
    def subbag_count(self) -> int:
        return len({subbag for _, subbag in self.valid})


@dataclass
class _Seen:
    """What the folder-wide checks need of one proposal file once its nodes are gone."""

    path: Path
    proposal: Proposal | None
    """None when ``keep=False`` or the file had errors."""
    pid: str
    subbag: str
    nama: str
    nama_line: int
    urutan: int
    problems: list[Problem]
    ok: bool


IN_FORCE_KEPT = 256
"""Versions in force kept parsed for other proposals that name them (a few MB at most)."""


class _Reader:
    """Reads each YAML file when it is needed and keeps only its link (``sebelumnya``) and outcome.

    Streaming (issue 17): one file's nodes are in memory at a time, not the whole folder's, so
    ``validate`` of 10,000 proposals stays within a small multiple of libyaml's own memory."""

    def __init__(self, sops_dir: Path, files: list[Path], problems: list[Problem]) -> None:
        self.sops_dir = sops_dir
        self.files = set(files)
        self.problems = problems
        self.read: dict[Path, bool] = {}
        """Path -> whether it parsed (its read error is reported once, when first read)."""
        self.links: dict[Path, Path] = {}
        """Resolved path -> resolved path its ``sebelumnya`` names."""
        self.link_lines: dict[Path, int] = {}
        self.in_force: dict[Path, SopDocument] = {}
        """Resolved path -> a version in force that parsed without a problem, for the next
        proposal naming the same file (bounded: streaming keeps memory small, see above)."""

    def doc(self, path: Path) -> YamlDoc | None:
        if path not in self.files or self.read.get(path) is False:
            return None
        try:
            doc = read_yaml(path)
        except YamlReadError as exc:
            if path not in self.read:
                self.problems.append(Problem(_shown(self.sops_dir, path), exc.line, "", exc.message, exc.hint))
            self.read[path] = False
            return None
        if path not in self.read:
            self.read[path] = True
            if (ref := _sebelumnya_path(path, doc)) is not None:
                self.links[path.resolve()] = ref
                self.link_lines[path.resolve()] = doc.line_of(("sebelumnya",))
        return doc


def load_sops(sops_dir: Path, *, keep: bool = True) -> LoadResult:
    """Read and validate everything under ``sops_dir``; never raises for bad content.

    ``keep=False`` (``validate``) checks the same and reports the same problems but keeps no
    Proposal (``valid`` still lists them): memory does not grow with the folder's content."""
    sops_dir = Path(sops_dir)
    result = LoadResult(sops_dir=sops_dir, organisasi=None)
    if not sops_dir.is_dir():
        result.problems.append(Problem(str(sops_dir), None, "", "folder SOP tidak ditemukan",
                                       "jalankan dari folder yang berisi sops/, atau sebutkan foldernya"))
        return result
    result.organisasi = _load_organisasi(sops_dir, result.problems)
    found = find_yaml_files(sops_dir, result.problems)
    result.files_read = len(found)
    files = [p for p in found if p != sops_dir / ORGANISASI_FILE]  # read (and reported) by _load_organisasi
    reader = _Reader(sops_dir, files, result.problems)
    seen: list[_Seen] = []
    at_top: list[Path] = []
    for path in files:  # proposals first: each reads its version in force when it needs it
        if not _is_proposal_file(sops_dir, path):
            continue
        if path.parent == sops_dir:
            reader.doc(path)  # its YAML problems and its link still count
            at_top.append(path)
            continue
        doc = reader.doc(path)
        if doc is not None:
            seen.append(_load_proposal(sops_dir, path, doc, reader, result.organisasi, keep))
    for path in files:  # the rest (versions in force nobody names, the register): their YAML problems
        if path not in reader.read:
            reader.doc(path)
    referenced = set(reader.links.values())
    _check_cycles(sops_dir, reader, result.problems)
    for path in at_top:
        if path.resolve() not in referenced:
            result.problems.append(Problem(
                _shown(sops_dir, path), 1, "", "berkas usulan harus berada di folder sub bagian",
                f"pindahkan ke sops/<kode-subbag>/{path.name}", severity="warning"))
    seen = [s for s in seen if s.path.resolve() not in referenced]  # a version in force, not a proposal
    for item in seen:
        result.problems.extend(item.problems)
    _check_duplicate_names(result, seen)
    if not result.valid:
        result.problems.append(Problem(sops_dir.as_posix(), None, "", "tidak ada satu pun usulan SOP yang terbaca",
                                       "perbaiki galat di atas, atau simpan usulan sebagai "
                                       "sops/<kode-subbag>/<nama>.yaml"))
    order = {sb.kode: i for i, sb in enumerate(result.organisasi.subbag)} if result.organisasi else {}
    urutan = {s.pid: s.urutan for s in seen}
    result.proposals.sort(key=lambda p: (order.get(p.subbag, len(order)), urutan[p.id], p.id))
    result.valid.sort(key=lambda v: (order.get(v[1], len(order)), urutan[v[0]], v[0]))
    result.problems.sort(key=sort_key)
    return result


def _is_proposal_file(sops_dir: Path, path: Path) -> bool:
    rel = path.relative_to(sops_dir)
    return (rel.as_posix() != ORGANISASI_FILE and IN_FORCE_FOLDER not in rel.parts[:-1]
            and rel.parts[0] != REGISTER_FOLDER)


def _shown(sops_dir: Path, path: Path) -> str:
    """The path as the user would type it: the sops folder they named, then the file."""
    return (sops_dir / path.relative_to(sops_dir)).as_posix()


def _sebelumnya_path(path: Path, doc: YamlDoc) -> Path | None:
    if isinstance(doc.data, dict) and isinstance(doc.data.get("sebelumnya"), str):
        return (path.parent / doc.data["sebelumnya"]).resolve()
    return None


def _check_cycles(sops_dir: Path, reader: _Reader, problems: list[Problem]) -> None:
    """A ``sebelumnya`` chain that comes back to where it started hides every file in it: an error each."""
    links = reader.links
    by_resolved = {path.resolve(): path for path, ok in reader.read.items() if ok}
    reported: set[Path] = set()
    for start in sorted(links, key=lambda r: by_resolved.get(r, r)):  # file order: the same start each run
        chain = [start]
        while (nxt := links.get(chain[-1])) is not None and nxt not in chain:
            chain.append(nxt)
        if nxt is None or nxt != start or start in reported:
            continue
        reported.update(chain)
        names = " → ".join(_shown(sops_dir, by_resolved[p]) for p in [*chain, start] if p in by_resolved)
        for member in chain:
            path = by_resolved[member]
            problems.append(Problem(_shown(sops_dir, path), reader.link_lines[member], "sebelumnya",
                                    f"'sebelumnya' membentuk lingkaran: {names}",
                                    "arahkan `sebelumnya` ke versi berlaku (mis. di berlaku/), bukan ke usulan "
                                    "itu sendiri atau ke usulan yang merujuk balik"))


def _urutan(data: Any) -> int:
    value = data.get("urutan") if isinstance(data, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else 10**6


def _load_proposal(sops_dir: Path, path: Path, doc: YamlDoc, reader: _Reader, organisasi: Organisasi | None,
                   keep: bool) -> _Seen:
    problems: list[Problem] = []
    rel = path.relative_to(sops_dir)
    subbag = rel.parts[0]
    pid = rel.with_suffix("").as_posix()
    check = Checker(doc, _shown(sops_dir, path), problems)
    check.no_controls(doc.data)
    data = check.mapping(doc.data, (), "isi berkas")
    if data is None:
        return _Seen(path, None, pid, subbag, "", 1, 10**6, problems, ok=False)
    if organisasi is not None and organisasi.subbag_by_kode(subbag) is None:
        check.problem((), f"folder sub bagian '{subbag}' tidak terdaftar di {ORGANISASI_FILE}",
                      f"tambahkan `- kode: {subbag}` di bawah `subbag:` pada {ORGANISASI_FILE}, "
                      "atau pindahkan berkas ke folder sub bagian yang terdaftar")
    dokumen = parse_sop(check, data, (), PROPOSAL_FIELDS)
    jenis = check.text(data, "jenis", (), required=True).lower()
    if jenis and jenis not in proposal_kind_keys():
        check.problem(("jenis",), f"jenis '{jenis}' tidak dikenal",
                      "pilih salah satu: " + " | ".join(proposal_kind_keys()))
    sebelumnya = _load_in_force(check, sops_dir, path, data, jenis, reader)
    proposal = Proposal(
        id=pid,
        subbag=subbag,
        jenis=jenis,
        dokumen=dokumen,
        pengusul=check.text(data, "pengusul", ()),
        ringkasan=check.text(data, "ringkasan", ()),
        alasan=check.text(data, "alasan", ()),
        durasi_menit=check.integer(data, "durasi_menit", (), 10, minimum=1, maximum=MAX_PLANNED_MINUTES),
        sebelumnya=sebelumnya,
        sampel=check.boolean(data, "sampel", ()),
        sumber=rel.as_posix(),
    )
    check.integer(data, "urutan", (), 0, minimum=-10**6, maximum=10**6)
    ok = not any(p.severity == ERROR for p in problems)
    return _Seen(path, proposal if ok and keep else None, pid, subbag, proposal.nama, doc.line_of(("nama",)),
                 _urutan(data), problems, ok)


def _load_in_force(check: Checker, sops_dir: Path, path: Path, data: dict[str, Any], jenis: str,
                   reader: _Reader) -> SopDocument | None:
    """The version in force: inline, or a file under sops/ (read when this proposal needs it)."""
    value = data.get("sebelumnya")
    if value is None:
        if jenis in ("perbaikan", "perubahan"):
            check.problem(("jenis",), f"usulan {jenis} tidak menyebut versi yang berlaku ('sebelumnya')",
                          "tambahkan `sebelumnya: berlaku/<nama>.yaml` (path ke SOP yang berlaku) "
                          "atau tulis kolom SOP lamanya di bawah `sebelumnya:`")
        return None
    if jenis == "baru":
        check.warn(("sebelumnya",), "SOP baru tidak punya versi berlaku; 'sebelumnya' diabaikan",
                   "hapus `sebelumnya`, atau ganti jenis menjadi perbaikan/perubahan")
        return None
    if isinstance(value, dict):
        return parse_sop(check, value, ("sebelumnya",))
    if not isinstance(value, str) or not value.strip():
        check.problem(("sebelumnya",), "'sebelumnya' harus berupa path berkas atau kolom SOP",
                      "mis. `sebelumnya: berlaku/jdih.yaml`")
        return None
    target = (path.parent / value).resolve()
    root = sops_dir.resolve()
    if not target.is_relative_to(root):
        check.problem(("sebelumnya",), f"'{value}' berada di luar folder {sops_dir.as_posix()}",
                      "simpan versi berlaku di dalam folder sops/, mis. di subfolder berlaku/")
        return None
    if not target.is_file():
        check.problem(("sebelumnya",), f"berkas versi berlaku '{value}' tidak ditemukan",
                      f"buat berkas itu, atau perbaiki path-nya (relatif terhadap {path.parent.as_posix()}/)")
        return None
    cached = reader.in_force.get(target)
    if cached is not None:  # several proposals may name one file: parsed once, while it was clean
        return cached
    shown = (sops_dir / target.relative_to(root)).as_posix()
    old_doc = reader.doc(sops_dir / target.relative_to(root))
    if old_doc is None:
        check.problem(("sebelumnya",), f"versi berlaku '{value}' tidak dapat dibaca",
                      f"perbaiki galat pada {shown}")
        return None
    reported = len(check.problems)
    old_check = Checker(old_doc, shown, check.problems)
    old_check.no_controls(old_doc.data)
    old_data = old_check.mapping(old_doc.data, (), "isi berkas")
    if old_data is None:
        return None
    parsed = parse_sop(old_check, old_data, ())
    if parsed is not None and len(check.problems) == reported and len(reader.in_force) < IN_FORCE_KEPT:
        reader.in_force[target] = parsed
    return parsed


def _load_organisasi(sops_dir: Path, problems: list[Problem]) -> Organisasi | None:
    path = sops_dir / ORGANISASI_FILE
    shown = _shown(sops_dir, path)
    if not path.is_file():
        problems.append(Problem(shown, None, "", f"{ORGANISASI_FILE} tidak ada",
                                f"buat {shown} berisi `nama`, `subbag` (kode, nama, kepala) dan `orang` "
                                "(lihat README: Format berkas)"))
        return None
    try:
        doc = read_yaml(path)
    except YamlReadError as exc:
        problems.append(Problem(shown, exc.line, "", exc.message, exc.hint))
        return None
    own: list[Problem] = []
    check = Checker(doc, shown, own)
    check.no_controls(doc.data)
    data = check.mapping(doc.data, (), "isi berkas")
    if data is None:
        problems.extend(own)
        return None
    check.known_keys(data, (), ORGANISASI_FIELDS)
    subbag = [SubBagian(**row) for row in _rows(check, data, "subbag", SUBBAG_FIELDS)]
    if not subbag and isinstance(data.get("subbag"), list):
        check.problem(("subbag",), "'subbag' kosong: tidak ada sub bagian, jadi tidak ada usulan yang dibahas",
                      "tulis tiap sub bagian di bawah `subbag:` sebagai `- kode: ...` dengan `nama` dan `kepala`")
    orang = [Orang(**row) for row in _rows(check, data, "orang", ORANG_FIELDS)]
    codes: set[str] = set()
    for index, sb in enumerate(subbag):
        if sb.kode in codes:
            check.problem(("subbag", index, "kode"), f"kode sub bagian '{sb.kode}' ditulis dua kali",
                          "setiap sub bagian butuh kode yang unik")
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", sb.kode):
            check.problem(("subbag", index, "kode"), f"kode '{sb.kode}' tidak bisa menjadi nama folder",
                          "pakai huruf kecil, angka dan tanda '-', mis. `keuangan-umum-logistik`")
        codes.add(sb.kode)
    kertas = check.text(data, "kertas", ()).strip().upper()
    if kertas and kertas not in ("A4", "F4"):
        check.problem(("kertas",), f"kertas '{kertas}' tidak dikenal", "tulis `kertas: A4` atau `kertas: F4`")
        kertas = ""
    zona = check.text(data, "zona_waktu", ()).strip().upper() or "WIB"
    if zona not in ("WIB", "WITA", "WIT"):
        check.problem(("zona_waktu",), f"zona waktu '{zona}' tidak dikenal", "tulis WIB, WITA atau WIT")
    organisasi = Organisasi(
        nama=check.text(data, "nama", (), required=True),
        alamat=check.text(data, "alamat", ()),
        kota=check.text(data, "kota", ()),
        subbag=tuple(subbag),
        orang=tuple(orang),
        sampel=check.boolean(data, "sampel", ()),
        kertas=kertas,
        logo=_logo(check, sops_dir, check.text(data, "logo", ()).strip()),
        zona_waktu=zona,
    )
    problems.extend(own)
    return None if any(p.is_error for p in own) else organisasi


def _logo(check: Checker, sops_dir: Path, logo: str) -> str:
    """The logo path as written when it names a PNG or JPEG file inside the sops folder."""
    if not logo:
        return ""
    path = (sops_dir / logo).resolve()
    if path.suffix.lower() not in (".png", ".jpg", ".jpeg"):
        check.problem(("logo",), f"logo '{logo}' bukan berkas PNG atau JPEG", "simpan logo sebagai .png atau .jpg")
    elif not path.is_relative_to(sops_dir.resolve()):
        check.problem(("logo",), f"logo '{logo}' berada di luar folder sops", "salin logo ke dalam folder sops/")
    elif not path.is_file():
        check.problem(("logo",), f"berkas logo '{logo}' tidak ditemukan",
                      f"path relatif terhadap folder sops/, mis. `logo: logo-kpu.png` untuk {sops_dir / 'logo-kpu.png'}")
    else:
        return logo
    return ""


def _rows(check: Checker, data: dict[str, Any], key: str, spec: dict[str, Any]) -> list[dict[str, str]]:
    """Read a list of small mappings (sub bagian, people) as text fields."""
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        check.problem((key,), f"'{key}' harus berupa daftar", "tiap butir diawali `- `")
        return []
    rows: list[dict[str, str]] = []
    for index, raw in enumerate(value):
        here = (key, index)
        mapping = check.mapping(raw, here, f"butir ke-{index + 1} dari '{key}'")
        if mapping is None:
            continue
        check.known_keys(mapping, here, spec)
        rows.append({name: check.text(mapping, name, here, required=spec[name].required) for name in spec})
    return rows


def _check_duplicate_names(result: LoadResult, seen: list[_Seen]) -> None:
    """The first file with a name keeps it; each later one is an error (and not a proposal)."""
    first: dict[str, _Seen] = {}
    for item in seen:
        if not item.ok:
            continue
        key = " ".join(item.nama.lower().split())
        earlier = first.get(key)
        if earlier is None:
            first[key] = item
            result.valid.append((item.pid, item.subbag))
            if item.proposal is not None:
                result.proposals.append(item.proposal)
            continue
        result.problems.append(Problem(
            _shown(result.sops_dir, item.path), item.nama_line, "nama",
            f"nama SOP '{item.nama}' sudah dipakai oleh {_shown(result.sops_dir, earlier.path)}",
            "beri nama yang berbeda, atau hapus salah satu berkas"))
