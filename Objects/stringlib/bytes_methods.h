/* The read-only methods shared by bytes and bytearray, written once and included by
 * Objects/bytesobject.c and Objects/bytearrayobject.c (static functions; each file gets its
 * own copy).  A method reads its receiver's bytes through BM_BUF/BM_LEN and builds results of
 * the receiver's kind with bm_new: bytes methods return bytes, bytearray methods bytearray.
 *
 * A method takes its receiver's buffer pointer when it starts and may then run Python code (an
 * argument's __index__ or __buffer__); for a bytearray receiver that code, or another thread,
 * could resize the buffer: Objects/bytearrayobject.c calls these methods through wrappers that
 * lock and pin it (ba_*).  Owner: strings room. */
#ifndef BRAID_STRINGLIB_BYTES_METHODS_H
#define BRAID_STRINGLIB_BYTES_METHODS_H

#include "pycore_bytesobject.h"
#include "unicode_internal.h"

#include <ctype.h>

static inline int
bm_is_bytearray(PyObject *self)
{
    return !PyBytes_Check(self);
}

static inline const char *
BM_BUF(PyObject *self)
{
    return PyBytes_Check(self) ? PyBytes_AS_STRING(self) : PyByteArray_AS_STRING(self);
}
#define BM_LEN(self) Py_SIZE(self)

/* New bytes or bytearray (matching self) from s[0:n].  New reference. */
static PyObject *
bm_new(PyObject *self, const char *s, Py_ssize_t n)
{
    if (bm_is_bytearray(self)) {
        return PyByteArray_FromStringAndSize(s, n);
    }
    return PyBytes_FromStringAndSize(s, n);
}

/* Return self itself when it is an exact bytes (immutable) or a copy. */
static PyObject *
bm_self_or_copy(PyObject *self)
{
    if (PyBytes_CheckExact(self)) {
        return Py_NewRef(self);
    }
    return bm_new(self, BM_BUF(self), BM_LEN(self));
}

/* Get a simple buffer or raise "a bytes-like object is required, not 'T'" (PyObject_GetBuffer's
 * error; one raised by the object's own __buffer__ is kept). */
static int
bm_getbuf(PyObject *o, Py_buffer *view)
{
    return PyObject_GetBuffer(o, view, PyBUF_SIMPLE) != 0 ? -1 : 0;
}

static inline int bm_isspace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static inline int
bm_islower(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}

static inline int
bm_isupper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

static inline int
bm_isalpha(unsigned char c)
{
    return bm_islower(c) || bm_isupper(c);
}

static inline int
bm_isdigit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static inline int
bm_isalnum(unsigned char c)
{
    return bm_isalpha(c) || bm_isdigit(c);
}

static inline unsigned char
bm_tolower(unsigned char c)
{
    return bm_isupper(c) ? c + 32 : c;
}

static inline unsigned char
bm_toupper(unsigned char c)
{
    return bm_islower(c) ? c - 32 : c;
}

/* Search for needle in haystack[start:end]; direction > 0 first, else last. -1 if none. */
static Py_ssize_t
bm_find_raw(const char *hs, Py_ssize_t start, Py_ssize_t end, const char *nd, Py_ssize_t m,
            int direction)
{
    if (end - start < m) {
        return -1;
    }
    if (m == 0) {
        return direction > 0 ? start : end;
    }
    if (direction > 0) {
        const char *p = hs + start, *last = hs + end - m;
        while (p <= last) {
            p = memchr(p, nd[0], (size_t)(last - p + 1));
            if (p == NULL) {
                return -1;
            }
            if (memcmp(p, nd, (size_t)m) == 0) {
                return p - hs;
            }
            p++;
        }
        return -1;
    }
    for (Py_ssize_t i = end - m; i >= start; i--) {
        if (hs[i] == nd[0] && memcmp(hs + i, nd, (size_t)m) == 0) {
            return i;
        }
    }
    return -1;
}

/* Parse (sub[, start[, end]]) where sub is bytes-like or an int in range(256).  On success
 * view holds the needle (release with PyBuffer_Release when *byte < 0). */
static int
bm_parse_sub_args(const char *name, PyObject *args, Py_buffer *view, int *byte,
                  Py_ssize_t *start, Py_ssize_t *end)
{
    PyObject *sub, *ostart = Py_None, *oend = Py_None;
    char fmt[40];
    snprintf(fmt, sizeof(fmt), "O|OO:%s", name);
    if (!PyArg_ParseTuple(args, fmt, &sub, &ostart, &oend)) {
        return -1;
    }
    *start = 0;
    *end = PY_SSIZE_T_MAX;
    if (!_PyUnicode_EvalSliceIndex(ostart, start) || !_PyUnicode_EvalSliceIndex(oend, end)) {
        return -1;
    }
    *byte = -1;
    if (PyIndex_Check(sub)) {
        Py_ssize_t v = PyNumber_AsSsize_t(sub, NULL);
        if (v == -1 && PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
                PyErr_Clear();
                PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
            }
            return -1;      /* else what __index__ raised */
        }
        if (v < 0 || v > 255) {
            PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        *byte = (int)v;
        return 0;
    }
    if (!PyObject_CheckBuffer(sub)) {
        PyErr_Format(PyExc_TypeError, "argument should be integer or bytes-like object, "
                     "not '%.200s'", Py_TYPE(sub)->tp_name);
        return -1;
    }
    return PyObject_GetBuffer(sub, view, PyBUF_SIMPLE) != 0 ? -1 : 0;   /* __buffer__'s error */
}

