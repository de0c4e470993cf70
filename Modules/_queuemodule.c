/* _queue: SimpleQueue, an unbounded FIFO queue for threads, and the Empty exception.
 *
 * Items live in a ring buffer.  `mutex` (a PyMutex) protects the ring (items, head, count,
 * capacity) in both builds; it is only held for a few instructions and never while waiting.
 * Waiting getters sleep on `not_empty`, a PyThread lock used as a binary semaphore: it is
 * held (acquired) while the queue may be empty, and a put() that finds waiters releases it
 * so that one getter wakes up.  A getter re-checks the ring after waking, so spurious
 * wake-ups only cost a retry.  put() never blocks (the queue is unbounded) and is reentrant
 * enough to be called from __del__ methods and signal handlers, as documented for CPython's
 * SimpleQueue: it allocates at most a bigger ring and runs no Python code.
 *
 * Module state: the Empty exception type and the SimpleQueue type (heap types). */
#include "Python.h"

#include <math.h>
#include "pycore_lock.h"
#include "pythread.h"

#include <time.h>

typedef struct {
    PyObject *empty_error;
    PyTypeObject *simplequeue_type;
} queue_state;

static queue_state *get_state(PyObject *module)
{
    return (queue_state *)PyModule_GetState(module);
}

typedef struct {
    PyObject_HEAD
    PyMutex mutex;             /* protects items, head, count, capacity, waiters */
    PyObject **items;
    Py_ssize_t head, count, capacity;
    int waiters;               /* getters sleeping on not_empty */
    int released;              /* not_empty was released and no getter took it yet */
    PyThread_type_lock not_empty;
    PyObject *weakreflist;
} simplequeueobject;

/* Append (steals item).  Caller holds the mutex.  0 or -1 (MemoryError). */
static int ring_push(simplequeueobject *q, PyObject *item)
{
    if (q->count == q->capacity) {
        Py_ssize_t new_cap = q->capacity ? q->capacity * 2 : 8;
        PyObject **bigger = PyMem_Malloc((size_t)new_cap * sizeof(PyObject *));
        if (bigger == NULL) {
            return -1;
        }
        for (Py_ssize_t i = 0; i < q->count; i++) {
            bigger[i] = q->items[(q->head + i) % q->capacity];
        }
        PyMem_Free(q->items);
        q->items = bigger;
        q->head = 0;
        q->capacity = new_cap;
    }
    q->items[(q->head + q->count) % q->capacity] = item;
    q->count++;
    return 0;
}

/* Pop the oldest item (new reference to the caller) or NULL when empty.  Mutex held. */
static PyObject *ring_pop(simplequeueobject *q)
{
    if (q->count == 0) {
        return NULL;
    }
    PyObject *item = q->items[q->head];
    q->items[q->head] = NULL;
    q->head = (q->head + 1) % q->capacity;
    q->count--;
    return item;
}

static PyObject *simplequeue_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (args != NULL && PyTuple_GET_SIZE(args) != 0) {
        PyErr_SetString(PyExc_TypeError, "SimpleQueue() takes no positional arguments");
        return NULL;
    }
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "SimpleQueue() takes no keyword arguments");
        return NULL;
    }
    simplequeueobject *q = (simplequeueobject *)type->tp_alloc(type, 0);
    if (q == NULL) {
        return NULL;
    }
    q->mutex = (PyMutex){0};
    q->items = NULL;
    q->head = q->count = q->capacity = 0;
    q->waiters = 0;
    q->released = 0;
    q->weakreflist = NULL;
    q->not_empty = PyThread_allocate_lock();
    if (q->not_empty == NULL) {
        Py_DECREF(q);
        PyErr_SetString(PyExc_MemoryError, "can't allocate lock");
        return NULL;
    }
    /* Held while the queue may be empty. */
    PyThread_acquire_lock(q->not_empty, 1);
    return (PyObject *)q;
}

static int simplequeue_traverse(PyObject *op, visitproc visit, void *arg)
{
    simplequeueobject *q = (simplequeueobject *)op;
    for (Py_ssize_t i = 0; i < q->count; i++) {
        Py_VISIT(q->items[(q->head + i) % q->capacity]);
    }
    Py_VISIT(Py_TYPE(op));
    return 0;
}

static int simplequeue_clear(PyObject *op)
{
    simplequeueobject *q = (simplequeueobject *)op;
    PyObject *item;
    PyMutex_Lock(&q->mutex);
    while ((item = ring_pop(q)) != NULL) {
        PyMutex_Unlock(&q->mutex);
        Py_DECREF(item);
        PyMutex_Lock(&q->mutex);
    }
    PyMutex_Unlock(&q->mutex);
    return 0;
}

