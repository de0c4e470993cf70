/* slice and Ellipsis: PySlice_*, Py_Ellipsis.
 * Owner: containers room (list, tuple, dict, set, range, slice, iterators, exceptions,
 * weakrefs). */
#ifndef Py_SLICEOBJECT_H
#define Py_SLICEOBJECT_H

PyAPI_DATA(PyObject) _Py_EllipsisObject; /* immortal singleton; do not use directly */
#define Py_Ellipsis (&_Py_EllipsisObject)

/* start, stop and step are never NULL (None when omitted). */
typedef struct {
    PyObject_HEAD
    PyObject *start, *stop, *step;
} PySliceObject;

PyAPI_DATA(PyTypeObject) PySlice_Type;
PyAPI_DATA(PyTypeObject) PyEllipsis_Type;

#define PySlice_Check(op) Py_IS_TYPE((op), &PySlice_Type)

/* New reference; any argument may be NULL, meaning None. */
PyAPI_FUNC(PyObject *) PySlice_New(PyObject *start, PyObject *stop, PyObject *step);
PyAPI_FUNC(int) PySlice_GetIndices(PyObject *r, Py_ssize_t length, Py_ssize_t *start,
                                   Py_ssize_t *stop, Py_ssize_t *step);
/* Extract start/stop/step clamped to [PY_SSIZE_T_MIN, PY_SSIZE_T_MAX]; 0 or -1 (ValueError
 * "slice step cannot be zero", or TypeError from __index__). */
PyAPI_FUNC(int) PySlice_Unpack(PyObject *slice, Py_ssize_t *start, Py_ssize_t *stop,
                               Py_ssize_t *step);
/* Adjust to a sequence of the given length; returns the slice length. */
PyAPI_FUNC(Py_ssize_t) PySlice_AdjustIndices(Py_ssize_t length, Py_ssize_t *start,
                                             Py_ssize_t *stop, Py_ssize_t step);
PyAPI_FUNC(int) PySlice_GetIndicesEx(PyObject *r, Py_ssize_t length, Py_ssize_t *start,
                                     Py_ssize_t *stop, Py_ssize_t *step,
                                     Py_ssize_t *slicelength);
#define PySlice_GetIndicesEx(slice, length, start, stop, step, slicelen)                      \
    (PySlice_Unpack((slice), (start), (stop), (step)) < 0                                     \
         ? ((*(slicelen) = 0), -1)                                                            \
         : ((*(slicelen) = PySlice_AdjustIndices((length), (start), (stop), *(step))), 0))

/* Convert an index argument (list.index start/stop and the like) to a C integer clamped to
 * [PY_SSIZE_T_MIN, PY_SSIZE_T_MAX]; 1 on success, 0 with TypeError "slice indices must be
 * integers or have an __index__ method" (None is rejected too). */
PyAPI_FUNC(int) _PySlice_IndexArg(PyObject *v, Py_ssize_t *pi);

/* New reference: slice(start, stop) from C integers. */
PyAPI_FUNC(PyObject *) _PySlice_FromIndices(Py_ssize_t start, Py_ssize_t stop);
/* Build a slice, stealing references to start and stop (step is None). */
PyAPI_FUNC(PyObject *) _PyBuildSlice_ConsumeRefs(PyObject *start, PyObject *stop);
/* slice.indices() with PyLong results: new references in the out parameters; 0 or -1. */
PyAPI_FUNC(int) _PySlice_GetLongIndices(PySliceObject *self, PyObject *length,
                                        PyObject **start_ptr, PyObject **stop_ptr,
                                        PyObject **step_ptr);

#endif /* Py_SLICEOBJECT_H */
