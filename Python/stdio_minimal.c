/* A minimal file object over a file descriptor: sys.stdin/stdout/stderr (and open() when
 * Lib/io.py is not available).  A later issue replaces the standard streams with the io
 * stack; this type stays small on purpose so that start-up imports nothing.
 *
 * Text mode encodes/decodes UTF-8 with the stream's error handler; binary mode ("b") reads
 * and writes bytes.  Writes are buffered: flushed at each newline for terminals and stderr,
 * at every write with -u (write_through), else when 64 KiB accumulate, on flush() and at
 * exit.  Reads use a private buffer so readline() does not lose data.
 *
 * Locking (free-threaded build): each method that uses the buffers runs in a critical section
 * on the stream (see stdio_methods). */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_pylifecycle.h"
#include <fcntl.h>
#include <sys/stat.h>

typedef struct stdio_object_s {
    PyObject_HEAD
    int fd;
    int readable;
    int writable;
    int binary;
    int closefd;
    int closed;
    int line_buffering;      /* flush after a newline */
    int write_through;       /* flush after every write */
    PyObject *name;          /* str or int */
    PyObject *mode;          /* str */
    PyObject *errors;        /* str */
    char *wbuf;              /* pending output */
    Py_ssize_t wlen, wcap;
    char *rbuf;              /* input read but not yet returned */
    Py_ssize_t rpos, rlen, rcap;
    uint64_t rtakes;         /* count of stdio_take calls: a reader that waited rescans */
    Py_ssize_t rfilled;      /* bytes ever appended to rbuf from the descriptor */
    PyMutex fill_lock;       /* held by the one thread that reads the descriptor (its blocking
                              * read runs detached): chunks are appended in file order */
    int eof;
    PyObject *dict;
    /* The binary view (`buffer` attribute) of a text stream holds its text stream in
     * `parent`: it writes through after flushing the parent's pending text, and reads the
     * parent's buffered input first, so mixing the two keeps the order of the data. */
    struct stdio_object_s *parent;
    PyObject *buffer_view;
} stdio_object;

static PyObject *err_closed(void)
{
    PyErr_SetString(PyExc_ValueError, "I/O operation on closed file.");
    return NULL;
}

