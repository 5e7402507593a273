//! `factlint lsp`: a Language Server over standard input and output.
//!
//! One thread does everything: it reads messages and, once the edits have paused for a moment,
//! checks every open document together with the workspace's articles on disk — so the checks
//! across sources see them all — and publishes the diagnostics of each open document.
//!
//! Each document is checked under the configuration of its own folder, as `factlint check` does:
//! documents configured with other rules or thresholds are checked by an engine of their own
//! (kept until the configuration is read again) and compared across sources only with each
//! other, and each document's findings are reported by its own choice of checks and severities.

mod actions;
mod hover;
mod position;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use factlint::config::{CONFIG_NAMES, Config, Configs, Discovery, EngineKey};
use factlint::corpus::{Found, Item, LoadOptions};
use factlint::error::{Error, Result};
use factlint::finding::{Finding, Severity};
use factlint::input::Format;
use factlint::lint::{LintSettings, configure};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as notify, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionProviderCapability, CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity,
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, HoverProviderCapability,
    InitializeParams, Location, MessageType, NumberOrString, PositionEncodingKind, PublishDiagnosticsParams,
    Registration, RegistrationParams, SaveOptions, ServerCapabilities, ServerInfo, ShowMessageParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};
use position::{Encoding, LineIndex};

use factlint::engine::{Article, Checked, Engine};

/// How long edits must pause before the documents are checked again.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// More articles than this on disk and the workspace is not read: checking it on every pause
/// in typing would be too slow.
const MAX_DISK_ARTICLES: usize = 2000;

pub fn run() -> Result<ExitCode> {
    let (connection, io_threads) = Connection::stdio();
    let outcome = serve(&connection);
    // The reader thread ends when the client closes its end.
    drop(connection);
    io_threads.join().map_err(protocol)?;
    outcome.map(|()| ExitCode::SUCCESS)
}

fn protocol(err: impl std::fmt::Display) -> Error {
    Error::usage(format!("language server protocol: {err}"))
}

fn serve(connection: &Connection) -> Result<()> {
    let (id, params) = connection.initialize_start().map_err(protocol)?;
    let params: InitializeParams = serde_json::from_value(params).map_err(protocol)?;
    let encoding = if params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8))
    {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    let root = workspace_root(&params);
    let capabilities = ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::FULL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions { include_text: Some(false) })),
            ..TextDocumentSyncOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    };
    let result = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": ServerInfo { name: "factlint".into(), version: Some(env!("CARGO_PKG_VERSION").into()) },
    });
    connection.initialize_finish(id, result).map_err(protocol)?;

    let watch_files = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    let mut server = Server::new(connection, root, encoding);
    if watch_files {
        server.watch_files();
    }
    server.main_loop()
}

/// The folder the client opened, or the current one.
fn workspace_root(params: &InitializeParams) -> PathBuf {
    #[allow(deprecated)] // `root_uri` is what older clients send.
    let uri = params.workspace_folders.as_ref().and_then(|f| f.first()).map(|f| &f.uri).or(params.root_uri.as_ref());
    uri.and_then(uri_to_path).or_else(|| std::env::current_dir().ok()).unwrap_or_else(|| PathBuf::from("."))
}

/// Documents checked by one engine, and which configurations they have.
struct Batch {
    engine: Arc<Engine>,
    articles: Vec<Article>,
    configs: Vec<usize>,
}

/// An open document.
struct Document {
    uri: Uri,
    /// The path findings name it by: relative to the workspace root when inside it.
    path: String,
    text: String,
    version: i32,
}

