/* Test extension: the PyArg_Parse* format units real extensions use, each reachable from
 * Python so that results and error messages can be compared with CPython's.  Uses no API newer
 * than CPython 3.11 (test_api compares its behaviour with CPython 3.11's when present). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* encode(unit, encoding, obj[, capacity]): parse obj with unit ("es", "et", "es#" or "et#")
 * and `encoding` (None: the default).  For the '#' units a capacity >= 0 gives a caller's
 * buffer of that many bytes (else the parser allocates one).  Returns the bytes, or
 * (bytes, length) for the '#' units. */
static PyObject *
encode(PyObject *module, PyObject *args)
{
    const char *unit;
    const char *encoding;
    PyObject *obj;
    Py_ssize_t capacity = -1;
    if (!PyArg_ParseTuple(args, "szO|n:encode", &unit, &encoding, &obj, &capacity)) {
        return NULL;
    }
    char format[32];
    PyOS_snprintf(format, sizeof(format), "%s:encode_unit", unit);
    PyObject *one = PyTuple_Pack(1, obj);
    if (one == NULL) {
        return NULL;
    }
    char local[16];
    char *buffer = NULL;
    Py_ssize_t size = 0;
    int ok;
    int with_size = strchr(unit, '#') != NULL;
    if (with_size) {
        if (capacity >= 0) {
            if (capacity > (Py_ssize_t)sizeof(local)) {
                Py_DECREF(one);
                PyErr_SetString(PyExc_ValueError, "capacity too large");
                return NULL;
            }
            buffer = local;
            size = capacity;
        }
        ok = PyArg_ParseTuple(one, format, encoding, &buffer, &size);
    }
    else {
        ok = PyArg_ParseTuple(one, format, encoding, &buffer);
    }
    Py_DECREF(one);
    if (!ok) {
        if (buffer != NULL && buffer != local) {
            PyErr_SetString(PyExc_AssertionError, "buffer left allocated after an error");
        }
        return NULL;
    }
    PyObject *res;
    if (with_size) {
        int terminated = buffer[size] == '\0';
        res = Py_BuildValue("(y#ni)", buffer, size, size, terminated);
    }
    else {
        res = PyBytes_FromString(buffer);
    }
    if (buffer != local) {
        PyMem_Free(buffer);
    }
    return res;
}

/* An es unit after a unit that fails: the es buffer must be freed by the parser. */
static PyObject *
encode_then_fail(PyObject *module, PyObject *args)
{
    char *buffer = NULL;
    int number;
    if (!PyArg_ParseTuple(args, "esi:encode_then_fail", "utf-8", &buffer, &number)) {
        if (buffer != NULL) {
            PyErr_SetString(PyExc_AssertionError, "buffer not reset after an error");
        }
        return NULL;
    }
    PyObject *res = Py_BuildValue("(yi)", buffer, number);
    PyMem_Free(buffer);
    return res;
}

/* Optional es# unit that is not given: the pointers stay as they were. */
static PyObject *
encode_optional(PyObject *module, PyObject *args)
{
    char *buffer = NULL;
    Py_ssize_t size = -7;
    int number = 0;
    if (!PyArg_ParseTuple(args, "i|et#:encode_optional", &number, "ascii", &buffer, &size)) {
        return NULL;
    }
    PyObject *res;
    if (buffer == NULL) {
        res = Py_BuildValue("(iOn)", number, Py_None, size);
    }
    else {
        res = Py_BuildValue("(iy#n)", number, buffer, size, size);
        PyMem_Free(buffer);
    }
    return res;
}

