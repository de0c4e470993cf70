/* The parser: token access, statements, and the entry points.
 *
 * Expressions are in parser_expr.c, match patterns in parser_pattern.c, literals in
 * string_parser.c.  See parser_internal.h for the error and backtracking discipline. */
#include "parser_internal.h"
#include "pycore_parser.h"
#include "pycore_exceptions.h"   /* PyExc__IncompleteInputError */

#define TOKEN_CHUNK 256

/* ---- token access ---------------------------------------------------------------------- */

/* Issue a SyntaxWarning at lineno:col.  When warnings are errors it becomes a SyntaxError
 * there, as in CPython.  Return 0, or -1 (fatal) if another exception occurred. */
static int
parser_warn(Parser *p, const char *msg, int lineno, int col)
{
    PyObject *m = PyUnicode_FromString(msg);
    if (m == NULL) {
        p->fatal = 1;
        return -1;
    }
    int r = PyErr_WarnExplicitObject(PyExc_SyntaxWarning, m,
                                     p->filename ? p->filename : Py_None, lineno, NULL, NULL);
    Py_DECREF(m);
    if (r < 0) {
        if (!PyErr_ExceptionMatches(PyExc_SyntaxWarning)) {
            p->fatal = 1;
            return -1;
        }
        PyErr_Clear();
        _PyParser_ErrorAt(p, TOKERR_SYNTAX, lineno, col, lineno, col + 1, "%s", msg);
    }
    return 0;
}

/* Tokens live in arena chunks that never move, so _PyToken pointers stay valid. */
static _PyToken *
parser_fill(Parser *p)
{
    if (p->ntokens == p->tokens_cap) {
        int cap = p->tokens_cap ? p->tokens_cap * 2 : 1024;
        _PyToken **chunks = (_PyToken **)PyMem_Realloc(
            p->tokens, (size_t)(cap / TOKEN_CHUNK + 1) * sizeof(_PyToken *));
        if (chunks == NULL) {
            PyErr_NoMemory();
            return _PyParser_Fatal(p);
        }
        p->tokens = (_PyToken *)chunks;
        p->tokens_cap = cap;
    }
    _PyToken **chunks = (_PyToken **)p->tokens;
    if (p->ntokens % TOKEN_CHUNK == 0) {
        _PyToken *chunk = (_PyToken *)_PyArena_Malloc(p->arena,
                                                      TOKEN_CHUNK * sizeof(_PyToken));
        if (chunk == NULL) {
            return _PyParser_Fatal(p);
        }
        chunks[p->ntokens / TOKEN_CHUNK] = chunk;
    }
    _PyToken *t = &chunks[p->ntokens / TOKEN_CHUNK][p->ntokens % TOKEN_CHUNK];
    _PyTokenizer_Next(&p->tok, t);
    p->ntokens++;
    if (p->tok.warn_pending) {
        p->tok.warn_pending = 0;
        if (parser_warn(p, p->tok.warn_msg, p->tok.warn_lineno, p->tok.warn_col) < 0) {
            return NULL;
        }
    }
    return t;
}

static _PyToken *
token_at(Parser *p, int i)
{
    _PyToken **chunks = (_PyToken **)p->tokens;
    return &chunks[i / TOKEN_CHUNK][i % TOKEN_CHUNK];
}

_PyToken *
_PyParser_Peek(Parser *p, int k)
{
    int i = p->pos + k;
    while (p->ntokens <= i) {
        if (p->ntokens > 0) {
            _PyToken *last = token_at(p, p->ntokens - 1);
            if (last->type == ENDMARKER || last->type == ERRORTOKEN) {
                return last;
            }
        }
        if (parser_fill(p) == NULL) {
            return NULL;
        }
    }
    return token_at(p, i);
}

_PyToken *
_PyParser_Next(Parser *p)
{
    _PyToken *t = CUR(p);
    if (t != NULL && t->type != ENDMARKER && t->type != ERRORTOKEN) {
        p->pos++;
    }
    return t;
}

_PyToken *
_PyParser_Prev(Parser *p)
{
    return token_at(p, p->pos > 0 ? p->pos - 1 : 0);
}

int
_PyParser_Check(Parser *p, int type)
{
    _PyToken *t = CUR(p);
    return t != NULL && t->type == type;
}

int
_PyParser_CheckKw(Parser *p, int kw)
{
    _PyToken *t = CUR(p);
    return t != NULL && t->type == NAME && t->keyword == kw;
}

_PyToken *
_PyParser_Accept(Parser *p, int type)
{
    if (_PyParser_Check(p, type)) {
        return _PyParser_Next(p);
    }
    return NULL;
}

_PyToken *
_PyParser_AcceptKw(Parser *p, int kw)
{
    if (_PyParser_CheckKw(p, kw)) {
        return _PyParser_Next(p);
    }
    return NULL;
}

_PyToken *
_PyParser_Expect(Parser *p, int type, const char *what)
{
    _PyToken *t = CUR(p);
    if (t != NULL && t->type == type) {
        return _PyParser_Next(p);
    }
    if (t == NULL || t->type == ERRORTOKEN || t->type == ENDMARKER || what == NULL) {
        return _PyParser_InvalidSyntax(p);
    }
    /* Report at the end of the previous token, as CPython does for "expected ':'". */
    _PyToken *prev = _PyParser_Prev(p);
    if (p->pos > 0 && type == COLON) {
        return _PyParser_ErrorAt(p, TOKERR_SYNTAX, prev->end_lineno, prev->end_col_offset,
                                 prev->end_lineno, prev->end_col_offset + 1, "expected %s",
                                 what);
    }
    return _PyParser_ErrorAtToken(p, t, "expected %s", what);
}

int
_PyParser_Enter(Parser *p)
{
    if (++p->depth > PARSER_MAX_DEPTH) {
        p->depth--;
        if (!p->fatal) {
            PyErr_SetString(PyExc_MemoryError,
                            "Parser stack overflowed - Python source too complex to parse");
            p->fatal = 1;
        }
        return -1;
    }
    return 0;
}

/* ---- statements ------------------------------------------------------------------------ */

static int statement(Parser *p, PtrList *out);
static asdl_stmt_seq *simple_stmts(Parser *p);

static expr_ty
dotted_name(Parser *p)
{
    _PyToken *first = _PyParser_Expect(p, NAME, NULL);
    if (first == NULL) {
        return NULL;
    }
    _PyToken *last = first;
    while (_PyParser_Check(p, DOT) && _PyParser_Peek(p, 1)->type == NAME) {
        _PyParser_Next(p);
        last = _PyParser_Next(p);
    }
    PyObject *id = _PyParser_Identifier(p, first->start, last->end - first->start);
    if (id == NULL) {
        return NULL;
    }
    /* Names may not contain whitespace: rebuild "a . b" as "a.b". */
    if (memchr(first->start, ' ', (size_t)(last->end - first->start)) != NULL ||
        memchr(first->start, '\\', (size_t)(last->end - first->start)) != NULL ||
        memchr(first->start, '\t', (size_t)(last->end - first->start)) != NULL ||
        memchr(first->start, '\n', (size_t)(last->end - first->start)) != NULL ||
        memchr(first->start, '#', (size_t)(last->end - first->start)) != NULL) {
        char *buf = PyMem_Malloc((size_t)(last->end - first->start) + 1);
        if (buf == NULL) {
            PyErr_NoMemory();
            return _PyParser_Fatal(p);
        }
        size_t n = 0;
        int in_comment = 0;
        for (const char *c = first->start; c < last->end; c++) {
            if (*c == '#') {
                in_comment = 1;
            }
            else if (*c == '\n' || *c == '\r') {
                in_comment = 0;
            }
            else if (!in_comment && *c != ' ' && *c != '\t' && *c != '\\' && *c != '\f') {
                buf[n++] = *c;
            }
        }
        id = _PyParser_Identifier(p, buf, (Py_ssize_t)n);
        PyMem_Free(buf);
        if (id == NULL) {
            return NULL;
        }
    }
    return _PyAST_Name(id, Load, LOC(first), ELOC(last), p->arena);
}

