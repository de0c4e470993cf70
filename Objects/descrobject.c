/* Descriptors of C-level members: method_descriptor, classmethod_descriptor,
 * member_descriptor, getset_descriptor, wrapper_descriptor and method-wrapper; property; and
 * mappingproxy (the read-only view returned by type.__dict__). */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_pyerrors.h"
#include "pycore_pystate.h"
#include "pycore_call.h"
#include "pycore_typeobject.h"
#include "pycore_modsupport.h"

/* ---- common ---------------------------------------------------------------------------- */

static void
descr_dealloc(PyObject *self)
{
    PyDescrObject *descr = (PyDescrObject *)self;
    PyObject_GC_UnTrack(descr);
    Py_XDECREF(descr->d_type);
    Py_XDECREF(descr->d_name);
    Py_XDECREF(descr->d_qualname);
    PyObject_GC_Del(descr);
}

static int
descr_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((PyDescrObject *)self)->d_type);
    return 0;
}

static PyObject *
descr_name(PyDescrObject *descr)
{
    if (descr->d_name != NULL && PyUnicode_Check(descr->d_name)) {
        return descr->d_name;
    }
    return NULL;
}

static PyObject *
descr_repr(PyDescrObject *descr, const char *kind)
{
    PyObject *name = descr_name(descr);
    if (name == NULL) {
        name = _Py_ID(__name__);
    }
    return PyUnicode_FromFormat("<%s '%U' of '%s' objects>", kind, name,
                                descr->d_type->tp_name);
}

static PyObject *
method_repr(PyObject *self)
{
    return descr_repr((PyDescrObject *)self, "method");
}

static PyObject *
member_repr(PyObject *self)
{
    return descr_repr((PyDescrObject *)self, "member");
}

static PyObject *
getset_repr(PyObject *self)
{
    return descr_repr((PyDescrObject *)self, "attribute");
}

static PyObject *
wrapperdescr_repr(PyObject *self)
{
    return descr_repr((PyDescrObject *)self, "slot wrapper");
}

/* 0 if obj may be passed to descr (it is an instance of descr's type); 1 with *pres set
 * when obj is NULL (the descriptor itself is returned); -1 on error. */
static int
descr_check(PyDescrObject *descr, PyObject *obj)
{
    if (!PyObject_TypeCheck(obj, descr->d_type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%V' for '%.100s' objects doesn't apply to a '%.100s' object",
                     descr_name(descr), "?", descr->d_type->tp_name, Py_TYPE(obj)->tp_name);
        return -1;
    }
    return 0;
}

static PyObject *
descr_get_qualname(PyObject *self, void *closure)
{
    PyDescrObject *descr = (PyDescrObject *)self;
    if (descr->d_qualname == NULL) {
        PyObject *type_qualname = PyObject_GetAttr((PyObject *)descr->d_type,
                                                   _Py_ID(__qualname__));
        if (type_qualname == NULL) {
            return NULL;
        }
        descr->d_qualname = PyUnicode_FromFormat("%U.%U", type_qualname, descr->d_name);
        Py_DECREF(type_qualname);
        if (descr->d_qualname == NULL) {
            return NULL;
        }
    }
    return Py_NewRef(descr->d_qualname);
}

static PyObject *
descr_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyDescrObject *descr = (PyDescrObject *)self;
    PyObject *builtins = PyEval_GetBuiltins();
    PyObject *getattr = builtins ? PyDict_GetItemString(builtins, "getattr") : NULL;
    if (getattr == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_RuntimeError, "getattr not found");
        }
        return NULL;
    }
    return Py_BuildValue("O(OO)", getattr, descr->d_type, descr->d_name);
}