/* kind: 0 find, 1 rfind, 2 index, 3 rindex, 4 count */
static PyObject *
bm_find_common(PyObject *self, PyObject *args, int which)
{
    static const char *names[] = {"find", "rfind", "index", "rindex", "count"};
    Py_buffer view;
    int byte;
    Py_ssize_t start, end;
    if (bm_parse_sub_args(names[which], args, &view, &byte, &start, &end) < 0) {
        return NULL;
    }
    char ch;
    const char *nd;
    Py_ssize_t m;
    if (byte >= 0) {
        ch = (char)byte;
        nd = &ch;
        m = 1;
    }
    else {
        nd = view.buf;
        m = view.len;
    }
    const char *hs = BM_BUF(self);
    Py_ssize_t len = BM_LEN(self);
    _PyUnicode_AdjustIndices(&start, &end, len);
    Py_ssize_t res;
    if (which == 4) {
        if (start > len || end < start) {
            res = 0;
        }
        else if (m == 0) {
            res = end - start + 1;
        }
        else {
            res = 0;
            for (;;) {
                Py_ssize_t i = bm_find_raw(hs, start, end, nd, m, 1);
                if (i < 0) {
                    break;
                }
                res++;
                start = i + m;
            }
        }
    }
    else if (start > len || end < start) {
        res = -1;
    }
    else {
        res = bm_find_raw(hs, start, end, nd, m, (which == 0 || which == 2) ? 1 : -1);
    }
    if (byte < 0) {
        PyBuffer_Release(&view);
    }
    if ((which == 2 || which == 3) && res < 0) {
        PyErr_SetString(PyExc_ValueError, "subsection not found");
        return NULL;
    }
    return PyLong_FromSsize_t(res);
}

static PyObject *
bm_find(PyObject *self, PyObject *args)
{
    return bm_find_common(self, args, 0);
}

static PyObject *
bm_rfind(PyObject *self, PyObject *args)
{
    return bm_find_common(self, args, 1);
}

static PyObject *
bm_index(PyObject *self, PyObject *args)
{
    return bm_find_common(self, args, 2);
}

static PyObject *
bm_rindex(PyObject *self, PyObject *args)
{
    return bm_find_common(self, args, 3);
}

static PyObject *
bm_count(PyObject *self, PyObject *args)
{
    return bm_find_common(self, args, 4);
}

/* 1 if self contains arg (an int or bytes-like), 0 if not, -1 on error. */
static int
bm_contains(PyObject *self, PyObject *arg)
{
    const char *hs = BM_BUF(self);
    Py_ssize_t len = BM_LEN(self);
    if (PyIndex_Check(arg)) {
        Py_ssize_t v = PyNumber_AsSsize_t(arg, NULL);
        if (v == -1 && PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
                PyErr_Clear();
                PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
            }
            return -1;
        }
        if (v < 0 || v > 255) {
            PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        return len > 0 && memchr(hs, (int)v, (size_t)len) != NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) != 0) {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                     Py_TYPE(arg)->tp_name);
        return -1;
    }
    int r = bm_find_raw(hs, 0, len, view.buf, view.len, 1) >= 0;
    PyBuffer_Release(&view);
    return r;
}

static int
bm_tailmatch_one(const char *s, Py_ssize_t len, PyObject *sub, Py_ssize_t start,
                 Py_ssize_t end, int direction)
{
    Py_buffer view;
    if (PyObject_GetBuffer(sub, &view, PyBUF_SIMPLE) != 0) {
        return -1;
    }
    _PyUnicode_AdjustIndices(&start, &end, len);
    int r = 0;
    if (end - start >= view.len && start <= len) {
        Py_ssize_t off = direction > 0 ? end - view.len : start;
        r = view.len == 0 || memcmp(s + off, view.buf, (size_t)view.len) == 0;
    }
    PyBuffer_Release(&view);
    return r;
}

static PyObject *
bm_tailmatch(PyObject *self, PyObject *args, const char *name, int direction)
{
    PyObject *sub, *ostart = Py_None, *oend = Py_None;
    char fmt[40];
    snprintf(fmt, sizeof(fmt), "O|OO:%s", name);
    if (!PyArg_ParseTuple(args, fmt, &sub, &ostart, &oend)) {
        return NULL;
    }
    Py_ssize_t start = 0, end = PY_SSIZE_T_MAX;
    if (!_PyUnicode_EvalSliceIndex(ostart, &start) || !_PyUnicode_EvalSliceIndex(oend, &end)) {
        return NULL;
    }
    const char *s = BM_BUF(self);
    Py_ssize_t len = BM_LEN(self);
    if (PyTuple_Check(sub)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(sub); i++) {
            int r = bm_tailmatch_one(s, len, PyTuple_GET_ITEM(sub, i), start, end, direction);
            if (r < 0) {
                PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                             Py_TYPE(PyTuple_GET_ITEM(sub, i))->tp_name);
                return NULL;
            }
            if (r) {
                Py_RETURN_TRUE;
            }
        }
        Py_RETURN_FALSE;
    }
    int r = bm_tailmatch_one(s, len, sub, start, end, direction);
    if (r < 0) {
        PyErr_Format(PyExc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s",
                     name, Py_TYPE(sub)->tp_name);
        return NULL;
    }
    return PyBool_FromLong(r);
}

