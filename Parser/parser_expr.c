/* Expressions: operator precedence, atoms, displays and comprehensions, calls, subscripts,
 * lambda and function parameters, type parameters. */
#include "parser_internal.h"

static expr_ty atom(Parser *p);
static expr_ty factor(Parser *p);
static expr_ty comprehension_tail(Parser *p, _PyToken *open, expr_ty elt, expr_ty value,
                                  int kind);

#define TOK(p) CUR(p)
/* End of the last consumed token: nodes span the tokens of their rule. */
#define PEND(p) ELOC(_PyParser_Prev(p))

/* Is t a name usable as an identifier (not a hard keyword)? */
static int
is_plain_name(_PyToken *t)
{
    return t->type == NAME && (t->keyword == KW_NONE || KW_IS_SOFT(t->keyword));
}

static expr_ty
name_from_token(Parser *p, _PyToken *t, expr_context_ty ctx)
{
    PyObject *id = _PyParser_NewIdentifier(p, t);
    if (id == NULL) {
        return NULL;
    }
    return _PyAST_Name(id, ctx, LOC(t), ELOC(t), p->arena);
}

/* Can the current token start an expression?  (For the missing-comma hint.) */
static int
starts_expression(_PyToken *t)
{
    switch (t->type) {
    case NAME:
        return t->keyword == KW_NONE || t->keyword == KW_TRUE || t->keyword == KW_FALSE ||
               t->keyword == KW_NONE_ || t->keyword == KW_LAMBDA || t->keyword == KW_AWAIT ||
               t->keyword == KW_NOT || KW_IS_SOFT(t->keyword);
    case NUMBER: case STRING: case FSTRING_START: case LPAR: case LSQB: case LBRACE:
    case ELLIPSIS: case TILDE:
        return 1;
    default:
        return 0;
    }
}

/* Inside brackets, `a b`: CPython suggests a missing comma.  Called when an element `prev`
 * is followed by something that is neither a separator nor a closer; records the error. */
void *
_PyParser_MissingComma(Parser *p, expr_ty prev)
{
    _PyToken *t = TOK(p);
    if (t->type == ERRORTOKEN || p->tok.level == 0 || !starts_expression(t) ||
        (prev->kind == Name_kind && (t->type == STRING || t->type == FSTRING_START))) {
        return _PyParser_InvalidSyntax(p);
    }
    ParserMark m;
    _PyParser_Mark(p, &m);
    expr_ty next = _PyParser_Expression(p);
    if (next == NULL) {
        if (p->fatal) {
            return NULL;
        }
        _PyParser_Reset(p, &m);
        return _PyParser_InvalidSyntax(p);
    }
    _PyParser_Reset(p, &m);
    return _PyParser_ErrorRange(p, prev, next, "invalid syntax. Perhaps you forgot a comma?");
}

/* ---- lambda and parameters ------------------------------------------------------------- */

static arg_ty
parameter(Parser *p, int lambda, int star)
{
    _PyToken *t = TOK(p);
    if (!is_plain_name(t)) {
        return _PyParser_InvalidSyntax(p);
    }
    _PyParser_Next(p);
    PyObject *id = _PyParser_NewIdentifier(p, t);
    if (id == NULL) {
        return NULL;
    }
    expr_ty ann = NULL;
    if (!lambda && _PyParser_Accept(p, COLON)) {
        _PyToken *st = TOK(p);
        if (star && _PyParser_Accept(p, STAR)) {
            /* def f(*args: *Ts) */
            expr_ty v = _PyParser_Expression(p);
            if (v == NULL) {
                return NULL;
            }
            ann = _PyAST_Starred(v, Load, LOC(st), PEND(p), p->arena);
        }
        else {
            ann = _PyParser_Expression(p);
        }
        if (ann == NULL) {
            return NULL;
        }
    }
    _PyToken *last = _PyParser_Prev(p);
    return _PyAST_arg(id, ann, NULL, LOC(t), ELOC(last), p->arena);
}

arguments_ty
_PyParser_Parameters(Parser *p, int lambda, int close)
{
    PtrList posonly, args, defaults, kwonly, kwdefaults;
    _PtrList_Init(&posonly);
    _PtrList_Init(&args);
    _PtrList_Init(&defaults);
    _PtrList_Init(&kwonly);
    _PtrList_Init(&kwdefaults);
    arg_ty vararg = NULL, kwarg = NULL;
    int seen_slash = 0, seen_star = 0;
    arguments_ty result = NULL;
    while (!_PyParser_Check(p, close)) {
        _PyToken *t = TOK(p);
        if (kwarg != NULL) {
            _PyParser_ErrorAtToken(p, t, "arguments cannot follow var-keyword argument");
            goto done;
        }
        if (t->type == SLASH) {
            _PyParser_Next(p);
            if (seen_slash) {
                _PyParser_ErrorAtToken(p, t, "/ may appear only once");
                goto done;
            }
            if (seen_star) {
                _PyParser_ErrorAtToken(p, t, "/ must be ahead of *");
                goto done;
            }
            if (args.n == 0) {
                _PyParser_ErrorAtToken(p, t, "invalid syntax");
                goto done;
            }
            seen_slash = 1;
            for (Py_ssize_t i = 0; i < args.n; i++) {
                if (_PtrList_Append(p, &posonly, args.items[i]) < 0) {
                    goto done;
                }
            }
            args.n = 0;
        }
        else if (t->type == STAR) {
            _PyParser_Next(p);
            if (seen_star) {
                _PyParser_ErrorAtToken(p, t, "* argument may appear only once");
                goto done;
            }
            seen_star = 1;
            if (_PyParser_Check(p, COMMA) || _PyParser_Check(p, close)) {
                _PyToken *n1 = _PyParser_Check(p, COMMA) ? _PyParser_Peek(p, 1) : TOK(p);
                if (n1->type == close || n1->type == DOUBLESTAR) {
                    _PyParser_ErrorAtToken(p, t, "named arguments must follow bare *");
                    goto done;
                }
            }
            else {
                vararg = parameter(p, lambda, 1);
                if (vararg == NULL) {
                    goto done;
                }
                if (_PyParser_Check(p, EQUAL)) {
                    _PyParser_ErrorAtToken(p, TOK(p), "var-positional argument cannot have "
                                                      "default value");
                    goto done;
                }
            }
        }
        else if (t->type == DOUBLESTAR) {
            _PyParser_Next(p);
            kwarg = parameter(p, lambda, 0);
            if (kwarg == NULL) {
                goto done;
            }
            if (_PyParser_Check(p, EQUAL)) {
                _PyParser_ErrorAtToken(p, TOK(p), "var-keyword argument cannot have default "
                                                  "value");
                goto done;
            }
        }
        else {
            arg_ty a = parameter(p, lambda, 0);
            if (a == NULL) {
                goto done;
            }
            expr_ty dflt = NULL;
            if (_PyParser_Accept(p, EQUAL)) {
                dflt = _PyParser_Expression(p);
                if (dflt == NULL) {
                    goto done;
                }
            }
            if (seen_star) {
                if (_PtrList_Append(p, &kwonly, a) < 0 ||
                    _PtrList_Append(p, &kwdefaults, dflt) < 0) {
                    goto done;
                }
            }
            else {
                if (dflt == NULL && defaults.n > 0) {
                    _PyParser_ErrorAt(p, TOKERR_SYNTAX, a->lineno, a->col_offset,
                                      a->end_lineno, a->end_col_offset,
                                      "parameter without a default follows parameter with "
                                      "a default");
                    goto done;
                }
                if (_PtrList_Append(p, &args, a) < 0 ||
                    (dflt != NULL && _PtrList_Append(p, &defaults, dflt) < 0)) {
                    goto done;
                }
            }
        }
        if (!_PyParser_Accept(p, COMMA)) {
            if (!_PyParser_Check(p, close)) {
                if (lambda && _PyParser_Check(p, LPAR)) {
                    _PyParser_ErrorAtToken(p, TOK(p), "Lambda expression parameters cannot "
                                                      "be parenthesized");
                    goto done;
                }
                _PyParser_InvalidSyntax(p);
                goto done;
            }
            break;
        }
    }
    if (seen_star && vararg == NULL && kwonly.n == 0 && !FAILED(p)) {
        _PyParser_ErrorAtToken(p, TOK(p), "named arguments must follow bare *");
        goto done;
    }
    {
        asdl_arg_seq *s_posonly = _PyParser_SeqFromList(p, posonly.items, posonly.n);
        asdl_arg_seq *s_args = _PyParser_SeqFromList(p, args.items, args.n);
        asdl_expr_seq *s_defaults = _PyParser_SeqFromList(p, defaults.items, defaults.n);
        asdl_arg_seq *s_kwonly = _PyParser_SeqFromList(p, kwonly.items, kwonly.n);
        asdl_expr_seq *s_kwdefaults = _PyParser_SeqFromList(p, kwdefaults.items,
                                                            kwdefaults.n);
        if (s_posonly && s_args && s_defaults && s_kwonly && s_kwdefaults) {
            result = _PyAST_arguments(s_posonly, s_args, vararg, s_kwonly, s_kwdefaults,
                                      kwarg, s_defaults, p->arena);
        }
    }
done:
    _PtrList_Free(&posonly);
    _PtrList_Free(&args);
    _PtrList_Free(&defaults);
    _PtrList_Free(&kwonly);
    _PtrList_Free(&kwdefaults);
    return result;
}

