/* The tokenizer: UTF-8 source text to Python tokens.
 *
 * The tokenizer works on one NUL-terminated UTF-8 buffer that it owns (the source after
 * encoding-cookie handling).  It is a pull tokenizer: _PyTokenizer_Next() produces one token
 * at a time, in time linear in the input.
 *
 * Indentation: indstack holds the indentation columns of the open blocks (tabs to the next
 * multiple of 8); altindstack the same with tabs counting 1.  The two must order lines the
 * same way, otherwise the indentation depends on the tab size: TabError.
 *
 * f-strings (PEP 701) are tokenized with a stack of modes (fmode): FSTRING_START, then
 * FSTRING_MIDDLE pieces of literal text, '{' ... '}' replacement fields tokenized as code,
 * ':' switching to a format spec (literal text with nested fields), and FSTRING_END.
 * Literal pieces keep their escapes and doubled braces; the parser decodes them.
 *
 * Errors stop tokenization: the token is ERRORTOKEN and tok->err_* hold the message, the
 * exception kind and the location.  Nothing here raises a Python exception except
 * _PyTokenizer_Init. */
#include "Python.h"
#include "pycore_token.h"

#include <ctype.h>

enum { FSMODE_LITERAL = 0, FSMODE_CODE = 1, FSMODE_SPEC = 2 };

#define TABSIZE 8

static const char *const keyword_names[KW_COUNT] = {
    "", "False", "None", "True", "and", "as", "assert", "async", "await", "break",
    "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
    "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
    "pass", "raise", "return", "try", "while", "with", "yield",
    "match", "case", "type", "_",
};

int
_PyToken_Keyword(const char *s, Py_ssize_t len)
{
    if (len < 1 || len > 8) {
        return KW_NONE;
    }
    for (int k = 1; k < KW_COUNT; k++) {
        const char *kw = keyword_names[k];
        if ((Py_ssize_t)strlen(kw) == len && memcmp(kw, s, (size_t)len) == 0) {
            return k;
        }
    }
    return KW_NONE;
}

const char *
_PyToken_Name(int type)
{
    switch (type) {
    case ENDMARKER: return "ENDMARKER";
    case NAME: return "NAME";
    case NUMBER: return "NUMBER";
    case STRING: return "STRING";
    case NEWLINE: return "NEWLINE";
    case INDENT: return "INDENT";
    case DEDENT: return "DEDENT";
    case FSTRING_START: return "FSTRING_START";
    case FSTRING_MIDDLE: return "FSTRING_MIDDLE";
    case FSTRING_END: return "FSTRING_END";
    case COMMENT: return "COMMENT";
    case NL: return "NL";
    case ERRORTOKEN: return "ERRORTOKEN";
    default: return "OP";
    }
}

/* ---- errors ---------------------------------------------------------------------------- */

static int
tok_column(_PyTokenizer *tok, const char *p)
{
    return (int)(p - tok->line_start);
}

/* Record an error at [lineno:col, end_lineno:end_col) and return ERRORTOKEN. */
static int
tok_error_at(_PyTokenizer *tok, int kind, int lineno, int col, int end_lineno, int end_col,
             const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    vsnprintf(tok->err_msg, sizeof(tok->err_msg), fmt, va);
    va_end(va);
    tok->err_kind = kind;
    tok->err_lineno = lineno;
    tok->err_col = col;
    tok->err_end_lineno = end_lineno;
    tok->err_end_col = end_col;
    tok->done = 1;
    tok->last_type = ERRORTOKEN;
    return ERRORTOKEN;
}

#define tok_error(tok, p, ...)                                                              \
    tok_error_at((tok), TOKERR_SYNTAX, (tok)->lineno, tok_column((tok), (p)), (tok)->lineno, \
                 tok_column((tok), (p)), __VA_ARGS__)

/* ---- line table ------------------------------------------------------------------------ */

static int
tok_add_line(_PyTokenizer *tok, const char *start)
{
    if (tok->nlines == tok->lines_cap) {
        int cap = tok->lines_cap ? tok->lines_cap * 2 : 256;
        Py_ssize_t *n = (Py_ssize_t *)PyMem_Realloc(tok->line_offsets,
                                                    (size_t)cap * sizeof(Py_ssize_t));
        if (n == NULL) {
            return -1;
        }
        tok->line_offsets = n;
        tok->lines_cap = cap;
    }
    tok->line_offsets[tok->nlines++] = start - tok->buf;
    return 0;
}

const char *
_PyTokenizer_GetLine(_PyTokenizer *tok, int lineno, Py_ssize_t *len)
{
    if (lineno < 1 || lineno > tok->nlines) {
        return NULL;
    }
    const char *s = tok->buf + tok->line_offsets[lineno - 1];
    const char *e = s;
    while (e < tok->end && *e != '\n' && *e != '\r') {
        e++;
    }
    *len = e - s;
    return s;
}

/* ---- encoding -------------------------------------------------------------------------- */

/* Return the length of the valid UTF-8 sequence at p (1..4), or 0 if invalid. */
static int
utf8_sequence_length(const unsigned char *p, const unsigned char *end)
{
    unsigned char c = p[0];
    int n;
    unsigned int cp;
    if (c < 0x80) {
        return 1;
    }
    else if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        cp = c & 0x1F;
    }
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        cp = c & 0x0F;
    }
    else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        cp = c & 0x07;
    }
    else {
        return 0;
    }
    if (end - p < n) {
        return 0;
    }
    for (int i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return n;
}

/* Find a PEP 263 cookie in line [s, e); copy the encoding name (lower-cased, '_' -> '-')
 * into name.  Return 1 if found. */
static int
find_cookie(const char *s, const char *e, char *name, size_t size)
{
    const char *p = s;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\f')) {
        p++;
    }
    if (p >= e || *p != '#') {
        return 0;
    }
    for (; p + 6 <= e; p++) {
        if (memcmp(p, "coding", 6) == 0 && p + 6 < e && (p[6] == ':' || p[6] == '=')) {
            const char *q = p + 7;
            while (q < e && (*q == ' ' || *q == '\t')) {
                q++;
            }
            size_t n = 0;
            while (q < e && (isalnum((unsigned char)*q) || *q == '-' || *q == '_' ||
                             *q == '.') && n + 1 < size) {
                char c = (char)tolower((unsigned char)*q);
                name[n++] = c == '_' ? '-' : c;
                q++;
            }
            name[n] = '\0';
            return n > 0;
        }
    }
    return 0;
}

