/* Private function-object API.  Owner: eval room (Objects/funcobject.c). */
#ifndef Py_INTERNAL_FUNCTION_H
#define Py_INTERNAL_FUNCTION_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

/* Return a new function for code with the given globals; builtins (borrowed) may be NULL
 * (found from globals); qualname may be NULL (code's co_qualname). */
PyAPI_FUNC(PyFunctionObject *) _PyFunction_FromCode(PyObject *code, PyObject *globals,
                                                    PyObject *builtins, PyObject *qualname);
/* A function to run code in globals, used by PyEval_EvalCode: name and module from code. */
PyAPI_FUNC(PyFunctionObject *) _PyFunction_ForEval(PyThreadState *tstate, PyObject *code,
                                                   PyObject *globals, PyObject *closure);
/* Set by SET_FUNCTION_ATTRIBUTE: steals a reference to value. */
PyAPI_FUNC(void) _PyFunction_SetAttribute(PyFunctionObject *func, int which, PyObject *value);

/* The function's code, borrowed.  Free-threaded build: another thread may reassign __code__;
 * the code replaced stays valid until the caller's next quiescent state (funcobject.c). */
static inline PyCodeObject *_PyFunction_GetCode(PyFunctionObject *func)
{
#ifdef Py_GIL_DISABLED
    return (PyCodeObject *)_Py_atomic_load_ptr_acquire(&func->func_code);
#else
    return (PyCodeObject *)func->func_code;
#endif
}

/* staticmethod/classmethod wrapped callables (borrowed). */
PyAPI_FUNC(PyObject *) _PyStaticMethod_GetFunc(PyObject *);
PyAPI_FUNC(PyObject *) _PyClassMethod_GetFunc(PyObject *);

#endif /* Py_INTERNAL_FUNCTION_H */
