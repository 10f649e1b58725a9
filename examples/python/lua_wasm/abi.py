"""The lua.wasm ABI as Python: sizes, table ids and the value encoding of docs/ABI.md.

It knows nothing of wasmtime or of stores: it defines bytes, as crates/abi does for the
Rust hosts and web/lua-wasm-abi.js for the JavaScript ones.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Any

BUFFER_SIZE = 65536
"""Size of the I/O buffer whose address `get_buffer_ptr()` returns."""
PAGE_SIZE = 65536

META_TABLE = 0
"""Table 0: the module's bookkeeping (`next_table_id`)."""
HOME_TABLE = 1
"""Table 1: `_home`."""
CHANNEL = 0xFFFFFFFF
"""Not a table: the channel through which the module asks the host for services."""

NIL, BOOLEAN, INTEGER, FLOAT, STRING, TABLE, TABLE_REF, OPAQUE = range(8)
MAX_DEPTH = 100
"""Deepest nesting of inline tables the decoder accepts (and the guest produces)."""


@dataclass(frozen=True)
class Float:
    """A Lua float, kept apart from integers where it matters (`return 4.0`)."""

    value: float


@dataclass(frozen=True)
class Table:
    """An inline table as the bytes give it: its (key, value) pairs in order."""

    pairs: tuple


@dataclass(frozen=True)
class ExternalTable:
    """A reference to an external table (`return _home.player`): its id."""

    id: int


@dataclass(frozen=True)
class Opaque:
    """A function, coroutine or userdata, which the ABI carries only as text."""

    text: str


class DecodeError(ValueError):
    """Bytes that are not a valid value encoding."""


class _Reader:
    def __init__(self, data: bytes):
        self.data = data
        self.pos = 0

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise DecodeError(f"value truncated at byte {self.pos}")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def u32(self) -> int:
        return struct.unpack("<I", self.take(4))[0]

    def value(self, depth: int) -> Any:
        at = self.pos
        tag = self.take(1)[0]
        if tag == NIL:
            return None
        if tag == BOOLEAN:
            b = self.take(1)[0]
            if b > 1:
                raise DecodeError(f"invalid boolean at byte {at + 1}")
            return b == 1
        if tag == INTEGER:
            return struct.unpack("<q", self.take(8))[0]
        if tag == FLOAT:
            return Float(struct.unpack("<d", self.take(8))[0])
        if tag == STRING:
            return bytes(self.take(self.u32()))
        if tag == TABLE:
            if depth >= MAX_DEPTH:
                raise DecodeError(f"tables nested deeper than {MAX_DEPTH}")
            count = self.u32()
            return Table(tuple((self.value(depth + 1), self.value(depth + 1)) for _ in range(count)))
        if tag == TABLE_REF:
            return ExternalTable(self.u32())
        if tag == OPAQUE:
            return Opaque(self.take(self.u32()).decode("utf-8", "replace"))
        raise DecodeError(f"unknown value tag 0x{tag:02x} at byte {at}")


def decode_all(data: bytes) -> list:
    """Decodes the values of a result, keeping Lua's types exactly: integers are `int`,
    floats `Float`, strings `bytes`, tables `Table`. `to_python` makes plain values."""
    reader = _Reader(data)
    values = []
    while reader.pos < len(data):
        values.append(reader.value(0))
    return values


def encode(value: Any) -> bytes:
    """The encoding of a value as `decode_all` gives it (`bool`, `int`, `Float` or `float`,
    `bytes` or `str`, `Table`, `ExternalTable`, `Opaque`, `None`)."""
    if value is None:
        return bytes([NIL])
    if isinstance(value, bool):
        return bytes([BOOLEAN, int(value)])
    if isinstance(value, int):
        return bytes([INTEGER]) + struct.pack("<q", value)
    if isinstance(value, (float, Float)):
        return bytes([FLOAT]) + struct.pack("<d", getattr(value, "value", value))
    if isinstance(value, str):
        value = value.encode()
    if isinstance(value, (bytes, bytearray)):
        return bytes([STRING]) + struct.pack("<I", len(value)) + bytes(value)
    if isinstance(value, Table):
        out = bytes([TABLE]) + struct.pack("<I", len(value.pairs))
        return out + b"".join(encode(k) + encode(v) for k, v in value.pairs)
    if isinstance(value, ExternalTable):
        return bytes([TABLE_REF]) + struct.pack("<I", value.id)
    if isinstance(value, Opaque):
        text = value.text.encode()
        return bytes([OPAQUE]) + struct.pack("<I", len(text)) + text
    raise TypeError(f"no encoding for {type(value).__name__}")


def to_python(value: Any) -> Any:
    """A decoded value as a plain Python value.

    | Lua                          | Python                                        |
    |------------------------------|-----------------------------------------------|
    | nil, boolean, integer        | `None`, `bool`, `int`                         |
    | float                        | `float`                                       |
    | string                       | `str` when valid UTF-8, else `bytes`          |
    | table with keys 1..n (n >= 1) | `list`                                       |
    | any other table (also `{}`)  | `dict` (a key that is a table stays a `Table`) |
    | external table, function...  | `ExternalTable`, `Opaque`                     |
    """
    if isinstance(value, Float):
        return value.value
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return value
    if isinstance(value, Table):
        keys = [k for k, _ in value.pairs]
        n = len(keys)
        if n and all(type(k) is int for k in keys) and sorted(keys) == list(range(1, n + 1)):
            out = [None] * n
            for k, v in value.pairs:
                out[k - 1] = to_python(v)
            return out
        return {
            (k if isinstance(k, Table) else to_python(k)): to_python(v) for k, v in value.pairs
        }
    return value
