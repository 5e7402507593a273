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
    /// Write a commented factlint.toml and an example rules file here.
    Init {
        /// Overwrite files that exist.
        #[arg(long)]
        force: bool,
    },
    /// Explain a check code (or list them all).
    Explain {
        /// A code such as `title.stale`; without it, every code is listed.
        code: Option<String>,
    },
    /// Work with rule files.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Run a Language Server over standard input and output, for editors.
    Lsp,
    /// Run an HTTP service that checks articles posted to it (for a CMS).
    Serve(crate::serve::ServeArgs),
    /// Print shell completions (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff), e.g. `factlint man > factlint.1`.
    Man,
    /// Print the JSON Schema of `--format json` (docs/report.schema.json).
    Schema,
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

    /// A configuration file read on top of those found (factlint.toml in each article's
    /// folder and every folder above it, the nearest winning per key).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Read no configuration file but the one `--config` names.
    #[arg(long)]
    pub isolated: bool,

    /// The articles' date, overriding their own (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// The file name to give standard input (its extension picks the format).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// Read hidden files and folders in folder walks (names starting with a dot).
    #[arg(long)]
    pub hidden: bool,

    /// Follow symlinks in folder walks (loops are detected).
    #[arg(long, short = 'L')]
    pub follow: bool,

    /// A named folder without articles is not an error.
    #[arg(long)]
    pub allow_empty: bool,

    /// List what folder walks passed over (hidden files, symlinks not followed).
    #[arg(long, short)]
    pub verbose: bool,

    /// Threads to use (default: one per core; at most twice the cores, and 64).
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

    /// Apply the safe fixes the report shows (known misspellings), writing files atomically.
    #[arg(long)]
    pub fix: bool,

    /// With --fix: print the fixes as a diff instead of writing them.
    #[arg(long, requires = "fix")]
    pub diff: bool,

    /// Report only findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Record every current finding in this baseline file, and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Annotated snippets for people.
    Human,
    /// `path:line:col: severity[code] message`.
    Short,
    /// One JSON object, schema version 1.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// reviewdog's diagnostic JSON.
    Rdjson,
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
    /// List open facts to re-check: never checked first, then the oldest `checked` day.
    Stale(StaleArgs),
    /// Write rule files from another knowledge base.
    #[command(subcommand)]
    Import(ImportCommand),
}

#[derive(Debug, Args)]
pub struct StaleArgs {
    /// Rule folders or files (default: the bundled rules).
    pub dirs: Vec<PathBuf>,

    /// Only facts last checked more than this many days ago (and those never checked).
    #[arg(long, value_name = "DAYS")]
    pub older_than: Option<u32>,

    /// Today, for the ages (default: the system's date, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Wikidata entity JSON (Special:EntityData documents, dumps: plain, .gz or .bz2) or SPARQL
    /// results (application/sparql-results+json).
    Wikidata(WikidataArgs),
}

#[derive(Debug, Args)]
pub struct WikidataArgs {
    /// The files to read.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,

    /// The folder to write rule files into (created if missing); `-` writes them to standard output.
    #[arg(long, value_name = "DIR", required_unless_present = "update", conflicts_with = "update")]
    pub out: Option<PathBuf>,

    /// A folder imported into before: rewrites the files it imported, keeps every other file.
    #[arg(long, value_name = "DIR")]
    pub update: Option<PathBuf>,

    /// Only these entities (comma-separated QIDs), e.g. `Q123,Q456`.
    #[arg(long, value_delimiter = ',', value_name = "QID")]
    pub filter: Vec<String>,

    /// Only people who held one of these positions (P39), e.g. `Q11696`.
    #[arg(long, value_delimiter = ',', value_name = "QID")]
    pub position: Vec<String>,

    /// Only people who are citizens of one of these countries (P27), e.g. `Q212`.
    #[arg(long, value_delimiter = ',', value_name = "QID")]
    pub country: Vec<String>,

    /// The `checked` day of every fact (e.g. a dump's date); default: each entity's `modified` day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub checked: Option<String>,
}