struct Server<'a> {
    connection: &'a Connection,
    root: PathBuf,
    encoding: Encoding,
    /// The configuration of each folder of the workspace.
    configs: Arc<Configs>,
    /// The workspace root's engine: for documents whose configuration cannot be read too.
    engine: Arc<Engine>,
    /// An engine per set of rules and thresholds met, the root's among them.
    engines: Vec<(EngineKey, Arc<Engine>)>,
    /// The last configuration problem shown, so it is not shown again on every keystroke.
    shown: Option<String>,
    /// Open documents by URI.
    documents: BTreeMap<Uri, Document>,
    /// The workspace's articles on disk, by path.
    disk: BTreeMap<String, String>,
    /// When to check again, if something changed.
    due: Option<Instant>,
    /// The last check, with the documents it covered: one per engine used.
    checked: Vec<(Arc<Engine>, Checked)>,
    /// The id of the last request sent to the client.
    next_request: i32,
}

impl<'a> Server<'a> {
    fn new(connection: &'a Connection, root: PathBuf, encoding: Encoding) -> Self {
        let (configs, engine, problem) = match load(&root) {
            Ok((configs, engine)) => (configs, engine, None),
            Err(err) => (unconfigured(&root), Arc::new(Engine::bundled()), Some(err)),
        };
        let mut server = Server {
            connection,
            root,
            encoding,
            configs,
            engines: vec![(engine.config.engine_key(&[]), engine.clone())],
            engine,
            shown: None,
            documents: BTreeMap::new(),
            disk: BTreeMap::new(),
            due: None,
            checked: Vec::new(),
            next_request: 0,
        };
        if let Some(err) = problem {
            server.show_error(&err);
        }
        server.read_disk();
        server
    }

    fn main_loop(&mut self) -> Result<()> {
        loop {
            let message = match self.due {
                Some(due) => match self.connection.receiver.recv_timeout(due.saturating_duration_since(Instant::now()))
                {
                    Ok(message) => Some(message),
                    Err(err) if err.is_timeout() => None,
                    Err(_) => return Ok(()),
                },
                None => match self.connection.receiver.recv() {
                    Ok(message) => Some(message),
                    Err(_) => return Ok(()),
                },
            };
            match message {
                None => self.check(),
                Some(Message::Request(request)) => {
                    if self.connection.handle_shutdown(&request).map_err(protocol)? {
                        return Ok(());
                    }
                    self.request(request);
                }
                Some(Message::Notification(notification)) => self.notification(notification),
                Some(Message::Response(_)) => {}
            }
        }
    }

    fn send(&self, message: impl Into<Message>) {
        // The client has gone if this fails; the loop ends on the next read.
        let _ = self.connection.sender.send(message.into());
    }

    fn show_error(&self, err: &Error) {
        let params = ShowMessageParams { typ: MessageType::ERROR, message: format!("factlint: {err}") };
        self.send(Notification::new(notify::ShowMessage::METHOD.into(), params));
    }

    /// The same, unless it was the last shown.
    fn show_error_once(&mut self, err: &Error) {
        let message = err.to_string();
        if self.shown.as_ref() != Some(&message) {
            self.show_error(err);
            self.shown = Some(message);
        }
    }

    /// The configuration of the folder of a document (by the path it is reported under), and
    /// the engine for its rules and thresholds; the root's when its configuration or rules are
    /// not valid (said once).
    fn configured(&mut self, path: &str) -> (Arc<Config>, Arc<Engine>) {
        let file = self.root.join(path);
        let config = match self.configs.folder(file.parent().unwrap_or(&self.root)) {
            Ok(config) => config,
            Err(err) => {
                self.show_error_once(&err);
                return (Arc::new(self.engine.config.clone()), self.engine.clone());
            }
        };
        let key = config.engine_key(&[]);
        if let Some((_, engine)) = self.engines.iter().find(|(k, _)| *k == key) {
            return (config, engine.clone());
        }
        match Engine::new(&config, &[]) {
            Ok(engine) => {
                let engine = Arc::new(engine);
                self.engines.push((key, engine.clone()));
                (config, engine)
            }
            Err(err) => {
                self.show_error_once(&err);
                (config, self.engine.clone())
            }
        }
    }

