"""A parsed filter (:mod:`newsreader.query`) as an SQL condition on the archive's articles.

Semantics follow the in-memory filter term by term: outlets and entity
names match as folded substrings, dates as inclusive ranges, labels and
flags exactly. Text terms go through the FTS5 index and so match at the
start of a word ("rusi" finds "Rusia", "usia" does not), which is what
keeps a filter over a million articles within a frame or two.
"""

from __future__ import annotations

from newsreader.query import (
    DateTerm,
    EntityTerm,
    FlagTerm,
    LabelTerm,
    OutletTerm,
    Query,
    Term,
    TextTerm,
)


def fts_phrase(needle: str) -> str:
    """An FTS5 phrase for a folded needle: its words in order, the last one a prefix."""
    return '"' + needle.replace('"', '""') + '" *'


def condition(query: Query) -> tuple[str, list[object]]:
    """``(sql, params)``: a WHERE condition on ``articles`` that every term must satisfy.

    Flag terms read the temporary table ``flags(path, read, starred)`` the
    caller fills from the user's state.
    """
    parts: list[str] = []
    params: list[object] = []
    for term in query.terms:
        sql, values = _term(term)
        parts.append(f"NOT ({sql})" if term.negated else f"({sql})")
        params.extend(values)
    return (" AND ".join(parts) or "1"), params


def _term(term: Term) -> tuple[str, list[object]]:
    if isinstance(term, TextTerm):
        return (
            "articles.rowid IN (SELECT rowid FROM text_index WHERE text_index MATCH ?)",
            [fts_phrase(term.needle)],
        )
    if isinstance(term, OutletTerm):
        return "instr(articles.outlet_folded, ?) > 0", [term.needle]
    if isinstance(term, EntityTerm):
        return (
            "articles.rowid IN (SELECT article FROM article_names WHERE name_id IN"
            " (SELECT name_id FROM names WHERE instr(names.name, ?) > 0))",
            [term.needle],
        )
    if isinstance(term, LabelTerm):
        return (
            "articles.rowid IN (SELECT article FROM article_labels WHERE label = ?)",
            [term.label],
        )
    if isinstance(term, DateTerm):
        sql = ["articles.date IS NOT NULL"]
        params: list[object] = []
        if term.start is not None:
            sql.append("articles.date >= ?")
            params.append(term.start)
        if term.end is not None:
            sql.append("articles.date <= ?")
            params.append(term.end)
        return " AND ".join(sql), params
    if isinstance(term, FlagTerm):
        column = "starred" if term.flag in ("starred", "unstarred") else "read"
        wanted = term.flag in ("starred", "read")
        sql = f"articles.path IN (SELECT path FROM flags WHERE {column})"
        return (sql if wanted else f"NOT ({sql})"), []
    raise TypeError(f"no SQL for filter term {type(term).__name__}")
