/* marshal: Python's internal serialisation format (the format of .pyc payloads).
 *
 * dumps/dump write, loads/load read the marshal format of CPython 3.13, version 0 to 4
 * (marshal.version == 4): None, bools, Ellipsis, StopIteration, int (32-bit 'i' or 15-bit
 * digit 'l'), float and complex (text before version 2, IEEE binary from 2), str (UTF-8
 * with surrogatepass; short and ASCII forms from version 4), bytes and other bytes-like
 * objects, tuple, list, dict, set and frozenset.  From version 3 an object referenced more
 * than once (refcount > 1) is written once with FLAG_REF and later as a back-reference 'r',
 * exactly as CPython does, so the output is byte-identical for the same object graph.
 *
 * Code objects are written in CPython 3.13's layout (type 'c': the counts and flags, the
 * bytecode, constants, names, local names and kinds, file name, name, qualified name, first
 * line, line table, exception table), but the bytecode and tables are Braid's own, so they
 * round-trip within Braid only (as .pyc data of one implementation does).
 *
 * Concurrency: all state of a dump or load lives in the call's writer/reader structure;
 * the module has no mutable state.  Containers are read through their thread-safe APIs
 * (a list or dict is copied under its critical section before its items are written). */
#include "Python.h"
#include "pycore_code.h"
#include "pycore_modsupport.h"

#include <limits.h>
#include <string.h>

#define MARSHAL_VERSION 4
#define MAX_MARSHAL_DEPTH 2000

#define TYPE_NULL '0'
#define TYPE_NONE 'N'
#define TYPE_FALSE 'F'
#define TYPE_TRUE 'T'
#define TYPE_STOPITER 'S'
#define TYPE_ELLIPSIS '.'
#define TYPE_INT 'i'
#define TYPE_INT64 'I'           /* read only: written by very old versions */
#define TYPE_LONG 'l'
#define TYPE_FLOAT 'f'
#define TYPE_BINARY_FLOAT 'g'
#define TYPE_COMPLEX 'x'
#define TYPE_BINARY_COMPLEX 'y'
#define TYPE_STRING 's'
#define TYPE_INTERNED 't'
#define TYPE_REF 'r'
#define TYPE_TUPLE '('
#define TYPE_LIST '['
#define TYPE_DICT '{'
#define TYPE_CODE 'c'
#define TYPE_UNICODE 'u'
#define TYPE_UNKNOWN '?'
#define TYPE_SET '<'
#define TYPE_FROZENSET '>'
#define TYPE_ASCII 'a'
#define TYPE_ASCII_INTERNED 'A'
#define TYPE_SMALL_TUPLE ')'
#define TYPE_SHORT_ASCII 'z'
#define TYPE_SHORT_ASCII_INTERNED 'Z'
#define FLAG_REF 0x80

#define SIZE32_MAX 0x7fffffff

/* ---- writing ----------------------------------------------------------------------------- */

/* Object -> reference index, an open-addressing table keyed by address.  It holds a
 * reference to every key so that no address is reused during the dump. */
typedef struct {
    PyObject **keys;
    Py_ssize_t *values;
    Py_ssize_t size;            /* power of two */
    Py_ssize_t used;
} ref_table;

typedef struct {
    char *buf;
    Py_ssize_t len;
    Py_ssize_t capacity;
    int version;
    int allow_code;
    int depth;
    int error;                  /* a Python exception is set */
    ref_table refs;
} marshal_writer;

static Py_ssize_t ref_slot(ref_table *t, PyObject *key)
{
    size_t mask = (size_t)t->size - 1;
    size_t i = ((size_t)(uintptr_t)key >> 4) & mask;
    while (t->keys[i] != NULL && t->keys[i] != key) {
        i = (i + 1) & mask;
    }
    return (Py_ssize_t)i;
}

/* 0 or -1 (MemoryError). */
static int ref_table_grow(ref_table *t)
{
    Py_ssize_t new_size = t->size ? t->size * 2 : 64;
    ref_table bigger = {NULL, NULL, new_size, t->used};
    bigger.keys = PyMem_Calloc((size_t)new_size, sizeof(PyObject *));
    bigger.values = PyMem_Malloc((size_t)new_size * sizeof(Py_ssize_t));
    if (bigger.keys == NULL || bigger.values == NULL) {
        PyMem_Free(bigger.keys);
        PyMem_Free(bigger.values);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < t->size; i++) {
        if (t->keys[i] != NULL) {
            Py_ssize_t j = ref_slot(&bigger, t->keys[i]);
            bigger.keys[j] = t->keys[i];
            bigger.values[j] = t->values[i];
        }
    }
    PyMem_Free(t->keys);
    PyMem_Free(t->values);
    *t = bigger;
    return 0;
}

static void ref_table_free(ref_table *t)
{
    for (Py_ssize_t i = 0; i < t->size; i++) {
        Py_XDECREF(t->keys[i]);
    }
    PyMem_Free(t->keys);
    PyMem_Free(t->values);
    t->keys = NULL;
    t->values = NULL;
    t->size = t->used = 0;
}

static int w_reserve(marshal_writer *w, Py_ssize_t n)
{
    if (w->len + n <= w->capacity) {
        return 0;
    }
    Py_ssize_t new_capacity = w->capacity ? w->capacity : 64;
    while (new_capacity < w->len + n) {
        if (new_capacity > PY_SSIZE_T_MAX / 2) {
            PyErr_NoMemory();
            w->error = 1;
            return -1;
        }
        new_capacity *= 2;
    }
    char *bigger = PyMem_Realloc(w->buf, (size_t)new_capacity);
    if (bigger == NULL) {
        PyErr_NoMemory();
        w->error = 1;
        return -1;
    }
    w->buf = bigger;
    w->capacity = new_capacity;
    return 0;
}

static void w_byte(marshal_writer *w, int byte)
{
    if (w_reserve(w, 1) == 0) {
        w->buf[w->len++] = (char)byte;
    }
}

static void w_bytes(marshal_writer *w, const void *data, Py_ssize_t n)
{
    if (n > 0 && w_reserve(w, n) == 0) {
        memcpy(w->buf + w->len, data, (size_t)n);
        w->len += n;
    }
}

