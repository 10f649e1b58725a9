//! `exponential::shortest` against Rust's `format!("{:e}")`, and `exponential::parse`
//! against `str::parse::<f64>`.
//!
//! Float keys of external tables (`lua-wasm-abi`'s `key.rs`) were spelled with `{:e}` and
//! read with `str::parse` before this crate existed, and they are persisted in stores that
//! other hosts read, so `shortest` must write the same bytes as `{:e}` for every double and
//! `parse` must read them as the same double. Each case checks both.

use std::fmt::Write as _;
use std::num::NonZeroUsize;
use std::thread;

use lua_wasm_decimal::exponential::{parse, shortest};

/// SplitMix64: a small seeded generator, so that the random cases are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// What is wrong with our spelling of 'x' or our reading of it, if anything.
fn disagreement(x: f64) -> Option<String> {
    let rust = format!("{x:e}");
    let ours = shortest(x);
    if ours.as_str() != rust {
        return Some(format!(
            "{x:?} ({:#018x}): ours {:?}, Rust's {rust:?}",
            x.to_bits(),
            ours.as_str()
        ));
    }
    match parse(&rust) {
        Some(back) if back.to_bits() == x.to_bits() || (x.is_nan() && back.is_nan()) => None,
        // Rust spells NaN "NaN", which is not exponential notation.
        None if x.is_nan() => None,
        back => Some(format!("{rust:?} reads back as {back:?}")),
    }
}

/// Asserts that every value is spelled as Rust spells it and read back as itself, listing
/// the first differences. Returns the number of values.
#[track_caller]
fn assert_spelled_as_rust(values: impl IntoIterator<Item = f64>) -> usize {
    let (mut total, mut failed, mut report) = (0, 0, String::new());
    for x in values {
        total += 1;
        if let Some(problem) = disagreement(x) {
            failed += 1;
            if failed <= 20 {
                let _ = writeln!(report, "{problem}");
            }
        }
    }
    assert!(
        failed == 0,
        "{failed} of {total} values differ from Rust:\n{report}"
    );
    total
}

/// Checks 'count' random doubles drawn by 'draw', spread over the available threads, each
/// with its own seed.
fn assert_random_spelled_as_rust(count: usize, draw: fn(&mut Rng) -> f64) {
    let threads = thread::available_parallelism().map_or(1, NonZeroUsize::get);
    thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    let mut rng = Rng(t as u64 + 1);
                    assert_spelled_as_rust((0..count / threads).map(|_| draw(&mut rng)))
                })
            })
            .collect();
        for worker in workers {
            if let Err(panic) = worker.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
}

fn neighbours(x: f64, reach: i64) -> impl Iterator<Item = f64> {
    (-reach..=reach).map(move |d| f64::from_bits(x.to_bits().wrapping_add_signed(d)))
}

#[test]
fn few_digit_values_keep_their_few_digits() {
    for (x, text) in [
        (0.1, "1e-1"),
        (1.5, "1.5e0"),
        (1e-7, "1e-7"),
        (-2.5e-7, "-2.5e-7"),
        (1e300, "1e300"),
        (100.0, "1e2"),
        (123.456, "1.23456e2"),
        (0.3, "3e-1"),
        (1.0 / 3.0, "3.333333333333333e-1"),
    ] {
        assert_eq!(shortest(x).as_str(), text);
        assert_eq!(parse(text), Some(x));
    }
    assert_spelled_as_rust([
        0.1,
        1.5,
        1e-7,
        -2.5e-7,
        1e300,
        100.0,
        123.456,
        0.3,
        1.0 / 3.0,
    ]);
}

#[test]
fn values_that_need_seventeen_digits_get_them() {
    assert_eq!(shortest(0.1 + 0.2).as_str(), "3.0000000000000004e-1");
    assert_eq!(shortest(f64::MAX).as_str(), "1.7976931348623157e308");
    assert_spelled_as_rust([0.1 + 0.2, f64::MAX, -f64::MAX]);
}

#[test]
fn zeros_infinities_and_nan_have_fixed_spellings() {
    assert_eq!(shortest(0.0).as_str(), "0e0");
    assert_eq!(shortest(-0.0).as_str(), "-0e0");
    assert_eq!(shortest(f64::INFINITY).as_str(), "inf");
    assert_eq!(shortest(f64::NEG_INFINITY).as_str(), "-inf");
    assert_eq!(shortest(f64::NAN).as_str(), "NaN");
    assert_eq!(shortest(-f64::NAN).as_str(), "NaN");
    assert_spelled_as_rust([
        0.0,
        -0.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        -f64::NAN,
    ]);
}

