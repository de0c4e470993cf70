/* Code objects: the immutable result of compiling one scope.
 *
 * A code object owns its bytecode inline (co_code_adaptive, Py_SIZE units), the constants and
 * names it refers to, the names and kinds of its frame slots ("localsplus": locals, then cells
 * that are not arguments, then free variables), and two side tables described in
 * Include/internal/pycore_code.h: the location table (source positions per code unit) and
 * the exception table (handler per code unit).  Nothing in a code object changes after
 * _PyCode_New returns, so it is shared between threads without locks. */

#include "Python.h"
#include "internal/pycore_code.h"
#include "internal/pycore_opcode.h"

#include <stddef.h>

/* ---- construction ----------------------------------------------------------------------- */

static int
check_tuple_of_str(PyObject *t, const char *what)
{
    if (!PyTuple_Check(t)) {
        PyErr_Format(PyExc_TypeError, "code: %s must be a tuple", what);
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(t); i++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(t, i))) {
            PyErr_Format(PyExc_TypeError, "code: %s must contain only strings", what);
            return -1;
        }
    }
    return 0;
}

/* Intern the exact strs of a tuple in place (names, and identifier-like constants), as
 * CPython does: attribute and global names then match dict keys by identity, which is what
 * the lookup fast paths (and the free-threaded build's lock-free lookups) test first. */
static void
intern_strings(PyObject *tuple, int identifiers_only)
{
    for (Py_ssize_t i = PyTuple_GET_SIZE(tuple); --i >= 0;) {
        PyObject *v = PyTuple_GET_ITEM(tuple, i);
        if (!PyUnicode_CheckExact(v) || PyUnicode_CHECK_INTERNED(v)) {
            continue;
        }
        if (identifiers_only) {
            /* Constants: only strings made of name characters, as CPython. */
            Py_ssize_t n = PyUnicode_GET_LENGTH(v);
            int ok = n > 0 && PyUnicode_IS_ASCII(v);
            const char *p = ok ? (const char *)PyUnicode_DATA(v) : NULL;
            for (Py_ssize_t j = 0; ok && j < n; j++) {
                char c = p[j];
                ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                     (c >= '0' && c <= '9') || c == '_';
            }
            if (!ok) {
                continue;
            }
        }
        PyObject *w = Py_NewRef(v);
        PyUnicode_InternInPlace(&w);
        if (w != v) {
            PyTuple_SET_ITEM(tuple, i, w);   /* the tuple's reference to v goes */
            Py_DECREF(v);
        }
        else {
            Py_DECREF(w);
        }
    }
}

