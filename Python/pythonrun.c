/* Running source code (PyRun_*), the interactive loop, and printing exceptions
 * (PyErr_Print, PyErr_Display) in CPython's format.
 *
 * Tracebacks are read through the objects' Python attributes (tb_next, tb_lineno, tb_lasti,
 * tb_frame.f_code), so this file depends only on the public object protocol. */
#include "Python.h"
#include "pycore_pystate.h"
#include "pycore_pylifecycle.h"
#include "pycore_initconfig.h"
#include "pycore_sysmodule.h"
#include "pycore_parser.h"

char *(*PyOS_ReadlineFunctionPointer)(FILE *, FILE *, const char *) = NULL;
int (*PyOS_InputHook)(void) = NULL;

/* Source text registered for pseudo file names ("<string>" of -c), so tracebacks can show
 * the line as CPython 3.13 does.  Set once at start-up by Modules/main.c. */
static char *registered_source = NULL;
static char *registered_name = NULL;

void _PyRun_RegisterSource(const char *filename, const char *source)
{
    PyMem_RawFree(registered_source);
    PyMem_RawFree(registered_name);
    registered_source = _PyMem_RawStrdup(source);
    registered_name = _PyMem_RawStrdup(filename);
}

/* ---- output helpers ---- */

typedef struct {
    PyObject *file;      /* borrowed: sys.stderr */
    int error;           /* a write failed */
    const char *margin;  /* printed at the start of each line (exception groups) */
    int indent;          /* spaces before the margin */
    int at_line_start;
    int need_close;      /* a group's closing line is still owed (nested last groups share
                          * one closing line, as CPython prints them) */
} printer;

static void out_raw(printer *p, const char *s, Py_ssize_t len)
{
    if (p->error || len == 0) {
        return;
    }
    PyObject *text = PyUnicode_DecodeUTF8(s, len, "backslashreplace");
    if (text == NULL) {
        PyErr_Clear();
        p->error = 1;
        return;
    }
    if (p->file != NULL) {
        PyObject *r = PyObject_CallMethodOneArg(p->file, _Py_ID(write), text);
        if (r == NULL) {
            PyErr_Clear();
            p->error = 1;
        }
        Py_XDECREF(r);
    }
    else {
        fwrite(s, 1, (size_t)len, stderr);
    }
    Py_DECREF(text);
}

/* Write s, inserting the margin at the start of each line. */
static void out(printer *p, const char *s)
{
    while (*s) {
        if (p->at_line_start && (p->margin != NULL || p->indent > 0)) {
            char pad[64];
            int n = p->indent < 60 ? p->indent : 60;
            memset(pad, ' ', (size_t)n);
            out_raw(p, pad, n);
            if (p->margin != NULL) {
                out_raw(p, p->margin, (Py_ssize_t)strlen(p->margin));
            }
        }
        const char *nl = strchr(s, '\n');
        Py_ssize_t len = nl ? (nl - s + 1) : (Py_ssize_t)strlen(s);
        out_raw(p, s, len);
        p->at_line_start = nl != NULL;
        s += len;
    }
}

static void out_obj(printer *p, PyObject *str)
{
    Py_ssize_t size;
    const char *s = PyUnicode_AsUTF8AndSize(str, &size);
    if (s == NULL) {
        PyErr_Clear();
        PyObject *b = PyUnicode_AsEncodedString(str, "utf-8", "backslashreplace");
        if (b == NULL) {
            PyErr_Clear();
            return;
        }
        out(p, PyBytes_AS_STRING(b));
        Py_DECREF(b);
        return;
    }
    out(p, s);
}

static void outf(printer *p, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *s = PyUnicode_FromFormatV(format, va);
    va_end(va);
    if (s == NULL) {
        PyErr_Clear();
        return;
    }
    out_obj(p, s);
    Py_DECREF(s);
}

/* ---- source lines ---- */

/* Line `lineno` (1-based) of text, without its newline.  New reference, or NULL. */
static PyObject *line_of_text(const char *text, int lineno)
{
    const char *p = text;
    for (int i = 1; i < lineno; i++) {
        p = strchr(p, '\n');
        if (p == NULL) {
            return NULL;
        }
        p++;
    }
    const char *end = strchr(p, '\n');
    Py_ssize_t len = end ? end - p : (Py_ssize_t)strlen(p);
    if (len > 0 && p[len - 1] == '\r') {
        len--;
    }
    PyObject *r = PyUnicode_DecodeUTF8(p, len, "replace");
    if (r == NULL) {
        PyErr_Clear();
    }
    return r;
}

/* New reference to line `lineno` of the file (or registered source), or NULL. */
static PyObject *source_line(PyObject *filename, int lineno)
{
    if (lineno <= 0 || filename == NULL || !PyUnicode_Check(filename)) {
        return NULL;
    }
    const char *name = PyUnicode_AsUTF8(filename);
    if (name == NULL) {
        PyErr_Clear();
        return NULL;
    }
    if (registered_name != NULL && strcmp(name, registered_name) == 0) {
        return line_of_text(registered_source, lineno);
    }
    if (name[0] == '<') {
        return NULL;
    }
    PyObject *exc = PyErr_GetRaisedException();
    char *text = _Py_ReadFile(name, NULL);
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
    if (text == NULL) {
        return NULL;
    }
    PyObject *line = line_of_text(text, lineno);
    PyMem_Free(text);
    return line;
}

/* New reference to line `lineno` of a file or of registered source ("<string>" of -c,
 * "<stdin>" of the REPL), without its newline; NULL (no exception) if unavailable. */
PyObject *_PyRun_GetSourceLine(PyObject *filename, int lineno)
{
    return source_line(filename, lineno);
}

/* ---- tracebacks ---- */

static PyObject *get_attr(PyObject *o, const char *name)
{
    PyObject *v;
    if (PyObject_GetOptionalAttrString(o, name, &v) < 0) {
        PyErr_Clear();
        return NULL;
    }
    return v;
}

static int get_int_attr(PyObject *o, const char *name, int dflt)
{
    PyObject *v = get_attr(o, name);
    if (v == NULL || !PyLong_Check(v)) {
        Py_XDECREF(v);
        return dflt;
    }
    int r = PyLong_AsInt(v);
    Py_DECREF(v);
    if (r == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return dflt;
    }
    return r;
}

/* Count the characters of the UTF-8 prefix of s of `bytes` bytes. */
static Py_ssize_t utf8_chars(const char *s, Py_ssize_t bytes)
{
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < bytes && s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            n++;
        }
    }
    return n;
}

static int is_ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || (unsigned char)c >= 0x80;
}

/* Can the character end an operand (so that a following operator is binary)? */
static int ends_operand(char c)
{
    return is_ident_char(c) || c == ')' || c == ']' || c == '}' || c == '\'' || c == '"';
}

/* Precedence of the binary operator at seg[i] (0: not one); *oplen gets its length. */
static int binop_at(const char *seg, Py_ssize_t i, Py_ssize_t len, int *oplen)
{
    char c = seg[i];
    char n = i + 1 < len ? seg[i + 1] : '\0';
    char n2 = i + 2 < len ? seg[i + 2] : '\0';
    *oplen = 1;
    switch (c) {
    case '|': return n == '=' ? 0 : 1;
    case '^': return n == '=' ? 0 : 2;
    case '&': return n == '=' ? 0 : 3;
    case '<':
    case '>':
        if (n == c && n2 != '=') {
            *oplen = 2;
            return 4;
        }
        return 0;
    case '+':
    case '-': return n == '=' ? 0 : 5;
    case '*':
        if (n == '*') {
            *oplen = 2;
            return n2 == '=' ? 0 : 7;
        }
        return n == '=' ? 0 : 6;
    case '/':
        if (n == '/') {
            *oplen = 2;
            return n2 == '=' ? 0 : 6;
        }
        return n == '=' ? 0 : 6;
    case '%':
    case '@': return n == '=' ? 0 : 6;
    default: return 0;
    }
}

