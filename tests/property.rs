//! Property test: randomly generated Lua expressions — arithmetic and bitwise operators,
//! string coercions, comparisons across number kinds and strings, number formatting and
//! conversions — evaluate to exactly the same thing natively and in lua.wasm. Floats are
//! compared through `%a` (every bit), integers and strings as text, errors by message.
//!
//! The generator is a fixed-seed PRNG, so a failure names a reproducible program.

use crate::differential::assert_same;

/// xorshift64*: small, deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const LEAVES: &[&str] = &[
    "0",
    "1",
    "-1",
    "2",
    "3",
    "7",
    "-7",
    "10",
    "255",
    "1000000",
    "math.maxinteger",
    "math.mininteger",
    "2^53",
    "0.0",
    "-0.0",
    "0.5",
    "-0.5",
    "1.5",
    "2.5",
    "0.1",
    "1e15",
    "1e16",
    "1e308",
    "1e-310",
    "1e309",
    "-1e309",
    "3.0",
    "-3.0",
    "123.456",
    "'10'",
    "' 0x10 '",
    "'1e2'",
    "'-7'",
    "'0.5'",
    "'abc'",
    "''",
    "' 12 '",
    "'0x'",
    "'9223372036854775807'",
    "'9223372036854775808'",
    "true",
    "nil",
];

const BINARY: &[&str] = &[
    "+", "-", "*", "/", "//", "%", "^", "&", "|", "~", "<<", ">>", "..", "==", "~=", "<", "<=",
    ">", ">=",
];

/// Calls with `@` where the argument goes.
const CALLS: &[&str] = &[
    "math.floor(@)",
    "math.ceil(@)",
    "math.tointeger(@)",
    "tostring(@)",
    "tonumber(@)",
    "math.abs(@)",
    "math.type(@)",
    "string.format('%.17g', @)",
    "string.format('%d', @)",
    "string.format('%5.2f', @)",
    "string.format('%g', @)",
    "#tostring(@)",
    "math.fmod(@, 3)",
    "math.fmod(@, -2.5)",
    "math.max(@, 1)",
    "math.min(@, 0.5)",
    "math.ult(@, 5)",
    "tonumber(tostring(@))",
    "(@) // 0.0",
    "math.sqrt(@)",
    "math.exp(@)",
    "math.log(@)",
    "string.rep('ab', math.min(@, 50))", // bounded: lua.wasm has 2 MB of memory by design
    "math.modf(@)",
    "select('#', @)",
];

fn expression(rng: &mut Rng, depth: usize) -> String {
    if depth == 0 || rng.below(4) == 0 {
        return rng.pick(LEAVES).to_string();
    }
    match rng.below(6) {
        0 => format!("(- {})", expression(rng, depth - 1)), // the space keeps `- -1` from being a comment
        1 => format!("(~{})", expression(rng, depth - 1)),
        2 | 3 => format!(
            "({} {} {})",
            expression(rng, depth - 1),
            rng.pick(BINARY),
            expression(rng, depth - 1)
        ),
        _ => rng
            .pick(CALLS)
            .replacen('@', &expression(rng, depth - 1), 1),
    }
}

fn program_output_has(output: &str, what: &str) -> bool {
    output.contains(what)
}

/// A program evaluating `count` expressions, printing each result exactly.
fn program(seed: u64, count: usize) -> String {
    let mut rng = Rng(seed);
    let mut code = String::from(
        "local function show(ok, v)
           if not ok then return 'error: ' .. tostring(v) end
           if math.type(v) == 'float' then return 'float ' .. string.format('%a', v) end
           return type(v) .. ' ' .. tostring(v)
         end\n",
    );
    for i in 0..count {
        let e = expression(&mut rng, 3);
        code.push_str(&format!(
            "print({i}, show(pcall(function() return {e} end)))\n"
        ));
    }
    code
}

#[test]
fn generated_expressions_agree_natively_and_in_lua_wasm() {
    for seed in 1..=12u64 {
        let code = program(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15), 120);
        assert_same(&format!("generated program, seed {seed}"), &code);
    }
}

#[test]
fn the_generator_makes_varied_programs() {
    let a = program(1, 50);
    assert_ne!(a, program(2, 50));
    for op in ["//", "..", "<=", "math.tointeger"] {
        assert!(program(7, 400).contains(op), "{op} is generated");
    }
    // Every expression prints one line, and some of them are errors, floats and integers.
    let observed = crate::differential::run_natively(&a);
    assert_eq!(observed.error, None, "the generated program runs");
    let output = observed.output;
    assert_eq!(output.lines().count(), 50);
    for kind in ["error: ", "float 0x", "integer "] {
        assert!(
            program_output_has(&output, kind)
                || program_output_has(
                    &crate::differential::run_natively(&program(3, 200)).output,
                    kind
                ),
            "{kind}"
        );
    }
}
