/* AST optimizer: constant folding, in place, before the symbol table is built.
 *
 * Conservative by design: an operation is folded only when both operands are constants,
 * the result is an immutable constant, and its size stays within CPython's limits (so
 * `2**10000000` or `'x' * 10**9` are left for run time).  Any exception raised while
 * folding (ZeroDivisionError, OverflowError, ...) is cleared and the expression is left
 * alone: the error then happens at run time, where it belongs.  Also: tuples of constants
 * become constant tuples; `x in [consts]` and `for x in [consts]` use a tuple. */

#include "Python.h"
#include "internal/pycore_ast.h"
#include "internal/pycore_compile.h"

#define MAX_INT_SIZE 128          /* bits */
#define MAX_COLLECTION_SIZE 256
#define MAX_STR_SIZE 4096
#define MAX_TOTAL_ITEMS 1024

typedef struct {
    PyArena *arena;
    int optimize;
    int ff_features;
    int depth;
} opt_state;

static int fold_expr(expr_ty e, opt_state *st);
static int fold_stmt(stmt_ty s, opt_state *st);
static int fold_pattern(pattern_ty p, opt_state *st);

/* Turn e into a Constant holding value (steals a reference).  Return 1, or 0 on error. */
static int
make_const(expr_ty e, PyObject *value, opt_state *st)
{
    if (value == NULL) {
        if (PyErr_ExceptionMatches(PyExc_KeyboardInterrupt)) {
            return 0;
        }
        PyErr_Clear();
        return 1;
    }
    if (_PyArena_AddPyObject(st->arena, value) < 0) {
        Py_DECREF(value);
        return 0;
    }
    e->kind = Constant_kind;
    e->v.Constant.value = value;
    e->v.Constant.kind = NULL;
    return 1;
}

#define CONST(e) ((e)->v.Constant.value)

static Py_ssize_t
int_bits(PyObject *v)
{
    if (!PyLong_CheckExact(v)) {
        return 0;
    }
    int64_t bits = (int64_t)_PyLong_NumBits(v);
    return bits < 0 ? PY_SSIZE_T_MAX : (Py_ssize_t)bits;
}

/* Would v * w (sequence repetition or int product) be too big? */
static PyObject *
safe_multiply(PyObject *v, PyObject *w)
{
    if (PyLong_CheckExact(v) && PyLong_CheckExact(w)) {
        Py_ssize_t vb = int_bits(v), wb = int_bits(w);
        if (vb && wb && vb + wb > MAX_INT_SIZE) {
            return NULL;
        }
    }
    else if (PyLong_CheckExact(v) && (PyTuple_CheckExact(w) || PyUnicode_CheckExact(w) ||
                                      PyBytes_CheckExact(w))) {
        Py_ssize_t size = PyObject_Size(w);
        if (size < 0) {
            return NULL;
        }
        long n = PyLong_AsLong(v);
        if (n == -1 && PyErr_Occurred()) {
            return NULL;
        }
        long limit = PyTuple_CheckExact(w) ? MAX_COLLECTION_SIZE : MAX_STR_SIZE;
        if (n < 0) {
            n = 0;
        }
        if (size && n > limit / size) {
            return NULL;
        }
        if (PyTuple_CheckExact(w) && n * size > MAX_TOTAL_ITEMS) {
            return NULL;
        }
    }
    else if (PyLong_CheckExact(w) && (PyTuple_CheckExact(v) || PyUnicode_CheckExact(v) ||
                                      PyBytes_CheckExact(v))) {
        return safe_multiply(w, v);
    }
    return PyNumber_Multiply(v, w);
}

