/* bytes: an immutable byte string.  ob_sval holds ob_size bytes followed by a NUL; ob_shash
 * caches the hash (-1 until computed).  The empty bytes and the 256 one-byte strings are
 * immortal singletons, created on first use.
 *
 * The str-like methods shared with bytearray are in stringlib/bytes_methods.h.  A bytes
 * object is immutable once returned, so readers need no lock; the hash is a relaxed atomic
 * (every thread computes the same value). */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_bytesobject.h"
#include "pycore_pyatomic_ft_wrappers.h"
#include "pycore_typeobject.h"
#include "stringlib/bytes_methods.h"

#ifndef PyDoc_STRVAR
#  define PyDoc_STRVAR(name, str) static const char name[] = str
#endif

#define BYTES_HEADER_SIZE (offsetof(PyBytesObject, ob_sval) + 1)

/* ---- byte builder -------------------------------------------------------------------------- */

int
_PyByteBuilder_Init(_PyByteBuilder *b, Py_ssize_t hint)
{
    b->len = 0;
    b->alloc = hint > 16 ? hint : 16;
    b->buf = PyMem_Malloc((size_t)b->alloc);
    if (b->buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static int
builder_grow(_PyByteBuilder *b, Py_ssize_t extra)
{
    if (extra > PY_SSIZE_T_MAX - b->len) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t need = b->len + extra;
    if (need <= b->alloc) {
        return 0;
    }
    Py_ssize_t newalloc = b->alloc + b->alloc / 2;
    if (newalloc < need) {
        newalloc = need;
    }
    char *nb = PyMem_Realloc(b->buf, (size_t)newalloc);
    if (nb == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->buf = nb;
    b->alloc = newalloc;
    return 0;
}

int
_PyByteBuilder_Write(_PyByteBuilder *b, const void *p, Py_ssize_t n)
{
    if (n <= 0) {
        return 0;
    }
    if (builder_grow(b, n) < 0) {
        return -1;
    }
    memcpy(b->buf + b->len, p, (size_t)n);
    b->len += n;
    return 0;
}

int
_PyByteBuilder_WriteByte(_PyByteBuilder *b, int c)
{
    if (b->len >= b->alloc && builder_grow(b, 1) < 0) {
        return -1;
    }
    b->buf[b->len++] = (char)c;
    return 0;
}

PyObject *
_PyByteBuilder_Finish(_PyByteBuilder *b, int as_bytearray)
{
    PyObject *res = as_bytearray ? PyByteArray_FromStringAndSize(b->buf, b->len)
                                 : PyBytes_FromStringAndSize(b->buf, b->len);
    PyMem_Free(b->buf);
    b->buf = NULL;
    return res;
}

void
_PyByteBuilder_Dealloc(_PyByteBuilder *b)
{
    PyMem_Free(b->buf);
    b->buf = NULL;
}

/* ---- singletons and allocation ------------------------------------------------------------- */

static struct {
    PyVarObject ob_base;
    Py_hash_t ob_shash;
    char ob_sval[1];
} bytes_empty_struct = {
    PyVarObject_HEAD_INIT(&PyBytes_Type, 0) 0, {0},
};
#define bytes_empty ((PyObject *)&bytes_empty_struct)

/* Written once each with a compare-and-swap; the objects are immortal. */
static PyObject *bytes_chars[256];

PyObject *
_PyBytes_FromSize(Py_ssize_t size, int use_calloc)
{
    if (size == 0) {
        return bytes_empty;
    }
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
        return NULL;
    }
    if ((size_t)size > (size_t)PY_SSIZE_T_MAX - BYTES_HEADER_SIZE) {
        PyErr_SetString(PyExc_OverflowError, "byte string is too large");
        return NULL;
    }
    PyBytesObject *op = use_calloc ? PyObject_Calloc(1, BYTES_HEADER_SIZE + (size_t)size)
                                   : PyObject_Malloc(BYTES_HEADER_SIZE + (size_t)size);
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    PyObject_InitVar((PyVarObject *)op, &PyBytes_Type, size);
    op->ob_shash = -1;
    op->ob_sval[size] = '\0';
    return (PyObject *)op;
}

static PyObject *
bytes_char(unsigned char c)
{
    PyObject *s = _Py_atomic_load_ptr_acquire((const void **)&bytes_chars[c]);
    if (s != NULL) {
        return s;
    }
    s = _PyBytes_FromSize(1, 0);
    if (s == NULL) {
        return NULL;
    }
    PyBytes_AS_STRING(s)[0] = (char)c;
    _Py_SetImmortal(s);
    void *expected = NULL;
    if (!_Py_atomic_compare_exchange_ptr((void **)&bytes_chars[c], &expected, s)) {
        PyObject_Free(s);
        return expected;
    }
    return s;
}

PyObject *
PyBytes_FromStringAndSize(const char *str, Py_ssize_t size)
{
    if (size == 1 && str != NULL) {
        return bytes_char((unsigned char)*str);
    }
    PyObject *op = _PyBytes_FromSize(size, 0);
    if (op == NULL || str == NULL || size == 0) {
        return op;
    }
    memcpy(PyBytes_AS_STRING(op), str, (size_t)size);
    return op;
}

PyObject *
PyBytes_FromString(const char *str)
{
    size_t size = strlen(str);
    if (size > (size_t)PY_SSIZE_T_MAX - BYTES_HEADER_SIZE) {
        PyErr_SetString(PyExc_OverflowError, "byte string is too long");
        return NULL;
    }
    return PyBytes_FromStringAndSize(str, (Py_ssize_t)size);
}

Py_ssize_t
PyBytes_Size(PyObject *op)
{
    if (!PyBytes_Check(op)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", Py_TYPE(op)->tp_name);
        return -1;
    }
    return Py_SIZE(op);
}

char *
PyBytes_AsString(PyObject *op)
{
    if (!PyBytes_Check(op)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", Py_TYPE(op)->tp_name);
        return NULL;
    }
    return PyBytes_AS_STRING(op);
}

int
PyBytes_AsStringAndSize(PyObject *obj, char **s, Py_ssize_t *len)
{
    if (s == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!PyBytes_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", Py_TYPE(obj)->tp_name);
        return -1;
    }
    *s = PyBytes_AS_STRING(obj);
    if (len != NULL) {
        *len = PyBytes_GET_SIZE(obj);
    }
    else if (strlen(*s) != (size_t)PyBytes_GET_SIZE(obj)) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        return -1;
    }
    return 0;
}

int
_PyBytes_Resize(PyObject **pv, Py_ssize_t newsize)
{
    PyObject *v = *pv;
    if (!PyBytes_Check(v) || newsize < 0) {
        *pv = NULL;
        Py_XDECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t oldsize = PyBytes_GET_SIZE(v);
    if (oldsize == newsize) {
        return 0;
    }
    if (oldsize == 0 || _Py_IsImmortal(v)) {
        *pv = _PyBytes_FromSize(newsize, 0);
        if (*pv == NULL) {
            return -1;
        }
        memcpy(PyBytes_AS_STRING(*pv), PyBytes_AS_STRING(v), (size_t)Py_MIN(oldsize, newsize));
        return 0;
    }
    if (newsize == 0) {
        *pv = bytes_empty;
        Py_DECREF(v);
        return 0;
    }
    if (Py_REFCNT(v) != 1) {
        *pv = NULL;
        Py_DECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject *nv = PyObject_Realloc(v, BYTES_HEADER_SIZE + (size_t)newsize);
    if (nv == NULL) {
        *pv = NULL;
        PyObject_Free(v);
        PyErr_NoMemory();
        return -1;
    }
    Py_SET_SIZE(nv, newsize);
    PyBytes_AS_STRING(nv)[newsize] = '\0';
    _PyBytes_CAST(nv)->ob_shash = -1;
    *pv = nv;
    return 0;
}

/* ---- concatenation ------------------------------------------------------------------------- */

static PyObject *
bytes_concat(PyObject *a, PyObject *b)
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
    if (va.len == 0 && PyBytes_CheckExact(b)) {
        res = Py_NewRef(b);
    }
    else if (vb.len == 0 && PyBytes_CheckExact(a)) {
        res = Py_NewRef(a);
    }
    else if (va.len > PY_SSIZE_T_MAX - vb.len) {
        PyErr_NoMemory();
    }
    else {
        res = _PyBytes_FromSize(va.len + vb.len, 0);
        if (res != NULL) {
            memcpy(PyBytes_AS_STRING(res), va.buf, (size_t)va.len);
            memcpy(PyBytes_AS_STRING(res) + va.len, vb.buf, (size_t)vb.len);
        }
    }
    PyBuffer_Release(&va);
    PyBuffer_Release(&vb);
    return res;
}

void
PyBytes_Concat(PyObject **pv, PyObject *w)
{
    if (*pv == NULL) {
        return;
    }
    if (w == NULL) {
        Py_CLEAR(*pv);
        return;
    }
    PyObject *res = bytes_concat(*pv, w);
    Py_SETREF(*pv, res);
}

void
PyBytes_ConcatAndDel(PyObject **pv, PyObject *w)
{
    PyBytes_Concat(pv, w);
    Py_XDECREF(w);
}

PyObject *
_PyBytes_Repeat(PyObject *self, Py_ssize_t n)
{
    Py_ssize_t len = Py_SIZE(self);
    if (n < 0) {
        n = 0;
    }
    if (n == 1 && PyBytes_CheckExact(self)) {
        return Py_NewRef(self);
    }
    if (len && n > PY_SSIZE_T_MAX / len) {
        PyErr_SetString(PyExc_OverflowError, "repeated bytes are too long");
        return NULL;
    }
    Py_ssize_t total = len * n;
    PyObject *res = _PyBytes_FromSize(total, 0);
    if (res == NULL || total == 0) {
        return res;
    }
    char *d = PyBytes_AS_STRING(res);
    if (len == 1) {
        memset(d, PyBytes_AS_STRING(self)[0], (size_t)total);
        return res;
    }
    memcpy(d, PyBytes_AS_STRING(self), (size_t)len);
    Py_ssize_t done = len;
    while (done < total) {
        Py_ssize_t step = Py_MIN(done, total - done);
        memcpy(d + done, d, (size_t)step);
        done += step;
    }
    return res;
}

static PyObject *
bytes_repeat(PyObject *self, Py_ssize_t n)
{
    return _PyBytes_Repeat(self, n);
}

PyObject *
PyBytes_Join(PyObject *sep, PyObject *iterable)
{
    return bm_join(sep, iterable);
}

PyObject *
_PyBytes_Join(PyObject *sep, PyObject *iterable)
{
    return bm_join(sep, iterable);
}

/* ---- repr and hex -------------------------------------------------------------------------- */

PyObject *
_PyBytes_ReprBuffer(const char *s, Py_ssize_t len, int smartquotes)
{
    int squote = 0, dquote = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (s[i] == '\'') {
            squote = 1;
        }
        else if (s[i] == '"') {
            dquote = 1;
        }
    }
    char quote = (smartquotes && squote && !dquote) ? '"' : '\'';
    _PyByteBuilder b;
    if (_PyByteBuilder_Init(&b, len + 3) < 0) {
        return NULL;
    }
    static const char hexdigits[] = "0123456789abcdef";
    int r = _PyByteBuilder_WriteByte(&b, 'b');
    r |= _PyByteBuilder_WriteByte(&b, quote);
    for (Py_ssize_t i = 0; i < len && r == 0; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == quote || c == '\\') {
            r |= _PyByteBuilder_WriteByte(&b, '\\');
            r |= _PyByteBuilder_WriteByte(&b, c);
        }
        else if (c == '\t') {
            r |= _PyByteBuilder_Write(&b, "\\t", 2);
        }
        else if (c == '\n') {
            r |= _PyByteBuilder_Write(&b, "\\n", 2);
        }
        else if (c == '\r') {
            r |= _PyByteBuilder_Write(&b, "\\r", 2);
        }
        else if (c < ' ' || c >= 0x7f) {
            char esc[4] = {'\\', 'x', hexdigits[c >> 4], hexdigits[c & 15]};
            r |= _PyByteBuilder_Write(&b, esc, 4);
        }
        else {
            r |= _PyByteBuilder_WriteByte(&b, c);
        }
    }
    r |= _PyByteBuilder_WriteByte(&b, quote);
    if (r != 0) {
        _PyByteBuilder_Dealloc(&b);
        return NULL;
    }
    PyObject *res = _PyUnicode_FromASCII(b.buf, b.len);
    _PyByteBuilder_Dealloc(&b);
    return res;
}

