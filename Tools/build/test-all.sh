#!/bin/sh
# Install dependencies, build both variants and run every test of both.  The last line is
# "N passed, N failed, N skipped" summed over both builds; the exit status is non-zero on any
# failure (a build failure counts as one).
top=$(cd "$(dirname "$0")/../.." && pwd)
sh "$top/Tools/build/install-deps.sh" || exit 2
passed=0; failed=0; skipped=0
if ! sh "$top/Tools/build/build-both.sh"; then
    echo "build failed"
    echo "0 passed, 1 failed"
    exit 1
fi
# The shared library too (the sources again, position-independent), so that the embedding
# tests also link a program against libbraid<VERSION>.so.
for variant in gil ft; do
    if ! make -s -C "$top/build-$variant" -j"$(nproc)" shared > /dev/null; then
        echo "building the shared library of the $variant build failed: counted as 1 failure"
        failed=$((failed + 1))
    fi
done
for variant in gil ft; do
    echo "==== tests of the $variant build"
    log=$(mktemp)
    sh "$top/Tools/build/run-tests.sh" "$top/build-$variant" | tee "$log"
    set -- $(tail -n 1 "$log" | sed 's/[^0-9 ]//g')
    rm -f "$log"
    passed=$((passed + ${1:-0})); failed=$((failed + ${2:-1})); skipped=$((skipped + ${3:-0}))
done
echo "==== benchmark suite smoke test (every benchmark and workload once, results checked)"
if "$top/build-gil/python" "$top/Tools/bench/run.py" --quick --threads 1,2 \
        --python gil="$top/build-gil/python" --python ft="$top/build-ft/python" \
        --results "$top/bench-results/quick" > "$top/bench-results-quick.log" 2>&1; then
    echo "bench: 1 passed"
    passed=$((passed + 1))
else
    tail -n 60 "$top/bench-results-quick.log"
    echo "bench: 1 failed"
    failed=$((failed + 1))
fi
echo "==== fuzzing the tokenizer, parser and compiler"
if sh "$top/Tools/build/fuzz-ci.sh"; then
    passed=$((passed + 1))
else
    failed=$((failed + 1))
fi
echo "==== the free-threaded build under AddressSanitizer and ThreadSanitizer (stress tests)"
log=$(mktemp)
sh "$top/Tools/build/sanitizers.sh" | tee "$log"
set -- $(tail -n 1 "$log" | sed 's/[^0-9 ]//g')
rm -f "$log"
passed=$((passed + ${1:-0})); failed=$((failed + ${2:-1})); skipped=$((skipped + ${3:-0}))
if [ "$skipped" != 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" = 0 ]
