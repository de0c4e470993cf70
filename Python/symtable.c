/* The symbol table: which scope each name lives in.
 *
 * Two passes over the AST of a module.
 *   1. Build: walk the tree, opening one PySTEntryObject per scope (module, class, function,
 *      lambda, comprehension), and record in each entry how every name is used there
 *      (DEF_* flags: assigned, parameter, global/nonlocal declaration, read, imported).
 *      Errors that depend only on the order of statements in one scope ("name 'x' is used
 *      prior to global declaration") are raised here.
 *   2. Analyze: from the module down, decide each name's scope (LOCAL, GLOBAL_EXPLICIT,
 *      GLOBAL_IMPLICIT, FREE, CELL) from the names bound in enclosing function scopes, and
 *      from the bottom up, turn locals that children need into cells.  Class scopes do not
 *      provide bindings to the functions nested in them, except the implicit `__class__`
 *      cell (zero-argument super()) and `__classdict__`.
 *
 * Invariants: after analysis, every name used in a scope is in its ste_symbols with a scope;
 * a FREE name of a child is either bound (LOCAL or CELL) in some enclosing function scope or
 * passed through the intermediate scopes as FREE; comprehensions are function scopes whose
 * first iterable belongs to the enclosing scope, and the simple ones inside functions are
 * merged into their parent after analysis (ste_comp_inlined, PEP 709).
 * Walrus targets inside comprehensions bind in the nearest enclosing non-comprehension
 * scope (DEF_NONLOCAL in the comprehension, DEF_LOCAL there; DEF_GLOBAL at module level). */

#include "Python.h"
#include "internal/pycore_ast.h"
#include "internal/pycore_compile.h"
#include "internal/pycore_symtable.h"

#define MAX_NESTING 5000

/* ---- entries ----------------------------------------------------------------------------- */

static void
ste_dealloc(PyObject *op)
{
    PySTEntryObject *ste = (PySTEntryObject *)op;
    Py_XDECREF(ste->ste_id);
    Py_XDECREF(ste->ste_symbols);
    Py_XDECREF(ste->ste_name);
    Py_XDECREF(ste->ste_varnames);
    Py_XDECREF(ste->ste_children);
    Py_XDECREF(ste->ste_directives);
    Py_XDECREF(ste->ste_mangled_names);
    PyObject_Free(op);
}

static PyObject *
ste_repr(PyObject *op)
{
    PySTEntryObject *ste = (PySTEntryObject *)op;
    return PyUnicode_FromFormat("<symtable entry %U(%R), line %d>", ste->ste_name,
                                ste->ste_id, ste->ste_lineno);
}

PyTypeObject PySTEntry_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "symtable entry",
    .tp_basicsize = sizeof(PySTEntryObject),
    .tp_dealloc = ste_dealloc,
    .tp_repr = ste_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};
_Py_REGISTER_STATIC_TYPE(PySTEntry_Type);

/* Return a new reference. */
static PySTEntryObject *
ste_new(struct symtable *st, PyObject *name, _Py_block_ty type, void *key, int lineno,
        int col, int end_lineno, int end_col)
{
    PySTEntryObject *ste = PyObject_New(PySTEntryObject, &PySTEntry_Type);
    if (ste == NULL) {
        return NULL;
    }
    memset((char *)ste + sizeof(PyObject), 0, sizeof(PySTEntryObject) - sizeof(PyObject));
    ste->ste_table = st;
    ste->ste_id = PyLong_FromVoidPtr(key);
    ste->ste_name = Py_NewRef(name);
    ste->ste_symbols = PyDict_New();
    ste->ste_varnames = PyList_New(0);
    ste->ste_children = PyList_New(0);
    ste->ste_type = type;
    ste->ste_lineno = lineno;
    ste->ste_col_offset = col;
    ste->ste_end_lineno = end_lineno;
    ste->ste_end_col_offset = end_col;
    if (ste->ste_id == NULL || ste->ste_symbols == NULL || ste->ste_varnames == NULL ||
        ste->ste_children == NULL) {
        Py_DECREF(ste);
        return NULL;
    }
    if (st->st_cur != NULL &&
        (st->st_cur->ste_nested || _PyST_IsFunctionLike(st->st_cur))) {
        ste->ste_nested = 1;
    }
    if (PyDict_SetItem(st->st_blocks, ste->ste_id, (PyObject *)ste) < 0) {
        Py_DECREF(ste);
        return NULL;
    }
    return ste;
}

int
_PyST_IsFunctionLike(PySTEntryObject *ste)
{
    return ste->ste_type == FunctionBlock || ste->ste_type == AnnotationBlock ||
           ste->ste_type == TypeVariableBlock || ste->ste_type == TypeAliasBlock ||
           ste->ste_type == TypeParametersBlock;
}

long
_PyST_GetSymbol(PySTEntryObject *ste, PyObject *name)
{
    PyObject *v = PyDict_GetItemWithError(ste->ste_symbols, name);
    if (v == NULL) {
        return 0;
    }
    return PyLong_AsLong(v);
}

int
_PyST_GetScope(PySTEntryObject *ste, PyObject *name)
{
    long flags = _PyST_GetSymbol(ste, name);
    return (int)((flags >> SCOPE_OFFSET) & 0xf);
}

PySTEntryObject *
_PySymtable_Lookup(struct symtable *st, void *key)
{
    PyObject *k = PyLong_FromVoidPtr(key);
    if (k == NULL) {
        return NULL;
    }
    PyObject *v = PyDict_GetItemWithError(st->st_blocks, k);
    if (v == NULL && !PyErr_Occurred()) {
        PyErr_SetObject(PyExc_KeyError, k);
    }
    Py_DECREF(k);
    return (PySTEntryObject *)Py_XNewRef(v);
}

/* ---- mangling ------------------------------------------------------------------------------ */

