#!/usr/bin/env bash
# Times `green-actor validate` on hostile packs made on the fly from the default pack, and prints
# the figures (a benchmark, not a test: nothing here fails on time).
#
#   tools/bench/validate-hostile.sh [DUPLICATES]     (default 20000)
#
# - duplicates: the sorting items file with DUPLICATES copies of its first item (each one a
#   "used twice" problem). Time should grow in step with the count, not with its square.
# - nested: a pack.json of 100,000 nested brackets: refused at once with a located error.
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-20000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --quiet --bin green-actor
bin="${CARGO_TARGET_DIR:-target}/debug/green-actor"

for n in $((count / 2)) "$count"; do
  cp -r assets/packs/default "$work/dups-$n"
  python3 - "$work/dups-$n/sorting/items.json" "$n" <<'PY'
import json, sys
path, n = sys.argv[1], int(sys.argv[2])
data = json.load(open(path, encoding="utf-8"))
data["items"] += [dict(data["items"][0]) for _ in range(n)]
open(path, "w", encoding="utf-8").write(json.dumps(data, ensure_ascii=False, indent=2))
PY
  start=$(date +%s%N)
  summary="$("$bin" validate "$work/dups-$n" | tail -1 || true)"
  end=$(date +%s%N)
  printf 'duplicates %6d: %6d ms  (%s)\n' "$n" $(((end - start) / 1000000)) "$summary"
done

cp -r assets/packs/default "$work/nested"
python3 -c 'import sys; open(sys.argv[1], "w").write("[" * 100000 + "]" * 100000)' "$work/nested/pack.json"
start=$(date +%s%N)
summary="$("$bin" validate "$work/nested" | tail -1 || true)"
end=$(date +%s%N)
printf 'nested 100000: %6d ms  (%s)\n' $(((end - start) / 1000000)) "$summary"
