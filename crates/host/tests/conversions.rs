//! The value conversions, with no VM: `serde_value` (Rust types to and from `Value`) and
//! `lua_literal` (a `Value` as Lua source), the literals checked by evaluating them in real
//! Lua 5.4 (mlua's) and comparing bits, bytes and number subtypes.

use std::collections::{BTreeMap, HashMap};

use lua_wasm_host::lua_literal::{to_literal, write_literal};
use lua_wasm_host::serde_value::{from_value, to_value, ConvertError};
use lua_wasm_host::Value;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::json;

// --- helpers -----------------------------------------------------------------------------

fn s(text: &str) -> Value {
    Value::String(text.as_bytes().to_vec())
}

fn int(i: i64) -> Value {
    Value::Integer(i)
}

fn table(pairs: Vec<(Value, Value)>) -> Value {
    Value::Table(pairs)
}

fn array(values: Vec<Value>) -> Value {
    Value::Table(
        values
            .into_iter()
            .enumerate()
            .map(|(i, v)| (int(i as i64 + 1), v))
            .collect(),
    )
}

/// 'value' through `to_value` and back through `from_value`.
fn round_trip<T: Serialize + DeserializeOwned>(value: &T) -> T {
    from_value(to_value(value).expect("to_value")).expect("from_value")
}

fn error_of<T: DeserializeOwned + std::fmt::Debug>(value: Value) -> ConvertError {
    from_value::<T>(value).expect_err("the conversion should fail")
}

/// A deterministic generator (splitmix64), so a failure can be replayed.
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

    fn float(&mut self) -> f64 {
        match self.below(6) {
            // Any bit pattern: every sign, exponent, NaN payload.
            0 | 1 => f64::from_bits(self.next()),
            // Subnormals (biased exponent 0), either sign.
            2 => f64::from_bits(self.next() & 0x800f_ffff_ffff_ffff),
            // Integral values, which must stay floats.
            3 => (self.next() as i64 >> self.below(64)) as f64,
            // Short fractions, the usual case.
            4 => (self.next() as i64 % 100_000) as f64 / 64.0,
            _ => SPECIAL_FLOATS[self.below(SPECIAL_FLOATS.len() as u64) as usize],
        }
    }

    fn integer(&mut self) -> i64 {
        match self.below(4) {
            0 => self.next() as i64,
            1 => (self.next() as i64) >> self.below(64),
            2 => self.below(2001) as i64 - 1000,
            _ => SPECIAL_INTEGERS[self.below(SPECIAL_INTEGERS.len() as u64) as usize],
        }
    }

    fn bytes(&mut self) -> Vec<u8> {
        let len = self.below(40) as usize;
        match self.below(3) {
            0 => (0..len).map(|_| self.next() as u8).collect(),
            // Mostly the characters a string literal treats specially.
            1 => (0..len)
                .map(|_| b"\"\\\n\r\t\0'[]=-0123456789\x7f\x80\xff"[self.below(21) as usize])
                .collect(),
            _ => (0..len).map(|_| b' ' + self.below(95) as u8).collect(),
        }
    }

    /// A value that Lua can hold in a table: no nil.
    fn value(&mut self, depth: usize) -> Value {
        match self.below(if depth == 0 { 5 } else { 6 }) {
            0 => Value::Boolean(self.below(2) == 1),
            1 => Value::Integer(self.integer()),
            2 => Value::Float(self.float()),
            3 | 4 => Value::String(self.bytes()),
            _ => self.table(depth - 1),
        }
    }

    /// A table with distinct keys of every kind Lua allows (no nil, no NaN).
    fn table(&mut self, depth: usize) -> Value {
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        for _ in 0..self.below(8) {
            let key = match self.below(4) {
                0 => Value::Integer(self.integer()),
                1 => Value::Float(self.float()),
                2 => Value::Boolean(self.below(2) == 1),
                _ => Value::String(self.bytes()),
            };
            let key = lua_key(&key);
            let usable = !matches!(key, Value::Float(x) if x.is_nan());
            if usable && !pairs.iter().any(|(k, _)| same(k, &key)) {
                let value = self.value(depth);
                pairs.push((key, value));
            }
        }
        Value::Table(pairs)
    }
}

const SPECIAL_FLOATS: [f64; 18] = [
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.1,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    f64::MIN_POSITIVE,
    f64::MAX,
    f64::MIN,
    f64::EPSILON,
    5e-324,
    -5e-324,
    9_223_372_036_854_775_808.0,
    -9_223_372_036_854_775_808.0,
    9_007_199_254_740_993.0,
    2.225_073_858_507_201e-308, // the largest subnormal
];

const SPECIAL_INTEGERS: [i64; 8] = [
    0,
    1,
    -1,
    i64::MIN,
    i64::MAX,
    i64::MIN + 1,
    i64::MAX - 1,
    1 << 53,
];

/// The key Lua makes of 'key': a float with an integral value becomes an integer.
fn lua_key(key: &Value) -> Value {
    match *key {
        Value::Float(x) if x.fract() == 0.0 && x >= -(2f64.powi(63)) && x < 2f64.powi(63) => {
            Value::Integer(x as i64)
        }
        ref other => other.clone(),
    }
}

