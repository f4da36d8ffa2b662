# hum demo "web": a pretend dev server that prints its URL, then a request log.
nap() { sleep "$1" 2>/dev/null || sleep 1; }
printf '\033[1mVITE v5.0.0\033[0m  ready in 312 ms\n\n'
printf '  \033[32m\342\236\234\033[0m  Local:   \033[36mhttp://localhost:5173/\033[0m\n'
printf '  \033[32m\342\236\234\033[0m  Network: use --host to expose\n\n'
i=0
while :; do
    i=$((i + 1))
    case $((i % 7)) in
        0) path='/api/users' status=200 ;;
        1) path='/' status=200 ;;
        2) path='/assets/main.js' status=304 ;;
        3) path='/api/orders?page=2' status=200 ;;
        4) path='/favicon.ico' status=404 ;;
        5) path='/api/login' status=401 ;;
        *) path='/api/health' status=200 ;;
    esac
    case $status in
        2*) colour=32 ;;
        3*) colour=36 ;;
        *) colour=33 ;;
    esac
    printf '%s GET %s \033[%sm%s\033[0m %sms\n' "$(date '+%H:%M:%S')" "$path" "$colour" "$status" $((i * 37 % 90 + 3))
    nap 0.7
done
