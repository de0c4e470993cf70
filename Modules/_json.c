/* _json: C accelerators for the json package.
 *
 * Exports what Lib/json picks up when it is present (and falls back to pure Python
 * without): scanstring(), encode_basestring(), encode_basestring_ascii(), the Scanner type
 * (make_scanner; one call parses one JSON value from a str at an index) and the Encoder
 * type (make_encoder; one call serialises one object graph to a 1-tuple holding the text).
 *
 * Concurrency: Scanner and Encoder objects are immutable after construction (every field is
 * set once in tp_new and the attributes are read-only), so any number of threads may call
 * one object at the same time.  All per-call state -- the key memo of the scanner, the
 * output buffer and the stack of containers being encoded (circular-reference check) --
 * lives on the C stack of the call.  Containers are read through the thread-safe accessors
 * (PyList_GetItemRef, a dict snapshot taken inside a critical section on the dict), so a
 * list or dict mutated concurrently is never read half-updated.
 *
 * Errors follow CPython 3.13 exactly: JSONDecodeError (imported from json.decoder when
 * raised) with the same messages and positions; StopIteration(idx) from a scanner call
 * where no JSON value starts; TypeError/ValueError texts of the encoder. */
#include "Python.h"
#include "pycore_unicodeobject.h"
#include "pycore_import.h"

#include <string.h>

typedef struct {
    PyTypeObject *scanner_type;
    PyTypeObject *encoder_type;
} json_state;

static json_state *get_json_state(PyObject *module)
{
    return (json_state *)PyModule_GetState(module);
}

/* ---- errors ------------------------------------------------------------------------------ */

/* Raise json.decoder.JSONDecodeError(msg, doc, pos).  Always returns NULL. */
static PyObject *raise_decode_error(const char *msg, PyObject *doc, Py_ssize_t pos)
{
    PyObject *error_type = _PyImport_GetModuleAttrString("json.decoder", "JSONDecodeError");
    if (error_type == NULL) {
        return NULL;
    }
    PyObject *exc = PyObject_CallFunction(error_type, "sOn", msg, doc, pos);
    Py_DECREF(error_type);
    if (exc != NULL) {
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
        Py_DECREF(exc);
    }
    return NULL;
}

/* Raise StopIteration(idx): "no JSON value starts here".  Always returns NULL. */
static PyObject *raise_stop_iteration(Py_ssize_t idx)
{
    PyObject *value = PyLong_FromSsize_t(idx);
    if (value != NULL) {
        PyObject *exc = PyObject_CallOneArg(PyExc_StopIteration, value);
        Py_DECREF(value);
        if (exc != NULL) {
            PyErr_SetObject(PyExc_StopIteration, exc);
            Py_DECREF(exc);
        }
    }
    return NULL;
}

/* ---- string escaping (encoder side) ------------------------------------------------------ */

/* Output length of one character escaped for JSON (in characters). */
static inline Py_ssize_t escaped_width(Py_UCS4 c, int ascii_only)
{
    if (c >= 0x20 && c != '"' && c != '\\') {
        if (c < 0x7f || !ascii_only) {
            return 1;
        }
        return c >= 0x10000 ? 12 : 6;
    }
    switch (c) {
    case '"': case '\\': case '\b': case '\f': case '\n': case '\r': case '\t':
        return 2;
    default:
        return 6;
    }
}

static const char hex_digits[] = "0123456789abcdef";

/* Write the escape of c at out[pos...] (kind/data of a str with room); return the new pos. */
static Py_ssize_t write_escape(int kind, void *out, Py_ssize_t pos, Py_UCS4 c)
{
    char short_form = 0;
    switch (c) {
    case '"': short_form = '"'; break;
    case '\\': short_form = '\\'; break;
    case '\b': short_form = 'b'; break;
    case '\f': short_form = 'f'; break;
    case '\n': short_form = 'n'; break;
    case '\r': short_form = 'r'; break;
    case '\t': short_form = 't'; break;
    default: break;
    }
    if (short_form) {
        PyUnicode_WRITE(kind, out, pos++, '\\');
        PyUnicode_WRITE(kind, out, pos++, short_form);
        return pos;
    }
    if (c >= 0x10000) {
        Py_UCS4 v = c - 0x10000;
        pos = write_escape(kind, out, pos, 0xd800 | (v >> 10));
        return write_escape(kind, out, pos, 0xdc00 | (v & 0x3ff));
    }
    PyUnicode_WRITE(kind, out, pos++, '\\');
    PyUnicode_WRITE(kind, out, pos++, 'u');
    PyUnicode_WRITE(kind, out, pos++, hex_digits[(c >> 12) & 0xf]);
    PyUnicode_WRITE(kind, out, pos++, hex_digits[(c >> 8) & 0xf]);
    PyUnicode_WRITE(kind, out, pos++, hex_digits[(c >> 4) & 0xf]);
    PyUnicode_WRITE(kind, out, pos++, hex_digits[c & 0xf]);
    return pos;
}

/* The escaping loops, once per input width (TYPE is Py_UCS1, Py_UCS2 or Py_UCS4).
 * escaped_length_*: the length of the escaped text of in[0:len] (quotes excluded).
 * escape_into_*: write it at out[pos...] (a str of out_kind with room); return the new pos.
 * Runs of characters that need no escape are copied in one go when the widths match. */
#define DEFINE_ESCAPE_LOOPS(SUFFIX, TYPE)                                                     \
    static Py_ssize_t escaped_length_##SUFFIX(const TYPE *in, Py_ssize_t len, int ascii_only) \
    {                                                                                       \
        Py_ssize_t total = 0;                                                               \
        for (Py_ssize_t i = 0; i < len; i++) {                                              \
            Py_UCS4 c = in[i];                                                              \
            total += (c >= 0x20 && c != '"' && c != '\\' && (c < 0x7f || !ascii_only))      \
                         ? 1 : escaped_width(c, ascii_only);                                \
        }                                                                                   \
        return total;                                                                       \
    }                                                                                       \
    static Py_ssize_t escape_into_##SUFFIX(const TYPE *in, Py_ssize_t len, int ascii_only,  \
                                           int out_kind, void *out, Py_ssize_t pos)         \
    {                                                                                       \
        Py_ssize_t i = 0;                                                                   \
        while (i < len) {                                                                   \
            Py_ssize_t run = i;                                                             \
            while (run < len && in[run] >= 0x20 && in[run] != '"' && in[run] != '\\' &&     \
                   (in[run] < 0x7f || !ascii_only)) {                                       \
                run++;                                                                      \
            }                                                                               \
            if (out_kind == (int)sizeof(TYPE)) {                                            \
                memcpy((TYPE *)out + pos, in + i, (size_t)(run - i) * sizeof(TYPE));        \
                pos += run - i;                                                             \
            }                                                                               \
            else {                                                                          \
                for (Py_ssize_t j = i; j < run; j++) {                                      \
                    PyUnicode_WRITE(out_kind, out, pos++, in[j]);                           \
                }                                                                           \
            }                                                                               \
            if (run < len) {                                                                \
                pos = write_escape(out_kind, out, pos, in[run]);                            \
                run++;                                                                      \
            }                                                                               \
            i = run;                                                                        \
        }                                                                                   \
        return pos;                                                                         \
    }

