/* Calling objects: vectorcall dispatch, the tuple/dict (tp_call) fallback and the convenience
 * call APIs (PyObject_CallFunction, PyObject_CallMethod, ...).
 *
 * Vectorcall (PEP 590) is the fast path: arguments stay in a C array, keyword names in a
 * tuple.  Converting to a tuple and a dict happens only when the callee has nothing but
 * tp_call.  Small argument vectors are built on the C stack (_PY_FASTCALL_SMALL_STACK). */
#include "Python.h"
#include "pycore_call.h"
#include "pycore_object.h"
#include "pycore_pyerrors.h"
#include "pycore_pystate.h"

static int
enter_call(PyThreadState *tstate)
{
    if (tstate != NULL && --tstate->c_recursion_remaining < 0) {
        tstate->c_recursion_remaining++;
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded while calling a Python object");
        return -1;
    }
    return 0;
}

static void
leave_call(PyThreadState *tstate)
{
    if (tstate != NULL) {
        tstate->c_recursion_remaining++;
    }
}

static PyObject *
null_error(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (!_PyErr_Occurred(tstate)) {
        _PyErr_SetString(tstate, PyExc_SystemError, "null argument to internal routine");
    }
    return NULL;
}

PyObject *
_Py_CheckFunctionResult(PyThreadState *tstate, PyObject *callable, PyObject *result,
                        const char *where)
{
    if (result == NULL) {
        if (!_PyErr_Occurred(tstate)) {
            if (callable) {
                _PyErr_Format(tstate, PyExc_SystemError,
                              "%R returned NULL without setting an exception", callable);
            }
            else {
                _PyErr_Format(tstate, PyExc_SystemError,
                              "%s returned NULL without setting an exception", where);
            }
        }
        return NULL;
    }
    if (_PyErr_Occurred(tstate)) {
        Py_DECREF(result);
        if (callable) {
            _PyErr_FormatFromCauseTstate(tstate, PyExc_SystemError,
                                         "%R returned a result with an exception set",
                                         callable);
        }
        else {
            _PyErr_FormatFromCauseTstate(tstate, PyExc_SystemError,
                                         "%s returned a result with an exception set", where);
        }
        return NULL;
    }
    return result;
}

/* ---- stacks, tuples and dicts -------------------------------------------------------------- */

static PyObject *
tuple_from_array(PyObject *const *args, Py_ssize_t n)
{
    PyObject *tuple = PyTuple_New(n);
    if (tuple == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(tuple, i, Py_NewRef(args[i]));
    }
    return tuple;
}

PyObject *
_PyStack_AsDict(PyObject *const *values, PyObject *kwnames)
{
    Py_ssize_t nkwargs = PyTuple_GET_SIZE(kwnames);
    PyObject *kwdict = _PyDict_NewPresized(nkwargs);
    if (kwdict == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nkwargs; i++) {
        if (PyDict_SetItem(kwdict, PyTuple_GET_ITEM(kwnames, i), values[i]) < 0) {
            Py_DECREF(kwdict);
            return NULL;
        }
    }
    return kwdict;
}

/* Returns a vector of nargs + len(kwargs) new references (args first, then the values of
 * kwargs), with *p_kwnames the tuple of keys.  The vector has one spare slot in front so the
 * callee may use PY_VECTORCALL_ARGUMENTS_OFFSET. */