PyObject *
_Py_Mangle(PyObject *privateobj, PyObject *ident)
{
    if (privateobj == NULL || !PyUnicode_Check(privateobj)) {
        return Py_NewRef(ident);
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(ident);
    if (n < 2 || PyUnicode_READ_CHAR(ident, 0) != '_' || PyUnicode_READ_CHAR(ident, 1) != '_') {
        return Py_NewRef(ident);
    }
    /* Names ending in "__" (dunders, and "__" itself) and dotted names (imports) are not
     * mangled. */
    if ((PyUnicode_READ_CHAR(ident, n - 1) == '_' &&
         PyUnicode_READ_CHAR(ident, n - 2) == '_') ||
        PyUnicode_FindChar(ident, '.', 0, n, 1) >= 0) {
        return Py_NewRef(ident);
    }
    Py_ssize_t plen = PyUnicode_GET_LENGTH(privateobj);
    Py_ssize_t start = 0;
    while (start < plen && PyUnicode_READ_CHAR(privateobj, start) == '_') {
        start++;
    }
    if (start == plen) {
        return Py_NewRef(ident);   /* class name of only underscores */
    }
    PyObject *stripped = PyUnicode_Substring(privateobj, start, plen);
    if (stripped == NULL) {
        return NULL;
    }
    PyObject *result = PyUnicode_FromFormat("_%U%U", stripped, ident);
    Py_DECREF(stripped);
    return result;
}

PyObject *
_Py_MaybeMangle(PyObject *privateobj, PySTEntryObject *Py_UNUSED(ste), PyObject *ident)
{
    return _Py_Mangle(privateobj, ident);
}

/* ---- errors ------------------------------------------------------------------------------- */

#define LOC(x) (x)->lineno, (x)->col_offset, (x)->end_lineno, (x)->end_col_offset

static int
st_error(struct symtable *st, int lineno, int col, int end_lineno, int end_col,
         const char *fmt, PyObject *name)
{
    PyObject *msg = name ? PyUnicode_FromFormat(fmt, name) : PyUnicode_FromString(fmt);
    if (msg == NULL) {
        return 0;
    }
    const char *m = PyUnicode_AsUTF8(msg);
    if (m != NULL) {
        _PyCompile_RaiseSyntaxError(PyExc_SyntaxError, st->st_filename, lineno, col,
                                    end_lineno, end_col, "%s", m);
    }
    Py_DECREF(msg);
    return 0;
}

/* ---- the build pass ----------------------------------------------------------------------- */

/* Every visitor returns 1 on success, 0 with an exception set. */
static int visit_stmt(struct symtable *st, stmt_ty s);
static int visit_expr(struct symtable *st, expr_ty e);
static int visit_pattern(struct symtable *st, pattern_ty p);
static int visit_arguments(struct symtable *st, arguments_ty a);
static int visit_annotations(struct symtable *st, arguments_ty a, expr_ty returns);

static int
enter_block(struct symtable *st, PyObject *name, _Py_block_ty type, void *key, int lineno,
            int col, int end_lineno, int end_col)
{
    PySTEntryObject *ste = ste_new(st, name, type, key, lineno, col, end_lineno, end_col);
    if (ste == NULL) {
        return 0;
    }
    if (st->st_cur != NULL) {
        if (PyList_Append(st->st_stack, (PyObject *)st->st_cur) < 0 ||
            PyList_Append(st->st_cur->ste_children, (PyObject *)ste) < 0) {
            Py_DECREF(ste);
            return 0;
        }
        if (st->st_cur->ste_comp_iter_expr > 0) {
            /* A lambda or comprehension inside a comprehension's iterable. */
            ste->ste_comp_iter_expr = 0;
        }
    }
    st->st_cur = ste;   /* the reference now lives in st_blocks */
    Py_DECREF(ste);
    if (type == ModuleBlock) {
        st->st_global = ste->ste_symbols;
    }
    return 1;
}

static int
exit_block(struct symtable *st)
{
    Py_ssize_t n = PyList_GET_SIZE(st->st_stack);
    if (n == 0) {
        st->st_cur = NULL;
        return 1;
    }
    st->st_cur = (PySTEntryObject *)PyList_GET_ITEM(st->st_stack, n - 1);
    return PyList_SetSlice(st->st_stack, n - 1, n, NULL) == 0;
}

/* Record a use of `name` with `flag` in entry ste. */
static int
add_def_in(struct symtable *st, PySTEntryObject *ste, PyObject *name, long flag, int lineno,
           int col, int end_lineno, int end_col)
{
    PyObject *mangled = _Py_Mangle(st->st_private, name);
    if (mangled == NULL) {
        return 0;
    }
    long val = 0;
    PyObject *o = PyDict_GetItemWithError(ste->ste_symbols, mangled);
    if (o != NULL) {
        val = PyLong_AsLong(o);
        if ((flag & DEF_PARAM) && (val & DEF_PARAM)) {
            st_error(st, lineno, col, end_lineno, end_col,
                     "duplicate argument '%U' in function definition", name);
            Py_DECREF(mangled);
            return 0;
        }
        if ((flag & DEF_TYPE_PARAM) && (val & DEF_TYPE_PARAM)) {
            st_error(st, lineno, col, end_lineno, end_col,
                     "duplicate type parameter '%U'", name);
            Py_DECREF(mangled);
            return 0;
        }
        val |= flag;
    }
    else if (PyErr_Occurred()) {
        Py_DECREF(mangled);
        return 0;
    }
    else {
        val = flag;
    }
    if (ste->ste_comp_iter_target) {
        /* Name bound as a comprehension target: remember it for walrus checks. */
        if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
            st_error(st, lineno, col, end_lineno, end_col,
                     "comprehension inner loop cannot rebind assignment expression target "
                     "'%U'", name);
            Py_DECREF(mangled);
            return 0;
        }
        val |= DEF_COMP_ITER;
    }
    PyObject *v = PyLong_FromLong(val);
    if (v == NULL || PyDict_SetItem(ste->ste_symbols, mangled, v) < 0) {
        Py_XDECREF(v);
        Py_DECREF(mangled);
        return 0;
    }
    Py_DECREF(v);
    if ((flag & DEF_PARAM) && PyList_Append(ste->ste_varnames, mangled) < 0) {
        Py_DECREF(mangled);
        return 0;
    }
    if (flag & DEF_GLOBAL) {
        /* Also record it at module level so the analysis knows it is global. */
        long gval = flag;
        PyObject *g = PyDict_GetItemWithError(st->st_global, mangled);
        if (g != NULL) {
            gval |= PyLong_AsLong(g);
        }
        else if (PyErr_Occurred()) {
            Py_DECREF(mangled);
            return 0;
        }
        PyObject *gv = PyLong_FromLong(gval);
        if (gv == NULL || PyDict_SetItem(st->st_global, mangled, gv) < 0) {
            Py_XDECREF(gv);
            Py_DECREF(mangled);
            return 0;
        }
        Py_DECREF(gv);
    }
    Py_DECREF(mangled);
    return 1;
}

static int
add_def(struct symtable *st, PyObject *name, long flag, int lineno, int col, int end_lineno,
        int end_col)
{
    return add_def_in(st, st->st_cur, name, flag, lineno, col, end_lineno, end_col);
}

static int
record_directive(struct symtable *st, PyObject *name, stmt_ty s)
{
    if (st->st_cur->ste_directives == NULL) {
        st->st_cur->ste_directives = PyList_New(0);
        if (st->st_cur->ste_directives == NULL) {
            return 0;
        }
    }
    PyObject *mangled = _Py_Mangle(st->st_private, name);
    if (mangled == NULL) {
        return 0;
    }
    PyObject *t = PyTuple_New(5);
    if (t == NULL) {
        Py_DECREF(mangled);
        return 0;
    }
    PyTuple_SET_ITEM(t, 0, mangled);
    int locs[4] = {s->lineno, s->col_offset, s->end_lineno, s->end_col_offset};
    for (int i = 0; i < 4; i++) {
        PyObject *v = PyLong_FromLong(locs[i]);
        if (v == NULL) {
            Py_DECREF(t);
            return 0;
        }
        PyTuple_SET_ITEM(t, i + 1, v);
    }
    int r = PyList_Append(st->st_cur->ste_directives, t);
    Py_DECREF(t);
    return r == 0;
}

#define VISIT_SEQ(st, kind, seq)                                                            \
    do {                                                                                    \
        for (Py_ssize_t _i = 0; _i < asdl_seq_LEN(seq); _i++) {                             \
            kind##_ty _elt = asdl_seq_GET((seq), _i);                                       \
            if (_elt != NULL && !visit_##kind((st), _elt)) {                                \
                return 0;                                                                   \
            }                                                                               \
        }                                                                                   \
    } while (0)

static int
visit_params(struct symtable *st, asdl_arg_seq *args)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty a = asdl_seq_GET(args, i);
        if (!add_def(st, a->arg, DEF_PARAM, LOC(a))) {
            return 0;
        }
    }
    return 1;
}

static int
visit_arguments(struct symtable *st, arguments_ty a)
{
    if (!visit_params(st, a->posonlyargs) || !visit_params(st, a->args) ||
        !visit_params(st, a->kwonlyargs)) {
        return 0;
    }
    if (a->vararg) {
        if (!add_def(st, a->vararg->arg, DEF_PARAM, LOC(a->vararg))) {
            return 0;
        }
        st->st_cur->ste_varargs = 1;
    }
    if (a->kwarg) {
        if (!add_def(st, a->kwarg->arg, DEF_PARAM, LOC(a->kwarg))) {
            return 0;
        }
        st->st_cur->ste_varkeywords = 1;
    }
    return 1;
}

static int
visit_annotation(struct symtable *st, expr_ty annotation)
{
    if (st->st_future_features & CO_FUTURE_ANNOTATIONS) {
        /* Stringified, never evaluated; checked in a scope of its own. */
        if (!enter_block(st, _Py_ID(_annotation), AnnotationBlock, (void *)annotation,
                         LOC(annotation))) {
            return 0;
        }
        st->st_cur->ste_scope_info = "an annotation";
        return visit_expr(st, annotation) && exit_block(st);
    }
    return visit_expr(st, annotation);
}

