/* The methods of str (everything in str.__dict__ except the slots): case mapping, searching,
 * splitting, stripping, padding, classification, translate and maketrans.  All of them only
 * read their receiver (str is immutable) and build new strings. */
#include "Python.h"
#include "pycore_unicodeobject.h"
#include "stringlib/unicode_internal.h"

/* ---- argument helpers ---------------------------------------------------------------------- */

int
_PyUnicode_EvalSliceIndex(PyObject *v, Py_ssize_t *pi)
{
    if (v == Py_None) {
        return 1;
    }
    if (!PyIndex_Check(v)) {
        PyErr_SetString(PyExc_TypeError,
                        "slice indices must be integers or None or have an __index__ method");
        return 0;
    }
    Py_ssize_t x = PyNumber_AsSsize_t(v, NULL);
    if (x == -1 && PyErr_Occurred()) {
        return 0;
    }
    *pi = x;
    return 1;
}

int
_PyUnicode_ParseStartEnd(PyObject *const *args, Py_ssize_t nargs, Py_ssize_t first,
                         const char *fname, Py_ssize_t *start, Py_ssize_t *end)
{
    *start = 0;
    *end = PY_SSIZE_T_MAX;
    if (nargs > first + 2) {
        PyErr_Format(PyExc_TypeError, "%s expected at most %zd arguments, got %zd", fname,
                     first + 2, nargs);
        return -1;
    }
    if (nargs > first && !_PyUnicode_EvalSliceIndex(args[first], start)) {
        return -1;
    }
    if (nargs > first + 1 && !_PyUnicode_EvalSliceIndex(args[first + 1], end)) {
        return -1;
    }
    return 0;
}

static int
check_nargs(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max)
{
    if (nargs < min) {
        if (min == max) {
            PyErr_Format(PyExc_TypeError, "%s() takes exactly %s (%zd given)", name,
                         min == 1 ? "one argument" : "2 arguments", nargs);
        }
        else {
            PyErr_Format(PyExc_TypeError, "%s expected at least %zd argument%s, got %zd", name,
                         min, min == 1 ? "" : "s", nargs);
        }
        return -1;
    }
    if (nargs > max) {
        PyErr_Format(PyExc_TypeError, "%s expected at most %zd argument%s, got %zd", name, max,
                     max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static int
require_str(PyObject *o, const char *what)
{
    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "%s must be str, not %.100s", what, Py_TYPE(o)->tp_name);
        return -1;
    }
    return 0;
}

/* An __index__-able argument as Py_ssize_t (OverflowError from int conversion). */
static Py_ssize_t
index_as_ssize(PyObject *o)
{
    PyObject *i = PyNumber_Index(o);
    if (i == NULL) {
        return -1;
    }
    Py_ssize_t v = PyLong_AsSsize_t(i);
    Py_DECREF(i);
    return v;
}

/* Return self if it is an exact str, else an exact copy.  New reference. */
static PyObject *
self_or_copy(PyObject *self)
{
    if (PyUnicode_CheckExact(self)) {
        return Py_NewRef(self);
    }
    return _PyUnicode_Copy(self);
}

/* ---- case mapping -------------------------------------------------------------------------- */

/* Is there a cased letter before position i, skipping case-ignorable ones (final sigma)? */
static int
final_sigma(int kind, const void *data, Py_ssize_t len, Py_ssize_t i)
{
    Py_ssize_t j;
    for (j = i - 1; j >= 0; j--) {
        Py_UCS4 c = PyUnicode_READ(kind, data, j);
        if (!_PyUnicode_IsCaseIgnorable(c)) {
            break;
        }
    }
    if (j < 0 || !_PyUnicode_IsCased(PyUnicode_READ(kind, data, j))) {
        return 0;
    }
    for (j = i + 1; j < len; j++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, j);
        if (!_PyUnicode_IsCaseIgnorable(c)) {
            break;
        }
    }
    return j == len || !_PyUnicode_IsCased(PyUnicode_READ(kind, data, j));
}

static int
lower_char(int kind, const void *data, Py_ssize_t len, Py_ssize_t i, Py_UCS4 c, Py_UCS4 *out)
{
    if (c == 0x3a3) {
        out[0] = final_sigma(kind, data, len, i) ? 0x3c2 : 0x3c3;
        return 1;
    }
    return _PyUnicode_ToLowerFull(c, out);
}

enum { CASE_LOWER, CASE_UPPER, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE, CASE_FOLD };

static PyObject *
case_map(PyObject *self, int how)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    if (PyUnicode_IS_ASCII(self)) {
        PyObject *res = PyUnicode_New(len, 127);
        if (res == NULL) {
            return NULL;
        }
        const Py_UCS1 *s = data;
        Py_UCS1 *d = PyUnicode_1BYTE_DATA(res);
        int prev_cased = 0;
        if (how == CASE_LOWER || how == CASE_FOLD || how == CASE_UPPER) {
            /* Eight ASCII bytes at a time: for bytes < 0x80, adding 0x80 - lo and
             * 0x80 - (hi + 1) sets bit 7 in exactly one of the sums iff lo <= c <= hi, and no
             * carry crosses a byte.  The case bit is 0x20. */
            const uint64_t ones = 0x0101010101010101ULL;
            uint64_t lo = how == CASE_UPPER ? 'a' : 'A';
            uint64_t add_lo = (0x80 - lo) * ones, add_hi = (0x80 - (lo + 26)) * ones;
            Py_ssize_t i = 0;
            for (; i + 8 <= len; i += 8) {
                uint64_t x;
                memcpy(&x, s + i, 8);
                uint64_t mask = (((x + add_lo) ^ (x + add_hi)) & (0x80 * ones)) >> 2;
                x ^= mask;
                memcpy(d + i, &x, 8);
            }
            for (; i < len; i++) {
                Py_UCS1 c = s[i];
                d[i] = (Py_UCS1)(((unsigned)(c - lo) < 26u) ? c ^ 0x20 : c);
            }
            return res;
        }
        for (Py_ssize_t i = 0; i < len; i++) {
            Py_UCS1 c = s[i];
            int up = c >= 'a' && c <= 'z', lo = c >= 'A' && c <= 'Z';
            Py_UCS1 upper = up ? c - 32 : c, lower = lo ? c + 32 : c;
            switch (how) {
            case CASE_LOWER: case CASE_FOLD: d[i] = lower; break;
            case CASE_UPPER: d[i] = upper; break;
            case CASE_SWAP: d[i] = up ? upper : lower; break;
            case CASE_CAPITALIZE: d[i] = i == 0 ? upper : lower; break;
            default:
                d[i] = prev_cased ? lower : upper;
                prev_cased = up || lo;
                break;
            }
        }
        return res;
    }
    Py_UCS4 *buf = PyMem_New(Py_UCS4, (size_t)len * 3 + 1);
    if (buf == NULL) {
        return PyErr_NoMemory();
    }
    Py_ssize_t o = 0;
    int prev_cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        Py_UCS4 m[3];
        int n;
        switch (how) {
        case CASE_LOWER:
            n = lower_char(kind, data, len, i, c, m);
            break;
        case CASE_UPPER:
            n = _PyUnicode_ToUpperFull(c, m);
            break;
        case CASE_FOLD:
            n = _PyUnicode_ToFoldedFull(c, m);
            break;
        case CASE_SWAP:
            if (_PyUnicode_IsUppercase(c)) {
                n = lower_char(kind, data, len, i, c, m);
            }
            else if (_PyUnicode_IsLowercase(c)) {
                n = _PyUnicode_ToUpperFull(c, m);
            }
            else {
                m[0] = c;
                n = 1;
            }
            break;
        case CASE_CAPITALIZE:
            n = i == 0 ? _PyUnicode_ToTitleFull(c, m) : lower_char(kind, data, len, i, c, m);
            break;
        default:
            n = prev_cased ? lower_char(kind, data, len, i, c, m) : _PyUnicode_ToTitleFull(c, m);
            prev_cased = _PyUnicode_IsCased(c);
            break;
        }
        for (int k = 0; k < n; k++) {
            buf[o++] = m[k];
        }
    }
    PyObject *res = _PyUnicode_FromUCS4Array(buf, o);
    PyMem_Free(buf);
    return res;
}

