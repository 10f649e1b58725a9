//! The guest's `strtod` (`src/strtod.rs`) against glibc's.
//!
//! Lua reads every float through `strtod` (`tonumber`, the lexer, `string.format("%q")`'s
//! output read back), so lua.wasm must consume the same bytes and produce the same bits as
//! native Lua on glibc. Each case compares the value's bits (NaN payloads and the sign of
//! zero included) and the number of bytes consumed.

mod support;

use support::Rng;

use std::ffi::{c_char, CString};
use std::fmt::Write as _;

use lua_wasm_libc::strtod::{parse_prefix, strtod};

/// glibc's `strtod` of `input`: the value's bits and the number of bytes consumed.
fn glibc(input: &str) -> (u64, usize) {
    let s = CString::new(input).unwrap();
    let mut end: *mut c_char = std::ptr::null_mut();
    // SAFETY: 's' is NUL-terminated and 'end' is a valid place for the end pointer.
    let v = unsafe { libc::strtod(s.as_ptr(), &mut end) };
    (v.to_bits(), end as usize - s.as_ptr() as usize)
}

fn ours(input: &str) -> (u64, usize) {
    let (v, n) = parse_prefix(input.as_bytes());
    (v.to_bits(), n)
}

/// Asserts that glibc reads `input` as `value`, consuming `consumed` bytes, and so do we.
#[track_caller]
fn assert_reads(input: &str, value: f64, consumed: usize) {
    let expected = (value.to_bits(), consumed);
    assert_eq!(
        glibc(input),
        expected,
        "glibc's strtod({input:?}) = {value:e}, {consumed} bytes"
    );
    assert_eq!(
        ours(input),
        expected,
        "our strtod({input:?}) = {value:e}, {consumed} bytes"
    );
}

/// Asserts that glibc reads all of `input` as `value`, and so do we.
#[track_caller]
fn assert_reads_whole(input: &str, value: f64) {
    assert_reads(input, value, input.len());
}

/// Reads every input with glibc and with ours, and fails listing the first differences.
/// Returns the number of inputs.
#[track_caller]
fn assert_match_glibc(inputs: impl IntoIterator<Item = String>) -> usize {
    let (mut total, mut failed, mut report) = (0, 0, String::new());
    for input in inputs {
        total += 1;
        let (g, o) = (glibc(&input), ours(&input));
        if g != o {
            failed += 1;
            if failed <= 20 {
                let show = |(bits, n): (u64, usize)| {
                    format!("{:e} ({bits:#018x}), {n} bytes", f64::from_bits(bits))
                };
                let _ = writeln!(
                    report,
                    "{input:?}\n    glibc: {}\n    ours:  {}",
                    show(g),
                    show(o)
                );
            }
        }
    }
    assert!(
        failed == 0,
        "{failed} of {total} inputs differ from glibc:\n{report}"
    );
    total
}

impl Rng {
    fn digits(&mut self, n: usize, radix: u32) -> String {
        (0..n)
            .map(|_| char::from_digit(self.below(u64::from(radix)) as u32, radix).unwrap())
            .collect()
    }
}

// ---------------------------------------------------------------------------------------
// What is consumed

#[test]
fn decimal_numbers_have_an_optional_sign_fraction_and_exponent() {
    assert_reads_whole("42", 42.0);
    assert_reads_whole("-1.5", -1.5);
    assert_reads("+.5x", 0.5, 3);
    assert_reads_whole("5.", 5.0);
    assert_reads_whole("1.5E-3", 1.5e-3);
    assert_reads_whole("1e+400", f64::INFINITY);
    assert_reads_whole("-0", -0.0);
    assert_reads_whole("007.25e1", 72.5);
    assert_reads("1.2.3", 1.2, 3);
}

