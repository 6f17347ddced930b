"""The archive database's tables."""

from __future__ import annotations

ARCHIVE_SCHEMA_VERSION = "1"

# Articles in path order (the reader's order); ``data`` is the cleaned article
# as the store's codec writes it, so opening one reads no file.
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    id TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    outlet_folded TEXT NOT NULL DEFAULT '',
    date TEXT,
    content_hash TEXT NOT NULL,
    data TEXT NOT NULL,
    position INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS articles_id ON articles (id);
CREATE INDEX IF NOT EXISTS articles_position ON articles (position);
CREATE INDEX IF NOT EXISTS articles_date ON articles (date);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles (outlet_folded);
CREATE VIRTUAL TABLE IF NOT EXISTS text_index USING fts5 (
    text, content='', tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS names (
    name_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS article_names (
    name_id INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (name_id, article)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS article_labels (
    label TEXT NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (label, article)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_names_by_article ON article_names (article);
CREATE INDEX IF NOT EXISTS article_labels_by_article ON article_labels (article);
"""