static expr_ty
lambdef(Parser *p)
{
    _PyToken *kw = _PyParser_Next(p);
    arguments_ty args = _PyParser_Parameters(p, 1, COLON);
    if (args == NULL || _PyParser_Expect(p, COLON, "':'") == NULL) {
        return NULL;
    }
    expr_ty body = _PyParser_Expression(p);
    if (body == NULL) {
        return NULL;
    }
    return _PyAST_Lambda(args, body, LOC(kw), PEND(p), p->arena);
}

/* ---- type parameters (PEP 695) --------------------------------------------------------- */

asdl_type_param_seq *
_PyParser_TypeParams(Parser *p)
{
    _PyParser_Next(p);
    if (_PyParser_Check(p, RSQB)) {
        return _PyParser_ErrorAt(p, TOKERR_SYNTAX, LOC(TOK(p)), LOC(TOK(p)),
                                 "Type parameter list cannot be empty");
    }
    PtrList params;
    _PtrList_Init(&params);
    while (!_PyParser_Check(p, RSQB)) {
        _PyToken *start = TOK(p);
        int kind = 0;
        if (_PyParser_Accept(p, STAR)) {
            kind = 1;
        }
        else if (_PyParser_Accept(p, DOUBLESTAR)) {
            kind = 2;
        }
        _PyToken *nt = TOK(p);
        if (!is_plain_name(nt)) {
            _PtrList_Free(&params);
            return _PyParser_InvalidSyntax(p);
        }
        _PyParser_Next(p);
        PyObject *id = _PyParser_NewIdentifier(p, nt);
        if (id == NULL) {
            _PtrList_Free(&params);
            return NULL;
        }
        expr_ty bound = NULL, dflt = NULL;
        if (_PyParser_Check(p, COLON)) {
            _PyToken *colon = _PyParser_Next(p);
            if (kind != 0) {
                _PtrList_Free(&params);
                expr_ty b = _PyParser_Expression(p);
                if (b == NULL) {
                    return NULL;
                }
                return _PyParser_ErrorAt(p, TOKERR_SYNTAX, LOC(colon), PEND(p), kind == 1
                                         ? "cannot use bound with TypeVarTuple"
                                         : "cannot use bound with ParamSpec");
            }
            bound = _PyParser_Expression(p);
            if (bound == NULL) {
                _PtrList_Free(&params);
                return NULL;
            }
        }
        if (_PyParser_Accept(p, EQUAL)) {
            _PyToken *st = TOK(p);
            if (kind == 1 && _PyParser_Accept(p, STAR)) {
                expr_ty v = _PyParser_BitwiseOr(p);
                dflt = v ? _PyAST_Starred(v, Load, LOC(st), PEND(p), p->arena) : NULL;
            }
            else {
                dflt = _PyParser_Expression(p);
            }
            if (dflt == NULL) {
                _PtrList_Free(&params);
                return NULL;
            }
        }
        _PyToken *last = _PyParser_Prev(p);
        type_param_ty tp;
        if (kind == 0) {
            tp = _PyAST_TypeVar(id, bound, dflt, LOC(start), ELOC(last), p->arena);
        }
        else if (kind == 1) {
            tp = _PyAST_TypeVarTuple(id, dflt, LOC(start), ELOC(last), p->arena);
        }
        else {
            tp = _PyAST_ParamSpec(id, dflt, LOC(start), ELOC(last), p->arena);
        }
        if (tp == NULL || _PtrList_Append(p, &params, tp) < 0) {
            _PtrList_Free(&params);
            return _PyParser_Fatal(p);
        }
        if (!_PyParser_Accept(p, COMMA)) {
            break;
        }
    }
    if (_PyParser_Expect(p, RSQB, NULL) == NULL) {
        _PtrList_Free(&params);
        return NULL;
    }
    return _PtrList_ToSeq(p, &params);
}

/* ---- calls ----------------------------------------------------------------------------- */

