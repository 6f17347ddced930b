"""Sentences as fact units: content stems, entities, values and speaker.

Each sentence of each article becomes a ``Unit`` carrying what alignment
and discrepancy detection read: its content stems, the canonical entities
it names, the days, quantities and places it states (each with the words
around it, its "role"), and who is quoted.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsreader.compare.quotes import Attribution, attribute
from newsreader.compare.terms import sentence_stems
from newsreader.compare.times import ClockTime, clock_time
from newsreader.nlp.annotation import AnnotatedArticle, Entity, Sentence
from newsreader.nlp.normalize import NormalizedDate, Quantity, normalize_date, normalize_number

NAMED_LABELS: frozenset[str] = frozenset({"PER", "ORG", "LOC", "EVENT"})
# Names built of common words ("Dinas Pemadam Kebakaran", "Forum Ekonomi
# Timur"): their words are stemmed like the same words in lower case. People
# and places keep their words whole, since Sastrawi would read "Kediri" as
# "diri" and "Pemalang" as "malang".
COMMON_WORD_LABELS: frozenset[str] = frozenset({"ORG", "EVENT"})
# Words inside these entities are values, compared as such, not content words.
VALUE_LABELS: frozenset[str] = frozenset({"DATE", "TIME", "QUANTITY"})
# Content words either side of a value that describe its role in the sentence.
ROLE_WINDOW = 8
# A sentence with fewer content words than this states no fact of its own
# (a credit line, a heading, "(Rahman Asmardika)").
MIN_CONTENT = 2
# Classifiers: in "18 unit mobil", "dua buah kapal", "5 ekor sapi" what is
# counted is the word after them.
_CLASSIFIERS = frozenset("unit buah ekor biji lembar batang helai butir".split())
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
# "sejak Senin" starts a span and "hingga Rabu" ends one: two days in these
# roles are never the same slot, whatever words they share.
_SINCE = frozenset("sejak semenjak mulai".split())
_UNTIL = frozenset("hingga sampai".split())
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")
# "REPUBLIKA.CO.ID, MOSKOW -- ", "JAKARTA, KOMPAS.com - ", "MOSKOW – ": a short
# run of words before a dash at the start of an article.
_DATELINE = re.compile(r"^(?:(?:[\w.()/]+[ ,]*){1,5}\s[-–—]{1,2}\s+){1,2}")


# A day, an amount, a clock time, or a place (its canonical name).
Payload = NormalizedDate | Quantity | ClockTime | str


@dataclass(frozen=True, slots=True)
class Value:
    """A day, quantity, place or the like, with the content words around it."""

    kind: str  # "date", "number", "time", "place"
    text: str
    start: int
    end: int
    payload: Payload
    role: frozenset[str]


@dataclass(slots=True)
class Unit:
    """One sentence of one article, ready to compare."""

    article: int
    index: int
    start: int
    end: int
    text: str
    stems: list[str]
    entities: frozenset[str]
    values: list[Value]
    attribution: Attribution | None
    speaker: str | None = None
    # Names standing in the attribution ("kata juru bicara Kremlin Dmitry
    # Peskov"), lower-cased: who said it, which alignment weighs lightly.
    said_by: frozenset[str] = frozenset()

    @property
    def is_fact(self) -> bool:
        return len(set(self.stems)) >= MIN_CONTENT


def sentences_of(item: AnnotatedArticle) -> Sequence[Sentence]:
    """The article's sentences, splitting the text here if the annotation has none."""
    if item.sentences or not item.article.text.strip():
        return item.sentences
    from newsreader.nlp.sentences import split_sentences

    return split_sentences(item.article.text)


# What a sentence yields depends only on its text, its entities, the date it
# is read against and whether it opens the article; copied wire text repeats
# sentences verbatim across outlets, so they are read once per ``build``.
SentenceKey = tuple[str, tuple[Entity, ...], "dt.date | None", bool]
SentenceCache = dict[SentenceKey, Unit]


def article_units(
    item: AnnotatedArticle, article_index: int, cache: SentenceCache | None = None
) -> list[Unit]:
    """Turn one annotated article into its sentence units, speakers resolved.

    Args:
        item: The annotated article.
        article_index: Its position in the compared list (units refer to it by this).
        cache: Sentences already read in this comparison, reused for verbatim copies.

    Returns:
        One unit per sentence, in order.
    """
    text = item.article.text
    published = _date_of(item.article.date)
    entities = sorted(item.entities, key=lambda e: e.start)
    starts = [e.start for e in entities]
    units: list[Unit] = []
    recent: list[Attribution | None] = []
    for index, sentence in enumerate(sentences_of(item)):
        lo = bisect.bisect_left(starts, sentence.start)
        hi = bisect.bisect_left(starts, sentence.end)
        local = tuple(
            Entity(e.start - sentence.start, e.end - sentence.start, e.text, e.label, e.canonical)
            for e in entities[lo:hi]
            if e.end <= sentence.end
        )
        sentence_text = text[sentence.start : sentence.end]
        # The publication date matters only to dates read against it.
        dated = published if any(e.label == "DATE" for e in local) else None
        key = (sentence_text, local, dated, index == 0)
        read = cache.get(key) if cache is not None else None
        if read is None:
            read = _unit(sentence_text, list(local), published, article_index, index)
            if cache is not None:
                cache[key] = read
        unit = replace(read, article=article_index, index=index)
        unit.start, unit.end = sentence.start, sentence.end
        unit.speaker = _resolve_speaker(unit.attribution, recent, units)
        recent.append(unit.attribution)
        units.append(unit)
    return units


