//! `time` and `clock`: lua.wasm has no clock of its own; it asks the host through the
//! channel table (docs/ABI.md, "Host services"). A host that does not answer gets a
//! deterministic guest: time 0 (1970-01-01) and clock 0.

use lua_wasm_abi::{table_id, value, well_known_key};

use crate::host;

/// Asks the host for a float service value; `None` when it has none.
pub fn ask_float(key: &str) -> Option<f64> {
    let buf = host::get(table_id::CHANNEL, key.as_bytes()).ok()??;
    match value::decode(&buf) {
        Ok((value::Value::Float(x), _)) if x.is_finite() => Some(x),
        Ok((value::Value::Integer(i), _)) => Some(i as f64),
        _ => None,
    }
}

/// # Safety
/// `t` is null or points to a writable `time_t`.
#[no_mangle]
pub unsafe extern "C" fn time(t: *mut i64) -> i64 {
    let now = ask_float(well_known_key::TIME).map_or(0, |x| libm::floor(x) as i64);
    if !t.is_null() {
        // SAFETY: guaranteed by the caller.
        unsafe { *t = now };
    }
    now
}

/// Processor time in microseconds (CLOCKS_PER_SEC is 1000000 in our time.h).
#[no_mangle]
pub extern "C" fn clock() -> i64 {
    ask_float(well_known_key::CLOCK).map_or(0, |x| (x * 1e6) as i64)
}
