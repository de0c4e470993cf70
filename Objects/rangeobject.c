/* range objects and their iterators.
 *
 * A range keeps start, stop, step and its length as PyLong objects, so arbitrarily large
 * bounds work; the common case (everything fits in a C long) iterates with the fast
 * _PyRangeIterObject.  Ranges are immutable.
 *
 * Iterators may be shared by threads (free-threaded build).  The fast iterator's C longs are
 * read and written with relaxed atomics (RANGEITER_LOAD/RANGEITER_STORE): two threads may hand
 * out the same value or skip one (as in CPython) but never read a torn field.  The PyLong
 * iterator swaps owned references, so it changes them only inside its critical section. */
#include "Python.h"
#include "pycore_tuple.h"

#define RANGEITER_LOAD(field) _PyRangeIter_LOAD(field)             /* Include/rangeobject.h */
#define RANGEITER_STORE(field, value) _PyRangeIter_STORE(field, value)

typedef struct {
    PyObject_HEAD
    PyObject *start;
    PyObject *stop;
    PyObject *step;
    PyObject *length;
} rangeobject;

/* ---- helpers ------------------------------------------------------------------------------- */

/* Number of items in range(lo, hi, step), all PyLongs, step != 0.  New reference. */
static PyObject *
compute_range_length(PyObject *start, PyObject *stop, PyObject *step)
{
    /* Fast path: everything fits in a long. */
    int overflow = 0;
    long lstart = PyLong_AsLongAndOverflow(start, &overflow);
    long lstop = overflow ? 0 : PyLong_AsLongAndOverflow(stop, &overflow);
    long lstep = overflow ? 0 : PyLong_AsLongAndOverflow(step, &overflow);
    if (!overflow && !PyErr_Occurred() && lstep != LONG_MIN) {
        unsigned long n = 0;
        if (lstep > 0 && lstart < lstop) {
            n = 1 + ((unsigned long)lstop - 1 - (unsigned long)lstart) / (unsigned long)lstep;
        }
        else if (lstep < 0 && lstart > lstop) {
            n = 1 + ((unsigned long)lstart - 1 - (unsigned long)lstop) /
                        (0UL - (unsigned long)lstep);
        }
        return PyLong_FromUnsignedLong(n);
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    PyObject *lo, *hi, *zero = PyLong_FromLong(0);
    if (zero == NULL) {
        return NULL;
    }
    int cmp = PyObject_RichCompareBool(step, zero, Py_GT);
    if (cmp < 0) {
        Py_DECREF(zero);
        return NULL;
    }
    Py_INCREF(step);
    if (cmp > 0) {
        lo = start;
        hi = stop;
    }
    else {
        lo = stop;
        hi = start;
        Py_SETREF(step, PyNumber_Negative(step));
        if (step == NULL) {
            Py_DECREF(zero);
            return NULL;
        }
    }
    /* if lo >= hi: 0 else (hi - lo - 1) // step + 1 */
    cmp = PyObject_RichCompareBool(lo, hi, Py_GE);
    if (cmp != 0) {
        Py_DECREF(step);
        if (cmp < 0) {
            Py_DECREF(zero);
            return NULL;
        }
        return zero;
    }
    Py_DECREF(zero);
    PyObject *one = PyLong_FromLong(1);
    PyObject *diff = NULL, *tmp1 = NULL, *tmp2 = NULL, *result = NULL;
    if (one == NULL) {
        goto done;
    }
    tmp1 = PyNumber_Subtract(hi, lo);
    if (tmp1 == NULL) {
        goto done;
    }
    diff = PyNumber_Subtract(tmp1, one);
    if (diff == NULL) {
        goto done;
    }
    tmp2 = PyNumber_FloorDivide(diff, step);
    if (tmp2 == NULL) {
        goto done;
    }
    result = PyNumber_Add(tmp2, one);
done:
    Py_XDECREF(one);
    Py_XDECREF(tmp1);
    Py_XDECREF(tmp2);
    Py_XDECREF(diff);
    Py_DECREF(step);
    return result;
}

/* Steals start, stop and step (also on failure). */
static rangeobject *
make_range_object(PyTypeObject *type, PyObject *start, PyObject *stop, PyObject *step)
{
    PyObject *length = compute_range_length(start, stop, step);
    if (length == NULL) {
        goto fail;
    }
    rangeobject *obj = PyObject_New(rangeobject, type);
    if (obj == NULL) {
        Py_DECREF(length);
        goto fail;
    }
    obj->start = start;
    obj->stop = stop;
    obj->step = step;
    obj->length = length;
    return obj;
fail:
    Py_DECREF(start);
    Py_DECREF(stop);
    Py_DECREF(step);
    return NULL;
}

static PyObject *
range_from_array(PyTypeObject *type, PyObject *const *args, Py_ssize_t num_args)
{
    PyObject *start = NULL, *stop = NULL, *step = NULL;
    switch (num_args) {
    case 3:
        step = PyNumber_Index(args[2]);
        if (step == NULL) {
            return NULL;
        }
        if (_PyLong_Sign(step) == 0) {
            Py_DECREF(step);
            PyErr_SetString(PyExc_ValueError, "range() arg 3 must not be zero");
            return NULL;
        }
        /* fall through */
    case 2:
        start = PyNumber_Index(args[0]);
        if (start == NULL) {
            Py_XDECREF(step);
            return NULL;
        }
        stop = PyNumber_Index(args[1]);
        if (stop == NULL) {
            Py_DECREF(start);
            Py_XDECREF(step);
            return NULL;
        }
        break;
    case 1:
        stop = PyNumber_Index(args[0]);
        if (stop == NULL) {
            return NULL;
        }
        start = PyLong_FromLong(0);
        if (start == NULL) {
            Py_DECREF(stop);
            return NULL;
        }
        break;
    case 0:
        PyErr_SetString(PyExc_TypeError, "range expected at least 1 argument, got 0");
        return NULL;
    default:
        PyErr_Format(PyExc_TypeError, "range expected at most 3 arguments, got %zd", num_args);
        return NULL;
    }
    if (step == NULL) {
        step = PyLong_FromLong(1);
        if (step == NULL) {
            Py_DECREF(start);
            Py_DECREF(stop);
            return NULL;
        }
    }
    return (PyObject *)make_range_object(type, start, stop, step);
}

static PyObject *
range_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (kw != NULL && PyDict_GET_SIZE(kw) != 0) {
        PyErr_SetString(PyExc_TypeError, "range() takes no keyword arguments");
        return NULL;
    }
    return range_from_array(type, &PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args));
}

