/* zlib: deflate/inflate compression over the system zlib (Debian's zlib1g).
 *
 * Compress and Decompress objects wrap a z_stream.  Each object's `mutex` protects its
 * stream and its Python-visible state (unused_data, unconsumed_tail, eof), so one object
 * used from several threads is never corrupted (calls are serialised).  zlib.error is stored
 * in the module's state. */
#include "Python.h"

#include <string.h>
#include <zlib.h>

#define DEF_BUF_SIZE (16 * 1024)

typedef struct {
    PyObject *error;          /* zlib.error */
    PyTypeObject *comp_type;
    PyTypeObject *decomp_type;
} zlib_state;

static zlib_state *get_state(PyObject *module)
{
    return (zlib_state *)PyModule_GetState(module);
}

typedef struct {
    PyObject_HEAD
    z_stream zst;
    PyMutex mutex;            /* protects everything below and zst */
    int inited;
    int inflating;            /* Decompress (inflate) rather than Compress */
    int eof;
    PyObject *unused_data;    /* bytes */
    PyObject *unconsumed_tail;
    PyObject *zdict;
    PyObject *error;          /* strong ref to zlib.error for messages */
} compobject;

static void zlib_error(PyObject *error, z_stream *zst, int err, const char *msg)
{
    const char *zmsg = err == Z_VERSION_ERROR ? "library version mismatch" : zst->msg;
    if (zmsg == NULL) {
        switch (err) {
        case Z_BUF_ERROR:
            zmsg = "incomplete or truncated stream";
            break;
        case Z_STREAM_ERROR:
            zmsg = "inconsistent stream state";
            break;
        case Z_DATA_ERROR:
            zmsg = "invalid input data";
            break;
        default:
            break;
        }
    }
    if (zmsg == NULL) {
        PyErr_Format(error, "Error %d %s", err, msg);
    }
    else {
        PyErr_Format(error, "Error %d %s: %.200s", err, msg, zmsg);
    }
}

/* An output buffer that grows: bytes object plus how much of it is filled. */
typedef struct {
    PyObject *bytes;
    Py_ssize_t filled;
    Py_ssize_t limit;         /* max_length (0 = unlimited) */
} outbuf;

static int outbuf_init(outbuf *b, Py_ssize_t initial, Py_ssize_t limit)
{
    if (limit > 0 && initial > limit) {
        initial = limit;
    }
    b->bytes = PyBytes_FromStringAndSize(NULL, initial > 0 ? initial : 1);
    b->filled = 0;
    b->limit = limit;
    return b->bytes == NULL ? -1 : 0;
}

/* Point the stream's output at the free space, growing the buffer if it is full.
 * Returns 0, 1 when the limit is reached (no space may be added), or -1 on error. */
static int outbuf_prepare(outbuf *b, z_stream *zst)
{
    Py_ssize_t size = PyBytes_GET_SIZE(b->bytes);
    if (b->filled == size) {
        if (b->limit > 0 && size >= b->limit) {
            return 1;
        }
        Py_ssize_t grow = size < (1 << 20) ? size : (1 << 20);
        Py_ssize_t new_size = size + (grow > 0 ? grow : DEF_BUF_SIZE);
        if (b->limit > 0 && new_size > b->limit) {
            new_size = b->limit;
        }
        if (_PyBytes_Resize(&b->bytes, new_size) < 0) {
            return -1;
        }
        size = new_size;
    }
    Py_ssize_t avail = size - b->filled;
    if (avail > (Py_ssize_t)UINT_MAX) {
        avail = UINT_MAX;
    }
    zst->next_out = (Bytef *)PyBytes_AS_STRING(b->bytes) + b->filled;
    zst->avail_out = (uInt)avail;
    return 0;
}

static void outbuf_account(outbuf *b, z_stream *zst)
{
    b->filled = (Bytef *)zst->next_out - (Bytef *)PyBytes_AS_STRING(b->bytes);
}

