//! `factlint lsp` as an editor runs it: a child process spoken to in JSON-RPC over its standard
//! input and output. Every wait is bounded, so a server that stops answering fails the test
//! rather than hanging it.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const WAIT: Duration = Duration::from_secs(30);

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
}

impl Client {
    fn start(root: &std::path::Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("factlint lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, messages) = channel();
        // The reader thread ends when the server closes its output.
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                if sender.send(serde_json::from_slice(&body).expect("JSON")).is_err() {
                    return;
                }
            }
        });
        Client { child, stdin, messages }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and waits for its response, setting aside what comes before it.
    fn request(&mut self, id: u64, method: &str, params: Value) -> Value {
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let response = self.wait_for(|m| m["id"] == id && m.get("method").is_none());
        assert!(response.get("error").is_none(), "{method}: {response}");
        response["result"].clone()
    }

    fn wait_for(&self, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self.messages.recv_timeout(left).expect("the server answers in time");
            if wanted(&message) {
                return message;
            }
        }
    }

    fn diagnostics(&self, uri: &str, version: i64) -> Vec<Value> {
        let message = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        message["params"]["diagnostics"].as_array().unwrap().clone()
    }
}

fn with_code<'a>(diagnostics: &'a [Value], code: &str) -> Vec<&'a Value> {
    diagnostics.iter().filter(|d| d["code"] == code).collect()
}

#[test]
fn an_editor_session_shows_findings_fixes_and_hovers() {
    let root = tempfile::tempdir().unwrap();
    let root_uri = format!("file://{}", root.path().display());
    let uri = format!("{root_uri}/draft.md");
    let mut client = Client::start(root.path());

    let init = client.request(
        1,
        "initialize",
        json!({ "processId": null, "rootUri": root_uri, "capabilities": { "general": { "positionEncodings": ["utf-16"] } } }),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    client.notify("initialized", json!({}));

    // “ and ” are one UTF-16 unit each but three bytes: the column must count units.
    let text = "---\ndate: 2026-01-18\n---\n\n“Talks,” said Rustam Umarov, a Ukrainian official.\n";
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }),
    );
    let diagnostics = client.diagnostics(&uri, 1);
    let misspelled = with_code(&diagnostics, "name.misspelled");
    assert_eq!(misspelled.len(), 1, "{diagnostics:#?}");
    let diagnostic = misspelled[0];
    assert_eq!(diagnostic["range"]["start"], json!({ "line": 4, "character": 14 }));
    assert_eq!(diagnostic["range"]["end"], json!({ "line": 4, "character": 27 }));
    assert_eq!(diagnostic["severity"], 1);
    assert!(diagnostic["message"].as_str().unwrap().contains("Rustem Umerov"), "{diagnostic}");
    assert!(diagnostic["codeDescription"]["href"].as_str().unwrap().ends_with("name.misspelled.md"));
    let related = diagnostic["relatedInformation"].as_array().unwrap();
    // The rule: opened from the source tree it was built from, or named in the message.
    let rule =
        |r: &&Value| (r["location"]["uri"].to_string() + r["message"].as_str().unwrap()).contains("ukraine.toml");
    assert!(related.iter().any(|r| rule(&r)), "{related:#?}");

    let text = format!("{text}\nSteve Wittkopf arrived later.\n");
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": text }] }),
    );
    let diagnostics = client.diagnostics(&uri, 2);
    assert_eq!(with_code(&diagnostics, "name.misspelled").len(), 2, "{diagnostics:#?}");

    let actions = client.request(
        2,
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": { "start": { "line": 4, "character": 15 }, "end": { "line": 4, "character": 15 } },
            "context": { "diagnostics": [] }
        }),
    );
    let titles: Vec<&str> = actions.as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Write “Rustem Umerov”", "Ignore name.misspelled in this paragraph"]);
    let fix = &actions[0]["edit"]["changes"][&uri][0];
    assert_eq!(fix["newText"], "Rustem Umerov");
    assert_eq!(fix["range"]["start"], json!({ "line": 4, "character": 14 }));
    let ignore = &actions[1]["edit"]["changes"][&uri][0];
    assert_eq!(ignore["newText"], "<!-- factlint-ignore name.misspelled -->\n");
    assert_eq!(ignore["range"]["start"], json!({ "line": 4, "character": 0 }));

    let hover = client.request(
        3,
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 4, "character": 20 } }),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("Rustem Umerov") && shown.contains("misspelling"), "{shown}");
    assert!(shown.contains("Roles on 2026-01-18"), "{shown}");

    client.request(4, "shutdown", Value::Null);
    client.notify("exit", Value::Null);
    let deadline = Instant::now() + WAIT;
    let status = loop {
        if let Some(status) = client.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the server exits after `exit`");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status}");
}

#[test]
fn each_document_is_checked_under_the_config_of_its_own_folder() {
    let root = tempfile::tempdir().unwrap();
    let sub = root.path().join("sub");
    std::fs::create_dir_all(sub.join("kb")).unwrap();
    std::fs::write(root.path().join("factlint.toml"), "[checks]\nignore = [\"draft\"]\n").unwrap();
    std::fs::write(sub.join("factlint.toml"), "rules = [\"kb\"]\n[severity]\n\"name.misspelled\" = \"warning\"\n")
        .unwrap();
    std::fs::write(
        sub.join("kb/people.toml"),
        "[[entity]]\nid = \"jane-example\"\nname = \"Jane Example\"\nkind = \"person\"\nmisspellings = [\"Jane Exemple\"]\nsource = \"https://example.org/jane\"\n",
    )
    .unwrap();
    let root_uri = format!("file://{}", root.path().display());
    let mut client = Client::start(root.path());
    client.request(1, "initialize", json!({ "processId": null, "rootUri": root_uri, "capabilities": {} }));
    client.notify("initialized", json!({}));

    let text = "---\ndate: 2026-01-18\n---\n\nJane Exemple met Rustam Umarov in Kyiv.\n";
    let (top, below) = (format!("{root_uri}/a.md"), format!("{root_uri}/sub/b.md"));
    for uri in [&top, &below] {
        client.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }),
        );
    }
    let misspelled = |uri: &str| -> Vec<(String, i64)> {
        let diagnostics = client.diagnostics(uri, 1);
        with_code(&diagnostics, "name.misspelled")
            .iter()
            .map(|d| {
                (d["message"].as_str().unwrap().lines().next().unwrap().to_string(), d["severity"].as_i64().unwrap())
            })
            .collect()
    };
    // The root's rules (built in) at the root; sub's own rules and severities in sub/.
    assert_eq!(misspelled(&top), [("“Rustam Umarov” is a misspelling of Rustem Umerov".to_string(), 1)]);
    assert_eq!(misspelled(&below), [("“Jane Exemple” is a misspelling of Jane Example".to_string(), 2)]);
    // Hover reads a document's claims with its own rules.
    let hover = client.request(
        2,
        "textDocument/hover",
        json!({ "textDocument": { "uri": below }, "position": { "line": 4, "character": 2 } }),
    );
    let shown = hover["contents"]["value"].as_str().unwrap();
    assert!(shown.contains("Jane Example") && shown.contains("misspelling"), "{shown}");

    client.request(3, "shutdown", Value::Null);
    client.notify("exit", Value::Null);
}
