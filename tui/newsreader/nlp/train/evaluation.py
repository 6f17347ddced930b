"""Entity-level precision, recall and F1 of a pipeline on a gold split."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsreader.nlp.train.corpora import TaggedSentence, entity_spans

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class LabelScore:
    """Counts and scores of one label (or of all labels, for ``"ALL"``)."""

    label: str
    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass
class Evaluation:
    """Per-label and micro-averaged scores on one split."""

    name: str
    labels: dict[str, LabelScore] = field(default_factory=dict)
    overall: LabelScore = field(default_factory=lambda: LabelScore("ALL", 0, 0, 0))

    def table(self) -> str:
        """A plain-text table of P/R/F1 per label and overall."""
        rows = [f"{self.name}", f"  {'label':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}"]
        for score in [*self.labels.values(), self.overall]:
            rows.append(
                f"  {score.label:<6} {score.precision:6.3f} {score.recall:6.3f}"
                f" {score.f1:6.3f} {score.gold:5d}"
            )
        return "\n".join(rows)


def score_spans(
    gold: Iterable[Iterable[tuple[int, int, str]]],
    predicted: Iterable[Iterable[tuple[int, int, str]]],
    labels: Sequence[str],
    name: str = "",
) -> Evaluation:
    """Score predicted entity spans against gold spans, exact match.

    Args:
        gold: Per sentence, the gold ``(start, end, label)`` spans.
        predicted: Per sentence, the predicted spans, same order.
        labels: Labels to report; spans of other labels are ignored.
        name: Name of the split, for the table.

    Returns:
        Per-label and micro-averaged precision, recall and F1.
    """
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    wanted = set(labels)
    for gold_spans, pred_spans in zip(gold, predicted, strict=True):
        gold_set = {span for span in gold_spans if span[2] in wanted}
        pred_set = {span for span in pred_spans if span[2] in wanted}
        for span in gold_set:
            n_gold[span[2]] += 1
        for span in pred_set:
            n_pred[span[2]] += 1
            if span in gold_set:
                tp[span[2]] += 1
    result = Evaluation(name=name)
    for label in labels:
        result.labels[label] = LabelScore(label, tp[label], n_pred[label], n_gold[label])
    result.overall = LabelScore("ALL", sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return result


def predict_spans(
    nlp: Language, sentences: Sequence[TaggedSentence]
) -> list[list[tuple[int, int, str]]]:
    """Run a pipeline over gold-tokenized sentences.

    Args:
        nlp: The pipeline.
        sentences: Sentences whose tokens the pipeline must keep.

    Returns:
        Per sentence, the predicted ``(start, end, label)`` token spans.
    """
    from spacy.tokens import Doc

    docs = (Doc(nlp.vocab, words=list(sentence.words)) for sentence in sentences)
    return [
        [(ent.start, ent.end, ent.label_) for ent in doc.ents]
        for doc in nlp.pipe(docs, batch_size=256)
    ]


def evaluate(
    nlp: Language, sentences: Sequence[TaggedSentence], labels: Sequence[str], name: str
) -> Evaluation:
    """Entity-level P/R/F1 of a pipeline on gold sentences.

    Args:
        nlp: The pipeline.
        sentences: Gold sentences.
        labels: Labels to report.
        name: Name of the split, for the table.

    Returns:
        The evaluation.
    """
    gold = [entity_spans(sentence.tags) for sentence in sentences]
    return score_spans(gold, predict_spans(nlp, sentences), labels, name)
