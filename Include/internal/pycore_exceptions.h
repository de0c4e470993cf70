/* The builtin exception objects (Objects/exceptions.c).
 * Owner: containers room (list, tuple, dict, set, range, slice, iterators, exceptions,
 * weakrefs).
 *
 * The PyExc_* pointers and the public PyException_* / PyUnicode*Error_* functions are declared
 * in Include/pyerrors.h (object-model room), as are the instance layouts (CPython 3.13's);
 * everything is defined in Objects/exceptions.c. */
#ifndef Py_INTERNAL_EXCEPTIONS_H
#define Py_INTERNAL_EXCEPTIONS_H


/* The static type objects behind the PyExc_* pointers, e.g. _PyExc_TypeError. */
PyAPI_DATA(PyTypeObject) _PyExc_BaseException;
PyAPI_DATA(PyTypeObject) _PyExc_BaseExceptionGroup;
PyAPI_DATA(PyTypeObject) _PyExc_StopIteration;
PyAPI_DATA(PyTypeObject) _PyExc_OSError;
PyAPI_DATA(PyTypeObject) _PyExc_KeyError;
PyAPI_DATA(PyTypeObject) _PyExc_AttributeError;
PyAPI_DATA(PyTypeObject) _PyExc_NameError;

/* Not (yet) declared in pyerrors.h. */
PyAPI_DATA(PyObject *) PyExc_ExceptionGroup;
PyAPI_DATA(PyObject *) PyExc__IncompleteInputError;

/* New reference: ExceptionGroup/BaseExceptionGroup(msg, excs) (excs a sequence). */
PyAPI_FUNC(PyObject *) _PyExc_CreateExceptionGroup(const char *msg, PyObject *excs);

/* Create an exception instance of type exc_type with a single message argument (a str);
 * new reference.  Used by Python/errors.c for PyErr_SetString without calling __init__. */
PyAPI_FUNC(PyObject *) _PyExc_CreateWithArgs(PyObject *exc_type, PyObject *args);

/* except* support (the eval room): split exc_value by match_type into (match, rest), both new
 * references or NULL; 0 or -1. */
PyAPI_FUNC(int) _PyExc_SplitGroup(PyObject *exc_value, PyObject *match_type,
                                  PyObject **match, PyObject **rest);
/* Build the exception group re-raised by except*: from the original exception and the list of
 * raised/re-raised exceptions; new reference (may be None). */
PyAPI_FUNC(PyObject *) _PyExc_PrepReraiseStar(PyObject *orig, PyObject *excs);
/* Prepend a note to an exception (PyErr_FormatNote style); 0 or -1. */
PyAPI_FUNC(int) _PyException_AddNote(PyObject *exc, PyObject *note);

#endif /* Py_INTERNAL_EXCEPTIONS_H */
