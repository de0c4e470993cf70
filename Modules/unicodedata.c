/* unicodedata: access to the Unicode Character Database.
 *
 * Built on the read-only tables generated into Objects/ by the strings room: character names
 * (Objects/unicodename.c), numeric values (Objects/unicodectype.c) and normalization
 * (Objects/unicodenorm.c: _PyUnicode_Normalize, _PyUnicode_CombiningClass,
 * _PyUnicode_GetDecomposition).  All data is immutable, so no locking is needed; the module keeps no
 * mutable state.
 *
 * Not available yet (no generated table): category, bidirectional, east_asian_width,
 * mirrored, and the tags of compatibility decompositions; those raise NotImplementedError. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_unicodeobject.h"

#define UNIDATA_VERSION "15.0.0"

/* Parse a normalization form name: sets *compat and *compose; -1 with ValueError if bad. */
static int
parse_form(PyObject *form, int *compat, int *compose)
{
    const char *f = PyUnicode_AsUTF8(form);
    if (f == NULL) {
        return -1;
    }
    if (strcmp(f, "NFC") == 0) {
        *compat = 0;
        *compose = 1;
    }
    else if (strcmp(f, "NFD") == 0) {
        *compat = 0;
        *compose = 0;
    }
    else if (strcmp(f, "NFKC") == 0) {
        *compat = 1;
        *compose = 1;
    }
    else if (strcmp(f, "NFKD") == 0) {
        *compat = 1;
        *compose = 0;
    }
    else {
        PyErr_SetString(PyExc_ValueError, "invalid normalization form");
        return -1;
    }
    return 0;
}

/* Check the (form, str) arguments of normalize()/is_normalized(). */
static int
check_form_args(const char *fname, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "%s expected 2 arguments, got %zd", fname, nargs);
        return -1;
    }
    for (int i = 0; i < 2; i++) {
        if (!PyUnicode_Check(args[i])) {
            PyErr_Format(PyExc_TypeError, "%s() argument %d must be str, not %.50s", fname,
                         i + 1, Py_TYPE(args[i])->tp_name);
            return -1;
        }
    }
    return 0;
}

/* Return a new reference. */
static PyObject *
unicodedata_normalize(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    int compat, compose;
    if (check_form_args("normalize", args, nargs) < 0 ||
        parse_form(args[0], &compat, &compose) < 0) {
        return NULL;
    }
    PyObject *res = _PyUnicode_Normalize(args[1], compat, compose);
    if (res != NULL && PyUnicode_CheckExact(args[1]) &&
        PyUnicode_Compare(res, args[1]) == 0) {
        Py_SETREF(res, Py_NewRef(args[1]));
    }
    return res;
}

/* Return a new reference. */
static PyObject *
unicodedata_is_normalized(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    int compat, compose;
    if (check_form_args("is_normalized", args, nargs) < 0 ||
        parse_form(args[0], &compat, &compose) < 0) {
        return NULL;
    }
    PyObject *res = _PyUnicode_Normalize(args[1], compat, compose);
    if (res == NULL) {
        return NULL;
    }
    int eq = PyUnicode_Compare(res, args[1]) == 0;
    Py_DECREF(res);
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(eq);
}

/* ---- per-character properties ------------------------------------------------------------ */

/* Extract the single character of arg into *ch; -1 with TypeError otherwise. */
static int
get_char(const char *fname, PyObject *arg, Py_UCS4 *ch)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "%s() argument 1 must be a unicode character, not %.50s",
                     fname, Py_TYPE(arg)->tp_name);
        return -1;
    }
    if (PyUnicode_GET_LENGTH(arg) != 1) {
        PyErr_Format(PyExc_TypeError, "%s() argument 1 must be a unicode character, not str",
                     fname);
        return -1;
    }
    *ch = PyUnicode_READ_CHAR(arg, 0);
    return 0;
}

/* Parse (chr[, default]) for name/decimal/digit/numeric. */
static int
get_char_default(const char *fname, PyObject *const *args, Py_ssize_t nargs, Py_UCS4 *ch,
                 PyObject **deflt)
{
    if (nargs < 1 || nargs > 2) {
        PyErr_Format(PyExc_TypeError, "%s expected at %s %d argument%s, got %zd", fname,
                     nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s",
                     nargs);
        return -1;
    }
    *deflt = nargs == 2 ? args[1] : NULL;
    return get_char(fname, args[0], ch);
}

