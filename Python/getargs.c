/* Argument parsing for C functions: PyArg_ParseTuple(AndKeywords) with format strings, and the
 * vector-call helpers (_PyArg_CheckPositional, _PyArg_UnpackKeywords, ...) described in
 * Include/internal/pycore_modsupport.h.  Error messages follow CPython 3.13. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_pyerrors.h"
#include "pycore_modsupport.h"
#include "pycore_call.h"

/* This file defines both the public functions and the core variants that
 * Include/cpython/modsupport.h maps the public names to for the interpreter itself. */
#undef PyArg_ParseTupleAndKeywords
#undef PyArg_VaParseTupleAndKeywords

#define MAX_CLEANUPS 32

#define CLEANUP_BUFFER 1      /* ptr is a Py_buffer to release */
#define CLEANUP_CONVERTER 2   /* ptr is the address passed to an O& converter */
#define CLEANUP_MEMORY 3      /* ptr is a char ** holding a PyMem_Malloc'ed block (es/et) */

/* Resources acquired during a parse that must be released if a later argument fails. */
typedef struct {
    int n;
    struct {
        void *ptr;
        int kind; /* CLEANUP_* */
        int (*converter)(PyObject *, void *);
    } items[MAX_CLEANUPS];
} cleanup_list;

static int
add_cleanup(cleanup_list *cl, void *ptr, int kind, int (*converter)(PyObject *, void *))
{
    if (cl->n >= MAX_CLEANUPS) {
        PyErr_SetString(PyExc_SystemError, "too many arguments needing cleanup");
        return -1;
    }
    cl->items[cl->n].ptr = ptr;
    cl->items[cl->n].kind = kind;
    cl->items[cl->n].converter = converter;
    cl->n++;
    return 0;
}

static void
run_cleanups(cleanup_list *cl)
{
    for (int i = cl->n - 1; i >= 0; i--) {
        if (cl->items[i].kind == CLEANUP_BUFFER) {
            PyBuffer_Release((Py_buffer *)cl->items[i].ptr);
        }
        else if (cl->items[i].kind == CLEANUP_CONVERTER) {
            cl->items[i].converter(NULL, cl->items[i].ptr);
        }
        else {
            char **block = (char **)cl->items[i].ptr;
            PyMem_Free(*block);
            *block = NULL;
        }
    }
    cl->n = 0;
}

/* Error context: function name and which argument. */
#define MAX_NESTING 16

typedef struct {
    const char *fname;
    const char *message;   /* ';' custom message or NULL */
    int argnum;            /* 1-based, 0 when unknown */
    const char *kwname;    /* keyword name (named-argument messages only), or NULL */
    int depth;             /* nesting of '(...)' units around the unit being converted */
    Py_ssize_t items[MAX_NESTING];  /* 0-based index at each nesting level */
} parse_ctx;

/* Write "f() argument N[, item I...]" (or "f() argument 'name'") into buf. */
static void
describe_argument(parse_ctx *ctx, char *buf, size_t size)
{
    int len = 0;
    if (ctx->fname != NULL) {
        len = PyOS_snprintf(buf, size, "%.200s() ", ctx->fname);
    }
    if (ctx->kwname != NULL) {
        len += PyOS_snprintf(buf + len, size - (size_t)len, "argument '%.100s'", ctx->kwname);
    }
    else if (ctx->argnum > 0) {
        len += PyOS_snprintf(buf + len, size - (size_t)len, "argument %d", ctx->argnum);
    }
    else {
        len += PyOS_snprintf(buf + len, size - (size_t)len, "argument");
    }
    for (int i = 0; i < ctx->depth && (size_t)len < size; i++) {
        len += PyOS_snprintf(buf + len, size - (size_t)len, ", item %zd", ctx->items[i]);
    }
}

/* Raise TypeError "<argument> must be <expected>, not <type of arg>" (or the ';' message).
 * An exception already set by a failed conversion is kept. */
static void
converterr(parse_ctx *ctx, const char *expected, PyObject *arg)
{
    if (PyErr_Occurred()) {
        return;
    }
    if (ctx->message != NULL) {
        PyErr_SetString(PyExc_TypeError, ctx->message);
        return;
    }
    char where[512];
    describe_argument(ctx, where, sizeof(where));
    PyErr_Format(PyExc_TypeError, "%s must be %.50s, not %.50s", where, expected,
                 arg == Py_None ? "None" : Py_TYPE(arg)->tp_name);
}

