//! The host library's error type.

use std::fmt;
use std::time::Duration;

/// Everything that can go wrong when running Lua in lua.wasm.
///
/// After `Syntax`, `Runtime`, `BudgetExhausted`, `OutOfMemory` and `ResultTooLarge` the VM
/// is intact and ready for the next call; after `Timeout` too, unless its `vm_reset` says
/// otherwise. After `Module` its instance was discarded: the next call runs on a fresh
/// one (globals are gone, `_home` is intact).
/// In every case the failed call changed nothing in the table store.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The code did not compile (`lua_load` failed).
    Syntax {
        /// Lua's message, e.g. `[string "x ="]:1: unexpected symbol near <eof>`.
        message: String,
    },
    /// The code raised an error while running.
    Runtime {
        /// Lua's message, e.g. `[string "..."]:2: attempt to index a nil value`.
        message: String,
        /// The traceback (`stack traceback:\n\t...`), empty when the error value
        /// described itself (`__tostring`).
        traceback: String,
        /// The chunk the error points at (`[string "..."]`), when the message has a position.
        chunk: Option<String>,
        /// The line the error points at, when the message has a position.
        line: Option<u32>,
    },
    /// The call executed more Lua instructions than its budget
    /// ([`VmOptions::instruction_budget`](crate::VmOptions)).
    BudgetExhausted {
        /// The budget that was spent.
        instructions: u64,
        /// Lua's message, with the position where the call was stopped.
        message: String,
    },
    /// The call ran longer than its deadline ([`VmOptions::timeout`](crate::VmOptions)).
    Timeout {
        /// The deadline that passed.
        after: Duration,
        /// False when the script was stopped at a Lua instruction, as by an error (the VM
        /// is intact); true when it was stuck inside one library function and had to be
        /// trapped, so the VM's instance was replaced (globals gone, `_home` intact).
        vm_reset: bool,
    },
    /// Lua ran out of memory ([`VmOptions::memory_limit`](crate::VmOptions)).
    OutOfMemory {
        /// The VM's memory limit in bytes.
        limit: usize,
    },
    /// The code is longer than the module's I/O buffer.
    CodeTooLarge {
        /// The code's length.
        len: usize,
        /// The most the buffer takes.
        max: usize,
    },
    /// The values returned do not fit in the module's I/O buffer.
    ResultTooLarge {
        /// The module's explanation.
        message: String,
    },
    /// A value could not be converted between Lua and Rust (serde), or a name is not a
    /// Lua global name.
    Convert(crate::serde_value::ConvertError),
    /// The table store failed.
    Store(StoreError),
    /// The module trapped or broke the ABI.
    Module(String),
}

impl Error {
    /// The error as Lua reports it (message and traceback), for Lua errors.
    pub fn lua_message(&self) -> Option<String> {
        match self {
            Error::Syntax { message } => Some(message.clone()),
            Error::Runtime {
                message, traceback, ..
            } if traceback.is_empty() => Some(message.clone()),
            Error::Runtime {
                message, traceback, ..
            } => Some(format!("{message}\n{traceback}")),
            Error::BudgetExhausted { message, .. } => Some(message.clone()),
            Error::OutOfMemory { .. } => Some("not enough memory".into()),
            _ => None,
        }
    }

    /// Builds the error for a failed `compute`, from the kind the module reported
    /// (docs/ABI.md, "Host services") and its message.
    pub(crate) fn from_guest(
        kind: Option<&str>,
        message: String,
        options: &crate::VmOptions,
    ) -> Error {
        use lua_wasm_abi::error_kind as kind_of;
        match kind {
            Some(kind_of::SYNTAX) => Error::Syntax { message },
            Some(kind_of::MEMORY) => Error::OutOfMemory {
                limit: options.memory_limit,
            },
            Some(kind_of::BUDGET) => Error::BudgetExhausted {
                instructions: options.instruction_budget.unwrap_or(0),
                message,
            },
            Some(kind_of::TIMEOUT) => Error::Timeout {
                after: options.timeout.unwrap_or_default(),
                vm_reset: false,
            },
            Some(kind_of::ABI) => Error::ResultTooLarge { message },
            _ => runtime(message),
        }
    }
}