PyObject *const *
_PyStack_UnpackDict(PyThreadState *tstate, PyObject *const *args, Py_ssize_t nargs,
                    PyObject *kwargs, PyObject **p_kwnames)
{
    Py_ssize_t nkwargs = PyDict_GET_SIZE(kwargs);
    Py_ssize_t maxnargs = PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(PyObject *) - 1;
    if (nargs > maxnargs - nkwargs) {
        _PyErr_NoMemory(tstate);
        return NULL;
    }
    PyObject **stack = PyMem_Malloc((size_t)(1 + nargs + nkwargs) * sizeof(PyObject *));
    if (stack == NULL) {
        _PyErr_NoMemory(tstate);
        return NULL;
    }
    PyObject *kwnames = PyTuple_New(nkwargs);
    if (kwnames == NULL) {
        PyMem_Free(stack);
        return NULL;
    }
    stack++;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        stack[i] = Py_NewRef(args[i]);
    }
    PyObject **kwstack = stack + nargs;
    Py_ssize_t pos = 0, i = 0;
    PyObject *key, *value;
    int keys_are_strings = 1;
    while (PyDict_Next(kwargs, &pos, &key, &value)) {
        keys_are_strings &= PyUnicode_Check(key);
        PyTuple_SET_ITEM(kwnames, i, Py_NewRef(key));
        kwstack[i] = Py_NewRef(value);
        i++;
    }
    if (!keys_are_strings) {
        _PyErr_SetString(tstate, PyExc_TypeError, "keywords must be strings");
        _PyStack_UnpackDict_Free(stack, nargs, kwnames);
        return NULL;
    }
    *p_kwnames = kwnames;
    return stack;
}

void
_PyStack_UnpackDict_Free(PyObject *const *stack, Py_ssize_t nargs, PyObject *kwnames)
{
    Py_ssize_t n = PyTuple_GET_SIZE(kwnames) + nargs;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_DECREF(stack[i]);
    }
    PyMem_Free((PyObject **)stack - 1);
    Py_DECREF(kwnames);
}

/* ---- the tp_call fallback ------------------------------------------------------------------ */

PyObject *
_PyObject_MakeTpCall(PyThreadState *tstate, PyObject *callable, PyObject *const *args,
                     Py_ssize_t nargs, PyObject *keywords)
{
    ternaryfunc call = Py_TYPE(callable)->tp_call;
    if (call == NULL) {
        _PyErr_Format(tstate, PyExc_TypeError, "'%.200s' object is not callable",
                      Py_TYPE(callable)->tp_name);
        return NULL;
    }
    PyObject *argstuple = tuple_from_array(args, nargs);
    if (argstuple == NULL) {
        return NULL;
    }
    PyObject *kwdict;
    if (keywords == NULL || PyDict_Check(keywords)) {
        kwdict = Py_XNewRef(keywords);
    }
    else if (PyTuple_GET_SIZE(keywords)) {
        kwdict = _PyStack_AsDict(args + nargs, keywords);
        if (kwdict == NULL) {
            Py_DECREF(argstuple);
            return NULL;
        }
    }
    else {
        kwdict = NULL;
    }
    PyObject *result = NULL;
    if (enter_call(tstate) == 0) {
        result = call(callable, argstuple, kwdict);
        leave_call(tstate);
    }
    Py_DECREF(argstuple);
    Py_XDECREF(kwdict);
    return _Py_CheckFunctionResult(tstate, callable, result, NULL);
}

/* ---- vectorcall ---------------------------------------------------------------------------- */

PyObject *
PyObject_Vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                    PyObject *kwnames)
{
    return _PyObject_VectorcallTstate(_PyThreadState_GET(), callable, args, nargsf, kwnames);
}

