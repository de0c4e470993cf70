/* The sequence iterator (iter() over an object with only __getitem__) and the callable
 * iterator (iter(callable, sentinel)).
 *
 * An iterator object is not meant to be shared between threads without external locking (as
 * in CPython); the free-threaded build keeps it memory-safe: the exhausted state only drops the
 * reference that the iterator owns. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_pyatomic_ft_wrappers.h"

/* New reference to builtins.<name>. */
PyObject *
_PyIter_GetBuiltin(const char *name)
{
    PyObject *mod = PyImport_ImportModule("builtins");
    if (mod == NULL) {
        return NULL;
    }
    PyObject *attr = PyObject_GetAttrString(mod, name);
    Py_DECREF(mod);
    return attr;
}

/* ---- sequence iterator --------------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyObject *it_seq; /* NULL when exhausted */
} seqiterobject;

PyObject *
PySeqIter_New(PyObject *seq)
{
    if (!PySequence_Check(seq)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    seqiterobject *it = PyObject_GC_New(seqiterobject, &PySeqIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_index = 0;
    it->it_seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void
iter_dealloc(PyObject *self)
{
    seqiterobject *it = (seqiterobject *)self;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int
iter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((seqiterobject *)self)->it_seq);
    return 0;
}

/* Exhausted: the GIL build drops the sequence (it_seq NULL), as CPython.  The free-threaded
 * build keeps it until the iterator dies and marks the index -1 instead: another thread
 * sharing the iterator may be calling seq[i] with it right now (CPython 3.13t keeps list
 * iterators' lists the same way).  Threads sharing an iterator may skip or repeat items;
 * the index is a relaxed atomic so that nothing else goes wrong. */
static int
seqiter_exhausted(seqiterobject *it)
{
    return it->it_seq == NULL || FT_ATOMIC_LOAD_SSIZE_RELAXED(it->it_index) < 0;
}

static PyObject *
iter_iternext(PyObject *self)
{
    seqiterobject *it = (seqiterobject *)self;
    if (seqiter_exhausted(it)) {
        return NULL;
    }
    PyObject *seq = it->it_seq;
    Py_ssize_t index = FT_ATOMIC_LOAD_SSIZE_RELAXED(it->it_index);
    if (index == PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "iter index too large");
        return NULL;
    }
    PyObject *result = PySequence_GetItem(seq, index);
    if (result != NULL) {
        FT_ATOMIC_STORE_SSIZE_RELAXED(it->it_index, index + 1);
        return result;
    }
    if (PyErr_ExceptionMatches(PyExc_IndexError) ||
        PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyErr_Clear();
#ifdef Py_GIL_DISABLED
        FT_ATOMIC_STORE_SSIZE_RELAXED(it->it_index, -1);
#else
        it->it_seq = NULL;
        Py_DECREF(seq);
#endif
    }
    return NULL;
}

static PyObject *
iter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    seqiterobject *it = (seqiterobject *)self;
    if (!seqiter_exhausted(it)) {
        if (_PyObject_HasLen(it->it_seq)) {
            Py_ssize_t seqsize = PySequence_Size(it->it_seq);
            if (seqsize == -1) {
                return NULL;
            }
            Py_ssize_t len = seqsize - it->it_index;
            if (len >= 0) {
                return PyLong_FromSsize_t(len);
            }
        }
        else {
            return Py_NewRef(Py_NotImplemented);
        }
    }
    return PyLong_FromLong(0);
}

static PyObject *
iter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    seqiterobject *it = (seqiterobject *)self;
    PyObject *iter = _PyIter_GetBuiltin("iter");
    if (iter == NULL) {
        return NULL;
    }
    if (!seqiter_exhausted(it)) {
        return Py_BuildValue("N(O)n", iter, it->it_seq,
                             FT_ATOMIC_LOAD_SSIZE_RELAXED(it->it_index));
    }
    return Py_BuildValue("N(())", iter);
}

static PyObject *
iter_setstate(PyObject *self, PyObject *state)
{
    seqiterobject *it = (seqiterobject *)self;
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (!seqiter_exhausted(it)) {
        if (index < 0) {
            index = 0;
        }
        FT_ATOMIC_STORE_SSIZE_RELAXED(it->it_index, index);
    }
    Py_RETURN_NONE;
}