static PyMethodDef descr_methods[] = {
    {"__reduce__", descr_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef descr_members[] = {
    {"__objclass__", _Py_T_OBJECT, offsetof(PyDescrObject, d_type), Py_READONLY, NULL},
    {"__name__", _Py_T_OBJECT, offsetof(PyDescrObject, d_name), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyDescrObject *
descr_new(PyTypeObject *descrtype, PyTypeObject *type, const char *name)
{
    PyDescrObject *descr = (PyDescrObject *)PyType_GenericAlloc(descrtype, 0);
    if (descr == NULL) {
        return NULL;
    }
    descr->d_type = (PyTypeObject *)Py_XNewRef(type);
    descr->d_name = PyUnicode_InternFromString(name);
    if (descr->d_name == NULL) {
        Py_DECREF(descr);
        return NULL;
    }
    descr->d_qualname = NULL;
    return descr;
}

/* ---- method_descriptor ------------------------------------------------------------------ */

static PyObject *
method_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    if (obj == NULL) {
        return Py_NewRef(self);
    }
    if (descr_check((PyDescrObject *)descr, obj) < 0) {
        return NULL;
    }
    if (descr->d_method->ml_flags & METH_METHOD) {
        if (PyType_Check(type)) {
            return PyCMethod_New(descr->d_method, obj, NULL, descr->d_common.d_type);
        }
        PyErr_Format(PyExc_TypeError, "descriptor '%V' needs a type, not '%s', as arg 2",
                     descr_name((PyDescrObject *)descr), "?", Py_TYPE(type)->tp_name);
        return NULL;
    }
    return PyCFunction_NewEx(descr->d_method, obj, NULL);
}

/* Check the self argument of an unbound method-descriptor call. */
static int
method_check_args(PyObject *func, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1) {
        PyObject *funcstr = _PyObject_FunctionStr(func);
        if (funcstr != NULL) {
            PyErr_Format(PyExc_TypeError, "unbound method %U needs an argument", funcstr);
            Py_DECREF(funcstr);
        }
        return -1;
    }
    PyObject *self = args[0];
    PyDescrObject *descr = (PyDescrObject *)func;
    if (!PyObject_TypeCheck(self, descr->d_type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%V' for '%.100s' objects doesn't apply to a '%.100s' object",
                     descr_name(descr), "?", descr->d_type->tp_name, Py_TYPE(self)->tp_name);
        return -1;
    }
    return 0;
}

static int
method_no_kwnames(PyObject *func, PyObject *kwnames)
{
    if (kwnames && PyTuple_GET_SIZE(kwnames)) {
        PyObject *funcstr = _PyObject_FunctionStr(func);
        if (funcstr != NULL) {
            PyErr_Format(PyExc_TypeError, "%U takes no keyword arguments", funcstr);
            Py_DECREF(funcstr);
        }
        return -1;
    }
    return 0;
}

static inline int
enter_c_call(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (--tstate->c_recursion_remaining < 0) {
        tstate->c_recursion_remaining++;
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded while calling a Python object");
        return -1;
    }
    return 0;
}

static inline void
leave_c_call(void)
{
    _PyThreadState_GET()->c_recursion_remaining++;
}

static PyObject *
method_vectorcall(PyObject *func, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)func;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (method_check_args(func, args, nargs) < 0) {
        return NULL;
    }
    PyMethodDef *ml = descr->d_method;
    int flags = ml->ml_flags & (METH_VARARGS | METH_FASTCALL | METH_NOARGS | METH_O |
                                METH_KEYWORDS | METH_METHOD);
    PyObject *self = args[0];
    PyObject *result = NULL;
    if (flags != (METH_FASTCALL | METH_KEYWORDS) && flags != (METH_VARARGS | METH_KEYWORDS) &&
        flags != (METH_METHOD | METH_FASTCALL | METH_KEYWORDS) &&
        method_no_kwnames(func, kwnames) < 0) {
        return NULL;
    }
    if (enter_c_call() < 0) {
        return NULL;
    }
    switch (flags) {
    case METH_NOARGS:
        if (nargs != 1) {
            PyObject *funcstr = _PyObject_FunctionStr(func);
            if (funcstr != NULL) {
                PyErr_Format(PyExc_TypeError, "%U takes no arguments (%zd given)", funcstr,
                             nargs - 1);
                Py_DECREF(funcstr);
            }
            break;
        }
        result = ml->ml_meth(self, NULL);
        break;
    case METH_O:
        if (nargs != 2) {
            PyObject *funcstr = _PyObject_FunctionStr(func);
            if (funcstr != NULL) {
                PyErr_Format(PyExc_TypeError, "%U takes exactly one argument (%zd given)",
                             funcstr, nargs - 1);
                Py_DECREF(funcstr);
            }
            break;
        }
        result = ml->ml_meth(self, args[1]);
        break;
    case METH_FASTCALL:
        result = ((PyCFunctionFast)(void (*)(void))ml->ml_meth)(self, args + 1, nargs - 1);
        break;
    case METH_FASTCALL | METH_KEYWORDS:
        result = ((PyCFunctionFastWithKeywords)(void (*)(void))ml->ml_meth)(self, args + 1,
                                                                           nargs - 1, kwnames);
        break;
    case METH_METHOD | METH_FASTCALL | METH_KEYWORDS:
        result = ((PyCMethod)(void (*)(void))ml->ml_meth)(self, descr->d_common.d_type,
                                                          args + 1, (size_t)(nargs - 1),
                                                          kwnames);
        break;
    case METH_VARARGS:
    case METH_VARARGS | METH_KEYWORDS: {
        PyObject *argstuple = PyTuple_New(nargs - 1);
        if (argstuple == NULL) {
            break;
        }
        for (Py_ssize_t i = 1; i < nargs; i++) {
            PyTuple_SET_ITEM(argstuple, i - 1, Py_NewRef(args[i]));
        }
        PyObject *kwdict = NULL;
        if (kwnames != NULL && PyTuple_GET_SIZE(kwnames)) {
            kwdict = _PyStack_AsDict(args + nargs, kwnames);
            if (kwdict == NULL) {
                Py_DECREF(argstuple);
                break;
            }
        }
        if (flags & METH_KEYWORDS) {
            result = ((PyCFunctionWithKeywords)(void (*)(void))ml->ml_meth)(self, argstuple,
                                                                           kwdict);
        }
        else {
            result = ml->ml_meth(self, argstuple);
        }
        Py_DECREF(argstuple);
        Py_XDECREF(kwdict);
        break;
    }
    default:
        PyErr_SetString(PyExc_SystemError, "Bad call flags for method descriptor");
        break;
    }
    leave_c_call();
    return result;
}

static PyObject *
method_get_doc(PyObject *self, void *closure)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    return _PyType_GetDocFromInternalDoc(descr->d_method->ml_name, descr->d_method->ml_doc);
}

static PyObject *
method_get_text_signature(PyObject *self, void *closure)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    return _PyType_GetTextSignatureFromInternalDoc(descr->d_method->ml_name,
                                                   descr->d_method->ml_doc);
}

static PyGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__text_signature__", method_get_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyMethodDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(PyMethodDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_vectorcall_offset = offsetof(PyMethodDescrObject, vectorcall),
    .tp_repr = method_repr,
    .tp_call = PyVectorcall_Call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL |
                Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = method_getset,
    .tp_descr_get = method_get,
};
_Py_REGISTER_STATIC_TYPE(PyMethodDescr_Type);

