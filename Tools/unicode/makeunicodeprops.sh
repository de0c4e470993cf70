#!/bin/sh
# Generate Modules/unicodedata_db.h, the tables behind unicodedata.category(),
# bidirectional(), east_asian_width(), mirrored(), the tags of decomposition(), the
# "assigned after Unicode 3.2" flag used by unicodedata.ucd_3_2_0 and the named sequences of
# unicodedata.lookup(), from the Unicode Character Database.
#
# Usage: sh Tools/unicode/makeunicodeprops.sh [UCD_DIR] > Modules/unicodedata_db.h
# UCD_DIR defaults to /usr/share/unicode (Debian's unicode-data package).  Needs only POSIX
# sh, grep, sed and awk.  Input lines for the awk program:
#   U;<UnicodeData.txt fields>     E;<code point or range>;<East Asian width>
#   A;<code point or range>;<Unicode version that assigned it> (DerivedAge.txt)
#   Q;<name>;<code points> (NamedSequences.txt)
#   V;<Unicode version, from the header line of DerivedAge.txt>
set -e
UCD=${1:-/usr/share/unicode}
HERE=$(dirname "$0")
{
    sed -n '1s/^# DerivedAge-\([0-9.]*\)\.txt.*/V;\1/p' "$UCD/DerivedAge.txt"
    sed 's/^/U;/' "$UCD/UnicodeData.txt"
    grep -E '^[0-9A-F]' "$UCD/EastAsianWidth.txt" | sed -e 's/#.*//' -e 's/ //g' -e 's/^/E;/'
    grep -E '^[0-9A-F]' "$UCD/DerivedAge.txt" | sed -e 's/#.*//' -e 's/ //g' -e 's/^/A;/'
    grep -E '^[A-Z]' "$UCD/NamedSequences.txt" | sed -e 's/; */;/' -e 's/^/Q;/'
} | awk -F';' -f "$HERE/ucd.awk" -f "$HERE/makeunicodeprops.awk"