/* Find CPython 3.13's caret anchors in the failing expression seg[0:len]: a binary
 * operation (operator), a subscript ([...]) or a call ((...)).  Returns 1 and sets the
 * "^" range [*a0, *a1) (byte offsets in seg); *kind gets 'b', 's' or 'c'. */
static int find_anchors(const char *seg, Py_ssize_t len, Py_ssize_t *a0, Py_ssize_t *a1,
                        char *kind)
{
    int depth = 0;
    char quote = 0;
    int best_prec = 100;
    Py_ssize_t best = -1;
    int best_len = 0;
    char prev = '\0';
    Py_ssize_t last_open = -1;
    char last_open_char = 0;
    int has_top_space = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        char c = seg[i];
        if (quote) {
            if (c == '\\') {
                i++;
            }
            else if (c == quote) {
                quote = 0;
                prev = c;
            }
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            if (depth == 0) {
                last_open = i;
                last_open_char = c;
            }
            depth++;
            prev = c;
            continue;
        }
        if (c == ')' || c == ']' || c == '}') {
            depth--;
            prev = c;
            continue;
        }
        if (depth > 0) {
            continue;
        }
        if (c == ' ' || c == '\t') {
            has_top_space = 1;
            continue;
        }
        int oplen;
        int prec = ends_operand(prev) ? binop_at(seg, i, len, &oplen) : 0;
        if (prec) {
            /* Outermost operation: lowest precedence; rightmost for left-associative
             * operators, leftmost for ** (right-associative). */
            if (prec < best_prec || (prec == best_prec && prec != 7)) {
                best_prec = prec;
                best = i;
                best_len = oplen;
            }
            i += oplen - 1;
            prev = seg[i];
            continue;
        }
        prev = c;
    }
    if (best >= 0) {
        *a0 = best;
        *a1 = best + best_len;
        *kind = 'b';
        return 1;
    }
    if (len > 0 && last_open > 0 && !has_top_space &&
        ((seg[len - 1] == ']' && last_open_char == '[') ||
         (seg[len - 1] == ')' && last_open_char == '('))) {
        *a0 = last_open;
        *a1 = len;
        *kind = seg[len - 1] == ']' ? 's' : 'c';
        return 1;
    }
    return 0;
}

/* `name = f(...)` or `return f(...)` where the call is the whole value and f a plain
 * name: CPython shows no carets for these. */
static int is_simple_call_statement(const char *line, Py_ssize_t lead, Py_ssize_t scol,
                                    Py_ssize_t ecol, Py_ssize_t end, const char *seg,
                                    Py_ssize_t seglen)
{
    if (ecol != end || seglen == 0 || seg[seglen - 1] != ')') {
        return 0;
    }
    Py_ssize_t i = 0;
    while (i < seglen && (is_ident_char(seg[i]))) {
        i++;
    }
    if (i == 0 || i >= seglen || seg[i] != '(') {
        return 0;
    }
    const char *p = line + lead;
    Py_ssize_t plen = scol - lead;
    if (plen == 7 && strncmp(p, "return ", 7) == 0) {
        return 1;
    }
    Py_ssize_t j = 0;
    while (j < plen && is_ident_char(p[j])) {
        j++;
    }
    if (j == 0) {
        return 0;
    }
    while (j < plen && p[j] == ' ') {
        j++;
    }
    if (j >= plen || p[j] != '=') {
        return 0;
    }
    j++;
    while (j < plen && p[j] == ' ') {
        j++;
    }
    return j == plen;
}

/* Print "    <line>" and, when CPython 3.13 would, the caret line under the failing
 * expression ("~~^~~" anchors for binary operations, subscripts and calls). */
static void print_source_with_carets(printer *p, PyObject *line, PyObject *code, int lasti,
                                     int lineno)
{
    Py_ssize_t size;
    const char *s = PyUnicode_AsUTF8AndSize(line, &size);
    if (s == NULL) {
        PyErr_Clear();
        return;
    }
    Py_ssize_t lead = 0;
    while (lead < size && (s[lead] == ' ' || s[lead] == '\t' || s[lead] == '\f')) {
        lead++;
    }
    Py_ssize_t end = size;
    while (end > lead && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\n' ||
                          s[end - 1] == '\r')) {
        end--;
    }
    if (end <= lead) {
        return;
    }
    out(p, "    ");
    char *stripped = PyMem_Malloc((size_t)(end - lead) + 2);
    if (stripped == NULL) {
        return;
    }
    memcpy(stripped, s + lead, (size_t)(end - lead));
    stripped[end - lead] = '\n';
    stripped[end - lead + 1] = '\0';
    out(p, stripped);
    PyMem_Free(stripped);

    if (code == NULL || !PyCode_Check(code) || lasti < 0) {
        return;
    }
    int sline, scol, eline, ecol;
    if (PyCode_Addr2Location((PyCodeObject *)code, lasti, &sline, &scol, &eline, &ecol) < 0) {
        PyErr_Clear();
        return;
    }
    if (sline != lineno || eline != sline || scol < 0 || ecol < 0) {
        return;
    }
    if (scol < lead) {
        scol = (int)lead;
    }
    if (ecol > end) {
        ecol = (int)end;
    }
    if (ecol <= scol) {
        return;
    }
    const char *seg = s + scol;
    Py_ssize_t seglen = ecol - scol;
    Py_ssize_t a0 = 0, a1 = 0;
    char kind = 0;
    int anchored = find_anchors(seg, seglen, &a0, &a1, &kind);
    if (is_simple_call_statement(s, lead, scol, ecol, end, seg, seglen)) {
        return;
    }
    if (!anchored && scol <= lead && ecol >= end) {
        return;  /* the whole line and nothing to point at */
    }
    Py_ssize_t start_chars = utf8_chars(s + lead, scol - lead);
    Py_ssize_t width = utf8_chars(seg, seglen);
    Py_ssize_t total = 4 + start_chars + width;
    char *buf = PyMem_Malloc((size_t)total + 2);
    if (buf == NULL) {
        return;
    }
    memset(buf, ' ', (size_t)(4 + start_chars));
    if (anchored) {
        Py_ssize_t c0 = utf8_chars(seg, a0);
        Py_ssize_t c1 = utf8_chars(seg, a1);
        for (Py_ssize_t i = 0; i < width; i++) {
            buf[4 + start_chars + i] = (i >= c0 && i < c1) ? '^' : '~';
        }
    }
    else {
        memset(buf + 4 + start_chars, '^', (size_t)width);
    }
    buf[total] = '\n';
    buf[total + 1] = '\0';
    out(p, buf);
    PyMem_Free(buf);
}

#define TB_RECURSIVE_CUTOFF 3

