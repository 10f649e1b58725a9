//! `_home` and the other external tables: Lua tables whose contents live in the host.
//!
//! Each external table is seen from Lua through a *proxy*: an empty Lua table with the
//! metatable `PROXY_MT`, whose metamethods turn every read, write, `#` and iteration into
//! calls of the host imports (see host.rs). `_home` is the proxy of table 1.
//!
//! Invariants:
//! - There is at most one proxy per table id (the weak `PROXIES` map), so
//!   `_home.a == _home.a` holds for tables, as it does for ordinary tables.
//! - A proxy stays empty: all its contents are in the host, which is the only state that
//!   persists. Nothing about `_home` is cached in the guest between two accesses, so
//!   several VMs sharing one store see each other's writes.
//! - Values are stored in the value encoding (lua-wasm-abi::value) and keys in the key
//!   encoding (lua-wasm-abi::key). A table stored into an external table is copied, once,
//!   into a new external table and stored by reference (tag TABLE_REF); storing a proxy
//!   stores a reference to its table, so sharing and cycles persist as they are.

use alloc::borrow::Cow;
use alloc::vec::Vec;
use core::ffi::c_int;

use lua_wasm_abi::key::{self, Key};
use lua_wasm_abi::value::{self as tag};
use lua_wasm_abi::{table_id, well_known_key};

use crate::ffi::*;
use crate::host;
use crate::lua::{cstr, run_c_function, type_name, LuaError};

/// Registry fields of this module.
const PROXY_MT: *const core::ffi::c_char = cstr!("lua_wasm.proxy_mt");
const PROXIES: *const core::ffi::c_char = cstr!("lua_wasm.proxies"); // id -> proxy (weak values)
const IDS: *const core::ffi::c_char = cstr!("lua_wasm.ids"); // proxy -> id (weak keys)
const SNAPSHOTS: *const core::ffi::c_char = cstr!("lua_wasm.snapshots"); // proxy -> key snapshot

/// Deepest nesting of plain tables copied into an external table at once.
const MAX_STORE_DEPTH: usize = 100;

/// Creates the registry tables and the proxy metatable, sets the global `_home`, and
/// replaces the global `next` with one that also walks external tables.
/// [-0, +0, m]
pub unsafe fn install(L: *mut lua_State) {
    new_weak_table(L, cstr!("v"));
    lua_setfield(L, LUA_REGISTRYINDEX, PROXIES);
    new_weak_table(L, cstr!("k"));
    lua_setfield(L, LUA_REGISTRYINDEX, IDS);
    new_weak_table(L, cstr!("k"));
    lua_setfield(L, LUA_REGISTRYINDEX, SNAPSHOTS);

    lua_createtable(L, 0, 6);
    for (name, f) in [
        (
            cstr!("__index"),
            proxy_index as unsafe extern "C" fn(*mut lua_State) -> c_int,
        ),
        (cstr!("__newindex"), proxy_newindex),
        (cstr!("__len"), proxy_len),
        (cstr!("__pairs"), proxy_pairs),
    ] {
        lua_pushcfunction(L, Some(f));
        lua_setfield(L, -2, name);
    }
    lua_pushstring(L, cstr!("external table"));
    lua_setfield(L, -2, cstr!("__metatable")); // getmetatable(_home) cannot reach the machinery
    lua_setfield(L, LUA_REGISTRYINDEX, PROXY_MT);

    push_proxy(L, table_id::HOME);
    lua_setglobal(L, cstr!("_home"));
    lua_pushcfunction(L, Some(lua_next_any));
    lua_setglobal(L, cstr!("next"));
    lua_pushcfunction(L, Some(lua_pairs));
    lua_setglobal(L, cstr!("pairs"));
}

/// The global `pairs`: Lua's own (`luaB_pairs`), except that without a `__pairs`
/// metamethod it returns *our* `next`, so `pairs(t) == next` holds as in native Lua.
unsafe extern "C" fn lua_pairs(L: *mut lua_State) -> c_int {
    luaL_checkany(L, 1);
    if luaL_getmetafield(L, 1, cstr!("__pairs")) == LUA_TNIL as c_int {
        lua_getglobal_next(L);
        lua_pushvalue(L, 1);
        lua_pushnil(L);
    } else {
        lua_pushvalue(L, 1);
        lua_callk(L, 1, 3, 0, None);
    }
    3
}