static PyObject *
str_lower(PyObject *s, PyObject *Py_UNUSED(a))
{
    return case_map(s, CASE_LOWER);
}

static PyObject *
str_upper(PyObject *s, PyObject *Py_UNUSED(a))
{
    return case_map(s, CASE_UPPER);
}

static PyObject *
str_swapcase(PyObject *s, PyObject *Py_UNUSED(a))
{
    return case_map(s, CASE_SWAP);
}

static PyObject *
str_title(PyObject *s, PyObject *Py_UNUSED(a))
{
    return case_map(s, CASE_TITLE);
}

static PyObject *
str_casefold(PyObject *s, PyObject *Py_UNUSED(a))
{
    return case_map(s, CASE_FOLD);
}

static PyObject *str_capitalize(PyObject *s, PyObject *Py_UNUSED(a))
{
    return case_map(s, CASE_CAPITALIZE);
}

/* ---- classification ------------------------------------------------------------------------ */

typedef int (*char_pred)(Py_UCS4);

static int
pred_space(Py_UCS4 c)
{
    return Py_UNICODE_ISSPACE(c);
}

static int
pred_alpha(Py_UCS4 c)
{
    return _PyUnicode_IsAlpha(c);
}

static int
pred_decimal(Py_UCS4 c)
{
    return _PyUnicode_IsDecimalDigit(c);
}

static int
pred_digit(Py_UCS4 c)
{
    return _PyUnicode_IsDigit(c);
}

static int
pred_numeric(Py_UCS4 c)
{
    return _PyUnicode_IsNumeric(c);
}

static int
pred_alnum(Py_UCS4 c)
{
    return Py_UNICODE_ISALNUM(c);
}

static int
pred_printable(Py_UCS4 c)
{
    return _PyUnicode_IsPrintable(c);
}

static PyObject *
all_chars(PyObject *self, char_pred pred, int empty_result)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (len == 0) {
        return PyBool_FromLong(empty_result);
    }
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    for (Py_ssize_t i = 0; i < len; i++) {
        if (!pred(PyUnicode_READ(kind, data, i))) {
            Py_RETURN_FALSE;
        }
    }
    Py_RETURN_TRUE;
}

static PyObject *
str_isspace(PyObject *s, PyObject *Py_UNUSED(a))
{
    return all_chars(s, pred_space, 0);
}

static PyObject *
str_isalpha(PyObject *s, PyObject *Py_UNUSED(a))
{
    return all_chars(s, pred_alpha, 0);
}

static PyObject *
str_isdecimal(PyObject *s, PyObject *Py_UNUSED(a))
{
    return all_chars(s, pred_decimal, 0);
}

static PyObject *
str_isdigit(PyObject *s, PyObject *Py_UNUSED(a))
{
    return all_chars(s, pred_digit, 0);
}

static PyObject *
str_isnumeric(PyObject *s, PyObject *Py_UNUSED(a))
{
    return all_chars(s, pred_numeric, 0);
}

static PyObject *
str_isalnum(PyObject *s, PyObject *Py_UNUSED(a))
{
    return all_chars(s, pred_alnum, 0);
}

static PyObject *str_isprintable(PyObject *s, PyObject *Py_UNUSED(a))
{
    return all_chars(s, pred_printable, 1);
}

static PyObject *
str_isascii(PyObject *self, PyObject *Py_UNUSED(a))
{
    return PyBool_FromLong(PyUnicode_IS_ASCII(self));
}

static PyObject *
str_islower(PyObject *self, PyObject *Py_UNUSED(a))
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    int cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (_PyUnicode_IsUppercase(c) || _PyUnicode_IsTitlecase(c)) {
            Py_RETURN_FALSE;
        }
        if (!cased && _PyUnicode_IsLowercase(c)) {
            cased = 1;
        }
    }
    return PyBool_FromLong(cased);
}

static PyObject *
str_isupper(PyObject *self, PyObject *Py_UNUSED(a))
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    int cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (_PyUnicode_IsLowercase(c) || _PyUnicode_IsTitlecase(c)) {
            Py_RETURN_FALSE;
        }
        if (!cased && _PyUnicode_IsUppercase(c)) {
            cased = 1;
        }
    }
    return PyBool_FromLong(cased);
}

static PyObject *
str_istitle(PyObject *self, PyObject *Py_UNUSED(a))
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    int cased = 0, previous_is_cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (_PyUnicode_IsUppercase(c) || _PyUnicode_IsTitlecase(c)) {
            if (previous_is_cased) {
                Py_RETURN_FALSE;
            }
            previous_is_cased = 1;
            cased = 1;
        }
        else if (_PyUnicode_IsLowercase(c)) {
            if (!previous_is_cased) {
                Py_RETURN_FALSE;
            }
            previous_is_cased = 1;
            cased = 1;
        }
        else {
            previous_is_cased = 0;
        }
    }
    return PyBool_FromLong(cased);
}