static int
float_arg(PyObject *arg, double *out)
{
    double d = PyFloat_AsDouble(arg);
    if (d == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    *out = d;
    return 0;
}

/* Get a contiguous read-only buffer (for s#, y#, s*, y*, z#, z*). */
static int
getbuffer(PyObject *arg, Py_buffer *view, int flags, cleanup_list *cl, parse_ctx *ctx)
{
    /* PyObject_GetBuffer's own TypeError ("a bytes-like object is required, ...") is the
     * message, as in CPython. */
    if (PyObject_GetBuffer(arg, view, flags) != 0) {
        return -1;
    }
    if (!PyBuffer_IsContiguous(view, 'C')) {
        PyBuffer_Release(view);
        converterr(ctx, "contiguous buffer", arg);
        return -1;
    }
    return add_cleanup(cl, view, CLEANUP_BUFFER, NULL);
}

/* The 'es', 'et', 'es#' and 'et#' units: encode arg into a char buffer.  *format points
 * after the 'e'.  Consumes (const char *encoding, char **buffer[, Py_ssize_t *size]).
 * 'es' encodes only str; 'et' also passes bytes and bytearray through unchanged.  Without
 * '#' (or with '#' and *buffer == NULL) the buffer is a new PyMem_Malloc'ed block the caller
 * frees with PyMem_Free; with '#' and a caller's buffer, *size is its capacity on input.  The
 * result is always NUL-terminated; with '#', *size becomes its length without the NUL. */
static int
convert_encoded(PyObject *arg, const char **p_format, va_list *p_va, cleanup_list *cl,
                parse_ctx *ctx)
{
    const char *format = *p_format;
    const char *encoding = va_arg(*p_va, const char *);
    if (encoding == NULL) {
        encoding = PyUnicode_GetDefaultEncoding();
    }
    if (*format != 's' && *format != 't') {
        PyErr_SetString(PyExc_SystemError, "(unknown parser marker combination)");
        return -1;
    }
    int bytes_pass_through = *format++ == 't';
    char **buffer = va_arg(*p_va, char **);
    int with_size = *format == '#';
    Py_ssize_t *psize = NULL;
    if (with_size) {
        psize = va_arg(*p_va, Py_ssize_t *);
        format++;
    }
    *p_format = format;
    if (buffer == NULL || (with_size && psize == NULL)) {
        PyErr_Format(PyExc_SystemError, "%s is NULL in an 'e' format unit",
                     buffer == NULL ? "buffer" : "buffer_len");
        return -1;
    }

    PyObject *encoded;          /* holds the bytes-like data below */
    const char *data;
    Py_ssize_t size;
    if (bytes_pass_through && PyBytes_Check(arg)) {
        encoded = Py_NewRef(arg);
        data = PyBytes_AS_STRING(arg);
        size = PyBytes_GET_SIZE(arg);
    }
    else if (bytes_pass_through && PyByteArray_Check(arg)) {
        encoded = Py_NewRef(arg);
        data = PyByteArray_AS_STRING(arg);
        size = PyByteArray_GET_SIZE(arg);
    }
    else if (PyUnicode_Check(arg)) {
        encoded = PyUnicode_AsEncodedString(arg, encoding, NULL);
        if (encoded == NULL) {
            return -1;
        }
        if (!PyBytes_Check(encoded)) {
            PyErr_Format(PyExc_TypeError, "encoder did not return bytes (got %.50s)",
                         Py_TYPE(encoded)->tp_name);
            Py_DECREF(encoded);
            return -1;
        }
        data = PyBytes_AS_STRING(encoded);
        size = PyBytes_GET_SIZE(encoded);
    }
    else {
        converterr(ctx, bytes_pass_through ? "str, bytes or bytearray" : "str", arg);
        return -1;
    }

    if (!with_size && (Py_ssize_t)strlen(data) != size) {
        Py_DECREF(encoded);
        converterr(ctx, "encoded string without null bytes", arg);
        return -1;
    }
    if (with_size && *buffer != NULL) {
        /* The caller's buffer: it must hold the data and the terminating NUL. */
        if (size + 1 > *psize) {
            PyErr_Format(PyExc_ValueError, "encoded string too long (%zd, maximum length %zd)",
                         size, *psize - 1);
            Py_DECREF(encoded);
            return -1;
        }
    }
    else {
        *buffer = PyMem_New(char, size + 1);
        if (*buffer == NULL) {
            Py_DECREF(encoded);
            PyErr_NoMemory();
            return -1;
        }
        if (add_cleanup(cl, buffer, CLEANUP_MEMORY, NULL) < 0) {
            PyMem_Free(*buffer);
            *buffer = NULL;
            Py_DECREF(encoded);
            return -1;
        }
    }
    memcpy(*buffer, data, (size_t)size);
    (*buffer)[size] = '\0';
    if (with_size) {
        *psize = size;
    }
    Py_DECREF(encoded);
    return 0;
}

/* Convert one format unit starting at *p_format; advances *p_format. */
static int
convertsimple(PyObject *arg, const char **p_format, va_list *p_va, cleanup_list *cl,
              parse_ctx *ctx)
{
    const char *format = *p_format;
    char c = *format++;
    switch (c) {
    case 'b': {
        char *p = va_arg(*p_va, char *);
        long ival = PyLong_AsLong(arg);
        if (ival == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (ival < 0) {
            PyErr_SetString(PyExc_OverflowError, "unsigned byte integer is less than minimum");
            return -1;
        }
        if (ival > UCHAR_MAX) {
            PyErr_SetString(PyExc_OverflowError,
                            "unsigned byte integer is greater than maximum");
            return -1;
        }
        *p = (char)ival;
        break;
    }
    case 'B': {
        unsigned char *p = va_arg(*p_va, unsigned char *);
        unsigned long ival = PyLong_AsUnsignedLongMask(arg);
        if (ival == (unsigned long)-1 && PyErr_Occurred()) {
            return -1;
        }
        *p = (unsigned char)ival;
        break;
    }
    case 'h': {
        short *p = va_arg(*p_va, short *);
        long ival = PyLong_AsLong(arg);
        if (ival == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (ival < SHRT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "signed short integer is less than minimum");
            return -1;
        }
        if (ival > SHRT_MAX) {
            PyErr_SetString(PyExc_OverflowError,
                            "signed short integer is greater than maximum");
            return -1;
        }
        *p = (short)ival;
        break;
    }
    case 'H': {
        unsigned short *p = va_arg(*p_va, unsigned short *);
        unsigned long ival = PyLong_AsUnsignedLongMask(arg);
        if (ival == (unsigned long)-1 && PyErr_Occurred()) {
            return -1;
        }
        *p = (unsigned short)ival;
        break;
    }
    case 'i': {
        int *p = va_arg(*p_va, int *);
        long ival = PyLong_AsLong(arg);
        if (ival == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (ival > INT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "signed integer is greater than maximum");
            return -1;
        }
        if (ival < INT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "signed integer is less than minimum");
            return -1;
        }
        *p = (int)ival;
        break;
    }
    case 'I': {
        unsigned int *p = va_arg(*p_va, unsigned int *);
        unsigned long ival = PyLong_AsUnsignedLongMask(arg);
        if (ival == (unsigned long)-1 && PyErr_Occurred()) {
            return -1;
        }
        *p = (unsigned int)ival;
        break;
    }
    case 'n': {
        Py_ssize_t *p = va_arg(*p_va, Py_ssize_t *);
        PyObject *iobj = PyNumber_Index(arg);
        Py_ssize_t ival = -1;
        if (iobj != NULL) {
            ival = PyLong_AsSsize_t(iobj);
            Py_DECREF(iobj);
        }
        if (ival == -1 && PyErr_Occurred()) {
            return -1;
        }
        *p = ival;
        break;
    }
    case 'l': {
        long *p = va_arg(*p_va, long *);
        long ival = PyLong_AsLong(arg);
        if (ival == -1 && PyErr_Occurred()) {
            return -1;
        }
        *p = ival;
        break;
    }
    case 'k': {
        unsigned long *p = va_arg(*p_va, unsigned long *);
        if (!PyLong_Check(arg)) {       /* CPython 3.13: no __index__ for 'k'/'K' */
            converterr(ctx, "int", arg);
            return -1;
        }
        unsigned long ival = PyLong_AsUnsignedLongMask(arg);
        if (ival == (unsigned long)-1 && PyErr_Occurred()) {
            return -1;
        }
        *p = ival;
        break;
    }
    case 'L': {
        long long *p = va_arg(*p_va, long long *);
        long long ival = PyLong_AsLongLong(arg);
        if (ival == -1 && PyErr_Occurred()) {
            return -1;
        }
        *p = ival;
        break;
    }
    case 'K': {
        unsigned long long *p = va_arg(*p_va, unsigned long long *);
        if (!PyLong_Check(arg)) {       /* CPython 3.13: no __index__ for 'k'/'K' */
            converterr(ctx, "int", arg);
            return -1;
        }
        unsigned long long ival = PyLong_AsUnsignedLongLongMask(arg);
        if (ival == (unsigned long long)-1 && PyErr_Occurred()) {
            return -1;
        }
        *p = ival;
        break;
    }
    case 'f': {
        float *p = va_arg(*p_va, float *);
        double d;
        if (float_arg(arg, &d) < 0) {
            return -1;
        }
        *p = (float)d;
        break;
    }
    case 'd': {
        double *p = va_arg(*p_va, double *);
        if (float_arg(arg, p) < 0) {
            return -1;
        }
        break;
    }
    case 'D': {
        Py_complex *p = va_arg(*p_va, Py_complex *);
        Py_complex cval = PyComplex_AsCComplex(arg);
        if (PyErr_Occurred()) {
            return -1;
        }
        *p = cval;
        break;
    }
    case 'c': {
        char *p = va_arg(*p_va, char *);
        if (PyBytes_Check(arg) && PyBytes_GET_SIZE(arg) == 1) {
            *p = PyBytes_AS_STRING(arg)[0];
        }
        else if (PyByteArray_Check(arg) && PyByteArray_GET_SIZE(arg) == 1) {
            *p = PyByteArray_AS_STRING(arg)[0];
        }
        else {
            converterr(ctx, "a byte string of length 1", arg);
            return -1;
        }
        break;
    }
    case 'C': {
        int *p = va_arg(*p_va, int *);
        if (!PyUnicode_Check(arg)) {
            converterr(ctx, "a unicode character", arg);
            return -1;
        }
        if (PyUnicode_GET_LENGTH(arg) != 1) {
            converterr(ctx, "a unicode character", arg);
            return -1;
        }
        *p = (int)PyUnicode_READ_CHAR(arg, 0);
        break;
    }
    case 'p': {
        int *p = va_arg(*p_va, int *);
        int val = PyObject_IsTrue(arg);
        if (val < 0) {
            return -1;
        }
        *p = val;
        break;
    }
    case 'y':
    case 's':
    case 'z': {
        int none_ok = c == 'z';
        int bytes_only = c == 'y';
        if (*format == '*') {
            Py_buffer *p = va_arg(*p_va, Py_buffer *);
            format++;
            if (none_ok && arg == Py_None) {
                PyBuffer_FillInfo(p, NULL, NULL, 0, 1, 0);
            }
            else if (!bytes_only && PyUnicode_Check(arg)) {
                Py_ssize_t len;
                const char *sarg = PyUnicode_AsUTF8AndSize(arg, &len);
                if (sarg == NULL) {
                    return -1;
                }
                PyBuffer_FillInfo(p, arg, (void *)sarg, len, 1, 0);
            }
            else {
                if (getbuffer(arg, p, PyBUF_SIMPLE, cl, ctx) < 0) {
                    return -1;
                }
                break;
            }
            if (add_cleanup(cl, p, CLEANUP_BUFFER, NULL) < 0) {
                return -1;
            }
            break;
        }
        if (*format == '#') {
            const char **p = va_arg(*p_va, const char **);
            Py_ssize_t *psize = va_arg(*p_va, Py_ssize_t *);
            format++;
            if (none_ok && arg == Py_None) {
                *p = NULL;
                *psize = 0;
            }
            else if (!bytes_only && PyUnicode_Check(arg)) {
                Py_ssize_t len;
                const char *sarg = PyUnicode_AsUTF8AndSize(arg, &len);
                if (sarg == NULL) {
                    return -1;
                }
                *p = sarg;
                *psize = len;
            }
            else if (PyBytes_Check(arg)) {
                *p = PyBytes_AS_STRING(arg);
                *psize = PyBytes_GET_SIZE(arg);
            }
            else {
                /* The pointer must outlive the parse without a view to release: only
                 * exporters without bf_releasebuffer qualify (not bytearray, memoryview). */
                PyBufferProcs *procs = Py_TYPE(arg)->tp_as_buffer;
                if (procs != NULL && procs->bf_releasebuffer != NULL) {
                    converterr(ctx, "read-only bytes-like object", arg);
                    return -1;
                }
                Py_buffer view;
                if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) != 0) {
                    return -1;
                }
                *p = view.buf;
                *psize = view.len;
                PyBuffer_Release(&view);
            }
            break;
        }
        const char **p = va_arg(*p_va, const char **);
        if (none_ok && arg == Py_None) {
            *p = NULL;
            break;
        }
        Py_ssize_t len;
        const char *sarg;
        if (bytes_only) {
            if (!PyBytes_Check(arg)) {
                converterr(ctx, "bytes", arg);
                return -1;
            }
            sarg = PyBytes_AS_STRING(arg);
            len = PyBytes_GET_SIZE(arg);
        }
        else {
            if (!PyUnicode_Check(arg)) {
                converterr(ctx, none_ok ? "str or None" : "str", arg);
                return -1;
            }
            sarg = PyUnicode_AsUTF8AndSize(arg, &len);
            if (sarg == NULL) {
                return -1;
            }
        }
        if ((Py_ssize_t)strlen(sarg) != len) {
            PyErr_SetString(PyExc_ValueError, bytes_only ? "embedded null byte"
                                                         : "embedded null character");
            return -1;
        }
        *p = sarg;
        break;
    }
    case 'S': {
        PyObject **p = va_arg(*p_va, PyObject **);
        if (!PyBytes_Check(arg)) {
            converterr(ctx, "bytes", arg);
            return -1;
        }
        *p = arg;
        break;
    }
    case 'Y': {
        PyObject **p = va_arg(*p_va, PyObject **);
        if (!PyByteArray_Check(arg)) {
            converterr(ctx, "bytearray", arg);
            return -1;
        }
        *p = arg;
        break;
    }
    case 'U': {
        PyObject **p = va_arg(*p_va, PyObject **);
        if (!PyUnicode_Check(arg)) {
            converterr(ctx, "str", arg);
            return -1;
        }
        *p = arg;
        break;
    }
    case 'O': {
        if (*format == '!') {
            PyTypeObject *type = va_arg(*p_va, PyTypeObject *);
            PyObject **p = va_arg(*p_va, PyObject **);
            format++;
            if (!PyObject_TypeCheck(arg, type)) {
                converterr(ctx, type->tp_name, arg);
                return -1;
            }
            *p = arg;
        }
        else if (*format == '&') {
            typedef int (*converter)(PyObject *, void *);
            converter convert = va_arg(*p_va, converter);
            void *addr = va_arg(*p_va, void *);
            format++;
            int res = (*convert)(arg, addr);
            if (!res) {
                if (!PyErr_Occurred()) {
                    converterr(ctx, "(unspecified)", arg);
                }
                return -1;
            }
            if (res == Py_CLEANUP_SUPPORTED &&
                add_cleanup(cl, addr, CLEANUP_CONVERTER, convert) < 0) {
                return -1;
            }
        }
        else {
            PyObject **p = va_arg(*p_va, PyObject **);
            *p = arg;
        }
        break;
    }
    case 'e':
        *p_format = format;
        return convert_encoded(arg, p_format, p_va, cl, ctx);
    case 'w': {
        Py_buffer *p = va_arg(*p_va, Py_buffer *);
        if (*format != '*') {
            PyErr_SetString(PyExc_SystemError, "'w' format unit must be followed by '*'");
            return -1;
        }
        format++;
        if (PyObject_GetBuffer(arg, p, PyBUF_WRITABLE) < 0) {
            PyErr_Clear();
            converterr(ctx, "read-write bytes-like object", arg);
            return -1;
        }
        if (add_cleanup(cl, p, CLEANUP_BUFFER, NULL) < 0) {
            PyBuffer_Release(p);
            return -1;
        }
        break;
    }
    default:
        PyErr_Format(PyExc_SystemError, "bad format char '%c' passed to PyArg_Parse*", c);
        return -1;
    }
    *p_format = format;
    return 0;
}

