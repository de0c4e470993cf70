/* The sys module (Include/sysmodule.h, Include/internal/pycore_sysmodule.h).
 *
 * The module dict is interp->sysdict.  Attributes that depend on the command line (argv,
 * flags, path, ...) are set by _PySys_UpdateConfig once Py_Main has parsed it. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_object.h"
#include "pycore_ceval.h"
#include "pycore_frame.h"
#include "pycore_gc.h"
#include "pycore_import.h"
#include "pycore_initconfig.h"
#include "pycore_pylifecycle.h"
#include "pycore_sysmodule.h"

/* Python/import.c: the initial sys.meta_path and sys.path_hooks (new references). */
extern PyObject *_PyImport_DefaultMetaPath(void);
extern PyObject *_PyImport_DefaultPathHooks(void);

#ifndef ABIFLAGS
#  ifdef Py_GIL_DISABLED
#    define ABIFLAGS "t"
#  else
#    define ABIFLAGS ""
#  endif
#endif


static PyObject *sysdict(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    return tstate ? tstate->interp->sysdict : NULL;
}

/* Borrowed: see PySys_GetObject for what makes that unsafe. */
PyObject *_PySys_GetAttr(PyThreadState *tstate, PyObject *name)
{
    PyObject *sd = tstate->interp->sysdict;
    if (sd == NULL) {
        return NULL;
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *value = PyDict_GetItemWithError(sd, name);
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
    return value;
}

/* The public API hands out a borrowed reference, which only the sys dict keeps alive: `sys.x =
 * y` in another thread (or in code the caller runs, such as a write() method or a __del__)
 * destroys the old value at once.  Inside the interpreter, use _PySys_GetOptionalAttr or
 * _PySys_GetOptionalAttrString (new references) whenever the value outlives a call that may
 * run Python code or wait for a lock, and in the free-threaded build for any use at all. */
PyObject *PySys_GetObject(const char *name)
{
    PyObject *sd = sysdict();
    if (sd == NULL) {
        return NULL;
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *value = PyDict_GetItemString(sd, name);
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
    return value;
}

/* PyDict_GetItemRef takes the reference while the dict still holds the value (in the
 * free-threaded build under the dict's lock or with its lock-free "increment, then re-check the
 * slot"), so a concurrent `sys.x = y` can no longer free what we return. */
int _PySys_GetOptionalAttr(PyObject *name, PyObject **result)
{
    PyObject *sd = sysdict();
    if (sd == NULL) {
        *result = NULL;
        return 0;
    }
    return PyDict_GetItemRef(sd, name, result);
}

int _PySys_GetOptionalAttrString(const char *name, PyObject **result)
{
    PyObject *sd = sysdict();
    if (sd == NULL) {
        *result = NULL;
        return 0;
    }
    return PyDict_GetItemStringRef(sd, name, result);
}

PyObject *_PySys_GetRequiredAttrString(const char *name)
{
    PyObject *value;
    int found = _PySys_GetOptionalAttrString(name, &value);
    if (found == 0) {
        PyErr_Format(PyExc_RuntimeError, "lost sys.%s", name);
    }
    return value;
}

PyObject *_PySys_GetRequiredAttr(PyObject *name)
{
    PyObject *value;
    int found = _PySys_GetOptionalAttr(name, &value);
    if (found == 0) {
        PyErr_Format(PyExc_RuntimeError, "lost sys.%U", name);
    }
    return value;
}

int _PySys_SetAttr(PyObject *name, PyObject *value)
{
    PyObject *sd = sysdict();
    if (sd == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "no sys module");
        return -1;
    }
    if (value == NULL) {
        int rc = PyDict_DelItem(sd, name);
        if (rc < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            return 0;
        }
        return rc;
    }
    return PyDict_SetItem(sd, name, value);
}

int PySys_SetObject(const char *name, PyObject *v)
{
    PyObject *key = PyUnicode_InternFromString(name);
    if (key == NULL) {
        return -1;
    }
    int rc = _PySys_SetAttr(key, v);
    Py_DECREF(key);
    return rc;
}

/* ---- writing to sys.stdout / sys.stderr ---- */

/* The write() method may replace sys.<stream_name>: hold our own reference to the file. */
static void sys_write(const char *stream_name, FILE *fallback, PyObject *text)
{
    PyObject *file;
    if (_PySys_GetOptionalAttrString(stream_name, &file) < 0) {
        PyErr_Clear();
    }
    if (file != NULL && file != Py_None) {
        int rc = PyFile_WriteObject(text, file, Py_PRINT_RAW);
        Py_DECREF(file);
        if (rc == 0) {
            return;
        }
        PyErr_Clear();
    }
    else {
        Py_XDECREF(file);
    }
    Py_ssize_t size;
    const char *utf8 = PyUnicode_AsUTF8AndSize(text, &size);
    if (utf8 == NULL) {
        PyErr_Clear();
        return;
    }
    fwrite(utf8, 1, (size_t)size, fallback);
}

static void sys_write_bytes(const char *stream_name, FILE *fallback, const char *format,
                            va_list va)
{
    char buffer[1001];
    PyObject *exc = PyErr_GetRaisedException();
    vsnprintf(buffer, sizeof(buffer), format, va);
    PyObject *text = PyUnicode_DecodeUTF8(buffer, (Py_ssize_t)strlen(buffer), "replace");
    if (text != NULL) {
        sys_write(stream_name, fallback, text);
        Py_DECREF(text);
    }
    else {
        PyErr_Clear();
        fputs(buffer, fallback);
    }
    PyErr_SetRaisedException(exc);
}

void PySys_WriteStdout(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_write_bytes("stdout", stdout, format, va);
    va_end(va);
}

void PySys_WriteStderr(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_write_bytes("stderr", stderr, format, va);
    va_end(va);
}

static void sys_format(const char *stream_name, FILE *fallback, const char *format, va_list va)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *text = PyUnicode_FromFormatV(format, va);
    if (text != NULL) {
        sys_write(stream_name, fallback, text);
        Py_DECREF(text);
    }
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
}

void PySys_FormatStdout(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_format("stdout", stdout, format, va);
    va_end(va);
}

void PySys_FormatStderr(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_format("stderr", stderr, format, va);
    va_end(va);
}

/* ---- file helpers (Include/fileobject.h) ---- */