/* Return a new reference. */
PyCodeObject *
_PyCode_New(struct _PyCodeConstructor *con)
{
    if (con->filename == NULL || !PyUnicode_Check(con->filename) ||
        con->name == NULL || !PyUnicode_Check(con->name) ||
        con->qualname == NULL || !PyUnicode_Check(con->qualname)) {
        PyErr_SetString(PyExc_TypeError, "code: filename, name and qualname must be str");
        return NULL;
    }
    if (con->code == NULL || !PyBytes_Check(con->code) ||
        PyBytes_GET_SIZE(con->code) % (Py_ssize_t)sizeof(_Py_CODEUNIT) != 0) {
        PyErr_SetString(PyExc_ValueError, "code: co_code is malformed");
        return NULL;
    }
    if (con->consts == NULL || !PyTuple_Check(con->consts)) {
        PyErr_SetString(PyExc_TypeError, "code: co_consts must be a tuple");
        return NULL;
    }
    if (check_tuple_of_str(con->names, "co_names") < 0 ||
        check_tuple_of_str(con->localsplusnames, "localsplusnames") < 0) {
        return NULL;
    }
    intern_strings(con->names, 0);
    intern_strings(con->localsplusnames, 0);
    intern_strings(con->consts, 1);
    if (con->localspluskinds == NULL || !PyBytes_Check(con->localspluskinds) ||
        PyBytes_GET_SIZE(con->localspluskinds) != PyTuple_GET_SIZE(con->localsplusnames)) {
        PyErr_SetString(PyExc_ValueError, "code: localsplus names and kinds differ in length");
        return NULL;
    }
    if (con->linetable == NULL || !PyBytes_Check(con->linetable) ||
        con->exceptiontable == NULL || !PyBytes_Check(con->exceptiontable)) {
        PyErr_SetString(PyExc_TypeError, "code: line and exception tables must be bytes");
        return NULL;
    }
    if (con->argcount < 0 || con->posonlyargcount < 0 || con->kwonlyargcount < 0 ||
        con->posonlyargcount > con->argcount || con->stacksize < 0) {
        PyErr_SetString(PyExc_ValueError, "code: argument counts must be non-negative");
        return NULL;
    }

    Py_ssize_t nslots = PyTuple_GET_SIZE(con->localsplusnames);
    const unsigned char *kinds = (const unsigned char *)PyBytes_AS_STRING(con->localspluskinds);
    int nlocals = 0, ncells = 0, nfree = 0;
    for (Py_ssize_t i = 0; i < nslots; i++) {
        if (kinds[i] & CO_FAST_LOCAL) {
            nlocals++;
        }
        if (kinds[i] & CO_FAST_CELL) {
            ncells++;
        }
        if (kinds[i] & CO_FAST_FREE) {
            nfree++;
        }
    }
    int nargs = con->argcount + con->kwonlyargcount +
                ((con->flags & CO_VARARGS) != 0) + ((con->flags & CO_VARKEYWORDS) != 0);
    if (nargs > nlocals) {
        PyErr_SetString(PyExc_ValueError, "code: too few local variables for the arguments");
        return NULL;
    }

    Py_ssize_t ncode = PyBytes_GET_SIZE(con->code) / (Py_ssize_t)sizeof(_Py_CODEUNIT);
    PyCodeObject *co = PyObject_NewVar(PyCodeObject, &PyCode_Type, ncode);
    if (co == NULL) {
        return NULL;
    }
    memcpy(co->co_code_adaptive, PyBytes_AS_STRING(con->code),
           (size_t)ncode * sizeof(_Py_CODEUNIT));
    co->co_consts = Py_NewRef(con->consts);
    co->co_names = Py_NewRef(con->names);
    co->co_exceptiontable = Py_NewRef(con->exceptiontable);
    co->co_flags = con->flags;
    co->co_argcount = con->argcount;
    co->co_posonlyargcount = con->posonlyargcount;
    co->co_kwonlyargcount = con->kwonlyargcount;
    co->co_stacksize = con->stacksize;
    co->co_firstlineno = con->firstlineno;
    co->co_nlocalsplus = (int)nslots;
    co->co_framesize = (int)nslots + con->stacksize;
    co->co_nlocals = nlocals;
    co->co_ncellvars = ncells;
    co->co_nfreevars = nfree;
    co->co_version = 0;
    co->co_localsplusnames = Py_NewRef(con->localsplusnames);
    co->co_localspluskinds = Py_NewRef(con->localspluskinds);
    co->co_filename = Py_NewRef(con->filename);
    co->co_name = Py_NewRef(con->name);
    co->co_qualname = Py_NewRef(con->qualname);
    co->co_linetable = Py_NewRef(con->linetable);
    co->co_weakreflist = NULL;
    co->co_extra = NULL;
    co->_co_cached_code = NULL;
    return co;
}

/* Return a new reference. */
PyCodeObject *
PyCode_NewEmpty(const char *filename, const char *funcname, int firstlineno)
{
    PyObject *fn = NULL, *name = NULL, *code = NULL, *linetable = NULL, *empty = NULL;
    PyObject *kinds = NULL;
    PyCodeObject *result = NULL;
    _Py_CODEUNIT units[2] = {
        _Py_MAKE_CODEUNIT(RESUME, 0), _Py_MAKE_CODEUNIT(RETURN_CONST, 0)
    };
    unsigned char lt[16];
    int n = 0;

    fn = PyUnicode_FromString(filename);
    name = PyUnicode_FromString(funcname);
    code = PyBytes_FromStringAndSize((const char *)units, sizeof(units));
    n += _PyCode_WriteVarint(lt + n, 2);
    n += _PyCode_WriteSignedVarint(lt + n, 0);
    n += _PyCode_WriteVarint(lt + n, 1);
    n += _PyCode_WriteVarint(lt + n, 0);
    n += _PyCode_WriteVarint(lt + n, 0);
    linetable = PyBytes_FromStringAndSize((const char *)lt, n);
    empty = PyBytes_FromStringAndSize("", 0);
    kinds = PyBytes_FromStringAndSize("", 0);
    PyObject *consts = PyTuple_Pack(1, Py_None);
    PyObject *names = PyTuple_New(0);
    if (fn && name && code && linetable && empty && kinds && consts && names) {
        struct _PyCodeConstructor con = {
            .filename = fn, .name = name, .qualname = name, .flags = 0,
            .code = code, .firstlineno = firstlineno, .linetable = linetable,
            .consts = consts, .names = names, .localsplusnames = names,
            .localspluskinds = kinds, .argcount = 0, .posonlyargcount = 0,
            .kwonlyargcount = 0, .stacksize = 1, .exceptiontable = empty,
        };
        result = _PyCode_New(&con);
    }
    Py_XDECREF(fn);
    Py_XDECREF(name);
    Py_XDECREF(code);
    Py_XDECREF(linetable);
    Py_XDECREF(empty);
    Py_XDECREF(kinds);
    Py_XDECREF(consts);
    Py_XDECREF(names);
    return result;
}

