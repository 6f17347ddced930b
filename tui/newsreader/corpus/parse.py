"""``parse``: the text of one file -> an ``Article`` (format, cleaning, metadata).

The text arrives decoded and sanitised (loader.py). HTML and Markdown are
reduced to plain paragraphs first; then cleaning separates the body from
boilerplate and the metadata the text states is read.
"""

from __future__ import annotations

from newsreader.corpus.article import Article
from newsreader.corpus.clean import Cleaned, clean
from newsreader.corpus.dates import normalise_date
from newsreader.corpus.html import HtmlArticle
from newsreader.corpus.language import detect_language
from newsreader.corpus.markdown import markdown_to_plain
from newsreader.corpus.outlets import normalise_outlet, normalise_wire
from newsreader.corpus.sanitize import sanitize, sanitize_line
from newsreader.corpus.wrap import unwrap

_HTML_SUFFIXES = frozenset({".html", ".htm"})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})


# What a format states besides its paragraphs; HTML's shape serves every format.
_Source = HtmlArticle


def _read_format(text: str, suffix: str) -> _Source:
    if suffix in _HTML_SUFFIXES:
        # Imported here so text-only loads never import trafilatura.
        from newsreader.corpus.html import extract_html

        page = extract_html(text)
        return _Source(
            sanitize(page.text),
            page.title,
            page.site_name,
            page.date,
            page.author,
            page.time,
            page.timezone,
        )
    if suffix in _MARKDOWN_SUFFIXES:
        plain = markdown_to_plain(text)
        meta = plain.front_matter
        # HTML entities decoded by the Markdown reducer may spell controls.
        return _Source(
            sanitize(plain.text),
            title=plain.title or meta.get("title"),
            site_name=meta.get("outlet") or meta.get("site_name"),
            date=normalise_date(meta.get("date", "")),
            author=meta.get("byline") or meta.get("author"),
        )
    return _Source(unwrap(text))


def parse(text: str, suffix: str, article_id: str, path: str) -> Article:
    """Build the article a file's text holds.

    Args:
        text: The decoded, sanitised text of the file.
        suffix: Its lower-case suffix (".txt", ".md", ".html"...): how to read it.
        article_id: Id to give the article.
        path: Where the text came from ("" for in-memory text).

    Returns:
        The cleaned article (its text may be empty).
    """
    source = _read_format(text, suffix)
    cleaned = clean(source.text, title=source.title)
    return _article(cleaned, source, article_id, path)


def _article(cleaned: Cleaned, source: _Source, article_id: str, path: str) -> Article:
    dateline = cleaned.dateline
    stamp = cleaned.stamp
    # The lede's dateline is the most specific statement of the outlet, then
    # a stamp or credit line naming it, then the HTML page's site name.
    stated = [
        dateline.outlet if dateline else None,
        stamp.source if stamp else None,
        cleaned.outlet,
    ]
    outlet = next((o for o in stated if o), None)
    if outlet is None and source.site_name:
        outlet = source.site_name
    outlet = normalise_outlet(outlet) if outlet else None
    wire_raw = cleaned.wire
    wire = normalise_wire(wire_raw) if wire_raw else (dateline.wire if dateline else None)
    return Article(
        id=article_id,
        path=path,
        text=cleaned.text,
        title=_line(cleaned.title),
        outlet=_line(outlet),
        date=stamp.date if stamp else source.date,
        time=stamp.time if stamp else source.time,
        timezone=stamp.timezone if stamp else source.timezone,
        dateline=_line(dateline.city) if dateline else None,
        byline=_line(cleaned.byline or source.author),
        wire=_line(wire),
        language=detect_language(cleaned.text),
        removed=cleaned.removed,
        summary=cleaned.summary,
        editor=_line(cleaned.editor),
    )


def _line(value: str | None) -> str | None:
    if value is None:
        return None
    return sanitize_line(value) or None
