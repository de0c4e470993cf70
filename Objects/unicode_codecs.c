/* The built-in codecs of str: UTF-8, Latin-1, ASCII, UTF-16, UTF-32, unicode_escape and
 * raw_unicode_escape, with the standard error handlers implemented inline and any other
 * handler called through the registry (Python/codecs.c).  PyUnicode_Decode and
 * PyUnicode_AsEncodedString take the fast paths here for these names and ask the codec
 * registry for everything else.
 *
 * Every function here works on private buffers (a writer or a byte builder) until it returns,
 * so there is no shared state and nothing to lock. */
#include "Python.h"
#include "pycore_unicodeobject.h"
#include "pycore_bytesobject.h"
#include "stringlib/unicode_internal.h"

#include <ctype.h>

/* ---- error handler names ------------------------------------------------------------------- */

_Py_error_handler
_Py_GetErrorHandler(const char *errors)
{
    if (errors == NULL || strcmp(errors, "strict") == 0) {
        return _Py_ERROR_STRICT;
    }
    if (strcmp(errors, "surrogateescape") == 0) {
        return _Py_ERROR_SURROGATEESCAPE;
    }
    if (strcmp(errors, "replace") == 0) {
        return _Py_ERROR_REPLACE;
    }
    if (strcmp(errors, "ignore") == 0) {
        return _Py_ERROR_IGNORE;
    }
    if (strcmp(errors, "backslashreplace") == 0) {
        return _Py_ERROR_BACKSLASHREPLACE;
    }
    if (strcmp(errors, "surrogatepass") == 0) {
        return _Py_ERROR_SURROGATEPASS;
    }
    if (strcmp(errors, "xmlcharrefreplace") == 0) {
        return _Py_ERROR_XMLCHARREFREPLACE;
    }
    if (strcmp(errors, "namereplace") == 0) {
        return _Py_ERROR_NAMEREPLACE;
    }
    return _Py_ERROR_OTHER;
}

int
_Py_normalize_encoding(const char *encoding, char *lower, size_t lower_len)
{
    size_t i = 0;
    const char *e = encoding;
    int punct = 0;
    while (*e) {
        unsigned char c = (unsigned char)*e++;
        if (isalnum(c) || c == '.') {
            if (punct && i > 0) {
                if (i + 1 >= lower_len) {
                    return 0;
                }
                lower[i++] = '_';
            }
            punct = 0;
            if (i + 1 >= lower_len) {
                return 0;
            }
            lower[i++] = (char)tolower(c);
        }
        else {
            punct = 1;
        }
    }
    lower[i] = '\0';
    return 1;
}

typedef enum {
    CODEC_OTHER = 0,
    CODEC_UTF8,
    CODEC_LATIN1,
    CODEC_ASCII,
    CODEC_UTF16,
    CODEC_UTF16LE,
    CODEC_UTF16BE,
    CODEC_UTF32,
    CODEC_UTF32LE,
    CODEC_UTF32BE,
    CODEC_UNICODE_ESCAPE,
    CODEC_RAW_UNICODE_ESCAPE,
} builtin_codec;

static builtin_codec
lookup_builtin(const char *encoding)
{
    if (encoding == NULL) {
        return CODEC_UTF8;
    }
    char name[40];
    if (!_Py_normalize_encoding(encoding, name, sizeof(name))) {
        return CODEC_OTHER;
    }
    static const struct {
        const char *name;
        builtin_codec codec;
    } table[] = {
        {"utf_8", CODEC_UTF8}, {"utf8", CODEC_UTF8}, {"u8", CODEC_UTF8}, {"utf", CODEC_UTF8},
        {"cp65001", CODEC_UTF8}, {"utf8_ucs2", CODEC_UTF8}, {"utf8_ucs4", CODEC_UTF8},
        {"latin_1", CODEC_LATIN1}, {"latin1", CODEC_LATIN1}, {"latin", CODEC_LATIN1},
        {"l1", CODEC_LATIN1}, {"iso_8859_1", CODEC_LATIN1}, {"iso8859_1", CODEC_LATIN1},
        {"8859", CODEC_LATIN1}, {"cp819", CODEC_LATIN1}, {"iso_ir_100", CODEC_LATIN1},
        {"csisolatin1", CODEC_LATIN1}, {"ibm819", CODEC_LATIN1}, {"iso_8859_1_1987", CODEC_LATIN1},
        {"ascii", CODEC_ASCII}, {"us_ascii", CODEC_ASCII}, {"646", CODEC_ASCII},
        {"us", CODEC_ASCII}, {"ansi_x3.4_1968", CODEC_ASCII}, {"cp367", CODEC_ASCII},
        {"iso646_us", CODEC_ASCII}, {"ibm367", CODEC_ASCII}, {"csascii", CODEC_ASCII},
        {"utf_16", CODEC_UTF16}, {"utf16", CODEC_UTF16}, {"u16", CODEC_UTF16},
        {"utf_16_le", CODEC_UTF16LE}, {"utf_16le", CODEC_UTF16LE},
        {"unicodelittleunmarked", CODEC_UTF16LE},
        {"utf_16_be", CODEC_UTF16BE}, {"utf_16be", CODEC_UTF16BE},
        {"unicodebigunmarked", CODEC_UTF16BE},
        {"utf_32", CODEC_UTF32}, {"utf32", CODEC_UTF32}, {"u32", CODEC_UTF32},
        {"utf_32_le", CODEC_UTF32LE}, {"utf_32le", CODEC_UTF32LE},
        {"utf_32_be", CODEC_UTF32BE}, {"utf_32be", CODEC_UTF32BE},
        {"unicode_escape", CODEC_UNICODE_ESCAPE},
        {"raw_unicode_escape", CODEC_RAW_UNICODE_ESCAPE},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(table); i++) {
        if (strcmp(name, table[i].name) == 0) {
            return table[i].codec;
        }
    }
    return CODEC_OTHER;
}

/* ---- decoding errors ----------------------------------------------------------------------- */

/* Handle the error for input[*startpos:*endpos].  Writes the replacement and sets *inpos to
 * where decoding resumes.  *exc caches the exception object between calls (owned).
 * 0 on success, -1 with an exception set. */
