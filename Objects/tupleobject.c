/* tuple: an immutable sequence with its items stored inline.
 *
 * Invariants: a tuple visible to Python code has no NULL items; the empty tuple is one immortal
 * static object (_Py_EmptyTupleStruct).  Tuples are GC containers, tracked from creation.
 * Being immutable, tuples need no locking in the free-threaded build. */
#include "Python.h"
#include "pycore_qsbr.h"
#include "pycore_gc.h"
#include "pycore_tuple.h"
#include "pycore_object.h"
#include "pycore_pyatomic_ft_wrappers.h"

/* The one empty tuple; static and immortal. */
PyTupleObject _Py_EmptyTupleStruct = {
    PyVarObject_HEAD_INIT(&PyTuple_Type, 0)
    { NULL },
};

/* ---- allocation ---------------------------------------------------------------------------- */

/* Free lists of dead exact tuples by size (1..TUPLE_FREELIST_MAXSIZE), chained through
 * ob_item[0].  They are thread-local, so no lock is needed in either build, and a cached tuple
 * keeps its GC header; it is untracked and holds no references.  The collector only walks its
 * own lists (Python/gc.c), so it never meets a cached tuple.  A tuple that lock-free readers
 * may still look at (shared, free-threaded build) goes back to the allocator through QSBR
 * instead; a thread's cached tuples are freed when it exits (_PyTuple_ClearFreeList). */
#define TUPLE_FREELIST_MAXSIZE 20
#define TUPLE_FREELIST_DEPTH 2000
static _Thread_local PyTupleObject *tuple_freelist[TUPLE_FREELIST_MAXSIZE + 1];
static _Thread_local int tuple_freelist_count[TUPLE_FREELIST_MAXSIZE + 1];

/* Return a new, untracked tuple of size > 0 with NULL items. */
static PyTupleObject *
tuple_alloc(Py_ssize_t size)
{
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (size <= TUPLE_FREELIST_MAXSIZE) {
        PyTupleObject *op = tuple_freelist[size];
        if (op != NULL) {
            tuple_freelist[size] = (PyTupleObject *)op->ob_item[0];
            tuple_freelist_count[size]--;
            _Py_NewReference((PyObject *)op);
            memset(op->ob_item, 0, (size_t)size * sizeof(PyObject *));
            return op;
        }
    }
    if ((size_t)size > ((size_t)PY_SSIZE_T_MAX - sizeof(PyTupleObject)) / sizeof(PyObject *)) {
        return (PyTupleObject *)PyErr_NoMemory();
    }
    PyTupleObject *op = PyObject_GC_NewVar(PyTupleObject, &PyTuple_Type, size);
    if (op == NULL) {
        return NULL;
    }
    memset(op->ob_item, 0, (size_t)size * sizeof(PyObject *));
    return op;
}