static void print_tb(printer *p, PyObject *tb, long limit)
{
    /* Honour sys.tracebacklimit: print only the last `limit` entries. */
    Py_ssize_t depth = 0;
    PyObject *t = Py_NewRef(tb);
    while (t != NULL && t != Py_None) {
        depth++;
        PyObject *next = get_attr(t, "tb_next");
        Py_DECREF(t);
        t = next;
    }
    Py_XDECREF(t);
    tb = Py_NewRef(tb);
    while (depth > limit && tb != Py_None) {
        PyObject *next = get_attr(tb, "tb_next");
        Py_DECREF(tb);
        tb = next ? next : Py_NewRef(Py_None);
        depth--;
    }

    PyObject *last_file = NULL, *last_name = NULL;
    int last_line = -1;
    int repeat = 0;
    while (tb != NULL && tb != Py_None && !p->error) {
        PyObject *frame = get_attr(tb, "tb_frame");
        PyObject *code = frame ? get_attr(frame, "f_code") : NULL;
        int lineno = get_int_attr(tb, "tb_lineno", -1);
        int lasti = get_int_attr(tb, "tb_lasti", -1);
        PyObject *filename = code ? get_attr(code, "co_filename") : NULL;
        PyObject *name = code ? get_attr(code, "co_name") : NULL;
        int same = last_file != NULL && filename != NULL && name != NULL &&
                   lineno == last_line &&
                   PyObject_RichCompareBool(last_file, filename, Py_EQ) == 1 &&
                   PyObject_RichCompareBool(last_name, name, Py_EQ) == 1;
        PyErr_Clear();
        if (!same) {
            if (repeat > TB_RECURSIVE_CUTOFF) {
                int more = repeat - TB_RECURSIVE_CUTOFF;
                outf(p, "  [Previous line repeated %d more time%s]\n", more,
                     more > 1 ? "s" : "");
            }
            repeat = 0;
        }
        repeat++;
        Py_XSETREF(last_file, Py_XNewRef(filename));
        Py_XSETREF(last_name, Py_XNewRef(name));
        last_line = lineno;
        if (repeat <= TB_RECURSIVE_CUTOFF) {
            if (lineno >= 0) {
                outf(p, "  File \"%S\", line %d, in %S\n", filename ? filename : Py_None,
                     lineno, name ? name : Py_None);
            }
            else {
                outf(p, "  File \"%S\", line None, in %S\n", filename ? filename : Py_None,
                     name ? name : Py_None);
            }
            PyObject *line = source_line(filename, lineno);
            if (line != NULL) {
                print_source_with_carets(p, line, code, lasti, lineno);
                Py_DECREF(line);
            }
        }
        Py_XDECREF(filename);
        Py_XDECREF(name);
        Py_XDECREF(code);
        Py_XDECREF(frame);
        PyObject *next = get_attr(tb, "tb_next");
        Py_DECREF(tb);
        tb = next;
    }
    if (repeat > TB_RECURSIVE_CUTOFF) {
        int more = repeat - TB_RECURSIVE_CUTOFF;
        outf(p, "  [Previous line repeated %d more time%s]\n", more, more > 1 ? "s" : "");
    }
    Py_XDECREF(tb);
    Py_XDECREF(last_file);
    Py_XDECREF(last_name);
}

/* "module.Qualname" (module omitted for builtins and __main__).  New reference. */
static PyObject *exception_type_name(PyObject *type)
{
    PyObject *qualname = get_attr(type, "__qualname__");
    if (qualname == NULL || !PyUnicode_Check(qualname)) {
        Py_XDECREF(qualname);
        return PyUnicode_FromString(((PyTypeObject *)type)->tp_name);
    }
    PyObject *module = get_attr(type, "__module__");
    if (module == NULL || !PyUnicode_Check(module) ||
        PyUnicode_CompareWithASCIIString(module, "builtins") == 0 ||
        PyUnicode_CompareWithASCIIString(module, "__main__") == 0) {
        Py_XDECREF(module);
        return qualname;
    }
    PyObject *r = PyUnicode_FromFormat("%U.%U", module, qualname);
    Py_DECREF(module);
    Py_DECREF(qualname);
    return r;
}

static void print_syntax_error_location(printer *p, PyObject *value)
{
    PyObject *filename = get_attr(value, "filename");
    int lineno = get_int_attr(value, "lineno", -1);
    PyObject *text = get_attr(value, "text");
    int offset = get_int_attr(value, "offset", -1);
    int end_offset = get_int_attr(value, "end_offset", -1);
    int end_lineno = get_int_attr(value, "end_lineno", lineno);
    if (filename != NULL && filename != Py_None) {
        outf(p, "  File \"%S\", line %d\n", filename, lineno);
    }
    else if (lineno >= 0) {
        outf(p, "  File \"<string>\", line %d\n", lineno);
    }
    if (text != NULL && PyUnicode_Check(text)) {
        /* Strip leading whitespace, keep columns relative to the stripped text. */
        Py_ssize_t len = PyUnicode_GET_LENGTH(text);
        Py_ssize_t lead = 0;
        while (lead < len) {
            Py_UCS4 ch = PyUnicode_READ_CHAR(text, lead);
            if (ch != ' ' && ch != '\t' && ch != '\f') {
                break;
            }
            lead++;
        }
        Py_ssize_t end = len;
        while (end > lead) {
            Py_UCS4 ch = PyUnicode_READ_CHAR(text, end - 1);
            if (ch != '\n' && ch != '\r' && ch != ' ' && ch != '\t') {
                break;
            }
            end--;
        }
        PyObject *stripped = PyUnicode_Substring(text, lead, end);
        if (stripped != NULL) {
            outf(p, "    %U\n", stripped);
            Py_DECREF(stripped);
            if (offset >= 1) {
                Py_ssize_t col = offset - 1 - lead;
                Py_ssize_t stripped_len = end - lead;
                if (col < 0) {
                    col = 0;
                }
                if (col > stripped_len) {
                    col = stripped_len;
                }
                Py_ssize_t width = 1;
                if (end_offset > offset && end_lineno == lineno) {
                    width = end_offset - offset;
                }
                else if (end_lineno > lineno && end_offset > 0) {
                    width = stripped_len - col;
                }
                if (col + width > stripped_len + 1) {
                    width = stripped_len + 1 - col;
                }
                if (width < 1) {
                    width = 1;
                }
                char *buf = PyMem_Malloc((size_t)(4 + col + width + 2));
                if (buf != NULL) {
                    memset(buf, ' ', (size_t)(4 + col));
                    memset(buf + 4 + col, '^', (size_t)width);
                    buf[4 + col + width] = '\n';
                    buf[4 + col + width + 1] = '\0';
                    out(p, buf);
                    PyMem_Free(buf);
                }
            }
        }
        else {
            PyErr_Clear();
        }
    }
    Py_XDECREF(filename);
    Py_XDECREF(text);
}

/* ---- "Did you mean" suggestions (CPython 3.13's traceback display) ---- */

#define SUGGEST_MAX_CANDIDATES 750
#define SUGGEST_MAX_STRING 40
#define SUGGEST_MOVE_COST 2
#define SUGGEST_CASE_COST 1

static int substitution_cost(Py_UCS4 a, Py_UCS4 b)
{
    if (a == b) {
        return 0;
    }
    if (Py_UNICODE_TOLOWER(a) == Py_UNICODE_TOLOWER(b)) {
        return SUGGEST_CASE_COST;
    }
    return SUGGEST_MOVE_COST;
}