/* s*, y*, z* and w*: lengths and contents; w* sets the first byte of its buffer to 'W'. */
static PyObject *
buffers(PyObject *module, PyObject *args)
{
    Py_buffer s, y, z, w;
    if (!PyArg_ParseTuple(args, "s*y*z*w*:buffers", &s, &y, &z, &w)) {
        return NULL;
    }
    if (w.len > 0) {
        ((char *)w.buf)[0] = 'W';
    }
    PyObject *zval = z.buf == NULL ? Py_NewRef(Py_None)
                                   : PyBytes_FromStringAndSize(z.buf, z.len);
    PyObject *res = NULL;
    if (zval != NULL) {
        res = Py_BuildValue("(y#y#Nni)", (char *)s.buf, s.len, (char *)y.buf, y.len, zval,
                            w.len, w.readonly);
    }
    PyBuffer_Release(&s);
    PyBuffer_Release(&y);
    PyBuffer_Release(&z);
    PyBuffer_Release(&w);
    return res;
}

/* s#, y#, z#: contents and lengths. */
static PyObject *
sized(PyObject *module, PyObject *args)
{
    const char *s, *y, *z;
    Py_ssize_t slen, ylen, zlen;
    if (!PyArg_ParseTuple(args, "s#y#z#:sized", &s, &slen, &y, &ylen, &z, &zlen)) {
        return NULL;
    }
    return Py_BuildValue("(y#ny#nz#n)", s, slen, slen, y, ylen, ylen, z, zlen, zlen);
}

/* U, C, p, S, Y, O!: the objects (or values) as parsed. */
static PyObject *
objects(PyObject *module, PyObject *args)
{
    PyObject *u, *bytes, *array, *list;
    int ch, flag;
    if (!PyArg_ParseTuple(args, "UCpSYO!:objects", &u, &ch, &flag, &bytes, &array,
                          &PyList_Type, &list)) {
        return NULL;
    }
    return Py_BuildValue("(OiiOOO)", u, ch, flag, bytes, array, list);
}

/* Integer and float units with their range checks. */
static PyObject *
numbers(PyObject *module, PyObject *args)
{
    unsigned char b;
    short h;
    int i;
    long l;
    unsigned char B;
    unsigned short H;
    unsigned int I;
    unsigned long k;
    long long L;
    unsigned long long K;
    Py_ssize_t n;
    float f;
    double d;
    Py_complex D;
    char c;
    if (!PyArg_ParseTuple(args, "bhilBHIkLKnfdDc:numbers", &b, &h, &i, &l, &B, &H, &I, &k,
                          &L, &K, &n, &f, &d, &D, &c)) {
        return NULL;
    }
    return Py_BuildValue("(iiilIIIkLKndddc)", (int)b, (int)h, i, l, (unsigned)B, (unsigned)H,
                         I, k, L, K, n, (double)f, d, D.real, c);
}

/* Nested tuples, '|' and ':' -- "i(i(ss))|(dd):nested". */
static PyObject *
nested(PyObject *module, PyObject *args)
{
    int a, b;
    const char *s1, *s2;
    double x = -1.0, y = -1.0;
    if (!PyArg_ParseTuple(args, "i(i(ss))|(dd):nested", &a, &b, &s1, &s2, &x, &y)) {
        return NULL;
    }
    return Py_BuildValue("(iissdd)", a, b, s1, s2, x, y);
}

/* ';' replaces the whole error message. */
static PyObject *
custom_message(PyObject *module, PyObject *args)
{
    int a;
    if (!PyArg_ParseTuple(args, "i;an integer is what custom_message wants", &a)) {
        return NULL;
    }
    return PyLong_FromLong(a);
}

/* Keywords: positional-only, '|' optional and '$' keyword-only, with es and nested units. */
static PyObject *
keywords(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "text", "pair", "flag", "enc", NULL};
    int first, x = 0, y = 0, flag = 0;
    PyObject *text = NULL;
    char *enc = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i|U(ii)$pes:keywords", kwlist, &first,
                                     &text, &x, &y, &flag, "latin-1", &enc)) {
        return NULL;
    }
    PyObject *res = Py_BuildValue("(iOiiiy)", first, text ? text : Py_None, x, y, flag,
                                  enc);
    PyMem_Free(enc);
    return res;
}


/* ---- Py_BuildValue ---- */

static PyObject *
make_answer(void *arg)
{
    return PyLong_FromLong(*(int *)arg);
}

