/* Code generation: AST + symbol table -> one instruction sequence per scope -> code objects.
 *
 * One `struct compiler_unit` per scope being compiled (the module, then each class,
 * function, lambda and comprehension in turn, innermost on top of c->c_stack).  A unit
 * collects instructions (Include/internal/pycore_compile.h), its constants and names, and the
 * names of its locals, cells and free variables.  When a scope is done, flowgraph.c and
 * assemble.c turn the sequence into a code object, which becomes a constant of the parent.
 *
 * Conventions: every codegen function returns 0 on success and -1 with an exception set.
 * Jumps and SETUP_* pseudo-instructions name labels (new_label / USE_LABEL); the
 * flowgraph resolves them.  Every instruction carries the location of the AST node it
 * comes from; synthetic cleanup code uses NO_LOCATION.
 *
 * The frame-block stack (u_fblock) records the constructs that `break`, `continue` and
 * `return` must unwind through: loops, try/finally (whose finally body is compiled again
 * inline at each exit), with statements (which call __exit__), and exception handlers
 * (which restore the previously handled exception).
 *
 * Comprehensions: list, set and dict comprehensions without nested scopes of their own
 * (other than comprehensions inlined into them) are inlined as PEP 709 does (asynchronous
 * ones only inside async functions): no frame; their variables are saved and restored
 * around them, and in module and class code they are hidden fast locals (a class body's
 * names stay invisible to them).  The others (containing a lambda or generator expression,
 * ones using __class__ in a class body) and every generator expression are compiled as nested
 * functions called with the first iterator (as CPython 3.11 did): tracebacks then show an
 * extra <listcomp> & co frame, and zero-argument super() inside them does not work,
 * unlike CPython 3.13. */

#include "Python.h"
#include "internal/pycore_ast.h"
#include "internal/pycore_code.h"
#include "internal/pycore_compile.h"
#include "internal/pycore_initconfig.h"
#include "internal/pycore_opcode.h"
#include "internal/pycore_parser.h"
#include "internal/pycore_symtable.h"

#include <stdarg.h>

int _Py_CompilerOptimizeLevel = 0;

/* The -O level compile() uses by default: the larger of the command line's
 * (_Py_CoreConfig, read-only after start-up) and _Py_CompilerOptimizeLevel. */
static int
default_optimize_level(void)
{
    int level = _Py_CoreConfig.optimization_level;
    return level > _Py_CompilerOptimizeLevel ? level : _Py_CompilerOptimizeLevel;
}


#define SUCCESS 0
#define ERROR -1
#define RETURN_IF_ERROR(X)                                                                  \
    do {                                                                                    \
        if ((X) < 0) {                                                                      \
            return ERROR;                                                                   \
        }                                                                                   \
    } while (0)

#define MAXBLOCKS 20
#define STACK_USE_GUIDELINE 30

typedef _PyCompile_Location location;
#define NO_LOCATION _PyCompile_NO_LOCATION
#define LOC(x) ((location){(x)->lineno, (x)->end_lineno, (x)->col_offset, (x)->end_col_offset})

enum fblocktype {
    WHILE_LOOP, FOR_LOOP, TRY_EXCEPT, FINALLY_TRY, FINALLY_END, WITH, ASYNC_WITH,
    HANDLER_CLEANUP, POP_VALUE, EXCEPTION_HANDLER, EXCEPTION_GROUP_HANDLER,
    ASYNC_COMPREHENSION_GENERATOR, STOP_ITERATION
};

struct fblockinfo {
    enum fblocktype fb_type;
    int fb_block;       /* label: loop start (continue target) */
    int fb_exit;        /* label: loop end (break target) */
    void *fb_datum;     /* finally body (asdl_stmt_seq *) or handler name (PyObject *) */
    location fb_loc;
};

enum {
    SCOPE_MODULE, SCOPE_CLASS, SCOPE_FUNCTION, SCOPE_ASYNC_FUNCTION, SCOPE_LAMBDA,
    SCOPE_COMPREHENSION, SCOPE_ANNOTATIONS, SCOPE_TYPEPARAMS
};

struct compiler_unit {
    PySTEntryObject *u_ste;     /* borrowed from the symtable */
    int u_scope_type;
    PyObject *u_name;
    PyObject *u_qualname;
    PyObject *u_private;        /* class name for mangling, or NULL */
    PyObject *u_consts;         /* dict: constant key -> index */
    PyObject *u_consts_list;    /* list of constants in index order */
    PyObject *u_names;          /* dict: name -> index (co_names) */
    PyObject *u_varnames;       /* dict: local name -> slot */
    PyObject *u_cellvars;       /* dict: cell name -> deref index */
    PyObject *u_freevars;       /* dict: free name -> deref index (after the cells) */
    PyObject *u_static_attributes; /* set (class units): self.X names seen in methods */
    _PyCompile_InstructionSequence u_seq;
    int u_argcount, u_posonlyargcount, u_kwonlyargcount;
    int u_firstlineno;
    struct fblockinfo u_fblock[MAXBLOCKS];
    int u_nfblocks;
    int u_has_docstring;
    int u_toplevel_await;       /* module code using await (PyCF_ALLOW_TOP_LEVEL_AWAIT) */
    PyObject *u_hidden;         /* set: fast locals of comprehensions inlined in module code
                                   (CO_FAST_HIDDEN), or NULL */
    PyObject *u_fasthidden;     /* set: those names while their comprehension is compiled,
                                   else NULL (borrowed from a local of the inliner) */
    int u_in_inlined_comp;      /* compiling an inlined comprehension's body */
};

struct compiler {
    PyObject *c_filename;
    struct symtable *c_st;
    _PyFutureFeatures c_future;
    int c_flags;                /* PyCF_* and CO_FUTURE_* */
    int c_optimize;
    int c_interactive;
    int c_nestlevel;
    struct compiler_unit *u;
    struct compiler_unit *c_stack[256];
    int c_nstack;
    PyArena *c_arena;
    int c_depth;                /* expression nesting, bounded like the symtable's */
    int c_inlining_comprehension; /* generating the first loop of an inlined comprehension */
};

/* ---- syntax errors ------------------------------------------------------------------------ */

/* The source line `lineno` of file `filename`, or NULL (no exception) if unavailable.
 * Return a new reference. */
static PyObject *
source_line(PyObject *filename, int lineno)
{
    if (lineno < 1 || filename == NULL || !PyUnicode_Check(filename)) {
        return NULL;
    }
    const char *path = PyUnicode_AsUTF8(filename);
    if (path == NULL) {
        PyErr_Clear();
        return NULL;
    }
    if (path[0] == '<') {
        return NULL;
    }
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        return NULL;
    }
    char buf[1024];
    int line = 1;
    PyObject *result = NULL;
    size_t len = 0;
    char *acc = NULL;
    while (fgets(buf, sizeof(buf), fp) != NULL) {
        size_t n = strlen(buf);
        if (line == lineno) {
            char *nacc = PyMem_Realloc(acc, len + n + 1);
            if (nacc == NULL) {
                break;
            }
            acc = nacc;
            memcpy(acc + len, buf, n + 1);
            len += n;
        }
        if (n > 0 && buf[n - 1] == '\n') {
            if (line == lineno) {
                break;
            }
            line++;
        }
    }
    fclose(fp);
    if (acc != NULL) {
        result = PyUnicode_DecodeUTF8(acc, (Py_ssize_t)len, "replace");
        if (result == NULL) {
            PyErr_Clear();
        }
        PyMem_Free(acc);
    }
    return result;
}

int
_PyCompile_RaiseSyntaxError(PyObject *exc, PyObject *filename, int lineno, int col_offset,
                            int end_lineno, int end_col_offset, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *msg = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    if (msg == NULL) {
        return -1;
    }
    PyObject *text = source_line(filename, lineno);
    if (text == NULL) {
        text = Py_NewRef(Py_None);
    }
    PyObject *args = Py_BuildValue("(O(OiiNii))", msg, filename ? filename : Py_None,
                                   lineno, col_offset + 1, text, end_lineno,
                                   end_col_offset + 1);
    Py_DECREF(msg);
    if (args == NULL) {
        return -1;
    }
    PyObject *value = PyObject_Call(exc, args, NULL);
    Py_DECREF(args);
    if (value != NULL) {
        PyErr_SetObject(exc, value);
        Py_DECREF(value);
    }
    return -1;
}

static int
compiler_error(struct compiler *c, location loc, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *msg = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    if (msg == NULL) {
        return ERROR;
    }
    const char *m = PyUnicode_AsUTF8(msg);
    if (m != NULL) {
        _PyCompile_RaiseSyntaxError(PyExc_SyntaxError, c->c_filename, loc.lineno,
                                    loc.col_offset, loc.end_lineno, loc.end_col_offset,
                                    "%s", m);
    }
    Py_DECREF(msg);
    return ERROR;
}

static int
compiler_warn(struct compiler *c, location loc, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *msg = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    if (msg == NULL) {
        return ERROR;
    }
    int r = PyErr_WarnExplicitObject(PyExc_SyntaxWarning, msg, c->c_filename, loc.lineno,
                                     NULL, NULL);
    if (r < 0 && PyErr_ExceptionMatches(PyExc_SyntaxWarning)) {
        /* Warnings turned into errors become SyntaxErrors. */
        PyErr_Clear();
        const char *m = PyUnicode_AsUTF8(msg);
        if (m != NULL) {
            compiler_error(c, loc, "%s", m);
        }
    }
    Py_DECREF(msg);
    return r < 0 ? ERROR : SUCCESS;
}

/* ---- instruction emission ----------------------------------------------------------------- */

static int
seq_add(_PyCompile_InstructionSequence *seq, int opcode, int oparg, location loc)
{
    if (seq->used == seq->allocated) {
        int cap = seq->allocated ? seq->allocated * 2 : 64;
        _PyCompile_Instruction *n = PyMem_Realloc(seq->instrs,
                                                  sizeof(_PyCompile_Instruction) * (size_t)cap);
        if (n == NULL) {
            PyErr_NoMemory();
            return ERROR;
        }
        seq->instrs = n;
        seq->allocated = cap;
    }
    _PyCompile_Instruction *in = &seq->instrs[seq->used++];
    in->opcode = opcode;
    in->oparg = oparg;
    in->loc = loc;
    return SUCCESS;
}

static int
addop_i(struct compiler *c, location loc, int opcode, int oparg)
{
    return seq_add(&c->u->u_seq, opcode, oparg, loc);
}

static int
new_label(struct compiler *c)
{
    return c->u->u_seq.nlabels++;
}

