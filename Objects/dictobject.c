/* dict: a compact, insertion-ordered hash table.
 *
 * A dict points at a keys object (Include/internal/pycore_dict.h): an index table of
 * 2**k slots (1 to 8 bytes each, by size) and a dense array of (hash, key, value) entries in
 * insertion order.  Lookups probe the index table with CPython's perturbed recurrence
 * i = (5*i + perturb + 1) mod 2**k; deleted entries leave a DKIX_DUMMY index and a NULL key.
 * Two thirds of the index slots can hold entries; past that, the table is rebuilt (compacting
 * out deleted entries) at a size for 3 * used.
 *
 * Invariants: ma_keys is never NULL (an immortal, empty keys object for empty dicts, with
 * dk_usable 0 so the first insertion allocates); ma_used = number of live entries;
 * dk_usable + dk_nentries = the entry capacity; a live entry has me_key and me_value non-NULL.
 *
 * A comparison (__eq__) may run arbitrary code that mutates the dict: the lookup holds
 * references to the entry's key during the call and restarts when the table or entry changed.
 *
 * Thread safety (free-threaded build): every mutation holds the dict's critical section.
 * Lookups (globals, builtins, attributes, d[k], dict.get, `in`) are lock-free
 * (dict_lookup_lockfree): load the keys table (acquire), probe it, match the key by identity,
 * or by comparing contents when both keys are exact strs or exact ints (their memory is all
 * the comparison reads), try to take a reference to the value (_Py_TryIncRef fails on an
 * object whose count already reached zero) and re-check that the entry still holds that key
 * and value in the current table; anything else (a key that needs __eq__, a concurrent
 * change) falls back to the locked lookup.  Iteration is lock-free the same way
 * (dictiter_step).  What makes this safe is QSBR (Python/qsbr.c): with more than one thread,
 * a replaced keys table and the memory of every freed key and value are returned to mimalloc
 * only after all threads passed a quiescent state, so the table a reader probes, the key it
 * compares and the object whose count it tries to increment are still the ones it loaded.
 * Keys and values themselves are released at once, as in CPython (prompt finalization).
 * Writers store me_key, me_value and index slots with release stores.  An entry whose key
 * was deleted gets a key again only after popitem (which gives back the last entries), so a
 * reader that finds the same key in the entry after reading it knows it was there throughout
 * or is there again.
 *
 * Only a *shared* dict pays for that (_PyGC_BITS_ITEMS_SHARED, dict_ensure_shared), as a list
 * does (Objects/listobject.c): a dict becomes shared the first time a thread other than its
 * owner reads or changes it while several threads run, under its lock, and its keys and
 * values are then published (_PyObject_SetMaybeShared: their memory waits for QSBR when they
 * die, readers may count them through the shared count), as is every key and value stored in
 * it afterwards.  Threads other than the owner read an unshared dict under its lock (and share
 * it); its owner reads it lock-free, which is safe because whatever could free a key, a value
 * or a table under the owner is a change by another thread, and that change shares the dict
 * first.  So a dict that never leaves its thread (locals of a call, keyword arguments, most
 * instance dicts) stores and frees its values and tables as in a single-threaded program. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_dict.h"
#include "pycore_pystate.h"
#include "pycore_pyatomic_ft_wrappers.h"
#include "pycore_tuple.h"
#include "pycore_list.h"
#include "pycore_long.h"
#include "pycore_qsbr.h"
#include "pycore_gc.h"

#ifdef Py_GIL_DISABLED
#  define DICT_READ_BEGIN(op) Py_BEGIN_CRITICAL_SECTION(op)
#  define DICT_READ_END() Py_END_CRITICAL_SECTION()
#else
#  define DICT_READ_BEGIN(op) {
#  define DICT_READ_END() }
#endif

#define PyDict_LOG_MINSIZE 3
#define PyDict_MINSIZE 8
#define USABLE_FRACTION(n) (((n) << 1) / 3)
#define GROWTH_RATE(d) ((d)->ma_used * 3)

/* The shared, immortal keys object of every empty dict.  Static initialisation of the flexible
 * index array is a GCC/Clang extension. */
static PyDictKeysObject empty_keys_struct = {
    .dk_refcnt = PY_SSIZE_T_MAX,
    .dk_log2_size = PyDict_LOG_MINSIZE,
    .dk_log2_index_bytes = PyDict_LOG_MINSIZE,
    .dk_kind = DICT_KEYS_UNICODE,
    .dk_version = 0,
    .dk_usable = 0,
    .dk_nentries = 0,
    .dk_indices = {-1, -1, -1, -1, -1, -1, -1, -1},
};
#define Py_EMPTY_KEYS (&empty_keys_struct)

/* ---- hashing ------------------------------------------------------------------------------- */

/* The hash of key, using a str's cached hash directly; -1 on error. */
static inline Py_hash_t
dict_hash(PyObject *key)
{
    if (PyUnicode_CheckExact(key)) {
        Py_hash_t h = FT_ATOMIC_LOAD_SSIZE_RELAXED(((PyASCIIObject *)key)->hash);
        if (h != -1) {
            return h;
        }
    }
    return PyObject_Hash(key);
}

/* ---- index slots (atomic in the free-threaded build: read by lock-free lookups) ----------- */

#ifdef Py_GIL_DISABLED
#  define DK_INDEX_LOAD(p) __atomic_load_n((p), __ATOMIC_ACQUIRE)
#  define DK_INDEX_STORE(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)
#else
#  define DK_INDEX_LOAD(p) (*(p))
#  define DK_INDEX_STORE(p, v) (*(p) = (v))
#endif

/* ---- the keys object ----------------------------------------------------------------------- */

static inline Py_ssize_t
dk_get_index(PyDictKeysObject *keys, size_t i)
{
    uint8_t log2size = keys->dk_log2_size;
    if (log2size < 8) {
        return DK_INDEX_LOAD(&((int8_t *)keys->dk_indices)[i]);
    }
    if (log2size < 16) {
        return DK_INDEX_LOAD(&((int16_t *)keys->dk_indices)[i]);
    }
    if (log2size < 32) {
        return DK_INDEX_LOAD(&((int32_t *)keys->dk_indices)[i]);
    }
    return DK_INDEX_LOAD(&((int64_t *)keys->dk_indices)[i]);
}

/* Release store in the free-threaded build: an entry is complete before its slot points to it. */
static inline void
dk_set_index(PyDictKeysObject *keys, size_t i, Py_ssize_t ix)
{
    uint8_t log2size = keys->dk_log2_size;
    if (log2size < 8) {
        DK_INDEX_STORE(&((int8_t *)keys->dk_indices)[i], (int8_t)ix);
    }
    else if (log2size < 16) {
        DK_INDEX_STORE(&((int16_t *)keys->dk_indices)[i], (int16_t)ix);
    }
    else if (log2size < 32) {
        DK_INDEX_STORE(&((int32_t *)keys->dk_indices)[i], (int32_t)ix);
    }
    else {
        DK_INDEX_STORE(&((int64_t *)keys->dk_indices)[i], (int64_t)ix);
    }
}

/* Smallest log2 table size whose usable fraction holds minsize entries. */
static uint8_t
calculate_log2_keysize(Py_ssize_t minsize)
{
    uint8_t log2size = PyDict_LOG_MINSIZE;
    while (((Py_ssize_t)1 << log2size) < minsize && log2size < 62) {
        log2size++;
    }
    return log2size;
}

/* Log2 size of a table for a presized dict of minused entries. */
static uint8_t
estimate_log2_keysize(Py_ssize_t minused)
{
    return calculate_log2_keysize((minused * 3 + 1) / 2);
}

/* Return a new keys object with an empty index table, or NULL (MemoryError). */
static PyDictKeysObject *
new_keys_object(uint8_t log2_size, int unicode)
{
    uint8_t log2_bytes;
    if (log2_size < 8) {
        log2_bytes = log2_size;
    }
    else if (log2_size < 16) {
        log2_bytes = log2_size + 1;
    }
    else if (log2_size < 32) {
        log2_bytes = log2_size + 2;
    }
    else {
        log2_bytes = log2_size + 3;
    }
    if (log2_size >= (uint8_t)(sizeof(Py_ssize_t) * 8 - 4)) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t usable = USABLE_FRACTION((Py_ssize_t)1 << log2_size);
    size_t size = sizeof(PyDictKeysObject) + ((size_t)1 << log2_bytes) +
                  sizeof(PyDictKeyEntry) * (size_t)usable;
    PyDictKeysObject *dk = PyMem_Malloc(size);
    if (dk == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    dk->dk_refcnt = 1;
    dk->dk_log2_size = log2_size;
    dk->dk_log2_index_bytes = log2_bytes;
    dk->dk_kind = unicode ? DICT_KEYS_UNICODE : DICT_KEYS_GENERAL;
    dk->dk_version = 0;
    dk->dk_usable = usable;
    dk->dk_nentries = 0;
    memset(&dk->dk_indices[0], 0xff, (size_t)1 << log2_bytes);
    memset(DK_ENTRIES(dk), 0, sizeof(PyDictKeyEntry) * (size_t)usable);
    return dk;
}

/* Free a keys object that was published in a dict.  In the free-threaded build this is where
 * the table will be handed to QSBR, because lock-free readers may still be probing it. */
void
_PyDict_FreeKeysDeferred(PyDictKeysObject *keys)
{
    if (keys != Py_EMPTY_KEYS) {
        _PyMem_FreeDelayed(keys);
    }
}

/* Release the entries' references and free the keys object.  deferred: the table was
 * published in a dict that lock-free readers may still be probing (QSBR). */
static void
free_keys_object(PyDictKeysObject *keys, int deferred)
{
    if (keys == Py_EMPTY_KEYS) {
        return;
    }
    PyDictKeyEntry *ep = DK_ENTRIES(keys);
    Py_ssize_t n = keys->dk_nentries;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_XDECREF(ep[i].me_key);
        Py_XDECREF(ep[i].me_value);
    }
    if (deferred) {
        _PyDict_FreeKeysDeferred(keys);
    }
    else {
        PyMem_Free(keys);
    }
}

/* ---- sharing (free-threaded build; see the header comment) --------------------------------- */

#ifdef Py_GIL_DISABLED
/* Are mp's values published, so that threads other than its owner read it lock-free? */
static inline int
dict_is_shared(PyDictObject *mp)
{
    return _PyObject_ItemsShared((PyObject *)mp);
}

/* From now on other threads read mp lock-free: publish its keys (readers compare strs and
 * ints they find) and values, then mark mp (atomic or, after their flags).  Caller holds mp's
 * critical section. */
static Py_NO_INLINE void
dict_make_shared(PyDictObject *mp)
{
    PyDictKeysObject *dk = mp->ma_keys;
    PyDictKeyEntry *ep = DK_ENTRIES(dk);
    for (Py_ssize_t i = 0; i < dk->dk_nentries; i++) {
        if (ep[i].me_value != NULL) {
            _PyObject_SetMaybeShared(ep[i].me_key, 0);
            _PyObject_SetMaybeShared(ep[i].me_value, 0);
        }
    }
    _PyObject_MarkItemsShared((PyObject *)mp);
}

/* A thread other than mp's owner is about to read or change mp while others run: share mp
 * first, so that the owner's lock-free reads stay safe from what the change frees.  Caller
 * holds mp's critical section (or runs alone, when this does nothing). */
static inline void
dict_ensure_shared(PyDictObject *mp)
{
    if (_PyObject_MustShareItems((PyObject *)mp)) {
        dict_make_shared(mp);
    }
}

/* A key or value is about to be stored in mp: lock-free readers reach it from now on if mp
 * is shared. */
static inline void
dict_publish(PyDictObject *mp, PyObject *op)
{
    if (dict_is_shared(mp)) {
        _PyObject_SetMaybeShared(op, 0);
    }
}
#else
static inline int
dict_is_shared(PyDictObject *mp)
{
    (void)mp;
    return 0;
}

static inline void
dict_ensure_shared(PyDictObject *mp)
{
    (void)mp;
}

static inline void
dict_publish(PyDictObject *mp, PyObject *op)
{
    (void)mp;
    (void)op;
}
#endif

/* ---- lookup -------------------------------------------------------------------------------- */

/* Index of the first index-table slot on key's probe path that holds no live entry (EMPTY or
 * DUMMY); the table must have room. */
static Py_ssize_t
find_empty_slot(PyDictKeysObject *keys, Py_hash_t hash)
{
    const size_t mask = DK_MASK(keys);
    size_t i = (size_t)hash & mask;
    Py_ssize_t ix = dk_get_index(keys, i);
    for (size_t perturb = (size_t)hash; ix >= 0;) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
        ix = dk_get_index(keys, i);
    }
    return (Py_ssize_t)i;
}

/* The general probe loop of dict_lookup (below); its out-of-line copies keep the common
 * case, decided at the first probe, small. */
