"""Reading articles: paths -> cleaned ``Article`` objects plus metadata and errors."""

from newsreader.corpus.article import Article, LoadError, LoadResult, RemovedLine
from newsreader.corpus.discover import SUPPORTED_SUFFIXES
from newsreader.corpus.loader import DEFAULT_MAX_BYTES, article_from_text, load

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Article",
    "LoadError",
    "LoadResult",
    "RemovedLine",
    "SUPPORTED_SUFFIXES",
    "article_from_text",
    "load",
]
