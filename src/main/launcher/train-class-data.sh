#!/bin/sh
# Writes TARGET/hum.jsa, the class-data archive the launcher (hum, beside it) gives the JVM: one real
# start of the dashboard on a small hum.yaml, in a pseudo-terminal made by util-linux's script(1),
# driven by a few keys and quit with q; the JVM writes the classes it loaded when it exits.
# The build runs it in the package phase (pom.xml). Best effort: without script(1), or if the session
# fails, it leaves no archive and says why, and hum starts without one.
set -u
target=$(readlink -f "${1:?usage: train-class-data.sh TARGET_DIR}")
archive=$target/hum.jsa
work=$target/class-data-training
rm -rf "$work" "$archive" "$archive.tmp"
mkdir -p "$work"
if ! command -v script >/dev/null 2>&1; then
    echo "train-class-data: no script(1) from util-linux; hum will start without a class-data archive" >&2
    exit 0
fi
cd "$work" || exit 0
# A hum.yaml rather than the built-in demo: most starts read one, and the YAML parser's classes are
# a large part of what the archive saves (bench/RESULTS.md: first frame 0.48 s with a demo-trained
# archive, 0.34 s with one trained on a hum.yaml, 0.58 s without).
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
settings:
  fps: 30
YAML
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# First the answers a terminal gives to Lanterna's two cursor-position requests (script(1) has no
# terminal behind it to answer; unanswered, each waits 5 s), then a walk through the list, a search
# with n, the help, and q.
(
    sleep 1
    printf '\033[40;120R'
    sleep 0.5
    printf '\033[40;120R'
    sleep 2
    printf 'jj'
    sleep 0.5
    printf '/green\rn'
    sleep 0.5
    printf '?'
    sleep 0.5
    printf '?'
    sleep 0.5
    printf q
) | TERM=xterm-256color script -qec "stty rows 40 cols 120; exec '$java' -XX:+UseSerialGC \
    -XX:ArchiveClassesAtExit='$archive.tmp' -jar '$target/hum.jar'" /dev/null >"$work/session.log" 2>&1
if [ -s "$archive.tmp" ]; then
    mv "$archive.tmp" "$archive"
    echo "train-class-data: wrote $archive"
else
    rm -f "$archive.tmp"
    echo "train-class-data: no archive written; the session's output is in $work/session.log" >&2
fi
