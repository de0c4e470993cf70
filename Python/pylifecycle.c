/* Start-up and shutdown (Include/pylifecycle.h), fatal errors, signals, the atexit module.
 *
 * Start-up order (Py_InitializeEx):
 *   interpreter + main thread state (attached: the GIL is taken), hash secret, static types,
 *   sys.modules, the builtins module (+ exceptions), the sys module, the import system, paths
 *   (getpath.c) and the configuration-dependent parts of sys, the warnings state,
 *   sys.stdin/stdout/stderr (Python/stdio_minimal.c), __main__, signal handlers.
 * Nothing is imported from Lib/ at start-up: start-up cost is paid only by what a script
 * uses. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_ceval.h"
#include "pycore_gc.h"
#include "pycore_import.h"
#include "pycore_sysmodule.h"
#include "pycore_pylifecycle.h"
#include "pycore_initconfig.h"
#include "pycore_parking_lot.h"
#include "pycore_brc.h"
#include "pycore_qsbr.h"
#include <signal.h>
#include <fcntl.h>

/* ---- configuration defaults (initconfig.c fills the real one from the command line) ---- */

/* A stream over fd, or None when the descriptor is not open (as CPython). */
static PyObject *create_std_stream(int fd, const char *name, const char *mode, int buffered,
                                   const char *errors)
{
    if (fcntl(fd, F_GETFD) < 0) {
        return Py_NewRef(Py_None);
    }
    return _PyStdio_New(fd, name, mode, buffered, errors);
}

static int init_sys_streams(PyThreadState *tstate)
{
    _PyCoreConfig *config = &_Py_CoreConfig;
    int buffered = config->buffered_stdio;
    const char *errors = config->stdio_errors;
    PyObject *in = create_std_stream(0, "<stdin>", "r", buffered,
                                     errors ? errors : "strict");
    if (in == NULL) {
        return -1;
    }
    PyObject *out = create_std_stream(1, "<stdout>", "w", buffered,
                                      errors ? errors : "strict");
    if (out == NULL) {
        Py_DECREF(in);
        return -1;
    }
    /* stderr is always line buffered (_PyStdio_New knows fd 2), with backslashreplace. */
    PyObject *err = create_std_stream(2, "<stderr>", "w", 1, "backslashreplace");
    if (err == NULL) {
        Py_DECREF(in);
        Py_DECREF(out);
        return -1;
    }
    int rc = 0;
    if (PySys_SetObject("stdin", in) < 0 || PySys_SetObject("__stdin__", in) < 0 ||
        PySys_SetObject("stdout", out) < 0 || PySys_SetObject("__stdout__", out) < 0 ||
        PySys_SetObject("stderr", err) < 0 || PySys_SetObject("__stderr__", err) < 0) {
        rc = -1;
    }
    Py_DECREF(in);
    Py_DECREF(out);
    Py_DECREF(err);
    return rc;
}

static int init_main_module(void)
{
    PyObject *main = PyImport_AddModuleRef("__main__");
    if (main == NULL) {
        return -1;
    }
    PyObject *dict = PyModule_GetDict(main);
    int rc = 0;
    int has;
    has = PyDict_Contains(dict, _Py_ID(__builtins__));
    if (has < 0) {
        rc = -1;
    }
    else if (!has) {
        PyObject *bimod = PyImport_ImportModule("builtins");
        if (bimod == NULL || PyDict_SetItem(dict, _Py_ID(__builtins__), bimod) < 0) {
            rc = -1;
        }
        Py_XDECREF(bimod);
    }
    if (rc == 0) {
        has = PyDict_Contains(dict, _Py_ID(__loader__));
        if (has == 0) {
            rc = PyDict_SetItem(dict, _Py_ID(__loader__), Py_None);
        }
        else if (has < 0) {
            rc = -1;
        }
    }
    Py_DECREF(main);
    return rc;
}

static void fatal_status(const char *what)
{
    if (PyErr_Occurred()) {
        PyErr_Print();
    }
    _Py_FatalErrorFunc("Py_Initialize", what);
}

