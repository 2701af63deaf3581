#!/usr/bin/env bash
# Builds the Earshot image with podman and proves it works as deployed: read-only root file system,
# a tmpfs at /tmp, a 128 MiB memory limit, no capabilities, a named volume at /data, demo mode.
# Signs in through the demo with curl, checks the dashboard, the public JSON, readiness, metrics and
# the logs, serves the benchmark's load inside the 128 MiB (wrk: /api/now-playing at 50 connections,
# signed-in /dashboard renders) without a failed request or an OOM kill, then stops the container
# gracefully. Exits non-zero on any failure; cleans up after itself. Needs podman, curl and wrk.
#
#   docker/smoke-test.sh                 # reuses target/quarkus-app/ (./mvnw package) if present
#   docker/smoke-test.sh --base IMAGE    # a JRE 17+ base image of your choice
#   docker/smoke-test.sh --local-base    # skip the registry: the debootstrapped Debian JRE image
#   docker/smoke-test.sh --keep          # leave the container running for a look (port printed)
#
# Base image: eclipse-temurin:25-jre when a registry answers within a few seconds; otherwise a Debian
# bookworm image built locally with debootstrap (needs root and deb.debian.org) with a jlink'd JRE of
# the host's JDK 25 (localhost/earshot-jre:25-bookworm), or Debian's OpenJDK 17 when the host has no
# JDK 25 (localhost/earshot-jre:17-bookworm); kept, so later runs reuse it.
set -euo pipefail
cd "$(dirname "$0")/.."

REGISTRY_BASE="docker.io/library/eclipse-temurin:25-jre"
# The local base carries JDK 25 when the host has one (so CI exercises the AOT cache), else OpenJDK 17.
JDK25=""
for jdk in ${EARSHOT_JDK25:+"$EARSHOT_JDK25"} /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64; do
  if [ -x "$jdk/bin/jlink" ]; then JDK25="$jdk"; break; fi
done
if [ -n "$JDK25" ]; then LOCAL_BASE="localhost/earshot-jre:25-bookworm"; else LOCAL_BASE="localhost/earshot-jre:17-bookworm"; fi
# All of Java SE (2 MB more than the java.* modules jdeps finds in target/quarkus-app, and safe from what
# it misses: java.rmi, reached through JTA) and the jdk.* modules the app or its libraries use.
JLINK_MODULES="java.se,jdk.charsets,jdk.crypto.ec,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs"
IMAGE="localhost/earshot:smoke"
NAME="earshot-smoke-$$"
VOLUME="earshot-smoke-data-$$"
BASE=""
KEEP=false

while [ $# -gt 0 ]; do
  case "$1" in
    --base) BASE="$2"; shift 2 ;;
    --local-base) BASE="$LOCAL_BASE"; shift ;;
    --keep) KEEP=true; shift ;;
    *) echo "usage: $0 [--base IMAGE | --local-base] [--keep]" >&2; exit 2 ;;
  esac
done

# This machine runs podman without a Docker engine: runc as the runtime (crun is not usable here)
# and explicit ulimits (the defaults cannot be raised inside this sandbox).
PODMAN_RUN_OPTS=(--runtime runc --ulimit nofile=20000:20000 --ulimit nproc=8192:8192)

WORK="$(mktemp -d)"
STARTED_AT=$(date +%s)
cleanup() {
  local status=$?
  if [ "$KEEP" = true ] && [ $status -eq 0 ]; then
    echo "== Kept running: $NAME on http://127.0.0.1:$PORT (podman rm -f $NAME; podman volume rm $VOLUME)"
  else
    podman rm -f -v -t 2 "$NAME" >/dev/null 2>&1 || true
    podman volume rm -f "$VOLUME" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
  if [ $status -eq 0 ]; then
    echo "== Smoke test passed in $(( $(date +%s) - STARTED_AT )) s"
  else
    echo "== Smoke test FAILED (exit $status)" >&2
  fi
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  if podman container exists "$NAME" 2>/dev/null; then
    echo "--- container log (last 40 lines)" >&2
    podman logs --tail 40 "$NAME" >&2 || true
  fi
  exit 1
}

command -v podman >/dev/null || fail "podman is not installed (apt-get install -y podman runc uidmap slirp4netns)"
command -v curl >/dev/null || fail "curl is not installed"
command -v wrk >/dev/null || fail "wrk is not installed (apt-get install -y wrk)"

echo "== Application: target/quarkus-app"
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -q package -DskipTests
fi