static PyObject *
str_isidentifier(PyObject *self, PyObject *Py_UNUSED(a))
{
    return PyBool_FromLong(PyUnicode_IsIdentifier(self));
}

/* ---- find family --------------------------------------------------------------------------- */

enum { FIND, RFIND, INDEX, RINDEX, COUNT };

static PyObject *
find_common(PyObject *self, PyObject *const *args, Py_ssize_t nargs, int which)
{
    static const char *names[] = {"find", "rfind", "index", "rindex", "count"};
    if (check_nargs(names[which], nargs, 1, 3) < 0) {
        return NULL;
    }
    PyObject *sub = args[0];
    if (!PyUnicode_Check(sub)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(sub)->tp_name);
        return NULL;
    }
    Py_ssize_t start, end;
    if (_PyUnicode_ParseStartEnd(args, nargs, 1, names[which], &start, &end) < 0) {
        return NULL;
    }
    if (which == COUNT) {
        return PyLong_FromSsize_t(_PyUnicode_CountSub(self, sub, start, end, -1));
    }
    Py_ssize_t r = _PyUnicode_FindSub(self, sub, start, end,
                                      (which == FIND || which == INDEX) ? 1 : -1);
    if (r < 0 && (which == INDEX || which == RINDEX)) {
        PyErr_SetString(PyExc_ValueError, "substring not found");
        return NULL;
    }
    return PyLong_FromSsize_t(r);
}

static PyObject *
str_find(PyObject *s, PyObject *const *a, Py_ssize_t n)
{
    return find_common(s, a, n, FIND);
}

static PyObject *
str_rfind(PyObject *s, PyObject *const *a, Py_ssize_t n)
{
    return find_common(s, a, n, RFIND);
}

static PyObject *
str_index(PyObject *s, PyObject *const *a, Py_ssize_t n)
{
    return find_common(s, a, n, INDEX);
}

static PyObject *
str_rindex(PyObject *s, PyObject *const *a, Py_ssize_t n)
{
    return find_common(s, a, n, RINDEX);
}

static PyObject *
str_count(PyObject *s, PyObject *const *a, Py_ssize_t n)
{
    return find_common(s, a, n, COUNT);
}

static PyObject *
tailmatch_common(PyObject *self, PyObject *const *args, Py_ssize_t nargs, int direction)
{
    const char *name = direction > 0 ? "endswith" : "startswith";
    if (check_nargs(name, nargs, 1, 3) < 0) {
        return NULL;
    }
    Py_ssize_t start, end;
    if (_PyUnicode_ParseStartEnd(args, nargs, 1, name, &start, &end) < 0) {
        return NULL;
    }
    PyObject *sub = args[0];
    if (PyTuple_Check(sub)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(sub); i++) {
            PyObject *item = PyTuple_GET_ITEM(sub, i);
            if (!PyUnicode_Check(item)) {
                PyErr_Format(PyExc_TypeError, "tuple for %s must only contain str, not %.100s",
                             name, Py_TYPE(item)->tp_name);
                return NULL;
            }
            Py_ssize_t r = PyUnicode_Tailmatch(self, item, start, end, direction);
            if (r < 0) {
                return NULL;
            }
            if (r) {
                Py_RETURN_TRUE;
            }
        }
        Py_RETURN_FALSE;
    }
    if (!PyUnicode_Check(sub)) {
        PyErr_Format(PyExc_TypeError, "%s first arg must be str or a tuple of str, not %.100s",
                     name, Py_TYPE(sub)->tp_name);
        return NULL;
    }
    Py_ssize_t r = PyUnicode_Tailmatch(self, sub, start, end, direction);
    if (r < 0) {
        return NULL;
    }
    return PyBool_FromLong((long)r);
}

static PyObject *
str_startswith(PyObject *s, PyObject *const *a, Py_ssize_t n)
{
    return tailmatch_common(s, a, n, -1);
}

static PyObject *
str_endswith(PyObject *s, PyObject *const *a, Py_ssize_t n)
{
    return tailmatch_common(s, a, n, 1);
}

/* ---- strip --------------------------------------------------------------------------------- */

enum { STRIP_BOTH, STRIP_LEFT, STRIP_RIGHT };

static PyObject *
strip_common(PyObject *self, PyObject *const *args, Py_ssize_t nargs, int how)
{
    static const char *names[] = {"strip", "lstrip", "rstrip"};
    if (check_nargs(names[how], nargs, 0, 1) < 0) {
        return NULL;
    }
    PyObject *chars = nargs ? args[0] : Py_None;
    if (chars != Py_None && !PyUnicode_Check(chars)) {
        PyErr_Format(PyExc_TypeError, "%s arg must be None or str", names[how]);
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    Py_ssize_t i = 0, j = len;
    if (chars == Py_None) {
        if (how != STRIP_RIGHT) {
            while (i < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
                i++;
            }
        }
        if (how != STRIP_LEFT) {
            while (j > i && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j - 1))) {
                j--;
            }
        }
    }
    else {
        Py_ssize_t clen = PyUnicode_GET_LENGTH(chars);
        int ckind = PyUnicode_KIND(chars);
        const void *cdata = PyUnicode_DATA(chars);
#define IN_CHARS(ch, result)                                                                  \
    do {                                                                                      \
        result = 0;                                                                           \
        for (Py_ssize_t k_ = 0; k_ < clen; k_++) {                                           \
            if (PyUnicode_READ(ckind, cdata, k_) == (ch)) {                                   \
                result = 1;                                                                   \
                break;                                                                        \
            }                                                                                 \
        }                                                                                     \
    } while (0)
        int in;
        if (how != STRIP_RIGHT) {
            while (i < len) {
                IN_CHARS(PyUnicode_READ(kind, data, i), in);
                if (!in) {
                    break;
                }
                i++;
            }
        }
        if (how != STRIP_LEFT) {
            while (j > i) {
                IN_CHARS(PyUnicode_READ(kind, data, j - 1), in);
                if (!in) {
                    break;
                }
                j--;
            }
        }
#undef IN_CHARS
    }
    if (i == 0 && j == len) {
        return self_or_copy(self);
    }
    return PyUnicode_Substring(self, i, j);
}