static alias_ty
import_alias(Parser *p, int dotted)
{
    _PyToken *first = CUR(p);
    PyObject *name;
    if (dotted) {
        expr_ty n = dotted_name(p);
        if (n == NULL) {
            return NULL;
        }
        name = n->v.Name.id;
    }
    else {
        _PyToken *t = _PyParser_Expect(p, NAME, NULL);
        if (t == NULL) {
            return NULL;
        }
        name = _PyParser_NewIdentifier(p, t);
        if (name == NULL) {
            return NULL;
        }
    }
    PyObject *asname = NULL;
    if (_PyParser_AcceptKw(p, KW_AS)) {
        _PyToken *t = CUR(p);
        if (t->type != NAME || (t->keyword && !KW_IS_SOFT(t->keyword))) {
            if (t->type == NAME) {
                return _PyParser_ErrorAtToken(p, t, "cannot use %.*s as import target",
                                              (int)(t->end - t->start), t->start);
            }
            return _PyParser_InvalidSyntax(p);
        }
        _PyParser_Next(p);
        asname = _PyParser_NewIdentifier(p, t);
        if (asname == NULL) {
            return NULL;
        }
    }
    _PyToken *last = _PyParser_Prev(p);
    return _PyAST_alias(name, asname, LOC(first), ELOC(last), p->arena);
}

static stmt_ty
import_stmt(Parser *p, _PyToken *kw)
{
    PtrList names;
    _PtrList_Init(&names);
    if (_PyParser_Check(p, NEWLINE) || _PyParser_Check(p, SEMI)) {
        _PyToken *t = CUR(p);
        return _PyParser_ErrorAt(p, TOKERR_SYNTAX, LOC(t), LOC(t),
                                 "Expected one or more names after 'import'");
    }
    do {
        alias_ty a = import_alias(p, 1);
        if (a == NULL || _PtrList_Append(p, &names, a) < 0) {
            _PtrList_Free(&names);
            return NULL;
        }
    } while (_PyParser_Accept(p, COMMA));
    if (_PyParser_CheckKw(p, KW_FROM)) {
        _PtrList_Free(&names);
        _PyParser_Next(p);
        _PyToken *end = CUR(p);
        if (dotted_name(p) != NULL) {
            end = _PyParser_Prev(p);
        }
        p->err.set = 0;
        return _PyParser_ErrorAt(p, TOKERR_SYNTAX, LOC(kw), ELOC(end),
                                 "Did you mean to use 'from ... import ...' instead?");
    }
    asdl_alias_seq *seq = _PtrList_ToSeq(p, &names);
    if (seq == NULL) {
        return NULL;
    }
    _PyToken *last = _PyParser_Prev(p);
    return _PyAST_Import(seq, LOC(kw), ELOC(last), p->arena);
}

static stmt_ty
from_import_stmt(Parser *p, _PyToken *kw)
{
    int level = 0;
    while (1) {
        if (_PyParser_Accept(p, DOT)) {
            level++;
        }
        else if (_PyParser_Accept(p, ELLIPSIS)) {
            level += 3;
        }
        else {
            break;
        }
    }
    PyObject *module = NULL;
    if (!_PyParser_CheckKw(p, KW_IMPORT)) {
        expr_ty m = dotted_name(p);
        if (m == NULL) {
            return NULL;
        }
        module = m->v.Name.id;
    }
    else if (level == 0) {
        return _PyParser_InvalidSyntax(p);
    }
    if (_PyParser_AcceptKw(p, KW_IMPORT) == NULL) {
        return _PyParser_InvalidSyntax(p);
    }
    PtrList names;
    _PtrList_Init(&names);
    _PyToken *star = _PyParser_Accept(p, STAR);
    if (star != NULL) {
        PyObject *s = _PyParser_Identifier(p, "*", 1);
        alias_ty a = s ? _PyAST_alias(s, NULL, LOC(star), ELOC(star), p->arena) : NULL;
        if (a == NULL || _PtrList_Append(p, &names, a) < 0) {
            _PtrList_Free(&names);
            return NULL;
        }
    }
    else {
        if (_PyParser_Check(p, NEWLINE) || _PyParser_Check(p, SEMI)) {
            _PyToken *t = CUR(p);
            return _PyParser_ErrorAt(p, TOKERR_SYNTAX, LOC(t), LOC(t),
                                     "Expected one or more names after 'import'");
        }
        int paren = _PyParser_Accept(p, LPAR) != NULL;
        while (1) {
            alias_ty a = import_alias(p, 0);
            if (a == NULL || _PtrList_Append(p, &names, a) < 0) {
                _PtrList_Free(&names);
                return NULL;
            }
            if (!_PyParser_Accept(p, COMMA)) {
                break;
            }
            if (paren && _PyParser_Check(p, RPAR)) {
                break;
            }
            if (!paren && (_PyParser_Check(p, NEWLINE) || _PyParser_Check(p, SEMI) ||
                           _PyParser_Check(p, ENDMARKER))) {
                _PtrList_Free(&names);
                return _PyParser_ErrorAtToken(p, CUR(p),
                                              "trailing comma not allowed without "
                                              "surrounding parentheses");
            }
        }
        if (paren && _PyParser_Expect(p, RPAR, NULL) == NULL) {
            _PtrList_Free(&names);
            return NULL;
        }
    }
    asdl_alias_seq *seq = _PtrList_ToSeq(p, &names);
    if (seq == NULL) {
        return NULL;
    }
    _PyToken *last = _PyParser_Prev(p);
    return _PyAST_ImportFrom(module, seq, level, LOC(kw), ELOC(last), p->arena);
}

static stmt_ty
global_stmt(Parser *p, _PyToken *kw, int nonlocal)
{
    PtrList names;
    _PtrList_Init(&names);
    do {
        _PyToken *t = CUR(p);
        if (t->type != NAME || (t->keyword && !KW_IS_SOFT(t->keyword))) {
            _PtrList_Free(&names);
            return _PyParser_InvalidSyntax(p);
        }
        _PyParser_Next(p);
        PyObject *id = _PyParser_NewIdentifier(p, t);
        if (id == NULL || _PtrList_Append(p, &names, id) < 0) {
            _PtrList_Free(&names);
            return NULL;
        }
    } while (_PyParser_Accept(p, COMMA));
    asdl_identifier_seq *seq = _PtrList_ToSeq(p, &names);
    if (seq == NULL) {
        return NULL;
    }
    _PyToken *last = _PyParser_Prev(p);
    if (nonlocal) {
        return _PyAST_Nonlocal(seq, LOC(kw), ELOC(last), p->arena);
    }
    return _PyAST_Global(seq, LOC(kw), ELOC(last), p->arena);
}

static int
at_simple_stmt_end(Parser *p)
{
    _PyToken *t = CUR(p);
    return t->type == NEWLINE || t->type == SEMI || t->type == ENDMARKER;
}

static stmt_ty
del_stmt(Parser *p, _PyToken *kw)
{
    PtrList targets;
    _PtrList_Init(&targets);
    do {
        if (at_simple_stmt_end(p) && targets.n > 0) {
            break;
        }
        _PyToken *st = CUR(p);
        expr_ty e;
        if (_PyParser_Accept(p, STAR)) {
            e = _PyParser_BitwiseOr(p);
            e = e ? _PyAST_Starred(e, Load, LOC(st), ELOC(_PyParser_Prev(p)), p->arena) : NULL;
        }
        else {
            e = _PyParser_BitwiseOr(p);
        }
        if (e == NULL) {
            _PtrList_Free(&targets);
            return NULL;
        }
        if (!_PyParser_Check(p, COMMA) && !at_simple_stmt_end(p)) {
            /* Something like `del a == b`: name the whole expression. */
            _PtrList_Free(&targets);
            return _PyParser_InvalidSyntax(p);
        }
        if (_PyParser_Target(p, e, Del, "") == NULL || _PtrList_Append(p, &targets, e) < 0) {
            _PtrList_Free(&targets);
            return NULL;
        }
    } while (_PyParser_Accept(p, COMMA));
    asdl_expr_seq *seq = _PtrList_ToSeq(p, &targets);
    if (seq == NULL) {
        return NULL;
    }
    _PyToken *last = _PyParser_Prev(p);
    return _PyAST_Delete(seq, LOC(kw), ELOC(last), p->arena);
}

static int
augassign_op(int type, operator_ty *op)
{
    switch (type) {
    case PLUSEQUAL: *op = Add; return 1;
    case MINEQUAL: *op = Sub; return 1;
    case STAREQUAL: *op = Mult; return 1;
    case ATEQUAL: *op = MatMult; return 1;
    case SLASHEQUAL: *op = Div; return 1;
    case PERCENTEQUAL: *op = Mod; return 1;
    case AMPEREQUAL: *op = BitAnd; return 1;
    case VBAREQUAL: *op = BitOr; return 1;
    case CIRCUMFLEXEQUAL: *op = BitXor; return 1;
    case LEFTSHIFTEQUAL: *op = LShift; return 1;
    case RIGHTSHIFTEQUAL: *op = RShift; return 1;
    case DOUBLESTAREQUAL: *op = Pow; return 1;
    case DOUBLESLASHEQUAL: *op = FloorDiv; return 1;
    default: return 0;
    }
}