echo "== Base image"
# build_local_base: Debian bookworm (minbase, plus curl for the image build's training run) with
# a JRE: a jlink'd runtime of the host's JDK 25+ when there is one (so the image makes a JDK AOT
# cache), otherwise Debian's openjdk-17-jre-headless (the image then makes an AppCDS archive).
build_local_base() {
  command -v debootstrap >/dev/null || fail "no registry reachable and debootstrap is not installed"
  [ "$(id -u)" -eq 0 ] || fail "debootstrap needs root"
  local rootfs="$WORK/rootfs" packages=curl env=()
  if [ -n "$JDK25" ]; then
    echo "   debootstrapping Debian bookworm, plus a jlink'd JRE from $JDK25 (a minute, once)"
  else
    echo "   no JDK 25 found: debootstrapping Debian bookworm with openjdk-17-jre-headless (a minute or two, once)"
    packages="$packages,openjdk-17-jre-headless"
  fi
  debootstrap --variant=minbase --include="$packages" bookworm "$rootfs" http://deb.debian.org/debian \
    > "$WORK/debootstrap.log" 2>&1 || { tail -20 "$WORK/debootstrap.log" >&2; fail "debootstrap failed"; }
  # What a runtime image does not need: package caches and lists, documentation, man pages.
  rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*
  if [ -n "$JDK25" ]; then
    # At /opt/java/openjdk, as Temurin's images lay it out, with the JDK's default CDS archive. Not
    # jdk.localedata (26 MB): the app formats in English and the root locale, which java.base holds.
    "$JDK25/bin/jlink" --output "$rootfs/opt/java/openjdk" --strip-debug --no-man-pages --no-header-files \
      --generate-cds-archive --add-modules "$JLINK_MODULES" > "$WORK/jlink.log" 2>&1 \
      || { cat "$WORK/jlink.log" >&2; fail "jlink failed"; }
    env=(--change 'ENV JAVA_HOME=/opt/java/openjdk'
         --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
  else
    env=(--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
  fi
  tar -C "$rootfs" -c . | podman import -q "${env[@]}" - "$LOCAL_BASE" >/dev/null
  rm -rf "$rootfs"
}
if [ -z "$BASE" ]; then
  if podman image exists "$REGISTRY_BASE" || timeout 20 podman pull -q "$REGISTRY_BASE" >/dev/null 2>&1; then
    BASE="$REGISTRY_BASE"
  else
    echo "   no registry reachable: using a locally built base"
    BASE="$LOCAL_BASE"
  fi
fi
if [ "$BASE" = "$LOCAL_BASE" ] && ! podman image exists "$LOCAL_BASE"; then
  build_local_base
fi
echo "   $BASE"

echo "== Image: podman build -f docker/Dockerfile.jvm"
podman build -q "${PODMAN_RUN_OPTS[@]}" --build-arg BASE_IMAGE="$BASE" -f docker/Dockerfile.jvm -t "$IMAGE" . > "$WORK/build.log" 2>&1 \
  || { grep -v 'Skipping' "$WORK/build.log" | tail -30 >&2; fail "podman build failed"; }

# The start-up cache is used, not just shipped: its modes (AOTMode=auto, -Xshare:auto) ignore a cache that does
# not fit the JVM or its flags without a word. Start the image's own command once until the app is initialised
# and check where Quarkus's own class came from.
echo "== Start-up cache in use: $(podman run --rm "${PODMAN_RUN_OPTS[@]}" --entrypoint sh "$IMAGE" -c 'cat /app/startup.options' | tr '\n' ' ')"
podman run --rm "${PODMAN_RUN_OPTS[@]}" -e EARSHOT_DEMO=true -e EARSHOT_DATA_DIR=/tmp/check \
  --entrypoint java "$IMAGE" @/app/startup.options -Xlog:class+load=info -Dquarkus.appcds.generate=true \
  -jar /app/quarkus-run.jar > "$WORK/cache-check.log" 2>&1 || true
grep -q 'io.quarkus.runtime.Application source: shared objects file' "$WORK/cache-check.log" \
  || { grep -iE 'aot|cds|error' "$WORK/cache-check.log" | head -10 >&2; fail "the JVM in the image does not use its start-up cache"; }

# Demo mode's sandbox and redirect URI live at http://127.0.0.1:<QUARKUS_HTTP_PORT>, so the port is
# the same inside and outside the container.
PORT=18080
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
BASE_URL="http://127.0.0.1:$PORT"
SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"

echo "== Run: read-only root, tmpfs /tmp, 128 MiB, no capabilities, volume at /data, port $PORT"
podman volume create "$VOLUME" >/dev/null
RUN_AT=$(date +%s%N)
podman run -d --name "$NAME" "${PODMAN_RUN_OPTS[@]}" \
  --read-only --read-only-tmpfs=false --tmpfs /tmp:rw,size=64m,mode=1777 \
  --memory 128m --memory-swap 128m \
  --cap-drop ALL --security-opt no-new-privileges \
  -v "$VOLUME:/data" \
  -e EARSHOT_DEMO=true \
  -e EARSHOT_SESSION_SECRET="$SECRET" \
  -e EARSHOT_SECURE_COOKIES=false \
  -e QUARKUS_HTTP_PORT="$PORT" \
  -p "127.0.0.1:$PORT:$PORT" \
  "$IMAGE" >/dev/null || fail "podman run failed"

[ "$(podman inspect -f '{{.HostConfig.ReadonlyRootfs}}' "$NAME")" = "true" ] || fail "root file system is not read-only"
[ "$(podman inspect -f '{{.HostConfig.Memory}}' "$NAME")" = "134217728" ] || fail "memory limit is not 128 MiB"

echo "== Waiting for readiness"
ready=false
for _ in $(seq 1 240); do
  if curl -sf -o /dev/null "$BASE_URL/q/health/ready"; then ready=true; break; fi
  [ "$(podman inspect -f '{{.State.Running}}' "$NAME" 2>/dev/null)" = "true" ] || fail "the container stopped"
  sleep 0.25
done
[ "$ready" = true ] || fail "not ready within 60 s"
echo "   ready $(( ($(date +%s%N) - RUN_AT) / 1000000 )) ms after podman run"

# status_of URL [curl options...]: the HTTP status, with the body in $WORK/body and headers in $WORK/headers.
status_of() {
  local url="$1"; shift
  curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -b "$WORK/cookies" -c "$WORK/cookies" "$@" "$url"
}
location() {
  grep -i '^location:' "$WORK/headers" | head -1 | sed 's/^[Ll]ocation: *//' | tr -d '\r'
}
html_unescape() {
  sed -e 's/&quot;/"/g' -e "s/&#39;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g'
}

echo "== Sign in through the demo"
code=$(status_of "$BASE_URL/login")
[ "$code" = 303 ] || fail "GET /login answered $code, expected 303"
authorize="$(location)"
case "$authorize" in
  "$BASE_URL/demo/spotify/accounts/authorize?"*) ;;
  *) fail "GET /login sent the browser to '$authorize', not to the sandbox's consent page" ;;