PyObject *
PyBytes_Repr(PyObject *obj, int smartquotes)
{
    return _PyBytes_ReprBuffer(PyBytes_AS_STRING(obj), PyBytes_GET_SIZE(obj), smartquotes);
}

static PyObject *
bytes_repr(PyObject *self)
{
    return PyBytes_Repr(self, 1);
}

static PyObject *
bytes_str(PyObject *self)
{
    /* -b warnings are not implemented; str(b) is repr(b). */
    return bytes_repr(self);
}

PyObject *
_Py_strhex_with_sep(const char *s, Py_ssize_t len, PyObject *sep, int bytes_per_sep)
{
    static const char hexdigits[] = "0123456789abcdef";
    char sepchar = 0;
    if (sep != NULL && sep != Py_None) {
        Py_ssize_t seplen;
        if (PyUnicode_Check(sep)) {
            if (PyUnicode_GET_LENGTH(sep) != 1) {
                PyErr_SetString(PyExc_ValueError, "sep must be length 1.");
                return NULL;
            }
            Py_UCS4 c = PyUnicode_READ_CHAR(sep, 0);
            if (c >= 128) {
                PyErr_SetString(PyExc_ValueError, "sep must be ASCII.");
                return NULL;
            }
            sepchar = (char)c;
        }
        else if (PyBytes_Check(sep)) {
            seplen = PyBytes_GET_SIZE(sep);
            if (seplen != 1) {
                PyErr_SetString(PyExc_ValueError, "sep must be length 1.");
                return NULL;
            }
            sepchar = PyBytes_AS_STRING(sep)[0];
            if ((unsigned char)sepchar >= 128) {
                PyErr_SetString(PyExc_ValueError, "sep must be ASCII.");
                return NULL;
            }
        }
        else {
            PyErr_SetString(PyExc_TypeError, "sep must be str or bytes.");
            return NULL;
        }
    }
    else {
        bytes_per_sep = 0;
    }
    if (len == 0) {
        return PyUnicode_New(0, 0);
    }
    Py_ssize_t group = bytes_per_sep < 0 ? -bytes_per_sep : bytes_per_sep;
    Py_ssize_t nseps = (group && sepchar) ? (len - 1) / group : 0;
    Py_ssize_t outlen = len * 2 + nseps;
    PyObject *res = PyUnicode_New(outlen, 127);
    if (res == NULL) {
        return NULL;
    }
    Py_UCS1 *out = PyUnicode_1BYTE_DATA(res);
    Py_ssize_t o = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (nseps && i > 0) {
            /* Groups count from the right for a positive bytes_per_sep. */
            Py_ssize_t k = bytes_per_sep > 0 ? len - i : i;
            if (k % group == 0) {
                out[o++] = (Py_UCS1)sepchar;
            }
        }
        unsigned char c = (unsigned char)s[i];
        out[o++] = (Py_UCS1)hexdigits[c >> 4];
        out[o++] = (Py_UCS1)hexdigits[c & 15];
    }
    return res;
}