static PyObject *
safe_power(PyObject *v, PyObject *w)
{
    if (PyLong_CheckExact(v) && PyLong_CheckExact(w)) {
        int overflow = 0;
        long wl = PyLong_AsLongAndOverflow(w, &overflow);
        if (wl == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (overflow) {
            return NULL;
        }
        Py_ssize_t vb = int_bits(v);
        if (wl > 0 && vb > 1 && (size_t)wl > MAX_INT_SIZE / (size_t)vb) {
            return NULL;
        }
    }
    return PyNumber_Power(v, w, Py_None);
}

static PyObject *
safe_lshift(PyObject *v, PyObject *w)
{
    if (PyLong_CheckExact(v) && PyLong_CheckExact(w)) {
        long wl = PyLong_AsLong(w);
        if (wl == -1 && PyErr_Occurred()) {
            return NULL;
        }
        Py_ssize_t vb = int_bits(v);
        if (wl < 0 || (vb && wl > MAX_INT_SIZE) || (vb && vb + wl > MAX_INT_SIZE)) {
            return NULL;
        }
    }
    return PyNumber_Lshift(v, w);
}

static PyObject *
safe_mod(PyObject *v, PyObject *w)
{
    if (PyUnicode_Check(v) || PyBytes_Check(v)) {
        return NULL;    /* formatting: left to run time */
    }
    return PyNumber_Remainder(v, w);
}

static int
is_foldable_operand(PyObject *o)
{
    return PyLong_CheckExact(o) || PyFloat_CheckExact(o) || PyComplex_CheckExact(o) ||
           PyUnicode_CheckExact(o) || PyBytes_CheckExact(o) || PyTuple_CheckExact(o) ||
           PyBool_Check(o);
}

static int
fold_binop(expr_ty e, opt_state *st)
{
    expr_ty l = e->v.BinOp.left, r = e->v.BinOp.right;
    if (l->kind != Constant_kind || r->kind != Constant_kind) {
        return 1;
    }
    PyObject *lv = CONST(l), *rv = CONST(r);
    if (!is_foldable_operand(lv) || !is_foldable_operand(rv)) {
        return 1;
    }
    PyObject *result = NULL;
    switch (e->v.BinOp.op) {
    case Add: result = PyNumber_Add(lv, rv); break;
    case Sub: result = PyNumber_Subtract(lv, rv); break;
    case Mult: result = safe_multiply(lv, rv); break;
    case Div: result = PyNumber_TrueDivide(lv, rv); break;
    case FloorDiv: result = PyNumber_FloorDivide(lv, rv); break;
    case Mod: result = safe_mod(lv, rv); break;
    case Pow: result = safe_power(lv, rv); break;
    case LShift: result = safe_lshift(lv, rv); break;
    case RShift: result = PyNumber_Rshift(lv, rv); break;
    case BitOr: result = PyNumber_Or(lv, rv); break;
    case BitXor: result = PyNumber_Xor(lv, rv); break;
    case BitAnd: result = PyNumber_And(lv, rv); break;
    case MatMult: result = NULL; break;
    }
    if (result != NULL) {
        Py_ssize_t size = -1;
        if (PyUnicode_CheckExact(result) || PyBytes_CheckExact(result)) {
            size = PyObject_Size(result);
            if (size > MAX_STR_SIZE) {
                Py_DECREF(result);
                return 1;
            }
        }
        else if (PyTuple_CheckExact(result) && PyTuple_GET_SIZE(result) > MAX_COLLECTION_SIZE) {
            Py_DECREF(result);
            return 1;
        }
        else if (PyLong_CheckExact(result) && int_bits(result) > MAX_INT_SIZE) {
            Py_DECREF(result);
            return 1;
        }
    }
    if (result == NULL && !PyErr_Occurred()) {
        return 1;
    }
    return make_const(e, result, st);
}

static int
fold_unaryop(expr_ty e, opt_state *st)
{
    expr_ty arg = e->v.UnaryOp.operand;
    if (arg->kind != Constant_kind) {
        return 1;
    }
    PyObject *v = CONST(arg);
    PyObject *result = NULL;
    switch (e->v.UnaryOp.op) {
    case Not: {
        int r = PyObject_Not(v);
        if (r < 0) {
            PyErr_Clear();
            return 1;
        }
        result = Py_NewRef(r ? Py_True : Py_False);
        break;
    }
    case USub:
        if (!(PyLong_CheckExact(v) || PyFloat_CheckExact(v) || PyComplex_CheckExact(v))) {
            return 1;
        }
        result = PyNumber_Negative(v);
        break;
    case UAdd:
        if (!(PyLong_CheckExact(v) || PyFloat_CheckExact(v) || PyComplex_CheckExact(v))) {
            return 1;
        }
        result = PyNumber_Positive(v);
        break;
    case Invert:
        if (!PyLong_CheckExact(v)) {
            return 1;   /* ~True warns at run time */
        }
        result = PyNumber_Invert(v);
        break;
    }
    return make_const(e, result, st);
}

/* Return a new tuple of the constants in elts, or NULL (no exception) if any is not one. */
static PyObject *
make_const_tuple(asdl_expr_seq *elts)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
        expr_ty e = asdl_seq_GET(elts, i);
        if (e->kind != Constant_kind) {
            return NULL;
        }
    }
    PyObject *t = PyTuple_New(asdl_seq_LEN(elts));
    if (t == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
        PyTuple_SET_ITEM(t, i, Py_NewRef(CONST(asdl_seq_GET(elts, i))));
    }
    return t;
}