#define ADDOP(C, LOC, OP) RETURN_IF_ERROR(addop_i((C), (LOC), (OP), 0))
#define ADDOP_I(C, LOC, OP, O) RETURN_IF_ERROR(addop_i((C), (LOC), (OP), (O)))
#define ADDOP_JUMP(C, LOC, OP, L) RETURN_IF_ERROR(addop_i((C), (LOC), (OP), (L)))
#define USE_LABEL(C, L) RETURN_IF_ERROR(addop_i((C), NO_LOCATION, LABEL, (L)))
#define NEW_LABEL(C, NAME) int NAME = new_label(C)
#define VISIT(C, KIND, V) RETURN_IF_ERROR(compiler_visit_##KIND((C), (V)))
#define VISIT_SEQ(C, KIND, SEQ)                                                             \
    do {                                                                                    \
        for (Py_ssize_t _i = 0; _i < asdl_seq_LEN(SEQ); _i++) {                             \
            RETURN_IF_ERROR(compiler_visit_##KIND((C), asdl_seq_GET((SEQ), _i)));          \
        }                                                                                   \
    } while (0)

/* Return a new reference to the tuple (a, b); steals a reference to b. */
static PyObject *
pair_steal(PyObject *a, PyObject *b)
{
    /* Types are keyed by identity (an int), which needs no hashing of type objects. */
    PyObject *id = PyLong_FromVoidPtr(a);
    if (id == NULL) {
        Py_DECREF(b);
        return NULL;
    }
    PyObject *t = PyTuple_Pack(2, id, b);
    Py_DECREF(id);
    Py_DECREF(b);
    return t;
}

/* Key under which a constant is deduplicated: distinguishes 1, 1.0, True, 0.0 and -0.0.
 * Return a new reference. */
static PyObject *
const_key(PyObject *o)
{
    if (PyUnicode_CheckExact(o)) {
        return Py_NewRef(o);
    }
    if (PyFloat_CheckExact(o) || PyComplex_CheckExact(o)) {
        PyObject *bits;
        if (PyFloat_CheckExact(o)) {
            double d = PyFloat_AS_DOUBLE(o);
            bits = PyBytes_FromStringAndSize((const char *)&d, sizeof(d));
        }
        else {
            Py_complex z = PyComplex_AsCComplex(o);
            bits = PyBytes_FromStringAndSize((const char *)&z, sizeof(z));
        }
        if (bits == NULL) {
            return NULL;
        }
        return pair_steal((PyObject *)Py_TYPE(o), bits);
    }
    if (PyTuple_CheckExact(o) || PyFrozenSet_CheckExact(o)) {
        PyObject *items;
        if (PyTuple_CheckExact(o)) {
            items = Py_NewRef(o);
        }
        else {
            items = PyTuple_New(PySet_Size(o));
            if (items == NULL) {
                return NULL;
            }
            Py_ssize_t spos = 0, k = 0;
            PyObject *item;
            Py_hash_t hash;
            while (_PySet_NextEntry(o, &spos, &item, &hash)) {
                PyTuple_SET_ITEM(items, k++, Py_NewRef(item));
            }
        }
        Py_ssize_t n = PyTuple_GET_SIZE(items);
        PyObject *keys = PyTuple_New(n);
        if (keys == NULL) {
            Py_DECREF(items);
            return NULL;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *k = const_key(PyTuple_GET_ITEM(items, i));
            if (k == NULL) {
                Py_DECREF(items);
                Py_DECREF(keys);
                return NULL;
            }
            PyTuple_SET_ITEM(keys, i, k);
        }
        Py_DECREF(items);
        if (PyFrozenSet_CheckExact(o)) {
            PyObject *fs = PyFrozenSet_New(keys);
            Py_DECREF(keys);
            if (fs == NULL) {
                return NULL;
            }
            return pair_steal((PyObject *)Py_TYPE(o), fs);
        }
        return pair_steal((PyObject *)Py_TYPE(o), keys);
    }
    if (PyCode_Check(o) || PySlice_Check(o)) {
        PyObject *id = PyLong_FromVoidPtr(o);
        if (id == NULL) {
            return NULL;
        }
        return pair_steal((PyObject *)Py_TYPE(o), id);
    }
    return pair_steal((PyObject *)Py_TYPE(o), Py_NewRef(o));
}

/* Index of constant o in the current unit (added if new). */
static Py_ssize_t
add_const(struct compiler *c, PyObject *o)
{
    struct compiler_unit *u = c->u;
    PyObject *key = const_key(o);
    if (key == NULL) {
        return ERROR;
    }
    PyObject *v = PyDict_GetItemWithError(u->u_consts, key);
    if (v != NULL) {
        Py_DECREF(key);
        return PyLong_AsSsize_t(v);
    }
    if (PyErr_Occurred()) {
        Py_DECREF(key);
        return ERROR;
    }
    Py_ssize_t idx = PyList_GET_SIZE(u->u_consts_list);
    PyObject *iv = PyLong_FromSsize_t(idx);
    if (iv == NULL || PyDict_SetItem(u->u_consts, key, iv) < 0 ||
        PyList_Append(u->u_consts_list, o) < 0) {
        Py_XDECREF(iv);
        Py_DECREF(key);
        return ERROR;
    }
    Py_DECREF(iv);
    Py_DECREF(key);
    return idx;
}

static int
addop_load_const(struct compiler *c, location loc, PyObject *o)
{
    Py_ssize_t idx = add_const(c, o);
    if (idx < 0) {
        return ERROR;
    }
    return addop_i(c, loc, LOAD_CONST, (int)idx);
}

#define ADDOP_LOAD_CONST(C, LOC, O) RETURN_IF_ERROR(addop_load_const((C), (LOC), (O)))
#define ADDOP_LOAD_CONST_NEW(C, LOC, O)                                                     \
    do {                                                                                    \
        PyObject *_o = (O);                                                                 \
        if (_o == NULL) {                                                                   \
            return ERROR;                                                                   \
        }                                                                                   \
        int _r = addop_load_const((C), (LOC), _o);                                          \
        Py_DECREF(_o);                                                                      \
        RETURN_IF_ERROR(_r);                                                                \
    } while (0)

/* Index of o in dict (added with the next index if new). */
static Py_ssize_t
dict_add(PyObject *dict, PyObject *o)
{
    PyObject *v = PyDict_GetItemWithError(dict, o);
    if (v != NULL) {
        return PyLong_AsSsize_t(v);
    }
    if (PyErr_Occurred()) {
        return ERROR;
    }
    Py_ssize_t idx = PyDict_GET_SIZE(dict);
    PyObject *iv = PyLong_FromSsize_t(idx);
    if (iv == NULL || PyDict_SetItem(dict, o, iv) < 0) {
        Py_XDECREF(iv);
        return ERROR;
    }
    Py_DECREF(iv);
    return idx;
}

static PyObject *
mangle(struct compiler *c, PyObject *name)
{
    return _Py_Mangle(c->u->u_private, name);
}

/* Emit op with the co_names index of (mangled) name; shift/low bits as LOAD_ATTR etc. need. */
static int
addop_name(struct compiler *c, location loc, int opcode, PyObject *name, int do_mangle,
           int shift, int low)
{
    PyObject *m = do_mangle ? mangle(c, name) : Py_NewRef(name);
    if (m == NULL) {
        return ERROR;
    }
    Py_ssize_t idx = dict_add(c->u->u_names, m);
    Py_DECREF(m);
    if (idx < 0) {
        return ERROR;
    }
    return addop_i(c, loc, opcode, (int)((idx << shift) | low));
}

#define ADDOP_NAME(C, LOC, OP, N) RETURN_IF_ERROR(addop_name((C), (LOC), (OP), (N), 1, 0, 0))

/* ---- units -------------------------------------------------------------------------------- */

static void
unit_free(struct compiler_unit *u)
{
    if (u == NULL) {
        return;
    }
    Py_XDECREF(u->u_ste);
    Py_XDECREF(u->u_name);
    Py_XDECREF(u->u_qualname);
    Py_XDECREF(u->u_private);
    Py_XDECREF(u->u_consts);
    Py_XDECREF(u->u_consts_list);
    Py_XDECREF(u->u_names);
    Py_XDECREF(u->u_varnames);
    Py_XDECREF(u->u_cellvars);
    Py_XDECREF(u->u_freevars);
    Py_XDECREF(u->u_static_attributes);
    Py_XDECREF(u->u_hidden);
    PyMem_Free(u->u_seq.instrs);
    PyMem_Free(u);
}

static int
compare_names(const void *a, const void *b)
{
    return PyUnicode_Compare(*(PyObject *const *)a, *(PyObject *const *)b);
}

/* dict of the names in src whose scope is `scope` (or with flag bit `flag`), sorted, indexed
 * from `offset`.  Return a new reference. */
static PyObject *
names_by_scope(PyObject *src, int scope, long flag, Py_ssize_t offset)
{
    PyObject *result = PyDict_New();
    if (result == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyDict_GET_SIZE(src), k = 0, pos = 0;
    PyObject **names = PyMem_Malloc(sizeof(PyObject *) * (size_t)(n + 1));
    if (names == NULL) {
        Py_DECREF(result);
        PyErr_NoMemory();
        return NULL;
    }
    PyObject *key, *value;
    while (PyDict_Next(src, &pos, &key, &value)) {
        long flags = PyLong_AsLong(value);
        int s = (int)((flags >> SCOPE_OFFSET) & 0xf);
        if (s == scope || (flags & flag)) {
            names[k++] = key;
        }
    }
    qsort(names, (size_t)k, sizeof(PyObject *), compare_names);
    for (Py_ssize_t i = 0; i < k; i++) {
        PyObject *iv = PyLong_FromSsize_t(i + offset);
        if (iv == NULL || PyDict_SetItem(result, names[i], iv) < 0) {
            Py_XDECREF(iv);
            PyMem_Free(names);
            Py_DECREF(result);
            return NULL;
        }
        Py_DECREF(iv);
    }
    PyMem_Free(names);
    return result;
}

static int
compiler_enter_scope(struct compiler *c, PyObject *name, int scope_type, void *key,
                     int lineno)
{
    if (c->c_nstack >= (int)(sizeof(c->c_stack) / sizeof(c->c_stack[0])) - 1) {
        PyErr_SetString(PyExc_RecursionError, "too many nested scopes during compilation");
        return ERROR;
    }
    struct compiler_unit *u = PyMem_Calloc(1, sizeof(struct compiler_unit));
    if (u == NULL) {
        PyErr_NoMemory();
        return ERROR;
    }
    u->u_scope_type = scope_type;
    u->u_name = Py_NewRef(name);
    u->u_ste = _PySymtable_Lookup(c->c_st, key);
    u->u_consts = PyDict_New();
    u->u_consts_list = PyList_New(0);
    u->u_names = PyDict_New();
    u->u_varnames = PyDict_New();
    u->u_firstlineno = lineno;
    if (!u->u_ste || !u->u_consts || !u->u_consts_list || !u->u_names || !u->u_varnames) {
        unit_free(u);
        return ERROR;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(u->u_ste->ste_varnames); i++) {
        if (dict_add(u->u_varnames, PyList_GET_ITEM(u->u_ste->ste_varnames, i)) < 0) {
            unit_free(u);
            return ERROR;
        }
    }
    u->u_cellvars = names_by_scope(u->u_ste->ste_symbols, CELL, 0, 0);
    if (u->u_cellvars == NULL) {
        unit_free(u);
        return ERROR;
    }
    if (u->u_ste->ste_needs_class_closure &&
        dict_add(u->u_cellvars, _Py_ID(__class__)) < 0) {
        unit_free(u);
        return ERROR;
    }
    if (u->u_ste->ste_needs_classdict &&
        dict_add(u->u_cellvars, _Py_ID(__classdict__)) < 0) {
        unit_free(u);
        return ERROR;
    }
    u->u_freevars = names_by_scope(u->u_ste->ste_symbols, FREE, DEF_FREE_CLASS,
                                   PyDict_GET_SIZE(u->u_cellvars));
    if (u->u_freevars == NULL) {
        unit_free(u);
        return ERROR;
    }
    if (scope_type == SCOPE_CLASS) {
        u->u_static_attributes = PySet_New(NULL);
        if (u->u_static_attributes == NULL) {
            unit_free(u);
            return ERROR;
        }
    }
    /* The private name is inherited from the enclosing class. */
    if (scope_type == SCOPE_CLASS) {
        u->u_private = Py_NewRef(name);
    }
    else if (c->u != NULL && c->u->u_private != NULL) {
        u->u_private = Py_NewRef(c->u->u_private);
    }
    if (c->u != NULL) {
        c->c_stack[c->c_nstack++] = c->u;
    }
    c->u = u;
    c->c_nestlevel++;
    return SUCCESS;
}

static void
compiler_exit_scope(struct compiler *c)
{
    c->c_nestlevel--;
    unit_free(c->u);
    c->u = c->c_nstack > 0 ? c->c_stack[--c->c_nstack] : NULL;
}

/* co_qualname of the unit just entered: parent's qualname + ".<locals>." for functions. */
static int
compiler_set_qualname(struct compiler *c)
{
    struct compiler_unit *u = c->u;
    PyObject *base = NULL;
    if (c->c_nstack > 0) {
        struct compiler_unit *parent = c->c_stack[c->c_nstack - 1];
        if (parent->u_scope_type == SCOPE_TYPEPARAMS && c->c_nstack > 1) {
            /* Generic functions/classes: skip the type-parameter scope. */
            parent = c->c_stack[c->c_nstack - 2];
        }
        if (u->u_scope_type == SCOPE_FUNCTION || u->u_scope_type == SCOPE_ASYNC_FUNCTION ||
            u->u_scope_type == SCOPE_CLASS) {
            PyObject *mangled = _Py_Mangle(parent->u_private, u->u_name);
            if (mangled == NULL) {
                return ERROR;
            }
            int scope = _PyST_GetScope(parent->u_ste, mangled);
            Py_DECREF(mangled);
            if (scope == GLOBAL_EXPLICIT) {
                u->u_qualname = Py_NewRef(u->u_name);
                return SUCCESS;
            }
        }
        if (parent->u_scope_type == SCOPE_FUNCTION ||
            parent->u_scope_type == SCOPE_ASYNC_FUNCTION ||
            parent->u_scope_type == SCOPE_LAMBDA) {
            base = PyUnicode_FromFormat("%U.<locals>", parent->u_qualname);
        }
        else if (parent->u_scope_type != SCOPE_MODULE) {
            base = Py_NewRef(parent->u_qualname);
        }
        if (base == NULL && PyErr_Occurred()) {
            return ERROR;
        }
    }
    if (base != NULL) {
        u->u_qualname = PyUnicode_FromFormat("%U.%U", base, u->u_name);
        Py_DECREF(base);
        if (u->u_qualname == NULL) {
            return ERROR;
        }
    }
    else {
        u->u_qualname = Py_NewRef(u->u_name);
    }
    return SUCCESS;
}

/* ---- finishing a unit ---------------------------------------------------------------------- */

static int
compute_code_flags(struct compiler *c)
{
    PySTEntryObject *ste = c->u->u_ste;
    int flags = 0;
    if (_PyST_IsFunctionLike(ste)) {
        flags |= CO_NEWLOCALS | CO_OPTIMIZED;
        if (ste->ste_nested) {
            flags |= CO_NESTED;
        }
        if (ste->ste_generator && !ste->ste_coroutine) {
            flags |= CO_GENERATOR;
        }
        if (!ste->ste_generator && ste->ste_coroutine) {
            flags |= CO_COROUTINE;
        }
        if (ste->ste_generator && ste->ste_coroutine) {
            flags |= CO_ASYNC_GENERATOR;
        }
        if (ste->ste_varargs) {
            flags |= CO_VARARGS;
        }
        if (ste->ste_varkeywords) {
            flags |= CO_VARKEYWORDS;
        }
    }
    flags |= c->c_flags & PyCF_MASK;
    if (c->u->u_toplevel_await && c->u->u_scope_type == SCOPE_MODULE) {
        flags |= CO_COROUTINE;
    }
    return flags;
}

static int
is_deref_op(int opcode)
{
    return opcode == LOAD_DEREF || opcode == STORE_DEREF || opcode == DELETE_DEREF ||
           opcode == LOAD_FROM_DICT_OR_DEREF || opcode == MAKE_CELL ||
           opcode == LOAD_CLOSURE;
}

/* Build the code object of the current unit. */
static PyCodeObject *
assemble_unit(struct compiler *c)
{
    struct compiler_unit *u = c->u;
    PyCodeObject *co = NULL;
    PyObject *consts = NULL, *names = NULL, *lnames = NULL, *lkinds = NULL;
    int *deref_slot = NULL;
    unsigned char *kinds = NULL;
    _PyCompile_InstructionSequence full = {0};

    Py_ssize_t nlocals = PyDict_GET_SIZE(u->u_varnames);
    Py_ssize_t ncells = PyDict_GET_SIZE(u->u_cellvars);
    Py_ssize_t nfree = PyDict_GET_SIZE(u->u_freevars);
    Py_ssize_t nderef = ncells + nfree;
    Py_ssize_t total = nlocals + ncells + nfree;
    int flags = compute_code_flags(c);

    lnames = PyTuple_New(total);
    kinds = PyMem_Calloc((size_t)total + 1, 1);
    deref_slot = PyMem_Malloc(sizeof(int) * (size_t)(nderef + 1));
    if (lnames == NULL || kinds == NULL || deref_slot == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_NoMemory();
        }
        goto done;
    }
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(u->u_varnames, &pos, &k, &v)) {
        Py_ssize_t i = PyLong_AsSsize_t(v);
        PyTuple_SET_ITEM(lnames, i, Py_NewRef(k));
        kinds[i] = CO_FAST_LOCAL;
        if (u->u_hidden != NULL) {
            int hidden = PySet_Contains(u->u_hidden, k);
            if (hidden < 0) {
                goto done;
            }
            if (hidden) {
                kinds[i] |= CO_FAST_HIDDEN;
            }
        }
    }
    /* Cells: argument cells share the argument's slot; others follow the locals. */
    Py_ssize_t next = nlocals;
    PyObject **cellnames = PyMem_Malloc(sizeof(PyObject *) * (size_t)(ncells + 1));
    if (cellnames == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    pos = 0;
    while (PyDict_Next(u->u_cellvars, &pos, &k, &v)) {
        cellnames[PyLong_AsSsize_t(v)] = k;
    }
    for (Py_ssize_t i = 0; i < ncells; i++) {
        PyObject *name = cellnames[i];
        PyObject *slot = PyDict_GetItemWithError(u->u_varnames, name);
        if (slot != NULL) {
            Py_ssize_t s = PyLong_AsSsize_t(slot);
            deref_slot[i] = (int)s;
            kinds[s] |= CO_FAST_CELL;
        }
        else {
            deref_slot[i] = (int)next;
            PyTuple_SET_ITEM(lnames, next, Py_NewRef(name));
            kinds[next] = CO_FAST_CELL;
            next++;
        }
    }
    PyMem_Free(cellnames);
    pos = 0;
    Py_ssize_t free_base = next;
    while (PyDict_Next(u->u_freevars, &pos, &k, &v)) {
        Py_ssize_t i = PyLong_AsSsize_t(v) - ncells;
        deref_slot[ncells + i] = (int)(free_base + i);
        PyTuple_SET_ITEM(lnames, free_base + i, Py_NewRef(k));
        kinds[free_base + i] = CO_FAST_FREE;
    }
    next = free_base + nfree;
    if (next < total) {
        PyObject *shorter = PyTuple_GetSlice(lnames, 0, next);
        if (shorter == NULL) {
            goto done;
        }
        Py_SETREF(lnames, shorter);
    }
    lkinds = PyBytes_FromStringAndSize((const char *)kinds, next);
    if (lkinds == NULL) {
        goto done;
    }

    /* Prologue: cells, free variables, generator start, RESUME. */
    int resume_line = u->u_scope_type == SCOPE_MODULE ? 0 : u->u_firstlineno;
    location prologue_loc = {resume_line, resume_line, -1, -1};
    for (Py_ssize_t i = 0; i < ncells; i++) {
        if (seq_add(&full, MAKE_CELL, deref_slot[i], NO_LOCATION) < 0) {
            goto done;
        }
    }
    if (nfree > 0 && seq_add(&full, COPY_FREE_VARS, (int)nfree, NO_LOCATION) < 0) {
        goto done;
    }
    if (flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
        if (seq_add(&full, RETURN_GENERATOR, 0, prologue_loc) < 0 ||
            seq_add(&full, POP_TOP, 0, prologue_loc) < 0) {
            goto done;
        }
    }
    if (seq_add(&full, RESUME, 0, prologue_loc) < 0) {
        goto done;
    }
    full.nlabels = u->u_seq.nlabels;
    for (int i = 0; i < u->u_seq.used; i++) {
        _PyCompile_Instruction in = u->u_seq.instrs[i];
        if (is_deref_op(in.opcode)) {
            if (in.oparg < 0 || in.oparg >= nderef) {
                PyErr_SetString(PyExc_SystemError, "compiler: bad cell index");
                goto done;
            }
            in.oparg = deref_slot[in.oparg];
        }
        if (seq_add(&full, in.opcode, in.oparg, in.loc) < 0) {
            goto done;
        }
    }

    consts = PyList_AsTuple(u->u_consts_list);
    names = PyTuple_New(PyDict_GET_SIZE(u->u_names));
    if (consts == NULL || names == NULL) {
        goto done;
    }
    pos = 0;
    while (PyDict_Next(u->u_names, &pos, &k, &v)) {
        PyTuple_SET_ITEM(names, PyLong_AsSsize_t(v), Py_NewRef(k));
    }
    _PyCompile_CodeUnitMetadata meta = {
        .filename = c->c_filename,
        .name = u->u_name,
        .qualname = u->u_qualname ? u->u_qualname : u->u_name,
        .consts = consts,
        .names = names,
        .localsplusnames = lnames,
        .localspluskinds = lkinds,
        .flags = flags,
        .firstlineno = u->u_firstlineno,
        .argcount = u->u_argcount,
        .posonlyargcount = u->u_posonlyargcount,
        .kwonlyargcount = u->u_kwonlyargcount,
    };
    co = _PyCfg_MakeCode(&full, &meta);
done:
    PyMem_Free(full.instrs);
    PyMem_Free(kinds);
    PyMem_Free(deref_slot);
    Py_XDECREF(consts);
    Py_XDECREF(names);
    Py_XDECREF(lnames);
    Py_XDECREF(lkinds);
    return co;
}

/* ---- frame blocks ------------------------------------------------------------------------- */

static int
push_fblock(struct compiler *c, location loc, enum fblocktype t, int block, int exit,
            void *datum)
{
    struct compiler_unit *u = c->u;
    if (u->u_nfblocks >= MAXBLOCKS) {
        return compiler_error(c, loc, "too many statically nested blocks");
    }
    struct fblockinfo *f = &u->u_fblock[u->u_nfblocks++];
    f->fb_type = t;
    f->fb_block = block;
    f->fb_exit = exit;
    f->fb_datum = datum;
    f->fb_loc = loc;
    return SUCCESS;
}

static void
pop_fblock(struct compiler *c)
{
    c->u->u_nfblocks--;
}

static int compiler_visit_stmt(struct compiler *c, stmt_ty s);
static int compiler_visit_expr(struct compiler *c, expr_ty e);
static int compiler_nameop(struct compiler *c, location loc, PyObject *name,
                           expr_context_ty ctx);
static int compiler_add_yield_from(struct compiler *c, location loc, int await);
static int compiler_call_exit_with_nones(struct compiler *c, location loc);

#define POP_EXCEPT_AND_RERAISE(C, LOC)                                                      \
    do {                                                                                    \
        ADDOP_I((C), (LOC), COPY, 3);                                                       \
        ADDOP((C), (LOC), POP_EXCEPT);                                                      \
        ADDOP_I((C), (LOC), RERAISE, 1);                                                    \
    } while (0)

/* Emit the code that leaves frame block info (break/continue/return through it).
 * preserve_tos: a return value is on top of the stack and must survive. */
static int
compiler_unwind_fblock(struct compiler *c, location *ploc, struct fblockinfo *info,
                       int preserve_tos)
{
    switch (info->fb_type) {
    case WHILE_LOOP:
    case EXCEPTION_HANDLER:
    case EXCEPTION_GROUP_HANDLER:
    case ASYNC_COMPREHENSION_GENERATOR:
    case STOP_ITERATION:
        return SUCCESS;
    case FOR_LOOP:
        if (preserve_tos) {
            ADDOP_I(c, *ploc, SWAP, 2);
        }
        ADDOP(c, *ploc, POP_TOP);
        return SUCCESS;
    case TRY_EXCEPT:
        ADDOP(c, *ploc, POP_BLOCK);
        return SUCCESS;
    case FINALLY_TRY:
        ADDOP(c, *ploc, POP_BLOCK);
        if (preserve_tos) {
            RETURN_IF_ERROR(push_fblock(c, *ploc, POP_VALUE, -1, -1, NULL));
        }
        VISIT_SEQ(c, stmt, (asdl_stmt_seq *)info->fb_datum);
        if (preserve_tos) {
            pop_fblock(c);
        }
        *ploc = NO_LOCATION;
        return SUCCESS;
    case FINALLY_END:
        if (preserve_tos) {
            ADDOP_I(c, *ploc, SWAP, 2);
        }
        ADDOP(c, *ploc, POP_TOP);
        if (preserve_tos) {
            ADDOP_I(c, *ploc, SWAP, 2);
        }
        ADDOP(c, *ploc, POP_BLOCK);
        ADDOP(c, *ploc, POP_EXCEPT);
        return SUCCESS;
    case WITH:
    case ASYNC_WITH:
        *ploc = info->fb_loc;
        ADDOP(c, *ploc, POP_BLOCK);
        if (preserve_tos) {
            ADDOP_I(c, *ploc, SWAP, 2);
        }
        RETURN_IF_ERROR(compiler_call_exit_with_nones(c, *ploc));
        if (info->fb_type == ASYNC_WITH) {
            ADDOP_I(c, *ploc, GET_AWAITABLE, 2);
            ADDOP_LOAD_CONST(c, *ploc, Py_None);
            RETURN_IF_ERROR(compiler_add_yield_from(c, *ploc, 1));
        }
        ADDOP(c, *ploc, POP_TOP);
        *ploc = NO_LOCATION;
        return SUCCESS;
    case HANDLER_CLEANUP:
        if (info->fb_datum) {
            ADDOP(c, *ploc, POP_BLOCK);
        }
        if (preserve_tos) {
            ADDOP_I(c, *ploc, SWAP, 2);
        }
        ADDOP(c, *ploc, POP_BLOCK);
        ADDOP(c, *ploc, POP_EXCEPT);
        if (info->fb_datum) {
            ADDOP_LOAD_CONST(c, *ploc, Py_None);
            RETURN_IF_ERROR(compiler_nameop(c, *ploc, (PyObject *)info->fb_datum, Store));
            RETURN_IF_ERROR(compiler_nameop(c, *ploc, (PyObject *)info->fb_datum, Del));
        }
        return SUCCESS;
    case POP_VALUE:
        if (preserve_tos) {
            ADDOP_I(c, *ploc, SWAP, 2);
        }
        ADDOP(c, *ploc, POP_TOP);
        return SUCCESS;
    }
    PyErr_SetString(PyExc_SystemError, "compiler: unknown frame block");
    return ERROR;
}

/* Unwind the frame blocks down to (not including) the innermost loop if `loop` is given,
 * else all of them. */
static int
compiler_unwind_fblock_stack(struct compiler *c, location *ploc, int preserve_tos,
                             struct fblockinfo **loop)
{
    struct compiler_unit *u = c->u;
    if (u->u_nfblocks == 0) {
        return SUCCESS;
    }
    struct fblockinfo *top = &u->u_fblock[u->u_nfblocks - 1];
    if (top->fb_type == EXCEPTION_GROUP_HANDLER) {
        return compiler_error(c, *ploc,
                              "'break', 'continue' and 'return' cannot appear in an except* "
                              "block");
    }
    if (loop != NULL && (top->fb_type == WHILE_LOOP || top->fb_type == FOR_LOOP)) {
        *loop = top;
        return SUCCESS;
    }
    struct fblockinfo copy = *top;
    u->u_nfblocks--;
    RETURN_IF_ERROR(compiler_unwind_fblock(c, ploc, &copy, preserve_tos));
    RETURN_IF_ERROR(compiler_unwind_fblock_stack(c, ploc, preserve_tos, loop));
    u->u_fblock[u->u_nfblocks] = copy;
    u->u_nfblocks++;
    return SUCCESS;
}

/* ---- names -------------------------------------------------------------------------------- */

static int
forbidden_name(struct compiler *c, location loc, PyObject *name, expr_context_ty ctx)
{
    if (ctx == Store && PyUnicode_CompareWithASCIIString(name, "__debug__") == 0) {
        compiler_error(c, loc, "cannot assign to __debug__");
        return 1;
    }
    if (ctx == Del && PyUnicode_CompareWithASCIIString(name, "__debug__") == 0) {
        compiler_error(c, loc, "cannot delete __debug__");
        return 1;
    }
    return 0;
}

enum { OP_FAST, OP_GLOBAL, OP_DEREF, OP_NAME };

/* Deref index of name in the current unit (cell or free), or -1 (no exception). */
static int
deref_index(struct compiler *c, PyObject *name)
{
    PyObject *v = PyDict_GetItemWithError(c->u->u_cellvars, name);
    if (v == NULL) {
        v = PyDict_GetItemWithError(c->u->u_freevars, name);
    }
    if (v == NULL) {
        return -1;
    }
    return (int)PyLong_AsLong(v);
}

static int
compiler_nameop(struct compiler *c, location loc, PyObject *name, expr_context_ty ctx)
{
    struct compiler_unit *u = c->u;
    if (forbidden_name(c, loc, name, ctx)) {
        return ERROR;
    }
    PyObject *mangled = mangle(c, name);
    if (mangled == NULL) {
        return ERROR;
    }
    int optype = OP_NAME;
    int scope = _PyST_GetScope(u->u_ste, mangled);
    if (PyErr_Occurred()) {
        Py_DECREF(mangled);
        return ERROR;
    }
    int function_like = _PyST_IsFunctionLike(u->u_ste);
    if (u->u_fasthidden != NULL) {
        int hidden = PySet_Contains(u->u_fasthidden, mangled);
        if (hidden < 0) {
            Py_DECREF(mangled);
            return ERROR;
        }
        if (hidden) {
            function_like = 1;   /* a local of a comprehension inlined in module code */
            scope = LOCAL;
        }
    }
    switch (scope) {
    case FREE:
    case CELL:
        optype = OP_DEREF;
        break;
    case LOCAL:
        if (function_like) {
            optype = OP_FAST;
        }
        break;
    case GLOBAL_IMPLICIT:
        if (function_like || (u->u_in_inlined_comp && u->u_scope_type == SCOPE_CLASS)) {
            optype = OP_GLOBAL;   /* comprehensions do not see class variables */
        }
        break;
    case GLOBAL_EXPLICIT:
        optype = OP_GLOBAL;
        break;
    default:
        break;
    }
    /* __class__ / __classdict__ in a class body that needs them are cells. */
    if (optype == OP_NAME && u->u_scope_type == SCOPE_CLASS &&
        deref_index(c, mangled) >= 0 &&
        (PyUnicode_CompareWithASCIIString(mangled, "__class__") == 0 ||
         PyUnicode_CompareWithASCIIString(mangled, "__classdict__") == 0)) {
        optype = OP_DEREF;
    }
    int r = SUCCESS;
    switch (optype) {
    case OP_DEREF: {
        int idx = deref_index(c, mangled);
        if (idx < 0) {
            PyErr_Format(PyExc_SystemError, "compiler: no cell for %R", name);
            r = ERROR;
            break;
        }
        if (ctx == Load) {
            if (u->u_scope_type == SCOPE_CLASS && scope == FREE && !u->u_in_inlined_comp) {
                r = addop_i(c, loc, LOAD_LOCALS, 0);
                if (r == SUCCESS) {
                    r = addop_i(c, loc, LOAD_FROM_DICT_OR_DEREF, idx);
                }
            }
            else {
                r = addop_i(c, loc, LOAD_DEREF, idx);
            }
        }
        else {
            r = addop_i(c, loc, ctx == Store ? STORE_DEREF : DELETE_DEREF, idx);
        }
        break;
    }
    case OP_FAST: {
        Py_ssize_t idx = dict_add(u->u_varnames, mangled);
        if (idx < 0) {
            r = ERROR;
            break;
        }
        /* flowgraph.c turns reads of maybe-unbound locals into LOAD_FAST_CHECK. */
        int op = ctx == Load ? LOAD_FAST : ctx == Store ? STORE_FAST : DELETE_FAST;
        r = addop_i(c, loc, op, (int)idx);
        break;
    }
    case OP_GLOBAL: {
        if (ctx == Load && scope == GLOBAL_IMPLICIT && u->u_ste->ste_can_see_class_scope &&
            deref_index(c, _Py_ID(__classdict__)) >= 0) {
            /* Annotation scopes in a class see the class namespace first. */
            r = addop_i(c, loc, LOAD_DEREF, deref_index(c, _Py_ID(__classdict__)));
            if (r == SUCCESS) {
                r = addop_name(c, loc, LOAD_FROM_DICT_OR_GLOBALS, mangled, 0, 0, 0);
            }
            break;
        }
        int op = ctx == Load ? LOAD_GLOBAL : ctx == Store ? STORE_GLOBAL : DELETE_GLOBAL;
        r = addop_name(c, loc, op, mangled, 0, op == LOAD_GLOBAL ? 1 : 0, 0);
        break;
    }
    case OP_NAME: {
        int op = ctx == Load ? LOAD_NAME : ctx == Store ? STORE_NAME : DELETE_NAME;
        r = addop_name(c, loc, op, mangled, 0, 0, 0);
        break;
    }
    }
    Py_DECREF(mangled);
    return r;
}

/* ---- expressions -------------------------------------------------------------------------- */

static int
binop_arg(operator_ty op)
{
    switch (op) {
    case Add: return NB_ADD;
    case Sub: return NB_SUBTRACT;
    case Mult: return NB_MULTIPLY;
    case MatMult: return NB_MATRIX_MULTIPLY;
    case Div: return NB_TRUE_DIVIDE;
    case Mod: return NB_REMAINDER;
    case Pow: return NB_POWER;
    case LShift: return NB_LSHIFT;
    case RShift: return NB_RSHIFT;
    case BitOr: return NB_OR;
    case BitXor: return NB_XOR;
    case BitAnd: return NB_AND;
    case FloorDiv: return NB_FLOOR_DIVIDE;
    }
    return NB_ADD;
}

static int check_caller(struct compiler *c, expr_ty e);

static int
compiler_addcompare(struct compiler *c, location loc, cmpop_ty op)
{
    switch (op) {
    case Eq: ADDOP_I(c, loc, COMPARE_OP, Py_EQ); break;
    case NotEq: ADDOP_I(c, loc, COMPARE_OP, Py_NE); break;
    case Lt: ADDOP_I(c, loc, COMPARE_OP, Py_LT); break;
    case LtE: ADDOP_I(c, loc, COMPARE_OP, Py_LE); break;
    case Gt: ADDOP_I(c, loc, COMPARE_OP, Py_GT); break;
    case GtE: ADDOP_I(c, loc, COMPARE_OP, Py_GE); break;
    case Is: ADDOP_I(c, loc, IS_OP, 0); break;
    case IsNot: ADDOP_I(c, loc, IS_OP, 1); break;
    case In: ADDOP_I(c, loc, CONTAINS_OP, 0); break;
    case NotIn: ADDOP_I(c, loc, CONTAINS_OP, 1); break;
    }
    return SUCCESS;
}

static int
check_compare(struct compiler *c, expr_ty e)
{
    /* "is" with a literal: SyntaxWarning as in CPython. */
    Py_ssize_t n = asdl_seq_LEN(e->v.Compare.ops);
    expr_ty left = e->v.Compare.left;
    for (Py_ssize_t i = 0; i < n; i++) {
        cmpop_ty op = (cmpop_ty)asdl_seq_GET(e->v.Compare.ops, i);
        expr_ty right = asdl_seq_GET(e->v.Compare.comparators, i);
        if (op == Is || op == IsNot) {
            expr_ty lit = NULL;
            if (left->kind == Constant_kind) {
                lit = left;
            }
            else if (right->kind == Constant_kind) {
                lit = right;
            }
            if (lit != NULL) {
                PyObject *v = lit->v.Constant.value;
                if (!(v == Py_None || v == Py_False || v == Py_True || v == Py_Ellipsis)) {
                    RETURN_IF_ERROR(compiler_warn(c, LOC(e),
                        op == Is ? "\"is\" with '%s' literal. Did you mean \"==\"?"
                                 : "\"is not\" with '%s' literal. Did you mean \"!=\"?",
                        Py_TYPE(v)->tp_name));
                }
            }
        }
        left = right;
    }
    return SUCCESS;
}

static int
compiler_compare(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    RETURN_IF_ERROR(check_compare(c, e));
    VISIT(c, expr, e->v.Compare.left);
    Py_ssize_t n = asdl_seq_LEN(e->v.Compare.ops) - 1;
    if (n == 0) {
        VISIT(c, expr, asdl_seq_GET(e->v.Compare.comparators, 0));
        return compiler_addcompare(c, loc, (cmpop_ty)asdl_seq_GET(e->v.Compare.ops, 0));
    }
    NEW_LABEL(c, cleanup);
    for (Py_ssize_t i = 0; i < n; i++) {
        VISIT(c, expr, asdl_seq_GET(e->v.Compare.comparators, i));
        ADDOP_I(c, loc, SWAP, 2);
        ADDOP_I(c, loc, COPY, 2);
        RETURN_IF_ERROR(compiler_addcompare(c, loc,
                                            (cmpop_ty)asdl_seq_GET(e->v.Compare.ops, i)));
        ADDOP_I(c, loc, COPY, 1);
        ADDOP_JUMP(c, loc, POP_JUMP_IF_FALSE, cleanup);
        ADDOP(c, loc, POP_TOP);
    }
    VISIT(c, expr, asdl_seq_GET(e->v.Compare.comparators, n));
    RETURN_IF_ERROR(compiler_addcompare(c, loc, (cmpop_ty)asdl_seq_GET(e->v.Compare.ops, n)));
    NEW_LABEL(c, end);
    ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end);
    USE_LABEL(c, cleanup);
    ADDOP_I(c, loc, SWAP, 2);
    ADDOP(c, loc, POP_TOP);
    USE_LABEL(c, end);
    return SUCCESS;
}