static int
visit_arg_annotations(struct symtable *st, asdl_arg_seq *args)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty a = asdl_seq_GET(args, i);
        if (a->annotation && !visit_annotation(st, a->annotation)) {
            return 0;
        }
    }
    return 1;
}

static int
visit_annotations(struct symtable *st, arguments_ty a, expr_ty returns)
{
    if (!visit_arg_annotations(st, a->posonlyargs) || !visit_arg_annotations(st, a->args) ||
        !visit_arg_annotations(st, a->kwonlyargs)) {
        return 0;
    }
    if (a->vararg && a->vararg->annotation && !visit_annotation(st, a->vararg->annotation)) {
        return 0;
    }
    if (a->kwarg && a->kwarg->annotation && !visit_annotation(st, a->kwarg->annotation)) {
        return 0;
    }
    if (returns && !visit_annotation(st, returns)) {
        return 0;
    }
    return 1;
}

static int
visit_defaults(struct symtable *st, arguments_ty a)
{
    VISIT_SEQ(st, expr, a->defaults);
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(a->kw_defaults); i++) {
        expr_ty d = asdl_seq_GET(a->kw_defaults, i);
        if (d != NULL && !visit_expr(st, d)) {
            return 0;
        }
    }
    return 1;
}

static int
visit_type_params(struct symtable *st, asdl_type_param_seq *tps)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(tps); i++) {
        type_param_ty tp = asdl_seq_GET(tps, i);
        PyObject *name = NULL;
        expr_ty extra = NULL, def = NULL;
        switch (tp->kind) {
        case TypeVar_kind:
            name = tp->v.TypeVar.name;
            extra = tp->v.TypeVar.bound;
            def = tp->v.TypeVar.default_value;
            break;
        case ParamSpec_kind:
            name = tp->v.ParamSpec.name;
            def = tp->v.ParamSpec.default_value;
            break;
        case TypeVarTuple_kind:
            name = tp->v.TypeVarTuple.name;
            def = tp->v.TypeVarTuple.default_value;
            break;
        }
        if (!add_def(st, name, DEF_TYPE_PARAM | DEF_LOCAL, LOC(tp))) {
            return 0;
        }
        /* Bounds and defaults are lazily evaluated in their own scopes. */
        expr_ty lazy[2] = {extra, def};
        for (int k = 0; k < 2; k++) {
            if (lazy[k] == NULL) {
                continue;
            }
            int see_class = st->st_cur->ste_can_see_class_scope;
            if (!enter_block(st, name, TypeVariableBlock, (void *)lazy[k], LOC(tp))) {
                return 0;
            }
            if (k == 0) {
                st->st_cur->ste_scope_info = lazy[k]->kind == Tuple_kind
                                                 ? "a TypeVar constraint" : "a TypeVar bound";
            }
            else {
                st->st_cur->ste_scope_info =
                    tp->kind == TypeVar_kind ? "a TypeVar default"
                    : tp->kind == ParamSpec_kind ? "a ParamSpec default"
                                                 : "a TypeVarTuple default";
            }
            st->st_cur->ste_can_see_class_scope = see_class;
            if (see_class && !add_def(st, _Py_ID(__classdict__), USE, LOC(tp))) {
                return 0;
            }
            if (!visit_expr(st, lazy[k]) || !exit_block(st)) {
                return 0;
            }
        }
    }
    return 1;
}

/* Open the scope that binds the type parameters of a generic function/class/alias. */
static int
enter_type_params_block(struct symtable *st, PyObject *name, void *key, int has_defaults,
                        int has_kwdefaults, int is_class, int lineno, int col,
                        int end_lineno, int end_col)
{
    _Py_block_ty outer = st->st_cur->ste_type;
    if (!enter_block(st, name, TypeParametersBlock, key, lineno, col, end_lineno, end_col)) {
        return 0;
    }
    st->st_cur->ste_scope_info = "the definition of a generic";
    if (outer == ClassBlock) {
        st->st_cur->ste_can_see_class_scope = 1;
        if (!add_def_in(st, st->st_cur, _Py_ID(__classdict__), USE, lineno, col,
                        end_lineno, end_col)) {
            return 0;
        }
    }
    if (is_class) {
        if (!add_def(st, _Py_ID(.type_params), DEF_LOCAL, lineno, col, end_lineno, end_col) ||
            !add_def(st, _Py_ID(.type_params), USE, lineno, col, end_lineno, end_col) ||
            !add_def(st, _Py_ID(.generic_base), DEF_LOCAL, lineno, col, end_lineno,
                     end_col) ||
            !add_def(st, _Py_ID(.generic_base), USE, lineno, col, end_lineno, end_col)) {
            return 0;
        }
    }
    if (has_defaults &&
        !add_def(st, _Py_ID(.defaults), DEF_PARAM, lineno, col, end_lineno, end_col)) {
        return 0;
    }
    if (has_kwdefaults &&
        !add_def(st, _Py_ID(.kwdefaults), DEF_PARAM, lineno, col, end_lineno, end_col)) {
        return 0;
    }
    return 1;
}

static int
visit_function(struct symtable *st, stmt_ty s, int is_async)
{
    identifier name = is_async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
    arguments_ty args = is_async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
    asdl_stmt_seq *body = is_async ? s->v.AsyncFunctionDef.body : s->v.FunctionDef.body;
    asdl_expr_seq *decos = is_async ? s->v.AsyncFunctionDef.decorator_list
                                    : s->v.FunctionDef.decorator_list;
    expr_ty returns = is_async ? s->v.AsyncFunctionDef.returns : s->v.FunctionDef.returns;
    asdl_type_param_seq *tps = is_async ? s->v.AsyncFunctionDef.type_params
                                        : s->v.FunctionDef.type_params;

    if (!add_def(st, name, DEF_LOCAL, LOC(s))) {
        return 0;
    }
    VISIT_SEQ(st, expr, decos);
    if (!visit_defaults(st, args)) {
        return 0;
    }
    if (asdl_seq_LEN(tps) > 0) {
        if (!enter_type_params_block(st, name, (void *)tps,
                                     asdl_seq_LEN(args->defaults) > 0,
                                     asdl_seq_LEN(args->kw_defaults) > 0, 0, LOC(s)) ||
            !visit_type_params(st, tps)) {
            return 0;
        }
    }
    if (!visit_annotations(st, args, returns)) {
        return 0;
    }
    if (!enter_block(st, name, FunctionBlock, (void *)s, LOC(s))) {
        return 0;
    }
    if (is_async) {
        st->st_cur->ste_coroutine = 1;
    }
    if (!visit_arguments(st, args)) {
        return 0;
    }
    VISIT_SEQ(st, stmt, body);
    if (!exit_block(st)) {
        return 0;
    }
    if (asdl_seq_LEN(tps) > 0 && !exit_block(st)) {
        return 0;
    }
    return 1;
}

static int
visit_alias(struct symtable *st, alias_ty a)
{
    /* `import a.b.c` binds `a`; `import a.b as c` binds c. */
    PyObject *store = a->asname ? a->asname : a->name;
    PyObject *name = store;
    Py_ssize_t dot = PyUnicode_FindChar(store, '.', 0, PyUnicode_GET_LENGTH(store), 1);
    if (dot == -2) {
        return 0;
    }
    if (dot >= 0) {
        name = PyUnicode_Substring(store, 0, dot);
        if (name == NULL) {
            return 0;
        }
    }
    else {
        Py_INCREF(name);
    }
    int r;
    if (PyUnicode_CompareWithASCIIString(name, "*") == 0) {
        if (st->st_cur->ste_type != ModuleBlock) {
            st_error(st, LOC(a), "import * only allowed at module level", NULL);
            r = 0;
        }
        else {
            st->st_cur->ste_opt_lineno = a->lineno;
            st->st_cur->ste_opt_col_offset = a->col_offset;
            r = 1;
        }
    }
    else {
        r = add_def(st, name, DEF_IMPORT, LOC(a));
    }
    Py_DECREF(name);
    return r;
}

