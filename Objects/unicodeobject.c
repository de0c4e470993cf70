/* str: the object, its creation, interning, hashing, comparison, concatenation, the
 * _PyUnicodeWriter builder, PyUnicode_FromFormat, repr and the type object.
 *
 * Invariants (PEP 393):
 *  - every str uses the narrowest kind for its widest character, and state.ascii is set iff
 *    all characters are < 128; so equal strings have equal kinds and equal bytes, which the
 *    hash and equality rely on;
 *  - exact str objects are compact; str subclass instances keep their characters in a
 *    separate buffer (data.any);
 *  - a str is never modified after it may have been seen by another thread, except for the
 *    lazily computed hash (relaxed atomic: every thread computes the same value) and the UTF-8
 *    cache (published with a compare-and-swap);
 *  - the empty string and the 256 one-character Latin-1 strings are immortal singletons;
 *    interned strings are immortal.
 *
 * The methods live in unicode_methods.c, % and str.format in unicode_format.c, the codecs in
 * unicode_codecs.c and the character database in unicodectype.c. */
#include "Python.h"
#include "pycore_modsupport.h"
#include "pycore_object.h"
#include "pycore_tuple.h"
#include "pycore_unicodeobject.h"
#include "pycore_pyatomic_ft_wrappers.h"
#include "stringlib/unicode_internal.h"

#ifndef PyDoc_STRVAR
#  define PyDoc_STRVAR(name, str) static const char name[] = str
#endif
#ifndef Py_CLEANUP_SUPPORTED
#  define Py_CLEANUP_SUPPORTED 0x20000
#endif

/* ---- singletons ---------------------------------------------------------------------------- */

static struct {
    PyASCIIObject base;
    Py_UCS1 data[1];
} unicode_empty_struct = {
    {PyObject_HEAD_INIT(&PyUnicode_Type) 0, 0,
     {SSTATE_INTERNED_IMMORTAL_STATIC, PyUnicode_1BYTE_KIND, 1, 1, 1}},
    {0},
};
#define unicode_empty ((PyObject *)&unicode_empty_struct)

/* Borrowed, immortal. */
PyObject *
_PyUnicode_GetEmpty(void)
{
    return unicode_empty;
}

static inline PyObject *
unicode_new_empty(void)
{
    return unicode_empty; /* immortal: no incref needed, but keep the convention */
}

/* One-character strings for U+0000..U+00FF, created on first use.  Each slot is written once
 * with a compare-and-swap; the loser of a race frees its copy.  The objects are immortal. */
static PyObject *latin1_chars[256];

static PyObject *unicode_alloc(Py_ssize_t size, Py_UCS4 maxchar);

/* Borrowed, immortal (NULL on memory error). */
PyObject *
_PyUnicode_FromLatin1Char(Py_UCS1 ch)
{
    PyObject *s = _Py_atomic_load_ptr_acquire((const void **)&latin1_chars[ch]);
    if (s != NULL) {
        return s;
    }
    s = unicode_alloc(1, ch);
    if (s == NULL) {
        return NULL;
    }
    PyUnicode_1BYTE_DATA(s)[0] = ch;
    _Py_SetImmortal(s);
    void *expected = NULL;
    if (!_Py_atomic_compare_exchange_ptr((void **)&latin1_chars[ch], &expected, s)) {
        PyObject_Free(s);
        return expected;
    }
    return s;
}

/* Return a new reference to the one-character str for ch. */
static PyObject *
unicode_char(Py_UCS4 ch)
{
    if (ch < 256) {
        return Py_XNewRef(_PyUnicode_FromLatin1Char((Py_UCS1)ch));
    }
    PyObject *s = unicode_alloc(1, ch);
    if (s == NULL) {
        return NULL;
    }
    PyUnicode_WRITE(PyUnicode_KIND(s), PyUnicode_DATA(s), 0, ch);
    return s;
}

int
_PyUnicode_InitGlobalObjects(void)
{
    return 0;
}

/* ---- allocation ---------------------------------------------------------------------------- */

static size_t
header_size_for(Py_UCS4 maxchar)
{
    return maxchar < 128 ? sizeof(PyASCIIObject) : sizeof(PyCompactUnicodeObject);
}

static int
kind_for(Py_UCS4 maxchar)
{
    if (maxchar < 256) {
        return PyUnicode_1BYTE_KIND;
    }
    if (maxchar < 65536) {
        return PyUnicode_2BYTE_KIND;
    }
    return PyUnicode_4BYTE_KIND;
}

/* A fresh, unshared compact str of size characters (size may be 0; never the singleton). */
static PyObject *
unicode_alloc(Py_ssize_t size, Py_UCS4 maxchar)
{
    if (maxchar > 0x10ffff) {
        PyErr_SetString(PyExc_SystemError, "invalid maximum character passed to PyUnicode_New");
        return NULL;
    }
    int kind = kind_for(maxchar);
    size_t header = header_size_for(maxchar);
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyUnicode_New");
        return NULL;
    }
    if ((size_t)size > (PY_SSIZE_T_MAX - header) / (size_t)kind - 1) {
        PyErr_NoMemory();
        return NULL;
    }
    PyObject *obj = PyObject_Malloc(header + ((size_t)size + 1) * (size_t)kind);
    if (obj == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    PyObject_Init(obj, &PyUnicode_Type);
    PyASCIIObject *a = _PyASCIIObject_CAST(obj);
    a->length = size;
    a->hash = -1;
    memset(&a->state, 0, sizeof(a->state));
    a->state.kind = (unsigned int)kind;
    a->state.compact = 1;
    a->state.ascii = maxchar < 128;
    if (maxchar >= 128) {
        _PyCompactUnicodeObject_CAST(obj)->utf8 = NULL;
        _PyCompactUnicodeObject_CAST(obj)->utf8_length = 0;
    }
    PyUnicode_WRITE(kind, PyUnicode_DATA(obj), size, 0);
    return obj;
}

/* Return a new reference. */
PyObject *
PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar)
{
    if (size == 0) {
        if (maxchar > 0x10ffff) {
            PyErr_SetString(PyExc_SystemError,
                            "invalid maximum character passed to PyUnicode_New");
            return NULL;
        }
        return unicode_new_empty();
    }
    return unicode_alloc(size, maxchar);
}

static void
unicode_dealloc(PyObject *op)
{
    if (_Py_IsImmortal(op)) {
        /* The singletons and interned strings are never freed; a dealloc here means a
         * reference-count bug elsewhere.  Make it immortal again. */
        _Py_SetImmortal(op);
        return;
    }
    if (!PyUnicode_IS_ASCII(op)) {
        char *utf8 = _PyCompactUnicodeObject_CAST(op)->utf8;
        if (utf8 != NULL && (PyUnicode_IS_COMPACT(op) || utf8 != PyUnicode_DATA(op))) {
            PyMem_Free(utf8);
        }
    }
    if (!PyUnicode_IS_COMPACT(op)) {
        PyObject_Free(_PyUnicodeObject_CAST(op)->data.any);
        Py_TYPE(op)->tp_free(op);
        return;
    }
    PyObject_Free(op);
}

void
_PyUnicode_ExactDealloc(PyObject *op)
{
    unicode_dealloc(op);
}

/* ---- narrowest kind ------------------------------------------------------------------------ */

Py_UCS4
_PyUnicode_MaxCharOfData(int kind, const void *data, Py_ssize_t size)
{
    Py_UCS4 max = 0;
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *p = data;
        Py_UCS1 acc = 0;
        for (Py_ssize_t i = 0; i < size; i++) {
            acc |= p[i];
        }
        if (acc < 128) {
            return acc;
        }
        for (Py_ssize_t i = 0; i < size; i++) {
            if (p[i] > max) {
                max = p[i];
            }
        }
        return max;
    }
    if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *p = data;
        for (Py_ssize_t i = 0; i < size; i++) {
            if (p[i] > max) {
                max = p[i];
            }
        }
        return max;
    }
    const Py_UCS4 *p = data;
    for (Py_ssize_t i = 0; i < size; i++) {
        if (p[i] > max) {
            max = p[i];
        }
    }
    return max;
}

Py_UCS4
_PyUnicode_FindMaxChar(PyObject *unicode, Py_ssize_t start, Py_ssize_t end)
{
    int kind = PyUnicode_KIND(unicode);
    if (start >= end) {
        return 127;
    }
    if (PyUnicode_IS_ASCII(unicode)) {
        return 127;
    }
    const char *data = PyUnicode_DATA(unicode);
    return _PyUnicode_MaxCharOfData(kind, data + start * kind, end - start);
}

/* New compact str holding size characters of the given kind; narrows as needed. */
static PyObject *
unicode_from_kind_data(int kind, const void *data, Py_ssize_t size)
{
    if (size == 0) {
        return unicode_new_empty();
    }
    Py_UCS4 maxchar = _PyUnicode_MaxCharOfData(kind, data, size);
    if (size == 1 && maxchar < 256) {
        return unicode_char(PyUnicode_READ(kind, data, 0));
    }
    PyObject *res = unicode_alloc(size, maxchar);
    if (res == NULL) {
        return NULL;
    }
    int rkind = PyUnicode_KIND(res);
    void *rdata = PyUnicode_DATA(res);
    if (rkind == kind) {
        memcpy(rdata, data, (size_t)size * (size_t)kind);
    }
    else {
        for (Py_ssize_t i = 0; i < size; i++) {
            PyUnicode_WRITE(rkind, rdata, i, PyUnicode_READ(kind, data, i));
        }
    }
    return res;
}

/* Steals u. */
PyObject *
_PyUnicode_Result(PyObject *u)
{
    if (u == NULL) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(u);
    if (len == 0) {
        Py_DECREF(u);
        return unicode_new_empty();
    }
    int kind = PyUnicode_KIND(u);
    const void *data = PyUnicode_DATA(u);
    Py_UCS4 maxchar = _PyUnicode_MaxCharOfData(kind, data, len);
    if (len == 1 && maxchar < 256) {
        PyObject *res = unicode_char(PyUnicode_READ(kind, data, 0));
        Py_DECREF(u);
        return res;
    }
    if (kind_for(maxchar) == kind && (maxchar < 128) == (PyUnicode_IS_ASCII(u) != 0)) {
        return u;
    }
    PyObject *res = unicode_from_kind_data(kind, data, len);
    Py_DECREF(u);
    return res;
}

PyObject *
PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "size must be positive");
        return NULL;
    }
    if (kind != PyUnicode_1BYTE_KIND && kind != PyUnicode_2BYTE_KIND &&
        kind != PyUnicode_4BYTE_KIND) {
        PyErr_SetString(PyExc_SystemError, "invalid kind");
        return NULL;
    }
    if (kind == PyUnicode_4BYTE_KIND) {
        const Py_UCS4 *p = buffer;
        for (Py_ssize_t i = 0; i < size; i++) {
            if (p[i] > 0x10ffff) {
                PyErr_Format(PyExc_ValueError,
                             "character U+%x is not in range [U+0000; U+10ffff]", p[i]);
                return NULL;
            }
        }
    }
    return unicode_from_kind_data(kind, buffer, size);
}

PyObject *
_PyUnicode_FromUCS4Array(const Py_UCS4 *chars, Py_ssize_t size)
{
    return unicode_from_kind_data(PyUnicode_4BYTE_KIND, chars, size);
}

/* size bytes of pure ASCII.  Return a new reference. */
PyObject *
_PyUnicode_FromASCII(const char *buffer, Py_ssize_t size)
{
    if (size == 0) {
        return unicode_new_empty();
    }
    if (size == 1) {
        return unicode_char((Py_UCS1)buffer[0]);
    }
    PyObject *res = unicode_alloc(size, 127);
    if (res == NULL) {
        return NULL;
    }
    memcpy(PyUnicode_DATA(res), buffer, (size_t)size);
    return res;
}

