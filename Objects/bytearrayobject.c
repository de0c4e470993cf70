/* bytearray: a mutable byte buffer.
 *
 * Layout: ob_bytes is the allocation (ob_alloc bytes), ob_start the first logical byte,
 * ob_size the length; the logical data is followed by a NUL when allocated.  ob_exports counts
 * live buffer exports (memoryviews and other PyObject_GetBuffer users): while it is non-zero
 * the allocation must not move, so every resize fails with BufferError.
 *
 * Locking (free-threaded build): every mutation runs in Py_BEGIN_CRITICAL_SECTION(self),
 * which protects ob_bytes/ob_start/ob_alloc/ob_size/ob_exports and the contents; so does
 * every read of the contents.  Readers that may run Python code meanwhile (the methods shared
 * with bytes, stringlib/bytes_methods.h; %-formatting) also pin the buffer (ba_pin): the
 * section is no protection against the reader's own thread, nor while it is suspended.
 * len() reads ob_size without the lock (Py_SIZE/Py_SET_SIZE are relaxed atomics there). */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_bytesobject.h"
#include "pycore_pyatomic_ft_wrappers.h"
#include "stringlib/bytes_methods.h"

#ifndef PyDoc_STRVAR
#  define PyDoc_STRVAR(name, str) static const char name[] = str
#endif

char _PyByteArray_empty_string[] = "";

#define BA(op) ((PyByteArrayObject *)(op))

static int
check_exports(PyByteArrayObject *self)
{
    if (self->ob_exports > 0) {
        PyErr_SetString(PyExc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    return 0;
}

/* Pin self's buffer as an export does, for code that reads it while it may run Python code
 * (see "the read-only methods shared with bytes" below).  Caller holds self's critical
 * section, as for every ob_exports change. */
static inline void
ba_pin(PyObject *self)
{
    BA(self)->ob_exports++;     /* under self's critical section, as every ob_exports change */
}

static inline void
ba_unpin(PyObject *self)
{
    BA(self)->ob_exports--;
}

/* Resize to requested bytes (caller holds the critical section).  0 or -1. */
static int
bytearray_resize_locked(PyByteArrayObject *self, Py_ssize_t requested)
{
    if (requested < 0) {
        PyErr_Format(PyExc_ValueError, "Can only resize to positive sizes, got %zd", requested);
        return -1;
    }
    Py_ssize_t size = Py_SIZE(self);
    if (requested == size) {
        return 0;
    }
    if (check_exports(self) < 0) {
        return -1;
    }
    Py_ssize_t logical_offset = self->ob_start - self->ob_bytes;
    Py_ssize_t alloc = self->ob_alloc;
    if (requested + logical_offset + 1 <= alloc && requested >= alloc / 4) {
        /* Fits in place. */
        Py_SET_SIZE(self, requested);
        self->ob_start[requested] = '\0';
        return 0;
    }
    Py_ssize_t newalloc;
    if (requested + 1 > alloc || requested < alloc / 4) {
        newalloc = requested + 1;
        if (requested > size && requested < size + size / 8 + 16) {
            newalloc = size + size / 8 + 16 + 1; /* over-allocate for appends */
            if (newalloc < requested + 1) {
                newalloc = requested + 1;
            }
        }
    }
    else {
        newalloc = alloc;
    }
    char *sval = PyMem_Malloc((size_t)newalloc);
    if (sval == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(sval, self->ob_start, (size_t)Py_MIN(requested, size));
    PyMem_Free(self->ob_bytes);
    self->ob_bytes = self->ob_start = sval;
    self->ob_alloc = newalloc;
    Py_SET_SIZE(self, requested);
    sval[requested] = '\0';
    return 0;
}

int
PyByteArray_Resize(PyObject *self, Py_ssize_t requested)
{
    int r;
    Py_BEGIN_CRITICAL_SECTION(self);
    r = bytearray_resize_locked(BA(self), requested);
    Py_END_CRITICAL_SECTION();
    return r;
}

PyObject *
PyByteArray_FromStringAndSize(const char *bytes, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError,
                        "Negative size passed to PyByteArray_FromStringAndSize");
        return NULL;
    }
    PyByteArrayObject *new = PyObject_New(PyByteArrayObject, &PyByteArray_Type);
    if (new == NULL) {
        return NULL;
    }
    if (size == 0) {
        new->ob_bytes = NULL;
        new->ob_alloc = 0;
    }
    else {
        new->ob_bytes = PyMem_Malloc((size_t)size + 1);
        if (new->ob_bytes == NULL) {
            Py_DECREF(new);
            return PyErr_NoMemory();
        }
        if (bytes != NULL) {
            memcpy(new->ob_bytes, bytes, (size_t)size);
        }
        new->ob_bytes[size] = '\0';
        new->ob_alloc = size + 1;
    }
    Py_SET_SIZE(new, size);
    new->ob_start = new->ob_bytes;
    new->ob_exports = 0;
    return (PyObject *)new;
}

Py_ssize_t
PyByteArray_Size(PyObject *self)
{
    return PyByteArray_GET_SIZE(self);
}

char *
PyByteArray_AsString(PyObject *self)
{
    return PyByteArray_AS_STRING(self);
}

PyObject *
PyByteArray_FromObject(PyObject *input)
{
    return PyObject_CallOneArg((PyObject *)&PyByteArray_Type, input);
}

PyObject *
PyByteArray_Concat(PyObject *a, PyObject *b)
{
    Py_buffer va, vb;
    if (PyObject_GetBuffer(a, &va, PyBUF_SIMPLE) != 0) {
        PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s", Py_TYPE(b)->tp_name,
                     Py_TYPE(a)->tp_name);
        return NULL;
    }
    if (PyObject_GetBuffer(b, &vb, PyBUF_SIMPLE) != 0) {
        PyBuffer_Release(&va);
        PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s", Py_TYPE(b)->tp_name,
                     Py_TYPE(a)->tp_name);
        return NULL;
    }
    PyObject *res = NULL;
    if (va.len > PY_SSIZE_T_MAX - vb.len) {
        PyErr_NoMemory();
    }
    else {
        res = PyByteArray_FromStringAndSize(NULL, va.len + vb.len);
        if (res != NULL) {
            memcpy(BA(res)->ob_bytes, va.buf, (size_t)va.len);
            memcpy(BA(res)->ob_bytes + va.len, vb.buf, (size_t)vb.len);
        }
    }
    PyBuffer_Release(&va);
    PyBuffer_Release(&vb);
    return res;
}