static inline Py_ALWAYS_INLINE Py_ssize_t
dict_lookup_probe(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **value_addr)
{
restart:;
    PyDictKeysObject *dk = mp->ma_keys;
    PyDictKeyEntry *entries = DK_ENTRIES(dk);
    const size_t mask = DK_MASK(dk);
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    int unicode_key = dk->dk_kind == DICT_KEYS_UNICODE && PyUnicode_CheckExact(key);
    for (;;) {
        Py_ssize_t ix = dk_get_index(dk, i);
        if (ix == DKIX_EMPTY) {
            *value_addr = NULL;
            return DKIX_EMPTY;
        }
        if (ix >= 0) {
            PyDictKeyEntry *ep = &entries[ix];
            PyObject *startkey = ep->me_key;
            if (startkey == key) {
                *value_addr = ep->me_value;
                return ix;
            }
            if (startkey != NULL && ep->me_hash == hash) {
                if (unicode_key) {
                    /* Every key is an exact str: equality cannot run Python code. */
                    if (_PyUnicode_EQ(startkey, key)) {
                        *value_addr = ep->me_value;
                        return ix;
                    }
                }
                else {
                    Py_INCREF(startkey);
                    int cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
                    Py_DECREF(startkey);
                    if (cmp < 0) {
                        *value_addr = NULL;
                        return DKIX_ERROR;
                    }
                    if (dk != mp->ma_keys || ep->me_key != startkey) {
                        /* __eq__ mutated the dict: start over. */
                        goto restart;
                    }
                    if (cmp > 0) {
                        *value_addr = ep->me_value;
                        return ix;
                    }
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

static Py_NO_INLINE Py_ssize_t
dict_lookup_slow(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **value_addr)
{
    return dict_lookup_probe(mp, key, hash, value_addr);
}

/* The first probe, which settles most lookups: the index of key's entry when the slot holds
 * key itself (typically an interned str), DKIX_EMPTY when the slot is empty (key is missing),
 * else DKIX_DUMMY (not decided: probe on). */
static inline Py_ssize_t
dict_probe_first(PyDictKeysObject *dk, PyObject *key, Py_hash_t hash)
{
    Py_ssize_t ix = dk_get_index(dk, (size_t)hash & DK_MASK(dk));
    if (ix >= 0) {
        return DK_ENTRIES(dk)[ix].me_key == key ? ix : DKIX_DUMMY;
    }
    return ix;
}

/* Look key up.  Returns the entry index (>= 0), DKIX_EMPTY when missing or DKIX_ERROR with an
 * exception set; *value_addr receives the value (borrowed) or NULL.  Caller holds the
 * critical section in the free-threaded build.  The first probe is tried inline. */
static inline Py_ssize_t
dict_lookup(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **value_addr)
{
    PyDictKeysObject *dk = mp->ma_keys;
    Py_ssize_t ix = dict_probe_first(dk, key, hash);
    if (ix >= 0) {
        *value_addr = DK_ENTRIES(dk)[ix].me_value;
        return ix;
    }
    if (ix == DKIX_EMPTY) {
        *value_addr = NULL;
        return DKIX_EMPTY;
    }
    return dict_lookup_slow(mp, key, hash, value_addr);
}

#ifdef Py_GIL_DISABLED
static int dict_lookup_lockfree_threads(PyDictObject *mp, PyObject *key, Py_hash_t hash,
                                        PyObject **result);

/* dict_lookup_alone past the first probe: a str key in a table of str keys (no Python code
 * runs), else not decided (0). */
static inline int
dict_lookup_alone_slow(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **value)
{
    if (mp->ma_keys->dk_kind == DICT_KEYS_UNICODE && PyUnicode_CheckExact(key)) {
        (void)dict_lookup_slow(mp, key, hash, value);
        return 1;
    }
    return 0;
}

/* The lookup of a lone thread (_Py_IsSingleThreaded): nobody else can change mp, so the GIL
 * build's probe serves, without the re-checks, whenever it runs no Python code (which could
 * start a thread): an identical key or an empty slot at the first probe, or a str key in a
 * table of str keys.  1: decided, *value borrowed (NULL when missing); 0: not decided. */
static inline int
dict_lookup_alone(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **value)
{
    PyDictKeysObject *dk = mp->ma_keys;
    Py_ssize_t ix = dict_probe_first(dk, key, hash);
    if (ix >= 0) {
        *value = DK_ENTRIES(dk)[ix].me_value;
        return 1;
    }
    if (ix == DKIX_EMPTY) {
        *value = NULL;
        return 1;
    }
    return dict_lookup_alone_slow(mp, key, hash, value);
}

/* Lock-free lookup (see the header comment).  1: found, *result is a new reference; 0:
 * missing; -1: not decided here, take the locked path.  With result NULL, only whether key is
 * present is decided, without taking a reference. */
static inline int
dict_lookup_lockfree(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **result)
{
    PyObject *v;
    if (Py_LIKELY(_Py_IsSingleThreaded())) {
        if (!dict_lookup_alone(mp, key, hash, &v)) {
            return -1;      /* a key that needs __eq__: the locked path takes no lock alone */
        }
        if (result != NULL) {
            *result = Py_XNewRef(v);
        }
        return v != NULL;
    }
    return dict_lookup_lockfree_threads(mp, key, hash, result);
}

/* Equality of a key found in a table (`stored`) and a distinct looked-up key with the same
 * hash, decided without a lock when it reads only the keys' own immutable memory: exact strs
 * (compact: their characters follow the header) and exact ints.  1 equal, 0 not, -1 needs
 * __eq__ (the locked path).  `stored` may have died since it was loaded: keys of a shared dict
 * are published, so its memory is not reused before this thread's next quiescent state, and
 * a str or an int never changes its contents; the caller re-checks the entry afterwards. */
static inline int
dict_keys_equal_lockfree(PyObject *stored, PyObject *key)
{
    PyTypeObject *type = Py_TYPE(key);
    if (Py_TYPE(stored) != type) {
        return -1;
    }
    if (type == &PyUnicode_Type) {
        if (!PyUnicode_IS_COMPACT(stored) || !PyUnicode_IS_COMPACT(key)) {
            return -1;
        }
        return _PyUnicode_EQ(stored, key);
    }
    if (type == &PyLong_Type) {
        return _PyLong_Compare((PyLongObject *)stored, (PyLongObject *)key) == 0;
    }
    return -1;
}

int
_PyDict_KeysEqualLockFree(PyObject *stored, PyObject *key)
{
    return dict_keys_equal_lockfree(stored, key);
}

static Py_NO_INLINE int
dict_lookup_lockfree_threads(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **result)
{
    if (!dict_is_shared(mp) && !_Py_IsOwnedByCurrentThread((PyObject *)mp)) {
        return -1;     /* the locked path shares mp (dict_get_item_ref_locked) */
    }
    for (int attempt = 0; attempt < 4; attempt++) {
        PyDictKeysObject *dk = FT_ATOMIC_LOAD_PTR_ACQUIRE(mp->ma_keys);
        PyDictKeyEntry *entries = DK_ENTRIES(dk);
        const size_t mask = DK_MASK(dk);
        size_t i = (size_t)hash & mask;
        size_t perturb = (size_t)hash;
        for (;;) {
            Py_ssize_t ix = dk_get_index(dk, i);
            if (ix == DKIX_EMPTY) {
                if (result != NULL) {
                    *result = NULL;
                }
                return 0;
            }
            if (ix >= 0) {
                PyDictKeyEntry *ep = &entries[ix];
                PyObject *k = FT_ATOMIC_LOAD_PTR_ACQUIRE(ep->me_key);
                int equal = k == key;
                if (!equal && k != NULL && FT_ATOMIC_LOAD_SSIZE_RELAXED(ep->me_hash) == hash) {
                    equal = dict_keys_equal_lockfree(k, key);
                    if (equal < 0) {
                        return -1;     /* compare with __eq__ under the lock */
                    }
                    if (FT_ATOMIC_LOAD_PTR_ACQUIRE(ep->me_key) != k) {
                        break;         /* deleted meanwhile: look again */
                    }
                }
                if (equal) {
                    PyObject *v = FT_ATOMIC_LOAD_PTR_ACQUIRE(ep->me_value);
                    if (v == NULL) {
                        break;     /* being deleted: look again */
                    }
                    if (result == NULL) {
                        /* Present now (an entry's key never comes back once deleted). */
                        return 1;
                    }
                    /* v's memory is valid (QSBR); it may have just died. */
                    if (!_Py_TryIncRefDeferred(v)) {
                        break;
                    }
                    if (FT_ATOMIC_LOAD_PTR_ACQUIRE(ep->me_value) == v &&
                        FT_ATOMIC_LOAD_PTR_ACQUIRE(ep->me_key) == k &&
                        FT_ATOMIC_LOAD_PTR_ACQUIRE(mp->ma_keys) == dk) {
                        *result = v;
                        return 1;
                    }
                    Py_DECREF(v);
                    break;
                }
            }
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
    }
    return -1;
}
#endif

/* Rebuild the table at 2**log2_newsize slots, dropping deleted entries.  0 or -1. */
static int
dictresize(PyDictObject *mp, uint8_t log2_newsize, int unicode)
{
    dict_ensure_shared(mp);
    PyDictKeysObject *oldkeys = mp->ma_keys;
    PyDictKeysObject *newkeys = new_keys_object(log2_newsize, unicode);
    if (newkeys == NULL) {
        return -1;
    }
    Py_ssize_t numentries = mp->ma_used;
    PyDictKeyEntry *oldentries = DK_ENTRIES(oldkeys);
    PyDictKeyEntry *newentries = DK_ENTRIES(newkeys);
    if (oldkeys->dk_nentries == numentries) {
        memcpy(newentries, oldentries, (size_t)numentries * sizeof(PyDictKeyEntry));
    }
    else {
        PyDictKeyEntry *ep = oldentries;
        for (Py_ssize_t i = 0; i < numentries; i++) {
            while (ep->me_value == NULL) {
                ep++;
            }
            newentries[i] = *ep++;
        }
    }
    for (Py_ssize_t ix = 0; ix < numentries; ix++) {
        Py_ssize_t slot = find_empty_slot(newkeys, newentries[ix].me_hash);
        dk_set_index(newkeys, (size_t)slot, ix);
    }
    newkeys->dk_usable -= numentries;
    newkeys->dk_nentries = numentries;
    /* Publish the new table; the entries' references moved with it. */
    FT_ATOMIC_STORE_PTR_RELEASE(mp->ma_keys, newkeys);
    if (dict_is_shared(mp)) {
        _PyDict_FreeKeysDeferred(oldkeys);   /* lock-free readers may still be probing it */
    }
    else if (oldkeys != Py_EMPTY_KEYS) {
        PyMem_Free(oldkeys);                 /* only its owner ever probed it */
    }
    return 0;
}

static int
insertion_resize(PyDictObject *mp, int unicode)
{
    return dictresize(mp, calculate_log2_keysize(GROWTH_RATE(mp)), unicode);
}

/* Append a new entry for a key known to be absent; steals key and value (also on failure).
 * Caller holds the critical section.  0 or -1. */
static int
insert_new_entry(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *value)
{
    dict_ensure_shared(mp);
    PyDictKeysObject *dk = mp->ma_keys;
    int unicode_key = PyUnicode_CheckExact(key);
    if (dk->dk_usable <= 0) {
        int unicode = (dk == Py_EMPTY_KEYS || dk->dk_kind == DICT_KEYS_UNICODE) && unicode_key;
        if (insertion_resize(mp, unicode) < 0) {
            Py_DECREF(key);
            Py_DECREF(value);
            return -1;
        }
        dk = mp->ma_keys;
    }
    else if (!unicode_key && dk->dk_kind == DICT_KEYS_UNICODE) {
        dk->dk_kind = DICT_KEYS_GENERAL;
    }
    Py_ssize_t slot = find_empty_slot(dk, hash);
    Py_ssize_t n = dk->dk_nentries;
    PyDictKeyEntry *ep = &DK_ENTRIES(dk)[n];
    FT_ATOMIC_STORE_SSIZE_RELAXED(ep->me_hash, hash);
    dict_publish(mp, key);
    FT_ATOMIC_STORE_PTR_RELEASE(ep->me_key, key);
    dict_publish(mp, value);
    FT_ATOMIC_STORE_PTR_RELEASE(ep->me_value, value);
    dk_set_index(dk, (size_t)slot, n);
    dk->dk_usable--;
    FT_ATOMIC_STORE_SSIZE_RELAXED(dk->dk_nentries, n + 1);
    FT_ATOMIC_STORE_SSIZE_RELAXED(mp->ma_used, mp->ma_used + 1);
    return 0;
}

/* Insert or replace; steals references to key and value (also on failure).  Caller holds the
 * critical section.  *replaced receives the reference to the value replaced, or NULL, for the
 * caller to release: its destructor may run any code.  Nothing else here runs Python code
 * when key is an exact str and the table's keys are all exact strs.  0 or -1. */
static int
insertdict_replacing(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *value,
                     PyObject **replaced)
{
    PyObject *old_value;
    *replaced = NULL;
    dict_ensure_shared(mp);
    Py_ssize_t ix = dict_lookup(mp, key, hash, &old_value);
    if (ix == DKIX_ERROR) {
        Py_DECREF(key);
        Py_DECREF(value);
        return -1;
    }
    if (ix == DKIX_EMPTY) {
        return insert_new_entry(mp, key, hash, value);
    }
    if (old_value != value) {
        PyDictKeyEntry *ep = &DK_ENTRIES(mp->ma_keys)[ix];
        dict_publish(mp, value);
        FT_ATOMIC_STORE_PTR_RELEASE(ep->me_value, value);
        *replaced = old_value;
    }
    else {
        Py_DECREF(value);    /* the dict still holds it */
    }
    Py_DECREF(key);          /* the entry keeps its own key */
    return 0;
}

/* insertdict_replacing, releasing the replaced value at once (inside the caller's section). */
static int
insertdict(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *value)
{
    PyObject *replaced;
    int rc = insertdict_replacing(mp, key, hash, value, &replaced);
    Py_XDECREF(replaced);
    return rc;
}

/* ---- construction -------------------------------------------------------------------------- */

/* Return a new reference to an empty dict using keys (stolen; may be Py_EMPTY_KEYS). */
static PyObject *
new_dict(PyDictKeysObject *keys, Py_ssize_t used)
{
    PyDictObject *mp = PyObject_GC_New(PyDictObject, &PyDict_Type);
    if (mp == NULL) {
        free_keys_object(keys, 0);
        return NULL;
    }
    mp->ma_keys = keys;
    mp->ma_values = NULL;
    mp->ma_used = used;
    mp->_ma_watcher_tag = 0;
    PyObject_GC_Track(mp);
    return (PyObject *)mp;
}

PyObject *
PyDict_New(void)
{
    return new_dict(Py_EMPTY_KEYS, 0);
}

PyObject *
_PyDict_NewPresized(Py_ssize_t minused)
{
    if (minused <= USABLE_FRACTION(PyDict_MINSIZE)) {
        return PyDict_New();
    }
    if (minused > (1 << 30)) {
        minused = 1 << 30;
    }
    PyDictKeysObject *keys = new_keys_object(estimate_log2_keysize(minused), 1);
    if (keys == NULL) {
        return NULL;
    }
    return new_dict(keys, 0);
}

/* ---- public item API ----------------------------------------------------------------------- */

#ifdef Py_GIL_DISABLED
/* The locked lookup behind dict_get_item_ref, out of line so that the lock-free path stays a
 * small function without the critical section's spills. */
static Py_NO_INLINE int
dict_get_item_ref_locked(PyDictObject *op, PyObject *key, Py_hash_t hash, PyObject **result)
{
    PyObject *value;
    Py_ssize_t ix;
    DICT_READ_BEGIN(op);
    dict_ensure_shared(op);    /* the next reads of this thread go lock-free */
    ix = dict_lookup(op, key, hash, &value);
    if (value != NULL) {
        Py_INCREF(value);
    }
    DICT_READ_END();
    *result = value;
    if (ix == DKIX_ERROR) {
        return -1;
    }
    return value != NULL;
}

/* dict_lookup_alone_slow for dict_get_item_ref, with the reference taken: its own copy of
 * the probe loop, so that dict_get_item_ref_slow reaches it by a jump and keeps no frame. */
static Py_NO_INLINE int
dict_get_item_ref_alone_str(PyDictObject *op, PyObject *key, Py_hash_t hash,
                            PyObject **result)
{
    (void)dict_lookup_probe(op, key, hash, result);
    Py_XINCREF(*result);
    return *result != NULL;
}

/* dict_get_item_ref past a lone thread's first probe. */
static Py_NO_INLINE int
dict_get_item_ref_slow(PyDictObject *op, PyObject *key, Py_hash_t hash, PyObject **result)
{
    if (Py_LIKELY(_Py_IsSingleThreaded())) {
        if (op->ma_keys->dk_kind == DICT_KEYS_UNICODE && PyUnicode_CheckExact(key)) {
            return dict_get_item_ref_alone_str(op, key, hash, result);
        }
        return dict_get_item_ref_locked(op, key, hash, result);
    }
    int found = dict_lookup_lockfree_threads(op, key, hash, result);
    if (found >= 0) {
        return found;
    }
    return dict_get_item_ref_locked(op, key, hash, result);
}
#endif

/* 1 and a new reference in *result when found; 0 and NULL when missing; -1 and NULL with an
 * exception set on error. */
static inline int
dict_get_item_ref(PyDictObject *op, PyObject *key, Py_hash_t hash, PyObject **result)
{
#ifdef Py_GIL_DISABLED
    /* A lone thread's first probe inline, as the GIL build's, so that the common case needs
     * no registers saved.  It is dict_lookup_alone's first half written out: through a shared
     * helper that returns the value by pointer, GCC kept a stack slot and saved one more
     * register, and deltablue counted 1.2% more instructions. */
    if (Py_LIKELY(_Py_IsSingleThreaded())) {
        PyDictKeysObject *dk = op->ma_keys;
        Py_ssize_t ix = dict_probe_first(dk, key, hash);
        if (ix >= 0) {
            *result = Py_NewRef(DK_ENTRIES(dk)[ix].me_value);
            return 1;
        }
        if (ix == DKIX_EMPTY) {
            *result = NULL;
            return 0;
        }
    }
    return dict_get_item_ref_slow(op, key, hash, result);
#else
    PyObject *value;
    Py_ssize_t ix = dict_lookup(op, key, hash, &value);
    *result = Py_XNewRef(value);
    if (ix == DKIX_ERROR) {
        return -1;
    }
    return value != NULL;
#endif
}

/* Borrowed reference or NULL; errors are suppressed (legacy API). */
PyObject *
PyDict_GetItem(PyObject *op, PyObject *key)
{
    if (!PyDict_Check(op)) {
        return NULL;
    }
    Py_hash_t hash = dict_hash(key);
    if (hash == -1) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *value;
    Py_ssize_t ix;
#ifdef Py_GIL_DISABLED
    if (Py_LIKELY(_Py_IsSingleThreaded()) &&
            dict_lookup_alone((PyDictObject *)op, key, hash, &value)) {
        PyErr_SetRaisedException(exc);
        return value;
    }
    /* Borrowed result: valid until this thread's next quiescent state (QSBR), as the
     * locked path's is until the next mutation. */
    int found = dict_lookup_lockfree((PyDictObject *)op, key, hash, &value);
    if (found >= 0) {
        Py_XDECREF(value);
        PyErr_SetRaisedException(exc);
        return value;
    }
#endif
    DICT_READ_BEGIN(op);
    /* Shared: the borrowed value's memory then waits for QSBR, as the lock-free path's. */
    dict_ensure_shared((PyDictObject *)op);
    ix = dict_lookup((PyDictObject *)op, key, hash, &value);
    DICT_READ_END();
    if (ix == DKIX_ERROR) {
        PyErr_Clear();
        value = NULL;
    }
    PyErr_SetRaisedException(exc);
    return value;
}

/* Borrowed reference; NULL without exception when missing. */
PyObject *
_PyDict_GetItem_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *value;
#ifdef Py_GIL_DISABLED
    if (Py_LIKELY(_Py_IsSingleThreaded()) &&
            dict_lookup_alone((PyDictObject *)op, key, hash, &value)) {
        return value;       /* without the reference that the lines below take and drop */
    }
    if (dict_get_item_ref((PyDictObject *)op, key, hash, &value) >= 0) {
        Py_XDECREF(value);   /* borrowed: see PyDict_GetItem */
    }
#else
    (void)dict_lookup((PyDictObject *)op, key, hash, &value);
#endif
    return value;
}

/* Borrowed reference; NULL with an exception on error, without one when missing. */
PyObject *
PyDict_GetItemWithError(PyObject *op, PyObject *key)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_hash_t hash = dict_hash(key);
    if (hash == -1) {
        return NULL;
    }
    return _PyDict_GetItem_KnownHash(op, key, hash);
}

PyObject *
_PyDict_GetItemWithError(PyObject *dp, PyObject *key)
{
    return PyDict_GetItemWithError(dp, key);
}

int
_PyDict_GetItemRef_KnownHash(PyDictObject *op, PyObject *key, Py_hash_t hash,
                             PyObject **result)
{
    return dict_get_item_ref(op, key, hash, result);
}

int
PyDict_GetItemRef(PyObject *op, PyObject *key, PyObject **result)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        *result = NULL;
        return -1;
    }
    Py_hash_t hash = dict_hash(key);
    if (hash == -1) {
        *result = NULL;
        return -1;
    }
    return dict_get_item_ref((PyDictObject *)op, key, hash, result);
}

int
PyDict_GetItemStringRef(PyObject *v, const char *key, PyObject **result)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        *result = NULL;
        return -1;
    }
    int rc = PyDict_GetItemRef(v, kv, result);
    Py_DECREF(kv);
    return rc;
}

