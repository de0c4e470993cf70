/* _codecs: the C half of the codecs module.  It exposes the codec registry (Python/codecs.c)
 * and the built-in codecs of Objects/unicode_codecs.c in the (result, consumed) calling
 * convention that Lib/codecs.py and Lib/encodings/ expect.  The module has no state. */
#include "Python.h"
#include "pycore_unicodeobject.h"
#include "pycore_bytesobject.h"

PyObject *_PyCodec_SearchCache(void);

static PyObject *
codecs_register(PyObject *module, PyObject *search_function)
{
    if (PyCodec_Register(search_function) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
codecs_unregister(PyObject *module, PyObject *search_function)
{
    if (PyCodec_Unregister(search_function) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
codecs_lookup(PyObject *module, PyObject *args)
{
    const char *encoding;
    if (!PyArg_ParseTuple(args, "s:lookup", &encoding)) {
        return NULL;
    }
    return _PyCodec_Lookup(encoding);
}

static PyObject *
codecs_encode(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"obj", "encoding", "errors", NULL};
    PyObject *obj;
    const char *encoding = "utf-8", *errors = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|ss:encode", kwlist, &obj, &encoding,
                                     &errors)) {
        return NULL;
    }
    return PyCodec_Encode(obj, encoding, errors);
}

static PyObject *
codecs_decode(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"obj", "encoding", "errors", NULL};
    PyObject *obj;
    const char *encoding = "utf-8", *errors = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|ss:decode", kwlist, &obj, &encoding,
                                     &errors)) {
        return NULL;
    }
    return PyCodec_Decode(obj, encoding, errors);
}

