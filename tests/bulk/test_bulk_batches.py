"""Batches of work for bulk annotation keep order and stay within their limits."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsreader.bulk.batches import make_batches

texts = st.lists(st.text(min_size=0, max_size=300), max_size=60)


@given(texts, st.integers(1, 10), st.integers(1, 500))
def test_batches_keep_every_text_in_order_within_limits(
    items: list[str], max_texts: int, max_chars: int
) -> None:
    pairs = [(f"h{i}", text) for i, text in enumerate(items)]
    batches = list(make_batches(pairs, max_texts=max_texts, max_chars=max_chars))
    assert [h for b in batches for h in b.hashes] == [h for h, _ in pairs]
    assert [t for b in batches for t in b.texts] == items
    for batch in batches:
        assert 1 <= len(batch.texts) <= max_texts
        # Only a text longer than the limit travels alone past it.
        assert sum(map(len, batch.texts)) <= max_chars or len(batch.texts) == 1


def test_words_count_whitespace_separated_words() -> None:
    (batch,) = make_batches([("a", "Kim Jong Un tiba"), ("b", "di  Vladivostok\n")])
    assert batch.words == 6