/* ---- location table ----------------------------------------------------------------------- */

/* Cursor over the location table: after a successful lt_next, units [start, end) have the
 * location (line, end_line, col, end_col); -1 means unknown. */
typedef struct {
    const unsigned char *buf;
    Py_ssize_t len;
    Py_ssize_t pos;
    int start;
    int end;
    int base_line;      /* start line of the previous entry (delta base) */
    int line;
    int end_line;
    int col;
    int end_col;
} lt_cursor;

static void
lt_init(lt_cursor *c, PyCodeObject *co)
{
    c->buf = (const unsigned char *)PyBytes_AS_STRING(co->co_linetable);
    c->len = PyBytes_GET_SIZE(co->co_linetable);
    c->pos = 0;
    c->start = 0;
    c->end = 0;
    c->base_line = co->co_firstlineno;
    c->line = c->end_line = c->col = c->end_col = -1;
}

/* Advance to the next entry; return 0 at the end of the table. */
static int
lt_next(lt_cursor *c)
{
    if (c->pos >= c->len) {
        return 0;
    }
    unsigned int length = _PyCode_ReadVarint(c->buf, c->len, &c->pos);
    int delta = _PyCode_ReadSignedVarint(c->buf, c->len, &c->pos);
    unsigned int span = _PyCode_ReadVarint(c->buf, c->len, &c->pos);
    unsigned int col = _PyCode_ReadVarint(c->buf, c->len, &c->pos);
    unsigned int end_col = _PyCode_ReadVarint(c->buf, c->len, &c->pos);
    if (length == 0) {
        c->pos = c->len;
        return 0;
    }
    c->start = c->end;
    c->end = c->start + (int)length;
    c->base_line += delta;
    if (span == 0) {
        c->line = c->end_line = -1;
    }
    else {
        c->line = c->base_line;
        c->end_line = c->base_line + (int)span - 1;
    }
    c->col = (int)col - 1;
    c->end_col = (int)end_col - 1;
    return 1;
}

int
_PyCode_Addr2LocationIndex(PyCodeObject *co, int index, int *start_line, int *start_column,
                           int *end_line, int *end_column)
{
    lt_cursor c;
    lt_init(&c, co);
    *start_line = *start_column = *end_line = *end_column = -1;
    if (index < 0 || index >= Py_SIZE(co)) {
        return 0;
    }
    while (lt_next(&c)) {
        if (index < c.end) {
            *start_line = c.line;
            *end_line = c.end_line;
            *start_column = c.col;
            *end_column = c.end_col;
            return 1;
        }
    }
    return 1;
}

int
PyCode_Addr2Line(PyCodeObject *co, int addr_offset)
{
    int line, col, end_line, end_col;
    if (addr_offset < 0) {
        return co->co_firstlineno;
    }
    _PyCode_Addr2LocationIndex(co, addr_offset / (int)sizeof(_Py_CODEUNIT), &line, &col,
                               &end_line, &end_col);
    return line;
}

int
PyCode_Addr2Location(PyCodeObject *co, int addr_offset, int *start_line, int *start_column,
                     int *end_line, int *end_column)
{
    if (addr_offset < 0) {
        *start_line = *end_line = co->co_firstlineno;
        *start_column = *end_column = -1;
        return 1;
    }
    _PyCode_Addr2LocationIndex(co, addr_offset / (int)sizeof(_Py_CODEUNIT), start_line,
                               start_column, end_line, end_column);
    return 1;
}

/* ---- exception table ---------------------------------------------------------------------- */

int
_PyCode_FindHandler(PyCodeObject *co, int index, int *target, int *depth, int *lasti)
{
    const unsigned char *buf = (const unsigned char *)PyBytes_AS_STRING(co->co_exceptiontable);
    Py_ssize_t len = PyBytes_GET_SIZE(co->co_exceptiontable);
    Py_ssize_t pos = 0;
    while (pos < len) {
        unsigned int start = _PyCode_ReadVarint(buf, len, &pos);
        unsigned int size = _PyCode_ReadVarint(buf, len, &pos);
        unsigned int tgt = _PyCode_ReadVarint(buf, len, &pos);
        unsigned int dl = _PyCode_ReadVarint(buf, len, &pos);
        if ((unsigned int)index < start) {
            return 0;   /* entries are sorted by start */
        }
        if ((unsigned int)index < start + size) {
            *target = (int)tgt;
            *depth = (int)(dl >> 1);
            *lasti = (int)(dl & 1);
            return 1;
        }
    }
    return 0;
}

/* ---- slot-name views ---------------------------------------------------------------------- */