void Py_InitializeEx(int install_sigs)
{
    if (_PyRuntime.initialized) {
        return;
    }
    if (_PyRuntime.main_interp != NULL) {
        /* Initialising again after Py_FinalizeEx: the old interpreter is abandoned (its
         * memory is not reclaimed); detach its thread state and forget it. */
        PyThreadState *old = _PyThreadState_GET();
        if (old != NULL) {
            _PyThreadState_Detach(old);
        }
        _PyRuntime.main_interp = NULL;
        _PyRuntime.main_tstate = NULL;
    }
    _Py_atomic_store_ptr_relaxed((void **)&_PyRuntime.finalizing, NULL);
    _PyRuntime.main_thread = PyThread_get_thread_ident();

    PyInterpreterState *interp = _PyInterpreterState_New();
    if (interp == NULL) {
        _Py_FatalErrorFunc("Py_Initialize", "can't make main interpreter");
    }
    interp->config = &_Py_CoreConfig;
#ifdef Py_GIL_DISABLED
    /* The free-threaded build runs without the GIL unless PYTHON_GIL=1 / -X gil=1. */
    interp->gil.enabled = _Py_CoreConfig.enable_gil == 1;
#endif
    if (_Py_CoreConfig.int_max_str_digits >= 0) {
        interp->int_max_str_digits = _Py_CoreConfig.int_max_str_digits;
    }
    PyThreadState *tstate = _PyThreadState_New(interp);
    if (tstate == NULL) {
        _Py_FatalErrorFunc("Py_Initialize", "can't make first thread");
    }
    _PyThreadState_Bind(tstate);
    _PyRuntime.main_tstate = tstate;
    _PyThreadState_Attach(tstate);

    _Py_HashRandomization_Init();
    if (_PyTypes_InitTypes() < 0) {
        fatal_status("can't initialize types");
    }
    _PyRuntime.core_initialized = 1;

    interp->modules = PyDict_New();
    if (interp->modules == NULL) {
        fatal_status("can't make modules dictionary");
    }
    interp->modules_by_index = PyList_New(0);
    if (interp->modules_by_index == NULL) {
        fatal_status("can't make modules_by_index");
    }

    PyObject *bimod = _PyBuiltin_Init(interp);
    if (bimod == NULL) {
        fatal_status("can't initialize builtins module");
    }
    if (_PyBuiltins_AddExceptions(bimod) < 0) {
        fatal_status("can't add exceptions to builtins");
    }
    interp->builtins_module = Py_NewRef(bimod);
    interp->builtins = Py_NewRef(PyModule_GetDict(bimod));
    interp->import_func = PyDict_GetItemString(interp->builtins, "__import__");
    Py_XINCREF(interp->import_func);

    PyObject *sysmod = _PySys_Create(tstate);
    if (sysmod == NULL) {
        fatal_status("can't initialize sys module");
    }
    if (PyDict_SetItemString(interp->modules, "sys", sysmod) < 0 ||
        PyDict_SetItemString(interp->modules, "builtins", bimod) < 0) {
        fatal_status("can't register sys and builtins");
    }
    Py_DECREF(sysmod);
    Py_DECREF(bimod);

    if (_PyImport_Init(interp) < 0) {
        fatal_status("can't initialize import system");
    }
    if (_PyPathConfig_Calculate(_Py_CoreConfig.program_name) < 0) {
        fatal_status("can't compute paths");
    }
    if (_PySys_UpdateConfig(tstate) < 0) {
        fatal_status("can't finish sys initialization");
    }
    if (_PyWarnings_InitState(interp) < 0) {
        fatal_status("can't initialize warnings");
    }
    if (init_sys_streams(tstate) < 0) {
        fatal_status("can't initialize sys standard streams");
    }
    if (init_main_module() < 0) {
        fatal_status("can't create __main__ module");
    }
    if (install_sigs) {
        _PySignal_Init();
    }
    interp->initialized = 1;
    _PyRuntime.initialized = 1;
}

void Py_Initialize(void)
{
    Py_InitializeEx(1);
}

int Py_IsInitialized(void)
{
    return _PyRuntime.initialized;
}

/* ---- shutdown ---- */

