/* Locale-independent conversions between double and text: PyOS_string_to_double and
 * PyOS_double_to_string.  Parsing checks Python's float syntax itself and then lets glibc's
 * correctly rounded strtod (under the C locale) compute the value; 'r' formatting uses the
 * shortest round-trip digits of Python/dtoa.c. */

#include "Python.h"
#include "pycore_floatobject.h"

#include <float.h>

int _Py_snprintf_c(char *buf, size_t size, const char *fmt, ...);
double _Py_strtod_c(const char *s, char **end);
int _Py_dg_shortest(double x, char *digits, int *exp10);

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

/* repr() style text of finite x into buf: fixed notation for decimal exponents in [-4, 16),
 * exponent notation otherwise. */
static void
format_repr(double x, char *buf, int add_dot_0)
{
    char digits[32];
    int exp10;
    if (x == 0.0) {
        strcpy(buf, add_dot_0 ? "0.0" : "0");
        return;
    }
    int nd = _Py_dg_shortest(x, digits, &exp10);
    char *p = buf;
    if (exp10 >= -4 && exp10 < 16) {
        if (exp10 < 0) {
            *p++ = '0';
            *p++ = '.';
            for (int i = 0; i < -exp10 - 1; i++) {
                *p++ = '0';
            }
            memcpy(p, digits, (size_t)nd);
            p += nd;
        }
        else {
            for (int i = 0; i <= exp10; i++) {
                *p++ = i < nd ? digits[i] : '0';
            }
            if (nd > exp10 + 1) {
                *p++ = '.';
                memcpy(p, digits + exp10 + 1, (size_t)(nd - exp10 - 1));
                p += nd - exp10 - 1;
            }
            else if (add_dot_0) {
                *p++ = '.';
                *p++ = '0';
            }
        }
    }
    else {
        *p++ = digits[0];
        if (nd > 1) {
            *p++ = '.';
            memcpy(p, digits + 1, (size_t)(nd - 1));
            p += nd - 1;
        }
        p += sprintf(p, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    }
    *p = '\0';
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
        format_repr(a, buf + (sign[0] != 0), (flags & Py_DTSF_ADD_DOT_0) != 0);
        return mem_strdup(buf, strlen(buf));
    }
    /* 'e', 'f', 'g': glibc's printf is exact; 'f' of 1e308 needs ~330 characters */
    size_t cap = (size_t)precision + 400;
    char *buf = PyMem_Malloc(cap);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    int alt = (flags & Py_DTSF_ALT) != 0;
    char *p = buf;
    if (sign[0]) {
        *p++ = sign[0];
    }
    size_t room = cap - 1;
    if (format_code == 'e') {
        _Py_snprintf_c(p, room, alt ? "%#.*e" : "%.*e", precision, a);
    }
    else if (format_code == 'f') {
        _Py_snprintf_c(p, room, alt ? "%#.*f" : "%.*f", precision, a);
    }
    else {
        /* 'g': significant digits; with ADD_DOT_0 (the '' presentation type) exponent
         * notation starts one decimal exponent earlier and integers get ".0" */
        int prec = precision == 0 ? 1 : precision;
        int add_dot_0 = (flags & Py_DTSF_ADD_DOT_0) != 0;
        _Py_snprintf_c(p, room, "%.*e", prec - 1, a);
        int exp10 = atoi(strchr(p, 'e') + 1);
        int threshold = add_dot_0 ? prec - 1 : prec;
        if (a == 0.0) {
            exp10 = 0;
        }
        if (exp10 < -4 || exp10 >= threshold) {
            _Py_snprintf_c(p, room, alt ? "%#.*e" : "%.*e", prec - 1, a);
            if (!alt) {
                char *e = strchr(p, 'e');
                char *q = e;
                char *dot = strchr(p, '.');
                if (dot != NULL && dot < e) {
                    while (q[-1] == '0') {
                        q--;
                    }
                    if (q[-1] == '.') {
                        q--;
                    }
                    memmove(q, e, strlen(e) + 1);
                }
            }
        }
        else {
            _Py_snprintf_c(p, room, alt ? "%#.*f" : "%.*f", prec - 1 - exp10, a);
            if (!alt && strchr(p, '.') != NULL) {
                char *q = p + strlen(p);
                while (q[-1] == '0') {
                    q--;
                }
                if (q[-1] == '.') {
                    q--;
                }
                *q = '\0';
            }
            if (add_dot_0 && strchr(p, '.') == NULL) {
                strcat(p, ".0");
            }
        }
    }
    if (upper) {
        for (char *p = buf; *p; p++) {
            if (*p == 'e') {
                *p = 'E';
            }
        }
    }
    return buf;
}
