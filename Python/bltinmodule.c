/* The builtins module: builtin functions, the map/filter/zip types, constants and types
 * (Include/bltinmodule.h).  Exceptions are added by Objects/exceptions.c
 * (_PyBuiltins_AddExceptions). */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_ceval.h"
#include "pycore_import.h"
#include "pycore_pylifecycle.h"
#include "pycore_initconfig.h"
#include "pycore_sysmodule.h"
#include "pycore_typeobject.h"
#include "pycore_modsupport.h"
#include "pycore_ast.h"
#include "pycore_compile.h"
#include "pycore_pyarena.h"

/* ---- __build_class__ ---- */

/* Replace bases that are not types but define __mro_entries__.  New reference to a tuple;
 * the same tuple (new reference) when nothing changed. */
static PyObject *update_bases(PyObject *bases)
{
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    PyObject *new_bases = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *base = PyTuple_GET_ITEM(bases, i);
        if (PyType_Check(base)) {
            if (new_bases != NULL && PyList_Append(new_bases, base) < 0) {
                goto error;
            }
            continue;
        }
        PyObject *meth;
        if (PyObject_GetOptionalAttr(base, _Py_ID(__mro_entries__), &meth) < 0) {
            goto error;
        }
        if (meth == NULL) {
            if (new_bases != NULL && PyList_Append(new_bases, base) < 0) {
                goto error;
            }
            continue;
        }
        PyObject *entries = PyObject_CallOneArg(meth, bases);
        Py_DECREF(meth);
        if (entries == NULL) {
            goto error;
        }
        if (!PyTuple_Check(entries)) {
            PyErr_SetString(PyExc_TypeError, "__mro_entries__ must return a tuple");
            Py_DECREF(entries);
            goto error;
        }
        if (new_bases == NULL) {
            new_bases = PyList_New(0);
            if (new_bases == NULL) {
                Py_DECREF(entries);
                goto error;
            }
            for (Py_ssize_t j = 0; j < i; j++) {
                if (PyList_Append(new_bases, PyTuple_GET_ITEM(bases, j)) < 0) {
                    Py_DECREF(entries);
                    goto error;
                }
            }
        }
        Py_ssize_t end = PyList_GET_SIZE(new_bases);
        int rc = PyList_SetSlice(new_bases, end, end, entries);
        Py_DECREF(entries);
        if (rc < 0) {
            goto error;
        }
    }
    if (new_bases == NULL) {
        return Py_NewRef(bases);
    }
    PyObject *result = PyList_AsTuple(new_bases);
    Py_DECREF(new_bases);
    return result;

error:
    Py_XDECREF(new_bases);
    return NULL;
}

/* The most derived metaclass of meta and the types of bases.  Borrowed reference. */
static PyTypeObject *calculate_metaclass(PyTypeObject *meta, PyObject *bases)
{
    PyTypeObject *winner = meta;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(bases); i++) {
        PyTypeObject *tmp = Py_TYPE(PyTuple_GET_ITEM(bases, i));
        if (PyType_IsSubtype(winner, tmp)) {
            continue;
        }
        if (PyType_IsSubtype(tmp, winner)) {
            winner = tmp;
            continue;
        }
        PyErr_SetString(PyExc_TypeError,
                        "metaclass conflict: the metaclass of a derived class must be a "
                        "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

static PyObject *builtin___build_class__(PyObject *self, PyObject *const *args,
                                         Py_ssize_t nargs, PyObject *kwnames)
{
    if (nargs < 2) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: not enough arguments");
        return NULL;
    }
    PyObject *func = args[0];
    if (!PyFunction_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: func must be a function");
        return NULL;
    }
    PyObject *name = args[1];
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: name is not a string");
        return NULL;
    }
    PyObject *orig_bases = PyTuple_New(nargs - 2);
    if (orig_bases == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 2; i < nargs; i++) {
        PyTuple_SET_ITEM(orig_bases, i - 2, Py_NewRef(args[i]));
    }
    PyObject *bases = NULL, *mkw = NULL, *meta = NULL, *ns = NULL, *cls = NULL;
    PyObject *cell = NULL;
    int is_class = 0;

    bases = update_bases(orig_bases);
    if (bases == NULL) {
        goto done;
    }
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
        mkw = PyDict_New();
        if (mkw == NULL) {
            goto done;
        }
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++) {
            if (PyDict_SetItem(mkw, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0) {
                goto done;
            }
        }
        if (PyDict_Pop(mkw, _Py_ID(metaclass), &meta) < 0) {
            goto done;
        }
        if (meta != NULL) {
            is_class = PyType_Check(meta);
        }
    }
    if (meta == NULL) {
        if (PyTuple_GET_SIZE(bases) == 0) {
            meta = Py_NewRef((PyObject *)&PyType_Type);
        }
        else {
            meta = Py_NewRef((PyObject *)Py_TYPE(PyTuple_GET_ITEM(bases, 0)));
        }
        is_class = 1;
    }
    if (is_class) {
        PyTypeObject *winner = calculate_metaclass((PyTypeObject *)meta, bases);
        if (winner == NULL) {
            goto done;
        }
        Py_SETREF(meta, Py_NewRef((PyObject *)winner));
    }

    PyObject *prep;
    if (PyObject_GetOptionalAttr(meta, _Py_ID(__prepare__), &prep) < 0) {
        goto done;
    }
    if (prep == NULL) {
        ns = PyDict_New();
    }
    else {
        PyObject *pargs[2] = {name, bases};
        ns = PyObject_VectorcallDict(prep, pargs, 2, mkw);
        Py_DECREF(prep);
    }
    if (ns == NULL) {
        goto done;
    }
    if (!PyMapping_Check(ns)) {
        PyErr_Format(PyExc_TypeError, "%.200s.__prepare__() must return a mapping, not %.200s",
                     is_class ? ((PyTypeObject *)meta)->tp_name : "<metaclass>",
                     Py_TYPE(ns)->tp_name);
        goto done;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    cell = _PyEval_Vector(tstate, (PyFunctionObject *)func, ns, NULL, 0, NULL);
    if (cell == NULL) {
        goto done;
    }
    if (bases != orig_bases) {
        if (PyMapping_SetItemString(ns, "__orig_bases__", orig_bases) < 0) {
            goto done;
        }
    }
    PyObject *margs[3] = {name, bases, ns};
    cls = PyObject_VectorcallDict(meta, margs, 3, mkw);
    if (cls != NULL && PyType_Check(cls) && PyCell_Check(cell)) {
        PyObject *cell_cls = PyCell_GET(cell);
        if (cell_cls != cls) {
            if (cell_cls == NULL) {
                PyErr_Format(PyExc_RuntimeError, "__class__ not set defining %.200R as "
                             "%.200R. Was __classcell__ propagated to type.__new__?",
                             name, cls);
            }
            else {
                PyErr_Format(PyExc_TypeError, "__class__ set to %.200R defining %.200R as "
                             "%.200R", cell_cls, name, cls);
            }
            Py_CLEAR(cls);
        }
    }

done:
    Py_XDECREF(cell);
    Py_XDECREF(ns);
    Py_XDECREF(meta);
    Py_XDECREF(mkw);
    Py_XDECREF(bases);
    Py_DECREF(orig_bases);
    return cls;
}

/* ---- __import__ ---- */

static PyObject *builtin___import__(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    PyObject *name, *globals = NULL, *locals = NULL, *fromlist = NULL;
    int level = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|OOOi:__import__", kwlist, &name,
                                     &globals, &locals, &fromlist, &level)) {
        return NULL;
    }
    return PyImport_ImportModuleLevelObject(name, globals, locals, fromlist, level);
}

/* ---- simple functions ---- */

static PyObject *builtin_abs(PyObject *module, PyObject *x)
{
    return PyNumber_Absolute(x);
}

static PyObject *builtin_all_any(PyObject *iterable, int want_any)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    iternextfunc iternext = Py_TYPE(it)->tp_iternext;
    for (;;) {
        PyObject *item = iternext(it);
        if (item == NULL) {
            break;
        }
        int truth = PyObject_IsTrue(item);
        Py_DECREF(item);
        if (truth < 0) {
            Py_DECREF(it);
            return NULL;
        }
        if (truth == want_any) {
            Py_DECREF(it);
            return PyBool_FromLong(want_any);
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_StopIteration)) {
            return NULL;
        }
        PyErr_Clear();
    }
    return PyBool_FromLong(!want_any);
}

static PyObject *builtin_all(PyObject *module, PyObject *iterable)
{
    return builtin_all_any(iterable, 0);
}

static PyObject *builtin_any(PyObject *module, PyObject *iterable)
{
    return builtin_all_any(iterable, 1);
}

static PyObject *builtin_ascii(PyObject *module, PyObject *obj)
{
    return PyObject_ASCII(obj);
}

static PyObject *builtin_bin(PyObject *module, PyObject *x)
{
    return PyNumber_ToBase(x, 2);
}

static PyObject *builtin_oct(PyObject *module, PyObject *x)
{
    return PyNumber_ToBase(x, 8);
}

