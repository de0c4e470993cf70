/* Py_GetConstant and Py_GetConstantBorrowed (Include/pyconstant.h).  Every constant is an
 * immortal object, so the borrowed form is always safe and the new-reference form only adds
 * a (no-op) reference for symmetry with CPython. */
#include "Python.h"
#include "pycore_long.h"
#include "pycore_tuple.h"
#include "pycore_unicodeobject.h"

/* Borrowed reference. */
PyObject *
Py_GetConstantBorrowed(unsigned int constant_id)
{
    switch (constant_id) {
    case Py_CONSTANT_NONE:
        return Py_None;
    case Py_CONSTANT_FALSE:
        return Py_False;
    case Py_CONSTANT_TRUE:
        return Py_True;
    case Py_CONSTANT_ELLIPSIS:
        return Py_Ellipsis;
    case Py_CONSTANT_NOT_IMPLEMENTED:
        return Py_NotImplemented;
    case Py_CONSTANT_ZERO:
        return _PyLong_GetZero();
    case Py_CONSTANT_ONE:
        return _PyLong_GetOne();
    case Py_CONSTANT_EMPTY_STR:
        return _Py_STR_EMPTY();
    case Py_CONSTANT_EMPTY_BYTES: {
        /* The empty bytes object is a static immortal singleton. */
        PyObject *empty = PyBytes_FromStringAndSize(NULL, 0);
        Py_XDECREF(empty);
        return empty;
    }
    case Py_CONSTANT_EMPTY_TUPLE:
        return _Py_EmptyTuple;
    default:
        PyErr_BadInternalCall();
        return NULL;
    }
}

/* Return a new reference. */
PyObject *
Py_GetConstant(unsigned int constant_id)
{
    return Py_XNewRef(Py_GetConstantBorrowed(constant_id));
}
