/* Private set API.
 * Owner: containers room (list, tuple, dict, set, range, slice, iterators, exceptions,
 * weakrefs). */
#ifndef Py_INTERNAL_SETOBJECT_H
#define Py_INTERNAL_SETOBJECT_H

/* The deleted-entry marker (a private immortal object). */
PyAPI_DATA(PyObject *) _PySet_Dummy;

/* Add a key with a known hash; 0 or -1. */
PyAPI_FUNC(int) _PySet_AddKnownHash(PySetObject *so, PyObject *key, Py_hash_t hash);
/* Contains test with a known hash; 1, 0 or -1. */
PyAPI_FUNC(int) _PySet_ContainsKnownHash(PySetObject *so, PyObject *key, Py_hash_t hash);

#endif /* Py_INTERNAL_SETOBJECT_H */
