/* types.GenericAlias: the result of subscripting a class that supports __class_getitem__
 * (list[int]).  It records __origin__ and __args__, prints as "list[int]", compares by both,
 * and delegates attribute access and calls to the origin. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_typeobject.h"

typedef struct {
    PyObject_HEAD
    PyObject *origin;
    PyObject *args;        /* always a tuple */
    PyObject *parameters;  /* tuple of type variables in args, computed lazily */
    PyObject *weakreflist;
    int starred;
    vectorcallfunc vectorcall;
} gaobject;

static void
ga_dealloc(PyObject *self)
{
    gaobject *alias = (gaobject *)self;
    PyObject_GC_UnTrack(self);
    if (alias->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    Py_XDECREF(alias->origin);
    Py_XDECREF(alias->args);
    Py_XDECREF(alias->parameters);
    Py_TYPE(self)->tp_free(self);
}

static int
ga_traverse(PyObject *self, visitproc visit, void *arg)
{
    gaobject *alias = (gaobject *)self;
    Py_VISIT(alias->origin);
    Py_VISIT(alias->args);
    Py_VISIT(alias->parameters);
    return 0;
}

/* repr of one argument: types by qualified name, Ellipsis as "...", others by repr(). */
static int
ga_repr_item(PyObject *parts, PyObject *p)
{
    PyObject *r = NULL;
    if (p == Py_Ellipsis) {
        r = PyUnicode_FromString("...");
    }
    else if (PyList_Check(p)) {
        /* Callable[[int, str], x] style: "[int, str]". */
        PyObject *inner = PyList_New(0);
        if (inner == NULL) {
            return -1;
        }
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(p); i++) {
            if (ga_repr_item(inner, PyList_GET_ITEM(p, i)) < 0) {
                Py_DECREF(inner);
                return -1;
            }
        }
        PyObject *sep = PyUnicode_FromString(", ");
        PyObject *joined = sep ? PyUnicode_Join(sep, inner) : NULL;
        Py_XDECREF(sep);
        Py_DECREF(inner);
        if (joined == NULL) {
            return -1;
        }
        r = PyUnicode_FromFormat("[%U]", joined);
        Py_DECREF(joined);
    }
    else {
        PyObject *qualname = NULL, *module = NULL, *tmp;
        int has_origin = PyObject_GetOptionalAttr(p, _Py_ID(__origin__), &tmp);
        if (has_origin < 0) {
            return -1;
        }
        if (has_origin) {
            Py_DECREF(tmp);
            int has_args = PyObject_GetOptionalAttr(p, _Py_ID(__args__), &tmp);
            if (has_args < 0) {
                return -1;
            }
            if (has_args) {
                Py_DECREF(tmp);
                r = PyObject_Repr(p); /* a generic alias: use its own repr */
                goto append;
            }
        }
        if (PyObject_GetOptionalAttr(p, _Py_ID(__qualname__), &qualname) < 0) {
            return -1;
        }
        if (qualname == NULL) {
            r = PyObject_Repr(p);
            goto append;
        }
        if (PyObject_GetOptionalAttr(p, _Py_ID(__module__), &module) < 0) {
            Py_DECREF(qualname);
            return -1;
        }
        if (module == NULL || module == Py_None) {
            Py_XDECREF(module);
            Py_DECREF(qualname);
            r = PyObject_Repr(p);
            goto append;
        }
        if (PyUnicode_Check(module) && PyUnicode_EqualToUTF8(module, "builtins")) {
            r = PyObject_Str(qualname);
        }
        else {
            r = PyUnicode_FromFormat("%S.%S", module, qualname);
        }
        Py_DECREF(module);
        Py_DECREF(qualname);
    }
append:
    if (r == NULL) {
        return -1;
    }
    int rc = PyList_Append(parts, r);
    Py_DECREF(r);
    return rc;
}