/* Borrowed reference; errors suppressed. */
PyObject *
PyDict_GetItemString(PyObject *v, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *rv = PyDict_GetItem(v, kv);
    Py_DECREF(kv);
    return rv;
}

/* Borrowed reference; NULL with or without an exception. */
PyObject *
_PyDict_GetItemStringWithError(PyObject *v, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        return NULL;
    }
    PyObject *rv = PyDict_GetItemWithError(v, kv);
    Py_DECREF(kv);
    return rv;
}

/* New reference, or NULL: with an exception on error, without one when missing. */
PyObject *
_PyDict_LoadGlobal(PyDictObject *globals, PyDictObject *builtins, PyObject *key)
{
    Py_hash_t hash = dict_hash(key);
    if (hash == -1) {
        return NULL;
    }
    PyObject *value;
    if (dict_get_item_ref(globals, key, hash, &value) != 0) {
        return value; /* found, or error */
    }
    (void)dict_get_item_ref(builtins, key, hash, &value);
    return value;
}

#ifdef Py_GIL_DISABLED
/* _PyDict_SetItem_Take2 under the dict's critical section, out of line so that the lone
 * thread's path keeps the GIL build's shape (no section's registers to save). */
static Py_NO_INLINE int
dict_setitem_take2_locked(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *value)
{
    int rc;
    PyObject *replaced;
    Py_BEGIN_CRITICAL_SECTION(mp);
    rc = insertdict_replacing(mp, key, hash, value, &replaced);
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(replaced);
    return rc;
}
#endif

/* Steals key and value, also on failure. */
int
_PyDict_SetItem_Take2(PyDictObject *mp, PyObject *key, PyObject *value)
{
    Py_hash_t hash = dict_hash(key);
    if (hash == -1) {
        Py_DECREF(key);
        Py_DECREF(value);
        return -1;
    }
#ifdef Py_GIL_DISABLED
    /* Attribute and globals stores of a lone thread go without a section: no code runs until
     * the replaced value is released below, so no second thread can appear meanwhile (the
     * rule of Py_BEGIN_CRITICAL_SECTION_SHORT). */
    if (!(Py_LIKELY(_Py_IsSingleThreaded()) && PyUnicode_CheckExact(key) &&
          mp->ma_keys->dk_kind == DICT_KEYS_UNICODE)) {
        return dict_setitem_take2_locked(mp, key, hash, value);
    }
#endif
    PyObject *replaced;
    int rc = insertdict_replacing(mp, key, hash, value, &replaced);
    Py_XDECREF(replaced);
    return rc;
}

int
PyDict_SetItem(PyObject *op, PyObject *key, PyObject *value)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return _PyDict_SetItem_Take2((PyDictObject *)op, Py_NewRef(key), Py_NewRef(value));
}

int
_PyDict_SetItem_KnownHash(PyObject *op, PyObject *key, PyObject *value, Py_hash_t hash)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    int rc;
    Py_BEGIN_CRITICAL_SECTION(op);
    rc = insertdict((PyDictObject *)op, Py_NewRef(key), hash, Py_NewRef(value));
    Py_END_CRITICAL_SECTION();
    return rc;
}

int
PyDict_SetItemString(PyObject *v, const char *key, PyObject *item)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        return -1;
    }
    PyUnicode_InternInPlace(&kv);
    int err = PyDict_SetItem(v, kv, item);
    Py_DECREF(kv);
    return err;
}

/* Remove the entry at index ix found at index-table slot i; the caller decrefs the returned
 * key and value after leaving the critical section. */
static void
delitem_at(PyDictObject *mp, Py_ssize_t ix, Py_hash_t hash, PyObject **old_key,
           PyObject **old_value)
{
    dict_ensure_shared(mp);
    PyDictKeysObject *dk = mp->ma_keys;
    /* Find the index-table slot that points at ix. */
    const size_t mask = DK_MASK(dk);
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    while (dk_get_index(dk, i) != ix) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    dk_set_index(dk, i, DKIX_DUMMY);
    PyDictKeyEntry *ep = &DK_ENTRIES(dk)[ix];
    *old_key = ep->me_key;
    *old_value = ep->me_value;
    FT_ATOMIC_STORE_PTR_RELEASE(ep->me_key, NULL);
    FT_ATOMIC_STORE_PTR_RELEASE(ep->me_value, NULL);
    FT_ATOMIC_STORE_SSIZE_RELAXED(mp->ma_used, mp->ma_used - 1);
}

/* Delete key; 1 deleted, 0 missing (no exception), -1 error.  The old value is returned in
 * *pvalue (new reference) when pvalue is not NULL. */