/* ---- buffer export ------------------------------------------------------------------------- */

static int
bytearray_getbuffer(PyObject *op, Py_buffer *view, int flags)
{
    PyByteArrayObject *self = BA(op);
    int r;
    Py_BEGIN_CRITICAL_SECTION(op);
    void *ptr = self->ob_bytes ? self->ob_start : _PyByteArray_empty_string;
    r = PyBuffer_FillInfo(view, op, ptr, Py_SIZE(self), 0, flags);
    if (r == 0) {
        self->ob_exports++;
    }
    Py_END_CRITICAL_SECTION();
    return r;
}

static void
bytearray_releasebuffer(PyObject *op, Py_buffer *view)
{
    Py_BEGIN_CRITICAL_SECTION(op);
    BA(op)->ob_exports--;
    Py_END_CRITICAL_SECTION();
}

static PyBufferProcs bytearray_as_buffer = {
    bytearray_getbuffer,
    bytearray_releasebuffer,
};

/* ---- init ---------------------------------------------------------------------------------- */

/* Replace the contents with data[0:len] (caller holds the critical section). */
static int
set_contents(PyByteArrayObject *self, const char *data, Py_ssize_t len)
{
    if (bytearray_resize_locked(self, len) < 0) {
        return -1;
    }
    if (len) {
        memmove(self->ob_start, data, (size_t)len);
    }
    return 0;
}

/* Collect an iterable of ints in range(256) into a builder. */
static int
collect_ints(PyObject *iterable, _PyByteBuilder *b)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return -1;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        Py_ssize_t v = PyNumber_AsSsize_t(item, NULL);
        if (v == -1 && PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an "
                             "integer", Py_TYPE(item)->tp_name);
            }
            Py_DECREF(item);
            Py_DECREF(it);
            return -1;
        }
        Py_DECREF(item);
        if (v < 0 || v > 255) {
            PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
            Py_DECREF(it);
            return -1;
        }
        if (_PyByteBuilder_WriteByte(b, (int)v) < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

/* The bytes of arg as for bytearray(arg)/extend/slice assignment: a new bytes object. */
static PyObject *
bytes_of(PyObject *arg, int allow_int)
{
    if (PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "string argument without an encoding");
        return NULL;
    }
    if (PyObject_CheckBuffer(arg)) {
        return PyBytes_FromObject(arg);
    }
    if (allow_int && PyIndex_Check(arg)) {
        Py_ssize_t n = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
        if (n == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (n < 0) {
            PyErr_SetString(PyExc_ValueError, "negative count");
            return NULL;
        }
        PyObject *res = PyBytes_FromStringAndSize(NULL, n);
        if (res != NULL) {
            memset(PyBytes_AS_STRING(res), 0, (size_t)n);
        }
        return res;
    }
    _PyByteBuilder b;
    if (_PyByteBuilder_Init(&b, 16) < 0) {
        return NULL;
    }
    if (collect_ints(arg, &b) < 0) {
        if (PyErr_ExceptionMatches(PyExc_TypeError) && !PyObject_HasAttr(arg, _Py_ID(__iter__))
            && !PySequence_Check(arg)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "cannot convert '%.200s' object to bytearray",
                         Py_TYPE(arg)->tp_name);
        }
        _PyByteBuilder_Dealloc(&b);
        return NULL;
    }
    return _PyByteBuilder_Finish(&b, 0);
}

