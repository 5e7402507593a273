#!/usr/bin/env bash
# Speed and scale of factlint against the issue-5 targets. A measurement, not a test: it prints
# figures and PASS/FAIL per target, and exits 0 whatever they are (2 if it cannot measure).
#
#   scripts/bench.sh                      # 1k, 10k and 100k articles, 2,000 people
#   SIZES="1000 10000" scripts/bench.sh   # skip the 100k corpus (its targets are then not judged)
#   DENSITIES="1 4" scripts/bench.sh      # the 10k corpus at these densities (default 1 2 4)
#
# What it does:
#   1. builds factlint and the two examples (gen_corpus, bench_recall) in release;
#   2. generates each corpus under $BENCH_OUT (default bench-out/, git-ignored), or reuses it when
#      its manifest.json names the same generator version, seed, size, people and density; the
#      10k corpus is also made at each of DENSITIES (gen_corpus --density: names, titles, dates
#      and counts per article as a multiple of the usual), since speed depends on what text holds;
#   3. times `factlint check DIR/articles --rules DIR/rules --format json` (median of RUNS_SMALL=5
#      runs for 1k/10k, RUNS_LARGE=3 for 100k): wall clock, CPU (user+sys) and peak RSS from
#      GNU time; and `rg -F -w --no-unicode -f DIR/names.txt DIR/articles` the same way, as the
#      reference (the corpus is read once by rg first, so both run on a warm page cache). The two
#      take turns, run for run: on a shared virtual machine the speed drifts over minutes, and
#      the ratio is only fair when both meet the same drift;
#   4. times one draft with the bundled rules, process start to exit (median of 20 runs);
#   5. checks that --jobs 1 and the default give byte-identical reports on the 1k corpus;
#   6. prints the table, the targets, and factlint's recall on the injected errors.
#
# Missing tools are installed: GNU time and ripgrep from Debian (ripgrep from crates.io when apt
# is not available); hyperfine from Debian if possible, else a shell loop times the draft.
set -euo pipefail
cd "$(dirname "$0")/.."

SEED="${SEED:-1}"
PEOPLE="${PEOPLE:-2000}"
SIZES="${SIZES:-1000 10000 100000}"
DENSITIES="${DENSITIES:-1 2 4}"
OUT="${BENCH_OUT:-bench-out}"
RUNS_SMALL="${RUNS_SMALL:-5}"
RUNS_LARGE="${RUNS_LARGE:-3}"
DRAFT="fixtures/seeds/002.md"
BIN=target/release/factlint

say() { printf '%s\n' "$*" >&2; }
die() { say "bench.sh: $*"; exit 2; }

if [ -z "${EPOCHREALTIME:-}" ]; then
    die "needs bash 5 (EPOCHREALTIME) for sub-millisecond wall times"
fi

apt_install() {
    command -v apt-get >/dev/null || return 1
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    # An `apt-get update` only when the package lists are missing (a fresh machine).
    if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v lock)" ]; then
        $sudo apt-get update -qq >&2 || return 1
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2
}

# --- tools -----------------------------------------------------------------------------------
if ! /usr/bin/time -v true >/dev/null 2>&1; then
    say "installing GNU time…"
    apt_install time || die "GNU time (/usr/bin/time -v) is needed and could not be installed"
fi
if ! command -v rg >/dev/null; then
    say "installing ripgrep…"
    apt_install ripgrep || cargo install ripgrep --locked >&2 || die "ripgrep could not be installed"
fi
if ! command -v hyperfine >/dev/null; then
    apt_install hyperfine || say "hyperfine not available: timing the draft with a shell loop"
fi

say "building (release)…"
cargo build --release --quiet --bin factlint --example gen_corpus --example bench_recall

# --- helpers ---------------------------------------------------------------------------------
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
calc() { awk "BEGIN { print $* }"; }
verdict() { if awk "BEGIN { exit !($1) }"; then echo PASS; else echo FAIL; fi; }

# run_once KEY LABEL OUTPUT CMD…: runs CMD once with stdout to OUTPUT and appends its wall clock,
# CPU (user+sys, seconds) and peak RSS (KiB) to the arrays KEY_walls, KEY_cpus and KEY_rsss.
run_once() {
    local key="$1" label="$2" output="$3"
    shift 3
    local -n walls="${key}_walls" cpus="${key}_cpus" rsss="${key}_rsss"
    local log start end status=0
    log="$(mktemp)"
    start=$EPOCHREALTIME
    /usr/bin/time -v -o "$log" "$@" >"$output" || status=$?
    end=$EPOCHREALTIME
    # factlint exits 1 when it finds something, rg 1 when it matches nothing: both are fine.
    [ "$status" -le 1 ] || die "$label: exit $status from: $*"
    walls+=("$(calc "$end - $start")")
    cpus+=("$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$log")")
    rsss+=("$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")")
    rm -f "$log"
    say "  $label run ${#walls[@]}: wall ${walls[-1]} s, cpu ${cpus[-1]} s, rss ${rsss[-1]} KiB"
}

