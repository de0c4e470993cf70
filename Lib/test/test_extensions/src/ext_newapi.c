/* Test extension: C API that Braid gained for issue 7 -- Py_GetConstant, the PyTime_t
 * clocks, C-level trace and profile hooks, suspending tracing, walking thread states,
 * PyTraceMalloc_Track, the allocator table, the marshal C API, PyOS_stricmp, contextvars.
 * The parts older than CPython 3.13 also compile against CPython 3.11's headers (test_api
 * compares the behaviour). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <marshal.h>
#include <string.h>

#define HAVE_313_API (PY_VERSION_HEX >= 0x030D0000)

/* ---- Py_GetConstant (3.13) ---- */

#if HAVE_313_API
/* constant(id) -> Py_GetConstant(id), checked against Py_GetConstantBorrowed. */
static PyObject *
constant(PyObject *module, PyObject *arg)
{
    long id = PyLong_AsLong(arg);
    if (id == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *obj = Py_GetConstant((unsigned int)id);
    if (obj == NULL) {
        return NULL;
    }
    if (Py_GetConstantBorrowed((unsigned int)id) != obj) {
        Py_DECREF(obj);
        PyErr_SetString(PyExc_AssertionError, "Py_GetConstantBorrowed differs");
        return NULL;
    }
    return obj;
}

/* ---- PyTime_t (3.13) ---- */

/* clocks() -> (monotonic, perf_counter, time, monotonic_raw, perf_counter_raw, time_raw) in
 * nanoseconds, read in this order. */
static PyObject *
clocks(PyObject *module, PyObject *unused)
{
    PyTime_t values[6];
    if (PyTime_Monotonic(&values[0]) < 0 || PyTime_PerfCounter(&values[1]) < 0 ||
        PyTime_Time(&values[2]) < 0) {
        return NULL;
    }
    if (PyTime_MonotonicRaw(&values[3]) < 0 || PyTime_PerfCounterRaw(&values[4]) < 0 ||
        PyTime_TimeRaw(&values[5]) < 0) {
        PyErr_SetString(PyExc_OSError, "a raw clock failed");
        return NULL;
    }
    return Py_BuildValue("(LLLLLL)", (long long)values[0], (long long)values[1],
                         (long long)values[2], (long long)values[3], (long long)values[4],
                         (long long)values[5]);
}

static PyObject *
as_seconds(PyObject *module, PyObject *arg)
{
    long long ns = PyLong_AsLongLong(arg);
    if (ns == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyFloat_FromDouble(PyTime_AsSecondsDouble((PyTime_t)ns));
}

static PyObject *
time_limits(PyObject *module, PyObject *unused)
{
    return Py_BuildValue("(LLi)", (long long)PyTime_MIN, (long long)PyTime_MAX,
                         (int)sizeof(PyTime_t));
}
#endif

/* ---- trace and profile hooks ---- */

static const char *const event_names[] = {"call", "exception", "line", "return", "c_call",
                                          "c_exception", "c_return", "opcode"};

/* The hook: append (event, function name) to the list `log` (line and opcode events are left
 * out: which lines report depends on the compiler). */
static int
record_event(PyObject *log, PyFrameObject *frame, int what, PyObject *arg)
{
    if (what == PyTrace_LINE || what == PyTrace_OPCODE || what < 0 || what > 7) {
        return 0;
    }
    PyObject *name;
    if (what >= PyTrace_C_CALL) {
        name = PyObject_GetAttrString(arg, "__name__");
    }
    else {
        PyCodeObject *code = PyFrame_GetCode(frame);
        name = PyObject_GetAttrString((PyObject *)code, "co_name");
        Py_DECREF(code);
    }
    if (name == NULL) {
        return -1;
    }
    PyObject *item = Py_BuildValue("(sN)", event_names[what], name);
    if (item == NULL) {
        return -1;
    }
    int rc = PyList_Append(log, item);
    Py_DECREF(item);
    return rc;
}

/* A hook that fails: stops itself (CPython turns the hook off) with ValueError. */
static int
failing_hook(PyObject *obj, PyFrameObject *frame, int what, PyObject *arg)
{
    PyErr_SetString(PyExc_ValueError, "hook failed");
    return -1;
}

/* Install (hook, obj) as the profile or trace hook of this thread; hook NULL removes it. */
static void
set_hook(int profile, Py_tracefunc hook, PyObject *obj)
{
    if (profile) {
        PyEval_SetProfile(hook, obj);
    }
    else {
        PyEval_SetTrace(hook, obj);
    }
}

/* hooked(kind, func): call func() with a C hook of `kind` ("trace", "profile", "failing")
 * installed; return (log, the value of sys.gettrace()/getprofile() during the call is log). */
static PyObject *
hooked(PyObject *module, PyObject *args)
{
    const char *kind;
    PyObject *func;
    if (!PyArg_ParseTuple(args, "sO:hooked", &kind, &func)) {
        return NULL;
    }
    int profile = strcmp(kind, "profile") == 0;
    Py_tracefunc hook = strcmp(kind, "failing") == 0 ? failing_hook
                                                    : (Py_tracefunc)record_event;
    PyObject *log = PyList_New(0);
    if (log == NULL) {
        return NULL;
    }
    set_hook(profile, hook, log);
    PyObject *res = PyObject_CallNoArgs(func);
    set_hook(profile, NULL, NULL);
    if (res == NULL) {
        Py_DECREF(log);
        return NULL;
    }
    Py_DECREF(res);
    return log;
}

/* sys_hook_object(kind): install a C hook whose object is a fresh list, read
 * sys.gettrace()/getprofile(), remove the hook; True if sys returned that list. */
static PyObject *
sys_hook_object(PyObject *module, PyObject *arg)
{
    int profile = PyUnicode_Check(arg) && PyUnicode_CompareWithASCIIString(arg, "profile") == 0;
    PyObject *log = PyList_New(0);
    if (log == NULL) {
        return NULL;
    }
    set_hook(profile, (Py_tracefunc)record_event, log);
    PyObject *getter = PySys_GetObject(profile ? "getprofile" : "gettrace");   /* borrowed */
    PyObject *obj = getter ? PyObject_CallNoArgs(getter) : NULL;
    set_hook(profile, NULL, NULL);
    PyObject *res = obj == NULL ? NULL : PyBool_FromLong(obj == log);
    Py_XDECREF(obj);
    Py_DECREF(log);
    return res;
}

/* suspended(func): call func() under a C trace hook with tracing suspended; return the log
 * (empty: nothing is reported while tracing is suspended). */
static PyObject *
suspended(PyObject *module, PyObject *func)
{
    PyObject *log = PyList_New(0);
    if (log == NULL) {
        return NULL;
    }
    PyThreadState *tstate = PyThreadState_Get();
    PyEval_SetTrace((Py_tracefunc)record_event, log);
    PyThreadState_EnterTracing(tstate);
    PyObject *res = PyObject_CallNoArgs(func);
    PyThreadState_LeaveTracing(tstate);
    PyEval_SetTrace(NULL, NULL);
    if (res == NULL) {
        Py_DECREF(log);
        return NULL;
    }
    Py_DECREF(res);
    return log;
}

#if PY_VERSION_HEX >= 0x030C0000
/* all_threads(func): func() with a profile hook on every thread; return the log. */
static PyObject *
all_threads(PyObject *module, PyObject *func)
{
    PyObject *log = PyList_New(0);
    if (log == NULL) {
        return NULL;
    }
    PyEval_SetProfileAllThreads((Py_tracefunc)record_event, log);
    PyObject *res = PyObject_CallNoArgs(func);
    PyEval_SetProfileAllThreads(NULL, NULL);
    if (res == NULL) {
        Py_DECREF(log);
        return NULL;
    }
    Py_DECREF(res);
    return log;
}
#endif

/* ---- walking thread states ---- */

/* threads() -> (is the current interpreter the head, is the current thread in its list,
 * number of thread states of the interpreter). */
static PyObject *
threads(PyObject *module, PyObject *unused)
{
    PyThreadState *current = PyThreadState_Get();
    PyInterpreterState *interp = PyInterpreterState_Head();
    int found = 0;
    Py_ssize_t count = 0;
    for (PyThreadState *t = PyInterpreterState_ThreadHead(interp); t != NULL;
         t = PyThreadState_Next(t)) {
        found |= t == current;
        count++;
    }
    return Py_BuildValue("(iin)", interp == PyThreadState_GetInterpreter(current), found,
                         count);
}

/* ---- tracemalloc ---- */

static PyObject *
tracemalloc_track(PyObject *module, PyObject *unused)
{
    static char block[16];
    int tracked = PyTraceMalloc_Track(123, (uintptr_t)block, sizeof(block));
    int untracked = PyTraceMalloc_Untrack(123, (uintptr_t)block);
    return Py_BuildValue("(ii)", tracked, untracked);
}

/* ---- allocators ---- */

/* Use the allocator of `domain` through its struct: malloc, realloc, calloc, free. */
static int
exercise_allocator(PyMemAllocatorDomain domain)
{
    PyMemAllocatorEx a;
    PyMem_GetAllocator(domain, &a);
    char *p = a.malloc(a.ctx, 10);
    if (p == NULL) {
        return -1;
    }
    memcpy(p, "0123456789", 10);
    char *q = a.realloc(a.ctx, p, 1000);
    if (q == NULL) {
        a.free(a.ctx, p);
        return -1;
    }
    int ok = memcmp(q, "0123456789", 10) == 0;
    a.free(a.ctx, q);
    unsigned char *z = a.calloc(a.ctx, 8, 4);
    if (z == NULL) {
        return -1;
    }
    for (int i = 0; i < 32; i++) {
        ok &= z[i] == 0;
    }
    a.free(a.ctx, z);
    void *empty = a.malloc(a.ctx, 0);       /* a unique pointer, not NULL */
    ok &= empty != NULL;
    a.free(a.ctx, empty);
    return ok ? 0 : -1;
}

/* Counting wrapper around the previous allocator of a domain (its ctx). */
typedef struct {
    PyMemAllocatorEx previous;
    long calls;
} counting_ctx;

static void *
counting_malloc(void *ctx, size_t size)
{
    counting_ctx *c = ctx;
    c->calls++;
    return c->previous.malloc(c->previous.ctx, size);
}

static void *
counting_calloc(void *ctx, size_t nelem, size_t elsize)
{
    counting_ctx *c = ctx;
    c->calls++;
    return c->previous.calloc(c->previous.ctx, nelem, elsize);
}

static void *
counting_realloc(void *ctx, void *ptr, size_t size)
{
    counting_ctx *c = ctx;
    c->calls++;
    return c->previous.realloc(c->previous.ctx, ptr, size);
}

static void
counting_free(void *ctx, void *ptr)
{
    counting_ctx *c = ctx;
    c->calls++;
    c->previous.free(c->previous.ctx, ptr);
}

/* allocators() -> (default allocators usable, get/set round trip, calls of a hook on the RAW
 * domain seen by PyMem_RawMalloc/PyMem_RawFree). */
static PyObject *
allocators(PyObject *module, PyObject *unused)
{
    int usable = exercise_allocator(PYMEM_DOMAIN_RAW) == 0 &&
                 exercise_allocator(PYMEM_DOMAIN_MEM) == 0 &&
                 exercise_allocator(PYMEM_DOMAIN_OBJ) == 0;
    counting_ctx counter = {.calls = 0};
    PyMem_GetAllocator(PYMEM_DOMAIN_RAW, &counter.previous);
    PyMemAllocatorEx hook = {&counter, counting_malloc, counting_calloc, counting_realloc,
                             counting_free};
    PyMem_SetAllocator(PYMEM_DOMAIN_RAW, &hook);
    PyMemAllocatorEx seen;
    PyMem_GetAllocator(PYMEM_DOMAIN_RAW, &seen);
    int roundtrip = seen.ctx == &counter && seen.malloc == counting_malloc &&
                    seen.free == counting_free;
    long before = counter.calls;
    void *p = PyMem_RawMalloc(24);
    PyMem_RawFree(p);
    long calls = counter.calls - before;
    PyMem_SetAllocator(PYMEM_DOMAIN_RAW, &counter.previous);
    PyMem_GetAllocator(PYMEM_DOMAIN_RAW, &seen);
    roundtrip &= seen.malloc == counter.previous.malloc;
    return Py_BuildValue("(iil)", usable, roundtrip, calls);
}

/* ---- marshal ---- */

/* marshal_roundtrip(obj, version) -> (the bytes written, the object read back from them) */
static PyObject *
marshal_roundtrip(PyObject *module, PyObject *args)
{
    PyObject *obj;
    int version;
    if (!PyArg_ParseTuple(args, "Oi:marshal_roundtrip", &obj, &version)) {
        return NULL;
    }
    PyObject *data = PyMarshal_WriteObjectToString(obj, version);
    if (data == NULL) {
        return NULL;
    }
    PyObject *back = PyMarshal_ReadObjectFromString(PyBytes_AS_STRING(data),
                                                    PyBytes_GET_SIZE(data));
    if (back == NULL) {
        Py_DECREF(data);
        return NULL;
    }
    return Py_BuildValue("(NN)", data, back);
}

static PyObject *
marshal_load(PyObject *module, PyObject *arg)
{
    char *data;
    Py_ssize_t size;
    if (PyBytes_AsStringAndSize(arg, &data, &size) < 0) {
        return NULL;
    }
    return PyMarshal_ReadObjectFromString(data, size);
}

static PyObject *
marshal_version(PyObject *module, PyObject *unused)
{
    return PyLong_FromLong(Py_MARSHAL_VERSION);
}

/* ---- PyOS_stricmp ---- */

static int
sign(int value)
{
    return (value > 0) - (value < 0);
}

/* stricmp(a, b, n) -> signs of (PyOS_stricmp(a, b), PyOS_strnicmp(a, b, n)) */
static PyObject *
stricmp(PyObject *module, PyObject *args)
{
    const char *a, *b;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "yyn:stricmp", &a, &b, &n)) {
        return NULL;
    }
    return Py_BuildValue("(ii)", sign(PyOS_stricmp(a, b)), sign(PyOS_strnicmp(a, b, n)));
}