int
_PyParser_CallArguments(Parser *p, asdl_expr_seq **pargs, asdl_keyword_seq **pkws,
                        int close)
{
    PtrList args, kws;
    _PtrList_Init(&args);
    _PtrList_Init(&kws);
    int seen_kwunpack = 0;
    int genexp = 0;
    int nitems = 0;
    int allow_genexp = close > 0;
    close = close > 0 ? close : -close;
    while (!_PyParser_Check(p, close)) {
        _PyToken *t = TOK(p);
        nitems++;
        if (t->type == STAR) {
            _PyParser_Next(p);
            if (_PyParser_Check(p, close) || _PyParser_Check(p, COMMA)) {
                _PyParser_ErrorAtToken(p, TOK(p), "Invalid star expression");
                goto error;
            }
            expr_ty v = _PyParser_Expression(p);
            if (v == NULL) {
                goto error;
            }
            if (seen_kwunpack) {
                _PyToken *comma = _PyParser_Peek(p, -1);
                for (int k = -1; comma->type != COMMA && p->pos + k > 0; k--) {
                    comma = _PyParser_Peek(p, k);
                }
                _PyParser_ErrorAt(p, TOKERR_SYNTAX, LOC(comma), PEND(p),
                                  "iterable argument unpacking follows keyword argument "
                                  "unpacking");
                goto error;
            }
            expr_ty s = _PyAST_Starred(v, Load, LOC(t), PEND(p), p->arena);
            if (s == NULL || _PtrList_Append(p, &args, s) < 0) {
                goto error;
            }
        }
        else if (t->type == DOUBLESTAR) {
            _PyParser_Next(p);
            expr_ty v = _PyParser_Expression(p);
            if (v == NULL) {
                goto error;
            }
            if (_PyParser_Check(p, EQUAL)) {
                _PyParser_Next(p);
                if (_PyParser_Expression(p) != NULL) {
                    _PyParser_ErrorAt(p, TOKERR_SYNTAX, LOC(t), PEND(p),
                                      "cannot assign to keyword argument unpacking");
                }
                goto error;
            }
            keyword_ty k = _PyAST_keyword(NULL, v, LOC(t), PEND(p), p->arena);
            if (k == NULL || _PtrList_Append(p, &kws, k) < 0) {
                goto error;
            }
            seen_kwunpack = 1;
        }
        else if (t->type == NAME && _PyParser_Peek(p, 1)->type == EQUAL) {
            if (!is_plain_name(t)) {
                if (t->keyword == KW_TRUE || t->keyword == KW_FALSE ||
                    t->keyword == KW_NONE_) {
                    _PyToken *eq = _PyParser_Peek(p, 1);
                    _PyParser_ErrorAt(p, TOKERR_SYNTAX, LOC(t), ELOC(eq), "cannot assign to %.*s",
                                      (int)(t->end - t->start), t->start);
                }
                else {
                    _PyParser_InvalidSyntax(p);
                }
                goto error;
            }
            _PyParser_Next(p);
            _PyToken *eq = _PyParser_Next(p);
            if (_PyParser_Check(p, close) || _PyParser_Check(p, COMMA)) {
                _PyParser_ErrorAt(p, TOKERR_SYNTAX, LOC(t), ELOC(eq),
                                  "expected argument value expression");
                goto error;
            }
            PyObject *id = _PyParser_NewIdentifier(p, t);
            if (id == NULL) {
                goto error;
            }
            expr_ty v = _PyParser_Expression(p);
            if (v == NULL) {
                goto error;
            }
            keyword_ty k = _PyAST_keyword(id, v, LOC(t), PEND(p), p->arena);
            if (k == NULL || _PtrList_Append(p, &kws, k) < 0) {
                goto error;
            }
        }
        else {
            expr_ty e = _PyParser_NamedExpression(p);
            if (e == NULL) {
                goto error;
            }
            if (!allow_genexp && _PyParser_CheckKw(p, KW_FOR)) {
                _PyParser_InvalidSyntax(p);
                goto error;
            }
            if (_PyParser_CheckKw(p, KW_FOR) || (_PyParser_CheckKw(p, KW_ASYNC) &&
                                                 _PyParser_Peek(p, 1)->keyword == KW_FOR)) {
                e = comprehension_tail(p, NULL, e, NULL, GeneratorExp_kind);
                if (e == NULL) {
                    goto error;
                }
                genexp = 1;
                p->bare_genexp = e;
            }
            else if (_PyParser_Check(p, EQUAL)) {
                _PyToken *eq = _PyParser_Next(p);
                _PyParser_ErrorAt(p, TOKERR_SYNTAX, NLOC(e), ELOC(eq),
                                  "expression cannot contain assignment, perhaps you meant "
                                  "\"==\"?");
                goto error;
            }
            if (kws.n > 0) {
                _PyToken *after = TOK(p);
                _PyParser_ErrorAt(p, TOKERR_SYNTAX, LOC(after), ELOC(after), seen_kwunpack
                                  ? "positional argument follows keyword argument unpacking"
                                  : "positional argument follows keyword argument");
                goto error;
            }
            if (_PtrList_Append(p, &args, e) < 0) {
                goto error;
            }
        }
        if (!_PyParser_Accept(p, COMMA)) {
            if (!_PyParser_Check(p, close)) {
                expr_ty prev = args.n > 0 ? args.items[args.n - 1] : NULL;
                if (kws.n > 0 && (prev == NULL || 1)) {
                    keyword_ty k = kws.items[kws.n - 1];
                    prev = k->value;
                }
                if (prev != NULL) {
                    _PyParser_MissingComma(p, prev);
                }
                else {
                    _PyParser_InvalidSyntax(p);
                }
                goto error;
            }
            break;
        }
    }
    if (genexp && nitems > 1) {
        for (Py_ssize_t i = 0; i < args.n; i++) {
            expr_ty a = args.items[i];
            if (a->kind == GeneratorExp_kind) {
                _PyParser_ErrorAtNode(p, a, "Generator expression must be parenthesized");
                goto error;
            }
        }
    }
    *pargs = _PtrList_ToSeq(p, &args);
    *pkws = _PtrList_ToSeq(p, &kws);
    if (*pargs == NULL || *pkws == NULL) {
        return -1;
    }
    return 0;
error:
    _PtrList_Free(&args);
    _PtrList_Free(&kws);
    return -1;
}

/* ---- subscripts ------------------------------------------------------------------------ */

static expr_ty
slice_item(Parser *p)
{
    _PyToken *start = TOK(p);
    if (start->type == STAR) {
        _PyParser_Next(p);
        expr_ty v = _PyParser_BitwiseOr(p);
        if (v == NULL) {
            return NULL;
        }
        return _PyAST_Starred(v, Load, LOC(start), PEND(p), p->arena);
    }
    expr_ty lower = NULL, upper = NULL, step = NULL;
    if (start->type != COLON) {
        lower = _PyParser_NamedExpression(p);
        if (lower == NULL) {
            return NULL;
        }
        if (_PyParser_Check(p, EQUAL)) {
            return _PyParser_MisplacedAssignment(p, lower);
        }
        if (!_PyParser_Check(p, COLON)) {
            return lower;
        }
        if (lower->kind == NamedExpr_kind) {
            return _PyParser_InvalidSyntax(p);
        }
    }
    _PyParser_Next(p);  /* ':' */
    int t = TOK(p)->type;
    if (t != COLON && t != COMMA && t != RSQB) {
        upper = _PyParser_Expression(p);
        if (upper == NULL) {
            return NULL;
        }
    }
    if (_PyParser_Accept(p, COLON)) {
        t = TOK(p)->type;
        if (t != COMMA && t != RSQB) {
            step = _PyParser_Expression(p);
            if (step == NULL) {
                return NULL;
            }
        }
    }
    _PyToken *last = _PyParser_Prev(p);
    return _PyAST_Slice(lower, upper, step, LOC(start), ELOC(last), p->arena);
}

