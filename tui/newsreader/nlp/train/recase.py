"""Restoring capitals to the lower-cased nerp corpus.

nerp is entirely lower-cased; a model trained on it as-is learns that names
need no capital letter. We re-case each token with casing statistics from
the cased corpora (how a word is usually written inside and outside
entities) and nerp's own entity tags (an unseen word inside a name gets a
capital).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from newsreader.nlp.train.corpora import TaggedSentence

_SENTENCE_END = {".", "!", "?"}


@dataclass
class CasingStats:
    """Surface forms of each lower-cased word, inside and outside entities."""

    inside: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    outside: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    @classmethod
    def from_sentences(cls, sentences: Iterable[TaggedSentence]) -> CasingStats:
        """Count surface forms in cased sentences.

        Args:
            sentences: Sentences with their original capitalisation.

        Returns:
            The statistics; sentence-initial words are skipped outside
            entities, since position alone capitalises them.
        """
        stats = cls()
        for sentence in sentences:
            for index, (word, tag) in enumerate(zip(sentence.words, sentence.tags, strict=True)):
                if tag != "O":
                    stats.inside[word.casefold()][word] += 1
                elif index > 0 and sentence.words[index - 1] not in _SENTENCE_END:
                    stats.outside[word.casefold()][word] += 1
        return stats

    def form(self, word: str, in_entity: bool) -> str:
        """The likely written form of a lower-cased word.

        Args:
            word: A lower-cased token.
            in_entity: Whether the token is inside an entity.

        Returns:
            The most frequent form seen in that position, else the word
            capitalised inside an entity and unchanged outside.
        """
        seen = (self.inside if in_entity else self.outside).get(word)
        if seen:
            return seen.most_common(1)[0][0]
        if in_entity:
            return _capitalise(word)
        return word


def _capitalise(word: str) -> str:
    # "jong-un" -> "Jong-un": names keep the second part as written.
    return word[:1].upper() + word[1:]


def recase_sentence(words: Sequence[str], tags: Sequence[str], stats: CasingStats) -> list[str]:
    """Re-case one lower-cased sentence.

    Args:
        words: Lower-cased tokens.
        tags: Their IOB tags.
        stats: Casing statistics from cased corpora.

    Returns:
        The tokens with restored capitals; the first word of the sentence
        (and after a full stop) is capitalised.
    """
    out: list[str] = []
    for index, (word, tag) in enumerate(zip(words, tags, strict=True)):
        form = stats.form(word, tag != "O")
        if index == 0 or words[index - 1] in _SENTENCE_END:
            form = _capitalise(form)
        out.append(form)
    return out


def recase_corpus(sentences: Iterable[TaggedSentence], stats: CasingStats) -> list[TaggedSentence]:
    """Re-case every sentence of a lower-cased corpus.

    Args:
        sentences: Lower-cased sentences.
        stats: Casing statistics from cased corpora.

    Returns:
        New sentences with restored capitals and the same tags.
    """
    return [
        replace(sentence, words=tuple(recase_sentence(sentence.words, sentence.tags, stats)))
        for sentence in sentences
    ]
