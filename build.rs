//! Embeds the bundled knowledge base (`rules/**/*.toml`) so that `factlint check FILE` works
//! anywhere with no setup.

use std::path::{Path, PathBuf};
use std::{env, fs};

fn collect(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, found);
        } else if path.extension().is_some_and(|e| e == "toml") {
            found.push(path);
        }
    }
}

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let rules = root.join("rules");
    println!("cargo::rerun-if-changed=rules");
    let mut files = Vec::new();
    collect(&rules, &mut files);
    files.sort();
    let mut out = String::from("pub static FILES: &[(&str, &str)] = &[\n");
    for file in &files {
        let relative = file.strip_prefix(&rules).expect("under rules/").to_string_lossy().replace('\\', "/");
        out += &format!("    ({relative:?}, include_str!({:?})),\n", file.display().to_string());
    }
    out += "];\n";
    let target = PathBuf::from(env::var("OUT_DIR").expect("set by cargo")).join("bundled_rules.rs");
    fs::write(target, out).expect("OUT_DIR is writable");
}