esac

code=$(status_of "$authorize")
[ "$code" = 200 ] || fail "the consent page answered $code"
form=()
while IFS=$'\t' read -r field value; do
  form+=(--data-urlencode "$field=$(printf '%s' "$value" | html_unescape)")
done < <(grep -o '<input type="hidden" name="[^"]*" value="[^"]*"' "$WORK/body" \
          | sed 's/.*name="\([^"]*\)" value="\([^"]*\)"/\1\t\2/')
[ ${#form[@]} -ge 12 ] || fail "the consent page's form lacks its hidden fields"

code=$(status_of "$BASE_URL/demo/spotify/accounts/authorize" "${form[@]}" --data-urlencode "decision=allow")
case "$code" in 302|303) ;; *) fail "allowing on the consent page answered $code" ;; esac
callback="$(location)"
case "$callback" in
  "$BASE_URL/api/callback?"*code=*) ;;
  *) fail "the sandbox sent the browser to '$callback', not back to /api/callback with a code" ;;
esac

code=$(status_of "$callback")
[ "$code" = 303 ] || fail "GET /api/callback answered $code: $(head -c 300 "$WORK/body")"
grep -q 'earshot_session' "$WORK/cookies" || fail "the callback set no session cookie"

code=$(status_of "$BASE_URL/dashboard")
[ "$code" = 200 ] || fail "GET /dashboard answered $code"
grep -q 'Demo Listener' "$WORK/body" || fail "the dashboard does not greet the Demo Listener"
echo "   /dashboard 200, signed in as Demo Listener"

echo "== Public JSON"
code=$(status_of "$BASE_URL/api/now-playing")
[ "$code" = 200 ] || fail "GET /api/now-playing answered $code"
grep -q '"song"' "$WORK/body" || fail "/api/now-playing has no \"song\": $(head -c 300 "$WORK/body")"
grep -qi '^content-type: application/json' "$WORK/headers" || fail "/api/now-playing is not JSON"

