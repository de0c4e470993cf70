/* Binary-to-decimal digit generation for doubles.
 *
 * _Py_dg_shortest: the shortest decimal that reads back as x (round-half-even reading), and
 * among those of that length the one closest to x -- the digits repr() shows.  The method
 * follows the idea of Giulietti's "Schubfach" paper (2020): scale the rounding interval of x by
 * a power of ten 10**-k chosen so that the scaled interval is between 1 and 10 wide.  Then the
 * interval holds at most one multiple of 10 (which, if present, is the shortest answer) and at
 * least one integer; otherwise the answer is the integer below or above the scaled x that lies
 * in the interval and is closer.  Only floors of three scaled values, and whether they are
 * exact, are needed.
 *
 * _Py_dg_fixed and _Py_dg_decimals: x correctly rounded (half-even) to n <= 17 significant
 * digits or to n decimals, from the floor of 2 x 10**K and whether it is exact.
 *
 * Scaled values X * 2**q * 10**K are computed as X times a 127-bit approximation of 10**K
 * (truncated, so the product is a lower bound that is off by less than 2**-64 in the scaled
 * unit).  For a fraction that looks like zero, or like a carry into the next integer (top 64
 * fraction bits all ones), exactness is decided by divisibility (powers of 2 and 5).  A value
 * within 2**-63 below an integer that is not that integer cannot be decided (never seen in
 * tests of hundreds of millions of doubles): then the shortest digits come from the slow exact
 * search at the end of this file, which relies on glibc's correctly rounded printf and strtod,
 * and the fixed-digit functions return -1 so that their callers use glibc's printf.
 *
 * The power-of-ten table is computed once before main() with a small bignum and is read-only
 * afterwards, as is the "C" locale object used by the glibc fallbacks; both are safe to share
 * between threads. */

#ifndef _GNU_SOURCE
#  define _GNU_SOURCE 1   /* strtod_l, newlocale */
#endif
#include "Python.h"
#include "pycore_floatobject.h"

#include <float.h>
#include <locale.h>

typedef unsigned __int128 u128;

static locale_t c_locale;

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

/* ---- Powers of ten ------------------------------------------------------------------------
 *
 * For POW10_MIN <= K <= POW10_MAX the table holds P = floor(10**K * 2**(126 - e)) with
 * e = floor(log2(10**K)), so 2**126 <= P < 2**127 and 10**K = P * 2**(e - 126) (1 + d),
 * 0 <= d < 2**-126.  The range covers every scale the shortest conversion of a double needs
 * (K = -floor(log10(2**q)) for q in [-1074, 971]) and more for the fixed-precision one. */

#define POW10_MIN (-292)
#define POW10_MAX 340

typedef struct {
    uint64_t hi;    /* bits 64..126 of P */
    uint64_t lo;    /* bits 0..63 of P */
    int e;          /* floor(log2(10**K)) */
} pow10_entry;

static pow10_entry pow10_table[POW10_MAX - POW10_MIN + 1];

/* A little-endian bignum big enough for 2**1280 and 10**340 (1130 bits). */
#define BIG_LIMBS 21

static int
big_bit_length(const uint64_t *limbs)
{
    for (int i = BIG_LIMBS - 1; i >= 0; i--) {
        if (limbs[i] != 0) {
            return i * 64 + 64 - __builtin_clzll(limbs[i]);
        }
    }
    return 0;
}

static uint64_t
big_limb(const uint64_t *limbs, int i)
{
    return i >= 0 && i < BIG_LIMBS ? limbs[i] : 0;
}

/* floor(N / 2**pos) mod 2**64 for the bignum N; pos may be negative (a left shift). */
static uint64_t
big_bits_at(const uint64_t *limbs, int pos)
{
    int i = pos >= 0 ? pos / 64 : -((63 - pos) / 64);   /* floor(pos / 64) */
    int s = pos - 64 * i;
    uint64_t r = big_limb(limbs, i) >> s;
    if (s != 0) {
        r |= big_limb(limbs, i + 1) << (64 - s);
    }
    return r;
}

/* Fill the entry for 10**K from N = floor(10**K * 2**scale), which has `bits` bits: P is the
 * top 127 bits of N, floor(N / 2**(bits - 127)) (a left shift when bits < 127). */
static void
store_top_bits(pow10_entry *ent, const uint64_t *limbs, int bits, int scale)
{
    int shift = bits - 127;
    ent->lo = big_bits_at(limbs, shift);
    ent->hi = big_bits_at(limbs, shift + 64);
    ent->e = bits - 1 - scale;
}

