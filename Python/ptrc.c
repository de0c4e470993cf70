/* Per-thread reference counts for hot shared objects: promotion, per-thread slots, folding.
 * The scheme, the encoding and its invariants are in Include/internal/pycore_ptrc.h.
 *
 * Locks: the table's PyMutex (interp->ptrc.mutex) is taken without detaching, for a few
 * instructions, never across a safe point; so a thread holding it is never stopped by a
 * stop-the-world and a folder (world stopped) never finds it held.  Fold and promotion are thus
 * exclusive: promotion under the mutex while attached, fold with the world stopped. */
#include "Python.h"
#include "pycore_ceval.h"
#include "pycore_lock.h"
#include "pycore_pystate.h"
#include "pycore_tstate.h"

#ifdef Py_GIL_DISABLED
#include "pycore_ptrc.h"

static struct _ptrc_thread_state *ptrc_of(PyThreadState *tstate)
{
    return &((_PyThreadStateImpl *)tstate)->ptrc;
}

static Py_ssize_t bias_of(Py_ssize_t index)
{
    return (index + 1) << _Py_REF_PT_SHIFT;
}

/* The index a promoted object's shared word carries (rounding absorbs a negative count). */
static Py_ssize_t index_of(Py_ssize_t shared)
{
    return ((shared + (_Py_REF_PT_MIN)) >> _Py_REF_PT_SHIFT) - 1;
}

/* Make this thread's array cover `index`; 0 on failure. */
static int grow_counts(struct _ptrc_thread_state *pt, Py_ssize_t index)
{
    Py_ssize_t size = pt->size ? pt->size : 64;
    while (size <= index) {
        size *= 2;
    }
    Py_ssize_t *counts = PyMem_RawRealloc(pt->counts, (size_t)size * sizeof(Py_ssize_t));
    if (counts == NULL) {
        return 0;
    }
    memset(counts + pt->size, 0, (size_t)(size - pt->size) * sizeof(Py_ssize_t));
    pt->counts = counts;
    pt->size = size;
    return 1;
}

int _Py_ptrc_add(PyObject *op, Py_ssize_t shared, Py_ssize_t delta)
{
    (void)op;
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL) {
        return 0;
    }
    struct _ptrc_thread_state *pt = ptrc_of(tstate);
    Py_ssize_t index = index_of(shared);
    if (pt->off || (index >= pt->size && !grow_counts(pt, index))) {
        return 0;
    }
    /* Not a safe point: no fold can run between reading `shared` and this store. */
    pt->counts[index] += delta;
    return 1;
}

static int has_finalizer(PyObject *op)
{
    PyTypeObject *type = Py_TYPE(op);
    return type->tp_finalize != NULL || type->tp_del != NULL;
}

static void promote(PyInterpreterState *interp, PyObject *op)
{
    struct _ptrc_state *table = &interp->ptrc;
    /* Not during a collection: the collector's own increments would pin what it examines. */
    if (has_finalizer(op) || _Py_atomic_load_int_relaxed(&interp->gc.collecting) ||
        _Py_atomic_load_int_relaxed(&table->fold_requested)) {
        return;
    }
    _PyMutex_LockNoDetach(&table->mutex);
    Py_ssize_t shared = _Py_atomic_load_ssize_relaxed(&op->ob_ref_shared);
    if (shared >= _Py_REF_PT_MIN || _Py_IsImmortal(op)) {
        PyMutex_Unlock(&table->mutex);
        return;
    }
    if (table->size == table->capacity) {
        Py_ssize_t capacity = table->capacity ? table->capacity * 2 : 64;
        PyObject **objects = capacity <= _Py_PTRC_MAX_OBJECTS
            ? PyMem_RawRealloc(table->objects, (size_t)capacity * sizeof(PyObject *))
            : NULL;
        if (objects == NULL) {
            /* Full: fold at the next eval-breaker check, which empties the table. */
            _Py_atomic_store_int_relaxed(&table->fold_requested, 1);
            PyMutex_Unlock(&table->mutex);
            _Py_set_eval_breaker_bit(_PyThreadState_GET(), _PY_GC_SCHEDULED_BIT);
            return;
        }
        table->objects = objects;
        table->capacity = capacity;
    }
    Py_ssize_t index = table->size;
    table->objects[index] = op;
    _Py_atomic_store_ssize_relaxed(&table->size, index + 1);
    /* Atomic: other threads add to the count bits meanwhile. */
    _Py_atomic_add_ssize(&op->ob_ref_shared, bias_of(index));
    PyMutex_Unlock(&table->mutex);
}

