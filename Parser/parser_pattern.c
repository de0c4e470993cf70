/* Patterns of the match statement (PEP 634). */
#include "parser_internal.h"

static pattern_ty pattern(Parser *p);
static pattern_ty maybe_star_pattern(Parser *p);

static int
is_plain_name(_PyToken *t)
{
    return t->type == NAME && (t->keyword == KW_NONE || KW_IS_SOFT(t->keyword));
}

static pattern_ty
make_pattern_end(Parser *p, pattern_ty pat)
{
    if (pat == NULL) {
        _PyParser_Fatal(p);
    }
    return pat;
}

/* signed_number: NUMBER | '-' NUMBER */
static expr_ty
signed_number(Parser *p, int *imag)
{
    _PyToken *start = CUR(p);
    int neg = _PyParser_Accept(p, MINUS) != NULL;
    _PyToken *t = CUR(p);
    if (t->type != NUMBER) {
        return _PyParser_InvalidSyntax(p);
    }
    _PyParser_Next(p);
    expr_ty num = _PyParser_Number(p, t);
    if (num == NULL) {
        return NULL;
    }
    *imag = t->end[-1] == 'j' || t->end[-1] == 'J';
    if (neg) {
        return _PyAST_UnaryOp(USub, num, LOC(start), NELOC(num), p->arena);
    }
    return num;
}

/* A literal usable in a pattern or as a mapping key: numbers (complex included), strings,
 * None/True/False.  *singleton is set to the singleton value for None/True/False. */
static expr_ty
literal_expr(Parser *p, PyObject **singleton)
{
    _PyToken *t = CUR(p);
    *singleton = NULL;
    if (t->type == NAME && (t->keyword == KW_NONE_ || t->keyword == KW_TRUE ||
                            t->keyword == KW_FALSE)) {
        _PyParser_Next(p);
        PyObject *v = t->keyword == KW_NONE_ ? Py_None
                      : t->keyword == KW_TRUE ? Py_True : Py_False;
        *singleton = v;
        return _PyAST_Constant(v, NULL, LOC(t), ELOC(t), p->arena);
    }
    if (t->type == STRING) {
        return _PyParser_Strings(p);
    }
    if (t->type == FSTRING_START) {
        /* Accepted here; the compiler rejects it. */
        return _PyParser_Strings(p);
    }
    int imag = 0;       /* set by signed_number on success */
    expr_ty real = signed_number(p, &imag);
    if (real == NULL) {
        return NULL;
    }
    if (_PyParser_Check(p, PLUS) || _PyParser_Check(p, MINUS)) {
        operator_ty op = _PyParser_Next(p)->type == PLUS ? Add : Sub;
        if (imag) {
            return _PyParser_ErrorAtNode(p, real, "real number required in complex literal");
        }
        _PyToken *it = CUR(p);
        if (it->type != NUMBER) {
            return _PyParser_InvalidSyntax(p);
        }
        _PyParser_Next(p);
        expr_ty im = _PyParser_Number(p, it);
        if (im == NULL) {
            return NULL;
        }
        if (it->end[-1] != 'j' && it->end[-1] != 'J') {
            return _PyParser_ErrorAtNode(p, im, "imaginary number required in complex "
                                                "literal");
        }
        return _PyAST_BinOp(real, op, im, NLOC(real), NELOC(im), p->arena);
    }
    return real;
}

/* NAME ('.' NAME)* as an expression (Name or Attribute chain). */
static expr_ty
name_or_attr(Parser *p)
{
    _PyToken *t = _PyParser_Next(p);
    PyObject *id = _PyParser_NewIdentifier(p, t);
    if (id == NULL) {
        return NULL;
    }
    expr_ty e = _PyAST_Name(id, Load, LOC(t), ELOC(t), p->arena);
    while (e != NULL && _PyParser_Check(p, DOT)) {
        _PyParser_Next(p);
        _PyToken *nt = CUR(p);
        if (!is_plain_name(nt)) {
            return _PyParser_InvalidSyntax(p);
        }
        _PyParser_Next(p);
        PyObject *attr = _PyParser_NewIdentifier(p, nt);
        if (attr == NULL) {
            return NULL;
        }
        e = _PyAST_Attribute(e, attr, Load, NLOC(e), ELOC(nt), p->arena);
    }
    if (e == NULL) {
        return _PyParser_Fatal(p);
    }
    return e;
}

