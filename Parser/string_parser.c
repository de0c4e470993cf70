/* Literals: numbers, string and bytes literals with their escapes, f-strings (PEP 701), and
 * implicit concatenation of adjacent literals. */
#include "parser_internal.h"
#include "pycore_unicodeobject.h"   /* _PyUnicode_LookupCharacterName */

/* ---- numbers --------------------------------------------------------------------------- */

/* Return a new reference. */
PyObject *
_PyParser_ParseNumber(Parser *p, _PyToken *t)
{
    Py_ssize_t n = t->end - t->start;
    char small[64];
    char *buf = n < (Py_ssize_t)sizeof(small) ? small : PyMem_Malloc((size_t)n + 1);
    if (buf == NULL) {
        PyErr_NoMemory();
        return _PyParser_Fatal(p);
    }
    Py_ssize_t k = 0;
    for (const char *c = t->start; c < t->end; c++) {
        if (*c != '_') {
            buf[k++] = *c;
        }
    }
    buf[k] = '\0';
    PyObject *v;
    int is_prefixed = k > 1 && buf[0] == '0' && strchr("xXoObB", buf[1]) != NULL;
    if (!is_prefixed && (buf[k - 1] == 'j' || buf[k - 1] == 'J')) {
        buf[k - 1] = '\0';
        double d = PyOS_string_to_double(buf, NULL, NULL);
        v = (d == -1.0 && PyErr_Occurred()) ? NULL : PyComplex_FromDoubles(0.0, d);
    }
    else if (!is_prefixed && strpbrk(buf, ".eE") != NULL) {
        double d = PyOS_string_to_double(buf, NULL, NULL);
        v = (d == -1.0 && PyErr_Occurred()) ? NULL : PyFloat_FromDouble(d);
    }
    else if (!is_prefixed && k <= 18) {
        /* Fast path: fits in a long long ("000" included). */
        v = PyLong_FromLongLong(strtoll(buf, NULL, 10));
    }
    else if (is_prefixed && k - 2 <= (strchr("xX", buf[1]) ? 15 : strchr("oO", buf[1]) ? 20
                                                                                      : 62)) {
        int base = strchr("xX", buf[1]) ? 16 : strchr("oO", buf[1]) ? 8 : 2;
        v = PyLong_FromLongLong((long long)strtoull(buf + 2, NULL, base));
    }
    else {
        v = PyLong_FromString(buf, NULL, 0);
    }
    if (buf != small) {
        PyMem_Free(buf);
    }
    if (v == NULL) {
        if (PyErr_ExceptionMatches(PyExc_ValueError)) {
            /* The int string-conversion limit: a SyntaxError at the literal. */
            PyObject *exc = PyErr_GetRaisedException();
            PyObject *s = PyObject_Str(exc);
            Py_DECREF(exc);
            if (s == NULL) {
                return _PyParser_Fatal(p);
            }
            const char *msg = PyUnicode_AsUTF8(s);
            if (msg == NULL) {
                Py_DECREF(s);
                return _PyParser_Fatal(p);
            }
            _PyParser_ErrorAtToken(p, t, "%s - Consider hexadecimal for huge integer "
                                         "literals to avoid decimal conversion limits.", msg);
            Py_DECREF(s);
            return NULL;
        }
        return _PyParser_Fatal(p);
    }
    return v;
}

/* ---- escapes --------------------------------------------------------------------------- */

typedef struct {
    Py_UCS4 *data;
    Py_ssize_t n, cap;
} UCS4Buf;

static int
ucs4_put(UCS4Buf *b, Py_UCS4 c)
{
    if (b->n == b->cap) {
        Py_ssize_t cap = b->cap ? b->cap * 2 : 64;
        Py_UCS4 *d = PyMem_Realloc(b->data, (size_t)cap * sizeof(Py_UCS4));
        if (d == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        b->data = d;
        b->cap = cap;
    }
    b->data[b->n++] = c;
    return 0;
}

static Py_UCS4
utf8_decode(const char **ps)
{
    const unsigned char *s = (const unsigned char *)*ps;
    Py_UCS4 c;
    int n;
    if (s[0] < 0x80) {
        c = s[0];
        n = 1;
    }
    else if (s[0] < 0xE0) {
        c = ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
        n = 2;
    }
    else if (s[0] < 0xF0) {
        c = ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        n = 3;
    }
    else {
        c = ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) |
            (s[3] & 0x3Fu);
        n = 4;
    }
    *ps += n;
    return c;
}

