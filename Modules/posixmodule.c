/* The posix module: the operating-system interface that Lib/os.py builds on.
 *
 * Paths are accepted as str, bytes or os.PathLike (PyOS_FSPath) and encoded with the
 * filesystem encoding (UTF-8, surrogateescape); functions given a bytes path return bytes
 * names, as CPython's do.  Blocking system calls release the GIL (Py_BEGIN_ALLOW_THREADS).
 * Module state: the stat_result, terminal_size and uname_result types, created per module
 * object in exec (no static mutable state). */
#include "Python.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <math.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

extern char **environ;

typedef struct {
    PyTypeObject *stat_result_type;
    PyTypeObject *uname_result_type;
    PyTypeObject *terminal_size_type;
} posix_state;

static posix_state *get_posix_state(PyObject *module)
{
    return (posix_state *)PyModule_GetState(module);
}

/* ---- path arguments ------------------------------------------------------------------------ */

/* A path argument: the encoded bytes (owned), whether the caller passed bytes, and the original
 * object (borrowed) for error messages. */
typedef struct {
    PyObject *object;
    PyObject *bytes;
    int is_bytes;
} path_arg;

/* Convert obj into p; 0 on success, -1 with TypeError naming the function and argument. */
static int path_convert(PyObject *obj, path_arg *p, const char *funcname, const char *argname)
{
    p->object = obj;
    p->bytes = NULL;
    p->is_bytes = 0;
    PyObject *fspath = PyOS_FSPath(obj);
    if (fspath == NULL) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError,
                     "%s: %s should be string, bytes or os.PathLike, not %.200s", funcname,
                     argname, Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (PyBytes_Check(fspath)) {
        p->is_bytes = 1;
        p->bytes = fspath;
    }
    else {
        p->bytes = PyUnicode_EncodeFSDefault(fspath);
        Py_DECREF(fspath);
        if (p->bytes == NULL) {
            return -1;
        }
    }
    if (strlen(PyBytes_AS_STRING(p->bytes)) != (size_t)PyBytes_GET_SIZE(p->bytes)) {
        Py_CLEAR(p->bytes);
        PyErr_Format(PyExc_ValueError, "%s: embedded null character in %s", funcname, argname);
        return -1;
    }
    return 0;
}

static void path_release(path_arg *p)
{
    Py_CLEAR(p->bytes);
}

#define PATH_CSTR(p) PyBytes_AS_STRING((p)->bytes)

/* Raise OSError (the errno subclass) for errno with the path as filename; return NULL. */
static PyObject *path_error(path_arg *p)
{
    return PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, p->object);
}

static PyObject *path_error2(path_arg *p1, path_arg *p2)
{
    return PyErr_SetFromErrnoWithFilenameObjects(PyExc_OSError, p1->object, p2->object);
}

/* A name from the filesystem, as str (surrogateescape) or bytes like the path argument. */
static PyObject *fs_name(const char *name, Py_ssize_t len, int as_bytes)
{
    if (as_bytes) {
        return PyBytes_FromStringAndSize(name, len);
    }
    return PyUnicode_DecodeFSDefaultAndSize(name, len);
}

/* Parse one required path argument, positional or keyword `path`. */
static int parse_path(PyObject *args, PyObject *kwargs, const char *funcname, path_arg *p)
{
    static char *kwlist[] = {"path", NULL};
    PyObject *obj;
    char format[64];
    snprintf(format, sizeof(format), "O:%s", funcname);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, format, kwlist, &obj)) {
        return -1;
    }
    return path_convert(obj, p, funcname, "path");
}

/* ---- stat ---------------------------------------------------------------------------------- */

static PyStructSequence_Field stat_result_fields[] = {
    {"st_mode", "protection bits"},
    {"st_ino", "inode"},
    {"st_dev", "device"},
    {"st_nlink", "number of hard links"},
    {"st_uid", "user ID of owner"},
    {"st_gid", "group ID of owner"},
    {"st_size", "total size, in bytes"},
    /* Unnamed (tuple-only) fields: the names are set to PyStructSequence_UnnamedField in
     * posix_exec, as a NULL name would end the list. */
    {NULL, "integer time of last access"},
    {NULL, "integer time of last modification"},
    {NULL, "integer time of last change"},
    {"st_atime", "time of last access"},
    {"st_mtime", "time of last modification"},
    {"st_ctime", "time of last change"},
    {"st_atime_ns", "time of last access in nanoseconds"},
    {"st_mtime_ns", "time of last modification in nanoseconds"},
    {"st_ctime_ns", "time of last change in nanoseconds"},
    {"st_blksize", "blocksize for filesystem I/O"},
    {"st_blocks", "number of blocks allocated"},
    {"st_rdev", "device type (if inode device)"},
    {NULL, NULL},
};

static PyStructSequence_Desc stat_result_desc = {
    "os.stat_result",
    "stat_result: Result from stat, fstat, or lstat.",
    stat_result_fields,
    10,
};

/* Return a new reference: ns as an int (seconds * 10**9 + nanoseconds). */
static PyObject *timespec_to_ns(const struct timespec *ts)
{
    PyObject *sec = PyLong_FromLongLong((long long)ts->tv_sec);
    PyObject *billion = PyLong_FromLong(1000000000L);
    PyObject *nsec = PyLong_FromLong(ts->tv_nsec);
    PyObject *result = NULL;
    if (sec != NULL && billion != NULL && nsec != NULL) {
        PyObject *scaled = PyNumber_Multiply(sec, billion);
        if (scaled != NULL) {
            result = PyNumber_Add(scaled, nsec);
            Py_DECREF(scaled);
        }
    }
    Py_XDECREF(sec);
    Py_XDECREF(billion);
    Py_XDECREF(nsec);
    return result;
}

/* Return a new stat_result for st. */
static PyObject *make_stat_result(PyObject *module, const struct stat *st)
{
    PyObject *v = PyStructSequence_New(get_posix_state(module)->stat_result_type);
    if (v == NULL) {
        return NULL;
    }
    const struct timespec *times[3] = {&st->st_atim, &st->st_mtim, &st->st_ctim};
    PyStructSequence_SetItem(v, 0, PyLong_FromLong((long)st->st_mode));
    PyStructSequence_SetItem(v, 1, PyLong_FromUnsignedLongLong((unsigned long long)st->st_ino));
    PyStructSequence_SetItem(v, 2, PyLong_FromUnsignedLongLong((unsigned long long)st->st_dev));
    PyStructSequence_SetItem(v, 3, PyLong_FromLong((long)st->st_nlink));
    PyStructSequence_SetItem(v, 4, PyLong_FromLong((long)st->st_uid));
    PyStructSequence_SetItem(v, 5, PyLong_FromLong((long)st->st_gid));
    PyStructSequence_SetItem(v, 6, PyLong_FromLongLong((long long)st->st_size));
    for (int i = 0; i < 3; i++) {
        PyStructSequence_SetItem(v, 7 + i, PyLong_FromLongLong((long long)times[i]->tv_sec));
        PyStructSequence_SetItem(v, 10 + i, PyFloat_FromDouble((double)times[i]->tv_sec +
                                                               times[i]->tv_nsec * 1e-9));
        PyStructSequence_SetItem(v, 13 + i, timespec_to_ns(times[i]));
    }
    PyStructSequence_SetItem(v, 16, PyLong_FromLong((long)st->st_blksize));
    PyStructSequence_SetItem(v, 17, PyLong_FromLongLong((long long)st->st_blocks));
    PyStructSequence_SetItem(v, 18, PyLong_FromUnsignedLongLong((unsigned long long)st->st_rdev));
    for (Py_ssize_t i = 0; i < 19; i++) {
        if (PyStructSequence_GetItem(v, i) == NULL) {
            Py_DECREF(v);
            return NULL;
        }
    }
    return v;
}

