//! `factlint serve`: an HTTP JSON service for a CMS to check articles before publishing.
//!
//! The rules are compiled once, at start and on `POST /v1/reload` (or SIGHUP), and shared by
//! every request; checking runs on the blocking pool, so a long article never stalls the
//! listener. Every request is bounded: body size, time, and how many run at once.

mod api;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use clap::Args;
use factlint::error::{Error, Result};
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use factlint::engine::Engine;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on. Any but a loopback address needs --token-file.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8484")]
    pub listen: SocketAddr,

    /// A rules folder (or file); repeatable. Replaces the bundled rules.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,

    /// The configuration file (default: factlint.toml found walking up from here).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// A file holding the bearer token every request must carry (but `GET /healthz`).
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,

    /// The largest request body accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 5 * 1024 * 1024)]
    pub max_body: usize,

    /// How long a request may take, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub timeout: u64,

    /// How many requests are handled at once; more wait their turn.
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub concurrency: usize,
}

/// What every request shares.
pub(crate) struct Shared {
    /// Swapped whole on reload: a request keeps the engine it started with.
    engine: RwLock<Arc<Engine>>,
    config: Option<PathBuf>,
    rules: Vec<PathBuf>,
    start: PathBuf,
    token: Option<String>,
}

impl Shared {
    pub(crate) fn engine(&self) -> Arc<Engine> {
        self.engine.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    /// Compiles the rules again; on an error the old ones stay.
    pub(crate) fn reload(&self) -> Result<Arc<Engine>> {
        let engine = Arc::new(Engine::load(&self.start, self.config.as_deref(), &self.rules)?);
        *self.engine.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = engine.clone();
        Ok(engine)
    }
}

pub fn run(args: &ServeArgs) -> Result<ExitCode> {
    let token = match &args.token_file {
        Some(path) => {
            let token = std::fs::read_to_string(path).map_err(|e| Error::read(path.display(), e))?.trim().to_string();
            if token.is_empty() {
                return Err(Error::usage(format!("the token file {} is empty", path.display())));
            }
            Some(token)
        }
        None if !args.listen.ip().is_loopback() => {
            return Err(Error::Usage {
                message: format!("listening on {} without a token would let anyone on the network in", args.listen),
                help: Some("give --token-file FILE, or listen on a loopback address such as 127.0.0.1".into()),
            });
        }
        None => None,
    };
    let start = std::env::current_dir().map_err(|e| Error::read("the current folder", e))?;
    let engine = Engine::load(&start, args.config.as_deref(), &args.rules)?;
    let shared = Arc::new(Shared {
        engine: RwLock::new(Arc::new(engine)),
        config: args.config.clone(),
        rules: args.rules.clone(),
        start,
        token,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::usage(format!("cannot start the HTTP runtime: {e}")))?;
    runtime.block_on(serve(args, shared))?;
    Ok(ExitCode::SUCCESS)
}

fn app(shared: Arc<Shared>, args: &ServeArgs) -> Router {
    Router::new()
        .route("/v1/check", post(api::check))
        .route("/v1/explain/{code}", get(api::explain))
        .route("/v1/reload", post(api::reload))
        .route_layer(middleware::from_fn_with_state(shared.clone(), authorize))
        .route("/healthz", get(api::health))
        .fallback(api::not_found)
        .layer(DefaultBodyLimit::max(args.max_body))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, Duration::from_secs(args.timeout)))
        .layer(GlobalConcurrencyLimitLayer::new(args.concurrency.max(1)))
        .layer(middleware::from_fn(access_log))
        .with_state(shared)
}

async fn serve(args: &ServeArgs, shared: Arc<Shared>) -> Result<()> {
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| Error::read(format!("address {}", args.listen), e))?;
    let address = listener.local_addr().map_err(|e| Error::read("the listening socket", e))?;
    eprintln!("factlint serve: listening on http://{address}");
    reload_on_hangup(shared.clone());
    axum::serve(listener, app(shared, args))
        .with_graceful_shutdown(shutdown())
        .await
        .map_err(|e| Error::read(format!("address {address}"), e))?;
    eprintln!("factlint serve: stopped");
    Ok(())
}

/// Ends the server on ctrl-c or SIGTERM, once the requests under way are answered.
async fn shutdown() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

/// SIGHUP reloads the rules and the configuration, as `POST /v1/reload` does.
fn reload_on_hangup(shared: Arc<Shared>) {
    #[cfg(unix)]
    tokio::spawn(async move {
        let Ok(mut hangups) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()) else {
            return;
        };
        while hangups.recv().await.is_some() {
            let shared = shared.clone();
            let outcome = tokio::task::spawn_blocking(move || shared.reload().map(|_| ())).await;
            match outcome {
                Ok(Ok(())) => eprintln!("factlint serve: rules reloaded"),
                Ok(Err(err)) => eprintln!("factlint serve: the rules were not reloaded: {err}"),
                Err(err) => eprintln!("factlint serve: the rules were not reloaded: {err}"),
            }
        }
    });
    #[cfg(not(unix))]
    let _ = shared;
}

/// With a token configured, every request but the health check carries it.
async fn authorize(State(shared): State<Arc<Shared>>, headers: HeaderMap, request: Request, next: Next) -> Response {
    let Some(token) = &shared.token else {
        return next.run(request).await;
    };
    let given = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if given.is_some_and(|given| same_secret(given.trim().as_bytes(), token.as_bytes())) {
        next.run(request).await
    } else {
        let mut response = api::error(StatusCode::UNAUTHORIZED, "a valid bearer token is required", None);
        response
            .headers_mut()
            .insert(axum::http::header::WWW_AUTHENTICATE, axum::http::HeaderValue::from_static("Bearer"));
        response
    }
}

/// Compares in time that does not depend on where the strings differ.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// One line per request on standard error: method, path, status, milliseconds.
async fn access_log(request: Request, next: Next) -> impl IntoResponse {
    let began = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    let line = serde_json::json!({
        "method": method.as_str(),
        "path": path,
        "status": response.status().as_u16(),
        "ms": (began.elapsed().as_secs_f64() * 1000.0 * 100.0).round() / 100.0,
    });
    eprintln!("{line}");
    response
}
