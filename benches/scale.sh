#!/usr/bin/env bash
# Archive-scale throughput of the `claimcheck` binary.
#
#   benches/scale.sh [MEGABYTES...]                    (default: 10 100)
#   LEDGERS="10000 100000 1000000" benches/scale.sh 10 100 1000
#   RUNS=3 benches/scale.sh 10                         (best of 3 per line)
#   JOBS="1" benches/scale.sh 1000                     (only -j1)
#   DENSITY=news benches/scale.sh 100                  (news density, see below)
#
# DENSITY picks the archive's claim density: `dense` (default, a figure in
# most sentences, about 17,500 claims per MB: the stress case) or `news` (a
# figure in about one sentence in five, about 3,700 claims per MB, as in real
# news articles).
#
# For each archive size (many ~256 kB plain-text files, generated, seeded) it
# prints: extract MB/s on -j1 and -j2 (JOBS, default "1 2"), the ratio to one
# combined-regex pass over the archive's first file, audit MB/s against each
# ledger in LEDGERS (default 10k and 100k facts; add 1000000 for the 1M-fact
# run), the audit's fixed cost (ledger load and index, an empty input), and
# peak memory (RSS) of every run, from /usr/bin/time -v when present, else
# VmHWM polled from /proc. Then, per size, the ratios the targets are stated
# in: audit time / extract time per ledger, and -j1 time / -j2 time.
#
# MB/s is input bytes over wall time; "cpu" is user + system time, which
# other jobs on a shared machine disturb less. Output is piped to `wc -l`
# (not the terminal, and not kept: a 1 GB archive gives over 10 GB of
# findings). Timings on a shared machine are noisy:
# compare runs made close together, and use RUNS for best-of-N.
set -euo pipefail

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10 100)
ledgers="${LEDGERS:-10000 100000}"
jobs="${JOBS:-1 2}"
runs="${RUNS:-1}"
density="${DENSITY:-dense}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-target}"
bin="$target/release/claimcheck"
export RUST_BACKTRACE=0

echo "building release binaries..." >&2
cargo build --quiet --release -p claimcheck-cli --bin claimcheck
cargo build --quiet --release -p claimcheck-core --example gen_archive --example gen_ledger --example gen_corpus --example regex_baseline --example ledger_scale

# run LABEL BYTES CMD... : time CMD (stdout to a file), best of $runs; print
# MB/s, wall and cpu time, peak RSS; remember the best wall time in $last.
last=0
run() {
  local label="$1" bytes="$2"; shift 2
  local out="$target/scale-out.txt" best="" r t0 t1 peak cpu line lines
  for ((r = 0; r < runs; r++)); do
    t0=$(date +%s.%N)
    if [ -x /usr/bin/time ]; then
      # Counted, not kept: the findings of a 1 GB archive are over 10 GB of JSON.
      lines=$({ /usr/bin/time -v -o "$target/scale-time.txt" "$@" || test $? -eq 1; } | wc -l)
      peak=$(awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}' "$target/scale-time.txt")
      cpu=$(awk -F: '/User time|System time/ {s += $2} END {print s}' "$target/scale-time.txt")
    else
      "$@" > "$out" &
      local pid=$! hwm=0 v
      while kill -0 "$pid" 2>/dev/null; do
        v=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
        [ "${v:-0}" -gt "$hwm" ] && hwm=$v
        sleep 0.05
      done
      wait "$pid" || test $? -eq 1
      peak=$hwm cpu=0 lines=$(wc -l < "$out")
      rm -f "$out"
    fi
    t1=$(date +%s.%N)
    line=$(python3 - "$label" "$bytes" "$t0" "$t1" "$peak" "$cpu" "$lines" <<'PY'
import sys
label, nbytes, t0, t1, peak, cpu, lines = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5] or 0), float(sys.argv[6] or 0), sys.argv[7]
secs = t1 - t0
mbps = f"{nbytes / 1e6 / secs:8.1f} MB/s" if nbytes else "             "
print(f"{secs:.4f}\t{label:<28} {mbps}  {secs:7.2f} s  cpu {cpu:7.2f} s  peak {peak / 1024:7.1f} MB  ({lines} lines)")
PY
)
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if float('${line%%$'\t'*}') < float('${best%%$'\t'*}') else 1)"; then
      best=$line
    fi
  done
  last=${best%%$'\t'*}
  echo "${best#*$'\t'}"
}

ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }

empty="$target/scale-empty.txt"
echo "Nothing to check here." > "$empty"
for n in $ledgers; do
  [ -f "$target/scale-ledger-$n.csv" ] || "$target/release/examples/gen_ledger" "$n" "$target/scale-ledger-$n.csv" >&2
  echo "ledger $n facts: $("$target/release/examples/ledger_scale" load "$target/scale-ledger-$n.csv")"
  run "audit setup, $n facts" 0 "$bin" audit -j1 --ledger "$target/scale-ledger-$n.csv" --format jsonl "$empty"
done

for mb in "${sizes[@]}"; do
  dir="$target/scale-archive-${mb}mb"
  [ "$density" = dense ] || dir="$dir-$density"
  [ -d "$dir" ] || "$target/release/examples/gen_archive" text "$mb" "$dir" 256 "$density" >&2
  bytes=$(find "$dir" -type f -exec cat {} + | wc -c)
  files=$(find "$dir" -type f | wc -l)
  echo "== archive: $(python3 -c "print(f'{$bytes / 1e6:.1f}')") MB in $files files, $density density"
  # (sed, not head: head would close the pipe early, and pipefail stop the script)
  sample=$(find "$dir" -type f | sort | sed -n 1p)
  base=$("$target/release/examples/regex_baseline" "$sample")
  echo "regex baseline (first file, in memory): $base"
  declare -A extract_t=() audit_t=()
  for j in $jobs; do
    run "extract -j$j" "$bytes" "$bin" extract -j"$j" --format jsonl "$dir"
    extract_t[$j]=$last
  done
  for n in $ledgers; do
    for j in $jobs; do
      run "audit -j$j, $n facts" "$bytes" "$bin" audit -j"$j" --ledger "$target/scale-ledger-$n.csv" --format jsonl "$dir"
      audit_t[$j,$n]=$last
    done
  done
  echo "-- ratios, ${mb} MB (wall time):"
  for j in $jobs; do
    for n in $ledgers; do
      echo "   audit / extract, -j$j, $n facts: $(ratio "${audit_t[$j,$n]}" "${extract_t[$j]}")x   (target: within 1.5x at 1M facts)"
    done
  done
  if [[ " $jobs " == *" 1 "* && " $jobs " == *" 2 "* ]]; then
    echo "   extract -j1 / -j2: $(ratio "${extract_t[1]}" "${extract_t[2]}")x   (target: at least 1.8x)"
    for n in $ledgers; do
      echo "   audit -j1 / -j2, $n facts: $(ratio "${audit_t[1,$n]}" "${audit_t[2,$n]}")x"
    done
  fi
  unset extract_t audit_t
done