#[test]
fn an_exponent_without_digits_is_not_consumed() {
    assert_reads("1e", 1.0, 1);
    assert_reads("1e+", 1.0, 1);
    assert_reads("1.5E-x", 1.5, 3);
    assert_reads("2p3", 2.0, 1); // 'p' is an exponent of hex numbers only
    assert_reads("3e5e5", 3e5, 3);
}

#[test]
fn without_a_digit_nothing_is_consumed() {
    for input in [
        "", "abc", "-", "+", ".", "-.", ".e1", "  -.e1", "e5", " +x", "--1", "in", "na",
    ] {
        assert_reads(input, 0.0, 0);
    }
}

#[test]
fn leading_white_space_is_every_c_isspace_byte() {
    assert_reads_whole(" \t\n\x0b\x0c\r5", 5.0);
    assert_reads_whole("\x0b-2", -2.0); // '\v' counts, unlike in u8::is_ascii_whitespace
    assert_reads("   ", 0.0, 0);
}

#[test]
fn infinity_and_nan_are_case_insensitive() {
    assert_reads_whole("inf", f64::INFINITY);
    assert_reads_whole("-INF", f64::NEG_INFINITY);
    assert_reads_whole("Infinity", f64::INFINITY);
    assert_reads("infinit", f64::INFINITY, 3); // "infinity" is all or nothing beyond "inf"
    assert_reads("+iNfInItYz", f64::INFINITY, 9);
    assert_reads_whole("nan", f64::from_bits(0x7ff8_0000_0000_0000));
    assert_reads_whole("-NaN", f64::from_bits(0xfff8_0000_0000_0000));
}

#[test]
fn nan_with_parenthesized_chars_sets_the_payload_like_glibc() {
    let nan = |payload: u64| f64::from_bits(0x7ff8_0000_0000_0000 | payload);
    assert_reads_whole("nan()", nan(0));
    assert_reads_whole("nan(123)", nan(123));
    assert_reads_whole("nan(0x7f)", nan(0x7f));
    assert_reads_whole("nan(017)", nan(0o17));
    assert_reads_whole("nan(abc_1)", nan(0)); // consumed, but not a number: no payload
    assert_reads("nan(", nan(0), 3); // no ')': only "nan"
    assert_reads("nan(1 2)", nan(0), 3);
    let inputs = [
        "nan(0x7ffffffffffff)",
        "nan(0x8000000000000)",
        "nan(0xffffffffffffffff)",
        "nan(99999999999999999999999)",
        "-nan(5)",
        "NAN(0X1F)",
        "nan(0x)",
        "nan(08)",
        "nan(0)",
        "nan(_)",
        "nan(0x1g)",
    ];
    assert_match_glibc(inputs.map(String::from));
}

// ---------------------------------------------------------------------------------------
// Hexadecimal

#[test]
fn hex_numbers_have_an_optional_point_and_binary_exponent() {
    assert_reads_whole("0x1.8p3", 12.0);
    assert_reads_whole("0X1P-2", 0.25);
    assert_reads_whole("0x.8", 0.5);
    assert_reads_whole("0x10", 16.0);
    assert_reads_whole("0x1e5", 485.0); // 'e' is a hex digit
    assert_reads_whole("-0xAbC.dEp+1", -5497.734375);
    assert_reads("0x1p", 1.0, 3);
    assert_reads("0x1p+", 1.0, 3);
}

#[test]
fn hex_prefix_without_a_hex_digit_reads_only_the_zero() {
    assert_reads("0x", 0.0, 1);
    assert_reads("-0X", -0.0, 2);
    assert_reads("0x.p1", 0.0, 1);
    assert_reads("0xg", 0.0, 1);
    assert_reads("  0x.", 0.0, 3);
}

