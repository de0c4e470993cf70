/* Traceback objects and their printing.
 *
 * The eval loop calls PyTraceBack_Here for every frame an exception passes through; each
 * call prepends an entry to the exception's __traceback__, so the list runs from the
 * outermost frame to the innermost.  Tracebacks are immutable except tb_next, which is
 * assigned with a loop check. */

#include "Python.h"
#include "pycore_code.h"
#include "pycore_frame.h"
#include "pycore_pystate.h"

#include <stddef.h>

#define PyTraceBack_LIMIT 1000
#define TB_RECURSIVE_CUTOFF 3  /* identical entries shown before "[Previous line repeated" */

/* Return a new traceback entry.  next may be NULL; frame must not. */
static PyObject *
tb_create_raw(PyTracebackObject *next, PyFrameObject *frame, int lasti, int lineno)
{
    if ((next != NULL && !PyTraceBack_Check(next)) || frame == NULL || !PyFrame_Check(frame)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyTracebackObject *tb = PyObject_GC_New(PyTracebackObject, &PyTraceBack_Type);
    if (tb == NULL) {
        return NULL;
    }
    tb->tb_next = (PyTracebackObject *)Py_XNewRef(next);
    tb->tb_frame = (PyFrameObject *)Py_NewRef(frame);
    tb->tb_lasti = lasti;
    tb->tb_lineno = lineno;
    PyObject_GC_Track(tb);
    return (PyObject *)tb;
}

PyObject *
_PyTraceBack_FromFrame(PyObject *tb_next, PyFrameObject *frame)
{
    int addr = PyFrame_GetLasti(frame);
    return tb_create_raw((PyTracebackObject *)tb_next, frame, addr, -1);
}

int
PyTraceBack_Here(PyFrameObject *frame)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        return 0;
    }
    if (!PyExceptionInstance_Check(exc)) {
        PyErr_SetRaisedException(exc);
        return 0;
    }
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *newtb = _PyTraceBack_FromFrame(tb, frame);
    Py_XDECREF(tb);
    if (newtb == NULL) {
        /* Keep the new error (MemoryError); the original is lost. */
        Py_DECREF(exc);
        return -1;
    }
    PyException_SetTraceback(exc, newtb);
    Py_DECREF(newtb);
    PyErr_SetRaisedException(exc);
    return 0;
}

/* ---- the type ------------------------------------------------------------------------- */

static int
tb_get_lineno(PyTracebackObject *tb)
{
    if (tb->tb_lineno == -1) {
        PyCodeObject *code = PyFrame_GetCode(tb->tb_frame);
        if (tb->tb_lasti >= 0) {
            tb->tb_lineno = PyCode_Addr2Line(code, tb->tb_lasti);
        }
        Py_DECREF(code);
        if (tb->tb_lineno == -1) {
            return -1;
        }
    }
    return tb->tb_lineno;
}

static PyObject *
tb_lineno_get(PyObject *self, void *closure)
{
    int lineno = tb_get_lineno((PyTracebackObject *)self);
    if (lineno < 0) {
        Py_RETURN_NONE;
    }
    return PyLong_FromLong(lineno);
}

static PyObject *
tb_next_get(PyObject *self, void *closure)
{
    PyObject *next = (PyObject *)((PyTracebackObject *)self)->tb_next;
    return Py_NewRef(next == NULL ? Py_None : next);
}