/* Names of slots whose kind has any bit of `mask`.  Return a new reference to a tuple. */
static PyObject *
localsplus_names_with(PyCodeObject *co, int mask)
{
    const unsigned char *kinds = (const unsigned char *)PyBytes_AS_STRING(co->co_localspluskinds);
    Py_ssize_t n = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        if (kinds[i] & mask) {
            n++;
        }
    }
    PyObject *result = PyTuple_New(n);
    if (result == NULL) {
        return NULL;
    }
    n = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        if (kinds[i] & mask) {
            PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
            PyTuple_SET_ITEM(result, n++, Py_NewRef(name));
        }
    }
    return result;
}

PyObject *
PyCode_GetVarnames(PyCodeObject *co)
{
    return localsplus_names_with(co, CO_FAST_LOCAL);
}

PyObject *
PyCode_GetCellvars(PyCodeObject *co)
{
    return localsplus_names_with(co, CO_FAST_CELL);
}

PyObject *
PyCode_GetFreevars(PyCodeObject *co)
{
    return localsplus_names_with(co, CO_FAST_FREE);
}

PyObject *
PyCode_GetCode(PyCodeObject *co)
{
    return PyBytes_FromStringAndSize((const char *)co->co_code_adaptive, _PyCode_NBYTES(co));
}

/* ---- Python-level methods ------------------------------------------------------------------ */

static PyObject *
code_get_code(PyObject *self, void *Py_UNUSED(closure))
{
    return PyCode_GetCode((PyCodeObject *)self);
}

static PyObject *
code_get_varnames(PyObject *self, void *Py_UNUSED(closure))
{
    return PyCode_GetVarnames((PyCodeObject *)self);
}

static PyObject *
code_get_cellvars(PyObject *self, void *Py_UNUSED(closure))
{
    return PyCode_GetCellvars((PyCodeObject *)self);
}

static PyObject *
code_get_freevars(PyObject *self, void *Py_UNUSED(closure))
{
    return PyCode_GetFreevars((PyCodeObject *)self);
}

/* Line number, or None for -1.  Return a new reference. */
static PyObject *
int_or_none(int value)
{
    if (value < 0) {
        return Py_NewRef(Py_None);
    }
    return PyLong_FromLong(value);
}

/* code.co_lines(): iterator of (start, end, line) byte ranges, adjacent equal lines merged. */
static PyObject *
code_co_lines(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyCodeObject *co = (PyCodeObject *)self;
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    lt_cursor c;
    lt_init(&c, co);
    int run_start = 0, run_end = 0, run_line = -2;
    for (;;) {
        int more = lt_next(&c);
        if (!more || c.line != run_line) {
            if (run_line != -2 && run_end > run_start) {
                PyObject *line = int_or_none(run_line);
                PyObject *item = line == NULL ? NULL :
                    Py_BuildValue("(iiN)", run_start * 2, run_end * 2, line);
                if (item == NULL || PyList_Append(list, item) < 0) {
                    Py_XDECREF(item);
                    Py_DECREF(list);
                    return NULL;
                }
                Py_DECREF(item);
            }
            if (!more) {
                break;
            }
            run_start = c.start;
            run_line = c.line;
        }
        run_end = c.end;
    }
    PyObject *it = PyObject_GetIter(list);
    Py_DECREF(list);
    return it;
}

/* code.co_positions(): iterator of (line, end_line, col, end_col), one per code unit. */
static PyObject *
code_co_positions(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyCodeObject *co = (PyCodeObject *)self;
    Py_ssize_t n = Py_SIZE(co);
    PyObject *list = PyList_New(n);
    if (list == NULL) {
        return NULL;
    }
    lt_cursor c;
    lt_init(&c, co);
    Py_ssize_t i = 0;
    while (i < n) {
        int more = lt_next(&c);
        int limit = more ? c.end : (int)n;
        while (i < n && i < limit) {
            PyObject *item;
            if (more) {
                item = Py_BuildValue("(NNNN)", int_or_none(c.line), int_or_none(c.end_line),
                                     int_or_none(c.col), int_or_none(c.end_col));
            }
            else {
                item = Py_BuildValue("(OOOO)", Py_None, Py_None, Py_None, Py_None);
            }
            if (item == NULL) {
                Py_DECREF(list);
                return NULL;
            }
            PyList_SET_ITEM(list, i, item);
            i++;
        }
    }
    PyObject *it = PyObject_GetIter(list);
    Py_DECREF(list);
    return it;
}

/* Build localsplus names/kinds from varnames, cellvars and freevars (replace() and the
 * constructor).  Return 0 and two new references, or -1. */
