/* Function objects, classmethod and staticmethod.
 *
 * A function is immutable from the eval loop's point of view except through attribute
 * assignment (__code__, __defaults__, ...).  Free-threaded build: readers load those fields
 * without a lock and may use them borrowed for a while (a call binds its arguments from
 * __defaults__ and __kwdefaults__), so every setter swaps the pointer atomically and releases
 * the old value after a grace period (_PyObject_FieldSet: QSBR).  A borrowed field therefore stays
 * valid until the reader's next quiescent state; a reassignment racing a call is as racy as
 * in CPython (the call sees the old or the new value) but frees nothing under it.  The lazily
 * created __dict__ and __annotations__ are installed with a compare-and-swap
 * (_PyObject_EnsureDictAt). */

#include "Python.h"
#include "pycore_object.h"
#include "pycore_ceval.h"
#include "pycore_function.h"
#include "pycore_opcode.h"
#include "pycore_pystate.h"
#include "pycore_pyatomic_ft_wrappers.h"
#include "pycore_qsbr.h"
#include "pycore_tuple.h"
#include "pycore_unicodeobject.h"

#include <stddef.h>


/* ---- construction ---------------------------------------------------------------------- */

/* `shared`: the function may be deferred (Objects/object.c) if it is top-level. */
static PyFunctionObject *
function_from_code(PyObject *code, PyObject *globals, PyObject *builtins, PyObject *qualname,
                   int shared)
{
    if (!PyCode_Check(code)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!PyDict_Check(globals)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyCodeObject *co = (PyCodeObject *)code;
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *module = NULL;
    PyObject *doc;

    if (builtins != NULL) {
        Py_INCREF(builtins);
    }
    else {
        builtins = _PyEval_BuiltinsFromGlobals(tstate, globals);
        if (builtins == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_SystemError, "no builtins available");
            }
            return NULL;
        }
    }
    if (PyDict_GetItemRef(globals, _Py_ID(__name__), &module) < 0) {
        Py_DECREF(builtins);
        return NULL;
    }
    /* 3.13 layout: a function's docstring, or None, is co_consts[0]. */
    doc = Py_None;
    if (PyTuple_GET_SIZE(co->co_consts) > 0) {
        PyObject *first = PyTuple_GET_ITEM(co->co_consts, 0);
        if (PyUnicode_Check(first)) {
            doc = first;
        }
    }

    PyFunctionObject *op = PyObject_GC_New(PyFunctionObject, &PyFunction_Type);
    if (op == NULL) {
        Py_XDECREF(module);
        Py_DECREF(builtins);
        return NULL;
    }
    op->func_globals = Py_NewRef(globals);
    op->func_builtins = builtins;
    op->func_name = Py_NewRef(co->co_name);
    op->func_qualname = Py_NewRef(qualname != NULL ? qualname : co->co_qualname);
    op->func_code = Py_NewRef(code);
    op->func_defaults = NULL;
    op->func_kwdefaults = NULL;
    op->func_closure = NULL;
    op->func_doc = Py_NewRef(doc);
    op->func_dict = NULL;
    op->func_weakreflist = NULL;
    op->func_module = module;
    op->func_annotations = NULL;
    op->func_typeparams = NULL;
    op->vectorcall = _PyFunction_Vectorcall;
    op->func_version = 1;
    if (shared && (co->co_flags & CO_NESTED) == 0) {
        /* Top-level functions and methods are shared by every thread that calls them;
         * nested ones (closures) are short-lived and stay counted (Objects/object.c). */
        _PyObject_SetDeferredRefcount((PyObject *)op);
    }
    PyObject_GC_Track(op);
    return op;
}

PyFunctionObject *
_PyFunction_FromCode(PyObject *code, PyObject *globals, PyObject *builtins, PyObject *qualname)
{
    return function_from_code(code, globals, builtins, qualname, 1);
}

PyObject *
PyFunction_NewWithQualName(PyObject *code, PyObject *globals, PyObject *qualname)
{
    if (qualname != NULL && qualname != Py_None && !PyUnicode_Check(qualname)) {
        PyErr_SetString(PyExc_TypeError, "__qualname__ must be set to a string object");
        return NULL;
    }
    return (PyObject *)_PyFunction_FromCode(code, globals, NULL,
                                            qualname == Py_None ? NULL : qualname);
}

