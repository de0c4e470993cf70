/* Conversions between double and text (Python/pystrtod.c, Python/dtoa.c).
 * Owner: numbers room (int, bool, float, complex, math). */
#ifndef Py_PYSTRTOD_H
#define Py_PYSTRTOD_H

/* Parse a double from s (no leading whitespace, no underscores) and set *endptr past it.
 * With endptr NULL the whole string must be consumed (ValueError otherwise).
 * On overflow: overflow_exception NULL returns +-inf, else raises it.  -1.0 with an
 * exception set on error. */
PyAPI_FUNC(double) PyOS_string_to_double(const char *s, char **endptr,
                                         PyObject *overflow_exception);

/* Format val like Python: format_code 'e', 'E', 'f', 'F', 'g', 'G' or 'r' (repr: shortest
 * round-trip; precision must be 0).  Return a PyMem_Malloc'ed string (PyMem_Free it) or NULL
 * with MemoryError set; *type (if not NULL) gets a Py_DTST_* value. */
PyAPI_FUNC(char *) PyOS_double_to_string(double val, char format_code, int precision,
                                         int flags, int *type);

#define Py_DTSF_SIGN 0x01       /* always add the sign */
#define Py_DTSF_ADD_DOT_0 0x02  /* if the result is an integer add ".0" */
#define Py_DTSF_ALT 0x04        /* "alternate" formatting: '#' */
#define Py_DTSF_NO_NEG_0 0x08   /* negative zero becomes zero ('z') */

#define Py_DTST_FINITE 0
#define Py_DTST_INFINITE 1
#define Py_DTST_NAN 2

/* glibc-free locale-independent ascii helpers. */
PyAPI_FUNC(double) _Py_parse_inf_or_nan(const char *p, char **endptr);

#endif /* Py_PYSTRTOD_H */
