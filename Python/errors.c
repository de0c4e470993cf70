/* The error indicator.
 *
 * Each thread state holds at most one raised exception, tstate->current_exception: a normalized
 * exception instance (owned), whose traceback is its __traceback__.  The legacy triple API
 * (PyErr_Fetch/Restore/NormalizeException) converts to and from that single object.
 *
 * The "handled" exceptions (what sys.exception() returns inside except blocks) form a stack of
 * _PyErr_StackItem, tstate->exc_info at the top; generators push their own item while running.
 * Raising an exception while another is handled sets the new one's __context__. */
#include "Python.h"
#include "pycore_pyerrors.h"
#include "pycore_pystate.h"
#include "pycore_object.h"
#include "pycore_call.h"
#include "pycore_sysmodule.h"
#include "pycore_typeobject.h"

/* ---- basic get/set ------------------------------------------------------------------------- */

/* Steals exc (may be NULL). */
void
_PyErr_SetRaisedException(PyThreadState *tstate, PyObject *exc)
{
    PyObject *old = tstate->current_exception;
    tstate->current_exception = exc;
    Py_XDECREF(old);
}

void
PyErr_SetRaisedException(PyObject *exc)
{
    _PyErr_SetRaisedException(_PyThreadState_GET(), exc);
}

/* Return a new reference (the indicator is cleared), or NULL. */
PyObject *
_PyErr_GetRaisedException(PyThreadState *tstate)
{
    PyObject *exc = tstate->current_exception;
    tstate->current_exception = NULL;
    return exc;
}

PyObject *
PyErr_GetRaisedException(void)
{
    return _PyErr_GetRaisedException(_PyThreadState_GET());
}

/* Borrowed reference. */
PyObject *
PyErr_Occurred(void)
{
    return _PyErr_Occurred(_PyThreadState_GET());
}

void
_PyErr_Clear(PyThreadState *tstate)
{
    _PyErr_SetRaisedException(tstate, NULL);
}

void
PyErr_Clear(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate != NULL) {
        _PyErr_Clear(tstate);
    }
}

/* ---- creating exception instances ---------------------------------------------------------- */

/* Return a new instance of exception class type built from value: value itself when it is
 * already an instance, else type(), type(*value) for a tuple, type(value) otherwise. */
static PyObject *
create_exception_instance(PyObject *type, PyObject *value)
{
    if (value != NULL && PyObject_TypeCheck(value, (PyTypeObject *)type)) {
        return Py_NewRef(value);
    }
    if (value == NULL || value == Py_None) {
        return PyObject_CallNoArgs(type);
    }
    if (PyTuple_Check(value)) {
        return PyObject_Call(type, value, NULL);
    }
    return PyObject_CallOneArg(type, value);
}

/* Make the handled exception (if any) the __context__ of exc, cutting any cycle exc would
 * close in the context chain. */
static void
set_context_from_handled(PyThreadState *tstate, PyObject *exc)
{
    _PyErr_StackItem *item = _PyErr_GetTopmostException(tstate);
    PyObject *handled = item->exc_value;
    if (handled == NULL || handled == Py_None || handled == exc) {
        return;
    }
    if (!PyExceptionInstance_Check(handled)) {
        return;
    }
    /* Walk handled's context chain; if exc already appears in it, unlink exc so that the
     * chain does not become circular.  The walk is bounded in case a cycle already exists
     * (Brent-style: a tortoise that jumps to the hare at powers of two). */
    PyObject *o = handled;
    PyObject *tortoise = handled;
    Py_ssize_t steps = 0, power = 1;
    while (1) {
        PyObject *context = ((PyBaseExceptionObject *)o)->context;
        if (context == NULL) {
            break;
        }
        if (context == exc) {
            ((PyBaseExceptionObject *)o)->context = NULL;
            Py_DECREF(context);
            break;
        }
        o = context;
        if (o == tortoise) {
            break; /* a pre-existing cycle not involving exc */
        }
        if (++steps == power) {
            tortoise = o;
            steps = 0;
            power *= 2;
        }
        if (!PyExceptionInstance_Check(o)) {
            break;
        }
    }
    PyException_SetContext(exc, Py_NewRef(handled));
}

