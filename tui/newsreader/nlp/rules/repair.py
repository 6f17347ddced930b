"""Repairs of NER spans whose shape shows a plain mistake.

The statistical model makes a few errors that its span's own words give
away, whatever the article: a name running across a paragraph break, an
organisation head word read as a person ("Stimson Center" as PER), or a
place or title glued to the front of a person's name ("Kremlin Dmitry
Peskov"). These repairs only shorten or relabel an NER span; they never
invent one.

Imported only with the spaCy component (``rules.component``), so spaCy is
imported at the top here.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc, Span, Token

from newsreader.nlp.canonical import known_label, known_names, name_key

# Lower-case words that can end a name: compass words typed in lower case
# ("Korea selatan"), "Luar negeri", and particles of foreign names.
NAME_ENDINGS = frozenset({
    "utara", "selatan", "barat", "timur", "tengah", "laut", "raya", "negeri", "daya",
    "van", "von", "de", "da", "del", "der", "den", "la", "le", "bin", "al", "el",
})  # fmt: skip
_VOTING_LABELS = frozenset({"PER", "ORG", "LOC"})
_NAME_LABELS = frozenset({"PER", "PERSON", "ORG", "LOC", "GPE", "EVENT", "MISC"})
# Words that end an organisation's name in English and open one in Indonesian.
ORG_LAST_WORDS = frozenset({
    "Center", "Centre", "Institute", "Institution", "Foundation", "University", "College",
    "Council", "Agency", "Association", "Corporation", "Corp", "Company", "Inc", "Ltd",
    "Group", "Party", "Bank", "Ministry", "Committee", "Commission", "Academy", "Network",
    "Times", "Post", "Airlines", "Airways", "Tbk", "Fund", "Organization", "Organisation",
    "Union", "Federation", "Society", "Authority", "Department", "Service", "Press",
})  # fmt: skip
ORG_FIRST_WORDS = frozenset({
    "Kementerian", "Kemenlu", "Universitas", "Institut", "Badan", "Dewan", "Partai", "Komisi",
    "Lembaga", "Yayasan", "Departemen", "Direktorat", "Pemerintah", "Majelis", "Mahkamah",
    "Pengadilan", "Kejaksaan", "Kepolisian", "Polda", "Polres", "Markas", "Sekolah",
    "PT", "Perum", "Koperasi", "Asosiasi", "Perhimpunan", "Ikatan", "Persatuan", "Kantor",
    "Akademi", "Sekretariat", "Biro", "Dinas", "Otoritas", "Bursa", "Federasi", "Liga",
    "Klub", "Serikat", "Gerakan", "Front", "Aliansi", "Komite", "Pusat", "Organisasi",
})  # fmt: skip
# Titles the corpora keep outside person names ("Presiden [Vladimir Putin]").
PERSON_TITLES = frozenset({
    "Presiden", "Wakil", "Menteri", "Perdana", "Juru", "Bicara", "Direktur", "Ketua",
    "Gubernur", "Bupati", "Wali", "Kota", "Jenderal", "Raja", "Ratu", "Pangeran", "Kanselir",
    "Senator", "Sekretaris", "Pemimpin", "Kepala", "Panglima", "Duta", "Besar",
    "President", "Minister", "Prime", "Secretary", "Chancellor", "King", "Queen", "Prince",
    "Spokesman", "Spokeswoman", "Director", "General", "Mr", "Mrs", "Ms", "Dr", "Prof",
})  # fmt: skip


def repair_entities(doc: Doc) -> list[Span]:
    """The Doc's NER entities with shape errors repaired.

    Args:
        doc: A Doc after NER.

    Returns:
        Entities in order: cut at line breaks, without lower-case words
        run on past their end, known names ("Rusia",
        "KCNA") given their fixed label, person spans stripped of a
        leading place/organisation or title, person spans with an
        organisation head relabelled ORG, and a place or organisation run
        into the person after it split in two; then repeated mentions
        agree on their label (see ``_consistent_labels``).
    """
    repaired: list[Span] = []
    for ent in doc.ents:
        span = _before_line_break(ent)
        if span is not None and span.label_ in _NAME_LABELS:
            span = _without_lowercase_edges(span)
        if span is not None and span.label_ in ("PER", "PERSON"):
            span = _person(span)
        elif span is not None and span.label_ == "LOC" and _has_org_last_word(span):
            # Only the English heads: the corpora call "Kantor Presiden" a place.
            span = _trimmed(doc, span.start, span.end, "ORG")
        if span is not None and span.label_ in _NAME_LABELS:
            label = known_label(span.text, curated_only=span.label_ in ("PER", "PERSON"))
            if label is not None and label != span.label_:
                # A known country, city or body: its label does not depend on the model.
                span = Span(doc, span.start, span.end, label=label)
        if span is not None and span.label_ in ("LOC", "ORG", "GPE"):
            repaired.extend(_place_then_person(span))
        elif span is not None and len(span):
            repaired.append(span)
    return _consistent_labels(repaired)


def _consistent_labels(spans: list[Span]) -> list[Span]:
    """Give repeated mentions in one document the label most of them have.

    A model that reads "Putin" as a person five times and as a place once
    was wrong once. A lone word that is the first or last word of a person's
    full name in the document ("Putin" beside "Vladimir Putin") is that
    person too, unless it is a known place or body.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    person_words: set[str] = set()
    for span in spans:
        if span.label_ in _VOTING_LABELS:
            votes[span.text][span.label_] += 1
        if span.label_ == "PER" and len(span) > 1:
            person_words.update((span[0].text, span[-1].text))
    result: list[Span] = []
    for span in spans:
        label = span.label_
        if label in _VOTING_LABELS:
            counts = votes[span.text]
            best, best_count = counts.most_common(1)[0]
            others = sum(counts.values()) - best_count
            if best != label and best_count >= 2 and best_count >= 2 * others:
                label = best
            elif (
                label != "PER"
                and len(span) == 1
                and span.text in person_words
                and known_label(span.text) is None
            ):
                label = "PER"
        result.append(
            span if label == span.label_ else Span(span.doc, span.start, span.end, label=label)
        )
    return result