static expr_ty
slices(Parser *p)
{
    _PyToken *start = TOK(p);
    expr_ty first = slice_item(p);
    if (first == NULL) {
        return NULL;
    }
    if (!_PyParser_Check(p, COMMA)) {
        if (first->kind == Starred_kind) {
            /* a[*b] is a[(*b,)] */
        }
        else {
            return first;
        }
    }
    PtrList items;
    _PtrList_Init(&items);
    if (_PtrList_Append(p, &items, first) < 0) {
        return NULL;
    }
    while (_PyParser_Accept(p, COMMA)) {
        if (_PyParser_Check(p, RSQB)) {
            break;
        }
        expr_ty e = slice_item(p);
        if (e == NULL || _PtrList_Append(p, &items, e) < 0) {
            _PtrList_Free(&items);
            return NULL;
        }
    }
    _PyToken *last = _PyParser_Prev(p);
    asdl_expr_seq *seq = _PtrList_ToSeq(p, &items);
    if (seq == NULL) {
        return NULL;
    }
    return _PyAST_Tuple(seq, Load, LOC(start), ELOC(last), p->arena);
}

/* ---- primary --------------------------------------------------------------------------- */

expr_ty
_PyParser_Primary(Parser *p)
{
    _PyToken *start = TOK(p);
    expr_ty e = atom(p);
    if (e == NULL) {
        return NULL;
    }
    while (1) {
        _PyToken *t = TOK(p);
        if (t->type == DOT) {
            _PyParser_Next(p);
            _PyToken *nt = TOK(p);
            if (!is_plain_name(nt)) {
                return _PyParser_InvalidSyntax(p);
            }
            _PyParser_Next(p);
            PyObject *id = _PyParser_NewIdentifier(p, nt);
            if (id == NULL) {
                return NULL;
            }
            e = _PyAST_Attribute(e, id, Load, LOC(start), ELOC(nt), p->arena);
        }
        else if (t->type == LPAR) {
            _PyParser_Next(p);
            asdl_expr_seq *args;
            asdl_keyword_seq *kws;
            if (_PyParser_CallArguments(p, &args, &kws, RPAR) < 0) {
                return NULL;
            }
            _PyToken *close = _PyParser_Expect(p, RPAR, NULL);
            if (close == NULL) {
                return NULL;
            }
            /* A lone generator argument spans the parentheses. */
            if (asdl_seq_LEN(args) == 1 && asdl_seq_LEN(kws) == 0) {
                expr_ty g = asdl_seq_GET(args, 0);
                if (g == p->bare_genexp) {
                    g->lineno = t->lineno;
                    g->col_offset = t->col_offset;
                    g->end_lineno = close->end_lineno;
                    g->end_col_offset = close->end_col_offset;
                }
            }
            e = _PyAST_Call(e, args, kws, LOC(start), ELOC(close), p->arena);
        }
        else if (t->type == LSQB) {
            _PyParser_Next(p);
            expr_ty s = slices(p);
            if (s == NULL) {
                return NULL;
            }
            _PyToken *close = _PyParser_Expect(p, RSQB, NULL);
            if (close == NULL) {
                return NULL;
            }
            e = _PyAST_Subscript(e, s, Load, LOC(start), ELOC(close), p->arena);
        }
        else {
            return e;
        }
        if (e == NULL) {
            return _PyParser_Fatal(p);
        }
    }
}

static expr_ty
await_primary(Parser *p)
{
    _PyToken *t = TOK(p);
    if (t->type == NAME && t->keyword == KW_AWAIT) {
        _PyParser_Next(p);
        expr_ty v = _PyParser_Primary(p);
        if (v == NULL) {
            return NULL;
        }
        return _PyAST_Await(v, LOC(t), PEND(p), p->arena);
    }
    return _PyParser_Primary(p);
}

static expr_ty
power(Parser *p)
{
    _PyToken *start = TOK(p);
    expr_ty base = await_primary(p);
    if (base == NULL) {
        return NULL;
    }
    if (_PyParser_Accept(p, DOUBLESTAR)) {
        if (_PyParser_Enter(p) < 0) {
            return NULL;
        }
        expr_ty exp = factor(p);
        LEAVE(p);
        if (exp == NULL) {
            return NULL;
        }
        return _PyAST_BinOp(base, Pow, exp, LOC(start), PEND(p), p->arena);
    }
    return base;
}

static expr_ty
factor(Parser *p)
{
    _PyToken *t = TOK(p);
    unaryop_ty op;
    switch (t->type) {
    case PLUS: op = UAdd; break;
    case MINUS: op = USub; break;
    case TILDE: op = Invert; break;
    default: return power(p);
    }
    if (_PyParser_Enter(p) < 0) {
        return NULL;
    }
    _PyParser_Next(p);
    expr_ty operand = factor(p);
    LEAVE(p);
    if (operand == NULL) {
        return NULL;
    }
    return _PyAST_UnaryOp(op, operand, LOC(t), PEND(p), p->arena);
}

typedef expr_ty (*subexpr_fn)(Parser *);

static int
term_op(int type, operator_ty *op)
{
    switch (type) {
    case STAR: *op = Mult; return 1;
    case SLASH: *op = Div; return 1;
    case DOUBLESLASH: *op = FloorDiv; return 1;
    case PERCENT: *op = Mod; return 1;
    case AT: *op = MatMult; return 1;
    default: return 0;
    }
}

static int
sum_op(int type, operator_ty *op)
{
    switch (type) {
    case PLUS: *op = Add; return 1;
    case MINUS: *op = Sub; return 1;
    default: return 0;
    }
}

static int
shift_op(int type, operator_ty *op)
{
    switch (type) {
    case LEFTSHIFT: *op = LShift; return 1;
    case RIGHTSHIFT: *op = RShift; return 1;
    default: return 0;
    }
}

static int
and_op(int type, operator_ty *op)
{
    if (type == AMPER) {
        *op = BitAnd;
        return 1;
    }
    return 0;
}

static int
xor_op(int type, operator_ty *op)
{
    if (type == CIRCUMFLEX) {
        *op = BitXor;
        return 1;
    }
    return 0;
}

static int
or_op(int type, operator_ty *op)
{
    if (type == VBAR) {
        *op = BitOr;
        return 1;
    }
    return 0;
}

/* Left-associative binary operator level. */
static expr_ty
binary_level(Parser *p, subexpr_fn sub, int (*match)(int, operator_ty *))
{
    _PyToken *start = TOK(p);
    expr_ty left = sub(p);
    if (left == NULL) {
        return NULL;
    }
    operator_ty op;
    while (match(TOK(p)->type, &op)) {
        _PyParser_Next(p);
        expr_ty right = sub(p);
        if (right == NULL) {
            return NULL;
        }
        left = _PyAST_BinOp(left, op, right, LOC(start), PEND(p), p->arena);
        if (left == NULL) {
            return _PyParser_Fatal(p);
        }
    }
    return left;
}

static expr_ty term(Parser *p) { return binary_level(p, factor, term_op); }
static expr_ty sum(Parser *p) { return binary_level(p, term, sum_op); }
static expr_ty shift_expr(Parser *p) { return binary_level(p, sum, shift_op); }
static expr_ty bitwise_and(Parser *p) { return binary_level(p, shift_expr, and_op); }
static expr_ty bitwise_xor(Parser *p) { return binary_level(p, bitwise_and, xor_op); }

