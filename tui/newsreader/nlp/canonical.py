"""Canonical names: one name for every way outlets write the same entity.

Three sources, most specific first:
1. ``data/aliases.tsv``: Indonesian abbreviations ("Korut", "AS", "PBB"),
   official long forms and city exonyms ("Moscow" -> "Moskow").
2. Babel's territory names in Indonesian and English, and ISO codes, so
   every country is known without a hand-kept list; the Indonesian name is
   the canonical one ("North Korea" -> "Korea Utara").
3. Within a story, spelling variants of a name ("Kim Jong-un", "Kim Jong
   Un") fold to the most used one, and a bare "Kim" or "Putin" resolves to
   the one longer name it is the first or last word of.

DATE, TIME and QUANTITY get their normalised value ("2023-09-12",
"lebih dari 1500 km"), so "Ahad" and "Minggu" share one canonical form.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from newsreader.nlp.annotation import AnnotatedArticle, Entity
from newsreader.nlp.normalize import normalize_date, normalize_number

_ALIASES = Path(__file__).resolve().parent / "data" / "aliases.tsv"
_NAME_LABELS = frozenset({"PER", "ORG", "LOC", "EVENT"})
_KEY_NOISE = re.compile(r"[.\u2019'`]")
_KEY_SPACES = re.compile(r"[\s\-\u2010\u2011\u2012\u2013]+")
# Courtesy titles that some mentions carry ("Mr. Putin") and others do not.
_HONORIFIC = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|Sdr|Sdri|Bpk|Tn|Ny)\.?|Pak|Bu|Bapak|Ibu|Sir|Madame)\s+(?=[A-Z])"
)
_EDGE_PUNCTUATION = "\"“”‘’'«»()[]{}.,;:!?"


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The matching key of a name: case, periods, hyphens and spacing ignored.

    Args:
        text: A name as written ("Kim Jong-un", "U.S.").

    Returns:
        The key ("kim jong un", "us").
    """
    folded = _KEY_NOISE.sub("", text.casefold())
    return _KEY_SPACES.sub(" ", folded).strip()


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    """The words of a name's key ("Kim Jong-un" -> ("kim", "jong", "un"))."""
    return tuple(name_key(name).split())


@lru_cache(maxsize=1)
def known_names() -> dict[str, str]:
    """Map from name key to canonical name, from the alias file and Babel."""
    return {key: entry[0] for key, entry in _known().items()}


def known_label(text: str, *, curated_only: bool = False) -> str | None:
    """The label a known name has whatever a model says ("Rusia" is LOC), if one.

    Args:
        text: A whole entity text.
        curated_only: Only names from the alias file count, not every
            Babel country name: some of those are also given names
            ("Jordan", "Georgia"), so they cannot overrule a PER.

    Returns:
        "LOC", "ORG" or "EVENT" for a known name with a fixed label, else ``None``.
    """
    entry = _known().get(name_key(text))
    if entry is None or (curated_only and not entry[2]):
        return None
    return entry[1]


@lru_cache(maxsize=1)
def _known() -> dict[str, tuple[str, str | None, bool]]:
    """Name key -> (canonical name, fixed label or None, from the alias file)."""
    known: dict[str, tuple[str, str | None, bool]] = {
        key: (name, "LOC", False) for key, name in _babel_names().items()
    }
    for line in _ALIASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, canonical, *aliases = [cell.strip() for cell in line.split("\t") if cell.strip()]
        for alias in (canonical, *aliases):
            known[name_key(alias)] = (canonical, None if label == "*" else label, True)
    return known


def _babel_names() -> dict[str, str]:
    """Country names in Indonesian and English (and ISO codes) -> Indonesian name."""
    from babel import Locale

    indonesian = Locale("id").territories
    english = Locale("en").territories
    names: dict[str, str] = {}
    for code, name in indonesian.items():
        if not (len(code) == 2 and code.isalpha()):
            continue  # numeric codes are regions ("001" World), not countries
        names[name_key(name)] = name
        if code in english:
            names[name_key(english[code])] = name
    return names


@lru_cache(maxsize=1)
def _iso_codes() -> dict[str, str]:
    from babel import Locale

    return {
        code: name
        for code, name in Locale("id").territories.items()
        if len(code) == 2 and code.isalpha()
    }


