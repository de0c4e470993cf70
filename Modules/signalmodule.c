/* The _signal module: Python-level signal handlers, alarm/itimers, signal masks.
 *
 * Delivery reuses the runtime's machinery (Python/pylifecycle.c): the C handler installed here
 * records the signal in `tripped`, then trips the runtime's SIGINT flag and the main thread's
 * eval breaker.  The runtime's _PyErr_CheckSignalsTstate then calls
 * _signal._braid_sigint_handler in the main thread, which runs the Python handler of every
 * tripped signal (or the SIGINT handler when nothing is recorded here: PyErr_SetInterrupt). */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_ceval.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <fcntl.h>
#include <pthread.h>

#define SIG_IS_VALID(n) ((n) >= 1 && (n) < NSIG)

/* Process-wide state touched by the asynchronous C handler.  It must be file-level (a signal
 * handler has no other way to reach it); every access is atomic. */
static int tripped[NSIG];          /* 1 when the signal arrived and its handler has not run */
static int wakeup_fd = -1;         /* set_wakeup_fd(); written by the main thread only */
static int wakeup_warn = 1;

typedef struct {
    /* handlers[i]: the Python-level handler of signal i (a callable, SIG_DFL/SIG_IGN as int,
     * or NULL when it was installed outside Python).  Protected by `mutex`; written only in
     * the main thread. */
    PyMutex mutex;
    PyObject *handlers[NSIG];
    PyObject *default_int_handler;  /* strong */
    PyObject *itimer_error;         /* strong */
    PyObject *sig_dfl;              /* int 0 */
    PyObject *sig_ign;              /* int 1 */
} signal_state;

static signal_state *get_state(PyObject *m)
{
    return (signal_state *)PyModule_GetState(m);
}

static void signal_c_handler(int signum)
{
    int saved_errno = errno;
    if (SIG_IS_VALID(signum)) {
        _Py_atomic_store_int(&tripped[signum], 1);
    }
    _Py_atomic_store_int(&_PyRuntime.signals.sigint_tripped, 1);
    _Py_atomic_store_int(&_PyRuntime.signals.is_tripped, 1);
    _PyEval_SignalMainThread(_PY_SIGNALS_PENDING_BIT);
    int fd = _Py_atomic_load_int(&wakeup_fd);
    if (fd >= 0) {
        unsigned char byte = (unsigned char)signum;
        ssize_t n = write(fd, &byte, 1);
        (void)n;
    }
    errno = saved_errno;
}

static int check_main_thread(void)
{
    if (!_Py_IsMainThread()) {
        PyErr_SetString(PyExc_ValueError,
                        "signal only works in main thread of the main interpreter");
        return -1;
    }
    return 0;
}

static int check_signum(int signum)
{
    if (!SIG_IS_VALID(signum)) {
        PyErr_SetString(PyExc_ValueError, "signal number out of range");
        return -1;
    }
    return 0;
}

/* Return a new reference to the current handler of signum (None if unknown). */
static PyObject *get_handler(signal_state *st, int signum)
{
    PyMutex_Lock(&st->mutex);
    PyObject *h = st->handlers[signum];
    Py_XINCREF(h);
    PyMutex_Unlock(&st->mutex);
    return h != NULL ? h : Py_NewRef(Py_None);
}

/* Store handler (a new strong reference is taken). */
static void set_handler(signal_state *st, int signum, PyObject *handler)
{
    PyMutex_Lock(&st->mutex);
    PyObject *old = st->handlers[signum];
    st->handlers[signum] = Py_XNewRef(handler);
    PyMutex_Unlock(&st->mutex);
    Py_XDECREF(old);
}

