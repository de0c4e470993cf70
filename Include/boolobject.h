/* bool: Py_True, Py_False, PyBool_FromLong.
 * Owner: numbers room (int, bool, float, complex, math).
 * True and False are immortal int objects (values 1 and 0) of type bool. */
#ifndef Py_BOOLOBJECT_H
#define Py_BOOLOBJECT_H

PyAPI_DATA(PyTypeObject) PyBool_Type;
#define PyBool_Check(x) Py_IS_TYPE((x), &PyBool_Type)

PyAPI_DATA(struct _longobject) _Py_FalseStruct;
PyAPI_DATA(struct _longobject) _Py_TrueStruct;

#define Py_False _PyObject_CAST(&_Py_FalseStruct)
#define Py_True _PyObject_CAST(&_Py_TrueStruct)

PyAPI_FUNC(int) Py_IsTrue(PyObject *x);
PyAPI_FUNC(int) Py_IsFalse(PyObject *x);
#define Py_IsTrue(x) Py_Is((x), Py_True)
#define Py_IsFalse(x) Py_Is((x), Py_False)

/* Return a new (immortal) reference to True or False. */
PyAPI_FUNC(PyObject *) PyBool_FromLong(long);

#endif /* Py_BOOLOBJECT_H */