static PyObject *
str_strip(PyObject *s, PyObject *const *a, Py_ssize_t n)
{
    return strip_common(s, a, n, STRIP_BOTH);
}

static PyObject *
str_lstrip(PyObject *s, PyObject *const *a, Py_ssize_t n)
{
    return strip_common(s, a, n, STRIP_LEFT);
}

static PyObject *
str_rstrip(PyObject *s, PyObject *const *a, Py_ssize_t n)
{
    return strip_common(s, a, n, STRIP_RIGHT);
}

/* ---- split --------------------------------------------------------------------------------- */

static int
append_sub(PyObject *list, PyObject *self, Py_ssize_t i, Py_ssize_t j)
{
    PyObject *piece = PyUnicode_Substring(self, i, j);
    if (piece == NULL) {
        return -1;
    }
    int r = PyList_Append(list, piece);
    Py_DECREF(piece);
    return r;
}

static PyObject *
split_impl(PyObject *self, PyObject *sep, Py_ssize_t maxsplit, int right)
{
    if (maxsplit < 0) {
        maxsplit = PY_SSIZE_T_MAX;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    if (sep == NULL || sep == Py_None) {
        Py_ssize_t count = 0;
        if (!right) {
            Py_ssize_t i = 0;
            while (i < len) {
                while (i < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i))) {
                    i++;
                }
                if (i == len) {
                    break;
                }
                Py_ssize_t j = i;
                if (count == maxsplit) {
                    j = len;
                }
                else {
                    while (j < len && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j))) {
                        j++;
                    }
                }
                if (i == 0 && j == len && PyUnicode_CheckExact(self)) {
                    if (PyList_Append(list, self) < 0) {
                        goto error;
                    }
                }
                else if (append_sub(list, self, i, j) < 0) {
                    goto error;
                }
                count++;
                i = j;
                if (count > maxsplit) {
                    break;
                }
            }
        }
        else {
            Py_ssize_t j = len;
            while (j > 0) {
                while (j > 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j - 1))) {
                    j--;
                }
                if (j == 0) {
                    break;
                }
                Py_ssize_t i = j;
                if (count == maxsplit) {
                    i = 0;
                }
                else {
                    while (i > 0 && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i - 1))) {
                        i--;
                    }
                }
                if (append_sub(list, self, i, j) < 0) {
                    goto error;
                }
                count++;
                j = i;
                if (count > maxsplit) {
                    break;
                }
            }
            if (PyList_Reverse(list) < 0) {
                goto error;
            }
        }
        return list;
    }
    if (!PyUnicode_Check(sep)) {
        PyErr_Format(PyExc_TypeError, "must be str or None, not %.100s", Py_TYPE(sep)->tp_name);
        goto error;
    }
    Py_ssize_t m = PyUnicode_GET_LENGTH(sep);
    if (m == 0) {
        PyErr_SetString(PyExc_ValueError, "empty separator");
        goto error;
    }
    Py_ssize_t count = 0;
    if (!right) {
        Py_ssize_t i = 0;
        while (count < maxsplit) {
            Py_ssize_t k = _PyUnicode_FindSub(self, sep, i, len, 1);
            if (k < 0) {
                break;
            }
            if (append_sub(list, self, i, k) < 0) {
                goto error;
            }
            i = k + m;
            count++;
        }
        if (i == 0 && PyUnicode_CheckExact(self)) {
            if (PyList_Append(list, self) < 0) {
                goto error;
            }
        }
        else if (append_sub(list, self, i, len) < 0) {
            goto error;
        }
    }
    else {
        Py_ssize_t j = len;
        while (count < maxsplit) {
            Py_ssize_t k = _PyUnicode_FindSub(self, sep, 0, j, -1);
            if (k < 0) {
                break;
            }
            if (append_sub(list, self, k + m, j) < 0) {
                goto error;
            }
            j = k;
            count++;
        }
        if (append_sub(list, self, 0, j) < 0 || PyList_Reverse(list) < 0) {
            goto error;
        }
    }
    return list;
error:
    Py_DECREF(list);
    return NULL;
}

PyObject *
PyUnicode_Split(PyObject *s, PyObject *sep, Py_ssize_t maxsplit)
{
    if (!PyUnicode_Check(s)) {
        PyErr_BadArgument();
        return NULL;
    }
    return split_impl(s, sep, maxsplit, 0);
}

PyObject *
PyUnicode_RSplit(PyObject *s, PyObject *sep, Py_ssize_t maxsplit)
{
    if (!PyUnicode_Check(s)) {
        PyErr_BadArgument();
        return NULL;
    }
    return split_impl(s, sep, maxsplit, 1);
}

static PyObject *
split_method(PyObject *self, PyObject *args, PyObject *kwds, int right)
{
    static char *kwlist[] = {"sep", "maxsplit", NULL};
    PyObject *sep = Py_None;
    Py_ssize_t maxsplit = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, right ? "|On:rsplit" : "|On:split", kwlist,
                                     &sep, &maxsplit)) {
        return NULL;
    }
    return split_impl(self, sep, maxsplit, right);
}

static PyObject *
str_split(PyObject *s, PyObject *a, PyObject *k)
{
    return split_method(s, a, k, 0);
}

static PyObject *
str_rsplit(PyObject *s, PyObject *a, PyObject *k)
{
    return split_method(s, a, k, 1);
}

static int
is_line_break(Py_UCS4 c)
{
    if (c < 128) {
        return c == '\n' || c == '\r' || c == '\v' || c == '\f' || (c >= 0x1c && c <= 0x1e);
    }
    return c == 0x85 || c == 0x2028 || c == 0x2029;
}

PyObject *
PyUnicode_Splitlines(PyObject *self, int keepends)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    Py_ssize_t i = 0;
    while (i < len) {
        Py_ssize_t j = i;
        while (j < len && !is_line_break(PyUnicode_READ(kind, data, j))) {
            j++;
        }
        Py_ssize_t eol = j;
        if (j < len) {
            if (PyUnicode_READ(kind, data, j) == '\r' && j + 1 < len &&
                PyUnicode_READ(kind, data, j + 1) == '\n') {
                j += 2;
            }
            else {
                j++;
            }
            if (keepends) {
                eol = j;
            }
        }
        if (i == 0 && eol == len && PyUnicode_CheckExact(self)) {
            if (PyList_Append(list, self) < 0) {
                Py_DECREF(list);
                return NULL;
            }
        }
        else if (append_sub(list, self, i, eol) < 0) {
            Py_DECREF(list);
            return NULL;
        }
        i = j;
    }
    return list;
}

