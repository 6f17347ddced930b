"""Speed: a leading character set for each rule pattern.

Python's regex engine scans fast for a pattern whose first character comes
from a known set, but the word-boundary lookbehinds our patterns start with
hide that set, so every position of the text gets a full attempt. Working
out the possible first characters from the parsed pattern and putting them
in front as a lookahead (``(?=[...])``) makes the scan several times
faster without changing what matches.
"""

from __future__ import annotations

import re
from typing import Any

try:  # the parser moved in Python 3.11; it is stable but private
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_MAX_CHARS = 120
# Character categories that can stand in a set as their escape: the set then
# matches exactly what the category does (Unicode digits included).
_CATEGORIES = {
    sre_constants.CATEGORY_DIGIT: r"\d",
    sre_constants.CATEGORY_SPACE: r"\s",
}


class _Unknown(Exception):
    """The first characters cannot be listed (a category such as \\w, or too many)."""


def with_first_chars(pattern: str) -> str:
    """``pattern`` preceded by a lookahead for its possible first characters.

    Args:
        pattern: A regular expression that cannot match the empty string.

    Returns:
        The faster equivalent, or ``pattern`` unchanged when its first
        characters cannot be listed.
    """
    try:
        chars, nullable = _first(sre_parse.parse(pattern), ignore_case=False)
    except (_Unknown, re.error, RecursionError, TypeError, ValueError):
        return pattern
    if nullable or not chars or len(chars) > _MAX_CHARS:
        return pattern
    # Category escapes ("\\d", "\\s") go into the set as written, not escaped again.
    charset = "".join(char if len(char) == 2 else re.escape(char) for char in sorted(chars))
    return f"(?=[{charset}]){pattern}"


def _first(items: Any, *, ignore_case: bool) -> tuple[set[str], bool]:
    """First characters of a parsed sequence, and whether it can match nothing."""
    chars: set[str] = set()
    for op, arg in items:
        item_chars, nullable = _first_of(op, arg, ignore_case)
        chars |= item_chars
        if not nullable:
            return chars, False
    return chars, True


def _first_of(op: Any, arg: Any, ignore_case: bool) -> tuple[set[str], bool]:
    c = sre_constants
    if op is c.LITERAL:
        return _cased(chr(arg), ignore_case), False
    if op is c.IN:
        chars: set[str] = set()
        for item_op, item_arg in arg:
            if item_op is c.LITERAL:
                chars |= _cased(chr(item_arg), ignore_case)
            elif item_op is c.RANGE:
                low, high = item_arg
                if high - low > _MAX_CHARS:
                    raise _Unknown
                for code in range(low, high + 1):
                    chars |= _cased(chr(code), ignore_case)
            elif item_op is c.CATEGORY and item_arg in _CATEGORIES:
                chars.add(_CATEGORIES[item_arg])
            else:
                raise _Unknown  # NEGATE, other categories: not a short list
        return chars, False
    if op is c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = arg
        return _first(sub, ignore_case=ignore_case or bool(add_flags & re.IGNORECASE))
    if op is c.BRANCH:
        chars = set()
        nullable = False
        for alternative in arg[1]:
            alt_chars, alt_nullable = _first(alternative, ignore_case=ignore_case)
            chars |= alt_chars
            nullable = nullable or alt_nullable
        return chars, nullable
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        low, _high, sub = arg
        chars, nullable = _first(sub, ignore_case=ignore_case)
        return chars, nullable or low == 0
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return set(), True  # zero width: the next item decides
    raise _Unknown


def _cased(char: str, ignore_case: bool) -> set[str]:
    return {char.lower(), char.upper(), char} if ignore_case else {char}