PyObject *
_PyObject_FastCallDictTstate(PyThreadState *tstate, PyObject *callable, PyObject *const *args,
                             size_t nargsf, PyObject *kwargs)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    vectorcallfunc func = PyVectorcall_Function(callable);
    if (func == NULL) {
        return _PyObject_MakeTpCall(tstate, callable, args, nargs, kwargs);
    }
    PyObject *res;
    if (kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0) {
        res = func(callable, args, nargsf, NULL);
    }
    else {
        PyObject *kwnames;
        PyObject *const *newargs = _PyStack_UnpackDict(tstate, args, nargs, kwargs, &kwnames);
        if (newargs == NULL) {
            return NULL;
        }
        res = func(callable, newargs, (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
        _PyStack_UnpackDict_Free(newargs, nargs, kwnames);
    }
    return _Py_CheckFunctionResult(tstate, callable, res, NULL);
}

PyObject *
PyObject_VectorcallDict(PyObject *callable, PyObject *const *args, size_t nargsf,
                        PyObject *kwargs)
{
    return _PyObject_FastCallDictTstate(_PyThreadState_GET(), callable, args, nargsf, kwargs);
}

PyObject *
_PyVectorcall_Call(PyThreadState *tstate, vectorcallfunc func, PyObject *callable,
                   PyObject *tuple, PyObject *kwargs)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(tuple);
    PyObject *const *args = nargs ? &PyTuple_GET_ITEM(tuple, 0) : NULL;
    if (kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0) {
        return func(callable, args, (size_t)nargs, NULL);
    }
    PyObject *kwnames;
    PyObject *const *newargs = _PyStack_UnpackDict(tstate, args, nargs, kwargs, &kwnames);
    if (newargs == NULL) {
        return NULL;
    }
    PyObject *result = func(callable, newargs, (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET,
                            kwnames);
    _PyStack_UnpackDict_Free(newargs, nargs, kwnames);
    return _Py_CheckFunctionResult(tstate, callable, result, NULL);
}

PyObject *
PyVectorcall_Call(PyObject *callable, PyObject *tuple, PyObject *kwargs)
{
    PyThreadState *tstate = _PyThreadState_GET();
    Py_ssize_t offset = Py_TYPE(callable)->tp_vectorcall_offset;
    if (offset <= 0) {
        _PyErr_Format(tstate, PyExc_TypeError, "'%.200s' object does not support vectorcall",
                      Py_TYPE(callable)->tp_name);
        return NULL;
    }
    vectorcallfunc func;
    memcpy(&func, (char *)callable + offset, sizeof(func));
    if (func == NULL) {
        _PyErr_Format(tstate, PyExc_TypeError, "'%.200s' object does not support vectorcall",
                      Py_TYPE(callable)->tp_name);
        return NULL;
    }
    return _PyVectorcall_Call(tstate, func, callable, tuple, kwargs);
}

PyObject *
_PyObject_Call(PyThreadState *tstate, PyObject *callable, PyObject *args, PyObject *kwargs)
{
    vectorcallfunc vector_func = PyVectorcall_Function(callable);
    if (vector_func != NULL) {
        return _PyVectorcall_Call(tstate, vector_func, callable, args, kwargs);
    }
    ternaryfunc call = Py_TYPE(callable)->tp_call;
    if (call == NULL) {
        _PyErr_Format(tstate, PyExc_TypeError, "'%.200s' object is not callable",
                      Py_TYPE(callable)->tp_name);
        return NULL;
    }
    if (enter_call(tstate) < 0) {
        return NULL;
    }
    PyObject *result = call(callable, args, kwargs);
    leave_call(tstate);
    return _Py_CheckFunctionResult(tstate, callable, result, NULL);
}

PyObject *
PyObject_Call(PyObject *callable, PyObject *args, PyObject *kwargs)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (args == NULL || !PyTuple_Check(args)) {
        _PyErr_SetString(tstate, PyExc_TypeError, "argument list must be a tuple");
        return NULL;
    }
    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        _PyErr_SetString(tstate, PyExc_TypeError, "keyword list must be a dictionary");
        return NULL;
    }
    return _PyObject_Call(tstate, callable, args, kwargs);
}

PyObject *
PyCFunction_Call(PyObject *callable, PyObject *args, PyObject *kwargs)
{
    return PyObject_Call(callable, args, kwargs);
}

PyObject *
PyObject_CallObject(PyObject *callable, PyObject *args)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (args == NULL) {
        return _PyObject_CallNoArgsTstate(tstate, callable);
    }
    if (!PyTuple_Check(args)) {
        _PyErr_SetString(tstate, PyExc_TypeError, "argument list must be a tuple");
        return NULL;
    }
    return _PyObject_Call(tstate, callable, args, NULL);
}

PyObject *
PyObject_CallNoArgs(PyObject *func)
{
    return _PyObject_CallNoArgsTstate(_PyThreadState_GET(), func);
}