static int
tb_next_set(PyObject *self, PyObject *new_next, void *closure)
{
    if (new_next == NULL) {
        PyErr_SetString(PyExc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    /* We accept None or a traceback object, and map None -> NULL (inverse of
     * tb_next_get) */
    if (new_next == Py_None) {
        new_next = NULL;
    }
    else if (!PyTraceBack_Check(new_next)) {
        PyErr_Format(PyExc_TypeError, "expected traceback object, got '%s'",
                     Py_TYPE(new_next)->tp_name);
        return -1;
    }
    /* Check for loops */
    PyTracebackObject *cursor = (PyTracebackObject *)new_next;
    while (cursor) {
        if (cursor == (PyTracebackObject *)self) {
            PyErr_Format(PyExc_ValueError, "traceback loop detected");
            return -1;
        }
        cursor = cursor->tb_next;
    }
    Py_XSETREF(((PyTracebackObject *)self)->tb_next,
               (PyTracebackObject *)Py_XNewRef(new_next));
    return 0;
}

static PyMemberDef tb_memberlist[] = {
    {"tb_frame", _Py_T_OBJECT, offsetof(PyTracebackObject, tb_frame), Py_READONLY, NULL},
    {"tb_lasti", Py_T_INT, offsetof(PyTracebackObject, tb_lasti), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef tb_getsetters[] = {
    {"tb_next", tb_next_get, tb_next_set, NULL, NULL},
    {"tb_lineno", tb_lineno_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* traceback(tb_next, tb_frame, tb_lasti, tb_lineno) */
static PyObject *
tb_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static const char *const kwlist[] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno", NULL};
    PyObject *tb_next;
    PyFrameObject *tb_frame;
    int tb_lasti, tb_lineno;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OO!ii:traceback", (char **)kwlist,
                                     &tb_next, &PyFrame_Type, &tb_frame, &tb_lasti,
                                     &tb_lineno)) {
        return NULL;
    }
    if (tb_next == Py_None) {
        tb_next = NULL;
    }
    else if (!PyTraceBack_Check(tb_next)) {
        return PyErr_Format(PyExc_TypeError, "expected traceback object or None, got '%s'",
                            Py_TYPE(tb_next)->tp_name);
    }
    return tb_create_raw((PyTracebackObject *)tb_next, tb_frame, tb_lasti, tb_lineno);
}

static PyObject *
tb_dir(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_BuildValue("[ssss]", "tb_frame", "tb_next", "tb_lasti", "tb_lineno");
}

static PyMethodDef tb_methods[] = {
    {"__dir__", tb_dir, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static void
tb_dealloc(PyObject *self)
{
    PyTracebackObject *tb = (PyTracebackObject *)self;
    PyObject_GC_UnTrack(tb);
    /* A traceback of a deep recursion is a chain as long as the recursion: the trashcan
     * turns the chain of deallocations into a loop. */
    Py_TRASHCAN_BEGIN(tb, tb_dealloc)
    Py_XDECREF(tb->tb_next);
    Py_XDECREF(tb->tb_frame);
    PyObject_GC_Del(tb);
    Py_TRASHCAN_END
}

static int
tb_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTracebackObject *tb = (PyTracebackObject *)self;
    Py_VISIT(tb->tb_next);
    Py_VISIT(tb->tb_frame);
    return 0;
}

static int
tb_clear(PyObject *self)
{
    PyTracebackObject *tb = (PyTracebackObject *)self;
    Py_CLEAR(tb->tb_next);
    Py_CLEAR(tb->tb_frame);
    return 0;
}

PyTypeObject PyTraceBack_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "traceback",
    .tp_basicsize = sizeof(PyTracebackObject),
    .tp_dealloc = tb_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a new traceback object.",
    .tp_traverse = tb_traverse,
    .tp_clear = tb_clear,
    .tp_methods = tb_methods,
    .tp_members = tb_memberlist,
    .tp_getset = tb_getsetters,
    .tp_new = tb_new,
};
_Py_REGISTER_STATIC_TYPE(PyTraceBack_Type);

/* ---- printing ---------------------------------------------------------------------------- */

/* Return a new reference to line `lineno` of `filename` (without the line end), or NULL
 * without an exception if it cannot be read.  linecache is used when importable (it knows
 * about zip imports and interactive input); otherwise the file is read directly. */
static PyObject *
get_source_line(PyObject *filename, int lineno)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *line = NULL;
    PyObject *linecache = PyImport_ImportModule("linecache");
    if (linecache != NULL) {
        line = PyObject_CallMethod(linecache, "getline", "Oi", filename, lineno);
        Py_DECREF(linecache);
        if (line != NULL && (!PyUnicode_Check(line) || PyUnicode_GET_LENGTH(line) == 0)) {
            Py_CLEAR(line);
        }
    }
    PyErr_Clear();
    if (line == NULL) {
        const char *path = PyUnicode_AsUTF8(filename);
        FILE *fp = path == NULL ? NULL : fopen(path, "rb");
        PyErr_Clear();
        if (fp != NULL) {
            char buf[1024];
            int current = 1;
            PyObject *acc = NULL;
            while (fgets(buf, sizeof(buf), fp) != NULL) {
                size_t len = strlen(buf);
                int ends = len > 0 && buf[len - 1] == '\n';
                if (current == lineno) {
                    PyObject *piece = PyUnicode_DecodeUTF8(buf, (Py_ssize_t)len, "replace");
                    if (piece == NULL) {
                        break;
                    }
                    if (acc == NULL) {
                        acc = piece;
                    }
                    else {
                        Py_SETREF(acc, PyUnicode_Concat(acc, piece));
                        Py_DECREF(piece);
                        if (acc == NULL) {
                            break;
                        }
                    }
                }
                if (ends) {
                    if (current == lineno) {
                        break;
                    }
                    current++;
                }
            }
            fclose(fp);
            line = acc;
            PyErr_Clear();
        }
    }
    PyErr_SetRaisedException(exc);
    return line;
}

/* Strip whitespace at both ends (the line end included).  New reference. */
static PyObject *
strip_line(PyObject *line)
{
    Py_ssize_t start = 0, end = PyUnicode_GET_LENGTH(line);
    while (start < end) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(line, start);
        if (ch != ' ' && ch != '\t' && ch != '\f' && ch != '\n' && ch != '\r') {
            break;
        }
        start++;
    }
    while (end > start) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(line, end - 1);
        if (ch != ' ' && ch != '\t' && ch != '\f' && ch != '\n' && ch != '\r') {
            break;
        }
        end--;
    }
    return PyUnicode_Substring(line, start, end);
}