/// Whether Lua gave back the same value: floats by their bits (any NaN for a NaN), tables
/// as sets of pairs.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => {
            x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan())
        }
        (Value::Table(p), Value::Table(q)) => {
            p.len() == q.len()
                && p.iter().all(|(k, v)| {
                    q.iter()
                        .any(|(k2, v2)| same(&lua_key(k), k2) && same(v, v2))
                })
        }
        _ => a == b,
    }
}

/// Converts what mlua returned into a `Value`.
fn from_lua(value: mlua::Value) -> Value {
    match value {
        mlua::Value::Nil => Value::Nil,
        mlua::Value::Boolean(b) => Value::Boolean(b),
        mlua::Value::Integer(i) => Value::Integer(i),
        mlua::Value::Number(x) => Value::Float(x),
        mlua::Value::String(s) => Value::String(s.as_bytes().to_vec()),
        mlua::Value::Table(t) => Value::Table(
            t.pairs::<mlua::Value, mlua::Value>()
                .map(|pair| {
                    let (k, v) = pair.expect("a pair");
                    (from_lua(k), from_lua(v))
                })
                .collect(),
        ),
        other => panic!("unexpected Lua value {other:?}"),
    }
}

/// Evaluates `return <literal of value>` in Lua.
fn eval(lua: &mlua::Lua, value: &Value) -> Value {
    let literal = to_literal(value).expect("a literal");
    let result = lua.load(format!("return {literal}")).eval::<mlua::Value>();
    from_lua(result.unwrap_or_else(|e| panic!("Lua rejected {literal}: {e}")))
}

fn assert_exact_in_lua(lua: &mlua::Lua, value: &Value) {
    let back = eval(lua, value);
    assert!(
        same(value, &back),
        "literal:\n{}\nwent in as:\n{value:?}\ncame back as:\n{back:?}",
        to_literal(value).unwrap()
    );
}