PyObject *
_Py_strhex(const char *s, Py_ssize_t len)
{
    return _Py_strhex_with_sep(s, len, NULL, 0);
}

static int
hex_value(Py_UCS4 c)
{
    if (c >= '0' && c <= '9') {
        return (int)(c - '0');
    }
    if (c >= 'a' && c <= 'f') {
        return (int)(c - 'a' + 10);
    }
    if (c >= 'A' && c <= 'F') {
        return (int)(c - 'A' + 10);
    }
    return -1;
}

PyObject *
_PyBytes_FromHex(PyObject *string, int use_bytearray)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(string);
    _PyByteBuilder b;
    if (_PyByteBuilder_Init(&b, len / 2) < 0) {
        return NULL;
    }
    Py_ssize_t i = 0;
    while (i < len) {
        Py_UCS4 c = PyUnicode_READ_CHAR(string, i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            i++;
            continue;
        }
        int hi = hex_value(c);
        if (hi < 0) {
            PyErr_Format(PyExc_ValueError,
                         "non-hexadecimal number found in fromhex() arg at position %zd", i);
            goto error;
        }
        if (i + 1 >= len) {
            PyErr_Format(PyExc_ValueError,
                         "non-hexadecimal number found in fromhex() arg at position %zd", i + 1);
            goto error;
        }
        int lo = hex_value(PyUnicode_READ_CHAR(string, i + 1));
        if (lo < 0) {
            PyErr_Format(PyExc_ValueError,
                         "non-hexadecimal number found in fromhex() arg at position %zd", i + 1);
            goto error;
        }
        if (_PyByteBuilder_WriteByte(&b, hi * 16 + lo) < 0) {
            goto error;
        }
        i += 2;
    }
    return _PyByteBuilder_Finish(&b, use_bytearray);
error:
    _PyByteBuilder_Dealloc(&b);
    return NULL;
}

/* ---- escapes (bytes literals, codecs.escape_decode) ---------------------------------------- */

