#!/usr/bin/env bash
# Every stage linear in the article (issue 14, item 7): for each shape of
# scripts/adversarial.py, the time per MB of a 64 MB article may be at most 1.5 times the time
# per MB of a 1 MB one. Time is CPU time (user and system), which other work on a shared machine
# leaves alone; wall time is shown beside it. Prints the time, time per MB and peak memory (RSS)
# per size, and the ratio; exits 1 if a shape is over the bound.
#
#   scripts/linearity.sh                      # every shape, 1 MB against 64 MB
#   LARGE=16 scripts/linearity.sh titles      # one shape, 1 MB against 16 MB
#   FACTLINT=/path/to/factlint scripts/linearity.sh   # a binary built already
set -euo pipefail
cd "$(dirname "$0")/.."
small="${SMALL:-1}"
large="${LARGE:-64}"
bound=1.5
shapes=("$@")
[ ${#shapes[@]} -gt 0 ] || shapes=(prose line titles names numbers dates)
bin="${FACTLINT:-target/release/factlint}"
[ -n "${FACTLINT:-}" ] || cargo build --release --quiet --bin factlint
out="${BENCH_OUT:-bench-out}/linearity"
mkdir -p "$out"

# "cpu-seconds wall-seconds peak-KiB" of the run of $1 with the least CPU time of $2 (getrusage:
# microseconds, where /usr/bin/time rounds to hundredths).
measure() {
    python3 - "$bin" "$1" "$2" <<'PY'
import resource, subprocess, sys, time
binary, article, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
best = None
for _ in range(runs):
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    child = subprocess.Popen([binary, "check", article, "--date", "2026-01-12", "--format", "json"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = __import__("os").wait4(child.pid, 0)
    wall = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    if best is None or cpu < best[0]:
        best = (cpu, wall, usage.ru_maxrss)
print("%.4f %.3f %d" % best)
PY
}

failed=0
printf '%-8s %9s %9s %9s %9s %9s %9s %9s %9s %6s\n' shape "cpu@${small}MB" "s/MB" "wall" "RSS MB" \
    "cpu@${large}MB" "s/MB" "wall" "RSS MB" ratio
for shape in "${shapes[@]}"; do
    for mb in "$small" "$large"; do
        file="$out/$shape-$mb.txt"
        [ -s "$file" ] || python3 scripts/adversarial.py "$shape" $((mb * 1000000)) >"$file"
    done
    read -r small_s small_wall small_kb <<<"$(measure "$out/$shape-$small.txt" 5)"
    read -r large_s large_wall large_kb <<<"$(measure "$out/$shape-$large.txt" 1)"
    awk -v shape="$shape" -v ss="$small_s" -v sw="$small_wall" -v sk="$small_kb" -v ls="$large_s" \
        -v lw="$large_wall" -v lk="$large_kb" -v sm="$small" -v lm="$large" -v bound="$bound" 'BEGIN {
            sper = ss / sm; lper = ls / lm; ratio = (sper > 0) ? lper / sper : 0
            printf "%-8s %9.3f %9.3f %9.2f %9.0f %9.2f %9.3f %9.2f %9.0f %6.2f%s\n", shape, ss, sper, sw,
                sk / 1024, ls, lper, lw, lk / 1024, ratio, (ratio > bound) ? "  over " bound : ""
            exit (ratio > bound)
        }' || failed=1
done
exit "$failed"
