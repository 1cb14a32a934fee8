#!/usr/bin/env bash
# Throughput of the Spark job against the CLI batch on the same structures (docs/spark.md, "Benchmark").
#
#   tools/spark-bench.sh [N] [DATA]      N structures (default 100) from DATA (default ../shared/data/scpdb995)
#
# Runs, one after another on the same list of the first N *_protein* files (sorted by name):
#   CLI batch      ./sparsepocket predict @LIST -q               (every core, one model; prints summaries only)
#   Spark local[1] ./sparsepocket-spark LIST OUT --master local[1]
#   Spark local[2] ./sparsepocket-spark LIST OUT --master local[2]
# and prints, per run, wall seconds (JVM start and model load included), structures per second and the
# JVM's maximum resident set (in local mode the executor is the driver JVM), plus the load average before
# each run: on a busy machine the numbers measure the machine, so rerun them idle.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-100}"
data="${2:-$root/../shared/data/scpdb995}"
[[ -d "$data" ]] || { echo "spark-bench: $data: no such folder" >&2; exit 1; }
[[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "spark-bench: N must be a positive number, got $n" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
find "$(cd "$data" && pwd)" -maxdepth 1 -name '*_protein*' -type f | sort | awk -v n="$n" 'NR <= n' > "$work/list.txt"
count="$(wc -l < "$work/list.txt")"
[[ "$count" -ge 1 ]] || { echo "spark-bench: $data holds no *_protein* files" >&2; exit 1; }

# Build both launchers' jars first so that no run pays for a build.
"$root/sparsepocket" --version >/dev/null
"$root/sparsepocket-spark" --version >/dev/null

measure() {   # name, command...
    local name="$1"; shift
    local load; load="$(cut -d' ' -f1 /proc/loadavg)"
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/stdout" 2>"$work/stderr" || {
        echo "spark-bench: $name failed:" >&2; tail -5 "$work/stderr" >&2; exit 1; }
    read -r wall rss < "$work/time"
    awk -v name="$name" -v n="$count" -v wall="$wall" -v rss="$rss" -v load="$load" \
        'BEGIN { printf "%-16s %5d structures  %8.1f s  %6.2f structures/s  max RSS %6.0f MB  load before %s\n",
                 name, n, wall, n / wall, rss / 1024, load }'
    grep -h "inputs predicted" "$work/stdout" "$work/stderr" | sed 's/^/                 /' || true
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), data $data"
measure "CLI batch" "$root/sparsepocket" predict "@$work/list.txt"
measure "Spark local[1]" "$root/sparsepocket-spark" "$work/list.txt" "$work/out1" --master 'local[1]'
measure "Spark local[2]" "$root/sparsepocket-spark" "$work/list.txt" "$work/out2" --master 'local[2]'
