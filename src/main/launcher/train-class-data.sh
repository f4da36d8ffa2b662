#!/bin/sh
# Writes the caches the launcher (hum, beside it) gives the JVM, each from one real start of the
# dashboard on a small hum.yaml, in a pseudo-terminal made by util-linux's script(1), driven by a few
# keys and quit with q:
#   TARGET/hum.aot  with the JVM the launcher picks when it is JDK 25 or newer: an ahead-of-time cache
#                   (-XX:AOTCacheOutput: classes loaded and linked, method profiles; JEP 483, 515).
#   TARGET/hum.jsa  with the build's own JVM (JAVA_HOME, or java on the PATH) when it is older than 25:
#                   a class-data archive (-XX:ArchiveClassesAtExit), for the launcher's JDK 17 path.
# The build runs it in the package phase (pom.xml). Best effort: without script(1), without a JDK 25,
# or if a session fails, it leaves that cache out and says why, and hum starts without it.
set -u
target=$(readlink -f "${1:?usage: train-class-data.sh TARGET_DIR}")
archive=$target/hum.jsa
work=$target/class-data-training
aot=$target/hum.aot
rm -rf "$work" "$archive" "$archive.tmp" "$aot" "$aot.tmp"
mkdir -p "$work"
if ! command -v script >/dev/null 2>&1; then
    echo "train-class-data: no script(1) from util-linux; hum will start without a class-data archive" >&2
    exit 0
fi
cd "$work" || exit 0
# A hum.yaml rather than the built-in demo: most starts read one, and the YAML parser's classes are
# a large part of what the archive saves (bench/RESULTS.md: first frame 0.48 s with a demo-trained
# archive, 0.34 s with one trained on a hum.yaml, 0.58 s without).
# The twenty ticking processes and the 15 s before the first key (the AOT cache's session only; the
# class list of the JDK 17 path needs 2 s, and 30 s did no better) are a dashboard's usual idle: the
# method profiles of that time let JDK 25 compile the idle paths early (AOTReplayTraining). A session
# of 20 ticking processes took 27 CPU ticks in 5-25 s after start with a cache trained without them,
# 22 with eight of them in training, 19 with twenty (bench/RESULTS.md).
cat >hum.yaml <<'YAML'
processes:
  clock:
    cmd: while :; do date; sleep 0.2; done
  colours:
    cmd: printf '\033[31mred\033[0m \033[1;32mbold green\033[0m\n'; sleep 300
    env: {FORCE_COLOR: "1"}
  broken:
    cmd: [sh, -c, "echo failing >&2; exit 3"]
  later:
    cmd: [sleep, "300"]
    autostart: false
    stop_timeout: 2s
  tick1: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
  tick2: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
  tick3: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
  tick4: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
  tick5: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
  tick6: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
  tick7: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
  tick8: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
  tick9: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
  tick10: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
  tick11: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
  tick12: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
  tick13: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
  tick14: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
  tick15: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
  tick16: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
  tick17: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
  tick18: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
  tick19: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
  tick20: {cmd: 'i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 1; done'}
settings:
  fps: 30
YAML
# train NAME JAVA IDLE FLAG...: one session of the dashboard on JAVA with the JVM flags given, IDLE seconds
# of ticking before the first key.
train() {
    _name=$1
    _java=$2
    _idle=$3
    shift 3
    # First the answers a terminal gives to Lanterna's two cursor-position requests, for a platform where
    # hum cannot ask the kernel for the terminal's size (script(1) has no terminal behind it to answer;
    # unanswered, each waits 5 s; elsewhere they are input hum ignores), then a walk through the list, a
    # search with n, the help, and q.
    (
        sleep 1
        printf '\033[40;120R'
        sleep 0.5
        printf '\033[40;120R'
        sleep "$_idle"
        printf 'jj'
        sleep 0.5
        printf '/green\rn'
        sleep 0.5
        printf '?'
        sleep 0.5
        printf '?'
        sleep 0.5
        printf q
    ) | TERM=xterm-256color script -qec "stty rows 40 cols 120; exec '$_java' -XX:+UseSerialGC -Xmn16m $* \
        -jar '$target/hum.jar'" /dev/null >"$work/$_name.log" 2>&1
}

# The AOT cache, on the JVM the launcher will run (its own choice, so the cache matches it).
set -- $(HUM_LAUNCHER=print-java "$target/hum" 2>/dev/null)
if [ "${1:-0}" -ge 25 ] 2>/dev/null; then
    # JDK 25 writes the cache in a second JVM it starts at exit (the assembly phase).
    train aot "$2" 15 "-XX:AOTCacheOutput='$aot.tmp'"
    if [ -s "$aot.tmp" ]; then
        mv "$aot.tmp" "$aot"
        echo "train-class-data: wrote $aot (JDK $1)"
    else
        rm -f "$aot.tmp" "$aot.tmp.config"
        echo "train-class-data: no AOT cache written; the session's output is in $work/aot.log" >&2
    fi
else
    echo "train-class-data: no JDK 25 or newer found; hum will start without an AOT cache (the JDK 17 path)"
fi

# The class-data archive, on the build's JVM, unless that is JDK 25 or newer (the launcher would never
# give it an archive then; HUM_JAVA pinned to an older JDK still finds one trained by such a build).
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
set -- $(HUM_JAVA=$(command -v "$java") HUM_LAUNCHER=print-java "$target/hum" 2>/dev/null)
if [ "${1:-0}" -ge 25 ] 2>/dev/null; then
    echo "train-class-data: the build's JVM is JDK $1; no class-data archive for the JDK 17 path"
    exit 0
fi
train class-data "$java" 2 "-XX:ArchiveClassesAtExit='$archive.tmp'"
if [ -s "$archive.tmp" ]; then
    mv "$archive.tmp" "$archive"
    echo "train-class-data: wrote $archive"
else
    rm -f "$archive.tmp"
    echo "train-class-data: no archive written; the session's output is in $work/class-data.log" >&2
fi
