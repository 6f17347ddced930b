"""Separate an article's body from everything else on its page.

Cleaning works on lines (each non-blank line is a paragraph) and never
drops one: every line ends up either in the body or as a
:class:`~newsreader.corpus.article.RemovedLine` with its kind. The passes,
in order:

1. the :data:`~newsreader.corpus.rules.RULES` table (ads, related links,
   teasers, captions, credits, wire credit) and publication-date lines;
2. a caption printed on both sides of its photo credit;
3. the title (a known one from HTML/Markdown, or a headline-shaped first line);
4. the summary: lines between the title and a dateline lede opening the body;
5. repeated lines (the second copy goes; a repeated title is a duplicate);
6. ``tail`` rules on the last body line (trailing editor initials).

Kinds added here, beyond the rule table: ``"metadata"`` (title and date
lines), ``"summary"`` (the sub-headline teaser, also kept as
``Article.summary`` since it paraphrases the body rather than adding to it)
and ``"duplicate"``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from newsreader.corpus.article import RemovedLine
from newsreader.corpus.dates import Stamp, parse_date_line
from newsreader.corpus.metadata import Dateline, looks_like_headline, parse_dateline
from newsreader.corpus.rules import ANY_RULE, RULES, Rule

_BODY_RULES = tuple(rule for rule in RULES if rule.scope in ("line", "start"))
_REST_RULES = tuple(rule for rule in RULES if rule.scope == "rest")
_TAIL_RULES = tuple(rule for rule in RULES if rule.scope == "tail")
# How far into the body a dateline may open it, and how many summary lines
# may stand between the title and it: further down, a "dateline" is more
# likely a body sentence that happens to look like one.
_DATELINE_WINDOW = 3
_MAX_SUMMARY_LINES = 2
# Boilerplate lines are short (the longest are photo captions); longer lines
# are body text, and skipping the rules on them bounds the regex work per line.
_MAX_BOILERPLATE_CHARS = 1000
# Short lines ("Ya.", a one-word subheading) legitimately recur in a body.
_MIN_DUPLICATE_WORDS = 3
_WORDS = re.compile(r"\w+")
_SECTION_LABEL = re.compile(r"[^\W\d_][\w&-]{1,24}")


@dataclass
class _Piece:
    text: str
    kind: str | None = None  # None while the piece is body text
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Cleaned:
    """The body and what was taken out of it, with the metadata the lines stated."""

    text: str
    removed: tuple[RemovedLine, ...]
    title: str | None = None
    summary: str | None = None
    stamp: Stamp | None = None
    dateline: Dateline | None = None
    byline: str | None = None
    editor: str | None = None
    wire: str | None = None
    outlet: str | None = None  # as written in a credit or header line, not normalised


def clean(text: str, *, title: str | None = None) -> Cleaned:
    """Split sanitised article text into body and removed lines.

    Args:
        text: Sanitised text (see :func:`~newsreader.corpus.sanitize.sanitize`),
            one paragraph per line or blank-line separated.
        title: The title when the source states it apart from the text (HTML
            ``<title>``, a Markdown heading); ``None`` to look for a headline
            as the first line.

    Returns:
        The cleaned body (paragraphs joined by a blank line), the removed
        lines in order, and the metadata found in the lines.
    """
    pieces = [_Piece(line.strip()) for line in text.split("\n") if line.strip()]
    stamp = _apply_rules(pieces)
    _caption_around_credit(pieces)
    title_at, title = _find_title(pieces, title)
    dateline = _find_dateline_and_summary(pieces, title_at, title)
    _mark_duplicates(pieces, title)
    _split_tail(pieces)
    return _assemble(pieces, title, stamp, dateline)


def _apply_rules(pieces: list[_Piece]) -> Stamp | None:
    stamp: Stamp | None = None
    seen_body = False
    for i, piece in enumerate(pieces):
        if piece.kind is not None:
            continue
        if seen_body and _first_match(_REST_RULES, piece.text):
            for later in pieces[i:]:
                later.kind = "teaser"
            break
        date = parse_date_line(piece.text)
        if date is not None:
            piece.kind = "metadata"
            stamp = stamp or date
            continue
        if len(piece.text) > _MAX_BOILERPLATE_CHARS or not ANY_RULE.match(piece.text):
            seen_body = True
            continue
        for rule in _BODY_RULES + _REST_RULES:
            match = rule.matches(piece.text)
            if match:
                piece.kind = rule.kind
                piece.fields = {k: v for k, v in match.groupdict().items() if v}
                break
        else:
            seen_body = True
    return stamp


def _first_match(rules: tuple[Rule, ...], text: str) -> Rule | None:
    return next((rule for rule in rules if rule.matches(text)), None)


def _caption_around_credit(pieces: list[_Piece]) -> None:
    """A caption printed above and below its photo credit goes, both copies."""
    for i in range(1, len(pieces) - 1):
        before, credit, after = pieces[i - 1], pieces[i], pieces[i + 1]
        if (
            credit.kind == "caption"
            and before.kind in (None, "caption")
            and after.kind in (None, "caption")
            and _key(before.text)
            and _key(before.text) == _key(after.text)
        ):
            before.kind = after.kind = "caption"


def _find_title(pieces: list[_Piece], known: str | None) -> tuple[int | None, str | None]:
    body = [i for i, p in enumerate(pieces) if p.kind is None]
    if known is not None:
        for i in body:
            if _key(pieces[i].text) == _key(known):
                pieces[i].kind = "metadata"
                return i, known
        # Page titles often carry the outlet ("Judul - Kompas.com") while the
        # heading in the text does not: a headline-shaped first line that is
        # the start of the known title is the title, without the outlet.
        first = pieces[body[0]].text if body else ""
        if len(body) >= 2 and looks_like_headline(first) and _key(known).startswith(_key(first)):
            pieces[body[0]].kind = "metadata"
            return body[0], first
        return None, known
    # A lone word above the headline is the page's section label ("Dunia").
    if (
        len(body) >= 3
        and _SECTION_LABEL.fullmatch(pieces[body[0]].text)
        and looks_like_headline(pieces[body[1]].text)
    ):
        pieces[body[0]].kind = "metadata"
        body = body[1:]
    if len(body) >= 2 and looks_like_headline(pieces[body[0]].text):
        pieces[body[0]].kind = "metadata"
        return body[0], pieces[body[0]].text
    return None, None


def _find_dateline_and_summary(
    pieces: list[_Piece], title_at: int | None, title: str | None
) -> Dateline | None:
    start = 0 if title_at is None else title_at + 1
    title_key = _key(title) if title else None
    candidates: list[int] = []
    for i in range(start, len(pieces)):
        if len(candidates) == _DATELINE_WINDOW:
            break
        if pieces[i].kind is None and _key(pieces[i].text) != title_key:
            candidates.append(i)
    for n, i in enumerate(candidates):
        dateline = parse_dateline(pieces[i].text)
        if dateline is None or (dateline.weak and n > 0):
            continue
        if title_at is not None and 0 < n <= _MAX_SUMMARY_LINES:
            for j in range(title_at + 1, i):
                if pieces[j].kind is None:
                    pieces[j].kind = "duplicate" if _key(pieces[j].text) == title_key else "summary"
        return dateline
    return None


def _mark_duplicates(pieces: list[_Piece], title: str | None) -> None:
    seen = {_key(title)} if title else set()
    for piece in pieces:
        if piece.kind is not None:
            continue
        key = _key(piece.text)
        if key.count(" ") + 1 < _MIN_DUPLICATE_WORDS:  # fewer words than that
            continue
        if key in seen:
            piece.kind = "duplicate"
        seen.add(key)


def _split_tail(pieces: list[_Piece]) -> None:
    last = next((i for i in range(len(pieces) - 1, -1, -1) if pieces[i].kind is None), None)
    if last is None:
        return
    for rule in _TAIL_RULES:
        match = rule.matches(pieces[last].text)
        if match and match.start() > 0:
            head, tail = pieces[last].text[: match.start()], pieces[last].text[match.start() :]
            pieces[last : last + 1] = [_Piece(head.rstrip()), _Piece(tail.strip(), rule.kind)]
            return


def _assemble(
    pieces: list[_Piece], title: str | None, stamp: Stamp | None, dateline: Dateline | None
) -> Cleaned:
    paragraphs: list[str] = []
    removed: list[tuple[_Piece, int]] = []
    length = 0
    for piece in pieces:
        if piece.kind is None:
            paragraphs.append(piece.text)
            length += len(piece.text) + 2
        else:
            # Offset of the next paragraph: where the line stood in the body.
            removed.append((piece, length))
    text = "\n\n".join(paragraphs)
    fields: dict[str, str] = {}
    for piece, _ in removed:
        for name, value in piece.fields.items():
            fields.setdefault(name, value.strip(" ./|-–—"))
    summary = "\n\n".join(p.text for p, _ in removed if p.kind == "summary") or None
    return Cleaned(
        text=text,
        removed=tuple(RemovedLine(p.text, p.kind or "", min(o, len(text))) for p, o in removed),
        title=title,
        summary=summary,
        stamp=stamp,
        dateline=dateline,
        byline=fields.get("byline") or None,
        editor=fields.get("editor") or None,
        wire=fields.get("wire") or None,
        outlet=fields.get("outlet") or None,
    )


# Several steps compare the same paragraphs (title, summary, captions,
# duplicates): computing each key once halves the cost of cleaning.
@functools.lru_cache(maxsize=512)
def _key(text: str) -> str:
    """Comparison key: case and spacing and punctuation do not make a line new."""
    return " ".join(_WORDS.findall(text.casefold()))
