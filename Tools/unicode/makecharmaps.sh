#!/bin/sh
# Generate the charmap codec modules Lib/encodings/<name>.py from glibc's charmaps (Debian's
# `locales` package, /usr/share/i18n/charmaps/*.gz).
#
# Usage: sh Tools/unicode/makecharmaps.sh [CHARMAP_DIR [OUTPUT_DIR]]
# Defaults: /usr/share/i18n/charmaps and Lib/encodings (relative to the source tree).
set -e
HERE=$(dirname "$0")
CHARMAPS=${1:-/usr/share/i18n/charmaps}
OUT=${2:-$HERE/../../Lib/encodings}

# gen MODULE CODEC-NAME CHARMAP TITLE [FIXES]
gen() {
    gzip -dc "$CHARMAPS/$3.gz" |
        awk -v NAME="$1" -v CODEC="$2" -v SOURCE="$3" -v TITLE="$4" -v FIXES="$5" \
            -f "$HERE/ucd.awk" -f "$HERE/makecharmap.awk" > "$OUT/$1.py"
}

gen cp037 cp037 IBM037 "EBCDIC United States and Canada"
# IBM's CP273 table maps 0xBC to U+203E OVERLINE (glibc: U+00AF MACRON).
gen cp273 cp273 IBM273 "EBCDIC Germany and Austria" "BC=203E"
# CP424.TXT of the Unicode vendor mappings: 0x78 is U+2017, 0x8F is U+00B1 (glibc: U+21D4
# and undefined).
gen cp424 cp424 IBM424 "EBCDIC Hebrew" "78=2017 8F=00B1"
gen cp500 cp500 IBM500 "EBCDIC International"
# CP875.TXT: 0x6A is '|', 0x74 a no-break space, 0xDD U+0387; the unused positions are SUB.
gen cp875 cp875 IBM875 "EBCDIC Greek" \
    "6A=007C 74=00A0 DC=001A DD=0387 E1=001A EC=001A ED=001A FC=001A FD=001A"
# CP1026.TXT: 0x9D is U+00B8 CEDILLA, 0xBC U+00AF MACRON (glibc: U+02DB and U+2014).
gen cp1026 cp1026 IBM1026 "EBCDIC Turkish" "9D=00B8 BC=00AF"
# Code page 1140 is code page 037 with the euro sign at 0x9F.
gen cp1140 cp1140 IBM037 "EBCDIC United States and Canada with euro" "9F=20AC"
gen cp437 cp437 IBM437 "DOS United States"
gen cp737 cp737 CP737 "DOS Greek"
gen cp775 cp775 CP775 "DOS Baltic Rim"
gen cp850 cp850 IBM850 "DOS Latin 1"
gen cp852 cp852 IBM852 "DOS Latin 2"
gen cp855 cp855 IBM855 "DOS Cyrillic"
gen cp857 cp857 IBM857 "DOS Turkish"
# IBM856: CPython keeps the C0 controls and DEL in place, 0xEE is U+00AF and 0xFA U+00B7.
gen cp856 cp856 IBM856 "DOS Hebrew (IBM)" "1A=001A 1C=001C 7F=007F EE=00AF FA=00B7"
gen cp858 cp858 IBM858 "DOS Latin 1 with euro"
gen cp860 cp860 IBM860 "DOS Portuguese"
gen cp861 cp861 IBM861 "DOS Icelandic"
gen cp862 cp862 IBM862 "DOS Hebrew"
gen cp863 cp863 IBM863 "DOS Canadian French"
gen cp864 cp864 IBM864 "DOS Arabic"
gen cp865 cp865 IBM865 "DOS Nordic"
gen cp866 cp866 IBM866 "DOS Russian"
gen cp869 cp869 IBM869 "DOS Modern Greek"
gen cp874 cp874 IBM874 "Windows Thai"
gen cp1125 cp1125 CP1125 "DOS Ukrainian"
gen cp1250 cp1250 CP1250 "Windows Central European"
gen cp1251 cp1251 CP1251 "Windows Cyrillic"
gen cp1252 cp1252 CP1252 "Windows Latin-1"
gen cp1253 cp1253 CP1253 "Windows Greek"
gen cp1254 cp1254 CP1254 "Windows Turkish"
gen cp1255 cp1255 CP1255 "Windows Hebrew"
gen cp1256 cp1256 CP1256 "Windows Arabic"
gen cp1257 cp1257 CP1257 "Windows Baltic"
gen cp1258 cp1258 CP1258 "Windows Vietnamese"
# Apple's ROMAN.TXT maps 0xC6 to U+2206 INCREMENT (glibc: U+0394) and 0xF0 to the Apple logo
# U+F8FF (glibc: U+E01E).
gen mac_roman mac-roman MACINTOSH "Mac OS Roman" "C6=2206 F0=F8FF"
# Apple's CYRILLIC.TXT (Mac OS 9 and later) maps 0xA2 to U+0490 and 0xFF to the euro sign
# (glibc: U+00A2 and U+00A4).
gen mac_cyrillic mac-cyrillic MAC-CYRILLIC "Mac OS Cyrillic" "A2=0490 FF=20AC"
gen mac_latin2 mac-latin2 MAC-CENTRALEUROPE "Mac OS Central European"
# Apple's ICELAND.TXT (Mac OS 8.5 and later; glibc's MAC-IS is the older layout).
gen mac_iceland mac-iceland MAC-IS "Mac OS Icelandic" "A0=00DD C6=2206 D0=2013 D1=2014 \
    D7=25CA DB=20AC DC=00D0 DD=00F0 E0=00FD F0=F8FF F6=02C6 F7=02DC"
