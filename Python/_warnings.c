/* Issuing warnings (Include/warnings.h) and the _warnings module.
 *
 * The filters list holds (action, message, category, module, lineno) tuples.  message and
 * module are None, a str (from -W / PYTHONWARNINGS: message is a case-insensitive prefix,
 * module an exact name, as the regular expressions warnings.py builds for them), or an
 * object with a match() method (compiled by Lib/warnings.py).  The filters, the "once"
 * registry and the default action live in interp->warnings; Lib/warnings.py shares them.
 *
 * Locking.  Every thread that warns may replace interp->warnings.filters and .default_action
 * (they follow warnings.filters and warnings.defaultaction when Python code rebinds them, as
 * catch_warnings does), and warnings._filters_mutated() bumps .filters_version.
 * `warnings_mutex` protects those three fields: a reader takes a new reference under it
 * (state_get), a writer swaps the pointer under it and releases the old value after unlocking
 * (state_set), since a release may run finalizers that warn.  It is a leaf lock: nothing that
 * takes another lock or runs code happens while it is held.  .once_registry is only set at
 * start-up and cleared at finalization; _PyWarnings_InitState fills the state before any other
 * thread exists.  The filters list and the registries are protected by their own per-object
 * locks.  Matching a filter runs Python code (a pattern's match(), __subclasscheck__) during
 * which another thread may replace or change the list, so get_filter holds its own references
 * to the list, to the filter tuple being matched and to the action it returns.  As in CPython
 * 3.13, threads that change the filters while others warn (catch_warnings is not thread-safe)
 * may see each other's filters, but never a freed one. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_pylifecycle.h"
#include "pycore_initconfig.h"
#include "pycore_sysmodule.h"

static struct _warnings_runtime_state *warnings_state(void)
{
    return &_PyInterpreterState_GET()->warnings;
}

/* Protects the filters, default_action and filters_version fields of every interpreter's
 * warnings state (see the header comment).  Never held across a call that may run code. */
static PyMutex warnings_mutex;

/* New reference to the state field *field (NULL if it is cleared). */
static PyObject *state_get(PyObject **field)
{
    PyMutex_Lock(&warnings_mutex);
    PyObject *value = Py_XNewRef(*field);
    PyMutex_Unlock(&warnings_mutex);
    return value;
}

/* Store a new reference to value (may be NULL) in the state field *field. */
static void state_set(PyObject **field, PyObject *value)
{
    PyMutex_Lock(&warnings_mutex);
    PyObject *old = *field;
    *field = Py_XNewRef(value);
    PyMutex_Unlock(&warnings_mutex);
    Py_XDECREF(old);
}

static long filters_version(struct _warnings_runtime_state *st)
{
    PyMutex_Lock(&warnings_mutex);
    long version = st->filters_version;
    PyMutex_Unlock(&warnings_mutex);
    return version;
}

/* Append one filter.  Steals nothing.  0 or -1. */
static int add_filter(PyObject *filters, const char *action, PyObject *message,
                      PyObject *category, PyObject *module, int lineno, int append)
{
    PyObject *item = Py_BuildValue("(sOOOi)", action, message, category, module, lineno);
    if (item == NULL) {
        return -1;
    }
    int rc = append ? PyList_Append(filters, item) : PyList_Insert(filters, 0, item);
    Py_DECREF(item);
    return rc;
}

static PyObject *category_from_name(const char *name)
{
    if (name[0] == '\0') {
        return Py_NewRef(PyExc_Warning);
    }
    PyObject *builtins = _PyInterpreterState_GET()->builtins;
    PyObject *cat = PyDict_GetItemString(builtins, name);
    if (cat == NULL || !PyType_Check(cat) ||
        !PyType_IsSubtype((PyTypeObject *)cat, (PyTypeObject *)PyExc_Warning)) {
        return NULL;
    }
    return Py_NewRef(cat);
}

