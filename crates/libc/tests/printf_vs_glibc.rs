//! The printf conversions of the guest's libc (`src/fmt.rs`) against glibc's `snprintf`.
//!
//! Each case is formatted twice: by glibc, through the `libc` crate, and by the Rust core
//! that `csrc/printf.c` calls in wasm. They must agree byte for byte, because Lua's
//! `string.format`, `tostring` and `%q` in lua.wasm must print what native Lua prints.
//! Tests that state a behaviour in words (`assert_formats`) also check that glibc does
//! print the expected text, so the expectation itself is verified.

mod support;

use support::Rng;

use std::ffi::{c_char, c_int, c_longlong, c_ulonglong, c_void, CString};
use std::fmt::Write as _;

use lua_wasm_libc::fmt::{
    format_char, format_double, format_pointer, format_signed, format_string, format_unsigned,
    lw_fmt_double, FmtSpec, Out,
};

/// One argument of a conversion, with the C type that glibc is given.
#[derive(Clone, Copy, Debug)]
enum Arg<'a> {
    Double(f64),
    Int(i64),
    Uint(u64),
    Str(&'a [u8]),
    Char(u8),
    Ptr(usize),
}

/// Reads one conversion "%-+08.3lle" into a spec (length modifiers are skipped: they only
/// matter to `va_arg`, which printf.c does), and returns the plain text after it ("|").
fn parse_spec(fmt: &str) -> (FmtSpec, &str) {
    let b = fmt.as_bytes();
    assert_eq!(b[0], b'%', "a conversion starts with '%': {fmt}");
    let mut i = 1;
    let mut spec = FmtSpec::new(0);
    while let Some(flag) = match b[i] {
        b'-' => Some(FmtSpec::MINUS),
        b'+' => Some(FmtSpec::PLUS),
        b' ' => Some(FmtSpec::SPACE),
        b'#' => Some(FmtSpec::HASH),
        b'0' => Some(FmtSpec::ZERO),
        _ => None,
    } {
        spec.flags |= flag;
        i += 1;
    }
    let number = |i: &mut usize| {
        let start = *i;
        while b[*i].is_ascii_digit() {
            *i += 1;
        }
        fmt[start..*i].parse::<c_int>().unwrap_or(0)
    };
    if b[i].is_ascii_digit() {
        spec.width = number(&mut i);
    }
    if b[i] == b'.' {
        i += 1;
        spec.precision = number(&mut i);
    }
    while b"hljztL".contains(&b[i]) {
        i += 1;
    }
    spec.conv = c_int::from(b[i]);
    let rest = &fmt[i + 1..];
    assert!(!rest.contains('%'), "one conversion only: {fmt}");
    (spec, rest)
}

/// What glibc's `snprintf(fmt, arg)` prints.
fn glibc(fmt: &str, arg: Arg) -> Vec<u8> {
    let f = CString::new(fmt).unwrap();
    let s = match arg {
        Arg::Str(s) => CString::new(s).unwrap(),
        _ => CString::default(),
    };
    let call = |buf: *mut c_char, n: usize| -> c_int {
        // SAFETY: 'buf' is valid for 'n' bytes (or NULL with n 0), the format is
        // NUL-terminated, and each argument has the C type its conversion reads.
        unsafe {
            match arg {
                Arg::Double(v) => libc::snprintf(buf, n, f.as_ptr(), v),
                Arg::Int(v) => libc::snprintf(buf, n, f.as_ptr(), v as c_longlong),
                Arg::Uint(v) => libc::snprintf(buf, n, f.as_ptr(), v as c_ulonglong),
                Arg::Str(_) => libc::snprintf(buf, n, f.as_ptr(), s.as_ptr()),
                Arg::Char(c) => libc::snprintf(buf, n, f.as_ptr(), c_int::from(c)),
                Arg::Ptr(p) => libc::snprintf(buf, n, f.as_ptr(), p as *const c_void),
            }
        }
    };
    let n = usize::try_from(call(std::ptr::null_mut(), 0)).expect("glibc rejected the format");
    let mut buf = vec![0u8; n + 1];
    call(buf.as_mut_ptr().cast(), buf.len());
    buf.truncate(n);
    buf
}