__attribute__((constructor)) static void
dtoa_init(void)
{
    c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);

    /* K >= 0: N = 10**K exactly, multiplied up by 10. */
    uint64_t big[BIG_LIMBS] = {1};
    for (int K = 0; K <= POW10_MAX; K++) {
        store_top_bits(&pow10_table[K - POW10_MIN], big, big_bit_length(big), 0);
        uint64_t carry = 0;
        for (int i = 0; i < BIG_LIMBS; i++) {
            u128 t = (u128)big[i] * 10 + carry;
            big[i] = (uint64_t)t;
            carry = (uint64_t)(t >> 64);
        }
    }
    /* K < 0: N = floor(2**1280 / 10**-K), divided down by 10; floor(floor(a/b)/c) equals
     * floor(a/(bc)), so N stays exact and its top bits are those of 10**K * 2**1280. */
    memset(big, 0, sizeof(big));
    big[BIG_LIMBS - 1] = 1;
    for (int K = -1; K >= POW10_MIN; K--) {
        uint64_t rem = 0;
        for (int i = BIG_LIMBS - 1; i >= 0; i--) {
            u128 t = ((u128)rem << 64) | big[i];
            big[i] = (uint64_t)(t / 10);
            rem = (uint64_t)(t % 10);
        }
        store_top_bits(&pow10_table[K - POW10_MIN], big, big_bit_length(big), 1280);
    }
}

/* ---- Scaled values ------------------------------------------------------------------------ */

/* Does 5**n divide x (x < 2**64)? */
static int
divisible_by_pow5(uint64_t x, int n)
{
    if (n > 27) {   /* 5**28 > 2**64 */
        return x == 0;
    }
    for (int i = 0; i < n; i++) {
        if (x % 5 != 0) {
            return 0;
        }
        x /= 5;
    }
    return 1;
}

/* Is X * 2**q * 10**K an integer (X > 0)? */
static int
scaled_is_integer(uint64_t X, int q, int K)
{
    int twos = __builtin_ctzll(X) + q + K;
    if (K >= 0) {
        return twos >= 0;
    }
    return twos >= 0 && divisible_by_pow5(X, -K);
}

/* Bits [pos, pos + 64) of the 192-bit number w[0] + w[1] 2**64 + w[2] 2**128, 0 <= pos < 192. */
static inline uint64_t
bits192_at(const uint64_t w[3], int pos)
{
    int i = pos / 64, s = pos % 64;
    uint64_t r = w[i] >> s;
    if (s != 0 && i < 2) {
        r |= w[i + 1] << (64 - s);
    }
    return r;
}

/* floor(y) for y = X * 2**q * 10**K, which the caller guarantees is below 2**62, with
 * POW10_MIN <= K <= POW10_MAX.  *exact says whether y is an integer.  Return 0, or -1 when the
 * 127-bit power of ten is too coarse to decide (y not an integer but within 2**-63 below
 * one). */
static int
scaled_floor(uint64_t X, int q, int K, uint64_t *floor_out, int *exact)
{
    const pow10_entry *p = &pow10_table[K - POW10_MIN];
    /* y = X * P * 2**-F exactly up to the truncation of P: X * P <= y 2**F < X * P + X, and
     * X 2**-F <= y 2**-126 < 2**-64, so the computed fraction is low by under 2**-64. */
    int F = 126 - p->e - q;
    u128 lo = (u128)X * p->lo;
    u128 hi = (u128)X * p->hi + (uint64_t)(lo >> 64);
    uint64_t w[3] = {(uint64_t)lo, (uint64_t)hi, (uint64_t)(hi >> 64)};
    if (F < 64 || F >= 192) {
        return -1;   /* outside the callers' ranges: be safe */
    }
    uint64_t ipart = bits192_at(w, F);
    uint64_t frac = bits192_at(w, F - 64);
    if (frac >= UINT64_MAX - 1) {
        /* y is within 2**-63 below ipart + 1: decidable only when y is that integer */
        if (!scaled_is_integer(X, q, K)) {
            return -1;
        }
        *floor_out = ipart + 1;
        *exact = 1;
        return 0;
    }
    *floor_out = ipart;
    *exact = frac == 0 && scaled_is_integer(X, q, K);
    return 0;
}

/* ---- Digit strings ------------------------------------------------------------------------- */

