/* types.UnionType: the result of X | Y for classes, None and generic aliases.  __args__ is
 * the flattened, de-duplicated tuple of members; isinstance/issubclass accept a union like a
 * tuple (Objects/abstract.c reads _Py_union_args). */
#include "Python.h"
#include "pycore_object.h"

typedef struct {
    PyObject_HEAD
    PyObject *args;        /* tuple */
    PyObject *parameters;  /* lazily computed, or NULL */
} unionobject;

static void
unionobject_dealloc(PyObject *self)
{
    unionobject *alias = (unionobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(alias->args);
    Py_XDECREF(alias->parameters);
    Py_TYPE(self)->tp_free(self);
}

static int
union_traverse(PyObject *self, visitproc visit, void *arg)
{
    unionobject *alias = (unionobject *)self;
    Py_VISIT(alias->args);
    Py_VISIT(alias->parameters);
    return 0;
}

/* Borrowed reference to the members tuple. */
PyObject *
_Py_union_args(PyObject *self)
{
    return ((unionobject *)self)->args;
}

static Py_hash_t
union_hash(PyObject *self)
{
    unionobject *alias = (unionobject *)self;
    PyObject *args = PyFrozenSet_New(alias->args);
    if (args == NULL) {
        return -1;
    }
    Py_hash_t hash = PyObject_Hash(args);
    Py_DECREF(args);
    return hash;
}

static PyObject *
union_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!_PyUnion_Check(b) || (op != Py_EQ && op != Py_NE)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *a_set = PySet_New(((unionobject *)a)->args);
    if (a_set == NULL) {
        return NULL;
    }
    PyObject *b_set = PySet_New(((unionobject *)b)->args);
    if (b_set == NULL) {
        Py_DECREF(a_set);
        return NULL;
    }
    PyObject *result = PyObject_RichCompare(a_set, b_set, op);
    Py_DECREF(b_set);
    Py_DECREF(a_set);
    return result;
}

static int
is_unionable(PyObject *obj)
{
    return obj == Py_None || PyType_Check(obj) || _PyUnion_Check(obj) ||
           Py_IS_TYPE(obj, &Py_GenericAliasType);
}

/* Append obj's members (flattening unions) to list, skipping duplicates. */
static int
add_members(PyObject *list, PyObject *obj)
{
    if (_PyUnion_Check(obj)) {
        PyObject *args = ((unionobject *)obj)->args;
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
            if (add_members(list, PyTuple_GET_ITEM(args, i)) < 0) {
                return -1;
            }
        }
        return 0;
    }
    if (obj == Py_None) {
        obj = (PyObject *)Py_TYPE(Py_None);
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        PyObject *item = PyList_GET_ITEM(list, i);
        if (item == obj) {
            return 0;
        }
        if (Py_IS_TYPE(item, &Py_GenericAliasType) && Py_IS_TYPE(obj, &Py_GenericAliasType)) {
            int eq = PyObject_RichCompareBool(item, obj, Py_EQ);
            if (eq < 0) {
                return -1;
            }
            if (eq) {
                return 0;
            }
        }
    }
    return PyList_Append(list, obj);
}

static PyObject *
make_union(PyObject *args)
{
    unionobject *result = PyObject_GC_New(unionobject, &_PyUnion_Type);
    if (result == NULL) {
        return NULL;
    }
    result->args = Py_NewRef(args);
    result->parameters = NULL;
    PyObject_GC_Track(result);
    return (PyObject *)result;
}