static PyObject *
bm_startswith(PyObject *self, PyObject *args)
{
    return bm_tailmatch(self, args, "startswith", -1);
}

static PyObject *
bm_endswith(PyObject *self, PyObject *args)
{
    return bm_tailmatch(self, args, "endswith", 1);
}

/* ---- case and classification ---------------------------------------------------------------- */

static PyObject *
bm_map(PyObject *self, int which)
{
    Py_ssize_t len = BM_LEN(self);
    const unsigned char *s = (const unsigned char *)BM_BUF(self);
    PyObject *res = bm_new(self, NULL, len);
    if (res == NULL) {
        return NULL;
    }
    unsigned char *d = (unsigned char *)(bm_is_bytearray(self) ? PyByteArray_AS_STRING(res)
                                                               : PyBytes_AS_STRING(res));
    int prev_cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        switch (which) {
        case 0: d[i] = bm_tolower(c); break;
        case 1: d[i] = bm_toupper(c); break;
        case 2: d[i] = bm_islower(c) ? bm_toupper(c) : bm_tolower(c); break;
        case 3: d[i] = i == 0 ? bm_toupper(c) : bm_tolower(c); break;
        default:
            d[i] = prev_cased ? bm_tolower(c) : bm_toupper(c);
            prev_cased = bm_isalpha(c);
            break;
        }
    }
    return res;
}

static PyObject *
bm_lower(PyObject *self, PyObject *Py_UNUSED(a))
{
    return bm_map(self, 0);
}

static PyObject *
bm_upper(PyObject *self, PyObject *Py_UNUSED(a))
{
    return bm_map(self, 1);
}

static PyObject *
bm_swapcase(PyObject *self, PyObject *Py_UNUSED(a))
{
    return bm_map(self, 2);
}

static PyObject *
bm_capitalize(PyObject *self, PyObject *Py_UNUSED(a))
{
    return bm_map(self, 3);
}

static PyObject *
bm_title(PyObject *self, PyObject *Py_UNUSED(a))
{
    return bm_map(self, 4);
}

static PyObject *
bm_is(PyObject *self, int (*pred)(unsigned char))
{
    Py_ssize_t len = BM_LEN(self);
    const unsigned char *s = (const unsigned char *)BM_BUF(self);
    if (len == 0) {
        Py_RETURN_FALSE;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        if (!pred(s[i])) {
            Py_RETURN_FALSE;
        }
    }
    Py_RETURN_TRUE;
}

static int
bm_isspace_pred(unsigned char c)
{
    return bm_isspace(c);
}

static int
bm_isalpha_pred(unsigned char c)
{
    return bm_isalpha(c);
}

static int
bm_isalnum_pred(unsigned char c)
{
    return bm_isalnum(c);
}

static int
bm_isdigit_pred(unsigned char c)
{
    return bm_isdigit(c);
}

static PyObject *
bm_isspace_m(PyObject *s, PyObject *Py_UNUSED(a))
{
    return bm_is(s, bm_isspace_pred);
}

static PyObject *
bm_isalpha_m(PyObject *s, PyObject *Py_UNUSED(a))
{
    return bm_is(s, bm_isalpha_pred);
}

static PyObject *
bm_isalnum_m(PyObject *s, PyObject *Py_UNUSED(a))
{
    return bm_is(s, bm_isalnum_pred);
}

static PyObject *
bm_isdigit_m(PyObject *s, PyObject *Py_UNUSED(a))
{
    return bm_is(s, bm_isdigit_pred);
}

static PyObject *
bm_isascii(PyObject *self, PyObject *Py_UNUSED(a))
{
    Py_ssize_t len = BM_LEN(self);
    const unsigned char *s = (const unsigned char *)BM_BUF(self);
    for (Py_ssize_t i = 0; i < len; i++) {
        if (s[i] >= 128) {
            Py_RETURN_FALSE;
        }
    }
    Py_RETURN_TRUE;
}

static PyObject *
bm_islower_m(PyObject *self, PyObject *Py_UNUSED(a))
{
    Py_ssize_t len = BM_LEN(self);
    const unsigned char *s = (const unsigned char *)BM_BUF(self);
    int cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (bm_isupper(s[i])) {
            Py_RETURN_FALSE;
        }
        cased |= bm_islower(s[i]);
    }
    return PyBool_FromLong(cased);
}

static PyObject *
bm_isupper_m(PyObject *self, PyObject *Py_UNUSED(a))
{
    Py_ssize_t len = BM_LEN(self);
    const unsigned char *s = (const unsigned char *)BM_BUF(self);
    int cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (bm_islower(s[i])) {
            Py_RETURN_FALSE;
        }
        cased |= bm_isupper(s[i]);
    }
    return PyBool_FromLong(cased);
}

static PyObject *
bm_istitle(PyObject *self, PyObject *Py_UNUSED(a))
{
    Py_ssize_t len = BM_LEN(self);
    const unsigned char *s = (const unsigned char *)BM_BUF(self);
    int cased = 0, prev_cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (bm_isupper(c)) {
            if (prev_cased) {
                Py_RETURN_FALSE;
            }
            prev_cased = 1;
            cased = 1;
        }
        else if (bm_islower(c)) {
            if (!prev_cased) {
                Py_RETURN_FALSE;
            }
            prev_cased = 1;
            cased = 1;
        }
        else {
            prev_cased = 0;
        }
    }
    return PyBool_FromLong(cased);
}

