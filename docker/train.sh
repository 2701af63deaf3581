#!/bin/sh
# The training run of the image build (docker/Dockerfile.jvm): starts the app with the JVM flag that
# writes a start-up cache at exit, serves it what a visitor and a signed-in listener ask for, then
# stops it with SIGTERM, as a platform would; the JVM writes the cache as it exits.
#
#   train.sh -XX:AOTCacheOutput=/app/app.aot         # JDK 25+: an AOT cache (JEP 483, 514, 515)
#   train.sh -XX:ArchiveClassesAtExit=/app/app.jsa   # JDK 17-24: an AppCDS archive
#
# Demo mode (the built-in Spotify sandbox), a throw-away session secret and data directory: nothing
# of the training run is left in the image but the cache. Without curl in the image, the fallback is
# a plain start-and-exit (-Dquarkus.appcds.generate=true exits once the app is initialised).
# POSIX sh and curl only; JDK_JAVA_OPTIONS (the image's @/app/jvm.options) applies as at run time.
# On a host (e.g. for bench/run.sh), with the JVM that will use the cache first on PATH:
#   EARSHOT_JAR=target/quarkus-app/quarkus-run.jar JDK_JAVA_OPTIONS="@docker/jvm.options -XX:MaxRAM=128m" \
#     sh docker/train.sh -XX:AOTCacheOutput=target/app.aot
set -eu

JAR="${EARSHOT_JAR:-/app/quarkus-run.jar}"
# A free port on loopback (a build's RUN step may share the host's network): curl's 7 is "refused".
PORT=28080
if command -v curl >/dev/null 2>&1; then
  while :; do
    rc=0; curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/" || rc=$?
    [ "$rc" -ne 7 ] || break
    PORT=$((PORT + 1))
  done
fi
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d)"
export EARSHOT_DEMO=true EARSHOT_SECURE_COOKIES=false EARSHOT_DATA_DIR="$WORK/data" QUARKUS_HTTP_PORT="$PORT"
EARSHOT_SESSION_SECRET="training-only-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
export EARSHOT_SESSION_SECRET
mkdir -p "$EARSHOT_DATA_DIR"
# The run-time cap on metaspace (docker/jvm.options) would also cap the JVM that assembles the AOT
# cache ("Unable to allocate from 'ro' region"): lift it for training and assembly, which both read
# JDK_JAVA_OPTIONS. The cache maps outside metaspace at run time, so the cap still holds there.
JDK_JAVA_OPTIONS="${JDK_JAVA_OPTIONS:-} -XX:MaxMetaspaceSize=512m"
export JDK_JAVA_OPTIONS
trap 'rm -rf "$WORK"' EXIT

if ! command -v curl >/dev/null 2>&1 || [ "${EARSHOT_TRAIN:-requests}" = start ]; then
  echo "training: start and exit (no requests)"
  java "$@" -Dquarkus.appcds.generate=true -jar "$JAR"
  exit 0
fi

echo "training: start, requests, SIGTERM"
java "$@" -jar "$JAR" > "$WORK/app.log" 2>&1 &
pid=$!
fail() { echo "training failed: $*" >&2; tail -40 "$WORK/app.log" >&2; kill -9 "$pid" 2>/dev/null || true; exit 1; }

i=0
until curl -sf -o /dev/null "$BASE/q/health/ready"; do
  i=$((i + 1)); [ "$i" -lt 600 ] || fail "not ready within 60 s"
  kill -0 "$pid" 2>/dev/null || fail "the app stopped"
  sleep 0.1
done

# get PATH [curl options]: the status code; body in $WORK/body, headers in $WORK/headers.
get() {
  p="$1"; shift
  curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -b "$WORK/jar" -c "$WORK/jar" "$@" "$p"
}
location() { grep -i '^location:' "$WORK/headers" | head -1 | sed 's/^[Ll]ocation: *//' | tr -d '\r'; }

# The demo sign-in, as a browser does it: /login -> the sandbox's consent page -> allow -> callback.
[ "$(get "$BASE/login")" = 303 ] || fail "GET /login"
[ "$(get "$(location)")" = 200 ] || fail "the consent page"
grep -o '<input type="hidden" name="[^"]*" value="[^"]*"' "$WORK/body" \
  | sed -e 's/&quot;/\\"/g' -e "s/&#39;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g' \
  | sed 's/.*name="\([^"]*\)" value="\(.*\)"$/data-urlencode = "\1=\2"/' > "$WORK/form"
echo 'data-urlencode = "decision=allow"' >> "$WORK/form"
code=$(get "$BASE/demo/spotify/accounts/authorize" -K "$WORK/form")
case "$code" in 302|303) ;; *) fail "allowing on the consent page: $code" ;; esac
[ "$(get "$(location)")" = 303 ] || fail "GET /api/callback"

# What visitors and listeners ask for, a few rounds so the JIT sees the hot paths (the AOT cache keeps
# their profiles on JDK 25). Failures here only make a weaker cache, so they do not stop the build.
for _ in 1 2 3 4 5 6 7 8 9 10; do
  for p in / /dashboard /api/now-playing /embed/now-playing.svg /embed/now-playing /history /recap /api/me/now-playing /setup \
           /q/health/ready /q/metrics /no-such-page; do
    get "$BASE$p" > /dev/null || true
  done
done
# The public paths many times: these are what a busy README card or page sees.
for _ in $(seq 1 200); do
  curl -s -o /dev/null -o /dev/null "$BASE/api/now-playing" "$BASE/embed/now-playing.svg" || true
done

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
# 143: the JVM's exit status after SIGTERM (128 + 15), once the shutdown hooks have run.
case "$status" in 0|143) ;; *) fail "the app exited with $status" ;; esac
grep -q 'earshot stopped in' "$WORK/app.log" || fail "no graceful shutdown"
echo "training: done"
