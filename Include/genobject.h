/* Generators, coroutines and async generators (Objects/genobject.c).
 * Owner: eval room.
 *
 * The three types share one layout (struct _PyGenObject, pycore_genobject.h): the suspended
 * frame is embedded at the end of the object. */
#ifndef Py_GENOBJECT_H
#define Py_GENOBJECT_H

typedef struct _PyGenObject PyGenObject;
typedef struct _PyGenObject PyCoroObject;
typedef struct _PyGenObject PyAsyncGenObject;

PyAPI_DATA(PyTypeObject) PyGen_Type;
PyAPI_DATA(PyTypeObject) PyCoro_Type;
PyAPI_DATA(PyTypeObject) PyAsyncGen_Type;
PyAPI_DATA(PyTypeObject) _PyCoroWrapper_Type;
PyAPI_DATA(PyTypeObject) _PyAsyncGenASend_Type;
PyAPI_DATA(PyTypeObject) _PyAsyncGenAThrow_Type;
PyAPI_DATA(PyTypeObject) _PyAsyncGenWrappedValue_Type;

#define PyGen_Check(op) PyObject_TypeCheck((op), &PyGen_Type)
#define PyGen_CheckExact(op) Py_IS_TYPE((op), &PyGen_Type)
#define PyCoro_CheckExact(op) Py_IS_TYPE((op), &PyCoro_Type)
#define PyAsyncGen_CheckExact(op) Py_IS_TYPE((op), &PyAsyncGen_Type)

/* Return new references.  The frame must belong to a generator code object. */
PyAPI_FUNC(PyObject *) PyGen_New(PyFrameObject *);
PyAPI_FUNC(PyObject *) PyGen_NewWithQualName(PyFrameObject *, PyObject *name,
                                             PyObject *qualname);
PyAPI_FUNC(PyObject *) PyCoro_New(PyFrameObject *, PyObject *name, PyObject *qualname);
PyAPI_FUNC(PyObject *) PyAsyncGen_New(PyFrameObject *, PyObject *name, PyObject *qualname);
PyAPI_FUNC(PyCodeObject *) PyGen_GetCode(PyGenObject *gen);   /* new reference */

/* Take the value out of a pending StopIteration (None if none): 0, or -1 if another
 * exception is set.  *pvalue receives a new reference. */
PyAPI_FUNC(int) _PyGen_FetchStopIterationValue(PyObject **pvalue);
/* Raise StopIteration(value) the way a generator's return does. */
PyAPI_FUNC(int) _PyGen_SetStopIterationValue(PyObject *value);

#endif /* Py_GENOBJECT_H */