static int
bytearray_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"source", "encoding", "errors", NULL};
    PyObject *arg = NULL;
    const char *encoding = NULL, *errors = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Oss:bytearray", kwlist, &arg, &encoding,
                                     &errors)) {
        return -1;
    }
    PyObject *data;
    if (arg == NULL) {
        if (encoding != NULL || errors != NULL) {
            PyErr_SetString(PyExc_TypeError, encoding != NULL ?
                            "encoding without a string argument" :
                            "errors without a string argument");
            return -1;
        }
        data = PyBytes_FromStringAndSize(NULL, 0);
    }
    else if (PyUnicode_Check(arg)) {
        if (encoding == NULL) {
            PyErr_SetString(PyExc_TypeError, "string argument without an encoding");
            return -1;
        }
        data = PyUnicode_AsEncodedString(arg, encoding, errors);
    }
    else if (encoding != NULL || errors != NULL) {
        PyErr_SetString(PyExc_TypeError, encoding != NULL ?
                        "encoding without a string argument" :
                        "errors without a string argument");
        return -1;
    }
    else {
        data = bytes_of(arg, 1);
    }
    if (data == NULL) {
        return -1;
    }
    int r;
    Py_BEGIN_CRITICAL_SECTION(op);
    r = set_contents(BA(op), PyBytes_AS_STRING(data), PyBytes_GET_SIZE(data));
    Py_END_CRITICAL_SECTION();
    Py_DECREF(data);
    return r;
}

static void
bytearray_dealloc(PyObject *op)
{
    PyByteArrayObject *self = BA(op);
    if (self->ob_exports > 0) {
        PyErr_SetString(PyExc_SystemError, "deallocated bytearray object has exported buffers");
        PyErr_Print();
    }
    PyMem_Free(self->ob_bytes);
    Py_TYPE(op)->tp_free(op);
}

/* ---- repr, compare ------------------------------------------------------------------------- */

static PyObject *
bytearray_repr(PyObject *op)
{
    PyObject *inner;
    Py_BEGIN_CRITICAL_SECTION(op);
    inner = _PyBytes_ReprBuffer(PyByteArray_AS_STRING(op), Py_SIZE(op), 1);
    Py_END_CRITICAL_SECTION();
    if (inner == NULL) {
        return NULL;
    }
    const char *name = Py_TYPE(op)->tp_name;
    const char *dot = strrchr(name, '.');
    if (dot != NULL) {
        name = dot + 1;
    }
    PyObject *res = PyUnicode_FromFormat("%s(%U)", name, inner);
    Py_DECREF(inner);
    return res;
}

static PyObject *
bytearray_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyObject_CheckBuffer(a) || !PyObject_CheckBuffer(b) ||
        PyUnicode_Check(a) || PyUnicode_Check(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_buffer va, vb;
    if (PyObject_GetBuffer(a, &va, PyBUF_SIMPLE) != 0) {
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (PyObject_GetBuffer(b, &vb, PyBUF_SIMPLE) != 0) {
        PyErr_Clear();
        PyBuffer_Release(&va);
        Py_RETURN_NOTIMPLEMENTED;
    }
    int c = memcmp(va.buf, vb.buf, (size_t)Py_MIN(va.len, vb.len));
    if (c == 0) {
        c = va.len < vb.len ? -1 : va.len > vb.len ? 1 : 0;
    }
    PyBuffer_Release(&va);
    PyBuffer_Release(&vb);
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

/* ---- sequence ------------------------------------------------------------------------------ */

static Py_ssize_t
bytearray_length(PyObject *op)
{
    return Py_SIZE(op);
}

static PyObject *
bytearray_item(PyObject *op, Py_ssize_t i)
{
    int value = -1;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (i >= 0 && i < Py_SIZE(op)) {
        value = (unsigned char)BA(op)->ob_start[i];
    }
    Py_END_CRITICAL_SECTION();
    if (value < 0) {
        PyErr_SetString(PyExc_IndexError, "bytearray index out of range");
        return NULL;
    }
    return PyLong_FromLong(value);
}

static PyObject *
bytearray_subscript(PyObject *op, PyObject *index)
{
    if (PyIndex_Check(index)) {
        Py_ssize_t i = PyNumber_AsSsize_t(index, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += Py_SIZE(op);
        }
        return bytearray_item(op, i);
    }
    if (PySlice_Check(index)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(index, &start, &stop, &step) < 0) {
            return NULL;
        }
        PyObject *res;
        Py_BEGIN_CRITICAL_SECTION(op);
        Py_ssize_t n = PySlice_AdjustIndices(Py_SIZE(op), &start, &stop, step);
        const char *s = PyByteArray_AS_STRING(op);
        if (n <= 0) {
            res = PyByteArray_FromStringAndSize(NULL, 0);
        }
        else if (step == 1) {
            res = PyByteArray_FromStringAndSize(s + start, n);
        }
        else {
            res = PyByteArray_FromStringAndSize(NULL, n);
            if (res != NULL) {
                char *d = BA(res)->ob_bytes;
                for (Py_ssize_t i = 0, cur = start; i < n; i++, cur += step) {
                    d[i] = s[cur];
                }
            }
        }
        Py_END_CRITICAL_SECTION();
        return res;
    }
    PyErr_Format(PyExc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                 Py_TYPE(index)->tp_name);
    return NULL;
}

static int
byte_value(PyObject *v, int *out)
{
    Py_ssize_t x = PyNumber_AsSsize_t(v, NULL);
    if (x == -1 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                         Py_TYPE(v)->tp_name);
        }
        else {
            PyErr_Clear();
            PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
        }
        return -1;
    }
    if (x < 0 || x > 255) {
        PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (int)x;
    return 0;
}