PyObject *
_Py_union_type_or(PyObject *self, PyObject *other)
{
    if (!is_unionable(self) || !is_unionable(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    if (add_members(list, self) < 0 || add_members(list, other) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    if (PyList_GET_SIZE(list) == 1) {
        PyObject *only = Py_NewRef(PyList_GET_ITEM(list, 0));
        Py_DECREF(list);
        return only;
    }
    PyObject *args = PyList_AsTuple(list);
    Py_DECREF(list);
    if (args == NULL) {
        return NULL;
    }
    PyObject *res = make_union(args);
    Py_DECREF(args);
    return res;
}

static int
union_repr_item(PyObject *parts, PyObject *p)
{
    PyObject *r;
    if (p == (PyObject *)Py_TYPE(Py_None)) {
        r = PyUnicode_FromString("None");
    }
    else if (PyType_Check(p) && !Py_IS_TYPE(p, &Py_GenericAliasType)) {
        PyObject *module = PyType_GetModuleName((PyTypeObject *)p);
        PyObject *qualname = PyType_GetQualName((PyTypeObject *)p);
        if (module == NULL || qualname == NULL) {
            Py_XDECREF(module);
            Py_XDECREF(qualname);
            return -1;
        }
        if (PyUnicode_Check(module) && PyUnicode_EqualToUTF8(module, "builtins")) {
            r = Py_NewRef(qualname);
        }
        else {
            r = PyUnicode_FromFormat("%S.%S", module, qualname);
        }
        Py_DECREF(module);
        Py_DECREF(qualname);
    }
    else {
        r = PyObject_Repr(p);
    }
    if (r == NULL) {
        return -1;
    }
    int rc = PyList_Append(parts, r);
    Py_DECREF(r);
    return rc;
}

static PyObject *
union_repr(PyObject *self)
{
    unionobject *alias = (unionobject *)self;
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(alias->args); i++) {
        if (union_repr_item(parts, PyTuple_GET_ITEM(alias->args, i)) < 0) {
            Py_DECREF(parts);
            return NULL;
        }
    }
    PyObject *sep = PyUnicode_FromString(" | ");
    PyObject *res = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    return res;
}

static PyMemberDef union_members[] = {
    {"__args__", _Py_T_OBJECT, offsetof(unionobject, args), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *
union_parameters(PyObject *self, void *Py_UNUSED(unused))
{
    unionobject *alias = (unionobject *)self;
    if (alias->parameters == NULL) {
        PyObject *params = PyList_New(0);
        if (params == NULL) {
            return NULL;
        }
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(alias->args); i++) {
            PyObject *t = PyTuple_GET_ITEM(alias->args, i);
            PyObject *sub;
            if (PyType_Check(t)) {
                continue;
            }
            if (PyObject_GetOptionalAttr(t, _Py_ID(__parameters__), &sub) < 0) {
                Py_DECREF(params);
                return NULL;
            }
            if (sub && PyTuple_Check(sub)) {
                for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(sub); j++) {
                    PyObject *p = PyTuple_GET_ITEM(sub, j);
                    int c = PySequence_Contains(params, p);
                    if (c < 0 || (c == 0 && PyList_Append(params, p) < 0)) {
                        Py_DECREF(sub);
                        Py_DECREF(params);
                        return NULL;
                    }
                }
            }
            Py_XDECREF(sub);
        }
        alias->parameters = PyList_AsTuple(params);
        Py_DECREF(params);
        if (alias->parameters == NULL) {
            return NULL;
        }
    }
    return Py_NewRef(alias->parameters);
}

static PyGetSetDef union_properties[] = {
    {"__parameters__", union_parameters, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* u[args]: substitute the type variables of the union's members. */
static PyObject *
union_getitem(PyObject *self, PyObject *item)
{
    unionobject *alias = (unionobject *)self;
    PyObject *params = union_parameters(self, NULL);
    if (params == NULL) {
        return NULL;
    }
    Py_ssize_t nparams = PyTuple_GET_SIZE(params);
    Py_DECREF(params);
    if (nparams == 0) {
        PyObject *r = PyObject_Repr(self);
        if (r != NULL) {
            PyErr_Format(PyExc_TypeError, "%U is not a generic class", r);
            Py_DECREF(r);
        }
        return NULL;
    }
    /* Substitute in each member that is itself subscriptable by its parameters. */
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(alias->args); i++) {
        PyObject *arg = PyTuple_GET_ITEM(alias->args, i);
        PyObject *sub;
        PyObject *arg_params;
        if (PyObject_GetOptionalAttr(arg, _Py_ID(__parameters__), &arg_params) < 0) {
            Py_XDECREF(result);
            return NULL;
        }
        int has = arg_params != NULL && PyTuple_Check(arg_params) &&
                  PyTuple_GET_SIZE(arg_params) > 0;
        Py_XDECREF(arg_params);
        sub = has ? PyObject_GetItem(arg, item) : Py_NewRef(arg);
        if (sub == NULL) {
            Py_XDECREF(result);
            return NULL;
        }
        if (result == NULL) {
            result = sub;
        }
        else {
            Py_SETREF(result, PyNumber_Or(result, sub));
            Py_DECREF(sub);
            if (result == NULL) {
                return NULL;
            }
        }
    }
    return result;
}

static PyMappingMethods union_as_mapping = {
    .mp_subscript = union_getitem,
};

static PyObject *
union_or(PyObject *self, PyObject *other)
{
    return _Py_union_type_or(self, other);
}

static PyNumberMethods union_as_number = {
    .nb_or = union_or,
};

static PyObject *
union_getattro(PyObject *self, PyObject *name)
{
    return PyObject_GenericGetAttr(self, name);
}

PyTypeObject _PyUnion_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.UnionType",
    .tp_doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
    .tp_basicsize = sizeof(unionobject),
    .tp_dealloc = unionobject_dealloc,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = union_traverse,
    .tp_hash = union_hash,
    .tp_getattro = union_getattro,
    .tp_members = union_members,
    .tp_richcompare = union_richcompare,
    .tp_as_number = &union_as_number,
    .tp_as_mapping = &union_as_mapping,
    .tp_repr = union_repr,
    .tp_getset = union_properties,
};
_Py_REGISTER_STATIC_TYPE(_PyUnion_Type);