/* Jump to `label` if the truth of e equals cond; fall through otherwise. */
static int
compiler_jump_if(struct compiler *c, location loc, expr_ty e, int label, int cond)
{
    switch (e->kind) {
    case UnaryOp_kind:
        if (e->v.UnaryOp.op == Not) {
            return compiler_jump_if(c, loc, e->v.UnaryOp.operand, label, !cond);
        }
        break;
    case BoolOp_kind: {
        asdl_expr_seq *s = e->v.BoolOp.values;
        Py_ssize_t n = asdl_seq_LEN(s) - 1;
        int cond2 = e->v.BoolOp.op == Or;
        int next2 = label;
        NEW_LABEL(c, fallthrough);
        if (!cond2 != !cond) {
            next2 = fallthrough;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            RETURN_IF_ERROR(compiler_jump_if(c, loc, asdl_seq_GET(s, i), next2, cond2));
        }
        RETURN_IF_ERROR(compiler_jump_if(c, loc, asdl_seq_GET(s, n), label, cond));
        USE_LABEL(c, fallthrough);
        return SUCCESS;
    }
    case IfExp_kind: {
        NEW_LABEL(c, end);
        NEW_LABEL(c, next2);
        RETURN_IF_ERROR(compiler_jump_if(c, loc, e->v.IfExp.test, next2, 0));
        RETURN_IF_ERROR(compiler_jump_if(c, loc, e->v.IfExp.body, label, cond));
        ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end);
        USE_LABEL(c, next2);
        RETURN_IF_ERROR(compiler_jump_if(c, loc, e->v.IfExp.orelse, label, cond));
        USE_LABEL(c, end);
        return SUCCESS;
    }
    default:
        break;
    }
    VISIT(c, expr, e);
    ADDOP_JUMP(c, LOC(e), cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, label);
    return SUCCESS;
}

static int
compiler_boolop(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    int jumpi = e->v.BoolOp.op == And ? POP_JUMP_IF_FALSE : POP_JUMP_IF_TRUE;
    NEW_LABEL(c, end);
    asdl_expr_seq *s = e->v.BoolOp.values;
    Py_ssize_t n = asdl_seq_LEN(s) - 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        VISIT(c, expr, asdl_seq_GET(s, i));
        ADDOP_I(c, loc, COPY, 1);
        ADDOP_JUMP(c, loc, jumpi, end);
        ADDOP(c, loc, POP_TOP);
    }
    VISIT(c, expr, asdl_seq_GET(s, n));
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
has_starred(asdl_expr_seq *elts)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
        if (asdl_seq_GET(elts, i)->kind == Starred_kind) {
            return 1;
        }
    }
    return 0;
}

/* Build a list, tuple or set from elts (which may contain *starred). */
static int
starunpack_helper(struct compiler *c, location loc, asdl_expr_seq *elts, int pushed,
                  int build, int add, int extend, int tuple)
{
    Py_ssize_t n = asdl_seq_LEN(elts);
    if (!tuple && pushed == 0 && n >= 3 && !has_starred(elts)) {
        /* [1, 2, 3] and {1, 2, 3}: extend an empty container with a constant. */
        int all_const = 1;
        for (Py_ssize_t i = 0; i < n && all_const; i++) {
            all_const = asdl_seq_GET(elts, i)->kind == Constant_kind;
        }
        if (all_const) {
            PyObject *items = PyTuple_New(n);
            if (items == NULL) {
                return ERROR;
            }
            for (Py_ssize_t i = 0; i < n; i++) {
                PyTuple_SET_ITEM(items, i, Py_NewRef(asdl_seq_GET(elts, i)->v.Constant.value));
            }
            if (build == BUILD_SET) {
                PyObject *fs = PyFrozenSet_New(items);
                Py_DECREF(items);
                items = fs;
                if (fs == NULL) {
                    /* an unhashable constant (from an ast object): fail at run time */
                    PyErr_Clear();
                }
            }
            if (items != NULL) {
                ADDOP_I(c, loc, build, 0);
                ADDOP_LOAD_CONST_NEW(c, loc, items);
                ADDOP_I(c, loc, extend, 1);
                return SUCCESS;
            }
        }
    }
    if (!has_starred(elts) && n + pushed < STACK_USE_GUIDELINE * 8) {
        for (Py_ssize_t i = 0; i < n; i++) {
            VISIT(c, expr, asdl_seq_GET(elts, i));
        }
        if (tuple) {
            ADDOP_I(c, loc, BUILD_TUPLE, (int)(n + pushed));
        }
        else {
            ADDOP_I(c, loc, build, (int)(n + pushed));
        }
        return SUCCESS;
    }
    ADDOP_I(c, loc, build, pushed);
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        if (elt->kind == Starred_kind) {
            VISIT(c, expr, elt->v.Starred.value);
            ADDOP_I(c, loc, extend, 1);
        }
        else {
            VISIT(c, expr, elt);
            ADDOP_I(c, loc, add, 1);
        }
    }
    if (tuple) {
        ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE);
    }
    return SUCCESS;
}

static int
unpack_helper(struct compiler *c, location loc, asdl_expr_seq *elts)
{
    Py_ssize_t n = asdl_seq_LEN(elts);
    int seen_star = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        if (elt->kind == Starred_kind && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (INT_MAX >> 8)) {
                return compiler_error(c, loc,
                                      "too many expressions in star-unpacking assignment");
            }
            ADDOP_I(c, loc, UNPACK_EX, (int)(i + ((n - i - 1) << 8)));
            seen_star = 1;
        }
        else if (elt->kind == Starred_kind) {
            return compiler_error(c, loc, "multiple starred expressions in assignment");
        }
    }
    if (!seen_star) {
        ADDOP_I(c, loc, UNPACK_SEQUENCE, (int)n);
    }
    return SUCCESS;
}

static int
assignment_helper(struct compiler *c, location loc, asdl_expr_seq *elts)
{
    RETURN_IF_ERROR(unpack_helper(c, loc, elts));
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        VISIT(c, expr, elt->kind == Starred_kind ? elt->v.Starred.value : elt);
    }
    return SUCCESS;
}

static int
compiler_list_or_tuple(struct compiler *c, expr_ty e, int is_tuple)
{
    location loc = LOC(e);
    asdl_expr_seq *elts = is_tuple ? e->v.Tuple.elts : e->v.List.elts;
    expr_context_ty ctx = is_tuple ? e->v.Tuple.ctx : e->v.List.ctx;
    if (ctx == Store) {
        return assignment_helper(c, loc, elts);
    }
    if (ctx == Load) {
        return starunpack_helper(c, loc, elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND,
                                 is_tuple);
    }
    VISIT_SEQ(c, expr, elts);
    return SUCCESS;
}

static int
compiler_dict(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    Py_ssize_t n = asdl_seq_LEN(e->v.Dict.values);
    int have_dict = 0;
    int pending = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty key = asdl_seq_GET(e->v.Dict.keys, i);
        if (key == NULL) {
            if (pending > 0 || !have_dict) {
                ADDOP_I(c, loc, BUILD_MAP, pending);
                if (have_dict) {
                    ADDOP_I(c, loc, DICT_UPDATE, 1);
                }
                have_dict = 1;
                pending = 0;
            }
            VISIT(c, expr, asdl_seq_GET(e->v.Dict.values, i));
            ADDOP_I(c, loc, DICT_UPDATE, 1);
            continue;
        }
        VISIT(c, expr, key);
        VISIT(c, expr, asdl_seq_GET(e->v.Dict.values, i));
        pending++;
        if (pending >= 16) {
            ADDOP_I(c, loc, BUILD_MAP, pending);
            if (have_dict) {
                ADDOP_I(c, loc, DICT_UPDATE, 1);
            }
            have_dict = 1;
            pending = 0;
        }
    }
    if (pending > 0 || !have_dict) {
        ADDOP_I(c, loc, BUILD_MAP, pending);
        if (have_dict) {
            ADDOP_I(c, loc, DICT_UPDATE, 1);
        }
    }
    return SUCCESS;
}

static int
validate_keywords(struct compiler *c, asdl_keyword_seq *keywords)
{
    Py_ssize_t n = asdl_seq_LEN(keywords);
    for (Py_ssize_t i = 0; i < n; i++) {
        keyword_ty k = asdl_seq_GET(keywords, i);
        if (k->arg == NULL) {
            continue;
        }
        if (forbidden_name(c, LOC(k), k->arg, Store)) {
            return ERROR;
        }
        for (Py_ssize_t j = i + 1; j < n; j++) {
            keyword_ty o = asdl_seq_GET(keywords, j);
            if (o->arg && PyUnicode_Compare(k->arg, o->arg) == 0) {
                return compiler_error(c, LOC(o), "keyword argument repeated: %U", k->arg);
            }
        }
    }
    return SUCCESS;
}

/* Arguments of a call whose callable and self_or_NULL are on the stack (plus `pushed`
 * positional values already pushed). */
static int
compiler_call_helper(struct compiler *c, location loc, int pushed, asdl_expr_seq *args,
                     asdl_keyword_seq *keywords)
{
    RETURN_IF_ERROR(validate_keywords(c, keywords));
    Py_ssize_t nargs = asdl_seq_LEN(args), nkw = asdl_seq_LEN(keywords);
    int ex = has_starred(args) || nargs + nkw + pushed > STACK_USE_GUIDELINE * 8;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        if (asdl_seq_GET(keywords, i)->arg == NULL) {
            ex = 1;
        }
    }
    if (!ex) {
        VISIT_SEQ(c, expr, args);
        if (nkw > 0) {
            PyObject *names = PyTuple_New(nkw);
            if (names == NULL) {
                return ERROR;
            }
            for (Py_ssize_t i = 0; i < nkw; i++) {
                keyword_ty k = asdl_seq_GET(keywords, i);
                PyTuple_SET_ITEM(names, i, Py_NewRef(k->arg));
                if (compiler_visit_expr(c, k->value) < 0) {
                    Py_DECREF(names);
                    return ERROR;
                }
            }
            ADDOP_LOAD_CONST_NEW(c, loc, names);
            ADDOP_I(c, loc, CALL_KW, (int)(nargs + nkw + pushed));
        }
        else {
            ADDOP_I(c, loc, CALL, (int)(nargs + pushed));
        }
        return SUCCESS;
    }
    /* CALL_FUNCTION_EX: positional tuple, then an optional dict. */
    RETURN_IF_ERROR(starunpack_helper(c, loc, args, pushed, BUILD_LIST, LIST_APPEND,
                                      LIST_EXTEND, 1));
    if (nkw > 0) {
        int have_dict = 0, pending = 0;
        for (Py_ssize_t i = 0; i < nkw; i++) {
            keyword_ty k = asdl_seq_GET(keywords, i);
            if (k->arg == NULL) {
                if (pending > 0 || !have_dict) {
                    ADDOP_I(c, loc, BUILD_MAP, pending);
                    if (have_dict) {
                        ADDOP_I(c, loc, DICT_MERGE, 1);
                    }
                    have_dict = 1;
                    pending = 0;
                }
                VISIT(c, expr, k->value);
                ADDOP_I(c, loc, DICT_MERGE, 1);
                continue;
            }
            ADDOP_LOAD_CONST(c, loc, k->arg);
            VISIT(c, expr, k->value);
            pending++;
        }
        if (pending > 0) {
            ADDOP_I(c, loc, BUILD_MAP, pending);
            if (have_dict) {
                ADDOP_I(c, loc, DICT_MERGE, 1);
            }
        }
    }
    ADDOP_I(c, loc, CALL_FUNCTION_EX, nkw > 0);
    return SUCCESS;
}


/* `super()` / `super(C, self)` followed by an attribute: use LOAD_SUPER_ATTR (no call of
 * the super type, no frame introspection).  Return 1 if e qualifies. */
static int
can_optimize_super_call(struct compiler *c, expr_ty attr)
{
    expr_ty e = attr->v.Attribute.value;
    if (e->kind != Call_kind || e->v.Call.func->kind != Name_kind ||
        PyUnicode_CompareWithASCIIString(e->v.Call.func->v.Name.id, "super") != 0 ||
        asdl_seq_LEN(e->v.Call.keywords) != 0 || has_starred(e->v.Call.args)) {
        return 0;
    }
    if (_PyST_GetScope(c->u->u_ste, _Py_ID(super)) != GLOBAL_IMPLICIT) {
        return 0;
    }
    Py_ssize_t nargs = asdl_seq_LEN(e->v.Call.args);
    if (nargs == 2) {
        return 1;
    }
    if (nargs != 0) {
        return 0;
    }
    if (c->u->u_argcount == 0 || PyList_GET_SIZE(c->u->u_ste->ste_varnames) == 0) {
        return 0;
    }
    if (c->u->u_scope_type != SCOPE_FUNCTION && c->u->u_scope_type != SCOPE_ASYNC_FUNCTION) {
        return 0;
    }
    return _PyST_GetScope(c->u->u_ste, _Py_ID(__class__)) == FREE;
}

/* Push `global_super class self` for LOAD_SUPER_ATTR; return its 2-argument bit. */
static int
load_args_for_super(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    RETURN_IF_ERROR(addop_name(c, LOC(e->v.Call.func), LOAD_GLOBAL, _Py_ID(super), 0, 1, 0));
    if (asdl_seq_LEN(e->v.Call.args) == 2) {
        VISIT(c, expr, asdl_seq_GET(e->v.Call.args, 0));
        VISIT(c, expr, asdl_seq_GET(e->v.Call.args, 1));
        return 2;
    }
    RETURN_IF_ERROR(compiler_nameop(c, loc, _Py_ID(__class__), Load));
    PyObject *first = PyList_GET_ITEM(c->u->u_ste->ste_varnames, 0);
    RETURN_IF_ERROR(compiler_nameop(c, loc, first, Load));
    return 0;
}

/* Load the callable and self_or_NULL for a call of e. */
static int
compiler_call(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    expr_ty func = e->v.Call.func;
    RETURN_IF_ERROR(check_caller(c, func));
    asdl_expr_seq *args = e->v.Call.args;
    asdl_keyword_seq *kws = e->v.Call.keywords;
    int simple = !has_starred(args);
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(kws); i++) {
        if (asdl_seq_GET(kws, i)->arg == NULL) {
            simple = 0;
        }
    }
    if (func->kind == Attribute_kind && func->v.Attribute.ctx == Load && simple &&
        asdl_seq_LEN(args) + asdl_seq_LEN(kws) < STACK_USE_GUIDELINE) {
        location aloc = LOC(func);
        if (can_optimize_super_call(c, func)) {
            int two = load_args_for_super(c, func->v.Attribute.value);
            RETURN_IF_ERROR(two);
            RETURN_IF_ERROR(addop_name(c, aloc, LOAD_SUPER_ATTR, func->v.Attribute.attr, 1, 2,
                                       1 | two));
            return compiler_call_helper(c, loc, 0, args, kws);
        }
        /* Method call: LOAD_ATTR in method form pushes `meth self` or `attr NULL`. */
        VISIT(c, expr, func->v.Attribute.value);
        RETURN_IF_ERROR(addop_name(c, aloc, LOAD_ATTR, func->v.Attribute.attr, 1, 1, 1));
        return compiler_call_helper(c, loc, 0, args, kws);
    }
    VISIT(c, expr, func);
    _PyCompile_InstructionSequence *seq = &c->u->u_seq;
    _PyCompile_Instruction *last = seq->used > 0 ? &seq->instrs[seq->used - 1] : NULL;
    if (last != NULL && last->opcode == LOAD_GLOBAL && !(last->oparg & 1)) {
        last->oparg |= 1;   /* LOAD_GLOBAL pushes `global NULL` */
    }
    else {
        ADDOP(c, loc, PUSH_NULL);
    }
    return compiler_call_helper(c, loc, 0, args, kws);
}

static int
compiler_formatted_value(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    VISIT(c, expr, e->v.FormattedValue.value);
    int conv = e->v.FormattedValue.conversion;
    if (conv != -1) {
        int arg = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
        if (arg == 0) {
            PyErr_Format(PyExc_SystemError, "Unrecognized conversion character %d", conv);
            return ERROR;
        }
        ADDOP_I(c, loc, CONVERT_VALUE, arg);
    }
    if (e->v.FormattedValue.format_spec) {
        VISIT(c, expr, e->v.FormattedValue.format_spec);
        ADDOP(c, loc, FORMAT_WITH_SPEC);
    }
    else {
        ADDOP(c, loc, FORMAT_SIMPLE);
    }
    return SUCCESS;
}

static int
compiler_joined_str(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    Py_ssize_t n = asdl_seq_LEN(e->v.JoinedStr.values);
    if (n == 0) {
        ADDOP_LOAD_CONST_NEW(c, loc, PyUnicode_FromStringAndSize("", 0));
        return SUCCESS;
    }
    if (n > STACK_USE_GUIDELINE) {
        /* ''.join([...]) */
        ADDOP_LOAD_CONST_NEW(c, loc, PyUnicode_FromStringAndSize("", 0));
        RETURN_IF_ERROR(addop_name(c, loc, LOAD_ATTR, _Py_ID(join), 0, 1, 1));
        ADDOP_I(c, loc, BUILD_LIST, 0);
        for (Py_ssize_t i = 0; i < n; i++) {
            VISIT(c, expr, asdl_seq_GET(e->v.JoinedStr.values, i));
            ADDOP_I(c, loc, LIST_APPEND, 1);
        }
        ADDOP_I(c, loc, CALL, 1);
        return SUCCESS;
    }
    VISIT_SEQ(c, expr, e->v.JoinedStr.values);
    if (n != 1) {
        ADDOP_I(c, loc, BUILD_STRING, (int)n);
    }
    return SUCCESS;
}


/* The type an expression certainly evaluates to, or NULL if unknown (borrowed). */
static PyTypeObject *
infer_type(expr_ty e)
{
    switch (e->kind) {
    case Tuple_kind:
        return &PyTuple_Type;
    case List_kind:
    case ListComp_kind:
        return &PyList_Type;
    case Dict_kind:
    case DictComp_kind:
        return &PyDict_Type;
    case Set_kind:
    case SetComp_kind:
        return &PySet_Type;
    case GeneratorExp_kind:
        return &PyGen_Type;
    case Lambda_kind:
        return &PyFunction_Type;
    case JoinedStr_kind:
    case FormattedValue_kind:
        return &PyUnicode_Type;
    case Constant_kind:
        return Py_TYPE(e->v.Constant.value);
    default:
        return NULL;
    }
}

/* `1(2)` and friends: SyntaxWarning "perhaps you missed a comma?" as CPython. */
static int
check_caller(struct compiler *c, expr_ty e)
{
    switch (e->kind) {
    case Constant_kind: case Tuple_kind: case List_kind: case ListComp_kind:
    case Dict_kind: case DictComp_kind: case Set_kind: case SetComp_kind:
    case GeneratorExp_kind: case JoinedStr_kind: case FormattedValue_kind:
        return compiler_warn(c, LOC(e), "'%.200s' object is not callable; "
                             "perhaps you missed a comma?", infer_type(e)->tp_name);
    default:
        return SUCCESS;
    }
}

static int
check_subscripter(struct compiler *c, expr_ty e)
{
    switch (e->kind) {
    case Constant_kind: {
        PyObject *v = e->v.Constant.value;
        if (!(v == Py_None || v == Py_Ellipsis || PyLong_Check(v) || PyFloat_Check(v) ||
              PyComplex_Check(v) || PyAnySet_Check(v))) {
            return SUCCESS;
        }
        break;
    }
    case Set_kind: case SetComp_kind: case GeneratorExp_kind: case Lambda_kind:
        break;
    default:
        return SUCCESS;
    }
    return compiler_warn(c, LOC(e), "'%.200s' object is not subscriptable; "
                         "perhaps you missed a comma?", infer_type(e)->tp_name);
}

static int
check_index(struct compiler *c, expr_ty e, expr_ty s)
{
    PyTypeObject *index_type = infer_type(s);
    if (index_type == NULL || PyType_FastSubclass(index_type, Py_TPFLAGS_LONG_SUBCLASS) ||
        index_type == &PySlice_Type) {
        return SUCCESS;
    }
    switch (e->kind) {
    case Constant_kind: {
        PyObject *v = e->v.Constant.value;
        if (!(PyUnicode_Check(v) || PyBytes_Check(v) || PyTuple_Check(v))) {
            return SUCCESS;
        }
        break;
    }
    case Tuple_kind: case List_kind: case ListComp_kind: case JoinedStr_kind:
    case FormattedValue_kind:
        break;
    default:
        return SUCCESS;
    }
    return compiler_warn(c, LOC(e), "%.200s indices must be integers or slices, not %.200s; "
                         "perhaps you missed a comma?", infer_type(e)->tp_name,
                         index_type->tp_name);
}

static int
is_two_element_slice(expr_ty s)
{
    return s->kind == Slice_kind && s->v.Slice.step == NULL;
}

static int
compiler_slice_parts(struct compiler *c, expr_ty s)
{
    location loc = LOC(s);
    if (s->v.Slice.lower) {
        VISIT(c, expr, s->v.Slice.lower);
    }
    else {
        ADDOP_LOAD_CONST(c, loc, Py_None);
    }
    if (s->v.Slice.upper) {
        VISIT(c, expr, s->v.Slice.upper);
    }
    else {
        ADDOP_LOAD_CONST(c, loc, Py_None);
    }
    if (s->v.Slice.step) {
        VISIT(c, expr, s->v.Slice.step);
        return 3;
    }
    return 2;
}

static int
compiler_subscript(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    expr_context_ty ctx = e->v.Subscript.ctx;
    if (ctx == Load) {
        RETURN_IF_ERROR(check_subscripter(c, e->v.Subscript.value));
        RETURN_IF_ERROR(check_index(c, e->v.Subscript.value, e->v.Subscript.slice));
    }
    VISIT(c, expr, e->v.Subscript.value);
    if (is_two_element_slice(e->v.Subscript.slice) && ctx != Del) {
        RETURN_IF_ERROR(compiler_slice_parts(c, e->v.Subscript.slice));
        ADDOP(c, loc, ctx == Load ? BINARY_SLICE : STORE_SLICE);
        return SUCCESS;
    }
    VISIT(c, expr, e->v.Subscript.slice);
    ADDOP(c, loc, ctx == Load ? BINARY_SUBSCR : ctx == Store ? STORE_SUBSCR : DELETE_SUBSCR);
    return SUCCESS;
}

/* Record `self.X = ...` (the name `self`, in any function nested in a class) for the
 * nearest enclosing class's __static_attributes__, as CPython 3.13 does. */
static int
note_static_attribute(struct compiler *c, expr_ty e)
{
    expr_ty value = e->v.Attribute.value;
    if (value->kind != Name_kind ||
        PyUnicode_CompareWithASCIIString(value->v.Name.id, "self") != 0) {
        return SUCCESS;
    }
    for (int i = c->c_nstack - 1; i >= 0; i--) {
        struct compiler_unit *u = c->c_stack[i];
        if (u->u_scope_type == SCOPE_CLASS) {
            return PySet_Add(u->u_static_attributes, e->v.Attribute.attr);
        }
    }
    return SUCCESS;
}

static int compiler_lambda(struct compiler *c, expr_ty e);
static int compiler_comprehension(struct compiler *c, expr_ty e);

static int compiler_visit_expr1(struct compiler *c, expr_ty e);

static int
compiler_visit_expr(struct compiler *c, expr_ty e)
{
    if (++c->c_depth > 5000) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        return ERROR;
    }
    int r = compiler_visit_expr1(c, e);
    c->c_depth--;
    return r;
}

