/* The codec registry (codecs.register / codecs.lookup) and the error-handler registry
 * (codecs.register_error / codecs.lookup_error) with the built-in handlers.
 *
 * State: one registry per process (Braid runs one interpreter): a list of search functions, a
 * cache dict from normalised names to CodecInfo, and a dict of error handlers.  registry_lock
 * protects the three containers and their lazy creation; calls into Python code (search
 * functions, `import encodings`) happen with the lock released, so a search function may
 * itself use the registry.  The objects are created on first use. */
#include "Python.h"
#include "pycore_unicodeobject.h"

static PyMutex registry_lock;
static PyObject *search_path;     /* list of callables; owned */
static PyObject *search_cache;    /* dict name -> CodecInfo; owned */
static PyObject *error_registry;  /* dict name -> handler; owned */
static int encodings_imported;

static int register_builtin_error_handlers(void);

/* Create the containers if needed.  0 or -1. */
static int
registry_init(void)
{
    int need_handlers = 0;
    PyMutex_Lock(&registry_lock);
    if (search_path == NULL) {
        search_path = PyList_New(0);
        search_cache = PyDict_New();
        error_registry = PyDict_New();
        if (search_path == NULL || search_cache == NULL || error_registry == NULL) {
            Py_CLEAR(search_path);
            Py_CLEAR(search_cache);
            Py_CLEAR(error_registry);
            PyMutex_Unlock(&registry_lock);
            return -1;
        }
        need_handlers = 1;
    }
    PyMutex_Unlock(&registry_lock);
    if (need_handlers && register_builtin_error_handlers() < 0) {
        return -1;
    }
    return 0;
}

int
PyCodec_Register(PyObject *search_function)
{
    if (registry_init() < 0) {
        return -1;
    }
    if (search_function == NULL || !PyCallable_Check(search_function)) {
        PyErr_SetString(PyExc_TypeError, "argument must be callable");
        return -1;
    }
    int r;
    PyMutex_Lock(&registry_lock);
    r = PyList_Append(search_path, search_function);
    PyMutex_Unlock(&registry_lock);
    return r;
}

int
PyCodec_Unregister(PyObject *search_function)
{
    if (registry_init() < 0) {
        return -1;
    }
    int r = 0;
    PyMutex_Lock(&registry_lock);
    Py_ssize_t n = PyList_GET_SIZE(search_path);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyList_GET_ITEM(search_path, i) == search_function) {
            PyDict_Clear(search_cache);
            r = PySequence_DelItem(search_path, i);
            break;
        }
    }
    PyMutex_Unlock(&registry_lock);
    return r;
}

/* Lowercase and turn spaces into underscores, as CPython's registry does.  New str. */
static PyObject *
normalize_name(const char *encoding)
{
    size_t len = strlen(encoding);
    char *buf = PyMem_Malloc(len + 1);
    if (buf == NULL) {
        return PyErr_NoMemory();
    }
    for (size_t i = 0; i < len; i++) {
        char c = encoding[i];
        if (c == ' ') {
            c = '_';
        }
        else if (c >= 'A' && c <= 'Z') {
            c = (char)(c + 32);
        }
        buf[i] = c;
    }
    PyObject *res = PyUnicode_FromStringAndSize(buf, (Py_ssize_t)len);
    PyMem_Free(buf);
    return res;
}

PyObject *
_PyCodec_Lookup(const char *encoding)
{
    if (encoding == NULL) {
        PyErr_BadArgument();
        return NULL;
    }
    if (registry_init() < 0) {
        return NULL;
    }
    if (!_Py_atomic_load_int(&encodings_imported)) {
        _Py_atomic_store_int(&encodings_imported, 1);
        PyObject *mod = PyImport_ImportModule("encodings");
        if (mod == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_ImportError)) {
                return NULL;
            }
            PyErr_Clear();
        }
        else {
            Py_DECREF(mod);
        }
    }
    PyObject *name = normalize_name(encoding);
    if (name == NULL) {
        return NULL;
    }
    PyMutex_Lock(&registry_lock);
    PyObject *cached = PyDict_GetItemWithError(search_cache, name);
    Py_XINCREF(cached);
    PyObject *path = PyList_GetSlice(search_path, 0, PyList_GET_SIZE(search_path));
    PyMutex_Unlock(&registry_lock);
    if (cached != NULL) {
        Py_DECREF(name);
        Py_XDECREF(path);
        return cached;
    }
    if (path == NULL) {
        Py_DECREF(name);
        return NULL;
    }
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(path); i++) {
        result = PyObject_CallOneArg(PyList_GET_ITEM(path, i), name);
        if (result == NULL) {
            goto error;
        }
        if (result == Py_None) {
            Py_CLEAR(result);
            continue;
        }
        if (!PyTuple_Check(result) || PyTuple_GET_SIZE(result) != 4) {
            PyErr_SetString(PyExc_TypeError, "codec search functions must return 4-tuples");
            Py_CLEAR(result);
            goto error;
        }
        break;
    }
    if (result == NULL) {
        PyErr_Format(PyExc_LookupError, "unknown encoding: %s", encoding);
        goto error;
    }
    PyMutex_Lock(&registry_lock);
    int r = PyDict_SetItem(search_cache, name, result);
    PyMutex_Unlock(&registry_lock);
    if (r < 0) {
        Py_CLEAR(result);
    }