#[test]
fn the_extremes_of_the_normals_and_subnormals() {
    let smallest_subnormal = f64::from_bits(1);
    let largest_subnormal = f64::from_bits((1 << 52) - 1);
    assert_eq!(shortest(smallest_subnormal).as_str(), "5e-324");
    assert_eq!(
        shortest(largest_subnormal).as_str(),
        "2.225073858507201e-308"
    );
    assert_eq!(
        shortest(f64::MIN_POSITIVE).as_str(),
        "2.2250738585072014e-308"
    );
    let extremes = [
        smallest_subnormal,
        largest_subnormal,
        f64::MIN_POSITIVE,
        f64::MAX,
    ];
    assert_spelled_as_rust(extremes.into_iter().flat_map(|x| [x, -x]));
}

#[test]
fn every_power_of_two_and_its_neighbours() {
    // Above a power of two the doubles are twice as far apart as below it, so the
    // rounding interval is lopsided and the closer candidate may fail where the farther
    // one reads back.
    let powers = (-1074..=1023).map(|k| 2f64.powi(k));
    assert_eq!(
        assert_spelled_as_rust(powers.flat_map(|x| neighbours(x, 3))),
        2098 * 7
    );
}

#[test]
fn every_power_of_ten_and_its_neighbours() {
    let powers = (-323..=308).map(|k| format!("1e{k}").parse::<f64>().unwrap());
    assert_spelled_as_rust(powers.flat_map(|x| neighbours(x, 3)));
}

#[test]
fn values_near_1e23_which_no_double_equals() {
    // 1e23 lies halfway between two doubles; it reads as the lower, which spells as "1e23".
    let x: f64 = "1e23".parse().unwrap();
    assert_eq!(shortest(x).as_str(), "1e23");
    assert_eq!(
        shortest(f64::from_bits(x.to_bits() + 1)).as_str(),
        "1.0000000000000001e23"
    );
    assert_spelled_as_rust(neighbours(x, 1000));
}

#[test]
fn integers_around_2_to_the_53() {
    // 9007199254740993 is no double: it reads as 9007199254740992.
    assert_eq!(parse("9.007199254740993e15"), Some(9007199254740992.0));
    assert_eq!(
        shortest(9007199254740992.0).as_str(),
        "9.007199254740992e15"
    );
    assert_eq!(
        shortest(9007199254740994.0).as_str(),
        "9.007199254740994e15"
    );
    let anchors = [2f64.powi(53), 2f64.powi(63), 2f64.powi(64), u64::MAX as f64];
    assert_spelled_as_rust(anchors.into_iter().flat_map(|x| neighbours(x, 100)));
}

#[test]
fn a_tie_between_the_two_shortest_candidates_goes_up_not_to_even() {
    // 2^49 + 1.25 = 562949953421313.25 has 17 digits; both 16-digit neighbours, ...132 and
    // ...133, are 0.05 away and within the interval (doubles are 0.125 apart here). Rust
    // rounds up.
    let tie = 2f64.powi(49) + 1.25;
    assert_eq!(shortest(tie).as_str(), "5.629499534213133e14");
    // Every double of the form n + 1/4 or n + 3/4 from 2^49 to 10^15, and n + k/8 from
    // 2^46 to 10^14, has such a tie at 16 digits: a few thousand of each end.
    let quarters = |n: f64| [n + 0.25, n + 0.75];
    let eighths = |n: f64| [n + 0.125, n + 0.375, n + 0.625, n + 0.875];
    let starts =
        |from: f64, to: f64| (0..3000).flat_map(move |i| [from + i as f64, to - 1.0 - i as f64]);
    assert_spelled_as_rust(starts(2f64.powi(49), 1e15).flat_map(quarters));
    assert_spelled_as_rust(starts(2f64.powi(46), 1e14).flat_map(eighths));
}

#[test]
fn the_first_and_last_subnormals() {
    let first = (1..=20_000).map(f64::from_bits);
    let last = ((1 << 52) - 20_000..1 << 52).map(f64::from_bits);
    assert_spelled_as_rust(first.chain(last));
}

fn random_bits(rng: &mut Rng) -> f64 {
    f64::from_bits(rng.next())
}

#[test]
fn random_bit_patterns() {
    assert_random_spelled_as_rust(1_000_000, random_bits);
}

/// A double read from a decimal of 1 to 17 random digits: values whose shortest spelling
/// has any length, not mostly 16 or 17 digits as random bit patterns have.
fn random_short_decimal(rng: &mut Rng) -> f64 {
    let digits = 1 + rng.below(17) as u32;
    let mantissa = rng.below(10u64.pow(digits));
    let exponent = rng.below(660) as i64 - 340;
    format!("{mantissa}e{exponent}").parse().unwrap()
}