static int
hexval(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

static void
warn_invalid_escape(Parser *p, _PyToken *t, const char *esc, int octal)
{
    char msg[200];
    if (octal) {
        snprintf(msg, sizeof(msg), "invalid octal escape sequence '\\%.3s'", esc);
    }
    else {
        unsigned char c0 = (unsigned char)*esc;
        int n = c0 < 0x80 ? 1 : c0 < 0xE0 ? 2 : c0 < 0xF0 ? 3 : 4;
        snprintf(msg, sizeof(msg), "invalid escape sequence '\\%.*s'", n, esc);
    }
    PyObject *m = PyUnicode_FromString(msg);
    if (m == NULL) {
        p->fatal = 1;
        return;
    }
    if (PyErr_WarnExplicitObject(PyExc_SyntaxWarning, m, p->filename ? p->filename : Py_None,
                                 t->lineno, NULL, NULL) < 0) {
        if (PyErr_ExceptionMatches(PyExc_SyntaxWarning)) {
            /* Warnings as errors: CPython turns the warning into a SyntaxError. */
            PyErr_Clear();
            _PyParser_ErrorAtToken(p, t, "%s", msg);
        }
        else {
            p->fatal = 1;
        }
    }
    Py_DECREF(m);
}

/* Decode the body [s, e) of a (non-raw) literal into out.  bytes: only \x and octal, and
 * values are bytes.  brace_doubling: f-string piece ({{ and }} halve).  Return 0 or -1 with
 * the error recorded. */
static int
decode_escapes(Parser *p, _PyToken *t, const char *s, const char *e, int raw, int bytes,
               int brace_doubling, UCS4Buf *out)
{
    while (s < e) {
        if (brace_doubling && (*s == '{' || *s == '}') && s + 1 < e && s[1] == *s) {
            if (ucs4_put(out, (Py_UCS4)*s) < 0) {
                return -1;
            }
            s += 2;
            continue;
        }
        if (*s != '\\' || raw) {
            if (*s == '\r') {
                /* Newlines in the source are \n in the value. */
                s++;
                if (s < e && *s == '\n') {
                    s++;
                }
                if (ucs4_put(out, '\n') < 0) {
                    return -1;
                }
                continue;
            }
            Py_UCS4 c = utf8_decode(&s);
            if (bytes && c >= 0x80) {
                _PyParser_ErrorAtToken(p, t, "bytes can only contain ASCII literal "
                                             "characters");
                return -1;
            }
            if (ucs4_put(out, c) < 0) {
                return -1;
            }
            continue;
        }
        const char *esc = s;
        s++;
        if (s >= e) {
            if (ucs4_put(out, '\\') < 0) {
                return -1;
            }
            break;
        }
        char c = *s++;
        Py_UCS4 v;
        switch (c) {
        case '\n':
            continue;
        case '\r':
            if (s < e && *s == '\n') {
                s++;
            }
            continue;
        case '\\': v = '\\'; break;
        case '\'': v = '\''; break;
        case '"': v = '"'; break;
        case 'a': v = 7; break;
        case 'b': v = 8; break;
        case 'f': v = 12; break;
        case 'n': v = 10; break;
        case 'r': v = 13; break;
        case 't': v = 9; break;
        case 'v': v = 11; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            v = (Py_UCS4)(c - '0');
            int digits = 1;
            while (digits < 3 && s < e && *s >= '0' && *s <= '7') {
                v = v * 8 + (Py_UCS4)(*s++ - '0');
                digits++;
            }
            if (v > 0377) {
                warn_invalid_escape(p, t, esc + 1, 1);
                if (FAILED(p)) {
                    return -1;
                }
                if (bytes) {
                    v &= 0xFF;
                }
            }
            break;
        }
        case 'x': case 'u': case 'U': {
            if (bytes && c != 'x') {
                goto invalid;
            }
            int need = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            v = 0;
            for (int i = 0; i < need; i++) {
                int h = s < e ? hexval(*s) : -1;
                if (h < 0) {
                    if (bytes) {
                        _PyParser_ErrorAtToken(p, t, "(value error) invalid \\x escape at "
                                                     "position %d", (int)(esc - t->start) - 2);
                    }
                    else {
                        _PyParser_ErrorAtToken(p, t, "(unicode error) 'unicodeescape' codec "
                                               "can't decode bytes in position %d-%d: "
                                               "truncated \\%c%.*s escape", 0,
                                               (int)(s - esc) - 1, c, need,
                                               "XXXXXXXX");
                    }
                    return -1;
                }
                v = v * 16 + (Py_UCS4)h;
                s++;
            }
            if (v > 0x10FFFF) {
                _PyParser_ErrorAtToken(p, t, "(unicode error) 'unicodeescape' codec can't "
                                             "decode bytes in position 0-9: illegal Unicode "
                                             "character");
                return -1;
            }
            break;
        }
        case 'N': {
            if (bytes) {
                goto invalid;
            }
            const char *name = s + 1;
            const char *close = name;
            if (s < e && *s == '{') {
                while (close < e && *close != '}') {
                    close++;
                }
            }
            if (s >= e || *s != '{' || close >= e || close == name) {
                _PyParser_ErrorAtToken(p, t, "(unicode error) 'unicodeescape' codec can't "
                                             "decode bytes in position 0-%d: malformed "
                                             "\\N character escape", (int)(e - esc) - 1);
                return -1;
            }
            Py_UCS4 code;
            if (!_PyUnicode_LookupCharacterName(name, close - name, &code)) {
                _PyParser_ErrorAtToken(p, t, "(unicode error) 'unicodeescape' codec can't "
                                             "decode bytes in position 0-%d: unknown Unicode "
                                             "character name", (int)(close - esc));
                return -1;
            }
            v = code;
            s = close + 1;
            break;
        }
        default:
        invalid:
            if (!(brace_doubling && (c == '{' || c == '}'))) {
                warn_invalid_escape(p, t, s - 1, 0);
                if (FAILED(p)) {
                    return -1;
                }
            }
            if (ucs4_put(out, '\\') < 0) {
                return -1;
            }
            s--;
            continue;
        }
        if (ucs4_put(out, v) < 0) {
            return -1;
        }
    }
    return 0;
}