static int
compiler_visit_expr1(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    switch (e->kind) {
    case NamedExpr_kind:
        VISIT(c, expr, e->v.NamedExpr.value);
        ADDOP_I(c, loc, COPY, 1);
        VISIT(c, expr, e->v.NamedExpr.target);
        break;
    case BoolOp_kind:
        return compiler_boolop(c, e);
    case BinOp_kind:
        VISIT(c, expr, e->v.BinOp.left);
        VISIT(c, expr, e->v.BinOp.right);
        ADDOP_I(c, loc, BINARY_OP, binop_arg(e->v.BinOp.op));
        break;
    case UnaryOp_kind:
        VISIT(c, expr, e->v.UnaryOp.operand);
        switch (e->v.UnaryOp.op) {
        case UAdd:
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_UNARY_POSITIVE);
            break;
        case USub:
            ADDOP(c, loc, UNARY_NEGATIVE);
            break;
        case Not:
            ADDOP(c, loc, UNARY_NOT);
            break;
        case Invert:
            ADDOP(c, loc, UNARY_INVERT);
            break;
        }
        break;
    case Lambda_kind:
        return compiler_lambda(c, e);
    case IfExp_kind: {
        NEW_LABEL(c, end);
        NEW_LABEL(c, next);
        RETURN_IF_ERROR(compiler_jump_if(c, loc, e->v.IfExp.test, next, 0));
        VISIT(c, expr, e->v.IfExp.body);
        ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end);
        USE_LABEL(c, next);
        VISIT(c, expr, e->v.IfExp.orelse);
        USE_LABEL(c, end);
        break;
    }
    case Dict_kind:
        return compiler_dict(c, e);
    case Set_kind:
        return starunpack_helper(c, loc, e->v.Set.elts, 0, BUILD_SET, SET_ADD, SET_UPDATE, 0);
    case GeneratorExp_kind:
    case ListComp_kind:
    case SetComp_kind:
    case DictComp_kind:
        return compiler_comprehension(c, e);
    case Yield_kind:
        if (!_PyST_IsFunctionLike(c->u->u_ste)) {
            return compiler_error(c, loc, "'yield' outside function");
        }
        if (e->v.Yield.value) {
            VISIT(c, expr, e->v.Yield.value);
        }
        else {
            ADDOP_LOAD_CONST(c, loc, Py_None);
        }
        if (c->u->u_ste->ste_coroutine) {
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_ASYNC_GEN_WRAP);
        }
        ADDOP_I(c, loc, YIELD_VALUE, 0);
        ADDOP_I(c, loc, RESUME, 1);
        break;
    case YieldFrom_kind:
        if (!_PyST_IsFunctionLike(c->u->u_ste)) {
            return compiler_error(c, loc, "'yield' outside function");
        }
        if (c->u->u_scope_type == SCOPE_ASYNC_FUNCTION) {
            return compiler_error(c, loc, "'yield from' inside async function");
        }
        VISIT(c, expr, e->v.YieldFrom.value);
        ADDOP(c, loc, GET_YIELD_FROM_ITER);
        ADDOP_LOAD_CONST(c, loc, Py_None);
        return compiler_add_yield_from(c, loc, 0);
    case Await_kind:
        if (!(c->c_flags & PyCF_ALLOW_TOP_LEVEL_AWAIT) || c->u->u_scope_type != SCOPE_MODULE) {
            if (!_PyST_IsFunctionLike(c->u->u_ste)) {
                return compiler_error(c, loc, "'await' outside function");
            }
            if (c->u->u_scope_type != SCOPE_ASYNC_FUNCTION &&
                c->u->u_scope_type != SCOPE_COMPREHENSION) {
                return compiler_error(c, loc, "'await' outside async function");
            }
        }
        if (c->u->u_scope_type == SCOPE_MODULE) {
            c->u->u_toplevel_await = 1;
        }
        VISIT(c, expr, e->v.Await.value);
        ADDOP_I(c, loc, GET_AWAITABLE, 0);
        ADDOP_LOAD_CONST(c, loc, Py_None);
        return compiler_add_yield_from(c, loc, 1);
    case Compare_kind:
        return compiler_compare(c, e);
    case Call_kind:
        return compiler_call(c, e);
    case Constant_kind:
        ADDOP_LOAD_CONST(c, loc, e->v.Constant.value);
        break;
    case JoinedStr_kind:
        return compiler_joined_str(c, e);
    case FormattedValue_kind:
        return compiler_formatted_value(c, e);
    case Attribute_kind:
        if (e->v.Attribute.ctx == Load) {
            if (can_optimize_super_call(c, e)) {
                int two = load_args_for_super(c, e->v.Attribute.value);
                RETURN_IF_ERROR(two);
                RETURN_IF_ERROR(addop_name(c, loc, LOAD_SUPER_ATTR, e->v.Attribute.attr, 1, 2,
                                           two));
                break;
            }
            VISIT(c, expr, e->v.Attribute.value);
            RETURN_IF_ERROR(addop_name(c, loc, LOAD_ATTR, e->v.Attribute.attr, 1, 1, 0));
        }
        else if (e->v.Attribute.ctx == Store) {
            if (forbidden_name(c, loc, e->v.Attribute.attr, Store)) {
                return ERROR;
            }
            RETURN_IF_ERROR(note_static_attribute(c, e));
            VISIT(c, expr, e->v.Attribute.value);
            ADDOP_NAME(c, loc, STORE_ATTR, e->v.Attribute.attr);
        }
        else {
            VISIT(c, expr, e->v.Attribute.value);
            ADDOP_NAME(c, loc, DELETE_ATTR, e->v.Attribute.attr);
        }
        break;
    case Subscript_kind:
        return compiler_subscript(c, e);
    case Starred_kind:
        if (e->v.Starred.ctx == Store) {
            return compiler_error(c, loc,
                                  "starred assignment target must be in a list or tuple");
        }
        return compiler_error(c, loc, "can't use starred expression here");
    case Slice_kind: {
        int n = compiler_slice_parts(c, e);
        RETURN_IF_ERROR(n);
        ADDOP_I(c, loc, BUILD_SLICE, n);
        break;
    }
    case Name_kind:
        if (e->v.Name.ctx == Load &&
            PyUnicode_CompareWithASCIIString(e->v.Name.id, "__debug__") == 0) {
            ADDOP_LOAD_CONST(c, loc, c->c_optimize ? Py_False : Py_True);
            break;
        }
        return compiler_nameop(c, loc, e->v.Name.id, e->v.Name.ctx);
    case List_kind:
        return compiler_list_or_tuple(c, e, 0);
    case Tuple_kind:
        return compiler_list_or_tuple(c, e, 1);
    }
    return SUCCESS;
}

/* The SEND loop shared by await, yield from and async for/with. */
static int
compiler_add_yield_from(struct compiler *c, location loc, int await)
{
    NEW_LABEL(c, send);
    NEW_LABEL(c, fail);
    NEW_LABEL(c, exit);
    USE_LABEL(c, send);
    ADDOP_JUMP(c, loc, SEND, exit);
    ADDOP_JUMP(c, loc, SETUP_FINALLY, fail);
    ADDOP_I(c, loc, YIELD_VALUE, 1);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    ADDOP_I(c, loc, RESUME, await ? 3 : 2);
    ADDOP_JUMP(c, loc, JUMP_NO_INTERRUPT, send);
    USE_LABEL(c, fail);
    ADDOP(c, loc, CLEANUP_THROW);
    USE_LABEL(c, exit);
    ADDOP(c, loc, END_SEND);
    return SUCCESS;
}

static int
compiler_call_exit_with_nones(struct compiler *c, location loc)
{
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADDOP_I(c, loc, CALL, 2);
    return SUCCESS;
}

/* ---- functions, lambdas, classes ---------------------------------------------------------- */

/* Push a tuple of the closure cells code needs (LOAD_CLOSURE of each of its free names in
 * the current scope).  Return 1 if one was pushed, 0 if the code has no free variables. */
static int
compiler_make_closure(struct compiler *c, location loc, PyCodeObject *co)
{
    if (co->co_nfreevars == 0) {
        return 0;
    }
    PyObject *freevars = PyCode_GetFreevars(co);
    if (freevars == NULL) {
        return ERROR;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(freevars); i++) {
        PyObject *name = PyTuple_GET_ITEM(freevars, i);
        int idx = deref_index(c, name);
        if (idx < 0) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_SystemError,
                             "compiler: free variable %R of %R not found in %R", name,
                             co->co_name, c->u->u_name);
            }
            Py_DECREF(freevars);
            return ERROR;
        }
        if (addop_i(c, loc, LOAD_CLOSURE, idx) < 0) {
            Py_DECREF(freevars);
            return ERROR;
        }
    }
    Py_ssize_t n = PyTuple_GET_SIZE(freevars);
    Py_DECREF(freevars);
    ADDOP_I(c, loc, BUILD_TUPLE, (int)n);
    return 1;
}

/* With the attribute values (flags order: defaults, kwdefaults, annotations) already on the
 * stack, make a function from co. */
static int
compiler_make_function(struct compiler *c, location loc, PyCodeObject *co, int flags)
{
    int closure = compiler_make_closure(c, loc, co);
    RETURN_IF_ERROR(closure);
    ADDOP_LOAD_CONST(c, loc, (PyObject *)co);
    ADDOP(c, loc, MAKE_FUNCTION);
    if (closure) {
        ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_CLOSURE);
    }
    if (flags & MAKE_FUNCTION_ANNOTATIONS) {
        ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_ANNOTATIONS);
    }
    if (flags & MAKE_FUNCTION_KWDEFAULTS) {
        ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_KWDEFAULTS);
    }
    if (flags & MAKE_FUNCTION_DEFAULTS) {
        ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_DEFAULTS);
    }
    return SUCCESS;
}

static int
check_args_names(struct compiler *c, arguments_ty args)
{
    asdl_arg_seq *seqs[3] = {args->posonlyargs, args->args, args->kwonlyargs};
    for (int k = 0; k < 3; k++) {
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(seqs[k]); i++) {
            arg_ty a = asdl_seq_GET(seqs[k], i);
            if (forbidden_name(c, LOC(a), a->arg, Store)) {
                return ERROR;
            }
        }
    }
    if (args->vararg && forbidden_name(c, LOC(args->vararg), args->vararg->arg, Store)) {
        return ERROR;
    }
    if (args->kwarg && forbidden_name(c, LOC(args->kwarg), args->kwarg->arg, Store)) {
        return ERROR;
    }
    return SUCCESS;
}

/* Push defaults tuple and kw-defaults dict; return MAKE_FUNCTION_* flags or -1. */
static int
compiler_default_arguments(struct compiler *c, location loc, arguments_ty args)
{
    int flags = 0;
    if (asdl_seq_LEN(args->defaults) > 0) {
        VISIT_SEQ(c, expr, args->defaults);
        ADDOP_I(c, loc, BUILD_TUPLE, (int)asdl_seq_LEN(args->defaults));
        flags |= MAKE_FUNCTION_DEFAULTS;
    }
    int nkw = 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args->kwonlyargs); i++) {
        arg_ty a = asdl_seq_GET(args->kwonlyargs, i);
        expr_ty d = asdl_seq_GET(args->kw_defaults, i);
        if (d == NULL) {
            continue;
        }
        PyObject *m = mangle(c, a->arg);
        if (m == NULL) {
            return ERROR;
        }
        int r = addop_load_const(c, loc, m);
        Py_DECREF(m);
        RETURN_IF_ERROR(r);
        VISIT(c, expr, d);
        nkw++;
    }
    if (nkw > 0) {
        ADDOP_I(c, loc, BUILD_MAP, nkw);
        flags |= MAKE_FUNCTION_KWDEFAULTS;
    }
    return flags;
}

static int
compiler_annotation_value(struct compiler *c, expr_ty annotation)
{
    if (c->c_future.ff_features & CO_FUTURE_ANNOTATIONS) {
        PyObject *s = _PyAST_ExprAsUnicode(annotation);
        if (s == NULL) {
            return ERROR;
        }
        int r = addop_load_const(c, LOC(annotation), s);
        Py_DECREF(s);
        return r;
    }
    if (annotation->kind == Starred_kind) {
        /* *args: *Ts  ->  the unpacked form */
        VISIT(c, expr, annotation->v.Starred.value);
        ADDOP_I(c, LOC(annotation), UNPACK_SEQUENCE, 1);
        return SUCCESS;
    }
    return compiler_visit_expr(c, annotation);
}

static int
annotations_add(struct compiler *c, location loc, arg_ty a, int *count)
{
    if (a == NULL || a->annotation == NULL) {
        return SUCCESS;
    }
    PyObject *m = mangle(c, a->arg);
    if (m == NULL) {
        return ERROR;
    }
    int r = addop_load_const(c, loc, m);
    Py_DECREF(m);
    RETURN_IF_ERROR(r);
    RETURN_IF_ERROR(compiler_annotation_value(c, a->annotation));
    (*count)++;
    return SUCCESS;
}

/* Push a tuple (name, value, ...) of annotations; return 1 if pushed, 0 if none. */
static int
compiler_annotations(struct compiler *c, location loc, arguments_ty args, expr_ty returns)
{
    int count = 0;
    asdl_arg_seq *seqs[2] = {args->posonlyargs, args->args};
    for (int k = 0; k < 2; k++) {
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(seqs[k]); i++) {
            RETURN_IF_ERROR(annotations_add(c, loc, asdl_seq_GET(seqs[k], i), &count));
        }
    }
    RETURN_IF_ERROR(annotations_add(c, loc, args->vararg, &count));
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args->kwonlyargs); i++) {
        RETURN_IF_ERROR(annotations_add(c, loc, asdl_seq_GET(args->kwonlyargs, i), &count));
    }
    RETURN_IF_ERROR(annotations_add(c, loc, args->kwarg, &count));
    if (returns) {
        ADDOP_LOAD_CONST(c, loc, _Py_ID(return));
        RETURN_IF_ERROR(compiler_annotation_value(c, returns));
        count++;
    }
    if (count == 0) {
        return 0;
    }
    ADDOP_I(c, loc, BUILD_TUPLE, count * 2);
    return 1;
}

static int
compiler_decorators(struct compiler *c, asdl_expr_seq *decos)
{
    VISIT_SEQ(c, expr, decos);
    return SUCCESS;
}

static int
compiler_apply_decorators(struct compiler *c, asdl_expr_seq *decos)
{
    for (Py_ssize_t i = asdl_seq_LEN(decos) - 1; i >= 0; i--) {
        location loc = LOC(asdl_seq_GET(decos, i));
        /* decorator func: CALL 0 with func as self_or_NULL calls decorator(func). */
        ADDOP_I(c, loc, CALL, 0);
    }
    return SUCCESS;
}

static PyObject *
docstring_of(struct compiler *c, asdl_stmt_seq *body)
{
    if (c->c_optimize >= 2 || asdl_seq_LEN(body) == 0) {
        return NULL;
    }
    stmt_ty st = asdl_seq_GET(body, 0);
    if (st->kind != Expr_kind) {
        return NULL;
    }
    expr_ty e = st->v.Expr.value;
    if (e->kind != Constant_kind || !PyUnicode_CheckExact(e->v.Constant.value)) {
        return NULL;
    }
    return e->v.Constant.value;
}

/* Clean docstring indentation like inspect.cleandoc.  Return a new reference. */
static PyObject *
clean_docstring(PyObject *doc)
{
    PyObject *lines = PyUnicode_Splitlines(doc, 0);
    if (lines == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(lines);
    Py_ssize_t margin = PY_SSIZE_T_MAX;
    for (Py_ssize_t i = 1; i < n; i++) {
        PyObject *line = PyList_GET_ITEM(lines, i);
        Py_ssize_t len = PyUnicode_GET_LENGTH(line), k = 0;
        while (k < len && (PyUnicode_READ_CHAR(line, k) == ' ' ||
                           PyUnicode_READ_CHAR(line, k) == '\t')) {
            k++;
        }
        if (k < len && k < margin) {
            margin = k;
        }
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        Py_DECREF(lines);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *line = PyList_GET_ITEM(lines, i);
        PyObject *item;
        if (i == 0) {
            Py_ssize_t len = PyUnicode_GET_LENGTH(line), k = 0;
            while (k < len && (PyUnicode_READ_CHAR(line, k) == ' ' ||
                               PyUnicode_READ_CHAR(line, k) == '\t')) {
                k++;
            }
            item = PyUnicode_Substring(line, k, len);
        }
        else if (margin != PY_SSIZE_T_MAX && PyUnicode_GET_LENGTH(line) >= margin) {
            item = PyUnicode_Substring(line, margin, PyUnicode_GET_LENGTH(line));
        }
        else {
            Py_ssize_t len = PyUnicode_GET_LENGTH(line), k = 0;
            while (k < len && (PyUnicode_READ_CHAR(line, k) == ' ' ||
                               PyUnicode_READ_CHAR(line, k) == '\t')) {
                k++;
            }
            item = PyUnicode_Substring(line, k, len);
        }
        if (item == NULL || PyList_Append(out, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(out);
            Py_DECREF(lines);
            return NULL;
        }
        Py_DECREF(item);
    }
    Py_DECREF(lines);
    PyObject *nl = PyUnicode_FromString("\n");
    PyObject *result = nl ? PyUnicode_Join(nl, out) : NULL;
    Py_XDECREF(nl);
    Py_DECREF(out);
    return result;
}

static int compiler_wrap_in_stopiteration_handler(struct compiler *c);

static int
compiler_function_body(struct compiler *c, stmt_ty s, int is_async, int firstlineno)
{
    PyObject *name = is_async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
    arguments_ty args = is_async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
    asdl_stmt_seq *body = is_async ? s->v.AsyncFunctionDef.body : s->v.FunctionDef.body;
    RETURN_IF_ERROR(compiler_enter_scope(c, name,
                                         is_async ? SCOPE_ASYNC_FUNCTION : SCOPE_FUNCTION,
                                         (void *)s, firstlineno));
    struct compiler_unit *u = c->u;
    PyObject *doc = docstring_of(c, body);
    if (doc != NULL) {
        PyObject *cleaned = clean_docstring(doc);
        if (cleaned == NULL || add_const(c, cleaned) < 0) {
            Py_XDECREF(cleaned);
            compiler_exit_scope(c);
            return ERROR;
        }
        Py_DECREF(cleaned);
    }
    else if (add_const(c, Py_None) < 0) {
        compiler_exit_scope(c);
        return ERROR;
    }
    u->u_argcount = (int)(asdl_seq_LEN(args->args) + asdl_seq_LEN(args->posonlyargs));
    u->u_posonlyargcount = (int)asdl_seq_LEN(args->posonlyargs);
    u->u_kwonlyargcount = (int)asdl_seq_LEN(args->kwonlyargs);
    if (compiler_set_qualname(c) < 0) {
        compiler_exit_scope(c);
        return ERROR;
    }
    int is_gen = u->u_ste->ste_generator || u->u_ste->ste_coroutine;
    NEW_LABEL(c, handler);
    if (is_gen) {
        if (addop_i(c, NO_LOCATION, SETUP_CLEANUP, handler) < 0) {
            compiler_exit_scope(c);
            return ERROR;
        }
    }
    for (Py_ssize_t i = doc != NULL ? 1 : 0; i < asdl_seq_LEN(body); i++) {
        if (compiler_visit_stmt(c, asdl_seq_GET(body, i)) < 0) {
            compiler_exit_scope(c);
            return ERROR;
        }
    }
    if (addop_i(c, NO_LOCATION, RETURN_CONST, (int)add_const(c, Py_None)) < 0) {
        compiler_exit_scope(c);
        return ERROR;
    }
    if (is_gen) {
        if (addop_i(c, NO_LOCATION, LABEL, handler) < 0 ||
            compiler_wrap_in_stopiteration_handler(c) < 0) {
            compiler_exit_scope(c);
            return ERROR;
        }
    }
    return SUCCESS;
}

static int
compiler_wrap_in_stopiteration_handler(struct compiler *c)
{
    ADDOP_I(c, NO_LOCATION, CALL_INTRINSIC_1, INTRINSIC_STOPITERATION_ERROR);
    ADDOP_I(c, NO_LOCATION, RERAISE, 1);
    return SUCCESS;
}

static int compiler_type_params(struct compiler *c, asdl_type_param_seq *tps);

static int
compiler_function(struct compiler *c, stmt_ty s, int is_async)
{
    location loc = LOC(s);
    PyObject *name = is_async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
    arguments_ty args = is_async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
    asdl_expr_seq *decos = is_async ? s->v.AsyncFunctionDef.decorator_list
                                    : s->v.FunctionDef.decorator_list;
    expr_ty returns = is_async ? s->v.AsyncFunctionDef.returns : s->v.FunctionDef.returns;
    asdl_type_param_seq *tps = is_async ? s->v.AsyncFunctionDef.type_params
                                        : s->v.FunctionDef.type_params;
    RETURN_IF_ERROR(check_args_names(c, args));
    RETURN_IF_ERROR(compiler_decorators(c, decos));
    int firstlineno = s->lineno;
    if (asdl_seq_LEN(decos) > 0) {
        firstlineno = asdl_seq_GET(decos, 0)->lineno;
    }
    int flags = compiler_default_arguments(c, loc, args);
    RETURN_IF_ERROR(flags);
    int is_generic = asdl_seq_LEN(tps) > 0;
    int num_typeparam_args = 0;
    if (is_generic) {
        if (flags & MAKE_FUNCTION_DEFAULTS) {
            num_typeparam_args++;
        }
        if (flags & MAKE_FUNCTION_KWDEFAULTS) {
            num_typeparam_args++;
        }
        PyObject *tp_name = PyUnicode_FromFormat("<generic parameters of %U>", name);
        if (tp_name == NULL) {
            return ERROR;
        }
        int r = compiler_enter_scope(c, tp_name, SCOPE_TYPEPARAMS, (void *)tps, firstlineno);
        Py_DECREF(tp_name);
        RETURN_IF_ERROR(r);
        if (compiler_set_qualname(c) < 0) {
            compiler_exit_scope(c);
            return ERROR;
        }
        c->u->u_argcount = num_typeparam_args;
        if (compiler_type_params(c, tps) < 0) {
            compiler_exit_scope(c);
            return ERROR;
        }
        for (int i = 0; i < num_typeparam_args; i++) {
            if (addop_i(c, loc, LOAD_FAST, i) < 0) {
                compiler_exit_scope(c);
                return ERROR;
            }
        }
    }
    int annotations = compiler_annotations(c, loc, args, returns);
    if (annotations < 0) {
        if (is_generic) {
            compiler_exit_scope(c);
        }
        return ERROR;
    }
    if (annotations) {
        flags |= MAKE_FUNCTION_ANNOTATIONS;
    }
    if (compiler_function_body(c, s, is_async, firstlineno) < 0) {
        if (is_generic) {
            compiler_exit_scope(c);
        }
        return ERROR;
    }
    PyCodeObject *co = assemble_unit(c);
    compiler_exit_scope(c);
    if (co == NULL) {
        if (is_generic) {
            compiler_exit_scope(c);
        }
        return ERROR;
    }
    int r = compiler_make_function(c, loc, co, flags);
    Py_DECREF(co);
    if (r < 0) {
        if (is_generic) {
            compiler_exit_scope(c);
        }
        return ERROR;
    }
    if (is_generic) {
        /* func type_params -- func */
        if (addop_i(c, loc, SWAP, 2) < 0 ||
            addop_i(c, loc, CALL_INTRINSIC_2, INTRINSIC_SET_FUNCTION_TYPE_PARAMS) < 0 ||
            addop_i(c, loc, RETURN_VALUE, 0) < 0) {
            compiler_exit_scope(c);
            return ERROR;
        }
        PyCodeObject *tco = assemble_unit(c);
        compiler_exit_scope(c);
        if (tco == NULL) {
            return ERROR;
        }
        int closure = compiler_make_closure(c, loc, tco);
        if (closure < 0 || addop_load_const(c, loc, (PyObject *)tco) < 0) {
            Py_DECREF(tco);
            return ERROR;
        }
        Py_DECREF(tco);
        ADDOP(c, loc, MAKE_FUNCTION);
        if (closure) {
            ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_CLOSURE);
        }
        if (num_typeparam_args > 0) {
            /* defaults [kwdefaults] genericfunc -> genericfunc defaults [kwdefaults];
             * the first argument takes the self_or_NULL slot. */
            ADDOP_I(c, loc, SWAP, num_typeparam_args + 1);
            if (num_typeparam_args == 2) {
                ADDOP_I(c, loc, SWAP, 2);
            }
            ADDOP_I(c, loc, CALL, num_typeparam_args - 1);
        }
        else {
            ADDOP(c, loc, PUSH_NULL);
            ADDOP_I(c, loc, CALL, 0);
        }
    }
    RETURN_IF_ERROR(compiler_apply_decorators(c, decos));
    return compiler_nameop(c, loc, name, Store);
}

static int
compiler_lambda(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    arguments_ty args = e->v.Lambda.args;
    RETURN_IF_ERROR(check_args_names(c, args));
    int flags = compiler_default_arguments(c, loc, args);
    RETURN_IF_ERROR(flags);
    RETURN_IF_ERROR(compiler_enter_scope(c, _Py_ID(<lambda>), SCOPE_LAMBDA, (void *)e,
                                         e->lineno));
    struct compiler_unit *u = c->u;
    /* None first, so a lambda has no docstring. */
    if (add_const(c, Py_None) < 0 || compiler_set_qualname(c) < 0) {
        compiler_exit_scope(c);
        return ERROR;
    }
    u->u_argcount = (int)(asdl_seq_LEN(args->args) + asdl_seq_LEN(args->posonlyargs));
    u->u_posonlyargcount = (int)asdl_seq_LEN(args->posonlyargs);
    u->u_kwonlyargcount = (int)asdl_seq_LEN(args->kwonlyargs);
    int is_gen = u->u_ste->ste_generator;
    int handler = new_label(c);
    if ((is_gen && addop_i(c, NO_LOCATION, SETUP_CLEANUP, handler) < 0) ||
        compiler_visit_expr(c, e->v.Lambda.body) < 0) {
        compiler_exit_scope(c);
        return ERROR;
    }
    location bloc = LOC(e->v.Lambda.body);
    if (is_gen) {
        if (addop_i(c, bloc, POP_TOP, 0) < 0 ||
            addop_i(c, bloc, RETURN_CONST, (int)add_const(c, Py_None)) < 0 ||
            addop_i(c, NO_LOCATION, LABEL, handler) < 0 ||
            compiler_wrap_in_stopiteration_handler(c) < 0) {
            compiler_exit_scope(c);
            return ERROR;
        }
    }
    else if (addop_i(c, bloc, RETURN_VALUE, 0) < 0) {
        compiler_exit_scope(c);
        return ERROR;
    }
    PyCodeObject *co = assemble_unit(c);
    compiler_exit_scope(c);
    if (co == NULL) {
        return ERROR;
    }
    int r = compiler_make_function(c, loc, co, flags);
    Py_DECREF(co);
    return r;
}

static int
find_ann(asdl_stmt_seq *stmts)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(stmts); i++) {
        stmt_ty st = asdl_seq_GET(stmts, i);
        switch (st->kind) {
        case AnnAssign_kind:
            return 1;
        case For_kind:
        case AsyncFor_kind:
            if (find_ann(st->v.For.body) || find_ann(st->v.For.orelse)) {
                return 1;
            }
            break;
        case While_kind:
            if (find_ann(st->v.While.body) || find_ann(st->v.While.orelse)) {
                return 1;
            }
            break;
        case If_kind:
            if (find_ann(st->v.If.body) || find_ann(st->v.If.orelse)) {
                return 1;
            }
            break;
        case With_kind:
        case AsyncWith_kind:
            if (find_ann(st->v.With.body)) {
                return 1;
            }
            break;
        case Match_kind:
            for (Py_ssize_t j = 0; j < asdl_seq_LEN(st->v.Match.cases); j++) {
                if (find_ann(asdl_seq_GET(st->v.Match.cases, j)->body)) {
                    return 1;
                }
            }
            break;
        case Try_kind:
        case TryStar_kind:
            if (find_ann(st->v.Try.body) || find_ann(st->v.Try.orelse) ||
                find_ann(st->v.Try.finalbody)) {
                return 1;
            }
            for (Py_ssize_t j = 0; j < asdl_seq_LEN(st->v.Try.handlers); j++) {
                if (find_ann(asdl_seq_GET(st->v.Try.handlers, j)->v.ExceptHandler.body)) {
                    return 1;
                }
            }
            break;
        default:
            break;
        }
    }
    return 0;
}

