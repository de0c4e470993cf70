#!/bin/sh
# The main job: install dependencies, build both variants, and run the benchmark suite
# (Tools/bench) on the GIL build, the free-threaded build and the host's CPython
# (/usr/bin/python3, Debian's, installed here as the reference).  Ends with the report table;
# the report directory (report.md, raw.json, SVG charts) is bench-results/<date>/.
# Extra arguments go to Tools/bench/run.py (e.g. --quick, --benchmarks nbody,float).
set -e
top=$(cd "$(dirname "$0")/../.." && pwd)
sh "$top/Tools/build/install-deps.sh"
if [ ! -x /usr/bin/python3 ] && [ "$(id -u)" = 0 ]; then
    apt-get install -y --no-install-recommends python3 > /dev/null
fi
sh "$top/Tools/build/build-both.sh"
exec "$top/build-gil/python" "$top/Tools/bench/run.py" "$@"
