"""HTML pages: main content and metadata via trafilatura, text via markdownify.

trafilatura (imported lazily, so text-only loads do not pay for it) finds
the article in the page and its metadata; its cleaned HTML goes through
markdownify so paragraphs stay paragraphs, then through the small Markdown
reducer. When trafilatura finds no main content (a fragment, a page it
cannot parse), the whole document is reduced instead with scripts, styles
and other hidden elements dropped, so nothing hidden leaks into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsreader.corpus.dates import normalise_date
from newsreader.corpus.markdown import markdown_to_plain, remove_hidden_elements, remove_html
from newsreader.corpus.sanitize import sanitize, sanitize_line

# Deep nesting makes lxml and markdownify recurse; a page nested deeper than
# this is not a real article layout, and the fallback path handles it.
_MAX_DEPTH = 1000
_OPEN_TAG = re.compile(r"<(?:div|span|section|article|p|li|ul|ol|table|td|tr|b|i|em|strong|a)\b",
                       re.IGNORECASE)  # fmt: skip


@dataclass(frozen=True)
class HtmlArticle:
    """Text (one paragraph per line) and metadata taken from an HTML page."""

    text: str
    title: str | None = None
    site_name: str | None = None
    date: str | None = None
    author: str | None = None
    time: str | None = None
    timezone: str | None = None


def extract_html(page: str) -> HtmlArticle:
    """Extract an article's main text and metadata from an HTML page.

    Args:
        page: The decoded page.

    Returns:
        Plain paragraphs plus title, site name, ISO date and author where the
        page states them. Falls back to the whole page's text (never raising)
        when the main content cannot be found.
    """
    # trafilatura keeps the fallback text of some hidden elements (an
    # iframe's content, for one), so the body is extracted from a page
    # without them; metadata still comes from the whole page, since
    # JSON-LD in a <script> is where many sites state author and date.
    visible = remove_hidden_elements(page)
    if _too_deep(visible):
        return _fallback(visible)
    try:
        return _with_trafilatura(page, visible)
    except Exception:
        # Untrusted markup can trip lxml, trafilatura or markdownify internals
        # in ways they do not document (parser errors, recursion, bad
        # encodings declarations); the page still has text, so read it the
        # plain way rather than fail the file or the whole load.
        return _fallback(visible)


def _with_trafilatura(page: str, visible: str) -> HtmlArticle:
    import trafilatura
    from markdownify import markdownify

    document = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_formatting=True,
        include_links=False,
        include_images=False,
        include_tables=True,
        include_comments=False,
        favor_recall=True,
        # Only dates the page marks up as its own (meta tags, time elements):
        # the extensive search also reads dates out of body sentences, which
        # are event dates, not the publication date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None:
        return _fallback(visible)
    body_html = trafilatura.extract(
        visible,
        output_format="html",
        include_formatting=True,
        include_links=False,
        include_images=False,
        include_tables=True,
        include_comments=False,
        favor_recall=True,
    )
    if not body_html:
        return _fallback(visible)
    markdown = markdownify(
        body_html,
        heading_style="ATX",
        strip=["script", "style", "iframe", "img"],
        escape_asterisks=False,
        escape_underscores=False,
        escape_misc=False,
    )
    plain = markdown_to_plain(sanitize(markdown))
    title = _meta(document.title) or plain.title
    published = _published(page)
    return HtmlArticle(
        text=plain.text,
        title=title,
        site_name=_meta(document.sitename),
        date=published[0] if published else _meta(document.date),
        author=_meta(document.author),
        time=published[1] if published else None,
        timezone=published[2] if published else None,
    )


# The publication timestamp pages declare for link previews and search engines.
_PUBLISHED_META = re.compile(
    r"""<meta\b[^>]*?\b(?:property|name|itemprop)\s*=\s*["']?(?:article:published_time|"""
    r"""og:published_time|datePublished|pubdate|publishdate)["']?[^>]*?\bcontent\s*=\s*"""
    r"""["']?([^"'>]{10,40})""",
    re.IGNORECASE,
)
_PUBLISHED_META_REVERSED = re.compile(
    r"""<meta\b[^>]*?\bcontent\s*=\s*["']?([^"'>]{10,40})["']?[^>]*?\b(?:property|name|"""
    r"""itemprop)\s*=\s*["']?(?:article:published_time|og:published_time|datePublished|"""
    r"""pubdate|publishdate)\b""",
    re.IGNORECASE,
)
_ISO_STAMP = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
# Indonesia's zones by UTC offset, the way Indonesian pages print them.
_ZONES = {"+0700": "WIB", "+0800": "WITA", "+0900": "WIT", "Z": "UTC", "+0000": "UTC"}


def _published(page: str) -> tuple[str, str | None, str | None] | None:
    """Date, time and zone from the page's published-time meta tag, if any."""
    head = page[:200_000]
    match = _PUBLISHED_META.search(head) or _PUBLISHED_META_REVERSED.search(head)
    stamp = _ISO_STAMP.match(match.group(1).strip()) if match else None
    if stamp is None or normalise_date(stamp.group(1)) != stamp.group(1):
        return None
    if stamp.group(2) is None or int(stamp.group(2)) > 23 or int(stamp.group(3)) > 59:
        return stamp.group(1), None, None
    offset = (stamp.group(4) or "").replace(":", "")
    zone = _ZONES.get(offset, f"UTC{offset[:3]}:{offset[3:]}" if offset else None)
    return stamp.group(1), f"{stamp.group(2)}:{stamp.group(3)}", zone


def _fallback(page: str) -> HtmlArticle:
    title_match = re.search(r"<title[^>]*>(.*?)</title\s*>", page, re.IGNORECASE | re.DOTALL)
    title = _meta(remove_html(title_match.group(1))) if title_match else None
    body = re.sub(r"<head\b.*?</head\s*>", "", page, flags=re.IGNORECASE | re.DOTALL)
    plain = markdown_to_plain(sanitize(remove_html(body)))
    return HtmlArticle(text=plain.text, title=title or plain.title)


def _too_deep(page: str) -> bool:
    # Counting opening tags is a cheap upper bound on depth; only pages that
    # exceed it pay for a real depth check.
    if len(_OPEN_TAG.findall(page, 0, 2_000_000)) < _MAX_DEPTH:
        return False
    depth = peak = 0
    for match in re.finditer(r"<(/?)([A-Za-z][\w:-]*)[^<>]*?(/?)>", page):
        if match.group(3) or match.group(2).lower() in _VOID:
            continue
        depth += -1 if match.group(1) else 1
        peak = max(peak, depth)
        if peak > _MAX_DEPTH:
            return True
    return False


_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def _meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = sanitize_line(value)
    return value or None
