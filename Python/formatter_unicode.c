/* The format-spec mini-language: T.__format__(spec) for int, float, complex and str.
 *
 *   [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
 *
 * Specs are read as UTF-8 (the fill character may be any code point); results are built as
 * UTF-8 and turned into str objects by the strings room.  Numbers are formatted in three
 * pieces -- sign and prefix, the integer digits (which grouping separates), and the rest
 * (fraction, exponent, '%', 'j') -- and padding is put around or between them. */

#include "Python.h"
#include "pycore_long.h"
#include "pycore_format.h"
#include "pycore_floatobject.h"

#include <float.h>

typedef struct {
    char fill[5];         /* UTF-8 of the fill character */
    int fill_len;
    int fill_specified;
    char align;           /* '<', '>', '^', '=' or 0 */
    char sign;            /* '+', '-', ' ' or 0 */
    int no_neg_0;         /* 'z' */
    int alternate;        /* '#' */
    int zero;             /* '0' before the width */
    Py_ssize_t width;     /* -1: none */
    char thousands;       /* ',', '_' or 0 */
    Py_ssize_t precision; /* -1: none */
    Py_UCS4 type;         /* 0: none */
} FormatSpec;

/* A growable UTF-8 buffer. */
typedef struct {
    char *buf;
    Py_ssize_t len, cap;
} Writer;