    /// Asks the client to tell of changes to configuration, rules and articles on disk.
    fn watch_files(&mut self) {
        let watchers = ["**/*.toml", "**/*.{md,markdown,mdx,txt,text,html,htm,xhtml,jsonl,ndjson}"]
            .map(|glob| FileSystemWatcher { glob_pattern: GlobPattern::String(glob.into()), kind: None })
            .to_vec();
        let registration = Registration {
            id: "factlint-watch".into(),
            method: notify::DidChangeWatchedFiles::METHOD.into(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions { watchers }).ok(),
        };
        self.next_request += 1;
        let params = RegistrationParams { registrations: vec![registration] };
        self.send(Request::new(
            RequestId::from(format!("factlint-{}", self.next_request)),
            req::RegisterCapability::METHOD.into(),
            params,
        ));
    }

    /// Reads the configuration and rules again; on an error, says so and keeps the old ones.
    fn reload(&mut self) {
        match load(&self.root) {
            Ok((configs, engine)) => {
                self.configs = configs;
                self.engines = vec![(engine.config.engine_key(&[]), engine.clone())];
                self.engine = engine;
                self.shown = None;
            }
            Err(err) => self.show_error(&err),
        }
        self.read_disk();
        self.due = Some(Instant::now());
    }

    /// The articles on disk, when the workspace has a configuration file of its own (a content
    /// repository set up for factlint) and not too many of them.
    fn read_disk(&mut self) {
        self.disk.clear();
        let own_config = self.engine.config_path.as_ref().is_some_and(|p| p.starts_with(&self.root));
        if !own_config {
            return;
        }
        let options = LoadOptions {
            paths: vec![self.root.clone()],
            walk: factlint::input::WalkOptions { configs: Some(self.configs.clone()), ..Default::default() },
            allow_empty: true,
            ..LoadOptions::default()
        };
        let found = Found::new(&options);
        if found.items.len() > MAX_DISK_ARTICLES {
            return;
        }
        for item in found.items {
            if let Item::Path(path) = item {
                if let Ok(bytes) = std::fs::read(&path) {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    self.disk.insert(self.relative(&path), text);
                }
            }
        }
    }

    fn relative(&self, path: &Path) -> String {
        path.strip_prefix(&self.root).unwrap_or(path).to_string_lossy().into_owned()
    }

