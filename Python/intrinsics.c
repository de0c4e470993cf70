/* CALL_INTRINSIC_1 / CALL_INTRINSIC_2: operations too rare or too large for an opcode of
 * their own.  Each takes borrowed arguments and returns a new reference (NULL with an
 * exception set). */

#include "Python.h"
#include "pycore_ceval.h"
#include "pycore_exceptions.h"
#include "pycore_frame.h"
#include "pycore_function.h"
#include "pycore_genobject.h"
#include "pycore_opcode.h"
#include "pycore_pystate.h"

#include <stddef.h>

/* ---- unary ------------------------------------------------------------------------------- */

static PyObject *
no_intrinsic1(PyThreadState *tstate, PyObject *unused)
{
    PyErr_SetString(PyExc_SystemError, "invalid intrinsic function");
    return NULL;
}

/* Interactive mode: sys.displayhook(value). */
static PyObject *
print_expr(PyThreadState *tstate, PyObject *value)
{
    PyObject *hook = PySys_GetObject("displayhook");
    if (hook == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_RuntimeError, "lost sys.displayhook");
        }
        return NULL;
    }
    Py_INCREF(hook);
    PyObject *res = PyObject_CallOneArg(hook, value);
    Py_DECREF(hook);
    return res;
}

/* from v import *: names from __all__, or the public names of __dict__. */
static int
import_all_from(PyThreadState *tstate, PyObject *locals, PyObject *v)
{
    PyObject *all, *dict, *name, *value;
    int skip_leading_underscores = 0;
    int pos, err;

    if (PyObject_GetOptionalAttr(v, _Py_ID(__all__), &all) < 0) {
        return -1; /* Unexpected error */
    }
    if (all == NULL) {
        if (PyObject_GetOptionalAttr(v, _Py_ID(__dict__), &dict) < 0) {
            return -1;
        }
        if (dict == NULL) {
            PyErr_SetString(PyExc_ImportError,
                            "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = PyMapping_Keys(dict);
        Py_DECREF(dict);
        if (all == NULL) {
            return -1;
        }
        skip_leading_underscores = 1;
    }

    for (pos = 0, err = 0;; pos++) {
        name = PySequence_GetItem(all, pos);
        if (name == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_IndexError)) {
                err = -1;
            }
            else {
                PyErr_Clear();
            }
            break;
        }
        if (!PyUnicode_Check(name)) {
            PyObject *modname = PyObject_GetAttr(v, _Py_ID(__name__));
            if (modname == NULL) {
                Py_DECREF(name);
                err = -1;
                break;
            }
            if (!PyUnicode_Check(modname)) {
                PyErr_Format(PyExc_TypeError, "module __name__ must be a string, not %.100s",
                             Py_TYPE(modname)->tp_name);
            }
            else {
                PyErr_Format(PyExc_TypeError, "%s in %U.%s must be str, not %.100s",
                             skip_leading_underscores ? "Key" : "Item", modname,
                             skip_leading_underscores ? "__dict__" : "__all__",
                             Py_TYPE(name)->tp_name);
            }
            Py_DECREF(modname);
            Py_DECREF(name);
            err = -1;
            break;
        }
        if (skip_leading_underscores) {
            if (PyUnicode_GetLength(name) > 0 && PyUnicode_ReadChar(name, 0) == '_') {
                Py_DECREF(name);
                continue;
            }
        }
        value = PyObject_GetAttr(v, name);
        if (value == NULL) {
            err = -1;
        }
        else if (PyDict_CheckExact(locals)) {
            err = PyDict_SetItem(locals, name, value);
        }
        else {
            err = PyObject_SetItem(locals, name, value);
        }
        Py_DECREF(name);
        Py_XDECREF(value);
        if (err < 0) {
            break;
        }
    }
    Py_DECREF(all);
    return err;
}