static int
fold_tuple(expr_ty e, opt_state *st)
{
    if (e->v.Tuple.ctx != Load) {
        return 1;
    }
    PyObject *t = make_const_tuple(e->v.Tuple.elts);
    if (t == NULL) {
        return PyErr_Occurred() ? 0 : 1;
    }
    return make_const(e, t, st);
}

/* A list or set display used only as a container to test or iterate: make it a tuple
 * (or frozenset) constant. */
static int
fold_iter(expr_ty arg, opt_state *st)
{
    PyObject *t = NULL;
    if (arg->kind == List_kind) {
        t = make_const_tuple(arg->v.List.elts);
    }
    else if (arg->kind == Set_kind) {
        PyObject *tup = make_const_tuple(arg->v.Set.elts);
        if (tup != NULL) {
            t = PyFrozenSet_New(tup);
            Py_DECREF(tup);
        }
    }
    else {
        return 1;
    }
    if (t == NULL) {
        if (PyErr_Occurred()) {
            PyErr_Clear();
        }
        return 1;
    }
    return make_const(arg, t, st);
}

#define FOLD_SEQ(kind, seq)                                                                \
    do {                                                                                   \
        for (Py_ssize_t _i = 0; _i < asdl_seq_LEN(seq); _i++) {                            \
            kind##_ty _e = asdl_seq_GET((seq), _i);                                        \
            if (_e != NULL && !fold_##kind(_e, st)) {                                      \
                return 0;                                                                  \
            }                                                                              \
        }                                                                                  \
    } while (0)

#define FOLD(kind, x)                                                                      \
    do {                                                                                   \
        if ((x) != NULL && !fold_##kind((x), st)) {                                        \
            return 0;                                                                      \
        }                                                                                  \
    } while (0)

static int
fold_arg(arg_ty a, opt_state *st)
{
    if (!(st->ff_features & CO_FUTURE_ANNOTATIONS)) {
        FOLD(expr, a->annotation);
    }
    return 1;
}

static int
fold_arguments(arguments_ty a, opt_state *st)
{
    FOLD_SEQ(arg, a->posonlyargs);
    FOLD_SEQ(arg, a->args);
    FOLD(arg, a->vararg);
    FOLD_SEQ(arg, a->kwonlyargs);
    FOLD_SEQ(expr, a->kw_defaults);
    FOLD(arg, a->kwarg);
    FOLD_SEQ(expr, a->defaults);
    return 1;
}

static int
fold_comprehension(comprehension_ty c, opt_state *st)
{
    FOLD(expr, c->target);
    FOLD(expr, c->iter);
    FOLD_SEQ(expr, c->ifs);
    return fold_iter(c->iter, st);
}

