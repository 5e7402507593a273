#!/usr/bin/env bash
# Scores factlint on the real-news corpus of eval/ (see eval/README.md): recall by kind and
# confidence, precision over errors and warnings, traps hit, clean articles with alarms, and
# every false positive and miss on its own line. A measurement, not a test.
#
#   scripts/eval.sh                  # build --release, then score with rules/ and eval/rules/
#   scripts/eval.sh --summary        # figures only
#   scripts/eval.sh --bundled-only   # with the bundled rules alone
#   scripts/eval.sh --json out.json  # the figures as JSON too (for before/after tables)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
exec python3 scripts/eval.py "$@"
