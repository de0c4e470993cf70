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
    Py_ssize_t index = _Py_ptrc_index(shared);
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

/* Under the table's mutex: a free index for a new entry, or -1 if the table cannot grow. */
static Py_ssize_t take_index(struct _ptrc_state *table)
{
    if (table->free_head != 0) {
        Py_ssize_t index = table->free_head - 1;
        table->free_head = table->entries[index].next_free;
        return index;
    }
    if (table->size == table->capacity) {
        Py_ssize_t capacity = table->capacity ? table->capacity * 2 : 64;
        if (capacity > _Py_PTRC_MAX_OBJECTS + _Py_PTRC_MAX_DEFERRED) {
            return -1;
        }
        struct _ptrc_entry *entries =
            PyMem_RawRealloc(table->entries, (size_t)capacity * sizeof(*entries));
        if (entries == NULL) {
            return -1;
        }
        table->entries = entries;
        table->capacity = capacity;
    }
    Py_ssize_t index = table->size;
    _Py_atomic_store_ssize_relaxed(&table->size, index + 1);
    return index;
}

/* Under the mutex or with the world stopped; every thread's slot of index must be zero. */
static void free_index(struct _ptrc_state *table, Py_ssize_t index)
{
    struct _ptrc_entry *entry = &table->entries[index];
    if (entry->deferred) {
        table->deferred--;
    }
    else {
        table->sampled--;
    }
    entry->op = NULL;
    entry->deferred = 0;
    entry->next_free = (int32_t)table->free_head;
    table->free_head = index + 1;
}

/* The index a promoted object carries. */
static Py_ssize_t index_of_object(PyObject *op)
{
    return _Py_ptrc_index(_Py_atomic_load_ssize_relaxed(&op->ob_ref_shared));
}

/* Promote op (`deferred`: for good).  1 if op became deferred now. */
static int promote(PyInterpreterState *interp, PyObject *op, int deferred)
{
    struct _ptrc_state *table = &interp->ptrc;
    /* Not during a collection: the collector's own increments would pin what it examines. */
    if (has_finalizer(op) || _Py_atomic_load_int_relaxed(&interp->gc.collecting) ||
        (!deferred && _Py_atomic_load_int_relaxed(&table->fold_requested))) {
        return 0;
    }
    _PyMutex_LockNoDetach(&table->mutex);
    Py_ssize_t shared = _Py_atomic_load_ssize_relaxed(&op->ob_ref_shared);
    if (_Py_IsImmortal(op)) {
        PyMutex_Unlock(&table->mutex);
        return 0;
    }
    if (shared >= _Py_REF_PT_MIN) {
        struct _ptrc_entry *entry = &table->entries[_Py_ptrc_index(shared)];
        int upgrade = deferred && !entry->deferred;
        if (upgrade) {
            /* Sampled first: it stays promoted from now on. */
            entry->deferred = 1;
            table->sampled--;
            table->deferred++;
        }
        PyMutex_Unlock(&table->mutex);
        return upgrade;
    }
    Py_ssize_t index = -1;
    if (deferred ? table->deferred < _Py_PTRC_MAX_DEFERRED
                 : table->sampled < _Py_PTRC_MAX_OBJECTS) {
        index = take_index(table);
    }
    if (index < 0) {
        PyMutex_Unlock(&table->mutex);
        if (!deferred) {
            /* Full: fold at the next eval-breaker check, which frees the sampled indices.  A
             * deferred object without room is simply counted as any object. */
            _Py_atomic_store_int_relaxed(&table->fold_requested, 1);
            _Py_set_eval_breaker_bit(_PyThreadState_GET(), _PY_GC_SCHEDULED_BIT);
        }
        return 0;
    }
    table->entries[index] = (struct _ptrc_entry){op, 0, (uint8_t)deferred};
    if (deferred) {
        table->deferred++;
    }
    else {
        table->sampled++;
    }
    /* Atomic: other threads add to the count bits meanwhile. */
    _Py_atomic_add_ssize(&op->ob_ref_shared, bias_of(index));
    PyMutex_Unlock(&table->mutex);
    return deferred;
}