/// Splits a runtime error into message, traceback and position.
fn runtime(full: String) -> Error {
    let (message, traceback) = match full.find("\nstack traceback:") {
        Some(at) => (full[..at].to_string(), full[at + 1..].to_string()),
        None => (full, String::new()),
    };
    let (chunk, line) = position(&message).map_or((None, None), |(c, l)| (Some(c), Some(l)));
    Error::Runtime {
        message,
        traceback,
        chunk,
        line,
    }
}

/// The `chunk:line:` prefix of a Lua message, if it has one.
fn position(message: &str) -> Option<(String, u32)> {
    // A `[string "..."]` chunk name may itself contain ':' and digits: skip past it.
    let search_from = if message.starts_with("[string \"") {
        message.find("\"]:").map(|i| i + 2)?
    } else {
        0
    };
    let rest = &message[search_from..];
    let colon = search_from + rest.find(':')?;
    let after = &message[colon + 1..];
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || !after[digits.len()..].starts_with(':') {
        return None;
    }
    Some((message[..colon].to_string(), digits.parse().ok()?))
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Syntax { message } => f.write_str(message),
            Error::Runtime { .. } => f.write_str(&self.lua_message().unwrap_or_default()),
            Error::BudgetExhausted { message, .. } => write!(
                f,
                "{message} (raise VmOptions::instruction_budget if the script needs more)"
            ),
            Error::Timeout {
                after,
                vm_reset: false,
            } => write!(
                f,
                "the script ran longer than its {after:?} deadline and was stopped (the VM is \
                 intact; the call's _home writes were undone); raise VmOptions::timeout if it \
                 needs longer"
            ),
            Error::Timeout {
                after,
                vm_reset: true,
            } => write!(
                f,
                "the script ran longer than its {after:?} deadline and was stopped inside a \
                 library function; its VM was reset (globals lost, _home kept); raise \
                 VmOptions::timeout if it needs longer"
            ),
            Error::OutOfMemory { limit } => write!(
                f,
                "not enough memory: the script needs more than the VM's {limit}-byte limit \
                 (raise VmOptions::memory_limit if it should have more)"
            ),
            Error::CodeTooLarge { len, max } => write!(
                f,
                "the code is {len} bytes, more than the {max}-byte I/O buffer of lua.wasm; split it into several calls"
            ),
            Error::ResultTooLarge { message } => f.write_str(message),
            Error::Convert(e) => write!(f, "converting a value: {e}"),
            Error::Store(e) => write!(f, "table store: {e}"),
            Error::Module(msg) => write!(f, "lua.wasm failed: {msg}; its VM was reset (globals lost, _home kept)"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Store(e) => Some(e),
            Error::Convert(e) => Some(e),
            _ => None,
        }
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        Error::Store(e)
    }
}

/// A failure of a [`TableStore`](crate::TableStore).
#[derive(Debug, Clone)]
pub struct StoreError(pub String);

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runtime_errors_are_split_into_message_traceback_and_position() {
        let e = runtime("[string \"a:1: b\"]:12: boom\nstack traceback:\n\tx".into());
        let Error::Runtime {
            message,
            traceback,
            chunk,
            line,
        } = e
        else {
            panic!()
        };
        assert_eq!(message, "[string \"a:1: b\"]:12: boom");
        assert_eq!(traceback, "stack traceback:\n\tx");
        assert_eq!(
            (chunk.as_deref(), line),
            (Some("[string \"a:1: b\"]"), Some(12))
        );
    }

    #[test]
    fn messages_without_a_position_have_none() {
        let Error::Runtime { chunk, line, .. } = runtime("just a value".into()) else {
            panic!()
        };
        assert_eq!((chunk, line), (None, None));
        assert_eq!(position("stdin:3: x"), Some(("stdin".into(), 3)));
        assert_eq!(position("a: b"), None);
    }
}
