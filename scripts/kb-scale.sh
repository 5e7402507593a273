#!/usr/bin/env bash
# Start-up with a big knowledge base (issue 15, deliverable 5). A measurement, not a test: it
# prints figures and PASS/FAIL per target, and exits 0 whatever they are (2 if it cannot measure).
#
#   scripts/kb-scale.sh                  # 50,000 people
#   PEOPLE=5000 RUNS=10 scripts/kb-scale.sh
#
# What it does:
#   1. builds factlint in release (skipped with NO_BUILD=1);
#   2. writes $PEOPLE synthetic people as rule files with scripts/gen_people.py into
#      $BENCH_OUT/people-$PEOPLE (default bench-out/, git-ignored), or reuses them when they were
#      written with the same count and seed;
#   3. times `factlint check fixtures/seeds/002.md`, process start to exit, with the bundled rules
#      and with `--rules` the generated folder: the median of $RUNS (default 20) runs after 3
#      warm-up runs, by hyperfine when installed, else by a shell loop. The first run with the
#      generated rules after they were written is timed on its own: it is the one that compiles
#      them (and writes the compiled cache, see README "Speed").
set -euo pipefail
cd "$(dirname "$0")/.."

PEOPLE="${PEOPLE:-50000}"
SEED="${SEED:-1}"
RUNS="${RUNS:-20}"
OUT="${BENCH_OUT:-bench-out}"
DRAFT="fixtures/seeds/002.md"
BIN=target/release/factlint
RULES="$OUT/people-$PEOPLE"

say() { printf '%s\n' "$*" >&2; }
die() { say "kb-scale.sh: $*"; exit 2; }
[ -n "${EPOCHREALTIME:-}" ] || die "needs bash 5 (EPOCHREALTIME) for sub-millisecond wall times"
command -v python3 >/dev/null || die "needs python3 for scripts/gen_people.py"

if [ -z "${NO_BUILD:-}" ]; then
    cargo build --release --locked --quiet || die "the release build failed"
fi
[ -x "$BIN" ] || die "no $BIN: build it first, or drop NO_BUILD"

stamp="people $PEOPLE seed $SEED generator $(sha256sum scripts/gen_people.py | cut -c1-16)"
if [ "$(cat "$RULES/.stamp" 2>/dev/null)" != "$stamp" ]; then
    say "writing $PEOPLE people into $RULES…"
    rm -rf "$RULES"
    python3 scripts/gen_people.py "$PEOPLE" "$RULES" --seed "$SEED"
    echo "$stamp" >"$RULES/.stamp"
fi
# Counts the rules the way factlint does, and fails early on rules it rejects.
"$BIN" rules check "$RULES" >&2 || die "the generated rules do not validate"

# The median of a column of numbers.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Milliseconds for one run of the command given.
once() {
    local start end
    start=$EPOCHREALTIME
    "$@" >/dev/null 2>&1 || true
    end=$EPOCHREALTIME
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f\n", (e - s) * 1000 }'
}

# Median milliseconds of $RUNS runs of the command given, after 3 warm-up runs.
timed() {
    if command -v hyperfine >/dev/null; then
        local json
        json="$(mktemp)"
        hyperfine -N -i --warmup 3 --runs "$RUNS" --export-json "$json" "$*" >/dev/null 2>&1
        grep -o '"median": *[0-9.e-]*' "$json" | head -1 | sed 's/.*: *//' | awk '{ printf "%.2f\n", $1 * 1000 }'
        rm -f "$json"
    else
        local i
        for ((i = 0; i < RUNS + 3; i++)); do
            if [ "$i" -lt 3 ]; then once "$@" >/dev/null; else once "$@"; fi
        done | median
    fi
}
how="$(command -v hyperfine >/dev/null && echo hyperfine || echo 'shell loop')"

# A rule file touched since the last run: the first run compiles the rules afresh.
touch "$RULES/people-0000.toml"
first="$(once "$BIN" check "$DRAFT" --rules "$RULES")"
bundled="$(timed "$BIN" check "$DRAFT")"
big="$(timed "$BIN" check "$DRAFT" --rules "$RULES")"

verdict() { awk -v v="$1" -v limit="$2" 'BEGIN { print (v < limit) ? "PASS" : "FAIL" }'; }
commit="$(git rev-parse --short HEAD 2>/dev/null || echo '?')"
git diff --quiet HEAD -- 2>/dev/null || commit="$commit+changes"
echo
echo "factlint $commit on $(nproc) cores; $DRAFT ($(wc -c <"$DRAFT") bytes); $how, median of $RUNS"
printf '  %-44s %8.1f ms  %s\n' "bundled rules (< 20 ms)" "$bundled" "$(verdict "$bundled" 20)"
printf '  %-44s %8.1f ms  %s\n' "$PEOPLE people (< 100 ms)" "$big" "$(verdict "$big" 100)"
printf '  %-44s %8.1f ms\n' "$PEOPLE people, first run after a rule change" "$first"
