"""The rules as a spaCy pipeline component, merged with the NER's entities.

Import this module only once spaCy is wanted: it imports spaCy at the top
(it registers a factory), and ``newsreader.nlp.pipeline`` imports it lazily.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsreader.nlp.rules import find_rule_spans

COMPONENT_NAME = "newsreader_rules"

# NER labels a rule may relabel when its span covers the NER span: an event
# name the model read as an organisation or place ("Eastern Economic Forum"
# as ORG). Names of people are left to the model.
_EVENT_OVERRIDES = frozenset({"ORG", "LOC", "GPE", "FAC", "MISC", "NORP", "EVENT"})


class NewsRules:
    """Adds DATE/TIME/QUANTITY/EVENT rule matches to ``doc.ents``.

    A rule match replaces NER entities only when it covers them entirely
    (the rule is then the more specific reading: "Selasa (12/9/2023)" over a
    stray "Selasa"); where a match and an NER entity merely cross, the NER
    entity stays and the match is dropped.
    """

    def __init__(self, nlp: Language, name: str = COMPONENT_NAME) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ner = list(doc.ents)
        added: list[Span] = []
        removed: set[int] = set()
        for rule in find_rule_spans(doc.text):
            span = doc.char_span(rule.start, rule.end, label=rule.label, alignment_mode="expand")
            if span is None:
                continue
            overlapping = [
                index
                for index, ent in enumerate(ner)
                if ent.start < span.end and span.start < ent.end and index not in removed
            ]
            if any(not _rule_wins(span, ner[index]) for index in overlapping):
                continue
            if any(span.start < other.end and other.start < span.end for other in added):
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


def _rule_wins(rule: Span, ent: Span) -> bool:
    if not (rule.start <= ent.start and ent.end <= rule.end):
        return False
    if rule.label_ == "EVENT":
        return ent.label_ in _EVENT_OVERRIDES
    return True


@Language.factory(COMPONENT_NAME)
def make_news_rules(nlp: Language, name: str) -> NewsRules:
    """spaCy factory for the rules component."""
    return NewsRules(nlp, name)