// --- serde: the mapping ------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum Class {
    Warrior,
    Mage { mana: u32, school: String },
    Rogue(u8),
    Bard(String, i64),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Player {
    name: String,
    level: u8,
    score: f64,
    alive: bool,
    tags: Vec<String>,
    position: (i32, i32),
    nickname: Option<String>,
    inventory: HashMap<String, u32>,
    class: Class,
    rank: Rank,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct Rank(i64);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Game {
    players: Vec<Player>,
    board: BTreeMap<i64, Vec<Option<char>>>,
}

fn player(name: &str, class: Class) -> Player {
    Player {
        name: name.into(),
        level: 7,
        score: -12.5,
        alive: true,
        tags: vec!["a".into(), "b c".into()],
        position: (-3, 4),
        nickname: None,
        inventory: HashMap::from([("gold".into(), 10), ("arrows".into(), 0)]),
        class,
        rank: Rank(i64::MIN),
    }
}

#[test]
fn derived_structs_enums_options_vecs_and_maps_round_trip() {
    let game = Game {
        players: vec![
            player("Ann", Class::Warrior),
            player(
                "Bob",
                Class::Mage {
                    mana: 30,
                    school: "fire".into(),
                },
            ),
            Player {
                nickname: Some("Cee".into()),
                ..player("Cy", Class::Rogue(3))
            },
            player("Di", Class::Bard("lute".into(), -1)),
        ],
        board: BTreeMap::from([(1, vec![Some('x'), None, Some('é')]), (-5, vec![])]),
    };
    assert_eq!(round_trip(&game), game);
}

#[test]
fn a_struct_is_a_table_keyed_by_field_names() {
    #[derive(Serialize)]
    struct Point {
        x: i32,
        y: f32,
        label: &'static str,
    }
    let value = to_value(&Point {
        x: 1,
        y: 0.5,
        label: "p",
    })
    .unwrap();
    assert_eq!(
        value,
        table(vec![
            (s("x"), int(1)),
            (s("y"), Value::Float(0.5)),
            (s("label"), s("p")),
        ])
    );
}

#[test]
fn sequences_and_tuples_are_tables_with_keys_one_to_n() {
    assert_eq!(
        to_value(&vec![10, 20, 30]).unwrap(),
        array(vec![int(10), int(20), int(30)])
    );
    assert_eq!(
        to_value(&(true, "two", 3.0)).unwrap(),
        array(vec![Value::Boolean(true), s("two"), Value::Float(3.0)])
    );
    #[derive(Serialize)]
    struct Pair(u8, u8);
    assert_eq!(to_value(&Pair(1, 2)).unwrap(), array(vec![int(1), int(2)]));
    assert_eq!(to_value(&Vec::<i32>::new()).unwrap(), table(vec![]));
}

#[test]
fn enums_are_externally_tagged_unit_variants_by_name() {
    assert_eq!(to_value(&Class::Warrior).unwrap(), s("Warrior"));
    assert_eq!(
        to_value(&Class::Rogue(3)).unwrap(),
        table(vec![(s("Rogue"), int(3))])
    );
    assert_eq!(
        to_value(&Class::Bard("lute".into(), 2)).unwrap(),
        table(vec![(s("Bard"), array(vec![s("lute"), int(2)]))])
    );
    assert_eq!(
        to_value(&Class::Mage {
            mana: 1,
            school: "ice".into()
        })
        .unwrap(),
        table(vec![(
            s("Mage"),
            table(vec![(s("mana"), int(1)), (s("school"), s("ice"))])
        )])
    );
    assert_eq!(from_value::<Class>(s("Warrior")).unwrap(), Class::Warrior);
    assert_eq!(
        from_value::<Class>(table(vec![(s("Rogue"), Value::Float(2.0))])).unwrap(),
        Class::Rogue(2)
    );
}

#[test]
fn unit_none_and_unit_structs_are_nil_and_nil_reads_as_none() {
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Marker;
    assert_eq!(to_value(&()).unwrap(), Value::Nil);
    assert_eq!(to_value(&None::<i32>).unwrap(), Value::Nil);
    assert_eq!(to_value(&Marker).unwrap(), Value::Nil);
    assert_eq!(to_value(&Some(5)).unwrap(), int(5));
    assert_eq!(from_value::<Option<i32>>(Value::Nil).unwrap(), None);
    assert_eq!(from_value::<Option<i32>>(int(5)).unwrap(), Some(5));
    from_value::<()>(Value::Nil).unwrap();
    assert_eq!(from_value::<Marker>(Value::Nil).unwrap(), Marker);
}

#[test]
fn a_missing_field_reads_as_none_since_lua_tables_drop_nil() {
    #[derive(Debug, PartialEq, Deserialize)]
    struct Profile {
        name: String,
        email: Option<String>,
    }
    let profile: Profile = from_value(table(vec![(s("name"), s("ann"))])).unwrap();
    assert_eq!(
        profile,
        Profile {
            name: "ann".into(),
            email: None
        }
    );
}

#[test]
fn newtype_structs_are_transparent() {
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Meters(f64);
    assert_eq!(to_value(&Meters(2.5)).unwrap(), Value::Float(2.5));
    assert_eq!(
        from_value::<Meters>(Value::Float(2.5)).unwrap(),
        Meters(2.5)
    );
}

#[test]
fn chars_and_strings_are_strings() {
    assert_eq!(to_value(&'é').unwrap(), s("é"));
    assert_eq!(from_value::<char>(s("é")).unwrap(), 'é');
    assert_eq!(round_trip(&"hé\0llo\n".to_string()), "hé\0llo\n");
    let err = error_of::<char>(s("ab"));
    assert_eq!(
        err.message(),
        "expected a character, found a string (\"ab\")"
    );
}

/// Bytes through `serialize_bytes` / `deserialize_byte_buf`, as serde_bytes does.
#[derive(Debug, PartialEq)]
struct Bytes(Vec<u8>);

impl Serialize for Bytes {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BytesVisitor;
        impl serde::de::Visitor<'_> for BytesVisitor {
            type Value = Bytes;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes(v.into()))
            }
            fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Bytes, E> {
                Ok(Bytes(v))
            }
        }
        deserializer.deserialize_byte_buf(BytesVisitor)
    }
}

#[test]
fn bytes_are_strings_with_any_bytes_but_a_string_must_be_utf8() {
    let raw = vec![0, 0x80, 0xff, b'"', b'\n'];
    assert_eq!(
        to_value(&Bytes(raw.clone())).unwrap(),
        Value::String(raw.clone())
    );
    assert_eq!(round_trip(&Bytes(raw.clone())), Bytes(raw.clone()));
    let err = error_of::<String>(Value::String(raw));
    assert_eq!(
        err.to_string(),
        "expected a string, found a string that is not valid UTF-8 (at byte 1); read it into a \
         byte type such as serde_bytes::ByteBuf instead"
    );
}

#[test]
fn integers_keep_their_extremes_and_u64_beyond_i64_is_an_error() {
    assert_eq!(round_trip(&i64::MIN), i64::MIN);
    assert_eq!(round_trip(&i64::MAX), i64::MAX);
    assert_eq!(round_trip(&(i64::MAX as u64)), i64::MAX as u64);
    assert_eq!(round_trip(&-5i128), -5);
    let err = to_value(&(i64::MAX as u64 + 1)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the integer 9223372036854775808 does not fit in a Lua integer (from \
         -9223372036854775808 to 9223372036854775807)"
    );
    assert!(to_value(&u128::MAX).is_err());
    assert!(to_value(&(i64::MIN as i128 - 1)).is_err());
}

#[test]
fn out_of_range_integers_are_errors_when_reading() {
    assert_eq!(
        error_of::<u8>(int(300)).to_string(),
        "expected u8, found an integer (300)"
    );
    assert_eq!(
        error_of::<u64>(int(-1)).to_string(),
        "expected u64, found an integer (-1)"
    );
}

