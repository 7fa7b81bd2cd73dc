"""The figure gallery of the docs: the demo's PNGs copied with a manifest that says what each one is.

``make gallery`` runs the demo's notebooks on the shipped sample (with the reference facts, without
the development corpus) and calls :func:`write_gallery`; the tests compare what the builders draw
now with the manifest, so a gallery older than the code fails them.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import struct
from pathlib import Path

from ._fonts import FontMissingError, find_cjk_font

MANIFEST = "manifest.json"
_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) in pixels of a PNG, read from its header; ValueError if it is no PNG.

    Examples
    --------
    >>> png_size(_SIGNATURE + b"\\x00\\x00\\x00\\rIHDR" + struct.pack(">II", 720, 480) + b"\\x08\\x06\\x00\\x00\\x00")
    (720, 480)
    >>> png_size(b"<svg/>")
    Traceback (most recent call last):
    ...
    ValueError: not a PNG (no PNG signature, or no IHDR chunk first)
    """
    if len(data) < 24 or not data.startswith(_SIGNATURE) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG (no PNG signature, or no IHDR chunk first)")
    return struct.unpack(">II", data[16:24])


def figure_record(path: Path) -> dict:
    """What the manifest says of one PNG: its size in pixels and the sha256 of its bytes."""
    data = path.read_bytes()
    width, height = png_size(data)
    return {"width": width, "height": height, "sha256": hashlib.sha256(data).hexdigest()}


def write_gallery(figures: str | Path, gallery: str | Path, *, since: float | None = None) -> list[Path]:
    """Copy the PNGs of ``figures`` (those written at or after ``since``, a time stamp, when given) to
    ``gallery`` and write ``gallery/manifest.json`` (the CJK font family that drew them, and each
    figure's size and sha256). PNGs of the gallery that are no longer drawn are removed.

    Examples
    --------
    >>> import tempfile
    >>> figures, gallery = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    >>> _ = (figures / "a.png").write_bytes(_SIGNATURE + b"\\x00\\x00\\x00\\rIHDR" + struct.pack(">II", 2, 1))
    >>> [p.name for p in write_gallery(figures, gallery)]
    ['a.png']
    >>> json.loads((gallery / MANIFEST).read_text())["figures"]["a"]["width"]
    2
    """
    figures, gallery = Path(figures), Path(gallery)
    drawn = sorted(p for p in figures.glob("*.png") if since is None or p.stat().st_mtime >= since)
    gallery.mkdir(parents=True, exist_ok=True)
    for stale in set(gallery.glob("*.png")) - {gallery / p.name for p in drawn}:
        stale.unlink()
    copies = [Path(shutil.copyfile(p, gallery / p.name)) for p in drawn]
    manifest = {"font": _font_family(), "figures": {p.stem: figure_record(p) for p in copies}}
    (gallery / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
    return copies


def read_manifest(gallery: str | Path) -> dict:
    """The gallery's manifest: ``{"font": family, "figures": {stem: {width, height, sha256}}}``."""
    return json.loads((Path(gallery) / MANIFEST).read_text(encoding="utf-8"))


def _font_family() -> str | None:
    try:
        return find_cjk_font().family
    except FontMissingError:  # figures without Chinese labels can be drawn without one
        return None
