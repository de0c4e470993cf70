/* _thread: low-level threads, locks and thread-local data (Lib/threading.py builds on it).
 *
 * Locks.  `lock` wraps a PyThread_type_lock (Python/thread.c).  acquire() first tries without
 * blocking; only if that fails does it release the GIL (detach the thread state) and wait,
 * waking for signals so that Ctrl-C raises KeyboardInterrupt in the main thread even while
 * it waits.  `locked` mirrors the lock state for locked() and release() checks; it is only
 * changed by the thread that holds the lock, and read with relaxed atomics.
 *
 * RLock.  Owner ident and count are changed only by the owner while it holds the inner
 * lock; other threads only compare the owner with their own ident (a relaxed load), which
 * can never be equal to theirs by accident.
 *
 * Threads.  start_new_thread() starts a detached POSIX thread whose bootstrap creates a thread
 * state, attaches it (takes the GIL in the GIL build), runs the callable, reports an uncaught
 * exception as unraisable ("Exception ignored in thread started by ..."), and deletes its
 * thread state.  The module counts running threads for _count() with atomic increments.
 *
 * Thread-local data.  A _local object keeps, per thread, a dict of attributes.  Each thread's
 * dict is found through the thread state's dict (PyThreadState_GetDict) under a key unique to
 * the _local; the entry is a small "dummy" object whose weak reference (with a callback)
 * removes the thread's attribute dict from the _local when the thread state goes away. */
#include "Python.h"
#include "pycore_gc.h"
#include "pycore_modsupport.h"
#include "pycore_pyatomic_ft_wrappers.h"

#include <signal.h>

typedef struct {
    PyTypeObject *lock_type;
    PyTypeObject *rlock_type;
    PyTypeObject *local_type;
    PyTypeObject *localdummy_type;
    PyObject *str_dict;
    Py_ssize_t running_threads;   /* atomic: threads started here that have not finished */
} thread_module_state;

static struct PyModuleDef threadmodule;

static thread_module_state *get_thread_state(PyObject *module)
{
    return (thread_module_state *)PyModule_GetState(module);
}

/* The module state from an instance of one of the module's types (or a subclass). */
static thread_module_state *find_state_by_type(PyTypeObject *type)
{
    PyObject *module = PyType_GetModuleByDef(type, &threadmodule);
    return module != NULL ? get_thread_state(module) : NULL;
}

/* ---- timeouts ------------------------------------------------------------------------------ */

/* Parse acquire()'s (blocking, timeout) into microseconds: -1 forever, 0 try once.
 * Returns -2 with an exception set on invalid arguments. */
static PY_TIMEOUT_T parse_timeout(int blocking, PyObject *timeout_obj)
{
    double timeout = -1.0;
    if (timeout_obj != NULL && timeout_obj != Py_None) {
        timeout = PyFloat_AsDouble(timeout_obj);
        if (timeout == -1.0 && PyErr_Occurred()) {
            return -2;
        }
    }
    if (!blocking && timeout != -1.0) {
        PyErr_SetString(PyExc_ValueError, "can't specify a timeout for a non-blocking call");
        return -2;
    }
    if (timeout < 0 && timeout != -1.0) {
        PyErr_SetString(PyExc_ValueError, "timeout value must be a non-negative number");
        return -2;
    }
    if (!blocking) {
        return 0;
    }
    if (timeout == -1.0) {
        return -1;
    }
    if (timeout * 1e6 > (double)PY_TIMEOUT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "timeout value is too large");
        return -2;
    }
    return (PY_TIMEOUT_T)(timeout * 1e6);
}

static PY_TIMEOUT_T monotonic_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (PY_TIMEOUT_T)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Acquire lock, waiting up to microseconds (-1: forever) with the GIL released, and running
 * signal handlers when a signal interrupts the wait.  Returns PY_LOCK_ACQUIRED,
 * PY_LOCK_FAILURE (timed out), or PY_LOCK_INTR with an exception set (a handler raised). */
static PyLockStatus acquire_timed(PyThread_type_lock lock, PY_TIMEOUT_T microseconds)
{
    PyLockStatus r = PyThread_acquire_lock_timed(lock, 0, 0);
    if (r == PY_LOCK_ACQUIRED || microseconds == 0) {
        return r;
    }
    PY_TIMEOUT_T deadline = microseconds > 0 ? monotonic_us() + microseconds : 0;
    for (;;) {
        Py_BEGIN_ALLOW_THREADS
        r = PyThread_acquire_lock_timed(lock, microseconds, 1);
        Py_END_ALLOW_THREADS
        if (r != PY_LOCK_INTR) {
            return r;
        }
        if (PyErr_CheckSignals() < 0) {
            return PY_LOCK_INTR;
        }
        if (microseconds > 0) {
            microseconds = deadline - monotonic_us();
            if (microseconds <= 0) {
                return PyThread_acquire_lock_timed(lock, 0, 0);
            }
        }
    }
}

/* ---- lock ---------------------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyThread_type_lock lock;
    char locked;               /* relaxed atomic; written by the holder */
    PyObject *weakreflist;
} lockobject;

