//! Where `_home` lives: the store named by `--home`, or the default home file under the
//! user's data directory, and where the REPL keeps its history.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{anyhow, Context as _};
use lua_wasm::{MemoryStore, SqliteStore, TableStore};

/// The `--home` value that keeps `_home` in memory, for this run only.
pub const IN_MEMORY: &str = ":memory:";

/// lua-wasm's data directory: `$XDG_DATA_HOME/lua-wasm`, else `$HOME/.local/share/lua-wasm`.
/// The XDG base-directory rules apply: empty or relative values are ignored.
pub fn data_dir() -> Option<PathBuf> {
    let absolute = |var: &str| {
        std::env::var_os(var)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    absolute("XDG_DATA_HOME")
        .or_else(|| absolute("HOME").map(|h| h.join(".local/share")))
        .map(|d| d.join("lua-wasm"))
}

/// The home used without `--home`: `$LUA_WASM_HOME` if set, else `home.db` in [`data_dir`].
pub fn default_home() -> Option<PathBuf> {
    std::env::var_os("LUA_WASM_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| data_dir().map(|d| d.join("home.db")))
}

/// A path as `--help` shows it, or what to do when there is none.
pub fn describe(path: Option<PathBuf>) -> String {
    match path {
        Some(p) => p.display().to_string(),
        None => "none (set LUA_WASM_HOME, XDG_DATA_HOME or HOME)".into(),
    }
}

/// The REPL's history file, `history` in [`data_dir`].
pub fn history_file() -> Option<PathBuf> {
    data_dir().map(|d| d.join("history"))
}

/// Opens the store for `_home`: `explicit` (from `--home`), or the default home, whose
/// directory is created if needed.
pub fn open(explicit: Option<&Path>) -> anyhow::Result<Arc<dyn TableStore>> {
    let path = match explicit {
        Some(p) if p.as_os_str() == IN_MEMORY => return Ok(Arc::new(MemoryStore::new())),
        Some(p) => p.to_path_buf(),
        None => {
            let path = default_home().ok_or_else(|| {
                anyhow!(
                    "no place for _home: set LUA_WASM_HOME (or HOME), or pass --home PATH \
                     (--home :memory: for a home that lasts one run)"
                )
            })?;
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).with_context(|| {
                    format!(
                        "cannot create the directory {} for the default home",
                        dir.display()
                    )
                })?;
            }
            path
        }
    };
    if path.is_dir() {
        return Err(anyhow!(
            "cannot open the home store {}: it is a directory (give a file, e.g. --home {})",
            path.display(),
            path.join("home.db").display()
        ));
    }
    let store = SqliteStore::open(&path).map_err(|e| {
        // The store's messages usually name the file already.
        let shown = path.display().to_string();
        match e.to_string() {
            message if message.contains(&shown) => anyhow!(message),
            message => anyhow!("cannot open the home store {shown}: {message}"),
        }
    })?;
    Ok(Arc::new(store))
}