static int
build_localsplus(PyObject *varnames, PyObject *cellvars, PyObject *freevars,
                 PyObject **names_out, PyObject **kinds_out)
{
    Py_ssize_t nv = PyTuple_GET_SIZE(varnames);
    Py_ssize_t nc = PyTuple_GET_SIZE(cellvars);
    Py_ssize_t nf = PyTuple_GET_SIZE(freevars);
    PyObject *names = PyTuple_New(nv + nc + nf);
    unsigned char *kinds = PyMem_Malloc((size_t)(nv + nc + nf) + 1);
    if (names == NULL || kinds == NULL) {
        Py_XDECREF(names);
        PyMem_Free(kinds);
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < nv; i++) {
        PyTuple_SET_ITEM(names, n, Py_NewRef(PyTuple_GET_ITEM(varnames, i)));
        kinds[n++] = CO_FAST_LOCAL;
    }
    for (Py_ssize_t i = 0; i < nc; i++) {
        PyObject *name = PyTuple_GET_ITEM(cellvars, i);
        Py_ssize_t j;
        for (j = 0; j < nv; j++) {
            int eq = PyUnicode_Compare(name, PyTuple_GET_ITEM(varnames, j)) == 0;
            if (eq) {
                break;
            }
        }
        if (j < nv) {
            kinds[j] |= CO_FAST_CELL;
            continue;
        }
        PyTuple_SET_ITEM(names, n, Py_NewRef(name));
        kinds[n++] = CO_FAST_CELL;
    }
    for (Py_ssize_t i = 0; i < nf; i++) {
        PyTuple_SET_ITEM(names, n, Py_NewRef(PyTuple_GET_ITEM(freevars, i)));
        kinds[n++] = CO_FAST_FREE;
    }
    if (n < nv + nc + nf) {
        PyObject *shorter = PyTuple_GetSlice(names, 0, n);
        Py_DECREF(names);
        if (shorter == NULL) {
            PyMem_Free(kinds);
            return -1;
        }
        names = shorter;
    }
    PyObject *kb = PyBytes_FromStringAndSize((const char *)kinds, n);
    PyMem_Free(kinds);
    if (kb == NULL) {
        Py_DECREF(names);
        return -1;
    }
    *names_out = names;
    *kinds_out = kb;
    return 0;
}

/* Fields a Python caller may set through replace() / the constructor. */
typedef struct {
    int argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags, firstlineno;
    PyObject *code, *consts, *names, *varnames, *freevars, *cellvars;
    PyObject *filename, *name, *qualname, *linetable, *exceptiontable;
} code_fields;

/* Borrowed references into co. */
static void
fields_from_code(PyCodeObject *co, code_fields *f, PyObject *views[4])
{
    f->argcount = co->co_argcount;
    f->posonlyargcount = co->co_posonlyargcount;
    f->kwonlyargcount = co->co_kwonlyargcount;
    f->nlocals = co->co_nlocals;
    f->stacksize = co->co_stacksize;
    f->flags = co->co_flags;
    f->firstlineno = co->co_firstlineno;
    f->code = views[0];
    f->consts = co->co_consts;
    f->names = co->co_names;
    f->varnames = views[1];
    f->cellvars = views[2];
    f->freevars = views[3];
    f->filename = co->co_filename;
    f->name = co->co_name;
    f->qualname = co->co_qualname;
    f->linetable = co->co_linetable;
    f->exceptiontable = co->co_exceptiontable;
}

/* Return a new reference. */
static PyObject *
code_from_fields(code_fields *f)
{
    if (!PyBytes_Check(f->code) || !PyTuple_Check(f->consts) || !PyTuple_Check(f->names) ||
        !PyTuple_Check(f->varnames) || !PyTuple_Check(f->cellvars) ||
        !PyTuple_Check(f->freevars) || !PyUnicode_Check(f->filename) ||
        !PyUnicode_Check(f->name) || !PyUnicode_Check(f->qualname) ||
        !PyBytes_Check(f->linetable) || !PyBytes_Check(f->exceptiontable)) {
        PyErr_SetString(PyExc_TypeError, "code: argument has the wrong type");
        return NULL;
    }
    if (check_tuple_of_str(f->varnames, "co_varnames") < 0 ||
        check_tuple_of_str(f->cellvars, "co_cellvars") < 0 ||
        check_tuple_of_str(f->freevars, "co_freevars") < 0) {
        return NULL;
    }
    if (f->nlocals != PyTuple_GET_SIZE(f->varnames)) {
        PyErr_SetString(PyExc_ValueError,
                        "code: co_nlocals != len(co_varnames)");
        return NULL;
    }
    PyObject *lnames, *lkinds;
    if (build_localsplus(f->varnames, f->cellvars, f->freevars, &lnames, &lkinds) < 0) {
        return NULL;
    }
    struct _PyCodeConstructor con = {
        .filename = f->filename, .name = f->name, .qualname = f->qualname,
        .flags = f->flags, .code = f->code, .firstlineno = f->firstlineno,
        .linetable = f->linetable, .consts = f->consts, .names = f->names,
        .localsplusnames = lnames, .localspluskinds = lkinds,
        .argcount = f->argcount, .posonlyargcount = f->posonlyargcount,
        .kwonlyargcount = f->kwonlyargcount, .stacksize = f->stacksize,
        .exceptiontable = f->exceptiontable,
    };
    PyObject *result = (PyObject *)_PyCode_New(&con);
    Py_DECREF(lnames);
    Py_DECREF(lkinds);
    return result;
}