static PyObject *
str_splitlines(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"keepends", NULL};
    int keepends = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|p:splitlines", kwlist, &keepends)) {
        return NULL;
    }
    return PyUnicode_Splitlines(self, keepends);
}

static PyObject *
partition_impl(PyObject *self, PyObject *sep, int right)
{
    if (!PyUnicode_Check(sep)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(sep)->tp_name);
        return NULL;
    }
    Py_ssize_t m = PyUnicode_GET_LENGTH(sep);
    if (m == 0) {
        PyErr_SetString(PyExc_ValueError, "empty separator");
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    Py_ssize_t k = _PyUnicode_FindSub(self, sep, 0, len, right ? -1 : 1);
    PyObject *empty = _PyUnicode_GetEmpty();
    if (k < 0) {
        PyObject *whole = self_or_copy(self);
        if (whole == NULL) {
            return NULL;
        }
        PyObject *res = right ? PyTuple_Pack(3, empty, empty, whole)
                              : PyTuple_Pack(3, whole, empty, empty);
        Py_DECREF(whole);
        return res;
    }
    PyObject *a = PyUnicode_Substring(self, 0, k);
    PyObject *c = PyUnicode_Substring(self, k + m, len);
    PyObject *b = PyUnicode_CheckExact(sep) ? Py_NewRef(sep) : _PyUnicode_Copy(sep);
    PyObject *res = NULL;
    if (a && b && c) {
        res = PyTuple_Pack(3, a, b, c);
    }
    Py_XDECREF(a);
    Py_XDECREF(b);
    Py_XDECREF(c);
    return res;
}

PyObject *
PyUnicode_Partition(PyObject *s, PyObject *sep)
{
    return partition_impl(s, sep, 0);
}

PyObject *
PyUnicode_RPartition(PyObject *s, PyObject *sep)
{
    return partition_impl(s, sep, 1);
}

static PyObject *
str_partition(PyObject *s, PyObject *sep)
{
    return partition_impl(s, sep, 0);
}

static PyObject *
str_rpartition(PyObject *s, PyObject *sep)
{
    return partition_impl(s, sep, 1);
}

/* ---- join, replace ------------------------------------------------------------------------- */

static PyObject *
str_join(PyObject *self, PyObject *iterable)
{
    return PyUnicode_Join(self, iterable);
}

PyObject *
PyUnicode_Replace(PyObject *self, PyObject *old, PyObject *new, Py_ssize_t maxcount)
{
    if (!PyUnicode_Check(self) || !PyUnicode_Check(old) || !PyUnicode_Check(new)) {
        PyErr_BadArgument();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    Py_ssize_t m = PyUnicode_GET_LENGTH(old);
    if (maxcount < 0) {
        maxcount = PY_SSIZE_T_MAX;
    }
    if (maxcount == 0 || (m > len)) {
        return self_or_copy(self);
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(new);
    int kind = PyUnicode_KIND(self);
    if (m == 1 && n == 1 && PyUnicode_KIND(old) <= kind) {
        /* One character for another: copy, then substitute in place. */
        Py_UCS4 from = PyUnicode_READ_CHAR(old, 0), to = PyUnicode_READ_CHAR(new, 0);
        Py_ssize_t first = PyUnicode_FindChar(self, from, 0, len, 1);
        if (first < 0) {
            return self_or_copy(self);
        }
        Py_UCS4 maxchar = Py_MAX(PyUnicode_MAX_CHAR_VALUE(self), to);
        PyObject *res = PyUnicode_New(len, maxchar);
        if (res == NULL) {
            return NULL;
        }
        int rkind = PyUnicode_KIND(res);
        void *out = PyUnicode_DATA(res);
        const void *src = PyUnicode_DATA(self);
        if (rkind == kind) {
            memcpy(out, src, (size_t)len * (size_t)kind);
        }
        else {
            for (Py_ssize_t i = 0; i < len; i++) {
                PyUnicode_WRITE(rkind, out, i, PyUnicode_READ(kind, src, i));
            }
        }
        Py_ssize_t done = 0;
        if (rkind == PyUnicode_1BYTE_KIND) {
            Py_UCS1 *d = out;
            for (Py_ssize_t i = first; i < len && done < maxcount; i++) {
                if (d[i] == from) {
                    d[i] = (Py_UCS1)to;
                    done++;
                }
            }
        }
        else {
            for (Py_ssize_t i = first; i < len && done < maxcount; i++) {
                if (PyUnicode_READ(rkind, out, i) == from) {
                    PyUnicode_WRITE(rkind, out, i, to);
                    done++;
                }
            }
        }
        return _PyUnicode_Result(res);
    }
    if (m > 0 && PyUnicode_KIND(old) <= kind && PyUnicode_KIND(new) <= kind) {
        /* Fast paths: the result has the receiver's kind (it may be wider than needed
         * after removals, so it is narrowed at the end). */
        Py_ssize_t count = _PyUnicode_CountSub(self, old, 0, len, maxcount);
        if (count == 0) {
            return self_or_copy(self);
        }
        if (n > m && count > (PY_SSIZE_T_MAX - len) / (n - m)) {
            PyErr_SetString(PyExc_OverflowError, "replace string is too long");
            return NULL;
        }
        Py_ssize_t newlen = len + count * (n - m);
        PyObject *res = PyUnicode_New(newlen, PyUnicode_MAX_CHAR_VALUE(self));
        if (res == NULL) {
            return NULL;
        }
        if (newlen == 0) {
            return res;
        }
        char *out = PyUnicode_DATA(res);
        const char *src = PyUnicode_DATA(self);
        /* new in the receiver's kind */
        char small[64];
        char *newdata = small;
        if ((size_t)n * (size_t)kind > sizeof(small)) {
            newdata = PyMem_Malloc((size_t)n * (size_t)kind);
            if (newdata == NULL) {
                Py_DECREF(res);
                return PyErr_NoMemory();
            }
        }
        for (Py_ssize_t k = 0; k < n; k++) {
            PyUnicode_WRITE(kind, newdata, k, PyUnicode_READ_CHAR(new, k));
        }
        Py_ssize_t i = 0, o = 0;
        for (Py_ssize_t c = 0; c < count; c++) {
            Py_ssize_t k = _PyUnicode_FindSub(self, old, i, len, 1);
            memcpy(out + o * kind, src + i * kind, (size_t)(k - i) * (size_t)kind);
            o += k - i;
            memcpy(out + o * kind, newdata, (size_t)n * (size_t)kind);
            o += n;
            i = k + m;
        }
        memcpy(out + o * kind, src + i * kind, (size_t)(len - i) * (size_t)kind);
        if (newdata != small) {
            PyMem_Free(newdata);
        }
        return _PyUnicode_Result(res);
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = len;
    Py_ssize_t done = 0;
    if (m == 0) {
        for (Py_ssize_t i = 0; i <= len; i++) {
            if (done < maxcount) {
                if (_PyUnicodeWriter_WriteStr(&w, new) < 0) {
                    goto error;
                }
                done++;
            }
            if (i < len && _PyUnicodeWriter_WriteSubstring(&w, self, i, i + 1) < 0) {
                goto error;
            }
        }
        return _PyUnicodeWriter_Finish(&w);
    }
    Py_ssize_t i = 0;
    while (done < maxcount) {
        Py_ssize_t k = _PyUnicode_FindSub(self, old, i, len, 1);
        if (k < 0) {
            break;
        }
        if (_PyUnicodeWriter_WriteSubstring(&w, self, i, k) < 0 ||
            _PyUnicodeWriter_WriteStr(&w, new) < 0) {
            goto error;
        }
        i = k + m;
        done++;
    }
    if (done == 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return self_or_copy(self);
    }
    if (_PyUnicodeWriter_WriteSubstring(&w, self, i, len) < 0) {
        goto error;
    }
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *
str_replace(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "", "count", NULL};
    PyObject *old, *new;
    Py_ssize_t count = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "UU|n:replace", kwlist, &old, &new, &count)) {
        return NULL;
    }
    return PyUnicode_Replace(self, old, new, count);
}

static PyObject *
removeaffix(PyObject *self, PyObject *affix, int suffix)
{
    if (require_str(affix, suffix ? "removesuffix() argument" : "removeprefix() argument") < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "%s() argument must be str, not %.100s",
                     suffix ? "removesuffix" : "removeprefix", Py_TYPE(affix)->tp_name);
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), m = PyUnicode_GET_LENGTH(affix);
    if (m > 0 && PyUnicode_Tailmatch(self, affix, 0, len, suffix ? 1 : -1) == 1) {
        return suffix ? PyUnicode_Substring(self, 0, len - m) : PyUnicode_Substring(self, m, len);
    }
    return self_or_copy(self);
}

