#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of one of the task-list statements in benchmarks/sql/ on the benchmark
# database (run as root on the benchmark machine):   benchmarks/explain.sh benchmarks/sql/team-list-count.sql
set -euo pipefail
statement=$(grep -v '^--' "$1")
su postgres -c "psql -X -d ${BENCH_DATABASE:-csc_bench}" <<< "EXPLAIN (ANALYZE, BUFFERS) $statement"