PyObject *
PyFunction_New(PyObject *code, PyObject *globals)
{
    return PyFunction_NewWithQualName(code, globals, NULL);
}

PyFunctionObject *
_PyFunction_ForEval(PyThreadState *tstate, PyObject *code, PyObject *globals, PyObject *closure)
{
    (void)tstate;
    /* Made for one exec() or eval() and dropped after it: never deferred (as in CPython), so
     * that its reference to the globals goes with the call. */
    PyFunctionObject *func = function_from_code(code, globals, NULL, NULL, 0);
    if (func != NULL && closure != NULL && closure != Py_None) {
        func->func_closure = Py_NewRef(closure);
    }
    return func;
}

void
_PyFunction_SetAttribute(PyFunctionObject *func, int which, PyObject *value)
{
    switch (which) {
    case MAKE_FUNCTION_DEFAULTS:
        Py_XSETREF(func->func_defaults, value);
        break;
    case MAKE_FUNCTION_KWDEFAULTS:
        Py_XSETREF(func->func_kwdefaults, value);
        break;
    case MAKE_FUNCTION_ANNOTATIONS:
        Py_XSETREF(func->func_annotations, value);
        break;
    case MAKE_FUNCTION_CLOSURE:
        Py_XSETREF(func->func_closure, value);
        break;
    default:
        Py_DECREF(value);
        break;
    }
    func->func_version = 0;
}

/* ---- the C API ----------------------------------------------------------------------- */

#define CHECK_FUNCTION(op, result)                                                            \
    do {                                                                                      \
        if (!PyFunction_Check(op)) {                                                          \
            PyErr_BadInternalCall();                                                          \
            return result;                                                                    \
        }                                                                                     \
    } while (0)

PyObject *
PyFunction_GetCode(PyObject *op)
{
    CHECK_FUNCTION(op, NULL);
    return FT_ATOMIC_LOAD_PTR_ACQUIRE(((PyFunctionObject *)op)->func_code);
}

PyObject *
PyFunction_GetGlobals(PyObject *op)
{
    CHECK_FUNCTION(op, NULL);
    return ((PyFunctionObject *)op)->func_globals;
}

PyObject *
PyFunction_GetModule(PyObject *op)
{
    CHECK_FUNCTION(op, NULL);
    return ((PyFunctionObject *)op)->func_module;
}

PyObject *
PyFunction_GetDefaults(PyObject *op)
{
    CHECK_FUNCTION(op, NULL);
    return FT_ATOMIC_LOAD_PTR_ACQUIRE(((PyFunctionObject *)op)->func_defaults);
}

int
PyFunction_SetDefaults(PyObject *op, PyObject *defaults)
{
    CHECK_FUNCTION(op, -1);
    if (defaults == Py_None) {
        defaults = NULL;
    }
    else if (defaults != NULL && PyTuple_Check(defaults)) {
        Py_INCREF(defaults);
    }
    else if (defaults != NULL) {
        PyErr_SetString(PyExc_SystemError, "non-tuple default args");
        return -1;
    }
    _PyObject_FieldSet(&((PyFunctionObject *)op)->func_defaults, defaults);
    ((PyFunctionObject *)op)->func_version = 0;
    return 0;
}

void
PyFunction_SetVectorcall(PyFunctionObject *func, vectorcallfunc vectorcall)
{
    func->func_version = 0;
    func->vectorcall = vectorcall;
}

PyObject *
PyFunction_GetKwDefaults(PyObject *op)
{
    CHECK_FUNCTION(op, NULL);
    return FT_ATOMIC_LOAD_PTR_ACQUIRE(((PyFunctionObject *)op)->func_kwdefaults);
}

