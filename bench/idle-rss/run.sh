#!/usr/bin/env bash
# Idle RSS of the bot host (budget: 100 MB). Publishes the host in Release, starts it with no chat
# platform and the terminal off (the scheduler, storage, problem bank and renderer are all up), and
# reads VmRSS/VmHWM from /proc after the given idle times.
#
#   bash bench/idle-rss/run.sh                  # as `dotnet mathforml.dll run` starts it
#   bash bench/idle-rss/run.sh --docker-env     # with the runtime settings the Dockerfile sets
#   bash bench/idle-rss/run.sh --runs 3         # repeat; one line per run
#   bash bench/idle-rss/run.sh --migrated       # on a database an earlier start migrated (a restart), not a new file
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=1
docker_env=()
migrated=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --migrated) migrated=1; shift ;;
    --docker-env)
      # The DOTNET_* lines of the Dockerfile's ENV instruction, as the container would have them.
      mapfile -t docker_env < <(grep -oE 'DOTNET_[A-Za-z0-9_]+=[^ \\]+' Dockerfile)
      shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet publish src/MathForML.Host -c Release -o "$out/app" --nologo -v quiet >/dev/null
echo "environment: ${docker_env[*]:-(none)}$([ "$migrated" = 1 ] && echo '; on a migrated database')"
for run in $(seq 1 "$runs"); do
  work=$(mktemp -d -p "$out")
  cp -r config "$work/"
  if [ "$migrated" = 1 ]; then
    (cd "$work" && exec env "${docker_env[@]}" dotnet "$out/app/mathforml.dll" run --Local:Mode=Off >/dev/null 2>&1) &
    first=$!
    sleep 10; kill "$first"; wait "$first" 2>/dev/null || true
  fi
  (cd "$work" && exec env "${docker_env[@]}" dotnet "$out/app/mathforml.dll" run --Local:Mode=Off >"$work/stdout" 2>"$work/stderr") &
  pid=$!
  sleep 10
  at10=$(awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")
  sleep 20
  at30=$(awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")
  peak=$(awk '/VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  grep -q "Loaded .* problems" "$work/stderr" || { echo "the host did not start:"; cat "$work/stderr"; exit 1; }
  echo "run $run: RSS after 10 s ${at10} MB, after 30 s ${at30} MB, peak ${peak} MB"
done
