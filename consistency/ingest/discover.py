"""Turn the paths a user typed (files, folders, glob patterns) into the files to read.

Paths are shown the way the user wrote them, joined with forward slashes for files found inside a
folder, and never resolved: a finding must cite a path the user recognises.
"""

from __future__ import annotations

import glob
import os
from typing import Sequence

from consistency.models import InputError

# Files met while walking a folder that are clearly not articles. A file named explicitly is
# always tried, whatever its extension.
SKIP_EXTENSIONS = frozenset("""
.py .pyc .pyo .pyd .so .o .a .dll .dylib .exe .class .jar .whl .egg
.png .jpg .jpeg .gif .webp .bmp .tif .tiff .ico .svg .heic .psd
.gz .tgz .zip .bz2 .xz .zst .7z .rar .tar
.db .sqlite .sqlite3 .parquet .pkl .pickle .npy .npz
.mp3 .mp4 .m4a .mov .avi .mkv .wav .ogg .flac .webm
.woff .woff2 .ttf .otf .eot .pdf .doc .docx .xls .xlsx .ppt .pptx
.css .js .map .lock .toml .ini .cfg .yaml .yml .csv .tsv .sarif .log .sh .bat
""".split())


def _shown(path: str) -> str:
    return path.replace(os.sep, "/") if os.sep != "/" else path


def _join(folder: str, relative: str) -> str:
    folder = _shown(folder)
    relative = _shown(relative)
    return folder + relative if folder.endswith("/") else f"{folder}/{relative}"


def _skipped(name: str) -> bool:
    return name.startswith(".") or os.path.splitext(name)[1].lower() in SKIP_EXTENSIONS


def _walk(folder: str, errors: list[InputError]) -> list[str]:
    found: list[str] = []

    def on_error(exc: OSError) -> None:
        where = exc.filename if isinstance(exc.filename, str) else folder
        errors.append(InputError(_shown(where), f"cannot read folder: {exc.strerror or exc}"))

    for root, dirs, files in os.walk(folder, onerror=on_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not _skipped(name):
                full = os.path.join(root, name)
                found.append(_join(folder, os.path.relpath(full, folder)))
    if not found:
        errors.append(InputError(_shown(folder), "no articles found in folder"))
    return found


def discover(paths: Sequence[str]) -> tuple[list[str], list[InputError]]:
    """Files to read (sorted, each once) and the paths that led to nothing."""
    files: list[str] = []
    errors: list[InputError] = []
    for given in paths:
        if os.path.isdir(given):
            files.extend(_walk(given, errors))
        elif os.path.exists(given):
            files.append(_shown(given))
        elif glob.has_magic(given):
            matches = sorted(glob.glob(given, recursive=True))
            pattern_ext = os.path.splitext(given)[1].lower()
            before = len(files)
            for match in matches:
                if os.path.isdir(match):
                    files.extend(_walk(match, errors))
                # A pattern like "news/*" should not drag in images; "*.csv" asked for CSVs.
                elif not _skipped(os.path.basename(match)) or os.path.splitext(match)[1].lower() == pattern_ext:
                    files.append(_shown(match))
            if len(files) == before and not matches:
                errors.append(InputError(_shown(given), "no files match this pattern"))
            elif len(files) == before:
                errors.append(InputError(_shown(given), "pattern matches no article files"))
        else:
            errors.append(InputError(_shown(given), "no such file or folder"))
    return sorted(set(files)), errors
