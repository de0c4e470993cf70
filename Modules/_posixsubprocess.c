/* _posixsubprocess: start a child process for Lib/subprocess.py.
 *
 * fork_exec(args, executables, cwd, env, fds, close_fds, pass_fds, start_new_session,
 *           child_umask) -> pid
 *
 *   args         list of bytes: the argv of the new program
 *   executables  list of bytes: paths to try with execve() in order (the PATH search is done
 *                by subprocess.py; the first that does not fail with ENOENT/ENOTDIR wins)
 *   cwd          bytes or None: directory to change to in the child
 *   env          list of b"NAME=value" or None (inherit the parent's environment)
 *   fds          (stdin, stdout, stderr): descriptors to install as 0, 1, 2 in the child, -1
 *                to leave one as it is
 *   close_fds    close every other descriptor above 2 (except pass_fds)
 *   pass_fds     sorted tuple of descriptors to keep open (made inheritable)
 *   start_new_session  call setsid() in the child
 *   child_umask  umask to set in the child, or -1
 *
 * This is Braid's own interface (CPython's _posixsubprocess.fork_exec takes more arguments
 * and is equally private).  Everything between fork() and exec() is async-signal-safe C:
 * no Python code, no allocation, no locks, because other threads of the parent may hold any
 * lock at the moment of the fork.  All argument conversion happens before the fork.
 *
 * Errors in the child (chdir, dup2, exec) are reported to the parent through a close-on-exec
 * pipe: the child writes "<step>:<errno>" and exits with status 255; the parent reads the pipe
 * (EOF without data means exec succeeded), reaps the child and raises the OSError subclass
 * for that errno, with the program or directory as the filename. */
#include "Python.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* Steps the child reports on failure. */
enum child_step { STEP_CHDIR = 1, STEP_DUP = 2, STEP_EXEC = 3, STEP_SETSID = 4 };

/* A NULL-terminated char* array whose strings are owned by the bytes objects in `keep`. */
typedef struct {
    char **items;
    PyObject *keep;       /* list of bytes objects the items point into */
} cstring_array;

static void cstring_array_clear(cstring_array *a)
{
    PyMem_Free(a->items);
    a->items = NULL;
    Py_CLEAR(a->keep);
}

/* Convert a sequence of bytes (or str, encoded with the file-system encoding) into a
 * NULL-terminated array.  0 on success, -1 with an exception set. */
static int cstring_array_from(PyObject *seq, const char *what, cstring_array *out)
{
    out->items = NULL;
    out->keep = NULL;
    PyObject *fast = PySequence_Fast(seq, what);
    if (fast == NULL) {
        return -1;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    out->keep = PyList_New(0);
    out->items = PyMem_Calloc((size_t)n + 1, sizeof(char *));
    if (out->keep == NULL || out->items == NULL) {
        Py_DECREF(fast);
        cstring_array_clear(out);
        if (!PyErr_Occurred()) {
            PyErr_NoMemory();
        }
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(fast, i);
        PyObject *bytes;
        if (PyBytes_Check(item)) {
            bytes = Py_NewRef(item);
        }
        else if (PyUnicode_Check(item)) {
            bytes = PyUnicode_EncodeFSDefault(item);
            if (bytes == NULL) {
                goto error;
            }
        }
        else {
            PyErr_Format(PyExc_TypeError, "%s must contain str or bytes, not %.200s", what,
                         Py_TYPE(item)->tp_name);
            goto error;
        }
        if (strlen(PyBytes_AS_STRING(bytes)) != (size_t)PyBytes_GET_SIZE(bytes)) {
            Py_DECREF(bytes);
            PyErr_SetString(PyExc_ValueError, "embedded null byte");
            goto error;
        }
        int rc = PyList_Append(out->keep, bytes);
        out->items[i] = PyBytes_AS_STRING(bytes);
        Py_DECREF(bytes);
        if (rc < 0) {
            goto error;
        }
    }
    Py_DECREF(fast);
    return 0;
error:
    Py_DECREF(fast);
    cstring_array_clear(out);
    return -1;
}

/* -- the child side: async-signal-safe only ------------------------------------------- */

static void child_report(int errpipe, int step, int err)
{
    char buf[32];
    int pos = 0;
    buf[pos++] = (char)('0' + step);
    buf[pos++] = ':';
    char digits[16];
    int nd = 0;
    do {
        digits[nd++] = (char)('0' + err % 10);
        err /= 10;
    } while (err > 0 && nd < 15);
    while (nd > 0) {
        buf[pos++] = digits[--nd];
    }
    ssize_t ignored = write(errpipe, buf, (size_t)pos);
    (void)ignored;
    _exit(255);
}

static int is_passed(int fd, const long *pass_fds, Py_ssize_t npass)
{
    for (Py_ssize_t i = 0; i < npass; i++) {
        if (pass_fds[i] == fd) {
            return 1;
        }
    }
    return 0;
}

/* Close every descriptor above 2 except errpipe and pass_fds.  Reads /proc/self/fd with the
 * getdents64 system call (opendir would allocate) and falls back to a bounded loop. */
static void child_close_fds(int errpipe, const long *pass_fds, Py_ssize_t npass)
{
    int dirfd = open("/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirfd >= 0) {
        char buf[4096];
        for (;;) {
            long nread = syscall(SYS_getdents64, dirfd, buf, sizeof(buf));
            if (nread <= 0) {
                break;
            }
            for (long off = 0; off < nread;) {
                /* struct linux_dirent64: u64 ino, s64 off, u16 reclen, u8 type, char name[] */
                unsigned short reclen;
                memcpy(&reclen, buf + off + 16, sizeof(reclen));
                const char *name = buf + off + 19;
                int fd = 0, numeric = name[0] != '\0';
                for (const char *c = name; *c; c++) {
                    if (*c < '0' || *c > '9') {
                        numeric = 0;
                        break;
                    }
                    fd = fd * 10 + (*c - '0');
                }
                if (numeric && fd > 2 && fd != errpipe && fd != dirfd &&
                    !is_passed(fd, pass_fds, npass)) {
                    close(fd);
                }
                off += reclen;
            }
        }
        close(dirfd);
        return;
    }
    long max_fd = sysconf(_SC_OPEN_MAX);
    if (max_fd < 0 || max_fd > 65536) {
        max_fd = 65536;
    }
    for (int fd = 3; fd < max_fd; fd++) {
        if (fd != errpipe && !is_passed(fd, pass_fds, npass)) {
            close(fd);
        }
    }
}

/* Install `fd` as descriptor `target` (0, 1 or 2), inheritable. */
static void child_install(int fd, int target, int errpipe)
{
    if (fd < 0) {
        return;
    }
    if (fd == target) {
        int flags = fcntl(fd, F_GETFD);
        if (flags < 0 || fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC) < 0) {
            child_report(errpipe, STEP_DUP, errno);
        }
        return;
    }
    if (dup2(fd, target) < 0) {
        child_report(errpipe, STEP_DUP, errno);
    }
}