/* Number of argument units in a format, stopping at ':' or ';' or end. */
static int
count_units(const char *format, int *pmin, int *pmax_pos_end)
{
    int n = 0, level = 0, min = -1;
    for (const char *f = format; *f && *f != ':' && *f != ';'; f++) {
        char ch = *f;
        if (ch == '(') {
            if (level == 0) {
                n++;
            }
            level++;
        }
        else if (ch == ')') {
            level--;
        }
        else if (level == 0) {
            if (ch == '|') {
                if (min < 0) {
                    min = n;
                }
            }
            else if (ch == '$') {
                if (min < 0) {
                    min = n;
                }
                if (pmax_pos_end) {
                    *pmax_pos_end = n;
                }
            }
            else if (ch == '#' || ch == '*' || ch == '!' || ch == '&' || ch == ' ') {
                ;
            }
            else if (ch == 'e') {
                ;
            }
            else {
                n++;
            }
        }
    }
    if (pmin) {
        *pmin = min < 0 ? n : min;
    }
    return n;
}

static int convertitem(PyObject *arg, const char **p_format, va_list *p_va, cleanup_list *cl,
                       parse_ctx *ctx);

static int
converttuple(PyObject *arg, const char **p_format, va_list *p_va, cleanup_list *cl,
             parse_ctx *ctx)
{
    const char *format = *p_format;
    int n = 0, level = 0;
    for (const char *f = format; level > 0 || *f != ')'; f++) {
        if (*f == '\0') {
            PyErr_SetString(PyExc_SystemError, "missing ')' in getargs format");
            return -1;
        }
        if (*f == '(') {
            if (level == 0) {
                n++;
            }
            level++;
        }
        else if (*f == ')') {
            level--;
        }
        else if (level == 0 && *f != '#' && *f != '*' && *f != '!' && *f != '&' &&
                 *f != 'e') {
            n++;
        }
    }
    /* Any sequence but bytes (a str of the right length is taken apart, as in CPython). */
    if (!PySequence_Check(arg) || PyBytes_Check(arg)) {
        char expected[64];
        PyOS_snprintf(expected, sizeof(expected), "%d-item sequence", n);
        converterr(ctx, expected, arg);
        return -1;
    }
    Py_ssize_t len = PySequence_Size(arg);
    if (len != n) {
        if (len < 0) {
            return -1;
        }
        if (ctx->message != NULL) {
            PyErr_SetString(PyExc_TypeError, ctx->message);
            return -1;
        }
        char where[512];
        describe_argument(ctx, where, sizeof(where));
        PyErr_Format(PyExc_TypeError, "%s must be sequence of length %d, not %zd", where, n,
                     len);
        return -1;
    }
    if (ctx->depth >= MAX_NESTING) {
        PyErr_SetString(PyExc_SystemError, "too many nested tuples in getargs format");
        return -1;
    }
    for (int i = 0; i < n; i++) {
        PyObject *item = PySequence_GetItem(arg, i);
        if (item == NULL) {
            return -1;
        }
        /* Pointers into the item (s, y, ...) stay valid while arg keeps it alive. */
        ctx->items[ctx->depth++] = i;
        int r = convertitem(item, &format, p_va, cl, ctx);
        ctx->depth--;
        Py_DECREF(item);
        if (r < 0) {
            return -1;
        }
    }
    *p_format = format + 1;
    return 0;
}