int _Py_ptrc_promote_deferred(PyInterpreterState *interp, PyObject *op)
{
    return promote(interp, op, 1);
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
        (void)promote(tstate->interp, op, 0);
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

/* The references op (promoted at index) counts itself, world stopped: its shared count
 * without the bias, plus the owner's local count unless merged.  The threads' slots are
 * not included. */
static Py_ssize_t own_count(PyObject *op, Py_ssize_t index)
{
    Py_ssize_t rest = op->ob_ref_shared - bias_of(index);
    Py_ssize_t total = rest >> _Py_REF_SHARED_SHIFT;
    if ((rest & _Py_REF_SHARED_FLAG_MASK) != _Py_REF_MERGED) {
        total += op->ob_ref_local;
    }
    return total;
}

/* Demote the promoted op at index (world stopped), its slots summing to `slots`: it becomes
 * unowned and merged, with `extra` more references (a pin), and the index is freed.  Merged,
 * because the slots may sum to less than zero (references the owner took and other threads
 * dropped): left to its owner, the shared count would stay negative without being queued, so
 * the thread that drops the last reference could not tell, and an owner that has exited never
 * merges (the object would leak, and the collector would find it again at every pass). */
static void demote_merged(struct _ptrc_state *table, PyObject *op, Py_ssize_t index,
                          Py_ssize_t slots, Py_ssize_t extra)
{
    /* Merge the counts for the owner (if any), as its own merge would; an object queued to
     * its owner keeps the queue's reference, which the owner's merge drops (brc.c). */
    Py_ssize_t total = own_count(op, index) + slots;
    op->ob_ref_local = 0;
    op->ob_tid = 0;
    op->ob_ref_shared = _Py_REF_SHARED(total + extra, _Py_REF_MERGED);
    free_index(table, index);
}

PyObject **_Py_ptrc_fold_stopped(PyInterpreterState *interp, int what, Py_ssize_t *count)
{
    struct _ptrc_state *table = &interp->ptrc;
    *count = 0;
    _Py_atomic_store_int_relaxed(&table->fold_requested, 0);
    if (what == _Py_PTRC_FOLD_ALL) {
        table->dead = 0;
    }
    if (table->size == 0 || (what == _Py_PTRC_FOLD_SAMPLED && table->sampled == 0)) {
        return NULL;
    }
    /* At most one pin per entry. */
    PyObject **pinned = PyMem_RawMalloc((size_t)table->size * sizeof(PyObject *));
    if (pinned == NULL) {
        return NULL;    /* they stay promoted until the next fold */
    }
    pthread_mutex_lock(&interp->threads.mutex);
    for (Py_ssize_t index = 0; index < table->size; index++) {
        struct _ptrc_entry *entry = &table->entries[index];
        PyObject *op = entry->op;
        if (op == NULL || (entry->deferred && what == _Py_PTRC_FOLD_SAMPLED)) {
            continue;   /* free; or deferred, left to the collector (its slots stay) */
        }
        /* The world is stopped: nobody else reads or writes op's counts. */
        Py_ssize_t slots = take_slots(interp, index);
        if (_Py_IsImmortal(op)) {
            free_index(table, index);   /* immortalized while promoted: counts do not matter */
            continue;
        }
        if (entry->deferred) {
            if (own_count(op, index) + slots > 0) {
                /* Alive: keep it promoted, with the slots moved to its shared count. */
                op->ob_ref_shared += slots << _Py_REF_SHARED_SHIFT;
                continue;
            }
        }
        if (entry->deferred) {
            table->dead++;   /* what it references may die with it: fold again next time */
        }
        demote_merged(table, op, index, slots, 1);
        pinned[(*count)++] = op;
    }
    pthread_mutex_unlock(&interp->threads.mutex);
    if (table->sampled == 0 && table->deferred == 0) {
        table->free_head = 0;
        _Py_atomic_store_ssize_relaxed(&table->size, 0);
    }
    return pinned;
}

Py_ssize_t _Py_ptrc_refcount_stopped(PyInterpreterState *interp, PyObject *op)
{
    Py_ssize_t index = index_of_object(op);
    Py_ssize_t total = own_count(op, index);
    pthread_mutex_lock(&interp->threads.mutex);
    for (PyThreadState *t = interp->threads.head; t != NULL; t = t->next) {
        struct _ptrc_thread_state *pt = ptrc_of(t);
        if (index < pt->size) {
            total += pt->counts[index];
        }
    }
    pthread_mutex_unlock(&interp->threads.mutex);
    return total;
}

void _Py_ptrc_demote_stopped(PyInterpreterState *interp, PyObject *op)
{
    struct _ptrc_state *table = &interp->ptrc;
    Py_ssize_t index = index_of_object(op);
    pthread_mutex_lock(&interp->threads.mutex);
    Py_ssize_t slots = take_slots(interp, index);
    pthread_mutex_unlock(&interp->threads.mutex);
    if (table->entries[index].deferred) {
        table->dead++;
    }
    demote_merged(table, op, index, slots, 0);
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
    PyObject **pinned = _Py_ptrc_fold_stopped(interp, _Py_PTRC_FOLD_SAMPLED, &count);
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
            /* The bias pins the object: it cannot die here, whatever the sign.  (A free
             * index has no counts.) */
            _Py_atomic_add_ssize(&table->entries[index].op->ob_ref_shared,
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
    PyMem_RawFree(interp->ptrc.entries);
    interp->ptrc.entries = NULL;
    interp->ptrc.size = interp->ptrc.capacity = 0;
    interp->ptrc.sampled = interp->ptrc.deferred = 0;
    interp->ptrc.free_head = 0;
}

#endif /* Py_GIL_DISABLED */
