/* enumerate and reversed.
 *
 * enumerate counts with a C Py_ssize_t and switches to a PyLong counter when it would
 * overflow (or when start is already large).  reversed() uses __reversed__ when the type
 * defines it, else the sequence protocol (__len__ and __getitem__).  Iterator objects are not
 * meant to be shared between threads without external locking, as in CPython. */
#include "Python.h"
#include "pycore_pyatomic_ft_wrappers.h"
#include "pycore_long.h"
#include "pycore_object.h"
#include "pycore_tuple.h"

/* An enumerate object may be shared by threads (free-threaded build).  en_index is then read
 * and written with relaxed atomics (two threads may number two items alike, as in CPython, but
 * never read a torn index); en_longindex, used past PY_SSIZE_T_MAX, is swapped only inside the
 * object's critical section. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t en_index;   /* next index, while en_longindex is NULL */
    PyObject *en_sit;      /* the underlying iterator */
    PyObject *en_result;   /* a reusable (index, item) tuple */
    PyObject *en_longindex; /* next index as a PyLong once past PY_SSIZE_T_MAX, else NULL */
} enumobject;

/* Steals nothing; start may be NULL (0). */
static PyObject *
enum_new_impl(PyTypeObject *type, PyObject *iterable, PyObject *start)
{
    enumobject *en = (enumobject *)type->tp_alloc(type, 0);
    if (en == NULL) {
        return NULL;
    }
    en->en_longindex = NULL;
    en->en_index = 0;
    if (start != NULL) {
        start = PyNumber_Index(start);
        if (start == NULL) {
            Py_DECREF(en);
            return NULL;
        }
        en->en_index = PyLong_AsSsize_t(start);
        if (en->en_index == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            en->en_index = PY_SSIZE_T_MAX;
            en->en_longindex = start;
        }
        else {
            Py_DECREF(start);
        }
    }
    en->en_sit = PyObject_GetIter(iterable);
    if (en->en_sit == NULL) {
        Py_DECREF(en);
        return NULL;
    }
    en->en_result = PyTuple_Pack(2, Py_None, Py_None);
    if (en->en_result == NULL) {
        Py_DECREF(en);
        return NULL;
    }
    return (PyObject *)en;
}

static PyObject *
enum_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *iterable = NULL, *start = NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "enumerate() takes at most 2 arguments (%zd given)",
                     nargs + (kwds ? PyDict_GET_SIZE(kwds) : 0));
        return NULL;
    }
    if (nargs >= 1) {
        iterable = PyTuple_GET_ITEM(args, 0);
    }
    if (nargs == 2) {
        start = PyTuple_GET_ITEM(args, 1);
    }
    if (kwds != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            if (PyUnicode_Check(key) && _PyUnicode_EqualToASCIIString(key, "iterable") &&
                iterable == NULL) {
                iterable = value;
            }
            else if (PyUnicode_Check(key) && _PyUnicode_EqualToASCIIString(key, "start") &&
                     start == NULL) {
                start = value;
            }
            else if (PyUnicode_Check(key) &&
                     (_PyUnicode_EqualToASCIIString(key, "iterable") ||
                      _PyUnicode_EqualToASCIIString(key, "start"))) {
                PyErr_Format(PyExc_TypeError,
                             "argument for enumerate() given by name ('%U') and position (%d)",
                             key, _PyUnicode_EqualToASCIIString(key, "iterable") ? 1 : 2);
                return NULL;
            }
            else {
                PyErr_Format(PyExc_TypeError, "'%S' is an invalid keyword argument for "
                             "enumerate()", key);
                return NULL;
            }
        }
    }
    if (iterable == NULL) {
        PyErr_SetString(PyExc_TypeError, "enumerate() missing required argument 'iterable'");
        return NULL;
    }
    return enum_new_impl(type, iterable, start);
}

static PyObject *
enum_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0) {
        if (nargs == 1) {
            return enum_new_impl((PyTypeObject *)type, args[0], NULL);
        }
        if (nargs == 2) {
            return enum_new_impl((PyTypeObject *)type, args[0], args[1]);
        }
    }
    /* The general case goes through tuple/dict arguments. */
    PyObject *argtuple = _PyTuple_FromArray(args, nargs);
    if (argtuple == NULL) {
        return NULL;
    }
    PyObject *kwds = NULL;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        kwds = PyDict_New();
        if (kwds == NULL) {
            Py_DECREF(argtuple);
            return NULL;
        }
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++) {
            if (PyDict_SetItem(kwds, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0) {
                Py_DECREF(kwds);
                Py_DECREF(argtuple);
                return NULL;
            }
        }
    }
    PyObject *res = enum_new((PyTypeObject *)type, argtuple, kwds);
    Py_DECREF(argtuple);
    Py_XDECREF(kwds);
    return res;
}

static void
enum_dealloc(PyObject *self)
{
    enumobject *en = (enumobject *)self;
    PyObject_GC_UnTrack(en);
    Py_XDECREF(en->en_sit);
    Py_XDECREF(en->en_result);
    Py_XDECREF(en->en_longindex);
    Py_TYPE(en)->tp_free(en);
}

