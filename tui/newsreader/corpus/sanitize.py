"""Make untrusted article text inert and uniform before anything reads it.

Article files come from anywhere: they may carry terminal escape sequences
(a title-setting OSC, an OSC 8 hyperlink, colour CSI), raw control
characters, or a zoo of Unicode spaces. Everything the corpus returns passes
through :func:`sanitize` so the rest of newsreader only ever sees plain text.
Rich markup such as ``[bold red]`` is ordinary text here and is left alone:
escaping it is the UI's job.
"""

from __future__ import annotations

import re
import unicodedata

# ESC-introduced sequences first, so their parameter bytes go with them
# instead of surviving as visible junk once the ESC itself is dropped. An
# unterminated string sequence (OSC/DCS/...) runs to the end of its line:
# a terminal would swallow that much too.
_ESCAPES = re.compile(
    r"""
    # A lone C1 introducer must be terminated to count as a sequence: in
    # scraped text it is usually mojibake (a cp1252-read closing quote ends
    # in U+009D), and eating the rest of the line would lose article text.
    \x1b\[[0-?]*[ -/]*[@-~]?                      # CSI
    | \x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?   # OSC, DCS, SOS, PM, APC
    | \x1b[ -/]*[0-~]?                            # nF and two-character escapes
    | \x9b[0-?]*[ -/]*[@-~]?                      # 8-bit CSI
    | [\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c\n]*(?:\x07|\x9c)  # 8-bit string sequences
    """,
    re.VERBOSE,
)
# C0 and C1 controls except tab and newline; DEL too.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Invisible format characters that only hide or reorder text: zero-width
# space, word joiner, BOM in mid-text, soft hyphen, and the bidi embeddings
# and overrides (used to make text display differently from what it is).
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_LINE_BREAKS = re.compile("\r\n|[\r\v\f\x85\u2028\u2029]")
_SPACE_RUNS = re.compile(r" {2,}")
# Every character one of the passes above acts on: line separators, ESC and
# 8-bit CSI/string starters (all within the C0/C1 control ranges), controls,
# invisible format characters and odd spaces.
_ANY_SUSPECT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029"
    "\u00ad\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069"
    "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
)


def sanitize(text: str) -> str:
    """Strip escapes and controls, and normalise spaces, line ends and Unicode.

    Newlines and tabs survive; CRLF, CR and other line separators become
    ``\\n``; NBSP and other odd spaces become a plain space, runs of spaces
    one space; trailing spaces on a line are dropped; the result is NFC.

    Args:
        text: Untrusted text from a file or an HTML page.

    Returns:
        The same text with nothing a terminal would interpret.
    """
    # Most text has none of these characters: one scan to find out is far
    # cheaper than five substitution passes that each change nothing.
    if _ANY_SUSPECT.search(text):
        text = _LINE_BREAKS.sub("\n", text)
        text = _ESCAPES.sub("", text)
        text = _CONTROLS.sub("", text)
        text = _INVISIBLE.sub("", text)
        text = _ODD_SPACES.sub(" ", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    # NFC can compose a character out of pieces that were separated only by a
    # stripped control, so the space pass runs last.
    text = _SPACE_RUNS.sub(" ", text)
    return "\n".join(line.rstrip(" ") for line in text.split("\n"))


def sanitize_line(text: str) -> str:
    """Sanitise and fold to one trimmed line (for metadata values and names).

    Args:
        text: Untrusted text that should end up on a single line.

    Returns:
        The sanitised text with line breaks and tabs folded to single spaces.
    """
    return " ".join(sanitize(text).split())