void
_PyErr_SetObject(PyThreadState *tstate, PyObject *type, PyObject *value)
{
    if (type != NULL && !PyExceptionClass_Check(type)) {
        _PyErr_Format(tstate, PyExc_SystemError,
                      "_PyErr_SetObject: exception %R is not a BaseException subclass", type);
        return;
    }
    if (type == NULL) {
        _PyErr_Clear(tstate);
        return;
    }
    /* Creating the instance may run Python code that raises: then that error wins. */
    PyObject *saved = _PyErr_GetRaisedException(tstate);
    PyObject *exc = create_exception_instance(type, value);
    if (exc == NULL) {
        Py_XDECREF(saved);
        return;
    }
    Py_XDECREF(saved);
    if (!PyExceptionInstance_Check(exc)) {
        _PyErr_Format(tstate, PyExc_TypeError,
                      "calling %R should have returned an instance of BaseException, not %s",
                      type, Py_TYPE(exc)->tp_name);
        Py_DECREF(exc);
        return;
    }
    set_context_from_handled(tstate, exc);
    _PyErr_SetRaisedException(tstate, exc);
}

void
PyErr_SetObject(PyObject *type, PyObject *value)
{
    _PyErr_SetObject(_PyThreadState_GET(), type, value);
}

void
_PyErr_SetNone(PyThreadState *tstate, PyObject *type)
{
    _PyErr_SetObject(tstate, type, NULL);
}

void
PyErr_SetNone(PyObject *type)
{
    _PyErr_SetNone(_PyThreadState_GET(), type);
}

void
_PyErr_SetString(PyThreadState *tstate, PyObject *type, const char *message)
{
    PyObject *value = PyUnicode_FromString(message);
    if (value == NULL) {
        return;
    }
    _PyErr_SetObject(tstate, type, value);
    Py_DECREF(value);
}

void
PyErr_SetString(PyObject *type, const char *message)
{
    _PyErr_SetString(_PyThreadState_GET(), type, message);
}

PyObject *
_PyErr_FormatV(PyThreadState *tstate, PyObject *type, const char *format, va_list vargs)
{
    /* Formatting may call repr() of arbitrary objects; don't let a pending error confuse it. */
    _PyErr_Clear(tstate);
    PyObject *message = PyUnicode_FromFormatV(format, vargs);
    if (message != NULL) {
        _PyErr_SetObject(tstate, type, message);
        Py_DECREF(message);
    }
    return NULL;
}

PyObject *
_PyErr_Format(PyThreadState *tstate, PyObject *type, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    _PyErr_FormatV(tstate, type, format, vargs);
    va_end(vargs);
    return NULL;
}

PyObject *
PyErr_FormatV(PyObject *type, const char *format, va_list vargs)
{
    return _PyErr_FormatV(_PyThreadState_GET(), type, format, vargs);
}

PyObject *
PyErr_Format(PyObject *type, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    _PyErr_FormatV(_PyThreadState_GET(), type, format, vargs);
    va_end(vargs);
    return NULL;
}

/* ---- legacy triple API --------------------------------------------------------------------- */

/* Steals type, value and traceback. */
void
_PyErr_Restore(PyThreadState *tstate, PyObject *type, PyObject *value, PyObject *traceback)
{
    if (type == NULL) {
        Py_XDECREF(value);
        Py_XDECREF(traceback);
        _PyErr_Clear(tstate);
        return;
    }
    PyObject *exc;
    if (value != NULL && PyExceptionClass_Check(type) &&
        PyObject_TypeCheck(value, (PyTypeObject *)type)) {
        exc = value;
    }
    else if (PyExceptionClass_Check(type)) {
        exc = create_exception_instance(type, value);
        Py_XDECREF(value);
        if (exc == NULL) {
            Py_DECREF(type);
            Py_XDECREF(traceback);
            return;
        }
    }
    else {
        Py_XDECREF(value);
        Py_XDECREF(traceback);
        _PyErr_Format(tstate, PyExc_SystemError,
                      "exception %R is not a BaseException subclass", type);
        Py_DECREF(type);
        return;
    }
    Py_DECREF(type);
    if (traceback != NULL && traceback != Py_None) {
        if (PyException_SetTraceback(exc, traceback) < 0) {
            PyErr_Clear();
        }
    }
    Py_XDECREF(traceback);
    _PyErr_SetRaisedException(tstate, exc);
}

void
PyErr_Restore(PyObject *type, PyObject *value, PyObject *traceback)
{
    _PyErr_Restore(_PyThreadState_GET(), type, value, traceback);
}

/* New references (NULL when no exception is set); clears the indicator. */
void
_PyErr_Fetch(PyThreadState *tstate, PyObject **ptype, PyObject **pvalue, PyObject **ptb)
{
    PyObject *exc = _PyErr_GetRaisedException(tstate);
    *pvalue = exc;
    if (exc == NULL) {
        *ptype = NULL;
        *ptb = NULL;
        return;
    }
    *ptype = Py_NewRef(Py_TYPE(exc));
    *ptb = PyException_GetTraceback(exc);
}