# medians KEY: sets M_WALL, M_CPU and M_RSS to the medians of KEY's runs.
medians() {
    local -n walls="$1_walls" cpus="$1_cpus" rsss="$1_rsss"
    M_WALL="$(printf '%s\n' "${walls[@]}" | median)"
    M_CPU="$(printf '%s\n' "${cpus[@]}" | median)"
    M_RSS="$(printf '%s\n' "${rsss[@]}" | median)"
}

version="$(sed -n 's/^pub const VERSION: u32 = \([0-9]*\);/\1/p' examples/gen_corpus/generator.rs)"
[ -n "$version" ] || die "cannot read the generator's VERSION"

# A case is SIZE or SIZE-dDENSITY (density 1 is the plain SIZE, as before densities existed).
size_of() { echo "${1%%-d*}"; }
density_of() { case "$1" in *-d*) echo "${1##*-d}" ;; *) echo 1 ;; esac; }
corpus_dir() {
    local d
    d="$(density_of "$1")"
    if [ "$d" = 1 ]; then echo "$OUT/corpus-$(size_of "$1")-people$PEOPLE-seed$SEED"; else
        echo "$OUT/corpus-$(size_of "$1")-people$PEOPLE-seed$SEED-density$d"; fi
}

# A corpus on disk is reused when its manifest says it is what the generator would write now.
ensure_corpus() {
    local n d dir
    n="$(size_of "$1")" d="$(density_of "$1")"
    dir="$(corpus_dir "$1")"
    local manifest="$dir/manifest.json"
    if [ -f "$manifest" ] &&
        grep -q "\"version\": $version," "$manifest" &&
        grep -q "\"seed\": $SEED," "$manifest" &&
        grep -q "\"articles\": $n," "$manifest" &&
        grep -q "\"people\": $PEOPLE," "$manifest" &&
        { [ "$d" = 1 ] && ! grep -q '"density"' "$manifest" || grep -q "\"density\": $d," "$manifest"; }; then
        say "reusing $dir"
    else
        say "generating $dir…"
        target/release/examples/gen_corpus --articles "$n" --people "$PEOPLE" --seed "$SEED" --density "$d" --out "$dir"
    fi
    # Fresh files are still being written back to disk for half a minute; that steals CPU from
    # whatever is timed meanwhile. Flush them first.
    sync
}

label() {
    local size d
    d="$(density_of "$1")"
    case "$(size_of "$1")" in 1000) size=1k ;; 10000) size=10k ;; 100000) size=100k ;; *) size="$(size_of "$1")" ;; esac
    if [ "$d" = 1 ]; then echo "$size"; else echo "$size ×$d"; fi
}

# Every size at density 1, and the 10k corpus at each other density.
CASES=""
for n in $SIZES; do
    CASES="$CASES $n"
    if [ "$n" = 10000 ]; then
        for d in $DENSITIES; do [ "$d" = 1 ] || CASES="$CASES $n-d$d"; done
    fi
done

mkdir -p "$OUT/reports"
declare -A WALL CPU RSS RG MB
for n in $CASES; do
    ensure_corpus "$n"
    dir="$(corpus_dir "$n")"
    "$BIN" rules check "$dir/rules" >/dev/null || die "$dir/rules do not validate"
    MB[$n]="$(sed -n 's/.*"bytes": \([0-9]*\).*/\1/p' "$dir/manifest.json" | awk '{ printf "%.1f", $1 / 1e6 }')"
    runs=$RUNS_SMALL
    [ "$(size_of "$n")" -lt 100000 ] || runs=$RUNS_LARGE
    # One untimed pass brings the corpus into the page cache for both tools.
    rg -F -w --no-unicode -f "$dir/names.txt" "$dir/articles" >/dev/null || true
    # factlint and rg take turns, so that both meet the same load on a shared machine.
    say "factlint and rg on $(label "$n"), in turns ($runs runs each)…"
    fl_walls=() fl_cpus=() fl_rsss=() rg_walls=() rg_cpus=() rg_rsss=()
    for ((i = 1; i <= runs; i++)); do
        run_once fl "factlint $(label "$n")" "$OUT/reports/report-$n.json" \
            "$BIN" check "$dir/articles" --rules "$dir/rules" --format json
        run_once rg "rg $(label "$n")" "$OUT/reports/rg-$n.txt" \
            rg -F -w --no-unicode -f "$dir/names.txt" "$dir/articles"
    done
    medians fl
    WALL[$n]=$M_WALL CPU[$n]=$M_CPU RSS[$n]=$M_RSS
    medians rg
    RG[$n]=$M_WALL
done

