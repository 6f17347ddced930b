"""YAML front matter, written by hand so no YAML library is needed at run time.

Every string is a double-quoted scalar with YAML escapes for anything a
YAML reader could misread or reject: quotes, backslashes, line breaks,
control characters, non-characters and the byte-order mark.

Pandoc (and Quarto, R Markdown) parse every metadata string as Markdown,
so a title ``*Kim* [tiba](http://x) <b>`` would come out as emphasis, a
link and raw HTML. Text values (title, outlet, names ...) are therefore
escaped as one line of Markdown, the headline's escaping, before they are
quoted: a YAML reader gets the escaped text and
:func:`newsreader.export.escape.unescape` gives back the value. YAML
quoting alone cannot do this: to Pandoc a quoted or literal-block string
is still Markdown. Identifiers meant for programs (the article id, the
source path) are written verbatim instead, since ``a\\_b.txt`` would no
longer name the file; Pandoc's templates do not show them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from newsreader.export.escape import escape_inline
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


def text(value: str) -> str:
    """A YAML scalar that Pandoc reads as exactly ``value``, no markup made of it."""
    return quote(escape_inline(value))


def scalar(value: str | int | None, *, verbatim: bool = False) -> str:
    """A YAML scalar for a string (Markdown-escaped unless ``verbatim``), an integer or None."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return quote(value) if verbatim else text(value)


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
    *,
    verbatim: Collection[str] = (),
) -> str:
    """The front matter block, from ``---`` to ``---`` (with a final newline).

    Args:
        fields: Top-level (key, value) pairs; keys are plain identifiers.
        groups: Output of :func:`entity_groups`, written under ``entities``.
        verbatim: Keys whose values are identifiers, written without
            Markdown escapes; every other string is Markdown-escaped.
    """
    lines = ["---"]
    lines += [f"{key}: {scalar(value, verbatim=key in verbatim)}" for key, value in fields]
    if groups:
        lines.append("entities:")
        for label, names in groups.items():
            lines.append(f"  {quote(label)}:")
            for name, count in names:
                lines.append(f"    - name: {text(name)}")
                lines.append(f"      count: {count}")
    else:
        lines.append("entities: {}")
    lines.append("---")
    return "\n".join(lines) + "\n"
