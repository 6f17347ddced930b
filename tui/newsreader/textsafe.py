"""Make untrusted text safe to print on a terminal: the one list of what is stripped.

Article text and file names may carry escape sequences (ANSI CSI, OSC
window-title or hyperlink sequences), raw control characters, or invisible
format characters (bidi overrides that make a name display as something it
is not). Printed as-is they would be interpreted by the terminal.

What counts as an escape, a control or an invisible character is defined
here only: ``corpus.sanitize`` (article text) and ``export.sanitize``
(exported files) build on these definitions.
"""

from __future__ import annotations

import re

# ESC-introduced sequences go whole, so their parameter bytes go with them
# instead of surviving as visible junk once the ESC itself is dropped. An
# unterminated string sequence (OSC/DCS/...) runs to the end of its line:
# a terminal would swallow that much too. A lone C1 string introducer must
# be terminated to count: in scraped text it is usually mojibake (a
# cp1252-read closing quote ends in U+009D), and eating the rest of the
# line would lose text.
ESCAPE_SEQUENCES = (
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI
    r"|\x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS, SOS, PM, APC
    r"|\x1b[ -/]*[0-~]?"  # nF and two-character escapes
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # 8-bit CSI
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c\n]*(?:\x07|\x9c)"  # 8-bit string sequences
)
#: C0 and C1 controls except tab and newline; DEL too (a regex class body).
CONTROL_CHARS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
#: Format characters that only hide or reorder text: soft hyphen, zero-width
#: space, word joiner, BOM in mid-text, bidi embeddings, overrides, isolates.
INVISIBLE_CHARS = "\u00ad\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069"
#: Every line end, to be read as one ``\n`` (CR and the others are controls).
LINE_BREAKS = re.compile("\r\n|[\r\v\f\x85\u2028\u2029]")

_ESCAPES = re.compile(ESCAPE_SEQUENCES)
_CONTROLS = re.compile(f"[{CONTROL_CHARS}]")
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")
_FOLD = re.compile(r"[\n\t]+")


def strip_controls(text: str) -> str:
    """Remove escape sequences, control and invisible characters; keep ``\\n`` and tabs.

    Args:
        text: Untrusted text whose line ends are already ``\\n`` (see
            :data:`LINE_BREAKS`); a CR left in it is removed, not kept.

    Returns:
        The text with nothing a terminal would interpret or hide.
    """
    return _INVISIBLE.sub("", _CONTROLS.sub("", _ESCAPES.sub("", text)))


def printable(text: str) -> str:
    """One safe line: controls stripped, line breaks and tabs folded to a space.

    Args:
        text: Untrusted text such as a file name or an error message.

    Returns:
        The text on one trimmed line; other spacing is left as it was.
    """
    return _FOLD.sub(" ", strip_controls(LINE_BREAKS.sub("\n", text))).strip()
