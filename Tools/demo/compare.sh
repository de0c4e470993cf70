#!/bin/sh
# Run every Tools/demo/*.py on build-gil, build-ft and the host python3; print a table of
# median wall times (3 runs) and whether each interpreter printed the same output as the GIL
# build.
top=$1
gil="$top/build-gil/python"; ft="$top/build-ft/python"; host=$(command -v python3 || true)
runs=3

now_ns() { date +%s%N; }

# median_ms INTERPRETER PROGRAM: median wall time in ms of $runs runs; output in $out_file.
median_ms() {
    times=""
    i=0
    while [ $i -lt $runs ]; do
        t0=$(now_ns)
        "$1" "$2" > "$out_file" 2>&1 || echo "exit status $?" >> "$out_file"
        t1=$(now_ns)
        times="$times $(( (t1 - t0) / 1000000 ))"
        i=$((i + 1))
    done
    echo $times | tr ' ' '\n' | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

printf '%-22s %10s %10s %8s %10s  %s\n' program "gil ms" "ft ms" "ft/gil" "host ms" "output"
for prog in "$top"/Tools/demo/*.py; do
    name=$(basename "$prog" .py)
    out_file=$(mktemp); gil_ms=$(median_ms "$gil" "$prog"); cp "$out_file" "$out_file.gil"
    ft_ms=$(median_ms "$ft" "$prog"); cp "$out_file" "$out_file.ft"
    same="same"
    cmp -s "$out_file.gil" "$out_file.ft" || same="ft differs"
    host_ms="-"
    if [ -n "$host" ]; then
        host_ms=$(median_ms "$host" "$prog")
        cmp -s "$out_file.gil" "$out_file" || same="$same; host differs"
    fi
    ratio=$(awk -v a="$ft_ms" -v b="$gil_ms" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
    printf '%-22s %10s %10s %8s %10s  %s\n' "$name" "$gil_ms" "$ft_ms" "$ratio" "$host_ms" "$same"
    rm -f "$out_file" "$out_file.gil" "$out_file.ft"
done