static PyObject *
ucs4_to_object(Parser *p, UCS4Buf *b, int bytes)
{
    PyObject *v;
    if (bytes) {
        char *tmp = PyMem_Malloc((size_t)b->n + 1);
        if (tmp == NULL) {
            PyErr_NoMemory();
            return _PyParser_Fatal(p);
        }
        for (Py_ssize_t i = 0; i < b->n; i++) {
            tmp[i] = (char)b->data[i];
        }
        v = PyBytes_FromStringAndSize(tmp, b->n);
        PyMem_Free(tmp);
    }
    else {
        v = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, b->n ? b->data : (Py_UCS4 *)"",
                                      b->n);
    }
    if (v == NULL) {
        return _PyParser_Fatal(p);
    }
    return v;
}

/* Return a new reference. */
PyObject *
_PyParser_DecodeString(Parser *p, _PyToken *t, int *is_bytes, int *is_u)
{
    const char *s = t->start;
    int raw = 0, bytes = 0, u = 0;
    while (*s != '\'' && *s != '"') {
        switch (*s) {
        case 'r': case 'R': raw = 1; break;
        case 'b': case 'B': bytes = 1; break;
        case 'u': case 'U': u = 1; break;
        default: break;
        }
        s++;
    }
    char quote = *s;
    int q = (s[1] == quote && s[2] == quote && t->end - s >= 6) ? 3 : 1;
    const char *body = s + q;
    const char *end = t->end - q;
    *is_bytes = bytes;
    *is_u = u;
    UCS4Buf b = {NULL, 0, 0};
    if (decode_escapes(p, t, body, end, raw, bytes, 0, &b) < 0) {
        PyMem_Free(b.data);
        if (PyErr_Occurred()) {
            p->fatal = 1;
        }
        return NULL;
    }
    PyObject *v = ucs4_to_object(p, &b, bytes);
    PyMem_Free(b.data);
    return v;
}