int PyFile_WriteObject(PyObject *v, PyObject *f, int flags)
{
    if (f == NULL) {
        PyErr_SetString(PyExc_TypeError, "writeobject with NULL file");
        return -1;
    }
    PyObject *text = (flags & Py_PRINT_RAW) ? PyObject_Str(v) : PyObject_Repr(v);
    if (text == NULL) {
        return -1;
    }
    PyObject *r = PyObject_CallMethodOneArg(f, _Py_ID(write), text);
    Py_DECREF(text);
    if (r == NULL) {
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

int PyFile_WriteString(const char *s, PyObject *f)
{
    if (f == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "null file for PyFile_WriteString");
        }
        return -1;
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    PyObject *text = PyUnicode_FromString(s);
    if (text == NULL) {
        return -1;
    }
    int rc = PyFile_WriteObject(text, f, Py_PRINT_RAW);
    Py_DECREF(text);
    return rc;
}

PyObject *PyFile_GetLine(PyObject *f, int n)
{
    PyObject *result;
    if (n <= 0) {
        result = PyObject_CallMethod(f, "readline", NULL);
    }
    else {
        result = PyObject_CallMethod(f, "readline", "i", n);
    }
    if (result == NULL || n >= 0) {
        return result;
    }
    if (!PyUnicode_Check(result) && !PyBytes_Check(result)) {
        Py_DECREF(result);
        PyErr_SetString(PyExc_TypeError, "object.readline() returned non-string");
        return NULL;
    }
    Py_ssize_t len = PyObject_Length(result);
    if (len == 0) {
        Py_DECREF(result);
        PyErr_SetString(PyExc_EOFError, "EOF when reading a line");
        return NULL;
    }
    if (PyUnicode_Check(result)) {
        if (PyUnicode_READ_CHAR(result, len - 1) == '\n') {
            Py_SETREF(result, PyUnicode_Substring(result, 0, len - 1));
        }
    }
    else if (PyBytes_AS_STRING(result)[len - 1] == '\n') {
        Py_SETREF(result, PyBytes_FromStringAndSize(PyBytes_AS_STRING(result), len - 1));
    }
    return result;
}

PyObject *PyFile_FromFd(int fd, const char *name, const char *mode, int buffering,
                        const char *encoding, const char *errors, const char *newline,
                        int closefd)
{
    PyObject *fdobj = PyLong_FromLong(fd);
    if (fdobj == NULL) {
        return NULL;
    }
    PyObject *f = _PyStdio_Open(fdobj, mode, buffering, errors, closefd);
    Py_DECREF(fdobj);
    return f;
}

PyObject *PyFile_OpenCodeObject(PyObject *path)
{
    return _PyStdio_Open(path, "rb", -1, NULL, 1);
}

PyObject *PyFile_OpenCode(const char *utf8path)
{
    PyObject *path = PyUnicode_FromString(utf8path);
    if (path == NULL) {
        return NULL;
    }
    PyObject *f = PyFile_OpenCodeObject(path);
    Py_DECREF(path);
    return f;
}

/* ---- sys functions ---- */

static PyObject *sys_exit(PyObject *module, PyObject *args)
{
    PyObject *status = NULL;
    if (!PyArg_UnpackTuple(args, "exit", 0, 1, &status)) {
        return NULL;
    }
    PyErr_SetObject(PyExc_SystemExit, status ? status : Py_None);
    return NULL;
}

static PyObject *sys_getrefcount(PyObject *module, PyObject *arg)
{
    return PyLong_FromSsize_t(Py_REFCNT(arg));
}

static PyObject *sys_getsizeof(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"object", "default", NULL};
    PyObject *o, *dflt = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:getsizeof", kwlist, &o, &dflt)) {
        return NULL;
    }
    PyObject *method = _PyType_LookupRef(Py_TYPE(o), _Py_ID(__sizeof__));
    if (method == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "Type %.100s doesn't define __sizeof__",
                         Py_TYPE(o)->tp_name);
        }
    }
    else {
        PyObject *res = PyObject_CallOneArg(method, o);
        Py_DECREF(method);
        if (res != NULL) {
            Py_ssize_t size = PyLong_AsSsize_t(res);
            Py_DECREF(res);
            if (size == -1 && PyErr_Occurred()) {
                return NULL;
            }
            if (size < 0) {
                PyErr_SetString(PyExc_ValueError, "__sizeof__() should return >= 0");
                return NULL;
            }
            if (PyObject_IS_GC(o)) {
                size += sizeof(PyGC_Head);
            }
            return PyLong_FromSsize_t(size);
        }
    }
    if (dflt != NULL && PyErr_ExceptionMatches(PyExc_TypeError)) {
        PyErr_Clear();
        return Py_NewRef(dflt);
    }
    return NULL;
}

static PyObject *sys_intern(PyObject *module, PyObject *s)
{
    if (!PyUnicode_CheckExact(s)) {
        return PyErr_Format(PyExc_TypeError, "intern() argument must be str, not %.50s",
                            Py_TYPE(s)->tp_name);
    }
    Py_INCREF(s);
    PyUnicode_InternInPlace(&s);
    return s;
}

static PyObject *sys_exception(PyObject *module, PyObject *unused)
{
    PyObject *exc = PyErr_GetHandledException();
    if (exc == NULL) {
        Py_RETURN_NONE;
    }
    return exc;
}

static PyObject *sys_exc_info(PyObject *module, PyObject *unused)
{
    PyObject *exc = PyErr_GetHandledException();
    if (exc == NULL || exc == Py_None) {
        Py_XDECREF(exc);
        return Py_BuildValue("(OOO)", Py_None, Py_None, Py_None);
    }
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *r = Py_BuildValue("(OOO)", (PyObject *)Py_TYPE(exc), exc, tb ? tb : Py_None);
    Py_XDECREF(tb);
    Py_DECREF(exc);
    return r;
}

/* New reference to the frame `depth` levels up, or NULL with ValueError. */
static PyFrameObject *frame_at_depth(int depth)
{
    PyFrameObject *f = PyEval_GetFrame();
    Py_XINCREF(f);
    while (depth > 0 && f != NULL) {
        PyFrameObject *back = PyFrame_GetBack(f);
        Py_DECREF(f);
        f = back;
        depth--;
    }
    if (f == NULL) {
        PyErr_SetString(PyExc_ValueError, "call stack is not deep enough");
    }
    return f;
}

static PyObject *sys_getframe(PyObject *module, PyObject *args)
{
    int depth = 0;
    if (!PyArg_ParseTuple(args, "|i:_getframe", &depth)) {
        return NULL;
    }
    return (PyObject *)frame_at_depth(depth);
}

static PyObject *sys_getframemodulename(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"depth", NULL};
    int depth = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|i:_getframemodulename", kwlist, &depth)) {
        return NULL;
    }
    PyFrameObject *f = PyEval_GetFrame();
    Py_XINCREF(f);
    while (depth > 0 && f != NULL) {
        PyFrameObject *back = PyFrame_GetBack(f);
        Py_DECREF(f);
        f = back;
        depth--;
    }
    if (f == NULL) {
        Py_RETURN_NONE;
    }
    PyObject *globals = PyFrame_GetGlobals(f);
    Py_DECREF(f);
    if (globals == NULL) {
        return NULL;
    }
    PyObject *name;
    int found = PyDict_GetItemRef(globals, _Py_ID(__name__), &name);
    Py_DECREF(globals);
    if (found < 0) {
        return NULL;
    }
    if (name == NULL) {
        Py_RETURN_NONE;
    }
    return name;
}

static PyObject *sys_getrecursionlimit(PyObject *module, PyObject *unused)
{
    return PyLong_FromLong(Py_GetRecursionLimit());
}

