/* _struct: conversion between Python values and C structs represented as bytes.
 *
 * A format string is compiled once into an array of `formatcode` (one per non-pad code,
 * with its offset), stored in a Struct object.  The module-level functions keep compiled
 * Structs in a per-module cache dict keyed by format (dict operations are atomic, so the
 * cache is safe to share between threads).
 *
 * A Struct changes only when __init__ runs again on it (CPython allows that).  Every
 * operation pins the Struct for its duration (struct_pin: an atomic count of users), and a
 * re-initialisation sets an atomic flag, then refuses with RuntimeError while users exist, as
 * CPython refuses a Struct modified during its own pack (an __index__ calling __init__).
 * Operations that find a re-initialisation in progress wait for it (it runs no Python code).
 * The count and the flag are sequentially consistent: a pin and a re-initialisation that
 * race always see each other. */
#include "Python.h"
#include "pycore_modsupport.h"
#include "pycore_pyatomic_ft_wrappers.h"

#include <limits.h>
#include <sched.h>
#include <string.h>
#include <stdbool.h>

typedef struct {
    PyTypeObject *struct_type;
    PyTypeObject *unpackiter_type;
    PyObject *cache;       /* {format: Struct} */
    PyObject *error;       /* struct.error */
} struct_module_state;

static struct PyModuleDef structmodule;

static struct_module_state *get_struct_state(PyObject *module)
{
    return (struct_module_state *)PyModule_GetState(module);
}

static struct_module_state *find_state_by_type(PyTypeObject *type)
{
    PyObject *module = PyType_GetModuleByDef(type, &structmodule);
    return module != NULL ? get_struct_state(module) : NULL;
}

/* ---- format description -------------------------------------------------------------------- */

typedef struct {
    char code;
    Py_ssize_t offset;
    Py_ssize_t size;     /* bytes of one item ('s'/'p': the whole field) */
} formatcode;

typedef struct {
    PyObject_HEAD
    Py_ssize_t size;     /* total bytes */
    Py_ssize_t len;      /* number of Python values */
    formatcode *codes;   /* len entries */
    char byteorder;      /* '@' native, '<' little, '>' big ('=' resolved) */
    bool native;         /* native sizes and alignment */
    PyObject *format;    /* str */
    PyObject *weakreflist;
    Py_ssize_t users;    /* atomic: operations in progress (struct_pin) */
    int reinit;          /* atomic: 1 while __init__ replaces the fields above */
} PyStructObject;

/* Keep so's format from changing while the caller uses it; pair with struct_unpin. */
static void struct_pin(PyStructObject *so)
{
    for (;;) {
        _Py_atomic_add_ssize(&so->users, 1);
        if (!_Py_atomic_load_int(&so->reinit)) {
            return;
        }
        _Py_atomic_add_ssize(&so->users, -1);
        while (_Py_atomic_load_int(&so->reinit)) {
            sched_yield();
        }
    }
}

static void struct_unpin(PyStructObject *so)
{
    _Py_atomic_add_ssize(&so->users, -1);
}

/* name(params) runs name_pinned(args) with the Struct op pinned. */
#define STRUCT_PINNED(name, type, params, args)                                               \
    static type name params                                                                   \
    {                                                                                         \
        struct_pin((PyStructObject *)op);                                                     \
        type res = name##_pinned args;                                                        \
        struct_unpin((PyStructObject *)op);                                                   \
        return res;                                                                           \
    }

static int is_little_endian(void)
{
    const uint16_t probe = 1;
    return *(const uint8_t *)&probe == 1;
}

/* Size and alignment of a code; 0 size for unknown codes (caller raises). */
static Py_ssize_t code_size(char c, bool native, Py_ssize_t *align)
{
    *align = 1;
    if (native) {
        switch (c) {
        case 'x': case 'c': case 'b': case 'B': case 's': case 'p':
            return 1;
        case '?': *align = _Alignof(_Bool); return sizeof(_Bool);
        case 'h': case 'H': *align = _Alignof(short); return sizeof(short);
        case 'i': case 'I': *align = _Alignof(int); return sizeof(int);
        case 'l': case 'L': *align = _Alignof(long); return sizeof(long);
        case 'q': case 'Q': *align = _Alignof(long long); return sizeof(long long);
        case 'n': case 'N': *align = _Alignof(size_t); return sizeof(size_t);
        case 'e': *align = 2; return 2;
        case 'f': *align = _Alignof(float); return sizeof(float);
        case 'd': *align = _Alignof(double); return sizeof(double);
        case 'P': *align = _Alignof(void *); return sizeof(void *);
        default: return 0;
        }
    }
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p':
        return 1;
    case 'h': case 'H': case 'e':
        return 2;
    case 'i': case 'I': case 'l': case 'L': case 'f':
        return 4;
    case 'q': case 'Q': case 'd':
        return 8;
    default:
        return 0;
    }
}