static int
convertitem(PyObject *arg, const char **p_format, va_list *p_va, cleanup_list *cl,
            parse_ctx *ctx)
{
    if (**p_format == '(') {
        (*p_format)++;
        return converttuple(arg, p_format, p_va, cl, ctx);
    }
    return convertsimple(arg, p_format, p_va, cl, ctx);
}

/* Skip one unit (for optional arguments that were not given): consume its va_args. */
static void
skipitem(const char **p_format, va_list *p_va)
{
    const char *format = *p_format;
    char c = *format++;
    if (c == '(') {
        while (*format != ')') {
            skipitem(&format, p_va);
        }
        format++;
        *p_format = format;
        return;
    }
    switch (c) {
    case 'e':
        (void)va_arg(*p_va, const char *);
        (void)va_arg(*p_va, char **);
        if (*format == 's' || *format == 't') {
            format++;
        }
        if (*format == '#') {
            (void)va_arg(*p_va, Py_ssize_t *);
            format++;
        }
        break;
    case 'O':
        if (*format == '!') {
            (void)va_arg(*p_va, void *);
            (void)va_arg(*p_va, void *);
            format++;
        }
        else if (*format == '&') {
            (void)va_arg(*p_va, void *);
            (void)va_arg(*p_va, void *);
            format++;
        }
        else {
            (void)va_arg(*p_va, void *);
        }
        break;
    default:
        (void)va_arg(*p_va, void *);
        if (*format == '#') {
            (void)va_arg(*p_va, void *);
            format++;
        }
        else if (*format == '*') {
            format++;
        }
        break;
    }
    *p_format = format;
}

