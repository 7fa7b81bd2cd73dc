"""Export charts for papers: SVG, PDF and PNG through vl-convert, with the CJK font registered."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import re

import altair as alt
import vl_convert as vlc

from ..project import write_atomically
from ._fonts import find_cjk_font
from ._theme import theme_config

FORMATS = ("svg", "png", "pdf")
# A PDF resource dictionary written one entry per line: "/Font <<\n  /fo0 1 0 R\n  ...".
_RESOURCE_ENTRIES = re.compile(rb"(/[A-Za-z]+ <<\n)((?:[ \t]*/[\w.+-]+ \d+ 0 R\n)+)")


@cache
def _register_fonts(directory: str) -> None:
    vlc.register_font_directory(directory)


_NUMBERED_ID = re.compile(r'id="([A-Za-z]+_)(\d+)"')


def _canonical_svg(svg: str) -> str:
    """The SVG with numbered ids (``gradient_7``) renumbered from 0 in order of appearance.

    vl-convert numbers gradients with a counter that lives as long as the process, so the second
    export of the same chart would otherwise differ from the first.
    """
    renamed: dict[str, str] = {}
    for prefix, number in _NUMBERED_ID.findall(svg):
        renamed.setdefault(prefix + number, f"{prefix}{sum(k.startswith(prefix) for k in renamed)}")
    if not renamed:
        return svg
    pattern = re.compile(r'(id="|#)(' + "|".join(map(re.escape, renamed)) + r')(?=[")])')
    return pattern.sub(lambda m: m.group(1) + renamed[m.group(2)], svg)


def _canonical_pdf(data: bytes) -> bytes:
    """The PDF with the entries of each resource dictionary sorted.

    vl-convert writes those entries in hash-map order, which changes from run to run; their
    order means nothing to a PDF reader, and sorting keeps every byte offset (the xref) valid.
    """
    return _RESOURCE_ENTRIES.sub(lambda m: m.group(1) + b"".join(sorted(m.group(2).splitlines(keepends=True))),
                                 data)


def save(chart: alt.TopLevelMixin, path: str | Path, *, ppi: int = 200) -> Path:
    """Write ``chart`` to ``path``; the format comes from the suffix (.svg, .png, .pdf).

    The CJK font is found and registered with vl-convert in the same call, so Chinese labels
    render; without one, :class:`FontMissingError` says what to install. The same chart gives the
    same bytes in every format: no timestamps are written, and the PDF's resource dictionaries are
    put in a fixed order. (A PDF stays reproducible only while the chart uses one font face: the
    theme uses a single weight; a chart that sets ``fontWeight="bold"`` embeds two faces, whose
    numbering vl-convert picks at random.)

    Examples
    --------
    >>> import altair as alt, polars as pl, tempfile, pathlib
    >>> chart = alt.Chart(pl.DataFrame({"单位": ["科技局"], "n": [3]})).mark_bar().encode(x="n", y="单位")
    >>> svg = save(chart, pathlib.Path(tempfile.mkdtemp()) / "c.svg")
    >>> svg.suffix, "科技局" in svg.read_text(encoding="utf-8")
    ('.svg', True)
    """
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"{path}: unknown chart format {fmt!r}; use one of {', '.join(FORMATS)}")
    font = find_cjk_font()
    _register_fonts(str(font.directory))
    spec = chart.to_dict()
    config = theme_config(font.family)["config"]
    if fmt == "svg":
        data: bytes = _canonical_svg(vlc.vegalite_to_svg(spec, config=config)).encode("utf-8")
    elif fmt == "png":
        data = vlc.vegalite_to_png(spec, ppi=ppi, config=config)
    else:
        data = _canonical_pdf(vlc.vegalite_to_pdf(spec, config=config))
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_atomically(path, lambda tmp: tmp.write_bytes(data))  # never through a symlink at path