/* ---- padding ------------------------------------------------------------------------------- */

static int
bm_fillchar(PyObject *o, char *fill, const char *name)
{
    if (o == NULL) {
        *fill = ' ';
        return 0;
    }
    if ((PyBytes_Check(o) && PyBytes_GET_SIZE(o) == 1)) {
        *fill = PyBytes_AS_STRING(o)[0];
        return 0;
    }
    if (PyByteArray_Check(o) && PyByteArray_GET_SIZE(o) == 1) {
        *fill = PyByteArray_AS_STRING(o)[0];
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "%s() argument 2 must be a byte string of length 1, not %s",
                 name, Py_TYPE(o)->tp_name);
    return -1;
}

static PyObject *
bm_pad(PyObject *self, Py_ssize_t left, Py_ssize_t right, char fill)
{
    Py_ssize_t len = BM_LEN(self);
    if (left < 0) {
        left = 0;
    }
    if (right < 0) {
        right = 0;
    }
    if (left == 0 && right == 0) {
        return bm_self_or_copy(self);
    }
    PyObject *res = bm_new(self, NULL, left + len + right);
    if (res == NULL) {
        return NULL;
    }
    char *d = bm_is_bytearray(self) ? PyByteArray_AS_STRING(res) : PyBytes_AS_STRING(res);
    memset(d, fill, (size_t)left);
    memcpy(d + left, BM_BUF(self), (size_t)len);
    memset(d + left + len, fill, (size_t)right);
    return res;
}

static PyObject *
bm_justify(PyObject *self, PyObject *args, int which)
{
    static const char *names[] = {"ljust", "rjust", "center"};
    Py_ssize_t width;
    PyObject *fillobj = NULL;
    char fmt[32];
    snprintf(fmt, sizeof(fmt), "n|O:%s", names[which]);
    if (!PyArg_ParseTuple(args, fmt, &width, &fillobj)) {
        return NULL;
    }
    char fill;
    if (bm_fillchar(fillobj, &fill, names[which]) < 0) {
        return NULL;
    }
    Py_ssize_t len = BM_LEN(self);
    if (width <= len) {
        return bm_self_or_copy(self);
    }
    Py_ssize_t marg = width - len;
    if (which == 0) {
        return bm_pad(self, 0, marg, fill);
    }
    if (which == 1) {
        return bm_pad(self, marg, 0, fill);
    }
    Py_ssize_t left = marg / 2 + (marg & width & 1);
    return bm_pad(self, left, marg - left, fill);
}

static PyObject *
bm_ljust(PyObject *s, PyObject *a)
{
    return bm_justify(s, a, 0);
}

static PyObject *
bm_rjust(PyObject *s, PyObject *a)
{
    return bm_justify(s, a, 1);
}

static PyObject *
bm_center(PyObject *s, PyObject *a)
{
    return bm_justify(s, a, 2);
}

static PyObject *
bm_zfill(PyObject *self, PyObject *arg)
{
    Py_ssize_t width = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (width == -1 && PyErr_Occurred()) {
        return NULL;
    }
    Py_ssize_t len = BM_LEN(self);
    if (width <= len) {
        return bm_self_or_copy(self);
    }
    Py_ssize_t fill = width - len;
    PyObject *res = bm_pad(self, fill, 0, '0');
    if (res == NULL) {
        return NULL;
    }
    char *d = bm_is_bytearray(self) ? PyByteArray_AS_STRING(res) : PyBytes_AS_STRING(res);
    if (d[fill] == '+' || d[fill] == '-') {
        d[0] = d[fill];
        d[fill] = '0';
    }
    return res;
}

static PyObject *
bm_expandtabs(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"tabsize", NULL};
    int tabsize = 8;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|i:expandtabs", kwlist, &tabsize)) {
        return NULL;
    }
    const char *s = BM_BUF(self);
    Py_ssize_t len = BM_LEN(self);
    _PyByteBuilder b;
    if (_PyByteBuilder_Init(&b, len) < 0) {
        return NULL;
    }
    Py_ssize_t col = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        char c = s[i];
        int r = 0;
        if (c == '\t') {
            if (tabsize > 0) {
                Py_ssize_t n = tabsize - (col % tabsize);
                col += n;
                while (n-- > 0 && r == 0) {
                    r = _PyByteBuilder_WriteByte(&b, ' ');
                }
            }
        }
        else {
            col++;
            if (c == '\n' || c == '\r') {
                col = 0;
            }
            r = _PyByteBuilder_WriteByte(&b, c);
        }
        if (r < 0) {
            _PyByteBuilder_Dealloc(&b);
            return NULL;
        }
    }
    return _PyByteBuilder_Finish(&b, bm_is_bytearray(self));
}

/* ---- strip / split / join / replace -------------------------------------------------------- */

