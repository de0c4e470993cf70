/* Expression AST -> source text, for `from __future__ import annotations`.
 *
 * The output follows CPython's unparser: minimal parentheses decided by operator
 * precedence (each visitor gets the precedence of its context and parenthesizes when its
 * own is lower), repr() for constants, `...` for Ellipsis.  Pieces are collected in a list
 * and joined once at the end. */

#include "Python.h"
#include "internal/pycore_ast.h"
#include "internal/pycore_compile.h"

enum {
    PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_EXPR, PR_BOR = PR_EXPR, PR_BXOR,
    PR_BAND, PR_SHIFT, PR_ARITH, PR_TERM, PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM
};

typedef struct {
    PyObject *parts;    /* list of str */
    int depth;
} unparser;

static int unparse_expr(unparser *u, expr_ty e, int level);

static int
append_str(unparser *u, const char *s)
{
    PyObject *o = PyUnicode_FromString(s);
    if (o == NULL) {
        return -1;
    }
    int r = PyList_Append(u->parts, o);
    Py_DECREF(o);
    return r;
}

static int
append_obj(unparser *u, PyObject *o)
{
    return PyList_Append(u->parts, o);
}

static int
append_repr(unparser *u, PyObject *o)
{
    if (o == Py_Ellipsis) {
        return append_str(u, "...");
    }
    PyObject *r = PyObject_Repr(o);
    if (r == NULL) {
        return -1;
    }
    if (PyFloat_CheckExact(o) || PyComplex_CheckExact(o)) {
        /* inf and nan have no literal: write 1e309 as CPython does */
        const char *s = PyUnicode_AsUTF8(r);
        if (s != NULL && (strstr(s, "inf") != NULL || strstr(s, "nan") != NULL)) {
            Py_DECREF(r);
            return append_str(u, PyComplex_CheckExact(o) ? "1e309j" : "1e309");
        }
    }
    int rc = append_obj(u, r);
    Py_DECREF(r);
    return rc;
}

#define APPEND(u, s) if (append_str((u), (s)) < 0) return -1
#define APPEND_EXPR(u, e, lvl) if (unparse_expr((u), (e), (lvl)) < 0) return -1

static int
unparse_seq(unparser *u, asdl_expr_seq *seq, const char *sep, int level)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
        if (i > 0) {
            APPEND(u, sep);
        }
        APPEND_EXPR(u, asdl_seq_GET(seq, i), level);
    }
    return 0;
}

static const char *
binop_str(operator_ty op, int *prec)
{
    switch (op) {
    case Add: *prec = PR_ARITH; return " + ";
    case Sub: *prec = PR_ARITH; return " - ";
    case Mult: *prec = PR_TERM; return " * ";
    case MatMult: *prec = PR_TERM; return " @ ";
    case Div: *prec = PR_TERM; return " / ";
    case Mod: *prec = PR_TERM; return " % ";
    case LShift: *prec = PR_SHIFT; return " << ";
    case RShift: *prec = PR_SHIFT; return " >> ";
    case BitOr: *prec = PR_BOR; return " | ";
    case BitXor: *prec = PR_BXOR; return " ^ ";
    case BitAnd: *prec = PR_BAND; return " & ";
    case FloorDiv: *prec = PR_TERM; return " // ";
    case Pow: *prec = PR_POWER; return " ** ";
    }
    *prec = PR_ATOM;
    return " ? ";
}

static const char *
cmpop_str(cmpop_ty op)
{
    switch (op) {
    case Eq: return " == ";
    case NotEq: return " != ";
    case Lt: return " < ";
    case LtE: return " <= ";
    case Gt: return " > ";
    case GtE: return " >= ";
    case Is: return " is ";
    case IsNot: return " is not ";
    case In: return " in ";
    case NotIn: return " not in ";
    }
    return " ? ";
}

static int
unparse_comprehensions(unparser *u, asdl_comprehension_seq *gens)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(gens); i++) {
        comprehension_ty g = asdl_seq_GET(gens, i);
        APPEND(u, g->is_async ? " async for " : " for ");
        APPEND_EXPR(u, g->target, PR_TUPLE);
        APPEND(u, " in ");
        APPEND_EXPR(u, g->iter, PR_TEST + 1);
        for (Py_ssize_t j = 0; j < asdl_seq_LEN(g->ifs); j++) {
            APPEND(u, " if ");
            APPEND_EXPR(u, asdl_seq_GET(g->ifs, j), PR_TEST + 1);
        }
    }
    return 0;
}