/* Weighted Levenshtein distance of a and b, or max_cost + 1 when it exceeds max_cost. */
static Py_ssize_t levenshtein(PyObject *a_obj, PyObject *b_obj, Py_ssize_t max_cost)
{
    Py_ssize_t alen = PyUnicode_GET_LENGTH(a_obj), blen = PyUnicode_GET_LENGTH(b_obj);
    Py_ssize_t astart = 0, bstart = 0;
    if (PyUnicode_Compare(a_obj, b_obj) == 0) {
        return 0;
    }
    /* Trim the common prefix and suffix. */
    while (astart < alen && bstart < blen &&
           PyUnicode_READ_CHAR(a_obj, astart) == PyUnicode_READ_CHAR(b_obj, bstart)) {
        astart++;
        bstart++;
    }
    while (alen > astart && blen > bstart &&
           PyUnicode_READ_CHAR(a_obj, alen - 1) == PyUnicode_READ_CHAR(b_obj, blen - 1)) {
        alen--;
        blen--;
    }
    Py_ssize_t na = alen - astart, nb = blen - bstart;
    if (na == 0 || nb == 0) {
        return SUGGEST_MOVE_COST * (na + nb);
    }
    if (na > SUGGEST_MAX_STRING || nb > SUGGEST_MAX_STRING) {
        return max_cost + 1;
    }
    PyObject *a = a_obj, *b = b_obj;
    if (nb < na) {
        PyObject *t = a;
        a = b;
        b = t;
        Py_ssize_t tn = na;
        na = nb;
        nb = tn;
        Py_ssize_t ts = astart;
        astart = bstart;
        bstart = ts;
    }
    if ((nb - na) * SUGGEST_MOVE_COST > max_cost) {
        return max_cost + 1;
    }
    Py_ssize_t row[SUGGEST_MAX_STRING];
    for (Py_ssize_t i = 0; i < na; i++) {
        row[i] = (i + 1) * SUGGEST_MOVE_COST;
    }
    Py_ssize_t result = 0;
    for (Py_ssize_t bi = 0; bi < nb; bi++) {
        Py_UCS4 bchar = PyUnicode_READ_CHAR(b, bstart + bi);
        Py_ssize_t distance = result = bi * SUGGEST_MOVE_COST;
        Py_ssize_t minimum = PY_SSIZE_T_MAX;
        for (Py_ssize_t i = 0; i < na; i++) {
            Py_ssize_t substitute = distance +
                                    substitution_cost(bchar, PyUnicode_READ_CHAR(a, astart + i));
            distance = row[i];
            Py_ssize_t insert_delete = (result < distance ? result : distance) +
                                       SUGGEST_MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            row[i] = result;
            if (result < minimum) {
                minimum = result;
            }
        }
        if (minimum > max_cost) {
            return max_cost + 1;
        }
    }
    return result;
}

/* The closest candidate (a list of str) to name, or NULL.  New reference. */
static PyObject *closest_name(PyObject *name, PyObject *candidates)
{
    Py_ssize_t n = PyList_GET_SIZE(candidates);
    if (n > SUGGEST_MAX_CANDIDATES) {
        return NULL;
    }
    PyObject *best = NULL;
    Py_ssize_t best_distance = PY_SSIZE_T_MAX;
    Py_ssize_t name_len = PyUnicode_GET_LENGTH(name);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(candidates, i);
        if (!PyUnicode_Check(item) || PyUnicode_Compare(item, name) == 0) {
            continue;
        }
        Py_ssize_t max_distance = (name_len + PyUnicode_GET_LENGTH(item) + 3) *
                                  SUGGEST_MOVE_COST / 6;
        if (best_distance - 1 < max_distance) {
            max_distance = best_distance - 1;
        }
        Py_ssize_t d = levenshtein(name, item, max_distance);
        if (d > max_distance) {
            continue;
        }
        if (best == NULL || d < best_distance) {
            best = item;
            best_distance = d;
        }
    }
    return Py_XNewRef(best);
}

/* The candidate (a list of str) closest to name by CPython's suggestion rule, or NULL
 * without an exception when none is close enough: for "Did you mean" outside tracebacks
 * (unexpected keyword arguments, Python/getargs.c).  New reference. */
PyObject *_Py_CalculateSuggestions(PyObject *candidates, PyObject *name)
{
    if (!PyList_Check(candidates) || !PyUnicode_Check(name)) {
        return NULL;
    }
    return closest_name(name, candidates);
}

/* Sorted list of the str items of an iterable (dir() result, mapping keys).  New ref. */
static PyObject *str_names(PyObject *iterable, int hide_underscored)
{
    PyObject *list = PyList_New(0);
    PyObject *it = list ? PyObject_GetIter(iterable) : NULL;
    if (it == NULL) {
        Py_XDECREF(list);
        return NULL;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        if (PyUnicode_Check(item) &&
            !(hide_underscored && PyUnicode_GET_LENGTH(item) > 0 &&
              PyUnicode_READ_CHAR(item, 0) == '_')) {
            if (PyList_Append(list, item) < 0) {
                Py_DECREF(item);
                break;
            }
        }
        Py_DECREF(item);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

static PyObject *last_frame(PyObject *exc)
{
    PyObject *tb = PyException_GetTraceback(exc);
    if (tb == NULL || tb == Py_None) {
        Py_XDECREF(tb);
        return NULL;
    }
    for (;;) {
        PyObject *next = get_attr(tb, "tb_next");
        if (next == NULL || next == Py_None) {
            Py_XDECREF(next);
            break;
        }
        Py_SETREF(tb, next);
    }
    PyObject *frame = get_attr(tb, "tb_frame");
    Py_DECREF(tb);
    return frame;
}

/* The " Did you mean ..." / "Did you forget to import" text for NameError,
 * AttributeError and ImportError(name_from), or NULL.  New reference.  Never raises. */
static PyObject *compute_suggestion_text(PyObject *exc)
{
    PyObject *saved = PyErr_GetRaisedException();
    PyObject *result = NULL, *wrong = NULL, *candidates = NULL, *suggestion = NULL;
    int is_name = PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_NameError);
    int is_attr = PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_AttributeError);
    int is_import = PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_ImportError);
    if (!is_name && !is_attr && !is_import) {
        goto done;
    }
    wrong = get_attr(exc, is_import ? "name_from" : "name");
    if (wrong == NULL || !PyUnicode_Check(wrong)) {
        goto done;
    }
    int hide = PyUnicode_GET_LENGTH(wrong) == 0 || PyUnicode_READ_CHAR(wrong, 0) != '_';
    if (is_attr) {
        PyObject *obj = get_attr(exc, "obj");
        if (obj == NULL) {
            goto done;
        }
        if (hide) {
            PyObject *frame = last_frame(exc);
            PyObject *locals = frame ? get_attr(frame, "f_locals") : NULL;
            if (locals != NULL) {
                PyObject *self = PyMapping_Check(locals)
                                     ? PyObject_GetItem(locals, _Py_ID(self)) : NULL;
                PyErr_Clear();
                if (self == obj) {
                    hide = 0;
                }
                Py_XDECREF(self);
            }
            Py_XDECREF(locals);
            Py_XDECREF(frame);
        }
        PyObject *d = PyObject_Dir(obj);
        Py_DECREF(obj);
        if (d == NULL) {
            goto done;
        }
        candidates = str_names(d, hide);
        Py_DECREF(d);
    }
    else if (is_import) {
        PyObject *modname = get_attr(exc, "name");
        PyObject *mod = modname && PyUnicode_Check(modname) ? PyImport_GetModule(modname)
                                                            : NULL;
        Py_XDECREF(modname);
        if (mod == NULL) {
            goto done;
        }
        PyObject *d = PyObject_Dir(mod);
        Py_DECREF(mod);
        if (d == NULL) {
            goto done;
        }
        candidates = str_names(d, hide);
        Py_DECREF(d);
    }
    else {
        PyObject *frame = last_frame(exc);
        if (frame == NULL) {
            goto done;
        }
        PyObject *locals = get_attr(frame, "f_locals");
        PyObject *globals = get_attr(frame, "f_globals");
        PyObject *builtins = get_attr(frame, "f_builtins");
        Py_DECREF(frame);
        candidates = PyList_New(0);
        PyObject *maps[3] = {locals, globals, builtins};
        for (int i = 0; i < 3 && candidates != NULL; i++) {
            if (maps[i] == NULL) {
                continue;
            }
            PyObject *keys = PyMapping_Keys(maps[i]);
            PyObject *names = keys ? str_names(keys, 0) : NULL;
            Py_XDECREF(keys);
            if (names == NULL) {
                PyErr_Clear();
                continue;
            }
            Py_ssize_t end = PyList_GET_SIZE(candidates);
            if (PyList_SetSlice(candidates, end, end, names) < 0) {
                PyErr_Clear();
            }
            Py_DECREF(names);
        }
        /* In a method whose instance has the attribute: "self.name". */
        if (locals != NULL && PyMapping_Check(locals)) {
            PyObject *self = PyObject_GetItem(locals, _Py_ID(self));
            PyErr_Clear();
            if (self != NULL) {
                int has = PyObject_HasAttrWithError(self, wrong);
                PyErr_Clear();
                if (has == 1) {
                    result = PyUnicode_FromFormat(". Did you mean: 'self.%U'?", wrong);
                }
                Py_DECREF(self);
            }
        }
        Py_XDECREF(locals);
        Py_XDECREF(globals);
        Py_XDECREF(builtins);
        if (result != NULL) {
            goto done;
        }
    }
    if (candidates == NULL) {
        goto done;
    }
    suggestion = closest_name(wrong, candidates);
    if (suggestion != NULL) {
        result = PyUnicode_FromFormat(". Did you mean: '%U'?", suggestion);
    }
    if (is_name) {
        PyObject *stdlib;
        if (_PySys_GetOptionalAttr(_Py_ID(stdlib_module_names), &stdlib) < 0) {
            PyErr_Clear();
        }
        if (stdlib != NULL && PyAnySet_Check(stdlib)) {
            if (PySet_Contains(stdlib, wrong) == 1) {
                PyObject *extra = suggestion != NULL
                    ? PyUnicode_FromFormat(" Or did you forget to import '%U'?", wrong)
                    : PyUnicode_FromFormat(". Did you forget to import '%U'?", wrong);
                if (extra != NULL) {
                    if (result == NULL) {
                        result = extra;
                    }
                    else {
                        PyObject *joined = PyUnicode_Concat(result, extra);
                        Py_DECREF(extra);
                        Py_SETREF(result, joined);
                    }
                }
            }
        }
        Py_XDECREF(stdlib);
    }