static int
fold_keyword(keyword_ty k, opt_state *st)
{
    FOLD(expr, k->value);
    return 1;
}

static int
fold_expr(expr_ty e, opt_state *st)
{
    if (++st->depth > 5000) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        return 0;
    }
    int ok = 1;
    switch (e->kind) {
    case BoolOp_kind:
        FOLD_SEQ(expr, e->v.BoolOp.values);
        break;
    case NamedExpr_kind:
        FOLD(expr, e->v.NamedExpr.value);
        break;
    case BinOp_kind:
        FOLD(expr, e->v.BinOp.left);
        FOLD(expr, e->v.BinOp.right);
        ok = fold_binop(e, st);
        break;
    case UnaryOp_kind:
        FOLD(expr, e->v.UnaryOp.operand);
        ok = fold_unaryop(e, st);
        break;
    case Lambda_kind:
        ok = fold_arguments(e->v.Lambda.args, st);
        FOLD(expr, e->v.Lambda.body);
        break;
    case IfExp_kind:
        FOLD(expr, e->v.IfExp.test);
        FOLD(expr, e->v.IfExp.body);
        FOLD(expr, e->v.IfExp.orelse);
        break;
    case Dict_kind:
        FOLD_SEQ(expr, e->v.Dict.keys);
        FOLD_SEQ(expr, e->v.Dict.values);
        break;
    case Set_kind:
        FOLD_SEQ(expr, e->v.Set.elts);
        break;
    case ListComp_kind:
        FOLD(expr, e->v.ListComp.elt);
        FOLD_SEQ(comprehension, e->v.ListComp.generators);
        break;
    case SetComp_kind:
        FOLD(expr, e->v.SetComp.elt);
        FOLD_SEQ(comprehension, e->v.SetComp.generators);
        break;
    case DictComp_kind:
        FOLD(expr, e->v.DictComp.key);
        FOLD(expr, e->v.DictComp.value);
        FOLD_SEQ(comprehension, e->v.DictComp.generators);
        break;
    case GeneratorExp_kind:
        FOLD(expr, e->v.GeneratorExp.elt);
        FOLD_SEQ(comprehension, e->v.GeneratorExp.generators);
        break;
    case Await_kind:
        FOLD(expr, e->v.Await.value);
        break;
    case Yield_kind:
        FOLD(expr, e->v.Yield.value);
        break;
    case YieldFrom_kind:
        FOLD(expr, e->v.YieldFrom.value);
        break;
    case Compare_kind:
        FOLD(expr, e->v.Compare.left);
        FOLD_SEQ(expr, e->v.Compare.comparators);
        if (asdl_seq_LEN(e->v.Compare.ops) > 0) {
            Py_ssize_t last = asdl_seq_LEN(e->v.Compare.ops) - 1;
            cmpop_ty op = (cmpop_ty)asdl_seq_GET(e->v.Compare.ops, last);
            if (op == In || op == NotIn) {
                ok = fold_iter(asdl_seq_GET(e->v.Compare.comparators, last), st);
            }
        }
        break;
    case Call_kind:
        FOLD(expr, e->v.Call.func);
        FOLD_SEQ(expr, e->v.Call.args);
        FOLD_SEQ(keyword, e->v.Call.keywords);
        break;
    case FormattedValue_kind:
        FOLD(expr, e->v.FormattedValue.value);
        FOLD(expr, e->v.FormattedValue.format_spec);
        break;
    case JoinedStr_kind:
        FOLD_SEQ(expr, e->v.JoinedStr.values);
        break;
    case Attribute_kind:
        FOLD(expr, e->v.Attribute.value);
        break;
    case Subscript_kind:
        FOLD(expr, e->v.Subscript.value);
        FOLD(expr, e->v.Subscript.slice);
        break;
    case Starred_kind:
        FOLD(expr, e->v.Starred.value);
        break;
    case Slice_kind:
        FOLD(expr, e->v.Slice.lower);
        FOLD(expr, e->v.Slice.upper);
        FOLD(expr, e->v.Slice.step);
        break;
    case List_kind:
        FOLD_SEQ(expr, e->v.List.elts);
        break;
    case Tuple_kind:
        FOLD_SEQ(expr, e->v.Tuple.elts);
        ok = fold_tuple(e, st);
        break;
    case Name_kind:
        if (e->v.Name.ctx == Load &&
            PyUnicode_CompareWithASCIIString(e->v.Name.id, "__debug__") == 0) {
            ok = make_const(e, Py_NewRef(st->optimize ? Py_False : Py_True), st);
        }
        break;
    case Constant_kind:
        break;
    }
    st->depth--;
    return ok;
}

