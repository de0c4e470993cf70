/* array: compact arrays of numbers and characters (CPython 3.13 behaviour).
 *
 * An array object owns a malloc'ed buffer `data` of `allocated` items of one C type described
 * by `d` (a static, immutable descriptor table).  Py_SIZE(self) is the number of items.
 *
 * Locking: in the free-threaded build every read or write of data/allocated/ob_size/exports
 * happens inside Py_BEGIN_CRITICAL_SECTION(self); the critical section protects the buffer,
 * its length and the export counter.  Element conversion from Python objects (which may run
 * Python code through __index__/__float__) is done before the section is entered whenever the
 * array is resized, so no arbitrary code runs while the buffer pointer is cached.  len() reads
 * ob_size without the lock (FT_ATOMIC relaxed load); array_resize stores it atomically.
 *
 * Pickling follows CPython: protocols 0-2 use (type(a), (typecode, a.tolist()), state);
 * protocol 3+ uses (array._array_reconstructor, (type(a), typecode, mformat_code, bytes),
 * state), so pickles are interchangeable with CPython's.
 *
 * Module state: the array type and the iterator type (heap types). */
#include "Python.h"
#include "pycore_pyatomic_ft_wrappers.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

typedef struct arraydesc {
    char typecode;
    Py_ssize_t itemsize;
    const char *format;
    /* Return a new reference to item i. */
    PyObject *(*getitem)(const char *data, Py_ssize_t i);
    /* Convert v and store it at item i (data may be NULL to only check); 0 or -1.
     * May run Python code (__index__, __float__): never call it with the lock held on a
     * pointer into an array's buffer; convert into a local buffer instead. */
    int (*setitem)(char *data, Py_ssize_t i, PyObject *v);
    int is_int, is_unicode;
} arraydesc;

typedef struct {
    PyObject_VAR_HEAD
    char *data;
    Py_ssize_t allocated;
    const arraydesc *d;
    Py_ssize_t exports;         /* number of live buffer exports */
    PyObject *weakreflist;
} arrayobject;

typedef struct {
    PyObject_HEAD
    arrayobject *ao;            /* NULL when exhausted */
    Py_ssize_t index;
} arrayiterobject;

typedef struct {
    PyTypeObject *array_type;
    PyTypeObject *iter_type;
} array_state;

static PyModuleDef arraymodule;
static int host_is_big_endian(void);
static PyObject *array_tobytes(PyObject *op, PyObject *unused);

static array_state *state_of_type(PyTypeObject *tp)
{
    PyObject *mod = PyType_GetModuleByDef(tp, &arraymodule);
    if (mod == NULL) {
        return NULL;
    }
    return (array_state *)PyModule_GetState(mod);
}

/* ---- element conversion ---- */

/* Convert v to a long long range-checked for an integer typecode; 0 or -1. */
static int int_convert(char tc, PyObject *v, long long *out, unsigned long long *uout)
{
    PyObject *n = PyNumber_Index(v);
    if (n == NULL) {
        return -1;
    }
    int overflow = 0;
    long long x = PyLong_AsLongLongAndOverflow(n, &overflow);
    if (x == -1 && PyErr_Occurred()) {
        Py_DECREF(n);
        return -1;
    }
    const char *msg = NULL;
    if (overflow != 0) {
        switch (tc) {
        case 'I': case 'L':
            msg = overflow < 0 ? "can't convert negative value to unsigned int"
                               : NULL;
            if (msg == NULL) {
                unsigned long long u = PyLong_AsUnsignedLongLong(n);
                if (u == (unsigned long long)-1 && PyErr_Occurred()) {
                    PyErr_Clear();
                    msg = "Python int too large to convert to C unsigned long";
                }
                else if (tc == 'I') {
                    msg = "unsigned int is greater than maximum";
                }
                else {
                    *uout = u;
                }
            }
            break;
        case 'q':
            msg = "int too big to convert";
            break;
        case 'Q':
            if (overflow < 0) {
                msg = "can't convert negative int to unsigned";
            }
            else {
                unsigned long long u = PyLong_AsUnsignedLongLong(n);
                if (u == (unsigned long long)-1 && PyErr_Occurred()) {
                    PyErr_Clear();
                    msg = "int too big to convert";
                }
                else {
                    *uout = u;
                }
            }
            break;
        default:
            msg = "Python int too large to convert to C long";
            break;
        }
    }
    else {
        switch (tc) {
        case 'b':
            /* CPython converts through a C short first, then range-checks. */
            msg = x < SHRT_MIN ? "signed short integer is less than minimum"
                : x > SHRT_MAX ? "signed short integer is greater than maximum"
                : x < SCHAR_MIN ? "signed char is less than minimum"
                : x > SCHAR_MAX ? "signed char is greater than maximum" : NULL;
            break;
        case 'B':
            msg = x < 0 ? "unsigned byte integer is less than minimum"
                : x > UCHAR_MAX ? "unsigned byte integer is greater than maximum" : NULL;
            break;
        case 'h':
            msg = x < SHRT_MIN ? "signed short integer is less than minimum"
                : x > SHRT_MAX ? "signed short integer is greater than maximum" : NULL;
            break;
        case 'H':
            /* CPython converts through a C int first, then range-checks. */
            msg = x < INT_MIN ? "signed integer is less than minimum"
                : x > INT_MAX ? "signed integer is greater than maximum"
                : x < 0 ? "unsigned short is less than minimum"
                : x > USHRT_MAX ? "unsigned short is greater than maximum" : NULL;
            break;
        case 'i':
            msg = x < INT_MIN ? "signed integer is less than minimum"
                : x > INT_MAX ? "signed integer is greater than maximum" : NULL;
            break;
        case 'I':
            msg = x < 0 ? "can't convert negative value to unsigned int"
                : (unsigned long long)x > UINT_MAX ? "unsigned int is greater than maximum"
                : NULL;
            break;
        case 'l':
            msg = (x < LONG_MIN || x > LONG_MAX)
                ? "Python int too large to convert to C long" : NULL;
            break;
        case 'L':
            msg = x < 0 ? "can't convert negative value to unsigned int" : NULL;
            break;
        case 'Q':
            msg = x < 0 ? "can't convert negative int to unsigned" : NULL;
            break;
        default:
            break;
        }
        *uout = (unsigned long long)x;
    }
    Py_DECREF(n);
    if (msg != NULL) {
        PyErr_SetString(PyExc_OverflowError, msg);
        return -1;
    }
    *out = x;
    return 0;
}

#define INT_ACCESSORS(NAME, CTYPE, TC, FROMC)                                               \
    static PyObject *NAME##_get(const char *data, Py_ssize_t i)                             \
    {                                                                                       \
        CTYPE x;                                                                            \
        memcpy(&x, data + i * (Py_ssize_t)sizeof(CTYPE), sizeof(CTYPE));                   \
        return FROMC(x);                                                                    \
    }                                                                                       \
    static int NAME##_set(char *data, Py_ssize_t i, PyObject *v)                            \
    {                                                                                       \
        long long x = 0;                                                                    \
        unsigned long long u = 0;                                                           \
        if (int_convert(TC, v, &x, &u) < 0) {                                               \
            return -1;                                                                      \
        }                                                                                   \
        if (data != NULL) {                                                                 \
            CTYPE c = (CTYPE)u;                                                             \
            memcpy(data + i * (Py_ssize_t)sizeof(CTYPE), &c, sizeof(CTYPE));               \
        }                                                                                   \
        return 0;                                                                           \
    }

static PyObject *from_ll(long long x) { return PyLong_FromLongLong(x); }
static PyObject *from_ull(unsigned long long x) { return PyLong_FromUnsignedLongLong(x); }

INT_ACCESSORS(b, signed char, 'b', from_ll)
INT_ACCESSORS(B, unsigned char, 'B', from_ll)
INT_ACCESSORS(h, short, 'h', from_ll)
INT_ACCESSORS(H, unsigned short, 'H', from_ll)
INT_ACCESSORS(i, int, 'i', from_ll)
INT_ACCESSORS(I, unsigned int, 'I', from_ull)
INT_ACCESSORS(l, long, 'l', from_ll)
INT_ACCESSORS(L, unsigned long, 'L', from_ull)
INT_ACCESSORS(q, long long, 'q', from_ll)
INT_ACCESSORS(Q, unsigned long long, 'Q', from_ull)

static PyObject *f_get(const char *data, Py_ssize_t i)
{
    float x;
    memcpy(&x, data + i * 4, 4);
    return PyFloat_FromDouble((double)x);
}

