"""Locate files shipped beside the code (styles, seeds, the trained model).

In a wheel install they live inside the package (hatch force-include); in an
editable install the package is imported from ``tui/newsreader`` and the
folders sit at the repository root, so we fall back to that.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_PACKAGE_DIR = Path(str(files("newsreader")))
_REPO_ROOT = _PACKAGE_DIR.parent.parent


def _shipped(name: str) -> Path:
    inside = _PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    beside = _REPO_ROOT / name
    if beside.is_dir():
        return beside
    raise FileNotFoundError(f"newsreader resource folder {name!r} is missing from this install")


def styles_dir() -> Path:
    """Folder of the app's Textual CSS files."""
    return _shipped("styles")


def seeds_dir() -> Path:
    """Folder of the bundled default articles."""
    return _shipped("seeds")