static const uint64_t pow10_u64[20] = {
    1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
    10000000000ULL, 100000000000ULL, 1000000000000ULL, 10000000000000ULL,
    100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL, 100000000000000000ULL,
    1000000000000000000ULL, 10000000000000000000ULL,
};

/* Number of decimal digits of d (1 for 0): from the bit length b, floor(b log10 2) (1233 /
 * 4096 is log10 2 rounded up to 12 bits; exact for b <= 64) is that number or one less. */
static int
decimal_length(uint64_t d)
{
    int bits = 64 - __builtin_clzll(d | 1);
    int t = (bits * 1233) >> 12;
    int n = t + (d >= pow10_u64[t]);
    return n > 0 ? n : 1;
}

/* Write the decimal digits of d (at most 20) and a NUL; return their number. */
static int
write_uint(uint64_t d, char *out)
{
    int n = decimal_length(d);
    char *p = out + n;
    *p = '\0';
    /* two digits per step while at least two remain */
    while (d >= 10) {
        unsigned r = (unsigned)(d % 100);
        d /= 100;
        *--p = (char)('0' + r % 10);
        *--p = (char)('0' + r / 10);
    }
    if (p > out) {
        *--p = (char)('0' + d);
    }
    return n;
}

/* Split finite x >= 0 into x = c * 2**q, c < 2**53 (c >= 2**52 unless x is subnormal). */
static void
decompose(double x, uint64_t *c, int *q)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof(bits));
    int biased = (int)(bits >> 52) & 0x7ff;
    *c = bits & (((uint64_t)1 << 52) - 1);
    *q = -1074;
    if (biased != 0) {
        *c |= (uint64_t)1 << 52;
        *q = biased - 1075;
    }
}

/* Round y half-to-even given floor(2y) and whether 2y is an integer. */
static uint64_t
round_half_even(uint64_t floor_twice, int exact_twice)
{
    uint64_t n = floor_twice >> 1;
    if (floor_twice & 1) {
        /* y >= n + 1/2: up, unless exactly half-way and n is even */
        if (!exact_twice || (n & 1)) {
            n++;
        }
    }
    return n;
}

/* ---- Shortest digits ----------------------------------------------------------------------- */

/* The rounding interval of x = c 2**q scaled by 10**-k, in quarter units of 2**q:
 * [L, R] * 2**(q-2) * 10**-k, closed when c is even (round-half-even reading). */
typedef struct {
    uint64_t floor_low, floor_high;
    int exact_low, exact_high;
    int closed;
} scaled_interval;

static int
in_interval(const scaled_interval *iv, uint64_t n)
{
    int above_low = n > iv->floor_low
                    || (n == iv->floor_low && iv->exact_low && iv->closed);
    int below_high = n < iv->floor_high
                     || (n == iv->floor_high && (iv->closed || !iv->exact_high));
    return above_low && below_high;
}

/* Shortest digits of finite x > 0 as an integer *digits times 10**k.  Return 0, or -1 when
 * the scaled arithmetic cannot decide (the caller then uses the exact search). */
static int
shortest_scaled(double x, uint64_t *digits, int *k_out)
{
    uint64_t c;
    int q;
    decompose(x, &c, &q);
    if (c == 0) {
        return -1;   /* zero has no shortest digits */
    }
    /* c is a power of two: the gap below x is half the gap above */
    int irregular = c == (uint64_t)1 << 52 && q > -1074;
    /* k = floor(log10(width of the interval)): 2**q, or 3/4 2**q when irregular.  Both
     * formulas are exact for -1074 <= q <= 971 (checked against exact arithmetic). */
    int k = irregular ? (q * 315653 - 131008) >> 20 : (q * 315653) >> 20;
    scaled_interval iv;
    uint64_t floor_twice;
    int exact_twice;
    iv.closed = (c & 1) == 0;
    if (scaled_floor(4 * c - (irregular ? 1 : 2), q - 2, -k, &iv.floor_low, &iv.exact_low) < 0
        || scaled_floor(4 * c + 2, q - 2, -k, &iv.floor_high, &iv.exact_high) < 0
        || scaled_floor(2 * c, q, -k, &floor_twice, &exact_twice) < 0) {
        return -1;
    }
    *k_out = k;
    /* A multiple of ten in the interval is its shortest member (the interval is under 10
     * wide, so there is at most one).  Equally short single digits exist only for s < 10,
     * i.e. the two smallest subnormals, where the multiple of ten is also the closest. */
    uint64_t s = floor_twice >> 1;   /* floor of the scaled x */
    uint64_t ten_below = s / 10 * 10;
    if (in_interval(&iv, ten_below)) {
        *digits = ten_below;
        return 0;
    }
    if (in_interval(&iv, ten_below + 10)) {
        *digits = ten_below + 10;
        return 0;
    }
    /* Otherwise the closest member: s or s + 1 (half-way goes to the even one). */
    int s_in = in_interval(&iv, s), t_in = in_interval(&iv, s + 1);
    if (s_in && t_in) {
        *digits = round_half_even(floor_twice, exact_twice);
    }
    else if (s_in || t_in) {
        *digits = s_in ? s : s + 1;
    }
    else {
        return -1;   /* impossible: the interval is at least 1 wide */
    }
    return 0;
}