/* ---- contextvars ---- */

/* Get var in the current context: its value, or the string "<missing>". */
static PyObject *
var_value(PyObject *var, PyObject *default_value)
{
    PyObject *value;
    if (PyContextVar_Get(var, default_value, &value) < 0) {
        return NULL;
    }
    return value != NULL ? value : PyUnicode_FromString("<missing>");
}

/* context_api() -> the values seen by a walk through the context C API:
 * (var default, explicit default, after Set, in a new context, after Exit, after Reset,
 *  in a copy of the current context after Reset, token type ok) */
static PyObject *
context_api(PyObject *module, PyObject *unused)
{
    PyObject *one = PyLong_FromLong(1);
    PyObject *var = one != NULL ? PyContextVar_New("capi_var", one) : NULL;
    PyObject *bare = PyContextVar_New("bare", NULL);
    Py_XDECREF(one);
    if (var == NULL || bare == NULL) {
        Py_XDECREF(var);
        Py_XDECREF(bare);
        return NULL;
    }
    PyObject *res = NULL, *token = NULL, *ctx = NULL, *copy = NULL;
    PyObject *seen[7] = {NULL};
    PyObject *two = PyLong_FromLong(2);
    seen[0] = var_value(var, NULL);
    seen[1] = var_value(bare, two);
    token = two != NULL ? PyContextVar_Set(var, two) : NULL;
    if (token == NULL || seen[0] == NULL || seen[1] == NULL) {
        goto done;
    }
    seen[2] = var_value(var, NULL);
    ctx = PyContext_New();
    if (ctx == NULL || PyContext_Enter(ctx) < 0) {
        goto done;
    }
    seen[3] = var_value(var, NULL);
    if (PyContext_Exit(ctx) < 0) {
        goto done;
    }
    seen[4] = var_value(var, NULL);
    copy = PyContext_CopyCurrent();
    if (copy == NULL || PyContextVar_Reset(var, token) < 0) {
        goto done;
    }
    seen[5] = var_value(var, NULL);
    if (PyContext_Enter(copy) < 0) {        /* the copy still has the value 2 */
        goto done;
    }
    seen[6] = var_value(var, NULL);
    if (PyContext_Exit(copy) < 0) {
        goto done;
    }
    for (int i = 0; i < 7; i++) {
        if (seen[i] == NULL) {
            goto done;
        }
    }
    res = Py_BuildValue("(OOOOOOOi)", seen[0], seen[1], seen[2], seen[3], seen[4], seen[5],
                        seen[6], PyContextToken_CheckExact(token) &&
                        PyContextVar_CheckExact(var) && PyContext_CheckExact(ctx));
done:
    for (int i = 0; i < 7; i++) {
        Py_XDECREF(seen[i]);
    }
    Py_XDECREF(two);
    Py_XDECREF(token);
    Py_XDECREF(ctx);
    Py_XDECREF(copy);
    Py_DECREF(var);
    Py_DECREF(bare);
    return res;
}