static void
parse_fname(const char *format, const char **fname, const char **message)
{
    *fname = NULL;
    *message = NULL;
    for (const char *f = format; *f; f++) {
        if (*f == ':') {
            *fname = f + 1;
            return;
        }
        if (*f == ';') {
            *message = f + 1;
            return;
        }
    }
}

static int
vgetargs1(PyObject *const *stack, Py_ssize_t nargs, const char *format, va_list *p_va,
          int compat)
{
    cleanup_list cl = {0};
    parse_ctx ctx = {0};
    parse_fname(format, &ctx.fname, &ctx.message);
    int min, max = count_units(format, &min, NULL);
    if (nargs < min || nargs > max) {
        if (ctx.message != NULL) {
            PyErr_SetString(PyExc_TypeError, ctx.message);
        }
        else if (max == 0) {
            PyErr_Format(PyExc_TypeError, "%.200s%s takes no arguments",
                         ctx.fname ? ctx.fname : "function", ctx.fname ? "()" : "");
        }
        else {
            int bound = nargs < min ? min : max;
            PyErr_Format(PyExc_TypeError, "%.150s%s takes %s %d argument%s (%zd given)",
                         ctx.fname ? ctx.fname : "function", ctx.fname ? "()" : "",
                         min == max ? "exactly" : nargs < min ? "at least" : "at most", bound,
                         bound == 1 ? "" : "s", nargs);
        }
        return 0;
    }
    const char *f = format;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        while (*f == '|' || *f == '$' || *f == ' ') {
            f++;
        }
        /* PyArg_Parse's single object is "argument", without a number. */
        ctx.argnum = compat ? 0 : (int)i + 1;
        if (convertitem(stack[i], &f, p_va, &cl, &ctx) < 0) {
            run_cleanups(&cl);
            return 0;
        }
    }
    return 1;
}

int
PyArg_VaParse(PyObject *args, const char *format, va_list va)
{
    if (args == NULL || !PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError, "new style getargs format but argument is not a "
                        "tuple");
        return 0;
    }
    va_list lva;
    va_copy(lva, va);
    int r = vgetargs1(&PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), format, &lva, 0);
    va_end(lva);
    return r;
}

int
PyArg_ParseTuple(PyObject *args, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int r = PyArg_VaParse(args, format, va);
    va_end(va);
    return r;
}

int
PyArg_Parse(PyObject *arg, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int r = vgetargs1(&arg, 1, format, &va, 1);
    va_end(va);
    return r;
}

int
_PyArg_ParseStack(PyObject *const *args, Py_ssize_t nargs, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int r = vgetargs1(args, nargs, format, &va, 0);
    va_end(va);
    return r;
}

/* ---- keywords ------------------------------------------------------------------------------ */

/* Raise TypeError for the keyword key that matches none of the parameter names
 * keywords[posonly:len], with CPython 3.13's ". Did you mean 'x'?" suffix when one of them is
 * close enough.  Always returns -1. */
static int
unexpected_keyword(const char *fname, const char *parens, PyObject *key,
                   const char *const *keywords, int posonly, int len)
{
    PyObject *suggestion = NULL;
    PyObject *names = PyList_New(0);
    for (int i = posonly; names != NULL && i < len; i++) {
        PyObject *name = PyUnicode_FromString(keywords[i]);
        if (name == NULL || PyList_Append(names, name) < 0) {
            Py_XDECREF(name);
            Py_CLEAR(names);
            break;
        }
        Py_DECREF(name);
    }
    if (names != NULL) {
        suggestion = _Py_CalculateSuggestions(names, key);
        Py_DECREF(names);
    }
    PyErr_Clear();   /* a failed suggestion only loses the suffix */
    if (suggestion != NULL) {
        PyErr_Format(PyExc_TypeError,
                     "%.200s%s got an unexpected keyword argument '%U'. Did you mean '%U'?",
                     fname, parens, key, suggestion);
        Py_DECREF(suggestion);
    }
    else {
        PyErr_Format(PyExc_TypeError, "%.200s%s got an unexpected keyword argument '%U'",
                     fname, parens, key);
    }
    return -1;
}

