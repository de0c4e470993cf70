#!/bin/sh
# Build the libFuzzer target Tests/fuzz/fuzz_compile against a Braid build directory.
#
#   Tests/fuzz/build.sh [BUILD_DIR] [--parser-only]
#
# BUILD_DIR (default: build-fuzz in the current directory) is configured and built with clang
# and -fsanitize=fuzzer-no-link,address; the target links libbraid.a with -fsanitize=fuzzer.
# Run it from BUILD_DIR (Py_Initialize finds Lib/ through pybuilddir.txt), e.g.
#   cd BUILD_DIR && ASAN_OPTIONS=detect_leaks=0 ./fuzz_compile -max_total_time=300 \
#       -timeout=10 -close_fd_mask=2 CORPUS_DIR
# (-close_fd_mask=2 silences the SyntaxWarnings that random input produces.)
# --parser-only fuzzes the parser alone (no compiler, still with an initialized runtime).
set -e
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
builddir=${1:-build-fuzz}
extra=
if [ "$2" = "--parser-only" ]; then
    extra="-DFUZZ_PARSER_ONLY"
fi
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
mkdir -p "$builddir"
cd "$builddir"
if [ ! -f Makefile ]; then
    CC=clang CXX=clang++ "$srcdir/configure" -q \
        CFLAGS="-O1 -g $san -fsanitize=fuzzer-no-link" LDFLAGS="$san"
fi
make -j2 libbraid.a pybuilddir.txt
libs=$(sed -n 's/^LIBS *= *//p' Makefile)
clang -O1 -g $san -fsanitize=fuzzer $extra -I. -I"$srcdir/Include" \
    -I"$srcdir/Include/internal" -DPy_BUILD_CORE \
    -o fuzz_compile "$srcdir/Tests/fuzz/fuzz_compile.c" libbraid.a $libs
echo "built $(pwd)/fuzz_compile"