static PyObject *sys_setrecursionlimit(PyObject *module, PyObject *arg)
{
    if (PyFloat_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    int new_limit = PyLong_AsInt(arg);
    if (new_limit == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (new_limit < 1) {
        PyErr_SetString(PyExc_ValueError, "recursion limit must be greater or equal than 1");
        return NULL;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    int depth = tstate->py_recursion_limit - tstate->py_recursion_remaining;
    if (depth >= new_limit) {
        PyErr_Format(PyExc_RecursionError, "cannot set the recursion limit to %i at the "
                     "recursion depth %i: the limit is too low", new_limit, depth);
        return NULL;
    }
    Py_SetRecursionLimit(new_limit);
    Py_RETURN_NONE;
}

static PyObject *sys_getswitchinterval(PyObject *module, PyObject *unused)
{
    return PyFloat_FromDouble(1e-6 * (double)_PyEval_GetSwitchInterval());
}

static PyObject *sys_setswitchinterval(PyObject *module, PyObject *arg)
{
    double interval = PyFloat_AsDouble(arg);
    if (interval == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    if (interval <= 0.0) {
        PyErr_SetString(PyExc_ValueError, "switch interval must be strictly positive");
        return NULL;
    }
    _PyEval_SetSwitchInterval((unsigned long)(1e6 * interval));
    Py_RETURN_NONE;
}

static PyObject *sys_is_gil_enabled(PyObject *module, PyObject *unused)
{
    /* The free-threaded build still runs with the GIL until the free-threaded issue lands,
     * so both builds answer True for now. */
    return PyBool_FromLong(_Py_atomic_load_int_relaxed(&_PyInterpreterState_GET()->gil.enabled));
}

static PyObject *sys_getdefaultencoding(PyObject *module, PyObject *unused)
{
    return PyUnicode_FromString("utf-8");
}

static PyObject *sys_getfilesystemencoding(PyObject *module, PyObject *unused)
{
    return PyUnicode_FromString("utf-8");
}

static PyObject *sys_getfilesystemencodeerrors(PyObject *module, PyObject *unused)
{
    return PyUnicode_FromString("surrogateescape");
}

/* Trace and profile functions are stored on the thread state (c_traceobj/c_profileobj);
 * the eval loop calls c_tracefunc/c_profilefunc, i.e. these trampolines, which call the
 * Python-level functions with (frame, event, arg) as CPython does.  The loop reports every
 * event of every frame; the trace trampoline passes the "call" event to the global trace
 * function and the others to the frame's local one (f_trace), if any. */

/* The event name of `what`: a borrowed, immortal str, or NULL with an exception set. */
static PyObject *trace_event_name(int what)
{
    switch (what) {
    case PyTrace_CALL: return _Py_ID(call);
    case PyTrace_EXCEPTION: return _Py_ID(exception);
    case PyTrace_LINE: return _Py_ID(line);
    case PyTrace_RETURN: return _Py_ID(return);
    case PyTrace_C_CALL: return _Py_ID(c_call);
    case PyTrace_C_EXCEPTION: return _Py_ID(c_exception);
    case PyTrace_C_RETURN: return _Py_ID(c_return);
    case PyTrace_OPCODE: return _Py_ID(opcode);
    default:
        PyErr_SetString(PyExc_SystemError, "invalid trace event");
        return NULL;
    }
}

/* Call callback(frame, event, arg).  New reference or NULL. */
static PyObject *call_trace_function(PyObject *callback, PyFrameObject *frame, int what,
                                     PyObject *arg)
{
    PyObject *event = trace_event_name(what);
    if (event == NULL) {
        return NULL;
    }
    PyObject *args[3] = {(PyObject *)frame, event, arg ? arg : Py_None};
    return PyObject_Vectorcall(callback, args, 3, NULL);
}

static int profile_trampoline(PyObject *self, PyFrameObject *frame, int what, PyObject *arg)
{
    PyObject *r = call_trace_function(self, frame, what, arg);
    if (r == NULL) {
        PyThreadState *tstate = _PyThreadState_GET();
        tstate->c_profilefunc = NULL;
        Py_CLEAR(tstate->c_profileobj);
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

/* The C trace function sys.settrace installs.  Python/ceval.c recognises it: it has nothing
 * to do for the line events of a frame without a local trace function, so the eval loop
 * skips them. */
int _PySys_TraceTrampoline(PyObject *self, PyFrameObject *frame, int what, PyObject *arg)
{
    /* The frame's local trace function is read directly: most events of a traced program
     * happen in frames that have none. */
    PyObject *callback = what == PyTrace_CALL ? self : frame->f_trace;
    if (callback == NULL || callback == Py_None) {
        return 0;
    }
    Py_INCREF(callback);
    PyObject *r = call_trace_function(callback, frame, what, arg);
    Py_DECREF(callback);
    if (r == NULL) {
        PyThreadState *tstate = _PyThreadState_GET();
        tstate->c_tracefunc = NULL;
        Py_CLEAR(tstate->c_traceobj);
        Py_CLEAR(frame->f_trace);
        return -1;
    }
    int rc = 0;
    if (r != Py_None) {
        rc = PyObject_SetAttrString((PyObject *)frame, "f_trace", r);
    }
    Py_DECREF(r);
    return rc;
}

static PyObject *sys_settrace(PyObject *module, PyObject *func)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (func == Py_None) {
        Py_CLEAR(tstate->c_traceobj);
        tstate->c_tracefunc = NULL;
    }
    else {
        Py_XSETREF(tstate->c_traceobj, Py_NewRef(func));
        tstate->c_tracefunc = _PySys_TraceTrampoline;
    }
    Py_RETURN_NONE;
}

static PyObject *sys_gettrace(PyObject *module, PyObject *unused)
{
    PyThreadState *tstate = _PyThreadState_GET();
    return Py_NewRef(tstate->c_traceobj ? tstate->c_traceobj : Py_None);
}

static PyObject *sys_setprofile(PyObject *module, PyObject *func)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (func == Py_None) {
        Py_CLEAR(tstate->c_profileobj);
        tstate->c_profilefunc = NULL;
    }
    else {
        Py_XSETREF(tstate->c_profileobj, Py_NewRef(func));
        tstate->c_profilefunc = (Py_tracefunc)profile_trampoline;
    }
    Py_RETURN_NONE;
}

/* sys._settraceallthreads / sys._setprofileallthreads (threading.settrace_all_threads and
 * setprofile_all_threads): the same hooks in every thread of the interpreter, installed
 * with the world stopped (Python/legacy_tracing.c). */
static PyObject *sys_settraceallthreads(PyObject *module, PyObject *func)
{
    if (func == Py_None) {
        PyEval_SetTraceAllThreads(NULL, NULL);
    }
    else {
        PyEval_SetTraceAllThreads(_PySys_TraceTrampoline, func);
    }
    Py_RETURN_NONE;
}

static PyObject *sys_setprofileallthreads(PyObject *module, PyObject *func)
{
    if (func == Py_None) {
        PyEval_SetProfileAllThreads(NULL, NULL);
    }
    else {
        PyEval_SetProfileAllThreads((Py_tracefunc)profile_trampoline, func);
    }
    Py_RETURN_NONE;
}

static PyObject *sys_getprofile(PyObject *module, PyObject *unused)
{
    PyThreadState *tstate = _PyThreadState_GET();
    return Py_NewRef(tstate->c_profileobj ? tstate->c_profileobj : Py_None);
}

static PyObject *sys_get_int_max_str_digits(PyObject *module, PyObject *unused)
{
    return PyLong_FromLong(_PyInterpreterState_GET()->int_max_str_digits);
}

static PyObject *sys_set_int_max_str_digits(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"maxdigits", NULL};
    int maxdigits;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i:set_int_max_str_digits", kwlist,
                                     &maxdigits)) {
        return NULL;
    }
    if (maxdigits != 0 && maxdigits < 640) {
        return PyErr_Format(PyExc_ValueError, "maxdigits must be 0 or larger than %d", 640);
    }
    _PyInterpreterState_GET()->int_max_str_digits = maxdigits;
    Py_RETURN_NONE;
}

#ifdef Py_REF_DEBUG
static PyObject *sys_gettotalrefcount(PyObject *module, PyObject *unused)
{
    return PyLong_FromSsize_t(_Py_GetRefTotal());
}
#endif

static PyObject *sys_call_tracing(PyObject *module, PyObject *args)
{
    PyObject *func, *funcargs;
    if (!PyArg_ParseTuple(args, "OO!:call_tracing", &func, &PyTuple_Type, &funcargs)) {
        return NULL;
    }
    return PyObject_Call(func, funcargs, NULL);
}

static PyObject *sys_getallocatedblocks(PyObject *module, PyObject *unused)
{
    return PyLong_FromLong(0);
}

static PyObject *sys_is_finalizing(PyObject *module, PyObject *unused)
{
    return PyBool_FromLong(_Py_IsFinalizing());
}

static PyObject *sys_audit(PyObject *module, PyObject *args)
{
    if (PyTuple_GET_SIZE(args) == 0) {
        PyErr_SetString(PyExc_TypeError, "audit() missing 1 required positional argument: "
                        "'event'");
        return NULL;
    }
    if (!PyUnicode_Check(PyTuple_GET_ITEM(args, 0))) {
        return PyErr_Format(PyExc_TypeError, "expected str for argument 'event', not %.200s",
                            Py_TYPE(PyTuple_GET_ITEM(args, 0))->tp_name);
    }
    Py_RETURN_NONE;
}

static PyObject *sys_addaudithook(PyObject *module, PyObject *hook)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (interp->audit_hooks == NULL) {
        interp->audit_hooks = PyList_New(0);
        if (interp->audit_hooks == NULL) {
            return NULL;
        }
    }
    if (PyList_Append(interp->audit_hooks, hook) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

int PySys_Audit(const char *event, const char *format, ...)
{
    return 0;
}

int PySys_AuditTuple(const char *event, PyObject *args)
{
    return 0;
}

int PySys_AddAuditHook(Py_AuditHookFunction hook, void *data)
{
    return 0;
}

/* sys.displayhook: print repr(value) to sys.stdout and store it in builtins._ */
static PyObject *sys_displayhook(PyObject *module, PyObject *o)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *builtins = tstate->interp->builtins;
    if (o == Py_None) {
        Py_RETURN_NONE;
    }
    if (PyDict_SetItem(builtins, _Py_ID(_), Py_None) < 0) {
        return NULL;
    }
    PyObject *out;
    if (_PySys_GetOptionalAttr(_Py_ID(stdout), &out) < 0) {
        return NULL;
    }
    if (out == NULL || out == Py_None) {
        Py_XDECREF(out);
        PyErr_SetString(PyExc_RuntimeError, "lost sys.stdout");
        return NULL;
    }
    PyObject *repr = PyObject_Repr(o);
    if (repr == NULL) {
        Py_DECREF(out);
        return NULL;
    }
    PyObject *r = PyObject_CallMethodOneArg(out, _Py_ID(write), repr);
    Py_DECREF(repr);
    if (r == NULL) {
        Py_DECREF(out);
        return NULL;
    }
    Py_DECREF(r);
    if (PyFile_WriteString("\n", out) < 0) {
        Py_DECREF(out);
        return NULL;
    }
    Py_DECREF(out);
    if (PyDict_SetItem(builtins, _Py_ID(_), o) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *sys_excepthook(PyObject *module, PyObject *args)
{
    PyObject *exctype, *value, *tb;
    if (!PyArg_UnpackTuple(args, "excepthook", 3, 3, &exctype, &value, &tb)) {
        return NULL;
    }
    PyErr_Display(exctype, value, tb);
    Py_RETURN_NONE;
}

/* Default sys.unraisablehook: "Exception ignored in: <obj>" + traceback. */
static PyObject *sys_unraisablehook(PyObject *module, PyObject *arg)
{
    PyObject *err;
    if (_PySys_GetOptionalAttr(_Py_ID(stderr), &err) < 0) {
        return NULL;
    }
    if (err == NULL || err == Py_None) {
        Py_XDECREF(err);
        Py_RETURN_NONE;
    }
    PyObject *exc_value = PyObject_GetAttrString(arg, "exc_value");
    PyObject *err_msg = PyObject_GetAttrString(arg, "err_msg");
    PyObject *obj = PyObject_GetAttrString(arg, "object");
    if (exc_value == NULL || err_msg == NULL || obj == NULL) {
        Py_XDECREF(exc_value);
        Py_XDECREF(err_msg);
        Py_XDECREF(obj);
        Py_DECREF(err);
        return NULL;
    }
    /* "<err_msg or 'Exception ignored in'>: <repr(obj)>", or "<err_msg>:" without an object,
     * or no header line at all when there is neither (as CPython's hook). */
    int rc = 0;
    if (obj != Py_None) {
        if (err_msg != Py_None) {
            rc = PyFile_WriteObject(err_msg, err, Py_PRINT_RAW);
        }
        else {
            rc = PyFile_WriteString("Exception ignored in", err);
        }
        if (rc == 0) {
            rc = PyFile_WriteString(": ", err);
        }
        if (rc == 0 && PyFile_WriteObject(obj, err, 0) < 0) {
            PyErr_Clear();
            rc = PyFile_WriteString("<object repr() failed>", err);
        }
        if (rc == 0) {
            rc = PyFile_WriteString("\n", err);
        }
    }
    else if (err_msg != Py_None) {
        rc = PyFile_WriteObject(err_msg, err, Py_PRINT_RAW);
        if (rc == 0) {
            rc = PyFile_WriteString(":\n", err);
        }
    }
    if (rc == 0 && exc_value != Py_None) {
        PyErr_DisplayException(exc_value);
    }
    Py_DECREF(exc_value);
    Py_DECREF(err_msg);
    Py_DECREF(obj);
    Py_DECREF(err);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* sys.breakpointhook: call the function named by $PYTHONBREAKPOINT ("0" disables; empty or
 * unset means pdb.set_trace), as CPython does. */
static PyObject *sys_breakpointhook(PyObject *module, PyObject *args, PyObject *kwds)
{
    const char *env = _Py_CoreConfig.use_environment ? getenv("PYTHONBREAKPOINT") : NULL;
    if (env != NULL && strcmp(env, "0") == 0) {
        Py_RETURN_NONE;
    }
    const char *hookname = (env == NULL || env[0] == '\0') ? "pdb.set_trace" : env;
    const char *dot = strrchr(hookname, '.');
    PyObject *modname, *attrname;
    if (dot == NULL) {
        modname = PyUnicode_FromString("builtins");
        attrname = PyUnicode_FromString(hookname);
    }
    else {
        modname = PyUnicode_FromStringAndSize(hookname, dot - hookname);
        attrname = PyUnicode_FromString(dot + 1);
    }
    if (modname == NULL || attrname == NULL) {
        Py_XDECREF(modname);
        Py_XDECREF(attrname);
        return NULL;
    }
    PyObject *mod = PyImport_Import(modname);
    PyObject *hook = mod != NULL ? PyObject_GetAttr(mod, attrname) : NULL;
    Py_XDECREF(mod);
    Py_DECREF(modname);
    Py_DECREF(attrname);
    if (hook == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_ImportError) &&
            !PyErr_ExceptionMatches(PyExc_AttributeError)) {
            return NULL;
        }
        PyErr_Clear();
        if (PyErr_WarnFormat(PyExc_RuntimeWarning, 0,
                             "Ignoring unimportable $PYTHONBREAKPOINT: \"%s\"", hookname) < 0) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    PyObject *r = PyObject_Call(hook, args, kwds);
    Py_DECREF(hook);
    return r;
}

/* {thread id: innermost frame} (frames=1) or {thread id: handled exception} for every
 * thread state of the interpreter. */
static PyObject *current_thread_map(int frames)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    PyObject *result = PyDict_New();
    if (result == NULL) {
        return NULL;
    }
    PyObject *items = PyList_New(0);
    /* The other threads' frames and exceptions change as they run, and making a frame object
     * writes into a thread's frame: read them with the world stopped (free-threaded build;
     * the GIL does it in the other).  Only references are taken and objects allocated until
     * it restarts. */
    _PyEval_StopTheWorld(interp);
    pthread_mutex_lock(&interp->threads.mutex);
    for (PyThreadState *t = interp->threads.head; t != NULL && items != NULL; t = t->next) {
        PyObject *value;
        if (frames) {
            value = (PyObject *)PyThreadState_GetFrame(t);
        }
        else {
            _PyErr_StackItem *info = t->exc_info;
            while (info != NULL && (info->exc_value == NULL || info->exc_value == Py_None)) {
                info = info->previous_item;
            }
            value = info != NULL ? Py_NewRef(info->exc_value) : NULL;
        }
        if (value == NULL) {
            continue;
        }
        PyObject *pair = Py_BuildValue("(kN)", t->thread_id, value);
        if (pair == NULL || PyList_Append(items, pair) < 0) {
            Py_CLEAR(items);
        }
        Py_XDECREF(pair);
    }
    pthread_mutex_unlock(&interp->threads.mutex);
    _PyEval_StartTheWorld(interp);
    if (items == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        PyObject *pair = PyList_GET_ITEM(items, i);
        if (PyDict_SetItem(result, PyTuple_GET_ITEM(pair, 0), PyTuple_GET_ITEM(pair, 1)) < 0) {
            Py_DECREF(items);
            Py_DECREF(result);
            return NULL;
        }
    }
    Py_DECREF(items);
    return result;
}

static PyObject *sys_current_frames(PyObject *module, PyObject *unused)
{
    return current_thread_map(1);
}

static PyObject *sys_current_exceptions(PyObject *module, PyObject *unused)
{
    return current_thread_map(0);
}

static PyStructSequence_Field asyncgen_hooks_fields[] = {
    {"firstiter", "Hook to intercept first iteration"},
    {"finalizer", "Hook to intercept finalization"},
    {NULL, NULL},
};
static PyStructSequence_Desc asyncgen_hooks_desc = {
    "asyncgen_hooks", "asyncgen_hooks\n\nA named tuple providing information about "
    "asynchronous\ngenerators hooks.", asyncgen_hooks_fields, 2,
};

static PyObject *sys_get_asyncgen_hooks(PyObject *module, PyObject *unused)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyTypeObject *type = PyStructSequence_NewType(&asyncgen_hooks_desc);
    if (type == NULL) {
        return NULL;
    }
    PyObject *r = PyStructSequence_New(type);
    Py_DECREF(type);
    if (r == NULL) {
        return NULL;
    }
    PyObject *first = tstate->async_gen_firstiter;
    PyObject *fin = tstate->async_gen_finalizer;
    PyStructSequence_SetItem(r, 0, Py_NewRef(first ? first : Py_None));
    PyStructSequence_SetItem(r, 1, Py_NewRef(fin ? fin : Py_None));
    return r;
}

/* sys.set_asyncgen_hooks([firstiter] [, finalizer]): an omitted hook is unchanged. */
static PyObject *sys_set_asyncgen_hooks(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"firstiter", "finalizer", NULL};
    PyObject *firstiter = NULL, *finalizer = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:set_asyncgen_hooks", kwlist,
                                     &firstiter, &finalizer)) {
        return NULL;
    }
    if (finalizer != NULL && finalizer != Py_None && !PyCallable_Check(finalizer)) {
        return PyErr_Format(PyExc_TypeError, "callable finalizer expected, got %.50s",
                            Py_TYPE(finalizer)->tp_name);
    }
    if (firstiter != NULL && firstiter != Py_None && !PyCallable_Check(firstiter)) {
        return PyErr_Format(PyExc_TypeError, "callable firstiter expected, got %.50s",
                            Py_TYPE(firstiter)->tp_name);
    }
    PyThreadState *tstate = _PyThreadState_GET();
    if (finalizer != NULL) {
        Py_XSETREF(tstate->async_gen_finalizer,
                   finalizer == Py_None ? NULL : Py_NewRef(finalizer));
    }
    if (firstiter != NULL) {
        Py_XSETREF(tstate->async_gen_firstiter,
                   firstiter == Py_None ? NULL : Py_NewRef(firstiter));
    }
    Py_RETURN_NONE;
}