/* build_values() -> a list of Py_BuildValue results, one per group of format units. */
static PyObject *
build_values(PyObject *module, PyObject *unused)
{
    static int answer = 42;
    Py_complex z = {1.5, -2.0};
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    PyObject *owned = PyUnicode_FromString("stolen");
    if (owned == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    PyObject *items[] = {
        Py_BuildValue(""),
        Py_BuildValue("i", 7),
        Py_BuildValue("()"),
        Py_BuildValue("(i)", 7),
        Py_BuildValue("bBhHiIlk", -1, 255, -2, 65535, -3, 4000000000u, -5L, 6UL),
        Py_BuildValue("LKn", -(1LL << 62), ~0ULL, (Py_ssize_t)-9),
        Py_BuildValue("fdD", 0.5f, 0.25, &z),
        Py_BuildValue("cC", 'x', 0x263a),
        Py_BuildValue("ss#zz#", "abc", "de\0f", (Py_ssize_t)4, NULL, NULL, (Py_ssize_t)0),
        Py_BuildValue("yy#", "by", "b\0y", (Py_ssize_t)3),
        Py_BuildValue("uu#", L"wide\u263a", L"wide", (Py_ssize_t)2),
        Py_BuildValue("U", "unicode"),
        Py_BuildValue("[i,i]", 1, 2),
        Py_BuildValue("{s:i,s:(ii)}", "a", 1, "b", 2, 3),
        Py_BuildValue("((ii)[s]{})", 1, 2, "x"),
        Py_BuildValue("OSN", Py_None, Py_True, owned),
        Py_BuildValue("O&", make_answer, &answer),
        Py_BuildValue("s", NULL),
    };
    size_t count = sizeof(items) / sizeof(items[0]);
    int failed = 0;
    for (size_t i = 0; i < count; i++) {
        if (items[i] == NULL) {
            failed = 1;
            continue;
        }
        if (!failed && PyList_Append(list, items[i]) < 0) {
            failed = 1;
        }
        Py_DECREF(items[i]);
    }
    if (failed) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

/* Separators around units, also after the last one (accepted since CPython 3.13). */
static PyObject *
build_spaced(PyObject *module, PyObject *unused)
{
    return Py_BuildValue(" i , i :(i, ) ", 1, 2, 3);
}

/* build_error(n): a Py_BuildValue call that fails (SystemError). */
static PyObject *
build_error(PyObject *module, PyObject *arg)
{
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    switch (n) {
    case 0:
        return Py_BuildValue("(i", 1);
    case 1:
        return Py_BuildValue("{i}", 1);
    case 2:
        return Py_BuildValue("O", (PyObject *)NULL);
    case 3:
        return Py_BuildValue("Q", 1);
    default:
        return Py_BuildValue("[i)", 1);
    }
}

static PyMethodDef methods[] = {
    {"encode", encode, METH_VARARGS, NULL},
    {"encode_then_fail", encode_then_fail, METH_VARARGS, NULL},
    {"encode_optional", encode_optional, METH_VARARGS, NULL},
    {"buffers", buffers, METH_VARARGS, NULL},
    {"sized", sized, METH_VARARGS, NULL},
    {"objects", objects, METH_VARARGS, NULL},
    {"numbers", numbers, METH_VARARGS, NULL},
    {"nested", nested, METH_VARARGS, NULL},
    {"custom_message", custom_message, METH_VARARGS, NULL},
    {"build_values", build_values, METH_NOARGS, NULL},
    {"build_error", build_error, METH_O, NULL},
    {"build_spaced", build_spaced, METH_NOARGS, NULL},
    {"keywords", (PyCFunction)(void (*)(void))keywords, METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot slots[] = {
#ifdef Py_mod_gil
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "ext_getargs",
    .m_doc = "PyArg_Parse* format units.",
    .m_methods = methods,
    .m_slots = slots,
};

PyMODINIT_FUNC
PyInit_ext_getargs(void)
{
    return PyModuleDef_Init(&module_def);
}
