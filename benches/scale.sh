#!/usr/bin/env bash
# Archive-scale throughput of the `claimcheck` binary.
#
#   benches/scale.sh [MEGABYTES...]          (default: 10 100)
#   LEDGERS="10000 100000 1000000" benches/scale.sh 10
#   benches/scale.sh 1000                    (1 GB: needs ~1 GB of disk under target/)
#
# For each archive size (many ~256 kB plain-text files, generated, seeded) it
# prints: extract MB/s on -j1 and -j2, the ratio to one combined-regex pass,
# audit MB/s against each ledger in LEDGERS (default 10k and 100k facts; add
# 1000000 for the 1M-fact run), ledger load time, and peak memory (RSS) of
# every run, from /usr/bin/time -v when present, else VmHWM polled from /proc.
# Output goes to a file so the terminal is not what gets measured. Timings on
# a shared machine are noisy: compare runs made close together.
set -euo pipefail

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10 100)
ledgers="${LEDGERS:-10000 100000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-target}"
bin="$target/release/claimcheck"
export RUST_BACKTRACE=0

echo "building release binaries..." >&2
cargo build --quiet --release -p claimcheck-cli --bin claimcheck
cargo build --quiet --release -p claimcheck-core --example gen_archive --example gen_ledger --example gen_corpus --example regex_baseline --example ledger_scale

# run LABEL BYTES CMD... : time CMD (stdout to a file), print MB/s and peak RSS.
run() {
  local label="$1" bytes="$2"; shift 2
  local out="$target/scale-out.txt" t0 t1 peak
  t0=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$target/scale-time.txt" "$@" > "$out" || test $? -eq 1
    peak=$(awk -F: '/Maximum resident/ {gsub(/ /, "", $2); print $2}' "$target/scale-time.txt")
  else
    "$@" > "$out" &
    local pid=$! hwm=0 v
    while kill -0 "$pid" 2>/dev/null; do
      v=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      [ "${v:-0}" -gt "$hwm" ] && hwm=$v
      sleep 0.05
    done
    wait "$pid" || test $? -eq 1
    peak=$hwm
  fi
  t1=$(date +%s.%N)
  python3 - "$label" "$bytes" "$t0" "$t1" "$peak" "$(wc -l < "$out")" <<'PY'
import sys
label, nbytes, t0, t1, peak, lines = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5] or 0), sys.argv[6]
secs = t1 - t0
print(f"{label:<34} {nbytes / 1e6 / secs:8.1f} MB/s  {secs:7.2f} s  peak {peak / 1024:7.1f} MB  ({lines} lines)")
PY
}

for n in $ledgers; do
  [ -f "$target/scale-ledger-$n.csv" ] || "$target/release/examples/gen_ledger" "$n" "$target/scale-ledger-$n.csv" >&2
  echo "ledger $n facts: $("$target/release/examples/ledger_scale" load "$target/scale-ledger-$n.csv")"
done

for mb in "${sizes[@]}"; do
  dir="$target/scale-archive-${mb}mb"
  [ -d "$dir" ] || "$target/release/examples/gen_archive" text "$mb" "$dir" >&2
  bytes=$(find "$dir" -type f -exec cat {} + | wc -c)
  files=$(find "$dir" -type f | wc -l)
  echo "== archive: $(python3 -c "print(f'{$bytes / 1e6:.1f}')") MB in $files files"
  sample=$(find "$dir" -type f | sort | head -1)
  base=$("$target/release/examples/regex_baseline" "$sample")
  echo "regex baseline (one file, in memory): $base"
  run "extract -j1" "$bytes" "$bin" extract -j1 --format jsonl "$dir"
  run "extract -j2" "$bytes" "$bin" extract -j2 --format jsonl "$dir"
  for n in $ledgers; do
    run "audit -j1, $n facts" "$bytes" "$bin" audit -j1 --ledger "$target/scale-ledger-$n.csv" --format jsonl "$dir"
    run "audit -j2, $n facts" "$bytes" "$bin" audit -j2 --ledger "$target/scale-ledger-$n.csv" --format jsonl "$dir"
  done
done
