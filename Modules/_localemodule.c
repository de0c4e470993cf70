/* The _locale module: a thin layer over the C library's locale functions (setlocale,
 * localeconv, nl_langinfo, strcoll, strxfrm) and message catalogs (gettext, textdomain,
 * ...), used by Lib/locale.py.
 *
 * Concurrency: the C locale is process-global state.  setlocale() changes it for every thread
 * of the process at once, and localeconv()/nl_langinfo() return pointers into static buffers
 * that a concurrent setlocale() may overwrite.  Like CPython, Braid does not lock around these
 * calls: changing the locale while other threads use locale-dependent functions is the
 * program's responsibility (the C standard makes the same rule); the gettext text domain is
 * process-global in the same way.  The module itself keeps no mutable state: its only state
 * object is the Error exception type, created once per module object in exec and never
 * changed afterwards. */
#include "Python.h"
#include "pycore_modsupport.h"      /* _PyArg_CheckPositional, _PyArg_BadArgument */

#include <errno.h>
#include <langinfo.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

typedef struct {
    PyObject *error;    /* locale.Error; set once in exec */
} locale_state;

static inline locale_state *
get_locale_state(PyObject *module)
{
    return (locale_state *)PyModule_GetState(module);
}

/* Return a new reference: the C string s decoded with the locale encoding. */
static PyObject *
locale_decode(const char *s)
{
    return PyUnicode_DecodeLocale(s, "surrogateescape");
}

static PyObject *
locale_setlocale(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setlocale", nargs, 1, 2)) {
        return NULL;
    }
    int category = PyLong_AsInt(args[0]);
    if (category == -1 && PyErr_Occurred()) {
        return NULL;
    }
    const char *locale = NULL;
    if (nargs == 2 && args[1] != Py_None) {
        if (!PyUnicode_Check(args[1])) {
            _PyArg_BadArgument("setlocale", "argument 2", "str or None", args[1]);
            return NULL;
        }
        Py_ssize_t size;
        locale = PyUnicode_AsUTF8AndSize(args[1], &size);
        if (locale == NULL) {
            return NULL;
        }
        if ((size_t)size != strlen(locale)) {
            PyErr_SetString(PyExc_ValueError, "embedded null character");
            return NULL;
        }
    }
    const char *result = setlocale(category, locale);
    if (result == NULL) {
        PyErr_SetString(get_locale_state(module)->error,
                        locale != NULL ? "unsupported locale setting" : "locale query failed");
        return NULL;
    }
    return locale_decode(result);
}

/* Return a new reference: the list of group sizes of a localeconv() grouping string.  The
 * list ends with CHAR_MAX (no further grouping) or 0 (repeat the last size), as in CPython. */
static PyObject *
grouping_list(const char *grouping)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    if (grouping == NULL || grouping[0] == '\0') {
        return list;
    }
    for (const char *p = grouping;; p++) {
        PyObject *item = PyLong_FromLong((unsigned char)*p);
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(item);
        if (*p == '\0' || (unsigned char)*p == CHAR_MAX) {
            break;
        }
    }
    return list;
}

/* Store value (stolen) under key in dict.  Return -1 on error (value may be NULL). */
static int
dict_add(PyObject *dict, const char *key, PyObject *value)
{
    if (value == NULL) {
        return -1;
    }
    int status = PyDict_SetItemString(dict, key, value);
    Py_DECREF(value);
    return status;
}

static PyObject *
locale_localeconv(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *result = PyDict_New();
    if (result == NULL) {
        return NULL;
    }
    const struct lconv *lc = localeconv();
    struct {
        const char *key;
        const char *value;
    } strings[] = {
        {"int_curr_symbol", lc->int_curr_symbol},
        {"currency_symbol", lc->currency_symbol},
        {"mon_decimal_point", lc->mon_decimal_point},
        {"mon_thousands_sep", lc->mon_thousands_sep},
        {"positive_sign", lc->positive_sign},
        {"negative_sign", lc->negative_sign},
        {"decimal_point", lc->decimal_point},
        {"thousands_sep", lc->thousands_sep},
    };
    struct {
        const char *key;
        char value;
    } numbers[] = {
        {"int_frac_digits", lc->int_frac_digits},
        {"frac_digits", lc->frac_digits},
        {"p_cs_precedes", lc->p_cs_precedes},
        {"p_sep_by_space", lc->p_sep_by_space},
        {"n_cs_precedes", lc->n_cs_precedes},
        {"n_sep_by_space", lc->n_sep_by_space},
        {"p_sign_posn", lc->p_sign_posn},
        {"n_sign_posn", lc->n_sign_posn},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(strings); i++) {
        if (dict_add(result, strings[i].key, locale_decode(strings[i].value)) < 0) {
            goto error;
        }
    }
    for (size_t i = 0; i < Py_ARRAY_LENGTH(numbers); i++) {
        PyObject *value = PyLong_FromLong((unsigned char)numbers[i].value);
        if (dict_add(result, numbers[i].key, value) < 0) {
            goto error;
        }
    }
    if (dict_add(result, "mon_grouping", grouping_list(lc->mon_grouping)) < 0 ||
        dict_add(result, "grouping", grouping_list(lc->grouping)) < 0) {
        goto error;
    }
    return result;
error:
    Py_DECREF(result);
    return NULL;
}