    fn notification(&mut self, notification: Notification) {
        match notification.method.as_str() {
            notify::DidOpenTextDocument::METHOD => {
                if let Ok(params) =
                    notification.extract::<lsp_types::DidOpenTextDocumentParams>(notify::DidOpenTextDocument::METHOD)
                {
                    let doc = params.text_document;
                    let path =
                        uri_to_path(&doc.uri).map_or_else(|| doc.uri.as_str().to_string(), |p| self.relative(&p));
                    let path = with_language_extension(path, &doc.language_id);
                    self.documents
                        .insert(doc.uri.clone(), Document { uri: doc.uri, path, text: doc.text, version: doc.version });
                    self.due = Some(Instant::now());
                }
            }
            notify::DidChangeTextDocument::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidChangeTextDocumentParams>(notify::DidChangeTextDocument::METHOD)
                {
                    if let Some(doc) = self.documents.get_mut(&params.text_document.uri) {
                        // Full synchronisation: the last change is the whole text.
                        if let Some(change) = params.content_changes.into_iter().last() {
                            doc.text = change.text;
                            doc.version = params.text_document.version;
                            self.due = Some(Instant::now() + DEBOUNCE);
                        }
                    }
                }
            }
            notify::DidSaveTextDocument::METHOD => {
                if let Ok(params) =
                    notification.extract::<lsp_types::DidSaveTextDocumentParams>(notify::DidSaveTextDocument::METHOD)
                {
                    if is_settings_file(&params.text_document.uri) {
                        self.reload();
                    } else {
                        self.due = Some(Instant::now());
                    }
                }
            }
            notify::DidCloseTextDocument::METHOD => {
                if let Ok(params) =
                    notification.extract::<lsp_types::DidCloseTextDocumentParams>(notify::DidCloseTextDocument::METHOD)
                {
                    let uri = params.text_document.uri;
                    self.documents.remove(&uri);
                    self.publish(uri, Vec::new(), None);
                    self.due = Some(Instant::now());
                }
            }
            notify::DidChangeWatchedFiles::METHOD => {
                if let Ok(params) = notification
                    .extract::<lsp_types::DidChangeWatchedFilesParams>(notify::DidChangeWatchedFiles::METHOD)
                {
                    if params.changes.iter().any(|c| is_settings_file(&c.uri)) {
                        self.reload();
                    } else if !params.changes.is_empty() {
                        self.read_disk();
                        self.due = Some(Instant::now());
                    }
                }
            }
            _ => {}
        }
    }

    fn request(&mut self, request: Request) {
        // Answers rest on the documents as they are now.
        if self.due.is_some() {
            self.check();
        }
        let response = match request.method.as_str() {
            req::HoverRequest::METHOD => match serde_json::from_value::<lsp_types::HoverParams>(request.params) {
                Ok(params) => Response::new_ok(request.id, self.hover(&params)),
                Err(err) => invalid(request.id, err),
            },
            req::CodeActionRequest::METHOD => {
                match serde_json::from_value::<lsp_types::CodeActionParams>(request.params) {
                    Ok(params) => Response::new_ok(request.id, self.code_actions(&params)),
                    Err(err) => invalid(request.id, err),
                }
            }
            _ => Response::new_err(
                request.id,
                ErrorCode::MethodNotFound as i32,
                format!("unknown method {}", request.method),
            ),
        };
        self.send(response);
    }

    /// Checks the open documents with the articles on disk and publishes the diagnostics.
    fn check(&mut self) {
        self.due = None;
        let open: Vec<&Document> = self.documents.values().collect();
        let articles: Vec<Article> = open
            .iter()
            .map(|doc| (doc.path.clone(), doc.text.clone()))
            .chain(
                self.disk
                    .iter()
                    .filter(|(path, _)| !open.iter().any(|d| d.path == **path))
                    .map(|(p, t)| (p.clone(), t.clone())),
            )
            .map(|(path, text)| Article { path, text, format: None, published: None, outlet: None, url: None })
            .collect();
        // By engine: each batch checked on its own, with the checks its documents' configurations
        // choose, then each document's findings reported by its own configuration.
        let mut batches: Vec<Batch> = Vec::new();
        let mut configured: Vec<(Arc<Config>, LintSettings)> = Vec::new();
        let mut own: BTreeMap<String, usize> = BTreeMap::new();
        for article in articles {
            let (config, engine) = self.configured(&article.path);
            let c = configured.iter().position(|(c, _)| Arc::ptr_eq(c, &config)).unwrap_or_else(|| {
                configured.push((config.clone(), LintSettings::configured(&config)));
                configured.len() - 1
            });
            let b = batches.iter().position(|b| Arc::ptr_eq(&b.engine, &engine)).unwrap_or_else(|| {
                batches.push(Batch { engine, articles: Vec::new(), configs: Vec::new() });
                batches.len() - 1
            });
            if !batches[b].configs.contains(&c) {
                batches[b].configs.push(c);
            }
            own.insert(article.path.clone(), c);
            batches[b].articles.push(article);
        }
        self.checked = batches
            .into_iter()
            .map(|Batch { engine, articles, configs }| {
                let checked = match configs[..] {
                    [one] => engine.check_as(&articles, &configured[one].1),
                    _ => {
                        let union = LintSettings::union(configs.iter().map(|&c| &configured[c].1));
                        let mut checked = engine.check_as(&articles, &union);
                        configure(&mut checked.findings, |path| own.get(path).map(|&c| &configured[c].1));
                        checked
                    }
                };
                (engine, checked)
            })
            .collect();
        let mut published = Vec::new();
        for doc in self.documents.values() {
            let index = LineIndex::new(&doc.text, self.encoding);
            let diagnostics = self
                .checked
                .iter()
                .flat_map(|(_, checked)| &checked.findings)
                .filter(|f| f.path() == doc.path)
                .map(|f| self.diagnostic(f, &index))
                .collect();
            published.push((doc.uri.clone(), diagnostics, Some(doc.version)));
        }
        for (uri, diagnostics, version) in published {
            self.publish(uri, diagnostics, version);
        }
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams { uri, diagnostics, version };
        self.send(Notification::new(notify::PublishDiagnostics::METHOD.into(), params));
    }

    fn diagnostic(&self, finding: &Finding, index: &LineIndex) -> Diagnostic {
        let span = finding.location.span;
        let related = finding.related.iter().map(|r| self.related(r, finding, index)).collect();
        let mut message = finding.message.clone();
        if let Some(help) = &finding.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        for url in &finding.evidence {
            message.push_str("\nevidence: ");
            message.push_str(url);
        }
        Diagnostic {
            range: index.range(span.start, span.end),
            severity: Some(match finding.severity {
                Severity::Error => DiagnosticSeverity::ERROR,
                Severity::Warning => DiagnosticSeverity::WARNING,
                Severity::Info => DiagnosticSeverity::INFORMATION,
            }),
            code: Some(NumberOrString::String(finding.code.into())),
            code_description: explanation_uri(finding.code).map(|href| CodeDescription { href }),
            source: Some("factlint".into()),
            message,
            related_information: Some(related),
            ..Diagnostic::default()
        }
    }

    /// Another place a finding rests on: in an open document, an article or rule file on disk;
    /// a place that cannot be opened (a bundled rule) is named in the message instead.
    fn related(
        &self,
        related: &factlint::finding::Related,
        finding: &Finding,
        index: &LineIndex,
    ) -> DiagnosticRelatedInformation {
        let place = &related.location;
        let (line, column) = place.line_col();
        let open = self.documents.values().find(|d| *d.path == *place.path);
        let location = match open {
            Some(doc) => Some(Location::new(
                doc.uri.clone(),
                LineIndex::new(&doc.text, self.encoding).range(place.span.start, place.span.end),
            )),
            None => self.on_disk(&place.path).and_then(|path| {
                let text = std::fs::read_to_string(&path).ok()?;
                let range = LineIndex::new(&text, self.encoding).range(place.span.start, place.span.end);
                Some(Location::new(path_to_uri(&path)?, range))
            }),
        };
        match location {
            Some(location) => DiagnosticRelatedInformation { location, message: related.label.clone() },
            None => {
                let span = finding.location.span;
                let uri = self.documents.values().find(|d| *d.path == *finding.location.path).map(|d| d.uri.clone());
                let here = Location::new(
                    uri.unwrap_or_else(|| "file:///".parse().expect("a URI")),
                    index.range(span.start, span.end),
                );
                DiagnosticRelatedInformation {
                    location: here,
                    message: format!("{} ({}:{line}:{column})", related.label, place.path),
                }
            }
        }
    }

    /// A reported path as a file that exists: absolute, under the workspace, or a bundled rule
    /// file in the source tree factlint was built from.
    fn on_disk(&self, path: &str) -> Option<PathBuf> {
        let path = Path::new(path);
        [path.to_path_buf(), self.root.join(path), Path::new(env!("CARGO_MANIFEST_DIR")).join(path)]
            .into_iter()
            .find(|p| p.is_file())
            .and_then(|p| p.canonicalize().ok())
    }

    /// The last check's source for an open document, with its claims, and the engine (the
    /// rules) it was read with.
    fn checked_source(&self, uri: &Uri) -> Option<(&Document, &Engine, &Checked, usize)> {
        let doc = self.documents.get(uri)?;
        self.checked.iter().find_map(|(engine, checked)| {
            let source = checked.corpus.sources.iter().position(|s| s.file.path == doc.path)?;
            Some((doc, &**engine, checked, source))
        })
    }
}