static int
decode_error(const char *errors, const char *encoding, const char *reason, const char *input,
             Py_ssize_t insize, Py_ssize_t startpos, Py_ssize_t endpos, Py_ssize_t *inpos,
             PyObject **exc, _PyUnicodeWriter *writer)
{
    _Py_error_handler eh = _Py_GetErrorHandler(errors);
    switch (eh) {
    case _Py_ERROR_IGNORE:
        *inpos = endpos;
        return 0;
    case _Py_ERROR_REPLACE:
        if (_PyUnicodeWriter_WriteChar(writer, 0xfffd) < 0) {
            return -1;
        }
        *inpos = endpos;
        return 0;
    case _Py_ERROR_SURROGATEESCAPE: {
        int ok = 1;
        for (Py_ssize_t i = startpos; i < endpos; i++) {
            if ((unsigned char)input[i] < 128) {
                ok = 0;
                break;
            }
        }
        if (!ok) {
            break;
        }
        for (Py_ssize_t i = startpos; i < endpos; i++) {
            if (_PyUnicodeWriter_WriteChar(writer, 0xdc00 + (unsigned char)input[i]) < 0) {
                return -1;
            }
        }
        *inpos = endpos;
        return 0;
    }
    case _Py_ERROR_BACKSLASHREPLACE: {
        for (Py_ssize_t i = startpos; i < endpos; i++) {
            char buf[5];
            snprintf(buf, sizeof(buf), "\\x%02x", (unsigned char)input[i]);
            if (_PyUnicodeWriter_WriteASCIIString(writer, buf, 4) < 0) {
                return -1;
            }
        }
        *inpos = endpos;
        return 0;
    }
    default:
        break;
    }
    if (*exc == NULL) {
        *exc = PyUnicodeDecodeError_Create(encoding, input, insize, startpos, endpos, reason);
        if (*exc == NULL) {
            return -1;
        }
    }
    else {
        if (PyUnicodeDecodeError_SetStart(*exc, startpos) < 0 ||
            PyUnicodeDecodeError_SetEnd(*exc, endpos) < 0 ||
            PyUnicodeDecodeError_SetReason(*exc, reason) < 0) {
            return -1;
        }
    }
    if (eh == _Py_ERROR_STRICT || eh == _Py_ERROR_SURROGATEESCAPE) {
        PyErr_SetObject(PyExceptionInstance_Class(*exc), *exc);
        return -1;
    }
    PyObject *handler = PyCodec_LookupError(errors);
    if (handler == NULL) {
        return -1;
    }
    PyObject *res = PyObject_CallOneArg(handler, *exc);
    Py_DECREF(handler);
    if (res == NULL) {
        return -1;
    }
    PyObject *repl;
    Py_ssize_t newpos;
    if (!PyTuple_Check(res) || PyTuple_GET_SIZE(res) != 2 ||
        !PyUnicode_Check(PyTuple_GET_ITEM(res, 0)) || !PyLong_Check(PyTuple_GET_ITEM(res, 1))) {
        PyErr_SetString(PyExc_TypeError,
                        "decoding error handler must return (str, int) tuple");
        Py_DECREF(res);
        return -1;
    }
    repl = PyTuple_GET_ITEM(res, 0);
    newpos = PyLong_AsSsize_t(PyTuple_GET_ITEM(res, 1));
    if (newpos == -1 && PyErr_Occurred()) {
        Py_DECREF(res);
        return -1;
    }
    if (newpos < 0) {
        newpos += insize;
    }
    if (newpos < 0 || newpos > insize) {
        PyErr_Format(PyExc_IndexError, "position %zd from error handler out of bounds", newpos);
        Py_DECREF(res);
        return -1;
    }
    if (_PyUnicodeWriter_WriteStr(writer, repl) < 0) {
        Py_DECREF(res);
        return -1;
    }
    Py_DECREF(res);
    *inpos = newpos;
    return 0;
}

/* ---- UTF-8 decoding ------------------------------------------------------------------------ */

/* Decode one sequence at s[0..]: returns the code point and sets *len to the bytes used; on
 * error returns (Py_UCS4)-1 with *len the length of the maximal invalid subpart and *reason
 * set.  *incomplete is set when the input ends inside a sequence that could still be valid. */
static Py_UCS4
utf8_decode_one(const unsigned char *s, Py_ssize_t avail, int allow_surrogates,
                Py_ssize_t *len, const char **reason, int *incomplete)
{
    unsigned char c = s[0];
    *incomplete = 0;
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    int need;
    Py_UCS4 ch;
    unsigned char lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
        need = 1;
        ch = c & 0x1f;
    }
    else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        ch = c & 0x0f;
        if (c == 0xe0) {
            lo = 0xa0;
        }
        else if (c == 0xed && !allow_surrogates) {
            hi = 0x9f;
        }
    }
    else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        ch = c & 0x07;
        if (c == 0xf0) {
            lo = 0x90;
        }
        else if (c == 0xf4) {
            hi = 0x8f;
        }
    }
    else {
        *len = 1;
        *reason = "invalid start byte";
        return (Py_UCS4)-1;
    }
    for (int i = 1; i <= need; i++) {
        if (i >= avail) {
            *len = i;
            *reason = "unexpected end of data";
            *incomplete = 1;
            return (Py_UCS4)-1;
        }
        unsigned char cc = s[i];
        unsigned char l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xbf;
        if (cc < l || cc > h) {
            *len = i;
            *reason = "invalid continuation byte";
            return (Py_UCS4)-1;
        }
        ch = (ch << 6) | (cc & 0x3f);
    }
    *len = need + 1;
    return ch;
}

