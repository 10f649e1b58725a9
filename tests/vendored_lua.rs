//! lua-src/ holds Lua 5.4.9 exactly as released: every file matches lua-src/SHA256SUMS.

use std::path::Path;
use std::process::Command;

#[test]
fn lua_sources_are_unmodified_lua_5_4_9() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lua-src");
    let status = Command::new("sha256sum")
        .args(["--check", "--quiet", "SHA256SUMS"])
        .current_dir(&dir)
        .status()
        .unwrap();
    assert!(
        status.success(),
        "a file in lua-src/ differs from the released Lua 5.4.9"
    );
    let header = std::fs::read_to_string(dir.join("lua.h")).unwrap();
    assert!(
        header.contains("#define LUA_VERSION_RELEASE\t\"9\"")
            && header.contains("#define LUA_VERSION_MINOR\t\"4\"")
    );
}
