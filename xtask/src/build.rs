//! `cargo xtask build`: builds lua.wasm and publishes it to `web/`.

use anyhow::Result;
use lua_wasm_builder::Built;

use crate::{file_size, root};

pub fn run() -> Result<Built> {
    let out = root().join("target/lua-wasm");
    let built = lua_wasm_builder::build(&out)?;
    let web = root().join("web");
    std::fs::copy(&built.module, web.join("lua.wasm"))?;
    std::fs::copy(&built.legacy_module, web.join("lua-legacy-eh.wasm"))?;
    println!(
        "web/lua.wasm: {} bytes (web/lua-legacy-eh.wasm, for engines without exnref: {} bytes)",
        file_size(&web.join("lua.wasm"))?,
        file_size(&web.join("lua-legacy-eh.wasm"))?
    );
    Ok(built)
}
