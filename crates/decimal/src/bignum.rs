//! Non-negative integers of fixed capacity, for the exact paths between doubles and decimal
//! text: the exact digits of a double (`expansion.rs`, in base 10^9) and the correctly
//! rounded slow path of reading decimal digits (`parse.rs`, in base 2^32).
//!
//! A number is 'len' limbs, least significant first, each below the base; the top limb is
//! nonzero (zero has no limbs). The base is a constant parameter of the operations that
//! depend on it rather than part of the type (the two users need only multiplication by
//! small factors in base 10^9, and shifts, comparison and subtraction in base 2^32); as a
//! constant it turns each limb's division into a multiplication.
//!
//! 'CAP' limbs hold 3072 bits or 864 decimal digits. The largest numbers built are the
//! exact expansion of a double, at most 767 digits (2^53 × 5^1074), and in parsing about
//! 2630 bits (780 digits, or 5^1105, shifted left by 63); the operations assume it fits
//! and index out of bounds otherwise, which their callers rule out.

use core::cmp::Ordering;

/// Limbs of a number.
const CAP: usize = 96;

/// The base of decimal limbs: nine digits each.
pub const BASE_1E9: u64 = 1_000_000_000;

/// The base of binary limbs: 32 bits each.
pub const BASE_2_32: u64 = 1 << 32;

#[derive(Clone)]
pub struct Big {
    len: usize,
    limbs: [u32; CAP],
}

impl Big {
    /// 'v' in base 'BASE' (which must be at least 2^30, so that a u64 takes three limbs).
    pub fn from_u64<const BASE: u64>(mut v: u64) -> Big {
        let mut b = Big {
            len: 0,
            limbs: [0; CAP],
        };
        while v != 0 {
            b.limbs[b.len] = (v % BASE) as u32;
            b.len += 1;
            v /= BASE;
        }
        b
    }

    /// The limbs, least significant first.
    pub fn limbs(&self) -> &[u32] {
        &self.limbs[..self.len]
    }

    pub fn is_zero(&self) -> bool {
        self.len == 0
    }

    /// self = self × 'f' + 'add', in base 'BASE' (at most 2^32; 'add' below it).
    pub fn mul_add<const BASE: u64>(&mut self, f: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.limbs[..self.len] {
            // At most (2^32 - 1)^2 + (2^32 - 1) < 2^64.
            let t = u64::from(*limb) * u64::from(f) + carry;
            *limb = (t % BASE) as u32;
            carry = t / BASE;
        }
        while carry != 0 {
            self.limbs[self.len] = (carry % BASE) as u32;
            self.len += 1;
            carry /= BASE;
        }
    }

    /// self = self × 2^'n', in base 'BASE'.
    pub fn mul_pow2<const BASE: u64>(&mut self, mut n: u32) {
        while n > 0 {
            let step = n.min(31);
            self.mul_add::<BASE>(1 << step, 0);
            n -= step;
        }
    }

    /// self = self × 5^'n', in base 'BASE'.
    pub fn mul_pow5<const BASE: u64>(&mut self, mut n: u32) {
        while n > 0 {
            let step = n.min(13); // 5^13 is the largest power of 5 below 2^31
            self.mul_add::<BASE>(5u32.pow(step), 0);
            n -= step;
        }
    }
}

// Base 2^32 only.
impl Big {
    /// The number of significant bits.
    pub fn bit_len(&self) -> u32 {
        match self.len {
            0 => 0,
            n => 32 * n as u32 - self.limbs[n - 1].leading_zeros(),
        }
    }

    /// self = self × 2^'n'.
    pub fn shl(&mut self, n: u32) {
        if self.len == 0 {
            return;
        }
        let (words, bits) = ((n / 32) as usize, n % 32);
        let old = self.len;
        self.limbs[old + words] = 0;
        for i in (0..old).rev() {
            let w = u64::from(self.limbs[i]) << bits;
            self.limbs[i + words + 1] |= (w >> 32) as u32;
            self.limbs[i + words] = w as u32;
        }
        self.limbs[..words].fill(0);
        self.len = old + words + 1;
        self.trim();
    }

    /// self = self / 2, rounded down.
    pub fn shr1(&mut self) {
        let mut high = 0;
        for limb in self.limbs[..self.len].iter_mut().rev() {
            let low = *limb & 1;
            *limb = *limb >> 1 | high << 31;
            high = low;
        }
        self.trim();
    }

    /// self = self - 'o', which must not be larger.
    pub fn sub(&mut self, o: &Big) {
        let mut borrow = 0;
        for i in 0..self.len {
            let rhs = u64::from(o.limbs().get(i).copied().unwrap_or(0)) + borrow;
            let lhs = u64::from(self.limbs[i]);
            self.limbs[i] = lhs.wrapping_sub(rhs) as u32;
            borrow = u64::from(lhs < rhs);
        }
        self.trim();
    }

    fn trim(&mut self) {
        while self.len > 0 && self.limbs[self.len - 1] == 0 {
            self.len -= 1;
        }
    }
}

impl PartialEq for Big {
    fn eq(&self, o: &Big) -> bool {
        self.limbs() == o.limbs()
    }
}

impl PartialOrd for Big {
    /// Numeric order: more limbs is larger (both are trimmed), then the top limbs decide.
    fn partial_cmp(&self, o: &Big) -> Option<Ordering> {
        Some(
            self.len
                .cmp(&o.len)
                .then_with(|| self.limbs().iter().rev().cmp(o.limbs().iter().rev())),
        )
    }
}