static void simplequeue_dealloc(PyObject *op)
{
    simplequeueobject *q = (simplequeueobject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    if (q->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    simplequeue_clear(op);
    PyMem_Free(q->items);
    if (q->not_empty != NULL) {
        PyThread_free_lock(q->not_empty);
    }
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyObject *simplequeue_put(PyObject *op, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"item", "block", "timeout", NULL};
    PyObject *item, *block = Py_True, *timeout = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|OO:put", kwlist, &item, &block,
                                     &timeout)) {
        return NULL;
    }
    simplequeueobject *q = (simplequeueobject *)op;
    PyMutex_Lock(&q->mutex);
    int rc = ring_push(q, Py_NewRef(item));
    int wake = rc == 0 && q->waiters > 0 && !q->released;
    if (wake) {
        q->released = 1;
    }
    PyMutex_Unlock(&q->mutex);
    if (rc < 0) {
        Py_DECREF(item);
        return PyErr_NoMemory();
    }
    if (wake) {
        /* Let one sleeping getter in; it re-locks not_empty if it finds nothing. */
        PyThread_release_lock(q->not_empty);
    }
    Py_RETURN_NONE;
}

static PyObject *simplequeue_put_nowait(PyObject *op, PyObject *item)
{
    PyObject *args = PyTuple_Pack(1, item);
    if (args == NULL) {
        return NULL;
    }
    PyObject *r = simplequeue_put(op, args, NULL);
    Py_DECREF(args);
    return r;
}

static PyObject *empty_error_for(PyObject *op)
{
    PyObject *module = PyType_GetModule(Py_TYPE(op));
    if (module == NULL) {
        PyErr_Clear();
        return NULL;
    }
    return get_state(module)->empty_error;
}