static expr_ty
assignment_rhs(Parser *p)
{
    if (_PyParser_CheckKw(p, KW_YIELD)) {
        return _PyParser_YieldExpr(p);
    }
    return _PyParser_StarExpressions(p);
}

/* Is e valid as the target of `e = ...` by CPython's "here. Maybe you meant '=='" rule
 * (a plain expression other than a display or the singletons)? */
int
_PyParser_SuggestEquality(expr_ty e)
{
    switch (e->kind) {
    case Tuple_kind: case List_kind: case GeneratorExp_kind: case Compare_kind:
    case BoolOp_kind: case IfExp_kind: case Lambda_kind: case NamedExpr_kind:
    case Starred_kind: case Yield_kind: case YieldFrom_kind:
        return 0;
    case UnaryOp_kind:
        return e->v.UnaryOp.op != Not;
    case Constant_kind:
        return e->v.Constant.value != Py_None && e->v.Constant.value != Py_True &&
               e->v.Constant.value != Py_False;
    default:
        return 1;
    }
}

static stmt_ty
expression_stmt(Parser *p)
{
    _PyToken *first = CUR(p);
    expr_ty e = assignment_rhs(p);
    if (e == NULL) {
        return NULL;
    }
    _PyToken *t = CUR(p);
    operator_ty op;
    if (t->type == COLON) {
        /* Annotated assignment. */
        _PyParser_Next(p);
        if (e->kind == Tuple_kind) {
            return _PyParser_ErrorAtNode(p, e, "only single target (not tuple) can be "
                                               "annotated");
        }
        if (e->kind == List_kind) {
            return _PyParser_ErrorAtNode(p, e, "only single target (not list) can be "
                                               "annotated");
        }
        if (e->kind != Name_kind && e->kind != Attribute_kind && e->kind != Subscript_kind) {
            return _PyParser_ErrorAtNode(p, e, "illegal target for annotation");
        }
        int simple = e->kind == Name_kind && first->type != LPAR;
        _PyParser_SetContext(p, e, Store);
        expr_ty ann = _PyParser_Expression(p);
        if (ann == NULL) {
            return NULL;
        }
        expr_ty value = NULL;
        if (_PyParser_Accept(p, EQUAL)) {
            value = assignment_rhs(p);
            if (value == NULL) {
                return NULL;
            }
        }
        _PyToken *last = _PyParser_Prev(p);
        return _PyAST_AnnAssign(e, ann, value, simple, LOC(first), ELOC(last), p->arena);
    }
    if (augassign_op(t->type, &op)) {
        _PyParser_Next(p);
        if (e->kind != Name_kind && e->kind != Attribute_kind && e->kind != Subscript_kind) {
            return _PyParser_ErrorAtNode(p, e, "'%s' is an illegal expression for augmented "
                                               "assignment", _PyParser_ExprName(e));
        }
        _PyParser_SetContext(p, e, Store);
        expr_ty value = assignment_rhs(p);
        if (value == NULL) {
            return NULL;
        }
        _PyToken *last = _PyParser_Prev(p);
        return _PyAST_AugAssign(e, op, value, LOC(first), ELOC(last), p->arena);
    }
    if (t->type == EQUAL) {
        PtrList parts;
        _PtrList_Init(&parts);
        if (_PtrList_Append(p, &parts, e) < 0) {
            return NULL;
        }
        while (_PyParser_Accept(p, EQUAL)) {
            expr_ty v = assignment_rhs(p);
            if (v == NULL || _PtrList_Append(p, &parts, v) < 0) {
                _PtrList_Free(&parts);
                return NULL;
            }
        }
        Py_ssize_t n = parts.n;
        for (Py_ssize_t i = 0; i < n - 1; i++) {
            expr_ty target = parts.items[i];
            if (target->kind == Yield_kind || target->kind == YieldFrom_kind) {
                _PtrList_Free(&parts);
                return _PyParser_ErrorAtNode(p, target, "assignment to yield expression not "
                                                        "possible");
            }
            const char *suffix = n == 2 ? " here. Maybe you meant '==' instead of '='?" : "";
            if (_PyParser_Target(p, target, Store, suffix) == NULL) {
                _PtrList_Free(&parts);
                return NULL;
            }
        }
        expr_ty value = parts.items[n - 1];
        asdl_expr_seq *targets = _PyParser_SeqFromList(p, parts.items, n - 1);
        _PtrList_Free(&parts);
        if (targets == NULL) {
            return NULL;
        }
        _PyToken *last = _PyParser_Prev(p);
        return _PyAST_Assign(targets, value, NULL, LOC(first), ELOC(last), p->arena);
    }
    if (e->kind == Name_kind && t->type != NEWLINE && t->type != SEMI &&
        (PyUnicode_CompareWithASCIIString(e->v.Name.id, "print") == 0 ||
         PyUnicode_CompareWithASCIIString(e->v.Name.id, "exec") == 0) &&
        (t->type == NAME || t->type == NUMBER || t->type == STRING ||
         t->type == FSTRING_START) && !t->keyword) {
        ParserMark m;
        _PyParser_Mark(p, &m);
        expr_ty arg = _PyParser_StarExpressions(p);
        if (arg != NULL) {
            return _PyParser_ErrorRange(p, e, arg, "Missing parentheses in call to '%s'. Did "
                                        "you mean %s(...)?", PyUnicode_AsUTF8(e->v.Name.id),
                                        PyUnicode_AsUTF8(e->v.Name.id));
        }
        if (_PyParser_Reset(p, &m) < 0) {
            return NULL;
        }
    }
    if (t->type == COLONEQUAL) {
        if (e->kind == Name_kind) {
            return _PyParser_InvalidSyntax(p);
        }
        return _PyParser_ErrorAtNode(p, e, "cannot use assignment expressions with %s",
                                     _PyParser_ExprName(e));
    }
    return _PyAST_Expr(e, LOC(first), ELOC(_PyParser_Prev(p)), p->arena);
}

static stmt_ty
type_alias_stmt(Parser *p, _PyToken *kw)
{
    _PyToken *nt = _PyParser_Next(p);
    PyObject *id = _PyParser_NewIdentifier(p, nt);
    if (id == NULL) {
        return NULL;
    }
    expr_ty name = _PyAST_Name(id, Store, LOC(nt), ELOC(nt), p->arena);
    if (name == NULL) {
        return NULL;
    }
    asdl_type_param_seq *params = NULL;
    if (_PyParser_Check(p, LSQB)) {
        params = _PyParser_TypeParams(p);
        if (params == NULL) {
            return NULL;
        }
    }
    if (_PyParser_Expect(p, EQUAL, NULL) == NULL) {
        return NULL;
    }
    expr_ty value = _PyParser_Expression(p);
    if (value == NULL) {
        return NULL;
    }
    return _PyAST_TypeAlias(name, params, value, LOC(kw), NELOC(value), p->arena);
}

