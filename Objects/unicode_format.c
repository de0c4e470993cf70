/* String formatting: printf-style "format % args" (PyUnicode_Format), str.format and
 * str.format_map (the format-string mini language: fields, conversions, nested specs), and
 * str.__format__ (the format-spec mini language applied to a str).
 *
 * Everything works on private writers; nothing here is shared between threads. */
#include "Python.h"
#include "pycore_unicodeobject.h"
#include "stringlib/unicode_internal.h"

/* ---- str.__format__ ------------------------------------------------------------------------ */

typedef struct {
    Py_UCS4 fill;
    Py_UCS4 align;     /* '<', '>', '^', '=' or 0 */
    Py_UCS4 sign;      /* '+', '-', ' ' or 0 */
    int alternate;
    int zero;
    int no_neg_0;
    Py_ssize_t width;  /* -1 if absent */
    Py_UCS4 grouping;  /* ',', '_' or 0 */
    Py_ssize_t precision; /* -1 if absent */
    Py_UCS4 type;      /* 0 if absent */
} format_spec;

/* Parse a standard format specifier for formatting obj (named in the error messages).
 * 0 or -1 with ValueError. */
static int
parse_spec(PyObject *obj, PyObject *spec, format_spec *f)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(spec), i = 0;
    memset(f, 0, sizeof(*f));
    f->fill = ' ';
    f->width = -1;
    f->precision = -1;