/* A capture target name: NAME other than '_'. */
static PyObject *
capture_target(Parser *p)
{
    _PyToken *t = CUR(p);
    if (!is_plain_name(t)) {
        return _PyParser_InvalidSyntax(p);
    }
    if (t->keyword == KW_UNDERSCORE) {
        return _PyParser_ErrorAtToken(p, t, "cannot use '_' as a target");
    }
    _PyParser_Next(p);
    return _PyParser_NewIdentifier(p, t);
}

/* Patterns separated by commas up to close (not consumed); star patterns allowed. */
static asdl_pattern_seq *
pattern_list(Parser *p, int close)
{
    PtrList pats;
    _PtrList_Init(&pats);
    while (!_PyParser_Check(p, close)) {
        pattern_ty pat = maybe_star_pattern(p);
        if (pat == NULL || _PtrList_Append(p, &pats, pat) < 0) {
            _PtrList_Free(&pats);
            return NULL;
        }
        if (!_PyParser_Accept(p, COMMA)) {
            break;
        }
    }
    if (!_PyParser_Check(p, close)) {
        _PtrList_Free(&pats);
        return _PyParser_InvalidSyntax(p);
    }
    return _PtrList_ToSeq(p, &pats);
}

static pattern_ty
class_pattern(Parser *p, expr_ty cls)
{
    _PyParser_Next(p);  /* '(' */
    PtrList pats, kwd_attrs, kwd_pats;
    _PtrList_Init(&pats);
    _PtrList_Init(&kwd_attrs);
    _PtrList_Init(&kwd_pats);
    while (!_PyParser_Check(p, RPAR)) {
        _PyToken *t = CUR(p);
        if (is_plain_name(t) && _PyParser_Peek(p, 1)->type == EQUAL) {
            _PyParser_Next(p);
            _PyParser_Next(p);
            PyObject *id = _PyParser_NewIdentifier(p, t);
            pattern_ty pat = id ? pattern(p) : NULL;
            if (pat == NULL || _PtrList_Append(p, &kwd_attrs, id) < 0 ||
                _PtrList_Append(p, &kwd_pats, pat) < 0) {
                goto error;
            }
        }
        else {
            pattern_ty pat = pattern(p);
            if (pat == NULL) {
                goto error;
            }
            if (kwd_attrs.n > 0) {
                _PyParser_ErrorAt(p, TOKERR_SYNTAX, pat->lineno, pat->col_offset,
                                  pat->end_lineno, pat->end_col_offset,
                                  "positional patterns follow keyword patterns");
                goto error;
            }
            if (_PtrList_Append(p, &pats, pat) < 0) {
                goto error;
            }
        }
        if (!_PyParser_Accept(p, COMMA)) {
            break;
        }
    }
    _PyToken *close = _PyParser_Expect(p, RPAR, NULL);
    if (close == NULL) {
        goto error;
    }
    asdl_pattern_seq *ps = _PtrList_ToSeq(p, &pats);
    asdl_identifier_seq *ka = _PtrList_ToSeq(p, &kwd_attrs);
    asdl_pattern_seq *kp = _PtrList_ToSeq(p, &kwd_pats);
    if (ps == NULL || ka == NULL || kp == NULL) {
        return NULL;
    }
    return make_pattern_end(p, _PyAST_MatchClass(cls, ps, ka, kp, NLOC(cls), ELOC(close),
                                                 p->arena));
error:
    _PtrList_Free(&pats);
    _PtrList_Free(&kwd_attrs);
    _PtrList_Free(&kwd_pats);
    return NULL;
}

static pattern_ty
mapping_pattern(Parser *p, _PyToken *open)
{
    PtrList keys, pats;
    _PtrList_Init(&keys);
    _PtrList_Init(&pats);
    PyObject *rest = NULL;
    while (!_PyParser_Check(p, RBRACE)) {
        if (rest != NULL) {
            _PyParser_InvalidSyntax(p);
            goto error;
        }
        _PyToken *t = CUR(p);
        if (t->type == DOUBLESTAR) {
            _PyParser_Next(p);
            rest = capture_target(p);
            if (rest == NULL) {
                goto error;
            }
        }
        else {
            expr_ty key;
            if (is_plain_name(t)) {
                key = name_or_attr(p);
                if (key != NULL && key->kind == Name_kind) {
                    _PyParser_InvalidSyntax(p);
                    goto error;
                }
            }
            else {
                PyObject *singleton;
                key = literal_expr(p, &singleton);
            }
            if (key == NULL || _PyParser_Expect(p, COLON, NULL) == NULL) {
                goto error;
            }
            pattern_ty pat = pattern(p);
            if (pat == NULL || _PtrList_Append(p, &keys, key) < 0 ||
                _PtrList_Append(p, &pats, pat) < 0) {
                goto error;
            }
        }
        if (!_PyParser_Accept(p, COMMA)) {
            break;
        }
    }
    _PyToken *close = _PyParser_Expect(p, RBRACE, NULL);
    if (close == NULL) {
        goto error;
    }
    asdl_expr_seq *ks = _PtrList_ToSeq(p, &keys);
    asdl_pattern_seq *ps = _PtrList_ToSeq(p, &pats);
    if (ks == NULL || ps == NULL) {
        return NULL;
    }
    return make_pattern_end(p, _PyAST_MatchMapping(ks, ps, rest, LOC(open), ELOC(close),
                                                   p->arena));
error:
    _PtrList_Free(&keys);
    _PtrList_Free(&pats);
    return NULL;
}