/* Compile self->format; 0 or -1 with struct.error. */
static int struct_compile(PyStructObject *self, struct_module_state *st)
{
    Py_ssize_t flen;
    const char *fmt = PyUnicode_AsUTF8AndSize(self->format, &flen);
    if (fmt == NULL) {
        return -1;
    }
    if (strlen(fmt) != (size_t)flen) {
        PyErr_SetString(st->error, "embedded null character");
        return -1;
    }
    const char *s = fmt;
    char order = '@';
    if (*s == '@' || *s == '=' || *s == '<' || *s == '>' || *s == '!') {
        order = *s++;
    }
    self->native = order == '@';
    if (order == '=') {
        order = is_little_endian() ? '<' : '>';
    }
    else if (order == '!') {
        order = '>';
    }
    else if (order == '@') {
        order = is_little_endian() ? '<' : '>';
    }
    self->byteorder = order;

    /* Pass 1: count values and compute the size. */
    Py_ssize_t size = 0, len = 0;
    for (const char *p = s; *p;) {
        if (Py_ISSPACE(*p)) {
            p++;
            continue;
        }
        Py_ssize_t num = 1;
        if (Py_ISDIGIT(*p)) {
            num = 0;
            while (Py_ISDIGIT(*p)) {
                if (num >= PY_SSIZE_T_MAX / 10) {
                    PyErr_SetString(st->error, "total struct size too long");
                    return -1;
                }
                num = num * 10 + (*p++ - '0');
            }
            if (*p == '\0') {
                PyErr_SetString(st->error, "repeat count given without format specifier");
                return -1;
            }
        }
        char c = *p++;
        Py_ssize_t align;
        Py_ssize_t itemsize = code_size(c, self->native, &align);
        if (itemsize == 0) {
            PyErr_SetString(st->error, "bad char in struct format");
            return -1;
        }
        if (self->native) {
            size = (size + align - 1) / align * align;
        }
        if (c == 's' || c == 'p') {
            len++;
            size += num;
        }
        else if (c == 'x') {
            size += num;
        }
        else {
            len += num;
            if (num > 0 && itemsize > (PY_SSIZE_T_MAX - size) / num) {
                PyErr_SetString(st->error, "total struct size too long");
                return -1;
            }
            size += num * itemsize;
        }
    }
    formatcode *codes = PyMem_New(formatcode, len > 0 ? len : 1);
    if (codes == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    /* Pass 2: record each value's code and offset. */
    Py_ssize_t offset = 0, k = 0;
    for (const char *p = s; *p;) {
        if (Py_ISSPACE(*p)) {
            p++;
            continue;
        }
        Py_ssize_t num = 1;
        if (Py_ISDIGIT(*p)) {
            num = 0;
            while (Py_ISDIGIT(*p)) {
                num = num * 10 + (*p++ - '0');
            }
        }
        char c = *p++;
        Py_ssize_t align;
        Py_ssize_t itemsize = code_size(c, self->native, &align);
        if (self->native) {
            offset = (offset + align - 1) / align * align;
        }
        if (c == 's' || c == 'p') {
            codes[k].code = c;
            codes[k].offset = offset;
            codes[k].size = num;
            k++;
            offset += num;
        }
        else if (c == 'x') {
            offset += num;
        }
        else {
            for (Py_ssize_t i = 0; i < num; i++) {
                codes[k].code = c;
                codes[k].offset = offset;
                codes[k].size = itemsize;
                k++;
                offset += itemsize;
            }
        }
    }
    PyMem_Free(self->codes);
    self->codes = codes;
    self->size = size;
    self->len = len;
    return 0;
}

/* ---- packing ------------------------------------------------------------------------------- */

static void store_uint(unsigned char *p, unsigned long long v, Py_ssize_t n, int little)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t at = little ? i : n - 1 - i;
        p[at] = (unsigned char)(v & 0xff);
        v >>= 8;
    }
}

static unsigned long long load_uint(const unsigned char *p, Py_ssize_t n, int little)
{
    unsigned long long v = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t at = little ? n - 1 - i : i;
        v = (v << 8) | p[at];
    }
    return v;
}

/* Convert v to an integer (through __index__), with struct's error for non-integers.
 * Returns a new reference. */
static PyObject *get_integer(struct_module_state *st, PyObject *v)
{
    if (PyLong_Check(v)) {
        return Py_NewRef(v);
    }
    if (PyIndex_Check(v)) {
        return PyNumber_Index(v);
    }
    PyErr_SetString(st->error, "required argument is not an integer");
    return NULL;
}

static int pack_range_error(struct_module_state *st, char code, Py_ssize_t size, bool is_signed)
{
    if (!is_signed) {
        unsigned long long umax = size >= 8 ? ~0ULL : (1ULL << (size * 8)) - 1;
        PyErr_Format(st->error, "'%c' format requires 0 <= number <= %llu", code, umax);
        return -1;
    }
    long long maxval = size >= 8 ? LLONG_MAX : (long long)((1ULL << (size * 8 - 1)) - 1);
    long long minval = -maxval - 1;
    PyErr_Format(st->error, "'%c' format requires %lld <= number <= %lld", code, minval,
                 maxval);
    return -1;
}

