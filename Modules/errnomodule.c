/* The errno module: the symbolic error codes of the platform, and errorcode, the mapping from
 * code to name. */
#include "Python.h"

static const struct {
    const char *name;
    int value;
} errno_codes[] = {
#define E(name) {#name, name},
    E(EPERM) E(ENOENT) E(ESRCH) E(EINTR) E(EIO) E(ENXIO) E(E2BIG) E(ENOEXEC) E(EBADF)
    E(ECHILD) E(EAGAIN) E(ENOMEM) E(EACCES) E(EFAULT) E(ENOTBLK) E(EBUSY) E(EEXIST) E(EXDEV)
    E(ENODEV) E(ENOTDIR) E(EISDIR) E(EINVAL) E(ENFILE) E(EMFILE) E(ENOTTY) E(ETXTBSY)
    E(EFBIG) E(ENOSPC) E(ESPIPE) E(EROFS) E(EMLINK) E(EPIPE) E(EDOM) E(ERANGE) E(EDEADLK)
    E(ENAMETOOLONG) E(ENOLCK) E(ENOSYS) E(ENOTEMPTY) E(ELOOP) E(EWOULDBLOCK) E(ENOMSG)
    E(EIDRM) E(ENOSTR) E(ENODATA) E(ETIME) E(ENOSR) E(EREMOTE) E(ENOLINK) E(EPROTO)
    E(EBADMSG) E(EOVERFLOW) E(EILSEQ) E(EUSERS) E(ENOTSOCK) E(EDESTADDRREQ) E(EMSGSIZE)
    E(EPROTOTYPE) E(ENOPROTOOPT) E(EPROTONOSUPPORT) E(ESOCKTNOSUPPORT) E(EOPNOTSUPP)
    E(ENOTSUP) E(EPFNOSUPPORT) E(EAFNOSUPPORT) E(EADDRINUSE) E(EADDRNOTAVAIL) E(ENETDOWN)
    E(ENETUNREACH) E(ENETRESET) E(ECONNABORTED) E(ECONNRESET) E(ENOBUFS) E(EISCONN)
    E(ENOTCONN) E(ESHUTDOWN) E(ETOOMANYREFS) E(ETIMEDOUT) E(ECONNREFUSED) E(EHOSTDOWN)
    E(EHOSTUNREACH) E(EALREADY) E(EINPROGRESS) E(ESTALE) E(EDQUOT) E(ECANCELED)
    E(EOWNERDEAD) E(ENOTRECOVERABLE) E(ENOMEDIUM) E(EMEDIUMTYPE) E(ECHRNG) E(EL2NSYNC)
    E(EL3HLT) E(EL3RST) E(ELNRNG) E(EUNATCH) E(ENOCSI) E(EL2HLT) E(EBADE) E(EBADR)
    E(EXFULL) E(ENOANO) E(EBADRQC) E(EBADSLT) E(EDEADLOCK) E(EBFONT) E(ENONET) E(ENOPKG)
    E(EADV) E(ESRMNT) E(ECOMM) E(EDOTDOT) E(EMULTIHOP) E(ENOTUNIQ) E(EBADFD) E(EREMCHG)
    E(ELIBACC) E(ELIBBAD) E(ELIBSCN) E(ELIBMAX) E(ELIBEXEC) E(ERESTART) E(ESTRPIPE)
    E(EUCLEAN) E(ENOTNAM) E(ENAVAIL) E(EISNAM) E(EREMOTEIO) E(ENOKEY) E(EKEYEXPIRED)
    E(EKEYREVOKED) E(EKEYREJECTED) E(ERFKILL) E(EHWPOISON)
#undef E
};

/* errorcode keeps the first name listed for a value (EAGAIN before EWOULDBLOCK, ...). */
static int errno_exec(PyObject *m)
{
    PyObject *errorcode = PyDict_New();
    if (PyModule_Add(m, "errorcode", Py_XNewRef(errorcode)) < 0) {
        Py_XDECREF(errorcode);
        return -1;
    }
    int status = 0;
    for (size_t i = 0; i < Py_ARRAY_LENGTH(errno_codes) && status == 0; i++) {
        PyObject *name = PyUnicode_FromString(errno_codes[i].name);
        PyObject *code = PyLong_FromLong(errno_codes[i].value);
        if (name == NULL || code == NULL ||
            PyModule_AddObjectRef(m, errno_codes[i].name, code) < 0 ||
            PyDict_SetDefault(errorcode, code, name) == NULL) {
            status = -1;
        }
        Py_XDECREF(name);
        Py_XDECREF(code);
    }
    Py_DECREF(errorcode);
    return status;
}

static PyModuleDef_Slot errno_slots[] = {
    {Py_mod_exec, errno_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef errnomodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "errno",
    .m_doc = "This module makes available standard errno system symbols.",
    .m_size = 0,
    .m_slots = errno_slots,
};

PyMODINIT_FUNC
PyInit_errno(void)
{
    return PyModuleDef_Init(&errnomodule);
}
