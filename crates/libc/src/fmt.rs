//! printf's conversions, one argument at a time, laid out byte for byte as glibc does.
//!
//! `csrc/printf.c` walks the format string and fetches each argument with `va_arg` (only C
//! can read a `va_list`). For each conversion it fills a [`FmtSpec`] and calls one of the
//! `lw_fmt_*` functions below (declared in `csrc/lw_fmt.h`). Each of them is a thin `unsafe`
//! wrapper over a safe function that writes into an [`Out`]: `Out` keeps what fits in the
//! caller's buffer and counts the complete length, which `snprintf` must return. The safe
//! functions are what `tests/printf_vs_glibc.rs` compares with glibc's `snprintf`.
//!
//! Every conversion ends in the same field layout, [`emit`]: a prefix (sign, `0x`), a body
//! made of [`Part`]s, and padding up to the width: spaces on the left, spaces on the right
//! with `-`, or zeros between prefix and body with `0` when the conversion allows it.
//! Bodies are lists of parts rather than one buffer so that runs of zeros of any length
//! (`%.500d`, `%.1100f`) cost no memory.
//!
//! Floating point lives in two submodules: `decimal` (`%e %f %g`), which lays out the exact
//! decimal digits of a double rounded half-to-even at any position, as glibc rounds
//! (`lua_wasm_decimal::Expansion`); and `hex` (`%a`), built directly from the bits. Nothing
//! comes from `core::fmt`'s float formatting, which would cost tens of KB of lua.wasm.
//!
//! glibc behaviours that C leaves open and that are reproduced here, each with its test in
//! `tests/printf_vs_glibc.rs`: a NaN prints its sign bit ("-nan"); `%a` does not normalize
//! subnormals ("0x0.0000000000001p-1022") and may round its leading digit up to '2'; `%p`
//! prints "(nil)" for NULL and honours '+' and ' ' otherwise; `%c` of 0 writes a NUL byte;
//! '0' pads neither strings nor "inf"/"nan"; and `%#g` keeps no digit after the point when
//! rounding carries to 10^P (see `decimal::format_general`).

mod decimal;
mod hex;

use core::ffi::{c_char, c_int, c_uint};

/// One printf conversion, parsed by `printf.c`; mirrors `struct lw_fmtspec` of `lw_fmt.h`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FmtSpec {
    /// A set of [`FmtSpec::MINUS`], [`FmtSpec::PLUS`], [`FmtSpec::SPACE`],
    /// [`FmtSpec::HASH`], [`FmtSpec::ZERO`].
    pub flags: c_uint,
    /// The minimum field width; negative when absent.
    pub width: c_int,
    /// The precision; negative when absent.
    pub precision: c_int,
    /// The conversion character (`d i u o x X c s p e E f F g G a A`).
    pub conv: c_int,
}

impl FmtSpec {
    /// `-`: pad on the right.
    pub const MINUS: c_uint = 1;
    /// `+`: a `+` sign on non-negative signed values.
    pub const PLUS: c_uint = 2;
    /// ` `: a space where a `+` sign would go (`+` wins).
    pub const SPACE: c_uint = 4;
    /// `#`: the alternate form (`0` for `%o`, `0x` for `%x`, the point always for floats).
    pub const HASH: c_uint = 8;
    /// `0`: pad numbers with zeros after the sign and `0x`.
    pub const ZERO: c_uint = 16;

    /// A conversion with no flags, width or precision, as `%e` for `conv` `b'e'`.
    pub const fn new(conv: u8) -> Self {
        FmtSpec {
            flags: 0,
            width: -1,
            precision: -1,
            conv: conv as c_int,
        }
    }

    fn has(&self, flag: c_uint) -> bool {
        self.flags & flag != 0
    }

    fn precision(&self) -> Option<usize> {
        usize::try_from(self.precision).ok()
    }

    /// The conversion character, or 0 when `conv` is not a byte.
    fn conv(&self) -> u8 {
        u8::try_from(self.conv).unwrap_or(0)
    }

    /// The sign a non-negative signed value gets from the flags.
    fn plus_sign(&self) -> &'static [u8] {
        if self.has(Self::PLUS) {
            b"+"
        } else if self.has(Self::SPACE) {
            b" "
        } else {
            b""
        }
    }
}