expr_ty
_PyParser_BitwiseOr(Parser *p)
{
    return binary_level(p, bitwise_xor, or_op);
}

/* The comparison operator at the current position (consuming it), or 0. */
static int
compare_op(Parser *p, cmpop_ty *op)
{
    _PyToken *t = TOK(p);
    switch (t->type) {
    case EQEQUAL: *op = Eq; break;
    case NOTEQUAL:
        if (t->start[0] == '<') {
            return 0;   /* `<>` is only valid with barry_as_FLUFL */
        }
        *op = NotEq;
        break;
    case LESS: *op = Lt; break;
    case LESSEQUAL: *op = LtE; break;
    case GREATER: *op = Gt; break;
    case GREATEREQUAL: *op = GtE; break;
    case NAME:
        if (t->keyword == KW_IN) {
            *op = In;
            break;
        }
        if (t->keyword == KW_NOT && _PyParser_Peek(p, 1)->keyword == KW_IN &&
            _PyParser_Peek(p, 1)->type == NAME) {
            _PyParser_Next(p);
            *op = NotIn;
            break;
        }
        if (t->keyword == KW_IS) {
            _PyToken *n = _PyParser_Peek(p, 1);
            if (n->type == NAME && n->keyword == KW_NOT) {
                _PyParser_Next(p);
                *op = IsNot;
            }
            else {
                *op = Is;
            }
            break;
        }
        return 0;
    default:
        return 0;
    }
    _PyParser_Next(p);
    return 1;
}

static expr_ty
comparison(Parser *p)
{
    _PyToken *start = TOK(p);
    expr_ty left = _PyParser_BitwiseOr(p);
    if (left == NULL) {
        return NULL;
    }
    cmpop_ty op;
    if (!compare_op(p, &op)) {
        return left;
    }
    PtrList ops, comparators;
    _PtrList_Init(&ops);
    _PtrList_Init(&comparators);
    do {
        expr_ty right = _PyParser_BitwiseOr(p);
        if (right == NULL || _PtrList_Append(p, &ops, (void *)(intptr_t)op) < 0 ||
            _PtrList_Append(p, &comparators, right) < 0) {
            _PtrList_Free(&ops);
            _PtrList_Free(&comparators);
            return NULL;
        }
    } while (compare_op(p, &op));
    asdl_int_seq *opseq = _Py_asdl_int_seq_new(ops.n, p->arena);
    if (opseq == NULL) {
        _PtrList_Free(&ops);
        _PtrList_Free(&comparators);
        return _PyParser_Fatal(p);
    }
    for (Py_ssize_t i = 0; i < ops.n; i++) {
        asdl_seq_SET(opseq, i, (int)(intptr_t)ops.items[i]);
    }
    _PtrList_Free(&ops);
    asdl_expr_seq *cs = _PtrList_ToSeq(p, &comparators);
    if (cs == NULL) {
        return NULL;
    }
    return _PyAST_Compare(left, opseq, cs, LOC(start), PEND(p), p->arena);
}

static expr_ty
inversion(Parser *p)
{
    _PyToken *t = TOK(p);
    if (t->type == NAME && t->keyword == KW_NOT) {
        if (_PyParser_Enter(p) < 0) {
            return NULL;
        }
        _PyParser_Next(p);
        expr_ty operand = inversion(p);
        LEAVE(p);
        if (operand == NULL) {
            return NULL;
        }
        return _PyAST_UnaryOp(Not, operand, LOC(t), PEND(p), p->arena);
    }
    return comparison(p);
}

static expr_ty
boolop_level(Parser *p, subexpr_fn sub, int kw, boolop_ty op)
{
    _PyToken *start = TOK(p);
    expr_ty first = sub(p);
    if (first == NULL || !_PyParser_CheckKw(p, kw)) {
        return first;
    }
    PtrList values;
    _PtrList_Init(&values);
    if (_PtrList_Append(p, &values, first) < 0) {
        return NULL;
    }
    while (_PyParser_AcceptKw(p, kw)) {
        expr_ty e = sub(p);
        if (e == NULL || _PtrList_Append(p, &values, e) < 0) {
            _PtrList_Free(&values);
            return NULL;
        }
    }
    asdl_expr_seq *seq = _PtrList_ToSeq(p, &values);
    if (seq == NULL) {
        return NULL;
    }
    return _PyAST_BoolOp(op, seq, LOC(start), PEND(p), p->arena);
}

static expr_ty
conjunction(Parser *p)
{
    return boolop_level(p, inversion, KW_AND, And);
}

expr_ty
_PyParser_Disjunction(Parser *p)
{
    return boolop_level(p, conjunction, KW_OR, Or);
}

expr_ty
_PyParser_Expression(Parser *p)
{
    if (_PyParser_Enter(p) < 0) {
        return NULL;
    }
    expr_ty result;
    if (_PyParser_CheckKw(p, KW_LAMBDA)) {
        result = lambdef(p);
        LEAVE(p);
        return result;
    }
    _PyToken *start = TOK(p);
    expr_ty body = _PyParser_Disjunction(p);
    if (body == NULL || !_PyParser_CheckKw(p, KW_IF)) {
        LEAVE(p);
        return body;
    }
    _PyParser_Next(p);
    expr_ty test = _PyParser_Disjunction(p);
    if (test == NULL) {
        LEAVE(p);
        return NULL;
    }
    if (!_PyParser_AcceptKw(p, KW_ELSE)) {
        LEAVE(p);
        _PyToken *t = TOK(p);
        if (t->type == ERRORTOKEN || t->type == ENDMARKER) {
            return _PyParser_InvalidSyntax(p);
        }
        return _PyParser_ErrorRange(p, body, test, "expected 'else' after 'if' expression");
    }
    expr_ty orelse = _PyParser_Expression(p);
    LEAVE(p);
    if (orelse == NULL) {
        return NULL;
    }
    return _PyAST_IfExp(test, body, orelse, LOC(start), PEND(p), p->arena);
}

expr_ty
_PyParser_NamedExpression(Parser *p)
{
    _PyToken *t = TOK(p);
    if (is_plain_name(t) && _PyParser_Peek(p, 1)->type == COLONEQUAL) {
        _PyParser_Next(p);
        _PyParser_Next(p);
        expr_ty target = name_from_token(p, t, Store);
        if (target == NULL) {
            return NULL;
        }
        expr_ty value = _PyParser_Expression(p);
        if (value == NULL) {
            return NULL;
        }
        return _PyAST_NamedExpr(target, value, LOC(t), PEND(p), p->arena);
    }
    expr_ty e = _PyParser_Expression(p);
    if (e != NULL && _PyParser_Check(p, COLONEQUAL)) {
        return _PyParser_ErrorAtNode(p, e, "cannot use assignment expressions with %s",
                                     _PyParser_ExprName(e));
    }
    return e;
}