/* which: 0 strip, 1 lstrip, 2 rstrip */
static PyObject *
bm_strip_common(PyObject *self, PyObject *args, int which)
{
    static const char *names[] = {"strip", "lstrip", "rstrip"};
    PyObject *chars = Py_None;
    char fmt[32];
    snprintf(fmt, sizeof(fmt), "|O:%s", names[which]);
    if (!PyArg_ParseTuple(args, fmt, &chars)) {
        return NULL;
    }
    Py_buffer view = {0};
    int use_set = chars != Py_None;
    if (use_set && bm_getbuf(chars, &view) < 0) {
        return NULL;
    }
    unsigned char set[256] = {0};
    if (use_set) {
        for (Py_ssize_t i = 0; i < view.len; i++) {
            set[((unsigned char *)view.buf)[i]] = 1;
        }
        PyBuffer_Release(&view);
    }
    const unsigned char *s = (const unsigned char *)BM_BUF(self);
    Py_ssize_t len = BM_LEN(self), i = 0, j = len;
    if (which != 2) {
        while (i < len && (use_set ? set[s[i]] : bm_isspace(s[i]))) {
            i++;
        }
    }
    if (which != 1) {
        while (j > i && (use_set ? set[s[j - 1]] : bm_isspace(s[j - 1]))) {
            j--;
        }
    }
    if (i == 0 && j == len && PyBytes_CheckExact(self)) {
        return Py_NewRef(self);
    }
    return bm_new(self, (const char *)s + i, j - i);
}

static PyObject *
bm_strip(PyObject *s, PyObject *a)
{
    return bm_strip_common(s, a, 0);
}

static PyObject *
bm_lstrip(PyObject *s, PyObject *a)
{
    return bm_strip_common(s, a, 1);
}

static PyObject *
bm_rstrip(PyObject *s, PyObject *a)
{
    return bm_strip_common(s, a, 2);
}

static int
bm_append_piece(PyObject *list, PyObject *self, const char *s, Py_ssize_t n)
{
    PyObject *piece = bm_new(self, s, n);
    if (piece == NULL) {
        return -1;
    }
    int r = PyList_Append(list, piece);
    Py_DECREF(piece);
    return r;
}

static PyObject *
bm_split_common(PyObject *self, PyObject *args, PyObject *kwds, int right)
{
    static char *kwlist[] = {"sep", "maxsplit", NULL};
    PyObject *sepobj = Py_None;
    Py_ssize_t maxsplit = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, right ? "|On:rsplit" : "|On:split", kwlist,
                                     &sepobj, &maxsplit)) {
        return NULL;
    }
    if (maxsplit < 0) {
        maxsplit = PY_SSIZE_T_MAX;
    }
    const char *s = BM_BUF(self);
    Py_ssize_t len = BM_LEN(self);
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    if (sepobj == Py_None) {
        if (!right) {
            Py_ssize_t i = 0, count = 0;
            while (i < len) {
                while (i < len && bm_isspace((unsigned char)s[i])) {
                    i++;
                }
                if (i == len) {
                    break;
                }
                Py_ssize_t j = i;
                if (count == maxsplit) {
                    j = len;
                }
                else {
                    while (j < len && !bm_isspace((unsigned char)s[j])) {
                        j++;
                    }
                }
                if (bm_append_piece(list, self, s + i, j - i) < 0) {
                    goto error;
                }
                count++;
                i = j;
                if (count > maxsplit) {
                    break;
                }
            }
        }
        else {
            Py_ssize_t j = len, count = 0;
            while (j > 0) {
                while (j > 0 && bm_isspace((unsigned char)s[j - 1])) {
                    j--;
                }
                if (j == 0) {
                    break;
                }
                Py_ssize_t i = j;
                if (count == maxsplit) {
                    i = 0;
                }
                else {
                    while (i > 0 && !bm_isspace((unsigned char)s[i - 1])) {
                        i--;
                    }
                }
                if (bm_append_piece(list, self, s + i, j - i) < 0) {
                    goto error;
                }
                count++;
                j = i;
                if (count > maxsplit) {
                    break;
                }
            }
            if (PyList_Reverse(list) < 0) {
                goto error;
            }
        }
        return list;
    }
    Py_buffer view;
    if (bm_getbuf(sepobj, &view) < 0) {
        goto error;
    }
    if (view.len == 0) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "empty separator");
        goto error;
    }
    const char *sep = view.buf;
    Py_ssize_t m = view.len;
    if (!right) {
        Py_ssize_t i = 0, count = 0;
        while (count < maxsplit) {
            Py_ssize_t k = bm_find_raw(s, i, len, sep, m, 1);
            if (k < 0) {
                break;
            }
            if (bm_append_piece(list, self, s + i, k - i) < 0) {
                PyBuffer_Release(&view);
                goto error;
            }
            i = k + m;
            count++;
        }
        if (bm_append_piece(list, self, s + i, len - i) < 0) {
            PyBuffer_Release(&view);
            goto error;
        }
    }
    else {
        Py_ssize_t j = len, count = 0;
        while (count < maxsplit) {
            Py_ssize_t k = bm_find_raw(s, 0, j, sep, m, -1);
            if (k < 0) {
                break;
            }
            if (bm_append_piece(list, self, s + k + m, j - k - m) < 0) {
                PyBuffer_Release(&view);
                goto error;
            }
            j = k;
            count++;
        }
        if (bm_append_piece(list, self, s, j) < 0 || PyList_Reverse(list) < 0) {
            PyBuffer_Release(&view);
            goto error;
        }
    }
    PyBuffer_Release(&view);
    return list;
error:
    Py_DECREF(list);
    return NULL;
}

static PyObject *
bm_split(PyObject *s, PyObject *a, PyObject *k)
{
    return bm_split_common(s, a, k, 0);
}

