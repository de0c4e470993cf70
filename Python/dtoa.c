/* Shortest round-trip decimal digits of a double.
 *
 * Method (correctness first): glibc's printf("%.*e") is correctly rounded and strtod is
 * correctly rounded, so the correctly rounded p-digit decimal of x round-trips exactly when
 * some p-digit decimal lies in x's rounding interval -- except when x is a power of two, where
 * the interval below x is half as wide as the one above; there the p-digit neighbour above the
 * correctly rounded value is tried too.  Round-tripping is monotonic in p, so the shortest p
 * is found by binary search over 1..17 (about four printf/strtod pairs per call).
 *
 * All formatting runs under the "C" locale (uselocale on a locale_t created once), so the
 * user's LC_NUMERIC never leaks into repr().  The locale object is created before main() and
 * never changed, so it is safe to share between threads. */

#ifndef _GNU_SOURCE
#  define _GNU_SOURCE 1   /* strtod_l, newlocale */
#endif
#include "Python.h"
#include "pycore_floatobject.h"

#include <float.h>
#include <locale.h>

static locale_t c_locale;

__attribute__((constructor)) static void
dtoa_init_locale(void)
{
    c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

/* snprintf under the C locale. */
int
_Py_snprintf_c(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    locale_t old = uselocale(c_locale);
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    uselocale(old);
    return n;
}

/* strtod under the C locale. */
double
_Py_strtod_c(const char *s, char **end)
{
    return strtod_l(s, end, c_locale);
}

/* Parse "d.ddde[+-]x" into digits (without the point, trailing zeros removed) and the decimal
 * exponent of the first digit. */
static int
split_exp_form(const char *buf, char *digits, int *exp10)
{
    int n = 0;
    const char *p = buf;
    if (*p == '-') {
        p++;
    }
    for (; *p && *p != 'e'; p++) {
        if (*p != '.') {
            digits[n++] = *p;
        }
    }
    *exp10 = (*p == 'e') ? atoi(p + 1) : 0;
    while (n > 1 && digits[n - 1] == '0') {
        n--;
    }
    digits[n] = '\0';
    return n;
}

static int
round_trips(const char *buf, double x)
{
    return _Py_strtod_c(buf, NULL) == x;
}

/* Add one unit in the last place to the p-digit "d.ddd" mantissa in buf (keeping the
 * exponent); return 0 if it would carry into a new digit. */
static int
bump_last_digit(char *buf, int dir)
{
    char *e = strchr(buf, 'e');
    char *p = e - 1;
    while (p >= buf) {
        if (*p == '.' || *p == '-') {
            p--;
            continue;
        }
        if (dir > 0) {
            if (*p != '9') {
                (*p)++;
                return 1;
            }
            *p = '0';
        }
        else {
            if (*p != '0') {
                (*p)--;
                return 1;
            }
            *p = '9';
        }
        p--;
    }
    return 0;
}

/* Fast path for "short" decimals: the smallest k such that N = round(x * 10**k) (computed
 * exactly with fma) satisfies N / 10**k == x.  N and 10**k are exact doubles (N < 2**52,
 * k <= 22), so the division is correctly rounded exactly like strtod of the decimal; the
 * smallest k gives the fewest significant digits, and rounding gives the closest such decimal.
 * Return the digit count, or 0 when x is not short enough. */
static int
shortest_small_decimal(double x, char *digits, int *exp10)
{
    static const double pow10[] = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    const double limit = 4503599627370496.0;   /* 2**52 */
    for (int k = 0; k <= 22; k++) {
        double p = x * pow10[k];
        if (p >= limit) {
            return 0;
        }
        double err = fma(x, pow10[k], -p);   /* x * 10**k == p + err exactly */
        double fl = floor(p);
        double frac = p - fl;                 /* exact */
        double n = fl;
        if (frac > 0.5 || (frac == 0.5 && err > 0.0)) {
            n = fl + 1.0;
        }
        else if (frac == 0.5 && err == 0.0 && fmod(fl, 2.0) != 0.0) {
            n = fl + 1.0;
        }
        else if (frac == 0.0 && err < 0.0) {
            n = fl;   /* slightly below an integer: still rounds to it */
        }
        if (n == 0.0 || n / pow10[k] != x) {
            continue;
        }
        char buf[32];
        int len = snprintf(buf, sizeof(buf), "%.0f", n);
        int nd = len;
        while (nd > 1 && buf[nd - 1] == '0') {
            nd--;
        }
        memcpy(digits, buf, (size_t)nd);
        digits[nd] = '\0';
        *exp10 = len - 1 - k;
        return nd;
    }
    return 0;
}

/* The correctly rounded p-digit "%.{p-1}e" text of x, derived from its 25-digit expansion
 * `full` (d.ddd...e+XX) by decimal rounding.  Rounding the 25-digit value again is exact unless
 * the dropped digits read exactly 5000...0 (the true tail may be just below or above a half);
 * then glibc formats x directly. */
static void
rounded_form(double x, const char *full, int p, char *out, size_t size)
{
    char d[32];
    int nd = 0;
    const char *q = full;
    for (; *q && *q != 'e'; q++) {
        if (*q >= '0' && *q <= '9') {
            d[nd++] = *q;
        }
    }
    int e = atoi(q + 1);
    /* compare the tail d[p:] with 5000...0 */
    int cmp = d[p] > '5' ? 1 : (d[p] < '5' ? -1 : 0);
    for (int i = p + 1; cmp == 0 && i < nd; i++) {
        if (d[i] != '0') {
            cmp = 1;
        }
    }
    if (cmp == 0) {
        _Py_snprintf_c(out, size, "%.*e", p - 1, x);
        return;
    }
    if (cmp > 0) {
        int i = p - 1;
        while (i >= 0 && d[i] == '9') {
            d[i--] = '0';
        }
        if (i >= 0) {
            d[i]++;
        }
        else {
            d[0] = '1';   /* 999... rounded up to 1000...: one more decimal place */
            e++;
        }
    }
    char *o = out;
    *o++ = d[0];
    if (p > 1) {
        *o++ = '.';
        memcpy(o, d + 1, (size_t)(p - 1));
        o += p - 1;
    }
    snprintf(o, size - (size_t)(o - out), "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
}

/* Shortest digits of finite x != 0 (sign ignored): digits gets at most 17 digits and a NUL,
 * *exp10 the decimal exponent of the first digit.  Return the number of digits. */
int
_Py_dg_shortest(double x, char *digits, int *exp10)
{
    char buf[64], full[64];
    x = fabs(x);
    int fast = shortest_small_decimal(x, digits, exp10);
    if (fast > 0) {
        return fast;
    }
    _Py_snprintf_c(full, sizeof(full), "%.24e", x);
    int lo = 1, hi = 17;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        rounded_form(x, full, mid, buf, sizeof(buf));
        if (round_trips(buf, x)) {
            hi = mid;
        }
        else {
            lo = mid + 1;
        }
    }
    int m;
    int pow2 = frexp(x, &m) == 0.5;
    if (pow2 && lo > 1) {
        /* The interval is wider above x: a (lo-1)-digit value just above may round-trip. */
        char alt[64];
        rounded_form(x, full, lo - 1, alt, sizeof(alt));
        if (bump_last_digit(alt, 1) && round_trips(alt, x)) {
            return split_exp_form(alt, digits, exp10);
        }
    }
    rounded_form(x, full, lo, buf, sizeof(buf));
    return split_exp_form(buf, digits, exp10);
}
