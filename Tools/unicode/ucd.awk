# Helpers shared by the Unicode table generators (loaded with an extra "-f ucd.awk").

# Value of the hexadecimal string s ("00E9" -> 233).
function hex(s,    i, c, v) {
    v = 0
    s = toupper(s)
    for (i = 1; i <= length(s); i++) {
        c = index("0123456789ABCDEF", substr(s, i, 1))
        v = v * 16 + c - 1
    }
    return v
}