static int flush_std_file(const char *name)
{
    PyObject *f = PySys_GetObject(name);
    if (f == NULL || f == Py_None) {
        return 0;
    }
    Py_INCREF(f);
    PyObject *closed = PyObject_GetAttrString(f, "closed");
    int is_closed = closed != NULL && PyObject_IsTrue(closed) == 1;
    Py_XDECREF(closed);
    PyErr_Clear();
    int rc = 0;
    if (!is_closed) {
        PyObject *r = PyObject_CallMethod(f, "flush", NULL);
        if (r == NULL) {
            if (strcmp(name, "stdout") == 0) {
                PyErr_WriteUnraisable(NULL);
            }
            else {
                PyErr_Clear();
            }
            rc = -1;
        }
        Py_XDECREF(r);
    }
    Py_DECREF(f);
    return rc;
}

int _Py_FlushStdFiles(void)
{
    PyObject *exc = PyErr_GetRaisedException();
    int rc = 0;
    if (flush_std_file("stdout") < 0) {
        rc = -1;
    }
    if (flush_std_file("stderr") < 0) {
        rc = -1;
    }
    PyErr_SetRaisedException(exc);
    return rc;
}

/* Let threading join its non-daemon threads (only if the program imported it). */
static void wait_for_thread_shutdown(void)
{
    PyObject *modules = PyImport_GetModuleDict();
    PyObject *threading = PyDict_GetItemString(modules, "threading");
    if (threading == NULL) {
        PyErr_Clear();
        return;
    }
    Py_INCREF(threading);
    PyObject *r = PyObject_CallMethod(threading, "_shutdown", NULL);
    if (r == NULL) {
        if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
        }
        else {
            PyErr_WriteUnraisable(threading);
        }
    }
    Py_XDECREF(r);
    Py_DECREF(threading);
}

static void call_ll_exitfuncs(void)
{
    while (_PyRuntime.nexitfuncs > 0) {
        void (*func)(void) = _PyRuntime.exitfuncs[--_PyRuntime.nexitfuncs];
        func();
    }
    fflush(stdout);
    fflush(stderr);
}

int Py_FinalizeEx(void)
{
    if (!_PyRuntime.initialized) {
        return 0;
    }
    PyThreadState *tstate = PyThreadState_Get();
    PyInterpreterState *interp = tstate->interp;

    wait_for_thread_shutdown();
    _PyAtExit_Call(interp);
    int status = 0;
    if (_Py_FlushStdFiles() < 0) {
        status = -1;
    }

    _Py_atomic_store_ptr_relaxed((void **)&_PyRuntime.finalizing, tstate);
    interp->finalizing = 1;
    _PyRuntime.initialized = 0;

    if (_Py_CoreConfig.show_ref_count) {
#ifdef Py_REF_DEBUG
        fprintf(stderr, "[%zd refs]\n", _Py_GetRefTotal());
#endif
    }
    /* Run finalizers of cyclic garbage (objects with __del__ in cycles). */
    _PyGC_CollectNoFail(tstate);
    if (_Py_FlushStdFiles() < 0) {
        status = -1;
    }
    /* The rest of the interpreter is left to the operating system: tearing down every
     * module is slow and start/stop speed matters (benchmarks spawn many interpreters). */
    call_ll_exitfuncs();
    return status;
}

void Py_Finalize(void)
{
    (void)Py_FinalizeEx();
}

void Py_Exit(int status)
{
    if (Py_FinalizeEx() < 0) {
        status = 120;
    }
    exit(status);
}

int Py_AtExit(void (*func)(void))
{
    if (_PyRuntime.nexitfuncs >= (int)(sizeof(_PyRuntime.exitfuncs) /
                                       sizeof(_PyRuntime.exitfuncs[0]))) {
        return -1;
    }
    _PyRuntime.exitfuncs[_PyRuntime.nexitfuncs++] = func;
    return 0;
}

/* ---- fatal errors ---- */

static void fatal_write(const char *s)
{
    (void)!write(2, s, strlen(s));
}

/* "Current thread 0x... (most recent call first):" and one line per Python frame, as
 * CPython's faulthandler prints it. */
