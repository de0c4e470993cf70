/* Issuing warnings from C (Python/_warnings.c).  Owner: runtime room. */
#ifndef Py_WARNINGS_H
#define Py_WARNINGS_H

/* Warn with message text in category (NULL: RuntimeWarning) attributed to the Python frame
 * `stack_level` levels up (1: the caller of the C function).  0, or -1 if the warning was
 * turned into an exception (or another error occurred). */
PyAPI_FUNC(int) PyErr_WarnEx(PyObject *category, const char *message, Py_ssize_t stack_level);
PyAPI_FUNC(int) PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level,
                                 const char *format, ...);
PyAPI_FUNC(int) PyErr_ResourceWarning(PyObject *source, Py_ssize_t stack_level,
                                      const char *format, ...);
/* Warn with an explicit location.  module may be NULL; registry may be NULL or a dict. */
PyAPI_FUNC(int) PyErr_WarnExplicitObject(PyObject *category, PyObject *message,
                                         PyObject *filename, int lineno, PyObject *module,
                                         PyObject *registry);
PyAPI_FUNC(int) PyErr_WarnExplicit(PyObject *category, const char *message,
                                   const char *filename, int lineno, const char *module,
                                   PyObject *registry);
PyAPI_FUNC(int) PyErr_WarnExplicitFormat(PyObject *category, const char *filename,
                                         int lineno, const char *module, PyObject *registry,
                                         const char *format, ...);
#define PyErr_Warn(category, msg) PyErr_WarnEx((category), (msg), 1)

#endif /* Py_WARNINGS_H */