/* Return a new reference. */
PyObject *
_PyParser_DecodeFStringMiddle(Parser *p, _PyToken *t, int raw)
{
    UCS4Buf b = {NULL, 0, 0};
    if (decode_escapes(p, t, t->start, t->end, raw, 0, 1, &b) < 0) {
        PyMem_Free(b.data);
        if (PyErr_Occurred()) {
            p->fatal = 1;
        }
        return NULL;
    }
    PyObject *v = ucs4_to_object(p, &b, 0);
    PyMem_Free(b.data);
    return v;
}

/* ---- concatenation and f-strings ------------------------------------------------------- */

/* The pieces of a JoinedStr under construction: adjacent literal text is merged. */
typedef struct {
    PtrList values;         /* expr_ty: Constant str or FormattedValue */
    PyObject *pending;      /* literal text not yet turned into a Constant (new ref) */
    int pl, pc, pel, pec;   /* location of the pending text */
    _PyToken *first, *last; /* location of the whole literal sequence */
} Joiner;

/* Steals a reference to text, which spans [l:c, el:ec) of the source. */
static int
joiner_text_at(Parser *p, Joiner *j, PyObject *text, int l, int c, int el, int ec)
{
    if (PyUnicode_GET_LENGTH(text) == 0) {
        Py_DECREF(text);
        return 0;
    }
    if (j->pending == NULL) {
        j->pl = l;
        j->pc = c;
    }
    j->pel = el;
    j->pec = ec;
    if (j->pending == NULL) {
        j->pending = text;
        return 0;
    }
    PyObject *joined = PyUnicode_Concat(j->pending, text);
    Py_DECREF(text);
    if (joined == NULL) {
        p->fatal = 1;
        return -1;
    }
    Py_SETREF(j->pending, joined);
    return 0;
}

/* Steals a reference to text, which comes from token t. */
static int
joiner_text(Parser *p, Joiner *j, PyObject *text, _PyToken *t)
{
    return joiner_text_at(p, j, text, LOC(t), ELOC(t));
}

static int
joiner_flush(Parser *p, Joiner *j)
{
    if (j->pending == NULL) {
        return 0;
    }
    PyObject *v = j->pending;
    j->pending = NULL;
    if (_PyParser_AddObject(p, v) < 0) {
        return -1;
    }
    expr_ty c = _PyAST_Constant(v, NULL, j->pl, j->pc, j->pel, j->pec, p->arena);
    if (c == NULL) {
        p->fatal = 1;
        return -1;
    }
    return _PtrList_Append(p, &j->values, c);
}

static expr_ty fstring_field(Parser *p, int raw, _PyToken *fstart, PyObject **debug_text,
                             int *dloc);

/* The source text of a self-documenting field between the '{' token open and the token
 * after '=', without comments (which only occur in the gaps between tokens).  Returns a new
 * reference, or NULL with an exception set. */
static PyObject *
debug_text_between(Parser *p, _PyToken *open, _PyToken *after)
{
    Py_ssize_t cap = after->start - open->end;
    char *buf = PyMem_Malloc((size_t)cap + 1);
    if (buf == NULL) {
        return PyErr_NoMemory();
    }
    Py_ssize_t n = 0;
    const char *pos = open->end;
    int k = 0;
    while (_PyParser_Peek(p, k) != open) {
        k--;
    }
    for (k++; ; k++) {
        _PyToken *t = _PyParser_Peek(p, k);
        const char *gap_end = t->start;
        for (const char *c = pos; c < gap_end; c++) {
            if (*c == '#') {
                while (c < gap_end && *c != '\n' && *c != '\r') {
                    c++;
                }
                if (c >= gap_end) {
                    break;
                }
            }
            buf[n++] = *c;
        }
        if (t == after) {
            break;
        }
        memcpy(buf + n, t->start, (size_t)(t->end - t->start));
        n += t->end - t->start;
        pos = t->end;
    }
    PyObject *text = PyUnicode_DecodeUTF8(buf, n, NULL);
    PyMem_Free(buf);
    return text;
}

