/* Building values from C (Py_BuildValue) and adding objects to modules (PyModule_Add*). */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_pyerrors.h"
#include "pycore_modsupport.h"

/* ---- Py_BuildValue ------------------------------------------------------------------------- */

/* Number of top-level items in format up to endchar ('\0', ')', ']' or '}'). */
static Py_ssize_t
countformat(const char *format, char endchar)
{
    Py_ssize_t count = 0;
    int level = 0;
    while (level > 0 || *format != endchar) {
        switch (*format) {
        case '\0':
            PyErr_SetString(PyExc_SystemError, "unmatched paren in format");
            return -1;
        case '(':
        case '[':
        case '{':
            if (level == 0) {
                count++;
            }
            level++;
            break;
        case ')':
        case ']':
        case '}':
            level--;
            break;
        case '#':
        case '&':
        case ',':
        case ':':
        case ' ':
        case '\t':
            break;
        default:
            if (level == 0) {
                count++;
            }
        }
        format++;
    }
    return count;
}

static PyObject *do_mkvalue(const char **p_format, va_list *p_va);

/* After the items of a container: skip the separators CPython allows (' ', '\t', ',', ':'),
 * then the format must go on with endchar, which is consumed (unless it is the final '\0').
 * 0, or -1 with SystemError. */
static int
close_container(const char **p_format, char endchar)
{
    while (**p_format != '\0' && strchr(" \t,:", **p_format) != NULL) {
        ++*p_format;
    }
    if (**p_format != endchar) {
        PyErr_SetString(PyExc_SystemError, "Unmatched paren in format");
        return -1;
    }
    if (endchar) {
        ++*p_format;
    }
    return 0;
}

/* Build n values into a new tuple (or list); on a failed item the remaining items are still
 * built (so 'N' arguments are released) and NULL is returned. */
static PyObject *
do_mksequence(const char **p_format, va_list *p_va, char endchar, Py_ssize_t n, int as_list)
{
    PyObject *v = as_list ? PyList_New(n) : PyTuple_New(n);
    int failed = v == NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *w = do_mkvalue(p_format, p_va);
        if (w == NULL) {
            failed = 1;
            continue;
        }
        if (failed) {
            Py_DECREF(w);
            continue;
        }
        if (as_list) {
            PyList_SET_ITEM(v, i, w);
        }
        else {
            PyTuple_SET_ITEM(v, i, w);
        }
    }
    if (failed || close_container(p_format, endchar) < 0) {
        Py_XDECREF(v);
        return NULL;
    }
    return v;
}

static PyObject *
do_mkdict(const char **p_format, va_list *p_va, char endchar, Py_ssize_t n)
{
    if (n % 2) {
        PyErr_SetString(PyExc_SystemError, "Bad dict format");
        return NULL;
    }
    PyObject *d = PyDict_New();
    int failed = d == NULL;
    for (Py_ssize_t i = 0; i < n; i += 2) {
        PyObject *k = do_mkvalue(p_format, p_va);
        PyObject *v = do_mkvalue(p_format, p_va);
        if (k == NULL || v == NULL || failed) {
            failed = 1;
            Py_XDECREF(k);
            Py_XDECREF(v);
            continue;
        }
        if (PyDict_SetItem(d, k, v) < 0) {
            failed = 1;
        }
        Py_DECREF(k);
        Py_DECREF(v);
    }
    if (failed || close_container(p_format, endchar) < 0) {
        Py_XDECREF(d);
        return NULL;
    }
    return d;
}