PyObject *
PyDescr_NewMethod(PyTypeObject *type, PyMethodDef *method)
{
    PyMethodDescrObject *descr =
        (PyMethodDescrObject *)descr_new(&PyMethodDescr_Type, type, method->ml_name);
    if (descr != NULL) {
        descr->d_method = method;
        descr->vectorcall = method_vectorcall;
        _PyObject_SetDeferredRefcount((PyObject *)descr);   /* shared by every caller */
    }
    return (PyObject *)descr;
}

/* ---- classmethod_descriptor ------------------------------------------------------------- */

static PyObject *
classmethod_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    if (type == NULL) {
        if (obj != NULL) {
            type = (PyObject *)Py_TYPE(obj);
        }
        else {
            PyErr_Format(PyExc_TypeError, "descriptor '%V' for type '%.100s' needs either an "
                         "object or a type",
                         descr_name((PyDescrObject *)descr), "?",
                         descr->d_common.d_type->tp_name);
            return NULL;
        }
    }
    if (!PyType_Check(type)) {
        PyErr_Format(PyExc_TypeError, "descriptor '%V' for type '%.100s' needs a type, not a "
                     "'%.100s' as arg 2",
                     descr_name((PyDescrObject *)descr), "?", descr->d_common.d_type->tp_name,
                     Py_TYPE(type)->tp_name);
        return NULL;
    }
    if (!PyType_IsSubtype((PyTypeObject *)type, descr->d_common.d_type)) {
        PyErr_Format(PyExc_TypeError, "descriptor '%V' requires a subtype of '%.100s' but "
                     "received '%.100s'",
                     descr_name((PyDescrObject *)descr), "?", descr->d_common.d_type->tp_name,
                     ((PyTypeObject *)type)->tp_name);
        return NULL;
    }
    PyTypeObject *cls = NULL;
    if (descr->d_method->ml_flags & METH_METHOD) {
        cls = descr->d_common.d_type;
    }
    return PyCMethod_New(descr->d_method, type, NULL, cls);
}

static PyObject *
classmethoddescr_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    Py_ssize_t argc = PyTuple_GET_SIZE(args);
    if (argc < 1) {
        PyErr_Format(PyExc_TypeError, "descriptor '%V' of '%.100s' object needs an argument",
                     descr_name((PyDescrObject *)descr), "?", descr->d_common.d_type->tp_name);
        return NULL;
    }
    PyObject *type = PyTuple_GET_ITEM(args, 0);
    PyObject *bound = classmethod_get(self, NULL, type);
    if (bound == NULL) {
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, argc);
    if (rest == NULL) {
        Py_DECREF(bound);
        return NULL;
    }
    PyObject *result = PyObject_Call(bound, rest, kwds);
    Py_DECREF(rest);
    Py_DECREF(bound);
    return result;
}

PyTypeObject PyClassMethodDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(PyMethodDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = method_repr,
    .tp_call = classmethoddescr_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = method_getset,
    .tp_descr_get = classmethod_get,
};
_Py_REGISTER_STATIC_TYPE(PyClassMethodDescr_Type);

PyObject *
PyDescr_NewClassMethod(PyTypeObject *type, PyMethodDef *method)
{
    PyMethodDescrObject *descr =
        (PyMethodDescrObject *)descr_new(&PyClassMethodDescr_Type, type, method->ml_name);
    if (descr != NULL) {
        descr->d_method = method;
    }
    return (PyObject *)descr;
}

/* ---- member_descriptor ------------------------------------------------------------------ */

static PyObject *
member_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyMemberDescrObject *descr = (PyMemberDescrObject *)self;
    if (obj == NULL) {
        return Py_NewRef(self);
    }
    if (descr_check((PyDescrObject *)descr, obj) < 0) {
        return NULL;
    }
    return PyMember_GetOne((char *)obj, descr->d_member);
}

static int
member_set(PyObject *self, PyObject *obj, PyObject *value)
{
    PyMemberDescrObject *descr = (PyMemberDescrObject *)self;
    if (descr_check((PyDescrObject *)descr, obj) < 0) {
        return -1;
    }
    return PyMember_SetOne((char *)obj, descr->d_member, value);
}

