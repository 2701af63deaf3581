#!/usr/bin/env bash
# Import benchmark: how fast Earshot imports Spotify's data export, and how much heap it needs.
#
#   bench/import.sh [rows] [memory]      # defaults: 1000000 rows, container (docker/jvm.options in 128 MiB);
#                                        # container=256m: the same flags in a 256 MiB container; 256m: -Xmx256m only
#
# Builds nothing: run `./mvnw -B verify -DskipITs` (or `./mvnw -B package -DskipTests && ./mvnw -B test-compile`)
# first, so target/quarkus-app/quarkus-run.jar and target/test-classes exist. Then it
#   1. generates an export zip of <rows> Extended streams (plus Account data for its last year, a video file and a
#      PDF) with dev.earshot.demo.SampleExport — the demo's generator — into target/bench/ (kept for later runs);
#   2. starts the packaged jar as the container does (java @docker/jvm.options -XX:MaxRAM=128m -jar quarkus-run.jar,
#      or java -Xmx<max-heap> when a size is given; demo mode for the
#      sign-in, an empty EARSHOT_DATA_DIR, JFR recording) and signs in through the demo sandbox's consent page;
#   3. uploads the zip to POST /api/me/history/import in one request and times it until the answer;
#   4. reads the peak heap from JFR (largest heap in use before a collection; /q/metrics is polled as a check);
#   5. does it again on PostgreSQL when /usr/lib/postgresql exists (a throw-away cluster, as the tests start one);
# and writes target/bench/import.md and target/bench/import.json.
# Targets (issue 11): 1,000,000 rows in < 30 s embedded and < 60 s on PostgreSQL, on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
heap="${2:-container}"
test -f target/quarkus-app/quarkus-run.jar || { echo "target/quarkus-app/quarkus-run.jar is missing: build first" >&2; exit 1; }
test -f target/test-classes/dev/earshot/history/ImportBenchmark.class || { echo "target/test-classes is missing: ./mvnw test-compile first" >&2; exit 1; }
# The test classpath (resolved, not built) for the generator and the PostgreSQL cluster.
if [ ! -f target/bench/classpath.txt ]; then
  mkdir -p target/bench
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt >/dev/null
fi
exec java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  dev.earshot.history.ImportBenchmark "$rows" "$heap"