static stmt_ty
simple_stmt(Parser *p)
{
    _PyToken *t = CUR(p);
    if (t == NULL) {
        return NULL;
    }
    if (t->type == NAME) {
        switch (t->keyword) {
        case KW_PASS:
            _PyParser_Next(p);
            return _PyAST_Pass(LOC(t), ELOC(t), p->arena);
        case KW_BREAK:
            _PyParser_Next(p);
            return _PyAST_Break(LOC(t), ELOC(t), p->arena);
        case KW_CONTINUE:
            _PyParser_Next(p);
            return _PyAST_Continue(LOC(t), ELOC(t), p->arena);
        case KW_RETURN: {
            _PyParser_Next(p);
            expr_ty v = NULL;
            if (!at_simple_stmt_end(p)) {
                v = _PyParser_StarExpressions(p);
                if (v == NULL) {
                    return NULL;
                }
            }
            _PyToken *last = _PyParser_Prev(p);
            return _PyAST_Return(v, LOC(t), ELOC(last), p->arena);
        }
        case KW_RAISE: {
            _PyParser_Next(p);
            expr_ty exc = NULL, cause = NULL;
            if (!at_simple_stmt_end(p)) {
                exc = _PyParser_Expression(p);
                if (exc == NULL) {
                    return NULL;
                }
                if (_PyParser_AcceptKw(p, KW_FROM)) {
                    cause = _PyParser_Expression(p);
                    if (cause == NULL) {
                        return NULL;
                    }
                }
            }
            _PyToken *last = _PyParser_Prev(p);
            return _PyAST_Raise(exc, cause, LOC(t), ELOC(last), p->arena);
        }
        case KW_GLOBAL:
            _PyParser_Next(p);
            return global_stmt(p, t, 0);
        case KW_NONLOCAL:
            _PyParser_Next(p);
            return global_stmt(p, t, 1);
        case KW_DEL:
            _PyParser_Next(p);
            return del_stmt(p, t);
        case KW_ASSERT: {
            _PyParser_Next(p);
            expr_ty test = _PyParser_Expression(p);
            if (test == NULL) {
                return NULL;
            }
            expr_ty msg = NULL;
            if (_PyParser_Accept(p, COMMA)) {
                msg = _PyParser_Expression(p);
                if (msg == NULL) {
                    return NULL;
                }
            }
            _PyToken *last = _PyParser_Prev(p);
            return _PyAST_Assert(test, msg, LOC(t), ELOC(last), p->arena);
        }
        case KW_IMPORT:
            _PyParser_Next(p);
            return import_stmt(p, t);
        case KW_FROM:
            _PyParser_Next(p);
            return from_import_stmt(p, t);
        case KW_TYPE: {
            _PyToken *n1 = _PyParser_Peek(p, 1);
            if (n1->type == NAME && (n1->keyword == 0 || KW_IS_SOFT(n1->keyword))) {
                int n2 = _PyParser_Peek(p, 2)->type;
                if (n2 == EQUAL || n2 == LSQB) {
                    _PyParser_Next(p);
                    return type_alias_stmt(p, t);
                }
            }
            break;
        }
        default:
            break;
        }
    }
    return expression_stmt(p);
}