/// What the guest's formatter prints for `fmt` and `arg`. The length is measured first
/// with an empty buffer, so this also checks that the count does not depend on the room.
fn ours(fmt: &str, arg: Arg) -> Vec<u8> {
    let (spec, rest) = parse_spec(fmt);
    let run = |out: &mut Out| match arg {
        Arg::Double(v) => format_double(&spec, v, out),
        Arg::Int(v) => format_signed(&spec, v, out),
        Arg::Uint(v) => format_unsigned(&spec, v, out),
        Arg::Str(s) => format_string(&spec, s, out),
        Arg::Char(c) => format_char(&spec, c, out),
        Arg::Ptr(p) => format_pointer(&spec, p, out),
    };
    let mut probe = Out::new(&mut []);
    run(&mut probe);
    let mut buf = vec![0u8; probe.len()];
    let mut out = Out::new(&mut buf);
    run(&mut out);
    assert_eq!(
        out.len(),
        probe.len(),
        "{fmt} {arg:?}: the length depends on the room"
    );
    buf.extend_from_slice(rest.as_bytes());
    buf
}

/// Asserts that glibc prints `expected`, and so do we.
#[track_caller]
fn assert_formats(fmt: &str, arg: Arg, expected: &str) {
    let g = glibc(fmt, arg);
    assert_eq!(
        String::from_utf8_lossy(&g),
        expected,
        "glibc's {fmt} of {arg:?}"
    );
    let o = ours(fmt, arg);
    assert_eq!(
        String::from_utf8_lossy(&o),
        expected,
        "our {fmt} of {arg:?}"
    );
}

/// Formats every case with glibc and with ours, and fails listing the first differences.
/// Returns the number of cases, which callers check so that a sweep cannot silently shrink.
#[track_caller]
fn assert_match_glibc<'a>(cases: impl IntoIterator<Item = (String, Arg<'a>)>) -> usize {
    let (mut total, mut failed, mut report) = (0, 0, String::new());
    for (fmt, arg) in cases {
        total += 1;
        let (g, o) = (glibc(&fmt, arg), ours(&fmt, arg));
        if g != o {
            failed += 1;
            if failed <= 20 {
                let _ = writeln!(
                    report,
                    "{fmt:?} of {arg:?}\n    glibc: {:?}\n    ours:  {:?}",
                    String::from_utf8_lossy(&g),
                    String::from_utf8_lossy(&o)
                );
            }
        }
    }
    assert!(
        failed == 0,
        "{failed} of {total} cases differ from glibc:\n{report}"
    );
    total
}

/// All subsets of the flags in `set`, each in the order of `set`.
fn flag_sets(set: &str) -> Vec<String> {
    let chars: Vec<char> = set.chars().collect();
    (0..1u32 << chars.len())
        .map(|mask| {
            chars
                .iter()
                .enumerate()
                .filter(|(i, _)| mask >> i & 1 != 0)
                .map(|(_, c)| c)
                .collect()
        })
        .collect()
}

/// Every format "%{flags}{width}{.precision}{len}{conv}" of the given parts ("" = absent).
fn formats(
    flags: &str,
    widths: &[&str],
    precisions: &[&str],
    len: &str,
    convs: &str,
) -> Vec<String> {
    let mut out = Vec::new();
    for f in flag_sets(flags) {
        for w in widths {
            for p in precisions {
                for c in convs.chars() {
                    let dot = if p.is_empty() { "" } else { "." };
                    out.push(format!("%{f}{w}{dot}{p}{len}{c}"));
                }
            }
        }
    }
    out
}

/// Doubles that exercise the layout: zeros, integers, fractions, ties, extremes, specials.
const SAMPLE_DOUBLES: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    1.5,
    2.5,
    -2.5,
    0.1,
    123.456,
    -0.000123,
    1e-5,
    9.9999995,
    99999.5,
    1e15,
    1e100,
    -1e-100,
    5e-324,
    2.2250738585072014e-308,
    1.7976931348623157e308,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
];

// ---------------------------------------------------------------------------------------
// Decimal floating point: %e %f %g

#[test]
fn fixed_prints_the_exact_binary_value() {
    assert_formats(
        "%.60f",
        Arg::Double(0.1),
        "0.100000000000000005551115123125782702118158340454101562500000",
    );
    assert_formats("%.20f", Arg::Double(1.0 / 3.0), "0.33333333333333331483");
    assert_formats("%.0f", Arg::Double(1e23), "99999999999999991611392");
}

#[test]
fn rounding_is_half_to_even_on_the_exact_value() {
    assert_formats("%.0f", Arg::Double(0.5), "0");
    assert_formats("%.0f", Arg::Double(1.5), "2");
    assert_formats("%.0f", Arg::Double(2.5), "2");
    assert_formats("%.0f", Arg::Double(-3.5), "-4");
    assert_formats("%.1f", Arg::Double(0.25), "0.2");
    assert_formats("%.2e", Arg::Double(1.125), "1.12e+00");
    assert_formats("%.0e", Arg::Double(2.5), "2e+00");
    // 0.35 is below 0.35 in binary, so it is not a tie and rounds down.
    assert_formats("%.1f", Arg::Double(0.35), "0.3");
}