/* stat(path, *, dir_fd=None, follow_symlinks=True); path may be an open file descriptor. */
static PyObject *do_stat(PyObject *module, PyObject *args, PyObject *kwargs, const char *name,
                         int follow_default)
{
    static char *kwlist[] = {"path", "dir_fd", "follow_symlinks", NULL};
    PyObject *obj, *dir_fd = Py_None;
    int follow = follow_default;
    char format[64];
    snprintf(format, sizeof(format), "O|$Op:%s", name);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, format, kwlist, &obj, &dir_fd, &follow)) {
        return NULL;
    }
    struct stat st;
    int res;
    if (PyLong_Check(obj)) {
        int fd = PyLong_AsInt(obj);
        if (fd == -1 && PyErr_Occurred()) {
            return NULL;
        }
        Py_BEGIN_ALLOW_THREADS
        res = fstat(fd, &st);
        Py_END_ALLOW_THREADS
        if (res != 0) {
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        return make_stat_result(module, &st);
    }
    int dfd = AT_FDCWD;
    if (dir_fd != Py_None) {
        dfd = PyLong_AsInt(dir_fd);
        if (dfd == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    path_arg p;
    if (path_convert(obj, &p, name, "path") < 0) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    res = fstatat(dfd, PATH_CSTR(&p), &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    Py_END_ALLOW_THREADS
    if (res != 0) {
        path_error(&p);
        path_release(&p);
        return NULL;
    }
    path_release(&p);
    return make_stat_result(module, &st);
}

static PyObject *posix_stat(PyObject *module, PyObject *args, PyObject *kwargs)
{
    return do_stat(module, args, kwargs, "stat", 1);
}

static PyObject *posix_lstat(PyObject *module, PyObject *args, PyObject *kwargs)
{
    return do_stat(module, args, kwargs, "lstat", 0);
}

static PyObject *posix_fstat(PyObject *module, PyObject *arg)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred()) {
        return NULL;
    }
    struct stat st;
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = fstat(fd, &st);
    Py_END_ALLOW_THREADS
    if (res != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return make_stat_result(module, &st);
}

/* ---- directories and files ----------------------------------------------------------------- */

static PyObject *posix_getcwd(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    char buf[4096];
    char *res;
    Py_BEGIN_ALLOW_THREADS
    res = getcwd(buf, sizeof(buf));
    Py_END_ALLOW_THREADS
    if (res == NULL) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyUnicode_DecodeFSDefault(buf);
}

static PyObject *posix_getcwdb(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    char buf[4096];
    if (getcwd(buf, sizeof(buf)) == NULL) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyBytes_FromString(buf);
}

/* listdir(path='.'): names in the directory, without '.' and '..', in directory order. */
static PyObject *posix_listdir(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", NULL};
    PyObject *obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O:listdir", kwlist, &obj)) {
        return NULL;
    }
    path_arg p = {NULL, NULL, 0};
    const char *dirname = ".";
    if (obj != NULL && obj != Py_None) {
        if (path_convert(obj, &p, "listdir", "path") < 0) {
            return NULL;
        }
        dirname = PATH_CSTR(&p);
    }
    DIR *dir;
    Py_BEGIN_ALLOW_THREADS
    dir = opendir(dirname);
    Py_END_ALLOW_THREADS
    if (dir == NULL) {
        if (p.bytes != NULL) {
            path_error(&p);
            path_release(&p);
            return NULL;
        }
        return PyErr_SetFromErrnoWithFilename(PyExc_OSError, dirname);
    }
    PyObject *list = PyList_New(0);
    while (list != NULL) {
        struct dirent *entry;
        errno = 0;
        Py_BEGIN_ALLOW_THREADS
        entry = readdir(dir);
        Py_END_ALLOW_THREADS
        if (entry == NULL) {
            if (errno != 0) {
                Py_CLEAR(list);
                PyErr_SetFromErrno(PyExc_OSError);
            }
            break;
        }
        const char *name = entry->d_name;
        if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
            continue;
        }
        PyObject *item = fs_name(name, (Py_ssize_t)strlen(name), p.is_bytes);
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            Py_CLEAR(list);
            break;
        }
        Py_DECREF(item);
    }
    closedir(dir);
    path_release(&p);
    return list;
}

/* Run a one-path system call; on failure raise OSError with the path. */
static PyObject *path_call(PyObject *args, PyObject *kwargs, const char *name,
                           int (*call)(const char *))
{
    path_arg p;
    if (parse_path(args, kwargs, name, &p) < 0) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = call(PATH_CSTR(&p));
    Py_END_ALLOW_THREADS
    if (res != 0) {
        path_error(&p);
        path_release(&p);
        return NULL;
    }
    path_release(&p);
    Py_RETURN_NONE;
}

static PyObject *posix_remove(PyObject *module, PyObject *args, PyObject *kwargs)
{
    return path_call(args, kwargs, "remove", unlink);
}

static PyObject *posix_unlink(PyObject *module, PyObject *args, PyObject *kwargs)
{
    return path_call(args, kwargs, "unlink", unlink);
}

static PyObject *posix_rmdir(PyObject *module, PyObject *args, PyObject *kwargs)
{
    return path_call(args, kwargs, "rmdir", rmdir);
}

static PyObject *posix_chdir(PyObject *module, PyObject *args, PyObject *kwargs)
{
    return path_call(args, kwargs, "chdir", chdir);
}

static PyObject *posix_mkdir(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", "mode", "dir_fd", NULL};
    PyObject *obj, *dir_fd = Py_None;
    int mode = 0777;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|i$O:mkdir", kwlist, &obj, &mode,
                                     &dir_fd)) {
        return NULL;
    }
    path_arg p;
    if (path_convert(obj, &p, "mkdir", "path") < 0) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = mkdir(PATH_CSTR(&p), (mode_t)mode);
    Py_END_ALLOW_THREADS
    if (res != 0) {
        path_error(&p);
        path_release(&p);
        return NULL;
    }
    path_release(&p);
    Py_RETURN_NONE;
}

/* rename(src, dst) and replace(src, dst): POSIX rename() replaces an existing file. */
static PyObject *two_path_call(PyObject *args, PyObject *kwargs, const char *name,
                               int (*call)(const char *, const char *))
{
    static char *kwlist[] = {"src", "dst", NULL};
    PyObject *src, *dst;
    char format[64];
    snprintf(format, sizeof(format), "OO:%s", name);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, format, kwlist, &src, &dst)) {
        return NULL;
    }
    path_arg p1, p2;
    if (path_convert(src, &p1, name, "src") < 0) {
        return NULL;
    }
    if (path_convert(dst, &p2, name, "dst") < 0) {
        path_release(&p1);
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = call(PATH_CSTR(&p1), PATH_CSTR(&p2));
    Py_END_ALLOW_THREADS
    PyObject *result = NULL;
    if (res != 0) {
        path_error2(&p1, &p2);
    }
    else {
        result = Py_NewRef(Py_None);
    }
    path_release(&p1);
    path_release(&p2);
    return result;
}

