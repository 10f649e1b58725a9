"""lua.wasm under wasmtime-py: the `Engine` (compiled module), a `Vm` (one Lua state in its
own instance over a table store), and the five imports of docs/ABI.md with the channel's
host services (output, time, clock, budget, stream, entropy, error kind).

The model is the Rust host's (crates/host): each call is one transaction (a failed call
changes nothing in the store), memory is capped (2 MB by default), and every call has a
wall-clock deadline (10 s). One difference: the Rust host stops a call at its deadline
gracefully, through the module's `interrupt` export called from wasmtime's epoch
callback, which wasmtime-py does not offer; here the deadline traps, and a trapped or
timed-out instance is replaced by a fresh one at the next call (globals lost, `_home`
kept). So this host also gives every call an instruction budget by default (500
million), which stops runaway Lua with an ordinary error, the VM intact.
"""

from __future__ import annotations

import os
import struct
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, List, Optional

import wasmtime

from . import abi
from .stores import MemoryStore

DEFAULT_MEMORY_LIMIT = 2 * 1024 * 1024
DEFAULT_INSTRUCTION_BUDGET = 500_000_000
DEFAULT_TIMEOUT = 10.0
TICK = 0.005
"""How often the engine's ticker advances wasmtime's epoch (seconds)."""

WEB = Path(__file__).resolve().parents[3] / "web"


class LuaError(Exception):
    """A failed call.

    `kind` says why: as the module reported it on the channel (`syntax`, `runtime`,
    `memory`, `budget`, `abi`), or from this host (`store`, `timeout`, `trap`, `busy`).
    `message` is Lua's message, `traceback` the traceback (or ''), `lua_message` both as
    the `lua` command prints them; `output` is what the call printed before it failed.
    """

    def __init__(self, kind: str, full: str, output: str = "") -> None:
        at = full.find("\nstack traceback:")
        self.kind = kind
        self.lua_message = full
        self.message = full if at < 0 else full[:at]
        self.traceback = "" if at < 0 else full[at + 1 :]
        self.output = output
        super().__init__(self.message)


@dataclass
class Result:
    """A successful call: what it printed, its warnings, and its values."""

    output: str
    stderr: str
    values: List[Any]


@dataclass
class MemoryStats:
    io_buffer_size: int
    lua_memory_used: int
    wasm_pages: int

    @property
    def total_memory(self) -> int:
        return self.wasm_pages * abi.PAGE_SIZE


class Engine:
    """lua.wasm compiled once, shared by any number of VMs (like the Rust `Engine`).

    wasmtime needs the exception-handling proposal (`Config.wasm_exceptions`): lua.wasm's
    Lua errors are wasm exceptions. A daemon thread advances the epoch every 5 ms, which
    is how calls meet their deadlines.
    """

    def __init__(self, path: Optional[os.PathLike] = None) -> None:
        config = wasmtime.Config()
        config.wasm_exceptions = True
        config.epoch_interruption = True
        self.engine = wasmtime.Engine(config)
        self.module = wasmtime.Module.from_file(self.engine, str(path or WEB / "lua.wasm"))
        self.epoch = 0
        ticker = threading.Thread(target=self._tick, name="lua-wasm epoch", daemon=True)
        ticker.start()

    def _tick(self) -> None:
        while True:
            time.sleep(TICK)
            self.engine.increment_epoch()


@dataclass
class _Call:
    """What the current call has produced outside the I/O buffer."""

    tx: Any = None
    stdout: bytearray = field(default_factory=bytearray)
    stderr: bytearray = field(default_factory=bytearray)
    error_kind: Optional[str] = None
    store_error: Optional[str] = None
    started: float = field(default_factory=time.perf_counter)


class _Trap(Exception):
    """Raised by an import for a bad pointer: the guest is broken and gets discarded."""


