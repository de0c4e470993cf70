/* memoryview: PyMemoryView_*, and the generic buffer API (PyObject_GetBuffer,
 * PyBuffer_Release, ...), which abstract.h (object-model room) also declares and
 * Objects/memoryobject.c implements.
 * Owner: strings room (str, bytes, bytearray, memoryview, hashing, codecs).
 *
 * A memoryview holds one buffer obtained from its exporter through a shared managed-buffer
 * object (_PyManagedBufferObject), so slices of a view keep the exporter's buffer alive without
 * asking it again.  A released view refuses every operation with ValueError. */
#ifndef Py_MEMORYOBJECT_H
#define Py_MEMORYOBJECT_H

PyAPI_DATA(PyTypeObject) PyMemoryView_Type;
PyAPI_DATA(PyTypeObject) _PyManagedBuffer_Type;
#define PyMemoryView_Check(op) Py_IS_TYPE((op), &PyMemoryView_Type)

#define _Py_MANAGED_BUFFER_RELEASED 0x001
#define _Py_MANAGED_BUFFER_FREE_FORMAT 0x002

typedef struct {
    PyObject_HEAD
    int flags;           /* _Py_MANAGED_BUFFER_* */
    Py_ssize_t exports;  /* number of memoryviews using master */
    Py_buffer master;    /* the exporter's buffer, released when exports drops to 0 */
} _PyManagedBufferObject;

#define _Py_MEMORYVIEW_RELEASED 0x001
#define _Py_MEMORYVIEW_C 0x002
#define _Py_MEMORYVIEW_FORTRAN 0x004
#define _Py_MEMORYVIEW_SCALAR 0x008
#define _Py_MEMORYVIEW_PIL 0x010
#define _Py_MEMORYVIEW_RESTRICTED 0x020

typedef struct {
    PyObject_VAR_HEAD
    _PyManagedBufferObject *mbuf;  /* owned */
    Py_hash_t hash;                /* -1 until computed */
    int flags;                     /* _Py_MEMORYVIEW_* */
    Py_ssize_t exports;            /* buffers exported from this view */
    Py_buffer view;                /* shape/strides point into ob_array */
    PyObject *weakreflist;
    Py_ssize_t ob_array[1];        /* shape, strides, suboffsets: 3 * ndim entries */
} PyMemoryViewObject;

#define PyMemoryView_GET_BUFFER(op) (&((PyMemoryViewObject *)(op))->view)
#define PyMemoryView_GET_BASE(op) (((PyMemoryViewObject *)(op))->view.obj)

/* New references or NULL with an exception set. */
PyAPI_FUNC(PyObject *) PyMemoryView_FromObject(PyObject *base);
PyAPI_FUNC(PyObject *) PyMemoryView_FromMemory(char *mem, Py_ssize_t size, int flags);
/* The view does not own info->obj; the caller keeps the memory alive. */
PyAPI_FUNC(PyObject *) PyMemoryView_FromBuffer(const Py_buffer *info);
PyAPI_FUNC(PyObject *) PyMemoryView_GetContiguous(PyObject *base, int buffertype, char order);

/* Generic buffer API (declared for the object-model room's abstract.h as well). */
PyAPI_FUNC(int) PyObject_CheckBuffer(PyObject *obj);
PyAPI_FUNC(int) PyObject_GetBuffer(PyObject *obj, Py_buffer *view, int flags);
PyAPI_FUNC(void) PyBuffer_Release(Py_buffer *view);
PyAPI_FUNC(int) PyBuffer_FillInfo(Py_buffer *view, PyObject *o, void *buf, Py_ssize_t len,
                                  int readonly, int flags);
PyAPI_FUNC(int) PyBuffer_IsContiguous(const Py_buffer *view, char fort);
PyAPI_FUNC(void *) PyBuffer_GetPointer(const Py_buffer *view, const Py_ssize_t *indices);
PyAPI_FUNC(Py_ssize_t) PyBuffer_SizeFromFormat(const char *format);
PyAPI_FUNC(int) PyBuffer_ToContiguous(void *buf, const Py_buffer *view, Py_ssize_t len,
                                      char order);
PyAPI_FUNC(int) PyBuffer_FromContiguous(const Py_buffer *view, const void *buf, Py_ssize_t len,
                                        char fort);
PyAPI_FUNC(void) PyBuffer_FillContiguousStrides(int ndims, Py_ssize_t *shape,
                                                Py_ssize_t *strides, int itemsize, char fort);
PyAPI_FUNC(int) PyObject_CopyData(PyObject *dest, PyObject *src);

#endif /* Py_MEMORYOBJECT_H */
