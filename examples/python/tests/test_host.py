"""The Python host (lua_wasm) and its walkthrough: what seed 003 promises, and the model
of the Rust host (atomic calls, limits, errors)."""

import subprocess
import sys
from pathlib import Path

import pytest

from lua_wasm import ExternalTable, Float, LuaError, MemoryStore, SqliteStore, Vm, decode_all


def test_arithmetic_returns_an_integer(engine):
    vm = Vm(engine)
    assert vm.eval("return 2 + 2") == 4
    assert vm.run_raw("return 2 + 2").values == [4]
    assert vm.run_raw("return 4.0").values == [Float(4.0)]


def test_the_raw_result_of_arithmetic_is_13_bytes(engine):
    status, data, *_ = Vm(engine).compute_raw("return 2 + 2")
    assert status == 13
    assert data == bytes(4) + b"\x02" + (4).to_bytes(8, "little")


def test_strings_concatenate_and_come_back_as_str_or_bytes(engine):
    vm = Vm(engine)
    assert vm.eval("return 'Hello ' .. 'from Lua!'") == "Hello from Lua!"
    assert vm.eval("return 'a\\255'") == b"a\xff"
    assert vm.eval("return ('x'):rep(3):upper()") == "XXX"


def test_tables_become_lists_and_dicts(engine):
    vm = Vm(engine)
    assert vm.eval("return {1, 2, 3}") == [1, 2, 3]
    assert vm.eval("return {name = 'ada', tags = {'a'}}") == {"name": "ada", "tags": ["a"]}
    assert vm.eval("return {}") == {}
    assert vm.eval("return {[1] = 'a', [3] = 'c'}") == {1: "a", 3: "c"}
    assert vm.eval("return _home") == ExternalTable(1)


def test_big_integers_and_special_floats(engine):
    vm = Vm(engine)
    assert vm.run("return math.maxinteger, math.mininteger, 1/0, -0.0").values[:3] == [
        2**63 - 1, -(2**63), float("inf")]


def test_home_persists_across_calls_and_instances(engine):
    store = MemoryStore()
    counter = "_home.counter = (_home.counter or 0) + 1; return _home.counter"
    first = Vm(engine, store)
    assert [first.eval(counter) for _ in range(2)] == [1, 2]
    second = Vm(engine, store)
    assert second.eval(counter) == 3
    assert second.eval("return counter") is None, "globals belong to one VM"
    assert store.dump()[1][b"counter"] == b"\x02" + (3).to_bytes(8, "little")


def test_home_persists_across_processes_in_an_sqlite_file(engine, tmp_path):
    path = str(tmp_path / "home.db")
    here = Path(__file__).resolve().parents[1]
    writer = ("import sys; from lua_wasm import Engine, SqliteStore, Vm; "
              "Vm(Engine(), SqliteStore(sys.argv[1])).eval(\"_home.player = {name = 'ada', hp = 5}\")")
    subprocess.run([sys.executable, "-c", writer, path], cwd=here, check=True)
    vm = Vm(engine, SqliteStore(path))
    assert vm.eval("_home.player.hp = _home.player.hp - 1 return _home.player.hp") == 4
    assert Vm(engine, SqliteStore(path)).run("return _home.player.name, _home.player.hp").values == [
        "ada", 4]


@pytest.mark.parametrize("make_store", [MemoryStore, "sqlite"])
def test_a_failed_call_changes_nothing(engine, tmp_path, make_store):
    store = SqliteStore(str(tmp_path / "h.db")) if make_store == "sqlite" else make_store()
    vm = Vm(engine, store)
    vm.eval("_home.n = 1")
    with pytest.raises(LuaError):
        vm.eval("_home.n = 2 _home.t = {1, 2} error('no')")
    assert vm.run("return _home.n, _home.t").values == [1, None]
    assert set(store.dump()) == {1}


def test_a_runtime_error_carries_message_traceback_and_kind(engine):
    vm = Vm(engine)
    with pytest.raises(LuaError) as caught:
        vm.eval("local player = nil\nreturn player.name")
    e = caught.value
    assert e.kind == "runtime"
    assert e.message == ("[string \"local player = nil...\"]:2: attempt to index a nil value "
                         "(local 'player')")
    assert e.traceback.startswith("stack traceback:\n\t")
    assert vm.eval("return 1") == 1, "the VM goes on"