static int
dict_pop_known_hash(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **pvalue)
{
    PyObject *old_key = NULL, *old_value = NULL;
    int rc;
    Py_BEGIN_CRITICAL_SECTION(mp);
    PyObject *value;
    Py_ssize_t ix;
    if (mp->ma_used == 0) {
        ix = DKIX_EMPTY;
    }
    else {
        ix = dict_lookup(mp, key, hash, &value);
    }
    if (ix == DKIX_ERROR) {
        rc = -1;
    }
    else if (ix == DKIX_EMPTY || value == NULL) {
        rc = 0;
    }
    else {
        delitem_at(mp, ix, hash, &old_key, &old_value);
        rc = 1;
    }
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old_key);
    if (pvalue != NULL) {
        *pvalue = old_value;
    }
    else {
        Py_XDECREF(old_value);
    }
    return rc;
}

static void
set_key_error(PyObject *key)
{
    PyObject *tup = PyTuple_Pack(1, key);
    if (tup == NULL) {
        return;
    }
    PyErr_SetObject(PyExc_KeyError, tup);
    Py_DECREF(tup);
}

int
_PyDict_DelItem_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    int rc = dict_pop_known_hash((PyDictObject *)op, key, hash, NULL);
    if (rc == 0) {
        set_key_error(key);
        return -1;
    }
    return rc < 0 ? -1 : 0;
}

int
PyDict_DelItem(PyObject *op, PyObject *key)
{
    Py_hash_t hash = dict_hash(key);
    if (hash == -1) {
        return -1;
    }
    return _PyDict_DelItem_KnownHash(op, key, hash);
}

int
PyDict_DelItemString(PyObject *pv, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        return -1;
    }
    int err = PyDict_DelItem(pv, kv);
    Py_DECREF(kv);
    return err;
}

int
PyDict_Pop(PyObject *op, PyObject *key, PyObject **result)
{
    if (!PyDict_Check(op)) {
        if (result != NULL) {
            *result = NULL;
        }
        PyErr_BadInternalCall();
        return -1;
    }
    Py_hash_t hash = dict_hash(key);
    if (hash == -1) {
        if (result != NULL) {
            *result = NULL;
        }
        return -1;
    }
    return dict_pop_known_hash((PyDictObject *)op, key, hash, result);
}

int
PyDict_PopString(PyObject *op, const char *key, PyObject **result)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        if (result != NULL) {
            *result = NULL;
        }
        return -1;
    }
    int rc = PyDict_Pop(op, kv, result);
    Py_DECREF(kv);
    return rc;
}

/* New reference. */
PyObject *
_PyDict_Pop(PyObject *dict, PyObject *key, PyObject *default_value)
{
    PyObject *result;
    int rc = PyDict_Pop(dict, key, &result);
    if (rc < 0) {
        return NULL;
    }
    if (rc == 0) {
        if (default_value != NULL) {
            return Py_NewRef(default_value);
        }
        set_key_error(key);
        return NULL;
    }
    return result;
}

/* Empty the dict; the old entries are released after the dict is consistent. */
static void
dict_clear_impl(PyDictObject *mp)
{
    PyDictKeysObject *oldkeys = NULL;
    int shared;
    Py_BEGIN_CRITICAL_SECTION(mp);
    dict_ensure_shared(mp);
    shared = dict_is_shared(mp);
    oldkeys = mp->ma_keys;
    if (oldkeys == Py_EMPTY_KEYS) {
        oldkeys = NULL;
    }
    else {
        FT_ATOMIC_STORE_PTR_RELEASE(mp->ma_keys, Py_EMPTY_KEYS);
        FT_ATOMIC_STORE_SSIZE_RELAXED(mp->ma_used, 0);
    }
    Py_END_CRITICAL_SECTION();
    if (oldkeys != NULL) {
        free_keys_object(oldkeys, shared);
    }
}

void
PyDict_Clear(PyObject *op)
{
    if (!PyDict_Check(op)) {
        return;
    }
    dict_clear_impl((PyDictObject *)op);
}

/* Iterate over live entries; borrowed key/value.  Caller holds the lock in free-threaded
 * code (or the dict cannot change). */
int
_PyDict_Next(PyObject *op, Py_ssize_t *ppos, PyObject **pkey, PyObject **pvalue,
             Py_hash_t *phash)
{
    if (!PyDict_Check(op)) {
        return 0;
    }
    PyDictObject *mp = (PyDictObject *)op;
    Py_ssize_t i = *ppos;
    PyDictKeysObject *dk = mp->ma_keys;
    Py_ssize_t n = dk->dk_nentries;
    if (i < 0) {
        return 0;
    }
    PyDictKeyEntry *entries = DK_ENTRIES(dk);
    while (i < n && entries[i].me_value == NULL) {
        i++;
    }
    if (i >= n) {
        return 0;
    }
    PyDictKeyEntry *ep = &entries[i];
    *ppos = i + 1;
    if (pkey != NULL) {
        *pkey = ep->me_key;
    }
    if (pvalue != NULL) {
        *pvalue = ep->me_value;
    }
    if (phash != NULL) {
        *phash = ep->me_hash;
    }
    return 1;
}

int
PyDict_Next(PyObject *op, Py_ssize_t *ppos, PyObject **pkey, PyObject **pvalue)
{
    return _PyDict_Next(op, ppos, pkey, pvalue, NULL);
}

Py_ssize_t
PyDict_Size(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return PyDict_GET_SIZE(mp);
}

int
_PyDict_Contains_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    PyObject *value;
    Py_ssize_t ix;
#ifdef Py_GIL_DISABLED
    int found = dict_lookup_lockfree((PyDictObject *)op, key, hash, NULL);
    if (found >= 0) {
        return found;
    }
#endif
    DICT_READ_BEGIN(op);
    dict_ensure_shared((PyDictObject *)op);    /* the next tests of this thread go lock-free */
    ix = dict_lookup((PyDictObject *)op, key, hash, &value);
    DICT_READ_END();
    if (ix == DKIX_ERROR) {
        return -1;
    }
    return value != NULL;
}

int
PyDict_Contains(PyObject *op, PyObject *key)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_hash_t hash = dict_hash(key);
    if (hash == -1) {
        return -1;
    }
    return _PyDict_Contains_KnownHash(op, key, hash);
}

int
_PyDict_Contains(PyObject *mp, PyObject *key)
{
    return PyDict_Contains(mp, key);
}

int
PyDict_ContainsString(PyObject *op, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    if (kv == NULL) {
        return -1;
    }
    int rc = PyDict_Contains(op, kv);
    Py_DECREF(kv);
    return rc;
}

/* ---- keys/values/items lists --------------------------------------------------------------- */

/* what: 0 keys, 1 values, 2 items.  New list. */
static PyObject *
dict_as_list(PyDictObject *mp, int what)
{
    PyObject *v;
    Py_BEGIN_CRITICAL_SECTION(mp);
    Py_ssize_t n = mp->ma_used;
    v = PyList_New(n);
    if (v != NULL) {
        PyDictKeyEntry *ep = DK_ENTRIES(mp->ma_keys);
        Py_ssize_t j = 0;
        for (Py_ssize_t i = 0; j < n; i++) {
            if (ep[i].me_value == NULL) {
                continue;
            }
            PyObject *item;
            if (what == 0) {
                item = Py_NewRef(ep[i].me_key);
            }
            else if (what == 1) {
                item = Py_NewRef(ep[i].me_value);
            }
            else {
                item = PyTuple_Pack(2, ep[i].me_key, ep[i].me_value);
                if (item == NULL) {
                    Py_CLEAR(v);
                    break;
                }
            }
            PyList_SET_ITEM(v, j, item);
            j++;
        }
    }
    Py_END_CRITICAL_SECTION();
    return v;
}

PyObject *
PyDict_Keys(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return dict_as_list((PyDictObject *)mp, 0);
}

PyObject *
PyDict_Values(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return dict_as_list((PyDictObject *)mp, 1);
}

PyObject *
PyDict_Items(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return dict_as_list((PyDictObject *)mp, 2);
}

/* ---- copy and merge ------------------------------------------------------------------------ */

static PyObject *dict_iter(PyObject *self);

/* Return a new reference to an exact-dict copy of mp (a dict). */
static PyObject *
copy_lock_held(PyDictObject *mp)
{
    if (mp->ma_used == 0) {
        return PyDict_New();
    }
    PyDictKeysObject *dk = mp->ma_keys;
    if (dk->dk_nentries == mp->ma_used && dk->dk_nentries * 3 >= DK_SIZE(dk)) {
        /* Dense table: copy it wholesale. */
        size_t size = sizeof(PyDictKeysObject) + ((size_t)1 << dk->dk_log2_index_bytes) +
                      sizeof(PyDictKeyEntry) * (size_t)USABLE_FRACTION(DK_SIZE(dk));
        PyDictKeysObject *keys = PyMem_Malloc(size);
        if (keys == NULL) {
            return PyErr_NoMemory();
        }
        memcpy(keys, dk, size);
        keys->dk_refcnt = 1;
        PyDictKeyEntry *ep = DK_ENTRIES(keys);
        for (Py_ssize_t i = 0; i < keys->dk_nentries; i++) {
            Py_INCREF(ep[i].me_key);
            Py_INCREF(ep[i].me_value);
        }
        return new_dict(keys, mp->ma_used);
    }
    PyObject *copy = _PyDict_NewPresized(mp->ma_used);
    if (copy == NULL) {
        return NULL;
    }
    PyDictKeyEntry *ep = DK_ENTRIES(dk);
    for (Py_ssize_t i = 0; i < dk->dk_nentries; i++) {
        if (ep[i].me_value == NULL) {
            continue;
        }
        if (insertdict((PyDictObject *)copy, Py_NewRef(ep[i].me_key), ep[i].me_hash,
                       Py_NewRef(ep[i].me_value)) < 0) {
            Py_DECREF(copy);
            return NULL;
        }
    }
    return copy;
}

PyObject *
PyDict_Copy(PyObject *o)
{
    if (o == NULL || !PyDict_Check(o)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(o);
    res = copy_lock_held((PyDictObject *)o);
    Py_END_CRITICAL_SECTION();
    return res;
}

PyObject *
_PyDict_CopyAsDict(PyObject *o)
{
    if (PyDict_CheckExact(o)) {
        return PyDict_Copy(o);
    }
    PyObject *copy = PyDict_New();
    if (copy == NULL) {
        return NULL;
    }
    if (PyDict_Merge(copy, o, 1) < 0) {
        Py_DECREF(copy);
        return NULL;
    }
    return copy;
}

/* Merge the entries of dict b into a.  override: 1 replace, 0 keep a's, 2 raise KeyError on a
 * duplicate key.  Caller holds both critical sections. */
static int
dict_merge_dicts(PyDictObject *a, PyDictObject *b, int override)
{
    if (a == b || b->ma_used == 0) {
        return 0;
    }
    if (USABLE_FRACTION(DK_SIZE(a->ma_keys)) - a->ma_keys->dk_nentries < b->ma_used) {
        uint8_t log2 = estimate_log2_keysize(a->ma_used + b->ma_used);
        if (log2 > a->ma_keys->dk_log2_size || a->ma_keys == Py_EMPTY_KEYS) {
            if (dictresize(a, log2, a->ma_keys->dk_kind == DICT_KEYS_UNICODE &&
                                        b->ma_keys->dk_kind == DICT_KEYS_UNICODE) < 0) {
                return -1;
            }
        }
    }
    PyDictKeysObject *bk = b->ma_keys;
    Py_ssize_t n = bk->dk_nentries;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyDictKeyEntry *ep = &DK_ENTRIES(bk)[i];
        PyObject *value = ep->me_value;
        if (value == NULL) {
            continue;
        }
        PyObject *key = Py_NewRef(ep->me_key);
        Py_hash_t hash = ep->me_hash;
        Py_INCREF(value);
        int err = 0;
        if (override == 1) {
            err = insertdict(a, key, hash, value);
        }
        else {
            PyObject *existing;
            Py_ssize_t ix = dict_lookup(a, key, hash, &existing);
            if (ix == DKIX_ERROR) {
                err = -1;
                Py_DECREF(key);
                Py_DECREF(value);
            }
            else if (existing == NULL) {
                err = insert_new_entry(a, key, hash, value);
            }
            else {
                if (override == 2) {
                    set_key_error(key);
                    err = -1;
                }
                Py_DECREF(key);
                Py_DECREF(value);
            }
        }
        if (err < 0) {
            return -1;
        }
        if (bk != b->ma_keys || n != bk->dk_nentries) {
            PyErr_SetString(PyExc_RuntimeError, "dict mutated during update");
            return -1;
        }
    }
    return 0;
}