/* Store value into the field called `key`.  Return 1 if known, 0 if not, -1 on error. */
static int
set_field(code_fields *f, const char *key, PyObject *value)
{
    static const struct { const char *name; size_t offset; } ints[] = {
        {"co_argcount", offsetof(code_fields, argcount)},
        {"co_posonlyargcount", offsetof(code_fields, posonlyargcount)},
        {"co_kwonlyargcount", offsetof(code_fields, kwonlyargcount)},
        {"co_nlocals", offsetof(code_fields, nlocals)},
        {"co_stacksize", offsetof(code_fields, stacksize)},
        {"co_flags", offsetof(code_fields, flags)},
        {"co_firstlineno", offsetof(code_fields, firstlineno)},
    };
    static const struct { const char *name; size_t offset; } objs[] = {
        {"co_code", offsetof(code_fields, code)},
        {"co_consts", offsetof(code_fields, consts)},
        {"co_names", offsetof(code_fields, names)},
        {"co_varnames", offsetof(code_fields, varnames)},
        {"co_freevars", offsetof(code_fields, freevars)},
        {"co_cellvars", offsetof(code_fields, cellvars)},
        {"co_filename", offsetof(code_fields, filename)},
        {"co_name", offsetof(code_fields, name)},
        {"co_qualname", offsetof(code_fields, qualname)},
        {"co_linetable", offsetof(code_fields, linetable)},
        {"co_exceptiontable", offsetof(code_fields, exceptiontable)},
    };
    for (size_t i = 0; i < sizeof(ints) / sizeof(ints[0]); i++) {
        if (strcmp(key, ints[i].name) == 0) {
            long v = PyLong_AsLong(value);
            if (v == -1 && PyErr_Occurred()) {
                return -1;
            }
            if (v < INT_MIN || v > INT_MAX) {
                PyErr_Format(PyExc_OverflowError, "%s is out of range", key);
                return -1;
            }
            *(int *)((char *)f + ints[i].offset) = (int)v;
            return 1;
        }
    }
    for (size_t i = 0; i < sizeof(objs) / sizeof(objs[0]); i++) {
        if (strcmp(key, objs[i].name) == 0) {
            *(PyObject **)((char *)f + objs[i].offset) = value;
            return 1;
        }
    }
    return 0;
}

/* code.replace(**changes): return a new code object. */
static PyObject *
code_replace(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyCodeObject *co = (PyCodeObject *)self;
    if (args != NULL && PyTuple_GET_SIZE(args) != 0) {
        PyErr_SetString(PyExc_TypeError, "replace() takes no positional arguments");
        return NULL;
    }
    PyObject *views[4] = {
        PyCode_GetCode(co), PyCode_GetVarnames(co), PyCode_GetCellvars(co),
        PyCode_GetFreevars(co)
    };
    PyObject *result = NULL;
    if (views[0] == NULL || views[1] == NULL || views[2] == NULL || views[3] == NULL) {
        goto done;
    }
    code_fields f;
    fields_from_code(co, &f, views);
    int nlocals_given = 0;
    if (kwargs != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwargs, &pos, &key, &value)) {
            const char *k = PyUnicode_AsUTF8(key);
            if (k == NULL) {
                goto done;
            }
            int r = set_field(&f, k, value);
            if (r < 0) {
                goto done;
            }
            if (r == 0) {
                PyErr_Format(PyExc_TypeError,
                             "replace() got an unexpected keyword argument '%s'", k);
                goto done;
            }
            if (strcmp(k, "co_nlocals") == 0) {
                nlocals_given = 1;
            }
        }
    }
    if (!nlocals_given && PyTuple_Check(f.varnames)) {
        f.nlocals = (int)PyTuple_GET_SIZE(f.varnames);
    }
    result = code_from_fields(&f);
done:
    for (int i = 0; i < 4; i++) {
        Py_XDECREF(views[i]);
    }
    return result;
}

/* types.CodeType(argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags,
 * codestring, constants, names, varnames, filename, name, qualname, firstlineno,
 * linetable, exceptiontable, freevars=(), cellvars=()) */
