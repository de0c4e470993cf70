/* set and frozenset: PySet_*, PyFrozenSet_*.
 * Owner: containers room (list, tuple, dict, set, range, slice, iterators, exceptions,
 * weakrefs).
 *
 * An open-addressing hash table of (key, hash) entries with linear probing in small runs, as
 * CPython's.  The table is a separate allocation (smalltable inline for <= 8 entries).
 * Mutations of a set hold its critical section; a frozenset is immutable once built. */
#ifndef Py_SETOBJECT_H
#define Py_SETOBJECT_H

#define PySet_MINSIZE 8

typedef struct {
    PyObject *key;   /* NULL: never used; the dummy object: deleted */
    Py_hash_t hash;
} setentry;

typedef struct {
    PyObject_HEAD
    Py_ssize_t fill;        /* active + dummy entries */
    Py_ssize_t used;        /* active entries */
    Py_ssize_t mask;        /* table size - 1 (a power of 2 minus 1) */
    setentry *table;        /* smalltable or a separate allocation */
    Py_hash_t hash;         /* frozenset only: cached hash, -1 until computed */
    Py_ssize_t finger;      /* search finger for pop() */
    setentry smalltable[PySet_MINSIZE];
    PyObject *weakreflist;
} PySetObject;

PyAPI_DATA(PyTypeObject) PySet_Type;
PyAPI_DATA(PyTypeObject) PyFrozenSet_Type;
PyAPI_DATA(PyTypeObject) PySetIter_Type;

PyAPI_FUNC(PyObject *) PySet_New(PyObject *iterable);        /* new reference */
PyAPI_FUNC(PyObject *) PyFrozenSet_New(PyObject *iterable);  /* new reference */
PyAPI_FUNC(int) PySet_Add(PyObject *set, PyObject *key);
PyAPI_FUNC(int) PySet_Clear(PyObject *set);
PyAPI_FUNC(int) PySet_Contains(PyObject *anyset, PyObject *key);
PyAPI_FUNC(int) PySet_Discard(PyObject *set, PyObject *key);
PyAPI_FUNC(PyObject *) PySet_Pop(PyObject *set);             /* new reference */
PyAPI_FUNC(Py_ssize_t) PySet_Size(PyObject *anyset);
/* Iterate; borrowed key and its hash.  Hold the set's critical section in free-threaded code. */
PyAPI_FUNC(int) _PySet_NextEntry(PyObject *set, Py_ssize_t *pos, PyObject **key,
                                 Py_hash_t *hash);
PyAPI_FUNC(int) _PySet_Update(PyObject *set, PyObject *iterable);

static inline Py_ssize_t PySet_GET_SIZE(PyObject *so)
{
#ifdef Py_GIL_DISABLED
    return _Py_atomic_load_ssize_relaxed(&((PySetObject *)so)->used);
#else
    return ((PySetObject *)so)->used;
#endif
}
#define PySet_GET_SIZE(so) PySet_GET_SIZE(_PyObject_CAST(so))

#define PyFrozenSet_CheckExact(ob) Py_IS_TYPE((ob), &PyFrozenSet_Type)
#define PyFrozenSet_Check(ob)                                                                 \
    (Py_IS_TYPE((ob), &PyFrozenSet_Type) || PyType_IsSubtype(Py_TYPE(ob), &PyFrozenSet_Type))
#define PySet_CheckExact(op) Py_IS_TYPE((op), &PySet_Type)
#define PySet_Check(ob)                                                                       \
    (Py_IS_TYPE((ob), &PySet_Type) || PyType_IsSubtype(Py_TYPE(ob), &PySet_Type))
#define PyAnySet_CheckExact(ob)                                                               \
    (Py_IS_TYPE((ob), &PySet_Type) || Py_IS_TYPE((ob), &PyFrozenSet_Type))
#define PyAnySet_Check(ob)                                                                    \
    (PyAnySet_CheckExact(ob) || PyType_IsSubtype(Py_TYPE(ob), &PySet_Type) ||                 \
     PyType_IsSubtype(Py_TYPE(ob), &PyFrozenSet_Type))

#endif /* Py_SETOBJECT_H */
