/* Locale-independent conversions between double and text: PyOS_string_to_double and
 * PyOS_double_to_string.  Parsing checks Python's float syntax itself and then lets glibc's
 * correctly rounded strtod (under the C locale) compute the value.  Formatting takes its digits
 * from Python/dtoa.c: the shortest round-trip digits for 'r', correctly rounded digits for
 * 'e', 'f' and 'g' (glibc's printf for precisions and magnitudes beyond 17 digits). */

#include "Python.h"
#include "pycore_floatobject.h"

#include <float.h>


static int
lower_eq(const char *s, const char *word)
{
    for (; *word; s++, word++) {
        if ((*s | 0x20) != *word) {
            return 0;
        }
    }
    return 1;
}

/* Parse "inf", "infinity" or "nan" with an optional sign; *endptr = p when none matches. */
double
_Py_parse_inf_or_nan(const char *p, char **endptr)
{
    const char *s = p;
    int negate = 0;
    if (*s == '-') {
        negate = 1;
        s++;
    }
    else if (*s == '+') {
        s++;
    }
    double res;
    if (lower_eq(s, "inf")) {
        s += 3;
        if (lower_eq(s, "inity")) {
            s += 5;
        }
        res = negate ? -Py_INFINITY : Py_INFINITY;
    }
    else if (lower_eq(s, "nan")) {
        s += 3;
        res = negate ? -fabs(Py_NAN) : fabs(Py_NAN);
    }
    else {
        s = p;
        res = -1.0;
    }
    *endptr = (char *)s;
    return res;
}

/* Length of the longest prefix of s that is a Python float literal without underscores:
 * [sign] (digits [. [digits]] | . digits) [(e|E) [sign] digits]; 0 when there is none. */
static Py_ssize_t
scan_decimal(const char *s)
{
    const char *p = s;
    if (*p == '+' || *p == '-') {
        p++;
    }
    int ndigits = 0;
    while (*p >= '0' && *p <= '9') {
        p++;
        ndigits++;
    }
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9') {
            p++;
            ndigits++;
        }
    }
    if (ndigits == 0) {
        return 0;
    }
    if (*p == 'e' || *p == 'E') {
        const char *q = p + 1;
        if (*q == '+' || *q == '-') {
            q++;
        }
        if (*q >= '0' && *q <= '9') {
            while (*q >= '0' && *q <= '9') {
                q++;
            }
            p = q;
        }
    }
    return p - s;
}

double
_Py_string_to_double_prefix(const char *s, char **endptr)
{
    double x;
    char *end;
    Py_ssize_t n = scan_decimal(s);
    if (n > 0) {
        char stackbuf[128];
        char *buf = stackbuf;
        if (n >= (Py_ssize_t)sizeof(stackbuf)) {
            buf = PyMem_RawMalloc((size_t)n + 1);
        }
        if (buf == NULL) {
            *endptr = (char *)s;
            return -1.0;
        }
        memcpy(buf, s, (size_t)n);
        buf[n] = '\0';
        x = _Py_strtod_c(buf, NULL);
        if (buf != stackbuf) {
            PyMem_RawFree(buf);
        }
        end = (char *)s + n;
    }
    else {
        x = _Py_parse_inf_or_nan(s, &end);
    }
    *endptr = end;
    return x;
}

double
PyOS_string_to_double(const char *s, char **endptr, PyObject *overflow_exception)
{
    char *end;
    double x = _Py_string_to_double_prefix(s, &end);
    int decimal = end != s && scan_decimal(s) > 0;
    if (end == s || (endptr == NULL && *end != '\0')) {
        if (endptr != NULL) {
            *endptr = (char *)s;
        }
        PyErr_Format(PyExc_ValueError, "could not convert string to float: '%.200s'", s);
        return -1.0;
    }
    if (endptr != NULL) {
        *endptr = end;
    }
    if (decimal && isinf(x) && overflow_exception != NULL) {
        PyErr_Format(overflow_exception, "value too large to convert to float: '%.200s'", s);
        return -1.0;
    }
    return x;
}