PyObject *
PyUnicode_DecodeUTF8Stateful(const char *s, Py_ssize_t size, const char *errors,
                             Py_ssize_t *consumed)
{
    const unsigned char *p = (const unsigned char *)s;
    if (size == 0) {
        if (consumed) {
            *consumed = 0;
        }
        return PyUnicode_New(0, 0);
    }
    /* Fast path: pure ASCII. */
    Py_ssize_t i = 0;
    while (i < size && p[i] < 0x80) {
        i++;
    }
    if (i == size) {
        if (consumed) {
            *consumed = size;
        }
        return _PyUnicode_FromASCII(s, size);
    }
    /* Second fast path: validate everything and count, then fill. */
    Py_ssize_t nchars = i;
    Py_UCS4 maxchar = 127;
    Py_ssize_t pos = i;
    int valid = 1;
    while (pos < size) {
        if (p[pos] < 0x80) {
            pos++;
            nchars++;
            continue;
        }
        Py_ssize_t len;
        const char *reason;
        int incomplete;
        Py_UCS4 ch = utf8_decode_one(p + pos, size - pos, 0, &len, &reason, &incomplete);
        if (ch == (Py_UCS4)-1) {
            valid = 0;
            break;
        }
        if (ch > maxchar) {
            maxchar = ch;
        }
        pos += len;
        nchars++;
    }
    if (valid) {
        PyObject *res = PyUnicode_New(nchars, maxchar);
        if (res == NULL) {
            return NULL;
        }
        int kind = PyUnicode_KIND(res);
        void *data = PyUnicode_DATA(res);
        Py_ssize_t o = 0;
        pos = 0;
        while (pos < size) {
            Py_ssize_t len;
            const char *reason;
            int incomplete;
            Py_UCS4 ch = p[pos] < 0x80 ? p[pos]
                         : utf8_decode_one(p + pos, size - pos, 0, &len, &reason, &incomplete);
            if (p[pos] < 0x80) {
                len = 1;
            }
            PyUnicode_WRITE(kind, data, o++, ch);
            pos += len;
        }
        if (consumed) {
            *consumed = size;
        }
        return _PyUnicode_Result(res);
    }
    /* Slow path with error handling. */
    int surrogatepass = _Py_GetErrorHandler(errors) == _Py_ERROR_SURROGATEPASS;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = size;
    PyObject *exc = NULL;
    pos = 0;
    while (pos < size) {
        Py_ssize_t start = pos;
        while (pos < size && p[pos] < 0x80) {
            pos++;
        }
        if (pos > start && _PyUnicodeWriter_WriteASCIIString(&writer, s + start,
                                                             pos - start) < 0) {
            goto error;
        }
        if (pos >= size) {
            break;
        }
        Py_ssize_t len;
        const char *reason;
        int incomplete;
        Py_UCS4 ch = utf8_decode_one(p + pos, size - pos, surrogatepass, &len, &reason,
                                     &incomplete);
        if (ch != (Py_UCS4)-1) {
            if (_PyUnicodeWriter_WriteChar(&writer, ch) < 0) {
                goto error;
            }
            pos += len;
            continue;
        }
        if (incomplete && consumed) {
            break;
        }
        Py_ssize_t newpos;
        if (decode_error(errors, "utf-8", reason, s, size, pos, pos + len, &newpos, &exc,
                         &writer) < 0) {
            goto error;
        }
        pos = newpos;
    }
    if (consumed) {
        *consumed = pos;
    }
    Py_XDECREF(exc);
    return _PyUnicodeWriter_Finish(&writer);
error:
    Py_XDECREF(exc);
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

PyObject *
PyUnicode_DecodeUTF8(const char *s, Py_ssize_t size, const char *errors)
{
    return PyUnicode_DecodeUTF8Stateful(s, size, errors, NULL);
}

/* ---- encoding errors ----------------------------------------------------------------------- */

static PyObject *
make_encode_error(const char *encoding, PyObject *unicode, Py_ssize_t start, Py_ssize_t end,
                  const char *reason)
{
    return PyObject_CallFunction(PyExc_UnicodeEncodeError, "sOnns", encoding, unicode, start,
                                 end, reason);
}

/* Write ASCII text, through encode_char when the codec is not byte-oriented. */
static int
put_ascii(_PyByteBuilder *out, const char *s, Py_ssize_t n,
          int (*encode_char)(_PyByteBuilder *, Py_UCS4))
{
    if (encode_char == NULL) {
        return _PyByteBuilder_Write(out, s, n);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (encode_char(out, (unsigned char)s[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
write_escape(_PyByteBuilder *out, Py_UCS4 ch)
{
    char buf[16];
    int n;
    if (ch < 0x100) {
        n = snprintf(buf, sizeof(buf), "\\x%02x", ch);
    }
    else if (ch < 0x10000) {
        n = snprintf(buf, sizeof(buf), "\\u%04x", ch);
    }
    else {
        n = snprintf(buf, sizeof(buf), "\\U%08x", ch);
    }
    return _PyByteBuilder_Write(out, buf, n);
}

/* Handle unencodable characters unicode[start:end) for a codec whose limit is limit (128 for
 * ASCII, 256 for Latin-1, 0x110000 for the UTFs, which only fail on surrogates).  Writes the
 * replacement bytes and sets *newpos.  0 or -1. */
static int
encode_error(const char *errors, const char *encoding, const char *reason, PyObject *unicode,
             Py_ssize_t start, Py_ssize_t end, Py_ssize_t *newpos, _PyByteBuilder *out,
             Py_UCS4 limit, int (*encode_char)(_PyByteBuilder *, Py_UCS4))
{
    _Py_error_handler eh = _Py_GetErrorHandler(errors);
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    switch (eh) {
    case _Py_ERROR_IGNORE:
        *newpos = end;
        return 0;
    case _Py_ERROR_REPLACE:
        for (Py_ssize_t i = start; i < end; i++) {
            if (put_ascii(out, "?", 1, limit == 0x110000 ? encode_char : NULL) < 0) {
                return -1;
            }
        }
        *newpos = end;
        return 0;
    case _Py_ERROR_BACKSLASHREPLACE:
    case _Py_ERROR_NAMEREPLACE:
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            char name[140];
            int n;
            if (eh == _Py_ERROR_NAMEREPLACE &&
                _PyUnicode_GetCharacterName(ch, name + 3, (int)sizeof(name) - 4)) {
                memcpy(name, "\\N{", 3);
                n = (int)strlen(name);
                name[n++] = '}';
            }
            else {
                n = ch < 0x100 ? snprintf(name, sizeof(name), "\\x%02x", ch)
                    : ch < 0x10000 ? snprintf(name, sizeof(name), "\\u%04x", ch)
                                   : snprintf(name, sizeof(name), "\\U%08x", ch);
            }
            if (put_ascii(out, name, n, limit == 0x110000 ? encode_char : NULL) < 0) {
                return -1;
            }
        }
        *newpos = end;
        return 0;
    case _Py_ERROR_XMLCHARREFREPLACE:
        for (Py_ssize_t i = start; i < end; i++) {
            char buf[20];
            int n = snprintf(buf, sizeof(buf), "&#%u;", PyUnicode_READ(kind, data, i));
            if (put_ascii(out, buf, n, limit == 0x110000 ? encode_char : NULL) < 0) {
                return -1;
            }
        }
        *newpos = end;
        return 0;
    case _Py_ERROR_SURROGATEESCAPE: {
        int ok = 1;
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            if (ch < 0xdc80 || ch > 0xdcff) {
                ok = 0;
                break;
            }
        }
        if (!ok) {
            break;
        }
        for (Py_ssize_t i = start; i < end; i++) {
            if (_PyByteBuilder_WriteByte(out, PyUnicode_READ(kind, data, i) - 0xdc00) < 0) {
                return -1;
            }
        }
        *newpos = end;
        return 0;
    }
    case _Py_ERROR_SURROGATEPASS:
        if (limit == 0x110000 && encode_char != NULL) {
            int ok = 1;
            for (Py_ssize_t i = start; i < end; i++) {
                if (!Py_UNICODE_IS_SURROGATE(PyUnicode_READ(kind, data, i))) {
                    ok = 0;
                }
            }
            if (ok) {
                for (Py_ssize_t i = start; i < end; i++) {
                    if (encode_char(out, PyUnicode_READ(kind, data, i)) < 0) {
                        return -1;
                    }
                }
                *newpos = end;
                return 0;
            }
        }
        break;
    default:
        break;
    }
    PyObject *exc = make_encode_error(encoding, unicode, start, end, reason);
    if (exc == NULL) {
        return -1;
    }
    if (eh == _Py_ERROR_STRICT || eh == _Py_ERROR_SURROGATEESCAPE ||
        eh == _Py_ERROR_SURROGATEPASS) {
        PyErr_SetObject(PyExc_UnicodeEncodeError, exc);
        Py_DECREF(exc);
        return -1;
    }
    PyObject *handler = PyCodec_LookupError(errors);
    if (handler == NULL) {
        Py_DECREF(exc);
        return -1;
    }
    PyObject *res = PyObject_CallOneArg(handler, exc);
    Py_DECREF(handler);
    Py_DECREF(exc);
    if (res == NULL) {
        return -1;
    }
    if (!PyTuple_Check(res) || PyTuple_GET_SIZE(res) != 2 ||
        !(PyUnicode_Check(PyTuple_GET_ITEM(res, 0)) || PyBytes_Check(PyTuple_GET_ITEM(res, 0))) ||
        !PyLong_Check(PyTuple_GET_ITEM(res, 1))) {
        PyErr_SetString(PyExc_TypeError,
                        "encoding error handler must return (str/bytes, int) tuple");
        Py_DECREF(res);
        return -1;
    }
    PyObject *repl = PyTuple_GET_ITEM(res, 0);
    Py_ssize_t pos = PyLong_AsSsize_t(PyTuple_GET_ITEM(res, 1));
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    if (pos == -1 && PyErr_Occurred()) {
        Py_DECREF(res);
        return -1;
    }
    if (pos < 0) {
        pos += len;
    }
    if (pos < 0 || pos > len) {
        PyErr_Format(PyExc_IndexError, "position %zd from error handler out of bounds", pos);
        Py_DECREF(res);
        return -1;
    }
    if (PyBytes_Check(repl)) {
        if (_PyByteBuilder_Write(out, PyBytes_AS_STRING(repl), PyBytes_GET_SIZE(repl)) < 0) {
            Py_DECREF(res);
            return -1;
        }
    }
    else {
        Py_ssize_t rlen = PyUnicode_GET_LENGTH(repl);
        for (Py_ssize_t i = 0; i < rlen; i++) {
            Py_UCS4 ch = PyUnicode_READ_CHAR(repl, i);
            if (ch >= limit || (limit == 0x110000 && Py_UNICODE_IS_SURROGATE(ch))) {
                PyObject *e2 = make_encode_error(encoding, unicode, start, end, reason);
                if (e2 != NULL) {
                    PyErr_SetObject(PyExc_UnicodeEncodeError, e2);
                    Py_DECREF(e2);
                }
                Py_DECREF(res);
                return -1;
            }
            int r = encode_char != NULL ? encode_char(out, ch)
                                        : _PyByteBuilder_WriteByte(out, (int)ch);
            if (r < 0) {
                Py_DECREF(res);
                return -1;
            }
        }
    }
    Py_DECREF(res);
    *newpos = pos;
    return 0;
}

/* ---- UTF-8 encoding ------------------------------------------------------------------------ */

static int
utf8_put(_PyByteBuilder *out, Py_UCS4 ch)
{
    unsigned char buf[4];
    int n;
    if (ch < 0x80) {
        buf[0] = (unsigned char)ch;
        n = 1;
    }
    else if (ch < 0x800) {
        buf[0] = (unsigned char)(0xc0 | (ch >> 6));
        buf[1] = (unsigned char)(0x80 | (ch & 0x3f));
        n = 2;
    }
    else if (ch < 0x10000) {
        buf[0] = (unsigned char)(0xe0 | (ch >> 12));
        buf[1] = (unsigned char)(0x80 | ((ch >> 6) & 0x3f));
        buf[2] = (unsigned char)(0x80 | (ch & 0x3f));
        n = 3;
    }
    else {
        buf[0] = (unsigned char)(0xf0 | (ch >> 18));
        buf[1] = (unsigned char)(0x80 | ((ch >> 12) & 0x3f));
        buf[2] = (unsigned char)(0x80 | ((ch >> 6) & 0x3f));
        buf[3] = (unsigned char)(0x80 | (ch & 0x3f));
        n = 4;
    }
    return _PyByteBuilder_Write(out, buf, n);
}

PyObject *
_PyUnicode_AsUTF8String(PyObject *unicode, const char *errors)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    if (PyUnicode_IS_ASCII(unicode)) {
        return PyBytes_FromStringAndSize(PyUnicode_DATA(unicode), len);
    }
    if (!PyUnicode_IS_ASCII(unicode)) {
        PyCompactUnicodeObject *cu = _PyCompactUnicodeObject_CAST(unicode);
        const char *utf8 = _Py_atomic_load_ptr_acquire((const void **)&cu->utf8);
        if (utf8 != NULL) {
            return PyBytes_FromStringAndSize(utf8, cu->utf8_length);
        }
    }
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    _PyByteBuilder out;
    if (_PyByteBuilder_Init(&out, len * (kind == 1 ? 2 : 3)) < 0) {
        return NULL;
    }
    Py_ssize_t i = 0;
    while (i < len) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (!Py_UNICODE_IS_SURROGATE(ch)) {
            if (utf8_put(&out, ch) < 0) {
                goto error;
            }
            i++;
            continue;
        }
        Py_ssize_t end = i + 1;
        while (end < len && Py_UNICODE_IS_SURROGATE(PyUnicode_READ(kind, data, end))) {
            end++;
        }
        Py_ssize_t newpos;
        if (encode_error(errors, "utf-8", "surrogates not allowed", unicode, i, end, &newpos,
                         &out, 0x110000, utf8_put) < 0) {
            goto error;
        }
        i = newpos;
    }
    return _PyByteBuilder_Finish(&out, 0);
error:
    _PyByteBuilder_Dealloc(&out);
    return NULL;
}

PyObject *
PyUnicode_AsUTF8String(PyObject *unicode)
{
    return _PyUnicode_AsUTF8String(unicode, NULL);
}

/* ---- Latin-1 and ASCII --------------------------------------------------------------------- */

PyObject *
PyUnicode_DecodeLatin1(const char *s, Py_ssize_t size, const char *errors)
{
    return PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, s, size);
}

PyObject *
PyUnicode_DecodeASCII(const char *s, Py_ssize_t size, const char *errors)
{
    const unsigned char *p = (const unsigned char *)s;
    Py_ssize_t i = 0;
    while (i < size && p[i] < 128) {
        i++;
    }
    if (i == size) {
        return _PyUnicode_FromASCII(s, size);
    }
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = size;
    PyObject *exc = NULL;
    Py_ssize_t pos = 0;
    while (pos < size) {
        Py_ssize_t start = pos;
        while (pos < size && p[pos] < 128) {
            pos++;
        }
        if (_PyUnicodeWriter_WriteASCIIString(&writer, s + start, pos - start) < 0) {
            goto error;
        }
        if (pos >= size) {
            break;
        }
        Py_ssize_t newpos;
        if (decode_error(errors, "ascii", "ordinal not in range(128)", s, size, pos, pos + 1,
                         &newpos, &exc, &writer) < 0) {
            goto error;
        }
        pos = newpos;
    }
    Py_XDECREF(exc);
    return _PyUnicodeWriter_Finish(&writer);
error:
    Py_XDECREF(exc);
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

static PyObject *
encode_limited(PyObject *unicode, const char *errors, Py_UCS4 limit, const char *encoding,
               const char *reason)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    if (PyUnicode_IS_ASCII(unicode) || (limit == 256 && kind == PyUnicode_1BYTE_KIND)) {
        return PyBytes_FromStringAndSize(data, len);
    }
    _PyByteBuilder out;
    if (_PyByteBuilder_Init(&out, len) < 0) {
        return NULL;
    }
    Py_ssize_t i = 0;
    while (i < len) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < limit) {
            if (_PyByteBuilder_WriteByte(&out, (int)ch) < 0) {
                goto error;
            }
            i++;
            continue;
        }
        Py_ssize_t end = i + 1;
        while (end < len && PyUnicode_READ(kind, data, end) >= limit) {
            end++;
        }
        Py_ssize_t newpos;
        if (encode_error(errors, encoding, reason, unicode, i, end, &newpos, &out, limit,
                         NULL) < 0) {
            goto error;
        }
        i = newpos;
    }
    return _PyByteBuilder_Finish(&out, 0);