static PyObject *posix_rename(PyObject *module, PyObject *args, PyObject *kwargs)
{
    return two_path_call(args, kwargs, "rename", rename);
}

static PyObject *posix_replace(PyObject *module, PyObject *args, PyObject *kwargs)
{
    return two_path_call(args, kwargs, "replace", rename);
}

static PyObject *posix_link(PyObject *module, PyObject *args, PyObject *kwargs)
{
    return two_path_call(args, kwargs, "link", link);
}

/* symlink(src, dst, target_is_directory=False, *, dir_fd=None): target_is_directory only
 * matters on Windows; dir_fd is not supported (os.supports_dir_fd is empty). */
static PyObject *posix_symlink(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"src", "dst", "target_is_directory", "dir_fd", NULL};
    PyObject *src, *dst, *dir_fd = Py_None;
    int target_is_directory = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OO|p$O:symlink", kwlist, &src, &dst,
                                     &target_is_directory, &dir_fd)) {
        return NULL;
    }
    if (dir_fd != Py_None) {
        PyErr_SetString(PyExc_NotImplementedError, "dir_fd unavailable on this platform");
        return NULL;
    }
    PyObject *pair = PyTuple_Pack(2, src, dst);
    if (pair == NULL) {
        return NULL;
    }
    PyObject *result = two_path_call(pair, NULL, "symlink", symlink);
    Py_DECREF(pair);
    return result;
}

static PyObject *posix_readlink(PyObject *module, PyObject *args, PyObject *kwargs)
{
    path_arg p;
    if (parse_path(args, kwargs, "readlink", &p) < 0) {
        return NULL;
    }
    char buf[4096];
    ssize_t n;
    Py_BEGIN_ALLOW_THREADS
    n = readlink(PATH_CSTR(&p), buf, sizeof(buf));
    Py_END_ALLOW_THREADS
    if (n < 0) {
        path_error(&p);
        path_release(&p);
        return NULL;
    }
    PyObject *result = fs_name(buf, n, p.is_bytes);
    path_release(&p);
    return result;
}

static PyObject *posix_access(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", "mode", NULL};
    PyObject *obj;
    int mode;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "Oi:access", kwlist, &obj, &mode)) {
        return NULL;
    }
    path_arg p;
    if (path_convert(obj, &p, "access", "path") < 0) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = access(PATH_CSTR(&p), mode);
    Py_END_ALLOW_THREADS
    path_release(&p);
    return PyBool_FromLong(res == 0);
}

static PyObject *posix_chmod(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", "mode", "dir_fd", "follow_symlinks", NULL};
    PyObject *obj, *dir_fd = Py_None;
    int mode, follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "Oi|$Op:chmod", kwlist, &obj, &mode,
                                     &dir_fd, &follow)) {
        return NULL;
    }
    if (dir_fd != Py_None) {
        PyErr_SetString(PyExc_NotImplementedError, "dir_fd unavailable on this platform");
        return NULL;
    }
    if (PyLong_Check(obj)) {
        int fd = PyLong_AsInt(obj);
        if (fd == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (fchmod(fd, (mode_t)mode) != 0) {
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        Py_RETURN_NONE;
    }
    path_arg p;
    if (path_convert(obj, &p, "chmod", "path") < 0) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    /* Without following links glibc's fchmodat works for files and fails with ENOTSUP on a
     * symlink itself (Linux cannot change a link's mode). */
    res = follow ? chmod(PATH_CSTR(&p), (mode_t)mode)
                 : fchmodat(AT_FDCWD, PATH_CSTR(&p), (mode_t)mode, AT_SYMLINK_NOFOLLOW);
    Py_END_ALLOW_THREADS
    if (res != 0 && !follow && errno == EOPNOTSUPP) {
        path_release(&p);
        PyErr_SetString(PyExc_NotImplementedError,
                        "chmod: follow_symlinks unavailable on this platform");
        return NULL;
    }
    if (res != 0) {
        path_error(&p);
        path_release(&p);
        return NULL;
    }
    path_release(&p);
    Py_RETURN_NONE;
}

/* ---- file descriptors ---------------------------------------------------------------------- */

static PyObject *posix_open(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", "flags", "mode", "dir_fd", NULL};
    PyObject *obj, *dir_fd = Py_None;
    int flags, mode = 0777;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "Oi|i$O:open", kwlist, &obj, &flags, &mode,
                                     &dir_fd)) {
        return NULL;
    }
    path_arg p;
    if (path_convert(obj, &p, "open", "path") < 0) {
        return NULL;
    }
    int fd;
    do {
        Py_BEGIN_ALLOW_THREADS
        fd = open(PATH_CSTR(&p), flags | O_CLOEXEC, mode);
        Py_END_ALLOW_THREADS
    } while (fd < 0 && errno == EINTR && PyErr_CheckSignals() == 0);
    if (fd < 0) {
        if (!PyErr_Occurred()) {
            path_error(&p);
        }
        path_release(&p);
        return NULL;
    }
    path_release(&p);
    return PyLong_FromLong(fd);
}