static pattern_ty
closed_pattern(Parser *p)
{
    _PyToken *t = CUR(p);
    switch (t->type) {
    case LPAR: {
        _PyParser_Next(p);
        if (_PyParser_Check(p, RPAR)) {
            _PyToken *close = _PyParser_Next(p);
            asdl_pattern_seq *empty = _Py_asdl_pattern_seq_new(0, p->arena);
            if (empty == NULL) {
                return _PyParser_Fatal(p);
            }
            return make_pattern_end(p, _PyAST_MatchSequence(empty, LOC(t), ELOC(close),
                                                            p->arena));
        }
        pattern_ty first = maybe_star_pattern(p);
        if (first == NULL) {
            return NULL;
        }
        if (_PyParser_Check(p, RPAR) && first->kind != MatchStar_kind) {
            /* A group: the pattern itself. */
            _PyParser_Next(p);
            return first;
        }
        PtrList pats;
        _PtrList_Init(&pats);
        if (_PtrList_Append(p, &pats, first) < 0) {
            return NULL;
        }
        if (!_PyParser_Check(p, RPAR)) {
            if (_PyParser_Expect(p, COMMA, NULL) == NULL) {
                _PtrList_Free(&pats);
                return NULL;
            }
            asdl_pattern_seq *rest = pattern_list(p, RPAR);
            if (rest == NULL) {
                _PtrList_Free(&pats);
                return NULL;
            }
            for (Py_ssize_t i = 0; i < asdl_seq_LEN(rest); i++) {
                if (_PtrList_Append(p, &pats, asdl_seq_GET(rest, i)) < 0) {
                    _PtrList_Free(&pats);
                    return NULL;
                }
            }
        }
        _PyToken *close = _PyParser_Next(p);
        asdl_pattern_seq *seq = _PtrList_ToSeq(p, &pats);
        if (seq == NULL) {
            return NULL;
        }
        return make_pattern_end(p, _PyAST_MatchSequence(seq, LOC(t), ELOC(close), p->arena));
    }
    case LSQB: {
        _PyParser_Next(p);
        asdl_pattern_seq *seq = pattern_list(p, RSQB);
        if (seq == NULL) {
            return NULL;
        }
        _PyToken *close = _PyParser_Next(p);
        return make_pattern_end(p, _PyAST_MatchSequence(seq, LOC(t), ELOC(close), p->arena));
    }
    case LBRACE:
        _PyParser_Next(p);
        return mapping_pattern(p, t);
    case NAME:
        if (t->keyword == KW_NONE_ || t->keyword == KW_TRUE || t->keyword == KW_FALSE) {
            _PyParser_Next(p);
            PyObject *v = t->keyword == KW_NONE_ ? Py_None
                          : t->keyword == KW_TRUE ? Py_True : Py_False;
            return make_pattern_end(p, _PyAST_MatchSingleton(v, LOC(t), ELOC(t), p->arena));
        }
        if (!is_plain_name(t)) {
            return _PyParser_InvalidSyntax(p);
        }
        {
            int next = _PyParser_Peek(p, 1)->type;
            if (next != DOT && next != LPAR) {
                _PyParser_Next(p);
                if (t->keyword == KW_UNDERSCORE) {
                    return make_pattern_end(p, _PyAST_MatchAs(NULL, NULL, LOC(t), ELOC(t),
                                                              p->arena));
                }
                PyObject *id = _PyParser_NewIdentifier(p, t);
                if (id == NULL) {
                    return NULL;
                }
                return make_pattern_end(p, _PyAST_MatchAs(NULL, id, LOC(t), ELOC(t),
                                                          p->arena));
            }
            expr_ty e = name_or_attr(p);
            if (e == NULL) {
                return NULL;
            }
            if (_PyParser_Check(p, LPAR)) {
                return class_pattern(p, e);
            }
            return make_pattern_end(p, _PyAST_MatchValue(e, NLOC(e), NELOC(e), p->arena));
        }
    case NUMBER: case MINUS: case STRING: case FSTRING_START: {
        PyObject *singleton;
        expr_ty v = literal_expr(p, &singleton);
        if (v == NULL) {
            return NULL;
        }
        return make_pattern_end(p, _PyAST_MatchValue(v, NLOC(v), NELOC(v), p->arena));
    }
    default:
        return _PyParser_InvalidSyntax(p);
    }
}