#[test]
fn hex_rounds_half_to_even_however_long_the_mantissa() {
    assert_reads_whole("0x1.00000000000008p0", 1.0); // tie, 1.0 is even
    assert_reads_whole("0x1.00000000000018p0", 1.0 + 2.0 * f64::EPSILON); // tie, up to even
    assert_reads_whole(
        "0x1.000000000000080000000000000000001p0",
        1.0 + f64::EPSILON,
    ); // above
    assert_reads_whole("0x1.00000000000007ffffffffffffffffffp0", 1.0); // below
    assert_reads_whole("0x1.fffffffffffff8p0", 2.0); // carries into the exponent
    assert_reads_whole("0x20000000000001p0", 9007199254740992.0); // 2^53 + 1: tie, even
    assert_reads_whole("0x20000000000003p0", 9007199254740996.0);
}

#[test]
fn hex_handles_subnormals_and_overflow() {
    let min = f64::from_bits(1);
    assert_reads_whole("  -0x.8p-1074", -0.0); // half the smallest subnormal: tie, to 0
    assert_reads_whole("0x1p-1074", min);
    assert_reads_whole("0x1.8p-1074", 2.0 * min); // 1.5 units: tie, up to even
    assert_reads_whole("0x1.0000000000000000001p-1075", min); // just above half
    assert_reads_whole("0x1p-1076", 0.0);
    assert_reads_whole("0x0.0000000000001p-1022", min);
    assert_reads_whole("0x0.fffffffffffff8p-1022", f64::MIN_POSITIVE); // rounds to the least normal
    assert_reads_whole("0x1p1023", 2f64.powi(1023));
    assert_reads_whole("0x1p1024", f64::INFINITY);
    assert_reads_whole("0x1.fffffffffffff7ffp1023", f64::MAX);
    assert_reads_whole("0x1.fffffffffffff8p1023", f64::INFINITY); // rounds to 2^1024
    assert_reads_whole("0x1p-99999999999999999999", 0.0);
    assert_reads_whole("0x1p99999999999999999999", f64::INFINITY);
    let zeros = "0".repeat(1000);
    assert_reads_whole(&format!("0x0.{zeros}1p4004"), 1.0); // 16^-1001 × 2^4004
    assert_reads_whole(&format!("0x1{zeros}p-4000"), 1.0);
}

/// glibc bug 30220, fixed in glibc 2.41: for a hexadecimal numeral with more than 53
/// significant bits and a subnormal value, glibc forgets the first bit past the 53rd when it
/// rounds, and may round down what is above a tie. We round correctly, as fixed glibc does.
#[test]
fn hex_subnormals_with_long_mantissas_round_correctly_unlike_glibc_bug_30220() {
    let cases = [
        ("0x30000002222225p-1077", 0x0006_0000_0044_4445), // the report's example
        ("0x0.bbcf2a24b5b0acp-1022", 0x000b_bcf2_a24b_5b0b), // ...0a + 3/4 unit: up
        ("0xdd391a5dd067a4p-1080", 0x0003_74e4_6977_419f), // ...9e + 9/16 unit: up
        ("0x0.bbcf2a24b5b0a8p-1022", 0x000b_bcf2_a24b_5b0a), // a tie: down to even
    ];
    for (input, bits) in cases {
        assert_eq!(ours(input), (bits, input.len()), "{input}");
        assert_eq!(hex_oracle(input).to_bits(), bits, "{input}: the oracle");
        if !glibc_has_bug_30220() {
            assert_eq!(glibc(input), (bits, input.len()), "{input}: glibc");
        }
    }
}

/// Whether the glibc under test is older than 2.41, which fixed bug 30220.
fn glibc_has_bug_30220() -> bool {
    // SAFETY: gnu_get_libc_version returns a static NUL-terminated string.
    let version = unsafe { std::ffi::CStr::from_ptr(libc::gnu_get_libc_version()) }
        .to_str()
        .unwrap();
    let mut parts = version.split('.').map(|n| n.parse::<u32>().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0)) < (2, 41)
}