/* Compile a class body into a code object. */
static PyCodeObject *
compiler_class_body(struct compiler *c, stmt_ty s, int firstlineno)
{
    location loc = LOC(s);
    if (compiler_enter_scope(c, s->v.ClassDef.name, SCOPE_CLASS, (void *)s, firstlineno) < 0) {
        return NULL;
    }
    struct compiler_unit *u = c->u;
    PyCodeObject *co = NULL;
    if (compiler_set_qualname(c) < 0) {
        goto done;
    }
    /* __module__ = __name__; __qualname__ = ...; __firstlineno__ = ... */
    if (compiler_nameop(c, loc, _Py_ID(__name__), Load) < 0 ||
        compiler_nameop(c, loc, _Py_ID(__module__), Store) < 0 ||
        addop_load_const(c, loc, u->u_qualname) < 0 ||
        compiler_nameop(c, loc, _Py_ID(__qualname__), Store) < 0) {
        goto done;
    }
    PyObject *lineno = PyLong_FromLong(firstlineno);
    if (lineno == NULL) {
        goto done;
    }
    int r = addop_load_const(c, loc, lineno);
    Py_DECREF(lineno);
    if (r < 0 || compiler_nameop(c, loc, _Py_ID(__firstlineno__), Store) < 0) {
        goto done;
    }
    if (u->u_ste->ste_needs_classdict) {
        int idx = deref_index(c, _Py_ID(__classdict__));
        if (addop_i(c, loc, LOAD_LOCALS, 0) < 0 ||
            addop_i(c, loc, STORE_DEREF, idx) < 0) {
            goto done;
        }
    }
    if (asdl_seq_LEN(s->v.ClassDef.type_params) > 0) {
        if (compiler_nameop(c, loc, _Py_ID(.type_params), Load) < 0 ||
            compiler_nameop(c, loc, _Py_ID(__type_params__), Store) < 0) {
            goto done;
        }
    }
    asdl_stmt_seq *body = s->v.ClassDef.body;
    PyObject *doc = docstring_of(c, body);
    Py_ssize_t start = 0;
    if (doc != NULL) {
        PyObject *cleaned = clean_docstring(doc);
        if (cleaned == NULL) {
            goto done;
        }
        location dloc = LOC(asdl_seq_GET(body, 0));
        r = addop_load_const(c, dloc, cleaned);
        Py_DECREF(cleaned);
        if (r < 0 || compiler_nameop(c, dloc, _Py_ID(__doc__), Store) < 0) {
            goto done;
        }
        start = 1;
    }
    if (find_ann(body) && addop_i(c, loc, SETUP_ANNOTATIONS, 0) < 0) {
        goto done;
    }
    for (Py_ssize_t i = start; i < asdl_seq_LEN(body); i++) {
        if (compiler_visit_stmt(c, asdl_seq_GET(body, i)) < 0) {
            goto done;
        }
    }
    /* __static_attributes__: sorted names assigned as self.X in methods. */
    PyObject *attrs = PyList_New(0);
    if (attrs == NULL) {
        goto done;
    }
    {
        Py_ssize_t spos = 0;
        PyObject *attr;
        Py_hash_t hash;
        while (_PySet_NextEntry(u->u_static_attributes, &spos, &attr, &hash)) {
            if (PyList_Append(attrs, attr) < 0) {
                Py_DECREF(attrs);
                goto done;
            }
        }
    }
    if (PyList_Sort(attrs) < 0) {
        Py_DECREF(attrs);
        goto done;
    }
    PyObject *attrs_tuple = PyList_AsTuple(attrs);
    Py_DECREF(attrs);
    if (attrs_tuple == NULL) {
        goto done;
    }
    r = addop_load_const(c, NO_LOCATION, attrs_tuple);
    Py_DECREF(attrs_tuple);
    if (r < 0 ||
        compiler_nameop(c, NO_LOCATION, _Py_ID(__static_attributes__), Store) < 0) {
        goto done;
    }
    if (u->u_ste->ste_needs_class_closure) {
        int idx = deref_index(c, _Py_ID(__class__));
        if (addop_i(c, NO_LOCATION, LOAD_CLOSURE, idx) < 0 ||
            addop_i(c, NO_LOCATION, COPY, 1) < 0 ||
            compiler_nameop(c, NO_LOCATION, _Py_ID(__classcell__), Store) < 0 ||
            addop_i(c, NO_LOCATION, RETURN_VALUE, 0) < 0) {
            goto done;
        }
    }
    else {
        Py_ssize_t ni = add_const(c, Py_None);
        if (ni < 0 || addop_i(c, NO_LOCATION, RETURN_CONST, (int)ni) < 0) {
            goto done;
        }
    }
    co = assemble_unit(c);
done:
    compiler_exit_scope(c);
    return co;
}

static int
compiler_class(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    asdl_expr_seq *decos = s->v.ClassDef.decorator_list;
    asdl_type_param_seq *tps = s->v.ClassDef.type_params;
    RETURN_IF_ERROR(compiler_decorators(c, decos));
    int firstlineno = s->lineno;
    if (asdl_seq_LEN(decos) > 0) {
        firstlineno = asdl_seq_GET(decos, 0)->lineno;
    }
    int is_generic = asdl_seq_LEN(tps) > 0;
    if (is_generic) {
        PyObject *tp_name = PyUnicode_FromFormat("<generic parameters of %U>",
                                                 s->v.ClassDef.name);
        if (tp_name == NULL) {
            return ERROR;
        }
        int r = compiler_enter_scope(c, tp_name, SCOPE_TYPEPARAMS, (void *)tps, firstlineno);
        Py_DECREF(tp_name);
        RETURN_IF_ERROR(r);
        Py_XSETREF(c->u->u_private, Py_NewRef(s->v.ClassDef.name));
        if (compiler_set_qualname(c) < 0 || compiler_type_params(c, tps) < 0 ||
            compiler_nameop(c, loc, _Py_ID(.type_params), Store) < 0) {
            compiler_exit_scope(c);
            return ERROR;
        }
    }
    PyCodeObject *co = compiler_class_body(c, s, firstlineno);
    if (co == NULL) {
        if (is_generic) {
            compiler_exit_scope(c);
        }
        return ERROR;
    }
    int ok = addop_i(c, loc, LOAD_BUILD_CLASS, 0) == 0 && addop_i(c, loc, PUSH_NULL, 0) == 0 &&
             compiler_make_function(c, loc, co, 0) == 0 &&
             addop_load_const(c, loc, s->v.ClassDef.name) == 0;
    Py_DECREF(co);
    if (!ok) {
        if (is_generic) {
            compiler_exit_scope(c);
        }
        return ERROR;
    }
    if (is_generic) {
        /* bases + Generic[*type_params] */
        asdl_expr_seq *bases = s->v.ClassDef.bases;
        int nb = (int)asdl_seq_LEN(bases);
        int starred = has_starred(bases);
        int r = 0;
        for (int i = 0; r == 0 && !starred && i < nb; i++) {
            r = compiler_visit_expr(c, asdl_seq_GET(bases, i));
        }
        if (r == 0) {
            r = compiler_nameop(c, loc, _Py_ID(.type_params), Load);
        }
        if (r == 0) {
            r = addop_i(c, loc, CALL_INTRINSIC_1, INTRINSIC_SUBSCRIPT_GENERIC);
        }
        if (r == 0) {
            r = compiler_nameop(c, loc, _Py_ID(.generic_base), Store);
        }
        if (r == 0 && !starred) {
            r = compiler_nameop(c, loc, _Py_ID(.generic_base), Load);
        }
        if (r == 0 && !starred) {
            r = compiler_call_helper(c, loc, 3 + nb, NULL, s->v.ClassDef.keywords);
        }
        else if (r == 0) {
            /* *bases: let the call helper unpack them, with .generic_base as the last
             * positional argument (Generic[...] is computed before the bases here). */
            asdl_expr_seq *all = _Py_asdl_expr_seq_new(nb + 1, c->c_arena);
            expr_ty generic = _PyAST_Name(_Py_ID(.generic_base), Load, loc.lineno,
                                          loc.col_offset, loc.end_lineno, loc.end_col_offset,
                                          c->c_arena);
            if (all == NULL || generic == NULL) {
                r = -1;
            }
            else {
                for (int i = 0; i < nb; i++) {
                    asdl_seq_SET(all, i, asdl_seq_GET(bases, i));
                }
                asdl_seq_SET(all, nb, generic);
                r = compiler_call_helper(c, loc, 2, all, s->v.ClassDef.keywords);
            }
        }
        if (r == 0) {
            r = addop_i(c, loc, RETURN_VALUE, 0);
        }
        if (r < 0) {
            compiler_exit_scope(c);
            return ERROR;
        }
        PyCodeObject *tco = assemble_unit(c);
        compiler_exit_scope(c);
        if (tco == NULL) {
            return ERROR;
        }
        int closure = compiler_make_closure(c, loc, tco);
        if (closure < 0 || addop_load_const(c, loc, (PyObject *)tco) < 0) {
            Py_DECREF(tco);
            return ERROR;
        }
        Py_DECREF(tco);
        ADDOP(c, loc, MAKE_FUNCTION);
        if (closure) {
            ADDOP_I(c, loc, SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_CLOSURE);
        }
        ADDOP(c, loc, PUSH_NULL);
        ADDOP_I(c, loc, CALL, 0);
    }
    else {
        RETURN_IF_ERROR(compiler_call_helper(c, loc, 2, s->v.ClassDef.bases,
                                             s->v.ClassDef.keywords));
    }
    RETURN_IF_ERROR(compiler_apply_decorators(c, decos));
    return compiler_nameop(c, loc, s->v.ClassDef.name, Store);
}

/* ---- PEP 695 type parameters -------------------------------------------------------------- */

/* Make a function evaluating e lazily in the scope keyed by `key`. */
static int
compiler_lazy_function(struct compiler *c, PyObject *name, void *key, expr_ty e,
                       int scope_type)
{
    location loc = LOC(e);
    RETURN_IF_ERROR(compiler_enter_scope(c, name, scope_type, key, e->lineno));
    int r0 = compiler_set_qualname(c);
    if (r0 < 0) {
        /* reported below */
    }
    else if (e->kind == Starred_kind) {
        /* `*Ts = *tuple[int]`: the default is the single item of the unpacked value. */
        r0 = compiler_visit_expr(c, e->v.Starred.value);
        if (r0 == SUCCESS) {
            r0 = addop_i(c, loc, UNPACK_SEQUENCE, 1);
        }
    }
    else {
        r0 = compiler_visit_expr(c, e);
    }
    if (r0 < 0 || addop_i(c, loc, RETURN_VALUE, 0) < 0) {
        compiler_exit_scope(c);
        return ERROR;
    }
    PyCodeObject *co = assemble_unit(c);
    compiler_exit_scope(c);
    if (co == NULL) {
        return ERROR;
    }
    int r = compiler_make_function(c, loc, co, 0);
    Py_DECREF(co);
    return r;
}

/* Push a tuple of the type parameters, binding each name in the current scope. */
static int
compiler_type_params(struct compiler *c, asdl_type_param_seq *tps)
{
    Py_ssize_t n = asdl_seq_LEN(tps);
    for (Py_ssize_t i = 0; i < n; i++) {
        type_param_ty tp = asdl_seq_GET(tps, i);
        location loc = LOC(tp);
        PyObject *name = NULL;
        expr_ty def = NULL;
        switch (tp->kind) {
        case TypeVar_kind:
            name = tp->v.TypeVar.name;
            def = tp->v.TypeVar.default_value;
            ADDOP_LOAD_CONST(c, loc, name);
            if (tp->v.TypeVar.bound) {
                expr_ty bound = tp->v.TypeVar.bound;
                RETURN_IF_ERROR(compiler_lazy_function(c, name, (void *)bound, bound,
                                                       SCOPE_ANNOTATIONS));
                ADDOP_I(c, loc, CALL_INTRINSIC_2, bound->kind == Tuple_kind
                                                      ? INTRINSIC_TYPEVAR_WITH_CONSTRAINTS
                                                      : INTRINSIC_TYPEVAR_WITH_BOUND);
            }
            else {
                ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_TYPEVAR);
            }
            break;
        case TypeVarTuple_kind:
            name = tp->v.TypeVarTuple.name;
            def = tp->v.TypeVarTuple.default_value;
            ADDOP_LOAD_CONST(c, loc, name);
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_TYPEVARTUPLE);
            break;
        case ParamSpec_kind:
            name = tp->v.ParamSpec.name;
            def = tp->v.ParamSpec.default_value;
            ADDOP_LOAD_CONST(c, loc, name);
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_PARAMSPEC);
            break;
        }
        if (def != NULL) {
            RETURN_IF_ERROR(compiler_lazy_function(c, name, (void *)def, def,
                                                   SCOPE_ANNOTATIONS));
            ADDOP_I(c, loc, CALL_INTRINSIC_2, INTRINSIC_SET_TYPEPARAM_DEFAULT);
        }
        ADDOP_I(c, loc, COPY, 1);
        RETURN_IF_ERROR(compiler_nameop(c, loc, name, Store));
    }
    ADDOP_I(c, NO_LOCATION, BUILD_TUPLE, (int)n);
    return SUCCESS;
}

static int
compiler_typealias(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    asdl_type_param_seq *tps = s->v.TypeAlias.type_params;
    PyObject *name = s->v.TypeAlias.name->v.Name.id;
    int is_generic = asdl_seq_LEN(tps) > 0;
    if (is_generic) {
        PyObject *tp_name = PyUnicode_FromFormat("<generic parameters of %U>", name);
        if (tp_name == NULL) {
            return ERROR;
        }
        int r = compiler_enter_scope(c, tp_name, SCOPE_TYPEPARAMS, (void *)tps, s->lineno);
        Py_DECREF(tp_name);
        RETURN_IF_ERROR(r);
        if (compiler_set_qualname(c) < 0 || addop_load_const(c, loc, name) < 0 ||
            compiler_type_params(c, tps) < 0) {
            compiler_exit_scope(c);
            return ERROR;
        }
    }
    else {
        ADDOP_LOAD_CONST(c, loc, name);
        ADDOP_LOAD_CONST(c, loc, Py_None);
    }
    if (compiler_lazy_function(c, name, (void *)s, s->v.TypeAlias.value,
                               SCOPE_ANNOTATIONS) < 0 ||
        addop_i(c, loc, BUILD_TUPLE, 3) < 0 ||
        addop_i(c, loc, CALL_INTRINSIC_1, INTRINSIC_TYPEALIAS) < 0) {
        if (is_generic) {
            compiler_exit_scope(c);
        }
        return ERROR;
    }
    if (is_generic) {
        if (addop_i(c, loc, RETURN_VALUE, 0) < 0) {
            compiler_exit_scope(c);
            return ERROR;
        }
        PyCodeObject *co = assemble_unit(c);
        compiler_exit_scope(c);
        if (co == NULL) {
            return ERROR;
        }
        int r = compiler_make_function(c, loc, co, 0);
        Py_DECREF(co);
        RETURN_IF_ERROR(r);
        ADDOP(c, loc, PUSH_NULL);
        ADDOP_I(c, loc, CALL, 0);
    }
    return compiler_nameop(c, loc, name, Store);
}

/* ---- comprehensions ----------------------------------------------------------------------- */

enum { COMP_GENEXP, COMP_LISTCOMP, COMP_SETCOMP, COMP_DICTCOMP };

static int compiler_comprehension_generator(struct compiler *c, location loc,
                                            asdl_comprehension_seq *generators, int gen_index,
                                            int depth, expr_ty elt, expr_ty val, int type);

static int
compiler_sync_comprehension_generator(struct compiler *c, location loc,
                                      asdl_comprehension_seq *generators, int gen_index,
                                      int depth, expr_ty elt, expr_ty val, int type)
{
    comprehension_ty gen = asdl_seq_GET(generators, gen_index);
    NEW_LABEL(c, start);
    NEW_LABEL(c, if_cleanup);
    NEW_LABEL(c, anchor);
    if (gen_index == 0) {
        /* An inlined comprehension left the iterator on the stack; a function one
         * receives it as its argument .0. */
        int iter_on_stack = c->c_inlining_comprehension;
        c->c_inlining_comprehension = 0;
        if (!iter_on_stack) {
            ADDOP_I(c, loc, LOAD_FAST, 0);
        }
    }
    else {
        VISIT(c, expr, gen->iter);
        ADDOP(c, LOC(gen->iter), GET_ITER);
    }
    depth++;
    USE_LABEL(c, start);
    ADDOP_JUMP(c, LOC(gen->iter), FOR_ITER, anchor);
    VISIT(c, expr, gen->target);
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(gen->ifs); i++) {
        expr_ty e = asdl_seq_GET(gen->ifs, i);
        RETURN_IF_ERROR(compiler_jump_if(c, loc, e, if_cleanup, 0));
    }
    if (++gen_index < asdl_seq_LEN(generators)) {
        RETURN_IF_ERROR(compiler_comprehension_generator(c, loc, generators, gen_index,
                                                         depth, elt, val, type));
    }
    else {
        location eloc = LOC(elt);
        switch (type) {
        case COMP_GENEXP:
            VISIT(c, expr, elt);
            if (c->u->u_ste->ste_coroutine) {
                ADDOP_I(c, eloc, CALL_INTRINSIC_1, INTRINSIC_ASYNC_GEN_WRAP);
            }
            ADDOP_I(c, eloc, YIELD_VALUE, 0);
            ADDOP_I(c, eloc, RESUME, 1);
            ADDOP(c, eloc, POP_TOP);
            break;
        case COMP_LISTCOMP:
            VISIT(c, expr, elt);
            ADDOP_I(c, eloc, LIST_APPEND, depth + 1);
            break;
        case COMP_SETCOMP:
            VISIT(c, expr, elt);
            ADDOP_I(c, eloc, SET_ADD, depth + 1);
            break;
        case COMP_DICTCOMP:
            VISIT(c, expr, elt);
            VISIT(c, expr, val);
            ADDOP_I(c, eloc, MAP_ADD, depth + 1);
            break;
        }
    }
    USE_LABEL(c, if_cleanup);
    ADDOP_JUMP(c, NO_LOCATION, JUMP, start);
    USE_LABEL(c, anchor);
    return SUCCESS;
}

static int
compiler_async_comprehension_generator(struct compiler *c, location loc,
                                       asdl_comprehension_seq *generators, int gen_index,
                                       int depth, expr_ty elt, expr_ty val, int type)
{
    comprehension_ty gen = asdl_seq_GET(generators, gen_index);
    NEW_LABEL(c, start);
    NEW_LABEL(c, except);
    NEW_LABEL(c, if_cleanup);
    if (gen_index == 0) {
        int iter_on_stack = c->c_inlining_comprehension;
        c->c_inlining_comprehension = 0;
        if (!iter_on_stack) {
            ADDOP_I(c, loc, LOAD_FAST, 0);
        }
    }
    else {
        VISIT(c, expr, gen->iter);
        ADDOP(c, LOC(gen->iter), GET_AITER);
    }
    depth++;
    USE_LABEL(c, start);
    RETURN_IF_ERROR(push_fblock(c, loc, ASYNC_COMPREHENSION_GENERATOR, start, -1, NULL));
    ADDOP_JUMP(c, loc, SETUP_FINALLY, except);
    ADDOP(c, loc, GET_ANEXT);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    RETURN_IF_ERROR(compiler_add_yield_from(c, loc, 1));
    ADDOP(c, loc, POP_BLOCK);
    VISIT(c, expr, gen->target);
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(gen->ifs); i++) {
        RETURN_IF_ERROR(compiler_jump_if(c, loc, asdl_seq_GET(gen->ifs, i), if_cleanup, 0));
    }
    if (++gen_index < asdl_seq_LEN(generators)) {
        RETURN_IF_ERROR(compiler_comprehension_generator(c, loc, generators, gen_index,
                                                         depth, elt, val, type));
    }
    else {
        location eloc = LOC(elt);
        switch (type) {
        case COMP_GENEXP:
            VISIT(c, expr, elt);
            ADDOP_I(c, eloc, CALL_INTRINSIC_1, INTRINSIC_ASYNC_GEN_WRAP);
            ADDOP_I(c, eloc, YIELD_VALUE, 0);
            ADDOP_I(c, eloc, RESUME, 1);
            ADDOP(c, eloc, POP_TOP);
            break;
        case COMP_LISTCOMP:
            VISIT(c, expr, elt);
            ADDOP_I(c, eloc, LIST_APPEND, depth + 1);
            break;
        case COMP_SETCOMP:
            VISIT(c, expr, elt);
            ADDOP_I(c, eloc, SET_ADD, depth + 1);
            break;
        case COMP_DICTCOMP:
            VISIT(c, expr, elt);
            VISIT(c, expr, val);
            ADDOP_I(c, eloc, MAP_ADD, depth + 1);
            break;
        }
    }
    USE_LABEL(c, if_cleanup);
    ADDOP_JUMP(c, NO_LOCATION, JUMP, start);
    pop_fblock(c);
    USE_LABEL(c, except);
    ADDOP(c, loc, END_ASYNC_FOR);
    return SUCCESS;
}

