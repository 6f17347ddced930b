"""People the model missed, found by the title in front of their name.

Indonesian news names a source as office, then body, then person: "kata
juru bicara Kremlin Dmitry Peskov", "Presiden Rusia Vladimir Putin". When
the model tags the body but not the person, the office word before it
(written in lower case, as in running text) and the short run of
capitalised words after it identify the name. Only text
no entity covers is considered, so this adds people and never changes a
span the model found.

Imported only with the spaCy component, so spaCy is imported at the top.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from newsreader.nlp.canonical import known_names, name_key
from newsreader.nlp.rules.repair import ORG_FIRST_WORDS, ORG_LAST_WORDS

# Offices that come right before a person's name, as written in running text.
OFFICES: tuple[tuple[str, ...], ...] = tuple(
    tuple(office.split())
    for office in (
        "juru bicara", "jubir", "presiden", "wakil presiden", "menteri", "perdana menteri",
        "kanselir", "direktur", "ketua", "kepala", "gubernur", "bupati", "wali kota",
        "duta besar", "dubes", "panglima", "jenderal", "analis", "pengamat", "profesor",
        "peneliti", "pejabat", "sekretaris", "sekjen", "senator", "raja", "ratu", "pangeran",
        "pemimpin", "komandan", "kapolri", "kapolda", "spokesman", "spokeswoman", "president",
        "minister", "secretary", "director",
    )
)  # fmt: skip
_LONGEST_OFFICE = max(len(office) for office in OFFICES)
_OFFICE_STARTS = frozenset(office[0] for office in OFFICES)
# Police and military ranks, written capitalised right before a name ("AKP
# Rizal Firmansyah", "Irjen Karyoto"), sometimes with the corps between
# ("Kombes Pol", "Letkol Inf", "Brigjen TNI"). A rank is a sure cue, so one
# name word after it is enough.
RANKS = frozenset(
    """Jenderal Komjen Irjen Brigjen Kombes Kompol AKBP AKP Iptu Ipda Aiptu Aipda Bripka
    Brigpol Briptu Bripda Letjen Mayjen Laksda Laksma Marsda Marsma Kolonel Letkol Mayor
    Kapten Lettu Letda Serma Serka Sertu Serda Kopda Praka Pratu Laksamana Marsekal""".split()
)
_CORPS = frozenset("Pol TNI Inf Kav Arm Art Czi Cpl Cba Ckm Chb Cku Cpm Laut Mar Purn".split())
# Tokens looked at from an office word on: office, body, name and one more.
_WINDOW = 14


@lru_cache(maxsize=1)
def _office_start_pattern() -> re.Pattern[str]:
    # Offices in either case (a capitalised one needs a body after it, see
    # ``_office_end``), ranks as written.
    starts = "|".join(sorted(_OFFICE_STARTS, key=len, reverse=True))
    ranks = "|".join(sorted(RANKS, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:(?i:{starts})|{ranks})(?![\w-])")


# Words that follow an office and belong to it ("Menteri Luar Negeri", "Kepala Staf").
_OFFICE_WORDS = frozenset({"luar", "dalam", "negeri", "staf", "besar", "umum", "senior", "tinggi"})


def title_cued_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """``spans`` plus PER spans for names that follow an office word.

    Args:
        doc: The Doc.
        spans: Its entities so far, sorted and non-overlapping.

    Returns:
        The entities with the found people added, sorted.
    """
    covered = [False] * len(doc)
    entity_end: dict[int, int] = {}
    for span in spans:
        entity_end[span.start] = span.end
        for i in range(span.start, span.end):
            covered[i] = True
    found: list[Span] = []
    resume = 0
    # Look only where an office word stands: visiting every token is slow.
    for match in _office_start_pattern().finditer(doc.text):
        start = doc.char_span(match.start(), match.end())
        if start is None or start.start < resume:
            continue
        i = start.start
        words = [token.text for token in doc[i : i + _WINDOW]]
        if words[0] in RANKS:
            person = _name_after_rank(doc, words, i, covered)
        else:
            after = _office_end([w.lower() for w in words], 0)
            if after is None:
                continue
            # "Juru Bicara Kremlin Dmitry Peskov": a capitalised office is
            # followed by its portfolio ("Menteri Koordinator Politik ..."),
            # which reads like a name, unless a known body stands between.
            capitalised = words[0][:1].isupper()
            person = _name_after(doc, words, after, i, covered, entity_end, need_body=capitalised)
        if person is not None:
            found.append(person)
            resume = person.end
    if not found:
        return spans
    return sorted([*spans, *found], key=lambda span: span.start)


def _office_end(words: list[str], i: int) -> int | None:
    """Where an office starting at word ``i`` ends, or None if none starts there.

    ``words`` are lower-cased; whether the office was capitalised is the
    caller's concern.
    """
    for size in range(_LONGEST_OFFICE, 0, -1):
        if tuple(words[i : i + size]) in OFFICES:
            end = i + size
            while end < len(words) and words[end].lower() in _OFFICE_WORDS:
                end += 1
            return end
    return None


def _name_after(
    doc: Doc,
    words: list[str],
    after: int,
    offset: int,
    covered: list[bool],
    entity_end: dict[int, int],
    *,
    need_body: bool = False,
) -> Span | None:
    """The person right after an office: past one body the model found, 2-3 capitalised words.

    ``words`` are the texts of the tokens from ``offset`` on; ``after`` indexes
    them and is where the office ends. With ``need_body`` a body must stand
    between office and name.
    """
    i = offset + after
    # Past the body or country the office belongs to, found by the model or
    # known by name: "Kremlin" in "juru bicara Kremlin Dmitry Peskov".
    bodies = 0
    for _ in range(2):
        if i in entity_end:
            i = entity_end[i]
            bodies += 1
            continue
        known = _known_name_length(doc, i)
        if not known:
            break
        i += known
        bodies += 1
    if need_body and not bodies:
        return None
    end = i
    limit = min(len(doc), offset + len(words))
    while end < limit and not covered[end] and _name_word(words[end - offset]):
        end += 1
    size = end - i
    if not 2 <= size <= 3 or end == limit < len(doc):
        return None  # one word is too little to tell; four is more likely a body's name
    name = words[i - offset : end - offset]
    if name[0] in ORG_FIRST_WORDS or name[-1] in ORG_LAST_WORDS:
        return None
    # A known place or body is no one's name; two letters are too ambiguous ("Un").
    if name_key(" ".join(name)) in known_names() or any(
        len(word) > 2 and name_key(word) in known_names() for word in name
    ):
        return None
    return Span(doc, i, end, label="PER")


def _name_after_rank(doc: Doc, words: list[str], offset: int, covered: list[bool]) -> Span | None:
    """The person after a rank ("AKP Rizal Firmansyah", "Brigjen TNI Hartono"): 1-3 name words."""
    i = 1
    while i < len(words) and words[i] in _CORPS:
        i += 1
    end = i
    while end < min(len(words), i + 4) and _name_word(words[end]) and not covered[offset + end]:
        end += 1
    size = end - i
    if not 1 <= size <= 3:
        return None  # nothing capitalised, or four words: more likely a unit's name
    name = words[i:end]
    if name[0] in ORG_FIRST_WORDS or name[-1] in ORG_LAST_WORDS:
        return None
    return Span(doc, offset + i, offset + end, label="PER")


def _known_name_length(doc: Doc, i: int) -> int:
    """Tokens from ``i`` that spell a known place or body ("Korea Selatan"), or 0."""
    for size in range(4, 0, -1):
        if i + size <= len(doc) and name_key(doc[i : i + size].text) in known_names():
            return size
    return 0


def _name_word(text: str) -> bool:
    return (
        text[:1].isupper()
        and not text.isupper()
        and text.replace("-", "").replace("'", "").isalpha()
    )