/// The correctly rounded value of a whole hex numeral "[sign]0x<digits>[.<digits>][p<exp>]",
/// computed on its string of bits: an oracle independent of the parser under test.
fn hex_oracle(input: &str) -> f64 {
    let (negative, rest) = match input.as_bytes()[0] {
        b'-' => (true, &input[1..]),
        b'+' => (false, &input[1..]),
        _ => (false, input),
    };
    let rest = &rest[2..];
    let (mant, exp) = rest
        .split_once(['p', 'P'])
        .map_or((rest, 0), |(m, e)| (m, e.parse::<i64>().unwrap()));
    let frac_len = mant.split_once('.').map_or(0, |(_, f)| f.len()) as i64;
    let bits: Vec<u8> = mant
        .chars()
        .filter_map(|c| c.to_digit(16))
        .flat_map(|d| (0..4).rev().map(move |i| (d >> i & 1) as u8))
        .skip_while(|&b| b == 0)
        .collect();
    let sign = if negative { -1.0 } else { 1.0 };
    if bits.is_empty() {
        return sign * 0.0;
    }
    // bits[i] is worth 2^(msb - i).
    let msb = exp - 4 * frac_len + bits.len() as i64 - 1;
    let lsb = (msb - 52).max(-1074); // the last bit a double can hold at this size
    let bit = |e: i64| {
        usize::try_from(msb - e)
            .ok()
            .and_then(|i| bits.get(i))
            .copied()
            .unwrap_or(0)
    };
    let mut kept: u64 = (lsb..=msb.max(lsb))
        .rev()
        .fold(0, |k, e| k << 1 | u64::from(bit(e)));
    let round = bit(lsb - 1) == 1;
    let sticky = usize::try_from(msb - lsb + 2).is_ok_and(|i| bits.iter().skip(i).any(|&b| b == 1));
    if round && (sticky || kept & 1 == 1) {
        kept += 1;
    }
    if lsb == -1074 && kept <= 1 << 52 {
        return sign * f64::from_bits(kept); // a subnormal (or, at 2^52, the least normal)
    }
    let (kept, lsb) = if kept >> 53 != 0 {
        (kept >> 1, lsb + 1)
    } else {
        (kept, lsb)
    };
    if lsb + 52 > 1023 {
        return sign * f64::INFINITY;
    }
    sign * f64::from_bits(((lsb + 52 + 1023) as u64) << 52 | (kept & ((1 << 52) - 1)))
}

#[test]
fn random_hex_strings_are_correctly_rounded_and_match_glibc() {
    let mut rng = Rng(10);
    let skip_bug_30220 = glibc_has_bug_30220();
    let mut inputs = Vec::new();
    for _ in 0..20_000 {
        let ndigits = 1 + rng.below(40) as usize;
        let mut mant = rng.digits(ndigits, 16);
        if rng.below(3) == 0 {
            mant.insert(rng.below(ndigits as u64 + 1) as usize, '.');
        }
        if rng.below(2) == 0 {
            mant = mant.to_uppercase();
        }
        let exp = match rng.below(4) {
            0 => String::new(),
            1 => format!("p{}", rng.below(200) as i64 - 100),
            _ => format!("p{}", rng.below(2400) as i64 - 1200 - 2 * ndigits as i64),
        };
        let sign = ["", "-", "+"][rng.below(3) as usize];
        let input = format!("{sign}0x{mant}{exp}");
        let (bits, n) = ours(&input);
        assert_eq!(n, input.len(), "{input}: all of it is the number");
        assert_eq!(
            bits,
            hex_oracle(&input).to_bits(),
            "{input}: not correctly rounded"
        );
        // See the test above: old glibc rounds subnormals of > 53 significant bits wrongly.
        let significant = mant
            .trim_start_matches(['0', '.'])
            .trim_end_matches(['0', '.'])
            .len();
        let subnormal = f64::from_bits(bits).abs() < f64::MIN_POSITIVE;
        if !(skip_bug_30220 && subnormal && significant > 13) {
            inputs.push(input);
        }
    }
    assert!(assert_match_glibc(inputs) > 18_000);
}

