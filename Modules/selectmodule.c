/* The select module: select.select() and select.poll() (both built on poll(2)), and
 * select.epoll. */
#include "Python.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <sys/epoll.h>
#include <unistd.h>
#include <time.h>

typedef struct {
    PyTypeObject *poll_type;
    PyTypeObject *epoll_type;
} select_state;

static select_state *get_state(PyObject *m)
{
    return (select_state *)PyModule_GetState(m);
}

static double monotonic_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Milliseconds left until deadline (rounded up), never negative. */
static int ms_left(double deadline)
{
    double left = deadline - monotonic_now();
    if (left <= 0) {
        return 0;
    }
    double ms = ceil(left * 1000.0);
    return ms > INT_MAX ? INT_MAX : (int)ms;
}

/* Append the fd of every object of seq to *fds; 0 or -1 with an exception set.
 * On success *objs is a new list of the objects (same order). */
static int collect_fds(PyObject *seq, PyObject **objs, int **fds, Py_ssize_t *n)
{
    *objs = PySequence_List(seq);
    if (*objs == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_SetString(PyExc_TypeError, "arguments 1-3 must be sequences");
        }
        return -1;
    }
    *n = PyList_GET_SIZE(*objs);
    *fds = PyMem_Malloc(sizeof(int) * (size_t)(*n > 0 ? *n : 1));
    if (*fds == NULL) {
        Py_CLEAR(*objs);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < *n; i++) {
        int fd = PyObject_AsFileDescriptor(PyList_GET_ITEM(*objs, i));
        if (fd < 0) {
            Py_CLEAR(*objs);
            PyMem_Free(*fds);
            *fds = NULL;
            return -1;
        }
        (*fds)[i] = fd;
    }
    return 0;
}

