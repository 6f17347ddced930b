"""The rules as a spaCy pipeline component, merged with the NER's entities.

Import this module only once spaCy is wanted: it imports spaCy at the top
(it registers a factory), and ``newsreader.nlp.pipeline`` imports it lazily.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsreader.nlp.rules import find_rule_spans
from newsreader.nlp.rules.events import HEAD_WORDS
from newsreader.nlp.rules.people import title_cued_people
from newsreader.nlp.rules.repair import repair_entities

COMPONENT_NAME = "newsreader_rules"

# NER labels a rule may relabel when its span covers the NER span: an event
# name the model read as an organisation or place ("Eastern Economic Forum"
# as ORG). Names of people are left to the model.
_EVENT_OVERRIDES = frozenset({"ORG", "LOC", "GPE", "FAC", "MISC", "NORP", "EVENT"})


class NewsRules:
    """Repairs NER spans, adds people named after an office, then DATE/TIME/QUANTITY/EVENT.

    A rule match replaces NER entities only when it is clearly the more
    specific reading: it covers them entirely ("Selasa (12/9/2023)" over a
    stray "Selasa"), or the entity only adds lower-case words to it
    ("Eastern Economic Forum in" read as ORG). Where a match and an NER
    entity merely cross, the NER entity stays and the match is dropped.
    """

    def __init__(self, nlp: Language, name: str = COMPONENT_NAME) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        # Sorted and non-overlapping, as doc.ents are.
        ner = title_cued_people(doc, repair_entities(doc))
        ner_starts = [ent.start for ent in ner]
        ner_ends = [ent.end for ent in ner]
        added: list[Span] = []
        removed: set[int] = set()
        for rule in find_rule_spans(doc.text):  # sorted and non-overlapping too
            span = doc.char_span(rule.start, rule.end, label=rule.label, alignment_mode="expand")
            if span is None or (added and span.start < added[-1].end):
                continue  # expanding to whole tokens ran into the previous match
            first, after = bisect_right(ner_ends, span.start), bisect_left(ner_starts, span.end)
            overlapping = [index for index in range(first, after) if index not in removed]
            if any(not _rule_wins(span, ner[index], rule.listed) for index in overlapping):
                continue
            removed.update(overlapping)
            added.append(span)
        kept = [ent for index, ent in enumerate(ner) if index not in removed]
        doc.ents = sorted([*kept, *added], key=lambda ent: ent.start)
        return doc

    def to_disk(self, path: object, *, exclude: object = ()) -> None:
        """Nothing to save: the rules live in the package, not the pipeline folder."""

    def from_disk(self, path: object, *, exclude: object = ()) -> NewsRules:
        return self


def _rule_wins(rule: Span, ent: Span, listed: bool) -> bool:
    """Whether a rule match should replace an overlapping NER entity."""
    if rule.label_ == "EVENT" and ent.label_ not in _EVENT_OVERRIDES:
        return False
    if rule.start <= ent.start and ent.end <= rule.end:
        if rule.label_ != "EVENT" or listed or (ent.start, ent.end) == (rule.start, rule.end):
            return True
        # A shape-matched event over a name inside it: the event only when the
        # model's span has the event's head ("Economic Forum"), not when it is
        # just the name the event is of ("PPP" in "Muktamar PPP").
        return any(token.text in HEAD_WORDS for token in ent)
    if ent.start <= rule.start and rule.end <= ent.end:
        # The entity runs past the match only over lower-case words or
        # punctuation ("Eastern Economic Forum in"): the match is the name.
        outside = [*ent.doc[ent.start : rule.start], *ent.doc[rule.end : ent.end]]
        return all(not (token.is_title or token.is_upper) or token.is_punct for token in outside)
    return False


@Language.factory(COMPONENT_NAME)
def make_news_rules(nlp: Language, name: str) -> NewsRules:
    """spaCy factory for the rules component."""
    return NewsRules(nlp, name)