static int
compiler_comprehension_generator(struct compiler *c, location loc,
                                 asdl_comprehension_seq *generators, int gen_index,
                                 int depth, expr_ty elt, expr_ty val, int type)
{
    comprehension_ty gen = asdl_seq_GET(generators, gen_index);
    if (gen->is_async) {
        return compiler_async_comprehension_generator(c, loc, generators, gen_index, depth,
                                                      elt, val, type);
    }
    return compiler_sync_comprehension_generator(c, loc, generators, gen_index, depth, elt,
                                                 val, type);
}


/* PEP 709 inlining (see can_inline_comprehension in symtable.c).  Stack discipline, with
 * m comprehension-local names n1..nm whose outer values are saved:
 *     iterable                         -> LOAD_FAST_AND_CLEAR n1..nm, SWAP m+1
 *     sm s1 .. s(m-1) iterable         -> GET_ITER, BUILD_LIST 0, SWAP 2, loops
 *     sm s1 .. s(m-1) result           -> SWAP m+1, STORE_FAST_MAYBE_NULL nm..n1
 *     result
 * An exception inside restores the saved values the same way, then re-raises. */
static int
compiler_inlined_comprehension(struct compiler *c, expr_ty e, PySTEntryObject *entry,
                               asdl_comprehension_seq *generators, expr_ty elt,
                               expr_ty val, int type)
{
    location loc = LOC(e);
    struct compiler_unit *u = c->u;
    comprehension_ty outermost = asdl_seq_GET(generators, 0);
    VISIT(c, expr, outermost->iter);

    PyObject *locals = PyList_New(0);       /* comprehension-local names */
    PyObject *overrides = PyDict_New();     /* name -> the parent's own flags */
    if (locals == NULL || overrides == NULL) {
        Py_XDECREF(locals);
        Py_XDECREF(overrides);
        return ERROR;
    }
    int r = SUCCESS;
    Py_ssize_t pos = 0;
    PyObject *name, *v;
    while (r == SUCCESS && PyDict_Next(entry->ste_symbols, &pos, &name, &v)) {
        long flags = PyLong_AsLong(v);
        /* The outermost comprehension inlined in a class body sees none of the class's
         * names: override all of them.  Nested ones follow the usual rule. */
        int in_class = u->u_scope_type == SCOPE_CLASS && u->u_in_inlined_comp == 0;
        int is_local = ((flags >> SCOPE_OFFSET) & 0xf) == LOCAL;
        if ((flags & DEF_PARAM) || (!is_local && !in_class)) {
            continue;
        }
        if (is_local && PyList_Append(locals, name) < 0) {
            r = ERROR;
            break;
        }
        /* Inside the comprehension the name is a local even if the function knows it
         * otherwise (global, free): use the comprehension's view while compiling it. */
        PyObject *outer = PyDict_GetItemWithError(u->u_ste->ste_symbols, name);
        if (outer == NULL) {
            r = ERROR;
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_SystemError, "compiler: %R missing after inlining", name);
            }
            break;
        }
        if (((PyLong_AsLong(outer) >> SCOPE_OFFSET) & 0xf) !=
            ((flags >> SCOPE_OFFSET) & 0xf)) {
            if (PyDict_SetItem(overrides, name, outer) < 0 ||
                PyDict_SetItem(u->u_ste->ste_symbols, name, v) < 0) {
                r = ERROR;
            }
        }
    }
    Py_ssize_t m = PyList_GET_SIZE(locals);
    PyObject *fasthidden = NULL;
    PyObject *outer_fasthidden = u->u_fasthidden;
    if (r == SUCCESS && !_PyST_IsFunctionLike(u->u_ste) && m > 0) {
        /* In module and class code the comprehension's variables are hidden fast locals
         * (with those of the comprehensions it is nested in). */
        fasthidden = PySet_New(locals);
        if (fasthidden != NULL && outer_fasthidden != NULL &&
            _PySet_Update(fasthidden, outer_fasthidden) < 0) {
            Py_CLEAR(fasthidden);
        }
        if (fasthidden == NULL) {
            r = ERROR;
        }
        else if (u->u_hidden == NULL && (u->u_hidden = PySet_New(NULL)) == NULL) {
            r = ERROR;
        }
        for (Py_ssize_t i = 0; r == SUCCESS && i < m; i++) {
            if (PySet_Add(u->u_hidden, PyList_GET_ITEM(locals, i)) < 0) {
                r = ERROR;
            }
        }
        u->u_fasthidden = fasthidden;
    }
    int cleanup = new_label(c), end = new_label(c);
    for (Py_ssize_t i = 0; r == SUCCESS && i < m; i++) {
        Py_ssize_t slot = dict_add(u->u_varnames, PyList_GET_ITEM(locals, i));
        r = slot < 0 ? ERROR : addop_i(c, loc, LOAD_FAST_AND_CLEAR, (int)slot);
    }
    if (r == SUCCESS && m > 0) {
        r = addop_i(c, loc, SWAP, (int)m + 1);
        if (r == SUCCESS) {
            r = addop_i(c, loc, SETUP_FINALLY, cleanup);
        }
    }
    if (r == SUCCESS) {
        r = addop_i(c, loc, outermost->is_async ? GET_AITER : GET_ITER, 0);
    }
    if (r == SUCCESS) {
        int op = type == COMP_LISTCOMP ? BUILD_LIST : type == COMP_SETCOMP ? BUILD_SET
                                                                           : BUILD_MAP;
        r = addop_i(c, loc, op, 0);
        if (r == SUCCESS) {
            r = addop_i(c, loc, SWAP, 2);
        }
    }
    if (r == SUCCESS) {
        c->c_inlining_comprehension = 1;
        u->u_in_inlined_comp++;
        r = compiler_comprehension_generator(c, loc, generators, 0, 0, elt, val, type);
        u->u_in_inlined_comp--;
        c->c_inlining_comprehension = 0;
    }
    if (r == SUCCESS && m > 0) {
        /* normal exit, then the exceptional one: both restore the saved values */
        for (int pass = 0; r == SUCCESS && pass < 2; pass++) {
            if (pass == 0) {
                r = addop_i(c, NO_LOCATION, POP_BLOCK, 0);
            }
            else {
                r = addop_i(c, NO_LOCATION, LABEL, cleanup);
                if (r == SUCCESS) {
                    r = addop_i(c, NO_LOCATION, SWAP, 2);
                }
                if (r == SUCCESS) {
                    r = addop_i(c, NO_LOCATION, POP_TOP, 0);
                }
            }
            if (r == SUCCESS) {
                r = addop_i(c, NO_LOCATION, SWAP, (int)m + 1);
            }
            for (Py_ssize_t i = m - 1; r == SUCCESS && i >= 0; i--) {
                Py_ssize_t slot = dict_add(u->u_varnames, PyList_GET_ITEM(locals, i));
                r = slot < 0 ? ERROR : addop_i(c, NO_LOCATION, STORE_FAST_MAYBE_NULL,
                                               (int)slot);
            }
            if (r == SUCCESS) {
                r = pass == 0 ? addop_i(c, NO_LOCATION, JUMP_NO_INTERRUPT, end)
                              : addop_i(c, NO_LOCATION, RERAISE, 0);
            }
        }
        if (r == SUCCESS) {
            r = addop_i(c, NO_LOCATION, LABEL, end);
        }
    }
    u->u_fasthidden = outer_fasthidden;
    Py_XDECREF(fasthidden);
    /* Give the function its own view of the names back. */
    pos = 0;
    while (PyDict_Next(overrides, &pos, &name, &v)) {
        if (PyDict_SetItem(u->u_ste->ste_symbols, name, v) < 0) {
            r = ERROR;
        }
    }
    Py_DECREF(locals);
    Py_DECREF(overrides);
    return r;
}

static int
compiler_comprehension(struct compiler *c, expr_ty e)
{
    location loc = LOC(e);
    asdl_comprehension_seq *generators;
    expr_ty elt, val = NULL;
    int type;
    PyObject *name;
    switch (e->kind) {
    case GeneratorExp_kind:
        generators = e->v.GeneratorExp.generators;
        elt = e->v.GeneratorExp.elt;
        type = COMP_GENEXP;
        name = _Py_ID(<genexpr>);
        break;
    case ListComp_kind:
        generators = e->v.ListComp.generators;
        elt = e->v.ListComp.elt;
        type = COMP_LISTCOMP;
        name = _Py_ID(<listcomp>);
        break;
    case SetComp_kind:
        generators = e->v.SetComp.generators;
        elt = e->v.SetComp.elt;
        type = COMP_SETCOMP;
        name = _Py_ID(<setcomp>);
        break;
    default:
        generators = e->v.DictComp.generators;
        elt = e->v.DictComp.key;
        val = e->v.DictComp.value;
        type = COMP_DICTCOMP;
        name = _Py_ID(<dictcomp>);
        break;
    }
    comprehension_ty outermost = asdl_seq_GET(generators, 0);
    int outer_scope = c->u->u_scope_type;
    PySTEntryObject *entry = _PySymtable_Lookup(c->c_st, (void *)e);
    if (entry == NULL) {
        return ERROR;
    }
    int inlined = entry->ste_comp_inlined;
    if (inlined) {
        int r = compiler_inlined_comprehension(c, e, entry, generators, elt, val, type);
        Py_DECREF(entry);
        return r;
    }
    Py_DECREF(entry);
    RETURN_IF_ERROR(compiler_enter_scope(c, name, SCOPE_COMPREHENSION, (void *)e, e->lineno));
    struct compiler_unit *u = c->u;
    int is_async_generator = u->u_ste->ste_coroutine;
    if (is_async_generator && type != COMP_GENEXP && outer_scope != SCOPE_ASYNC_FUNCTION &&
        outer_scope != SCOPE_COMPREHENSION &&
        !((c->c_flags & PyCF_ALLOW_TOP_LEVEL_AWAIT) && outer_scope == SCOPE_MODULE)) {
        compiler_exit_scope(c);
        return compiler_error(c, loc,
                              "asynchronous comprehension outside of an asynchronous function");
    }
    u->u_argcount = 1;
    if (compiler_set_qualname(c) < 0) {
        compiler_exit_scope(c);
        return ERROR;
    }
    int is_gen = type == COMP_GENEXP;
    NEW_LABEL(c, handler);
    if (is_gen || is_async_generator) {
        if (addop_i(c, NO_LOCATION, SETUP_CLEANUP, handler) < 0) {
            compiler_exit_scope(c);
            return ERROR;
        }
    }
    int op = type == COMP_LISTCOMP ? BUILD_LIST : type == COMP_SETCOMP ? BUILD_SET
                                                                       : BUILD_MAP;
    if (type != COMP_GENEXP && addop_i(c, loc, op, 0) < 0) {
        compiler_exit_scope(c);
        return ERROR;
    }
    if (compiler_comprehension_generator(c, loc, generators, 0, 0, elt, val, type) < 0) {
        compiler_exit_scope(c);
        return ERROR;
    }
    int r;
    if (type == COMP_GENEXP) {
        r = addop_i(c, NO_LOCATION, RETURN_CONST, (int)add_const(c, Py_None));
    }
    else {
        r = addop_i(c, loc, RETURN_VALUE, 0);
    }
    if (r == 0 && (is_gen || is_async_generator)) {
        r = addop_i(c, NO_LOCATION, LABEL, handler);
        if (r == 0) {
            r = compiler_wrap_in_stopiteration_handler(c);
        }
    }
    if (r < 0) {
        compiler_exit_scope(c);
        return ERROR;
    }
    PyCodeObject *co = assemble_unit(c);
    compiler_exit_scope(c);
    if (co == NULL) {
        return ERROR;
    }
    r = compiler_make_function(c, loc, co, 0);
    Py_DECREF(co);
    RETURN_IF_ERROR(r);
    VISIT(c, expr, outermost->iter);
    ADDOP(c, loc, outermost->is_async ? GET_AITER : GET_ITER);
    ADDOP_I(c, loc, CALL, 0);
    if (is_async_generator && type != COMP_GENEXP) {
        if (c->u->u_scope_type == SCOPE_MODULE) {
            c->u->u_toplevel_await = 1;
        }
        ADDOP_I(c, loc, GET_AWAITABLE, 0);
        ADDOP_LOAD_CONST(c, loc, Py_None);
        RETURN_IF_ERROR(compiler_add_yield_from(c, loc, 1));
    }
    return SUCCESS;
}

/* ---- statements --------------------------------------------------------------------------- */

static int
compiler_if(struct compiler *c, stmt_ty s)
{
    NEW_LABEL(c, end);
    int next = end;
    if (asdl_seq_LEN(s->v.If.orelse) > 0) {
        next = new_label(c);
    }
    RETURN_IF_ERROR(compiler_jump_if(c, LOC(s), s->v.If.test, next, 0));
    VISIT_SEQ(c, stmt, s->v.If.body);
    if (asdl_seq_LEN(s->v.If.orelse) > 0) {
        ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end);
        USE_LABEL(c, next);
        VISIT_SEQ(c, stmt, s->v.If.orelse);
    }
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
compiler_for(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    NEW_LABEL(c, start);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, end);
    VISIT(c, expr, s->v.For.iter);
    ADDOP(c, LOC(s->v.For.iter), GET_ITER);
    USE_LABEL(c, start);
    RETURN_IF_ERROR(push_fblock(c, loc, FOR_LOOP, start, end, NULL));
    ADDOP_JUMP(c, LOC(s->v.For.iter), FOR_ITER, cleanup);
    VISIT(c, expr, s->v.For.target);
    VISIT_SEQ(c, stmt, s->v.For.body);
    ADDOP_JUMP(c, NO_LOCATION, JUMP, start);
    USE_LABEL(c, cleanup);
    pop_fblock(c);
    VISIT_SEQ(c, stmt, s->v.For.orelse);
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
compiler_async_for(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    if (c->u->u_scope_type != SCOPE_ASYNC_FUNCTION &&
        !((c->c_flags & PyCF_ALLOW_TOP_LEVEL_AWAIT) && c->u->u_scope_type == SCOPE_MODULE)) {
        return compiler_error(c, loc, "'async for' outside async function");
    }
    if (c->u->u_scope_type == SCOPE_MODULE) {
        c->u->u_toplevel_await = 1;
    }
    NEW_LABEL(c, start);
    NEW_LABEL(c, except);
    NEW_LABEL(c, end);
    VISIT(c, expr, s->v.AsyncFor.iter);
    ADDOP(c, LOC(s->v.AsyncFor.iter), GET_AITER);
    USE_LABEL(c, start);
    RETURN_IF_ERROR(push_fblock(c, loc, FOR_LOOP, start, end, NULL));
    ADDOP_JUMP(c, loc, SETUP_FINALLY, except);
    ADDOP(c, loc, GET_ANEXT);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    RETURN_IF_ERROR(compiler_add_yield_from(c, loc, 1));
    ADDOP(c, loc, POP_BLOCK);
    VISIT(c, expr, s->v.AsyncFor.target);
    VISIT_SEQ(c, stmt, s->v.AsyncFor.body);
    ADDOP_JUMP(c, NO_LOCATION, JUMP, start);
    pop_fblock(c);
    USE_LABEL(c, except);
    ADDOP(c, loc, END_ASYNC_FOR);
    VISIT_SEQ(c, stmt, s->v.AsyncFor.orelse);
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
is_constant_true(expr_ty e)
{
    return e->kind == Constant_kind && PyObject_IsTrue(e->v.Constant.value) == 1;
}

static int
compiler_while(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    NEW_LABEL(c, loop);
    NEW_LABEL(c, body);
    NEW_LABEL(c, anchor);
    NEW_LABEL(c, end);
    location test_loc = LOC(s->v.While.test);
    int forever = is_constant_true(s->v.While.test);
    if (forever) {
        ADDOP(c, test_loc, NOP);   /* the `while True:` line */
    }
    USE_LABEL(c, loop);
    RETURN_IF_ERROR(push_fblock(c, loc, WHILE_LOOP, loop, end, NULL));
    if (!forever) {
        RETURN_IF_ERROR(compiler_jump_if(c, loc, s->v.While.test, anchor, 0));
    }
    USE_LABEL(c, body);
    VISIT_SEQ(c, stmt, s->v.While.body);
    /* The back edge belongs to the `while` line, as in CPython's tracebacks. */
    ADDOP_JUMP(c, test_loc, JUMP, loop);
    pop_fblock(c);
    USE_LABEL(c, anchor);
    VISIT_SEQ(c, stmt, s->v.While.orelse);
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
compiler_return(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    expr_ty value = s->v.Return.value;
    int preserve_tos = value != NULL && value->kind != Constant_kind;
    if (!_PyST_IsFunctionLike(c->u->u_ste)) {
        return compiler_error(c, loc, "'return' outside function");
    }
    if (value != NULL && c->u->u_scope_type == SCOPE_ASYNC_FUNCTION &&
        c->u->u_ste->ste_generator) {
        return compiler_error(c, loc, "'return' with value in async generator");
    }
    if (preserve_tos) {
        VISIT(c, expr, value);
    }
    else if (value != NULL) {
        /* Constant: nothing to evaluate, but keep a NOP for the line. */
        ADDOP(c, LOC(value), NOP);
    }
    if (value == NULL || value->lineno != s->lineno) {
        ADDOP(c, loc, NOP);
    }
    RETURN_IF_ERROR(compiler_unwind_fblock_stack(c, &loc, preserve_tos, NULL));
    if (value == NULL) {
        ADDOP_I(c, loc, RETURN_CONST, (int)add_const(c, Py_None));
    }
    else if (!preserve_tos) {
        Py_ssize_t idx = add_const(c, value->v.Constant.value);
        RETURN_IF_ERROR(idx);
        ADDOP_I(c, loc, RETURN_CONST, (int)idx);
    }
    else {
        ADDOP(c, loc, RETURN_VALUE);
    }
    return SUCCESS;
}

static int
compiler_break(struct compiler *c, location loc)
{
    struct fblockinfo *loop = NULL;
    location orig = loc;
    ADDOP(c, loc, NOP);
    RETURN_IF_ERROR(compiler_unwind_fblock_stack(c, &loc, 0, &loop));
    if (loop == NULL) {
        return compiler_error(c, orig, "'break' outside loop");
    }
    RETURN_IF_ERROR(compiler_unwind_fblock(c, &loc, loop, 0));
    ADDOP_JUMP(c, loc, JUMP, loop->fb_exit);
    return SUCCESS;
}

static int
compiler_continue(struct compiler *c, location loc)
{
    struct fblockinfo *loop = NULL;
    location orig = loc;
    ADDOP(c, loc, NOP);
    RETURN_IF_ERROR(compiler_unwind_fblock_stack(c, &loc, 0, &loop));
    if (loop == NULL) {
        return compiler_error(c, orig, "'continue' not properly in loop");
    }
    ADDOP_JUMP(c, loc, JUMP, loop->fb_block);
    return SUCCESS;
}

static int compiler_try_except(struct compiler *c, stmt_ty s);
static int compiler_try_star_except(struct compiler *c, stmt_ty s);

/* try: body finally: finalbody */
static int
compiler_try_finally(struct compiler *c, stmt_ty s, int star)
{
    location loc = LOC(s);
    NEW_LABEL(c, body);
    NEW_LABEL(c, end);
    NEW_LABEL(c, exit);
    NEW_LABEL(c, cleanup);
    asdl_stmt_seq *finalbody = s->v.Try.finalbody;
    ADDOP_JUMP(c, loc, SETUP_FINALLY, end);
    USE_LABEL(c, body);
    RETURN_IF_ERROR(push_fblock(c, loc, FINALLY_TRY, body, end, finalbody));
    if (asdl_seq_LEN(s->v.Try.handlers) > 0) {
        RETURN_IF_ERROR(star ? compiler_try_star_except(c, s) : compiler_try_except(c, s));
    }
    else {
        VISIT_SEQ(c, stmt, s->v.Try.body);
    }
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    pop_fblock(c);
    VISIT_SEQ(c, stmt, finalbody);
    ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, exit);
    /* The exceptional path: [exc] */
    USE_LABEL(c, end);
    loc = NO_LOCATION;
    ADDOP_JUMP(c, loc, SETUP_CLEANUP, cleanup);
    ADDOP(c, loc, PUSH_EXC_INFO);
    RETURN_IF_ERROR(push_fblock(c, loc, FINALLY_END, end, -1, NULL));
    VISIT_SEQ(c, stmt, finalbody);
    pop_fblock(c);
    ADDOP_I(c, loc, RERAISE, 0);
    USE_LABEL(c, cleanup);
    POP_EXCEPT_AND_RERAISE(c, loc);
    USE_LABEL(c, exit);
    return SUCCESS;
}

static int
compiler_try_except(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    NEW_LABEL(c, body);
    NEW_LABEL(c, except);
    NEW_LABEL(c, end);
    NEW_LABEL(c, cleanup);
    ADDOP_JUMP(c, loc, SETUP_FINALLY, except);
    USE_LABEL(c, body);
    RETURN_IF_ERROR(push_fblock(c, loc, TRY_EXCEPT, body, -1, NULL));
    VISIT_SEQ(c, stmt, s->v.Try.body);
    pop_fblock(c);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    if (asdl_seq_LEN(s->v.Try.orelse) > 0) {
        VISIT_SEQ(c, stmt, s->v.Try.orelse);
    }
    ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, end);
    Py_ssize_t n = asdl_seq_LEN(s->v.Try.handlers);
    USE_LABEL(c, except);
    ADDOP_JUMP(c, NO_LOCATION, SETUP_CLEANUP, cleanup);
    ADDOP(c, NO_LOCATION, PUSH_EXC_INFO);
    RETURN_IF_ERROR(push_fblock(c, loc, EXCEPTION_HANDLER, -1, -1, NULL));
    for (Py_ssize_t i = 0; i < n; i++) {
        excepthandler_ty h = asdl_seq_GET(s->v.Try.handlers, i);
        location hloc = LOC(h);
        if (!h->v.ExceptHandler.type && i < n - 1) {
            return compiler_error(c, hloc, "default 'except:' must be last");
        }
        NEW_LABEL(c, next_except);
        if (h->v.ExceptHandler.type) {
            VISIT(c, expr, h->v.ExceptHandler.type);
            ADDOP(c, hloc, CHECK_EXC_MATCH);
            ADDOP_JUMP(c, hloc, POP_JUMP_IF_FALSE, next_except);
        }
        if (h->v.ExceptHandler.name) {
            NEW_LABEL(c, cleanup_end);
            NEW_LABEL(c, cleanup_body);
            RETURN_IF_ERROR(compiler_nameop(c, hloc, h->v.ExceptHandler.name, Store));
            ADDOP_JUMP(c, hloc, SETUP_CLEANUP, cleanup_end);
            USE_LABEL(c, cleanup_body);
            RETURN_IF_ERROR(push_fblock(c, hloc, HANDLER_CLEANUP, cleanup_body, -1,
                                        h->v.ExceptHandler.name));
            VISIT_SEQ(c, stmt, h->v.ExceptHandler.body);
            pop_fblock(c);
            ADDOP(c, NO_LOCATION, POP_BLOCK);
            ADDOP(c, NO_LOCATION, POP_BLOCK);
            ADDOP(c, NO_LOCATION, POP_EXCEPT);
            ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
            RETURN_IF_ERROR(compiler_nameop(c, NO_LOCATION, h->v.ExceptHandler.name, Store));
            RETURN_IF_ERROR(compiler_nameop(c, NO_LOCATION, h->v.ExceptHandler.name, Del));
            ADDOP_JUMP(c, NO_LOCATION, JUMP, end);
            /* name = None; del name; reraise */
            USE_LABEL(c, cleanup_end);
            ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
            RETURN_IF_ERROR(compiler_nameop(c, NO_LOCATION, h->v.ExceptHandler.name, Store));
            RETURN_IF_ERROR(compiler_nameop(c, NO_LOCATION, h->v.ExceptHandler.name, Del));
            ADDOP_I(c, NO_LOCATION, RERAISE, 1);
        }
        else {
            NEW_LABEL(c, cleanup_body);
            ADDOP(c, hloc, POP_TOP);
            USE_LABEL(c, cleanup_body);
            RETURN_IF_ERROR(push_fblock(c, hloc, HANDLER_CLEANUP, cleanup_body, -1, NULL));
            VISIT_SEQ(c, stmt, h->v.ExceptHandler.body);
            pop_fblock(c);
            ADDOP(c, NO_LOCATION, POP_BLOCK);
            ADDOP(c, NO_LOCATION, POP_EXCEPT);
            ADDOP_JUMP(c, NO_LOCATION, JUMP, end);
        }
        USE_LABEL(c, next_except);
    }
    pop_fblock(c);
    ADDOP_I(c, NO_LOCATION, RERAISE, 0);
    USE_LABEL(c, cleanup);
    POP_EXCEPT_AND_RERAISE(c, NO_LOCATION);
    USE_LABEL(c, end);
    return SUCCESS;
}

