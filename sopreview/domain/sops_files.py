"""Which files under ``sops/`` are read, and a problem for every one that is not.

A proposal must never vanish quietly: a folder that cannot be listed, a file with another
suffix (``BAIK.YAML`` is read: the suffix is compared without case), or a link pointing
outside ``sops/`` (refused without reading it, so nothing of its target is echoed) each
become an error that makes ``validate`` fail.
"""

from __future__ import annotations

import os
from pathlib import Path

from sopreview.domain.problems import Problem

YAML_SUFFIXES = (".yaml", ".yml")


def is_yaml_name(name: str) -> bool:
    return name.lower().endswith(YAML_SUFFIXES)


ASSETS = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".pdf")
"""Pictures and documents kept beside the proposals (a logo for the kop): not proposals, not skipped."""


OWN_FILES = frozenset({"daftar/monitoring.jsonl"})
"""Files sopreview itself keeps in ``sops/`` that are not YAML (the monitoring log, issue 14)."""


def _ignored(name: str) -> bool:
    """Hidden files, editor leftovers (``.x.swp``, ``x.yaml~``) and assets are nobody's proposal."""
    return name.startswith(".") or name.endswith("~") or name.lower().endswith(ASSETS)


def find_yaml_files(sops_dir: Path, problems: list[Problem]) -> list[Path]:
    """Every YAML file under ``sops_dir`` that is safe to read, sorted; problems for the rest."""
    root = sops_dir.resolve()
    found: list[Path] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else sops_dir
        problems.append(Problem(_shown(sops_dir, root, where), None, "",
                                f"folder tidak dapat dibaca ({exc.strerror or exc}); isinya dilewati",
                                "periksa hak akses folder itu (mis. `chmod u+rx`)"))

    for folder, dirs, names in os.walk(sops_dir, onerror=unreadable):
        here = Path(folder)
        for name in sorted(dirs):
            if (here / name).is_symlink() and not _ignored(name):
                _outside_or_link(sops_dir, root, here / name, problems, folder_link=True)
        dirs[:] = sorted(d for d in dirs if not _ignored(d))
        for name in sorted(names):
            path = here / name
            if _ignored(name) or (not is_yaml_name(name) and _own(sops_dir, path)):
                continue
            if not is_yaml_name(name):
                problems.append(Problem(_shown(sops_dir, root, path), None, "",
                                        "bukan berkas .yaml; dilewati",
                                        "beri akhiran .yaml bila ini usulan SOP, atau pindahkan keluar dari sops/"))
                continue
            if path.is_symlink() and _outside_or_link(sops_dir, root, path, problems):
                continue
            if not path.is_file():
                problems.append(Problem(_shown(sops_dir, root, path), None, "", "bukan berkas biasa; dilewati",
                                        "simpan usulan sebagai berkas .yaml biasa"))
                continue
            found.append(path)
    return sorted(found)


def _own(sops_dir: Path, path: Path) -> bool:
    try:
        return path.relative_to(sops_dir).as_posix() in OWN_FILES
    except ValueError:
        return False


def _outside_or_link(sops_dir: Path, root: Path, path: Path, problems: list[Problem],
                     folder_link: bool = False) -> bool:
    """A link whose target leaves ``sops/`` (or a linked folder, which is never walked): refused."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        target = None
    if folder_link or target is None or not target.is_relative_to(root):
        what = "folder tautan" if folder_link else "tautan"
        problems.append(Problem(_shown(sops_dir, root, path), None, "",
                                f"{what} ke luar folder {sops_dir.as_posix()} (atau rusak); tidak dibaca",
                                "salin berkasnya ke dalam folder sops/ alih-alih membuat tautan"))
        return True
    return False


def _shown(sops_dir: Path, root: Path, path: Path) -> str:
    try:
        return (sops_dir / path.relative_to(sops_dir)).as_posix()
    except ValueError:
        return path.as_posix()