error:
    _PyByteBuilder_Dealloc(&out);
    return NULL;
}

PyObject *
_PyUnicode_AsLatin1String(PyObject *unicode, const char *errors)
{
    return encode_limited(unicode, errors, 256, "latin-1", "ordinal not in range(256)");
}

PyObject *
PyUnicode_AsLatin1String(PyObject *unicode)
{
    return _PyUnicode_AsLatin1String(unicode, NULL);
}

PyObject *
_PyUnicode_AsASCIIString(PyObject *unicode, const char *errors)
{
    return encode_limited(unicode, errors, 128, "ascii", "ordinal not in range(128)");
}

PyObject *
PyUnicode_AsASCIIString(PyObject *unicode)
{
    return _PyUnicode_AsASCIIString(unicode, NULL);
}

/* ---- UTF-16 -------------------------------------------------------------------------------- */

PyObject *
PyUnicode_DecodeUTF16Stateful(const char *s, Py_ssize_t size, const char *errors,
                              int *byteorder, Py_ssize_t *consumed)
{
    const unsigned char *p = (const unsigned char *)s;
    int bo = byteorder ? *byteorder : 0;
    Py_ssize_t pos = 0;
    if (bo == 0 && size >= 2) {
        if (p[0] == 0xff && p[1] == 0xfe) {
            bo = -1;
            pos = 2;
        }
        else if (p[0] == 0xfe && p[1] == 0xff) {
            bo = 1;
            pos = 2;
        }
    }
    if (byteorder && (pos == 2 || *byteorder != 0)) {
        *byteorder = bo;
    }
    /* Without a BOM the native order (little-endian) is used, and errors name it. */
    int hi = bo > 0 ? 0 : 1, lo = bo > 0 ? 1 : 0;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = (size - pos) / 2;
    PyObject *exc = NULL;
    const char *encoding = bo > 0 ? "utf-16-be" : "utf-16-le";
    while (pos < size) {
        if (size - pos < 2) {
            if (consumed) {
                break;
            }
            Py_ssize_t newpos;
            if (decode_error(errors, encoding, "truncated data", s, size, pos, size, &newpos,
                             &exc, &writer) < 0) {
                goto error;
            }
            pos = newpos;
            continue;
        }
        Py_UCS4 u = ((Py_UCS4)p[pos + hi] << 8) | p[pos + lo];
        if (!Py_UNICODE_IS_SURROGATE(u)) {
            if (_PyUnicodeWriter_WriteChar(&writer, u) < 0) {
                goto error;
            }
            pos += 2;
            continue;
        }
        const char *reason = NULL;
        Py_ssize_t endpos = pos + 2;
        if (Py_UNICODE_IS_LOW_SURROGATE(u)) {
            reason = "illegal encoding";
        }
        else if (size - pos < 4) {
            if (consumed) {
                break;
            }
            reason = "unexpected end of data";
            endpos = size;
        }
        else {
            Py_UCS4 u2 = ((Py_UCS4)p[pos + 2 + hi] << 8) | p[pos + 2 + lo];
            if (Py_UNICODE_IS_LOW_SURROGATE(u2)) {
                if (_PyUnicodeWriter_WriteChar(&writer, Py_UNICODE_JOIN_SURROGATES(u, u2)) < 0) {
                    goto error;
                }
                pos += 4;
                continue;
            }
            reason = "illegal UTF-16 surrogate";
        }
        if (_Py_GetErrorHandler(errors) == _Py_ERROR_SURROGATEPASS) {
            if (_PyUnicodeWriter_WriteChar(&writer, u) < 0) {
                goto error;
            }
            pos += 2;
            continue;
        }
        Py_ssize_t newpos;
        if (decode_error(errors, encoding, reason, s, size, pos, endpos, &newpos, &exc,
                         &writer) < 0) {
            goto error;
        }
        pos = newpos;
    }
    if (consumed) {
        *consumed = pos;
    }
    Py_XDECREF(exc);
    return _PyUnicodeWriter_Finish(&writer);
error:
    Py_XDECREF(exc);
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

PyObject *
PyUnicode_DecodeUTF16(const char *s, Py_ssize_t size, const char *errors, int *byteorder)
{
    return PyUnicode_DecodeUTF16Stateful(s, size, errors, byteorder, NULL);
}

static int
utf16_put(_PyByteBuilder *out, Py_UCS4 ch, int utf16_bigendian)
{
    unsigned char buf[4];
    int n = 0;
    Py_UCS4 units[2];
    int nu = 1;
    if (ch >= 0x10000) {
        units[0] = Py_UNICODE_HIGH_SURROGATE(ch);
        units[1] = Py_UNICODE_LOW_SURROGATE(ch);
        nu = 2;
    }
    else {
        units[0] = ch;
    }
    for (int i = 0; i < nu; i++) {
        if (utf16_bigendian) {
            buf[n++] = (unsigned char)(units[i] >> 8);
            buf[n++] = (unsigned char)units[i];
        }
        else {
            buf[n++] = (unsigned char)units[i];
            buf[n++] = (unsigned char)(units[i] >> 8);
        }
    }
    return _PyByteBuilder_Write(out, buf, n);
}

static int
utf16be_put(_PyByteBuilder *out, Py_UCS4 ch)
{
    return utf16_put(out, ch, 1);
}

static int
utf16le_put(_PyByteBuilder *out, Py_UCS4 ch)
{
    return utf16_put(out, ch, 0);
}

static int
utf32be_put(_PyByteBuilder *out, Py_UCS4 ch)
{
    unsigned char buf[4] = {(unsigned char)(ch >> 24), (unsigned char)(ch >> 16),
                            (unsigned char)(ch >> 8), (unsigned char)ch};
    return _PyByteBuilder_Write(out, buf, 4);
}

static int
utf32le_put(_PyByteBuilder *out, Py_UCS4 ch)
{
    unsigned char buf[4] = {(unsigned char)ch, (unsigned char)(ch >> 8),
                            (unsigned char)(ch >> 16), (unsigned char)(ch >> 24)};
    return _PyByteBuilder_Write(out, buf, 4);
}

/* byteorder: -1 little, 1 big, 0 native (little) with a BOM. */
static PyObject *
encode_utf_wide(PyObject *unicode, const char *errors, int byteorder, int width)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    int (*put)(_PyByteBuilder *, Py_UCS4);
    if (width == 2) {
        put = byteorder > 0 ? utf16be_put : utf16le_put;
    }
    else {
        put = byteorder > 0 ? utf32be_put : utf32le_put;
    }
    const char *encoding = width == 2 ? (byteorder == 0 ? "utf-16" : byteorder < 0 ? "utf-16-le"
                                                                                 : "utf-16-be")
                                      : (byteorder == 0 ? "utf-32" : byteorder < 0 ? "utf-32-le"
                                                                                 : "utf-32-be");
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    _PyByteBuilder out;
    if (_PyByteBuilder_Init(&out, (len + 1) * width) < 0) {
        return NULL;
    }
    if (byteorder == 0 && put(&out, 0xfeff) < 0) {
        goto error;
    }
    Py_ssize_t i = 0;
    while (i < len) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (!Py_UNICODE_IS_SURROGATE(ch)) {
            if (put(&out, ch) < 0) {
                goto error;
            }
            i++;
            continue;
        }
        Py_ssize_t end = i + 1;
        while (end < len && Py_UNICODE_IS_SURROGATE(PyUnicode_READ(kind, data, end))) {
            end++;
        }
        Py_ssize_t newpos;
        if (encode_error(errors, encoding, "surrogates not allowed", unicode, i, end, &newpos,
                         &out, 0x110000, put) < 0) {
            goto error;
        }
        i = newpos;
    }
    return _PyByteBuilder_Finish(&out, 0);
