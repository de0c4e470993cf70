/* _braid_testhelper: run a program and capture its output, for tests, until the subprocess
 * module exists.  Test helper only; not part of Braid's public library.
 *
 *   run(argv, input=None, env=None) -> (returncode, stdout_bytes, stderr_bytes)
 *
 * argv is a list of str/bytes (argv[0] is the program path, executed directly, no PATH
 * search); input is bytes written to the child's stdin (then closed), or None for an empty
 * stdin; env is a dict of str to str replacing the environment, or None to inherit it.
 * returncode is the exit status, or -signal if the child was killed by a signal, as
 * subprocess reports it. */
#ifndef _GNU_SOURCE
#  define _GNU_SOURCE 1  /* pipe2 */
#endif
#include "Python.h"
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <fcntl.h>

static char **to_cstrings(PyObject *seq, PyObject **keep, const char *what)
{
    PyObject *fast = PySequence_Fast(seq, what);
    if (fast == NULL) {
        return NULL;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    char **out = PyMem_Calloc((size_t)n + 1, sizeof(char *));
    PyObject *holder = PyList_New(0);
    if (out == NULL || holder == NULL) {
        PyMem_Free(out);
        Py_XDECREF(holder);
        Py_DECREF(fast);
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(fast, i);
        PyObject *bytes;
        if (PyUnicode_Check(item)) {
            bytes = PyUnicode_EncodeFSDefault(item);
        }
        else if (PyBytes_Check(item)) {
            bytes = Py_NewRef(item);
        }
        else {
            PyErr_Format(PyExc_TypeError, "%s items must be str or bytes", what);
            bytes = NULL;
        }
        if (bytes == NULL || PyList_Append(holder, bytes) < 0) {
            Py_XDECREF(bytes);
            PyMem_Free(out);
            Py_DECREF(holder);
            Py_DECREF(fast);
            return NULL;
        }
        out[i] = PyBytes_AS_STRING(bytes);
        Py_DECREF(bytes);
    }
    Py_DECREF(fast);
    *keep = holder;
    return out;
}

typedef struct {
    char *data;
    size_t len, cap;
} rawbuf;

/* Read what is available from fd into buf (raw memory: called without the GIL).
 * 1: more may come, 0: end of file, -1: out of memory. */
static int append_all(rawbuf *buf, int fd)
{
    char chunk[65536];
    ssize_t n = read(fd, chunk, sizeof(chunk));
    if (n <= 0) {
        return n == 0 ? 0 : (errno == EINTR || errno == EAGAIN ? 1 : 0);
    }
    if (buf->len + (size_t)n > buf->cap) {
        size_t cap = buf->cap ? buf->cap * 2 : 65536;
        while (cap < buf->len + (size_t)n) {
            cap *= 2;
        }
        char *p = PyMem_RawRealloc(buf->data, cap);
        if (p == NULL) {
            return -1;
        }
        buf->data = p;
        buf->cap = cap;
    }
    memcpy(buf->data + buf->len, chunk, (size_t)n);
    buf->len += (size_t)n;
    return 1;
}

static PyObject *helper_run(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"argv", "input", "env", NULL};
    PyObject *argv_obj, *input = Py_None, *env = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OO:run", kwlist, &argv_obj, &input,
                                     &env)) {
        return NULL;
    }
    PyObject *keep_argv = NULL, *keep_env = NULL, *env_list = NULL;
    char **argv = to_cstrings(argv_obj, &keep_argv, "argv");
    if (argv == NULL) {
        return NULL;
    }
    if (argv[0] == NULL) {
        PyMem_Free(argv);
        Py_DECREF(keep_argv);
        PyErr_SetString(PyExc_ValueError, "argv must not be empty");
        return NULL;
    }
    char **envp = NULL;
    if (env != Py_None) {
        if (!PyDict_Check(env)) {
            PyErr_SetString(PyExc_TypeError, "env must be a dict or None");
            goto fail_args;
        }
        env_list = PyList_New(0);
        if (env_list == NULL) {
            goto fail_args;
        }
        PyObject *k, *v;
        Py_ssize_t pos = 0;
        while (PyDict_Next(env, &pos, &k, &v)) {
            PyObject *entry = PyUnicode_FromFormat("%S=%S", k, v);
            if (entry == NULL || PyList_Append(env_list, entry) < 0) {
                Py_XDECREF(entry);
                goto fail_args;
            }
            Py_DECREF(entry);
        }
        envp = to_cstrings(env_list, &keep_env, "env");
        if (envp == NULL) {
            goto fail_args;
        }
    }
    const char *in_data = "";
    Py_ssize_t in_len = 0;
    if (input != Py_None) {
        if (!PyBytes_Check(input)) {
            PyErr_SetString(PyExc_TypeError, "input must be bytes or None");
            goto fail_args;
        }
        in_data = PyBytes_AS_STRING(input);
        in_len = PyBytes_GET_SIZE(input);
    }

    int in_pipe[2], out_pipe[2], err_pipe[2];
    if (pipe2(in_pipe, O_CLOEXEC) < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        goto fail_args;
    }
    if (pipe2(out_pipe, O_CLOEXEC) < 0) {
        close(in_pipe[0]);
        close(in_pipe[1]);
        PyErr_SetFromErrno(PyExc_OSError);
        goto fail_args;
    }
    if (pipe2(err_pipe, O_CLOEXEC) < 0) {
        close(in_pipe[0]);
        close(in_pipe[1]);
        close(out_pipe[0]);
        close(out_pipe[1]);
        PyErr_SetFromErrno(PyExc_OSError);
        goto fail_args;
    }
    pid_t pid = fork();
    if (pid == 0) {
        /* Child: only async-signal-safe calls from here. */
        dup2(in_pipe[0], 0);
        dup2(out_pipe[1], 1);
        dup2(err_pipe[1], 2);
        signal(SIGINT, SIG_DFL);
        signal(SIGPIPE, SIG_DFL);
        if (envp != NULL) {
            execve(argv[0], argv, envp);
        }
        else {
            execv(argv[0], argv);
        }
        _exit(127);
    }
    close(in_pipe[0]);
    close(out_pipe[1]);
    close(err_pipe[1]);
    if (pid < 0) {
        close(in_pipe[1]);
        close(out_pipe[0]);
        close(err_pipe[0]);
        PyErr_SetFromErrno(PyExc_OSError);
        goto fail_args;
    }

    rawbuf out = {NULL, 0, 0}, err = {NULL, 0, 0};
    int status = 0;
    int failed = 0;
    Py_BEGIN_ALLOW_THREADS
    Py_ssize_t written = 0;
    int in_open = 1, out_open = 1, err_open = 1;
    if (in_len == 0) {
        close(in_pipe[1]);
        in_open = 0;
    }
    else {
        fcntl(in_pipe[1], F_SETFL, O_NONBLOCK);
    }
    while (!failed && (out_open || err_open || in_open)) {
        struct pollfd fds[3];
        int nfds = 0;
        int idx_out = -1, idx_err = -1, idx_in = -1;
        if (out_open) {
            fds[nfds].fd = out_pipe[0];
            fds[nfds].events = POLLIN;
            idx_out = nfds++;
        }
        if (err_open) {
            fds[nfds].fd = err_pipe[0];
            fds[nfds].events = POLLIN;
            idx_err = nfds++;
        }
        if (in_open) {
            fds[nfds].fd = in_pipe[1];
            fds[nfds].events = POLLOUT;
            idx_in = nfds++;
        }
        if (poll(fds, (nfds_t)nfds, -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        if (idx_out >= 0 && fds[idx_out].revents) {
            int r = append_all(&out, out_pipe[0]);
            if (r < 0) {
                failed = 1;
            }
            else if (r == 0) {
                out_open = 0;
            }
        }
        if (idx_err >= 0 && fds[idx_err].revents) {
            int r = append_all(&err, err_pipe[0]);
            if (r < 0) {
                failed = 1;
            }
            else if (r == 0) {
                err_open = 0;
            }
        }
        if (idx_in >= 0 && fds[idx_in].revents) {
            ssize_t n = write(in_pipe[1], in_data + written, (size_t)(in_len - written));
            if (n > 0) {
                written += n;
            }
            if ((n < 0 && errno != EAGAIN && errno != EINTR) || written >= in_len) {
                close(in_pipe[1]);
                in_open = 0;
            }
        }
    }
    if (in_open) {
        close(in_pipe[1]);
    }
    close(out_pipe[0]);
    close(err_pipe[0]);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    Py_END_ALLOW_THREADS
    PyMem_Free(argv);
    Py_XDECREF(keep_argv);
    PyMem_Free(envp);
    Py_XDECREF(keep_env);
    Py_XDECREF(env_list);
    if (failed) {
        PyMem_RawFree(out.data);
        PyMem_RawFree(err.data);
        return PyErr_NoMemory();
    }
    int code = WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status);
    PyObject *result = Py_BuildValue("(iy#y#)", code, out.data ? out.data : "",
                                     (Py_ssize_t)out.len, err.data ? err.data : "",
                                     (Py_ssize_t)err.len);
    PyMem_RawFree(out.data);
    PyMem_RawFree(err.data);
    return result;

fail_args:
    PyMem_Free(argv);
    Py_XDECREF(keep_argv);
    PyMem_Free(envp);
    Py_XDECREF(keep_env);
    Py_XDECREF(env_list);
    return NULL;
}

static PyMethodDef helper_methods[] = {
    {"run", _PyCFunction_CAST(helper_run), METH_VARARGS | METH_KEYWORDS,
     "run(argv, input=None, env=None) -> (returncode, stdout, stderr)"},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot helper_slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef helper_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_braid_testhelper",
    .m_doc = "Test helper: run a program and capture its output (until subprocess exists).",
    .m_size = 0,
    .m_methods = helper_methods,
    .m_slots = helper_slots,
};

PyMODINIT_FUNC
PyInit__braid_testhelper(void)
{
    return PyModuleDef_Init(&helper_module);
}