static int lock_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    return 0;
}

static void lock_dealloc(PyObject *self)
{
    lockobject *lk = (lockobject *)self;
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    if (lk->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    if (lk->lock != NULL) {
        if (lk->locked) {
            PyThread_release_lock(lk->lock);
        }
        PyThread_free_lock(lk->lock);
    }
    tp->tp_free(self);
    Py_DECREF(tp);
}

/* Parse (blocking=True, timeout=-1) for acquire methods. */
static int parse_acquire_args(PyObject *args, PyObject *kwargs, PY_TIMEOUT_T *microseconds)
{
    static char *kwlist[] = {"blocking", "timeout", NULL};
    int blocking = 1;
    PyObject *timeout = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|pO:acquire", kwlist, &blocking,
                                     &timeout)) {
        return -1;
    }
    *microseconds = parse_timeout(blocking, timeout);
    return *microseconds == -2 ? -1 : 0;
}

static PyObject *lock_acquire(PyObject *self, PyObject *args, PyObject *kwargs)
{
    lockobject *lk = (lockobject *)self;
    PY_TIMEOUT_T microseconds;
    if (parse_acquire_args(args, kwargs, &microseconds) < 0) {
        return NULL;
    }
    PyLockStatus r = acquire_timed(lk->lock, microseconds);
    if (r == PY_LOCK_INTR) {
        return NULL;
    }
    if (r == PY_LOCK_ACQUIRED) {
        FT_ATOMIC_STORE_UINT8_RELAXED(*(uint8_t *)&lk->locked, 1);
    }
    return PyBool_FromLong(r == PY_LOCK_ACQUIRED);
}

static PyObject *lock_release(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    lockobject *lk = (lockobject *)self;
    if (!FT_ATOMIC_LOAD_UINT8_RELAXED(*(uint8_t *)&lk->locked)) {
        PyErr_SetString(PyExc_RuntimeError, "release unlocked lock");
        return NULL;
    }
    FT_ATOMIC_STORE_UINT8_RELAXED(*(uint8_t *)&lk->locked, 0);
    PyThread_release_lock(lk->lock);
    Py_RETURN_NONE;
}

static PyObject *lock_exit(PyObject *self, PyObject *args)
{
    return lock_release(self, NULL);
}

static PyObject *lock_locked(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    lockobject *lk = (lockobject *)self;
    return PyBool_FromLong(FT_ATOMIC_LOAD_UINT8_RELAXED(*(uint8_t *)&lk->locked));
}

/* After fork() in the child: a fresh, unlocked lock. */
static PyObject *lock_at_fork_reinit(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    lockobject *lk = (lockobject *)self;
    PyThread_type_lock fresh = PyThread_allocate_lock();
    if (fresh == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "can't allocate lock");
        return NULL;
    }
    /* The old lock may be held by a thread that no longer exists: leak it deliberately. */
    lk->lock = fresh;
    lk->locked = 0;
    Py_RETURN_NONE;
}

static PyObject *lock_repr(PyObject *self)
{
    lockobject *lk = (lockobject *)self;
    return PyUnicode_FromFormat("<%s %s object at %p>", lk->locked ? "locked" : "unlocked",
                                Py_TYPE(self)->tp_name, self);
}

/* Return a new reference to a new unlocked lock of the module's lock type. */
static PyObject *new_lock(thread_module_state *st)
{
    lockobject *lk = PyObject_GC_New(lockobject, st->lock_type);
    if (lk == NULL) {
        return NULL;
    }
    lk->lock = PyThread_allocate_lock();
    lk->locked = 0;
    lk->weakreflist = NULL;
    if (lk->lock == NULL) {
        Py_DECREF(lk);
        PyErr_SetString(PyExc_RuntimeError, "can't allocate lock");
        return NULL;
    }
    PyObject_GC_Track(lk);
    return (PyObject *)lk;
}

static PyObject *lock_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (!_PyArg_NoKeywords("lock", kwargs) || !_PyArg_CheckPositional("lock",
                                                                      PyTuple_GET_SIZE(args),
                                                                      0, 0)) {
        return NULL;
    }
    thread_module_state *st = find_state_by_type(type);
    if (st == NULL) {
        return NULL;
    }
    return new_lock(st);
}

#define ACQUIRE_DOC                                                                           \
    "acquire($self, /, blocking=True, timeout=-1)\n--\n\n"                                    \
    "Lock the lock.  Without argument, this blocks if the lock is already\n"                 \
    "locked (even by the same thread), waiting for another thread to release\n"              \
    "the lock, and returns True once the lock is acquired.\n"                                \
    "With an argument, this will only block if the argument is true,\n"                      \
    "and the return value reflects whether the lock is acquired.\n"                          \
    "The blocking operation is interruptible."