static PyObject *
codecs_forget_codec(PyObject *module, PyObject *args)
{
    const char *encoding;
    if (!PyArg_ParseTuple(args, "s:_forget_codec", &encoding)) {
        return NULL;
    }
    PyObject *cache = _PyCodec_SearchCache();
    if (cache == NULL) {
        return NULL;
    }
    PyObject *key = PyUnicode_FromString(encoding);
    if (key == NULL) {
        Py_DECREF(cache);
        return NULL;
    }
    int r = PyDict_DelItem(cache, key);
    if (r < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyErr_Clear();
        r = 0;
    }
    Py_DECREF(key);
    Py_DECREF(cache);
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
codecs_register_error(PyObject *module, PyObject *args)
{
    const char *name;
    PyObject *handler;
    if (!PyArg_ParseTuple(args, "sO:register_error", &name, &handler)) {
        return NULL;
    }
    if (PyCodec_RegisterError(name, handler) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
codecs_lookup_error(PyObject *module, PyObject *args)
{
    const char *name;
    if (!PyArg_ParseTuple(args, "s:lookup_error", &name)) {
        return NULL;
    }
    return PyCodec_LookupError(name);
}

/* ---- helpers for the (result, consumed) convention ----------------------------------------- */

/* Return (obj, n), stealing obj. */
static PyObject *
pair(PyObject *obj, Py_ssize_t n)
{
    if (obj == NULL) {
        return NULL;
    }
    return Py_BuildValue("(Nn)", obj, n);
}

/* Parse (data[, errors[, final]]) with data a bytes-like object. */
static int
parse_decode_args(PyObject *args, const char *name, Py_buffer *view, const char **errors,
                  int *final)
{
    PyObject *data;
    PyObject *errobj = Py_None;
    int fin = 0;
    char fmt[64];
    snprintf(fmt, sizeof(fmt), "O|Op:%s", name);
    if (!PyArg_ParseTuple(args, fmt, &data, &errobj, &fin)) {
        return -1;
    }
    *errors = NULL;
    if (errobj != Py_None) {
        if (!PyUnicode_Check(errobj)) {
            PyErr_Format(PyExc_TypeError, "%s() argument 2 must be str or None, not %.100s",
                         name, Py_TYPE(errobj)->tp_name);
            return -1;
        }
        *errors = PyUnicode_AsUTF8(errobj);
        if (*errors == NULL) {
            return -1;
        }
    }
    if (final != NULL) {
        *final = fin;
    }
    if (PyUnicode_Check(data)) {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not 'str'");
        return -1;
    }
    if (PyObject_GetBuffer(data, view, PyBUF_SIMPLE) < 0) {
        return -1;
    }
    return 0;
}

static int
parse_encode_args(PyObject *args, const char *name, PyObject **str, const char **errors)
{
    PyObject *errobj = Py_None;
    char fmt[64];
    snprintf(fmt, sizeof(fmt), "U|O:%s", name);
    if (!PyArg_ParseTuple(args, fmt, str, &errobj)) {
        return -1;
    }
    *errors = NULL;
    if (errobj != Py_None) {
        if (!PyUnicode_Check(errobj)) {
            PyErr_Format(PyExc_TypeError, "%s() argument 2 must be str or None, not %.100s",
                         name, Py_TYPE(errobj)->tp_name);
            return -1;
        }
        *errors = PyUnicode_AsUTF8(errobj);
        if (*errors == NULL) {
            return -1;
        }
    }
    return 0;
}

/* ---- the codecs ---------------------------------------------------------------------------- */

static PyObject *
utf_8_decode(PyObject *module, PyObject *args)
{
    Py_buffer view;
    const char *errors;
    int final;
    if (parse_decode_args(args, "utf_8_decode", &view, &errors, &final) < 0) {
        return NULL;
    }
    Py_ssize_t consumed = view.len;
    PyObject *res = PyUnicode_DecodeUTF8Stateful(view.buf, view.len, errors,
                                                 final ? NULL : &consumed);
    PyBuffer_Release(&view);
    return pair(res, consumed);
}

static PyObject *
utf_8_encode(PyObject *module, PyObject *args)
{
    PyObject *str;
    const char *errors;
    if (parse_encode_args(args, "utf_8_encode", &str, &errors) < 0) {
        return NULL;
    }
    return pair(_PyUnicode_AsUTF8String(str, errors), PyUnicode_GET_LENGTH(str));
}

static PyObject *
latin_1_decode(PyObject *module, PyObject *args)
{
    Py_buffer view;
    const char *errors;
    if (parse_decode_args(args, "latin_1_decode", &view, &errors, NULL) < 0) {
        return NULL;
    }
    PyObject *res = PyUnicode_DecodeLatin1(view.buf, view.len, errors);
    Py_ssize_t n = view.len;
    PyBuffer_Release(&view);
    return pair(res, n);
}

static PyObject *
latin_1_encode(PyObject *module, PyObject *args)
{
    PyObject *str;
    const char *errors;
    if (parse_encode_args(args, "latin_1_encode", &str, &errors) < 0) {
        return NULL;
    }
    return pair(_PyUnicode_AsLatin1String(str, errors), PyUnicode_GET_LENGTH(str));
}

static PyObject *
ascii_decode(PyObject *module, PyObject *args)
{
    Py_buffer view;
    const char *errors;
    if (parse_decode_args(args, "ascii_decode", &view, &errors, NULL) < 0) {
        return NULL;
    }
    PyObject *res = PyUnicode_DecodeASCII(view.buf, view.len, errors);
    Py_ssize_t n = view.len;
    PyBuffer_Release(&view);
    return pair(res, n);
}

static PyObject *
ascii_encode(PyObject *module, PyObject *args)
{
    PyObject *str;
    const char *errors;
    if (parse_encode_args(args, "ascii_encode", &str, &errors) < 0) {
        return NULL;
    }
    return pair(_PyUnicode_AsASCIIString(str, errors), PyUnicode_GET_LENGTH(str));
}

static PyObject *
wide_decode(PyObject *args, const char *name, int width, int byteorder, int ex)
{
    Py_buffer view;
    PyObject *data, *errobj = Py_None;
    int final = 0;
    const char *errors = NULL;
    if (ex) {
        char fmt[64];
        snprintf(fmt, sizeof(fmt), "O|Oip:%s", name);
        if (!PyArg_ParseTuple(args, fmt, &data, &errobj, &byteorder, &final)) {
            return NULL;
        }
        if (errobj != Py_None) {
            errors = PyUnicode_AsUTF8(errobj);
            if (errors == NULL) {
                return NULL;
            }
        }
        if (PyObject_GetBuffer(data, &view, PyBUF_SIMPLE) < 0) {
            return NULL;
        }
    }
    else if (parse_decode_args(args, name, &view, &errors, &final) < 0) {
        return NULL;
    }
    int bo = byteorder;
    Py_ssize_t consumed = view.len;
    PyObject *res = width == 2
                        ? PyUnicode_DecodeUTF16Stateful(view.buf, view.len, errors, &bo,
                                                        final ? NULL : &consumed)
                        : PyUnicode_DecodeUTF32Stateful(view.buf, view.len, errors, &bo,
                                                        final ? NULL : &consumed);
    PyBuffer_Release(&view);
    if (res == NULL) {
        return NULL;
    }
    if (ex) {
        return Py_BuildValue("(Nni)", res, consumed, bo);
    }
    return pair(res, consumed);
}

static PyObject *
wide_encode(PyObject *args, const char *name, int width, int byteorder, int with_bo)
{
    PyObject *str, *errobj = Py_None;
    const char *errors = NULL;
    char fmt[64];
    if (with_bo) {
        snprintf(fmt, sizeof(fmt), "U|Oi:%s", name);
        if (!PyArg_ParseTuple(args, fmt, &str, &errobj, &byteorder)) {
            return NULL;
        }
    }
    else {
        snprintf(fmt, sizeof(fmt), "U|O:%s", name);
        if (!PyArg_ParseTuple(args, fmt, &str, &errobj)) {
            return NULL;
        }
    }
    if (errobj != Py_None) {
        errors = PyUnicode_AsUTF8(errobj);
        if (errors == NULL) {
            return NULL;
        }
    }
    const char *enc;
    if (width == 2) {
        enc = byteorder == 0 ? "utf-16" : byteorder < 0 ? "utf-16-le" : "utf-16-be";
    }
    else {
        enc = byteorder == 0 ? "utf-32" : byteorder < 0 ? "utf-32-le" : "utf-32-be";
    }
    return pair(PyUnicode_AsEncodedString(str, enc, errors), PyUnicode_GET_LENGTH(str));
}

static PyObject *
utf_16_decode(PyObject *m, PyObject *a)
{
    return wide_decode(a, "utf_16_decode", 2, 0, 0);
}

static PyObject *
utf_16_le_decode(PyObject *m, PyObject *a)
{
    return wide_decode(a, "utf_16_le_decode", 2, -1, 0);
}

static PyObject *
utf_16_be_decode(PyObject *m, PyObject *a)
{
    return wide_decode(a, "utf_16_be_decode", 2, 1, 0);
}

static PyObject *
utf_16_ex_decode(PyObject *m, PyObject *a)
{
    return wide_decode(a, "utf_16_ex_decode", 2, 0, 1);
}

static PyObject *
utf_32_decode(PyObject *m, PyObject *a)
{
    return wide_decode(a, "utf_32_decode", 4, 0, 0);
}

static PyObject *
utf_32_le_decode(PyObject *m, PyObject *a)
{
    return wide_decode(a, "utf_32_le_decode", 4, -1, 0);
}

static PyObject *
utf_32_be_decode(PyObject *m, PyObject *a)
{
    return wide_decode(a, "utf_32_be_decode", 4, 1, 0);
}

static PyObject *
utf_32_ex_decode(PyObject *m, PyObject *a)
{
    return wide_decode(a, "utf_32_ex_decode", 4, 0, 1);
}

static PyObject *
utf_16_encode(PyObject *m, PyObject *a)
{
    return wide_encode(a, "utf_16_encode", 2, 0, 1);
}

static PyObject *
utf_16_le_encode(PyObject *m, PyObject *a)
{
    return wide_encode(a, "utf_16_le_encode", 2, -1, 0);
}

static PyObject *
utf_16_be_encode(PyObject *m, PyObject *a)
{
    return wide_encode(a, "utf_16_be_encode", 2, 1, 0);
}

static PyObject *
utf_32_encode(PyObject *m, PyObject *a)
{
    return wide_encode(a, "utf_32_encode", 4, 0, 1);
}

static PyObject *
utf_32_le_encode(PyObject *m, PyObject *a)
{
    return wide_encode(a, "utf_32_le_encode", 4, -1, 0);
}

static PyObject *
utf_32_be_encode(PyObject *m, PyObject *a)
{
    return wide_encode(a, "utf_32_be_encode", 4, 1, 0);
}

static PyObject *
unicode_escape_decode(PyObject *module, PyObject *args)
{
    Py_buffer view;
    const char *errors;
    int final;
    PyObject *data = PyTuple_Check(args) && PyTuple_GET_SIZE(args) > 0 ? PyTuple_GET_ITEM(args, 0)
                                                                        : NULL;
    if (data != NULL && PyUnicode_Check(data)) {
        /* str input is encoded to UTF-8 first, as CPython's s* converter does */
        PyObject *b = PyUnicode_AsUTF8String(data);
        if (b == NULL) {
            return NULL;
        }
        PyObject *res = PyUnicode_DecodeUnicodeEscape(PyBytes_AS_STRING(b), PyBytes_GET_SIZE(b),
                                                      NULL);
        Py_ssize_t n = PyBytes_GET_SIZE(b);
        Py_DECREF(b);
        return pair(res, n);
    }
    if (parse_decode_args(args, "unicode_escape_decode", &view, &errors, &final) < 0) {
        return NULL;
    }
    Py_ssize_t consumed = view.len;
    PyObject *res = _PyUnicode_DecodeUnicodeEscapeStateful(view.buf, view.len, errors,
                                                           final ? NULL : &consumed);
    PyBuffer_Release(&view);
    return pair(res, consumed);
}

static PyObject *
unicode_escape_encode(PyObject *module, PyObject *args)
{
    PyObject *str;
    const char *errors;
    if (parse_encode_args(args, "unicode_escape_encode", &str, &errors) < 0) {
        return NULL;
    }
    return pair(PyUnicode_AsUnicodeEscapeString(str), PyUnicode_GET_LENGTH(str));
}

static PyObject *
raw_unicode_escape_decode(PyObject *module, PyObject *args)
{
    Py_buffer view;
    const char *errors;
    int final;
    if (parse_decode_args(args, "raw_unicode_escape_decode", &view, &errors, &final) < 0) {
        return NULL;
    }
    PyObject *res = PyUnicode_DecodeRawUnicodeEscape(view.buf, view.len, errors);
    Py_ssize_t n = view.len;
    PyBuffer_Release(&view);
    return pair(res, n);
}

static PyObject *
raw_unicode_escape_encode(PyObject *module, PyObject *args)
{
    PyObject *str;
    const char *errors;
    if (parse_encode_args(args, "raw_unicode_escape_encode", &str, &errors) < 0) {
        return NULL;
    }
    return pair(PyUnicode_AsRawUnicodeEscapeString(str), PyUnicode_GET_LENGTH(str));
}

static PyObject *
escape_decode(PyObject *module, PyObject *args)
{
    PyObject *data, *errobj = Py_None;
    if (!PyArg_ParseTuple(args, "O|O:escape_decode", &data, &errobj)) {
        return NULL;
    }
    const char *errors = errobj == Py_None ? NULL : PyUnicode_AsUTF8(errobj);
    if (errobj != Py_None && errors == NULL) {
        return NULL;
    }
    PyObject *bytes = PyUnicode_Check(data) ? PyUnicode_AsUTF8String(data)
                                            : PyBytes_FromObject(data);
    if (bytes == NULL) {
        return NULL;
    }
    PyObject *res = PyBytes_DecodeEscape(PyBytes_AS_STRING(bytes), PyBytes_GET_SIZE(bytes),
                                         errors, 0, NULL);
    Py_ssize_t n = PyBytes_GET_SIZE(bytes);
    Py_DECREF(bytes);
    return pair(res, n);
}

static PyObject *
escape_encode(PyObject *module, PyObject *args)
{
    PyObject *data, *errobj = Py_None;
    if (!PyArg_ParseTuple(args, "O!|O:escape_encode", &PyBytes_Type, &data, &errobj)) {
        return NULL;
    }
    PyObject *repr = PyBytes_Repr(data, 0);
    if (repr == NULL) {
        return NULL;
    }
    /* strip b'...' */
    Py_ssize_t len = PyUnicode_GET_LENGTH(repr);
    PyObject *inner = PyUnicode_Substring(repr, 2, len - 1);
    Py_DECREF(repr);
    if (inner == NULL) {
        return NULL;
    }
    PyObject *res = PyUnicode_AsASCIIString(inner);
    Py_DECREF(inner);
    return pair(res, PyBytes_GET_SIZE(data));
}

static PyObject *
readbuffer_encode(PyObject *module, PyObject *args)
{
    PyObject *data, *errobj = Py_None;
    if (!PyArg_ParseTuple(args, "O|O:readbuffer_encode", &data, &errobj)) {
        return NULL;
    }
    PyObject *bytes = PyUnicode_Check(data) ? PyUnicode_AsUTF8String(data)
                                            : PyBytes_FromObject(data);
    if (bytes == NULL) {
        return NULL;
    }
    return pair(bytes, PyBytes_GET_SIZE(bytes));
}

/* ---- charmap codecs ------------------------------------------------------------------------
 * Decoding maps a byte through a 256-character str ('\ufffe' = undefined), a mapping object,
 * or Latin-1 when the map is None; encoding maps a code point through a dict (as built by
 * charmap_build).  Errors go through the registered handler. */

/* Call the error handler for exc; return its (replacement, new position) or NULL. */
static PyObject *
call_handler(const char *errors, PyObject *exc, Py_ssize_t length)
{
    PyObject *handler = PyCodec_LookupError(errors);
    if (handler == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_CallOneArg(handler, exc);
    Py_DECREF(handler);
    if (res == NULL) {
        return NULL;
    }
    if (!PyTuple_Check(res) || PyTuple_GET_SIZE(res) != 2 ||
        !PyLong_Check(PyTuple_GET_ITEM(res, 1))) {
        PyErr_SetString(PyExc_TypeError, "error handler must return (str/bytes, int) tuple");
        Py_DECREF(res);
        return NULL;
    }
    Py_ssize_t pos = PyLong_AsSsize_t(PyTuple_GET_ITEM(res, 1));
    if (pos < 0) {
        pos += length;
    }
    if (pos < 0 || pos > length) {
        PyErr_Format(PyExc_IndexError, "position %zd from error handler out of bounds", pos);
        Py_DECREF(res);
        return NULL;
    }
    PyObject *fixed = Py_BuildValue("(On)", PyTuple_GET_ITEM(res, 0), pos);
    Py_DECREF(res);
    return fixed;
}

/* Report input[start:end] to the errors handler while decoding: write the replacement to w
 * and set *pos to where decoding resumes.  0 on success, -1 with an exception set. */
static int
decode_error(const char *errors, const char *encoding, const char *reason, const char *input,
             Py_ssize_t size, Py_ssize_t start, Py_ssize_t end, _PyUnicodeWriter *w,
             Py_ssize_t *pos)
{
    PyObject *exc = PyUnicodeDecodeError_Create(encoding, input, size, start, end, reason);
    if (exc == NULL) {
        return -1;
    }
    PyObject *res = call_handler(errors, exc, size);
    Py_DECREF(exc);
    if (res == NULL) {
        return -1;
    }
    PyObject *repl = PyTuple_GET_ITEM(res, 0);
    if (!PyUnicode_Check(repl) || _PyUnicodeWriter_WriteStr(w, repl) < 0) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError,
                            "decoding error handler must return (str, int) tuple");
        }
        Py_DECREF(res);
        return -1;
    }
    *pos = PyLong_AsSsize_t(PyTuple_GET_ITEM(res, 1));
    Py_DECREF(res);
    return 0;
}

/* Map byte b: 1 and *out set, 0 if undefined, -1 on error. */
static int
charmap_decode_byte(PyObject *mapping, unsigned char b, PyObject **out)
{
    if (mapping == Py_None) {
        *out = PyUnicode_FromOrdinal(b);
        return *out ? 1 : -1;
    }
    if (PyUnicode_Check(mapping)) {
        if (b >= PyUnicode_GET_LENGTH(mapping) || PyUnicode_READ_CHAR(mapping, b) == 0xfffe) {
            return 0;
        }
        *out = PyUnicode_FromOrdinal((int)PyUnicode_READ_CHAR(mapping, b));
        return *out ? 1 : -1;
    }
    PyObject *key = PyLong_FromLong(b);
    if (key == NULL) {
        return -1;
    }
    PyObject *v = PyObject_GetItem(mapping, key);
    Py_DECREF(key);
    if (v == NULL) {
        if (PyErr_ExceptionMatches(PyExc_LookupError)) {
            PyErr_Clear();
            return 0;
        }
        return -1;
    }
    if (v == Py_None) {
        Py_DECREF(v);
        return 0;
    }
    if (PyLong_Check(v)) {
        long c = PyLong_AsLong(v);
        Py_DECREF(v);
        if (c == 0xfffe) {
            return 0;
        }
        if (c < 0 || c > 0x10ffff) {
            PyErr_SetString(PyExc_TypeError, "character mapping must be in range(0x110000)");
            return -1;
        }
        *out = PyUnicode_FromOrdinal((int)c);
        return *out ? 1 : -1;
    }
    if (PyUnicode_Check(v)) {
        if (PyUnicode_GET_LENGTH(v) == 1 && PyUnicode_READ_CHAR(v, 0) == 0xfffe) {
            Py_DECREF(v);
            return 0;
        }
        *out = v;
        return 1;
    }
    Py_DECREF(v);
    PyErr_SetString(PyExc_TypeError, "character mapping must return integer, None or str");
    return -1;
}

static PyObject *
charmap_decode(PyObject *module, PyObject *args)
{
    PyObject *data, *errobj = Py_None, *mapping = Py_None;
    if (!PyArg_ParseTuple(args, "O|OO:charmap_decode", &data, &errobj, &mapping)) {
        return NULL;
    }
    const char *errors = errobj == Py_None ? NULL : PyUnicode_AsUTF8(errobj);
    if (errobj != Py_None && errors == NULL) {
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(data, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    const unsigned char *p = view.buf;
    Py_ssize_t size = view.len, pos = 0;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = size;
    while (pos < size) {
        PyObject *ch = NULL;
        int r = charmap_decode_byte(mapping, p[pos], &ch);
        if (r < 0) {
            goto error;
        }
        if (r > 0) {
            int wr = _PyUnicodeWriter_WriteStr(&w, ch);
            Py_DECREF(ch);
            if (wr < 0) {
                goto error;
            }
            pos++;
            continue;
        }
        if (decode_error(errors, "charmap", "character maps to <undefined>", view.buf, size,
                         pos, pos + 1, &w, &pos) < 0) {
            goto error;
        }
    }
    PyBuffer_Release(&view);
    return pair(_PyUnicodeWriter_Finish(&w), size);
error:
    PyBuffer_Release(&view);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

/* Encode ch through mapping into b: 1 ok, 0 unmappable, -1 error. */
static int
charmap_encode_char(PyObject *mapping, Py_UCS4 ch, _PyByteBuilder *b)
{
    PyObject *key = PyLong_FromLong((long)ch);
    if (key == NULL) {
        return -1;
    }
    PyObject *v = PyObject_GetItem(mapping, key);
    Py_DECREF(key);
    if (v == NULL) {
        if (PyErr_ExceptionMatches(PyExc_LookupError)) {
            PyErr_Clear();
            return 0;
        }
        return -1;
    }
    int r;
    if (v == Py_None) {
        r = 0;
    }
    else if (PyLong_Check(v)) {
        long x = PyLong_AsLong(v);
        if (x < 0 || x > 255) {
            PyErr_SetString(PyExc_TypeError, "character mapping must be in range(256)");
            r = -1;
        }
        else {
            r = _PyByteBuilder_WriteByte(b, (int)x) < 0 ? -1 : 1;
        }
    }
    else if (PyBytes_Check(v)) {
        r = _PyByteBuilder_Write(b, PyBytes_AS_STRING(v), PyBytes_GET_SIZE(v)) < 0 ? -1 : 1;
    }
    else {
        PyErr_SetString(PyExc_TypeError, "character mapping must return integer, bytes or None, "
                        "not str");
        r = -1;
    }
    Py_DECREF(v);
    return r;
}

static PyObject *
charmap_encode(PyObject *module, PyObject *args)
{
    PyObject *str, *errobj = Py_None, *mapping = Py_None;
    if (!PyArg_ParseTuple(args, "U|OO:charmap_encode", &str, &errobj, &mapping)) {
        return NULL;
    }
    const char *errors = errobj == Py_None ? NULL : PyUnicode_AsUTF8(errobj);
    if (errobj != Py_None && errors == NULL) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(str), pos = 0;
    if (mapping == Py_None) {
        /* No mapping means Latin-1, errors reported as the latin-1 codec's (as CPython). */
        return pair(_PyUnicode_AsLatin1String(str, errors), len);
    }
    _PyByteBuilder b;
    if (_PyByteBuilder_Init(&b, len) < 0) {
        return NULL;
    }
    while (pos < len) {
        int r = charmap_encode_char(mapping, PyUnicode_READ_CHAR(str, pos), &b);
        if (r < 0) {
            goto error;
        }
        if (r > 0) {
            pos++;
            continue;
        }
        PyObject *exc = PyObject_CallFunction(PyExc_UnicodeEncodeError, "sOnns", "charmap", str,
                                              pos, pos + 1, "character maps to <undefined>");
        if (exc == NULL) {
            goto error;
        }
        PyObject *res = call_handler(errors, exc, len);
        if (res == NULL) {
            Py_DECREF(exc);
            goto error;
        }
        PyObject *repl = PyTuple_GET_ITEM(res, 0);
        int ok = 1;
        if (PyBytes_Check(repl)) {
            ok = _PyByteBuilder_Write(&b, PyBytes_AS_STRING(repl), PyBytes_GET_SIZE(repl)) == 0;
        }
        else if (PyUnicode_Check(repl)) {
            for (Py_ssize_t k = 0; ok && k < PyUnicode_GET_LENGTH(repl); k++) {
                int rr = charmap_encode_char(mapping, PyUnicode_READ_CHAR(repl, k), &b);
                if (rr == 0) {
                    PyErr_SetObject(PyExc_UnicodeEncodeError, exc);
                }
                ok = rr > 0;
            }
        }
        else {
            PyErr_SetString(PyExc_TypeError,
                            "encoding error handler must return (str/bytes, int) tuple");
            ok = 0;
        }
        pos = PyLong_AsSsize_t(PyTuple_GET_ITEM(res, 1));
        Py_DECREF(res);
        Py_DECREF(exc);
        if (!ok) {
            goto error;
        }
    }
    return pair(_PyByteBuilder_Finish(&b, 0), len);
error:
    _PyByteBuilder_Dealloc(&b);
    return NULL;
}

static PyObject *
charmap_build(PyObject *module, PyObject *map)
{
    if (!PyUnicode_Check(map)) {
        PyErr_SetString(PyExc_TypeError, "charmap_build() argument must be str");
        return NULL;
    }
    return PyUnicode_BuildEncodingMap(map);
}

/* ---- UTF-7 (RFC 2152) -----------------------------------------------------------------------
 * Characters of sets D and O, space, tab, CR and LF are written as themselves, '+' as "+-",
 * anything else inside a shift sequence "+<base64 of the UTF-16 code units>-".  The '-'
 * closing a sequence is written only when the next character would read as base64 or is '-',
 * and at the end.  Exceptions name the codec "utf7", as CPython's do. */

static const char utf7_base64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Value of base64 digit c, or -1. */
static int
utf7_base64_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* Whether ch is written as itself by the encoder. */
static int
utf7_direct(Py_UCS4 ch)
{
    if (ch >= 128) {
        return 0;
    }
    if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
        return 1;
    }
    return ch != 0 && strchr("'(),-./:?!\"#$%&*;<=>@[]^_`{|} \t\r\n", (int)ch) != NULL;
}

static PyObject *
utf_7_encode(PyObject *module, PyObject *args)
{
    PyObject *str;
    const char *errors;
    if (parse_encode_args(args, "utf_7_encode", &str, &errors) < 0) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    _PyByteBuilder b;
    if (_PyByteBuilder_Init(&b, len) < 0) {
        return NULL;
    }
    int in_shift = 0;
    int bits = 0;           /* pending bits in buffer, always < 6 between characters */
    uint32_t buffer = 0;
    for (Py_ssize_t i = 0; i <= len; i++) {
        char out[8];
        int n = 0;
        Py_UCS4 ch = i < len ? PyUnicode_READ_CHAR(str, i) : 0;
        if (i == len || (in_shift && utf7_direct(ch))) {
            /* Close the shift sequence: pad the last digit with zero bits. */
            if (in_shift) {
                if (bits > 0) {
                    out[n++] = utf7_base64[(buffer << (6 - bits)) & 0x3f];
                    bits = 0;
                    buffer = 0;
                }
                if (i == len || utf7_base64_value((unsigned char)ch) >= 0 || ch == '-') {
                    out[n++] = '-';
                }
                in_shift = 0;
            }
            if (i < len) {
                out[n++] = (char)ch;
            }
        }
        else if (!in_shift && ch == '+') {
            out[n++] = '+';
            out[n++] = '-';
        }
        else if (!in_shift && utf7_direct(ch)) {
            out[n++] = (char)ch;
        }
        else {
            if (!in_shift) {
                out[n++] = '+';
                in_shift = 1;
            }
            Py_UCS4 units[2] = {ch, 0};
            int nunits = 1;
            if (ch >= 0x10000) {
                units[0] = 0xD800 | ((ch - 0x10000) >> 10);
                units[1] = 0xDC00 | ((ch - 0x10000) & 0x3FF);
                nunits = 2;
            }
            for (int u = 0; u < nunits; u++) {
                buffer = (buffer << 16) | units[u];
                bits += 16;
                while (bits >= 6) {
                    bits -= 6;
                    out[n++] = utf7_base64[(buffer >> bits) & 0x3f];
                }
                buffer &= (1u << bits) - 1;
            }
        }
        if (_PyByteBuilder_Write(&b, out, n) < 0) {
            _PyByteBuilder_Dealloc(&b);
            return NULL;
        }
    }
    return pair(_PyByteBuilder_Finish(&b, 0), len);
}

/* Write the code unit decoded from a shift sequence; *surrogate holds a high surrogate
 * waiting for its low half.  0 or -1 with an exception set. */
static int
utf7_write_unit(_PyUnicodeWriter *w, Py_UCS4 unit, Py_UCS4 *surrogate)
{
    if (*surrogate) {
        Py_UCS4 high = *surrogate;
        *surrogate = 0;
        if (unit >= 0xDC00 && unit <= 0xDFFF) {
            return _PyUnicodeWriter_WriteChar(w, 0x10000 + ((high - 0xD800) << 10) +
                                                     (unit - 0xDC00));
        }
        if (_PyUnicodeWriter_WriteChar(w, high) < 0) {
            return -1;
        }
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
        *surrogate = unit;
        return 0;
    }
    return _PyUnicodeWriter_WriteChar(w, unit);
}

static PyObject *
utf_7_decode(PyObject *module, PyObject *args)
{
    Py_buffer view;
    const char *errors;
    int final;
    if (parse_decode_args(args, "utf_7_decode", &view, &errors, &final) < 0) {
        return NULL;
    }
    const unsigned char *s = view.buf;
    const char *input = view.buf;
    Py_ssize_t size = view.len, pos = 0;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = size;
    int in_shift = 0;
    Py_ssize_t shift_start = 0;   /* index of the '+' opening the current sequence */
    Py_ssize_t shift_out = 0;     /* characters written when that sequence started */
    int bits = 0;                 /* base64 bits in buffer not yet forming a code unit */
    uint32_t buffer = 0;
    Py_UCS4 surrogate = 0;
    for (;;) {
        while (pos < size) {
            unsigned char c = s[pos];
            const char *reason = NULL;
            Py_ssize_t start = pos, end = pos + 1;
            if (in_shift) {
                int v = utf7_base64_value(c);
                if (v >= 0) {
                    pos++;
                    buffer = (buffer << 6) | (uint32_t)v;
                    bits += 6;
                    if (bits >= 16) {
                        bits -= 16;
                        Py_UCS4 unit = (buffer >> bits) & 0xFFFF;
                        buffer &= (1u << bits) - 1;
                        if (utf7_write_unit(&w, unit, &surrogate) < 0) {
                            goto error;
                        }
                    }
                    continue;
                }
                /* Any other byte ends the sequence; a '-' is absorbed. */
                in_shift = 0;
                start = shift_start;
                if (bits >= 6) {
                    reason = "partial character in shift sequence";
                }
                else if (buffer != 0) {
                    reason = "non-zero padding bits in shift sequence";
                }
                else {
                    if (surrogate && c < 0x80 && c != '+' &&
                        _PyUnicodeWriter_WriteChar(&w, surrogate) < 0) {
                        goto error;
                    }
                    surrogate = 0;
                    if (c == '-') {
                        pos++;
                    }
                    continue;
                }
            }
            else if (c == '+') {
                pos++;
                if (pos < size && s[pos] == '-') {
                    pos++;
                    if (_PyUnicodeWriter_WriteChar(&w, '+') < 0) {
                        goto error;
                    }
                    continue;
                }
                if (pos < size && utf7_base64_value(s[pos]) < 0) {
                    reason = "ill-formed sequence";
                    end = pos + 1;
                }
                else {
                    in_shift = 1;
                    shift_start = start;
                    shift_out = w.pos;
                    bits = 0;
                    buffer = 0;
                    surrogate = 0;
                    continue;
                }
            }
            else if (c < 0x80) {
                if (_PyUnicodeWriter_WriteChar(&w, c) < 0) {
                    goto error;
                }
                pos++;
                continue;
            }
            else {
                reason = "unexpected special character";
            }
            if (decode_error(errors, "utf7", reason, input, size, start, end, &w, &pos) < 0) {
                goto error;
            }
        }
        if (!in_shift || !final) {
            break;
        }
        /* The input ends inside a shift sequence. */
        in_shift = 0;
        if (!surrogate && bits < 6 && (bits == 0 || buffer == 0)) {
            break;
        }
        if (decode_error(errors, "utf7", "unterminated shift sequence", input, size,
                         shift_start, size, &w, &pos) < 0) {
            goto error;
        }
        if (pos >= size) {
            break;
        }
    }
    PyBuffer_Release(&view);
    PyObject *res = _PyUnicodeWriter_Finish(&w);
    if (res != NULL && in_shift) {
        /* Not final: leave the unfinished sequence (and its output) for the next call. */
        Py_SETREF(res, PyUnicode_Substring(res, 0, shift_out));
        return pair(res, shift_start);
    }
    return pair(res, pos);
error:
    PyBuffer_Release(&view);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyMethodDef codecs_methods[] = {
    {"register", codecs_register, METH_O, "Register a codec search function."},
    {"unregister", codecs_unregister, METH_O, "Unregister a codec search function."},
    {"lookup", codecs_lookup, METH_VARARGS, "Looks up a codec tuple in the codec registry."},
    {"encode", _PyCFunction_CAST(codecs_encode), METH_VARARGS | METH_KEYWORDS,
     "Encodes obj using the codec registered for encoding."},
    {"decode", _PyCFunction_CAST(codecs_decode), METH_VARARGS | METH_KEYWORDS,
     "Decodes obj using the codec registered for encoding."},
    {"_forget_codec", codecs_forget_codec, METH_VARARGS, NULL},
    {"register_error", codecs_register_error, METH_VARARGS, "Register an error handler."},
    {"lookup_error", codecs_lookup_error, METH_VARARGS, "Look up an error handler."},
    {"utf_8_decode", utf_8_decode, METH_VARARGS, NULL},
    {"utf_8_encode", utf_8_encode, METH_VARARGS, NULL},
    {"latin_1_decode", latin_1_decode, METH_VARARGS, NULL},
    {"latin_1_encode", latin_1_encode, METH_VARARGS, NULL},
    {"ascii_decode", ascii_decode, METH_VARARGS, NULL},
    {"ascii_encode", ascii_encode, METH_VARARGS, NULL},
    {"utf_16_decode", utf_16_decode, METH_VARARGS, NULL},
    {"utf_16_le_decode", utf_16_le_decode, METH_VARARGS, NULL},
    {"utf_16_be_decode", utf_16_be_decode, METH_VARARGS, NULL},
    {"utf_16_ex_decode", utf_16_ex_decode, METH_VARARGS, NULL},
    {"utf_16_encode", utf_16_encode, METH_VARARGS, NULL},
    {"utf_16_le_encode", utf_16_le_encode, METH_VARARGS, NULL},
    {"utf_16_be_encode", utf_16_be_encode, METH_VARARGS, NULL},
    {"utf_32_decode", utf_32_decode, METH_VARARGS, NULL},
    {"utf_32_le_decode", utf_32_le_decode, METH_VARARGS, NULL},
    {"utf_32_be_decode", utf_32_be_decode, METH_VARARGS, NULL},
    {"utf_32_ex_decode", utf_32_ex_decode, METH_VARARGS, NULL},
    {"utf_32_encode", utf_32_encode, METH_VARARGS, NULL},
    {"utf_32_le_encode", utf_32_le_encode, METH_VARARGS, NULL},
    {"utf_32_be_encode", utf_32_be_encode, METH_VARARGS, NULL},
    {"unicode_escape_decode", unicode_escape_decode, METH_VARARGS, NULL},
    {"unicode_escape_encode", unicode_escape_encode, METH_VARARGS, NULL},
    {"raw_unicode_escape_decode", raw_unicode_escape_decode, METH_VARARGS, NULL},
    {"raw_unicode_escape_encode", raw_unicode_escape_encode, METH_VARARGS, NULL},
    {"escape_decode", escape_decode, METH_VARARGS, NULL},
    {"escape_encode", escape_encode, METH_VARARGS, NULL},
    {"readbuffer_encode", readbuffer_encode, METH_VARARGS, NULL},
    {"utf_7_encode", utf_7_encode, METH_VARARGS, NULL},
    {"utf_7_decode", utf_7_decode, METH_VARARGS, NULL},
    {"charmap_build", charmap_build, METH_O, NULL},
    {"charmap_decode", charmap_decode, METH_VARARGS, NULL},
    {"charmap_encode", charmap_encode, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot codecs_slots[] = {
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef codecsmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_codecs",
    .m_doc = NULL,
    .m_size = 0,
    .m_methods = codecs_methods,
    .m_slots = codecs_slots,
};

PyMODINIT_FUNC
PyInit__codecs(void)
{
    return PyModuleDef_Init(&codecsmodule);
}
