"""The shared ABI cases (tests/abi-cases, code in, bytes out) through the Python host."""

import json
import struct
from pathlib import Path

import pytest

from lua_wasm import MemoryStore, Vm

CASES = Path(__file__).resolve().parents[3] / "tests" / "abi-cases"


def load():
    for file in sorted(CASES.glob("*.json")):
        for case in json.loads(file.read_text())["cases"]:
            yield pytest.param(case, id=f"{file.stem}: {case['name']}")


def unhex(text: str) -> bytes:
    return bytes.fromhex("".join(text.split()))


def code_of(step) -> str:
    code = step.get("code", "")
    return "\n".join(code) if isinstance(code, list) else code


def step(vm: Vm, code: str) -> dict:
    status, data, stdout, stderr, kind, _ = vm.compute_raw(code)
    if status < 0:
        return {"error": kind, "message": data.decode(), "output": stdout, "stderr": stderr}
    if status == 0:
        return {"values": b"", "output": stdout, "stderr": stderr}
    (n,) = struct.unpack_from("<I", data)
    return {"values": data[4 + n :], "output": stdout + data[4 : 4 + n], "stderr": stderr}


@pytest.mark.parametrize("case", list(load()))
def test_abi_case(engine, case):
    store = MemoryStore()
    for table, entries in case.get("given", {}).items():
        store.tables[int(table)] = {k.encode(): unhex(v) for k, v in entries.items()}
    options = case.get("options", {})

    def new_vm() -> Vm:
        return Vm(engine, store, **({"budget": options["budget"]} if "budget" in options else {}))

    vm = new_vm()
    for i, s in enumerate(case.get("steps", [case]), 1):
        where = f"step {i} ({code_of(s)[:60]!r})"
        if s.get("new_vm"):
            vm = new_vm()
        got = step(vm, code_of(s))
        if "error" in s:
            assert got.get("error") == s["error"], f"{where}: {got}"
            assert got["message"] == s["message"], where
        else:
            assert "error" not in got, f"{where}: {got.get('message')}"
            assert got["values"].hex(" ") == unhex(s.get("values", "")).hex(" "), where
        if "output_length" in s:
            assert len(got["output"]) == s["output_length"], where
            assert got["output"].decode().endswith(s.get("output_end", "")), where
        else:
            assert got["output"].decode() == s.get("output", ""), where
        assert got["stderr"].decode() == s.get("stderr", ""), where
        tables = store.dump()
        for table, expected in s.get("store", {}).items():
            actual = {k.decode(): v.hex(" ") for k, v in tables.get(int(table), {}).items()}
            assert actual == {k: unhex(v).hex(" ") for k, v in expected.items()}, f"{where}: table {table}"


def test_every_case_file_is_found():
    assert len(list(load())) >= 40