static int
dict_merge(PyObject *a, PyObject *b, int override)
{
    if (a == NULL || !PyDict_Check(a) || b == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (PyDict_Check(b) && Py_TYPE(b)->tp_iter == dict_iter) {
        int rc;
        Py_BEGIN_CRITICAL_SECTION2(a, b);
        rc = dict_merge_dicts((PyDictObject *)a, (PyDictObject *)b, override);
        Py_END_CRITICAL_SECTION2();
        return rc;
    }
    /* A general mapping: iterate over keys() and use b[key]. */
    PyObject *keys = PyMapping_Keys(b);
    if (keys == NULL) {
        return -1;
    }
    PyObject *iter = PyObject_GetIter(keys);
    Py_DECREF(keys);
    if (iter == NULL) {
        return -1;
    }
    PyObject *key;
    int status = 0;
    while ((key = PyIter_Next(iter)) != NULL) {
        if (override != 1) {
            status = PyDict_Contains(a, key);
            if (status != 0) {
                if (status > 0) {
                    if (override == 0) {
                        Py_DECREF(key);
                        status = 0;
                        continue;
                    }
                    set_key_error(key);
                }
                Py_DECREF(key);
                Py_DECREF(iter);
                return -1;
            }
        }
        PyObject *value = PyObject_GetItem(b, key);
        if (value == NULL) {
            Py_DECREF(iter);
            Py_DECREF(key);
            return -1;
        }
        status = PyDict_SetItem(a, key, value);
        Py_DECREF(key);
        Py_DECREF(value);
        if (status < 0) {
            Py_DECREF(iter);
            return -1;
        }
    }
    Py_DECREF(iter);
    if (PyErr_Occurred()) {
        return -1;
    }
    return 0;
}

int
PyDict_Update(PyObject *a, PyObject *b)
{
    return dict_merge(a, b, 1);
}

int
PyDict_Merge(PyObject *a, PyObject *b, int override)
{
    return dict_merge(a, b, override != 0);
}

int
_PyDict_MergeEx(PyObject *a, PyObject *b, int override)
{
    return dict_merge(a, b, override);
}

int
PyDict_MergeFromSeq2(PyObject *d, PyObject *seq2, int override)
{
    if (d == NULL || !PyDict_Check(d) || seq2 == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject *it = PyObject_GetIter(seq2);
    if (it == NULL) {
        return -1;
    }
    Py_ssize_t i;
    PyObject *item;
    for (i = 0;; i++) {
        item = PyIter_Next(it);
        if (item == NULL) {
            if (PyErr_Occurred()) {
                goto fail;
            }
            break;
        }
        PyObject *fast = PySequence_Fast(item, "");
        if (fast == NULL) {
            if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                PyErr_Format(PyExc_TypeError,
                             "cannot convert dictionary update sequence element #%zd "
                             "to a sequence",
                             i);
            }
            Py_DECREF(item);
            goto fail;
        }
        Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
        if (n != 2) {
            PyErr_Format(PyExc_ValueError,
                         "dictionary update sequence element #%zd has length %zd; "
                         "2 is required",
                         i, n);
            Py_DECREF(fast);
            Py_DECREF(item);
            goto fail;
        }
        PyObject *key = Py_NewRef(PySequence_Fast_GET_ITEM(fast, 0));
        PyObject *value = Py_NewRef(PySequence_Fast_GET_ITEM(fast, 1));
        Py_DECREF(fast);
        Py_DECREF(item);
        int status = 0;
        if (override) {
            status = PyDict_SetItem(d, key, value);
        }
        else {
            status = PyDict_Contains(d, key);
            if (status == 0) {
                status = PyDict_SetItem(d, key, value);
            }
            else if (status > 0) {
                status = 0;
            }
        }
        Py_DECREF(key);
        Py_DECREF(value);
        if (status < 0) {
            goto fail;
        }
    }
    Py_DECREF(it);
    return 0;
fail:
    Py_DECREF(it);
    return -1;
}

/* dict.update(arg): a dict, an object with keys(), or an iterable of pairs. */
static int
dict_update_arg(PyObject *self, PyObject *arg)
{
    if (PyDict_CheckExact(arg)) {
        return PyDict_Merge(self, arg, 1);
    }
    PyObject *func;
    if (PyObject_GetOptionalAttr(arg, _Py_ID(keys), &func) < 0) {
        return -1;
    }
    if (func != NULL) {
        Py_DECREF(func);
        return PyDict_Merge(self, arg, 1);
    }
    return PyDict_MergeFromSeq2(self, arg, 1);
}

static int
dict_update_common(PyObject *self, PyObject *args, PyObject *kwds, const char *methname)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "%s expected at most 1 argument, got %zd", methname,
                     nargs);
        return -1;
    }
    if (nargs == 1 && dict_update_arg(self, PyTuple_GET_ITEM(args, 0)) < 0) {
        return -1;
    }
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        if (!PyArg_ValidateKeywordArguments(kwds)) {
            return -1;
        }
        return PyDict_Merge(self, kwds, 1);
    }
    return 0;
}

/* ---- setdefault ---------------------------------------------------------------------------- */

/* 1 present, 0 inserted, -1 error; *result new reference to the stored value if wanted. */
static int
dict_setdefault_ref(PyObject *d, PyObject *key, PyObject *default_value, PyObject **result,
                    int incref_result)
{
    PyDictObject *mp = (PyDictObject *)d;
    Py_hash_t hash = dict_hash(key);
    if (hash == -1) {
        if (result) {
            *result = NULL;
        }
        return -1;
    }
    int rc;
    PyObject *value = NULL;
    Py_BEGIN_CRITICAL_SECTION(d);
    Py_ssize_t ix = dict_lookup(mp, key, hash, &value);
    if (ix == DKIX_ERROR) {
        rc = -1;
        value = NULL;
    }
    else if (value != NULL) {
        rc = 1;
    }
    else if (insert_new_entry(mp, Py_NewRef(key), hash, Py_NewRef(default_value)) < 0) {
        rc = -1;
    }
    else {
        rc = 0;
        value = default_value;
    }
    if (value != NULL && incref_result && result != NULL) {
        Py_INCREF(value);      /* a new reference only for a caller that asked for it */
    }
    Py_END_CRITICAL_SECTION();
    if (result) {
        *result = value;
    }
    return rc;
}

int
PyDict_SetDefaultRef(PyObject *d, PyObject *key, PyObject *default_value, PyObject **result)
{
    if (!PyDict_Check(d)) {
        PyErr_BadInternalCall();
        if (result) {
            *result = NULL;
        }
        return -1;
    }
    return dict_setdefault_ref(d, key, default_value, result, 1);
}

/* Borrowed reference. */
PyObject *
PyDict_SetDefault(PyObject *d, PyObject *key, PyObject *defaultobj)
{
    if (!PyDict_Check(d)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *result;
    if (dict_setdefault_ref(d, key, defaultobj, &result, 0) < 0) {
        return NULL;
    }
    return result;
}

/* ---- misc private API ---------------------------------------------------------------------- */

int
_PyDict_HasOnlyStringKeys(PyObject *dict)
{
    Py_ssize_t pos = 0;
    PyObject *key;
    if (((PyDictObject *)dict)->ma_keys->dk_kind == DICT_KEYS_UNICODE) {
        return 1;
    }
    while (PyDict_Next(dict, &pos, &key, NULL)) {
        if (!PyUnicode_Check(key)) {
            return 0;
        }
    }
    return 1;
}

Py_ssize_t
_PyDict_SizeOf(PyDictObject *mp)
{
    Py_ssize_t res = (Py_ssize_t)sizeof(PyDictObject);
    PyDictKeysObject *dk = mp->ma_keys;
    if (dk != Py_EMPTY_KEYS) {
        res += (Py_ssize_t)sizeof(PyDictKeysObject) + ((Py_ssize_t)1 << dk->dk_log2_index_bytes) +
               (Py_ssize_t)sizeof(PyDictKeyEntry) * USABLE_FRACTION(DK_SIZE(dk));
    }
    return res;
}

void
_PyDict_MaybeUntrack(PyObject *op)
{
    (void)op; /* dicts stay tracked */
}

/* New reference. */
PyObject *
_PyDict_FromItems(PyObject *const *keys, Py_ssize_t keys_offset, PyObject *const *values,
                  Py_ssize_t values_offset, Py_ssize_t length)
{
    PyObject *dict = _PyDict_NewPresized(length);
    if (dict == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < length; i++) {
        if (PyDict_SetItem(dict, *keys, *values) < 0) {
            Py_DECREF(dict);
            return NULL;
        }
        keys += keys_offset;
        values += values_offset;
    }
    return dict;
}

/* ---- type slots ---------------------------------------------------------------------------- */

static void
dict_dealloc(PyObject *self)
{
    PyDictObject *mp = (PyDictObject *)self;
    PyObject_GC_UnTrack(mp);
    Py_TRASHCAN_BEGIN(mp, dict_dealloc)
    /* Not shared any more: free at once. */
    free_keys_object(mp->ma_keys, 0);
    Py_TYPE(mp)->tp_free((PyObject *)mp);
    Py_TRASHCAN_END
}

static PyObject *
dict_repr(PyObject *self)
{
    PyDictObject *mp = (PyDictObject *)self;
    if (PyDict_GET_SIZE(mp) == 0) {
        return PyUnicode_FromString("{}");
    }
    int status = Py_ReprEnter(self);
    if (status != 0) {
        return status > 0 ? PyUnicode_FromString("{...}") : NULL;
    }
    PyObject *pieces = PyList_New(0);
    PyObject *result = NULL;
    if (pieces == NULL) {
        goto done;
    }
    Py_ssize_t pos = 0;
    for (;;) {
        PyObject *key, *value;
        int found;
        Py_BEGIN_CRITICAL_SECTION(mp);
        found = PyDict_Next(self, &pos, &key, &value);
        if (found) {
            Py_INCREF(key);
            Py_INCREF(value);
        }
        Py_END_CRITICAL_SECTION();
        if (!found) {
            break;
        }
        PyObject *s = PyUnicode_FromFormat("%R: %R", key, value);
        Py_DECREF(key);
        Py_DECREF(value);
        if (s == NULL) {
            goto done;
        }
        int rc = PyList_Append(pieces, s);
        Py_DECREF(s);
        if (rc < 0) {
            goto done;
        }
    }
    PyObject *sep = PyUnicode_FromString(", ");
    if (sep == NULL) {
        goto done;
    }
    PyObject *body = PyUnicode_Join(sep, pieces);
    Py_DECREF(sep);
    if (body == NULL) {
        goto done;
    }
    result = PyUnicode_FromFormat("{%U}", body);
    Py_DECREF(body);
done:
    Py_XDECREF(pieces);
    Py_ReprLeave(self);
    return result;
}

static Py_ssize_t
dict_length(PyObject *self)
{
    return PyDict_GET_SIZE(self);
}

/* d[key], with __missing__ for subclasses.  New reference. */
static PyObject *
dict_subscript(PyObject *self, PyObject *key)
{
    Py_hash_t hash = dict_hash(key);
    if (hash == -1) {
        return NULL;
    }
    PyObject *value;
    int rc = _PyDict_GetItemRef_KnownHash((PyDictObject *)self, key, hash, &value);
    if (rc < 0) {
        return NULL;
    }
    if (rc > 0) {
        return value;
    }
    if (!PyDict_CheckExact(self)) {
        PyObject *missing = _PyType_LookupRef(Py_TYPE(self), _Py_ID(__missing__));
        if (missing != NULL) {
            PyObject *res;
            descrgetfunc get = Py_TYPE(missing)->tp_descr_get;
            if (get != NULL) {
                PyObject *bound = get(missing, self, (PyObject *)Py_TYPE(self));
                Py_DECREF(missing);
                if (bound == NULL) {
                    return NULL;
                }
                res = PyObject_CallOneArg(bound, key);
                Py_DECREF(bound);
            }
            else {
                res = PyObject_CallOneArg(missing, key);
                Py_DECREF(missing);
            }
            return res;
        }
        if (PyErr_Occurred()) {
            return NULL;
        }
    }
    set_key_error(key);
    return NULL;
}

static int
dict_ass_sub(PyObject *mp, PyObject *v, PyObject *w)
{
    if (w == NULL) {
        return PyDict_DelItem(mp, v);
    }
    return PyDict_SetItem(mp, v, w);
}

static int
dict_contains(PyObject *op, PyObject *key)
{
    Py_hash_t hash = dict_hash(key);
    if (hash == -1) {
        return -1;
    }
    return _PyDict_Contains_KnownHash(op, key, hash);
}

static int
dict_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyDictObject *mp = (PyDictObject *)op;
    PyDictKeysObject *dk = mp->ma_keys;
    PyDictKeyEntry *ep = DK_ENTRIES(dk);
    for (Py_ssize_t i = 0; i < dk->dk_nentries; i++) {
        if (ep[i].me_value != NULL) {
            Py_VISIT(ep[i].me_value);
            Py_VISIT(ep[i].me_key);
        }
    }
    return 0;
}

static int
dict_tp_clear(PyObject *op)
{
    dict_clear_impl((PyDictObject *)op);
    return 0;
}

/* 1 equal, 0 not, -1 error. */
static int
dict_equal(PyDictObject *a, PyDictObject *b)
{
    if (a->ma_used != b->ma_used) {
        return 0;
    }
    for (Py_ssize_t i = 0;; i++) {
        PyObject *key = NULL, *aval = NULL;
        Py_hash_t hash = -1;   /* set with key; initialised for the compiler's sake */
        int found;
        Py_BEGIN_CRITICAL_SECTION(a);
        PyDictKeysObject *dk = a->ma_keys;
        found = 0;
        if (i < dk->dk_nentries) {
            found = 1;
            PyDictKeyEntry *ep = &DK_ENTRIES(dk)[i];
            aval = ep->me_value;
            key = ep->me_key;
            hash = ep->me_hash;
            if (aval != NULL) {
                Py_INCREF(aval);
                Py_INCREF(key);
            }
        }
        Py_END_CRITICAL_SECTION();
        if (!found) {
            break;
        }
        if (aval == NULL) {
            continue;
        }
        PyObject *bval;
        int rc = _PyDict_GetItemRef_KnownHash(b, key, hash, &bval);
        Py_DECREF(key);
        if (rc <= 0) {
            Py_DECREF(aval);
            return rc;
        }
        int cmp = aval == bval ? 1 : PyObject_RichCompareBool(aval, bval, Py_EQ);
        Py_DECREF(aval);
        Py_DECREF(bval);
        if (cmp <= 0) {
            return cmp;
        }
    }
    return 1;
}