DEFINE_ESCAPE_LOOPS(ucs1, Py_UCS1)
DEFINE_ESCAPE_LOOPS(ucs2, Py_UCS2)
DEFINE_ESCAPE_LOOPS(ucs4, Py_UCS4)

/* Append the JSON string literal for str to writer.  0 or -1. */
static int write_escaped_str(_PyUnicodeWriter *writer, PyObject *str, int ascii_only)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    Py_ssize_t body;
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        body = escaped_length_ucs1((const Py_UCS1 *)data, len, ascii_only);
        break;
    case PyUnicode_2BYTE_KIND:
        body = escaped_length_ucs2((const Py_UCS2 *)data, len, ascii_only);
        break;
    default:
        body = escaped_length_ucs4((const Py_UCS4 *)data, len, ascii_only);
        break;
    }
    if (body < len || body > PY_SSIZE_T_MAX - 2) {
        PyErr_SetString(PyExc_OverflowError, "string is too long to escape");
        return -1;
    }
    Py_UCS4 maxchar = ascii_only ? 127 : PyUnicode_MAX_CHAR_VALUE(str);
    if (_PyUnicodeWriter_Prepare(writer, body + 2, maxchar) < 0) {
        return -1;
    }
    int out_kind = writer->kind;
    void *out = writer->data;
    Py_ssize_t pos = writer->pos;
    PyUnicode_WRITE(out_kind, out, pos++, '"');
    switch (kind) {
    case PyUnicode_1BYTE_KIND:
        pos = escape_into_ucs1((const Py_UCS1 *)data, len, ascii_only, out_kind, out, pos);
        break;
    case PyUnicode_2BYTE_KIND:
        pos = escape_into_ucs2((const Py_UCS2 *)data, len, ascii_only, out_kind, out, pos);
        break;
    default:
        pos = escape_into_ucs4((const Py_UCS4 *)data, len, ascii_only, out_kind, out, pos);
        break;
    }
    PyUnicode_WRITE(out_kind, out, pos++, '"');
    writer->pos = pos;
    return 0;
}

/* Return a new reference: the JSON string literal for str. */
static PyObject *escape_str(PyObject *str, int ascii_only)
{
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    if (write_escaped_str(&writer, str, ascii_only) < 0) {
        _PyUnicodeWriter_Dealloc(&writer);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&writer);
}

static const char encode_basestring_ascii_doc[] =
"encode_basestring_ascii(string) -> string\n\n"
"Return an ASCII-only JSON representation of a Python string";

/* Return a new reference. */
static PyObject *json_encode_basestring_ascii(PyObject *module, PyObject *str)
{
    (void)module;
    if (!PyUnicode_Check(str)) {
        PyErr_Format(PyExc_TypeError, "first argument must be a string, not %.80s",
                     Py_TYPE(str)->tp_name);
        return NULL;
    }
    return escape_str(str, 1);
}

static const char encode_basestring_doc[] =
"encode_basestring(string) -> string\n\n"
"Return a JSON representation of a Python string";

/* Return a new reference. */
static PyObject *json_encode_basestring(PyObject *module, PyObject *str)
{
    (void)module;
    if (!PyUnicode_Check(str)) {
        PyErr_Format(PyExc_TypeError, "first argument must be a string, not %.80s",
                     Py_TYPE(str)->tp_name);
        return NULL;
    }
    return escape_str(str, 0);
}

/* ---- string scanning (decoder side) ------------------------------------------------------ */

static inline int hex_value(Py_UCS4 c)
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

/* The 4 hex digits at data[pos..pos+3] as a code unit, or -1 if they are not all there.
 * As in CPython, the digits must not be the last characters of the document. */
static long read_hex4(int kind, const void *data, Py_ssize_t len, Py_ssize_t pos)
{
    if (pos + 4 >= len) {
        return -1;
    }
    long value = 0;
    for (Py_ssize_t i = 0; i < 4; i++) {
        int digit = hex_value(PyUnicode_READ(kind, data, pos + i));
        if (digit < 0) {
            return -1;
        }
        value = (value << 4) | digit;
    }
    return value;
}

/* Decode the JSON string whose body starts at end (just after the opening quote).
 * Return a new reference and set *next_end to the index after the closing quote. */
static PyObject *scan_string(PyObject *doc, Py_ssize_t end, int strict, Py_ssize_t *next_end)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(doc);
    int kind = PyUnicode_KIND(doc);
    const void *data = PyUnicode_DATA(doc);
    Py_ssize_t begin = end - 1;
    if (end < 0 || end > len) {
        PyErr_SetString(PyExc_ValueError, "end is out of bounds");
        return NULL;
    }
    /* Fast path: no escapes before the closing quote. */
    Py_ssize_t pos = end;
    Py_UCS4 c = 0;
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *p = (const Py_UCS1 *)data;
        while (pos < len && p[pos] != '"' && p[pos] != '\\' && (p[pos] >= 0x20 || !strict)) {
            pos++;
        }
    }
    else {
        while (pos < len) {
            c = PyUnicode_READ(kind, data, pos);
            if (c == '"' || c == '\\' || (c < 0x20 && strict)) {
                break;
            }
            pos++;
        }
    }
    if (pos < len && PyUnicode_READ(kind, data, pos) == '"') {
        *next_end = pos + 1;
        return PyUnicode_Substring(doc, end, pos);
    }

    /* Slow path: chunks and escapes through a writer. */
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.overallocate = 1;
    Py_ssize_t chunk = end;
    for (;;) {
        while (pos < len) {
            c = PyUnicode_READ(kind, data, pos);
            if (c == '"' || c == '\\' || (c < 0x20 && strict)) {
                break;
            }
            pos++;
        }
        if (pos >= len) {
            raise_decode_error("Unterminated string starting at", doc, begin);
            goto error;
        }
        if (pos > chunk && _PyUnicodeWriter_WriteSubstring(&writer, doc, chunk, pos) < 0) {
            goto error;
        }
        if (c == '"') {
            pos++;
            break;
        }
        if (c != '\\') {
            raise_decode_error("Invalid control character at", doc, pos);
            goto error;
        }
        /* pos is at the backslash. */
        if (pos + 1 >= len) {
            raise_decode_error("Unterminated string starting at", doc, begin);
            goto error;
        }
        Py_UCS4 esc = PyUnicode_READ(kind, data, pos + 1);
        Py_UCS4 out;
        if (esc != 'u') {
            switch (esc) {
            case '"': out = '"'; break;
            case '\\': out = '\\'; break;
            case '/': out = '/'; break;
            case 'b': out = '\b'; break;
            case 'f': out = '\f'; break;
            case 'n': out = '\n'; break;
            case 'r': out = '\r'; break;
            case 't': out = '\t'; break;
            default:
                raise_decode_error("Invalid \\escape", doc, pos);
                goto error;
            }
            pos += 2;
        }
        else {
            long unit = read_hex4(kind, data, len, pos + 2);
            if (unit < 0) {
                raise_decode_error("Invalid \\uXXXX escape", doc, pos + 1);
                goto error;
            }
            pos += 6;
            out = (Py_UCS4)unit;
            if (unit >= 0xd800 && unit <= 0xdbff && pos + 1 < len &&
                PyUnicode_READ(kind, data, pos) == '\\' &&
                PyUnicode_READ(kind, data, pos + 1) == 'u') {
                long low = read_hex4(kind, data, len, pos + 2);
                if (low < 0) {
                    raise_decode_error("Invalid \\uXXXX escape", doc, pos + 1);
                    goto error;
                }
                if (low >= 0xdc00 && low <= 0xdfff) {
                    out = 0x10000 + (((Py_UCS4)(unit - 0xd800) << 10) | (Py_UCS4)(low - 0xdc00));
                    pos += 6;
                }
            }
        }
        if (_PyUnicodeWriter_WriteChar(&writer, out) < 0) {
            goto error;
        }
        chunk = pos;
    }
    *next_end = pos;
    return _PyUnicodeWriter_Finish(&writer);