static PyObject *outbuf_finish(outbuf *b)
{
    if (_PyBytes_Resize(&b->bytes, b->filled) < 0) {
        return NULL;
    }
    return b->bytes;
}

/* Feed `len` bytes at `data` into the stream in chunks of at most UINT_MAX. */
static void set_input(z_stream *zst, const Bytef **data, Py_ssize_t *left)
{
    uInt chunk = *left > (Py_ssize_t)UINT_MAX ? UINT_MAX : (uInt)*left;
    zst->next_in = (Bytef *)*data;
    zst->avail_in = chunk;
    *data += chunk;
    *left -= chunk;
}

/* ---- one-shot functions ---------------------------------------------------------------- */

static PyObject *zlib_compress(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "level", "wbits", NULL};
    Py_buffer data;
    int level = Z_DEFAULT_COMPRESSION, wbits = MAX_WBITS;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "y*|ii:compress", kwlist, &data, &level,
                                     &wbits)) {
        return NULL;
    }
    PyObject *error = get_state(module)->error;
    z_stream zst;
    memset(&zst, 0, sizeof(zst));
    int err = deflateInit2(&zst, level, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY);
    if (err != Z_OK) {
        PyBuffer_Release(&data);
        if (err == Z_MEM_ERROR) {
            return PyErr_NoMemory();
        }
        if (err == Z_STREAM_ERROR) {
            /* deflateInit2 rejects a bad level or wbits the same way. */
            PyErr_SetString(error, "Bad compression level");
        }
        else {
            zlib_error(error, &zst, err, "while compressing data");
        }
        return NULL;
    }
    outbuf out;
    if (outbuf_init(&out, (Py_ssize_t)deflateBound(&zst, (uLong)data.len) + 16, 0) < 0) {
        deflateEnd(&zst);
        PyBuffer_Release(&data);
        return NULL;
    }
    const Bytef *in = data.buf;
    Py_ssize_t left = data.len;
    do {
        set_input(&zst, &in, &left);
        int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            if (outbuf_prepare(&out, &zst) < 0) {
                goto fail;
            }
            Py_BEGIN_ALLOW_THREADS
            err = deflate(&zst, flush);
            Py_END_ALLOW_THREADS
            outbuf_account(&out, &zst);
            if (err == Z_STREAM_ERROR) {
                zlib_error(error, &zst, err, "while compressing data");
                goto fail;
            }
        } while (zst.avail_out == 0);
    } while (left > 0 || err != Z_STREAM_END);
    deflateEnd(&zst);
    PyBuffer_Release(&data);
    return outbuf_finish(&out);
fail:
    deflateEnd(&zst);
    PyBuffer_Release(&data);
    Py_XDECREF(out.bytes);
    return NULL;
}

