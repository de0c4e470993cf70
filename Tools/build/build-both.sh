#!/bin/sh
# Build both variants out of tree, side by side: build-gil/ (./configure) and build-ft/
# (./configure --disable-gil).  Extra arguments go to configure.
set -e
top=$(cd "$(dirname "$0")/../.." && pwd)
for variant in gil ft; do
    dir="$top/build-$variant"
    mkdir -p "$dir"
    flags=""
    [ "$variant" = ft ] && flags="--disable-gil"
    (cd "$dir" && "$top/configure" -q $flags "$@" && make -s -j"$(nproc)" all Tests/braid_gtest)
    echo "built $dir/python ($variant)"
done