#[test]
fn fixed_prints_every_integer_digit_of_huge_values() {
    let max = glibc("%f", Arg::Double(f64::MAX));
    assert_eq!(
        max.len(),
        309 + 7,
        "309 integer digits, the point and 6 zeros"
    );
    assert_match_glibc([
        ("%f".to_string(), Arg::Double(1e308)),
        ("%.3f".to_string(), Arg::Double(-f64::MAX)),
        ("%400.2f".to_string(), Arg::Double(1e300)),
    ]);
}

#[test]
fn large_precisions_continue_the_exact_expansion_with_zeros() {
    let tiny = 5e-324;
    let cases = [
        ("%.99f", 0.1),
        ("%99.30e", 0.1),
        ("%.1074f", tiny), // the complete expansion of 2^-1074
        ("%.1100f", tiny),
        ("%.2000f", 1.0 / 3.0),
        ("%.766e", 2.225073858507201e-308), // a value with 767 significant digits
        ("%.800e", tiny),
        ("%.1500e", -1.0 / 3.0),
        ("%.1000g", 0.1), // trailing zeros stripped
        ("%#.1000g", 0.1),
        ("%#.1000g", 1e300),
        ("%.500g", 1e-300),
    ];
    assert_match_glibc(cases.map(|(f, v)| (f.to_string(), Arg::Double(v))));
}

#[test]
fn exponent_has_a_sign_and_at_least_two_digits() {
    assert_formats("%e", Arg::Double(1.0), "1.000000e+00");
    assert_formats("%E", Arg::Double(1e-7), "1.000000E-07");
    assert_formats("%e", Arg::Double(1e100), "1.000000e+100");
    assert_formats("%e", Arg::Double(5e-324), "4.940656e-324");
    assert_formats("%.3e", Arg::Double(9.9996), "1.000e+01");
}

#[test]
fn g_uses_e_style_when_the_exponent_is_below_minus_4_or_not_below_the_precision() {
    assert_formats("%g", Arg::Double(0.0001), "0.0001");
    assert_formats("%g", Arg::Double(0.00001), "1e-05");
    assert_formats("%g", Arg::Double(123456.0), "123456");
    assert_formats("%g", Arg::Double(1234567.0), "1.23457e+06");
    assert_formats("%.3g", Arg::Double(1000.0), "1e+03");
    assert_formats("%.3g", Arg::Double(999.6), "1e+03"); // the exponent after rounding counts
    assert_formats("%.0g", Arg::Double(15.0), "2e+01"); // precision 0 means 1
    assert_formats("%G", Arg::Double(1e-10), "1E-10");
}

#[test]
fn g_removes_trailing_zeros_and_a_bare_point() {
    assert_formats("%g", Arg::Double(0.0), "0");
    assert_formats("%g", Arg::Double(100.0), "100");
    assert_formats("%g", Arg::Double(1.5), "1.5");
    assert_formats("%.14g", Arg::Double(0.1), "0.1");
    assert_formats("%.14g", Arg::Double(0.1 + 0.2), "0.3");
    assert_formats("%.17g", Arg::Double(0.1 + 0.2), "0.30000000000000004");
    assert_formats("%g", Arg::Double(2e-5), "2e-05");
}

#[test]
fn hash_keeps_the_point_and_the_trailing_zeros_of_g() {
    assert_formats("%#.0f", Arg::Double(1.0), "1.");
    assert_formats("%#.0e", Arg::Double(1.0), "1.e+00");
    assert_formats("%#g", Arg::Double(1.0), "1.00000");
    assert_formats("%#.3g", Arg::Double(0.0001), "0.000100");
    assert_formats("%#.0g", Arg::Double(1.0), "1.");
    assert_formats("%#g", Arg::Double(1e-10), "1.00000e-10");
}

