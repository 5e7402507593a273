//! The endpoints. Requests are read by hand from the body's bytes, so that a bad one gets a 400
//! naming the field at fault, never a panic or a bare framework message.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use factlint::checks::{CHECKS, by_code};
use factlint::input::{Format, parse_meta_date};
use factlint::report::{Summary, json};
use serde_json::{Value, json};

use super::Shared;
use factlint::engine::Article;

/// A JSON error: `{"error": "...", "field": "..."}`.
pub fn error(status: StatusCode, message: impl Into<String>, field: Option<&str>) -> Response {
    (status, axum::Json(json!({ "error": message.into(), "field": field }))).into_response()
}

/// The fields an article may have.
const FIELDS: &[&str] = &["text", "published", "path", "id", "outlet", "url", "title", "format"];

/// A bad request: what is wrong and, when one is at fault, which field.
struct BadRequest {
    message: String,
    field: Option<String>,
}

impl BadRequest {
    fn field(field: impl Into<String>, message: impl Into<String>) -> Self {
        BadRequest { message: message.into(), field: Some(field.into()) }
    }
}

/// The articles of a request: one article, or `{"articles": [...]}` checked together.
fn articles(body: &[u8]) -> Result<Vec<Article>, BadRequest> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|err| BadRequest { message: format!("the body is not JSON: {err}"), field: None })?;
    let Value::Object(mut object) = value else {
        return Err(BadRequest { message: "the body must be a JSON object".into(), field: None });
    };
    let items: Vec<(String, Value)> = match object.remove("articles") {
        Some(Value::Array(_)) if !object.is_empty() => {
            let extra = object.keys().next().cloned().unwrap_or_default();
            return Err(BadRequest::field(extra, "with `articles`, articles go inside it"));
        }
        Some(Value::Array(items)) if items.is_empty() => {
            return Err(BadRequest::field("articles", "`articles` is empty"));
        }
        Some(Value::Array(items)) => {
            items.into_iter().enumerate().map(|(i, v)| (format!("articles[{i}]."), v)).collect()
        }
        Some(_) => return Err(BadRequest::field("articles", "`articles` must be an array of articles")),
        None => vec![(String::new(), Value::Object(object))],
    };
    let numbered = items.len() > 1;
    items
        .into_iter()
        .enumerate()
        .map(|(n, (prefix, value))| article(value, &prefix, if numbered { n + 1 } else { 0 }))
        .collect()
}

fn article(value: Value, prefix: &str, number: usize) -> Result<Article, BadRequest> {
    let Value::Object(mut fields) = value else {
        return Err(BadRequest::field(prefix.trim_end_matches('.'), "an article must be a JSON object"));
    };
    if let Some(unknown) = fields.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        let message = format!("unknown field “{unknown}”: an article has {}", FIELDS.join(", "));
        return Err(BadRequest::field(format!("{prefix}{unknown}"), message));
    }
    let mut string = |key: &str| match fields.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        // An id may be a number.
        Some(Value::Number(n)) if key == "id" => Ok(Some(n.to_string())),
        Some(_) => Err(BadRequest::field(format!("{prefix}{key}"), format!("“{key}” must be a string"))),
    };
    let text = string("text")?.ok_or_else(|| BadRequest::field(format!("{prefix}text"), "missing field “text”"))?;
    let (published, path, id, outlet, url, format) =
        (string("published")?, string("path")?, string("id")?, string("outlet")?, string("url")?, string("format")?);
    string("title")?;
    let format = match format.as_deref() {
        None => None,
        Some("md" | "markdown") => Some(Format::Markdown),
        Some("txt" | "text") => Some(Format::Text),
        Some("html") => Some(Format::Html),
        Some(other) => {
            return Err(BadRequest::field(
                format!("{prefix}format"),
                format!("format “{other}” is not md, txt or html"),
            ));
        }
    };
    let published = match &published {
        None => None,
        Some(text) => Some(parse_meta_date(text).ok_or_else(|| {
            BadRequest::field(format!("{prefix}published"), format!("published “{text}” is not a date (YYYY-MM-DD)"))
        })?),
    };
    let path = path.or(id).unwrap_or_else(|| match number {
        0 => "article".into(),
        n => format!("article-{n}"),
    });
    // An article named without an extension is Markdown, which plain prose also reads as.
    let format = format.or_else(|| {
        let ext = std::path::Path::new(&path).extension().and_then(|e| e.to_str()).unwrap_or("");
        (!Format::is_article_extension(ext)).then_some(Format::Markdown)
    });
    Ok(Article { path, text, format, published, outlet, url })
}

