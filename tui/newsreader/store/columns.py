"""Many small dataclass instances as columns: one packed integer array plus a string table.

Reading 10,000 cached annotations means rebuilding about a million
entities and sentences. Parsing them from nested JSON lists costs more
than building the objects, so integer fields (and indexes into a string
table, which also stores each repeated name once) are packed into one
little-endian array, base64-encoded inside the JSON. Classes whose fields
are not all ``int``/``str``/``str | None`` fall back to plain JSON rows.
"""

from __future__ import annotations

import base64
import sys
import typing
from array import array
from collections.abc import Sequence
from dataclasses import fields
from typing import Any

_INT32 = (-(2**31), 2**31 - 1)


def column_kinds(cls: type) -> tuple[str, ...] | None:
    """ "int", "str" or "optstr" per field of dataclass ``cls``; ``None`` if any is other."""
    hints = typing.get_type_hints(cls)
    kinds: list[str] = []
    for field in fields(cls):
        hint = hints[field.name]
        if hint is int:
            kinds.append("int")
        elif hint is str:
            kinds.append("str")
        elif hint == (str | None):
            kinds.append("optstr")
        else:
            return None
    return tuple(kinds)


class StringTable:
    """Strings referenced by index, each stored once."""

    def __init__(self, strings: list[str] | None = None):
        self.strings: list[str] = strings if strings is not None else []
        self._index = {text: number for number, text in enumerate(self.strings)}

    def add(self, text: str | None) -> int:
        """The index of ``text`` in the table (-1 for ``None``), adding it if new."""
        if text is None:
            return -1
        number = self._index.get(text)
        if number is None:
            number = self._index[text] = len(self.strings)
            self.strings.append(text)
        return number


def _pack(numbers: list[int]) -> list[str]:
    typecode = "i" if all(_INT32[0] <= n <= _INT32[1] for n in numbers) else "q"
    packed = array(typecode, numbers)
    if sys.byteorder == "big":
        packed.byteswap()  # stored little-endian, so a database can move between machines
    return [typecode, base64.b64encode(packed.tobytes()).decode("ascii")]


def _unpack(typecode: str, data: str) -> array[int]:
    if typecode not in ("i", "q"):
        raise ValueError(f"unknown typecode {typecode!r}")
    numbers = array(typecode)
    numbers.frombytes(base64.b64decode(data, validate=True))
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers


def encode_table(
    items: Sequence[Any], cls: type, kinds: tuple[str, ...] | None, table: StringTable
) -> list[Any]:
    """A JSON-ready value holding ``items`` (instances of ``cls``)."""
    names = [field.name for field in fields(cls)]
    if kinds is None:
        return ["rows", [[getattr(item, name) for name in names] for item in items]]
    numbers: list[int] = []
    for item in items:
        for name, kind in zip(names, kinds, strict=True):
            value = getattr(item, name)
            if kind == "int":
                if type(value) is not int:  # noqa: E721 - bool is an int too, and not allowed
                    raise TypeError(f"{cls.__name__}.{name} is {value!r}, not an int")
                numbers.append(value)
            else:
                numbers.append(table.add(value))
    return ["packed", len(items), *_pack(numbers)]


def decode_table(
    value: Any, cls: type, kinds: tuple[str, ...] | None, strings: list[str]
) -> tuple[Any, ...]:
    """Rebuild the instances written by :func:`encode_table`.

    Raises:
        ValueError, TypeError, IndexError: the value is damaged or of another layout.
    """
    if value[0] == "rows":
        return tuple(cls(*row) for row in value[1])
    if value[0] != "packed" or kinds is None:
        raise ValueError("table layout does not match this version")
    _, count, typecode, data = value
    numbers = _unpack(typecode, data)
    width = len(kinds)
    if len(numbers) != count * width:
        raise ValueError("packed table has the wrong size")
    columns: list[Any] = []
    for column, kind in enumerate(kinds):
        cells = numbers[column::width]
        if kind == "int":
            columns.append(cells)
        elif kind == "str":
            if cells and min(cells) < 0:
                raise ValueError("missing string in a required field")
            columns.append([strings[cell] for cell in cells])
        else:
            columns.append([None if cell < 0 else strings[cell] for cell in cells])
    return tuple(map(cls, *columns))