static PyObject *sys_get_coroutine_origin_tracking_depth(PyObject *module, PyObject *unused)
{
    return PyLong_FromLong(_PyThreadState_GET()->coroutine_origin_tracking_depth);
}

static PyObject *sys_set_coroutine_origin_tracking_depth(PyObject *module, PyObject *args,
                                                         PyObject *kwds)
{
    static char *kwlist[] = {"depth", NULL};
    int depth;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i:set_coroutine_origin_tracking_depth",
                                     kwlist, &depth)) {
        return NULL;
    }
    if (depth < 0) {
        PyErr_SetString(PyExc_ValueError, "depth must be >= 0");
        return NULL;
    }
    _PyThreadState_GET()->coroutine_origin_tracking_depth = depth;
    Py_RETURN_NONE;
}

static PyObject *sys_clear_type_cache(PyObject *module, PyObject *unused)
{
    Py_RETURN_NONE;
}

static PyObject *sys_getunicodeinternedsize(PyObject *module, PyObject *unused)
{
    return PyLong_FromLong(0);
}

static PyMethodDef sys_methods[] = {
    {"exit", sys_exit, METH_VARARGS, "Exit the interpreter by raising SystemExit(status)."},
    {"getrefcount", sys_getrefcount, METH_O, "Return the reference count of object."},
    {"getsizeof", _PyCFunction_CAST(sys_getsizeof), METH_VARARGS | METH_KEYWORDS,
     "Return the size of object in bytes."},
    {"intern", sys_intern, METH_O, "``Intern'' the given string."},
    {"exception", sys_exception, METH_NOARGS, "Return the current exception."},
    {"exc_info", sys_exc_info, METH_NOARGS, "Return current exception information."},
    {"_getframe", sys_getframe, METH_VARARGS, "Return a frame object from the call stack."},
    {"_getframemodulename", _PyCFunction_CAST(sys_getframemodulename),
     METH_VARARGS | METH_KEYWORDS, "Return the name of the module for a calling frame."},
    {"getrecursionlimit", sys_getrecursionlimit, METH_NOARGS,
     "Return the current value of the recursion limit."},
    {"setrecursionlimit", sys_setrecursionlimit, METH_O, "Set the recursion limit."},
    {"getswitchinterval", sys_getswitchinterval, METH_NOARGS,
     "Return the current thread switch interval."},
    {"setswitchinterval", sys_setswitchinterval, METH_O, "Set the thread switch interval."},
    {"_is_gil_enabled", sys_is_gil_enabled, METH_NOARGS,
     "Return True if the GIL is currently enabled and False otherwise."},
    {"getdefaultencoding", sys_getdefaultencoding, METH_NOARGS,
     "Return the current default encoding used by the Unicode implementation."},
    {"getfilesystemencoding", sys_getfilesystemencoding, METH_NOARGS,
     "Return the encoding used to convert Unicode filenames to OS filenames."},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors, METH_NOARGS,
     "Return the error mode used to convert Unicode filenames to OS filenames."},
    {"settrace", sys_settrace, METH_O, "Set the global debug tracing function."},
    {"gettrace", sys_gettrace, METH_NOARGS, "Return the global debug tracing function."},
    {"setprofile", sys_setprofile, METH_O, "Set the profiling function."},
    {"_settraceallthreads", sys_settraceallthreads, METH_O,
     "Set the global debug tracing function in all running threads belonging to the current "
     "interpreter."},
    {"_setprofileallthreads", sys_setprofileallthreads, METH_O,
     "Set the profiling function in all running threads belonging to the current "
     "interpreter."},
    {"getprofile", sys_getprofile, METH_NOARGS, "Return the profiling function."},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, METH_NOARGS,
     "Return the maximum string digits limit for non-binary int<->str conversions."},
    {"set_int_max_str_digits", _PyCFunction_CAST(sys_set_int_max_str_digits),
     METH_VARARGS | METH_KEYWORDS,
     "Set the maximum string digits limit for non-binary int<->str conversions."},
