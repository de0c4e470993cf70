/* Weak references: weakref.ref, proxies, PyWeakref_*.
 * Owner: containers room (list, tuple, dict, set, range, slice, iterators, exceptions,
 * weakrefs).
 *
 * An object supports weak references when its type has tp_weaklistoffset > 0: the offset of a
 * `PyObject *` field (NULL initially) that heads a doubly linked list of the weak references to
 * it.  Deallocators of such types call PyObject_ClearWeakRefs(self) first.  The basic
 * reference without a callback, when it exists, is first in the list and is shared.
 * In the free-threaded build the lists are protected by a striped set of mutexes keyed by the
 * referent's address (Objects/weakrefobject.c). */
#ifndef Py_WEAKREFOBJECT_H
#define Py_WEAKREFOBJECT_H

typedef struct _PyWeakReference PyWeakReference;

struct _PyWeakReference {
    PyObject_HEAD
    PyObject *wr_object;        /* the referent (not owned), Py_None once it has died */
    PyObject *wr_callback;      /* owned, or NULL */
    Py_hash_t hash;             /* hash of the referent, -1 until computed */
    PyWeakReference *wr_prev;   /* neighbours in the referent's list */
    PyWeakReference *wr_next;
    vectorcallfunc vectorcall;
};

PyAPI_DATA(PyTypeObject) _PyWeakref_RefType;
PyAPI_DATA(PyTypeObject) _PyWeakref_ProxyType;
PyAPI_DATA(PyTypeObject) _PyWeakref_CallableProxyType;

#define PyWeakref_CheckRef(op) PyObject_TypeCheck((op), &_PyWeakref_RefType)
#define PyWeakref_CheckRefExact(op) Py_IS_TYPE((op), &_PyWeakref_RefType)
#define PyWeakref_CheckProxy(op)                                                              \
    (Py_IS_TYPE((op), &_PyWeakref_ProxyType) || Py_IS_TYPE((op), &_PyWeakref_CallableProxyType))
#define PyWeakref_Check(op) (PyWeakref_CheckRef(op) || PyWeakref_CheckProxy(op))

/* New references. */
PyAPI_FUNC(PyObject *) PyWeakref_NewRef(PyObject *ob, PyObject *callback);
PyAPI_FUNC(PyObject *) PyWeakref_NewProxy(PyObject *ob, PyObject *callback);
/* Deprecated; borrowed reference to the referent or Py_None. */
PyAPI_FUNC(PyObject *) PyWeakref_GetObject(PyObject *ref);
/* *pobj = new reference to the referent (1), NULL if dead (0), -1 on error. */
PyAPI_FUNC(int) PyWeakref_GetRef(PyObject *ref, PyObject **pobj);

PyAPI_FUNC(Py_ssize_t) _PyWeakref_GetWeakrefCount(PyObject *ob);
/* Borrowed reference to the referent or Py_None (no checks). */
#define PyWeakref_GET_OBJECT(ref) PyWeakref_GetObject(_PyObject_CAST(ref))

/* Called by the GC for a weakref to a garbage object; clears it without calling callbacks. */
PyAPI_FUNC(void) _PyWeakref_ClearRef(PyWeakReference *self);

#endif /* Py_WEAKREFOBJECT_H */