/* Write everything pending; -1 with OSError set. */
static int stdio_flush_buffer(stdio_object *self)
{
    Py_ssize_t done = 0;
    while (done < self->wlen) {
        ssize_t n = write(self->fd, self->wbuf + done, (size_t)(self->wlen - done));
        if (n < 0) {
            if (errno == EINTR) {
                if (PyErr_CheckSignals() < 0) {
                    memmove(self->wbuf, self->wbuf + done, (size_t)(self->wlen - done));
                    self->wlen -= done;
                    return -1;
                }
                continue;
            }
            self->wlen = 0;  /* drop the data: a broken stream must not fail forever */
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        done += n;
    }
    self->wlen = 0;
    return 0;
}

/* Make *buf (of *cap bytes) hold at least need bytes, doubling from 8 KiB.  0, or -1 with
 * MemoryError. */
static int buffer_reserve(char **buf, Py_ssize_t *cap, Py_ssize_t need)
{
    if (need <= *cap) {
        return 0;
    }
    Py_ssize_t size = *cap ? *cap : 8192;
    while (size < need) {
        size *= 2;
    }
    char *nbuf = PyMem_Realloc(*buf, (size_t)size);
    if (nbuf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    *buf = nbuf;
    *cap = size;
    return 0;
}

static int stdio_append(stdio_object *self, const char *data, Py_ssize_t len)
{
    if (buffer_reserve(&self->wbuf, &self->wcap, self->wlen + len) < 0) {
        return -1;
    }
    memcpy(self->wbuf + self->wlen, data, (size_t)len);
    self->wlen += len;
    return 0;
}

/* Return a new reference to the bytes of str s under the stream's error handler. */
static PyObject *encode_text(stdio_object *self, PyObject *s)
{
    Py_ssize_t size;
    const char *utf8 = PyUnicode_AsUTF8AndSize(s, &size);
    if (utf8 != NULL) {
        return PyBytes_FromStringAndSize(utf8, size);
    }
    if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
        return NULL;
    }
    PyErr_Clear();
    const char *errors = PyUnicode_AsUTF8(self->errors);
    if (errors == NULL) {
        return NULL;
    }
    return PyUnicode_AsEncodedString(s, "utf-8", errors);
}

static PyObject *stdio_write(stdio_object *self, PyObject *arg)
{
    if (self->closed) {
        return err_closed();
    }
    if (!self->writable) {
        PyErr_SetString(PyExc_OSError, "not writable");
        return NULL;
    }
    PyObject *data;
    Py_ssize_t result_len;
    if (self->parent != NULL && self->parent->wlen > 0 && stdio_flush_buffer(self->parent) < 0) {
        return NULL;
    }
    if (self->binary) {
        Py_buffer view;
        if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
            return NULL;
        }
        int rc = stdio_append(self, view.buf, view.len);
        result_len = view.len;
        PyBuffer_Release(&view);
        if (rc < 0) {
            return NULL;
        }
        if (self->write_through && stdio_flush_buffer(self) < 0) {
            return NULL;
        }
        return PyLong_FromSsize_t(result_len);
    }
    if (!PyUnicode_Check(arg)) {
        return PyErr_Format(PyExc_TypeError, "write() argument must be str, not %.100s",
                            Py_TYPE(arg)->tp_name);
    }
    data = encode_text(self, arg);
    if (data == NULL) {
        return NULL;
    }
    result_len = PyUnicode_GET_LENGTH(arg);
    const char *bytes = PyBytes_AS_STRING(data);
    Py_ssize_t nbytes = PyBytes_GET_SIZE(data);
    int rc = stdio_append(self, bytes, nbytes);
    int has_newline = nbytes > 0 && memchr(bytes, '\n', (size_t)nbytes) != NULL;
    Py_DECREF(data);
    if (rc < 0) {
        return NULL;
    }
    if (self->write_through || (self->line_buffering && has_newline) || self->wlen > 65536) {
        if (stdio_flush_buffer(self) < 0) {
            return NULL;
        }
    }
    return PyLong_FromSsize_t(result_len);
}

