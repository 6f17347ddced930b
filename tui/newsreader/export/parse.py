"""Read an exported article back: the cleaned text and its entity spans."""

from __future__ import annotations

import re

from newsreader.export.markup import parse_body
from newsreader.export.render import TEXT_END

_TEXT_START = re.compile(r"<!-- newsreader:text style=(\w+) -->")


def parse_export(markdown: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Recover the cleaned text and every marked entity from an exported file.

    Exact for the "pandoc" and "html" styles. For "plain", bold carries no
    label: spans come back with label ``""``, and an entity that crossed a
    paragraph break comes back as one span per paragraph.

    Args:
        markdown: The whole exported document (``\\r\\n`` line ends are fine).

    Returns:
        (text, [(start, end, label), ...]) with offsets into ``text``.

    Raises:
        ValueError: the document has no newsreader text section.
    """
    lines = markdown.replace("\r\n", "\n").split("\n")
    found = [(number, _TEXT_START.fullmatch(line)) for number, line in enumerate(lines)]
    starts = [(number, match) for number, match in found if match]
    if not starts:
        raise ValueError("not a newsreader export: no text section found")
    start, match = starts[0]
    try:
        end = lines.index(TEXT_END, start + 1)
    except ValueError:
        raise ValueError("damaged newsreader export: the text section never ends") from None
    # render_article puts exactly one blank line after the start and before the end marker.
    body = "\n".join(lines[start + 2 : end - 1])
    return parse_body(body, match.group(1))