PyObject *
PyUnicode_FromStringAndSize(const char *u, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError,
                        "Negative size passed to PyUnicode_FromStringAndSize");
        return NULL;
    }
    if (u != NULL) {
        return PyUnicode_DecodeUTF8Stateful(u, size, NULL, NULL);
    }
    if (size > 0) {
        PyErr_SetString(PyExc_SystemError,
                        "NULL string with positive size with NULL passed to "
                        "PyUnicode_FromStringAndSize");
        return NULL;
    }
    return unicode_new_empty();
}

PyObject *
PyUnicode_FromString(const char *u)
{
    size_t size = strlen(u);
    if (size > PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "input too long");
        return NULL;
    }
    return PyUnicode_DecodeUTF8Stateful(u, (Py_ssize_t)size, NULL, NULL);
}

PyObject *
PyUnicode_FromWideChar(const wchar_t *w, Py_ssize_t size)
{
    if (w == NULL && size != 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (size == -1) {
        size = (Py_ssize_t)wcslen(w);
    }
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, w, size);
}

PyObject *
PyUnicode_FromOrdinal(int ordinal)
{
    if (ordinal < 0 || ordinal > 0x10ffff) {
        PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return unicode_char((Py_UCS4)ordinal);
}

/* An exact str copy of unicode.  Return a new reference. */
PyObject *
_PyUnicode_Copy(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    PyObject *res = unicode_alloc(len, PyUnicode_MAX_CHAR_VALUE(unicode));
    if (res == NULL) {
        return NULL;
    }
    memcpy(PyUnicode_DATA(res), PyUnicode_DATA(unicode),
           (size_t)len * (size_t)PyUnicode_KIND(unicode));
    return res;
}

PyObject *
PyUnicode_FromObject(PyObject *obj)
{
    if (PyUnicode_CheckExact(obj)) {
        return Py_NewRef(obj);
    }
    if (PyUnicode_Check(obj)) {
        return _PyUnicode_Copy(obj);
    }
    PyErr_Format(PyExc_TypeError, "Can't convert '%.100s' object to str implicitly",
                 Py_TYPE(obj)->tp_name);
    return NULL;
}

PyObject *
PyUnicode_Substring(PyObject *self, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(self);
    if (start < 0 || end < 0) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return NULL;
    }
    end = Py_MIN(end, length);
    if (start == 0 && end == length && PyUnicode_CheckExact(self)) {
        return Py_NewRef(self);
    }
    if (start >= length || end < start) {
        return unicode_new_empty();
    }
    int kind = PyUnicode_KIND(self);
    const char *data = PyUnicode_DATA(self);
    if (PyUnicode_IS_ASCII(self)) {
        return _PyUnicode_FromASCII(data + start, end - start);
    }
    return unicode_from_kind_data(kind, data + start * kind, end - start);
}

/* ---- access -------------------------------------------------------------------------------- */

Py_ssize_t
PyUnicode_GetLength(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return -1;
    }
    return PyUnicode_GET_LENGTH(unicode);
}

Py_UCS4
PyUnicode_ReadChar(PyObject *unicode, Py_ssize_t index)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return (Py_UCS4)-1;
    }
    if (index < 0 || index >= PyUnicode_GET_LENGTH(unicode)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return (Py_UCS4)-1;
    }
    return PyUnicode_READ_CHAR(unicode, index);
}

static int
unicode_modifiable(PyObject *unicode)
{
    if (Py_REFCNT(unicode) != 1 || _PyASCIIObject_CAST(unicode)->hash != -1 ||
        PyUnicode_CHECK_INTERNED(unicode) || !PyUnicode_CheckExact(unicode)) {
        return 0;
    }
    return 1;
}

