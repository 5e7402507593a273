#!/usr/bin/env bash
# Runs every fuzz target for a bounded time (default 60 s each), with a corpus seeded from
# fixtures/. The fuzzer is cargo-fuzz (libFuzzer); it needs nightly flags, which the stable
# toolchain accepts with RUSTC_BOOTSTRAP=1. Crashes are saved to fuzz/artifacts/<target>/;
# each one found becomes a test in tests/regressions.rs.
#
#   scripts/fuzz.sh                 # every target, 60 s each
#   scripts/fuzz.sh 300 check       # one target, 5 minutes
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(rules input names dates counts check fix)

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1

# Seeds: rule files for `rules`; articles (with a leading format byte) for the others.
seed() {
    local target="$1" dir="fuzz/corpus/$1" i=0
    mkdir -p "$dir"
    [ -z "$(ls -A "$dir")" ] || return 0
    case "$target" in
        rules)
            for f in rules/*/*.toml rules/*.toml fixtures/rules-invalid/*.toml fixtures/checks/*/rules/*.toml; do
                i=$((i + 1)); cp "$f" "$dir/seed$i"
            done ;;
        names|dates|counts)
            for f in fixtures/seeds/*.md fixtures/checks/*/*/*.md; do
                i=$((i + 1)); head -c 2000 "$f" > "$dir/seed$i"
            done ;;
        *)
            for f in fixtures/seeds/*.md fixtures/checks/*/*/*.md fixtures/checks/*/*/*.txt; do
                [ -f "$f" ] || continue
                i=$((i + 1)); { printf '\001'; head -c 4000 "$f"; } > "$dir/seed$i"
            done ;;
    esac
}

for target in "${targets[@]}"; do
    seed "$target"
    echo "== $target: ${seconds}s"
    (cd fuzz && cargo fuzz run -O "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 2>&1) |
        grep -E "^Done|SUMMARY|panicked|ERROR" || true
done