static PyObject *builtin_hex(PyObject *module, PyObject *x)
{
    return PyNumber_ToBase(x, 16);
}

static PyObject *builtin_breakpoint(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *hook = _PySys_GetRequiredAttr(_Py_ID(breakpointhook));
    if (hook == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_Call(hook, args, kwds);
    Py_DECREF(hook);
    return r;
}

static PyObject *builtin_callable(PyObject *module, PyObject *obj)
{
    return PyBool_FromLong(PyCallable_Check(obj));
}

static PyObject *builtin_chr(PyObject *module, PyObject *arg)
{
    PyObject *index = PyNumber_Index(arg);
    if (index == NULL) {
        return NULL;
    }
    int overflow;
    long v = PyLong_AsLongAndOverflow(index, &overflow);
    Py_DECREF(index);
    if (v == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (overflow || v < 0 || v > 0x10FFFF) {
        if (overflow || v > INT_MAX || v < INT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
            return NULL;
        }
        PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return PyUnicode_FromOrdinal((int)v);
}

static int check_attr_name(PyObject *name)
{
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    return 0;
}

static PyObject *builtin_delattr(PyObject *module, PyObject *args)
{
    PyObject *obj, *name;
    if (!PyArg_UnpackTuple(args, "delattr", 2, 2, &obj, &name)) {
        return NULL;
    }
    if (check_attr_name(name) < 0 || PyObject_DelAttr(obj, name) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *builtin_getattr(PyObject *module, PyObject *args)
{
    PyObject *obj, *name, *dflt = NULL;
    if (!PyArg_UnpackTuple(args, "getattr", 2, 3, &obj, &name, &dflt)) {
        return NULL;
    }
    if (check_attr_name(name) < 0) {
        return NULL;
    }
    if (dflt == NULL) {
        return PyObject_GetAttr(obj, name);
    }
    PyObject *result;
    if (PyObject_GetOptionalAttr(obj, name, &result) == 0) {
        return Py_NewRef(dflt);
    }
    return result;
}

static PyObject *builtin_hasattr(PyObject *module, PyObject *args)
{
    PyObject *obj, *name;
    if (!PyArg_UnpackTuple(args, "hasattr", 2, 2, &obj, &name)) {
        return NULL;
    }
    if (check_attr_name(name) < 0) {
        return NULL;
    }
    PyObject *v;
    int rc = PyObject_GetOptionalAttr(obj, name, &v);
    if (rc < 0) {
        return NULL;
    }
    Py_XDECREF(v);
    return PyBool_FromLong(rc);
}

static PyObject *builtin_setattr(PyObject *module, PyObject *args)
{
    PyObject *obj, *name, *value;
    if (!PyArg_UnpackTuple(args, "setattr", 3, 3, &obj, &name, &value)) {
        return NULL;
    }
    if (check_attr_name(name) < 0 || PyObject_SetAttr(obj, name, value) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *builtin_dir(PyObject *module, PyObject *args)
{
    PyObject *arg = NULL;
    if (!PyArg_UnpackTuple(args, "dir", 0, 1, &arg)) {
        return NULL;
    }
    return PyObject_Dir(arg);
}

static PyObject *builtin_divmod(PyObject *module, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_UnpackTuple(args, "divmod", 2, 2, &a, &b)) {
        return NULL;
    }
    return PyNumber_Divmod(a, b);
}

static PyObject *builtin_format(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("format", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *spec = NULL;
    if (nargs == 2) {
        spec = args[1];
        if (!PyUnicode_Check(spec)) {
            _PyArg_BadArgument("format", "argument 2", "str", spec);
            return NULL;
        }
    }
    return PyObject_Format(args[0], spec);
}

static PyObject *builtin_globals(PyObject *module, PyObject *unused)
{
    PyObject *g = PyEval_GetGlobals();
    if (g == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    return Py_NewRef(g);
}

static PyObject *builtin_locals(PyObject *module, PyObject *unused)
{
    return PyEval_GetFrameLocals();
}

static PyObject *builtin_vars(PyObject *module, PyObject *args)
{
    PyObject *v = NULL;
    if (!PyArg_UnpackTuple(args, "vars", 0, 1, &v)) {
        return NULL;
    }
    if (v == NULL) {
        return PyEval_GetFrameLocals();
    }
    PyObject *d;
    if (PyObject_GetOptionalAttr(v, _Py_ID(__dict__), &d) == 0) {
        PyErr_SetString(PyExc_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

static PyObject *builtin_hash(PyObject *module, PyObject *obj)
{
    Py_hash_t h = PyObject_Hash(obj);
    if (h == -1) {
        return NULL;
    }
    return PyLong_FromSsize_t(h);
}

static PyObject *builtin_id(PyObject *module, PyObject *obj)
{
    return PyLong_FromVoidPtr(obj);
}

static PyObject *builtin_isinstance(PyObject *module, PyObject *args)
{
    PyObject *obj, *cls;
    if (!PyArg_UnpackTuple(args, "isinstance", 2, 2, &obj, &cls)) {
        return NULL;
    }
    int r = PyObject_IsInstance(obj, cls);
    if (r < 0) {
        return NULL;
    }
    return PyBool_FromLong(r);
}

static PyObject *builtin_issubclass(PyObject *module, PyObject *args)
{
    PyObject *derived, *cls;
    if (!PyArg_UnpackTuple(args, "issubclass", 2, 2, &derived, &cls)) {
        return NULL;
    }
    int r = PyObject_IsSubclass(derived, cls);
    if (r < 0) {
        return NULL;
    }
    return PyBool_FromLong(r);
}

static PyObject *builtin_iter(PyObject *module, PyObject *args)
{
    PyObject *v, *w = NULL;
    if (!PyArg_UnpackTuple(args, "iter", 1, 2, &v, &w)) {
        return NULL;
    }
    if (w == NULL) {
        return PyObject_GetIter(v);
    }
    if (!PyCallable_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "iter(v, w): v must be callable");
        return NULL;
    }
    return PyCallIter_New(v, w);
}

static PyObject *builtin_aiter(PyObject *module, PyObject *obj)
{
    return PyObject_GetAIter(obj);
}

/* anext(aiterator, default): an awaitable that awaits aiterator.__anext__() and turns
 * StopAsyncIteration into a return of `default`. */
typedef struct {
    PyObject_HEAD
    PyObject *wrapped;        /* the async iterator */
    PyObject *default_value;
    PyObject *iterator;       /* the __anext__() awaitable's iterator, once started */
} anextawaitableobject;

static PyTypeObject anextawaitable_type;

static void anextawaitable_dealloc(anextawaitableobject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(self->wrapped);
    Py_XDECREF(self->default_value);
    Py_XDECREF(self->iterator);
    PyObject_GC_Del(self);
}

static int anextawaitable_traverse(anextawaitableobject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->wrapped);
    Py_VISIT(self->default_value);
    Py_VISIT(self->iterator);
    return 0;
}

/* Borrowed reference to the iterator of the __anext__() awaitable, starting it. */
static PyObject *anextawaitable_get_iterator(anextawaitableobject *self)
{
    if (self->iterator != NULL) {
        return self->iterator;
    }
    PyTypeObject *t = Py_TYPE(self->wrapped);
    PyObject *awaitable = (*t->tp_as_async->am_anext)(self->wrapped);
    if (awaitable == NULL) {
        return NULL;
    }
    PyTypeObject *at = Py_TYPE(awaitable);
    if (at->tp_as_async != NULL && at->tp_as_async->am_await != NULL) {
        self->iterator = (*at->tp_as_async->am_await)(awaitable);
        Py_DECREF(awaitable);
    }
    else if (PyIter_Check(awaitable)) {
        self->iterator = awaitable;
    }
    else {
        PyErr_Format(PyExc_TypeError, "'async_iterator' object returned a non-awaitable "
                     "object of type '%.100s'", at->tp_name);
        Py_DECREF(awaitable);
        return NULL;
    }
    return self->iterator;
}

/* Map StopAsyncIteration to StopIteration(default). */
static PyObject *anextawaitable_result(anextawaitableobject *self, PyObject *result)
{
    if (result == NULL && PyErr_ExceptionMatches(PyExc_StopAsyncIteration)) {
        PyErr_Clear();
        PyObject *exc = PyObject_CallOneArg(PyExc_StopIteration, self->default_value);
        if (exc != NULL) {
            PyErr_SetObject(PyExc_StopIteration, exc);
            Py_DECREF(exc);
        }
    }
    return result;
}

static PyObject *anextawaitable_iternext(anextawaitableobject *self)
{
    PyObject *it = anextawaitable_get_iterator(self);
    if (it == NULL) {
        return anextawaitable_result(self, NULL);
    }
    return anextawaitable_result(self, (*Py_TYPE(it)->tp_iternext)(it));
}

static PyObject *anextawaitable_proxy(anextawaitableobject *self, const char *meth,
                                      PyObject *args)
{
    PyObject *it = anextawaitable_get_iterator(self);
    if (it == NULL) {
        return anextawaitable_result(self, NULL);
    }
    PyObject *m = PyObject_GetAttrString(it, meth);
    if (m == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_Call(m, args, NULL);
    Py_DECREF(m);
    return anextawaitable_result(self, r);
}

static PyObject *anextawaitable_send(anextawaitableobject *self, PyObject *args)
{
    return anextawaitable_proxy(self, "send", args);
}

static PyObject *anextawaitable_throw(anextawaitableobject *self, PyObject *args)
{
    return anextawaitable_proxy(self, "throw", args);
}

static PyObject *anextawaitable_close(anextawaitableobject *self, PyObject *args)
{
    return anextawaitable_proxy(self, "close", args);
}

static PyObject *anextawaitable_await(anextawaitableobject *self)
{
    return Py_NewRef(self);
}

static PyAsyncMethods anextawaitable_as_async = {
    .am_await = (unaryfunc)anextawaitable_await,
};

static PyMethodDef anextawaitable_methods[] = {
    {"send", (PyCFunction)anextawaitable_send, METH_VARARGS, NULL},
    {"throw", (PyCFunction)anextawaitable_throw, METH_VARARGS, NULL},
    {"close", (PyCFunction)anextawaitable_close, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject anextawaitable_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "anext_awaitable",
    .tp_basicsize = sizeof(anextawaitableobject),
    .tp_dealloc = (destructor)anextawaitable_dealloc,
    .tp_as_async = &anextawaitable_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)anextawaitable_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)anextawaitable_iternext,
    .tp_methods = anextawaitable_methods,
};
_Py_REGISTER_STATIC_TYPE(anextawaitable_type);

static PyObject *builtin_anext(PyObject *module, PyObject *args)
{
    PyObject *aiterator, *dflt = NULL;
    if (!PyArg_UnpackTuple(args, "anext", 1, 2, &aiterator, &dflt)) {
        return NULL;
    }
    PyTypeObject *t = Py_TYPE(aiterator);
    if (t->tp_as_async == NULL || t->tp_as_async->am_anext == NULL) {
        return PyErr_Format(PyExc_TypeError, "'%.200s' object is not an async iterator",
                            t->tp_name);
    }
    if (dflt == NULL) {
        return (*t->tp_as_async->am_anext)(aiterator);
    }
    anextawaitableobject *aw = PyObject_GC_New(anextawaitableobject, &anextawaitable_type);
    if (aw == NULL) {
        return NULL;
    }
    aw->wrapped = Py_NewRef(aiterator);
    aw->default_value = Py_NewRef(dflt);
    aw->iterator = NULL;
    PyObject_GC_Track(aw);
    return (PyObject *)aw;
}

static PyObject *builtin_len(PyObject *module, PyObject *obj)
{
    Py_ssize_t n = PyObject_Size(obj);
    if (n < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *builtin_next(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        return PyErr_Format(PyExc_TypeError, nargs < 1
                            ? "next expected at least 1 argument, got %zd"
                            : "next expected at most 2 arguments, got %zd", nargs);
    }
    PyObject *it = args[0];
    if (!PyIter_Check(it)) {
        return PyErr_Format(PyExc_TypeError, "'%.200s' object is not an iterator",
                            Py_TYPE(it)->tp_name);
    }
    PyObject *res = (*Py_TYPE(it)->tp_iternext)(it);
    if (res != NULL) {
        return res;
    }
    if (nargs > 1) {
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration)) {
                return NULL;
            }
            PyErr_Clear();
        }
        return Py_NewRef(args[1]);
    }
    if (!PyErr_Occurred()) {
        PyErr_SetNone(PyExc_StopIteration);
    }
    return NULL;
}

static PyObject *builtin_ord(PyObject *module, PyObject *c)
{
    Py_ssize_t size;
    if (PyBytes_Check(c)) {
        size = PyBytes_GET_SIZE(c);
        if (size == 1) {
            return PyLong_FromLong((unsigned char)PyBytes_AS_STRING(c)[0]);
        }
    }
    else if (PyUnicode_Check(c)) {
        size = PyUnicode_GET_LENGTH(c);
        if (size == 1) {
            return PyLong_FromLong((long)PyUnicode_READ_CHAR(c, 0));
        }
    }
    else if (PyByteArray_Check(c)) {
        size = PyByteArray_GET_SIZE(c);
        if (size == 1) {
            return PyLong_FromLong((unsigned char)PyByteArray_AS_STRING(c)[0]);
        }
    }
    else {
        return PyErr_Format(PyExc_TypeError, "ord() expected string of length 1, but %.200s "
                            "found", Py_TYPE(c)->tp_name);
    }
    return PyErr_Format(PyExc_TypeError, "ord() expected a character, but string of length "
                        "%zd found", size);
}

static PyObject *builtin_pow(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"base", "exp", "mod", NULL};
    PyObject *base, *exp, *mod = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|O:pow", kwlist, &base, &exp, &mod)) {
        return NULL;
    }
    return PyNumber_Power(base, exp, mod);
}

static PyObject *builtin_repr(PyObject *module, PyObject *obj)
{
    return PyObject_Repr(obj);
}

static PyObject *builtin_round(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    static const char *const keywords[] = {"number", "ndigits", NULL};
    static _PyArg_Parser parser = {.keywords = keywords, .fname = "round"};
    PyObject *buffer[2];
    Py_ssize_t given = nargs + (kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames));
    if (given > 2) {
        PyErr_Format(PyExc_TypeError, "round() takes at most 2 arguments (%zd given)", given);
        return NULL;
    }
    PyObject *const *params = _PyArg_UnpackKeywords(args, nargs, NULL, kwnames, &parser, 1, 2,
                                                    0, buffer);
    if (params == NULL) {
        return NULL;
    }
    PyObject *number = params[0];
    PyObject *ndigits = params[1] == Py_None ? NULL : params[1];
    /* type(number).__round__, bound to number as a special method lookup would, except that
     * a method descriptor is called with number as its first argument (no bound method). */
    PyObject *round = _PyType_LookupRef(Py_TYPE(number), _Py_ID(__round__));
    if (round == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "type %.100s doesn't define __round__ method",
                         Py_TYPE(number)->tp_name);
        }
        return NULL;
    }
    PyObject *result;
    if (PyType_HasFeature(Py_TYPE(round), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        PyObject *callargs[2] = {number, ndigits};
        result = PyObject_Vectorcall(round, callargs, ndigits == NULL ? 1 : 2, NULL);
    }
    else {
        descrgetfunc get = Py_TYPE(round)->tp_descr_get;
        if (get != NULL) {
            Py_SETREF(round, get(round, number, (PyObject *)Py_TYPE(number)));
            if (round == NULL) {
                return NULL;
            }
        }
        result = ndigits == NULL ? PyObject_CallNoArgs(round) : PyObject_CallOneArg(round,
                                                                                   ndigits);
    }
    Py_DECREF(round);
    return result;
}

static PyObject *builtin_sorted(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                                PyObject *kwnames)
{
    if (nargs != 1) {
        return PyErr_Format(PyExc_TypeError, "sorted expected 1 argument, got %zd", nargs);
    }
    PyObject *list = PySequence_List(args[0]);
    if (list == NULL) {
        return NULL;
    }
    /* list.sort(key=..., reverse=...): pass the keywords through. */
    PyObject *callargs[3];
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nkw > 2) {
        Py_DECREF(list);
        PyErr_SetString(PyExc_TypeError, "sorted() takes at most 2 keyword arguments");
        return NULL;
    }
    callargs[0] = list;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        callargs[1 + i] = args[1 + i];
    }
    PyObject *r = PyObject_VectorcallMethod(_Py_ID(sort), callargs,
                                            1, kwnames);
    if (r == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    Py_DECREF(r);
    return list;
}

/* sum(): exact int and float fast paths; floats use Neumaier's compensated summation. */
static PyObject *builtin_sum(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "start", NULL};
    PyObject *iterable, *start = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:sum", kwlist, &iterable, &start)) {
        return NULL;
    }
    PyObject *result;
    if (start == NULL) {
        result = PyLong_FromLong(0);
        if (result == NULL) {
            return NULL;
        }
    }
    else {
        if (PyUnicode_Check(start)) {
            PyErr_SetString(PyExc_TypeError,
                            "sum() can't sum strings [use ''.join(seq) instead]");
            return NULL;
        }
        if (PyBytes_Check(start)) {
            PyErr_SetString(PyExc_TypeError,
                            "sum() can't sum bytes [use b''.join(seq) instead]");
            return NULL;
        }
        if (PyByteArray_Check(start)) {
            PyErr_SetString(PyExc_TypeError,
                            "sum() can't sum bytearray [use b''.join(seq) instead]");
            return NULL;
        }
        result = Py_NewRef(start);
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    PyObject *item = NULL;

    /* Int fast path: accumulate in a C long while items are exact ints that fit. */
    if (PyLong_CheckExact(result)) {
        int overflow;
        long i_result = PyLong_AsLongAndOverflow(result, &overflow);
        if (!overflow) {
            Py_SETREF(result, NULL);
            for (;;) {
                item = PyIter_Next(it);
                if (item == NULL) {
                    Py_DECREF(it);
                    if (PyErr_Occurred()) {
                        return NULL;
                    }
                    return PyLong_FromLong(i_result);
                }
                if (PyLong_CheckExact(item) || PyBool_Check(item)) {
                    long b = PyLong_AsLongAndOverflow(item, &overflow);
                    long x;
                    if (!overflow && !__builtin_add_overflow(i_result, b, &x)) {
                        i_result = x;
                        Py_DECREF(item);
                        continue;
                    }
                }
                /* Slow path from here: the item is added below. */
                result = PyLong_FromLong(i_result);
                if (result == NULL) {
                    Py_DECREF(item);
                    Py_DECREF(it);
                    return NULL;
                }
                if (PyFloat_CheckExact(item)) {
                    break;  /* continue in the float path with item pending */
                }
                PyObject *tmp = PyNumber_Add(result, item);
                Py_DECREF(result);
                Py_DECREF(item);
                item = NULL;
                result = tmp;
                if (result == NULL) {
                    Py_DECREF(it);
                    return NULL;
                }
                break;
            }
        }
    }

    /* Float fast path. */
    if (PyFloat_CheckExact(result) || (item != NULL && PyFloat_CheckExact(item))) {
        double f_result;
        if (PyFloat_CheckExact(result)) {
            f_result = PyFloat_AS_DOUBLE(result);
        }
        else {
            f_result = PyLong_AsDouble(result);
            if (f_result == -1.0 && PyErr_Occurred()) {
                Py_XDECREF(item);
                Py_DECREF(result);
                Py_DECREF(it);
                return NULL;
            }
        }
        Py_SETREF(result, NULL);
        double c = 0.0;
        for (;;) {
            if (item == NULL) {
                item = PyIter_Next(it);
            }
            if (item == NULL) {
                Py_DECREF(it);
                if (PyErr_Occurred()) {
                    return NULL;
                }
                /* Adding the compensation must not turn an infinite sum into a NaN. */
                if (c != 0.0 && isfinite(c)) {
                    f_result += c;
                }
                return PyFloat_FromDouble(f_result);
            }
            double x;
            int have_x = 0;
            if (PyFloat_CheckExact(item)) {
                x = PyFloat_AS_DOUBLE(item);
                have_x = 1;
            }
            else if (PyLong_CheckExact(item) || PyBool_Check(item)) {
                int overflow;
                long value = PyLong_AsLongAndOverflow(item, &overflow);
                if (!overflow) {
                    x = (double)value;
                    have_x = 1;
                }
            }
            if (have_x) {
                double t = f_result + x;
                if (fabs(f_result) >= fabs(x)) {
                    c += (f_result - t) + x;
                }
                else {
                    c += (x - t) + f_result;
                }
                f_result = t;
                Py_CLEAR(item);
                continue;
            }
            if (c != 0.0 && isfinite(c)) {
                f_result += c;
            }
            result = PyFloat_FromDouble(f_result);
            if (result == NULL) {
                Py_DECREF(item);
                Py_DECREF(it);
                return NULL;
            }
            PyObject *tmp = PyNumber_Add(result, item);
            Py_DECREF(result);
            Py_CLEAR(item);
            result = tmp;
            if (result == NULL) {
                Py_DECREF(it);
                return NULL;
            }
            break;
        }
    }

    /* Generic path. */
    if (item != NULL) {
        PyObject *tmp = PyNumber_Add(result, item);
        Py_DECREF(result);
        Py_CLEAR(item);
        result = tmp;
        if (result == NULL) {
            Py_DECREF(it);
            return NULL;
        }
    }
    for (;;) {
        item = PyIter_Next(it);
        if (item == NULL) {
            Py_DECREF(it);
            if (PyErr_Occurred()) {
                Py_DECREF(result);
                return NULL;
            }
            return result;
        }
        PyObject *tmp = PyNumber_Add(result, item);
        Py_DECREF(result);
        Py_DECREF(item);
        result = tmp;
        if (result == NULL) {
            Py_DECREF(it);
            return NULL;
        }
    }
}

/* min() and max(): op is Py_LT for min, Py_GT for max. */
static PyObject *min_max(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, int op)
{
    const char *name = op == Py_LT ? "min" : "max";
    PyObject *keyfunc = NULL, *dflt = NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *kw = PyTuple_GET_ITEM(kwnames, i);
        if (PyUnicode_CompareWithASCIIString(kw, "key") == 0) {
            keyfunc = args[nargs + i];
        }
        else if (PyUnicode_CompareWithASCIIString(kw, "default") == 0) {
            dflt = args[nargs + i];
        }
        else {
            return PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument "
                                "'%U'", name, kw);
        }
    }
    if (nargs == 0) {
        return PyErr_Format(PyExc_TypeError, "%s expected at least 1 argument, got 0", name);
    }
    if (keyfunc == Py_None) {
        keyfunc = NULL;
    }
    PyObject *it = NULL;
    if (nargs == 1) {
        it = PyObject_GetIter(args[0]);
        if (it == NULL) {
            return NULL;
        }
    }
    else if (dflt != NULL) {
        return PyErr_Format(PyExc_TypeError, "Cannot specify a default for %s() with "
                            "multiple positional arguments", name);
    }
    PyObject *maxitem = NULL, *maxval = NULL;
    Py_ssize_t idx = 0;
    for (;;) {
        PyObject *item;
        if (it != NULL) {
            item = PyIter_Next(it);
            if (item == NULL) {
                if (PyErr_Occurred()) {
                    goto fail;
                }
                break;
            }
        }
        else {
            if (idx >= nargs) {
                break;
            }
            item = Py_NewRef(args[idx++]);
        }
        PyObject *val;
        if (keyfunc != NULL) {
            val = PyObject_CallOneArg(keyfunc, item);
            if (val == NULL) {
                Py_DECREF(item);
                goto fail;
            }
        }
        else {
            val = Py_NewRef(item);
        }
        if (maxval == NULL) {
            maxitem = item;
            maxval = val;
            continue;
        }
        int cmp = PyObject_RichCompareBool(val, maxval, op);
        if (cmp < 0) {
            Py_DECREF(item);
            Py_DECREF(val);
            goto fail;
        }
        if (cmp > 0) {
            Py_SETREF(maxval, val);
            Py_SETREF(maxitem, item);
        }
        else {
            Py_DECREF(item);
            Py_DECREF(val);
        }
    }
    Py_XDECREF(it);
    Py_XDECREF(maxval);
    if (maxitem == NULL) {
        if (dflt != NULL) {
            return Py_NewRef(dflt);
        }
        return PyErr_Format(PyExc_ValueError, "%s() iterable argument is empty", name);
    }
    return maxitem;