int
_Py_DisplaySourceLine(PyObject *f, PyObject *filename, int lineno, int indent, int *truncation,
                      PyObject **line)
{
    if (line != NULL) {
        *line = NULL;
    }
    if (truncation != NULL) {
        *truncation = 0;
    }
    PyObject *source = get_source_line(filename, lineno);
    if (source == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    PyObject *stripped = strip_line(source);
    Py_DECREF(source);
    if (stripped == NULL) {
        return -1;
    }
    if (PyUnicode_GET_LENGTH(stripped) == 0) {
        Py_DECREF(stripped);
        return 0;
    }
    char spaces[64];
    if (indent > (int)sizeof(spaces) - 1) {
        indent = (int)sizeof(spaces) - 1;
    }
    memset(spaces, ' ', (size_t)indent);
    spaces[indent] = '\0';
    int err = PyFile_WriteString(spaces, f);
    if (err == 0) {
        err = PyFile_WriteObject(stripped, f, Py_PRINT_RAW);
    }
    if (err == 0) {
        err = PyFile_WriteString("\n", f);
    }
    if (line != NULL && err == 0) {
        *line = stripped;
    }
    else {
        Py_DECREF(stripped);
    }
    return err;
}

static int
tb_displayline(PyObject *f, PyObject *filename, int lineno, PyObject *name)
{
    if (filename == NULL || name == NULL) {
        return -1;
    }
    PyObject *line;
    if (lineno < 0) {
        line = PyUnicode_FromFormat("  File \"%U\", line None, in %U\n", filename, name);
    }
    else {
        line = PyUnicode_FromFormat("  File \"%U\", line %d, in %U\n", filename, lineno, name);
    }
    if (line == NULL) {
        return -1;
    }
    int err = PyFile_WriteObject(line, f, Py_PRINT_RAW);
    Py_DECREF(line);
    if (err != 0) {
        return err;
    }
    if (lineno < 0) {
        return 0;
    }
    /* ignore errors since we can't report them, can we? */
    if (_Py_DisplaySourceLine(f, filename, lineno, 4, NULL, NULL) != 0) {
        PyErr_Clear();
    }
    return 0;
}

static int
tb_print_line_repeated(PyObject *f, long cnt)
{
    cnt -= TB_RECURSIVE_CUTOFF;
    PyObject *line = PyUnicode_FromFormat(
        (cnt > 1) ? "  [Previous line repeated %ld more times]\n"
                  : "  [Previous line repeated %ld more time]\n", cnt);
    if (line == NULL) {
        return -1;
    }
    int err = PyFile_WriteObject(line, f, Py_PRINT_RAW);
    Py_DECREF(line);
    return err;
}

static int
tb_printinternal(PyTracebackObject *tb, PyObject *f, long limit)
{
    int err = 0;
    Py_ssize_t depth = 0;
    PyObject *last_file = NULL;
    int last_line = -1;
    PyObject *last_name = NULL;
    long cnt = 0;
    PyTracebackObject *tb1 = tb;
    while (tb1 != NULL) {
        depth++;
        tb1 = tb1->tb_next;
    }
    while (tb != NULL && depth > limit) {
        depth--;
        tb = tb->tb_next;
    }
    while (tb != NULL && err == 0) {
        /* Borrowed below: tb's frame keeps its code alive. */
        PyCodeObject *code = PyFrame_GetCode(tb->tb_frame);
        Py_DECREF(code);
        int tb_lineno = tb_get_lineno(tb);
        if (last_file == NULL || code->co_filename != last_file || last_line != tb_lineno ||
            last_name == NULL || code->co_name != last_name) {
            if (cnt > TB_RECURSIVE_CUTOFF) {
                if (tb_print_line_repeated(f, cnt) < 0) {
                    return -1;
                }
            }
            last_file = code->co_filename;
            last_line = tb_lineno;
            last_name = code->co_name;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_RECURSIVE_CUTOFF) {
            err = tb_displayline(f, code->co_filename, tb_lineno, code->co_name);
            if (err == 0) {
                err = PyErr_CheckSignals();
            }
        }
        tb = tb->tb_next;
    }
    if (err == 0 && cnt > TB_RECURSIVE_CUTOFF) {
        err = tb_print_line_repeated(f, cnt);
    }
    return err;
}

int
PyTraceBack_Print(PyObject *v, PyObject *f)
{
    if (v == NULL) {
        return 0;
    }
    if (!PyTraceBack_Check(v)) {
        PyErr_BadInternalCall();
        return -1;
    }
    long limit = PyTraceBack_LIMIT;
    PyObject *limitv = PySys_GetObject("tracebacklimit");
    if (limitv != NULL && PyLong_Check(limitv)) {
        int overflow;
        limit = PyLong_AsLongAndOverflow(limitv, &overflow);
        if (overflow > 0) {
            limit = LONG_MAX;
        }
        else if (limit <= 0) {
            return 0;
        }
    }
    PyErr_Clear();
    int err = PyFile_WriteString("Traceback (most recent call last):\n", f);
    if (err == 0) {
        err = tb_printinternal((PyTracebackObject *)v, f, limit);
    }
    return err;
}
