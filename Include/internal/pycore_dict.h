/* Private dict API and the layout of the keys object.
 * Owner: containers room (list, tuple, dict, set, range, slice, iterators, exceptions,
 * weakrefs).
 *
 * Layout (one allocation):  header | index table (2**dk_log2_size slots of 1, 2, 4 or 8 bytes)
 * | dense entry array (usable = 2/3 of the slots).  An index slot holds DKIX_EMPTY, DKIX_DUMMY
 * (deleted) or the position of an entry; entries are appended in insertion order, a deleted
 * entry keeps its key slot NULL.  Probing is CPython's perturbed linear-congruential sequence.
 *
 * Thread safety: writers hold the dict's critical section.  A keys object that has been
 * published in ma_keys and is replaced (resize) is freed through _PyDict_FreeKeysDeferred,
 * the place where the free-threaded build will hand it to QSBR, so lock-free readers can keep
 * using the old table until they pass a quiescent state. */
#ifndef Py_INTERNAL_DICT_H
#define Py_INTERNAL_DICT_H

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)

typedef enum {
    DICT_KEYS_GENERAL = 0,
    DICT_KEYS_UNICODE = 1, /* every key is an exact str: identity-or-equal compare is cheap */
} DictKeysKind;

typedef struct {
    Py_hash_t me_hash;
    PyObject *me_key;    /* NULL for a deleted entry */
    PyObject *me_value;  /* NULL for a deleted entry */
} PyDictKeyEntry;

struct _dictkeysobject {
    Py_ssize_t dk_refcnt;        /* 1; immortal (never freed) for the shared empty keys */
    uint8_t dk_log2_size;        /* the index table has 1 << dk_log2_size slots */
    uint8_t dk_log2_index_bytes; /* log2 of the size of the index table in bytes */
    uint8_t dk_kind;             /* DictKeysKind */
    uint32_t dk_version;         /* reserved for lookup caches; 0 = none */
    Py_ssize_t dk_usable;        /* entries that can still be appended */
    Py_ssize_t dk_nentries;      /* entries used so far, deleted ones included */
    char dk_indices[];           /* index table, then the entries */
};

#define DK_SIZE(dk) (((Py_ssize_t)1) << (dk)->dk_log2_size)
#define DK_MASK(dk) (DK_SIZE(dk) - 1)

static inline PyDictKeyEntry *DK_ENTRIES(PyDictKeysObject *dk)
{
    return (PyDictKeyEntry *)(&dk->dk_indices[(size_t)1 << dk->dk_log2_index_bytes]);
}

/* Borrowed reference; NULL with an exception on error, NULL without one when missing. */
PyAPI_FUNC(PyObject *) _PyDict_GetItemWithError(PyObject *dp, PyObject *key);
/* New reference in *result; 1 found, 0 missing, -1 error. */
PyAPI_FUNC(int) _PyDict_GetItemRef_KnownHash(PyDictObject *op, PyObject *key, Py_hash_t hash,
                                             PyObject **result);
/* Steals references to key and value, also on failure. */
PyAPI_FUNC(int) _PyDict_SetItem_Take2(PyDictObject *op, PyObject *key, PyObject *value);
/* Build a dict from keys[i*keys_offset], values[i*values_offset]; new reference. */
PyAPI_FUNC(PyObject *) _PyDict_FromItems(PyObject *const *keys, Py_ssize_t keys_offset,
                                         PyObject *const *values, Py_ssize_t values_offset,
                                         Py_ssize_t length);
/* LOAD_GLOBAL: look key up in globals, then builtins.  Returns a NEW reference (Braid: safe for
 * the free-threaded build), or NULL: with an exception on error, without one when missing. */
PyAPI_FUNC(PyObject *) _PyDict_LoadGlobal(PyDictObject *globals, PyDictObject *builtins,
                                          PyObject *key);
/* dict.pop(key[, default]) with default == NULL meaning "raise KeyError"; new reference. */
PyAPI_FUNC(PyObject *) _PyDict_Pop(PyObject *dict, PyObject *key, PyObject *default_value);
PyAPI_FUNC(int) _PyDict_HasOnlyStringKeys(PyObject *mp);
#ifdef Py_GIL_DISABLED
/* Equality of a key found in a shared table and a distinct key with the same hash, without a
 * lock (exact strs and ints): 1 equal, 0 not, -1 needs __eq__.  Objects/dictobject.c. */
PyAPI_FUNC(int) _PyDict_KeysEqualLockFree(PyObject *stored, PyObject *key);
#endif
PyAPI_FUNC(int) _PyDict_Contains(PyObject *mp, PyObject *key);
PyAPI_FUNC(Py_ssize_t) _PyDict_SizeOf(PyDictObject *mp);
PyAPI_FUNC(void) _PyDict_MaybeUntrack(PyObject *mp);
/* Return a new exact-dict copy of any mapping (used by **kwargs handling); new reference. */
PyAPI_FUNC(PyObject *) _PyDict_CopyAsDict(PyObject *mp);
/* Free a keys object that may still be read by lock-free readers (QSBR hook). */
PyAPI_FUNC(void) _PyDict_FreeKeysDeferred(PyDictKeysObject *keys);
/* New list: a consistent snapshot of iter(iterable) for an exact dict or a view of one; NULL
 * without an exception for other iterables (Objects/dictobject.c). */
PyAPI_FUNC(PyObject *) _PyDict_IterSnapshot(PyObject *iterable);

#endif /* Py_INTERNAL_DICT_H */
