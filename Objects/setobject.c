/* set and frozenset: open-addressing hash tables of (key, hash) entries.
 *
 * Invariants: the table has mask + 1 slots (a power of two, at least PySet_MINSIZE); a slot's
 * key is NULL (never used), _PySet_Dummy (deleted) or a live key; fill = live + dummy slots,
 * used = live slots; fill stays below 60% of the slots (the table is rebuilt beyond that), so
 * probing always finds a NULL slot.  Small tables live inline in smalltable.
 *
 * Probing: short linear runs, then the perturbed recurrence (see probe_next).  A comparison
 * may run Python code that mutates the set: the lookup holds a reference to the key it
 * compares against and restarts when the table or the slot changed.
 *
 * Thread safety (free-threaded build): mutations of a set hold its critical section; operations
 * reading two sets hold both (Py_BEGIN_CRITICAL_SECTION2); the one exception is a lone thread
 * adding an exact str or int (set_add_key_locking).  A frozenset is never mutated after
 * its constructor returns, so membership tests read it without a lock.
 *
 * Membership tests of a set are lock-free too (set_contains_lockfree), as dict lookups are
 * (Objects/dictobject.c), and only a *shared* set pays for them: one that a thread other than
 * its owner read or changed while several threads ran (set_ensure_shared, under the lock).
 * Sharing publishes its keys (_PyObject_SetMaybeShared: their memory waits for QSBR when they
 * die), as is every key added afterwards.  A reader loads so->table once and probes it with
 * that table's own size (a table other than smalltable carries its mask in front of it), so
 * what it sees is always one table: the current one, changed in place one slot at a time
 * (an add writes the hash, then the key), or a former one, which nobody writes again and
 * whose memory waits for QSBR.  That needs one rule of shared sets: a new table (resize,
 * clear, intersection_update) is always a fresh allocation, never smalltable rebuilt in place.
 * The reader matches keys by identity, or compares exact strs and ints itself; a key that
 * needs __eq__ takes the locked path.  Other threads read an unshared set under its lock (and
 * share it); its owner reads it lock-free, which is safe because any change by another thread
 * shares it first. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_setobject.h"
#include "pycore_pyatomic_ft_wrappers.h"
#include "pycore_dict.h"
#include "pycore_gc.h"
#include "pycore_pystate.h"
#include "pycore_qsbr.h"

/* The deleted-slot marker: a private immortal object. */
static struct {
    PyObject ob;
} set_dummy_struct = {
    PyObject_HEAD_INIT(&PyBaseObject_Type)
};
PyObject *_PySet_Dummy = &set_dummy_struct.ob;
#define dummy (&set_dummy_struct.ob)

static PyObject *set_iter(PyObject *so);
static PyObject *make_new_set(PyTypeObject *type, PyObject *iterable);

static inline Py_hash_t
set_hash_key(PyObject *key)
{
    if (PyUnicode_CheckExact(key)) {
        Py_hash_t h = FT_ATOMIC_LOAD_SSIZE_RELAXED(((PyASCIIObject *)key)->hash);
        if (h != -1) {
            return h;
        }
    }
    return PyObject_Hash(key);
}

/* ---- table primitives (caller holds the critical section) ---------------------------------- */

/* Probe order (as CPython's sets): from slot i = hash & mask, look at i and then at the
 * LINEAR_PROBES slots after it when they fit in the table (cheap, cache-friendly), then
 * jump by the perturbed recurrence i = 5*i + 1 + perturb from the start of that run.
 * Following the same order as CPython gives the same table layout, and so the same
 * iteration order for equal insertion histories. */
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef struct {
    size_t base;        /* start of the current run of linear probes */
    size_t i;           /* the slot to look at */
    size_t perturb;
    int step;           /* linear probes done in this run */
} probe_state;

static inline void probe_init(probe_state *p, Py_hash_t hash, size_t mask)
{
    p->base = p->i = (size_t)hash & mask;
    p->perturb = (size_t)hash;
    p->step = 0;
}

static inline void probe_next(probe_state *p, size_t mask)
{
    if (p->step < LINEAR_PROBES && p->base + LINEAR_PROBES <= mask) {
        p->step++;
        p->i = p->base + (size_t)p->step;
        return;
    }
    p->perturb >>= PERTURB_SHIFT;
    p->base = (p->base * 5 + 1 + p->perturb) & mask;
    p->i = p->base;
    p->step = 0;
}

/* ---- tables and sharing (see the header comment) -------------------------------------------- */

/* What precedes a table other than smalltable: its size, for lock-free readers. */
typedef struct {
    Py_ssize_t mask;
    Py_ssize_t unused;      /* keeps the entries aligned as the allocator's blocks */
} table_header;