#ifdef Py_REF_DEBUG
    {"gettotalrefcount", sys_gettotalrefcount, METH_NOARGS, NULL},
#endif
    {"call_tracing", sys_call_tracing, METH_VARARGS, "Call func(*args), while tracing is "
     "enabled."},
    {"getallocatedblocks", sys_getallocatedblocks, METH_NOARGS,
     "Return the number of memory blocks currently allocated."},
    {"is_finalizing", sys_is_finalizing, METH_NOARGS,
     "Return True if Python is exiting."},
    {"audit", sys_audit, METH_VARARGS, "Passes the event to any audit hooks."},
    {"addaudithook", sys_addaudithook, METH_O, "Adds a new audit hook callback."},
    {"displayhook", sys_displayhook, METH_O, "Print an object to sys.stdout and also save it "
     "in builtins._"},
    {"excepthook", sys_excepthook, METH_VARARGS,
     "Handle an exception by displaying it with a traceback on sys.stderr."},
    {"unraisablehook", sys_unraisablehook, METH_O,
     "Handle an unraisable exception."},
    {"breakpointhook", _PyCFunction_CAST(sys_breakpointhook), METH_VARARGS | METH_KEYWORDS,
     "Call pdb.set_trace()."},
    {"_current_frames", sys_current_frames, METH_NOARGS,
     "Return a dict mapping each thread's identifier to its current stack frame."},
    {"_current_exceptions", sys_current_exceptions, METH_NOARGS,
     "Return a dict mapping each thread's identifier to its current raised exception."},
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks, METH_NOARGS,
     "Return the installed asynchronous generators hooks."},
    {"set_asyncgen_hooks", _PyCFunction_CAST(sys_set_asyncgen_hooks),
     METH_VARARGS | METH_KEYWORDS, "Set new hooks for asynchronous generators."},
    {"get_coroutine_origin_tracking_depth", sys_get_coroutine_origin_tracking_depth,
     METH_NOARGS, "Check status of origin tracking for coroutine objects in this thread."},
    {"set_coroutine_origin_tracking_depth",
     _PyCFunction_CAST(sys_set_coroutine_origin_tracking_depth), METH_VARARGS | METH_KEYWORDS,
     "Enable or disable origin tracking for coroutine objects in this thread."},
    {"_clear_type_cache", sys_clear_type_cache, METH_NOARGS, "Clear the type cache."},
    {"_clear_internal_caches", sys_clear_type_cache, METH_NOARGS, "Clear internal caches."},
    {"getunicodeinternedsize", sys_getunicodeinternedsize, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef sysmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "sys",
    .m_doc = "This module provides access to some objects used or maintained by the\n"
             "interpreter and to functions that interact strongly with the interpreter.",
    .m_size = -1,
    .m_methods = sys_methods,
};