int
PyUnicode_WriteChar(PyObject *unicode, Py_ssize_t index, Py_UCS4 ch)
{
    if (!PyUnicode_Check(unicode) || !PyUnicode_IS_COMPACT(unicode)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (index < 0 || index >= PyUnicode_GET_LENGTH(unicode)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if (!unicode_modifiable(unicode)) {
        PyErr_SetString(PyExc_SystemError, "Cannot modify a string currently used");
        return -1;
    }
    if (ch > PyUnicode_MAX_CHAR_VALUE(unicode)) {
        PyErr_SetString(PyExc_ValueError, "character out of range");
        return -1;
    }
    PyUnicode_WRITE(PyUnicode_KIND(unicode), PyUnicode_DATA(unicode), index, ch);
    return 0;
}

/* Copy characters without checks (to must be wide enough). */
static void
copy_characters(PyObject *to, Py_ssize_t to_start, PyObject *from, Py_ssize_t from_start,
                Py_ssize_t how_many)
{
    if (how_many <= 0) {
        return;
    }
    int fkind = PyUnicode_KIND(from), tkind = PyUnicode_KIND(to);
    const char *fdata = PyUnicode_DATA(from);
    char *tdata = PyUnicode_DATA(to);
    if (fkind == tkind) {
        memmove(tdata + to_start * tkind, fdata + from_start * fkind,
                (size_t)how_many * (size_t)fkind);
        return;
    }
    if (fkind == PyUnicode_1BYTE_KIND && tkind == PyUnicode_2BYTE_KIND) {
        const Py_UCS1 *s = (const Py_UCS1 *)fdata + from_start;
        Py_UCS2 *d = (Py_UCS2 *)tdata + to_start;
        for (Py_ssize_t i = 0; i < how_many; i++) {
            d[i] = s[i];
        }
        return;
    }
    if (fkind == PyUnicode_1BYTE_KIND && tkind == PyUnicode_4BYTE_KIND) {
        const Py_UCS1 *s = (const Py_UCS1 *)fdata + from_start;
        Py_UCS4 *d = (Py_UCS4 *)tdata + to_start;
        for (Py_ssize_t i = 0; i < how_many; i++) {
            d[i] = s[i];
        }
        return;
    }
    for (Py_ssize_t i = 0; i < how_many; i++) {
        PyUnicode_WRITE(tkind, tdata, to_start + i, PyUnicode_READ(fkind, fdata, from_start + i));
    }
}

Py_ssize_t
PyUnicode_CopyCharacters(PyObject *to, Py_ssize_t to_start, PyObject *from,
                         Py_ssize_t from_start, Py_ssize_t how_many)
{
    if (!PyUnicode_Check(from) || !PyUnicode_Check(to)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if ((size_t)from_start > (size_t)PyUnicode_GET_LENGTH(from)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if ((size_t)to_start > (size_t)PyUnicode_GET_LENGTH(to)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if (how_many < 0) {
        PyErr_SetString(PyExc_SystemError, "how_many cannot be negative");
        return -1;
    }
    how_many = Py_MIN(PyUnicode_GET_LENGTH(from) - from_start, how_many);
    if (to_start + how_many > PyUnicode_GET_LENGTH(to)) {
        PyErr_Format(PyExc_SystemError, "Cannot write %zi characters at %zi in a string of %zi "
                     "characters", how_many, to_start, PyUnicode_GET_LENGTH(to));
        return -1;
    }
    if (how_many == 0) {
        return 0;
    }
    if (!unicode_modifiable(to)) {
        PyErr_SetString(PyExc_SystemError, "Cannot modify a string currently used");
        return -1;
    }
    if (_PyUnicode_FindMaxChar(from, from_start, from_start + how_many) >
        PyUnicode_MAX_CHAR_VALUE(to)) {
        PyErr_Format(PyExc_SystemError, "Cannot copy characters into a narrower string");
        return -1;
    }
    copy_characters(to, to_start, from, from_start, how_many);
    return how_many;
}

Py_ssize_t
PyUnicode_Fill(PyObject *unicode, Py_ssize_t start, Py_ssize_t length, Py_UCS4 fill_char)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!unicode_modifiable(unicode)) {
        PyErr_SetString(PyExc_SystemError, "Cannot modify a string currently used");
        return -1;
    }
    if (start < 0) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if (fill_char > PyUnicode_MAX_CHAR_VALUE(unicode)) {
        PyErr_SetString(PyExc_ValueError, "fill character is bigger than the string maximum "
                        "character");
        return -1;
    }
    Py_ssize_t maxlen = PyUnicode_GET_LENGTH(unicode) - start;
    length = Py_MIN(maxlen, length);
    if (length <= 0) {
        return 0;
    }
    int kind = PyUnicode_KIND(unicode);
    void *data = PyUnicode_DATA(unicode);
    for (Py_ssize_t i = 0; i < length; i++) {
        PyUnicode_WRITE(kind, data, start + i, fill_char);
    }
    return length;
}

Py_UCS4 *
PyUnicode_AsUCS4(PyObject *unicode, Py_UCS4 *buffer, Py_ssize_t buflen, int copy_null)
{
    if (!PyUnicode_Check(unicode) || buffer == NULL || buflen < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    Py_ssize_t need = len + (copy_null ? 1 : 0);
    if (buflen < need) {
        PyErr_Format(PyExc_SystemError, "string is longer than the buffer");
        if (copy_null && buflen > 0) {
            buffer[buflen - 1] = 0;
        }
        return NULL;
    }
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    for (Py_ssize_t i = 0; i < len; i++) {
        buffer[i] = PyUnicode_READ(kind, data, i);
    }
    if (copy_null) {
        buffer[len] = 0;
    }
    return buffer;
}

Py_UCS4 *
PyUnicode_AsUCS4Copy(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode) + 1;
    Py_UCS4 *buf = PyMem_New(Py_UCS4, (size_t)len);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    return PyUnicode_AsUCS4(unicode, buf, len, 1);
}

/* ---- UTF-8 cache --------------------------------------------------------------------------- */

const char *
PyUnicode_AsUTF8AndSize(PyObject *unicode, Py_ssize_t *psize)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        if (psize) {
            *psize = -1;
        }
        return NULL;
    }
    if (PyUnicode_IS_ASCII(unicode)) {
        if (psize) {
            *psize = PyUnicode_GET_LENGTH(unicode);
        }
        return PyUnicode_DATA(unicode);
    }
    PyCompactUnicodeObject *cu = _PyCompactUnicodeObject_CAST(unicode);
    /* Acquire pairs with the release in the compare-and-swap below, so utf8_length (written
     * before the pointer is published) is visible once the pointer is. */
    char *utf8 = _Py_atomic_load_ptr_acquire((const void **)&cu->utf8);
    if (utf8 == NULL) {
        PyObject *bytes = _PyUnicode_AsUTF8String(unicode, "strict");
        if (bytes == NULL) {
            if (psize) {
                *psize = -1;
            }
            return NULL;
        }
        Py_ssize_t n = PyBytes_GET_SIZE(bytes);
        char *copy = PyMem_Malloc((size_t)n + 1);
        if (copy == NULL) {
            Py_DECREF(bytes);
            PyErr_NoMemory();
            if (psize) {
                *psize = -1;
            }
            return NULL;
        }
        memcpy(copy, PyBytes_AS_STRING(bytes), (size_t)n + 1);
        Py_DECREF(bytes);
        /* Every racer computes the same length, so the plain store is benign. */
        FT_ATOMIC_STORE_SSIZE_RELAXED(cu->utf8_length, n);
        void *expected = NULL;
        if (_Py_atomic_compare_exchange_ptr((void **)&cu->utf8, &expected, copy)) {
            utf8 = copy;
        }
        else {
            PyMem_Free(copy);
            utf8 = expected;
        }
    }
    if (psize) {
        *psize = FT_ATOMIC_LOAD_SSIZE_RELAXED(cu->utf8_length);
    }
    return utf8;
}

const char *
PyUnicode_AsUTF8(PyObject *unicode)
{
    Py_ssize_t size;
    const char *s = PyUnicode_AsUTF8AndSize(unicode, &size);
    if (s != NULL && (Py_ssize_t)strlen(s) != size) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    return s;
}

Py_ssize_t
PyUnicode_AsWideChar(PyObject *unicode, wchar_t *w, Py_ssize_t size)
{
    if (unicode == NULL || !PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    if (w == NULL) {
        return len + 1;
    }
    Py_ssize_t n = Py_MIN(size, len + 1);
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    for (Py_ssize_t i = 0; i < n; i++) {
        w[i] = (wchar_t)(i < len ? PyUnicode_READ(kind, data, i) : 0);
    }
    return n > len ? len : n;
}

wchar_t *
PyUnicode_AsWideCharString(PyObject *unicode, Py_ssize_t *size)
{
    if (unicode == NULL || !PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    wchar_t *buf = PyMem_New(wchar_t, (size_t)len + 1);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    for (Py_ssize_t i = 0; i < len; i++) {
        buf[i] = (wchar_t)PyUnicode_READ(kind, data, i);
        if (size == NULL && buf[i] == 0) {
            PyMem_Free(buf);
            PyErr_SetString(PyExc_ValueError, "embedded null character");
            return NULL;
        }
    }
    buf[len] = 0;
    if (size) {
        *size = len;
    }
    return buf;
}

/* ---- interning ----------------------------------------------------------------------------
 * One process-wide open-addressing set of interned strings (power-of-two capacity, linear
 * probing, never shrinks; entries are immortal so they are never removed).  intern_lock
 * protects the table; interning is rare after start-up because identifiers cache their
 * object, so one lock is enough.  The state.interned bits of a str are written only under
 * the lock, before the str is published in the table. */

static PyMutex intern_lock;
static PyObject **intern_table;
static size_t intern_mask;     /* capacity - 1, or 0 before the first insertion */
static size_t intern_used;

static Py_hash_t unicode_hash(PyObject *self);
static int unicode_eq(PyObject *a, PyObject *b);

/* Called with intern_lock held: the slot for s (found or empty). */
static PyObject **
intern_slot(PyObject *s, Py_hash_t h)
{
    size_t i = (size_t)h & intern_mask;
    for (;;) {
        PyObject **slot = &intern_table[i];
        if (*slot == NULL || *slot == s || unicode_eq(*slot, s)) {
            return slot;
        }
        i = (i + 1) & intern_mask;
    }
}

static int
intern_grow(void)
{
    size_t newcap = intern_table == NULL ? 1024 : (intern_mask + 1) * 2;
    PyObject **newtab = PyMem_Calloc(newcap, sizeof(PyObject *));
    if (newtab == NULL) {
        return -1;
    }
    PyObject **old = intern_table;
    size_t oldcap = old == NULL ? 0 : intern_mask + 1;
    intern_table = newtab;
    intern_mask = newcap - 1;
    for (size_t i = 0; i < oldcap; i++) {
        if (old[i] != NULL) {
            size_t j = (size_t)_PyASCIIObject_CAST(old[i])->hash & intern_mask;
            while (newtab[j] != NULL) {
                j = (j + 1) & intern_mask;
            }
            newtab[j] = old[i];
        }
    }
    PyMem_Free(old);
    return 0;
}

/* Return the interned str equal to s (borrowed, immortal), inserting s if absent; NULL only
 * on memory error (no exception set).  Out of line: inlined, it made PyUnicode_InternInPlace
 * save six registers before its common exit, an already interned name (every setattr). */
static Py_NO_INLINE PyObject *
intern_common(PyObject *s)
{
    if (PyUnicode_CHECK_INTERNED(s)) {
        return s;
    }
    if (PyUnicode_GET_LENGTH(s) == 0) {
        return unicode_empty;
    }
    if (PyUnicode_GET_LENGTH(s) == 1 && PyUnicode_READ_CHAR(s, 0) < 256) {
        PyObject *c = _PyUnicode_FromLatin1Char((Py_UCS1)PyUnicode_READ_CHAR(s, 0));
        if (c != NULL && !PyUnicode_CHECK_INTERNED(c)) {
            PyMutex_Lock(&intern_lock);
            if (!PyUnicode_CHECK_INTERNED(c)) {
                unicode_hash(c);
                if (intern_used * 2 + 2 > intern_mask && intern_grow() < 0) {
                    PyMutex_Unlock(&intern_lock);
                    return NULL;
                }
                PyObject **slot = intern_slot(c, _PyASCIIObject_CAST(c)->hash);
                if (*slot == NULL) {
                    *slot = c;
                    intern_used++;
                }
                _PyASCIIObject_CAST(c)->state.interned = SSTATE_INTERNED_IMMORTAL;
            }
            PyMutex_Unlock(&intern_lock);
        }
        return c;
    }
    Py_hash_t h = unicode_hash(s);
    PyMutex_Lock(&intern_lock);
    if (intern_used * 2 + 2 > intern_mask && intern_grow() < 0) {
        PyMutex_Unlock(&intern_lock);
        return NULL;
    }
    PyObject **slot = intern_slot(s, h);
    PyObject *res = *slot;
    if (res == NULL) {
        _Py_SetImmortal(s);
        _PyASCIIObject_CAST(s)->state.interned = SSTATE_INTERNED_IMMORTAL;
        *slot = s;
        intern_used++;
        res = s;
    }
    PyMutex_Unlock(&intern_lock);
    return res;
}

void
PyUnicode_InternInPlace(PyObject **p)
{
    PyObject *s = *p;
    if (s == NULL || !PyUnicode_CheckExact(s)) {
        return;
    }
    if (PyUnicode_CHECK_INTERNED(s)) {
        return;
    }
    PyObject *t = intern_common(s);
    if (t == NULL) {
        PyErr_Clear();
        return;
    }
    if (t != s) {
        Py_SETREF(*p, Py_NewRef(t));
    }
}

void
PyUnicode_InternImmortal(PyObject **p)
{
    PyUnicode_InternInPlace(p);
}

void
_PyUnicode_InternImmortal(PyInterpreterState *interp, PyObject **p)
{
    (void)interp;
    PyUnicode_InternInPlace(p);
}

void
_PyUnicode_InternMortal(PyInterpreterState *interp, PyObject **p)
{
    (void)interp;
    PyUnicode_InternInPlace(p);
}

PyObject *
PyUnicode_InternFromString(const char *cp)
{
    PyObject *s = PyUnicode_FromString(cp);
    if (s == NULL) {
        return NULL;
    }
    PyUnicode_InternInPlace(&s);
    return s;
}

PyObject *
_PyUnicode_InternFromStringAndSize(const char *cp, Py_ssize_t size)
{
    PyObject *s = PyUnicode_FromStringAndSize(cp, size);
    if (s == NULL) {
        return NULL;
    }
    PyUnicode_InternInPlace(&s);
    return s;
}

Py_ssize_t
_PyUnicode_InternedSize(void)
{
    PyMutex_Lock(&intern_lock);
    Py_ssize_t n = (Py_ssize_t)intern_used;
    PyMutex_Unlock(&intern_lock);
    return n;
}

/* Borrowed, immortal.  The acquire load pairs with the compare-and-swap that publishes the
 * object; both racers intern the same string, so they publish the same pointer anyway. */
PyObject *
_PyUnicode_FromId(_Py_Identifier *id)
{
    PyObject *s = _Py_atomic_load_ptr_acquire((const void **)&id->object);
    if (s != NULL) {
        return s;
    }
    s = PyUnicode_InternFromString(id->string);
    if (s == NULL) {
        fprintf(stderr, "Fatal Python error: cannot create identifier '%s'\n", id->string);
        abort();
    }
    void *expected = NULL;
    if (!_Py_atomic_compare_exchange_ptr((void **)&id->object, &expected, s)) {
        return expected;
    }
    return s;
}

/* ---- hashing ------------------------------------------------------------------------------- */

static Py_hash_t
unicode_hash(PyObject *self)
{
    PyASCIIObject *a = _PyASCIIObject_CAST(self);
    Py_hash_t h = FT_ATOMIC_LOAD_SSIZE_RELAXED(a->hash);
    if (h != -1) {
        return h;
    }
    h = _Py_HashBytes(PyUnicode_DATA(self),
                      PyUnicode_GET_LENGTH(self) * PyUnicode_KIND(self));
    FT_ATOMIC_STORE_SSIZE_RELAXED(a->hash, h);
    return h;
}

Py_hash_t
_PyUnicode_Hash(PyObject *unicode)
{
    return unicode_hash(unicode);
}

/* ---- comparison ---------------------------------------------------------------------------- */

static int
unicode_eq(PyObject *a, PyObject *b)
{
    if (a == b) {
        return 1;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(a);
    if (PyUnicode_GET_LENGTH(b) != len) {
        return 0;
    }
    if (len == 0) {
        return 1;
    }
    int kind = PyUnicode_KIND(a);
    if (PyUnicode_KIND(b) != kind) {
        return 0;
    }
    return memcmp(PyUnicode_DATA(a), PyUnicode_DATA(b), (size_t)len * (size_t)kind) == 0;
}

int
_PyUnicode_Equal(PyObject *a, PyObject *b)
{
    return unicode_eq(a, b);
}

int
_PyUnicode_EQ(PyObject *a, PyObject *b)
{
    return unicode_eq(a, b);
}

int
PyUnicode_Equal(PyObject *a, PyObject *b)
{
    if (!PyUnicode_Check(a)) {
        PyErr_Format(PyExc_TypeError, "first argument must be str, not %s",
                     Py_TYPE(a)->tp_name);
        return -1;
    }
    if (!PyUnicode_Check(b)) {
        PyErr_Format(PyExc_TypeError, "second argument must be str, not %s",
                     Py_TYPE(b)->tp_name);
        return -1;
    }
    return unicode_eq(a, b);
}

/* -1, 0, 1 by code point order. */
static int
unicode_compare(PyObject *a, PyObject *b)
{
    Py_ssize_t la = PyUnicode_GET_LENGTH(a), lb = PyUnicode_GET_LENGTH(b);
    Py_ssize_t n = Py_MIN(la, lb);
    int ka = PyUnicode_KIND(a), kb = PyUnicode_KIND(b);
    const void *da = PyUnicode_DATA(a), *db = PyUnicode_DATA(b);
    if (ka == PyUnicode_1BYTE_KIND && kb == PyUnicode_1BYTE_KIND) {
        int c = memcmp(da, db, (size_t)n);
        if (c != 0) {
            return c < 0 ? -1 : 1;
        }
    }
    else {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS4 ca = PyUnicode_READ(ka, da, i), cb = PyUnicode_READ(kb, db, i);
            if (ca != cb) {
                return ca < cb ? -1 : 1;
            }
        }
    }
    return la < lb ? -1 : (la > lb ? 1 : 0);
}

int
PyUnicode_Compare(PyObject *left, PyObject *right)
{
    if (PyUnicode_Check(left) && PyUnicode_Check(right)) {
        return unicode_compare(left, right);
    }
    PyErr_Format(PyExc_TypeError, "Can't compare %.100s and %.100s", Py_TYPE(left)->tp_name,
                 Py_TYPE(right)->tp_name);
    return -1;
}

int
PyUnicode_CompareWithASCIIString(PyObject *uni, const char *str)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(uni);
    int kind = PyUnicode_KIND(uni);
    const void *data = PyUnicode_DATA(uni);
    Py_ssize_t i;
    for (i = 0; i < len && str[i]; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        Py_UCS4 d = (unsigned char)str[i];
        if (c != d) {
            return c < d ? -1 : 1;
        }
    }
    if (i < len) {
        return 1;
    }
    if (str[i]) {
        return -1;
    }
    return 0;
}

int
_PyUnicode_EqualToASCIIString(PyObject *unicode, const char *str)
{
    if (!PyUnicode_IS_ASCII(unicode)) {
        return 0;
    }
    size_t len = strlen(str);
    return (size_t)PyUnicode_GET_LENGTH(unicode) == len &&
           memcmp(PyUnicode_DATA(unicode), str, len) == 0;
}

int
_PyUnicode_EqualToASCIIId(PyObject *left, _Py_Identifier *right)
{
    PyObject *r = _PyUnicode_FromId(right);
    return unicode_eq(left, r);
}

int
PyUnicode_EqualToUTF8AndSize(PyObject *unicode, const char *string, Py_ssize_t size)
{
    if (!PyUnicode_Check(unicode)) {
        return 0;
    }
    if (PyUnicode_IS_ASCII(unicode)) {
        return PyUnicode_GET_LENGTH(unicode) == size &&
               memcmp(PyUnicode_DATA(unicode), string, (size_t)size) == 0;
    }
    PyCompactUnicodeObject *cu = _PyCompactUnicodeObject_CAST(unicode);
    const char *utf8 = _Py_atomic_load_ptr_acquire((const void **)&cu->utf8);
    if (utf8 != NULL) {
        return cu->utf8_length == size && memcmp(utf8, string, (size_t)size) == 0;
    }
    PyObject *other = PyUnicode_DecodeUTF8(string, size, "surrogatepass");
    if (other == NULL) {
        PyErr_Clear();
        return 0;
    }
    int r = unicode_eq(unicode, other);
    Py_DECREF(other);
    return r;
}

int
PyUnicode_EqualToUTF8(PyObject *unicode, const char *string)
{
    return PyUnicode_EqualToUTF8AndSize(unicode, string, (Py_ssize_t)strlen(string));
}

PyObject *
PyUnicode_RichCompare(PyObject *left, PyObject *right, int op)
{
    if (!PyUnicode_Check(left) || !PyUnicode_Check(right)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (op == Py_EQ || op == Py_NE) {
        int eq = unicode_eq(left, right);
        if ((op == Py_EQ) == eq) {
            Py_RETURN_TRUE;
        }
        Py_RETURN_FALSE;
    }
    int c = unicode_compare(left, right);
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

/* ---- concatenation ------------------------------------------------------------------------- */

PyObject *
PyUnicode_Concat(PyObject *left, PyObject *right)
{
    if (!PyUnicode_Check(left)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                     Py_TYPE(left)->tp_name);
        return NULL;
    }
    if (!PyUnicode_Check(right)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                     Py_TYPE(right)->tp_name);
        return NULL;
    }
    Py_ssize_t ll = PyUnicode_GET_LENGTH(left), lr = PyUnicode_GET_LENGTH(right);
    if (ll == 0) {
        return PyUnicode_FromObject(right);
    }
    if (lr == 0) {
        return PyUnicode_FromObject(left);
    }
    if (ll > PY_SSIZE_T_MAX - lr) {
        PyErr_SetString(PyExc_OverflowError, "strings are too large to concat");
        return NULL;
    }
    Py_UCS4 maxchar = Py_MAX(PyUnicode_MAX_CHAR_VALUE(left), PyUnicode_MAX_CHAR_VALUE(right));
    PyObject *res = unicode_alloc(ll + lr, maxchar);
    if (res == NULL) {
        return NULL;
    }
    copy_characters(res, 0, left, 0, ll);
    copy_characters(res, ll, right, 0, lr);
    return res;
}

/* Grow a str we own exclusively (compact, refcnt 1, not interned, hash unknown) in place. */
static PyObject *
resize_compact(PyObject *unicode, Py_ssize_t length)
{
    int kind = PyUnicode_KIND(unicode);
    size_t header = PyUnicode_IS_ASCII(unicode) ? sizeof(PyASCIIObject)
                                               : sizeof(PyCompactUnicodeObject);
    if ((size_t)length > (PY_SSIZE_T_MAX - header) / (size_t)kind - 1) {
        PyErr_NoMemory();
        return NULL;
    }
    if (!PyUnicode_IS_ASCII(unicode)) {
        PyCompactUnicodeObject *cu = _PyCompactUnicodeObject_CAST(unicode);
        if (cu->utf8 != NULL) {
            PyMem_Free(cu->utf8);
            cu->utf8 = NULL;
            cu->utf8_length = 0;
        }
    }
    PyObject *res = PyObject_Realloc(unicode, header + ((size_t)length + 1) * (size_t)kind);
    if (res == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    _PyASCIIObject_CAST(res)->length = length;
    PyUnicode_WRITE(kind, PyUnicode_DATA(res), length, 0);
    return res;
}

void
PyUnicode_Append(PyObject **p_left, PyObject *right)
{
    PyObject *left = *p_left;
    if (left == NULL || right == NULL || !PyUnicode_Check(left) || !PyUnicode_Check(right)) {
        if (!PyErr_Occurred()) {
            PyErr_BadInternalCall();
        }
        Py_CLEAR(*p_left);
        return;
    }
    Py_ssize_t ll = PyUnicode_GET_LENGTH(left), lr = PyUnicode_GET_LENGTH(right);
    if (lr == 0 && PyUnicode_CheckExact(left)) {
        return;
    }
    if (ll == 0 && PyUnicode_CheckExact(right)) {
        Py_SETREF(*p_left, Py_NewRef(right));
        return;
    }
    if (ll > PY_SSIZE_T_MAX - lr) {
        PyErr_SetString(PyExc_OverflowError, "strings are too large to concat");
        Py_CLEAR(*p_left);
        return;
    }
    /* In-place growth when nobody else can see left. */
    if (unicode_modifiable(left) && PyUnicode_IS_COMPACT(left) && !_Py_IsImmortal(left) &&
        PyUnicode_MAX_CHAR_VALUE(right) <= PyUnicode_MAX_CHAR_VALUE(left) &&
        !(PyUnicode_IS_ASCII(right) == 0 && PyUnicode_IS_ASCII(left))) {
        PyObject *res = resize_compact(left, ll + lr);
        if (res == NULL) {
            Py_DECREF(left);
            *p_left = NULL;
            return;
        }
        copy_characters(res, ll, right, 0, lr);
        *p_left = res;
        return;
    }
    PyObject *res = PyUnicode_Concat(left, right);
    Py_SETREF(*p_left, res);
}

void
PyUnicode_AppendAndDel(PyObject **pleft, PyObject *right)
{
    PyUnicode_Append(pleft, right);
    Py_XDECREF(right);
}

/* ---- join ---------------------------------------------------------------------------------- */

PyObject *
_PyUnicode_JoinArray(PyObject *separator, PyObject *const *items, Py_ssize_t seqlen)
{
    if (seqlen == 0) {
        return unicode_new_empty();
    }
    Py_ssize_t seplen = 0;
    Py_UCS4 maxchar = 0;
    if (separator != NULL) {
        if (!PyUnicode_Check(separator)) {
            PyErr_Format(PyExc_TypeError, "separator: expected str instance, %.80s found",
                         Py_TYPE(separator)->tp_name);
            return NULL;
        }
        seplen = PyUnicode_GET_LENGTH(separator);
        if (seqlen > 1 && seplen) {
            maxchar = PyUnicode_MAX_CHAR_VALUE(separator);
        }
    }
    if (seqlen == 1 && PyUnicode_CheckExact(items[0])) {
        return Py_NewRef(items[0]);
    }
    Py_ssize_t total = 0;
    for (Py_ssize_t i = 0; i < seqlen; i++) {
        PyObject *item = items[i];
        if (!PyUnicode_Check(item)) {
            PyErr_Format(PyExc_TypeError, "sequence item %zd: expected str instance, %.80s found",
                         i, Py_TYPE(item)->tp_name);
            return NULL;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(item);
        if (n > PY_SSIZE_T_MAX - total) {
            PyErr_SetString(PyExc_OverflowError, "join() result is too long for a Python string");
            return NULL;
        }
        total += n;
        if (n) {
            maxchar = Py_MAX(maxchar, PyUnicode_MAX_CHAR_VALUE(item));
        }
        if (i > 0 && seplen) {
            if (seplen > PY_SSIZE_T_MAX - total) {
                PyErr_SetString(PyExc_OverflowError,
                                "join() result is too long for a Python string");
                return NULL;
            }
            total += seplen;
        }
    }
    if (total == 0) {
        return unicode_new_empty();
    }
    PyObject *res = unicode_alloc(total, maxchar);
    if (res == NULL) {
        return NULL;
    }
    Py_ssize_t pos = 0;
    if (PyUnicode_KIND(res) == PyUnicode_1BYTE_KIND) {
        /* Fast path: every piece is one byte per character. */
        Py_UCS1 *out = PyUnicode_1BYTE_DATA(res);
        const Py_UCS1 *sep = seplen ? PyUnicode_1BYTE_DATA(separator) : NULL;
        for (Py_ssize_t i = 0; i < seqlen; i++) {
            if (i > 0 && seplen) {
                memcpy(out + pos, sep, (size_t)seplen);
                pos += seplen;
            }
            Py_ssize_t n = PyUnicode_GET_LENGTH(items[i]);
            if (n) {
                memcpy(out + pos, PyUnicode_DATA(items[i]), (size_t)n);
                pos += n;
            }
        }
        return res;
    }
    for (Py_ssize_t i = 0; i < seqlen; i++) {
        if (i > 0 && seplen) {
            copy_characters(res, pos, separator, 0, seplen);
            pos += seplen;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(items[i]);
        copy_characters(res, pos, items[i], 0, n);
        pos += n;
    }
    return res;
}

PyObject *
PyUnicode_Join(PyObject *separator, PyObject *seq)
{
    PyObject *fast = PySequence_Fast(seq, "can only join an iterable");
    if (fast == NULL) {
        return NULL;
    }
    PyObject *res;
    /* PySequence_Fast returns a list argument itself: lock it so that another thread cannot
     * change its items while we read them (free-threaded build). */
    Py_BEGIN_CRITICAL_SECTION(fast);
    res = _PyUnicode_JoinArray(separator, PySequence_Fast_ITEMS(fast),
                               PySequence_Fast_GET_SIZE(fast));
    Py_END_CRITICAL_SECTION();
    Py_DECREF(fast);
    return res;
}

PyObject *
_PyUnicode_JoinIterable(PyObject *separator, PyObject *iterable)
{
    return PyUnicode_Join(separator, iterable);
}

/* ---- searching (the primitives; the methods are in unicode_methods.c) --------------------- */

void
_PyUnicode_AdjustIndices(Py_ssize_t *start, Py_ssize_t *end, Py_ssize_t len)
{
    if (*end > len) {
        *end = len;
    }
    else if (*end < 0) {
        *end += len;
        if (*end < 0) {
            *end = 0;
        }
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) {
            *start = 0;
        }
    }
}

/* Naive search with a first-character filter and memchr for 1-byte data; good enough for
 * the common short needles.  Returns the index or -1. */
static Py_ssize_t
find_in_range(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int direction)
{
    Py_ssize_t m = PyUnicode_GET_LENGTH(sub);
    if (end - start < m) {
        return -1;
    }
    if (m == 0) {
        return direction > 0 ? start : end;
    }
    int sk = PyUnicode_KIND(str), nk = PyUnicode_KIND(sub);
    if (nk > sk) {
        return -1;
    }
    const void *s = PyUnicode_DATA(str);
    const void *n = PyUnicode_DATA(sub);
    Py_UCS4 first = PyUnicode_READ(nk, n, 0);
    if (m == 1) {
        if (sk == PyUnicode_1BYTE_KIND) {
            const Py_UCS1 *hs = s;
            if (direction > 0) {
                const Py_UCS1 *p = memchr(hs + start, (int)first, (size_t)(end - start));
                return p ? p - hs : -1;
            }
            for (Py_ssize_t i = end - 1; i >= start; i--) {
                if (hs[i] == first) {
                    return i;
                }
            }
            return -1;
        }
        if (direction > 0) {
            for (Py_ssize_t i = start; i < end; i++) {
                if (PyUnicode_READ(sk, s, i) == first) {
                    return i;
                }
            }
        }
        else {
            for (Py_ssize_t i = end - 1; i >= start; i--) {
                if (PyUnicode_READ(sk, s, i) == first) {
                    return i;
                }
            }
        }
        return -1;
    }
    if (sk == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *hs = s;
        const Py_UCS1 *nd = n;
        if (direction > 0) {
            const Py_UCS1 *p = hs + start;
            const Py_UCS1 *last = hs + end - m;
            while (p <= last) {
                p = memchr(p, (int)first, (size_t)(last - p + 1));
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
            if (hs[i] == first && memcmp(hs + i, nd, (size_t)m) == 0) {
                return i;
            }
        }
        return -1;
    }
    if (direction > 0) {
        for (Py_ssize_t i = start; i <= end - m; i++) {
            if (PyUnicode_READ(sk, s, i) != first) {
                continue;
            }
            Py_ssize_t j = 1;
            while (j < m && PyUnicode_READ(sk, s, i + j) == PyUnicode_READ(nk, n, j)) {
                j++;
            }
            if (j == m) {
                return i;
            }
        }
        return -1;
    }
    for (Py_ssize_t i = end - m; i >= start; i--) {
        if (PyUnicode_READ(sk, s, i) != first) {
            continue;
        }
        Py_ssize_t j = 1;
        while (j < m && PyUnicode_READ(sk, s, i + j) == PyUnicode_READ(nk, n, j)) {
            j++;
        }
        if (j == m) {
            return i;
        }
    }
    return -1;
}

Py_ssize_t
_PyUnicode_FindSub(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end,
                   int direction)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    _PyUnicode_AdjustIndices(&start, &end, len);
    if (start > len || end < start) {
        return -1;
    }
    return find_in_range(str, sub, start, end, direction);
}

Py_ssize_t
_PyUnicode_CountSub(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end,
                    Py_ssize_t maxcount)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    _PyUnicode_AdjustIndices(&start, &end, len);
    if (start > len || end < start) {
        return 0;
    }
    Py_ssize_t m = PyUnicode_GET_LENGTH(sub);
    if (m == 0) {
        Py_ssize_t c = end - start + 1;
        return (maxcount >= 0 && c > maxcount) ? maxcount : c;
    }
    Py_ssize_t count = 0;
    if (m == 1 && PyUnicode_KIND(str) == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *p = PyUnicode_1BYTE_DATA(str);
        Py_UCS4 c = PyUnicode_READ_CHAR(sub, 0);
        for (Py_ssize_t i = start; i < end; i++) {
            count += p[i] == c;
        }
        return (maxcount >= 0 && count > maxcount) ? maxcount : count;
    }
    while (maxcount < 0 || count < maxcount) {
        Py_ssize_t i = find_in_range(str, sub, start, end, 1);
        if (i < 0) {
            break;
        }
        count++;
        start = i + m;
    }
    return count;
}

Py_ssize_t
PyUnicode_Find(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end,
               int direction)
{
    if (!PyUnicode_Check(str) || !PyUnicode_Check(substr)) {
        PyErr_BadArgument();
        return -2;
    }
    return _PyUnicode_FindSub(str, substr, start, end, direction);
}

Py_ssize_t
PyUnicode_FindChar(PyObject *str, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end, int direction)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    _PyUnicode_AdjustIndices(&start, &end, len);
    if (end - start < 1) {
        return -1;
    }
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    if (direction > 0) {
        for (Py_ssize_t i = start; i < end; i++) {
            if (PyUnicode_READ(kind, data, i) == ch) {
                return i;
            }
        }
    }
    else {
        for (Py_ssize_t i = end - 1; i >= start; i--) {
            if (PyUnicode_READ(kind, data, i) == ch) {
                return i;
            }
        }
    }
    return -1;
}

Py_ssize_t
PyUnicode_Count(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end)
{
    if (!PyUnicode_Check(str) || !PyUnicode_Check(substr)) {
        PyErr_BadArgument();
        return -1;
    }
    return _PyUnicode_CountSub(str, substr, start, end, -1);
}

Py_ssize_t
PyUnicode_Tailmatch(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end,
                    int direction)
{
    if (!PyUnicode_Check(str) || !PyUnicode_Check(substr)) {
        PyErr_BadArgument();
        return -1;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    Py_ssize_t m = PyUnicode_GET_LENGTH(substr);
    _PyUnicode_AdjustIndices(&start, &end, len);
    end -= m;
    if (end < start) {
        return 0;
    }
    if (m == 0) {
        return 1;
    }
    Py_ssize_t offset = direction > 0 ? end : start;
    int sk = PyUnicode_KIND(str), nk = PyUnicode_KIND(substr);
    const void *s = PyUnicode_DATA(str), *n = PyUnicode_DATA(substr);
    if (sk == nk) {
        return memcmp((const char *)s + offset * sk, n, (size_t)m * (size_t)sk) == 0;
    }
    for (Py_ssize_t i = 0; i < m; i++) {
        if (PyUnicode_READ(sk, s, offset + i) != PyUnicode_READ(nk, n, i)) {
            return 0;
        }
    }
    return 1;
}

int
PyUnicode_Contains(PyObject *str, PyObject *substr)
{
    if (!PyUnicode_Check(substr)) {
        PyErr_Format(PyExc_TypeError, "'in <string>' requires string as left operand, not %.100s",
                     Py_TYPE(substr)->tp_name);
        return -1;
    }
    if (!PyUnicode_Check(str)) {
        PyErr_BadArgument();
        return -1;
    }
    return find_in_range(str, substr, 0, PyUnicode_GET_LENGTH(str), 1) >= 0;
}

/* ---- _PyUnicodeWriter ---------------------------------------------------------------------- */

void
_PyUnicodeWriter_Init(_PyUnicodeWriter *writer)
{
    memset(writer, 0, sizeof(*writer));
    writer->min_char = 127;
    writer->kind = PyUnicode_1BYTE_KIND;
}

static void
writer_update(_PyUnicodeWriter *writer)
{
    writer->maxchar = PyUnicode_MAX_CHAR_VALUE(writer->buffer);
    writer->data = PyUnicode_DATA(writer->buffer);
    writer->kind = PyUnicode_KIND(writer->buffer);
    writer->size = writer->readonly ? 0 : PyUnicode_GET_LENGTH(writer->buffer);
}

int
_PyUnicodeWriter_PrepareInternal(_PyUnicodeWriter *writer, Py_ssize_t length, Py_UCS4 maxchar)
{
    if (length > PY_SSIZE_T_MAX - writer->pos) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t newlen = writer->pos + length;
    maxchar = Py_MAX(maxchar, writer->min_char);
    if (writer->buffer == NULL) {
        Py_ssize_t alloc = Py_MAX(newlen, writer->min_length);
        if (writer->overallocate && alloc <= PY_SSIZE_T_MAX / 4 * 3) {
            alloc += alloc / 4;
        }
        if (alloc < 16 && writer->overallocate) {
            alloc = 16;
        }
        writer->buffer = unicode_alloc(alloc, maxchar);
        if (writer->buffer == NULL) {
            return -1;
        }
        writer->readonly = 0;
        writer_update(writer);
        return 0;
    }
    Py_ssize_t alloc = writer->size;
    if (newlen > alloc || writer->readonly) {
        alloc = newlen;
        if (writer->overallocate && alloc <= PY_SSIZE_T_MAX / 4 * 3) {
            alloc += alloc / 4;
        }
        alloc = Py_MAX(alloc, writer->min_length);
    }
    Py_UCS4 newmax = Py_MAX(maxchar, writer->maxchar);
    if (writer->readonly || newmax > writer->maxchar) {
        /* Copy into a fresh (wider or private) buffer. */
        PyObject *newbuf = unicode_alloc(alloc, newmax);
        if (newbuf == NULL) {
            return -1;
        }
        copy_characters(newbuf, 0, writer->buffer, 0, writer->pos);
        Py_SETREF(writer->buffer, newbuf);
        writer->readonly = 0;
    }
    else if (alloc > writer->size) {
        PyObject *newbuf = resize_compact(writer->buffer, alloc);
        if (newbuf == NULL) {
            return -1;
        }
        writer->buffer = newbuf;
    }
    writer_update(writer);
    return 0;
}

int
_PyUnicodeWriter_PrepareKindInternal(_PyUnicodeWriter *writer, int kind)
{
    Py_UCS4 maxchar = kind == PyUnicode_1BYTE_KIND ? 0xff
                      : kind == PyUnicode_2BYTE_KIND ? 0xffff : 0x10ffff;
    return _PyUnicodeWriter_PrepareInternal(writer, 0 + 1, maxchar) < 0 ? -1 : 0;
}

int
_PyUnicodeWriter_WriteChar(_PyUnicodeWriter *writer, Py_UCS4 ch)
{
    if (_PyUnicodeWriter_Prepare(writer, 1, ch) < 0) {
        return -1;
    }
    PyUnicode_WRITE(writer->kind, writer->data, writer->pos, ch);
    writer->pos++;
    return 0;
}

int
_PyUnicodeWriter_WriteStr(_PyUnicodeWriter *writer, PyObject *str)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (len == 0) {
        return 0;
    }
    Py_UCS4 maxchar = PyUnicode_MAX_CHAR_VALUE(str);
    if (writer->buffer == NULL && !writer->overallocate && PyUnicode_CheckExact(str) &&
        maxchar >= writer->min_char && len >= writer->min_length) {
        /* Share the str until something else is written. */
        writer->buffer = Py_NewRef(str);
        writer->readonly = 1;
        writer_update(writer);
        writer->pos = len;
        return 0;
    }
    if (_PyUnicodeWriter_Prepare(writer, len, maxchar) < 0) {
        return -1;
    }
    copy_characters(writer->buffer, writer->pos, str, 0, len);
    writer->pos += len;
    return 0;
}

int
_PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter *writer, PyObject *str, Py_ssize_t start,
                                Py_ssize_t end)
{
    if (end <= start) {
        return 0;
    }
    if (start == 0 && end == PyUnicode_GET_LENGTH(str)) {
        return _PyUnicodeWriter_WriteStr(writer, str);
    }
    Py_UCS4 maxchar = PyUnicode_IS_ASCII(str) ? 127 : _PyUnicode_FindMaxChar(str, start, end);
    if (_PyUnicodeWriter_Prepare(writer, end - start, maxchar) < 0) {
        return -1;
    }
    copy_characters(writer->buffer, writer->pos, str, start, end - start);
    writer->pos += end - start;
    return 0;
}

int
_PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter *writer, const char *ascii, Py_ssize_t len)
{
    if (len == -1) {
        len = (Py_ssize_t)strlen(ascii);
    }
    if (len == 0) {
        return 0;
    }
    if (_PyUnicodeWriter_Prepare(writer, len, 127) < 0) {
        return -1;
    }
    if (writer->kind == PyUnicode_1BYTE_KIND) {
        memcpy((Py_UCS1 *)writer->data + writer->pos, ascii, (size_t)len);
    }
    else {
        for (Py_ssize_t i = 0; i < len; i++) {
            PyUnicode_WRITE(writer->kind, writer->data, writer->pos + i, (Py_UCS1)ascii[i]);
        }
    }
    writer->pos += len;
    return 0;
}