/* Replace self[lo:hi] by data[0:n] (caller holds the lock). */
static int
replace_range(PyByteArrayObject *self, Py_ssize_t lo, Py_ssize_t hi, const char *data,
              Py_ssize_t n)
{
    Py_ssize_t size = Py_SIZE(self);
    if (lo < 0) {
        lo = 0;
    }
    if (hi < lo) {
        hi = lo;
    }
    if (hi > size) {
        hi = size;
    }
    Py_ssize_t growth = n - (hi - lo);
    if (growth != 0) {
        if (check_exports(self) < 0) {
            return -1;
        }
        if (growth < 0) {
            memmove(self->ob_start + lo + n, self->ob_start + hi, (size_t)(size - hi));
            if (bytearray_resize_locked(self, size + growth) < 0) {
                return -1;
            }
        }
        else {
            if (size > PY_SSIZE_T_MAX - growth) {
                PyErr_NoMemory();
                return -1;
            }
            if (bytearray_resize_locked(self, size + growth) < 0) {
                return -1;
            }
            memmove(self->ob_start + lo + n, self->ob_start + hi, (size_t)(size - hi));
        }
    }
    if (n > 0) {
        memcpy(self->ob_start + lo, data, (size_t)n);
    }
    return 0;
}

static int
bytearray_ass_subscript_locked(PyObject *op, PyObject *index, PyObject *values)
{
    PyByteArrayObject *self = BA(op);
    if (PyIndex_Check(index)) {
        Py_ssize_t i = PyNumber_AsSsize_t(index, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (i < 0) {
            i += Py_SIZE(self);
        }
        if (i < 0 || i >= Py_SIZE(self)) {
            PyErr_SetString(PyExc_IndexError, "bytearray index out of range");
            return -1;
        }
        if (values == NULL) {
            return replace_range(self, i, i + 1, NULL, 0);
        }
        int v;
        if (byte_value(values, &v) < 0) {
            return -1;
        }
        self->ob_start[i] = (char)v;
        return 0;
    }
    if (!PySlice_Check(index)) {
        PyErr_Format(PyExc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                     Py_TYPE(index)->tp_name);
        return -1;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(index, &start, &stop, &step) < 0) {
        return -1;
    }
    Py_ssize_t slicelen = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
    PyObject *data = NULL;
    if (values != NULL) {
        if (values == op) {
            data = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(op), Py_SIZE(op));
        }
        else if (PyIndex_Check(values) && !PyObject_CheckBuffer(values)) {
            PyErr_SetString(PyExc_TypeError, "can assign only bytes, buffers, or iterables "
                                             "of ints in range(0, 256)");
            return -1;
        }
        else {
            data = bytes_of(values, 0);
        }
        if (data == NULL) {
            return -1;
        }
    }
    const char *src = data ? PyBytes_AS_STRING(data) : NULL;
    Py_ssize_t n = data ? PyBytes_GET_SIZE(data) : 0;
    int r;
    if (step == 1) {
        if (stop < start) {
            stop = start;
        }
        r = replace_range(self, start, stop, src, n);
    }
    else if (data == NULL) {
        /* delete an extended slice */
        if (slicelen <= 0) {
            return 0;
        }
        if (check_exports(self) < 0) {
            return -1;
        }
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (slicelen - 1) - 1;
            step = -step;
        }
        Py_ssize_t size = Py_SIZE(self), o = 0;
        char *buf = self->ob_start;
        for (Py_ssize_t i = 0; i < size; i++) {
            if (i >= start && i < start + step * slicelen && (i - start) % step == 0) {
                continue;
            }
            buf[o++] = buf[i];
        }
        r = bytearray_resize_locked(self, o);
    }
    else {
        if (n != slicelen) {
            PyErr_Format(PyExc_ValueError, "attempt to assign bytes of size %zd to extended "
                         "slice of size %zd", n, slicelen);
            r = -1;
        }
        else {
            for (Py_ssize_t i = 0, cur = start; i < slicelen; i++, cur += step) {
                self->ob_start[cur] = src[i];
            }
            r = 0;
        }
    }
    Py_XDECREF(data);
    return r;
}