static PyObject *
code_new(PyTypeObject *Py_UNUSED(type), PyObject *args, PyObject *kwargs)
{
    static const char *const order[] = {
        "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",
        "co_stacksize", "co_flags", "co_code", "co_consts", "co_names", "co_varnames",
        "co_filename", "co_name", "co_qualname", "co_firstlineno", "co_linetable",
        "co_exceptiontable", "co_freevars", "co_cellvars",
    };
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "code() takes no keyword arguments");
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 16 || n > 18) {
        PyErr_Format(PyExc_TypeError, "code expected 16 to 18 arguments, got %zd", n);
        return NULL;
    }
    PyObject *empty = PyTuple_New(0);
    if (empty == NULL) {
        return NULL;
    }
    code_fields f;
    memset(&f, 0, sizeof(f));
    f.freevars = empty;
    f.cellvars = empty;
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (set_field(&f, order[i], PyTuple_GET_ITEM(args, i)) < 0) {
            goto done;
        }
    }
    result = code_from_fields(&f);
done:
    Py_DECREF(empty);
    return result;
}

static PyObject *
code_repr(PyObject *self)
{
    PyCodeObject *co = (PyCodeObject *)self;
    return PyUnicode_FromFormat("<code object %U at %p, file \"%U\", line %d>",
                                co->co_name, self, co->co_filename, co->co_firstlineno);
}

/* Constants compare equal only if they have the same type and, for floats and complex
 * numbers, the same bits (0.0 and -0.0 differ); containers compare element-wise.
 * Return 1, 0 or -1. */
static int
const_equal(PyObject *a, PyObject *b)
{
    if (a == b) {
        return 1;
    }
    if (Py_TYPE(a) != Py_TYPE(b)) {
        return 0;
    }
    if (PyFloat_CheckExact(a)) {
        double x = PyFloat_AS_DOUBLE(a), y = PyFloat_AS_DOUBLE(b);
        return memcmp(&x, &y, sizeof(double)) == 0;
    }
    if (PyComplex_CheckExact(a)) {
        Py_complex x = PyComplex_AsCComplex(a), y = PyComplex_AsCComplex(b);
        return memcmp(&x.real, &y.real, sizeof(double)) == 0 &&
               memcmp(&x.imag, &y.imag, sizeof(double)) == 0;
    }
    if (PyTuple_CheckExact(a)) {
        Py_ssize_t n = PyTuple_GET_SIZE(a);
        if (n != PyTuple_GET_SIZE(b)) {
            return 0;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            int r = const_equal(PyTuple_GET_ITEM(a, i), PyTuple_GET_ITEM(b, i));
            if (r <= 0) {
                return r;
            }
        }
        return 1;
    }
    return PyObject_RichCompareBool(a, b, Py_EQ);
}

static PyObject *
code_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyCode_Check(self) || !PyCode_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyCodeObject *a = (PyCodeObject *)self, *b = (PyCodeObject *)other;
    int eq = 1;
    if (a != b) {
        eq = a->co_argcount == b->co_argcount &&
             a->co_posonlyargcount == b->co_posonlyargcount &&
             a->co_kwonlyargcount == b->co_kwonlyargcount &&
             a->co_flags == b->co_flags &&
             a->co_firstlineno == b->co_firstlineno &&
             Py_SIZE(a) == Py_SIZE(b) &&
             memcmp(a->co_code_adaptive, b->co_code_adaptive,
                    (size_t)_PyCode_NBYTES(a)) == 0;
        PyObject *pairs[][2] = {
            {a->co_name, b->co_name},
            {a->co_consts, b->co_consts},
            {a->co_names, b->co_names},
            {a->co_localsplusnames, b->co_localsplusnames},
            {a->co_localspluskinds, b->co_localspluskinds},
            {a->co_linetable, b->co_linetable},
            {a->co_exceptiontable, b->co_exceptiontable},
        };
        for (size_t i = 0; eq && i < sizeof(pairs) / sizeof(pairs[0]); i++) {
            int r = (i == 1) ? const_equal(pairs[i][0], pairs[i][1])
                             : PyObject_RichCompareBool(pairs[i][0], pairs[i][1], Py_EQ);
            if (r < 0) {
                return NULL;
            }
            eq = r;
        }
    }
    if (op == Py_NE) {
        eq = !eq;
    }
    return Py_NewRef(eq ? Py_True : Py_False);
}

static Py_hash_t
code_hash(PyObject *self)
{
    PyCodeObject *co = (PyCodeObject *)self;
    Py_uhash_t h = 0x345678UL;
    PyObject *parts[] = {co->co_name, co->co_names, co->co_localsplusnames};
    for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
        Py_hash_t ph = PyObject_Hash(parts[i]);
        if (ph == -1) {
            return -1;
        }
        h = (h ^ (Py_uhash_t)ph) * 1000003UL;
    }
    h = (h ^ (Py_uhash_t)PyTuple_GET_SIZE(co->co_consts)) * 1000003UL;
    h = (h ^ (Py_uhash_t)co->co_argcount) * 1000003UL;
    h = (h ^ (Py_uhash_t)co->co_posonlyargcount) * 1000003UL;
    h = (h ^ (Py_uhash_t)co->co_kwonlyargcount) * 1000003UL;
    h = (h ^ (Py_uhash_t)co->co_flags) * 1000003UL;
    h = (h ^ (Py_uhash_t)co->co_firstlineno) * 1000003UL;
    for (Py_ssize_t i = 0; i < Py_SIZE(co); i++) {
        h = (h ^ co->co_code_adaptive[i]) * 1000003UL;
    }
    if (h == (Py_uhash_t)-1) {
        h = (Py_uhash_t)-2;
    }
    return (Py_hash_t)h;
}

