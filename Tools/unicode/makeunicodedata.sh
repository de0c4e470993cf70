#!/bin/sh
# Generate Objects/unicodetype_db.h, the character-property tables behind str.isalpha(),
# str.upper(), str.casefold(), int('٣'), ... from the Unicode Character Database.
#
# Usage: sh Tools/unicode/makeunicodedata.sh [UCD_DIR] > Objects/unicodetype_db.h
# UCD_DIR defaults to /usr/share/unicode (Debian's unicode-data package).  Needs only POSIX
# sh, grep, sed and awk (bzcat is optional: it adds Unihan numeric values).
#
# Every source line is first rewritten to "TAG;fields" so one awk program can read them all:
#   U  UnicodeData.txt           D  DerivedCoreProperties.txt (cp-range;property)
#   S  SpecialCasing.txt (unconditional entries)   F  CaseFolding.txt (status C and F)
#   N  Unihan numeric values (cp;value)
set -e
UCD=${1:-/usr/share/unicode}

{
    sed 's/^/U;/' "$UCD/UnicodeData.txt"
    grep -E '^[0-9A-F]' "$UCD/DerivedCoreProperties.txt" |
        sed -e 's/#.*//' -e 's/ //g' |
        grep -E ';(Lowercase|Uppercase|Cased|Case_Ignorable|XID_Start|XID_Continue)$' |
        sed 's/^/D;/'
    grep -E '^[0-9A-F]' "$UCD/SpecialCasing.txt" | sed -e 's/#.*//' -e 's/; */;/g' |
        awk -F';' '$5 == "" { print "S;" $1 ";" $2 ";" $3 ";" $4 }'
    grep -E '^[0-9A-F]+; [CF];' "$UCD/CaseFolding.txt" | sed -e 's/#.*//' -e 's/; */;/g' |
        awk -F';' '{ print "F;" $1 ";" $3 }'
    if command -v bzcat >/dev/null 2>&1 && [ -f "$UCD/Unihan_NumericValues.txt.bz2" ]; then
        bzcat "$UCD/Unihan_NumericValues.txt.bz2" | grep -E '^U\+' |
            awk '{ sub(/^U\+/, "", $1); print "N;" $1 ";" $3 }'
    fi
} | awk -F';' -f "$(dirname "$0")/ucd.awk" -f "$(dirname "$0")/makeunicodedata.awk"
