# hum demo "clock": prints the time once a second, forever.
# Plain POSIX sh (dash works) and ASCII only: it reaches /bin/sh -c as an argument, not a file.
while :; do
    date '+%Y-%m-%d %H:%M:%S'
    sleep 1
done
