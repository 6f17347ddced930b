"""Whether two stated days agree: the comparison-specific part of dates.

Reading dates is ``nlp.normalize``'s job; here two ``NormalizedDate``s are
compared on the parts both state. "Ahad" and "Minggu" are the same Sunday
(the normaliser maps both to one weekday), a weekday agreeing with the
other's full date is no conflict, and a weekday against a bare year says
nothing either way.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from newsreader.nlp.normalize import NormalizedDate


class Agreement(Enum):
    SAME = "same"
    DIFFERENT = "different"
    UNRELATED = "unrelated"  # nothing in common to compare (a weekday and a bare year)


def full_date(day: NormalizedDate) -> dt.date | None:
    """The calendar date when day, month and year are all stated, else None."""
    if day.year is None or day.month is None or day.day is None:
        return None
    try:
        return dt.date(day.year, day.month, day.day)
    except ValueError:
        return None


def compare_days(a: NormalizedDate, b: NormalizedDate) -> Agreement:
    """Whether two dates name the same day, different days, or cannot be compared.

    Args:
        a: One normalised date.
        b: The other.

    Returns:
        SAME when every part both state agrees (a weekday is checked against
        the other's full date through the calendar), DIFFERENT when some part
        disagrees, UNRELATED when they share no part to compare.
    """
    if a.relative or b.relative:
        if a.relative and b.relative:
            return Agreement.SAME if a.relative == b.relative else Agreement.DIFFERENT
        return Agreement.UNRELATED
    compared = False
    # Compare the finest part both state, and the coarser ones along with it:
    # "Juli" against "25 Juli 2019" compares months only.
    if a.day is not None and b.day is not None:
        compared = True
        if (a.day, a.month) != (b.day, b.month):
            return Agreement.DIFFERENT
    elif a.month is not None and b.month is not None and (a.day is None) == (b.day is None):
        compared = True
        if a.month != b.month:
            return Agreement.DIFFERENT
    if a.year is not None and b.year is not None and (a.month is None) == (b.month is None):
        compared = True
        if a.year != b.year:
            return Agreement.DIFFERENT
    for x, y in ((a, b), (b, a)):
        if x.weekday is None:
            continue
        dated = full_date(y)
        other = y.weekday if y.weekday is not None else (dated.weekday() if dated else None)
        if other is not None:
            compared = True
            if other != x.weekday:
                return Agreement.DIFFERENT
    return Agreement.SAME if compared else Agreement.UNRELATED