/* try: ... except* T as e: ...
 *
 * Stack in the handler section: [orig, rest] where orig is the raised exception group and
 * rest what remains unmatched; each matched part that its handler re-raises (or that
 * raises something new) is collected in a list, and INTRINSIC_PREP_RERAISE_STAR combines
 * orig with that list into the exception to re-raise (or None). */
static int
compiler_try_star_except(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    NEW_LABEL(c, body);
    NEW_LABEL(c, except);
    NEW_LABEL(c, orelse);
    NEW_LABEL(c, end);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, reraise_star);
    ADDOP_JUMP(c, loc, SETUP_FINALLY, except);
    USE_LABEL(c, body);
    RETURN_IF_ERROR(push_fblock(c, loc, TRY_EXCEPT, body, -1, NULL));
    VISIT_SEQ(c, stmt, s->v.Try.body);
    pop_fblock(c);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    ADDOP_JUMP(c, NO_LOCATION, JUMP_NO_INTERRUPT, orelse);
    Py_ssize_t n = asdl_seq_LEN(s->v.Try.handlers);
    USE_LABEL(c, except);
    ADDOP_JUMP(c, NO_LOCATION, SETUP_CLEANUP, cleanup);
    ADDOP(c, NO_LOCATION, PUSH_EXC_INFO);
    /* [prev_exc, exc] */
    RETURN_IF_ERROR(push_fblock(c, loc, EXCEPTION_GROUP_HANDLER, -1, -1, NULL));
    for (Py_ssize_t i = 0; i < n; i++) {
        excepthandler_ty h = asdl_seq_GET(s->v.Try.handlers, i);
        location hloc = LOC(h);
        NEW_LABEL(c, next_except);
        NEW_LABEL(c, except_with_error);
        NEW_LABEL(c, no_match);
        if (i == 0) {
            /* [prev, exc] -> [prev, orig, list, rest] */
            ADDOP_I(c, hloc, COPY, 1);
            ADDOP_I(c, hloc, BUILD_LIST, 0);
            ADDOP_I(c, hloc, SWAP, 2);
        }
        if (h->v.ExceptHandler.type == NULL) {
            return compiler_error(c, hloc, "expected exception type");
        }
        VISIT(c, expr, h->v.ExceptHandler.type);
        ADDOP(c, hloc, CHECK_EG_MATCH);       /* [.., rest, match] */
        ADDOP_I(c, hloc, COPY, 1);
        ADDOP_JUMP(c, hloc, POP_JUMP_IF_NONE, no_match);
        NEW_LABEL(c, cleanup_end);
        NEW_LABEL(c, cleanup_body);
        if (h->v.ExceptHandler.name) {
            RETURN_IF_ERROR(compiler_nameop(c, hloc, h->v.ExceptHandler.name, Store));
        }
        else {
            ADDOP(c, hloc, POP_TOP);
        }
        /* [prev, orig, list, rest] */
        ADDOP_JUMP(c, hloc, SETUP_CLEANUP, cleanup_end);
        USE_LABEL(c, cleanup_body);
        RETURN_IF_ERROR(push_fblock(c, hloc, HANDLER_CLEANUP, cleanup_body, -1,
                                    h->v.ExceptHandler.name));
        VISIT_SEQ(c, stmt, h->v.ExceptHandler.body);
        pop_fblock(c);
        ADDOP(c, NO_LOCATION, POP_BLOCK);
        if (h->v.ExceptHandler.name) {
            ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
            RETURN_IF_ERROR(compiler_nameop(c, NO_LOCATION, h->v.ExceptHandler.name, Store));
            RETURN_IF_ERROR(compiler_nameop(c, NO_LOCATION, h->v.ExceptHandler.name, Del));
        }
        ADDOP_JUMP(c, NO_LOCATION, JUMP, next_except);
        /* The handler raised: [prev, orig, list, rest, lasti, exc] */
        USE_LABEL(c, cleanup_end);
        if (h->v.ExceptHandler.name) {
            ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
            RETURN_IF_ERROR(compiler_nameop(c, NO_LOCATION, h->v.ExceptHandler.name, Store));
            RETURN_IF_ERROR(compiler_nameop(c, NO_LOCATION, h->v.ExceptHandler.name, Del));
        }
        /* add exc to the list: [prev, orig, list, rest, lasti, exc] */
        ADDOP_I(c, NO_LOCATION, LIST_APPEND, 3);
        ADDOP(c, NO_LOCATION, POP_TOP);        /* lasti */
        ADDOP_JUMP(c, NO_LOCATION, JUMP, except_with_error);
        USE_LABEL(c, except_with_error);
        ADDOP_JUMP(c, NO_LOCATION, JUMP, next_except);
        USE_LABEL(c, no_match);
        ADDOP(c, hloc, POP_TOP);               /* match (None) */
        USE_LABEL(c, next_except);
        if (i == n - 1) {
            /* [prev, orig, list, rest] */
            ADDOP_I(c, NO_LOCATION, LIST_APPEND, 1);   /* the unhandled rest (or None) */
            ADDOP_JUMP(c, NO_LOCATION, JUMP, reraise_star);
        }
    }
    pop_fblock(c);
    NEW_LABEL(c, reraise);
    USE_LABEL(c, reraise_star);
    /* [prev, orig, list] */
    ADDOP_I(c, NO_LOCATION, CALL_INTRINSIC_2, INTRINSIC_PREP_RERAISE_STAR);
    ADDOP_I(c, NO_LOCATION, COPY, 1);
    ADDOP_JUMP(c, NO_LOCATION, POP_JUMP_IF_NOT_NONE, reraise);
    /* nothing to re-raise: [prev, None] */
    ADDOP(c, NO_LOCATION, POP_TOP);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    ADDOP(c, NO_LOCATION, POP_EXCEPT);
    ADDOP_JUMP(c, NO_LOCATION, JUMP, end);
    USE_LABEL(c, reraise);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    ADDOP_I(c, NO_LOCATION, SWAP, 2);
    ADDOP(c, NO_LOCATION, POP_EXCEPT);
    ADDOP_I(c, NO_LOCATION, RERAISE, 0);
    USE_LABEL(c, cleanup);
    POP_EXCEPT_AND_RERAISE(c, NO_LOCATION);
    USE_LABEL(c, orelse);
    VISIT_SEQ(c, stmt, s->v.Try.orelse);
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
compiler_try(struct compiler *c, stmt_ty s, int star)
{
    if (asdl_seq_LEN(s->v.Try.finalbody) > 0) {
        return compiler_try_finally(c, s, star);
    }
    return star ? compiler_try_star_except(c, s) : compiler_try_except(c, s);
}

static int
compiler_with(struct compiler *c, stmt_ty s, int pos, int is_async)
{
    location loc = LOC(s);
    asdl_withitem_seq *items = is_async ? s->v.AsyncWith.items : s->v.With.items;
    asdl_stmt_seq *body = is_async ? s->v.AsyncWith.body : s->v.With.body;
    withitem_ty item = asdl_seq_GET(items, pos);
    if (is_async && c->u->u_scope_type != SCOPE_ASYNC_FUNCTION &&
        !((c->c_flags & PyCF_ALLOW_TOP_LEVEL_AWAIT) && c->u->u_scope_type == SCOPE_MODULE)) {
        return compiler_error(c, loc, "'async with' outside async function");
    }
    if (is_async && c->u->u_scope_type == SCOPE_MODULE) {
        c->u->u_toplevel_await = 1;
    }
    NEW_LABEL(c, block);
    NEW_LABEL(c, final);
    NEW_LABEL(c, exit);
    NEW_LABEL(c, cleanup);
    VISIT(c, expr, item->context_expr);
    if (is_async) {
        ADDOP(c, loc, BEFORE_ASYNC_WITH);
        ADDOP_I(c, loc, GET_AWAITABLE, 1);
        ADDOP_LOAD_CONST(c, loc, Py_None);
        RETURN_IF_ERROR(compiler_add_yield_from(c, loc, 1));
    }
    else {
        ADDOP(c, loc, BEFORE_WITH);
    }
    ADDOP_JUMP(c, loc, SETUP_WITH, final);
    USE_LABEL(c, block);
    RETURN_IF_ERROR(push_fblock(c, loc, is_async ? ASYNC_WITH : WITH, block, final, s));
    if (item->optional_vars) {
        VISIT(c, expr, item->optional_vars);
    }
    else {
        ADDOP(c, loc, POP_TOP);
    }
    if (pos + 1 == asdl_seq_LEN(items)) {
        VISIT_SEQ(c, stmt, body);
    }
    else {
        RETURN_IF_ERROR(compiler_with(c, s, pos + 1, is_async));
    }
    pop_fblock(c);
    ADDOP(c, NO_LOCATION, POP_BLOCK);
    RETURN_IF_ERROR(compiler_call_exit_with_nones(c, loc));
    if (is_async) {
        ADDOP_I(c, loc, GET_AWAITABLE, 2);
        ADDOP_LOAD_CONST(c, loc, Py_None);
        RETURN_IF_ERROR(compiler_add_yield_from(c, loc, 1));
    }
    ADDOP(c, loc, POP_TOP);
    ADDOP_JUMP(c, NO_LOCATION, JUMP, exit);
    /* [exit, lasti, exc] */
    USE_LABEL(c, final);
    ADDOP_JUMP(c, loc, SETUP_CLEANUP, cleanup);
    ADDOP(c, loc, PUSH_EXC_INFO);
    ADDOP(c, loc, WITH_EXCEPT_START);
    if (is_async) {
        ADDOP_I(c, loc, GET_AWAITABLE, 2);
        ADDOP_LOAD_CONST(c, loc, Py_None);
        RETURN_IF_ERROR(compiler_add_yield_from(c, loc, 1));
    }
    NEW_LABEL(c, suppress);
    ADDOP_JUMP(c, loc, POP_JUMP_IF_TRUE, suppress);
    ADDOP_I(c, loc, RERAISE, 2);
    USE_LABEL(c, suppress);
    ADDOP(c, loc, POP_TOP);
    ADDOP(c, loc, POP_BLOCK);
    ADDOP(c, loc, POP_EXCEPT);
    ADDOP(c, loc, POP_TOP);
    ADDOP(c, loc, POP_TOP);
    ADDOP_JUMP(c, NO_LOCATION, JUMP, exit);
    USE_LABEL(c, cleanup);
    POP_EXCEPT_AND_RERAISE(c, NO_LOCATION);
    USE_LABEL(c, exit);
    return SUCCESS;
}

static int
compiler_import_as(struct compiler *c, location loc, PyObject *name, PyObject *asname)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, 1);
    if (dot == -2) {
        return ERROR;
    }
    if (dot != -1) {
        /* import a.b.c as d: walk the attributes */
        Py_ssize_t pos = dot + 1;
        while (1) {
            Py_ssize_t next = PyUnicode_FindChar(name, '.', pos, len, 1);
            if (next == -2) {
                return ERROR;
            }
            Py_ssize_t stop = next == -1 ? len : next;
            PyObject *attr = PyUnicode_Substring(name, pos, stop);
            if (attr == NULL) {
                return ERROR;
            }
            int r = addop_name(c, loc, IMPORT_FROM, attr, 0, 0, 0);
            Py_DECREF(attr);
            RETURN_IF_ERROR(r);
            if (next == -1) {
                break;
            }
            ADDOP_I(c, loc, SWAP, 2);
            ADDOP(c, loc, POP_TOP);
            pos = next + 1;
        }
        RETURN_IF_ERROR(compiler_nameop(c, loc, asname, Store));
        ADDOP(c, loc, POP_TOP);
        return SUCCESS;
    }
    return compiler_nameop(c, loc, asname, Store);
}

static int
compiler_import(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.Import.names); i++) {
        alias_ty a = asdl_seq_GET(s->v.Import.names, i);
        ADDOP_LOAD_CONST_NEW(c, loc, PyLong_FromLong(0));
        ADDOP_LOAD_CONST(c, loc, Py_None);
        RETURN_IF_ERROR(addop_name(c, loc, IMPORT_NAME, a->name, 0, 0, 0));
        if (a->asname) {
            RETURN_IF_ERROR(compiler_import_as(c, loc, a->name, a->asname));
        }
        else {
            PyObject *store = a->name;
            Py_ssize_t dot = PyUnicode_FindChar(a->name, '.', 0,
                                                PyUnicode_GET_LENGTH(a->name), 1);
            if (dot == -2) {
                return ERROR;
            }
            if (dot >= 0) {
                store = PyUnicode_Substring(a->name, 0, dot);
                if (store == NULL) {
                    return ERROR;
                }
            }
            else {
                Py_INCREF(store);
            }
            int r = compiler_nameop(c, loc, store, Store);
            Py_DECREF(store);
            RETURN_IF_ERROR(r);
        }
    }
    return SUCCESS;
}

static int
compiler_from_import(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    Py_ssize_t n = asdl_seq_LEN(s->v.ImportFrom.names);
    PyObject *level = PyLong_FromLong(s->v.ImportFrom.level);
    if (level == NULL) {
        return ERROR;
    }
    int r = addop_load_const(c, loc, level);
    Py_DECREF(level);
    RETURN_IF_ERROR(r);
    PyObject *names = PyTuple_New(n);
    if (names == NULL) {
        return ERROR;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        alias_ty a = asdl_seq_GET(s->v.ImportFrom.names, i);
        PyTuple_SET_ITEM(names, i, Py_NewRef(a->name));
    }
    if (s->lineno > c->c_future.ff_lineno && s->v.ImportFrom.module &&
        PyUnicode_CompareWithASCIIString(s->v.ImportFrom.module, "__future__") == 0) {
        Py_DECREF(names);
        return compiler_error(c, loc,
                              "from __future__ imports must occur at the beginning of the file");
    }
    ADDOP_LOAD_CONST_NEW(c, loc, names);
    if (s->v.ImportFrom.module) {
        RETURN_IF_ERROR(addop_name(c, loc, IMPORT_NAME, s->v.ImportFrom.module, 0, 0, 0));
    }
    else {
        PyObject *empty = PyUnicode_FromStringAndSize("", 0);
        if (empty == NULL) {
            return ERROR;
        }
        r = addop_name(c, loc, IMPORT_NAME, empty, 0, 0, 0);
        Py_DECREF(empty);
        RETURN_IF_ERROR(r);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        alias_ty a = asdl_seq_GET(s->v.ImportFrom.names, i);
        if (i == 0 && PyUnicode_CompareWithASCIIString(a->name, "*") == 0) {
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_IMPORT_STAR);
            ADDOP(c, NO_LOCATION, POP_TOP);
            return SUCCESS;
        }
        RETURN_IF_ERROR(addop_name(c, loc, IMPORT_FROM, a->name, 0, 0, 0));
        RETURN_IF_ERROR(compiler_nameop(c, loc, a->asname ? a->asname : a->name, Store));
    }
    ADDOP(c, NO_LOCATION, POP_TOP);
    return SUCCESS;
}

static int
compiler_assert(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    if (s->v.Assert.test->kind == Tuple_kind &&
        asdl_seq_LEN(s->v.Assert.test->v.Tuple.elts) > 0) {
        RETURN_IF_ERROR(compiler_warn(c, loc,
                                      "assertion is always true, perhaps remove parentheses?"));
    }
    if (c->c_optimize) {
        return SUCCESS;
    }
    NEW_LABEL(c, end);
    RETURN_IF_ERROR(compiler_jump_if(c, loc, s->v.Assert.test, end, 1));
    ADDOP(c, loc, LOAD_ASSERTION_ERROR);
    if (s->v.Assert.msg) {
        VISIT(c, expr, s->v.Assert.msg);
        ADDOP_I(c, loc, CALL, 0);
    }
    ADDOP_I(c, loc, RAISE_VARARGS, 1);
    USE_LABEL(c, end);
    return SUCCESS;
}

static int
compiler_augassign(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    expr_ty e = s->v.AugAssign.target;
    int op = binop_arg(s->v.AugAssign.op) + NB_INPLACE_ADD;
    switch (e->kind) {
    case Attribute_kind:
        VISIT(c, expr, e->v.Attribute.value);
        ADDOP_I(c, loc, COPY, 1);
        RETURN_IF_ERROR(addop_name(c, LOC(e), LOAD_ATTR, e->v.Attribute.attr, 1, 1, 0));
        VISIT(c, expr, s->v.AugAssign.value);
        ADDOP_I(c, loc, BINARY_OP, op);
        ADDOP_I(c, loc, SWAP, 2);
        ADDOP_NAME(c, loc, STORE_ATTR, e->v.Attribute.attr);
        return SUCCESS;
    case Subscript_kind:
        VISIT(c, expr, e->v.Subscript.value);
        if (is_two_element_slice(e->v.Subscript.slice)) {
            RETURN_IF_ERROR(compiler_slice_parts(c, e->v.Subscript.slice));
            ADDOP_I(c, loc, COPY, 3);
            ADDOP_I(c, loc, COPY, 3);
            ADDOP_I(c, loc, COPY, 3);
            ADDOP(c, loc, BINARY_SLICE);
            VISIT(c, expr, s->v.AugAssign.value);
            ADDOP_I(c, loc, BINARY_OP, op);
            ADDOP_I(c, loc, SWAP, 4);
            ADDOP_I(c, loc, SWAP, 3);
            ADDOP_I(c, loc, SWAP, 2);
            ADDOP(c, loc, STORE_SLICE);
            return SUCCESS;
        }
        VISIT(c, expr, e->v.Subscript.slice);
        ADDOP_I(c, loc, COPY, 2);
        ADDOP_I(c, loc, COPY, 2);
        ADDOP(c, loc, BINARY_SUBSCR);
        VISIT(c, expr, s->v.AugAssign.value);
        ADDOP_I(c, loc, BINARY_OP, op);
        ADDOP_I(c, loc, SWAP, 3);
        ADDOP_I(c, loc, SWAP, 2);
        ADDOP(c, loc, STORE_SUBSCR);
        return SUCCESS;
    case Name_kind:
        RETURN_IF_ERROR(compiler_nameop(c, loc, e->v.Name.id, Load));
        VISIT(c, expr, s->v.AugAssign.value);
        ADDOP_I(c, loc, BINARY_OP, op);
        return compiler_nameop(c, loc, e->v.Name.id, Store);
    default:
        PyErr_Format(PyExc_SystemError, "invalid node type (%d) for augmented assignment",
                     e->kind);
        return ERROR;
    }
}

static int
check_ann_expr(struct compiler *c, expr_ty e)
{
    VISIT(c, expr, e);
    ADDOP(c, LOC(e), POP_TOP);
    return SUCCESS;
}

static int
compiler_annassign(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    expr_ty target = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value) {
        VISIT(c, expr, s->v.AnnAssign.value);
        VISIT(c, expr, target);
    }
    int module_or_class = c->u->u_scope_type == SCOPE_MODULE ||
                          c->u->u_scope_type == SCOPE_CLASS;
    switch (target->kind) {
    case Name_kind:
        if (forbidden_name(c, loc, target->v.Name.id, Store)) {
            return ERROR;
        }
        if (s->v.AnnAssign.simple && module_or_class) {
            RETURN_IF_ERROR(compiler_annotation_value(c, s->v.AnnAssign.annotation));
            RETURN_IF_ERROR(compiler_nameop(c, loc, _Py_ID(__annotations__), Load));
            PyObject *m = mangle(c, target->v.Name.id);
            if (m == NULL) {
                return ERROR;
            }
            ADDOP_LOAD_CONST_NEW(c, loc, m);
            ADDOP(c, loc, STORE_SUBSCR);
        }
        break;
    case Attribute_kind:
        if (forbidden_name(c, loc, target->v.Attribute.attr, Store)) {
            return ERROR;
        }
        if (!s->v.AnnAssign.value) {
            RETURN_IF_ERROR(check_ann_expr(c, target->v.Attribute.value));
        }
        break;
    case Subscript_kind:
        if (!s->v.AnnAssign.value) {
            RETURN_IF_ERROR(check_ann_expr(c, target->v.Subscript.value));
            RETURN_IF_ERROR(check_ann_expr(c, target->v.Subscript.slice));
        }
        break;
    default:
        PyErr_Format(PyExc_SystemError, "invalid node type (%d) for annotated assignment",
                     target->kind);
        return ERROR;
    }
    if (!s->v.AnnAssign.simple && module_or_class &&
        !(c->c_future.ff_features & CO_FUTURE_ANNOTATIONS)) {
        RETURN_IF_ERROR(check_ann_expr(c, s->v.AnnAssign.annotation));
    }
    return SUCCESS;
}

static int compiler_match(struct compiler *c, stmt_ty s);

static int
compiler_visit_stmt(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    switch (s->kind) {
    case FunctionDef_kind:
        return compiler_function(c, s, 0);
    case AsyncFunctionDef_kind:
        return compiler_function(c, s, 1);
    case ClassDef_kind:
        return compiler_class(c, s);
    case TypeAlias_kind:
        return compiler_typealias(c, s);
    case Return_kind:
        return compiler_return(c, s);
    case Delete_kind:
        VISIT_SEQ(c, expr, s->v.Delete.targets);
        break;
    case Assign_kind: {
        Py_ssize_t n = asdl_seq_LEN(s->v.Assign.targets);
        VISIT(c, expr, s->v.Assign.value);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (i < n - 1) {
                ADDOP_I(c, loc, COPY, 1);
            }
            VISIT(c, expr, asdl_seq_GET(s->v.Assign.targets, i));
        }
        break;
    }
    case AugAssign_kind:
        return compiler_augassign(c, s);
    case AnnAssign_kind:
        return compiler_annassign(c, s);
    case For_kind:
        return compiler_for(c, s);
    case AsyncFor_kind:
        return compiler_async_for(c, s);
    case While_kind:
        return compiler_while(c, s);
    case If_kind:
        return compiler_if(c, s);
    case With_kind:
        return compiler_with(c, s, 0, 0);
    case AsyncWith_kind:
        return compiler_with(c, s, 0, 1);
    case Match_kind:
        return compiler_match(c, s);
    case Raise_kind: {
        int n = 0;
        if (s->v.Raise.exc) {
            VISIT(c, expr, s->v.Raise.exc);
            n++;
            if (s->v.Raise.cause) {
                VISIT(c, expr, s->v.Raise.cause);
                n++;
            }
        }
        ADDOP_I(c, loc, RAISE_VARARGS, n);
        break;
    }
    case Try_kind:
        return compiler_try(c, s, 0);
    case TryStar_kind:
        return compiler_try(c, s, 1);
    case Assert_kind:
        return compiler_assert(c, s);
    case Import_kind:
        return compiler_import(c, s);
    case ImportFrom_kind:
        return compiler_from_import(c, s);
    case Global_kind:
    case Nonlocal_kind:
        break;
    case Expr_kind: {
        expr_ty value = s->v.Expr.value;
        if (c->c_interactive && c->c_nestlevel <= 1) {
            VISIT(c, expr, value);
            ADDOP_I(c, loc, CALL_INTRINSIC_1, INTRINSIC_PRINT);
            ADDOP(c, NO_LOCATION, POP_TOP);
            break;
        }
        if (value->kind == Constant_kind) {
            ADDOP(c, loc, NOP);
            break;
        }
        VISIT(c, expr, value);
        ADDOP(c, loc, POP_TOP);
        break;
    }
    case Pass_kind:
        ADDOP(c, loc, NOP);
        break;
    case Break_kind:
        return compiler_break(c, loc);
    case Continue_kind:
        return compiler_continue(c, loc);
    }
    return SUCCESS;
}

/* ---- match statements ---------------------------------------------------------------------
 *
 * A pattern is compiled against the value on top of the stack and consumes it on success.
 * pc->on_top counts the values the pattern machinery has on the stack (the one being
 * matched included); on failure the code jumps to pc->fail_pop[on_top], a chain of POP_TOPs
 * that ends at fail_pop[0].  Captured names are bound as soon as their subpattern matches
 * (the language reference allows names bound by a failed match to persist). */

typedef struct {
    int *fail_pop;
    int fail_pop_size;
    int on_top;
    int allow_irrefutable;
    PyObject *stores;       /* list of names bound by the current case's pattern */
} pattern_context;