static PyObject *
dict_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyDict_Check(v) || !PyDict_Check(w) || (op != Py_EQ && op != Py_NE)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    int cmp = dict_equal((PyDictObject *)v, (PyDictObject *)w);
    if (cmp < 0) {
        return NULL;
    }
    if ((cmp != 0) == (op == Py_EQ)) {
        Py_RETURN_TRUE;
    }
    Py_RETURN_FALSE;
}

static PyObject *
dict_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *self = type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    PyDictObject *d = (PyDictObject *)self;
    d->ma_used = 0;
    d->_ma_watcher_tag = 0;
    d->ma_keys = Py_EMPTY_KEYS;
    d->ma_values = NULL;
    return self;
}

static int
dict_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    return dict_update_common(self, args, kwds, "dict");
}

static PyObject *
dict_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "dict expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *self = dict_new((PyTypeObject *)type, NULL, NULL);
    if (self == NULL) {
        return NULL;
    }
    if (nargs == 1 && dict_update_arg(self, args[0]) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    if (kwnames != NULL) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++) {
            if (PyDict_SetItem(self, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0) {
                Py_DECREF(self);
                return NULL;
            }
        }
    }
    return self;
}

/* ---- methods ------------------------------------------------------------------------------- */

static PyObject *
dict_get(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1) {
            PyErr_Format(PyExc_TypeError, "get expected at least 1 argument, got %zd", nargs);
        }
        else {
            PyErr_Format(PyExc_TypeError, "get expected at most 2 arguments, got %zd", nargs);
        }
        return NULL;
    }
    PyObject *value;
    int rc = PyDict_GetItemRef(self, args[0], &value);
    if (rc < 0) {
        return NULL;
    }
    if (rc == 0) {
        return Py_NewRef(nargs == 2 ? args[1] : Py_None);
    }
    return value;
}

static PyObject *
dict_setdefault(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1) {
            PyErr_Format(PyExc_TypeError, "setdefault expected at least 1 argument, got %zd",
                         nargs);
        }
        else {
            PyErr_Format(PyExc_TypeError, "setdefault expected at most 2 arguments, got %zd",
                         nargs);
        }
        return NULL;
    }
    PyObject *value;
    if (dict_setdefault_ref(self, args[0], nargs == 2 ? args[1] : Py_None, &value, 1) < 0) {
        return NULL;
    }
    return value;
}

static PyObject *
dict_pop(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1) {
            PyErr_Format(PyExc_TypeError, "pop expected at least 1 argument, got %zd", nargs);
        }
        else {
            PyErr_Format(PyExc_TypeError, "pop expected at most 2 arguments, got %zd", nargs);
        }
        return NULL;
    }
    return _PyDict_Pop(self, args[0], nargs == 2 ? args[1] : NULL);
}

static PyObject *
dict_popitem(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyDictObject *mp = (PyDictObject *)self;
    /* Allocate the result first so a MemoryError cannot lose the item. */
    PyObject *res = PyTuple_New(2);
    if (res == NULL) {
        return NULL;
    }
    PyObject *key = NULL, *value = NULL;
    Py_BEGIN_CRITICAL_SECTION(mp);
    if (mp->ma_used > 0) {
        PyDictKeysObject *dk = mp->ma_keys;
        Py_ssize_t i = dk->dk_nentries - 1;
        PyDictKeyEntry *entries = DK_ENTRIES(dk);
        while (i >= 0 && entries[i].me_value == NULL) {
            i--;
        }
        Py_hash_t hash = entries[i].me_hash;
        delitem_at(mp, i, hash, &key, &value);
        FT_ATOMIC_STORE_SSIZE_RELAXED(dk->dk_nentries, i);
    }
    Py_END_CRITICAL_SECTION();
    if (key == NULL) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    PyTuple_SET_ITEM(res, 0, key);
    PyTuple_SET_ITEM(res, 1, value);
    return res;
}

