"""Make untrusted text safe to print on a terminal.

Article text and file names may carry escape sequences (ANSI CSI, OSC
window-title or hyperlink sequences) or raw control characters; printed
as-is they would be interpreted by the terminal. This strips them.
"""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL/ST),
# DCS/SOS/PM/APC (ESC P/X/^/_ ... ST) and two-character escapes.
_ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]                 # CSI
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?    # OSC, terminated by BEL or ST
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?         # DCS, SOS, PM, APC
    | \x1b[@-Z\\-_]                         # other two-character escapes
    | \x9b[0-?]*[ -/]*[@-~]                 # 8-bit CSI
    | \x9d[^\x07\x9c]*(?:\x07|\x9c)?        # 8-bit OSC
    """,
    re.VERBOSE,
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"[\r\n\t]+")


def strip_controls(text: str) -> str:
    """Remove escape sequences and control characters, keeping newlines and tabs."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def printable(text: str) -> str:
    """One safe line: controls stripped and line breaks folded to spaces."""
    return _LINE_BREAKS.sub(" ", strip_controls(text)).strip()
