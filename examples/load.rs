//! A bounded load test for `factlint serve`: CLIENTS threads POST articles of about SIZE bytes
//! (the seed articles, repeated to size) to `/v1/check` for SECONDS, then the requests per
//! second, the latency percentiles and the errors are printed. `scripts/load.sh` runs it.
//!
//! `cargo run --release --example load -- http://127.0.0.1:8484 [CLIENTS] [SECONDS] [SIZE]`

use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let base = args.next().unwrap_or_else(|| "http://127.0.0.1:8484".into());
    let mut number = |default: usize| args.next().and_then(|a| a.parse().ok()).unwrap_or(default);
    let (clients, seconds, size) = (number(8), number(30), number(5 * 1024));
    let articles = articles(size);
    let url = format!("{base}/v1/check");
    let began = Instant::now();
    let until = began + Duration::from_secs(seconds as u64);
    let results: Vec<(Vec<Duration>, usize)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..clients)
            .map(|client| {
                let (articles, url) = (&articles, &url);
                scope.spawn(move || {
                    let agent: ureq::Agent = ureq::Agent::config_builder()
                        .http_status_as_error(false)
                        .timeout_global(Some(Duration::from_secs(30)))
                        .build()
                        .into();
                    let (mut latencies, mut errors) = (Vec::new(), 0);
                    let mut n = client;
                    while Instant::now() < until {
                        let body = &articles[n % articles.len()];
                        n += 1;
                        let sent = Instant::now();
                        let ok = agent
                            .post(url)
                            .header("content-type", "application/json")
                            .send(body.as_str())
                            .ok()
                            .filter(|r| r.status() == 200)
                            .and_then(|mut r| r.body_mut().read_to_string().ok())
                            .is_some_and(|text| text.contains("\"version\": 1"));
                        latencies.push(sent.elapsed());
                        errors += usize::from(!ok);
                    }
                    (latencies, errors)
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or_default()).collect()
    });
    let elapsed = began.elapsed().as_secs_f64();
    let errors: usize = results.iter().map(|r| r.1).sum();
    let mut latencies: Vec<Duration> = results.into_iter().flat_map(|r| r.0).collect();
    latencies.sort();
    let percentile = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!("clients {clients}, {seconds} s, articles of {size} bytes");
    println!("requests {} ({:.0}/s), errors {errors}", latencies.len(), latencies.len() as f64 / elapsed);
    println!("latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms", percentile(0.50), percentile(0.99), percentile(1.0));
}

/// The seed articles as request bodies, each repeated to `size` bytes (cut on a character).
fn articles(size: usize) -> Vec<String> {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&seeds).expect("fixtures/seeds").flatten().map(|e| e.path()).collect();
    paths.sort();
    paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|path| {
            let seed = std::fs::read_to_string(path).expect("a seed article");
            let mut text = seed.clone();
            while text.len() < size {
                text.push_str("\n\n");
                text.push_str(&seed);
            }
            let mut end = size.min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.truncate(end);
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            serde_json::json!({ "text": text, "path": name }).to_string()
        })
        .collect()
}