static int
ensure_fail_pop(struct compiler *c, pattern_context *pc, int n)
{
    int size = n + 1;
    if (size <= pc->fail_pop_size) {
        return SUCCESS;
    }
    int *fp = PyMem_Realloc(pc->fail_pop, sizeof(int) * (size_t)size);
    if (fp == NULL) {
        PyErr_NoMemory();
        return ERROR;
    }
    pc->fail_pop = fp;
    for (int i = pc->fail_pop_size; i < size; i++) {
        pc->fail_pop[i] = new_label(c);
    }
    pc->fail_pop_size = size;
    return SUCCESS;
}

static int
jump_to_fail_pop(struct compiler *c, location loc, pattern_context *pc, int op)
{
    int pops = pc->on_top;
    RETURN_IF_ERROR(ensure_fail_pop(c, pc, pops));
    ADDOP_JUMP(c, loc, op, pc->fail_pop[pops]);
    return SUCCESS;
}

static int
emit_and_reset_fail_pop(struct compiler *c, location loc, pattern_context *pc)
{
    if (pc->fail_pop_size == 0) {
        return SUCCESS;
    }
    while (--pc->fail_pop_size) {
        USE_LABEL(c, pc->fail_pop[pc->fail_pop_size]);
        ADDOP(c, loc, POP_TOP);
    }
    USE_LABEL(c, pc->fail_pop[0]);
    PyMem_Free(pc->fail_pop);
    pc->fail_pop = NULL;
    return SUCCESS;
}

static int compiler_pattern(struct compiler *c, pattern_ty p, pattern_context *pc);

static int
pattern_helper_store_name(struct compiler *c, location loc, PyObject *name,
                          pattern_context *pc)
{
    if (name == NULL) {
        ADDOP(c, loc, POP_TOP);
        pc->on_top--;
        return SUCCESS;
    }
    if (forbidden_name(c, loc, name, Store)) {
        return ERROR;
    }
    int dup = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(pc->stores); i++) {
        if (PyUnicode_Compare(PyList_GET_ITEM(pc->stores, i), name) == 0) {
            dup = 1;
            break;
        }
    }
    if (dup) {
        return compiler_error(c, loc, "multiple assignments to name %R in pattern", name);
    }
    RETURN_IF_ERROR(PyList_Append(pc->stores, name));
    pc->on_top--;
    return compiler_nameop(c, loc, name, Store);
}

static int
pattern_subpatterns(struct compiler *c, asdl_pattern_seq *pats, pattern_context *pc)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(pats); i++) {
        pattern_ty p = asdl_seq_GET(pats, i);
        if (p->kind == MatchStar_kind) {
            RETURN_IF_ERROR(pattern_helper_store_name(c, LOC(p), p->v.MatchStar.name, pc));
            continue;
        }
        /* Subpatterns may be irrefutable even where the whole pattern may not. */
        int saved = pc->allow_irrefutable;
        pc->allow_irrefutable = 1;
        int r = compiler_pattern(c, p, pc);
        pc->allow_irrefutable = saved;
        RETURN_IF_ERROR(r);
    }
    return SUCCESS;
}

static int
compiler_pattern_sequence(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    location loc = LOC(p);
    asdl_pattern_seq *pats = p->v.MatchSequence.patterns;
    Py_ssize_t size = asdl_seq_LEN(pats);
    Py_ssize_t star = -1;
    for (Py_ssize_t i = 0; i < size; i++) {
        if (asdl_seq_GET(pats, i)->kind == MatchStar_kind) {
            if (star >= 0) {
                return compiler_error(c, loc, "multiple starred names in sequence pattern");
            }
            star = i;
        }
    }
    ADDOP(c, loc, MATCH_SEQUENCE);
    RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE));
    if (star < 0) {
        ADDOP(c, loc, GET_LEN);
        ADDOP_LOAD_CONST_NEW(c, loc, PyLong_FromSsize_t(size));
        ADDOP_I(c, loc, COMPARE_OP, Py_EQ);
        RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE));
    }
    else if (size > 1) {
        ADDOP(c, loc, GET_LEN);
        ADDOP_LOAD_CONST_NEW(c, loc, PyLong_FromSsize_t(size - 1));
        ADDOP_I(c, loc, COMPARE_OP, Py_GE);
        RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE));
    }
    if (star < 0) {
        ADDOP_I(c, loc, UNPACK_SEQUENCE, (int)size);
    }
    else {
        ADDOP_I(c, loc, UNPACK_EX, (int)(star + ((size - star - 1) << 8)));
    }
    pc->on_top += (int)size - 1;
    return pattern_subpatterns(c, pats, pc);
}

static int
compiler_pattern_mapping(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    location loc = LOC(p);
    asdl_expr_seq *keys = p->v.MatchMapping.keys;
    asdl_pattern_seq *pats = p->v.MatchMapping.patterns;
    PyObject *rest = p->v.MatchMapping.rest;
    Py_ssize_t size = asdl_seq_LEN(keys);
    if (size != asdl_seq_LEN(pats)) {
        PyErr_SetString(PyExc_SystemError, "keys and patterns differ in length");
        return ERROR;
    }
    ADDOP(c, loc, MATCH_MAPPING);
    RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE));
    if (size == 0 && rest == NULL) {
        ADDOP(c, loc, POP_TOP);
        pc->on_top--;
        return SUCCESS;
    }
    if (size > 0) {
        ADDOP(c, loc, GET_LEN);
        ADDOP_LOAD_CONST_NEW(c, loc, PyLong_FromSsize_t(size));
        ADDOP_I(c, loc, COMPARE_OP, Py_GE);
        RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE));
    }
    PyObject *seen = PySet_New(NULL);
    if (seen == NULL) {
        return ERROR;
    }
    for (Py_ssize_t i = 0; i < size; i++) {
        expr_ty key = asdl_seq_GET(keys, i);
        if (key->kind == Constant_kind) {
            int in = PySet_Contains(seen, key->v.Constant.value);
            if (in < 0 || (in == 0 && PySet_Add(seen, key->v.Constant.value) < 0)) {
                Py_DECREF(seen);
                return ERROR;
            }
            if (in) {
                Py_DECREF(seen);
                return compiler_error(c, LOC(key), "mapping pattern checks duplicate key (%R)",
                                      key->v.Constant.value);
            }
        }
        else if (key->kind != Attribute_kind) {
            Py_DECREF(seen);
            return compiler_error(c, LOC(key),
                                  "mapping pattern keys may only match literals and attribute "
                                  "lookups");
        }
        if (compiler_visit_expr(c, key) < 0) {
            Py_DECREF(seen);
            return ERROR;
        }
    }
    Py_DECREF(seen);
    ADDOP_I(c, loc, BUILD_TUPLE, (int)size);
    ADDOP(c, loc, MATCH_KEYS);
    pc->on_top += 2;
    ADDOP_I(c, loc, COPY, 1);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADDOP_I(c, loc, IS_OP, 1);
    RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE));
    ADDOP_I(c, loc, UNPACK_SEQUENCE, (int)size);
    pc->on_top += (int)size - 1;
    RETURN_IF_ERROR(pattern_subpatterns(c, pats, pc));
    /* [subject, keys] */
    if (rest != NULL) {
        ADDOP_I(c, loc, BUILD_MAP, 0);
        ADDOP_I(c, loc, SWAP, 3);
        ADDOP_I(c, loc, DICT_UPDATE, 2);
        ADDOP_I(c, loc, UNPACK_SEQUENCE, (int)size);
        Py_ssize_t k = size;
        while (k) {
            ADDOP_I(c, loc, COPY, (int)(1 + k--));
            ADDOP_I(c, loc, SWAP, 2);
            ADDOP(c, loc, DELETE_SUBSCR);
        }
        pc->on_top--;
        return pattern_helper_store_name(c, loc, rest, pc);
    }
    ADDOP(c, loc, POP_TOP);
    ADDOP(c, loc, POP_TOP);
    pc->on_top -= 2;
    return SUCCESS;
}

static int
compiler_pattern_class(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    location loc = LOC(p);
    asdl_pattern_seq *pats = p->v.MatchClass.patterns;
    asdl_identifier_seq *kwd_attrs = p->v.MatchClass.kwd_attrs;
    asdl_pattern_seq *kwd_pats = p->v.MatchClass.kwd_patterns;
    Py_ssize_t nargs = asdl_seq_LEN(pats), nattrs = asdl_seq_LEN(kwd_attrs);
    if (nattrs != asdl_seq_LEN(kwd_pats)) {
        PyErr_SetString(PyExc_SystemError, "kwd_attrs and kwd_patterns differ in length");
        return ERROR;
    }
    for (Py_ssize_t i = 0; i < nattrs; i++) {
        PyObject *name = asdl_seq_GET(kwd_attrs, i);
        if (forbidden_name(c, LOC(asdl_seq_GET(kwd_pats, i)), name, Store)) {
            return ERROR;
        }
        for (Py_ssize_t j = i + 1; j < nattrs; j++) {
            if (PyUnicode_Compare(name, asdl_seq_GET(kwd_attrs, j)) == 0) {
                return compiler_error(c, LOC(asdl_seq_GET(kwd_pats, j)),
                                      "attribute name repeated in class pattern: %U", name);
            }
        }
    }
    VISIT(c, expr, p->v.MatchClass.cls);
    PyObject *names = PyTuple_New(nattrs);
    if (names == NULL) {
        return ERROR;
    }
    for (Py_ssize_t i = 0; i < nattrs; i++) {
        PyTuple_SET_ITEM(names, i, Py_NewRef(asdl_seq_GET(kwd_attrs, i)));
    }
    ADDOP_LOAD_CONST_NEW(c, loc, names);
    ADDOP_I(c, loc, MATCH_CLASS, (int)nargs);
    ADDOP_I(c, loc, COPY, 1);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADDOP_I(c, loc, IS_OP, 1);
    RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE));
    ADDOP_I(c, loc, UNPACK_SEQUENCE, (int)(nargs + nattrs));
    pc->on_top += (int)(nargs + nattrs) - 1;
    RETURN_IF_ERROR(pattern_subpatterns(c, pats, pc));
    return pattern_subpatterns(c, kwd_pats, pc);
}

/* Names bound by pattern p, in order. */
static int
pattern_bound_names(pattern_ty p, PyObject *list)
{
    switch (p->kind) {
    case MatchValue_kind:
    case MatchSingleton_kind:
        return 0;
    case MatchSequence_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(p->v.MatchSequence.patterns); i++) {
            if (pattern_bound_names(asdl_seq_GET(p->v.MatchSequence.patterns, i), list) < 0) {
                return -1;
            }
        }
        return 0;
    case MatchMapping_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(p->v.MatchMapping.patterns); i++) {
            if (pattern_bound_names(asdl_seq_GET(p->v.MatchMapping.patterns, i), list) < 0) {
                return -1;
            }
        }
        return p->v.MatchMapping.rest ? PyList_Append(list, p->v.MatchMapping.rest) : 0;
    case MatchClass_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(p->v.MatchClass.patterns); i++) {
            if (pattern_bound_names(asdl_seq_GET(p->v.MatchClass.patterns, i), list) < 0) {
                return -1;
            }
        }
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(p->v.MatchClass.kwd_patterns); i++) {
            if (pattern_bound_names(asdl_seq_GET(p->v.MatchClass.kwd_patterns, i),
                                    list) < 0) {
                return -1;
            }
        }
        return 0;
    case MatchStar_kind:
        return p->v.MatchStar.name ? PyList_Append(list, p->v.MatchStar.name) : 0;
    case MatchAs_kind:
        if (p->v.MatchAs.pattern && pattern_bound_names(p->v.MatchAs.pattern, list) < 0) {
            return -1;
        }
        return p->v.MatchAs.name ? PyList_Append(list, p->v.MatchAs.name) : 0;
    case MatchOr_kind:
        return pattern_bound_names(asdl_seq_GET(p->v.MatchOr.patterns, 0), list);
    }
    return 0;
}

/* 1 if the lists of names a and b hold the same set of names. */
static int
same_names(PyObject *a, PyObject *b)
{
    PyObject *lists[2] = {a, b};
    for (int k = 0; k < 2; k++) {
        PyObject *x = lists[k], *y = lists[1 - k];
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(x); i++) {
            int found = 0;
            for (Py_ssize_t j = 0; j < PyList_GET_SIZE(y) && !found; j++) {
                found = PyUnicode_Compare(PyList_GET_ITEM(x, i), PyList_GET_ITEM(y, j)) == 0;
            }
            if (!found) {
                return 0;
            }
        }
    }
    return 1;
}

static int
compiler_pattern_or(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    location loc = LOC(p);
    asdl_pattern_seq *alts = p->v.MatchOr.patterns;
    Py_ssize_t n = asdl_seq_LEN(alts);
    NEW_LABEL(c, end);
    PyObject *first_names = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        pattern_ty alt = asdl_seq_GET(alts, i);
        PyObject *names = PyList_New(0);
        if (names == NULL || pattern_bound_names(alt, names) < 0) {
            Py_XDECREF(names);
            Py_XDECREF(first_names);
            return ERROR;
        }
        if (first_names == NULL) {
            first_names = names;
        }
        else {
            int eq = same_names(first_names, names);
            Py_DECREF(names);
            if (eq <= 0) {
                Py_DECREF(first_names);
                if (eq < 0) {
                    return ERROR;
                }
                return compiler_error(c, LOC(alt), "alternative patterns bind different names");
            }
        }
    }
    Py_XDECREF(first_names);
    /* Names may be stored by more than one alternative: undo the duplicate tracking. */
    Py_ssize_t nstores = PyList_GET_SIZE(pc->stores);
    for (Py_ssize_t i = 0; i < n; i++) {
        pattern_ty alt = asdl_seq_GET(alts, i);
        pattern_context sub = {
            .fail_pop = NULL, .fail_pop_size = 0, .on_top = 0,
            .allow_irrefutable = (i == n - 1) && pc->allow_irrefutable,
            .stores = pc->stores,
        };
        if (PyList_SetSlice(pc->stores, nstores, PyList_GET_SIZE(pc->stores), NULL) < 0) {
            return ERROR;
        }
        ADDOP_I(c, loc, COPY, 1);
        sub.on_top = 1;
        if (compiler_pattern(c, alt, &sub) < 0) {
            PyMem_Free(sub.fail_pop);
            return ERROR;
        }
        /* matched: [value] */
        if (addop_i(c, loc, POP_TOP, 0) < 0 ||
            addop_i(c, NO_LOCATION, JUMP, end) < 0 ||
            emit_and_reset_fail_pop(c, loc, &sub) < 0) {
            PyMem_Free(sub.fail_pop);
            return ERROR;
        }
    }
    /* no alternative matched: [value] */
    RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, JUMP));
    USE_LABEL(c, end);
    pc->on_top--;
    return SUCCESS;
}

static int
compiler_pattern(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    location loc = LOC(p);
    switch (p->kind) {
    case MatchValue_kind: {
        expr_ty v = p->v.MatchValue.value;
        if (v->kind != Constant_kind && v->kind != Attribute_kind && v->kind != UnaryOp_kind &&
            v->kind != BinOp_kind) {
            return compiler_error(c, LOC(v), "patterns may only match literals and attribute "
                                  "lookups");
        }
        VISIT(c, expr, v);
        ADDOP_I(c, loc, COMPARE_OP, Py_EQ);
        pc->on_top--;   /* the value was replaced by the bool, which the jump pops */
        return jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE);
    }
    case MatchSingleton_kind:
        ADDOP_LOAD_CONST(c, loc, p->v.MatchSingleton.value);
        ADDOP_I(c, loc, IS_OP, 0);
        pc->on_top--;
        return jump_to_fail_pop(c, loc, pc, POP_JUMP_IF_FALSE);
    case MatchSequence_kind:
        return compiler_pattern_sequence(c, p, pc);
    case MatchMapping_kind:
        return compiler_pattern_mapping(c, p, pc);
    case MatchClass_kind:
        return compiler_pattern_class(c, p, pc);
    case MatchStar_kind:
        return compiler_error(c, loc, "can't use starred name here");
    case MatchAs_kind:
        if (p->v.MatchAs.pattern == NULL) {
            if (!pc->allow_irrefutable) {
                if (p->v.MatchAs.name) {
                    return compiler_error(c, loc,
                                          "name capture %R makes remaining patterns "
                                          "unreachable", p->v.MatchAs.name);
                }
                return compiler_error(c, loc, "wildcard makes remaining patterns unreachable");
            }
            return pattern_helper_store_name(c, loc, p->v.MatchAs.name, pc);
        }
        ADDOP_I(c, loc, COPY, 1);
        pc->on_top++;
        RETURN_IF_ERROR(compiler_pattern(c, p->v.MatchAs.pattern, pc));
        return pattern_helper_store_name(c, loc, p->v.MatchAs.name, pc);
    case MatchOr_kind:
        return compiler_pattern_or(c, p, pc);
    }
    PyErr_SetString(PyExc_SystemError, "unknown pattern kind");
    return ERROR;
}

static int
compiler_match(struct compiler *c, stmt_ty s)
{
    location loc = LOC(s);
    VISIT(c, expr, s->v.Match.subject);
    NEW_LABEL(c, end);
    Py_ssize_t n = asdl_seq_LEN(s->v.Match.cases);
    for (Py_ssize_t i = 0; i < n; i++) {
        match_case_ty m = asdl_seq_GET(s->v.Match.cases, i);
        int last = i == n - 1;
        pattern_context pc = {
            .fail_pop = NULL, .fail_pop_size = 0, .on_top = 1,
            .allow_irrefutable = m->guard != NULL || last,
            .stores = PyList_New(0),
        };
        if (pc.stores == NULL) {
            return ERROR;
        }
        int r = SUCCESS;
        if (!last) {
            r = addop_i(c, LOC(m->pattern), COPY, 1);
        }
        if (r == SUCCESS) {
            r = compiler_pattern(c, m->pattern, &pc);
        }
        Py_DECREF(pc.stores);
        pc.stores = NULL;
        if (r == SUCCESS && m->guard) {
            r = ensure_fail_pop(c, &pc, 0);
            if (r == SUCCESS) {
                r = compiler_jump_if(c, LOC(m->pattern), m->guard, pc.fail_pop[0], 0);
            }
        }
        if (r == SUCCESS && !last) {
            r = addop_i(c, LOC(m->pattern), POP_TOP, 0);
        }
        for (Py_ssize_t k = 0; r == SUCCESS && k < asdl_seq_LEN(m->body); k++) {
            r = compiler_visit_stmt(c, asdl_seq_GET(m->body, k));
        }
        if (r == SUCCESS) {
            r = addop_i(c, NO_LOCATION, JUMP, end);
        }
        if (r == SUCCESS) {
            r = emit_and_reset_fail_pop(c, loc, &pc);
        }
        PyMem_Free(pc.fail_pop);
        RETURN_IF_ERROR(r);
    }
    USE_LABEL(c, end);
    return SUCCESS;
}

/* ---- modules and entry points ------------------------------------------------------------- */

static PyCodeObject *
compiler_mod(struct compiler *c, mod_ty mod)
{
    PyCodeObject *co = NULL;
    if (compiler_enter_scope(c, _Py_ID(<module>), SCOPE_MODULE, (void *)mod, 1) < 0) {
        return NULL;
    }
    c->u->u_qualname = Py_NewRef(c->u->u_name);
    int r = SUCCESS;
    switch (mod->kind) {
    case Module_kind: {
        asdl_stmt_seq *body = mod->v.Module.body;
        Py_ssize_t start = 0;
        if (find_ann(body)) {
            r = addop_i(c, NO_LOCATION, SETUP_ANNOTATIONS, 0);
        }
        PyObject *doc = docstring_of(c, body);
        if (r == SUCCESS && doc != NULL) {
            location dloc = LOC(asdl_seq_GET(body, 0));
            PyObject *cleaned = clean_docstring(doc);
            r = cleaned == NULL ? ERROR : addop_load_const(c, dloc, cleaned);
            Py_XDECREF(cleaned);
            if (r == SUCCESS) {
                r = compiler_nameop(c, dloc, _Py_ID(__doc__), Store);
            }
            start = 1;
        }
        for (Py_ssize_t i = start; r == SUCCESS && i < asdl_seq_LEN(body); i++) {
            r = compiler_visit_stmt(c, asdl_seq_GET(body, i));
        }
        if (r == SUCCESS) {
            r = addop_i(c, NO_LOCATION, RETURN_CONST, (int)add_const(c, Py_None));
        }
        break;
    }
    case Interactive_kind: {
        asdl_stmt_seq *body = mod->v.Interactive.body;
        c->c_interactive = 1;
        if (find_ann(body)) {
            r = addop_i(c, NO_LOCATION, SETUP_ANNOTATIONS, 0);
        }
        for (Py_ssize_t i = 0; r == SUCCESS && i < asdl_seq_LEN(body); i++) {
            r = compiler_visit_stmt(c, asdl_seq_GET(body, i));
        }
        if (r == SUCCESS) {
            r = addop_i(c, NO_LOCATION, RETURN_CONST, (int)add_const(c, Py_None));
        }
        break;
    }
    case Expression_kind:
        r = compiler_visit_expr(c, mod->v.Expression.body);
        if (r == SUCCESS) {
            r = addop_i(c, NO_LOCATION, RETURN_VALUE, 0);
        }
        break;
    default:
        PyErr_Format(PyExc_SystemError, "module kind %d should not be possible", mod->kind);
        r = ERROR;
        break;
    }
    if (r == SUCCESS) {
        co = assemble_unit(c);
    }
    compiler_exit_scope(c);
    return co;
}

PyCodeObject *
_PyAST_Compile(mod_ty mod, PyObject *filename, PyCompilerFlags *pflags, int optimize,
               PyArena *arena)
{
    struct compiler c;
    memset(&c, 0, sizeof(c));
    c.c_filename = filename;
    c.c_arena = arena;
    c.c_flags = pflags ? pflags->cf_flags : 0;
    c.c_optimize = optimize == -1 ? default_optimize_level() : optimize;
    if (!_PyFuture_FromAST(mod, filename, &c.c_future)) {
        return NULL;
    }
    c.c_flags |= c.c_future.ff_features;
    c.c_future.ff_features = c.c_flags & PyCF_MASK;
    if (pflags != NULL) {
        pflags->cf_flags |= c.c_future.ff_features;
    }
    if (!_PyAST_Optimize(mod, arena, c.c_optimize, c.c_future.ff_features)) {
        return NULL;
    }
    c.c_st = _PySymtable_Build(mod, filename, c.c_future.ff_features);
    if (c.c_st == NULL) {
        return NULL;
    }
    PyCodeObject *co = compiler_mod(&c, mod);
    while (c.u != NULL) {
        compiler_exit_scope(&c);
    }
    _PySymtable_Free(c.c_st);
    return co;
}

PyObject *
Py_CompileStringObject(const char *str, PyObject *filename, int start,
                       PyCompilerFlags *flags, int optimize)
{
    PyArena *arena = _PyArena_New();
    if (arena == NULL) {
        return NULL;
    }
    PyCompilerFlags local = _PyCompilerFlags_INIT;
    if (flags == NULL) {
        flags = &local;
    }
    mod_ty mod = _PyParser_ASTFromString(str, filename, start, flags, arena);
    if (mod == NULL) {
        _PyArena_Free(arena);
        return NULL;
    }
    PyObject *result;
    if (flags->cf_flags & PyCF_ONLY_AST) {
        if ((flags->cf_flags & PyCF_OPTIMIZED_AST) == PyCF_OPTIMIZED_AST) {
            int opt = optimize == -1 ? default_optimize_level() : optimize;
            _PyFutureFeatures ff;
            if (!_PyFuture_FromAST(mod, filename, &ff) ||
                !_PyAST_Optimize(mod, arena, opt, ff.ff_features | flags->cf_flags)) {
                _PyArena_Free(arena);
                return NULL;
            }
        }
        result = PyAST_mod2obj(mod);
    }
    else {
        result = (PyObject *)_PyAST_Compile(mod, filename, flags, optimize, arena);
    }
    _PyArena_Free(arena);
    return result;
}

PyObject *
Py_CompileStringExFlags(const char *str, const char *filename, int start,
                        PyCompilerFlags *flags, int optimize)
{
    PyObject *fn = PyUnicode_DecodeFSDefault(filename);
    if (fn == NULL) {
        return NULL;
    }
    PyObject *result = Py_CompileStringObject(str, fn, start, flags, optimize);
    Py_DECREF(fn);
    return result;
}