PyObject *
_PyBytes_DecodeEscape(const char *s, Py_ssize_t len, const char *errors,
                      const char **first_invalid_escape)
{
    _PyByteBuilder b;
    if (first_invalid_escape) {
        *first_invalid_escape = NULL;
    }
    if (_PyByteBuilder_Init(&b, len) < 0) {
        return NULL;
    }
    const char *end = s + len;
    while (s < end) {
        if (*s != '\\') {
            if (_PyByteBuilder_WriteByte(&b, *s++) < 0) {
                goto error;
            }
            continue;
        }
        s++;
        if (s >= end) {
            PyErr_SetString(PyExc_ValueError, "Trailing \\ in string");
            goto error;
        }
        int c;
        switch (*s++) {
        case '\n': continue;
        case '\\': c = '\\'; break;
        case '\'': c = '\''; break;
        case '"': c = '"'; break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 't': c = '\t'; break;
        case 'n': c = '\n'; break;
        case 'r': c = '\r'; break;
        case 'v': c = '\v'; break;
        case 'a': c = '\a'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            c = s[-1] - '0';
            if (s < end && *s >= '0' && *s <= '7') {
                c = (c << 3) + *s++ - '0';
                if (s < end && *s >= '0' && *s <= '7') {
                    c = (c << 3) + *s++ - '0';
                }
            }
            if (c > 0377 && first_invalid_escape && *first_invalid_escape == NULL) {
                *first_invalid_escape = s - 3;
            }
            break;
        case 'x': {
            int hi = s < end ? hex_value((unsigned char)s[0]) : -1;
            int lo = s + 1 < end ? hex_value((unsigned char)s[1]) : -1;
            if (hi < 0 || lo < 0) {
                if (errors == NULL || strcmp(errors, "strict") == 0) {
                    PyErr_Format(PyExc_ValueError, "invalid \\x escape at position %zd",
                                 (Py_ssize_t)(s - 2 - (end - len)));
                    goto error;
                }
                if (strcmp(errors, "replace") == 0) {
                    if (_PyByteBuilder_WriteByte(&b, '?') < 0) {
                        goto error;
                    }
                }
                else if (strcmp(errors, "ignore") != 0) {
                    PyErr_Format(PyExc_ValueError, "decoding error; unknown error handling code: "
                                 "%.400s", errors);
                    goto error;
                }
                if (hi >= 0) {
                    s++;
                }
                continue;
            }
            c = hi * 16 + lo;
            s += 2;
            break;
        }
        default:
            if (first_invalid_escape && *first_invalid_escape == NULL) {
                *first_invalid_escape = s - 1;
            }
            if (_PyByteBuilder_WriteByte(&b, '\\') < 0) {
                goto error;
            }
            s--;
            continue;
        }
        if (_PyByteBuilder_WriteByte(&b, c) < 0) {
            goto error;
        }
    }
    return _PyByteBuilder_Finish(&b, 0);
error:
    _PyByteBuilder_Dealloc(&b);
    return NULL;
}

PyObject *
PyBytes_DecodeEscape(const char *s, Py_ssize_t len, const char *errors,
                     Py_ssize_t Py_UNUSED(unused), const char *Py_UNUSED(recode_encoding))
{
    const char *first_invalid = NULL;
    PyObject *res = _PyBytes_DecodeEscape(s, len, errors, &first_invalid);
    if (res != NULL && first_invalid != NULL) {
        unsigned char c = (unsigned char)*first_invalid;
        int r;
        if (c >= '4' && c <= '7') {
            r = PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                                 "invalid octal escape sequence '\\%.3s'", first_invalid);
        }
        else {
            r = PyErr_WarnFormat(PyExc_DeprecationWarning, 1, "invalid escape sequence '\\%c'",
                                 c);
        }
        if (r < 0) {
            Py_DECREF(res);
            return NULL;
        }
    }
    return res;
}

/* ---- PyBytes_FromFormat -------------------------------------------------------------------- */

PyObject *
PyBytes_FromFormatV(const char *format, va_list vargs)
{
    /* Format through the str formatter, then encode: the format codes %s %d ... agree and
     * the result of a byte format is always Latin-1 representable except %U-like codes,
     * which PyBytes_FromFormat does not support. */
    _PyByteBuilder b;
    if (_PyByteBuilder_Init(&b, (Py_ssize_t)strlen(format) + 16) < 0) {
        return NULL;
    }
    va_list ap;
    va_copy(ap, vargs);
    const char *f = format;
    while (*f) {
        if (*f != '%') {
            if (_PyByteBuilder_WriteByte(&b, *f++) < 0) {
                goto error;
            }
            continue;
        }
        const char *start = f++;
        while (*f && strchr("0123456789.-+ #", *f)) {
            f++;
        }
        int lmod = 0;
        if (*f == 'l') {
            lmod = 1;
            f++;
        }
        else if (*f == 'z') {
            lmod = 2;
            f++;
        }
        char buf[128];
        int n = 0;
        switch (*f) {
        case '%':
            buf[0] = '%';
            n = 1;
            break;
        case 'c':
            buf[0] = (char)va_arg(ap, int);
            n = 1;
            break;
        case 'd': case 'i':
            n = lmod == 1 ? snprintf(buf, sizeof(buf), "%ld", va_arg(ap, long))
                : lmod == 2 ? snprintf(buf, sizeof(buf), "%zd", va_arg(ap, Py_ssize_t))
                            : snprintf(buf, sizeof(buf), "%d", va_arg(ap, int));
            break;
        case 'u':
            n = lmod == 1 ? snprintf(buf, sizeof(buf), "%lu", va_arg(ap, unsigned long))
                : lmod == 2 ? snprintf(buf, sizeof(buf), "%zu", va_arg(ap, size_t))
                            : snprintf(buf, sizeof(buf), "%u", va_arg(ap, unsigned int));
            break;
        case 'x':
            n = snprintf(buf, sizeof(buf), "%x", va_arg(ap, unsigned int));
            break;
        case 'p':
            n = snprintf(buf, sizeof(buf), "%p", va_arg(ap, void *));
            break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (_PyByteBuilder_Write(&b, s, (Py_ssize_t)strlen(s)) < 0) {
                goto error;
            }
            f++;
            continue;
        }
        default:
            /* Unknown code: copy the rest of the format verbatim, as CPython does. */
            if (_PyByteBuilder_Write(&b, start, (Py_ssize_t)strlen(start)) < 0) {
                goto error;
            }
            va_end(ap);
            return _PyByteBuilder_Finish(&b, 0);
        }
        f++;
        if (_PyByteBuilder_Write(&b, buf, n) < 0) {
            goto error;
        }
    }
    va_end(ap);
    return _PyByteBuilder_Finish(&b, 0);