static PyObject *
range_vectorcall(PyObject *rangetype, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "range() takes no keyword arguments");
        return NULL;
    }
    return range_from_array((PyTypeObject *)rangetype, args, nargs);
}

static void
range_dealloc(PyObject *self)
{
    rangeobject *r = (rangeobject *)self;
    Py_DECREF(r->start);
    Py_DECREF(r->stop);
    Py_DECREF(r->step);
    Py_DECREF(r->length);
    PyObject_Free(r);
}

static Py_ssize_t
range_length(PyObject *self)
{
    return PyLong_AsSsize_t(((rangeobject *)self)->length);
}

/* start + i * step; new reference. */
static PyObject *
compute_item(rangeobject *r, PyObject *i)
{
    if (r->step == NULL) {
        return NULL;
    }
    PyObject *incr = PyNumber_Multiply(i, r->step);
    if (incr == NULL) {
        return NULL;
    }
    PyObject *result = PyNumber_Add(r->start, incr);
    Py_DECREF(incr);
    return result;
}

/* r[arg] for a PyLong arg; new reference. */
static PyObject *
compute_range_item(rangeobject *r, PyObject *arg)
{
    PyObject *i;
    int sign = _PyLong_Sign(arg);
    if (sign < 0) {
        i = PyNumber_Add(r->length, arg);
        if (i == NULL) {
            return NULL;
        }
    }
    else {
        i = Py_NewRef(arg);
    }
    /* Out of range unless 0 <= i < length. */
    int bad = _PyLong_Sign(i) < 0;
    if (!bad) {
        int cmp = PyObject_RichCompareBool(r->length, i, Py_LE);
        if (cmp < 0) {
            Py_DECREF(i);
            return NULL;
        }
        bad = cmp;
    }
    if (bad) {
        Py_DECREF(i);
        PyErr_SetString(PyExc_IndexError, "range object index out of range");
        return NULL;
    }
    PyObject *result = compute_item(r, i);
    Py_DECREF(i);
    return result;
}

