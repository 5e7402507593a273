//! The `factlint` binary: parse arguments, run a command, render errors, exit.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;
use cli::{Cli, ColorChoice, Command, RulesCommand};
use factlint::error::{Error, Result};

fn main() -> ExitCode {
    let cli = Cli::parse();
    install_error_renderer(cli.color);
    let result = match &cli.command {
        Command::Check(args) => commands::check::run(args, cli.color),
        Command::Claims(args) => commands::claims::run(args),
        Command::Explain { code } => commands::explain::run(code.as_deref()),
        Command::Rules(RulesCommand::Check { dirs }) => commands::rules::check(dirs),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("{:?}", miette::Report::new(err));
            ExitCode::from(2)
        }
    }
}

fn install_error_renderer(color: ColorChoice) {
    let _ = miette::set_hook(Box::new(move |_| {
        let mut options = miette::MietteHandlerOpts::new().terminal_links(false);
        options = match color {
            ColorChoice::Always => options.color(true),
            ColorChoice::Never => options.color(false),
            ColorChoice::Auto => options,
        };
        Box::new(options.build())
    }));
}

/// Reports errors that did not stop the run (unreadable paths); exit code 2 if there were any.
pub fn report_errors(errors: Vec<Error>) -> Result<ExitCode> {
    let failed = !errors.is_empty();
    for err in errors {
        eprintln!("{:?}", miette::Report::new(err));
    }
    Ok(if failed { ExitCode::from(2) } else { ExitCode::SUCCESS })
}