PyObject *
PyObject_CallOneArg(PyObject *func, PyObject *arg)
{
    PyObject *stack[2];
    stack[1] = arg;
    return _PyObject_VectorcallTstate(_PyThreadState_GET(), func, stack + 1,
                                      1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

PyObject *
_PyObject_Call_Prepend(PyThreadState *tstate, PyObject *callable, PyObject *obj,
                       PyObject *args, PyObject *kwargs)
{
    PyObject *small_stack[_PY_FASTCALL_SMALL_STACK];
    PyObject **stack;
    Py_ssize_t argcount = PyTuple_GET_SIZE(args);
    if (argcount + 1 <= (Py_ssize_t)Py_ARRAY_LENGTH(small_stack)) {
        stack = small_stack;
    }
    else {
        stack = PyMem_Malloc((size_t)(argcount + 1) * sizeof(PyObject *));
        if (stack == NULL) {
            return _PyErr_NoMemory(tstate);
        }
    }
    stack[0] = obj;
    for (Py_ssize_t i = 0; i < argcount; i++) {
        stack[i + 1] = PyTuple_GET_ITEM(args, i);
    }
    PyObject *result = _PyObject_FastCallDictTstate(tstate, callable, stack,
                                                    (size_t)(argcount + 1), kwargs);
    if (stack != small_stack) {
        PyMem_Free(stack);
    }
    return result;
}

/* ---- format-based calls -------------------------------------------------------------------- */

static PyObject *
call_with_format_va(PyThreadState *tstate, PyObject *callable, const char *format, va_list va)
{
    if (callable == NULL) {
        return null_error();
    }
    if (format == NULL || *format == '\0') {
        return _PyObject_CallNoArgsTstate(tstate, callable);
    }
    PyObject *small_stack[_PY_FASTCALL_SMALL_STACK];
    Py_ssize_t nargs;
    PyObject **stack = _Py_VaBuildStack(small_stack, Py_ARRAY_LENGTH(small_stack), format, va,
                                        &nargs);
    if (stack == NULL) {
        return NULL;
    }
    PyObject *result;
    if (nargs == 1 && PyTuple_Check(stack[0])) {
        /* A single tuple argument is the argument list (historical behaviour). */
        PyObject *args = stack[0];
        result = _PyObject_VectorcallTstate(tstate, callable, &PyTuple_GET_ITEM(args, 0),
                                            (size_t)PyTuple_GET_SIZE(args), NULL);
    }
    else {
        result = _PyObject_VectorcallTstate(tstate, callable, stack, (size_t)nargs, NULL);
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        Py_DECREF(stack[i]);
    }
    if (stack != small_stack) {
        PyMem_Free(stack);
    }
    return result;
}

PyObject *
PyObject_CallFunction(PyObject *callable, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *result = call_with_format_va(_PyThreadState_GET(), callable, format, va);
    va_end(va);
    return result;
}

PyObject *
_PyObject_CallFunction_SizeT(PyObject *callable, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *result = call_with_format_va(_PyThreadState_GET(), callable, format, va);
    va_end(va);
    return result;
}

PyObject *
PyObject_CallMethod(PyObject *obj, const char *name, const char *format, ...)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (obj == NULL || name == NULL) {
        return null_error();
    }
    PyObject *callable = PyObject_GetAttrString(obj, name);
    if (callable == NULL) {
        return NULL;
    }
    va_list va;
    va_start(va, format);
    PyObject *retval = call_with_format_va(tstate, callable, format, va);
    va_end(va);
    Py_DECREF(callable);
    return retval;
}

PyObject *
_PyObject_CallMethod_SizeT(PyObject *obj, const char *name, const char *format, ...)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (obj == NULL || name == NULL) {
        return null_error();
    }
    PyObject *callable = PyObject_GetAttrString(obj, name);
    if (callable == NULL) {
        return NULL;
    }
    va_list va;
    va_start(va, format);
    PyObject *retval = call_with_format_va(tstate, callable, format, va);
    va_end(va);
    Py_DECREF(callable);
    return retval;
}

PyObject *
_PyObject_CallMethod(PyObject *obj, PyObject *name, const char *format, ...)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (obj == NULL || name == NULL) {
        return null_error();
    }
    PyObject *callable = PyObject_GetAttr(obj, name);
    if (callable == NULL) {
        return NULL;
    }
    va_list va;
    va_start(va, format);
    PyObject *retval = call_with_format_va(tstate, callable, format, va);
    va_end(va);
    Py_DECREF(callable);
    return retval;
}

