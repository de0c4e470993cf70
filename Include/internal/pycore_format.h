/* The format-spec mini-language (Python/formatter_unicode.c).
 * Owner: numbers room (int, bool, float, complex, math).
 *
 * Each function implements T.__format__(obj, format_spec) for one built-in type and returns a
 * new reference to a str, or NULL with ValueError (bad spec) / other exceptions set.
 * format_spec must be a str. */
#ifndef Py_INTERNAL_FORMAT_H
#define Py_INTERNAL_FORMAT_H

PyAPI_FUNC(PyObject *) _PyLong_FormatSpec(PyObject *obj, PyObject *format_spec);
PyAPI_FUNC(PyObject *) _PyFloat_FormatSpec(PyObject *obj, PyObject *format_spec);
PyAPI_FUNC(PyObject *) _PyComplex_FormatSpec(PyObject *obj, PyObject *format_spec);
/* str.__format__ (the strings room calls it): fill, align, width and precision (truncation);
 * "Unknown format code 'd' for object of type 'str'" etc. */
PyAPI_FUNC(PyObject *) _PyUnicode_FormatSpec(PyObject *str, PyObject *format_spec);

/* Old-style '%' formatting helpers for the strings room (str % args, bytes % args):
 * format one number for conversion char c ('d','i','u','o','x','X','e','E','f','F','g','G')
 * with flags as CPython's (F_LJUST 1, F_SIGN 2, F_BLANK 4, F_ALT 8, F_ZERO 16), width and
 * precision (-1: none).  Return a new str reference. */
#define _PyFORMAT_F_LJUST (1 << 0)
#define _PyFORMAT_F_SIGN (1 << 1)
#define _PyFORMAT_F_BLANK (1 << 2)
#define _PyFORMAT_F_ALT (1 << 3)
#define _PyFORMAT_F_ZERO (1 << 4)
/* Return a new reference: the digits of an int for %d/%o/%x/%X (sign, '0x' prefix with ALT,
 * precision zero padding); no width padding. */
PyAPI_FUNC(PyObject *) _PyLong_FormatOld(PyObject *v, int flags, int prec, int c);
/* Return a new reference: a float for %e/%f/%g (with sign flags and ALT); no width padding. */
PyAPI_FUNC(PyObject *) _PyFloat_FormatOld(double v, int flags, int prec, int c);

#endif /* Py_INTERNAL_FORMAT_H */