error:
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

static const char scanstring_doc[] =
"scanstring(string, end, strict=True) -> (string, end)\n\n"
"Scan the string s for a JSON string. End is the index of the\n"
"character in s after the quote that started the JSON string.\n"
"Unescapes all valid JSON string escape sequences and raises ValueError\n"
"on attempt to decode an invalid string. If strict is False then literal\n"
"control characters are allowed in the string.\n\n"
"Returns a tuple of the decoded string and the index of the character in s\n"
"after the end quote.";

/* Return a new reference: (str, end). */
static PyObject *json_scanstring(PyObject *module, PyObject *args)
{
    (void)module;
    PyObject *doc;
    Py_ssize_t end;
    int strict = 1;
    if (!PyArg_ParseTuple(args, "On|p:scanstring", &doc, &end, &strict)) {
        return NULL;
    }
    if (!PyUnicode_Check(doc)) {
        PyErr_Format(PyExc_TypeError, "first argument must be a string, not %.80s",
                     Py_TYPE(doc)->tp_name);
        return NULL;
    }
    Py_ssize_t next_end = -1;
    PyObject *value = scan_string(doc, end, strict, &next_end);
    if (value == NULL) {
        return NULL;
    }
    PyObject *result = Py_BuildValue("(Nn)", value, next_end);
    return result;
}

/* ---- Scanner ----------------------------------------------------------------------------- */

/* Immutable after scanner_new: safe to call from several threads at once. */
typedef struct {
    PyObject_HEAD
    char strict;
    PyObject *object_hook;
    PyObject *object_pairs_hook;
    PyObject *parse_float;
    PyObject *parse_int;
    PyObject *parse_constant;
} scannerobject;

/* State of one scanner call. */
typedef struct {
    scannerobject *scanner;
    PyObject *doc;          /* the str being parsed (borrowed) */
    int kind;
    const void *data;
    Py_ssize_t len;
    PyObject *memo;         /* dict: object keys seen so far, to share equal key strings */
} scan_context;

static PyObject *scan_value(scan_context *ctx, Py_ssize_t idx, Py_ssize_t *next_idx);

static inline Py_UCS4 ctx_char(scan_context *ctx, Py_ssize_t idx)
{
    return PyUnicode_READ(ctx->kind, ctx->data, idx);
}

static inline Py_ssize_t skip_whitespace(scan_context *ctx, Py_ssize_t idx)
{
    while (idx < ctx->len) {
        Py_UCS4 c = ctx_char(ctx, idx);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            break;
        }
        idx++;
    }
    return idx;
}

/* Does the ASCII word occur at idx? */
static int match_word(scan_context *ctx, Py_ssize_t idx, const char *word)
{
    Py_ssize_t n = (Py_ssize_t)strlen(word);
    if (idx + n > ctx->len) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (ctx_char(ctx, idx + i) != (Py_UCS4)(unsigned char)word[i]) {
            return 0;
        }
    }
    return 1;
}