static int pack_one(struct_module_state *st, PyStructObject *so, formatcode *code,
                    PyObject *v, unsigned char *p)
{
    int little = so->byteorder == '<';
    switch (code->code) {
    case 'c':
        if (!PyBytes_Check(v) || PyBytes_GET_SIZE(v) != 1) {
            PyErr_SetString(st->error, "char format requires a bytes object of length 1");
            return -1;
        }
        *p = (unsigned char)PyBytes_AS_STRING(v)[0];
        return 0;
    case '?': {
        int truth = PyObject_IsTrue(v);
        if (truth < 0) {
            return -1;
        }
        *p = (unsigned char)truth;
        return 0;
    }
    case 's':
    case 'p': {
        Py_buffer view;
        if (!PyBytes_Check(v) && !PyByteArray_Check(v)) {
            PyErr_Format(st->error, "argument for '%c' must be a bytes object", code->code);
            return -1;
        }
        if (PyObject_GetBuffer(v, &view, PyBUF_SIMPLE) < 0) {
            return -1;
        }
        Py_ssize_t n = view.len;
        if (code->code == 's') {
            if (n > code->size) {
                n = code->size;
            }
            memcpy(p, view.buf, (size_t)n);
        }
        else if (code->size > 0) {
            if (n > code->size - 1) {
                n = code->size - 1;
            }
            if (n > 255) {
                n = 255;
            }
            memcpy(p + 1, view.buf, (size_t)n);
            p[0] = (unsigned char)n;
        }
        PyBuffer_Release(&view);
        return 0;
    }
    case 'e':
    case 'f':
    case 'd': {
        double x = PyFloat_AsDouble(v);
        if (x == -1.0 && PyErr_Occurred()) {
            PyErr_SetString(st->error, "required argument is not a float");
            return -1;
        }
        int rc;
        if (so->native) {
            if (code->code == 'f') {
                /* A plain C conversion, as CPython's native 'f': values beyond the float
                 * range become an infinity (standard sizes raise OverflowError). */
                float f = (float)x;
                memcpy(p, &f, sizeof(f));
                return 0;
            }
            if (code->code == 'd') {
                memcpy(p, &x, sizeof(x));
                return 0;
            }
        }
        rc = code->code == 'e' ? PyFloat_Pack2(x, (char *)p, little)
             : code->code == 'f' ? PyFloat_Pack4(x, (char *)p, little)
                                 : PyFloat_Pack8(x, (char *)p, little);
        return rc;
    }
    case 'P': {
        PyObject *n = get_integer(st, v);
        if (n == NULL) {
            return -1;
        }
        int negative = _PyLong_Sign(n) < 0;
        void *ptr = PyLong_AsVoidPtr(n);
        Py_DECREF(n);
        if (PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
                /* CPython converts through C long / unsigned long (pointer-sized). */
                PyErr_SetString(PyExc_OverflowError,
                                negative ? "Python int too large to convert to C long"
                                         : "Python int too large to convert to C unsigned long");
            }
            return -1;
        }
        memcpy(p, &ptr, sizeof(ptr));
        return 0;
    }
    default:
        break;
    }
    /* Integers. */
    bool is_signed = code->code == 'b' || code->code == 'h' || code->code == 'i' ||
                     code->code == 'l' || code->code == 'q' || code->code == 'n';
    PyObject *n = get_integer(st, v);
    if (n == NULL) {
        return -1;
    }
    unsigned long long bits;
    if (is_signed) {
        long long x = PyLong_AsLongLong(n);
        Py_DECREF(n);
        if (x == -1 && PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
                PyErr_Clear();
                return pack_range_error(st, code->code, code->size, true);
            }
            return -1;
        }
        if (code->size < 8) {
            long long maxval = (long long)((1ULL << (code->size * 8 - 1)) - 1);
            if (x > maxval || x < -maxval - 1) {
                return pack_range_error(st, code->code, code->size, true);
            }
        }
        bits = (unsigned long long)x;
    }
    else {
        if (PyLong_Check(n) && _PyLong_Sign(n) < 0) {
            Py_DECREF(n);
            return pack_range_error(st, code->code, code->size, false);
        }
        unsigned long long x = PyLong_AsUnsignedLongLong(n);
        Py_DECREF(n);
        if (x == (unsigned long long)-1 && PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
                PyErr_Clear();
                return pack_range_error(st, code->code, code->size, false);
            }
            return -1;
        }
        if (code->size < 8 && x > ((1ULL << (code->size * 8)) - 1)) {
            return pack_range_error(st, code->code, code->size, false);
        }
        bits = x;
    }
    store_uint(p, bits, code->size, little);
    return 0;
}

