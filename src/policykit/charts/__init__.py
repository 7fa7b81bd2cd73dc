"""Charts for papers: builders over the kit's frames, a publication theme, and deterministic export."""
from ._builders import load_bars
from ._fonts import CjkFont, FontMissingError, find_cjk_font
from ._save import FORMATS, save
from ._theme import PALETTE, THEME_NAME, theme_config, use_theme

__all__ = ["CjkFont", "FORMATS", "FontMissingError", "PALETTE", "THEME_NAME", "find_cjk_font", "load_bars", "save",
           "theme_config", "use_theme"]