static PyObject *zlib_decompress(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "wbits", "bufsize", NULL};
    Py_buffer data;
    int wbits = MAX_WBITS;
    Py_ssize_t bufsize = DEF_BUF_SIZE;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "y*|in:decompress", kwlist, &data, &wbits,
                                     &bufsize)) {
        return NULL;
    }
    if (bufsize < 0) {
        PyBuffer_Release(&data);
        PyErr_SetString(PyExc_ValueError, "bufsize must be non-negative");
        return NULL;
    }
    PyObject *error = get_state(module)->error;
    z_stream zst;
    memset(&zst, 0, sizeof(zst));
    int err = inflateInit2(&zst, wbits);
    if (err != Z_OK) {
        PyBuffer_Release(&data);
        if (err == Z_MEM_ERROR) {
            return PyErr_NoMemory();
        }
        zlib_error(error, &zst, err, "while preparing to decompress data");
        return NULL;
    }
    outbuf out;
    if (outbuf_init(&out, bufsize ? bufsize : 1, 0) < 0) {
        inflateEnd(&zst);
        PyBuffer_Release(&data);
        return NULL;
    }
    const Bytef *in = data.buf;
    Py_ssize_t left = data.len;
    err = Z_OK;
    do {
        set_input(&zst, &in, &left);
        do {
            if (outbuf_prepare(&out, &zst) < 0) {
                goto fail;
            }
            Py_BEGIN_ALLOW_THREADS
            err = inflate(&zst, Z_NO_FLUSH);
            Py_END_ALLOW_THREADS
            outbuf_account(&out, &zst);
            if (err == Z_NEED_DICT || err == Z_DATA_ERROR || err == Z_MEM_ERROR ||
                err == Z_STREAM_ERROR) {
                if (err == Z_MEM_ERROR) {
                    PyErr_NoMemory();
                }
                else {
                    zlib_error(error, &zst, err, "while decompressing data");
                }
                goto fail;
            }
        } while (zst.avail_out == 0 && err != Z_STREAM_END);
    } while (err != Z_STREAM_END && left > 0);
    if (err != Z_STREAM_END) {
        zlib_error(error, &zst, Z_BUF_ERROR, "while decompressing data");
        goto fail;
    }
    inflateEnd(&zst);
    PyBuffer_Release(&data);
    return outbuf_finish(&out);
fail:
    inflateEnd(&zst);
    PyBuffer_Release(&data);
    Py_XDECREF(out.bytes);
    return NULL;
}

static PyObject *checksum(PyObject *args, const char *fmt, int adler)
{
    Py_buffer data;
    unsigned int value = adler ? 1 : 0;
    if (!PyArg_ParseTuple(args, fmt, &data, &value)) {
        return NULL;
    }
    uLong v = value;
    const Bytef *p = data.buf;
    Py_ssize_t left = data.len;
    while (left > 0) {
        uInt chunk = left > (Py_ssize_t)0x40000000 ? 0x40000000u : (uInt)left;
        v = adler ? adler32(v, p, chunk) : crc32(v, p, chunk);
        p += chunk;
        left -= chunk;
    }
    PyBuffer_Release(&data);
    return PyLong_FromUnsignedLong(v & 0xffffffffUL);
}

static PyObject *zlib_crc32(PyObject *module, PyObject *args)
{
    return checksum(args, "y*|I:crc32", 0);
}

static PyObject *zlib_adler32(PyObject *module, PyObject *args)
{
    return checksum(args, "y*|I:adler32", 1);
}

/* ---- Compress / Decompress objects ---------------------------------------------------- */

