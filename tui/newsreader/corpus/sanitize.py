"""Make untrusted article text inert and uniform before anything reads it.

Article files come from anywhere: they may carry terminal escape sequences
(a title-setting OSC, an OSC 8 hyperlink, colour CSI), raw control
characters, or a zoo of Unicode spaces. Everything the corpus returns passes
through :func:`sanitize` so the rest of newsreader only ever sees plain text.
What is stripped is defined once, in :mod:`newsreader.textsafe` (also what
the CLI prints through); this module adds the normalising of spaces, line
ends and Unicode.

Rich markup such as ``[bold red]`` is ordinary text here and is left alone:
escaping it is the UI's job.
"""

from __future__ import annotations

import re
import unicodedata

from newsreader.textsafe import CONTROL_CHARS, INVISIBLE_CHARS, LINE_BREAKS, strip_controls

_ODD_SPACES_CHARS = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_ODD_SPACES = re.compile(f"[{_ODD_SPACES_CHARS}]")
_SPACE_RUNS = re.compile(r" {2,}")
# Every character one of the passes below acts on: line separators, ESC and
# 8-bit CSI/string starters (all within the control ranges), controls,
# invisible format characters and odd spaces.
_ANY_SUSPECT = re.compile(f"[{CONTROL_CHARS}\u2028\u2029{INVISIBLE_CHARS}{_ODD_SPACES_CHARS}]")


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
        # Line ends first: CR, VT, FF and NEL are controls strip_controls removes.
        text = strip_controls(LINE_BREAKS.sub("\n", text))
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