/* get(block=True, timeout=None) */
static PyObject *simplequeue_get(PyObject *op, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"block", "timeout", NULL};
    int block = 1;
    PyObject *timeout_obj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|pO:get", kwlist, &block, &timeout_obj)) {
        return NULL;
    }
    simplequeueobject *q = (simplequeueobject *)op;
    PY_TIMEOUT_T timeout_us = -1;
    if (block && timeout_obj != Py_None) {
        /* Converted like CPython's time values: int or float, NaN and huge values rejected. */
        if (!PyFloat_Check(timeout_obj) && !PyLong_Check(timeout_obj)) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                         Py_TYPE(timeout_obj)->tp_name);
            return NULL;
        }
        double seconds = PyFloat_AsDouble(timeout_obj);
        if (seconds == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
        if (isnan(seconds)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return NULL;
        }
        if (seconds < 0) {
            PyErr_SetString(PyExc_ValueError, "'timeout' must be a non-negative number");
            return NULL;
        }
        if (seconds * 1e6 >= (double)PY_TIMEOUT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "timeout value is too large");
            return NULL;
        }
        timeout_us = (PY_TIMEOUT_T)(seconds * 1e6);
    }
    if (!block) {
        timeout_us = 0;
    }
    long long deadline = 0;
    struct timespec ts;
    if (timeout_us > 0) {
        clock_gettime(CLOCK_MONOTONIC, &ts);
        deadline = (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000 + timeout_us;
    }
    for (;;) {
        PyMutex_Lock(&q->mutex);
        PyObject *item = ring_pop(q);
        int pass_on = 0;
        if (item == NULL) {
            q->waiters++;
        }
        else if (q->count > 0 && q->waiters > 0 && !q->released) {
            /* More items and more sleepers: wake the next getter too. */
            q->released = 1;
            pass_on = 1;
        }
        PyMutex_Unlock(&q->mutex);
        if (pass_on) {
            PyThread_release_lock(q->not_empty);
        }
        if (item != NULL) {
            return item;
        }
        if (timeout_us == 0) {
            PyMutex_Lock(&q->mutex);
            q->waiters--;
            PyMutex_Unlock(&q->mutex);
            PyErr_SetNone(empty_error_for(op));
            return NULL;
        }
        PY_TIMEOUT_T wait_us = timeout_us;
        if (timeout_us > 0) {
            clock_gettime(CLOCK_MONOTONIC, &ts);
            long long now_us = (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
            wait_us = (PY_TIMEOUT_T)(deadline - now_us);
            if (wait_us < 0) {
                wait_us = 0;
            }
        }
        PyLockStatus r;
        Py_BEGIN_ALLOW_THREADS
        r = PyThread_acquire_lock_timed(q->not_empty, wait_us, 1);
        Py_END_ALLOW_THREADS
        PyMutex_Lock(&q->mutex);
        q->waiters--;
        if (r == PY_LOCK_ACQUIRED) {
            q->released = 0;       /* not_empty is held again: by us */
        }
        PyMutex_Unlock(&q->mutex);
        if (r == PY_LOCK_INTR) {
            if (PyErr_CheckSignals() < 0) {
                return NULL;
            }
            continue;
        }
        if (r == PY_LOCK_FAILURE) {
            /* Timed out: one last look, then Empty. */
            PyMutex_Lock(&q->mutex);
            item = ring_pop(q);
            PyMutex_Unlock(&q->mutex);
            if (item != NULL) {
                return item;
            }
            PyErr_SetNone(empty_error_for(op));
            return NULL;
        }
        /* Acquired not_empty: an item was put (or a spurious hand-over); retry. */
    }
}

static PyObject *simplequeue_get_nowait(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *kwargs = Py_BuildValue("{s:O}", "block", Py_False);
    if (kwargs == NULL) {
        return NULL;
    }
    PyObject *args = PyTuple_New(0);
    PyObject *r = args ? simplequeue_get(op, args, kwargs) : NULL;
    Py_XDECREF(args);
    Py_DECREF(kwargs);
    return r;
}

static PyObject *simplequeue_empty(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    simplequeueobject *q = (simplequeueobject *)op;
    PyMutex_Lock(&q->mutex);
    int empty = q->count == 0;
    PyMutex_Unlock(&q->mutex);
    return PyBool_FromLong(empty);
}

static PyObject *simplequeue_qsize(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    simplequeueobject *q = (simplequeueobject *)op;
    PyMutex_Lock(&q->mutex);
    Py_ssize_t n = q->count;
    PyMutex_Unlock(&q->mutex);
    return PyLong_FromSsize_t(n);
}

static PyMethodDef simplequeue_methods[] = {
    {"put", _PyCFunction_CAST(simplequeue_put), METH_VARARGS | METH_KEYWORDS,
     "Put the item on the queue.\n\nThe optional 'block' and 'timeout' arguments are ignored, "
     "as this method never blocks."},
    {"put_nowait", simplequeue_put_nowait, METH_O, "Put an item into the queue without "
                                                   "blocking."},
    {"get", _PyCFunction_CAST(simplequeue_get), METH_VARARGS | METH_KEYWORDS,
     "Remove and return an item from the queue."},
    {"get_nowait", simplequeue_get_nowait, METH_NOARGS, "Remove and return an item from the "
                                                        "queue without blocking."},
    {"empty", simplequeue_empty, METH_NOARGS, "Return True if the queue is empty, False "
                                              "otherwise (not reliable!)."},
    {"qsize", simplequeue_qsize, METH_NOARGS, "Return the approximate size of the queue "
                                              "(not reliable!)."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef simplequeue_members[] = {
    {"__weaklistoffset__", Py_T_PYSSIZET, offsetof(simplequeueobject, weakreflist),
     Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot simplequeue_slots[] = {
    {Py_tp_dealloc, simplequeue_dealloc},
    {Py_tp_doc, "Simple, unbounded, reentrant FIFO queue."},
    {Py_tp_traverse, simplequeue_traverse},
    {Py_tp_clear, simplequeue_clear},
    {Py_tp_members, simplequeue_members},
    {Py_tp_methods, simplequeue_methods},
    {Py_tp_new, simplequeue_new},
    {0, NULL},
};

static PyType_Spec simplequeue_spec = {
    .name = "_queue.SimpleQueue",
    .basicsize = sizeof(simplequeueobject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC |
             Py_TPFLAGS_IMMUTABLETYPE,
    .slots = simplequeue_slots,
};

static int queue_exec(PyObject *module)
{
    queue_state *state = get_state(module);
    state->empty_error = PyErr_NewExceptionWithDoc(
        "_queue.Empty", "Exception raised by Queue.get(block=0)/get_nowait().", NULL, NULL);
    if (state->empty_error == NULL ||
        PyModule_AddObjectRef(module, "Empty", state->empty_error) < 0) {
        return -1;
    }
    state->simplequeue_type = (PyTypeObject *)PyType_FromModuleAndSpec(module,
                                                                        &simplequeue_spec,
                                                                        NULL);
    if (state->simplequeue_type == NULL ||
        PyModule_AddType(module, state->simplequeue_type) < 0) {
        return -1;
    }
    return 0;
}

static int queue_traverse(PyObject *module, visitproc visit, void *arg)
{
    queue_state *state = get_state(module);
    Py_VISIT(state->empty_error);
    Py_VISIT(state->simplequeue_type);
    return 0;
}

static int queue_clear(PyObject *module)
{
    queue_state *state = get_state(module);
    Py_CLEAR(state->empty_error);
    Py_CLEAR(state->simplequeue_type);
    return 0;
}

static PyModuleDef_Slot queue_slots[] = {
    {Py_mod_exec, queue_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef queue_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_queue",
    .m_doc = "C implementation of the Python queue module.\nThis module is an implementation "
             "detail, please do not use it directly.",
    .m_size = sizeof(queue_state),
    .m_slots = queue_slots,
    .m_traverse = queue_traverse,
    .m_clear = queue_clear,
};

PyMODINIT_FUNC
PyInit__queue(void)
{
    return PyModuleDef_Init(&queue_module);
}
