#!/usr/bin/env bash
# Alternating check of two builds (the guard of a refactoring): this checkout's ./qinglian and
# another checkout's, run by run on the same generated workspaces, with DuckDB's bare parse of the
# same files between them. Prints "scenario build seconds" lines (bench/results.txt keeps them).
#
#   bench/ab.sh OTHER_CHECKOUT [ROUNDS] [WORK]
#
# OTHER_CHECKOUT: a git worktree of the other build, built (mvn -q package -DskipTests);
# WORK: where the workspaces are generated once (default bench/work; about 5 GB).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
other="$(cd "$1" && pwd)"
n="${2:-3}"
work="${3:-$here/bench/work}"
out="${TMPDIR:-/tmp}/qinglian-ab.csv"
[ -d /dev/shm ] && out=/dev/shm/qinglian-ab.csv
gen() { # name, generate options
  local ws="$work/$1"
  shift
  [ -f "$ws/units.csv" ] || java -jar "$here/cli/target/qinglian.jar" generate --out "$ws" --force "$@" >/dev/null
}
gen oct --units 1000000
gen dec --units 1000000 --end 2026-12
gen wide --units 1000000 --layout wide
gen departments --units 1000000 --layout departments
gen s2500 --units 2500
gen w300k --units 300000 --months 2
[ -f "$here/bench/target/benchmarks.jar" ] || (cd "$here" && mvn -B -q -Pbench -DskipTests package)
secs() {
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null 2>&1
  e=$(date +%s%N)
  echo "scale=3; ($e - $s) / 1000000000" | bc
}
both() { # scenario name, qinglian arguments
  local name="$1"
  shift
  for _ in $(seq 1 "$n"); do
    echo "$name other $(secs "$other/qinglian" "$@")"
    echo "$name this $(secs "$here/qinglian" "$@")"
  done
}
"$other/qinglian" score "$here/examples/demo-county" >/dev/null # each wrapper's class-data archive
"$here/qinglian" score "$here/examples/demo-county" >/dev/null
for ws in oct dec; do
  for _ in $(seq 1 "$n"); do
    echo "1 $ws other $(secs "$other/qinglian" score "$work/$ws" --format csv --output "$out" --force)"
    echo "1 $ws this $(secs "$here/qinglian" score "$work/$ws" --format csv --output "$out" --force)"
    echo "1 $ws duckdb $(java -cp "$here/bench/target/benchmarks.jar" dev.qinglian.bench.DuckDbParse \
      "$work/$ws/data/data.csv" 1 | grep -o 'duckdb parse [0-9.]*' | cut -d' ' -f3)"
  done
done
both "2 wide" score "$work/wide" --format csv --output "$out" --force
both "2 departments" score "$work/departments" --format csv --output "$out" --force
both "4 sensitivity 2500" sensitivity "$work/s2500" --samples 10000
both "4 sensitivity demo" sensitivity "$here/examples/demo-county" --samples 10000
n=$((n * 2)) both "5 demo" score "$here/examples/demo-county"
# warn of 300,000 units (91,647 notices): each run on a fresh copy of the workspace (no register
# yet; the data linked), its notices into a new folder, both removed after the run
warn() { # wrapper, format
  local d="${TMPDIR:-/tmp}/qinglian-ab-warn"
  [ -d /dev/shm ] && d=/dev/shm/qinglian-ab-warn
  rm -rf "$d"
  mkdir -p "$d/ws"
  cp "$work/w300k/units.csv" "$d/ws/"
  ln -s "$work/w300k/data" "$d/ws/data"
  secs "$1" warn "$d/ws" --period 2026-10 --out "$d/notices" --format "$2" --date 2026-11-05
  rm -rf "$d"
}
for f in docx md; do
  for _ in $(seq 1 "$n"); do
    echo "6 warn-$f other $(warn "$other/qinglian" "$f")"
    echo "6 warn-$f this $(warn "$here/qinglian" "$f")"
  done
done
rm -f "$out"
