#!/usr/bin/env bash
# Measures the image docker/smoke-test.sh built (localhost/earshot:smoke) as README.md section Deploy
# reports it, in demo mode with the smoke test's limits (read-only root, tmpfs /tmp, 128 MiB):
#
#   docker/measure.sh start [runs]          # start-up aids: runs per variant, interleaved (default 7)
#   docker/measure.sh memory [flags...]     # memory and throughput under load in 128 MiB, with these
#                                           # JVM flags instead of the image's @/app/jvm.options
#
# start: besides the image's own cache (what it ships), makes the other aids with the same image and
# its docker/train.sh, timing each (what it adds to the build) and noting its size (what it adds to
# the image), then times `podman run` to the first 200 of GET / and Quarkus's "started in" for each.
# memory: signs in through the demo, then wrk: /api/now-playing (50 connections), the signed-in
# /dashboard (10 connections) and the SVG card (20 connections); prints RSS and the cgroup's peak.
# Needs podman, curl and wrk (apt-get install -y wrk). Keep the machine otherwise quiet.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE="${1:-start}"
[ $# -gt 0 ] && shift
IMAGE="${EARSHOT_IMAGE:-localhost/earshot:smoke}"
NAME="earshot-measure-$$"
LIMIT="${EARSHOT_MEMORY:-128m}"
PORT=18180
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
BASE_URL="http://127.0.0.1:$PORT"
WORK="$(mktemp -d)"
chmod 755 "$WORK"
trap 'podman rm -f -v -t 1 "$NAME" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

podman image exists "$IMAGE" || { echo "run docker/smoke-test.sh first (it builds $IMAGE)" >&2; exit 1; }
# runc and explicit ulimits: see docker/smoke-test.sh.
PODMAN=(--runtime runc --ulimit nofile=20000:20000 --ulimit nproc=8192:8192)
PODMAN_RUN_OPTS=("${PODMAN[@]}" --read-only --read-only-tmpfs=false --tmpfs "/tmp:rw,size=64m,mode=1777" --memory "$LIMIT" --memory-swap "$LIMIT"
  -e EARSHOT_DEMO=true -e EARSHOT_SESSION_SECRET="measure-only-secret-0123456789abcdefghijklmnop"
  -e EARSHOT_SECURE_COOKIES=false -e QUARKUS_HTTP_PORT="$PORT" -p "127.0.0.1:$PORT:$PORT"
  -v "$WORK/caches:/caches:ro")
# MALLOC_ARENA_MAX as the image sets it, unless given here (to compare).
[ -z "${MALLOC_ARENA_MAX:-}" ] || PODMAN_RUN_OPTS+=(-e MALLOC_ARENA_MAX="$MALLOC_ARENA_MAX")
mkdir -p "$WORK/caches"

# run FLAGS...: starts the container with these java flags before -jar (the image's JDK_JAVA_OPTIONS
# still apply), waits for the first 200 of GET /, prints milliseconds since `podman run` and
# Quarkus's "started in".
run() {
  local t0 t1 quarkus
  t0=$(date +%s%N)
  podman run -d --name "$NAME" "${PODMAN_RUN_OPTS[@]}" --entrypoint java "$IMAGE" "$@" -jar /app/quarkus-run.jar >/dev/null
  for _ in $(seq 1 3000); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/" 2>/dev/null)" = 200 ] && break
    sleep 0.02
  done
  t1=$(date +%s%N)
  quarkus=$(podman logs "$NAME" 2>&1 | sed -n 's/.*started in \([0-9.]*\)s.*/\1/p' | head -1)
  echo "$(( (t1 - t0) / 1000000 )) ${quarkus:-?}"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

if [ "$MODE" = start ]; then
  RUNS="${1:-7}"
  shipped="$(podman run --rm "${PODMAN[@]}" --entrypoint cat "$IMAGE" /app/startup.options | tr '\n' ' ')"
  echo "== The image ships: $shipped($(podman image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%d MB", $1 / 1e6}'))"
  # train NAME FLAGS...: makes another cache with the image's training script, in a throw-away
  # container with the image's JVM and files (a cache must fit both), written to $WORK/caches.
  train() {
    local name="$1" t0; shift
    t0=$(date +%s%N)
    podman run --rm "${PODMAN[@]}" --user 0 -e EARSHOT_TRAIN="${EARSHOT_TRAIN:-requests}" \
      -v "$WORK/caches:/out" --entrypoint sh "$IMAGE" /app/train.sh "$@" > "$WORK/train-$name.log" 2>&1 \
      || { tail -20 "$WORK/train-$name.log" >&2; exit 1; }
    echo "   $name: training $(( ($(date +%s%N) - t0) / 1000000 )) ms (container start included)"
  }
  declare -A VARIANT=([shipped]="$shipped" [jdk-cds]="-Xshare:auto" [none]="-Xshare:off")
  ORDER=(shipped)
  if [ -n "$(podman run --rm "${PODMAN[@]}" --entrypoint sh "$IMAGE" -c 'ls /app/app.aot 2>/dev/null')" ]; then
    echo "== Making the other aids with this image's JVM (JDK 25+)"
    train aot-requests -XX:AOTCacheOutput=/out/aot-requests.aot
    EARSHOT_TRAIN=start train aot-start -XX:AOTCacheOutput=/out/aot-start.aot
    train appcds-requests -XX:ArchiveClassesAtExit=/out/appcds-requests.jsa -Xlog:cds=off
    EARSHOT_TRAIN=start train appcds-start -XX:ArchiveClassesAtExit=/out/appcds-start.jsa -Xlog:cds=off
    VARIANT[aot-start]="-XX:AOTCache=/caches/aot-start.aot"
    VARIANT[appcds-requests]="-XX:SharedArchiveFile=/caches/appcds-requests.jsa -Xshare:auto"
    VARIANT[appcds-start]="-XX:SharedArchiveFile=/caches/appcds-start.jsa -Xshare:auto"
    ORDER+=(aot-start appcds-requests appcds-start)
  fi
  ORDER+=(jdk-cds none)
  for f in "$WORK"/caches/*; do
    [ -f "$f" ] && echo "   ${f##*/}: $(( $(stat -c %s "$f") / 1000000 )) MB"
  done
  echo "== Start time to first 200 of GET / ($RUNS runs per variant, interleaved; load $(cut -d' ' -f1-3 /proc/loadavg))"
  for _ in $(seq 1 "$RUNS"); do
    for v in "${ORDER[@]}"; do
      # shellcheck disable=SC2086
      run ${VARIANT[$v]} >> "$WORK/$v"
      podman rm -f -v -t 1 "$NAME" >/dev/null
    done
  done
  for v in "${ORDER[@]}"; do
    printf '   %-16s median %5s ms to first 200 (runs: %s), Quarkus "started in" median %ss\n' "$v" \
      "$(cut -d' ' -f1 "$WORK/$v" | median)" "$(cut -d' ' -f1 "$WORK/$v" | tr '\n' ' ' | sed 's/ $//')" \
      "$(cut -d' ' -f2 "$WORK/$v" | median)"
  done
  echo "   (load afterwards $(cut -d' ' -f1-3 /proc/loadavg))"
  exit 0