static int
enum_traverse(PyObject *self, visitproc visit, void *arg)
{
    enumobject *en = (enumobject *)self;
    Py_VISIT(en->en_sit);
    Py_VISIT(en->en_result);
    Py_VISIT(en->en_longindex);
    return 0;
}

/* Return (index, item), reusing en_result when nobody else holds it.  Steals both. */
static PyObject *
enum_make_result(enumobject *en, PyObject *index, PyObject *item)
{
    PyObject *result = en->en_result;
    /* Free-threaded build: only the tuple's owner may find it unshared (see
     * _PyObject_ResultTupleReusable). */
    if (_PyObject_ResultTupleReusable(result)) {
        Py_INCREF(result);
        PyObject *old_index = PyTuple_GET_ITEM(result, 0);
        PyObject *old_item = PyTuple_GET_ITEM(result, 1);
        PyTuple_SET_ITEM(result, 0, index);
        PyTuple_SET_ITEM(result, 1, item);
        Py_DECREF(old_index);
        Py_DECREF(old_item);
        return result;
    }
    result = PyTuple_New(2);
    if (result == NULL) {
        Py_DECREF(index);
        Py_DECREF(item);
        return NULL;
    }
    PyTuple_SET_ITEM(result, 0, index);
    PyTuple_SET_ITEM(result, 1, item);
    return result;
}

/* Past PY_SSIZE_T_MAX: return the next index as a new reference to a PyLong and step
 * en_longindex up.  Called inside en's critical section. */
static PyObject *
enum_take_long_index(enumobject *en)
{
    if (en->en_longindex == NULL) {
        en->en_longindex = PyLong_FromSsize_t(PY_SSIZE_T_MAX);
        if (en->en_longindex == NULL) {
            return NULL;
        }
    }
    PyObject *stepped_up = PyNumber_Add(en->en_longindex, _PyLong_GetOne());
    if (stepped_up == NULL) {
        return NULL;
    }
    PyObject *next_index = en->en_longindex;   /* the old reference moves to the caller */
    en->en_longindex = stepped_up;
    return next_index;
}

static PyObject *
enum_next(PyObject *self)
{
    enumobject *en = (enumobject *)self;
    PyObject *next_item = (*Py_TYPE(en->en_sit)->tp_iternext)(en->en_sit);
    if (next_item == NULL) {
        return NULL;
    }
    PyObject *next_index;
    Py_ssize_t index = FT_ATOMIC_LOAD_SSIZE_RELAXED(en->en_index);
    if (index == PY_SSIZE_T_MAX) {
        Py_BEGIN_CRITICAL_SECTION(en);
        next_index = enum_take_long_index(en);
        Py_END_CRITICAL_SECTION();
    }
    else {
        next_index = PyLong_FromSsize_t(index);
        FT_ATOMIC_STORE_SSIZE_RELAXED(en->en_index, index + 1);
    }
    if (next_index == NULL) {
        Py_DECREF(next_item);
        return NULL;
    }
    return enum_make_result(en, next_index, next_item);
}

static PyObject *
enum_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    enumobject *en = (enumobject *)self;
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(en);
    if (en->en_longindex != NULL) {
        result = Py_BuildValue("O(OO)", Py_TYPE(en), en->en_sit, en->en_longindex);
    }
    else {
        result = Py_BuildValue("O(On)", Py_TYPE(en), en->en_sit,
                               FT_ATOMIC_LOAD_SSIZE_RELAXED(en->en_index));
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyMethodDef enum_methods[] = {
    {"__reduce__", enum_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyEnum_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(enumobject),
    .tp_dealloc = enum_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Return an enumerate object.\n\n"
              "  iterable\n    an object supporting iteration\n\n"
              "The enumerate object yields pairs containing a count (from start, which\n"
              "defaults to zero) and a value yielded by the iterable argument.\n\n"
              "enumerate is useful for obtaining an indexed list:\n"
              "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...",
    .tp_traverse = enum_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = enum_next,
    .tp_methods = enum_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = enum_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = enum_vectorcall,
};
_Py_REGISTER_STATIC_TYPE(PyEnum_Type);

/* ---- reversed ------------------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;   /* next index to fetch, -1 when exhausted */
    PyObject *seq;      /* NULL when exhausted */
} reversedobject;

static PyObject *
reversed_new_impl(PyTypeObject *type, PyObject *seq)
{
    PyObject *reversed_meth = _PyType_LookupRef(Py_TYPE(seq), _Py_ID(__reversed__));
    if (reversed_meth == Py_None) {
        Py_DECREF(reversed_meth);
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not reversible",
                     Py_TYPE(seq)->tp_name);
        return NULL;
    }
    if (reversed_meth != NULL) {
        PyObject *res;
        descrgetfunc get = Py_TYPE(reversed_meth)->tp_descr_get;
        if (get != NULL) {
            PyObject *bound = get(reversed_meth, seq, (PyObject *)Py_TYPE(seq));
            Py_DECREF(reversed_meth);
            if (bound == NULL) {
                return NULL;
            }
            res = PyObject_CallNoArgs(bound);
            Py_DECREF(bound);
        }
        else {
            res = PyObject_CallOneArg(reversed_meth, seq);
            Py_DECREF(reversed_meth);
        }
        return res;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    if (!PySequence_Check(seq)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not reversible",
                     Py_TYPE(seq)->tp_name);
        return NULL;
    }
    Py_ssize_t n = PySequence_Size(seq);
    if (n == -1) {
        return NULL;
    }
    reversedobject *ro = (reversedobject *)type->tp_alloc(type, 0);
    if (ro == NULL) {
        return NULL;
    }
    ro->index = n - 1;
    ro->seq = Py_NewRef(seq);
    return (PyObject *)ro;
}