static PyObject *
import_star(PyThreadState *tstate, PyObject *from)
{
    _PyInterpreterFrame *frame = tstate->current_frame;
    PyObject *locals = frame == NULL ? NULL : frame->f_locals;
    if (locals == NULL) {
        PyErr_SetString(PyExc_SystemError, "no locals found during 'import *'");
        return NULL;
    }
    int err = import_all_from(tstate, locals, from);
    if (err < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* PEP 479: a StopIteration escaping a generator becomes RuntimeError. */
static PyObject *
stopiteration_error(PyThreadState *tstate, PyObject *exc)
{
    _PyInterpreterFrame *frame = tstate->current_frame;
    int flags = frame == NULL ? 0 : _PyFrame_GetCode(frame)->co_flags;
    const char *msg = NULL;
    if (PyErr_GivenExceptionMatches(exc, PyExc_StopIteration)) {
        msg = "generator raised StopIteration";
        if (flags & CO_ASYNC_GENERATOR) {
            msg = "async generator raised StopIteration";
        }
        else if (flags & CO_COROUTINE) {
            msg = "coroutine raised StopIteration";
        }
    }
    else if ((flags & CO_ASYNC_GENERATOR) &&
             PyErr_GivenExceptionMatches(exc, PyExc_StopAsyncIteration)) {
        /* code in `gen` raised a StopAsyncIteration error: raise a RuntimeError. */
        msg = "async generator raised StopAsyncIteration";
    }
    if (msg == NULL) {
        return Py_NewRef(exc);
    }
    PyObject *message = PyUnicode_FromString(msg);
    if (message == NULL) {
        return NULL;
    }
    PyObject *error = PyObject_CallOneArg(PyExc_RuntimeError, message);
    Py_DECREF(message);
    if (error == NULL) {
        return NULL;
    }
    PyException_SetCause(error, Py_NewRef(exc));
    /* Steals reference to exc */
    PyException_SetContext(error, Py_NewRef(exc));
    return error;
}

static PyObject *
async_gen_wrap(PyThreadState *tstate, PyObject *value)
{
    return _PyAsyncGenValueWrapperNew(tstate, value);
}

static PyObject *
unary_pos(PyThreadState *tstate, PyObject *value)
{
    return PyNumber_Positive(value);
}

static PyObject *
list_to_tuple(PyThreadState *tstate, PyObject *v)
{
    return PyList_AsTuple(v);
}

/* ---- PEP 695 type parameters ------------------------------------------------------------
 * Small stand-ins for typing.TypeVar, ParamSpec, TypeVarTuple and TypeAliasType, enough for
 * `def f[T: int](x: T)`, `class C[T]` and `type A[T] = ...`: names, lazily evaluated bounds,
 * constraints, defaults and alias values, reprs as in CPython.  The full typing behaviour
 * (substitution, __typing_subst__, ...) belongs to a typing module Braid does not have yet.
 * Objects are immutable once their lazy values are computed; computing twice under a race
 * in the free-threaded build is harmless (same result, one reference kept). */

enum { TYPEPARAM_TYPEVAR, TYPEPARAM_PARAMSPEC, TYPEPARAM_TYPEVARTUPLE };

typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *bound;                /* evaluated bound, or NULL */
    PyObject *evaluate_bound;       /* callable computing it, or NULL */
    PyObject *constraints;          /* evaluated tuple, or NULL */
    PyObject *evaluate_constraints;
    PyObject *default_value;
    PyObject *evaluate_default;
    PyObject *module;
} typeparamobject;

static PyTypeObject _PyTypeVar_Type;
static PyTypeObject _PyParamSpec_Type;
static PyTypeObject _PyTypeVarTuple_Type;

/* Return a new reference to a lazily evaluated field. */
static PyObject *
typeparam_lazy(PyObject **value, PyObject **evaluate, PyObject *missing)
{
    if (*value == NULL && *evaluate != NULL) {
        PyObject *v = PyObject_CallNoArgs(*evaluate);
        if (v == NULL) {
            return NULL;
        }
        if (*value == NULL) {
            *value = v;
        }
        else {
            Py_DECREF(v);
        }
    }
    return Py_NewRef(*value != NULL ? *value : missing);
}

static PyObject *
typeparam_get_bound(PyObject *self, void *closure)
{
    typeparamobject *tp = (typeparamobject *)self;
    return typeparam_lazy(&tp->bound, &tp->evaluate_bound, Py_None);
}

static PyObject *
typeparam_get_constraints(PyObject *self, void *closure)
{
    typeparamobject *tp = (typeparamobject *)self;
    if (tp->constraints == NULL && tp->evaluate_constraints == NULL) {
        return PyTuple_New(0);
    }
    return typeparam_lazy(&tp->constraints, &tp->evaluate_constraints, Py_None);
}

static PyObject *
typeparam_get_default(PyObject *self, void *closure)
{
    typeparamobject *tp = (typeparamobject *)self;
    return typeparam_lazy(&tp->default_value, &tp->evaluate_default, Py_None);
}

static PyObject *
typeparam_get_false(PyObject *self, void *closure)
{
    Py_RETURN_FALSE;
}

static PyObject *
typeparam_get_true(PyObject *self, void *closure)
{
    Py_RETURN_TRUE;
}

static PyObject *
typeparam_has_default(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    typeparamobject *tp = (typeparamobject *)self;
    return Py_NewRef((tp->default_value != NULL || tp->evaluate_default != NULL) ? Py_True
                                                                               : Py_False);
}

static PyObject *
typeparam_repr(PyObject *self)
{
    /* PEP 695 parameters infer their variance: the repr is the bare name. */
    return Py_NewRef(((typeparamobject *)self)->name);
}

static PyObject *
typeparam_or(PyObject *left, PyObject *right)
{
    return _Py_union_type_or(left, right);
}

static PyObject *
typeparam_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(((typeparamobject *)self)->name);
}

