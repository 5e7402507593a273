#!/usr/bin/env bash
# Where factlint's time goes on the 10k generated corpus (issue 5): a flat profile (perf report
# --no-children) and a breakdown by component, for all threads and for the main thread (the
# serial part of the run: rule loading, cross-source checks, the report).
#
#   scripts/profile.sh                   # needs the corpus scripts/bench.sh generates, and perf
#   CORPUS=bench-out/corpus-1000-people2000-seed1 scripts/profile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS="${CORPUS:-bench-out/corpus-10000-people2000-seed1}"
OUT="${BENCH_OUT:-bench-out}/profile"
[ -d "$CORPUS/articles" ] || { echo "no corpus at $CORPUS: run scripts/bench.sh first" >&2; exit 2; }
command -v perf >/dev/null || { echo "perf is needed (Debian: linux-perf)" >&2; exit 2; }
mkdir -p "$OUT"
cargo build --release --quiet --bin factlint
run=(target/release/factlint check "$CORPUS/articles" --rules "$CORPUS/rules" --format json)

# Frame-pointer call graphs are enough for the flat profile…
perf record -q -F 1999 -g -o "$OUT/perf.data" "${run[@]}" >/dev/null 2>&1 || true
echo "== perf report --no-children (top functions, self time)"
perf report -i "$OUT/perf.data" --no-children --stdio --percent-limit 0.8 -g none 2>/dev/null |
    grep -v '^#' | grep -v '^$' | cut -c1-140

# …DWARF ones see through inlining, which the breakdown by component needs.
perf record -q -F 499 --call-graph dwarf,32768 -o "$OUT/perf-dwarf.data" "${run[@]}" >/dev/null 2>&1 || true
perf script -i "$OUT/perf-dwarf.data" -F tid,ip,sym --inline 2>/dev/null >"$OUT/perf-script.txt"
main_tid="$(head -1 "$OUT/perf-script.txt" | awk '{ print $1 }')"
echo
echo "== by component, all threads"
python3 scripts/profile_components.py "$OUT/perf-script.txt"
echo
echo "== by component, main thread only (serial work; 499 samples ≈ 1 s)"
python3 scripts/profile_components.py "$OUT/perf-script.txt" --tid "$main_tid"