static void fatal_dump_stack(PyThreadState *tstate)
{
    char buf[512];
    snprintf(buf, sizeof(buf), "\nCurrent thread 0x%016lx (most recent call first):\n",
             tstate->thread_id);
    fatal_write(buf);
    PyFrameObject *frame = PyThreadState_GetFrame(tstate);
    int depth = 0;
    while (frame != NULL && depth < 100) {
        PyCodeObject *code = PyFrame_GetCode(frame);
        const char *filename = code ? PyUnicode_AsUTF8(code->co_filename) : NULL;
        const char *name = code ? PyUnicode_AsUTF8(code->co_name) : NULL;
        snprintf(buf, sizeof(buf), "  File \"%s\", line %d in %s\n",
                 filename ? filename : "???", PyFrame_GetLineNumber(frame),
                 name ? name : "???");
        fatal_write(buf);
        Py_XDECREF(code);
        PyFrameObject *back = PyFrame_GetBack(frame);
        Py_DECREF(frame);
        frame = back;
        depth++;
    }
    Py_XDECREF(frame);
    if (depth == 0) {
        fatal_write("  <no Python frame>\n");
    }
}

static void _Py_NO_RETURN fatal_error(const char *func, const char *msg)
{
    static int reentrant = 0;
    if (reentrant) {
        abort();
    }
    reentrant = 1;
    /* Flush what Python code already wrote, so output stays in order. */
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate != NULL && _PyRuntime.initialized) {
        PyObject *exc = PyErr_GetRaisedException();
        _Py_FlushStdFiles();
        PyErr_SetRaisedException(exc);
    }
    fatal_write("Fatal Python error: ");
    if (func != NULL) {
        fatal_write(func);
        fatal_write(": ");
    }
    fatal_write(msg);
    fatal_write("\n");
    if (_PyRuntime.initialized) {
        fatal_write("Python runtime state: initialized\n");
    }
    else if (_PyRuntime.core_initialized) {
        fatal_write("Python runtime state: initializing\n");
    }
    else {
        fatal_write("Python runtime state: not initialized\n");
    }
    if (tstate != NULL && tstate->current_exception != NULL) {
        fatal_write("\n");
        PyErr_Print();
    }
    if (tstate != NULL) {
        fatal_dump_stack(tstate);
    }
    abort();
}

#undef Py_FatalError
void Py_FatalError(const char *msg)
{
    fatal_error(NULL, msg);
}

void _Py_FatalErrorFunc(const char *func, const char *msg)
{
    fatal_error(func, msg);
}

void _Py_FatalErrorFormat(const char *func, const char *format, ...)
{
    char buf[1024];
    va_list vargs;
    va_start(vargs, format);
    vsnprintf(buf, sizeof(buf), format, vargs);
    va_end(vargs);
    fatal_error(func, buf);
}

/* ---- signals ---- */

static void sigint_handler(int signum)
{
    int saved_errno = errno;
    _Py_atomic_store_int(&_PyRuntime.signals.sigint_tripped, 1);
    _Py_atomic_store_int(&_PyRuntime.signals.is_tripped, 1);
    _PyEval_SignalMainThread(_PY_SIGNALS_PENDING_BIT);
    errno = saved_errno;
}

PyOS_sighandler_t PyOS_getsig(int sig)
{
    struct sigaction context;
    if (sigaction(sig, NULL, &context) == -1) {
        return SIG_ERR;
    }
    return context.sa_handler;
}

PyOS_sighandler_t PyOS_setsig(int sig, PyOS_sighandler_t handler)
{
    struct sigaction context, ocontext;
    context.sa_handler = handler;
    sigemptyset(&context.sa_mask);
    /* No SA_RESTART: a blocking read must return EINTR so Ctrl-C is seen. */
    context.sa_flags = 0;
    if (sigaction(sig, &context, &ocontext) == -1) {
        return SIG_ERR;
    }
    return ocontext.sa_handler;
}

void _PySignal_Init(void)
{
    PyOS_setsig(SIGPIPE, SIG_IGN);
    PyOS_setsig(SIGXFSZ, SIG_IGN);
    if (PyOS_getsig(SIGINT) == SIG_DFL) {
        PyOS_setsig(SIGINT, sigint_handler);
    }
    _PyRuntime.signals.handlers_installed = 1;
}