static PyObject *
member_get_doc(PyObject *self, void *closure)
{
    PyMemberDescrObject *descr = (PyMemberDescrObject *)self;
    if (descr->d_member->doc == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_FromString(descr->d_member->doc);
}

static PyGetSetDef member_getset[] = {
    {"__doc__", member_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyMemberDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(PyMemberDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = member_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = member_getset,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
};
_Py_REGISTER_STATIC_TYPE(PyMemberDescr_Type);

PyObject *
PyDescr_NewMember(PyTypeObject *type, PyMemberDef *member)
{
    if ((member->flags & Py_RELATIVE_OFFSET) && member->offset < 0) {
        PyErr_SetString(PyExc_SystemError, "PyDescr_NewMember used with Py_RELATIVE_OFFSET");
        return NULL;
    }
    PyMemberDescrObject *descr =
        (PyMemberDescrObject *)descr_new(&PyMemberDescr_Type, type, member->name);
    if (descr != NULL) {
        descr->d_member = member;
    }
    return (PyObject *)descr;
}

/* ---- getset_descriptor ------------------------------------------------------------------ */

static PyObject *
getset_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyGetSetDescrObject *descr = (PyGetSetDescrObject *)self;
    if (obj == NULL) {
        return Py_NewRef(self);
    }
    if (descr_check((PyDescrObject *)descr, obj) < 0) {
        return NULL;
    }
    if (descr->d_getset->get != NULL) {
        return descr->d_getset->get(obj, descr->d_getset->closure);
    }
    PyErr_Format(PyExc_AttributeError, "attribute '%V' of '%.100s' objects is not readable",
                 descr_name((PyDescrObject *)descr), "?", descr->d_common.d_type->tp_name);
    return NULL;
}

static int
getset_set(PyObject *self, PyObject *obj, PyObject *value)
{
    PyGetSetDescrObject *descr = (PyGetSetDescrObject *)self;
    if (descr_check((PyDescrObject *)descr, obj) < 0) {
        return -1;
    }
    if (descr->d_getset->set != NULL) {
        return descr->d_getset->set(obj, value, descr->d_getset->closure);
    }
    PyErr_Format(PyExc_AttributeError, "attribute '%V' of '%.100s' objects is not writable",
                 descr_name((PyDescrObject *)descr), "?", descr->d_common.d_type->tp_name);
    return -1;
}

static PyObject *
getset_get_doc(PyObject *self, void *closure)
{
    PyGetSetDescrObject *descr = (PyGetSetDescrObject *)self;
    if (descr->d_getset->doc == NULL) {
        Py_RETURN_NONE;
    }
    return PyUnicode_FromString(descr->d_getset->doc);
}

static PyGetSetDef getset_getset[] = {
    {"__doc__", getset_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyGetSetDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(PyGetSetDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = getset_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_members = descr_members,
    .tp_getset = getset_getset,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
};
_Py_REGISTER_STATIC_TYPE(PyGetSetDescr_Type);

PyObject *
PyDescr_NewGetSet(PyTypeObject *type, PyGetSetDef *getset)
{
    PyGetSetDescrObject *descr =
        (PyGetSetDescrObject *)descr_new(&PyGetSetDescr_Type, type, getset->name);
    if (descr != NULL) {
        descr->d_getset = getset;
    }
    return (PyObject *)descr;
}

/* ---- wrapper_descriptor and method-wrapper ---------------------------------------------- */

static PyObject *
wrapperdescr_raw_call(PyWrapperDescrObject *descr, PyObject *self, PyObject *args,
                      PyObject *kwds)
{
    wrapperfunc wrapper = descr->d_base->wrapper;
    if (descr->d_base->flags & PyWrapperFlag_KEYWORDS) {
        wrapperfunc_kwds wk = (wrapperfunc_kwds)(void (*)(void))wrapper;
        return wk(self, args, descr->d_wrapped, kwds);
    }
    if (kwds != NULL && (!PyDict_Check(kwds) || PyDict_GET_SIZE(kwds) != 0)) {
        PyErr_Format(PyExc_TypeError, "wrapper %s() takes no keyword arguments",
                     descr->d_base->name);
        return NULL;
    }
    return wrapper(self, args, descr->d_wrapped);
}

static PyObject *
wrapperdescr_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyWrapperDescrObject *descr = (PyWrapperDescrObject *)self;
    Py_ssize_t argc = PyTuple_GET_SIZE(args);
    if (argc < 1) {
        PyErr_Format(PyExc_TypeError, "descriptor '%V' of '%.100s' object needs an argument",
                     descr_name((PyDescrObject *)descr), "?", descr->d_common.d_type->tp_name);
        return NULL;
    }
    PyObject *obj = PyTuple_GET_ITEM(args, 0);
    if (!PyObject_TypeCheck(obj, descr->d_common.d_type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%V' requires a '%.100s' object but received a '%.100s'",
                     descr_name((PyDescrObject *)descr), "?", descr->d_common.d_type->tp_name,
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, argc);
    if (rest == NULL) {
        return NULL;
    }
    PyObject *result = wrapperdescr_raw_call(descr, obj, rest, kwds);
    Py_DECREF(rest);
    return result;
}

static PyObject *
wrapperdescr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    if (obj == NULL) {
        return Py_NewRef(self);
    }
    if (descr_check((PyDescrObject *)self, obj) < 0) {
        return NULL;
    }
    return PyWrapper_New(self, obj);
}

static PyObject *
wrapperdescr_get_doc(PyObject *self, void *closure)
{
    PyWrapperDescrObject *descr = (PyWrapperDescrObject *)self;
    return _PyType_GetDocFromInternalDoc(descr->d_base->name, descr->d_base->doc);
}

static PyObject *
wrapperdescr_get_text_signature(PyObject *self, void *closure)
{
    PyWrapperDescrObject *descr = (PyWrapperDescrObject *)self;
    return _PyType_GetTextSignatureFromInternalDoc(descr->d_base->name, descr->d_base->doc);
}

static PyGetSetDef wrapperdescr_getset[] = {
    {"__doc__", wrapperdescr_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__text_signature__", wrapperdescr_get_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyWrapperDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(PyWrapperDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = wrapperdescr_repr,
    .tp_call = wrapperdescr_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = wrapperdescr_getset,
    .tp_descr_get = wrapperdescr_get,
};
_Py_REGISTER_STATIC_TYPE(PyWrapperDescr_Type);

PyObject *
PyDescr_NewWrapper(PyTypeObject *type, struct wrapperbase *base, void *wrapped)
{
    PyWrapperDescrObject *descr =
        (PyWrapperDescrObject *)descr_new(&PyWrapperDescr_Type, type, base->name);
    if (descr != NULL) {
        descr->d_base = base;
        descr->d_wrapped = wrapped;
    }
    return (PyObject *)descr;
}

typedef struct {
    PyObject_HEAD
    PyWrapperDescrObject *descr;
    PyObject *self;
} wrapperobject;

static void
wrapper_dealloc(PyObject *self)
{
    wrapperobject *wp = (wrapperobject *)self;
    PyObject_GC_UnTrack(wp);
    Py_XDECREF(wp->descr);
    Py_XDECREF(wp->self);
    PyObject_GC_Del(wp);
}

static PyObject *
wrapper_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !Py_IS_TYPE(a, &_PyMethodWrapper_Type) ||
        !Py_IS_TYPE(b, &_PyMethodWrapper_Type)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    wrapperobject *wa = (wrapperobject *)a, *wb = (wrapperobject *)b;
    int eq = wa->descr == wb->descr && wa->self == wb->self;
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static Py_hash_t
wrapper_hash(PyObject *self)
{
    wrapperobject *wp = (wrapperobject *)self;
    Py_hash_t x = PyObject_Hash(wp->self);
    if (x == -1) {
        return -1;
    }
    Py_hash_t y = _Py_HashPointer(wp->descr);
    x = x ^ y;
    return x == -1 ? -2 : x;
}

static PyObject *
wrapper_repr(PyObject *self)
{
    wrapperobject *wp = (wrapperobject *)self;
    return PyUnicode_FromFormat("<method-wrapper '%s' of %s object at %p>",
                                wp->descr->d_base->name, Py_TYPE(wp->self)->tp_name,
                                (void *)wp->self);
}

static PyObject *
wrapper_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    wrapperobject *wp = (wrapperobject *)self;
    PyObject *builtins = PyEval_GetBuiltins();
    PyObject *getattr = builtins ? PyDict_GetItemString(builtins, "getattr") : NULL;
    if (getattr == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_RuntimeError, "getattr not found");
        }
        return NULL;
    }
    return Py_BuildValue("O(OO)", getattr, wp->self, PyDescr_NAME(wp->descr));
}

static PyMethodDef wrapper_methods[] = {
    {"__reduce__", wrapper_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef wrapper_members[] = {
    {"__self__", _Py_T_OBJECT, offsetof(wrapperobject, self), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *
wrapper_objclass(PyObject *self, void *closure)
{
    return Py_NewRef(PyDescr_TYPE(((wrapperobject *)self)->descr));
}

static PyObject *
wrapper_name(PyObject *self, void *closure)
{
    return PyUnicode_FromString(((wrapperobject *)self)->descr->d_base->name);
}

static PyObject *
wrapper_doc(PyObject *self, void *closure)
{
    return wrapperdescr_get_doc((PyObject *)((wrapperobject *)self)->descr, closure);
}

static PyObject *
wrapper_text_signature(PyObject *self, void *closure)
{
    return wrapperdescr_get_text_signature((PyObject *)((wrapperobject *)self)->descr,
                                           closure);
}

static PyObject *
wrapper_qualname(PyObject *self, void *closure)
{
    return descr_get_qualname((PyObject *)((wrapperobject *)self)->descr, closure);
}

static PyGetSetDef wrapper_getsets[] = {
    {"__objclass__", wrapper_objclass, NULL, NULL, NULL},
    {"__name__", wrapper_name, NULL, NULL, NULL},
    {"__qualname__", wrapper_qualname, NULL, NULL, NULL},
    {"__doc__", wrapper_doc, NULL, NULL, NULL},
    {"__text_signature__", wrapper_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *
wrapper_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    wrapperobject *wp = (wrapperobject *)self;
    return wrapperdescr_raw_call(wp->descr, wp->self, args, kwds);
}

static int
wrapper_traverse(PyObject *self, visitproc visit, void *arg)
{
    wrapperobject *wp = (wrapperobject *)self;
    Py_VISIT(wp->descr);
    Py_VISIT(wp->self);
    return 0;
}

PyTypeObject _PyMethodWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(wrapperobject),
    .tp_dealloc = wrapper_dealloc,
    .tp_repr = wrapper_repr,
    .tp_hash = wrapper_hash,
    .tp_call = wrapper_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = wrapper_traverse,
    .tp_richcompare = wrapper_richcompare,
    .tp_methods = wrapper_methods,
    .tp_members = wrapper_members,
    .tp_getset = wrapper_getsets,
};
_Py_REGISTER_STATIC_TYPE(_PyMethodWrapper_Type);

PyObject *
PyWrapper_New(PyObject *d, PyObject *self)
{
    wrapperobject *wp = PyObject_GC_New(wrapperobject, &_PyMethodWrapper_Type);
    if (wp == NULL) {
        return NULL;
    }
    wp->descr = (PyWrapperDescrObject *)Py_NewRef(d);
    wp->self = Py_NewRef(self);
    PyObject_GC_Track(wp);
    return (PyObject *)wp;
}

/* ---- property --------------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *prop_get;
    PyObject *prop_set;
    PyObject *prop_del;
    PyObject *prop_doc;
    PyObject *prop_name;
    int getter_doc;   /* the doc came from fget.__doc__ */
} propertyobject;

/* New reference to a field of property self, or NULL: __init__ may run again on a property
 * other threads use, and replaces the fields as their member descriptors would; __name__
 * and __set_name__ replace prop_name the same way.  Every field is written with
 * _PyMember_StoreObject and read with property_field (Python/structmember.c says why that
 * is safe), except by dealloc and traverse. */
static PyObject *
property_field(PyObject *self, PyObject **field)
{
    return _PyMember_LoadObject(self, field);
}

static PyObject *property_copy(PyObject *, PyObject *, PyObject *, PyObject *);

static PyMemberDef property_members[] = {
    {"fget", _Py_T_OBJECT, offsetof(propertyobject, prop_get), Py_READONLY, NULL},
    {"fset", _Py_T_OBJECT, offsetof(propertyobject, prop_set), Py_READONLY, NULL},
    {"fdel", _Py_T_OBJECT, offsetof(propertyobject, prop_del), Py_READONLY, NULL},
    {"__doc__", _Py_T_OBJECT, offsetof(propertyobject, prop_doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *
property_getter(PyObject *self, PyObject *getter)
{
    return property_copy(self, getter, NULL, NULL);
}

static PyObject *
property_setter(PyObject *self, PyObject *setter)
{
    return property_copy(self, NULL, setter, NULL);
}

static PyObject *
property_deleter(PyObject *self, PyObject *deleter)
{
    return property_copy(self, NULL, NULL, deleter);
}

static PyObject *
property_set_name(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "__set_name__() takes 2 positional arguments but %zd "
                     "were given", nargs);
        return NULL;
    }
    propertyobject *prop = (propertyobject *)self;
    _PyMember_StoreObject(self, &prop->prop_name, args[1]);
    Py_RETURN_NONE;
}

static PyMethodDef property_methods[] = {
    {"getter", property_getter, METH_O, "Descriptor to obtain a copy of the property with a "
     "different getter."},
    {"setter", property_setter, METH_O, "Descriptor to obtain a copy of the property with a "
     "different setter."},
    {"deleter", property_deleter, METH_O, "Descriptor to obtain a copy of the property with a "
     "different deleter."},
    {"__set_name__", _PyCFunction_CAST(property_set_name), METH_FASTCALL,
     "Method to set name of a property."},
    {NULL, NULL, 0, NULL},
};

static void
property_dealloc(PyObject *self)
{
    propertyobject *gs = (propertyobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(gs->prop_get);
    Py_XDECREF(gs->prop_set);
    Py_XDECREF(gs->prop_del);
    Py_XDECREF(gs->prop_doc);
    Py_XDECREF(gs->prop_name);
    Py_TYPE(self)->tp_free(self);
}

/* The name used in error messages: the __set_name__ name or fget.__name__. */
static PyObject *
property_name(propertyobject *prop)
{
    PyObject *self = (PyObject *)prop;
    PyObject *name = property_field(self, &prop->prop_name);
    if (name != NULL) {
        return name;
    }
    PyObject *get = property_field(self, &prop->prop_get);
    if (get != NULL && get != Py_None) {
        int rc = PyObject_GetOptionalAttr(get, _Py_ID(__name__), &name);
        Py_DECREF(get);
        return rc < 0 ? NULL : name;
    }
    Py_XDECREF(get);
    return NULL;
}

static void
property_error(propertyobject *gs, PyObject *obj, const char *what)
{
    PyObject *name = property_name(gs);
    if (name == NULL && PyErr_Occurred()) {
        return;
    }
    PyObject *qualname = PyType_GetQualName(Py_TYPE(obj));
    if (qualname == NULL) {
        Py_XDECREF(name);
        return;
    }
    if (name != NULL) {
        PyErr_Format(PyExc_AttributeError, "property %R of %R object has no %s", name,
                     qualname, what);
    }
    else {
        PyErr_Format(PyExc_AttributeError, "property of %R object has no %s", qualname, what);
    }
    Py_XDECREF(name);
    Py_DECREF(qualname);
}

static PyObject *
property_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    if (obj == NULL || obj == Py_None) {
        return Py_NewRef(self);
    }
    propertyobject *gs = (propertyobject *)self;
    /* A reference: __init__ may replace the getter while it runs (property_field). */
    PyObject *get = property_field(self, &gs->prop_get);
    if (get == NULL) {
        property_error(gs, obj, "getter");
        return NULL;
    }
    PyObject *res = PyObject_CallOneArg(get, obj);
    Py_DECREF(get);
    return res;
}

static int
property_descr_set(PyObject *self, PyObject *obj, PyObject *value)
{
    propertyobject *gs = (propertyobject *)self;
    PyObject *func = property_field(self, value == NULL ? &gs->prop_del : &gs->prop_set);
    if (func == NULL) {
        property_error(gs, obj, value == NULL ? "deleter" : "setter");
        return -1;
    }
    PyObject *res;
    if (value == NULL) {
        res = PyObject_CallOneArg(func, obj);
    }
    else {
        PyObject *args[] = {obj, value};
        res = PyObject_Vectorcall(func, args, 2, NULL);
    }
    Py_DECREF(func);
    if (res == NULL) {
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

static PyObject *
property_copy(PyObject *old, PyObject *get, PyObject *set, PyObject *del)
{
    propertyobject *pold = (propertyobject *)old;
    PyObject *new, *type, *doc;
    type = (PyObject *)Py_TYPE(old);
    /* References to the old property's fields: the call below runs Python code. */
    get = get == NULL || get == Py_None ? property_field(old, &pold->prop_get) : Py_NewRef(get);
    set = set == NULL || set == Py_None ? property_field(old, &pold->prop_set) : Py_NewRef(set);
    del = del == NULL || del == Py_None ? property_field(old, &pold->prop_del) : Py_NewRef(del);
    if (pold->getter_doc && get != NULL) {
        doc = Py_NewRef(Py_None); /* take the doc from the new getter */
    }
    else {
        doc = property_field(old, &pold->prop_doc);
    }
#define OR_NONE(x) ((x) != NULL ? (x) : Py_None)
    new = PyObject_CallFunctionObjArgs(type, OR_NONE(get), OR_NONE(set), OR_NONE(del),
                                       OR_NONE(doc), NULL);
#undef OR_NONE
    Py_XDECREF(get);
    Py_XDECREF(set);
    Py_XDECREF(del);
    Py_XDECREF(doc);
    if (new == NULL) {
        return NULL;
    }
    if (PyObject_TypeCheck(new, &PyProperty_Type)) {
        PyObject *name = property_field(old, &pold->prop_name);
        _PyMember_StoreObject(new, &((propertyobject *)new)->prop_name, name);
        Py_XDECREF(name);
    }
    return new;
}

static int
property_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static const char *kwlist[] = {"fget", "fset", "fdel", "doc", NULL};
    PyObject *fget = NULL, *fset = NULL, *fdel = NULL, *doc = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OOOO:property", (char **)kwlist, &fget,
                                     &fset, &fdel, &doc)) {
        return -1;
    }
    propertyobject *prop = (propertyobject *)self;
    if (fget == Py_None) {
        fget = NULL;
    }
    if (fset == Py_None) {
        fset = NULL;
    }
    if (fdel == Py_None) {
        fdel = NULL;
    }
    _PyMember_StoreObject(self, &prop->prop_get, fget);
    _PyMember_StoreObject(self, &prop->prop_set, fset);
    _PyMember_StoreObject(self, &prop->prop_del, fdel);
    _PyMember_StoreObject(self, &prop->prop_doc, NULL);
    _PyMember_StoreObject(self, &prop->prop_name, NULL);
    prop->getter_doc = 0;
    PyObject *prop_doc = NULL;
    if (doc != NULL && doc != Py_None) {
        prop_doc = Py_XNewRef(doc);
    }
    else if (fget != NULL) {
        if (PyObject_GetOptionalAttr(fget, _Py_ID(__doc__), &prop_doc) < 0) {
            return -1;
        }
        if (prop_doc == Py_None) {
            Py_CLEAR(prop_doc);
        }
        if (prop_doc != NULL) {
            prop->getter_doc = 1;
        }
    }
    if (Py_IS_TYPE(self, &PyProperty_Type)) {
        _PyMember_StoreObject(self, &prop->prop_doc, prop_doc);
        Py_XDECREF(prop_doc);
    }
    else {
        /* Subclasses keep the doc in the instance __dict__ (they may define __doc__). */
        if (prop_doc == NULL) {
            prop_doc = Py_NewRef(Py_None);
        }
        int err = PyObject_SetAttr(self, _Py_ID(__doc__), prop_doc);
        Py_DECREF(prop_doc);
        if (err < 0) {
            if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
                PyErr_Clear();
                return 0;
            }
            return -1;
        }
    }
    return 0;
}

static PyObject *
property_get___isabstractmethod__(PyObject *self, void *closure)
{
    propertyobject *prop = (propertyobject *)self;
    PyObject **fields[3] = {&prop->prop_get, &prop->prop_set, &prop->prop_del};
    for (int i = 0; i < 3; i++) {
        PyObject *func = property_field(self, fields[i]);
        int res = _PyObject_IsAbstract(func);
        Py_XDECREF(func);
        if (res == -1) {
            return NULL;
        }
        if (res) {
            Py_RETURN_TRUE;
        }
    }
    Py_RETURN_FALSE;
}

static PyObject *
property_get___name__(PyObject *self, void *closure)
{
    PyObject *name = property_name((propertyobject *)self);
    if (name != NULL || PyErr_Occurred()) {
        return name;
    }
    PyErr_Format(PyExc_AttributeError, "'%s' object has no attribute '__name__'",
                 Py_TYPE(self)->tp_name);
    return NULL;
}

static int
property_set___name__(PyObject *self, PyObject *value, void *closure)
{
    _PyMember_StoreObject(self, &((propertyobject *)self)->prop_name, value);
    return 0;
}

static PyGetSetDef property_getsetlist[] = {
    {"__isabstractmethod__", property_get___isabstractmethod__, NULL, NULL, NULL},
    {"__name__", property_get___name__, property_set___name__, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static int
property_traverse(PyObject *self, visitproc visit, void *arg)
{
    propertyobject *pp = (propertyobject *)self;
    Py_VISIT(pp->prop_get);
    Py_VISIT(pp->prop_set);
    Py_VISIT(pp->prop_del);
    Py_VISIT(pp->prop_doc);
    Py_VISIT(pp->prop_name);
    return 0;
}

static int
property_clear(PyObject *self)
{
    propertyobject *pp = (propertyobject *)self;
    Py_CLEAR(pp->prop_doc);
    return 0;
}

PyTypeObject PyProperty_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "property",
    .tp_basicsize = sizeof(propertyobject),
    .tp_dealloc = property_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "property(fget=None, fset=None, fdel=None, doc=None)\n--\n\n"
              "Property attribute.",
    .tp_traverse = property_traverse,
    .tp_clear = property_clear,
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_getset = property_getsetlist,
    .tp_descr_get = property_descr_get,
    .tp_descr_set = property_descr_set,
    .tp_init = property_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};
_Py_REGISTER_STATIC_TYPE(PyProperty_Type);

/* ---- mappingproxy ----------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *mapping;
} mappingproxyobject;

static Py_ssize_t
mappingproxy_len(PyObject *self)
{
    return PyObject_Size(((mappingproxyobject *)self)->mapping);
}

static PyObject *
mappingproxy_getitem(PyObject *self, PyObject *key)
{
    return PyObject_GetItem(((mappingproxyobject *)self)->mapping, key);
}

static int
mappingproxy_contains(PyObject *self, PyObject *key)
{
    PyObject *mapping = ((mappingproxyobject *)self)->mapping;
    if (PyDict_CheckExact(mapping)) {
        return PyDict_Contains(mapping, key);
    }
    return PySequence_Contains(mapping, key);
}

static PyObject *
mappingproxy_or(PyObject *left, PyObject *right)
{
    if (Py_IS_TYPE(left, &PyDictProxy_Type)) {
        left = ((mappingproxyobject *)left)->mapping;
    }
    if (Py_IS_TYPE(right, &PyDictProxy_Type)) {
        right = ((mappingproxyobject *)right)->mapping;
    }
    return PyNumber_Or(left, right);
}

static PyObject *
mappingproxy_ior(PyObject *self, PyObject *other)
{
    PyErr_Format(PyExc_TypeError, "'|=' is not supported by %s; use '|' instead",
                 Py_TYPE(self)->tp_name);
    return NULL;
}

static PyNumberMethods mappingproxy_as_number = {
    .nb_or = mappingproxy_or,
    .nb_inplace_or = mappingproxy_ior,
};

static PyMappingMethods mappingproxy_as_mapping = {
    .mp_length = mappingproxy_len,
    .mp_subscript = mappingproxy_getitem,
};

static PySequenceMethods mappingproxy_as_sequence = {
    .sq_contains = mappingproxy_contains,
};

static PyObject *
mappingproxy_get(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("get", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *newargs[3] = {((mappingproxyobject *)self)->mapping, args[0],
                            nargs == 2 ? args[1] : Py_None};
    return PyObject_VectorcallMethod(_Py_ID(get), newargs, 3, NULL);
}

static PyObject *
mappingproxy_method(PyObject *self, PyObject *name)
{
    return PyObject_CallMethodNoArgs(((mappingproxyobject *)self)->mapping, name);
}

static PyObject *
mappingproxy_keys(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return mappingproxy_method(self, _Py_ID(keys));
}

static PyObject *
mappingproxy_values(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return mappingproxy_method(self, _Py_ID(values));
}

static PyObject *
mappingproxy_items(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return mappingproxy_method(self, _Py_ID(items));
}

static PyObject *
mappingproxy_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return mappingproxy_method(self, _Py_ID(copy));
}

static PyObject *
mappingproxy_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyObject_CallMethodNoArgs(((mappingproxyobject *)self)->mapping,
                                     _Py_ID(__reversed__));
}

static PyMethodDef mappingproxy_methods[] = {
    {"get", _PyCFunction_CAST(mappingproxy_get), METH_FASTCALL,
     "D.get(k[,d]) -> D[k] if k in D, else d.  d defaults to None."},
    {"keys", mappingproxy_keys, METH_NOARGS, "D.keys() -> a set-like object providing a view "
     "on D's keys"},
    {"values", mappingproxy_values, METH_NOARGS, "D.values() -> an object providing a view on "
     "D's values"},
    {"items", mappingproxy_items, METH_NOARGS, "D.items() -> a set-like object providing a "
     "view on D's items"},
    {"copy", mappingproxy_copy, METH_NOARGS, "D.copy() -> a shallow copy of D"},
    {"__reversed__", mappingproxy_reversed, METH_NOARGS, "D.__reversed__() -> reverse "
     "iterator"},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static void
mappingproxy_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_DECREF(((mappingproxyobject *)self)->mapping);
    PyObject_GC_Del(self);
}

static PyObject *
mappingproxy_getiter(PyObject *self)
{
    return PyObject_GetIter(((mappingproxyobject *)self)->mapping);
}

static Py_hash_t
mappingproxy_hash(PyObject *self)
{
    return PyObject_Hash(((mappingproxyobject *)self)->mapping);
}

static PyObject *
mappingproxy_str(PyObject *self)
{
    return PyObject_Str(((mappingproxyobject *)self)->mapping);
}

static PyObject *
mappingproxy_repr(PyObject *self)
{
    return PyUnicode_FromFormat("mappingproxy(%R)", ((mappingproxyobject *)self)->mapping);
}

static int
mappingproxy_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((mappingproxyobject *)self)->mapping);
    return 0;
}

static PyObject *
mappingproxy_richcompare(PyObject *self, PyObject *w, int op)
{
    return PyObject_RichCompare(((mappingproxyobject *)self)->mapping, w, op);
}

static int
mappingproxy_check_mapping(PyObject *mapping)
{
    if (!PyMapping_Check(mapping) || PyList_Check(mapping) || PyTuple_Check(mapping)) {
        PyErr_Format(PyExc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                     Py_TYPE(mapping)->tp_name);
        return -1;
    }
    return 0;
}

PyObject *
PyDictProxy_New(PyObject *mapping)
{
    if (mappingproxy_check_mapping(mapping) < 0) {
        return NULL;
    }
    mappingproxyobject *pp = PyObject_GC_New(mappingproxyobject, &PyDictProxy_Type);
    if (pp == NULL) {
        return NULL;
    }
    pp->mapping = Py_NewRef(mapping);
    PyObject_GC_Track(pp);
    return (PyObject *)pp;
}

static PyObject *
mappingproxy_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *kwlist[] = {"mapping", NULL};
    PyObject *mapping;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:mappingproxy", (char **)kwlist,
                                     &mapping)) {
        return NULL;
    }
    return PyDictProxy_New(mapping);
}

PyTypeObject PyDictProxy_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(mappingproxyobject),
    .tp_dealloc = mappingproxy_dealloc,
    .tp_repr = mappingproxy_repr,
    .tp_as_number = &mappingproxy_as_number,
    .tp_as_sequence = &mappingproxy_as_sequence,
    .tp_as_mapping = &mappingproxy_as_mapping,
    .tp_hash = mappingproxy_hash,
    .tp_str = mappingproxy_str,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MAPPING,
    .tp_doc = "mappingproxy(mapping)\n--\n\nRead-only proxy of a mapping.",
    .tp_traverse = mappingproxy_traverse,
    .tp_richcompare = mappingproxy_richcompare,
    .tp_iter = mappingproxy_getiter,
    .tp_methods = mappingproxy_methods,
    .tp_new = mappingproxy_new,
};
_Py_REGISTER_STATIC_TYPE(PyDictProxy_Type);