static asdl_stmt_seq *
simple_stmts(Parser *p)
{
    PtrList stmts;
    _PtrList_Init(&stmts);
    while (1) {
        stmt_ty s = simple_stmt(p);
        if (s == NULL || _PtrList_Append(p, &stmts, s) < 0) {
            _PtrList_Free(&stmts);
            return NULL;
        }
        if (_PyParser_Accept(p, SEMI)) {
            if (_PyParser_Check(p, NEWLINE)) {
                break;
            }
            continue;
        }
        break;
    }
    if (!_PyParser_Accept(p, NEWLINE)) {
        _PtrList_Free(&stmts);
        /* Two expressions side by side inside brackets got their own message already;
         * here it is plain invalid syntax at the unexpected token. */
        return _PyParser_InvalidSyntax(p);
    }
    return _PtrList_ToSeq(p, &stmts);
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts */
asdl_stmt_seq *
_PyParser_Block(Parser *p, const char *what, _PyToken *header)
{
    if (!_PyParser_Check(p, NEWLINE)) {
        return simple_stmts(p);
    }
    _PyParser_Next(p);
    _PyToken *t = CUR(p);
    if (t->type != INDENT) {
        if (t->type == ERRORTOKEN || (t->type == ENDMARKER &&
                                      (p->flags & PyCF_ALLOW_INCOMPLETE_INPUT))) {
            return _PyParser_InvalidSyntax(p);
        }
        if (t->type == ENDMARKER || t->type == DEDENT) {
            /* At the end of the input CPython points at the end of the header line. */
            _PyToken *nl = _PyParser_Prev(p);
            return _PyParser_ErrorAt(p, TOKERR_INDENTATION, LOC(nl), nl->lineno, -1,
                                     "expected an indented block after %s on line %d", what,
                                     header->lineno);
        }
        return _PyParser_ErrorAt(p, TOKERR_INDENTATION, t->lineno, t->col_offset,
                                 t->end_lineno, t->end_col_offset,
                                 "expected an indented block after %s on line %d", what,
                                 header->lineno);
    }
    _PyParser_Next(p);
    if (_PyParser_Enter(p) < 0) {
        return NULL;
    }
    PtrList stmts;
    _PtrList_Init(&stmts);
    while (!_PyParser_Accept(p, DEDENT)) {
        if (_PyParser_Check(p, ENDMARKER) || _PyParser_Check(p, ERRORTOKEN)) {
            _PtrList_Free(&stmts);
            LEAVE(p);
            return _PyParser_InvalidSyntax(p);
        }
        if (statement(p, &stmts) < 0) {
            _PtrList_Free(&stmts);
            LEAVE(p);
            return NULL;
        }
    }
    LEAVE(p);
    return _PtrList_ToSeq(p, &stmts);
}

static stmt_ty
last_stmt(asdl_stmt_seq *body)
{
    return asdl_seq_GET(body, asdl_seq_LEN(body) - 1);
}

/* The end of the last significant token consumed: a compound statement ends there
 * (including a trailing ';' of its last line), not at its last statement. */
static _PyToken *
last_real_token(Parser *p)
{
    for (int k = -1; p->pos + k > 0; k--) {
        _PyToken *t = _PyParser_Peek(p, k);
        if (t->type != NEWLINE && t->type != INDENT && t->type != DEDENT) {
            return t;
        }
    }
    return _PyParser_Peek(p, -p->pos);
}

#define END_OF(body) ELOC(last_real_token(p))

/* The ':' of a block header.  Like CPython: a missing ':' at the end of the line is
 * "expected ':'", anything else where ':' belongs is plain invalid syntax. */
static _PyToken *
expect_colon(Parser *p)
{
    if (!_PyParser_Check(p, COLON) && !_PyParser_Check(p, NEWLINE)) {
        return _PyParser_InvalidSyntax(p);
    }
    return _PyParser_Expect(p, COLON, "':'");
}

/* The ':' after def, try, finally and else: "expected ':'" at whatever token is there. */
static _PyToken *
expect_forced_colon(Parser *p)
{
    _PyToken *t = CUR(p);
    if (t->type == COLON) {
        return _PyParser_Next(p);
    }
    if (t->type == ERRORTOKEN || t->type == ENDMARKER) {
        return _PyParser_InvalidSyntax(p);
    }
    if (t->type == NEWLINE) {
        return _PyParser_Expect(p, COLON, "':'");
    }
    return _PyParser_ErrorAtToken(p, t, "expected ':'");
}

/* Condition of if/elif/while: named_expression, with CPython's hint for `if x = 1:`. */
static expr_ty
condition(Parser *p)
{
    expr_ty e = _PyParser_NamedExpression(p);
    if (e == NULL) {
        return NULL;
    }
    if (_PyParser_Check(p, EQUAL)) {
        _PyParser_Next(p);
        expr_ty rhs = _PyParser_Expression(p);
        if (rhs != NULL) {
            return _PyParser_ErrorRange(p, e, rhs, "invalid syntax. Maybe you meant '==' or "
                                                   "':=' instead of '='?");
        }
        return NULL;
    }
    return e;
}

static stmt_ty
if_stmt(Parser *p, _PyToken *kw, int elif)
{
    expr_ty test = condition(p);
    if (test == NULL || expect_colon(p) == NULL) {
        return NULL;
    }
    asdl_stmt_seq *body = _PyParser_Block(p, elif ? "'elif' statement" : "'if' statement",
                                          kw);
    if (body == NULL) {
        return NULL;
    }
    asdl_stmt_seq *orelse = NULL;
    _PyToken *t;
    int end_lineno = last_stmt(body)->end_lineno;
    int end_col = last_stmt(body)->end_col_offset;
    if ((t = _PyParser_AcceptKw(p, KW_ELIF)) != NULL) {
        stmt_ty s = if_stmt(p, t, 1);
        if (s == NULL) {
            return NULL;
        }
        orelse = _Py_asdl_stmt_seq_new(1, p->arena);
        if (orelse == NULL) {
            return _PyParser_Fatal(p);
        }
        asdl_seq_SET(orelse, 0, s);
        end_lineno = s->end_lineno;
        end_col = s->end_col_offset;
    }
    else if ((t = _PyParser_AcceptKw(p, KW_ELSE)) != NULL) {
        if (expect_forced_colon(p) == NULL) {
            return NULL;
        }
        orelse = _PyParser_Block(p, "'else' statement", t);
        if (orelse == NULL) {
            return NULL;
        }
        end_lineno = last_stmt(orelse)->end_lineno;
        end_col = last_stmt(orelse)->end_col_offset;
    }
    (void)end_lineno;
    (void)end_col;
    return _PyAST_If(test, body, orelse, LOC(kw), END_OF(body), p->arena);
}

/* Optional `else: block`; sets *end to the last statement. */
static int
else_block(Parser *p, asdl_stmt_seq **orelse)
{
    _PyToken *t = _PyParser_AcceptKw(p, KW_ELSE);
    *orelse = NULL;
    if (t == NULL) {
        return 0;
    }
    if (expect_forced_colon(p) == NULL) {
        return -1;
    }
    *orelse = _PyParser_Block(p, "'else' statement", t);
    return *orelse == NULL ? -1 : 0;
}

static stmt_ty
while_stmt(Parser *p, _PyToken *kw)
{
    expr_ty test = condition(p);
    if (test == NULL || expect_colon(p) == NULL) {
        return NULL;
    }
    asdl_stmt_seq *body = _PyParser_Block(p, "'while' statement", kw);
    asdl_stmt_seq *orelse;
    if (body == NULL || else_block(p, &orelse) < 0) {
        return NULL;
    }
    return _PyAST_While(test, body, orelse, LOC(kw), END_OF(body), p->arena);
}

static stmt_ty
for_stmt(Parser *p, _PyToken *start, int is_async)
{
    _PyToken *kw = _PyParser_Prev(p);
    expr_ty target = _PyParser_StarTargets(p);
    if (target == NULL) {
        return NULL;
    }
    if (!_PyParser_AcceptKw(p, KW_IN)) {
        return _PyParser_InvalidSyntax(p);
    }
    expr_ty iter = _PyParser_StarExpressions(p);
    if (iter == NULL || expect_colon(p) == NULL) {
        return NULL;
    }
    asdl_stmt_seq *body = _PyParser_Block(p, "'for' statement", kw);
    asdl_stmt_seq *orelse;
    if (body == NULL || else_block(p, &orelse) < 0) {
        return NULL;
    }
    if (is_async) {
        return _PyAST_AsyncFor(target, iter, body, orelse, NULL, LOC(start), END_OF(body),
                               p->arena);
    }
    return _PyAST_For(target, iter, body, orelse, NULL, LOC(start), END_OF(body), p->arena);
}

static withitem_ty
with_item(Parser *p)
{
    expr_ty e = _PyParser_Expression(p);
    if (e == NULL) {
        return NULL;
    }
    expr_ty target = NULL;
    if (_PyParser_AcceptKw(p, KW_AS)) {
        target = _PyParser_StarTarget(p);
        if (target == NULL) {
            return NULL;
        }
        int next = CUR(p)->type;
        if (next != COMMA && next != RPAR && next != COLON && p->tok.level > 0) {
            return _PyParser_MissingComma(p, target);
        }
    }
    return _PyAST_withitem(e, target, p->arena);
}

static asdl_withitem_seq *
with_items(Parser *p, int parenthesized)
{
    PtrList items;
    _PtrList_Init(&items);
    while (1) {
        withitem_ty w = with_item(p);
        if (w == NULL || _PtrList_Append(p, &items, w) < 0) {
            _PtrList_Free(&items);
            return NULL;
        }
        if (!_PyParser_Accept(p, COMMA)) {
            break;
        }
        if (parenthesized && _PyParser_Check(p, RPAR)) {
            break;
        }
    }
    return _PtrList_ToSeq(p, &items);
}

static stmt_ty
with_stmt(Parser *p, _PyToken *start, int is_async)
{
    _PyToken *kw = _PyParser_Prev(p);
    asdl_withitem_seq *items = NULL;
    ParserError spec_err;
    spec_err.set = 0;
    if (_PyParser_Check(p, LPAR)) {
        /* `with (a as b, c):` versus `with (a, b) as c:` / `with (a):` */
        ParserMark m;
        _PyParser_Mark(p, &m);
        _PyParser_Next(p);
        items = with_items(p, 1);
        if (items == NULL || !_PyParser_Accept(p, RPAR) || !_PyParser_Check(p, COLON)) {
            items = NULL;
            _PyParser_InvalidSyntax(p);
            spec_err = p->err;
            if (_PyParser_Reset(p, &m) < 0) {
                return NULL;
            }
        }
    }
    if (items == NULL) {
        items = with_items(p, 0);
        if (items == NULL) {
            /* Prefer the specific message from the parenthesized attempt, or the error
             * that got further into the input. */
            if (!p->fatal && spec_err.set &&
                (strcmp(spec_err.msg, "invalid syntax") != 0 ||
                 (strcmp(p->err.msg, "invalid syntax") == 0 &&
                  (spec_err.lineno > p->err.lineno ||
                   (spec_err.lineno == p->err.lineno && spec_err.col > p->err.col))))) {
                p->err = spec_err;
            }
            return NULL;
        }
    }
    if (expect_colon(p) == NULL) {
        return NULL;
    }
    asdl_stmt_seq *body = _PyParser_Block(p, "'with' statement", kw);
    if (body == NULL) {
        return NULL;
    }
    if (is_async) {
        return _PyAST_AsyncWith(items, body, NULL, LOC(start), END_OF(body), p->arena);
    }
    return _PyAST_With(items, body, NULL, LOC(start), END_OF(body), p->arena);
}

static stmt_ty
try_stmt(Parser *p, _PyToken *kw)
{
    if (expect_forced_colon(p) == NULL) {
        return NULL;
    }
    asdl_stmt_seq *body = _PyParser_Block(p, "'try' statement", kw);
    if (body == NULL) {
        return NULL;
    }
    PtrList handlers;
    _PtrList_Init(&handlers);
    int star = -1;
    _PyToken *t;
    while ((t = _PyParser_AcceptKw(p, KW_EXCEPT)) != NULL) {
        int this_star = _PyParser_Accept(p, STAR) != NULL;
        if (star >= 0 && star != this_star) {
            _PtrList_Free(&handlers);
            _PyToken *e = this_star ? _PyParser_Prev(p) : t;
            return _PyParser_ErrorAt(p, TOKERR_SYNTAX, LOC(t), ELOC(e),
                                     "cannot have both 'except' and 'except*' on the same "
                                     "'try'");
        }
        star = this_star;
        expr_ty type = NULL;
        PyObject *name = NULL;
        if (!_PyParser_Check(p, COLON)) {
            type = _PyParser_Expression(p);
            if (type == NULL) {
                _PtrList_Free(&handlers);
                return NULL;
            }
            if (_PyParser_Check(p, COMMA)) {
                /* except A, B: */
                _PyParser_Next(p);
                expr_ty more = _PyParser_Expression(p);
                _PtrList_Free(&handlers);
                if (more == NULL) {
                    return NULL;
                }
                return _PyParser_ErrorRange(p, type, more, "multiple exception types must "
                                                           "be parenthesized");
            }
            if (_PyParser_AcceptKw(p, KW_AS)) {
                _PyToken *nt = CUR(p);
                if (nt->type != NAME || (nt->keyword && !KW_IS_SOFT(nt->keyword))) {
                    _PtrList_Free(&handlers);
                    if (nt->type == NAME) {
                        return _PyParser_ErrorAtToken(p, nt, "cannot use %.*s as except "
                                                      "target", (int)(nt->end - nt->start),
                                                      nt->start);
                    }
                    return _PyParser_InvalidSyntax(p);
                }
                _PyParser_Next(p);
                name = _PyParser_NewIdentifier(p, nt);
                if (name == NULL) {
                    _PtrList_Free(&handlers);
                    return NULL;
                }
            }
        }
        else if (this_star) {
            _PtrList_Free(&handlers);
            return _PyParser_ErrorAtToken(p, CUR(p), "expected one or more exception types");
        }
        if (expect_colon(p) == NULL) {
            _PtrList_Free(&handlers);
            return NULL;
        }
        asdl_stmt_seq *hbody = _PyParser_Block(p, this_star ? "'except*' statement"
                                                            : "'except' statement", t);
        if (hbody == NULL) {
            _PtrList_Free(&handlers);
            return NULL;
        }
        excepthandler_ty h = _PyAST_ExceptHandler(type, name, hbody, LOC(t), END_OF(hbody),
                                                  p->arena);
        if (h == NULL || _PtrList_Append(p, &handlers, h) < 0) {
            _PtrList_Free(&handlers);
            return NULL;
        }
    }
    asdl_stmt_seq *orelse = NULL, *finalbody = NULL;
    if (handlers.n > 0 && else_block(p, &orelse) < 0) {
        _PtrList_Free(&handlers);
        return NULL;
    }
    if ((t = _PyParser_AcceptKw(p, KW_FINALLY)) != NULL) {
        if (expect_forced_colon(p) == NULL) {
            _PtrList_Free(&handlers);
            return NULL;
        }
        finalbody = _PyParser_Block(p, "'finally' statement", t);
        if (finalbody == NULL) {
            _PtrList_Free(&handlers);
            return NULL;
        }
    }
    if (handlers.n == 0 && finalbody == NULL) {
        _PtrList_Free(&handlers);
        if (_PyParser_Check(p, ERRORTOKEN) ||
            (_PyParser_Check(p, ENDMARKER) && (p->flags & PyCF_ALLOW_INCOMPLETE_INPUT))) {
            return _PyParser_InvalidSyntax(p);
        }
        _PyToken *lt = last_real_token(p);
        return _PyParser_ErrorAt(p, TOKERR_SYNTAX, ELOC(lt), lt->end_lineno, -1,
                                 "expected 'except' or 'finally' block");
    }
    asdl_excepthandler_seq *hs = _PtrList_ToSeq(p, &handlers);
    if (hs == NULL) {
        return NULL;
    }
    return (star == 1 ? _PyAST_TryStar : _PyAST_Try)(body, hs, orelse, finalbody, LOC(kw),
                                                     END_OF(body), p->arena);
}

static stmt_ty
funcdef(Parser *p, _PyToken *start, int is_async, asdl_expr_seq *decorators)
{
    _PyToken *kw = _PyParser_Prev(p);
    _PyToken *nt = CUR(p);
    if (nt->type != NAME || (nt->keyword && !KW_IS_SOFT(nt->keyword))) {
        return _PyParser_InvalidSyntax(p);
    }
    _PyParser_Next(p);
    PyObject *name = _PyParser_NewIdentifier(p, nt);
    if (name == NULL) {
        return NULL;
    }
    asdl_type_param_seq *tparams = NULL;
    if (_PyParser_Check(p, LSQB)) {
        tparams = _PyParser_TypeParams(p);
        if (tparams == NULL) {
            return NULL;
        }
    }
    if (_PyParser_Expect(p, LPAR, "'('") == NULL) {
        return NULL;
    }
    arguments_ty args = _PyParser_Parameters(p, 0, RPAR);
    if (args == NULL || _PyParser_Expect(p, RPAR, NULL) == NULL) {
        return NULL;
    }
    expr_ty returns = NULL;
    _PyToken *arrow = CUR(p);
    if (_PyParser_Accept(p, RARROW)) {
        if (_PyParser_Check(p, COLON)) {
            return _PyParser_ErrorAtToken(p, arrow, "expected ':'");
        }
        returns = _PyParser_Expression(p);
        if (returns == NULL) {
            return NULL;
        }
    }
    if (expect_forced_colon(p) == NULL) {
        return NULL;
    }
    asdl_stmt_seq *body = _PyParser_Block(p, "function definition", kw);
    if (body == NULL) {
        return NULL;
    }
    if (is_async) {
        return _PyAST_AsyncFunctionDef(name, args, body, decorators, returns, NULL, tparams,
                                       LOC(start), END_OF(body), p->arena);
    }
    return _PyAST_FunctionDef(name, args, body, decorators, returns, NULL, tparams,
                              LOC(start), END_OF(body), p->arena);
}

static stmt_ty
classdef(Parser *p, _PyToken *kw, asdl_expr_seq *decorators)
{
    _PyToken *nt = CUR(p);
    if (nt->type != NAME || (nt->keyword && !KW_IS_SOFT(nt->keyword))) {
        return _PyParser_InvalidSyntax(p);
    }
    _PyParser_Next(p);
    PyObject *name = _PyParser_NewIdentifier(p, nt);
    if (name == NULL) {
        return NULL;
    }
    asdl_type_param_seq *tparams = NULL;
    if (_PyParser_Check(p, LSQB)) {
        tparams = _PyParser_TypeParams(p);
        if (tparams == NULL) {
            return NULL;
        }
    }
    asdl_expr_seq *bases = NULL;
    asdl_keyword_seq *keywords = NULL;
    if (_PyParser_Accept(p, LPAR)) {
        if (_PyParser_CallArguments(p, &bases, &keywords, -RPAR) < 0) {
            return NULL;
        }
        if (_PyParser_Expect(p, RPAR, NULL) == NULL) {
            return NULL;
        }
    }
    if (expect_colon(p) == NULL) {
        return NULL;
    }
    asdl_stmt_seq *body = _PyParser_Block(p, "class definition", nt);
    if (body == NULL) {
        return NULL;
    }
    return _PyAST_ClassDef(name, bases, keywords, body, decorators, tparams, LOC(kw),
                           END_OF(body), p->arena);
}

static stmt_ty
decorated(Parser *p)
{
    PtrList decos;
    _PtrList_Init(&decos);
    while (_PyParser_Accept(p, AT)) {
        expr_ty d = _PyParser_NamedExpression(p);
        if (d == NULL || _PtrList_Append(p, &decos, d) < 0 ||
            _PyParser_Expect(p, NEWLINE, NULL) == NULL) {
            _PtrList_Free(&decos);
            return NULL;
        }
    }
    asdl_expr_seq *seq = _PtrList_ToSeq(p, &decos);
    if (seq == NULL) {
        return NULL;
    }
    _PyToken *t = CUR(p);
    if (_PyParser_AcceptKw(p, KW_DEF)) {
        return funcdef(p, t, 0, seq);
    }
    if (_PyParser_AcceptKw(p, KW_ASYNC)) {
        if (!_PyParser_AcceptKw(p, KW_DEF)) {
            return _PyParser_InvalidSyntax(p);
        }
        return funcdef(p, t, 1, seq);
    }
    if (_PyParser_AcceptKw(p, KW_CLASS)) {
        return classdef(p, t, seq);
    }
    return _PyParser_InvalidSyntax(p);
}

static match_case_ty
case_block(Parser *p)
{
    _PyToken *kw = _PyParser_Next(p);
    pattern_ty pat = _PyParser_Patterns(p);
    if (pat == NULL) {
        return NULL;
    }
    expr_ty guard = NULL;
    if (_PyParser_AcceptKw(p, KW_IF)) {
        guard = _PyParser_NamedExpression(p);
        if (guard == NULL) {
            return NULL;
        }
    }
    if (expect_colon(p) == NULL) {
        return NULL;
    }
    asdl_stmt_seq *body = _PyParser_Block(p, "'case' statement", kw);
    if (body == NULL) {
        return NULL;
    }
    return _PyAST_match_case(pat, guard, body, p->arena);
}

/* Try `match subject:` NEWLINE; on success return the subject, else NULL with no error
 * recorded and the position unchanged. */
static expr_ty
match_header(Parser *p)
{
    ParserMark m;
    _PyParser_Mark(p, &m);
    _PyParser_Next(p);
    _PyToken *start = CUR(p);
    expr_ty subject = NULL;
    if (start->type != NEWLINE && start->type != COLON && start->type != EQUAL &&
        start->type != DOT && start->type != ENDMARKER) {
        subject = _PyParser_StarNamedExpression(p);
        if (subject != NULL && _PyParser_Check(p, COMMA)) {
            PtrList elts;
            _PtrList_Init(&elts);
            if (_PtrList_Append(p, &elts, subject) < 0) {
                return NULL;
            }
            while (_PyParser_Accept(p, COMMA)) {
                if (_PyParser_Check(p, COLON)) {
                    break;
                }
                expr_ty e = _PyParser_StarNamedExpression(p);
                if (e == NULL || _PtrList_Append(p, &elts, e) < 0) {
                    subject = NULL;
                    break;
                }
            }
            if (subject != NULL) {
                _PyToken *last = _PyParser_Prev(p);
                asdl_expr_seq *seq = _PtrList_ToSeq(p, &elts);
                subject = seq ? _PyAST_Tuple(seq, Load, LOC(start), ELOC(last), p->arena)
                              : NULL;
            }
            else {
                _PtrList_Free(&elts);
            }
        }
        else if (subject != NULL && subject->kind == Starred_kind) {
            subject = NULL;
        }
    }
    if (subject != NULL && _PyParser_Accept(p, COLON) && _PyParser_Check(p, NEWLINE)) {
        return subject;
    }
    if (subject != NULL && subject->kind == Name_kind && _PyParser_Check(p, EQUAL)) {
        /* `match x = 1:` */
        _PyParser_MisplacedAssignment(p, subject);
        if (p->err.set && strcmp(p->err.msg, "invalid syntax") != 0) {
            return NULL;
        }
    }
    _PyParser_Reset(p, &m);
    return NULL;
}

static stmt_ty
match_stmt(Parser *p, _PyToken *kw, expr_ty subject)
{
    if (_PyParser_Expect(p, NEWLINE, NULL) == NULL) {
        return NULL;
    }
    if (!_PyParser_Check(p, INDENT)) {
        _PyToken *t = CUR(p);
        if (t->type == ERRORTOKEN || t->type == ENDMARKER) {
            return _PyParser_InvalidSyntax(p);
        }
        return _PyParser_ErrorAt(p, TOKERR_INDENTATION, t->lineno, t->col_offset,
                                 t->lineno, t->col_offset + 1,
                                 "expected an indented block after 'match' statement on "
                                 "line %d", kw->lineno);
    }
    _PyParser_Next(p);
    PtrList cases;
    _PtrList_Init(&cases);
    while (_PyParser_CheckKw(p, KW_CASE)) {
        match_case_ty c = case_block(p);
        if (c == NULL || _PtrList_Append(p, &cases, c) < 0) {
            _PtrList_Free(&cases);
            return NULL;
        }
    }
    if (cases.n == 0 || !_PyParser_Accept(p, DEDENT)) {
        _PtrList_Free(&cases);
        return _PyParser_InvalidSyntax(p);
    }
    asdl_match_case_seq *seq = _PtrList_ToSeq(p, &cases);
    if (seq == NULL) {
        return NULL;
    }
    return _PyAST_Match(subject, seq, LOC(kw), END_OF(body), p->arena);
}

/* A compound statement, or NULL with no error and nothing consumed if there is none. */
static stmt_ty
compound_stmt(Parser *p, int *found)
{
    _PyToken *t = CUR(p);
    *found = 1;
    if (t->type == AT) {
        return decorated(p);
    }
    if (t->type != NAME) {
        *found = 0;
        return NULL;
    }
    switch (t->keyword) {
    case KW_IF:
        _PyParser_Next(p);
        return if_stmt(p, t, 0);
    case KW_WHILE:
        _PyParser_Next(p);
        return while_stmt(p, t);
    case KW_FOR:
        _PyParser_Next(p);
        return for_stmt(p, t, 0);
    case KW_WITH:
        _PyParser_Next(p);
        return with_stmt(p, t, 0);
    case KW_TRY:
        _PyParser_Next(p);
        return try_stmt(p, t);
    case KW_DEF:
        _PyParser_Next(p);
        return funcdef(p, t, 0, NULL);
    case KW_CLASS:
        _PyParser_Next(p);
        return classdef(p, t, NULL);
    case KW_ASYNC: {
        int next = _PyParser_Peek(p, 1)->keyword;
        if (next == KW_DEF || next == KW_FOR || next == KW_WITH) {
            _PyParser_Next(p);
            _PyParser_Next(p);
            if (next == KW_DEF) {
                return funcdef(p, t, 1, NULL);
            }
            if (next == KW_FOR) {
                return for_stmt(p, t, 1);
            }
            return with_stmt(p, t, 1);
        }
        _PyParser_Next(p);
        return _PyParser_InvalidSyntax(p);
    }
    case KW_MATCH: {
        expr_ty subject = match_header(p);
        if (subject != NULL) {
            return match_stmt(p, t, subject);
        }
        if (FAILED(p)) {
            return NULL;
        }
        break;
    }
    case KW_ELSE: case KW_ELIF: case KW_EXCEPT: case KW_FINALLY:
        return _PyParser_InvalidSyntax(p);
    default:
        break;
    }
    *found = 0;
    return NULL;
}

/* Parse one statement line (a compound statement or simple statements) into out. */
static int
statement(Parser *p, PtrList *out)
{
    if (_PyParser_Enter(p) < 0) {
        return -1;
    }
    int found;
    stmt_ty s = compound_stmt(p, &found);
    if (found) {
        LEAVE(p);
        if (s == NULL || _PtrList_Append(p, out, s) < 0) {
            return -1;
        }
        return 0;
    }
    if (_PyParser_Check(p, INDENT) || _PyParser_Check(p, ERRORTOKEN)) {
        LEAVE(p);
        _PyParser_InvalidSyntax(p);
        return -1;
    }
    asdl_stmt_seq *ss = simple_stmts(p);
    LEAVE(p);
    if (ss == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(ss); i++) {
        if (_PtrList_Append(p, out, asdl_seq_GET(ss, i)) < 0) {
            return -1;
        }
    }
    return 0;
}

/* ---- start symbols --------------------------------------------------------------------- */

static mod_ty
file_input(Parser *p)
{
    PtrList stmts;
    _PtrList_Init(&stmts);
    while (!_PyParser_Check(p, ENDMARKER)) {
        if (FAILED(p) || statement(p, &stmts) < 0) {
            _PtrList_Free(&stmts);
            return NULL;
        }
    }
    asdl_stmt_seq *body = _PtrList_ToSeq(p, &stmts);
    if (body == NULL) {
        return NULL;
    }
    asdl_type_ignore_seq *ignores = _Py_asdl_type_ignore_seq_new(0, p->arena);
    if (ignores == NULL) {
        return _PyParser_Fatal(p);
    }
    return _PyAST_Module(body, ignores, p->arena);
}

static mod_ty
eval_input(Parser *p)
{
    /* Leading whitespace is an unexpected indent, as in CPython (eval() strips it). */
    expr_ty e = _PyParser_Expressions(p);
    if (e == NULL) {
        return NULL;
    }
    while (_PyParser_Accept(p, NEWLINE)) {
    }
    if (!_PyParser_Check(p, ENDMARKER)) {
        return _PyParser_InvalidSyntax(p);
    }
    return _PyAST_Expression(e, p->arena);
}

static mod_ty
interactive_input(Parser *p)
{
    PtrList stmts;
    _PtrList_Init(&stmts);
    if (_PyParser_Check(p, ENDMARKER)) {
        if (p->flags & PyCF_ALLOW_INCOMPLETE_INPUT) {
            /* Nothing but blank lines and comments yet: more input is needed. */
            return _PyParser_InvalidSyntax(p);
        }
    }
    else if (!_PyParser_Accept(p, NEWLINE)) {
        if (statement(p, &stmts) < 0) {
            _PtrList_Free(&stmts);
            return NULL;
        }
        while (_PyParser_Accept(p, NEWLINE)) {
        }
        if (!_PyParser_Check(p, ENDMARKER)) {
            _PtrList_Free(&stmts);
            if (_PyParser_Check(p, ERRORTOKEN)) {
                return _PyParser_InvalidSyntax(p);
            }
            _PyToken *t = CUR(p);
            return _PyParser_ErrorAtToken(p, t, "multiple statements found while compiling "
                                                "a single statement");
        }
    }
    asdl_stmt_seq *body = _PtrList_ToSeq(p, &stmts);
    if (body == NULL) {
        return NULL;
    }
    return _PyAST_Interactive(body, p->arena);
}

static mod_ty
func_type_input(Parser *p)
{
    if (_PyParser_Expect(p, LPAR, NULL) == NULL) {
        return NULL;
    }
    PtrList types;
    _PtrList_Init(&types);
    while (!_PyParser_Check(p, RPAR)) {
        _PyToken *star = CUR(p);
        int kind = 0;
        if (_PyParser_Accept(p, STAR)) {
            kind = 1;
        }
        else if (_PyParser_Accept(p, DOUBLESTAR)) {
            kind = 2;
        }
        expr_ty e = _PyParser_Expression(p);
        if (e == NULL) {
            _PtrList_Free(&types);
            return NULL;
        }
        if (kind == 1) {
            e = _PyAST_Starred(e, Load, LOC(star), NELOC(e), p->arena);
            if (e == NULL) {
                _PtrList_Free(&types);
                return _PyParser_Fatal(p);
            }
        }
        if (_PtrList_Append(p, &types, e) < 0) {
            _PtrList_Free(&types);
            return NULL;
        }
        if (!_PyParser_Accept(p, COMMA)) {
            break;
        }
    }
    if (_PyParser_Expect(p, RPAR, NULL) == NULL || _PyParser_Expect(p, RARROW, NULL) == NULL) {
        _PtrList_Free(&types);
        return NULL;
    }
    expr_ty ret = _PyParser_Expression(p);
    if (ret == NULL) {
        _PtrList_Free(&types);
        return NULL;
    }
    while (_PyParser_Accept(p, NEWLINE)) {
    }
    if (!_PyParser_Check(p, ENDMARKER)) {
        _PtrList_Free(&types);
        return _PyParser_InvalidSyntax(p);
    }
    asdl_expr_seq *seq = _PtrList_ToSeq(p, &types);
    if (seq == NULL) {
        return NULL;
    }
    return _PyAST_FunctionType(seq, ret, p->arena);
}

/* ---- entry points ---------------------------------------------------------------------- */

static mod_ty
parse_buffer(const char *str, Py_ssize_t len, PyObject *filename, int mode,
             PyCompilerFlags *flags, PyArena *arena)
{
    Parser parser;
    Parser *p = &parser;
    memset(p, 0, sizeof(*p));
    p->arena = arena;
    p->filename = filename;
    p->mode = mode;
    p->flags = flags ? flags->cf_flags : 0;
    int tokflags = 0;
    if (p->flags & PyCF_IGNORE_COOKIE) {
        /* compile() of a str: the text is UTF-8 whatever a cookie says.  (Every compile()
         * sets PyCF_SOURCE_IS_UTF8; bytes sources still honour their cookie.) */
        tokflags |= TOKFLAG_SOURCE_IS_UTF8;
    }
    if (p->flags & PyCF_DONT_IMPLY_DEDENT) {
        tokflags |= TOKFLAG_DONT_IMPLY_DEDENT;
    }
    if (p->flags & PyCF_ALLOW_INCOMPLETE_INPUT) {
        tokflags |= TOKFLAG_INTERACTIVE;
    }
    if (_PyTokenizer_Init(&p->tok, str, len, tokflags) < 0) {
        if (filename != NULL && PyErr_ExceptionMatches(PyExc_SyntaxError)) {
            /* Fill in the file name of the encoding error. */
            PyObject *exc = PyErr_GetRaisedException();
            if (exc != NULL) {
                PyObject_SetAttrString(exc, "filename", filename);
                PyErr_Clear();
                PyErr_SetRaisedException(exc);
            }
        }
        return NULL;
    }
    mod_ty result = NULL;
    switch (mode) {
    case Py_file_input:
        result = file_input(p);
        break;
    case Py_eval_input:
        result = eval_input(p);
        break;
    case Py_single_input:
        result = interactive_input(p);
        break;
    case Py_func_type_input:
        result = func_type_input(p);
        break;
    default:
        PyErr_Format(PyExc_ValueError, "invalid parser mode %d", mode);
        p->fatal = 1;
        break;
    }
    if (result == NULL) {
        if (PyErr_Occurred()) {
            /* A constructor or object call failed (MemoryError, ...): that error wins. */
            p->fatal = 1;
        }
        if (!p->fatal && !p->err.set) {
            _PyParser_InvalidSyntax(p);
        }
        if (!p->fatal && p->err.set && p->err.kind == TOKERR_SYNTAX && !p->incomplete &&
            strcmp(p->err.msg, "invalid syntax") == 0) {
            /* As CPython does, a generic error gives way to an error the tokenizer finds
             * in the rest of the input (an unclosed bracket, an unterminated string). */
            _PyToken t;
            while (!p->tok.done) {
                _PyTokenizer_Next(&p->tok, &t);
            }
            int unclosed = p->tok.level > 0 && p->tok.err_incomplete &&
                           strstr(p->tok.err_msg, "was never closed") != NULL;
            if (p->tok.last_type == ERRORTOKEN &&
                (!unclosed || p->err.lineno > p->tok.err_lineno)) {
                p->err.set = 0;
                _PyParser_ErrorAt(p, p->tok.err_kind, p->tok.err_lineno, p->tok.err_col,
                                  p->tok.err_end_lineno, p->tok.err_end_col, "%s",
                                  p->tok.err_msg);
                p->tokenizer_error_text = 1;
            }
        }
        if (!p->fatal) {
            _PyParser_RaiseError(p);
        }
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "parser failed without setting an error");
        }
    }
    else if (PyErr_Occurred()) {
        /* Warnings turned into errors, for instance. */
        result = NULL;
    }
    PyMem_Free(p->tokens);
    _PyTokenizer_Clear(&p->tok);
    return result;
}

