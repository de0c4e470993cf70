/* Private call API (Objects/call.c).  Owner: object-model room.
 *
 * Calls go through vectorcall whenever the callee supports it; tp_call is the fallback
 * (_PyObject_MakeTpCall builds the tuple and dict it needs).  Stacks of up to
 * _PY_FASTCALL_SMALL_STACK arguments are built on the C stack to avoid allocation. */
#ifndef Py_INTERNAL_CALL_H
#define Py_INTERNAL_CALL_H

#define _PY_FASTCALL_SMALL_STACK 5

/* Call callable through tp_call with a tuple and dict built from the vector. */
PyAPI_FUNC(PyObject *) _PyObject_MakeTpCall(PyThreadState *tstate, PyObject *callable,
                                            PyObject *const *args, Py_ssize_t nargs,
                                            PyObject *keywords);
/* Check the result of a C call: NULL must come with an exception (SystemError otherwise)
 * and a result must not come with one. */
PyAPI_FUNC(PyObject *) _Py_CheckFunctionResult(PyThreadState *tstate, PyObject *callable,
                                               PyObject *result, const char *where);

static inline PyObject *_PyObject_VectorcallTstate(PyThreadState *tstate, PyObject *callable,
                                                   PyObject *const *args, size_t nargsf,
                                                   PyObject *kwnames)
{
    vectorcallfunc func = PyVectorcall_Function(callable);
    if (func == _Py_NULL) {
        Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
        return _PyObject_MakeTpCall(tstate, callable, args, nargs, kwnames);
    }
    PyObject *res = func(callable, args, nargsf, kwnames);
    return _Py_CheckFunctionResult(tstate, callable, res, _Py_NULL);
}

static inline PyObject *_PyObject_CallNoArgsTstate(PyThreadState *tstate, PyObject *func)
{
    return _PyObject_VectorcallTstate(tstate, func, _Py_NULL, 0, _Py_NULL);
}

static inline PyObject *_PyObject_CallNoArgs(PyObject *func)
{
    return PyObject_Vectorcall(func, _Py_NULL, 0, _Py_NULL);
}

static inline PyObject *_PyObject_FastCall(PyObject *func, PyObject *const *args,
                                           Py_ssize_t nargs)
{
    return PyObject_Vectorcall(func, args, (size_t)nargs, _Py_NULL);
}

static inline PyObject *_PyObject_CallOneArg(PyObject *func, PyObject *arg)
{
    return PyObject_CallOneArg(func, arg);
}

PyAPI_FUNC(PyObject *) _PyObject_Call(PyThreadState *tstate, PyObject *callable,
                                      PyObject *args, PyObject *kwargs);
PyAPI_FUNC(PyObject *) _PyObject_FastCallDictTstate(PyThreadState *tstate, PyObject *callable,
                                                    PyObject *const *args, size_t nargsf,
                                                    PyObject *kwargs);
/* callable(obj, *args, **kwargs) without building a new tuple when possible. */
PyAPI_FUNC(PyObject *) _PyObject_Call_Prepend(PyThreadState *tstate, PyObject *callable,
                                              PyObject *obj, PyObject *args, PyObject *kwargs);
PyAPI_FUNC(PyObject *) _PyObject_CallMethod(PyObject *obj, PyObject *name, const char *format,
                                            ...);
/* obj.name(*args) with a NULL-terminated list of borrowed PyObject * arguments. */
PyAPI_FUNC(PyObject *) _PyObject_CallMethodIdObjArgs(PyObject *obj, _Py_Identifier *name, ...);

/* A dict {kwnames[i]: values[i]}; values points at the keyword values (after positionals). */
PyAPI_FUNC(PyObject *) _PyStack_AsDict(PyObject *const *values, PyObject *kwnames);
/* Convert (args, nargs, kwargs dict) to a vector plus kwnames tuple; *p_kwnames is a new
 * reference or NULL; the returned stack must be freed by _PyStack_UnpackDict_Free. */
PyAPI_FUNC(PyObject *const *) _PyStack_UnpackDict(PyThreadState *tstate, PyObject *const *args,
                                                  Py_ssize_t nargs, PyObject *kwargs,
                                                  PyObject **p_kwnames);
PyAPI_FUNC(void) _PyStack_UnpackDict_Free(PyObject *const *stack, Py_ssize_t nargs,
                                          PyObject *kwnames);

/* Call a vectorcall callee that ignores kwnames-less tp_call: used by PyVectorcall_Call. */
PyAPI_FUNC(PyObject *) _PyVectorcall_Call(PyThreadState *tstate, vectorcallfunc func,
                                          PyObject *callable, PyObject *tuple, PyObject *kwargs);

#endif /* Py_INTERNAL_CALL_H */