static void comp_dealloc(PyObject *op)
{
    compobject *self = (compobject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    if (self->inited) {
        if (self->inflating) {
            inflateEnd(&self->zst);
        }
        else {
            deflateEnd(&self->zst);
        }
    }
    Py_XDECREF(self->unused_data);
    Py_XDECREF(self->unconsumed_tail);
    Py_XDECREF(self->zdict);
    Py_XDECREF(self->error);
    PyObject_Free(self);
    Py_DECREF(tp);
}

static compobject *comp_alloc(PyTypeObject *type, PyObject *error, int inflating)
{
    compobject *self = PyObject_New(compobject, type);
    if (self == NULL) {
        return NULL;
    }
    memset(&self->zst, 0, sizeof(self->zst));
    self->mutex = (PyMutex){0};
    self->inited = 0;
    self->inflating = inflating;
    self->eof = 0;
    self->zdict = NULL;
    self->error = Py_NewRef(error);
    self->unused_data = PyBytes_FromStringAndSize(NULL, 0);
    self->unconsumed_tail = PyBytes_FromStringAndSize(NULL, 0);
    if (self->unused_data == NULL || self->unconsumed_tail == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return self;
}

static int set_dictionary(compobject *self, int inflating)
{
    Py_buffer dict;
    if (PyObject_GetBuffer(self->zdict, &dict, PyBUF_SIMPLE) < 0) {
        return -1;
    }
    int err = inflating ? inflateSetDictionary(&self->zst, dict.buf, (uInt)dict.len)
                        : deflateSetDictionary(&self->zst, dict.buf, (uInt)dict.len);
    PyBuffer_Release(&dict);
    if (err != Z_OK) {
        zlib_error(self->error, &self->zst, err, "while setting zdict");
        return -1;
    }
    return 0;
}

static PyObject *zlib_compressobj(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"level", "method", "wbits", "memLevel", "strategy", "zdict",
                             NULL};
    int level = Z_DEFAULT_COMPRESSION, method = Z_DEFLATED, wbits = MAX_WBITS;
    int memlevel = 8, strategy = Z_DEFAULT_STRATEGY;
    PyObject *zdict = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|iiiiiO:compressobj", kwlist, &level,
                                     &method, &wbits, &memlevel, &strategy, &zdict)) {
        return NULL;
    }
    zlib_state *state = get_state(module);
    if (zdict != NULL && !PyObject_CheckBuffer(zdict)) {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                     Py_TYPE(zdict)->tp_name);
        return NULL;
    }
    compobject *self = comp_alloc(state->comp_type, state->error, 0);
    if (self == NULL) {
        return NULL;
    }
    int err = deflateInit2(&self->zst, level, method, wbits, memlevel, strategy);
    if (err != Z_OK) {
        if (err == Z_MEM_ERROR) {
            PyErr_NoMemory();
        }
        else if (err == Z_STREAM_ERROR) {
            PyErr_SetString(PyExc_ValueError, "Invalid initialization option");
        }
        else {
            zlib_error(state->error, &self->zst, err, "while creating compression object");
        }
        Py_DECREF(self);
        return NULL;
    }
    self->inited = 1;
    if (zdict != NULL) {
        self->zdict = Py_NewRef(zdict);
        if (set_dictionary(self, 0) < 0) {
            Py_DECREF(self);
            return NULL;
        }
    }
    return (PyObject *)self;
}

static PyObject *zlib_decompressobj(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"wbits", "zdict", NULL};
    int wbits = MAX_WBITS;
    PyObject *zdict = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|iO:decompressobj", kwlist, &wbits,
                                     &zdict)) {
        return NULL;
    }
    zlib_state *state = get_state(module);
    if (zdict != NULL && !PyObject_CheckBuffer(zdict)) {
        PyErr_SetString(PyExc_TypeError, "zdict argument must support the buffer protocol");
        return NULL;
    }
    compobject *self = comp_alloc(state->decomp_type, state->error, 1);
    if (self == NULL) {
        return NULL;
    }
    int err = inflateInit2(&self->zst, wbits);
    if (err != Z_OK) {
        if (err == Z_MEM_ERROR) {
            PyErr_NoMemory();
        }
        else if (err == Z_STREAM_ERROR) {
            PyErr_SetString(PyExc_ValueError, "Invalid initialization option");
        }
        else {
            zlib_error(state->error, &self->zst, err, "while creating decompression object");
        }
        Py_DECREF(self);
        return NULL;
    }
    self->inited = 1;
    if (zdict != NULL) {
        self->zdict = Py_NewRef(zdict);
        if (wbits < 0 && set_dictionary(self, 1) < 0) {   /* raw streams: set it now */
            Py_DECREF(self);
            return NULL;
        }
    }
    return (PyObject *)self;
}