static int
bytearray_ass_subscript(PyObject *op, PyObject *index, PyObject *values)
{
    int r;
    Py_BEGIN_CRITICAL_SECTION(op);
    r = bytearray_ass_subscript_locked(op, index, values);
    Py_END_CRITICAL_SECTION();
    return r;
}

static int
bytearray_ass_item(PyObject *op, Py_ssize_t i, PyObject *value)
{
    PyObject *idx = PyLong_FromSsize_t(i);
    if (idx == NULL) {
        return -1;
    }
    int r = bytearray_ass_subscript(op, idx, value);
    Py_DECREF(idx);
    return r;
}

static PyObject *
bytearray_concat(PyObject *a, PyObject *b)
{
    return PyByteArray_Concat(a, b);
}

static PyObject *
bytearray_iconcat(PyObject *op, PyObject *other)
{
    Py_buffer vo;
    if (PyObject_GetBuffer(other, &vo, PyBUF_SIMPLE) != 0) {
        PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s", Py_TYPE(other)->tp_name,
                     Py_TYPE(op)->tp_name);
        return NULL;
    }
    int r;
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_ssize_t size = Py_SIZE(op);
    r = replace_range(BA(op), size, size, vo.buf, vo.len);
    Py_END_CRITICAL_SECTION();
    PyBuffer_Release(&vo);
    if (r < 0) {
        return NULL;
    }
    return Py_NewRef(op);
}

