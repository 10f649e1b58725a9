//! Lua string literals for arbitrary bytes, so that user code, file names and arguments can
//! travel inside the loader calls that the command sends to `Vm::run`.
//!
//! Every byte outside printable ASCII, and `"` and `\`, is written as a three-digit decimal
//! escape (`\010`): always three digits, so a digit that follows can never be read as part
//! of the escape, and a literal may be cut between any two escapes. The text is pure ASCII
//! whatever the input, which is what `Vm::run` (a `&str`) needs.

/// Appends the escaped form of `byte` (without quotes) to `out`.
pub fn push_escaped(byte: u8, out: &mut String) {
    match byte {
        b'"' | b'\\' => push_decimal(byte, out),
        0x20..=0x7e => out.push(byte as char),
        _ => push_decimal(byte, out),
    }
}

fn push_decimal(byte: u8, out: &mut String) {
    out.push('\\');
    out.push((b'0' + byte / 100) as char);
    out.push((b'0' + byte / 10 % 10) as char);
    out.push((b'0' + byte % 10) as char);
}

/// `bytes` as a double-quoted Lua string literal.
pub fn literal(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 2);
    out.push('"');
    for &b in bytes {
        push_escaped(b, &mut out);
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_ascii_stays_as_is() {
        assert_eq!(literal(b"print('hi')"), "\"print('hi')\"");
    }

    #[test]
    fn quotes_backslashes_and_other_bytes_become_three_digit_escapes() {
        assert_eq!(
            literal(b"a\"b\\c\n1\xff\x00"),
            r#""a\034b\092c\0101\255\000""#
        );
    }
}