# --- one draft, process start to exit --------------------------------------------------------
say "one draft with the bundled rules (20 runs)…"
if command -v hyperfine >/dev/null; then
    json="$(mktemp)"
    hyperfine -N -i --warmup 3 --runs 20 --export-json "$json" "$BIN check $DRAFT" >/dev/null 2>&1
    DRAFT_S="$(grep -o '"median": *[0-9.e-]*' "$json" | head -1 | sed 's/.*: *//')"
    rm -f "$json"
    DRAFT_HOW="hyperfine, median of 20"
else
    times=()
    for ((i = 0; i < 23; i++)); do
        start=$EPOCHREALTIME
        "$BIN" check "$DRAFT" >/dev/null || true
        end=$EPOCHREALTIME
        [ "$i" -lt 3 ] || times+=("$(calc "$end - $start")")
    done
    DRAFT_S="$(printf '%s\n' "${times[@]}" | median)"
    DRAFT_HOW="shell loop, median of 20"
fi
DRAFT_MS="$(calc "$DRAFT_S * 1000")"

# --- --jobs 1 against the default ------------------------------------------------------------
first="${SIZES%% *}"
jobs_dir="$(corpus_dir "$first")"
"$BIN" check "$jobs_dir/articles" --rules "$jobs_dir/rules" --format json --jobs 1 >"$OUT/reports/jobs1.json" || true
"$BIN" check "$jobs_dir/articles" --rules "$jobs_dir/rules" --format json >"$OUT/reports/jobs-default.json" || true
if cmp -s "$OUT/reports/jobs1.json" "$OUT/reports/jobs-default.json"; then JOBS=identical; else JOBS=DIFFERENT; fi

# --- the table -------------------------------------------------------------------------------
{
    echo
    commit="$(git rev-parse --short HEAD 2>/dev/null || echo '?')"
    git diff --quiet HEAD -- 2>/dev/null || commit="$commit+changes"
    echo "factlint $commit on $(nproc) cores; $(rg --version | head -1); corpus generator v$version, seed $SEED, $PEOPLE people"
    echo
    printf '%-7s %8s %8s %10s %10s %10s %8s %9s %8s\n' corpus articles MB "wall s" "cpu s" "peak MiB" "MB/s" "rg wall s" "× rg"
    for n in $CASES; do
        printf '%-7s %8d %8s %10.3f %10.2f %10.0f %8.1f %9.3f %8.1f\n' "$(label "$n")" "$(size_of "$n")" "${MB[$n]}" "${WALL[$n]}" \
            "${CPU[$n]}" "$(calc "${RSS[$n]} / 1024")" "$(calc "${MB[$n]} / ${WALL[$n]}")" "${RG[$n]}" \
            "$(calc "${WALL[$n]} / ${RG[$n]}")"
    done
    echo
    echo "one draft ($DRAFT, bundled rules, $DRAFT_HOW): $(printf '%.1f' "$DRAFT_MS") ms"
    echo "--jobs 1 vs default ($(label "$first") corpus, $(nproc) cores): $JOBS"
    echo
    echo "targets:"
    for n in $CASES; do
        [ "$(size_of "$n")" = 10000 ] || continue
        r="$(calc "${WALL[$n]} / ${RG[$n]}")"
        printf '  %-52s %8.1f×   %s\n' "$(label "$n") wall ≤ 3× rg wall" "$r" "$(verdict "$r <= 3")"
    done
    if [ -n "${WALL[100000]:-}" ] && [ -n "${WALL[10000]:-}" ]; then
        r="$(calc "${WALL[100000]} / ${WALL[10000]}")"
        printf '  %-52s %8.1f×   %s\n' "100k wall ≤ 10.5× 10k wall" "$r" "$(verdict "$r <= 10.5")"
    fi
    if [ -n "${RSS[100000]:-}" ]; then
        m="$(calc "${RSS[100000]} / 1024")"
        printf '  %-52s %8.0f MiB %s\n' "100k peak memory < 1 GiB" "$m" "$(verdict "$m < 1024")"
    fi
    printf '  %-52s %8.1f ms  %s\n' "one draft < 20 ms" "$DRAFT_MS" "$(verdict "$DRAFT_MS < 20")"
    printf '  %-52s %11s %s\n' "--jobs 1 and default byte-identical" "$JOBS" "$([ "$JOBS" = identical ] && echo PASS || echo FAIL)"
    echo
    for n in $CASES; do
        echo "recall on the injected errors, $(label "$n") corpus:"
        if [ "$n" = 10000 ] || [ "$SIZES" = "$n" ]; then
            target/release/examples/bench_recall "$(corpus_dir "$n")" "$OUT/reports/report-$n.json" | sed 's/^/  /'
        else
            target/release/examples/bench_recall "$(corpus_dir "$n")" "$OUT/reports/report-$n.json" | grep '^overall' | sed 's/^/  /'
        fi
        echo
    done
} | tee "$OUT/results.txt"
say "saved to $OUT/results.txt; reports in $OUT/reports/"