void _PySignal_Fini(void)
{
    if (_PyRuntime.signals.handlers_installed) {
        PyOS_setsig(SIGINT, SIG_DFL);
        _PyRuntime.signals.handlers_installed = 0;
    }
}

int _PyErr_CheckSignalsTstate(PyThreadState *tstate)
{
    _Py_unset_eval_breaker_bit(tstate, _PY_SIGNALS_PENDING_BIT);
    if (!_Py_atomic_load_int(&_PyRuntime.signals.is_tripped)) {
        return 0;
    }
    if (tstate != _PyRuntime.main_tstate) {
        return 0;
    }
    _Py_atomic_store_int(&_PyRuntime.signals.is_tripped, 0);
    if (_Py_atomic_exchange_int(&_PyRuntime.signals.sigint_tripped, 0)) {
        /* A Python-level handler (signal module) would be called here; the default one
         * raises KeyboardInterrupt. */
        PyObject *handler = NULL;
        PyObject *modules = tstate->interp->modules;
        PyObject *signal_mod = modules ? PyDict_GetItemString(modules, "_signal") : NULL;
        if (signal_mod != NULL) {
            handler = PyObject_GetAttrString(signal_mod, "_braid_sigint_handler");
            if (handler == NULL) {
                PyErr_Clear();
            }
        }
        if (handler != NULL && PyCallable_Check(handler)) {
            PyObject *r = PyObject_CallFunction(handler, "iO", SIGINT, Py_None);
            Py_DECREF(handler);
            if (r == NULL) {
                return -1;
            }
            Py_DECREF(r);
            return 0;
        }
        Py_XDECREF(handler);
        PyErr_SetNone(PyExc_KeyboardInterrupt);
        return -1;
    }
    return 0;
}

int PyErr_CheckSignals(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL || !_Py_IsMainThread()) {
        return 0;
    }
    return _PyErr_CheckSignalsTstate(tstate);
}

int PyErr_SetInterruptEx(int signum)
{
    if (signum != SIGINT) {
        return 0;
    }
    _Py_atomic_store_int(&_PyRuntime.signals.sigint_tripped, 1);
    _Py_atomic_store_int(&_PyRuntime.signals.is_tripped, 1);
    _PyEval_SignalMainThread(_PY_SIGNALS_PENDING_BIT);
    return 0;
}

void PyErr_SetInterrupt(void)
{
    (void)PyErr_SetInterruptEx(SIGINT);
}

int PyOS_InterruptOccurred(void)
{
    if (!_Py_IsMainThread()) {
        return 0;
    }
    if (_Py_atomic_exchange_int(&_PyRuntime.signals.sigint_tripped, 0)) {
        return 1;
    }
    return 0;
}

void PyOS_BeforeFork(void)
{
}

void PyOS_AfterFork_Parent(void)
{
}

/* In the child only the forking thread survives: it becomes the main thread and the other
 * thread states are forgotten (their memory is leaked on purpose). */
void PyOS_AfterFork_Child(void)
{
    _PyParkingLot_AfterFork();      /* the parent's parked threads do not exist here */
    PyThreadState *tstate = _PyThreadState_GET();
    _PyRuntime.main_thread = PyThread_get_thread_ident();
    if (tstate != NULL) {
        PyInterpreterState *interp = tstate->interp;
        _PyRuntime.main_tstate = tstate;
        tstate->thread_id = PyThread_get_thread_ident();
        tstate->native_thread_id = PyThread_get_thread_native_id();
        pthread_mutex_init(&interp->threads.mutex, NULL);
#ifdef Py_GIL_DISABLED
        /* The other threads' per-thread counts are still in their (forgotten) states: fold
         * them all into the objects. */
        interp->ptrc.mutex = (PyMutex){0};
        Py_ssize_t pinned_count;
        PyObject **pinned = _Py_ptrc_fold_stopped(interp, _Py_PTRC_FOLD_ALL, &pinned_count);
#endif
        interp->threads.head = tstate;
        tstate->prev = tstate->next = NULL;
        interp->threads.count = 1;
        _PyRuntime.threads_count = 1;
        pthread_mutex_init(&interp->pending.mutex, NULL);
        int gil_enabled = interp->gil.enabled;
        _PyEval_InitGIL(interp);
        interp->gil.enabled = gil_enabled;
        if (((_PyThreadStateImpl *)tstate)->holds_gil) {
            interp->gil.locked = 1;
            interp->gil.last_holder = tstate;
        }
        /* Locks other threads held at fork() are forgotten with those threads. */
        _PyEval_InitStopTheWorld(interp);
        interp->stw.requester_lock = (PyMutex){0};
#ifdef Py_GIL_DISABLED
        _Py_brc_after_fork(tstate);
        _Py_qsbr_after_fork(tstate);
        _Py_ptrc_release(pinned, pinned_count);
#endif
    }
}