/* Format spec after ':' up to (not including) the closing '}': a JoinedStr. */
static expr_ty
fstring_format_spec(Parser *p, int raw, _PyToken *colon, _PyToken *fstart)
{
    Joiner j;
    _PtrList_Init(&j.values);
    j.pending = NULL;
    while (1) {
        _PyToken *t = CUR(p);
        if (t->type == FSTRING_MIDDLE) {
            _PyParser_Next(p);
            PyObject *text = _PyParser_DecodeFStringMiddle(p, t, raw);
            if (text == NULL || joiner_text(p, &j, text, t) < 0) {
                goto error;
            }
        }
        else if (t->type == LBRACE) {
            PyObject *debug;
            int dloc[4];
            expr_ty fv = fstring_field(p, raw, fstart, &debug, dloc);
            if (fv == NULL) {
                goto error;
            }
            if (debug != NULL &&
                joiner_text_at(p, &j, debug, dloc[0], dloc[1], dloc[2], dloc[3]) < 0) {
                goto error;
            }
            if (joiner_flush(p, &j) < 0 || _PtrList_Append(p, &j.values, fv) < 0) {
                goto error;
            }
        }
        else {
            break;
        }
    }
    _PyToken *last = _PyParser_Prev(p);
    if (joiner_flush(p, &j) < 0) {
        goto error;
    }
    asdl_expr_seq *seq = _PtrList_ToSeq(p, &j.values);
    if (seq == NULL) {
        return NULL;
    }
    return _PyAST_JoinedStr(seq, LOC(colon), ELOC(last), p->arena);
error:
    Py_CLEAR(j.pending);
    _PtrList_Free(&j.values);
    return NULL;
}

/* '{' expression ['='] ['!' NAME] [':' spec] '}' -> FormattedValue, preceded (for '=')
 * by the debug text as a Constant: returns the FormattedValue and appends nothing; the
 * caller handles debug text through p->... (see fstring_parts). */