void
PyErr_Fetch(PyObject **ptype, PyObject **pvalue, PyObject **ptb)
{
    _PyErr_Fetch(_PyThreadState_GET(), ptype, pvalue, ptb);
}

void
_PyErr_NormalizeException(PyThreadState *tstate, PyObject **ptype, PyObject **pvalue,
                          PyObject **ptb)
{
    PyObject *type = *ptype;
    if (type == NULL) {
        return;
    }
    PyObject *value = *pvalue;
    if (!PyExceptionClass_Check(type)) {
        return;
    }
    if (value != NULL && PyObject_TypeCheck(value, (PyTypeObject *)type)) {
        return;
    }
    PyObject *exc = create_exception_instance(type, value);
    if (exc == NULL) {
        /* Replace the triple by the error raised while normalizing. */
        PyObject *err = _PyErr_GetRaisedException(tstate);
        Py_DECREF(type);
        Py_XDECREF(value);
        *ptype = err ? Py_NewRef(Py_TYPE(err)) : NULL;
        *pvalue = err;
        return;
    }
    Py_XDECREF(value);
    *pvalue = exc;
    if (Py_TYPE(exc) != (PyTypeObject *)type) {
        Py_SETREF(*ptype, Py_NewRef(Py_TYPE(exc)));
    }
    (void)ptb;
}

void
PyErr_NormalizeException(PyObject **ptype, PyObject **pvalue, PyObject **ptb)
{
    _PyErr_NormalizeException(_PyThreadState_GET(), ptype, pvalue, ptb);
}

/* ---- the handled-exception stack ----------------------------------------------------------- */

_PyErr_StackItem *
_PyErr_GetTopmostException(PyThreadState *tstate)
{
    _PyErr_StackItem *item = tstate->exc_info;
    if (item == NULL) {
        return &tstate->exc_state;
    }
    while ((item->exc_value == NULL || item->exc_value == Py_None) &&
           item->previous_item != NULL) {
        item = item->previous_item;
    }
    return item;
}

PyObject *
_PyErr_GetHandledException(PyThreadState *tstate)
{
    _PyErr_StackItem *item = _PyErr_GetTopmostException(tstate);
    PyObject *exc = item->exc_value;
    if (exc == NULL || exc == Py_None) {
        return NULL;
    }
    return Py_NewRef(exc);
}

PyObject *
PyErr_GetHandledException(void)
{
    return _PyErr_GetHandledException(_PyThreadState_GET());
}

void
_PyErr_SetHandledException(PyThreadState *tstate, PyObject *exc)
{
    _PyErr_StackItem *item = tstate->exc_info ? tstate->exc_info : &tstate->exc_state;
    Py_XSETREF(item->exc_value, Py_XNewRef(exc == Py_None ? NULL : exc));
}

void
PyErr_SetHandledException(PyObject *exc)
{
    _PyErr_SetHandledException(_PyThreadState_GET(), exc);
}

void
PyErr_GetExcInfo(PyObject **ptype, PyObject **pvalue, PyObject **ptb)
{
    PyObject *exc = PyErr_GetHandledException();
    if (exc == NULL) {
        *ptype = Py_NewRef(Py_None);
        *pvalue = Py_NewRef(Py_None);
        *ptb = Py_NewRef(Py_None);
        return;
    }
    *ptype = Py_NewRef(Py_TYPE(exc));
    *pvalue = exc;
    PyObject *tb = PyException_GetTraceback(exc);
    *ptb = tb ? tb : Py_NewRef(Py_None);
}

/* Steals all three; only value is kept. */
void
PyErr_SetExcInfo(PyObject *type, PyObject *value, PyObject *tb)
{
    PyErr_SetHandledException(value);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
}

/* ---- matching ------------------------------------------------------------------------------ */

int
PyErr_GivenExceptionMatches(PyObject *given, PyObject *match)
{
    if (given == NULL || match == NULL) {
        return 0;
    }
    if (PyTuple_Check(match)) {
        Py_ssize_t n = PyTuple_GET_SIZE(match);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (PyErr_GivenExceptionMatches(given, PyTuple_GET_ITEM(match, i))) {
                return 1;
            }
        }
        return 0;
    }
    if (PyExceptionInstance_Check(given)) {
        given = PyExceptionInstance_Class(given);
    }
    if (PyExceptionClass_Check(given) && PyExceptionClass_Check(match)) {
        return PyType_IsSubtype((PyTypeObject *)given, (PyTypeObject *)match);
    }
    return given == match;
}

