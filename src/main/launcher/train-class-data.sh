#!/bin/sh
# Writes TARGET/hum.jsa, the class-data archive the launcher (hum, beside it) gives the JVM: one real
# start of the dashboard on the built-in demo, in a pseudo-terminal made by util-linux's script(1),
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
cd "$work" || exit 0 # an empty folder, so hum shows its built-in demo
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
    printf '/tick\rn'
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