def canonical_form(text: str, label: str, *, reference: date | None = None) -> str:
    """The canonical form of one mention, without looking at other mentions.

    Args:
        text: The entity text as written.
        label: Its label (PER, ORG, LOC, EVENT, DATE, TIME, QUANTITY).
        reference: Publication date, to resolve relative DATE mentions.

    Returns:
        The canonical name or value; the tidied text when nothing is known.
    """
    tidy = _tidy(text)
    if label == "DATE":
        value = normalize_date(tidy, reference=reference)
        return value.label if value is not None and value.label else tidy
    if label == "QUANTITY":
        quantity = normalize_number(tidy)
        return quantity.label if quantity is not None else tidy
    if label == "TIME":
        return tidy.lower() if tidy[:1].isupper() and tidy[1:2].islower() else tidy
    if label == "PER":
        return _HONORIFIC.sub("", tidy) or tidy
    known = known_names().get(name_key(tidy))
    if known is not None:
        return known
    if len(tidy) == 2 and tidy.isupper() and tidy in _iso_codes():
        return _iso_codes()[tidy]
    return tidy


def _tidy(text: str) -> str:
    return " ".join(text.split()).strip(_EDGE_PUNCTUATION) or " ".join(text.split())


@lru_cache(maxsize=65536)
def _date_needs_reference(text: str) -> bool:
    """Whether a DATE mention's canonical form can change with the publication date.

    ``normalize_date`` reads the reference only for a mention that states
    no year ("kemarin", "12 September"); one that does reads the same
    whatever the article's date.
    """
    value = normalize_date(_tidy(text))
    return value is not None and value.year is None


def canonical_entities(
    entities: Sequence[Entity], *, reference: date | None = None
) -> tuple[Entity, ...]:
    """Fill ``canonical`` for the entities of one article.

    Args:
        entities: The article's entities (their ``canonical`` is ignored).
        reference: Publication date, to resolve relative dates.

    Returns:
        The same entities, in order, with canonical names.
    """
    return tuple(_canonical_groups([entities], [reference])[0])


def canonicalize(annotated: Sequence[AnnotatedArticle]) -> list[AnnotatedArticle]:
    """Give every entity in a group of articles (a story) consistent canonical names.

    A bare first or last name is resolved within its own article first
    (where it is least ambiguous), then against the whole group.

    Args:
        annotated: The articles of the group.

    Returns:
        AnnotatedArticle objects, same order, whose entities carry canonical
        names shared across the group (an article none of whose names
        changed is returned as it was).
    """
    references = [_parse_date(item.article.date) for item in annotated]
    groups = _canonical_groups([item.entities for item in annotated], references)
    result: list[AnnotatedArticle] = []
    for item, entities in zip(annotated, groups, strict=True):
        # Cached annotations mostly carry these names already: a warm open
        # of 10,000 articles should not rebuild a million unchanged entities.
        if all(new is old for new, old in zip(entities, item.entities, strict=True)):
            result.append(item)
        else:
            annotation = replace(item.annotation, entities=tuple(entities))
            result.append(replace(item, annotation=annotation))
    return result


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _canonical_groups(
    groups: Sequence[Sequence[Entity]], references: Sequence[date | None]
) -> list[list[Entity]]:
    # The same names recur across thousands of articles: work each out once.
    # Only a DATE without a year depends on the article's reference date.
    known: dict[tuple[str, str, date | None], str] = {}
    spellings: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    base: list[list[str]] = []
    for entities, ref in zip(groups, references, strict=True):
        forms: list[str] = []
        for e in entities:
            dated = e.label == "DATE" and _date_needs_reference(e.text)
            key = (e.text, e.label, ref if dated else None)
            form = known.get(key)
            if form is None:
                form = known[key] = canonical_form(e.text, e.label, reference=ref)
            forms.append(form)
            if e.label in _NAME_LABELS:
                spellings[(e.label, name_key(form))][form] += 1
        base.append(forms)
    # Fold spelling variants of names onto the most used spelling in the group.
    fold: dict[tuple[str, str], str] = {}
    for (label, _), counter in spellings.items():
        preferred = min(counter.items(), key=lambda item: (-item[1], item[0]))[0]
        for form in counter:
            fold[(label, form)] = preferred
    folded = [
        [fold.get((e.label, form), form) for e, form in zip(entities, forms, strict=True)]
        for entities, forms in zip(groups, base, strict=True)
    ]
    group_names = _PersonNames(_person_forms(groups, folded))
    result: list[list[Entity]] = []
    for entities, forms in zip(groups, folded, strict=True):
        own_names: _PersonNames | None = None
        people: dict[str, str] = {}
        resolved: list[Entity] = []
        for entity, form in zip(entities, forms, strict=True):
            if entity.label == "PER":
                person = people.get(form)
                if person is None:
                    if not group_names.fullest(_name_words(form)):
                        # No longer name anywhere, so none in this article either.
                        person = form
                    else:
                        if own_names is None:
                            own_names = _PersonNames(_person_forms([entities], [forms]))
                        person = _resolve_person(form, own_names, group_names)
                    people[form] = person
                form = person
            # An unchanged entity is kept, not copied (replace() is slow).
            resolved.append(entity if entity.canonical == form else replace(entity, canonical=form))
        result.append(resolved)
    return result