static PyObject *
do_mkvalue(const char **p_format, va_list *p_va)
{
    for (;;) {
        switch (*(*p_format)++) {
        case '(': {
            Py_ssize_t n = countformat(*p_format, ')');
            if (n < 0) {
                return NULL;
            }
            return do_mksequence(p_format, p_va, ')', n, 0);
        }
        case '[': {
            Py_ssize_t n = countformat(*p_format, ']');
            if (n < 0) {
                return NULL;
            }
            return do_mksequence(p_format, p_va, ']', n, 1);
        }
        case '{': {
            Py_ssize_t n = countformat(*p_format, '}');
            if (n < 0) {
                return NULL;
            }
            return do_mkdict(p_format, p_va, '}', n);
        }
        case 'b':
        case 'B':
        case 'h':
        case 'i':
            return PyLong_FromLong((long)va_arg(*p_va, int));
        case 'H':
            return PyLong_FromLong((long)(unsigned short)va_arg(*p_va, int));
        case 'I':
            return PyLong_FromUnsignedLong((unsigned long)va_arg(*p_va, unsigned int));
        case 'n':
            return PyLong_FromSsize_t(va_arg(*p_va, Py_ssize_t));
        case 'l':
            return PyLong_FromLong(va_arg(*p_va, long));
        case 'k':
            return PyLong_FromUnsignedLong(va_arg(*p_va, unsigned long));
        case 'L':
            return PyLong_FromLongLong(va_arg(*p_va, long long));
        case 'K':
            return PyLong_FromUnsignedLongLong(va_arg(*p_va, unsigned long long));
        case 'p':
            return PyBool_FromLong(va_arg(*p_va, int));
        case 'f':
        case 'd':
            return PyFloat_FromDouble(va_arg(*p_va, double));
        case 'D':
            return PyComplex_FromCComplex(*((Py_complex *)va_arg(*p_va, Py_complex *)));
        case 'c': {
            char p[1];
            p[0] = (char)va_arg(*p_va, int);
            return PyBytes_FromStringAndSize(p, 1);
        }
        case 'C': {
            int i = va_arg(*p_va, int);
            return PyUnicode_FromOrdinal(i);
        }
        case 's':
        case 'z':
        case 'U': {
            const char *str = va_arg(*p_va, const char *);
            Py_ssize_t n = -1;
            if (**p_format == '#') {
                ++*p_format;
                n = va_arg(*p_va, Py_ssize_t);
            }
            if (str == NULL) {
                Py_RETURN_NONE;
            }
            if (n < 0) {
                size_t m = strlen(str);
                if (m > PY_SSIZE_T_MAX) {
                    PyErr_SetString(PyExc_OverflowError, "string too long for Python string");
                    return NULL;
                }
                n = (Py_ssize_t)m;
            }
            return PyUnicode_FromStringAndSize(str, n);
        }
        case 'u': {
            const wchar_t *wstr = va_arg(*p_va, const wchar_t *);
            Py_ssize_t n = -1;
            if (**p_format == '#') {
                ++*p_format;
                n = va_arg(*p_va, Py_ssize_t);
            }
            if (wstr == NULL) {
                Py_RETURN_NONE;
            }
            return PyUnicode_FromWideChar(wstr, n);
        }
        case 'y': {
            const char *str = va_arg(*p_va, const char *);
            Py_ssize_t n = -1;
            if (**p_format == '#') {
                ++*p_format;
                n = va_arg(*p_va, Py_ssize_t);
            }
            if (str == NULL) {
                Py_RETURN_NONE;
            }
            if (n < 0) {
                n = (Py_ssize_t)strlen(str);
            }
            return PyBytes_FromStringAndSize(str, n);
        }
        case 'N':
        case 'S':
        case 'O':
            if (**p_format == '&') {
                typedef PyObject *(*converter)(void *);
                converter func = va_arg(*p_va, converter);
                void *arg = va_arg(*p_va, void *);
                ++*p_format;
                return (*func)(arg);
            }
            else {
                PyObject *v = va_arg(*p_va, PyObject *);
                if (v != NULL) {
                    if (*(*p_format - 1) != 'N') {
                        Py_INCREF(v);
                    }
                }
                else if (!PyErr_Occurred()) {
                    PyErr_SetString(PyExc_SystemError, "NULL object passed to Py_BuildValue");
                }
                return v;
            }
        case ':':
        case ',':
        case ' ':
        case '\t':
            break;
        default:
            PyErr_SetString(PyExc_SystemError, "bad format char passed to Py_BuildValue");
            return NULL;
        }
    }
}