int
PyFunction_SetKwDefaults(PyObject *op, PyObject *defaults)
{
    CHECK_FUNCTION(op, -1);
    if (defaults == Py_None) {
        defaults = NULL;
    }
    else if (defaults != NULL && PyDict_Check(defaults)) {
        Py_INCREF(defaults);
    }
    else if (defaults != NULL) {
        PyErr_SetString(PyExc_SystemError, "non-dict keyword only default args");
        return -1;
    }
    _PyObject_FieldSet(&((PyFunctionObject *)op)->func_kwdefaults, defaults);
    ((PyFunctionObject *)op)->func_version = 0;
    return 0;
}

PyObject *
PyFunction_GetClosure(PyObject *op)
{
    CHECK_FUNCTION(op, NULL);
    return FT_ATOMIC_LOAD_PTR_ACQUIRE(((PyFunctionObject *)op)->func_closure);
}

int
PyFunction_SetClosure(PyObject *op, PyObject *closure)
{
    CHECK_FUNCTION(op, -1);
    if (closure == Py_None) {
        closure = NULL;
    }
    else if (PyTuple_Check(closure)) {
        Py_INCREF(closure);
    }
    else {
        PyErr_Format(PyExc_SystemError, "expected tuple for closure, got '%.100s'",
                     Py_TYPE(closure)->tp_name);
        return -1;
    }
    _PyObject_FieldSet(&((PyFunctionObject *)op)->func_closure, closure);
    ((PyFunctionObject *)op)->func_version = 0;
    return 0;
}

/* New reference to the function's annotations dict; NULL without an exception when it has
 * none, with one on error.  func_annotations may hold the compiler's tuple of alternating
 * names and values: the first reader turns it into the dict users see (compare-and-swap, so
 * that concurrent readers all get the same dict). */
static PyObject *
func_get_annotation_dict(PyFunctionObject *op)
{
    PyObject *ann = _PyObject_FieldGetRef(&op->func_annotations);
    if (ann == NULL || !PyTuple_CheckExact(ann)) {
        return ann;
    }
    PyObject *ann_dict = PyDict_New();
    if (ann_dict == NULL) {
        Py_DECREF(ann);
        return NULL;
    }
    for (Py_ssize_t i = 0; i + 1 < PyTuple_GET_SIZE(ann); i += 2) {
        if (PyDict_SetItem(ann_dict, PyTuple_GET_ITEM(ann, i), PyTuple_GET_ITEM(ann, i + 1)) < 0) {
            Py_DECREF(ann_dict);
            Py_DECREF(ann);
            return NULL;
        }
    }
#ifdef Py_GIL_DISABLED
    PyObject *expected = ann;
    if (!_Py_atomic_compare_exchange_ptr(&op->func_annotations, &expected, ann_dict)) {
        /* Another thread converted or replaced it first: use what is there now. */
        Py_DECREF(ann_dict);
        Py_DECREF(ann);
        return func_get_annotation_dict(op);
    }
    _PyObject_XDecRefDelayed(ann);      /* the field's reference */
#else
    Py_SETREF(op->func_annotations, ann_dict);
#endif
    Py_DECREF(ann);
    return Py_NewRef(ann_dict);
}

PyObject *
PyFunction_GetAnnotations(PyObject *op)
{
    CHECK_FUNCTION(op, NULL);
    /* Borrowed, as in CPython: the function keeps it (until the caller's next quiescent
     * state in the free-threaded build, see the top of this file). */
    PyObject *ann = func_get_annotation_dict((PyFunctionObject *)op);
    Py_XDECREF(ann);
    return ann;
}

int
PyFunction_SetAnnotations(PyObject *op, PyObject *annotations)
{
    CHECK_FUNCTION(op, -1);
    if (annotations == Py_None) {
        annotations = NULL;
    }
    else if (annotations && PyDict_Check(annotations)) {
        Py_INCREF(annotations);
    }
    else {
        PyErr_SetString(PyExc_SystemError, "non-dict annotations");
        return -1;
    }
    _PyObject_FieldSet(&((PyFunctionObject *)op)->func_annotations, annotations);
    ((PyFunctionObject *)op)->func_version = 0;
    return 0;
}

/* ---- attributes ------------------------------------------------------------------------ */