/* Report the missing required argument number i (0-based): a positional-only one as a count
 * ("takes at least/exactly N positional arguments"), else by name.  Returns -1 (TypeError). */
static int
missing_argument(char **kwlist, int i, int posonly, int min, int max_pos, Py_ssize_t nargs,
                 const char *fname, const char *parens)
{
    if (i < posonly) {
        Py_ssize_t need = min < posonly ? min : posonly;
        PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %zd positional argument%s "
                     "(%zd given)",
                     fname, parens, min < max_pos ? "at least" : "exactly", need,
                     need == 1 ? "" : "s", nargs);
    }
    else {
        PyErr_Format(PyExc_TypeError, "%.200s%s missing required argument '%s' (pos %d)",
                     fname, parens, kwlist[i], i + 1);
    }
    return -1;
}

/* Argument Clinic's parsers validate the keyword names before converting anything: a missing
 * required argument first, then an unexpected keyword.  Keywords are known to be a dict with
 * nkwargs > 0.  0 or -1 with TypeError. */
static int
check_keywords_first(PyObject *kwargs, char **kwlist, int len, int posonly, int min,
                     int max_pos, Py_ssize_t nargs, const char *fname, const char *parens)
{
    for (int i = (int)nargs; i < min; i++) {
        PyObject *value = NULL;
        if (i >= posonly) {
            value = PyDict_GetItemString(kwargs, kwlist[i]); /* borrowed */
            if (value == NULL && PyErr_Occurred()) {
                return -1;
            }
        }
        if (value == NULL) {
            return missing_argument(kwlist, i, posonly, min, max_pos, nargs, fname, parens);
        }
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(kwargs, &pos, &key, &value)) {
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            return -1;
        }
        int match = -1;
        for (int i = posonly; i < len; i++) {
            if (PyUnicode_EqualToUTF8(key, kwlist[i])) {
                match = i;
                break;
            }
        }
        if (match < 0) {
            return unexpected_keyword(fname, parens, key, (const char *const *)kwlist,
                                      posonly, len);
        }
        if (match < nargs) {
            PyErr_Format(PyExc_TypeError, "argument for %.200s%s given by name ('%s') "
                         "and position (%d)", fname, parens, kwlist[match], match + 1);
            return -1;
        }
    }
    return 0;
}

/* clinic_style selects the behaviour of CPython 3.13's Argument Clinic parsers, which Braid's
 * own builtins use (Include/cpython/modsupport.h): a parameter that is not positional-only is
 * named in conversion errors ("argument 'name'", where PyArg_ParseTupleAndKeywords says
 * "argument 2"), and keyword names are checked before any conversion. */
static int
vgetargskeywords(PyObject *args, PyObject *kwargs, const char *format, char **kwlist,
                 va_list *p_va, int clinic_style)
{
    cleanup_list cl = {0};
    parse_ctx ctx = {0};
    parse_fname(format, &ctx.fname, &ctx.message);
    const char *fname = ctx.fname ? ctx.fname : "function";
    const char *parens = ctx.fname ? "()" : "";

    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    int len = 0, posonly = 0;
    while (kwlist[len]) {
        if (*kwlist[len] == '\0' && posonly == len) {
            posonly++;
        }
        len++;
    }
    int max_pos = -1;
    int min;
    int nunits = count_units(format, &min, &max_pos);
    if (nunits != len) {
        PyErr_Format(PyExc_SystemError, "more argument specifiers than keyword list entries "
                     "(remaining format:'%s')", format);
        return 0;
    }
    if (max_pos < 0) {
        max_pos = len;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    Py_ssize_t nkwargs = kwargs ? PyDict_GET_SIZE(kwargs) : 0;
    if (nargs + nkwargs > len) {
        PyErr_Format(PyExc_TypeError, "%.200s%s takes at most %d %sargument%s (%zd given)",
                     fname, parens, len, nargs == 0 ? "keyword " : "", len == 1 ? "" : "s",
                     nargs + nkwargs);
        return 0;
    }
    if (nargs > max_pos) {
        if (max_pos == 0) {
            PyErr_Format(PyExc_TypeError, "%.200s%s takes no positional arguments", fname,
                         parens);
        }
        else {
            PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd "
                         "given)",
                         fname, parens, min < max_pos ? "at most" : "exactly", max_pos,
                         max_pos == 1 ? "" : "s", nargs);
        }
        return 0;
    }
    if (clinic_style && nkwargs > 0 &&
        check_keywords_first(kwargs, kwlist, len, posonly, min, max_pos, nargs, fname,
                             parens) < 0) {
        return 0;
    }
    const char *f = format;
    Py_ssize_t kw_found = 0;
    for (int i = 0; i < len; i++) {
        while (*f == '|' || *f == '$' || *f == ' ') {
            f++;
        }
        PyObject *current_arg = NULL;
        if (i < nargs) {
            current_arg = PyTuple_GET_ITEM(args, i);
            if (nkwargs && i >= posonly) {
                PyObject *dup = PyDict_GetItemString(kwargs, kwlist[i]);
                if (dup != NULL) {
                    PyErr_Format(PyExc_TypeError, "argument for %.200s%s given by name ('%s') "
                                 "and position (%d)",
                                 fname, parens, kwlist[i], i + 1);
                    run_cleanups(&cl);
                    return 0;
                }
            }
        }
        else if (nkwargs && i >= posonly) {
            current_arg = PyDict_GetItemString(kwargs, kwlist[i]); /* borrowed */
            if (current_arg != NULL) {
                kw_found++;
            }
            else if (PyErr_Occurred()) {
                run_cleanups(&cl);
                return 0;
            }
        }
        if (current_arg != NULL) {
            ctx.argnum = i + 1;
            /* Clinic names every parameter that is not positional-only, however passed. */
            ctx.kwname = clinic_style && i >= posonly ? kwlist[i] : NULL;
            if (convertitem(current_arg, &f, p_va, &cl, &ctx) < 0) {
                run_cleanups(&cl);
                return 0;
            }
            continue;
        }
        if (i < min) {
            (void)missing_argument(kwlist, i, posonly, min, max_pos, nargs, fname, parens);
            run_cleanups(&cl);
            return 0;
        }
        skipitem(&f, p_va);
    }
    if (kw_found < nkwargs) {
        /* Find the first keyword that matched nothing. */
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwargs, &pos, &key, &value)) {
            if (!PyUnicode_Check(key)) {
                PyErr_SetString(PyExc_TypeError, "keywords must be strings");
                run_cleanups(&cl);
                return 0;
            }
            int match = 0;
            for (int i = posonly; i < len; i++) {
                if (PyUnicode_EqualToUTF8(key, kwlist[i])) {
                    match = 1;
                    break;
                }
            }
            if (!match) {
                unexpected_keyword(fname, parens, key, (const char *const *)kwlist, posonly,
                                   len);
                run_cleanups(&cl);
                return 0;
            }
        }
    }
    return 1;
}

