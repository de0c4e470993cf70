/* Bound methods (PyMethod_*) and instance methods (PyInstanceMethod_*).
 * Owner: eval room (Objects/classobject.c). */
#ifndef Py_CLASSOBJECT_H
#define Py_CLASSOBJECT_H

/* A function bound to an instance: calling it prepends im_self to the arguments. */
typedef struct {
    PyObject_HEAD
    PyObject *im_func;   /* the callable (strong) */
    PyObject *im_self;   /* the instance (strong) */
    PyObject *im_weakreflist;
    vectorcallfunc vectorcall;
} PyMethodObject;

PyAPI_DATA(PyTypeObject) PyMethod_Type;
#define PyMethod_Check(op) Py_IS_TYPE((op), &PyMethod_Type)

/* Return a new reference. */
PyAPI_FUNC(PyObject *) PyMethod_New(PyObject *func, PyObject *self);
/* Borrowed references. */
PyAPI_FUNC(PyObject *) PyMethod_Function(PyObject *);
PyAPI_FUNC(PyObject *) PyMethod_Self(PyObject *);

#define _PyMethod_CAST(meth) _Py_CAST(PyMethodObject *, (meth))
static inline PyObject *PyMethod_GET_FUNCTION(PyObject *meth)
{
    return _PyMethod_CAST(meth)->im_func;
}
#define PyMethod_GET_FUNCTION(meth) PyMethod_GET_FUNCTION(_PyObject_CAST(meth))
static inline PyObject *PyMethod_GET_SELF(PyObject *meth)
{
    return _PyMethod_CAST(meth)->im_self;
}
#define PyMethod_GET_SELF(meth) PyMethod_GET_SELF(_PyObject_CAST(meth))

/* instancemethod: binds any callable as a method when accessed through an instance. */
typedef struct {
    PyObject_HEAD
    PyObject *func;
} PyInstanceMethodObject;

PyAPI_DATA(PyTypeObject) PyInstanceMethod_Type;
#define PyInstanceMethod_Check(op) Py_IS_TYPE((op), &PyInstanceMethod_Type)
PyAPI_FUNC(PyObject *) PyInstanceMethod_New(PyObject *);   /* new reference */
PyAPI_FUNC(PyObject *) PyInstanceMethod_Function(PyObject *); /* borrowed */
#define PyInstanceMethod_GET_FUNCTION(meth) (((PyInstanceMethodObject *)(meth))->func)

#endif /* Py_CLASSOBJECT_H */