done:
    Py_XDECREF(suggestion);
    Py_XDECREF(candidates);
    Py_XDECREF(wrong);
    PyErr_Clear();
    PyErr_SetRaisedException(saved);
    return result;
}

/* "Type: message" and the notes. */
static void print_exception_message(printer *p, PyObject *value)
{
    PyObject *type = (PyObject *)Py_TYPE(value);
    PyObject *tname = exception_type_name(type);
    if (tname == NULL) {
        PyErr_Clear();
        out(p, "<unknown>");
    }
    else {
        out_obj(p, tname);
        Py_DECREF(tname);
    }
    PyObject *msg;
    int is_syntax = PyObject_TypeCheck(value, (PyTypeObject *)PyExc_SyntaxError);
    if (is_syntax) {
        msg = get_attr(value, "msg");
        if (msg == NULL || msg == Py_None) {
            Py_XDECREF(msg);
            msg = PyObject_Str(value);
        }
        else if (!PyUnicode_Check(msg)) {
            Py_SETREF(msg, PyObject_Str(msg));
        }
    }
    else {
        msg = PyObject_Str(value);
    }
    if (msg == NULL) {
        PyErr_Clear();
        out(p, ": <exception str() failed>");
    }
    else if (PyUnicode_GET_LENGTH(msg) > 0) {
        out(p, ": ");
        out_obj(p, msg);
    }
    Py_XDECREF(msg);
    PyObject *suggestion = is_syntax ? NULL : compute_suggestion_text(value);
    if (suggestion != NULL) {
        out_obj(p, suggestion);
        Py_DECREF(suggestion);
    }
    out(p, "\n");

    PyObject *notes = get_attr(value, "__notes__");
    if (notes != NULL && notes != Py_None) {
        if (PySequence_Check(notes) && !PyUnicode_Check(notes) && !PyBytes_Check(notes)) {
            Py_ssize_t n = PySequence_Size(notes);
            for (Py_ssize_t i = 0; i < n; i++) {
                PyObject *note = PySequence_GetItem(notes, i);
                if (note == NULL) {
                    PyErr_Clear();
                    break;
                }
                PyObject *s = PyUnicode_Check(note) ? Py_NewRef(note) : PyObject_Str(note);
                if (s == NULL) {
                    PyErr_Clear();
                    out(p, "<note str() failed>\n");
                }
                else {
                    out_obj(p, s);
                    out(p, "\n");
                    Py_DECREF(s);
                }
                Py_DECREF(note);
            }
            PyErr_Clear();
        }
        else {
            PyObject *r = PyObject_Repr(notes);
            if (r == NULL) {
                PyErr_Clear();
                out(p, "<__notes__ repr() failed>\n");
            }
            else {
                out_obj(p, r);
                out(p, "\n");
                Py_DECREF(r);
            }
        }
    }
    Py_XDECREF(notes);
}

static void print_exception_recursive(printer *p, PyObject *value, PyObject *seen, int depth);

static long traceback_limit(void)
{
    PyObject *limit;
    if (_PySys_GetOptionalAttr(_Py_ID(tracebacklimit), &limit) < 0) {
        PyErr_Clear();
    }
    if (limit == NULL || !PyLong_Check(limit)) {
        Py_XDECREF(limit);
        return 1000000;
    }
    long v = PyLong_AsLong(limit);
    Py_DECREF(limit);
    if (v == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return 1000000;
    }
    return v < 0 ? 0 : v;
}

#define EG_MAX_WIDTH 15
#define EG_MAX_DEPTH 10

