/* Object allocation and the garbage collector's C API.
 * Owner: runtime room (Python/gc.c) for the GC functions; Objects/object.c for PyObject_Init.
 *
 * Objects of types with Py_TPFLAGS_HAVE_GC are allocated with PyObject_GC_New/NewVar, which
 * reserve the collector's header in front of the object (Include/internal/pycore_gc.h), and
 * freed with PyObject_GC_Del.  Other objects use PyObject_New/NewVar and PyObject_Free. */
#ifndef Py_OBJIMPL_H
#define Py_OBJIMPL_H

PyAPI_FUNC(PyObject *) PyObject_Init(PyObject *, PyTypeObject *);
PyAPI_FUNC(PyVarObject *) PyObject_InitVar(PyVarObject *, PyTypeObject *, Py_ssize_t);
PyAPI_FUNC(PyObject *) _PyObject_New(PyTypeObject *);
PyAPI_FUNC(PyVarObject *) _PyObject_NewVar(PyTypeObject *, Py_ssize_t);
#define PyObject_New(type, typeobj) ((type *)_PyObject_New(typeobj))
#define PyObject_NewVar(type, typeobj, n) ((type *)_PyObject_NewVar((typeobj), (n)))
#define PyObject_INIT(op, typeobj) PyObject_Init(_PyObject_CAST(op), (typeobj))
#define PyObject_INIT_VAR(op, typeobj, size) PyObject_InitVar(_PyVarObject_CAST(op), (typeobj), (size))

/* Size of a variable-size object with n items; rounded up to pointer alignment. */
static inline size_t _PyObject_VAR_SIZE(PyTypeObject *type, Py_ssize_t nitems)
{
    size_t size = (size_t)type->tp_basicsize + (size_t)nitems * (size_t)type->tp_itemsize;
    return _Py_SIZE_ROUND_UP(size, sizeof(void *));
}

PyAPI_FUNC(Py_ssize_t) PyGC_Collect(void);
PyAPI_FUNC(int) PyGC_Enable(void);
PyAPI_FUNC(int) PyGC_Disable(void);
PyAPI_FUNC(int) PyGC_IsEnabled(void);

PyAPI_FUNC(PyObject *) _PyObject_GC_New(PyTypeObject *);
PyAPI_FUNC(PyVarObject *) _PyObject_GC_NewVar(PyTypeObject *, Py_ssize_t);
PyAPI_FUNC(PyVarObject *) _PyObject_GC_Resize(PyVarObject *, Py_ssize_t);
PyAPI_FUNC(void) PyObject_GC_Track(void *);
PyAPI_FUNC(void) PyObject_GC_UnTrack(void *);
PyAPI_FUNC(void) PyObject_GC_Del(void *);
PyAPI_FUNC(int) PyObject_GC_IsTracked(PyObject *);
PyAPI_FUNC(int) PyObject_GC_IsFinalized(PyObject *);
PyAPI_FUNC(int) PyObject_IS_GC(PyObject *obj);
#define PyObject_GC_New(type, typeobj) _Py_CAST(type *, _PyObject_GC_New(typeobj))
#define PyObject_GC_NewVar(type, typeobj, n) _Py_CAST(type *, _PyObject_GC_NewVar((typeobj), (n)))
#define PyObject_GC_Resize(type, op, n) _Py_CAST(type *, _PyObject_GC_Resize(_PyVarObject_CAST(op), (n)))
#define PyType_IS_GC(t) PyType_HasFeature((t), Py_TPFLAGS_HAVE_GC)

/* Utility for tp_traverse: visit a member if it is not NULL. */
#define Py_VISIT(op)                                                                          \
    do {                                                                                      \
        if (op) {                                                                             \
            int vret = visit(_PyObject_CAST(op), arg);                                        \
            if (vret) {                                                                       \
                return vret;                                                                  \
            }                                                                                 \
        }                                                                                     \
    } while (0)

#endif /* Py_OBJIMPL_H */
