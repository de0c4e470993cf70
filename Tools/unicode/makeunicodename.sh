#!/bin/sh
# Generate Objects/unicodename_db.h (character names) from the Unicode Character Database.
# Usage: sh Tools/unicode/makeunicodename.sh [UCD_DIR] > Objects/unicodename_db.h
# UCD_DIR defaults to /usr/share/unicode (Debian's unicode-data package).
set -e
UCD=${1:-/usr/share/unicode}
{
    sed 's/^/U;/' "$UCD/UnicodeData.txt"
    grep -E '^[0-9A-F]' "$UCD/NameAliases.txt" | sed 's/^/A;/'
} | awk -F';' -f "$(dirname "$0")/ucd.awk" -f "$(dirname "$0")/makeunicodename.awk"