static PyObject *select_select(PyObject *m, PyObject *args)
{
    (void)m;
    PyObject *seqs[3];
    PyObject *timeout_obj = Py_None;
    if (!PyArg_UnpackTuple(args, "select", 3, 4, &seqs[0], &seqs[1], &seqs[2], &timeout_obj)) {
        return NULL;
    }
    double timeout = -1.0;
    if (timeout_obj != Py_None) {
        if (!PyFloat_Check(timeout_obj) && !PyLong_Check(timeout_obj)) {
            PyErr_SetString(PyExc_TypeError, "timeout must be a float or None");
            return NULL;
        }
        timeout = PyFloat_AsDouble(timeout_obj);
        if (timeout == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
        if (timeout < 0) {
            PyErr_SetString(PyExc_ValueError, "timeout must be non-negative");
            return NULL;
        }
    }
    PyObject *objs[3] = {NULL, NULL, NULL};
    int *fds[3] = {NULL, NULL, NULL};
    Py_ssize_t n[3] = {0, 0, 0};
    PyObject *result = NULL;
    struct pollfd *pfds = NULL;
    for (int k = 0; k < 3; k++) {
        if (collect_fds(seqs[k], &objs[k], &fds[k], &n[k]) < 0) {
            goto done;
        }
    }
    static const short kinds[3] = {POLLIN, POLLOUT, POLLPRI};
    Py_ssize_t total = n[0] + n[1] + n[2];
    pfds = PyMem_Malloc(sizeof(struct pollfd) * (size_t)(total > 0 ? total : 1));
    if (pfds == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t j = 0;
    for (int k = 0; k < 3; k++) {
        for (Py_ssize_t i = 0; i < n[k]; i++, j++) {
            pfds[j].fd = fds[k][i];
            pfds[j].events = kinds[k];
            pfds[j].revents = 0;
        }
    }
    double deadline = timeout >= 0 ? monotonic_now() + timeout : 0;
    int rc;
    for (;;) {
        int ms = timeout >= 0 ? ms_left(deadline) : -1;
        Py_BEGIN_ALLOW_THREADS
        rc = poll(pfds, (nfds_t)total, ms);
        Py_END_ALLOW_THREADS
        if (rc >= 0 || errno != EINTR) {
            break;
        }
        if (PyErr_CheckSignals() < 0) {
            goto done;
        }
    }
    if (rc < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        goto done;
    }
    j = 0;
    for (int k = 0; k < 3; k++) {
        for (Py_ssize_t i = 0; i < n[k]; i++, j++) {
            if (pfds[j].revents & POLLNVAL) {
                errno = EBADF;
                PyErr_SetFromErrno(PyExc_OSError);
                goto done;
            }
        }
    }
    result = PyTuple_New(3);
    if (result == NULL) {
        goto done;
    }
    j = 0;
    for (int k = 0; k < 3; k++) {
        PyObject *lst = PyList_New(0);
        if (lst == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyTuple_SET_ITEM(result, k, lst);
        short ready = k == 0 ? (POLLIN | POLLHUP | POLLERR) :
                      k == 1 ? (POLLOUT | POLLERR) : POLLPRI;
        for (Py_ssize_t i = 0; i < n[k]; i++, j++) {
            if ((pfds[j].revents & ready) &&
                PyList_Append(lst, PyList_GET_ITEM(objs[k], i)) < 0) {
                Py_CLEAR(result);
                goto done;
            }
        }
    }
done:
    PyMem_Free(pfds);
    for (int k = 0; k < 3; k++) {
        Py_XDECREF(objs[k]);
        PyMem_Free(fds[k]);
    }
    return result;
}

/* ---- poll objects ---- */

typedef struct {
    PyObject_HEAD
    /* fd (int) -> event mask (int).  Protected by the object's critical section. */
    PyObject *fds;
    int polling;     /* 1 while poll() runs (atomic); a second concurrent poll() fails */
} pollobject;

static int fd_from_obj(PyObject *o)
{
    return PyObject_AsFileDescriptor(o);
}

static int parse_mask(PyObject *o, unsigned short *mask)
{
    long v = PyLong_AsLong(o);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (v < 0 || v > 0xFFFF) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large for C unsigned short");
        return -1;
    }
    *mask = (unsigned short)v;
    return 0;
}

static PyObject *poll_set(pollobject *self, int fd, unsigned short mask, int must_exist)
{
    PyObject *key = PyLong_FromLong(fd);
    PyObject *val = PyLong_FromLong(mask);
    PyObject *res = NULL;
    if (key == NULL || val == NULL) {
        goto done;
    }
    int st = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (must_exist) {
        st = PyDict_Contains(self->fds, key);
        if (st == 0) {
            errno = ENOENT;
            PyErr_SetFromErrno(PyExc_OSError);
            st = -1;
        }
    }
    if (st >= 0) {
        st = PyDict_SetItem(self->fds, key, val);
    }
    Py_END_CRITICAL_SECTION();
    if (st >= 0) {
        res = Py_NewRef(Py_None);
    }
done:
    Py_XDECREF(key);
    Py_XDECREF(val);
    return res;
}

static PyObject *poll_register(PyObject *op, PyObject *args)
{
    pollobject *self = (pollobject *)op;
    PyObject *fdobj, *maskobj = NULL;
    if (!PyArg_UnpackTuple(args, "register", 1, 2, &fdobj, &maskobj)) {
        return NULL;
    }
    int fd = fd_from_obj(fdobj);
    if (fd < 0) {
        return NULL;
    }
    unsigned short mask = POLLIN | POLLPRI | POLLOUT;
    if (maskobj != NULL && parse_mask(maskobj, &mask) < 0) {
        return NULL;
    }
    return poll_set(self, fd, mask, 0);
}

static PyObject *poll_modify(PyObject *op, PyObject *args)
{
    pollobject *self = (pollobject *)op;
    PyObject *fdobj, *maskobj;
    if (!PyArg_UnpackTuple(args, "modify", 2, 2, &fdobj, &maskobj)) {
        return NULL;
    }
    int fd = fd_from_obj(fdobj);
    unsigned short mask;
    if (fd < 0 || parse_mask(maskobj, &mask) < 0) {
        return NULL;
    }
    return poll_set(self, fd, mask, 1);
}

static PyObject *poll_unregister(PyObject *op, PyObject *fdobj)
{
    pollobject *self = (pollobject *)op;
    int fd = fd_from_obj(fdobj);
    if (fd < 0) {
        return NULL;
    }
    PyObject *key = PyLong_FromLong(fd);
    if (key == NULL) {
        return NULL;
    }
    int st;
    Py_BEGIN_CRITICAL_SECTION(self);
    st = PyDict_DelItem(self->fds, key);
    Py_END_CRITICAL_SECTION();
    Py_DECREF(key);
    if (st < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Snapshot the registered fds into a new array; *n gets the count.  NULL on error. */
static struct pollfd *poll_snapshot(pollobject *self, Py_ssize_t *n)
{
    struct pollfd *pfds = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    *n = PyDict_GET_SIZE(self->fds);
    pfds = PyMem_Malloc(sizeof(struct pollfd) * (size_t)(*n > 0 ? *n : 1));
    if (pfds != NULL) {
        Py_ssize_t pos = 0, i = 0;
        PyObject *k, *v;
        while (PyDict_Next(self->fds, &pos, &k, &v)) {
            pfds[i].fd = (int)PyLong_AsLong(k);
            pfds[i].events = (short)PyLong_AsLong(v);
            pfds[i].revents = 0;
            i++;
        }
    }
    Py_END_CRITICAL_SECTION();
    if (pfds == NULL) {
        PyErr_NoMemory();
    }
    return pfds;
}

static PyObject *poll_poll(PyObject *op, PyObject *args)
{
    pollobject *self = (pollobject *)op;
    PyObject *timeout_obj = Py_None;
    if (!PyArg_UnpackTuple(args, "poll", 0, 1, &timeout_obj)) {
        return NULL;
    }
    double timeout_ms = -1.0;
    if (timeout_obj != Py_None) {
        if (!PyFloat_Check(timeout_obj) && !PyLong_Check(timeout_obj)) {
            PyErr_SetString(PyExc_TypeError, "timeout must be an integer or None");
            return NULL;
        }
        timeout_ms = PyFloat_AsDouble(timeout_obj);
        if (timeout_ms == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
        if (timeout_ms < 0) {
            timeout_ms = -1.0;
        }
        else {
            timeout_ms = ceil(timeout_ms);
            if (timeout_ms > INT_MAX) {
                PyErr_SetString(PyExc_OverflowError, "timeout is too large");
                return NULL;
            }
        }
    }
    if (_Py_atomic_exchange_int(&self->polling, 1)) {
        PyErr_SetString(PyExc_RuntimeError, "concurrent poll() invocation");
        return NULL;
    }
    Py_ssize_t n;
    PyObject *result = NULL;
    struct pollfd *pfds = poll_snapshot(self, &n);
    if (pfds == NULL) {
        goto done;
    }
    double deadline = timeout_ms >= 0 ? monotonic_now() + timeout_ms / 1000.0 : 0;
    int rc;
    for (;;) {
        int ms = timeout_ms >= 0 ? ms_left(deadline) : -1;
        Py_BEGIN_ALLOW_THREADS
        rc = poll(pfds, (nfds_t)n, ms);
        Py_END_ALLOW_THREADS
        if (rc >= 0 || errno != EINTR) {
            break;
        }
        if (PyErr_CheckSignals() < 0) {
            goto done;
        }
    }
    if (rc < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        goto done;
    }
    result = PyList_New(0);
    if (result == NULL) {
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (pfds[i].revents == 0) {
            continue;
        }
        PyObject *t = Py_BuildValue("(ii)", pfds[i].fd, (int)(unsigned short)pfds[i].revents);
        if (t == NULL || PyList_Append(result, t) < 0) {
            Py_XDECREF(t);
            Py_CLEAR(result);
            goto done;
        }
        Py_DECREF(t);
    }
done:
    PyMem_Free(pfds);
    _Py_atomic_store_int(&self->polling, 0);
    return result;
}

static void poll_dealloc(PyObject *op)
{
    pollobject *self = (pollobject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    Py_XDECREF(self->fds);
    PyObject_Free(op);
    Py_DECREF(tp);
}

static PyMethodDef poll_methods[] = {
    {"register", poll_register, METH_VARARGS, "Register a file descriptor."},
    {"modify", poll_modify, METH_VARARGS, "Modify a registered file descriptor."},
    {"unregister", poll_unregister, METH_O, "Remove a file descriptor."},
    {"poll", poll_poll, METH_VARARGS, "Poll the registered file descriptors."},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot poll_slots[] = {
    {Py_tp_dealloc, poll_dealloc},
    {Py_tp_methods, poll_methods},
    {0, NULL},
};

static PyType_Spec poll_spec = {
    .name = "select.poll",
    .basicsize = sizeof(pollobject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = poll_slots,
};

/* ---- epoll objects ---- */

typedef struct {
    PyObject_HEAD
    int epfd;        /* -1 once closed; read atomically, closed under the critical section */
} epollobject;

static int epoll_fd_checked(epollobject *self)
{
    int fd = _Py_atomic_load_int(&self->epfd);
    if (fd < 0) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed epoll object");
    }
    return fd;
}

/* Return a new epoll object wrapping fd (or a new epoll instance when fd is -1). */
static PyObject *epoll_create_obj(PyTypeObject *type, int fd)
{
    if (fd < 0) {
        fd = epoll_create1(EPOLL_CLOEXEC);
        if (fd < 0) {
            return PyErr_SetFromErrno(PyExc_OSError);
        }
    }
    epollobject *self = (epollobject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        close(fd);
        return NULL;
    }
    self->epfd = fd;
    return (PyObject *)self;
}

static PyObject *epoll_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"sizehint", "flags", NULL};
    int sizehint = -1, flags = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|ii:epoll", kwlist, &sizehint, &flags)) {
        return NULL;
    }
    if (sizehint == 0 || sizehint < -1) {
        PyErr_SetString(PyExc_ValueError, "negative sizehint");
        return NULL;
    }
    return epoll_create_obj(type, -1);
}

static int epoll_do_close(epollobject *self)
{
    int fd = _Py_atomic_exchange_int(&self->epfd, -1);
    if (fd >= 0 && close(fd) < 0) {
        return -1;
    }
    return 0;
}

static void epoll_dealloc(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    (void)epoll_do_close((epollobject *)op);
    tp->tp_free(op);
    Py_DECREF(tp);
}

static PyObject *epoll_close(PyObject *op, PyObject *args)
{
    (void)args;
    if (epoll_do_close((epollobject *)op) < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *epoll_get_closed(PyObject *op, void *closure)
{
    (void)closure;
    return PyBool_FromLong(_Py_atomic_load_int(&((epollobject *)op)->epfd) < 0);
}

static PyObject *epoll_fileno(PyObject *op, PyObject *args)
{
    (void)args;
    int fd = epoll_fd_checked((epollobject *)op);
    return fd < 0 ? NULL : PyLong_FromLong(fd);
}

static PyObject *epoll_fromfd(PyObject *cls, PyObject *arg)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (fd < 0) {
        PyErr_SetString(PyExc_ValueError, "invalid file descriptor");
        return NULL;
    }
    return epoll_create_obj((PyTypeObject *)cls, fd);
}

static PyObject *epoll_ctl_op(epollobject *self, int op, PyObject *fdobj, unsigned int mask)
{
    int epfd = epoll_fd_checked(self);
    if (epfd < 0) {
        return NULL;
    }
    int fd = PyObject_AsFileDescriptor(fdobj);
    if (fd < 0) {
        return NULL;
    }
    struct epoll_event ev;
    memset(&ev, 0, sizeof(ev));
    ev.events = mask;
    ev.data.fd = fd;
    if (epoll_ctl(epfd, op, fd, &ev) < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *epoll_register(PyObject *op, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"fd", "eventmask", NULL};
    PyObject *fdobj;
    unsigned int mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|I:register", kwlist, &fdobj, &mask)) {
        return NULL;
    }
    return epoll_ctl_op((epollobject *)op, EPOLL_CTL_ADD, fdobj, mask);
}

static PyObject *epoll_modify(PyObject *op, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"fd", "eventmask", NULL};
    PyObject *fdobj;
    unsigned int mask;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OI:modify", kwlist, &fdobj, &mask)) {
        return NULL;
    }
    return epoll_ctl_op((epollobject *)op, EPOLL_CTL_MOD, fdobj, mask);
}

static PyObject *epoll_unregister(PyObject *op, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"fd", NULL};
    PyObject *fdobj;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O:unregister", kwlist, &fdobj)) {
        return NULL;
    }
    return epoll_ctl_op((epollobject *)op, EPOLL_CTL_DEL, fdobj, 0);
}

static PyObject *epoll_poll(PyObject *op, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"timeout", "maxevents", NULL};
    PyObject *timeout_obj = Py_None;
    int maxevents = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|Oi:poll", kwlist, &timeout_obj, &maxevents)) {
        return NULL;
    }
    int epfd = epoll_fd_checked((epollobject *)op);
    if (epfd < 0) {
        return NULL;
    }
    double timeout = -1.0;
    if (timeout_obj != Py_None) {
        if (!PyFloat_Check(timeout_obj) && !PyLong_Check(timeout_obj)) {
            PyErr_SetString(PyExc_TypeError, "timeout must be an integer or None");
            return NULL;
        }
        timeout = PyFloat_AsDouble(timeout_obj);
        if (timeout == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
    }
    if (maxevents == -1) {
        maxevents = 1024;
    }
    else if (maxevents < 1) {
        PyErr_Format(PyExc_ValueError, "maxevents must be greater than 0, got %d", maxevents);
        return NULL;
    }
    struct epoll_event *evs = PyMem_Malloc(sizeof(struct epoll_event) * (size_t)maxevents);
    if (evs == NULL) {
        return PyErr_NoMemory();
    }
    double deadline = timeout >= 0 ? monotonic_now() + timeout : 0;
    int rc;
    PyObject *result = NULL;
    for (;;) {
        int ms = timeout >= 0 ? ms_left(deadline) : -1;
        Py_BEGIN_ALLOW_THREADS
        rc = epoll_wait(epfd, evs, maxevents, ms);
        Py_END_ALLOW_THREADS
        if (rc >= 0 || errno != EINTR) {
            break;
        }
        if (PyErr_CheckSignals() < 0) {
            goto done;
        }
    }
    if (rc < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        goto done;
    }
    result = PyList_New(rc);
    if (result == NULL) {
        goto done;
    }
    for (int i = 0; i < rc; i++) {
        PyObject *t = Py_BuildValue("(iI)", evs[i].data.fd, evs[i].events);
        if (t == NULL) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, i, t);
    }
