# hum demo "worker": a job queue that reports progress on stdout and warnings on stderr.
nap() { sleep "$1" 2>/dev/null || sleep 1; }
job=0
while :; do
    job=$((job + 1))
    echo "picked job #$job from queue 'emails'"
    nap 1.3
    if [ $((job % 3)) -eq 0 ]; then
        echo "warning: job #$job took too long, retrying once" >&2
        nap 0.5
    fi
    echo "done job #$job"
done