static int f_set(char *data, Py_ssize_t i, PyObject *v)
{
    double x = PyFloat_AsDouble(v);
    if (x == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    if (data != NULL) {
        float f = (float)x;
        memcpy(data + i * 4, &f, 4);
    }
    return 0;
}

static PyObject *d_get(const char *data, Py_ssize_t i)
{
    double x;
    memcpy(&x, data + i * 8, 8);
    return PyFloat_FromDouble(x);
}

static int d_set(char *data, Py_ssize_t i, PyObject *v)
{
    double x = PyFloat_AsDouble(v);
    if (x == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    if (data != NULL) {
        memcpy(data + i * 8, &x, 8);
    }
    return 0;
}

/* 'u' (wchar_t, 4 bytes on this platform) and 'w' (Py_UCS4) share one representation. */
static PyObject *w_get(const char *data, Py_ssize_t i)
{
    uint32_t c;
    memcpy(&c, data + i * 4, 4);
    if (c > 0x10ffff) {
        PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return PyUnicode_FromOrdinal((int)c);
}

static int w_set(char *data, Py_ssize_t i, PyObject *v)
{
    if (!PyUnicode_Check(v) || PyUnicode_GetLength(v) != 1) {
        PyErr_SetString(PyExc_TypeError, "array item must be unicode character");
        return -1;
    }
    if (data != NULL) {
        uint32_t c = (uint32_t)PyUnicode_ReadChar(v, 0);
        memcpy(data + i * 4, &c, 4);
    }
    return 0;
}

/* Immutable after compilation: shared by every interpreter. */
static const arraydesc descriptors[] = {
    {'b', 1, "b", b_get, b_set, 1, 0},
    {'B', 1, "B", B_get, B_set, 1, 0},
    {'u', 4, "w", w_get, w_set, 0, 1},
    {'w', 4, "w", w_get, w_set, 0, 1},
    {'h', sizeof(short), "h", h_get, h_set, 1, 0},
    {'H', sizeof(short), "H", H_get, H_set, 1, 0},
    {'i', sizeof(int), "i", i_get, i_set, 1, 0},
    {'I', sizeof(int), "I", I_get, I_set, 1, 0},
    {'l', sizeof(long), "l", l_get, l_set, 1, 0},
    {'L', sizeof(long), "L", L_get, L_set, 1, 0},
    {'q', sizeof(long long), "q", q_get, q_set, 1, 0},
    {'Q', sizeof(long long), "Q", Q_get, Q_set, 1, 0},
    {'f', 4, "f", f_get, f_set, 0, 0},
    {'d', 8, "d", d_get, d_set, 0, 0},
    {0, 0, NULL, NULL, NULL, 0, 0},
};

/* ---- storage helpers (caller holds the critical section of self) ---- */

/* Set the length to newsize, growing the buffer if needed; 0 or -1. */
static int array_resize(arrayobject *self, Py_ssize_t newsize)
{
    if (self->exports > 0 && newsize != Py_SIZE(self)) {
        PyErr_SetString(PyExc_BufferError,
                        "cannot resize an array that is exporting buffers");
        return -1;
    }
    Py_ssize_t isz = self->d->itemsize;
    if (newsize <= self->allocated && newsize >= self->allocated / 2) {
        FT_ATOMIC_STORE_SSIZE_RELAXED(((PyVarObject *)self)->ob_size, newsize);
        return 0;
    }
    if (newsize == 0) {
        PyMem_Free(self->data);
        self->data = NULL;
        self->allocated = 0;
        FT_ATOMIC_STORE_SSIZE_RELAXED(((PyVarObject *)self)->ob_size, 0);
        return 0;
    }
    Py_ssize_t alloc = newsize + (newsize >> 4) + (Py_SIZE(self) < 8 ? 3 : 7);
    if (newsize > PY_SSIZE_T_MAX / isz - 16) {
        PyErr_NoMemory();
        return -1;
    }
    char *p = PyMem_Realloc(self->data, (size_t)(alloc * isz));
    if (p == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->data = p;
    self->allocated = alloc;
    FT_ATOMIC_STORE_SSIZE_RELAXED(((PyVarObject *)self)->ob_size, newsize);
    return 0;
}

static int array_check(PyObject *op, PyTypeObject *tp)
{
    return PyObject_TypeCheck(op, tp);
}

/* Return a new, empty array of exact type tp. */
static arrayobject *newarray(PyTypeObject *tp, Py_ssize_t size, const arraydesc *d)
{
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (size > PY_SSIZE_T_MAX / d->itemsize) {
        PyErr_NoMemory();
        return NULL;
    }
    arrayobject *a = (arrayobject *)tp->tp_alloc(tp, 0);
    if (a == NULL) {
        return NULL;
    }
    a->d = d;
    a->data = NULL;
    a->allocated = 0;
    a->exports = 0;
    a->weakreflist = NULL;
    Py_SET_SIZE(a, 0);
    if (size > 0) {
        a->data = PyMem_Calloc((size_t)size, (size_t)d->itemsize);
        if (a->data == NULL) {
            Py_DECREF(a);
            PyErr_NoMemory();
            return NULL;
        }
        a->allocated = size;
        Py_SET_SIZE(a, size);
    }
    return a;
}

/* Append v (converted) to self; 0 or -1. */
static int array_append_obj(arrayobject *self, PyObject *v)
{
    int r = -1;
    /* Convert first (this may run Python code), then store the raw item. */
    char item[16];
    if (self->d->setitem(item, 0, v) < 0) {
        return -1;
    }
    /* Protects data/size: the append resizes the buffer. */
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t n = Py_SIZE(self);
    if (array_resize(self, n + 1) == 0) {
        memcpy(self->data + n * self->d->itemsize, item, (size_t)self->d->itemsize);
        r = 0;
    }
    Py_END_CRITICAL_SECTION();
    return r;
}

/* Append raw bytes (len a multiple of the item size); 0 or -1. */
static int array_append_raw(arrayobject *self, const char *buf, Py_ssize_t len)
{
    int r = -1;
    Py_ssize_t isz = self->d->itemsize;
    if (len % isz != 0) {
        PyErr_SetString(PyExc_ValueError, "bytes length not a multiple of item size");
        return -1;
    }
    /* Protects data/size during the resize and copy. */
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t n = Py_SIZE(self);
    if (len / isz > PY_SSIZE_T_MAX - n) {
        PyErr_NoMemory();
    }
    else if (array_resize(self, n + len / isz) == 0) {
        if (len > 0) {
            memmove(self->data + n * isz, buf, (size_t)len);
        }
        r = 0;
    }
    Py_END_CRITICAL_SECTION();
    return r;
}

/* Extend from any iterable (arrays must have the same typecode); 0 or -1. */
static int array_extend_obj(arrayobject *self, PyObject *bb, PyTypeObject *atype)
{
    if (array_check(bb, atype)) {
        arrayobject *b = (arrayobject *)bb;
        if (b->d != self->d) {
            PyErr_SetString(PyExc_TypeError, "can only extend with array of same kind");
            return -1;
        }
        int r = -1;
        /* Snapshot b's bytes under its lock, then append under self's lock. */
        PyObject *bytes = NULL;
        Py_BEGIN_CRITICAL_SECTION(b);
        bytes = PyBytes_FromStringAndSize(b->data, Py_SIZE(b) * b->d->itemsize);
        Py_END_CRITICAL_SECTION();
        if (bytes != NULL) {
            r = array_append_raw(self, PyBytes_AS_STRING(bytes), PyBytes_GET_SIZE(bytes));
            Py_DECREF(bytes);
        }
        return r;
    }
    PyObject *it = PyObject_GetIter(bb);
    if (it == NULL) {
        return -1;
    }
    PyObject *v;
    while ((v = PyIter_Next(it)) != NULL) {
        int r = array_append_obj(self, v);
        Py_DECREF(v);
        if (r < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

/* Return a new reference to item i (no bounds check beyond the locked one). */
static PyObject *array_item_locked(arrayobject *self, Py_ssize_t i)
{
    PyObject *r = NULL;
    /* Protects data/size while the item is read. */
    Py_BEGIN_CRITICAL_SECTION(self);
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "array index out of range");
    }
    else {
        r = self->d->getitem(self->data, i);
    }
    Py_END_CRITICAL_SECTION();
    return r;
}

/* ---- unicode helpers ---- */

static int array_fromunicode_impl(arrayobject *self, PyObject *s)
{
    Py_UCS4 *buf = PyUnicode_AsUCS4Copy(s);
    if (buf == NULL) {
        return -1;
    }
    Py_ssize_t n = PyUnicode_GetLength(s);
    int r = 0;
    if (n > 0) {
        r = array_append_raw(self, (const char *)buf, n * 4);
    }
    PyMem_Free(buf);
    return r;
}

/* ---- type: construction and destruction ---- */

static PyObject *array_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    array_state *st = state_of_type(type);
    if (st == NULL) {
        return NULL;
    }
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0 && type == st->array_type) {
        PyErr_SetString(PyExc_TypeError, "array.array() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs < 1 || nargs > 2) {
        PyErr_Format(PyExc_TypeError, "array() takes at most 2 arguments (%zd given)", nargs);
        if (nargs < 1) {
            PyErr_Format(PyExc_TypeError,
                         "array() takes at least 1 argument (0 given)");
        }
        return NULL;
    }
    PyObject *tco = PyTuple_GET_ITEM(args, 0);
    PyObject *init = nargs > 1 ? PyTuple_GET_ITEM(args, 1) : NULL;
    if (!PyUnicode_Check(tco) || PyUnicode_GetLength(tco) != 1) {
        PyErr_Format(PyExc_TypeError,
                     "array() argument 1 must be a unicode character, not %.200s",
                     Py_TYPE(tco)->tp_name);
        return NULL;
    }
    Py_UCS4 c = PyUnicode_ReadChar(tco, 0);
    const arraydesc *d = NULL;
    for (const arraydesc *p = descriptors; p->typecode != 0; p++) {
        if ((Py_UCS4)(unsigned char)p->typecode == c) {
            d = p;
            break;
        }
    }
    if (d == NULL) {
        PyErr_SetString(PyExc_ValueError,
                        "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
        return NULL;
    }
    if (d->typecode == 'u') {
        if (PyErr_WarnEx(PyExc_DeprecationWarning,
                         "The 'u' type code is deprecated and will be removed in "
                         "Python 3.16", 1) < 0) {
            return NULL;
        }
    }
    if (init != NULL) {
        if (PyUnicode_Check(init) && !d->is_unicode) {
            PyErr_Format(PyExc_TypeError,
                         "cannot use a str to initialize an array with typecode '%c'",
                         d->typecode);
            return NULL;
        }
        if (array_check(init, st->array_type) && ((arrayobject *)init)->d->is_unicode &&
            !d->is_unicode) {
            PyErr_Format(PyExc_TypeError,
                         "cannot use a unicode array to initialize an array with "
                         "typecode '%c'", d->typecode);
            return NULL;
        }
    }
    arrayobject *a = newarray(type, 0, d);
    if (a == NULL) {
        return NULL;
    }
    if (init == NULL) {
        return (PyObject *)a;
    }
    int r;
    if (PyUnicode_Check(init)) {
        r = array_fromunicode_impl(a, init);
    }
    else if (PyBytes_Check(init) || PyByteArray_Check(init)) {
        Py_buffer view;
        r = PyObject_GetBuffer(init, &view, PyBUF_SIMPLE);
        if (r == 0) {
            r = array_append_raw(a, view.buf, view.len);
            PyBuffer_Release(&view);
        }
    }
    else if (array_check(init, st->array_type) && ((arrayobject *)init)->d != d) {
        /* Different typecode: convert item by item. */
        PyObject *lst = PyObject_CallMethod(init, "tolist", NULL);
        r = lst == NULL ? -1 : array_extend_obj(a, lst, st->array_type);
        Py_XDECREF(lst);
    }
    else {
        r = array_extend_obj(a, init, st->array_type);
    }
    if (r < 0) {
        Py_DECREF(a);
        return NULL;
    }
    return (PyObject *)a;
}

static void array_dealloc(PyObject *op)
{
    arrayobject *self = (arrayobject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    PyMem_Free(self->data);
    tp->tp_free(op);
    Py_DECREF(tp);
}

/* ---- repr ---- */

static PyObject *array_repr(PyObject *op)
{
    arrayobject *self = (arrayobject *)op;
    const char *name = Py_TYPE(op)->tp_name;
    const char *dot = strrchr(name, '.');
    if (dot != NULL) {
        name = dot + 1;
    }
    if (Py_SIZE(self) == 0) {
        return PyUnicode_FromFormat("%s('%c')", name, self->d->typecode);
    }
    PyObject *v = self->d->is_unicode ? PyObject_CallMethod(op, "tounicode", NULL)
                                      : PyObject_CallMethod(op, "tolist", NULL);
    if (v == NULL) {
        return NULL;
    }
    PyObject *r = PyUnicode_FromFormat("%s('%c', %R)", name, self->d->typecode, v);
    Py_DECREF(v);
    return r;
}

/* ---- sequence protocol ---- */

static Py_ssize_t array_length(PyObject *op)
{
    return FT_ATOMIC_LOAD_SSIZE_RELAXED(((PyVarObject *)op)->ob_size);
}

static PyObject *array_item(PyObject *op, Py_ssize_t i)
{
    return array_item_locked((arrayobject *)op, i);
}

/* Return a new array holding items [start:stop:step] (slicelength items). */
static PyObject *array_slice(arrayobject *self, Py_ssize_t start, Py_ssize_t step,
                             Py_ssize_t slicelength)
{
    array_state *st = state_of_type(Py_TYPE(self));
    if (st == NULL) {
        return NULL;
    }
    arrayobject *r = newarray(st->array_type, slicelength, self->d);
    if (r == NULL) {
        return NULL;
    }
    Py_ssize_t isz = self->d->itemsize;
    /* Protects self's data while copying (caller adjusted indices under the same lock
     * is not required: the copy re-checks the bounds). */
    Py_BEGIN_CRITICAL_SECTION(self);
    for (Py_ssize_t k = 0, i = start; k < slicelength; k++, i += step) {
        if (i >= 0 && i < Py_SIZE(self)) {
            memcpy(r->data + k * isz, self->data + i * isz, (size_t)isz);
        }
    }
    Py_END_CRITICAL_SECTION();
    return (PyObject *)r;
}

static PyObject *array_subscript(PyObject *op, PyObject *key)
{
    arrayobject *self = (arrayobject *)op;
    if (PyIndex_Check(key)) {
        Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += array_length(op);
        }
        return array_item_locked(self, i);
    }
    if (PySlice_Check(key)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(key, &start, &stop, &step) < 0) {
            return NULL;
        }
        Py_ssize_t len = PySlice_AdjustIndices(array_length(op), &start, &stop, step);
        return array_slice(self, start, step, len);
    }
    PyErr_SetString(PyExc_TypeError, "array indices must be integers");
    return NULL;
}

/* Delete items [start:stop:step] (len of them).  Caller holds the lock; 0 or -1. */
static int array_del_slice(arrayobject *self, Py_ssize_t start, Py_ssize_t step,
                           Py_ssize_t len)
{
    /* CPython refuses even an empty deletion while buffers are exported. */
    if (self->exports > 0) {
        PyErr_SetString(PyExc_BufferError,
                        "cannot resize an array that is exporting buffers");
        return -1;
    }
    if (len <= 0) {
        return 0;
    }
    Py_ssize_t isz = self->d->itemsize;
    Py_ssize_t n = Py_SIZE(self);
    if (step < 0) {
        start = start + step * (len - 1);
        step = -step;
    }
    if (step == 1) {
        memmove(self->data + start * isz, self->data + (start + len) * isz,
                (size_t)((n - start - len) * isz));
    }
    else {
        Py_ssize_t w = start;
        for (Py_ssize_t i = start; i < n; i++) {
            if (i >= start && (i - start) % step == 0 && (i - start) / step < len) {
                continue;
            }
            memmove(self->data + w * isz, self->data + i * isz, (size_t)isz);
            w++;
        }
    }
    return array_resize(self, n - len);
}

static int array_ass_subscript(PyObject *op, PyObject *key, PyObject *value)
{
    arrayobject *self = (arrayobject *)op;
    array_state *st = state_of_type(Py_TYPE(op));
    if (st == NULL) {
        return -1;
    }
    int r = -1;
    if (PyIndex_Check(key)) {
        Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return -1;
        }
        char item[16];
        Py_ssize_t n0 = array_length(op);
        if (i < -n0 || i >= n0) {
            PyErr_SetString(PyExc_IndexError, "array assignment index out of range");
            return -1;
        }
        if (value != NULL && self->d->setitem(item, 0, value) < 0) {
            return -1;
        }
        /* Protects data/size for the store or deletion. */
        Py_BEGIN_CRITICAL_SECTION(self);
        Py_ssize_t n = Py_SIZE(self);
        if (i < 0) {
            i += n;
        }
        if (i < 0 || i >= n) {
            PyErr_SetString(PyExc_IndexError, "array assignment index out of range");
        }
        else if (value != NULL) {
            memcpy(self->data + i * self->d->itemsize, item, (size_t)self->d->itemsize);
            r = 0;
        }
        else {
            r = array_del_slice(self, i, 1, 1);
        }
        Py_END_CRITICAL_SECTION();
        return r;
    }
    if (!PySlice_Check(key)) {
        PyErr_SetString(PyExc_TypeError, "array indices must be integers");
        return -1;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(key, &start, &stop, &step) < 0) {
        return -1;
    }
    PyObject *bytes = NULL;
    if (value != NULL) {
        if (!array_check(value, st->array_type)) {
            PyErr_Format(PyExc_TypeError,
                         "can only assign array (not \"%.200s\") to array slice",
                         Py_TYPE(value)->tp_name);
            return -1;
        }
        arrayobject *v = (arrayobject *)value;
        if (v->d != self->d) {
            PyErr_BadArgument();
            return -1;
        }
        /* Snapshot value (it may be self). */
        Py_BEGIN_CRITICAL_SECTION(v);
        bytes = PyBytes_FromStringAndSize(v->data, Py_SIZE(v) * v->d->itemsize);
        Py_END_CRITICAL_SECTION();
        if (bytes == NULL) {
            return -1;
        }
    }
    /* Protects data/size during the slice store or deletion. */
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t n = Py_SIZE(self);
    Py_ssize_t len = PySlice_AdjustIndices(n, &start, &stop, step);
    Py_ssize_t isz = self->d->itemsize;
    if (value == NULL) {
        r = array_del_slice(self, start, step, len);
    }
    else {
        Py_ssize_t vn = PyBytes_GET_SIZE(bytes) / isz;
        const char *src = PyBytes_AS_STRING(bytes);
        if (step == 1) {
            if (stop < start) {
                stop = start;
            }
            Py_ssize_t old = stop - start;
            if (vn != old && self->exports > 0) {
                PyErr_SetString(PyExc_BufferError,
                                "cannot resize an array that is exporting buffers");
            }
            else if (vn > old) {
                if (array_resize(self, n + vn - old) == 0) {
                    memmove(self->data + (start + vn) * isz, self->data + stop * isz,
                            (size_t)((n - stop) * isz));
                    memcpy(self->data + start * isz, src, (size_t)(vn * isz));
                    r = 0;
                }
            }
            else {
                memcpy(self->data + start * isz, src, (size_t)(vn * isz));
                memmove(self->data + (start + vn) * isz, self->data + stop * isz,
                        (size_t)((n - stop) * isz));
                r = array_resize(self, n + vn - old);
            }
        }
        else if (vn == 0) {
            /* Assigning an empty array to an extended slice deletes it (as CPython). */
            r = array_del_slice(self, start, step, len);
        }
        else if (vn != len) {
            PyErr_Format(PyExc_ValueError,
                         "attempt to assign array of size %zd to extended slice of size %zd",
                         vn, len);
        }
        else {
            for (Py_ssize_t k = 0, i = start; k < len; k++, i += step) {
                memcpy(self->data + i * isz, src + k * isz, (size_t)isz);
            }
            r = 0;
        }
    }
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(bytes);
    return r;
}

static int array_ass_item(PyObject *op, Py_ssize_t i, PyObject *v)
{
    PyObject *key = PyLong_FromSsize_t(i);
    if (key == NULL) {
        return -1;
    }
    int r = array_ass_subscript(op, key, v);
    Py_DECREF(key);
    return r;
}

static PyObject *array_concat(PyObject *op, PyObject *bb)
{
    arrayobject *self = (arrayobject *)op;
    array_state *st = state_of_type(Py_TYPE(op));
    if (st == NULL) {
        return NULL;
    }
    if (!array_check(bb, st->array_type)) {
        PyErr_Format(PyExc_TypeError, "can only append array (not \"%.200s\") to array",
                     Py_TYPE(bb)->tp_name);
        return NULL;
    }
    if (((arrayobject *)bb)->d != self->d) {
        PyErr_BadArgument();
        return NULL;
    }
    arrayobject *r = newarray(st->array_type, 0, self->d);
    if (r == NULL) {
        return NULL;
    }
    if (array_extend_obj(r, op, st->array_type) < 0 ||
        array_extend_obj(r, bb, st->array_type) < 0) {
        Py_DECREF(r);
        return NULL;
    }
    return (PyObject *)r;
}

static PyObject *array_repeat(PyObject *op, Py_ssize_t n)
{
    arrayobject *self = (arrayobject *)op;
    array_state *st = state_of_type(Py_TYPE(op));
    if (st == NULL) {
        return NULL;
    }
    if (n < 0) {
        n = 0;
    }
    PyObject *bytes = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    bytes = PyBytes_FromStringAndSize(self->data, Py_SIZE(self) * self->d->itemsize);
    Py_END_CRITICAL_SECTION();
    if (bytes == NULL) {
        return NULL;
    }
    Py_ssize_t blen = PyBytes_GET_SIZE(bytes);
    if (blen > 0 && n > PY_SSIZE_T_MAX / blen) {
        Py_DECREF(bytes);
        return PyErr_NoMemory();
    }
    arrayobject *r = newarray(st->array_type, blen / self->d->itemsize * n, self->d);
    if (r != NULL) {
        for (Py_ssize_t k = 0; k < n; k++) {
            memcpy(r->data + k * blen, PyBytes_AS_STRING(bytes), (size_t)blen);
        }
    }
    Py_DECREF(bytes);
    return (PyObject *)r;
}

static PyObject *array_inplace_concat(PyObject *op, PyObject *bb)
{
    array_state *st = state_of_type(Py_TYPE(op));
    if (st == NULL) {
        return NULL;
    }
    if (!array_check(bb, st->array_type)) {
        PyErr_Format(PyExc_TypeError, "can only extend array with array (not \"%.200s\")",
                     Py_TYPE(bb)->tp_name);
        return NULL;
    }
    if (array_extend_obj((arrayobject *)op, bb, st->array_type) < 0) {
        return NULL;
    }
    return Py_NewRef(op);
}

static PyObject *array_inplace_repeat(PyObject *op, Py_ssize_t n)
{
    arrayobject *self = (arrayobject *)op;
    int r = 0;
    /* Protects data/size while the contents are repeated in place. */
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t size = Py_SIZE(self);
    Py_ssize_t isz = self->d->itemsize;
    if (n <= 0) {
        r = array_resize(self, 0);
    }
    else if (size > 0) {
        if (size > PY_SSIZE_T_MAX / n) {
            PyErr_NoMemory();
            r = -1;
        }
        else if ((r = array_resize(self, size * n)) == 0) {
            for (Py_ssize_t k = 1; k < n; k++) {
                memcpy(self->data + k * size * isz, self->data, (size_t)(size * isz));
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    if (r < 0) {
        return NULL;
    }
    return Py_NewRef(op);
}

/* Return 1 if item i equals v, 0 if not, -1 on error; also 0 when i is out of range. */
static int item_eq(arrayobject *self, Py_ssize_t i, PyObject *v)
{
    PyObject *x = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (i < Py_SIZE(self)) {
        x = self->d->getitem(self->data, i);
        if (x == NULL) {
            i = -1;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (x == NULL) {
        return i == -1 ? -1 : 0;
    }
    int r = PyObject_RichCompareBool(x, v, Py_EQ);
    Py_DECREF(x);
    return r;
}

static int array_contains(PyObject *op, PyObject *v)
{
    for (Py_ssize_t i = 0; i < array_length(op); i++) {
        int r = item_eq((arrayobject *)op, i, v);
        if (r != 0) {
            return r;
        }
    }
    return 0;
}

static PyObject *array_richcompare(PyObject *v, PyObject *w, int op)
{
    array_state *st = state_of_type(Py_TYPE(v));
    if (st == NULL) {
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (!array_check(v, st->array_type) || !array_check(w, st->array_type)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_ssize_t vn = array_length(v), wn = array_length(w);
    if (vn != wn && (op == Py_EQ || op == Py_NE)) {
        return Py_NewRef(op == Py_EQ ? Py_False : Py_True);
    }
    const arraydesc *vd = ((arrayobject *)v)->d;
    if ((op == Py_EQ || op == Py_NE) && vd == ((arrayobject *)w)->d &&
        vd->typecode != 'f' && vd->typecode != 'd') {
        /* Same integer or character type: equal exactly when the bytes are equal. */
        PyObject *vb = array_tobytes(v, NULL);
        PyObject *wb = vb ? array_tobytes(w, NULL) : NULL;
        PyObject *r = wb ? PyObject_RichCompare(vb, wb, op) : NULL;
        Py_XDECREF(vb);
        Py_XDECREF(wb);
        return r;
    }
    /* Same integer or character type: items whose bytes are equal are equal and are
     * skipped without conversion (floats are excluded because of NaN). */
    PyObject *vsnap = NULL, *wsnap = NULL;
    if (vd == ((arrayobject *)w)->d) {
        vsnap = array_tobytes(v, NULL);
        wsnap = vsnap ? array_tobytes(w, NULL) : NULL;
        if (wsnap == NULL) {
            Py_XDECREF(vsnap);
            return NULL;
        }
    }
    Py_ssize_t i;
    for (i = 0; i < vn && i < wn; i++) {
        if (vsnap != NULL && (i + 1) * vd->itemsize <= PyBytes_GET_SIZE(vsnap) &&
            (i + 1) * vd->itemsize <= PyBytes_GET_SIZE(wsnap) &&
            vd->typecode != 'f' && vd->typecode != 'd' &&
            memcmp(PyBytes_AS_STRING(vsnap) + i * vd->itemsize,
                   PyBytes_AS_STRING(wsnap) + i * vd->itemsize,
                   (size_t)vd->itemsize) == 0) {
            continue;
        }
        PyObject *a = array_item(v, i);
        if (a == NULL) {
            Py_XDECREF(vsnap);
            Py_XDECREF(wsnap);
            return NULL;
        }
        PyObject *b = array_item(w, i);
        if (b == NULL) {
            Py_DECREF(a);
            Py_XDECREF(vsnap);
            Py_XDECREF(wsnap);
            return NULL;
        }
        int eq = PyObject_RichCompareBool(a, b, Py_EQ);
        if (eq < 0) {
            Py_DECREF(a);
            Py_DECREF(b);
            Py_XDECREF(vsnap);
            Py_XDECREF(wsnap);
            return NULL;
        }
        if (!eq) {
            PyObject *r;
            if (op == Py_EQ) {
                r = Py_NewRef(Py_False);
            }
            else if (op == Py_NE) {
                r = Py_NewRef(Py_True);
            }
            else {
                r = PyObject_RichCompare(a, b, op);
            }
            Py_DECREF(a);
            Py_DECREF(b);
            Py_XDECREF(vsnap);
            Py_XDECREF(wsnap);
            return r;
        }
        Py_DECREF(a);
        Py_DECREF(b);
    }
    int res;
    switch (op) {
    case Py_LT: res = vn < wn; break;
    case Py_LE: res = vn <= wn; break;
    case Py_EQ: res = vn == wn; break;
    case Py_NE: res = vn != wn; break;
    case Py_GT: res = vn > wn; break;
    default: res = vn >= wn; break;
    }
    Py_XDECREF(vsnap);
    Py_XDECREF(wsnap);
    return PyBool_FromLong(res);
}

/* ---- buffer protocol ---- */

static int array_getbuffer(PyObject *op, Py_buffer *view, int flags)
{
    /* Immutable: handed out as the buffer of an empty array. */
    static char empty_buffer[8];
    arrayobject *self = (arrayobject *)op;
    if (view == NULL) {
        PyErr_SetString(PyExc_BufferError, "array_buffer_getbuf: view==NULL argument is obsolete");
        return -1;
    }
    /* Protects the export counter and the buffer pointer handed out. */
    Py_BEGIN_CRITICAL_SECTION(self);
    view->buf = self->data != NULL ? (void *)self->data : (void *)empty_buffer;
    view->obj = Py_NewRef(op);
    view->len = Py_SIZE(self) * self->d->itemsize;
    view->readonly = 0;
    view->ndim = 1;
    view->itemsize = self->d->itemsize;
    view->suboffsets = NULL;
    view->shape = NULL;
    if ((flags & PyBUF_ND) == PyBUF_ND) {
        view->shape = &((PyVarObject *)self)->ob_size;
    }
    view->strides = NULL;
    if ((flags & PyBUF_STRIDES) == PyBUF_STRIDES) {
        view->strides = (Py_ssize_t *)&self->d->itemsize;
    }
    view->format = NULL;
    view->internal = NULL;
    if ((flags & PyBUF_FORMAT) == PyBUF_FORMAT) {
        view->format = (char *)self->d->format;
    }
    self->exports++;
    Py_END_CRITICAL_SECTION();
    return 0;
}

static void array_releasebuffer(PyObject *op, Py_buffer *view)
{
    (void)view;
    arrayobject *self = (arrayobject *)op;
    /* Protects the export counter. */
    Py_BEGIN_CRITICAL_SECTION(self);
    self->exports--;
    Py_END_CRITICAL_SECTION();
}

/* ---- methods ---- */

/* Convert an index argument of index(); 1 on success, 0 with an exception set. */
static int slice_index(PyObject *v, Py_ssize_t *out)
{
    if (!PyIndex_Check(v)) {
        PyErr_SetString(PyExc_TypeError,
                        "slice indices must be integers or have an __index__ method");
        return 0;
    }
    Py_ssize_t x = PyNumber_AsSsize_t(v, NULL);
    if (x == -1 && PyErr_Occurred()) {
        return 0;
    }
    *out = x;
    return 1;
}

static PyObject *array_append(PyObject *op, PyObject *v)
{
    if (array_append_obj((arrayobject *)op, v) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *array_extend(PyObject *op, PyObject *v)
{
    array_state *st = state_of_type(Py_TYPE(op));
    if (st == NULL || array_extend_obj((arrayobject *)op, v, st->array_type) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *array_buffer_info(PyObject *op, PyObject *unused)
{
    (void)unused;
    arrayobject *self = (arrayobject *)op;
    PyObject *r = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    r = Py_BuildValue("(Nn)", PyLong_FromVoidPtr(self->data), Py_SIZE(self));
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyObject *array_byteswap(PyObject *op, PyObject *unused)
{
    (void)unused;
    arrayobject *self = (arrayobject *)op;
    /* Protects data while bytes are swapped in place. */
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t isz = self->d->itemsize;
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        char *p = self->data + i * isz;
        for (Py_ssize_t a = 0, b = isz - 1; a < b; a++, b--) {
            char t = p[a];
            p[a] = p[b];
            p[b] = t;
        }
    }
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *array_count(PyObject *op, PyObject *v)
{
    Py_ssize_t c = 0;
    for (Py_ssize_t i = 0; i < array_length(op); i++) {
        int r = item_eq((arrayobject *)op, i, v);
        if (r < 0) {
            return NULL;
        }
        c += r;
    }
    return PyLong_FromSsize_t(c);
}

static PyObject *array_index(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 3) {
        PyErr_Format(PyExc_TypeError, "index expected at %s 1 argument%s, got %zd",
                     nargs < 1 ? "least" : "most", nargs < 1 ? "" : "s", nargs);
        if (nargs > 3) {
            PyErr_Format(PyExc_TypeError, "index expected at most 3 arguments, got %zd",
                         nargs);
        }
        return NULL;
    }
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX;
    if (nargs > 1 && !slice_index(args[1], &start)) {
        return NULL;
    }
    if (nargs > 2 && !slice_index(args[2], &stop)) {
        return NULL;
    }
    Py_ssize_t n = array_length(op);
    if (start < 0) {
        start += n;
        if (start < 0) {
            start = 0;
        }
    }
    if (stop < 0) {
        stop += n;
    }
    for (Py_ssize_t i = start; i < stop && i < array_length(op); i++) {
        int r = item_eq((arrayobject *)op, i, args[0]);
        if (r < 0) {
            return NULL;
        }
        if (r) {
            return PyLong_FromSsize_t(i);
        }
    }
    PyErr_SetString(PyExc_ValueError, "array.index(x): x not in array");
    return NULL;
}

static PyObject *array_remove(PyObject *op, PyObject *v)
{
    for (Py_ssize_t i = 0; i < array_length(op); i++) {
        int r = item_eq((arrayobject *)op, i, v);
        if (r < 0) {
            return NULL;
        }
        if (r) {
            if (array_ass_item(op, i, NULL) < 0) {
                return NULL;
            }
            Py_RETURN_NONE;
        }
    }
    PyErr_SetString(PyExc_ValueError, "array.remove(x): x not in array");
    return NULL;
}

static PyObject *array_insert(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    arrayobject *self = (arrayobject *)op;
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "insert expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    Py_ssize_t i = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *v = args[1];
    char item[16];
    if (self->d->setitem(item, 0, v) < 0) {
        return NULL;
    }
    int r = -1;
    /* Protects data/size while the item is inserted. */
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t n = Py_SIZE(self);
    Py_ssize_t isz = self->d->itemsize;
    if (i < 0) {
        i += n;
        if (i < 0) {
            i = 0;
        }
    }
    if (i > n) {
        i = n;
    }
    if (array_resize(self, n + 1) == 0) {
        memmove(self->data + (i + 1) * isz, self->data + i * isz, (size_t)((n - i) * isz));
        memcpy(self->data + i * isz, item, (size_t)isz);
        r = 0;
    }
    Py_END_CRITICAL_SECTION();
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *array_pop(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    arrayobject *self = (arrayobject *)op;
    Py_ssize_t i = -1;
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "pop expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 1) {
        i = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    PyObject *r = NULL;
    /* Protects data/size while the item is removed. */
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t n = Py_SIZE(self);
    if (n == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty array");
    }
    else {
        if (i < 0) {
            i += n;
        }
        if (i < 0 || i >= n) {
            PyErr_SetString(PyExc_IndexError, "pop index out of range");
        }
        else {
            r = self->d->getitem(self->data, i);
            if (r != NULL && array_del_slice(self, i, 1, 1) < 0) {
                Py_CLEAR(r);
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyObject *array_reverse(PyObject *op, PyObject *unused)
{
    (void)unused;
    arrayobject *self = (arrayobject *)op;
    /* Protects data while items are swapped in place. */
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t isz = self->d->itemsize;
    char tmp[16];
    for (Py_ssize_t a = 0, b = Py_SIZE(self) - 1; a < b; a++, b--) {
        memcpy(tmp, self->data + a * isz, (size_t)isz);
        memcpy(self->data + a * isz, self->data + b * isz, (size_t)isz);
        memcpy(self->data + b * isz, tmp, (size_t)isz);
    }
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *array_tobytes(PyObject *op, PyObject *unused)
{
    (void)unused;
    arrayobject *self = (arrayobject *)op;
    PyObject *r = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    r = PyBytes_FromStringAndSize(self->data, Py_SIZE(self) * self->d->itemsize);
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyObject *array_tolist(PyObject *op, PyObject *unused)
{
    (void)unused;
    arrayobject *self = (arrayobject *)op;
    PyObject *r = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    r = PyList_New(Py_SIZE(self));
    for (Py_ssize_t i = 0; r != NULL && i < Py_SIZE(self); i++) {
        PyObject *x = self->d->getitem(self->data, i);
        if (x == NULL) {
            Py_CLEAR(r);
            break;
        }
        PyList_SET_ITEM(r, i, x);
    }
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyObject *array_clear(PyObject *op, PyObject *unused)
{
    (void)unused;
    arrayobject *self = (arrayobject *)op;
    int r;
    /* Protects data/size while the array is emptied. */
    Py_BEGIN_CRITICAL_SECTION(self);
    r = array_resize(self, 0);
    Py_END_CRITICAL_SECTION();
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *array_frombytes(PyObject *op, PyObject *arg)
{
    Py_buffer view;
    if (PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not 'str'");
        return NULL;
    }
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    int r = array_append_raw((arrayobject *)op, view.buf, view.len);
    PyBuffer_Release(&view);
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *array_fromlist(PyObject *op, PyObject *list)
{
    arrayobject *self = (arrayobject *)op;
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "arg must be list");
        return NULL;
    }
    /* Convert into a scratch array first so that a failure leaves self unchanged. */
    arrayobject *tmp = newarray(Py_TYPE(op), 0, self->d);
    if (tmp == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_Size(list); i++) {
        PyObject *v = PyList_GetItemRef(list, i);
        if (v == NULL) {
            break;
        }
        int r = array_append_obj(tmp, v);
        Py_DECREF(v);
        if (r < 0) {
            Py_DECREF(tmp);
            return NULL;
        }
    }
    int r = array_append_raw(self, tmp->data, Py_SIZE(tmp) * self->d->itemsize);
    Py_DECREF(tmp);
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *array_fromunicode(PyObject *op, PyObject *s)
{
    arrayobject *self = (arrayobject *)op;
    if (!PyUnicode_Check(s)) {
        PyErr_Format(PyExc_TypeError, "fromunicode() argument must be str, not %.200s",
                     Py_TYPE(s)->tp_name);
        return NULL;
    }
    if (!self->d->is_unicode) {
        PyErr_SetString(PyExc_ValueError,
                        "fromunicode() may only be called on unicode type arrays "
                        "('u' or 'w')");
        return NULL;
    }
    if (array_fromunicode_impl(self, s) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *array_tounicode(PyObject *op, PyObject *unused)
{
    (void)unused;
    arrayobject *self = (arrayobject *)op;
    if (!self->d->is_unicode) {
        PyErr_SetString(PyExc_ValueError,
                        "tounicode() may only be called on unicode type arrays "
                        "('u' or 'w')");
        return NULL;
    }
    PyObject *r = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t n = Py_SIZE(self);
    int bad = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        uint32_t c;
        memcpy(&c, self->data + i * 4, 4);
        if (c > 0x10ffff) {
            if (self->d->typecode == 'u') {
                PyErr_Format(PyExc_ValueError,
                             "character U+%x is not in range [U+0000; U+10ffff]",
                             (unsigned)c);
            }
            else {
                /* Let the codec raise CPython's UnicodeDecodeError. */
                PyObject *x = PyUnicode_Decode(self->data, n * 4,
                                               host_is_big_endian() ? "utf-32-be"
                                                                    : "utf-32-le",
                                               "strict");
                Py_XDECREF(x);
                if (x != NULL) {
                    PyErr_Format(PyExc_ValueError,
                                 "character U+%x is not in range [U+0000; U+10ffff]",
                                 (unsigned)c);
                }
            }
            bad = 1;
            break;
        }
    }
    if (!bad) {
        r = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, n ? self->data : "", n);
    }
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyObject *array_fromfile(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    arrayobject *self = (arrayobject *)op;
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "fromfile expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    Py_ssize_t n = PyNumber_AsSsize_t(args[1], PyExc_OverflowError);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "negative count");
        return NULL;
    }
    Py_ssize_t isz = self->d->itemsize;
    if (n > PY_SSIZE_T_MAX / isz) {
        return PyErr_NoMemory();
    }
    Py_ssize_t nbytes = n * isz;
    PyObject *b = PyObject_CallMethod(args[0], "read", "n", nbytes);
    if (b == NULL) {
        return NULL;
    }
    if (!PyBytes_Check(b)) {
        PyErr_SetString(PyExc_TypeError, "read() didn't return bytes");
        Py_DECREF(b);
        return NULL;
    }
    Py_ssize_t got = PyBytes_GET_SIZE(b);
    /* Like CPython: append everything read (a partial item is a ValueError). */
    int r = array_append_raw(self, PyBytes_AS_STRING(b), got);
    Py_DECREF(b);
    if (r < 0) {
        return NULL;
    }
    if (got != nbytes) {
        PyErr_SetString(PyExc_EOFError, "read() didn't return enough bytes");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *array_tofile(PyObject *op, PyObject *f)
{
    PyObject *b = array_tobytes(op, NULL);
    if (b == NULL) {
        return NULL;
    }
    Py_ssize_t len = PyBytes_GET_SIZE(b);
    const Py_ssize_t block = 64 * 1024;
    for (Py_ssize_t off = 0; off < len; off += block) {
        Py_ssize_t k = len - off < block ? len - off : block;
        PyObject *chunk = PyBytes_FromStringAndSize(PyBytes_AS_STRING(b) + off, k);
        if (chunk == NULL) {
            Py_DECREF(b);
            return NULL;
        }
        PyObject *res = PyObject_CallMethod(f, "write", "O", chunk);
        Py_DECREF(chunk);
        if (res == NULL) {
            Py_DECREF(b);
            return NULL;
        }
        Py_DECREF(res);
    }
    Py_DECREF(b);
    Py_RETURN_NONE;
}

static PyObject *array_copy(PyObject *op, PyObject *unused)
{
    (void)unused;
    arrayobject *self = (arrayobject *)op;
    return array_slice(self, 0, 1, array_length(op));
}

/* Machine format codes shared with CPython's pickles (the third argument of
 * _array_reconstructor): 0/1 uint8/int8, then pairs (little, big endian) for
 * uint16 int16 uint32 int32 uint64 int64 float double utf16 utf32, i.e. 2..21. */
static int host_is_big_endian(void)
{
    const uint16_t one = 1;
    return *(const unsigned char *)&one == 0;
}

static int native_mformat(const arraydesc *d)
{
    int base;
    switch (d->typecode) {
    case 'B': return 0;
    case 'b': return 1;
    case 'u': case 'w': base = 20; break;
    case 'f': base = 14; break;
    case 'd': base = 16; break;
    default: {
        int sign = (d->typecode >= 'a' && d->typecode <= 'z') ? 2 : 0;
        base = d->itemsize == 2 ? 2 : d->itemsize == 4 ? 6 : 10;
        base += sign;
        break;
    }
    }
    return base + host_is_big_endian();
}

static PyObject *array_reduce_ex(PyObject *op, PyObject *protocol)
{
    arrayobject *self = (arrayobject *)op;
    long proto = PyLong_AsLong(protocol);
    if (proto == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *dict = NULL;
    if (PyObject_GetOptionalAttr(op, _Py_ID(__dict__), &dict) < 0) {
        return NULL;
    }
    if (dict == NULL || (PyDict_Check(dict) && PyDict_GET_SIZE(dict) == 0)) {
        Py_XDECREF(dict);
        dict = Py_NewRef(Py_None);
    }
    if (proto >= 3) {
        PyObject *mod = PyType_GetModuleByDef(Py_TYPE(op), &arraymodule);  /* borrowed */
        PyObject *recon = mod ? PyObject_GetAttrString(mod, "_array_reconstructor") : NULL;
        PyObject *bytes = recon ? array_tobytes(op, NULL) : NULL;
        if (bytes == NULL) {
            Py_XDECREF(recon);
            Py_DECREF(dict);
            return NULL;
        }
        return Py_BuildValue("N(OCiN)N", recon, (PyObject *)Py_TYPE(op), self->d->typecode,
                             native_mformat(self->d), bytes, dict);
    }
    PyObject *list = array_tolist(op, NULL);
    if (list == NULL) {
        Py_DECREF(dict);
        return NULL;
    }
    PyObject *r = Py_BuildValue("O(CN)N", (PyObject *)Py_TYPE(op), self->d->typecode,
                                list, dict);
    return r;
}

static PyObject *array_sizeof(PyObject *op, PyObject *unused)
{
    (void)unused;
    arrayobject *self = (arrayobject *)op;
    Py_ssize_t s = Py_TYPE(op)->tp_basicsize;
    Py_BEGIN_CRITICAL_SECTION(self);
    s += self->allocated * self->d->itemsize;
    Py_END_CRITICAL_SECTION();
    return PyLong_FromSsize_t(s);
}

static PyObject *array_get_typecode(PyObject *op, void *closure)
{
    (void)closure;
    char c = ((arrayobject *)op)->d->typecode;
    return PyUnicode_FromStringAndSize(&c, 1);
}

static PyObject *array_get_itemsize(PyObject *op, void *closure)
{
    (void)closure;
    return PyLong_FromSsize_t(((arrayobject *)op)->d->itemsize);
}

static PyGetSetDef array_getset[] = {
    {"typecode", array_get_typecode, NULL, "the typecode character used to create the array",
     NULL},
    {"itemsize", array_get_itemsize, NULL, "the size, in bytes, of one array item", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef array_methods[] = {
    {"append", array_append, METH_O, "Append new value v to the end of the array."},
    {"buffer_info", array_buffer_info, METH_NOARGS,
     "Return a tuple (address, length) giving the current memory address and length."},
    {"byteswap", array_byteswap, METH_NOARGS, "Byteswap all items of the array."},
    {"clear", array_clear, METH_NOARGS, "Remove all items from the array."},
    {"__copy__", array_copy, METH_NOARGS, "Return a copy of the array."},
    {"__deepcopy__", array_copy, METH_O, "Return a copy of the array."},
    {"count", array_count, METH_O, "Return number of occurrences of v in the array."},
    {"extend", array_extend, METH_O, "Append items to the end of the array."},
    {"frombytes", array_frombytes, METH_O, "Appends items from the bytes-like object."},
    {"fromfile", (PyCFunction)(void (*)(void))array_fromfile, METH_FASTCALL,
     "Read n objects from the file object f and append them to the end of the array."},
    {"fromlist", array_fromlist, METH_O, "Append items to array from list."},
    {"fromunicode", array_fromunicode, METH_O,
     "Extends this array with data from the unicode string ustr."},
    {"index", (PyCFunction)(void (*)(void))array_index, METH_FASTCALL,
     "Return index of first occurrence of v in the array."},
    {"insert", (PyCFunction)(void (*)(void))array_insert, METH_FASTCALL,
     "Insert a new item v into the array before position i."},
    {"pop", (PyCFunction)(void (*)(void))array_pop, METH_FASTCALL,
     "Return the i-th element and delete it from the array."},
    {"__reduce_ex__", array_reduce_ex, METH_O, "Return state information for pickling."},
    {"remove", array_remove, METH_O, "Remove the first occurrence of v in the array."},
    {"reverse", array_reverse, METH_NOARGS, "Reverse the order of the items in the array."},
    {"tofile", array_tofile, METH_O, "Write all items (as machine values) to the file."},
    {"tolist", array_tolist, METH_NOARGS, "Convert array to an ordinary list."},
    {"tobytes", array_tobytes, METH_NOARGS, "Convert the array to an array of machine values."},
    {"tounicode", array_tounicode, METH_NOARGS, "Extends this array with data from a str."},
    {"__sizeof__", array_sizeof, METH_NOARGS, "Size of the array in memory, in bytes."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef array_members[] = {
    {"__weaklistoffset__", Py_T_PYSSIZET, offsetof(arrayobject, weakreflist), Py_READONLY,
     NULL},
    {NULL, 0, 0, 0, NULL},
};

/* ---- iterator ---- */

static PyObject *array_iter(PyObject *op)
{
    array_state *st = state_of_type(Py_TYPE(op));
    if (st == NULL) {
        return NULL;
    }
    arrayiterobject *it = PyObject_New(arrayiterobject, st->iter_type);
    if (it == NULL) {
        return NULL;
    }
    Py_INCREF(st->iter_type);
    it->ao = (arrayobject *)Py_NewRef(op);
    it->index = 0;
    return (PyObject *)it;
}

static PyObject *arrayiter_next(PyObject *op)
{
    arrayiterobject *it = (arrayiterobject *)op;
    PyObject *r = NULL;
    /* Protects the iterator's position and reference to the array. */
    Py_BEGIN_CRITICAL_SECTION(op);
    arrayobject *ao = it->ao;
    if (ao != NULL) {
        Py_ssize_t i = it->index;
        PyObject *x = NULL;
        int done = 0;
        Py_BEGIN_CRITICAL_SECTION(ao);
        if (i < Py_SIZE(ao)) {
            x = ao->d->getitem(ao->data, i);
        }
        else {
            done = 1;
        }
        Py_END_CRITICAL_SECTION();
        if (done) {
            it->ao = NULL;
            Py_DECREF(ao);
        }
        else if (x != NULL) {
            it->index = i + 1;
            r = x;
        }
    }
    Py_END_CRITICAL_SECTION();
    return r;
}

static void arrayiter_dealloc(PyObject *op)
{
    arrayiterobject *it = (arrayiterobject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    Py_XDECREF(it->ao);
    PyObject_Free(op);
    Py_DECREF(tp);
}

static PyObject *arrayiter_reduce(PyObject *op, PyObject *unused)
{
    (void)unused;
    arrayiterobject *it = (arrayiterobject *)op;
    PyObject *builtins = PyEval_GetBuiltins();    /* borrowed */
    PyObject *iter = builtins ? PyDict_GetItemString(builtins, "iter") : NULL;
    if (iter == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "builtins.iter not found");
        return NULL;
    }
    if (it->ao == NULL) {
        return Py_BuildValue("O(())", iter);
    }
    return Py_BuildValue("O(O)n", iter, (PyObject *)it->ao, it->index);
}

static PyObject *arrayiter_setstate(PyObject *op, PyObject *state)
{
    arrayiterobject *it = (arrayiterobject *)op;
    Py_ssize_t i = PyLong_AsSsize_t(state);
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (i < 0) {
        i = 0;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    if (it->ao != NULL) {
        if (i > Py_SIZE(it->ao)) {
            i = Py_SIZE(it->ao);
        }
        it->index = i;
    }
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyMethodDef arrayiter_methods[] = {
    {"__reduce__", arrayiter_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", arrayiter_setstate, METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot arrayiter_slots[] = {
    {Py_tp_dealloc, arrayiter_dealloc},
    {Py_tp_iter, PyObject_SelfIter},
    {Py_tp_iternext, arrayiter_next},
    {Py_tp_methods, arrayiter_methods},
    {0, NULL},
};

static PyType_Spec arrayiter_spec = {
    .name = "array.arrayiterator",
    .basicsize = sizeof(arrayiterobject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = arrayiter_slots,
};

static PyType_Slot array_slots[] = {
    {Py_tp_dealloc, array_dealloc},
    {Py_tp_repr, array_repr},
    {Py_tp_richcompare, array_richcompare},
    {Py_tp_iter, array_iter},
    {Py_tp_methods, array_methods},
    {Py_tp_members, array_members},
    {Py_tp_getset, array_getset},
    {Py_tp_new, array_new},
    {Py_tp_doc, "array(typecode [, initializer]) -> array\n\n"
                "Return a new array whose items are restricted by typecode, and\n"
                "initialized from the optional initializer value."},
    {Py_sq_length, array_length},
    {Py_sq_concat, array_concat},
    {Py_sq_repeat, array_repeat},
    {Py_sq_item, array_item},
    {Py_sq_ass_item, array_ass_item},
    {Py_sq_contains, array_contains},
    {Py_sq_inplace_concat, array_inplace_concat},
    {Py_sq_inplace_repeat, array_inplace_repeat},
    {Py_mp_length, array_length},
    {Py_mp_subscript, array_subscript},
    {Py_mp_ass_subscript, array_ass_subscript},
    {Py_bf_getbuffer, array_getbuffer},
    {Py_bf_releasebuffer, array_releasebuffer},
    {0, NULL},
};

static PyType_Spec array_spec = {
    .name = "array.array",
    .basicsize = sizeof(arrayobject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_SEQUENCE |
             Py_TPFLAGS_IMMUTABLETYPE,
    .slots = array_slots,
};

/* ---- module ---- */

/* Decode one item of machine format code mf at p; return a new reference. */
static PyObject *decode_mformat_item(int mf, const unsigned char *p, Py_ssize_t size)
{
    int big = mf >= 2 && (mf % 2) == 1;
    unsigned long long u = 0;
    for (Py_ssize_t k = 0; k < size; k++) {
        unsigned char byte = big ? p[k] : p[size - 1 - k];
        u = (u << 8) | byte;
    }
    if (mf == 14 || mf == 15) {
        uint32_t w = (uint32_t)u;
        float f;
        memcpy(&f, &w, 4);
        return PyFloat_FromDouble((double)f);
    }
    if (mf == 16 || mf == 17) {
        double x;
        memcpy(&x, &u, 8);
        return PyFloat_FromDouble(x);
    }
    int is_signed = mf == 1 || (mf >= 4 && mf <= 13 && ((mf / 2) % 2) == 0);
    if (is_signed && size < 8 && (u >> (size * 8 - 1)) & 1) {
        u |= ~0ULL << (size * 8);
    }
    if (is_signed) {
        return PyLong_FromLongLong((long long)u);
    }
    return PyLong_FromUnsignedLongLong(u);
}

/* array._array_reconstructor(arraytype, typecode, mformat_code, items): used when
 * unpickling protocol 3+ pickles (ours and CPython's).  Return a new reference. */
static PyObject *array_reconstructor(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    array_state *st = (array_state *)PyModule_GetState(module);
    if (nargs != 4) {
        PyErr_Format(PyExc_TypeError, "_array_reconstructor expected 4 arguments, got %zd",
                     nargs);
        return NULL;
    }
    PyObject *tp = args[0], *tco = args[1], *items = args[3];
    if (!PyType_Check(tp)) {
        PyErr_Format(PyExc_TypeError, "first argument must be a type object, not %.200s",
                     Py_TYPE(tp)->tp_name);
        return NULL;
    }
    if (!PyType_IsSubtype((PyTypeObject *)tp, st->array_type)) {
        PyErr_Format(PyExc_TypeError, "%.200s is not a subtype of array.array",
                     ((PyTypeObject *)tp)->tp_name);
        return NULL;
    }
    if (!PyUnicode_Check(tco) || PyUnicode_GetLength(tco) != 1) {
        PyErr_Format(PyExc_TypeError,
                     "_array_reconstructor() argument 2 must be a unicode character, "
                     "not %.200s", Py_TYPE(tco)->tp_name);
        return NULL;
    }
    int mf = PyLong_AsInt(args[2]);
    if (mf == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (!PyBytes_Check(items)) {
        PyErr_Format(PyExc_TypeError, "fourth argument should be bytes, not %.200s",
                     Py_TYPE(items)->tp_name);
        return NULL;
    }
    const arraydesc *d = NULL;
    Py_UCS4 c = PyUnicode_ReadChar(tco, 0);
    for (const arraydesc *p = descriptors; p->typecode != 0; p++) {
        if ((Py_UCS4)(unsigned char)p->typecode == c) {
            d = p;
        }
    }
    if (d == NULL) {
        PyErr_SetString(PyExc_ValueError, "second argument must be a valid type code");
        return NULL;
    }
    if (mf < 0 || mf > 21) {
        PyErr_SetString(PyExc_ValueError,
                        "third argument must be a valid machine format code.");
        return NULL;
    }
    if (mf == native_mformat(d)) {
        return PyObject_CallFunction(tp, "OO", tco, items);
    }
    static const Py_ssize_t sizes[22] = {1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 8, 8, 8, 8,
                                         4, 4, 8, 8, 2, 2, 4, 4};
    Py_ssize_t size = sizes[mf];
    Py_ssize_t len = PyBytes_GET_SIZE(items);
    /* CPython 3.13 also requires UTF-16 data to be a multiple of 4 bytes long. */
    if (len % size != 0 || (mf >= 18 && len % 4 != 0)) {
        PyErr_SetString(PyExc_ValueError, "string length not a multiple of item size");
        return NULL;
    }
    if (mf <= 13) {
        /* Like CPython, integer data keeps its own width and signedness: the typecode is
         * replaced by the native one matching the machine format. */
        static const char int_codes[14] = {'B', 'b', 'H', 'H', 'h', 'h', 'I', 'I',
                                           'i', 'i', 'Q', 'Q', 'q', 'q'};
        tco = PyUnicode_FromOrdinal((unsigned char)int_codes[mf]);
    }
    else if (mf >= 20) {
        /* CPython 3.13 rejects foreign-endian UTF-32 data with this message. */
        PyErr_SetString(PyExc_ValueError, "string length not a multiple of item size");
        return NULL;
    }
    else {
        tco = Py_NewRef(tco);
    }
    if (tco == NULL) {
        return NULL;
    }
    PyObject *init;
    if (mf >= 18) {
        static const char *const codecs[4] = {"utf-16-le", "utf-16-be", "utf-32-le",
                                              "utf-32-be"};
        init = PyUnicode_Decode(PyBytes_AS_STRING(items), len, codecs[mf - 18], "strict");
    }
    else {
        init = PyList_New(len / size);
        const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(items);
        for (Py_ssize_t i = 0; init != NULL && i < len / size; i++) {
            PyObject *x = decode_mformat_item(mf, p + i * size, size);
            if (x == NULL) {
                Py_CLEAR(init);
                break;
            }
            PyList_SET_ITEM(init, i, x);
        }
    }
    if (init == NULL) {
        Py_DECREF(tco);
        return NULL;
    }
    PyObject *r = PyObject_CallFunction(tp, "NN", tco, init);
    return r;
}

static PyMethodDef array_module_methods[] = {
    {"_array_reconstructor", (PyCFunction)(void (*)(void))array_reconstructor, METH_FASTCALL,
     "Internal. Used for pickling support."},
    {NULL, NULL, 0, NULL},
};

static int array_exec(PyObject *m)
{
    array_state *st = (array_state *)PyModule_GetState(m);
    st->array_type = (PyTypeObject *)PyType_FromModuleAndSpec(m, &array_spec, NULL);
    if (st->array_type == NULL) {
        return -1;
    }
    st->iter_type = (PyTypeObject *)PyType_FromModuleAndSpec(m, &arrayiter_spec, NULL);
    if (st->iter_type == NULL) {
        return -1;
    }
    if (PyModule_AddObjectRef(m, "array", (PyObject *)st->array_type) < 0 ||
        PyModule_AddObjectRef(m, "ArrayType", (PyObject *)st->array_type) < 0) {
        return -1;
    }
    if (PyModule_AddStringConstant(m, "typecodes", "bBuwhHiIlLqQfd") < 0) {
        return -1;
    }
    return 0;
}

static int array_traverse(PyObject *m, visitproc visit, void *arg)
{
    array_state *st = (array_state *)PyModule_GetState(m);
    Py_VISIT(st->array_type);
    Py_VISIT(st->iter_type);
    return 0;
}

static int array_mod_clear(PyObject *m)
{
    array_state *st = (array_state *)PyModule_GetState(m);
    Py_CLEAR(st->array_type);
    Py_CLEAR(st->iter_type);
    return 0;
}

static void array_free(void *m)
{
    array_mod_clear((PyObject *)m);
}

static PyModuleDef_Slot array_mod_slots[] = {
    {Py_mod_exec, array_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static PyModuleDef arraymodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "array",
    .m_doc = "This module defines an object type which can efficiently represent\n"
             "an array of basic values: characters, integers, floating-point numbers.",
    .m_size = sizeof(array_state),
    .m_slots = array_mod_slots,
    .m_methods = array_module_methods,
    .m_traverse = array_traverse,
    .m_clear = array_mod_clear,
    .m_free = array_free,
};

PyMODINIT_FUNC
PyInit_array(void)
{
    return PyModuleDef_Init(&arraymodule);
}
