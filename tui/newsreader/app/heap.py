"""Keeping full garbage collections off the key path once the corpus is in memory.

With the model, the annotations and the comparison loaded, a full pass of
Python's cycle collector walks millions of objects: about 80 ms, which
landed on every other article switch (the switches' own short-lived objects
fill the younger generations until a full pass is due). Nearly all of those
objects live as long as the app. After each load the app collects once and
freezes what survives (``gc.freeze``), so later passes walk only objects
made since. A frozen object is still freed when its last reference goes;
only a reference cycle among frozen objects would outlive its use: the
collect before each freeze leaves none from loading, and the app unfreezes
when it closes (the widget tree is one big cycle; tests run many apps).
"""

from __future__ import annotations

import gc


def settle_heap() -> None:
    """Collect once, then exempt every surviving object from later collections."""
    gc.collect()
    gc.freeze()


def release_heap() -> None:
    """Make frozen objects collectable again (the app is closing)."""
    gc.unfreeze()