def _person_forms(groups: Sequence[Sequence[Entity]], forms: Sequence[Sequence[str]]) -> set[str]:
    return {
        form
        for entities, names in zip(groups, forms, strict=True)
        for entity, form in zip(entities, names, strict=True)
        if entity.label == "PER"
    }


class _PersonNames:
    """Person names indexed by their first and last word, to find the longer name of a part.

    Words are compared by key, with hyphens as word breaks, so "Kim Jong"
    is the start of "Kim Jong-un" and "Putin" the end of "Vladimir Putin".
    """

    def __init__(self, names: set[str]) -> None:
        self.words = {name: _name_words(name) for name in names}
        self.by_first: dict[str, set[str]] = defaultdict(set)
        self.by_last: dict[str, set[str]] = defaultdict(set)
        # Most names have no longer name beside them: the longest name
        # under each first and last word says so without a scan.
        self.longest_first: dict[str, int] = {}
        self.longest_last: dict[str, int] = {}
        for name, words in self.words.items():
            if words:
                first, last, size = words[0], words[-1], len(words)
                self.by_first[first].add(name)
                self.by_last[last].add(name)
                self.longest_first[first] = max(self.longest_first.get(first, 0), size)
                self.longest_last[last] = max(self.longest_last.get(last, 0), size)
        # The group's index answers the same short names for every article.
        self._fullest: dict[tuple[str, ...], set[str]] = {}

    def longer(self, words: tuple[str, ...]) -> set[str]:
        """Names that start or end with ``words`` and have more words."""
        found: set[str] = set()
        if not words:
            return found
        size = len(words)
        if self.longest_first.get(words[0], 0) > size:
            found.update(
                n
                for n in self.by_first[words[0]]
                if len(self.words[n]) > size and self.words[n][:size] == words
            )
        if self.longest_last.get(words[-1], 0) > size:
            found.update(
                n
                for n in self.by_last[words[-1]]
                if len(self.words[n]) > size and self.words[n][-size:] == words
            )
        return found

    def fullest(self, words: tuple[str, ...]) -> set[str]:
        """The longer names of ``words`` that are not themselves part of another of them."""
        found = self._fullest.get(words)
        if found is None:
            candidates = self.longer(words)
            found = {n for n in candidates if not (self.longer(self.words[n]) & candidates)}
            self._fullest[words] = found
        return found


def _resolve_person(form: str, own: _PersonNames, group: _PersonNames) -> str:
    """A partial name resolved to the single fuller name it starts or ends, if exactly one.

    "Kim" beside "Kim Jong Un" (and a truncated "Kim Jong") is Kim Jong Un;
    "Kim" beside both "Kim Jong Un" and "Kim Jong Il" stays "Kim". The
    article decides first, where a name is least ambiguous, then the group.
    """
    words = _name_words(form)
    for names in (own, group):
        fullest = names.fullest(words)
        if len(fullest) == 1:
            return next(iter(fullest))
        if len(fullest) > 1:
            return form  # ambiguous where it was found: guessing would mislead
    return form
