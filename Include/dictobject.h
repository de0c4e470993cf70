/* dict: PyDict_*, the dict views, and the mapping proxy constructor.
 * Owner: containers room (list, tuple, dict, set, range, slice, iterators, exceptions,
 * weakrefs).
 *
 * A dict is a compact, insertion-ordered hash table: a keys object (Include/internal/
 * pycore_dict.h) holds an index table and a dense entry array in one allocation, separate from
 * the dict object so that the free-threaded build can swap it with a release store and free the
 * old one through QSBR.  Mutations hold the dict's critical section. */
#ifndef Py_DICTOBJECT_H
#define Py_DICTOBJECT_H

typedef struct _dictkeysobject PyDictKeysObject;
typedef struct _dictvalues PyDictValues;

typedef struct {
    PyObject_HEAD
    Py_ssize_t ma_used;          /* number of items */
    uint64_t _ma_watcher_tag;    /* reserved (dict watchers) */
    PyDictKeysObject *ma_keys;   /* never NULL; a shared immortal empty keys object when empty */
    PyDictValues *ma_values;     /* always NULL in Braid (no split tables yet) */
} PyDictObject;

PyAPI_DATA(PyTypeObject) PyDict_Type;
PyAPI_DATA(PyTypeObject) PyDictIterKey_Type;
PyAPI_DATA(PyTypeObject) PyDictIterValue_Type;
PyAPI_DATA(PyTypeObject) PyDictIterItem_Type;
PyAPI_DATA(PyTypeObject) PyDictRevIterKey_Type;
PyAPI_DATA(PyTypeObject) PyDictRevIterItem_Type;
PyAPI_DATA(PyTypeObject) PyDictRevIterValue_Type;
PyAPI_DATA(PyTypeObject) PyDictKeys_Type;
PyAPI_DATA(PyTypeObject) PyDictItems_Type;
PyAPI_DATA(PyTypeObject) PyDictValues_Type;

#define PyDict_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_DICT_SUBCLASS)
#define PyDict_CheckExact(op) Py_IS_TYPE((op), &PyDict_Type)
#define PyDictKeys_Check(op) PyObject_TypeCheck((op), &PyDictKeys_Type)
#define PyDictValues_Check(op) PyObject_TypeCheck((op), &PyDictValues_Type)
#define PyDictItems_Check(op) PyObject_TypeCheck((op), &PyDictItems_Type)
#define PyDictViewSet_Check(op) (PyDictKeys_Check(op) || PyDictItems_Check(op))

static inline Py_ssize_t PyDict_GET_SIZE(PyObject *op)
{
#ifdef Py_GIL_DISABLED
    return _Py_atomic_load_ssize_relaxed(&((PyDictObject *)op)->ma_used);
#else
    return ((PyDictObject *)op)->ma_used;
#endif
}
#define PyDict_GET_SIZE(op) PyDict_GET_SIZE(_PyObject_CAST(op))

PyAPI_FUNC(PyObject *) PyDict_New(void);                              /* new reference */
/* Borrowed reference or NULL; any error during hashing or comparison is cleared. */
PyAPI_FUNC(PyObject *) PyDict_GetItem(PyObject *mp, PyObject *key);
/* Borrowed reference; NULL with no exception if missing, NULL with an exception on error. */
PyAPI_FUNC(PyObject *) PyDict_GetItemWithError(PyObject *mp, PyObject *key);
/* *result = new reference (1), NULL and 0 when missing, NULL and -1 on error. */
PyAPI_FUNC(int) PyDict_GetItemRef(PyObject *mp, PyObject *key, PyObject **result);
PyAPI_FUNC(int) PyDict_GetItemStringRef(PyObject *mp, const char *key, PyObject **result);
PyAPI_FUNC(PyObject *) PyDict_GetItemString(PyObject *dp, const char *key); /* borrowed */
PyAPI_FUNC(int) PyDict_SetItem(PyObject *mp, PyObject *key, PyObject *item);
PyAPI_FUNC(int) PyDict_SetItemString(PyObject *dp, const char *key, PyObject *item);
PyAPI_FUNC(int) PyDict_DelItem(PyObject *mp, PyObject *key);
PyAPI_FUNC(int) PyDict_DelItemString(PyObject *dp, const char *key);
/* Remove key; *result = new reference to the value (or NULL when result is NULL).
 * 1 found, 0 missing (no exception), -1 error. */
