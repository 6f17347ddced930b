"""Who says what: reporting verbs, quotation marks and the speaker they point to.

Indonesian news attributes speech with a small set of verbs ("kata X",
"ujar X", "X mengatakan", "menurut X") and with pronoun forms ("ujarnya",
"katanya") that point back to the speech reported just before. Verbs of
the "kata" kind put the speaker after them, "me-" verbs before them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsreader.nlp.annotation import Entity

# Speaker follows: "kata Peskov", "ujar Peskov", "menurut Peskov".
_VERBS_SPEAKER_AFTER = frozenset(
    "kata ujar menurut tutur ungkap tambah jelas tegas imbuh papar terang ucap bunyi".split()
)
# Speaker precedes: "Peskov mengatakan", "Kirby menegaskan".
_VERBS_SPEAKER_BEFORE = frozenset(
    """mengatakan menyatakan menegaskan menambahkan menjelaskan mengungkapkan
    menyebutkan mengklaim mengakui menilai memperingatkan berkata bilang""".split()
)
# Pronoun forms: the speaker of the speech reported just before.
_VERBS_PRONOUN = frozenset(
    """katanya ujarnya menurutnya tuturnya ungkapnya tambahnya jelasnya tegasnya
    imbuhnya paparnya terangnya ucapnya""".split()
)
# These double as adjectives ("tidak jelas", "kami jelas memiliki"): they
# report speech only right after a closing quote.
_WEAK_VERBS = frozenset("jelas tegas ungkap tutur papar terang ucap imbuh tambah".split())
_PRONOUN_SUBJECTS = frozenset("ia dia beliau mereka".split())

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W_]+)*")
# All reporting verbs as one pattern: most sentences have none, and finding
# that out in one regex pass is what keeps long archives fast.
_ANY_VERB = re.compile(
    r"(?<![\w'’-])(?:"
    + "|".join(
        sorted(_VERBS_SPEAKER_AFTER | _VERBS_SPEAKER_BEFORE | _VERBS_PRONOUN, key=len, reverse=True)
    )
    + r")(?![\w'’-])",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]{3,})[\"“”„«»]|‘([^‘’]{3,})’")
# Text up to a closing quote with no opening one before it, counted as a
# quote only when a reporting verb follows ("...," kata X).
_QUOTE_TAIL = re.compile(r"^([^\"“”„«»]{3,}?)[\"”»]")
_GAP = re.compile(r"[,.!?]?\s*")
_AFTER_QUOTE = re.compile(r"[\"”’»][,.]?\s*$")
# How far (characters) a speaker may stand from the verb: after "kata" a
# title may come first ("kata juru bicara Kremlin Dmitry Peskov"); after
# "menurut" the name comes at once; before a "me-" verb, the subject.
_AFTER_REACH = 45
_MENURUT_REACH = 12
_BEFORE_REACH = 40
# Between a subject and its verb there is no clause boundary.
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\b(?:yang|namun|tetapi|bahwa|dan|sedangkan|ketika)\b")


@dataclass(frozen=True, slots=True)
class Attribution:
    """The speech a sentence reports: speaker (canonical), verbatim or not, quoted words.

    ``clause`` is the span of the attribution itself, verb to speaker ("kata
    juru bicara Kremlin Dmitry Peskov", "Peskov mengatakan"): who said it,
    as opposed to what was said.
    """

    speaker: str | None
    verbatim: bool
    quoted: str
    pronoun: bool
    clause: tuple[int, int] | None = None


def attribute(sentence: str, entities: Sequence[Entity]) -> Attribution | None:
    """Find reported speech in one sentence.

    Args:
        sentence: The sentence text.
        entities: Entities of the sentence, offsets relative to ``sentence``.

    Returns:
        None when the sentence reports no speech; otherwise the speaker the
        verb points to (None if the text names nobody, ``pronoun`` True when
        it points back to an earlier speaker).
    """
    quoted_spans = [(m.start(), m.end()) for m in _QUOTED.finditer(sentence)]
    quoted = " ".join((m.group(1) or m.group(2)).strip() for m in _QUOTED.finditer(sentence))
    if not quoted_spans:
        # The end of a quote opened in an earlier sentence: "...," kata X.
        tail = _QUOTE_TAIL.match(sentence)
        if tail and _ANY_VERB.match(sentence, tail.end() + _gap(sentence, tail.end())):
            quoted_spans = [(0, tail.end())]
            quoted = tail.group(1).strip()
    verb = _reporting_verb(sentence, quoted_spans)
    if verb is None:
        if quoted and len(quoted.split()) >= 4:
            return Attribution(None, True, quoted, False)
        return None
    word, start, end = verb
    speakers = [e for e in entities if not _inside(e.start, e.end, quoted_spans)]
    # After a closing quote, all that follows "kata" is attribution, however
    # long the title ("kata Direktur Lalu Lintas Polda Jawa Barat Kombes ...").
    trailing = word in _VERBS_SPEAKER_AFTER and bool(_AFTER_QUOTE.search(sentence[:start]))
    found = _nearest_speaker(word, start, end, speakers, sentence, trailing=trailing)
    pronoun = found is None and (word in _VERBS_PRONOUN or _pronoun_subject(sentence, start))
    verbatim = bool(quoted) and len(quoted.split()) >= 2
    if trailing:
        clause = (start, len(sentence))
    elif found is None:
        clause = (start, end)
    else:
        clause = (min(start, found.start), max(end, found.end))
    speaker = found.canonical if found else None
    return Attribution(speaker, verbatim, quoted if verbatim else "", pronoun, clause)


def _gap(sentence: str, at: int) -> int:
    """Length of the punctuation and spaces at ``at`` (between a quote and its verb)."""
    match = _GAP.match(sentence, at)
    return match.end() - at if match else 0


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _reporting_verb(
    sentence: str, quoted_spans: list[tuple[int, int]]
) -> tuple[str, int, int] | None:
    for m in _ANY_VERB.finditer(sentence):
        if _inside(m.start(), m.end(), quoted_spans):
            continue
        word = m.group().lower()
        if word in _WEAK_VERBS and not _AFTER_QUOTE.search(sentence[: m.start()]):
            continue
        return word, m.start(), m.end()
    return None


def _nearest_speaker(
    word: str,
    start: int,
    end: int,
    entities: Sequence[Entity],
    sentence: str,
    *,
    trailing: bool = False,
) -> Entity | None:
    """The person (else organisation) standing where the verb's speaker stands.

    "kata X" and "menurut X" put the speaker right after the verb (a title
    such as "juru bicara Kremlin" may come first); "X mengatakan bahwa ..."
    puts it right before, in the same clause, and whoever comes after is
    what was said. ``trailing``: the verb follows a closing quote, so the
    speaker may stand anywhere after it, behind a title of any length.
    Pronoun forms ("ujarnya") name nobody. Nothing found
    means None: a wrong speaker is worse than an unknown one.
    """
    if word in _VERBS_PRONOUN:
        return None
    if word in _VERBS_SPEAKER_BEFORE:
        if _pronoun_subject(sentence, start):
            return None
        side = [
            e
            for e in entities
            if e.end <= start
            and start - e.end <= _BEFORE_REACH
            and not _CLAUSE_BREAK.search(sentence[e.end : start])
        ]
        side.sort(key=lambda e: start - e.end)
    else:
        reach = _MENURUT_REACH if word == "menurut" else _AFTER_REACH
        if trailing:
            reach = len(sentence)
        side = [e for e in entities if e.start >= end and e.start - end <= reach]
        side.sort(key=lambda e: e.start - end)
    for label in ("PER", "ORG"):
        for entity in side:
            if entity.label == label:
                return entity
    return None


def _pronoun_subject(sentence: str, verb_start: int) -> bool:
    words = _WORD.findall(sentence[:verb_start])
    return bool(words) and words[-1].lower() in _PRONOUN_SUBJECTS