fail:
    Py_XDECREF(it);
    Py_XDECREF(maxitem);
    Py_XDECREF(maxval);
    return NULL;
}

static PyObject *builtin_min(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames)
{
    return min_max(args, nargs, kwnames, Py_LT);
}

static PyObject *builtin_max(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames)
{
    return min_max(args, nargs, kwnames, Py_GT);
}

static PyObject *builtin_print(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    PyObject *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *kw = PyTuple_GET_ITEM(kwnames, i);
        PyObject *v = args[nargs + i];
        if (PyUnicode_CompareWithASCIIString(kw, "sep") == 0) {
            sep = v;
        }
        else if (PyUnicode_CompareWithASCIIString(kw, "end") == 0) {
            end = v;
        }
        else if (PyUnicode_CompareWithASCIIString(kw, "file") == 0) {
            file = v;
        }
        else if (PyUnicode_CompareWithASCIIString(kw, "flush") == 0) {
            flush = v;
        }
        else {
            return PyErr_Format(PyExc_TypeError,
                                "'%U' is an invalid keyword argument for print()", kw);
        }
    }
    /* Our own reference: a write() may rebind sys.stdout, and so may another thread. */
    if (file == NULL || file == Py_None) {
        file = _PySys_GetRequiredAttr(_Py_ID(stdout));
        if (file == NULL) {
            return NULL;
        }
        if (file == Py_None) {
            Py_DECREF(file);
            Py_RETURN_NONE;
        }
    }
    else {
        Py_INCREF(file);
    }
    if (sep == Py_None) {
        sep = NULL;
    }
    else if (sep != NULL && !PyUnicode_Check(sep)) {
        PyErr_Format(PyExc_TypeError, "sep must be None or a string, not %.200s",
                     Py_TYPE(sep)->tp_name);
        Py_DECREF(file);
        return NULL;
    }
    if (end == Py_None) {
        end = NULL;
    }
    else if (end != NULL && !PyUnicode_Check(end)) {
        PyErr_Format(PyExc_TypeError, "end must be None or a string, not %.200s",
                     Py_TYPE(end)->tp_name);
        Py_DECREF(file);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (i > 0) {
            int rc = sep == NULL ? PyFile_WriteString(" ", file)
                                 : PyFile_WriteObject(sep, file, Py_PRINT_RAW);
            if (rc < 0) {
                Py_DECREF(file);
                return NULL;
            }
        }
        if (PyFile_WriteObject(args[i], file, Py_PRINT_RAW) < 0) {
            Py_DECREF(file);
            return NULL;
        }
    }
    int rc = end == NULL ? PyFile_WriteString("\n", file)
                         : PyFile_WriteObject(end, file, Py_PRINT_RAW);
    if (rc < 0) {
        Py_DECREF(file);
        return NULL;
    }
    if (flush != NULL) {
        int do_flush = PyObject_IsTrue(flush);
        if (do_flush < 0) {
            Py_DECREF(file);
            return NULL;
        }
        if (do_flush) {
            PyObject *r = PyObject_CallMethod(file, "flush", NULL);
            if (r == NULL) {
                Py_DECREF(file);
                return NULL;
            }
            Py_DECREF(r);
        }
    }
    Py_DECREF(file);
    Py_RETURN_NONE;
}

