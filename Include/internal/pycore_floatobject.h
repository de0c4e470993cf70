/* Private float API.
 * Owner: numbers room (int, bool, float, complex, math). */
#ifndef Py_INTERNAL_FLOATOBJECT_H
#define Py_INTERNAL_FLOATOBJECT_H

/* Hash of a double consistent with int hashing (hash(1.0) == hash(1)); inst is the object,
 * used for the NaN hash (identity-based, as CPython). */
PyAPI_FUNC(Py_hash_t) _PyFloat_HashDouble(PyObject *inst, double v);

/* Release this thread's cached float objects (thread exit). */
PyAPI_FUNC(void) _PyFloat_ClearFreeList(void);

/* repr(float) text for a C double, as a new str reference. */
PyAPI_FUNC(PyObject *) _PyFloat_Repr(double v);

/* float.__format__ and friends live in Include/internal/pycore_format.h. */

/* Parse helpers shared by float() and complex(): s[0:len] without surrounding whitespace and
 * underscores (which must sit between digits), PyMem_Malloc'ed; NULL without an exception
 * when the underscores are misplaced. */
PyAPI_FUNC(char *) _PyFloat_CleanDigits(const char *s, Py_ssize_t len, Py_ssize_t *outlen);

/* Parse the longest prefix of s that is a float literal (no whitespace or underscores) or
 * inf/infinity/nan; *endptr == s when there is none.  Never sets an exception. */
PyAPI_FUNC(double) _Py_string_to_double_prefix(const char *s, char **endptr);

/* Decimal digits of doubles (Python/dtoa.c).  The digit strings are NUL-terminated ASCII and
 * exp10 is the decimal exponent of the first digit; the sign of x is ignored. */

/* Shortest digits that read back as x (finite, nonzero); the closest such when several have
 * that length.  At most 17 digits, no trailing zeros.  Return the number of digits. */
PyAPI_FUNC(int) _Py_dg_shortest(double x, char *digits, int *exp10);

/* x (finite, nonzero) correctly rounded (half-even) to ndigits significant digits, 1 <= ndigits
 * <= 17, all of them written.  Return ndigits, or -1 (nothing set) when out of range. */
PyAPI_FUNC(int) _Py_dg_fixed(double x, int ndigits, char *digits, int *exp10);

/* x (finite, nonzero) correctly rounded (half-even) to `decimals` digits after the point, as
 * the digits of that multiple of 10**-decimals without leading zeros ("0" when it rounds to
 * zero; then exp10 is -decimals); at most 18 digits.  Return the number of digits, or -1
 * (nothing set) when the result would be longer or decimals is out of range. */
PyAPI_FUNC(int) _Py_dg_decimals(double x, int decimals, char *digits, int *exp10);

/* snprintf and strtod under the "C" locale, whatever LC_NUMERIC says. */
PyAPI_FUNC(int) _Py_snprintf_c(char *buf, size_t size, const char *fmt, ...);
PyAPI_FUNC(double) _Py_strtod_c(const char *s, char **end);

#endif /* Py_INTERNAL_FLOATOBJECT_H */