static PyObject *
bm_rsplit(PyObject *s, PyObject *a, PyObject *k)
{
    return bm_split_common(s, a, k, 1);
}

static PyObject *
bm_splitlines(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"keepends", NULL};
    int keepends = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|p:splitlines", kwlist, &keepends)) {
        return NULL;
    }
    const char *s = BM_BUF(self);
    Py_ssize_t len = BM_LEN(self);
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    Py_ssize_t i = 0;
    while (i < len) {
        Py_ssize_t j = i;
        while (j < len && s[j] != '\n' && s[j] != '\r') {
            j++;
        }
        Py_ssize_t eol = j;
        if (j < len) {
            if (s[j] == '\r' && j + 1 < len && s[j + 1] == '\n') {
                j += 2;
            }
            else {
                j++;
            }
            if (keepends) {
                eol = j;
            }
        }
        if (bm_append_piece(list, self, s + i, eol - i) < 0) {
            Py_DECREF(list);
            return NULL;
        }
        i = j;
    }
    return list;
}

static PyObject *
bm_partition_common(PyObject *self, PyObject *sepobj, int right)
{
    Py_buffer view;
    if (bm_getbuf(sepobj, &view) < 0) {
        return NULL;
    }
    if (view.len == 0) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "empty separator");
        return NULL;
    }
    const char *s = BM_BUF(self);
    Py_ssize_t len = BM_LEN(self);
    Py_ssize_t k = bm_find_raw(s, 0, len, view.buf, view.len, right ? -1 : 1);
    PyObject *a, *b, *c;
    if (k < 0) {
        PyObject *whole = bm_self_or_copy(self);
        PyObject *e1 = bm_new(self, NULL, 0);
        PyObject *e2 = bm_new(self, NULL, 0);
        if (right) {
            a = e1; b = e2; c = whole;
        }
        else {
            a = whole; b = e1; c = e2;
        }
    }
    else {
        a = bm_new(self, s, k);
        b = bm_is_bytearray(self) ? bm_new(self, view.buf, view.len)
                                  : (PyBytes_CheckExact(sepobj) ? Py_NewRef(sepobj)
                                                                : bm_new(self, view.buf,
                                                                         view.len));
        c = bm_new(self, s + k + view.len, len - k - view.len);
    }
    PyBuffer_Release(&view);
    if (a == NULL || b == NULL || c == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(b);
        Py_XDECREF(c);
        return NULL;
    }
    PyObject *res = PyTuple_Pack(3, a, b, c);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(c);
    return res;
}

static PyObject *
bm_partition(PyObject *s, PyObject *a)
{
    return bm_partition_common(s, a, 0);
}

static PyObject *
bm_rpartition(PyObject *s, PyObject *a)
{
    return bm_partition_common(s, a, 1);
}

static PyObject *
bm_join(PyObject *self, PyObject *iterable)
{
    PyObject *seq = PySequence_Fast(iterable, "can only join an iterable");
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    Py_ssize_t seplen = BM_LEN(self);
    Py_buffer *views = PyMem_New(Py_buffer, (size_t)(n ? n : 1));
    if (views == NULL) {
        Py_DECREF(seq);
        return PyErr_NoMemory();
    }
    Py_ssize_t total = 0, got = 0;
    PyObject *res = NULL;
    int failed = 0;
    /* Take the buffers with the sequence locked (a list argument is the list itself); the
     * buffers keep the items alive afterwards. */
    Py_BEGIN_CRITICAL_SECTION(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    n = Py_MIN(n, PySequence_Fast_GET_SIZE(seq));
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyObject_GetBuffer(items[i], &views[i], PyBUF_SIMPLE) != 0) {
            PyErr_Format(PyExc_TypeError, "sequence item %zd: expected a bytes-like object, "
                         "%.80s found", i, Py_TYPE(items[i])->tp_name);
            failed = 1;
            break;
        }
        got++;
        total += views[i].len + (i ? seplen : 0);
    }
    Py_END_CRITICAL_SECTION();
    if (failed) {
        goto done;
    }
    /* Copy the separator first: a bytearray separator could change while items convert. */
    res = bm_new(self, NULL, total);
    if (res == NULL) {
        goto done;
    }
    char *d = bm_is_bytearray(self) ? PyByteArray_AS_STRING(res) : PyBytes_AS_STRING(res);
    const char *sep = BM_BUF(self);
    Py_ssize_t pos = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i && seplen) {
            memcpy(d + pos, sep, (size_t)seplen);
            pos += seplen;
        }
        memcpy(d + pos, views[i].buf, (size_t)views[i].len);
        pos += views[i].len;
    }
done:
    for (Py_ssize_t i = 0; i < got; i++) {
        PyBuffer_Release(&views[i]);
    }
    PyMem_Free(views);
    Py_DECREF(seq);
    return res;
}

