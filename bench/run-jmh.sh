#!/usr/bin/env bash
# Builds hum and its benchmarks, then runs the JMH benchmarks with settings sized for a small (2-core) machine.
#
#   bench/run-jmh.sh                 # everything (about 8 minutes on 2 cores), JSON into bench/results/
#   bench/run-jmh.sh 'StateRead.*'   # only the benchmarks whose name matches the regex
#   bench/run-jmh.sh --no-build 'Pump'   # skip the Maven install/package (jar already built)
#
# Extra JMH options can follow the regex, e.g. bench/run-jmh.sh 'StateReadWrite' -tg 3,1
# The stored-bytes report (not a JMH benchmark) runs with the full set and when the regex is 'StoredBytes'.
set -euo pipefail

cd "$(dirname "$0")/.."
build=1
if [[ "${1:-}" == "--no-build" ]]; then
    build=0
    shift
fi
regex="${1:-.*}"
shift || true

if [[ $build == 1 ]]; then
    mvn -B -q -DskipTests install
    mvn -B -q -f bench/pom.xml package
fi

mkdir -p bench/results
stamp="$(date -u +%Y%m%dT%H%M%SZ)"

if [[ "$regex" == ".*" || "$regex" == "StoredBytes" ]]; then
    java -cp bench/target/benchmarks.jar dev.hum.bench.StoredBytesReport | tee "bench/results/stored-bytes-$stamp.txt"
    [[ "$regex" == "StoredBytes" ]] && exit 0
fi

# -f 1: one fork per benchmark (forks still isolate them); 3 x 1 s warm-up, 5 x 1 s measurement.
java -jar bench/target/benchmarks.jar "$regex" \
    -f 1 -wi 3 -w 1s -i 5 -r 1s \
    -prof gc \
    -rf json -rff "bench/results/jmh-$stamp.json" \
    "$@" | tee "bench/results/jmh-$stamp.txt"
echo "results: bench/results/jmh-$stamp.json"
