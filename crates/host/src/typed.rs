//! Typed calls on a [`Vm`]: values move between Lua and the caller's own Rust types through
//! serde (see `serde_value` for the mapping), and arguments reach Lua as exact source
//! literals (see `lua_literal`), since `compute` is the module's only entry point.

use std::io::Write as _;

use lua_wasm_abi::value::Value;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::lua_literal::write_literal;
use crate::serde_value::{from_value, to_value};
use crate::vm::{Evaluated, Vm};

impl Vm {
    /// Runs `code` and converts what it returns into `T`: one value converts as itself,
    /// several as a sequence (so `(A, B)` takes two), none as nil (so `()` or `Option`).
    ///
    /// What the code prints goes to the output sink ([`Vm::set_output`]), or to the
    /// process's standard output when there is none, as `print` does in native Lua.
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use lua_wasm_host::{Engine, MemoryStore, Vm};
    /// # let mut vm = Vm::new(&Engine::new()?, Arc::new(MemoryStore::new()))?;
    /// let (sum, name): (i64, String) = vm.eval("return 1 + 2, 'lua'")?;
    /// assert_eq!((sum, name.as_str()), (3, "lua"));
    /// # Ok::<(), lua_wasm_host::Error>(())
    /// ```
    pub fn eval<T: DeserializeOwned>(&mut self, code: &str) -> Result<T> {
        let evaluated = self.run(code)?;
        convert_results(forward_output(evaluated))
    }

    /// Runs `code` for its effects.
    pub fn exec(&mut self, code: &str) -> Result<()> {
        forward_output(self.run(code)?);
        Ok(())
    }

    /// Calls the global function `name` (a name or a dotted path such as `string.rep`)
    /// with `args`, a tuple of serializable values (`()` for none, `(x,)` for one), and
    /// converts its results like [`eval`](Vm::eval).
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use lua_wasm_host::{Engine, MemoryStore, Vm};
    /// # let mut vm = Vm::new(&Engine::new()?, Arc::new(MemoryStore::new()))?;
    /// vm.exec("function greet(who, times) return ('hi ' .. who .. '! '):rep(times) end")?;
    /// let text: String = vm.call("greet", ("ada", 2))?;
    /// assert_eq!(text, "hi ada! hi ada! ");
    /// # Ok::<(), lua_wasm_host::Error>(())
    /// ```
    pub fn call<A: Serialize, R: DeserializeOwned>(&mut self, name: &str, args: A) -> Result<R> {
        check_name(name)?;
        let mut code = format!("return {name}(");
        let args = to_value(&args).map_err(Error::Convert)?;
        let list: Vec<Value> = match args {
            Value::Nil => Vec::new(),
            Value::Table(pairs) if is_sequence(&pairs) => {
                let mut pairs = pairs;
                pairs.sort_by_key(|(k, _)| match k {
                    Value::Integer(i) => *i,
                    _ => 0,
                });
                pairs.into_iter().map(|(_, v)| v).collect()
            }
            single => vec![single],
        };
        for (i, arg) in list.iter().enumerate() {
            if i > 0 {
                code.push_str(", ");
            }
            write_literal(arg, &mut code).map_err(Error::Convert)?;
        }
        code.push(')');
        self.eval(&code)
    }

    /// Sets the global `name` to `value`.
    ///
    /// ```
    /// # use std::sync::Arc;
    /// # use lua_wasm_host::{Engine, MemoryStore, Vm};
    /// # let mut vm = Vm::new(&Engine::new()?, Arc::new(MemoryStore::new()))?;
    /// vm.set_global("config", &std::collections::BTreeMap::from([("level", 3)]))?;
    /// assert_eq!(vm.eval::<i64>("return config.level * 2")?, 6);
    /// # Ok::<(), lua_wasm_host::Error>(())
    /// ```
    pub fn set_global<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<()> {
        check_name(name)?;
        let mut code = format!("{name} = ");
        write_literal(&to_value(value).map_err(Error::Convert)?, &mut code)
            .map_err(Error::Convert)?;
        self.exec(&code)
    }

    /// Reads the global `name` (or dotted path) as `T`.
    pub fn global<T: DeserializeOwned>(&mut self, name: &str) -> Result<T> {
        check_name(name)?;
        self.eval(&format!("return {name}"))
    }
}

/// True when the pairs are exactly the keys 1..n (a tuple or sequence).
fn is_sequence(pairs: &[(Value, Value)]) -> bool {
    let n = pairs.len() as i64;
    let mut seen = vec![false; pairs.len()];
    pairs.iter().all(|(k, _)| match k {
        Value::Integer(i) if (1..=n).contains(i) && !seen[(*i - 1) as usize] => {
            seen[(*i - 1) as usize] = true;
            true
        }
        _ => false,
    })
}

/// A global's name: Lua identifiers joined by dots, and no keyword-free check beyond
/// that (Lua reports a keyword as a syntax error).
fn check_name(name: &str) -> Result<()> {
    let ident = |s: &str| {
        let mut chars = s.chars();
        chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    if name.split('.').all(ident) {
        Ok(())
    } else {
        Err(Error::Convert(crate::serde_value::ConvertError::new(
            format!("{name:?} is not a Lua global name (identifiers joined by dots)"),
        )))
    }
}

/// Sends a run's collected output on (the sink already got what streamed).
fn forward_output(evaluated: Evaluated) -> Vec<Value> {
    if !evaluated.output.is_empty() {
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(&evaluated.output);
        let _ = stdout.flush();
    }
    if !evaluated.stderr.is_empty() {
        let _ = std::io::stderr().write_all(&evaluated.stderr);
    }
    evaluated.values
}

fn convert_results<T: DeserializeOwned>(mut values: Vec<Value>) -> Result<T> {
    let value = match values.len() {
        0 => Value::Nil,
        1 => values.remove(0),
        _ => Value::Table(
            values
                .into_iter()
                .enumerate()
                .map(|(i, v)| (Value::Integer(i as i64 + 1), v))
                .collect(),
        ),
    };
    from_value(value).map_err(Error::Convert)
}
