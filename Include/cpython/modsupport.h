/* Argument-parsing messages of the interpreter's own functions (Python/getargs.c).
 *
 * CPython generates the argument parsing of its builtins with Argument Clinic, whose errors
 * name an argument passed by keyword ("str() argument 'encoding' must be str, not int");
 * PyArg_ParseTupleAndKeywords numbers it ("f() argument 2 must be ...").  Braid's builtins call
 * PyArg_ParseTupleAndKeywords, so in the core build (Py_BUILD_CORE) the two names below go to
 * variants with the Clinic messages; extensions get CPython's PyArg_ParseTupleAndKeywords. */
#ifndef Py_CPYTHON_MODSUPPORT_H
#define Py_CPYTHON_MODSUPPORT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef Py_BUILD_CORE
PyAPI_FUNC(int) _PyArg_ParseTupleAndKeywords_Core(PyObject *args, PyObject *kw,
                                                  const char *format, char **kwlist, ...);
PyAPI_FUNC(int) _PyArg_VaParseTupleAndKeywords_Core(PyObject *args, PyObject *kw,
                                                    const char *format, char **kwlist,
                                                    va_list va);
#  define PyArg_ParseTupleAndKeywords _PyArg_ParseTupleAndKeywords_Core
#  define PyArg_VaParseTupleAndKeywords _PyArg_VaParseTupleAndKeywords_Core
#endif

#ifdef __cplusplus
}
#endif
#endif /* !Py_CPYTHON_MODSUPPORT_H */
