#!/usr/bin/env bash
# Measures the image docker/smoke-test.sh built (localhost/earshot:smoke), as README.md section Deploy
# reports it: start time to the first 200 with and without the AppCDS archive, and memory under load,
# all in demo mode with the smoke test's limits (read-only root, tmpfs /tmp, 256 MiB).
#
#   docker/measure.sh [runs]      # runs per variant, interleaved (default 7); needs podman, curl, hey
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${1:-7}"
IMAGE="localhost/earshot:smoke"
NAME="earshot-measure-$$"
PORT=18180
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
BASE_URL="http://127.0.0.1:$PORT"
WORK="$(mktemp -d)"
trap 'podman rm -f -v -t 1 "$NAME" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

podman image exists "$IMAGE" || { echo "run docker/smoke-test.sh first (it builds $IMAGE)" >&2; exit 1; }
command -v hey >/dev/null || { echo "hey is not installed (apt-get install -y hey)" >&2; exit 1; }

JAR=(-jar /app/quarkus-run.jar)
declare -A VARIANT=(
  [appcds]="-XX:SharedArchiveFile=/app/app-cds.jsa -Xshare:auto"
  [jdk-cds]="-Xshare:auto"
  [no-cds]="-Xshare:off"
)
ORDER=(appcds jdk-cds no-cds)

# start VARIANT: runs the container with that JVM class-sharing setting, prints milliseconds from
# `podman run` to the first 200 of GET /, and Quarkus's own "started in" figure.
start() {
  local flags="${VARIANT[$1]}" t0 t1
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  podman run -d --name "$NAME" --runtime runc --ulimit nofile=20000:20000 --ulimit nproc=8192:8192 \
    --read-only --read-only-tmpfs=false --tmpfs /tmp:rw,size=64m,mode=1777 --memory 256m --memory-swap 256m \
    -e EARSHOT_DEMO=true -e EARSHOT_SESSION_SECRET="measure-only-secret-0123456789abcdefghijklmnop" \
    -e EARSHOT_SECURE_COOKIES=false -e QUARKUS_HTTP_PORT="$PORT" -p "127.0.0.1:$PORT:$PORT" \
    --entrypoint java "$IMAGE" $flags "${JAR[@]}" >/dev/null
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/" 2>/dev/null)" = 200 ]; do sleep 0.02; done
  t1=$(date +%s%N)
  local quarkus
  quarkus=$(podman logs "$NAME" 2>&1 | sed -n 's/.*started in \([0-9.]*\)s.*/\1/p' | head -1)
  echo "$(( (t1 - t0) / 1000000 )) ${quarkus:-?}"
}

echo "== Start time to first 200 of GET / ($RUNS runs per variant, interleaved)"
for _ in $(seq 1 "$RUNS"); do
  for v in "${ORDER[@]}"; do
    start "$v" >> "$WORK/$v"
    podman rm -f -v -t 1 "$NAME" >/dev/null
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
declare -A WALL QUARKUS
for v in "${ORDER[@]}"; do
  WALL[$v]=$(cut -d' ' -f1 "$WORK/$v" | median)
  QUARKUS[$v]=$(cut -d' ' -f2 "$WORK/$v" | median)
  printf '   %-8s median %5s ms to first 200 (runs: %s), Quarkus "started in" median %ss\n' \
    "$v" "${WALL[$v]}" "$(cut -d' ' -f1 "$WORK/$v" | tr '\n' ' ' | sed 's/ $//')" "${QUARKUS[$v]}"
done
awk -v a="${WALL[appcds]}" -v j="${WALL[jdk-cds]}" -v n="${WALL[no-cds]}" \
  -v qa="${QUARKUS[appcds]}" -v qj="${QUARKUS[jdk-cds]}" -v qn="${QUARKUS[no-cds]}" 'BEGIN {
  printf "   ratios to first 200: appcds/jdk-cds %.2f, appcds/no-cds %.2f, jdk-cds/no-cds %.2f\n", a / j, a / n, j / n
  printf "   ratios of started-in: appcds/jdk-cds %.2f, appcds/no-cds %.2f\n", qa / qj, qa / qn
}'

echo "== Memory under load (AppCDS image as shipped, 256 MiB limit)"
start appcds > /dev/null
# A signed-in listener: the demo's sign-in, as the smoke test does it.
curl -s -o /dev/null -c "$WORK/jar" -D "$WORK/h" "$BASE_URL/login"
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

rss() { podman exec "$NAME" sh -c 'grep -E "^(VmRSS|VmHWM)" /proc/1/status' | awk '{printf "%s %d MiB  ", $1, $2 / 1024}'; }
echo "   after start and sign-in: $(rss)"
hey -n 300 -c 10 -H "Cookie: $session" "$BASE_URL/dashboard" | grep -E 'Requests/sec|Status code distribution' -A1 | grep -vE '^--$|Status' | sed 's/^ */   dashboard: /'
hey -n 1000 -c 20 "$BASE_URL/api/now-playing" | grep -E 'Requests/sec|\[200\]' | sed 's/^ */   now-playing: /'
hey -n 500 -c 20 "$BASE_URL/embed/now-playing.svg" | grep -E 'Requests/sec|\[200\]' | sed 's/^ */   svg card: /'
hey -n 300 -c 10 "$BASE_URL/" | grep -E 'Requests/sec|\[200\]' | sed 's/^ */   landing: /'
echo "   after load: $(rss)"
echo "   container (cgroup, incl. tmpfs): $(podman stats --no-stream --format '{{.MemUsage}}' "$NAME")"
[ "$(podman inspect -f '{{.State.OOMKilled}}' "$NAME")" = false ] && echo "   not OOM-killed"