/* Return a PyMem_Malloc'ed copy of s[0:n]. */
static char *
mem_strdup(const char *s, size_t n)
{
    char *r = PyMem_Malloc(n + 1);
    if (r == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(r, s, n);
    r[n] = '\0';
    return r;
}

/* Write the exponent suffix "e+XX" / "e-XXX" (at least two digits); return the end. */
static char *
write_exponent(char *p, int exp10)
{
    *p++ = 'e';
    *p++ = exp10 < 0 ? '-' : '+';
    unsigned e = (unsigned)(exp10 < 0 ? -exp10 : exp10);
    if (e >= 100) {
        *p++ = (char)('0' + e / 100);
        e %= 100;
    }
    *p++ = (char)('0' + e / 10);
    *p++ = (char)('0' + e % 10);
    *p = '\0';
    return p;
}

/* Fixed notation of the decimal 0.d1 d2 ... dn * 10**(exp10 + 1) (digits[0] has decimal
 * exponent exp10) with exactly `decimals` digits after the point (no point when 0); positions
 * outside the digits are zeros.  Return the end (NUL written). */
static char *
write_fixed(char *p, const char *digits, int nd, int exp10, int decimals)
{
    int top = exp10 > 0 ? exp10 : 0;
    for (int j = top; j >= -decimals; j--) {
        if (j == -1) {
            *p++ = '.';
        }
        int i = exp10 - j;
        *p++ = i >= 0 && i < nd ? digits[i] : '0';
    }
    *p = '\0';
    return p;
}

/* Exponent notation d.ddd of all nd digits; alt keeps the point when nd == 1. */
static char *
write_scientific(char *p, const char *digits, int nd, int exp10, int alt)
{
    *p++ = digits[0];
    if (nd > 1 || alt) {
        *p++ = '.';
    }
    memcpy(p, digits + 1, (size_t)(nd - 1));
    return write_exponent(p + nd - 1, exp10);
}

/* The end of [start, end) without the trailing zeros of its fraction and then a bare point
 * (nothing is written).  Text without a point is left alone. */
static char *
strip_fraction_zeros(char *start, char *end)
{
    char *dot = memchr(start, '.', (size_t)(end - start));
    if (dot == NULL) {
        return end;
    }
    while (end > dot + 1 && end[-1] == '0') {
        end--;
    }
    if (end == dot + 1) {
        end--;
    }
    return end;
}

/* repr() style text of finite x >= 0 into buf: fixed notation for decimal exponents in
 * [-4, 16), exponent notation otherwise.  Return the end (NUL written). */
static char *
format_repr(double x, char *buf, int add_dot_0)
{
    char digits[32];
    int exp10;
    if (x == 0.0) {
        strcpy(buf, add_dot_0 ? "0.0" : "0");
        return buf + strlen(buf);
    }
    int nd = _Py_dg_shortest(x, digits, &exp10);
    if (exp10 < -4 || exp10 >= 16) {
        return write_scientific(buf, digits, nd, exp10, 0);
    }
    int decimals = nd - 1 - exp10;
    if (decimals > 0) {
        return write_fixed(buf, digits, nd, exp10, decimals);
    }
    char *end = write_fixed(buf, digits, nd, exp10, 0);
    if (add_dot_0) {
        memcpy(end, ".0", 3);
        end += 2;
    }
    return end;
}

/* 'e', 'f' and 'g' formatting of finite a >= 0 into p (room for precision + 400 bytes) from
 * correctly rounded digits of Python/dtoa.c.  Return 0, or -1 when the value or precision is
 * out of the fast range (the caller then uses glibc). */
static int
format_with_digits(double a, char code, int precision, int flags, char *p)
{
    char digits[32];
    int exp10;
    int alt = (flags & Py_DTSF_ALT) != 0;
    if (code == 'f') {
        /* precision digits after the point: as many significant digits as that needs */
        int nd = 0;
        exp10 = 0;
        if (a != 0.0) {
            nd = _Py_dg_decimals(a, precision, digits, &exp10);
            if (nd < 0) {
                return -1;
            }
        }
        char *end = write_fixed(p, digits, nd, exp10, precision);
        if (alt && precision == 0) {
            strcpy(end, ".");
        }
        return 0;
    }
    int nd = code == 'e' ? precision + 1 : (precision == 0 ? 1 : precision);
    if (nd > 17) {
        return -1;
    }
    if (a == 0.0) {
        memset(digits, '0', (size_t)nd);
        digits[nd] = '\0';
        exp10 = 0;
    }
    else if (_Py_dg_fixed(a, nd, digits, &exp10) < 0) {
        return -1;
    }
    if (code == 'e') {
        write_scientific(p, digits, nd, exp10, alt);
        return 0;
    }
    /* 'g': exponent notation when the rounded exponent is below -4 or reaches the
     * precision; with ADD_DOT_0 (the '' presentation type) one decimal exponent earlier, and
     * integers get ".0".  Trailing zeros go unless '#'. */
    int add_dot_0 = (flags & Py_DTSF_ADD_DOT_0) != 0;
    int threshold = add_dot_0 ? nd - 1 : nd;
    if (exp10 < -4 || exp10 >= threshold) {
        char *end = write_scientific(p, digits, nd, exp10, alt);
        if (!alt) {
            char *e = strchr(p, 'e');
            char *q = strip_fraction_zeros(p, e);
            memmove(q, e, (size_t)(end - e) + 1);
        }
        return 0;
    }
    int decimals = nd - 1 - exp10;
    char *end = write_fixed(p, digits, nd, exp10, decimals);
    if (alt) {
        if (decimals == 0) {
            strcpy(end, ".");
        }
        return 0;
    }
    end = strip_fraction_zeros(p, end);
    strcpy(end, add_dot_0 && memchr(p, '.', (size_t)(end - p)) == NULL ? ".0" : "");
    return 0;
}

/* 'e', 'f' and 'g' formatting of finite a >= 0 by glibc's printf, which is correctly
 * rounded; for precisions and magnitudes outside format_with_digits' range. */
static void
format_with_printf(double a, char code, int precision, int flags, char *p, size_t room)
{
    int alt = (flags & Py_DTSF_ALT) != 0;
    if (code == 'e') {
        _Py_snprintf_c(p, room, alt ? "%#.*e" : "%.*e", precision, a);
        return;
    }
    if (code == 'f') {
        _Py_snprintf_c(p, room, alt ? "%#.*f" : "%.*f", precision, a);
        return;
    }
    /* 'g': the same rules as in format_with_digits */
    int prec = precision == 0 ? 1 : precision;
    int add_dot_0 = (flags & Py_DTSF_ADD_DOT_0) != 0;
    _Py_snprintf_c(p, room, "%.*e", prec - 1, a);
    int exp10 = a == 0.0 ? 0 : atoi(strchr(p, 'e') + 1);
    int threshold = add_dot_0 ? prec - 1 : prec;
    if (exp10 < -4 || exp10 >= threshold) {
        _Py_snprintf_c(p, room, alt ? "%#.*e" : "%.*e", prec - 1, a);
        if (!alt) {
            char *e = strchr(p, 'e');
            char *q = strip_fraction_zeros(p, e);
            memmove(q, e, strlen(e) + 1);
        }
        return;
    }
    _Py_snprintf_c(p, room, alt ? "%#.*f" : "%.*f", prec - 1 - exp10, a);
    if (!alt) {
        char *end = strip_fraction_zeros(p, p + strlen(p));
        strcpy(end, add_dot_0 && memchr(p, '.', (size_t)(end - p)) == NULL ? ".0" : "");
    }
}

char *
PyOS_double_to_string(double val, char format_code, int precision, int flags, int *type)
{
    int upper = 0;
    switch (format_code) {
    case 'E':
    case 'F':
    case 'G':
        upper = 1;
        format_code = (char)(format_code | 0x20);
        break;
    case 'e':
    case 'f':
    case 'g':
        break;
    case 'r':
        if (precision != 0) {
            PyErr_BadInternalCall();
            return NULL;
        }
        break;
    default:
        PyErr_BadInternalCall();
        return NULL;
    }
    if ((flags & Py_DTSF_NO_NEG_0) && val == 0.0) {
        val = 0.0;
    }
    int negative = signbit(val) != 0;
    char sign[2] = {0, 0};
    if (negative) {
        sign[0] = '-';
    }
    else if (flags & Py_DTSF_SIGN) {
        sign[0] = '+';
    }
    if (isnan(val) || isinf(val)) {
        if (type != NULL) {
            *type = isnan(val) ? Py_DTST_NAN : Py_DTST_INFINITE;
        }
        if (isnan(val) && !(flags & Py_DTSF_SIGN)) {
            sign[0] = 0;
        }
        if (isnan(val) && (flags & Py_DTSF_SIGN)) {
            sign[0] = '+';
        }
        char buf[8];
        snprintf(buf, sizeof(buf), "%s%s", sign, isnan(val) ? (upper ? "NAN" : "nan")
                                                            : (upper ? "INF" : "inf"));
        return mem_strdup(buf, strlen(buf));
    }
    if (type != NULL) {
        *type = Py_DTST_FINITE;
    }
    double a = fabs(val);
    if (format_code == 'r') {
        char buf[64];
        buf[0] = sign[0];
        char *end = format_repr(a, buf + (sign[0] != 0), (flags & Py_DTSF_ADD_DOT_0) != 0);
        return mem_strdup(buf, (size_t)(end - buf));
    }
    /* 'f' of 1e308 needs ~330 characters besides the precision */
    size_t cap = (size_t)precision + 400;
    char *buf = PyMem_Malloc(cap);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    char *p = buf;
    if (sign[0]) {
        *p++ = sign[0];
    }
    if (format_with_digits(a, format_code, precision, flags, p) < 0) {
        format_with_printf(a, format_code, precision, flags, p, cap - 1);
    }
    if (upper) {
        for (char *q = buf; *q; q++) {
            if (*q == 'e') {
                *q = 'E';
            }
        }
    }
    return buf;
}