static int
parse_keywords_va(PyObject *args, PyObject *keywords, const char *format, char **kwlist,
                  va_list va, int clinic_style)
{
    if (args == NULL || !PyTuple_Check(args) || (keywords != NULL && !PyDict_Check(keywords)) ||
        format == NULL || kwlist == NULL) {
        PyErr_BadInternalCall();
        return 0;
    }
    va_list lva;
    va_copy(lva, va);
    int r = vgetargskeywords(args, keywords, format, kwlist, &lva, clinic_style);
    va_end(lva);
    return r;
}

int
PyArg_VaParseTupleAndKeywords(PyObject *args, PyObject *keywords, const char *format,
                              char **kwlist, va_list va)
{
    return parse_keywords_va(args, keywords, format, kwlist, va, 0);
}

int
PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *keywords, const char *format,
                            char **kwlist, ...)
{
    va_list va;
    va_start(va, kwlist);
    int r = parse_keywords_va(args, keywords, format, kwlist, va, 0);
    va_end(va);
    return r;
}

int
_PyArg_VaParseTupleAndKeywords_Core(PyObject *args, PyObject *keywords, const char *format,
                                    char **kwlist, va_list va)
{
    return parse_keywords_va(args, keywords, format, kwlist, va, 1);
}

int
_PyArg_ParseTupleAndKeywords_Core(PyObject *args, PyObject *keywords, const char *format,
                                  char **kwlist, ...)
{
    va_list va;
    va_start(va, kwlist);
    int r = parse_keywords_va(args, keywords, format, kwlist, va, 1);
    va_end(va);
    return r;
}

int
_PyArg_ParseTupleAndKeywordsFast(PyObject *args, PyObject *kwargs, _PyArg_Parser *parser, ...)
{
    va_list va;
    va_start(va, parser);
    int r = parse_keywords_va(args, kwargs, parser->format, (char **)parser->keywords, va, 1);
    va_end(va);
    return r;
}

int
_PyArg_ParseStackAndKeywords(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                             _PyArg_Parser *parser, ...)
{
    PyObject *tuple = PyTuple_New(nargs);
    if (tuple == NULL) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyTuple_SET_ITEM(tuple, i, Py_NewRef(args[i]));
    }
    PyObject *kwdict = NULL;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames)) {
        kwdict = _PyStack_AsDict(args + nargs, kwnames);
        if (kwdict == NULL) {
            Py_DECREF(tuple);
            return 0;
        }
    }
    va_list va;
    va_start(va, parser);
    int r = parse_keywords_va(tuple, kwdict, parser->format, (char **)parser->keywords, va,
                              1);
    va_end(va);
    Py_DECREF(tuple);
    Py_XDECREF(kwdict);
    return r;
}

int
PyArg_ValidateKeywordArguments(PyObject *kwargs)
{
    if (!PyDict_Check(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(kwargs, &pos, &key, &value)) {
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            return 0;
        }
    }
    return 1;
}

/* ---- unpacking helpers --------------------------------------------------------------------- */

#undef _PyArg_CheckPositional
int
_PyArg_CheckPositional(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max)
{
    if (nargs < min) {
        if (name != NULL) {
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name,
                         (min == max ? "" : "at least "), min, min == 1 ? "" : "s", nargs);
        }
        else {
            PyErr_Format(PyExc_TypeError, "unpacked tuple should have %s%zd element%s, but "
                         "has %zd",
                         (min == max ? "" : "at least "), min, min == 1 ? "" : "s", nargs);
        }
        return 0;
    }
    if (nargs == 0) {
        return 1;
    }
    if (nargs > max) {
        if (name != NULL) {
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name,
                         (min == max ? "" : "at most "), max, max == 1 ? "" : "s", nargs);
        }
        else {
            PyErr_Format(PyExc_TypeError, "unpacked tuple should have %s%zd element%s, but "
                         "has %zd",
                         (min == max ? "" : "at most "), max, max == 1 ? "" : "s", nargs);
        }
        return 0;
    }
    return 1;
}

static int
unpack_stack(PyObject *const *args, Py_ssize_t nargs, const char *name, Py_ssize_t min,
             Py_ssize_t max, va_list vargs)
{
    if (!_PyArg_CheckPositional(name, nargs, min, max)) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject **o = va_arg(vargs, PyObject **);
        *o = args[i];
    }
    return 1;
}

int
PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min, Py_ssize_t max, ...)
{
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError, "PyArg_UnpackTuple() argument list is not a tuple");
        return 0;
    }
    va_list vargs;
    va_start(vargs, max);
    int retval = unpack_stack(&PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), name, min,
                              max, vargs);
    va_end(vargs);
    return retval;
}

int
_PyArg_UnpackStack(PyObject *const *args, Py_ssize_t nargs, const char *name, Py_ssize_t min,
                   Py_ssize_t max, ...)
{
    va_list vargs;
    va_start(vargs, max);
    int retval = unpack_stack(args, nargs, name, min, max, vargs);
    va_end(vargs);
    return retval;
}

