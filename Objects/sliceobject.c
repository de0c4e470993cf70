/* slice objects and the Ellipsis singleton.
 *
 * A slice is immutable: start, stop and step are never NULL (None when omitted).  Ellipsis is
 * a static immortal object.  No locking is needed. */
#include "Python.h"
#include "pycore_tuple.h"
#include "pycore_object.h"

/* ---- Ellipsis ------------------------------------------------------------------------------ */

static PyObject *
ellipsis_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) || (kwargs != NULL && PyDict_GET_SIZE(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "EllipsisType takes no arguments");
        return NULL;
    }
    return Py_Ellipsis;
}

static PyObject *
ellipsis_repr(PyObject *op)
{
    return PyUnicode_FromString("Ellipsis");
}

static PyObject *
ellipsis_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return PyUnicode_FromString("Ellipsis");
}

static PyMethodDef ellipsis_methods[] = {
    {"__reduce__", ellipsis_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyEllipsis_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "ellipsis",
    .tp_basicsize = 0,
    .tp_repr = ellipsis_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = ellipsis_methods,
    .tp_new = ellipsis_new,
};
_Py_REGISTER_STATIC_TYPE(PyEllipsis_Type);

PyObject _Py_EllipsisObject = _PyObject_HEAD_INIT(&PyEllipsis_Type);

/* ---- index conversion ---------------------------------------------------------------------- */

/* Convert a slice component (not None) to a clamped C integer; 1 ok, 0 error. */
static int
slice_index(PyObject *v, Py_ssize_t *pi, const char *errmsg)
{
    if (!PyIndex_Check(v)) {
        PyErr_SetString(PyExc_TypeError, errmsg);
        return 0;
    }
    /* With a NULL exception, overflow clamps to PY_SSIZE_T_MIN/MAX. */
    Py_ssize_t x = PyNumber_AsSsize_t(v, NULL);
    if (x == -1 && PyErr_Occurred()) {
        return 0;
    }
    *pi = x;
    return 1;
}

int
_PySlice_IndexArg(PyObject *v, Py_ssize_t *pi)
{
    return slice_index(v, pi, "slice indices must be integers or have an __index__ method");
}

#define SLICE_INDEX_ERROR "slice indices must be integers or None or have an __index__ method"

int
PySlice_Unpack(PyObject *_r, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step)
{
    PySliceObject *r = (PySliceObject *)_r;
    if (r->step == Py_None) {
        *step = 1;
    }
    else {
        if (!slice_index(r->step, step, SLICE_INDEX_ERROR)) {
            return -1;
        }
        if (*step == 0) {
            PyErr_SetString(PyExc_ValueError, "slice step cannot be zero");
            return -1;
        }
        /* Keep -step representable (the reversal code negates it). */
        if (*step < -PY_SSIZE_T_MAX) {
            *step = -PY_SSIZE_T_MAX;
        }
    }
    if (r->start == Py_None) {
        *start = *step < 0 ? PY_SSIZE_T_MAX : 0;
    }
    else if (!slice_index(r->start, start, SLICE_INDEX_ERROR)) {
        return -1;
    }
    if (r->stop == Py_None) {
        *stop = *step < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX;
    }
    else if (!slice_index(r->stop, stop, SLICE_INDEX_ERROR)) {
        return -1;
    }
    return 0;
}

Py_ssize_t
PySlice_AdjustIndices(Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t step)
{
    if (*start < 0) {
        *start += length;
        if (*start < 0) {
            *start = step < 0 ? -1 : 0;
        }
    }
    else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0) {
            *stop = step < 0 ? -1 : 0;
        }
    }
    else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
        if (*stop < *start) {
            return (*start - *stop - 1) / (-step) + 1;
        }
    }
    else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

#undef PySlice_GetIndicesEx
int
PySlice_GetIndicesEx(PyObject *slice, Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop,
                     Py_ssize_t *step, Py_ssize_t *slicelength)
{
    if (PySlice_Unpack(slice, start, stop, step) < 0) {
        *slicelength = 0;
        return -1;
    }
    *slicelength = PySlice_AdjustIndices(length, start, stop, *step);
    return 0;
}