/* ---- struct sequences ---- */

static PyStructSequence_Field version_info_fields[] = {
    {"major", "Major release number"},
    {"minor", "Minor release number"},
    {"micro", "Patch release number"},
    {"releaselevel", "'alpha', 'beta', 'candidate', or 'final'"},
    {"serial", "Serial release number"},
    {NULL, NULL},
};
static PyStructSequence_Desc version_info_desc = {
    "sys.version_info", "sys.version_info\n\nVersion information as a named tuple.",
    version_info_fields, 5,
};

static PyStructSequence_Field flags_fields[] = {
    {"debug", "-d"}, {"inspect", "-i"}, {"interactive", "-i"}, {"optimize", "-O or -OO"},
    {"dont_write_bytecode", "-B"}, {"no_user_site", "-s"}, {"no_site", "-S"},
    {"ignore_environment", "-E"}, {"verbose", "-v"}, {"bytes_warning", "-b"},
    {"quiet", "-q"}, {"hash_randomization", "-R"}, {"isolated", "-I"},
    {"dev_mode", "-X dev"}, {"utf8_mode", "-X utf8"},
    {"warn_default_encoding", "-X warn_default_encoding"}, {"safe_path", "-P"},
    {"int_max_str_digits", "-X int_max_str_digits"}, {"gil", "-X gil"},
    {NULL, NULL},
};
static PyStructSequence_Desc flags_desc = {
    "sys.flags", "sys.flags\n\nFlags provided through command line arguments or environment "
    "vars.", flags_fields, 18,
};

static PyStructSequence_Field hash_info_fields[] = {
    {"width", NULL}, {"modulus", NULL}, {"inf", NULL}, {"nan", NULL}, {"imag", NULL},
    {"algorithm", NULL}, {"hash_bits", NULL}, {"seed_bits", NULL}, {"cutoff", NULL},
    {NULL, NULL},
};
static PyStructSequence_Desc hash_info_desc = {
    "sys.hash_info", "hash_info\n\nA named tuple providing parameters used for computing\n"
    "hashes.", hash_info_fields, 9,
};

static PyStructSequence_Field thread_info_fields[] = {
    {"name", "name of the thread implementation"},
    {"lock", "name of the lock implementation"},
    {"version", "name and version of the thread library"},
    {NULL, NULL},
};
static PyStructSequence_Desc thread_info_desc = {
    "sys.thread_info", "sys.thread_info\n\nA named tuple holding information about the "
    "thread implementation.", thread_info_fields, 3,
};

/* Build a struct sequence of `type` from a Py_BuildValue tuple format.  New reference. */
static PyObject *make_structseq(PyTypeObject *type, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *values = Py_VaBuildValue(format, va);
    va_end(va);
    if (values == NULL) {
        return NULL;
    }
    PyObject *seq = PyStructSequence_New(type);
    if (seq == NULL) {
        Py_DECREF(values);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(values); i++) {
        PyStructSequence_SetItem(seq, i, Py_NewRef(PyTuple_GET_ITEM(values, i)));
    }
    Py_DECREF(values);
    return seq;
}

/* A struct-sequence type whose instances cannot be created from Python (like CPython's). */
static PyTypeObject *new_structseq_type(PyStructSequence_Desc *desc)
{
    PyTypeObject *type = PyStructSequence_NewType(desc);
    return type;
}

PyObject *PyThread_GetInfo(void)
{
    PyTypeObject *type = new_structseq_type(&thread_info_desc);
    if (type == NULL) {
        return NULL;
    }
    PyObject *r = make_structseq(type, "(ssO)", "pthread", "mutex+cond", Py_None);
    Py_DECREF(type);
    return r;
}

static PyObject *make_version_info(void)
{
    PyTypeObject *type = new_structseq_type(&version_info_desc);
    if (type == NULL) {
        return NULL;
    }
    const char *level = PY_RELEASE_LEVEL == PY_RELEASE_LEVEL_ALPHA   ? "alpha"
                        : PY_RELEASE_LEVEL == PY_RELEASE_LEVEL_BETA  ? "beta"
                        : PY_RELEASE_LEVEL == PY_RELEASE_LEVEL_GAMMA ? "candidate"
                                                                     : "final";
    PyObject *r = make_structseq(type, "(iiisi)", PY_MAJOR_VERSION, PY_MINOR_VERSION,
                                 PY_MICRO_VERSION, level, PY_RELEASE_SERIAL);
    Py_DECREF(type);
    return r;
}

static PyObject *make_hash_info(void)
{
    PyTypeObject *type = new_structseq_type(&hash_info_desc);
    if (type == NULL) {
        return NULL;
    }
    PyHash_FuncDef *hashfunc = PyHash_GetFuncDef();
    PyObject *r = make_structseq(type, "(iNiiisiii)", (int)(8 * sizeof(Py_hash_t)),
                                 PyLong_FromSize_t(_PyHASH_MODULUS), _PyHASH_INF, 0,
                                 _PyHASH_IMAG, hashfunc->name, hashfunc->hash_bits,
                                 hashfunc->seed_bits, 0);
    Py_DECREF(type);
    return r;
}

/* sys.flags.gil: the GIL build always runs with the GIL (1); the free-threaded build reports
 * -X gil / PYTHON_GIL, None when not given (as CPython 3.13t).  New reference. */
static PyObject *gil_flag(const _PyCoreConfig *c)
{
#ifdef Py_GIL_DISABLED
    if (c->enable_gil < 0) {
        return Py_NewRef(Py_None);
    }
    return PyLong_FromLong(c->enable_gil);
#else
    (void)c;
    return PyLong_FromLong(1);
#endif
}

static PyObject *make_flags(void)
{
    _PyCoreConfig *c = &_Py_CoreConfig;
    PyTypeObject *type = new_structseq_type(&flags_desc);
    if (type == NULL) {
        return NULL;
    }
    const char *seed = c->use_environment ? getenv("PYTHONHASHSEED") : NULL;
    int hash_randomization = !(seed != NULL && strcmp(seed, "0") == 0);
    int max_digits = c->int_max_str_digits >= 0 ? c->int_max_str_digits : 4300;
    PyObject *r = make_structseq(type, "(iiiiiiiiiiiiiNiiNiN)", c->parser_debug, c->inspect,
                                 c->interactive, c->optimization_level, !c->write_bytecode,
                                 !c->user_site_directory, !c->site_import,
                                 !c->use_environment, c->verbose, c->bytes_warning,
                                 c->quiet, hash_randomization, c->isolated,
                                 PyBool_FromLong(c->dev_mode), c->utf8_mode,
                                 c->warn_default_encoding, PyBool_FromLong(c->safe_path),
                                 max_digits, gil_flag(c));
    Py_DECREF(type);
    return r;
}