static int
visit_global_or_nonlocal(struct symtable *st, stmt_ty s, int is_global)
{
    asdl_identifier_seq *names = is_global ? s->v.Global.names : s->v.Nonlocal.names;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(names); i++) {
        PyObject *name = asdl_seq_GET(names, i);
        long cur = _PyST_GetSymbol(st->st_cur, name);
        if (cur == -1 && PyErr_Occurred()) {
            return 0;
        }
        if (!is_global && st->st_cur->ste_type == ModuleBlock) {
            return st_error(st, LOC(s), "nonlocal declaration not allowed at module level",
                            NULL);
        }
        const char *msg = NULL;
        if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
            if (cur & DEF_PARAM) {
                msg = is_global ? "name '%U' is parameter and global"
                                : "name '%U' is parameter and nonlocal";
            }
            else if (cur & USE) {
                msg = is_global ? "name '%U' is used prior to global declaration"
                                : "name '%U' is used prior to nonlocal declaration";
            }
            else if (cur & DEF_ANNOT) {
                msg = is_global ? "annotated name '%U' can't be global"
                                : "annotated name '%U' can't be nonlocal";
            }
            else {
                msg = is_global ? "name '%U' is assigned to before global declaration"
                                : "name '%U' is assigned to before nonlocal declaration";
            }
        }
        if (msg != NULL) {
            return st_error(st, LOC(s), msg, name);
        }
        if (!add_def(st, name, is_global ? DEF_GLOBAL : DEF_NONLOCAL, LOC(s)) ||
            !record_directive(st, name, s)) {
            return 0;
        }
    }
    return 1;
}

static int
visit_stmt(struct symtable *st, stmt_ty s)
{
    if (++st->recursion_depth > st->recursion_limit) {
        PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded during "
                        "compilation");
        return 0;
    }
    int ok = 1;
    switch (s->kind) {
    case FunctionDef_kind:
        ok = visit_function(st, s, 0);
        break;
    case AsyncFunctionDef_kind:
        ok = visit_function(st, s, 1);
        break;
    case ClassDef_kind: {
        if (!add_def(st, s->v.ClassDef.name, DEF_LOCAL, LOC(s))) {
            return 0;
        }
        VISIT_SEQ(st, expr, s->v.ClassDef.decorator_list);
        asdl_type_param_seq *tps = s->v.ClassDef.type_params;
        PyObject *saved_private = st->st_private;
        if (asdl_seq_LEN(tps) > 0) {
            st->st_private = s->v.ClassDef.name;
            if (!enter_type_params_block(st, s->v.ClassDef.name, (void *)tps, 0, 0, 1,
                                         LOC(s)) ||
                !visit_type_params(st, tps)) {
                return 0;
            }
        }
        VISIT_SEQ(st, expr, s->v.ClassDef.bases);
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.ClassDef.keywords); i++) {
            keyword_ty k = asdl_seq_GET(s->v.ClassDef.keywords, i);
            if (!visit_expr(st, k->value)) {
                return 0;
            }
        }
        if (!enter_block(st, s->v.ClassDef.name, ClassBlock, (void *)s, LOC(s))) {
            return 0;
        }
        st->st_private = s->v.ClassDef.name;
        if (asdl_seq_LEN(tps) > 0 &&
            (!add_def(st, _Py_ID(__type_params__), DEF_LOCAL, LOC(s)) ||
             !add_def(st, _Py_ID(.type_params), USE, LOC(s)))) {
            return 0;
        }
        VISIT_SEQ(st, stmt, s->v.ClassDef.body);
        st->st_private = saved_private;
        if (!exit_block(st)) {
            return 0;
        }
        if (asdl_seq_LEN(tps) > 0 && !exit_block(st)) {
            return 0;
        }
        break;
    }
    case Return_kind:
        if (s->v.Return.value) {
            ok = visit_expr(st, s->v.Return.value);
            st->st_cur->ste_returns_value = 1;
        }
        break;
    case Delete_kind:
        VISIT_SEQ(st, expr, s->v.Delete.targets);
        break;
    case Assign_kind:
        VISIT_SEQ(st, expr, s->v.Assign.targets);
        ok = visit_expr(st, s->v.Assign.value);
        break;
    case TypeAlias_kind: {
        if (!visit_expr(st, s->v.TypeAlias.name)) {
            return 0;
        }
        PyObject *name = s->v.TypeAlias.name->v.Name.id;
        asdl_type_param_seq *tps = s->v.TypeAlias.type_params;
        int is_generic = asdl_seq_LEN(tps) > 0;
        if (is_generic) {
            if (!enter_type_params_block(st, name, (void *)tps, 0, 0, 0, LOC(s)) ||
                !visit_type_params(st, tps)) {
                return 0;
            }
        }
        _Py_block_ty outer = st->st_cur->ste_type;
        if (!enter_block(st, name, TypeAliasBlock, (void *)s, LOC(s))) {
            return 0;
        }
        st->st_cur->ste_scope_info = "a type alias";
        st->st_cur->ste_can_see_class_scope = outer == ClassBlock;
        if (outer == ClassBlock &&
            !add_def(st, _Py_ID(__classdict__), USE, LOC(s->v.TypeAlias.value))) {
            return 0;
        }
        if (!visit_expr(st, s->v.TypeAlias.value) || !exit_block(st)) {
            return 0;
        }
        if (is_generic && !exit_block(st)) {
            return 0;
        }
        break;
    }
    case AugAssign_kind:
        ok = visit_expr(st, s->v.AugAssign.target) && visit_expr(st, s->v.AugAssign.value);
        break;
    case AnnAssign_kind: {
        expr_ty target = s->v.AnnAssign.target;
        if (target->kind == Name_kind && s->v.AnnAssign.simple) {
            long cur = _PyST_GetSymbol(st->st_cur, target->v.Name.id);
            if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) &&
                st->st_cur->ste_symbols != st->st_global) {
                const char *msg = (cur & DEF_GLOBAL) ? "annotated name '%U' can't be global"
                                                     : "annotated name '%U' can't be nonlocal";
                return st_error(st, LOC(s), msg, target->v.Name.id);
            }
            if (!add_def(st, target->v.Name.id, DEF_ANNOT | DEF_LOCAL, LOC(target))) {
                return 0;
            }
        }
        else if (!visit_expr(st, target)) {
            return 0;
        }
        ok = visit_annotation(st, s->v.AnnAssign.annotation);
        if (ok && s->v.AnnAssign.value) {
            ok = visit_expr(st, s->v.AnnAssign.value);
        }
        break;
    }
    case For_kind:
    case AsyncFor_kind:
        ok = visit_expr(st, s->v.For.target) && visit_expr(st, s->v.For.iter);
        if (ok) {
            VISIT_SEQ(st, stmt, s->v.For.body);
            VISIT_SEQ(st, stmt, s->v.For.orelse);
        }
        break;
    case While_kind:
        ok = visit_expr(st, s->v.While.test);
        VISIT_SEQ(st, stmt, s->v.While.body);
        VISIT_SEQ(st, stmt, s->v.While.orelse);
        break;
    case If_kind:
        ok = visit_expr(st, s->v.If.test);
        VISIT_SEQ(st, stmt, s->v.If.body);
        VISIT_SEQ(st, stmt, s->v.If.orelse);
        break;
    case With_kind:
    case AsyncWith_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.With.items); i++) {
            withitem_ty w = asdl_seq_GET(s->v.With.items, i);
            if (!visit_expr(st, w->context_expr)) {
                return 0;
            }
            if (w->optional_vars && !visit_expr(st, w->optional_vars)) {
                return 0;
            }
        }
        VISIT_SEQ(st, stmt, s->v.With.body);
        break;
    case Match_kind:
        if (!visit_expr(st, s->v.Match.subject)) {
            return 0;
        }
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.Match.cases); i++) {
            match_case_ty m = asdl_seq_GET(s->v.Match.cases, i);
            if (!visit_pattern(st, m->pattern)) {
                return 0;
            }
            if (m->guard && !visit_expr(st, m->guard)) {
                return 0;
            }
            VISIT_SEQ(st, stmt, m->body);
        }
        break;
    case Raise_kind:
        if (s->v.Raise.exc) {
            ok = visit_expr(st, s->v.Raise.exc);
            if (ok && s->v.Raise.cause) {
                ok = visit_expr(st, s->v.Raise.cause);
            }
        }
        break;
    case Try_kind:
    case TryStar_kind:
        VISIT_SEQ(st, stmt, s->v.Try.body);
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.Try.handlers); i++) {
            excepthandler_ty h = asdl_seq_GET(s->v.Try.handlers, i);
            if (h->v.ExceptHandler.type && !visit_expr(st, h->v.ExceptHandler.type)) {
                return 0;
            }
            if (h->v.ExceptHandler.name &&
                !add_def(st, h->v.ExceptHandler.name, DEF_LOCAL, LOC(h))) {
                return 0;
            }
            VISIT_SEQ(st, stmt, h->v.ExceptHandler.body);
        }
        VISIT_SEQ(st, stmt, s->v.Try.orelse);
        VISIT_SEQ(st, stmt, s->v.Try.finalbody);
        break;
    case Assert_kind:
        ok = visit_expr(st, s->v.Assert.test);
        if (ok && s->v.Assert.msg) {
            ok = visit_expr(st, s->v.Assert.msg);
        }
        break;
    case Import_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.Import.names); i++) {
            if (!visit_alias(st, asdl_seq_GET(s->v.Import.names, i))) {
                return 0;
            }
        }
        break;
    case ImportFrom_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.ImportFrom.names); i++) {
            if (!visit_alias(st, asdl_seq_GET(s->v.ImportFrom.names, i))) {
                return 0;
            }
        }
        break;
    case Global_kind:
        ok = visit_global_or_nonlocal(st, s, 1);
        break;
    case Nonlocal_kind:
        ok = visit_global_or_nonlocal(st, s, 0);
        break;
    case Expr_kind:
        ok = visit_expr(st, s->v.Expr.value);
        break;
    case Pass_kind:
    case Break_kind:
    case Continue_kind:
        break;
    }
    st->recursion_depth--;
    return ok;
}