static PyMemberDef func_memberlist[] = {
    {"__closure__", _Py_T_OBJECT, offsetof(PyFunctionObject, func_closure), Py_READONLY, NULL},
    {"__doc__", _Py_T_OBJECT, offsetof(PyFunctionObject, func_doc), 0, NULL},
    {"__globals__", _Py_T_OBJECT, offsetof(PyFunctionObject, func_globals), Py_READONLY, NULL},
    {"__module__", _Py_T_OBJECT, offsetof(PyFunctionObject, func_module), 0, NULL},
    {"__builtins__", _Py_T_OBJECT, offsetof(PyFunctionObject, func_builtins), Py_READONLY,
     NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *
func_get_code(PyObject *self, void *closure)
{
    return _PyObject_FieldGetRef(&((PyFunctionObject *)self)->func_code);
}

static int
func_set_code(PyObject *self, PyObject *value, void *closure)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    if (value == NULL || !PyCode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    Py_ssize_t nfree = ((PyCodeObject *)value)->co_nfreevars;
    Py_ssize_t nclosure = (op->func_closure == NULL ? 0 : PyTuple_GET_SIZE(op->func_closure));
    if (nclosure != nfree) {
        PyErr_Format(PyExc_ValueError, "%U() requires a code object with %zd free vars, not %zd",
                     op->func_name, nclosure, nfree);
        return -1;
    }
    op->func_version = 0;
    _PyObject_FieldSet(&op->func_code, Py_NewRef(value));
    return 0;
}

static PyObject *
func_get_name(PyObject *self, void *closure)
{
    return _PyObject_FieldGetRef(&((PyFunctionObject *)self)->func_name);
}

static int
func_set_name(PyObject *self, PyObject *value, void *closure)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    _PyObject_FieldSet(&((PyFunctionObject *)self)->func_name, Py_NewRef(value));
    return 0;
}

static PyObject *
func_get_qualname(PyObject *self, void *closure)
{
    return _PyObject_FieldGetRef(&((PyFunctionObject *)self)->func_qualname);
}

static int
func_set_qualname(PyObject *self, PyObject *value, void *closure)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    _PyObject_FieldSet(&((PyFunctionObject *)self)->func_qualname, Py_NewRef(value));
    return 0;
}

static PyObject *
func_get_defaults(PyObject *self, void *closure)
{
    PyObject *d = _PyObject_FieldGetRef(&((PyFunctionObject *)self)->func_defaults);
    return d == NULL ? Py_None : d;
}

