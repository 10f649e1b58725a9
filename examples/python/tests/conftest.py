import pytest

from lua_wasm import Engine


@pytest.fixture(scope="session")
def engine() -> Engine:
    """lua.wasm compiled once for the whole session."""
    return Engine()
