#!/bin/sh
# run200.sh NAME LAUNCHER OPTS... : hum with 200 tickers in tmux, RSS at 20/40 s, NMT and heap info at the end
name=$1; launcher=$2; shift 2
cd /tmp/memx/p200
tmux -L memx200 kill-session -t $name 2>/dev/null
tmux -L memx200 new-session -d -s $name -x 160 -y 45 "env HUM_JAVA_OPTS='$* -XX:NativeMemoryTracking=summary -Xlog:gc:file=/tmp/memx/gc200-$name.log' $launcher"
sleep 3
pid=$(pgrep -f "java.*gc200-$name.log" | head -1)
echo pid $pid
for t in 10 20 30 40; do sleep 10; echo "t=$t $(grep VmRSS /proc/$pid/status)"; done
/usr/lib/jvm/temurin-25-jdk-amd64/bin/jcmd $pid VM.native_memory summary > /tmp/memx/nmt200-$name.txt
/usr/lib/jvm/temurin-25-jdk-amd64/bin/jcmd $pid GC.heap_info > /tmp/memx/heap200-$name.txt
/usr/lib/jvm/temurin-25-jdk-amd64/bin/jcmd $pid GC.class_histogram > /tmp/memx/histo200-$name.txt
grep -E "^Total|Heap|Thread|Code|Shared|GC |Internal|Other|Symbol" /tmp/memx/nmt200-$name.txt
tmux -L memx200 send-keys -t $name q
sleep 8
tmux -L memx200 kill-session -t $name 2>/dev/null
