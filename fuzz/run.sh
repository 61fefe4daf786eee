#!/usr/bin/env bash
# Run claimcheck's fuzz targets, one after another, for FUZZ_SECONDS each.
#
#   fuzz/run.sh [TARGET...]      (default: all; FUZZ_SECONDS=300 per target, FUZZ_MAX_LEN=1024)
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --version 0.13.2 --locked`).
# Uses nightly when installed, else stable with RUSTC_BOOTSTRAP=1. Seeds come
# from fixtures/, claims/ and tests/malformed/; new inputs go to
# fuzz/corpus/TARGET, crashes to fuzz/artifacts/TARGET (both git-ignored).
# Logs: fuzz/target/logs/TARGET.log. Not part of CI: a cold build takes minutes.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root/fuzz"
secs="${FUZZ_SECONDS:-300}"
if rustup toolchain list | grep -q nightly; then
  fuzz=(cargo +nightly fuzz)
else
  export RUSTC_BOOTSTRAP=1
  fuzz=(cargo fuzz)
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(extract_utf8 extract_bytes audit ledger_read ledger_merge)
mkdir -p target/logs
for t in "${targets[@]}"; do
  case "$t" in
    ledger_*) seeds=(../claims ../tests/malformed) ;;
    *) seeds=(../fixtures) ;;
  esac
  mkdir -p "corpus/$t"
  echo "fuzzing $t for ${secs}s (log: fuzz/target/logs/$t.log)" >&2
  "${fuzz[@]}" run "$t" "corpus/$t" "${seeds[@]}" -- \
    -max_total_time="$secs" -max_len="${FUZZ_MAX_LEN:-1024}" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    >"target/logs/$t.log" 2>&1 || echo "$t: FAILED, see fuzz/target/logs/$t.log and fuzz/artifacts/$t" >&2
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb)|Done [0-9]+ runs|SUMMARY|panicked" "target/logs/$t.log" >&2 || true
done