static PyObject *
ga_repr(PyObject *self)
{
    gaobject *alias = (gaobject *)self;
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    if (ga_repr_item(parts, alias->origin) < 0) {
        Py_DECREF(parts);
        return NULL;
    }
    PyObject *origin = Py_NewRef(PyList_GET_ITEM(parts, 0));
    if (PyList_SetSlice(parts, 0, 1, NULL) < 0) {
        Py_DECREF(origin);
        Py_DECREF(parts);
        return NULL;
    }
    Py_ssize_t len = PyTuple_GET_SIZE(alias->args);
    for (Py_ssize_t i = 0; i < len; i++) {
        if (ga_repr_item(parts, PyTuple_GET_ITEM(alias->args, i)) < 0) {
            Py_DECREF(origin);
            Py_DECREF(parts);
            return NULL;
        }
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *joined = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    if (joined == NULL) {
        Py_DECREF(origin);
        return NULL;
    }
    PyObject *res;
    if (len == 0) {
        res = PyUnicode_FromFormat("%s%U[()]", alias->starred ? "*" : "", origin);
    }
    else {
        res = PyUnicode_FromFormat("%s%U[%U]", alias->starred ? "*" : "", origin, joined);
    }
    Py_DECREF(joined);
    Py_DECREF(origin);
    return res;
}

/* Type variables among args: objects with __typing_subst__ (deduplicated, in order). */
static PyObject *
make_parameters(PyObject *args)
{
    PyObject *params = PyList_New(0);
    if (params == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *t = PyTuple_GET_ITEM(args, i);
        if (PyType_Check(t)) {
            continue;
        }
        PyObject *subst;
        if (PyObject_GetOptionalAttr(t, _Py_ID(__typing_subst__), &subst) < 0) {
            Py_DECREF(params);
            return NULL;
        }
        if (subst) {
            Py_DECREF(subst);
            int c = PySequence_Contains(params, t);
            if (c < 0 || (c == 0 && PyList_Append(params, t) < 0)) {
                Py_DECREF(params);
                return NULL;
            }
            continue;
        }
        PyObject *subparams;
        if (PyObject_GetOptionalAttr(t, _Py_ID(__parameters__), &subparams) < 0) {
            Py_DECREF(params);
            return NULL;
        }
        if (subparams && PyTuple_Check(subparams)) {
            for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(subparams); j++) {
                PyObject *p = PyTuple_GET_ITEM(subparams, j);
                int c = PySequence_Contains(params, p);
                if (c < 0 || (c == 0 && PyList_Append(params, p) < 0)) {
                    Py_DECREF(subparams);
                    Py_DECREF(params);
                    return NULL;
                }
            }
        }
        Py_XDECREF(subparams);
    }
    PyObject *res = PyList_AsTuple(params);
    Py_DECREF(params);
    return res;
}

static const char *const attr_exceptions[] = {
    "__class__", "__bases__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
    "__copy__", "__deepcopy__", NULL,
};

static PyObject *
ga_getattro(PyObject *self, PyObject *name)
{
    gaobject *alias = (gaobject *)self;
    if (PyUnicode_Check(name)) {
        const char *const *p;
        for (p = attr_exceptions; *p != NULL; p++) {
            if (PyUnicode_EqualToUTF8(name, *p)) {
                break;
            }
        }
        if (*p == NULL) {
            return PyObject_GetAttr(alias->origin, name);
        }
    }
    return PyObject_GenericGetAttr(self, name);
}

static PyObject *
ga_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyObject_TypeCheck(a, &Py_GenericAliasType) ||
        !PyObject_TypeCheck(b, &Py_GenericAliasType) || (op != Py_EQ && op != Py_NE)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    gaobject *aa = (gaobject *)a, *bb = (gaobject *)b;
    if (aa->starred != bb->starred) {
        return PyBool_FromLong(op == Py_NE);
    }
    int eq = PyObject_RichCompareBool(aa->origin, bb->origin, Py_EQ);
    if (eq < 0) {
        return NULL;
    }
    if (!eq) {
        return PyBool_FromLong(op == Py_NE);
    }
    return PyObject_RichCompare(aa->args, bb->args, op);
}

