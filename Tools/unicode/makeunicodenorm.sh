#!/bin/sh
# Generate Objects/unicodenorm_db.h (normalization data for NFKC) from the Unicode Character
# Database.  Usage: sh Tools/unicode/makeunicodenorm.sh [UCD_DIR] > Objects/unicodenorm_db.h
set -e
UCD=${1:-/usr/share/unicode}
{
    sed 's/^/U;/' "$UCD/UnicodeData.txt"
    grep -E '^[0-9A-F].*; Full_Composition_Exclusion' "$UCD/DerivedNormalizationProps.txt" |
        sed -e 's/;.*//' -e 's/ //g' -e 's/^/X;/'
} | awk -F';' -f "$(dirname "$0")/ucd.awk" -f "$(dirname "$0")/makeunicodenorm.awk"