/// glibc picks the `%g` style from the exponent before rounding. When that exponent is
/// P - 1 (`%f` style, no digit after the point) and rounding carries up to 10^P, it prints
/// `%e` style but still with no digit after the point, which only shows with '#'.
#[test]
fn g_with_hash_keeps_no_fraction_digit_when_rounding_carries_to_ten_to_the_precision() {
    assert_formats("%#.2g", Arg::Double(99.6), "1.e+02"); // not "1.0e+02"
    assert_formats("%#.3g", Arg::Double(999.6), "1.e+03");
    assert_formats("%#g", Arg::Double(999999.6), "1.e+06");
    assert_formats("%#.2g", Arg::Double(999.6), "1.0e+03"); // e style before rounding: usual
    assert_formats("%#.2g", Arg::Double(9.96), "10."); // a carry that stays within P digits
    assert_formats("%.2g", Arg::Double(99.6), "1e+02"); // without '#' there is no difference

    let mut rng = Rng(3);
    let mut cases = Vec::new();
    for k in 1..=16 {
        let ten_k = 10f64.powi(k);
        for _ in 0..50 {
            let v = ten_k - (rng.below(1000) as f64 + 0.5) / 1000.0; // within 1 of 10^k
            for p in [k - 1, k, k + 1] {
                cases.push((format!("%#.{p}g"), Arg::Double(v)));
                cases.push((format!("%#.{p}G"), Arg::Double(-v)));
            }
        }
    }
    assert_eq!(assert_match_glibc(cases), 16 * 50 * 6);
}

#[test]
fn zero_flag_pads_after_the_sign_but_not_with_minus_nor_for_inf_and_nan() {
    assert_formats("%08.2f", Arg::Double(-1.5), "-0001.50");
    assert_formats("%-08.2f", Arg::Double(-1.5), "-1.50   ");
    assert_formats("%+012e", Arg::Double(1.5), "+1.500000e+00");
    assert_formats("%+014e", Arg::Double(1.5), "+01.500000e+00");
    assert_formats("%08f", Arg::Double(f64::INFINITY), "     inf");
    assert_formats("%08f", Arg::Double(f64::NAN), "     nan");
}

#[test]
fn nan_and_infinity_follow_the_sign_bit_and_the_case_of_the_conversion() {
    assert_formats("%f", Arg::Double(f64::NAN), "nan");
    assert_formats("%f", Arg::Double(-f64::NAN), "-nan");
    assert_formats("%e", Arg::Double(f64::NEG_INFINITY), "-inf");
    assert_formats("%F", Arg::Double(f64::INFINITY), "INF");
    assert_formats("%G", Arg::Double(-f64::NAN), "-NAN");
    assert_formats("%+g", Arg::Double(f64::NAN), "+nan");
    assert_formats("% a", Arg::Double(f64::INFINITY), " inf");
    assert_formats("%-6e|", Arg::Double(f64::INFINITY), "inf   |");
}

#[test]
fn negative_zero_keeps_its_sign() {
    assert_formats("%f", Arg::Double(-0.0), "-0.000000");
    assert_formats("%g", Arg::Double(-0.0), "-0");
    assert_formats("%e", Arg::Double(-0.0), "-0.000000e+00");
    assert_formats("%a", Arg::Double(-0.0), "-0x0p+0");
    assert_formats("%.2f", Arg::Double(-0.001), "-0.00"); // rounded to zero: still negative
}

#[test]
fn every_flag_combination_of_every_float_conversion_matches_glibc() {
    let fmts = formats(
        "-+ #0",
        &["", "1", "12", "30"],
        &["", "0", "1", "3", "6", "13", "17", "25"],
        "",
        "eEfFgGaA",
    );
    let cases = fmts
        .iter()
        .flat_map(|f| SAMPLE_DOUBLES.iter().map(|&v| (f.clone(), Arg::Double(v))));
    assert_eq!(
        assert_match_glibc(cases),
        32 * 4 * 8 * 8 * SAMPLE_DOUBLES.len()
    );
}

// ---------------------------------------------------------------------------------------
// Hexadecimal floating point: %a

#[test]
fn hex_float_prints_the_implicit_bit_before_the_point() {
    assert_formats("%a", Arg::Double(3.0), "0x1.8p+1");
    assert_formats("%a", Arg::Double(1.0), "0x1p+0");
    assert_formats("%a", Arg::Double(0.0), "0x0p+0");
    assert_formats("%a", Arg::Double(0.1), "0x1.999999999999ap-4");
    assert_formats("%a", Arg::Double(-f64::MAX), "-0x1.fffffffffffffp+1023");
    assert_formats("%A", Arg::Double(-0.1), "-0X1.999999999999AP-4");
}

#[test]
fn hex_float_prints_subnormals_with_a_leading_zero_and_exponent_minus_1022() {
    assert_formats("%a", Arg::Double(5e-324), "0x0.0000000000001p-1022");
    assert_formats(
        "%a",
        Arg::Double(2.225073858507201e-308),
        "0x0.fffffffffffffp-1022",
    );
    assert_formats("%a", Arg::Double(f64::from_bits(1 << 51)), "0x0.8p-1022");
    assert_formats("%.3a", Arg::Double(5e-324), "0x0.000p-1022");
}