static PyObject *stdio_flush(stdio_object *self, PyObject *unused)
{
    if (self->closed) {
        return err_closed();
    }
    if (self->writable && stdio_flush_buffer(self) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Read more input into rbuf; returns bytes read, 0 at EOF, -1 with an exception. */
static Py_ssize_t stdio_read_chunk(stdio_object *self);

static Py_ssize_t stdio_fill(stdio_object *self)
{
    if (self->eof) {
        return 0;
    }
    if (self->rpos > 0) {
        memmove(self->rbuf, self->rbuf + self->rpos, (size_t)(self->rlen - self->rpos));
        self->rlen -= self->rpos;
        self->rpos = 0;
    }
    if (buffer_reserve(&self->rbuf, &self->rcap, self->rlen + 4096) < 0) {
        return -1;
    }
    stdio_object *parent = self->parent;
    if (parent != NULL && parent->rlen > parent->rpos) {
        Py_ssize_t avail = parent->rlen - parent->rpos;
        if (avail > self->rcap - self->rlen) {
            avail = self->rcap - self->rlen;
        }
        memcpy(self->rbuf + self->rlen, parent->rbuf + parent->rpos, (size_t)avail);
        parent->rpos += avail;
        self->rlen += avail;
        return avail;
    }
    /* One reader of the descriptor at a time.  Waiting for the lock may suspend our
     * critical section: if another reader appended input or saw the end meanwhile, return
     * and let the caller look at the buffer first. */
    Py_ssize_t filled = self->rfilled;
    PyMutex_Lock(&self->fill_lock);
    if (self->rfilled != filled || self->eof) {
        PyMutex_Unlock(&self->fill_lock);
        return self->eof ? 0 : self->rfilled - filled;
    }
    Py_ssize_t n = stdio_read_chunk(self);
    PyMutex_Unlock(&self->fill_lock);
    return n;
}

/* Read the next chunk of the descriptor into rbuf (stdio_fill holds fill_lock). */
static Py_ssize_t stdio_read_chunk(stdio_object *self)
{
    for (;;) {
        /* Read into a private chunk: detaching suspends the stream's critical section, so
         * another thread may use (and reallocate) rbuf meanwhile; the chunk is appended once
         * the section is held again. */
        char chunk[8192];
        ssize_t n;
        Py_BEGIN_ALLOW_THREADS
        n = read(self->fd, chunk, sizeof(chunk));
        Py_END_ALLOW_THREADS
        if (n > 0) {
            if (buffer_reserve(&self->rbuf, &self->rcap, self->rlen + n) < 0) {
                return -1;
            }
            memcpy(self->rbuf + self->rlen, chunk, (size_t)n);
        }
        if (n < 0) {
            if (errno == EINTR) {
                if (PyErr_CheckSignals() < 0) {
                    return -1;
                }
                continue;
            }
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        if (n == 0) {
            self->eof = 1;
        }
        self->rlen += n;
        self->rfilled += n;
        return n;
    }
}

/* Return a new reference: str (text mode) or bytes from rbuf[rpos:rpos+len]. */
static PyObject *stdio_take(stdio_object *self, Py_ssize_t len)
{
    const char *start = self->rbuf ? self->rbuf + self->rpos : "";
    PyObject *result;
    if (self->binary) {
        result = PyBytes_FromStringAndSize(start, len);
    }
    else {
        const char *errors = PyUnicode_AsUTF8(self->errors);
        if (errors == NULL) {
            return NULL;
        }
        result = PyUnicode_DecodeUTF8(start, len, errors);
    }
    if (result != NULL) {
        self->rpos += len;
        self->rtakes++;
    }
    return result;
}

static int check_readable(stdio_object *self)
{
    if (self->closed) {
        err_closed();
        return -1;
    }
    if (!self->readable) {
        PyErr_SetString(PyExc_OSError, "not readable");
        return -1;
    }
    /* Interactive use: show the prompt before blocking. */
    PyObject *out = PySys_GetObject("stdout");
    if (out != NULL && out != (PyObject *)self) {
        PyObject *r = PyObject_CallMethod(out, "flush", NULL);
        if (r == NULL) {
            PyErr_Clear();
        }
        Py_XDECREF(r);
    }
    return 0;
}

static Py_ssize_t size_arg(PyObject *const *args, Py_ssize_t nargs, int *err)
{
    *err = 0;
    if (nargs == 0 || args[0] == Py_None) {
        return -1;
    }
    Py_ssize_t n = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (n == -1 && PyErr_Occurred()) {
        *err = 1;
    }
    return n;
}

static PyObject *stdio_readline(stdio_object *self, PyObject *const *args, Py_ssize_t nargs)
{
    int err;
    Py_ssize_t limit = size_arg(args, nargs, &err);
    if (err || check_readable(self) < 0) {
        return NULL;
    }
    Py_ssize_t scanned = 0;
    for (;;) {
        Py_ssize_t avail = self->rlen - self->rpos;
        const char *start = self->rbuf ? self->rbuf + self->rpos : NULL;
        if (start != NULL) {
            const char *nl = memchr(start + scanned, '\n', (size_t)(avail - scanned));
            if (nl != NULL) {
                Py_ssize_t len = nl - start + 1;
                if (limit >= 0 && len > limit) {
                    len = limit;
                }
                return stdio_take(self, len);
            }
        }
        if (limit >= 0 && avail >= limit) {
            return stdio_take(self, limit);
        }
        scanned = avail;
        uint64_t takes = self->rtakes;
        Py_ssize_t n = stdio_fill(self);
        if (n < 0) {
            return NULL;
        }
        if (self->rtakes != takes) {
            scanned = 0;     /* another thread took input while this one read */
        }
        if (n == 0) {
            return stdio_take(self, self->rlen - self->rpos);
        }
    }
}

static PyObject *stdio_read(stdio_object *self, PyObject *const *args, Py_ssize_t nargs)
{
    int err;
    Py_ssize_t limit = size_arg(args, nargs, &err);
    if (err || check_readable(self) < 0) {
        return NULL;
    }
    for (;;) {
        Py_ssize_t avail = self->rlen - self->rpos;
        if (limit >= 0 && avail >= limit) {
            return stdio_take(self, limit);
        }
        Py_ssize_t n = stdio_fill(self);
        if (n < 0) {
            return NULL;
        }
        if (n == 0) {
            return stdio_take(self, self->rlen - self->rpos);
        }
    }
}

static PyObject *stdio_readline_locked(stdio_object *self, PyObject *const *args,
                                       Py_ssize_t nargs);
static PyObject *stdio_write_locked(stdio_object *self, PyObject *arg);
static PyObject *stdio_close_locked(stdio_object *self, PyObject *unused);

static PyObject *stdio_readlines(stdio_object *self, PyObject *unused)
{
    PyObject *lines = PyList_New(0);
    if (lines == NULL) {
        return NULL;
    }
    for (;;) {
        PyObject *line = stdio_readline_locked(self, NULL, 0);
        if (line == NULL) {
            Py_DECREF(lines);
            return NULL;
        }
        if (PyObject_Length(line) == 0) {
            Py_DECREF(line);
            return lines;
        }
        int rc = PyList_Append(lines, line);
        Py_DECREF(line);
        if (rc < 0) {
            Py_DECREF(lines);
            return NULL;
        }
    }
}

static PyObject *stdio_writelines(stdio_object *self, PyObject *lines)
{
    PyObject *it = PyObject_GetIter(lines);
    if (it == NULL) {
        return NULL;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *r = stdio_write_locked(self, item);
        Py_DECREF(item);
        if (r == NULL) {
            Py_DECREF(it);
            return NULL;
        }
        Py_DECREF(r);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *stdio_iternext(stdio_object *self)
{
    PyObject *line = stdio_readline(self, NULL, 0);
    if (line == NULL) {
        return NULL;
    }
    if (PyObject_Length(line) == 0) {
        Py_DECREF(line);
        return NULL;
    }
    return line;
}

static PyObject *stdio_iter(stdio_object *self)
{
    if (self->closed) {
        return err_closed();
    }
    return Py_NewRef(self);
}

static PyObject *stdio_fileno(stdio_object *self, PyObject *unused)
{
    if (self->closed) {
        return err_closed();
    }
    return PyLong_FromLong(self->fd);
}

static PyObject *stdio_isatty(stdio_object *self, PyObject *unused)
{
    if (self->closed) {
        return err_closed();
    }
    return PyBool_FromLong(isatty(self->fd));
}

static PyObject *stdio_readable(stdio_object *self, PyObject *unused)
{
    return PyBool_FromLong(self->readable);
}

static PyObject *stdio_writable(stdio_object *self, PyObject *unused)
{
    return PyBool_FromLong(self->writable);
}

static PyObject *stdio_seekable(stdio_object *self, PyObject *unused)
{
    Py_RETURN_FALSE;
}

static int stdio_close_impl(stdio_object *self)
{
    if (self->closed) {
        return 0;
    }
    int rc = 0;
    if (self->writable) {
        rc = stdio_flush_buffer(self);
    }
    self->closed = 1;
    if (self->closefd && self->fd > 2) {
        close(self->fd);
    }
    return rc;
}

static PyObject *stdio_close(stdio_object *self, PyObject *unused)
{
    if (stdio_close_impl(self) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *stdio_enter(stdio_object *self, PyObject *unused)
{
    if (self->closed) {
        return err_closed();
    }
    return Py_NewRef(self);
}

static PyObject *stdio_exit(stdio_object *self, PyObject *args)
{
    return stdio_close_locked(self, NULL);
}

static PyObject *stdio_get_closed(stdio_object *self, void *closure)
{
    return PyBool_FromLong(self->closed);
}

static PyObject *stdio_get_encoding(stdio_object *self, void *closure)
{
    if (self->binary) {
        PyErr_SetString(PyExc_AttributeError, "binary stream has no encoding");
        return NULL;
    }
    return PyUnicode_FromString("utf-8");
}

/* The binary view of a text stream (sys.stdout.buffer).  New reference. */
static PyObject *stdio_get_buffer(stdio_object *self, void *closure)
{
    if (self->binary) {
        PyErr_SetString(PyExc_AttributeError, "binary stream has no buffer attribute");
        return NULL;
    }
    if (self->buffer_view == NULL) {
        const char *mode = self->readable ? (self->writable ? "rb+" : "rb") : "wb";
        const char *name = PyUnicode_Check(self->name) ? PyUnicode_AsUTF8(self->name) : "";
        if (name == NULL) {
            return NULL;
        }
        stdio_object *view = (stdio_object *)_PyStdio_New(self->fd, name, mode, 0, "strict");
        if (view == NULL) {
            return NULL;
        }
        Py_SETREF(view->name, Py_NewRef(self->name));
        view->parent = (stdio_object *)Py_NewRef(self);
        self->buffer_view = (PyObject *)view;
    }
    return Py_NewRef(self->buffer_view);
}

static PyObject *stdio_get_line_buffering(stdio_object *self, void *closure)
{
    return PyBool_FromLong(self->line_buffering);
}

static PyObject *stdio_repr(stdio_object *self)
{
    if (self->binary) {
        return PyUnicode_FromFormat("<_io.BufferedStream name=%R mode=%R>", self->name,
                                    self->mode);
    }
    return PyUnicode_FromFormat("<_io.TextIOWrapper name=%R mode=%R encoding='utf-8'>",
                                self->name, self->mode);
}

static void stdio_dealloc(stdio_object *self)
{
    PyObject_GC_UnTrack(self);
    if (!self->closed) {
        PyObject *exc = PyErr_GetRaisedException();
        if (stdio_close_impl(self) < 0) {
            PyErr_Clear();
        }
        PyErr_SetRaisedException(exc);
    }
    Py_CLEAR(self->name);
    Py_CLEAR(self->mode);
    Py_CLEAR(self->errors);
    Py_CLEAR(self->dict);
    Py_CLEAR(self->parent);
    Py_CLEAR(self->buffer_view);
    PyMem_Free(self->wbuf);
    PyMem_Free(self->rbuf);
    PyObject_GC_Del(self);
}

static int stdio_traverse(stdio_object *self, visitproc visit, void *arg)
{
    Py_VISIT(self->dict);
    Py_VISIT(self->parent);
    Py_VISIT(self->buffer_view);
    return 0;
}

static int stdio_clear(stdio_object *self)
{
    Py_CLEAR(self->dict);
    Py_CLEAR(self->parent);
    Py_CLEAR(self->buffer_view);
    return 0;
}

/* reconfigure(*, encoding=None, errors=None, newline=None, line_buffering=None,
 * write_through=None): only UTF-8 is supported as the encoding. */
static PyObject *stdio_reconfigure(stdio_object *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"encoding", "errors", "newline", "line_buffering",
                             "write_through", NULL};
    PyObject *encoding = Py_None, *errors = Py_None, *newline = Py_None;
    PyObject *line_buffering = Py_None, *write_through = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|$OOOOO:reconfigure", kwlist, &encoding,
                                     &errors, &newline, &line_buffering, &write_through)) {
        return NULL;
    }
    if (encoding != Py_None) {
        if (!PyUnicode_Check(encoding)) {
            return PyErr_Format(PyExc_TypeError, "reconfigure() argument 'encoding' must be "
                                "str or None, not %.100s", Py_TYPE(encoding)->tp_name);
        }
        PyObject *lower = PyObject_CallMethod(encoding, "lower", NULL);
        if (lower == NULL) {
            return NULL;
        }
        int ok = PyUnicode_CompareWithASCIIString(lower, "utf-8") == 0 ||
                 PyUnicode_CompareWithASCIIString(lower, "utf8") == 0;
        Py_DECREF(lower);
        if (!ok) {
            return PyErr_Format(PyExc_LookupError, "the minimal standard streams only "
                                "support UTF-8, not %R", encoding);
        }
    }
    if (errors != Py_None) {
        if (!PyUnicode_Check(errors)) {
            return PyErr_Format(PyExc_TypeError, "reconfigure() argument 'errors' must be "
                                "str or None, not %.100s", Py_TYPE(errors)->tp_name);
        }
        Py_SETREF(self->errors, Py_NewRef(errors));
    }
    if (self->writable && stdio_flush_buffer(self) < 0) {
        return NULL;
    }
    if (line_buffering != Py_None) {
        int v = PyObject_IsTrue(line_buffering);
        if (v < 0) {
            return NULL;
        }
        self->line_buffering = v;
    }
    if (write_through != Py_None) {
        int v = PyObject_IsTrue(write_through);
        if (v < 0) {
            return NULL;
        }
        self->write_through = v;
    }
    Py_RETURN_NONE;
}

/* Free-threaded build: the methods that use the buffers run in a critical section on the
 * stream family (a text stream and its binary view share the text stream's lock): it protects
 * wbuf/wlen/wcap, rbuf/rpos/rlen/rcap/eof, closed and the modes.  writelines() and readlines()
 * take it per line (they run Python code between lines).  A section is suspended only when
 * the code inside blocks: a blocking read detaches and reads into a private chunk (stdio_fill),
 * so concurrent readers each get whole chunks. */
static inline PyObject *stdio_family(stdio_object *self)
{
    return (PyObject *)(self->parent != NULL ? self->parent : self);
}

static PyObject *stdio_write_locked(stdio_object *self, PyObject *arg)
{
    PyObject *r;
    Py_BEGIN_CRITICAL_SECTION(stdio_family(self));
    r = stdio_write(self, arg);
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyObject *stdio_readline_locked(stdio_object *self, PyObject *const *args,
                                       Py_ssize_t nargs)
{
    PyObject *r;
    Py_BEGIN_CRITICAL_SECTION(stdio_family(self));
    r = stdio_readline(self, args, nargs);
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyObject *stdio_read_locked(stdio_object *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *r;
    Py_BEGIN_CRITICAL_SECTION(stdio_family(self));
    r = stdio_read(self, args, nargs);
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyObject *stdio_noargs_locked(stdio_object *self,
                                     PyObject *(*method)(stdio_object *, PyObject *))
{
    PyObject *r;
    Py_BEGIN_CRITICAL_SECTION(stdio_family(self));
    r = method(self, NULL);
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyObject *stdio_flush_locked(stdio_object *self, PyObject *unused)
{
    return stdio_noargs_locked(self, stdio_flush);
}

static PyObject *stdio_close_locked(stdio_object *self, PyObject *unused)
{
    return stdio_noargs_locked(self, stdio_close);
}

static PyObject *stdio_reconfigure_locked(stdio_object *self, PyObject *args, PyObject *kwds)
{
    PyObject *r;
    Py_BEGIN_CRITICAL_SECTION(stdio_family(self));
    r = stdio_reconfigure(self, args, kwds);
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyObject *stdio_get_buffer_locked(stdio_object *self, void *closure)
{
    PyObject *r;
    Py_BEGIN_CRITICAL_SECTION(self);     /* one view per text stream */
    r = stdio_get_buffer(self, closure);
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyObject *stdio_iternext_locked(stdio_object *self)
{
    PyObject *r;
    Py_BEGIN_CRITICAL_SECTION(stdio_family(self));
    r = stdio_iternext(self);
    Py_END_CRITICAL_SECTION();
    return r;
}

static PyMethodDef stdio_methods[] = {
    {"write", (PyCFunction)stdio_write_locked, METH_O, NULL},
    {"flush", (PyCFunction)stdio_flush_locked, METH_NOARGS, NULL},
    {"readline", _PyCFunction_CAST(stdio_readline_locked), METH_FASTCALL, NULL},
    {"read", _PyCFunction_CAST(stdio_read_locked), METH_FASTCALL, NULL},
    {"readlines", (PyCFunction)stdio_readlines, METH_NOARGS, NULL},
    {"writelines", (PyCFunction)stdio_writelines, METH_O, NULL},
    {"fileno", (PyCFunction)stdio_fileno, METH_NOARGS, NULL},
    {"isatty", (PyCFunction)stdio_isatty, METH_NOARGS, NULL},
    {"readable", (PyCFunction)stdio_readable, METH_NOARGS, NULL},
    {"writable", (PyCFunction)stdio_writable, METH_NOARGS, NULL},
    {"seekable", (PyCFunction)stdio_seekable, METH_NOARGS, NULL},
    {"close", (PyCFunction)stdio_close_locked, METH_NOARGS, NULL},
    {"reconfigure", _PyCFunction_CAST(stdio_reconfigure_locked), METH_VARARGS | METH_KEYWORDS,
     NULL},
    {"__enter__", (PyCFunction)stdio_enter, METH_NOARGS, NULL},
    {"__exit__", (PyCFunction)stdio_exit, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef stdio_members[] = {
    {"name", _Py_T_OBJECT, offsetof(stdio_object, name), Py_READONLY, NULL},
    {"mode", _Py_T_OBJECT, offsetof(stdio_object, mode), Py_READONLY, NULL},
    {"errors", _Py_T_OBJECT, offsetof(stdio_object, errors), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef stdio_getset[] = {
    {"closed", (getter)stdio_get_closed, NULL, NULL, NULL},
    {"encoding", (getter)stdio_get_encoding, NULL, NULL, NULL},
    {"line_buffering", (getter)stdio_get_line_buffering, NULL, NULL, NULL},
    {"buffer", (getter)stdio_get_buffer_locked, NULL, NULL, NULL},
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject _PyStdio_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(stdio_object),
    .tp_dealloc = (destructor)stdio_dealloc,
    .tp_repr = (reprfunc)stdio_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)stdio_traverse,
    .tp_clear = (inquiry)stdio_clear,
    .tp_iter = (getiterfunc)stdio_iter,
    .tp_iternext = (iternextfunc)stdio_iternext_locked,
    .tp_methods = stdio_methods,
    .tp_members = stdio_members,
    .tp_getset = stdio_getset,
    .tp_dictoffset = offsetof(stdio_object, dict),
};
_Py_REGISTER_STATIC_TYPE(_PyStdio_Type);

/* Return a new stream over fd.  mode: "r", "w", "a", "x", each optionally with "b"/"+".
 * buffered == 0: every write goes straight to the descriptor. */
PyObject *_PyStdio_New(int fd, const char *name, const char *mode, int buffered,
                       const char *errors)
{
    stdio_object *self = PyObject_GC_New(stdio_object, &_PyStdio_Type);
    if (self == NULL) {
        return NULL;
    }
    self->fd = fd;
    self->readable = strchr(mode, 'r') != NULL || strchr(mode, '+') != NULL;
    self->writable = strchr(mode, 'r') == NULL || strchr(mode, '+') != NULL;
    self->binary = strchr(mode, 'b') != NULL;
    self->closefd = 0;
    self->closed = 0;
    self->line_buffering = buffered && (isatty(fd) || fd == 2);
    self->write_through = !buffered;
    self->wbuf = self->rbuf = NULL;
    self->wlen = self->wcap = self->rpos = self->rlen = self->rcap = 0;
    self->eof = 0;
    self->dict = NULL;
    self->parent = NULL;
    self->buffer_view = NULL;
    self->name = PyUnicode_FromString(name);
    self->mode = PyUnicode_FromString(mode);
    self->errors = PyUnicode_FromString(errors ? errors : "strict");
    if (self->name == NULL || self->mode == NULL || self->errors == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    PyObject_GC_Track(self);
    return (PyObject *)self;
}

/* open() for the minimal stream: file is a path (str/bytes/PathLike) or an int descriptor.
 * New reference. */
PyObject *_PyStdio_Open(PyObject *file, const char *mode, int buffering, const char *errors,
                        int closefd)
{
    int fd;
    int flags = 0;
    int has_plus = strchr(mode, '+') != NULL;
    if (strchr(mode, 'r')) {
        flags = has_plus ? O_RDWR : O_RDONLY;
    }
    else if (strchr(mode, 'w')) {
        flags = (has_plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
    }
    else if (strchr(mode, 'a')) {
        flags = (has_plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
    }
    else if (strchr(mode, 'x')) {
        flags = (has_plus ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL;
    }
    else {
        return PyErr_Format(PyExc_ValueError, "invalid mode: '%s'", mode);
    }
    PyObject *name;
    if (PyLong_Check(file)) {
        fd = PyLong_AsInt(file);
        if (fd == -1 && PyErr_Occurred()) {
            return NULL;
        }
        name = Py_NewRef(file);
    }
    else {
        PyObject *path = PyOS_FSPath(file);
        if (path == NULL) {
            return NULL;
        }
        PyObject *bytes;
        if (PyUnicode_Check(path)) {
            bytes = PyUnicode_EncodeFSDefault(path);
        }
        else {
            bytes = Py_NewRef(path);
        }
        if (bytes == NULL) {
            Py_DECREF(path);
            return NULL;
        }
        Py_BEGIN_ALLOW_THREADS
        fd = open(PyBytes_AS_STRING(bytes), flags | O_CLOEXEC, 0666);
        Py_END_ALLOW_THREADS
        if (fd < 0) {
            PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, file);
            Py_DECREF(bytes);
            Py_DECREF(path);
            return NULL;
        }
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(fd);
            errno = EISDIR;
            PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, file);
            Py_DECREF(bytes);
            Py_DECREF(path);
            return NULL;
        }
        Py_DECREF(bytes);
        name = path;
        closefd = 1;
    }
    char normalized[8];
    int k = 0;
    normalized[k++] = strchr(mode, 'r') ? 'r' : strchr(mode, 'w') ? 'w'
                      : strchr(mode, 'a') ? 'a' : 'x';
    if (has_plus) {
        normalized[k++] = '+';
    }
    if (strchr(mode, 'b')) {
        normalized[k++] = 'b';
    }
    normalized[k] = '\0';
    stdio_object *self = (stdio_object *)_PyStdio_New(fd, "", normalized, buffering != 0,
                                                      errors);
    if (self == NULL) {
        if (closefd) {
            close(fd);
        }
        Py_DECREF(name);
        return NULL;
    }
    self->closefd = closefd;
    self->line_buffering = buffering == 1 || (buffering != 0 && isatty(fd));
    Py_SETREF(self->name, name);
    if (!strchr(mode, 'b')) {
        Py_SETREF(self->mode, PyUnicode_FromString(mode));
        if (self->mode == NULL) {
            Py_DECREF(self);
            return NULL;
        }
    }
    return (PyObject *)self;
}