PyAPI_FUNC(int) PyDict_Pop(PyObject *dict, PyObject *key, PyObject **result);
PyAPI_FUNC(int) PyDict_PopString(PyObject *dict, const char *key, PyObject **result);
PyAPI_FUNC(void) PyDict_Clear(PyObject *mp);
/* Borrowed references in *key / *value.  In the free-threaded build hold the dict's critical
 * section around the whole loop. */
PyAPI_FUNC(int) PyDict_Next(PyObject *mp, Py_ssize_t *pos, PyObject **key, PyObject **value);
PyAPI_FUNC(PyObject *) PyDict_Keys(PyObject *mp);                     /* new list */
PyAPI_FUNC(PyObject *) PyDict_Values(PyObject *mp);                   /* new list */
PyAPI_FUNC(PyObject *) PyDict_Items(PyObject *mp);                    /* new list */
PyAPI_FUNC(Py_ssize_t) PyDict_Size(PyObject *mp);
PyAPI_FUNC(PyObject *) PyDict_Copy(PyObject *mp);                     /* new reference */
PyAPI_FUNC(int) PyDict_Contains(PyObject *mp, PyObject *key);
PyAPI_FUNC(int) PyDict_ContainsString(PyObject *mp, const char *key);
PyAPI_FUNC(int) PyDict_Update(PyObject *mp, PyObject *other);
PyAPI_FUNC(int) PyDict_Merge(PyObject *mp, PyObject *other, int override);
PyAPI_FUNC(int) PyDict_MergeFromSeq2(PyObject *d, PyObject *seq2, int override);
/* Borrowed reference to the value now stored at key. */
PyAPI_FUNC(PyObject *) PyDict_SetDefault(PyObject *mp, PyObject *key, PyObject *defaultobj);
/* *result = new reference to the stored value (when result is not NULL);
 * 1 key was present, 0 default inserted, -1 error. */
PyAPI_FUNC(int) PyDict_SetDefaultRef(PyObject *mp, PyObject *key, PyObject *default_value,
                                     PyObject **result);

/* The read-only mapping proxy (types.MappingProxyType); new reference. */
PyAPI_FUNC(PyObject *) PyDictProxy_New(PyObject *mapping);
PyAPI_DATA(PyTypeObject) PyDictProxy_Type;

/* ---- CPython's unstable/private API that extensions and our rooms use ---- */

PyAPI_FUNC(PyObject *) _PyDict_NewPresized(Py_ssize_t minused);      /* new reference */
/* Borrowed reference; NULL with no exception when missing. */
PyAPI_FUNC(PyObject *) _PyDict_GetItem_KnownHash(PyObject *mp, PyObject *key, Py_hash_t hash);
PyAPI_FUNC(int) _PyDict_SetItem_KnownHash(PyObject *mp, PyObject *key, PyObject *item,
                                          Py_hash_t hash);
PyAPI_FUNC(int) _PyDict_DelItem_KnownHash(PyObject *mp, PyObject *key, Py_hash_t hash);
PyAPI_FUNC(int) _PyDict_Next(PyObject *mp, Py_ssize_t *pos, PyObject **key, PyObject **value,
                             Py_hash_t *hash);
PyAPI_FUNC(int) _PyDict_Contains_KnownHash(PyObject *mp, PyObject *key, Py_hash_t hash);
PyAPI_FUNC(PyObject *) _PyDict_GetItemStringWithError(PyObject *mp, const char *key);
PyAPI_FUNC(int) _PyDict_MergeEx(PyObject *mp, PyObject *other, int override);
PyAPI_FUNC(PyObject *) _PyDictView_New(PyObject *dict, PyTypeObject *type);

#endif /* Py_DICTOBJECT_H */