static PyObject *builtin_input(PyObject *module, PyObject *args)
{
    PyObject *prompt = NULL;
    if (!PyArg_UnpackTuple(args, "input", 0, 1, &prompt)) {
        return NULL;
    }
    /* New references: the flush() and write() calls below may rebind the sys streams. */
    PyObject *fin = NULL, *fout = NULL, *ferr = NULL;
    if (_PySys_GetOptionalAttr(_Py_ID(stdin), &fin) < 0 ||
        _PySys_GetOptionalAttr(_Py_ID(stdout), &fout) < 0 ||
        _PySys_GetOptionalAttr(_Py_ID(stderr), &ferr) < 0) {
        goto error;
    }
    if (fin == NULL || fin == Py_None) {
        PyErr_SetString(PyExc_RuntimeError, "input(): lost sys.stdin");
        goto error;
    }
    if (fout == NULL || fout == Py_None) {
        PyErr_SetString(PyExc_RuntimeError, "input(): lost sys.stdout");
        goto error;
    }
    if (ferr != NULL && ferr != Py_None) {
        PyObject *r = PyObject_CallMethod(ferr, "flush", NULL);
        if (r == NULL) {
            PyErr_Clear();
        }
        Py_XDECREF(r);
    }
    if (prompt != NULL) {
        if (PyFile_WriteObject(prompt, fout, Py_PRINT_RAW) < 0) {
            goto error;
        }
    }
    PyObject *r = PyObject_CallMethod(fout, "flush", NULL);
    if (r == NULL) {
        PyErr_Clear();
    }
    Py_XDECREF(r);
    PyObject *line = PyFile_GetLine(fin, -1);
    Py_DECREF(fin);
    Py_DECREF(fout);
    Py_XDECREF(ferr);
    return line;

error:
    Py_XDECREF(fin);
    Py_XDECREF(fout);
    Py_XDECREF(ferr);
    return NULL;
}