static int
is_utf8_name(const char *n)
{
    return strcmp(n, "utf-8") == 0 || strcmp(n, "utf8") == 0 ||
           strncmp(n, "utf-8-", 6) == 0;
}

static int
is_latin1_name(const char *n)
{
    return strcmp(n, "latin-1") == 0 || strcmp(n, "iso-8859-1") == 0 ||
           strcmp(n, "iso8859-1") == 0 || strcmp(n, "latin1") == 0 ||
           strncmp(n, "latin-1-", 8) == 0 || strncmp(n, "iso-8859-1-", 11) == 0 ||
           strcmp(n, "l1") == 0 || strcmp(n, "cp819") == 0;
}

static int
is_ascii_name(const char *n)
{
    return strcmp(n, "ascii") == 0 || strcmp(n, "us-ascii") == 0;
}

static void
raise_source_error_at(const char *msg, int lineno, int offset)
{
    PyObject *m = PyUnicode_FromString(msg);
    if (m == NULL) {
        return;
    }
    PyObject *args = Py_BuildValue("(N(Oiiz))", m, Py_None, lineno, offset, NULL);
    if (args != NULL) {
        PyErr_SetObject(PyExc_SyntaxError, args);
        Py_DECREF(args);
    }
}

static void
raise_source_error(const char *msg, int lineno)
{
    raise_source_error_at(msg, lineno, 0);
}

/* Bad UTF-8 at s[i]: CPython reports it from the string literal that holds it, with the
 * position inside the literal. */
static void
raise_utf8_error(const unsigned char *s, Py_ssize_t len, Py_ssize_t i, int line)
{
    Py_ssize_t ls = i;
    while (ls > 0 && s[ls - 1] != '\n' && s[ls - 1] != '\r') {
        ls--;
    }
    Py_ssize_t quote = -1;
    for (Py_ssize_t j = ls; j < i; j++) {
        if (s[j] == '\'' || s[j] == '"') {
            quote = j;
        }
    }
    Py_ssize_t pos = quote >= 0 ? i - quote - 1 : i - ls;
    int col = (int)(quote >= 0 ? quote - ls : i - ls);
    unsigned char c = s[i];
    int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    const char *reason = (c < 0xC2 || c > 0xF4) ? "invalid start byte"
                         : (i + need > len) ? "unexpected end of data"
                                            : "invalid continuation byte";
    char msg[256];
    snprintf(msg, sizeof(msg), "(unicode error) 'utf-8' codec can't decode byte 0x%02x in "
             "position %zd: %s", c, pos, reason);
    raise_source_error_at(msg, line, col + 1);
}

/* Decode the source with the codec named by a coding cookie into the UTF-8 buffer. */
static int
tok_decode_with_codec(_PyTokenizer *tok, const char *s, Py_ssize_t len, const char *enc)
{
    PyObject *text = PyUnicode_Decode(s, len, enc, "strict");
    if (text == NULL) {
        if (PyErr_ExceptionMatches(PyExc_LookupError)) {
            PyErr_Clear();
            char msg[128];
            snprintf(msg, sizeof(msg), "unknown encoding: %s", enc);
            raise_source_error_at(msg, 0, -1);
        }
        return -1;
    }
    Py_ssize_t n;
    const char *u = PyUnicode_AsUTF8AndSize(text, &n);
    if (u == NULL) {
        Py_DECREF(text);
        return -1;
    }
    if (memchr(u, '\0', (size_t)n) != NULL) {
        Py_DECREF(text);
        raise_source_error("source code cannot contain null bytes", 1);
        return -1;
    }
    tok->buf = (char *)PyMem_Malloc((size_t)n + 2);
    if (tok->buf == NULL) {
        Py_DECREF(text);
        PyErr_NoMemory();
        return -1;
    }
    memcpy(tok->buf, u, (size_t)n);
    tok->buf[n] = '\0';
    tok->end = tok->buf + n;
    Py_DECREF(text);
    return 0;
}

/* Convert the source to the UTF-8 working buffer: honour a BOM and a coding cookie. */
static int
tok_decode_source(_PyTokenizer *tok, const char *str, Py_ssize_t len, int flags)
{
    const unsigned char *s = (const unsigned char *)str;
    int bom = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        s += 3;
        len -= 3;
        bom = 1;
    }
    char enc[64] = "";
    if (!(flags & TOKFLAG_SOURCE_IS_UTF8)) {
        /* The cookie may be on line 1, or on line 2 if line 1 is a comment or blank. */
        const char *p = (const char *)s, *e = (const char *)s + len;
        for (int line = 0; line < 2 && p < e; line++) {
            const char *nl = memchr(p, '\n', (size_t)(e - p));
            const char *le = nl ? nl : e;
            if (find_cookie(p, le, enc, sizeof(enc))) {
                break;
            }
            const char *q = p;
            while (q < le && (*q == ' ' || *q == '\t' || *q == '\f' || *q == '\r')) {
                q++;
            }
            if (q < le && *q != '#') {
                break;
            }
            p = nl ? nl + 1 : e;
        }
    }
    int latin1 = 0;
    if (enc[0]) {
        if (bom && strcmp(enc, "utf-8") != 0) {
            char msg[128];
            snprintf(msg, sizeof(msg), "encoding problem: %s with BOM", enc);
            raise_source_error_at(msg, 0, -1);
            return -1;
        }
        if (is_latin1_name(enc)) {
            latin1 = 1;
        }
        else if (!is_utf8_name(enc) && !is_ascii_name(enc)) {
            return tok_decode_with_codec(tok, (const char *)s, len, enc);
        }

    }
    size_t cap = latin1 ? (size_t)len * 2 + 2 : (size_t)len + 2;
    tok->buf = (char *)PyMem_Malloc(cap);
    if (tok->buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    size_t n = 0;
    if (latin1) {
        for (Py_ssize_t i = 0; i < len; i++) {
            unsigned char c = s[i];
            if (c < 0x80) {
                tok->buf[n++] = (char)c;
            }
            else {
                tok->buf[n++] = (char)(0xC0 | (c >> 6));
                tok->buf[n++] = (char)(0x80 | (c & 0x3F));
            }
        }
    }
    else {
        int line = 1;
        for (Py_ssize_t i = 0; i < len;) {
            if (s[i] == '\n') {
                line++;
            }
            if (s[i] == 0) {
                PyMem_Free(tok->buf);
                tok->buf = NULL;
                raise_source_error("source code cannot contain null bytes", line);
                return -1;
            }
            int k = utf8_sequence_length(s + i, s + len);
            if (k == 0) {
                PyMem_Free(tok->buf);
                tok->buf = NULL;
                raise_utf8_error(s, len, i, line);
                return -1;
            }
            i += k;
        }
        memcpy(tok->buf, s, (size_t)len);
        n = (size_t)len;
    }
    tok->buf[n] = '\0';
    tok->end = tok->buf + n;
    return 0;
}