/* `x := v` inside a comprehension binds x in the nearest enclosing non-comprehension
 * scope. */
static int
extend_namedexpr_scope(struct symtable *st, expr_ty target)
{
    PyObject *name = target->v.Name.id;
    Py_ssize_t n = PyList_GET_SIZE(st->st_stack);
    for (Py_ssize_t i = n; i >= 0; i--) {
        PySTEntryObject *ste = i == n ? st->st_cur
                                      : (PySTEntryObject *)PyList_GET_ITEM(st->st_stack, i);
        if (ste->ste_comprehension) {
            long flags = _PyST_GetSymbol(ste, name);
            if (flags & DEF_COMP_ITER) {
                return st_error(st, LOC(target),
                                "assignment expression cannot rebind comprehension "
                                "iteration variable '%U'", name);
            }
            continue;
        }
        if (ste->ste_type == FunctionBlock) {
            long flags = _PyST_GetSymbol(ste, name);
            if (flags & DEF_GLOBAL) {
                return add_def(st, name, DEF_GLOBAL, LOC(target)) &&
                       add_def_in(st, ste, name, DEF_LOCAL, LOC(target));
            }
            return add_def(st, name, DEF_NONLOCAL, LOC(target)) &&
                   add_def_in(st, ste, name, DEF_LOCAL, LOC(target));
        }
        if (ste->ste_type == ModuleBlock) {
            return add_def(st, name, DEF_GLOBAL, LOC(target)) &&
                   add_def_in(st, ste, name, DEF_GLOBAL, LOC(target));
        }
        if (ste->ste_type == ClassBlock) {
            return st_error(st, LOC(target),
                            "assignment expression within a comprehension cannot be used in "
                            "a class body", NULL);
        }
        return st_error(st, LOC(target),
                        "assignment expression within a comprehension cannot be used "
                        "within the definition of a generic", NULL);
    }
    return 1;
}

static int
visit_comprehension_expr(struct symtable *st, expr_ty e, PyObject *scope_name,
                         asdl_comprehension_seq *generators, expr_ty elt, expr_ty value,
                         _Py_comprehension_ty kind)
{
    comprehension_ty outermost = asdl_seq_GET(generators, 0);
    /* The first iterable is evaluated in the enclosing scope. */
    st->st_cur->ste_comp_iter_expr++;
    int ok = visit_expr(st, outermost->iter);
    st->st_cur->ste_comp_iter_expr--;
    if (!ok) {
        return 0;
    }
    if (!enter_block(st, scope_name, FunctionBlock, (void *)e, LOC(e))) {
        return 0;
    }
    PySTEntryObject *comp = st->st_cur;
    comp->ste_comprehension = kind;
    if (outermost->is_async) {
        comp->ste_coroutine = 1;
    }
    if (!add_def(st, _Py_ID(.0), DEF_PARAM, LOC(e))) {
        return 0;
    }
    comp->ste_comp_iter_target = 1;
    ok = visit_expr(st, outermost->target);
    comp->ste_comp_iter_target = 0;
    if (!ok) {
        return 0;
    }
    VISIT_SEQ(st, expr, outermost->ifs);
    for (Py_ssize_t i = 1; i < asdl_seq_LEN(generators); i++) {
        comprehension_ty g = asdl_seq_GET(generators, i);
        comp->ste_comp_iter_target = 1;
        ok = visit_expr(st, g->target);
        comp->ste_comp_iter_target = 0;
        if (!ok) {
            return 0;
        }
        comp->ste_comp_iter_expr++;
        ok = visit_expr(st, g->iter);
        comp->ste_comp_iter_expr--;
        if (!ok) {
            return 0;
        }
        VISIT_SEQ(st, expr, g->ifs);
        if (g->is_async) {
            comp->ste_coroutine = 1;
        }
    }
    if (value && !visit_expr(st, value)) {
        return 0;
    }
    if (!visit_expr(st, elt)) {
        return 0;
    }
    if (kind == GeneratorExpression) {
        comp->ste_generator = 1;
    }
    int is_async = comp->ste_coroutine;
    if (!exit_block(st)) {
        return 0;
    }
    /* "asynchronous comprehension outside of an asynchronous function" is raised by the
     * compiler, which knows about top-level await.  An async comprehension makes an
     * enclosing comprehension asynchronous too. */
    if (is_async && kind != GeneratorExpression && st->st_cur->ste_comprehension) {
        st->st_cur->ste_coroutine = 1;
    }
    return 1;
}

/* "yield expression cannot be used within a TypeVar bound" and friends. */
static int
scope_info_error(struct symtable *st, expr_ty e, const char *what)
{
    PyObject *msg = PyUnicode_FromFormat("%s cannot be used within %s", what,
                                         st->st_cur->ste_scope_info);
    if (msg == NULL) {
        return 0;
    }
    st_error(st, LOC(e), "%U", msg);
    Py_DECREF(msg);
    return 0;
}