/* Return a new reference: parse_constant(word). */
static PyObject *scan_constant(scan_context *ctx, const char *word, Py_ssize_t idx,
                               Py_ssize_t *next_idx)
{
    PyObject *name = PyUnicode_FromString(word);
    if (name == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_CallOneArg(ctx->scanner->parse_constant, name);
    Py_DECREF(name);
    if (result != NULL) {
        *next_idx = idx + (Py_ssize_t)strlen(word);
    }
    return result;
}

/* Return a new reference: the number starting at start, or StopIteration(start). */
static PyObject *scan_number(scan_context *ctx, Py_ssize_t start, Py_ssize_t *next_idx)
{
    Py_ssize_t idx = start;
    Py_ssize_t len = ctx->len;
    int is_float = 0;
    if (idx < len && ctx_char(ctx, idx) == '-') {
        idx++;
    }
    if (idx >= len) {
        return raise_stop_iteration(start);
    }
    Py_UCS4 c = ctx_char(ctx, idx);
    if (c >= '1' && c <= '9') {
        idx++;
        while (idx < len && (c = ctx_char(ctx, idx)) >= '0' && c <= '9') {
            idx++;
        }
    }
    else if (c == '0') {
        idx++;
    }
    else {
        return raise_stop_iteration(start);
    }
    if (idx + 1 < len && ctx_char(ctx, idx) == '.' &&
        (c = ctx_char(ctx, idx + 1)) >= '0' && c <= '9') {
        is_float = 1;
        idx += 2;
        while (idx < len && (c = ctx_char(ctx, idx)) >= '0' && c <= '9') {
            idx++;
        }
    }
    if (idx < len && ((c = ctx_char(ctx, idx)) == 'e' || c == 'E')) {
        Py_ssize_t exp = idx + 1;
        if (exp < len && ((c = ctx_char(ctx, exp)) == '+' || c == '-')) {
            exp++;
        }
        Py_ssize_t digits = exp;
        while (exp < len && (c = ctx_char(ctx, exp)) >= '0' && c <= '9') {
            exp++;
        }
        if (exp > digits) {
            is_float = 1;
            idx = exp;
        }
    }
    *next_idx = idx;

    scannerobject *s = ctx->scanner;
    PyObject *custom = is_float ? s->parse_float : s->parse_int;
    int builtin = is_float ? custom == (PyObject *)&PyFloat_Type
                           : custom == (PyObject *)&PyLong_Type;
    if (!builtin) {
        PyObject *text = PyUnicode_Substring(ctx->doc, start, idx);
        if (text == NULL) {
            return NULL;
        }
        PyObject *result = PyObject_CallOneArg(custom, text);
        Py_DECREF(text);
        return result;
    }
    /* The number is ASCII: copy it to a C string. */
    Py_ssize_t n = idx - start;
    char small[64];
    char *buf = small;
    if (n >= (Py_ssize_t)sizeof(small)) {
        buf = PyMem_Malloc((size_t)n + 1);
        if (buf == NULL) {
            return PyErr_NoMemory();
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        buf[i] = (char)ctx_char(ctx, start + i);
    }
    buf[n] = '\0';
    PyObject *result;
    if (is_float) {
        double d = PyOS_string_to_double(buf, NULL, NULL);
        result = (d == -1.0 && PyErr_Occurred()) ? NULL : PyFloat_FromDouble(d);
    }
    else if (n <= 18) {
        long long v = 0;
        int negative = buf[0] == '-';
        for (Py_ssize_t i = negative; i < n; i++) {
            v = v * 10 + (buf[i] - '0');
        }
        result = PyLong_FromLongLong(negative ? -v : v);
    }
    else {
        result = PyLong_FromString(buf, NULL, 10);
    }
    if (buf != small) {
        PyMem_Free(buf);
    }
    return result;
}

/* Return a new reference: the object whose '{' is at idx - 1. */
static PyObject *scan_object(scan_context *ctx, Py_ssize_t idx, Py_ssize_t *next_idx)
{
    scannerobject *s = ctx->scanner;
    int use_pairs = s->object_pairs_hook != Py_None;
    PyObject *result = use_pairs ? PyList_New(0) : PyDict_New();
    if (result == NULL) {
        return NULL;
    }
    PyObject *key = NULL;
    PyObject *value = NULL;
    idx = skip_whitespace(ctx, idx);
    if (idx >= ctx->len || ctx_char(ctx, idx) != '}') {
        for (;;) {
            if (idx >= ctx->len || ctx_char(ctx, idx) != '"') {
                raise_decode_error("Expecting property name enclosed in double quotes",
                                   ctx->doc, idx);
                goto error;
            }
            Py_ssize_t after;
            PyObject *raw_key = scan_string(ctx->doc, idx + 1, s->strict, &after);
            if (raw_key == NULL) {
                goto error;
            }
            int found = PyDict_SetDefaultRef(ctx->memo, raw_key, raw_key, &key);
            Py_DECREF(raw_key);
            if (found < 0) {
                goto error;
            }
            idx = skip_whitespace(ctx, after);
            if (idx >= ctx->len || ctx_char(ctx, idx) != ':') {
                raise_decode_error("Expecting ':' delimiter", ctx->doc, idx);
                goto error;
            }
            idx = skip_whitespace(ctx, idx + 1);
            value = scan_value(ctx, idx, &after);
            if (value == NULL) {
                goto error;
            }
            if (use_pairs) {
                PyObject *pair = PyTuple_Pack(2, key, value);
                if (pair == NULL) {
                    goto error;
                }
                int rc = PyList_Append(result, pair);
                Py_DECREF(pair);
                if (rc < 0) {
                    goto error;
                }
            }
            else if (PyDict_SetItem(result, key, value) < 0) {
                goto error;
            }
            Py_CLEAR(key);
            Py_CLEAR(value);
            idx = skip_whitespace(ctx, after);
            if (idx < ctx->len && ctx_char(ctx, idx) == '}') {
                break;
            }
            if (idx >= ctx->len || ctx_char(ctx, idx) != ',') {
                raise_decode_error("Expecting ',' delimiter", ctx->doc, idx);
                goto error;
            }
            Py_ssize_t comma = idx;
            idx = skip_whitespace(ctx, idx + 1);
            if (idx < ctx->len && ctx_char(ctx, idx) == '}') {
                raise_decode_error("Illegal trailing comma before end of object", ctx->doc,
                                   comma);
                goto error;
            }
        }
    }
    *next_idx = idx + 1;
    if (use_pairs) {
        Py_SETREF(result, PyObject_CallOneArg(s->object_pairs_hook, result));
    }
    else if (s->object_hook != Py_None) {
        Py_SETREF(result, PyObject_CallOneArg(s->object_hook, result));
    }
    return result;

error:
    Py_XDECREF(key);
    Py_XDECREF(value);
    Py_DECREF(result);
    return NULL;
}

/* Return a new reference: the array whose '[' is at idx - 1. */
static PyObject *scan_array(scan_context *ctx, Py_ssize_t idx, Py_ssize_t *next_idx)
{
    PyObject *result = PyList_New(0);
    if (result == NULL) {
        return NULL;
    }
    idx = skip_whitespace(ctx, idx);
    if (idx >= ctx->len || ctx_char(ctx, idx) != ']') {
        for (;;) {
            Py_ssize_t after;
            PyObject *value = scan_value(ctx, idx, &after);
            if (value == NULL) {
                goto error;
            }
            int rc = PyList_Append(result, value);
            Py_DECREF(value);
            if (rc < 0) {
                goto error;
            }
            idx = skip_whitespace(ctx, after);
            if (idx < ctx->len && ctx_char(ctx, idx) == ']') {
                break;
            }
            if (idx >= ctx->len || ctx_char(ctx, idx) != ',') {
                raise_decode_error("Expecting ',' delimiter", ctx->doc, idx);
                goto error;
            }
            Py_ssize_t comma = idx;
            idx = skip_whitespace(ctx, idx + 1);
            if (idx < ctx->len && ctx_char(ctx, idx) == ']') {
                raise_decode_error("Illegal trailing comma before end of array", ctx->doc,
                                   comma);
                goto error;
            }
        }
    }
    *next_idx = idx + 1;
    return result;

error:
    Py_DECREF(result);
    return NULL;
}

/* Return a new reference: the JSON value starting exactly at idx.  No value there:
 * StopIteration(idx). */
static PyObject *scan_value(scan_context *ctx, Py_ssize_t idx, Py_ssize_t *next_idx)
{
    if (idx < 0) {
        PyErr_SetString(PyExc_ValueError, "idx cannot be negative");
        return NULL;
    }
    if (idx >= ctx->len) {
        return raise_stop_iteration(idx);
    }
    PyObject *result;
    switch (ctx_char(ctx, idx)) {
    case '"':
        return scan_string(ctx->doc, idx + 1, ctx->scanner->strict, next_idx);
    case '{':
        if (Py_EnterRecursiveCall(" while decoding a JSON object from a unicode string")) {
            return NULL;
        }
        result = scan_object(ctx, idx + 1, next_idx);
        Py_LeaveRecursiveCall();
        return result;
    case '[':
        if (Py_EnterRecursiveCall(" while decoding a JSON array from a unicode string")) {
            return NULL;
        }
        result = scan_array(ctx, idx + 1, next_idx);
        Py_LeaveRecursiveCall();
        return result;
    case 'n':
        if (match_word(ctx, idx, "null")) {
            *next_idx = idx + 4;
            Py_RETURN_NONE;
        }
        break;
    case 't':
        if (match_word(ctx, idx, "true")) {
            *next_idx = idx + 4;
            Py_RETURN_TRUE;
        }
        break;
    case 'f':
        if (match_word(ctx, idx, "false")) {
            *next_idx = idx + 5;
            Py_RETURN_FALSE;
        }
        break;
    case 'N':
        if (match_word(ctx, idx, "NaN")) {
            return scan_constant(ctx, "NaN", idx, next_idx);
        }
        break;
    case 'I':
        if (match_word(ctx, idx, "Infinity")) {
            return scan_constant(ctx, "Infinity", idx, next_idx);
        }
        break;
    case '-':
        if (match_word(ctx, idx, "-Infinity")) {
            return scan_constant(ctx, "-Infinity", idx, next_idx);
        }
        break;
    default:
        break;
    }
    return scan_number(ctx, idx, next_idx);
}

/* scanner(string, idx) -> (value, end).  Return a new reference. */
static PyObject *scanner_call(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"string", "idx", NULL};
    PyObject *doc;
    Py_ssize_t idx;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "On:scan_once", kwlist, &doc, &idx)) {
        return NULL;
    }
    if (!PyUnicode_Check(doc)) {
        PyErr_Format(PyExc_TypeError, "first argument must be a string, not %.80s",
                     Py_TYPE(doc)->tp_name);
        return NULL;
    }
    scan_context ctx;
    ctx.scanner = (scannerobject *)op;
    ctx.doc = doc;
    ctx.kind = PyUnicode_KIND(doc);
    ctx.data = PyUnicode_DATA(doc);
    ctx.len = PyUnicode_GET_LENGTH(doc);
    ctx.memo = PyDict_New();
    if (ctx.memo == NULL) {
        return NULL;
    }
    Py_ssize_t next_idx = -1;
    PyObject *value = scan_value(&ctx, idx, &next_idx);
    Py_DECREF(ctx.memo);
    if (value == NULL) {
        return NULL;
    }
    return Py_BuildValue("(Nn)", value, next_idx);
}