def test_a_syntax_error_has_kind_syntax(engine):
    with pytest.raises(LuaError) as caught:
        Vm(engine).eval("return +")
    assert caught.value.kind == "syntax"
    assert caught.value.traceback == ""


def test_output_before_an_error_is_kept_on_the_error(engine):
    with pytest.raises(LuaError) as caught:
        Vm(engine).eval("print('before') error('after')")
    assert caught.value.output == "before\n"


def test_print_goes_to_the_result_or_live_to_a_callback(engine):
    assert Vm(engine).run("print('a', 1) print(nil)").output == "a\t1\nnil\n"
    seen = []
    vm = Vm(engine, print=seen.append)
    assert vm.run("print('live') return 1").output == ""
    assert "".join(seen) == "live\n"


def test_output_larger_than_the_buffer_arrives_in_full(engine):
    out = Vm(engine).run("for i = 1, 20000 do print(('%05d'):format(i)) end").output
    assert len(out) == 120000 and out.endswith("19999\n20000\n")


def test_the_instruction_budget_ends_a_call_and_the_vm_goes_on(engine):
    vm = Vm(engine, budget=100_000)
    with pytest.raises(LuaError) as caught:
        vm.eval("x = 1 while true do end")
    assert caught.value.kind == "budget"
    assert vm.eval("return x") == 1


def test_the_deadline_replaces_the_instance_and_keeps_home(engine):
    store = MemoryStore()
    vm = Vm(engine, store, budget=None, timeout=0.3)
    vm.eval("_home.kept = true x = 1")
    with pytest.raises(LuaError) as caught:
        vm.eval("while true do end")
    assert caught.value.kind == "timeout"
    assert vm.run("return _home.kept, x").values == [True, None]


def test_memory_is_capped_at_2_mb_by_default(engine):
    vm = Vm(engine)
    with pytest.raises(LuaError) as caught:
        vm.eval("local t = {} for i = 1, 1e7 do t[i] = i end")
    assert caught.value.kind == "memory"
    assert vm.eval("return 'still here'") == "still here"
    bigger = Vm(engine, memory_limit=16 * 1024 * 1024)
    assert bigger.eval("local t = {} for i = 1, 2e5 do t[i] = i end return #t") == 200000


def test_memory_statistics_and_garbage_collection(engine):
    vm = Vm(engine)
    stats = vm.memory_stats()
    assert (stats.io_buffer_size, stats.wasm_pages, stats.total_memory) == (65536, 32, 2097152)
    vm.eval("garbage = {} for i = 1, 1000 do garbage[i] = {i} end garbage = nil")
    assert vm.collect_garbage() > 0
    assert vm.memory_stats().lua_memory_used < stats.lua_memory_used + 50_000


def test_finalizers_run_by_collect_garbage_may_write_home(engine):
    store = MemoryStore()
    vm = Vm(engine, store)
    vm.eval("setmetatable({}, {__gc = function() _home.finalized = true end})")
    vm.collect_garbage()
    assert Vm(engine, store).eval("return _home.finalized") is True


def test_time_comes_from_the_host(engine):
    import time
    assert abs(Vm(engine).eval("return os.time()") - time.time()) < 5


def test_values_decode_exactly(engine):
    raw = Vm(engine).compute_raw("return nil, true, 1, 1.5, 'x', {}")[1]
    assert decode_all(raw[4:]) == [None, True, 1, Float(1.5), b"x", decode_all(b"\x05\0\0\0\0")[0]]


def test_the_walkthrough_prints_the_seed_examples():
    here = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "demo.py"], cwd=here, capture_output=True,
                         text=True, check=True).stdout
    assert "Lua code: return 2 + 2\n✓ Result: 9 bytes returned\n  Number value: 4" in out
    assert "String value: 'Hello from Lua!'" in out
    assert "Number value: 2\n" in out and "Number value: inf" in out
    assert "✗ Lua error: [string \"local player = nil...\"]:2: attempt to index a nil value" in out
    assert "'counter': 9 bytes" in out