static void child_exec(char *const *argv, char *const *executables, const char *cwd,
                       char *const *envp, const int fds[3], int close_fds,
                       const long *pass_fds, Py_ssize_t npass, int new_session, int umask_value,
                       int errpipe)
{
    /* Move descriptors that would be overwritten before they are used (for example
     * stdout's pipe being descriptor 0) out of the way first. */
    int moved[3];
    for (int i = 0; i < 3; i++) {
        moved[i] = fds[i];
        if (moved[i] >= 0 && moved[i] < 3 && moved[i] != i) {
            moved[i] = fcntl(moved[i], F_DUPFD_CLOEXEC, 3);
            if (moved[i] < 0) {
                child_report(errpipe, STEP_DUP, errno);
            }
        }
    }
    for (int i = 0; i < 3; i++) {
        child_install(moved[i], i, errpipe);
    }
    for (Py_ssize_t i = 0; i < npass; i++) {
        int flags = fcntl((int)pass_fds[i], F_GETFD);
        if (flags >= 0) {
            fcntl((int)pass_fds[i], F_SETFD, flags & ~FD_CLOEXEC);
        }
    }
    if (cwd != NULL && chdir(cwd) < 0) {
        child_report(errpipe, STEP_CHDIR, errno);
    }
    if (umask_value >= 0) {
        umask((mode_t)umask_value);
    }
    if (new_session && setsid() < 0) {
        child_report(errpipe, STEP_SETSID, errno);
    }
    /* Signals the parent ignores stay ignored across exec; restore the ones Python sets. */
    signal(SIGPIPE, SIG_DFL);
    if (close_fds) {
        child_close_fds(errpipe, pass_fds, npass);
    }
    int saved = ENOENT;
    for (Py_ssize_t i = 0; executables[i] != NULL; i++) {
        if (envp != NULL) {
            execve(executables[i], argv, envp);
        }
        else {
            execv(executables[i], argv);
        }
        if (errno != ENOENT && errno != ENOTDIR && saved == ENOENT) {
            saved = errno;
        }
    }
    child_report(errpipe, STEP_EXEC, saved);
}

/* -- the parent side -------------------------------------------------------------------- */

static int fd_from(PyObject *tuple, Py_ssize_t i, int *out)
{
    int value = PyLong_AsInt(PyTuple_GET_ITEM(tuple, i));
    if (value == -1 && PyErr_Occurred()) {
        return -1;
    }
    *out = value;
    return 0;
}

/* Read the child's failure report; return 1 and fill step/err if there was one, 0 if exec
 * succeeded, -1 on a read error (exception set). */