/* Pack args (nargs of them) into buf (so->size bytes, already zeroed). */
static int pack_into_buffer(struct_module_state *st, PyStructObject *so, PyObject *const *args,
                            Py_ssize_t nargs, unsigned char *buf, const char *caller)
{
    if (nargs != so->len) {
        PyErr_Format(st->error, "%s expected %zd items for packing (got %zd)", caller,
                     so->len, nargs);
        return -1;
    }
    for (Py_ssize_t i = 0; i < so->len; i++) {
        if (pack_one(st, so, &so->codes[i], args[i], buf + so->codes[i].offset) < 0) {
            /* As CPython: an int that overflows a conversion (e.g. to a half float or
             * a pointer) reports struct.error. */
            if (PyLong_Check(args[i]) && PyErr_ExceptionMatches(PyExc_OverflowError)) {
                PyErr_SetString(st->error, "int too large to convert");
            }
            return -1;
        }
    }
    return 0;
}

/* ---- unpacking ----------------------------------------------------------------------------- */

static PyObject *unpack_one(PyStructObject *so, formatcode *code, const unsigned char *p)
{
    int little = so->byteorder == '<';
    switch (code->code) {
    case 'c':
        return PyBytes_FromStringAndSize((const char *)p, 1);
    case '?':
        return PyBool_FromLong(*p != 0);
    case 's':
        return PyBytes_FromStringAndSize((const char *)p, code->size);
    case 'p': {
        Py_ssize_t n = code->size > 0 ? p[0] : 0;
        if (n >= code->size) {
            n = code->size - 1;
        }
        if (n < 0) {
            n = 0;
        }
        return PyBytes_FromStringAndSize((const char *)p + 1, n);
    }
    case 'e':
        return PyFloat_FromDouble(PyFloat_Unpack2((const char *)p, little));
    case 'f':
        if (so->native) {
            float f;
            memcpy(&f, p, sizeof(f));
            return PyFloat_FromDouble(f);
        }
        return PyFloat_FromDouble(PyFloat_Unpack4((const char *)p, little));
    case 'd':
        if (so->native) {
            double d;
            memcpy(&d, p, sizeof(d));
            return PyFloat_FromDouble(d);
        }
        return PyFloat_FromDouble(PyFloat_Unpack8((const char *)p, little));
    case 'P': {
        void *ptr;
        memcpy(&ptr, p, sizeof(ptr));
        return PyLong_FromVoidPtr(ptr);
    }
    default:
        break;
    }
    unsigned long long bits = load_uint(p, code->size, little);
    bool is_signed = code->code == 'b' || code->code == 'h' || code->code == 'i' ||
                     code->code == 'l' || code->code == 'q' || code->code == 'n';
    if (is_signed) {
        if (code->size < 8 && (bits & (1ULL << (code->size * 8 - 1)))) {
            bits |= ~0ULL << (code->size * 8);
        }
        return PyLong_FromLongLong((long long)bits);
    }
    return PyLong_FromUnsignedLongLong(bits);
}

static PyObject *unpack_buffer(PyStructObject *so, const unsigned char *buf)
{
    PyObject *result = PyTuple_New(so->len);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < so->len; i++) {
        PyObject *v = unpack_one(so, &so->codes[i], buf + so->codes[i].offset);
        if (v == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, v);
    }
    return result;
}

/* ---- the Struct type ----------------------------------------------------------------------- */

static PyObject *Struct_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyStructObject *self = (PyStructObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->format = PyUnicode_FromString("");
    self->codes = NULL;
    self->size = 0;
    self->len = 0;
    self->byteorder = '<';
    self->native = true;
    self->weakreflist = NULL;
    self->users = 0;
    self->reinit = 0;
    if (self->format == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static int Struct_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"format", NULL};
    PyObject *format;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Struct", kwlist, &format)) {
        return -1;
    }
    if (PyBytes_Check(format)) {
        format = PyUnicode_DecodeASCII(PyBytes_AS_STRING(format), PyBytes_GET_SIZE(format),
                                       NULL);
        if (format == NULL) {
            return -1;
        }
    }
    else if (PyUnicode_Check(format)) {
        Py_INCREF(format);
    }
    else {
        PyErr_Format(PyExc_TypeError,
                     "Struct() argument 1 must be a str or bytes object, not %.200s",
                     Py_TYPE(format)->tp_name);
        return -1;
    }
    PyStructObject *self = (PyStructObject *)op;
    struct_module_state *st = find_state_by_type(Py_TYPE(op));
    if (st == NULL) {
        Py_DECREF(format);
        return -1;
    }
    int expected = 0;
    if (!_Py_atomic_compare_exchange_int(&self->reinit, &expected, 1)) {
        Py_DECREF(format);
        PyErr_SetString(PyExc_RuntimeError, "Struct is being initialized by another thread");
        return -1;
    }
    if (_Py_atomic_load_ssize(&self->users) > 0) {
        _Py_atomic_store_int(&self->reinit, 0);
        Py_DECREF(format);
        PyErr_SetString(PyExc_RuntimeError, "cannot re-initialize a Struct while it is in use");
        return -1;
    }
    Py_XSETREF(self->format, format);
    int res = struct_compile(self, st);
    _Py_atomic_store_int(&self->reinit, 0);
    return res;
}

static int Struct_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(op));
    return 0;
}