static PyMethodDef seqiter_methods[] = {
    {"__length_hint__", iter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", iter_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", iter_setstate, METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PySeqIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "iterator",
    .tp_basicsize = sizeof(seqiterobject),
    .tp_dealloc = iter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = iter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = iter_iternext,
    .tp_methods = seqiter_methods,
};
_Py_REGISTER_STATIC_TYPE(PySeqIter_Type);

/* ---- callable iterator --------------------------------------------------------------------- */

/* Free-threaded build: threads sharing one callable iterator may all call the callable at
 * once, and all see the sentinel.  Each call works on its own references to the callable and
 * the sentinel (taken with _PyMember_LoadObject, which a concurrent clear cannot free under
 * it), so a thread that exhausts the iterator frees nothing another thread is using; the
 * exhausting thread swaps each field to NULL (_PyMember_StoreObject: an atomic exchange in
 * the iterator's critical section), so only one of several threads that see the sentinel
 * releases the iterator's references.  As with CPython's other iterators, threads sharing
 * one may still get items from calls that were already running when another thread saw the
 * sentinel. */
typedef struct {
    PyObject_HEAD
    PyObject *it_callable; /* NULL when exhausted */
    PyObject *it_sentinel; /* NULL when exhausted */
} calliterobject;

PyObject *
PyCallIter_New(PyObject *callable, PyObject *sentinel)
{
    calliterobject *it = PyObject_GC_New(calliterobject, &PyCallIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_callable = Py_NewRef(callable);
    it->it_sentinel = Py_NewRef(sentinel);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void
calliter_dealloc(PyObject *self)
{
    calliterobject *it = (calliterobject *)self;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_callable);
    Py_XDECREF(it->it_sentinel);
    PyObject_GC_Del(it);
}

static int
calliter_traverse(PyObject *self, visitproc visit, void *arg)
{
    calliterobject *it = (calliterobject *)self;
    Py_VISIT(it->it_callable);
    Py_VISIT(it->it_sentinel);
    return 0;
}

/* Mark the iterator exhausted: release its references to the callable and the sentinel. */
static void
calliter_exhaust(calliterobject *it)
{
    _PyMember_StoreObject((PyObject *)it, &it->it_callable, NULL);
    _PyMember_StoreObject((PyObject *)it, &it->it_sentinel, NULL);
}

static PyObject *
calliter_iternext(PyObject *self)
{
    calliterobject *it = (calliterobject *)self;
    PyObject *callable = _PyMember_LoadObject(self, &it->it_callable);
    if (callable == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_CallNoArgs(callable);
    Py_DECREF(callable);
    if (result != NULL) {
        /* NULL if another thread (or the call, through this iterator) exhausted it. */
        PyObject *sentinel = _PyMember_LoadObject(self, &it->it_sentinel);
        if (sentinel == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        int ok = PyObject_RichCompareBool(sentinel, result, Py_EQ);
        Py_DECREF(sentinel);
        if (ok == 0) {
            return result; /* common case */
        }
        if (ok > 0) {
            calliter_exhaust(it);
        }
    }
    else if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyErr_Clear();
        calliter_exhaust(it);
    }
    Py_XDECREF(result);
    return NULL;
}

static PyObject *
calliter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    calliterobject *it = (calliterobject *)self;
    PyObject *iter = _PyIter_GetBuiltin("iter");
    if (iter == NULL) {
        return NULL;
    }
    PyObject *callable = _PyMember_LoadObject(self, &it->it_callable);
    PyObject *sentinel = _PyMember_LoadObject(self, &it->it_sentinel);
    PyObject *result;
    if (callable != NULL && sentinel != NULL) {
        result = Py_BuildValue("N(OO)", iter, callable, sentinel);
    }
    else {
        result = Py_BuildValue("N(())", iter);
    }
    Py_XDECREF(callable);
    Py_XDECREF(sentinel);
    return result;
}

static PyMethodDef calliter_methods[] = {
    {"__reduce__", calliter_reduce, METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyCallIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(calliterobject),
    .tp_dealloc = calliter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = calliter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = calliter_iternext,
    .tp_methods = calliter_methods,
};
_Py_REGISTER_STATIC_TYPE(PyCallIter_Type);