/* Parse a file-descriptor argument; -1 with an exception on error. */
static int fd_from_object(PyObject *obj)
{
    int fd = PyLong_AsInt(obj);
    if (fd == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (fd < 0) {
        errno = EBADF;
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    return fd;
}

static PyObject *posix_close(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"fd", NULL};
    int fd;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i:close", kwlist, &fd)) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = close(fd);
    Py_END_ALLOW_THREADS
    if (res < 0 && errno != EINTR) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

/* read(fd, n): at most n bytes; b'' at end of file.  Retries on EINTR after running signal
 * handlers (PEP 475). */
static PyObject *posix_read(PyObject *module, PyObject *args)
{
    int fd;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "in:read", &fd, &n)) {
        return NULL;
    }
    if (n < 0) {
        errno = EINVAL;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *buffer = PyBytes_FromStringAndSize(NULL, n);
    if (buffer == NULL) {
        return NULL;
    }
    ssize_t got;
    do {
        Py_BEGIN_ALLOW_THREADS
        got = read(fd, PyBytes_AS_STRING(buffer), (size_t)n);
        Py_END_ALLOW_THREADS
    } while (got < 0 && errno == EINTR && PyErr_CheckSignals() == 0);
    if (got < 0) {
        Py_DECREF(buffer);
        if (!PyErr_Occurred()) {
            PyErr_SetFromErrno(PyExc_OSError);
        }
        return NULL;
    }
    if (got != n) {
        _PyBytes_Resize(&buffer, got);
    }
    return buffer;
}

/* write(fd, data): number of bytes written (may be fewer than len(data)). */
static PyObject *posix_write(PyObject *module, PyObject *args)
{
    int fd;
    Py_buffer data;
    if (!PyArg_ParseTuple(args, "iy*:write", &fd, &data)) {
        return NULL;
    }
    ssize_t written;
    do {
        Py_BEGIN_ALLOW_THREADS
        written = write(fd, data.buf, (size_t)data.len);
        Py_END_ALLOW_THREADS
    } while (written < 0 && errno == EINTR && PyErr_CheckSignals() == 0);
    PyBuffer_Release(&data);
    if (written < 0) {
        if (!PyErr_Occurred()) {
            PyErr_SetFromErrno(PyExc_OSError);
        }
        return NULL;
    }
    return PyLong_FromSsize_t(written);
}

static PyObject *posix_lseek(PyObject *module, PyObject *args)
{
    int fd, how;
    long long pos;
    if (!PyArg_ParseTuple(args, "iLi:lseek", &fd, &pos, &how)) {
        return NULL;
    }
    off_t res;
    Py_BEGIN_ALLOW_THREADS
    res = lseek(fd, (off_t)pos, how);
    Py_END_ALLOW_THREADS
    if (res < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLongLong((long long)res);
}

static PyObject *posix_isatty(PyObject *module, PyObject *arg)
{
    int fd = PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(isatty(fd));
}

static PyObject *posix_pipe(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return Py_BuildValue("(ii)", fds[0], fds[1]);
}

static PyObject *posix_dup(PyObject *module, PyObject *arg)
{
    int fd = fd_from_object(arg);
    if (fd < 0) {
        return NULL;
    }
    int res = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (res < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong(res);
}

static PyObject *posix_dup2(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"fd", "fd2", "inheritable", NULL};
    int fd, fd2, inheritable = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "ii|p:dup2", kwlist, &fd, &fd2,
                                     &inheritable)) {
        return NULL;
    }
    int res = inheritable ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
    if (res < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong(res);
}

static PyObject *posix_fsync(PyObject *module, PyObject *arg)
{
    int fd = fd_from_object(arg);
    if (fd < 0) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = fsync(fd);
    Py_END_ALLOW_THREADS
    if (res != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *posix_ftruncate(PyObject *module, PyObject *args)
{
    int fd;
    long long length;
    if (!PyArg_ParseTuple(args, "iL:ftruncate", &fd, &length)) {
        return NULL;
    }
    if (ftruncate(fd, (off_t)length) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

/* ---- processes and environment ------------------------------------------------------------- */

static PyObject *posix_getpid(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong((long)getpid());
}

static PyObject *posix_getppid(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong((long)getppid());
}

static PyObject *posix_getuid(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong((long)getuid());
}

static PyObject *posix_geteuid(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong((long)geteuid());
}

static PyObject *posix_getgid(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong((long)getgid());
}

static PyObject *posix_umask(PyObject *module, PyObject *arg)
{
    int mask = PyLong_AsInt(arg);
    if (mask == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromLong((long)umask((mode_t)mask));
}

static PyObject *posix_kill(PyObject *module, PyObject *args)
{
    int pid, sig;
    if (!PyArg_ParseTuple(args, "ii:kill", &pid, &sig)) {
        return NULL;
    }
    if (kill((pid_t)pid, sig) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *posix__exit(PyObject *module, PyObject *arg)
{
    int status = PyLong_AsInt(arg);
    if (status == -1 && PyErr_Occurred()) {
        return NULL;
    }
    _exit(status);
}

static PyObject *posix_strerror(PyObject *module, PyObject *arg)
{
    int code = PyLong_AsInt(arg);
    if (code == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyUnicode_DecodeLocale(strerror(code), "surrogateescape");
}

static PyObject *posix_putenv(PyObject *module, PyObject *args)
{
    PyObject *name_obj, *value_obj;
    if (!PyArg_ParseTuple(args, "OO:putenv", &name_obj, &value_obj)) {
        return NULL;
    }
    path_arg name, value;
    if (path_convert(name_obj, &name, "putenv", "name") < 0) {
        return NULL;
    }
    if (path_convert(value_obj, &value, "putenv", "value") < 0) {
        path_release(&name);
        return NULL;
    }
    PyObject *result = NULL;
    const char *n = PATH_CSTR(&name);
    if (*n == '\0' || strchr(n, '=') != NULL) {
        PyErr_SetString(PyExc_ValueError, "illegal environment variable name");
    }
    else if (setenv(n, PATH_CSTR(&value), 1) != 0) {
        PyErr_SetFromErrno(PyExc_OSError);
    }
    else {
        result = Py_NewRef(Py_None);
    }
    path_release(&name);
    path_release(&value);
    return result;
}

static PyObject *posix_unsetenv(PyObject *module, PyObject *arg)
{
    path_arg name;
    if (path_convert(arg, &name, "unsetenv", "name") < 0) {
        return NULL;
    }
    const char *n = PATH_CSTR(&name);
    PyObject *result = NULL;
    if (*n == '\0' || strchr(n, '=') != NULL) {
        PyErr_SetString(PyExc_ValueError, "illegal environment variable name");
    }
    else if (unsetenv(n) != 0) {
        PyErr_SetFromErrno(PyExc_OSError);
    }
    else {
        result = Py_NewRef(Py_None);
    }
    path_release(&name);
    return result;
}

/* Return a new dict {bytes name: bytes value} of the process environment, as CPython's
 * posix.environ is on POSIX; Lib/os.py wraps it in a str mapping. */
static PyObject *environ_as_dict(void)
{
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
    for (char **e = environ; e != NULL && *e != NULL; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL) {
            continue;
        }
        PyObject *k = PyBytes_FromStringAndSize(*e, eq - *e);
        PyObject *v = PyBytes_FromString(eq + 1);
        if (k == NULL || v == NULL || PyDict_SetDefault(d, k, v) == NULL) {
            Py_XDECREF(k);
            Py_XDECREF(v);
            Py_DECREF(d);
            return NULL;
        }
        Py_DECREF(k);
        Py_DECREF(v);
    }
    return d;
}

static PyObject *posix_urandom(PyObject *module, PyObject *arg)
{
    Py_ssize_t size = PyLong_AsSsize_t(arg);
    if (size == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "negative argument not allowed");
        return NULL;
    }
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, size);
    if (bytes == NULL) {
        return NULL;
    }
    char *buf = PyBytes_AS_STRING(bytes);
    Py_ssize_t done = 0;
    while (done < size) {
        ssize_t n = getrandom(buf + done, (size_t)(size - done), 0);
        if (n < 0) {
            if (errno == EINTR) {
                if (PyErr_CheckSignals() < 0) {
                    Py_DECREF(bytes);
                    return NULL;
                }
                continue;
            }
            Py_DECREF(bytes);
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        done += n;
    }
    return bytes;
}

static PyObject *posix_cpu_count(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1) {
        Py_RETURN_NONE;
    }
    return PyLong_FromLong(n);
}

static PyStructSequence_Field uname_result_fields[] = {
    {"sysname", "operating system name"},
    {"nodename", "name of machine on network (implementation-defined)"},
    {"release", "operating system release"},
    {"version", "operating system version"},
    {"machine", "hardware identifier"},
    {NULL, NULL},
};

static PyStructSequence_Desc uname_result_desc = {
    "posix.uname_result", "uname_result: Result from os.uname().", uname_result_fields, 5,
};

static PyObject *posix_uname(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    struct utsname u;
    if (uname(&u) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *v = PyStructSequence_New(get_posix_state(module)->uname_result_type);
    if (v == NULL) {
        return NULL;
    }
    const char *parts[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    for (int i = 0; i < 5; i++) {
        PyObject *s = PyUnicode_DecodeFSDefault(parts[i]);
        if (s == NULL) {
            Py_DECREF(v);
            return NULL;
        }
        PyStructSequence_SetItem(v, i, s);
    }
    return v;
}

static PyStructSequence_Field terminal_size_fields[] = {
    {"columns", "width of the terminal window in characters"},
    {"lines", "height of the terminal window in characters"},
    {NULL, NULL},
};

static PyStructSequence_Desc terminal_size_desc = {
    "os.terminal_size", "A tuple of (columns, lines) for holding terminal window size",
    terminal_size_fields, 2,
};

static PyObject *posix_get_terminal_size(PyObject *module, PyObject *args)
{
    int fd = STDOUT_FILENO;
    if (!PyArg_ParseTuple(args, "|i:get_terminal_size", &fd)) {
        return NULL;
    }
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *v = PyStructSequence_New(get_posix_state(module)->terminal_size_type);
    if (v == NULL) {
        return NULL;
    }
    PyStructSequence_SetItem(v, 0, PyLong_FromLong(w.ws_col));
    PyStructSequence_SetItem(v, 1, PyLong_FromLong(w.ws_row));
    if (PyErr_Occurred()) {
        Py_DECREF(v);
        return NULL;
    }
    return v;
}

static PyObject *posix_fspath(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", NULL};
    PyObject *path;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O:fspath", kwlist, &path)) {
        return NULL;
    }
    return PyOS_FSPath(path);
}

/* ---- processes ----------------------------------------------------------------------------- */

static PyObject *posix_fork(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyOS_BeforeFork();
    pid_t pid = fork();
    if (pid == 0) {
        PyOS_AfterFork_Child();     /* only this thread survives in the child */
        return PyLong_FromLong(0);
    }
    int saved_errno = errno;
    PyOS_AfterFork_Parent();
    if (pid < 0) {
        errno = saved_errno;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong((long)pid);
}

/* Convert a sequence of path-likes into a NULL-terminated argv of owned strings. */
static char **argv_from_sequence(PyObject *seq, const char *funcname, PyObject **keep)
{
    PyObject *fast = PySequence_Fast(seq, "argv must be a tuple or list");
    if (fast == NULL) {
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    PyObject *holder = PyList_New(0);
    char **argv = PyMem_Calloc((size_t)n + 1, sizeof(char *));
    if (holder == NULL || argv == NULL) {
        goto error;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        path_arg p;
        if (path_convert(PySequence_Fast_GET_ITEM(fast, i), &p, funcname, "argv") < 0) {
            goto error;
        }
        argv[i] = PATH_CSTR(&p);
        if (PyList_Append(holder, p.bytes) < 0) {
            path_release(&p);
            goto error;
        }
        path_release(&p);
    }
    Py_DECREF(fast);
    *keep = holder;
    return argv;
error:
    Py_DECREF(fast);
    Py_XDECREF(holder);
    PyMem_Free(argv);
    if (!PyErr_Occurred()) {
        PyErr_NoMemory();
    }
    return NULL;
}

static PyObject *posix_execv(PyObject *module, PyObject *args)
{
    PyObject *path_obj, *argv_obj;
    if (!PyArg_ParseTuple(args, "OO:execv", &path_obj, &argv_obj)) {
        return NULL;
    }
    path_arg p;
    if (path_convert(path_obj, &p, "execv", "path") < 0) {
        return NULL;
    }
    PyObject *keep = NULL;
    char **argv = argv_from_sequence(argv_obj, "execv", &keep);
    if (argv == NULL) {
        path_release(&p);
        return NULL;
    }
    if (argv[0] == NULL) {
        PyErr_SetString(PyExc_ValueError, "execv() arg 2 must not be empty");
    }
    else {
        execv(PATH_CSTR(&p), argv);
        path_error(&p);
    }
    PyMem_Free(argv);
    Py_DECREF(keep);
    path_release(&p);
    return NULL;
}

static PyObject *posix_waitpid(PyObject *module, PyObject *args)
{
    int pid, options;
    if (!PyArg_ParseTuple(args, "ii:waitpid", &pid, &options)) {
        return NULL;
    }
    int status = 0;
    pid_t res;
    do {
        Py_BEGIN_ALLOW_THREADS
        res = waitpid((pid_t)pid, &status, options);
        Py_END_ALLOW_THREADS
    } while (res < 0 && errno == EINTR && PyErr_CheckSignals() == 0);
    if (res < 0) {
        if (!PyErr_Occurred()) {
            PyErr_SetFromErrno(PyExc_OSError);
        }
        return NULL;
    }
    return Py_BuildValue("(ii)", (int)res, status);
}

static PyObject *posix_waitstatus_to_exitcode(PyObject *module, PyObject *arg)
{
    int status = PyLong_AsInt(arg);
    if (status == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (WIFEXITED(status)) {
        return PyLong_FromLong(WEXITSTATUS(status));
    }
    if (WIFSIGNALED(status)) {
        return PyLong_FromLong(-WTERMSIG(status));
    }
    PyErr_Format(PyExc_ValueError, "invalid wait status: %i", status);
    return NULL;
}

#define WAIT_MACRO(name, expr)                                                                \
    static PyObject *posix_##name(PyObject *module, PyObject *arg)                            \
    {                                                                                         \
        int status = PyLong_AsInt(arg);                                                       \
        if (status == -1 && PyErr_Occurred()) {                                               \
            return NULL;                                                                      \
        }                                                                                     \
        return expr;                                                                          \
    }
WAIT_MACRO(WIFEXITED, PyBool_FromLong(WIFEXITED(status)))
WAIT_MACRO(WEXITSTATUS, PyLong_FromLong(WEXITSTATUS(status)))
WAIT_MACRO(WIFSIGNALED, PyBool_FromLong(WIFSIGNALED(status)))
WAIT_MACRO(WTERMSIG, PyLong_FromLong(WTERMSIG(status)))


/* ---- more of the POSIX surface: times, inheritance, sessions, load ------------------------ */

/* Convert a (atime, mtime) tuple of int/float seconds to timespecs. */
static int times_from_tuple(PyObject *tuple, struct timespec ts[2])
{
    if (!PyTuple_Check(tuple) || PyTuple_GET_SIZE(tuple) != 2) {
        PyErr_SetString(PyExc_TypeError, "utime: 'times' must be either a tuple of two ints "
                                         "or None");
        return -1;
    }
    for (int i = 0; i < 2; i++) {
        double v = PyFloat_AsDouble(PyTuple_GET_ITEM(tuple, i));
        if (v == -1.0 && PyErr_Occurred()) {
            return -1;
        }
        double whole = floor(v);
        ts[i].tv_sec = (time_t)whole;
        ts[i].tv_nsec = (long)((v - whole) * 1e9);
        if (ts[i].tv_nsec >= 1000000000) {
            ts[i].tv_sec++;
            ts[i].tv_nsec -= 1000000000;
        }
    }
    return 0;
}

static int ns_from_tuple(PyObject *tuple, struct timespec ts[2])
{
    if (!PyTuple_Check(tuple) || PyTuple_GET_SIZE(tuple) != 2) {
        PyErr_SetString(PyExc_TypeError, "utime: 'ns' must be a tuple of two ints");
        return -1;
    }
    for (int i = 0; i < 2; i++) {
        PyObject *billion = PyLong_FromLong(1000000000);
        if (billion == NULL) {
            return -1;
        }
        PyObject *qr = PyNumber_Divmod(PyTuple_GET_ITEM(tuple, i), billion);
        Py_DECREF(billion);
        if (qr == NULL) {
            return -1;
        }
        long long sec = PyLong_AsLongLong(PyTuple_GET_ITEM(qr, 0));
        long nsec = PyLong_AsLong(PyTuple_GET_ITEM(qr, 1));
        Py_DECREF(qr);
        if (PyErr_Occurred()) {
            return -1;
        }
        ts[i].tv_sec = (time_t)sec;
        ts[i].tv_nsec = nsec;
    }
    return 0;
}

static PyObject *posix_utime(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", "times", "ns", "dir_fd", "follow_symlinks", NULL};
    PyObject *obj, *times = Py_None, *ns = NULL, *dir_fd = Py_None;
    int follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|O$OOp:utime", kwlist, &obj, &times, &ns,
                                     &dir_fd, &follow)) {
        return NULL;
    }
    struct timespec ts[2];
    struct timespec *tsp = ts;
    if (times != Py_None && ns != NULL) {
        PyErr_SetString(PyExc_ValueError, "utime: you may specify either 'times' or 'ns' "
                                          "but not both");
        return NULL;
    }
    if (times != Py_None) {
        if (times_from_tuple(times, ts) < 0) {
            return NULL;
        }
    }
    else if (ns != NULL) {
        if (ns_from_tuple(ns, ts) < 0) {
            return NULL;
        }
    }
    else {
        tsp = NULL;      /* now */
    }
    int res;
    if (PyLong_Check(obj)) {
        int fd = PyLong_AsInt(obj);
        if (fd == -1 && PyErr_Occurred()) {
            return NULL;
        }
        Py_BEGIN_ALLOW_THREADS
        res = futimens(fd, tsp);
        Py_END_ALLOW_THREADS
        if (res != 0) {
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        Py_RETURN_NONE;
    }
    path_arg p;
    if (path_convert(obj, &p, "utime", "path") < 0) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    res = utimensat(AT_FDCWD, PATH_CSTR(&p), tsp, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    Py_END_ALLOW_THREADS
    if (res != 0) {
        path_error(&p);
        path_release(&p);
        return NULL;
    }
    path_release(&p);
    Py_RETURN_NONE;
}

static PyObject *posix_execve(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"path", "argv", "env", NULL};
    PyObject *path_obj, *argv_obj, *env_obj;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OOO:execve", kwlist, &path_obj, &argv_obj,
                                     &env_obj)) {
        return NULL;
    }
    if (!PyMapping_Check(env_obj)) {
        PyErr_SetString(PyExc_TypeError, "execve: environment must be a mapping object");
        return NULL;
    }
    path_arg p;
    if (path_convert(path_obj, &p, "execve", "path") < 0) {
        return NULL;
    }
    PyObject *keep = NULL, *env_keep = NULL, *items = NULL;
    char **envp = NULL;
    char **argv = argv_from_sequence(argv_obj, "execve", &keep);
    if (argv == NULL) {
        goto done;
    }
    if (argv[0] == NULL) {
        PyErr_SetString(PyExc_ValueError, "execve: argv must not be empty");
        goto done;
    }
    items = PyMapping_Items(env_obj);
    env_keep = PyList_New(0);
    if (items == NULL || env_keep == NULL) {
        goto done;
    }
    Py_ssize_t n = PyList_GET_SIZE(items);
    envp = PyMem_Calloc((size_t)n + 1, sizeof(char *));
    if (envp == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *kv = PyList_GET_ITEM(items, i);
        PyObject *key = NULL, *value = NULL;
        if (!PyTuple_Check(kv) || PyTuple_GET_SIZE(kv) != 2 ||
            !PyUnicode_FSConverter(PyTuple_GET_ITEM(kv, 0), &key)) {
            goto done;
        }
        if (!PyUnicode_FSConverter(PyTuple_GET_ITEM(kv, 1), &value)) {
            Py_DECREF(key);
            goto done;
        }
        if (PyBytes_GET_SIZE(key) == 0 || strchr(PyBytes_AS_STRING(key), '=') != NULL) {
            Py_DECREF(key);
            Py_DECREF(value);
            PyErr_SetString(PyExc_ValueError, "illegal environment variable name");
            goto done;
        }
        PyObject *entry = PyBytes_FromFormat("%s=%s", PyBytes_AS_STRING(key),
                                             PyBytes_AS_STRING(value));
        Py_DECREF(key);
        Py_DECREF(value);
        if (entry == NULL || PyList_Append(env_keep, entry) < 0) {
            Py_XDECREF(entry);
            goto done;
        }
        envp[i] = PyBytes_AS_STRING(entry);
        Py_DECREF(entry);
    }
    execve(PATH_CSTR(&p), argv, envp);
    path_error(&p);
done:
    PyMem_Free(envp);
    PyMem_Free(argv);
    Py_XDECREF(keep);
    Py_XDECREF(env_keep);
    Py_XDECREF(items);
    path_release(&p);
    return NULL;
}

static int fd_arg(PyObject *arg, int *fd)
{
    *fd = PyLong_AsInt(arg);
    return (*fd == -1 && PyErr_Occurred()) ? -1 : 0;
}

static PyObject *posix_get_inheritable(PyObject *module, PyObject *arg)
{
    int fd;
    if (fd_arg(arg, &fd) < 0) {
        return NULL;
    }
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyBool_FromLong(!(flags & FD_CLOEXEC));
}

static PyObject *posix_set_inheritable(PyObject *module, PyObject *args)
{
    int fd, inheritable;
    if (!PyArg_ParseTuple(args, "ip:set_inheritable", &fd, &inheritable)) {
        return NULL;
    }
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0 ||
        fcntl(fd, F_SETFD, inheritable ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC) < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *posix_get_blocking(PyObject *module, PyObject *arg)
{
    int fd;
    if (fd_arg(arg, &fd) < 0) {
        return NULL;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyBool_FromLong(!(flags & O_NONBLOCK));
}

static PyObject *posix_set_blocking(PyObject *module, PyObject *args)
{
    int fd, blocking;
    if (!PyArg_ParseTuple(args, "ip:set_blocking", &fd, &blocking)) {
        return NULL;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 ||
        fcntl(fd, F_SETFL, blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK) < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *posix_closerange(PyObject *module, PyObject *args)
{
    int low, high;
    if (!PyArg_ParseTuple(args, "ii:closerange", &low, &high)) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    for (int fd = low < 0 ? 0 : low; fd < high; fd++) {
        close(fd);
    }
    Py_END_ALLOW_THREADS
    Py_RETURN_NONE;
}

static PyObject *posix_truncate(PyObject *module, PyObject *args)
{
    PyObject *obj;
    long long length;
    if (!PyArg_ParseTuple(args, "OL:truncate", &obj, &length)) {
        return NULL;
    }
    if (PyLong_Check(obj)) {
        int fd;
        if (fd_arg(obj, &fd) < 0) {
            return NULL;
        }
        if (ftruncate(fd, (off_t)length) != 0) {
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        Py_RETURN_NONE;
    }
    path_arg p;
    if (path_convert(obj, &p, "truncate", "path") < 0) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = truncate(PATH_CSTR(&p), (off_t)length);
    Py_END_ALLOW_THREADS
    if (res != 0) {
        path_error(&p);
        path_release(&p);
        return NULL;
    }
    path_release(&p);
    Py_RETURN_NONE;
}

static PyObject *posix_fchmod(PyObject *module, PyObject *args)
{
    int fd, mode;
    if (!PyArg_ParseTuple(args, "ii:fchmod", &fd, &mode)) {
        return NULL;
    }
    if (fchmod(fd, (mode_t)mode) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *posix_chown_impl(PyObject *args, PyObject *kwargs, int follow_default,
                                  const char *name)
{
    static char *kwlist[] = {"path", "uid", "gid", "dir_fd", "follow_symlinks", NULL};
    PyObject *obj, *dir_fd = Py_None;
    int uid, gid, follow = follow_default;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "Oii|$Op", kwlist, &obj, &uid, &gid,
                                     &dir_fd, &follow)) {
        return NULL;
    }
    path_arg p;
    if (path_convert(obj, &p, name, "path") < 0) {
        return NULL;
    }
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = follow ? chown(PATH_CSTR(&p), (uid_t)uid, (gid_t)gid)
                 : lchown(PATH_CSTR(&p), (uid_t)uid, (gid_t)gid);
    Py_END_ALLOW_THREADS
    if (res != 0) {
        path_error(&p);
        path_release(&p);
        return NULL;
    }
    path_release(&p);
    Py_RETURN_NONE;
}

static PyObject *posix_chown(PyObject *module, PyObject *args, PyObject *kwargs)
{
    return posix_chown_impl(args, kwargs, 1, "chown");
}

static PyObject *posix_lchown(PyObject *module, PyObject *args, PyObject *kwargs)
{
    return posix_chown_impl(args, kwargs, 0, "lchown");
}

static PyObject *posix_setsid(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    if (setsid() < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *posix_getpgid(PyObject *module, PyObject *arg)
{
    int pid = PyLong_AsInt(arg);
    if (pid == -1 && PyErr_Occurred()) {
        return NULL;
    }
    pid_t res = getpgid((pid_t)pid);
    if (res < 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong((long)res);
}

static PyObject *posix_getpgrp(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong((long)getpgrp());
}

static PyObject *posix_setpgid(PyObject *module, PyObject *args)
{
    int pid, pgrp;
    if (!PyArg_ParseTuple(args, "ii:setpgid", &pid, &pgrp)) {
        return NULL;
    }
    if (setpgid((pid_t)pid, (pid_t)pgrp) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *posix_killpg(PyObject *module, PyObject *args)
{
    int pgid, sig;
    if (!PyArg_ParseTuple(args, "ii:killpg", &pgid, &sig)) {
        return NULL;
    }
    if (killpg((pid_t)pgid, sig) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *posix_getloadavg(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    double loads[3];
    if (getloadavg(loads, 3) != 3) {
        PyErr_SetString(PyExc_OSError, "Load averages are unobtainable");
        return NULL;
    }
    return Py_BuildValue("(ddd)", loads[0], loads[1], loads[2]);
}

/* The CPUs this process may run on: a set of CPU numbers. */
static PyObject *posix_sched_getaffinity(PyObject *module, PyObject *arg)
{
    int pid = PyLong_AsInt(arg);
    if (pid == -1 && PyErr_Occurred()) {
        return NULL;
    }
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity((pid_t)pid, sizeof(set), &set) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *result = PySet_New(NULL);
    if (result == NULL) {
        return NULL;
    }
    for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
        if (CPU_ISSET(cpu, &set)) {
            PyObject *n = PyLong_FromLong(cpu);
            if (n == NULL || PySet_Add(result, n) < 0) {
                Py_XDECREF(n);
                Py_DECREF(result);
                return NULL;
            }
            Py_DECREF(n);
        }
    }
    return result;
}

static PyObject *posix_getlogin(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    const char *name = getlogin();
    if (name == NULL) {
        if (errno) {
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        PyErr_SetString(PyExc_OSError, "unable to determine login name");
        return NULL;
    }
    return PyUnicode_DecodeFSDefault(name);
}

WAIT_MACRO(WIFSTOPPED, PyBool_FromLong(WIFSTOPPED(status)))
WAIT_MACRO(WSTOPSIG, PyLong_FromLong(WSTOPSIG(status)))
WAIT_MACRO(WCOREDUMP, PyBool_FromLong(WCOREDUMP(status)))
WAIT_MACRO(WIFCONTINUED, PyBool_FromLong(WIFCONTINUED(status)))

#define KW (METH_VARARGS | METH_KEYWORDS)
#define KWFUNC(f) _PyCFunction_CAST(f)

static PyMethodDef posix_methods[] = {
    {"stat", KWFUNC(posix_stat), KW, "Perform a stat system call on the given path."},
    {"lstat", KWFUNC(posix_lstat), KW, "Like stat(), but do not follow symbolic links."},
    {"fstat", posix_fstat, METH_O, "Perform a stat system call on the given fd."},
    {"getcwd", posix_getcwd, METH_NOARGS, "Return a unicode string of the current directory."},
    {"getcwdb", posix_getcwdb, METH_NOARGS, "Return a bytes string of the current directory."},
    {"listdir", KWFUNC(posix_listdir), KW, "Return a list of the entries in the directory."},
    {"remove", KWFUNC(posix_remove), KW, "Remove a file (same as unlink())."},
    {"unlink", KWFUNC(posix_unlink), KW, "Remove a file (same as remove())."},
    {"rmdir", KWFUNC(posix_rmdir), KW, "Remove a directory."},
    {"chdir", KWFUNC(posix_chdir), KW, "Change the current working directory."},
    {"mkdir", KWFUNC(posix_mkdir), KW, "Create a directory."},
    {"rename", KWFUNC(posix_rename), KW, "Rename a file or directory."},
    {"replace", KWFUNC(posix_replace), KW, "Rename, overwriting the destination."},
    {"link", KWFUNC(posix_link), KW, "Create a hard link to a file."},
    {"symlink", KWFUNC(posix_symlink), KW, "Create a symbolic link."},
    {"readlink", KWFUNC(posix_readlink), KW, "Return the target of a symbolic link."},
    {"access", KWFUNC(posix_access), KW, "Use the real uid/gid to test for access to a path."},
    {"chmod", KWFUNC(posix_chmod), KW, "Change the access permissions of a file."},
    {"utime", KWFUNC(posix_utime), KW, "Set the access and modified time of path."},
    {"execve", KWFUNC(posix_execve), KW, "Execute a path with arguments and environment."},
    {"get_inheritable", posix_get_inheritable, METH_O, "Get the inheritable flag of a fd."},
    {"set_inheritable", posix_set_inheritable, METH_VARARGS, "Set the inheritable flag."},
    {"get_blocking", posix_get_blocking, METH_O, "Get the blocking mode of a fd."},
    {"set_blocking", posix_set_blocking, METH_VARARGS, "Set the blocking mode of a fd."},
    {"closerange", posix_closerange, METH_VARARGS, "Close fds in [fd_low, fd_high)."},
    {"truncate", posix_truncate, METH_VARARGS, "Truncate a file to a given length."},
    {"fchmod", posix_fchmod, METH_VARARGS, "Change the access permissions of a fd."},
    {"chown", KWFUNC(posix_chown), KW, "Change the owner and group id of path."},
    {"lchown", KWFUNC(posix_lchown), KW, "Change the owner of path, not following links."},
    {"setsid", posix_setsid, METH_NOARGS, "Call the system call setsid()."},
    {"getpgid", posix_getpgid, METH_O, "Call the system call getpgid()."},
    {"getpgrp", posix_getpgrp, METH_NOARGS, "Return the current process group id."},
    {"setpgid", posix_setpgid, METH_VARARGS, "Call the system call setpgid()."},
    {"killpg", posix_killpg, METH_VARARGS, "Kill a process group with a signal."},
    {"getloadavg", posix_getloadavg, METH_NOARGS, "Return the system load averages."},
    {"sched_getaffinity", posix_sched_getaffinity, METH_O,
     "Return the set of CPUs the process is restricted to."},
    {"getlogin", posix_getlogin, METH_NOARGS, "Return the name of the logged-in user."},
    {"WIFSTOPPED", posix_WIFSTOPPED, METH_O, "True if the process was stopped."},
    {"WSTOPSIG", posix_WSTOPSIG, METH_O, "The signal that stopped the process."},
    {"WCOREDUMP", posix_WCOREDUMP, METH_O, "True if a core dump was generated."},
    {"WIFCONTINUED", posix_WIFCONTINUED, METH_O, "True if the process was continued."},
    {"open", KWFUNC(posix_open), KW, "Open a file for low level IO; return a descriptor."},
    {"close", KWFUNC(posix_close), KW, "Close a file descriptor."},
    {"read", posix_read, METH_VARARGS, "Read from a file descriptor."},
    {"write", posix_write, METH_VARARGS, "Write a bytes object to a file descriptor."},
    {"lseek", posix_lseek, METH_VARARGS, "Set the position of a file descriptor."},
    {"isatty", posix_isatty, METH_O, "Return True if the fd is connected to a terminal."},
    {"pipe", posix_pipe, METH_NOARGS, "Create a pipe; return (read_fd, write_fd)."},
    {"dup", posix_dup, METH_O, "Return a duplicate of a file descriptor."},
    {"dup2", KWFUNC(posix_dup2), KW, "Duplicate file descriptor."},
    {"fsync", posix_fsync, METH_O, "Force write of fd to disk."},
    {"ftruncate", posix_ftruncate, METH_VARARGS, "Truncate a file to a given length."},
    {"getpid", posix_getpid, METH_NOARGS, "Return the current process id."},
    {"getppid", posix_getppid, METH_NOARGS, "Return the parent's process id."},
    {"getuid", posix_getuid, METH_NOARGS, "Return the current process's user id."},
    {"geteuid", posix_geteuid, METH_NOARGS, "Return the current process's effective user id."},
    {"getgid", posix_getgid, METH_NOARGS, "Return the current process's group id."},
    {"umask", posix_umask, METH_O, "Set the current numeric umask and return the previous."},
    {"kill", posix_kill, METH_VARARGS, "Kill a process with a signal."},
    {"_exit", posix__exit, METH_O, "Exit to the system with specified status, without cleanup."},
    {"strerror", posix_strerror, METH_O, "Translate an error code to a message string."},
    {"putenv", posix_putenv, METH_VARARGS, "Change or add an environment variable."},
    {"unsetenv", posix_unsetenv, METH_O, "Delete an environment variable."},
    {"urandom", posix_urandom, METH_O, "Return a bytes object of random bytes for crypto."},
    {"cpu_count", posix_cpu_count, METH_NOARGS, "Return the number of logical CPUs."},
    {"uname", posix_uname, METH_NOARGS, "Return an object identifying the current system."},
    {"get_terminal_size", posix_get_terminal_size, METH_VARARGS, "Return the terminal size."},
    {"fspath", KWFUNC(posix_fspath), KW, "Return the file system path representation."},
    {"fork", posix_fork, METH_NOARGS, "Fork a child process."},
    {"execv", posix_execv, METH_VARARGS, "Execute an executable path with arguments."},
    {"waitpid", posix_waitpid, METH_VARARGS, "Wait for completion of a given child process."},
    {"waitstatus_to_exitcode", posix_waitstatus_to_exitcode, METH_O,
     "Convert a wait status to an exit code."},
    {"WIFEXITED", posix_WIFEXITED, METH_O, "True if the process exited normally."},
    {"WEXITSTATUS", posix_WEXITSTATUS, METH_O, "The exit status of a normal exit."},
    {"WIFSIGNALED", posix_WIFSIGNALED, METH_O, "True if the process was killed by a signal."},
    {"WTERMSIG", posix_WTERMSIG, METH_O, "The signal that killed the process."},
    {NULL, NULL, 0, NULL},
};

static int posix_add_constants(PyObject *m)
{
    static const struct {
        const char *name;
        long value;
    } constants[] = {
        {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
        {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
        {"O_APPEND", O_APPEND}, {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL},
        {"O_TRUNC", O_TRUNC}, {"O_NONBLOCK", O_NONBLOCK}, {"O_CLOEXEC", O_CLOEXEC},
        {"O_NOCTTY", O_NOCTTY}, {"O_SYNC", O_SYNC}, {"O_DIRECTORY", O_DIRECTORY},
        {"O_NOFOLLOW", O_NOFOLLOW}, {"O_ACCMODE", O_ACCMODE},
        {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END},
        {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED},
        {"EX_OK", 0},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(constants); i++) {
        if (PyModule_AddIntConstant(m, constants[i].name, constants[i].value) < 0) {
            return -1;
        }
    }
    return 0;
}

static int posix_exec(PyObject *m)
{
    posix_state *state = get_posix_state(m);
    /* Idempotent: every module instance writes the same constant. */
    for (int i = 7; i <= 9; i++) {
        stat_result_fields[i].name = PyStructSequence_UnnamedField;
    }
    state->stat_result_type = PyStructSequence_NewType(&stat_result_desc);
    state->uname_result_type = PyStructSequence_NewType(&uname_result_desc);
    state->terminal_size_type = PyStructSequence_NewType(&terminal_size_desc);
    if (state->stat_result_type == NULL || state->uname_result_type == NULL ||
        state->terminal_size_type == NULL) {
        return -1;
    }
    if (PyModule_AddObjectRef(m, "stat_result", (PyObject *)state->stat_result_type) < 0 ||
        PyModule_AddObjectRef(m, "uname_result", (PyObject *)state->uname_result_type) < 0 ||
        PyModule_AddObjectRef(m, "terminal_size", (PyObject *)state->terminal_size_type) < 0) {
        return -1;
    }
    if (PyModule_Add(m, "environ", environ_as_dict()) < 0) {
        return -1;
    }
    PyObject *error = Py_NewRef(PyExc_OSError);
    if (PyModule_Add(m, "error", error) < 0) {
        return -1;
    }
    return posix_add_constants(m);
}

static int posix_traverse(PyObject *m, visitproc visit, void *arg)
{
    posix_state *state = get_posix_state(m);
    Py_VISIT(state->stat_result_type);
    Py_VISIT(state->uname_result_type);
    Py_VISIT(state->terminal_size_type);
    return 0;
}

static int posix_clear(PyObject *m)
{
    posix_state *state = get_posix_state(m);
    Py_CLEAR(state->stat_result_type);
    Py_CLEAR(state->uname_result_type);
    Py_CLEAR(state->terminal_size_type);
    return 0;
}

static PyModuleDef_Slot posix_slots[] = {
    {Py_mod_exec, posix_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef posixmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "posix",
    .m_doc = "This module provides access to operating system functionality that is\n"
             "standardized by the C Standard and the POSIX standard.",
    .m_size = sizeof(posix_state),
    .m_methods = posix_methods,
    .m_slots = posix_slots,
    .m_traverse = posix_traverse,
    .m_clear = posix_clear,
};

PyMODINIT_FUNC
PyInit_posix(void)
{
    return PyModuleDef_Init(&posixmodule);
}