void _Py_ptrc_sample(PyObject *op)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL) {
        return;
    }
    struct _ptrc_thread_state *pt = ptrc_of(tstate);
    if (++pt->sample < _Py_PTRC_SAMPLE_PERIOD) {
        return;
    }
    pt->sample = 0;
    if (pt->off || _Py_IsSingleThreaded()) {
        return;     /* alone, a shared count is not contended */
    }
    /* Counters by address hash: an object's counter rises with its share of this thread's
     * samples; halving all of them now and then makes a counter that reaches
     * _Py_PTRC_HITS a recent, sustained share, which the uniform stream of short-lived
     * objects never gives (its counters settle near twice the samples per counter and
     * window).  A cold object that shares a hot one's counter may be promoted instead of it
     * now and then: it is then only freed at the next fold. */
    uintptr_t h = ((uintptr_t)op >> 4) * 0x9E3779B97F4A7C15u >> (64 - _Py_PTRC_COUNTER_BITS);
    if (++pt->hits[h] >= _Py_PTRC_HITS) {
        pt->hits[h] = 0;
        promote(tstate->interp, op);
    }
    if (++pt->samples >= _Py_PTRC_DECAY_SAMPLES) {
        pt->samples = 0;
        for (int i = 0; i < (1 << _Py_PTRC_COUNTER_BITS); i++) {
            pt->hits[i] >>= 1;
        }
    }
}

/* Sum and clear every thread's slot `index` (world stopped). */
static Py_ssize_t take_slots(PyInterpreterState *interp, Py_ssize_t index)
{
    Py_ssize_t sum = 0;
    for (PyThreadState *t = interp->threads.head; t != NULL; t = t->next) {
        struct _ptrc_thread_state *pt = ptrc_of(t);
        if (index < pt->size) {
            sum += pt->counts[index];
            pt->counts[index] = 0;
        }
    }
    return sum;
}

PyObject **_Py_ptrc_fold_stopped(PyInterpreterState *interp, Py_ssize_t *count)
{
    struct _ptrc_state *table = &interp->ptrc;
    *count = 0;
    _Py_atomic_store_int_relaxed(&table->fold_requested, 0);
    if (table->size == 0) {
        return NULL;
    }
    PyObject **pinned = PyMem_RawMalloc((size_t)table->size * sizeof(PyObject *));
    if (pinned == NULL) {
        return NULL;    /* they stay promoted until the next fold */
    }
    pthread_mutex_lock(&interp->threads.mutex);
    for (Py_ssize_t index = 0; index < table->size; index++) {
        PyObject *op = table->objects[index];
        Py_ssize_t slots = take_slots(interp, index);
        if (_Py_IsImmortal(op)) {
            continue;   /* immortalized while promoted: its counts no longer matter */
        }
        /* The world is stopped: nobody else reads or writes op's counts.  Merge them for the
         * owner (if any), as its own merge would, and keep one reference: the pin. */
        Py_ssize_t rest = op->ob_ref_shared - bias_of(index);
        Py_ssize_t total = (rest >> _Py_REF_SHARED_SHIFT) + slots;
        if ((rest & _Py_REF_SHARED_FLAG_MASK) != _Py_REF_MERGED) {
            total += op->ob_ref_local;
            op->ob_ref_local = 0;
            op->ob_tid = 0;
        }
        op->ob_ref_shared = _Py_REF_SHARED(total + 1, _Py_REF_MERGED);
        pinned[(*count)++] = op;
    }
    pthread_mutex_unlock(&interp->threads.mutex);
    _Py_atomic_store_ssize_relaxed(&table->size, 0);
    return pinned;
}

void _Py_ptrc_release(PyObject **pinned, Py_ssize_t count)
{
    for (Py_ssize_t i = 0; i < count; i++) {
        Py_DECREF(pinned[i]);     /* may free it: it died while promoted */
    }
    PyMem_RawFree(pinned);
}

void _Py_ptrc_fold(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    /* Racy: a promotion this misses is folded next time. */
    if (_Py_atomic_load_ssize_relaxed(&interp->ptrc.size) == 0) {
        return;
    }
    _PyEval_StopTheWorld(interp);
    Py_ssize_t count;
    PyObject **pinned = _Py_ptrc_fold_stopped(interp, &count);
    _PyEval_StartTheWorld(interp);
    _Py_ptrc_release(pinned, count);
}

void _Py_ptrc_thread_exit(PyThreadState *tstate)
{
    struct _ptrc_thread_state *pt = ptrc_of(tstate);
    struct _ptrc_state *table = &tstate->interp->ptrc;
    /* The mutex keeps the table still; the caller is attached, so no fold runs either. */
    _PyMutex_LockNoDetach(&table->mutex);
    Py_ssize_t n = pt->size < table->size ? pt->size : table->size;
    for (Py_ssize_t index = 0; index < n; index++) {
        if (pt->counts[index] != 0) {
            /* The bias pins the object: it cannot die here, whatever the sign. */
            _Py_atomic_add_ssize(&table->objects[index]->ob_ref_shared,
                                 pt->counts[index] << _Py_REF_SHARED_SHIFT);
        }
    }
    PyMem_RawFree(pt->counts);
    pt->counts = NULL;
    pt->size = 0;
    pt->off = 1;
    PyMutex_Unlock(&table->mutex);
}

void _Py_ptrc_fini(PyInterpreterState *interp)
{
    PyMem_RawFree(interp->ptrc.objects);
    interp->ptrc.objects = NULL;
    interp->ptrc.size = interp->ptrc.capacity = 0;
}

#endif /* Py_GIL_DISABLED */