#[test]
fn hex_printed_by_percent_a_reads_back_exactly() {
    // Lua's %q writes floats with "%a" and reads them back with strtod.
    let mut rng = Rng(11);
    for _ in 0..20_000 {
        let v = f64::from_bits(rng.next());
        let text = format_a(v);
        let (back, n) = parse_prefix(text.as_bytes());
        assert_eq!(n, text.len(), "{text}");
        assert!(
            back.to_bits() == v.to_bits() || v.is_nan() && back.is_nan(),
            "{text}: {back:e} != {v:e}"
        );
    }
}

/// glibc's "%a" of 'v'.
fn format_a(v: f64) -> String {
    let mut buf = [0u8; 64];
    // SAFETY: 'buf' has 64 bytes, more than any "%a" of a double, and the format is NUL-terminated.
    let n = unsafe { libc::snprintf(buf.as_mut_ptr().cast(), buf.len(), c"%a".as_ptr(), v) };
    String::from_utf8(buf[..n as usize].to_vec()).unwrap()
}

// ---------------------------------------------------------------------------------------
// Decimal rounding

#[test]
fn decimal_is_correctly_rounded_at_the_limits_of_the_range() {
    let min = f64::from_bits(1);
    assert_reads_whole("1.7976931348623157e308", f64::MAX);
    assert_reads_whole("1.7976931348623158e308", f64::MAX);
    assert_reads_whole("1.7976931348623159e308", f64::INFINITY); // past the midpoint to 2^1024
    assert_reads_whole("2.4703282292062327e-324", 0.0); // below half the smallest subnormal
    assert_reads_whole("2.4703282292062328e-324", min);
    assert_reads_whole("4.9406564584124654e-324", min);
    assert_reads_whole("2.2250738585072011e-308", 2.225073858507201e-308); // the largest subnormal
    assert_reads_whole("1e-400", 0.0);
    assert_reads_whole("-1e400", f64::NEG_INFINITY);
    assert_reads_whole("1e99999999999999999999999", f64::INFINITY);
    assert_reads_whole("0e99999999999999999999999", 0.0);
    assert_reads_whole("9007199254740993", 9007199254740992.0); // 2^53 + 1: tie, even
    assert_reads_whole(
        "9007199254740993.0000000000000000000001",
        9007199254740994.0,
    );
}

#[test]
fn long_digit_strings_are_correctly_rounded() {
    let zeros = "0".repeat(800);
    let nines = "9".repeat(800);
    let inputs = [
        format!("0.{zeros}1e800"),
        format!("1{zeros}e-800"),
        format!("{nines}e-800"),
        format!("0.{nines}"),
        "1".repeat(1000),
        format!("9007199254740993{zeros}1e-800"),
        format!("9007199254740993{zeros}e-800"),
    ];
    assert_match_glibc(inputs);
}

/// The exact decimal expansion of 'm' × 2^'e', as digits 'D' and a power 'p', D × 10^p.
fn exact_decimal(m: u64, e: i32) -> (Vec<u8>, i32) {
    let mut digits: Vec<u8> = m.to_string().bytes().rev().map(|c| c - b'0').collect(); // little-endian
    let (factor, times, power) = if e >= 0 { (2, e, 0) } else { (5, -e, e) };
    for _ in 0..times {
        let mut carry = 0;
        for d in digits.iter_mut() {
            let v = *d * factor + carry;
            *d = v % 10;
            carry = v / 10;
        }
        if carry > 0 {
            digits.push(carry);
        }
    }
    digits.reverse();
    (digits, power)
}

fn decimal_string(digits: &[u8], power: i32) -> String {
    let mut s: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
    let _ = write!(s, "e{power}");
    s
}