static int
visit_expr(struct symtable *st, expr_ty e)
{
    if (++st->recursion_depth > st->recursion_limit) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        return 0;
    }
    int ok = 1;
    switch (e->kind) {
    case NamedExpr_kind:
        if (st->st_cur->ste_scope_info != NULL) {
            return scope_info_error(st, e, "named expression");
        }
        if (st->st_cur->ste_comp_iter_expr > 0) {
            return st_error(st, LOC(e), "assignment expression cannot be used in a "
                            "comprehension iterable expression", NULL);
        }
        if (st->st_cur->ste_comprehension) {
            if (!extend_namedexpr_scope(st, e->v.NamedExpr.target)) {
                return 0;
            }
        }
        ok = visit_expr(st, e->v.NamedExpr.value) && visit_expr(st, e->v.NamedExpr.target);
        break;
    case BoolOp_kind:
        VISIT_SEQ(st, expr, e->v.BoolOp.values);
        break;
    case BinOp_kind:
        ok = visit_expr(st, e->v.BinOp.left) && visit_expr(st, e->v.BinOp.right);
        break;
    case UnaryOp_kind:
        ok = visit_expr(st, e->v.UnaryOp.operand);
        break;
    case Lambda_kind: {
        if (!visit_defaults(st, e->v.Lambda.args)) {
            return 0;
        }
        if (!enter_block(st, _Py_ID(<lambda>), FunctionBlock, (void *)e, LOC(e))) {
            return 0;
        }
        ok = visit_arguments(st, e->v.Lambda.args) && visit_expr(st, e->v.Lambda.body) &&
             exit_block(st);
        break;
    }
    case IfExp_kind:
        ok = visit_expr(st, e->v.IfExp.test) && visit_expr(st, e->v.IfExp.body) &&
             visit_expr(st, e->v.IfExp.orelse);
        break;
    case Dict_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Dict.keys); i++) {
            expr_ty k = asdl_seq_GET(e->v.Dict.keys, i);
            if (k != NULL && !visit_expr(st, k)) {
                return 0;
            }
        }
        VISIT_SEQ(st, expr, e->v.Dict.values);
        break;
    case Set_kind:
        VISIT_SEQ(st, expr, e->v.Set.elts);
        break;
    case ListComp_kind:
        ok = visit_comprehension_expr(st, e, _Py_ID(<listcomp>), e->v.ListComp.generators,
                                      e->v.ListComp.elt, NULL, ListComprehension);
        break;
    case SetComp_kind:
        ok = visit_comprehension_expr(st, e, _Py_ID(<setcomp>), e->v.SetComp.generators,
                                      e->v.SetComp.elt, NULL, SetComprehension);
        break;
    case DictComp_kind:
        ok = visit_comprehension_expr(st, e, _Py_ID(<dictcomp>), e->v.DictComp.generators,
                                      e->v.DictComp.key, e->v.DictComp.value,
                                      DictComprehension);
        break;
    case GeneratorExp_kind:
        ok = visit_comprehension_expr(st, e, _Py_ID(<genexpr>),
                                      e->v.GeneratorExp.generators, e->v.GeneratorExp.elt,
                                      NULL, GeneratorExpression);
        break;
    case Yield_kind:
    case YieldFrom_kind: {
        expr_ty v = e->kind == Yield_kind ? e->v.Yield.value : e->v.YieldFrom.value;
        if (v && !visit_expr(st, v)) {
            return 0;
        }
        PySTEntryObject *cur = st->st_cur;
        if (cur->ste_comprehension) {
            static const char *const kinds[] = {
                "", "list comprehension", "dict comprehension", "set comprehension",
                "generator expression"
            };
            PyObject *msg = PyUnicode_FromFormat("'%s' inside %s",
                                                 e->kind == Yield_kind ? "yield" : "yield from",
                                                 kinds[cur->ste_comprehension]);
            if (msg != NULL) {
                st_error(st, LOC(e), "%U", msg);
                Py_DECREF(msg);
            }
            return 0;
        }
        if (cur->ste_scope_info != NULL) {
            return scope_info_error(st, e, "yield expression");
        }
        cur->ste_generator = 1;
        break;
    }
    case Await_kind:
        if (st->st_cur->ste_scope_info != NULL) {
            return scope_info_error(st, e, "await expression");
        }
        if (!visit_expr(st, e->v.Await.value)) {
            return 0;
        }
        if (st->st_cur->ste_comprehension) {
            st->st_cur->ste_coroutine = 1;
        }
        break;
    case Compare_kind:
        ok = visit_expr(st, e->v.Compare.left);
        VISIT_SEQ(st, expr, e->v.Compare.comparators);
        break;
    case Call_kind:
        ok = visit_expr(st, e->v.Call.func);
        VISIT_SEQ(st, expr, e->v.Call.args);
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(e->v.Call.keywords); i++) {
            keyword_ty k = asdl_seq_GET(e->v.Call.keywords, i);
            ok = visit_expr(st, k->value);
        }
        break;
    case FormattedValue_kind:
        ok = visit_expr(st, e->v.FormattedValue.value);
        if (ok && e->v.FormattedValue.format_spec) {
            ok = visit_expr(st, e->v.FormattedValue.format_spec);
        }
        break;
    case JoinedStr_kind:
        VISIT_SEQ(st, expr, e->v.JoinedStr.values);
        break;
    case Constant_kind:
        break;
    case Attribute_kind:
        ok = visit_expr(st, e->v.Attribute.value);
        break;
    case Subscript_kind:
        ok = visit_expr(st, e->v.Subscript.value) && visit_expr(st, e->v.Subscript.slice);
        break;
    case Starred_kind:
        ok = visit_expr(st, e->v.Starred.value);
        break;
    case Slice_kind:
        if (e->v.Slice.lower) {
            ok = ok && visit_expr(st, e->v.Slice.lower);
        }
        if (e->v.Slice.upper) {
            ok = ok && visit_expr(st, e->v.Slice.upper);
        }
        if (e->v.Slice.step) {
            ok = ok && visit_expr(st, e->v.Slice.step);
        }
        break;
    case Name_kind:
        ok = add_def(st, e->v.Name.id, e->v.Name.ctx == Load ? USE : DEF_LOCAL, LOC(e));
        if (ok && e->v.Name.ctx == Load && st->st_cur->ste_type == FunctionBlock &&
            PyUnicode_CompareWithASCIIString(e->v.Name.id, "super") == 0) {
            /* Zero-argument super() needs the __class__ cell. */
            ok = add_def(st, _Py_ID(__class__), USE, LOC(e));
        }
        break;
    case List_kind:
        VISIT_SEQ(st, expr, e->v.List.elts);
        break;
    case Tuple_kind:
        VISIT_SEQ(st, expr, e->v.Tuple.elts);
        break;
    }
    st->recursion_depth--;
    return ok;
}

static int
visit_pattern(struct symtable *st, pattern_ty p)
{
    switch (p->kind) {
    case MatchValue_kind:
        return visit_expr(st, p->v.MatchValue.value);
    case MatchSingleton_kind:
        return 1;
    case MatchSequence_kind:
        VISIT_SEQ(st, pattern, p->v.MatchSequence.patterns);
        return 1;
    case MatchStar_kind:
        if (p->v.MatchStar.name) {
            return add_def(st, p->v.MatchStar.name, DEF_LOCAL, LOC(p));
        }
        return 1;
    case MatchMapping_kind:
        VISIT_SEQ(st, expr, p->v.MatchMapping.keys);
        VISIT_SEQ(st, pattern, p->v.MatchMapping.patterns);
        if (p->v.MatchMapping.rest) {
            return add_def(st, p->v.MatchMapping.rest, DEF_LOCAL, LOC(p));
        }
        return 1;
    case MatchClass_kind:
        if (!visit_expr(st, p->v.MatchClass.cls)) {
            return 0;
        }
        VISIT_SEQ(st, pattern, p->v.MatchClass.patterns);
        VISIT_SEQ(st, pattern, p->v.MatchClass.kwd_patterns);
        return 1;
    case MatchAs_kind:
        if (p->v.MatchAs.pattern && !visit_pattern(st, p->v.MatchAs.pattern)) {
            return 0;
        }
        if (p->v.MatchAs.name) {
            return add_def(st, p->v.MatchAs.name, DEF_LOCAL, LOC(p));
        }
        return 1;
    case MatchOr_kind:
        VISIT_SEQ(st, pattern, p->v.MatchOr.patterns);
        return 1;
    }
    return 1;
}

/* ---- the analysis pass -------------------------------------------------------------------- */