int
_PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter *writer, const char *str, Py_ssize_t len)
{
    if (len == -1) {
        len = (Py_ssize_t)strlen(str);
    }
    Py_UCS4 maxchar = _PyUnicode_MaxCharOfData(PyUnicode_1BYTE_KIND, str, len);
    if (_PyUnicodeWriter_Prepare(writer, len, maxchar) < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        PyUnicode_WRITE(writer->kind, writer->data, writer->pos + i, (Py_UCS1)str[i]);
    }
    writer->pos += len;
    return 0;
}

int
_PyUnicodeWriter_WriteUTF8(_PyUnicodeWriter *writer, const char *str, Py_ssize_t len)
{
    if (len == -1) {
        len = (Py_ssize_t)strlen(str);
    }
    PyObject *s = PyUnicode_DecodeUTF8Stateful(str, len, NULL, NULL);
    if (s == NULL) {
        return -1;
    }
    int r = _PyUnicodeWriter_WriteStr(writer, s);
    Py_DECREF(s);
    return r;
}

PyObject *
_PyUnicodeWriter_Finish(_PyUnicodeWriter *writer)
{
    PyObject *buf = writer->buffer;
    writer->buffer = NULL;
    if (buf == NULL) {
        return unicode_new_empty();
    }
    if (writer->readonly) {
        return buf;
    }
    if (writer->pos == 0) {
        Py_DECREF(buf);
        return unicode_new_empty();
    }
    if (PyUnicode_GET_LENGTH(buf) != writer->pos) {
        PyObject *res = resize_compact(buf, writer->pos);
        if (res == NULL) {
            Py_DECREF(buf);
            return NULL;
        }
        buf = res;
    }
    return _PyUnicode_Result(buf);
}

