/* Bound methods (PyMethod_Type) and instance methods (PyInstanceMethod_Type).
 *
 * A bound method is immutable after creation, so it needs no locking in the free-threaded
 * build. */

#include "Python.h"
#include "pycore_pyerrors.h"

#include <stddef.h>

/* ---- bound methods --------------------------------------------------------------------- */

PyObject *
PyMethod_Function(PyObject *im)
{
    if (!PyMethod_Check(im)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return ((PyMethodObject *)im)->im_func;
}

PyObject *
PyMethod_Self(PyObject *im)
{
    if (!PyMethod_Check(im)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return ((PyMethodObject *)im)->im_self;
}

/* Call im_func with im_self prepended.  When the caller allows it
 * (PY_VECTORCALL_ARGUMENTS_OFFSET) the slot before args is borrowed for self. */
static PyObject *
method_vectorcall(PyObject *method, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyObject *self = PyMethod_GET_SELF(method);
    PyObject *func = PyMethod_GET_FUNCTION(method);
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *result;

    if (nargsf & PY_VECTORCALL_ARGUMENTS_OFFSET) {
        PyObject **newargs = (PyObject **)args - 1;
        nargs += 1;
        PyObject *tmp = newargs[0];
        newargs[0] = self;
        result = PyObject_Vectorcall(func, newargs, (size_t)nargs, kwnames);
        newargs[0] = tmp;
        return result;
    }
    Py_ssize_t nkwargs = (kwnames == NULL) ? 0 : PyTuple_GET_SIZE(kwnames);
    Py_ssize_t totalargs = nargs + nkwargs;
    if (totalargs == 0) {
        return PyObject_Vectorcall(func, &self, 1, NULL);
    }
    PyObject *small[8];
    PyObject **newargs;
    if (totalargs <= (Py_ssize_t)Py_ARRAY_LENGTH(small) - 1) {
        newargs = small;
    }
    else {
        newargs = PyMem_Malloc((size_t)(totalargs + 1) * sizeof(PyObject *));
        if (newargs == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    /* Keep PY_VECTORCALL_ARGUMENTS_OFFSET usable for the callee: self goes in slot 1. */
    newargs[0] = self;
    memcpy(newargs + 1, args, (size_t)totalargs * sizeof(PyObject *));
    result = PyObject_Vectorcall(func, newargs, (size_t)nargs + 1, kwnames);
    if (newargs != small) {
        PyMem_Free(newargs);
    }
    return result;
}

PyObject *
PyMethod_New(PyObject *func, PyObject *self)
{
    if (self == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyMethodObject *im = PyObject_GC_New(PyMethodObject, &PyMethod_Type);
    if (im == NULL) {
        return NULL;
    }
    im->im_weakreflist = NULL;
    im->im_func = Py_NewRef(func);
    im->im_self = Py_NewRef(self);
    im->vectorcall = method_vectorcall;
    PyObject_GC_Track(im);
    return (PyObject *)im;
}

static PyObject *
method_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyMethodObject *im = (PyMethodObject *)self;
    PyObject *funcname = PyObject_GetAttr(im->im_func, _Py_ID(__name__));
    if (funcname == NULL) {
        return NULL;
    }
    PyObject *builtins = PyEval_GetFrameBuiltins();
    PyObject *getattr = NULL;
    if (builtins != NULL) {
        getattr = PyObject_GetItem(builtins, _Py_ID(getattr));
        Py_DECREF(builtins);
    }
    if (getattr == NULL) {
        Py_DECREF(funcname);
        return NULL;
    }
    PyObject *res = Py_BuildValue("N(ON)", getattr, im->im_self, funcname);
    return res;
}

static PyMethodDef method_methods[] = {
    {"__reduce__", method_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef method_memberlist[] = {
    {"__func__", _Py_T_OBJECT, offsetof(PyMethodObject, im_func), Py_READONLY,
     "the function (or other callable) implementing a method"},
    {"__self__", _Py_T_OBJECT, offsetof(PyMethodObject, im_self), Py_READONLY,
     "the instance to which a method is bound"},
    {NULL, 0, 0, 0, NULL},
};

/* __doc__ comes from the function. */
static PyObject *
method_get_doc(PyObject *self, void *context)
{
    return PyObject_GetAttr(((PyMethodObject *)self)->im_func, _Py_ID(__doc__));
}

static PyGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* Attributes not found on the method type are looked up on the function. */
static PyObject *
method_getattro(PyObject *obj, PyObject *name)
{
    PyMethodObject *im = (PyMethodObject *)obj;
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *descr = _PyType_LookupRef(tp, name);
    if (descr != NULL) {
        descrgetfunc f = Py_TYPE(descr)->tp_descr_get;
        if (f != NULL) {
            PyObject *res = f(descr, obj, (PyObject *)tp);
            Py_DECREF(descr);
            return res;
        }
        return descr;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyObject_GetAttr(im->im_func, name);
}

static PyObject *
method_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *func, *self;
    if (kw != NULL && PyDict_Check(kw) && PyDict_GET_SIZE(kw) != 0) {
        PyErr_SetString(PyExc_TypeError, "method() takes no keyword arguments");
        return NULL;
    }
    if (!PyArg_UnpackTuple(args, "method", 2, 2, &func, &self)) {
        return NULL;
    }
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "first argument must be callable");
        return NULL;
    }
    if (self == NULL || self == Py_None) {
        PyErr_SetString(PyExc_TypeError, "instance must not be None");
        return NULL;
    }
    return PyMethod_New(func, self);
}

static void
method_dealloc(PyObject *self)
{
    PyMethodObject *im = (PyMethodObject *)self;
    PyObject_GC_UnTrack(im);
    if (im->im_weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    Py_DECREF(im->im_func);
    Py_XDECREF(im->im_self);
    PyObject_GC_Del(im);
}

static PyObject *
method_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyMethod_Check(self) || !PyMethod_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyMethodObject *a = (PyMethodObject *)self;
    PyMethodObject *b = (PyMethodObject *)other;
    int eq = PyObject_RichCompareBool(a->im_func, b->im_func, Py_EQ);
    if (eq == 1) {
        eq = (a->im_self == b->im_self);
    }
    else if (eq < 0) {
        return NULL;
    }
    PyObject *res;
    if (op == Py_EQ) {
        res = eq ? Py_True : Py_False;
    }
    else {
        res = eq ? Py_False : Py_True;
    }
    return Py_NewRef(res);
}

static PyObject *
method_repr(PyObject *op)
{
    PyMethodObject *a = (PyMethodObject *)op;
    PyObject *self = a->im_self;
    PyObject *func = a->im_func;
    PyObject *funcname, *result;
    const char *defname = "?";

    if (PyObject_GetOptionalAttr(func, _Py_ID(__qualname__), &funcname) < 0 ||
        (funcname == NULL && PyObject_GetOptionalAttr(func, _Py_ID(__name__), &funcname) < 0)) {
        return NULL;
    }
    if (funcname != NULL && !PyUnicode_Check(funcname)) {
        Py_SETREF(funcname, NULL);
    }
    /* XXX Shouldn't use repr()/%R here! */
    result = PyUnicode_FromFormat("<bound method %V of %R>", funcname, defname, self);
    Py_XDECREF(funcname);
    return result;
}

static Py_hash_t
method_hash(PyObject *self)
{
    PyMethodObject *a = (PyMethodObject *)self;
    Py_hash_t x = (Py_hash_t)((uintptr_t)a->im_self >> 4 | (uintptr_t)a->im_self << 60);
    Py_hash_t y = PyObject_Hash(a->im_func);
    if (y == -1) {
        return -1;
    }
    x = x ^ y;
    if (x == -1) {
        x = -2;
    }
    return x;
}

static int
method_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyMethodObject *im = (PyMethodObject *)self;
    Py_VISIT(im->im_func);
    Py_VISIT(im->im_self);
    return 0;
}

static PyObject *
method_descr_get(PyObject *meth, PyObject *obj, PyObject *cls)
{
    /* A bound method is already bound. */
    return Py_NewRef(meth);
}

PyTypeObject PyMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method",
    .tp_basicsize = sizeof(PyMethodObject),
    .tp_dealloc = method_dealloc,
    .tp_vectorcall_offset = offsetof(PyMethodObject, vectorcall),
    .tp_repr = method_repr,
    .tp_hash = method_hash,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = method_getattro,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Create a bound instance method object.",
    .tp_traverse = method_traverse,
    .tp_richcompare = method_richcompare,
    .tp_weaklistoffset = offsetof(PyMethodObject, im_weakreflist),
    .tp_methods = method_methods,
    .tp_members = method_memberlist,
    .tp_getset = method_getset,
    .tp_descr_get = method_descr_get,
    .tp_new = method_new,
};
_Py_REGISTER_STATIC_TYPE(PyMethod_Type);

/* ---- instancemethod ---------------------------------------------------------------------- */

PyObject *
PyInstanceMethod_New(PyObject *func)
{
    PyInstanceMethodObject *method = PyObject_GC_New(PyInstanceMethodObject,
                                                     &PyInstanceMethod_Type);
    if (method == NULL) {
        return NULL;
    }
    method->func = Py_NewRef(func);
    PyObject_GC_Track(method);
    return (PyObject *)method;
}

PyObject *
PyInstanceMethod_Function(PyObject *im)
{
    if (!PyInstanceMethod_Check(im)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyInstanceMethod_GET_FUNCTION(im);
}

static PyMemberDef instancemethod_memberlist[] = {
    {"__func__", _Py_T_OBJECT, offsetof(PyInstanceMethodObject, func), Py_READONLY,
     "the function (or other callable) implementing a method"},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *
instancemethod_getattro(PyObject *self, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject *descr = _PyType_LookupRef(tp, name);
    if (descr != NULL) {
        descrgetfunc f = Py_TYPE(descr)->tp_descr_get;
        if (f != NULL) {
            PyObject *res = f(descr, self, (PyObject *)tp);
            Py_DECREF(descr);
            return res;
        }
        return descr;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyObject_GetAttr(PyInstanceMethod_GET_FUNCTION(self), name);
}

static void
instancemethod_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_DECREF(PyInstanceMethod_GET_FUNCTION(self));
    PyObject_GC_Del(self);
}

static int
instancemethod_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(PyInstanceMethod_GET_FUNCTION(self));
    return 0;
}

static PyObject *
instancemethod_call(PyObject *self, PyObject *arg, PyObject *kw)
{
    return PyObject_Call(PyInstanceMethod_GET_FUNCTION(self), arg, kw);
}

static PyObject *
instancemethod_descr_get(PyObject *descr, PyObject *obj, PyObject *type)
{
    PyObject *func = PyInstanceMethod_GET_FUNCTION(descr);
    if (obj == NULL) {
        return Py_NewRef(func);
    }
    return PyMethod_New(func, obj);
}

static PyObject *
instancemethod_repr(PyObject *self)
{
    PyObject *func = PyInstanceMethod_Function(self);
    PyObject *funcname;
    if (func == NULL) {
        return NULL;
    }
    if (PyObject_GetOptionalAttr(func, _Py_ID(__name__), &funcname) < 0) {
        return NULL;
    }
    if (funcname != NULL && !PyUnicode_Check(funcname)) {
        Py_SETREF(funcname, NULL);
    }
    PyObject *result = PyUnicode_FromFormat("<instancemethod %V at %p>", funcname, "?", self);
    Py_XDECREF(funcname);
    return result;
}

static PyObject *
instancemethod_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *func;
    if (kw != NULL && PyDict_Check(kw) && PyDict_GET_SIZE(kw) != 0) {
        PyErr_SetString(PyExc_TypeError, "instancemethod() takes no keyword arguments");
        return NULL;
    }
    if (!PyArg_UnpackTuple(args, "instancemethod", 1, 1, &func)) {
        return NULL;
    }
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "first argument must be callable");
        return NULL;
    }
    return PyInstanceMethod_New(func);
}

PyTypeObject PyInstanceMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "instancemethod",
    .tp_basicsize = sizeof(PyInstanceMethodObject),
    .tp_dealloc = instancemethod_dealloc,
    .tp_repr = instancemethod_repr,
    .tp_call = instancemethod_call,
    .tp_getattro = instancemethod_getattro,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Bind a function to a class.",
    .tp_traverse = instancemethod_traverse,
    .tp_members = instancemethod_memberlist,
    .tp_descr_get = instancemethod_descr_get,
    .tp_new = instancemethod_new,
};
_Py_REGISTER_STATIC_TYPE(PyInstanceMethod_Type);