static void
typeparam_dealloc(PyObject *self)
{
    typeparamobject *tp = (typeparamobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(tp->name);
    Py_XDECREF(tp->bound);
    Py_XDECREF(tp->evaluate_bound);
    Py_XDECREF(tp->constraints);
    Py_XDECREF(tp->evaluate_constraints);
    Py_XDECREF(tp->default_value);
    Py_XDECREF(tp->evaluate_default);
    Py_XDECREF(tp->module);
    PyObject_GC_Del(self);
}

static int
typeparam_traverse(PyObject *self, visitproc visit, void *arg)
{
    typeparamobject *tp = (typeparamobject *)self;
    Py_VISIT(tp->bound);
    Py_VISIT(tp->evaluate_bound);
    Py_VISIT(tp->constraints);
    Py_VISIT(tp->evaluate_constraints);
    Py_VISIT(tp->default_value);
    Py_VISIT(tp->evaluate_default);
    Py_VISIT(tp->module);
    return 0;
}

static PyMemberDef typeparam_members[] = {
    {"__name__", _Py_T_OBJECT, offsetof(typeparamobject, name), Py_READONLY, NULL},
    {"__module__", _Py_T_OBJECT, offsetof(typeparamobject, module), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef typevar_getset[] = {
    {"__bound__", typeparam_get_bound, NULL, NULL, NULL},
    {"__constraints__", typeparam_get_constraints, NULL, NULL, NULL},
    {"__default__", typeparam_get_default, NULL, NULL, NULL},
    {"__covariant__", typeparam_get_false, NULL, NULL, NULL},
    {"__contravariant__", typeparam_get_false, NULL, NULL, NULL},
    {"__infer_variance__", typeparam_get_true, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef typeparam_methods[] = {
    {"has_default", typeparam_has_default, METH_NOARGS, NULL},
    {"__reduce__", typeparam_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods typeparam_as_number = {
    .nb_or = typeparam_or,
};

#define TYPEPARAM_TYPE(cname, pyname)                                                         \
    static PyTypeObject cname = {                                                             \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                                \
        .tp_name = pyname,                                                                    \
        .tp_basicsize = sizeof(typeparamobject),                                              \
        .tp_dealloc = typeparam_dealloc,                                                      \
        .tp_repr = typeparam_repr,                                                            \
        .tp_as_number = &typeparam_as_number,                                                 \
        .tp_getattro = PyObject_GenericGetAttr,                                               \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,                                  \
        .tp_traverse = typeparam_traverse,                                                    \
        .tp_methods = typeparam_methods,                                                      \
        .tp_members = typeparam_members,                                                      \
        .tp_getset = typevar_getset,                                                          \
    };                                                                                        \
    _Py_REGISTER_STATIC_TYPE(cname)

TYPEPARAM_TYPE(_PyTypeVar_Type, "typing.TypeVar");
TYPEPARAM_TYPE(_PyParamSpec_Type, "typing.ParamSpec");
TYPEPARAM_TYPE(_PyTypeVarTuple_Type, "typing.TypeVarTuple");

/* Return a new type parameter; evaluate_bound/evaluate_constraints are borrowed or NULL. */
static PyObject *
make_typeparam(PyThreadState *tstate, PyTypeObject *type, PyObject *name,
               PyObject *evaluate_bound, PyObject *evaluate_constraints)
{
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "type parameter name must be a string");
        return NULL;
    }
    typeparamobject *tp = PyObject_GC_New(typeparamobject, type);
    if (tp == NULL) {
        return NULL;
    }
    tp->name = Py_NewRef(name);
    tp->bound = NULL;
    tp->evaluate_bound = Py_XNewRef(evaluate_bound);
    tp->constraints = NULL;
    tp->evaluate_constraints = Py_XNewRef(evaluate_constraints);
    tp->default_value = NULL;
    tp->evaluate_default = NULL;
    tp->module = NULL;
    _PyInterpreterFrame *frame = tstate->current_frame;
    if (frame != NULL) {
        if (PyDict_GetItemRef(frame->f_globals, _Py_ID(__name__), &tp->module) < 0) {
            PyErr_Clear();
        }
    }
    PyObject_GC_Track(tp);
    return (PyObject *)tp;
}

static PyObject *
make_typevar(PyThreadState *tstate, PyObject *name)
{
    return make_typeparam(tstate, &_PyTypeVar_Type, name, NULL, NULL);
}

static PyObject *
make_paramspec(PyThreadState *tstate, PyObject *name)
{
    return make_typeparam(tstate, &_PyParamSpec_Type, name, NULL, NULL);
}

static PyObject *
make_typevartuple(PyThreadState *tstate, PyObject *name)
{
    return make_typeparam(tstate, &_PyTypeVarTuple_Type, name, NULL, NULL);
}

/* Stand-in base class for `class C[T]` while Braid has no typing module: subscripting
 * it (or a subclass) gives a types.GenericAlias, whose __mro_entries__ makes it a base. */
static PyObject *
generic_class_getitem(PyObject *cls, PyObject *params)
{
    return Py_GenericAlias(cls, params);
}

static PyMethodDef generic_methods[] = {
    {"__class_getitem__", generic_class_getitem, METH_O | METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject _PyGeneric_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "typing.Generic",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Abstract base class for generic types.",
    .tp_methods = generic_methods,
    .tp_new = PyType_GenericNew,
};
_Py_REGISTER_STATIC_TYPE(_PyGeneric_Type);

/* Generic[*params] for `class C[T]`: typing.Generic when the typing module exists. */
static PyObject *
subscript_generic(PyThreadState *tstate, PyObject *params)
{
    PyObject *typing = PyImport_ImportModule("typing");
    if (typing == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_ImportError)) {
            return NULL;
        }
        PyErr_Clear();
        return Py_GenericAlias((PyObject *)&_PyGeneric_Type, params);
    }
    PyObject *generic = PyObject_GetAttrString(typing, "Generic");
    Py_DECREF(typing);
    if (generic == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_GetItem(generic, params);
    Py_DECREF(generic);
    return res;
}

/* type X[params] = value */
typedef struct {
    PyObject_HEAD
    PyObject *name;
    PyObject *type_params;      /* tuple or NULL */
    PyObject *compute_value;    /* callable */
    PyObject *value;            /* cached, or NULL */
    PyObject *module;
} typealiasobject;

static PyObject *
typealias_get_value(PyObject *self, void *closure)
{
    typealiasobject *ta = (typealiasobject *)self;
    return typeparam_lazy(&ta->value, &ta->compute_value, Py_None);
}

static PyObject *
typealias_get_type_params(PyObject *self, void *closure)
{
    typealiasobject *ta = (typealiasobject *)self;
    if (ta->type_params == NULL) {
        return PyTuple_New(0);
    }
    return Py_NewRef(ta->type_params);
}

/* __parameters__: the type parameters, each TypeVarTuple Ts as typing.Unpack[Ts] (as in a
 * generic alias).  Return a new reference. */
static PyObject *
typealias_get_parameters(PyObject *self, void *closure)
{
    typealiasobject *ta = (typealiasobject *)self;
    if (ta->type_params == NULL) {
        return PyTuple_New(0);
    }
    Py_ssize_t n = PyTuple_GET_SIZE(ta->type_params);
    PyObject *params = PyTuple_New(n);
    if (params == NULL) {
        return NULL;
    }
    PyObject *unpack = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *param = PyTuple_GET_ITEM(ta->type_params, i);
        PyObject *item;
        if (Py_IS_TYPE(param, &_PyTypeVarTuple_Type)) {
            if (unpack == NULL) {
                PyObject *typing = PyImport_ImportModule("typing");
                if (typing == NULL) {
                    goto error;
                }
                unpack = PyObject_GetAttrString(typing, "Unpack");
                Py_DECREF(typing);
                if (unpack == NULL) {
                    goto error;
                }
            }
            item = PyObject_GetItem(unpack, param);
            if (item == NULL) {
                goto error;
            }
        }
        else {
            item = Py_NewRef(param);
        }
        PyTuple_SET_ITEM(params, i, item);
    }
    Py_XDECREF(unpack);
    return params;
error:
    Py_XDECREF(unpack);
    Py_DECREF(params);
    return NULL;
}

/* alias[args]: a types.GenericAlias with the alias as origin; only generic aliases (with type
 * parameters) can be subscripted.  Return a new reference. */
static PyObject *
typealias_subscript(PyObject *self, PyObject *args)
{
    typealiasobject *ta = (typealiasobject *)self;
    if (ta->type_params == NULL || PyTuple_GET_SIZE(ta->type_params) == 0) {
        PyErr_SetString(PyExc_TypeError, "Only generic type aliases are subscriptable");
        return NULL;
    }
    return Py_GenericAlias(self, args);
}

static PyMappingMethods typealias_as_mapping = {
    .mp_subscript = typealias_subscript,
};

static PyObject *
typealias_repr(PyObject *self)
{
    return Py_NewRef(((typealiasobject *)self)->name);
}

/* Pickled by reference: the alias is found again by its name in its module. */
static PyObject *
typealias_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(((typealiasobject *)self)->name);
}

static PyMethodDef typealias_methods[] = {
    {"__reduce__", typealias_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyObject *typealias_new(PyTypeObject *type, PyObject *args, PyObject *kwds);

static void
typealias_dealloc(PyObject *self)
{
    typealiasobject *ta = (typealiasobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(ta->name);
    Py_XDECREF(ta->type_params);
    Py_XDECREF(ta->compute_value);
    Py_XDECREF(ta->value);
    Py_XDECREF(ta->module);
    PyObject_GC_Del(self);
}

static int
typealias_traverse(PyObject *self, visitproc visit, void *arg)
{
    typealiasobject *ta = (typealiasobject *)self;
    Py_VISIT(ta->type_params);
    Py_VISIT(ta->compute_value);
    Py_VISIT(ta->value);
    Py_VISIT(ta->module);
    return 0;
}

static PyMemberDef typealias_members[] = {
    {"__name__", _Py_T_OBJECT, offsetof(typealiasobject, name), Py_READONLY, NULL},
    {"__module__", _Py_T_OBJECT, offsetof(typealiasobject, module), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef typealias_getset[] = {
    {"__value__", typealias_get_value, NULL, NULL, NULL},
    {"__type_params__", typealias_get_type_params, NULL, NULL, NULL},
    {"__parameters__", typealias_get_parameters, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject _PyTypeAlias_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "typing.TypeAliasType",
    .tp_basicsize = sizeof(typealiasobject),
    .tp_dealloc = typealias_dealloc,
    .tp_repr = typealias_repr,
    .tp_as_number = &typeparam_as_number,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = typealias_traverse,
    .tp_as_mapping = &typealias_as_mapping,
    .tp_methods = typealias_methods,
    .tp_members = typealias_members,
    .tp_getset = typealias_getset,
    .tp_new = typealias_new,
};
_Py_REGISTER_STATIC_TYPE(_PyTypeAlias_Type);

/* typing.TypeAliasType(name, value, *, type_params=()): an alias built at run time, with an
 * already evaluated value and the caller's module.  Return a new reference. */
static PyObject *
typealias_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "value", "type_params", NULL};
    PyObject *name, *value, *type_params = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|$O:typealias", kwlist, &name, &value,
                                     &type_params)) {
        return NULL;
    }
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "typealias() argument 'name' must be str, not %.200s",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    if (type_params != NULL && !PyTuple_Check(type_params)) {
        PyErr_SetString(PyExc_TypeError, "type_params must be a tuple");
        return NULL;
    }
    typealiasobject *ta = PyObject_GC_New(typealiasobject, type);
    if (ta == NULL) {
        return NULL;
    }
    ta->name = Py_NewRef(name);
    ta->type_params = type_params != NULL && PyTuple_GET_SIZE(type_params) > 0
                          ? Py_NewRef(type_params) : NULL;
    ta->compute_value = NULL;
    ta->value = Py_NewRef(value);
    ta->module = NULL;
    PyObject *globals = PyEval_GetGlobals();   /* borrowed */
    if (globals != NULL && PyDict_GetItemRef(globals, _Py_ID(__name__), &ta->module) < 0) {
        PyErr_Clear();
    }
    PyObject_GC_Track(ta);
    return (PyObject *)ta;
}

/* args: (name, type_params or None, compute_value) */
static PyObject *
make_typealias(PyThreadState *tstate, PyObject *args)
{
    if (!PyTuple_Check(args) || PyTuple_GET_SIZE(args) != 3) {
        PyErr_SetString(PyExc_SystemError, "bad TYPEALIAS argument");
        return NULL;
    }
    typealiasobject *ta = PyObject_GC_New(typealiasobject, &_PyTypeAlias_Type);
    if (ta == NULL) {
        return NULL;
    }
    PyObject *type_params = PyTuple_GET_ITEM(args, 1);
    ta->name = Py_NewRef(PyTuple_GET_ITEM(args, 0));
    ta->type_params = type_params == Py_None ? NULL : Py_NewRef(type_params);
    ta->compute_value = Py_NewRef(PyTuple_GET_ITEM(args, 2));
    ta->value = NULL;
    ta->module = NULL;
    _PyInterpreterFrame *frame = tstate->current_frame;
    if (frame != NULL && PyDict_GetItemRef(frame->f_globals, _Py_ID(__name__), &ta->module) < 0) {
        PyErr_Clear();
    }
    PyObject_GC_Track(ta);
    return (PyObject *)ta;
}

const _PyIntrinsic1Func _PyIntrinsics_UnaryFunctions[] = {
    [INTRINSIC_1_INVALID] = no_intrinsic1,
    [INTRINSIC_PRINT] = print_expr,
    [INTRINSIC_IMPORT_STAR] = import_star,
    [INTRINSIC_STOPITERATION_ERROR] = stopiteration_error,
    [INTRINSIC_ASYNC_GEN_WRAP] = async_gen_wrap,
    [INTRINSIC_UNARY_POSITIVE] = unary_pos,
    [INTRINSIC_LIST_TO_TUPLE] = list_to_tuple,
    [INTRINSIC_TYPEVAR] = make_typevar,
    [INTRINSIC_PARAMSPEC] = make_paramspec,
    [INTRINSIC_TYPEVARTUPLE] = make_typevartuple,
    [INTRINSIC_SUBSCRIPT_GENERIC] = subscript_generic,
    [INTRINSIC_TYPEALIAS] = make_typealias,
};

/* ---- binary -------------------------------------------------------------------------------- */

static PyObject *
no_intrinsic2(PyThreadState *tstate, PyObject *unused1, PyObject *unused2)
{
    PyErr_SetString(PyExc_SystemError, "invalid intrinsic function");
    return NULL;
}

static PyObject *
prep_reraise_star(PyThreadState *tstate, PyObject *orig, PyObject *excs)
{
    if (!PyList_Check(excs)) {
        PyErr_SetString(PyExc_SystemError, "expected a list of exceptions for except*");
        return NULL;
    }
    return _PyExc_PrepReraiseStar(orig, excs);
}

static PyObject *
make_typevar_with_bound(PyThreadState *tstate, PyObject *name, PyObject *evaluate_bound)
{
    return make_typeparam(tstate, &_PyTypeVar_Type, name, evaluate_bound, NULL);
}

static PyObject *
make_typevar_with_constraints(PyThreadState *tstate, PyObject *name,
                              PyObject *evaluate_constraints)
{
    return make_typeparam(tstate, &_PyTypeVar_Type, name, NULL, evaluate_constraints);
}

static PyObject *
set_typeparam_default(PyThreadState *tstate, PyObject *typeparam, PyObject *evaluate_default)
{
    if (!Py_IS_TYPE(typeparam, &_PyTypeVar_Type) && !Py_IS_TYPE(typeparam, &_PyParamSpec_Type) &&
        !Py_IS_TYPE(typeparam, &_PyTypeVarTuple_Type)) {
        PyErr_SetString(PyExc_SystemError, "bad SET_TYPEPARAM_DEFAULT argument");
        return NULL;
    }
    Py_XSETREF(((typeparamobject *)typeparam)->evaluate_default, Py_NewRef(evaluate_default));
    return Py_NewRef(typeparam);
}

static PyObject *
set_function_type_params(PyThreadState *tstate, PyObject *func, PyObject *type_params)
{
    if (!PyFunction_Check(func) || !PyTuple_Check(type_params)) {
        PyErr_SetString(PyExc_SystemError, "bad arguments to SET_FUNCTION_TYPE_PARAMS");
        return NULL;
    }
    Py_XSETREF(((PyFunctionObject *)func)->func_typeparams, Py_NewRef(type_params));
    return Py_NewRef(func);
}

const _PyIntrinsic2Func _PyIntrinsics_BinaryFunctions[] = {
    [INTRINSIC_2_INVALID] = no_intrinsic2,
    [INTRINSIC_PREP_RERAISE_STAR] = prep_reraise_star,
    [INTRINSIC_TYPEVAR_WITH_BOUND] = make_typevar_with_bound,
    [INTRINSIC_TYPEVAR_WITH_CONSTRAINTS] = make_typevar_with_constraints,
    [INTRINSIC_SET_FUNCTION_TYPE_PARAMS] = set_function_type_params,
    [INTRINSIC_SET_TYPEPARAM_DEFAULT] = set_typeparam_default,
};
