//! `factlint serve` as a CMS meets it: the binary started on a free loopback port, spoken to by
//! a real HTTP client. Every wait is bounded.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const WAIT: Duration = Duration::from_secs(30);

struct Server {
    child: Child,
    base: String,
    /// Standard error, a line at a time: the access log.
    log: Receiver<String>,
    agent: ureq::Agent,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(extra)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("factlint serve starts");
        let (sender, log) = channel();
        let stderr = BufReader::new(child.stderr.take().unwrap());
        std::thread::spawn(move || {
            for line in stderr.lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    return;
                }
            }
        });
        let first = log.recv_timeout(WAIT).expect("the server says where it listens");
        let base = first.split("listening on ").nth(1).unwrap_or_else(|| panic!("{first}")).to_string();
        let agent = ureq::Agent::config_builder().http_status_as_error(false).timeout_global(Some(WAIT)).build().into();
        Server { child, base, log, agent }
    }

    fn get(&self, path: &str) -> (u16, Value) {
        let response = self.agent.get(format!("{}{path}", self.base)).call().expect("a response");
        read(response)
    }

    fn post(&self, path: &str, body: &str, token: Option<&str>) -> (u16, Value) {
        let mut request = self.agent.post(format!("{}{path}", self.base)).header("content-type", "application/json");
        if let Some(token) = token {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        read(request.send(body).expect("a response"))
    }

    /// Stops the server as a service manager does, and waits for it to end.
    fn terminate(mut self) -> std::process::ExitStatus {
        let status = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().unwrap();
        assert!(status.success());
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the server stops on SIGTERM");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read(mut response: ureq::http::Response<ureq::Body>) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap();
    (status, serde_json::from_str(&text).unwrap_or_else(|_| panic!("JSON: {text}")))
}

const MISSPELLED: &str = "Rustam Umarov, a senior Ukrainian official, spoke on Monday.";

#[test]
fn a_cms_checks_articles_and_gets_the_version_1_report() {
    let server = Server::start(&[]);
    let (status, health) = server.get("/healthz");
    assert_eq!((status, &health["status"]), (200, &json!("ok")));

    let body = json!({ "text": MISSPELLED, "published": "2026-01-18", "id": "story-1", "outlet": "Example" });
    let (status, report) = server.post("/v1/check", &body.to_string(), None);
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["version"], 1);
    let finding = &report["findings"][0];
    assert_eq!(finding["code"], "name.misspelled");
    assert_eq!(finding["path"], "story-1");
    assert_eq!((&finding["line"], &finding["column"]), (&json!(1), &json!(1)));
    assert_eq!(finding["fix"]["replacement"], "Rustem Umerov");
    assert_eq!(report["sources"][0]["published"], "2026-01-18");
    assert_eq!(report["summary"]["errors"], 1);

    // Several articles are checked together: the other spelling is cited from the other one.
    let body = json!({ "articles": [
        { "text": MISSPELLED, "path": "a.md", "published": "2026-01-18" },
        { "text": "Rustem Umerov, the security council secretary, arrived.", "path": "b.md", "published": "2026-01-18" },
    ] });
    let (status, report) = server.post("/v1/check", &body.to_string(), None);
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["summary"]["files"], 2);
    let related = report["findings"][0]["related"].as_array().unwrap();
    assert!(related.iter().any(|r| r["path"] == "b.md"), "{related:#?}");

    let (status, explained) = server.get("/v1/explain/title.stale");
    assert_eq!(status, 200);
    assert!(explained["text"].as_str().unwrap().starts_with("title.stale (error by default)"));
    assert_eq!(server.get("/v1/explain/no.such").0, 404);
    assert_eq!(server.get("/v2/nothing").0, 404);

    let (status, reloaded) = server.post("/v1/reload", "", None);
    assert_eq!((status, &reloaded["status"]), (200, &json!("reloaded")));

    // One access-log line per request, with method, path, status and time.
    let deadline = Instant::now() + WAIT;
    let mut lines = Vec::new();
    while lines.len() < 7 && Instant::now() < deadline {
        if let Ok(line) = server.log.recv_timeout(Duration::from_millis(100)) {
            lines.push(serde_json::from_str::<Value>(&line).unwrap_or_else(|_| panic!("{line}")));
        }
    }
    assert_eq!(lines[1]["method"], "POST");
    assert_eq!(lines[1]["path"], "/v1/check");
    assert_eq!(lines[1]["status"], 200);
    assert!(lines[1]["ms"].is_number());

    assert!(server.terminate().success());
}

#[test]
fn bad_requests_get_400_naming_the_field_and_large_ones_413() {
    let server = Server::start(&["--max-body", "2000"]);
    let cases = [
        ("{not json", Value::Null),
        (r#"{"published": "2026-01-18"}"#, json!("text")),
        (r#"{"text": "x", "published": "tomorrow"}"#, json!("published")),
        (r#"{"text": "x", "format": "docx"}"#, json!("format")),
        (r#"{"articles": [{"text": "x"}, {"body": "y"}]}"#, json!("articles[1].body")),
    ];
    for (body, field) in cases {
        let (status, error) = server.post("/v1/check", body, None);
        assert_eq!(status, 400, "{body}: {error}");
        assert_eq!(error["field"], field, "{body}: {error}");
        assert!(error["error"].as_str().is_some_and(|e| !e.is_empty()));
    }
    let large = json!({ "text": "word ".repeat(1000) }).to_string();
    assert_eq!(server.post("/v1/check", &large, None).0, 413);
    // Still serving after all that.
    assert_eq!(server.get("/healthz").0, 200);
}

#[test]
fn a_token_is_required_when_one_is_set_and_off_loopback() {
    let folder = tempfile::tempdir().unwrap();
    let token_file = folder.path().join("token");
    std::fs::write(&token_file, "s3cret\n").unwrap();
    let server = Server::start(&["--token-file", token_file.to_str().unwrap()]);
    let body = json!({ "text": MISSPELLED }).to_string();
    assert_eq!(server.post("/v1/check", &body, None).0, 401);
    assert_eq!(server.post("/v1/check", &body, Some("wrong")).0, 401);
    assert_eq!(server.post("/v1/check", &body, Some("s3cret")).0, 200);
    assert_eq!(server.get("/healthz").0, 200);

    let refused =
        Command::new(env!("CARGO_BIN_EXE_factlint")).args(["serve", "--listen", "0.0.0.0:0"]).output().unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--token-file"));
}