static PyObject *
dict_update(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (dict_update_common(self, args, kwds, "update") < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
dict_clear(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyDict_Clear(self);
    Py_RETURN_NONE;
}

static PyObject *
dict_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyDict_Copy(self);
}

static PyObject *
dict_fromkeys(PyObject *cls, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1) {
            PyErr_Format(PyExc_TypeError, "fromkeys expected at least 1 argument, got %zd",
                         nargs);
        }
        else {
            PyErr_Format(PyExc_TypeError, "fromkeys expected at most 2 arguments, got %zd",
                         nargs);
        }
        return NULL;
    }
    PyObject *iterable = args[0];
    PyObject *value = nargs == 2 ? args[1] : Py_None;
    PyObject *d = PyObject_CallNoArgs(cls);
    if (d == NULL) {
        return NULL;
    }
    if (PyDict_CheckExact(d) && PyAnySet_CheckExact(iterable)) {
        /* Reuse the set's stored hashes. */
        Py_ssize_t pos = 0;
        PyObject *key;
        Py_hash_t hash;
        int err = 0;
        Py_BEGIN_CRITICAL_SECTION2(d, iterable);
        while (_PySet_NextEntry(iterable, &pos, &key, &hash)) {
            if (insertdict((PyDictObject *)d, Py_NewRef(key), hash, Py_NewRef(value)) < 0) {
                err = -1;
                break;
            }
        }
        Py_END_CRITICAL_SECTION2();
        if (err < 0) {
            Py_DECREF(d);
            return NULL;
        }
        return d;
    }
    if (PyDict_CheckExact(d) && PyDict_CheckExact(iterable)) {
        Py_ssize_t pos = 0;
        PyObject *key;
        Py_hash_t hash;
        int err = 0;
        Py_BEGIN_CRITICAL_SECTION2(d, iterable);
        while (_PyDict_Next(iterable, &pos, &key, NULL, &hash)) {
            if (insertdict((PyDictObject *)d, Py_NewRef(key), hash, Py_NewRef(value)) < 0) {
                err = -1;
                break;
            }
        }
        Py_END_CRITICAL_SECTION2();
        if (err < 0) {
            Py_DECREF(d);
            return NULL;
        }
        return d;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    PyObject *key;
    int exact = PyDict_CheckExact(d);
    while ((key = PyIter_Next(it)) != NULL) {
        int status = exact ? PyDict_SetItem(d, key, value) : PyObject_SetItem(d, key, value);
        Py_DECREF(key);
        if (status < 0) {
            Py_DECREF(it);
            Py_DECREF(d);
            return NULL;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

static PyObject *
dict_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromSsize_t(_PyDict_SizeOf((PyDictObject *)self));
}

static PyObject *
dict___contains__(PyObject *self, PyObject *key)
{
    int rc = dict_contains(self, key);
    if (rc < 0) {
        return NULL;
    }
    return PyBool_FromLong(rc);
}

static PyObject *
dict_or(PyObject *self, PyObject *other)
{
    if (!PyDict_Check(self) || !PyDict_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *new = PyDict_Copy(self);
    if (new == NULL) {
        return NULL;
    }
    if (dict_update_arg(new, other) < 0) {
        Py_DECREF(new);
        return NULL;
    }
    return new;
}

static PyObject *
dict_ior(PyObject *self, PyObject *other)
{
    if (dict_update_arg(self, other) < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

static PyObject *dictkeys_new(PyObject *self, PyObject *Py_UNUSED(ignored));
static PyObject *dictvalues_new(PyObject *self, PyObject *Py_UNUSED(ignored));
static PyObject *dictitems_new(PyObject *self, PyObject *Py_UNUSED(ignored));
static PyObject *dict_reversed(PyObject *self, PyObject *Py_UNUSED(ignored));

static PyMethodDef dict_methods[] = {
    {"__contains__", dict___contains__, METH_O | METH_COEXIST,
     "True if the dictionary has the specified key, else False."},
    {"__getitem__", dict_subscript, METH_O | METH_COEXIST, "Return self[key]."},
    {"__sizeof__", dict_sizeof, METH_NOARGS, "Return the size of the dict in memory, in bytes."},
    {"get", _PyCFunction_CAST(dict_get), METH_FASTCALL,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", _PyCFunction_CAST(dict_setdefault), METH_FASTCALL,
     "Insert key with a value of default if key is not in the dictionary.\n\n"
     "Return the value for key if key is in the dictionary, else default."},
    {"pop", _PyCFunction_CAST(dict_pop), METH_FASTCALL,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\n"
     "If the key is not found, return the default if given; otherwise,\n"
     "raise a KeyError."},
    {"popitem", dict_popitem, METH_NOARGS,
     "Remove and return a (key, value) pair as a 2-tuple.\n\n"
     "Pairs are returned in LIFO (last-in, first-out) order.\n"
     "Raises KeyError if the dict is empty."},
    {"keys", dictkeys_new, METH_NOARGS,
     "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", dictitems_new, METH_NOARGS,
     "D.items() -> a set-like object providing a view on D's items"},
    {"values", dictvalues_new, METH_NOARGS,
     "D.values() -> an object providing a view on D's values"},
    {"update", _PyCFunction_CAST(dict_update), METH_VARARGS | METH_KEYWORDS,
     "D.update([E, ]**F) -> None.  Update D from mapping/iterable E and F."},
    {"fromkeys", _PyCFunction_CAST(dict_fromkeys), METH_FASTCALL | METH_CLASS,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", dict_clear, METH_NOARGS, "D.clear() -> None.  Remove all items from D."},
    {"copy", dict_copy, METH_NOARGS, "D.copy() -> a shallow copy of D"},
    {"__reversed__", dict_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PySequenceMethods dict_as_sequence = {
    .sq_contains = dict_contains,
};

static PyMappingMethods dict_as_mapping = {
    .mp_length = dict_length,
    .mp_subscript = dict_subscript,
    .mp_ass_subscript = dict_ass_sub,
};

static PyNumberMethods dict_as_number = {
    .nb_or = dict_or,
    .nb_inplace_or = dict_ior,
};

PyTypeObject PyDict_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict",
    .tp_basicsize = sizeof(PyDictObject),
    .tp_dealloc = dict_dealloc,
    .tp_repr = dict_repr,
    .tp_as_number = &dict_as_number,
    .tp_as_sequence = &dict_as_sequence,
    .tp_as_mapping = &dict_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_DICT_SUBCLASS | _Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_MAPPING,
    .tp_doc = "dict() -> new empty dictionary\n"
              "dict(mapping) -> new dictionary initialized from a mapping object's\n"
              "    (key, value) pairs\n"
              "dict(iterable) -> new dictionary initialized as if via:\n"
              "    d = {}\n"
              "    for k, v in iterable:\n"
              "        d[k] = v\n"
              "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
              "    in the keyword argument list.  For example:  dict(one=1, two=2)",
    .tp_traverse = dict_traverse,
    .tp_clear = dict_tp_clear,
    .tp_richcompare = dict_richcompare,
    .tp_iter = dict_iter,
    .tp_methods = dict_methods,
    .tp_init = dict_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = dict_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = dict_vectorcall,
};
_Py_REGISTER_STATIC_TYPE(PyDict_Type);

/* ---- iterators ----------------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyDictObject *di_dict; /* NULL when exhausted */
    Py_ssize_t di_used;    /* ma_used when the iterator was created */
    Py_ssize_t di_pos;     /* next entry index (reverse: counting down) */
    PyObject *di_result;   /* reusable (key, value) tuple for items, or NULL */
    Py_ssize_t len;        /* items left */
} dictiterobject;

static PyObject *
dictiter_new(PyDictObject *dict, PyTypeObject *itertype)
{
    dictiterobject *di = PyObject_GC_New(dictiterobject, itertype);
    if (di == NULL) {
        return NULL;
    }
    di->di_dict = (PyDictObject *)Py_NewRef(dict);
    di->di_used = PyDict_GET_SIZE(dict);
    di->len = di->di_used;
    if (itertype == &PyDictRevIterKey_Type || itertype == &PyDictRevIterItem_Type ||
        itertype == &PyDictRevIterValue_Type) {
        Py_BEGIN_CRITICAL_SECTION(dict);
        di->di_pos = dict->ma_keys->dk_nentries - 1;
        Py_END_CRITICAL_SECTION();
    }
    else {
        di->di_pos = 0;
    }
    di->di_result = NULL;
    if (itertype == &PyDictIterItem_Type || itertype == &PyDictRevIterItem_Type) {
        di->di_result = PyTuple_Pack(2, Py_None, Py_None);
        if (di->di_result == NULL) {
            Py_DECREF(di);
            return NULL;
        }
    }
    PyObject_GC_Track(di);
    return (PyObject *)di;
}

static void
dictiter_dealloc(PyObject *self)
{
    dictiterobject *di = (dictiterobject *)self;
    PyObject_GC_UnTrack(di);
    Py_XDECREF(di->di_dict);
    Py_XDECREF(di->di_result);
    PyObject_GC_Del(di);
}

static int
dictiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    dictiterobject *di = (dictiterobject *)self;
    Py_VISIT(di->di_dict);
    Py_VISIT(di->di_result);
    return 0;
}

/* An exhausted iterator: the GIL build drops its dict (di_dict NULL), as CPython.  The
 * free-threaded build keeps the dict until the iterator dies and sets di_pos to this mark
 * (under the dict's lock; read without it too): another thread sharing the iterator may be
 * inside the dict's critical section with it right now, and must not see it freed. */
#define DICTITER_EXHAUSTED PY_SSIZE_T_MIN

static int
dictiter_exhausted(dictiterobject *di)
{
    return di->di_dict == NULL || FT_ATOMIC_LOAD_SSIZE_RELAXED(di->di_pos) == DICTITER_EXHAUSTED;
}

static PyObject *
dictiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    dictiterobject *di = (dictiterobject *)self;
    Py_ssize_t len = 0;
    if (!dictiter_exhausted(di) && di->di_used == PyDict_GET_SIZE(di->di_dict)) {
        len = FT_ATOMIC_LOAD_SSIZE_RELAXED(di->len);
    }
    return PyLong_FromSsize_t(len);
}

#ifdef Py_GIL_DISABLED
/* One forward step of the free-threaded build, without the dict's lock when `locked` is 0
 * (the dict is shared or ours: see the header comment), under it when 1.  A step finds the
 * next live entry from di_pos, takes references to its key and value (lock-free: _Py_TryIncRef
 * on what may have just died, then a re-check that the entry still holds them in the current
 * table), and claims the entry by moving di_pos past it with a compare-and-swap: threads that
 * share the iterator (locked or not) each get distinct entries, and di->len counts each entry
 * once.  1 found, 0 exhausted, -1 error (RuntimeError), -2 not decided lock-free (an object
 * only its owner counts: take the lock). */
static int
dictiter_step(dictiterobject *di, PyObject **pkey, PyObject **pvalue, int locked)
{
    PyDictObject *d = di->di_dict;
    for (;;) {
        Py_ssize_t pos = FT_ATOMIC_LOAD_SSIZE_RELAXED(di->di_pos);
        if (pos == DICTITER_EXHAUSTED) {
            return 0;
        }
        if (FT_ATOMIC_LOAD_SSIZE_RELAXED(di->di_used) != FT_ATOMIC_LOAD_SSIZE_RELAXED(d->ma_used)) {
            PyErr_SetString(PyExc_RuntimeError, "dictionary changed size during iteration");
            FT_ATOMIC_STORE_SSIZE_RELAXED(di->di_used, -1); /* make this state sticky */
            return -1;
        }
        PyDictKeysObject *dk = FT_ATOMIC_LOAD_PTR_ACQUIRE(d->ma_keys);
        PyDictKeyEntry *entries = DK_ENTRIES(dk);
        Py_ssize_t n = FT_ATOMIC_LOAD_SSIZE_RELAXED(dk->dk_nentries);
        Py_ssize_t i = pos;
        PyObject *value = NULL;
        while (i < n && (value = FT_ATOMIC_LOAD_PTR_ACQUIRE(entries[i].me_value)) == NULL) {
            i++;
        }
        if (i >= n) {
            if (_Py_atomic_compare_exchange_ssize(&di->di_pos, &pos, DICTITER_EXHAUSTED)) {
                return 0;
            }
            continue;
        }
        PyObject *key = FT_ATOMIC_LOAD_PTR_ACQUIRE(entries[i].me_key);
        if (key == NULL) {
            continue;     /* being deleted */
        }
        if (locked) {
            if (pkey != NULL) {
                Py_INCREF(key);
            }
            if (pvalue != NULL) {
                Py_INCREF(value);
            }
        }
        else {
            if (pkey != NULL && !_Py_TryIncRefDeferred(key)) {
                return -2;
            }
            if (pvalue != NULL && !_Py_TryIncRefDeferred(value)) {
                if (pkey != NULL) {
                    Py_DECREF(key);
                }
                return -2;
            }
        }
        if (locked || (FT_ATOMIC_LOAD_PTR_ACQUIRE(entries[i].me_key) == key &&
                       FT_ATOMIC_LOAD_PTR_ACQUIRE(entries[i].me_value) == value &&
                       FT_ATOMIC_LOAD_PTR_ACQUIRE(d->ma_keys) == dk)) {
            if (_Py_atomic_compare_exchange_ssize(&di->di_pos, &pos, i + 1)) {
                if (_Py_atomic_add_ssize(&di->len, -1) <= 0) {
                    PyErr_SetString(PyExc_RuntimeError,
                                    "dictionary keys changed during iteration");
                    FT_ATOMIC_STORE_SSIZE_RELAXED(di->len, -1);
                    FT_ATOMIC_STORE_SSIZE_RELAXED(di->di_pos, DICTITER_EXHAUSTED);
                    i = -1;     /* drop the references below */
                }
                if (i >= 0) {
                    if (pkey != NULL) {
                        *pkey = key;
                    }
                    if (pvalue != NULL) {
                        *pvalue = value;
                    }
                    return 1;
                }
            }
        }
        if (pkey != NULL) {
            Py_DECREF(key);
        }
        if (pvalue != NULL) {
            Py_DECREF(value);
        }
        if (i < 0) {
            return -1;
        }
    }
}
#endif

/* Advance; new references to the entry's key and value (either may be skipped).
 * 1 found, 0 exhausted, -1 error (RuntimeError). */
static int
dictiter_advance(dictiterobject *di, PyObject **pkey, PyObject **pvalue, int reverse)
{
    if (dictiter_exhausted(di)) {
        return 0;
    }
    PyDictObject *d = di->di_dict;
#ifdef Py_GIL_DISABLED
    /* A lone thread takes the path below: its section takes no lock (Include/critical_section.h)
     * and its plain stores cost less than the step's compare-and-swap. */
    if (!reverse && !_Py_IsSingleThreaded()) {
        int rc = -2;
        if (dict_is_shared(d) || _Py_IsOwnedByCurrentThread((PyObject *)d)) {
            rc = dictiter_step(di, pkey, pvalue, 0);
        }
        if (rc == -2) {
            Py_BEGIN_CRITICAL_SECTION(d);
            dict_ensure_shared(d);    /* the next steps of this thread go lock-free */
            rc = dictiter_step(di, pkey, pvalue, 1);
            Py_END_CRITICAL_SECTION();
        }
        return rc;
    }
#endif
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(d);
    if (di->di_pos == DICTITER_EXHAUSTED) {
        rc = 0;     /* exhausted by another thread meanwhile */
    }
    else if (di->di_used != d->ma_used) {
        PyErr_SetString(PyExc_RuntimeError, "dictionary changed size during iteration");
        di->di_used = -1; /* make this state sticky */
        rc = -1;
    }
    else {
        PyDictKeysObject *dk = d->ma_keys;
        PyDictKeyEntry *entries = DK_ENTRIES(dk);
        Py_ssize_t i = di->di_pos;
        Py_ssize_t n = dk->dk_nentries;
        if (reverse) {
            if (i >= n) {
                i = n - 1;
            }
            while (i >= 0 && entries[i].me_value == NULL) {
                i--;
            }
            if (i >= 0) {
                FT_ATOMIC_STORE_SSIZE_RELAXED(di->di_pos, i - 1);
                rc = 1;
            }
        }
        else {
            while (i < n && entries[i].me_value == NULL) {
                i++;
            }
            if (i < n) {
                FT_ATOMIC_STORE_SSIZE_RELAXED(di->di_pos, i + 1);
                rc = 1;
            }
        }
        if (rc == 1) {
            if (di->len == 0) {
                PyErr_SetString(PyExc_RuntimeError, "dictionary keys changed during iteration");
                di->len = -1;
                rc = -1;
            }
            else {
                di->len--;
                if (pkey != NULL) {
                    *pkey = Py_NewRef(entries[i].me_key);
                }
                if (pvalue != NULL) {
                    *pvalue = Py_NewRef(entries[i].me_value);
                }
            }
        }
    }
#ifdef Py_GIL_DISABLED
    if (rc == 0 || (rc < 0 && di->len == -1)) {
        FT_ATOMIC_STORE_SSIZE_RELAXED(di->di_pos, DICTITER_EXHAUSTED);
    }
#endif
    Py_END_CRITICAL_SECTION();
#ifndef Py_GIL_DISABLED
    if (rc == 0 || (rc < 0 && di->len == -1)) {
        di->di_dict = NULL;
        Py_DECREF(d);
    }
#endif
    return rc;
}

static PyObject *
dictiter_iternextkey(PyObject *self)
{
    PyObject *key;
    if (dictiter_advance((dictiterobject *)self, &key, NULL, 0) <= 0) {
        return NULL;
    }
    return key;
}

static PyObject *
dictiter_iternextvalue(PyObject *self)
{
    PyObject *value;
    if (dictiter_advance((dictiterobject *)self, NULL, &value, 0) <= 0) {
        return NULL;
    }
    return value;
}

/* Build the (key, value) result, reusing the iterator's tuple when nobody else holds it. */
static PyObject *
dictiter_item_result(dictiterobject *di, PyObject *key, PyObject *value)
{
    PyObject *result = di->di_result;
    /* Free-threaded build: only the tuple's owner may find it unshared (see
     * _PyObject_ResultTupleReusable). */
    if (_PyObject_ResultTupleReusable(result)) {
        PyObject *oldkey = PyTuple_GET_ITEM(result, 0);
        PyObject *oldvalue = PyTuple_GET_ITEM(result, 1);
        PyTuple_SET_ITEM(result, 0, key);
        PyTuple_SET_ITEM(result, 1, value);
        Py_INCREF(result);
        Py_DECREF(oldkey);
        Py_DECREF(oldvalue);
        return result;
    }
    result = PyTuple_New(2);
    if (result == NULL) {
        Py_DECREF(key);
        Py_DECREF(value);
        return NULL;
    }
    PyTuple_SET_ITEM(result, 0, key);
    PyTuple_SET_ITEM(result, 1, value);
    return result;
}

static PyObject *
dictiter_iternextitem(PyObject *self)
{
    PyObject *key, *value;
    if (dictiter_advance((dictiterobject *)self, &key, &value, 0) <= 0) {
        return NULL;
    }
    return dictiter_item_result((dictiterobject *)self, key, value);
}

static PyObject *
dictreviter_iternextkey(PyObject *self)
{
    PyObject *key;
    if (dictiter_advance((dictiterobject *)self, &key, NULL, 1) <= 0) {
        return NULL;
    }
    return key;
}

static PyObject *
dictreviter_iternextvalue(PyObject *self)
{
    PyObject *value;
    if (dictiter_advance((dictiterobject *)self, NULL, &value, 1) <= 0) {
        return NULL;
    }
    return value;
}

static PyObject *
dictreviter_iternextitem(PyObject *self)
{
    PyObject *key, *value;
    if (dictiter_advance((dictiterobject *)self, &key, &value, 1) <= 0) {
        return NULL;
    }
    return dictiter_item_result((dictiterobject *)self, key, value);
}

/* (iter, (list_of_remaining,)); does not consume the iterator. */
static PyObject *
dictiter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    dictiterobject *di = (dictiterobject *)self;
    int reverse = Py_IS_TYPE(self, &PyDictRevIterKey_Type) ||
                  Py_IS_TYPE(self, &PyDictRevIterValue_Type) ||
                  Py_IS_TYPE(self, &PyDictRevIterItem_Type);
    int want_key = !Py_IS_TYPE(self, &PyDictIterValue_Type) &&
                   !Py_IS_TYPE(self, &PyDictRevIterValue_Type);
    int want_value = !Py_IS_TYPE(self, &PyDictIterKey_Type) &&
                     !Py_IS_TYPE(self, &PyDictRevIterKey_Type);
    /* Advance a copy of the iterator state. */
    dictiterobject tmp = *di;
    Py_XINCREF(tmp.di_dict);
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        Py_XDECREF(tmp.di_dict);
        return NULL;
    }
    for (;;) {
        PyObject *key = NULL, *value = NULL;
        int rc = dictiter_advance(&tmp, want_key ? &key : NULL, want_value ? &value : NULL,
                                  reverse);
        if (rc < 0) {
            Py_XDECREF(tmp.di_dict);
            Py_DECREF(list);
            return NULL;
        }
        if (rc == 0) {
            break;
        }
        PyObject *item;
        if (want_key && want_value) {
            item = PyTuple_Pack(2, key, value);
            Py_DECREF(key);
            Py_DECREF(value);
        }
        else {
            item = want_key ? key : value;
        }
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            Py_XDECREF(tmp.di_dict);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(item);
    }
    Py_XDECREF(tmp.di_dict);
    PyObject *iter = _PyIter_GetBuiltin("iter");
    if (iter == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    return Py_BuildValue("N(N)", iter, list);
}

static PyMethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_len, METH_NOARGS, NULL},
    {"__reduce__", dictiter_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

#define DICT_ITER_TYPE(TYPENAME, NAME, NEXT)                                                  \
    PyTypeObject TYPENAME = {                                                                 \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                                \
        .tp_name = NAME,                                                                      \
        .tp_basicsize = sizeof(dictiterobject),                                               \
        .tp_dealloc = dictiter_dealloc,                                                       \
        .tp_getattro = PyObject_GenericGetAttr,                                               \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,                                  \
        .tp_traverse = dictiter_traverse,                                                     \
        .tp_iter = PyObject_SelfIter,                                                         \
        .tp_iternext = NEXT,                                                                  \
        .tp_methods = dictiter_methods,                                                       \
    };                                                                                        \
    _Py_REGISTER_STATIC_TYPE(TYPENAME)

DICT_ITER_TYPE(PyDictIterKey_Type, "dict_keyiterator", dictiter_iternextkey);
DICT_ITER_TYPE(PyDictIterValue_Type, "dict_valueiterator", dictiter_iternextvalue);
DICT_ITER_TYPE(PyDictIterItem_Type, "dict_itemiterator", dictiter_iternextitem);
DICT_ITER_TYPE(PyDictRevIterKey_Type, "dict_reversekeyiterator", dictreviter_iternextkey);
DICT_ITER_TYPE(PyDictRevIterValue_Type, "dict_reversevalueiterator",
               dictreviter_iternextvalue);
DICT_ITER_TYPE(PyDictRevIterItem_Type, "dict_reverseitemiterator", dictreviter_iternextitem);

static PyObject *
dict_iter(PyObject *self)
{
    return dictiter_new((PyDictObject *)self, &PyDictIterKey_Type);
}

static PyObject *
dict_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return dictiter_new((PyDictObject *)self, &PyDictRevIterKey_Type);
}

/* ---- views --------------------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyDictObject *dv_dict;
} _PyDictViewObject;

static void
dictview_dealloc(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    PyObject_GC_UnTrack(dv);
    Py_XDECREF(dv->dv_dict);
    PyObject_GC_Del(dv);
}

static int
dictview_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((_PyDictViewObject *)self)->dv_dict);
    return 0;
}

static Py_ssize_t
dictview_len(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    return dv->dv_dict == NULL ? 0 : PyDict_GET_SIZE(dv->dv_dict);
}

PyObject *
_PyDictView_New(PyObject *dict, PyTypeObject *type)
{
    if (dict == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "%s() requires a dict argument, not '%s'", type->tp_name,
                     Py_TYPE(dict)->tp_name);
        return NULL;
    }
    _PyDictViewObject *dv = PyObject_GC_New(_PyDictViewObject, type);
    if (dv == NULL) {
        return NULL;
    }
    dv->dv_dict = (PyDictObject *)Py_NewRef(dict);
    PyObject_GC_Track(dv);
    return (PyObject *)dv;
}

static PyObject *
dictkeys_new(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyDictView_New(self, &PyDictKeys_Type);
}

static PyObject *
dictvalues_new(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyDictView_New(self, &PyDictValues_Type);
}

static PyObject *
dictitems_new(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyDictView_New(self, &PyDictItems_Type);
}

static PyObject *
dictview_mapping(PyObject *view, void *Py_UNUSED(ignored))
{
    return PyDictProxy_New((PyObject *)((_PyDictViewObject *)view)->dv_dict);
}

static PyGetSetDef dictview_getset[] = {
    {"mapping", dictview_mapping, NULL,
     "dictionary that this view refers to", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* "dict_keys([...])" */
static PyObject *
dictview_repr(PyObject *self)
{
    int status = Py_ReprEnter(self);
    if (status != 0) {
        return status > 0 ? PyUnicode_FromString("...") : NULL;
    }
    PyObject *result = NULL;
    PyObject *seq = PySequence_List(self);
    if (seq != NULL) {
        result = PyUnicode_FromFormat("%s(%R)", Py_TYPE(self)->tp_name, seq);
        Py_DECREF(seq);
    }
    Py_ReprLeave(self);
    return result;
}

/* 1 if every element of a is in b. */
static int
all_contained_in(PyObject *a, PyObject *b)
{
    PyObject *iter = PyObject_GetIter(a);
    if (iter == NULL) {
        return -1;
    }
    int ok = 1;
    for (;;) {
        PyObject *next = PyIter_Next(iter);
        if (next == NULL) {
            if (PyErr_Occurred()) {
                ok = -1;
            }
            break;
        }
        ok = PySequence_Contains(b, next);
        Py_DECREF(next);
        if (ok <= 0) {
            break;
        }
    }
    Py_DECREF(iter);
    return ok;
}

static PyObject *
dictview_richcompare(PyObject *self, PyObject *other, int op)
{
    if (!PyAnySet_Check(other) && !PyDictViewSet_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_ssize_t len_self = PyObject_Size(self);
    if (len_self < 0) {
        return NULL;
    }
    Py_ssize_t len_other = PyObject_Size(other);
    if (len_other < 0) {
        return NULL;
    }
    int ok = 0;
    switch (op) {
    case Py_NE:
    case Py_EQ:
        if (len_self == len_other) {
            ok = all_contained_in(self, other);
        }
        if (op == Py_NE && ok >= 0) {
            ok = !ok;
        }
        break;
    case Py_LT:
        if (len_self < len_other) {
            ok = all_contained_in(self, other);
        }
        break;
    case Py_LE:
        if (len_self <= len_other) {
            ok = all_contained_in(self, other);
        }
        break;
    case Py_GT:
        if (len_self > len_other) {
            ok = all_contained_in(other, self);
        }
        break;
    case Py_GE:
        if (len_self >= len_other) {
            ok = all_contained_in(other, self);
        }
        break;
    }
    if (ok < 0) {
        return NULL;
    }
    return PyBool_FromLong(ok);
}

/* Set operations on keys/items views: the result is a set. */
static PyObject *
dictviews_to_set(PyObject *self)
{
    PyObject *left = self;
    if (PyDictKeys_Check(self)) {
        /* PySet_New on the dict itself iterates its keys quickly. */
        PyObject *dict = (PyObject *)((_PyDictViewObject *)self)->dv_dict;
        if (PyDict_CheckExact(dict)) {
            left = dict;
        }
    }
    return PySet_New(left);
}

static PyObject *
dictviews_sub(PyObject *self, PyObject *other)
{
    PyObject *result = dictviews_to_set(self);
    if (result == NULL) {
        return NULL;
    }
    PyObject *tmp = PyObject_CallMethodOneArg(result, _Py_ID(difference_update), other);
    if (tmp == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    Py_DECREF(tmp);
    return result;
}

static PyObject *
dictviews_and(PyObject *self, PyObject *other)
{
    /* Either operand may be the view. */
    if (!PyDictViewSet_Check(self)) {
        PyObject *tmp = other;
        other = self;
        self = tmp;
    }
    PyObject *result = dictviews_to_set(self);
    if (result == NULL) {
        return NULL;
    }
    PyObject *tmp = PyObject_CallMethodOneArg(result, _Py_ID(intersection_update), other);
    if (tmp == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    Py_DECREF(tmp);
    return result;
}

static PyObject *
dictviews_or(PyObject *self, PyObject *other)
{
    if (!PyDictViewSet_Check(self)) {
        PyObject *tmp = other;
        other = self;
        self = tmp;
    }
    PyObject *result = dictviews_to_set(self);
    if (result == NULL) {
        return NULL;
    }
    if (_PySet_Update(result, other) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
dictviews_xor(PyObject *self, PyObject *other)
{
    if (!PyDictViewSet_Check(self)) {
        PyObject *tmp = other;
        other = self;
        self = tmp;
    }
    PyObject *result = dictviews_to_set(self);
    if (result == NULL) {
        return NULL;
    }
    PyObject *tmp = PyObject_CallMethodOneArg(result, _Py_ID(symmetric_difference_update),
                                              other);
    if (tmp == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    Py_DECREF(tmp);
    return result;
}

static PyObject *
dictviews_isdisjoint(PyObject *self, PyObject *other)
{
    if (self == other) {
        if (dictview_len(self) == 0) {
            Py_RETURN_TRUE;
        }
        Py_RETURN_FALSE;
    }
    PyObject *it = PyObject_GetIter(other);
    if (it == NULL) {
        return NULL;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int contains = PySequence_Contains(self, item);
        Py_DECREF(item);
        if (contains != 0) {
            Py_DECREF(it);
            if (contains < 0) {
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

static PyNumberMethods dictviews_as_number = {
    .nb_subtract = dictviews_sub,
    .nb_and = dictviews_and,
    .nb_xor = dictviews_xor,
    .nb_or = dictviews_or,
};

/* keys view */

static PyObject *
dictkeys_iter(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL) {
        Py_RETURN_NONE;
    }
    return dictiter_new(dv->dv_dict, &PyDictIterKey_Type);
}

static int
dictkeys_contains(PyObject *self, PyObject *obj)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL) {
        return 0;
    }
    return PyDict_Contains((PyObject *)dv->dv_dict, obj);
}

static PyObject *
dictkeys_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL) {
        Py_RETURN_NONE;
    }
    return dictiter_new(dv->dv_dict, &PyDictRevIterKey_Type);
}

static PySequenceMethods dictkeys_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = dictkeys_contains,
};

static PyMethodDef dictkeys_methods[] = {
    {"isdisjoint", dictviews_isdisjoint, METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", dictkeys_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyDictKeys_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(_PyDictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictkeys_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictkeys_iter,
    .tp_methods = dictkeys_methods,
    .tp_getset = dictview_getset,
};
_Py_REGISTER_STATIC_TYPE(PyDictKeys_Type);

/* items view */

static PyObject *
dictitems_iter(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL) {
        Py_RETURN_NONE;
    }
    return dictiter_new(dv->dv_dict, &PyDictIterItem_Type);
}

static int
dictitems_contains(PyObject *self, PyObject *obj)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL) {
        return 0;
    }
    if (!PyTuple_Check(obj) || PyTuple_GET_SIZE(obj) != 2) {
        return 0;
    }
    PyObject *key = PyTuple_GET_ITEM(obj, 0);
    PyObject *value = PyTuple_GET_ITEM(obj, 1);
    PyObject *found;
    int rc = PyDict_GetItemRef((PyObject *)dv->dv_dict, key, &found);
    if (rc <= 0) {
        return rc;
    }
    int result = PyObject_RichCompareBool(found, value, Py_EQ);
    Py_DECREF(found);
    return result;
}

static PyObject *
dictitems_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL) {
        Py_RETURN_NONE;
    }
    return dictiter_new(dv->dv_dict, &PyDictRevIterItem_Type);
}

static PySequenceMethods dictitems_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = dictitems_contains,
};

static PyMethodDef dictitems_methods[] = {
    {"isdisjoint", dictviews_isdisjoint, METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", dictitems_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict items."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyDictItems_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(_PyDictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictitems_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictitems_iter,
    .tp_methods = dictitems_methods,
    .tp_getset = dictview_getset,
};
_Py_REGISTER_STATIC_TYPE(PyDictItems_Type);

/* values view */

static PyObject *
dictvalues_iter(PyObject *self)
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL) {
        Py_RETURN_NONE;
    }
    return dictiter_new(dv->dv_dict, &PyDictIterValue_Type);
}

static PyObject *
dictvalues_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyDictViewObject *dv = (_PyDictViewObject *)self;
    if (dv->dv_dict == NULL) {
        Py_RETURN_NONE;
    }
    return dictiter_new(dv->dv_dict, &PyDictRevIterValue_Type);
}