#[test]
fn a_float_with_an_exact_integer_value_reads_as_an_integer_like_math_tointeger() {
    assert_eq!(from_value::<i32>(Value::Float(3.0)).unwrap(), 3);
    assert_eq!(from_value::<u8>(Value::Float(-0.0)).unwrap(), 0);
    assert_eq!(
        from_value::<i64>(Value::Float(-9_223_372_036_854_775_808.0)).unwrap(),
        i64::MIN
    );
    assert_eq!(
        error_of::<i64>(Value::Float(9_223_372_036_854_775_808.0)).to_string(),
        "expected i64, found a float (9.223372036854776e18)"
    );
    assert_eq!(
        error_of::<i32>(Value::Float(1.5)).to_string(),
        "expected i32, found a float (1.5)"
    );
    assert!(from_value::<i32>(Value::Float(f64::NAN)).is_err());
    assert!(from_value::<i32>(Value::Float(f64::INFINITY)).is_err());
}

#[test]
fn an_integer_reads_as_a_float() {
    assert_eq!(from_value::<f64>(int(-7)).unwrap(), -7.0);
    assert_eq!(from_value::<f32>(int(3)).unwrap(), 3.0);
    assert_eq!(round_trip(&f32::MIN_POSITIVE), f32::MIN_POSITIVE);
    assert_eq!(round_trip(&-0.0f64).to_bits(), (-0.0f64).to_bits());
}

#[test]
fn a_sequence_reads_from_keys_one_to_n_in_any_order() {
    let shuffled = table(vec![(int(3), s("c")), (int(1), s("a")), (int(2), s("b"))]);
    assert_eq!(
        from_value::<Vec<String>>(shuffled).unwrap(),
        ["a", "b", "c"]
    );
    let float_keys = table(vec![(Value::Float(2.0), int(2)), (int(1), int(1))]);
    assert_eq!(from_value::<Vec<i32>>(float_keys).unwrap(), [1, 2]);
}

#[test]
fn an_empty_table_reads_as_an_empty_sequence_map_or_struct() {
    #[derive(Debug, PartialEq, Deserialize)]
    struct AllOptional {
        a: Option<i32>,
        #[serde(default)]
        b: Vec<i32>,
    }
    assert_eq!(
        from_value::<Vec<i32>>(table(vec![])).unwrap(),
        Vec::<i32>::new()
    );
    assert!(from_value::<HashMap<String, i32>>(table(vec![]))
        .unwrap()
        .is_empty());
    assert_eq!(
        from_value::<AllOptional>(table(vec![])).unwrap(),
        AllOptional { a: None, b: vec![] }
    );
}

#[test]
fn a_table_with_a_hole_or_other_keys_is_not_a_sequence() {
    let hole = table(vec![(int(1), int(1)), (int(3), int(3))]);
    assert_eq!(
        error_of::<Vec<i32>>(hole).to_string(),
        "expected a sequence, found a table that is not a sequence: it has the key 3, a \
         sequence of 2 elements has exactly the keys 1..2"
    );
    let named = table(vec![(int(1), int(1)), (s("n"), int(1))]);
    assert_eq!(
        error_of::<Vec<i32>>(named).message(),
        "expected a sequence, found a table that is not a sequence: it has the key \"n\", a \
         sequence of 2 elements has exactly the keys 1..2"
    );
    let twice = table(vec![(int(1), int(1)), (Value::Float(1.0), int(2))]);
    assert_eq!(
        error_of::<Vec<i32>>(twice).message(),
        "expected a sequence, found a table with the key 1.0 twice"
    );
}

#[test]
fn a_tuple_must_have_exactly_its_number_of_elements() {
    let three = array(vec![int(1), int(2), int(3)]);
    assert_eq!(
        error_of::<(i32, i32)>(three.clone()).to_string(),
        "expected 2 elements, found a table of 3 elements"
    );
    assert_eq!(
        error_of::<(i32, i32, i32, i32)>(three).to_string(),
        "expected a tuple of size 4, found a table of 3 elements"
    );
}

#[test]
fn maps_keep_integer_keys_and_integer_keys_read_as_string_keys() {
    let map = HashMap::from([(1i64, "one".to_string()), (-2, "minus two".into())]);
    assert_eq!(round_trip(&map), map);
    let by_text: HashMap<String, String> = from_value(to_value(&map).unwrap()).unwrap();
    assert_eq!(by_text["1"], "one");
    assert_eq!(by_text["-2"], "minus two");
}

#[test]
fn a_nil_or_nan_map_key_is_an_error() {
    let nil_key = HashMap::from([(None::<i32>, 1)]);
    assert_eq!(
        to_value(&nil_key).unwrap_err().to_string(),
        "a table key cannot be nil (a map key was None, () or a unit struct)"
    );
    let as_map: BTreeMap<String, HashMap<FloatKey, i32>> =
        BTreeMap::from([("m".to_string(), HashMap::from([(FloatKey(f64::NAN), 1)]))]);
    assert_eq!(
        to_value(&as_map).unwrap_err().to_string(),
        "at .m: a table key cannot be NaN"
    );
}