static PyObject *
bytearray_repeat(PyObject *op, Py_ssize_t n)
{
    PyObject *res = NULL;
    if (n < 0) {
        n = 0;
    }
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_ssize_t len = Py_SIZE(op);
    if (len && n > PY_SSIZE_T_MAX / len) {
        PyErr_NoMemory();
    }
    else {
        res = PyByteArray_FromStringAndSize(NULL, len * n);
        for (Py_ssize_t i = 0; res != NULL && i < n; i++) {
            memcpy(BA(res)->ob_bytes + i * len, PyByteArray_AS_STRING(op), (size_t)len);
        }
    }
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
bytearray_irepeat(PyObject *op, Py_ssize_t n)
{
    int r = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_ssize_t len = Py_SIZE(op);
    if (n < 1) {
        r = bytearray_resize_locked(BA(op), 0);
    }
    else if (len && n > PY_SSIZE_T_MAX / len) {
        PyErr_NoMemory();
        r = -1;
    }
    else if (n > 1) {
        r = bytearray_resize_locked(BA(op), len * n);
        if (r == 0) {
            char *buf = BA(op)->ob_start;
            for (Py_ssize_t i = 1; i < n; i++) {
                memcpy(buf + i * len, buf, (size_t)len);
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    if (r < 0) {
        return NULL;
    }
    return Py_NewRef(op);
}

static PyObject *
bytearray_mod(PyObject *self, PyObject *args)
{
    if (!PyByteArray_Check(self)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    /* Formatting runs the arguments' __str__ and friends: pinned (ba_pin). */
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(self);
    ba_pin(self);
    res = _PyBytes_FormatEx(PyByteArray_AS_STRING(self), Py_SIZE(self), args, 1);
    ba_unpin(self);
    Py_END_CRITICAL_SECTION();
    return res;
}

/* ---- mutating methods ---------------------------------------------------------------------- */

static PyObject *
bytearray_append(PyObject *op, PyObject *arg)
{
    int v;
    if (byte_value(arg, &v) < 0) {
        return NULL;
    }
    int r;
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_ssize_t n = Py_SIZE(op);
    r = bytearray_resize_locked(BA(op), n + 1);
    if (r == 0) {
        BA(op)->ob_start[n] = (char)v;
    }
    Py_END_CRITICAL_SECTION();
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
bytearray_extend(PyObject *op, PyObject *arg)
{
    PyObject *data;
    if (arg == op) {
        data = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(op), Py_SIZE(op));
    }
    else {
        if (PyUnicode_Check(arg)) {
            PyErr_SetString(PyExc_TypeError, "expected iterable of integers; got: 'str'");
            return NULL;
        }
        data = bytes_of(arg, 0);
        if (data == NULL && PyErr_ExceptionMatches(PyExc_TypeError) &&
            !PyObject_HasAttr(arg, _Py_ID(__iter__))) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "can't extend bytearray with %.100s",
                         Py_TYPE(arg)->tp_name);
        }
    }
    if (data == NULL) {
        return NULL;
    }
    int r;
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_ssize_t size = Py_SIZE(op);
    r = replace_range(BA(op), size, size, PyBytes_AS_STRING(data), PyBytes_GET_SIZE(data));
    Py_END_CRITICAL_SECTION();
    Py_DECREF(data);
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
bytearray_insert(PyObject *op, PyObject *args)
{
    Py_ssize_t index;
    PyObject *item;
    if (!PyArg_ParseTuple(args, "nO:insert", &index, &item)) {
        return NULL;
    }
    int v;
    if (byte_value(item, &v) < 0) {
        return NULL;
    }
    int r;
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_ssize_t n = Py_SIZE(op);
    if (index < 0) {
        index += n;
        if (index < 0) {
            index = 0;
        }
    }
    if (index > n) {
        index = n;
    }
    char c = (char)v;
    r = replace_range(BA(op), index, index, &c, 1);
    Py_END_CRITICAL_SECTION();
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
bytearray_pop(PyObject *op, PyObject *args)
{
    Py_ssize_t index = -1;
    if (!PyArg_ParseTuple(args, "|n:pop", &index)) {
        return NULL;
    }
    int value = -1;
    Py_BEGIN_CRITICAL_SECTION(op);
    Py_ssize_t n = Py_SIZE(op);
    if (n == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty bytearray");
    }
    else {
        if (index < 0) {
            index += n;
        }
        if (index < 0 || index >= n) {
            PyErr_SetString(PyExc_IndexError, "pop index out of range");
        }
        else {
            int c = (unsigned char)BA(op)->ob_start[index];
            if (replace_range(BA(op), index, index + 1, NULL, 0) == 0) {
                value = c;
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    if (value < 0) {
        return NULL;
    }
    return PyLong_FromLong(value);
}

static PyObject *
bytearray_remove(PyObject *op, PyObject *arg)
{
    int v;
    if (byte_value(arg, &v) < 0) {
        return NULL;
    }
    int r = -1;
    Py_BEGIN_CRITICAL_SECTION(op);
    const char *s = PyByteArray_AS_STRING(op);
    const char *p = Py_SIZE(op) ? memchr(s, v, (size_t)Py_SIZE(op)) : NULL;
    if (p == NULL) {
        PyErr_SetString(PyExc_ValueError, "value not found in bytearray");
    }
    else {
        Py_ssize_t i = p - s;
        r = replace_range(BA(op), i, i + 1, NULL, 0);
    }
    Py_END_CRITICAL_SECTION();
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
bytearray_reverse(PyObject *op, PyObject *Py_UNUSED(a))
{
    Py_BEGIN_CRITICAL_SECTION(op);
    char *s = BA(op)->ob_start;
    Py_ssize_t n = Py_SIZE(op);
    for (Py_ssize_t i = 0; i < n / 2; i++) {
        char t = s[i];
        s[i] = s[n - 1 - i];
        s[n - 1 - i] = t;
    }
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *
bytearray_clear(PyObject *op, PyObject *Py_UNUSED(a))
{
    int r;
    Py_BEGIN_CRITICAL_SECTION(op);
    r = bytearray_resize_locked(BA(op), 0);
    Py_END_CRITICAL_SECTION();
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
bytearray_copy(PyObject *op, PyObject *Py_UNUSED(a))
{
    PyObject *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    res = PyByteArray_FromStringAndSize(PyByteArray_AS_STRING(op), Py_SIZE(op));
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyObject *
bytearray_alloc(PyObject *op, PyObject *Py_UNUSED(a))
{
    return PyLong_FromSsize_t(BA(op)->ob_alloc);
}

static PyObject *
bytearray_sizeof(PyObject *op, PyObject *Py_UNUSED(a))
{
    return PyLong_FromSsize_t((Py_ssize_t)sizeof(PyByteArrayObject) + BA(op)->ob_alloc);
}

static PyObject *
bytearray_reduce_ex(PyObject *op, PyObject *Py_UNUSED(proto))
{
    PyObject *latin1;
    Py_BEGIN_CRITICAL_SECTION(op);
    latin1 = PyUnicode_DecodeLatin1(PyByteArray_AS_STRING(op), Py_SIZE(op), NULL);
    Py_END_CRITICAL_SECTION();
    if (latin1 == NULL) {
        return NULL;
    }
    PyObject *dict = PyObject_GetAttr(op, _Py_ID(__dict__));
    if (dict == NULL) {
        PyErr_Clear();
        dict = Py_NewRef(Py_None);
    }
    PyObject *res = Py_BuildValue("(O(Ns)N)", Py_TYPE(op), latin1, "latin-1", dict);
    return res;
}

/* ---- the read-only methods shared with bytes ------------------------------------------------ */

/* The methods of stringlib/bytes_methods.h take self's buffer pointer when they start and may
 * then run Python code (an argument's __index__ or __buffer__, join's items).  For a bytearray
 * each runs inside self's critical section, so other threads' changes wait, and with the
 * buffer pinned as by an export (ob_exports), so that a resize by the code it runs (or by
 * another thread while the section is suspended) fails with BufferError instead of freeing
 * the buffer under it. */
#define BA_PINNED_ARG(name)                                                                   \
    static PyObject *ba_##name(PyObject *self, PyObject *arg)                                 \
    {                                                                                         \
        PyObject *res;                                                                        \
        Py_BEGIN_CRITICAL_SECTION(self);                                                      \
        ba_pin(self);                                                                         \
        res = bm_##name(self, arg);                                                           \
        ba_unpin(self);                                                                       \
        Py_END_CRITICAL_SECTION();                                                            \
        return res;                                                                           \
    }
#define BA_PINNED_KW(name)                                                                    \
    static PyObject *ba_##name(PyObject *self, PyObject *args, PyObject *kwds)                \
    {                                                                                         \
        PyObject *res;                                                                        \
        Py_BEGIN_CRITICAL_SECTION(self);                                                      \
        ba_pin(self);                                                                         \
        res = bm_##name(self, args, kwds);                                                    \
        ba_unpin(self);                                                                       \
        Py_END_CRITICAL_SECTION();                                                            \
        return res;                                                                           \
    }

BA_PINNED_ARG(capitalize)
BA_PINNED_ARG(center)
BA_PINNED_ARG(count)
BA_PINNED_KW(decode)
BA_PINNED_ARG(endswith)
BA_PINNED_KW(expandtabs)
BA_PINNED_ARG(find)
BA_PINNED_KW(hex)
BA_PINNED_ARG(index)
BA_PINNED_ARG(isalnum_m)
BA_PINNED_ARG(isalpha_m)
BA_PINNED_ARG(isascii)
BA_PINNED_ARG(isdigit_m)
BA_PINNED_ARG(islower_m)
BA_PINNED_ARG(isspace_m)
BA_PINNED_ARG(istitle)
BA_PINNED_ARG(isupper_m)
BA_PINNED_ARG(join)
BA_PINNED_ARG(ljust)
BA_PINNED_ARG(lower)
BA_PINNED_ARG(lstrip)
BA_PINNED_ARG(partition)
BA_PINNED_ARG(removeprefix)
BA_PINNED_ARG(removesuffix)
BA_PINNED_ARG(replace)
BA_PINNED_ARG(rfind)
BA_PINNED_ARG(rindex)
BA_PINNED_ARG(rjust)
BA_PINNED_ARG(rpartition)
BA_PINNED_KW(rsplit)
BA_PINNED_ARG(rstrip)
BA_PINNED_KW(split)
BA_PINNED_KW(splitlines)
BA_PINNED_ARG(startswith)
BA_PINNED_ARG(strip)
BA_PINNED_ARG(swapcase)
BA_PINNED_ARG(title)
BA_PINNED_KW(translate)
BA_PINNED_ARG(upper)
BA_PINNED_ARG(zfill)

static int
ba_contains(PyObject *self, PyObject *arg)
{
    int res;
    Py_BEGIN_CRITICAL_SECTION(self);
    ba_pin(self);
    res = bm_contains(self, arg);
    ba_unpin(self);
    Py_END_CRITICAL_SECTION();
    return res;
}

static PyMethodDef bytearray_methods[] = {
    {"__alloc__", bytearray_alloc, METH_NOARGS, NULL},
    {"__reduce__", bytearray_reduce_ex, METH_NOARGS, NULL},
    {"__reduce_ex__", bytearray_reduce_ex, METH_O, NULL},
    {"__sizeof__", bytearray_sizeof, METH_NOARGS, NULL},
    {"append", bytearray_append, METH_O, NULL},
    {"clear", bytearray_clear, METH_NOARGS, NULL},
    {"copy", bytearray_copy, METH_NOARGS, NULL},
    {"extend", bytearray_extend, METH_O, NULL},
    {"insert", bytearray_insert, METH_VARARGS, NULL},
    {"pop", bytearray_pop, METH_VARARGS, NULL},
    {"remove", bytearray_remove, METH_O, NULL},
    {"reverse", bytearray_reverse, METH_NOARGS, NULL},
    BYTES_SHARED_METHODS(ba_),
    {NULL, NULL, 0, NULL},
};

/* ---- iterator ------------------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;  /* -1 once exhausted */
    PyObject *it_seq;     /* owned; NULL when exhausted (GIL build only) */
} bytearrayiterobject;

static void
bytearrayiter_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_XDECREF(((bytearrayiterobject *)op)->it_seq);
    PyObject_GC_Del(op);
}

static int
bytearrayiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((bytearrayiterobject *)op)->it_seq);
    return 0;
}

static PyObject *
bytearrayiter_next(PyObject *op)
{
    bytearrayiterobject *it = (bytearrayiterobject *)op;
    PyObject *seq = it->it_seq;
    if (seq == NULL) {
        return NULL;
    }
    /* A shared iterator (free-threaded build): the byte is read inside seq's critical section,
     * which also orders the it_index updates; it_index is stored with relaxed atomics because
     * __length_hint__ reads it without the lock.  it_seq is cleared at exhaustion only in the
     * GIL build, so a thread that loaded it never sees the bytearray freed under it; in the
     * free-threaded build it_index == -1 keeps the iterator exhausted if the bytearray grows. */
    int value = -1;
    Py_BEGIN_CRITICAL_SECTION(seq);
    Py_ssize_t index = it->it_index;
    if (index >= 0 && index < Py_SIZE(seq)) {
        value = (unsigned char)PyByteArray_AS_STRING(seq)[index];
        FT_ATOMIC_STORE_SSIZE_RELAXED(it->it_index, index + 1);
    }
    else {
        FT_ATOMIC_STORE_SSIZE_RELAXED(it->it_index, -1);
    }
    Py_END_CRITICAL_SECTION();
    if (value >= 0) {
        return PyLong_FromLong(value);
    }
#ifndef Py_GIL_DISABLED
    it->it_seq = NULL;
    Py_DECREF(seq);
#endif
    return NULL;
}

static PyObject *
bytearrayiter_length_hint(PyObject *op, PyObject *Py_UNUSED(a))
{
    bytearrayiterobject *it = (bytearrayiterobject *)op;
    Py_ssize_t index = FT_ATOMIC_LOAD_SSIZE_RELAXED(it->it_index);
    Py_ssize_t n = 0;
    if (it->it_seq != NULL && index >= 0) {
        n = Py_SIZE(it->it_seq) - index;
    }
    return PyLong_FromSsize_t(n < 0 ? 0 : n);
}

static PyMethodDef bytearrayiter_methods[] = {
    {"__length_hint__", bytearrayiter_length_hint, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyByteArrayIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytearray_iterator",
    .tp_basicsize = sizeof(bytearrayiterobject),
    .tp_dealloc = bytearrayiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = bytearrayiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = bytearrayiter_next,
    .tp_methods = bytearrayiter_methods,
};
_Py_REGISTER_STATIC_TYPE(PyByteArrayIter_Type);

static PyObject *
bytearray_iter(PyObject *seq)
{
    bytearrayiterobject *it = PyObject_GC_New(bytearrayiterobject, &PyByteArrayIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_index = 0;
    it->it_seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

/* ---- the type ------------------------------------------------------------------------------ */

static PyNumberMethods bytearray_as_number = {
    .nb_remainder = bytearray_mod,
};

static PySequenceMethods bytearray_as_sequence = {
    .sq_length = bytearray_length,
    .sq_concat = bytearray_concat,
    .sq_repeat = bytearray_repeat,
    .sq_item = bytearray_item,
    .sq_ass_item = bytearray_ass_item,
    .sq_contains = ba_contains,
    .sq_inplace_concat = bytearray_iconcat,
    .sq_inplace_repeat = bytearray_irepeat,
};

static PyMappingMethods bytearray_as_mapping = {
    .mp_length = bytearray_length,
    .mp_subscript = bytearray_subscript,
    .mp_ass_subscript = bytearray_ass_subscript,
};

static PyObject *
bytearray_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyByteArrayObject *self = (PyByteArrayObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->ob_bytes = self->ob_start = NULL;
    self->ob_alloc = 0;
    self->ob_exports = 0;
    Py_SET_SIZE(self, 0);
    return (PyObject *)self;
}

PyDoc_STRVAR(bytearray_doc,
"bytearray(iterable_of_ints) -> bytearray\n\
bytearray(string, encoding[, errors]) -> bytearray\n\
bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n\
bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n\
bytearray() -> empty bytes array");

PyTypeObject PyByteArray_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(PyByteArrayObject),
    .tp_dealloc = bytearray_dealloc,
    .tp_repr = bytearray_repr,
    .tp_as_number = &bytearray_as_number,
    .tp_as_sequence = &bytearray_as_sequence,
    .tp_as_mapping = &bytearray_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_str = bytearray_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &bytearray_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF |
                Py_TPFLAGS_SEQUENCE,
    .tp_doc = bytearray_doc,
    .tp_richcompare = bytearray_richcompare,
    .tp_iter = bytearray_iter,
    .tp_methods = bytearray_methods,
    .tp_init = bytearray_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = bytearray_new,
    .tp_free = PyObject_Free,
};
_Py_REGISTER_STATIC_TYPE(PyByteArray_Type);
