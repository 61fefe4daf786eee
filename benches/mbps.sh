#!/usr/bin/env bash
# Extraction throughput of the `claimcheck` binary, in MB/s, against the
# floor: one pass of a single combined claim regex over the same file.
#
#   benches/mbps.sh [MEGABYTES] [text|markdown|html] [dense|news]   (default: 10 text dense)
#
# Density: `dense` has a figure in most sentences (about 17,500 claims per
# MB, a stress test of the per-claim work); `news` has one in about one
# sentence in five (about 3,700 claims per MB, near real news text).
#
# Needs only cargo, bash and python3. The corpus is generated (seeded, no
# downloads) under the cargo target directory. Each timing is the best of
# RUNS runs (default 3) of `claimcheck extract --format jsonl` on one thread,
# output written to a file so the terminal is not what gets measured.
set -euo pipefail

mb="${1:-10}"
format="${2:-text}"
density="${3:-dense}"
runs="${RUNS:-3}"
case "$format" in
  text) ext=txt ;;
  markdown) ext=md ;;
  html) ext=html ;;
  *) echo "mbps.sh: unknown format '$format' (text, markdown, html)" >&2; exit 2 ;;
esac
case "$density" in
  dense) stem=bench-corpus ;;
  news) stem=bench-news ;;
  *) echo "mbps.sh: unknown density '$density' (dense, news)" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-target}"

echo "building release binaries..." >&2
cargo build --quiet --release -p claimcheck-cli --bin claimcheck
cargo build --quiet --release -p claimcheck-core --example gen_corpus --example regex_baseline

corpus="$target/$stem-${mb}mb.$ext"
out="$target/$stem-${mb}mb.$ext.jsonl"
"$target/release/examples/gen_corpus" "$format" "$mb" "$corpus" 42 "$density" >&2
bytes=$(wc -c < "$corpus")

# One thread, whatever the machine has.
export RAYON_NUM_THREADS=1
best=""
for _ in $(seq "$runs"); do
  t0=$(date +%s.%N)
  "$target/release/claimcheck" extract --format jsonl "$corpus" > "$out" || test $? -eq 1
  t1=$(date +%s.%N)
  best=$(python3 -c "import sys; a, b, best = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3]; d = b - a; print(d if not best else min(d, float(best)))" "$t0" "$t1" "$best")
done
claims=$(wc -l < "$out")

baseline=$("$target/release/examples/regex_baseline" "$corpus")
echo "$baseline" >&2

python3 - "$bytes" "$best" "$claims" "$baseline" "$format ($density)" <<'PY'
import re, sys
nbytes, secs, claims, baseline, fmt = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
mbps = nbytes / 1e6 / secs
m = re.search(r"regex_baseline: ([0-9.]+) MB/s", baseline)
floor = float(m.group(1)) if m else float("nan")
m = re.search(r"claim_regex: ([0-9.]+) MB/s", baseline)
claim_floor = float(m.group(1)) if m else float("nan")
print(f"corpus:    {nbytes / 1e6:.1f} MB {fmt}")
print(f"extract:   {mbps:.1f} MB/s  ({secs:.3f} s, {claims} claims, jsonl to a file, 1 thread)")
print(f"baseline:  {floor:.1f} MB/s  (one combined regex pass, in memory)")
print(f"claim re:  {claim_floor:.1f} MB/s  (one pass of the fuller claim regex, in memory)")
if mbps > 0 and floor == floor:
    print(f"ratio:     {floor / mbps:.2f}  (baseline MB/s / extract MB/s: how many times slower than one regex pass)")
if mbps > 0 and claim_floor == claim_floor:
    print(f"ratio:     {claim_floor / mbps:.2f}  (against the claim regex)")
PY