/* ---- Exact search fallback ---------------------------------------------------------------- */

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

/* Shortest digits by searching with glibc: exact but slow; used only when the scaled
 * arithmetic above cannot decide.  Same contract as _Py_dg_shortest. */
static int
shortest_by_search(double x, char *digits, int *exp10)
{
    char buf[64], full[64];
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

int
_Py_dg_shortest(double x, char *digits, int *exp10)
{
    uint64_t d;
    int k;
    x = fabs(x);
    if (shortest_scaled(x, &d, &k) < 0) {
        return shortest_by_search(x, digits, exp10);
    }
    while (d % 100 == 0) {
        d /= 100;
        k += 2;
    }
    if (d % 10 == 0) {
        d /= 10;
        k++;
    }
    int n = write_uint(d, digits);
    *exp10 = k + n - 1;
    return n;
}

/* ---- Correctly rounded digits ------------------------------------------------------------ */

/* floor(log2(10**n)) for 0 <= n <= 340 (the constant is log2(10) * 2**19, rounded down). */
static int
floor_log2_pow10(int n)
{
    return (int)(((int64_t)n * 1741647) >> 19);
}

int
_Py_dg_fixed(double x, int ndigits, char *digits, int *exp10)
{
    uint64_t c;
    int q;
    x = fabs(x);
    if (ndigits < 1 || ndigits > 17 || !isfinite(x) || x == 0.0) {
        return -1;
    }
    decompose(x, &c, &q);
    /* E = floor(log10(2**floor(log2 x))) is the decimal exponent of x or one less; the scaled
     * y = x 10**(ndigits - 1 - E) must land in [10**(ndigits-1), 10**ndigits). */
    int top = 63 - __builtin_clzll(c) + q;
    int E = (top * 315653) >> 20;
    uint64_t floor_twice;
    int exact_twice;
    for (int attempt = 0; attempt < 2; attempt++) {
        int K = ndigits - 1 - E;
        if (K < POW10_MIN || K > POW10_MAX
            || scaled_floor(2 * c, q, K, &floor_twice, &exact_twice) < 0) {
            return -1;
        }
        if ((floor_twice >> 1) < pow10_u64[ndigits]) {
            break;
        }
        E++;
    }
    if ((floor_twice >> 1) < pow10_u64[ndigits - 1]
        || (floor_twice >> 1) >= pow10_u64[ndigits]) {
        return -1;   /* impossible with the exponent estimate above: be safe */
    }
    uint64_t n = round_half_even(floor_twice, exact_twice);
    if (n == pow10_u64[ndigits]) {
        n = pow10_u64[ndigits - 1];   /* 99.95 -> 100.0: one more decimal exponent */
        E++;
    }
    write_uint(n, digits);
    *exp10 = E;
    return ndigits;
}

int
_Py_dg_decimals(double x, int decimals, char *digits, int *exp10)
{
    uint64_t c;
    int q;
    x = fabs(x);
    if (decimals < 0 || decimals > POW10_MAX || !isfinite(x) || x == 0.0) {
        return -1;
    }
    decompose(x, &c, &q);
    /* y = x 10**decimals < 2**(top + 1) 10**decimals <= 2**bound */
    int top = 63 - __builtin_clzll(c) + q;
    int bound = top + 2 + floor_log2_pow10(decimals);
    uint64_t n = 0;
    if (bound > 59) {
        return -1;   /* more than 18 digits */
    }
    if (bound >= 0) {   /* otherwise y < 1/2 rounds to 0 */
        uint64_t floor_twice;
        int exact_twice;
        if (scaled_floor(2 * c, q, decimals, &floor_twice, &exact_twice) < 0) {
            return -1;
        }
        n = round_half_even(floor_twice, exact_twice);
    }
    int nd = write_uint(n, digits);
    *exp10 = nd - 1 - decimals;
    return nd;
}