static PyObject *
reversed_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (type == &PyReversed_Type && kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "reversed() takes no keyword arguments");
        return NULL;
    }
    if (PyTuple_GET_SIZE(args) != 1) {
        PyErr_Format(PyExc_TypeError, "reversed expected 1 argument, got %zd",
                     PyTuple_GET_SIZE(args));
        return NULL;
    }
    return reversed_new_impl(type, PyTuple_GET_ITEM(args, 0));
}

static PyObject *
reversed_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "reversed() takes no keyword arguments");
        return NULL;
    }
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError, "reversed expected 1 argument, got %zd", nargs);
        return NULL;
    }
    return reversed_new_impl((PyTypeObject *)type, args[0]);
}

static void
reversed_dealloc(PyObject *self)
{
    reversedobject *ro = (reversedobject *)self;
    PyObject_GC_UnTrack(ro);
    Py_XDECREF(ro->seq);
    Py_TYPE(ro)->tp_free(ro);
}

static int
reversed_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((reversedobject *)self)->seq);
    return 0;
}

/* A reversed object may be shared by threads (free-threaded build).  index is then read and
 * written with relaxed atomics: two threads may return the same item or skip one (as in
 * CPython), never read a torn index; the item is fetched through the sequence protocol, which
 * checks the index.  seq stays set until the iterator dies (it is cleared at exhaustion only in
 * the GIL build), so a thread that loaded it never sees it freed; exhausted means index == -1. */
static PyObject *
reversed_next(PyObject *self)
{
    reversedobject *ro = (reversedobject *)self;
    Py_ssize_t index = FT_ATOMIC_LOAD_SSIZE_RELAXED(ro->index);
    PyObject *seq = ro->seq;
    if (index >= 0 && seq != NULL) {
        PyObject *item = PySequence_GetItem(seq, index);
        if (item != NULL) {
            FT_ATOMIC_STORE_SSIZE_RELAXED(ro->index, index - 1);
            return item;
        }
        if (PyErr_ExceptionMatches(PyExc_IndexError) ||
            PyErr_ExceptionMatches(PyExc_StopIteration)) {
            PyErr_Clear();
        }
    }
    FT_ATOMIC_STORE_SSIZE_RELAXED(ro->index, -1);
#ifndef Py_GIL_DISABLED
    if (seq != NULL) {
        ro->seq = NULL;
        Py_DECREF(seq);
    }
#endif
    return NULL;
}

static PyObject *
reversed_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    reversedobject *ro = (reversedobject *)self;
    if (ro->seq == NULL) {
        return PyLong_FromLong(0);
    }
    Py_ssize_t seqsize = PySequence_Size(ro->seq);
    if (seqsize == -1) {
        return NULL;
    }
    Py_ssize_t position = FT_ATOMIC_LOAD_SSIZE_RELAXED(ro->index) + 1;
    return PyLong_FromSsize_t(seqsize < position ? 0 : position);
}

static PyObject *
reversed_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    reversedobject *ro = (reversedobject *)self;
    Py_ssize_t index = FT_ATOMIC_LOAD_SSIZE_RELAXED(ro->index);
    if (ro->seq != NULL && index >= 0) {
        return Py_BuildValue("O(O)n", Py_TYPE(ro), ro->seq, index);
    }
    return Py_BuildValue("O(())", Py_TYPE(ro));
}

static PyObject *
reversed_setstate(PyObject *self, PyObject *state)
{
    reversedobject *ro = (reversedobject *)self;
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (ro->seq != NULL) {
        Py_ssize_t n = PySequence_Size(ro->seq);
        if (n < 0) {
            return NULL;
        }
        if (index < -1) {
            index = -1;
        }
        else if (index > n - 1) {
            index = n - 1;
        }
        FT_ATOMIC_STORE_SSIZE_RELAXED(ro->index, index);
    }
    Py_RETURN_NONE;
}

static PyMethodDef reversediter_methods[] = {
    {"__length_hint__", reversed_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", reversed_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", reversed_setstate, METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyReversed_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "reversed",
    .tp_basicsize = sizeof(reversedobject),
    .tp_dealloc = reversed_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Return a reverse iterator over the values of the given sequence.",
    .tp_traverse = reversed_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = reversed_next,
    .tp_methods = reversediter_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = reversed_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = reversed_vectorcall,
};
_Py_REGISTER_STATIC_TYPE(PyReversed_Type);