/* Run deflate with `flush` over data; caller holds the mutex. */
static PyObject *deflate_run(compobject *self, const Bytef *in, Py_ssize_t left, int flush)
{
    outbuf out;
    if (outbuf_init(&out, DEF_BUF_SIZE, 0) < 0) {
        return NULL;
    }
    int err;
    do {
        set_input(&self->zst, &in, &left);
        int mode = left == 0 ? flush : Z_NO_FLUSH;
        do {
            if (outbuf_prepare(&out, &self->zst) < 0) {
                Py_DECREF(out.bytes);
                return NULL;
            }
            Py_BEGIN_ALLOW_THREADS
            err = deflate(&self->zst, mode);
            Py_END_ALLOW_THREADS
            outbuf_account(&out, &self->zst);
            if (err == Z_STREAM_ERROR) {
                zlib_error(self->error, &self->zst, err,
                           mode == Z_NO_FLUSH ? "while compressing data" : "while flushing");
                Py_DECREF(out.bytes);
                return NULL;
            }
        } while (self->zst.avail_out == 0);
    } while (left > 0);
    return outbuf_finish(&out);
}

static PyObject *comp_compress(PyObject *op, PyObject *arg)
{
    compobject *self = (compobject *)op;
    Py_buffer data;
    if (PyObject_GetBuffer(arg, &data, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    PyMutex_Lock(&self->mutex);
    PyObject *result = NULL;
    if (!self->inited) {
        PyErr_SetString(self->error, "Error -2 while compressing data: inconsistent stream "
                                     "state");
    }
    else {
        result = deflate_run(self, data.buf, data.len, Z_NO_FLUSH);
    }
    PyMutex_Unlock(&self->mutex);
    PyBuffer_Release(&data);
    return result;
}

static PyObject *comp_flush(PyObject *op, PyObject *args)
{
    compobject *self = (compobject *)op;
    int mode = Z_FINISH;
    if (!PyArg_ParseTuple(args, "|i:flush", &mode)) {
        return NULL;
    }
    if (mode == Z_NO_FLUSH) {
        return PyBytes_FromStringAndSize(NULL, 0);
    }
    PyMutex_Lock(&self->mutex);
    PyObject *result = NULL;
    if (!self->inited) {
        PyErr_SetString(self->error, "Error -2 while flushing: inconsistent stream state");
    }
    else {
        result = deflate_run(self, (const Bytef *)"", 0, mode);
        if (result != NULL && mode == Z_FINISH) {
            deflateEnd(&self->zst);
            self->inited = 0;
        }
    }
    PyMutex_Unlock(&self->mutex);
    return result;
}

/* Keep what inflate did not consume: unconsumed_tail (max_length reached) or unused_data
 * (after the end of the stream).  Caller holds the mutex. */
static int save_unconsumed(compobject *self, const Bytef *rest, Py_ssize_t rest_len, int err)
{
    Py_ssize_t pending = (Py_ssize_t)self->zst.avail_in + rest_len;
    if (err == Z_STREAM_END) {
        if (pending > 0) {
            PyObject *tail = PyBytes_FromStringAndSize(NULL, pending);
            if (tail == NULL) {
                return -1;
            }
            memcpy(PyBytes_AS_STRING(tail), self->zst.next_in, self->zst.avail_in);
            memcpy(PyBytes_AS_STRING(tail) + self->zst.avail_in, rest, (size_t)rest_len);
            PyObject *combined = PyNumber_Add(self->unused_data, tail);
            Py_DECREF(tail);
            if (combined == NULL) {
                return -1;
            }
            Py_SETREF(self->unused_data, combined);
        }
        pending = 0;
    }
    PyObject *tail = PyBytes_FromStringAndSize(NULL, pending);
    if (tail == NULL) {
        return -1;
    }
    if (pending > 0) {
        memcpy(PyBytes_AS_STRING(tail), self->zst.next_in, self->zst.avail_in);
        memcpy(PyBytes_AS_STRING(tail) + self->zst.avail_in, rest, (size_t)rest_len);
    }
    Py_SETREF(self->unconsumed_tail, tail);
    return 0;
}

/* Inflate; caller holds the mutex. */
static PyObject *inflate_run(compobject *self, const Bytef *in, Py_ssize_t left,
                             Py_ssize_t max_length, int flush)
{
    outbuf out;
    if (outbuf_init(&out, max_length > 0 ? max_length : DEF_BUF_SIZE, max_length) < 0) {
        return NULL;
    }
    int err = Z_OK;
    int retry = 0;          /* a dictionary was just supplied: call inflate again */
    do {
        set_input(&self->zst, &in, &left);
        do {
            retry = 0;
            int full = outbuf_prepare(&out, &self->zst);
            if (full < 0) {
                goto fail;
            }
            if (full) {
                goto done;
            }
            Py_BEGIN_ALLOW_THREADS
            err = inflate(&self->zst, flush);
            Py_END_ALLOW_THREADS
            outbuf_account(&out, &self->zst);
            if (err == Z_NEED_DICT && self->zdict != NULL) {
                if (set_dictionary(self, 1) < 0) {
                    goto fail;
                }
                err = Z_OK;
                retry = 1;
                continue;
            }
            if (err == Z_NEED_DICT || err == Z_DATA_ERROR || err == Z_STREAM_ERROR ||
                err == Z_MEM_ERROR) {
                if (err == Z_MEM_ERROR) {
                    PyErr_NoMemory();
                }
                else {
                    zlib_error(self->error, &self->zst, err, "while decompressing data");
                }
                goto fail;
            }
        } while (retry || (self->zst.avail_out == 0 && err != Z_STREAM_END &&
                           !(err == Z_BUF_ERROR && self->zst.avail_in == 0)));
    } while (err != Z_STREAM_END && left > 0);
done:
    if (err == Z_STREAM_END) {
        self->eof = 1;
    }
    if (save_unconsumed(self, in, left, err) < 0) {
        goto fail;
    }
    return outbuf_finish(&out);
fail:
    Py_XDECREF(out.bytes);
    return NULL;
}

static PyObject *decomp_decompress(PyObject *op, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "max_length", NULL};
    compobject *self = (compobject *)op;
    Py_buffer data;
    Py_ssize_t max_length = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "y*|n:decompress", kwlist, &data,
                                     &max_length)) {
        return NULL;
    }
    if (max_length < 0) {
        PyBuffer_Release(&data);
        PyErr_SetString(PyExc_ValueError, "max_length must be non-negative");
        return NULL;
    }
    PyMutex_Lock(&self->mutex);
    PyObject *result = inflate_run(self, data.buf, data.len, max_length, Z_SYNC_FLUSH);
    PyMutex_Unlock(&self->mutex);
    PyBuffer_Release(&data);
    return result;
}