static expr_ty
star_expression(Parser *p)
{
    _PyToken *t = TOK(p);
    if (t->type == STAR) {
        _PyParser_Next(p);
        expr_ty v = _PyParser_BitwiseOr(p);
        if (v == NULL) {
            return NULL;
        }
        return _PyAST_Starred(v, Load, LOC(t), PEND(p), p->arena);
    }
    return _PyParser_Expression(p);
}

expr_ty
_PyParser_StarNamedExpression(Parser *p)
{
    _PyToken *t = TOK(p);
    if (t->type == STAR) {
        return star_expression(p);
    }
    return _PyParser_NamedExpression(p);
}

/* `e = ...` where an expression was expected (inside brackets): CPython's hints. */
void *
_PyParser_MisplacedAssignment(Parser *p, expr_ty e)
{
    _PyParser_Next(p);   /* '=' */
    if (e->kind == Name_kind) {
        expr_ty rhs = _PyParser_BitwiseOr(p);
        if (rhs == NULL) {
            return NULL;
        }
        if (_PyParser_Check(p, EQUAL) || _PyParser_Check(p, COLONEQUAL)) {
            return _PyParser_InvalidSyntax(p);
        }
        return _PyParser_ErrorRange(p, e, rhs, "invalid syntax. Maybe you meant '==' or ':=' "
                                               "instead of '='?");
    }
    if (!_PyParser_SuggestEquality(e) || e->kind == GeneratorExp_kind) {
        return _PyParser_InvalidSyntax(p);
    }
    return _PyParser_ErrorAtNode(p, e, "cannot assign to %s here. Maybe you meant '==' "
                                       "instead of '='?", _PyParser_ExprName(e));
}

/* A display element: star_named_expression, with the hint for `[x = 1]`. */
static expr_ty
display_element(Parser *p)
{
    expr_ty e = _PyParser_StarNamedExpression(p);
    if (e != NULL && _PyParser_Check(p, EQUAL) && e->kind != Starred_kind) {
        return _PyParser_MisplacedAssignment(p, e);
    }
    return e;
}

/* Can the current token end a comma-separated expression list? */
static int
at_list_end(Parser *p)
{
    switch (TOK(p)->type) {
    case NEWLINE: case SEMI: case ENDMARKER: case EQUAL: case RPAR: case RSQB: case RBRACE:
    case COLON: case ERRORTOKEN:
        return 1;
    case NAME:
        return TOK(p)->keyword == KW_IN || TOK(p)->keyword == KW_FOR ||
               TOK(p)->keyword == KW_IF || TOK(p)->keyword == KW_ELSE;
    default: {
        /* augmented assignment operators */
        int t = TOK(p)->type;
        return (t >= PLUSEQUAL && t <= DOUBLESTAREQUAL) || t == DOUBLESLASHEQUAL ||
               t == ATEQUAL;
    }
    }
}

static expr_ty
expression_list(Parser *p, subexpr_fn item)
{
    _PyToken *start = TOK(p);
    expr_ty first = item(p);
    if (first == NULL || !_PyParser_Check(p, COMMA)) {
        return first;
    }
    PtrList elts;
    _PtrList_Init(&elts);
    if (_PtrList_Append(p, &elts, first) < 0) {
        return NULL;
    }
    while (_PyParser_Accept(p, COMMA)) {
        if (at_list_end(p) || _PyParser_Check(p, EQUAL)) {
            break;
        }
        expr_ty e = item(p);
        if (e == NULL || _PtrList_Append(p, &elts, e) < 0) {
            _PtrList_Free(&elts);
            return NULL;
        }
    }
    _PyToken *last = _PyParser_Prev(p);
    asdl_expr_seq *seq = _PtrList_ToSeq(p, &elts);
    if (seq == NULL) {
        return NULL;
    }
    return _PyAST_Tuple(seq, Load, LOC(start), ELOC(last), p->arena);
}

expr_ty
_PyParser_StarExpressions(Parser *p)
{
    return expression_list(p, star_expression);
}

expr_ty
_PyParser_Expressions(Parser *p)
{
    return expression_list(p, _PyParser_Expression);
}

expr_ty
_PyParser_YieldExpr(Parser *p)
{
    _PyToken *kw = _PyParser_Next(p);
    if (_PyParser_AcceptKw(p, KW_FROM)) {
        expr_ty v = _PyParser_Expression(p);
        if (v == NULL) {
            return NULL;
        }
        return _PyAST_YieldFrom(v, LOC(kw), PEND(p), p->arena);
    }
    expr_ty v = NULL;
    if (!at_list_end(p) || _PyParser_Check(p, ERRORTOKEN)) {
        if (_PyParser_Check(p, ERRORTOKEN)) {
            return _PyParser_InvalidSyntax(p);
        }
        v = _PyParser_StarExpressions(p);
        if (v == NULL) {
            return NULL;
        }
        return _PyAST_Yield(v, LOC(kw), PEND(p), p->arena);
    }
    return _PyAST_Yield(NULL, LOC(kw), ELOC(kw), p->arena);
}

/* ---- targets --------------------------------------------------------------------------- */

static expr_ty
star_target_item(Parser *p)
{
    _PyToken *t = TOK(p);
    if (t->type == STAR) {
        _PyParser_Next(p);
        if (_PyParser_Check(p, STAR)) {
            return _PyParser_InvalidSyntax(p);
        }
        expr_ty v = _PyParser_BitwiseOr(p);
        if (v == NULL) {
            return NULL;
        }
        return _PyAST_Starred(v, Store, LOC(t), PEND(p), p->arena);
    }
    return _PyParser_BitwiseOr(p);
}

expr_ty
_PyParser_StarTargets(Parser *p)
{
    expr_ty e = expression_list(p, star_target_item);
    if (e == NULL) {
        return NULL;
    }
    return _PyParser_Target(p, e, Store, "");
}

expr_ty
_PyParser_StarTarget(Parser *p)
{
    expr_ty e = star_target_item(p);
    if (e == NULL) {
        return NULL;
    }
    return _PyParser_Target(p, e, Store, "");
}

/* ---- comprehensions -------------------------------------------------------------------- */

static asdl_comprehension_seq *
for_if_clauses(Parser *p)
{
    PtrList gens;
    _PtrList_Init(&gens);
    while (1) {
        int is_async = 0;
        if (_PyParser_CheckKw(p, KW_ASYNC) && _PyParser_Peek(p, 1)->keyword == KW_FOR &&
            _PyParser_Peek(p, 1)->type == NAME) {
            _PyParser_Next(p);
            is_async = 1;
        }
        if (!_PyParser_AcceptKw(p, KW_FOR)) {
            break;
        }
        expr_ty target = _PyParser_StarTargets(p);
        if (target == NULL) {
            _PtrList_Free(&gens);
            return NULL;
        }
        if (!_PyParser_AcceptKw(p, KW_IN)) {
            _PtrList_Free(&gens);
            return _PyParser_InvalidSyntax(p);
        }
        expr_ty iter = _PyParser_Disjunction(p);
        if (iter == NULL) {
            _PtrList_Free(&gens);
            return NULL;
        }
        PtrList ifs;
        _PtrList_Init(&ifs);
        while (_PyParser_AcceptKw(p, KW_IF)) {
            expr_ty cond = _PyParser_Disjunction(p);
            if (cond == NULL || _PtrList_Append(p, &ifs, cond) < 0) {
                _PtrList_Free(&ifs);
                _PtrList_Free(&gens);
                return NULL;
            }
        }
        asdl_expr_seq *ifseq = _PtrList_ToSeq(p, &ifs);
        comprehension_ty c = ifseq ? _PyAST_comprehension(target, iter, ifseq, is_async,
                                                          p->arena) : NULL;
        if (c == NULL || _PtrList_Append(p, &gens, c) < 0) {
            _PtrList_Free(&gens);
            return _PyParser_Fatal(p);
        }
    }
    return _PtrList_ToSeq(p, &gens);
}