static int
unparse_arg(unparser *u, arg_ty a)
{
    if (append_obj(u, a->arg) < 0) {
        return -1;
    }
    return 0;
}

static int
unparse_arguments(unparser *u, arguments_ty args)
{
    int first = 1;
    Py_ssize_t npos = asdl_seq_LEN(args->posonlyargs) + asdl_seq_LEN(args->args);
    Py_ssize_t ndef = asdl_seq_LEN(args->defaults);
    for (Py_ssize_t i = 0; i < npos; i++) {
        arg_ty a = i < asdl_seq_LEN(args->posonlyargs)
                       ? asdl_seq_GET(args->posonlyargs, i)
                       : asdl_seq_GET(args->args, i - asdl_seq_LEN(args->posonlyargs));
        if (!first) {
            APPEND(u, ", ");
        }
        first = 0;
        if (unparse_arg(u, a) < 0) {
            return -1;
        }
        Py_ssize_t di = i - (npos - ndef);
        if (di >= 0) {
            APPEND(u, "=");
            APPEND_EXPR(u, asdl_seq_GET(args->defaults, di), PR_TEST);
        }
        if (asdl_seq_LEN(args->posonlyargs) > 0 && i == asdl_seq_LEN(args->posonlyargs) - 1) {
            APPEND(u, ", /");
        }
    }
    if (args->vararg || asdl_seq_LEN(args->kwonlyargs) > 0) {
        if (!first) {
            APPEND(u, ", ");
        }
        first = 0;
        APPEND(u, "*");
        if (args->vararg && unparse_arg(u, args->vararg) < 0) {
            return -1;
        }
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args->kwonlyargs); i++) {
        APPEND(u, ", ");
        if (unparse_arg(u, asdl_seq_GET(args->kwonlyargs, i)) < 0) {
            return -1;
        }
        expr_ty d = asdl_seq_GET(args->kw_defaults, i);
        if (d) {
            APPEND(u, "=");
            APPEND_EXPR(u, d, PR_TEST);
        }
    }
    if (args->kwarg) {
        if (!first) {
            APPEND(u, ", ");
        }
        APPEND(u, "**");
        if (unparse_arg(u, args->kwarg) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
unparse_fstring_body(unparser *u, asdl_expr_seq *values, int is_spec);

static int
unparse_formatted(unparser *u, expr_ty e)
{
    unparser inner = {PyList_New(0), u->depth};
    if (inner.parts == NULL) {
        return -1;
    }
    if (unparse_expr(&inner, e->v.FormattedValue.value, PR_TEST + 1) < 0) {
        Py_DECREF(inner.parts);
        return -1;
    }
    PyObject *empty = PyUnicode_FromString("");
    PyObject *text = empty ? PyUnicode_Join(empty, inner.parts) : NULL;
    Py_XDECREF(empty);
    Py_DECREF(inner.parts);
    if (text == NULL) {
        return -1;
    }
    APPEND(u, PyUnicode_READ_CHAR(text, 0) == '{' ? "{ " : "{");
    int r = append_obj(u, text);
    Py_DECREF(text);
    if (r < 0) {
        return -1;
    }
    if (e->v.FormattedValue.conversion > 0) {
        char conv[3] = {'!', (char)e->v.FormattedValue.conversion, 0};
        APPEND(u, conv);
    }
    if (e->v.FormattedValue.format_spec) {
        APPEND(u, ":");
        expr_ty spec = e->v.FormattedValue.format_spec;
        if (spec->kind == JoinedStr_kind) {
            if (unparse_fstring_body(u, spec->v.JoinedStr.values, 1) < 0) {
                return -1;
            }
        }
    }
    APPEND(u, "}");
    return 0;
}

static int
unparse_fstring_body(unparser *u, asdl_expr_seq *values, int is_spec)
{
    (void)is_spec;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(values); i++) {
        expr_ty v = asdl_seq_GET(values, i);
        if (v->kind == Constant_kind && PyUnicode_Check(v->v.Constant.value)) {
            PyObject *s = v->v.Constant.value;
            PyObject *a = PyUnicode_Replace(s, _Py_STR("{"), _Py_STR("{{"), -1);
            PyObject *b = a ? PyUnicode_Replace(a, _Py_STR("}"), _Py_STR("}}"), -1) : NULL;
            Py_XDECREF(a);
            if (b == NULL) {
                return -1;
            }
            int r = append_obj(u, b);
            Py_DECREF(b);
            if (r < 0) {
                return -1;
            }
        }
        else if (v->kind == FormattedValue_kind) {
            if (unparse_formatted(u, v) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static int
unparse_joined(unparser *u, expr_ty e)
{
    unparser inner = {PyList_New(0), u->depth};
    if (inner.parts == NULL) {
        return -1;
    }
    if (unparse_fstring_body(&inner, e->v.JoinedStr.values, 0) < 0) {
        Py_DECREF(inner.parts);
        return -1;
    }
    PyObject *empty = PyUnicode_FromString("");
    PyObject *body = empty ? PyUnicode_Join(empty, inner.parts) : NULL;
    Py_XDECREF(empty);
    Py_DECREF(inner.parts);
    if (body == NULL) {
        return -1;
    }
    PyObject *r = PyObject_Repr(body);
    Py_DECREF(body);
    if (r == NULL) {
        return -1;
    }
    APPEND(u, "f");
    int rc = append_obj(u, r);
    Py_DECREF(r);
    return rc;
}

static int
unparse_expr(unparser *u, expr_ty e, int level)
{
    if (++u->depth > 1000) {
        PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    int r = 0;
    switch (e->kind) {
    case BoolOp_kind: {
        int prec = e->v.BoolOp.op == And ? PR_AND : PR_OR;
        if (level > prec) {
            APPEND(u, "(");
        }
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.BoolOp.values); i++) {
            if (i > 0) {
                APPEND(u, prec == PR_AND ? " and " : " or ");
            }
            APPEND_EXPR(u, asdl_seq_GET(e->v.BoolOp.values, i), prec + 1);
        }
        if (level > prec) {
            APPEND(u, ")");
        }
        break;
    }
    case NamedExpr_kind:
        if (level > PR_TUPLE) {
            APPEND(u, "(");
        }
        APPEND_EXPR(u, e->v.NamedExpr.target, PR_ATOM);
        APPEND(u, " := ");
        APPEND_EXPR(u, e->v.NamedExpr.value, PR_ATOM);
        if (level > PR_TUPLE) {
            APPEND(u, ")");
        }
        break;
    case BinOp_kind: {
        int prec;
        const char *op = binop_str(e->v.BinOp.op, &prec);
        int rassoc = e->v.BinOp.op == Pow;
        if (level > prec) {
            APPEND(u, "(");
        }
        APPEND_EXPR(u, e->v.BinOp.left, prec + rassoc);
        APPEND(u, op);
        APPEND_EXPR(u, e->v.BinOp.right, prec + !rassoc);
        if (level > prec) {
            APPEND(u, ")");
        }
        break;
    }
    case UnaryOp_kind: {
        const char *op = "";
        int prec = PR_FACTOR;
        switch (e->v.UnaryOp.op) {
        case Invert: op = "~"; break;
        case Not: op = "not "; prec = PR_NOT; break;
        case UAdd: op = "+"; break;
        case USub: op = "-"; break;
        }
        if (level > prec) {
            APPEND(u, "(");
        }
        APPEND(u, op);
        APPEND_EXPR(u, e->v.UnaryOp.operand, prec);
        if (level > prec) {
            APPEND(u, ")");
        }
        break;
    }
    case Lambda_kind:
        if (level > PR_TEST) {
            APPEND(u, "(");
        }
        {
            arguments_ty a = e->v.Lambda.args;
            int has_args = asdl_seq_LEN(a->args) || asdl_seq_LEN(a->posonlyargs) ||
                           a->vararg || asdl_seq_LEN(a->kwonlyargs) || a->kwarg;
            APPEND(u, has_args ? "lambda " : "lambda");
            if (unparse_arguments(u, a) < 0) {
                return -1;
            }
        }
        APPEND(u, ": ");
        APPEND_EXPR(u, e->v.Lambda.body, PR_TEST);
        if (level > PR_TEST) {
            APPEND(u, ")");
        }
        break;
    case IfExp_kind:
        if (level > PR_TEST) {
            APPEND(u, "(");
        }
        APPEND_EXPR(u, e->v.IfExp.body, PR_TEST + 1);
        APPEND(u, " if ");
        APPEND_EXPR(u, e->v.IfExp.test, PR_TEST + 1);
        APPEND(u, " else ");
        APPEND_EXPR(u, e->v.IfExp.orelse, PR_TEST);
        if (level > PR_TEST) {
            APPEND(u, ")");
        }
        break;
    case Dict_kind:
        APPEND(u, "{");
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Dict.values); i++) {
            if (i > 0) {
                APPEND(u, ", ");
            }
            expr_ty k = asdl_seq_GET(e->v.Dict.keys, i);
            if (k == NULL) {
                APPEND(u, "**");
                APPEND_EXPR(u, asdl_seq_GET(e->v.Dict.values, i), PR_EXPR);
            }
            else {
                APPEND_EXPR(u, k, PR_TEST);
                APPEND(u, ": ");
                APPEND_EXPR(u, asdl_seq_GET(e->v.Dict.values, i), PR_TEST);
            }
        }
        APPEND(u, "}");
        break;
    case Set_kind:
        if (asdl_seq_LEN(e->v.Set.elts) == 0) {
            APPEND(u, "{*()}");
            break;
        }
        APPEND(u, "{");
        r = unparse_seq(u, e->v.Set.elts, ", ", PR_TEST);
        APPEND(u, "}");
        break;
    case ListComp_kind:
        APPEND(u, "[");
        APPEND_EXPR(u, e->v.ListComp.elt, PR_TEST);
        r = unparse_comprehensions(u, e->v.ListComp.generators);
        APPEND(u, "]");
        break;
    case SetComp_kind:
        APPEND(u, "{");
        APPEND_EXPR(u, e->v.SetComp.elt, PR_TEST);
        r = unparse_comprehensions(u, e->v.SetComp.generators);
        APPEND(u, "}");
        break;
    case DictComp_kind:
        APPEND(u, "{");
        APPEND_EXPR(u, e->v.DictComp.key, PR_TEST);
        APPEND(u, ": ");
        APPEND_EXPR(u, e->v.DictComp.value, PR_TEST);
        r = unparse_comprehensions(u, e->v.DictComp.generators);
        APPEND(u, "}");
        break;
    case GeneratorExp_kind:
        APPEND(u, "(");
        APPEND_EXPR(u, e->v.GeneratorExp.elt, PR_TEST);
        r = unparse_comprehensions(u, e->v.GeneratorExp.generators);
        APPEND(u, ")");
        break;
    case Await_kind:
        if (level > PR_AWAIT) {
            APPEND(u, "(");
        }
        APPEND(u, "await ");
        APPEND_EXPR(u, e->v.Await.value, PR_ATOM);
        if (level > PR_AWAIT) {
            APPEND(u, ")");
        }
        break;
    case Yield_kind:
        APPEND(u, "(yield");
        if (e->v.Yield.value) {
            APPEND(u, " ");
            APPEND_EXPR(u, e->v.Yield.value, PR_TEST);
        }
        APPEND(u, ")");
        break;
    case YieldFrom_kind:
        APPEND(u, "(yield from ");
        APPEND_EXPR(u, e->v.YieldFrom.value, PR_TEST);
        APPEND(u, ")");
        break;
    case Compare_kind:
        if (level > PR_CMP) {
            APPEND(u, "(");
        }
        APPEND_EXPR(u, e->v.Compare.left, PR_CMP + 1);
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Compare.ops); i++) {
            APPEND(u, cmpop_str((cmpop_ty)asdl_seq_GET(e->v.Compare.ops, i)));
            APPEND_EXPR(u, asdl_seq_GET(e->v.Compare.comparators, i), PR_CMP + 1);
        }
        if (level > PR_CMP) {
            APPEND(u, ")");
        }
        break;
    case Call_kind: {
        APPEND_EXPR(u, e->v.Call.func, PR_ATOM);
        Py_ssize_t nargs = asdl_seq_LEN(e->v.Call.args);
        if (nargs == 1 && asdl_seq_LEN(e->v.Call.keywords) == 0 &&
            asdl_seq_GET(e->v.Call.args, 0)->kind == GeneratorExp_kind) {
            APPEND_EXPR(u, asdl_seq_GET(e->v.Call.args, 0), PR_TEST);
            break;
        }
        APPEND(u, "(");
        int first = 1;
        for (Py_ssize_t i = 0; i < nargs; i++) {
            if (!first) {
                APPEND(u, ", ");
            }
            first = 0;
            APPEND_EXPR(u, asdl_seq_GET(e->v.Call.args, i), PR_TEST);
        }
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Call.keywords); i++) {
            keyword_ty k = asdl_seq_GET(e->v.Call.keywords, i);
            if (!first) {
                APPEND(u, ", ");
            }
            first = 0;
            if (k->arg == NULL) {
                APPEND(u, "**");
            }
            else {
                if (append_obj(u, k->arg) < 0) {
                    return -1;
                }
                APPEND(u, "=");
            }
            APPEND_EXPR(u, k->value, PR_TEST);
        }
        APPEND(u, ")");
        break;
    }
    case FormattedValue_kind:
        r = unparse_formatted(u, e);
        break;
    case JoinedStr_kind:
        r = unparse_joined(u, e);
        break;
    case Constant_kind:
        if (e->v.Constant.kind != NULL && PyUnicode_Check(e->v.Constant.value)) {
            APPEND(u, "u");
        }
        r = append_repr(u, e->v.Constant.value);
        break;
    case Attribute_kind: {
        expr_ty v = e->v.Attribute.value;
        APPEND_EXPR(u, v, PR_ATOM);
        if (v->kind == Constant_kind && PyLong_CheckExact(v->v.Constant.value)) {
            APPEND(u, " ");
        }
        APPEND(u, ".");
        r = append_obj(u, e->v.Attribute.attr);
        break;
    }
    case Subscript_kind: {
        APPEND_EXPR(u, e->v.Subscript.value, PR_ATOM);
        APPEND(u, "[");
        expr_ty s = e->v.Subscript.slice;
        if (s->kind == Tuple_kind && asdl_seq_LEN(s->v.Tuple.elts) > 0) {
            for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.Tuple.elts); i++) {
                if (i > 0) {
                    APPEND(u, ", ");
                }
                APPEND_EXPR(u, asdl_seq_GET(s->v.Tuple.elts, i), PR_TEST);
            }
            if (asdl_seq_LEN(s->v.Tuple.elts) == 1) {
                APPEND(u, ",");
            }
        }
        else {
            APPEND_EXPR(u, s, PR_TUPLE);
        }
        APPEND(u, "]");
        break;
    }
    case Starred_kind:
        APPEND(u, "*");
        APPEND_EXPR(u, e->v.Starred.value, PR_EXPR);
        break;
    case Name_kind:
        r = append_obj(u, e->v.Name.id);
        break;
    case List_kind:
        APPEND(u, "[");
        r = unparse_seq(u, e->v.List.elts, ", ", PR_TEST);
        APPEND(u, "]");
        break;
    case Tuple_kind: {
        Py_ssize_t n = asdl_seq_LEN(e->v.Tuple.elts);
        if (n == 0) {
            APPEND(u, "()");
            break;
        }
        if (level > PR_TUPLE) {
            APPEND(u, "(");
        }
        r = unparse_seq(u, e->v.Tuple.elts, ", ", PR_TEST);
        if (n == 1) {
            APPEND(u, ",");
        }
        if (level > PR_TUPLE) {
            APPEND(u, ")");
        }
        break;
    }
    case Slice_kind:
        if (e->v.Slice.lower) {
            APPEND_EXPR(u, e->v.Slice.lower, PR_TEST);
        }
        APPEND(u, ":");
        if (e->v.Slice.upper) {
            APPEND_EXPR(u, e->v.Slice.upper, PR_TEST);
        }
        if (e->v.Slice.step) {
            APPEND(u, ":");
            APPEND_EXPR(u, e->v.Slice.step, PR_TEST);
        }
        break;
    }
    u->depth--;
    return r;
}

PyObject *
_PyAST_ExprAsUnicode(expr_ty e)
{
    unparser u = {PyList_New(0), 0};
    if (u.parts == NULL) {
        return NULL;
    }
    if (unparse_expr(&u, e, PR_TEST) < 0) {
        Py_DECREF(u.parts);
        return NULL;
    }
    PyObject *empty = PyUnicode_FromString("");
    PyObject *result = empty ? PyUnicode_Join(empty, u.parts) : NULL;
    Py_XDECREF(empty);
    Py_DECREF(u.parts);
    return result;
}
