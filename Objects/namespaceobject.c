/* types.SimpleNamespace: an object whose attributes live in a plain instance dict. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_modsupport.h"

typedef struct {
    PyObject_HEAD
    PyObject *ns_dict;
} _PyNamespaceObject;

static PyMemberDef namespace_members[] = {
    {"__dict__", _Py_T_OBJECT, offsetof(_PyNamespaceObject, ns_dict), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *
namespace_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *self = type->tp_alloc(type, 0);
    if (self != NULL) {
        _PyNamespaceObject *ns = (_PyNamespaceObject *)self;
        ns->ns_dict = PyDict_New();
        if (ns->ns_dict == NULL) {
            Py_DECREF(ns);
            return NULL;
        }
    }
    return self;
}

static int
namespace_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    _PyNamespaceObject *ns = (_PyNamespaceObject *)op;
    PyObject *arg = NULL;
    if (!PyArg_UnpackTuple(args, Py_TYPE(ns)->tp_name, 0, 1, &arg)) {
        return -1;
    }
    if (arg != NULL) {
        PyObject *dict;
        if (PyDict_CheckExact(arg)) {
            dict = Py_NewRef(arg);
        }
        else {
            dict = PyObject_CallOneArg((PyObject *)&PyDict_Type, arg);
            if (dict == NULL) {
                return -1;
            }
        }
        int err = (!PyArg_ValidateKeywordArguments(dict) ||
                   PyDict_Update(ns->ns_dict, dict) < 0);
        Py_DECREF(dict);
        if (err) {
            return -1;
        }
    }
    if (kwds == NULL) {
        return 0;
    }
    if (!PyArg_ValidateKeywordArguments(kwds)) {
        return -1;
    }
    return PyDict_Update(ns->ns_dict, kwds);
}

static void
namespace_dealloc(PyObject *op)
{
    _PyNamespaceObject *ns = (_PyNamespaceObject *)op;
    PyObject_GC_UnTrack(ns);
    Py_CLEAR(ns->ns_dict);
    Py_TYPE(ns)->tp_free((PyObject *)ns);
}

static PyObject *
namespace_repr(PyObject *ns)
{
    const char *name = Py_IS_TYPE(ns, &_PyNamespace_Type) ? "namespace" : Py_TYPE(ns)->tp_name;
    int i = Py_ReprEnter(ns);
    if (i != 0) {
        return i > 0 ? PyUnicode_FromFormat("%s(...)", name) : NULL;
    }
    PyObject *pairs = PyList_New(0), *keys = NULL, *result = NULL;
    if (pairs == NULL) {
        goto error;
    }
    PyObject *d = ((_PyNamespaceObject *)ns)->ns_dict;
    keys = PyDict_Keys(d);
    if (keys == NULL) {
        goto error;
    }
    Py_ssize_t n = PyList_GET_SIZE(keys);
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *key = PyList_GET_ITEM(keys, k);
        if (!PyUnicode_Check(key) || PyUnicode_GET_LENGTH(key) == 0) {
            continue;
        }
        PyObject *value;
        int rc = PyDict_GetItemRef(d, key, &value);
        if (rc < 0) {
            goto error;
        }
        if (rc == 0) {
            continue;
        }
        PyObject *item = PyUnicode_FromFormat("%U=%R", key, value);
        Py_DECREF(value);
        if (item == NULL) {
            goto error;
        }
        rc = PyList_Append(pairs, item);
        Py_DECREF(item);
        if (rc < 0) {
            goto error;
        }
    }
    PyObject *separator = PyUnicode_FromString(", ");
    if (separator == NULL) {
        goto error;
    }
    PyObject *pairsrepr = PyUnicode_Join(separator, pairs);
    Py_DECREF(separator);
    if (pairsrepr == NULL) {
        goto error;
    }
    result = PyUnicode_FromFormat("%s(%S)", name, pairsrepr);
    Py_DECREF(pairsrepr);
error:
    Py_XDECREF(pairs);
    Py_XDECREF(keys);
    Py_ReprLeave(ns);
    return result;
}

static int
namespace_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((_PyNamespaceObject *)op)->ns_dict);
    return 0;
}

static int
namespace_clear(PyObject *op)
{
    Py_CLEAR(((_PyNamespaceObject *)op)->ns_dict);
    return 0;
}

static PyObject *
namespace_richcompare(PyObject *self, PyObject *other, int op)
{
    if (PyObject_TypeCheck(self, &_PyNamespace_Type) &&
        PyObject_TypeCheck(other, &_PyNamespace_Type)) {
        return PyObject_RichCompare(((_PyNamespaceObject *)self)->ns_dict,
                                    ((_PyNamespaceObject *)other)->ns_dict, op);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *
namespace_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    _PyNamespaceObject *ns = (_PyNamespaceObject *)op;
    PyObject *args = PyTuple_New(0);
    if (!args) {
        return NULL;
    }
    PyObject *result = PyTuple_Pack(3, (PyObject *)Py_TYPE(ns), args, ns->ns_dict);
    Py_DECREF(args);
    return result;
}

static PyObject *
namespace_replace(PyObject *self, PyObject *args, PyObject *kwargs)
{
    if (!_PyArg_NoPositional("__replace__", args)) {
        return NULL;
    }
    PyObject *result = PyObject_CallNoArgs((PyObject *)Py_TYPE(self));
    if (!result) {
        return NULL;
    }
    if (PyDict_Update(((_PyNamespaceObject *)result)->ns_dict,
                      ((_PyNamespaceObject *)self)->ns_dict) < 0 ||
        (kwargs && PyDict_Update(((_PyNamespaceObject *)result)->ns_dict, kwargs) < 0)) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyMethodDef namespace_methods[] = {
    {"__reduce__", namespace_reduce, METH_NOARGS, "Return state information for pickling"},
    {"__replace__", _PyCFunction_CAST(namespace_replace), METH_VARARGS | METH_KEYWORDS,
     "__replace__($self, /, **changes)\n--\n\nReturn a copy of the namespace object with new "
     "values for the specified attributes."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyNamespace_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(_PyNamespaceObject),
    .tp_dealloc = namespace_dealloc,
    .tp_repr = namespace_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "SimpleNamespace(mapping_or_iterable=(), /, **kwargs)\n--\n\n"
              "A simple attribute-based namespace.",
    .tp_traverse = namespace_traverse,
    .tp_clear = namespace_clear,
    .tp_richcompare = namespace_richcompare,
    .tp_methods = namespace_methods,
    .tp_members = namespace_members,
    .tp_dictoffset = offsetof(_PyNamespaceObject, ns_dict),
    .tp_init = namespace_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = namespace_new,
    .tp_free = PyObject_GC_Del,
};
_Py_REGISTER_STATIC_TYPE(_PyNamespace_Type);

PyObject *
_PyNamespace_New(PyObject *kwds)
{
    PyObject *ns = namespace_new(&_PyNamespace_Type, NULL, NULL);
    if (ns == NULL) {
        return NULL;
    }
    if (kwds == NULL) {
        return ns;
    }
    if (PyDict_Update(((_PyNamespaceObject *)ns)->ns_dict, kwds) != 0) {
        Py_DECREF(ns);
        return NULL;
    }
    return ns;
}