/// The configuration of the workspace's folders, and the root's engine.
fn load(root: &Path) -> Result<(Arc<Configs>, Arc<Engine>)> {
    let configs = Arc::new(Configs::new(Discovery::default(), root)?);
    let config = configs.folder(root)?;
    let engine = Engine::new(&config, &[])?;
    Ok((configs, Arc::new(engine)))
}

/// No configuration at all: what is left when the workspace's is not valid.
fn unconfigured(root: &Path) -> Arc<Configs> {
    let discovery = Discovery { explicit: None, isolated: true };
    Arc::new(Configs::new(discovery, root).unwrap_or_else(|_| unreachable!("no file to read")))
}

fn invalid(id: RequestId, err: serde_json::Error) -> Response {
    Response::new_err(id, ErrorCode::InvalidParams as i32, err.to_string())
}

/// Configuration or rule files: a change means reading them again.
fn is_settings_file(uri: &Uri) -> bool {
    let path = uri.as_str();
    path.ends_with(".toml") || CONFIG_NAMES.iter().any(|name| path.ends_with(name))
}

/// A document whose name does not tell its format (an unsaved buffer) is read as its language.
fn with_language_extension(path: String, language: &str) -> String {
    if Format::is_article_extension(Path::new(&path).extension().and_then(|e| e.to_str()).unwrap_or("")) {
        return path;
    }
    match language {
        "markdown" => format!("{path}.md"),
        "html" => format!("{path}.html"),
        _ => path,
    }
}

