#!/usr/bin/env bash
# The scale benchmarks of docs/performance.md on PostgreSQL (run as root on the benchmark machine).
#   benchmarks/run.sh [population] [extra maven arguments, e.g. -Dbench.loadUntil=2026-11-28T19:05:00Z]
# BENCH_FRESH=false keeps csc_bench (the loader then continues the population already there).
set -euo pipefail
cd "$(dirname "$0")/.."
population="${1:-400000}"
shift || true
if [ "${BENCH_FRESH:-true}" = true ]; then
  su postgres -c "psql -v ON_ERROR_STOP=1 -q -c 'DROP DATABASE IF EXISTS csc_bench' -c 'CREATE DATABASE csc_bench OWNER csc'"
fi
mvn -B -Pbenchmark verify -Dbench.population="$population" "$@"
result="${BENCH_RESULTS:-target/benchmark-results.md}"
# with -DbuildDir=… the results are in that directory instead; a missing file here is not a failure
if [ -f "$result" ]; then cat "$result"; fi