/* A zeroed table of newsize slots on the heap, or NULL with MemoryError. */
static setentry *
table_new(size_t newsize)
{
    if (newsize > ((size_t)PY_SSIZE_T_MAX - sizeof(table_header)) / sizeof(setentry)) {
        PyErr_NoMemory();
        return NULL;
    }
    table_header *h = PyMem_Malloc(sizeof(table_header) + newsize * sizeof(setentry));
    if (h == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    h->mask = (Py_ssize_t)newsize - 1;
    memset(h + 1, 0, newsize * sizeof(setentry));
    return (setentry *)(h + 1);
}

#ifdef Py_GIL_DISABLED
/* Are so's keys published, so that threads other than its owner test membership lock-free? */
static inline int
set_is_shared(PySetObject *so)
{
    return _PyObject_ItemsShared((PyObject *)so);
}

/* From now on other threads read so lock-free: publish its keys, then mark it.  Caller holds
 * so's critical section (or so is not visible to other threads). */
static Py_NO_INLINE void
set_make_shared(PySetObject *so)
{
    for (Py_ssize_t i = 0; i <= so->mask; i++) {
        PyObject *key = so->table[i].key;
        if (key != NULL && key != dummy) {
            _PyObject_SetMaybeShared(key, 0);
        }
    }
    _PyObject_MarkItemsShared((PyObject *)so);
}

/* A thread other than so's owner is about to read or change so while others run: share it
 * first, so that the owner's lock-free reads stay safe from what the change frees.  Caller
 * holds so's critical section. */
static inline void
set_ensure_shared(PySetObject *so)
{
    if (_PyObject_MustShareItems((PyObject *)so)) {
        set_make_shared(so);
    }
}

/* key is about to be stored in so. */
static inline void
set_publish(PySetObject *so, PyObject *key)
{
    if (set_is_shared(so)) {
        _PyObject_SetMaybeShared(key, 0);
    }
}
#else
static inline int set_is_shared(PySetObject *so) { (void)so; return 0; }
static inline void set_ensure_shared(PySetObject *so) { (void)so; }
static inline void set_publish(PySetObject *so, PyObject *key) { (void)so; (void)key; }
#endif

/* Free a table of so's that was on the heap, once no lock-free reader can be probing it. */
static void
table_free(PySetObject *so, setentry *table)
{
    table_header *h = (table_header *)table - 1;
    if (set_is_shared(so)) {
        _PyMem_FreeDelayed(h);
    }
    else {
        PyMem_Free(h);
    }
}

/* Decref the keys of a table so no longer uses (mask + 1 slots), then free it if it was on
 * the heap. */
static void
table_release(PySetObject *so, setentry *table, Py_ssize_t mask, int on_heap)
{
    for (Py_ssize_t i = 0; i <= mask; i++) {
        PyObject *key = table[i].key;
        if (key != NULL && key != dummy) {
            Py_DECREF(key);
        }
    }
    if (on_heap) {
        table_free(so, table);
    }
}

/* Find key.  Returns the live entry, NULL when missing, or (setentry *)-1 ... signalled via
 * *error = 1 with an exception set. */
static setentry *
set_lookkey(PySetObject *so, PyObject *key, Py_hash_t hash, int *error)
{
    *error = 0;
restart:;
    setentry *table = so->table;
    size_t mask = (size_t)so->mask;
    probe_state probe;
    probe_init(&probe, hash, mask);
    for (;;) {
        setentry *entry = &table[probe.i];
        PyObject *startkey = entry->key;
        if (startkey == NULL) {
            return NULL;
        }
        if (startkey == key) {
            return entry;
        }
        if (startkey != dummy && entry->hash == hash) {
            if (PyUnicode_CheckExact(startkey) && PyUnicode_CheckExact(key)) {
                if (_PyUnicode_EQ(startkey, key)) {
                    return entry;
                }
            }
            else {
                Py_INCREF(startkey);
                int cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
                Py_DECREF(startkey);
                if (cmp < 0) {
                    *error = 1;
                    return NULL;
                }
                if (table != so->table || entry->key != startkey) {
                    goto restart;
                }
                if (cmp > 0) {
                    return entry;
                }
            }
        }
        probe_next(&probe, mask);
    }
}

/* Insert into a table known to contain no dummies and not the key (used by resize). */
static void
set_insert_clean(setentry *table, size_t mask, PyObject *key, Py_hash_t hash)
{
    probe_state probe;
    probe_init(&probe, hash, mask);
    while (table[probe.i].key != NULL) {
        probe_next(&probe, mask);
    }
    table[probe.i].key = key;
    table[probe.i].hash = hash;
}

/* Rebuild the table with room for minused live entries.  0 or -1. */
static int
set_table_resize(PySetObject *so, Py_ssize_t minused)
{
    size_t newsize = PySet_MINSIZE;
    while (newsize <= (size_t)minused) {
        newsize <<= 1;
    }
    setentry *oldtable = so->table;
    int oldtable_is_small = oldtable == so->smalltable;
    setentry small_copy[PySet_MINSIZE];
    if (oldtable_is_small) {
        memcpy(small_copy, oldtable, sizeof(small_copy));
        oldtable = small_copy;
    }
    setentry *newtable;
    set_ensure_shared(so);
    if (newsize == PySet_MINSIZE && !set_is_shared(so)) {
        newtable = so->smalltable;
        memset(newtable, 0, sizeof(setentry) * newsize);
    }
    else {
        /* A shared set never rebuilds smalltable: lock-free readers may be probing it. */
        newtable = table_new(newsize);
        if (newtable == NULL) {
            return -1;
        }
    }
    Py_ssize_t oldmask = so->mask;
    for (Py_ssize_t i = 0; i <= oldmask; i++) {
        PyObject *key = oldtable[i].key;
        if (key != NULL && key != dummy) {
            set_insert_clean(newtable, newsize - 1, key, oldtable[i].hash);
        }
    }
    setentry *to_free = oldtable_is_small ? NULL : so->table;
    so->mask = (Py_ssize_t)newsize - 1;
    so->fill = so->used;
    FT_ATOMIC_STORE_PTR_RELEASE(so->table, newtable);
    if (to_free != NULL) {
        table_free(so, to_free);
    }
    return 0;
}

/* What set_add_entry returns, in the free-threaded build only, when alone is set and a
 * comparison would need code that may run Python (see set_add_alone). */
#define SET_ADD_NEEDS_LOCK (-2)

/* Add key (steals a reference, also on failure).  0 or -1.  With alone set (a lone thread
 * without a critical section, set_add_alone), it compares keys only when that runs no code:
 * otherwise it returns SET_ADD_NEEDS_LOCK before changing anything, and steals nothing. */
static inline Py_ALWAYS_INLINE int
set_add_entry(PySetObject *so, PyObject *key, Py_hash_t hash, int alone)
{
    set_ensure_shared(so);
restart:;
    setentry *table = so->table;
    size_t mask = (size_t)so->mask;
    probe_state probe;
    probe_init(&probe, hash, mask);
    setentry *freeslot = NULL;
    for (;;) {
        setentry *entry = &table[probe.i];
        PyObject *startkey = entry->key;
        if (startkey == NULL) {
            if (freeslot != NULL) {
                entry = freeslot;
            }
            else {
                so->fill++;
            }
            set_publish(so, key);
            /* The hash first: a lock-free reader that finds the key finds its hash. */
            FT_ATOMIC_STORE_SSIZE_RELAXED(entry->hash, hash);
            FT_ATOMIC_STORE_PTR_RELEASE(entry->key, key);
            FT_ATOMIC_STORE_SSIZE_RELAXED(so->used, so->used + 1);
            if ((size_t)so->fill * 5 < mask * 3) {
                return 0;
            }
            return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
        }
        if (startkey == dummy) {
            if (freeslot == NULL) {
                freeslot = entry;
            }
        }
        else if (startkey == key) {
            Py_DECREF(key);
            return 0;
        }
        else if (entry->hash == hash) {
            if (PyUnicode_CheckExact(startkey) && PyUnicode_CheckExact(key)) {
                if (_PyUnicode_EQ(startkey, key)) {
                    Py_DECREF(key);
                    return 0;
                }
            }
#ifdef Py_GIL_DISABLED
            else if (alone) {
                int eq = _PyDict_KeysEqualLockFree(startkey, key);
                if (eq < 0) {
                    return SET_ADD_NEEDS_LOCK;
                }
                if (eq) {
                    Py_DECREF(key);
                    return 0;
                }
            }
#endif
            else {
                Py_INCREF(startkey);
                int cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
                Py_DECREF(startkey);
                if (cmp < 0) {
                    Py_DECREF(key);
                    return -1;
                }
                if (table != so->table || entry->key != startkey) {
                    goto restart;
                }
                if (cmp > 0) {
                    Py_DECREF(key);
                    return 0;
                }
            }
        }
        probe_next(&probe, mask);
    }
}

static int
set_add_entry_steal(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    return set_add_entry(so, key, hash, 0);
}

static int
set_add_key(PySetObject *so, PyObject *key)
{
    Py_hash_t hash = set_hash_key(key);
    if (hash == -1) {
        return -1;
    }
    return set_add_entry_steal(so, Py_NewRef(key), hash);
}

/* set.add and PySet_Add: key under the set's critical section. */
static int
set_add_key_locking(PySetObject *so, PyObject *key)
{
#ifdef Py_GIL_DISABLED
    if (Py_LIKELY(_Py_IsSingleThreaded()) &&
        (PyUnicode_CheckExact(key) || PyLong_CheckExact(key))) {
        /* Alone, an exact str or int goes in without a section (the rule of
         * Py_BEGIN_CRITICAL_SECTION_SHORT): hashing it runs no code, nor does comparing it with
         * an equal-hashed str or int; set_add_entry hands any other comparison back. */
        Py_hash_t hash = set_hash_key(key);
        if (hash == -1) {
            return -1;
        }
        int rc = set_add_entry(so, Py_NewRef(key), hash, 1);
        if (rc != SET_ADD_NEEDS_LOCK) {
            return rc;
        }
        Py_DECREF(key);
    }
#endif
    int rc;
    Py_BEGIN_CRITICAL_SECTION(so);
    rc = set_add_key(so, key);
    Py_END_CRITICAL_SECTION();
    return rc;
}

/* 1 found, 0 missing, -1 error. */
static int
set_contains_entry(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    int error;
    setentry *entry = set_lookkey(so, key, hash, &error);
    if (error) {
        return -1;
    }
    return entry != NULL;
}

#ifdef Py_GIL_DISABLED
/* Lock-free membership test (see the header comment): 1 present, 0 missing, -1 not decided
 * here (a key that needs __eq__, or a set another thread owns and has not shared). */
static int
set_contains_lockfree(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    if (!set_is_shared(so) && !_Py_IsOwnedByCurrentThread((PyObject *)so) &&
            !_Py_IsSingleThreaded()) {
        return -1;     /* the locked path shares so */
    }
    setentry *table = FT_ATOMIC_LOAD_PTR_ACQUIRE(so->table);
    size_t mask = table == so->smalltable ? PySet_MINSIZE - 1
                                          : (size_t)((table_header *)table - 1)->mask;
    probe_state probe;
    probe_init(&probe, hash, mask);
    for (;;) {
        setentry *entry = &table[probe.i];
        PyObject *startkey = FT_ATOMIC_LOAD_PTR_ACQUIRE(entry->key);
        if (startkey == NULL) {
            return 0;
        }
        if (startkey == key) {
            return 1;
        }
        if (startkey != dummy && FT_ATOMIC_LOAD_SSIZE_RELAXED(entry->hash) == hash) {
            /* startkey was in the table when loaded; equal to key, key was present then. */
            int equal = _PyDict_KeysEqualLockFree(startkey, key);
            if (equal != 0) {
                return equal;
            }
        }
        probe_next(&probe, mask);
    }
}
#endif

/* Membership with a known hash: lock-free when it can be (free-threaded build), else under
 * so's lock.  1, 0 or -1 with an exception. */
static int
set_contains_known_hash(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    int rc;
#ifdef Py_GIL_DISABLED
    if (PyFrozenSet_Check(so)) {
        return set_contains_entry(so, key, hash);    /* never changes once made */
    }
    rc = set_contains_lockfree(so, key, hash);
    if (rc >= 0) {
        return rc;
    }
#endif
    Py_BEGIN_CRITICAL_SECTION(so);
    set_ensure_shared(so);      /* the next tests of this thread go lock-free */
    rc = set_contains_entry(so, key, hash);
    Py_END_CRITICAL_SECTION();
    return rc;
}

/* Remove key.  1 removed, 0 missing, -1 error.  The old key goes to *old (decref it outside
 * the critical section). */
static int
set_discard_entry(PySetObject *so, PyObject *key, Py_hash_t hash, PyObject **old)
{
    int error;
    *old = NULL;
    set_ensure_shared(so);
    setentry *entry = set_lookkey(so, key, hash, &error);
    if (error) {
        return -1;
    }
    if (entry == NULL) {
        return 0;
    }
    *old = entry->key;
    FT_ATOMIC_STORE_PTR_RELEASE(entry->key, dummy);
    FT_ATOMIC_STORE_SSIZE_RELAXED(entry->hash, -1);
    FT_ATOMIC_STORE_SSIZE_RELAXED(so->used, so->used - 1);
    return 1;
}

/* Empty the table; the released keys are decref'ed after the set is consistent. */
static void
set_clear_internal(PySetObject *so)
{
    setentry *table = so->table;
    Py_ssize_t mask = so->mask;
    int table_is_malloced = table != so->smalltable;
    setentry small_copy[PySet_MINSIZE];
    if (!table_is_malloced && so->fill == 0) {
        return;
    }
    set_ensure_shared(so);
    setentry *fresh = NULL;
    if (set_is_shared(so)) {
        /* Lock-free readers may be probing the table: a fresh one replaces it.  Without
         * memory for one, the set is emptied in place as an unshared one (a reader may then
         * miss a key it should have found while that happens). */
        PyObject *exc = PyErr_GetRaisedException();
        fresh = table_new(PySet_MINSIZE);
        PyErr_Clear();
        PyErr_SetRaisedException(exc);
    }
    if (fresh == NULL) {
        if (!table_is_malloced) {
            memcpy(small_copy, table, sizeof(small_copy));
            table = small_copy;
        }
        memset(so->smalltable, 0, sizeof(so->smalltable));
        fresh = so->smalltable;
    }
    so->mask = PySet_MINSIZE - 1;
    so->fill = 0;
    FT_ATOMIC_STORE_SSIZE_RELAXED(so->used, 0);
    so->hash = -1;
    FT_ATOMIC_STORE_PTR_RELEASE(so->table, fresh);
    table_release(so, table, mask, table_is_malloced);
}

/* Iterate: 1 and a borrowed entry, or 0 at the end. */
static int
set_next(PySetObject *so, Py_ssize_t *pos_ptr, setentry **entry_ptr)
{
    Py_ssize_t i = *pos_ptr;
    Py_ssize_t mask = so->mask;
    setentry *entry = &so->table[i];
    while (i <= mask && (entry->key == NULL || entry->key == dummy)) {
        i++;
        entry++;
    }
    *pos_ptr = i + 1;
    if (i > mask) {
        return 0;
    }
    *entry_ptr = entry;
    return 1;
}

/* Merge the entries of another set/frozenset (caller holds both locks). */
static int
set_merge_lock_held(PySetObject *so, PySetObject *other)
{
    if (other == so || other->used == 0) {
        return 0;
    }
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (set_table_resize(so, (so->used + other->used) * 2) != 0) {
            return -1;
        }
    }
    Py_ssize_t pos = 0;
    setentry *entry;
    while (set_next(other, &pos, &entry)) {
        if (set_add_entry_steal(so, Py_NewRef(entry->key), entry->hash) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Add every element of iterable.  Caller holds so's critical section; other objects are
 * locked here as needed.  0 or -1. */
static int
set_update_lock_held(PySetObject *so, PyObject *other)
{
    if (PyAnySet_Check(other)) {
        int rc;
        if ((PyObject *)so == other) {
            return 0;
        }
        Py_BEGIN_CRITICAL_SECTION(other);
        rc = set_merge_lock_held(so, (PySetObject *)other);
        Py_END_CRITICAL_SECTION();
        return rc;
    }
    if (PyDict_CheckExact(other)) {
        int rc = 0;
        Py_BEGIN_CRITICAL_SECTION(other);
        Py_ssize_t dictsize = PyDict_GET_SIZE(other);
        if ((so->fill + dictsize) * 5 >= so->mask * 3) {
            rc = set_table_resize(so, (so->used + dictsize) * 2);
        }
        Py_ssize_t pos = 0;
        PyObject *key;
        Py_hash_t hash;
        while (rc == 0 && _PyDict_Next(other, &pos, &key, NULL, &hash)) {
            rc = set_add_entry_steal(so, Py_NewRef(key), hash);
        }
        Py_END_CRITICAL_SECTION();
        return rc;
    }
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL) {
        return -1;
    }
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        if (set_add_key(so, key) < 0) {
            Py_DECREF(it);
            Py_DECREF(key);
            return -1;
        }
        Py_DECREF(key);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        return -1;
    }
    return 0;
}

static int
set_update_internal(PySetObject *so, PyObject *other)
{
    int rc;
    Py_BEGIN_CRITICAL_SECTION(so);
    rc = set_update_lock_held(so, other);
    Py_END_CRITICAL_SECTION();
    return rc;
}

/* A copy of the (key, hash) pairs of a set or an exact dict, with new references to the keys.
 * Operations that may run __eq__ iterate over a snapshot instead of the live table, and reuse
 * the stored hashes instead of calling __hash__ again (as CPython does). */
typedef struct {
    PyObject **keys;
    Py_hash_t *hashes;
    Py_ssize_t n;
} entry_snapshot;

static int
snapshot_entries(PyObject *other, entry_snapshot *snap)
{
    snap->keys = NULL;
    snap->hashes = NULL;
    snap->n = 0;
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(other);
    Py_ssize_t size = PyAnySet_Check(other) ? ((PySetObject *)other)->used
                                            : PyDict_GET_SIZE(other);
    if (size > 0) {
        snap->keys = PyMem_Malloc(sizeof(PyObject *) * (size_t)size);
        snap->hashes = PyMem_Malloc(sizeof(Py_hash_t) * (size_t)size);
        if (snap->keys == NULL || snap->hashes == NULL) {
            PyErr_NoMemory();
            rc = -1;
        }
        else if (PyAnySet_Check(other)) {
            Py_ssize_t pos = 0;
            setentry *entry;
            while (snap->n < size && set_next((PySetObject *)other, &pos, &entry)) {
                snap->keys[snap->n] = Py_NewRef(entry->key);
                snap->hashes[snap->n] = entry->hash;
                snap->n++;
            }
        }
        else {
            Py_ssize_t pos = 0;
            PyObject *key;
            Py_hash_t hash;
            while (snap->n < size && _PyDict_Next(other, &pos, &key, NULL, &hash)) {
                snap->keys[snap->n] = Py_NewRef(key);
                snap->hashes[snap->n] = hash;
                snap->n++;
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return rc;
}

static void
snapshot_free(entry_snapshot *snap)
{
    for (Py_ssize_t i = 0; i < snap->n; i++) {
        Py_DECREF(snap->keys[i]);
    }
    PyMem_Free(snap->keys);
    PyMem_Free(snap->hashes);
}

/* ---- construction -------------------------------------------------------------------------- */

static PyObject *
make_new_set(PyTypeObject *type, PyObject *iterable)
{
    PySetObject *so = (PySetObject *)type->tp_alloc(type, 0);
    if (so == NULL) {
        return NULL;
    }
    so->fill = 0;
    so->used = 0;
    so->mask = PySet_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    so->finger = 0;
    so->weakreflist = NULL;
    if (iterable != NULL && set_update_internal(so, iterable) < 0) {
        Py_DECREF(so);
        return NULL;
    }
    return (PyObject *)so;
}

/* A new set of the same kind as so (set subclasses get a plain set, as CPython). */
static PyObject *
make_new_set_basetype(PyTypeObject *type, PyObject *iterable)
{
    if (type != &PySet_Type && type != &PyFrozenSet_Type) {
        if (PyType_IsSubtype(type, &PySet_Type)) {
            type = &PySet_Type;
        }
        else {
            type = &PyFrozenSet_Type;
        }
    }
    return make_new_set(type, iterable);
}

PyObject *
PySet_New(PyObject *iterable)
{
    return make_new_set(&PySet_Type, iterable);
}

PyObject *
PyFrozenSet_New(PyObject *iterable)
{
    return make_new_set(&PyFrozenSet_Type, iterable);
}

/* ---- public API ---------------------------------------------------------------------------- */

Py_ssize_t
PySet_Size(PyObject *anyset)
{
    if (!PyAnySet_Check(anyset)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return PySet_GET_SIZE(anyset);
}

int
PySet_Clear(PyObject *set)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(set);
    set_clear_internal((PySetObject *)set);
    Py_END_CRITICAL_SECTION();
    return 0;
}

/* Lookup key, retrying with frozenset(key) when key is an unhashable set (CPython rule). */
static int
set_contains_key(PySetObject *so, PyObject *key)
{
    Py_hash_t hash = set_hash_key(key);
    if (hash == -1) {
        if (!PySet_Check(key) || !PyErr_ExceptionMatches(PyExc_TypeError)) {
            return -1;
        }
        PyErr_Clear();
        PyObject *tmpkey;
        Py_BEGIN_CRITICAL_SECTION(key);
        tmpkey = make_new_set(&PyFrozenSet_Type, key);
        Py_END_CRITICAL_SECTION();
        if (tmpkey == NULL) {
            return -1;
        }
        int rc = set_contains_key(so, tmpkey);
        Py_DECREF(tmpkey);
        return rc;
    }
    return set_contains_known_hash(so, key, hash);
}

int
PySet_Contains(PyObject *anyset, PyObject *key)
{
    if (!PyAnySet_Check(anyset)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return set_contains_key((PySetObject *)anyset, key);
}

int
_PySet_ContainsKnownHash(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    return set_contains_known_hash(so, key, hash);
}

/* Discard key (with the frozenset retry).  1 removed, 0 missing, -1 error. */
static int
set_discard_key(PySetObject *so, PyObject *key)
{
    Py_hash_t hash = set_hash_key(key);
    if (hash == -1) {
        if (!PySet_Check(key) || !PyErr_ExceptionMatches(PyExc_TypeError)) {
            return -1;
        }
        PyErr_Clear();
        PyObject *tmpkey;
        Py_BEGIN_CRITICAL_SECTION(key);
        tmpkey = make_new_set(&PyFrozenSet_Type, key);
        Py_END_CRITICAL_SECTION();
        if (tmpkey == NULL) {
            return -1;
        }
        int rc = set_discard_key(so, tmpkey);
        Py_DECREF(tmpkey);
        return rc;
    }
    int rc;
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(so);
    rc = set_discard_entry(so, key, hash, &old);
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
    return rc;
}

int
PySet_Discard(PyObject *set, PyObject *key)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return set_discard_key((PySetObject *)set, key);
}

int
PySet_Add(PyObject *anyset, PyObject *key)
{
    if (!PySet_Check(anyset) &&
        (!PyFrozenSet_Check(anyset) || Py_REFCNT(anyset) != 1)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return set_add_key_locking((PySetObject *)anyset, key);
}

int
_PySet_AddKnownHash(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    int rc;
    Py_BEGIN_CRITICAL_SECTION(so);
    rc = set_add_entry_steal(so, Py_NewRef(key), hash);
    Py_END_CRITICAL_SECTION();
    return rc;
}

int
_PySet_NextEntry(PyObject *set, Py_ssize_t *pos, PyObject **key, Py_hash_t *hash)
{
    if (!PyAnySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    setentry *entry;
    if (set_next((PySetObject *)set, pos, &entry) == 0) {
        return 0;
    }
    *key = entry->key;
    *hash = entry->hash;
    return 1;
}

/* New reference. */
static PyObject *
set_pop_impl(PySetObject *so)
{
    PyObject *key = NULL;
    Py_BEGIN_CRITICAL_SECTION(so);
    set_ensure_shared(so);
    if (so->used == 0) {
        PyErr_SetString(PyExc_KeyError, "pop from an empty set");
    }
    else {
        /* The finger spreads successive pops over the table. */
        setentry *entry = so->table + (so->finger & so->mask);
        setentry *limit = so->table + so->mask;
        while (entry->key == NULL || entry->key == dummy) {
            entry++;
            if (entry > limit) {
                entry = so->table;
            }
        }
        key = entry->key;
        FT_ATOMIC_STORE_PTR_RELEASE(entry->key, dummy);
        FT_ATOMIC_STORE_SSIZE_RELAXED(entry->hash, -1);
        FT_ATOMIC_STORE_SSIZE_RELAXED(so->used, so->used - 1);
        so->finger = entry - so->table + 1;
    }
    Py_END_CRITICAL_SECTION();
    return key;
}

PyObject *
PySet_Pop(PyObject *set)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return set_pop_impl((PySetObject *)set);
}

int
_PySet_Update(PyObject *set, PyObject *iterable)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return set_update_internal((PySetObject *)set, iterable);
}

/* ---- type slots ---------------------------------------------------------------------------- */

static void
set_dealloc(PyObject *self)
{
    PySetObject *so = (PySetObject *)self;
    PyObject_GC_UnTrack(so);
    Py_TRASHCAN_BEGIN(so, set_dealloc)
    if (so->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    table_release(so, so->table, so->mask, so->table != so->smalltable);
    Py_TYPE(so)->tp_free(self);
    Py_TRASHCAN_END
}

static int
set_traverse(PyObject *self, visitproc visit, void *arg)
{
    PySetObject *so = (PySetObject *)self;
    Py_ssize_t pos = 0;
    setentry *entry;
    while (set_next(so, &pos, &entry)) {
        Py_VISIT(entry->key);
    }
    return 0;
}

static int
set_tp_clear(PyObject *self)
{
    Py_BEGIN_CRITICAL_SECTION(self);
    set_clear_internal((PySetObject *)self);
    Py_END_CRITICAL_SECTION();
    return 0;
}

static PyObject *
set_repr(PyObject *self)
{
    PySetObject *so = (PySetObject *)self;
    int status = Py_ReprEnter(self);
    if (status != 0) {
        if (status < 0) {
            return NULL;
        }
        return PyUnicode_FromFormat("%s(...)", Py_TYPE(so)->tp_name);
    }
    PyObject *result = NULL;
    if (PySet_GET_SIZE(so) == 0) {
        result = PyUnicode_FromFormat("%s()", Py_TYPE(so)->tp_name);
        goto done;
    }
    PyObject *keys = PySequence_List(self);
    if (keys == NULL) {
        goto done;
    }
    PyObject *listrepr = PyObject_Repr(keys);
    Py_DECREF(keys);
    if (listrepr == NULL) {
        goto done;
    }
    /* Turn "[...]" into "{...}". */
    Py_ssize_t n = PyUnicode_GET_LENGTH(listrepr);
    PyObject *inner = PyUnicode_Substring(listrepr, 1, n - 1);
    Py_DECREF(listrepr);
    if (inner == NULL) {
        goto done;
    }
    if (Py_IS_TYPE(so, &PySet_Type)) {
        result = PyUnicode_FromFormat("{%U}", inner);
    }
    else {
        result = PyUnicode_FromFormat("%s({%U})", Py_TYPE(so)->tp_name, inner);
    }
    Py_DECREF(inner);
done:
    Py_ReprLeave(self);
    return result;
}

static Py_ssize_t
set_len(PyObject *so)
{
    return PySet_GET_SIZE(so);
}

static int
set_sq_contains(PyObject *so, PyObject *key)
{
    return set_contains_key((PySetObject *)so, key);
}

/* CPython's frozenset hash: XOR of scrambled element hashes, then mixing. */
static Py_uhash_t
shuffle_bits(Py_uhash_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static Py_hash_t
frozenset_hash(PyObject *self)
{
    PySetObject *so = (PySetObject *)self;
    Py_hash_t cached = FT_ATOMIC_LOAD_SSIZE_RELAXED(so->hash);
    if (cached != -1) {
        return cached;
    }
    Py_uhash_t hash = 0;
    for (Py_ssize_t i = 0; i <= so->mask; i++) {
        PyObject *key = so->table[i].key;
        if (key != NULL && key != dummy) {
            hash ^= shuffle_bits((Py_uhash_t)so->table[i].hash);
        }
    }
    hash ^= ((Py_uhash_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (Py_uhash_t)-1) {
        hash = 590923713UL;
    }
    FT_ATOMIC_STORE_SSIZE_RELAXED(so->hash, (Py_hash_t)hash);
    return (Py_hash_t)hash;
}

/* ---- set algebra (results are new sets of the base type) ----------------------------------- */

static PyObject *
set_copy(PyObject *so, PyObject *Py_UNUSED(ignored))
{
    PyObject *copy;
    Py_BEGIN_CRITICAL_SECTION(so);
    copy = make_new_set_basetype(Py_TYPE(so), so);
    Py_END_CRITICAL_SECTION();
    return copy;
}

static PyObject *
frozenset_copy(PyObject *so, PyObject *Py_UNUSED(ignored))
{
    if (PyFrozenSet_CheckExact(so)) {
        return Py_NewRef(so);
    }
    return set_copy(so, NULL);
}

/* so & other: a new set. */
static PyObject *
set_intersection(PySetObject *so, PyObject *other)
{
    if ((PyObject *)so == other) {
        return set_copy((PyObject *)so, NULL);
    }
    PySetObject *result = (PySetObject *)make_new_set_basetype(Py_TYPE(so), NULL);
    if (result == NULL) {
        return NULL;
    }
    if (PyAnySet_Check(other)) {
        int rc = 0;
        Py_BEGIN_CRITICAL_SECTION2(so, other);
        PySetObject *small = so, *big = (PySetObject *)other;
        if (small->used > big->used) {
            small = (PySetObject *)other;
            big = so;
        }
        Py_ssize_t pos = 0;
        setentry *entry;
        while (set_next(small, &pos, &entry)) {
            PyObject *key = Py_NewRef(entry->key);
            Py_hash_t hash = entry->hash;
            rc = set_contains_entry(big, key, hash);
            if (rc > 0) {
                rc = set_add_entry_steal(result, key, hash);
            }
            else {
                Py_DECREF(key);
            }
            if (rc < 0) {
                break;
            }
            rc = 0;
        }
        Py_END_CRITICAL_SECTION2();
        if (rc < 0) {
            Py_DECREF(result);
            return NULL;
        }
        return (PyObject *)result;
    }
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        Py_hash_t hash = set_hash_key(key);
        int rc = -1;
        if (hash != -1) {
            Py_BEGIN_CRITICAL_SECTION(so);
            rc = set_contains_entry(so, key, hash);
            Py_END_CRITICAL_SECTION();
            if (rc > 0) {
                rc = set_add_entry_steal(result, Py_NewRef(key), hash);
            }
        }
        Py_DECREF(key);
        if (rc < 0) {
            Py_DECREF(it);
            Py_DECREF(result);
            return NULL;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        return NULL;
    }
    return (PyObject *)result;
}

/* Replace so's contents with those of tmp (a fresh set); steals tmp. */
static void
set_swap_bodies_steal(PySetObject *so, PySetObject *tmp)
{
    /* Exchange tables, keeping each smalltable in its own object. */
    Py_BEGIN_CRITICAL_SECTION(so);
    set_ensure_shared(so);
    setentry *fresh = NULL;     /* shared: so's new table, never its smalltable rebuilt */
    if (set_is_shared(so)) {
        if (tmp->table != tmp->smalltable) {
            fresh = tmp->table;
        }
        else {
            PyObject *exc = PyErr_GetRaisedException();
            fresh = table_new(PySet_MINSIZE);
            PyErr_Clear();          /* without memory: as unshared (see set_clear_internal) */
            PyErr_SetRaisedException(exc);
            if (fresh != NULL) {
                memcpy(fresh, tmp->smalltable, sizeof(tmp->smalltable));
            }
        }
        /* tmp gets so's former table, which readers of so may still probe: tmp frees it
         * through QSBR (its keys are published already). */
#ifdef Py_GIL_DISABLED
        _PyObject_MarkItemsShared((PyObject *)tmp);
#endif
    }
    Py_ssize_t t_fill = so->fill, t_used = so->used, t_mask = so->mask;
    setentry *t_table = so->table;
    setentry t_small[PySet_MINSIZE];
    memcpy(t_small, so->smalltable, sizeof(t_small));

    so->fill = tmp->fill;
    FT_ATOMIC_STORE_SSIZE_RELAXED(so->used, tmp->used);
    so->mask = tmp->mask;
    if (fresh != NULL) {
        FT_ATOMIC_STORE_PTR_RELEASE(so->table, fresh);
    }
    else if (tmp->table == tmp->smalltable) {
        memcpy(so->smalltable, tmp->smalltable, sizeof(t_small));
        FT_ATOMIC_STORE_PTR_RELEASE(so->table, so->smalltable);
    }
    else {
        FT_ATOMIC_STORE_PTR_RELEASE(so->table, tmp->table);
    }
    tmp->fill = t_fill;
    tmp->used = t_used;
    tmp->mask = t_mask;
    if (t_table == so->smalltable || t_table == NULL) {
        memcpy(tmp->smalltable, t_small, sizeof(t_small));
        tmp->table = tmp->smalltable;
    }
    else {
        tmp->table = t_table;
    }
    so->hash = -1;
    Py_END_CRITICAL_SECTION();
    Py_DECREF(tmp);
}

static PyObject *
set_intersection_multi(PyObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0) {
        return set_copy(so, NULL);
    }
    PyObject *result = Py_NewRef(so);
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *newresult = set_intersection((PySetObject *)result, args[i]);
        Py_DECREF(result);
        if (newresult == NULL) {
            return NULL;
        }
        result = newresult;
    }
    if (Py_TYPE(result) != Py_TYPE(so) && !PyAnySet_CheckExact(so)) {
        /* Keep the base type, as CPython does. */
    }
    return result;
}

static PyObject *
set_intersection_update(PyObject *so, PyObject *other)
{
    PyObject *tmp = set_intersection((PySetObject *)so, other);
    if (tmp == NULL) {
        return NULL;
    }
    set_swap_bodies_steal((PySetObject *)so, (PySetObject *)tmp);
    Py_RETURN_NONE;
}

static PyObject *
set_intersection_update_multi(PyObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *tmp = set_intersection_multi(so, args, nargs);
    if (tmp == NULL) {
        return NULL;
    }
    if (tmp == so) {
        Py_DECREF(tmp);
        Py_RETURN_NONE;
    }
    set_swap_bodies_steal((PySetObject *)so, (PySetObject *)tmp);
    Py_RETURN_NONE;
}

/* Remove every element of other from so (in place).  0 or -1. */
static int
set_difference_update_internal(PySetObject *so, PyObject *other)
{
    if ((PyObject *)so == other) {
        Py_BEGIN_CRITICAL_SECTION(so);
        set_clear_internal(so);
        Py_END_CRITICAL_SECTION();
        return 0;
    }
    if (PyAnySet_Check(other) || PyDict_CheckExact(other)) {
        entry_snapshot snap;
        if (snapshot_entries(other, &snap) < 0) {
            return -1;
        }
        int rc = 0;
        for (Py_ssize_t i = 0; i < snap.n && rc == 0; i++) {
            PyObject *old;
            Py_BEGIN_CRITICAL_SECTION(so);
            rc = set_discard_entry(so, snap.keys[i], snap.hashes[i], &old) < 0 ? -1 : 0;
            Py_END_CRITICAL_SECTION();
            Py_XDECREF(old);
        }
        snapshot_free(&snap);
        return rc;
    }
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL) {
        return -1;
    }
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        if (set_discard_key(so, key) < 0) {
            Py_DECREF(it);
            Py_DECREF(key);
            return -1;
        }
        Py_DECREF(key);
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static PyObject *
set_difference_update(PyObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (set_difference_update_internal((PySetObject *)so, args[i]) < 0) {
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

static PyObject *
set_difference(PySetObject *so, PyObject *other)
{
    PyObject *result = set_copy((PyObject *)so, NULL);
    if (result == NULL) {
        return NULL;
    }
    if (set_difference_update_internal((PySetObject *)result, other) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
set_difference_multi(PyObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *result = set_copy(so, NULL);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (set_difference_update_internal((PySetObject *)result, args[i]) < 0) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

/* so ^= other, with other already a set or an exact dict (not so). */
static int
set_symmetric_difference_update_set(PySetObject *so, PyObject *other)
{
    entry_snapshot snap;
    if (snapshot_entries(other, &snap) < 0) {
        return -1;
    }
    int rc = 0;
    for (Py_ssize_t i = 0; i < snap.n && rc == 0; i++) {
        PyObject *key = snap.keys[i];
        Py_hash_t hash = snap.hashes[i];
        PyObject *old;
        Py_BEGIN_CRITICAL_SECTION(so);
        int found = set_discard_entry(so, key, hash, &old);
        if (found == 0) {
            rc = set_add_entry_steal(so, Py_NewRef(key), hash);
        }
        else if (found < 0) {
            rc = -1;
        }
        Py_END_CRITICAL_SECTION();
        Py_XDECREF(old);
    }
    snapshot_free(&snap);
    return rc;
}

static PyObject *
set_symmetric_difference_update(PyObject *so, PyObject *other)
{
    if (so == other) {
        Py_BEGIN_CRITICAL_SECTION(so);
        set_clear_internal((PySetObject *)so);
        Py_END_CRITICAL_SECTION();
        Py_RETURN_NONE;
    }
    PyObject *otherset;
    if (PyAnySet_Check(other) || PyDict_CheckExact(other)) {
        otherset = Py_NewRef(other);
    }
    else {
        /* Duplicates in a plain iterable count once. */
        otherset = make_new_set(&PySet_Type, other);
        if (otherset == NULL) {
            return NULL;
        }
    }
    int rc = set_symmetric_difference_update_set((PySetObject *)so, otherset);
    Py_DECREF(otherset);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
set_symmetric_difference(PyObject *so, PyObject *other)
{
    PyObject *result = set_copy(so, NULL);
    if (result == NULL) {
        return NULL;
    }
    PyObject *rv = set_symmetric_difference_update(result, other);
    if (rv == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    Py_DECREF(rv);
    return result;
}

static PyObject *
set_union(PyObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *result = set_copy(so, NULL);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (args[i] == so) {
            continue;
        }
        if (set_update_internal((PySetObject *)result, args[i]) < 0) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static PyObject *
set_update(PyObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (set_update_internal((PySetObject *)so, args[i]) < 0) {
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

/* 1 if every element of a is in b. */
static int
set_issubset_internal(PySetObject *a, PySetObject *b)
{
    if (FT_ATOMIC_LOAD_SSIZE_RELAXED(a->used) > FT_ATOMIC_LOAD_SSIZE_RELAXED(b->used)) {
        return 0;   /* a quick answer; b may change meanwhile (read without its lock) */
    }
    entry_snapshot snap;
    if (snapshot_entries((PyObject *)a, &snap) < 0) {
        return -1;
    }
    int rc = 1;
    for (Py_ssize_t i = 0; i < snap.n; i++) {
        rc = _PySet_ContainsKnownHash(b, snap.keys[i], snap.hashes[i]);
        if (rc <= 0) {
            break;
        }
    }
    snapshot_free(&snap);
    return rc;
}

static PyObject *
set_issubset(PyObject *so, PyObject *other)
{
    int rc;
    if (PyAnySet_Check(other)) {
        rc = set_issubset_internal((PySetObject *)so, (PySetObject *)other);
    }
    else {
        PyObject *tmp = make_new_set(&PySet_Type, other);
        if (tmp == NULL) {
            return NULL;
        }
        rc = set_issubset_internal((PySetObject *)so, (PySetObject *)tmp);
        Py_DECREF(tmp);
    }
    if (rc < 0) {
        return NULL;
    }
    return PyBool_FromLong(rc);
}

static PyObject *
set_issuperset(PyObject *so, PyObject *other)
{
    if (PyAnySet_Check(other)) {
        int rc = set_issubset_internal((PySetObject *)other, (PySetObject *)so);
        if (rc < 0) {
            return NULL;
        }
        return PyBool_FromLong(rc);
    }
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL) {
        return NULL;
    }
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        int rc = set_contains_key((PySetObject *)so, key);
        Py_DECREF(key);
        if (rc <= 0) {
            Py_DECREF(it);
            if (rc < 0) {
                return NULL;
            }
            Py_RETURN_FALSE;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_TRUE;
}

static PyObject *
set_isdisjoint(PyObject *so, PyObject *other)
{
    if (so == other) {
        return PyBool_FromLong(PySet_GET_SIZE(so) == 0);
    }
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL) {
        return NULL;
    }
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        int rc = set_contains_key((PySetObject *)so, key);
        Py_DECREF(key);
        if (rc != 0) {
            Py_DECREF(it);
            if (rc < 0) {
                return NULL;
            }
            Py_RETURN_FALSE;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_TRUE;
}

static PyObject *
set_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyAnySet_Check(w)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PySetObject *a = (PySetObject *)v, *b = (PySetObject *)w;
    int rc;
    switch (op) {
    case Py_EQ:
    case Py_NE:
        if (a->used != b->used) {
            rc = 0;
        }
        else if (PyFrozenSet_CheckExact(a) && PyFrozenSet_CheckExact(b) && a->hash != -1 &&
                 b->hash != -1 && a->hash != b->hash) {
            rc = 0;
        }
        else {
            rc = set_issubset_internal(a, b);
        }
        if (rc < 0) {
            return NULL;
        }
        return PyBool_FromLong(op == Py_EQ ? rc : !rc);
    case Py_LE:
        rc = set_issubset_internal(a, b);
        break;
    case Py_GE:
        rc = set_issubset_internal(b, a);
        break;
    case Py_LT:
        rc = a->used < b->used ? set_issubset_internal(a, b) : 0;
        break;
    case Py_GT:
        rc = a->used > b->used ? set_issubset_internal(b, a) : 0;
        break;
    default:
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (rc < 0) {
        return NULL;
    }
    return PyBool_FromLong(rc);
}

/* ---- number protocol ----------------------------------------------------------------------- */

static PyObject *
set_sub(PyObject *so, PyObject *other)
{
    if (!PyAnySet_Check(so) || !PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return set_difference((PySetObject *)so, other);
}

static PyObject *
set_isub(PyObject *so, PyObject *other)
{
    if (!PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (set_difference_update_internal((PySetObject *)so, other) < 0) {
        return NULL;
    }
    return Py_NewRef(so);
}

static PyObject *
set_and(PyObject *so, PyObject *other)
{
    if (!PyAnySet_Check(so) || !PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return set_intersection((PySetObject *)so, other);
}

static PyObject *
set_iand(PyObject *so, PyObject *other)
{
    if (!PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *rv = set_intersection_update(so, other);
    if (rv == NULL) {
        return NULL;
    }
    Py_DECREF(rv);
    return Py_NewRef(so);
}

static PyObject *
set_xor(PyObject *so, PyObject *other)
{
    if (!PyAnySet_Check(so) || !PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return set_symmetric_difference(so, other);
}

static PyObject *
set_ixor(PyObject *so, PyObject *other)
{
    if (!PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *rv = set_symmetric_difference_update(so, other);
    if (rv == NULL) {
        return NULL;
    }
    Py_DECREF(rv);
    return Py_NewRef(so);
}

static PyObject *
set_or(PyObject *so, PyObject *other)
{
    if (!PyAnySet_Check(so) || !PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *result = set_copy(so, NULL);
    if (result == NULL) {
        return NULL;
    }
    if (so != other && set_update_internal((PySetObject *)result, other) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
set_ior(PyObject *so, PyObject *other)
{
    if (!PyAnySet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (set_update_internal((PySetObject *)so, other) < 0) {
        return NULL;
    }
    return Py_NewRef(so);
}

/* ---- methods ------------------------------------------------------------------------------- */

static PyObject *
set_add(PyObject *so, PyObject *key)
{
    if (set_add_key_locking((PySetObject *)so, key) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
set_clear(PyObject *so, PyObject *Py_UNUSED(ignored))
{
    PySet_Clear(so);
    Py_RETURN_NONE;
}

static PyObject *
set_discard(PyObject *so, PyObject *key)
{
    if (set_discard_key((PySetObject *)so, key) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
set_remove(PyObject *so, PyObject *key)
{
    int rc = set_discard_key((PySetObject *)so, key);
    if (rc < 0) {
        return NULL;
    }
    if (rc == 0) {
        PyObject *tup = PyTuple_Pack(1, key);
        if (tup != NULL) {
            PyErr_SetObject(PyExc_KeyError, tup);
            Py_DECREF(tup);
        }
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
set_pop(PyObject *so, PyObject *Py_UNUSED(ignored))
{
    return set_pop_impl((PySetObject *)so);
}

static PyObject *
set_direct_contains(PyObject *so, PyObject *key)
{
    int rc = set_contains_key((PySetObject *)so, key);
    if (rc < 0) {
        return NULL;
    }
    return PyBool_FromLong(rc);
}

static PyObject *
set_reduce(PyObject *so, PyObject *Py_UNUSED(ignored))
{
    PyObject *keys = PySequence_List(so);
    if (keys == NULL) {
        return NULL;
    }
    PyObject *state = NULL;
    if (PyObject_GetOptionalAttr(so, _Py_ID(__dict__), &state) < 0) {
        Py_DECREF(keys);
        return NULL;
    }
    if (state == NULL) {
        state = Py_NewRef(Py_None);
    }
    return Py_BuildValue("O(N)N", Py_TYPE(so), keys, state);
}

static PyObject *
set_sizeof(PyObject *so, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t res = (Py_ssize_t)sizeof(PySetObject);
    PySetObject *s = (PySetObject *)so;
    if (s->table != s->smalltable) {
        res += (s->mask + 1) * (Py_ssize_t)sizeof(setentry);
    }
    return PyLong_FromSsize_t(res);
}

static PyObject *
set_union_method(PyObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    return set_union(so, args, nargs);
}

static PyObject *
set_difference_method(PyObject *so, PyObject *const *args, Py_ssize_t nargs)
{
    return set_difference_multi(so, args, nargs);
}

static PyMethodDef set_methods[] = {
    {"add", set_add, METH_O,
     "Add an element to a set.\n\nThis has no effect if the element is already present."},
    {"clear", set_clear, METH_NOARGS, "Remove all elements from this set."},
    {"__contains__", set_direct_contains, METH_O | METH_COEXIST, "x.__contains__(y) <==> y in x."},
    {"copy", set_copy, METH_NOARGS, "Return a shallow copy of a set."},
    {"discard", set_discard, METH_O,
     "Remove an element from a set if it is a member.\n\n"
     "Unlike set.remove(), the discard() method does not raise\n"
     "an exception when an element is missing from the set."},
    {"difference", _PyCFunction_CAST(set_difference_method), METH_FASTCALL,
     "Return a new set with elements in the set that are not in the others."},
    {"difference_update", _PyCFunction_CAST(set_difference_update), METH_FASTCALL,
     "Update the set, removing elements found in others."},
    {"intersection", _PyCFunction_CAST(set_intersection_multi), METH_FASTCALL,
     "Return a new set with elements common to the set and all others."},
    {"intersection_update", _PyCFunction_CAST(set_intersection_update_multi), METH_FASTCALL,
     "Update the set, keeping only elements found in it and all others."},
    {"isdisjoint", set_isdisjoint, METH_O, "Return True if two sets have a null intersection."},
    {"issubset", set_issubset, METH_O, "Report whether another set contains this set."},
    {"issuperset", set_issuperset, METH_O, "Report whether this set contains another set."},
    {"pop", set_pop, METH_NOARGS,
     "Remove and return an arbitrary set element.\n\nRaises KeyError if the set is empty."},
    {"__reduce__", set_reduce, METH_NOARGS, "Return state information for pickling."},
    {"remove", set_remove, METH_O,
     "Remove an element from a set; it must be a member.\n\n"
     "If the element is not a member, raise a KeyError."},
    {"__sizeof__", set_sizeof, METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes."},
    {"symmetric_difference", set_symmetric_difference, METH_O,
     "Return a new set with elements in either the set or other but not both."},
    {"symmetric_difference_update", set_symmetric_difference_update, METH_O,
     "Update the set, keeping only elements found in either set, but not in both."},
    {"union", _PyCFunction_CAST(set_union_method), METH_FASTCALL,
     "Return a new set with elements from the set and all others."},
    {"update", _PyCFunction_CAST(set_update), METH_FASTCALL,
     "Update the set, adding elements from all others."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef frozenset_methods[] = {
    {"__contains__", set_direct_contains, METH_O | METH_COEXIST, "x.__contains__(y) <==> y in x."},
    {"copy", frozenset_copy, METH_NOARGS, "Return a shallow copy of a set."},
    {"difference", _PyCFunction_CAST(set_difference_method), METH_FASTCALL,
     "Return a new set with elements in the set that are not in the others."},
    {"intersection", _PyCFunction_CAST(set_intersection_multi), METH_FASTCALL,
     "Return a new set with elements common to the set and all others."},
    {"isdisjoint", set_isdisjoint, METH_O, "Return True if two sets have a null intersection."},
    {"issubset", set_issubset, METH_O, "Report whether another set contains this set."},
    {"issuperset", set_issuperset, METH_O, "Report whether this set contains another set."},
    {"__reduce__", set_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__sizeof__", set_sizeof, METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes."},
    {"symmetric_difference", set_symmetric_difference, METH_O,
     "Return a new set with elements in either the set or other but not both."},
    {"union", _PyCFunction_CAST(set_union_method), METH_FASTCALL,
     "Return a new set with elements from the set and all others."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods set_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
    .nb_inplace_subtract = set_isub,
    .nb_inplace_and = set_iand,
    .nb_inplace_xor = set_ixor,
    .nb_inplace_or = set_ior,
};

static PyNumberMethods frozenset_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
};

static PySequenceMethods set_as_sequence = {
    .sq_length = set_len,
    .sq_contains = set_sq_contains,
};

static int
set_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    /* set.__init__ never takes keyword arguments (a subclass's __new__ may). */
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "set() takes no keyword arguments");
        return -1;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "set expected at most 1 argument, got %zd", nargs);
        return -1;
    }
    PySetObject *so = (PySetObject *)self;
    Py_BEGIN_CRITICAL_SECTION(so);
    if (so->fill) {
        set_clear_internal(so);
    }
    so->hash = -1;
    Py_END_CRITICAL_SECTION();
    if (nargs == 1) {
        return set_update_internal(so, PyTuple_GET_ITEM(args, 0));
    }
    return 0;
}

static PyObject *
set_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return make_new_set(type, NULL);
}

static PyObject *
set_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "set() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "set expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    return make_new_set((PyTypeObject *)type, nargs ? args[0] : NULL);
}

static PyObject *
frozenset_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0 &&
        (type == &PyFrozenSet_Type || type->tp_init == PyFrozenSet_Type.tp_init)) {
        PyErr_SetString(PyExc_TypeError, "frozenset() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "frozenset expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *iterable = nargs ? PyTuple_GET_ITEM(args, 0) : NULL;
    if (type == &PyFrozenSet_Type && iterable != NULL && PyFrozenSet_CheckExact(iterable)) {
        return Py_NewRef(iterable);
    }
    return make_new_set(type, iterable);
}

static PyObject *
frozenset_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "frozenset() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "frozenset expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 1 && PyFrozenSet_CheckExact(args[0])) {
        return Py_NewRef(args[0]);
    }
    return make_new_set((PyTypeObject *)type, nargs ? args[0] : NULL);
}

PyTypeObject PySet_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "set",
    .tp_basicsize = sizeof(PySetObject),
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_as_number = &set_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "Build an unordered collection of unique elements.",
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_richcompare = set_richcompare,
    .tp_weaklistoffset = offsetof(PySetObject, weakreflist),
    .tp_iter = set_iter,
    .tp_methods = set_methods,
    .tp_init = set_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = set_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = set_vectorcall,
};
_Py_REGISTER_STATIC_TYPE(PySet_Type);

PyTypeObject PyFrozenSet_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(PySetObject),
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_as_number = &frozenset_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = frozenset_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = "Build an immutable unordered collection of unique elements.",
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_richcompare = set_richcompare,
    .tp_weaklistoffset = offsetof(PySetObject, weakreflist),
    .tp_iter = set_iter,
    .tp_methods = frozenset_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = frozenset_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = frozenset_vectorcall,
};
_Py_REGISTER_STATIC_TYPE(PyFrozenSet_Type);

/* ---- iterator ------------------------------------------------------------------------------ */

/* A set iterator may be shared by threads (free-threaded build).  si_used, si_pos and len
 * change only inside the set's critical section, which orders them between threads; si_used
 * and len are stored with relaxed atomics because __length_hint__ reads them without the lock.
 * si_set is cleared at exhaustion only in the GIL build (a thread that loaded it never sees the
 * set freed under it); si_pos == -1 marks an exhausted iterator in both builds. */
typedef struct {
    PyObject_HEAD
    PySetObject *si_set; /* NULL when exhausted (GIL build only) */
    Py_ssize_t si_used;  /* the set's used count when iteration began; -1 after a change */
    Py_ssize_t si_pos;   /* next slot to look at; -1 when exhausted */
    Py_ssize_t len;
} setiterobject;

static void
setiter_dealloc(PyObject *self)
{
    setiterobject *si = (setiterobject *)self;
    PyObject_GC_UnTrack(si);
    Py_XDECREF(si->si_set);
    PyObject_GC_Del(si);
}

static int
setiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((setiterobject *)self)->si_set);
    return 0;
}

static PyObject *
setiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    setiterobject *si = (setiterobject *)self;
    Py_ssize_t len = 0;
    if (si->si_set != NULL && FT_ATOMIC_LOAD_SSIZE_RELAXED(si->si_used) ==
                                  FT_ATOMIC_LOAD_SSIZE_RELAXED(si->si_set->used)) {
        len = FT_ATOMIC_LOAD_SSIZE_RELAXED(si->len);
    }
    return PyLong_FromSsize_t(len);
}

static PyObject *
setiter_iternext(PyObject *self)
{
    setiterobject *si = (setiterobject *)self;
    PySetObject *so = si->si_set;
    if (so == NULL) {
        return NULL;
    }
    PyObject *key = NULL;
    int changed = 0;
    Py_BEGIN_CRITICAL_SECTION(so);
    Py_ssize_t pos = si->si_pos;
    if (pos < 0) {
        /* exhausted already */
    }
    else if (si->si_used != so->used) {
        changed = 1;
        FT_ATOMIC_STORE_SSIZE_RELAXED(si->si_used, -1);
    }
    else {
        setentry *entry;
        if (set_next(so, &pos, &entry)) {
            key = Py_NewRef(entry->key);
            si->si_pos = pos;
            FT_ATOMIC_STORE_SSIZE_RELAXED(si->len, si->len - 1);
        }
        else {
            si->si_pos = -1;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (changed) {
        PyErr_SetString(PyExc_RuntimeError, "Set changed size during iteration");
        return NULL;
    }
    if (key == NULL) {
#ifndef Py_GIL_DISABLED
        si->si_set = NULL;
        Py_DECREF(so);
#endif
        return NULL;
    }
    return key;
}

static PyObject *
setiter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    setiterobject *si = (setiterobject *)self;
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    /* Walk from the iterator's position without consuming it, inside the set's critical
     * section (the walk reads the table; si_pos changes only under this lock). */
    PySetObject *so = si->si_set;
    if (so != NULL) {
        int failed = 0;
        Py_BEGIN_CRITICAL_SECTION(so);
        Py_ssize_t pos = si->si_pos;
        setentry *entry;
        while (pos >= 0 && set_next(so, &pos, &entry)) {
            if (PyList_Append(list, entry->key) < 0) {
                failed = 1;
                break;
            }
        }
        Py_END_CRITICAL_SECTION();
        if (failed) {
            Py_DECREF(list);
            return NULL;
        }
    }
    PyObject *iter = _PyIter_GetBuiltin("iter");
    if (iter == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    return Py_BuildValue("N(N)", iter, list);
}

static PyMethodDef setiter_methods[] = {
    {"__length_hint__", setiter_len, METH_NOARGS, NULL},
    {"__reduce__", setiter_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PySetIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(setiterobject),
    .tp_dealloc = setiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = setiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = setiter_iternext,
    .tp_methods = setiter_methods,
};
_Py_REGISTER_STATIC_TYPE(PySetIter_Type);

static PyObject *
set_iter(PyObject *so)
{
    setiterobject *si = PyObject_GC_New(setiterobject, &PySetIter_Type);
    if (si == NULL) {
        return NULL;
    }
    si->si_set = (PySetObject *)Py_NewRef(so);
    si->si_used = PySet_GET_SIZE(so);
    si->si_pos = 0;
    si->len = si->si_used;
    PyObject_GC_Track(si);
    return (PyObject *)si;
}
