/* Private error-indicator API (Python/errors.c): thread-state-taking variants of PyErr_* for
 * the interpreter's hot paths, and helpers for chaining and common messages.
 * Owner: object-model room.
 *
 * The error indicator is tstate->current_exception: one normalized exception instance (owned)
 * or NULL.  The "handled exception" stack (sys.exception()) is tstate->exc_info. */
#ifndef Py_INTERNAL_PYERRORS_H
#define Py_INTERNAL_PYERRORS_H

/* Borrowed reference to the type of the current exception, or NULL. */
static inline PyObject *_PyErr_Occurred(PyThreadState *tstate)
{
    if (tstate == _Py_NULL || tstate->current_exception == _Py_NULL) {
        return _Py_NULL;
    }
    return (PyObject *)Py_TYPE(tstate->current_exception);
}

PyAPI_FUNC(void) _PyErr_SetString(PyThreadState *tstate, PyObject *exc, const char *message);
PyAPI_FUNC(void) _PyErr_SetObject(PyThreadState *tstate, PyObject *exc, PyObject *value);
PyAPI_FUNC(void) _PyErr_SetNone(PyThreadState *tstate, PyObject *exc);
PyAPI_FUNC(PyObject *) _PyErr_Format(PyThreadState *tstate, PyObject *exc, const char *format,
                                     ...);
PyAPI_FUNC(PyObject *) _PyErr_FormatV(PyThreadState *tstate, PyObject *exc, const char *format,
                                      va_list vargs);
PyAPI_FUNC(void) _PyErr_Clear(PyThreadState *tstate);
/* New reference (cleared from tstate) or NULL. */
PyAPI_FUNC(PyObject *) _PyErr_GetRaisedException(PyThreadState *tstate);
/* Steals exc (may be NULL). */
PyAPI_FUNC(void) _PyErr_SetRaisedException(PyThreadState *tstate, PyObject *exc);
PyAPI_FUNC(void) _PyErr_Fetch(PyThreadState *tstate, PyObject **type, PyObject **value,
                              PyObject **tb);
PyAPI_FUNC(void) _PyErr_Restore(PyThreadState *tstate, PyObject *type, PyObject *value,
                                PyObject *tb);
PyAPI_FUNC(void) _PyErr_NormalizeException(PyThreadState *tstate, PyObject **type,
                                           PyObject **value, PyObject **tb);
PyAPI_FUNC(int) _PyErr_ExceptionMatches(PyThreadState *tstate, PyObject *exc);
PyAPI_FUNC(PyObject *) _PyErr_NoMemory(PyThreadState *tstate);

/* The innermost exception being handled (borrowed; NULL or Py_None when none). */
PyAPI_FUNC(PyObject *) _PyErr_GetHandledException(PyThreadState *tstate); /* new ref */
PyAPI_FUNC(void) _PyErr_SetHandledException(PyThreadState *tstate, PyObject *exc);
PyAPI_FUNC(_PyErr_StackItem *) _PyErr_GetTopmostException(PyThreadState *tstate);

/* Chain exc (an exception caught earlier, may be NULL; stolen) under the current exception:
 * if an exception is now set, exc becomes its __context__; otherwise exc is raised again. */
PyAPI_FUNC(void) _PyErr_ChainExceptions1(PyObject *exc);
/* Raise exc(format) with the current exception as __cause__ and __context__.  Returns NULL. */
PyAPI_FUNC(PyObject *) _PyErr_FormatFromCause(PyObject *exc, const char *format, ...);
PyAPI_FUNC(PyObject *) _PyErr_FormatFromCauseTstate(PyThreadState *tstate, PyObject *exc,
                                                    const char *format, ...);
/* KeyError(key) with key wrapped in a tuple so tuples print correctly. */
PyAPI_FUNC(void) _PyErr_SetKeyError(PyObject *key);
/* "Exception ignored <msg>: <obj>" form of PyErr_WriteUnraisable. */
PyAPI_FUNC(void) _PyErr_WriteUnraisableMsg(const char *err_msg, PyObject *obj);
/* 1 if the current exception is a StopIteration (cleared; *pvalue = its value, new ref). */
PyAPI_FUNC(int) _PyErr_FetchStopIterationValue(PyObject **pvalue);
/* A preallocated MemoryError instance is used by PyErr_NoMemory (immortal). */
PyAPI_FUNC(int) _PyErr_InitTypes(void);

/* The element of candidates (a list of str) closest to name as the "Did you mean"
 * suggestions choose it, or NULL (no exception) when none is close (Python/pythonrun.c).
 * New reference. */
PyAPI_FUNC(PyObject *) _Py_CalculateSuggestions(PyObject *candidates, PyObject *name);

#endif /* Py_INTERNAL_PYERRORS_H */