/* Return a new reference. */
PyObject *
PyTuple_New(Py_ssize_t size)
{
    if (size == 0) {
        return _Py_EmptyTuple;
    }
    PyTupleObject *op = tuple_alloc(size);
    if (op == NULL) {
        return NULL;
    }
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

/* Return a new reference. */
PyObject *
_PyTuple_FromArray(PyObject *const *src, Py_ssize_t n)
{
    if (n == 0) {
        return _Py_EmptyTuple;
    }
    PyTupleObject *op = tuple_alloc(n);
    if (op == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        op->ob_item[i] = Py_NewRef(src[i]);
    }
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

/* Return a new reference; steals the references in src, also on failure. */
PyObject *
_PyTuple_FromArraySteal(PyObject *const *src, Py_ssize_t n)
{
    if (n == 0) {
        return _Py_EmptyTuple;
    }
    PyTupleObject *op = tuple_alloc(n);
    if (op == NULL) {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_DECREF(src[i]);
        }
        return NULL;
    }
    memcpy(op->ob_item, src, (size_t)n * sizeof(PyObject *));
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

/* Release this thread's cached tuples. */
void
_PyTuple_ClearFreeList(void)
{
    for (Py_ssize_t size = 1; size <= TUPLE_FREELIST_MAXSIZE; size++) {
        PyTupleObject *op = tuple_freelist[size];
        while (op != NULL) {
            PyTupleObject *next = (PyTupleObject *)op->ob_item[0];
            PyObject_GC_Del(op);
            op = next;
        }
        tuple_freelist[size] = NULL;
        tuple_freelist_count[size] = 0;
    }
}

Py_ssize_t
PyTuple_Size(PyObject *op)
{
    if (!PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return Py_SIZE(op);
}

/* Borrowed reference. */
PyObject *
PyTuple_GetItem(PyObject *op, Py_ssize_t i)
{
    if (!PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return ((PyTupleObject *)op)->ob_item[i];
}

/* Steals a reference to newitem, also on failure. */
int
PyTuple_SetItem(PyObject *op, Py_ssize_t i, PyObject *newitem)
{
    if (!PyTuple_Check(op) || Py_REFCNT(op) != 1) {
        Py_XDECREF(newitem);
        PyErr_BadInternalCall();
        return -1;
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        Py_XDECREF(newitem);
        PyErr_SetString(PyExc_IndexError, "tuple assignment index out of range");
        return -1;
    }
    PyObject **p = ((PyTupleObject *)op)->ob_item + i;
    Py_XSETREF(*p, newitem);
    return 0;
}

/* Return a new reference. */
PyObject *
PyTuple_Pack(Py_ssize_t n, ...)
{
    if (n == 0) {
        return _Py_EmptyTuple;
    }
    PyTupleObject *op = tuple_alloc(n);
    if (op == NULL) {
        return NULL;
    }
    va_list vargs;
    va_start(vargs, n);
    for (Py_ssize_t i = 0; i < n; i++) {
        op->ob_item[i] = Py_NewRef(va_arg(vargs, PyObject *));
    }
    va_end(vargs);
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

/* Resize a tuple that nobody else references yet (refcount 1).  On failure *pv is released
 * and set to NULL. */
int
_PyTuple_Resize(PyObject **pv, Py_ssize_t newsize)
{
    PyObject *v = *pv;
    if (v == NULL || !Py_IS_TYPE(v, &PyTuple_Type) ||
        (Py_SIZE(v) != 0 && Py_REFCNT(v) != 1) || newsize < 0) {
        *pv = NULL;
        Py_XDECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t oldsize = Py_SIZE(v);
    if (oldsize == newsize) {
        return 0;
    }
    if (oldsize == 0 || newsize == 0) {
        /* The empty tuple is shared: build a fresh object instead. */
        PyObject *fresh = PyTuple_New(newsize);
        Py_DECREF(v);
        *pv = fresh;
        return fresh == NULL ? -1 : 0;
    }
    PyObject_GC_UnTrack(v);
    for (Py_ssize_t i = newsize; i < oldsize; i++) {
        Py_CLEAR(((PyTupleObject *)v)->ob_item[i]);
    }
    PyTupleObject *sv = PyObject_GC_Resize(PyTupleObject, v, newsize);
    if (sv == NULL) {
        *pv = NULL;
        PyObject_GC_Del(v);
        return -1;
    }
    if (newsize > oldsize) {
        memset(&sv->ob_item[oldsize], 0, sizeof(PyObject *) * (size_t)(newsize - oldsize));
    }
    *pv = (PyObject *)sv;
    PyObject_GC_Track(sv);
    return 0;
}

/* ---- slots --------------------------------------------------------------------------------- */

static void
tuple_dealloc(PyObject *self)
{
    PyTupleObject *op = (PyTupleObject *)self;
    if (Py_SIZE(op) == 0 && op == &_Py_EmptyTupleStruct) {
        return; /* immortal; never reached in practice */
    }
    PyObject_GC_UnTrack(op);
    Py_TRASHCAN_BEGIN(op, tuple_dealloc)
    Py_ssize_t len = Py_SIZE(op);
    Py_ssize_t i = len;
    while (--i >= 0) {
        Py_XDECREF(op->ob_item[i]);
    }
    /* Reused at once: not if lock-free readers may still look at it (QSBR, obmalloc.c). */
    if (len <= TUPLE_FREELIST_MAXSIZE && Py_IS_TYPE(op, &PyTuple_Type) &&
        tuple_freelist_count[len] < TUPLE_FREELIST_DEPTH &&
        (!_PyObject_GC_IS_SHARED((PyObject *)op) || _Py_qsbr_single_thread())) {
        op->ob_item[0] = (PyObject *)tuple_freelist[len];
        tuple_freelist[len] = op;
        tuple_freelist_count[len]++;
        goto done;
    }
    Py_TYPE(op)->tp_free((PyObject *)op);
done:
    Py_TRASHCAN_END
}

static PyObject *
tuple_repr(PyObject *self)
{
    Py_ssize_t n = Py_SIZE(self);
    if (n == 0) {
        return PyUnicode_FromString("()");
    }
    int status = Py_ReprEnter(self);
    if (status != 0) {
        return status > 0 ? PyUnicode_FromString("(...)") : NULL;
    }
    PyObject *pieces = PyList_New(0);
    PyObject *result = NULL;
    if (pieces == NULL) {
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *s = PyObject_Repr(((PyTupleObject *)self)->ob_item[i]);
        if (s == NULL) {
            goto done;
        }
        int rc = PyList_Append(pieces, s);
        Py_DECREF(s);
        if (rc < 0) {
            goto done;
        }
    }
    PyObject *sep = PyUnicode_FromString(", ");
    if (sep == NULL) {
        goto done;
    }
    PyObject *body = PyUnicode_Join(sep, pieces);
    Py_DECREF(sep);
    if (body == NULL) {
        goto done;
    }
    result = PyUnicode_FromFormat(n == 1 ? "(%U,)" : "(%U)", body);
    Py_DECREF(body);
done:
    Py_XDECREF(pieces);
    Py_ReprLeave(self);
    return result;
}

/* CPython's tuple hash: an xxHash-style accumulation over the item hashes. */
#if SIZEOF_PY_UHASH_T > 4
#  define TUPLE_HASH_PRIME1 ((Py_uhash_t)11400714785074694791ULL)
#  define TUPLE_HASH_PRIME2 ((Py_uhash_t)14029467366897019727ULL)
#  define TUPLE_HASH_PRIME5 ((Py_uhash_t)2870177450012600261ULL)
#  define TUPLE_HASH_ROTATE(x) (((x) << 31) | ((x) >> 33))
#else
#  define TUPLE_HASH_PRIME1 ((Py_uhash_t)2654435761UL)
#  define TUPLE_HASH_PRIME2 ((Py_uhash_t)2246822519UL)
#  define TUPLE_HASH_PRIME5 ((Py_uhash_t)374761393UL)
#  define TUPLE_HASH_ROTATE(x) (((x) << 13) | ((x) >> 19))
#endif

Py_hash_t
_PyTuple_Hash(PyObject *self)
{
    Py_ssize_t len = Py_SIZE(self);
    PyObject **items = ((PyTupleObject *)self)->ob_item;
    Py_uhash_t acc = TUPLE_HASH_PRIME5;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_uhash_t lane = (Py_uhash_t)PyObject_Hash(items[i]);
        if (lane == (Py_uhash_t)-1) {
            return -1;
        }
        acc += lane * TUPLE_HASH_PRIME2;
        acc = TUPLE_HASH_ROTATE(acc);
        acc *= TUPLE_HASH_PRIME1;
    }
    acc += (Py_uhash_t)len ^ (TUPLE_HASH_PRIME5 ^ 3527539UL);
    if (acc == (Py_uhash_t)-1) {
        return 1546275796;
    }
    return (Py_hash_t)acc;
}

static Py_ssize_t
tuple_length(PyObject *self)
{
    return Py_SIZE(self);
}

static int
tuple_contains(PyObject *self, PyObject *el)
{
    PyTupleObject *a = (PyTupleObject *)self;
    int cmp = 0;
    for (Py_ssize_t i = 0; cmp == 0 && i < Py_SIZE(a); i++) {
        PyObject *item = a->ob_item[i];
        if (item == el) {
            return 1;
        }
        cmp = PyObject_RichCompareBool(item, el, Py_EQ);
    }
    return cmp;
}

/* Return a new reference. */
static PyObject *
tuple_item(PyObject *self, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return Py_NewRef(((PyTupleObject *)self)->ob_item[i]);
}

/* Return a new reference to a[low:high] (already clamped). */
static PyObject *
tuple_slice(PyTupleObject *a, Py_ssize_t low, Py_ssize_t high)
{
    if (low < 0) {
        low = 0;
    }
    if (high > Py_SIZE(a)) {
        high = Py_SIZE(a);
    }
    if (high < low) {
        high = low;
    }
    if (low == 0 && high == Py_SIZE(a) && PyTuple_CheckExact(a)) {
        return Py_NewRef(a);
    }
    return _PyTuple_FromArray(a->ob_item + low, high - low);
}

/* Return a new reference. */
PyObject *
PyTuple_GetSlice(PyObject *op, Py_ssize_t i, Py_ssize_t j)
{
    if (op == NULL || !PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return tuple_slice((PyTupleObject *)op, i, j);
}

static PyObject *
tuple_concat(PyObject *self, PyObject *bb)
{
    PyTupleObject *a = (PyTupleObject *)self;
    if (!PyTuple_Check(bb)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate tuple (not \"%.200s\") to tuple",
                     Py_TYPE(bb)->tp_name);
        return NULL;
    }
    PyTupleObject *b = (PyTupleObject *)bb;
    if (Py_SIZE(b) == 0 && PyTuple_CheckExact(a)) {
        return Py_NewRef(a);
    }
    if (Py_SIZE(a) == 0 && PyTuple_CheckExact(b)) {
        return Py_NewRef(b);
    }
    if (Py_SIZE(a) > PY_SSIZE_T_MAX - Py_SIZE(b)) {
        return PyErr_NoMemory();
    }
    Py_ssize_t size = Py_SIZE(a) + Py_SIZE(b);
    if (size == 0) {
        return _Py_EmptyTuple;
    }
    PyTupleObject *np = tuple_alloc(size);
    if (np == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < Py_SIZE(a); i++) {
        np->ob_item[i] = Py_NewRef(a->ob_item[i]);
    }
    for (Py_ssize_t i = 0; i < Py_SIZE(b); i++) {
        np->ob_item[i + Py_SIZE(a)] = Py_NewRef(b->ob_item[i]);
    }
    PyObject_GC_Track(np);
    return (PyObject *)np;
}

static PyObject *
tuple_repeat(PyObject *self, Py_ssize_t n)
{
    PyTupleObject *a = (PyTupleObject *)self;
    Py_ssize_t input_size = Py_SIZE(a);
    if (input_size == 0 || n == 1) {
        if (PyTuple_CheckExact(a)) {
            return Py_NewRef(a);
        }
    }
    if (input_size == 0 || n <= 0) {
        return _Py_EmptyTuple;
    }
    if (input_size > PY_SSIZE_T_MAX / n) {
        return PyErr_NoMemory();
    }
    Py_ssize_t size = input_size * n;
    PyTupleObject *np = tuple_alloc(size);
    if (np == NULL) {
        return NULL;
    }
    PyObject **dest = np->ob_item;
    for (Py_ssize_t k = 0; k < n; k++) {
        for (Py_ssize_t i = 0; i < input_size; i++) {
            *dest++ = Py_NewRef(a->ob_item[i]);
        }
    }
    PyObject_GC_Track(np);
    return (PyObject *)np;
}

static int
tuple_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTupleObject *o = (PyTupleObject *)self;
    for (Py_ssize_t i = Py_SIZE(o); --i >= 0;) {
        Py_VISIT(o->ob_item[i]);
    }
    return 0;
}

static PyObject *
tuple_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyTuple_Check(v) || !PyTuple_Check(w)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyTupleObject *vt = (PyTupleObject *)v;
    PyTupleObject *wt = (PyTupleObject *)w;
    Py_ssize_t vlen = Py_SIZE(vt);
    Py_ssize_t wlen = Py_SIZE(wt);

    /* Find the first index where the items differ. */
    Py_ssize_t i;
    for (i = 0; i < vlen && i < wlen; i++) {
        PyObject *a = vt->ob_item[i];
        PyObject *b = wt->ob_item[i];
        if (a == b) {
            continue;
        }
        int k = PyObject_RichCompareBool(a, b, Py_EQ);
        if (k < 0) {
            return NULL;
        }
        if (!k) {
            break;
        }
    }
    if (i >= vlen || i >= wlen) {
        Py_RETURN_RICHCOMPARE(vlen, wlen, op);
    }
    if (op == Py_EQ) {
        Py_RETURN_FALSE;
    }
    if (op == Py_NE) {
        Py_RETURN_TRUE;
    }
    return PyObject_RichCompare(vt->ob_item[i], wt->ob_item[i], op);
}

static PyObject *
tuple_subscript(PyObject *self, PyObject *item)
{
    PyTupleObject *t = (PyTupleObject *)self;
    if (PyLong_CheckExact(item) || (!PySlice_Check(item) && PyIndex_Check(item))) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += Py_SIZE(t);
        }
        return tuple_item(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0) {
            return NULL;
        }
        Py_ssize_t slicelength = PySlice_AdjustIndices(Py_SIZE(t), &start, &stop, step);
        if (slicelength <= 0) {
            return _Py_EmptyTuple;
        }
        if (start == 0 && step == 1 && slicelength == Py_SIZE(t) && PyTuple_CheckExact(t)) {
            return Py_NewRef(t);
        }
        if (step == 1) {
            return _PyTuple_FromArray(t->ob_item + start, slicelength);
        }
        PyTupleObject *result = tuple_alloc(slicelength);
        if (result == NULL) {
            return NULL;
        }
        for (Py_ssize_t cur = start, i = 0; i < slicelength; cur += step, i++) {
            result->ob_item[i] = Py_NewRef(t->ob_item[cur]);
        }
        PyObject_GC_Track(result);
        return (PyObject *)result;
    }
    PyErr_Format(PyExc_TypeError, "tuple indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

/* Build a tuple subclass instance holding the items of iterable. */
static PyObject *
tuple_subtype_new(PyTypeObject *type, PyObject *iterable)
{
    PyObject *tmp = iterable == NULL ? PyTuple_New(0) : PySequence_Tuple(iterable);
    if (tmp == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(tmp);
    PyObject *newobj = type->tp_alloc(type, n);
    if (newobj == NULL) {
        Py_DECREF(tmp);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(newobj, i, Py_NewRef(PyTuple_GET_ITEM(tmp, i)));
    }
    Py_DECREF(tmp);
    return newobj;
}

static PyObject *
tuple_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "tuple() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "tuple expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 0) {
        return _Py_EmptyTuple;
    }
    if (PyTuple_CheckExact(args[0])) {
        return Py_NewRef(args[0]);
    }
    return PySequence_Tuple(args[0]);
}

static PyObject *
tuple_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    /* Keyword arguments are an error unless a subclass's own __init__ consumes them. */
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0 &&
        (type == &PyTuple_Type || type->tp_init == PyTuple_Type.tp_init)) {
        PyErr_SetString(PyExc_TypeError, "tuple() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "tuple expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *iterable = nargs ? PyTuple_GET_ITEM(args, 0) : NULL;
    if (type != &PyTuple_Type) {
        return tuple_subtype_new(type, iterable);
    }
    if (iterable == NULL) {
        return _Py_EmptyTuple;
    }
    if (PyTuple_CheckExact(iterable)) {
        return Py_NewRef(iterable);
    }
    return PySequence_Tuple(iterable);
}

/* ---- methods ------------------------------------------------------------------------------- */

static PyObject *
tuple_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *copy = tuple_slice((PyTupleObject *)self, 0, Py_SIZE(self));
    if (copy == NULL) {
        return NULL;
    }
    PyObject *result = PyTuple_Pack(1, copy);
    Py_DECREF(copy);
    return result;
}

static PyObject *
tuple_count(PyObject *self, PyObject *value)
{
    PyTupleObject *t = (PyTupleObject *)self;
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < Py_SIZE(t); i++) {
        PyObject *item = t->ob_item[i];
        if (item == value) {
            count++;
            continue;
        }
        int cmp = PyObject_RichCompareBool(item, value, Py_EQ);
        if (cmp > 0) {
            count++;
        }
        else if (cmp < 0) {
            return NULL;
        }
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *
tuple_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyTupleObject *t = (PyTupleObject *)self;
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX;
    if (nargs < 1 || nargs > 3) {
        if (nargs < 1) {
            PyErr_Format(PyExc_TypeError, "index expected at least 1 argument, got %zd",
                         nargs);
        }
        else {
            PyErr_Format(PyExc_TypeError, "index expected at most 3 arguments, got %zd",
                         nargs);
        }
        return NULL;
    }
    if (nargs >= 2 && !_PySlice_IndexArg(args[1], &start)) {
        return NULL;
    }
    if (nargs >= 3 && !_PySlice_IndexArg(args[2], &stop)) {
        return NULL;
    }
    PyObject *value = args[0];
    if (start < 0) {
        start += Py_SIZE(t);
        if (start < 0) {
            start = 0;
        }
    }
    if (stop < 0) {
        stop += Py_SIZE(t);
    }
    else if (stop > Py_SIZE(t)) {
        stop = Py_SIZE(t);
    }
    for (Py_ssize_t i = start; i < stop; i++) {
        int cmp = PyObject_RichCompareBool(t->ob_item[i], value, Py_EQ);
        if (cmp > 0) {
            return PyLong_FromSsize_t(i);
        }
        if (cmp < 0) {
            return NULL;
        }
    }
    PyErr_SetString(PyExc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static PyObject *tuple_iter(PyObject *seq);

static PyMethodDef tuple_methods[] = {
    {"__getnewargs__", tuple_getnewargs, METH_NOARGS, NULL},
    {"index", _PyCFunction_CAST(tuple_index), METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", tuple_count, METH_O, "Return number of occurrences of value."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PySequenceMethods tuple_as_sequence = {
    .sq_length = tuple_length,
    .sq_concat = tuple_concat,
    .sq_repeat = tuple_repeat,
    .sq_item = tuple_item,
    .sq_contains = tuple_contains,
};

static PyMappingMethods tuple_as_mapping = {
    .mp_length = tuple_length,
    .mp_subscript = tuple_subscript,
};

PyTypeObject PyTuple_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "tuple",
    .tp_basicsize = sizeof(PyTupleObject) - sizeof(PyObject *),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = tuple_dealloc,
    .tp_repr = tuple_repr,
    .tp_as_sequence = &tuple_as_sequence,
    .tp_as_mapping = &tuple_as_mapping,
    .tp_hash = _PyTuple_Hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_TUPLE_SUBCLASS | _Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_SEQUENCE,
    .tp_doc = "Built-in immutable sequence.\n\n"
              "If no argument is given, the constructor returns an empty tuple.\n"
              "If iterable is specified the tuple is initialized from iterable's items.\n\n"
              "If the argument is a tuple, the return value is the same object.",
    .tp_traverse = tuple_traverse,
    .tp_richcompare = tuple_richcompare,
    .tp_iter = tuple_iter,
    .tp_methods = tuple_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = tuple_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = tuple_vectorcall,
};
_Py_REGISTER_STATIC_TYPE(PyTuple_Type);

/* ---- iterator ------------------------------------------------------------------------------ */

/* A tuple iterator may be shared by threads (free-threaded build).  it_index is then read and
 * written with relaxed atomics: two threads may return the same item or skip one (as in
 * CPython), but neither reads a torn index, and every index stored is one more than an index
 * found below the tuple's (immutable) size, so the item fetch stays in bounds.  it_seq stays
 * set until the iterator dies (it is cleared at exhaustion only in the GIL build), so a thread
 * that loaded it never sees the tuple or its items freed under it. */

static void
tupleiter_dealloc(PyObject *self)
{
    _PyTupleIterObject *it = (_PyTupleIterObject *)self;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int
tupleiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((_PyTupleIterObject *)self)->it_seq);
    return 0;
}

static PyObject *
tupleiter_next(PyObject *self)
{
    _PyTupleIterObject *it = (_PyTupleIterObject *)self;
    PyTupleObject *seq = it->it_seq;
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t index = FT_ATOMIC_LOAD_SSIZE_RELAXED(it->it_index);
    if (index < Py_SIZE(seq)) {
        FT_ATOMIC_STORE_SSIZE_RELAXED(it->it_index, index + 1);
        return Py_NewRef(seq->ob_item[index]);
    }
#ifndef Py_GIL_DISABLED
    it->it_seq = NULL;
    Py_DECREF(seq);
#endif
    return NULL;
}

static PyObject *
tupleiter_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyTupleIterObject *it = (_PyTupleIterObject *)self;
    Py_ssize_t len = 0;
    if (it->it_seq != NULL) {
        len = Py_SIZE(it->it_seq) - FT_ATOMIC_LOAD_SSIZE_RELAXED(it->it_index);
    }
    return PyLong_FromSsize_t(len);
}

static PyObject *
tupleiter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    _PyTupleIterObject *it = (_PyTupleIterObject *)self;
    PyObject *iter = _PyIter_GetBuiltin("iter");
    if (iter == NULL) {
        return NULL;
    }
    /* Exhausted (it_seq cleared, or the index at the end): pickle as iter(()). */
    Py_ssize_t index = FT_ATOMIC_LOAD_SSIZE_RELAXED(it->it_index);
    if (it->it_seq != NULL && index < Py_SIZE(it->it_seq)) {
        return Py_BuildValue("N(O)n", iter, it->it_seq, index);
    }
    return Py_BuildValue("N(())", iter);
}

static PyObject *
tupleiter_setstate(PyObject *self, PyObject *state)
{
    _PyTupleIterObject *it = (_PyTupleIterObject *)self;
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (it->it_seq != NULL) {
        if (index < 0) {
            index = 0;
        }
        else if (index > Py_SIZE(it->it_seq)) {
            index = Py_SIZE(it->it_seq);
        }
        FT_ATOMIC_STORE_SSIZE_RELAXED(it->it_index, index);
    }
    Py_RETURN_NONE;
}

static PyMethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_len, METH_NOARGS, NULL},
    {"__reduce__", tupleiter_reduce, METH_NOARGS, NULL},
    {"__setstate__", tupleiter_setstate, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyTupleIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(_PyTupleIterObject),
    .tp_dealloc = tupleiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = tupleiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
};
_Py_REGISTER_STATIC_TYPE(PyTupleIter_Type);

static PyObject *
tuple_iter(PyObject *seq)
{
    _PyTupleIterObject *it = PyObject_GC_New(_PyTupleIterObject, &PyTupleIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_index = 0;
    it->it_seq = (PyTupleObject *)Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}