/* The old API: no clamping, errors for non-int components. */
int
PySlice_GetIndices(PyObject *_r, Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop,
                   Py_ssize_t *step)
{
    PySliceObject *r = (PySliceObject *)_r;
    if (r->step == Py_None) {
        *step = 1;
    }
    else {
        if (!PyLong_Check(r->step)) {
            return -1;
        }
        *step = PyLong_AsSsize_t(r->step);
    }
    if (r->start == Py_None) {
        *start = *step < 0 ? length - 1 : 0;
    }
    else {
        if (!PyLong_Check(r->start)) {
            return -1;
        }
        *start = PyLong_AsSsize_t(r->start);
        if (*start < 0) {
            *start += length;
        }
    }
    if (r->stop == Py_None) {
        *stop = *step < 0 ? -1 : length;
    }
    else {
        if (!PyLong_Check(r->stop)) {
            return -1;
        }
        *stop = PyLong_AsSsize_t(r->stop);
        if (*stop < 0) {
            *stop += length;
        }
    }
    if (*stop > length || *start >= length || *step == 0) {
        return -1;
    }
    return 0;
}

/* ---- construction -------------------------------------------------------------------------- */

/* Steals references to start, stop and step (none NULL). */
static PyObject *
slice_new_steal(PyObject *start, PyObject *stop, PyObject *step)
{
    PySliceObject *obj = PyObject_GC_New(PySliceObject, &PySlice_Type);
    if (obj == NULL) {
        Py_DECREF(start);
        Py_DECREF(stop);
        Py_DECREF(step);
        return NULL;
    }
    obj->start = start;
    obj->stop = stop;
    obj->step = step;
    PyObject_GC_Track(obj);
    return (PyObject *)obj;
}

PyObject *
PySlice_New(PyObject *start, PyObject *stop, PyObject *step)
{
    if (start == NULL) {
        start = Py_None;
    }
    if (stop == NULL) {
        stop = Py_None;
    }
    if (step == NULL) {
        step = Py_None;
    }
    return slice_new_steal(Py_NewRef(start), Py_NewRef(stop), Py_NewRef(step));
}

PyObject *
_PyBuildSlice_ConsumeRefs(PyObject *start, PyObject *stop)
{
    return slice_new_steal(start, stop, Py_NewRef(Py_None));
}

PyObject *
_PySlice_FromIndices(Py_ssize_t istart, Py_ssize_t istop)
{
    PyObject *start = PyLong_FromSsize_t(istart);
    if (start == NULL) {
        return NULL;
    }
    PyObject *end = PyLong_FromSsize_t(istop);
    if (end == NULL) {
        Py_DECREF(start);
        return NULL;
    }
    return _PyBuildSlice_ConsumeRefs(start, end);
}

static PyObject *
slice_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (kw != NULL && PyDict_GET_SIZE(kw) != 0) {
        PyErr_SetString(PyExc_TypeError, "slice() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 1) {
        PyErr_Format(PyExc_TypeError, "slice expected at least 1 argument, got %zd", n);
        return NULL;
    }
    if (n > 3) {
        PyErr_Format(PyExc_TypeError, "slice expected at most 3 arguments, got %zd", n);
        return NULL;
    }
    if (n == 1) {
        return PySlice_New(NULL, PyTuple_GET_ITEM(args, 0), NULL);
    }
    return PySlice_New(PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1),
                       n == 3 ? PyTuple_GET_ITEM(args, 2) : NULL);
}

static void
slice_dealloc(PyObject *self)
{
    PySliceObject *r = (PySliceObject *)self;
    PyObject_GC_UnTrack(r);
    Py_DECREF(r->step);
    Py_DECREF(r->start);
    Py_DECREF(r->stop);
    PyObject_GC_Del(r);
}

