"""lua.wasm for Python: a host of docs/ABI.md on PyPI's `wasmtime`.

    from lua_wasm import Engine, Vm, SqliteStore
    engine = Engine()                                   # compiles web/lua.wasm once
    vm = Vm(engine, SqliteStore("home.db"))             # _home lives in the file
    vm.eval("_home.n = (_home.n or 0) + 1 return _home.n")   # 1, then 2, ... across runs
"""

from .abi import ExternalTable, Float, Opaque, Table, decode_all, encode, to_python
from .stores import MemoryStore, SqliteStore
from .vm import (
    DEFAULT_INSTRUCTION_BUDGET,
    DEFAULT_MEMORY_LIMIT,
    DEFAULT_TIMEOUT,
    Engine,
    LuaError,
    MemoryStats,
    Result,
    Vm,
)

__all__ = [
    "DEFAULT_INSTRUCTION_BUDGET", "DEFAULT_MEMORY_LIMIT", "DEFAULT_TIMEOUT", "Engine",
    "ExternalTable", "Float", "LuaError", "MemoryStats", "MemoryStore", "Opaque", "Result",
    "SqliteStore", "Table", "Vm", "decode_all", "encode", "to_python",
]