void PyOS_AfterFork(void)
{
    PyOS_AfterFork_Child();
}

/* ---- version strings ---- */

/* As CPython 3.13 does, the free-threaded build says so in sys.version. */
#ifdef Py_GIL_DISABLED
#  define BUILD_KIND " experimental free-threading build"
#else
#  define BUILD_KIND ""
#endif

const char *Py_GetVersion(void)
{
    return PY_VERSION BUILD_KIND " (braid " BRAID_VERSION ", " __DATE__ ", " __TIME__ ") [GCC "
        __VERSION__ "]";
}

const char *Py_GetPlatform(void)
{
    return "linux";
}

const char *Py_GetCopyright(void)
{
    return "Copyright (c) the Braid authors.\nAll Rights Reserved.";
}

const char *Py_GetCompiler(void)
{
    return "[GCC " __VERSION__ "]";
}

const char *Py_GetBuildInfo(void)
{
    return "braid " BRAID_VERSION ", " __DATE__ ", " __TIME__;
}

int Py_FdIsInteractive(FILE *fp, const char *filename)
{
    if (isatty(fileno(fp))) {
        return 1;
    }
    if (!_Py_CoreConfig.interactive) {
        return 0;
    }
    return filename == NULL || strcmp(filename, "<stdin>") == 0 ||
           strcmp(filename, "???") == 0;
}

/* ---- the atexit module ---- */

/* 1 if entry (compared by identity) is still in the live callback list, i.e. no callback
 * that ran before it unregistered it; 0 if not; -1 with an exception set on error. */
static int atexit_still_registered(PyObject *callbacks, PyObject *entry)
{
    Py_ssize_t n = PyList_Size(callbacks);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GetItemRef(callbacks, i);
        if (item == NULL) {
            if (PyErr_ExceptionMatches(PyExc_IndexError)) {
                PyErr_Clear();
                return 0;   /* the list shrank meanwhile */
            }
            return -1;
        }
        Py_DECREF(item);
        if (item == entry) {
            return 1;
        }
    }
    return 0;
}

/* Call the callbacks registered before this call started, last registered first, skipping
 * those a previous callback unregistered; then forget every callback, including any that a
 * callback registered meanwhile (CPython does not run those either).  Errors, SystemExit
 * included, are reported through the unraisable hook, not raised.  Always returns 0. */
int _PyAtExit_Call(PyInterpreterState *interp)
{
    PyObject *callbacks = interp->atexit_callbacks;
    if (callbacks == NULL) {
        return 0;
    }
    Py_INCREF(callbacks);
    PyObject *snapshot = PyList_GetSlice(callbacks, 0, PY_SSIZE_T_MAX);
    if (snapshot == NULL) {
        PyErr_FormatUnraisable("Exception ignored while running atexit callbacks");
        Py_DECREF(callbacks);
        return 0;
    }
    for (Py_ssize_t i = PyList_GET_SIZE(snapshot) - 1; i >= 0; i--) {
        PyObject *entry = PyList_GET_ITEM(snapshot, i);
        int live = atexit_still_registered(callbacks, entry);
        if (live <= 0) {
            if (live < 0) {
                PyErr_FormatUnraisable("Exception ignored while running atexit callbacks");
            }
            continue;
        }
        PyObject *func = PyTuple_GET_ITEM(entry, 0);
        PyObject *args = PyTuple_GET_ITEM(entry, 1);
        PyObject *kwargs = PyTuple_GET_ITEM(entry, 2);
        PyObject *r = PyObject_Call(func, args, kwargs == Py_None ? NULL : kwargs);
        if (r == NULL) {
            PyErr_FormatUnraisable("Exception ignored in atexit callback %R", func);
        }
        Py_XDECREF(r);
    }
    Py_DECREF(snapshot);
    if (PyList_SetSlice(callbacks, 0, PY_SSIZE_T_MAX, NULL) < 0) {
        PyErr_FormatUnraisable("Exception ignored while clearing atexit callbacks");
    }
    Py_DECREF(callbacks);
    return 0;
}