/* Store a new reference to context.<name> in *out.  0, or -1 with the exception. */
static int get_context_attr(PyObject *context, const char *name, PyObject **out)
{
    *out = PyObject_GetAttrString(context, name);
    return *out == NULL ? -1 : 0;
}

/* make_scanner(context): read the decoder's options once.  Return a new reference. */
static PyObject *scanner_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"context", NULL};
    PyObject *context;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:make_scanner", kwlist, &context)) {
        return NULL;
    }
    scannerobject *s = (scannerobject *)type->tp_alloc(type, 0);
    if (s == NULL) {
        return NULL;
    }
    PyObject *strict = NULL;
    if (get_context_attr(context, "strict", &strict) < 0) {
        goto error;
    }
    int truth = PyObject_IsTrue(strict);
    Py_DECREF(strict);
    if (truth < 0) {
        goto error;
    }
    s->strict = (char)truth;
    if (get_context_attr(context, "object_hook", &s->object_hook) < 0 ||
        get_context_attr(context, "object_pairs_hook", &s->object_pairs_hook) < 0 ||
        get_context_attr(context, "parse_float", &s->parse_float) < 0 ||
        get_context_attr(context, "parse_int", &s->parse_int) < 0 ||
        get_context_attr(context, "parse_constant", &s->parse_constant) < 0) {
        goto error;
    }
    return (PyObject *)s;

error:
    Py_DECREF(s);
    return NULL;
}

static int scanner_traverse(PyObject *op, visitproc visit, void *arg)
{
    scannerobject *s = (scannerobject *)op;
    Py_VISIT(Py_TYPE(op));
    Py_VISIT(s->object_hook);
    Py_VISIT(s->object_pairs_hook);
    Py_VISIT(s->parse_float);
    Py_VISIT(s->parse_int);
    Py_VISIT(s->parse_constant);
    return 0;
}

static int scanner_clear(PyObject *op)
{
    scannerobject *s = (scannerobject *)op;
    Py_CLEAR(s->object_hook);
    Py_CLEAR(s->object_pairs_hook);
    Py_CLEAR(s->parse_float);
    Py_CLEAR(s->parse_int);
    Py_CLEAR(s->parse_constant);
    return 0;
}

static void scanner_dealloc(PyObject *op)
{
    PyTypeObject *type = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    scanner_clear(op);
    type->tp_free(op);
    Py_DECREF(type);
}

