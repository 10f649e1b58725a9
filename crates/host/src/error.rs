//! The host library's error type.

use std::fmt;

/// Everything that can go wrong when running Lua in lua.wasm.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The Lua code raised an error (or did not compile). `message` is what Lua reports,
    /// including the traceback for runtime errors.
    Lua { message: String },
    /// The code is longer than the module's I/O buffer.
    CodeTooLarge { len: usize, max: usize },
    /// The table store failed.
    Store(StoreError),
    /// The module trapped or broke the ABI; this VM can no longer be used.
    Module(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Lua { message } => f.write_str(message),
            Error::CodeTooLarge { len, max } => write!(
                f,
                "the code is {len} bytes, more than the {max}-byte I/O buffer of lua.wasm; split it into several calls"
            ),
            Error::Store(e) => write!(f, "table store: {e}"),
            Error::Module(msg) => write!(f, "lua.wasm failed: {msg}; create a new VM"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Store(e) => Some(e),
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