int
_PyErr_ExceptionMatches(PyThreadState *tstate, PyObject *exc)
{
    return PyErr_GivenExceptionMatches(_PyErr_Occurred(tstate), exc);
}

int
PyErr_ExceptionMatches(PyObject *exc)
{
    return _PyErr_ExceptionMatches(_PyThreadState_GET(), exc);
}

/* ---- common errors ------------------------------------------------------------------------- */

/* A MemoryError raised while creating a MemoryError must not recurse: the nested call uses a
 * preallocated instance, created (once, immortal, never mutated except its traceback and
 * context, which are reset on use) by the first PyErr_NoMemory call.  The nesting depth is
 * per thread. */
static PyObject *last_resort_memerror;
static _Thread_local int nomemory_depth;

PyObject *
_PyErr_NoMemory(PyThreadState *tstate)
{
    if (PyExc_MemoryError == NULL) {
        Py_FatalError("Out of memory and PyExc_MemoryError is not initialized yet");
    }
    if (nomemory_depth > 0) {
        if (last_resort_memerror == NULL) {
            Py_FatalError("Out of memory while creating a MemoryError");
        }
        PyBaseExceptionObject *exc = (PyBaseExceptionObject *)last_resort_memerror;
        Py_CLEAR(exc->traceback);
        Py_CLEAR(exc->context);
        Py_CLEAR(exc->cause);
        _PyErr_SetRaisedException(tstate, Py_NewRef(last_resort_memerror));
        return NULL;
    }
    nomemory_depth++;
    if (last_resort_memerror == NULL) {
        PyObject *saved = _PyErr_GetRaisedException(tstate);
        PyObject *inst = PyObject_CallNoArgs(PyExc_MemoryError);
        if (inst != NULL) {
            _Py_SetImmortal(inst);
            last_resort_memerror = inst;
        }
        _PyErr_SetRaisedException(tstate, saved);
    }
    _PyErr_SetNone(tstate, PyExc_MemoryError);
    nomemory_depth--;
    return NULL;
}

PyObject *
PyErr_NoMemory(void)
{
    return _PyErr_NoMemory(_PyThreadState_GET());
}

int
PyErr_BadArgument(void)
{
    PyErr_SetString(PyExc_TypeError, "bad argument type for built-in operation");
    return 0;
}

#undef PyErr_BadInternalCall
void
_PyErr_BadInternalCall(const char *filename, int lineno)
{
    PyErr_Format(PyExc_SystemError, "%s:%d: bad argument to internal function", filename,
                 lineno);
}

void
PyErr_BadInternalCall(void)
{
    PyErr_SetString(PyExc_SystemError, "bad argument to internal function");
}

void
_PyErr_SetKeyError(PyObject *key)
{
    PyObject *tuple = PyTuple_Pack(1, key);
    if (tuple == NULL) {
        return;
    }
    PyErr_SetObject(PyExc_KeyError, tuple);
    Py_DECREF(tuple);
}

/* ---- OSError from errno -------------------------------------------------------------------- */

PyObject *
PyErr_SetFromErrnoWithFilenameObjects(PyObject *exc, PyObject *filename, PyObject *filename2)
{
    int saved_errno = errno;
    if (saved_errno == EINTR && PyErr_CheckSignals()) {
        return NULL;
    }
    PyObject *message;
    if (saved_errno == 0) {
        message = PyUnicode_FromString("Error");
    }
    else {
        message = PyUnicode_DecodeLocale(strerror(saved_errno), "surrogateescape");
    }
    if (message == NULL) {
        return NULL;
    }
    PyObject *args;
    if (filename != NULL || filename2 != NULL) {
        args = Py_BuildValue("(iOOOO)", saved_errno, message, filename ? filename : Py_None,
                             Py_None, filename2 ? filename2 : Py_None);
        if (args != NULL && filename2 == NULL) {
            /* Three arguments when there is no second filename (matches CPython's args). */
            Py_SETREF(args, PyTuple_GetSlice(args, 0, 3));
        }
    }
    else {
        args = Py_BuildValue("(iO)", saved_errno, message);
    }
    Py_DECREF(message);
    if (args == NULL) {
        return NULL;
    }
    PyObject *value = PyObject_Call(exc, args, NULL);
    Py_DECREF(args);
    if (value != NULL) {
        PyErr_SetObject((PyObject *)Py_TYPE(value), value);
        Py_DECREF(value);
    }
    return NULL;
}

PyObject *
PyErr_SetFromErrnoWithFilenameObject(PyObject *exc, PyObject *filename)
{
    return PyErr_SetFromErrnoWithFilenameObjects(exc, filename, NULL);
}