echo "== Health and metrics"
code=$(status_of "$BASE_URL/q/health/ready")
if [ "$code" != 200 ] || ! grep -q '"status": *"UP"' "$WORK/body"; then fail "/q/health/ready is not UP: $(cat "$WORK/body")"; fi
grep -q '"database"' "$WORK/body" || fail "/q/health/ready lacks the database check"
code=$(status_of "$BASE_URL/q/health/live")
[ "$code" = 200 ] || fail "/q/health/live answered $code"
code=$(status_of "$BASE_URL/q/metrics")
[ "$code" = 200 ] || fail "/q/metrics answered $code"
for metric in 'earshot_sign_ins_total{outcome="success"}' 'earshot_spotify_calls_total{endpoint="token",status="200"}' \
              'earshot_spotify_calls_total{endpoint="me",status="200"}' 'earshot_now_playing_lookups_total'; do
  grep -qF "$metric" "$WORK/body" || fail "/q/metrics lacks $metric"
done
echo "   ready UP, live UP, earshot_* metrics present"
echo "   memory: $(podman stats --no-stream --format '{{.MemUsage}}' "$NAME" 2>/dev/null || echo unknown)"

echo "== Load inside 128 MiB: wrk, /api/now-playing at 50 connections, signed-in /dashboard at 10"
# memory: the JVM's resident set now and at its peak, and the container's (cgroup v2 or v1) with its peak.
memory() {
  podman exec "$NAME" cat /proc/1/status > "$WORK/status" 2>/dev/null || return 0
  local cg
  cg=$(podman exec "$NAME" sh -c 'cat /sys/fs/cgroup/memory.current /sys/fs/cgroup/memory.peak 2>/dev/null ||
    cat /sys/fs/cgroup/memory/memory.usage_in_bytes /sys/fs/cgroup/memory/memory.max_usage_in_bytes' 2>/dev/null | tr '\n' ' ')
  awk -v cg="$cg" '/^VmRSS/ {r = $2} /^VmHWM/ {h = $2}
    END {split(cg, c, " "); printf "RSS %d MiB (peak %d MiB), container %d MiB (peak %d MiB) of 128 MiB\n", r / 1024, h / 1024, c[1] / 1048576, c[2] / 1048576}' "$WORK/status"
}
echo "   before: $(memory)"
session=$(awk '$6 ~ /earshot_session/ {print $6 "=" $7}' "$WORK/cookies")
# load NAME SECONDS CONNECTIONS PATH [wrk options]: fails on any non-2xx answer or socket error. A
# request may take up to 10 s (wrk's default is 2 s) before it counts as failed: on a busy CI machine
# a slow answer is the CPU's doing, and this test is about memory.
load() {
  local name="$1" seconds="$2" connections="$3" path="$4"; shift 4
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency "$@" "$BASE_URL$path" > "$WORK/wrk" 2>&1 \
    || { cat "$WORK/wrk" >&2; fail "wrk on $path failed"; }
  awk -v n="$name" -v c="$connections" '/Requests\/sec/ {r = $2} /^ +99%/ {p = $2}
    END {printf "   %-12s %2d connections: %6.0f req/s, p99 %s\n", n, c, r, p}' "$WORK/wrk"
  if grep -qE 'Non-2xx|Socket errors' "$WORK/wrk"; then
    grep -E 'Non-2xx|Socket errors' "$WORK/wrk" >&2
    fail "requests to $path failed under load"
  fi
  [ "$(podman inspect -f '{{.State.Running}}' "$NAME")" = true ] || fail "the container died under load on $path (exit $(podman inspect -f '{{.State.ExitCode}}' "$NAME"))"
}
load now-playing 8 50 /api/now-playing
load dashboard 4 10 /dashboard -H "Cookie: $session"
echo "   after: $(memory)"

echo "== Logs"
podman logs "$NAME" > "$WORK/container.log" 2>&1
if grep -qF "$SECRET" "$WORK/container.log"; then fail "the session secret appears in the log"; fi
if grep -qiE 'Read-only file system|AccessDeniedException|java.lang.OutOfMemoryError' "$WORK/container.log"; then
  grep -iE 'Read-only file system|AccessDeniedException|java.lang.OutOfMemoryError' "$WORK/container.log" | head -5 >&2
  fail "the log shows a write to the read-only root or an out-of-memory error"
fi

if [ "$KEEP" = true ]; then
  exit 0
fi

echo "== Graceful stop"
podman stop -t 25 "$NAME" >/dev/null
podman logs "$NAME" 2>&1 | grep -q 'earshot stopped in' || fail "no graceful shutdown in the log"
# Under cgroup v1 podman may not flag an OOM kill; the graceful-stop log line above rules one out too.
[ "$(podman inspect -f '{{.State.OOMKilled}}' "$NAME")" = "false" ] || fail "the container was OOM-killed"
echo "   stopped cleanly"
