/* Syntax errors: recording them while parsing, raising them as SyntaxError at the end.
 *
 * The parser records at most one error (the first); parse functions then unwind.  The
 * exception is created as CPython does: SyntaxError(msg, (filename, lineno, offset, text,
 * end_lineno, end_offset)) with 1-based character offsets. */
#include "parser_internal.h"
#include "pycore_exceptions.h"   /* PyExc__IncompleteInputError */

void *
_PyParser_ErrorAt(Parser *p, int kind, int lineno, int col, int end_lineno, int end_col,
                  const char *fmt, ...)
{
    if (p->err.set || p->fatal) {
        return NULL;
    }
    va_list va;
    va_start(va, fmt);
    vsnprintf(p->err.msg, sizeof(p->err.msg), fmt, va);
    va_end(va);
    p->err.set = 1;
    p->err.kind = kind;
    p->err.lineno = lineno;
    p->err.col = col;
    p->err.end_lineno = end_lineno;
    p->err.end_col = end_col;
    return NULL;
}

void *
_PyParser_ErrorAtToken(Parser *p, _PyToken *t, const char *fmt, ...)
{
    if (p->err.set || p->fatal) {
        return NULL;
    }
    va_list va;
    va_start(va, fmt);
    vsnprintf(p->err.msg, sizeof(p->err.msg), fmt, va);
    va_end(va);
    p->err.set = 1;
    p->err.kind = TOKERR_SYNTAX;
    p->err.lineno = t->lineno;
    p->err.col = t->col_offset;
    p->err.end_lineno = t->end_lineno;
    p->err.end_col = t->end_col_offset;
    return NULL;
}

static void *
error_range_va(Parser *p, int l, int c, int el, int ec, const char *fmt, va_list va)
{
    if (p->err.set || p->fatal) {
        return NULL;
    }
    vsnprintf(p->err.msg, sizeof(p->err.msg), fmt, va);
    p->err.set = 1;
    p->err.kind = TOKERR_SYNTAX;
    p->err.lineno = l;
    p->err.col = c;
    p->err.end_lineno = el;
    p->err.end_col = ec;
    return NULL;
}

void *
_PyParser_ErrorAtNode(Parser *p, expr_ty e, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    error_range_va(p, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset, fmt, va);
    va_end(va);
    return NULL;
}

void *
_PyParser_ErrorRange(Parser *p, expr_ty a, expr_ty b, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    error_range_va(p, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset, fmt, va);
    va_end(va);
    return NULL;
}

void *
_PyParser_Fatal(Parser *p)
{
    p->fatal = 1;
    return NULL;
}

void *
_PyParser_InvalidSyntax(Parser *p)
{
    if (p->err.set || p->fatal) {
        return NULL;
    }
    _PyToken *t = CUR(p);
    if (t == NULL) {
        return NULL;
    }
    if (t->type == ERRORTOKEN) {
        _PyTokenizer *tok = &p->tok;
        if (tok->err_incomplete && (p->flags & PyCF_ALLOW_INCOMPLETE_INPUT)) {
            p->incomplete = 1;
        }
        return _PyParser_ErrorAt(p, tok->err_kind, tok->err_lineno, tok->err_col,
                                 tok->err_end_lineno, tok->err_end_col, "%s", tok->err_msg);
    }
    if ((p->flags & PyCF_ALLOW_INCOMPLETE_INPUT) &&
        (t->type == ENDMARKER || (t->type == NEWLINE && t->start == t->end))) {
        /* The input stopped where the grammar wanted more. */
        p->incomplete = 1;
    }
    if (t->type == INDENT) {
        return _PyParser_ErrorAt(p, TOKERR_INDENTATION, t->lineno, t->end_col_offset - 1,
                                 t->lineno, -1, "unexpected indent");
    }
    if (t->type == DEDENT) {
        _PyToken *nl = _PyParser_Prev(p);
        return _PyParser_ErrorAt(p, TOKERR_INDENTATION, LOC(nl), nl->lineno, -1,
                                 "unexpected unindent");
    }
    if (t->type == ENDMARKER) {
        /* CPython reports the end of input on the last line, at offset 0. */
        int lineno = t->lineno;
        if (lineno > 1 && t->col_offset == 0) {
            lineno--;
        }
        if (p->tok.end == p->tok.buf) {
            lineno = 0;     /* empty input */
        }
        return _PyParser_ErrorAt(p, TOKERR_SYNTAX, lineno, TOK_END_ZERO, lineno,
                                 TOK_END_ZERO, "invalid syntax");
    }
    if (t->type == NEWLINE && t->start == t->end) {
        return _PyParser_ErrorAt(p, TOKERR_SYNTAX, t->lineno, t->col_offset, t->lineno,
                                 t->col_offset + 1, "invalid syntax");
    }
    return _PyParser_ErrorAtToken(p, t, "invalid syntax");
}