error:
    _PyByteBuilder_Dealloc(&out);
    return NULL;
}

PyObject *
PyUnicode_AsUTF16String(PyObject *unicode)
{
    return encode_utf_wide(unicode, NULL, 0, 2);
}

PyObject *
PyUnicode_AsUTF32String(PyObject *unicode)
{
    return encode_utf_wide(unicode, NULL, 0, 4);
}

/* ---- UTF-32 -------------------------------------------------------------------------------- */

PyObject *
PyUnicode_DecodeUTF32Stateful(const char *s, Py_ssize_t size, const char *errors,
                              int *byteorder, Py_ssize_t *consumed)
{
    const unsigned char *p = (const unsigned char *)s;
    int bo = byteorder ? *byteorder : 0;
    Py_ssize_t pos = 0;
    if (bo == 0 && size >= 4) {
        if (p[0] == 0xff && p[1] == 0xfe && p[2] == 0 && p[3] == 0) {
            bo = -1;
            pos = 4;
        }
        else if (p[0] == 0 && p[1] == 0 && p[2] == 0xfe && p[3] == 0xff) {
            bo = 1;
            pos = 4;
        }
    }
    if (byteorder && (pos == 4 || *byteorder != 0)) {
        *byteorder = bo;
    }
    const char *encoding = bo > 0 ? "utf-32-be" : "utf-32-le";
    int big = bo > 0;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = (size - pos) / 4;
    PyObject *exc = NULL;
    while (pos < size) {
        if (size - pos < 4) {
            if (consumed) {
                break;
            }
            Py_ssize_t newpos;
            if (decode_error(errors, encoding, "truncated data", s, size, pos, size, &newpos,
                             &exc, &writer) < 0) {
                goto error;
            }
            pos = newpos;
            continue;
        }
        Py_UCS4 ch = big ? ((Py_UCS4)p[pos] << 24 | (Py_UCS4)p[pos + 1] << 16 |
                            (Py_UCS4)p[pos + 2] << 8 | p[pos + 3])
                         : ((Py_UCS4)p[pos + 3] << 24 | (Py_UCS4)p[pos + 2] << 16 |
                            (Py_UCS4)p[pos + 1] << 8 | p[pos]);
        const char *reason = NULL;
        if (ch > 0x10ffff) {
            reason = "code point not in range(0x110000)";
        }
        else if (Py_UNICODE_IS_SURROGATE(ch) &&
                 _Py_GetErrorHandler(errors) != _Py_ERROR_SURROGATEPASS) {
            reason = "code point in surrogate code point range(0xd800, 0xe000)";
        }
        if (reason == NULL) {
            if (_PyUnicodeWriter_WriteChar(&writer, ch) < 0) {
                goto error;
            }
            pos += 4;
            continue;
        }
        Py_ssize_t newpos;
        if (decode_error(errors, encoding, reason, s, size, pos, pos + 4, &newpos, &exc,
                         &writer) < 0) {
            goto error;
        }
        pos = newpos;
    }
    if (consumed) {
        *consumed = pos;
    }
    Py_XDECREF(exc);
    return _PyUnicodeWriter_Finish(&writer);
error:
    Py_XDECREF(exc);
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

PyObject *
PyUnicode_DecodeUTF32(const char *s, Py_ssize_t size, const char *errors, int *byteorder)
{
    return PyUnicode_DecodeUTF32Stateful(s, size, errors, byteorder, NULL);
}

/* ---- unicode_escape and raw_unicode_escape ------------------------------------------------- */

static int
hexval(unsigned char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

PyObject *
_PyUnicode_DecodeUnicodeEscapeInternal(const char *s, Py_ssize_t size, const char *errors,
                                       Py_ssize_t *consumed, const char **first_invalid_escape)
{
    const unsigned char *p = (const unsigned char *)s;
    if (first_invalid_escape) {
        *first_invalid_escape = NULL;
    }
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = size;
    PyObject *exc = NULL;
    Py_ssize_t pos = 0;
    while (pos < size) {
        unsigned char c = p[pos];
        if (c != '\\') {
            if (_PyUnicodeWriter_WriteChar(&writer, c) < 0) {
                goto error;
            }
            pos++;
            continue;
        }
        Py_ssize_t start = pos;
        pos++;
        if (pos >= size) {
            if (consumed) {
                pos = start;
                break;
            }
            Py_ssize_t newpos;
            if (decode_error(errors, "unicodeescape", "\\ at end of string", s, size, start,
                             size, &newpos, &exc, &writer) < 0) {
                goto error;
            }
            pos = newpos;
            continue;
        }
        c = p[pos++];
        Py_UCS4 ch;
        int digits = 0;
        switch (c) {
        case '\n': continue;
        case '\\': ch = '\\'; break;
        case '\'': ch = '\''; break;
        case '"': ch = '"'; break;
        case 'b': ch = '\b'; break;
        case 'f': ch = '\f'; break;
        case 't': ch = '\t'; break;
        case 'n': ch = '\n'; break;
        case 'r': ch = '\r'; break;
        case 'v': ch = '\v'; break;
        case 'a': ch = '\a'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            ch = c - '0';
            if (pos < size && p[pos] >= '0' && p[pos] <= '7') {
                ch = (ch << 3) + p[pos++] - '0';
                if (pos < size && p[pos] >= '0' && p[pos] <= '7') {
                    ch = (ch << 3) + p[pos++] - '0';
                }
            }
            if (ch > 0377 && first_invalid_escape && *first_invalid_escape == NULL) {
                *first_invalid_escape = s + start + 1;
            }
            break;
        case 'x': digits = 2; break;
        case 'u': digits = 4; break;
        case 'U': digits = 8; break;
        case 'N': {
            const char *reason = "malformed \\N character escape";
            Py_ssize_t err_end = pos;
            if (pos < size && p[pos] == '{') {
                const unsigned char *close = memchr(p + pos + 1, '}', (size_t)(size - pos - 1));
                if (close == NULL) {
                    err_end = size;
                }
                else {
                    err_end = close + 1 - p;
                    Py_ssize_t namelen = close - (p + pos + 1);
                    Py_UCS4 named;
                    if (namelen > 0) {
                        if (_PyUnicode_LookupCharacterName((const char *)p + pos + 1, namelen,
                                                           &named)) {
                            if (_PyUnicodeWriter_WriteChar(&writer, named) < 0) {
                                goto error;
                            }
                            pos = err_end;
                            continue;
                        }
                        reason = "unknown Unicode character name";
                    }
                }
            }
            Py_ssize_t newpos;
            if (decode_error(errors, "unicodeescape", reason, s, size, start, err_end, &newpos,
                             &exc, &writer) < 0) {
                goto error;
            }
            pos = newpos;
            continue;
        }
        default:
            if (first_invalid_escape == NULL) {
                /* Unknown escape: kept as is. */
            }
            else if (*first_invalid_escape == NULL) {
                *first_invalid_escape = s + start + 1;
            }
            if (_PyUnicodeWriter_WriteChar(&writer, '\\') < 0 ||
                _PyUnicodeWriter_WriteChar(&writer, c) < 0) {
                goto error;
            }
            continue;
        }
        if (digits) {
            ch = 0;
            int i;
            for (i = 0; i < digits && pos < size; i++) {
                int v = hexval(p[pos]);
                if (v < 0) {
                    break;
                }
                ch = (ch << 4) | (Py_UCS4)v;
                pos++;
            }
            if (i < digits) {
                if (consumed && pos >= size) {
                    pos = start;
                    break;
                }
                const char *reason = digits == 2 ? "truncated \\xXX escape"
                                     : digits == 4 ? "truncated \\uXXXX escape"
                                                   : "truncated \\UXXXXXXXX escape";
                Py_ssize_t newpos;
                if (decode_error(errors, "unicodeescape", reason, s, size, start, pos, &newpos,
                                 &exc, &writer) < 0) {
                    goto error;
                }
                pos = newpos;
                continue;
            }
            if (ch > 0x10ffff) {
                Py_ssize_t newpos;
                if (decode_error(errors, "unicodeescape", "illegal Unicode character", s, size,
                                 start, pos, &newpos, &exc, &writer) < 0) {
                    goto error;
                }
                pos = newpos;
                continue;
            }
        }
        if (_PyUnicodeWriter_WriteChar(&writer, ch) < 0) {
            goto error;
        }
    }
    if (consumed) {
        *consumed = pos;
    }
    Py_XDECREF(exc);
    return _PyUnicodeWriter_Finish(&writer);
error:
    Py_XDECREF(exc);
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

PyObject *
_PyUnicode_DecodeUnicodeEscapeStateful(const char *s, Py_ssize_t size, const char *errors,
                                       Py_ssize_t *consumed)
{
    const char *first_invalid = NULL;
    PyObject *res = _PyUnicode_DecodeUnicodeEscapeInternal(s, size, errors, consumed,
                                                           &first_invalid);
    if (res != NULL && first_invalid != NULL) {
        unsigned char c = (unsigned char)*first_invalid;
        int r;
        if (c >= '4' && c <= '7') {
            r = PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                                 "invalid octal escape sequence '\\%.3s'", first_invalid);
        }
        else {
            r = PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                                 "invalid escape sequence '\\%c'", c);
        }
        if (r < 0) {
            Py_DECREF(res);
            return NULL;
        }
    }
    return res;
}

PyObject *
PyUnicode_DecodeUnicodeEscape(const char *s, Py_ssize_t size, const char *errors)
{
    return _PyUnicode_DecodeUnicodeEscapeStateful(s, size, errors, NULL);
}

PyObject *
PyUnicode_AsUnicodeEscapeString(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    _PyByteBuilder out;
    if (_PyByteBuilder_Init(&out, len) < 0) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        int r;
        if (ch == '\\') {
            r = _PyByteBuilder_Write(&out, "\\\\", 2);
        }
        else if (ch == '\t') {
            r = _PyByteBuilder_Write(&out, "\\t", 2);
        }
        else if (ch == '\n') {
            r = _PyByteBuilder_Write(&out, "\\n", 2);
        }
        else if (ch == '\r') {
            r = _PyByteBuilder_Write(&out, "\\r", 2);
        }
        else if (ch >= ' ' && ch < 0x7f) {
            r = _PyByteBuilder_WriteByte(&out, (int)ch);
        }
        else {
            r = write_escape(&out, ch);
        }
        if (r < 0) {
            _PyByteBuilder_Dealloc(&out);
            return NULL;
        }
    }
    return _PyByteBuilder_Finish(&out, 0);
}