error:
    Py_DECREF(path);
    Py_DECREF(name);
    return result;
}

int
PyCodec_KnownEncoding(const char *encoding)
{
    PyObject *codecs = _PyCodec_Lookup(encoding);
    if (codecs == NULL) {
        PyErr_Clear();
        return 0;
    }
    Py_DECREF(codecs);
    return 1;
}

/* Item i of the CodecInfo for encoding.  New reference. */
static PyObject *
codec_item(const char *encoding, Py_ssize_t i)
{
    PyObject *codecs = _PyCodec_Lookup(encoding);
    if (codecs == NULL) {
        return NULL;
    }
    PyObject *v = Py_NewRef(PyTuple_GET_ITEM(codecs, i));
    Py_DECREF(codecs);
    return v;
}

PyObject *
PyCodec_Encoder(const char *encoding)
{
    return codec_item(encoding, 0);
}

PyObject *
PyCodec_Decoder(const char *encoding)
{
    return codec_item(encoding, 1);
}

static PyObject *
make_incremental(const char *encoding, const char *errors, const char *attrname)
{
    PyObject *codecs = _PyCodec_Lookup(encoding);
    if (codecs == NULL) {
        return NULL;
    }
    PyObject *factory = PyObject_GetAttrString(codecs, attrname);
    Py_DECREF(codecs);
    if (factory == NULL) {
        return NULL;
    }
    PyObject *res = errors ? PyObject_CallFunction(factory, "s", errors)
                           : PyObject_CallNoArgs(factory);
    Py_DECREF(factory);
    return res;
}

PyObject *
PyCodec_IncrementalEncoder(const char *encoding, const char *errors)
{
    return make_incremental(encoding, errors, "incrementalencoder");
}

PyObject *
PyCodec_IncrementalDecoder(const char *encoding, const char *errors)
{
    return make_incremental(encoding, errors, "incrementaldecoder");
}