error:
    va_end(ap);
    _PyByteBuilder_Dealloc(&b);
    return NULL;
}

PyObject *
PyBytes_FromFormat(const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *res = PyBytes_FromFormatV(format, vargs);
    va_end(vargs);
    return res;
}

/* ---- % formatting (PEP 461) ---------------------------------------------------------------- */

/* The bytes for %b / %s: a buffer or __bytes__.  New reference (bytes). */
static PyObject *
format_obj_bytes(PyObject *v)
{
    if (PyBytes_Check(v)) {
        return Py_NewRef(v);
    }
    Py_buffer view;
    if (PyObject_CheckBuffer(v)) {
        if (PyObject_GetBuffer(v, &view, PyBUF_SIMPLE) < 0) {
            return NULL;
        }
        PyObject *r = PyBytes_FromStringAndSize(view.buf, view.len);
        PyBuffer_Release(&view);
        return r;
    }
    PyObject *meth = _PyObject_LookupSpecial(v, _Py_ID(__bytes__));
    if (meth != NULL) {
        PyObject *r = PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
        if (r != NULL && !PyBytes_Check(r)) {
            PyErr_Format(PyExc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                         Py_TYPE(r)->tp_name);
            Py_CLEAR(r);
        }
        return r;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    PyErr_Format(PyExc_TypeError, "%%b requires a bytes-like object, or an object that "
                 "implements __bytes__, not '%.100s'", Py_TYPE(v)->tp_name);
    return NULL;
}

PyObject *
_PyBytes_FormatEx(const char *fmt, Py_ssize_t fmtlen, PyObject *args, int is_bytearray)
{
    _PyByteBuilder b;
    if (_PyByteBuilder_Init(&b, fmtlen + 16) < 0) {
        return NULL;
    }
    Py_ssize_t argidx = 0, arglen;
    int args_owned = 0;
    PyObject *dict = NULL;
    if (PyTuple_Check(args)) {
        arglen = PyTuple_GET_SIZE(args);
    }
    else {
        arglen = -1;
    }
    if (Py_TYPE(args)->tp_as_mapping && Py_TYPE(args)->tp_as_mapping->mp_subscript &&
        !PyTuple_Check(args) && !PyObject_CheckBuffer(args) && !PyUnicode_Check(args)) {
        dict = args;
    }
    const char *end = fmt + fmtlen;
    while (fmt < end) {
        if (*fmt != '%') {
            const char *p = memchr(fmt, '%', (size_t)(end - fmt));
            if (p == NULL) {
                p = end;
            }
            if (_PyByteBuilder_Write(&b, fmt, p - fmt) < 0) {
                goto error;
            }
            fmt = p;
            continue;
        }
        const char *spec_start = fmt;
        fmt++;
        PyObject *v = NULL;
        PyObject *key_arg = NULL;
        if (fmt < end && *fmt == '(') {
            if (dict == NULL) {
                PyErr_SetString(PyExc_TypeError, "format requires a mapping");
                goto error;
            }
            int depth = 1;
            const char *ks = ++fmt;
            while (fmt < end && depth) {
                if (*fmt == '(') {
                    depth++;
                }
                else if (*fmt == ')') {
                    depth--;
                }
                fmt++;
            }
            if (depth) {
                PyErr_SetString(PyExc_ValueError, "incomplete format key");
                goto error;
            }
            PyObject *key = PyBytes_FromStringAndSize(ks, fmt - 1 - ks);
            if (key == NULL) {
                goto error;
            }
            key_arg = PyObject_GetItem(dict, key);
            Py_DECREF(key);
            if (key_arg == NULL) {
                goto error;
            }
            arglen = -1;
            argidx = -2;
        }
        /* Collect flags, width, precision into a str spec and reuse the str formatter for
         * numbers. */
        const char *flags_start = fmt;
        while (fmt < end && strchr("-+ #0", *fmt)) {
            fmt++;
        }
        char spec[64];
        Py_ssize_t flen = fmt - flags_start;
        if (flen > 10) {
            flen = 10;
        }
        int sl = 0;
        spec[sl++] = '%';
        memcpy(spec + sl, flags_start, (size_t)flen);
        sl += (int)flen;
        Py_ssize_t width = -1, prec = -1;
        int left = memchr(flags_start, '-', (size_t)(fmt - flags_start)) != NULL;
        PyObject *star_args[2] = {NULL, NULL};
        int nstar = 0;
        for (int part = 0; part < 2; part++) {
            if (part == 1) {
                if (fmt < end && *fmt == '.') {
                    fmt++;
                    prec = 0;
                }
                else {
                    break;
                }
            }
            if (fmt < end && *fmt == '*') {
                fmt++;
                PyObject *w;
                if (arglen >= 0 && argidx < arglen) {
                    w = PyTuple_GET_ITEM(args, argidx++);
                }
                else if (arglen < 0 && argidx == 0) {
                    w = args;
                    argidx++;
                }
                else {
                    PyErr_SetString(PyExc_TypeError, "not enough arguments for format string");
                    Py_XDECREF(key_arg);
                    goto error;
                }
                if (!PyLong_Check(w)) {
                    PyErr_SetString(PyExc_TypeError, "* wants int");
                    Py_XDECREF(key_arg);
                    goto error;
                }
                Py_ssize_t n = PyLong_AsSsize_t(w);
                if (part == 0) {
                    width = n < 0 ? -n : n;
                    left |= n < 0;
                }
                else {
                    prec = n;
                }
                star_args[nstar++] = w;
            }
            else {
                Py_ssize_t n = part == 0 ? -1 : 0;
                while (fmt < end && *fmt >= '0' && *fmt <= '9') {
                    n = (n < 0 ? 0 : n) * 10 + (*fmt - '0');
                    fmt++;
                }
                if (part == 0) {
                    width = n;
                }
                else {
                    prec = n;
                }
            }
        }
        (void)star_args;
        if (width >= 0) {
            sl += snprintf(spec + sl, sizeof(spec) - (size_t)sl, "%zd", width);
        }
        if (prec >= 0) {
            sl += snprintf(spec + sl, sizeof(spec) - (size_t)sl, ".%zd", prec);
        }
        while (fmt < end && (*fmt == 'h' || *fmt == 'l' || *fmt == 'L')) {
            fmt++;
        }
        if (fmt >= end) {
            PyErr_SetString(PyExc_ValueError, "incomplete format");
            Py_XDECREF(key_arg);
            goto error;
        }
        char conv = *fmt++;
        if (conv == '%' && fmt - spec_start == 2) {
            /* "%%" is a literal percent sign; with flags, width or a key it is an error. */
            if (_PyByteBuilder_WriteByte(&b, '%') < 0) {
                goto error;
            }
            continue;
        }
        if (key_arg != NULL) {
            v = key_arg;
        }
        else if (arglen >= 0) {
            if (argidx >= arglen) {
                PyErr_SetString(PyExc_TypeError, "not enough arguments for format string");
                goto error;
            }
            v = Py_NewRef(PyTuple_GET_ITEM(args, argidx++));
        }
        else {
            if (argidx != 0) {
                PyErr_SetString(PyExc_TypeError, "not enough arguments for format string");
                goto error;
            }
            v = Py_NewRef(args);
            argidx++;
        }
        PyObject *piece = NULL; /* bytes */
        switch (conv) {
        case 'b':
        case 's':
            piece = format_obj_bytes(v);
            if (piece != NULL && prec >= 0 && PyBytes_GET_SIZE(piece) > prec) {
                Py_SETREF(piece, PyBytes_FromStringAndSize(PyBytes_AS_STRING(piece), prec));
            }
            break;
        case 'r':
        case 'a': {
            PyObject *s = PyObject_ASCII(v);
            if (s != NULL) {
                piece = _PyUnicode_AsASCIIString(s, "strict");
                Py_DECREF(s);
            }
            if (piece != NULL && prec >= 0 && PyBytes_GET_SIZE(piece) > prec) {
                Py_SETREF(piece, PyBytes_FromStringAndSize(PyBytes_AS_STRING(piece), prec));
            }
            break;
        }
        case 'c': {
            char c;
            if (PyLong_Check(v)) {
                long ival = PyLong_AsLong(v);
                if (ival == -1 && PyErr_Occurred()) {
                    if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
                        PyErr_SetString(PyExc_OverflowError, "%c arg not in range(256)");
                    }
                    break;
                }
                if (ival < 0 || ival > 255) {
                    PyErr_SetString(PyExc_OverflowError, "%c arg not in range(256)");
                    break;
                }
                c = (char)ival;
            }
            else if (PyBytes_Check(v) && PyBytes_GET_SIZE(v) == 1) {
                c = PyBytes_AS_STRING(v)[0];
            }
            else if (PyByteArray_Check(v) && PyByteArray_GET_SIZE(v) == 1) {
                c = PyByteArray_AS_STRING(v)[0];
            }
            else {
                PyErr_SetString(PyExc_TypeError, "%c requires an integer in range(256) or a "
                                "single byte");
                break;
            }
            piece = PyBytes_FromStringAndSize(&c, 1);
            break;
        }
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            spec[sl] = conv;
            spec[sl + 1] = 0;
            PyObject *sfmt = PyUnicode_FromString(spec);
            PyObject *tup = sfmt ? PyTuple_Pack(1, v) : NULL;
            PyObject *s = tup ? PyUnicode_Format(sfmt, tup) : NULL;
            Py_XDECREF(sfmt);
            Py_XDECREF(tup);
            if (s != NULL) {
                piece = _PyUnicode_AsASCIIString(s, "strict");
                Py_DECREF(s);
            }
            width = -1; /* already applied */
            break;
        }
        default:
            PyErr_Format(PyExc_ValueError,
                         "unsupported format character '%c' (0x%x) at index %zd",
                         conv >= 32 && conv < 127 ? conv : '?', (unsigned char)conv,
                         (Py_ssize_t)(fmt - 1 - (end - fmtlen)));
            break;
        }
        Py_DECREF(v);
        if (piece == NULL) {
            goto error;
        }
        Py_ssize_t plen = PyBytes_GET_SIZE(piece);
        Py_ssize_t pad = width > plen ? width - plen : 0;
        int r = 0;
        if (!left) {
            for (Py_ssize_t k = 0; k < pad && r == 0; k++) {
                r = _PyByteBuilder_WriteByte(&b, ' ');
            }
        }
        r |= _PyByteBuilder_Write(&b, PyBytes_AS_STRING(piece), plen);
        if (left) {
            for (Py_ssize_t k = 0; k < pad && r == 0; k++) {
                r = _PyByteBuilder_WriteByte(&b, ' ');
            }
        }
        Py_DECREF(piece);
        if (r < 0) {
            goto error;
        }
    }
    if (argidx >= 0 && ((arglen >= 0 && argidx < arglen) || (arglen < 0 && argidx == 0 &&
                                                              dict == NULL))) {
        PyErr_SetString(PyExc_TypeError,
                        "not all arguments converted during bytes formatting");
        goto error;
    }
    (void)args_owned;
    return _PyByteBuilder_Finish(&b, is_bytearray);