/// Pushes the `next` function of this module (the one installed as the global).
unsafe fn lua_getglobal_next(L: *mut lua_State) {
    lua_pushcfunction(L, Some(lua_next_any));
}

unsafe fn new_weak_table(L: *mut lua_State, mode: *const core::ffi::c_char) {
    lua_newtable(L);
    lua_createtable(L, 0, 1);
    lua_pushstring(L, mode);
    lua_setfield(L, -2, cstr!("__mode"));
    lua_setmetatable(L, -2);
}

/// Pushes the proxy of table `id`, creating it on first use. [-0, +1, m]
pub unsafe fn push_proxy(L: *mut lua_State, id: u32) {
    lua_getfield(L, LUA_REGISTRYINDEX, PROXIES);
    if lua_rawgeti(L, -1, id as lua_Integer) != LUA_TNIL as c_int {
        lua_remove(L, -2);
        return;
    }
    lua_pop(L, 1);
    lua_newtable(L); // [proxies, proxy]
    luaL_getmetatable(L, PROXY_MT);
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_rawseti(L, -3, id as lua_Integer);
    lua_getfield(L, LUA_REGISTRYINDEX, IDS);
    lua_pushvalue(L, -2);
    lua_pushinteger(L, id as lua_Integer);
    lua_rawset(L, -3);
    lua_pop(L, 1);
    lua_remove(L, -2);
}

/// The table id of the proxy at `idx`, or `None` for any other value. [-0, +0, -]
pub unsafe fn proxy_id(L: *mut lua_State, idx: c_int) -> Option<u32> {
    if !lua_istable(L, idx) {
        return None;
    }
    let idx = lua_absindex(L, idx);
    lua_getfield(L, LUA_REGISTRYINDEX, IDS);
    lua_pushvalue(L, idx);
    let id = if lua_rawget(L, -2) == LUA_TNUMBER as c_int {
        Some(lua_tointeger(L, -1) as u32)
    } else {
        None
    };
    lua_pop(L, 2);
    id
}

/// The table id of argument 1, which must be a proxy (the metamethods are reachable
/// through `debug.getmetatable`, so anything may be passed to them).
unsafe fn proxy_arg(L: *mut lua_State) -> Result<u32, LuaError> {
    proxy_id(L, 1).ok_or_else(|| LuaError::new("bad argument #1 (external table expected)"))
}

/// What the key at some stack index is, for an external table.
enum KeyAt {
    Stored(Vec<u8>),
    Nil,
    NaN,
    /// A plain (not external) table: not storable as a key without copying it.
    PlainTable,
    Unstorable,
}

/// Encodes the key at `idx`. Floats with an integer value become integer keys, as Lua
/// normalizes them. [-0, +0, -]
unsafe fn key_at(L: *mut lua_State, idx: c_int) -> KeyAt {
    let key = match lua_type(L, idx) as u32 {
        LUA_TSTRING => Key::String(Cow::Borrowed(lua_tobytes(L, idx))),
        LUA_TNUMBER => {
            if lua_isinteger(L, idx) != 0 {
                Key::Integer(lua_tointeger(L, idx))
            } else {
                let x = lua_tonumber(L, idx);
                if x.is_nan() {
                    return KeyAt::NaN;
                }
                match float_to_integer(x) {
                    Some(i) => Key::Integer(i),
                    None => Key::Float(x),
                }
            }
        }
        LUA_TBOOLEAN => Key::Boolean(lua_toboolean(L, idx) != 0),
        LUA_TNIL => return KeyAt::Nil,
        LUA_TTABLE => match proxy_id(L, idx) {
            Some(id) => Key::TableRef(id),
            None => return KeyAt::PlainTable,
        },
        _ => return KeyAt::Unstorable,
    };
    let mut out = Vec::new();
    key::encode(&key, &mut out);
    KeyAt::Stored(out)
}