static PyObject *decomp_flush(PyObject *op, PyObject *args)
{
    compobject *self = (compobject *)op;
    Py_ssize_t length = DEF_BUF_SIZE;
    if (!PyArg_ParseTuple(args, "|n:flush", &length)) {
        return NULL;
    }
    if (length <= 0) {
        PyErr_SetString(PyExc_ValueError, "length must be greater than zero");
        return NULL;
    }
    PyMutex_Lock(&self->mutex);
    PyObject *tail = Py_NewRef(self->unconsumed_tail);
    Py_buffer data;
    PyObject *result = NULL;
    if (PyObject_GetBuffer(tail, &data, PyBUF_SIMPLE) == 0) {
        result = inflate_run(self, data.buf, data.len, 0, Z_FINISH);
        PyBuffer_Release(&data);
    }
    Py_DECREF(tail);
    PyMutex_Unlock(&self->mutex);
    return result;
}

static PyObject *comp_copy(PyObject *op, PyObject *Py_UNUSED(ignored));

/* __deepcopy__(memo): the stream state holds no Python objects to copy deeply. */
static PyObject *comp_deepcopy(PyObject *op, PyObject *Py_UNUSED(memo))
{
    return comp_copy(op, NULL);
}

static PyObject *comp_copy(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    compobject *self = (compobject *)op;
    int inflating = self->inflating;
    compobject *copy = comp_alloc(Py_TYPE(op), self->error, inflating);
    if (copy == NULL) {
        return NULL;
    }
    PyMutex_Lock(&self->mutex);
    int err = Z_STREAM_ERROR;
    if (self->inited) {
        err = inflating ? inflateCopy(&copy->zst, &self->zst)
                        : deflateCopy(&copy->zst, &self->zst);
    }
    if (err == Z_OK) {
        copy->inited = 1;
        copy->eof = self->eof;
        Py_SETREF(copy->unused_data, Py_NewRef(self->unused_data));
        Py_SETREF(copy->unconsumed_tail, Py_NewRef(self->unconsumed_tail));
        copy->zdict = Py_XNewRef(self->zdict);
    }
    PyMutex_Unlock(&self->mutex);
    if (err != Z_OK) {
        if (err == Z_STREAM_ERROR) {
            PyErr_SetString(PyExc_ValueError, "Inconsistent stream state");
        }
        else if (err == Z_MEM_ERROR) {
            PyErr_NoMemory();
        }
        else {
            zlib_error(self->error, &self->zst, err, "while copying compression object");
        }
        Py_DECREF(copy);
        return NULL;
    }
    return (PyObject *)copy;
}