error:
    _PyByteBuilder_Dealloc(&b);
    return NULL;
}

static PyObject *
bytes_mod(PyObject *self, PyObject *args)
{
    if (!PyBytes_Check(self)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return _PyBytes_FormatEx(PyBytes_AS_STRING(self), PyBytes_GET_SIZE(self), args, 0);
}

/* ---- slots --------------------------------------------------------------------------------- */

static Py_hash_t
bytes_hash(PyObject *self)
{
    PyBytesObject *a = _PyBytes_CAST(self);
    Py_hash_t h = FT_ATOMIC_LOAD_SSIZE_RELAXED(a->ob_shash);
    if (h == -1) {
        h = _Py_HashBytes(a->ob_sval, Py_SIZE(a));
        FT_ATOMIC_STORE_SSIZE_RELAXED(a->ob_shash, h);
    }
    return h;
}

static PyObject *
bytes_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyBytes_Check(a) || !PyBytes_Check(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_ssize_t la = Py_SIZE(a), lb = Py_SIZE(b);
    if (op == Py_EQ || op == Py_NE) {
        int eq = la == lb && (a == b || memcmp(PyBytes_AS_STRING(a), PyBytes_AS_STRING(b),
                                               (size_t)la) == 0);
        return PyBool_FromLong(op == Py_EQ ? eq : !eq);
    }
    int c = memcmp(PyBytes_AS_STRING(a), PyBytes_AS_STRING(b), (size_t)Py_MIN(la, lb));
    if (c == 0) {
        c = la < lb ? -1 : la > lb ? 1 : 0;
    }
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

static Py_ssize_t
bytes_length(PyObject *self)
{
    return Py_SIZE(self);
}

static PyObject *
bytes_item(PyObject *self, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return NULL;
    }
    return PyLong_FromLong((unsigned char)PyBytes_AS_STRING(self)[i]);
}

static PyObject *
bytes_subscript(PyObject *self, PyObject *item)
{
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += Py_SIZE(self);
        }
        return bytes_item(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0) {
            return NULL;
        }
        Py_ssize_t n = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
        const char *s = PyBytes_AS_STRING(self);
        if (n <= 0) {
            return PyBytes_FromStringAndSize(NULL, 0);
        }
        if (step == 1) {
            if (n == Py_SIZE(self) && PyBytes_CheckExact(self)) {
                return Py_NewRef(self);
            }
            return PyBytes_FromStringAndSize(s + start, n);
        }
        PyObject *res = _PyBytes_FromSize(n, 0);
        if (res == NULL) {
            return NULL;
        }
        char *d = PyBytes_AS_STRING(res);
        for (Py_ssize_t i = 0, cur = start; i < n; i++, cur += step) {
            d[i] = s[cur];
        }
        return res;
    }
    PyErr_Format(PyExc_TypeError, "byte indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

static int
bytes_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    return PyBuffer_FillInfo(view, self, PyBytes_AS_STRING(self), Py_SIZE(self), 1, flags);
}