int
_PyTokenizer_Init(_PyTokenizer *tok, const char *str, Py_ssize_t len, int flags)
{
    memset(tok, 0, sizeof(*tok));
    if (memchr(str, '\0', (size_t)len) != NULL) {
        raise_source_error("source code string cannot contain null bytes", 1);
        return -1;
    }
    if (tok_decode_source(tok, str, len, flags) < 0) {
        return -1;
    }
    tok->cur = tok->buf;
    tok->line_start = tok->buf;
    tok->lineno = 1;
    tok->flags = flags;
    tok->at_bol = 1;
    tok->last_type = NEWLINE;
    if (tok_add_line(tok, tok->buf) < 0) {
        _PyTokenizer_Clear(tok);
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

void
_PyTokenizer_Clear(_PyTokenizer *tok)
{
    PyMem_Free(tok->buf);
    PyMem_Free(tok->line_offsets);
    tok->buf = NULL;
    tok->line_offsets = NULL;
}

/* ---- character helpers ----------------------------------------------------------------- */

static int
is_id_start(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static int
is_id_char(unsigned char c)
{
    return is_id_start(c) || (c >= '0' && c <= '9');
}

/* Advance past a newline at p ("\n", "\r\n" or "\r"), starting a new line. */
static const char *
tok_newline(_PyTokenizer *tok, const char *p)
{
    if (*p == '\r' && p[1] == '\n') {
        p += 2;
    }
    else {
        p++;
    }
    tok->lineno++;
    tok->line_start = p;
    if (tok->nlines < tok->lineno) {
        if (tok_add_line(tok, p) < 0) {
            return NULL;
        }
    }
    return p;
}

static int
is_newline(char c)
{
    return c == '\n' || c == '\r';
}

/* Decode the code point at p (valid UTF-8 guaranteed by init). */
static unsigned int
decode_cp(const char *p, int *size)
{
    const unsigned char *s = (const unsigned char *)p;
    if (s[0] < 0x80) {
        *size = 1;
        return s[0];
    }
    if (s[0] < 0xE0) {
        *size = 2;
        return ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
    }
    if (s[0] < 0xF0) {
        *size = 3;
        return ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    }
    *size = 4;
    return ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) |
           (s[3] & 0x3Fu);
}

/* Is cp acceptable in an identifier?  A coarse approximation of XID_Start/XID_Continue:
 * letters of every script are >= U+00AA; reject common punctuation and symbols. */
static int
is_identifier_cp(unsigned int cp)
{
    if (cp < 0x80) {
        return is_id_char((unsigned char)cp);
    }
    if (cp < 0xAA || cp == 0xAB || cp == 0xBB || cp == 0xD7 || cp == 0xF7 ||
        (cp >= 0x2000 && cp <= 0x206F) ||   /* general punctuation */
        (cp >= 0x20A0 && cp <= 0x20CF) ||   /* currency */
        (cp >= 0x2190 && cp <= 0x23FF) ||   /* arrows, math operators, technical */
        (cp >= 0x2500 && cp <= 0x27BF) ||   /* box drawing, shapes, dingbats */
        (cp >= 0x3000 && cp <= 0x3003) || cp == 0xFEFF ||
        (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0x1F000 && cp <= 0x1FAFF)) {
        return 0;
    }
    return 1;
}

/* ---- token construction ---------------------------------------------------------------- */

static int
tok_make(_PyTokenizer *tok, _PyToken *t, int type, const char *start, int lineno, int col,
         const char *end)
{
    t->type = type;
    t->keyword = KW_NONE;
    t->start = start;
    t->end = end;
    t->lineno = lineno;
    t->col_offset = col;
    t->end_lineno = tok->lineno;
    t->end_col_offset = (int)(end - tok->line_start);
    tok->last_type = type;
    if (type != NEWLINE && type != INDENT && type != DEDENT && type != ENDMARKER) {
        tok->line_has_tokens = 1;
    }
    return type;
}

/* A token on the current line at [start, end). */
static int
tok_simple(_PyTokenizer *tok, _PyToken *t, int type, const char *start, const char *end)
{
    tok->cur = end;
    return tok_make(tok, t, type, start, tok->lineno, tok_column(tok, start), end);
}

/* ---- operators ------------------------------------------------------------------------- */

static int
three_char_op(const char *p)
{
    if (p[0] == '*' && p[1] == '*' && p[2] == '=') {
        return DOUBLESTAREQUAL;
    }
    if (p[0] == '.' && p[1] == '.' && p[2] == '.') {
        return ELLIPSIS;
    }
    if (p[0] == '/' && p[1] == '/' && p[2] == '=') {
        return DOUBLESLASHEQUAL;
    }
    if (p[0] == '<' && p[1] == '<' && p[2] == '=') {
        return LEFTSHIFTEQUAL;
    }
    if (p[0] == '>' && p[1] == '>' && p[2] == '=') {
        return RIGHTSHIFTEQUAL;
    }
    return -1;
}

static int
two_char_op(char c1, char c2)
{
    switch (c1) {
    case '!': return c2 == '=' ? NOTEQUAL : -1;
    case '%': return c2 == '=' ? PERCENTEQUAL : -1;
    case '&': return c2 == '=' ? AMPEREQUAL : -1;
    case '*': return c2 == '*' ? DOUBLESTAR : c2 == '=' ? STAREQUAL : -1;
    case '+': return c2 == '=' ? PLUSEQUAL : -1;
    case '-': return c2 == '=' ? MINEQUAL : c2 == '>' ? RARROW : -1;
    case '/': return c2 == '/' ? DOUBLESLASH : c2 == '=' ? SLASHEQUAL : -1;
    case ':': return c2 == '=' ? COLONEQUAL : -1;
    case '<':
        return c2 == '<' ? LEFTSHIFT : c2 == '=' ? LESSEQUAL : c2 == '>' ? NOTEQUAL : -1;
    case '=': return c2 == '=' ? EQEQUAL : -1;
    case '>': return c2 == '=' ? GREATEREQUAL : c2 == '>' ? RIGHTSHIFT : -1;
    case '@': return c2 == '=' ? ATEQUAL : -1;
    case '^': return c2 == '=' ? CIRCUMFLEXEQUAL : -1;
    case '|': return c2 == '=' ? VBAREQUAL : -1;
    default: return -1;
    }
}

static int
one_char_op(char c)
{
    switch (c) {
    case '!': return EXCLAMATION;
    case '%': return PERCENT;
    case '&': return AMPER;
    case '(': return LPAR;
    case ')': return RPAR;
    case '*': return STAR;
    case '+': return PLUS;
    case ',': return COMMA;
    case '-': return MINUS;
    case '.': return DOT;
    case '/': return SLASH;
    case ':': return COLON;
    case ';': return SEMI;
    case '<': return LESS;
    case '=': return EQUAL;
    case '>': return GREATER;
    case '@': return AT;
    case '[': return LSQB;
    case ']': return RSQB;
    case '^': return CIRCUMFLEX;
    case '{': return LBRACE;
    case '|': return VBAR;
    case '}': return RBRACE;
    case '~': return TILDE;
    default: return -1;
    }
}

/* ---- numbers --------------------------------------------------------------------------- */

/* After a number: a letter glued to it is an error, except a keyword that may follow a
 * number (1if x else y), which CPython accepts with a SyntaxWarning (queued in tok->warn_*
 * for the parser to issue).  what names the literal kind for the message. */
static int
number_end_ok(_PyTokenizer *tok, const char *p, const char *what)
{
    if (!is_id_start((unsigned char)*p)) {
        return 1;
    }
    static const char *const ok[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        size_t n = strlen(ok[i]);
        if (strncmp(p, ok[i], n) == 0 && !is_id_char((unsigned char)p[n])) {
            tok->warn_pending = 1;
            tok->warn_lineno = tok->lineno;
            tok->warn_col = tok_column(tok, p - 1);
            snprintf(tok->warn_msg, sizeof(tok->warn_msg), "invalid %s literal", what);
            return 1;
        }
    }
    return 0;
}

/* Scan digits accepted by isdigit_fn with single '_' separators.  Return the end, or NULL
 * when a '_' is not followed by a digit (*bad set to the offending position). */
static const char *
scan_digits(const char *p, int (*ok)(int), const char **bad)
{
    while (1) {
        while (ok((unsigned char)*p)) {
            p++;
        }
        if (*p != '_') {
            return p;
        }
        if (!ok((unsigned char)p[1])) {
            *bad = p + 1;
            return NULL;
        }
        p++;
    }
}

static int isdec(int c) { return c >= '0' && c <= '9'; }
static int ishex(int c) { return isxdigit(c); }
static int isoct(int c) { return c >= '0' && c <= '7'; }
static int isbin(int c) { return c == '0' || c == '1'; }

#define num_error(tok, p, ...) tok_error((tok), (p) - 1, __VA_ARGS__)

static int
tok_number(_PyTokenizer *tok, _PyToken *t, const char *start)
{
    const char *p = start;
    const char *bad = NULL;
    if (*p == '0' && (p[1] == 'x' || p[1] == 'X' || p[1] == 'o' || p[1] == 'O' ||
                      p[1] == 'b' || p[1] == 'B')) {
        char kind = (char)tolower((unsigned char)p[1]);
        int (*ok)(int) = kind == 'x' ? ishex : kind == 'o' ? isoct : isbin;
        const char *what = kind == 'x' ? "hexadecimal" : kind == 'o' ? "octal" : "binary";
        p += 2;
        if (*p == '_') {
            p++;
        }
        if (!ok((unsigned char)*p)) {
            if (kind != 'x' && isdec((unsigned char)*p)) {
                return tok_error(tok, p, "invalid digit '%c' in %s literal", *p, what);
            }
            return num_error(tok, p, "invalid %s literal", what);
        }
        p = scan_digits(p, ok, &bad);
        if (p == NULL) {
            return num_error(tok, bad, "invalid %s literal", what);
        }
        if (kind != 'x' && isdec((unsigned char)*p)) {
            return tok_error(tok, p, "invalid digit '%c' in %s literal", *p, what);
        }
        if (!number_end_ok(tok, p, what)) {
            return num_error(tok, p, "invalid %s literal", what);
        }
        return tok_simple(tok, t, NUMBER, start, p);
    }
    if (*p != '.') {
        const char *digits_start = p;
        p = scan_digits(p, isdec, &bad);
        if (p == NULL) {
            return num_error(tok, bad, "invalid decimal literal");
        }
        /* Leading zeros: "00" is fine, "01" is not (unless it turns out to be a float). */
        int leading_zero = 0;
        if (*digits_start == '0') {
            for (const char *q = digits_start; q < p; q++) {
                if (*q != '0' && *q != '_') {
                    leading_zero = 1;
                    break;
                }
            }
        }
        if (*p == '.' || *p == 'e' || *p == 'E' || *p == 'j' || *p == 'J') {
            leading_zero = 0;
        }
        if (leading_zero) {
            return tok_error_at(tok, TOKERR_SYNTAX, tok->lineno, tok_column(tok, digits_start),
                                tok->lineno, tok_column(tok, digits_start) + 1,
                                "leading zeros in decimal integer literals are not "
                                "permitted; use an 0o prefix for octal integers");
        }
    }
    if (*p == '.') {
        p++;
        if (isdec((unsigned char)*p)) {
            p = scan_digits(p, isdec, &bad);
            if (p == NULL) {
                return num_error(tok, bad, "invalid decimal literal");
            }
        }
    }
    if (*p == 'e' || *p == 'E') {
        const char *e = p;
        p++;
        if (*p == '+' || *p == '-') {
            p++;
        }
        if (!isdec((unsigned char)*p)) {
            /* Not an exponent: `1else`, `1e` ... the number ends before the 'e'. */
            if (p > e + 1) {
                return num_error(tok, p, "invalid decimal literal");
            }
            if (!number_end_ok(tok, e, "decimal")) {
                return num_error(tok, e, "invalid decimal literal");
            }
            return tok_simple(tok, t, NUMBER, start, e);
        }
        p = scan_digits(p, isdec, &bad);
        if (p == NULL) {
            return num_error(tok, bad, "invalid decimal literal");
        }
    }
    if (*p == 'j' || *p == 'J') {
        p++;
        if (!number_end_ok(tok, p, "imaginary")) {
            return num_error(tok, p, "invalid imaginary literal");
        }
        return tok_simple(tok, t, NUMBER, start, p);
    }
    if (!number_end_ok(tok, p, "decimal")) {
        return num_error(tok, p, "invalid decimal literal");
    }
    return tok_simple(tok, t, NUMBER, start, p);
}

/* ---- strings --------------------------------------------------------------------------- */

/* Is [s, e) a string prefix?  Sets *is_f, *is_raw, *is_bytes. */
static int
string_prefix(const char *s, const char *e, int *is_f, int *is_raw, int *is_bytes)
{
    int r = 0, b = 0, u = 0, f = 0;
    if (e - s > 2) {
        return 0;
    }
    for (const char *p = s; p < e; p++) {
        switch (*p) {
        case 'r': case 'R': r++; break;
        case 'b': case 'B': b++; break;
        case 'u': case 'U': u++; break;
        case 'f': case 'F': f++; break;
        default: return 0;
        }
    }
    if (r > 1 || b > 1 || u > 1 || f > 1 || (u && (e - s) > 1) || (b && f)) {
        return 0;
    }
    *is_f = f;
    *is_raw = r;
    *is_bytes = b;
    return 1;
}

/* A complete (non-f) string literal whose opening quote is at q; start is the prefix. */
static int
tok_string(_PyTokenizer *tok, _PyToken *t, const char *start, const char *q)
{
    char quote = *q;
    int triple = q[1] == quote && q[2] == quote;
    int lineno = tok->lineno, col = tok_column(tok, start);
    const char *p = q + (triple ? 3 : 1);
    while (1) {
        if (p >= tok->end) {
            int detected = tok->lineno;
            if (p > tok->buf && is_newline(p[-1])) {
                detected--;
            }
            tok->err_incomplete = triple;
            if (triple) {
                return tok_error_at(tok, TOKERR_SYNTAX, lineno, col, lineno, col,
                                    "unterminated triple-quoted string literal (detected "
                                    "at line %d)", detected);
            }
            if (tok->nfmode > 0) {
                return tok_error_at(tok, TOKERR_SYNTAX, lineno, col, lineno, col,
                                    "f-string: expecting '}'");
            }
            return tok_error_at(tok, TOKERR_SYNTAX, lineno, col, lineno, col,
                                "unterminated string literal (detected at line %d)",
                                detected);
        }
        char c = *p;
        if (c == quote) {
            if (!triple) {
                p++;
                break;
            }
            if (p[1] == quote && p[2] == quote) {
                p += 3;
                break;
            }
            p++;
        }
        else if (c == '\\') {
            p++;
            if (p >= tok->end) {
                continue;
            }
            if (is_newline(*p)) {
                p = tok_newline(tok, p);
                if (p == NULL) {
                    return -1;
                }
            }
            else {
                p++;
            }
        }
        else if (is_newline(c)) {
            if (!triple) {
                if (tok->nfmode > 0) {
                    return tok_error_at(tok, TOKERR_SYNTAX, lineno, col, lineno, col,
                                        "f-string: expecting '}'");
                }
                return tok_error_at(tok, TOKERR_SYNTAX, lineno, col, lineno, col,
                                    "unterminated string literal (detected at line %d)",
                                    lineno);
            }
            p = tok_newline(tok, p);
            if (p == NULL) {
                return -1;
            }
        }
        else {
            p++;
        }
    }
    tok->cur = p;
    return tok_make(tok, t, STRING, start, lineno, col, p);
}

static int tok_get(_PyTokenizer *tok, _PyToken *t);

/* Literal text of an f-string (mode LITERAL or SPEC on top of the stack). */
static int
tok_fstring_literal(_PyTokenizer *tok, _PyToken *t)
{
    _PyFStringMode *m = &tok->fmode[tok->nfmode - 1];
    _PyFStringMode *fs = m;
    /* The f-string this literal belongs to (for the quote): the nearest LITERAL below. */
    for (int i = tok->nfmode - 1; i >= 0; i--) {
        if (tok->fmode[i].kind == FSMODE_LITERAL) {
            fs = &tok->fmode[i];
            break;
        }
    }
    int in_spec = m->kind == FSMODE_SPEC;
    const char *start = tok->cur;
    int lineno = tok->lineno, col = tok_column(tok, start);
    const char *p = start;
    while (1) {
        if (p >= tok->end) {
            tok->err_incomplete = fs->triple;
            if (in_spec) {
                return tok_error_at(tok, TOKERR_SYNTAX, lineno, col, lineno, col + 1,
                                    "f-string: expecting '}'");
            }
            return tok_error_at(tok, TOKERR_SYNTAX, fs->lineno, fs->col, fs->lineno,
                                fs->col,
                                fs->triple ? "unterminated triple-quoted f-string literal "
                                             "(detected at line %d)"
                                           : "unterminated f-string literal (detected at "
                                             "line %d)", tok->lineno);
        }
        char c = *p;
        if (c == fs->quote && (!fs->triple || (p[1] == c && p[2] == c))) {
            if (in_spec) {
                return tok_error_at(tok, TOKERR_SYNTAX, tok->lineno, tok_column(tok, p),
                                    tok->lineno, tok_column(tok, p) + 1,
                                    "f-string: expecting '}', or format specs");
            }
            if (p > start) {
                tok->cur = p;
                return tok_make(tok, t, FSTRING_MIDDLE, start, lineno, col, p);
            }
            const char *e = p + (fs->triple ? 3 : 1);
            tok->nfmode--;
            tok->nfstrings--;
            return tok_simple(tok, t, FSTRING_END, p, e);
        }
        if (c == '{') {
            if (p[1] == '{' && !in_spec) {
                p += 2;
                continue;
            }
            if (p > start) {
                tok->cur = p;
                return tok_make(tok, t, FSTRING_MIDDLE, start, lineno, col, p);
            }
            if (tok->level >= _PYTOKENIZER_MAXLEVEL) {
                return tok_error(tok, p, "too many nested parentheses");
            }
            if (tok->nfmode >= _PYTOKENIZER_MAXFSTRING) {
                return tok_error(tok, p, "f-string: expressions nested too deeply");
            }
            tok->parenstack[tok->level] = '{';
            tok->parenlineno[tok->level] = tok->lineno;
            tok->parencol[tok->level] = tok_column(tok, p);
            tok->level++;
            _PyFStringMode *nm = &tok->fmode[tok->nfmode++];
            *nm = *fs;
            nm->kind = FSMODE_CODE;
            nm->level = tok->level;
            nm->debug_start = p + 1;
            return tok_simple(tok, t, LBRACE, p, p + 1);
        }
        if (c == '}') {
            if (in_spec) {
                if (p > start) {
                    tok->cur = p;
                    return tok_make(tok, t, FSTRING_MIDDLE, start, lineno, col, p);
                }
                tok->nfmode--;
                tok->level--;
                return tok_simple(tok, t, RBRACE, p, p + 1);
            }
            if (p[1] == '}') {
                p += 2;
                continue;
            }
            return tok_error(tok, p, "f-string: single '}' is not allowed");
        }
        if (c == '\\' && !fs->raw) {
            if (p[1] == 'N' && p[2] == '{') {
                const char *q = p + 3;
                while (q < tok->end && *q != '}' && *q != fs->quote && !is_newline(*q)) {
                    q++;
                }
                p = *q == '}' ? q + 1 : p + 2;
                continue;
            }
            if (p[1] == '{' || p[1] == '}') {
                p++;
                continue;
            }
            p++;
            if (p >= tok->end) {
                continue;
            }
            if (is_newline(*p)) {
                p = tok_newline(tok, p);
                if (p == NULL) {
                    return -1;
                }
                continue;
            }
            p++;
            continue;
        }
        if (c == '\\' && fs->raw && p + 1 < tok->end &&
            (p[1] == fs->quote || p[1] == '\\')) {
            /* In a raw f-string a backslash still keeps the next quote or backslash from
             * ending the literal. */
            p += 2;
            continue;
        }
        if (is_newline(c)) {
            if (!fs->triple) {
                if (in_spec) {
                    /* A newline ends the format spec of a single-quoted f-string; what
                     * follows is tokenized as code again (CPython accepts f"{x:\n}"). */
                    if (p > start) {
                        tok->cur = p;
                        return tok_make(tok, t, FSTRING_MIDDLE, start, lineno, col, p);
                    }
                    m->kind = FSMODE_CODE;
                    tok->cur = p;
                    return tok_get(tok, t);
                }
                return tok_error_at(tok, TOKERR_SYNTAX, fs->lineno, fs->col, fs->lineno,
                                    fs->col,
                                    "unterminated f-string literal (detected at line %d)",
                                    tok->lineno);
            }
            p = tok_newline(tok, p);
            if (p == NULL) {
                return -1;
            }
            continue;
        }
        p++;
    }
}

/* ---- indentation ----------------------------------------------------------------------- */

/* At the beginning of a logical line: measure indentation, skip blank and comment lines,
 * and queue INDENT/DEDENT.  Return a token type if one should be emitted now, 0 to go on. */
static int
tok_indentation(_PyTokenizer *tok, _PyToken *t)
{
    while (1) {
        const char *p = tok->cur;
        int col = 0, altcol = 0;
        while (1) {
            if (*p == ' ') {
                col++;
                altcol++;
            }
            else if (*p == '\t') {
                col = (col / TABSIZE + 1) * TABSIZE;
                altcol++;
            }
            else if (*p == '\f') {
                col = altcol = 0;
            }
            else {
                break;
            }
            p++;
        }
        if (*p == '#' || is_newline(*p)) {
            /* Blank or comment-only line: no effect on indentation. */
            while (p < tok->end && !is_newline(*p)) {
                p++;
            }
            if (p >= tok->end) {
                tok->cur = p;
                return 0;
            }
            p = tok_newline(tok, p);
            if (p == NULL) {
                return -1;
            }
            tok->cur = p;
            continue;
        }
        if (p >= tok->end) {
            tok->cur = p;
            return 0;
        }
        tok->cur = p;
        tok->at_bol = 0;
        int top = tok->indent;
        if (col == tok->indstack[top]) {
            if (altcol != tok->altindstack[top]) {
                return tok_error_at(tok, TOKERR_TAB, tok->lineno, 0, tok->lineno,
                                    TOK_END_ZERO,
                                    "inconsistent use of tabs and spaces in indentation");
            }
        }
        else if (col > tok->indstack[top]) {
            if (top + 1 >= _PYTOKENIZER_MAXINDENT) {
                return tok_error_at(tok, TOKERR_INDENTATION, tok->lineno, 0, tok->lineno,
                                    TOK_END_ZERO, "too many levels of indentation");
            }
            if (altcol <= tok->altindstack[top]) {
                return tok_error_at(tok, TOKERR_TAB, tok->lineno, 0, tok->lineno,
                                    TOK_END_ZERO,
                                    "inconsistent use of tabs and spaces in indentation");
            }
            tok->indent = top + 1;
            tok->indstack[top + 1] = col;
            tok->altindstack[top + 1] = altcol;
            return tok_make(tok, t, INDENT, p, tok->lineno, 0, p);
        }
        else {
            while (tok->indent > 0 && col < tok->indstack[tok->indent]) {
                tok->pending_dedents++;
                tok->indent--;
            }
            if (col != tok->indstack[tok->indent]) {
                const char *eol = p;
                while (eol < tok->end && !is_newline(*eol)) {
                    eol++;
                }
                return tok_error_at(tok, TOKERR_INDENTATION, tok->lineno,
                                    tok_column(tok, eol), tok->lineno, -1,
                                    "unindent does not match any outer indentation level");
            }
            if (altcol != tok->altindstack[tok->indent]) {
                return tok_error_at(tok, TOKERR_TAB, tok->lineno, 0, tok->lineno,
                                    TOK_END_ZERO,
                                    "inconsistent use of tabs and spaces in indentation");
            }
        }
        return 0;
    }
}

/* ---- the main loop --------------------------------------------------------------------- */

static int
tok_eof(_PyTokenizer *tok, _PyToken *t)
{
    const char *p = tok->end;
    if (tok->level > 0) {
        int i = tok->level - 1;
        tok->err_incomplete = 1;
        return tok_error_at(tok, TOKERR_SYNTAX, tok->parenlineno[i], tok->parencol[i],
                            tok->parenlineno[i], TOK_END_ZERO,
                            "'%c' was never closed", tok->parenstack[i]);
    }
    if (tok->nfmode > 0) {
        _PyFStringMode *fs = &tok->fmode[0];
        tok->err_incomplete = 1;
        return tok_error_at(tok, TOKERR_SYNTAX, fs->lineno, fs->col, fs->lineno, fs->col + 1,
                            fs->triple ? "unterminated triple-quoted f-string literal "
                                         "(detected at line %d)"
                                       : "f-string: expecting '}'", tok->lineno);
    }
    if (tok->line_has_tokens && tok->last_type != NEWLINE) {
        tok->line_has_tokens = 0;
        tok->cur = p;
        return tok_make(tok, t, NEWLINE, p, tok->lineno, tok_column(tok, p), p);
    }
    /* With DONT_IMPLY_DEDENT (interactive input), a block stays open until the input ends
     * with an empty line, i.e. with a newline. */
    if (tok->indent > 0 && (!(tok->flags & TOKFLAG_DONT_IMPLY_DEDENT) ||
                            (tok->end > tok->buf && is_newline(tok->end[-1])))) {
        tok->indent--;
        return tok_make(tok, t, DEDENT, p, tok->lineno, tok_column(tok, p), p);
    }
    tok->done = 1;
    return tok_make(tok, t, ENDMARKER, p, tok->lineno, tok_column(tok, p), p);
}

static int
tok_get(_PyTokenizer *tok, _PyToken *t)
{
    if (tok->pending_dedents > 0) {
        tok->pending_dedents--;
        return tok_make(tok, t, DEDENT, tok->cur, tok->lineno, tok_column(tok, tok->cur),
                        tok->cur);
    }
    if (tok->nfmode > 0 && tok->fmode[tok->nfmode - 1].kind != FSMODE_CODE) {
        return tok_fstring_literal(tok, t);
    }
    if (tok->at_bol && tok->level == 0) {
        int r = tok_indentation(tok, t);
        if (r != 0) {
            return r;
        }
        if (tok->pending_dedents > 0) {
            tok->pending_dedents--;
            return tok_make(tok, t, DEDENT, tok->cur, tok->lineno, tok_column(tok, tok->cur),
                            tok->cur);
        }
    }
    const char *p = tok->cur;
again:
    while (*p == ' ' || *p == '\t' || *p == '\f') {
        p++;
    }
    if (*p == '#') {
        while (p < tok->end && !is_newline(*p)) {
            p++;
        }
    }
    if (p >= tok->end) {
        tok->cur = p;
        return tok_eof(tok, t);
    }
    char c = *p;
    if (is_newline(c)) {
        if (tok->level > 0 || !tok->line_has_tokens) {
            p = tok_newline(tok, p);
            if (p == NULL) {
                return -1;
            }
            if (tok->level == 0) {
                tok->at_bol = 1;
                tok->cur = p;
                return tok_get(tok, t);
            }
            goto again;
        }
        const char *start = p;
        int lineno = tok->lineno, col = tok_column(tok, p);
        const char *e = (*p == '\r' && p[1] == '\n') ? p + 2 : p + 1;
        p = tok_newline(tok, p);
        if (p == NULL) {
            return -1;
        }
        tok->cur = p;
        tok->at_bol = 1;
        tok->line_has_tokens = 0;
        t->type = NEWLINE;
        t->keyword = 0;
        t->start = start;
        t->end = e;
        t->lineno = lineno;
        t->col_offset = col;
        t->end_lineno = lineno;
        t->end_col_offset = col + (int)(e - start);
        tok->last_type = NEWLINE;
        return NEWLINE;
    }
    if (c == '\\') {
        if (is_newline(p[1])) {
            int bs_line = tok->lineno, bs_col = tok_column(tok, p) + 1;
            p = tok_newline(tok, p + 1);
            if (p == NULL) {
                return -1;
            }
            if (p >= tok->end) {
                tok->err_incomplete = 1;
                return tok_error_at(tok, TOKERR_SYNTAX, bs_line, bs_col, bs_line, -1,
                                    "unexpected EOF while parsing");
            }
            goto again;
        }
        if (p + 1 >= tok->end) {
            if (tok->flags & TOKFLAG_INTERACTIVE) {
                return tok_error_at(tok, TOKERR_SYNTAX, tok->lineno, tok_column(tok, p) + 1,
                                    tok->lineno, TOK_END_ZERO,
                                    "unexpected character after line continuation "
                                    "character");
            }
            /* Source text is read as if newline-terminated: a final backslash joins with
             * nothing. */
            tok->err_incomplete = 1;
            return tok_error_at(tok, TOKERR_SYNTAX, tok->lineno, tok_column(tok, p) + 1,
                                tok->lineno, -1, "unexpected EOF while parsing");
        }
        return tok_error_at(tok, TOKERR_SYNTAX, tok->lineno, tok_column(tok, p) + 1,
                            tok->lineno, TOK_END_ZERO,
                            "unexpected character after line continuation character");
    }
    _PyFStringMode *code = NULL;
    if (tok->nfmode > 0 && tok->fmode[tok->nfmode - 1].kind == FSMODE_CODE &&
        tok->fmode[tok->nfmode - 1].level == tok->level) {
        code = &tok->fmode[tok->nfmode - 1];
    }
    if (code != NULL) {
        if (c == '}') {
            tok->level--;
            tok->nfmode--;
            return tok_simple(tok, t, RBRACE, p, p + 1);
        }
        if (c == ':') {
            code->kind = FSMODE_SPEC;
            return tok_simple(tok, t, COLON, p, p + 1);
        }
    }
    if (is_id_start((unsigned char)c)) {
        const char *start = p;
        while (1) {
            unsigned char ch = (unsigned char)*p;
            if (ch < 0x80) {
                if (!is_id_char(ch)) {
                    break;
                }
                p++;
            }
            else {
                int size;
                unsigned int cp = decode_cp(p, &size);
                if (!is_identifier_cp(cp)) {
                    if (p == start) {
                        if (cp >= 0x80 && cp < 0xA0) {
                            return tok_error(tok, p, "invalid non-printable character "
                                                     "U+%04X", cp);
                        }
                        return tok_error(tok, p, "invalid character '%.*s' (U+%04X)", size,
                                         p, cp);
                    }
                    break;
                }
                p += size;
            }
        }
        int is_f, is_raw, is_bytes;
        if ((*p == '"' || *p == '\'') && string_prefix(start, p, &is_f, &is_raw, &is_bytes)) {
            if (!is_f) {
                return tok_string(tok, t, start, p);
            }
            if (tok->nfstrings >= 149 || tok->nfmode >= _PYTOKENIZER_MAXFSTRING - 2) {
                return tok_error(tok, p, "too many nested f-strings");
            }
            tok->nfstrings++;
            _PyFStringMode *m = &tok->fmode[tok->nfmode++];
            m->kind = FSMODE_LITERAL;
            m->quote = *p;
            m->triple = p[1] == *p && p[2] == *p;
            m->raw = (char)is_raw;
            m->level = tok->level;
            m->lineno = tok->lineno;
            m->col = tok_column(tok, start);
            m->debug_start = NULL;
            return tok_simple(tok, t, FSTRING_START, start, p + (m->triple ? 3 : 1));
        }
        int type = tok_simple(tok, t, NAME, start, p);
        t->keyword = _PyToken_Keyword(start, p - start);
        return type;
    }
    if (isdec((unsigned char)c) || (c == '.' && isdec((unsigned char)p[1]))) {
        return tok_number(tok, t, p);
    }
    if (c == '"' || c == '\'') {
        return tok_string(tok, t, p, p);
    }
    int type = three_char_op(p);
    if (type >= 0) {
        return tok_simple(tok, t, type, p, p + 3);
    }
    type = two_char_op(c, p[1]);
    if (type >= 0) {
        /* "!=" is an operator even in a replacement field. */
        return tok_simple(tok, t, type, p, p + 2);
    }
    type = one_char_op(c);
    if (type < 0 && (c == '$' || c == '?' || c == '`')) {
        /* Printable ASCII that no rule accepts: the parser reports invalid syntax. */
        return tok_simple(tok, t, OP, p, p + 1);
    }
    if (type < 0) {
        int size;
        unsigned int cp = decode_cp(p, &size);
        if (cp < 0x20 || cp == 0x7F) {
            return tok_error(tok, p, "invalid non-printable character U+%04X", cp);
        }
        return tok_error(tok, p, "invalid character '%.*s' (U+%04X)", size, p, cp);
    }
    if (c == '(' || c == '[' || c == '{') {
        if (tok->level >= _PYTOKENIZER_MAXLEVEL) {
            return tok_error(tok, p, "too many nested parentheses");
        }
        tok->parenstack[tok->level] = c;
        tok->parenlineno[tok->level] = tok->lineno;
        tok->parencol[tok->level] = tok_column(tok, p);
        tok->level++;
    }
    else if (c == ')' || c == ']' || c == '}') {
        if (tok->level == 0 || (tok->nfmode > 0 && tok->level <= tok->fmode[tok->nfmode - 1].level
                                && tok->fmode[tok->nfmode - 1].kind == FSMODE_CODE)) {
            return tok_error(tok, p, "unmatched '%c'", c);
        }
        char open = tok->parenstack[tok->level - 1];
        if ((open == '(' && c != ')') || (open == '[' && c != ']') ||
            (open == '{' && c != '}')) {
            int ol = tok->parenlineno[tok->level - 1];
            if (ol != tok->lineno) {
                return tok_error(tok, p, "closing parenthesis '%c' does not match opening "
                                         "parenthesis '%c' on line %d", c, open, ol);
            }
            return tok_error(tok, p, "closing parenthesis '%c' does not match opening "
                                     "parenthesis '%c'", c, open);
        }
        tok->level--;
    }
    return tok_simple(tok, t, type, p, p + 1);
}

int
_PyTokenizer_Next(_PyTokenizer *tok, _PyToken *t)
{
    if (tok->done) {
        int type = tok->last_type == ERRORTOKEN ? ERRORTOKEN : ENDMARKER;
        t->type = type;
        t->keyword = 0;
        t->start = t->end = tok->end;
        t->lineno = t->end_lineno = tok->lineno;
        t->col_offset = t->end_col_offset = tok_column(tok, tok->end);
        return type;
    }
    int type = tok_get(tok, t);
    if (type < 0) {
        /* Out of memory while growing the line table. */
        return tok_error(tok, tok->cur, "out of memory");
    }
    if (type == ERRORTOKEN) {
        t->type = ERRORTOKEN;
        t->keyword = 0;
        t->start = t->end = tok->cur;
        t->lineno = t->end_lineno = tok->err_lineno;
        t->col_offset = t->end_col_offset = tok->err_col;
    }
    return type;
}