#[test]
fn hex_float_precision_rounds_half_to_even_and_carries_into_the_leading_digit() {
    assert_formats("%.0a", Arg::Double(1.5), "0x2p+0"); // tie, leading 1 is odd: up
    assert_formats("%.0a", Arg::Double(1.25), "0x1p+0");
    assert_formats("%.1a", Arg::Double(1.0 + 0x18 as f64 / 256.0), "0x1.2p+0"); // 0x1.18: up to even
    assert_formats("%.1a", Arg::Double(1.0 + 0x28 as f64 / 256.0), "0x1.2p+0"); // 0x1.28: down to even
    assert_formats("%.1a", Arg::Double(1.0 + 0xf8 as f64 / 256.0), "0x2.0p+0"); // carry: "2"
    assert_formats("%.0a", Arg::Double(f64::from_bits(1 << 51)), "0x0p-1022"); // tie, 0 is even
    assert_formats("%.0a", Arg::Double(2.225073858507201e-308), "0x1p-1022");
    assert_formats("%.15a", Arg::Double(1.0), "0x1.000000000000000p+0");
}

#[test]
fn hex_float_hash_keeps_the_point_and_zero_pads_after_0x() {
    assert_formats("%#a", Arg::Double(1.0), "0x1.p+0");
    assert_formats("%#.0a", Arg::Double(1.0), "0x1.p+0");
    assert_formats("%020a", Arg::Double(-1.5), "-0x000000000001.8p+0");
    assert_formats("%-12a|", Arg::Double(1.5), "0x1.8p+0    |");
}

// ---------------------------------------------------------------------------------------
// Random doubles

/// A random double: any bit pattern, a subnormal, or a value of moderate size.
fn random_double(rng: &mut Rng) -> f64 {
    let bits = rng.next();
    match rng.below(4) {
        0 | 1 => f64::from_bits(bits),
        2 => f64::from_bits(bits & 0x800f_ffff_ffff_ffff), // exponent field 0: subnormal
        _ => f64::from_bits(bits & 0x800f_ffff_ffff_ffff | (1023 - 30 + rng.below(60)) << 52),
    }
}

#[test]
fn random_bit_patterns_match_glibc() {
    let fmts = [
        "%.14g", "%.17g", "%a", "%A", "%.0a", "%.5a", "%#.12a", "%e", "%.0e", "%.3e", "%.25E",
        "%f", "%.0f", "%.30f", "%g", "%#g", "%.1g", "%.20g", "%+-12.4g", "%012.3e",
    ];
    let mut rng = Rng(1);
    let values: Vec<f64> = (0..5000).map(|_| random_double(&mut rng)).collect();
    let cases = values
        .iter()
        .flat_map(|&v| fmts.iter().map(move |f| (f.to_string(), Arg::Double(v))));
    assert_eq!(assert_match_glibc(cases), 5000 * fmts.len());
}

#[test]
fn random_decimal_values_and_ties_match_glibc() {
    // "Nice" decimals (k / 10^j, k × 10^j) and exact binary ties (k + 1/2^j), which probe
    // the rounding of every style at the precisions where it happens.
    let mut rng = Rng(2);
    let mut values = Vec::new();
    for _ in 0..4000 {
        let k = rng.below(2_000_000) as f64 - 1_000_000.0;
        let j = rng.below(12) as i32;
        values.push(k / 10f64.powi(j));
        values.push(k * 10f64.powi(j));
        values.push(k + 1.0 / f64::from(1u32 << rng.below(8)));
    }
    let fmts = [
        "%.0f", "%.1f", "%.2f", "%.3f", "%.0e", "%.2e", "%.5e", "%.14g", "%g", "%.1g", "%.3g",
        "%#.2g",
    ];
    let cases = values
        .iter()
        .flat_map(|&v| fmts.iter().map(move |f| (f.to_string(), Arg::Double(v))));
    assert_eq!(assert_match_glibc(cases), 12_000 * fmts.len());
}