void
_PyParser_Mark(Parser *p, ParserMark *m)
{
    m->pos = p->pos;
    m->err = p->err;
}

int
_PyParser_Reset(Parser *p, ParserMark *m)
{
    if (p->fatal) {
        return -1;
    }
    p->pos = m->pos;
    p->err = m->err;
    p->incomplete = 0;
    return 0;
}

/* Number of code points in the UTF-8 text [s, s+n). */
static Py_ssize_t
utf8_chars(const char *s, Py_ssize_t n)
{
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            count++;
        }
    }
    return count;
}

/* A byte column on line lineno as a 1-based character offset. */
static Py_ssize_t
char_offset(Parser *p, int lineno, int col)
{
    if (col < 0) {
        return col;
    }
    Py_ssize_t len;
    const char *line = _PyTokenizer_GetLine(&p->tok, lineno, &len);
    if (line == NULL) {
        return col + 1;
    }
    if (col > len) {
        return utf8_chars(line, len) + 1 + (col - len);
    }
    return utf8_chars(line, col) + 1;
}

void
_PyParser_RaiseError(Parser *p)
{
    if (p->fatal || !p->err.set) {
        return;
    }
    ParserError *e = &p->err;
    PyObject *exc_type = e->kind == TOKERR_TAB ? PyExc_TabError
                         : e->kind == TOKERR_INDENTATION ? PyExc_IndentationError
                                                         : PyExc_SyntaxError;
    const char *msgtext = e->msg;
    if (p->incomplete) {
        /* CPython 3.13 raises _IncompleteInputError, a SyntaxError subclass. */
        exc_type = PyExc__IncompleteInputError;
        msgtext = "incomplete input";
    }
    PyObject *msg = PyUnicode_DecodeUTF8(msgtext, (Py_ssize_t)strlen(msgtext), "replace");
    if (msg == NULL) {
        return;
    }
    Py_ssize_t len = 0;
    const char *line = _PyTokenizer_GetLine(&p->tok, e->lineno, &len);
    PyObject *text;
    if (line != NULL) {
        /* The parser sees every line terminated by a newline, and says so. */
        int tokenizer_error = p->tokenizer_error_text ||
                              (CUR(p) != NULL && CUR(p)->type == ERRORTOKEN);
        text = PyUnicode_DecodeUTF8(line, len, "replace");
        if (text != NULL && !tokenizer_error) {
            PyObject *nl = PyUnicode_FromString("\n");
            PyObject *joined = nl ? PyUnicode_Concat(text, nl) : NULL;
            Py_XDECREF(nl);
            Py_SETREF(text, joined);
        }
        if (text == NULL) {
            Py_DECREF(msg);
            return;
        }
    }
    else {
        text = Py_NewRef(Py_None);
    }
    Py_ssize_t offset = e->col == TOK_END_ZERO ? 0 : char_offset(p, e->lineno, e->col);
    Py_ssize_t end_offset = e->end_col == TOK_END_ZERO ? 0
                            : e->end_col < 0 ? e->end_col
                                             : char_offset(p, e->end_lineno, e->end_col);
    PyObject *filename = p->filename ? p->filename : Py_None;
    PyObject *args = Py_BuildValue("(N(OnnNnn))", msg, filename, (Py_ssize_t)e->lineno,
                                   offset, text, (Py_ssize_t)e->end_lineno, end_offset);
    if (args == NULL) {
        return;
    }
    PyErr_SetObject(exc_type, args);
    Py_DECREF(args);
}