static int
writer_put(Writer *w, const char *s, Py_ssize_t n)
{
    if (w->len + n + 1 > w->cap) {
        Py_ssize_t cap = (w->len + n + 1) * 2;
        char *b = PyMem_Realloc(w->buf, (size_t)cap);
        if (b == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        w->buf = b;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, s, (size_t)n);
    w->len += n;
    w->buf[w->len] = '\0';
    return 0;
}

static int
writer_fill(Writer *w, const FormatSpec *f, Py_ssize_t count)
{
    for (Py_ssize_t i = 0; i < count; i++) {
        if (writer_put(w, f->fill, f->fill_len) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Return a new reference; frees the buffer. */
static PyObject *
writer_finish(Writer *w)
{
    PyObject *res = PyUnicode_FromStringAndSize(w->buf ? w->buf : "", w->len);
    PyMem_Free(w->buf);
    w->buf = NULL;
    return res;
}

/* Decode one UTF-8 code point at s (len bytes available); return its byte length. */
static int
utf8_decode(const unsigned char *s, Py_ssize_t len, Py_UCS4 *cp)
{
    int n = s[0] < 0x80 ? 1 : s[0] < 0xe0 ? 2 : s[0] < 0xf0 ? 3 : 4;
    if (n > len) {
        n = (int)len;
    }
    Py_UCS4 c = n == 1 ? s[0] : n == 2 ? (s[0] & 0x1f) : n == 3 ? (s[0] & 0x0f) : (s[0] & 0x07);
    for (int i = 1; i < n; i++) {
        c = (c << 6) | (s[i] & 0x3f);
    }
    *cp = c;
    return n;
}

static Py_ssize_t
utf8_count(const char *s, Py_ssize_t len)
{
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (((unsigned char)s[i] & 0xc0) != 0x80) {
            n++;
        }
    }
    return n;
}

static int
is_align(Py_UCS4 c)
{
    return c == '<' || c == '>' || c == '^' || c == '=';
}

static void
invalid_spec(PyObject *spec, PyObject *obj)
{
    PyErr_Format(PyExc_ValueError, "Invalid format specifier '%U' for object of type '%.200s'",
                 spec, Py_TYPE(obj)->tp_name);
}

/* Parse spec (a str).  default_align is '>' for numbers and '<' for str.  0 or -1. */
static int
parse_spec(PyObject *specobj, PyObject *obj, char default_align, FormatSpec *f)
{
    Py_ssize_t len;
    const char *spec = PyUnicode_AsUTF8AndSize(specobj, &len);
    if (spec == NULL) {
        return -1;
    }
    const unsigned char *s = (const unsigned char *)spec;
    const unsigned char *end = s + len;
    memset(f, 0, sizeof(*f));
    f->fill[0] = ' ';
    f->fill_len = 1;
    f->width = -1;
    f->precision = -1;
    f->align = default_align;

    int align_specified = 0;
    if (s < end) {
        Py_UCS4 c0;
        int n0 = utf8_decode(s, end - s, &c0);
        Py_UCS4 c1 = 0;
        if (s + n0 < end) {
            utf8_decode(s + n0, end - s - n0, &c1);
        }
        if (s + n0 < end && is_align(c1)) {
            memcpy(f->fill, s, (size_t)n0);
            f->fill_len = n0;
            f->fill_specified = 1;
            f->align = (char)c1;
            align_specified = 1;
            s += n0 + 1;
        }
        else if (is_align(c0)) {
            f->align = (char)c0;
            align_specified = 1;
            s++;
        }
    }
    if (s < end && (*s == '+' || *s == '-' || *s == ' ')) {
        f->sign = (char)*s++;
    }
    if (s < end && *s == 'z') {
        f->no_neg_0 = 1;
        s++;
    }
    if (s < end && *s == '#') {
        f->alternate = 1;
        s++;
    }
    if (!f->fill_specified && s < end && *s == '0') {
        f->zero = 1;
        f->fill[0] = '0';
        f->fill_len = 1;
        if (!align_specified && default_align == '>') {
            f->align = '=';
        }
        s++;
    }
    int ndigits = 0;
    while (s < end && *s >= '0' && *s <= '9') {
        if (ndigits >= 18) {
            PyErr_SetString(PyExc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        f->width = (f->width < 0 ? 0 : f->width * 10) + (*s - '0');
        ndigits++;
        s++;
    }
    if (s < end && (*s == ',' || *s == '_')) {
        f->thousands = (char)*s++;
        if (s < end && (*s == ',' || *s == '_')) {
            if (*s == f->thousands && *s == ',') {
                PyErr_SetString(PyExc_ValueError, "Cannot specify ',' with ','.");
            }
            else if (*s == f->thousands) {
                PyErr_SetString(PyExc_ValueError, "Cannot specify '_' with '_'.");
            }
            else {
                PyErr_SetString(PyExc_ValueError, "Cannot specify both ',' and '_'.");
            }
            return -1;
        }
    }
    if (s < end && *s == '.') {
        s++;
        ndigits = 0;
        f->precision = 0;
        while (s < end && *s >= '0' && *s <= '9') {
            if (ndigits >= 18) {
                PyErr_SetString(PyExc_ValueError, "Too many decimal digits in format string");
                return -1;
            }
            f->precision = f->precision * 10 + (*s - '0');
            ndigits++;
            s++;
        }
        if (ndigits == 0) {
            PyErr_SetString(PyExc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (s < end) {
        Py_UCS4 t;
        int n = utf8_decode(s, end - s, &t);
        if (s + n != end) {
            invalid_spec(specobj, obj);
            return -1;
        }
        f->type = t;
    }
    if (f->thousands) {
        switch (f->type) {
        case 0: case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%':
        case 'F':
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->thousands == '_') {
                break;
            }
            /* fall through */
        default:
            if (f->type == 'n' || f->type > 0x7f) {
                invalid_spec(specobj, obj);
            }
            else {
                PyErr_Format(PyExc_ValueError, "Cannot specify '%c' with '%c'.", f->thousands,
                             (int)f->type);
            }
            return -1;
        }
    }
    return 0;
}

static void
unknown_code(Py_UCS4 type, PyObject *obj)
{
    if (type > 32 && type < 128) {
        PyErr_Format(PyExc_ValueError, "Unknown format code '%c' for object of type '%.200s'",
                     (int)type, Py_TYPE(obj)->tp_name);
    }
    else {
        PyErr_Format(PyExc_ValueError, "Unknown format code '\\x%x' for object of type '%.200s'",
                     (unsigned int)type, Py_TYPE(obj)->tp_name);
    }
}

/* Group the ASCII digits d[0:n] with sep every `every` digits, first padding with leading
 * zeros until the result is at least min_len long (the zero-padding case). */
static int
write_grouped(Writer *w, const char *d, Py_ssize_t n, char sep, int every, Py_ssize_t min_len)
{
    Py_ssize_t total = n;
    if (sep) {
        while (total + (total - 1) / every < min_len) {
            total++;
        }
    }
    else if (total < min_len) {
        total = min_len;
    }
    for (Py_ssize_t i = 0; i < total; i++) {
        Py_ssize_t from_right = total - i;   /* digits left including this one */
        char c = i < total - n ? '0' : d[i - (total - n)];
        if (writer_put(w, &c, 1) < 0) {
            return -1;
        }
        if (sep && from_right > 1 && (from_right - 1) % every == 0) {
            if (writer_put(w, &sep, 1) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static Py_ssize_t
grouped_len(Py_ssize_t n, char sep, int every)
{
    return sep && n > 0 ? n + (n - 1) / every : n;
}

/* Lay out sign+prefix, grouped integer digits and rest according to f (width, align, fill).
 * Return a new str reference. */
static PyObject *
format_number_parts(const FormatSpec *f, const char *prefix, const char *digits,
                    Py_ssize_t ndigits, const char *rest, int every)
{
    Writer w = {NULL, 0, 0};
    Py_ssize_t plen = (Py_ssize_t)strlen(prefix);
    Py_ssize_t rlen = utf8_count(rest, (Py_ssize_t)strlen(rest));
    Py_ssize_t glen = grouped_len(ndigits, f->thousands, every);
    Py_ssize_t total = plen + glen + rlen;
    Py_ssize_t pad = f->width > total ? f->width - total : 0;
    int ok = 0;
    if (f->align == '=') {
        if (writer_put(&w, prefix, plen) < 0) {
            goto error;
        }
        if (f->fill_len == 1 && f->fill[0] == '0' && ndigits > 0) {
            ok = write_grouped(&w, digits, ndigits, f->thousands, every, glen + pad);
        }
        else {
            ok = writer_fill(&w, f, pad);
            if (ok == 0) {
                ok = write_grouped(&w, digits, ndigits, f->thousands, every, 0);
            }
        }
        if (ok < 0 || writer_put(&w, rest, (Py_ssize_t)strlen(rest)) < 0) {
            goto error;
        }
        return writer_finish(&w);
    }
    Py_ssize_t left = 0, right = 0;
    if (f->align == '<') {
        right = pad;
    }
    else if (f->align == '^') {
        left = pad / 2;
        right = pad - left;
    }
    else {
        left = pad;
    }
    if (writer_fill(&w, f, left) < 0 || writer_put(&w, prefix, plen) < 0 ||
        write_grouped(&w, digits, ndigits, f->thousands, every, 0) < 0 ||
        writer_put(&w, rest, (Py_ssize_t)strlen(rest)) < 0 || writer_fill(&w, f, right) < 0) {
        goto error;
    }
    return writer_finish(&w);
error:
    PyMem_Free(w.buf);
    return NULL;
}

static void
sign_prefix(char *out, int negative, char sign)
{
    out[0] = '\0';
    if (negative) {
        strcpy(out, "-");
    }
    else if (sign == '+') {
        strcpy(out, "+");
    }
    else if (sign == ' ') {
        strcpy(out, " ");
    }
}

/* ---- floats ------------------------------------------------------------------------------- */

/* Format x per f into (prefix, digits, rest) and lay it out.  type is the float presentation
 * type (0 for none).  With for_complex, no padding (width) is applied. */
static PyObject *
format_double(double x, const FormatSpec *fin, PyObject *obj, int add_dot_0_default)
{
    FormatSpec f = *fin;
    Py_UCS4 type = f.type;
    int precision = (int)f.precision;
    int flags = 0;
    int percent = 0;
    if (f.alternate) {
        flags |= Py_DTSF_ALT;
    }
    if (f.no_neg_0) {
        flags |= Py_DTSF_NO_NEG_0;
    }
    char code;
    switch (type) {
    case 0:
        if (precision < 0) {
            code = 'r';
            precision = 0;
        }
        else {
            code = 'g';
        }
        if (add_dot_0_default) {
            flags |= Py_DTSF_ADD_DOT_0;
        }
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        code = (char)type;
        break;
    case 'n':
        code = 'g';
        break;
    case '%':
        code = 'f';
        percent = 1;
        x *= 100;
        break;
    default:
        unknown_code(type, obj);
        return NULL;
    }
    if (precision < 0) {
        precision = 6;
    }
    if (precision > 10000) {
        PyErr_SetString(PyExc_ValueError, "precision too big");
        return NULL;
    }
    if (code == 'r' && (flags & Py_DTSF_ALT)) {
        flags &= ~Py_DTSF_ALT;
    }
    int negative = signbit(x) != 0 && !isnan(x);
    char *s = PyOS_double_to_string(fabs(x), code, code == 'r' ? 0 : precision,
                                    flags & ~Py_DTSF_NO_NEG_0, NULL);
    if (s == NULL) {
        return NULL;
    }
    if (negative && f.no_neg_0) {
        /* 'z': a value that rounds to zero loses its sign */
        int allzero = 1;
        for (char *p = s; *p && *p != 'e' && *p != 'E'; p++) {
            if (*p >= '1' && *p <= '9') {
                allzero = 0;
            }
        }
        if (allzero && isfinite(x)) {
            negative = 0;
        }
    }
    Py_ssize_t nd = 0;
    while (s[nd] >= '0' && s[nd] <= '9') {
        nd++;
    }
    char prefix[4];
    sign_prefix(prefix, negative, f.sign);
    size_t restlen = strlen(s + nd);
    char *rest = PyMem_Malloc(restlen + 2);
    if (rest == NULL) {
        PyMem_Free(s);
        return PyErr_NoMemory();
    }
    memcpy(rest, s + nd, restlen + 1);
    if (percent) {
        strcat(rest, "%");
    }
    PyObject *res = format_number_parts(&f, prefix, s, nd, rest, 3);
    PyMem_Free(rest);
    PyMem_Free(s);
    return res;
}

PyObject *
_PyFloat_FormatSpec(PyObject *obj, PyObject *spec)
{
    if (PyUnicode_GET_LENGTH(spec) == 0) {
        return PyObject_Str(obj);
    }
    FormatSpec f;
    if (parse_spec(spec, obj, '>', &f) < 0) {
        return NULL;
    }
    if (f.type == 'n' && f.thousands) {
        invalid_spec(spec, obj);
        return NULL;
    }
    return format_double(PyFloat_AS_DOUBLE(obj), &f, obj, 1);
}

/* ---- ints ---------------------------------------------------------------------------------- */

PyObject *
_PyLong_FormatSpec(PyObject *obj, PyObject *spec)
{
    if (PyUnicode_GET_LENGTH(spec) == 0) {
        return PyObject_Str(obj);
    }
    FormatSpec f;
    if (parse_spec(spec, obj, '>', &f) < 0) {
        return NULL;
    }
    int base = 10, every = 3, upper = 0;
    const char *altprefix = "";
    switch (f.type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double x = PyLong_AsDouble(obj);
        if (x == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
        return format_double(x, &f, obj, 0);
    }
    case 'n':
        if (f.thousands) {
            invalid_spec(spec, obj);
            return NULL;
        }
        break;
    case 0: case 'd':
        break;
    case 'b':
        base = 2;
        every = 4;
        altprefix = "0b";
        break;
    case 'o':
        base = 8;
        every = 4;
        altprefix = "0o";
        break;
    case 'x':
        base = 16;
        every = 4;
        altprefix = "0x";
        break;
    case 'X':
        base = 16;
        every = 4;
        upper = 1;
        altprefix = "0X";
        break;
    case 'c':
        break;
    default:
        unknown_code(f.type, obj);
        return NULL;
    }
    if (f.precision >= 0) {
        PyErr_SetString(PyExc_ValueError, "Precision not allowed in integer format specifier");
        return NULL;
    }
    if (f.no_neg_0) {
        PyErr_SetString(PyExc_ValueError,
                        "Negative zero coercion (z) not allowed in integer format specifier");
        return NULL;
    }
    if (f.type == 'c') {
        if (f.sign) {
            PyErr_SetString(PyExc_ValueError,
                            "Sign not allowed with integer format specifier 'c'");
            return NULL;
        }
        if (f.alternate) {
            PyErr_SetString(PyExc_ValueError,
                            "Alternate form (#) not allowed with integer format specifier 'c'");
            return NULL;
        }
        long ch = PyLong_AsLong(obj);
        if (ch == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (ch < 0 || ch > 0x10ffff) {
            PyErr_SetString(PyExc_OverflowError, "%c arg not in range(0x110000)");
            return NULL;
        }
        /* UTF-8 encode the character and pad it like a string */
        char u[5];
        int n;
        if (ch < 0x80) {
            u[0] = (char)ch;
            n = 1;
        }
        else if (ch < 0x800) {
            u[0] = (char)(0xc0 | (ch >> 6));
            u[1] = (char)(0x80 | (ch & 0x3f));
            n = 2;
        }
        else if (ch < 0x10000) {
            u[0] = (char)(0xe0 | (ch >> 12));
            u[1] = (char)(0x80 | ((ch >> 6) & 0x3f));
            u[2] = (char)(0x80 | (ch & 0x3f));
            n = 3;
        }
        else {
            u[0] = (char)(0xf0 | (ch >> 18));
            u[1] = (char)(0x80 | ((ch >> 12) & 0x3f));
            u[2] = (char)(0x80 | ((ch >> 6) & 0x3f));
            u[3] = (char)(0x80 | (ch & 0x3f));
            n = 4;
        }
        u[n] = '\0';
        if (f.align == '=') {
            f.align = '>';
        }
        return format_number_parts(&f, "", "", 0, u, 3);
    }
    Py_ssize_t nd;
    char *digits = _PyLong_ToDigits(obj, base, &nd);
    if (digits == NULL) {
        return NULL;
    }
    if (upper) {
        for (Py_ssize_t i = 0; i < nd; i++) {
            if (digits[i] >= 'a' && digits[i] <= 'f') {
                digits[i] = (char)(digits[i] - 'a' + 'A');
            }
        }
    }
    char prefix[8];
    sign_prefix(prefix, _PyLong_Sign(obj) < 0, f.sign);
    if (f.alternate) {
        strcat(prefix, altprefix);
    }
    PyObject *res = format_number_parts(&f, prefix, digits, nd, "", every);
    PyMem_Free(digits);
    return res;
}

/* ---- complex ------------------------------------------------------------------------------ */

PyObject *
_PyComplex_FormatSpec(PyObject *obj, PyObject *spec)
{
    if (PyUnicode_GET_LENGTH(spec) == 0) {
        return PyObject_Str(obj);
    }
    FormatSpec f;
    if (parse_spec(spec, obj, '>', &f) < 0) {
        return NULL;
    }
    if (f.zero && !f.fill_specified) {
        PyErr_SetString(PyExc_ValueError,
                        "Zero padding is not allowed in complex format specifier");
        return NULL;
    }
    if (f.align == '=') {
        PyErr_SetString(PyExc_ValueError,
                        "'=' alignment flag is not allowed in complex format specifier");
        return NULL;
    }
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
        break;
    default:
        unknown_code(f.type, obj);
        return NULL;
    }
    Py_complex c = ((PyComplexObject *)obj)->cval;
    /* Each part is formatted without width; the whole is padded at the end. */
    FormatSpec part = f;
    part.width = -1;
    part.align = '>';
    part.fill[0] = ' ';
    part.fill_len = 1;
    int skip_real = 0, parens = 0;
    if (f.type == 0) {
        skip_real = c.real == 0.0 && !signbit(c.real);
        parens = !skip_real;
    }
    Writer w = {NULL, 0, 0};
    if (parens && writer_put(&w, "(", 1) < 0) {
        return NULL;
    }
    if (!skip_real) {
        PyObject *re = format_double(c.real, &part, obj, 0);
        if (re == NULL) {
            PyMem_Free(w.buf);
            return NULL;
        }
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(re, &n);
        int rc = s == NULL ? -1 : writer_put(&w, s, n);
        Py_DECREF(re);
        if (rc < 0) {
            PyMem_Free(w.buf);
            return NULL;
        }
        part.sign = '+';   /* the imaginary part always gets a sign after a real part */
    }
    PyObject *im = format_double(c.imag, &part, obj, 0);
    if (im == NULL) {
        PyMem_Free(w.buf);
        return NULL;
    }
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(im, &n);
    int rc = s == NULL ? -1 : writer_put(&w, s, n);
    Py_DECREF(im);
    if (rc < 0 || writer_put(&w, parens ? "j)" : "j", parens ? 2 : 1) < 0) {
        PyMem_Free(w.buf);
        return NULL;
    }
    /* pad the whole */
    FormatSpec outer = f;
    outer.thousands = 0;
    PyObject *res = format_number_parts(&outer, "", "", 0, w.buf, 3);
    PyMem_Free(w.buf);
    return res;
}

/* ---- str ---------------------------------------------------------------------------------- */

PyObject *
_PyUnicode_FormatSpec(PyObject *str, PyObject *spec)
{
    if (PyUnicode_GET_LENGTH(spec) == 0) {
        return PyObject_Str(str);
    }
    FormatSpec f;
    if (parse_spec(spec, str, '<', &f) < 0) {
        return NULL;
    }
    if (f.type != 0 && f.type != 's') {
        unknown_code(f.type, str);
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
    if (f.align == '=') {
        PyErr_SetString(PyExc_ValueError, "'=' alignment not allowed in string format specifier");
        return NULL;
    }
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(str, &len);
    if (s == NULL) {
        return NULL;
    }
    Py_ssize_t nchars = utf8_count(s, len);
    if (f.precision >= 0 && nchars > f.precision) {
        /* truncate to precision code points */
        Py_ssize_t count = 0, i = 0;
        for (; i < len; i++) {
            if (((unsigned char)s[i] & 0xc0) != 0x80) {
                if (count == f.precision) {
                    break;
                }
                count++;
            }
        }
        len = i;
        nchars = f.precision;
    }
    if (f.width <= nchars && len == PyUnicode_GET_LENGTH(str) && PyUnicode_CheckExact(str) &&
        f.precision < 0) {
        return Py_NewRef(str);
    }
    Py_ssize_t pad = f.width > nchars ? f.width - nchars : 0;
    Py_ssize_t left = f.align == '>' ? pad : (f.align == '^' ? pad / 2 : 0);
    Writer w = {NULL, 0, 0};
    if (writer_fill(&w, &f, left) < 0 || writer_put(&w, s, len) < 0 ||
        writer_fill(&w, &f, pad - left) < 0) {
        PyMem_Free(w.buf);
        return NULL;
    }
    return writer_finish(&w);
}

/* ---- old-style % helpers for the strings room ----------------------------------------------- */

PyObject *
_PyLong_FormatOld(PyObject *v, int flags, int prec, int c)
{
    int base = c == 'o' ? 8 : ((c == 'x' || c == 'X') ? 16 : 10);
    Py_ssize_t nd;
    char *digits = _PyLong_ToDigits(v, base, &nd);
    if (digits == NULL) {
        return NULL;
    }
    if (c == 'X') {
        for (Py_ssize_t i = 0; i < nd; i++) {
            if (digits[i] >= 'a' && digits[i] <= 'f') {
                digits[i] = (char)(digits[i] - 'a' + 'A');
            }
        }
    }
    Writer w = {NULL, 0, 0};
    const char *sign = _PyLong_Sign(v) < 0 ? "-"
                       : (flags & _PyFORMAT_F_SIGN) ? "+"
                       : (flags & _PyFORMAT_F_BLANK) ? " " : "";
    const char *prefix = "";
    if (flags & _PyFORMAT_F_ALT) {
        prefix = c == 'o' ? "0o" : (c == 'x' ? "0x" : (c == 'X' ? "0X" : ""));
    }
    int rc = writer_put(&w, sign, (Py_ssize_t)strlen(sign));
    if (rc == 0) {
        rc = writer_put(&w, prefix, (Py_ssize_t)strlen(prefix));
    }
    for (Py_ssize_t i = nd; rc == 0 && i < prec; i++) {
        rc = writer_put(&w, "0", 1);
    }
    if (rc == 0) {
        rc = writer_put(&w, digits, nd);
    }
    PyMem_Free(digits);
    if (rc < 0) {
        PyMem_Free(w.buf);
        return NULL;
    }
    return writer_finish(&w);
}

PyObject *
_PyFloat_FormatOld(double v, int flags, int prec, int c)
{
    int dflags = 0;
    if (flags & _PyFORMAT_F_ALT) {
        dflags |= Py_DTSF_ALT;
    }
    if (flags & _PyFORMAT_F_SIGN) {
        dflags |= Py_DTSF_SIGN;
    }
    if (prec < 0) {
        prec = 6;
    }
    if (c == 'r') {
        c = 'r';
        prec = 0;
    }
    char *s = PyOS_double_to_string(v, (char)c, prec, dflags, NULL);
    if (s == NULL) {
        return NULL;
    }
    PyObject *res;
    if ((flags & _PyFORMAT_F_BLANK) && !(flags & _PyFORMAT_F_SIGN) && s[0] != '-') {
        res = PyUnicode_FromFormat(" %s", s);
    }
    else {
        res = PyUnicode_FromString(s);
    }
    PyMem_Free(s);
    return res;
}
