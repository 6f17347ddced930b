"""The Indonesian news tokenizer shared by training and run time.

spaCy's Indonesian tokenizer splits every hyphen between letters, so
"Kim Jong-un" becomes ``Kim / Jong / - / un`` and the recognizer (trained
on corpora that keep "Jong-un", "PDI-P" or "undang-undang" whole) cannot
tag the name. This module keeps a plain hyphen between two letters inside
the token, while digits, slashes, en/em dashes and double hyphens still
split as before.

A line or paragraph break also ends any entity: the tokenizer marks the
break and the token after it as sentence starts, and spaCy's recognizer
never lets an entity cross a sentence start (so a byline cannot run into
the next paragraph's first word).

It also maps Unicode space separators (no-break space, thin space, zero
width space, ...) to an ASCII space before tokenizing. The replacement is
one character for one character, so every character offset into the
``Doc`` text is the same offset into the caller's original text.

spaCy is imported only inside functions: the app imports ``newsreader.nlp``
long before it wants to pay for loading spaCy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

#: Name of the tokenizer factory in spaCy's registry, as used in ``config.cfg``.
TOKENIZER_NAME = "newsreader.id_news_tokenizer.v1"

# Characters that separate words but that spaCy's tokenizer would keep as a
# token of their own (or, for the zero-width ones, glue to a neighbour).
_SPACE_LIKE = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u200b\u202f\u205f\u3000\ufeff"
)
_SPACE_TABLE = str.maketrans({char: " " for char in _SPACE_LIKE})


def normalise_spaces(text: str) -> str:
    """Replace Unicode space separators with ASCII spaces, one for one.

    Args:
        text: Any text.

    Returns:
        The text with the same length, where no-break, thin, zero-width and
        similar spaces are now ``" "``.
    """
    return text.translate(_SPACE_TABLE)


def mark_line_breaks(doc: Doc) -> None:
    """Mark each line break, and the token after it, as a sentence start.

    Args:
        doc: A freshly tokenized ``Doc`` (no sentence boundaries set yet).
    """
    for token in doc:
        if token.is_space and "\n" in token.text:
            token.is_sent_start = True
            if token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = True


def news_infixes() -> list[str]:
    """The infix patterns of the news tokenizer.

    Returns:
        spaCy's Indonesian infix patterns, except that a plain ``-`` between
        two letters no longer splits the word.
    """
    from spacy.lang.char_classes import ALPHA, merge_chars
    from spacy.lang.id import Indonesian
    from spacy.lang.id.punctuation import CURRENCY

    hyphens = merge_chars("- – — -- --- —— ~")
    generic_hyphen = rf"(?<=[{ALPHA}])(?:{hyphens})(?=[{ALPHA}])"
    indonesian_slash_hyphen = rf"(?<=[{ALPHA}])[\/-](?={CURRENCY}|[{ALPHA}])"
    replaced = {generic_hyphen, indonesian_slash_hyphen}
    infixes = [pattern for pattern in Indonesian.Defaults.infixes if pattern not in replaced]
    if len(infixes) != len(Indonesian.Defaults.infixes) - len(replaced):
        # spaCy changed its patterns: fail loudly rather than silently split names again.
        raise RuntimeError("spaCy's Indonesian hyphen infix patterns changed; update news_infixes")
    longer_dashes = merge_chars("– — -- --- —— ~")
    return [
        *infixes,
        rf"(?<=[{ALPHA}])(?:{longer_dashes})(?=[{ALPHA}])",
        rf"(?<=[{ALPHA}])\/(?={CURRENCY}|[{ALPHA}])",
        rf"(?<=[{ALPHA}])-(?={CURRENCY})",
    ]


class NewsTokenizer:
    """spaCy's rule tokenizer with the news infixes and space normalisation.

    It behaves like ``spacy.tokenizer.Tokenizer`` for the pipeline (call,
    ``pipe``, serialisation); the wrapped tokenizer is ``self.inner``.
    """

    def __init__(self, inner: Tokenizer) -> None:
        self.inner = inner

    def __call__(self, text: str) -> Doc:
        doc = self.inner(normalise_spaces(text))
        if "\n" in text:
            mark_line_breaks(doc)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def explain(self, text: str) -> list[tuple[str, str]]:
        return self.inner.explain(normalise_spaces(text))

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        self.inner.to_disk(path, **kwargs)

    def from_disk(self, path: str | Path, **kwargs: Any) -> NewsTokenizer:
        self.inner.from_disk(path, **kwargs)
        return self

    def to_bytes(self, **kwargs: Any) -> bytes:
        return self.inner.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs: Any) -> NewsTokenizer:
        self.inner.from_bytes(data, **kwargs)
        return self


def build_news_tokenizer(nlp: Language) -> NewsTokenizer:
    """Build the news tokenizer for an Indonesian pipeline.

    Args:
        nlp: The pipeline whose vocabulary and language defaults to use.

    Returns:
        A ``NewsTokenizer`` around spaCy's tokenizer with the news infixes.
    """
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults = nlp.Defaults
    inner = Tokenizer(
        nlp.vocab,
        rules=defaults.tokenizer_exceptions,
        prefix_search=compile_prefix_regex(defaults.prefixes).search,
        suffix_search=compile_suffix_regex(defaults.suffixes).search,
        infix_finditer=compile_infix_regex(news_infixes()).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )
    return NewsTokenizer(inner)


def _create_news_tokenizer() -> Callable[[Language], NewsTokenizer]:
    return build_news_tokenizer


def register_tokenizer() -> None:
    """Register the news tokenizer under ``TOKENIZER_NAME`` (idempotent).

    A pipeline whose ``config.cfg`` names the tokenizer can only be loaded
    after this ran; ``newsreader.nlp.model_loader`` calls it for you.
    """
    from spacy.util import registry

    if TOKENIZER_NAME not in registry.tokenizers:
        registry.tokenizers.register(TOKENIZER_NAME, func=_create_news_tokenizer)


def news_blank() -> Language:
    """A blank Indonesian pipeline that uses the news tokenizer.

    Returns:
        ``spacy.blank("id")`` with its tokenizer replaced.
    """
    import spacy

    register_tokenizer()
    return spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