/* Return a new reference: str converted to a NUL-terminated wide string (PyMem_Free it). */
static wchar_t *
as_wide(PyObject *str)
{
    Py_ssize_t size;
    wchar_t *wide = PyUnicode_AsWideCharString(str, &size);
    if (wide == NULL) {
        return NULL;
    }
    if ((size_t)size != wcslen(wide)) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        PyMem_Free(wide);
        return NULL;
    }
    return wide;
}

static PyObject *
locale_strcoll(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("strcoll", nargs, 2, 2)) {
        return NULL;
    }
    for (int i = 0; i < 2; i++) {
        if (!PyUnicode_Check(args[i])) {
            _PyArg_BadArgument("strcoll", i == 0 ? "argument 1" : "argument 2", "str", args[i]);
            return NULL;
        }
    }
    wchar_t *ws1 = as_wide(args[0]);
    if (ws1 == NULL) {
        return NULL;
    }
    wchar_t *ws2 = as_wide(args[1]);
    if (ws2 == NULL) {
        PyMem_Free(ws1);
        return NULL;
    }
    int result = wcscoll(ws1, ws2);
    PyMem_Free(ws1);
    PyMem_Free(ws2);
    return PyLong_FromLong(result);
}

static PyObject *
locale_strxfrm(PyObject *module, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "strxfrm() argument must be str, not %.100s",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    wchar_t *source = as_wide(arg);
    if (source == NULL) {
        return NULL;
    }
    size_t capacity = wcslen(source) + 1;
    wchar_t *buffer = NULL;
    PyObject *result = NULL;
    for (;;) {
        wchar_t *grown = PyMem_Realloc(buffer, capacity * sizeof(wchar_t));
        if (grown == NULL) {
            PyErr_NoMemory();
            goto done;
        }
        buffer = grown;
        size_t needed = wcsxfrm(buffer, source, capacity);
        if (needed < capacity) {
            result = PyUnicode_FromWideChar(buffer, (Py_ssize_t)needed);
            goto done;
        }
        capacity = needed + 1;
    }
done:
    PyMem_Free(buffer);
    PyMem_Free(source);
    return result;
}

static PyObject *
locale_nl_langinfo(PyObject *module, PyObject *arg)
{
    int item = PyLong_AsInt(arg);
    if (item == -1 && PyErr_Occurred()) {
        return NULL;
    }
    /* nl_langinfo() answers "" for an unknown item; CPython rejects items it does not
     * list, so do the same. */
    static const int known[] = {
        CODESET, D_T_FMT, D_FMT, T_FMT, T_FMT_AMPM, AM_STR, PM_STR,
        DAY_1, DAY_2, DAY_3, DAY_4, DAY_5, DAY_6, DAY_7,
        ABDAY_1, ABDAY_2, ABDAY_3, ABDAY_4, ABDAY_5, ABDAY_6, ABDAY_7,
        MON_1, MON_2, MON_3, MON_4, MON_5, MON_6, MON_7, MON_8, MON_9, MON_10, MON_11, MON_12,
        ABMON_1, ABMON_2, ABMON_3, ABMON_4, ABMON_5, ABMON_6, ABMON_7, ABMON_8, ABMON_9,
        ABMON_10, ABMON_11, ABMON_12, RADIXCHAR, THOUSEP, YESEXPR, NOEXPR, CRNCYSTR,
        ERA, ERA_D_FMT, ERA_D_T_FMT, ERA_T_FMT, ALT_DIGITS, _DATE_FMT,
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(known); i++) {
        if (known[i] == item) {
            const char *value = nl_langinfo(item);
            return locale_decode(value != NULL ? value : "");
        }
    }
    PyErr_SetString(PyExc_ValueError, "unsupported langinfo constant");
    return NULL;
}

static PyObject *
locale_getencoding(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL || codeset[0] == '\0') {
        /* As CPython does when the C library cannot tell. */
        codeset = "UTF-8";
    }
    return PyUnicode_FromString(codeset);
}

/* -- gettext: message catalogs (process-global text domain state, like the locale) -- */