static int
func_set_defaults(PyObject *self, PyObject *value, void *closure)
{
    /* Legal to del f.func_defaults.  Can only set func_defaults to NULL or a tuple. */
    if (value == Py_None) {
        value = NULL;
    }
    if (value != NULL && !PyTuple_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    ((PyFunctionObject *)self)->func_version = 0;
    _PyObject_FieldSet(&((PyFunctionObject *)self)->func_defaults, Py_XNewRef(value));
    return 0;
}

static PyObject *
func_get_kwdefaults(PyObject *self, void *closure)
{
    PyObject *d = _PyObject_FieldGetRef(&((PyFunctionObject *)self)->func_kwdefaults);
    return d == NULL ? Py_None : d;
}

static int
func_set_kwdefaults(PyObject *self, PyObject *value, void *closure)
{
    if (value == Py_None) {
        value = NULL;
    }
    /* Legal to del f.func_kwdefaults.  Can only set func_kwdefaults to NULL or a dict. */
    if (value != NULL && !PyDict_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    ((PyFunctionObject *)self)->func_version = 0;
    _PyObject_FieldSet(&((PyFunctionObject *)self)->func_kwdefaults, Py_XNewRef(value));
    return 0;
}

static PyObject *
func_get_annotations(PyObject *self, void *closure)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    PyObject *d;
    do {
        /* An empty dict if there is nothing yet (again if another thread deleted it). */
        if (_PyObject_EnsureDictAt(&op->func_annotations) == NULL) {
            return NULL;
        }
        d = func_get_annotation_dict(op);
    } while (d == NULL && !PyErr_Occurred());
    return d;
}

static int
func_set_annotations(PyObject *self, PyObject *value, void *closure)
{
    if (value == Py_None) {
        value = NULL;
    }
    /* Legal to del f.func_annotations.  Can only set func_annotations to NULL (through
     * C API) or a dict. */
    if (value != NULL && !PyDict_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    ((PyFunctionObject *)self)->func_version = 0;
    _PyObject_FieldSet(&((PyFunctionObject *)self)->func_annotations, Py_XNewRef(value));
    return 0;
}

static PyObject *
func_get_type_params(PyObject *self, void *closure)
{
    PyObject *tp = _PyObject_FieldGetRef(&((PyFunctionObject *)self)->func_typeparams);
    if (tp == NULL) {
        return PyTuple_New(0);
    }
    return tp;
}

static int
func_set_type_params(PyObject *self, PyObject *value, void *closure)
{
    /* Not null and a tuple: anything else is an error (a tuple, empty or not, only). */
    if (value == NULL || !PyTuple_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__type_params__ must be set to a tuple");
        return -1;
    }
    _PyObject_FieldSet(&((PyFunctionObject *)self)->func_typeparams, Py_NewRef(value));
    return 0;
}

static PyGetSetDef func_getsetlist[] = {
    {"__code__", func_get_code, func_set_code, NULL, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL, NULL},
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {"__name__", func_get_name, func_set_name, NULL, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL, NULL},
    {"__type_params__", func_get_type_params, func_set_type_params, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- the type ------------------------------------------------------------------------- */

/* function(code, globals, name=None, argdefs=None, closure=None, kwdefaults=None) */
static PyObject *
func_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static const char *const kwlist[] = {"code", "globals", "name", "argdefs", "closure",
                                         "kwdefaults", NULL};
    PyObject *code, *globals, *name = Py_None, *defaults = Py_None, *closure = Py_None;
    PyObject *kwdefaults = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!O!|OOOO:function", (char **)kwlist,
                                     &PyCode_Type, &code, &PyDict_Type, &globals, &name,
                                     &defaults, &closure, &kwdefaults)) {
        return NULL;
    }
    PyCodeObject *co = (PyCodeObject *)code;
    if (name != Py_None && !PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "arg 3 (name) must be None or string");
        return NULL;
    }
    if (defaults != Py_None && !PyTuple_Check(defaults)) {
        PyErr_SetString(PyExc_TypeError, "arg 4 (defaults) must be None or tuple");
        return NULL;
    }
    if (!PyTuple_Check(closure)) {
        if (co->co_nfreevars && closure == Py_None) {
            PyErr_SetString(PyExc_TypeError, "arg 5 (closure) must be tuple");
            return NULL;
        }
        else if (closure != Py_None) {
            PyErr_SetString(PyExc_TypeError, "arg 5 (closure) must be None or tuple");
            return NULL;
        }
    }
    if (kwdefaults != Py_None && !PyDict_Check(kwdefaults)) {
        PyErr_SetString(PyExc_TypeError, "arg 6 (kwdefaults) must be None or dict");
        return NULL;
    }
    Py_ssize_t nclosure = closure == Py_None ? 0 : PyTuple_GET_SIZE(closure);
    if (co->co_nfreevars != nclosure) {
        return PyErr_Format(PyExc_ValueError, "%U requires closure of length %zd, not %zd",
                            co->co_name, (Py_ssize_t)co->co_nfreevars, nclosure);
    }
    for (Py_ssize_t i = 0; i < nclosure; i++) {
        PyObject *o = PyTuple_GET_ITEM(closure, i);
        if (!PyCell_Check(o)) {
            return PyErr_Format(PyExc_TypeError, "arg 5 (closure) expected cell, found %s",
                                Py_TYPE(o)->tp_name);
        }
    }
    PyFunctionObject *op = _PyFunction_FromCode(code, globals, NULL, NULL);
    if (op == NULL) {
        return NULL;
    }
    if (name != Py_None) {
        Py_SETREF(op->func_name, Py_NewRef(name));
    }
    if (defaults != Py_None) {
        op->func_defaults = Py_NewRef(defaults);
    }
    if (closure != Py_None) {
        op->func_closure = Py_NewRef(closure);
    }
    if (kwdefaults != Py_None) {
        op->func_kwdefaults = Py_NewRef(kwdefaults);
    }
    return (PyObject *)op;
}