/* Standard-library module names (sys.stdlib_module_names): CPython 3.13's list. */
static const char *const stdlib_names[] = {
    "__future__", "_abc", "_ast", "_asyncio", "_bisect", "_blake2", "_bz2", "_codecs",
    "_collections", "_collections_abc", "_compat_pickle", "_compression", "_contextvars",
    "_csv", "_ctypes", "_datetime", "_decimal", "_functools", "_hashlib", "_heapq", "_imp",
    "_io", "_json", "_locale", "_lsprof", "_lzma", "_markupbase", "_md5", "_opcode",
    "_operator", "_osx_support", "_pickle", "_posixsubprocess", "_py_abc", "_pydatetime",
    "_pydecimal", "_pyio", "_pylong", "_queue", "_random", "_sha1", "_sha2", "_sha3",
    "_signal", "_sitebuiltins", "_socket", "_sqlite3", "_sre", "_ssl", "_stat", "_statistics",
    "_string", "_strptime", "_struct", "_symtable", "_thread", "_threading_local",
    "_tokenize", "_tracemalloc", "_typing", "_uuid", "_warnings", "_weakref", "_weakrefset",
    "_zoneinfo", "abc", "antigravity", "argparse", "array", "ast", "asyncio", "atexit",
    "base64", "bdb", "binascii", "bisect", "builtins", "bz2", "cProfile", "calendar", "cmath",
    "cmd", "code", "codecs", "codeop", "collections", "colorsys", "compileall", "concurrent",
    "configparser", "contextlib", "contextvars", "copy", "copyreg", "csv", "ctypes", "curses",
    "dataclasses", "datetime", "dbm", "decimal", "difflib", "dis", "doctest", "email",
    "encodings", "ensurepip", "enum", "errno", "faulthandler", "fcntl", "filecmp",
    "fileinput", "fnmatch", "fractions", "ftplib", "functools", "gc", "genericpath",
    "getopt", "getpass", "gettext", "glob", "graphlib", "grp", "gzip", "hashlib", "heapq",
    "hmac", "html", "http", "idlelib", "imaplib", "importlib", "inspect", "io", "ipaddress",
    "itertools", "json", "keyword", "linecache", "locale", "logging", "lzma", "mailbox",
    "marshal", "math", "mimetypes", "mmap", "modulefinder", "multiprocessing", "netrc",
    "ntpath", "nturl2path", "numbers", "opcode", "operator", "optparse", "os", "pathlib",
    "pdb", "pickle", "pickletools", "pkgutil", "platform", "plistlib", "poplib", "posix",
    "posixpath", "pprint", "profile", "pstats", "pty", "pwd", "py_compile", "pyclbr",
    "pydoc", "pydoc_data", "pyexpat", "queue", "quopri", "random", "re", "readline",
    "reprlib", "resource", "rlcompleter", "runpy", "sched", "secrets", "select", "selectors",
    "shelve", "shlex", "shutil", "signal", "site", "smtplib", "socket", "socketserver",
    "sqlite3", "sre_compile", "sre_constants", "sre_parse", "ssl", "stat", "statistics",
    "string", "stringprep", "struct", "subprocess", "symtable", "sys", "sysconfig", "syslog",
    "tabnanny", "tarfile", "tempfile", "termios", "textwrap", "this", "threading", "time",
    "timeit", "tkinter", "token", "tokenize", "tomllib", "trace", "traceback", "tracemalloc",
    "tty", "turtle", "turtledemo", "types", "typing", "unicodedata", "unittest", "urllib",
    "uuid", "venv", "warnings", "wave", "weakref", "webbrowser", "wsgiref", "xml", "xmlrpc",
    "zipapp", "zipfile", "zipimport", "zlib", "zoneinfo", NULL,
};

static PyObject *make_stdlib_module_names(void)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    for (int i = 0; stdlib_names[i] != NULL; i++) {
        PyObject *s = PyUnicode_FromString(stdlib_names[i]);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(s);
    }
    PyObject *fs = PyFrozenSet_New(list);
    Py_DECREF(list);
    return fs;
}

static PyObject *make_implementation(void)
{
    PyObject *version = make_version_info();
    if (version == NULL) {
        return NULL;
    }
    PyObject *d = Py_BuildValue("{sssssNsisssi}", "name", "braid", "cache_tag", "braid-313",
                                "version", version, "hexversion", PY_VERSION_HEX,
                                "_multiarch", "x86_64-linux-gnu",
                                "supports_isolated_interpreters", 0);
    if (d == NULL) {
        return NULL;
    }
    PyObject *ns = _PyNamespace_New(d);
    Py_DECREF(d);
    return ns;
}

static int set_str(PyObject *d, const char *key, const char *value)
{
    PyObject *v = value ? PyUnicode_DecodeFSDefault(value) : Py_NewRef(Py_None);
    if (v == NULL) {
        return -1;
    }
    int rc = PyDict_SetItemString(d, key, v);
    Py_DECREF(v);
    return rc;
}

/* Steals a reference to value (which may be NULL on a previous error). */
static int set_new(PyObject *d, const char *key, PyObject *value)
{
    if (value == NULL) {
        return -1;
    }
    int rc = PyDict_SetItemString(d, key, value);
    Py_DECREF(value);
    return rc;
}

static PyObject *make_str_list(int n, char **items)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        PyObject *s = PyUnicode_DecodeFSDefault(items[i]);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(s);
    }
    return list;
}

PyObject *_PySys_Create(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    PyObject *m = PyModule_Create(&sysmodule);
    if (m == NULL) {
        return NULL;
    }
    PyObject *d = PyModule_GetDict(m);
    interp->sysdict = Py_NewRef(d);

    /* Keep the original hooks as __displayhook__ & co. */
    static const char *const hooks[] = {"displayhook", "excepthook", "unraisablehook",
                                        "breakpointhook", NULL};
    for (int i = 0; hooks[i] != NULL; i++) {
        PyObject *f = PyDict_GetItemString(d, hooks[i]);
        char dunder[64];
        snprintf(dunder, sizeof(dunder), "__%s__", hooks[i]);
        if (f == NULL || PyDict_SetItemString(d, dunder, f) < 0) {
            goto error;
        }
    }
    if (PyDict_SetItemString(d, "modules", interp->modules) < 0 ||
        set_str(d, "version", Py_GetVersion()) < 0 ||
        set_new(d, "version_info", make_version_info()) < 0 ||
        set_new(d, "hexversion", PyLong_FromLong(PY_VERSION_HEX)) < 0 ||
        set_new(d, "api_version", PyLong_FromLong(PYTHON_API_VERSION)) < 0 ||
        set_str(d, "copyright", Py_GetCopyright()) < 0 ||
        set_str(d, "platform", "linux") < 0 ||
        set_new(d, "maxsize", PyLong_FromSsize_t(PY_SSIZE_T_MAX)) < 0 ||
        set_new(d, "maxunicode", PyLong_FromLong(0x10FFFF)) < 0 ||
        set_str(d, "byteorder", "little") < 0 ||
        set_str(d, "abiflags", ABIFLAGS) < 0 ||
        set_str(d, "float_repr_style", "short") < 0 ||
        set_str(d, "platlibdir", "lib") < 0 ||
        set_str(d, "_framework", "") < 0 ||
        set_new(d, "_git", Py_BuildValue("(sss)", "braid", "", "")) < 0 ||
        set_new(d, "implementation", make_implementation()) < 0 ||
        set_new(d, "float_info", PyFloat_GetInfo()) < 0 ||
        set_new(d, "int_info", PyLong_GetInfo()) < 0 ||
        set_new(d, "hash_info", make_hash_info()) < 0 ||
        set_new(d, "thread_info", PyThread_GetInfo()) < 0 ||
        set_new(d, "builtin_module_names", _PyImport_GetBuiltinModuleNames()) < 0 ||
        set_new(d, "stdlib_module_names", make_stdlib_module_names()) < 0 ||
        set_new(d, "meta_path", _PyImport_DefaultMetaPath()) < 0 ||
        set_new(d, "path_hooks", _PyImport_DefaultPathHooks()) < 0 ||
        set_new(d, "path_importer_cache", PyDict_New()) < 0 ||
        set_new(d, "path", PyList_New(0)) < 0 ||
        set_new(d, "argv", PyList_New(0)) < 0 ||
        set_new(d, "orig_argv", PyList_New(0)) < 0 ||
        set_new(d, "warnoptions", PyList_New(0)) < 0 ||
        set_new(d, "_xoptions", PyDict_New()) < 0 ||
        PyDict_SetItemString(d, "pycache_prefix", Py_None) < 0 ||
        PyDict_SetItemString(d, "dont_write_bytecode", Py_True) < 0) {
        goto error;
    }
    return m;

error:
    Py_DECREF(m);
    return NULL;
}