/* Add every item of set `other` to set.  Return 0 or -1. */
static int
set_update(PyObject *set, PyObject *other)
{
    Py_ssize_t pos = 0;
    PyObject *item;
    Py_hash_t hash;
    while (_PySet_NextEntry(other, &pos, &item, &hash)) {
        if (PySet_Add(set, item) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
set_scope(PyObject *scopes, PyObject *name, int scope)
{
    PyObject *v = PyLong_FromLong(scope);
    if (v == NULL) {
        return 0;
    }
    int r = PyDict_SetItem(scopes, name, v);
    Py_DECREF(v);
    return r == 0;
}

/* Find the directive location for name in ste (for error messages). */
static void
directive_location(PySTEntryObject *ste, PyObject *name, int *loc)
{
    loc[0] = ste->ste_lineno;
    loc[1] = ste->ste_col_offset;
    loc[2] = ste->ste_end_lineno;
    loc[3] = ste->ste_end_col_offset;
    if (ste->ste_directives == NULL) {
        return;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(ste->ste_directives); i++) {
        PyObject *t = PyList_GET_ITEM(ste->ste_directives, i);
        if (PyUnicode_Compare(PyTuple_GET_ITEM(t, 0), name) == 0) {
            for (int k = 0; k < 4; k++) {
                loc[k] = (int)PyLong_AsLong(PyTuple_GET_ITEM(t, k + 1));
            }
            return;
        }
    }
}

static int
analyze_name(PySTEntryObject *ste, PyObject *scopes, PyObject *name, long flags,
             PyObject *bound, PyObject *local, PyObject *free, PyObject *global,
             PyObject *class_entry_bound)
{
    (void)class_entry_bound;
    if (flags & DEF_GLOBAL) {
        if (flags & DEF_NONLOCAL) {
            int loc[4];
            directive_location(ste, name, loc);
            return st_error(ste->ste_table, loc[0], loc[1], loc[2], loc[3],
                            "name '%U' is nonlocal and global", name);
        }
        if (!set_scope(scopes, name, GLOBAL_EXPLICIT) || PySet_Add(global, name) < 0) {
            return 0;
        }
        if (bound && PySet_Discard(bound, name) < 0) {
            return 0;
        }
        return 1;
    }
    if (flags & DEF_NONLOCAL) {
        int contains = bound ? PySet_Contains(bound, name) : 0;
        if (contains < 0) {
            return 0;
        }
        if (!contains) {
            int loc[4];
            directive_location(ste, name, loc);
            return st_error(ste->ste_table, loc[0], loc[1], loc[2], loc[3],
                            "no binding for nonlocal '%U' found", name);
        }
        if (!set_scope(scopes, name, FREE) || PySet_Add(free, name) < 0) {
            return 0;
        }
        return 1;
    }
    if (flags & DEF_BOUND) {
        if (!set_scope(scopes, name, LOCAL) || PySet_Add(local, name) < 0 ||
            PySet_Discard(global, name) < 0) {
            return 0;
        }
        if (flags & DEF_TYPE_PARAM) {
            /* Type parameters are never global. */
        }
        return 1;
    }
    int in_bound = bound ? PySet_Contains(bound, name) : 0;
    if (in_bound < 0) {
        return 0;
    }
    if (in_bound) {
        if (!set_scope(scopes, name, FREE) || PySet_Add(free, name) < 0) {
            return 0;
        }
        return 1;
    }
    return set_scope(scopes, name, GLOBAL_IMPLICIT);
}

/* Locals of a function scope that children use freely become cells. */
static int
analyze_cells(PyObject *scopes, PyObject *free)
{
    PyObject *name, *v;
    PyObject *keys = PyDict_Keys(scopes);
    if (keys == NULL) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(keys); i++) {
        name = PyList_GET_ITEM(keys, i);
        v = PyDict_GetItemWithError(scopes, name);
        if (v == NULL || PyLong_AsLong(v) != LOCAL) {
            continue;
        }
        int c = PySet_Contains(free, name);
        if (c < 0) {
            Py_DECREF(keys);
            return 0;
        }
        if (!c) {
            continue;
        }
        if (!set_scope(scopes, name, CELL) || PySet_Discard(free, name) < 0) {
            Py_DECREF(keys);
            return 0;
        }
    }
    Py_DECREF(keys);
    return 1;
}

/* Write the scopes into the entry's symbols, and add the names children need from
 * enclosing scopes as implicit FREE names ("pass-through"). */
static int
update_symbols(PyObject *symbols, PyObject *scopes, PyObject *bound, PyObject *free,
               int is_class)
{
    PyObject *keys = PyDict_Keys(symbols);
    if (keys == NULL) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(keys); i++) {
        PyObject *name = PyList_GET_ITEM(keys, i);
        long flags = PyLong_AsLong(PyDict_GetItemWithError(symbols, name));
        PyObject *sv = PyDict_GetItemWithError(scopes, name);
        long scope = sv ? PyLong_AsLong(sv) : 0;
        PyObject *v = PyLong_FromLong(flags | (scope << SCOPE_OFFSET));
        if (v == NULL || PyDict_SetItem(symbols, name, v) < 0) {
            Py_XDECREF(v);
            Py_DECREF(keys);
            return 0;
        }
        Py_DECREF(v);
    }
    Py_DECREF(keys);

    /* Iterate over a snapshot: the loop body does not touch `free`. */
    Py_ssize_t spos = 0;
    PyObject *name;
    Py_hash_t hash;
    while (_PySet_NextEntry(free, &spos, &name, &hash)) {
        PyObject *v = PyDict_GetItemWithError(symbols, name);
        if (v != NULL) {
            long flags = PyLong_AsLong(v);
            if (is_class && (flags & (DEF_BOUND | DEF_GLOBAL))) {
                PyObject *nv = PyLong_FromLong(flags | DEF_FREE_CLASS);
                if (nv == NULL || PyDict_SetItem(symbols, name, nv) < 0) {
                    Py_XDECREF(nv);
                    return 0;
                }
                Py_DECREF(nv);
            }
            continue;
        }
        if (PyErr_Occurred()) {
            return 0;
        }
        int c = bound ? PySet_Contains(bound, name) : 0;
        if (c < 0) {
            return 0;
        }
        if (c) {
            PyObject *nv = PyLong_FromLong((long)FREE << SCOPE_OFFSET);
            if (nv == NULL || PyDict_SetItem(symbols, name, nv) < 0) {
                Py_XDECREF(nv);
                return 0;
            }
            Py_DECREF(nv);
        }
    }
    return 1;
}

/* PEP 709: list, set and dict comprehensions run inline in the function that contains
 * them.  This compiler inlines a comprehension without nested scopes of its own (after
 * its own inlined comprehensions are merged) directly inside a function, a class body or
 * at module level; an asynchronous one only inside a coroutine function.  The others stay
 * functions. */
static int
can_inline_comprehension(PySTEntryObject *ste, PySTEntryObject *comp)
{
    if (comp->ste_comprehension == NoComprehension ||
        comp->ste_comprehension == GeneratorExpression || comp->ste_generator ||
        PyList_GET_SIZE(comp->ste_children) != 0 || ste->ste_can_see_class_scope) {
        return 0;
    }
    if (comp->ste_coroutine) {
        /* async comprehensions run inline only in a coroutine (an async function, or a
         * comprehension inlined into one); elsewhere they are an error or need a
         * coroutine of their own. */
        return ste->ste_type == FunctionBlock && ste->ste_coroutine && !ste->ste_generator;
    }
    if (ste->ste_type == FunctionBlock || ste->ste_type == ModuleBlock) {
        return 1;
    }
    if (ste->ste_type != ClassBlock) {
        return 0;
    }
    /* In a class body, __class__ (zero-argument super()) would have to cross the class
     * scope: keep such comprehensions as functions. */
    int has_class = PyDict_Contains(comp->ste_symbols, _Py_ID(__class__));
    int has_classdict = PyDict_Contains(comp->ste_symbols, _Py_ID(__classdict__));
    if (has_class < 0 || has_classdict < 0) {
        PyErr_Clear();
        return 0;
    }
    return !has_class && !has_classdict;
}

/* Merge the names of an inlined comprehension into its parent: names new to the parent
 * are copied with their scope; names the parent binds need no cell for the comprehension
 * any more (they are plain locals of the same frame). */
static int
inline_comprehension(PySTEntryObject *ste, PySTEntryObject *comp, PyObject *scopes,
                     PyObject *comp_free)
{
    Py_ssize_t pos = 0;
    PyObject *name, *v;
    while (PyDict_Next(comp->ste_symbols, &pos, &name, &v)) {
        long flags = PyLong_AsLong(v);
        if (flags & DEF_PARAM) {
            continue;   /* .0 */
        }
        int scope = (int)((flags >> SCOPE_OFFSET) & 0xf);
        long only_flags = flags & ((1L << SCOPE_OFFSET) - 1);
        PyObject *existing = PyDict_GetItemWithError(ste->ste_symbols, name);
        if (existing == NULL) {
            if (PyErr_Occurred()) {
                return 0;
            }
            PyObject *nv = PyLong_FromLong(only_flags);
            if (nv == NULL || PyDict_SetItem(ste->ste_symbols, name, nv) < 0) {
                Py_XDECREF(nv);
                return 0;
            }
            Py_DECREF(nv);
            if (!set_scope(scopes, name, scope)) {
                return 0;
            }
        }
        else if ((PyLong_AsLong(existing) & DEF_BOUND) && ste->ste_type != ClassBlock) {
            if (PySet_Discard(comp_free, name) < 0) {
                return 0;
            }
        }
    }
    return 1;
}

/* Analyze ste given the names bound in enclosing function scopes (bound) and the names
 * known global (global).  Add the scope's free names to `free`. */
static int
analyze_block(PySTEntryObject *ste, PyObject *bound, PyObject *free, PyObject *global,
              PySTEntryObject *class_entry)
{
    PyObject *local = PySet_New(NULL), *scopes = PyDict_New();
    PyObject *newglobal = PySet_New(NULL), *newfree = PySet_New(NULL);
    PyObject *newbound = PySet_New(NULL);
    int ok = 0;
    if (!local || !scopes || !newglobal || !newfree || !newbound) {
        goto done;
    }
    if (ste->ste_type == ClassBlock) {
        if (set_update(newglobal, global) < 0 ||
            (bound && set_update(newbound, bound) < 0)) {
            goto done;
        }
    }
    Py_ssize_t pos = 0;
    PyObject *name, *v;
    while (PyDict_Next(ste->ste_symbols, &pos, &name, &v)) {
        long flags = PyLong_AsLong(v);
        if (!analyze_name(ste, scopes, name, flags, bound, local, free, global, NULL)) {
            goto done;
        }
    }
    if (ste->ste_type != ClassBlock) {
        if (_PyST_IsFunctionLike(ste) && set_update(newbound, local) < 0) {
            goto done;
        }
        if (bound && set_update(newbound, bound) < 0) {
            goto done;
        }
        if (set_update(newglobal, global) < 0) {
            goto done;
        }
    }
    else {
        if (PySet_Add(newbound, _Py_ID(__class__)) < 0 ||
            PySet_Add(newbound, _Py_ID(__classdict__)) < 0) {
            goto done;
        }
    }

    PySTEntryObject *new_class_entry =
        ste->ste_type == ClassBlock ? ste : (ste->ste_can_see_class_scope ? class_entry : NULL);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(ste->ste_children); i++) {
        PySTEntryObject *child = (PySTEntryObject *)PyList_GET_ITEM(ste->ste_children, i);
        PyObject *child_bound = PySet_New(newbound);
        PyObject *child_global = PySet_New(newglobal);
        PyObject *child_free = PySet_New(NULL);
        if (child_bound == NULL || child_global == NULL || child_free == NULL) {
            Py_XDECREF(child_bound);
            Py_XDECREF(child_global);
            Py_XDECREF(child_free);
            goto done;
        }
        int r = analyze_block(child, child_bound, child_free, child_global, new_class_entry);
        if (r && can_inline_comprehension(ste, child)) {
            r = inline_comprehension(ste, child, scopes, child_free);
            child->ste_comp_inlined = 1;
        }
        if (r && set_update(newfree, child_free) < 0) {
            r = 0;
        }
        Py_DECREF(child_bound);
        Py_DECREF(child_global);
        Py_DECREF(child_free);
        if (!r) {
            goto done;
        }
    }

    /* Inlined comprehensions are no longer scopes of their own (they have no children:
     * see can_inline_comprehension). */
    for (Py_ssize_t i = PyList_GET_SIZE(ste->ste_children) - 1; i >= 0; i--) {
        PySTEntryObject *child = (PySTEntryObject *)PyList_GET_ITEM(ste->ste_children, i);
        if (child->ste_comp_inlined &&
            PyList_SetSlice(ste->ste_children, i, i + 1, NULL) < 0) {
            goto done;
        }
    }
    if (_PyST_IsFunctionLike(ste) && !analyze_cells(scopes, newfree)) {
        goto done;
    }
    if (ste->ste_type == ClassBlock) {
        int c = PySet_Contains(newfree, _Py_ID(__class__));
        if (c < 0) {
            goto done;
        }
        if (c) {
            ste->ste_needs_class_closure = 1;
            if (PySet_Discard(newfree, _Py_ID(__class__)) < 0) {
                goto done;
            }
        }
        c = PySet_Contains(newfree, _Py_ID(__classdict__));
        if (c < 0) {
            goto done;
        }
        if (c) {
            ste->ste_needs_classdict = 1;
            if (PySet_Discard(newfree, _Py_ID(__classdict__)) < 0) {
                goto done;
            }
        }
    }
    if (!update_symbols(ste->ste_symbols, scopes, bound, newfree,
                        ste->ste_type == ClassBlock)) {
        goto done;
    }
    /* This block's own free names went to `free` in analyze_name; the children's free
     * names that no scope here resolved (pass-through, and names a class binds for
     * itself) go up too. */
    if (set_update(free, newfree) < 0) {
        goto done;
    }
    ok = 1;
done:
    Py_XDECREF(local);
    Py_XDECREF(scopes);
    Py_XDECREF(newglobal);
    Py_XDECREF(newfree);
    Py_XDECREF(newbound);
    return ok;
}