static Py_hash_t
ga_hash(PyObject *self)
{
    gaobject *alias = (gaobject *)self;
    Py_hash_t h0 = PyObject_Hash(alias->origin);
    if (h0 == -1) {
        return -1;
    }
    Py_hash_t h1 = PyObject_Hash(alias->args);
    if (h1 == -1) {
        return -1;
    }
    Py_hash_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static PyObject *
ga_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    gaobject *alias = (gaobject *)self;
    PyObject *obj = PyObject_Call(alias->origin, args, kwds);
    if (obj != NULL) {
        if (PyObject_SetAttr(obj, _Py_ID(__orig_class__), self) < 0) {
            if (!PyErr_ExceptionMatches(PyExc_AttributeError) &&
                !PyErr_ExceptionMatches(PyExc_TypeError)) {
                Py_DECREF(obj);
                return NULL;
            }
            PyErr_Clear();
        }
    }
    return obj;
}

static PyObject *
ga_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    gaobject *alias = (gaobject *)self;
    PyObject *obj = PyObject_Vectorcall(alias->origin, args, nargsf, kwnames);
    if (obj != NULL) {
        if (PyObject_SetAttr(obj, _Py_ID(__orig_class__), self) < 0) {
            if (!PyErr_ExceptionMatches(PyExc_AttributeError) &&
                !PyErr_ExceptionMatches(PyExc_TypeError)) {
                Py_DECREF(obj);
                return NULL;
            }
            PyErr_Clear();
        }
    }
    return obj;
}

static PyObject *
ga_mro_entries(PyObject *self, PyObject *args)
{
    return PyTuple_Pack(1, ((gaobject *)self)->origin);
}

static PyObject *
ga_instancecheck(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyErr_SetString(PyExc_TypeError, "isinstance() argument 2 cannot be a parameterized "
                    "generic");
    return NULL;
}

static PyObject *
ga_subclasscheck(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyErr_SetString(PyExc_TypeError, "issubclass() argument 2 cannot be a parameterized "
                    "generic");
    return NULL;
}

static PyObject *
ga_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    gaobject *alias = (gaobject *)self;
    return Py_BuildValue("O(OO)", Py_TYPE(alias), alias->origin, alias->args);
}

static PyObject *
ga_dir(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    gaobject *alias = (gaobject *)self;
    PyObject *dir = PyObject_Dir(alias->origin);
    if (dir == NULL) {
        return NULL;
    }
    for (const char *const *p = attr_exceptions; *p != NULL; p++) {
        PyObject *name = PyUnicode_FromString(*p);
        if (name == NULL) {
            Py_DECREF(dir);
            return NULL;
        }
        int c = PySequence_Contains(dir, name);
        if (c < 0 || (c == 0 && PyList_Append(dir, name) < 0)) {
            Py_DECREF(name);
            Py_DECREF(dir);
            return NULL;
        }
        Py_DECREF(name);
    }
    return dir;
}

/* iter(list[int]) yields *list[int] once: the starred form used by `*tuple[int, ...]`. */
static PyObject *
ga_iter(PyObject *self)
{
    gaobject *alias = (gaobject *)self;
    PyObject *starred = Py_GenericAlias(alias->origin, alias->args);
    if (starred == NULL) {
        return NULL;
    }
    ((gaobject *)starred)->starred = 1;
    PyObject *tuple = PyTuple_Pack(1, starred);
    Py_DECREF(starred);
    if (tuple == NULL) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(tuple);
    Py_DECREF(tuple);
    return it;
}

static PyObject *
ga_unpacked_tuple_args(PyObject *self, void *unused)
{
    gaobject *alias = (gaobject *)self;
    if (alias->starred && alias->origin == (PyObject *)&PyTuple_Type) {
        return Py_NewRef(alias->args);
    }
    Py_RETURN_NONE;
}