static PyObject *
make_stream(const char *encoding, PyObject *stream, const char *errors, Py_ssize_t index)
{
    PyObject *factory = codec_item(encoding, index);
    if (factory == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_CallFunction(factory, "Os", stream, errors ? errors : "strict");
    Py_DECREF(factory);
    return res;
}

PyObject *
PyCodec_StreamReader(const char *encoding, PyObject *stream, const char *errors)
{
    return make_stream(encoding, stream, errors, 2);
}

PyObject *
PyCodec_StreamWriter(const char *encoding, PyObject *stream, const char *errors)
{
    return make_stream(encoding, stream, errors, 3);
}

/* Call coder(object, errors) and return item 0 of the (result, length) tuple. */
static PyObject *
call_coder(PyObject *coder, PyObject *object, const char *errors)
{
    PyObject *result = errors ? PyObject_CallFunction(coder, "Os", object, errors)
                              : PyObject_CallOneArg(coder, object);
    if (result == NULL) {
        return NULL;
    }
    if (!PyTuple_Check(result) || PyTuple_GET_SIZE(result) != 2) {
        PyErr_SetString(PyExc_TypeError, "encoder must return a tuple (object, integer)");
        Py_DECREF(result);
        return NULL;
    }
    PyObject *v = Py_NewRef(PyTuple_GET_ITEM(result, 0));
    Py_DECREF(result);
    return v;
}

PyObject *
PyCodec_Encode(PyObject *object, const char *encoding, const char *errors)
{
    PyObject *encoder = PyCodec_Encoder(encoding);
    if (encoder == NULL) {
        return NULL;
    }
    PyObject *res = call_coder(encoder, object, errors);
    Py_DECREF(encoder);
    return res;
}

PyObject *
PyCodec_Decode(PyObject *object, const char *encoding, const char *errors)
{
    PyObject *decoder = PyCodec_Decoder(encoding);
    if (decoder == NULL) {
        return NULL;
    }
    PyObject *res = call_coder(decoder, object, errors);
    Py_DECREF(decoder);
    return res;
}

/* The codec must be a text encoding (CodecInfo._is_text_encoding not False). */
PyObject *
_PyCodec_LookupTextEncoding(const char *encoding, const char *alternate_command)
{
    PyObject *codec = _PyCodec_Lookup(encoding);
    if (codec == NULL) {
        return NULL;
    }
    PyObject *attr;
    int r = PyObject_GetOptionalAttrString(codec, "_is_text_encoding", &attr);
    if (r < 0) {
        Py_DECREF(codec);
        return NULL;
    }
    if (r > 0) {
        int is_text = PyObject_IsTrue(attr);
        Py_DECREF(attr);
        if (is_text <= 0) {
            Py_DECREF(codec);
            if (is_text == 0) {
                PyErr_Format(PyExc_LookupError, "'%.400s' is not a text encoding; use %s to "
                             "handle arbitrary codecs", encoding, alternate_command);
            }
            return NULL;
        }
    }
    return codec;
}

PyObject *
_PyCodec_EncodeText(PyObject *object, const char *encoding, const char *errors)
{
    PyObject *codec = _PyCodec_LookupTextEncoding(encoding, "codecs.encode()");
    if (codec == NULL) {
        return NULL;
    }
    PyObject *encoder = Py_NewRef(PyTuple_GET_ITEM(codec, 0));
    Py_DECREF(codec);
    PyObject *res = call_coder(encoder, object, errors);
    Py_DECREF(encoder);
    return res;
}

PyObject *
_PyCodec_DecodeText(PyObject *object, const char *encoding, const char *errors)
{
    PyObject *codec = _PyCodec_LookupTextEncoding(encoding, "codecs.decode()");
    if (codec == NULL) {
        return NULL;
    }
    PyObject *decoder = Py_NewRef(PyTuple_GET_ITEM(codec, 1));
    Py_DECREF(codec);
    PyObject *res = call_coder(decoder, object, errors);
    Py_DECREF(decoder);
    return res;
}

/* ---- error handlers ------------------------------------------------------------------------ */

int
PyCodec_RegisterError(const char *name, PyObject *error)
{
    if (registry_init() < 0) {
        return -1;
    }
    if (!PyCallable_Check(error)) {
        PyErr_SetString(PyExc_TypeError, "handler must be callable");
        return -1;
    }
    int r;
    PyMutex_Lock(&registry_lock);
    r = PyDict_SetItemString(error_registry, name, error);
    PyMutex_Unlock(&registry_lock);
    return r;
}

PyObject *
PyCodec_LookupError(const char *name)
{
    if (registry_init() < 0) {
        return NULL;
    }
    if (name == NULL) {
        name = "strict";
    }
    PyMutex_Lock(&registry_lock);
    PyObject *handler = PyDict_GetItemString(error_registry, name);
    Py_XINCREF(handler);
    PyMutex_Unlock(&registry_lock);
    if (handler == NULL && !PyErr_Occurred()) {
        PyErr_Format(PyExc_LookupError, "unknown error handler name '%.400s'", name);
    }
    return handler;
}

static int
is_encode_error(PyObject *exc)
{
    return PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_UnicodeEncodeError);
}

static int
is_decode_error(PyObject *exc)
{
    return PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_UnicodeDecodeError);
}

static int
is_translate_error(PyObject *exc)
{
    return PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_UnicodeTranslateError);
}

static void
wrong_exception_type(PyObject *exc)
{
    PyErr_Format(PyExc_TypeError, "don't know how to handle %.200s in error callback",
                 Py_TYPE(exc)->tp_name);
}