PyObject *
PyUnicode_DecodeRawUnicodeEscape(const char *s, Py_ssize_t size, const char *errors)
{
    const unsigned char *p = (const unsigned char *)s;
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.min_length = size;
    PyObject *exc = NULL;
    Py_ssize_t pos = 0;
    while (pos < size) {
        unsigned char c = p[pos];
        if (c != '\\' || pos + 1 >= size || (p[pos + 1] != 'u' && p[pos + 1] != 'U')) {
            /* Only \u and \U preceded by an odd number of backslashes are escapes. */
            if (c == '\\') {
                Py_ssize_t run = pos;
                while (run < size && p[run] == '\\') {
                    run++;
                }
                Py_ssize_t nbs = run - pos;
                Py_ssize_t literal = (run < size && (p[run] == 'u' || p[run] == 'U') &&
                                      (nbs & 1)) ? nbs - 1 : nbs;
                for (Py_ssize_t k = 0; k < literal; k++) {
                    if (_PyUnicodeWriter_WriteChar(&writer, '\\') < 0) {
                        goto error;
                    }
                }
                pos += literal;
                continue;
            }
            if (_PyUnicodeWriter_WriteChar(&writer, c) < 0) {
                goto error;
            }
            pos++;
            continue;
        }
        Py_ssize_t start = pos;
        int digits = p[pos + 1] == 'u' ? 4 : 8;
        pos += 2;
        Py_UCS4 ch = 0;
        int i;
        for (i = 0; i < digits && pos < size; i++) {
            int v = hexval(p[pos]);
            if (v < 0) {
                break;
            }
            ch = (ch << 4) | (Py_UCS4)v;
            pos++;
        }
        const char *reason = NULL;
        if (i < digits) {
            reason = digits == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
        }
        else if (ch > 0x10ffff) {
            reason = "\\Uxxxxxxxx out of range";
        }
        if (reason != NULL) {
            Py_ssize_t newpos;
            if (decode_error(errors, "rawunicodeescape", reason, s, size, start, pos, &newpos,
                             &exc, &writer) < 0) {
                goto error;
            }
            pos = newpos;
            continue;
        }
        if (_PyUnicodeWriter_WriteChar(&writer, ch) < 0) {
            goto error;
        }
    }
    Py_XDECREF(exc);
    return _PyUnicodeWriter_Finish(&writer);
error:
    Py_XDECREF(exc);
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

PyObject *
PyUnicode_AsRawUnicodeEscapeString(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    _PyByteBuilder out;
    if (_PyByteBuilder_Init(&out, len) < 0) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        int r = ch < 0x100 ? _PyByteBuilder_WriteByte(&out, (int)ch) : write_escape(&out, ch);
        if (r < 0) {
            _PyByteBuilder_Dealloc(&out);
            return NULL;
        }
    }
    return _PyByteBuilder_Finish(&out, 0);
}