void
_PyUnicodeWriter_Dealloc(_PyUnicodeWriter *writer)
{
    Py_CLEAR(writer->buffer);
}

/* ---- PyUnicode_FromFormat ------------------------------------------------------------------ */

/* Write s padded to width (right-aligned unless left) and cut to precision characters. */
static int
write_padded(_PyUnicodeWriter *w, PyObject *s, Py_ssize_t width, Py_ssize_t precision, int left,
             char fill)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    if (precision >= 0 && len > precision) {
        len = precision;
    }
    Py_ssize_t pad = width > len ? width - len : 0;
    if (!left) {
        for (Py_ssize_t i = 0; i < pad; i++) {
            if (_PyUnicodeWriter_WriteChar(w, (Py_UCS4)fill) < 0) {
                return -1;
            }
        }
    }
    if (_PyUnicodeWriter_WriteSubstring(w, s, 0, len) < 0) {
        return -1;
    }
    if (left) {
        for (Py_ssize_t i = 0; i < pad; i++) {
            if (_PyUnicodeWriter_WriteChar(w, ' ') < 0) {
                return -1;
            }
        }
    }
    return 0;
}

/* Decode a C string with at most precision bytes ("replace" errors), as %s does. */
static PyObject *
decode_cstr(const char *s, Py_ssize_t precision)
{
    Py_ssize_t n;
    if (precision < 0) {
        n = (Py_ssize_t)strlen(s);
    }
    else {
        const char *nul = memchr(s, 0, (size_t)precision);
        n = nul ? nul - s : precision;
    }
    return PyUnicode_DecodeUTF8Stateful(s, n, "replace", NULL);
}

