//! Checking texts from a program: rules and settings loaded once, then any number of articles
//! checked from memory. This is what `factlint lsp` and `factlint serve` are built on, and the
//! entry point for other programs (see the crate's documentation for an example).
//!
//! An engine holds one configuration. Articles whose folders are configured differently are
//! checked by one engine per [`EngineKey`](crate::config::EngineKey) — rules and thresholds —
//! each with [`Engine::check_as`] the settings of all its articles' configurations together,
//! then [`configure`](crate::lint::configure)d file by file; `factlint lsp` does so.

use std::path::{Path, PathBuf};

use crate::claim::Claim;
use crate::config::{Config, Configs, Discovery};
use crate::corpus::{Corpus, extract_all, line_errors};
use crate::error::Result;
use crate::extract::ExtractSettings;
use crate::extract::count::CountSettings;
use crate::facts::SourceSummary;
use crate::finding::Finding;
use crate::input::{Format, Loaded, Meta, load};
use crate::kb::KnowledgeBase;
use crate::lint::{LintSettings, lint};
use crate::text::fold;
use chrono::NaiveDate;

/// The rules compiled and the configuration read, ready to check any number of articles.
pub struct Engine {
    pub kb: KnowledgeBase,
    pub extract: ExtractSettings,
    pub lint: LintSettings,
    /// The configuration file read, if one was found.
    pub config_path: Option<PathBuf>,
    pub config: Config,
}

/// One article given as text.
pub struct Article {
    /// The path (or id) findings are reported under; its extension picks the format unless
    /// `format` is given.
    pub path: String,
    pub text: String,
    pub format: Option<Format>,
    /// The article's date, overriding any it states.
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub url: Option<String>,
}

impl Article {
    /// An article of `text`, reported under `path` (whose extension picks the format: `.md`,
    /// `.txt`, `.html`, `.jsonl`), dated by its own front matter or dateline unless
    /// [`published`](Article::published) is given.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Article {
        Article { path: path.into(), text: text.into(), format: None, published: None, outlet: None, url: None }
    }

    /// The article's date, overriding any it states: titles and relative dates are read at it.
    pub fn published(mut self, date: NaiveDate) -> Article {
        self.published = Some(date);
        self
    }

    /// The outlet that published it: the checks across sources count outlets, not files.
    pub fn outlet(mut self, outlet: impl Into<String>) -> Article {
        self.outlet = Some(outlet.into());
        self
    }

    /// Its format, whatever the path's extension says.
    pub fn format(mut self, format: Format) -> Article {
        self.format = Some(format);
        self
    }
}

/// What checking articles together gave: the sources read (in the order given), their claims,
/// and the findings over them all.
pub struct Checked {
    pub corpus: Corpus,
    pub claims: Vec<Vec<Claim>>,
    pub findings: Vec<Finding>,
}

impl Checked {
    pub fn summaries(&self) -> Vec<SourceSummary> {
        self.corpus.sources.iter().map(SourceSummary::of).collect()
    }
}

impl Engine {
    /// The configuration found from `start` up (or `config`), and the rules it names (or
    /// `rules`, or the bundled ones).
    pub fn load(start: &Path, config: Option<&Path>, rules: &[PathBuf]) -> Result<Engine> {
        let configs = Configs::new(Discovery { explicit: config, isolated: false }, start)?;
        let config = configs.folder(start)?;
        Engine::new(&config, rules)
    }

    /// The bundled rules and the default settings: what is left when the workspace's own
    /// configuration or rules are invalid.
    pub fn bundled() -> Engine {
        Engine::new(&Config::default(), &[]).unwrap_or_else(|_| unreachable!("the bundled rules are tested to compile"))
    }

    /// The engine of `config`: the rules it names (or `rules`, or the bundled ones) compiled,
    /// and its settings.
    pub fn new(config: &Config, rules: &[PathBuf]) -> Result<Engine> {
        let rules = if rules.is_empty() { config.rules.clone() } else { rules.to_vec() };
        let mut kb = if rules.is_empty() { KnowledgeBase::bundled()? } else { KnowledgeBase::load_cached(&rules)? };
        kb.distinct.extend(config.distinct.iter().map(|n| fold(n)));
        Ok(Engine {
            kb,
            extract: ExtractSettings {
                counts: CountSettings { approximate: config.count_tolerance },
                ..ExtractSettings::default()
            },
            lint: LintSettings::configured(config),
            config_path: config.path.clone(),
            config: config.clone(),
        })
    }

    /// Checks the articles together, so the checks across sources compare them.
    pub fn check(&self, articles: &[Article]) -> Checked {
        self.check_as(articles, &self.lint)
    }

    /// The same, running the checks `settings` choose, at their thresholds, instead of the
    /// configuration's (for articles configured differently; see the module's documentation).
    pub fn check_as(&self, articles: &[Article], settings: &LintSettings) -> Checked {
        let mut corpus = Corpus::default();
        for article in articles {
            let format = article.format.unwrap_or_else(|| Format::of(Path::new(&article.path)));
            let meta = |mut sources: Vec<crate::input::Source>| {
                for source in &mut sources {
                    let Meta { outlet, url, .. } = &mut source.meta;
                    if article.outlet.is_some() {
                        outlet.clone_from(&article.outlet);
                    }
                    if article.url.is_some() {
                        url.clone_from(&article.url);
                    }
                }
                sources
            };
            match load(&article.path, article.text.as_bytes(), format, article.published) {
                Loaded::Articles(sources) => corpus.sources.extend(meta(sources)),
                Loaded::Binary(file) => corpus.skipped.push(file),
                Loaded::Partial(sources, problems, file) => {
                    corpus.sources.extend(meta(sources));
                    corpus.errors.extend(line_errors(&file, problems));
                }
            }
        }
        let claims = extract_all(&corpus.sources, &self.kb, &self.extract, &crate::corpus::Silent);
        let findings = lint(&corpus, &claims, &self.kb, settings);
        Checked { corpus, claims, findings }
    }
}