/// The integer equal to `x`, if there is one (Lua's 'luaV_flttointns' with F2Ieq).
fn float_to_integer(x: f64) -> Option<i64> {
    // -2^63 <= x < 2^63, and integral
    if (-9223372036854775808.0..9223372036854775808.0).contains(&x) && libm::floor(x) == x {
        Some(x as i64)
    } else {
        None
    }
}

/// Pushes the Lua value of a stored key. [-0, +1, m]
unsafe fn push_key(L: *mut lua_State, table: u32, stored: &[u8]) -> Result<(), LuaError> {
    match key::decode(stored) {
        Ok(Key::String(s)) => lua_pushbytes(L, &s),
        Ok(Key::Integer(i)) => lua_pushinteger(L, i),
        Ok(Key::Float(x)) => lua_pushnumber(L, x),
        Ok(Key::Boolean(b)) => lua_pushboolean(L, b as c_int),
        Ok(Key::TableRef(id)) => push_proxy(L, id),
        Err(_) => return Err(corrupt(table, stored, "a malformed key")),
    }
    Ok(())
}

fn corrupt(table: u32, stored_key: &[u8], what: &str) -> LuaError {
    let mut msg = Vec::new();
    msg.extend_from_slice(b"external table ");
    msg.extend_from_slice(itoa(table as i64).as_bytes());
    msg.extend_from_slice(b" holds ");
    msg.extend_from_slice(what.as_bytes());
    msg.extend_from_slice(b" (key '");
    msg.extend(
        stored_key
            .iter()
            .flat_map(|b| core::ascii::escape_default(*b)),
    );
    msg.extend_from_slice(b"'); the store is damaged or was written by another program");
    LuaError::new(msg)
}

fn itoa(i: i64) -> alloc::string::String {
    alloc::format!("{i}")
}

/// Pushes a value read from the store. [-0, +1, m]
unsafe fn push_stored_value(
    L: *mut lua_State,
    table: u32,
    stored_key: &[u8],
    bytes: &[u8],
) -> Result<(), LuaError> {
    match tag::decode(bytes) {
        Ok((value, used)) if used == bytes.len() => match value {
            tag::Value::Nil => lua_pushnil(L),
            tag::Value::Boolean(b) => lua_pushboolean(L, b as c_int),
            tag::Value::Integer(i) => lua_pushinteger(L, i),
            tag::Value::Float(x) => lua_pushnumber(L, x),
            tag::Value::String(s) => lua_pushbytes(L, &s),
            tag::Value::TableRef(id) => push_proxy(L, id),
            tag::Value::Table(_) | tag::Value::Opaque(_) => {
                return Err(corrupt(
                    table,
                    stored_key,
                    "a value of a kind that is never stored",
                ))
            }
        },
        _ => return Err(corrupt(table, stored_key, "a corrupt value")),
    }
    Ok(())
}

/// `host::get`, with one full collection and a retry when the guest has no memory left for
/// the value (Lua's own allocations do the same through its emergency collection).
unsafe fn get_collecting(
    L: *mut lua_State,
    id: u32,
    key: &[u8],
) -> Result<Option<Vec<u8>>, host::HostError> {
    match host::get(id, key) {
        Err(host::HostError::TooLarge) => {
            lua_gc(L, LUA_GCCOLLECT as c_int);
            host::get(id, key)
        }
        other => other,
    }
}

/// `__index(proxy, key)`: reads one entry from the host.
unsafe extern "C" fn proxy_index(L: *mut lua_State) -> c_int {
    run_c_function(L, |L| {
        let id = proxy_arg(L)?;
        let KeyAt::Stored(k) = key_at(L, 2) else {
            lua_pushnil(L); // such a key can never be stored
            return Ok(1);
        };
        match get_collecting(L, id, &k) {
            Ok(Some(buf)) => push_stored_value(L, id, &k, &buf)?,
            Ok(None) => lua_pushnil(L),
            Err(e) => return Err(LuaError::new(e.describe())),
        }
        Ok(1)
    })
}

