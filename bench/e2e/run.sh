#!/usr/bin/env bash
# End-to-end benchmark: hum against mprocs 0.9.6 in tmux panes of one size, plus floors and issue 5's MCP bench.
#   bench/e2e/run.sh [quick|full] [extra e2e.py options]     (from anywhere; quick = 3 rounds, full = 5)
#   bench/e2e/run.sh scale [extra scale.py options]           (issue 14: 20, 100, 200 processes; ~15 min)
# Environment: NO_BUILD=1 reuses target/hum.jar; FLAGS_JAR=path runs the JVM flag sets with another jar
# (e.g. one built with the cursor-report flush fix, see bench/e2e/jvm-flags.md); FLAGSETS overrides the sets.
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=${1:-quick}; shift || true
case $mode in
  quick) runs=3; samples=20; mcp_runs=2 ;;
  full) runs=5; samples=30; mcp_runs=3 ;;
  scale) ;;
  *) echo "usage: bench/e2e/run.sh [quick|full] [e2e.py options]" >&2; exit 2 ;;
esac
[ -n "${NO_BUILD:-}" ] || mvn -B -q -DskipTests package
mprocs=$(ls bench/e2e/node_modules_dir/node_modules/mprocs/mprocs-0.9.6-linux-$(uname -m)-musl/mprocs 2>/dev/null || true)
[ -n "$mprocs" ] || { npm install --prefix bench/e2e/node_modules_dir mprocs@0.9.6; mprocs=$(ls bench/e2e/node_modules_dir/node_modules/mprocs/mprocs-0.9.6-linux-$(uname -m)-musl/mprocs); }
if [ "$mode" = scale ]; then
  # the launcher's choice (JDK >= 25 with target/hum.aot when found), mprocs and FrameProbe on the same JVM at
  # 20, 100 and 200 processes; then 4 flooding with the JDK 17 path and compact headers beside, and 1M-line ingest
  out=bench/results/scale-$(date -u +%Y%m%dT%H%M%SZ)
  mkdir -p "$out" bench/e2e/work
  javac -cp target/hum.jar -d bench/e2e/work bench/e2e/FrameProbe.java
  { date -u; uptime; nproc; git rev-parse HEAD; HUM_LAUNCHER=print-java target/hum; "$mprocs" --version; } > "$out/machine.txt"
  # the first frame is waited for with a look at the pane every 10 ms: without a pause the looks (each a tmux
  # client) take most of a core from the dashboard while it starts (bench/RESULTS.md, "start to first frame")
  python3 bench/e2e/scale.py --out "$out" --sizes 20,100,200 --window 10 --late 35 --key-samples 10 --poll-ms 10 "$@" \
    2>&1 | tee "$out/log.txt"
  python3 bench/e2e/startup.py --runs 9 --n 20 --poll-ms 10 --hum "hum=$PWD/target/hum" --out "$out/startup.jsonl" 2>&1 | tee -a "$out/log.txt"
  j17=$(HUM_JAVA=$(command -v java) HUM_LAUNCHER=print-java target/hum | cut -d' ' -f2)
  python3 bench/e2e/scale.py --out "$out" --sizes 4 --flooders 4 --only ingest,flood --window 10 --key-samples 10 --poll-ms 10 \
    --no-probe --hum "hum=target/hum;hum [jdk17]=env HUM_JAVA=$j17 target/hum;hum [coh]=env HUM_JAVA_OPTS=-XX:+UseCompactObjectHeaders target/hum" \
    2>&1 | tee -a "$out/log.txt"
  echo "load after: $(uptime)" >> "$out/machine.txt"
  python3 bench/e2e/scale_summary.py "$out" | tee "$out/summary.md"
  exit 0
fi
out=bench/results/e2e-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
{
  echo "mode: $mode ($runs rounds, $samples key samples per run)"; date -u
  uname -sr; nproc; grep -m1 'model name' /proc/cpuinfo; free -g | sed -n 2p
  java -version 2>&1 | head -2; "$mprocs" --version; tmux -V; python3 --version
  echo "load: $(cat /proc/loadavg)"; git rev-parse HEAD
} > "$out/machine.txt"
# "hum" is `java -jar target/hum.jar`; "hum [launcher]" runs the same jar with the flags of target/hum, the
# launcher the README opens hum with, and the class-data archive the build wrote beside it. The flag sets
# explored before the launcher existed (bench/e2e/jvm-flags.md) were:
#   FLAGSETS="none=;c1=-XX:TieredStopAtLevel=1;serial=-XX:+UseSerialGC;cds=@CDS@;serial+cds=-XX:+UseSerialGC @CDS@;lean=-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx256m -Xss512k @CDS@"
FLAGSETS=${FLAGSETS-"launcher=-XX:+UseSerialGC -Xshare:auto -XX:SharedArchiveFile=$PWD/target/hum.jsa"}
python3 bench/e2e/e2e.py --runs "$runs" --key-samples "$samples" --out "$out" --flagsets "$FLAGSETS" \
  --idle-extra --keys-with-flagsets --idle-late 120 --skip "hum [fps 120],hum [fps 10]" \
  ${FLAGS_JAR:+--flags-jar "$FLAGS_JAR"} "$@" 2>&1 | tee "$out/log.txt"
python3 bench/e2e/mcp_bench.py --out "$out" --runs "$mcp_runs" 2>&1 | tee -a "$out/log.txt"
# frame times (issue 5): the same dashboard wired by bench/e2e/FrameProbe.java, which times each drawn frame
mkdir -p bench/e2e/work && javac -cp target/hum.jar -d bench/e2e/work bench/e2e/FrameProbe.java
python3 bench/e2e/mcp_bench.py --probe --out "$out" --runs "$mcp_runs" 2>&1 | tee -a "$out/log.txt"
echo "load after: $(cat /proc/loadavg)" >> "$out/machine.txt"
python3 bench/e2e/summarise.py "$out"
echo "raw: $out/raw.jsonl  summary: $out/summary.md"