static expr_ty
fstring_field(Parser *p, int raw, _PyToken *fstart, PyObject **debug_text, int *dloc)
{
    _PyToken *open = _PyParser_Next(p);
    *debug_text = NULL;
    _PyToken *t = CUR(p);
    if (t->type == RBRACE || t->type == EXCLAMATION || t->type == COLON ||
        t->type == EQUAL || t->type == NOTEQUAL) {
        const char *what = t->type == RBRACE ? "'}'" : t->type == COLON ? "':'"
                           : t->type == EQUAL ? "'='" : "'!'";
        return _PyParser_ErrorAtToken(p, t, "f-string: valid expression required before %s",
                                      what);
    }
    if (t->type == NAME && t->keyword == KW_LAMBDA) {
        for (int k = 1; ; k++) {
            _PyToken *c = _PyParser_Peek(p, k);
            if (c->type == COLON || c->type == RBRACE || c->type == ENDMARKER ||
                c->type == ERRORTOKEN || c->type == FSTRING_END) {
                return _PyParser_ErrorAt(p, TOKERR_SYNTAX, t->lineno, t->col_offset,
                                         c->end_lineno, c->end_col_offset,
                                         "f-string: lambda expressions are not allowed "
                                         "without parentheses");
            }
        }
    }
    expr_ty e;
    if (_PyParser_CheckKw(p, KW_YIELD)) {
        e = _PyParser_YieldExpr(p);
    }
    else {
        e = _PyParser_StarExpressions(p);
    }
    if (e == NULL) {
        return NULL;
    }
    if (_PyParser_Check(p, EQUAL)) {
        _PyParser_Next(p);
        _PyToken *after = CUR(p);
        PyObject *text = debug_text_between(p, open, after);
        if (text == NULL) {
            return _PyParser_Fatal(p);
        }
        *debug_text = text;
        dloc[0] = open->end_lineno;
        dloc[1] = open->end_col_offset;
        dloc[2] = after->lineno;
        dloc[3] = after->col_offset;
    }
    int conversion = -1;
    if (_PyParser_Check(p, EXCLAMATION)) {
        _PyToken *bang = _PyParser_Next(p);
        _PyToken *c = CUR(p);
        if (c->type != NAME) {
            Py_CLEAR(*debug_text);
            if (c->type == RBRACE || c->type == COLON) {
                return _PyParser_ErrorAtToken(p, c, "f-string: missing conversion character");
            }
            return _PyParser_ErrorAtToken(p, c, "f-string: invalid conversion character");
        }
        if (c->start != bang->end) {
            Py_CLEAR(*debug_text);
            return _PyParser_ErrorAtToken(p, c, "f-string: conversion type must come right "
                                                "after the exclamanation mark");
        }
        if (c->end - c->start != 1 || strchr("sra", c->start[0]) == NULL) {
            Py_CLEAR(*debug_text);
            return _PyParser_ErrorAtToken(p, c, "f-string: invalid conversion character "
                                                "'%.*s': expected 's', 'r', or 'a'",
                                          (int)(c->end - c->start), c->start);
        }
        _PyParser_Next(p);
        conversion = c->start[0];
        if (!_PyParser_Check(p, COLON) && !_PyParser_Check(p, RBRACE)) {
            Py_CLEAR(*debug_text);
            if (_PyParser_Check(p, ERRORTOKEN)) {
                return _PyParser_InvalidSyntax(p);
            }
            return _PyParser_ErrorAtToken(p, CUR(p), "f-string: expecting ':' or '}'");
        }
    }
    expr_ty spec = NULL;
    if (_PyParser_Check(p, COLON)) {
        _PyToken *colon = _PyParser_Next(p);
        spec = fstring_format_spec(p, raw, colon, fstart);
        if (spec == NULL) {
            Py_CLEAR(*debug_text);
            return NULL;
        }
    }
    _PyToken *close = CUR(p);
    if (close->type != RBRACE) {
        Py_CLEAR(*debug_text);
        if (close->type == ERRORTOKEN) {
            return _PyParser_InvalidSyntax(p);
        }
        return _PyParser_ErrorAtToken(p, close, spec != NULL
                                      ? "f-string: expecting '}', or format specs"
                                      : "f-string: expecting '}'");
    }
    _PyParser_Next(p);
    if (*debug_text != NULL && conversion == -1 && spec == NULL) {
        conversion = 'r';
    }
    return _PyAST_FormattedValue(e, conversion, spec, LOC(open), ELOC(close), p->arena);
}

/* Parse the rest of an f-string after FSTRING_START into j. */
static int
fstring_parts(Parser *p, Joiner *j, _PyToken *fstart)
{
    const char *q = fstart->start;
    int raw = 0;
    while (*q != '\'' && *q != '"') {
        if (*q == 'r' || *q == 'R') {
            raw = 1;
        }
        q++;
    }
    while (1) {
        _PyToken *t = CUR(p);
        if (t->type == FSTRING_MIDDLE) {
            _PyParser_Next(p);
            PyObject *text = _PyParser_DecodeFStringMiddle(p, t, raw);
            if (text == NULL || joiner_text(p, j, text, t) < 0) {
                return -1;
            }
        }
        else if (t->type == LBRACE) {
            if (_PyParser_Enter(p) < 0) {
                return -1;
            }
            PyObject *debug;
            int dloc[4];
            expr_ty fv = fstring_field(p, raw, fstart, &debug, dloc);
            LEAVE(p);
            if (fv == NULL) {
                return -1;
            }
            if (debug != NULL &&
                joiner_text_at(p, j, debug, dloc[0], dloc[1], dloc[2], dloc[3]) < 0) {
                return -1;
            }
            if (joiner_flush(p, j) < 0 || _PtrList_Append(p, &j->values, fv) < 0) {
                return -1;
            }
        }
        else if (t->type == FSTRING_END) {
            _PyParser_Next(p);
            return 0;
        }
        else {
            _PyParser_InvalidSyntax(p);
            return -1;
        }
    }
}