static PyBufferProcs bytes_as_buffer = {
    bytes_getbuffer,
    NULL,
};

static PyObject *
bytes_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *copy = PyBytes_FromStringAndSize(PyBytes_AS_STRING(self), Py_SIZE(self));
    if (copy == NULL) {
        return NULL;
    }
    PyObject *res = PyTuple_Pack(1, copy);
    Py_DECREF(copy);
    return res;
}

static PyObject *
bytes_bytes(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (PyBytes_CheckExact(self)) {
        return Py_NewRef(self);
    }
    return PyBytes_FromStringAndSize(PyBytes_AS_STRING(self), Py_SIZE(self));
}

static PyMethodDef bytes_methods[] = {
    {"__getnewargs__", bytes_getnewargs, METH_NOARGS, NULL},
    {"__bytes__", bytes_bytes, METH_NOARGS, NULL},
    BYTES_SHARED_METHODS(bm_),
    {NULL, NULL, 0, NULL},
};

/* ---- construction -------------------------------------------------------------------------- */

static PyObject *
bytes_from_iterable(PyObject *x)
{
    PyObject *it = PyObject_GetIter(x);
    if (it == NULL) {
        return NULL;
    }
    _PyByteBuilder b;
    if (_PyByteBuilder_Init(&b, 16) < 0) {
        Py_DECREF(it);
        return NULL;
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
            goto error;
        }
        Py_DECREF(item);
        if (v < 0 || v > 255) {
            PyErr_SetString(PyExc_ValueError, "bytes must be in range(0, 256)");
            goto error;
        }
        if (_PyByteBuilder_WriteByte(&b, (int)v) < 0) {
            goto error;
        }
    }
    if (PyErr_Occurred()) {
        goto error;
    }
    Py_DECREF(it);
    return _PyByteBuilder_Finish(&b, 0);
error:
    Py_DECREF(it);
    _PyByteBuilder_Dealloc(&b);
    return NULL;
}

