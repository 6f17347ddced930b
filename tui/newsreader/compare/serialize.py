"""The ``compare --json`` shape (see the design's command-line contract).

Only fields may be added here; the contract's names never change.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsreader.compare.model import Comparison, Fact, Mention, Story


def to_json(comparison: Comparison, errors: Iterable[Any] = ()) -> dict[str, Any]:
    """The comparison as plain JSON-ready data.

    Args:
        comparison: What ``build`` returned.
        errors: Load errors, as dicts with "path" and "reason" or objects
            with those attributes.

    Returns:
        {"stories": [...], "errors": [{"path", "reason"}]}.
    """
    return {
        "stories": [_story(story) for story in comparison.stories],
        "errors": [_error(e) for e in errors],
    }


def _error(error: Any) -> dict[str, str]:
    if isinstance(error, dict):
        return {"path": str(error["path"]), "reason": str(error["reason"])}
    return {"path": str(error.path), "reason": str(error.reason)}


def _mention(m: Mention) -> dict[str, Any]:
    return {
        "article": m.article,
        "sentence": m.sentence,
        "outlet": m.outlet,
        "start": m.start,
        "end": m.end,
        "index": m.index,
    }


def _fact(f: Fact) -> dict[str, Any]:
    return {
        "id": f.id,
        "summary": f.summary,
        "mentions": [_mention(m) for m in f.mentions],
        "discrepancies": [{"kind": d.kind, "values": dict(d.values)} for d in f.discrepancies],
    }


def _story(s: Story) -> dict[str, Any]:
    return {
        "id": s.id,
        "label": s.label,
        "articles": list(s.articles),
        "outlets": dict(s.outlets),
        "facts": [_fact(f) for f in s.facts],
        "unique": {a: [m.sentence for m in ms] for a, ms in s.unique.items()},
        "unique_mentions": {a: [_mention(m) for m in ms] for a, ms in s.unique.items()},
        "shared_passages": [
            {"articles": list(p.articles), "chars": p.chars, "longest": p.longest}
            for p in s.shared_passages
        ],
        "coverage": {outlet: list(ids) for outlet, ids in s.coverage().items()},
        "quotes": [
            {
                "article": q.article,
                "outlet": q.outlet,
                "speaker": q.speaker,
                "verbatim": q.verbatim,
                "text": q.text,
                "sentence": q.sentence,
                "start": q.start,
                "end": q.end,
            }
            for q in s.quotes
        ],
        "blindspots": [
            {
                "entity": b.entity,
                "label": b.label,
                "mentioned_by": list(b.mentioned_by),
                "missing_from": list(b.missing_from),
            }
            for b in s.blindspots
        ],
        "wires": [
            {"article": w.article, "wire": w.wire, "evidence": w.evidence, "text": w.text}
            for w in s.wires
        ],
    }