/* A 32-bit little-endian integer. */
static void w_long(marshal_writer *w, long x)
{
    unsigned char b[4];
    uint32_t u = (uint32_t)x;
    b[0] = (unsigned char)(u & 0xff);
    b[1] = (unsigned char)((u >> 8) & 0xff);
    b[2] = (unsigned char)((u >> 16) & 0xff);
    b[3] = (unsigned char)((u >> 24) & 0xff);
    w_bytes(w, b, 4);
}

static void w_short(marshal_writer *w, int x)
{
    unsigned char b[2] = {(unsigned char)(x & 0xff), (unsigned char)((x >> 8) & 0xff)};
    w_bytes(w, b, 2);
}

/* A size as a 32-bit integer; too big: ValueError. */
static int w_size(marshal_writer *w, Py_ssize_t n)
{
    if (n > SIZE32_MAX) {
        PyErr_SetString(PyExc_ValueError, "unmarshallable object");
        w->error = 1;
        return -1;
    }
    w_long(w, (long)n);
    return 0;
}

static void w_set_error(marshal_writer *w)
{
    w->error = 1;
}

/* Write the back-reference to v if it was already written (return 1); otherwise register
 * it and add FLAG_REF to *flag when it may be shared (return 0).  -1 on error.
 * held is the number of references the writer itself holds on v (see w_list). */
static int w_ref(marshal_writer *w, PyObject *v, int *flag, int held)
{
    if (w->version < 3) {
        return 0;
    }
    /* Only one reference besides ours: it cannot occur twice.  Interned strings always get
     * a ref. */
    if (Py_REFCNT(v) == 1 + held &&
        !(PyUnicode_CheckExact(v) && PyUnicode_CHECK_INTERNED(v))) {
        return 0;
    }
    ref_table *t = &w->refs;
    if (t->size > 0) {
        Py_ssize_t i = ref_slot(t, v);
        if (t->keys[i] != NULL) {
            w_byte(w, TYPE_REF);
            w_long(w, (long)t->values[i]);
            return 1;
        }
    }
    if (t->used >= SIZE32_MAX) {
        PyErr_SetString(PyExc_ValueError, "too many objects");
        w->error = 1;
        return -1;
    }
    if ((t->used + 1) * 2 > t->size && ref_table_grow(t) < 0) {
        w->error = 1;
        return -1;
    }
    Py_ssize_t i = ref_slot(t, v);
    t->keys[i] = Py_NewRef(v);
    t->values[i] = t->used++;
    *flag |= FLAG_REF;
    return 0;
}

static void w_object(marshal_writer *w, PyObject *v);
static void w_object_held(marshal_writer *w, PyObject *v, int held);

static void w_float_text(marshal_writer *w, double d)
{
    char *text = PyOS_double_to_string(d, 'g', 17, 0, NULL);
    if (text == NULL) {
        w_set_error(w);
        return;
    }
    size_t n = strlen(text);
    w_byte(w, (int)n);
    w_bytes(w, text, (Py_ssize_t)n);
    PyMem_Free(text);
}

static void w_float_binary(marshal_writer *w, double d)
{
    char b[8];
    if (PyFloat_Pack8(d, b, 1) < 0) {
        w_set_error(w);
        return;
    }
    w_bytes(w, b, 8);
}

static void w_pylong(marshal_writer *w, PyObject *v, int flag)
{
    int overflow = 0;
    long x = PyLong_AsLongAndOverflow(v, &overflow);
    if (x == -1 && PyErr_Occurred()) {
        w_set_error(w);
        return;
    }
    if (!overflow && x >= -0x7fffffffL - 1 && x <= 0x7fffffffL) {
        w_byte(w, TYPE_INT | flag);
        w_long(w, x);
        return;
    }
    /* Magnitude as 15-bit digits, least significant first. */
    int negative = _PyLong_Sign(v) < 0;
    int64_t nbits = _PyLong_NumBits(v);
    if (nbits < 0) {
        w_set_error(w);
        return;
    }
    size_t nbytes = (size_t)(nbits + 7) / 8 + 1;
    PyObject *magnitude = negative ? PyNumber_Negative(v) : Py_NewRef(v);
    unsigned char *bytes = PyMem_Malloc(nbytes);
    if (magnitude == NULL || bytes == NULL) {
        Py_XDECREF(magnitude);
        PyMem_Free(bytes);
        if (!PyErr_Occurred()) {
            PyErr_NoMemory();
        }
        w_set_error(w);
        return;
    }
    if (_PyLong_AsByteArray((PyLongObject *)magnitude, bytes, nbytes, 1, 0, 1) < 0) {
        Py_DECREF(magnitude);
        PyMem_Free(bytes);
        w_set_error(w);
        return;
    }
    Py_DECREF(magnitude);
    Py_ssize_t ndigits = (Py_ssize_t)((nbits + 14) / 15);
    if (ndigits > SIZE32_MAX) {
        PyMem_Free(bytes);
        PyErr_SetString(PyExc_ValueError, "int too large to marshal");
        w_set_error(w);
        return;
    }
    w_byte(w, TYPE_LONG | flag);
    w_long(w, (long)(negative ? -ndigits : ndigits));
    for (Py_ssize_t i = 0; i < ndigits; i++) {
        size_t bit = (size_t)i * 15;
        uint32_t chunk = 0;
        for (size_t k = 0; k < 3 && bit / 8 + k < nbytes; k++) {
            chunk |= (uint32_t)bytes[bit / 8 + k] << (8 * k);
        }
        w_short(w, (int)((chunk >> (bit % 8)) & 0x7fff));
    }
    PyMem_Free(bytes);
}