/// `__newindex(proxy, key, value)`: writes (or, for nil, deletes) one entry in the host.
unsafe extern "C" fn proxy_newindex(L: *mut lua_State) -> c_int {
    run_c_function(L, |L| {
        let id = proxy_arg(L)?;
        let k = match key_at(L, 2) {
            KeyAt::Stored(k) => k,
            KeyAt::Nil => return Err(LuaError::new("index is nil")),
            KeyAt::NaN => return Err(LuaError::new("index is NaN")),
            KeyAt::PlainTable => {
                let stored = store_plain_table(L, 2, 0)?;
                let mut out = Vec::new();
                key::encode(&Key::TableRef(stored), &mut out);
                out
            }
            KeyAt::Unstorable => {
                return Err(unstorable(L, 2, "use", "as an external table key"));
            }
        };
        if lua_isnil(L, 3) {
            host::delete(id, &k);
            return Ok(0);
        }
        let v = encode_storable(L, 3, 0)?;
        host::set(id, &k, &v).map_err(|e| LuaError::new(e.describe()))?;
        Ok(0)
    })
}

unsafe fn unstorable(L: *mut lua_State, idx: c_int, verb: &str, role: &str) -> LuaError {
    let mut msg = Vec::new();
    msg.extend_from_slice(b"cannot ");
    msg.extend_from_slice(verb.as_bytes());
    msg.extend_from_slice(b" a ");
    msg.extend_from_slice(type_name(L, idx));
    msg.push(b' ');
    msg.extend_from_slice(role.as_bytes());
    msg.extend_from_slice(b" (only nil, booleans, numbers, strings and tables persist)");
    LuaError::new(msg)
}

/// Encodes the non-nil value at `idx` for storing; plain tables are copied into new
/// external tables first. [-0, +0, m]
unsafe fn encode_storable(
    L: *mut lua_State,
    idx: c_int,
    depth: usize,
) -> Result<Vec<u8>, LuaError> {
    let mut out = Vec::with_capacity(9);
    match lua_type(L, idx) as u32 {
        LUA_TBOOLEAN => tag::encode(&tag::Value::Boolean(lua_toboolean(L, idx) != 0), &mut out),
        LUA_TNUMBER if lua_isinteger(L, idx) != 0 => {
            tag::encode(&tag::Value::Integer(lua_tointeger(L, idx)), &mut out)
        }
        LUA_TNUMBER => tag::encode(&tag::Value::Float(lua_tonumber(L, idx)), &mut out),
        LUA_TSTRING => {
            let s = lua_tobytes(L, idx);
            out.try_reserve(5 + s.len())
                .map_err(|_| LuaError::new("not enough memory"))?;
            out.push(tag::STRING);
            out.extend_from_slice(&(s.len() as u32).to_le_bytes());
            out.extend_from_slice(s);
        }
        LUA_TTABLE => {
            let id = match proxy_id(L, idx) {
                Some(id) => id,
                None => store_plain_table(L, idx, depth)?,
            };
            tag::encode(&tag::Value::TableRef(id), &mut out);
        }
        _ => return Err(unstorable(L, idx, "store", "in an external table")),
    }
    Ok(out)
}

