#!/bin/sh
# Install the Debian 12 packages Braid needs to build and test (run as root).
set -e
packages="build-essential autoconf clang libmimalloc-dev libgmp-dev libgtest-dev libffi-dev
          unicode-data zlib1g-dev libssl-dev python3-setuptools python3-dev tzdata"
missing=""
for p in $packages; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
if [ -n "$missing" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
fi