static PyMemberDef scanner_members[] = {
    {"strict", Py_T_BOOL, offsetof(scannerobject, strict), Py_READONLY, "strict"},
    {"object_hook", Py_T_OBJECT_EX, offsetof(scannerobject, object_hook), Py_READONLY,
     "object_hook"},
    {"object_pairs_hook", Py_T_OBJECT_EX, offsetof(scannerobject, object_pairs_hook),
     Py_READONLY, NULL},
    {"parse_float", Py_T_OBJECT_EX, offsetof(scannerobject, parse_float), Py_READONLY,
     "parse_float"},
    {"parse_int", Py_T_OBJECT_EX, offsetof(scannerobject, parse_int), Py_READONLY,
     "parse_int"},
    {"parse_constant", Py_T_OBJECT_EX, offsetof(scannerobject, parse_constant), Py_READONLY,
     "parse_constant"},
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot scanner_slots[] = {
    {Py_tp_doc, (void *)"JSON scanner object"},
    {Py_tp_dealloc, scanner_dealloc},
    {Py_tp_call, scanner_call},
    {Py_tp_traverse, scanner_traverse},
    {Py_tp_clear, scanner_clear},
    {Py_tp_members, scanner_members},
    {Py_tp_new, scanner_new},
    {0, NULL},
};

static PyType_Spec scanner_spec = {
    .name = "_json.Scanner",
    .basicsize = sizeof(scannerobject),
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .slots = scanner_slots,
};

/* ---- Encoder ----------------------------------------------------------------------------- */

enum string_mode {
    STRING_CALL,        /* call the encoder function */
    STRING_ASCII,       /* it is our encode_basestring_ascii: escape inline */
    STRING_UNICODE,     /* it is our encode_basestring: escape inline */
};

/* Immutable after encoder_new: safe to call from several threads at once. */
typedef struct {
    PyObject_HEAD
    PyObject *markers;          /* dict or None: None disables the circular check */
    PyObject *defaultfn;
    PyObject *encoder;
    PyObject *indent;           /* None or (normally) a str */
    PyObject *key_separator;    /* str */
    PyObject *item_separator;   /* str */
    char sort_keys;
    char skipkeys;
    char allow_nan;
    int string_mode;
} encoderobject;

/* State of one encoder call: the output and the containers being encoded. */
typedef struct {
    encoderobject *encoder;
    _PyUnicodeWriter writer;
    PyObject **active;          /* containers currently open (circular check) */
    Py_ssize_t active_count;
    Py_ssize_t active_size;
    PyObject *inline_active[32];
} encode_context;

static int encode_value(encode_context *ctx, PyObject *obj, Py_ssize_t level);

/* Remember container op as open; ValueError if it already is.  0 or -1. */
static int enter_container(encode_context *ctx, PyObject *op)
{
    if (ctx->encoder->markers == Py_None) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < ctx->active_count; i++) {
        if (ctx->active[i] == op) {
            PyErr_SetString(PyExc_ValueError, "Circular reference detected");
            return -1;
        }
    }
    if (ctx->active_count == ctx->active_size) {
        Py_ssize_t new_size = ctx->active_size * 2;
        PyObject **bigger = PyMem_Malloc((size_t)new_size * sizeof(PyObject *));
        if (bigger == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memcpy(bigger, ctx->active, (size_t)ctx->active_count * sizeof(PyObject *));
        if (ctx->active != ctx->inline_active) {
            PyMem_Free(ctx->active);
        }
        ctx->active = bigger;
        ctx->active_size = new_size;
    }
    ctx->active[ctx->active_count++] = op;
    return 0;
}

static void leave_container(encode_context *ctx)
{
    if (ctx->encoder->markers != Py_None) {
        ctx->active_count--;
    }
}

static inline int write_ascii(encode_context *ctx, const char *text, Py_ssize_t len)
{
    return _PyUnicodeWriter_WriteASCIIString(&ctx->writer, text, len);
}

/* Write "\n" followed by indent repeated level times.  0 or -1. */
static int write_newline_indent(encode_context *ctx, Py_ssize_t level)
{
    PyObject *indent = ctx->encoder->indent;
    if (!PyUnicode_Check(indent)) {
        /* Same error as '\n' + indent in Python. */
        PyErr_Format(PyExc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                     Py_TYPE(indent)->tp_name);
        return -1;
    }
    if (_PyUnicodeWriter_WriteChar(&ctx->writer, '\n') < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < level; i++) {
        if (_PyUnicodeWriter_WriteStr(&ctx->writer, indent) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Write a str through the configured string encoder.  0 or -1. */
static int write_string(encode_context *ctx, PyObject *str)
{
    encoderobject *e = ctx->encoder;
    if (e->string_mode != STRING_CALL) {
        return write_escaped_str(&ctx->writer, str, e->string_mode == STRING_ASCII);
    }
    PyObject *encoded = PyObject_CallOneArg(e->encoder, str);
    if (encoded == NULL) {
        return -1;
    }
    if (!PyUnicode_Check(encoded)) {
        PyErr_Format(PyExc_TypeError, "encoder() must return a string, not %.80s",
                     Py_TYPE(encoded)->tp_name);
        Py_DECREF(encoded);
        return -1;
    }
    int rc = _PyUnicodeWriter_WriteStr(&ctx->writer, encoded);
    Py_DECREF(encoded);
    return rc;
}

/* The text of a float (any float instance): float.__repr__ or NaN/Infinity.
 * Return a new reference. */
static PyObject *float_text(encoderobject *e, PyObject *obj)
{
    double d = PyFloat_AS_DOUBLE(obj);
    if (!isfinite(d)) {
        if (!e->allow_nan) {
            PyObject *repr = PyFloat_Type.tp_repr(obj);
            if (repr != NULL) {
                PyErr_Format(PyExc_ValueError,
                             "Out of range float values are not JSON compliant: %U", repr);
                Py_DECREF(repr);
            }
            return NULL;
        }
        const char *text = d > 0 ? "Infinity" : (d < 0 ? "-Infinity" : "NaN");
        return PyUnicode_FromString(text);
    }
    return PyFloat_Type.tp_repr(obj);
}

static int write_float(encode_context *ctx, PyObject *obj)
{
    double d = PyFloat_AS_DOUBLE(obj);
    if (isfinite(d)) {
        char *text = PyOS_double_to_string(d, 'r', 0, Py_DTSF_ADD_DOT_0, NULL);
        if (text == NULL) {
            return -1;
        }
        int rc = write_ascii(ctx, text, (Py_ssize_t)strlen(text));
        PyMem_Free(text);
        return rc;
    }
    PyObject *text = float_text(ctx->encoder, obj);
    if (text == NULL) {
        return -1;
    }
    int rc = _PyUnicodeWriter_WriteStr(&ctx->writer, text);
    Py_DECREF(text);
    return rc;
}

static int write_int(encode_context *ctx, PyObject *obj)
{
    if (PyLong_CheckExact(obj)) {
        int overflow = 0;
        long long v = PyLong_AsLongLongAndOverflow(obj, &overflow);
        if (v == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (!overflow) {
            char buf[32];
            char *p = buf + sizeof(buf);
            unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
            do {
                *--p = (char)('0' + u % 10);
                u /= 10;
            } while (u);
            if (v < 0) {
                *--p = '-';
            }
            return write_ascii(ctx, p, buf + sizeof(buf) - p);
        }
    }
    PyObject *text = PyLong_Type.tp_repr(obj);
    if (text == NULL) {
        return -1;
    }
    int rc = _PyUnicodeWriter_WriteStr(&ctx->writer, text);
    Py_DECREF(text);
    return rc;
}

/* The JSON key text for a dict key: a new reference, or NULL with *skip = 1 (skipkeys) or
 * with an exception. */
static PyObject *key_text(encoderobject *e, PyObject *key, int *skip)
{
    *skip = 0;
    if (PyUnicode_Check(key)) {
        return Py_NewRef(key);
    }
    if (PyFloat_Check(key)) {
        return float_text(e, key);
    }
    if (key == Py_True || key == Py_False || key == Py_None) {
        return PyUnicode_FromString(key == Py_True ? "true" : (key == Py_False ? "false"
                                                                                : "null"));
    }
    if (PyLong_Check(key)) {
        return PyLong_Type.tp_repr(key);
    }
    if (e->skipkeys) {
        *skip = 1;
        return NULL;
    }
    PyErr_Format(PyExc_TypeError, "keys must be str, int, float, bool or None, not %.100s",
                 Py_TYPE(key)->tp_name);
    return NULL;
}

/* Write item_separator, then the newline and indent when indenting.  0 or -1. */
static int write_item_separator(encode_context *ctx, Py_ssize_t level)
{
    if (_PyUnicodeWriter_WriteStr(&ctx->writer, ctx->encoder->item_separator) < 0) {
        return -1;
    }
    if (ctx->encoder->indent != Py_None) {
        return write_newline_indent(ctx, level);
    }
    return 0;
}

/* Write the opening bracket (and the first newline when indenting).  0 or -1. */
static int write_open(encode_context *ctx, char bracket, Py_ssize_t level)
{
    if (_PyUnicodeWriter_WriteChar(&ctx->writer, (Py_UCS4)bracket) < 0) {
        return -1;
    }
    if (ctx->encoder->indent != Py_None) {
        return write_newline_indent(ctx, level + 1);
    }
    return 0;
}

static int write_close(encode_context *ctx, char bracket, Py_ssize_t level)
{
    if (ctx->encoder->indent != Py_None && write_newline_indent(ctx, level) < 0) {
        return -1;
    }
    return _PyUnicodeWriter_WriteChar(&ctx->writer, (Py_UCS4)bracket);
}

/* Write one "key": value member; *first is cleared once something was written. */
static int write_member(encode_context *ctx, PyObject *key, PyObject *value, Py_ssize_t level,
                        int *first)
{
    encoderobject *e = ctx->encoder;
    int skip;
    PyObject *name = key_text(e, key, &skip);
    if (name == NULL) {
        return skip ? 0 : -1;
    }
    int rc = -1;
    if (!*first && write_item_separator(ctx, level + 1) < 0) {
        goto done;
    }
    *first = 0;
    if (write_string(ctx, name) < 0 ||
        _PyUnicodeWriter_WriteStr(&ctx->writer, e->key_separator) < 0 ||
        encode_value(ctx, value, level + 1) < 0) {
        goto done;
    }
    rc = 0;
done:
    Py_DECREF(name);
    return rc;
}

/* Copy the keys and values of an exact dict (new references) into a PyMem array of
 * 2 * count items.  Return the array or NULL with an exception. */
static PyObject **dict_snapshot(PyObject *dct, Py_ssize_t *count)
{
    PyObject **items = NULL;
    Py_ssize_t n = 0;
    int failed = 0;
    /* The critical section keeps the dict from changing while it is copied. */
    Py_BEGIN_CRITICAL_SECTION(dct);
    Py_ssize_t size = PyDict_GET_SIZE(dct);
    items = PyMem_Malloc((size_t)(size > 0 ? size : 1) * 2 * sizeof(PyObject *));
    if (items == NULL) {
        failed = 1;
    }
    else {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (n < size && PyDict_Next(dct, &pos, &key, &value)) {
            items[2 * n] = Py_NewRef(key);
            items[2 * n + 1] = Py_NewRef(value);
            n++;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (failed) {
        PyErr_NoMemory();
        return NULL;
    }
    *count = n;
    return items;
}

static int encode_dict(encode_context *ctx, PyObject *dct, Py_ssize_t level)
{
    encoderobject *e = ctx->encoder;
    if (PyDict_GET_SIZE(dct) == 0) {
        return write_ascii(ctx, "{}", 2);
    }
    if (enter_container(ctx, dct) < 0) {
        return -1;
    }
    int rc = -1;
    int first = 1;
    if (write_open(ctx, '{', level) < 0) {
        goto done;
    }
    if (PyDict_CheckExact(dct) && !e->sort_keys) {
        Py_ssize_t count;
        PyObject **items = dict_snapshot(dct, &count);
        if (items == NULL) {
            goto done;
        }
        Py_ssize_t i = 0;
        for (; i < count; i++) {
            if (write_member(ctx, items[2 * i], items[2 * i + 1], level, &first) < 0) {
                break;
            }
        }
        int ok = i == count;
        for (Py_ssize_t j = 0; j < 2 * count; j++) {
            Py_DECREF(items[j]);
        }
        PyMem_Free(items);
        if (!ok) {
            goto done;
        }
    }
    else {
        PyObject *items = PyMapping_Items(dct);
        if (items == NULL) {
            goto done;
        }
        if (e->sort_keys && PyList_Sort(items) < 0) {
            Py_DECREF(items);
            goto done;
        }
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
            PyObject *pair = PyList_GET_ITEM(items, i);
            if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
                PyErr_SetString(PyExc_ValueError, "items must return tuples of 2 items");
                Py_DECREF(items);
                goto done;
            }
            if (write_member(ctx, PyTuple_GET_ITEM(pair, 0), PyTuple_GET_ITEM(pair, 1), level,
                             &first) < 0) {
                Py_DECREF(items);
                goto done;
            }
        }
        Py_DECREF(items);
    }
    if (write_close(ctx, '}', level) < 0) {
        goto done;
    }
    rc = 0;
done:
    leave_container(ctx);
    return rc;
}

/* Encode the items of seq (an exact list, or a tuple) as an array; container is the object
 * being encoded (for the circular check): seq itself, or the list or tuple subclass whose
 * items seq holds. */
static int encode_sequence(encode_context *ctx, PyObject *container, PyObject *seq,
                           Py_ssize_t level)
{
    int is_list = PyList_Check(seq);
    Py_ssize_t size = is_list ? PyList_Size(seq) : PyTuple_GET_SIZE(seq);
    if (size == 0) {
        return write_ascii(ctx, "[]", 2);
    }
    if (enter_container(ctx, container) < 0) {
        return -1;
    }
    int rc = -1;
    if (write_open(ctx, '[', level) < 0) {
        goto done;
    }
    for (Py_ssize_t i = 0;; i++) {
        PyObject *item;
        if (is_list) {
            if (i >= PyList_Size(seq)) {
                break;
            }
            item = PyList_GetItemRef(seq, i);
            if (item == NULL) {
                /* Shrunk concurrently: stop at the new end. */
                PyErr_Clear();
                break;
            }
        }
        else {
            if (i >= size) {
                break;
            }
            item = Py_NewRef(PyTuple_GET_ITEM(seq, i));
        }
        int failed = (i > 0 && write_item_separator(ctx, level + 1) < 0) ||
                     encode_value(ctx, item, level + 1) < 0;
        Py_DECREF(item);
        if (failed) {
            goto done;
        }
    }
    if (write_close(ctx, ']', level) < 0) {
        goto done;
    }
    rc = 0;
done:
    leave_container(ctx);
    return rc;
}

/* Encode obj at nesting level.  0 or -1. */
static int encode_value(encode_context *ctx, PyObject *obj, Py_ssize_t level)
{
    encoderobject *e = ctx->encoder;
    if (obj == Py_None) {
        return write_ascii(ctx, "null", 4);
    }
    if (obj == Py_True) {
        return write_ascii(ctx, "true", 4);
    }
    if (obj == Py_False) {
        return write_ascii(ctx, "false", 5);
    }
    if (PyUnicode_Check(obj)) {
        return write_string(ctx, obj);
    }
    if (PyLong_Check(obj)) {
        return write_int(ctx, obj);
    }
    if (PyFloat_Check(obj)) {
        return write_float(ctx, obj);
    }
    int rc;
    if (PyList_Check(obj) || PyTuple_Check(obj)) {
        if (Py_EnterRecursiveCall(" while encoding a JSON object")) {
            return -1;
        }
        if (PyList_CheckExact(obj) || PyTuple_CheckExact(obj)) {
            rc = encode_sequence(ctx, obj, obj, level);
        }
        else {
            /* Subclasses are iterated (their __iter__ counts), as in CPython. */
            PyObject *items = PySequence_Tuple(obj);
            rc = items == NULL ? -1 : encode_sequence(ctx, obj, items, level);
            Py_XDECREF(items);
        }
        Py_LeaveRecursiveCall();
        return rc;
    }
    if (PyDict_Check(obj)) {
        if (Py_EnterRecursiveCall(" while encoding a JSON object")) {
            return -1;
        }
        rc = encode_dict(ctx, obj, level);
        Py_LeaveRecursiveCall();
        return rc;
    }
    if (enter_container(ctx, obj) < 0) {
        return -1;
    }
    PyObject *replacement = PyObject_CallOneArg(e->defaultfn, obj);
    if (replacement == NULL) {
        leave_container(ctx);
        return -1;
    }
    if (Py_EnterRecursiveCall(" while encoding a JSON object")) {
        Py_DECREF(replacement);
        leave_container(ctx);
        return -1;
    }
    rc = encode_value(ctx, replacement, level);
    Py_LeaveRecursiveCall();
    Py_DECREF(replacement);
    leave_container(ctx);
    return rc;
}

/* encoder(obj, _current_indent_level) -> (text,).  Return a new reference. */
static PyObject *encoder_call(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"obj", "_current_indent_level", NULL};
    PyObject *obj;
    Py_ssize_t level;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "On:_iterencode", kwlist, &obj, &level)) {
        return NULL;
    }
    encode_context ctx;
    ctx.encoder = (encoderobject *)op;
    _PyUnicodeWriter_Init(&ctx.writer);
    ctx.writer.overallocate = 1;
    ctx.active = ctx.inline_active;
    ctx.active_count = 0;
    ctx.active_size = (Py_ssize_t)(sizeof(ctx.inline_active) / sizeof(ctx.inline_active[0]));
    int rc = encode_value(&ctx, obj, level);
    if (ctx.active != ctx.inline_active) {
        PyMem_Free(ctx.active);
    }
    if (rc < 0) {
        _PyUnicodeWriter_Dealloc(&ctx.writer);
        return NULL;
    }
    PyObject *text = _PyUnicodeWriter_Finish(&ctx.writer);
    if (text == NULL) {
        return NULL;
    }
    PyObject *result = PyTuple_Pack(1, text);
    Py_DECREF(text);
    return result;
}

/* make_encoder(markers, default, encoder, indent, key_separator, item_separator,
 *              sort_keys, skipkeys, allow_nan).  Return a new reference. */
static PyObject *encoder_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"markers", "default", "encoder", "indent", "key_separator",
                             "item_separator", "sort_keys", "skipkeys", "allow_nan", NULL};
    PyObject *markers, *defaultfn, *encoder, *indent, *key_separator, *item_separator;
    int sort_keys, skipkeys, allow_nan;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOOOUUppp:make_encoder", kwlist,
                                     &markers, &defaultfn, &encoder, &indent, &key_separator,
                                     &item_separator, &sort_keys, &skipkeys, &allow_nan)) {
        return NULL;
    }
    if (markers != Py_None && !PyDict_Check(markers)) {
        PyErr_Format(PyExc_TypeError, "make_encoder() argument 1 must be dict or None, not %.200s",
                     Py_TYPE(markers)->tp_name);
        return NULL;
    }
    encoderobject *e = (encoderobject *)type->tp_alloc(type, 0);
    if (e == NULL) {
        return NULL;
    }
    e->markers = Py_NewRef(markers);
    e->defaultfn = Py_NewRef(defaultfn);
    e->encoder = Py_NewRef(encoder);
    e->indent = Py_NewRef(indent);
    e->key_separator = Py_NewRef(key_separator);
    e->item_separator = Py_NewRef(item_separator);
    e->sort_keys = (char)sort_keys;
    e->skipkeys = (char)skipkeys;
    e->allow_nan = (char)allow_nan;
    e->string_mode = STRING_CALL;
    if (PyCFunction_Check(encoder)) {
        PyCFunction fn = PyCFunction_GetFunction(encoder);
        if (fn == (PyCFunction)json_encode_basestring_ascii) {
            e->string_mode = STRING_ASCII;
        }
        else if (fn == (PyCFunction)json_encode_basestring) {
            e->string_mode = STRING_UNICODE;
        }
    }
    return (PyObject *)e;
}