static int read_report(int fd, int *step, int *err)
{
    char buf[32];
    size_t got = 0;
    for (;;) {
        ssize_t n;
        Py_BEGIN_ALLOW_THREADS
        n = read(fd, buf + got, sizeof(buf) - 1 - got);
        Py_END_ALLOW_THREADS
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        if (n == 0 || got + (size_t)n >= sizeof(buf) - 1) {
            got += (size_t)(n > 0 ? n : 0);
            break;
        }
        got += (size_t)n;
    }
    if (got < 3) {
        return 0;
    }
    buf[got] = '\0';
    *step = buf[0] - '0';
    *err = 0;
    for (const char *c = buf + 2; *c >= '0' && *c <= '9'; c++) {
        *err = *err * 10 + (*c - '0');
    }
    return 1;
}

/* fork_exec(...): see the comment at the top.  Return a new reference (the pid). */
static PyObject *
subprocess_fork_exec(PyObject *module, PyObject *args)
{
    PyObject *argv_obj, *exec_obj, *cwd_obj, *env_obj, *fds_obj, *pass_obj;
    int close_fds, new_session, umask_value;
    if (!PyArg_ParseTuple(args, "OOOOO!pO!pi:fork_exec", &argv_obj, &exec_obj, &cwd_obj,
                          &env_obj, &PyTuple_Type, &fds_obj, &close_fds, &PyTuple_Type,
                          &pass_obj, &new_session, &umask_value)) {
        return NULL;
    }
    if (PyTuple_GET_SIZE(fds_obj) != 3) {
        PyErr_SetString(PyExc_ValueError, "fds must be a 3-tuple");
        return NULL;
    }
    int fds[3];
    for (int i = 0; i < 3; i++) {
        if (fd_from(fds_obj, i, &fds[i]) < 0) {
            return NULL;
        }
    }
    cstring_array argv = {0}, executables = {0}, env = {0};
    PyObject *cwd_bytes = NULL, *result = NULL;
    long *pass_fds = NULL;
    Py_ssize_t npass = PyTuple_GET_SIZE(pass_obj);
    int errpipe[2] = {-1, -1};

    if (cstring_array_from(argv_obj, "args", &argv) < 0 ||
        cstring_array_from(exec_obj, "executables", &executables) < 0) {
        goto done;
    }
    if (env_obj != Py_None && cstring_array_from(env_obj, "env", &env) < 0) {
        goto done;
    }
    if (cwd_obj != Py_None) {
        if (!PyUnicode_FSConverter(cwd_obj, &cwd_bytes)) {
            goto done;
        }
    }
    pass_fds = PyMem_Calloc((size_t)npass + 1, sizeof(long));
    if (pass_fds == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < npass; i++) {
        pass_fds[i] = PyLong_AsLong(PyTuple_GET_ITEM(pass_obj, i));
        if (pass_fds[i] == -1 && PyErr_Occurred()) {
            goto done;
        }
    }
    if (pipe2(errpipe, O_CLOEXEC) < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        goto done;
    }

    const char *cwd = cwd_bytes != NULL ? PyBytes_AS_STRING(cwd_bytes) : NULL;
    pid_t pid = fork();
    if (pid == 0) {
        close(errpipe[0]);
        child_exec(argv.items, executables.items, cwd, env.items, fds, close_fds, pass_fds,
                   npass, new_session, umask_value, errpipe[1]);
        _exit(255);     /* not reached: child_exec execs or exits */
    }
    if (pid < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        goto done;
    }
    close(errpipe[1]);
    errpipe[1] = -1;

    int step = 0, err = 0;
    int reported = read_report(errpipe[0], &step, &err);
    if (reported < 0) {
        goto done;
    }
    if (reported == 0) {
        result = PyLong_FromLong((long)pid);
        goto done;
    }
    /* The child failed before or in exec: reap it, then raise. */
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    errno = err;
    if (step == STEP_CHDIR) {
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, cwd_obj);
    }
    else if (step == STEP_EXEC) {
        PyObject *name = PySequence_GetItem(exec_obj, 0);
        if (name != NULL) {
            PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, name);
            Py_DECREF(name);
        }
    }
    else {
        PyErr_SetFromErrno(PyExc_OSError);
    }

done:
    if (errpipe[0] >= 0) {
        close(errpipe[0]);
    }
    if (errpipe[1] >= 0) {
        close(errpipe[1]);
    }
    PyMem_Free(pass_fds);
    Py_XDECREF(cwd_bytes);
    cstring_array_clear(&argv);
    cstring_array_clear(&executables);
    cstring_array_clear(&env);
    return result;
}

static PyMethodDef subprocess_methods[] = {
    {"fork_exec", subprocess_fork_exec, METH_VARARGS,
     "fork_exec(args, executables, cwd, env, fds, close_fds, pass_fds, start_new_session,\n"
     "          child_umask) -> pid\n\nStart a child process (used by subprocess.Popen)."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot subprocess_slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef subprocess_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_posixsubprocess",
    .m_doc = "Starting child processes safely for the subprocess module.",
    .m_size = 0,
    .m_methods = subprocess_methods,
    .m_slots = subprocess_slots,
};

PyMODINIT_FUNC
PyInit__posixsubprocess(void)
{
    return PyModuleDef_Init(&subprocess_module);
}