static void w_pystr(marshal_writer *w, PyObject *v, int flag)
{
    int interned = PyUnicode_CHECK_INTERNED(v) != 0;
    if (w->version >= 4 && PyUnicode_IS_ASCII(v)) {
        Py_ssize_t n = PyUnicode_GET_LENGTH(v);
        if (n < 256) {
            w_byte(w, (interned ? TYPE_SHORT_ASCII_INTERNED : TYPE_SHORT_ASCII) | flag);
            w_byte(w, (int)n);
        }
        else {
            w_byte(w, (interned ? TYPE_ASCII_INTERNED : TYPE_ASCII) | flag);
            if (w_size(w, n) < 0) {
                return;
            }
        }
        w_bytes(w, PyUnicode_DATA(v), n);
        return;
    }
    PyObject *utf8 = _PyUnicode_AsUTF8String(v, "surrogatepass");
    if (utf8 == NULL) {
        w_set_error(w);
        return;
    }
    w_byte(w, ((w->version >= 3 && interned) ? TYPE_INTERNED : TYPE_UNICODE) | flag);
    if (w_size(w, PyBytes_GET_SIZE(utf8)) == 0) {
        w_bytes(w, PyBytes_AS_STRING(utf8), PyBytes_GET_SIZE(utf8));
    }
    Py_DECREF(utf8);
}

/* Write n items of an array (new references are the caller's). */
static void w_items(marshal_writer *w, PyObject *const *items, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n && !w->error; i++) {
        w_object(w, items[i]);
    }
}

/* List and dict items are written from strong references taken under the container's lock
 * (so a concurrent mutation cannot free an item while it is written), and w_ref discounts
 * that one reference: an item referenced only by its container gets no FLAG_REF, as in
 * CPython, which writes them from borrowed references. */
static void w_list(marshal_writer *w, PyObject *v, int flag)
{
    w_byte(w, TYPE_LIST | flag);
    if (w_size(w, PyList_Size(v)) < 0) {
        return;
    }
    Py_ssize_t n = PyList_Size(v);
    for (Py_ssize_t i = 0; i < n && !w->error; i++) {
        PyObject *item = PyList_GetItemRef(v, i);
        if (item == NULL) {
            /* Shrunk by another thread after its size was written. */
            PyErr_SetString(PyExc_RuntimeError, "list changed size during iteration");
            w->error = 1;
            return;
        }
        w_object_held(w, item, 1);
        Py_DECREF(item);
    }
}

