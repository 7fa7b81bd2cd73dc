"""Finding a CJK font for chart export: Chinese labels must render, never as empty boxes."""
from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
# Preferred families, best first; the first one installed wins.
_PREFERRED = ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei",
              "WenQuanYi Zen Hei", "Droid Sans Fallback", "AR PL UMing CN")


class FontMissingError(RuntimeError):
    """No CJK font is available to the chart exporter."""


@dataclass(frozen=True)
class CjkFont:
    family: str
    directory: Path


def _fc_list() -> list[tuple[str, str]]:
    if shutil.which("fc-list") is None:
        return []
    out = subprocess.run(["fc-list", ":lang=zh", "family", "file"], capture_output=True, text=True, check=False).stdout
    pairs = []
    for line in out.splitlines():
        path, _, families = line.partition(": ")
        pairs.extend((fam.strip(), path.strip()) for fam in families.split(",") if fam.strip())
    return pairs


@cache
def find_cjk_font() -> CjkFont:
    """The CJK font charts use: ``POLICYKIT_FONT_DIR`` (with ``POLICYKIT_FONT_FAMILY``) or an installed one.

    Raises
    ------
    FontMissingError
        With what to install, when there is none.
    """
    font_dir = os.environ.get("POLICYKIT_FONT_DIR")
    if font_dir:
        folder = Path(font_dir)
        if not folder.is_dir() or not any(p.suffix.lower() in _FONT_SUFFIXES for p in folder.rglob("*")):
            raise FontMissingError(f"POLICYKIT_FONT_DIR={font_dir}: no .ttf/.otf/.ttc font files there")
        return CjkFont(os.environ.get("POLICYKIT_FONT_FAMILY", _PREFERRED[0]), folder)
    installed = _fc_list()
    for family in _PREFERRED:
        for fam, path in installed:
            if fam == family:
                return CjkFont(family, Path(path).parent)
    if installed:
        fam, path = installed[0]
        return CjkFont(fam, Path(path).parent)
    raise FontMissingError(
        "no CJK font found, so Chinese chart labels would render as empty boxes. Install one "
        "(Debian/Ubuntu: `sudo apt-get install fonts-noto-cjk`; `make fonts` does it as root) or set "
        "POLICYKIT_FONT_DIR to a folder with a CJK .ttf/.otf/.ttc and POLICYKIT_FONT_FAMILY to its family name."
    )