static int
fold_withitem(withitem_ty w, opt_state *st)
{
    FOLD(expr, w->context_expr);
    FOLD(expr, w->optional_vars);
    return 1;
}

static int
fold_excepthandler(excepthandler_ty h, opt_state *st)
{
    FOLD(expr, h->v.ExceptHandler.type);
    FOLD_SEQ(stmt, h->v.ExceptHandler.body);
    return 1;
}

static int
fold_match_case(match_case_ty m, opt_state *st)
{
    FOLD(pattern, m->pattern);
    FOLD(expr, m->guard);
    FOLD_SEQ(stmt, m->body);
    return 1;
}

static int
fold_pattern(pattern_ty p, opt_state *st)
{
    switch (p->kind) {
    case MatchValue_kind:
        FOLD(expr, p->v.MatchValue.value);
        break;
    case MatchSingleton_kind:
    case MatchStar_kind:
        break;
    case MatchSequence_kind:
        FOLD_SEQ(pattern, p->v.MatchSequence.patterns);
        break;
    case MatchMapping_kind:
        FOLD_SEQ(expr, p->v.MatchMapping.keys);
        FOLD_SEQ(pattern, p->v.MatchMapping.patterns);
        break;
    case MatchClass_kind:
        FOLD(expr, p->v.MatchClass.cls);
        FOLD_SEQ(pattern, p->v.MatchClass.patterns);
        FOLD_SEQ(pattern, p->v.MatchClass.kwd_patterns);
        break;
    case MatchAs_kind:
        FOLD(pattern, p->v.MatchAs.pattern);
        break;
    case MatchOr_kind:
        FOLD_SEQ(pattern, p->v.MatchOr.patterns);
        break;
    }
    return 1;
}

static int
fold_type_param(type_param_ty tp, opt_state *st)
{
    switch (tp->kind) {
    case TypeVar_kind:
        FOLD(expr, tp->v.TypeVar.bound);
        FOLD(expr, tp->v.TypeVar.default_value);
        break;
    case ParamSpec_kind:
        FOLD(expr, tp->v.ParamSpec.default_value);
        break;
    case TypeVarTuple_kind:
        FOLD(expr, tp->v.TypeVarTuple.default_value);
        break;
    }
    return 1;
}