static PyObject *
str_removeprefix(PyObject *s, PyObject *a)
{
    return removeaffix(s, a, 0);
}

static PyObject *
str_removesuffix(PyObject *s, PyObject *a)
{
    return removeaffix(s, a, 1);
}

/* ---- padding ------------------------------------------------------------------------------- */

static PyObject *
pad(PyObject *self, Py_ssize_t left, Py_ssize_t right, Py_UCS4 fill)
{
    if (left < 0) {
        left = 0;
    }
    if (right < 0) {
        right = 0;
    }
    if (left == 0 && right == 0) {
        return self_or_copy(self);
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (left > PY_SSIZE_T_MAX - len - right) {
        PyErr_SetString(PyExc_OverflowError, "padded string is too long");
        return NULL;
    }
    Py_UCS4 maxchar = Py_MAX(PyUnicode_MAX_CHAR_VALUE(self), fill);
    PyObject *res = PyUnicode_New(left + len + right, maxchar);
    if (res == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(res);
    void *data = PyUnicode_DATA(res);
    for (Py_ssize_t i = 0; i < left; i++) {
        PyUnicode_WRITE(kind, data, i, fill);
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        PyUnicode_WRITE(kind, data, left + i, PyUnicode_READ_CHAR(self, i));
    }
    for (Py_ssize_t i = 0; i < right; i++) {
        PyUnicode_WRITE(kind, data, left + len + i, fill);
    }
    return _PyUnicode_Result(res);
}

static PyObject *
justify(PyObject *self, PyObject *const *args, Py_ssize_t nargs, int how)
{
    static const char *names[] = {"ljust", "rjust", "center"};
    if (check_nargs(names[how], nargs, 1, 2) < 0) {
        return NULL;
    }
    if (!PyIndex_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    Py_ssize_t width = index_as_ssize(args[0]);
    if (width == -1 && PyErr_Occurred()) {
        return NULL;
    }
    Py_UCS4 fill = ' ';
    if (nargs > 1) {
        if (!PyUnicode_Check(args[1])) {
            PyErr_Format(PyExc_TypeError,
                         "The fill character must be a unicode character, not %.100s",
                         Py_TYPE(args[1])->tp_name);
            return NULL;
        }
        if (PyUnicode_GET_LENGTH(args[1]) != 1) {
            PyErr_SetString(PyExc_TypeError,
                            "The fill character must be exactly one character long");
            return NULL;
        }
        fill = PyUnicode_READ_CHAR(args[1], 0);
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (width <= len) {
        return self_or_copy(self);
    }
    Py_ssize_t marg = width - len;
    if (how == 0) {
        return pad(self, 0, marg, fill);
    }
    if (how == 1) {
        return pad(self, marg, 0, fill);
    }
    Py_ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static PyObject *
str_ljust(PyObject *s, PyObject *const *a, Py_ssize_t n)
{
    return justify(s, a, n, 0);
}

static PyObject *
str_rjust(PyObject *s, PyObject *const *a, Py_ssize_t n)
{
    return justify(s, a, n, 1);
}

static PyObject *
str_center(PyObject *s, PyObject *const *a, Py_ssize_t n)
{
    return justify(s, a, n, 2);
}

static PyObject *
str_zfill(PyObject *self, PyObject *arg)
{
    if (!PyIndex_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_ssize_t width = index_as_ssize(arg);
    if (width == -1 && PyErr_Occurred()) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (width <= len) {
        return self_or_copy(self);
    }
    Py_ssize_t fill = width - len;
    PyObject *res = pad(self, fill, 0, '0');
    if (res == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(res);
    void *data = PyUnicode_DATA(res);
    Py_UCS4 c = PyUnicode_READ(kind, data, fill);
    if (c == '+' || c == '-') {
        PyUnicode_WRITE(kind, data, 0, c);
        PyUnicode_WRITE(kind, data, fill, '0');
    }
    return res;
}

static PyObject *
str_expandtabs(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"tabsize", NULL};
    int tabsize = 8;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|i:expandtabs", kwlist, &tabsize)) {
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    if (PyUnicode_FindChar(self, '\t', 0, len, 1) < 0) {
        return self_or_copy(self);
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    Py_ssize_t col = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '\t') {
            if (tabsize > 0) {
                Py_ssize_t n = tabsize - (col % tabsize);
                col += n;
                while (n-- > 0) {
                    if (_PyUnicodeWriter_WriteChar(&w, ' ') < 0) {
                        goto error;
                    }
                }
            }
            continue;
        }
        col++;
        if (c == '\n' || c == '\r') {
            col = 0;
        }
        if (_PyUnicodeWriter_WriteChar(&w, c) < 0) {
            goto error;
        }
    }
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

/* ---- translate / maketrans ----------------------------------------------------------------- */

PyObject *
PyUnicode_Translate(PyObject *self, PyObject *table, const char *errors)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = len;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        PyObject *key = PyLong_FromLong((long)c);
        if (key == NULL) {
            goto error;
        }
        PyObject *v = PyObject_GetItem(table, key);
        Py_DECREF(key);
        if (v == NULL) {
            if (PyErr_ExceptionMatches(PyExc_LookupError)) {
                PyErr_Clear();
                if (_PyUnicodeWriter_WriteChar(&w, c) < 0) {
                    goto error;
                }
                continue;
            }
            goto error;
        }
        int r = 0;
        if (v == Py_None) {
            r = 0;
        }
        else if (PyLong_Check(v)) {
            long x = PyLong_AsLong(v);
            if (x == -1 && PyErr_Occurred()) {
                Py_DECREF(v);
                goto error;
            }
            if (x < 0 || x > 0x10ffff) {
                PyErr_SetString(PyExc_ValueError, "character mapping must be in range(0x110000)");
                Py_DECREF(v);
                goto error;
            }
            r = _PyUnicodeWriter_WriteChar(&w, (Py_UCS4)x);
        }
        else if (PyUnicode_Check(v)) {
            r = _PyUnicodeWriter_WriteStr(&w, v);
        }
        else {
            PyErr_SetString(PyExc_TypeError, "character mapping must return integer, None or str");
            Py_DECREF(v);
            goto error;
        }
        Py_DECREF(v);
        if (r < 0) {
            goto error;
        }
    }
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *
str_translate(PyObject *self, PyObject *table)
{
    return PyUnicode_Translate(self, table, NULL);
}

static PyObject *
str_maketrans(PyObject *Py_UNUSED(null), PyObject *args)
{
    PyObject *x, *y = NULL, *z = NULL;
    if (!PyArg_ParseTuple(args, "O|UU:maketrans", &x, &y, &z)) {
        return NULL;
    }
    PyObject *res = PyDict_New();
    if (res == NULL) {
        return NULL;
    }
    if (y != NULL) {
        if (!PyUnicode_Check(x)) {
            PyErr_SetString(PyExc_TypeError, "first two maketrans arguments must have equal "
                            "length");
            goto error;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(x);
        if (n != PyUnicode_GET_LENGTH(y)) {
            PyErr_SetString(PyExc_ValueError, "the first two maketrans arguments must have equal "
                            "length");
            goto error;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *k = PyLong_FromLong((long)PyUnicode_READ_CHAR(x, i));
            PyObject *v = PyLong_FromLong((long)PyUnicode_READ_CHAR(y, i));
            int r = (k && v) ? PyDict_SetItem(res, k, v) : -1;
            Py_XDECREF(k);
            Py_XDECREF(v);
            if (r < 0) {
                goto error;
            }
        }
        if (z != NULL) {
            for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(z); i++) {
                PyObject *k = PyLong_FromLong((long)PyUnicode_READ_CHAR(z, i));
                int r = k ? PyDict_SetItem(res, k, Py_None) : -1;
                Py_XDECREF(k);
                if (r < 0) {
                    goto error;
                }
            }
        }
        return res;
    }
    if (!PyDict_Check(x)) {
        PyErr_SetString(PyExc_TypeError, "if you give only one argument to maketrans it must "
                        "be a dict");
        goto error;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(x, &pos, &key, &value)) {
        if (PyUnicode_Check(key)) {
            if (PyUnicode_GET_LENGTH(key) != 1) {
                PyErr_SetString(PyExc_ValueError, "string keys in translate table must be of "
                                "length 1");
                goto error;
            }
            PyObject *k = PyLong_FromLong((long)PyUnicode_READ_CHAR(key, 0));
            int r = k ? PyDict_SetItem(res, k, value) : -1;
            Py_XDECREF(k);
            if (r < 0) {
                goto error;
            }
        }
        else if (PyLong_Check(key)) {
            if (PyDict_SetItem(res, key, value) < 0) {
                goto error;
            }
        }
        else {
            PyErr_SetString(PyExc_TypeError, "keys in translate table must be strings or "
                            "integers");
            goto error;
        }
    }
    return res;
error:
    Py_DECREF(res);
    return NULL;
}

/* ---- misc ---------------------------------------------------------------------------------- */

static PyObject *
str_sizeof(PyObject *self, PyObject *Py_UNUSED(a))
{
    Py_ssize_t size;
    if (PyUnicode_IS_COMPACT_ASCII(self)) {
        size = (Py_ssize_t)sizeof(PyASCIIObject) + PyUnicode_GET_LENGTH(self) + 1;
    }
    else if (PyUnicode_IS_COMPACT(self)) {
        size = (Py_ssize_t)sizeof(PyCompactUnicodeObject) +
               (PyUnicode_GET_LENGTH(self) + 1) * PyUnicode_KIND(self);
    }
    else {
        size = (Py_ssize_t)sizeof(PyUnicodeObject) +
               (PyUnicode_GET_LENGTH(self) + 1) * PyUnicode_KIND(self);
    }
    if (!PyUnicode_IS_ASCII(self) && _PyCompactUnicodeObject_CAST(self)->utf8 != NULL) {
        size += _PyCompactUnicodeObject_CAST(self)->utf8_length + 1;
    }
    return PyLong_FromSsize_t(size);
}

static PyObject *
str_getnewargs(PyObject *self, PyObject *Py_UNUSED(a))
{
    PyObject *copy = _PyUnicode_Copy(self);
    if (copy == NULL) {
        return NULL;
    }
    PyObject *res = PyTuple_Pack(1, copy);
    Py_DECREF(copy);
    return res;
}

PyMethodDef _PyUnicode_Methods[] = {
    {"encode", _PyCFunction_CAST(_PyUnicode_EncodeMethod), METH_VARARGS | METH_KEYWORDS,
     "Encode the string using the codec registered for encoding."},
    {"replace", _PyCFunction_CAST(str_replace), METH_VARARGS | METH_KEYWORDS,
     "Return a copy with all occurrences of substring old replaced by new."},
    {"split", _PyCFunction_CAST(str_split), METH_VARARGS | METH_KEYWORDS,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", _PyCFunction_CAST(str_rsplit), METH_VARARGS | METH_KEYWORDS,
     "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", str_join, METH_O, "Concatenate any number of strings."},
    {"capitalize", str_capitalize, METH_NOARGS, "Return a capitalized version of the string."},
    {"casefold", str_casefold, METH_NOARGS, "Return a version of the string suitable for "
     "caseless comparisons."},
    {"title", str_title, METH_NOARGS, "Return a version of the string where each word is "
     "titlecased."},
    {"center", _PyCFunction_CAST(str_center), METH_FASTCALL, "Return a centered string of "
     "length width."},
    {"count", _PyCFunction_CAST(str_count), METH_FASTCALL, "Return the number of "
     "non-overlapping occurrences of substring sub in string S[start:end]."},
    {"expandtabs", _PyCFunction_CAST(str_expandtabs), METH_VARARGS | METH_KEYWORDS,
     "Return a copy where all tab characters are expanded using spaces."},
    {"find", _PyCFunction_CAST(str_find), METH_FASTCALL, "Return the lowest index in S where "
     "substring sub is found, such that sub is contained within S[start:end]."},
    {"partition", str_partition, METH_O, "Partition the string into three parts using the "
     "given separator."},
    {"index", _PyCFunction_CAST(str_index), METH_FASTCALL, "Return the lowest index in S where "
     "substring sub is found, such that sub is contained within S[start:end]."},
    {"ljust", _PyCFunction_CAST(str_ljust), METH_FASTCALL, "Return a left-justified string of "
     "length width."},
    {"lower", str_lower, METH_NOARGS, "Return a copy of the string converted to lowercase."},
    {"lstrip", _PyCFunction_CAST(str_lstrip), METH_FASTCALL, "Return a copy of the string with "
     "leading whitespace removed."},
    {"rfind", _PyCFunction_CAST(str_rfind), METH_FASTCALL, "Return the highest index in S where "
     "substring sub is found, such that sub is contained within S[start:end]."},
    {"rindex", _PyCFunction_CAST(str_rindex), METH_FASTCALL, "Return the highest index in S "
     "where substring sub is found, such that sub is contained within S[start:end]."},
    {"rjust", _PyCFunction_CAST(str_rjust), METH_FASTCALL, "Return a right-justified string of "
     "length width."},
    {"rstrip", _PyCFunction_CAST(str_rstrip), METH_FASTCALL, "Return a copy of the string with "
     "trailing whitespace removed."},
    {"rpartition", str_rpartition, METH_O, "Partition the string into three parts using the "
     "given separator."},
    {"splitlines", _PyCFunction_CAST(str_splitlines), METH_VARARGS | METH_KEYWORDS,
     "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", _PyCFunction_CAST(str_strip), METH_FASTCALL, "Return a copy of the string with "
     "leading and trailing whitespace removed."},
    {"swapcase", str_swapcase, METH_NOARGS, "Convert uppercase characters to lowercase and "
     "lowercase characters to uppercase."},
    {"translate", str_translate, METH_O, "Replace each character in the string using the given "
     "translation table."},
    {"upper", str_upper, METH_NOARGS, "Return a copy of the string converted to uppercase."},
    {"startswith", _PyCFunction_CAST(str_startswith), METH_FASTCALL, "Return True if the "
     "string starts with the specified prefix, False otherwise."},
    {"endswith", _PyCFunction_CAST(str_endswith), METH_FASTCALL, "Return True if the string "
     "ends with the specified suffix, False otherwise."},
    {"removeprefix", str_removeprefix, METH_O, "Return a str with the given prefix string "
     "removed if present."},
    {"removesuffix", str_removesuffix, METH_O, "Return a str with the given suffix string "
     "removed if present."},
    {"isascii", str_isascii, METH_NOARGS, "Return True if all characters in the string are "
     "ASCII, False otherwise."},
    {"islower", str_islower, METH_NOARGS, "Return True if the string is a lowercase string, "
     "False otherwise."},
    {"isupper", str_isupper, METH_NOARGS, "Return True if the string is an uppercase string, "
     "False otherwise."},
    {"istitle", str_istitle, METH_NOARGS, "Return True if the string is a title-cased string, "
     "False otherwise."},
    {"isspace", str_isspace, METH_NOARGS, "Return True if the string is a whitespace string, "
     "False otherwise."},
    {"isdecimal", str_isdecimal, METH_NOARGS, "Return True if the string is a decimal string, "
     "False otherwise."},
    {"isdigit", str_isdigit, METH_NOARGS, "Return True if the string is a digit string, False "
     "otherwise."},
    {"isnumeric", str_isnumeric, METH_NOARGS, "Return True if the string is a numeric string, "
     "False otherwise."},
    {"isalpha", str_isalpha, METH_NOARGS, "Return True if the string is an alphabetic string, "
     "False otherwise."},
    {"isalnum", str_isalnum, METH_NOARGS, "Return True if the string is an alpha-numeric "
     "string, False otherwise."},
    {"isidentifier", str_isidentifier, METH_NOARGS, "Return True if the string is a valid "
     "Python identifier, False otherwise."},
    {"isprintable", str_isprintable, METH_NOARGS, "Return True if all characters in the string "
     "are printable, False otherwise."},
    {"zfill", str_zfill, METH_O, "Pad a numeric string with zeros on the left, to fill a field "
     "of the given width."},
    {"format", _PyCFunction_CAST(_PyUnicode_FormatMethod), METH_VARARGS | METH_KEYWORDS,
     "Return a formatted version of the string, using substitutions from args and kwargs."},
    {"format_map", _PyUnicode_FormatMapMethod, METH_O, "Return a formatted version of the "
     "string, using substitutions from mapping."},
    {"__format__", _PyUnicode_DunderFormat, METH_O, "Return a formatted version of the string "
     "as described by format_spec."},
    {"maketrans", str_maketrans, METH_VARARGS | METH_STATIC, "Return a translation table "
     "usable for str.translate()."},
    {"__sizeof__", str_sizeof, METH_NOARGS, "Return the size of the string in memory, in "
     "bytes."},
    {"__getnewargs__", str_getnewargs, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