PyObject *
Py_VaBuildValue(const char *format, va_list va)
{
    const char *f = format;
    Py_ssize_t n = countformat(f, '\0');
    va_list lva;
    if (n < 0) {
        return NULL;
    }
    if (n == 0) {
        Py_RETURN_NONE;
    }
    va_copy(lva, va);
    PyObject *retval;
    if (n == 1) {
        retval = do_mkvalue(&f, &lva);
    }
    else {
        retval = do_mksequence(&f, &lva, '\0', n, 0);
    }
    va_end(lva);
    return retval;
}

PyObject *
_Py_VaBuildValue_SizeT(const char *format, va_list va)
{
    return Py_VaBuildValue(format, va);
}

PyObject *
Py_BuildValue(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *retval = Py_VaBuildValue(format, va);
    va_end(va);
    return retval;
}

PyObject *
_Py_BuildValue_SizeT(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *retval = Py_VaBuildValue(format, va);
    va_end(va);
    return retval;
}

PyObject **
_Py_VaBuildStack(PyObject **small_stack, Py_ssize_t small_stack_len, const char *format,
                 va_list va, Py_ssize_t *p_nargs)
{
    const char *f = format;
    Py_ssize_t n = countformat(f, '\0');
    if (n < 0) {
        *p_nargs = 0;
        return NULL;
    }
    if (n == 0) {
        *p_nargs = 0;
        return small_stack;
    }
    PyObject **stack = small_stack;
    if (n > small_stack_len) {
        stack = PyMem_Malloc((size_t)n * sizeof(stack[0]));
        if (stack == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    va_list lva;
    va_copy(lva, va);
    int failed = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *w = do_mkvalue(&f, &lva);
        if (w == NULL) {
            failed = 1;
            stack[i] = NULL;
            continue;
        }
        stack[i] = w;
    }
    va_end(lva);
    if (failed) {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_XDECREF(stack[i]);
        }
        if (stack != small_stack) {
            PyMem_Free(stack);
        }
        return NULL;
    }
    *p_nargs = n;
    return stack;
}

PyObject *
_Py_BuildValue_Tuple(PyObject *const *items, Py_ssize_t n)
{
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(t, i, Py_NewRef(items[i]));
    }
    return t;
}

/* ---- adding to modules --------------------------------------------------------------------- */

int
PyModule_AddObjectRef(PyObject *mod, const char *name, PyObject *value)
{
    if (!PyModule_Check(mod)) {
        PyErr_SetString(PyExc_TypeError,
                        "PyModule_AddObjectRef() first argument must be a module");
        return -1;
    }
    if (!value) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError,
                            "PyModule_AddObjectRef() must be called with an exception raised "
                            "if value is NULL");
        }
        return -1;
    }
    PyObject *dict = PyModule_GetDict(mod);
    if (dict == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_SystemError, "module '%s' has no __dict__",
                         PyModule_GetName(mod));
        }
        return -1;
    }
    return PyDict_SetItemString(dict, name, value);
}

int
PyModule_Add(PyObject *mod, const char *name, PyObject *value)
{
    int res = PyModule_AddObjectRef(mod, name, value);
    Py_XDECREF(value);
    return res;
}

int
PyModule_AddObject(PyObject *mod, const char *name, PyObject *value)
{
    int res = PyModule_AddObjectRef(mod, name, value);
    if (res == 0) {
        Py_DECREF(value);
    }
    return res;
}

int
PyModule_AddIntConstant(PyObject *m, const char *name, long value)
{
    return PyModule_Add(m, name, PyLong_FromLong(value));
}

int
PyModule_AddStringConstant(PyObject *m, const char *name, const char *value)
{
    return PyModule_Add(m, name, PyUnicode_FromString(value));
}

int
PyModule_AddType(PyObject *module, PyTypeObject *type)
{
    if (!(type->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(type) < 0) {
        return -1;
    }
    const char *name = strrchr(type->tp_name, '.');
    name = name ? name + 1 : type->tp_name;
    return PyModule_AddObjectRef(module, name, (PyObject *)type);
}
