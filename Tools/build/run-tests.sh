#!/bin/sh
# Run every test suite of one build: each Lib/test module in its own process (so a crash is
# reported as that module's failure and the others still run), then the GoogleTest binary.
# Usage: run-tests.sh BUILD_DIR.  The last line is "N passed, N failed, N skipped"; the exit
# status is non-zero if anything failed.
build=${1:-.}
cd "$build" || exit 2
srcdir=$(cat pybuilddir.txt)
timeout_s=${BRAID_TEST_TIMEOUT:-600}
passed=0; failed=0; skipped=0; xfailed=0
names=$(cd "$srcdir/Lib/test" && for f in test_*; do
            case $f in
                *.py) echo "${f%.py}" ;;
                *) [ -f "$f/__init__.py" ] && echo "$f" ;;
            esac
        done)
for name in $names; do
    out=$(timeout "$timeout_s" ./python -m test --single "$name" 2>&1)
    rc=$?
    line=$(printf '%s\n' "$out" | grep '^RESULT ' | tail -n 1)
    if [ -z "$line" ]; then
        printf '%s\n' "$out" | tail -n 25
        echo "$name: CRASHED or hung (exit status $rc): counted as 1 failure"
        failed=$((failed + 1))
        continue
    fi
    set -- $line
    passed=$((passed + $3)); failed=$((failed + $4)); skipped=$((skipped + $5))
    xfailed=$((xfailed + $6))
    if [ "$4" != 0 ]; then
        printf '%s\n' "$out" | grep -v '^RESULT ' | tail -n 60
    fi
    echo "$name: $3 passed, $4 failed, $5 skipped, $6 expected failures"
done
if [ -x Tests/braid_gtest ]; then
    out=$(timeout "$timeout_s" ./Tests/braid_gtest --gtest_brief=1 2>&1)
    rc=$?
    p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
    f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
    t=$(printf '%s\n' "$out" | sed -n 's/^\[==========\] \([0-9]*\) test.* ran.*/\1/p' | tail -n 1)
    if [ -z "$t" ]; then
        printf '%s\n' "$out" | tail -n 25
        echo "gtest: CRASHED (exit status $rc): counted as 1 failure"
        failed=$((failed + 1))
    else
        p=${p:-0}; f=${f:-0}
        # --gtest_brief prints no "[  FAILED  ] N tests" summary: what did not pass failed.
        [ "$f" = 0 ] && [ "$t" -gt "$p" ] && f=$((t - p))
        [ "$f" = 0 ] && [ "$rc" != 0 ] && f=1
        [ "$f" != 0 ] && printf '%s\n' "$out" | tail -n 40
        echo "gtest: $p passed, $f failed"
        passed=$((passed + p)); failed=$((failed + f))
    fi
fi
[ "$xfailed" != 0 ] && echo "($xfailed expected failures are counted as skipped)"
echo "$passed passed, $failed failed, $((skipped + xfailed)) skipped"
[ "$failed" = 0 ]