/* Run the Python handler of signum; 0 or -1 with an exception set. */
static int run_handler(signal_state *st, int signum)
{
    PyObject *h = get_handler(st, signum);
    if (!PyCallable_Check(h)) {
        Py_DECREF(h);
        if (signum == SIGINT && h == Py_None) {
            PyErr_SetNone(PyExc_KeyboardInterrupt);
            return -1;
        }
        return 0;
    }
    PyObject *frame = (PyObject *)PyEval_GetFrame();
    PyObject *r = PyObject_CallFunction(h, "iO", signum, frame != NULL ? frame : Py_None);
    Py_DECREF(h);
    if (r == NULL) {
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

static void rearm(void)
{
    _Py_atomic_store_int(&_PyRuntime.signals.sigint_tripped, 1);
    _Py_atomic_store_int(&_PyRuntime.signals.is_tripped, 1);
    _PyEval_SignalMainThread(_PY_SIGNALS_PENDING_BIT);
}

/* Called by the runtime (main thread) when a signal is pending. */
static PyObject *signal_dispatch(PyObject *m, PyObject *args)
{
    (void)args;
    signal_state *st = get_state(m);
    int any = 0;
    for (int i = 1; i < NSIG; i++) {
        if (_Py_atomic_exchange_int(&tripped[i], 0)) {
            any = 1;
            if (run_handler(st, i) < 0) {
                for (int j = i + 1; j < NSIG; j++) {
                    if (_Py_atomic_load_int(&tripped[j])) {
                        rearm();
                        break;
                    }
                }
                return NULL;
            }
        }
    }
    if (!any && run_handler(st, SIGINT) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *signal_default_int_handler(PyObject *m, PyObject *args)
{
    (void)m;
    (void)args;
    PyErr_SetNone(PyExc_KeyboardInterrupt);
    return NULL;
}

static PyObject *signal_signal(PyObject *m, PyObject *args)
{
    signal_state *st = get_state(m);
    int signum;
    PyObject *handler;
    if (!PyArg_ParseTuple(args, "iO:signal", &signum, &handler)) {
        return NULL;
    }
    if (check_main_thread() < 0 || check_signum(signum) < 0) {
        return NULL;
    }
    PyOS_sighandler_t func;
    int is_int = PyLong_Check(handler);
    long ival = 0;
    if (is_int) {
        ival = PyLong_AsLong(handler);
        if (ival == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            ival = -1;
        }
    }
    if (is_int && ival == 1) {
        func = SIG_IGN;
    }
    else if (is_int && ival == 0) {
        func = SIG_DFL;
    }
    else if (PyCallable_Check(handler)) {
        func = signal_c_handler;
    }
    else {
        PyErr_SetString(PyExc_TypeError, "signal handler must be signal.SIG_IGN, "
                        "signal.SIG_DFL, or a callable object");
        return NULL;
    }
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    if (PyOS_setsig(signum, func) == SIG_ERR) {
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    PyObject *old = get_handler(st, signum);
    set_handler(st, signum, handler);
    return old;
}

static PyObject *signal_getsignal(PyObject *m, PyObject *args)
{
    int signum;
    if (!PyArg_ParseTuple(args, "i:getsignal", &signum)) {
        return NULL;
    }
    if (check_signum(signum) < 0) {
        return NULL;
    }
    return get_handler(get_state(m), signum);
}

static PyObject *signal_raise_signal(PyObject *m, PyObject *args)
{
    (void)m;
    int signum;
    if (!PyArg_ParseTuple(args, "i:raise_signal", &signum)) {
        return NULL;
    }
    if (check_signum(signum) < 0) {
        return NULL;
    }
    if (raise(signum) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *signal_strsignal(PyObject *m, PyObject *args)
{
    (void)m;
    int signum;
    if (!PyArg_ParseTuple(args, "i:strsignal", &signum)) {
        return NULL;
    }
    if (check_signum(signum) < 0) {
        return NULL;
    }
    const char *s = strsignal(signum);
    if (s == NULL || strncmp(s, "Unknown signal", 14) == 0) {
        Py_RETURN_NONE;
    }
    return PyUnicode_FromString(s);
}

static PyObject *signal_alarm(PyObject *m, PyObject *args)
{
    (void)m;
    int seconds;
    if (!PyArg_ParseTuple(args, "i:alarm", &seconds)) {
        return NULL;
    }
    return PyLong_FromLong((long)alarm((unsigned int)seconds));
}

static PyObject *signal_pause(PyObject *m, PyObject *args)
{
    (void)m;
    (void)args;
    Py_BEGIN_ALLOW_THREADS
    (void)pause();
    Py_END_ALLOW_THREADS
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *signal_set_wakeup_fd(PyObject *m, PyObject *args, PyObject *kw)
{
    (void)m;
    static char *kwlist[] = {"", "warn_on_full_buffer", NULL};
    int fd;
    int warn = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "i|$p:set_wakeup_fd", kwlist, &fd, &warn)) {
        return NULL;
    }
    if (!_Py_IsMainThread()) {
        PyErr_SetString(PyExc_ValueError,
                        "set_wakeup_fd only works in main thread of the main interpreter");
        return NULL;
    }
    if (fd != -1) {
        struct stat sb;
        if (fstat(fd, &sb) != 0) {
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        int flags = fcntl(fd, F_GETFL);
        if (flags < 0) {
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        if (!(flags & O_NONBLOCK)) {
            PyErr_Format(PyExc_ValueError, "the fd %i must be in non-blocking mode", fd);
            return NULL;
        }
    }
    int old = _Py_atomic_exchange_int(&wakeup_fd, fd);
    _Py_atomic_store_int(&wakeup_warn, warn);
    return PyLong_FromLong(old);
}

static PyObject *signal_siginterrupt(PyObject *m, PyObject *args)
{
    (void)m;
    int signum, flag;
    if (!PyArg_ParseTuple(args, "ii:siginterrupt", &signum, &flag)) {
        return NULL;
    }
    if (check_signum(signum) < 0) {
        return NULL;
    }
    struct sigaction act;
    if (sigaction(signum, NULL, &act) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (flag) {
        act.sa_flags &= ~SA_RESTART;
    }
    else {
        act.sa_flags |= SA_RESTART;
    }
    if (sigaction(signum, &act, NULL) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

/* Return a new set of the signals in *mask. */
static PyObject *sigset_to_set(sigset_t *mask)
{
    PyObject *res = PySet_New(NULL);
    if (res == NULL) {
        return NULL;
    }
    for (int i = 1; i < NSIG; i++) {
        if (sigismember(mask, i) == 1) {
            PyObject *n = PyLong_FromLong(i);
            if (n == NULL || PySet_Add(res, n) < 0) {
                Py_XDECREF(n);
                Py_DECREF(res);
                return NULL;
            }
            Py_DECREF(n);
        }
    }
    return res;
}

/* Fill *mask from an iterable of signal numbers; 0 or -1 with an exception set. */
static int iterable_to_sigset(PyObject *iterable, sigset_t *mask)
{
    sigemptyset(mask);
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return -1;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        long n = PyLong_AsLong(item);
        Py_DECREF(item);
        if (n == -1 && PyErr_Occurred()) {
            Py_DECREF(it);
            return -1;
        }
        if (n < 1 || n >= NSIG) {
            PyErr_Format(PyExc_ValueError, "signal number %ld out of range [1; %i]",
                         n, NSIG - 1);
            Py_DECREF(it);
            return -1;
        }
        sigaddset(mask, (int)n);
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static PyObject *signal_pthread_sigmask(PyObject *m, PyObject *args)
{
    (void)m;
    int how;
    PyObject *iterable;
    if (!PyArg_ParseTuple(args, "iO:pthread_sigmask", &how, &iterable)) {
        return NULL;
    }
    sigset_t mask, old;
    if (iterable_to_sigset(iterable, &mask) < 0) {
        return NULL;
    }
    int err = pthread_sigmask(how, &mask, &old);
    if (err != 0) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    return sigset_to_set(&old);
}

static PyObject *signal_sigpending(PyObject *m, PyObject *args)
{
    (void)m;
    (void)args;
    sigset_t mask;
    if (sigpending(&mask) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return sigset_to_set(&mask);
}

static PyObject *signal_valid_signals(PyObject *m, PyObject *args)
{
    (void)m;
    (void)args;
    sigset_t mask;
    sigemptyset(&mask);
    if (sigfillset(&mask) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return sigset_to_set(&mask);
}

static PyObject *signal_pthread_kill(PyObject *m, PyObject *args)
{
    (void)m;
    unsigned long tid;
    int signum;
    if (!PyArg_ParseTuple(args, "ki:pthread_kill", &tid, &signum)) {
        return NULL;
    }
    int err = pthread_kill((pthread_t)tid, signum);
    if (err != 0) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static double tv_to_double(struct timeval *tv)
{
    return (double)tv->tv_sec + (double)tv->tv_usec / 1e6;
}

static void double_to_tv(double d, struct timeval *tv)
{
    tv->tv_sec = (time_t)d;
    tv->tv_usec = (suseconds_t)((d - (double)tv->tv_sec) * 1e6);
    if (tv->tv_usec < 0) {
        tv->tv_usec = 0;
    }
    if (d > 0 && tv->tv_sec == 0 && tv->tv_usec == 0) {
        tv->tv_usec = 1;
    }
}

static PyObject *itimer_tuple(struct itimerval *v)
{
    return Py_BuildValue("(dd)", tv_to_double(&v->it_value), tv_to_double(&v->it_interval));
}

static PyObject *signal_setitimer(PyObject *m, PyObject *args)
{
    signal_state *st = get_state(m);
    int which;
    double seconds, interval = 0.0;
    if (!PyArg_ParseTuple(args, "id|d:setitimer", &which, &seconds, &interval)) {
        return NULL;
    }
    struct itimerval nv, ov;
    double_to_tv(seconds, &nv.it_value);
    double_to_tv(interval, &nv.it_interval);
    if (setitimer(which, &nv, &ov) != 0) {
        PyErr_SetFromErrno(st->itimer_error);
        return NULL;
    }
    return itimer_tuple(&ov);
}

static PyObject *signal_getitimer(PyObject *m, PyObject *args)
{
    signal_state *st = get_state(m);
    int which;
    if (!PyArg_ParseTuple(args, "i:getitimer", &which)) {
        return NULL;
    }
    struct itimerval v;
    if (getitimer(which, &v) != 0) {
        PyErr_SetFromErrno(st->itimer_error);
        return NULL;
    }
    return itimer_tuple(&v);
}

static PyMethodDef signal_methods[] = {
    {"signal", signal_signal, METH_VARARGS, "Set the action for the given signal."},
    {"getsignal", signal_getsignal, METH_VARARGS, "Return the current action for a signal."},
    {"default_int_handler", signal_default_int_handler, METH_VARARGS,
     "The default handler for SIGINT: raise KeyboardInterrupt."},
    {"raise_signal", signal_raise_signal, METH_VARARGS, "Send a signal to the process."},
    {"strsignal", signal_strsignal, METH_VARARGS, "Return the description of a signal."},
    {"alarm", signal_alarm, METH_VARARGS, "Arrange for SIGALRM in the given seconds."},
    {"pause", signal_pause, METH_NOARGS, "Wait until a signal arrives."},
    {"set_wakeup_fd", (PyCFunction)(void (*)(void))signal_set_wakeup_fd,
     METH_VARARGS | METH_KEYWORDS, "Set the fd written to when a signal arrives."},
    {"siginterrupt", signal_siginterrupt, METH_VARARGS, "Change system call restart."},
    {"pthread_sigmask", signal_pthread_sigmask, METH_VARARGS, "Change the signal mask."},
    {"sigpending", signal_sigpending, METH_NOARGS, "Return the pending signals."},
    {"valid_signals", signal_valid_signals, METH_NOARGS, "Return the valid signals."},
    {"pthread_kill", signal_pthread_kill, METH_VARARGS, "Send a signal to a thread."},
    {"setitimer", signal_setitimer, METH_VARARGS, "Set an interval timer."},
    {"getitimer", signal_getitimer, METH_VARARGS, "Return an interval timer."},
    {"_braid_sigint_handler", signal_dispatch, METH_VARARGS,
     "Run the Python handlers of pending signals (called by the runtime)."},
    {NULL, NULL, 0, NULL},
};

static const struct {
    const char *name;
    int value;
} signal_consts[] = {
#define C(name) {#name, name},
    C(SIGHUP) C(SIGINT) C(SIGQUIT) C(SIGILL) C(SIGTRAP) C(SIGABRT) C(SIGIOT) C(SIGBUS)
    C(SIGFPE) C(SIGKILL) C(SIGUSR1) C(SIGSEGV) C(SIGUSR2) C(SIGPIPE) C(SIGALRM) C(SIGTERM)
    C(SIGSTKFLT) C(SIGCHLD) C(SIGCONT) C(SIGSTOP) C(SIGTSTP) C(SIGTTIN) C(SIGTTOU) C(SIGURG)
    C(SIGXCPU) C(SIGXFSZ) C(SIGVTALRM) C(SIGPROF) C(SIGWINCH) C(SIGIO) C(SIGPOLL) C(SIGPWR)
    C(SIGSYS) C(NSIG) C(SIG_BLOCK) C(SIG_UNBLOCK) C(SIG_SETMASK)
    C(ITIMER_REAL) C(ITIMER_VIRTUAL) C(ITIMER_PROF)
#undef C
};

static int signal_exec(PyObject *m)
{
    signal_state *st = get_state(m);
    st->mutex = (PyMutex){0};
    for (size_t i = 0; i < Py_ARRAY_LENGTH(signal_consts); i++) {
        if (PyModule_AddIntConstant(m, signal_consts[i].name, signal_consts[i].value) < 0) {
            return -1;
        }
    }
    if (PyModule_AddIntConstant(m, "SIGRTMIN", SIGRTMIN) < 0 ||
        PyModule_AddIntConstant(m, "SIGRTMAX", SIGRTMAX) < 0) {
        return -1;
    }
    st->sig_dfl = PyLong_FromLong(0);
    st->sig_ign = PyLong_FromLong(1);
    if (st->sig_dfl == NULL || st->sig_ign == NULL ||
        PyModule_AddObjectRef(m, "SIG_DFL", st->sig_dfl) < 0 ||
        PyModule_AddObjectRef(m, "SIG_IGN", st->sig_ign) < 0) {
        return -1;
    }
    st->itimer_error = PyErr_NewException("signal.itimer_error", PyExc_OSError, NULL);
    if (st->itimer_error == NULL ||
        PyModule_AddObjectRef(m, "ItimerError", st->itimer_error) < 0) {
        return -1;
    }
    st->default_int_handler = PyObject_GetAttrString(m, "default_int_handler");
    if (st->default_int_handler == NULL) {
        return -1;
    }
    for (int i = 1; i < NSIG; i++) {
        PyOS_sighandler_t h = PyOS_getsig(i);
        if (h == SIG_DFL) {
            st->handlers[i] = Py_NewRef(st->sig_dfl);
        }
        else if (h == SIG_IGN) {
            st->handlers[i] = Py_NewRef(st->sig_ign);
        }
    }
    /* The runtime's own SIGINT handler is replaced by ours (same effect: the dispatcher runs
     * default_int_handler), so that every signal goes through `tripped`. */
    PyOS_sighandler_t h = PyOS_getsig(SIGINT);
    if (h != SIG_DFL && h != SIG_IGN && h != SIG_ERR && _Py_IsMainThread()) {
        if (PyOS_setsig(SIGINT, signal_c_handler) != SIG_ERR) {
            st->handlers[SIGINT] = Py_NewRef(st->default_int_handler);
        }
    }
    return 0;
}

static int signal_traverse(PyObject *m, visitproc visit, void *arg)
{
    signal_state *st = get_state(m);
    if (st == NULL) {
        return 0;
    }
    for (int i = 1; i < NSIG; i++) {
        Py_VISIT(st->handlers[i]);
    }
    Py_VISIT(st->default_int_handler);
    Py_VISIT(st->itimer_error);
    return 0;
}

static int signal_clear(PyObject *m)
{
    signal_state *st = get_state(m);
    if (st == NULL) {
        return 0;
    }
    for (int i = 1; i < NSIG; i++) {
        Py_CLEAR(st->handlers[i]);
    }
    Py_CLEAR(st->default_int_handler);
    Py_CLEAR(st->itimer_error);
    Py_CLEAR(st->sig_dfl);
    Py_CLEAR(st->sig_ign);
    return 0;
}

static void signal_free(void *m)
{
    (void)signal_clear((PyObject *)m);
}

static PyModuleDef_Slot signal_slots[] = {
    {Py_mod_exec, signal_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef signal_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_signal",
    .m_doc = "Set handlers for asynchronous events.",
    .m_size = sizeof(signal_state),
    .m_methods = signal_methods,
    .m_slots = signal_slots,
    .m_traverse = signal_traverse,
    .m_clear = signal_clear,
    .m_free = signal_free,
};

PyMODINIT_FUNC
PyInit__signal(void)
{
    return PyModuleDef_Init(&signal_module);
}
