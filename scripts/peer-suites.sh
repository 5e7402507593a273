#!/usr/bin/env bash
# Measures date and count extraction against the peer suites (Microsoft Recognizers-Text specs,
# converted; see ../shared/peer-suites/README.md). A measurement, not a test: it prints scores.
#
#   scripts/peer-suites.sh                     # every suite
#   scripts/peer-suites.sh --show-failures 5   # extra arguments go to score.py
set -euo pipefail
cd "$(dirname "$0")/.."
suites="${PEER_SUITES:-../shared/peer-suites}"
if [ ! -f "$suites/cases.jsonl" ]; then
    echo "peer suites not found at $suites (set PEER_SUITES)" >&2
    exit 2
fi
cargo build --release --quiet
python3 "$suites/score.py" "$suites/cases.jsonl" target/release/factlint "$@"
