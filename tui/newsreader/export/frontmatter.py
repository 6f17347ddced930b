"""YAML front matter, written by hand so no YAML library is needed at run time.

Every string is a double-quoted scalar with YAML escapes for anything a
YAML reader could misread or reject: quotes, backslashes, line breaks,
control characters, non-characters and the byte-order mark.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from newsreader.nlp.annotation import LABELS, Entity

_NAMED = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
# Besides quotes and backslashes: C0/C1 controls, which YAML readers reject;
# NEL, LS and PS, which YAML 1.1 readers (PyYAML) take as line breaks; the
# BOM, which some strip; lone surrogates and U+FFFE/U+FFFF, which are rejected.
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]')


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def quote(value: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly ``value``."""
    return '"' + _NEEDS_ESCAPE.sub(_escape, value) + '"'


def scalar(value: str | int | None) -> str:
    """A YAML scalar for a string, an integer or a missing value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return quote(value)


def entity_groups(entities: Iterable[Entity]) -> dict[str, list[tuple[str, int]]]:
    """Canonical names and mention counts per label, known labels first.

    Returns:
        label -> [(canonical name, count)], most mentioned first.
    """
    counts: dict[str, Counter[str]] = {}
    for entity in entities:
        name = entity.canonical or entity.text
        counts.setdefault(entity.label, Counter())[name] += 1
    order = [label for label in LABELS if label in counts]
    order += sorted(label for label in counts if label not in LABELS)
    return {
        label: sorted(counts[label].items(), key=lambda item: (-item[1], item[0]))
        for label in order
    }


def render_front_matter(
    fields: Sequence[tuple[str, str | int | None]],
    groups: dict[str, list[tuple[str, int]]],
) -> str:
    """The front matter block, from ``---`` to ``---`` (with a final newline).

    Args:
        fields: Top-level (key, value) pairs; keys are plain identifiers.
        groups: Output of :func:`entity_groups`, written under ``entities``.
    """
    lines = ["---"]
    lines += [f"{key}: {scalar(value)}" for key, value in fields]
    if groups:
        lines.append("entities:")
        for label, names in groups.items():
            lines.append(f"  {quote(label)}:")
            for name, count in names:
                lines.append(f"    - name: {quote(name)}")
                lines.append(f"      count: {count}")
    else:
        lines.append("entities: {}")
    lines.append("---")
    return "\n".join(lines) + "\n"