# Apple's ROMANIAN.TXT and TURKISH.TXT: Mac OS Roman with these positions changed.
gen mac_romanian mac-romanian MACINTOSH "Mac OS Romanian" \
    "AE=0102 AF=0218 BE=0103 BF=0219 C6=2206 DE=021A DF=021B F0=F8FF"
gen mac_turkish mac-turkish MACINTOSH "Mac OS Turkish" \
    "C6=2206 DA=011E DB=011F DC=0130 DD=0131 DE=015E DF=015F F0=F8FF F5=F8A0"
gen hp_roman8 hp-roman8 HP-ROMAN8 "HP Roman-8"
gen koi8_r koi8-r KOI8-R "Russian"
gen koi8_t koi8-t KOI8-T "Tajik"
gen koi8_u koi8-u KOI8-U "Ukrainian"
# TIS-620 leaves 0x80-0x9F to the C1 controls, which glibc's charmap omits.
gen tis_620 tis-620 TIS-620 "Thai" "80..9F=0080"
gen kz1048 kz1048 RK1048 "Kazakh"
gen ptcp154 ptcp154 PT154 "Cyrillic Asian"
gen iso8859_2 iso8859-2 ISO-8859-2 "Latin-2, Central European"
gen iso8859_3 iso8859-3 ISO-8859-3 "Latin-3, South European"
gen iso8859_4 iso8859-4 ISO-8859-4 "Latin-4, North European"
gen iso8859_5 iso8859-5 ISO-8859-5 "Latin/Cyrillic"
gen iso8859_6 iso8859-6 ISO-8859-6 "Latin/Arabic"
gen iso8859_7 iso8859-7 ISO-8859-7 "Latin/Greek"
gen iso8859_8 iso8859-8 ISO-8859-8 "Latin/Hebrew"
gen iso8859_9 iso8859-9 ISO-8859-9 "Latin-5, Turkish"
gen iso8859_10 iso8859-10 ISO-8859-10 "Latin-6, Nordic"
gen iso8859_11 iso8859-11 ISO-8859-11 "Latin/Thai"
gen iso8859_13 iso8859-13 ISO-8859-13 "Latin-7, Baltic Rim"
gen iso8859_14 iso8859-14 ISO-8859-14 "Latin-8, Celtic"
gen iso8859_15 iso8859-15 ISO-8859-15 "Latin-9, Western European with euro"
gen iso8859_16 iso8859-16 ISO-8859-16 "Latin-10, South-Eastern European"