#define CH(k) PyUnicode_READ_CHAR(spec, (k))
#define IS_ALIGN(c) ((c) == '<' || (c) == '>' || (c) == '^' || (c) == '=')
    int have_fill = 0;
    if (len >= 2 && IS_ALIGN(CH(1))) {
        f->fill = CH(0);
        f->align = CH(1);
        have_fill = 1;
        i = 2;
    }
    else if (len >= 1 && IS_ALIGN(CH(0))) {
        f->align = CH(0);
        i = 1;
    }
    if (i < len && (CH(i) == '+' || CH(i) == '-' || CH(i) == ' ')) {
        f->sign = CH(i++);
    }
    if (i < len && CH(i) == 'z') {
        f->no_neg_0 = 1;
        i++;
    }
    if (i < len && CH(i) == '#') {
        f->alternate = 1;
        i++;
    }
    if (i < len && CH(i) == '0') {
        f->zero = 1;
        if (!have_fill) {
            f->fill = '0';
        }
        if (f->align == 0) {
            f->align = '=';
        }
        i++;
    }
    Py_ssize_t start = i;
    Py_ssize_t w = 0;
    while (i < len && CH(i) >= '0' && CH(i) <= '9') {
        if (w > (PY_SSIZE_T_MAX - 9) / 10) {
            PyErr_SetString(PyExc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        w = w * 10 + (Py_ssize_t)(CH(i) - '0');
        i++;
    }
    if (i > start) {
        f->width = w;
    }
    if (i < len && (CH(i) == ',' || CH(i) == '_')) {
        f->grouping = CH(i++);
        if (i < len && (CH(i) == ',' || CH(i) == '_')) {
            PyErr_SetString(PyExc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
    }
    if (i < len && CH(i) == '.') {
        i++;
        start = i;
        Py_ssize_t p = 0;
        while (i < len && CH(i) >= '0' && CH(i) <= '9') {
            if (p > (PY_SSIZE_T_MAX - 9) / 10) {
                PyErr_SetString(PyExc_ValueError, "Too many decimal digits in format string");
                return -1;
            }
            p = p * 10 + (Py_ssize_t)(CH(i) - '0');
            i++;
        }
        if (i == start) {
            PyErr_SetString(PyExc_ValueError, "Format specifier missing precision");
            return -1;
        }
        f->precision = p;
    }
    if (len - i > 1) {
        PyErr_Format(PyExc_ValueError,
                     "Invalid format specifier '%U' for object of type '%.200s'",
                     spec, Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (i < len) {
        f->type = CH(i);
    }
#undef CH
#undef IS_ALIGN
    return 0;
}

static int
write_fill(_PyUnicodeWriter *w, Py_UCS4 fill, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        if (_PyUnicodeWriter_WriteChar(w, fill) < 0) {
            return -1;
        }
    }
    return 0;
}

PyObject *
_PyUnicode_FormatWithSpec(PyObject *str, PyObject *spec)
{
    if (PyUnicode_GET_LENGTH(spec) == 0) {
        return PyObject_Str(str);
    }
    format_spec f;
    if (parse_spec(str, spec, &f) < 0) {
        return NULL;
    }
    if (f.type != 0 && f.type != 's') {
        if (f.type >= 32 && f.type < 127) {
            PyErr_Format(PyExc_ValueError, "Unknown format code '%c' for object of type '%.200s'",
                         (int)f.type, Py_TYPE(str)->tp_name);
        }
        else {
            PyErr_Format(PyExc_ValueError,
                         "Unknown format code '\\x%x' for object of type '%.200s'",
                         (unsigned int)f.type, Py_TYPE(str)->tp_name);
        }
        return NULL;
    }
    if (f.sign) {
        PyErr_SetString(PyExc_ValueError, "Sign not allowed in string format specifier");
        return NULL;
    }
    if (f.no_neg_0) {
        PyErr_SetString(PyExc_ValueError,
                        "Negative zero coercion (z) not allowed in string format specifier");
        return NULL;
    }
    if (f.alternate) {
        PyErr_SetString(PyExc_ValueError,
                        "Alternate form (#) not allowed in string format specifier");
        return NULL;
    }
    if (f.grouping) {
        PyErr_Format(PyExc_ValueError, "Cannot specify '%c' with 's'.", (int)f.grouping);
        return NULL;
    }
    if (f.align == '=') {
        if (f.zero && PyUnicode_GET_LENGTH(spec) > 0 &&
            PyUnicode_READ_CHAR(spec, 0) != '=' && !(PyUnicode_GET_LENGTH(spec) > 1 &&
                                                     PyUnicode_READ_CHAR(spec, 1) == '=')) {
            f.align = '<';
        }
        else {
            PyErr_SetString(PyExc_ValueError,
                            "'=' alignment not allowed in string format specifier");
            return NULL;
        }
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (f.precision >= 0 && len > f.precision) {
        len = f.precision;
    }
    Py_ssize_t total = f.width > len ? f.width : len;
    Py_ssize_t padding = total - len;
    Py_ssize_t left = 0;
    if (f.align == '>') {
        left = padding;
    }
    else if (f.align == '^') {
        left = padding / 2;
    }
    if (padding == 0 && len == PyUnicode_GET_LENGTH(str) && PyUnicode_CheckExact(str)) {
        return Py_NewRef(str);
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = total;
    if (write_fill(&w, f.fill, left) < 0 ||
        _PyUnicodeWriter_WriteSubstring(&w, str, 0, len) < 0 ||
        write_fill(&w, f.fill, padding - left) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

PyObject *
_PyUnicode_DunderFormat(PyObject *self, PyObject *spec)
{
    if (!PyUnicode_Check(spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.100s",
                     Py_TYPE(spec)->tp_name);
        return NULL;
    }
    return _PyUnicode_FormatWithSpec(self, spec);
}

/* ---- printf-style formatting --------------------------------------------------------------- */

typedef struct {
    int left, sign, space, alt, zero;
    Py_ssize_t width, prec;
} pct_flags;

/* Write body (a str) with sign/prefix handling for numbers.  sign_str and prefix are ASCII
 * strings written before the digits; zero padding goes between them and the digits. */
static int
write_number(_PyUnicodeWriter *w, const pct_flags *fl, const char *sign_str,
             const char *prefix, const char *digits, Py_ssize_t ndigits)
{
    Py_ssize_t slen = (Py_ssize_t)strlen(sign_str), plen = (Py_ssize_t)strlen(prefix);
    Py_ssize_t total = slen + plen + ndigits;
    Py_ssize_t pad = fl->width > total ? fl->width - total : 0;
    if (!fl->left && !fl->zero && write_fill(w, ' ', pad) < 0) {
        return -1;
    }
    if (_PyUnicodeWriter_WriteASCIIString(w, sign_str, slen) < 0 ||
        _PyUnicodeWriter_WriteASCIIString(w, prefix, plen) < 0) {
        return -1;
    }
    if (!fl->left && fl->zero && write_fill(w, '0', pad) < 0) {
        return -1;
    }
    if (_PyUnicodeWriter_WriteASCIIString(w, digits, ndigits) < 0) {
        return -1;
    }
    if (fl->left && write_fill(w, ' ', pad) < 0) {
        return -1;
    }
    return 0;
}

static int
format_integer(_PyUnicodeWriter *w, PyObject *v, char conv, const pct_flags *fl)
{
    PyObject *num;
    if (PyLong_Check(v)) {
        num = Py_NewRef(v);
    }
    else if (conv == 'd' || conv == 'i' || conv == 'u') {
        if (!PyNumber_Check(v)) {
            PyErr_Format(PyExc_TypeError, "%%%c format: a real number is required, not %.200s",
                         conv, Py_TYPE(v)->tp_name);
            return -1;
        }
        num = PyNumber_Long(v);
        if (num == NULL) {
            return -1;
        }
    }
    else {
        if (!PyIndex_Check(v)) {
            PyErr_Format(PyExc_TypeError, "%%%c format: an integer is required, not %.200s",
                         conv, Py_TYPE(v)->tp_name);
            return -1;
        }
        num = PyNumber_Index(v);
        if (num == NULL) {
            return -1;
        }
    }
    int base = (conv == 'x' || conv == 'X') ? 16 : conv == 'o' ? 8 : 10;
    PyObject *text = base == 10 ? PyLong_Type.tp_repr(num) : PyNumber_ToBase(num, base);
    Py_DECREF(num);
    if (text == NULL) {
        return -1;
    }
    Py_ssize_t tlen;
    const char *t = PyUnicode_AsUTF8AndSize(text, &tlen);
    if (t == NULL) {
        Py_DECREF(text);
        return -1;
    }
    int neg = t[0] == '-';
    if (neg) {
        t++;
        tlen--;
    }
    if (base != 10) {
        t += 2; /* "0x" / "0o" */
        tlen -= 2;
    }
    /* precision: minimum number of digits */
    char *digits = PyMem_Malloc((size_t)(tlen + (fl->prec > 0 ? fl->prec : 0) + 1));
    if (digits == NULL) {
        Py_DECREF(text);
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t n = 0;
    for (Py_ssize_t k = tlen; k < fl->prec; k++) {
        digits[n++] = '0';
    }
    memcpy(digits + n, t, (size_t)tlen);
    n += tlen;
    if (conv == 'X') {
        for (Py_ssize_t k = 0; k < n; k++) {
            if (digits[k] >= 'a' && digits[k] <= 'f') {
                digits[k] -= 32;
            }
        }
    }
    const char *sign = neg ? "-" : fl->sign ? "+" : fl->space ? " " : "";
    const char *prefix = "";
    if (fl->alt) {
        prefix = conv == 'x' ? "0x" : conv == 'X' ? "0X" : conv == 'o' ? "0o" : "";
    }
    int r = write_number(w, fl, sign, prefix, digits, n);
    PyMem_Free(digits);
    Py_DECREF(text);
    return r;
}

static int
format_float(_PyUnicodeWriter *w, PyObject *v, char conv, const pct_flags *fl)
{
    double x = PyFloat_AsDouble(v);
    if (x == -1.0 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "must be real number, not %.200s",
                         Py_TYPE(v)->tp_name);
        }
        return -1;
    }
    int prec = fl->prec < 0 ? 6 : (int)fl->prec;
    int flags = fl->alt ? Py_DTSF_ALT : 0;
    char *s = PyOS_double_to_string(x, conv, prec, flags, NULL);
    if (s == NULL) {
        return -1;
    }
    const char *digits = s;
    const char *sign = "";
    if (*digits == '-') {
        sign = "-";
        digits++;
    }
    else if (fl->sign) {
        sign = "+";
    }
    else if (fl->space) {
        sign = " ";
    }
    int r = write_number(w, fl, sign, "", digits, (Py_ssize_t)strlen(digits));
    PyMem_Free(s);
    return r;
}

static int
write_text(_PyUnicodeWriter *w, PyObject *s, const pct_flags *fl)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(s);
    if (fl->prec >= 0 && len > fl->prec) {
        len = fl->prec;
    }
    Py_ssize_t pad = fl->width > len ? fl->width - len : 0;
    if (!fl->left && write_fill(w, ' ', pad) < 0) {
        return -1;
    }
    if (_PyUnicodeWriter_WriteSubstring(w, s, 0, len) < 0) {
        return -1;
    }
    if (fl->left && write_fill(w, ' ', pad) < 0) {
        return -1;
    }
    return 0;
}

PyObject *
PyUnicode_Format(PyObject *format, PyObject *args)
{
    if (format == NULL || args == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!PyUnicode_Check(format)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t fmtlen = PyUnicode_GET_LENGTH(format);
    int fkind = PyUnicode_KIND(format);
    const void *fdata = PyUnicode_DATA(format);
    Py_ssize_t arglen, argidx = 0;
    int args_is_tuple = PyTuple_Check(args);
    if (args_is_tuple) {
        arglen = PyTuple_GET_SIZE(args);
    }
    else {
        arglen = -1;
    }
    PyObject *dict = NULL;
    if (!args_is_tuple && Py_TYPE(args)->tp_as_mapping &&
        Py_TYPE(args)->tp_as_mapping->mp_subscript && !PyUnicode_Check(args)) {
        dict = args;
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = fmtlen + 16;
    w.overallocate = 1;
    Py_ssize_t i = 0;
#define FCH(k) PyUnicode_READ(fkind, fdata, (k))
    while (i < fmtlen) {
        if (FCH(i) != '%') {
            Py_ssize_t j = i;
            while (j < fmtlen && FCH(j) != '%') {
                j++;
            }
            if (_PyUnicodeWriter_WriteSubstring(&w, format, i, j) < 0) {
                goto error;
            }
            i = j;
            continue;
        }
        Py_ssize_t spec_start = i;
        i++;
        PyObject *v = NULL;   /* owned */
        int got_key = 0;
        if (i < fmtlen && FCH(i) == '(') {
            if (dict == NULL) {
                PyErr_SetString(PyExc_TypeError, "format requires a mapping");
                goto error;
            }
            Py_ssize_t ks = ++i;
            int depth = 1;
            while (i < fmtlen && depth) {
                if (FCH(i) == '(') {
                    depth++;
                }
                else if (FCH(i) == ')') {
                    depth--;
                }
                i++;
            }
            if (depth) {
                PyErr_SetString(PyExc_ValueError, "incomplete format key");
                goto error;
            }
            PyObject *key = PyUnicode_Substring(format, ks, i - 1);
            if (key == NULL) {
                goto error;
            }
            v = PyObject_GetItem(dict, key);
            Py_DECREF(key);
            if (v == NULL) {
                goto error;
            }
            got_key = 1;
            arglen = -1;
            argidx = -2;
        }
        pct_flags fl = {0, 0, 0, 0, 0, -1, -1};
        for (; i < fmtlen; i++) {
            Py_UCS4 c = FCH(i);
            if (c == '-') {
                fl.left = 1;
            }
            else if (c == '+') {
                fl.sign = 1;
            }
            else if (c == ' ') {
                fl.space = 1;
            }
            else if (c == '#') {
                fl.alt = 1;
            }
            else if (c == '0') {
                fl.zero = 1;
            }
            else {
                break;
            }
        }
        for (int part = 0; part < 2; part++) {
            if (part == 1) {
                if (i < fmtlen && FCH(i) == '.') {
                    i++;
                    fl.prec = 0;
                }
                else {
                    break;
                }
            }
            if (i < fmtlen && FCH(i) == '*') {
                i++;
                PyObject *star;
                if (arglen >= 0 && argidx < arglen) {
                    star = PyTuple_GET_ITEM(args, argidx++);
                }
                else if (arglen < 0 && argidx == 0 && !got_key) {
                    star = args;
                    argidx++;
                }
                else {
                    PyErr_SetString(PyExc_TypeError, "not enough arguments for format string");
                    Py_XDECREF(v);
                    goto error;
                }
                if (!PyLong_Check(star)) {
                    PyErr_SetString(PyExc_TypeError, "* wants int");
                    Py_XDECREF(v);
                    goto error;
                }
                Py_ssize_t n = PyLong_AsSsize_t(star);
                if (n == -1 && PyErr_Occurred()) {
                    Py_XDECREF(v);
                    goto error;
                }
                if (part == 0) {
                    if (n < 0) {
                        fl.left = 1;
                        n = -n;
                    }
                    fl.width = n;
                }
                else {
                    fl.prec = n < 0 ? 0 : n;
                }
            }
            else {
                Py_ssize_t n = -1;
                while (i < fmtlen && FCH(i) >= '0' && FCH(i) <= '9') {
                    n = (n < 0 ? 0 : n) * 10 + (Py_ssize_t)(FCH(i) - '0');
                    i++;
                }
                if (part == 0) {
                    fl.width = n;
                }
                else {
                    fl.prec = n < 0 ? 0 : n;
                }
            }
        }
        while (i < fmtlen && (FCH(i) == 'h' || FCH(i) == 'l' || FCH(i) == 'L')) {
            i++;
        }
        if (i >= fmtlen) {
            PyErr_SetString(PyExc_ValueError, "incomplete format");
            Py_XDECREF(v);
            goto error;
        }
        Py_UCS4 conv = FCH(i++);
        if (conv == '%' && i == spec_start + 2) {
            /* "%%" is a literal percent sign; any flag, width or key makes it an error. */
            if (_PyUnicodeWriter_WriteChar(&w, '%') < 0) {
                goto error;
            }
            continue;
        }
        if (v == NULL) {
            if (arglen >= 0) {
                if (argidx >= arglen) {
                    PyErr_SetString(PyExc_TypeError, "not enough arguments for format string");
                    goto error;
                }
                v = Py_NewRef(PyTuple_GET_ITEM(args, argidx++));
            }
            else {
                if (argidx != 0) {
                    PyErr_SetString(PyExc_TypeError, "not enough arguments for format string");
                    goto error;
                }
                v = Py_NewRef(args);
                argidx++;
            }
        }
        int r = 0;
        switch (conv) {
        case 's':
        case 'r':
        case 'a': {
            PyObject *s = conv == 's' ? PyObject_Str(v)
                          : conv == 'r' ? PyObject_Repr(v) : PyObject_ASCII(v);
            if (s == NULL) {
                r = -1;
                break;
            }
            r = write_text(&w, s, &fl);
            Py_DECREF(s);
            break;
        }
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
            r = format_integer(&w, v, (char)conv, &fl);
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            r = format_float(&w, v, (char)conv, &fl);
            break;
        case 'c': {
            Py_UCS4 ch;
            if (PyUnicode_Check(v)) {
                if (PyUnicode_GET_LENGTH(v) != 1) {
                    PyErr_SetString(PyExc_TypeError, "%c requires int or char");
                    r = -1;
                    break;
                }
                ch = PyUnicode_READ_CHAR(v, 0);
            }
            else if (PyLong_Check(v) || PyIndex_Check(v)) {
                PyObject *iv = PyNumber_Index(v);
                long x = iv ? PyLong_AsLong(iv) : -1;
                Py_XDECREF(iv);
                if (x == -1 && PyErr_Occurred()) {
                    if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
                        PyErr_SetString(PyExc_OverflowError,
                                        "%c arg not in range(0x110000)");
                    }
                    r = -1;
                    break;
                }
                if (x < 0 || x > 0x10ffff) {
                    PyErr_SetString(PyExc_OverflowError, "%c arg not in range(0x110000)");
                    r = -1;
                    break;
                }
                ch = (Py_UCS4)x;
            }
            else {
                PyErr_SetString(PyExc_TypeError, "%c requires int or char");
                r = -1;
                break;
            }
            PyObject *s = PyUnicode_FromOrdinal((int)ch);
            pct_flags f2 = fl;
            f2.prec = -1;
            r = s ? write_text(&w, s, &f2) : -1;
            Py_XDECREF(s);
            break;
        }
        default:
            if (conv >= 32 && conv < 127) {
                PyErr_Format(PyExc_ValueError,
                             "unsupported format character '%c' (0x%x) at index %zd",
                             (int)conv, (unsigned int)conv, i - 1);
            }
            else {
                PyErr_Format(PyExc_ValueError,
                             "unsupported format character '\\x%x' (0x%x) at index %zd",
                             (unsigned int)conv, (unsigned int)conv, i - 1);
            }
            r = -1;
            break;
        }
        Py_DECREF(v);
        if (r < 0) {
            goto error;
        }
    }
#undef FCH
    if (argidx >= 0 && ((arglen >= 0 && argidx < arglen) ||
                        (arglen < 0 && argidx == 0 && dict == NULL))) {
        PyErr_SetString(PyExc_TypeError,
                        "not all arguments converted during string formatting");
        goto error;
    }
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *
_PyUnicode_Mod(PyObject *v, PyObject *w)
{
    if (!PyUnicode_Check(v)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return PyUnicode_Format(v, w);
}

/* ---- str.format ---------------------------------------------------------------------------- */

typedef struct {
    PyObject *args;     /* tuple (borrowed) */
    PyObject *kwargs;   /* mapping or NULL (borrowed) */
    Py_ssize_t auto_index; /* next automatic index; -1 once manual numbering was used */
    int manual;
} format_state;

static int format_into(_PyUnicodeWriter *w, PyObject *fmt, Py_ssize_t start, Py_ssize_t end,
                       format_state *st, int depth);

/* Resolve a field name fmt[start:end] to an object.  New reference. */
static PyObject *
get_field_object(PyObject *fmt, Py_ssize_t start, Py_ssize_t end, format_state *st)
{
#define FC(k) PyUnicode_READ_CHAR(fmt, (k))
    Py_ssize_t i = start;
    while (i < end && FC(i) != '.' && FC(i) != '[') {
        i++;
    }
    PyObject *obj;
    if (i == start) {
        if (st->manual) {
            PyErr_SetString(PyExc_ValueError, "cannot switch from manual field specification "
                            "to automatic field numbering");
            return NULL;
        }
        st->auto_index++;
        Py_ssize_t idx = st->auto_index - 1;
        if (st->args == NULL || idx >= PyTuple_GET_SIZE(st->args)) {
            PyErr_Format(PyExc_IndexError,
                         "Replacement index %zd out of range for positional args tuple", idx);
            return NULL;
        }
        obj = Py_NewRef(PyTuple_GET_ITEM(st->args, idx));
    }
    else {
        int all_digits = 1;
        Py_ssize_t idx = 0;
        for (Py_ssize_t k = start; k < i; k++) {
            Py_UCS4 c = FC(k);
            if (c < '0' || c > '9') {
                all_digits = 0;
                break;
            }
            if (idx > (PY_SSIZE_T_MAX - 9) / 10) {
                PyErr_SetString(PyExc_ValueError, "Too many decimal digits in format string");
                return NULL;
            }
            idx = idx * 10 + (Py_ssize_t)(c - '0');
        }
        if (all_digits) {
            if (st->auto_index > 0) {
                PyErr_SetString(PyExc_ValueError, "cannot switch from automatic field numbering "
                                "to manual field specification");
                return NULL;
            }
            st->manual = 1;
            if (st->args == NULL || idx >= PyTuple_GET_SIZE(st->args)) {
                PyErr_Format(PyExc_IndexError,
                             "Replacement index %zd out of range for positional args tuple",
                             idx);
                return NULL;
            }
            obj = Py_NewRef(PyTuple_GET_ITEM(st->args, idx));
        }
        else {
            PyObject *key = PyUnicode_Substring(fmt, start, i);
            if (key == NULL) {
                return NULL;
            }
            if (st->kwargs == NULL) {
                PyErr_SetObject(PyExc_KeyError, key);
                Py_DECREF(key);
                return NULL;
            }
            obj = PyObject_GetItem(st->kwargs, key);
            Py_DECREF(key);
            if (obj == NULL) {
                return NULL;
            }
        }
    }
    while (i < end) {
        Py_UCS4 c = FC(i);
        if (c == '.') {
            Py_ssize_t s = ++i;
            while (i < end && FC(i) != '.' && FC(i) != '[') {
                i++;
            }
            if (i == s) {
                PyErr_SetString(PyExc_ValueError, "Empty attribute in format string");
                Py_DECREF(obj);
                return NULL;
            }
            PyObject *name = PyUnicode_Substring(fmt, s, i);
            if (name == NULL) {
                Py_DECREF(obj);
                return NULL;
            }
            Py_SETREF(obj, PyObject_GetAttr(obj, name));
            Py_DECREF(name);
            if (obj == NULL) {
                return NULL;
            }
        }
        else if (c == '[') {
            Py_ssize_t s = ++i;
            while (i < end && FC(i) != ']') {
                i++;
            }
            if (i >= end) {
                PyErr_SetString(PyExc_ValueError, "Missing ']' in format string");
                Py_DECREF(obj);
                return NULL;
            }
            if (i == s) {
                PyErr_SetString(PyExc_ValueError, "Empty attribute in format string");
                Py_DECREF(obj);
                return NULL;
            }
            int all_digits = 1;
            Py_ssize_t idx = 0;
            for (Py_ssize_t k = s; k < i; k++) {
                Py_UCS4 d = FC(k);
                if (d < '0' || d > '9') {
                    all_digits = 0;
                    break;
                }
                idx = idx * 10 + (Py_ssize_t)(d - '0');
            }
            PyObject *key = all_digits ? PyLong_FromSsize_t(idx) : PyUnicode_Substring(fmt, s, i);
            if (key == NULL) {
                Py_DECREF(obj);
                return NULL;
            }
            Py_SETREF(obj, PyObject_GetItem(obj, key));
            Py_DECREF(key);
            if (obj == NULL) {
                return NULL;
            }
            i++;
            if (i < end && FC(i) != '.' && FC(i) != '[') {
                PyErr_SetString(PyExc_ValueError,
                                "Only '.' or '[' may follow ']' in format field specifier");
                Py_DECREF(obj);
                return NULL;
            }
        }
        else {
            PyErr_SetString(PyExc_ValueError,
                            "Only '.' or '[' may follow ']' in format field specifier");
            Py_DECREF(obj);
            return NULL;
        }
    }
#undef FC
    return obj;
}

/* Format one replacement field whose text (between the braces) is fmt[start:end]. */
static int
format_field(_PyUnicodeWriter *w, PyObject *fmt, Py_ssize_t start, Py_ssize_t end,
             format_state *st, int depth)
{
#define FC(k) PyUnicode_READ_CHAR(fmt, (k))
    /* field_name ends at the first '!' or ':' not inside brackets */
    Py_ssize_t i = start;
    int bracket = 0;
    while (i < end) {
        Py_UCS4 c = FC(i);
        if (c == '[') {
            bracket = 1;
        }
        else if (c == ']') {
            bracket = 0;
        }
        else if (!bracket && (c == '!' || c == ':')) {
            break;
        }
        i++;
    }
    Py_ssize_t name_end = i;
    Py_UCS4 conversion = 0;
    Py_ssize_t spec_start = end, spec_end = end;
    if (i < end && FC(i) == '!') {
        if (i + 1 >= end) {
            PyErr_SetString(PyExc_ValueError,
                            "end of string while looking for conversion specifier");
            return -1;
        }
        conversion = FC(i + 1);
        i += 2;
        if (i < end) {
            if (FC(i) != ':') {
                PyErr_SetString(PyExc_ValueError, "expected ':' after conversion specifier");
                return -1;
            }
        }
    }
    if (i < end && FC(i) == ':') {
        spec_start = i + 1;
    }
#undef FC
    PyObject *obj = get_field_object(fmt, start, name_end, st);
    if (obj == NULL) {
        return -1;
    }
    if (conversion) {
        PyObject *conv;
        switch (conversion) {
        case 'r': conv = PyObject_Repr(obj); break;
        case 's': conv = PyObject_Str(obj); break;
        case 'a': conv = PyObject_ASCII(obj); break;
        default:
            if (conversion >= 32 && conversion < 127) {
                PyErr_Format(PyExc_ValueError, "Unknown conversion specifier %c",
                             (int)conversion);
            }
            else {
                PyErr_Format(PyExc_ValueError, "Unknown conversion specifier \\x%x",
                             (unsigned int)conversion);
            }
            conv = NULL;
            break;
        }
        Py_SETREF(obj, conv);
        if (obj == NULL) {
            return -1;
        }
    }
    PyObject *spec;
    if (spec_start < spec_end) {
        /* Nested replacement fields in the spec are expanded first. */
        _PyUnicodeWriter sw;
        _PyUnicodeWriter_Init(&sw);
        if (format_into(&sw, fmt, spec_start, spec_end, st, depth - 1) < 0) {
            _PyUnicodeWriter_Dealloc(&sw);
            Py_DECREF(obj);
            return -1;
        }
        spec = _PyUnicodeWriter_Finish(&sw);
    }
    else {
        spec = Py_NewRef(_PyUnicode_GetEmpty());
    }
    if (spec == NULL) {
        Py_DECREF(obj);
        return -1;
    }
    PyObject *formatted;
    if (PyUnicode_CheckExact(obj)) {
        formatted = _PyUnicode_FormatWithSpec(obj, spec);
    }
    else {
        formatted = PyObject_Format(obj, spec);
    }
    Py_DECREF(spec);
    Py_DECREF(obj);
    if (formatted == NULL) {
        return -1;
    }
    int r = _PyUnicodeWriter_WriteStr(w, formatted);
    Py_DECREF(formatted);
    return r;
}

static int
format_into(_PyUnicodeWriter *w, PyObject *fmt, Py_ssize_t start, Py_ssize_t end,
            format_state *st, int depth)
{
    if (depth <= 0) {
        PyErr_SetString(PyExc_ValueError, "Max string recursion exceeded");
        return -1;
    }
#define FC(k) PyUnicode_READ_CHAR(fmt, (k))
    Py_ssize_t i = start;
    while (i < end) {
        Py_ssize_t lit = i;
        while (i < end && FC(i) != '{' && FC(i) != '}') {
            i++;
        }
        if (_PyUnicodeWriter_WriteSubstring(w, fmt, lit, i) < 0) {
            return -1;
        }
        if (i >= end) {
            break;
        }
        Py_UCS4 c = FC(i);
        if (c == '}') {
            if (i + 1 < end && FC(i + 1) == '}') {
                if (_PyUnicodeWriter_WriteChar(w, '}') < 0) {
                    return -1;
                }
                i += 2;
                continue;
            }
            PyErr_SetString(PyExc_ValueError, "Single '}' encountered in format string");
            return -1;
        }
        /* c == '{' */
        if (i + 1 < end && FC(i + 1) == '{') {
            if (_PyUnicodeWriter_WriteChar(w, '{') < 0) {
                return -1;
            }
            i += 2;
            continue;
        }
        if (i + 1 >= end) {
            PyErr_SetString(PyExc_ValueError, "Single '{' encountered in format string");
            return -1;
        }
        Py_ssize_t fstart = ++i;
        int nest = 1;
        int in_bracket = 0;
        int in_spec = 0;      /* a top-level ':' or '!' was seen */
        int after_bang = 0;   /* the string ended right after '!' */
        while (i < end) {
            Py_UCS4 d = FC(i);
            if (d == '[' && nest == 1 && !in_spec) {
                in_bracket = 1;
            }
            else if (d == ']' && nest == 1 && !in_spec) {
                in_bracket = 0;
            }
            else if (d == '!' && nest == 1 && !in_bracket && !in_spec) {
                /* the conversion character is taken whatever it is */
                in_spec = 1;
                if (i + 1 >= end) {
                    after_bang = 1;
                }
                i += 2;
                continue;
            }
            else if (d == ':' && nest == 1 && !in_bracket) {
                in_spec = 1;
            }
            else if (d == '{' && !in_bracket) {
                nest++;
            }
            else if (d == '}' && !in_bracket) {
                nest--;
                if (nest == 0) {
                    break;
                }
            }
            i++;
        }
        if (i >= end) {
            PyErr_SetString(PyExc_ValueError,
                            after_bang ? "end of string while looking for conversion specifier"
                            : in_spec ? "unmatched '{' in format spec"
                                      : "expected '}' before end of string");
            return -1;
        }
        if (format_field(w, fmt, fstart, i, st, depth) < 0) {
            return -1;
        }
        i++;
    }
#undef FC
    return 0;
}

static PyObject *
do_format(PyObject *self, PyObject *args, PyObject *kwargs)
{
    format_state st = {args, kwargs, 0, 0};
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = PyUnicode_GET_LENGTH(self) + 16;
    w.overallocate = 1;
    if (format_into(&w, self, 0, PyUnicode_GET_LENGTH(self), &st, 2) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

PyObject *
_PyUnicode_FormatMethod(PyObject *self, PyObject *args, PyObject *kwargs)
{
    return do_format(self, args, kwargs);
}

PyObject *
_PyUnicode_FormatMapMethod(PyObject *self, PyObject *mapping)
{
    return do_format(self, NULL, mapping);
}
