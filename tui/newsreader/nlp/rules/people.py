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
    i = 0
    while i < len(doc):
        after = _office_end(doc, i)
        if after is None:
            i += 1
            continue
        person = _name_after(doc, after, covered, entity_end)
        if person is not None:
            found.append(person)
            i = person.end
        else:
            i = after
    if not found:
        return spans
    return sorted([*spans, *found], key=lambda span: span.start)


def _office_end(doc: Doc, i: int) -> int | None:
    """Where an office word starting at token ``i`` ends, or None if none starts there.

    Only offices written in lower case count ("kata juru bicara ..."): a
    capitalised one is a title whose capitalised portfolio follows
    ("Menteri Koordinator Politik ..."), which cannot be told from a name.
    """
    if not doc[i].is_lower:
        return None
    for size in range(_LONGEST_OFFICE, 0, -1):
        words = tuple(token.text for token in doc[i : i + size])
        if len(words) == size and words in OFFICES:
            end = i + size
            while end < len(doc) and doc[end].lower_ in _OFFICE_WORDS:
                end += 1
            return end
    return None


def _name_after(doc: Doc, i: int, covered: list[bool], entity_end: dict[int, int]) -> Span | None:
    """The person right after an office: past one body the model found, 2-3 capitalised words."""
    # Past the body or country the office belongs to, found by the model or
    # known by name: "Kremlin" in "juru bicara Kremlin Dmitry Peskov".
    for _ in range(2):
        if i in entity_end:
            i = entity_end[i]
            continue
        known = _known_name_length(doc, i)
        if not known:
            break
        i += known
    end = i
    while end < len(doc) and _name_word(doc, end, covered):
        end += 1
    size = end - i
    if not 2 <= size <= 3:
        return None  # one word is too little to tell; four is more likely a body's name
    words = [token.text for token in doc[i:end]]
    if words[0] in ORG_FIRST_WORDS or words[-1] in ORG_LAST_WORDS:
        return None
    # A known place or body is no one's name; two letters are too ambiguous ("Un").
    if name_key(" ".join(words)) in known_names() or any(
        len(word) > 2 and name_key(word) in known_names() for word in words
    ):
        return None
    return Span(doc, i, end, label="PER")


def _known_name_length(doc: Doc, i: int) -> int:
    """Tokens from ``i`` that spell a known place or body ("Korea Selatan"), or 0."""
    for size in range(4, 0, -1):
        if i + size <= len(doc) and name_key(doc[i : i + size].text) in known_names():
            return size
    return 0


def _name_word(doc: Doc, i: int, covered: list[bool]) -> bool:
    token = doc[i]
    text = token.text
    return (
        not covered[i]
        and text[:1].isupper()
        and not text.isupper()
        and text.replace("-", "").replace("'", "").isalpha()
    )