/// A float usable as a HashMap key, for the NaN key test.
#[derive(Debug, Clone, Copy, Serialize)]
struct FloatKey(f64);
impl PartialEq for FloatKey {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_bits() == other.0.to_bits()
    }
}
impl Eq for FloatKey {}
impl std::hash::Hash for FloatKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.to_bits().hash(state)
    }
}

// --- serde: deserialize_any and serde_json::Value ----------------------------------------

#[test]
fn serde_json_values_round_trip() {
    let doc = json!({
        "name": "lua",
        "version": 5.4,
        "count": -3,
        "big": 9_007_199_254_740_993i64,
        "ok": true,
        "nothing": null,
        "list": [1, 2.5, "three", false, null, {"deep": [["x"]]}],
        "nested": {"a": {"b": {}}},
    });
    let back: serde_json::Value = round_trip(&doc);
    assert_eq!(back, doc);
}

#[test]
fn any_reads_keys_one_to_n_as_an_array_and_other_tables_as_objects() {
    let as_json = |v: Value| from_value::<serde_json::Value>(v).unwrap();
    assert_eq!(
        as_json(table(vec![(int(2), s("b")), (int(1), s("a"))])),
        json!(["a", "b"])
    );
    assert_eq!(
        as_json(table(vec![(int(1), s("a")), (int(3), s("c"))])),
        json!({"1": "a", "3": "c"})
    );
    assert_eq!(as_json(table(vec![(s("k"), int(0))])), json!({"k": 0}));
    // An empty table has no way to say it was an array.
    assert_eq!(as_json(to_value(&json!([])).unwrap()), json!({}));
    assert_eq!(as_json(Value::Float(1.0)), json!(1.0));
    assert_eq!(as_json(int(1)), json!(1));
}

/// What `deserialize_any` handed over for a string.
#[derive(Debug, PartialEq)]
enum Seen {
    Text(String),
    Bytes(Vec<u8>),
}

impl<'de> Deserialize<'de> for Seen {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SeenVisitor;
        impl serde::de::Visitor<'_> for SeenVisitor {
            type Value = Seen;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E>(self, v: &str) -> Result<Seen, E> {
                Ok(Seen::Text(v.into()))
            }
            fn visit_string<E>(self, v: String) -> Result<Seen, E> {
                Ok(Seen::Text(v))
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<Seen, E> {
                Ok(Seen::Bytes(v.into()))
            }
            fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Seen, E> {
                Ok(Seen::Bytes(v))
            }
        }
        deserializer.deserialize_any(SeenVisitor)
    }
}

#[test]
fn any_reads_a_utf8_string_as_text_and_any_other_string_as_bytes() {
    assert_eq!(from_value::<Seen>(s("é")).unwrap(), Seen::Text("é".into()));
    assert_eq!(
        from_value::<Seen>(Value::String(vec![0xff, 1])).unwrap(),
        Seen::Bytes(vec![0xff, 1])
    );
}

// --- serde: errors and their paths ---------------------------------------------------------

#[test]
fn an_error_says_where_it_is_with_lua_keys() {
    let mut game = to_value(&Game {
        players: vec![player("Ann", Class::Warrior), player("Bob", Class::Warrior)],
        board: BTreeMap::new(),
    })
    .unwrap();
    // Replace players[2].name with an integer.
    let Value::Table(pairs) = &mut game else {
        unreachable!()
    };
    let Value::Table(players) = &mut pairs[0].1 else {
        unreachable!()
    };
    let Value::Table(bob) = &mut players[1].1 else {
        unreachable!()
    };
    bob[0].1 = int(5);
    let err = error_of::<Game>(game);
    assert_eq!(err.path(), ".players[2].name");
    assert_eq!(err.message(), "expected a string, found an integer (5)");
    assert_eq!(
        err.to_string(),
        "at .players[2].name: expected a string, found an integer (5)"
    );
}

#[test]
fn paths_quote_keys_that_are_not_lua_names() {
    let map = table(vec![(
        s("two words"),
        table(vec![(
            s("end"),
            table(vec![(Value::Boolean(true), s("x"))]),
        )]),
    )]);
    let err = error_of::<HashMap<String, HashMap<String, HashMap<bool, i32>>>>(map);
    assert_eq!(
        err.to_string(),
        "at [\"two words\"][\"end\"][true]: expected i32, found a string (\"x\")"
    );
}

#[test]
fn paths_go_through_enum_variants() {
    let value = table(vec![(s("Mage"), table(vec![(s("mana"), s("lots"))]))]);
    assert_eq!(
        error_of::<Class>(value).to_string(),
        "at .Mage.mana: expected u32, found a string (\"lots\")"
    );
    assert_eq!(
        error_of::<Class>(table(vec![(s("Bard"), array(vec![s("x"), s("y")]))])).to_string(),
        "at .Bard[2]: expected i64, found a string (\"y\")"
    );
}

