"""Reading articles: paths -> cleaned ``Article`` objects plus metadata and errors.

``load(paths)`` walks files and folders (discover.py), decodes bytes
(decode.py) and strips escape sequences and odd characters (sanitize.py);
then ``parse`` (parse.py) reads HTML and Markdown into plain paragraphs
(html.py, markdown.py), joins hard-wrapped text (wrap.py), separates body
from boilerplate with the rule table (rules.py, clean.py) and reads the
metadata the text states (metadata.py, dates.py, outlets.py, language.py).

Decisions worth knowing:

- Nothing is dropped silently: every line cleaning takes out is an
  ``Article.removed`` entry with its kind and position.
- The sub-headline teaser between title and dateline lede is stored as
  ``Article.summary`` (kind "summary"), not kept in ``text``: it paraphrases
  the body, and keeping it would show the same fact twice in comparisons.
- The dateline prefix ("REPUBLIKA.CO.ID, MOSKOW --") stays in the first
  paragraph: it is part of the lede sentence as printed.
- Only a line that is nothing but a date is a publication date; dates in
  body sentences are event dates. Unknown metadata stays ``None``.
- ``load(paths, cache=store)`` reuses articles read before, keyed by the
  file's (absolute path, size, mtime) and ``READER_VERSION`` (a digest of
  the rule modules), so a warm open of a large corpus reads no file
  (cache.py).
- ``Article.path`` is the real path (it may contain any character a file
  name can); ``Article.id`` is a sanitised, unique file stem.
"""

from newsreader.corpus.article import Article, LoadError, LoadResult, RemovedLine
from newsreader.corpus.cache import READER_VERSION, ArticleCache, FileKey
from newsreader.corpus.discover import SUPPORTED_SUFFIXES
from newsreader.corpus.loader import (
    DEFAULT_MAX_BYTES,
    LoadBatch,
    article_from_text,
    load,
    load_batches,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READER_VERSION",
    "Article",
    "ArticleCache",
    "FileKey",
    "LoadBatch",
    "LoadError",
    "LoadResult",
    "RemovedLine",
    "SUPPORTED_SUFFIXES",
    "article_from_text",
    "load",
    "load_batches",
]