/* ---- compile / exec / eval ---- */

/* UTF-8 source text of a str, bytes or buffer argument; *keep holds the object owning the
 * buffer (new reference).  NULL with TypeError naming `funcname` otherwise. */
static const char *source_as_string(PyObject *cmd, const char *funcname, const char *what,
                                    PyCompilerFlags *cf, PyObject **keep)
{
    const char *str;
    Py_ssize_t size;
    *keep = NULL;
    if (PyUnicode_Check(cmd)) {
        cf->cf_flags |= PyCF_IGNORE_COOKIE;
        str = PyUnicode_AsUTF8AndSize(cmd, &size);
        if (str == NULL) {
            return NULL;
        }
    }
    else if (PyBytes_Check(cmd)) {
        str = PyBytes_AS_STRING(cmd);
        size = PyBytes_GET_SIZE(cmd);
    }
    else if (PyByteArray_Check(cmd)) {
        *keep = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(cmd),
                                          PyByteArray_GET_SIZE(cmd));
        if (*keep == NULL) {
            return NULL;
        }
        str = PyBytes_AS_STRING(*keep);
        size = PyBytes_GET_SIZE(*keep);
    }
    else if (PyObject_CheckBuffer(cmd)) {
        Py_buffer view;
        if (PyObject_GetBuffer(cmd, &view, PyBUF_SIMPLE) < 0) {
            return NULL;
        }
        *keep = PyBytes_FromStringAndSize(view.buf, view.len);
        PyBuffer_Release(&view);
        if (*keep == NULL) {
            return NULL;
        }
        str = PyBytes_AS_STRING(*keep);
        size = PyBytes_GET_SIZE(*keep);
    }
    else {
        PyErr_Format(PyExc_TypeError, "%s() arg 1 must be a %s object", funcname, what);
        return NULL;
    }
    if ((Py_ssize_t)strlen(str) != size) {
        Py_CLEAR(*keep);
        PyErr_SetString(PyExc_SyntaxError, "source code string cannot contain null bytes");
        return NULL;
    }
    return str;
}

static PyObject *builtin_compile(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"source", "filename", "mode", "flags", "dont_inherit",
                             "optimize", "_feature_version", NULL};
    PyObject *source, *filename;
    const char *mode;
    int flags = 0, dont_inherit = 0, optimize = -1, feature_version = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO&s|iiii:compile", kwlist, &source,
                                     PyUnicode_FSDecoder, &filename, &mode, &flags,
                                     &dont_inherit, &optimize, &feature_version)) {
        return NULL;
    }
    PyCompilerFlags cf = _PyCompilerFlags_INIT;
    cf.cf_flags = flags | PyCF_SOURCE_IS_UTF8;
    if (feature_version >= 0 && (flags & PyCF_ONLY_AST)) {
        cf.cf_feature_version = feature_version;
    }
    PyObject *result = NULL;
    if (flags & ~(PyCF_MASK | PyCF_MASK_OBSOLETE | PyCF_COMPILE_MASK)) {
        PyErr_SetString(PyExc_ValueError, "compile(): unrecognised flags");
        goto done;
    }
    if (optimize < -1 || optimize > 2) {
        PyErr_SetString(PyExc_ValueError, "compile(): invalid optimize value");
        goto done;
    }
    if (!dont_inherit) {
        PyEval_MergeCompilerFlags((struct PyCompilerFlags *)&cf);
    }
    int start;
    if (strcmp(mode, "exec") == 0) {
        start = Py_file_input;
    }
    else if (strcmp(mode, "eval") == 0) {
        start = Py_eval_input;
    }
    else if (strcmp(mode, "single") == 0) {
        start = Py_single_input;
    }
    else if (strcmp(mode, "func_type") == 0 && (flags & PyCF_ONLY_AST)) {
        start = Py_func_type_input;
    }
    else {
        PyErr_SetString(PyExc_ValueError, (flags & PyCF_ONLY_AST)
                        ? "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
                        : "compile() mode must be 'exec', 'eval' or 'single'");
        goto done;
    }
    if (!PyUnicode_Check(source) && !PyBytes_Check(source) && !PyByteArray_Check(source)) {
        int is_ast = PyAST_Check(source);
        if (is_ast < 0) {
            goto done;
        }
        if (is_ast) {
            if (flags & PyCF_ONLY_AST) {
                result = Py_NewRef(source);
                goto done;
            }
            PyArena *arena = _PyArena_New();
            if (arena == NULL) {
                goto done;
            }
            mod_ty mod = PyAST_obj2mod(source, arena, start);
            if (mod != NULL) {
                result = (PyObject *)_PyAST_Compile(mod, filename, &cf, optimize, arena);
            }
            _PyArena_Free(arena);
            goto done;
        }
    }
    PyObject *keep;
    const char *str = source_as_string(source, "compile", "string, bytes or AST", &cf,
                                       &keep);
    if (str == NULL) {
        goto done;
    }
    result = Py_CompileStringObject(str, filename, start, &cf, optimize);
    Py_XDECREF(keep);
done:
    Py_DECREF(filename);
    return result;
}

/* Resolve exec/eval's globals and locals.  New references in *pg and *pl. */
static int exec_eval_namespaces(const char *funcname, PyObject *globals, PyObject *locals,
                                PyObject **pg, PyObject **pl)
{
    if (globals == Py_None) {
        globals = NULL;
    }
    if (locals == Py_None) {
        locals = NULL;
    }
    if (globals != NULL && !PyDict_Check(globals)) {
        if (strcmp(funcname, "eval") != 0) {
            PyErr_Format(PyExc_TypeError, "exec() globals must be a dict, not %.100s",
                         Py_TYPE(globals)->tp_name);
        }
        else {
            PyErr_SetString(PyExc_TypeError, PyMapping_Check(globals)
                            ? "globals must be a real dict; try eval(expr, {}, mapping)"
                            : "globals must be a dict");
        }
        return -1;
    }
    if (locals != NULL && !PyMapping_Check(locals)) {
        PyErr_Format(PyExc_TypeError, strcmp(funcname, "eval") == 0
                     ? "locals must be a mapping"
                     : "locals must be a mapping or None, not %.100s",
                     Py_TYPE(locals)->tp_name);
        return -1;
    }
    if (globals == NULL) {
        globals = PyEval_GetGlobals();
        if (globals == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_SystemError, "%s(): no globals", funcname);
            }
            return -1;
        }
        Py_INCREF(globals);
        if (locals == NULL) {
            locals = PyEval_GetFrameLocals();
            if (locals == NULL) {
                Py_DECREF(globals);
                return -1;
            }
        }
        else {
            Py_INCREF(locals);
        }
    }
    else {
        Py_INCREF(globals);
        locals = Py_NewRef(locals != NULL ? locals : globals);
    }
    int has = PyDict_Contains(globals, _Py_ID(__builtins__));
    if (has == 0) {
        has = PyDict_SetItem(globals, _Py_ID(__builtins__),
                             _PyInterpreterState_GET()->builtins_module) < 0 ? -1 : 1;
    }
    if (has < 0) {
        Py_DECREF(globals);
        Py_DECREF(locals);
        return -1;
    }
    *pg = globals;
    *pl = locals;
    return 0;
}