static PyObject *decomp_get_unused_data(PyObject *op, void *closure)
{
    compobject *self = (compobject *)op;
    PyMutex_Lock(&self->mutex);
    PyObject *v = Py_NewRef(self->unused_data);
    PyMutex_Unlock(&self->mutex);
    return v;
}

static PyObject *decomp_get_unconsumed_tail(PyObject *op, void *closure)
{
    compobject *self = (compobject *)op;
    PyMutex_Lock(&self->mutex);
    PyObject *v = Py_NewRef(self->unconsumed_tail);
    PyMutex_Unlock(&self->mutex);
    return v;
}

static PyObject *decomp_get_eof(PyObject *op, void *closure)
{
    compobject *self = (compobject *)op;
    PyMutex_Lock(&self->mutex);
    int eof = self->eof;
    PyMutex_Unlock(&self->mutex);
    return PyBool_FromLong(eof);
}

static PyMethodDef comp_methods[] = {
    {"compress", comp_compress, METH_O, "Returns a bytes object containing compressed data."},
    {"flush", comp_flush, METH_VARARGS, "Return a bytes object containing any remaining "
                                        "compressed data."},
    {"copy", comp_copy, METH_NOARGS, "Return a copy of the compression object."},
    {"__copy__", comp_copy, METH_NOARGS, NULL},
    {"__deepcopy__", comp_deepcopy, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef decomp_methods[] = {
    {"decompress", _PyCFunction_CAST(decomp_decompress), METH_VARARGS | METH_KEYWORDS,
     "Return a bytes object containing the decompressed version of the data."},
    {"flush", decomp_flush, METH_VARARGS, "Return a bytes object containing any remaining "
                                          "decompressed data."},
    {"copy", comp_copy, METH_NOARGS, "Return a copy of the decompression object."},
    {"__copy__", comp_copy, METH_NOARGS, NULL},
    {"__deepcopy__", comp_deepcopy, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef decomp_getset[] = {
    {"unused_data", decomp_get_unused_data, NULL, NULL, NULL},
    {"unconsumed_tail", decomp_get_unconsumed_tail, NULL, NULL, NULL},
    {"eof", decomp_get_eof, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot comp_slots[] = {
    {Py_tp_dealloc, comp_dealloc},
    {Py_tp_methods, comp_methods},
    {0, NULL},
};

static PyType_Slot decomp_slots[] = {
    {Py_tp_dealloc, comp_dealloc},
    {Py_tp_methods, decomp_methods},
    {Py_tp_getset, decomp_getset},
    {0, NULL},
};

static PyType_Spec comp_spec = {
    .name = "zlib.Compress",
    .basicsize = sizeof(compobject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = comp_slots,
};

static PyType_Spec decomp_spec = {
    .name = "zlib.Decompress",
    .basicsize = sizeof(compobject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = decomp_slots,
};

static int zlib_exec(PyObject *module)
{
    zlib_state *state = get_state(module);
    state->error = PyErr_NewException("zlib.error", NULL, NULL);
    if (state->error == NULL || PyModule_AddObjectRef(module, "error", state->error) < 0) {
        return -1;
    }
    state->comp_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &comp_spec, NULL);
    state->decomp_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &decomp_spec, NULL);
    if (state->comp_type == NULL || state->decomp_type == NULL) {
        return -1;
    }
    static const struct {
        const char *name;
        int value;
    } constants[] = {
        {"MAX_WBITS", MAX_WBITS}, {"DEFLATED", Z_DEFLATED}, {"DEF_MEM_LEVEL", 8},
        {"DEF_BUF_SIZE", DEF_BUF_SIZE}, {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
        {"Z_BEST_SPEED", Z_BEST_SPEED}, {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
        {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION}, {"Z_FILTERED", Z_FILTERED},
        {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY}, {"Z_RLE", Z_RLE}, {"Z_FIXED", Z_FIXED},
        {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY}, {"Z_NO_FLUSH", Z_NO_FLUSH},
        {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH}, {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
        {"Z_FULL_FLUSH", Z_FULL_FLUSH}, {"Z_FINISH", Z_FINISH}, {"Z_BLOCK", Z_BLOCK},
        {"Z_TREES", Z_TREES},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(constants); i++) {
        if (PyModule_AddIntConstant(module, constants[i].name, constants[i].value) < 0) {
            return -1;
        }
    }
    if (PyModule_AddStringConstant(module, "ZLIB_VERSION", ZLIB_VERSION) < 0 ||
        PyModule_AddStringConstant(module, "ZLIB_RUNTIME_VERSION", zlibVersion()) < 0 ||
        PyModule_AddStringConstant(module, "__version__", "1.0") < 0) {
        return -1;
    }
    return 0;
}

static int zlib_traverse(PyObject *module, visitproc visit, void *arg)
{
    zlib_state *state = get_state(module);
    Py_VISIT(state->error);
    Py_VISIT(state->comp_type);
    Py_VISIT(state->decomp_type);
    return 0;
}

static int zlib_clear(PyObject *module)
{
    zlib_state *state = get_state(module);
    Py_CLEAR(state->error);
    Py_CLEAR(state->comp_type);
    Py_CLEAR(state->decomp_type);
    return 0;
}

#define KWF(f) _PyCFunction_CAST(f)

static PyMethodDef zlib_methods[] = {
    {"compress", KWF(zlib_compress), METH_VARARGS | METH_KEYWORDS,
     "Returns a bytes object containing compressed data."},
    {"decompress", KWF(zlib_decompress), METH_VARARGS | METH_KEYWORDS,
     "Returns a bytes object containing the uncompressed data."},
    {"compressobj", KWF(zlib_compressobj), METH_VARARGS | METH_KEYWORDS,
     "Return a compressor object."},
    {"decompressobj", KWF(zlib_decompressobj), METH_VARARGS | METH_KEYWORDS,
     "Return a decompressor object."},
    {"crc32", zlib_crc32, METH_VARARGS, "Compute a CRC-32 checksum of data."},
    {"adler32", zlib_adler32, METH_VARARGS, "Compute an Adler-32 checksum of data."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot zlib_slots[] = {
    {Py_mod_exec, zlib_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef zlib_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "zlib",
    .m_doc = "Compression compatible with gzip, over the zlib library.",
    .m_size = sizeof(zlib_state),
    .m_methods = zlib_methods,
    .m_slots = zlib_slots,
    .m_traverse = zlib_traverse,
    .m_clear = zlib_clear,
};

PyMODINIT_FUNC
PyInit_zlib(void)
{
    return PyModuleDef_Init(&zlib_module);
}
