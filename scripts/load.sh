#!/usr/bin/env bash
# Load test of `factlint serve`: 8 clients POST 5 KB articles for 30 s (override with CLIENTS,
# DURATION, SIZE). Prints requests/s, p50/p99 latency, errors, and the server's memory (RSS)
# before and after. Bounded: the server is stopped at the end, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${CLIENTS:-8} seconds=${DURATION:-30} size=${SIZE:-5120}
cargo build --release --quiet --bin factlint --example load
log=$(mktemp)
target/release/factlint serve --listen 127.0.0.1:0 2>"$log" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do grep -q "listening on" "$log" && break; sleep 0.1; done
base=$(sed -n 's/.*listening on //p' "$log" | head -1)
rss() { awk '/VmRSS/ { print $2 " " $3 }' "/proc/$server/status" 2>/dev/null || echo "n/a"; }
echo "server $base, RSS before: $(rss)"
# One warm-up request, so the first allocation of the pools is not counted as growth.
curl -s -o /dev/null -X POST -H 'content-type: application/json' -d '{"text": "Warm-up."}' "$base/v1/check" || true
echo "RSS after warm-up: $(rss)"
# Memory over the run, every 10 s: flat once the pools are warm.
( for _ in $(seq $((seconds / 10))); do sleep 10; echo "RSS during: $(rss)"; done ) &
sampler=$!
target/release/examples/load "$base" "$clients" "$seconds" "$size"
wait $sampler 2>/dev/null || true
echo "RSS after: $(rss)"
echo "access-log lines: $(grep -c '"path":"/v1/check"' "$log")"
