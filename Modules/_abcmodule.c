/* _abc: the one thing Lib/abc.py (a pure-Python ABCMeta) cannot do itself: mark a class
 * as a mapping or a sequence for structural pattern matching (Py_TPFLAGS_MAPPING /
 * Py_TPFLAGS_SEQUENCE), as CPython's ABCs do through __abc_tpflags__ and register().
 * The flags are set on the class and every subclass that does not have one of them yet. */
#include "Python.h"

#define COLLECTION_FLAGS (Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING)

static void set_collection_flag_recursive(PyTypeObject *type, unsigned long flag)
{
    if (!PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE) ||
        (type->tp_flags & COLLECTION_FLAGS) != 0) {
        return;
    }
    type->tp_flags |= flag;
    PyObject *subclasses = PyObject_CallMethod((PyObject *)type, "__subclasses__", NULL);
    if (subclasses == NULL) {
        PyErr_Clear();
        return;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(subclasses); i++) {
        PyObject *sub = PyList_GET_ITEM(subclasses, i);
        if (PyType_Check(sub)) {
            set_collection_flag_recursive((PyTypeObject *)sub, flag);
        }
    }
    Py_DECREF(subclasses);
}

/* _set_collection_flag(cls, flags): flags must be Py_TPFLAGS_MAPPING or _SEQUENCE. */
static PyObject *abc_set_collection_flag(PyObject *module, PyObject *args)
{
    PyObject *cls;
    unsigned long flags;
    if (!PyArg_ParseTuple(args, "Ok:_set_collection_flag", &cls, &flags)) {
        return NULL;
    }
    if (!PyType_Check(cls)) {
        PyErr_SetString(PyExc_TypeError, "_set_collection_flag() argument must be a class");
        return NULL;
    }
    if (flags != Py_TPFLAGS_MAPPING && flags != Py_TPFLAGS_SEQUENCE) {
        PyErr_SetString(PyExc_ValueError, "flags must be Py_TPFLAGS_MAPPING or _SEQUENCE");
        return NULL;
    }
    set_collection_flag_recursive((PyTypeObject *)cls, flags);
    Py_RETURN_NONE;
}

/* _collection_flag(cls): the class's Py_TPFLAGS_MAPPING/_SEQUENCE bits (0 if none). */
static PyObject *abc_collection_flag(PyObject *module, PyObject *cls)
{
    if (!PyType_Check(cls)) {
        return PyLong_FromLong(0);
    }
    return PyLong_FromUnsignedLong(((PyTypeObject *)cls)->tp_flags & COLLECTION_FLAGS);
}

static PyMethodDef abc_methods[] = {
    {"_set_collection_flag", abc_set_collection_flag, METH_VARARGS,
     "Mark a class (and its subclasses) as a mapping or sequence for pattern matching."},
    {"_collection_flag", abc_collection_flag, METH_O,
     "The class's mapping/sequence flag bits."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot abc_slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef abcmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_abc",
    .m_doc = "Helpers of the abc module that need the C API.",
    .m_size = 0,
    .m_methods = abc_methods,
    .m_slots = abc_slots,
};

PyMODINIT_FUNC
PyInit__abc(void)
{
    return PyModuleDef_Init(&abcmodule);
}
