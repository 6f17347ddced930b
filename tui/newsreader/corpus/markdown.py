"""Markdown to readable plain paragraphs (for .md files and converted HTML).

Deliberately small: headings lose their hashes (the first top-level one is
the title), emphasis and link syntax go, link and image targets go, raw
HTML tags are removed with the content of script/style/iframe-like
elements. Brackets that are not link syntax (e.g. "[bold red]") stay as
text. One output line per paragraph, paragraphs separated by a blank line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# Elements whose content is never article text. (Not <form>: some sites wrap
# the whole page, article included, in one.)
_HIDDEN_ELEMENTS = re.compile(
    r"<(script|style|iframe|noscript|template|object|embed|svg|math|canvas|select"
    r"|textarea|button)\b[^>]*>.*?(?:</\1\s*>|\Z)",
    re.IGNORECASE | re.DOTALL,
)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|h[1-6]|li|ul|ol|blockquote|section|article|tr|table)"
                        r"\b[^<>]*>", re.IGNORECASE)  # fmt: skip
_ATX_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT_UNDERLINE = re.compile(r"^(=+|-+)\s*$")
_RULER = re.compile(r"^(?:[-*_]\s*){3,}$")
_FENCE = re.compile(r"^(```|~~~)")
# Inline spans are bounded and cannot contain their own delimiter, so an
# unclosed "[" or "*" repeated along a line costs linear, not quadratic, time.
_IMAGE = re.compile(r"!\[([^\[\]]{0,300})\]\([^()]{0,2000}\)")
_LINK = re.compile(
    r"\[([^\[\]]{1,300})\]\((?:[^()\s]|\([^()]{0,300}\)){0,2000}(?:\s+\"[^\"]{0,300}\")?\)"
)
# Pandoc bracketed spans, as newsreader's export marks entities: "[Kim]{.PER}".
_SPAN = re.compile(r"\[([^\[\]]{1,300})\]\{[^{}\n]{0,200}\}")
_REF_LINK = re.compile(r"\[([^\[\]]{1,300})\]\[[^\[\]]{0,100}\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_STRONG = re.compile(r"\*\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*\*|__(?=\S)([^_\n]{1,300}?)(?<=\S)__")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])([^*_\n]{1,300}?)(?<=\S)\1(?![\w*])")
_CODE = re.compile(r"`([^`]{1,300})`")
# CommonMark: a backslash before any ASCII punctuation character is an escape
# (newsreader's export writes "\<", "\$", "\@" ... too).
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# The escapes of a YAML double-quoted value that can stand for printable text.
_YAML_ESCAPE = re.compile(r'\\([\\"/])')
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_BULLET = re.compile(r"^\s*[*+-]\s+")


@dataclass(frozen=True)
class PlainMarkdown:
    """Markdown reduced to plain paragraphs, its first top-level heading, and
    the simple ``key: value`` fields of a YAML front-matter block, if any."""

    text: str
    title: str | None
    front_matter: dict[str, str] = field(default_factory=dict)


def remove_hidden_elements(page: str) -> str:
    """Remove comments and elements whose content is never shown as text.

    Args:
        page: HTML or Markdown with raw HTML.

    Returns:
        The same markup without scripts, styles, iframes and the like.
    """
    return _HIDDEN_ELEMENTS.sub("", _COMMENT.sub("", page))


def remove_html(text: str) -> str:
    """Remove raw HTML: hidden elements with their content, other tags alone.

    Block-level tags become line breaks so paragraphs do not run together;
    entities are decoded last, so an escaped tag stays visible text.

    Args:
        text: Text that may contain HTML fragments.

    Returns:
        The text without tags.
    """
    text = remove_hidden_elements(text)
    text = _BLOCK_TAG.sub("\n\n", text)
    text = _TAG.sub("", text)
    return html.unescape(text)


def markdown_to_plain(text: str) -> PlainMarkdown:
    """Reduce Markdown to plain paragraphs.

    Args:
        text: Sanitised Markdown.

    Returns:
        The paragraphs (one line each, blank-line separated) and the text of
        the first level-one heading, if the document has one.
    """
    front_matter, text = _split_front_matter(text)
    lines = remove_html(text).split("\n")
    paragraphs: list[str] = []
    current: list[str] = []
    title: str | None = None
    in_fence = False

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for raw in lines:
        line = raw.strip()
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            # Code keeps its line structure: each line is its own paragraph.
            if line:
                paragraphs.append(line)
            continue
        line = _QUOTE.sub("", line).strip()
        heading = _ATX_HEADING.match(line)
        if heading:
            flush()
            content = _inline(heading.group(2))
            if len(heading.group(1)) == 1 and title is None and content:
                title = content
            if content:
                paragraphs.append(content)
            continue
        if current and _SETEXT_UNDERLINE.match(line) and len(current) == 1:
            content = _inline(current.pop())
            if line.startswith("=") and title is None and content:
                title = content
            flush()
            if content:
                paragraphs.append(content)
            continue
        if not line or _RULER.match(line) or _REF_DEF.match(line):
            flush()
            continue
        if _BULLET.match(line):
            # A list item is its own paragraph; it keeps a plain "- " marker.
            flush()
            item = _inline(_BULLET.sub("", line))
            if item:
                paragraphs.append(f"- {item}")
            continue
        content = _inline(line)
        if content:
            current.append(content)
    flush()
    return PlainMarkdown("\n\n".join(paragraphs), title, front_matter)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Take a leading YAML front-matter block off the text (newsreader's own
    exports carry one). Only top-level scalar ``key: value`` lines are read;
    lists and nested values are skipped rather than parsed. Values are
    unquoted and their Markdown escapes undone.
    """
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    block = [line for line in match.group(1).split("\n") if line.strip()]
    # Two horizontal rules around prose are not front matter: every line of a
    # YAML block is a "key: value", a list item or an indented continuation.
    if not block or not all(_FIELD.match(line) or line[:1] in " \t-#" for line in block):
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        found = _FIELD.match(line)
        if found and found.group(2) and found.group(2)[0] not in "[{|>&*!":
            value = found.group(2)
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = _YAML_ESCAPE.sub(r"\1", value[1:-1])
            elif len(value) >= 2 and value[0] == value[-1] == "'":
                value = value[1:-1].replace("''", "'")
            elif value.lower() in ("null", "~"):
                continue
            # Pandoc reads metadata values as Markdown; newsreader's export
            # escapes them so (a title "*Kim*" is written "\\*Kim\\*").
            fields[found.group(1).lower()] = _ESCAPE.sub(r"\1", value)
    return fields, text[match.end() :]


# Escaped punctuation is held out of the markup patterns as private-use
# characters (plane 15, never in news text) and put back last, so "\*Kim\*"
# reads "*Kim*" instead of being taken for emphasis.
_HELD = 0xF0000
_HELD_CHARS = re.compile(f"[{chr(_HELD + 0x21)}-{chr(_HELD + 0x7E)}]")


def _inline(text: str) -> str:
    text = _ESCAPE.sub(lambda m: chr(_HELD + ord(m.group(1))), text)
    text = _IMAGE.sub("", text)
    text = _SPAN.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    # Inner emphasis first, so "**a *b* c**" becomes "**a b c**" for _STRONG.
    text = _EMPHASIS.sub(r"\2", text)
    text = _STRONG.sub(lambda m: m.group(1) or m.group(2), text)
    text = _HELD_CHARS.sub(lambda m: chr(ord(m.group()) - _HELD), text)
    return " ".join(text.split())
