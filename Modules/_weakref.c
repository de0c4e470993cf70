/* The _weakref module: the C half of Lib/weakref.py.
 *
 * Stateless: every function works on its arguments only, so the module is safe without the GIL
 * (Py_MOD_GIL_NOT_USED). */
#include "Python.h"

static PyObject *
weakref_getweakrefcount(PyObject *module, PyObject *object)
{
    return PyLong_FromSsize_t(_PyWeakref_GetWeakrefCount(object));
}

static PyObject *
weakref_getweakrefs(PyObject *module, PyObject *object)
{
    PyTypeObject *tp = Py_TYPE(object);
    if (tp->tp_weaklistoffset <= 0) {
        return PyList_New(0);
    }
    PyObject *result = PyList_New(0);
    if (result == NULL) {
        return NULL;
    }
    /* Walk the list through new references so that a callback cannot free a node under us. */
    PyWeakReference *node = *(PyWeakReference **)((char *)object + tp->tp_weaklistoffset);
    while (node != NULL) {
        if (Py_REFCNT(node) > 0 && PyList_Append(result, (PyObject *)node) < 0) {
            Py_DECREF(result);
            return NULL;
        }
        node = node->wr_next;
    }
    return result;
}

/* _remove_dead_weakref(dict, key): delete dict[key] if its value is a dead weakref. */
static PyObject *
weakref__remove_dead_weakref(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "_remove_dead_weakref expected 2 arguments, got %zd",
                     nargs);
        return NULL;
    }
    PyObject *dct = args[0], *key = args[1];
    if (!PyDict_Check(dct)) {
        PyErr_Format(PyExc_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %.200s",
                     Py_TYPE(dct)->tp_name);
        return NULL;
    }
    PyObject *value;
    int rc = PyDict_GetItemRef(dct, key, &value);
    if (rc < 0) {
        return NULL;
    }
    if (rc > 0) {
        int dead = 0;
        if (PyWeakref_Check(value)) {
            PyObject *obj;
            if (PyWeakref_GetRef(value, &obj) < 0) {
                Py_DECREF(value);
                return NULL;
            }
            dead = obj == NULL;
            Py_XDECREF(obj);
        }
        Py_DECREF(value);
        if (dead && PyDict_DelItem(dct, key) < 0) {
            if (!PyErr_ExceptionMatches(PyExc_KeyError)) {
                return NULL;
            }
            PyErr_Clear(); /* someone else removed it already */
        }
    }
    Py_RETURN_NONE;
}

static PyObject *
weakref_proxy(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        PyErr_Format(PyExc_TypeError, "proxy expected %s 1 argument%s, got %zd",
                     nargs < 1 ? "at least" : "at most", nargs < 1 ? "" : "s", nargs);
        return NULL;
    }
    return PyWeakref_NewProxy(args[0], nargs == 2 ? args[1] : NULL);
}

static PyMethodDef weakref_functions[] = {
    {"getweakrefcount", weakref_getweakrefcount, METH_O,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", weakref_getweakrefs, METH_O,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"_remove_dead_weakref", _PyCFunction_CAST(weakref__remove_dead_weakref), METH_FASTCALL,
     "Atomically remove key from dict if it points to a dead weakref."},
    {"proxy", _PyCFunction_CAST(weakref_proxy), METH_FASTCALL,
     "Create a proxy object that weakly references 'object'.\n\n"
     "'callback', if given, is called with a reference to the\n"
     "proxy when 'object' is about to be finalized."},
    {NULL, NULL, 0, NULL},
};

static int
weakref_exec(PyObject *module)
{
    if (PyModule_AddObjectRef(module, "ref", (PyObject *)&_PyWeakref_RefType) < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "ReferenceType", (PyObject *)&_PyWeakref_RefType) < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "ProxyType", (PyObject *)&_PyWeakref_ProxyType) < 0) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "CallableProxyType",
                              (PyObject *)&_PyWeakref_CallableProxyType) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot weakref_slots[] = {
    {Py_mod_exec, weakref_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef weakrefmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_weakref",
    .m_doc = "Weak-reference support module.",
    .m_size = 0,
    .m_methods = weakref_functions,
    .m_slots = weakref_slots,
};

PyMODINIT_FUNC
PyInit__weakref(void)
{
    return PyModuleDef_Init(&weakrefmodule);
}