/* Parse one -W option "action:message:category:module:lineno" and add it first. */
static int add_option(PyObject *filters, const char *option)
{
    char *copy = _PyMem_RawStrdup(option);
    if (copy == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    char *parts[5] = {"", "", "", "", ""};
    int n = 0;
    char *p = copy;
    parts[n++] = p;
    while (*p && n < 5) {
        if (*p == ':') {
            *p = '\0';
            parts[n++] = p + 1;
        }
        p++;
    }
    for (int i = 0; i < 5; i++) {
        char *s = parts[i];
        while (*s == ' ') {
            s++;
        }
        char *e = s + strlen(s);
        while (e > s && e[-1] == ' ') {
            *--e = '\0';
        }
        parts[i] = s;
    }
    static const char *const actions[] = {"default", "always", "all", "ignore", "module",
                                          "once", "error", NULL};
    const char *action = NULL;
    for (int i = 0; actions[i] != NULL; i++) {
        if (parts[0][0] != '\0' && strncmp(actions[i], parts[0], strlen(parts[0])) == 0) {
            action = actions[i];
            break;
        }
    }
    if (parts[0][0] == '\0') {
        action = "default";
    }
    int rc = 0;
    PyObject *category = action ? category_from_name(parts[2]) : NULL;
    if (action == NULL || category == NULL) {
        /* CPython reports "Invalid -W option ignored" from warnings.py. */
        PySys_WriteStderr("Invalid -W option ignored: invalid %s: %s\n",
                          action == NULL ? "action" : "category",
                          action == NULL ? parts[0] : parts[2]);
        PyMem_RawFree(copy);
        Py_XDECREF(category);
        return 0;
    }
    PyObject *message = parts[1][0] ? PyUnicode_FromString(parts[1]) : Py_NewRef(Py_None);
    PyObject *module = parts[3][0] ? PyUnicode_FromString(parts[3]) : Py_NewRef(Py_None);
    int lineno = parts[4][0] ? atoi(parts[4]) : 0;
    if (message == NULL || module == NULL ||
        add_filter(filters, action, message, category, module, lineno, 0) < 0) {
        rc = -1;
    }
    Py_XDECREF(message);
    Py_XDECREF(module);
    Py_DECREF(category);
    PyMem_RawFree(copy);
    return rc;
}

int _PyWarnings_InitState(PyInterpreterState *interp)
{
    struct _warnings_runtime_state *st = &interp->warnings;
    st->filters = PyList_New(0);
    st->once_registry = PyDict_New();
    st->default_action = PyUnicode_FromString("default");
    if (st->filters == NULL || st->once_registry == NULL || st->default_action == NULL) {
        return -1;
    }
    PyObject *main_name = PyUnicode_FromString("__main__");
    if (main_name == NULL) {
        return -1;
    }
    int dev = _Py_CoreConfig.dev_mode;
    int rc = 0;
    if (!dev) {
        rc = add_filter(st->filters, "default", Py_None, PyExc_DeprecationWarning, main_name,
                        0, 1) < 0 ||
             add_filter(st->filters, "ignore", Py_None, PyExc_DeprecationWarning, Py_None,
                        0, 1) < 0 ||
             add_filter(st->filters, "ignore", Py_None, PyExc_PendingDeprecationWarning,
                        Py_None, 0, 1) < 0 ||
             add_filter(st->filters, "ignore", Py_None, PyExc_ImportWarning, Py_None, 0,
                        1) < 0 ||
             add_filter(st->filters, "ignore", Py_None, PyExc_ResourceWarning, Py_None, 0,
                        1) < 0 ? -1 : 0;
    }
    Py_DECREF(main_name);
    if (rc < 0) {
        return -1;
    }
    /* -b / -bb */
    if (_Py_CoreConfig.bytes_warning) {
        if (add_filter(st->filters, _Py_CoreConfig.bytes_warning > 1 ? "error" : "default",
                       Py_None, PyExc_BytesWarning, Py_None, 0, 0) < 0) {
            return -1;
        }
    }
    for (int i = 0; i < _Py_CoreConfig.nwarnoptions; i++) {
        if (add_option(st->filters, _Py_CoreConfig.warnoptions[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

void _PyWarnings_Fini(PyInterpreterState *interp)
{
    state_set(&interp->warnings.filters, NULL);
    state_set(&interp->warnings.default_action, NULL);
    Py_CLEAR(interp->warnings.once_registry);
}

/* Does filter component `pattern` match `text`?  1, 0 or -1. */
static int check_matched(PyObject *pattern, PyObject *text, int prefix_nocase)
{
    if (pattern == Py_None) {
        return 1;
    }
    if (PyUnicode_Check(pattern)) {
        if (!PyUnicode_Check(text)) {
            return 0;
        }
        if (!prefix_nocase) {
            return PyUnicode_Compare(pattern, text) == 0;
        }
        PyObject *a = PyObject_CallMethod(pattern, "lower", NULL);
        PyObject *b = PyObject_CallMethod(text, "lower", NULL);
        int r = -1;
        if (a != NULL && b != NULL) {
            r = PyUnicode_Tailmatch(b, a, 0, PY_SSIZE_T_MAX, -1);
        }
        Py_XDECREF(a);
        Py_XDECREF(b);
        return r;
    }
    PyObject *m = PyObject_CallMethod(pattern, "match", "O", text);
    if (m == NULL) {
        return -1;
    }
    int r = PyObject_IsTrue(m);
    Py_DECREF(m);
    return r;
}

/* warnings.<name> as a new reference in *result if the warnings module is imported and has
 * it: 1 if so, 0 if not, -1 with an exception. */
static int warnings_module_attr(const char *name, PyObject **result)
{
    *result = NULL;
    PyObject *wmod = PyImport_GetModule(_Py_ID(warnings));
    if (wmod == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    int rc = PyObject_GetOptionalAttrString(wmod, name, result);
    Py_DECREF(wmod);
    return rc;
}

/* The filters list: warnings.filters, which becomes the state's, or the state's own list when
 * the warnings module is not imported.  New reference, or NULL with an exception. */
static PyObject *get_filters(struct _warnings_runtime_state *st)
{
    PyObject *filters;
    int found = warnings_module_attr("filters", &filters);
    if (found < 0) {
        return NULL;
    }
    if (found) {
        state_set(&st->filters, filters);
    }
    else {
        filters = state_get(&st->filters);
    }
    if (filters == NULL || !PyList_Check(filters)) {
        Py_XDECREF(filters);
        PyErr_SetString(PyExc_ValueError, "_warnings.filters must be a list");
        return NULL;
    }
    return filters;
}

/* The action when no filter matches: warnings.defaultaction, which becomes the state's, or the
 * state's own.  New reference, or NULL with an exception. */
static PyObject *get_default_action(struct _warnings_runtime_state *st)
{
    PyObject *action;
    int found = warnings_module_attr("defaultaction", &action);
    if (found < 0) {
        return NULL;
    }
    if (!found) {
        return state_get(&st->default_action);
    }
    if (!PyUnicode_Check(action)) {
        PyErr_Format(PyExc_TypeError, "_warnings.defaultaction must be a string, not '%.200s'",
                     Py_TYPE(action)->tp_name);
        Py_DECREF(action);
        return NULL;
    }
    state_set(&st->default_action, action);
    return action;
}

/* Does the filter tuple f match?  1, 0 or -1.  The caller holds a reference to f, which keeps
 * its items alive while the patterns run Python code. */
static int filter_matches(PyObject *f, Py_ssize_t index, PyObject *category, PyObject *text,
                          int lineno, PyObject *module)
{
    if (!PyTuple_Check(f) || PyTuple_GET_SIZE(f) != 5) {
        PyErr_Format(PyExc_ValueError, "_warnings.filters item %zd isn't a 5-tuple", index);
        return -1;
    }
    PyObject *msg = PyTuple_GET_ITEM(f, 1);
    PyObject *cat = PyTuple_GET_ITEM(f, 2);
    PyObject *mod = PyTuple_GET_ITEM(f, 3);
    PyObject *ln_obj = PyTuple_GET_ITEM(f, 4);
    int good_msg = check_matched(msg, text, 1);
    if (good_msg < 0) {
        return -1;
    }
    int good_mod = check_matched(mod, module, 0);
    if (good_mod < 0) {
        return -1;
    }
    int is_sub = PyObject_IsSubclass(category, cat);
    if (is_sub < 0) {
        return -1;
    }
    long ln = PyLong_AsLong(ln_obj);
    if (ln == -1 && PyErr_Occurred()) {
        return -1;
    }
    return good_msg && is_sub && good_mod && (ln == 0 || lineno == ln);
}

/* The action for the warning: a new reference, or NULL with an exception.  *item gets a new
 * reference to the matching filter, or NULL when the default action applies.  The list may
 * change (or stop being warnings.filters) while the filters' patterns run: each item is taken
 * with its own reference, and a list that shrank under us simply ends earlier. */
static PyObject *get_filter(PyObject *category, PyObject *text, int lineno, PyObject *module,
                            PyObject **item)
{
    struct _warnings_runtime_state *st = warnings_state();
    *item = NULL;
    PyObject *filters = get_filters(st);
    if (filters == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(filters); i++) {
        PyObject *f = PyList_GetItemRef(filters, i);
        if (f == NULL) {
            PyErr_Clear();      /* another thread removed filters since the size check */
            break;
        }
        int matched = filter_matches(f, i, category, text, lineno, module);
        if (matched < 0) {
            Py_DECREF(f);
            Py_DECREF(filters);
            return NULL;
        }
        if (matched) {
            Py_DECREF(filters);
            *item = f;
            return Py_NewRef(PyTuple_GET_ITEM(f, 0));
        }
        Py_DECREF(f);
    }
    Py_DECREF(filters);
    return get_default_action(st);
}

/* 1 if key is in registry (already warned), 0 if not, -1 on error. */
static int already_warned(PyObject *registry, PyObject *key, int should_set)
{
    if (registry == NULL || registry == Py_None || !PyDict_Check(registry)) {
        return 0;
    }
    /* The registry is a module's __warningregistry__, shared by the threads that warn from
     * it: its values are read with references of our own. */
    long current = filters_version(warnings_state());
    PyObject *version;
    if (PyDict_GetItemStringRef(registry, "version", &version) < 0) {
        return -1;
    }
    long v = version && PyLong_Check(version) ? PyLong_AsLong(version) : -1;
    Py_XDECREF(version);
    if (v == -1 && PyErr_Occurred()) {
        PyErr_Clear();          /* an int too large for a version: the registry is stale */
    }
    if (v != current) {
        PyDict_Clear(registry);
        PyObject *nv = PyLong_FromLong(current);
        if (nv == NULL || PyDict_SetItemString(registry, "version", nv) < 0) {
            Py_XDECREF(nv);
            return -1;
        }
        Py_DECREF(nv);
    }
    else {
        PyObject *found;
        if (PyDict_GetItemRef(registry, key, &found) < 0) {
            return -1;
        }
        if (found != NULL) {
            int rc = PyObject_IsTrue(found);
            Py_DECREF(found);
            return rc;
        }
    }
    if (should_set) {
        return PyDict_SetItem(registry, key, Py_True) < 0 ? -1 : 0;
    }
    return 0;
}

static int update_registry(PyObject *registry, PyObject *text, PyObject *category,
                           int add_zero)
{
    PyObject *key = Py_BuildValue("(OOi)", text, category, add_zero ? 0 : 0);
    if (key == NULL) {
        return -1;
    }
    int rc = already_warned(registry, key, 1);
    Py_DECREF(key);
    return rc;
}

static PyObject *get_source_line(PyObject *filename, int lineno)
{
    PyObject *line = _PyRun_GetSourceLine(filename, lineno);
    if (line == NULL) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *stripped = PyObject_CallMethod(line, "strip", NULL);
    Py_DECREF(line);
    if (stripped == NULL) {
        PyErr_Clear();
    }
    return stripped;
}

/* Hand the warning to Python code that replaced the display: warnings._showwarnmsg with a
 * WarningMessage carrying source, as CPython does, or warnings.showwarning when the module has
 * no _showwarnmsg.  0, or -1 with an exception set. */
static int call_python_show(PyObject *wmod, PyObject *filename, int lineno,
                            PyObject *category, PyObject *message, PyObject *source)
{
    PyObject *show, *msg_class;
    if (PyObject_GetOptionalAttrString(wmod, "_showwarnmsg", &show) < 0) {
        return -1;
    }
    if (show == NULL) {
        PyObject *fn = PyObject_GetAttrString(wmod, "showwarning");
        if (fn == NULL) {
            return -1;
        }
        PyObject *r = PyObject_CallFunction(fn, "OOOi", message, category, filename, lineno);
        Py_DECREF(fn);
        Py_XDECREF(r);
        return r == NULL ? -1 : 0;
    }
    msg_class = PyObject_GetAttrString(wmod, "WarningMessage");
    if (msg_class == NULL) {
        Py_DECREF(show);
        return -1;
    }
    PyObject *msg = PyObject_CallFunction(msg_class, "OOOiOOO", message, category, filename,
                                          lineno, Py_None, Py_None,
                                          source != NULL ? source : Py_None);
    Py_DECREF(msg_class);
    PyObject *r = msg != NULL ? PyObject_CallOneArg(show, msg) : NULL;
    Py_XDECREF(msg);
    Py_DECREF(show);
    Py_XDECREF(r);
    return r == NULL ? -1 : 0;
}

/* Print "file:line: Category: text" and the source line to sys.stderr, or hand the warning
 * to Python code if it replaced warnings.showwarning or formatwarning. */
static int show_warning(PyObject *filename, int lineno, PyObject *text, PyObject *category,
                        PyObject *message, PyObject *source)
{
    PyObject *wmod = PyImport_GetModule(_Py_ID(warnings));
    if (wmod != NULL) {
        PyObject *show = PyObject_GetAttrString(wmod, "_showwarnmsg_impl_is_default");
        int is_default = show != NULL && PyObject_IsTrue(show) == 1;
        Py_XDECREF(show);
        PyErr_Clear();
        if (!is_default) {
            int rc = call_python_show(wmod, filename, lineno, category, message, source);
            Py_DECREF(wmod);
            return rc;
        }
        Py_DECREF(wmod);
    }
    PyErr_Clear();
    PyObject *f;
    if (_PySys_GetOptionalAttr(_Py_ID(stderr), &f) < 0) {
        return -1;
    }
    if (f == NULL || f == Py_None) {
        Py_XDECREF(f);
        return 0;
    }
    PyObject *name = PyObject_GetAttr(category, _Py_ID(__name__));
    PyObject *line = get_source_line(filename, lineno);
    PyObject *out = NULL;
    if (name != NULL) {
        out = PyUnicode_FromFormat("%S:%d: %S: %S\n", filename, lineno, name, text);
    }
    int rc = -1;
    if (out != NULL && PyFile_WriteObject(out, f, Py_PRINT_RAW) == 0) {
        rc = 0;
        if (line != NULL && PyUnicode_GET_LENGTH(line) > 0) {
            PyObject *l = PyUnicode_FromFormat("  %U\n", line);
            if (l == NULL || PyFile_WriteObject(l, f, Py_PRINT_RAW) < 0) {
                rc = -1;
            }
            Py_XDECREF(l);
        }
    }
    Py_XDECREF(out);
    Py_XDECREF(line);
    Py_XDECREF(name);
    Py_DECREF(f);
    return rc;
}

static PyObject *warn_explicit(PyObject *category, PyObject *message, PyObject *filename,
                               int lineno, PyObject *module, PyObject *registry,
                               PyObject *source)
{
    PyObject *text, *item = NULL;   /* item: the matching filter (new reference) */
    if (registry != NULL && registry != Py_None && !PyDict_Check(registry)) {
        PyErr_SetString(PyExc_TypeError, "'registry' must be a dict or None");
        return NULL;
    }
    if (module == NULL || module == Py_None) {
        /* The module name from the file name, without ".py". */
        Py_ssize_t len = PyUnicode_GET_LENGTH(filename);
        const char *fn = PyUnicode_AsUTF8(filename);
        if (fn == NULL) {
            return NULL;
        }
        if (len == 0) {
            module = PyUnicode_FromString("<unknown>");
        }
        else if (len >= 3 && strcmp(fn + strlen(fn) - 3, ".py") == 0) {
            module = PyUnicode_Substring(filename, 0, len - 3);
        }
        else {
            module = Py_NewRef(filename);
        }
        if (module == NULL) {
            return NULL;
        }
    }
    else {
        Py_INCREF(module);
    }
    PyObject *result = NULL;
    Py_INCREF(message);
    if (PyObject_IsInstance(message, PyExc_Warning) == 1) {
        text = PyObject_Str(message);
        category = (PyObject *)Py_TYPE(message);
    }
    else {
        text = Py_NewRef(message);
        Py_SETREF(message, PyObject_CallOneArg(category, message));
    }
    if (text == NULL || message == NULL) {
        goto done;
    }
    PyObject *key = Py_BuildValue("(OOi)", text, category, lineno);
    if (key == NULL) {
        goto done;
    }
    int warned = already_warned(registry, key, 0);
    if (warned != 0) {
        Py_DECREF(key);
        if (warned > 0) {
            result = Py_NewRef(Py_None);
        }
        goto done;
    }
    PyObject *action = get_filter(category, text, lineno, module, &item);
    if (action == NULL) {
        Py_DECREF(key);
        goto done;
    }
    if (PyUnicode_CompareWithASCIIString(action, "error") == 0) {
        PyErr_SetObject(category, message);
        Py_DECREF(action);
        Py_DECREF(key);
        goto done;
    }
    if (PyUnicode_CompareWithASCIIString(action, "ignore") == 0) {
        Py_DECREF(action);
        Py_DECREF(key);
        result = Py_NewRef(Py_None);
        goto done;
    }
    int rc = 0;
    if (PyUnicode_CompareWithASCIIString(action, "once") == 0) {
        if (registry == NULL || registry == Py_None) {
            registry = warnings_state()->once_registry;
        }
        rc = update_registry(warnings_state()->once_registry, text, category, 0);
    }
    else if (PyUnicode_CompareWithASCIIString(action, "module") == 0) {
        if (registry != NULL && registry != Py_None) {
            rc = update_registry(registry, text, category, 0);
        }
    }
    else if (PyUnicode_CompareWithASCIIString(action, "default") == 0) {
        if (registry != NULL && registry != Py_None) {
            rc = already_warned(registry, key, 1);
        }
    }
    else if (PyUnicode_CompareWithASCIIString(action, "always") != 0 &&
             PyUnicode_CompareWithASCIIString(action, "all") != 0) {
        PyErr_Format(PyExc_RuntimeError, "Unrecognized action (%R) in warnings.filters:\n %R",
                     action, item ? item : Py_None);
        Py_DECREF(action);
        Py_DECREF(key);
        goto done;
    }
    Py_DECREF(action);
    Py_DECREF(key);
    if (rc == 1) {
        result = Py_NewRef(Py_None);
        goto done;
    }
    if (rc < 0) {
        goto done;
    }
    if (show_warning(filename, lineno, text, category, message, source) < 0) {
        goto done;
    }
    result = Py_NewRef(Py_None);
done:
    Py_XDECREF(item);
    Py_XDECREF(text);
    Py_XDECREF(message);
    Py_DECREF(module);
    return result;
}

/* 1 if the code of frame f lives in a file whose name starts with one of the str prefixes
 * (a tuple, possibly NULL), else 0. */
static int frame_in_skipped_file(PyFrameObject *f, PyObject *prefixes)
{
    if (prefixes == NULL || PyTuple_GET_SIZE(prefixes) == 0) {
        return 0;
    }
    PyCodeObject *code = PyFrame_GetCode(f);
    if (code == NULL) {
        PyErr_Clear();
        return 0;
    }
    PyObject *filename = code->co_filename;
    int skip = 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(prefixes) && !skip; i++) {
        PyObject *prefix = PyTuple_GET_ITEM(prefixes, i);
        Py_ssize_t n = PyUnicode_GET_LENGTH(prefix);
        skip = PyUnicode_Check(filename) && PyUnicode_GET_LENGTH(filename) >= n &&
               PyUnicode_Tailmatch(filename, prefix, 0, n, -1) == 1;
    }
    Py_DECREF(code);
    return skip;
}

/* Find the frame `stack_level` up and its globals, file name, line number, module name and
 * registry (new references).  Going up, frames of files named by skip_prefixes (a tuple of
 * str, or NULL) are passed over without counting. */
static int setup_context(Py_ssize_t stack_level, PyObject *skip_prefixes, PyObject **filename,
                         int *lineno, PyObject **module, PyObject **registry)
{
    PyFrameObject *f = PyEval_GetFrame();
    Py_XINCREF(f);
    while (--stack_level > 0 && f != NULL) {
        do {
            PyFrameObject *back = PyFrame_GetBack(f);
            Py_DECREF(f);
            f = back;
        } while (f != NULL && frame_in_skipped_file(f, skip_prefixes));
    }
    PyObject *globals;
    if (f == NULL) {
        globals = _PyInterpreterState_GET()->sysdict;
        Py_INCREF(globals);
        *filename = PyUnicode_FromString("<sys>");
        *lineno = 0;
    }
    else {
        globals = PyFrame_GetGlobals(f);
        PyCodeObject *code = PyFrame_GetCode(f);
        *filename = code ? Py_NewRef(code->co_filename) : NULL;
        Py_XDECREF(code);
        *lineno = PyFrame_GetLineNumber(f);
        Py_DECREF(f);
    }
    if (globals == NULL || *filename == NULL) {
        Py_XDECREF(globals);
        Py_XDECREF(*filename);
        return -1;
    }
    /* The globals are shared with other threads, which may warn from the same module (and
     * create its registry) or rebind these names: take our references inside the dict. */
    *module = NULL;
    int rc = PyDict_GetItemRef(globals, _Py_ID(__warningregistry__), registry);
    if (rc == 0) {
        PyObject *fresh = PyDict_New();
        rc = fresh == NULL ? -1 : PyDict_SetDefaultRef(globals, _Py_ID(__warningregistry__),
                                                      fresh, registry);
        Py_XDECREF(fresh);
    }
    if (rc >= 0) {
        rc = PyDict_GetItemRef(globals, _Py_ID(__name__), module);
    }
    Py_DECREF(globals);
    if (rc < 0) {
        Py_DECREF(*filename);
        Py_XDECREF(*registry);
        return -1;
    }
    if (*module == NULL || !PyUnicode_Check(*module)) {
        Py_XSETREF(*module, PyUnicode_FromString("<string>"));
        if (*module == NULL) {
            Py_DECREF(*filename);
            Py_DECREF(*registry);
            return -1;
        }
    }
    return 0;
}

static PyObject *get_category(PyObject *message, PyObject *category)
{
    if (PyObject_IsInstance(message, PyExc_Warning) == 1) {
        return (PyObject *)Py_TYPE(message);
    }
    if (category == NULL || category == Py_None) {
        return PyExc_UserWarning;
    }
    if (!PyType_Check(category) ||
        !PyType_IsSubtype((PyTypeObject *)category, (PyTypeObject *)PyExc_Warning)) {
        PyErr_Format(PyExc_TypeError, "category must be a Warning subclass, not '%s'",
                     Py_TYPE(category)->tp_name);
        return NULL;
    }
    return category;
}

static PyObject *do_warn(PyObject *message, PyObject *category, Py_ssize_t stack_level,
                         PyObject *source, PyObject *skip_prefixes)
{
    PyObject *filename, *module, *registry;
    int lineno;
    if (setup_context(stack_level, skip_prefixes, &filename, &lineno, &module,
                      &registry) < 0) {
        return NULL;
    }
    PyObject *r = warn_explicit(category, message, filename, lineno, module, registry,
                                source);
    Py_DECREF(filename);
    Py_DECREF(registry);
    Py_DECREF(module);
    return r;
}

/* ---- C API ---- */

static int warn_unicode(PyObject *category, PyObject *message, Py_ssize_t stack_level,
                        PyObject *source)
{
    if (category == NULL) {
        category = PyExc_RuntimeWarning;
    }
    PyObject *r = do_warn(message, category, stack_level, source, NULL);
    if (r == NULL) {
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

int PyErr_WarnEx(PyObject *category, const char *text, Py_ssize_t stack_level)
{
    PyObject *message = PyUnicode_FromString(text);
    if (message == NULL) {
        return -1;
    }
    int rc = warn_unicode(category, message, stack_level, NULL);
    Py_DECREF(message);
    return rc;
}

int PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *message = PyUnicode_FromFormatV(format, va);
    va_end(va);
    if (message == NULL) {
        return -1;
    }
    int rc = warn_unicode(category, message, stack_level, NULL);
    Py_DECREF(message);
    return rc;
}

int PyErr_ResourceWarning(PyObject *source, Py_ssize_t stack_level, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *message = PyUnicode_FromFormatV(format, va);
    va_end(va);
    if (message == NULL) {
        return -1;
    }
    int rc = warn_unicode(PyExc_ResourceWarning, message, stack_level, source);
    Py_DECREF(message);
    return rc;
}

int PyErr_WarnExplicitObject(PyObject *category, PyObject *message, PyObject *filename,
                             int lineno, PyObject *module, PyObject *registry)
{
    if (category == NULL) {
        category = PyExc_RuntimeWarning;
    }
    PyObject *r = warn_explicit(category, message, filename, lineno, module, registry, NULL);
    if (r == NULL) {
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

int PyErr_WarnExplicit(PyObject *category, const char *text, const char *filename_str,
                       int lineno, const char *module_str, PyObject *registry)
{
    PyObject *message = PyUnicode_FromString(text);
    PyObject *filename = PyUnicode_DecodeFSDefault(filename_str);
    PyObject *module = module_str ? PyUnicode_FromString(module_str) : NULL;
    int rc = -1;
    if (message != NULL && filename != NULL && (module_str == NULL || module != NULL)) {
        rc = PyErr_WarnExplicitObject(category, message, filename, lineno, module, registry);
    }
    Py_XDECREF(message);
    Py_XDECREF(filename);
    Py_XDECREF(module);
    return rc;
}

int PyErr_WarnExplicitFormat(PyObject *category, const char *filename_str, int lineno,
                             const char *module_str, PyObject *registry,
                             const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *message = PyUnicode_FromFormatV(format, va);
    va_end(va);
    PyObject *filename = PyUnicode_DecodeFSDefault(filename_str);
    PyObject *module = module_str ? PyUnicode_FromString(module_str) : NULL;
    int rc = -1;
    if (message != NULL && filename != NULL && (module_str == NULL || module != NULL)) {
        rc = PyErr_WarnExplicitObject(category, message, filename, lineno, module, registry);
    }
    Py_XDECREF(message);
    Py_XDECREF(filename);
    Py_XDECREF(module);
    return rc;
}

/* ---- the _warnings module ---- */

static PyObject *warnings_warn(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"message", "category", "stacklevel", "source",
                             "skip_file_prefixes", NULL};
    PyObject *message, *category = Py_None, *source = Py_None, *skip = NULL;
    Py_ssize_t stack_level = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OnO$O!:warn", kwlist, &message, &category,
                                     &stack_level, &source, &PyTuple_Type, &skip)) {
        return NULL;
    }
    if (skip != NULL && PyTuple_GET_SIZE(skip) > 0) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(skip); i++) {
            PyObject *prefix = PyTuple_GET_ITEM(skip, i);
            if (!PyUnicode_Check(prefix)) {
                PyErr_Format(PyExc_TypeError, "Found non-str '%s' in skip_file_prefixes.",
                             Py_TYPE(prefix)->tp_name);
                return NULL;
            }
        }
        /* The caller of warn() is never the frame to blame: count from its caller. */
        if (stack_level < 2) {
            stack_level = 2;
        }
    }
    category = get_category(message, category);
    if (category == NULL) {
        return NULL;
    }
    return do_warn(message, category, stack_level, source, skip);
}

static PyObject *warnings_warn_explicit(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"message", "category", "filename", "lineno", "module",
                             "registry", "module_globals", "source", NULL};
    PyObject *message, *category, *filename, *mod = Py_None, *registry = Py_None;
    PyObject *module_globals = Py_None, *source = Py_None;
    int lineno;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOUi|OOOO:warn_explicit", kwlist, &message,
                                     &category, &filename, &lineno, &mod, &registry,
                                     &module_globals, &source)) {
        return NULL;
    }
    return warn_explicit(category, message, filename, lineno, mod, registry, source);
}

static PyObject *warnings_filters_mutated(PyObject *module, PyObject *unused)
{
    struct _warnings_runtime_state *st = warnings_state();
    PyMutex_Lock(&warnings_mutex);
    st->filters_version++;
    PyMutex_Unlock(&warnings_mutex);
    Py_RETURN_NONE;
}

static PyObject *warnings_noop(PyObject *module, PyObject *unused)
{
    Py_RETURN_NONE;
}

static PyMethodDef warnings_methods[] = {
    {"warn", _PyCFunction_CAST(warnings_warn), METH_VARARGS | METH_KEYWORDS,
     "Issue a warning, or maybe ignore it or raise an exception."},
    {"warn_explicit", _PyCFunction_CAST(warnings_warn_explicit),
     METH_VARARGS | METH_KEYWORDS, "Low-level interface to warnings functionality."},
    {"_filters_mutated", warnings_filters_mutated, METH_NOARGS, NULL},
    {"_filters_mutated_lock_held", warnings_filters_mutated, METH_NOARGS, NULL},
    {"_acquire_lock", warnings_noop, METH_NOARGS, NULL},
    {"_release_lock", warnings_noop, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int warnings_exec(PyObject *module)
{
    struct _warnings_runtime_state *st = warnings_state();
    /* PyModule_Add steals the references, also on failure. */
    if (PyModule_Add(module, "filters", state_get(&st->filters)) < 0 ||
        PyModule_AddObjectRef(module, "_onceregistry", st->once_registry) < 0 ||
        PyModule_Add(module, "_defaultaction", state_get(&st->default_action)) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot warnings_slots[] = {
    {Py_mod_exec, warnings_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef warnings_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_warnings",
    .m_doc = "_warnings provides basic warning filtering support.\n"
             "It is a helper module to speed up interpreter start-up.",
    .m_size = 0,
    .m_methods = warnings_methods,
    .m_slots = warnings_slots,
};

PyMODINIT_FUNC
PyInit__warnings(void)
{
    return PyModuleDef_Init(&warnings_module);
}