def _known_prefix(span: Span, keep: int) -> int:
    """Tokens at the start of ``span`` forming a known place or organisation name.

    At least ``keep`` tokens are left after the prefix; 0 means no prefix.
    """
    for size in range(min(len(span) - keep, 4), 0, -1):
        if name_key(span[:size].text) in known_names():
            return size
    return 0


def _place_then_person(span: Span) -> list[Span]:
    """Split "Korea Utara Kim Jong Un" (read as one place) into the place and the person.

    Indonesian news puts a person's name right after the country or body
    they speak for ("juru bicara Kremlin Dmitry Peskov"), and the model
    sometimes reads the whole run as one name. The split happens only when
    the rest is two or three capitalised words that are neither a known
    name nor an organisation's head word.
    """
    titles = 0
    while titles < len(span) and span[titles].text in PERSON_TITLES:
        titles += 1
    named = span[titles:]
    size = _known_prefix(named, keep=2) if len(named) >= 3 else 0
    rest = named[size:]
    if not size or len(rest) > 3:
        return [span]
    words = [token.text for token in rest]
    looks_like_person = all(
        word[:1].isupper() and not word.isupper() and word.replace("-", "").isalpha()
        for word in words
    )
    if (
        not looks_like_person
        or words[0] in ORG_FIRST_WORDS
        or words[-1] in ORG_LAST_WORDS
        or _known_prefix(rest, keep=0)
        # A known name inside ("Khawatir Korut"); two letters are too ambiguous ("Un").
        or any(len(word) > 2 and name_key(word) in known_names() for word in words)
    ):
        return [span]
    return [
        Span(span.doc, named.start, named.start + size, label=span.label_),
        Span(span.doc, named.start + size, span.end, label="PER"),
    ]


def _without_lowercase_edges(span: Span) -> Span | None:
    """Drop lower-case words that run past the end of a name: "Washington memperbarui".

    Only at the end: the news corpora keep a leading common noun with the
    name it introduces ("gedung DPR", "partai Demokrat"). Compass words
    written in lower case ("Korea selatan") and particles stay, and a span
    that is all lower case is left as it is (a name typed in lower case).
    """
    start, end = span.start, span.end
    doc = span.doc
    if all(_common_word(token) for token in span):
        return span
    while end > start and _common_word(doc[end - 1]) and doc[end - 1].lower_ not in NAME_ENDINGS:
        end -= 1
    if end == span.end:
        return span
    return _trimmed(doc, start, end, span.label_)


def _common_word(token: Token) -> bool:
    return token.is_alpha and token.is_lower


def _before_line_break(ent: Span) -> Span | None:
    for token in ent:
        if "\n" in token.text_with_ws and token.i + 1 < ent.end:
            if "\n" in token.text:
                end = token.i  # a whitespace token holding the break
            else:
                end = token.i + 1  # the break is in this token's trailing space
            return _trimmed(ent.doc, ent.start, end, ent.label_)
    return ent


def _has_org_last_word(span: Span) -> bool:
    return span[-1].text.rstrip(".") in ORG_LAST_WORDS


def _has_org_head(span: Span) -> bool:
    return _has_org_last_word(span) or span[0].text in ORG_FIRST_WORDS


def _person(span: Span) -> Span | None:
    doc = span.doc
    if _has_org_head(span):
        return _trimmed(doc, span.start, span.end, "ORG")
    start = span.start
    while span.end - start > 1 and doc[start].text.rstrip(".") in PERSON_TITLES:
        start += 1
    # A known place or organisation in front of a full name: "Kremlin Dmitry Peskov".
    start += _known_prefix(doc[start : span.end], keep=2)
    return _trimmed(doc, start, span.end, span.label_)


def _trimmed(doc: Doc, start: int, end: int, label: str) -> Span | None:
    while start < end and (doc[start].is_space or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=label)