static int
func_clear(PyObject *self)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    op->func_version = 0;
    Py_CLEAR(op->func_globals);
    Py_CLEAR(op->func_builtins);
    Py_CLEAR(op->func_module);
    Py_CLEAR(op->func_defaults);
    Py_CLEAR(op->func_kwdefaults);
    Py_CLEAR(op->func_doc);
    Py_CLEAR(op->func_dict);
    Py_CLEAR(op->func_closure);
    Py_CLEAR(op->func_annotations);
    Py_CLEAR(op->func_typeparams);
    /* name and qualname may be read by repr during destruction: keep them valid strs. */
    Py_SETREF(op->func_name, Py_NewRef(_Py_STR_EMPTY()));
    Py_SETREF(op->func_qualname, Py_NewRef(_Py_STR_EMPTY()));
    return 0;
}

static void
func_dealloc(PyObject *self)
{
    PyFunctionObject *op = (PyFunctionObject *)self;
    PyObject_GC_UnTrack(op);
    if (op->func_weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    (void)func_clear(self);
    Py_CLEAR(op->func_code);
    Py_CLEAR(op->func_name);
    Py_CLEAR(op->func_qualname);
    PyObject_GC_Del(op);
}

static PyObject *
func_repr(PyObject *self)
{
    PyObject *qualname = _PyObject_FieldGetRef(&((PyFunctionObject *)self)->func_qualname);
    PyObject *res = PyUnicode_FromFormat("<function %U at %p>", qualname, self);
    Py_DECREF(qualname);
    return res;
}

static int
func_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyFunctionObject *f = (PyFunctionObject *)self;
    Py_VISIT(f->func_code);
    Py_VISIT(f->func_globals);
    Py_VISIT(f->func_builtins);
    Py_VISIT(f->func_module);
    Py_VISIT(f->func_defaults);
    Py_VISIT(f->func_kwdefaults);
    Py_VISIT(f->func_doc);
    Py_VISIT(f->func_name);
    Py_VISIT(f->func_dict);
    Py_VISIT(f->func_closure);
    Py_VISIT(f->func_annotations);
    Py_VISIT(f->func_typeparams);
    Py_VISIT(f->func_qualname);
    return 0;
}

/* Bind a function to an object. */
static PyObject *
func_descr_get(PyObject *func, PyObject *obj, PyObject *type)
{
    if (obj == Py_None || obj == NULL) {
        return Py_NewRef(func);
    }
    return PyMethod_New(func, obj);
}

PyTypeObject PyFunction_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "function",
    .tp_basicsize = sizeof(PyFunctionObject),
    .tp_dealloc = func_dealloc,
    .tp_vectorcall_offset = offsetof(PyFunctionObject, vectorcall),
    .tp_repr = func_repr,
    .tp_call = PyVectorcall_Call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL |
                Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_doc = "Create a function object.\n\n"
              "  code\n    a code object\n  globals\n    the globals dictionary\n"
              "  name\n    a string that overrides the name from the code object\n"
              "  argdefs\n    a tuple that specifies the default argument values\n"
              "  closure\n    a tuple that supplies the bindings for free variables\n"
              "  kwdefaults\n    a dictionary that specifies the default keyword argument "
              "values",
    .tp_traverse = func_traverse,
    .tp_clear = func_clear,
    .tp_weaklistoffset = offsetof(PyFunctionObject, func_weakreflist),
    .tp_members = func_memberlist,
    .tp_getset = func_getsetlist,
    .tp_descr_get = func_descr_get,
    .tp_dictoffset = offsetof(PyFunctionObject, func_dict),
    .tp_new = func_new,
};
_Py_REGISTER_STATIC_TYPE(PyFunction_Type);

/* ---- classmethod and staticmethod -------------------------------------------------------- */

/* Both wrap one callable and have a __dict__ that starts with the wrapped callable's
 * __module__, __name__, __qualname__ and __doc__ (as functools.wraps would copy them). */