/* ---- NULL-terminated argument lists -------------------------------------------------------- */

static PyObject *
object_vacall(PyThreadState *tstate, PyObject *base, PyObject *callable, va_list vargs)
{
    if (callable == NULL) {
        return null_error();
    }
    va_list countva;
    va_copy(countva, vargs);
    Py_ssize_t nargs = base ? 1 : 0;
    while (va_arg(countva, PyObject *) != NULL) {
        nargs++;
    }
    va_end(countva);
    PyObject *small_stack[_PY_FASTCALL_SMALL_STACK];
    PyObject **stack = small_stack;
    if (nargs > (Py_ssize_t)Py_ARRAY_LENGTH(small_stack)) {
        stack = PyMem_Malloc((size_t)nargs * sizeof(stack[0]));
        if (stack == NULL) {
            return _PyErr_NoMemory(tstate);
        }
    }
    Py_ssize_t i = 0;
    if (base) {
        stack[i++] = base;
    }
    for (; i < nargs; i++) {
        stack[i] = va_arg(vargs, PyObject *);
    }
    PyObject *result = _PyObject_VectorcallTstate(tstate, callable, stack, (size_t)nargs, NULL);
    if (stack != small_stack) {
        PyMem_Free(stack);
    }
    return result;
}

PyObject *
PyObject_CallFunctionObjArgs(PyObject *callable, ...)
{
    va_list vargs;
    va_start(vargs, callable);
    PyObject *result = object_vacall(_PyThreadState_GET(), NULL, callable, vargs);
    va_end(vargs);
    return result;
}

PyObject *
PyObject_VectorcallMethod(PyObject *name, PyObject *const *args, size_t nargsf,
                          PyObject *kwnames)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *callable = NULL;
    int unbound = _PyObject_GetMethod(args[0], name, &callable);
    if (callable == NULL) {
        return NULL;
    }
    if (unbound) {
        /* Call callable(self, *args). */
        nargsf &= ~PY_VECTORCALL_ARGUMENTS_OFFSET;
    }
    else {
        /* Skip self: args[0] is free to be used by the callee. */
        args++;
        nargsf = (nargsf - 1) | PY_VECTORCALL_ARGUMENTS_OFFSET;
    }
    PyObject *result = _PyObject_VectorcallTstate(tstate, callable, args, nargsf, kwnames);
    Py_DECREF(callable);
    return result;
}

PyObject *
PyObject_CallMethodNoArgs(PyObject *self, PyObject *name)
{
    return PyObject_VectorcallMethod(name, &self, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

PyObject *
PyObject_CallMethodOneArg(PyObject *self, PyObject *name, PyObject *arg)
{
    PyObject *args[2] = {self, arg};
    return PyObject_VectorcallMethod(name, args, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

PyObject *
PyObject_CallMethodObjArgs(PyObject *obj, PyObject *name, ...)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (obj == NULL || name == NULL) {
        return null_error();
    }
    PyObject *callable = NULL;
    int is_method = _PyObject_GetMethod(obj, name, &callable);
    if (callable == NULL) {
        return NULL;
    }
    obj = is_method ? obj : NULL;
    va_list vargs;
    va_start(vargs, name);
    PyObject *result = object_vacall(tstate, obj, callable, vargs);
    va_end(vargs);
    Py_DECREF(callable);
    return result;
}

PyObject *
_PyObject_CallMethodIdObjArgs(PyObject *obj, _Py_Identifier *name, ...)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (obj == NULL || name == NULL) {
        return null_error();
    }
    PyObject *oname = _PyUnicode_FromId(name);
    if (oname == NULL) {
        return NULL;
    }
    PyObject *callable = NULL;
    int is_method = _PyObject_GetMethod(obj, oname, &callable);
    if (callable == NULL) {
        return NULL;
    }
    obj = is_method ? obj : NULL;
    va_list vargs;
    va_start(vargs, name);
    PyObject *result = object_vacall(tstate, obj, callable, vargs);
    va_end(vargs);
    Py_DECREF(callable);
    return result;
}