static PyObject *
range_item(PyObject *self, Py_ssize_t i)
{
    PyObject *arg = PyLong_FromSsize_t(i);
    if (arg == NULL) {
        return NULL;
    }
    PyObject *res = compute_range_item((rangeobject *)self, arg);
    Py_DECREF(arg);
    return res;
}

static PyObject *
compute_slice(rangeobject *r, PyObject *_slice)
{
    PySliceObject *slice = (PySliceObject *)_slice;
    PyObject *start = NULL, *stop = NULL, *step = NULL;
    PyObject *substart = NULL, *substop = NULL, *substep = NULL;
    if (_PySlice_GetLongIndices(slice, r->length, &start, &stop, &step) < 0) {
        return NULL;
    }
    substep = PyNumber_Multiply(r->step, step);
    if (substep == NULL) {
        goto fail;
    }
    Py_CLEAR(step);
    substart = compute_item(r, start);
    if (substart == NULL) {
        goto fail;
    }
    Py_CLEAR(start);
    substop = compute_item(r, stop);
    if (substop == NULL) {
        goto fail;
    }
    Py_CLEAR(stop);
    return (PyObject *)make_range_object(Py_TYPE(r), substart, substop, substep);
fail:
    Py_XDECREF(start);
    Py_XDECREF(stop);
    Py_XDECREF(step);
    Py_XDECREF(substart);
    Py_XDECREF(substop);
    Py_XDECREF(substep);
    return NULL;
}