#[test]
fn an_error_in_a_key_says_so() {
    let value = table(vec![(int(300), s("x"))]);
    assert_eq!(
        error_of::<HashMap<u8, String>>(value).to_string(),
        "at [300]: in a key: expected u8, found an integer (300)"
    );
}

#[test]
fn serialize_errors_have_paths_too() {
    #[derive(Serialize)]
    struct Account {
        balances: Vec<u64>,
    }
    let err = to_value(&Account {
        balances: vec![1, u64::MAX],
    })
    .unwrap_err();
    assert_eq!(err.path(), ".balances[2]");
}

#[test]
fn an_external_table_cannot_be_read_as_data() {
    let err = error_of::<HashMap<String, i32>>(Value::TableRef(5));
    assert_eq!(
        err.to_string(),
        "expected a map, found an external table (id 5), which is a reference into the table \
         store, not data: return a plain copy of it from Lua instead"
    );
    let nested = table(vec![(s("home"), Value::TableRef(5))]);
    assert_eq!(
        error_of::<serde_json::Value>(nested).path(),
        ".home",
        "deserialize_any is strict too"
    );
}

#[test]
fn a_function_cannot_be_read_as_data() {
    let err = error_of::<Option<String>>(Value::Opaque("function: 0x5d2a8".into()));
    assert_eq!(
        err.to_string(),
        "expected a string, found function: 0x5d2a8: a function value cannot be converted to \
         Rust data"
    );
    let any = error_of::<serde_json::Value>(Value::Opaque("thread: 0x10".into()));
    assert!(
        any.message()
            .ends_with("a thread value cannot be converted to Rust data"),
        "{any}"
    );
}

#[test]
fn references_in_ignored_fields_are_skipped() {
    #[derive(Debug, PartialEq, Deserialize)]
    struct Only {
        id: i32,
    }
    let value = table(vec![
        (s("id"), int(1)),
        (s("callback"), Value::Opaque("function: 0x1".into())),
        (s("home"), Value::TableRef(2)),
    ]);
    assert_eq!(from_value::<Only>(value).unwrap(), Only { id: 1 });
}

#[test]
fn type_mismatches_name_the_lua_kind_found() {
    assert_eq!(
        error_of::<bool>(int(1)).to_string(),
        "expected a boolean, found an integer (1)"
    );
    assert_eq!(
        error_of::<i32>(Value::Nil).to_string(),
        "expected i32, found nil"
    );
    assert_eq!(
        error_of::<String>(table(vec![])).to_string(),
        "expected a string, found a table"
    );
    assert_eq!(
        error_of::<Vec<i32>>(Value::Boolean(true)).to_string(),
        "expected a sequence, found a boolean (true)"
    );
    assert_eq!(
        error_of::<Player>(s("Ann")).to_string(),
        "expected struct Player, found a string (\"Ann\")"
    );
}

#[test]
fn enum_errors_explain_the_expected_shape() {
    assert_eq!(
        error_of::<Class>(s("Bard")).to_string(),
        "variant Bard carries data: expected a table {Bard = ...}, found just the string \"Bard\""
    );
    assert_eq!(
        error_of::<Class>(table(vec![(s("Warrior"), int(1))])).to_string(),
        "variant Warrior carries no data: expected just the string \"Warrior\", found a table \
         {Warrior = ...}"
    );
    assert_eq!(
        error_of::<Class>(table(vec![(s("A"), int(1)), (s("B"), int(2))])).to_string(),
        "expected enum Class: its variant's name as a string, or a table with one pair \
         {Variant = content}; found a table with 2 pairs"
    );
    assert_eq!(
        error_of::<Class>(s("Paladin")).to_string(),
        "unknown variant `Paladin`, expected one of `Warrior`, `Mage`, `Rogue`, `Bard`"
    );
}

#[test]
fn struct_errors_report_missing_and_unknown_fields() {
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Strict {
        a: i32,
    }
    assert_eq!(
        error_of::<Strict>(table(vec![])).to_string(),
        "missing field `a`"
    );
    assert_eq!(
        error_of::<Strict>(table(vec![(s("a"), int(1)), (s("b"), int(2))])).to_string(),
        "at .b: in a key: unknown field `b`, expected `a`"
    );
    assert_eq!(
        error_of::<Vec<Strict>>(array(vec![table(vec![])])).to_string(),
        "at [1]: missing field `a`"
    );
}

// --- Lua literals: exactness, checked in real Lua ----------------------------------------

#[test]
fn literal_text_for_each_kind_of_value() {
    let cases = [
        (Value::Nil, "nil"),
        (Value::Boolean(true), "true"),
        (Value::Boolean(false), "false"),
        (int(42), "42"),
        (int(-42), "(-42)"),
        (int(i64::MIN), "(-9223372036854775807-1)"),
        (Value::Float(12.0), "0x1.8p+3"),
        (Value::Float(1.0), "0x1p+0"),
        (Value::Float(0.0), "0x0p+0"),
        (Value::Float(-0.0), "(-0x0p+0)"),
        (Value::Float(-5e-324), "(-0x1p-1074)"),
        (Value::Float(f64::INFINITY), "(1/0)"),
        (Value::Float(f64::NEG_INFINITY), "(-1/0)"),
        (Value::Float(f64::NAN), "(0/0)"),
        (
            Value::String(b"a\"b\\\n\0\x7f\xff9".to_vec()),
            r#""a\"b\\\n\000\127\2559""#,
        ),
        (
            table(vec![(s("x"), int(1)), (int(1), table(vec![]))]),
            r#"{["x"]=1,[1]={}}"#,
        ),
    ];
    for (value, literal) in cases {
        assert_eq!(to_literal(&value).unwrap(), literal, "{value:?}");
    }
}