/* ---- dispatch ------------------------------------------------------------------------------ */

PyObject *
PyUnicode_Decode(const char *s, Py_ssize_t size, const char *encoding, const char *errors)
{
    int bo;
    switch (lookup_builtin(encoding)) {
    case CODEC_UTF8:
        return PyUnicode_DecodeUTF8Stateful(s, size, errors, NULL);
    case CODEC_LATIN1:
        return PyUnicode_DecodeLatin1(s, size, errors);
    case CODEC_ASCII:
        return PyUnicode_DecodeASCII(s, size, errors);
    case CODEC_UTF16:
        bo = 0;
        return PyUnicode_DecodeUTF16Stateful(s, size, errors, &bo, NULL);
    case CODEC_UTF16LE:
        bo = -1;
        return PyUnicode_DecodeUTF16Stateful(s, size, errors, &bo, NULL);
    case CODEC_UTF16BE:
        bo = 1;
        return PyUnicode_DecodeUTF16Stateful(s, size, errors, &bo, NULL);
    case CODEC_UTF32:
        bo = 0;
        return PyUnicode_DecodeUTF32Stateful(s, size, errors, &bo, NULL);
    case CODEC_UTF32LE:
        bo = -1;
        return PyUnicode_DecodeUTF32Stateful(s, size, errors, &bo, NULL);
    case CODEC_UTF32BE:
        bo = 1;
        return PyUnicode_DecodeUTF32Stateful(s, size, errors, &bo, NULL);
    case CODEC_UNICODE_ESCAPE:
        return PyUnicode_DecodeUnicodeEscape(s, size, errors);
    case CODEC_RAW_UNICODE_ESCAPE:
        return PyUnicode_DecodeRawUnicodeEscape(s, size, errors);
    default:
        break;
    }
    PyObject *buffer = PyMemoryView_FromMemory((char *)s, size, PyBUF_READ);
    if (buffer == NULL) {
        return NULL;
    }
    PyObject *res = _PyCodec_DecodeText(buffer, encoding, errors);
    Py_DECREF(buffer);
    if (res == NULL) {
        return NULL;
    }
    if (!PyUnicode_Check(res)) {
        PyErr_Format(PyExc_TypeError, "'%.400s' decoder returned '%.400s' instead of 'str'; "
                     "use codecs.decode() to decode to arbitrary types", encoding,
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

PyObject *
PyUnicode_AsDecodedObject(PyObject *unicode, const char *encoding, const char *errors)
{
    return PyCodec_Decode(unicode, encoding ? encoding : "utf-8", errors);
}

PyObject *
_PyUnicode_EncodeWith(PyObject *unicode, const char *encoding, const char *errors)
{
    switch (lookup_builtin(encoding)) {
    case CODEC_UTF8:
        return _PyUnicode_AsUTF8String(unicode, errors);
    case CODEC_LATIN1:
        return _PyUnicode_AsLatin1String(unicode, errors);
    case CODEC_ASCII:
        return _PyUnicode_AsASCIIString(unicode, errors);
    case CODEC_UTF16:
        return encode_utf_wide(unicode, errors, 0, 2);
    case CODEC_UTF16LE:
        return encode_utf_wide(unicode, errors, -1, 2);
    case CODEC_UTF16BE:
        return encode_utf_wide(unicode, errors, 1, 2);
    case CODEC_UTF32:
        return encode_utf_wide(unicode, errors, 0, 4);
    case CODEC_UTF32LE:
        return encode_utf_wide(unicode, errors, -1, 4);
    case CODEC_UTF32BE:
        return encode_utf_wide(unicode, errors, 1, 4);
    case CODEC_UNICODE_ESCAPE:
        return PyUnicode_AsUnicodeEscapeString(unicode);
    case CODEC_RAW_UNICODE_ESCAPE:
        return PyUnicode_AsRawUnicodeEscapeString(unicode);
    default:
        break;
    }
    PyObject *res = _PyCodec_EncodeText(unicode, encoding, errors);
    if (res == NULL) {
        return NULL;
    }
    if (PyByteArray_Check(res)) {
        PyObject *b = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(res),
                                                PyByteArray_GET_SIZE(res));
        Py_DECREF(res);
        return b;
    }
    if (!PyBytes_Check(res)) {
        PyErr_Format(PyExc_TypeError, "'%.400s' encoder returned '%.400s' instead of 'bytes'; "
                     "use codecs.encode() to encode to arbitrary types", encoding,
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

PyObject *
PyUnicode_AsEncodedString(PyObject *unicode, const char *encoding, const char *errors)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    return _PyUnicode_EncodeWith(unicode, encoding, errors);
}

/* Check that an error-handler name is valid when the fast path did not need it. */
static int
check_errors_name(const char *errors)
{
    if (errors == NULL || _Py_GetErrorHandler(errors) != _Py_ERROR_OTHER) {
        return 0;
    }
    PyObject *h = PyCodec_LookupError(errors);
    if (h == NULL) {
        return -1;
    }
    Py_DECREF(h);
    return 0;
}

/* Parse (encoding=None, errors=None) for str.encode / bytes.decode with CPython's messages.
 * 0 or -1 with an exception set. */
int
_PyUnicode_ParseEncodingArgs(const char *fname, PyObject *args, PyObject *kwargs,
                             const char **encoding, const char **errors)
{
    static char *kwlist[] = {"encoding", "errors", NULL};
    PyObject *enc = NULL, *err = NULL;
    char fmt[32];
    snprintf(fmt, sizeof(fmt), "|OO:%s", fname);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, fmt, kwlist, &enc, &err)) {
        return -1;
    }
    PyObject *vals[2] = {enc, err};
    const char **outs[2] = {encoding, errors};
    for (int k = 0; k < 2; k++) {
        *outs[k] = NULL;
        if (vals[k] == NULL) {
            continue;
        }
        if (!PyUnicode_Check(vals[k])) {
            PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be str, not %.100s", fname,
                         kwlist[k], Py_TYPE(vals[k])->tp_name);
            return -1;
        }
        Py_ssize_t n;
        *outs[k] = PyUnicode_AsUTF8AndSize(vals[k], &n);
        if (*outs[k] == NULL) {
            return -1;
        }
        if ((size_t)n != strlen(*outs[k])) {
            PyErr_SetString(PyExc_ValueError, "embedded null character");
            return -1;
        }
    }
    return 0;
}

/* str.encode(encoding='utf-8', errors='strict') */
PyObject *
_PyUnicode_EncodeMethod(PyObject *self, PyObject *args, PyObject *kwargs)
{
    const char *encoding, *errors;
    if (_PyUnicode_ParseEncodingArgs("encode", args, kwargs, &encoding, &errors) < 0) {
        return NULL;
    }
    (void)check_errors_name;
    return _PyUnicode_EncodeWith(self, encoding ? encoding : "utf-8", errors);
}

PyObject *
PyUnicode_BuildEncodingMap(PyObject *string)
{
    PyObject *map = PyDict_New();
    if (map == NULL) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(string);
    for (Py_ssize_t i = 0; i < len; i++) {
        PyObject *key = PyLong_FromLong((long)PyUnicode_READ_CHAR(string, i));
        PyObject *value = PyLong_FromSsize_t(i);
        if (key == NULL || value == NULL || PyDict_SetItem(map, key, value) < 0) {
            Py_XDECREF(key);
            Py_XDECREF(value);
            Py_DECREF(map);
            return NULL;
        }
        Py_DECREF(key);
        Py_DECREF(value);
    }
    return map;
}