/// `POST /v1/check`: the `--format json` version-1 report of the articles, checked together.
pub async fn check(State(shared): State<Arc<Shared>>, body: Result<Bytes, BytesRejection>) -> Response {
    // A body over the limit, or cut short, is said in JSON like any other bad request.
    let body = match body {
        Ok(body) => body,
        Err(rejection) => return error(rejection.status(), rejection.body_text(), None),
    };
    let articles = match articles(&body) {
        Ok(articles) => articles,
        Err(bad) => return error(StatusCode::BAD_REQUEST, bad.message, bad.field.as_deref()),
    };
    let engine = shared.engine();
    let report = tokio::task::spawn_blocking(move || {
        let checked = engine.check(&articles);
        let summary = Summary::new(&checked.findings, checked.corpus.sources.len());
        let mut out = Vec::new();
        json::write(&mut out, &checked.findings, &checked.summaries(), summary, &[]).map(|()| out)
    })
    .await;
    match report {
        Ok(Ok(out)) => ([(header::CONTENT_TYPE, "application/json")], out).into_response(),
        Ok(Err(err)) => error(StatusCode::INTERNAL_SERVER_ERROR, format!("cannot write the report: {err}"), None),
        Err(err) => error(StatusCode::INTERNAL_SERVER_ERROR, format!("the check failed: {err}"), None),
    }
}

/// `GET /v1/explain/{code}`: what `factlint explain CODE` prints, and its parts.
pub async fn explain(Path(code): Path<String>) -> Response {
    match by_code(&code) {
        Some(check) => {
            let info = check.info();
            axum::Json(json!({
                "code": info.code,
                "default_severity": info.default_severity,
                "summary": info.summary,
                "text": crate::commands::explain::text(check),
            }))
            .into_response()
        }
        None => {
            let codes: Vec<&str> = CHECKS.iter().map(|c| c.info().code).collect();
            error(
                StatusCode::NOT_FOUND,
                format!("no check code is “{code}”; codes: {}", codes.join(", ")),
                Some("code"),
            )
        }
    }
}

/// `POST /v1/reload`: compiles the rules and reads the configuration again.
pub async fn reload(State(shared): State<Arc<Shared>>) -> Response {
    match tokio::task::spawn_blocking(move || shared.reload()).await {
        Ok(Ok(engine)) => axum::Json(json!({ "status": "reloaded", "rules": rules(&engine) })).into_response(),
        Ok(Err(err)) => error(StatusCode::UNPROCESSABLE_ENTITY, format!("the rules were not reloaded: {err}"), None),
        Err(err) => error(StatusCode::INTERNAL_SERVER_ERROR, format!("the reload failed: {err}"), None),
    }
}

/// `GET /healthz`: up, with the rules it holds.
pub async fn health(State(shared): State<Arc<Shared>>) -> Response {
    axum::Json(json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION"), "rules": rules(&shared.engine()) }))
        .into_response()
}

pub async fn not_found() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "no such endpoint: POST /v1/check, GET /v1/explain/{code}, POST /v1/reload, GET /healthz",
        None,
    )
}

fn rules(engine: &factlint::engine::Engine) -> Value {
    json!({ "files": engine.kb.files.len(), "entities": engine.kb.entities.len(), "events": engine.kb.events.len() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_requests_name_the_field_at_fault() {
        let cases = [
            (r#"{"text": "x", "published": "soon"}"#, Some("published")),
            (r#"{"published": "2026-01-06"}"#, Some("text")),
            (r#"{"text": "x", "format": "pdf"}"#, Some("format")),
            (r#"{"text": 3}"#, Some("text")),
            (r#"{"articles": [{"text": "x"}, 5]}"#, Some("articles[1]")),
            (r#"{"articles": [{"text": "x"}, {"txt": "y"}]}"#, Some("articles[1].txt")),
            (r#"{"articles": []}"#, Some("articles")),
            (r#"{"text": "#, None),
            ("[1]", None),
        ];
        for (body, field) in cases {
            let bad = articles(body.as_bytes()).err().unwrap_or_else(|| panic!("{body} is refused"));
            assert_eq!(bad.field.as_deref(), field, "{body}: {}", bad.message);
        }
    }

    #[test]
    fn articles_are_named_and_typed() {
        let body = r#"{"articles": [{"text": "a", "id": 7, "published": "2026-01-06"}, {"text": "b", "path": "x.html"}, {"text": "c"}]}"#;
        let articles = articles(body.as_bytes()).ok().unwrap();
        let names: Vec<&str> = articles.iter().map(|a| a.path.as_str()).collect();
        assert_eq!(names, ["7", "x.html", "article-3"]);
        assert_eq!(articles[0].format, Some(Format::Markdown));
        assert_eq!(articles[1].format, None);
        assert_eq!(articles[0].published, chrono::NaiveDate::from_ymd_opt(2026, 1, 6));
    }
}
