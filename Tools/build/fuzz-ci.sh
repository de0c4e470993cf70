#!/bin/sh
# Build the parser/compiler fuzz target (clang, libFuzzer, ASan+UBSan) and fuzz it briefly,
# seeded with the test programs.  Prints "fuzz: 1 passed" or "fuzz: 1 failed" (a crash,
# a sanitizer report or a hang); the exit status says the same.
top=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${BRAID_FUZZ_SECONDS:-60}
build="$top/build-fuzz"
if ! sh "$top/Tests/fuzz/build.sh" "$build" > "$build.log" 2>&1; then
    tail -n 30 "$build.log"
    echo "fuzz: could not build the fuzz target"
    echo "fuzz: 1 failed"
    exit 1
fi
corpus=$(mktemp -d)
cp "$top"/Lib/test/programs/*.py "$corpus"/ 2>/dev/null
cp "$top"/Lib/test/test_grammar.py "$corpus"/ 2>/dev/null
cd "$build" || exit 2
ASAN_OPTIONS=detect_leaks=0 ./fuzz_compile -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=4096 -detect_leaks=0 -print_final_stats=1 "$corpus" > fuzz.log 2>&1
status=$?
rm -rf "$corpus"
if [ $status -ne 0 ]; then
    tail -n 40 fuzz.log
    echo "fuzz: 1 failed"
    exit 1
fi
grep -E "stat::number_of_executed_units|Done " fuzz.log | tail -n 2
echo "fuzz: 1 passed"