/// Copies the plain table at `idx` (and the plain tables it holds) into new external
/// tables; returns the id of the first. Tables met twice (shared or cyclic) are copied
/// once. The map of copies lives in the registry field "lua_wasm.copying" during the
/// outermost call. [-0, +0, m]
unsafe fn store_plain_table(L: *mut lua_State, idx: c_int, depth: usize) -> Result<u32, LuaError> {
    let idx = lua_absindex(L, idx);
    if depth >= MAX_STORE_DEPTH {
        return Err(LuaError::new(
            "table nested too deeply to store in an external table",
        ));
    }
    luaL_checkstack(L, 6, cstr!("storing a table"));
    let outermost = depth == 0;
    if outermost {
        lua_newtable(L);
        lua_setfield(L, LUA_REGISTRYINDEX, cstr!("lua_wasm.copying"));
    }
    lua_getfield(L, LUA_REGISTRYINDEX, cstr!("lua_wasm.copying")); // [copies]
    lua_pushvalue(L, idx);
    if lua_rawget(L, -2) == LUA_TNUMBER as c_int {
        let id = lua_tointeger(L, -1) as u32;
        lua_pop(L, 2);
        return Ok(id);
    }
    lua_pop(L, 1);
    let id = new_table_id()?;
    lua_pushvalue(L, idx);
    lua_pushinteger(L, id as lua_Integer);
    lua_rawset(L, -3);
    lua_pop(L, 1); // []

    let result = copy_entries(L, idx, id, depth);
    if outermost {
        lua_pushnil(L);
        lua_setfield(L, LUA_REGISTRYINDEX, cstr!("lua_wasm.copying"));
    }
    result.map(|()| id)
}

unsafe fn copy_entries(
    L: *mut lua_State,
    idx: c_int,
    id: u32,
    depth: usize,
) -> Result<(), LuaError> {
    lua_pushnil(L);
    while lua_next(L, idx) != 0 {
        // [key, value]
        let k = match key_at(L, -2) {
            KeyAt::Stored(k) => k,
            KeyAt::PlainTable => {
                let stored = store_plain_table(L, -2, depth + 1)?;
                let mut out = Vec::new();
                key::encode(&Key::TableRef(stored), &mut out);
                out
            }
            KeyAt::Unstorable => return Err(unstorable(L, -2, "use", "as an external table key")),
            KeyAt::Nil | KeyAt::NaN => unreachable!("a Lua table never holds a nil or NaN key"),
        };
        let v = encode_storable(L, -1, depth + 1)?;
        host::set(id, &k, &v).map_err(|e| LuaError::new(e.describe()))?;
        lua_pop(L, 1);
    }
    Ok(())
}

/// A fresh table id, from the counter in the META table.
fn new_table_id() -> Result<u32, LuaError> {
    let key = well_known_key::NEXT_TABLE_ID.as_bytes();
    let next = match host::get(table_id::META, key) {
        Ok(Some(buf)) => match tag::decode(&buf) {
            Ok((tag::Value::Integer(i), _)) if i >= table_id::FIRST_NESTED as i64 => i,
            _ => return Err(corrupt(table_id::META, key, "a corrupt table counter")),
        },
        Ok(None) => table_id::FIRST_NESTED as i64,
        Err(e) => return Err(LuaError::new(e.describe())),
    };
    if next >= table_id::CHANNEL as i64 {
        return Err(LuaError::new("no table ids left in the store"));
    }
    let mut v = Vec::new();
    tag::encode(&tag::Value::Integer(next + 1), &mut v);
    host::set(table_id::META, key, &v).map_err(|e| LuaError::new(e.describe()))?;
    Ok(next as u32)
}

/// True when table `id` has a value under integer key `i`.
fn has_index(id: u32, i: i64) -> Result<bool, LuaError> {
    let mut k = Vec::new();
    key::encode(&Key::Integer(i), &mut k);
    match host::get(id, &k) {
        Ok(found) => Ok(found.is_some()),
        Err(e) => Err(LuaError::new(e.describe())),
    }
}

/// `__len(proxy)`: a border of the external table, found like Lua's 'luaH_getn' finds one
/// in a hash part: double an upper bound until it is absent, then bisect.
unsafe extern "C" fn proxy_len(L: *mut lua_State) -> c_int {
    run_c_function(L, |L| {
        let id = proxy_arg(L)?;
        let (mut present, mut absent) = (0i64, 1i64);
        while has_index(id, absent)? {
            present = absent;
            if absent > i64::MAX / 2 {
                // Absurdly large: walk linearly, as Lua does in this case.
                let mut i = present;
                while i < i64::MAX && has_index(id, i + 1)? {
                    i += 1;
                }
                lua_pushinteger(L, i);
                return Ok(1);
            }
            absent *= 2;
        }
        while absent - present > 1 {
            let mid = present + (absent - present) / 2;
            if has_index(id, mid)? {
                present = mid;
            } else {
                absent = mid;
            }
        }
        lua_pushinteger(L, present);
        Ok(1)
    })
}

