"""Inputs built to make regular expressions backtrack: cleaning stays linear.

Each case is about 200 kB; a quadratic pattern would take minutes on it,
a catastrophic one forever. CPU time is measured, so a busy machine does
not make the test flaky.
"""

from __future__ import annotations

import time

import pytest

from newsreader.corpus import article_from_text

LIMIT_SECONDS = 3.0
CASES = {
    "names joined by dan": ("By " + "Xdan " * 40_000 + "x", ".txt"),
    "names and separators": ("By " + "Ab and " * 30_000 + "x", ".txt"),
    "dashes": ("-" * 200_000 + "x", ".txt"),
    "brackets": ("[(" * 100_000 + "x", ".txt"),
    "slug-like": ("AB-" * 70_000 + "x", ".txt"),
    "parenthesised name": ("(" + "Ab " * 70_000 + ")x", ".txt"),
    "date-like": ("12 Sep 2023 " * 18_000, ".txt"),
    "dateline-like": ("ABC, " * 40_000, ".txt"),
    "unclosed emphasis": ("*a " * 70_000, ".md"),
    "unclosed strong": ("**a " * 50_000, ".md"),
    "unclosed links": ("[a " * 70_000, ".md"),
    "unclosed images": ("![a](" * 40_000, ".md"),
    "unclosed tags": ("<a " * 70_000, ".md"),
    "unclosed escapes": ("\x1b]0;" * 50_000 + "x", ".txt"),
    "unclosed html": ("<div><p>" * 25_000 + "teks", ".html"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_pathological_input_is_cleaned_in_linear_time(name: str) -> None:
    text, suffix = CASES[name]
    start = time.process_time()
    article_from_text("Isi berita pertama.\n\n" + text, suffix=suffix)
    elapsed = time.process_time() - start
    assert elapsed < LIMIT_SECONDS, f"{name}: {elapsed:.2f} s CPU"
