/* Private float API.
 * Owner: numbers room (int, bool, float, complex, math). */
#ifndef Py_INTERNAL_FLOATOBJECT_H
#define Py_INTERNAL_FLOATOBJECT_H

/* Hash of a double consistent with int hashing (hash(1.0) == hash(1)); inst is the object,
 * used for the NaN hash (identity-based, as CPython). */
PyAPI_FUNC(Py_hash_t) _PyFloat_HashDouble(PyObject *inst, double v);

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

#endif /* Py_INTERNAL_FLOATOBJECT_H */