#[test]
fn the_exact_half_of_the_smallest_subnormal_rounds_to_zero_and_a_bit_more_does_not() {
    let (digits, power) = exact_decimal(1, -1075); // 2^-1075, 751 significant digits
    let text: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
    let positional = format!("0.{}{text}", "0".repeat(-power as usize - text.len()));
    assert_reads_whole(&positional, 0.0); // a tie, to even
    assert_reads_whole(&decimal_string(&digits, power), 0.0);
    assert_reads_whole(&format!("{positional}000001"), f64::from_bits(1));
}

#[test]
fn decimal_midpoints_between_doubles_round_to_even() {
    // For random doubles d, the exact midpoint between d and the next double, and the
    // decimals just above and just below it: the three sides of a rounding decision.
    let mut rng = Rng(12);
    let mut inputs = Vec::new();
    for i in 0..300 {
        let bits = match i % 3 {
            0 => rng.next() >> 1,               // any positive finite (or not) double
            1 => rng.next() >> 12,              // subnormal
            _ => rng.next() >> 12 | 1023 << 52, // in [1, 2)
        };
        let (field, frac) = ((bits >> 52) as i32, bits & ((1 << 52) - 1));
        if field == 0x7ff {
            continue;
        }
        let (m, e) = if field == 0 {
            (frac, -1074)
        } else {
            (frac | 1 << 52, field - 1075)
        };
        let (digits, power) = exact_decimal(2 * m + 1, e - 1);
        inputs.push(decimal_string(&digits, power));
        let mut above = digits.clone();
        above.extend([0, 0, 0, 0, 0, 0, 1]);
        inputs.push(decimal_string(&above, power - 7));
        let mut below = digits.clone();
        let last = below.iter().rposition(|&d| d != 0).unwrap();
        below[last] -= 1;
        below[last + 1..].fill(9);
        below.extend([9; 7]);
        inputs.push(decimal_string(&below, power - 7));
    }
    assert!(assert_match_glibc(inputs) > 800);
}

#[test]
fn midpoints_with_digits_past_800_round_like_the_whole_string() {
    // Subnormal and small normal midpoints have 700 to 768 significant digits; padded past
    // 800 digits, only whether anything nonzero follows them can decide the rounding.
    let mut rng = Rng(14);
    let mut inputs = Vec::new();
    for i in 0..60 {
        let bits = match i % 2 {
            0 => rng.next() >> 12,                            // subnormal
            _ => rng.next() >> 12 | (1 + rng.below(4)) << 52, // the smallest normals
        };
        let (field, frac) = ((bits >> 52) as i32, bits & ((1 << 52) - 1));
        let (m, e) = if field == 0 {
            (frac, -1074)
        } else {
            (frac | 1 << 52, field - 1075)
        };
        let (digits, power) = exact_decimal(2 * m + 1, e - 1);
        let pad = 820 - digits.len().min(800);
        let mut tie = digits.clone();
        tie.extend(vec![0; pad]);
        inputs.push(decimal_string(&tie, power - pad as i32));
        let mut above = tie.clone();
        above.push(1);
        inputs.push(decimal_string(&above, power - pad as i32 - 1));
        let mut below = digits.clone();
        let last = below.iter().rposition(|&d| d != 0).unwrap();
        below[last] -= 1;
        below[last + 1..].fill(9);
        below.extend(vec![9; pad]);
        inputs.push(decimal_string(&below, power - pad as i32));
    }
    assert_eq!(assert_match_glibc(inputs), 180);
}

#[test]
fn the_edges_of_the_one_operation_path_are_correctly_rounded() {
    // One floating-point operation is exact when the digits are below 2^53 and the power
    // of ten is at most 10^22; just past either edge, the big-number path takes over.
    assert_reads_whole("9007199254740991e22", 9007199254740991.0 * 1e22); // both exact
    assert_reads_whole("9007199254740993e-22", 9007199254740993e-22);
    let inputs = [
        "9007199254740991e22",
        "9007199254740992e22",
        "9007199254740993e22",
        "9007199254740991e-22",
        "9007199254740993e-22",
        "1e22",
        "1e23",
        "1e-22",
        "1e-23",
        "8.5e-22",
        "12345678901234567890",
        "1234567890123456789e-3",
        "0.000000000000000000000000000001",
        "4.35e2",
        "0.1",
        "0.3",
    ];
    assert_eq!(assert_match_glibc(inputs.map(String::from)), inputs.len());
}