done:
    PyMem_Free(evs);
    return result;
}

static PyObject *epoll_enter(PyObject *op, PyObject *args)
{
    (void)args;
    if (epoll_fd_checked((epollobject *)op) < 0) {
        return NULL;
    }
    return Py_NewRef(op);
}

static PyObject *epoll_exit(PyObject *op, PyObject *args)
{
    return epoll_close(op, args);
}

static PyMethodDef epoll_methods[] = {
    {"close", epoll_close, METH_NOARGS, "Close the epoll control file descriptor."},
    {"fileno", epoll_fileno, METH_NOARGS, "Return the epoll control file descriptor."},
    {"fromfd", epoll_fromfd, METH_O | METH_CLASS, "Create an epoll object from a fd."},
    {"register", (PyCFunction)(void (*)(void))epoll_register, METH_VARARGS | METH_KEYWORDS,
     "Register a file descriptor."},
    {"modify", (PyCFunction)(void (*)(void))epoll_modify, METH_VARARGS | METH_KEYWORDS,
     "Modify a registered file descriptor."},
    {"unregister", (PyCFunction)(void (*)(void))epoll_unregister,
     METH_VARARGS | METH_KEYWORDS, "Remove a registered file descriptor."},
    {"poll", (PyCFunction)(void (*)(void))epoll_poll, METH_VARARGS | METH_KEYWORDS,
     "Wait for events on the epoll file descriptor."},
    {"__enter__", epoll_enter, METH_NOARGS, NULL},
    {"__exit__", epoll_exit, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef epoll_getset[] = {
    {"closed", epoll_get_closed, NULL, "True if the epoll handler is closed", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot epoll_slots[] = {
    {Py_tp_dealloc, epoll_dealloc},
    {Py_tp_methods, epoll_methods},
    {Py_tp_getset, epoll_getset},
    {Py_tp_new, epoll_new},
    {0, NULL},
};

static PyType_Spec epoll_spec = {
    .name = "select.epoll",
    .basicsize = sizeof(epollobject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .slots = epoll_slots,
};

static PyObject *select_poll(PyObject *m, PyObject *args)
{
    (void)args;
    select_state *st = get_state(m);
    pollobject *self = PyObject_New(pollobject, st->poll_type);
    if (self == NULL) {
        return NULL;
    }
    self->polling = 0;
    self->fds = PyDict_New();
    if (self->fds == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static PyMethodDef select_methods[] = {
    {"select", select_select, METH_VARARGS,
     "Wait until one or more file descriptors are ready for some kind of I/O."},
    {"poll", select_poll, METH_NOARGS, "Return a new polling object."},
    {NULL, NULL, 0, NULL},
};

static int select_exec(PyObject *m)
{
    select_state *st = get_state(m);
    if (PyModule_AddObjectRef(m, "error", PyExc_OSError) < 0) {
        return -1;
    }
    static const struct {
        const char *name;
        int value;
    } consts[] = {
        {"POLLIN", POLLIN}, {"POLLPRI", POLLPRI}, {"POLLOUT", POLLOUT},
        {"POLLERR", POLLERR}, {"POLLHUP", POLLHUP}, {"POLLNVAL", POLLNVAL},
        {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND},
        {"POLLWRNORM", POLLWRNORM}, {"POLLWRBAND", POLLWRBAND},
        {"POLLMSG", POLLMSG}, {"POLLRDHUP", 0x2000},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(consts); i++) {
        if (PyModule_AddIntConstant(m, consts[i].name, consts[i].value) < 0) {
            return -1;
        }
    }
    st->poll_type = (PyTypeObject *)PyType_FromModuleAndSpec(m, &poll_spec, NULL);
    if (st->poll_type == NULL) {
        return -1;
    }
    st->epoll_type = (PyTypeObject *)PyType_FromModuleAndSpec(m, &epoll_spec, NULL);
    if (st->epoll_type == NULL || PyModule_AddObjectRef(m, "epoll",
                                                        (PyObject *)st->epoll_type) < 0) {
        return -1;
    }
    static const struct {
        const char *name;
        unsigned int value;
    } econsts[] = {
        {"EPOLLIN", EPOLLIN}, {"EPOLLOUT", EPOLLOUT}, {"EPOLLPRI", EPOLLPRI},
        {"EPOLLERR", EPOLLERR}, {"EPOLLHUP", EPOLLHUP}, {"EPOLLET", EPOLLET},
        {"EPOLLONESHOT", EPOLLONESHOT}, {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE},
        {"EPOLLRDHUP", EPOLLRDHUP}, {"EPOLLRDNORM", EPOLLRDNORM},
        {"EPOLLRDBAND", EPOLLRDBAND}, {"EPOLLWRNORM", EPOLLWRNORM},
        {"EPOLLWRBAND", EPOLLWRBAND}, {"EPOLLMSG", EPOLLMSG},
        {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(econsts); i++) {
        if (PyModule_Add(m, econsts[i].name, PyLong_FromUnsignedLong(econsts[i].value)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int select_traverse(PyObject *m, visitproc visit, void *arg)
{
    select_state *st = get_state(m);
    if (st != NULL) {
        Py_VISIT(st->poll_type);
        Py_VISIT(st->epoll_type);
    }
    return 0;
}

static int select_clear(PyObject *m)
{
    select_state *st = get_state(m);
    if (st != NULL) {
        Py_CLEAR(st->poll_type);
        Py_CLEAR(st->epoll_type);
    }
    return 0;
}

static void select_free(void *m)
{
    (void)select_clear((PyObject *)m);
}

static PyModuleDef_Slot select_slots[] = {
    {Py_mod_exec, select_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef select_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "select",
    .m_doc = "Wait for I/O completion on file descriptors.",
    .m_size = sizeof(select_state),
    .m_methods = select_methods,
    .m_slots = select_slots,
    .m_traverse = select_traverse,
    .m_clear = select_clear,
    .m_free = select_free,
};

PyMODINIT_FUNC
PyInit_select(void)
{
    return PyModuleDef_Init(&select_module);
}