static PyObject *
range_subscript(PyObject *self, PyObject *item)
{
    rangeobject *r = (rangeobject *)self;
    if (PyLong_CheckExact(item) || (!PySlice_Check(item) && PyIndex_Check(item))) {
        PyObject *i = PyNumber_Index(item);
        if (i == NULL) {
            return NULL;
        }
        PyObject *res = compute_range_item(r, i);
        Py_DECREF(i);
        return res;
    }
    if (PySlice_Check(item)) {
        return compute_slice(r, item);
    }
    PyErr_Format(PyExc_TypeError, "range indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

/* O(1) membership test for an int; 1, 0 or -1. */
static int
range_contains_long(rangeobject *r, PyObject *ob)
{
    PyObject *zero = PyLong_FromLong(0);
    if (zero == NULL) {
        return -1;
    }
    int result = -1;
    PyObject *tmp1 = NULL, *tmp2 = NULL;
    int cmp1 = PyObject_RichCompareBool(r->step, zero, Py_GT);
    if (cmp1 < 0) {
        goto end;
    }
    int cmp2, cmp3;
    if (cmp1 == 1) { /* positive steps: start <= ob < stop */
        cmp2 = PyObject_RichCompareBool(r->start, ob, Py_LE);
        cmp3 = cmp2 <= 0 ? cmp2 : PyObject_RichCompareBool(ob, r->stop, Py_LT);
    }
    else { /* negative steps: stop < ob <= start */
        cmp2 = PyObject_RichCompareBool(ob, r->start, Py_LE);
        cmp3 = cmp2 <= 0 ? cmp2 : PyObject_RichCompareBool(r->stop, ob, Py_LT);
    }
    if (cmp2 < 0 || cmp3 < 0) {
        goto end;
    }
    if (cmp2 == 0 || cmp3 == 0) {
        result = 0;
        goto end;
    }
    /* Check that (ob - start) % step == 0. */
    tmp1 = PyNumber_Subtract(ob, r->start);
    if (tmp1 == NULL) {
        goto end;
    }
    tmp2 = PyNumber_Remainder(tmp1, r->step);
    if (tmp2 == NULL) {
        goto end;
    }
    result = PyObject_RichCompareBool(tmp2, zero, Py_EQ);
end:
    Py_XDECREF(tmp1);
    Py_XDECREF(tmp2);
    Py_DECREF(zero);
    return result;
}

static int
range_contains(PyObject *self, PyObject *ob)
{
    rangeobject *r = (rangeobject *)self;
    if (PyLong_CheckExact(ob) || PyBool_Check(ob)) {
        return range_contains_long(r, ob);
    }
    /* Fall back to iterating (objects may compare equal to ints). */
    PyObject *it = PyObject_GetIter(self);
    if (it == NULL) {
        return -1;
    }
    PyObject *item;
    int cmp = 0;
    while ((item = PyIter_Next(it)) != NULL) {
        cmp = PyObject_RichCompareBool(item, ob, Py_EQ);
        Py_DECREF(item);
        if (cmp != 0) {
            break;
        }
    }
    Py_DECREF(it);
    if (cmp == 0 && PyErr_Occurred()) {
        return -1;
    }
    return cmp;
}

static PyObject *
range_count(PyObject *self, PyObject *ob)
{
    rangeobject *r = (rangeobject *)self;
    if (PyLong_CheckExact(ob) || PyBool_Check(ob)) {
        int result = range_contains_long(r, ob);
        if (result == -1) {
            return NULL;
        }
        return PyLong_FromLong(result);
    }
    Py_ssize_t count = PySequence_Count(self, ob);
    if (count == -1) {
        return NULL;
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *
range_index(PyObject *self, PyObject *ob)
{
    rangeobject *r = (rangeobject *)self;
    if (!PyLong_CheckExact(ob) && !PyBool_Check(ob)) {
        Py_ssize_t index = PySequence_Index(self, ob);
        if (index == -1) {
            return NULL;
        }
        return PyLong_FromSsize_t(index);
    }
    int contains = range_contains_long(r, ob);
    if (contains == -1) {
        return NULL;
    }
    if (contains) {
        PyObject *idx = PyNumber_Subtract(ob, r->start);
        if (idx == NULL) {
            return NULL;
        }
        /* idx = (ob - start) // step */
        PyObject *res = PyNumber_FloorDivide(idx, r->step);
        Py_DECREF(idx);
        return res;
    }
    PyErr_Format(PyExc_ValueError, "%R is not in range", ob);
    return NULL;
}

static PyObject *
range_repr(PyObject *self)
{
    rangeobject *r = (rangeobject *)self;
    Py_ssize_t istep = PyNumber_AsSsize_t(r->step, NULL);
    if (istep == -1 && PyErr_Occurred()) {
        PyErr_Clear();
    }
    if (istep == 1) {
        return PyUnicode_FromFormat("range(%R, %R)", r->start, r->stop);
    }
    return PyUnicode_FromFormat("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static PyObject *
range_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    rangeobject *r = (rangeobject *)self;
    return Py_BuildValue("(O(OOO))", Py_TYPE(r), r->start, r->stop, r->step);
}

/* 1 equal, 0 not, -1 error. */
static int
range_equals(rangeobject *r0, rangeobject *r1)
{
    if (r0 == r1) {
        return 1;
    }
    int cmp = PyObject_RichCompareBool(r0->length, r1->length, Py_EQ);
    if (cmp != 1) {
        return cmp;
    }
    cmp = PyObject_Not(r0->length);
    if (cmp != 0) {
        return cmp; /* both empty */
    }
    cmp = PyObject_RichCompareBool(r0->start, r1->start, Py_EQ);
    if (cmp != 1) {
        return cmp;
    }
    PyObject *one = PyLong_FromLong(1);
    if (one == NULL) {
        return -1;
    }
    cmp = PyObject_RichCompareBool(r0->length, one, Py_EQ);
    Py_DECREF(one);
    if (cmp != 0) {
        return cmp; /* one item each, same start */
    }
    return PyObject_RichCompareBool(r0->step, r1->step, Py_EQ);
}

static PyObject *
range_richcompare(PyObject *self, PyObject *other, int op)
{
    if (!PyRange_Check(other) || (op != Py_EQ && op != Py_NE)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    int result = range_equals((rangeobject *)self, (rangeobject *)other);
    if (result == -1) {
        return NULL;
    }
    if (op == Py_NE) {
        result = !result;
    }
    return PyBool_FromLong(result);
}

/* hash((len, start, step)), with start/step None when they do not matter. */
static Py_hash_t
range_hash(PyObject *self)
{
    rangeobject *r = (rangeobject *)self;
    PyObject *t = PyTuple_New(3);
    if (t == NULL) {
        return -1;
    }
    PyTuple_SET_ITEM(t, 0, Py_NewRef(r->length));
    int cmp_result = PyObject_Not(r->length);
    if (cmp_result == -1) {
        Py_DECREF(t);
        return -1;
    }
    if (cmp_result == 1) {
        PyTuple_SET_ITEM(t, 1, Py_NewRef(Py_None));
        PyTuple_SET_ITEM(t, 2, Py_NewRef(Py_None));
    }
    else {
        PyTuple_SET_ITEM(t, 1, Py_NewRef(r->start));
        PyObject *one = PyLong_FromLong(1);
        if (one == NULL) {
            Py_DECREF(t);
            return -1;
        }
        cmp_result = PyObject_RichCompareBool(r->length, one, Py_EQ);
        Py_DECREF(one);
        if (cmp_result == -1) {
            Py_DECREF(t);
            return -1;
        }
        PyTuple_SET_ITEM(t, 2, Py_NewRef(cmp_result ? Py_None : r->step));
    }
    Py_hash_t result = PyObject_Hash(t);
    Py_DECREF(t);
    return result;
}

static int
range_bool(PyObject *self)
{
    return PyObject_IsTrue(((rangeobject *)self)->length);
}

static PyObject *range_iter(PyObject *seq);
static PyObject *range_reverse(PyObject *seq, PyObject *Py_UNUSED(ignored));

static PyMethodDef range_methods[] = {
    {"__reversed__", range_reverse, METH_NOARGS,
     "Return a reverse iterator."},
    {"__reduce__", range_reduce, METH_NOARGS, NULL},
    {"count", range_count, METH_O,
     "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", range_index, METH_O,
     "rangeobject.index(value) -> integer -- return index of value.\n"
     "Raise ValueError if the value is not present."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef range_members[] = {
    {"start", Py_T_OBJECT_EX, offsetof(rangeobject, start), Py_READONLY, NULL},
    {"stop", Py_T_OBJECT_EX, offsetof(rangeobject, stop), Py_READONLY, NULL},
    {"step", Py_T_OBJECT_EX, offsetof(rangeobject, step), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyNumberMethods range_as_number = {
    .nb_bool = range_bool,
};

static PySequenceMethods range_as_sequence = {
    .sq_length = range_length,
    .sq_item = range_item,
    .sq_contains = range_contains,
};

static PyMappingMethods range_as_mapping = {
    .mp_length = range_length,
    .mp_subscript = range_subscript,
};

PyTypeObject PyRange_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "range",
    .tp_basicsize = sizeof(rangeobject),
    .tp_dealloc = range_dealloc,
    .tp_repr = range_repr,
    .tp_as_number = &range_as_number,
    .tp_as_sequence = &range_as_sequence,
    .tp_as_mapping = &range_as_mapping,
    .tp_hash = range_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "range(stop) -> range object\n"
              "range(start, stop[, step]) -> range object\n\n"
              "Return an object that produces a sequence of integers from start (inclusive)\n"
              "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
              "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
              "These are exactly the valid indices for a list of 4 elements.\n"
              "When step is given, it specifies the increment (or decrement).",
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_methods = range_methods,
    .tp_members = range_members,
    .tp_new = range_new,
    .tp_vectorcall = range_vectorcall,
};
_Py_REGISTER_STATIC_TYPE(PyRange_Type);

/* ---- the fast iterator (C longs) ----------------------------------------------------------- */

static PyObject *
rangeiter_next(PyObject *self)
{
    _PyRangeIterObject *r = (_PyRangeIterObject *)self;
    long len = RANGEITER_LOAD(r->len);
    if (len > 0) {
        long result = RANGEITER_LOAD(r->start);
        RANGEITER_STORE(r->start, (long)((unsigned long)result + (unsigned long)r->step));
        RANGEITER_STORE(r->len, len - 1);
        return PyLong_FromLong(result);
    }
    return NULL;
}

static PyObject *
rangeiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(RANGEITER_LOAD(((_PyRangeIterObject *)self)->len));
}

static PyObject *
rangeiter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyRangeIterObject *r = (_PyRangeIterObject *)self;
    PyObject *start = NULL, *stop = NULL, *step = NULL, *range;
    long len_value = RANGEITER_LOAD(r->len);
    start = PyLong_FromLong(RANGEITER_LOAD(r->start));
    if (start == NULL) {
        goto err;
    }
    /* stop = start + len * step, computed without overflow in PyLongs. */
    step = PyLong_FromLong(r->step);
    if (step == NULL) {
        goto err;
    }
    PyObject *len = PyLong_FromLong(len_value);
    if (len == NULL) {
        goto err;
    }
    PyObject *prod = PyNumber_Multiply(len, step);
    Py_DECREF(len);
    if (prod == NULL) {
        goto err;
    }
    stop = PyNumber_Add(start, prod);
    Py_DECREF(prod);
    if (stop == NULL) {
        goto err;
    }
    range = (PyObject *)make_range_object(&PyRange_Type, start, stop, step);
    if (range == NULL) {
        return NULL;
    }
    PyObject *iter = _PyIter_GetBuiltin("iter");
    if (iter == NULL) {
        Py_DECREF(range);
        return NULL;
    }
    return Py_BuildValue("N(N)O", iter, range, Py_None);
err:
    Py_XDECREF(start);
    Py_XDECREF(stop);
    Py_XDECREF(step);
    return NULL;
}

static PyObject *
rangeiter_setstate(PyObject *self, PyObject *state)
{
    _PyRangeIterObject *r = (_PyRangeIterObject *)self;
    long index = PyLong_AsLong(state);
    if (index == -1 && PyErr_Occurred()) {
        return NULL;
    }
    /* Advance by index items, clamped. */
    if (index > 0) {
        long len = RANGEITER_LOAD(r->len);
        if (index > len) {
            index = len;
        }
        unsigned long start = (unsigned long)RANGEITER_LOAD(r->start);
        RANGEITER_STORE(r->start, (long)(start + (unsigned long)index * (unsigned long)r->step));
        RANGEITER_STORE(r->len, len - index);
    }
    Py_RETURN_NONE;
}

static PyMethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_len, METH_NOARGS, NULL},
    {"__reduce__", rangeiter_reduce, METH_NOARGS, NULL},
    {"__setstate__", rangeiter_setstate, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyRangeIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(_PyRangeIterObject),
    .tp_dealloc = (destructor)PyObject_Free,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
};
_Py_REGISTER_STATIC_TYPE(PyRangeIter_Type);

/* ---- the general iterator (PyLongs) -------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *start;
    PyObject *step;
    PyObject *len;
} longrangeiterobject;

static void
longrangeiter_dealloc(PyObject *self)
{
    longrangeiterobject *r = (longrangeiterobject *)self;
    Py_XDECREF(r->start);
    Py_XDECREF(r->step);
    Py_XDECREF(r->len);
    PyObject_Free(r);
}

static PyObject *
longrangeiter_next_lock_held(PyObject *self)
{
    longrangeiterobject *r = (longrangeiterobject *)self;
    if (_PyLong_Sign(r->len) <= 0) {
        return NULL;
    }
    PyObject *new_start = PyNumber_Add(r->start, r->step);
    if (new_start == NULL) {
        return NULL;
    }
    PyObject *one = PyLong_FromLong(1);
    if (one == NULL) {
        Py_DECREF(new_start);
        return NULL;
    }
    PyObject *new_len = PyNumber_Subtract(r->len, one);
    Py_DECREF(one);
    if (new_len == NULL) {
        Py_DECREF(new_start);
        return NULL;
    }
    PyObject *result = r->start;
    r->start = new_start;
    Py_SETREF(r->len, new_len);
    return result;
}

static PyObject *
longrangeiter_next(PyObject *self)
{
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(self);
    result = longrangeiter_next_lock_held(self);
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *
longrangeiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(self);
    result = Py_NewRef(((longrangeiterobject *)self)->len);
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *
longrangeiter_reduce_lock_held(PyObject *self)
{
    longrangeiterobject *r = (longrangeiterobject *)self;
    PyObject *product = PyNumber_Multiply(r->len, r->step);
    if (product == NULL) {
        return NULL;
    }
    PyObject *stop = PyNumber_Add(r->start, product);
    Py_DECREF(product);
    if (stop == NULL) {
        return NULL;
    }
    rangeobject *range = make_range_object(&PyRange_Type, Py_NewRef(r->start), stop,
                                           Py_NewRef(r->step));
    if (range == NULL) {
        return NULL;
    }
    PyObject *iter = _PyIter_GetBuiltin("iter");
    if (iter == NULL) {
        Py_DECREF(range);
        return NULL;
    }
    return Py_BuildValue("N(N)O", iter, range, Py_None);
}

static PyObject *
longrangeiter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(self);
    result = longrangeiter_reduce_lock_held(self);
    Py_END_CRITICAL_SECTION();
    return result;
}

/* Skip state items (clamped to [0, len]). */
static PyObject *
longrangeiter_setstate_lock_held(PyObject *self, PyObject *state)
{
    longrangeiterobject *r = (longrangeiterobject *)self;
    PyObject *index = PyNumber_Index(state);
    if (index == NULL) {
        return NULL;
    }
    if (_PyLong_Sign(index) < 0) {
        Py_SETREF(index, PyLong_FromLong(0));
    }
    else {
        int cmp = PyObject_RichCompareBool(index, r->len, Py_GT);
        if (cmp < 0) {
            Py_DECREF(index);
            return NULL;
        }
        if (cmp) {
            Py_SETREF(index, Py_NewRef(r->len));
        }
    }
    if (index == NULL) {
        return NULL;
    }
    PyObject *delta = PyNumber_Multiply(index, r->step);
    if (delta == NULL) {
        Py_DECREF(index);
        return NULL;
    }
    PyObject *new_start = PyNumber_Add(r->start, delta);
    Py_DECREF(delta);
    if (new_start == NULL) {
        Py_DECREF(index);
        return NULL;
    }
    PyObject *new_len = PyNumber_Subtract(r->len, index);
    Py_DECREF(index);
    if (new_len == NULL) {
        Py_DECREF(new_start);
        return NULL;
    }
    Py_SETREF(r->start, new_start);
    Py_SETREF(r->len, new_len);
    Py_RETURN_NONE;
}

static PyObject *
longrangeiter_setstate(PyObject *self, PyObject *state)
{
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(self);
    result = longrangeiter_setstate_lock_held(self, state);
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyMethodDef longrangeiter_methods[] = {
    {"__length_hint__", longrangeiter_len, METH_NOARGS, NULL},
    {"__reduce__", longrangeiter_reduce, METH_NOARGS, NULL},
    {"__setstate__", longrangeiter_setstate, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyLongRangeIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(longrangeiterobject),
    .tp_dealloc = longrangeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = longrangeiter_next,
    .tp_methods = longrangeiter_methods,
};
_Py_REGISTER_STATIC_TYPE(PyLongRangeIter_Type);

/* Iterator over start, start+step, ... (len items); the fast one when all fit in a long. */
static PyObject *
make_range_iter(PyObject *start, PyObject *step, PyObject *len)
{
    int overflow = 0;
    long lstart = PyLong_AsLongAndOverflow(start, &overflow);
    long lstep = overflow ? 0 : PyLong_AsLongAndOverflow(step, &overflow);
    long llen = overflow ? 0 : PyLong_AsLongAndOverflow(len, &overflow);
    if (PyErr_Occurred()) {
        return NULL;
    }
    if (!overflow) {
        /* The last value start + (len-1)*step must fit too. */
        long long last;
        if (llen == 0 ||
            (!__builtin_mul_overflow((long long)(llen - 1), (long long)lstep, &last) &&
             !__builtin_add_overflow(last, (long long)lstart, &last) && last >= LONG_MIN &&
             last <= LONG_MAX)) {
            _PyRangeIterObject *it = PyObject_New(_PyRangeIterObject, &PyRangeIter_Type);
            if (it == NULL) {
                return NULL;
            }
            it->start = lstart;
            it->step = lstep;
            it->len = llen;
            return (PyObject *)it;
        }
    }
    longrangeiterobject *it = PyObject_New(longrangeiterobject, &PyLongRangeIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->start = Py_NewRef(start);
    it->step = Py_NewRef(step);
    it->len = Py_NewRef(len);
    return (PyObject *)it;
}

static PyObject *
range_iter(PyObject *seq)
{
    rangeobject *r = (rangeobject *)seq;
    return make_range_iter(r->start, r->step, r->length);
}

static PyObject *
range_reverse(PyObject *seq, PyObject *Py_UNUSED(ignored))
{
    rangeobject *r = (rangeobject *)seq;
    /* reversed(range(start, stop, step)) starts at start + (len-1)*step, step -step. */
    PyObject *one = PyLong_FromLong(1);
    if (one == NULL) {
        return NULL;
    }
    PyObject *lenm1 = PyNumber_Subtract(r->length, one);
    Py_DECREF(one);
    if (lenm1 == NULL) {
        return NULL;
    }
    PyObject *last = compute_item(r, lenm1);
    Py_DECREF(lenm1);
    if (last == NULL) {
        return NULL;
    }
    PyObject *negstep = PyNumber_Negative(r->step);
    if (negstep == NULL) {
        Py_DECREF(last);
        return NULL;
    }
    PyObject *it = make_range_iter(last, negstep, r->length);
    Py_DECREF(last);
    Py_DECREF(negstep);
    return it;
}