/// Where a conversion goes: a buffer of fixed capacity that keeps the bytes that fit and
/// counts all of them, as `snprintf` must return the length of the complete output.
pub struct Out<'a> {
    buf: &'a mut [u8],
    /// Bytes produced so far, kept or not; `min(len, buf.len())` of them are in 'buf'.
    len: usize,
}

impl<'a> Out<'a> {
    /// An output that keeps at most `buf.len()` bytes.
    pub fn new(buf: &'a mut [u8]) -> Self {
        Out { buf, len: 0 }
    }

    /// The length of the complete output, including what did not fit.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing was produced.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The bytes that fitted.
    pub fn kept(&self) -> &[u8] {
        &self.buf[..self.len.min(self.buf.len())]
    }

    fn push(&mut self, bytes: &[u8]) {
        if let Some(room) = self.buf.get_mut(self.len..) {
            let n = bytes.len().min(room.len());
            room[..n].copy_from_slice(&bytes[..n]);
        }
        self.len = self.len.saturating_add(bytes.len());
    }

    /// Appends 'n' copies of 'byte'; costs O(bytes kept), whatever 'n' is.
    fn fill(&mut self, byte: u8, n: usize) {
        if let Some(room) = self.buf.get_mut(self.len..) {
            let kept = n.min(room.len());
            room[..kept].fill(byte);
        }
        self.len = self.len.saturating_add(n);
    }
}

/// A piece of a conversion's body.
#[derive(Clone, Copy)]
enum Part<'a> {
    Bytes(&'a [u8]),
    /// A run of '0's, possibly too long to hold in any buffer.
    Zeros(usize),
}

impl Part<'_> {
    fn len(&self) -> usize {
        match *self {
            Part::Bytes(b) => b.len(),
            Part::Zeros(n) => n,
        }
    }
}

/// Writes one field: 'prefix' then 'body', padded to the width. Padding is spaces on the
/// left, or on the right with '-'; with '0' (and no '-') and 'zero_pad' it is zeros between
/// prefix and body, as glibc does for numbers ("-0x001.8p+0") but not for strings, "inf"
/// or "nan".
fn emit(out: &mut Out, spec: &FmtSpec, prefix: &[u8], body: &[Part], zero_pad: bool) {
    let len = body
        .iter()
        .fold(prefix.len(), |n, p| n.saturating_add(p.len()));
    let pad = usize::try_from(spec.width).map_or(0, |w| w.saturating_sub(len));
    let (left, zeros, right) = if spec.has(FmtSpec::MINUS) {
        (0, 0, pad)
    } else if zero_pad && spec.has(FmtSpec::ZERO) {
        (0, pad, 0)
    } else {
        (pad, 0, 0)
    };
    out.fill(b' ', left);
    out.push(prefix);
    out.fill(b'0', zeros);
    for part in body {
        match *part {
            Part::Bytes(b) => out.push(b),
            Part::Zeros(n) => out.fill(b'0', n),
        }
    }
    out.fill(b' ', right);
}

/// A prefix of at most three bytes: a sign and "0x".
struct Prefix {
    bytes: [u8; 3],
    len: usize,
}

impl Prefix {
    fn new(sign: &[u8]) -> Self {
        let mut p = Prefix {
            bytes: [0; 3],
            len: 0,
        };
        p.add(sign);
        p
    }

