/* Cells: the boxes closures share variables through (Objects/cellobject.c).
 * Owner: eval room. */
#ifndef Py_CELLOBJECT_H
#define Py_CELLOBJECT_H

typedef struct {
    PyObject_HEAD
    PyObject *ob_ref;   /* content (strong) or NULL when empty */
} PyCellObject;

PyAPI_DATA(PyTypeObject) PyCell_Type;
#define PyCell_Check(op) Py_IS_TYPE((op), &PyCell_Type)

/* Return a new reference; obj may be NULL (empty cell). */
PyAPI_FUNC(PyObject *) PyCell_New(PyObject *obj);
/* Return a new reference to the content, or NULL (no exception) when empty. */
PyAPI_FUNC(PyObject *) PyCell_Get(PyObject *);
/* Does not steal: the cell takes its own reference to obj (may be NULL). */
PyAPI_FUNC(int) PyCell_Set(PyObject *, PyObject *);

/* Borrowed reference. */
static inline PyObject *PyCell_GET(PyObject *op)
{
    return ((PyCellObject *)op)->ob_ref;
}
#define PyCell_GET(op) PyCell_GET(_PyObject_CAST(op))
/* Steals a reference to value; does not release the old content (CPython semantics). */
static inline void PyCell_SET(PyObject *op, PyObject *value)
{
    ((PyCellObject *)op)->ob_ref = value;
}
#define PyCell_SET(op, value) PyCell_SET(_PyObject_CAST(op), _PyObject_CAST(value))

#endif /* Py_CELLOBJECT_H */