#[test]
fn random_decimals_of_few_digits() {
    assert_random_spelled_as_rust(300_000, random_short_decimal);
}

/// The sweep behind the claim that `shortest` is `{:e}`: 100 million random doubles, about
/// ten CPU-minutes. Ignored by default (the tests above take seconds); run it with
/// `cargo test -p lua-wasm-decimal --release -- --ignored` after changing this crate.
#[test]
#[ignore = "minutes long; run after changing shortest"]
fn sweep_of_100_million_random_bit_patterns() {
    assert_random_spelled_as_rust(100_000_000, random_bits);
}

/// Random text in the form `parse` reads: up to 40 digits with a point anywhere in them
/// or none, and any exponent from -400 to 400.
fn random_exponential_text(rng: &mut Rng) -> String {
    let len = 1 + rng.below(40) as usize;
    let mut text = String::new();
    if rng.below(2) == 0 {
        text.push('-');
    }
    let point = rng.below(2 * len as u64) as usize;
    for i in 0..len {
        if i == point && i > 0 {
            text.push('.');
        }
        text.push((b'0' + rng.below(10) as u8) as char);
    }
    let _ = write!(text, "e{}", rng.below(801) as i64 - 400);
    text
}

#[test]
fn parse_reads_every_text_as_rust_reads_it() {
    let mut rng = Rng(99);
    let mut failures = Vec::new();
    for _ in 0..300_000 {
        let text = random_exponential_text(&mut rng);
        let rust: f64 = text.parse().unwrap();
        if parse(&text).map(f64::to_bits) != Some(rust.to_bits()) {
            failures.push(format!("{text}: ours {:?}, Rust's {rust:?}", parse(&text)));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The decimal digits of 5 × 'digits'.
fn times_five(digits: &str) -> String {
    let mut out = Vec::new();
    let mut carry = 0;
    for c in digits.bytes().rev() {
        let t = u32::from(c - b'0') * 5 + carry;
        out.push(b'0' + (t % 10) as u8);
        carry = t / 10;
    }
    if carry > 0 {
        out.push(b'0' + carry as u8);
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

#[test]
fn parse_rounds_halfway_points_to_even_and_a_far_digit_decides_near_them() {
    // 2^-1075, half the smallest subnormal: 5 × the 761 exact digits of 2^-1074, over 10.
    let smallest = format!("{:.760e}", f64::from_bits(1));
    let (mantissa, exponent) = smallest.split_once('e').unwrap();
    let digits = mantissa.replace('.', "");
    let digits = digits.trim_end_matches('0');
    // 2^-1074 is 'digits' × 10^('exponent' - the digits after the first).
    let exponent = exponent.parse::<i64>().unwrap() - (digits.len() as i64 - 1);
    let half_smallest = (times_five(digits), exponent - 1);
    // Halfway between 1 and the double above it: 1 + 2^-53.
    let above_one = (
        "100000000000000011102230246251565404236316680908203125".into(),
        -53,
    );
    for (digits, exponent) in [half_smallest, above_one] {
        let (kept, last) = digits.split_at(digits.len() - 1);
        assert_eq!(last, "5");
        for texts in [
            format!("{digits}e{exponent}"),
            format!("{digits}000000000000000001e{}", exponent - 18),
            format!("{kept}4999999999999999999e{}", exponent - 18),
        ] {
            let rust: f64 = texts.parse().unwrap();
            assert_eq!(
                parse(&texts).map(f64::to_bits),
                Some(rust.to_bits()),
                "{texts}"
            );
        }
    }
}

#[test]
fn parse_saturates_exponents_far_out_of_range() {
    assert_eq!(parse("1e99999999999999999999999"), Some(f64::INFINITY));
    assert_eq!(parse("1e-99999999999999999999999"), Some(0.0));
    assert_eq!(parse("0e99999999999999999999999"), Some(0.0));
    assert_eq!(parse("-1e400"), Some(f64::NEG_INFINITY));
}

#[test]
fn parse_refuses_text_that_is_not_exponential_notation() {
    for text in [
        "", "-", "e5", "1", "1.5", "1e", "1e-", "1.e0", ".5e0", "+1e0", "1E0", "1e+5", "--1e0",
        " 1e0", "1e0 ", "1_0e0", "infinity", "Inf", "+inf", "NaN", "nan", "0x1p0", "1e0e0",
    ] {
        assert_eq!(parse(text), None, "{text:?}");
    }
}