static void
code_dealloc(PyObject *self)
{
    PyCodeObject *co = (PyCodeObject *)self;
    if (co->co_weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    Py_XDECREF(co->co_consts);
    Py_XDECREF(co->co_names);
    Py_XDECREF(co->co_exceptiontable);
    Py_XDECREF(co->co_localsplusnames);
    Py_XDECREF(co->co_localspluskinds);
    Py_XDECREF(co->co_filename);
    Py_XDECREF(co->co_name);
    Py_XDECREF(co->co_qualname);
    Py_XDECREF(co->co_linetable);
    PyObject_Free(self);
}

static PyObject *
code_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyCodeObject *co = (PyCodeObject *)self;
    return PyLong_FromSsize_t((Py_ssize_t)offsetof(PyCodeObject, co_code_adaptive) +
                              _PyCode_NBYTES(co));
}

static PyObject *
code_get_nlocals(PyObject *self, void *Py_UNUSED(closure))
{
    return PyLong_FromLong(((PyCodeObject *)self)->co_nlocals);
}

static PyMethodDef code_methods[] = {
    {"co_lines", code_co_lines, METH_NOARGS, "Iterator of (start, end, line) triples."},
    {"co_positions", code_co_positions, METH_NOARGS,
     "Iterator of (line, end_line, col, end_col) per instruction."},
    {"replace", (PyCFunction)(void (*)(void))code_replace, METH_VARARGS | METH_KEYWORDS,
     "Return a copy of the code object with new values for the given fields."},
    {"__replace__", (PyCFunction)(void (*)(void))code_replace, METH_VARARGS | METH_KEYWORDS,
     "The same as replace()."},
    {"__sizeof__", code_sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

#define CODE_OFF(field) offsetof(PyCodeObject, field)

static PyMemberDef code_members[] = {
    {"co_argcount", Py_T_INT, CODE_OFF(co_argcount), Py_READONLY, NULL},
    {"co_posonlyargcount", Py_T_INT, CODE_OFF(co_posonlyargcount), Py_READONLY, NULL},
    {"co_kwonlyargcount", Py_T_INT, CODE_OFF(co_kwonlyargcount), Py_READONLY, NULL},
    {"co_stacksize", Py_T_INT, CODE_OFF(co_stacksize), Py_READONLY, NULL},
    {"co_flags", Py_T_INT, CODE_OFF(co_flags), Py_READONLY, NULL},
    {"co_firstlineno", Py_T_INT, CODE_OFF(co_firstlineno), Py_READONLY, NULL},
    {"co_consts", _Py_T_OBJECT, CODE_OFF(co_consts), Py_READONLY, NULL},
    {"co_names", _Py_T_OBJECT, CODE_OFF(co_names), Py_READONLY, NULL},
    {"co_filename", _Py_T_OBJECT, CODE_OFF(co_filename), Py_READONLY, NULL},
    {"co_name", _Py_T_OBJECT, CODE_OFF(co_name), Py_READONLY, NULL},
    {"co_qualname", _Py_T_OBJECT, CODE_OFF(co_qualname), Py_READONLY, NULL},
    {"co_linetable", _Py_T_OBJECT, CODE_OFF(co_linetable), Py_READONLY, NULL},
    {"co_exceptiontable", _Py_T_OBJECT, CODE_OFF(co_exceptiontable), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef code_getsets[] = {
    {"co_code", code_get_code, NULL, "The bytecode as bytes.", NULL},
    {"co_varnames", code_get_varnames, NULL, "Names of the local variables.", NULL},
    {"co_cellvars", code_get_cellvars, NULL, "Names of cell variables.", NULL},
    {"co_freevars", code_get_freevars, NULL, "Names of free variables.", NULL},
    {"co_nlocals", code_get_nlocals, NULL, "Number of local variables.", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyCode_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "code",
    .tp_basicsize = offsetof(PyCodeObject, co_code_adaptive),
    .tp_itemsize = sizeof(_Py_CODEUNIT),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_hash = code_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Create a code object.  Not for the faint of heart.",
    .tp_richcompare = code_richcompare,
    .tp_weaklistoffset = offsetof(PyCodeObject, co_weakreflist),
    .tp_methods = code_methods,
    .tp_members = code_members,
    .tp_getset = code_getsets,
    .tp_new = code_new,
};
_Py_REGISTER_STATIC_TYPE(PyCode_Type);