#[test]
fn hard_values_match_glibc_at_every_precision_up_to_40() {
    // The ends of the range, the edges of the integer shortcut (2^64), exact ties at the
    // first digits, values just below a power of ten whose rounding carries, and values
    // with the longest expansions (2^-1074 and the largest subnormal: 767 digits).
    let values = [
        f64::MAX,
        f64::MIN_POSITIVE,
        5e-324,
        2.225073858507201e-308,
        2f64.powi(63),
        2f64.powi(64),
        2f64.powi(64) - 2048.0,
        2f64.powi(64) + 4096.0,
        18446744073709549568.0, // the double below 2^64, an integer of 20 digits
        1e22,
        1e23,
        0.5,
        9.5,
        0.95,
        99.5,
        999999.5,
        0.000095,
        f64::from_bits(1e23f64.to_bits() - 1), // the double below 1e23's
        0.1,
        1.0 / 3.0,
        -0.0,
        7.0,
    ];
    let fmts: Vec<String> = (0..=40)
        .flat_map(|p| {
            ["e", "f", "g", "#g", "#.0e"].map(|c| match c {
                "#.0e" => "%#.0e".to_string(),
                _ if c.starts_with('#') => format!("%#.{p}g"),
                _ => format!("%.{p}{c}"),
            })
        })
        .collect();
    let cases = values
        .iter()
        .flat_map(|&v| fmts.iter().map(move |f| (f.clone(), Arg::Double(v))));
    assert_eq!(assert_match_glibc(cases), values.len() * 41 * 5);
}

#[test]
fn random_doubles_at_random_precisions_up_to_1100_match_glibc() {
    // Long precisions reach into and past the end of the exact expansion, where every
    // digit must be the exact one and the rest zeros.
    let mut rng = Rng(3);
    let mut cases = Vec::new();
    for _ in 0..3000 {
        let v = random_double(&mut rng);
        let p = match rng.below(3) {
            0 => rng.below(20),
            1 => rng.below(400),
            _ => rng.below(1100),
        };
        let conv = ["e", "f", "g", "E", "G"][rng.below(5) as usize];
        let flags = ["", "#", "+", "-", "#-"][rng.below(5) as usize];
        cases.push((format!("%{flags}.{p}{conv}"), Arg::Double(v)));
    }
    assert_eq!(assert_match_glibc(cases), 3000);
}

#[test]
fn exact_ties_at_the_requested_digit_round_to_even() {
    // k / 2^j is exact with j digits after the point, so at precision j - 1 its last
    // digit, a 5, is a tie: half to even decides, in every style.
    let mut rng = Rng(4);
    let mut cases = Vec::new();
    for _ in 0..2000 {
        let j = 1 + rng.below(60) as i32;
        let k = (rng.next() >> 11) | 1; // odd, so that the expansion has exactly j digits
        let v = k as f64 / 2f64.powi(j);
        if (k as f64) as u64 != k {
            continue; // k above 2^53 was rounded; any value is fine, but not a tie
        }
        let p = j - 1;
        cases.push((format!("%.{p}f"), Arg::Double(v)));
        cases.push((format!("%.{p}f"), Arg::Double(2f64.powi(-j))));
        let digits = format!("{:.0}", v).len() as i32 + p; // significant digits to the tie
        cases.push((format!("%.{}e", digits - 2), Arg::Double(v)));
        cases.push((format!("%.{}g", digits - 1), Arg::Double(v)));
    }
    assert!(assert_match_glibc(cases) > 6000);
}

// ---------------------------------------------------------------------------------------
// What Lua asks for

#[test]
fn lua_tostring_and_q_formats_match_glibc() {
    // tostring of a float is "%.14g" (LUAI_NUMFFORMAT); %q of a float is "%a".
    let values = [
        1e15,
        1e16,
        2f64.powi(53),
        2f64.powi(63),
        -1.0 / 3.0,
        0.1,
        1e100,
        1e-310,
        std::f64::consts::PI,
        100.0,
        -0.0,
        1e-5,
        123456789012345.6,
    ];
    let cases = values
        .iter()
        .flat_map(|&v| ["%.14g", "%a"].map(|f| (f.to_string(), Arg::Double(v))));
    assert_match_glibc(cases);
    assert_formats("%.14g", Arg::Double(2f64.powi(63)), "9.2233720368548e+18");
    assert_formats("%lld", Arg::Int(i64::MIN), "-9223372036854775808");
}