static PyObject *
bm_replace(PyObject *self, PyObject *args)
{
    Py_buffer oldv, newv;
    Py_ssize_t count = -1;
    PyObject *oldo, *newo;
    if (!PyArg_ParseTuple(args, "OO|n:replace", &oldo, &newo, &count)) {
        return NULL;
    }
    if (bm_getbuf(oldo, &oldv) < 0) {
        return NULL;
    }
    if (bm_getbuf(newo, &newv) < 0) {
        PyBuffer_Release(&oldv);
        return NULL;
    }
    const char *s = BM_BUF(self);
    Py_ssize_t len = BM_LEN(self);
    _PyByteBuilder b;
    PyObject *res = NULL;
    if (_PyByteBuilder_Init(&b, len) < 0) {
        goto done;
    }
    if (count < 0) {
        count = PY_SSIZE_T_MAX;
    }
    Py_ssize_t i = 0, done_n = 0;
    if (oldv.len == 0) {
        /* Insert new before every byte and at the end. */
        for (; i <= len; i++) {
            if (done_n < count) {
                if (_PyByteBuilder_Write(&b, newv.buf, newv.len) < 0) {
                    goto fail;
                }
                done_n++;
            }
            if (i < len && _PyByteBuilder_WriteByte(&b, s[i]) < 0) {
                goto fail;
            }
        }
    }
    else {
        while (done_n < count) {
            Py_ssize_t k = bm_find_raw(s, i, len, oldv.buf, oldv.len, 1);
            if (k < 0) {
                break;
            }
            if (_PyByteBuilder_Write(&b, s + i, k - i) < 0 ||
                _PyByteBuilder_Write(&b, newv.buf, newv.len) < 0) {
                goto fail;
            }
            i = k + oldv.len;
            done_n++;
        }
        if (_PyByteBuilder_Write(&b, s + i, len - i) < 0) {
            goto fail;
        }
    }
    res = _PyByteBuilder_Finish(&b, bm_is_bytearray(self));
    goto done;
fail:
    _PyByteBuilder_Dealloc(&b);
done:
    PyBuffer_Release(&oldv);
    PyBuffer_Release(&newv);
    return res;
}

static PyObject *
bm_removeaffix(PyObject *self, PyObject *arg, int suffix)
{
    Py_buffer view;
    if (bm_getbuf(arg, &view) < 0) {
        return NULL;
    }
    const char *s = BM_BUF(self);
    Py_ssize_t len = BM_LEN(self);
    PyObject *res;
    if (view.len <= len && view.len > 0 &&
        memcmp(suffix ? s + len - view.len : s, view.buf, (size_t)view.len) == 0) {
        res = bm_new(self, suffix ? s : s + view.len, len - view.len);
    }
    else {
        res = bm_self_or_copy(self);
    }
    PyBuffer_Release(&view);
    return res;
}

static PyObject *
bm_removeprefix(PyObject *s, PyObject *a)
{
    return bm_removeaffix(s, a, 0);
}

static PyObject *
bm_removesuffix(PyObject *s, PyObject *a)
{
    return bm_removeaffix(s, a, 1);
}

static PyObject *
bm_translate(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "delete", NULL};
    PyObject *table, *delobj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:translate", kwlist, &table, &delobj)) {
        return NULL;
    }
    Py_buffer tview = {0}, dview = {0};
    if (table != Py_None) {
        if (bm_getbuf(table, &tview) < 0) {
            return NULL;
        }
        if (tview.len != 256) {
            PyBuffer_Release(&tview);
            PyErr_SetString(PyExc_ValueError, "translation table must be 256 characters long");
            return NULL;
        }
    }
    unsigned char del[256] = {0};
    if (delobj != NULL) {
        if (bm_getbuf(delobj, &dview) < 0) {
            if (table != Py_None) {
                PyBuffer_Release(&tview);
            }
            return NULL;
        }
        for (Py_ssize_t i = 0; i < dview.len; i++) {
            del[((unsigned char *)dview.buf)[i]] = 1;
        }
        PyBuffer_Release(&dview);
    }
    const unsigned char *s = (const unsigned char *)BM_BUF(self);
    Py_ssize_t len = BM_LEN(self);
    _PyByteBuilder b;
    if (_PyByteBuilder_Init(&b, len) < 0) {
        if (table != Py_None) {
            PyBuffer_Release(&tview);
        }
        return NULL;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        if (del[s[i]]) {
            continue;
        }
        int c = table != Py_None ? ((unsigned char *)tview.buf)[s[i]] : s[i];
        if (_PyByteBuilder_WriteByte(&b, c) < 0) {
            _PyByteBuilder_Dealloc(&b);
            if (table != Py_None) {
                PyBuffer_Release(&tview);
            }
            return NULL;
        }
    }
    if (table != Py_None) {
        PyBuffer_Release(&tview);
    }
    return _PyByteBuilder_Finish(&b, bm_is_bytearray(self));
}

static PyObject *
bm_maketrans(PyObject *Py_UNUSED(cls), PyObject *args)
{
    Py_buffer from, to;
    PyObject *fo, *to_o;
    if (!PyArg_ParseTuple(args, "OO:maketrans", &fo, &to_o)) {
        return NULL;
    }
    if (bm_getbuf(fo, &from) < 0) {
        return NULL;
    }
    if (bm_getbuf(to_o, &to) < 0) {
        PyBuffer_Release(&from);
        return NULL;
    }
    if (from.len != to.len) {
        PyErr_SetString(PyExc_ValueError, "maketrans arguments must have same length");
        PyBuffer_Release(&from);
        PyBuffer_Release(&to);
        return NULL;
    }
    PyObject *res = PyBytes_FromStringAndSize(NULL, 256);
    if (res != NULL) {
        char *d = PyBytes_AS_STRING(res);
        for (int i = 0; i < 256; i++) {
            d[i] = (char)i;
        }
        for (Py_ssize_t i = 0; i < from.len; i++) {
            d[((unsigned char *)from.buf)[i]] = ((char *)to.buf)[i];
        }
    }
    PyBuffer_Release(&from);
    PyBuffer_Release(&to);
    return res;
}