static int
slice_traverse(PyObject *self, visitproc visit, void *arg)
{
    PySliceObject *v = (PySliceObject *)self;
    Py_VISIT(v->start);
    Py_VISIT(v->stop);
    Py_VISIT(v->step);
    return 0;
}

static PyObject *
slice_repr(PyObject *self)
{
    PySliceObject *r = (PySliceObject *)self;
    return PyUnicode_FromFormat("slice(%R, %R, %R)", r->start, r->stop, r->step);
}

/* ---- indices() with arbitrary-size integers ------------------------------------------------ */

/* Clamp v (a PyLong) into [lower, upper]; new reference. */
static PyObject *
clamp_long(PyObject *v, PyObject *lower, PyObject *upper)
{
    int cmp = PyObject_RichCompareBool(v, lower, Py_LT);
    if (cmp < 0) {
        return NULL;
    }
    if (cmp) {
        return Py_NewRef(lower);
    }
    cmp = PyObject_RichCompareBool(v, upper, Py_GT);
    if (cmp < 0) {
        return NULL;
    }
    return Py_NewRef(cmp ? upper : v);
}

/* Adjust one index (start or stop) for slice.indices(); new reference. */
static PyObject *
adjust_long_index(PyObject *value, PyObject *length, PyObject *lower, PyObject *upper,
                  PyObject *dflt)
{
    if (value == Py_None) {
        return Py_NewRef(dflt);
    }
    PyObject *v = PyNumber_Index(value);
    if (v == NULL) {
        return NULL;
    }
    if (_PyLong_Sign(v) < 0) {
        PyObject *tmp = PyNumber_Add(v, length);
        Py_DECREF(v);
        if (tmp == NULL) {
            return NULL;
        }
        v = tmp;
        int cmp = PyObject_RichCompareBool(v, lower, Py_LT);
        if (cmp < 0) {
            Py_DECREF(v);
            return NULL;
        }
        if (cmp) {
            Py_SETREF(v, Py_NewRef(lower));
        }
        return v;
    }
    PyObject *res = clamp_long(v, lower, upper);
    Py_DECREF(v);
    return res;
}

int
_PySlice_GetLongIndices(PySliceObject *self, PyObject *length, PyObject **start_ptr,
                        PyObject **stop_ptr, PyObject **step_ptr)
{
    PyObject *start = NULL, *stop = NULL, *step = NULL;
    PyObject *upper = NULL, *lower = NULL;
    int step_is_negative;

    if (self->step == Py_None) {
        step = PyLong_FromLong(1);
        if (step == NULL) {
            goto error;
        }
        step_is_negative = 0;
    }
    else {
        step = PyNumber_Index(self->step);
        if (step == NULL) {
            goto error;
        }
        int sign = _PyLong_Sign(step);
        if (sign == 0) {
            PyErr_SetString(PyExc_ValueError, "slice step cannot be zero");
            goto error;
        }
        step_is_negative = sign < 0;
    }
    if (step_is_negative) {
        lower = PyLong_FromLong(-1);
        if (lower == NULL) {
            goto error;
        }
        upper = PyNumber_Add(length, lower);
        if (upper == NULL) {
            goto error;
        }
    }
    else {
        lower = PyLong_FromLong(0);
        if (lower == NULL) {
            goto error;
        }
        upper = Py_NewRef(length);
    }
    start = adjust_long_index(self->start, length, lower, upper,
                              step_is_negative ? upper : lower);
    if (start == NULL) {
        goto error;
    }
    stop = adjust_long_index(self->stop, length, lower, upper,
                             step_is_negative ? lower : upper);
    if (stop == NULL) {
        goto error;
    }
    Py_DECREF(lower);
    Py_DECREF(upper);
    *start_ptr = start;
    *stop_ptr = stop;
    *step_ptr = step;
    return 0;
error:
    Py_XDECREF(start);
    Py_XDECREF(stop);
    Py_XDECREF(step);
    Py_XDECREF(lower);
    Py_XDECREF(upper);
    return -1;
}

