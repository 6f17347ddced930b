"""Pausing the cycle collector while many small, acyclic objects are built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cycle collector while rebuilding many small objects.

    Allocating a million entities triggers collection after collection,
    each walking every object built so far (about half the decode time);
    none of these objects can form a cycle, so nothing is lost by waiting.
    The collector is process-wide: a pause in one thread pauses it for all,
    and it is switched back on only by the pause that found it on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