#[test]
fn seventeen_to_nineteen_digits_with_small_exponents_match_glibc() {
    // What "%.17g" writes for ordinary numbers: too many digits for one floating-point
    // operation, few enough for 128-bit arithmetic (and the edges of that path).
    let mut rng = Rng(15);
    let mut inputs = Vec::new();
    for _ in 0..20_000 {
        let n = 16 + rng.below(4) as usize;
        let mut digits = rng.digits(n, 10);
        if digits.starts_with('0') {
            digits.replace_range(..1, "1");
        }
        let e = rng.below(70) as i64 - 35;
        inputs.push(format!("{digits}e{e}"));
    }
    inputs.extend(
        [
            "18446744073709551615e27",
            "18446744073709551615e-27",
            "18446744073709551615e-28",
            "9999999999999999999e27",
            "1000000000000000001e-27",
            "0.30000000000000004",
            "9007199254740993",
            "9007199254740993e-27",
        ]
        .map(String::from),
    );
    assert_eq!(assert_match_glibc(inputs), 20_008);
}

#[test]
fn random_decimal_strings_match_glibc() {
    let mut rng = Rng(13);
    let mut inputs = Vec::new();
    for _ in 0..20_000 {
        let text = match rng.below(4) {
            // A double printed with 17 or more significant digits.
            0 => format!(
                "{:.*e}",
                16 + rng.below(10) as usize,
                f64::from_bits(rng.next() >> 1)
            ),
            // Random digits, a random point, a random exponent.
            1 => {
                let n = 1 + rng.below(30) as usize;
                let mut s = rng.digits(n, 10);
                s.insert(rng.below(n as u64 + 1) as usize, '.');
                format!("{s}e{}", rng.below(700) as i64 - 350)
            }
            // Near the ends of the range.
            2 => format!(
                "{}.{}e{}",
                1 + rng.below(9),
                rng.digits(20, 10),
                [-324, -323, -309, -308, 307, 308][rng.below(6) as usize]
            ),
            // Short and plain, as in Lua source code.
            _ => {
                let frac_len = 1 + rng.below(6) as usize;
                format!("{}.{}", rng.below(100_000), rng.digits(frac_len, 10))
            }
        };
        let sign = ["", "-", "+"][rng.below(3) as usize];
        let tail = ["", "x", "e", "e+", " 1", ".5"][rng.below(6) as usize];
        inputs.push(format!("{sign}{text}{tail}"));
    }
    assert_eq!(assert_match_glibc(inputs), 20_000);
}

// ---------------------------------------------------------------------------------------
// The C entry point

#[test]
fn c_entry_point_sets_end_after_the_number_and_accepts_a_null_end() {
    let s = c"  -0x1.8p1 rest";
    let mut end: *mut c_char = std::ptr::null_mut();
    // SAFETY: 's' is NUL-terminated and 'end' is a valid place for the end pointer.
    let v = unsafe { strtod(s.as_ptr(), &mut end) };
    assert_eq!(v, -3.0);
    assert_eq!(end as usize - s.as_ptr() as usize, 10);
    // SAFETY: as above; a NULL 'end' is allowed.
    assert_eq!(
        unsafe { strtod(c"12".as_ptr(), std::ptr::null_mut()) },
        12.0
    );
    let s = c"none";
    // SAFETY: as above.
    let v = unsafe { strtod(s.as_ptr(), &mut end) };
    assert_eq!(
        (v, end.cast_const()),
        (0.0, s.as_ptr()),
        "no number: 'end' is the start"
    );
}