typedef struct {
    PyObject_HEAD
    PyObject *cm_callable;
    PyObject *cm_dict;
} classmethod;

static void
cm_dealloc(PyObject *self)
{
    classmethod *cm = (classmethod *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(cm->cm_callable);
    Py_XDECREF(cm->cm_dict);
    Py_TYPE(self)->tp_free(self);
}

static int
cm_traverse(PyObject *self, visitproc visit, void *arg)
{
    classmethod *cm = (classmethod *)self;
    Py_VISIT(cm->cm_callable);
    Py_VISIT(cm->cm_dict);
    return 0;
}

static int
cm_clear(PyObject *self)
{
    classmethod *cm = (classmethod *)self;
    Py_CLEAR(cm->cm_callable);
    Py_CLEAR(cm->cm_dict);
    return 0;
}

/* Copy __module__, __name__, __qualname__, __doc__, __annotations__ of wrapped (those it
 * has) into obj's __dict__. */
static int
copy_wrapper_attrs(PyObject *obj, PyObject *wrapped)
{
    static const char *const attrs[] = {"__module__", "__name__", "__qualname__", "__doc__",
                                        "__annotations__", NULL};
    for (int i = 0; attrs[i] != NULL; i++) {
        PyObject *value;
        int r = PyObject_GetOptionalAttrString(wrapped, attrs[i], &value);
        if (r < 0) {
            return -1;
        }
        if (r == 0) {
            continue;
        }
        r = PyObject_SetAttrString(obj, attrs[i], value);
        Py_DECREF(value);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

static PyObject *
cm_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    classmethod *cm = (classmethod *)self;
    /* A reference: __init__ may run again meanwhile (it stores as a member setter does). */
    PyObject *callable = _PyMember_LoadObject(self, &cm->cm_callable);
    if (callable == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "uninitialized classmethod object");
        return NULL;
    }
    if (type == NULL) {
        type = (PyObject *)(Py_TYPE(obj));
    }
    PyObject *res = PyMethod_New(callable, type);
    Py_DECREF(callable);
    return res;
}

static int
cm_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    classmethod *cm = (classmethod *)self;
    PyObject *callable;
    if (kwds != NULL && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "classmethod() takes no keyword arguments");
        return -1;
    }
    if (!PyArg_UnpackTuple(args, "classmethod", 1, 1, &callable)) {
        return -1;
    }
    _PyMember_StoreObject(self, &cm->cm_callable, callable);
    return copy_wrapper_attrs(self, callable);
}

/* cm_callable of a classmethod or staticmethod as a new reference, NULL when uninitialised
 * (classmethod.__new__ without __init__): loaded as cm_descr_get does, since __init__ may run
 * again meanwhile. */
static PyObject *
cm_callable_ref(PyObject *self)
{
    return _PyMember_LoadObject(self, &((classmethod *)self)->cm_callable);
}

static PyObject *
cm_get___isabstractmethod__(PyObject *self, void *closure)
{
    PyObject *callable = cm_callable_ref(self);
    if (callable == NULL) {
        Py_RETURN_FALSE;
    }
    PyObject *value;
    int r = PyObject_GetOptionalAttrString(callable, "__isabstractmethod__", &value);
    Py_DECREF(callable);
    if (r < 0) {
        return NULL;
    }
    if (r == 0) {
        Py_RETURN_FALSE;
    }
    int truth = PyObject_IsTrue(value);
    Py_DECREF(value);
    if (truth < 0) {
        return NULL;
    }
    return Py_NewRef(truth ? Py_True : Py_False);
}

/* None when uninitialised, as CPython's member descriptor gives. */
static PyObject *
cm_get___func__(PyObject *self, void *closure)
{
    PyObject *callable = cm_callable_ref(self);
    return callable != NULL ? callable : Py_NewRef(Py_None);
}

/* __dict__ is the generic one (tp_dictoffset is cm_dict): created on first use with a
 * compare-and-swap, replaced with an atomic exchange whose old dict is released after a
 * grace period, so readers elsewhere (attribute look-up) never find it freed. */