#[test]
fn lua_string_format_specs_match_glibc() {
    // string.format lets through the flags of L_FMTFLAGS* and at most two digits of width
    // and of precision; these are all such specs, for every conversion it passes to C.
    let widths = ["", "1", "5", "10", "99"];
    let precs = ["", "0", "1", "5", "99"];
    let mut cases = Vec::new();
    for f in formats("-+ #0", &widths, &precs, "", "aAeEfFgG") {
        for v in [0.0, -1.5, 0.1, 1e300, 5e-324, f64::INFINITY, -f64::NAN] {
            cases.push((f.clone(), Arg::Double(v)));
        }
    }
    for f in formats("-+0 ", &widths, &precs, "ll", "di") {
        for v in [0, 7, -7, i64::MIN, i64::MAX] {
            cases.push((f.clone(), Arg::Int(v)));
        }
    }
    for (flags, convs) in [("-0", "u"), ("-#0", "oxX")] {
        for f in formats(flags, &widths, &precs, "ll", convs) {
            for v in [0, 7, u64::MAX] {
                cases.push((f.clone(), Arg::Uint(v)));
            }
        }
    }
    for f in formats("-", &widths, &[""], "", "c") {
        cases.push((f, Arg::Char(b'x')));
    }
    for f in formats("-", &widths, &precs, "", "s") {
        cases.push((f, Arg::Str(b"hello, world")));
    }
    for f in formats("-", &widths, &[""], "", "p") {
        cases.push((f.clone(), Arg::Ptr(0)));
        cases.push((f, Arg::Ptr(0x5555_1234_abcd)));
    }
    assert!(assert_match_glibc(cases) > 10_000);
}

// ---------------------------------------------------------------------------------------
// Integers: %d %i %u %o %x %X

#[test]
fn signed_conversions_cover_the_full_i64_range() {
    assert_formats("%lld", Arg::Int(i64::MIN), "-9223372036854775808");
    assert_formats("%lld", Arg::Int(i64::MAX), "9223372036854775807");
    assert_formats("%+lli", Arg::Int(0), "+0");
    assert_formats("% lld", Arg::Int(42), " 42");
    assert_formats("%+ lld", Arg::Int(42), "+42"); // '+' wins over ' '
}

#[test]
fn unsigned_conversions_cover_the_full_u64_range() {
    assert_formats("%llu", Arg::Uint(u64::MAX), "18446744073709551615");
    assert_formats("%llo", Arg::Uint(u64::MAX), "1777777777777777777777");
    assert_formats("%llx", Arg::Uint(u64::MAX), "ffffffffffffffff");
    assert_formats("%llX", Arg::Uint(0xabc), "ABC");
}

#[test]
fn precision_zero_prints_no_digits_for_zero() {
    assert_formats("%.0lld", Arg::Int(0), "");
    assert_formats("%5.0lld", Arg::Int(0), "     ");
    assert_formats("%+.0lld", Arg::Int(0), "+");
    assert_formats("%.0llx", Arg::Uint(0), "");
    assert_formats("%.0lld", Arg::Int(1), "1");
}

#[test]
fn hash_gives_octal_a_leading_zero_and_nonzero_hex_a_0x() {
    assert_formats("%#llo", Arg::Uint(8), "010");
    assert_formats("%#llo", Arg::Uint(0), "0");
    assert_formats("%#.0llo", Arg::Uint(0), "0");
    assert_formats("%#5.3llo", Arg::Uint(8), "  010"); // the precision already gives the 0
    assert_formats("%#llx", Arg::Uint(255), "0xff");
    assert_formats("%#llX", Arg::Uint(255), "0XFF");
    assert_formats("%#llx", Arg::Uint(0), "0");
    assert_formats("%#08llx", Arg::Uint(255), "0x0000ff");
}

#[test]
fn zero_flag_is_ignored_with_a_precision_or_with_minus() {
    assert_formats("%08.3lld", Arg::Int(7), "     007");
    assert_formats("%-08lld|", Arg::Int(-7), "-7      |");
    assert_formats("%08lld", Arg::Int(-7), "-0000007");
}

#[test]
fn plus_and_space_do_not_apply_to_unsigned_conversions() {
    assert_formats("%+llu", Arg::Uint(5), "5");
    assert_formats("% llx", Arg::Uint(5), "5");
}

#[test]
fn every_flag_combination_of_every_integer_conversion_matches_glibc() {
    let widths = ["", "1", "8", "25"];
    let precs = ["", "0", "1", "5", "24"];
    let ints = [0, 1, -1, 42, -42, 255, i64::MIN, i64::MAX];
    let uints = [0, 1, 8, 255, 1 << 63, u64::MAX];
    let mut cases = Vec::new();
    for f in formats("-+ #0", &widths, &precs, "ll", "di") {
        cases.extend(ints.map(|v| (f.clone(), Arg::Int(v))));
    }
    for f in formats("-+ #0", &widths, &precs, "ll", "uoxX") {
        cases.extend(uints.map(|v| (f.clone(), Arg::Uint(v))));
    }
    let n = 32 * widths.len() * precs.len();
    assert_eq!(
        assert_match_glibc(cases),
        n * 2 * ints.len() + n * 4 * uints.len()
    );
}