PyObject *
PyUnicode_FromFormatV(const char *format, va_list vargs)
{
    va_list ap;
    va_copy(ap, vargs);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    const char *f = format;
    while (*f) {
        if (*f != '%') {
            const char *p = f;
            while (*p && *p != '%') {
                if ((unsigned char)*p >= 128) {
                    PyErr_Format(PyExc_ValueError,
                                 "PyUnicode_FromFormatV() expects an ASCII-encoded format "
                                 "string, got a non-ASCII byte: 0x%02x", (unsigned char)*p);
                    goto error;
                }
                p++;
            }
            if (_PyUnicodeWriter_WriteASCIIString(&w, f, p - f) < 0) {
                goto error;
            }
            f = p;
            continue;
        }
        const char *start = f;
        f++;
        if (*f == '%') {
            if (_PyUnicodeWriter_WriteChar(&w, '%') < 0) {
                goto error;
            }
            f++;
            continue;
        }
        int left = 0, zero = 0, alt = 0;
        for (;; f++) {
            if (*f == '-') {
                left = 1;
            }
            else if (*f == '0') {
                zero = 1;
            }
            else if (*f == '#') {
                alt = 1;
            }
            else {
                break;
            }
        }
        Py_ssize_t width = -1, precision = -1;
        if (*f == '*') {
            width = va_arg(ap, int);
            if (width < 0) {
                left = 1;
                width = -width;
            }
            f++;
        }
        else {
            while (*f >= '0' && *f <= '9') {
                width = (width < 0 ? 0 : width) * 10 + (*f - '0');
                f++;
            }
        }
        if (*f == '.') {
            f++;
            precision = 0;
            if (*f == '*') {
                precision = va_arg(ap, int);
                if (precision < 0) {
                    precision = -1;
                }
                f++;
            }
            else {
                while (*f >= '0' && *f <= '9') {
                    precision = precision * 10 + (*f - '0');
                    f++;
                }
            }
        }
        int size_mod = 0; /* 0 int, 1 long, 2 long long, 3 size_t, 4 ptrdiff, 5 intmax */
        if (*f == 'l') {
            size_mod = 1;
            f++;
            if (*f == 'l') {
                size_mod = 2;
                f++;
            }
        }
        else if (*f == 'z') {
            size_mod = 3;
            f++;
        }
        else if (*f == 't') {
            size_mod = 4;
            f++;
        }
        else if (*f == 'j') {
            size_mod = 5;
            f++;
        }
        char conv = *f;
        if (conv == '\0') {
            PyErr_SetString(PyExc_SystemError, "PyUnicode_FromFormatV() expects a conversion "
                            "character after %");
            goto error;
        }
        f++;
        PyObject *piece = NULL;
        char buf[128];
        switch (conv) {
        case 'c': {
            int ch = va_arg(ap, int);
            if (ch < 0 || ch > 0x10ffff) {
                PyErr_SetString(PyExc_OverflowError,
                                "character argument not in range(0x110000)");
                goto error;
            }
            piece = unicode_char((Py_UCS4)ch);
            break;
        }
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
            char spec[16];
            int k = 0;
            spec[k++] = '%';
            const char *lm = size_mod == 1 ? "l" : size_mod == 2 ? "ll" : size_mod == 3 ? "z"
                             : size_mod == 4 ? "t" : size_mod == 5 ? "j" : "";
            while (*lm) {
                spec[k++] = *lm++;
            }
            spec[k++] = conv == 'i' ? 'd' : conv;
            spec[k] = 0;
            int n;
            int is_signed = conv == 'd' || conv == 'i';
            switch (size_mod) {
            case 1:
                n = is_signed ? snprintf(buf, sizeof(buf), spec, va_arg(ap, long))
                              : snprintf(buf, sizeof(buf), spec, va_arg(ap, unsigned long));
                break;
            case 2:
                n = is_signed ? snprintf(buf, sizeof(buf), spec, va_arg(ap, long long))
                              : snprintf(buf, sizeof(buf), spec,
                                         va_arg(ap, unsigned long long));
                break;
            case 3:
                n = is_signed ? snprintf(buf, sizeof(buf), spec, va_arg(ap, Py_ssize_t))
                              : snprintf(buf, sizeof(buf), spec, va_arg(ap, size_t));
                break;
            case 4:
                n = snprintf(buf, sizeof(buf), spec, va_arg(ap, ptrdiff_t));
                break;
            case 5:
                n = is_signed ? snprintf(buf, sizeof(buf), spec, va_arg(ap, intmax_t))
                              : snprintf(buf, sizeof(buf), spec, va_arg(ap, uintmax_t));
                break;
            default:
                n = is_signed ? snprintf(buf, sizeof(buf), spec, va_arg(ap, int))
                              : snprintf(buf, sizeof(buf), spec, va_arg(ap, unsigned int));
                break;
            }
            /* precision = minimum digits, zero-padded after the sign */
            const char *digits = buf;
            int neg = buf[0] == '-';
            if (neg) {
                digits++;
            }
            Py_ssize_t nd = n - neg;
            char out[300];
            Py_ssize_t o = 0;
            if (neg) {
                out[o++] = '-';
            }
            Py_ssize_t zeros = precision > nd ? precision - nd : 0;
            if (zero && !left && precision < 0 && width > n) {
                zeros = width - n;
            }
            for (Py_ssize_t i = 0; i < zeros && o < 200; i++) {
                out[o++] = '0';
            }
            memcpy(out + o, digits, (size_t)nd);
            o += nd;
            piece = _PyUnicode_FromASCII(out, o);
            precision = -1;
            break;
        }
        case 'p': {
            void *ptr = va_arg(ap, void *);
            int n = snprintf(buf, sizeof(buf), "%p", ptr);
            if (buf[1] == 'X') {
                buf[1] = 'x';
            }
            else if (buf[1] != 'x') {
                char tmp[120];
                memcpy(tmp, buf, sizeof(tmp));
                tmp[sizeof(tmp) - 1] = 0;
                n = snprintf(buf, sizeof(buf), "0x%s", tmp);
            }
            piece = _PyUnicode_FromASCII(buf, n);
            break;
        }
        case 's': {
            if (size_mod == 1) {
                /* %ls: a wchar_t string */
                const wchar_t *ws = va_arg(ap, const wchar_t *);
                Py_ssize_t n = ws ? (Py_ssize_t)wcslen(ws) : 0;
                if (precision >= 0 && n > precision) {
                    n = precision;
                }
                piece = ws ? PyUnicode_FromWideChar(ws, n) : PyUnicode_FromString("(null)");
                precision = -1;
                break;
            }
            const char *s = va_arg(ap, const char *);
            piece = decode_cstr(s ? s : "(null)", precision);
            precision = -1;
            break;
        }
        case 'U': {
            PyObject *obj = va_arg(ap, PyObject *);
            piece = Py_NewRef(obj);
            break;
        }
        case 'V': {
            PyObject *obj = va_arg(ap, PyObject *);
            if (size_mod == 1) {
                const wchar_t *ws = va_arg(ap, const wchar_t *);
                piece = obj != NULL ? Py_NewRef(obj) : PyUnicode_FromWideChar(ws, -1);
                break;
            }
            const char *s = va_arg(ap, const char *);
            if (obj != NULL) {
                piece = Py_NewRef(obj);
            }
            else {
                piece = decode_cstr(s, precision);
                precision = -1;
            }
            break;
        }
        case 'S':
            piece = PyObject_Str(va_arg(ap, PyObject *));
            break;
        case 'R':
            piece = PyObject_Repr(va_arg(ap, PyObject *));
            break;
        case 'A':
            piece = PyObject_ASCII(va_arg(ap, PyObject *));
            break;
        case 'T':
        case 'N': {
            PyObject *obj = va_arg(ap, PyObject *);
            PyTypeObject *type;
            if (conv == 'T') {
                type = Py_TYPE(obj);
            }
            else {
                if (!PyType_Check(obj)) {
                    PyErr_SetString(PyExc_TypeError, "%N argument must be a type");
                    goto error;
                }
                type = (PyTypeObject *)obj;
            }
            piece = PyType_GetFullyQualifiedName(type);
            if (piece != NULL && alt) {
                /* "%#T" uses ':' between module and qualname. */
                PyObject *mod = PyType_GetModuleName(type);
                PyObject *qual = PyType_GetQualName(type);
                if (mod == NULL || qual == NULL) {
                    Py_XDECREF(mod);
                    Py_XDECREF(qual);
                    Py_CLEAR(piece);
                    goto error;
                }
                if (PyUnicode_Check(mod) && !_PyUnicode_EqualToASCIIString(mod, "builtins") &&
                    !_PyUnicode_EqualToASCIIString(mod, "__main__")) {
                    Py_SETREF(piece, PyUnicode_FromFormat("%U:%U", mod, qual));
                }
                Py_DECREF(mod);
                Py_DECREF(qual);
            }
            break;
        }
        default:
            PyErr_Format(PyExc_SystemError, "invalid format string: %s", start);
            goto error;
        }
        if (piece == NULL) {
            goto error;
        }
        int r = write_padded(&w, piece, width, precision, left, ' ');
        Py_DECREF(piece);
        if (r < 0) {
            goto error;
        }
    }
    va_end(ap);
    return _PyUnicodeWriter_Finish(&w);