static PySequenceMethods dictvalues_as_sequence = {
    .sq_length = dictview_len,
};

static PyMethodDef dictvalues_methods[] = {
    {"__reversed__", dictvalues_reversed, METH_NOARGS,
     "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyDictValues_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(_PyDictViewObject),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_sequence = &dictvalues_as_sequence,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_iter = dictvalues_iter,
    .tp_methods = dictvalues_methods,
    .tp_getset = dictview_getset,
};
_Py_REGISTER_STATIC_TYPE(PyDictValues_Type);

/* A snapshot, taken under the dict's lock, of what iterating `iterable` would produce when it
 * is an exact dict or a keys/values/items view of one: a new list.  NULL without an exception
 * for any other iterable; NULL with an exception on failure.  list(d), list(d.items()) and
 * list.extend use it so that, as in CPython, they see the dict in one consistent state even
 * while other threads mutate it. */
PyObject *
_PyDict_IterSnapshot(PyObject *iterable)
{
    PyTypeObject *tp = Py_TYPE(iterable);
    if (tp == &PyDict_Type) {
        return dict_as_list((PyDictObject *)iterable, 0);
    }
    int what = tp == &PyDictKeys_Type ? 0 : tp == &PyDictValues_Type ? 1
             : tp == &PyDictItems_Type ? 2 : -1;
    if (what < 0) {
        return NULL;
    }
    PyDictObject *d = ((_PyDictViewObject *)iterable)->dv_dict;
    if (d == NULL || Py_TYPE(d) != &PyDict_Type) {
        return NULL;
    }
    return dict_as_list(d, what);
}
