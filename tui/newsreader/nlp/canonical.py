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


@lru_cache(maxsize=1)
def known_names() -> dict[str, str]:
    """Map from name key to canonical name, from the alias file and Babel."""
    known: dict[str, str] = {}
    known.update(_babel_names())
    for line in _ALIASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, *aliases = [cell.strip() for cell in line.split("\t") if cell.strip()]
        for alias in (canonical, *aliases):
            known[name_key(alias)] = canonical
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
    tidy = " ".join(text.split()).strip(_EDGE_PUNCTUATION) or " ".join(text.split())
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
        New AnnotatedArticle objects, same order, whose entities carry
        canonical names shared across the group.
    """
    references = [_parse_date(item.article.date) for item in annotated]
    groups = _canonical_groups([item.entities for item in annotated], references)
    return [
        replace(item, annotation=replace(item.annotation, entities=tuple(entities)))
        for item, entities in zip(annotated, groups, strict=True)
    ]


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
    base = [
        [canonical_form(e.text, e.label, reference=ref) for e in entities]
        for entities, ref in zip(groups, references, strict=True)
    ]
    # Fold spelling variants of names onto the most used spelling in the group.
    spellings: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for entities, forms in zip(groups, base, strict=True):
        for entity, form in zip(entities, forms, strict=True):
            if entity.label in _NAME_LABELS:
                spellings[(entity.label, name_key(form))][form] += 1
    preferred = {
        key: min(counter.items(), key=lambda item: (-item[1], item[0]))[0]
        for key, counter in spellings.items()
    }
    folded = [
        [
            preferred.get((e.label, name_key(form)), form) if e.label in _NAME_LABELS else form
            for e, form in zip(entities, forms, strict=True)
        ]
        for entities, forms in zip(groups, base, strict=True)
    ]
    group_full_names = _full_names_by_end_word(groups, folded)
    result: list[list[Entity]] = []
    for entities, forms in zip(groups, folded, strict=True):
        own_full_names = _full_names_by_end_word([entities], [forms])
        resolved: list[Entity] = []
        for entity, form in zip(entities, forms, strict=True):
            if entity.label == "PER" and " " not in form:
                form = _resolve_short_name(form, own_full_names, group_full_names)
            resolved.append(replace(entity, canonical=form))
        result.append(resolved)
    return result


def _full_names_by_end_word(
    groups: Sequence[Sequence[Entity]], forms: Sequence[Sequence[str]]
) -> dict[str, set[str]]:
    """Multi-word person names indexed by the key of their first and of their last word."""
    index: dict[str, set[str]] = defaultdict(set)
    for entities, names in zip(groups, forms, strict=True):
        for entity, form in zip(entities, names, strict=True):
            if entity.label == "PER" and " " in form:
                # Whole words: a hyphenated part ("Dae-jung") is one word here.
                words = form.split()
                for word in {words[0], words[-1]}:
                    index[_word_key(word)].add(form)
    return index


def _word_key(word: str) -> str:
    return name_key(word).replace(" ", "")


def _resolve_short_name(short: str, own: dict[str, set[str]], group: dict[str, set[str]]) -> str:
    """A bare name resolved to the single longer name it starts or ends, if exactly one."""
    key = _word_key(short)
    for names in (own, group):
        matches = names.get(key, set())
        if len(matches) == 1:
            return next(iter(matches))
        if len(matches) > 1:
            return short  # ambiguous where it was found: guessing would mislead
    return short
