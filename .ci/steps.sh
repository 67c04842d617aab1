# Sourced by .ci/run: `step LIMIT NAME COMMAND...` runs one bounded, timed step; `summary` prints the times.
# shellcheck shell=bash
started_at=$SECONDS
timings=()
running_tests_file="${JEST_RUNNING_FILE:-$PWD/.cache/jest-running.txt}"

summary() {
  printf '\n== step timings\n'
  printf '%s\n' "${timings[@]}"
  printf '%6ss  total\n' "$((SECONDS - started_at))"
}

# What a stuck step is doing: its processes (oldest first) and the test files jest has not finished.
describe_stuck() {
  local group=$1
  echo "-- processes of the step still running:"
  ps -o pid=,etimes=,pcpu=,args= --sid "$group" 2>/dev/null | cut -c1-220 || true
  if [[ -s "$running_tests_file" ]]; then
    echo "-- test files still running:"
    cat "$running_tests_file"
  fi
}

# step LIMIT_SECONDS NAME COMMAND...: runs COMMAND in its own process group, bounded by LIMIT_SECONDS.
step() {
  local limit=$1 name=$2
  shift 2
  printf '\n== %s (at %ss, limit %ss)\n' "$name" "$((SECONDS - started_at))" "$limit"
  local t0=$SECONDS rc=0
  # Its own session and process group (setsid), so that the whole step can be listed and stopped.
  setsid bash -euo pipefail -c '"$@"' "$name" "$@" &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS - t0 >= limit)); then
      echo "!! step '$name' exceeded its limit of ${limit} s; it was waiting on:"
      describe_stuck "$pid"
      kill -TERM -- "-$pid" 2>/dev/null || true
      for _ in $(seq 1 15); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -KILL -- "-$pid" 2>/dev/null || true
      timings+=("$(printf '%6ss  %s (TIMED OUT)' "$((SECONDS - t0))" "$name")")
      summary
      exit 124
    fi
    sleep 1
  done
  wait "$pid" || rc=$?
  # Whatever the step left behind in its group (a test worker, a server) goes with it.
  kill -TERM -- "-$pid" 2>/dev/null || true
  timings+=("$(printf '%6ss  %s' "$((SECONDS - t0))" "$name")")
  if ((rc != 0)); then
    echo "!! step '$name' failed (exit $rc)"
    summary
    exit "$rc"
  fi
}