static void w_dict(marshal_writer *w, PyObject *v, int flag)
{
    Py_ssize_t count = 0;
    PyObject **items = NULL;
    int failed = 0;
    /* The critical section keeps the dict unchanged while its items are copied. */
    Py_BEGIN_CRITICAL_SECTION(v);
    Py_ssize_t size = PyDict_GET_SIZE(v);
    items = PyMem_Malloc((size_t)(size > 0 ? size : 1) * 2 * sizeof(PyObject *));
    if (items == NULL) {
        failed = 1;
    }
    else {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (count < size && PyDict_Next(v, &pos, &key, &value)) {
            items[2 * count] = Py_NewRef(key);
            items[2 * count + 1] = Py_NewRef(value);
            count++;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (failed) {
        PyErr_NoMemory();
        w->error = 1;
        return;
    }
    w_byte(w, TYPE_DICT | flag);
    for (Py_ssize_t i = 0; i < 2 * count; i++) {
        if (!w->error) {
            w_object_held(w, items[i], 1);
        }
        Py_DECREF(items[i]);
    }
    PyMem_Free(items);
    w_byte(w, TYPE_NULL);
}

/* Set items are written from new references (a copy), which is what CPython 3.13 does
 * too: an item referenced only by the set is therefore flagged. */
static void w_set(marshal_writer *w, PyObject *v, int flag)
{
    PyObject *items = PySequence_List(v);
    if (items == NULL) {
        w_set_error(w);
        return;
    }
    w_byte(w, (PyFrozenSet_CheckExact(v) ? TYPE_FROZENSET : TYPE_SET) | flag);
    if (w_size(w, PyList_GET_SIZE(items)) == 0) {
        w_items(w, ((PyListObject *)items)->ob_item, PyList_GET_SIZE(items));
    }
    Py_DECREF(items);
}

/* A code object, in CPython 3.13's field order.  The bytecode is Braid's own, so the data
 * round-trips within Braid only. */
static void w_code(marshal_writer *w, PyCodeObject *co, int flag)
{
    PyObject *code = PyCode_GetCode(co);
    if (code == NULL) {
        w_set_error(w);
        return;
    }
    w_byte(w, TYPE_CODE | flag);
    w_long(w, co->co_argcount);
    w_long(w, co->co_posonlyargcount);
    w_long(w, co->co_kwonlyargcount);
    w_long(w, co->co_stacksize);
    w_long(w, co->co_flags);
    w_object(w, code);
    w_object(w, co->co_consts);
    w_object(w, co->co_names);
    w_object(w, co->co_localsplusnames);
    w_object(w, co->co_localspluskinds);
    w_object(w, co->co_filename);
    w_object(w, co->co_name);
    w_object(w, co->co_qualname);
    w_long(w, co->co_firstlineno);
    w_object(w, co->co_linetable);
    w_object(w, co->co_exceptiontable);
    Py_DECREF(code);
}

/* Objects that are not singletons: numbers, strings, containers, bytes-likes, code. */
static void w_complex_object(marshal_writer *w, PyObject *v, int held)
{
    int flag = 0;
    int done = w_ref(w, v, &flag, held);
    if (done != 0) {
        if (done < 0) {
            w->error = 1;
        }
        return;
    }
    if (PyLong_CheckExact(v)) {
        w_pylong(w, v, flag);
    }
    else if (PyFloat_CheckExact(v)) {
        if (w->version > 1) {
            w_byte(w, TYPE_BINARY_FLOAT | flag);
            w_float_binary(w, PyFloat_AS_DOUBLE(v));
        }
        else {
            w_byte(w, TYPE_FLOAT | flag);
            w_float_text(w, PyFloat_AS_DOUBLE(v));
        }
    }
    else if (PyComplex_CheckExact(v)) {
        Py_complex c = PyComplex_AsCComplex(v);
        if (w->version > 1) {
            w_byte(w, TYPE_BINARY_COMPLEX | flag);
            w_float_binary(w, c.real);
            w_float_binary(w, c.imag);
        }
        else {
            w_byte(w, TYPE_COMPLEX | flag);
            w_float_text(w, c.real);
            w_float_text(w, c.imag);
        }
    }
    else if (PyBytes_CheckExact(v)) {
        w_byte(w, TYPE_STRING | flag);
        if (w_size(w, PyBytes_GET_SIZE(v)) == 0) {
            w_bytes(w, PyBytes_AS_STRING(v), PyBytes_GET_SIZE(v));
        }
    }
    else if (PyUnicode_CheckExact(v)) {
        w_pystr(w, v, flag);
    }
    else if (PyTuple_CheckExact(v)) {
        Py_ssize_t n = PyTuple_GET_SIZE(v);
        if (w->version >= 4 && n < 256) {
            w_byte(w, TYPE_SMALL_TUPLE | flag);
            w_byte(w, (int)n);
        }
        else {
            w_byte(w, TYPE_TUPLE | flag);
            if (w_size(w, n) < 0) {
                return;
            }
        }
        w_items(w, &PyTuple_GET_ITEM(v, 0), n);
    }
    else if (PyList_CheckExact(v)) {
        w_list(w, v, flag);
    }
    else if (PyDict_CheckExact(v)) {
        w_dict(w, v, flag);
    }
    else if (PyAnySet_CheckExact(v)) {
        w_set(w, v, flag);
    }
    else if (PyCode_Check(v)) {
        if (!w->allow_code) {
            PyErr_SetString(PyExc_ValueError, "marshalling code objects is disallowed");
            w->error = 1;
            return;
        }
        w_code(w, (PyCodeObject *)v, flag);
    }
    else if (PyObject_CheckBuffer(v)) {
        Py_buffer view;
        if (PyObject_GetBuffer(v, &view, PyBUF_SIMPLE) < 0) {
            w_set_error(w);
            return;
        }
        w_byte(w, TYPE_STRING | flag);
        if (w_size(w, view.len) == 0) {
            w_bytes(w, view.buf, view.len);
        }
        PyBuffer_Release(&view);
    }
    else {
        PyErr_SetString(PyExc_ValueError, "unmarshallable object");
        w->error = 1;
    }
}

static void w_object(marshal_writer *w, PyObject *v)
{
    w_object_held(w, v, 0);
}

static void w_object_held(marshal_writer *w, PyObject *v, int held)
{
    if (w->error) {
        return;
    }
    if (++w->depth > MAX_MARSHAL_DEPTH) {
        PyErr_SetString(PyExc_ValueError, "object too deeply nested to marshal");
        w->error = 1;
    }
    else if (v == NULL) {
        w_byte(w, TYPE_NULL);
    }
    else if (v == Py_None) {
        w_byte(w, TYPE_NONE);
    }
    else if (v == PyExc_StopIteration) {
        w_byte(w, TYPE_STOPITER);
    }
    else if (v == Py_Ellipsis) {
        w_byte(w, TYPE_ELLIPSIS);
    }
    else if (v == Py_False) {
        w_byte(w, TYPE_FALSE);
    }
    else if (v == Py_True) {
        w_byte(w, TYPE_TRUE);
    }
    else {
        w_complex_object(w, v, held);
    }
    w->depth--;
}

/* Return a new reference: the marshal bytes of v. */
static PyObject *marshal_to_bytes(PyObject *v, int version, int allow_code)
{
    marshal_writer w;
    memset(&w, 0, sizeof(w));
    w.version = version;
    w.allow_code = allow_code;
    w_object(&w, v);
    ref_table_free(&w.refs);
    PyObject *result = NULL;
    if (!w.error) {
        result = PyBytes_FromStringAndSize(w.buf ? w.buf : "", w.len);
    }
    PyMem_Free(w.buf);
    return result;
}

/* Return a new reference: PyMarshal_WriteObjectToString of CPython's C API. */
PyObject *PyMarshal_WriteObjectToString(PyObject *v, int version)
{
    return marshal_to_bytes(v, version, 1);
}

/* ---- reading ----------------------------------------------------------------------------- */

typedef struct {
    const unsigned char *ptr;   /* in-memory input (NULL when reading a file) */
    const unsigned char *end;
    PyObject *file;             /* or a binary file read with readinto()/read() */
    PyObject *chunk;            /* bytes of the last file read (kept for r_string) */
    PyObject *refs;             /* list: objects registered with FLAG_REF */
    int allow_code;
    int depth;
} marshal_reader;

/* Return a pointer to the next n bytes (valid until the next read), or NULL with
 * EOFError "marshal data too short" (or the file's error). */
static const unsigned char *r_string(marshal_reader *r, Py_ssize_t n)
{
    if (r->file == NULL) {
        if (r->end - r->ptr < n) {
            r->ptr = r->end;
            PyErr_SetString(PyExc_EOFError, "marshal data too short");
            return NULL;
        }
        const unsigned char *p = r->ptr;
        r->ptr += n;
        return p;
    }
    Py_CLEAR(r->chunk);
    PyObject *data = PyObject_CallMethod(r->file, "read", "n", n);
    if (data == NULL) {
        return NULL;
    }
    if (!PyBytes_Check(data)) {
        PyErr_Format(PyExc_TypeError, "file.read() returned not bytes but %.100s",
                     Py_TYPE(data)->tp_name);
        Py_DECREF(data);
        return NULL;
    }
    if (PyBytes_GET_SIZE(data) != n) {
        Py_DECREF(data);
        PyErr_SetString(PyExc_EOFError, "marshal data too short");
        return NULL;
    }
    r->chunk = data;
    return (const unsigned char *)PyBytes_AS_STRING(data);
}

/* The next byte, or -1 at the end of the input (no exception set) or -2 on error. */
static int r_byte(marshal_reader *r)
{
    if (r->file == NULL) {
        if (r->ptr >= r->end) {
            return -1;
        }
        return *r->ptr++;
    }
    PyObject *data = PyObject_CallMethod(r->file, "read", "n", (Py_ssize_t)1);
    if (data == NULL) {
        return -2;
    }
    if (!PyBytes_Check(data)) {
        PyErr_Format(PyExc_TypeError, "file.read() returned not bytes but %.100s",
                     Py_TYPE(data)->tp_name);
        Py_DECREF(data);
        return -2;
    }
    int c = PyBytes_GET_SIZE(data) == 1 ? (unsigned char)PyBytes_AS_STRING(data)[0] : -1;
    Py_DECREF(data);
    return c;
}

/* A signed 32-bit little-endian integer; errors: -1 with an exception (check it). */
static long r_long(marshal_reader *r)
{
    const unsigned char *p = r_string(r, 4);
    if (p == NULL) {
        return -1;
    }
    uint32_t u = (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
                 ((uint32_t)p[3] << 24);
    return (long)(int32_t)u;
}

/* A size field: 0..SIZE32_MAX, else ValueError "bad marshal data (<what> size out of
 * range)".  -1 on error. */
static Py_ssize_t r_size(marshal_reader *r, const char *what)
{
    long n = r_long(r);
    if (n == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (n < 0) {
        PyErr_Format(PyExc_ValueError, "bad marshal data (%s size out of range)", what);
        return -1;
    }
    return (Py_ssize_t)n;
}

/* Raise ValueError "bad marshal data (<what>)".  Always returns NULL. */
static PyObject *bad_data(const char *what)
{
    PyErr_Format(PyExc_ValueError, "bad marshal data (%s)", what);
    return NULL;
}

static PyObject *r_object(marshal_reader *r);

/* Return a new reference: an item of a container, where TYPE_NULL is a TypeError. */
static PyObject *r_item(marshal_reader *r, const char *container)
{
    PyObject *item = r_object(r);
    if (item == NULL && !PyErr_Occurred()) {
        PyErr_Format(PyExc_TypeError, "NULL object in marshal data for %s", container);
    }
    return item;
}

/* Register o (may be NULL: a reserved slot) for later 'r' references; return its index,
 * or -1 on error. */
static Py_ssize_t r_ref_add(marshal_reader *r, PyObject *o)
{
    Py_ssize_t index = PyList_GET_SIZE(r->refs);
    if (PyList_Append(r->refs, o != NULL ? o : Py_None) < 0) {
        return -1;
    }
    return index;
}

/* 0 or -1. */
static int r_float_text(marshal_reader *r, double *out)
{
    int n = r_byte(r);
    if (n < 0) {
        if (n == -1) {
            PyErr_SetString(PyExc_EOFError, "EOF read where not expected");
        }
        return -1;
    }
    const unsigned char *p = r_string(r, n);
    if (p == NULL) {
        return -1;
    }
    char buf[256];
    memcpy(buf, p, (size_t)n);
    buf[n] = '\0';
    double d = PyOS_string_to_double(buf, NULL, NULL);
    if (d == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    *out = d;
    return 0;
}

/* 0 or -1. */
static int r_float_binary(marshal_reader *r, double *out)
{
    const unsigned char *p = r_string(r, 8);
    if (p == NULL) {
        return -1;
    }
    *out = PyFloat_Unpack8((const char *)p, 1);
    if (*out == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    return 0;
}

/* Return a new reference: an int of n 15-bit digits (sign of n).  The digits are read one
 * by one (the first bad digit or the end of the input is the error, as in CPython) into a
 * buffer that grows with them. */
static PyObject *r_pylong(marshal_reader *r)
{
    long n = r_long(r);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (n < -SIZE32_MAX || n > SIZE32_MAX) {
        return bad_data("long size out of range");
    }
    if (n == 0) {
        return PyLong_FromLong(0);
    }
    int negative = n < 0;
    Py_ssize_t ndigits = negative ? -(Py_ssize_t)n : (Py_ssize_t)n;
    size_t capacity = 64;
    unsigned char *bytes = PyMem_Calloc(capacity, 1);
    if (bytes == NULL) {
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < ndigits; i++) {
        const unsigned char *p = r_string(r, 2);
        if (p == NULL) {
            PyMem_Free(bytes);
            return NULL;
        }
        unsigned int digit = (unsigned int)p[0] | ((unsigned int)p[1] << 8);
        if (digit > 0x7fff) {
            PyMem_Free(bytes);
            return bad_data("digit out of range in long");
        }
        if (i == ndigits - 1 && digit == 0) {
            PyMem_Free(bytes);
            return bad_data("unnormalized long data");
        }
        size_t bit = (size_t)i * 15;
        if (bit / 8 + 3 > capacity) {
            unsigned char *bigger = PyMem_Realloc(bytes, capacity * 2);
            if (bigger == NULL) {
                PyMem_Free(bytes);
                return PyErr_NoMemory();
            }
            memset(bigger + capacity, 0, capacity);
            bytes = bigger;
            capacity *= 2;
        }
        uint32_t chunk = (uint32_t)digit << (bit % 8);
        for (size_t k = 0; k < 3; k++) {
            bytes[bit / 8 + k] |= (unsigned char)((chunk >> (8 * k)) & 0xff);
        }
    }
    PyObject *result = _PyLong_FromByteArray(bytes, capacity, 1, 0);
    PyMem_Free(bytes);
    if (result != NULL && negative) {
        Py_SETREF(result, PyNumber_Negative(result));
    }
    return result;
}

/* Return a new reference: a str of n bytes decoded as ASCII (latin-1, never failing). */
static PyObject *r_ascii(marshal_reader *r, Py_ssize_t n, int interned)
{
    const unsigned char *p = r_string(r, n);
    if (p == NULL) {
        return NULL;
    }
    PyObject *s = PyUnicode_DecodeLatin1((const char *)p, n, NULL);
    if (s != NULL && interned) {
        PyUnicode_InternInPlace(&s);
    }
    return s;
}

/* How many items a container may preallocate: a size field larger than the input left can
 * only end in an error, and must not allocate gigabytes first. */
static Py_ssize_t r_prealloc_limit(marshal_reader *r)
{
    return r->file == NULL ? (Py_ssize_t)(r->end - r->ptr) : 4096;
}

/* Read n items and append them to list.  0 or -1. */
static int r_append_items(marshal_reader *r, PyObject *list, Py_ssize_t n, const char *what)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = r_item(r, what);
        if (item == NULL) {
            return -1;
        }
        int rc = PyList_Append(list, item);
        Py_DECREF(item);
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

/* Return a new reference: a code object (its 'c' type byte was read).  Like a frozenset,
 * it is registered for references only once complete. */
static PyObject *r_code(marshal_reader *r, int flag)
{
    Py_ssize_t index = -1;
    if (flag) {
        index = r_ref_add(r, NULL);
        if (index < 0) {
            return NULL;
        }
    }
    long ints[5];
    for (int i = 0; i < 5; i++) {
        ints[i] = r_long(r);
        if (ints[i] == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    PyObject *fields[8] = {NULL};
    PyObject *linetable = NULL, *exceptiontable = NULL, *result = NULL;
    for (int i = 0; i < 8; i++) {
        fields[i] = r_item(r, "code");
        if (fields[i] == NULL) {
            goto done;
        }
    }
    long firstlineno = r_long(r);
    if (firstlineno == -1 && PyErr_Occurred()) {
        goto done;
    }
    linetable = r_item(r, "code");
    if (linetable == NULL) {
        goto done;
    }
    exceptiontable = r_item(r, "code");
    if (exceptiontable == NULL) {
        goto done;
    }
    struct _PyCodeConstructor con = {
        .argcount = (int)ints[0],
        .posonlyargcount = (int)ints[1],
        .kwonlyargcount = (int)ints[2],
        .stacksize = (int)ints[3],
        .flags = (int)ints[4],
        .code = fields[0],
        .consts = fields[1],
        .names = fields[2],
        .localsplusnames = fields[3],
        .localspluskinds = fields[4],
        .filename = fields[5],
        .name = fields[6],
        .qualname = fields[7],
        .firstlineno = (int)firstlineno,
        .linetable = linetable,
        .exceptiontable = exceptiontable,
    };
    result = (PyObject *)_PyCode_New(&con);
    if (result != NULL && index >= 0 &&
        PyList_SetItem(r->refs, index, Py_NewRef(result)) < 0) {
        Py_CLEAR(result);
    }
done:
    for (int i = 0; i < 8; i++) {
        Py_XDECREF(fields[i]);
    }
    Py_XDECREF(linetable);
    Py_XDECREF(exceptiontable);
    return result;
}

/* Read one object.  Return a new reference, or NULL with an exception, or NULL without an
 * exception for TYPE_NULL. */
static PyObject *r_object_inner(marshal_reader *r)
{
    int code = r_byte(r);
    if (code < 0) {
        if (code == -1) {
            PyErr_SetString(PyExc_EOFError, "EOF read where object expected");
        }
        return NULL;
    }
    int flag = code & FLAG_REF;
    int type = code & ~FLAG_REF;
    PyObject *v = NULL;
    Py_ssize_t n;
    double re, im;

    switch (type) {
    case TYPE_NULL:
        return NULL;
    case TYPE_NONE:
        return Py_NewRef(Py_None);
    case TYPE_STOPITER:
        return Py_NewRef(PyExc_StopIteration);
    case TYPE_ELLIPSIS:
        return Py_NewRef(Py_Ellipsis);
    case TYPE_FALSE:
        return Py_NewRef(Py_False);
    case TYPE_TRUE:
        return Py_NewRef(Py_True);
    case TYPE_INT: {
        long x = r_long(r);
        if (x == -1 && PyErr_Occurred()) {
            return NULL;
        }
        v = PyLong_FromLong(x);
        break;
    }
    case TYPE_INT64: {
        const unsigned char *p = r_string(r, 8);
        if (p == NULL) {
            return NULL;
        }
        v = _PyLong_FromByteArray(p, 8, 1, 1);
        break;
    }
    case TYPE_LONG:
        v = r_pylong(r);
        break;
    case TYPE_FLOAT:
        if (r_float_text(r, &re) < 0) {
            return NULL;
        }
        v = PyFloat_FromDouble(re);
        break;
    case TYPE_BINARY_FLOAT:
        if (r_float_binary(r, &re) < 0) {
            return NULL;
        }
        v = PyFloat_FromDouble(re);
        break;
    case TYPE_COMPLEX:
        if (r_float_text(r, &re) < 0 || r_float_text(r, &im) < 0) {
            return NULL;
        }
        v = PyComplex_FromDoubles(re, im);
        break;
    case TYPE_BINARY_COMPLEX:
        if (r_float_binary(r, &re) < 0 || r_float_binary(r, &im) < 0) {
            return NULL;
        }
        v = PyComplex_FromDoubles(re, im);
        break;
    case TYPE_STRING: {
        n = r_size(r, "bytes object");
        if (n < 0) {
            return NULL;
        }
        const unsigned char *p = r_string(r, n);
        if (p == NULL) {
            return NULL;
        }
        v = PyBytes_FromStringAndSize((const char *)p, n);
        break;
    }
    case TYPE_ASCII:
    case TYPE_ASCII_INTERNED:
        n = r_size(r, "string");
        if (n < 0) {
            return NULL;
        }
        v = r_ascii(r, n, type == TYPE_ASCII_INTERNED);
        break;
    case TYPE_SHORT_ASCII:
    case TYPE_SHORT_ASCII_INTERNED:
        n = r_byte(r);
        if (n < 0) {
            if (n == -1) {
                PyErr_SetString(PyExc_EOFError, "EOF read where not expected");
            }
            return NULL;
        }
        v = r_ascii(r, n, type == TYPE_SHORT_ASCII_INTERNED);
        break;
    case TYPE_UNICODE:
    case TYPE_INTERNED: {
        n = r_size(r, "string");
        if (n < 0) {
            return NULL;
        }
        const unsigned char *p = r_string(r, n);
        if (p == NULL) {
            return NULL;
        }
        v = PyUnicode_DecodeUTF8((const char *)p, n, "surrogatepass");
        if (v != NULL && type == TYPE_INTERNED) {
            PyUnicode_InternInPlace(&v);
        }
        break;
    }
    case TYPE_SMALL_TUPLE:
    case TYPE_TUPLE: {
        if (type == TYPE_SMALL_TUPLE) {
            int b = r_byte(r);
            if (b < 0) {
                if (b == -1) {
                    PyErr_SetString(PyExc_EOFError, "EOF read where not expected");
                }
                return NULL;
            }
            n = b;
        }
        else {
            n = r_size(r, "tuple");
            if (n < 0) {
                return NULL;
            }
        }
        if (n > r_prealloc_limit(r)) {
            /* Implausibly long: collect the items first (this normally fails at EOF). */
            Py_ssize_t index = flag ? r_ref_add(r, NULL) : -1;
            PyObject *items = PyList_New(0);
            if ((flag && index < 0) || items == NULL) {
                Py_XDECREF(items);
                return NULL;
            }
            if (r_append_items(r, items, n, "tuple") < 0) {
                Py_DECREF(items);
                return NULL;
            }
            v = PyList_AsTuple(items);
            Py_DECREF(items);
            if (v != NULL && index >= 0 &&
                PyList_SetItem(r->refs, index, Py_NewRef(v)) < 0) {
                Py_CLEAR(v);
            }
            return v;
        }
        v = PyTuple_New(n);
        if (v == NULL) {
            return NULL;
        }
        if (flag && r_ref_add(r, v) < 0) {
            Py_DECREF(v);
            return NULL;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *item = r_item(r, "tuple");
            if (item == NULL) {
                Py_DECREF(v);
                return NULL;
            }
            PyTuple_SET_ITEM(v, i, item);
        }
        return v;
    }
    case TYPE_LIST:
        n = r_size(r, "list");
        if (n < 0) {
            return NULL;
        }
        v = PyList_New(0);
        if (v == NULL) {
            return NULL;
        }
        if (flag && r_ref_add(r, v) < 0) {
            Py_DECREF(v);
            return NULL;
        }
        if (r_append_items(r, v, n, "list") < 0) {
            Py_DECREF(v);
            return NULL;
        }
        return v;
    case TYPE_DICT:
        v = PyDict_New();
        if (v == NULL) {
            return NULL;
        }
        if (flag && r_ref_add(r, v) < 0) {
            Py_DECREF(v);
            return NULL;
        }
        for (;;) {
            PyObject *key = r_object(r);
            if (key == NULL) {
                break;
            }
            PyObject *value = r_object(r);
            if (value == NULL) {
                Py_DECREF(key);
                break;
            }
            int rc = PyDict_SetItem(v, key, value);
            Py_DECREF(key);
            Py_DECREF(value);
            if (rc < 0) {
                break;
            }
        }
        if (PyErr_Occurred()) {
            Py_DECREF(v);
            return NULL;
        }
        return v;
    case TYPE_SET:
    case TYPE_FROZENSET: {
        n = r_size(r, "set");
        if (n < 0) {
            return NULL;
        }
        Py_ssize_t index = -1;
        if (type == TYPE_SET) {
            v = PySet_New(NULL);
            if (v == NULL) {
                return NULL;
            }
            if (flag && r_ref_add(r, v) < 0) {
                Py_DECREF(v);
                return NULL;
            }
            for (Py_ssize_t i = 0; i < n; i++) {
                PyObject *item = r_item(r, "set");
                if (item == NULL || PySet_Add(v, item) < 0) {
                    Py_XDECREF(item);
                    Py_DECREF(v);
                    return NULL;
                }
                Py_DECREF(item);
            }
            return v;
        }
        /* A frozenset is registered only once complete: its slot is reserved first. */
        if (flag) {
            index = r_ref_add(r, NULL);
            if (index < 0) {
                return NULL;
            }
        }
        PyObject *items = PyList_New(0);
        if (items == NULL) {
            return NULL;
        }
        if (r_append_items(r, items, n, "set") < 0) {
            Py_DECREF(items);
            return NULL;
        }
        v = PyFrozenSet_New(items);
        Py_DECREF(items);
        if (v != NULL && index >= 0 && PyList_SetItem(r->refs, index, Py_NewRef(v)) < 0) {
            Py_DECREF(v);
            return NULL;
        }
        return v;
    }
    case TYPE_REF: {
        long index = r_long(r);
        if (index == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (index < 0 || index >= PyList_GET_SIZE(r->refs)) {
            return bad_data("invalid reference");
        }
        v = PyList_GET_ITEM(r->refs, index);
        if (v == Py_None) {
            return bad_data("invalid reference");
        }
        return Py_NewRef(v);
    }
    case TYPE_CODE:
        if (!r->allow_code) {
            PyErr_SetString(PyExc_ValueError, "unmarshalling code objects is disallowed");
            return NULL;
        }
        return r_code(r, flag);
    default:
        return bad_data("unknown type code");
    }
    if (v != NULL && flag && r_ref_add(r, v) < 0) {
        Py_CLEAR(v);
    }
    return v;
}

/* Return a new reference (see r_object_inner), within the nesting limit. */
static PyObject *r_object(marshal_reader *r)
{
    if (++r->depth > MAX_MARSHAL_DEPTH) {
        r->depth--;
        PyErr_SetString(PyExc_ValueError, "recursion limit exceeded");
        return NULL;
    }
    PyObject *v = r_object_inner(r);
    r->depth--;
    return v;
}

/* Return a new reference: the top-level object (TYPE_NULL is a TypeError here). */
static PyObject *read_top_object(marshal_reader *r)
{
    r->refs = PyList_New(0);
    if (r->refs == NULL) {
        return NULL;
    }
    PyObject *v = r_object(r);
    if (v == NULL && !PyErr_Occurred()) {
        PyErr_SetString(PyExc_TypeError, "NULL object in marshal data for object");
    }
    Py_CLEAR(r->refs);
    Py_CLEAR(r->chunk);
    return v;
}

/* Return a new reference: PyMarshal_ReadObjectFromString of CPython's C API. */
PyObject *PyMarshal_ReadObjectFromString(const char *data, Py_ssize_t len)
{
    marshal_reader r;
    memset(&r, 0, sizeof(r));
    r.ptr = (const unsigned char *)data;
    r.end = r.ptr + len;
    r.allow_code = 1;
    return read_top_object(&r);
}

/* ---- the module -------------------------------------------------------------------------- */

/* Parse the optional version (an int) and the keyword-only allow_code.  0 or -1. */
static int parse_version(const char *fname, PyObject *arg, int *version)
{
    if (arg == NULL) {
        return 0;
    }
    if (PyFloat_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    long v = PyLong_AsLong(arg);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (v > INT_MAX || v < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *version = (int)v;
    return 0;
}

static int parse_allow_code(PyObject *arg, int *allow_code)
{
    *allow_code = 1;
    if (arg == NULL) {
        return 0;
    }
    int truth = PyObject_IsTrue(arg);
    if (truth < 0) {
        return -1;
    }
    *allow_code = truth;
    return 0;
}

/* The functions take their arguments as a vector (METH_FASTCALL), so the values are
 * borrowed from the caller without an argument tuple: the refcounts that w_ref sees are the
 * caller's, as with CPython. */

/* dumps(value, version=4, /, *, allow_code=True).  Return a new reference. */
static PyObject *marshal_dumps(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    static const char *const kwlist[] = {"", "", "allow_code", NULL};
    static _PyArg_Parser parser = {.keywords = kwlist, .fname = "dumps"};
    PyObject *argsbuf[3];
    PyObject *const *fa = _PyArg_UnpackKeywords(args, nargs, NULL, kwnames, &parser, 1, 2, 0,
                                                argsbuf);
    int version = MARSHAL_VERSION;
    int allow_code;
    if (fa == NULL || parse_version("dumps", fa[1], &version) < 0 ||
        parse_allow_code(fa[2], &allow_code) < 0) {
        return NULL;
    }
    return marshal_to_bytes(fa[0], version, allow_code);
}

/* dump(value, file, version=4, /, *, allow_code=True).  Return None. */
static PyObject *marshal_dump(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    static const char *const kwlist[] = {"", "", "", "allow_code", NULL};
    static _PyArg_Parser parser = {.keywords = kwlist, .fname = "dump"};
    PyObject *argsbuf[4];
    PyObject *const *fa = _PyArg_UnpackKeywords(args, nargs, NULL, kwnames, &parser, 2, 3, 0,
                                                argsbuf);
    int version = MARSHAL_VERSION;
    int allow_code;
    if (fa == NULL || parse_version("dump", fa[2], &version) < 0 ||
        parse_allow_code(fa[3], &allow_code) < 0) {
        return NULL;
    }
    PyObject *data = marshal_to_bytes(fa[0], version, allow_code);
    if (data == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_CallMethod(fa[1], "write", "O", data);
    Py_DECREF(data);
    if (result == NULL) {
        return NULL;
    }
    Py_DECREF(result);
    Py_RETURN_NONE;
}

/* loads(bytes, /, *, allow_code=True).  Return a new reference. */
static PyObject *marshal_loads(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    static const char *const kwlist[] = {"", "allow_code", NULL};
    static _PyArg_Parser parser = {.keywords = kwlist, .fname = "loads"};
    PyObject *argsbuf[2];
    PyObject *const *fa = _PyArg_UnpackKeywords(args, nargs, NULL, kwnames, &parser, 1, 1, 0,
                                                argsbuf);
    int allow_code;
    if (fa == NULL || parse_allow_code(fa[1], &allow_code) < 0) {
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(fa[0], &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    marshal_reader r;
    memset(&r, 0, sizeof(r));
    r.ptr = (const unsigned char *)view.buf;
    r.end = r.ptr + view.len;
    r.allow_code = allow_code;
    PyObject *result = read_top_object(&r);
    PyBuffer_Release(&view);
    return result;
}

/* load(file, /, *, allow_code=True).  Return a new reference.  Reads exactly the bytes of
 * one object, so the file is left just after it. */
static PyObject *marshal_load(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    static const char *const kwlist[] = {"", "allow_code", NULL};
    static _PyArg_Parser parser = {.keywords = kwlist, .fname = "load"};
    PyObject *argsbuf[2];
    PyObject *const *fa = _PyArg_UnpackKeywords(args, nargs, NULL, kwnames, &parser, 1, 1, 0,
                                                argsbuf);
    int allow_code;
    if (fa == NULL || parse_allow_code(fa[1], &allow_code) < 0) {
        return NULL;
    }
    PyObject *file = fa[0];
    /* Probe the file first, as CPython does: a file not open for reading fails here. */
    PyObject *probe = PyObject_CallMethod(file, "read", "n", (Py_ssize_t)0);
    if (probe == NULL) {
        return NULL;
    }
    if (!PyBytes_Check(probe)) {
        PyErr_Format(PyExc_TypeError, "file.read() returned not bytes but %.100s",
                     Py_TYPE(probe)->tp_name);
        Py_DECREF(probe);
        return NULL;
    }
    Py_DECREF(probe);
    marshal_reader r;
    memset(&r, 0, sizeof(r));
    r.file = file;
    r.allow_code = allow_code;
    return read_top_object(&r);
}

static PyMethodDef marshal_methods[] = {
    {"dump", (PyCFunction)(void (*)(void))marshal_dump, METH_FASTCALL | METH_KEYWORDS,
     "dump($module, value, file, version=4, /, *, allow_code=True)\n--\n\n"
     "Write the value on the open file."},
    {"load", (PyCFunction)(void (*)(void))marshal_load, METH_FASTCALL | METH_KEYWORDS,
     "load($module, file, /, *, allow_code=True)\n--\n\n"
     "Read one value from the open file and return it."},
    {"dumps", (PyCFunction)(void (*)(void))marshal_dumps, METH_FASTCALL | METH_KEYWORDS,
     "dumps($module, value, version=4, /, *, allow_code=True)\n--\n\n"
     "Return the bytes object that would be written to a file by dump(value, file)."},
    {"loads", (PyCFunction)(void (*)(void))marshal_loads, METH_FASTCALL | METH_KEYWORDS,
     "loads($module, bytes, /, *, allow_code=True)\n--\n\n"
     "Convert the bytes-like object to a value."},
    {NULL, NULL, 0, NULL},
};

static int marshal_exec(PyObject *module)
{
    return PyModule_AddIntConstant(module, "version", MARSHAL_VERSION);
}

static PyModuleDef_Slot marshal_slots[] = {
    {Py_mod_exec, marshal_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef marshalmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "marshal",
    .m_doc = "Read and write Python values in the binary format of .pyc files (marshal).\n\n"
             "Supported: None, bool, Ellipsis, StopIteration, int, float, complex, str,\n"
             "bytes (and bytes-like objects), tuple, list, dict, set and frozenset.\n"
             "Variables: version -- the format version used by default.",
    .m_size = 0,
    .m_methods = marshal_methods,
    .m_slots = marshal_slots,
};

PyMODINIT_FUNC
PyInit_marshal(void)
{
    return PyModuleDef_Init(&marshalmodule);
}