static void Struct_dealloc(PyObject *op)
{
    PyStructObject *self = (PyStructObject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    PyMem_Free(self->codes);
    Py_XDECREF(self->format);
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyObject *Struct_pack_pinned(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    PyStructObject *so = (PyStructObject *)op;
    struct_module_state *st = find_state_by_type(Py_TYPE(op));
    if (st == NULL) {
        return NULL;
    }
    PyObject *result = PyBytes_FromStringAndSize(NULL, so->size);
    if (result == NULL) {
        return NULL;
    }
    memset(PyBytes_AS_STRING(result), 0, (size_t)so->size);
    if (pack_into_buffer(st, so, args, nargs, (unsigned char *)PyBytes_AS_STRING(result),
                         "pack") <
        0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

STRUCT_PINNED(Struct_pack, PyObject *,
              (PyObject *op, PyObject *const *args, Py_ssize_t nargs),
              (op, args, nargs))

static PyObject *Struct_pack_into_pinned(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    PyStructObject *so = (PyStructObject *)op;
    struct_module_state *st = find_state_by_type(Py_TYPE(op));
    if (st == NULL) {
        return NULL;
    }
    if (nargs < 2) {
        if (nargs == 0) {
            PyErr_SetString(st->error, "pack_into expected buffer argument");
        }
        else {
            PyErr_SetString(st->error, "pack_into expected offset argument");
        }
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(args[0], &view, PyBUF_WRITABLE) < 0) {
        if (PyErr_ExceptionMatches(PyExc_BufferError)
            || PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError,
                         "argument must be read-write bytes-like object, not %.200s",
                         Py_TYPE(args[0])->tp_name);
        }
        return NULL;
    }
    Py_ssize_t offset = PyNumber_AsSsize_t(args[1], PyExc_IndexError);
    if (offset == -1 && PyErr_Occurred()) {
        PyBuffer_Release(&view);
        return NULL;
    }
    if (offset < 0) {
        if (offset + so->size > 0) {
            PyErr_Format(st->error, "no space to pack %zd bytes at offset %zd", so->size,
                         offset);
            PyBuffer_Release(&view);
            return NULL;
        }
        if (offset + view.len < 0) {
            PyErr_Format(st->error, "offset %zd out of range for %zd-byte buffer", offset,
                         view.len);
            PyBuffer_Release(&view);
            return NULL;
        }
        offset += view.len;
    }
    if (view.len - offset < so->size) {
        PyErr_Format(st->error, "pack_into requires a buffer of at least %zd bytes for "
                                "packing %zd bytes at offset %zd (actual buffer size is "
                                "%zd)",
                     so->size + offset, so->size, offset, view.len);
        PyBuffer_Release(&view);
        return NULL;
    }
    unsigned char *tmp = PyMem_Malloc(so->size ? (size_t)so->size : 1);
    if (tmp == NULL) {
        PyBuffer_Release(&view);
        return PyErr_NoMemory();
    }
    memcpy(tmp, (char *)view.buf + offset, (size_t)so->size);
    int rc = pack_into_buffer(st, so, args + 2, nargs - 2, tmp, "pack_into");
    if (rc == 0) {
        memcpy((char *)view.buf + offset, tmp, (size_t)so->size);
    }
    PyMem_Free(tmp);
    PyBuffer_Release(&view);
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

STRUCT_PINNED(Struct_pack_into, PyObject *,
              (PyObject *op, PyObject *const *args, Py_ssize_t nargs),
              (op, args, nargs))

static PyObject *Struct_unpack_pinned(PyObject *op, PyObject *buffer)
{
    PyStructObject *so = (PyStructObject *)op;
    struct_module_state *st = find_state_by_type(Py_TYPE(op));
    if (st == NULL) {
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(buffer, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    if (view.len != so->size) {
        PyErr_Format(st->error, "unpack requires a buffer of %zd bytes", so->size);
        PyBuffer_Release(&view);
        return NULL;
    }
    PyObject *result = unpack_buffer(so, view.buf);
    PyBuffer_Release(&view);
    return result;
}

STRUCT_PINNED(Struct_unpack, PyObject *, (PyObject *op, PyObject *buffer), (op, buffer))

static PyObject *Struct_unpack_from_pinned(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"buffer", "offset", NULL};
    PyObject *buffer;
    Py_ssize_t offset = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|n:unpack_from", kwlist, &buffer,
                                     &offset)) {
        return NULL;
    }
    PyStructObject *so = (PyStructObject *)op;
    struct_module_state *st = find_state_by_type(Py_TYPE(op));
    if (st == NULL) {
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(buffer, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    if (offset < 0) {
        if (offset + view.len < 0) {
            PyErr_Format(st->error, "offset %zd out of range for %zd-byte buffer", offset,
                         view.len);
            PyBuffer_Release(&view);
            return NULL;
        }
        offset += view.len;
    }
    if (view.len - offset < so->size) {
        PyErr_Format(st->error, "unpack_from requires a buffer of at least %zd bytes for "
                                "unpacking %zd bytes at offset %zd (actual buffer size is "
                                "%zd)",
                     so->size + offset, so->size, offset, view.len);
        PyBuffer_Release(&view);
        return NULL;
    }
    PyObject *result = unpack_buffer(so, (unsigned char *)view.buf + offset);
    PyBuffer_Release(&view);
    return result;
}

STRUCT_PINNED(Struct_unpack_from, PyObject *,
              (PyObject *op, PyObject *args, PyObject *kwds),
              (op, args, kwds))

/* iter_unpack: an iterator over consecutive structs in a buffer. */
typedef struct {
    PyObject_HEAD
    PyStructObject *so;
    Py_buffer buf;
    Py_ssize_t index;
} unpackiterobject;

static int unpackiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    unpackiterobject *it = (unpackiterobject *)op;
    Py_VISIT(Py_TYPE(op));
    Py_VISIT(it->so);
    Py_VISIT(it->buf.obj);
    return 0;
}

static void unpackiter_dealloc(PyObject *op)
{
    unpackiterobject *it = (unpackiterobject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    Py_XDECREF(it->so);
    if (it->buf.obj != NULL) {
        PyBuffer_Release(&it->buf);
    }
    PyObject_GC_Del(op);
    Py_DECREF(tp);
}

static PyObject *unpackiter_next(PyObject *op)
{
    unpackiterobject *it = (unpackiterobject *)op;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (it->so != NULL && it->buf.obj != NULL && it->index < it->buf.len) {
        struct_pin(it->so);
        /* A re-initialisation may have changed the size: never read past the buffer. */
        if (it->buf.len - it->index >= it->so->size && it->so->size > 0) {
            result = unpack_buffer(it->so, (unsigned char *)it->buf.buf + it->index);
            it->index += it->so->size;
        }
        struct_unpin(it->so);
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *unpackiter_length_hint(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    unpackiterobject *it = (unpackiterobject *)op;
    Py_ssize_t n = 0;
    Py_BEGIN_CRITICAL_SECTION(op);
    if (it->so != NULL) {
        struct_pin(it->so);
        if (it->so->size > 0) {
            n = (it->buf.len - it->index) / it->so->size;
        }
        struct_unpin(it->so);
    }
    Py_END_CRITICAL_SECTION();
    return PyLong_FromSsize_t(n);
}

static PyMethodDef unpackiter_methods[] = {
    {"__length_hint__", unpackiter_length_hint, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot unpackiter_slots[] = {
    {Py_tp_dealloc, unpackiter_dealloc},
    {Py_tp_getattro, PyObject_GenericGetAttr},
    {Py_tp_traverse, unpackiter_traverse},
    {Py_tp_iter, PyObject_SelfIter},
    {Py_tp_iternext, unpackiter_next},
    {Py_tp_methods, unpackiter_methods},
    {0, NULL},
};

static PyType_Spec unpackiter_spec = {
    .name = "_struct.unpack_iterator",
    .basicsize = sizeof(unpackiterobject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE |
             Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = unpackiter_slots,
};

static PyObject *Struct_iter_unpack_pinned(PyObject *op, PyObject *buffer)
{
    PyStructObject *so = (PyStructObject *)op;
    struct_module_state *st = find_state_by_type(Py_TYPE(op));
    if (st == NULL) {
        return NULL;
    }
    if (so->size == 0) {
        PyErr_Format(st->error, "cannot iteratively unpack with a struct of length 0");
        return NULL;
    }
    unpackiterobject *it = PyObject_GC_New(unpackiterobject, st->unpackiter_type);
    if (it == NULL) {
        return NULL;
    }
    it->so = NULL;
    it->buf.obj = NULL;
    it->index = 0;
    if (PyObject_GetBuffer(buffer, &it->buf, PyBUF_SIMPLE) < 0) {
        it->buf.obj = NULL;
        Py_DECREF(it);
        return NULL;
    }
    if (it->buf.len % so->size != 0) {
        PyErr_Format(st->error, "iterative unpacking requires a buffer of a multiple of %zd "
                                "bytes",
                     so->size);
        Py_DECREF(it);
        return NULL;
    }
    it->so = (PyStructObject *)Py_NewRef(op);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

STRUCT_PINNED(Struct_iter_unpack, PyObject *, (PyObject *op, PyObject *buffer), (op, buffer))

static PyObject *Struct_sizeof_pinned(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyStructObject *so = (PyStructObject *)op;
    size_t size = (size_t)Py_TYPE(op)->tp_basicsize + sizeof(formatcode) * (size_t)(so->len + 1);
    return PyLong_FromSize_t(size);
}

STRUCT_PINNED(Struct_sizeof, PyObject *, (PyObject *op, PyObject *ignored), (op, ignored))

static PyObject *Struct_get_format_pinned(PyObject *op, void *Py_UNUSED(closure))
{
    return Py_NewRef(((PyStructObject *)op)->format);
}

STRUCT_PINNED(Struct_get_format, PyObject *, (PyObject *op, void *closure), (op, closure))

static PyObject *Struct_get_size_pinned(PyObject *op, void *Py_UNUSED(closure))
{
    return PyLong_FromSsize_t(((PyStructObject *)op)->size);
}

STRUCT_PINNED(Struct_get_size, PyObject *, (PyObject *op, void *closure), (op, closure))

static PyObject *Struct_repr_pinned(PyObject *op)
{
    /* The type's short name, so that subclasses show their own. */
    const char *name = Py_TYPE(op)->tp_name;
    const char *dot = strrchr(name, '.');
    return PyUnicode_FromFormat("%s(%R)", dot != NULL ? dot + 1 : name,
                                ((PyStructObject *)op)->format);
}

STRUCT_PINNED(Struct_repr, PyObject *, (PyObject *op), (op))

/* A compiled Struct has C-level state that object.__reduce_ex__ cannot save: refuse to
 * pickle or copy it, as CPython does (instead of producing an empty Struct). */
static PyObject *Struct_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyErr_Format(PyExc_TypeError, "cannot pickle '%.200s' object", Py_TYPE(op)->tp_name);
    return NULL;
}

static PyMethodDef Struct_methods[] = {
    {"__reduce__", Struct_reduce, METH_NOARGS, NULL},
    {"iter_unpack", Struct_iter_unpack, METH_O,
     "Return an iterator yielding tuples unpacked from the buffer."},
    {"pack", _PyCFunction_CAST(Struct_pack), METH_FASTCALL,
     "S.pack(v1, v2, ...) -> bytes\n\nReturn a bytes object containing values v1, v2, ... "
     "packed according to the format string S.format."},
    {"pack_into", _PyCFunction_CAST(Struct_pack_into), METH_FASTCALL,
     "S.pack_into(buffer, offset, v1, v2, ...)\n\nPack the values into the writable buffer "
     "starting at offset."},
    {"unpack", Struct_unpack, METH_O,
     "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from", _PyCFunction_CAST(Struct_unpack_from), METH_VARARGS | METH_KEYWORDS,
     "Return a tuple containing values unpacked according to the format string, starting "
     "at offset."},
    {"__sizeof__", Struct_sizeof, METH_NOARGS, "S.__sizeof__() -> size of S in memory, in "
                                               "bytes"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef Struct_getset[] = {
    {"format", Struct_get_format, NULL, "struct format string", NULL},
    {"size", Struct_get_size, NULL, "struct size in bytes", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef Struct_members[] = {
    {"__weaklistoffset__", Py_T_PYSSIZET, offsetof(PyStructObject, weakreflist), Py_READONLY},
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot Struct_slots[] = {
    {Py_tp_dealloc, Struct_dealloc},
    {Py_tp_repr, Struct_repr},
    {Py_tp_getattro, PyObject_GenericGetAttr},
    {Py_tp_setattro, PyObject_GenericSetAttr},
    {Py_tp_doc, "Struct(fmt) --> compiled struct object\n\n"},
    {Py_tp_traverse, Struct_traverse},
    {Py_tp_methods, Struct_methods},
    {Py_tp_members, Struct_members},
    {Py_tp_getset, Struct_getset},
    {Py_tp_init, Struct_init},
    {Py_tp_alloc, PyType_GenericAlloc},
    {Py_tp_new, Struct_new},
    {Py_tp_free, PyObject_GC_Del},
    {0, NULL},
};

static PyType_Spec Struct_spec = {
    .name = "_struct.Struct",
    .basicsize = sizeof(PyStructObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC |
             Py_TPFLAGS_IMMUTABLETYPE,
    .slots = Struct_slots,
};

/* ---- module functions (through the Struct cache) ------------------------------------------ */

#define MAXCACHE 100

/* Return a new reference to the compiled Struct for format. */
static PyObject *cache_struct(PyObject *module, PyObject *format)
{
    struct_module_state *st = get_struct_state(module);
    PyObject *s;
    if (PyDict_GetItemRef(st->cache, format, &s) < 0) {
        return NULL;
    }
    if (s != NULL) {
        return s;
    }
    s = PyObject_CallOneArg((PyObject *)st->struct_type, format);
    if (s == NULL) {
        return NULL;
    }
    if (PyDict_GET_SIZE(st->cache) >= MAXCACHE) {
        PyDict_Clear(st->cache);
    }
    if (PyDict_SetItem(st->cache, format, s) < 0) {
        Py_DECREF(s);
        return NULL;
    }
    return s;
}

static PyObject *struct_clearcache(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyDict_Clear(get_struct_state(module)->cache);
    Py_RETURN_NONE;
}

static PyObject *struct_calcsize(PyObject *module, PyObject *format)
{
    PyObject *s = cache_struct(module, format);
    if (s == NULL) {
        return NULL;
    }
    Py_ssize_t n = ((PyStructObject *)s)->size;
    Py_DECREF(s);
    return PyLong_FromSsize_t(n);
}

static PyObject *struct_pack(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0) {
        PyErr_SetString(PyExc_TypeError, "missing format argument");
        return NULL;
    }
    PyObject *s = cache_struct(module, args[0]);
    if (s == NULL) {
        return NULL;
    }
    PyObject *result = Struct_pack(s, args + 1, nargs - 1);
    Py_DECREF(s);
    return result;
}

static PyObject *struct_pack_into(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0) {
        PyErr_SetString(PyExc_TypeError, "missing format argument");
        return NULL;
    }
    PyObject *s = cache_struct(module, args[0]);
    if (s == NULL) {
        return NULL;
    }
    PyObject *result = Struct_pack_into(s, args + 1, nargs - 1);
    Py_DECREF(s);
    return result;
}

static PyObject *struct_unpack(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("unpack", nargs, 2, 2)) {
        return NULL;
    }
    PyObject *s = cache_struct(module, args[0]);
    if (s == NULL) {
        return NULL;
    }
    PyObject *result = Struct_unpack(s, args[1]);
    Py_DECREF(s);
    return result;
}

static PyObject *struct_unpack_from(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"format", "buffer", "offset", NULL};
    PyObject *format, *buffer, *offset = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|O:unpack_from", kwlist, &format, &buffer,
                                     &offset)) {
        return NULL;
    }
    PyObject *s = cache_struct(module, format);
    if (s == NULL) {
        return NULL;
    }
    PyObject *rest = offset ? PyTuple_Pack(2, buffer, offset) : PyTuple_Pack(1, buffer);
    PyObject *result = rest ? Struct_unpack_from(s, rest, NULL) : NULL;
    Py_XDECREF(rest);
    Py_DECREF(s);
    return result;
}

static PyObject *struct_iter_unpack(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("iter_unpack", nargs, 2, 2)) {
        return NULL;
    }
    PyObject *s = cache_struct(module, args[0]);
    if (s == NULL) {
        return NULL;
    }
    PyObject *result = Struct_iter_unpack(s, args[1]);
    Py_DECREF(s);
    return result;
}

static PyMethodDef struct_methods[] = {
    {"_clearcache", struct_clearcache, METH_NOARGS, "Clear the internal cache."},
    {"calcsize", struct_calcsize, METH_O, "Return size in bytes of the struct described by "
                                          "the format string."},
    {"iter_unpack", _PyCFunction_CAST(struct_iter_unpack), METH_FASTCALL,
     "Return an iterator yielding tuples unpacked from the buffer."},
    {"pack", _PyCFunction_CAST(struct_pack), METH_FASTCALL,
     "pack(format, v1, v2, ...) -> bytes\n\nReturn a bytes object containing the values "
     "packed according to the format string."},
    {"pack_into", _PyCFunction_CAST(struct_pack_into), METH_FASTCALL,
     "pack_into(format, buffer, offset, v1, v2, ...)\n\nPack the values into the writable "
     "buffer starting at offset."},
    {"unpack", _PyCFunction_CAST(struct_unpack), METH_FASTCALL,
     "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from", _PyCFunction_CAST(struct_unpack_from), METH_VARARGS | METH_KEYWORDS,
     "Return a tuple containing values unpacked according to the format string, starting "
     "at offset."},
    {NULL, NULL, 0, NULL},
};

static int struct_exec(PyObject *module)
{
    struct_module_state *st = get_struct_state(module);
    st->struct_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &Struct_spec, NULL);
    st->unpackiter_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &unpackiter_spec,
                                                                   NULL);
    st->cache = PyDict_New();
    st->error = PyErr_NewException("struct.error", NULL, NULL);
    if (st->struct_type == NULL || st->unpackiter_type == NULL || st->cache == NULL ||
        st->error == NULL) {
        return -1;
    }
    if (PyModule_AddType(module, st->struct_type) < 0 ||
        PyModule_AddObjectRef(module, "error", st->error) < 0) {
        return -1;
    }
    return 0;
}

static int struct_traverse(PyObject *module, visitproc visit, void *arg)
{
    struct_module_state *st = get_struct_state(module);
    Py_VISIT(st->struct_type);
    Py_VISIT(st->unpackiter_type);
    Py_VISIT(st->cache);
    Py_VISIT(st->error);
    return 0;
}

static int struct_clear(PyObject *module)
{
    struct_module_state *st = get_struct_state(module);
    Py_CLEAR(st->struct_type);
    Py_CLEAR(st->unpackiter_type);
    Py_CLEAR(st->cache);
    Py_CLEAR(st->error);
    return 0;
}

static void struct_free(void *module)
{
    struct_clear((PyObject *)module);
}

static PyModuleDef_Slot struct_slots[] = {
    {Py_mod_exec, struct_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef structmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_struct",
    .m_doc = "Functions to convert between Python values and C structs.\n"
             "Python bytes objects are used to hold the data representing the C struct\n"
             "and also as format strings (explained below) to describe the layout of data\n"
             "in the C struct.",
    .m_size = sizeof(struct_module_state),
    .m_methods = struct_methods,
    .m_slots = struct_slots,
    .m_traverse = struct_traverse,
    .m_clear = struct_clear,
    .m_free = struct_free,
};

PyMODINIT_FUNC
PyInit__struct(void)
{
    return PyModuleDef_Init(&structmodule);
}
