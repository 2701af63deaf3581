#!/usr/bin/env bash
# The benchmark (README.md, "Measured performance"): Earshot against the design it replaces, in one run.
#
#   bench/run.sh                 # everything: about 14 minutes on a 2-core machine
#   bench/run.sh --quick         # the live figures only (no 1M-row import, no 1M-play history pages): ~6 minutes
#   bench/run.sh --duration=20 --connections=50 --latency=50 --dashboard-latency=100 --starts=5
#   bench/run.sh --jfr           # only Earshot's load, recorded by JDK Flight Recorder into target/bench/earshot.jfr
#
# Builds the jar and the test classes when missing, installs wrk (Debian) when missing, then:
#   1. bench/import.sh: 1,000,000 Extended rows imported into the packaged jar, embedded and PostgreSQL;
#   2. the history pages at 1,000,000 plays (HistoryPagesBenchmarkTest), embedded and PostgreSQL;
#   3. dev.earshot.bench.Benchmark: a fake Spotify with latency and faults, the baseline server (the seed design:
#      a token call and a currently-playing call per request, no cache) and the packaged app started as the
#      container runs it (docker/jvm.options, 128 MiB), loaded with wrk; start-up aids; the dashboard.
# Writes target/bench/report.md and target/bench/report.json (plus each step's own files and logs there).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
args=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    --jfr) quick=true; args+=("$arg") ;;
    --*) args+=("$arg") ;;
    *) echo "usage: $0 [--quick] [--duration=S] [--connections=N] [--latency=MS] [--dashboard-latency=MS] [--starts=N] [--jfr]" >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null; then
  echo "== Installing wrk"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk
fi
if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ ! -f target/test-classes/dev/earshot/bench/Benchmark.class ]; then
  echo "== Building: ./mvnw -B -q package -DskipTests (jar and test classes)"
  ./mvnw -B -q package -DskipTests
fi
mkdir -p target/bench
if [ ! -f target/bench/classpath.txt ] || [ pom.xml -nt target/bench/classpath.txt ]; then
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt >/dev/null
fi
rm -f target/bench/import.md target/bench/import.json target/bench/history-pages-*.txt

started=$(date +%s)
if [ "$quick" = false ]; then
  echo "== 1. Import of 1,000,000 rows (bench/import.sh)"
  bench/import.sh 1000000 container
  echo "== 2. History pages at 1,000,000 plays (HistoryPagesBenchmarkTest, embedded then PostgreSQL)"
  rm -f target/history-pages-benchmark-*.txt
  ./mvnw -B -q test -Dtest=HistoryPagesBenchmarkTest -Dhistory.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false \
    -Dmaven.test.failure.ignore=true > target/bench/history-pages.log 2>&1 || true
  for db in h2 postgresql; do
    [ -f "target/history-pages-benchmark-$db.txt" ] && cp "target/history-pages-benchmark-$db.txt" "target/bench/history-pages-$db.txt"
  done
fi
echo "== 3. Live figures (dev.earshot.bench.Benchmark)"
java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" dev.earshot.bench.Benchmark "${args[@]}"
echo "== Benchmark done in $(( $(date +%s) - started )) s: target/bench/report.md, target/bench/report.json"