/* Return a new reference: deflt, or raise ValueError(msg) if there is none. */
static PyObject *
use_default(PyObject *deflt, const char *msg)
{
    if (deflt == NULL) {
        PyErr_SetString(PyExc_ValueError, msg);
        return NULL;
    }
    return Py_NewRef(deflt);
}

static PyObject *
unicodedata_decimal(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_UCS4 ch;
    PyObject *deflt;
    if (get_char_default("decimal", args, nargs, &ch, &deflt) < 0) {
        return NULL;
    }
    int v = _PyUnicode_ToDecimalDigit(ch);
    if (v < 0) {
        return use_default(deflt, "not a decimal");
    }
    return PyLong_FromLong(v);
}

static PyObject *
unicodedata_digit(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_UCS4 ch;
    PyObject *deflt;
    if (get_char_default("digit", args, nargs, &ch, &deflt) < 0) {
        return NULL;
    }
    int v = _PyUnicode_ToDigit(ch);
    if (v < 0) {
        return use_default(deflt, "not a digit");
    }
    return PyLong_FromLong(v);
}

static PyObject *
unicodedata_numeric(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_UCS4 ch;
    PyObject *deflt;
    if (get_char_default("numeric", args, nargs, &ch, &deflt) < 0) {
        return NULL;
    }
    double v = _PyUnicode_ToNumeric(ch);
    if (v == -1.0) {
        return use_default(deflt, "not a numeric character");
    }
    return PyFloat_FromDouble(v);
}

static PyObject *
unicodedata_name(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_UCS4 ch;
    PyObject *deflt;
    char buf[256];
    if (get_char_default("name", args, nargs, &ch, &deflt) < 0) {
        return NULL;
    }
    if (!_PyUnicode_GetCharacterName(ch, buf, (int)sizeof(buf))) {
        return use_default(deflt, "no such name");
    }
    return PyUnicode_FromString(buf);
}

static PyObject *
unicodedata_lookup(PyObject *self, PyObject *arg)
{
    const char *name;
    Py_ssize_t size;
    if (PyUnicode_Check(arg)) {
        name = PyUnicode_AsUTF8AndSize(arg, &size);
        if (name == NULL) {
            return NULL;
        }
    }
    else if (PyBytes_Check(arg)) {
        name = PyBytes_AS_STRING(arg);
        size = PyBytes_GET_SIZE(arg);
    }
    else {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.50s'",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_UCS4 code;
    if (size > 256) {
        PyErr_SetString(PyExc_KeyError, "name too long");
        return NULL;
    }
    if (!_PyUnicode_LookupCharacterName(name, size, &code)) {
        PyErr_Format(PyExc_KeyError, "undefined character name '%.*s'", (int)size, name);
        return NULL;
    }
    return PyUnicode_FromOrdinal((int)code);
}

static PyObject *
unicodedata_combining(PyObject *self, PyObject *arg)
{
    Py_UCS4 ch;
    if (get_char("combining", arg, &ch) < 0) {
        return NULL;
    }
    return PyLong_FromLong(_PyUnicode_CombiningClass(ch));
}

static PyObject *
unicodedata_decomposition(PyObject *self, PyObject *arg)
{
    Py_UCS4 ch;
    if (get_char("decomposition", arg, &ch) < 0) {
        return NULL;
    }
    const Py_UCS4 *d;
    int n, compat;
    if (!_PyUnicode_GetDecomposition(ch, &d, &n, &compat)) {
        return PyUnicode_FromString("");
    }
    if (compat) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "unicodedata.decomposition(): compatibility decomposition tags "
                        "are not available in Braid's tables yet");
        return NULL;
    }
    char buf[16 * 9 + 1];
    size_t pos = 0;
    for (int k = 0; k < n && k < 16; k++) {
        pos += (size_t)snprintf(buf + pos, sizeof(buf) - pos, k ? " %04X" : "%04X",
                                (unsigned int)d[k]);
    }
    return PyUnicode_FromStringAndSize(buf, (Py_ssize_t)pos);
}

/* Properties without a generated table yet. */
static PyObject *
not_available(const char *fname, PyObject *arg)
{
    Py_UCS4 ch;
    if (get_char(fname, arg, &ch) < 0) {
        return NULL;
    }
    PyErr_Format(PyExc_NotImplementedError,
                 "unicodedata.%s() is not available: Braid has no table for this property yet",
                 fname);
    return NULL;
}

