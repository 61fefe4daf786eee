#!/usr/bin/env bash
# Time and peak memory of `claimcheck extract` on pathological articles, each
# at full size and at half size, to show whether the run stays linear.
#
#   benches/pathological.sh [NAME...]        (default: all)
#   SCALE=0.1 benches/pathological.sh        (smaller inputs, for a quick look)
#   TIMEOUT=60 benches/pathological.sh       (seconds per run, default 600)
#
# Inputs are generated (no downloads) under the cargo target directory:
#   long-line     a 200 MB article on a single line, no sentence end
#   digits        1,000,000 digits in a row
#   nested-html   100,000 nested <div> elements around one claim
#   quote-bomb    Markdown: 100,000 nested block quotes (`>>>>...`)
#   list-bomb     Markdown: 3,000 list items, each one level deeper
#   link-table    Markdown: 200,000 link reference definitions and uses
#   currency      10 MB of currency symbols ($€£¥₹ and `US$`), no digits
#   currency-num  10 MB of `$1$2$3...`: symbols and digits interleaved
#   labels        10 MB of "Note 7: Reuters reported ..." lines: a name after
#                 ": " with no "(" before it (the ticker test once looked back
#                 to the last "(" in the text, quadratic here)
#
# Prints seconds and peak resident memory (from /usr/bin/time, else VmHWM
# is not available and only seconds are shown). Time ratios of full/half
# near 2 mean linear; near 4 means quadratic. Needs cargo, bash and python3.
# This is a benchmark, not a test: nothing here asserts a time.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-target}"
out="$target/pathological"
scale="${SCALE:-1}"
limit="${TIMEOUT:-600}"
mkdir -p "$out"

echo "building the release binary..." >&2
cargo build --quiet --release -p claimcheck-cli --bin claimcheck
bin="$target/release/claimcheck"

# gen NAME FACTOR FILE: write input NAME at SCALE*FACTOR of its full size.
gen() {
  python3 - "$1" "$2" "$3" <<'PY'
import sys
name, factor, path = sys.argv[1], float(sys.argv[2]), sys.argv[3]
def n(full): return max(1, int(full * factor))
with open(path, "w", encoding="utf-8") as f:
    if name == "long-line":
        chunk = "Meta paid $14.3 billion, about 49% of Scale AI, in June 2025 and revenue rose 12% to $1.2bn; "
        size = n(200 * 1024 * 1024)
        reps = size // len(chunk)
        for _ in range(reps // 1000):
            f.write(chunk * 1000)
        f.write(chunk * (reps % 1000))
    elif name == "digits":
        f.write("Revenue was $" + "7" * n(1_000_000) + " billion.\n")
    elif name == "nested-html":
        d = n(100_000)
        f.write("<html><body>" + "<div>" * d + "Meta paid $14.3 billion in 2025." + "</div>" * d + "</body></html>\n")
    elif name == "quote-bomb":
        f.write(">" * n(100_000) + " Meta paid $14.3 billion in 2025.\n")
    elif name == "list-bomb":
        for i in range(n(3_000)):
            f.write("  " * i + "- item $%d million\n" % i)
    elif name == "link-table":
        k = n(200_000)
        for i in range(k):
            f.write("[r%d]: http://example.com/%d \"title $%d\"\n" % (i, i, i))
        f.write("\n")
        for i in range(k):
            f.write("Meta paid [$%d million][r%d] in 2025. " % (i, i))
        f.write("\n")
    elif name == "currency":
        unit = "$€£¥₹US$ "
        f.write(unit * (n(10 * 1024 * 1024) // len(unit.encode())) + "\n")
    elif name == "currency-num":
        f.write("".join("$%d" % (i % 10) for i in range(n(5 * 1024 * 1024))) + "\n")
    elif name == "labels":
        line = "Note %d: Reuters reported growth in the sector this week.\n"
        f.write("".join(line % i for i in range(n(10 * 1024 * 1024) // 60)))
    else:
        sys.exit("unknown input " + name)
PY
}

ext() {
  case "$1" in
    nested-html) echo html ;;
    quote-bomb | list-bomb | link-table) echo md ;;
    *) echo txt ;;
  esac
}

# run FILE: print "seconds peak_kib claims exit"
run() {
  local file="$1" res
  res="$(mktemp)"
  set +e
  timeout "$limit" /usr/bin/time -f "%e %M" -o "$res" "$bin" extract --format jsonl "$file" >"$out/last.jsonl" 2>"$out/last.err"
  local code=$?
  set -e
  if [ "$code" -eq 124 ]; then
    echo "timeout 0 $(wc -l <"$out/last.jsonl") $code"
  else
    echo "$(cat "$res") $(wc -l <"$out/last.jsonl") $code"
  fi
  rm -f "$res"
}

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=(long-line digits nested-html quote-bomb list-bomb link-table currency currency-num labels)
fi

printf '%-13s %10s %9s %9s %10s %9s %7s %6s\n' input bytes half_s full_s ratio peak_MiB claims exit
for name in "${names[@]}"; do
  e="$(ext "$name")"
  half="$out/$name.half.$e"
  full="$out/$name.$e"
  gen "$name" "$(python3 -c "print($scale / 2)")" "$half"
  gen "$name" "$scale" "$full"
  read -r hs _ _ _ <<<"$(run "$half")"
  read -r fs fk claims code <<<"$(run "$full")"
  ratio="$(python3 -c "print('%.2f' % ($fs / $hs) if '$fs' != 'timeout' and '$hs' != 'timeout' and $hs > 0 else '-')")"
  printf '%-13s %10d %9s %9s %10s %9d %7s %6s\n' "$name" "$(stat -c %s "$full")" "$hs" "$fs" "$ratio" "$((fk / 1024))" "$claims" "$code"
  if [ "$code" -ne 0 ] && [ "$code" -ne 1 ] && [ "$code" -ne 124 ]; then
    sed 's/^/    /' "$out/last.err" | head -5
  fi
done