#[test]
fn integers_come_back_from_lua_as_the_same_integers() {
    let lua = mlua::Lua::new();
    let mut rng = Rng(1);
    for i in SPECIAL_INTEGERS
        .into_iter()
        .chain((0..3000).map(|_| rng.integer()))
    {
        assert_exact_in_lua(&lua, &Value::Integer(i));
        let kind: String = lua
            .load(format!(
                "return math.type({})",
                to_literal(&int(i)).unwrap()
            ))
            .eval()
            .unwrap();
        assert_eq!(kind, "integer", "{i}");
    }
}

#[test]
fn floats_come_back_from_lua_with_the_same_bits_and_stay_floats() {
    let lua = mlua::Lua::new();
    let mut rng = Rng(2);
    for x in SPECIAL_FLOATS
        .into_iter()
        .chain((0..20_000).map(|_| rng.float()))
    {
        assert_exact_in_lua(&lua, &Value::Float(x));
    }
    let kind: String = lua.load("return math.type(0x1p+0)").eval().unwrap();
    assert_eq!(kind, "float", "a hex numeral with an exponent is a float");
}

#[test]
fn every_subnormal_exponent_and_negative_zero_are_exact() {
    let lua = mlua::Lua::new();
    for shift in 0..52 {
        for bits in [1u64 << shift, (1 << (shift + 1)) - 1] {
            assert_exact_in_lua(&lua, &Value::Float(f64::from_bits(bits)));
            assert_exact_in_lua(&lua, &Value::Float(-f64::from_bits(bits)));
        }
    }
    let back = eval(&lua, &Value::Float(-0.0));
    assert!(matches!(back, Value::Float(x) if x == 0.0 && x.is_sign_negative()));
}

#[test]
fn nan_comes_back_as_a_nan() {
    let lua = mlua::Lua::new();
    for bits in [
        0x7ff8_0000_0000_0000u64,
        0xfff8_0000_0000_0001,
        0x7ff0_0000_0000_0001,
    ] {
        let back = eval(&lua, &Value::Float(f64::from_bits(bits)));
        assert!(matches!(back, Value::Float(x) if x.is_nan()), "{back:?}");
    }
}

#[test]
fn strings_come_back_from_lua_with_the_same_bytes() {
    let lua = mlua::Lua::new();
    let every_byte: Vec<u8> = (0..=255).collect();
    assert_exact_in_lua(&lua, &Value::String(every_byte));
    // A digit after an escape must not be read as part of it.
    assert_exact_in_lua(&lua, &Value::String(b"\x001\x0123\n4".to_vec()));
    let mut rng = Rng(3);
    for _ in 0..5000 {
        assert_exact_in_lua(&lua, &Value::String(rng.bytes()));
    }
}

#[test]
fn nested_tables_come_back_from_lua_with_the_same_pairs() {
    let lua = mlua::Lua::new();
    let mut rng = Rng(4);
    for _ in 0..2000 {
        assert_exact_in_lua(&lua, &rng.table(3));
    }
}

#[test]
fn a_float_key_with_an_integral_value_becomes_an_integer_key_as_in_lua() {
    let lua = mlua::Lua::new();
    let back = eval(&lua, &table(vec![(Value::Float(2.0), s("x"))]));
    assert_eq!(back, table(vec![(int(2), s("x"))]));
}

#[test]
fn literals_mean_the_same_whatever_the_script_did_to_globals() {
    let lua = mlua::Lua::new();
    lua.load(
        "math = nil; string = nil; \
         setmetatable(_G, {__index = function() error('global read') end})",
    )
    .exec()
    .unwrap();
    let mut rng = Rng(5);
    for _ in 0..300 {
        assert_exact_in_lua(&lua, &rng.table(2));
    }
    for x in SPECIAL_FLOATS {
        assert_exact_in_lua(&lua, &Value::Float(x));
    }
    assert_exact_in_lua(&lua, &int(i64::MIN));
}

#[test]
fn a_literal_is_a_complete_expression_even_after_a_minus() {
    let lua = mlua::Lua::new();
    let mut rng = Rng(6);
    for _ in 0..2000 {
        let i = rng.integer();
        let literal = to_literal(&int(i)).unwrap();
        let got: i64 = lua.load(format!("return 1-{literal}")).eval().unwrap();
        assert_eq!(got, 1i64.wrapping_sub(i), "1-{literal}");
        let got: i64 = lua
            .load(format!("return 2^{literal} and {literal}"))
            .eval()
            .unwrap();
        assert_eq!(got, i);
    }
    for x in SPECIAL_FLOATS
        .into_iter()
        .chain((0..2000).map(|_| rng.float()))
    {
        let literal = to_literal(&Value::Float(x)).unwrap();
        let got: f64 = lua.load(format!("return 1-{literal}")).eval().unwrap();
        let want = 1.0 - x;
        assert!(
            got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
            "1-{literal}"
        );
    }
}

