#!/bin/sh
# The free-threaded build under AddressSanitizer and under ThreadSanitizer, running the
# thread stress tests (issue 5).  Sanitizer builds allocate with the C library instead of
# mimalloc (Objects/obmalloc.c) so that the sanitizer sees every block.
#
# Each suite counts as its unittest results, plus one failure if the sanitizer reported
# anything (a report makes the process exit with a non-zero status) even when every test
# passed.  TSan suppressions, each with its reason, are in Tools/build/tsan-suppressions.txt.
# Usage: sanitizers.sh [asan|tsan ...]; the last line is "N passed, N failed[, N skipped]".
top=$(cd "$(dirname "$0")/../.." && pwd)
jobs=$(nproc 2>/dev/null || echo 2)
kinds=${*:-asan tsan}
passed=0; failed=0; skipped=0

# build KIND CONFIGURE-FLAG: configure and build build-ft-KIND; 0 on success.
build() {
    dir="$top/build-ft-$1"
    mkdir -p "$dir" && cd "$dir" || return 1
    if [ ! -f Makefile ]; then
        "$top/configure" -q --disable-gil "$2" CFLAGS='-O1 -g' > configure.log 2>&1 || {
            tail -n 20 configure.log; return 1; }
    fi
    make -j"$jobs" > make.log 2>&1 || { tail -n 30 make.log; return 1; }
}

# run KIND SUITE: one Lib/test suite in that build, counted as described above.
run() {
    out=$(timeout 1800 ./python -m test --single "$2" 2>&1)
    rc=$?
    line=$(printf '%s\n' "$out" | grep '^RESULT ' | tail -n 1)
    reports=$(printf '%s\n' "$out" | grep -c '^WARNING: ThreadSanitizer\|^==[0-9]*==ERROR: AddressSanitizer')
    if [ -z "$line" ]; then
        printf '%s\n' "$out" | tail -n 60
        echo "$1 $2: CRASHED or hung (exit status $rc): counted as 1 failure"
        failed=$((failed + 1))
        return
    fi
    set -- "$1" "$2" $line
    passed=$((passed + $5)); failed=$((failed + $6)); skipped=$((skipped + $7 + $8))
    if [ "$reports" != 0 ] || [ "$rc" != 0 ]; then
        printf '%s\n' "$out" | grep -A 24 '^WARNING: ThreadSanitizer\|ERROR: AddressSanitizer' |
            head -n 150
        echo "$1 $2: $reports sanitizer report(s), exit status $rc: counted as 1 failure"
        failed=$((failed + 1))
    fi
    echo "$1 $2: $5 passed, $6 failed, $7 skipped, $8 expected failures, $reports reports"
}

for kind in $kinds; do
    case $kind in
        asan) flag=--with-address-sanitizer
              suites="test_free_threading test_gc test_weakref test_threading test_thread" ;;
        tsan) flag=--with-thread-sanitizer
              suites="test_free_threading test_threading test_thread test_queue test_concurrent_futures" ;;
        *) echo "unknown sanitizer $kind"; exit 2 ;;
    esac
    echo "==== free-threaded build with $kind"
    if ! build "$kind" "$flag"; then
        echo "$kind: build failed: counted as 1 failure"
        failed=$((failed + 1))
        continue
    fi
    for suite in $suites; do
        ASAN_OPTIONS="detect_leaks=0 abort_on_error=0" \
        TSAN_OPTIONS="halt_on_error=0 second_deadlock_stack=1 suppressions=$top/Tools/build/tsan-suppressions.txt" \
            run "$kind" "$suite"
    done
    cd "$top" || exit 2
done
if [ "$skipped" != 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" = 0 ]
