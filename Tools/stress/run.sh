#!/bin/sh
# Adversarial thread stress scripts for the free-threaded build (issue 5).  Each script has
# one thread mutating shared objects while three others read them through as many C entry
# points as it lists; run under the AddressSanitizer build (Tools/build/sanitizers.sh builds
# build-ft-asan), a use-after-free is reported where it happens.  They found the bugs whose
# regression tests are in Lib/test/test_free_threading; they are not part of CI (several
# minutes under ASan, and their interleavings are not reproducible).
# Usage: run.sh [PYTHON]; the last line is "N passed, N failed".
here=$(cd "$(dirname "$0")" && pwd)
python=${1:-$here/../../build-ft-asan/python}
passed=0; failed=0
for script in "$here"/[!_]*.py; do
    out=$(ASAN_OPTIONS="detect_leaks=0" timeout 900 "$python" "$script" 2>&1)
    if [ "$(printf '%s\n' "$out" | tail -n 1)" = ok ] &&
            ! printf '%s\n' "$out" | grep -q 'ERROR: AddressSanitizer'; then
        passed=$((passed + 1)); echo "$(basename "$script"): ok"
    else
        failed=$((failed + 1)); printf '%s\n' "$out" | tail -n 40
        echo "$(basename "$script"): FAILED"
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