    fn add(&mut self, bytes: &[u8]) {
        self.bytes[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// Writes 'v' in base 'radix' at the end of 'buf' and returns the digits.
fn digits(mut v: u64, radix: u64, upper: bool, buf: &mut [u8; 22]) -> &[u8] {
    let set: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = set[(v % radix) as usize];
        v /= radix;
        if v == 0 {
            return &buf[i..];
        }
    }
}

/// The common part of all integer conversions. 'alt' is the '#' form: a leading '0' for
/// octal, "0x" before nonzero hexadecimal.
fn integer(out: &mut Out, spec: &FmtSpec, sign: &[u8], v: u64, conv: u8, alt: bool) {
    let (radix, upper) = match conv {
        b'o' => (8, false),
        b'x' => (16, false),
        b'X' => (16, true),
        _ => (10, false),
    };
    let mut buf = [0; 22]; // u64::MAX in octal has 22 digits
    let precision = spec.precision();
    // "%.0d" of 0 prints no digits at all.
    let digits = if precision == Some(0) && v == 0 {
        &[][..]
    } else {
        digits(v, radix, upper, &mut buf)
    };
    let mut zeros = precision.unwrap_or(1).saturating_sub(digits.len());
    let mut prefix = Prefix::new(sign);
    if alt && radix == 8 && zeros == 0 && digits.first() != Some(&b'0') {
        zeros = 1; // "%#o" forces the first digit to be 0, raising the precision if needed
    }
    if alt && radix == 16 && v != 0 {
        prefix.add(if upper { b"0X" } else { b"0x" });
    }
    // A precision makes the '0' flag ignored: the precision alone says how many zeros.
    emit(
        out,
        spec,
        prefix.as_bytes(),
        &[Part::Zeros(zeros), Part::Bytes(digits)],
        precision.is_none(),
    );
}

/// `%d` and `%i`.
pub fn format_signed(spec: &FmtSpec, v: i64, out: &mut Out) {
    let sign = if v < 0 { b"-" } else { spec.plus_sign() };
    integer(out, spec, sign, v.unsigned_abs(), b'd', false);
}

/// `%u`, `%o`, `%x`, `%X` (any other conversion character formats as `%u`). The `+` and
/// space flags do nothing, as they are for signed conversions only.
pub fn format_unsigned(spec: &FmtSpec, v: u64, out: &mut Out) {
    integer(out, spec, b"", v, spec.conv(), spec.has(FmtSpec::HASH));
}

/// `%p`: glibc prints a pointer as `%#lx` would, except that the `+` and space flags still
/// apply ("+0x1234"), and NULL as the string "(nil)", whatever the precision.
pub fn format_pointer(spec: &FmtSpec, p: usize, out: &mut Out) {
    if p == 0 {
        emit(out, spec, b"", &[Part::Bytes(b"(nil)")], false);
    } else {
        integer(out, spec, spec.plus_sign(), p as u64, b'x', true);
    }
}

/// `%s` of the bytes `s`, of which the precision, when present, takes at most that many.
/// The `0` flag does not apply to strings (glibc pads them with spaces).
pub fn format_string(spec: &FmtSpec, s: &[u8], out: &mut Out) {
    let s = match spec.precision() {
        Some(p) if p < s.len() => &s[..p],
        _ => s,
    };
    emit(out, spec, b"", &[Part::Bytes(s)], false);
}

/// `%c`: one byte (a NUL byte too), padded like a string; the precision does not apply.
pub fn format_char(spec: &FmtSpec, c: u8, out: &mut Out) {
    emit(out, spec, b"", &[Part::Bytes(&[c])], false);
}

/// `%e %E %f %F %g %G %a %A` (any other conversion character formats as `%g`).
pub fn format_double(spec: &FmtSpec, v: f64, out: &mut Out) {
    let conv = spec.conv();
    let upper = conv.is_ascii_uppercase();
    let sign = if v.is_sign_negative() {
        b"-"
    } else {
        spec.plus_sign()
    };
    if !v.is_finite() {
        // "-nan" too: glibc follows the sign bit of a NaN. Never zero padded.
        let body: &[u8] = match (v.is_nan(), upper) {
            (true, false) => b"nan",
            (true, true) => b"NAN",
            (false, false) => b"inf",
            (false, true) => b"INF",
        };
        emit(out, spec, sign, &[Part::Bytes(body)], false);
        return;
    }
    match conv.to_ascii_lowercase() {
        b'a' => hex::format(out, spec, sign, v.abs(), upper),
        b'e' => decimal::format_exp(out, spec, sign, v.abs(), upper),
        b'f' => decimal::format_fixed(out, spec, sign, v.abs()),
        _ => decimal::format_general(out, spec, sign, v.abs(), upper),
    }
}

/// The bytes `out[..cap]` as a slice, empty when `cap` is 0 (`out` may then be NULL).
///
/// # Safety
/// When `cap > 0`, `out` must be valid for writes of `cap` bytes for `'a`.
unsafe fn out_slice<'a>(out: *mut c_char, cap: usize) -> &'a mut [u8] {
    if cap == 0 {
        &mut []
    } else {
        // SAFETY: the caller guarantees 'out' is valid for 'cap' writable bytes.
        unsafe { core::slice::from_raw_parts_mut(out.cast::<u8>(), cap) }
    }
}

/// Runs one safe formatter on the C arguments and returns the complete length.
///
/// # Safety
/// As for [`out_slice`], and `spec` must point to a valid `FmtSpec`.
unsafe fn run(
    out: *mut c_char,
    cap: usize,
    spec: *const FmtSpec,
    f: impl FnOnce(&FmtSpec, &mut Out),
) -> usize {
    // SAFETY: forwarded from the caller's contract.
    let (buf, spec) = unsafe { (out_slice(out, cap), &*spec) };
    let mut o = Out::new(buf);
    f(spec, &mut o);
    o.len()
}

// The C entry points. Each writes at most 'cap' bytes at 'out' (no NUL) and returns the
// length of the complete conversion. They are exported under their C names only in wasm.

/// `lw_fmt_signed` of `lw_fmt.h`: [`format_signed`].
///
/// # Safety
/// `out` must be valid for `cap` writable bytes (or `cap` 0), `spec` a valid pointer.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub unsafe extern "C" fn lw_fmt_signed(
    out: *mut c_char,
    cap: usize,
    spec: *const FmtSpec,
    v: i64,
) -> usize {
    // SAFETY: printf.c passes its output buffer with the room left in it, and its spec.
    unsafe { run(out, cap, spec, |s, o| format_signed(s, v, o)) }
}

/// `lw_fmt_unsigned` of `lw_fmt.h`: [`format_unsigned`].
///
/// # Safety
/// `out` must be valid for `cap` writable bytes (or `cap` 0), `spec` a valid pointer.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub unsafe extern "C" fn lw_fmt_unsigned(
    out: *mut c_char,
    cap: usize,
    spec: *const FmtSpec,
    v: u64,
) -> usize {
    // SAFETY: printf.c passes its output buffer with the room left in it, and its spec.
    unsafe { run(out, cap, spec, |s, o| format_unsigned(s, v, o)) }
}