error:
    va_end(ap);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *
PyUnicode_FromFormat(const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *res = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    return res;
}

/* ---- repr ---------------------------------------------------------------------------------- */

PyObject *
_PyUnicode_Repr(PyObject *unicode)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    Py_ssize_t squote = 0, dquote = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == '\'') {
            squote++;
        }
        else if (ch == '"') {
            dquote++;
        }
    }
    Py_UCS4 quote = '\'';
    if (squote && !dquote) {
        quote = '"';
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    w.min_length = len + 2;
    if (_PyUnicodeWriter_WriteChar(&w, quote) < 0) {
        goto error;
    }
    static const char hexdigits[] = "0123456789abcdef";
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        char esc[12];
        int n = 0;
        if (ch == quote || ch == '\\') {
            esc[n++] = '\\';
            esc[n++] = (char)ch;
        }
        else if (ch == '\t') {
            esc[n++] = '\\';
            esc[n++] = 't';
        }
        else if (ch == '\n') {
            esc[n++] = '\\';
            esc[n++] = 'n';
        }
        else if (ch == '\r') {
            esc[n++] = '\\';
            esc[n++] = 'r';
        }
        else if (ch < ' ' || ch == 0x7f) {
            esc[n++] = '\\';
            esc[n++] = 'x';
            esc[n++] = hexdigits[(ch >> 4) & 0xf];
            esc[n++] = hexdigits[ch & 0xf];
        }
        else if (ch < 0x7f) {
            esc[n++] = (char)ch;
        }
        else if (_PyUnicode_IsPrintable(ch)) {
            if (_PyUnicodeWriter_WriteChar(&w, ch) < 0) {
                goto error;
            }
            continue;
        }
        else {
            esc[n++] = '\\';
            int digits;
            if (ch <= 0xff) {
                esc[n++] = 'x';
                digits = 2;
            }
            else if (ch <= 0xffff) {
                esc[n++] = 'u';
                digits = 4;
            }
            else {
                esc[n++] = 'U';
                digits = 8;
            }
            for (int d = digits - 1; d >= 0; d--) {
                esc[n++] = hexdigits[(ch >> (4 * d)) & 0xf];
            }
        }
        if (_PyUnicodeWriter_WriteASCIIString(&w, esc, n) < 0) {
            goto error;
        }
    }
    if (_PyUnicodeWriter_WriteChar(&w, quote) < 0) {
        goto error;
    }
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *
unicode_repr(PyObject *self)
{
    return _PyUnicode_Repr(self);
}

/* ---- identifiers, numbers ------------------------------------------------------------------ */

Py_ssize_t
_PyUnicode_ScanIdentifier(PyObject *self)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (len == 0) {
        return 0;
    }
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    Py_UCS4 ch = PyUnicode_READ(kind, data, 0);
    if (!_PyUnicode_IsXidStart(ch) && ch != '_') {
        return 0;
    }
    Py_ssize_t i;
    for (i = 1; i < len; i++) {
        ch = PyUnicode_READ(kind, data, i);
        if (!_PyUnicode_IsXidContinue(ch)) {
            break;
        }
    }
    return i;
}

int
PyUnicode_IsIdentifier(PyObject *self)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    return len > 0 && _PyUnicode_ScanIdentifier(self) == len;
}

int
_PyUnicode_IsAsciiWhitespaceChar(Py_UCS4 ch)
{
    return ch < 128 && _Py_ascii_whitespace[ch];
}

PyObject *
_PyUnicode_TransformDecimalAndSpaceToASCII(PyObject *unicode)
{
    if (PyUnicode_IS_ASCII(unicode)) {
        return Py_NewRef(unicode);
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    PyObject *res = unicode_alloc(len, 127);
    if (res == NULL) {
        return NULL;
    }
    Py_UCS1 *out = PyUnicode_1BYTE_DATA(res);
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 127) {
            out[i] = (Py_UCS1)ch;
        }
        else if (Py_UNICODE_ISSPACE(ch)) {
            out[i] = ' ';
        }
        else {
            int d = _PyUnicode_ToDecimalDigit(ch);
            out[i] = d < 0 ? '?' : (Py_UCS1)('0' + d);
        }
    }
    return res;
}

/* ---- file-system and locale encodings (UTF-8 with surrogateescape) ------------------------- */

const char *
PyUnicode_GetDefaultEncoding(void)
{
    return "utf-8";
}

PyObject *
PyUnicode_DecodeFSDefaultAndSize(const char *s, Py_ssize_t size)
{
    return PyUnicode_DecodeUTF8Stateful(s, size, "surrogateescape", NULL);
}

PyObject *
PyUnicode_DecodeFSDefault(const char *s)
{
    return PyUnicode_DecodeFSDefaultAndSize(s, (Py_ssize_t)strlen(s));
}

PyObject *
_PyUnicode_DecodeUTF8Surrogateescape(const char *s, Py_ssize_t size)
{
    return PyUnicode_DecodeUTF8Stateful(s, size, "surrogateescape", NULL);
}

PyObject *
PyUnicode_EncodeFSDefault(PyObject *unicode)
{
    return _PyUnicode_AsUTF8String(unicode, "surrogateescape");
}

PyObject *
PyUnicode_DecodeLocaleAndSize(const char *str, Py_ssize_t len, const char *errors)
{
    return PyUnicode_DecodeUTF8Stateful(str, len, errors ? errors : "surrogateescape", NULL);
}

PyObject *
PyUnicode_DecodeLocale(const char *str, const char *errors)
{
    return PyUnicode_DecodeLocaleAndSize(str, (Py_ssize_t)strlen(str), errors);
}

PyObject *
PyUnicode_EncodeLocale(PyObject *unicode, const char *errors)
{
    return _PyUnicode_AsUTF8String(unicode, errors ? errors : "surrogateescape");
}

/* "O&" converter to bytes.  A NULL obj releases *result (cleanup protocol). */
int
PyUnicode_FSConverter(PyObject *arg, void *addr)
{
    PyObject **result = addr;
    if (arg == NULL) {
        Py_CLEAR(*result);
        return 1;
    }
    PyObject *path = PyOS_FSPath(arg);
    if (path == NULL) {
        return 0;
    }
    PyObject *output;
    if (PyBytes_Check(path)) {
        output = path;
    }
    else {
        output = PyUnicode_EncodeFSDefault(path);
        Py_DECREF(path);
        if (output == NULL) {
            return 0;
        }
    }
    if ((size_t)PyBytes_GET_SIZE(output) != strlen(PyBytes_AS_STRING(output))) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        Py_DECREF(output);
        return 0;
    }
    *result = output;
    return Py_CLEANUP_SUPPORTED;
}

int
PyUnicode_FSDecoder(PyObject *arg, void *addr)
{
    PyObject **result = addr;
    if (arg == NULL) {
        Py_CLEAR(*result);
        return 1;
    }
    PyObject *path = PyOS_FSPath(arg);
    if (path == NULL) {
        return 0;
    }
    PyObject *output;
    if (PyUnicode_Check(path)) {
        output = path;
    }
    else if (PyBytes_Check(path)) {
        output = PyUnicode_DecodeFSDefaultAndSize(PyBytes_AS_STRING(path),
                                                  PyBytes_GET_SIZE(path));
        Py_DECREF(path);
        if (output == NULL) {
            return 0;
        }
    }
    else {
        PyErr_Format(PyExc_TypeError, "path should be string, bytes, or os.PathLike, not %.200s",
                     Py_TYPE(arg)->tp_name);
        Py_DECREF(path);
        return 0;
    }
    if (PyUnicode_FindChar(output, 0, 0, PyUnicode_GET_LENGTH(output), 1) >= 0) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        Py_DECREF(output);
        return 0;
    }
    *result = output;
    return Py_CLEANUP_SUPPORTED;
}

/* ---- sequence and mapping slots ------------------------------------------------------------ */

static Py_ssize_t
unicode_length(PyObject *self)
{
    return PyUnicode_GET_LENGTH(self);
}

static PyObject *
unicode_getitem(PyObject *self, Py_ssize_t index)
{
    if (index < 0 || index >= PyUnicode_GET_LENGTH(self)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return NULL;
    }
    return unicode_char(PyUnicode_READ_CHAR(self, index));
}

static PyObject *
unicode_subscript(PyObject *self, PyObject *item)
{
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += PyUnicode_GET_LENGTH(self);
        }
        return unicode_getitem(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0) {
            return NULL;
        }
        Py_ssize_t n = PySlice_AdjustIndices(PyUnicode_GET_LENGTH(self), &start, &stop, step);
        if (n <= 0) {
            return unicode_new_empty();
        }
        if (step == 1) {
            return PyUnicode_Substring(self, start, start + n);
        }
        int kind = PyUnicode_KIND(self);
        const void *src = PyUnicode_DATA(self);
        if (kind == PyUnicode_1BYTE_KIND) {
            Py_UCS1 *tmp = PyMem_Malloc((size_t)n);
            if (tmp == NULL) {
                return PyErr_NoMemory();
            }
            for (Py_ssize_t i = 0, cur = start; i < n; i++, cur += step) {
                tmp[i] = ((const Py_UCS1 *)src)[cur];
            }
            PyObject *res = unicode_from_kind_data(kind, tmp, n);
            PyMem_Free(tmp);
            return res;
        }
        Py_UCS4 *tmp = PyMem_New(Py_UCS4, (size_t)n);
        if (tmp == NULL) {
            return PyErr_NoMemory();
        }
        for (Py_ssize_t i = 0, cur = start; i < n; i++, cur += step) {
            tmp[i] = PyUnicode_READ(kind, src, cur);
        }
        PyObject *res = unicode_from_kind_data(PyUnicode_4BYTE_KIND, tmp, n);
        PyMem_Free(tmp);
        return res;
    }
    PyErr_Format(PyExc_TypeError, "string indices must be integers, not '%.200s'",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

static PyObject *
unicode_repeat(PyObject *self, Py_ssize_t n)
{
    if (n < 1) {
        return unicode_new_empty();
    }
    if (n == 1 && PyUnicode_CheckExact(self)) {
        return Py_NewRef(self);
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (len == 0) {
        return unicode_new_empty();
    }
    if (len > PY_SSIZE_T_MAX / n) {
        PyErr_SetString(PyExc_OverflowError, "repeated string is too long");
        return NULL;
    }
    Py_ssize_t total = len * n;
    PyObject *res = unicode_alloc(total, PyUnicode_MAX_CHAR_VALUE(self));
    if (res == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(self);
    char *out = PyUnicode_DATA(res);
    size_t chunk = (size_t)len * (size_t)kind;
    size_t all = (size_t)total * (size_t)kind;
    if (len == 1 && kind == PyUnicode_1BYTE_KIND) {
        memset(out, PyUnicode_1BYTE_DATA(self)[0], (size_t)total);
        return res;
    }
    memcpy(out, PyUnicode_DATA(self), chunk);
    size_t done = chunk;
    while (done < all) {
        size_t step = Py_MIN(done, all - done);
        memcpy(out + done, out, step);
        done += step;
    }
    return res;
}

static int
unicode_contains(PyObject *self, PyObject *sub)
{
    return PyUnicode_Contains(self, sub);
}

static PyObject *
unicode_concat(PyObject *left, PyObject *right)
{
    return PyUnicode_Concat(left, right);
}

/* ---- iterator ------------------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyObject *it_seq; /* owned; NULL when exhausted (GIL build only) */
} unicodeiterobject;

static void
unicodeiter_dealloc(PyObject *op)
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    PyObject_GC_UnTrack(op);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(op);
}

static int
unicodeiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((unicodeiterobject *)op)->it_seq);
    return 0;
}