expr_ty
_PyParser_Strings(Parser *p)
{
    Joiner j;
    _PtrList_Init(&j.values);
    j.pending = NULL;
    j.first = CUR(p);
    int saw_bytes = 0, saw_str = 0, saw_f = 0;
    int first_u = 0;
    PyObject *bytes_value = NULL;
    int ntok = 0;
    while (1) {
        _PyToken *t = CUR(p);
        if (t->type == STRING) {
            _PyParser_Next(p);
            int is_bytes, is_u;
            PyObject *v = _PyParser_DecodeString(p, t, &is_bytes, &is_u);
            if (v == NULL) {
                goto error;
            }
            if (ntok == 0) {
                first_u = is_u;
            }
            if (is_bytes) {
                saw_bytes = 1;
                if (bytes_value == NULL) {
                    bytes_value = v;
                }
                else {
                    PyBytes_ConcatAndDel(&bytes_value, v);
                    if (bytes_value == NULL) {
                        p->fatal = 1;
                        goto error;
                    }
                }
            }
            else {
                saw_str = 1;
                if (joiner_text(p, &j, v, t) < 0) {
                    goto error;
                }
            }
        }
        else if (t->type == FSTRING_START) {
            _PyParser_Next(p);
            saw_f = 1;
            if (fstring_parts(p, &j, t) < 0) {
                goto error;
            }
        }
        else {
            break;
        }
        ntok++;
        if (saw_bytes && (saw_str || saw_f)) {
            while (CUR(p)->type == STRING || CUR(p)->type == FSTRING_START) {
                if (CUR(p)->type == STRING) {
                    _PyParser_Next(p);
                    continue;
                }
                /* skip a whole f-string */
                int depth = 0;
                do {
                    _PyToken *x = _PyParser_Next(p);
                    depth += x->type == FSTRING_START ? 1 : x->type == FSTRING_END ? -1 : 0;
                    if (x->type == ENDMARKER || x->type == ERRORTOKEN) {
                        break;
                    }
                } while (depth > 0);
            }
            _PyToken *after = CUR(p);
            _PyParser_ErrorAt(p, TOKERR_SYNTAX, LOC(after), after->lineno,
                              after->col_offset + 1, "cannot mix bytes and nonbytes literals");
            goto error;
        }
    }
    _PyToken *last = _PyParser_Prev(p);
    j.last = last;
    if (saw_bytes) {
        if (_PyParser_AddObject(p, bytes_value) < 0) {
            bytes_value = NULL;
            goto error;
        }
        _PtrList_Free(&j.values);
        return _PyAST_Constant(bytes_value, NULL, LOC(j.first), ELOC(last), p->arena);
    }
    if (!saw_f) {
        PyObject *v = j.pending ? j.pending : PyUnicode_FromStringAndSize("", 0);
        j.pending = NULL;
        if (v == NULL || _PyParser_AddObject(p, v) < 0) {
            p->fatal = 1;
            goto error;
        }
        PyObject *kind = NULL;
        if (first_u) {
            kind = _PyParser_Identifier(p, "u", 1);
            if (kind == NULL) {
                goto error;
            }
        }
        _PtrList_Free(&j.values);
        return _PyAST_Constant(v, kind, LOC(j.first), ELOC(last), p->arena);
    }
    if (joiner_flush(p, &j) < 0) {
        goto error;
    }
    asdl_expr_seq *seq = _PtrList_ToSeq(p, &j.values);
    if (seq == NULL) {
        return NULL;
    }
    return _PyAST_JoinedStr(seq, LOC(j.first), ELOC(last), p->arena);
error:
    Py_XDECREF(bytes_value);
    Py_CLEAR(j.pending);
    _PtrList_Free(&j.values);
    return NULL;
}