static pattern_ty
or_pattern(Parser *p)
{
    _PyToken *start = CUR(p);
    pattern_ty first = closed_pattern(p);
    if (first == NULL || !_PyParser_Check(p, VBAR)) {
        return first;
    }
    PtrList pats;
    _PtrList_Init(&pats);
    if (_PtrList_Append(p, &pats, first) < 0) {
        return NULL;
    }
    while (_PyParser_Accept(p, VBAR)) {
        pattern_ty pat = closed_pattern(p);
        if (pat == NULL || _PtrList_Append(p, &pats, pat) < 0) {
            _PtrList_Free(&pats);
            return NULL;
        }
    }
    asdl_pattern_seq *seq = _PtrList_ToSeq(p, &pats);
    if (seq == NULL) {
        return NULL;
    }
    return make_pattern_end(p, _PyAST_MatchOr(seq, LOC(start), ELOC(_PyParser_Prev(p)), p->arena));
}

static pattern_ty
pattern(Parser *p)
{
    if (_PyParser_Enter(p) < 0) {
        return NULL;
    }
    _PyToken *start = CUR(p);
    pattern_ty pat = or_pattern(p);
    if (pat != NULL && _PyParser_AcceptKw(p, KW_AS)) {
        _PyToken *t = CUR(p);
        if (is_plain_name(t) && t->keyword != KW_UNDERSCORE) {
            _PyParser_Next(p);
            PyObject *id = _PyParser_NewIdentifier(p, t);
            pat = id ? make_pattern_end(p, _PyAST_MatchAs(pat, id, LOC(start), ELOC(t),
                                                          p->arena)) : NULL;
        }
        else if (is_plain_name(t)) {
            pat = _PyParser_ErrorAtToken(p, t, "cannot use '_' as a target");
        }
        else {
            pat = _PyParser_ErrorAtToken(p, t, "invalid pattern target");
        }
    }
    LEAVE(p);
    return pat;
}

static pattern_ty
maybe_star_pattern(Parser *p)
{
    _PyToken *t = CUR(p);
    if (t->type == STAR) {
        _PyParser_Next(p);
        _PyToken *nt = CUR(p);
        if (!is_plain_name(nt)) {
            return _PyParser_InvalidSyntax(p);
        }
        _PyParser_Next(p);
        PyObject *id = NULL;
        if (nt->keyword != KW_UNDERSCORE) {
            id = _PyParser_NewIdentifier(p, nt);
            if (id == NULL) {
                return NULL;
            }
        }
        return make_pattern_end(p, _PyAST_MatchStar(id, LOC(t), ELOC(nt), p->arena));
    }
    return pattern(p);
}

pattern_ty
_PyParser_Patterns(Parser *p)
{
    _PyToken *start = CUR(p);
    pattern_ty first = maybe_star_pattern(p);
    if (first == NULL) {
        return NULL;
    }
    if (!_PyParser_Check(p, COMMA)) {
        if (first->kind == MatchStar_kind) {
            goto sequence;
        }
        return first;
    }
sequence:;
    PtrList pats;
    _PtrList_Init(&pats);
    if (_PtrList_Append(p, &pats, first) < 0) {
        return NULL;
    }
    while (_PyParser_Accept(p, COMMA)) {
        if (_PyParser_Check(p, COLON) || _PyParser_CheckKw(p, KW_IF)) {
            break;
        }
        pattern_ty pat = maybe_star_pattern(p);
        if (pat == NULL || _PtrList_Append(p, &pats, pat) < 0) {
            _PtrList_Free(&pats);
            return NULL;
        }
    }
    _PyToken *last = _PyParser_Prev(p);
    asdl_pattern_seq *seq = _PtrList_ToSeq(p, &pats);
    if (seq == NULL) {
        return NULL;
    }
    return make_pattern_end(p, _PyAST_MatchSequence(seq, LOC(start), ELOC(last), p->arena));
}