fi

[ "$MODE" = memory ] || { echo "usage: $0 start [runs] | memory [flags...]" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
if [ $# -gt 0 ]; then
  PODMAN_RUN_OPTS+=(-e JDK_JAVA_OPTIONS="$*")
  echo "== Memory in $LIMIT with JDK_JAVA_OPTIONS=$*"
else
  echo "== Memory in $LIMIT with the image's flags (@/app/jvm.options)"
fi
startup="$(podman run --rm "${PODMAN[@]}" --entrypoint cat "$IMAGE" /app/startup.options | tr '\n' ' ')"
# shellcheck disable=SC2086
echo "   started: first 200 after $(run $startup | awk '{print $1 " ms, Quarkus started in " $2 " s"}')"

# A signed-in listener: the demo's sign-in, as the smoke test does it.
curl -sS -o /dev/null -c "$WORK/jar" -D "$WORK/h" "$BASE_URL/login" || { echo "GET /login failed: $?" >&2; exit 1; }
authorize=$(grep -i '^location:' "$WORK/h" | sed 's/^[Ll]ocation: *//' | tr -d '\r')
curl -s -b "$WORK/jar" -c "$WORK/jar" "$authorize" > "$WORK/consent"
form=()
while IFS=$'\t' read -r field value; do form+=(--data-urlencode "$field=$value"); done \
  < <(grep -o '<input type="hidden" name="[^"]*" value="[^"]*"' "$WORK/consent" | sed 's/.*name="\([^"]*\)" value="\([^"]*\)"/\1\t\2/')
curl -s -o /dev/null -D "$WORK/h" -b "$WORK/jar" -c "$WORK/jar" "${form[@]}" --data-urlencode decision=allow "$BASE_URL/demo/spotify/accounts/authorize"
callback=$(grep -i '^location:' "$WORK/h" | sed 's/^[Ll]ocation: *//' | tr -d '\r')
curl -s -o /dev/null -b "$WORK/jar" -c "$WORK/jar" "$callback"
session=$(awk '$6 ~ /earshot_session/ {print $6 "=" $7}' "$WORK/jar")
[ -n "$session" ] || { echo "sign-in failed" >&2; exit 1; }

rss() {
  podman exec "$NAME" cat /proc/1/status /sys/fs/cgroup/memory/memory.usage_in_bytes \
    /sys/fs/cgroup/memory/memory.max_usage_in_bytes 2>/dev/null | awk '
    /^VmRSS/ {r = $2} /^VmHWM/ {h = $2} /^[0-9]+$/ {c[++n] = $1}
    END {printf "RSS %d MiB, RSS peak (VmHWM) %d MiB, cgroup %d MiB, cgroup peak %d MiB", r / 1024, h / 1024, c[1] / 1048576, c[2] / 1048576}'
}
echo "   after start and sign-in: $(rss)"
# load NAME SECONDS CONNECTIONS URL [wrk options]: wrk's req/s, p50, p99 and any errors, on one line.
load() {
  local name="$1" seconds="$2" connections="$3" url="$4"; shift 4
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency "$@" "$url" > "$WORK/wrk" 2>&1 || echo "Socket errors: wrk failed" >> "$WORK/wrk"
  awk -v n="$name" -v c="$connections" '
    /Requests\/sec/ {rps = $2} /^ +50%/ {p50 = $2} /^ +99%/ {p99 = $2}
    /Non-2xx/ {err = err " non-2xx " $NF} /Socket errors/ {err = err " " $0}
    END {printf "   %-13s %2d conn: %8.0f req/s, p50 %s, p99 %s%s\n", n, c, rps, p50, p99, (err ? ", ERRORS:" err : ", no errors")}' "$WORK/wrk"
}
load now-playing 15 50 "$BASE_URL/api/now-playing"
load dashboard 10 10 "$BASE_URL/dashboard" -H "Cookie: $session"
load svg-card 5 20 "$BASE_URL/embed/now-playing.svg"
load now-playing 10 50 "$BASE_URL/api/now-playing"
echo "   after load: $(rss)"
# Under cgroup v1 podman may not flag an OOM kill: a stopped container with exit code 137 is one too.
state=$(podman inspect -f '{{.State.Running}} {{.State.ExitCode}} {{.State.OOMKilled}}' "$NAME")
echo "   running, exit code, OOM-killed: $state"
podman logs "$NAME" 2>&1 | grep -E 'OutOfMemoryError|ERROR' | head -3 || true
# EARSHOT_MEASURE_LOG=FILE keeps the container's log (e.g. with -Xlog:gc among the flags).
[ -z "${EARSHOT_MEASURE_LOG:-}" ] || podman logs "$NAME" > "$EARSHOT_MEASURE_LOG" 2>&1