/// Where `factlint explain CODE` is written out for editors to open: a file per code, made once
/// per version.
fn explanation_uri(code: &str) -> Option<Uri> {
    static FOLDER: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    let folder = FOLDER.get_or_init(|| {
        let folder = std::env::temp_dir().join(format!("factlint-{}-explain", env!("CARGO_PKG_VERSION")));
        std::fs::create_dir_all(&folder).ok()?;
        for check in factlint::checks::CHECKS {
            let code = check.info().code;
            std::fs::write(folder.join(format!("{code}.md")), crate::commands::explain::text(*check)).ok()?;
        }
        Some(folder)
    });
    path_to_uri(&folder.as_ref()?.join(format!("{code}.md")))
}

/// `file:` URIs, percent-encoded as RFC 8089 has them.
fn path_to_uri(path: &Path) -> Option<Uri> {
    let path = path.to_str()?;
    let mut uri = String::from("file://");
    if !path.starts_with('/') {
        uri.push('/');
    }
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => uri.push(byte as char),
            b'\\' => uri.push('/'),
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri.parse().ok()
}

fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file://host/path` names another machine; only the local one (empty host) is read.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    if !path.starts_with('/') {
        return None;
    }
    let mut bytes = Vec::with_capacity(path.len());
    let raw = path.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        let decoded = (raw[i] == b'%')
            .then(|| raw.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
        match decoded {
            Some(byte) => {
                bytes.push(byte);
                i += 3;
            }
            None => {
                bytes.push(raw[i]);
                i += 1;
            }
        }
    }
    let path = String::from_utf8(bytes).ok()?;
    // Windows: `/C:/x` is `C:/x`.
    let path = match path.as_bytes() {
        [b'/', drive, b':', ..] if drive.is_ascii_alphabetic() => path[1..].to_string(),
        _ => path,
    };
    Some(PathBuf::from(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_round_trip_with_escapes() {
        let path = Path::new("/tmp/a b/“c”.md");
        let uri = path_to_uri(path).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/a%20b/%E2%80%9Cc%E2%80%9D.md");
        assert_eq!(uri_to_path(&uri).unwrap(), path);
        assert_eq!(uri_to_path(&"untitled:Untitled-1".parse().unwrap()), None);
    }
}