static PyObject *get_atexit_list(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (interp->atexit_callbacks == NULL) {
        interp->atexit_callbacks = PyList_New(0);
    }
    return interp->atexit_callbacks;
}

static PyObject *atexit_register(PyObject *module, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) == 0) {
        PyErr_SetString(PyExc_TypeError, "register() takes at least 1 argument (0 given)");
        return NULL;
    }
    PyObject *func = PyTuple_GET_ITEM(args, 0);
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "the first argument must be callable");
        return NULL;
    }
    PyObject *list = get_atexit_list();
    if (list == NULL) {
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    if (rest == NULL) {
        return NULL;
    }
    PyObject *entry = PyTuple_Pack(3, func, rest, kwargs ? kwargs : Py_None);
    Py_DECREF(rest);
    if (entry == NULL) {
        return NULL;
    }
    int rc = PyList_Append(list, entry);
    Py_DECREF(entry);
    if (rc < 0) {
        return NULL;
    }
    return Py_NewRef(func);
}

static PyObject *atexit_unregister(PyObject *module, PyObject *func)
{
    PyObject *list = get_atexit_list();
    if (list == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = PyList_GET_SIZE(list) - 1; i >= 0; i--) {
        if (i >= PyList_GET_SIZE(list)) {
            continue;
        }
        PyObject *entry = PyList_GET_ITEM(list, i);
        PyObject *f = Py_NewRef(PyTuple_GET_ITEM(entry, 0));
        int eq = PyObject_RichCompareBool(f, func, Py_EQ);
        Py_DECREF(f);
        if (eq < 0) {
            return NULL;
        }
        if (eq && i < PyList_GET_SIZE(list) && PyList_SetSlice(list, i, i + 1, NULL) < 0) {
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

static PyObject *atexit_run_exitfuncs(PyObject *module, PyObject *unused)
{
    _PyAtExit_Call(_PyInterpreterState_GET());
    Py_RETURN_NONE;
}

static PyObject *atexit_clear(PyObject *module, PyObject *unused)
{
    PyObject *list = get_atexit_list();
    if (list == NULL || PyList_SetSlice(list, 0, PY_SSIZE_T_MAX, NULL) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *atexit_ncallbacks(PyObject *module, PyObject *unused)
{
    PyObject *list = get_atexit_list();
    if (list == NULL) {
        return NULL;
    }
    return PyLong_FromSsize_t(PyList_GET_SIZE(list));
}

static PyMethodDef atexit_methods[] = {
    {"register", _PyCFunction_CAST(atexit_register), METH_VARARGS | METH_KEYWORDS,
     "Register a function to be executed upon normal program termination."},
    {"unregister", atexit_unregister, METH_O,
     "Unregister an exit function which was previously registered using atexit.register."},
    {"_run_exitfuncs", atexit_run_exitfuncs, METH_NOARGS,
     "Run all registered exit functions."},
    {"_clear", atexit_clear, METH_NOARGS, "Clear the list of previously registered exit "
     "functions."},
    {"_ncallbacks", atexit_ncallbacks, METH_NOARGS,
     "Return the number of registered exit functions."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot atexit_slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef atexitmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "atexit",
    .m_doc = "allow programmer to define multiple exit functions to be executed\n"
             "upon normal program termination.",
    .m_size = 0,
    .m_methods = atexit_methods,
    .m_slots = atexit_slots,
};

PyMODINIT_FUNC
PyInit_atexit(void)
{
    return PyModuleDef_Init(&atexitmodule);
}