static PyGetSetDef cm_getsetlist[] = {
    {"__isabstractmethod__", cm_get___isabstractmethod__, NULL, NULL, NULL},
    {"__func__", cm_get___func__, NULL, NULL, NULL},
    {"__wrapped__", cm_get___func__, NULL, NULL, NULL},
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* %R prints <NULL> for an uninitialised one, as CPython. */
static PyObject *
cm_repr(PyObject *self)
{
    PyObject *callable = cm_callable_ref(self);
    PyObject *repr = PyUnicode_FromFormat("<classmethod(%R)>", callable);
    Py_XDECREF(callable);
    return repr;
}

PyTypeObject PyClassMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(classmethod),
    .tp_dealloc = cm_dealloc,
    .tp_repr = cm_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "classmethod(function, /)\n--\n\nConvert a function to be a class method.",
    .tp_traverse = cm_traverse,
    .tp_clear = cm_clear,
    .tp_getset = cm_getsetlist,
    .tp_descr_get = cm_descr_get,
    .tp_dictoffset = offsetof(classmethod, cm_dict),
    .tp_init = cm_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};
_Py_REGISTER_STATIC_TYPE(PyClassMethod_Type);

PyObject *
PyClassMethod_New(PyObject *callable)
{
    classmethod *cm = (classmethod *)PyType_GenericAlloc(&PyClassMethod_Type, 0);
    if (cm != NULL) {
        cm->cm_callable = Py_NewRef(callable);
    }
    return (PyObject *)cm;
}

PyObject *
_PyClassMethod_GetFunc(PyObject *self)
{
    return ((classmethod *)self)->cm_callable;
}

/* staticmethod shares classmethod's layout. */
typedef classmethod staticmethod;

static PyObject *
sm_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    staticmethod *sm = (staticmethod *)self;
    PyObject *callable = _PyMember_LoadObject(self, &sm->cm_callable);
    if (callable == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "uninitialized staticmethod object");
    }
    return callable;
}

static int
sm_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    staticmethod *sm = (staticmethod *)self;
    PyObject *callable;
    if (kwds != NULL && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "staticmethod() takes no keyword arguments");
        return -1;
    }
    if (!PyArg_UnpackTuple(args, "staticmethod", 1, 1, &callable)) {
        return -1;
    }
    _PyMember_StoreObject(self, &sm->cm_callable, callable);
    return copy_wrapper_attrs(self, callable);
}

static PyObject *
sm_call(PyObject *callable, PyObject *args, PyObject *kwargs)
{
    staticmethod *sm = (staticmethod *)callable;
    PyObject *func = _PyMember_LoadObject(callable, &sm->cm_callable);
    if (func == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "uninitialized staticmethod object");
        return NULL;
    }
    PyObject *res = PyObject_Call(func, args, kwargs);
    Py_DECREF(func);
    return res;
}

static PyObject *
sm_repr(PyObject *self)
{
    PyObject *callable = cm_callable_ref(self);
    PyObject *repr = PyUnicode_FromFormat("<staticmethod(%R)>", callable);
    Py_XDECREF(callable);
    return repr;
}

PyTypeObject PyStaticMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(staticmethod),
    .tp_dealloc = cm_dealloc,
    .tp_repr = sm_repr,
    .tp_call = sm_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "staticmethod(function, /)\n--\n\nConvert a function to be a static method.",
    .tp_traverse = cm_traverse,
    .tp_clear = cm_clear,
    .tp_getset = cm_getsetlist,
    .tp_descr_get = sm_descr_get,
    .tp_dictoffset = offsetof(staticmethod, cm_dict),
    .tp_init = sm_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};
_Py_REGISTER_STATIC_TYPE(PyStaticMethod_Type);

PyObject *
PyStaticMethod_New(PyObject *callable)
{
    staticmethod *sm = (staticmethod *)PyType_GenericAlloc(&PyStaticMethod_Type, 0);
    if (sm != NULL) {
        sm->cm_callable = Py_NewRef(callable);
    }
    return (PyObject *)sm;
}

PyObject *
_PyStaticMethod_GetFunc(PyObject *self)
{
    return ((staticmethod *)self)->cm_callable;
}