/* ---- entry points ------------------------------------------------------------------------- */

void
_PySymtable_Free(struct symtable *st)
{
    if (st == NULL) {
        return;
    }
    Py_XDECREF(st->st_filename);
    Py_XDECREF(st->st_blocks);
    Py_XDECREF(st->st_stack);
    PyMem_Free(st);
}

struct symtable *
_PySymtable_Build(mod_ty mod, PyObject *filename, int future_features)
{
    struct symtable *st = PyMem_Calloc(1, sizeof(struct symtable));
    if (st == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    st->st_filename = Py_NewRef(filename);
    st->st_blocks = PyDict_New();
    st->st_stack = PyList_New(0);
    st->st_future_features = future_features;
    st->recursion_limit = MAX_NESTING;
    if (st->st_blocks == NULL || st->st_stack == NULL) {
        _PySymtable_Free(st);
        return NULL;
    }
    if (!enter_block(st, _Py_ID(top), ModuleBlock, (void *)mod, 0, 0, 0, 0)) {
        _PySymtable_Free(st);
        return NULL;
    }
    st->st_top = st->st_cur;
    int ok = 1;
    switch (mod->kind) {
    case Module_kind:
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(mod->v.Module.body); i++) {
            ok = visit_stmt(st, asdl_seq_GET(mod->v.Module.body, i));
        }
        break;
    case Interactive_kind:
        for (Py_ssize_t i = 0; ok && i < asdl_seq_LEN(mod->v.Interactive.body); i++) {
            ok = visit_stmt(st, asdl_seq_GET(mod->v.Interactive.body, i));
        }
        break;
    case Expression_kind:
        ok = visit_expr(st, mod->v.Expression.body);
        break;
    case FunctionType_kind:
        PyErr_SetString(PyExc_RuntimeError, "this compiler does not handle FunctionTypes");
        ok = 0;
        break;
    }
    if (ok) {
        st->st_cur = NULL;
        PyObject *free = PySet_New(NULL), *global = PySet_New(NULL);
        ok = free != NULL && global != NULL &&
             analyze_block(st->st_top, NULL, free, global, NULL);
        Py_XDECREF(free);
        Py_XDECREF(global);
    }
    if (!ok) {
        _PySymtable_Free(st);
        return NULL;
    }
    return st;
}
