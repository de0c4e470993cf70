/* PyOS_strtoul / PyOS_strtol: locale-independent C string to C long conversion with Python's
 * base rules (base 0 accepts 0x/0o/0b prefixes; ERANGE on overflow, value clamped). */

#include "Python.h"

static int
digit_of(unsigned char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 99;
}

/* Parse an unsigned number; *ptr is set past it (or to str when there is none). */
unsigned long
PyOS_strtoul(const char *str, char **ptr, int base)
{
    const char *s = str;
    while (*s == ' ' || (*s >= '\t' && *s <= '\r')) {
        s++;
    }
    if (base == 0 || base == 16 || base == 8 || base == 2) {
        if (s[0] == '0') {
            char c = (char)(s[1] | 0x20);
            int pb = c == 'x' ? 16 : (c == 'o' ? 8 : (c == 'b' ? 2 : 0));
            if (pb && (base == 0 || base == pb) && digit_of((unsigned char)s[2]) < pb) {
                base = pb;
                s += 2;
            }
        }
        if (base == 0) {
            base = 10;
        }
    }
    if (base < 2 || base > 36) {
        if (ptr != NULL) {
            *ptr = (char *)str;
        }
        errno = EINVAL;
        return 0;
    }
    unsigned long result = 0;
    int overflow = 0;
    const char *start = s;
    int d;
    while ((d = digit_of((unsigned char)*s)) < base) {
        if (result > (ULONG_MAX - (unsigned long)d) / (unsigned long)base) {
            overflow = 1;
        }
        else {
            result = result * (unsigned long)base + (unsigned long)d;
        }
        s++;
    }
    if (ptr != NULL) {
        *ptr = (char *)(s == start ? str : s);
    }
    if (overflow) {
        errno = ERANGE;
        return ULONG_MAX;
    }
    return result;
}

long
PyOS_strtol(const char *str, char **ptr, int base)
{
    const char *s = str;
    while (*s == ' ' || (*s >= '\t' && *s <= '\r')) {
        s++;
    }
    int negative = 0;
    if (*s == '+' || *s == '-') {
        negative = *s == '-';
        s++;
    }
    char *end;
    errno = 0;
    unsigned long u = PyOS_strtoul(s, &end, base);
    if (ptr != NULL) {
        *ptr = end == s ? (char *)str : end;
    }
    if (errno == ERANGE || u > (unsigned long)LONG_MAX + (negative ? 1UL : 0UL)) {
        errno = ERANGE;
        return negative ? LONG_MIN : LONG_MAX;
    }
    return negative ? (long)(0 - u) : (long)u;
}
