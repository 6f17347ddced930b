"""Sparse feature vectors: L2 normalisation and cosine, shared by stories and alignment."""

from __future__ import annotations

import math

Vector = dict[str, float]


def normalised(weights: Vector) -> Vector:
    """``weights`` scaled to unit length (an empty vector stays empty)."""
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {f: w / norm for f, w in weights.items()}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine similarity of two normalised vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[f] for f, w in a.items() if f in b)
