"""lua.wasm from Python (seed 003): the walkthrough of the seed examples on PyPI's wasmtime.

Run it with `python demo.py` (Python 3.9+, `pip install -r requirements.txt`). With
`--home FILE`, `_home` lives in an SQLite file and the counter goes on across runs.
"""

import argparse

from lua_wasm import Engine, LuaError, MemoryStore, SqliteStore, Vm, decode_all
from lua_wasm.abi import Float


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", help="SQLite file for _home (default: in memory)")
    args = parser.parse_args()

    print("Lua WASM Integration Example (Python + wasmtime)\n")
    engine = Engine()
    print("✓ Loaded lua.wasm\n")
    store = SqliteStore(args.home) if args.home else MemoryStore()
    vm = Vm(engine, store)
    print("✓ Lua VM initialized successfully\n")

    def run(code: str) -> None:
        print(f"Lua code: {code}")
        status, data, stdout, _, _, _ = vm.compute_raw(code)
        if status < 0:
            print(f"✗ Lua error: {data.decode()}")
            return
        if status == 0:
            print("✓ No result")
            return
        n = int.from_bytes(data[:4], "little")
        for line in (stdout + data[4 : 4 + n]).decode().splitlines():
            print(f"  | {line}")
        print(f"✓ Result: {status - 4 - n} bytes returned")
        for value in decode_all(data[4 + n :]):
            if isinstance(value, Float):
                print(f"  Number value: {value.value}")
            elif isinstance(value, int) and not isinstance(value, bool):
                print(f"  Number value: {value}")
            elif isinstance(value, bytes):
                print(f"  String value: '{value.decode(errors='replace')}'")
            else:
                print(f"  Value: {value!r}")

    examples = [
        ("Basic Arithmetic", ["return 2 + 2"]),
        ("String Operations", ["return 'Hello ' .. 'from Lua!'"]),
        ("External Table Persistence",
         ["_home.counter = (_home.counter or 0) + 1; return _home.counter"] * 2),
        ("Division by Zero", ["return 1 / 0"]),
        ("A Runtime Error", ["local player = nil\nreturn player.name"]),
        ("Print Output", ["print('Hello from Lua!'); return 'done'"]),
    ]
    for i, (title, codes) in enumerate(examples, 1):
        print(f"\n=== Example {i}: {title} ===")
        for code in codes:
            run(code)

    print(f"\n=== Example {len(examples) + 1}: Errors as exceptions ===")
    try:
        vm.eval("error('boom')")
    except LuaError as e:
        print(f"  LuaError kind={e.kind!r} message={e.message!r}")

    print(f"\n=== Example {len(examples) + 2}: Memory Statistics ===")
    stats = vm.memory_stats()
    print("Memory Statistics:")
    print(f"  I/O Buffer Size: {stats.io_buffer_size} bytes ({stats.io_buffer_size // 1024} KB)")
    print(f"  Lua Memory Used: {stats.lua_memory_used} bytes")
    print(f"  WASM Pages: {stats.wasm_pages} ({stats.total_memory // 1048576} MB)")
    print(f"  run_gc() freed {vm.collect_garbage()} bytes")

    print("\n=== External Table Contents ===")
    for table, entries in sorted(store.dump().items()):
        print(f"Table ID {table}: {len(entries)} entries")
        for key, value in sorted(entries.items()):
            print(f"  {key.decode(errors='replace')!r}: {len(value)} bytes")
    print("\n✓ All examples completed successfully!")


if __name__ == "__main__":
    main()
