/* File and locale helpers (Include/fileutils.h, Include/osmodule.h).
 *
 * Braid always runs in UTF-8 mode: bytes from the command line, the environment and the
 * file system are decoded as UTF-8 with surrogateescape (undecodable byte b becomes
 * U+DC00+b), and encoded back the same way. */
#include "Python.h"
#include <sys/stat.h>
#include <fcntl.h>

const char *Py_FileSystemDefaultEncoding = "utf-8";
const char *Py_FileSystemDefaultEncodeErrors = "surrogateescape";
int Py_HasFileSystemDefaultEncoding = 1;
int Py_UTF8Mode = 1;

/* Decode one UTF-8 sequence at s (n bytes available); return its length, or 0 if invalid. */
static int utf8_sequence(const unsigned char *s, size_t n, wchar_t *out)
{
    unsigned char c = s[0];
    int len;
    uint32_t cp;
    if (c < 0x80) {
        *out = c;
        return 1;
    }
    else if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
    }
    else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
    }
    else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
    }
    else {
        return 0;
    }
    if ((size_t)len > n) {
        return 0;
    }
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    static const uint32_t min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_cp[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    *out = (wchar_t)cp;
    return len;
}

wchar_t *Py_DecodeLocale(const char *arg, size_t *wlen)
{
    size_t n = strlen(arg);
    wchar_t *res = PyMem_RawMalloc((n + 1) * sizeof(wchar_t));
    if (res == NULL) {
        if (wlen != NULL) {
            *wlen = (size_t)-1;
        }
        return NULL;
    }
    const unsigned char *s = (const unsigned char *)arg;
    size_t i = 0, k = 0;
    while (i < n) {
        wchar_t ch;
        int len = utf8_sequence(s + i, n - i, &ch);
        if (len == 0) {
            res[k++] = (wchar_t)(0xDC00 + s[i]);  /* surrogateescape */
            i++;
        }
        else {
            res[k++] = ch;
            i += (size_t)len;
        }
    }
    res[k] = 0;
    if (wlen != NULL) {
        *wlen = k;
    }
    return res;
}

char *Py_EncodeLocale(const wchar_t *text, size_t *error_pos)
{
    size_t n = wcslen(text);
    char *res = PyMem_Malloc(n * 4 + 1);
    if (error_pos != NULL) {
        *error_pos = (size_t)-1;
    }
    if (res == NULL) {
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = (uint32_t)text[i];
        if (c >= 0xDC80 && c <= 0xDCFF) {
            res[k++] = (char)(c - 0xDC00);
        }
        else if (c < 0x80) {
            res[k++] = (char)c;
        }
        else if (c < 0x800) {
            res[k++] = (char)(0xC0 | (c >> 6));
            res[k++] = (char)(0x80 | (c & 0x3F));
        }
        else if (c < 0x10000) {
            if (c >= 0xD800 && c <= 0xDFFF) {
                if (error_pos != NULL) {
                    *error_pos = i;
                }
                PyMem_Free(res);
                return NULL;
            }
            res[k++] = (char)(0xE0 | (c >> 12));
            res[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
            res[k++] = (char)(0x80 | (c & 0x3F));
        }
        else {
            res[k++] = (char)(0xF0 | (c >> 18));
            res[k++] = (char)(0x80 | ((c >> 12) & 0x3F));
            res[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
            res[k++] = (char)(0x80 | (c & 0x3F));
        }
    }
    res[k] = '\0';
    return res;
}

char *_Py_ReadFile(const char *path, Py_ssize_t *size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        PyErr_SetFromErrnoWithFilename(PyExc_OSError, path);
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) < 0) {
        close(fd);
        PyErr_SetFromErrnoWithFilename(PyExc_OSError, path);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        errno = EISDIR;
        PyErr_SetFromErrnoWithFilename(PyExc_OSError, path);
        return NULL;
    }
    size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096;
    char *buf = PyMem_Malloc(cap);
    if (buf == NULL) {
        close(fd);
        PyErr_NoMemory();
        return NULL;
    }
    size_t len = 0;
    for (;;) {
        if (len + 1 >= cap) {
            cap *= 2;
            char *nbuf = PyMem_Realloc(buf, cap);
            if (nbuf == NULL) {
                PyMem_Free(buf);
                close(fd);
                PyErr_NoMemory();
                return NULL;
            }
            buf = nbuf;
        }
        ssize_t n = read(fd, buf + len, cap - len - 1);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            PyMem_Free(buf);
            close(fd);
            PyErr_SetFromErrnoWithFilename(PyExc_OSError, path);
            return NULL;
        }
        if (n == 0) {
            break;
        }
        len += (size_t)n;
    }
    close(fd);
    buf[len] = '\0';
    if (size != NULL) {
        *size = (Py_ssize_t)len;
    }
    return buf;
}

int _Py_IsFile(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int _Py_IsDir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

Py_ssize_t _Py_write_noraise(int fd, const void *buf, size_t count)
{
    size_t done = 0;
    while (done < count) {
        ssize_t n = write(fd, (const char *)buf + done, count - done);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        done += (size_t)n;
    }
    return (Py_ssize_t)done;
}

PyObject *PyOS_FSPath(PyObject *path)
{
    if (PyUnicode_Check(path) || PyBytes_Check(path)) {
        return Py_NewRef(path);
    }
    PyObject *func = _PyType_LookupRef(Py_TYPE(path), _Py_ID(__fspath__));
    if (func == NULL || func == Py_None) {
        Py_XDECREF(func);
        return PyErr_Format(PyExc_TypeError,
                            "expected str, bytes or os.PathLike object, not %.200s",
                            Py_TYPE(path)->tp_name);
    }
    PyObject *res = PyObject_CallOneArg(func, path);
    Py_DECREF(func);
    if (res == NULL) {
        return NULL;
    }
    if (!(PyUnicode_Check(res) || PyBytes_Check(res))) {
        PyErr_Format(PyExc_TypeError,
                     "expected %.200s.__fspath__() to return str or bytes, not %.200s",
                     Py_TYPE(path)->tp_name, Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

int PyObject_AsFileDescriptor(PyObject *o)
{
    int fd;
    if (PyLong_Check(o)) {
        fd = PyLong_AsInt(o);
    }
    else {
        PyObject *meth;
        if (PyObject_GetOptionalAttrString(o, "fileno", &meth) < 0) {
            return -1;
        }
        if (meth == NULL) {
            PyErr_SetString(PyExc_TypeError,
                            "argument must be an int, or have a fileno() method.");
            return -1;
        }
        PyObject *fno = PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
        if (fno == NULL) {
            return -1;
        }
        if (!PyLong_Check(fno)) {
            PyErr_SetString(PyExc_TypeError, "fileno() returned a non-integer");
            Py_DECREF(fno);
            return -1;
        }
        fd = PyLong_AsInt(fno);
        Py_DECREF(fno);
    }
    if (fd == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (fd < 0) {
        PyErr_Format(PyExc_ValueError,
                     "file descriptor cannot be a negative integer (%i)", fd);
        return -1;
    }
    return fd;
}