static PyMethodDef ga_methods[] = {
    {"__mro_entries__", ga_mro_entries, METH_O, NULL},
    {"__instancecheck__", ga_instancecheck, METH_O, NULL},
    {"__subclasscheck__", ga_subclasscheck, METH_O, NULL},
    {"__reduce__", ga_reduce, METH_NOARGS, NULL},
    {"__dir__", ga_dir, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef ga_members[] = {
    {"__origin__", _Py_T_OBJECT, offsetof(gaobject, origin), Py_READONLY, NULL},
    {"__args__", _Py_T_OBJECT, offsetof(gaobject, args), Py_READONLY, NULL},
    {"__unpacked__", Py_T_BOOL, offsetof(gaobject, starred), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *
ga_parameters(PyObject *self, void *unused)
{
    gaobject *alias = (gaobject *)self;
    if (alias->parameters == NULL) {
        alias->parameters = make_parameters(alias->args);
        if (alias->parameters == NULL) {
            return NULL;
        }
    }
    return Py_NewRef(alias->parameters);
}

static PyGetSetDef ga_properties[] = {
    {"__parameters__", ga_parameters, NULL, NULL, NULL},
    {"__typing_unpacked_tuple_args__", ga_unpacked_tuple_args, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static int
setup_ga(gaobject *alias, PyObject *origin, PyObject *args)
{
    if (!PyTuple_Check(args)) {
        args = PyTuple_Pack(1, args);
        if (args == NULL) {
            return 0;
        }
    }
    else {
        Py_INCREF(args);
    }
    alias->origin = Py_NewRef(origin);
    alias->args = args;
    alias->parameters = NULL;
    alias->weakreflist = NULL;
    alias->starred = 0;
    alias->vectorcall = PyVectorcall_Function(origin) != NULL ? ga_vectorcall : NULL;
    return 1;
}

static PyObject *
ga_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "GenericAlias() takes no keyword arguments");
        return NULL;
    }
    if (PyTuple_GET_SIZE(args) != 2) {
        PyErr_Format(PyExc_TypeError, "GenericAlias expected 2 arguments, got %zd",
                     PyTuple_GET_SIZE(args));
        return NULL;
    }
    gaobject *self = (gaobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    if (!setup_ga(self, PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1))) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static PyObject *
ga_or(PyObject *self, PyObject *other)
{
    return _Py_union_type_or(self, other);
}

static PyNumberMethods ga_as_number = {
    .nb_or = ga_or,
};

/* arg with the substitution params[j] -> items[j] applied inside it: an argument that is not a
 * class but has type variables of its own (__parameters__, e.g. list[U]) is subscripted with
 * their replacements, in its own parameter order; anything else is returned as is.
 * Return a new reference. */
static PyObject *
substitute_nested(PyObject *arg, PyObject *params, PyObject *items)
{
    if (PyType_Check(arg)) {
        return Py_NewRef(arg);
    }
    PyObject *subparams;
    if (PyObject_GetOptionalAttr(arg, _Py_ID(__parameters__), &subparams) < 0) {
        return NULL;
    }
    if (subparams == NULL || !PyTuple_Check(subparams) || PyTuple_GET_SIZE(subparams) == 0) {
        Py_XDECREF(subparams);
        return Py_NewRef(arg);
    }
    Py_ssize_t n = PyTuple_GET_SIZE(subparams);
    PyObject *subargs = PyTuple_New(n);
    if (subargs == NULL) {
        Py_DECREF(subparams);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *p = PyTuple_GET_ITEM(subparams, k);
        PyObject *value = p;   /* a parameter not substituted here stays itself */
        for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(params); j++) {
            if (PyTuple_GET_ITEM(params, j) == p) {
                value = PyTuple_GET_ITEM(items, j);
                break;
            }
        }
        PyTuple_SET_ITEM(subargs, k, Py_NewRef(value));
    }
    Py_DECREF(subparams);
    PyObject *res = PyObject_GetItem(arg, subargs);
    Py_DECREF(subargs);
    return res;
}

static PyObject *
ga_getitem(PyObject *self, PyObject *item)
{
    gaobject *alias = (gaobject *)self;
    PyObject *params = ga_parameters(self, NULL);
    if (params == NULL) {
        return NULL;
    }
    Py_ssize_t nparams = PyTuple_GET_SIZE(params);
    if (nparams == 0) {
        Py_DECREF(params);
        PyObject *r = PyObject_Repr(self);
        if (r) {
            PyErr_Format(PyExc_TypeError, "%U is not a generic class", r);
            Py_DECREF(r);
        }
        return NULL;
    }
    PyObject *argitems = PyTuple_Check(item) ? Py_NewRef(item) : PyTuple_Pack(1, item);
    if (argitems == NULL) {
        Py_DECREF(params);
        return NULL;
    }
    Py_ssize_t nitems = PyTuple_GET_SIZE(argitems);
    if (nitems != nparams) {
        PyObject *r = PyObject_Repr(self);
        if (r) {
            PyErr_Format(PyExc_TypeError, "Too %s arguments for %U; actual %zd, expected %zd",
                         nitems > nparams ? "many" : "few", r, nitems, nparams);
            Py_DECREF(r);
        }
        Py_DECREF(argitems);
        Py_DECREF(params);
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(alias->args);
    PyObject *newargs = PyTuple_New(nargs);
    if (newargs == NULL) {
        Py_DECREF(argitems);
        Py_DECREF(params);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *arg = PyTuple_GET_ITEM(alias->args, i);
        PyObject *replacement = NULL;
        for (Py_ssize_t j = 0; j < nparams; j++) {
            if (PyTuple_GET_ITEM(params, j) == arg) {
                replacement = Py_NewRef(PyTuple_GET_ITEM(argitems, j));
                break;
            }
        }
        if (replacement == NULL) {
            replacement = substitute_nested(arg, params, argitems);
            if (replacement == NULL) {
                Py_DECREF(newargs);
                Py_DECREF(argitems);
                Py_DECREF(params);
                return NULL;
            }
        }
        PyTuple_SET_ITEM(newargs, i, replacement);
    }
    Py_DECREF(argitems);
    Py_DECREF(params);
    PyObject *res = Py_GenericAlias(alias->origin, newargs);
    Py_DECREF(newargs);
    return res;
}

static PyMappingMethods ga_as_mapping = {
    .mp_subscript = ga_getitem,
};

PyTypeObject Py_GenericAliasType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.GenericAlias",
    .tp_doc = "GenericAlias(origin, args, /)\n--\n\n"
              "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is "
              "list and t.__args__ is (int,).",
    .tp_basicsize = sizeof(gaobject),
    .tp_dealloc = ga_dealloc,
    .tp_repr = ga_repr,
    .tp_as_number = &ga_as_number,
    .tp_as_mapping = &ga_as_mapping,
    .tp_hash = ga_hash,
    .tp_call = ga_call,
    .tp_getattro = ga_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = ga_traverse,
    .tp_richcompare = ga_richcompare,
    .tp_weaklistoffset = offsetof(gaobject, weakreflist),
    .tp_iter = ga_iter,
    .tp_methods = ga_methods,
    .tp_members = ga_members,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = ga_new,
    .tp_free = PyObject_GC_Del,
    .tp_getset = ga_properties,
    .tp_vectorcall_offset = offsetof(gaobject, vectorcall),
};
_Py_REGISTER_STATIC_TYPE(Py_GenericAliasType);

PyObject *
Py_GenericAlias(PyObject *origin, PyObject *args)
{
    gaobject *alias = (gaobject *)PyType_GenericAlloc(&Py_GenericAliasType, 0);
    if (alias == NULL) {
        return NULL;
    }
    if (!setup_ga(alias, origin, args)) {
        Py_DECREF(alias);
        return NULL;
    }
    return (PyObject *)alias;
}