#undef _PyArg_NoKeywords
#undef _PyArg_NoKwnames
#undef _PyArg_NoPositional

int
_PyArg_NoKeywords(const char *funcname, PyObject *kwargs)
{
    if (kwargs == NULL) {
        return 1;
    }
    if (!PyDict_CheckExact(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    if (PyDict_GET_SIZE(kwargs) == 0) {
        return 1;
    }
    PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", funcname);
    return 0;
}

int
_PyArg_NoKwnames(const char *funcname, PyObject *kwnames)
{
    if (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0) {
        return 1;
    }
    PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", funcname);
    return 0;
}

int
_PyArg_NoPositional(const char *funcname, PyObject *args)
{
    if (args == NULL) {
        return 1;
    }
    if (!PyTuple_CheckExact(args)) {
        PyErr_BadInternalCall();
        return 0;
    }
    if (PyTuple_GET_SIZE(args) == 0) {
        return 1;
    }
    PyErr_Format(PyExc_TypeError, "%.200s() takes no positional arguments", funcname);
    return 0;
}

void
_PyArg_BadArgument(const char *fname, const char *displayname, const char *expected,
                   PyObject *arg)
{
    PyErr_Format(PyExc_TypeError, "%.200s() %.200s must be %.50s, not %.50s", fname,
                 displayname, expected, arg == Py_None ? "None" : Py_TYPE(arg)->tp_name);
}

PyObject *const *
_PyArg_UnpackKeywords(PyObject *const *args, Py_ssize_t nargs, PyObject *kwargs,
                      PyObject *kwnames, _PyArg_Parser *parser, int minpos, int maxpos,
                      int minkw, PyObject **buf)
{
    const char *const *keywords = parser->keywords;
    const char *fname = parser->fname ? parser->fname : "function";
    const char *parens = parser->fname ? "()" : "";
    int len = 0, posonly = 0;
    while (keywords[len]) {
        if (*keywords[len] == '\0' && posonly == len) {
            posonly++;
        }
        len++;
    }
    parser->pos = posonly;
    Py_ssize_t nkw = 0;
    if (kwnames != NULL) {
        nkw = PyTuple_GET_SIZE(kwnames);
    }
    else if (kwargs != NULL) {
        nkw = PyDict_GET_SIZE(kwargs);
    }
    /* CPython's order: too many arguments in all, too many positional ones, a missing
     * required argument, and only then a keyword that matches no parameter. */
    if (nargs + nkw > len) {
        PyErr_Format(PyExc_TypeError, "%.200s%s takes at most %d %sargument%s (%zd given)",
                     fname, parens, len, nargs == 0 ? "keyword " : "", len == 1 ? "" : "s",
                     nargs + nkw);
        return NULL;
    }
    if (nargs > maxpos) {
        if (maxpos == 0) {
            PyErr_Format(PyExc_TypeError, "%.200s%s takes no positional arguments", fname,
                         parens);
        }
        else {
            PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd "
                         "given)",
                         fname, parens, minpos < maxpos ? "at most" : "exactly", maxpos,
                         maxpos == 1 ? "" : "s", nargs);
        }
        return NULL;
    }
    for (int i = 0; i < len; i++) {
        buf[i] = i < nargs ? args[i] : NULL;
    }
    /* Keyword arguments, from a kwnames tuple or a dict.  The first one that cannot be
     * placed is remembered in bad_key (borrowed) and reported after the required checks. */
    PyObject *bad_key = NULL;
    int bad_index = -1;
    Py_ssize_t dictpos = 0;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key, *value;
        if (kwnames != NULL) {
            key = PyTuple_GET_ITEM(kwnames, k);
            value = args[nargs + k];
        }
        else {
            if (!PyDict_Next(kwargs, &dictpos, &key, &value)) {
                break;
            }
        }
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            return NULL;
        }
        int index = -1;
        for (int i = posonly; i < len; i++) {
            if (PyUnicode_EqualToUTF8(key, keywords[i])) {
                index = i;
                break;
            }
        }
        if (index < 0 || buf[index] != NULL) {
            if (bad_key == NULL) {
                bad_key = key;
                bad_index = index;
            }
            continue;
        }
        buf[index] = value;
    }
    for (int i = 0; i < minpos; i++) {
        if (buf[i] == NULL) {
            if (i < posonly) {
                PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd "
                             "given)",
                             fname, parens, minpos < maxpos ? "at least" : "exactly", minpos,
                             minpos == 1 ? "" : "s", nargs);
            }
            else {
                PyErr_Format(PyExc_TypeError, "%.200s%s missing required argument '%s' (pos "
                             "%d)",
                             fname, parens, keywords[i], i + 1);
            }
            return NULL;
        }
    }
    for (int i = maxpos; i < maxpos + minkw && i < len; i++) {
        if (buf[i] == NULL) {
            PyErr_Format(PyExc_TypeError, "%.200s%s missing required keyword-only argument "
                         "'%s'",
                         fname, parens, keywords[i]);
            return NULL;
        }
    }
    if (bad_key != NULL) {
        if (bad_index < 0) {
            unexpected_keyword(fname, parens, bad_key, keywords, posonly, len);
        }
        else if (bad_index < nargs) {
            PyErr_Format(PyExc_TypeError, "argument for %.200s%s given by name ('%U') and "
                         "position (%d)",
                         fname, parens, bad_key, bad_index + 1);
        }
        else {
            PyErr_Format(PyExc_TypeError, "%.200s%s got multiple values for argument '%U'",
                         fname, parens, bad_key);
        }
        return NULL;
    }
    return buf;
}

int
_Py_convert_optional_to_ssize_t(PyObject *obj, void *result)
{
    if (obj == Py_None) {
        return 1;
    }
    if (!PyIndex_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "argument should be integer or None, not '%.200s'",
                     Py_TYPE(obj)->tp_name);
        return 0;
    }
    Py_ssize_t limit = PyNumber_AsSsize_t(obj, PyExc_OverflowError);
    if (limit == -1 && PyErr_Occurred()) {
        return 0;
    }
    *(Py_ssize_t *)result = limit;
    return 1;
}