class Vm:
    """One Lua VM in its own lua.wasm instance. Globals persist from call to call.

    `print`, when given, receives printed output as it is printed (the module is asked
    to stream it); without it, output is collected in each `Result.output`.
    """

    def __init__(
        self,
        engine: Engine,
        store: Any = None,
        *,
        memory_limit: Optional[int] = DEFAULT_MEMORY_LIMIT,
        budget: Optional[int] = DEFAULT_INSTRUCTION_BUDGET,
        timeout: Optional[float] = DEFAULT_TIMEOUT,
        print: Optional[Callable[[str], None]] = None,
    ) -> None:
        self.engine = engine
        self.tables = store if store is not None else MemoryStore()
        self.memory_limit = memory_limit
        self.budget = budget
        self.timeout = timeout
        self.print = print
        self.busy = 0.0
        self.call: Optional[_Call] = None
        self.live: Optional[dict] = None
        self._instantiate()

    # --- the instance ----------------------------------------------------------------

    def _instantiate(self) -> None:
        store = wasmtime.Store(self.engine.engine)
        if self.memory_limit is not None:
            store.set_limits(memory_size=self.memory_limit)
        store.set_epoch_deadline(2**62)
        linker = wasmtime.Linker(self.engine.engine)
        self._define_imports(linker)
        instance = linker.instantiate(store, self.engine.module)
        ex = instance.exports(store)
        self.live = {"store": store, "ex": ex, "memory": ex["memory"], "buffer": 0}
        self.call = _Call()
        try:
            status = ex["init"](store)
        finally:
            self.call = None  # init may read the time: nothing to keep
        if status != 0:
            raise LuaError("memory", "init() failed: not enough memory for a Lua state")
        buffer = ex["get_buffer_ptr"](store) & 0xFFFFFFFF
        if buffer + abi.BUFFER_SIZE > ex["memory"].data_len(store):
            raise LuaError("trap", f"get_buffer_ptr() returned {buffer:#x}, outside memory")
        self.live["buffer"] = buffer

    # --- calls -----------------------------------------------------------------------

    def compute_raw(self, code: bytes | str):
        """Runs `code` and returns `(status, data, stdout, stderr, error_kind)`: compute's
        return, the result or error message it announces, and what came through the
        channel. Commits the call's table writes when it succeeds, drops them when not."""
        if isinstance(code, str):
            code = code.encode()
        if self.call is not None:
            raise LuaError("busy", "lua.wasm is already running a call of this VM")
        if len(code) > abi.BUFFER_SIZE:
            raise LuaError(
                "abi",
                f"the code is {len(code)} bytes, more than the {abi.BUFFER_SIZE}-byte I/O "
                "buffer of lua.wasm; split it into several calls",
            )
        if self.live is None:
            self._instantiate()
        live = self.live
        store, ex, memory, buffer = live["store"], live["ex"], live["memory"], live["buffer"]
        memory.write(store, code, buffer)
        call = self.call = _Call()
        ticks = 2**62 if self.timeout is None else int(self.timeout / TICK) + 1
        store.set_epoch_deadline(ticks)
        try:
            status = ex["compute"](store, buffer, len(code))
        except Exception as e:  # a trap, a deadline, or an import that failed
            self._rollback(call)
            self.live = None
            if isinstance(e, wasmtime.Trap) and e.trap_code == wasmtime.TrapCode.INTERRUPT:
                raise LuaError(
                    "timeout",
                    f"the script ran longer than its {self.timeout} s deadline and was stopped; "
                    "its VM was reset (globals lost, _home kept)",
                    call.stdout.decode("utf-8", "replace"),
                ) from None
            raise LuaError(
                "trap", f"lua.wasm failed: {e}; its VM was reset (globals lost, _home kept)"
            ) from e
        finally:
            self.busy += time.perf_counter() - call.started
            self.call = None
        n = -status - 1 if status < 0 else status
        if n > abi.BUFFER_SIZE:
            self._rollback(call)
            self.live = None
            raise LuaError("trap", f"compute() returned {status}, more than the buffer holds")
        data = bytes(memory.read(store, buffer, buffer + n))
        if status < 0:
            self._rollback(call)
        elif call.tx is not None:
            try:
                call.tx.commit()
            except Exception as e:
                raise LuaError("store", f"table store: {e}") from e
        return status, data, bytes(call.stdout), bytes(call.stderr), call.error_kind, call.store_error

    @staticmethod
    def _rollback(call: _Call) -> None:
        if call.tx is not None:
            call.tx.rollback()

    def run_raw(self, code: bytes | str) -> Result:
        """Runs `code`; values decoded exactly (`abi.decode_all`: floats are `abi.Float`,
        strings `bytes`, tables `abi.Table`). Raises `LuaError`."""
        status, data, stdout, stderr, kind, store_error = self.compute_raw(code)
        if status < 0:
            if store_error:
                raise LuaError("store", f"table store: {store_error}")
            raise LuaError(kind or "runtime", data.decode("utf-8", "replace"),
                           stdout.decode("utf-8", "replace"))
        printed, values = b"", []
        if status > 0:
            (n,) = struct.unpack_from("<I", data)
            printed, values = data[4 : 4 + n], abi.decode_all(data[4 + n :])
        output = (stdout + printed).decode("utf-8", "replace")
        if self.print and printed:
            self.print(printed.decode("utf-8", "replace"))
            output = ""
        return Result(output, stderr.decode("utf-8", "replace"), values)

    def run(self, code: bytes | str) -> Result:
        """Runs `code`; values as plain Python values (`abi.to_python`). Raises `LuaError`."""
        result = self.run_raw(code)
        result.values = [abi.to_python(v) for v in result.values]
        return result

    def eval(self, code: bytes | str) -> Any:
        """Runs `code` and returns its first value as a Python value (None if none)."""
        values = self.run(code).values
        return values[0] if values else None

    def memory_stats(self) -> MemoryStats:
        if self.live is None:
            self._instantiate()
        store, ex, buffer = self.live["store"], self.live["ex"], self.live["buffer"]
        ex["get_memory_stats"](store, buffer)
        return MemoryStats(*struct.unpack("<3I", self.live["memory"].read(store, buffer, buffer + 12)))

    def collect_garbage(self) -> int:
        """Runs a full collection; returns the bytes freed. Finalizers' `_home` writes
        commit together, as a call's."""
        if self.live is None:
            self._instantiate()
        call = self.call = _Call()
        try:
            freed = self.live["ex"]["run_gc"](self.live["store"])
        except Exception:
            self._rollback(call)
            self.live = None
            raise
        finally:
            self.call = None
        if call.tx is not None:
            call.tx.commit()
        return max(0, freed)

    # --- the five imports --------------------------------------------------------------

    def _tx(self):
        if self.call is None:
            raise _Trap("the table store was used outside a call")
        if self.call.tx is None:
            self.call.tx = self.tables.begin()
        return self.call.tx

    def _define_imports(self, linker: wasmtime.Linker) -> None:
        i32 = wasmtime.ValType.i32()
        vm = self

        def memory(caller):
            return caller["memory"]

        def read(caller, what: str, ptr: int, length: int) -> bytes:
            ptr &= 0xFFFFFFFF
            length &= 0xFFFFFFFF
            mem = memory(caller)
            if ptr + length > mem.data_len(caller):
                raise _Trap(f"lua.wasm passed an out-of-bounds {what} (pointer {ptr:#x}, length {length})")
            return bytes(mem.read(caller, ptr, ptr + length))

        def write(caller, what: str, ptr: int, capacity: int, data: bytes) -> None:
            ptr &= 0xFFFFFFFF
            mem = memory(caller)
            if len(data) > capacity & 0xFFFFFFFF or ptr + len(data) > mem.data_len(caller):
                raise _Trap(f"lua.wasm passed an out-of-bounds {what} (pointer {ptr:#x}, length {capacity})")
            mem.write(caller, data, ptr)

        def guarded(f):
            # A store failure ends the call with a Lua error; the first one is reported.
            try:
                return f(vm._tx())
            except _Trap:
                raise
            except Exception as e:
                if vm.call is not None and vm.call.store_error is None:
                    vm.call.store_error = str(e)
                return None

        def answer(n: int) -> int:
            return min(n, 0x7FFFFFFF)

        def table_set(caller, table, kp, kl, vp, vl):
            key, value = read(caller, "key", kp, kl), read(caller, "value", vp, vl)
            if table & 0xFFFFFFFF == abi.CHANNEL:
                return vm._channel_set(key, value)
            ok = guarded(lambda tx: tx.set(table & 0xFFFFFFFF, key, value) or True)
            return 0 if ok else -1

        def table_get(caller, table, kp, kl, vp, max_len):
            key = read(caller, "key", kp, kl)
            if table & 0xFFFFFFFF == abi.CHANNEL:
                value = vm._service(key)
            else:
                found = guarded(lambda tx: (tx.get(table & 0xFFFFFFFF, key),))
                if found is None:
                    return -1
                value = found[0]
            if value is None:
                return -1
            if len(value) <= max_len & 0xFFFFFFFF:
                write(caller, "value buffer", vp, max_len, value)
            # The value's length: more than max_len asks the guest for a larger buffer.
            return answer(len(value))

        def table_delete(caller, table, kp, kl):
            key = read(caller, "key", kp, kl)
            ok = guarded(lambda tx: tx.delete(table & 0xFFFFFFFF, key) or True)
            return 0 if ok else -1

        def table_size(table):
            n = guarded(lambda tx: tx.size(table & 0xFFFFFFFF))
            return -1 if n is None else answer(n)

        def table_keys(caller, table, bp, max_len):
            keys = guarded(lambda tx: tx.keys(table & 0xFFFFFFFF))
            if keys is None:
                return -1
            listing = b"\n".join(keys)
            if len(listing) <= max_len & 0xFFFFFFFF:
                write(caller, "key buffer", bp, max_len, listing)
            return answer(len(listing))

        def define(name, params, f, caller=True):
            ty = wasmtime.FuncType([i32] * params, [i32])
            linker.define_func("env", name, ty, f, access_caller=caller)

        define("js_ext_table_set", 5, table_set)
        define("js_ext_table_get", 5, table_get)
        define("js_ext_table_delete", 3, table_delete)
        define("js_ext_table_size", 1, table_size, caller=False)
        define("js_ext_table_keys", 3, table_keys)

    # --- the channel -------------------------------------------------------------------

    def _channel_set(self, key: bytes, value: bytes) -> int:
        call = self.call
        if call is None:
            return -1
        if key == b"stdout":
            if self.print:
                self.print(value.decode("utf-8", "replace"))
            else:
                call.stdout += value
        elif key == b"stderr":
            call.stderr += value
        elif key == b"error":
            call.error_kind = value.decode("utf-8", "replace")
        else:
            return -1
        return 0

    def _service(self, key: bytes) -> Optional[bytes]:
        if key == b"time":
            return abi.encode(abi.Float(time.time()))
        if key == b"clock":
            running = time.perf_counter() - self.call.started if self.call else 0.0
            return abi.encode(abi.Float(self.busy + running))
        if key == b"budget":
            return abi.encode(int(self.budget)) if self.budget else None
        if key == b"stream":
            return abi.encode(self.print is not None)
        if key == b"entropy":
            return abi.encode(os.urandom(16))
        return None