#[test]
fn tables_nest_up_to_the_depth_limit_and_no_deeper() {
    let lua = mlua::Lua::new();
    let nest = |depth: usize, as_key: bool| {
        let mut value = s("leaf");
        for _ in 0..depth {
            value = if as_key {
                table(vec![(value, int(-1))])
            } else {
                table(vec![(int(-1), value)])
            };
        }
        value
    };
    let max = lua_wasm_abi::value::MAX_DEPTH;
    assert_eq!(max, 100);
    for as_key in [false, true] {
        let deepest = nest(max, as_key);
        let literal = to_literal(&deepest).unwrap();
        let back = from_lua(lua.load(format!("return {literal}")).eval().unwrap());
        if !as_key {
            // A table key comes back as a new table, not comparable here: parsing is the point.
            assert!(same(&deepest, &back));
        }
        let err = to_literal(&nest(max + 1, as_key)).unwrap_err();
        assert!(
            err.message()
                .ends_with("tables nested deeper than 100 levels cannot be passed to Lua"),
            "{err}"
        );
    }
}

#[test]
fn values_without_a_literal_are_errors_and_leave_the_output_as_it_was() {
    let mut out = String::from("f(");
    let value = table(vec![(s("ok"), int(1)), (s("home"), Value::TableRef(7))]);
    let err = write_literal(&value, &mut out).unwrap_err();
    assert_eq!(out, "f(");
    assert_eq!(
        err.to_string(),
        "at .home: cannot pass an external table reference (id 7) as a value: it has no literal; \
         pass a plain copy of its contents, or let the Lua code reach the table through _home"
    );
    let err = to_literal(&array(vec![Value::Opaque("function: 0x10".into())])).unwrap_err();
    assert_eq!(
        err.to_string(),
        "at [1]: cannot pass function: 0x10 as a value: functions, coroutines and userdata \
         have no literal"
    );
    let err = to_literal(&table(vec![(Value::Nil, int(1))])).unwrap_err();
    assert_eq!(err.to_string(), "a table key cannot be nil");
    let err = to_literal(&table(vec![(
        s("t"),
        table(vec![(Value::Float(f64::NAN), int(1))]),
    )]))
    .unwrap_err();
    assert_eq!(err.to_string(), "at .t: a table key cannot be NaN");
}

#[test]
fn rust_data_goes_through_a_lua_literal_and_back() {
    let lua = mlua::Lua::new();
    let game = Game {
        players: vec![
            player("Ann", Class::Warrior),
            Player {
                nickname: Some("Z".into()),
                ..player(
                    "Bob",
                    Class::Mage {
                        mana: 3,
                        school: "\0\u{7f}é".into(),
                    },
                )
            },
        ],
        // A `None` in a Vec would leave a hole in a Lua array: not here.
        board: BTreeMap::from([(3, vec![Some('q')])]),
    };
    let back: Game = from_value(eval(&lua, &to_value(&game).unwrap())).unwrap();
    assert_eq!(back, game);
}

#[test]
fn literals_are_exact_in_lua_wasm_too() {
    // The guest reads numerals with its own strtod and does its arithmetic in wasm: the
    // same literals must give the same values there.
    let engine = lua_wasm_host::Engine::new().unwrap();
    let store = std::sync::Arc::new(lua_wasm_host::MemoryStore::new());
    let mut vm = lua_wasm_host::Vm::new(&engine, store).unwrap();
    let mut rng = Rng(7);
    let mut values: Vec<Value> = SPECIAL_FLOATS.into_iter().map(Value::Float).collect();
    values.extend(SPECIAL_INTEGERS.into_iter().map(Value::Integer));
    values.push(Value::String((0..=255).collect()));
    values.extend((0..1000).map(|_| Value::Float(rng.float())));
    values.extend((0..300).map(|_| Value::Integer(rng.integer())));
    values.extend((0..300).map(|_| Value::String(rng.bytes())));
    values.extend((0..300).map(|_| rng.table(3)));
    for value in &values {
        let literal = to_literal(value).unwrap();
        let out = vm.run(&format!("return {literal}")).unwrap();
        assert_eq!(out.values.len(), 1);
        assert!(
            same(value, &out.values[0]),
            "literal:\n{literal}\nwent in as:\n{value:?}\ncame back as:\n{:?}",
            out.values[0]
        );
    }
    let kinds = vm.run("return math.type(0x1p+0), math.type((-9223372036854775807-1))");
    assert_eq!(
        kinds.unwrap().values,
        [s("float"), s("integer")],
        "integral hex floats stay floats"
    );
}