/* The parts of sys that depend on the command line and the computed paths. */
int _PySys_UpdateConfig(PyThreadState *tstate)
{
    _PyCoreConfig *c = &_Py_CoreConfig;
    PyObject *d = tstate->interp->sysdict;
    PyObject *argv;
    if (c->argc > 0) {
        argv = make_str_list(c->argc, c->argv);
    }
    else {
        argv = Py_BuildValue("[s]", "");
    }
    if (set_new(d, "argv", argv) < 0 ||
        set_new(d, "orig_argv", make_str_list(c->orig_argc, c->orig_argv)) < 0 ||
        set_new(d, "flags", make_flags()) < 0 ||
        set_str(d, "executable", _Py_path_config.executable) < 0 ||
        set_str(d, "_base_executable", _Py_path_config.executable) < 0 ||
        set_str(d, "prefix", _Py_path_config.prefix) < 0 ||
        set_str(d, "base_prefix", _Py_path_config.prefix) < 0 ||
        set_str(d, "exec_prefix", _Py_path_config.exec_prefix) < 0 ||
        set_str(d, "base_exec_prefix", _Py_path_config.exec_prefix) < 0 ||
        set_str(d, "_stdlib_dir", _Py_path_config.stdlib_dir) < 0 ||
        PyDict_SetItemString(d, "dont_write_bytecode", Py_True) < 0) {
        return -1;
    }

    /* -X options: {"key": "value" or True} */
    PyObject *xoptions = PyDict_New();
    if (xoptions == NULL) {
        return -1;
    }
    for (int i = 0; i < c->nxoptions; i++) {
        const char *opt = c->xoptions[i];
        const char *eq = strchr(opt, '=');
        PyObject *key, *value;
        if (eq == NULL) {
            key = PyUnicode_DecodeFSDefault(opt);
            value = Py_NewRef(Py_True);
        }
        else {
            key = PyUnicode_DecodeFSDefaultAndSize(opt, eq - opt);
            value = PyUnicode_DecodeFSDefault(eq + 1);
        }
        if (key == NULL || value == NULL || PyDict_SetItem(xoptions, key, value) < 0) {
            Py_XDECREF(key);
            Py_XDECREF(value);
            Py_DECREF(xoptions);
            return -1;
        }
        Py_DECREF(key);
        Py_DECREF(value);
    }
    if (set_new(d, "_xoptions", xoptions) < 0 ||
        set_new(d, "warnoptions", make_str_list(c->nwarnoptions, c->warnoptions)) < 0) {
        return -1;
    }

    /* sys.path: PYTHONPATH entries, then the standard library. */
    PyObject *path = PyList_New(0);
    if (path == NULL) {
        return -1;
    }
    const char *pythonpath = c->use_environment ? getenv("PYTHONPATH") : NULL;
    if (pythonpath != NULL && pythonpath[0] != '\0') {
        const char *p = pythonpath;
        for (;;) {
            const char *colon = strchr(p, ':');
            size_t len = colon ? (size_t)(colon - p) : strlen(p);
            if (len > 0) {
                PyObject *entry = PyUnicode_DecodeFSDefaultAndSize(p, (Py_ssize_t)len);
                if (entry == NULL || PyList_Append(path, entry) < 0) {
                    Py_XDECREF(entry);
                    Py_DECREF(path);
                    return -1;
                }
                Py_DECREF(entry);
            }
            if (colon == NULL) {
                break;
            }
            p = colon + 1;
        }
    }
    PyObject *stdlib = PyUnicode_DecodeFSDefault(_Py_path_config.stdlib_dir);
    if (stdlib == NULL || PyList_Append(path, stdlib) < 0) {
        Py_XDECREF(stdlib);
        Py_DECREF(path);
        return -1;
    }
    Py_DECREF(stdlib);
    /* Third-party packages (site.py does this in CPython; Braid has no site module yet). */
    if (c->site_import) {
        char site[4096];
        snprintf(site, sizeof(site), "%s/site-packages", _Py_path_config.stdlib_dir);
        if (_Py_IsDir(site)) {
            PyObject *entry = PyUnicode_DecodeFSDefault(site);
            if (entry == NULL || PyList_Append(path, entry) < 0) {
                Py_XDECREF(entry);
                Py_DECREF(path);
                return -1;
            }
            Py_DECREF(entry);
        }
    }
    return set_new(d, "path", path);
}

PyObject *_PySys_GetStdlibDir(void)
{
    return PyUnicode_DecodeFSDefault(_Py_path_config.stdlib_dir);
}

/* ---- legacy C API for sys.argv / path / options ---- */

static PyObject *wide_to_str(const wchar_t *s)
{
    return PyUnicode_FromWideChar(s, -1);
}

void PySys_SetArgvEx(int argc, wchar_t **argv, int updatepath)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        Py_FatalError("can't create sys.argv");
    }
    for (int i = 0; i < argc; i++) {
        PyObject *s = wide_to_str(argv[i]);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_FatalError("can't create sys.argv");
        }
        Py_DECREF(s);
    }
    if (argc == 0) {
        PyObject *empty = PyUnicode_FromString("");
        if (empty == NULL || PyList_Append(list, empty) < 0) {
            Py_FatalError("can't create sys.argv");
        }
        Py_DECREF(empty);
    }
    if (PySys_SetObject("argv", list) < 0) {
        Py_FatalError("can't assign sys.argv");
    }
    Py_DECREF(list);
}

void PySys_SetArgv(int argc, wchar_t **argv)
{
    PySys_SetArgvEx(argc, argv, 0);
}

void PySys_SetPath(const wchar_t *path)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        Py_FatalError("can't create sys.path");
    }
    const wchar_t *p = path;
    for (;;) {
        const wchar_t *colon = wcschr(p, L':');
        Py_ssize_t len = colon ? colon - p : (Py_ssize_t)wcslen(p);
        PyObject *s = PyUnicode_FromWideChar(p, len);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_FatalError("can't create sys.path");
        }
        Py_DECREF(s);
        if (colon == NULL) {
            break;
        }
        p = colon + 1;
    }
    if (PySys_SetObject("path", list) < 0) {
        Py_FatalError("can't assign sys.path");
    }
    Py_DECREF(list);
}

void PySys_ResetWarnOptions(void)
{
    PyObject *list = PySys_GetObject("warnoptions");
    if (list != NULL && PyList_Check(list)) {
        PyList_SetSlice(list, 0, PyList_GET_SIZE(list), NULL);
    }
}

void PySys_AddWarnOption(const wchar_t *s)
{
    PyObject *list = PySys_GetObject("warnoptions");
    PyObject *str = wide_to_str(s);
    if (list != NULL && str != NULL && PyList_Append(list, str) < 0) {
        PyErr_Clear();
    }
    Py_XDECREF(str);
}

void PySys_AddXOption(const wchar_t *s)
{
    PyObject *d = PySys_GetObject("_xoptions");
    PyObject *str = wide_to_str(s);
    if (d != NULL && str != NULL && PyDict_SetItem(d, str, Py_True) < 0) {
        PyErr_Clear();
    }
    Py_XDECREF(str);
}

PyObject *PySys_GetXOptions(void)
{
    return PySys_GetObject("_xoptions");
}

int PySys_HasWarnOptions(void)
{
    PyObject *list = PySys_GetObject("warnoptions");
    return list != NULL && PyList_Check(list) && PyList_GET_SIZE(list) > 0;
}