mod_ty
_PyParser_ASTFromString(const char *str, PyObject *filename, int mode,
                        PyCompilerFlags *flags, PyArena *arena)
{
    return parse_buffer(str, (Py_ssize_t)strlen(str), filename, mode, flags, arena);
}

static int
is_compound_stmt(stmt_ty s)
{
    switch (s->kind) {
    case FunctionDef_kind: case AsyncFunctionDef_kind: case ClassDef_kind: case For_kind:
    case AsyncFor_kind: case While_kind: case If_kind: case With_kind: case AsyncWith_kind:
    case Match_kind: case Try_kind: case TryStar_kind:
        return 1;
    default:
        return 0;
    }
}

mod_ty
_PyParser_ASTFromFile(FILE *fp, PyObject *filename, const char *enc, int mode,
                      const char *ps1, const char *ps2, PyCompilerFlags *flags, int *errcode,
                      PyArena *arena)
{
    size_t cap = 8192, len = 0;
    char *buf = PyMem_Malloc(cap);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    int interactive = mode == Py_single_input;
    while (1) {
        if (len + 4096 > cap) {
            cap *= 2;
            char *nb = PyMem_Realloc(buf, cap);
            if (nb == NULL) {
                PyMem_Free(buf);
                PyErr_NoMemory();
                return NULL;
            }
            buf = nb;
        }
        if (interactive) {
            /* One line at a time: stop as soon as the statement is complete. */
            if (fgets(buf + len, (int)(cap - len - 1), fp) == NULL) {
                break;
            }
            len += strlen(buf + len);
            if (len > 0 && buf[len - 1] != '\n') {
                continue;
            }
            buf[len] = '\0';
            if (strspn(buf, " \t\f\r\n") == len) {
                /* A blank line: an empty statement, parsed below. */
                break;
            }
            PyCompilerFlags probe = flags ? *flags : (PyCompilerFlags)_PyCompilerFlags_INIT;
            probe.cf_flags |= PyCF_ALLOW_INCOMPLETE_INPUT | PyCF_DONT_IMPLY_DEDENT;
            int blank = len == 1 || (len >= 2 && buf[len - 2] == '\n');
            mod_ty m = parse_buffer(buf, (Py_ssize_t)len, filename, mode, &probe, arena);
            if (m != NULL) {
                /* As in CPython's REPL, a compound statement continues until a blank
                 * line. */
                asdl_stmt_seq *body = m->v.Interactive.body;
                if (blank || asdl_seq_LEN(body) == 0 ||
                    !is_compound_stmt(asdl_seq_GET(body, 0))) {
                    PyMem_Free(buf);
                    return m;
                }
                continue;
            }
            if (!_PyParser_IsIncompleteInputError()) {
                PyErr_Clear();
                break;
            }
            PyErr_Clear();
            continue;
        }
        size_t n = fread(buf + len, 1, cap - len - 1, fp);
        len += n;
        if (n == 0) {
            break;
        }
    }
    if (ferror(fp)) {
        PyMem_Free(buf);
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    buf[len] = '\0';
    if (interactive && len == 0) {
        /* End of input before anything was typed: no exception, errcode E_EOF. */
        PyMem_Free(buf);
        if (errcode) {
            *errcode = E_EOF;
        }
        return NULL;
    }
    PyCompilerFlags local = flags ? *flags : (PyCompilerFlags)_PyCompilerFlags_INIT;
    if (enc != NULL && strcmp(enc, "utf-8") == 0) {
        local.cf_flags |= PyCF_IGNORE_COOKIE;
    }
    mod_ty m = parse_buffer(buf, (Py_ssize_t)len, filename, mode, &local, arena);
    PyMem_Free(buf);
    if (m == NULL && errcode) {
        *errcode = E_ERROR;
    }
    return m;
}

int
_PyParser_IsIncompleteInputError(void)
{
    return PyErr_ExceptionMatches(PyExc__IncompleteInputError);
}