/* After the element of a comprehension: parse the clauses and build the node of kind.  open
 * is the opening bracket (NULL for a bare generator argument); the closer is consumed by the
 * caller, which fixes the end location. */
static expr_ty
comprehension_tail(Parser *p, _PyToken *open, expr_ty elt, expr_ty value, int kind)
{
    if (elt->kind == Starred_kind) {
        return _PyParser_ErrorAtNode(p, elt, "iterable unpacking cannot be used in "
                                             "comprehension");
    }
    asdl_comprehension_seq *gens = for_if_clauses(p);
    if (gens == NULL) {
        return NULL;
    }
    _PyToken *last = _PyParser_Prev(p);
    int l = open ? open->lineno : elt->lineno;
    int c = open ? open->col_offset : elt->col_offset;
    switch (kind) {
    case ListComp_kind:
        return _PyAST_ListComp(elt, gens, l, c, ELOC(last), p->arena);
    case SetComp_kind:
        return _PyAST_SetComp(elt, gens, l, c, ELOC(last), p->arena);
    case DictComp_kind:
        return _PyAST_DictComp(elt, value, gens, l, c, ELOC(last), p->arena);
    default:
        return _PyAST_GeneratorExp(elt, gens, l, c, ELOC(last), p->arena);
    }
}

static int
at_comprehension(Parser *p)
{
    return _PyParser_CheckKw(p, KW_FOR) ||
           (_PyParser_CheckKw(p, KW_ASYNC) && _PyParser_Peek(p, 1)->keyword == KW_FOR);
}

/* Set the end of a node to the closing token. */
static expr_ty
close_node(expr_ty e, _PyToken *close)
{
    e->end_lineno = close->end_lineno;
    e->end_col_offset = close->end_col_offset;
    return e;
}

/* Elements of a list/tuple/set display after the first, up to the closer (not consumed). */
static int
display_rest(Parser *p, PtrList *elts, int close)
{
    while (_PyParser_Accept(p, COMMA)) {
        if (_PyParser_Check(p, close)) {
            return 0;
        }
        expr_ty e = display_element(p);
        if (e == NULL || _PtrList_Append(p, elts, e) < 0) {
            return -1;
        }
    }
    if (!_PyParser_Check(p, close)) {
        if (close != RPAR && elts->n > 1 && at_comprehension(p)) {
            _PyParser_ErrorRange(p, elts->items[0], elts->items[elts->n - 1],
                                 "did you forget parentheses around the comprehension target?");
            return -1;
        }
        _PyParser_MissingComma(p, elts->items[elts->n - 1]);
        return -1;
    }
    return 0;
}

static expr_ty
paren_atom(Parser *p, _PyToken *open)
{
    if (_PyParser_Check(p, RPAR)) {
        _PyToken *close = _PyParser_Next(p);
        asdl_expr_seq *empty = _Py_asdl_expr_seq_new(0, p->arena);
        if (empty == NULL) {
            return _PyParser_Fatal(p);
        }
        return _PyAST_Tuple(empty, Load, LOC(open), ELOC(close), p->arena);
    }
    if (_PyParser_CheckKw(p, KW_YIELD)) {
        expr_ty y = _PyParser_YieldExpr(p);
        if (y == NULL || _PyParser_Expect(p, RPAR, NULL) == NULL) {
            return NULL;
        }
        return y;
    }
    if (_PyParser_Check(p, DOUBLESTAR)) {
        return _PyParser_ErrorAtToken(p, TOK(p), "cannot use double starred expression here");
    }
    expr_ty first = _PyParser_StarNamedExpression(p);
    if (first == NULL) {
        return NULL;
    }
    if (at_comprehension(p)) {
        expr_ty g = comprehension_tail(p, open, first, NULL, GeneratorExp_kind);
        if (g == NULL) {
            return NULL;
        }
        _PyToken *close = _PyParser_Expect(p, RPAR, NULL);
        if (close == NULL) {
            if (!p->fatal && _PyParser_Check(p, COMMA)) {
                p->err.set = 0;
                return _PyParser_ErrorAtNode(p, g, "Generator expression must be "
                                                   "parenthesized");
            }
            return NULL;
        }
        return close_node(g, close);
    }
    if (_PyParser_Check(p, RPAR)) {
        _PyParser_Next(p);
        if (first->kind == Starred_kind) {
            return _PyParser_ErrorAtNode(p, first, "cannot use starred expression here");
        }
        return first;
    }
    if (!_PyParser_Check(p, COMMA)) {
        if (_PyParser_Check(p, EQUAL) && first->kind != Starred_kind) {
            /* (a = 1) */
            return _PyParser_MisplacedAssignment(p, first);
        }
        return _PyParser_MissingComma(p, first);
    }
    PtrList elts;
    _PtrList_Init(&elts);
    if (_PtrList_Append(p, &elts, first) < 0 || display_rest(p, &elts, RPAR) < 0) {
        _PtrList_Free(&elts);
        return NULL;
    }
    _PyToken *close = _PyParser_Next(p);
    asdl_expr_seq *seq = _PtrList_ToSeq(p, &elts);
    if (seq == NULL) {
        return NULL;
    }
    return _PyAST_Tuple(seq, Load, LOC(open), ELOC(close), p->arena);
}

static expr_ty
list_atom(Parser *p, _PyToken *open)
{
    PtrList elts;
    _PtrList_Init(&elts);
    if (!_PyParser_Check(p, RSQB)) {
        expr_ty first = display_element(p);
        if (first == NULL) {
            return NULL;
        }
        if (at_comprehension(p)) {
            expr_ty c = comprehension_tail(p, open, first, NULL, ListComp_kind);
            if (c == NULL) {
                return NULL;
            }
            _PyToken *close = _PyParser_Expect(p, RSQB, NULL);
            return close ? close_node(c, close) : NULL;
        }
        if (_PtrList_Append(p, &elts, first) < 0 || display_rest(p, &elts, RSQB) < 0) {
            _PtrList_Free(&elts);
            return NULL;
        }
    }
    _PyToken *close = _PyParser_Next(p);
    asdl_expr_seq *seq = _PtrList_ToSeq(p, &elts);
    if (seq == NULL) {
        return NULL;
    }
    return _PyAST_List(seq, Load, LOC(open), ELOC(close), p->arena);
}