static PyObject *
bm_decode(PyObject *self, PyObject *args, PyObject *kwds)
{
    const char *encoding, *errors;
    if (_PyUnicode_ParseEncodingArgs("decode", args, kwds, &encoding, &errors) < 0) {
        return NULL;
    }
    return PyUnicode_Decode(BM_BUF(self), BM_LEN(self), encoding ? encoding : "utf-8", errors);
}

static PyObject *
bm_hex(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"sep", "bytes_per_sep", NULL};
    PyObject *sep = NULL;
    int bytes_per_sep = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Oi:hex", kwlist, &sep, &bytes_per_sep)) {
        return NULL;
    }
    return _Py_strhex_with_sep(BM_BUF(self), BM_LEN(self), sep, bytes_per_sep);
}

static PyObject *
bm_fromhex(PyObject *cls, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "fromhex() argument must be str, not %s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    PyTypeObject *type = (PyTypeObject *)cls;
    int is_bytearray = PyType_IsSubtype(type, &PyByteArray_Type);
    PyObject *res = _PyBytes_FromHex(arg, is_bytearray);
    if (res != NULL && type != &PyBytes_Type && type != &PyByteArray_Type) {
        Py_SETREF(res, PyObject_CallOneArg(cls, res));
    }
    return res;
}

/* The method table entries; P is the prefix of the instance methods' functions: bm_ for
 * bytes, the wrappers of Objects/bytearrayobject.c (ba_) for bytearray. */
#define BYTES_SHARED_METHODS(P)                                                                 \
    {"capitalize", P##capitalize, METH_NOARGS, NULL},                                         \
    {"center", P##center, METH_VARARGS, NULL},                                                \
    {"count", P##count, METH_VARARGS, NULL},                                                  \
    {"decode", _PyCFunction_CAST(P##decode), METH_VARARGS | METH_KEYWORDS, NULL},             \
    {"endswith", P##endswith, METH_VARARGS, NULL},                                            \
    {"expandtabs", _PyCFunction_CAST(P##expandtabs), METH_VARARGS | METH_KEYWORDS, NULL},     \
    {"find", P##find, METH_VARARGS, NULL},                                                    \
    {"fromhex", bm_fromhex, METH_O | METH_CLASS, NULL},                                       \
    {"hex", _PyCFunction_CAST(P##hex), METH_VARARGS | METH_KEYWORDS, NULL},                   \
    {"index", P##index, METH_VARARGS, NULL},                                                  \
    {"isalnum", P##isalnum_m, METH_NOARGS, NULL},                                             \
    {"isalpha", P##isalpha_m, METH_NOARGS, NULL},                                             \
    {"isascii", P##isascii, METH_NOARGS, NULL},                                               \
    {"isdigit", P##isdigit_m, METH_NOARGS, NULL},                                             \
    {"islower", P##islower_m, METH_NOARGS, NULL},                                             \
    {"isspace", P##isspace_m, METH_NOARGS, NULL},                                             \
    {"istitle", P##istitle, METH_NOARGS, NULL},                                               \
    {"isupper", P##isupper_m, METH_NOARGS, NULL},                                             \
    {"join", P##join, METH_O, NULL},                                                          \
    {"ljust", P##ljust, METH_VARARGS, NULL},                                                  \
    {"lower", P##lower, METH_NOARGS, NULL},                                                   \
    {"lstrip", P##lstrip, METH_VARARGS, NULL},                                                \
    {"maketrans", bm_maketrans, METH_VARARGS | METH_STATIC, NULL},                            \
    {"partition", P##partition, METH_O, NULL},                                                \
    {"removeprefix", P##removeprefix, METH_O, NULL},                                          \
    {"removesuffix", P##removesuffix, METH_O, NULL},                                          \
    {"replace", P##replace, METH_VARARGS, NULL},                                              \
    {"rfind", P##rfind, METH_VARARGS, NULL},                                                  \
    {"rindex", P##rindex, METH_VARARGS, NULL},                                                \
    {"rjust", P##rjust, METH_VARARGS, NULL},                                                  \
    {"rpartition", P##rpartition, METH_O, NULL},                                              \
    {"rsplit", _PyCFunction_CAST(P##rsplit), METH_VARARGS | METH_KEYWORDS, NULL},             \
    {"rstrip", P##rstrip, METH_VARARGS, NULL},                                                \
    {"split", _PyCFunction_CAST(P##split), METH_VARARGS | METH_KEYWORDS, NULL},               \
    {"splitlines", _PyCFunction_CAST(P##splitlines), METH_VARARGS | METH_KEYWORDS, NULL},     \
    {"startswith", P##startswith, METH_VARARGS, NULL},                                        \
    {"strip", P##strip, METH_VARARGS, NULL},                                                  \
    {"swapcase", P##swapcase, METH_NOARGS, NULL},                                             \
    {"title", P##title, METH_NOARGS, NULL},                                                   \
    {"translate", _PyCFunction_CAST(P##translate), METH_VARARGS | METH_KEYWORDS, NULL},       \
    {"upper", P##upper, METH_NOARGS, NULL},                                                   \
    {"zfill", P##zfill, METH_O, NULL}

#endif
