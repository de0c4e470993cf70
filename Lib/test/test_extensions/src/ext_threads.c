/* Test extension: releasing the GIL around blocking work, PyGILState from a thread the
 * interpreter did not create, and thread-specific storage.  Uses no API newer than CPython
 * 3.11 (Py_mod_gil where it exists).
 *
 * wait_for_peers(n) counts the threads inside its GIL-released region and waits there until n
 * of them are inside at once (or a generous timeout passes): it returns the largest number it
 * saw, so overlap is measured by a count, never by timing.  Threads that kept the GIL could
 * never be inside together. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

/* Threads inside the GIL-released region now, and the most seen at once (process-wide test
 * counters; atomics because they change while the GIL is released). */
static atomic_int inside;
static atomic_int most_inside;

static PyObject *
wait_for_peers(PyObject *module, PyObject *args)
{
    int peers;
    double timeout = 30.0;
    if (!PyArg_ParseTuple(args, "i|d:wait_for_peers", &peers, &timeout)) {
        return NULL;
    }
    int seen;
    Py_BEGIN_ALLOW_THREADS
    int now = atomic_fetch_add(&inside, 1) + 1;
    seen = now;
    long waited_us = 0;
    while (now < peers && waited_us < (long)(timeout * 1e6)) {
        usleep(1000);
        waited_us += 1000;
        now = atomic_load(&inside);
        if (now > seen) {
            seen = now;
        }
    }
    int most = atomic_load(&most_inside);
    while (seen > most && !atomic_compare_exchange_weak(&most_inside, &most, seen)) {
    }
    /* stay until every peer has seen the others, so that late arrivals count too */
    usleep(20000);
    atomic_fetch_sub(&inside, 1);
    Py_END_ALLOW_THREADS
    return PyLong_FromLong(seen);
}

static PyObject *
reset(PyObject *module, PyObject *unused)
{
    atomic_store(&inside, 0);
    atomic_store(&most_inside, 0);
    Py_RETURN_NONE;
}

static PyObject *
most(PyObject *module, PyObject *unused)
{
    return PyLong_FromLong(atomic_load(&most_inside));
}

/* ---- a foreign thread calling into Python through PyGILState_Ensure ---- */

typedef struct {
    PyObject *callable;     /* borrowed: the caller keeps it alive until join */
    PyObject *result;       /* new reference, or NULL */
    int had_state;          /* PyGILState_Check() before Ensure */
} foreign_call;

static void *
foreign_thread(void *arg)
{
    foreign_call *call = arg;
    call->had_state = PyGILState_Check();
    PyGILState_STATE gstate = PyGILState_Ensure();
    call->result = PyObject_CallNoArgs(call->callable);
    if (call->result == NULL) {
        PyErr_Print();
    }
    PyGILState_Release(gstate);
    return NULL;
}

static PyObject *
call_in_foreign_thread(PyObject *module, PyObject *callable)
{
    foreign_call call = {callable, NULL, -1};
    pthread_t thread;
    int err;
    Py_BEGIN_ALLOW_THREADS
    err = pthread_create(&thread, NULL, foreign_thread, &call);
    if (err == 0) {
        pthread_join(thread, NULL);
    }
    Py_END_ALLOW_THREADS
    if (err != 0) {
        PyErr_SetString(PyExc_RuntimeError, "pthread_create failed");
        return NULL;
    }
    if (call.result == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "the call in the foreign thread failed");
        return NULL;
    }
    return Py_BuildValue("(Ni)", call.result, call.had_state);
}

/* ---- thread-specific storage ---- */

static Py_tss_t tss_key = Py_tss_NEEDS_INIT;

static PyObject *
tss_roundtrip(PyObject *module, PyObject *arg)
{
    long value = PyLong_AsLong(arg);
    if (value == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (!PyThread_tss_is_created(&tss_key) && PyThread_tss_create(&tss_key) != 0) {
        PyErr_SetString(PyExc_RuntimeError, "PyThread_tss_create failed");
        return NULL;
    }
    void *before = PyThread_tss_get(&tss_key);
    if (PyThread_tss_set(&tss_key, (void *)(intptr_t)value) != 0) {
        PyErr_SetString(PyExc_RuntimeError, "PyThread_tss_set failed");
        return NULL;
    }
    return Py_BuildValue("(ll)", (long)(intptr_t)before,
                         (long)(intptr_t)PyThread_tss_get(&tss_key));
}

static PyMethodDef methods[] = {
    {"wait_for_peers", wait_for_peers, METH_VARARGS, NULL},
    {"reset", reset, METH_NOARGS, NULL},
    {"most", most, METH_NOARGS, NULL},
    {"call_in_foreign_thread", call_in_foreign_thread, METH_O, NULL},
    {"tss_roundtrip", tss_roundtrip, METH_O, NULL},
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
    .m_name = "ext_threads",
    .m_size = 0,
    .m_methods = methods,
    .m_slots = slots,
};

PyMODINIT_FUNC
PyInit_ext_threads(void)
{
    return PyModuleDef_Init(&module_def);
}