/* One exception: traceback, location (SyntaxError), message, notes; groups recurse. */
static void print_exception(printer *p, PyObject *value, PyObject *seen, int depth)
{
    int is_group = PyObject_TypeCheck(value, (PyTypeObject *)PyExc_BaseExceptionGroup);
    PyObject *tb = PyException_GetTraceback(value);
    if (tb != NULL && tb != Py_None) {
        long limit = traceback_limit();
        if (limit > 0) {
            out(p, is_group ? "Exception Group Traceback (most recent call last):\n"
                            : "Traceback (most recent call last):\n");
            print_tb(p, tb, limit);
        }
    }
    Py_XDECREF(tb);
    if (PyObject_TypeCheck(value, (PyTypeObject *)PyExc_SyntaxError)) {
        print_syntax_error_location(p, value);
    }
    print_exception_message(p, value);
    if (!is_group) {
        return;
    }
    PyObject *excs = get_attr(value, "exceptions");
    if (excs == NULL || !PyTuple_Check(excs)) {
        Py_XDECREF(excs);
        return;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(excs);
    const char *saved_margin = p->margin;
    int saved_indent = p->indent;
    if (depth >= EG_MAX_DEPTH) {
        out(p, "+---------------- ... ----------------\n");
        Py_DECREF(excs);
        return;
    }
    for (Py_ssize_t i = 0; i < n && i <= EG_MAX_WIDTH; i++) {
        /* The separator line belongs to the group's box. */
        p->margin = NULL;
        p->indent = saved_indent;
        if (i == 0) {
            out(p, depth == 0 ? "+-+" : "+-+");
        }
        else {
            out(p, "  +");
        }
        if (i == EG_MAX_WIDTH) {
            outf(p, "---------------- ... ----------------\n");
            p->indent = saved_indent + 2;
            p->margin = "| ";
            outf(p, "and %zd more exception%s\n", n - EG_MAX_WIDTH,
                 n - EG_MAX_WIDTH > 1 ? "s" : "");
            break;
        }
        outf(p, "---------------- %zd ----------------\n", i + 1);
        p->indent = saved_indent + 2;
        p->margin = "| ";
        int last = i == n - 1;
        if (last) {
            p->need_close = 1;
        }
        print_exception_recursive(p, PyTuple_GET_ITEM(excs, i), seen, depth + 1);
        if (last && p->need_close) {
            p->margin = NULL;
            p->indent = saved_indent + 2;
            out(p, "+------------------------------------\n");
            p->need_close = 0;
        }
    }
    if (n > EG_MAX_WIDTH) {
        p->margin = NULL;
        p->indent = saved_indent + 2;
        out(p, "+------------------------------------\n");
    }
    p->margin = saved_margin;
    p->indent = saved_indent;
    Py_DECREF(excs);
}

static void print_exception_recursive(printer *p, PyObject *value, PyObject *seen, int depth)
{
    if (!PyExceptionInstance_Check(value)) {
        out(p, "TypeError: print_exception(): Exception expected for value, ");
        out(p, Py_TYPE(value)->tp_name);
        out(p, " found\n");
        return;
    }
    if (seen != NULL) {
        PyObject *key = PyLong_FromVoidPtr(value);
        if (key == NULL || PySet_Add(seen, key) < 0) {
            PyErr_Clear();
        }
        Py_XDECREF(key);
        PyObject *cause = PyException_GetCause(value);
        PyObject *context = PyException_GetContext(value);
        const char *msg = NULL;
        PyObject *chained = NULL;
        if (cause != NULL && cause != Py_None) {
            chained = cause;
            msg = "\nThe above exception was the direct cause of the following exception:\n\n";
        }
        else if (context != NULL && context != Py_None &&
                 !((PyBaseExceptionObject *)value)->suppress_context) {
            chained = context;
            msg = "\nDuring handling of the above exception, another exception occurred:\n\n";
        }
        if (chained != NULL && PyExceptionInstance_Check(chained)) {
            PyObject *ckey = PyLong_FromVoidPtr(chained);
            int already = ckey ? PySet_Contains(seen, ckey) : 1;
            Py_XDECREF(ckey);
            PyErr_Clear();
            if (already == 0) {
                print_exception_recursive(p, chained, seen, depth);
                out(p, msg);
            }
        }
        Py_XDECREF(cause);
        Py_XDECREF(context);
    }
    if (depth > 0 && PyObject_TypeCheck(value, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
        /* Nested group: its own header line inside the parent's box. */
    }
    if (depth == 0 && PyObject_TypeCheck(value, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
        const char *saved = p->margin;
        int saved_indent = p->indent;
        /* Top-level group: "  + Exception Group Traceback" with a "  | " margin. */
        p->indent = saved_indent + 2;
        out(p, "+ ");
        p->margin = "| ";
        p->at_line_start = 0;
        print_exception(p, value, seen, depth);
        p->margin = saved;
        p->indent = saved_indent;
        return;
    }
    if (depth > 0 && PyObject_TypeCheck(value, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
        print_exception(p, value, seen, depth);
        return;
    }
    print_exception(p, value, seen, depth);
}

static void display_exception(PyObject *file, PyObject *value)
{
    printer p = {file, 0, NULL, 0, 1, 0};
    PyObject *seen = PySet_New(NULL);
    if (seen == NULL) {
        PyErr_Clear();
    }
    print_exception_recursive(&p, value, seen, 0);
    Py_XDECREF(seen);
    if (file != NULL) {
        PyObject *r = PyObject_CallMethod(file, "flush", NULL);
        if (r == NULL) {
            PyErr_Clear();
        }
        Py_XDECREF(r);
    }
}

void PyErr_DisplayException(PyObject *exc)
{
    PyObject *saved = PyErr_GetRaisedException();
    PyObject *file;
    if (_PySys_GetOptionalAttr(_Py_ID(stderr), &file) < 0) {
        PyErr_Clear();
    }
    if (file == Py_None) {
        Py_DECREF(file);
        PyErr_SetRaisedException(saved);
        return;
    }
    display_exception(file, exc);
    Py_XDECREF(file);
    PyErr_Clear();
    PyErr_SetRaisedException(saved);
}

void PyErr_Display(PyObject *exc_type, PyObject *value, PyObject *tb)
{
    if (value == NULL || value == Py_None) {
        return;
    }
    if (PyExceptionInstance_Check(value) && tb != NULL && tb != Py_None) {
        PyObject *cur = PyException_GetTraceback(value);
        if (cur == NULL || cur == Py_None) {
            (void)PyException_SetTraceback(value, tb);
            PyErr_Clear();
        }
        Py_XDECREF(cur);
    }
    PyErr_DisplayException(value);
}

/* ---- SystemExit ---- */

/* If the current exception is SystemExit, compute the exit status (printing a non-int
 * code), clear it and return 1; else return 0. */
int _Py_HandleSystemExit(int *exitcode)
{
    if (!PyErr_ExceptionMatches(PyExc_SystemExit)) {
        return 0;
    }
    PyObject *exc = PyErr_GetRaisedException();
    int status = 0;
    PyObject *code = get_attr(exc, "code");
    if (code == NULL || code == Py_None) {
        status = 0;
    }
    else if (PyLong_Check(code)) {
        long v = PyLong_AsLong(code);
        if (v == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            v = -1;
        }
        status = (int)v;
    }
    else {
        /* Our own reference: str(code) and the write may rebind sys.stderr. */
        PyObject *file;
        if (_PySys_GetOptionalAttr(_Py_ID(stderr), &file) < 0) {
            PyErr_Clear();
        }
        PyObject *text = PyObject_Str(code);
        if (text != NULL) {
            if (file != NULL && file != Py_None) {
                if (PyFile_WriteObject(text, file, Py_PRINT_RAW) < 0 ||
                    PyFile_WriteString("\n", file) < 0) {
                    PyErr_Clear();
                }
            }
            else {
                const char *s = PyUnicode_AsUTF8(text);
                if (s != NULL) {
                    fprintf(stderr, "%s\n", s);
                }
                PyErr_Clear();
            }
            Py_DECREF(text);
        }
        else {
            PyErr_Clear();
        }
        Py_XDECREF(file);
        status = 1;
    }
    Py_XDECREF(code);
    Py_DECREF(exc);
    *exitcode = status;
    return 1;
}

static void handle_system_exit(void)
{
    int exitcode;
    if (_Py_HandleSystemExit(&exitcode)) {
        Py_Exit(exitcode);
    }
}

static void set_sys_last(PyObject *exc)
{
    PyObject *tb = PyException_GetTraceback(exc);
    if (PySys_SetObject("last_exc", exc) < 0 ||
        PySys_SetObject("last_type", (PyObject *)Py_TYPE(exc)) < 0 ||
        PySys_SetObject("last_value", exc) < 0 ||
        PySys_SetObject("last_traceback", tb ? tb : Py_None) < 0) {
        PyErr_Clear();
    }
    Py_XDECREF(tb);
}

void PyErr_PrintEx(int set_sys_last_vars)
{
    handle_system_exit();
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        return;
    }
    if (set_sys_last_vars) {
        set_sys_last(exc);
    }
    PyObject *hook;
    if (_PySys_GetOptionalAttr(_Py_ID(excepthook), &hook) < 0) {
        PyErr_Clear();
    }
    if (hook != NULL && hook != Py_None) {
        PyObject *tb = PyException_GetTraceback(exc);
        PyObject *r = PyObject_CallFunctionObjArgs(hook, (PyObject *)Py_TYPE(exc), exc,
                                                   tb ? tb : Py_None, NULL);
        Py_XDECREF(tb);
        if (r == NULL) {
            handle_system_exit();
            PyObject *exc2 = PyErr_GetRaisedException();
            PyObject *file;
            if (_PySys_GetOptionalAttr(_Py_ID(stderr), &file) < 0) {
                PyErr_Clear();
            }
            if (file != NULL && file != Py_None) {
                if (PyFile_WriteString("Error in sys.excepthook:\n", file) < 0) {
                    PyErr_Clear();
                }
                if (exc2 != NULL) {
                    display_exception(file, exc2);
                }
                if (PyFile_WriteString("\nOriginal exception was:\n", file) < 0) {
                    PyErr_Clear();
                }
                display_exception(file, exc);
            }
            Py_XDECREF(file);
            Py_XDECREF(exc2);
        }
        Py_XDECREF(r);
        Py_DECREF(hook);
    }
    else {
        Py_XDECREF(hook);
        PySys_WriteStderr("sys.excepthook is missing\n");
        PyErr_DisplayException(exc);
    }
    Py_DECREF(exc);
    PyErr_Clear();
}

void PyErr_Print(void)
{
    PyErr_PrintEx(1);
}

/* ---- running code ---- */

static PyObject *run_code(PyObject *code, PyObject *globals, PyObject *locals)
{
    if (globals != NULL && PyDict_Check(globals)) {
        int has = PyDict_Contains(globals, _Py_ID(__builtins__));
        if (has < 0) {
            return NULL;
        }
        if (!has && PyDict_SetItem(globals, _Py_ID(__builtins__),
                                   _PyInterpreterState_GET()->builtins_module) < 0) {
            return NULL;
        }
    }
    return PyEval_EvalCode(code, globals, locals);
}

static PyObject *run_string_named(const char *str, PyObject *filename, int start,
                                  PyObject *globals, PyObject *locals,
                                  PyCompilerFlags *flags)
{
    PyObject *code = Py_CompileStringObject(str, filename, start, flags, -1);
    if (code == NULL) {
        return NULL;
    }
    PyObject *r = run_code(code, globals, locals);
    Py_DECREF(code);
    return r;
}

PyObject *PyRun_StringFlags(const char *str, int start, PyObject *globals, PyObject *locals,
                            PyCompilerFlags *flags)
{
    PyObject *filename = PyUnicode_FromString("<string>");
    if (filename == NULL) {
        return NULL;
    }
    PyObject *r = run_string_named(str, filename, start, globals, locals, flags);
    Py_DECREF(filename);
    return r;
}

static PyObject *main_dict(void)
{
    PyObject *m = PyImport_AddModule("__main__");
    if (m == NULL) {
        return NULL;
    }
    return PyModule_GetDict(m);
}

int PyRun_SimpleStringFlags(const char *command, PyCompilerFlags *flags)
{
    PyObject *d = main_dict();
    if (d == NULL) {
        PyErr_Print();
        return -1;
    }
    PyObject *r = PyRun_StringFlags(command, Py_file_input, d, d, flags);
    if (r == NULL) {
        PyErr_Print();
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

/* Read all of fp into a PyMem_Malloc'd NUL-terminated buffer.  NULL with an exception. */
static char *read_all(FILE *fp, Py_ssize_t *psize)
{
    size_t cap = 8192, len = 0;
    char *buf = PyMem_Malloc(cap);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (;;) {
        if (len + 1 >= cap) {
            cap *= 2;
            char *nbuf = PyMem_Realloc(buf, cap);
            if (nbuf == NULL) {
                PyMem_Free(buf);
                PyErr_NoMemory();
                return NULL;
            }
            buf = nbuf;
        }
        size_t n = fread(buf + len, 1, cap - len - 1, fp);
        len += n;
        if (n == 0) {
            if (ferror(fp)) {
                PyMem_Free(buf);
                PyErr_SetFromErrno(PyExc_OSError);
                return NULL;
            }
            break;
        }
    }
    buf[len] = '\0';
    if (psize != NULL) {
        *psize = (Py_ssize_t)len;
    }
    return buf;
}

PyObject *PyRun_FileExFlags(FILE *fp, const char *filename, int start, PyObject *globals,
                            PyObject *locals, int closeit, PyCompilerFlags *flags)
{
    Py_ssize_t size;
    char *source = read_all(fp, &size);
    if (closeit) {
        fclose(fp);
    }
    if (source == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    PyObject *fname = PyUnicode_DecodeFSDefault(filename);
    if (fname != NULL) {
        if ((Py_ssize_t)strlen(source) != size) {
            PyErr_SetString(PyExc_SyntaxError, "source code cannot contain null bytes");
        }
        else {
            const char *text = source;
            if (_Py_CoreConfig.skip_source_first_line && start == Py_file_input) {
                /* -x: skip the first line but keep line numbers (keep its newline). */
                const char *nl = strchr(text, '\n');
                text = nl ? nl : text + strlen(text);
            }
            result = run_string_named(text, fname, start, globals, locals, flags);
        }
        Py_DECREF(fname);
    }
    PyMem_Free(source);
    return result;
}

int PyRun_SimpleFileExFlags(FILE *fp, const char *filename, int closeit,
                            PyCompilerFlags *flags)
{
    PyObject *d = main_dict();
    if (d == NULL) {
        if (closeit) {
            fclose(fp);
        }
        PyErr_Print();
        return -1;
    }
    int has_file = PyDict_Contains(d, _Py_ID(__file__));
    if (has_file == 0) {
        PyObject *f = PyUnicode_DecodeFSDefault(filename);
        if (f == NULL || PyDict_SetItem(d, _Py_ID(__file__), f) < 0 ||
            PyDict_SetItemString(d, "__cached__", Py_None) < 0) {
            Py_XDECREF(f);
            if (closeit) {
                fclose(fp);
            }
            PyErr_Print();
            return -1;
        }
        Py_DECREF(f);
    }
    PyObject *r = PyRun_FileExFlags(fp, filename, Py_file_input, d, d, closeit, flags);
    int rc = 0;
    if (r == NULL) {
        PyErr_Print();
        rc = -1;
    }
    Py_XDECREF(r);
    if (has_file == 0) {
        /* As CPython: the names set for the run are removed afterwards. */
        if (PyDict_DelItem(d, _Py_ID(__file__)) < 0 ||
            PyDict_DelItemString(d, "__cached__") < 0) {
            PyErr_Clear();
        }
    }
    return rc;
}

int PyRun_AnyFileExFlags(FILE *fp, const char *filename, int closeit,
                         PyCompilerFlags *flags)
{
    if (filename == NULL) {
        filename = "???";
    }
    if (Py_FdIsInteractive(fp, filename)) {
        int err = PyRun_InteractiveLoopFlags(fp, filename, flags);
        if (closeit) {
            fclose(fp);
        }
        return err;
    }
    return PyRun_SimpleFileExFlags(fp, filename, closeit, flags);
}

/* ---- the interactive loop ---- */

#define E_EOF 11

/* Read one line with a prompt (sys.ps1/ps2 value); new reference to the line including
 * its newline, "" at EOF, NULL with an exception (KeyboardInterrupt). */
static PyObject *read_interactive_line(PyObject *prompt_obj)
{
    PyObject *err;
    if (_PySys_GetOptionalAttr(_Py_ID(stderr), &err) < 0) {
        return NULL;
    }
    if (prompt_obj != NULL && err != NULL && err != Py_None) {
        PyObject *s = PyObject_Str(prompt_obj);
        if (s == NULL) {
            Py_DECREF(err);
            return NULL;
        }
        int rc = PyFile_WriteObject(s, err, Py_PRINT_RAW);
        Py_DECREF(s);
        if (rc == 0) {
            PyObject *r = PyObject_CallMethod(err, "flush", NULL);
            Py_XDECREF(r);
        }
        PyErr_Clear();
    }
    Py_XDECREF(err);
    PyObject *in;
    if (_PySys_GetOptionalAttr(_Py_ID(stdin), &in) < 0) {
        return NULL;
    }
    if (in == NULL || in == Py_None) {
        Py_XDECREF(in);
        return PyUnicode_FromString("");
    }
    PyObject *line = PyObject_CallMethod(in, "readline", NULL);
    Py_DECREF(in);
    return line;
}

/* Does the buffer need more lines?  A compound statement's block ends at an empty line;
 * open brackets, strings and backslash continuations need more. */
static int needs_more_input(const char *buf)
{
    int depth = 0;
    char quote = 0;
    int triple = 0;
    const char *p = buf;
    const char *last_line = buf;
    int first_line_colon = 0;
    int in_first_line = 1;
    char last_sig = 0;
    for (; *p; p++) {
        char c = *p;
        if (quote) {
            if (c == '\\' && p[1]) {
                p++;
                continue;
            }
            if (triple) {
                if (c == quote && p[1] == quote && p[2] == quote) {
                    quote = 0;
                    triple = 0;
                    p += 2;
                }
            }
            else if (c == quote || c == '\n') {
                quote = 0;
            }
            continue;
        }
        if (c == '#') {
            while (p[1] && p[1] != '\n') {
                p++;
            }
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            if (p[1] == c && p[2] == c) {
                triple = 1;
                p += 2;
            }
            last_sig = c;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            depth++;
        }
        else if (c == ')' || c == ']' || c == '}') {
            depth--;
        }
        if (c == '\n') {
            if (in_first_line && depth <= 0) {
                first_line_colon = last_sig == ':';
                in_first_line = 0;
            }
            if (p[1]) {
                last_line = p + 1;
            }
            if (last_sig == '\\' && depth <= 0) {
                /* continuation */
            }
            else {
                last_sig = c == '\n' ? last_sig : last_sig;
            }
            continue;
        }
        if (c != ' ' && c != '\t' && c != '\r') {
            last_sig = c;
        }
    }
    if (quote && triple) {
        return 1;
    }
    if (depth > 0) {
        return 1;
    }
    /* Trailing backslash before the final newline. */
    size_t len = strlen(buf);
    if (len >= 2 && buf[len - 2] == '\\') {
        return 1;
    }
    /* A compound statement (even on one line, `if x: y`) continues until a blank line. */
    const char *first = buf + strspn(buf, " \t");
    static const char *const compound[] = {"if", "for", "while", "def", "class", "with",
                                           "try", "async", "match", NULL};
    int is_compound = first[0] == '@';
    for (int k = 0; compound[k] != NULL && !is_compound; k++) {
        size_t n = strlen(compound[k]);
        if (strncmp(first, compound[k], n) == 0 &&
            (first[n] == ' ' || first[n] == '\t' || first[n] == '(' || first[n] == ':')) {
            /* `match` is a soft keyword: only a compound statement if the line ends with
             * a colon. */
            is_compound = strcmp(compound[k], "match") != 0 || first_line_colon;
        }
    }
    if (first_line_colon || is_compound) {
        /* Inside a block: finished only by an empty line. */
        const char *q = last_line;
        while (*q == ' ' || *q == '\t' || *q == '\r') {
            q++;
        }
        return !(*q == '\n' || *q == '\0');
    }
    return 0;
}

int PyRun_InteractiveOneFlags(FILE *fp, const char *filename, PyCompilerFlags *flags)
{
    PyObject *d = main_dict();
    if (d == NULL) {
        return -1;
    }
    PyObject *fname = PyUnicode_DecodeFSDefault(filename);
    if (fname == NULL) {
        return -1;
    }
    PyObject *buffer = PyUnicode_FromString("");
    if (buffer == NULL) {
        Py_DECREF(fname);
        return -1;
    }
    int lines = 0;
    PyObject *code = NULL;
    for (;;) {
        PyObject *prompt;
        if (_PySys_GetOptionalAttrString(lines == 0 ? "ps1" : "ps2", &prompt) < 0) {
            goto error;
        }
        PyObject *line = read_interactive_line(prompt);
        Py_XDECREF(prompt);
        if (line == NULL) {
            goto error;
        }
        if (PyUnicode_GET_LENGTH(line) == 0) {
            Py_DECREF(line);
            if (lines == 0) {
                Py_DECREF(buffer);
                Py_DECREF(fname);
                if (isatty(0)) {
                    PySys_WriteStderr("\n");
                }
                return E_EOF;
            }
            /* EOF inside a block: run what we have. */
            line = PyUnicode_FromString("\n");
            if (line == NULL) {
                goto error;
            }
        }
        lines++;
        PyObject *nb = PyUnicode_Concat(buffer, line);
        int blank = PyUnicode_GET_LENGTH(line) <= 1;
        Py_DECREF(line);
        if (nb == NULL) {
            goto error;
        }
        Py_SETREF(buffer, nb);
        const char *src = PyUnicode_AsUTF8(buffer);
        if (src == NULL) {
            goto error;
        }
        if (lines == 1 && src[strspn(src, " \t\r\n")] == '\0') {
            /* Empty input line: prompt again. */
            Py_DECREF(buffer);
            Py_DECREF(fname);
            return 0;
        }
        if (needs_more_input(src) && !blank) {
            continue;
        }
        PyCompilerFlags cf = _PyCompilerFlags_INIT;
        if (flags != NULL) {
            cf = *flags;
        }
        if (!blank) {
            /* A blank line ends a block: only then may the dedent be implied. */
            cf.cf_flags |= PyCF_ALLOW_INCOMPLETE_INPUT | PyCF_DONT_IMPLY_DEDENT;
        }
        /* Tracebacks show the statement's lines, as CPython 3.13's REPL does. */
        _PyRun_RegisterSource(filename, src);
        code = Py_CompileStringObject(src, fname, Py_single_input, &cf, -1);
        if (code == NULL && !blank && _PyParser_IsIncompleteInputError()) {
            PyErr_Clear();
            continue;
        }
        break;
    }
    Py_DECREF(buffer);
    Py_DECREF(fname);
    if (code == NULL) {
        PyErr_Print();
        return -1;
    }
    PyObject *r = run_code(code, d, d);
    Py_DECREF(code);
    if (r == NULL) {
        PyErr_Print();
        return -1;
    }
    Py_DECREF(r);
    _Py_FlushStdFiles();
    return 0;

error:
    Py_XDECREF(buffer);
    Py_DECREF(fname);
    if (PyErr_ExceptionMatches(PyExc_KeyboardInterrupt)) {
        PyErr_Clear();
        PySys_WriteStderr("\nKeyboardInterrupt\n");
        return 0;
    }
    PyErr_Print();
    return -1;
}

int PyRun_InteractiveLoopFlags(FILE *fp, const char *filename, PyCompilerFlags *flags)
{
    if (PySys_GetObject("ps1") == NULL) {
        PyObject *v = PyUnicode_FromString(">>> ");
        if (v == NULL || PySys_SetObject("ps1", v) < 0) {
            PyErr_Clear();
        }
        Py_XDECREF(v);
    }
    if (PySys_GetObject("ps2") == NULL) {
        PyObject *v = PyUnicode_FromString("... ");
        if (v == NULL || PySys_SetObject("ps2", v) < 0) {
            PyErr_Clear();
        }
        Py_XDECREF(v);
    }
    for (;;) {
        int ret = PyRun_InteractiveOneFlags(fp, filename, flags);
        if (ret == E_EOF) {
            return 0;
        }
    }
}

char *PyOS_Readline(FILE *sys_stdin, FILE *sys_stdout, const char *prompt)
{
    if (prompt != NULL) {
        fputs(prompt, stderr);
        fflush(stderr);
    }
    size_t cap = 256, len = 0;
    char *buf = PyMem_RawMalloc(cap);
    if (buf == NULL) {
        return NULL;
    }
    int c;
    while ((c = fgetc(sys_stdin)) != EOF) {
        if (len + 2 >= cap) {
            cap *= 2;
            char *nbuf = PyMem_RawRealloc(buf, cap);
            if (nbuf == NULL) {
                PyMem_RawFree(buf);
                return NULL;
            }
            buf = nbuf;
        }
        buf[len++] = (char)c;
        if (c == '\n') {
            break;
        }
    }
    buf[len] = '\0';
    return buf;
}
