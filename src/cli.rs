//! Command-line arguments, as clap reads them. Turning them into settings is the commands' job.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "factlint",
    version,
    about = "Checks news writing for misspelled names, stale titles and conflicting dates and counts"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to use colours (NO_COLOR is honoured by `auto`).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// No progress bar, nothing on standard error but errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check articles against the rules and against each other.
    Check(CheckArgs),
    /// List every claim read from the articles: mentions, titles, dates, counts.
    Claims(ClaimsArgs),
    /// Explain a check code (or list them all).
    Explain {
        /// A code such as `title.stale`; without it, every code is listed.
        code: Option<String>,
    },
    /// Work with rule files.
    #[command(subcommand)]
    Rules(RulesCommand),
}

/// What every command that reads articles shares.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or folders to read; `-` reads standard input.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// A rules folder (or file); repeatable. Replaces the bundled rules.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,

    /// The configuration file (default: factlint.toml found walking up from here).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The articles' date, overriding their own (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// The file name to give standard input (its extension picks the format).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// Threads to use (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,

    /// The least severity that makes the exit code 1: error, warning, info or never.
    #[arg(long, value_name = "LEVEL")]
    pub fail_on: Option<String>,

    /// Only these codes or groups (comma-separated), e.g. `name,title.stale`.
    #[arg(long, value_delimiter = ',', value_name = "CODE")]
    pub select: Vec<String>,

    /// Not these codes or groups (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "CODE")]
    pub ignore: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Human,
    Short,
    Json,
}

#[derive(Debug, Args)]
pub struct ClaimsArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[arg(long, value_enum, default_value_t = ClaimsFormat::Table)]
    pub format: ClaimsFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClaimsFormat {
    Table,
    Jsonl,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Validate rule folders (default: the bundled rules).
    Check {
        /// Rule folders or files.
        dirs: Vec<PathBuf>,
    },
}