/* start/end and the object of an encode or translate error. */
static int
get_range(PyObject *exc, Py_ssize_t *start, Py_ssize_t *end, PyObject **obj)
{
    if (is_encode_error(exc)) {
        if (PyUnicodeEncodeError_GetStart(exc, start) < 0 ||
            PyUnicodeEncodeError_GetEnd(exc, end) < 0) {
            return -1;
        }
        *obj = PyUnicodeEncodeError_GetObject(exc);
    }
    else if (is_translate_error(exc)) {
        if (PyUnicodeTranslateError_GetStart(exc, start) < 0 ||
            PyUnicodeTranslateError_GetEnd(exc, end) < 0) {
            return -1;
        }
        *obj = PyUnicodeTranslateError_GetObject(exc);
    }
    else {
        if (PyUnicodeDecodeError_GetStart(exc, start) < 0 ||
            PyUnicodeDecodeError_GetEnd(exc, end) < 0) {
            return -1;
        }
        *obj = PyUnicodeDecodeError_GetObject(exc);
    }
    return *obj == NULL ? -1 : 0;
}

PyObject *
PyCodec_StrictErrors(PyObject *exc)
{
    if (PyExceptionInstance_Check(exc)) {
        PyErr_SetObject(PyExceptionInstance_Class(exc), exc);
    }
    else {
        PyErr_SetString(PyExc_TypeError, "codec must pass exception instance");
    }
    return NULL;
}

PyObject *
PyCodec_IgnoreErrors(PyObject *exc)
{
    Py_ssize_t end;
    if (is_encode_error(exc)) {
        if (PyUnicodeEncodeError_GetEnd(exc, &end) < 0) {
            return NULL;
        }
    }
    else if (is_decode_error(exc)) {
        if (PyUnicodeDecodeError_GetEnd(exc, &end) < 0) {
            return NULL;
        }
    }
    else if (is_translate_error(exc)) {
        if (PyUnicodeTranslateError_GetEnd(exc, &end) < 0) {
            return NULL;
        }
    }
    else {
        wrong_exception_type(exc);
        return NULL;
    }
    return Py_BuildValue("(Nn)", PyUnicode_New(0, 0), end);
}

PyObject *
PyCodec_ReplaceErrors(PyObject *exc)
{
    Py_ssize_t start, end;
    PyObject *obj;
    if (!is_encode_error(exc) && !is_decode_error(exc) && !is_translate_error(exc)) {
        wrong_exception_type(exc);
        return NULL;
    }
    if (get_range(exc, &start, &end, &obj) < 0) {
        return NULL;
    }
    Py_DECREF(obj);
    PyObject *res;
    if (is_decode_error(exc)) {
        res = PyUnicode_FromOrdinal(0xfffd);
    }
    else {
        Py_ssize_t n = end > start ? end - start : 0;
        Py_UCS4 ch = is_encode_error(exc) ? '?' : 0xfffd;
        res = PyUnicode_New(n, ch);
        if (res != NULL) {
            for (Py_ssize_t i = 0; i < n; i++) {
                PyUnicode_WRITE(PyUnicode_KIND(res), PyUnicode_DATA(res), i, ch);
            }
        }
    }
    if (res == NULL) {
        return NULL;
    }
    return Py_BuildValue("(Nn)", res, end);
}

