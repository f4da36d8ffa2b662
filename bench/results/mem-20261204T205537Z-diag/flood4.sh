#!/bin/sh
# run.sh NAME OPTS... : hum in tmux with 4 flooders, 20 s, then report
name=$1; shift
cd /tmp/memx
tmux kill-session -t memx-$name 2>/dev/null
tmux new-session -d -s memx-$name -x 160 -y 45 "env HUM_JAVA_OPTS='$* -XX:NativeMemoryTracking=summary -Xlog:gc:file=/tmp/memx/gc-$name.log' /work/wt/mem/target/hum"
sleep 2
pid=$(pgrep -f "java.*gc-$name.log" | head -1)
echo pid $pid
for t in 5 10 15 20 25; do sleep 5; echo "t=$t $(grep VmRSS /proc/$pid/status)"; done
/usr/lib/jvm/temurin-25-jdk-amd64/bin/jcmd $pid VM.native_memory summary > /tmp/memx/nmt-$name.txt
/usr/lib/jvm/temurin-25-jdk-amd64/bin/jcmd $pid GC.heap_info > /tmp/memx/heap-$name.txt
tmux send-keys -t memx-$name q
sleep 3
tmux kill-session -t memx-$name 2>/dev/null
