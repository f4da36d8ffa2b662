# hum demo "colors": ANSI colours and styles, then a progress bar drawn with carriage returns.
nap() { sleep "$1" 2>/dev/null || sleep 1; }
round=0
while :; do
    round=$((round + 1))
    printf '\033[1mround %d\033[0m: ' "$round"
    for c in 31 32 33 34 35 36; do
        printf '\033[%sm\342\226\240 colour %s\033[0m ' "$c" "$c"
    done
    printf '\n'
    printf '\033[1mbold\033[0m \033[3mitalic\033[0m \033[4munderline\033[0m \033[7mreverse\033[0m '
    printf '\033[38;5;208m256-colour orange\033[0m \033[38;2;120;80;255mtrue-colour violet\033[0m\n'
    bar=''
    n=0
    while [ "$n" -le 20 ]; do
        printf '\rbuilding [\033[32m%-20s\033[0m] %3d%%' "$bar" $((n * 5))
        bar="$bar#"
        n=$((n + 1))
        nap 0.1
    done
    printf '\n\033[32m\342\234\224 built in %d.%ds\033[0m\n' 2 $((round % 10))
    nap 3
done