static PyObject *exec_or_eval(const char *funcname, PyObject *source, PyObject *globals,
                              PyObject *locals, PyObject *closure, int start)
{
    PyObject *g, *l;
    if (exec_eval_namespaces(funcname, globals, locals, &g, &l) < 0) {
        return NULL;
    }
    PyObject *result = NULL;
    if (PyCode_Check(source)) {
        PyCodeObject *co = (PyCodeObject *)source;
        if (start == Py_eval_input && co->co_nfreevars > 0) {
            PyErr_SetString(PyExc_TypeError,
                            "code object passed to eval() may not contain free variables");
            goto done;
        }
        if (closure != NULL && closure != Py_None) {
            if (!PyTuple_Check(closure) ||
                PyTuple_GET_SIZE(closure) != co->co_nfreevars) {
                PyErr_Format(PyExc_TypeError, "code object requires a closure of exactly "
                             "length %d", co->co_nfreevars);
                goto done;
            }
            result = _PyEval_EvalCodeWithLocals(source, g, l, closure);
        }
        else {
            if (co->co_nfreevars > 0) {
                PyErr_Format(PyExc_TypeError, "code object requires a closure of exactly "
                             "length %d", co->co_nfreevars);
                goto done;
            }
            result = PyEval_EvalCode(source, g, l);
        }
        goto done;
    }
    if (closure != NULL && closure != Py_None) {
        PyErr_SetString(PyExc_TypeError, "closure can only be used when source is a code "
                        "object");
        goto done;
    }
    PyCompilerFlags cf = _PyCompilerFlags_INIT;
    cf.cf_flags = PyCF_SOURCE_IS_UTF8;
    PyObject *keep;
    const char *str = source_as_string(source, funcname, "string, bytes or code", &cf,
                                       &keep);
    if (str == NULL) {
        goto done;
    }
    if (start == Py_eval_input) {
        while (*str == ' ' || *str == '\t') {
            str++;
        }
    }
    (void)PyEval_MergeCompilerFlags((struct PyCompilerFlags *)&cf);
    result = PyRun_StringFlags(str, start, g, l, &cf);
    Py_XDECREF(keep);
done:
    Py_DECREF(g);
    Py_DECREF(l);
    return result;
}

static PyObject *builtin_eval(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"source", "globals", "locals", NULL};
    PyObject *source, *globals = Py_None, *locals = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OO:eval", kwlist, &source, &globals,
                                     &locals)) {
        return NULL;
    }
    return exec_or_eval("eval", source, globals, locals, NULL, Py_eval_input);
}

static PyObject *builtin_exec(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"source", "globals", "locals", "closure", NULL};
    PyObject *source, *globals = Py_None, *locals = Py_None, *closure = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OO$O:exec", kwlist, &source, &globals,
                                     &locals, &closure)) {
        return NULL;
    }
    PyObject *r = exec_or_eval("exec", source, globals, locals, closure, Py_file_input);
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    Py_RETURN_NONE;
}

/* ---- open ---- */

static PyObject *builtin_open(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"file", "mode", "buffering", "encoding", "errors", "newline",
                             "closefd", "opener", NULL};
    PyObject *file;
    const char *mode = "r";
    int buffering = -1, closefd = 1;
    const char *encoding = NULL, *errors = NULL, *newline = NULL;
    PyObject *opener = Py_None;
    /* io.open when the io module is available (imported on first use, so start-up does
     * not pay for it); the minimal stream otherwise. */
    PyObject *io = PyImport_ImportModule("io");
    if (io == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_ImportError)) {
            return NULL;
        }
        PyErr_Clear();
    }
    else {
        PyObject *open = PyObject_GetAttrString(io, "open");
        Py_DECREF(io);
        if (open == NULL) {
            return NULL;
        }
        PyObject *r = PyObject_Call(open, args, kwds);
        Py_DECREF(open);
        return r;
    }
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|sizzzpO:open", kwlist, &file, &mode,
                                     &buffering, &encoding, &errors, &newline, &closefd,
                                     &opener)) {
        return NULL;
    }
    /* Validate the mode as io.open does. */
    int seen_rwxa = 0, seen_plus = 0, seen_b = 0, seen_t = 0;
    for (const char *p = mode; *p; p++) {
        const char *valid = "rwxabt+";
        if (strchr(valid, *p) == NULL || strchr(p + 1, *p) != NULL) {
            return PyErr_Format(PyExc_ValueError, "invalid mode: '%s'", mode);
        }
        if (strchr("rwxa", *p)) {
            seen_rwxa++;
        }
        seen_plus |= *p == '+';
        seen_b |= *p == 'b';
        seen_t |= *p == 't';
    }
    if (seen_b && seen_t) {
        PyErr_SetString(PyExc_ValueError, "can't have text and binary mode at once");
        return NULL;
    }
    if (seen_rwxa != 1) {
        PyErr_SetString(PyExc_ValueError, "must have exactly one of create/read/write/append "
                        "mode");
        return NULL;
    }
    if (seen_b && encoding != NULL) {
        PyErr_SetString(PyExc_ValueError, "binary mode doesn't take an encoding argument");
        return NULL;
    }
    if (seen_b && errors != NULL) {
        PyErr_SetString(PyExc_ValueError, "binary mode doesn't take an errors argument");
        return NULL;
    }
    (void)seen_plus;
    (void)newline;
    if (opener != Py_None) {
        PyErr_SetString(PyExc_NotImplementedError, "open(): opener is not supported until "
                        "the io module exists");
        return NULL;
    }
    if (!closefd && !PyLong_Check(file)) {
        PyErr_SetString(PyExc_ValueError, "Cannot use closefd=False with file name");
        return NULL;
    }
    return _PyStdio_Open(file, mode, buffering, errors, closefd);
}

/* ---- map, filter, zip ---- */

typedef struct {
    PyObject_HEAD
    PyObject *iters;   /* tuple of iterators */
    PyObject *func;
} mapobject;

static PyObject *map_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if ((type == &PyMap_Type) && kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        PyErr_SetString(PyExc_TypeError, "map() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 2) {
        PyErr_SetString(PyExc_TypeError, "map() must have at least two arguments.");
        return NULL;
    }
    PyObject *iters = PyTuple_New(n - 1);
    if (iters == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 1; i < n; i++) {
        PyObject *it = PyObject_GetIter(PyTuple_GET_ITEM(args, i));
        if (it == NULL) {
            Py_DECREF(iters);
            return NULL;
        }
        PyTuple_SET_ITEM(iters, i - 1, it);
    }
    mapobject *lz = (mapobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(iters);
        return NULL;
    }
    lz->iters = iters;
    lz->func = Py_NewRef(PyTuple_GET_ITEM(args, 0));
    return (PyObject *)lz;
}

static void map_dealloc(mapobject *lz)
{
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->iters);
    Py_XDECREF(lz->func);
    Py_TYPE(lz)->tp_free(lz);
}

static int map_traverse(mapobject *lz, visitproc visit, void *arg)
{
    Py_VISIT(lz->iters);
    Py_VISIT(lz->func);
    return 0;
}

static PyObject *map_next(mapobject *lz)
{
    PyObject *small[5];
    Py_ssize_t n = PyTuple_GET_SIZE(lz->iters);
    PyObject **stack = n <= 5 ? small : PyMem_Malloc((size_t)n * sizeof(PyObject *));
    if (stack == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t got = 0;
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PyTuple_GET_ITEM(lz->iters, i);
        PyObject *val = Py_TYPE(it)->tp_iternext(it);
        if (val == NULL) {
            goto exit;
        }
        stack[i] = val;
        got++;
    }
    result = PyObject_Vectorcall(lz->func, stack, (size_t)n, NULL);
exit:
    for (Py_ssize_t i = 0; i < got; i++) {
        Py_DECREF(stack[i]);
    }
    if (stack != small) {
        PyMem_Free(stack);
    }
    return result;
}

static PyObject *map_reduce(mapobject *lz, PyObject *unused)
{
    Py_ssize_t n = PyTuple_GET_SIZE(lz->iters);
    PyObject *args = PyTuple_New(n + 1);
    if (args == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(args, 0, Py_NewRef(lz->func));
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(args, i + 1, Py_NewRef(PyTuple_GET_ITEM(lz->iters, i)));
    }
    return Py_BuildValue("ON", Py_TYPE(lz), args);
}