def _resolve_speaker(
    attribution: Attribution | None, recent: list[Attribution | None], previous: list[Unit]
) -> str | None:
    """The speaker, following "ujarnya"/"katanya" back to the last speech reported nearby.

    Only the last two sentences are searched, and the search stops at the
    first that reports speech: if that speaker is unnamed ("pejabat AS"),
    so is this one.
    """
    if attribution is None:
        return None
    if attribution.speaker or not attribution.pronoun:
        return attribution.speaker
    for back in range(1, min(2, len(recent)) + 1):
        if recent[-back] is not None:
            return previous[-back].speaker
    return None


def _date_of(date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date[:10]) if date else None
    except ValueError:
        return None


def dateline_end(sentence: str) -> int:
    """Where the text starts after a leading dateline ("REPUBLIKA.CO.ID, MOSKOW -- "), else 0.

    The outlet and city of a dateline say nothing about the fact, yet would
    make every lead sentence of one outlet look alike.
    """
    match = _DATELINE.match(sentence)
    if match and any(len(w) >= 3 and w.isupper() for w in re.findall(r"[^\W\d_]+", match[0])):
        return match.end()
    return 0


def _unit(
    sentence: str, entities: list[Entity], published: dt.date | None, article: int, index: int
) -> Unit:
    skip = dateline_end(sentence) if index == 0 else 0
    attribution = attribute(sentence, entities)
    value_spans = [(e.start, e.end) for e in entities if e.label in VALUE_LABELS]
    said_by: frozenset[str] = frozenset()
    if attribution is not None and attribution.clause is not None:
        # Two outlets quoting one spokesman on different things state
        # different facts: the attribution's words are not the fact's.
        a, b = attribution.clause
        value_spans.append((a, b))
        said_by = frozenset(
            e.canonical.lower()
            for e in entities
            if e.label in NAMED_LABELS and a <= e.start and e.end <= b
        )
    common = [(e.start, e.end) for e in entities if e.label in COMMON_WORD_LABELS]
    starts, stems = sentence_stems(sentence, skip, value_spans, common)
    days: list[tuple[str, int, int, Payload]] = []
    quantities: list[tuple[str, int, int, Payload]] = []
    times: list[tuple[str, int, int, Payload]] = []
    for e in entities:
        if e.label == "DATE":
            day = normalize_date(e.text, reference=published)
            if day is not None:
                days.append((e.text, e.start, e.end, day))
        elif e.label == "TIME":
            clock = clock_time(e.text)
            if clock is not None:
                times.append((e.text, e.start, e.end, clock))
        elif e.label == "QUANTITY":
            amount = normalize_number(e.text)
            if amount is not None:
                quantities.append((e.text, e.start, e.end, _counted(amount, sentence, e.end)))
    values: list[Value] = []
    values += [
        replace(v, role=v.role | _bound(sentence, v.start))
        for v in _with_roles("date", days, starts, stems)
    ]
    values += _with_roles("number", quantities, starts, stems)
    values += _with_roles("time", times, starts, stems)
    places: list[tuple[str, int, int, Payload]] = [
        (e.text, e.start, e.end, e.canonical) for e in entities if e.label == "LOC"
    ]
    values += _with_roles("place", places, starts, stems)
    named = frozenset(e.canonical.lower() for e in entities if e.label in NAMED_LABELS)
    return Unit(
        article=article,
        index=index,
        start=0,
        end=len(sentence),
        text=sentence,
        stems=[s for s in stems if s],
        entities=named,
        values=values,
        attribution=attribution,
        said_by=said_by,
    )


def _bound(sentence: str, start: int) -> frozenset[str]:
    """A role marker for a day that opens ("^since") or closes ("^until") a span."""
    before = _LAST_WORD.search(sentence, max(0, start - 20), start)
    word = before[1].lower() if before else ""
    if word in _SINCE:
        return frozenset({"^since"})
    if word in _UNTIL:
        return frozenset({"^until"})
    return frozenset()


def _counted(amount: Quantity, sentence: str, end: int) -> Quantity:
    """The amount with its classifier ("18 unit") replaced by what it counts ("18 mobil")."""
    if amount.unit not in _CLASSIFIERS:
        return amount
    following = _NEXT_WORD.match(sentence, end)
    return replace(amount, unit=following[1].lower()) if following else amount


def _with_roles(
    kind: str,
    found: list[tuple[str, int, int, Payload]],
    token_starts: list[int],
    stems: list[str | None],
) -> list[Value]:
    """Attach to each value the content stems around it, up to the next value of its kind."""
    if not found:
        return []
    spans = [
        (bisect.bisect_left(token_starts, start), bisect.bisect_left(token_starts, end))
        for _, start, end, _ in found
    ]
    values: list[Value] = []
    for i, ((text, start, end, payload), (first, after)) in enumerate(
        zip(found, spans, strict=True)
    ):
        # Words between two values of one kind are shared out at the midpoint,
        # so "pada Ahad ..., dilaporkan ... pada Selasa" gives each its own role.
        left_limit = (spans[i - 1][1] + first) // 2 if i else 0
        right_limit = (after + spans[i + 1][0]) // 2 if i + 1 < len(spans) else len(token_starts)
        role: set[str] = set()
        _collect(stems, range(first - 1, left_limit - 1, -1), role)
        _collect(stems, range(after, right_limit), role)
        values.append(Value(kind, text, start, end, payload, frozenset(role)))
    return values


def _collect(stems: list[str | None], positions: range, into: set[str]) -> None:
    taken = 0
    for pos in positions:
        stem = stems[pos]
        if stem:
            into.add(stem)
            taken += 1
            if taken >= ROLE_WINDOW:
                return