// ---------------------------------------------------------------------------------------
// %s %c %p

#[test]
fn string_precision_cuts_and_width_pads_with_spaces() {
    assert_formats("%.3s", Arg::Str(b"abcdef"), "abc");
    assert_formats("%5.2s", Arg::Str(b"abc"), "   ab");
    assert_formats("%-5s|", Arg::Str(b"ab"), "ab   |");
    assert_formats("%.0s", Arg::Str(b"abc"), "");
    assert_formats("%05s", Arg::Str(b"ab"), "   ab"); // no zero padding for strings
}

#[test]
fn char_writes_any_byte_and_ignores_the_precision() {
    assert_formats("%c", Arg::Char(b'a'), "a");
    assert_formats("%-3c|", Arg::Char(b'a'), "a  |");
    assert_formats("%.0c", Arg::Char(b'a'), "a");
    assert_formats("%05c", Arg::Char(b'a'), "    a");
    assert_eq!(glibc("%c", Arg::Char(0)), [0], "glibc writes a NUL byte");
    assert_eq!(ours("%c", Arg::Char(0)), [0]);
    assert_eq!(ours("%3c", Arg::Char(0xff)), b"  \xff");
}

#[test]
fn pointer_is_0x_hex_or_nil_for_null() {
    assert_formats("%p", Arg::Ptr(0x1234), "0x1234");
    assert_formats("%p", Arg::Ptr(0), "(nil)");
    assert_formats("%8p", Arg::Ptr(0), "   (nil)");
    assert_formats("%.2p", Arg::Ptr(0), "(nil)"); // the precision never cuts "(nil)"
    assert_formats("%-8p|", Arg::Ptr(0x12), "0x12    |");
    assert_formats("%+p", Arg::Ptr(0x12), "+0x12"); // glibc honours '+' and ' ' for %p
    assert_formats("%010p", Arg::Ptr(0x12), "0x00000012");
    assert_formats("%.6p", Arg::Ptr(0x12), "0x000012");
}

#[test]
fn every_flag_combination_of_strings_chars_and_pointers_matches_glibc() {
    let widths = ["", "1", "7", "20"];
    let precs = ["", "0", "2", "10"];
    let mut cases = Vec::new();
    for f in formats("-+ #0", &widths, &precs, "", "s") {
        cases.push((f.clone(), Arg::Str(b"text")));
        cases.push((f, Arg::Str(b"")));
    }
    for f in formats("-+ #0", &widths, &precs, "", "p") {
        cases.push((f.clone(), Arg::Ptr(0)));
        cases.push((f, Arg::Ptr(0xdead_beef)));
    }
    for f in formats("-+ #0", &widths, &precs, "", "c") {
        cases.push((f, Arg::Char(b'z')));
    }
    assert_eq!(assert_match_glibc(cases), 32 * 16 * 5);
}

// ---------------------------------------------------------------------------------------
// The output buffer and the C entry points

#[test]
fn output_keeps_what_fits_and_counts_everything() {
    let mut buf = [0u8; 3];
    let mut out = Out::new(&mut buf);
    format_double(&FmtSpec::new(b'f'), 1.5, &mut out);
    assert_eq!(out.len(), "1.500000".len());
    assert_eq!(out.kept(), b"1.5");

    let spec = FmtSpec {
        width: 1_000_000,
        ..FmtSpec::new(b's')
    };
    let mut out = Out::new(&mut buf);
    format_string(&spec, b"x", &mut out);
    assert_eq!(out.len(), 1_000_000);
    assert_eq!(out.kept(), b"   ");
}

#[test]
fn c_entry_point_writes_at_most_cap_bytes_and_returns_the_full_length() {
    let spec = FmtSpec {
        precision: 3,
        ..FmtSpec::new(b'e')
    };
    let mut buf = [b'#'; 8];
    // SAFETY: 'buf' has room for the 4 bytes allowed, and 'spec' is a valid spec.
    let n = unsafe { lw_fmt_double(buf.as_mut_ptr().cast(), 4, &spec, 1234.5) };
    assert_eq!(n, "1.234e+03".len());
    assert_eq!(&buf, b"1.23####");
    // SAFETY: with a capacity of 0 the output pointer may be NULL and is not used.
    let n = unsafe { lw_fmt_double(std::ptr::null_mut(), 0, &spec, 1234.5) };
    assert_eq!(n, 9);
}