static int
fold_stmt(stmt_ty s, opt_state *st)
{
    if (++st->depth > 5000) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
        return 0;
    }
    int annotations = !(st->ff_features & CO_FUTURE_ANNOTATIONS);
    switch (s->kind) {
    case FunctionDef_kind:
    case AsyncFunctionDef_kind:
        FOLD_SEQ(type_param, s->v.FunctionDef.type_params);
        if (!fold_arguments(s->v.FunctionDef.args, st)) {
            return 0;
        }
        FOLD_SEQ(stmt, s->v.FunctionDef.body);
        FOLD_SEQ(expr, s->v.FunctionDef.decorator_list);
        if (annotations) {
            FOLD(expr, s->v.FunctionDef.returns);
        }
        break;
    case ClassDef_kind:
        FOLD_SEQ(type_param, s->v.ClassDef.type_params);
        FOLD_SEQ(expr, s->v.ClassDef.bases);
        FOLD_SEQ(keyword, s->v.ClassDef.keywords);
        FOLD_SEQ(stmt, s->v.ClassDef.body);
        FOLD_SEQ(expr, s->v.ClassDef.decorator_list);
        break;
    case Return_kind:
        FOLD(expr, s->v.Return.value);
        break;
    case Delete_kind:
        FOLD_SEQ(expr, s->v.Delete.targets);
        break;
    case Assign_kind:
        FOLD_SEQ(expr, s->v.Assign.targets);
        FOLD(expr, s->v.Assign.value);
        break;
    case AugAssign_kind:
        FOLD(expr, s->v.AugAssign.target);
        FOLD(expr, s->v.AugAssign.value);
        break;
    case AnnAssign_kind:
        FOLD(expr, s->v.AnnAssign.target);
        if (annotations) {
            FOLD(expr, s->v.AnnAssign.annotation);
        }
        FOLD(expr, s->v.AnnAssign.value);
        break;
    case TypeAlias_kind:
        FOLD(expr, s->v.TypeAlias.name);
        FOLD_SEQ(type_param, s->v.TypeAlias.type_params);
        FOLD(expr, s->v.TypeAlias.value);
        break;
    case For_kind:
    case AsyncFor_kind:
        FOLD(expr, s->v.For.target);
        FOLD(expr, s->v.For.iter);
        FOLD_SEQ(stmt, s->v.For.body);
        FOLD_SEQ(stmt, s->v.For.orelse);
        if (s->kind == For_kind && !fold_iter(s->v.For.iter, st)) {
            return 0;
        }
        break;
    case While_kind:
        FOLD(expr, s->v.While.test);
        FOLD_SEQ(stmt, s->v.While.body);
        FOLD_SEQ(stmt, s->v.While.orelse);
        break;
    case If_kind:
        FOLD(expr, s->v.If.test);
        FOLD_SEQ(stmt, s->v.If.body);
        FOLD_SEQ(stmt, s->v.If.orelse);
        break;
    case With_kind:
    case AsyncWith_kind:
        FOLD_SEQ(withitem, s->v.With.items);
        FOLD_SEQ(stmt, s->v.With.body);
        break;
    case Match_kind:
        FOLD(expr, s->v.Match.subject);
        FOLD_SEQ(match_case, s->v.Match.cases);
        break;
    case Raise_kind:
        FOLD(expr, s->v.Raise.exc);
        FOLD(expr, s->v.Raise.cause);
        break;
    case Try_kind:
    case TryStar_kind:
        FOLD_SEQ(stmt, s->v.Try.body);
        FOLD_SEQ(excepthandler, s->v.Try.handlers);
        FOLD_SEQ(stmt, s->v.Try.orelse);
        FOLD_SEQ(stmt, s->v.Try.finalbody);
        break;
    case Assert_kind:
        FOLD(expr, s->v.Assert.test);
        FOLD(expr, s->v.Assert.msg);
        break;
    case Expr_kind:
        FOLD(expr, s->v.Expr.value);
        break;
    default:
        break;
    }
    st->depth--;
    return 1;
}

int
_PyAST_Optimize(mod_ty mod, PyArena *arena, int optimize, int ff_features)
{
    opt_state st = {.arena = arena, .optimize = optimize, .ff_features = ff_features,
                    .depth = 0};
    opt_state *stp = &st;
    switch (mod->kind) {
    case Module_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(mod->v.Module.body); i++) {
            if (!fold_stmt(asdl_seq_GET(mod->v.Module.body, i), stp)) {
                return 0;
            }
        }
        return 1;
    case Interactive_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(mod->v.Interactive.body); i++) {
            if (!fold_stmt(asdl_seq_GET(mod->v.Interactive.body, i), stp)) {
                return 0;
            }
        }
        return 1;
    case Expression_kind:
        return fold_expr(mod->v.Expression.body, stp);
    default:
        return 1;
    }
}