/// `lw_fmt_double` of `lw_fmt.h`: [`format_double`].
///
/// # Safety
/// `out` must be valid for `cap` writable bytes (or `cap` 0), `spec` a valid pointer.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub unsafe extern "C" fn lw_fmt_double(
    out: *mut c_char,
    cap: usize,
    spec: *const FmtSpec,
    v: f64,
) -> usize {
    // SAFETY: printf.c passes its output buffer with the room left in it, and its spec.
    unsafe { run(out, cap, spec, |s, o| format_double(s, v, o)) }
}

/// `lw_fmt_string` of `lw_fmt.h`: [`format_string`] of the `len` bytes at `s`.
///
/// # Safety
/// `out` must be valid for `cap` writable bytes (or `cap` 0), `spec` a valid pointer, and
/// `s` valid for `len` readable bytes (or `len` 0), not overlapping `out`.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub unsafe extern "C" fn lw_fmt_string(
    out: *mut c_char,
    cap: usize,
    spec: *const FmtSpec,
    s: *const c_char,
    len: usize,
) -> usize {
    // SAFETY: printf.c measured 'len' on the string itself (strnlen), so all of it is readable.
    let s = if len == 0 {
        &[][..]
    } else {
        unsafe { core::slice::from_raw_parts(s.cast::<u8>(), len) }
    };
    // SAFETY: printf.c passes its output buffer with the room left in it, and its spec.
    unsafe { run(out, cap, spec, |sp, o| format_string(sp, s, o)) }
}

/// `lw_fmt_char` of `lw_fmt.h`: [`format_char`] of `(unsigned char)c`.
///
/// # Safety
/// `out` must be valid for `cap` writable bytes (or `cap` 0), `spec` a valid pointer.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub unsafe extern "C" fn lw_fmt_char(
    out: *mut c_char,
    cap: usize,
    spec: *const FmtSpec,
    c: c_int,
) -> usize {
    // SAFETY: printf.c passes its output buffer with the room left in it, and its spec.
    unsafe { run(out, cap, spec, |s, o| format_char(s, c as u8, o)) }
}

/// `lw_fmt_pointer` of `lw_fmt.h`: [`format_pointer`].
///
/// # Safety
/// `out` must be valid for `cap` writable bytes (or `cap` 0), `spec` a valid pointer.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub unsafe extern "C" fn lw_fmt_pointer(
    out: *mut c_char,
    cap: usize,
    spec: *const FmtSpec,
    p: usize,
) -> usize {
    // SAFETY: printf.c passes its output buffer with the room left in it, and its spec.
    unsafe { run(out, cap, spec, |s, o| format_pointer(s, p, o)) }
}
