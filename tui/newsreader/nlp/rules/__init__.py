"""Rule-based entities: DATE, TIME, QUANTITY and EVENT.

``find_rule_spans`` is pure Python over the text (usable without spaCy);
``newsreader.nlp.rules.component`` wraps it as a spaCy pipeline component
that runs after the NER and merges the two.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsreader.nlp.rules.events import event_patterns, inside_longer_name
from newsreader.nlp.rules.prefilter import with_first_chars
from newsreader.nlp.rules.quantity import is_idiom, quantity_patterns, with_qualifier
from newsreader.nlp.rules.temporal import DATE_PATTERNS, TIME_PATTERNS

RULE_LABELS: tuple[str, ...] = ("DATE", "TIME", "QUANTITY", "EVENT")
# When two rule matches overlap, the longer wins; on a tie, the earlier label here.
_PRIORITY = {label: rank for rank, label in enumerate(("EVENT", "DATE", "TIME", "QUANTITY"))}
_NLP_DIR = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class RuleSpan:
    """A rule match as character offsets into the text it was found in."""

    start: int
    end: int
    label: str
    listed: bool = False  # an EVENT from the list of named events, not a head-noun shape


@lru_cache(maxsize=1)
def compiled_rules() -> tuple[tuple[str, re.Pattern[str], bool], ...]:
    """Every rule as (label, compiled pattern, listed), compiled once per process."""
    listed, *shapes = event_patterns()
    rules: list[tuple[str, str, bool]] = [
        *(("DATE", pattern, False) for pattern in DATE_PATTERNS),
        *(("TIME", pattern, False) for pattern in TIME_PATTERNS),
        *(("QUANTITY", pattern, False) for pattern in quantity_patterns()),
        ("EVENT", listed, True),
        *(("EVENT", pattern, False) for pattern in shapes),
    ]
    return tuple(
        (label, re.compile(with_first_chars(pattern)), is_listed)
        for label, pattern, is_listed in rules
    )


def find_rule_spans(text: str) -> list[RuleSpan]:
    """Find DATE, TIME, QUANTITY and EVENT mentions in ``text``.

    Args:
        text: Any text; offsets in the result index it.

    Returns:
        Non-overlapping spans in text order, trimmed of whitespace.
    """
    found: list[RuleSpan] = []
    for label, pattern, listed in compiled_rules():
        for match in pattern.finditer(text):
            start, end = _entity_bounds(match)
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start >= end:
                continue
            if label == "EVENT" and inside_longer_name(text, start):
                continue
            if label == "QUANTITY":
                if is_idiom(text[start:end]):
                    continue
                start = with_qualifier(text, start)
            found.append(RuleSpan(start, end, label, listed))
    return _without_overlaps(found)


def _entity_bounds(match: re.Match[str]) -> tuple[int, int]:
    """The entity inside a match: its first ``span*`` group that matched, else all of it."""
    for name, value in match.groupdict().items():
        if name.startswith("span") and value is not None:
            return match.span(name)
    return match.span()


def _without_overlaps(spans: list[RuleSpan]) -> list[RuleSpan]:
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), _PRIORITY[s.label], s.start))
    kept: list[RuleSpan] = []
    taken: list[tuple[int, int]] = []
    for span in ordered:
        if all(span.end <= start or span.start >= end for start, end in taken):
            kept.append(span)
            taken.append((span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


@lru_cache(maxsize=1)
def rules_version() -> str:
    """A short fingerprint of everything that shapes rule output.

    It hashes the rule modules, the value tables and the data files, so a
    changed pattern or word list changes annotation cache keys by itself:
    no one has to remember to bump a number.
    """
    digest = hashlib.sha256()
    sources = [
        *sorted(Path(__file__).resolve().parent.glob("*.py")),
        *sorted((_NLP_DIR / "normalize").glob("*.py")),
        *sorted((_NLP_DIR / "data").glob("*")),
        *(
            _NLP_DIR / name
            for name in ("sentences.py", "canonical.py", "annotator.py", "pipeline.py")
        ),
    ]
    for path in sources:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]
