#!/usr/bin/env bash
# Time to a ready database on an already-migrated file (the host's start-up path before any platform
# connects). Builds bench/MathForML.Storage.Benchmarks in Release, migrates a fresh file once, then
# starts a new process per run: each line is one cold InitializeAsync, and the first query after it.
#
#   bash bench/db-ready/run.sh              # 5 runs
#   bash bench/db-ready/run.sh --runs 10
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build bench/MathForML.Storage.Benchmarks -c Release -o "$out/app" --nologo -v quiet >/dev/null
dotnet "$out/app/MathForML.Storage.Benchmarks.dll" "$out/bench.db" >/dev/null  # creates and migrates the file
for run in $(seq 1 "$runs"); do
  echo "run $run: $(dotnet "$out/app/MathForML.Storage.Benchmarks.dll" "$out/bench.db")"
done