static PyObject *
unicodedata_category(PyObject *self, PyObject *arg)
{
    return not_available("category", arg);
}

static PyObject *
unicodedata_bidirectional(PyObject *self, PyObject *arg)
{
    return not_available("bidirectional", arg);
}

static PyObject *
unicodedata_east_asian_width(PyObject *self, PyObject *arg)
{
    return not_available("east_asian_width", arg);
}

static PyObject *
unicodedata_mirrored(PyObject *self, PyObject *arg)
{
    return not_available("mirrored", arg);
}

static PyMethodDef unicodedata_methods[] = {
    {"lookup", unicodedata_lookup, METH_O,
     "lookup($module, name, /)\n--\n\nLook up character by name."},
    {"name", (PyCFunction)(void (*)(void))unicodedata_name, METH_FASTCALL,
     "name($module, chr, default=<unrepresentable>, /)\n--\n\n"
     "Returns the name assigned to the character chr as a string."},
    {"decimal", (PyCFunction)(void (*)(void))unicodedata_decimal, METH_FASTCALL,
     "decimal($module, chr, default=<unrepresentable>, /)\n--\n\n"
     "Converts a Unicode character into its equivalent decimal value."},
    {"digit", (PyCFunction)(void (*)(void))unicodedata_digit, METH_FASTCALL,
     "digit($module, chr, default=<unrepresentable>, /)\n--\n\n"
     "Converts a Unicode character into its equivalent digit value."},
    {"numeric", (PyCFunction)(void (*)(void))unicodedata_numeric, METH_FASTCALL,
     "numeric($module, chr, default=<unrepresentable>, /)\n--\n\n"
     "Converts a Unicode character into its equivalent numeric value."},
    {"combining", unicodedata_combining, METH_O,
     "combining($module, chr, /)\n--\n\n"
     "Returns the canonical combining class assigned to the character chr as integer."},
    {"decomposition", unicodedata_decomposition, METH_O,
     "decomposition($module, chr, /)\n--\n\n"
     "Returns the character decomposition mapping assigned to the character chr."},
    {"category", unicodedata_category, METH_O,
     "category($module, chr, /)\n--\n\n"
     "Returns the general category assigned to the character chr as string."},
    {"bidirectional", unicodedata_bidirectional, METH_O,
     "bidirectional($module, chr, /)\n--\n\n"
     "Returns the bidirectional class assigned to the character chr as string."},
    {"east_asian_width", unicodedata_east_asian_width, METH_O,
     "east_asian_width($module, chr, /)\n--\n\n"
     "Returns the east asian width assigned to the character chr as string."},
    {"mirrored", unicodedata_mirrored, METH_O,
     "mirrored($module, chr, /)\n--\n\n"
     "Returns the mirrored property assigned to the character chr as integer."},
    {"normalize", (PyCFunction)(void (*)(void))unicodedata_normalize, METH_FASTCALL,
     "normalize($module, form, unistr, /)\n--\n\n"
     "Return the normal form 'form' for the Unicode string unistr."},
    {"is_normalized", (PyCFunction)(void (*)(void))unicodedata_is_normalized, METH_FASTCALL,
     "is_normalized($module, form, unistr, /)\n--\n\n"
     "Return whether the Unicode string unistr is in the normal form 'form'."},
    {NULL, NULL, 0, NULL},
};

static int
unicodedata_exec(PyObject *module)
{
    if (PyModule_AddStringConstant(module, "unidata_version", UNIDATA_VERSION) < 0) {
        return -1;
    }
    /* ucd_3_2_0: a minimal stand-in object that only reports its version. */
    PyObject *kw = Py_BuildValue("{s:s}", "unidata_version", "3.2.0");
    if (kw == NULL) {
        return -1;
    }
    PyObject *ucd = _PyNamespace_New(kw);
    Py_DECREF(kw);
    if (ucd == NULL) {
        return -1;
    }
    return PyModule_Add(module, "ucd_3_2_0", ucd);
}

static PyModuleDef_Slot unicodedata_slots[] = {
    {Py_mod_exec, unicodedata_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef unicodedata_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "unicodedata",
    .m_doc = "This module provides access to the Unicode Character Database which\n"
             "defines character properties for all Unicode characters.",
    .m_size = 0,
    .m_methods = unicodedata_methods,
    .m_slots = unicodedata_slots,
};

PyMODINIT_FUNC
PyInit_unicodedata(void)
{
    return PyModuleDef_Init(&unicodedata_module);
}