PyObject *
PyErr_SetFromErrno(PyObject *exc)
{
    return PyErr_SetFromErrnoWithFilenameObjects(exc, NULL, NULL);
}

PyObject *
PyErr_SetFromErrnoWithFilename(PyObject *exc, const char *filename)
{
    if (filename == NULL) {
        return PyErr_SetFromErrno(exc);
    }
    int saved_errno = errno;
    PyObject *name = PyUnicode_DecodeFSDefault(filename);
    if (name == NULL) {
        return NULL;
    }
    errno = saved_errno;
    PyErr_SetFromErrnoWithFilenameObjects(exc, name, NULL);
    Py_DECREF(name);
    return NULL;
}

PyObject *
PyErr_SetImportErrorSubclass(PyObject *exception, PyObject *msg, PyObject *name,
                             PyObject *path)
{
    if (!PyExceptionClass_Check(exception) ||
        !PyType_IsSubtype((PyTypeObject *)exception, (PyTypeObject *)PyExc_ImportError)) {
        PyErr_SetString(PyExc_TypeError, "expected a subclass of ImportError");
        return NULL;
    }
    if (msg == NULL) {
        PyErr_SetString(PyExc_TypeError, "expected a message argument");
        return NULL;
    }
    PyObject *kwargs = PyDict_New();
    if (kwargs == NULL) {
        return NULL;
    }
    if (PyDict_SetItemString(kwargs, "name", name ? name : Py_None) < 0 ||
        PyDict_SetItemString(kwargs, "path", path ? path : Py_None) < 0) {
        Py_DECREF(kwargs);
        return NULL;
    }
    PyObject *args = PyTuple_Pack(1, msg);
    if (args == NULL) {
        Py_DECREF(kwargs);
        return NULL;
    }
    PyObject *error = PyObject_Call(exception, args, kwargs);
    Py_DECREF(args);
    Py_DECREF(kwargs);
    if (error != NULL) {
        PyErr_SetObject((PyObject *)Py_TYPE(error), error);
        Py_DECREF(error);
    }
    return NULL;
}

PyObject *
PyErr_SetImportError(PyObject *msg, PyObject *name, PyObject *path)
{
    return PyErr_SetImportErrorSubclass(PyExc_ImportError, msg, name, path);
}

/* ---- chaining ------------------------------------------------------------------------------ */

