"""``load``: paths in, cleaned articles and one-line errors out.

The pipeline per file: read (size-limited, noticing a file that vanishes or
changes meanwhile) -> decode -> sanitise -> ``parse`` (parse.py: format,
clean, metadata). A file either becomes an ``Article`` or a ``LoadError``;
``load`` itself does not raise on bad input. Files the cache knows unchanged
skip all of it.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from newsreader.corpus.article import Article, LoadError, LoadResult
from newsreader.corpus.cache import READER_VERSION, ArticleCache, FileKey, cacheable, file_key
from newsreader.corpus.decode import DecodeError, decode
from newsreader.corpus.discover import Found, discover, name_stem, name_suffix
from newsreader.corpus.sanitize import sanitize, sanitize_line

DEFAULT_MAX_BYTES = 20_000_000


class _FileProblem(Exception):
    """A file that cannot become an article; the message is the reason."""


# Files per batch of ``load_batches``: small enough that a corpus read afresh
# shows its first articles within a fraction of a second, large enough that
# each cache lookup is one query.
BATCH = 200


@dataclass
class LoadBatch:
    """Articles of one batch of files, in path order, and how far the load has got."""

    articles: list[Article]
    errors: list[LoadError]
    files_done: int
    files_total: int


def load(
    paths: Iterable[str | Path] | str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache: ArticleCache | None = None,
) -> LoadResult:
    """Read, decode and clean every article file under ``paths``.

    Args:
        paths: Files and folders (walked recursively) of .txt, .md,
            .markdown, .html and .htm files.
        max_bytes: Files larger than this are reported instead of read.
        cache: Articles already read, by file (path, size, mtime) and
            ``READER_VERSION``: a hit is returned without opening the file,
            and what was read afresh is added. A failing cache is ignored.

    Returns:
        Articles sorted by path, with unique ids (the file stem, suffixed
        "-2", "-3"... when stems collide), and an error per file or path that
        could not be read, each with a one-line reason.
    """
    articles: list[Article] = []
    errors: list[LoadError] = []
    for batch in load_batches(paths, max_bytes=max_bytes, cache=cache):
        articles.extend(batch.articles)
        errors.extend(batch.errors)
    errors.sort(key=lambda e: e.path)
    return LoadResult(articles=articles, errors=errors)


def load_batches(
    paths: Iterable[str | Path] | str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache: ArticleCache | None = None,
    batch: int = BATCH,
) -> Iterator[LoadBatch]:
    """:func:`load`, ``batch`` files at a time, for a caller that shows articles as they come.

    Yields:
        One ``LoadBatch`` per ``batch`` files found, in path order (at least
        one, empty for an empty corpus). The first also carries the paths
        that could not be walked. Together they hold what :func:`load`
        returns; only the errors' order differs (``load`` sorts them).
    """
    if isinstance(paths, str | Path):
        # A lone path is a common slip; iterating a string would walk its letters.
        paths = [paths]
    files, errors = discover(paths)
    ids = _unique_ids([found.path for found in files])
    for start in range(0, max(len(files), 1), batch):
        chunk = files[start : start + batch]
        articles, problems = _load_chunk(chunk, ids[start : start + batch], max_bytes, cache)
        yield LoadBatch(
            articles, errors + problems if start == 0 else problems, start + len(chunk), len(files)
        )


def _load_chunk(
    files: list[Found], ids: list[str], max_bytes: int, cache: ArticleCache | None
) -> tuple[list[Article], list[LoadError]]:
    keys = [file_key(found.path, found.size, found.mtime_ns) for found in files]
    cached = _cached(cache, keys)
    articles: list[Article] = []
    errors: list[LoadError] = []
    fresh: list[tuple[FileKey, Article]] = []
    for found, article_id, key in zip(files, ids, keys, strict=True):
        hit = cached.get(key)
        if hit is not None and found.size <= max_bytes:
            # Id and path depend on this load (stem collisions, how the
            # user spelled the folder), not on the file: set them anew.
            if (hit.id, hit.path) != (article_id, found.path):
                hit = replace(hit, id=article_id, path=found.path)
            articles.append(hit)
            continue
        try:
            article = _load_one(found, article_id, max_bytes)
        except _FileProblem as problem:
            errors.append(LoadError(found.path, str(problem)))
            continue
        articles.append(article)
        if cacheable(key):
            fresh.append((key, article))
    if cache is not None and fresh:
        _remember(cache, fresh)
    return articles, errors


def _cached(cache: ArticleCache | None, keys: list[FileKey]) -> dict[FileKey, Article]:
    if cache is None or not keys:
        return {}
    try:
        found = cache.get_articles(keys, READER_VERSION)
        # Only well-formed hits for keys asked for: a cache is untrusted
        # input too, and a bad entry must cost a re-read, not the load.
        return {key: found[key] for key in keys if isinstance(found.get(key), Article)}
    except Exception:  # noqa: BLE001 - the cache is an optimisation, never a failure
        return {}


def _remember(cache: ArticleCache, fresh: list[tuple[FileKey, Article]]) -> None:
    try:
        cache.put_articles(fresh, READER_VERSION)
    except Exception:  # noqa: BLE001 - failing to cache must not fail the load
        return


def article_from_text(
    text: str, *, article_id: str = "article", path: str = "", suffix: str = ".txt"
) -> Article:
    """Clean text that is already in memory (pasted text, tests, other tools).

    Args:
        text: The article as it would be in a file of type ``suffix``.
        article_id: Id to give the article.
        path: Where the text came from, if anywhere.
        suffix: ".txt", ".md"/".markdown" or ".html"/".htm": how to read it.

    Returns:
        The cleaned article (its text may be empty: unlike ``load``, nothing
        is rejected here).
    """
    from newsreader.corpus.parse import parse

    return parse(sanitize(text), suffix.lower(), article_id, path)


def _load_one(found: Found, article_id: str, max_bytes: int) -> Article:
    if found.size > max_bytes:
        raise _FileProblem(_too_big(found.size, max_bytes))
    data = _read(found, max_bytes)
    try:
        decoded = decode(data)
    except DecodeError as err:
        raise _FileProblem(str(err)) from None
    text = sanitize(decoded.text)
    if not text.strip():
        raise _FileProblem("empty file (only whitespace or invisible characters)")
    # Imported on the first miss: the cleaning rules take a tenth of a
    # second to compile, which a warm open (every file cached) never needs.
    from newsreader.corpus.parse import parse

    article = replace(
        parse(text, name_suffix(os.path.basename(found.path)).lower(), article_id, found.path),
        encoding=decoded.encoding,
    )
    if not article.text:
        kinds = sorted({r.kind for r in article.removed})
        raise _FileProblem(
            f"no article text left after cleaning (every line was {', '.join(kinds) or 'blank'})"
        )
    return article


def _read(found: Found, max_bytes: int) -> bytes:
    try:
        with open(found.path, "rb") as handle:
            before = os.fstat(handle.fileno())
            data = handle.read(max_bytes + 1)
            after = os.fstat(handle.fileno())
    except FileNotFoundError:
        raise _FileProblem("file disappeared while loading (moved or deleted)") from None
    except IsADirectoryError:
        raise _FileProblem("file was replaced by a folder while loading") from None
    except OSError as err:
        if err.errno in (errno.EACCES, errno.EPERM):
            raise _FileProblem("permission denied: cannot read this file") from None
        raise _FileProblem(f"cannot read this file: {err.strerror or err}") from None
    if len(data) > max_bytes:
        raise _FileProblem(_too_big(max(len(data), after.st_size), max_bytes))
    if (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns) or (
        len(data) != after.st_size
    ):
        raise _FileProblem("file changed while it was being read; load it again")
    return data


def _too_big(size: int, max_bytes: int) -> str:
    return (
        f"file is {_human(size)}, over the {_human(max_bytes)} limit (raise max_bytes to read it)"
    )


def _human(size: int) -> str:
    if size < 1_000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{size / 1_000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"


_ID_JUNK = re.compile(r"[\s/\\]+")


def _plain_stem(stem: str) -> str:
    # Printable ASCII holds no escape, control, odd space or decomposed
    # character, so the full sanitiser (a tenth of a warm load) can be skipped.
    if stem.isascii() and stem.isprintable():
        return " ".join(stem.split())
    return sanitize_line(stem)


def _unique_ids(paths: list[str]) -> list[str]:
    """File stems as ids, made unique deterministically ("stem", "stem-2", ...).

    Ids end up in file names and on screen, so they are sanitised to one
    printable line; every natural stem is reserved first so a real file
    called "x-2" keeps its id even when two files are called "x".
    """
    stems = [
        _ID_JUNK.sub(" ", _plain_stem(name_stem(os.path.basename(p)))).strip() or "article"
        for p in paths
    ]
    taken = set(stems)
    seen: set[str] = set()
    ids = []
    for stem in stems:
        candidate, n = stem, 1
        while candidate in seen or (candidate != stem and candidate in taken):
            n += 1
            candidate = f"{stem}-{n}"
        seen.add(candidate)
        ids.append(candidate)
    return ids
