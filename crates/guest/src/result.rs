//! Encoding the values a chunk returns into the `compute` result (docs/ABI.md, "Results").
//!
//! Runs as a Lua C function under `lua_pcall` (see vm.rs), because describing a value can
//! call metamethods (`__tostring`, `__name`) that may fail.

use alloc::vec::Vec;
use core::cell::RefCell;
use core::ffi::c_int;

use lua_wasm_abi::value::{self as tag, MAX_DEPTH};

use crate::ffi::*;
use crate::home;
use crate::lua::{cstr, run_c_function, LuaError};

struct Encoded(RefCell<Vec<u8>>);

// SAFETY: the guest is single-threaded wasm.
unsafe impl Sync for Encoded {}

/// The encoded values of the last successful call of [`encode_results`].
static ENCODED: Encoded = Encoded(RefCell::new(Vec::new()));

/// Takes the bytes written by the last [`encode_results`].
pub fn take_encoded() -> Vec<u8> {
    core::mem::take(&mut *ENCODED.0.borrow_mut())
}

/// Lua C function: encodes all its arguments, in order, into `ENCODED`.
pub unsafe extern "C" fn encode_results(L: *mut lua_State) -> c_int {
    run_c_function(L, |L| {
        let mut out = Vec::new();
        let n = lua_gettop(L);
        for i in 1..=n {
            encode_value(L, i, &mut out, 0)?;
        }
        *ENCODED.0.borrow_mut() = out;
        Ok(0)
    })
}

fn grow(out: &mut Vec<u8>, n: usize) -> Result<(), LuaError> {
    out.try_reserve(n)
        .map_err(|_| LuaError::new("not enough memory"))
}

fn push_len_prefixed(out: &mut Vec<u8>, t: u8, bytes: &[u8]) -> Result<(), LuaError> {
    grow(out, 5 + bytes.len())?;
    out.push(t);
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(bytes);
    Ok(())
}

/// Appends the encoding of the value at `idx`. Tables are written inline (external ones
/// as references); a table that contains itself cannot be, and is an error.
unsafe fn encode_value(
    L: *mut lua_State,
    idx: c_int,
    out: &mut Vec<u8>,
    depth: usize,
) -> Result<(), LuaError> {
    let idx = lua_absindex(L, idx);
    match lua_type(L, idx) as u32 {
        LUA_TNIL => out.push(tag::NIL),
        LUA_TBOOLEAN => tag::encode(&tag::Value::Boolean(lua_toboolean(L, idx) != 0), out),
        LUA_TNUMBER if lua_isinteger(L, idx) != 0 => {
            tag::encode(&tag::Value::Integer(lua_tointeger(L, idx)), out)
        }
        LUA_TNUMBER => tag::encode(&tag::Value::Float(lua_tonumber(L, idx)), out),
        LUA_TSTRING => push_len_prefixed(out, tag::STRING, lua_tobytes(L, idx))?,
        LUA_TTABLE => match home::proxy_id(L, idx) {
            Some(id) => tag::encode(&tag::Value::TableRef(id), out),
            None => encode_table(L, idx, out, depth)?,
        },
        _ => {
            // function, thread, userdata: their text, as print would show it
            luaL_tolstring(L, idx, core::ptr::null_mut());
            push_len_prefixed(out, tag::OPAQUE, lua_tobytes(L, -1))?;
            lua_pop(L, 1);
        }
    }
    Ok(())
}

/// Tables being encoded, outermost first, to detect cycles: registry "lua_wasm.encoding".
unsafe fn encode_table(
    L: *mut lua_State,
    idx: c_int,
    out: &mut Vec<u8>,
    depth: usize,
) -> Result<(), LuaError> {
    if depth >= MAX_DEPTH {
        return Err(LuaError::new(
            "cannot return tables nested more than 100 deep",
        ));
    }
    luaL_checkstack(L, 4, cstr!("encoding a result"));
    if depth == 0 {
        lua_newtable(L);
        lua_setfield(L, LUA_REGISTRYINDEX, cstr!("lua_wasm.encoding"));
    }
    lua_getfield(L, LUA_REGISTRYINDEX, cstr!("lua_wasm.encoding"));
    lua_pushvalue(L, idx);
    if lua_rawget(L, -2) != LUA_TNIL as c_int {
        return Err(LuaError::new("cannot return a table that contains itself"));
    }
    lua_pop(L, 1);
    lua_pushvalue(L, idx);
    lua_pushboolean(L, 1);
    lua_rawset(L, -3);
    lua_pop(L, 1);

    grow(out, 5)?;
    out.push(tag::TABLE);
    let count_at = out.len();
    out.extend_from_slice(&[0; 4]);
    let mut count: u32 = 0;
    lua_pushnil(L);
    while lua_next(L, idx) != 0 {
        encode_value(L, -2, out, depth + 1)?;
        encode_value(L, -1, out, depth + 1)?;
        count += 1;
        lua_pop(L, 1);
    }
    out[count_at..count_at + 4].copy_from_slice(&count.to_le_bytes());

    lua_getfield(L, LUA_REGISTRYINDEX, cstr!("lua_wasm.encoding"));
    lua_pushvalue(L, idx);
    lua_pushnil(L);
    lua_rawset(L, -3);
    lua_pop(L, 1);
    Ok(())
}