void
_PyErr_ChainExceptions1(PyObject *exc)
{
    if (exc == NULL) {
        return;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    if (_PyErr_Occurred(tstate)) {
        PyObject *current = _PyErr_GetRaisedException(tstate);
        if (current != exc) {
            PyException_SetContext(current, exc);
        }
        else {
            Py_DECREF(exc);
        }
        _PyErr_SetRaisedException(tstate, current);
    }
    else {
        _PyErr_SetRaisedException(tstate, exc);
    }
}

static PyObject *
format_from_cause_v(PyThreadState *tstate, PyObject *exception, const char *format,
                    va_list vargs)
{
    PyObject *cause = _PyErr_GetRaisedException(tstate);
    _PyErr_FormatV(tstate, exception, format, vargs);
    if (cause == NULL) {
        return NULL;
    }
    PyObject *exc = _PyErr_GetRaisedException(tstate);
    if (exc != NULL) {
        PyException_SetCause(exc, Py_NewRef(cause));
        PyException_SetContext(exc, Py_NewRef(cause));
    }
    Py_DECREF(cause);
    _PyErr_SetRaisedException(tstate, exc);
    return NULL;
}

PyObject *
_PyErr_FormatFromCauseTstate(PyThreadState *tstate, PyObject *exception, const char *format,
                             ...)
{
    va_list vargs;
    va_start(vargs, format);
    format_from_cause_v(tstate, exception, format, vargs);
    va_end(vargs);
    return NULL;
}

PyObject *
_PyErr_FormatFromCause(PyObject *exception, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    format_from_cause_v(_PyThreadState_GET(), exception, format, vargs);
    va_end(vargs);
    return NULL;
}

int
_PyErr_FetchStopIterationValue(PyObject **pvalue)
{
    PyThreadState *tstate = _PyThreadState_GET();
    *pvalue = NULL;
    if (!_PyErr_ExceptionMatches(tstate, PyExc_StopIteration)) {
        return 0;
    }
    PyObject *exc = _PyErr_GetRaisedException(tstate);
    PyObject *value = ((PyStopIterationObject *)exc)->value;
    *pvalue = Py_NewRef(value ? value : Py_None);
    Py_DECREF(exc);
    return 1;
}

/* ---- new exception classes ----------------------------------------------------------------- */

PyObject *
PyErr_NewExceptionWithDoc(const char *name, const char *doc, PyObject *base, PyObject *dict)
{
    const char *dot = strrchr(name, '.');
    if (dot == NULL) {
        PyErr_SetString(PyExc_SystemError,
                        "PyErr_NewException: name must be module.class");
        return NULL;
    }
    if (base == NULL) {
        base = PyExc_Exception;
    }
    PyObject *mydict = NULL, *bases = NULL, *result = NULL, *modulename = NULL;
    PyObject *classname = NULL;
    if (dict == NULL) {
        dict = mydict = PyDict_New();
        if (dict == NULL) {
            goto done;
        }
    }
    int r = PyDict_Contains(dict, _Py_ID(__module__));
    if (r < 0) {
        goto done;
    }
    if (r == 0) {
        modulename = PyUnicode_FromStringAndSize(name, dot - name);
        if (modulename == NULL || PyDict_SetItem(dict, _Py_ID(__module__), modulename) < 0) {
            goto done;
        }
    }
    if (doc != NULL) {
        PyObject *docobj = PyUnicode_FromString(doc);
        if (docobj == NULL) {
            goto done;
        }
        int rc = PyDict_SetItem(dict, _Py_ID(__doc__), docobj);
        Py_DECREF(docobj);
        if (rc < 0) {
            goto done;
        }
    }
    if (PyTuple_Check(base)) {
        bases = Py_NewRef(base);
    }
    else {
        bases = PyTuple_Pack(1, base);
        if (bases == NULL) {
            goto done;
        }
    }
    classname = PyUnicode_FromString(dot + 1);
    if (classname == NULL) {
        goto done;
    }
    result = PyObject_CallFunctionObjArgs((PyObject *)&PyType_Type, classname, bases, dict,
                                          NULL);
done:
    Py_XDECREF(mydict);
    Py_XDECREF(bases);
    Py_XDECREF(modulename);
    Py_XDECREF(classname);
    return result;
}

PyObject *
PyErr_NewException(const char *name, PyObject *base, PyObject *dict)
{
    return PyErr_NewExceptionWithDoc(name, NULL, base, dict);
}

/* ---- unraisable exceptions ----------------------------------------------------------------- */

/* Created at first use and published with a compare-and-swap (make_unraisable_args); never
 * replaced or released after. */
static PyTypeObject *unraisable_args_type;

static PyStructSequence_Field unraisable_fields[] = {
    {"exc_type", "Exception type"},
    {"exc_value", "Exception value"},
    {"exc_traceback", "Exception traceback"},
    {"err_msg", "Error message"},
    {"object", "Object causing the exception"},
    {NULL, NULL},
};

static PyStructSequence_Desc unraisable_desc = {
    "UnraisableHookArgs",
    "UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.",
    unraisable_fields,
    5,
};

static PyObject *
make_unraisable_args(PyObject *exc, PyObject *err_msg, PyObject *obj)
{
    /* Two threads may both find no type: the first to publish its own wins, the other drops
     * the type it made (no instance of it exists yet). */
    PyTypeObject *tp = _Py_atomic_load_ptr_acquire(&unraisable_args_type);
    if (tp == NULL) {
        PyTypeObject *fresh = PyStructSequence_NewType(&unraisable_desc);
        if (fresh == NULL) {
            return NULL;
        }
        PyTypeObject *expected = NULL;
        if (_Py_atomic_compare_exchange_ptr(&unraisable_args_type, &expected, fresh)) {
            tp = fresh;
        }
        else {
            Py_DECREF(fresh);
            tp = expected;
        }
    }
    PyObject *args = PyStructSequence_New(tp);
    if (args == NULL) {
        return NULL;
    }
    PyObject *tb = exc ? PyException_GetTraceback(exc) : NULL;
    PyStructSequence_SetItem(args, 0, Py_NewRef(exc ? (PyObject *)Py_TYPE(exc) : Py_None));
    PyStructSequence_SetItem(args, 1, Py_NewRef(exc ? exc : Py_None));
    PyStructSequence_SetItem(args, 2, tb ? tb : Py_NewRef(Py_None));
    PyStructSequence_SetItem(args, 3, Py_NewRef(err_msg ? err_msg : Py_None));
    PyStructSequence_SetItem(args, 4, Py_NewRef(obj ? obj : Py_None));
    return args;
}

extern void PyErr_DisplayException(PyObject *);

/* Write the report of sys.__unraisablehook__ to sys.stderr (or the C stderr). */
static void
write_unraisable_default(PyObject *exc, PyObject *err_msg, PyObject *obj)
{
    PyObject *line = NULL;
    if (obj != NULL && obj != Py_None) {
        if (err_msg != NULL && err_msg != Py_None) {
            line = PyUnicode_FromFormat("%U: %R", err_msg, obj);
        }
        else {
            line = PyUnicode_FromFormat("Exception ignored in: %R", obj);
        }
        if (line == NULL) {
            PyErr_Clear();
            line = PyUnicode_FromFormat("Exception ignored in: <object repr() failed>");
        }
    }
    else if (err_msg != NULL && err_msg != Py_None) {
        line = PyUnicode_FromFormat("%S:", err_msg);
        if (line == NULL) {
            PyErr_Clear();
        }
    }
    if (line != NULL) {
        const char *text = PyUnicode_AsUTF8(line);
        if (text != NULL) {
            PySys_WriteStderr("%s\n", text);
        }
        else {
            PyErr_Clear();
        }
        Py_DECREF(line);
    }
    if (exc != NULL) {
        PyErr_DisplayException(exc);
    }
    PyErr_Clear();
}

/* The implementation of sys.__unraisablehook__(args) for the runtime room.  Returns None. */
PyObject *
_PyErr_WriteUnraisableDefaultHook(PyObject *args)
{
    if (!PyTuple_Check(args) || PyTuple_GET_SIZE(args) < 5) {
        PyErr_SetString(PyExc_TypeError,
                        "sys.unraisablehook argument type must be UnraisableHookArgs");
        return NULL;
    }
    PyObject *value = PyTuple_GET_ITEM(args, 1);
    write_unraisable_default(value == Py_None ? NULL : value, PyTuple_GET_ITEM(args, 3),
                             PyTuple_GET_ITEM(args, 4));
    Py_RETURN_NONE;
}

static void
write_unraisable(PyObject *err_msg, PyObject *obj)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *exc = _PyErr_GetRaisedException(tstate);
    /* A new reference: the hook may be replaced (and freed) by another thread, or by the code
     * that runs while the arguments are built and the hook is called. */
    PyObject *hook;
    if (_PySys_GetOptionalAttr(_Py_ID(unraisablehook), &hook) < 0) {
        PyErr_Clear();
    }
    if (hook != NULL && hook != Py_None) {
        PyObject *args = make_unraisable_args(exc, err_msg, obj);
        if (args != NULL) {
            PyObject *res = PyObject_CallOneArg(hook, args);
            Py_DECREF(args);
            if (res != NULL) {
                Py_DECREF(res);
                Py_DECREF(hook);
                Py_XDECREF(exc);
                return;
            }
        }
        /* The hook failed: report both with the default writer. */
        PyObject *hook_exc = _PyErr_GetRaisedException(tstate);
        PyObject *msg = PyUnicode_FromString("Exception ignored in sys.unraisablehook");
        write_unraisable_default(hook_exc, msg, hook);
        Py_XDECREF(msg);
        Py_XDECREF(hook_exc);
    }
    else {
        PyErr_Clear();
    }
    Py_XDECREF(hook);
    write_unraisable_default(exc, err_msg, obj);
    Py_XDECREF(exc);
    _PyErr_Clear(tstate);
}