static expr_ty
brace_atom(Parser *p, _PyToken *open)
{
    if (_PyParser_Check(p, RBRACE)) {
        _PyToken *close = _PyParser_Next(p);
        asdl_expr_seq *k = _Py_asdl_expr_seq_new(0, p->arena);
        asdl_expr_seq *v = _Py_asdl_expr_seq_new(0, p->arena);
        if (k == NULL || v == NULL) {
            return _PyParser_Fatal(p);
        }
        return _PyAST_Dict(k, v, LOC(open), ELOC(close), p->arena);
    }
    expr_ty first_key = NULL, first_value = NULL;
    int is_dict;
    _PyToken *dstar = TOK(p);
    if (_PyParser_Accept(p, DOUBLESTAR)) {
        first_value = _PyParser_BitwiseOr(p);
        if (first_value == NULL) {
            return NULL;
        }
        is_dict = 1;
    }
    else {
        first_key = display_element(p);
        if (first_key == NULL) {
            return NULL;
        }
        is_dict = _PyParser_Check(p, COLON);
        if (is_dict) {
            if (first_key->kind == Starred_kind) {
                return _PyParser_ErrorAtNode(p, first_key, "cannot use a starred expression "
                                                           "in a dictionary key");
            }
            _PyToken *colon = _PyParser_Next(p);
            if (_PyParser_Check(p, RBRACE) || _PyParser_Check(p, COMMA)) {
                return _PyParser_ErrorAtToken(p, colon, "expression expected after "
                                                        "dictionary key and ':'");
            }
            first_value = _PyParser_Expression(p);
            if (first_value == NULL) {
                return NULL;
            }
        }
    }
    if (!is_dict) {
        if (at_comprehension(p)) {
            expr_ty c = comprehension_tail(p, open, first_key, NULL, SetComp_kind);
            if (c == NULL) {
                return NULL;
            }
            _PyToken *close = _PyParser_Expect(p, RBRACE, NULL);
            return close ? close_node(c, close) : NULL;
        }
        PtrList elts;
        _PtrList_Init(&elts);
        if (_PtrList_Append(p, &elts, first_key) < 0 || display_rest(p, &elts, RBRACE) < 0) {
            _PtrList_Free(&elts);
            return NULL;
        }
        _PyToken *close = _PyParser_Next(p);
        asdl_expr_seq *seq = _PtrList_ToSeq(p, &elts);
        if (seq == NULL) {
            return NULL;
        }
        return _PyAST_Set(seq, LOC(open), ELOC(close), p->arena);
    }
    if (first_key != NULL && at_comprehension(p)) {
        expr_ty c = comprehension_tail(p, open, first_key, first_value, DictComp_kind);
        if (c == NULL) {
            return NULL;
        }
        _PyToken *close = _PyParser_Expect(p, RBRACE, NULL);
        return close ? close_node(c, close) : NULL;
    }
    if (first_key == NULL && at_comprehension(p)) {
        return _PyParser_ErrorAtToken(p, dstar, "dict unpacking cannot be used in dict "
                                                "comprehension");
    }
    PtrList keys, values;
    _PtrList_Init(&keys);
    _PtrList_Init(&values);
    if (_PtrList_Append(p, &keys, first_key) < 0 ||
        _PtrList_Append(p, &values, first_value) < 0) {
        goto error;
    }
    while (_PyParser_Accept(p, COMMA)) {
        if (_PyParser_Check(p, RBRACE)) {
            break;
        }
        expr_ty k = NULL, v;
        if (_PyParser_Accept(p, DOUBLESTAR)) {
            v = _PyParser_BitwiseOr(p);
        }
        else {
            k = _PyParser_Expression(p);
            if (k == NULL) {
                goto error;
            }
            if (!_PyParser_Check(p, COLON)) {
                if (_PyParser_Check(p, COMMA) || _PyParser_Check(p, RBRACE) ||
                    starts_expression(TOK(p))) {
                    /* CPython points at the last character of the key. */
                    _PyParser_ErrorAt(p, TOKERR_SYNTAX, k->end_lineno, k->end_col_offset - 1,
                                      k->end_lineno, TOK_END_ZERO,
                                      "':' expected after dictionary key");
                }
                else {
                    _PyParser_InvalidSyntax(p);
                }
                goto error;
            }
            _PyToken *colon = _PyParser_Next(p);
            if (_PyParser_Check(p, RBRACE) || _PyParser_Check(p, COMMA)) {
                _PyParser_ErrorAtToken(p, colon, "expression expected after dictionary key "
                                                 "and ':'");
                goto error;
            }
            v = _PyParser_Expression(p);
        }
        if (v == NULL || _PtrList_Append(p, &keys, k) < 0 ||
            _PtrList_Append(p, &values, v) < 0) {
            goto error;
        }
    }
    if (!_PyParser_Check(p, RBRACE)) {
        _PyParser_MissingComma(p, values.items[values.n - 1]);
        goto error;
    }
    _PyToken *close = _PyParser_Next(p);
    asdl_expr_seq *ks = _PtrList_ToSeq(p, &keys);
    asdl_expr_seq *vs = _PtrList_ToSeq(p, &values);
    if (ks == NULL || vs == NULL) {
        return NULL;
    }
    return _PyAST_Dict(ks, vs, LOC(open), ELOC(close), p->arena);
error:
    _PtrList_Free(&keys);
    _PtrList_Free(&values);
    return NULL;
}

static expr_ty
make_constant(Parser *p, _PyToken *t, PyObject *v)
{
    return _PyAST_Constant(v, NULL, LOC(t), ELOC(t), p->arena);
}

static expr_ty
atom(Parser *p)
{
    _PyToken *t = TOK(p);
    if (t == NULL) {
        return NULL;
    }
    switch (t->type) {
    case NAME:
        switch (t->keyword) {
        case KW_TRUE:
            _PyParser_Next(p);
            return make_constant(p, t, Py_True);
        case KW_FALSE:
            _PyParser_Next(p);
            return make_constant(p, t, Py_False);
        case KW_NONE_:
            _PyParser_Next(p);
            return make_constant(p, t, Py_None);
        default:
            if (!is_plain_name(t)) {
                return _PyParser_InvalidSyntax(p);
            }
            _PyParser_Next(p);
            return name_from_token(p, t, Load);
        }
    case NUMBER:
        _PyParser_Next(p);
        return _PyParser_Number(p, t);
    case STRING: case FSTRING_START:
        return _PyParser_Strings(p);
    case ELLIPSIS:
        _PyParser_Next(p);
        return make_constant(p, t, Py_Ellipsis);
    case LPAR: case LSQB: case LBRACE: {
        if (_PyParser_Enter(p) < 0) {
            return NULL;
        }
        _PyParser_Next(p);
        expr_ty e = t->type == LPAR ? paren_atom(p, t)
                    : t->type == LSQB ? list_atom(p, t) : brace_atom(p, t);
        LEAVE(p);
        return e;
    }
    default:
        return _PyParser_InvalidSyntax(p);
    }
}

expr_ty
_PyParser_Number(Parser *p, _PyToken *t)
{
    PyObject *v = _PyParser_ParseNumber(p, t);
    if (v == NULL) {
        return NULL;
    }
    if (_PyParser_AddObject(p, v) < 0) {
        return NULL;
    }
    return make_constant(p, t, v);
}