static int encoder_traverse(PyObject *op, visitproc visit, void *arg)
{
    encoderobject *e = (encoderobject *)op;
    Py_VISIT(Py_TYPE(op));
    Py_VISIT(e->markers);
    Py_VISIT(e->defaultfn);
    Py_VISIT(e->encoder);
    Py_VISIT(e->indent);
    Py_VISIT(e->key_separator);
    Py_VISIT(e->item_separator);
    return 0;
}

static int encoder_clear(PyObject *op)
{
    encoderobject *e = (encoderobject *)op;
    Py_CLEAR(e->markers);
    Py_CLEAR(e->defaultfn);
    Py_CLEAR(e->encoder);
    Py_CLEAR(e->indent);
    Py_CLEAR(e->key_separator);
    Py_CLEAR(e->item_separator);
    return 0;
}

static void encoder_dealloc(PyObject *op)
{
    PyTypeObject *type = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    encoder_clear(op);
    type->tp_free(op);
    Py_DECREF(type);
}

static PyMemberDef encoder_members[] = {
    {"markers", Py_T_OBJECT_EX, offsetof(encoderobject, markers), Py_READONLY, "markers"},
    {"default", Py_T_OBJECT_EX, offsetof(encoderobject, defaultfn), Py_READONLY, "default"},
    {"encoder", Py_T_OBJECT_EX, offsetof(encoderobject, encoder), Py_READONLY, "encoder"},
    {"indent", Py_T_OBJECT_EX, offsetof(encoderobject, indent), Py_READONLY, "indent"},
    {"key_separator", Py_T_OBJECT_EX, offsetof(encoderobject, key_separator), Py_READONLY,
     "key_separator"},
    {"item_separator", Py_T_OBJECT_EX, offsetof(encoderobject, item_separator), Py_READONLY,
     "item_separator"},
    {"sort_keys", Py_T_BOOL, offsetof(encoderobject, sort_keys), Py_READONLY, "sort_keys"},
    {"skipkeys", Py_T_BOOL, offsetof(encoderobject, skipkeys), Py_READONLY, "skipkeys"},
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot encoder_slots[] = {
    {Py_tp_doc, (void *)"Encoder(markers, default, encoder, indent, key_separator, "
                        "item_separator, sort_keys, skipkeys, allow_nan)"},
    {Py_tp_dealloc, encoder_dealloc},
    {Py_tp_call, encoder_call},
    {Py_tp_traverse, encoder_traverse},
    {Py_tp_clear, encoder_clear},
    {Py_tp_members, encoder_members},
    {Py_tp_new, encoder_new},
    {0, NULL},
};

static PyType_Spec encoder_spec = {
    .name = "_json.Encoder",
    .basicsize = sizeof(encoderobject),
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .slots = encoder_slots,
};

/* ---- module ------------------------------------------------------------------------------ */

static PyMethodDef json_methods[] = {
    {"encode_basestring_ascii", json_encode_basestring_ascii, METH_O,
     encode_basestring_ascii_doc},
    {"encode_basestring", json_encode_basestring, METH_O, encode_basestring_doc},
    {"scanstring", json_scanstring, METH_VARARGS, scanstring_doc},
    {NULL, NULL, 0, NULL},
};

static int json_exec(PyObject *module)
{
    json_state *state = get_json_state(module);
    state->scanner_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &scanner_spec,
                                                                   NULL);
    if (state->scanner_type == NULL) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "make_scanner", (PyObject *)state->scanner_type) < 0) {
        return -1;
    }
    state->encoder_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &encoder_spec,
                                                                   NULL);
    if (state->encoder_type == NULL) {
        return -1;
    }
    if (PyModule_AddObjectRef(module, "make_encoder", (PyObject *)state->encoder_type) < 0) {
        return -1;
    }
    return 0;
}

static int json_traverse(PyObject *module, visitproc visit, void *arg)
{
    json_state *state = get_json_state(module);
    Py_VISIT(state->scanner_type);
    Py_VISIT(state->encoder_type);
    return 0;
}

static int json_clear(PyObject *module)
{
    json_state *state = get_json_state(module);
    Py_CLEAR(state->scanner_type);
    Py_CLEAR(state->encoder_type);
    return 0;
}

static void json_free(void *module)
{
    json_clear((PyObject *)module);
}

static PyModuleDef_Slot json_slots[] = {
    {Py_mod_exec, json_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef jsonmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_json",
    .m_doc = "json speedups\n",
    .m_size = sizeof(json_state),
    .m_methods = json_methods,
    .m_slots = json_slots,
    .m_traverse = json_traverse,
    .m_clear = json_clear,
    .m_free = json_free,
};

PyMODINIT_FUNC
PyInit__json(void)
{
    return PyModuleDef_Init(&jsonmodule);
}