void
PyErr_WriteUnraisable(PyObject *obj)
{
    write_unraisable(NULL, obj);
}

void
_PyErr_WriteUnraisableMsg(const char *err_msg, PyObject *obj)
{
    PyObject *msg = NULL;
    if (err_msg != NULL) {
        PyObject *saved = PyErr_GetRaisedException();
        msg = PyUnicode_FromFormat("Exception ignored %s", err_msg);
        PyErr_Clear();
        PyErr_SetRaisedException(saved);
    }
    write_unraisable(msg, obj);
    Py_XDECREF(msg);
}

void
PyErr_FormatUnraisable(const char *format, ...)
{
    PyObject *msg = NULL;
    if (format != NULL) {
        PyObject *saved = PyErr_GetRaisedException();
        va_list va;
        va_start(va, format);
        msg = PyUnicode_FromFormatV(format, va);
        va_end(va);
        PyErr_Clear();
        PyErr_SetRaisedException(saved);
    }
    write_unraisable(msg, NULL);
    Py_XDECREF(msg);
}

/* ---- syntax error locations ---------------------------------------------------------------- */

PyObject *
PyErr_ProgramTextObject(PyObject *filename, int lineno)
{
    if (filename == NULL || lineno <= 0) {
        return NULL;
    }
    const char *path = PyUnicode_AsUTF8(filename);
    if (path == NULL) {
        PyErr_Clear();
        return NULL;
    }
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        return NULL;
    }
    char buf[1024];
    PyObject *result = NULL;
    int current = 1;
    size_t len = 0;
    char *line = NULL;
    /* Read line by line; a long line spans several fgets calls. */
    while (fgets(buf, sizeof(buf), fp) != NULL) {
        size_t n = strlen(buf);
        if (current == lineno) {
            char *grown = PyMem_Realloc(line, len + n + 1);
            if (grown == NULL) {
                break;
            }
            line = grown;
            memcpy(line + len, buf, n + 1);
            len += n;
        }
        if (n > 0 && buf[n - 1] == '\n') {
            if (current == lineno) {
                break;
            }
            current++;
        }
    }
    fclose(fp);
    if (line != NULL) {
        result = PyUnicode_DecodeUTF8(line, (Py_ssize_t)len, "replace");
        if (result == NULL) {
            PyErr_Clear();
        }
        PyMem_Free(line);
    }
    return result;
}

