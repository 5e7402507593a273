//! `factlint init`: a commented `factlint.toml` and an example rules file, never overwriting
//! what exists unless asked.

use std::path::Path;
use std::process::ExitCode;

use factlint::error::{Error, Result};

const CONFIG: &str = include_str!("init/factlint.toml");
const EXAMPLE_RULES: &str = include_str!("init/example.toml");

pub fn run(force: bool) -> Result<ExitCode> {
    let files = [(Path::new("factlint.toml"), CONFIG), (Path::new("rules/example.toml"), EXAMPLE_RULES)];
    if !force {
        if let Some((path, _)) = files.iter().find(|(p, _)| p.exists()) {
            return Err(Error::Usage {
                message: format!("{} exists already", path.display()),
                help: Some("pass --force to overwrite it".into()),
            });
        }
    }
    for (path, text) in files {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder)
                .map_err(|e| Error::Write { path: folder.display().to_string(), reason: e.to_string() })?;
        }
        std::fs::write(path, text)
            .map_err(|e| Error::Write { path: path.display().to_string(), reason: e.to_string() })?;
        println!("wrote {}", path.display());
    }
    println!("next: edit rules/example.toml, check it with `factlint rules check rules`, then `factlint check .`");
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_starter_files_are_valid() {
        let rules = factlint::source::SourceFile::new("example.toml", super::EXAMPLE_RULES);
        factlint::kb::KnowledgeBase::compile(vec![rules]).expect("example rules validate");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("factlint.toml");
        std::fs::write(&path, super::CONFIG).unwrap();
        factlint::config::Config::load(&path).expect("the starter config loads");
    }
}