static PyMethodDef map_methods[] = {
    {"__reduce__", (PyCFunction)map_reduce, METH_NOARGS, "Return state information for "
     "pickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyMap_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "map",
    .tp_basicsize = sizeof(mapobject),
    .tp_dealloc = (destructor)map_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "map(function, iterable, /, *iterables)\n--\n\nMake an iterator that computes "
              "the function using arguments from\neach of the iterables.  Stops when the "
              "shortest iterable is exhausted.",
    .tp_traverse = (traverseproc)map_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)map_next,
    .tp_methods = map_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = map_new,
    .tp_free = PyObject_GC_Del,
};
_Py_REGISTER_STATIC_TYPE(PyMap_Type);

typedef struct {
    PyObject_HEAD
    PyObject *func;
    PyObject *it;
} filterobject;

static PyObject *filter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (type == &PyFilter_Type && kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        PyErr_SetString(PyExc_TypeError, "filter() takes no keyword arguments");
        return NULL;
    }
    PyObject *func, *seq;
    if (!PyArg_UnpackTuple(args, "filter", 2, 2, &func, &seq)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        return NULL;
    }
    filterobject *lz = (filterobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    lz->func = Py_NewRef(func);
    lz->it = it;
    return (PyObject *)lz;
}

static void filter_dealloc(filterobject *lz)
{
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->func);
    Py_XDECREF(lz->it);
    Py_TYPE(lz)->tp_free(lz);
}

static int filter_traverse(filterobject *lz, visitproc visit, void *arg)
{
    Py_VISIT(lz->it);
    Py_VISIT(lz->func);
    return 0;
}

static PyObject *filter_next(filterobject *lz)
{
    PyObject *it = lz->it;
    iternextfunc iternext = Py_TYPE(it)->tp_iternext;
    int checktrue = lz->func == Py_None || lz->func == (PyObject *)&PyBool_Type;
    for (;;) {
        PyObject *item = iternext(it);
        if (item == NULL) {
            return NULL;
        }
        int ok;
        if (checktrue) {
            ok = PyObject_IsTrue(item);
        }
        else {
            PyObject *good = PyObject_CallOneArg(lz->func, item);
            if (good == NULL) {
                Py_DECREF(item);
                return NULL;
            }
            ok = PyObject_IsTrue(good);
            Py_DECREF(good);
        }
        if (ok > 0) {
            return item;
        }
        Py_DECREF(item);
        if (ok < 0) {
            return NULL;
        }
    }
}

static PyObject *filter_reduce(filterobject *lz, PyObject *unused)
{
    return Py_BuildValue("O(OO)", Py_TYPE(lz), lz->func, lz->it);
}

static PyMethodDef filter_methods[] = {
    {"__reduce__", (PyCFunction)filter_reduce, METH_NOARGS, "Return state information for "
     "pickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyFilter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "filter",
    .tp_basicsize = sizeof(filterobject),
    .tp_dealloc = (destructor)filter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "filter(function, iterable, /)\n--\n\nReturn an iterator yielding those items "
              "of iterable for which function(item)\nis true. If function is None, return "
              "the items that are true.",
    .tp_traverse = (traverseproc)filter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)filter_next,
    .tp_methods = filter_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = filter_new,
    .tp_free = PyObject_GC_Del,
};
_Py_REGISTER_STATIC_TYPE(PyFilter_Type);

typedef struct {
    PyObject_HEAD
    Py_ssize_t tuplesize;
    PyObject *ittuple;   /* tuple of iterators */
    int strict;
} zipobject;

static PyObject *zip_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    int strict = 0;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        PyObject *empty = PyTuple_New(0);
        if (empty == NULL) {
            return NULL;
        }
        static char *kwlist[] = {"strict", NULL};
        int ok = PyArg_ParseTupleAndKeywords(empty, kwds, "|$p:zip", kwlist, &strict);
        Py_DECREF(empty);
        if (!ok) {
            return NULL;
        }
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    PyObject *ittuple = PyTuple_New(n);
    if (ittuple == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PyObject_GetIter(PyTuple_GET_ITEM(args, i));
        if (it == NULL) {
            Py_DECREF(ittuple);
            return NULL;
        }
        PyTuple_SET_ITEM(ittuple, i, it);
    }
    zipobject *lz = (zipobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(ittuple);
        return NULL;
    }
    lz->ittuple = ittuple;
    lz->tuplesize = n;
    lz->strict = strict;
    return (PyObject *)lz;
}

static void zip_dealloc(zipobject *lz)
{
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->ittuple);
    Py_TYPE(lz)->tp_free(lz);
}

static int zip_traverse(zipobject *lz, visitproc visit, void *arg)
{
    Py_VISIT(lz->ittuple);
    return 0;
}

/* strict mode: iterator i ran out (i > 0) or iterator 0 ran out and another did not. */
static PyObject *zip_strict_error(zipobject *lz, Py_ssize_t i)
{
    if (i > 0) {
        return PyErr_Format(PyExc_ValueError, "zip() argument %zd is shorter than "
                            "argument%s%zd", i + 1, i == 1 ? " " : "s 1-", i);
    }
    for (i = 1; i < lz->tuplesize; i++) {
        PyObject *it = PyTuple_GET_ITEM(lz->ittuple, i);
        PyObject *item = Py_TYPE(it)->tp_iternext(it);
        if (item != NULL) {
            Py_DECREF(item);
            return PyErr_Format(PyExc_ValueError, "zip() argument %zd is longer than "
                                "argument%s%zd", i + 1, i == 1 ? " " : "s 1-", i);
        }
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration)) {
                return NULL;
            }
            PyErr_Clear();
        }
    }
    return NULL;
}

static PyObject *zip_next(zipobject *lz)
{
    Py_ssize_t n = lz->tuplesize;
    if (n == 0) {
        return NULL;
    }
    PyObject *result = PyTuple_New(n);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PyTuple_GET_ITEM(lz->ittuple, i);
        PyObject *item = Py_TYPE(it)->tp_iternext(it);
        if (item == NULL) {
            Py_DECREF(result);
            if (lz->strict) {
                if (PyErr_Occurred()) {
                    if (!PyErr_ExceptionMatches(PyExc_StopIteration)) {
                        return NULL;
                    }
                    PyErr_Clear();
                }
                return zip_strict_error(lz, i);
            }
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, item);
    }
    return result;
}

static PyObject *zip_reduce(zipobject *lz, PyObject *unused)
{
    if (lz->strict) {
        return PyTuple_Pack(3, Py_TYPE(lz), lz->ittuple, Py_True);
    }
    return PyTuple_Pack(2, Py_TYPE(lz), lz->ittuple);
}

static PyObject *zip_setstate(zipobject *lz, PyObject *state)
{
    int strict = PyObject_IsTrue(state);
    if (strict < 0) {
        return NULL;
    }
    lz->strict = strict;
    Py_RETURN_NONE;
}

static PyMethodDef zip_methods[] = {
    {"__reduce__", (PyCFunction)zip_reduce, METH_NOARGS, "Return state information for "
     "pickling."},
    {"__setstate__", (PyCFunction)zip_setstate, METH_O, "Set state information for "
     "unpickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyZip_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "zip",
    .tp_basicsize = sizeof(zipobject),
    .tp_dealloc = (destructor)zip_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "zip(*iterables, strict=False)\n--\n\nThe zip object yields n-length tuples, "
              "where n is the number of iterables\npassed as positional arguments to zip().",
    .tp_traverse = (traverseproc)zip_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)zip_next,
    .tp_methods = zip_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = zip_new,
    .tp_free = PyObject_GC_Del,
};
_Py_REGISTER_STATIC_TYPE(PyZip_Type);

/* ---- exit() and quit() ----
 * CPython's site module adds these to builtins; Braid has no site module yet, so they are
 * added here unless -S is given. */

typedef struct {
    PyObject_HEAD
    const char *name;
} quitterobject;

static PyObject *quitter_repr(quitterobject *self)
{
    return PyUnicode_FromFormat("Use %s() or Ctrl-D (i.e. EOF) to exit", self->name);
}

static PyObject *quitter_call(quitterobject *self, PyObject *args, PyObject *kwds)
{
    PyObject *code = Py_None;
    if (!PyArg_UnpackTuple(args, self->name, 0, 1, &code)) {
        return NULL;
    }
    /* Closing stdin first, as site.Quitter does, lets a shell-like parent notice. */
    PyObject *in;
    if (_PySys_GetOptionalAttr(_Py_ID(stdin), &in) < 0) {
        PyErr_Clear();
    }
    if (in != NULL && in != Py_None) {
        PyObject *r = PyObject_CallMethod(in, "close", NULL);
        if (r == NULL) {
            PyErr_Clear();
        }
        Py_XDECREF(r);
    }
    Py_XDECREF(in);
    PyErr_SetObject(PyExc_SystemExit, code);
    return NULL;
}

