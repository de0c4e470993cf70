/* list: PyList_*.
 * Owner: containers room (list, tuple, dict, set, range, slice, iterators, exceptions,
 * weakrefs).
 *
 * ob_item is a separate allocation of `allocated` slots, ob_size of them in use, so that the
 * free-threaded build can publish a new array with a release store and free the old one through
 * QSBR while lock-free readers may still be looking at it (DESIGN.md §4).  Mutations hold the
 * list's critical section.  The *_GET_ITEM / *_SET_ITEM macros do no checking. */
#ifndef Py_LISTOBJECT_H
#define Py_LISTOBJECT_H

typedef struct {
    PyObject_VAR_HEAD
    PyObject **ob_item;   /* the item array; NULL when allocated == 0 */
    Py_ssize_t allocated; /* 0 <= ob_size <= allocated */
} PyListObject;

PyAPI_DATA(PyTypeObject) PyList_Type;
PyAPI_DATA(PyTypeObject) PyListIter_Type;
PyAPI_DATA(PyTypeObject) PyListRevIter_Type;

#define PyList_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LIST_SUBCLASS)
#define PyList_CheckExact(op) Py_IS_TYPE((op), &PyList_Type)

PyAPI_FUNC(PyObject *) PyList_New(Py_ssize_t size);                  /* new reference */
PyAPI_FUNC(Py_ssize_t) PyList_Size(PyObject *);
PyAPI_FUNC(PyObject *) PyList_GetItem(PyObject *, Py_ssize_t);       /* borrowed reference */
PyAPI_FUNC(PyObject *) PyList_GetItemRef(PyObject *, Py_ssize_t);    /* new reference */
PyAPI_FUNC(int) PyList_SetItem(PyObject *, Py_ssize_t, PyObject *);  /* steals the item */
PyAPI_FUNC(int) PyList_Insert(PyObject *, Py_ssize_t, PyObject *);
PyAPI_FUNC(int) PyList_Append(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyList_GetSlice(PyObject *, Py_ssize_t, Py_ssize_t); /* new ref */
PyAPI_FUNC(int) PyList_SetSlice(PyObject *, Py_ssize_t, Py_ssize_t, PyObject *);
PyAPI_FUNC(int) PyList_Sort(PyObject *);
PyAPI_FUNC(int) PyList_Reverse(PyObject *);
PyAPI_FUNC(PyObject *) PyList_AsTuple(PyObject *);                   /* new reference */
PyAPI_FUNC(int) PyList_Extend(PyObject *list, PyObject *iterable);
PyAPI_FUNC(int) PyList_Clear(PyObject *list);

#define _PyList_CAST(op) _Py_CAST(PyListObject *, (op))

static inline Py_ssize_t PyList_GET_SIZE(PyObject *op)
{
#ifdef Py_GIL_DISABLED
    /* Read without the list's lock: a relaxed atomic load (a racing resize is fine). */
    return _Py_atomic_load_ssize_relaxed(&_PyVarObject_CAST(op)->ob_size);
#else
    return Py_SIZE(op);
#endif
}
#define PyList_GET_SIZE(op) PyList_GET_SIZE(_PyObject_CAST(op))

/* Borrowed reference; no checks. */
#define PyList_GET_ITEM(op, index) (_PyList_CAST(op)->ob_item[(index)])

/* Steals a reference to value; no checks, the old item is not released. */
static inline void PyList_SET_ITEM(PyObject *op, Py_ssize_t index, PyObject *value)
{
    _PyList_CAST(op)->ob_item[index] = value;
}
#define PyList_SET_ITEM(op, index, value)                                                     \
    PyList_SET_ITEM(_PyObject_CAST(op), (index), _PyObject_CAST(value))

#endif /* Py_LISTOBJECT_H */