/* context_errors(n): misuse of the context C API; raises. */
static PyObject *
context_errors(PyObject *module, PyObject *arg)
{
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *ctx = PyContext_New();
    if (ctx == NULL) {
        return NULL;
    }
    int rc = 0;
    if (n == 0) {
        rc = PyContext_Exit(ctx);               /* not entered */
    }
    else if (n == 1) {
        rc = PyContext_Enter(ctx);
        if (rc == 0) {
            rc = PyContext_Enter(ctx);          /* already entered */
            if (PyContext_Exit(ctx) < 0) {
                rc = -1;
            }
        }
    }
    else {
        PyObject *value;
        rc = PyContextVar_Get(ctx, NULL, &value);   /* not a ContextVar */
    }
    Py_DECREF(ctx);
    if (rc == 0) {
        Py_RETURN_NONE;
    }
    return NULL;
}

static PyMethodDef methods[] = {
#if HAVE_313_API
    {"constant", constant, METH_O, NULL},
    {"clocks", clocks, METH_NOARGS, NULL},
    {"as_seconds", as_seconds, METH_O, NULL},
    {"time_limits", time_limits, METH_NOARGS, NULL},
#endif
#if PY_VERSION_HEX >= 0x030C0000
    {"all_threads", all_threads, METH_O, NULL},
#endif
    {"hooked", hooked, METH_VARARGS, NULL},
    {"sys_hook_object", sys_hook_object, METH_O, NULL},
    {"suspended", suspended, METH_O, NULL},
    {"threads", threads, METH_NOARGS, NULL},
    {"tracemalloc_track", tracemalloc_track, METH_NOARGS, NULL},
    {"allocators", allocators, METH_NOARGS, NULL},
    {"marshal_roundtrip", marshal_roundtrip, METH_VARARGS, NULL},
    {"marshal_load", marshal_load, METH_O, NULL},
    {"marshal_version", marshal_version, METH_NOARGS, NULL},
    {"stricmp", stricmp, METH_VARARGS, NULL},
    {"context_api", context_api, METH_NOARGS, NULL},
    {"context_errors", context_errors, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot slots[] = {
#ifdef Py_mod_gil
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "ext_newapi",
    .m_doc = "C API added for issue 7.",
    .m_methods = methods,
    .m_slots = slots,
};

PyMODINIT_FUNC
PyInit_ext_newapi(void)
{
    return PyModuleDef_Init(&module_def);
}