static PyTypeObject quitter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_sitebuiltins.Quitter",
    .tp_basicsize = sizeof(quitterobject),
    .tp_repr = (reprfunc)quitter_repr,
    .tp_call = (ternaryfunc)quitter_call,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};
_Py_REGISTER_STATIC_TYPE(quitter_type);

/* Statically allocated, immortal. */
static quitterobject exit_quitter = {PyObject_HEAD_INIT(&quitter_type) "exit"};
static quitterobject quit_quitter = {PyObject_HEAD_INIT(&quitter_type) "quit"};

/* ---- the module ---- */

static PyMethodDef builtin_methods[] = {
    {"__build_class__", _PyCFunction_CAST(builtin___build_class__),
     METH_FASTCALL | METH_KEYWORDS,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"},
    {"__import__", _PyCFunction_CAST(builtin___import__), METH_VARARGS | METH_KEYWORDS,
     "Import a module."},
    {"abs", builtin_abs, METH_O, "Return the absolute value of the argument."},
    {"all", builtin_all, METH_O, "Return True if bool(x) is True for all values x in the "
     "iterable."},
    {"any", builtin_any, METH_O, "Return True if bool(x) is True for any x in the iterable."},
    {"ascii", builtin_ascii, METH_O, "Return an ASCII-only representation of an object."},
    {"bin", builtin_bin, METH_O, "Return the binary representation of an integer."},
    {"breakpoint", _PyCFunction_CAST(builtin_breakpoint), METH_VARARGS | METH_KEYWORDS,
     "Call sys.breakpointhook(*args, **kws)."},
    {"callable", builtin_callable, METH_O, "Return whether the object is callable."},
    {"chr", builtin_chr, METH_O, "Return a Unicode string of one character with ordinal i."},
    {"compile", _PyCFunction_CAST(builtin_compile), METH_VARARGS | METH_KEYWORDS,
     "Compile source into a code object that can be executed by exec() or eval()."},
    {"delattr", builtin_delattr, METH_VARARGS, "Deletes the named attribute from the given "
     "object."},
    {"dir", builtin_dir, METH_VARARGS, "Show attributes of an object."},
    {"divmod", builtin_divmod, METH_VARARGS, "Return the tuple (x//y, x%y)."},
    {"eval", _PyCFunction_CAST(builtin_eval), METH_VARARGS | METH_KEYWORDS,
     "Evaluate the given source in the context of globals and locals."},
    {"exec", _PyCFunction_CAST(builtin_exec), METH_VARARGS | METH_KEYWORDS,
     "Execute the given source in the context of globals and locals."},
    {"format", _PyCFunction_CAST(builtin_format), METH_FASTCALL,
     "Return type(value).__format__(value, format_spec)"},
    {"getattr", builtin_getattr, METH_VARARGS, "Get a named attribute from an object."},
    {"globals", builtin_globals, METH_NOARGS, "Return the dictionary containing the current "
     "scope's global variables."},
    {"hasattr", builtin_hasattr, METH_VARARGS, "Return whether the object has an attribute "
     "with the given name."},
    {"hash", builtin_hash, METH_O, "Return the hash value for the given object."},
    {"hex", builtin_hex, METH_O, "Return the hexadecimal representation of an integer."},
    {"id", builtin_id, METH_O, "Return the identity of an object."},
    {"input", builtin_input, METH_VARARGS, "Read a string from standard input."},
    {"isinstance", builtin_isinstance, METH_VARARGS, "Return whether an object is an "
     "instance of a class or of a subclass thereof."},
    {"issubclass", builtin_issubclass, METH_VARARGS, "Return whether 'cls' is derived from "
     "another class or is the same class."},
    {"iter", builtin_iter, METH_VARARGS, "Get an iterator from an object."},
    {"aiter", builtin_aiter, METH_O, "Return an AsyncIterator for an AsyncIterable object."},
    {"anext", builtin_anext, METH_VARARGS, "Return the next item from the async iterator."},
    {"len", builtin_len, METH_O, "Return the number of items in a container."},
    {"locals", builtin_locals, METH_NOARGS, "Return a dictionary containing the current "
     "scope's local variables."},
    {"max", _PyCFunction_CAST(builtin_max), METH_FASTCALL | METH_KEYWORDS,
     "With a single iterable argument, return its biggest item."},
    {"min", _PyCFunction_CAST(builtin_min), METH_FASTCALL | METH_KEYWORDS,
     "With a single iterable argument, return its smallest item."},
    {"next", _PyCFunction_CAST(builtin_next), METH_FASTCALL,
     "Return the next item from the iterator."},
    {"oct", builtin_oct, METH_O, "Return the octal representation of an integer."},
    {"open", _PyCFunction_CAST(builtin_open), METH_VARARGS | METH_KEYWORDS,
     "Open file and return a stream."},
    {"ord", builtin_ord, METH_O, "Return the Unicode code point for a one-character "
     "string."},
    {"pow", _PyCFunction_CAST(builtin_pow), METH_VARARGS | METH_KEYWORDS,
     "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"print", _PyCFunction_CAST(builtin_print), METH_FASTCALL | METH_KEYWORDS,
     "Prints the values to a stream, or to sys.stdout by default."},
    {"repr", builtin_repr, METH_O, "Return the canonical string representation of the "
     "object."},
    {"round", _PyCFunction_CAST(builtin_round), METH_FASTCALL | METH_KEYWORDS,
     "Round a number to a given precision in decimal digits."},
    {"setattr", builtin_setattr, METH_VARARGS, "Sets the named attribute on the given "
     "object to the specified value."},
    {"sorted", _PyCFunction_CAST(builtin_sorted), METH_FASTCALL | METH_KEYWORDS,
     "Return a new list containing all items from the iterable in ascending order."},
    {"sum", _PyCFunction_CAST(builtin_sum), METH_VARARGS | METH_KEYWORDS,
     "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {"vars", builtin_vars, METH_VARARGS, "Show vars."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef builtinsmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "builtins",
    .m_doc = "Built-in functions, types, exceptions, and other objects.",
    .m_size = -1,
    .m_methods = builtin_methods,
};

PyObject *_PyBuiltin_Init(PyInterpreterState *interp)
{
    PyObject *mod = PyModule_Create(&builtinsmodule);
    if (mod == NULL) {
        return NULL;
    }
    PyObject *dict = PyModule_GetDict(mod);
    struct {
        const char *name;
        PyObject *value;
    } items[] = {
        {"None", Py_None},
        {"Ellipsis", Py_Ellipsis},
        {"NotImplemented", Py_NotImplemented},
        {"False", Py_False},
        {"True", Py_True},
        {"bool", (PyObject *)&PyBool_Type},
        {"memoryview", (PyObject *)&PyMemoryView_Type},
        {"bytearray", (PyObject *)&PyByteArray_Type},
        {"bytes", (PyObject *)&PyBytes_Type},
        {"classmethod", (PyObject *)&PyClassMethod_Type},
        {"complex", (PyObject *)&PyComplex_Type},
        {"dict", (PyObject *)&PyDict_Type},
        {"enumerate", (PyObject *)&PyEnum_Type},
        {"filter", (PyObject *)&PyFilter_Type},
        {"float", (PyObject *)&PyFloat_Type},
        {"frozenset", (PyObject *)&PyFrozenSet_Type},
        {"property", (PyObject *)&PyProperty_Type},
        {"int", (PyObject *)&PyLong_Type},
        {"list", (PyObject *)&PyList_Type},
        {"map", (PyObject *)&PyMap_Type},
        {"object", (PyObject *)&PyBaseObject_Type},
        {"range", (PyObject *)&PyRange_Type},
        {"reversed", (PyObject *)&PyReversed_Type},
        {"set", (PyObject *)&PySet_Type},
        {"slice", (PyObject *)&PySlice_Type},
        {"staticmethod", (PyObject *)&PyStaticMethod_Type},
        {"str", (PyObject *)&PyUnicode_Type},
        {"super", (PyObject *)&PySuper_Type},
        {"tuple", (PyObject *)&PyTuple_Type},
        {"type", (PyObject *)&PyType_Type},
        {"zip", (PyObject *)&PyZip_Type},
        {NULL, NULL},
    };
    for (int i = 0; items[i].name != NULL; i++) {
        if (PyDict_SetItemString(dict, items[i].name, items[i].value) < 0) {
            Py_DECREF(mod);
            return NULL;
        }
    }
    if (_Py_CoreConfig.site_import &&
        (PyDict_SetItemString(dict, "exit", (PyObject *)&exit_quitter) < 0 ||
         PyDict_SetItemString(dict, "quit", (PyObject *)&quit_quitter) < 0)) {
        Py_DECREF(mod);
        return NULL;
    }
    PyObject *debug = PyBool_FromLong(_Py_CoreConfig.optimization_level == 0);
    if (PyDict_SetItemString(dict, "__debug__", debug) < 0) {
        Py_DECREF(debug);
        Py_DECREF(mod);
        return NULL;
    }
    Py_DECREF(debug);
    (void)interp;
    return mod;
}
