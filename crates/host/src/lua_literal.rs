//! Lua source for a value: the host passes arguments and sets globals by running code through
//! `compute`, so a [`Value`] goes in as an expression that evaluates to exactly that value.
//!
//! | value                  | literal                                                 |
//! |------------------------|---------------------------------------------------------|
//! | `Nil`, `Boolean`       | `nil`, `true`, `false`                                  |
//! | `Integer`              | `42`, `(-42)`, `(-9223372036854775807-1)`               |
//! | `Float`                | `0x1.8p+3`, `(-0x1p-1074)`, `(-0x0p+0)`, `(1/0)`, `(-1/0)`, `(0/0)` |
//! | `String`               | `"a\"b\n\000\255"`: printable ASCII as is, other bytes escaped |
//! | `Table`                | `{[key]=value,...}`                                     |
//!
//! Architecture Invariant: a literal names no global and calls nothing, so it means the same
//! whatever the script did to `math`, `string` or `_ENV`; and it is a complete expression
//! (every negative number is in parentheses), safe in any position, even after a `-`.
//!
//! Exactness: every integer stays an integer and every float a float with the same bits
//! (hexadecimal floats always have a `p` exponent, which makes them floats in Lua even when
//! their value is integral; negative zero is `-0x0p+0`, which Lua negates at run time since
//! it never folds a constant to zero). The one exception is NaN: Lua arithmetic cannot make a
//! chosen NaN, so every NaN becomes `0/0`, a NaN whose sign and payload are the machine's.
//! Strings keep all their bytes. A table keeps its pairs, with Lua's own rule for keys: a
//! float key with an integral value becomes an integer key, as in any Lua table.
//!
//! Not every value can be written: external table references and opaque values (functions
//! and the like) have no literal, tables cannot have `nil` or NaN keys, and tables nest at
//! most [`MAX_DEPTH`] levels (the same limit as results), well within what Lua's parser takes.

use std::fmt::Write;

use lua_wasm_abi::value::{Value, MAX_DEPTH};

use crate::serde_value::{key_segment, ConvertError};

/// Appends to 'out' a Lua expression that evaluates to 'value'. On error 'out' is left as it
/// was.
pub fn write_literal(value: &Value, out: &mut String) -> Result<(), ConvertError> {
    let start = out.len();
    let result = write_value(value, out, 0);
    if result.is_err() {
        out.truncate(start);
    }
    result
}

/// The Lua expression that evaluates to 'value', as a new string (see [`write_literal`]).
pub fn to_literal(value: &Value) -> Result<String, ConvertError> {
    let mut out = String::new();
    write_literal(value, &mut out)?;
    Ok(out)
}

/// Writes 'value', which sits inside 'depth' tables.
fn write_value(value: &Value, out: &mut String, depth: usize) -> Result<(), ConvertError> {
    match value {
        Value::Nil => out.push_str("nil"),
        Value::Boolean(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Integer(i) => write_integer(*i, out),
        Value::Float(x) => write_float(*x, out),
        Value::String(bytes) => write_string(bytes, out),
        Value::Table(pairs) => {
            if depth >= MAX_DEPTH {
                return Err(ConvertError::new(format!(
                    "tables nested deeper than {MAX_DEPTH} levels cannot be passed to Lua"
                )));
            }
            out.push('{');
            for (n, (key, value)) in pairs.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                match key {
                    Value::Nil => return Err(ConvertError::new("a table key cannot be nil")),
                    Value::Float(x) if x.is_nan() => {
                        return Err(ConvertError::new("a table key cannot be NaN"))
                    }
                    _ => {}
                }
                // Never "[[": a literal does not start with '[', so no long string opens.
                out.push('[');
                write_value(key, out, depth + 1)
                    .map_err(|e| ConvertError::new(format!("in a key: {}", e.message())))?;
                out.push_str("]=");
                write_value(value, out, depth + 1).map_err(|e| e.at(&key_segment(key)))?;
            }
            out.push('}');
        }
        Value::TableRef(id) => {
            return Err(ConvertError::new(format!(
                "cannot pass an external table reference (id {id}) as a value: it has no \
                 literal; pass a plain copy of its contents, or let the Lua code reach the \
                 table through _home"
            )))
        }
        Value::Opaque(text) => {
            return Err(ConvertError::new(format!(
                "cannot pass {text} as a value: functions, coroutines and userdata have no \
                 literal"
            )))
        }
    }
    Ok(())
}

fn write_integer(i: i64, out: &mut String) {
    if i == i64::MIN {
        // 9223372036854775808 does not fit, so Lua would read it as a float.
        out.push_str("(-9223372036854775807-1)");
    } else if i < 0 {
        write!(out, "({i})").expect("writing to a String cannot fail");
    } else {
        write!(out, "{i}").expect("writing to a String cannot fail");
    }
}

/// Writes 'x' as a hexadecimal float, `0x1.<fraction>p<exponent>`, which Lua reads back
/// exactly (through `strtod`): 13 hex digits hold the 52 fraction bits, and subnormals are
/// normalized with a smaller exponent.
fn write_float(x: f64, out: &mut String) {
    if x.is_nan() {
        out.push_str("(0/0)");
        return;
    }
    if x.is_infinite() {
        out.push_str(if x > 0.0 { "(1/0)" } else { "(-1/0)" });
        return;
    }
    let bits = x.to_bits();
    let negative = bits >> 63 == 1;
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (fraction, exponent) = match (biased, fraction) {
        (0, 0) => (0, 0),
        (0, _) => {
            // Subnormal: move the leading 1 up to bit 52 and drop it, as a normal number.
            let shift = fraction.leading_zeros() - 11;
            ((fraction << shift) & ((1 << 52) - 1), -1022 - shift as i32)
        }
        _ => (fraction, biased - 1023),
    };
    if negative {
        out.push_str("(-");
    }
    out.push_str(if x == 0.0 { "0x0" } else { "0x1" });
    if fraction != 0 {
        let digits = format!("{fraction:013x}");
        write!(out, ".{}", digits.trim_end_matches('0')).expect("writing to a String");
    }
    write!(out, "p{exponent:+}").expect("writing to a String cannot fail");
    if negative {
        out.push(')');
    }
}

/// Writes 'bytes' as a double-quoted string: printable ASCII as it is, the usual escapes for
/// quote, backslash and the common control characters, and `\ddd` (always three digits, so a
/// following digit is not taken in) for every other byte.
fn write_string(bytes: &[u8], out: &mut String) {
    out.push('"');
    for &b in bytes {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x20..=0x7e => out.push(b as char),
            _ => write!(out, "\\{b:03}").expect("writing to a String cannot fail"),
        }
    }
    out.push('"');
}