/* Store in *out the UTF-8 of obj (str) or NULL for None when none_ok.  Return -1 with
 * TypeError naming fname/argument otherwise. */
static int
text_argument(const char *fname, const char *argname, PyObject *obj, int none_ok,
              const char **out)
{
    if (none_ok && obj == Py_None) {
        *out = NULL;
        return 0;
    }
    if (!PyUnicode_Check(obj)) {
        _PyArg_BadArgument(fname, argname, none_ok ? "str or None" : "str", obj);
        return -1;
    }
    Py_ssize_t size;
    const char *text = PyUnicode_AsUTF8AndSize(obj, &size);
    if (text == NULL) {
        return -1;
    }
    if ((size_t)size != strlen(text)) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return -1;
    }
    *out = text;
    return 0;
}

static PyObject *
locale_gettext(PyObject *module, PyObject *arg)
{
    const char *msg;
    if (text_argument("gettext", "argument", arg, 0, &msg) < 0) {
        return NULL;
    }
    return PyUnicode_DecodeLocale(gettext(msg), NULL);
}

static PyObject *
locale_dgettext(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    const char *domain, *msg;
    if (!_PyArg_CheckPositional("dgettext", nargs, 2, 2) ||
        text_argument("dgettext", "argument 1", args[0], 1, &domain) < 0 ||
        text_argument("dgettext", "argument 2", args[1], 0, &msg) < 0) {
        return NULL;
    }
    return PyUnicode_DecodeLocale(dgettext(domain, msg), NULL);
}