static PyMethodDef lock_methods[] = {
    {"acquire", _PyCFunction_CAST(lock_acquire), METH_VARARGS | METH_KEYWORDS, ACQUIRE_DOC},
    {"acquire_lock", _PyCFunction_CAST(lock_acquire), METH_VARARGS | METH_KEYWORDS,
     "An obsolete synonym of acquire()."},
    {"__enter__", _PyCFunction_CAST(lock_acquire), METH_VARARGS | METH_KEYWORDS,
     "Lock the lock."},
    {"release", lock_release, METH_NOARGS, "Release the lock (it must be locked)."},
    {"release_lock", lock_release, METH_NOARGS, "An obsolete synonym of release()."},
    {"__exit__", lock_exit, METH_VARARGS, "Release the lock."},
    {"locked", lock_locked, METH_NOARGS, "Test whether the lock is currently locked."},
    {"locked_lock", lock_locked, METH_NOARGS, "An obsolete synonym of locked()."},
    {"_at_fork_reinit", lock_at_fork_reinit, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef lock_members[] = {
    {"__weaklistoffset__", Py_T_PYSSIZET, offsetof(lockobject, weakreflist), Py_READONLY},
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot lock_slots[] = {
    {Py_tp_dealloc, lock_dealloc},
    {Py_tp_repr, lock_repr},
    {Py_tp_doc, "A lock object is a synchronization primitive.  To create a lock,\n"
                "call threading.Lock().  Methods are: acquire(), release(), locked()."},
    {Py_tp_methods, lock_methods},
    {Py_tp_members, lock_members},
    {Py_tp_traverse, lock_traverse},
    {Py_tp_new, lock_new},
    {0, NULL},
};

static PyType_Spec lock_spec = {
    .name = "_thread.lock",
    .basicsize = sizeof(lockobject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = lock_slots,
};

/* ---- RLock --------------------------------------------------------------------------------- */

/* owner and count are read by threads that do not hold the lock (the "do I own it?" test in
 * acquire/release, is_owned, repr, _release_save), so in the free-threaded build every access
 * to them is a relaxed atomic (RLOCK_LOAD/RLOCK_STORE; plain accesses in the GIL build).
 * Relaxed is enough: a thread acts only on owner == its own id, which only it can have stored,
 * and count is changed only by the owner; the lock itself orders the hand-over between owners.
 * Every test reads owner before count, so a non-owner never relies on count. */
typedef struct {
    PyObject_HEAD
    PyThread_type_lock lock;
    unsigned long owner;       /* thread id of the owner; 0 when unowned */
    unsigned long count;       /* recursion depth; changed by the owner only */
    PyObject *weakreflist;
} rlockobject;

#ifdef Py_GIL_DISABLED
#  define RLOCK_LOAD(field) __atomic_load_n(&(field), __ATOMIC_RELAXED)
#  define RLOCK_STORE(field, value) __atomic_store_n(&(field), (value), __ATOMIC_RELAXED)
#else
#  define RLOCK_LOAD(field) (field)
#  define RLOCK_STORE(field, value) ((field) = (value))
#endif

/* Does the calling thread (tid) own r? */
static int rlock_is_owned_by(rlockobject *r, unsigned long tid)
{
    return RLOCK_LOAD(r->owner) == tid && RLOCK_LOAD(r->count) > 0;
}

static void rlock_dealloc(PyObject *self)
{
    rlockobject *r = (rlockobject *)self;
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    if (r->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    if (r->lock != NULL) {
        if (r->count > 0) {
            PyThread_release_lock(r->lock);
        }
        PyThread_free_lock(r->lock);
    }
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyObject *rlock_acquire(PyObject *self, PyObject *args, PyObject *kwargs)
{
    rlockobject *r = (rlockobject *)self;
    PY_TIMEOUT_T microseconds;
    if (parse_acquire_args(args, kwargs, &microseconds) < 0) {
        return NULL;
    }
    unsigned long tid = PyThread_get_thread_ident();
    if (rlock_is_owned_by(r, tid)) {
        unsigned long count = RLOCK_LOAD(r->count);
        if (count == ULONG_MAX) {
            PyErr_SetString(PyExc_OverflowError, "Internal lock count overflowed");
            return NULL;
        }
        RLOCK_STORE(r->count, count + 1);
        Py_RETURN_TRUE;
    }
    PyLockStatus status = acquire_timed(r->lock, microseconds);
    if (status == PY_LOCK_INTR) {
        return NULL;
    }
    if (status != PY_LOCK_ACQUIRED) {
        Py_RETURN_FALSE;
    }
    RLOCK_STORE(r->owner, tid);
    RLOCK_STORE(r->count, 1UL);
    Py_RETURN_TRUE;
}

static PyObject *rlock_release(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    rlockobject *r = (rlockobject *)self;
    unsigned long tid = PyThread_get_thread_ident();
    if (!rlock_is_owned_by(r, tid)) {
        PyErr_SetString(PyExc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    unsigned long count = RLOCK_LOAD(r->count) - 1;
    RLOCK_STORE(r->count, count);
    if (count == 0) {
        RLOCK_STORE(r->owner, 0UL);
        PyThread_release_lock(r->lock);
    }
    Py_RETURN_NONE;
}

static PyObject *rlock_exit(PyObject *self, PyObject *args)
{
    return rlock_release(self, NULL);
}

/* _acquire_restore((count, owner)): used by Condition.wait() to re-take the lock. */
static PyObject *rlock_acquire_restore(PyObject *self, PyObject *args)
{
    rlockobject *r = (rlockobject *)self;
    unsigned long count, owner;
    if (!PyArg_ParseTuple(args, "(kk):_acquire_restore", &count, &owner)) {
        return NULL;
    }
    if (acquire_timed(r->lock, -1) != PY_LOCK_ACQUIRED) {
        return NULL;
    }
    RLOCK_STORE(r->owner, owner);
    RLOCK_STORE(r->count, count);
    Py_RETURN_NONE;
}

/* _release_save() -> (count, owner): fully release for Condition.wait(). */
static PyObject *rlock_release_save(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    rlockobject *r = (rlockobject *)self;
    unsigned long owner = RLOCK_LOAD(r->owner);
    unsigned long count = RLOCK_LOAD(r->count);
    if (count == 0) {
        PyErr_SetString(PyExc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    RLOCK_STORE(r->count, 0UL);
    RLOCK_STORE(r->owner, 0UL);
    PyThread_release_lock(r->lock);
    return Py_BuildValue("(kk)", count, owner);
}

static PyObject *rlock_recursion_count(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    rlockobject *r = (rlockobject *)self;
    unsigned long tid = PyThread_get_thread_ident();
    return PyLong_FromUnsignedLong(rlock_is_owned_by(r, tid) ? RLOCK_LOAD(r->count) : 0UL);
}

static PyObject *rlock_is_owned(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    rlockobject *r = (rlockobject *)self;
    unsigned long tid = PyThread_get_thread_ident();
    return PyBool_FromLong(rlock_is_owned_by(r, tid));
}

static PyObject *rlock_locked(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(RLOCK_LOAD(((rlockobject *)self)->owner) != 0);
}

static PyObject *rlock_at_fork_reinit(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    rlockobject *r = (rlockobject *)self;
    PyThread_type_lock fresh = PyThread_allocate_lock();
    if (fresh == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "can't allocate lock");
        return NULL;
    }
    r->lock = fresh;
    r->owner = 0;
    r->count = 0;
    Py_RETURN_NONE;
}

static PyObject *rlock_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    rlockobject *r = (rlockobject *)type->tp_alloc(type, 0);
    if (r == NULL) {
        return NULL;
    }
    r->lock = PyThread_allocate_lock();
    r->owner = 0;
    r->count = 0;
    r->weakreflist = NULL;
    if (r->lock == NULL) {
        Py_DECREF(r);
        PyErr_SetString(PyExc_RuntimeError, "can't allocate lock");
        return NULL;
    }
    return (PyObject *)r;
}

static PyObject *rlock_repr(PyObject *self)
{
    rlockobject *r = (rlockobject *)self;
    unsigned long owner = RLOCK_LOAD(r->owner);
    unsigned long count = owner ? RLOCK_LOAD(r->count) : 0UL;
    return PyUnicode_FromFormat("<%s %s object owner=%lu count=%lu at %p>",
                                owner ? "locked" : "unlocked", Py_TYPE(self)->tp_name, owner,
                                count, self);
}

static PyMethodDef rlock_methods[] = {
    {"acquire", _PyCFunction_CAST(rlock_acquire), METH_VARARGS | METH_KEYWORDS,
     "Lock the lock; a thread that owns it may acquire it again (it must release it as\n"
     "many times).  Returns True if acquired."},
    {"release", rlock_release, METH_NOARGS,
     "Release the lock once; it is unlocked when the count drops to zero."},
    {"locked", rlock_locked, METH_NOARGS, "Return whether this object is locked."},
    {"_is_owned", rlock_is_owned, METH_NOARGS, "For internal use by threading.Condition."},
    {"_recursion_count", rlock_recursion_count, METH_NOARGS,
     "For internal use by reentrancy checks."},
    {"_acquire_restore", rlock_acquire_restore, METH_VARARGS,
     "For internal use by threading.Condition."},
    {"_release_save", rlock_release_save, METH_NOARGS,
     "For internal use by threading.Condition."},
    {"_at_fork_reinit", rlock_at_fork_reinit, METH_NOARGS, NULL},
    {"__enter__", _PyCFunction_CAST(rlock_acquire), METH_VARARGS | METH_KEYWORDS,
     "Lock the lock."},
    {"__exit__", rlock_exit, METH_VARARGS, "Release the lock."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef rlock_members[] = {
    {"__weaklistoffset__", Py_T_PYSSIZET, offsetof(rlockobject, weakreflist), Py_READONLY},
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot rlock_slots[] = {
    {Py_tp_dealloc, rlock_dealloc},
    {Py_tp_repr, rlock_repr},
    {Py_tp_methods, rlock_methods},
    {Py_tp_members, rlock_members},
    {Py_tp_alloc, PyType_GenericAlloc},
    {Py_tp_new, rlock_new},
    {Py_tp_traverse, lock_traverse},
    {0, NULL},
};

static PyType_Spec rlock_spec = {
    .name = "_thread.RLock",
    .basicsize = sizeof(rlockobject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC |
             Py_TPFLAGS_IMMUTABLETYPE,
    .slots = rlock_slots,
};

/* ---- thread-local data --------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *weakreflist;
    /* Borrowed: this thread's attribute dict, owned by the _local's `dicts` for as long as
     * both the _local and this dummy live, which is all the time a thread that reaches its
     * dummy through its own thread dict (and holds the _local) needs it.  Lets a read skip
     * the shared `dicts` (a locked lookup every thread would contend on). */
    PyObject *ldict;
} localdummyobject;

static void localdummy_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    if (((localdummyobject *)self)->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyMemberDef localdummy_members[] = {
    {"__weaklistoffset__", Py_T_PYSSIZET, offsetof(localdummyobject, weakreflist),
     Py_READONLY},
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot localdummy_slots[] = {
    {Py_tp_dealloc, localdummy_dealloc},
    {Py_tp_members, localdummy_members},
    {Py_tp_doc, "Thread-local dummy"},
    {0, NULL},
};

static PyType_Spec localdummy_spec = {
    .name = "_thread._localdummy",
    .basicsize = sizeof(localdummyobject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE |
             Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = localdummy_slots,
};

typedef struct {
    PyObject_HEAD
    PyObject *key;           /* unique str under which threads store their dummy */
    PyObject *args, *kw;     /* constructor arguments, replayed in each new thread */
    PyObject *weakreflist;
    PyObject *dicts;         /* {weakref to a thread's dummy: that thread's attribute dict} */
    PyObject *wr_callback;   /* removes an entry of dicts when its dummy dies */
} localobject;

/* Weak-reference callback: a thread's dummy died (its thread state was cleared), so its
 * attribute dict is dropped.  self is a weak reference to the _local, passed as the
 * callback's bound self. */
static PyObject *local_dummy_destroyed(PyObject *localweakref, PyObject *dummyweakref)
{
    PyObject *local = NULL;
    if (PyWeakref_GetRef(localweakref, &local) < 0) {
        return NULL;
    }
    if (local != NULL) {
        localobject *lo = (localobject *)local;
        if (lo->dicts != NULL && PyDict_DelItem(lo->dicts, dummyweakref) < 0) {
            PyErr_Clear();
        }
        Py_DECREF(local);
    }
    Py_RETURN_NONE;
}

static PyMethodDef local_dummy_destroyed_def = {
    "_localdummy_destroyed", local_dummy_destroyed, METH_O, NULL,
};

static PyObject *local_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (type->tp_init == PyBaseObject_Type.tp_init &&
        ((args != NULL && PyTuple_GET_SIZE(args) > 0) ||
         (kw != NULL && PyDict_GET_SIZE(kw) > 0))) {
        PyErr_SetString(PyExc_TypeError, "Initialization arguments are not supported");
        return NULL;
    }
    localobject *self = (localobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->args = Py_XNewRef(args);
    self->kw = Py_XNewRef(kw);
    /* Unique for the life of the process (a later _local at the same address must not find
     * this one's dummies: their cached dict pointer would dangle).  The counter is only ever
     * incremented atomically. */
    static uint64_t local_serial;
    unsigned long long serial = (unsigned long long)_Py_atomic_add_uint64(&local_serial, 1);
    self->key = PyUnicode_FromFormat("thread.local.%p.%llu", self, serial);
    self->dicts = PyDict_New();
    PyObject *wr = PyWeakref_NewRef((PyObject *)self, NULL);
    if (wr != NULL) {
        self->wr_callback = PyCFunction_NewEx(&local_dummy_destroyed_def, wr, NULL);
        Py_DECREF(wr);
    }
    if (self->key == NULL || self->dicts == NULL || self->wr_callback == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

/* Return a borrowed reference to the current thread's attribute dict, creating it (and
 * running __init__ for a subclass that defines one) on first use in this thread. */
static PyObject *local_getdict(localobject *self)
{
    PyObject *tdict = PyThreadState_GetDict();
    if (tdict == NULL) {
        PyErr_SetString(PyExc_SystemError, "Couldn't get thread-state dictionary");
        return NULL;
    }
    PyObject *dummy;
    if (PyDict_GetItemRef(tdict, self->key, &dummy) < 0) {
        return NULL;
    }
    if (dummy != NULL) {
        PyObject *ldict = ((localdummyobject *)dummy)->ldict;
        Py_DECREF(dummy);     /* still referenced by this thread's dict */
        if (ldict != NULL) {
            return ldict;
        }
    }
    /* First use in this thread. */
    thread_module_state *st = find_state_by_type(Py_TYPE(self));
    if (st == NULL) {
        return NULL;
    }
    dummy = st->localdummy_type->tp_alloc(st->localdummy_type, 0);
    if (dummy == NULL) {
        return NULL;
    }
    PyObject *ldict = PyDict_New();
    PyObject *wr = ldict ? PyWeakref_NewRef(dummy, self->wr_callback) : NULL;
    int ok = wr != NULL && PyDict_SetItem(tdict, self->key, dummy) == 0 &&
             PyDict_SetItem(self->dicts, wr, ldict) == 0;
    if (ok) {
        ((localdummyobject *)dummy)->ldict = ldict;
    }
    Py_DECREF(dummy);
    Py_XDECREF(wr);
    if (!ok) {
        Py_XDECREF(ldict);
        return NULL;
    }
    /* A subclass's __init__ runs once per thread, with the constructor's arguments. */
    if (Py_TYPE(self)->tp_init != PyBaseObject_Type.tp_init) {
        PyObject *args = self->args ? Py_NewRef(self->args) : PyTuple_New(0);
        int rc = args != NULL ? Py_TYPE(self)->tp_init((PyObject *)self, args, self->kw) : -1;
        Py_XDECREF(args);
        if (rc < 0) {
            /* Forget this thread's half-initialised dict, so a later access retries. */
            PyObject *exc = PyErr_GetRaisedException();
            if (PyDict_DelItem(tdict, self->key) < 0) {
                PyErr_Clear();
            }
            PyErr_SetRaisedException(exc);
            Py_DECREF(ldict);
            return NULL;
        }
    }
    /* self->dicts keeps the dict alive for as long as this thread's dummy lives. */
    Py_DECREF(ldict);
    return ldict;
}

/* Is name "__dict__"?  (Attribute names are usually the interned identifier itself.) */
static inline int is_dict_name(PyObject *name)
{
    return name == _Py_ID(__dict__) ||
           (PyUnicode_Check(name) && _PyUnicode_Equal(name, _Py_ID(__dict__)));
}

/* Attribute lookup with the thread's dict playing the role of the instance dict:
 * data descriptors of the type first, then the dict, then other class attributes. */
static PyObject *local_getattro(PyObject *op, PyObject *name)
{
    localobject *self = (localobject *)op;
    PyObject *ldict = local_getdict(self);
    if (ldict == NULL) {
        return NULL;
    }
    if (is_dict_name(name)) {
        return Py_NewRef(ldict);
    }
    PyTypeObject *type = Py_TYPE(op);
    PyObject *descr = _PyType_Lookup(type, name);
    if (descr != NULL) {
        Py_INCREF(descr);
        descrgetfunc get = Py_TYPE(descr)->tp_descr_get;
        if (get != NULL && Py_TYPE(descr)->tp_descr_set != NULL) {
            PyObject *res = get(descr, op, (PyObject *)type);
            Py_DECREF(descr);
            return res;
        }
    }
    PyObject *value;
    if (PyDict_GetItemRef(ldict, name, &value) < 0) {
        Py_XDECREF(descr);
        return NULL;
    }
    if (value != NULL) {
        Py_XDECREF(descr);
        return value;
    }
    if (descr != NULL) {
        descrgetfunc get = Py_TYPE(descr)->tp_descr_get;
        if (get != NULL) {
            PyObject *res = get(descr, op, (PyObject *)type);
            Py_DECREF(descr);
            return res;
        }
        return descr;
    }
    PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                 type->tp_name, name);
    return NULL;
}

static int local_setattro(PyObject *op, PyObject *name, PyObject *value)
{
    localobject *self = (localobject *)op;
    PyObject *ldict = local_getdict(self);
    if (ldict == NULL) {
        return -1;
    }
    if (is_dict_name(name)) {
        PyErr_Format(PyExc_AttributeError, "'%.100s' object attribute '__dict__' is read-only",
                     Py_TYPE(op)->tp_name);
        return -1;
    }
    PyObject *descr = _PyType_Lookup(Py_TYPE(op), name);
    if (descr != NULL && Py_TYPE(descr)->tp_descr_set != NULL) {
        Py_INCREF(descr);
        int rc = Py_TYPE(descr)->tp_descr_set(descr, op, value);
        Py_DECREF(descr);
        return rc;
    }
    if (value == NULL) {
        if (PyDict_DelItem(ldict, name) < 0) {
            if (PyErr_ExceptionMatches(PyExc_KeyError)) {
                PyErr_Clear();
                PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                             Py_TYPE(op)->tp_name, name);
            }
            return -1;
        }
        return 0;
    }
    return PyDict_SetItem(ldict, name, value);
}

static int local_traverse(PyObject *op, visitproc visit, void *arg)
{
    localobject *self = (localobject *)op;
    Py_VISIT(Py_TYPE(op));
    Py_VISIT(self->args);
    Py_VISIT(self->kw);
    Py_VISIT(self->dicts);
    return 0;
}

static int local_clear(PyObject *op)
{
    localobject *self = (localobject *)op;
    Py_CLEAR(self->args);
    Py_CLEAR(self->kw);
    Py_CLEAR(self->dicts);
    return 0;
}

static void local_dealloc(PyObject *op)
{
    localobject *self = (localobject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    local_clear(op);
    Py_CLEAR(self->key);
    Py_CLEAR(self->wr_callback);
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyMemberDef local_members[] = {
    {"__weaklistoffset__", Py_T_PYSSIZET, offsetof(localobject, weakreflist), Py_READONLY},
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot local_slots[] = {
    {Py_tp_dealloc, local_dealloc},
    {Py_tp_getattro, local_getattro},
    {Py_tp_setattro, local_setattro},
    {Py_tp_doc, "Thread-local data"},
    {Py_tp_traverse, local_traverse},
    {Py_tp_clear, local_clear},
    {Py_tp_new, local_new},
    {Py_tp_members, local_members},
    {0, NULL},
};

static PyType_Spec local_spec = {
    .name = "_thread._local",
    .basicsize = sizeof(localobject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC |
             Py_TPFLAGS_IMMUTABLETYPE,
    .slots = local_slots,
};

/* ---- starting threads ---------------------------------------------------------------------- */

typedef struct {
    PyInterpreterState *interp;
    PyObject *func;
    PyObject *args;
    PyObject *kwargs;
    PyObject *module;   /* keeps the module (and its running-thread count) alive */
} bootstate;

static void bootstate_free(bootstate *boot)
{
    Py_DECREF(boot->func);
    Py_DECREF(boot->args);
    Py_XDECREF(boot->kwargs);
    Py_DECREF(boot->module);
    PyMem_RawFree(boot);
}

/* The body of every thread started by start_new_thread. */
static void thread_bootstrap(void *arg)
{
    bootstate *boot = (bootstate *)arg;
    PyThreadState *tstate = PyThreadState_New(boot->interp);
    if (tstate == NULL) {
        return;   /* no memory for a thread state: the thread cannot run Python */
    }
    PyEval_RestoreThread(tstate);
    thread_module_state *st = get_thread_state(boot->module);
    PyObject *res = PyObject_Call(boot->func, boot->args, boot->kwargs);
    if (res == NULL) {
        if (PyErr_ExceptionMatches(PyExc_SystemExit)) {
            PyErr_Clear();   /* SystemExit ends the thread silently */
        }
        else {
            PyErr_FormatUnraisable("Exception ignored in thread started by %R", boot->func);
        }
    }
    else {
        Py_DECREF(res);
    }
    _Py_atomic_add_ssize(&st->running_threads, -1);
    bootstate_free(boot);
    PyThreadState_Clear(tstate);
    PyThreadState_DeleteCurrent();
}

static PyObject *thread_start_new_thread(PyObject *module, PyObject *args)
{
    PyObject *func, *fargs, *fkwargs = NULL;
    if (!PyArg_UnpackTuple(args, "start_new_thread", 2, 3, &func, &fargs, &fkwargs)) {
        return NULL;
    }
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "first arg must be callable");
        return NULL;
    }
    if (!PyTuple_Check(fargs)) {
        PyErr_SetString(PyExc_TypeError, "2nd arg must be a tuple");
        return NULL;
    }
    if (fkwargs != NULL && !PyDict_Check(fkwargs)) {
        PyErr_SetString(PyExc_TypeError, "optional 3rd arg must be a dictionary");
        return NULL;
    }
    /* Free-threaded build: from the first thread on, the objects all threads share on every
     * call (functions, classes, modules) are counted per thread (Objects/object.c). */
    _PyGC_ShareDeferredObjects(PyInterpreterState_Get());
    bootstate *boot = PyMem_RawMalloc(sizeof(bootstate));
    if (boot == NULL) {
        return PyErr_NoMemory();
    }
    boot->interp = PyInterpreterState_Get();
    boot->func = Py_NewRef(func);
    boot->args = Py_NewRef(fargs);
    boot->kwargs = Py_XNewRef(fkwargs);
    boot->module = Py_NewRef(module);
    thread_module_state *st = get_thread_state(module);
    _Py_atomic_add_ssize(&st->running_threads, 1);
    unsigned long ident = PyThread_start_new_thread(thread_bootstrap, boot);
    if (ident == PYTHREAD_INVALID_THREAD_ID) {
        _Py_atomic_add_ssize(&st->running_threads, -1);
        bootstate_free(boot);
        PyErr_SetString(PyExc_RuntimeError, "can't start new thread");
        return NULL;
    }
    return PyLong_FromUnsignedLong(ident);
}

static PyObject *thread_allocate_lock(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return new_lock(get_thread_state(module));
}

static PyObject *thread_get_ident(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromUnsignedLong(PyThread_get_thread_ident());
}

static PyObject *thread_get_native_id(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromUnsignedLong(PyThread_get_thread_native_id());
}

static PyObject *thread_count(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    thread_module_state *st = get_thread_state(module);
    return PyLong_FromSsize_t(_Py_atomic_load_ssize(&st->running_threads));
}

static PyObject *thread_stack_size(PyObject *module, PyObject *args)
{
    Py_ssize_t new_size = 0;
    if (!PyArg_ParseTuple(args, "|n:stack_size", &new_size)) {
        return NULL;
    }
    if (new_size < 0) {
        PyErr_SetString(PyExc_ValueError, "size must be 0 or a positive value");
        return NULL;
    }
    size_t old_size = PyThread_get_stacksize();
    if (PyTuple_GET_SIZE(args) > 0) {
        int rc = PyThread_set_stacksize((size_t)new_size);
        if (rc == -1) {
            PyErr_Format(PyExc_ValueError, "size not valid: %zd bytes", new_size);
            return NULL;
        }
        if (rc == -2) {
            PyErr_SetString(PyExc_RuntimeError, "setting stack size not supported");
            return NULL;
        }
    }
    return PyLong_FromSize_t(old_size);
}

static PyObject *thread_interrupt_main(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"signum", NULL};
    int signum = SIGINT;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|i:interrupt_main", kwlist, &signum)) {
        return NULL;
    }
    if (PyErr_SetInterruptEx(signum) < 0) {
        PyErr_SetString(PyExc_ValueError, "signal number out of range");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *thread_exit(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyErr_SetNone(PyExc_SystemExit);
    return NULL;
}

static PyObject *thread_daemon_threads_allowed(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_TRUE;
}

static PyMethodDef thread_methods[] = {
    {"start_new_thread", thread_start_new_thread, METH_VARARGS,
     "start_new_thread(function, args[, kwargs])\n\nStart a new thread and return its "
     "identifier.  The thread calls function(*args, **kwargs) and exits when it returns."},
    {"start_new", thread_start_new_thread, METH_VARARGS, "An obsolete synonym of "
                                                         "start_new_thread()."},
    {"allocate_lock", thread_allocate_lock, METH_NOARGS, "Create a new lock object."},
    {"allocate", thread_allocate_lock, METH_NOARGS, "An obsolete synonym of allocate_lock()."},
    {"get_ident", thread_get_ident, METH_NOARGS,
     "Return a non-zero integer that uniquely identifies the current thread."},
    {"get_native_id", thread_get_native_id, METH_NOARGS,
     "Return the native integral thread ID assigned by the kernel."},
    {"_count", thread_count, METH_NOARGS,
     "Return the number of currently running threads started by this module."},
    {"stack_size", thread_stack_size, METH_VARARGS,
     "stack_size([size]) -> size\n\nReturn the thread stack size used when creating new "
     "threads; with an argument, set it (0 means the platform default)."},
    {"interrupt_main", _PyCFunction_CAST(thread_interrupt_main), METH_VARARGS | METH_KEYWORDS,
     "Simulate the arrival of the given signal in the main thread (SIGINT by default)."},
    {"exit", thread_exit, METH_NOARGS, "Raise SystemExit to end the calling thread."},
    {"exit_thread", thread_exit, METH_NOARGS, "An obsolete synonym of exit()."},
    {"daemon_threads_allowed", thread_daemon_threads_allowed, METH_NOARGS,
     "Return True if daemon threads are allowed in the current interpreter."},
    {NULL, NULL, 0, NULL},
};

static int thread_exec(PyObject *module)
{
    thread_module_state *st = get_thread_state(module);
    st->running_threads = 0;
    st->lock_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &lock_spec, NULL);
    st->rlock_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &rlock_spec, NULL);
    st->localdummy_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &localdummy_spec,
                                                                   NULL);
    st->local_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &local_spec, NULL);
    if (st->lock_type == NULL || st->rlock_type == NULL || st->localdummy_type == NULL ||
        st->local_type == NULL) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "LockType", (PyObject *)st->lock_type) < 0 ||
        PyModule_AddObjectRef(module, "lock", (PyObject *)st->lock_type) < 0 ||
        PyModule_AddObjectRef(module, "RLock", (PyObject *)st->rlock_type) < 0 ||
        PyModule_AddObjectRef(module, "_local", (PyObject *)st->local_type) < 0 ||
        PyModule_AddObjectRef(module, "error", PyExc_RuntimeError) < 0) {
        return -1;
    }
    /* Whole seconds that fit in PY_TIMEOUT_T microseconds (9223372036.0 on Linux). */
    double timeout_max = (double)(PY_TIMEOUT_MAX / 1000000);
    if (PyModule_Add(module, "TIMEOUT_MAX", PyFloat_FromDouble(timeout_max)) < 0) {
        return -1;
    }
    return 0;
}

static int thread_traverse(PyObject *module, visitproc visit, void *arg)
{
    thread_module_state *st = get_thread_state(module);
    Py_VISIT(st->lock_type);
    Py_VISIT(st->rlock_type);
    Py_VISIT(st->local_type);
    Py_VISIT(st->localdummy_type);
    return 0;
}

static int thread_clear(PyObject *module)
{
    thread_module_state *st = get_thread_state(module);
    Py_CLEAR(st->lock_type);
    Py_CLEAR(st->rlock_type);
    Py_CLEAR(st->local_type);
    Py_CLEAR(st->localdummy_type);
    return 0;
}

static void thread_free(void *module)
{
    thread_clear((PyObject *)module);
}

static PyModuleDef_Slot thread_slots[] = {
    {Py_mod_exec, thread_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef threadmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_thread",
    .m_doc = "This module provides primitive operations to write multi-threaded programs.\n"
             "The 'threading' module provides a more convenient interface.",
    .m_size = sizeof(thread_module_state),
    .m_methods = thread_methods,
    .m_slots = thread_slots,
    .m_traverse = thread_traverse,
    .m_clear = thread_clear,
    .m_free = thread_free,
};

PyMODINIT_FUNC
PyInit__thread(void)
{
    return PyModuleDef_Init(&threadmodule);
}