static PyObject *
unicodeiter_next(PyObject *op)
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    PyObject *seq = it->it_seq;
    if (seq == NULL) {
        return NULL;
    }
    /* A shared iterator (free-threaded build): it_index is read and written with relaxed
     * atomics, so two threads may return the same character or skip one (as in CPython) but
     * never read a torn index; each stored index is one more than an index found below the
     * (immutable) length, so the read stays in bounds.  it_seq is cleared at exhaustion only in
     * the GIL build: a thread that loaded it never sees the string freed under it. */
    Py_ssize_t index = FT_ATOMIC_LOAD_SSIZE_RELAXED(it->it_index);
    if (index < PyUnicode_GET_LENGTH(seq)) {
        FT_ATOMIC_STORE_SSIZE_RELAXED(it->it_index, index + 1);
        return unicode_char(PyUnicode_READ_CHAR(seq, index));
    }
#ifndef Py_GIL_DISABLED
    it->it_seq = NULL;
    Py_DECREF(seq);
#endif
    return NULL;
}

static PyObject *
unicodeiter_len(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    unicodeiterobject *it = (unicodeiterobject *)op;
    Py_ssize_t n = 0;
    if (it->it_seq) {
        n = PyUnicode_GET_LENGTH(it->it_seq) - FT_ATOMIC_LOAD_SSIZE_RELAXED(it->it_index);
    }
    return PyLong_FromSsize_t(n);
}

static PyMethodDef unicodeiter_methods[] = {
    {"__length_hint__", unicodeiter_len, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyUnicodeIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "str_ascii_iterator",
    .tp_basicsize = sizeof(unicodeiterobject),
    .tp_dealloc = unicodeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = unicodeiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = unicodeiter_next,
    .tp_methods = unicodeiter_methods,
};
_Py_REGISTER_STATIC_TYPE(PyUnicodeIter_Type);

/* CPython names the iterator of a non-ASCII str differently; same implementation. */
static PyTypeObject unicode_iter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "str_iterator",
    .tp_basicsize = sizeof(unicodeiterobject),
    .tp_dealloc = unicodeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = unicodeiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = unicodeiter_next,
    .tp_methods = unicodeiter_methods,
};
_Py_REGISTER_STATIC_TYPE(unicode_iter_type);

static PyObject *
unicode_iter(PyObject *seq)
{
    unicodeiterobject *it = PyObject_GC_New(unicodeiterobject, PyUnicode_IS_ASCII(seq)
                                                                   ? &PyUnicodeIter_Type
                                                                   : &unicode_iter_type);
    if (it == NULL) {
        return NULL;
    }
    it->it_index = 0;
    it->it_seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

/* ---- construction -------------------------------------------------------------------------- */

PyObject *
PyUnicode_FromEncodedObject(PyObject *obj, const char *encoding, const char *errors)
{
    if (obj == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (PyBytes_Check(obj)) {
        if (PyBytes_GET_SIZE(obj) == 0) {
            if (PyUnicode_Decode("", 0, encoding, errors) == NULL) {
                return NULL;
            }
            return unicode_new_empty();
        }
        return PyUnicode_Decode(PyBytes_AS_STRING(obj), PyBytes_GET_SIZE(obj), encoding,
                                errors);
    }
    if (PyUnicode_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "decoding str is not supported");
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0) {
        PyErr_Format(PyExc_TypeError, "decoding to str: need a bytes-like object, %.80s found",
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    PyObject *res = PyUnicode_Decode(view.buf, view.len, encoding, errors);
    PyBuffer_Release(&view);
    return res;
}

PyObject *
_PyUnicode_FromObjectWithEncoding(PyObject *obj, const char *encoding, const char *errors)
{
    if (encoding == NULL && errors == NULL) {
        return PyObject_Str(obj);
    }
    return PyUnicode_FromEncodedObject(obj, encoding ? encoding : "utf-8", errors);
}

static PyObject *
unicode_new_impl(PyObject *x, const char *encoding, const char *errors)
{
    if (x == NULL) {
        return unicode_new_empty();
    }
    return _PyUnicode_FromObjectWithEncoding(x, encoding, errors);
}

static PyObject *
unicode_subtype_new(PyTypeObject *type, PyObject *unicode)
{
    PyObject *self = type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    PyUnicodeObject *u = _PyUnicodeObject_CAST(self);
    PyASCIIObject *a = _PyASCIIObject_CAST(self);
    a->length = len;
    a->hash = _PyASCIIObject_CAST(unicode)->hash;
    memset(&a->state, 0, sizeof(a->state));
    a->state.kind = (unsigned int)kind;
    a->state.compact = 0;
    a->state.ascii = PyUnicode_IS_ASCII(unicode);
    u->_base.utf8 = NULL;
    u->_base.utf8_length = 0;
    u->data.any = PyObject_Malloc(((size_t)len + 1) * (size_t)kind);
    if (u->data.any == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    memcpy(u->data.any, PyUnicode_DATA(unicode), ((size_t)len + 1) * (size_t)kind);
    return self;
}

/* The UTF-8 text of str()'s `encoding` or `errors` argument (name), or NULL with TypeError
 * (not a str) or ValueError (embedded NUL).  The buffer belongs to arg. */
static const char *
unicode_new_text_argument(const char *name, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "str() argument '%s' must be str, not %.100s", name,
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_ssize_t size;
    const char *text = PyUnicode_AsUTF8AndSize(arg, &size);
    if (text == NULL) {
        return NULL;
    }
    if ((size_t)size != strlen(text)) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    return text;
}

/* str(object='', encoding=..., errors=...) for any calling convention: positional arguments
 * in args[0:nargs], keywords in the kwargs dict or, for vectorcall, kwnames (values after the
 * positional ones).  Return a new reference to an instance of type. */
static PyObject *
unicode_new_from_arguments(PyTypeObject *type, PyObject *const *args, Py_ssize_t nargs,
                           PyObject *kwargs, PyObject *kwnames)
{
    static const char *const keywords[] = {"object", "encoding", "errors", NULL};
    static _PyArg_Parser parser = {.keywords = keywords, .fname = "str"};
    PyObject *buffer[3];
    Py_ssize_t given = nargs + (kwnames != NULL ? PyTuple_GET_SIZE(kwnames)
                                : kwargs != NULL ? PyDict_GET_SIZE(kwargs) : 0);
    if (given > 3) {
        PyErr_Format(PyExc_TypeError, "str() takes at most 3 arguments (%zd given)", given);
        return NULL;
    }
    PyObject *const *params = _PyArg_UnpackKeywords(args, nargs, kwargs, kwnames, &parser, 0,
                                                    3, 0, buffer);
    if (params == NULL) {
        return NULL;
    }
    const char *encoding = NULL;
    const char *errors = NULL;
    if (params[1] != NULL) {
        encoding = unicode_new_text_argument("encoding", params[1]);
        if (encoding == NULL) {
            return NULL;
        }
    }
    if (params[2] != NULL) {
        errors = unicode_new_text_argument("errors", params[2]);
        if (errors == NULL) {
            return NULL;
        }
    }
    PyObject *unicode = unicode_new_impl(params[0], encoding, errors);
    if (unicode == NULL || type == &PyUnicode_Type) {
        return unicode;
    }
    PyObject *res = unicode_subtype_new(type, unicode);
    Py_DECREF(unicode);
    return res;
}

static PyObject *
unicode_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return unicode_new_from_arguments(type, _PyTuple_ITEMS(args), PyTuple_GET_SIZE(args), kwds,
                                      NULL);
}

/* str(...) called directly (tp_vectorcall of the exact type): str(x) is PyObject_Str(x)
 * without building an argument tuple. */
static PyObject *
unicode_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0) {
        if (nargs == 1 && type == (PyObject *)&PyUnicode_Type) {
            return PyObject_Str(args[0]);
        }
        if (!_PyArg_CheckPositional("str", nargs, 0, 3)) {
            return NULL;
        }
        kwnames = NULL;
    }
    return unicode_new_from_arguments((PyTypeObject *)type, args, nargs, NULL, kwnames);
}

static PyObject *
unicode_str(PyObject *self)
{
    if (PyUnicode_CheckExact(self)) {
        return Py_NewRef(self);
    }
    return _PyUnicode_Copy(self);
}

/* ---- the type ------------------------------------------------------------------------------ */

static PyNumberMethods unicode_as_number = {
    .nb_remainder = _PyUnicode_Mod,
};

static PySequenceMethods unicode_as_sequence = {
    .sq_length = unicode_length,
    .sq_concat = unicode_concat,
    .sq_repeat = unicode_repeat,
    .sq_item = unicode_getitem,
    .sq_contains = unicode_contains,
};

static PyMappingMethods unicode_as_mapping = {
    .mp_length = unicode_length,
    .mp_subscript = unicode_subscript,
};

PyDoc_STRVAR(unicode_doc,
"str(object='') -> str\n\
str(bytes_or_buffer[, encoding[, errors]]) -> str\n\
\n\
Create a new string object from the given object. If encoding or\n\
errors is specified, then the object must expose a data buffer\n\
that will be decoded using the given encoding and error handler.\n\
Otherwise, returns the result of object.__str__() (if defined)\n\
or repr(object).\n\
encoding defaults to 'utf-8'.\n\
errors defaults to 'strict'.");

PyTypeObject PyUnicode_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "str",
    .tp_basicsize = sizeof(PyUnicodeObject),
    .tp_itemsize = 0,
    .tp_dealloc = unicode_dealloc,
    .tp_repr = unicode_repr,
    .tp_as_number = &unicode_as_number,
    .tp_as_sequence = &unicode_as_sequence,
    .tp_as_mapping = &unicode_as_mapping,
    .tp_hash = unicode_hash,
    .tp_str = unicode_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_UNICODE_SUBCLASS |
                _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = unicode_doc,
    .tp_richcompare = PyUnicode_RichCompare,
    .tp_iter = unicode_iter,
    .tp_methods = _PyUnicode_Methods,
    .tp_new = unicode_new,
    .tp_free = PyObject_Free,
    .tp_vectorcall = unicode_vectorcall,
};
_Py_REGISTER_STATIC_TYPE(PyUnicode_Type);