PyObject *
PyBytes_FromObject(PyObject *x)
{
    if (x == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (PyBytes_CheckExact(x)) {
        return Py_NewRef(x);
    }
    if (PyObject_CheckBuffer(x)) {
        Py_buffer view;
        if (PyObject_GetBuffer(x, &view, PyBUF_FULL_RO) < 0) {
            return NULL;
        }
        PyObject *res = _PyBytes_FromSize(view.len, 0);
        if (res != NULL && PyBuffer_ToContiguous(PyBytes_AS_STRING(res), &view, view.len,
                                                 'C') < 0) {
            Py_CLEAR(res);
        }
        PyBuffer_Release(&view);
        return res;
    }
    if (PyUnicode_Check(x)) {
        PyErr_SetString(PyExc_TypeError, "cannot convert 'str' object to bytes");
        return NULL;
    }
    if (PyList_CheckExact(x) || PyTuple_CheckExact(x) || PyObject_HasAttr(x, _Py_ID(__iter__)) ||
        PySequence_Check(x)) {
        return bytes_from_iterable(x);
    }
    PyErr_Format(PyExc_TypeError, "cannot convert '%.200s' object to bytes",
                 Py_TYPE(x)->tp_name);
    return NULL;
}

static PyObject *
bytes_new_impl(PyObject *x, const char *encoding, const char *errors)
{
    if (x == NULL) {
        if (encoding != NULL || errors != NULL) {
            PyErr_SetString(PyExc_TypeError, encoding != NULL ?
                            "encoding without a string argument" :
                            "errors without a string argument");
            return NULL;
        }
        return PyBytes_FromStringAndSize(NULL, 0);
    }
    if (encoding != NULL) {
        if (!PyUnicode_Check(x)) {
            PyErr_SetString(PyExc_TypeError, "encoding without a string argument");
            return NULL;
        }
        return PyUnicode_AsEncodedString(x, encoding, errors);
    }
    if (errors != NULL) {
        PyErr_SetString(PyExc_TypeError, PyUnicode_Check(x) ?
                        "string argument without an encoding" :
                        "errors without a string argument");
        return NULL;
    }
    if (PyUnicode_Check(x)) {
        PyErr_SetString(PyExc_TypeError, "string argument without an encoding");
        return NULL;
    }
    PyObject *meth = _PyObject_LookupSpecial(x, _Py_ID(__bytes__));
    if (meth != NULL) {
        PyObject *res = PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
        if (res != NULL && !PyBytes_Check(res)) {
            PyErr_Format(PyExc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                         Py_TYPE(res)->tp_name);
            Py_CLEAR(res);
        }
        return res;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    if (PyIndex_Check(x)) {
        Py_ssize_t size = PyNumber_AsSsize_t(x, PyExc_OverflowError);
        if (size == -1 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_TypeError)) {
                return NULL;
            }
            PyErr_Clear();
        }
        else {
            if (size < 0) {
                PyErr_SetString(PyExc_ValueError, "negative count");
                return NULL;
            }
            return _PyBytes_FromSize(size, 1);
        }
    }
    return PyBytes_FromObject(x);
}

static PyObject *
bytes_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"source", "encoding", "errors", NULL};
    PyObject *x = NULL;
    const char *encoding = NULL, *errors = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Oss:bytes", kwlist, &x, &encoding, &errors)) {
        return NULL;
    }
    PyObject *res = bytes_new_impl(x, encoding, errors);
    if (res == NULL || type == &PyBytes_Type) {
        return res;
    }
    /* A subclass: copy into an instance of it. */
    Py_ssize_t n = PyBytes_GET_SIZE(res);
    PyObject *obj = type->tp_alloc(type, n);
    if (obj != NULL) {
        memcpy(PyBytes_AS_STRING(obj), PyBytes_AS_STRING(res), (size_t)n + 1);
        _PyBytes_CAST(obj)->ob_shash = -1;
    }
    Py_DECREF(res);
    return obj;
}

static void
bytes_dealloc(PyObject *op)
{
    if (_Py_IsImmortal(op)) {
        return;
    }
    Py_TYPE(op)->tp_free(op);
}

/* ---- iterator ------------------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyObject *it_seq; /* owned; NULL when exhausted */
} bytesiterobject;

static void
bytesiter_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_XDECREF(((bytesiterobject *)op)->it_seq);
    PyObject_GC_Del(op);
}

static int
bytesiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((bytesiterobject *)op)->it_seq);
    return 0;
}

static PyObject *
bytesiter_next(PyObject *op)
{
    bytesiterobject *it = (bytesiterobject *)op;
    PyObject *seq = it->it_seq;
    if (seq == NULL) {
        return NULL;
    }
    if (it->it_index < PyBytes_GET_SIZE(seq)) {
        return PyLong_FromLong((unsigned char)PyBytes_AS_STRING(seq)[it->it_index++]);
    }
    _PyObject_ReleaseIterContainer((PyObject **)&it->it_seq, (PyObject *)seq);
    return NULL;
}

static PyObject *
bytesiter_length_hint(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    bytesiterobject *it = (bytesiterobject *)op;
    Py_ssize_t n = it->it_seq ? PyBytes_GET_SIZE(it->it_seq) - it->it_index : 0;
    return PyLong_FromSsize_t(n < 0 ? 0 : n);
}

static PyMethodDef bytesiter_methods[] = {
    {"__length_hint__", bytesiter_length_hint, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyBytesIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytes_iterator",
    .tp_basicsize = sizeof(bytesiterobject),
    .tp_dealloc = bytesiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = bytesiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = bytesiter_next,
    .tp_methods = bytesiter_methods,
};
_Py_REGISTER_STATIC_TYPE(PyBytesIter_Type);

static PyObject *
bytes_iter(PyObject *seq)
{
    bytesiterobject *it = PyObject_GC_New(bytesiterobject, &PyBytesIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_index = 0;
    it->it_seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

/* ---- the type ------------------------------------------------------------------------------ */

static PyNumberMethods bytes_as_number = {
    .nb_remainder = bytes_mod,
};

static PySequenceMethods bytes_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = bytes_concat,
    .sq_repeat = bytes_repeat,
    .sq_item = bytes_item,
    .sq_contains = bm_contains,
};

static PyMappingMethods bytes_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = bytes_subscript,
};

PyDoc_STRVAR(bytes_doc,
"bytes(iterable_of_ints) -> bytes\n\
bytes(string, encoding[, errors]) -> bytes\n\
bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n\
bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n\
bytes() -> empty bytes object");

PyTypeObject PyBytes_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytes",
    .tp_basicsize = offsetof(PyBytesObject, ob_sval) + 1,
    .tp_itemsize = 1,
    .tp_dealloc = bytes_dealloc,
    .tp_repr = bytes_repr,
    .tp_as_number = &bytes_as_number,
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_hash = bytes_hash,
    .tp_str = bytes_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &bytes_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BYTES_SUBCLASS |
                _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = bytes_doc,
    .tp_richcompare = bytes_richcompare,
    .tp_iter = bytes_iter,
    .tp_methods = bytes_methods,
    .tp_new = bytes_new,
    .tp_free = PyObject_Free,
};
_Py_REGISTER_STATIC_TYPE(PyBytes_Type);