PyObject *
PyErr_ProgramText(const char *filename, int lineno)
{
    if (filename == NULL) {
        return NULL;
    }
    PyObject *name = PyUnicode_DecodeFSDefault(filename);
    if (name == NULL) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *res = PyErr_ProgramTextObject(name, lineno);
    Py_DECREF(name);
    return res;
}

void
PyErr_RangedSyntaxLocationObject(PyObject *filename, int lineno, int col_offset,
                                 int end_lineno, int end_col_offset)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *exc = _PyErr_GetRaisedException(tstate);
    if (exc == NULL) {
        return;
    }
    PyObject *tmp = PyLong_FromLong(lineno);
    if (tmp == NULL || PyObject_SetAttrString(exc, "lineno", tmp) < 0) {
        PyErr_Clear();
    }
    Py_XDECREF(tmp);
    tmp = PyLong_FromLong(col_offset >= 0 ? col_offset : 0);
    if (col_offset >= 0 && tmp != NULL) {
        if (PyObject_SetAttrString(exc, "offset", tmp) < 0) {
            PyErr_Clear();
        }
    }
    Py_XDECREF(tmp);
    if (end_lineno >= 0) {
        tmp = PyLong_FromLong(end_lineno);
        if (tmp == NULL || PyObject_SetAttrString(exc, "end_lineno", tmp) < 0) {
            PyErr_Clear();
        }
        Py_XDECREF(tmp);
    }
    if (end_col_offset >= 0) {
        tmp = PyLong_FromLong(end_col_offset);
        if (tmp == NULL || PyObject_SetAttrString(exc, "end_offset", tmp) < 0) {
            PyErr_Clear();
        }
        Py_XDECREF(tmp);
    }
    if (filename != NULL) {
        if (PyObject_SetAttrString(exc, "filename", filename) < 0) {
            PyErr_Clear();
        }
        PyObject *text = PyErr_ProgramTextObject(filename, lineno);
        if (text != NULL) {
            if (PyObject_SetAttrString(exc, "text", text) < 0) {
                PyErr_Clear();
            }
            Py_DECREF(text);
        }
    }
    PyErr_Clear();
    _PyErr_SetRaisedException(tstate, exc);
}

void
PyErr_SyntaxLocationObject(PyObject *filename, int lineno, int col_offset)
{
    PyErr_RangedSyntaxLocationObject(filename, lineno, col_offset, -1, -1);
}

void
PyErr_SyntaxLocationEx(const char *filename, int lineno, int col_offset)
{
    PyObject *name = NULL;
    if (filename != NULL) {
        PyObject *saved = PyErr_GetRaisedException();
        name = PyUnicode_DecodeFSDefault(filename);
        PyErr_Clear();
        PyErr_SetRaisedException(saved);
    }
    PyErr_SyntaxLocationObject(name, lineno, col_offset);
    Py_XDECREF(name);
}

void
PyErr_SyntaxLocation(const char *filename, int lineno)
{
    PyErr_SyntaxLocationEx(filename, lineno, -1);
}

/* ---- bounded printf ------------------------------------------------------------------------ */

int
PyOS_vsnprintf(char *str, size_t size, const char *format, va_list va)
{
    if (size == 0) {
        return vsnprintf(NULL, 0, format, va);
    }
    int len = vsnprintf(str, size, format, va);
    str[size - 1] = '\0';
    return len;
}

int
PyOS_snprintf(char *str, size_t size, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int len = PyOS_vsnprintf(str, size, format, va);
    va_end(va);
    return len;
}

int
_PyErr_InitTypes(void)
{
    return 0;
}