static PyObject *
locale_dcgettext(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    const char *domain, *msg;
    if (!_PyArg_CheckPositional("dcgettext", nargs, 3, 3) ||
        text_argument("dcgettext", "argument 1", args[0], 1, &domain) < 0 ||
        text_argument("dcgettext", "argument 2", args[1], 0, &msg) < 0) {
        return NULL;
    }
    int category = PyLong_AsInt(args[2]);
    if (category == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyUnicode_DecodeLocale(dcgettext(domain, msg, category), NULL);
}

static PyObject *
locale_textdomain(PyObject *module, PyObject *arg)
{
    const char *domain;
    if (text_argument("textdomain", "argument", arg, 1, &domain) < 0) {
        return NULL;
    }
    const char *result = textdomain(domain);
    if (result == NULL) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyUnicode_DecodeLocale(result, NULL);
}

static PyObject *
locale_bindtextdomain(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    const char *domain;
    if (!_PyArg_CheckPositional("bindtextdomain", nargs, 2, 2) ||
        text_argument("bindtextdomain", "argument 1", args[0], 0, &domain) < 0) {
        return NULL;
    }
    if (domain[0] == '\0') {
        PyErr_SetString(get_locale_state(module)->error, "domain must be a non-empty string");
        return NULL;
    }
    PyObject *dir_bytes = NULL;
    const char *dir = NULL;
    if (args[1] != Py_None) {
        if (!PyUnicode_FSConverter(args[1], &dir_bytes)) {
            return NULL;
        }
        dir = PyBytes_AS_STRING(dir_bytes);
    }
    const char *result = bindtextdomain(domain, dir);
    Py_XDECREF(dir_bytes);
    if (result == NULL) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyUnicode_DecodeFSDefault(result);
}

static PyObject *
locale_bind_textdomain_codeset(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    const char *domain, *codeset;
    if (!_PyArg_CheckPositional("bind_textdomain_codeset", nargs, 2, 2) ||
        text_argument("bind_textdomain_codeset", "argument 1", args[0], 0, &domain) < 0 ||
        text_argument("bind_textdomain_codeset", "argument 2", args[1], 1, &codeset) < 0) {
        return NULL;
    }
    errno = 0;
    const char *result = bind_textdomain_codeset(domain, codeset);
    if (result == NULL) {
        if (errno != 0) {
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        Py_RETURN_NONE;
    }
    return PyUnicode_DecodeLocale(result, NULL);
}

static PyMethodDef locale_methods[] = {
    {"setlocale", _PyCFunction_CAST(locale_setlocale), METH_FASTCALL,
     "setlocale($module, category, locale=None, /)\n--\n\n"
     "Activates/queries locale processing."},
    {"localeconv", locale_localeconv, METH_NOARGS,
     "localeconv($module, /)\n--\n\nReturns numeric and monetary locale-specific parameters."},
    {"strcoll", _PyCFunction_CAST(locale_strcoll), METH_FASTCALL,
     "strcoll($module, os1, os2, /)\n--\n\nCompares two strings according to the locale."},
    {"strxfrm", locale_strxfrm, METH_O,
     "strxfrm($module, string, /)\n--\n\n"
     "Return a string that can be used as a key for locale-aware comparisons."},
    {"nl_langinfo", locale_nl_langinfo, METH_O,
     "nl_langinfo($module, key, /)\n--\n\nReturn the value for the locale information "
     "associated with key."},
    {"getencoding", locale_getencoding, METH_NOARGS,
     "getencoding($module, /)\n--\n\nGet the current locale encoding."},
    {"gettext", locale_gettext, METH_O,
     "gettext($module, msg, /)\n--\n\ngettext(msg) -> string\n\nReturn translation of msg."},
    {"dgettext", _PyCFunction_CAST(locale_dgettext), METH_FASTCALL,
     "dgettext($module, domain, msg, /)\n--\n\n"
     "dgettext(domain, msg) -> string\n\nReturn translation of msg in domain."},
    {"dcgettext", _PyCFunction_CAST(locale_dcgettext), METH_FASTCALL,
     "dcgettext($module, domain, msg, category, /)\n--\n\n"
     "Return translation of msg in domain and category."},
    {"textdomain", locale_textdomain, METH_O,
     "textdomain($module, domain, /)\n--\n\nSet the C library's textdmain to domain, "
     "returning the new domain."},
    {"bindtextdomain", _PyCFunction_CAST(locale_bindtextdomain), METH_FASTCALL,
     "bindtextdomain($module, domain, dir, /)\n--\n\n"
     "Bind the C library's domain to dir."},
    {"bind_textdomain_codeset", _PyCFunction_CAST(locale_bind_textdomain_codeset),
     METH_FASTCALL,
     "bind_textdomain_codeset($module, domain, codeset, /)\n--\n\n"
     "Bind the C library's domain to codeset."},
    {NULL, NULL, 0, NULL},
};

static int
locale_exec(PyObject *module)
{
    static const struct {
        const char *name;
        int value;
    } constants[] = {
#define C(name) {#name, name},
        C(LC_CTYPE) C(LC_TIME) C(LC_COLLATE) C(LC_MONETARY) C(LC_MESSAGES) C(LC_NUMERIC)
        C(LC_ALL) C(CHAR_MAX)
        C(CODESET) C(D_T_FMT) C(D_FMT) C(T_FMT) C(T_FMT_AMPM) C(AM_STR) C(PM_STR)
        C(DAY_1) C(DAY_2) C(DAY_3) C(DAY_4) C(DAY_5) C(DAY_6) C(DAY_7)
        C(ABDAY_1) C(ABDAY_2) C(ABDAY_3) C(ABDAY_4) C(ABDAY_5) C(ABDAY_6) C(ABDAY_7)
        C(MON_1) C(MON_2) C(MON_3) C(MON_4) C(MON_5) C(MON_6) C(MON_7) C(MON_8) C(MON_9)
        C(MON_10) C(MON_11) C(MON_12)
        C(ABMON_1) C(ABMON_2) C(ABMON_3) C(ABMON_4) C(ABMON_5) C(ABMON_6) C(ABMON_7)
        C(ABMON_8) C(ABMON_9) C(ABMON_10) C(ABMON_11) C(ABMON_12)
        C(RADIXCHAR) C(THOUSEP) C(YESEXPR) C(NOEXPR) C(CRNCYSTR)
        C(ERA) C(ERA_D_FMT) C(ERA_D_T_FMT) C(ERA_T_FMT) C(ALT_DIGITS) C(_DATE_FMT)
#undef C
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(constants); i++) {
        if (PyModule_AddIntConstant(module, constants[i].name, constants[i].value) < 0) {
            return -1;
        }
    }
    locale_state *state = get_locale_state(module);
    state->error = PyErr_NewException("locale.Error", NULL, NULL);
    if (state->error == NULL) {
        return -1;
    }
    return PyModule_AddObjectRef(module, "Error", state->error);
}

static int
locale_traverse(PyObject *module, visitproc visit, void *arg)
{
    Py_VISIT(get_locale_state(module)->error);
    return 0;
}

static int
locale_clear(PyObject *module)
{
    Py_CLEAR(get_locale_state(module)->error);
    return 0;
}

static void
locale_free(void *module)
{
    locale_clear((PyObject *)module);
}

static PyModuleDef_Slot locale_slots[] = {
    {Py_mod_exec, locale_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef localemodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_locale",
    .m_doc = "Support for POSIX locales.",
    .m_size = sizeof(locale_state),
    .m_methods = locale_methods,
    .m_slots = locale_slots,
    .m_traverse = locale_traverse,
    .m_clear = locale_clear,
    .m_free = locale_free,
};

PyMODINIT_FUNC
PyInit__locale(void)
{
    return PyModuleDef_Init(&localemodule);
}
