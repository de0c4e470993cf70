#!/bin/sh
# The main job: install dependencies, build both variants, and run the same programs on the GIL
# build, the free-threaded build and (when present) the host's CPython, side by side.
# Until the benchmark suite lands this runs the demonstration programs in Tools/demo/ and
# reports wall-clock medians of 3 runs and the free-threaded/GIL ratio.
set -e
top=$(cd "$(dirname "$0")/../.." && pwd)
sh "$top/Tools/build/install-deps.sh"
sh "$top/Tools/build/build-both.sh"
exec sh "$top/Tools/demo/compare.sh" "$top"