static PyObject *
slice_indices(PyObject *self, PyObject *len)
{
    PyObject *length = PyNumber_Index(len);
    if (length == NULL) {
        return NULL;
    }
    if (_PyLong_Sign(length) < 0) {
        PyErr_SetString(PyExc_ValueError, "length should not be negative");
        Py_DECREF(length);
        return NULL;
    }
    PyObject *start, *stop, *step;
    int error = _PySlice_GetLongIndices((PySliceObject *)self, length, &start, &stop, &step);
    Py_DECREF(length);
    if (error == -1) {
        return NULL;
    }
    return Py_BuildValue("(NNN)", start, stop, step);
}

static PyObject *
slice_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PySliceObject *v = (PySliceObject *)self;
    return Py_BuildValue("O(OOO)", Py_TYPE(v), v->start, v->stop, v->step);
}

static PyMethodDef slice_methods[] = {
    {"indices", slice_indices, METH_O,
     "S.indices(len) -> (start, stop, stride)\n\n"
     "Assuming a sequence of length len, calculate the start and stop\n"
     "indices, and the stride length of the extended slice described by\n"
     "S. Out of bounds indices are clipped in a manner consistent with the\n"
     "handling of normal slices."},
    {"__reduce__", slice_reduce, METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef slice_members[] = {
    {"start", _Py_T_OBJECT, offsetof(PySliceObject, start), Py_READONLY, NULL},
    {"stop", _Py_T_OBJECT, offsetof(PySliceObject, stop), Py_READONLY, NULL},
    {"step", _Py_T_OBJECT, offsetof(PySliceObject, step), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *
slice_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PySlice_Check(v) || !PySlice_Check(w)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (v == w) {
        /* Identity shortcut, as CPython: the items compare equal to themselves. */
        switch (op) {
        case Py_EQ:
        case Py_LE:
        case Py_GE:
            Py_RETURN_TRUE;
        case Py_NE:
        case Py_LT:
        case Py_GT:
            Py_RETURN_FALSE;
        default:
            Py_UNREACHABLE();
        }
    }
    PySliceObject *a = (PySliceObject *)v, *b = (PySliceObject *)w;
    PyObject *t1 = PyTuple_Pack(3, a->start, a->stop, a->step);
    if (t1 == NULL) {
        return NULL;
    }
    PyObject *t2 = PyTuple_Pack(3, b->start, b->stop, b->step);
    if (t2 == NULL) {
        Py_DECREF(t1);
        return NULL;
    }
    PyObject *res = PyObject_RichCompare(t1, t2, op);
    Py_DECREF(t1);
    Py_DECREF(t2);
    return res;
}

/* The tuple hash of (start, stop, step) without the length term (CPython 3.12+). */
static Py_hash_t
slice_hash(PyObject *self)
{
    PySliceObject *v = (PySliceObject *)self;
    PyObject *items[3] = {v->start, v->stop, v->step};
    Py_uhash_t acc = (Py_uhash_t)2870177450012600261ULL;
    for (int i = 0; i < 3; i++) {
        Py_uhash_t lane = (Py_uhash_t)PyObject_Hash(items[i]);
        if (lane == (Py_uhash_t)-1) {
            return -1;
        }
        acc += lane * (Py_uhash_t)14029467366897019727ULL;
        acc = (acc << 31) | (acc >> 33);
        acc *= (Py_uhash_t)11400714785074694791ULL;
    }
    if (acc == (Py_uhash_t)-1) {
        return 1546275796;
    }
    return (Py_hash_t)acc;
}

PyTypeObject PySlice_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "slice",
    .tp_basicsize = sizeof(PySliceObject),
    .tp_dealloc = slice_dealloc,
    .tp_repr = slice_repr,
    .tp_hash = slice_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])\n\n"
              "Create a slice object.  This is used for extended slicing (e.g. a[0:10:2]).",
    .tp_traverse = slice_traverse,
    .tp_richcompare = slice_richcompare,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
    .tp_new = slice_new,
};
_Py_REGISTER_STATIC_TYPE(PySlice_Type);