/// `__pairs(proxy)`: iterate with our `next`.
unsafe extern "C" fn proxy_pairs(L: *mut lua_State) -> c_int {
    lua_pushcfunction(L, Some(lua_next_any));
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    3
}

/// The global `next`: Lua's own for ordinary tables, a walk over a snapshot of the keys
/// for external ones (keys added during the walk are not visited; keys removed are
/// skipped; values are read fresh).
unsafe extern "C" fn lua_next_any(L: *mut lua_State) -> c_int {
    luaL_checktype(L, 1, LUA_TTABLE as c_int);
    lua_settop(L, 2);
    match proxy_id(L, 1) {
        None => {
            if lua_next(L, 1) != 0 {
                2
            } else {
                lua_pushnil(L);
                1
            }
        }
        Some(_) => run_c_function(L, |L| {
            proxy_next(L, proxy_id(L, 1).unwrap_or(table_id::HOME))
        }),
    }
}

/// [proxy, key] -> the next key and its value, or nil. The snapshot is a table
/// `{keys = {k1, k2, ...}, pos = {[k1] = 1, ...}}` kept in SNAPSHOTS[proxy].
unsafe fn proxy_next(L: *mut lua_State, id: u32) -> Result<c_int, LuaError> {
    lua_getfield(L, LUA_REGISTRYINDEX, SNAPSHOTS); // 3
    lua_pushvalue(L, 1);
    let have_snapshot = lua_rawget(L, 3) == LUA_TTABLE as c_int; // 4
    if lua_isnil(L, 2) || !have_snapshot {
        lua_pop(L, 1);
        take_snapshot(L, id)?; // 4
        lua_pushvalue(L, 1);
        lua_pushvalue(L, 4);
        lua_rawset(L, 3);
    }
    lua_getfield(L, 4, cstr!("keys")); // 5
    lua_getfield(L, 4, cstr!("pos")); // 6
    let mut i = if lua_isnil(L, 2) {
        0
    } else {
        lua_pushvalue(L, 2);
        if lua_rawget(L, 6) != LUA_TNUMBER as c_int {
            return Err(LuaError::new("invalid key to 'next'"));
        }
        let i = lua_tointeger(L, -1);
        lua_pop(L, 1);
        i
    };
    loop {
        i += 1;
        if lua_rawgeti(L, 5, i) == LUA_TNIL as c_int {
            // The walk is over: forget the snapshot.
            lua_pushvalue(L, 1);
            lua_pushnil(L);
            lua_rawset(L, 3);
            lua_pushnil(L);
            return Ok(1);
        }
        // [.., key]
        let KeyAt::Stored(k) = key_at(L, -1) else {
            unreachable!("snapshot keys are stored keys")
        };
        match get_collecting(L, id, &k) {
            Ok(Some(buf)) => {
                push_stored_value(L, id, &k, &buf)?;
                return Ok(2);
            }
            Ok(None) => lua_pop(L, 1), // removed since the snapshot: skip it
            Err(e) => return Err(LuaError::new(e.describe())),
        }
    }
}

/// Pushes a new snapshot of the keys of table `id`. [-0, +1, m]
unsafe fn take_snapshot(L: *mut lua_State, id: u32) -> Result<(), LuaError> {
    let mut list = Vec::new();
    host::keys(id, &mut list).map_err(|e| LuaError::new(e.describe()))?;
    lua_createtable(L, 0, 2);
    lua_newtable(L); // keys
    lua_newtable(L); // pos
    let mut n: lua_Integer = 0;
    for stored in key::split_list(&list) {
        push_key(L, id, stored)?;
        n += 1;
        lua_pushvalue(L, -1);
        lua_rawseti(L, -4, n);
        lua_pushinteger(L, n);
        lua_rawset(L, -3);
    }
    lua_setfield(L, -3, cstr!("pos"));
    lua_setfield(L, -2, cstr!("keys"));
    Ok(())
}