PyObject *
PyCodec_XMLCharRefReplaceErrors(PyObject *exc)
{
    if (!is_encode_error(exc)) {
        wrong_exception_type(exc);
        return NULL;
    }
    Py_ssize_t start, end;
    PyObject *obj;
    if (get_range(exc, &start, &end, &obj) < 0) {
        return NULL;
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    for (Py_ssize_t i = start; i < end && i < PyUnicode_GET_LENGTH(obj); i++) {
        char buf[20];
        int n = snprintf(buf, sizeof(buf), "&#%u;", PyUnicode_READ_CHAR(obj, i));
        if (_PyUnicodeWriter_WriteASCIIString(&w, buf, n) < 0) {
            _PyUnicodeWriter_Dealloc(&w);
            Py_DECREF(obj);
            return NULL;
        }
    }
    Py_DECREF(obj);
    PyObject *res = _PyUnicodeWriter_Finish(&w);
    if (res == NULL) {
        return NULL;
    }
    return Py_BuildValue("(Nn)", res, end);
}

PyObject *
PyCodec_BackslashReplaceErrors(PyObject *exc)
{
    Py_ssize_t start, end;
    PyObject *obj;
    if (!is_encode_error(exc) && !is_decode_error(exc) && !is_translate_error(exc)) {
        wrong_exception_type(exc);
        return NULL;
    }
    if (get_range(exc, &start, &end, &obj) < 0) {
        return NULL;
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    int r = 0;
    for (Py_ssize_t i = start; i < end && r == 0; i++) {
        char buf[16];
        int n;
        if (is_decode_error(exc)) {
            if (i >= PyBytes_GET_SIZE(obj)) {
                break;
            }
            n = snprintf(buf, sizeof(buf), "\\x%02x", (unsigned char)PyBytes_AS_STRING(obj)[i]);
        }
        else {
            if (i >= PyUnicode_GET_LENGTH(obj)) {
                break;
            }
            Py_UCS4 c = PyUnicode_READ_CHAR(obj, i);
            n = c < 0x100 ? snprintf(buf, sizeof(buf), "\\x%02x", c)
                : c < 0x10000 ? snprintf(buf, sizeof(buf), "\\u%04x", c)
                              : snprintf(buf, sizeof(buf), "\\U%08x", c);
        }
        r = _PyUnicodeWriter_WriteASCIIString(&w, buf, n);
    }
    Py_DECREF(obj);
    if (r < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    PyObject *res = _PyUnicodeWriter_Finish(&w);
    if (res == NULL) {
        return NULL;
    }
    return Py_BuildValue("(Nn)", res, end);
}

PyObject *
PyCodec_NameReplaceErrors(PyObject *exc)
{
    if (!is_encode_error(exc)) {
        wrong_exception_type(exc);
        return NULL;
    }
    Py_ssize_t start, end;
    PyObject *obj;
    if (get_range(exc, &start, &end, &obj) < 0) {
        return NULL;
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    int r = 0;
    for (Py_ssize_t i = start; i < end && i < PyUnicode_GET_LENGTH(obj) && r == 0; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(obj, i);
        char buf[140];
        int n;
        if (_PyUnicode_GetCharacterName(c, buf + 3, (int)sizeof(buf) - 4)) {
            memcpy(buf, "\\N{", 3);
            n = (int)strlen(buf);
            buf[n++] = '}';
        }
        else {
            n = c < 0x100 ? snprintf(buf, sizeof(buf), "\\x%02x", c)
                : c < 0x10000 ? snprintf(buf, sizeof(buf), "\\u%04x", c)
                              : snprintf(buf, sizeof(buf), "\\U%08x", c);
        }
        r = _PyUnicodeWriter_WriteASCIIString(&w, buf, n);
    }
    Py_DECREF(obj);
    if (r < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    PyObject *res = _PyUnicodeWriter_Finish(&w);
    if (res == NULL) {
        return NULL;
    }
    return Py_BuildValue("(Nn)", res, end);
}

static PyObject *
surrogate_errors(PyObject *exc, int escape)
{
    Py_ssize_t start, end;
    PyObject *obj;
    if (!is_encode_error(exc) && !is_decode_error(exc)) {
        wrong_exception_type(exc);
        return NULL;
    }
    if (get_range(exc, &start, &end, &obj) < 0) {
        return NULL;
    }
    PyObject *res = NULL;
    if (is_encode_error(exc)) {
        PyObject *enc = PyUnicodeEncodeError_GetEncoding(exc);
        int utf8 = enc && (_PyUnicode_EqualToASCIIString(enc, "utf-8") ||
                           _PyUnicode_EqualToASCIIString(enc, "utf8"));
        Py_XDECREF(enc);
        PyObject *bytes = PyBytes_FromStringAndSize(NULL, (end - start) * 3);
        if (bytes == NULL) {
            Py_DECREF(obj);
            return NULL;
        }
        char *p = PyBytes_AS_STRING(bytes);
        Py_ssize_t o = 0;
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 c = PyUnicode_READ_CHAR(obj, i);
            if (escape) {
                if (c < 0xdc80 || c > 0xdcff) {
                    goto raise;
                }
                p[o++] = (char)(c - 0xdc00);
            }
            else {
                if (!Py_UNICODE_IS_SURROGATE(c) || !utf8) {
                    goto raise;
                }
                p[o++] = (char)(0xe0 | (c >> 12));
                p[o++] = (char)(0x80 | ((c >> 6) & 0x3f));
                p[o++] = (char)(0x80 | (c & 0x3f));
            }
        }
        Py_DECREF(obj);
        res = PyBytes_FromStringAndSize(p, o);
        Py_DECREF(bytes);
        if (res == NULL) {
            return NULL;
        }
        return Py_BuildValue("(Nn)", res, end);
    raise:
        Py_DECREF(bytes);
        Py_DECREF(obj);
        PyErr_SetObject(PyExceptionInstance_Class(exc), exc);
        return NULL;
    }
    /* decoding */
    const unsigned char *s = (const unsigned char *)PyBytes_AS_STRING(obj);
    Py_ssize_t size = PyBytes_GET_SIZE(obj);
    if (escape) {
        Py_UCS4 chars[4];
        Py_ssize_t n = 0;
        for (Py_ssize_t i = start; i < end && n < 4 && i < size; i++) {
            if (s[i] < 128) {
                break;
            }
            chars[n++] = 0xdc00 + s[i];
        }
        if (n == 0) {
            Py_DECREF(obj);
            PyErr_SetObject(PyExceptionInstance_Class(exc), exc);
            return NULL;
        }
        res = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, chars, n);
        Py_DECREF(obj);
        if (res == NULL) {
            return NULL;
        }
        return Py_BuildValue("(Nn)", res, start + n);
    }
    /* surrogatepass decoding of a UTF-8 encoded surrogate */
    if (start + 3 <= size && (s[start] & 0xf0) == 0xe0 && (s[start + 1] & 0xc0) == 0x80 &&
        (s[start + 2] & 0xc0) == 0x80) {
        Py_UCS4 c = ((Py_UCS4)(s[start] & 0x0f) << 12) | ((Py_UCS4)(s[start + 1] & 0x3f) << 6) |
                    (s[start + 2] & 0x3f);
        if (Py_UNICODE_IS_SURROGATE(c)) {
            Py_DECREF(obj);
            res = PyUnicode_FromOrdinal((int)c);
            if (res == NULL) {
                return NULL;
            }
            return Py_BuildValue("(Nn)", res, start + 3);
        }
    }
    Py_DECREF(obj);
    PyErr_SetObject(PyExceptionInstance_Class(exc), exc);
    return NULL;
}

static PyObject *
strict_errors(PyObject *self, PyObject *exc)
{
    return PyCodec_StrictErrors(exc);
}

static PyObject *
ignore_errors(PyObject *self, PyObject *exc)
{
    return PyCodec_IgnoreErrors(exc);
}

static PyObject *
replace_errors(PyObject *self, PyObject *exc)
{
    return PyCodec_ReplaceErrors(exc);
}

static PyObject *
xmlcharrefreplace_errors(PyObject *self, PyObject *exc)
{
    return PyCodec_XMLCharRefReplaceErrors(exc);
}

static PyObject *
backslashreplace_errors(PyObject *self, PyObject *exc)
{
    return PyCodec_BackslashReplaceErrors(exc);
}

static PyObject *
namereplace_errors(PyObject *self, PyObject *exc)
{
    return PyCodec_NameReplaceErrors(exc);
}

static PyObject *
surrogateescape_errors(PyObject *self, PyObject *exc)
{
    return surrogate_errors(exc, 1);
}

static PyObject *
surrogatepass_errors(PyObject *self, PyObject *exc)
{
    return surrogate_errors(exc, 0);
}

static PyMethodDef builtin_handlers[] = {
    {"strict_errors", strict_errors, METH_O, NULL},
    {"ignore_errors", ignore_errors, METH_O, NULL},
    {"replace_errors", replace_errors, METH_O, NULL},
    {"xmlcharrefreplace_errors", xmlcharrefreplace_errors, METH_O, NULL},
    {"backslashreplace_errors", backslashreplace_errors, METH_O, NULL},
    {"namereplace_errors", namereplace_errors, METH_O, NULL},
    {"surrogateescape", surrogateescape_errors, METH_O, NULL},
    {"surrogatepass", surrogatepass_errors, METH_O, NULL},
};

static const char *const builtin_handler_names[] = {
    "strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace",
    "surrogateescape", "surrogatepass",
};

static int
register_builtin_error_handlers(void)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(builtin_handlers); i++) {
        PyObject *func = PyCFunction_NewEx(&builtin_handlers[i], NULL, NULL);
        if (func == NULL) {
            return -1;
        }
        int r;
        PyMutex_Lock(&registry_lock);
        r = PyDict_SetItemString(error_registry, builtin_handler_names[i], func);
        PyMutex_Unlock(&registry_lock);
        Py_DECREF(func);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

/* Used by the _codecs module. */
PyObject *_PyCodec_SearchCache(void);

PyObject *
_PyCodec_SearchCache(void)
{
    if (registry_init() < 0) {
        return NULL;
    }
    return Py_NewRef(search_cache);
}
