/* Helpers shared by the str implementation files (Objects/unicode*.c); not part of any API.
 * Owner: strings room. */
#ifndef BRAID_STRINGLIB_UNICODE_INTERNAL_H
#define BRAID_STRINGLIB_UNICODE_INTERNAL_H

#include "pycore_unicodeobject.h"

/* Return the str with the narrowest kind for its contents (steals u; may return another
 * object, e.g. a cached singleton). */
PyObject *_PyUnicode_Result(PyObject *u);
/* New str from code points; new reference. */
PyObject *_PyUnicode_FromUCS4Array(const Py_UCS4 *chars, Py_ssize_t size);
Py_UCS4 _PyUnicode_MaxCharOfData(int kind, const void *data, Py_ssize_t size);
/* Index of needle in haystack[start:end] (direction > 0 first, else last), -1 if none. */
Py_ssize_t _PyUnicode_FindSub(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end,
                              int direction);
Py_ssize_t _PyUnicode_CountSub(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end,
                               Py_ssize_t maxcount);
/* Clamp slice-like start/end to [0, len] as str.find does. */
void _PyUnicode_AdjustIndices(Py_ssize_t *start, Py_ssize_t *end, Py_ssize_t len);
/* Parse the optional start/end arguments of find-like methods (None allowed): 0 or -1. */
int _PyUnicode_ParseStartEnd(PyObject *const *args, Py_ssize_t nargs, Py_ssize_t first,
                             const char *fname, Py_ssize_t *start, Py_ssize_t *end);
/* Convert an object to Py_ssize_t for slice-like indices (None -> default). 1 ok, 0 error. */
int _PyUnicode_EvalSliceIndex(PyObject *v, Py_ssize_t *pi);

extern PyMethodDef _PyUnicode_Methods[];
PyObject *_PyUnicode_FormatMethod(PyObject *self, PyObject *args, PyObject *kwargs);
PyObject *_PyUnicode_FormatMapMethod(PyObject *self, PyObject *mapping);
PyObject *_PyUnicode_DunderFormat(PyObject *self, PyObject *spec);
PyObject *_PyUnicode_EncodeMethod(PyObject *self, PyObject *args, PyObject *kwargs);
int _PyUnicode_ParseEncodingArgs(const char *fname, PyObject *args, PyObject *kwargs,
                                 const char **encoding, const char **errors);
PyObject *_PyUnicode_Mod(PyObject *v, PyObject *w);
/* Encode with a codec name and error handler (fast paths for utf-8, latin-1, ascii). */
PyObject *_PyUnicode_EncodeWith(PyObject *unicode, const char *encoding, const char *errors);
/* The error handler names the fast paths understand. */
typedef enum {
    _Py_ERROR_UNKNOWN = 0,
    _Py_ERROR_STRICT,
    _Py_ERROR_SURROGATEESCAPE,
    _Py_ERROR_REPLACE,
    _Py_ERROR_IGNORE,
    _Py_ERROR_BACKSLASHREPLACE,
    _Py_ERROR_SURROGATEPASS,
    _Py_ERROR_XMLCHARREFREPLACE,
    _Py_ERROR_NAMEREPLACE,
    _Py_ERROR_OTHER
} _Py_error_handler;
_Py_error_handler _Py_GetErrorHandler(const char *errors);

#endif
