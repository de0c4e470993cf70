/* binascii: conversions between binary data and ASCII encodings (hex, base64, quoted-
 * printable, uuencode) and the CRC-32 / CRC-CCITT checksums.  Stateless: no module state and
 * no locks needed (every function works on its arguments' buffers only). */
#include "Python.h"

#include <string.h>
#include <zlib.h>

/* binascii.Error (a ValueError) and binascii.Incomplete live in the module dict. */
static PyObject *binascii_error(PyObject *module)
{
    return PyObject_GetAttrString(module, "Error");
}

static void set_error(PyObject *module, const char *message)
{
    PyObject *error = binascii_error(module);
    if (error != NULL) {
        PyErr_SetString(error, message);
        Py_DECREF(error);
    }
}

/* Accept bytes-like objects, and ASCII-only str for the a2b_* functions. */
static int ascii_buffer(PyObject *arg, Py_buffer *view, int allow_str)
{
    if (allow_str && PyUnicode_Check(arg)) {
        if (!PyUnicode_IS_ASCII(arg)) {
            PyErr_SetString(PyExc_ValueError,
                            "string argument should contain only ASCII characters");
            return -1;
        }
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(arg, &n);
        if (s == NULL) {
            return -1;
        }
        return PyBuffer_FillInfo(view, arg, (void *)s, n, 1, PyBUF_SIMPLE);
    }
    if (PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%s'",
                     Py_TYPE(arg)->tp_name);
        return -1;
    }
    if (!PyObject_CheckBuffer(arg)) {
        PyErr_Format(PyExc_TypeError,
                     "argument should be bytes, buffer or ASCII string, not '%.100s'",
                     Py_TYPE(arg)->tp_name);
        return -1;
    }
    return PyObject_GetBuffer(arg, view, PyBUF_SIMPLE);
}

static const char hex_digits[] = "0123456789abcdef";

/* b2a_hex(data, sep=<unspecified>, bytes_per_sep=1), also named hexlify; format is the
 * PyArg format naming the function in error messages. */
static PyObject *hex_encode(PyObject *args, PyObject *kwargs, const char *format)
{
    static char *kwlist[] = {"data", "sep", "bytes_per_sep", NULL};
    Py_buffer data;
    PyObject *sep_obj = NULL;
    PyObject *per_sep_obj = NULL;
    int bytes_per_sep = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, format, kwlist, &data, &sep_obj,
                                     &per_sep_obj)) {
        return NULL;
    }
    if (per_sep_obj != NULL) {
        /* Converted here for CPython's messages ("... to convert to C int"). */
        bytes_per_sep = PyLong_AsInt(per_sep_obj);
        if (bytes_per_sep == -1 && PyErr_Occurred()) {
            PyBuffer_Release(&data);
            return NULL;
        }
    }
    char sep = 0;
    if (sep_obj != NULL) {
        /* CPython's checks, in its order: a length of 1 first (any sized object), then
         * the type; a str separator may be any Latin-1 character, bytes any byte. */
        Py_ssize_t n = PyObject_Length(sep_obj);
        const char *message = NULL;
        PyObject *exc_type = PyExc_ValueError;
        if (n < 0) {
            PyBuffer_Release(&data);
            return NULL;
        }
        if (n != 1) {
            message = "sep must be length 1.";
        }
        else if (PyUnicode_Check(sep_obj)) {
            Py_UCS4 ch = PyUnicode_READ_CHAR(sep_obj, 0);
            if (ch > 255) {
                message = "sep must be ASCII.";
            }
            sep = (char)ch;
        }
        else if (PyBytes_Check(sep_obj)) {
            sep = PyBytes_AS_STRING(sep_obj)[0];
        }
        else {
            exc_type = PyExc_TypeError;
            message = "sep must be str or bytes.";
        }
        if (message != NULL) {
            PyBuffer_Release(&data);
            PyErr_SetString(exc_type, message);
            return NULL;
        }
    }
    int has_sep = sep_obj != NULL;
    Py_ssize_t len = data.len;
    Py_ssize_t group = bytes_per_sep < 0 ? -(Py_ssize_t)bytes_per_sep : bytes_per_sep;
    Py_ssize_t nseps = (has_sep && group && len) ? (len - 1) / group : 0;
    PyObject *result = PyBytes_FromStringAndSize(NULL, 2 * len + nseps);
    if (result == NULL) {
        PyBuffer_Release(&data);
        return NULL;
    }
    char *out = PyBytes_AS_STRING(result);
    const unsigned char *in = data.buf;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (nseps && i > 0) {
            /* Groups count from the right when bytes_per_sep > 0, from the left if < 0. */
            Py_ssize_t from = bytes_per_sep > 0 ? len - i : i;
            if (from % group == 0) {
                *out++ = sep;
            }
        }
        *out++ = hex_digits[in[i] >> 4];
        *out++ = hex_digits[in[i] & 15];
    }
    PyBuffer_Release(&data);
    return result;
}

static PyObject *binascii_b2a_hex(PyObject *module, PyObject *args, PyObject *kwargs)
{
    return hex_encode(args, kwargs, "y*|OO:b2a_hex");
}

static PyObject *binascii_hexlify(PyObject *module, PyObject *args, PyObject *kwargs)
{
    return hex_encode(args, kwargs, "y*|OO:hexlify");
}

static int hex_value(unsigned char c)
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

static PyObject *binascii_a2b_hex(PyObject *module, PyObject *arg)
{
    Py_buffer data;
    if (ascii_buffer(arg, &data, 1) < 0) {
        return NULL;
    }
    if (data.len % 2) {
        PyBuffer_Release(&data);
        set_error(module, "Odd-length string");
        return NULL;
    }
    PyObject *result = PyBytes_FromStringAndSize(NULL, data.len / 2);
    if (result != NULL) {
        const unsigned char *in = data.buf;
        unsigned char *out = (unsigned char *)PyBytes_AS_STRING(result);
        for (Py_ssize_t i = 0; i < data.len; i += 2) {
            int hi = hex_value(in[i]), lo = hex_value(in[i + 1]);
            if (hi < 0 || lo < 0) {
                Py_CLEAR(result);
                set_error(module, "Non-hexadecimal digit found");
                break;
            }
            out[i / 2] = (unsigned char)(hi << 4 | lo);
        }
    }
    PyBuffer_Release(&data);
    return result;
}

static const char b64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* b2a_base64(data, *, newline=True) */
static PyObject *binascii_b2a_base64(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "newline", NULL};       /* data is positional-only */
    Py_buffer data;
    int newline = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "y*|$p:b2a_base64", kwlist, &data,
                                     &newline)) {
        return NULL;
    }
    Py_ssize_t groups = (data.len + 2) / 3;
    PyObject *result = PyBytes_FromStringAndSize(NULL, groups * 4 + (newline ? 1 : 0));
    if (result == NULL) {
        PyBuffer_Release(&data);
        return NULL;
    }
    const unsigned char *in = data.buf;
    char *out = PyBytes_AS_STRING(result);
    Py_ssize_t i = 0;
    for (; i + 3 <= data.len; i += 3) {
        unsigned v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8 | in[i + 2];
        *out++ = b64_alphabet[v >> 18];
        *out++ = b64_alphabet[(v >> 12) & 63];
        *out++ = b64_alphabet[(v >> 6) & 63];
        *out++ = b64_alphabet[v & 63];
    }
    Py_ssize_t rest = data.len - i;
    if (rest) {
        unsigned v = (unsigned)in[i] << 16 | (rest == 2 ? (unsigned)in[i + 1] << 8 : 0);
        *out++ = b64_alphabet[v >> 18];
        *out++ = b64_alphabet[(v >> 12) & 63];
        *out++ = rest == 2 ? b64_alphabet[(v >> 6) & 63] : '=';
        *out++ = '=';
    }
    if (newline) {
        *out++ = '\n';
    }
    PyBuffer_Release(&data);
    return result;
}

static int b64_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    if (c == '+') {
        return 62;
    }
    if (c == '/') {
        return 63;
    }
    return -1;
}

/* a2b_base64(data, *, strict_mode=False): non-alphabet characters are skipped unless
 * strict; decoding stops at the padding that completes a quantum. */
static PyObject *binascii_a2b_base64(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "strict_mode", NULL};   /* data is positional-only */
    PyObject *arg;
    int strict = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$p:a2b_base64", kwlist, &arg, &strict)) {
        return NULL;
    }
    Py_buffer data;
    if (ascii_buffer(arg, &data, 1) < 0) {
        return NULL;
    }
    const unsigned char *in = data.buf;
    PyObject *result = PyBytes_FromStringAndSize(NULL, (data.len / 4 + 1) * 3);
    if (result == NULL) {
        PyBuffer_Release(&data);
        return NULL;
    }
    unsigned char *out = (unsigned char *)PyBytes_AS_STRING(result);
    Py_ssize_t produced = 0;
    unsigned acc = 0;
    int count = 0;          /* data characters in the current quantum */
    int pads = 0;           /* '=' seen since the last data character */
    int complete = 0;       /* padding closed the final quantum */
    const char *failure = NULL;
    for (Py_ssize_t i = 0; i < data.len && failure == NULL; i++) {
        unsigned char c = in[i];
        if (complete) {
            if (strict) {
                failure = "Excess data after padding";
            }
            break;
        }
        if (c == '=') {
            if (strict && i == 0) {
                failure = "Leading padding not allowed";
                break;
            }
            if (strict && count == 0) {
                /* '=' right after a complete quantum pads nothing. */
                failure = "Excess padding not allowed";
                break;
            }
            pads++;
            if (count >= 2 && count + pads >= 4) {
                /* The padding completes a quantum of 2 or 3 characters: 1 or 2 bytes. */
                if (count == 2) {
                    out[produced++] = (unsigned char)(acc >> 4);
                }
                else {
                    out[produced++] = (unsigned char)(acc >> 10);
                    out[produced++] = (unsigned char)(acc >> 2);
                }
                count = 0;
                acc = 0;
                complete = 1;
            }
            continue;
        }
        int v = b64_value(c);
        if (v < 0) {
            if (strict) {
                failure = "Only base64 data is allowed";
            }
            continue;
        }
        if (strict && pads) {
            failure = "Discontinuous padding not allowed";
            break;
        }
        pads = 0;
        acc = acc << 6 | (unsigned)v;
        if (++count == 4) {
            out[produced++] = (unsigned char)(acc >> 16);
            out[produced++] = (unsigned char)(acc >> 8);
            out[produced++] = (unsigned char)acc;
            acc = 0;
            count = 0;
        }
    }
    if (failure == NULL && count == 1) {
        PyBuffer_Release(&data);
        Py_DECREF(result);
        PyObject *error = binascii_error(module);
        if (error != NULL) {
            PyErr_Format(error, "Invalid base64-encoded string: number of data characters "
                         "(%zd) cannot be 1 more than a multiple of 4",
                         (Py_ssize_t)(produced / 3 * 4 + 1));
            Py_DECREF(error);
        }
        return NULL;
    }
    if (failure == NULL && count != 0) {
        failure = "Incorrect padding";
    }
    PyBuffer_Release(&data);
    if (failure != NULL) {
        Py_DECREF(result);
        set_error(module, failure);
        return NULL;
    }
    if (_PyBytes_Resize(&result, produced) < 0) {
        return NULL;
    }
    return result;
}

/* crc32(data, crc=0) */
static PyObject *binascii_crc32(PyObject *module, PyObject *args)
{
    Py_buffer data;
    unsigned int crc = 0;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs < 1 || nargs > 2) {
        PyErr_Format(PyExc_TypeError, "crc32 expected %s %s, got %zd",
                     nargs < 1 ? "at least 1" : "at most 2",
                     nargs < 1 ? "argument" : "arguments", nargs);
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "y*|I:crc32", &data, &crc)) {
        return NULL;
    }
    uLong value = crc;
    const unsigned char *p = data.buf;
    Py_ssize_t left = data.len;
    while (left > 0) {
        uInt chunk = left > (Py_ssize_t)0x40000000 ? 0x40000000u : (uInt)left;
        value = crc32(value, p, chunk);
        p += chunk;
        left -= chunk;
    }
    PyBuffer_Release(&data);
    return PyLong_FromUnsignedLong(value & 0xffffffffUL);
}

/* crc_hqx(data, value): CRC-CCITT (polynomial 0x1021), bitwise. */
static PyObject *binascii_crc_hqx(PyObject *module, PyObject *args)
{
    Py_buffer data;
    unsigned int crc;
    if (PyTuple_GET_SIZE(args) != 2) {
        PyErr_Format(PyExc_TypeError, "crc_hqx expected 2 arguments, got %zd",
                     PyTuple_GET_SIZE(args));
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "y*I:crc_hqx", &data, &crc)) {
        return NULL;
    }
    crc &= 0xffff;
    const unsigned char *p = data.buf;
    for (Py_ssize_t i = 0; i < data.len; i++) {
        crc ^= (unsigned)p[i] << 8;
        for (int bit = 0; bit < 8; bit++) {
            crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
        }
    }
    PyBuffer_Release(&data);
    return PyLong_FromUnsignedLong(crc);
}

/* Append one byte to a bytes result being built, growing it (doubling) when full.
 * *result and *size describe the allocation; return -1 with MemoryError set on failure. */
static int out_put(PyObject **result, Py_ssize_t *used, unsigned char c)
{
    Py_ssize_t size = PyBytes_GET_SIZE(*result);
    if (*used >= size) {
        if (_PyBytes_Resize(result, size < 16 ? 32 : size * 2) < 0) {
            return -1;
        }
    }
    PyBytes_AS_STRING(*result)[(*used)++] = (char)c;
    return 0;
}

/* a2b_uu(data): one line of uuencoded data; the first character gives the byte count.
 * Missing characters (a line stripped of trailing blanks) count as zero. */
static PyObject *binascii_a2b_uu(PyObject *module, PyObject *arg)
{
    Py_buffer data;
    if (ascii_buffer(arg, &data, 1) < 0) {
        return NULL;
    }
    const unsigned char *in = data.buf;
    Py_ssize_t len = data.len, pos = 0;
    /* An empty line reads as a NUL length character: (0 - ' ') & 63 == 32 bytes. */
    Py_ssize_t want = ((len > 0 ? in[pos++] : 0) - ' ') & 63;
    PyObject *result = PyBytes_FromStringAndSize(NULL, want);
    if (result == NULL) {
        PyBuffer_Release(&data);
        return NULL;
    }
    unsigned char *out = (unsigned char *)PyBytes_AS_STRING(result);
    Py_ssize_t produced = 0;
    unsigned acc = 0;
    int bits = 0;
    while (produced < want) {
        unsigned v = 0;
        if (pos < len) {
            unsigned char c = in[pos++];
            if (c != '\n' && c != '\r') {
                if (c < ' ' || c > ' ' + 64) {
                    PyBuffer_Release(&data);
                    Py_DECREF(result);
                    set_error(module, "Illegal char");
                    return NULL;
                }
                v = (unsigned)(c - ' ') & 63;
            }
        }
        acc = (acc << 6) | v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[produced++] = (unsigned char)(acc >> bits);
            acc &= (1u << bits) - 1;
        }
    }
    /* What follows the data may only be blanks, backticks and line ends. */
    for (; pos < len; pos++) {
        unsigned char c = in[pos];
        if (c != ' ' && c != ' ' + 64 && c != '\n' && c != '\r') {
            PyBuffer_Release(&data);
            Py_DECREF(result);
            set_error(module, "Trailing garbage");
            return NULL;
        }
    }
    PyBuffer_Release(&data);
    return result;
}

/* b2a_uu(data, *, backtick=False): one uuencoded line (at most 45 bytes of data). */
static PyObject *binascii_b2a_uu(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "backtick", NULL};      /* data is positional-only */
    Py_buffer data;
    int backtick = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "y*|$p:b2a_uu", kwlist, &data,
                                     &backtick)) {
        return NULL;
    }
    if (data.len > 45) {
        PyBuffer_Release(&data);
        set_error(module, "At most 45 bytes at once");
        return NULL;
    }
    Py_ssize_t groups = (data.len + 2) / 3;
    PyObject *result = PyBytes_FromStringAndSize(NULL, 2 + groups * 4);
    if (result == NULL) {
        PyBuffer_Release(&data);
        return NULL;
    }
    const unsigned char *in = data.buf;
    char *out = PyBytes_AS_STRING(result);
#define UU_CHAR(v) ((char)((backtick && (v) == 0) ? '`' : ' ' + (v)))
    *out++ = UU_CHAR((unsigned)data.len);
    for (Py_ssize_t i = 0; i < data.len; i += 3) {
        unsigned v = (unsigned)in[i] << 16;
        if (i + 1 < data.len) {
            v |= (unsigned)in[i + 1] << 8;
        }
        if (i + 2 < data.len) {
            v |= in[i + 2];
        }
        *out++ = UU_CHAR(v >> 18);
        *out++ = UU_CHAR((v >> 12) & 63);
        *out++ = UU_CHAR((v >> 6) & 63);
        *out++ = UU_CHAR(v & 63);
    }
#undef UU_CHAR
    *out++ = '\n';
    PyBuffer_Release(&data);
    return result;
}

/* a2b_qp(data, header=False): decode quoted-printable; '=' at a line end is a soft line
 * break, '=XX' a byte, any other '=' is kept; with header, '_' means a space. */
static PyObject *binascii_a2b_qp(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"data", "header", NULL};
    PyObject *arg;
    int header = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|p:a2b_qp", kwlist, &arg, &header)) {
        return NULL;
    }
    Py_buffer data;
    if (ascii_buffer(arg, &data, 1) < 0) {
        return NULL;
    }
    const unsigned char *in = data.buf;
    Py_ssize_t len = data.len;
    PyObject *result = PyBytes_FromStringAndSize(NULL, len);
    if (result == NULL) {
        PyBuffer_Release(&data);
        return NULL;
    }
    unsigned char *out = (unsigned char *)PyBytes_AS_STRING(result);
    Py_ssize_t produced = 0, i = 0;
    while (i < len) {
        unsigned char c = in[i];
        if (c != '=') {
            out[produced++] = (header && c == '_') ? ' ' : c;
            i++;
            continue;
        }
        i++;
        if (i >= len) {
            break;              /* a final '=' is dropped */
        }
        if (in[i] == '\n' || in[i] == '\r') {
            /* Soft line break: skip to just past the end of the line. */
            while (i < len && in[i] != '\n') {
                i++;
            }
            if (i < len) {
                i++;
            }
        }
        else if (in[i] == '=') {
            out[produced++] = '=';
            i++;
        }
        else if (i + 1 < len && hex_value(in[i]) >= 0 && hex_value(in[i + 1]) >= 0) {
            out[produced++] = (unsigned char)(hex_value(in[i]) << 4 | hex_value(in[i + 1]));
            i += 2;
        }
        else {
            out[produced++] = '=';
        }
    }
    PyBuffer_Release(&data);
    if (_PyBytes_Resize(&result, produced) < 0) {
        return NULL;
    }
    return result;
}

#define QP_MAXLINE 76

/* Append the quoted form '=XX' of c. */
static int qp_put_quoted(PyObject **result, Py_ssize_t *used, unsigned char c)
{
    static const char upper_hex[] = "0123456789ABCDEF";
    if (out_put(result, used, '=') < 0 || out_put(result, used, upper_hex[c >> 4]) < 0 ||
        out_put(result, used, upper_hex[c & 15]) < 0) {
        return -1;
    }
    return 0;
}

static int qp_put_newline(PyObject **result, Py_ssize_t *used, int crlf)
{
    if (crlf && out_put(result, used, '\r') < 0) {
        return -1;
    }
    return out_put(result, used, '\n');
}

/* b2a_qp(data, quotetabs=False, istext=True, header=False): encode quoted-printable with
 * lines of at most 76 characters; line ends follow the data's first line end (CRLF or LF). */
static PyObject *binascii_b2a_qp(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"data", "quotetabs", "istext", "header", NULL};
    Py_buffer data;
    int quotetabs = 0, istext = 1, header = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "y*|ppp:b2a_qp", kwlist, &data,
                                     &quotetabs, &istext, &header)) {
        return NULL;
    }
    const unsigned char *in = data.buf;
    Py_ssize_t len = data.len;
    const unsigned char *first_nl = memchr(in, '\n', (size_t)len);
    int crlf = first_nl != NULL && first_nl > in && first_nl[-1] == '\r';
    PyObject *result = PyBytes_FromStringAndSize(NULL, len + 16);
    if (result == NULL) {
        PyBuffer_Release(&data);
        return NULL;
    }
    Py_ssize_t used = 0, linelen = 0, i = 0;
    while (i < len) {
        unsigned char c = in[i];
        int last = i + 1 == len;
        unsigned char next = last ? 0 : in[i + 1];
        int quote = c > 126 || c == '=' || (header && c == '_') ||
            (c == '.' && linelen == 0 && (last || next == '\n' || next == '\r' || next == 0)) ||
            (!istext && (c == '\r' || c == '\n')) ||
            ((c == '\t' || c == ' ') && last) ||
            (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
        if (quote) {
            if (linelen + 3 >= QP_MAXLINE) {
                if (out_put(&result, &used, '=') < 0 ||
                    qp_put_newline(&result, &used, crlf) < 0) {
                    goto error;
                }
                linelen = 0;
            }
            if (qp_put_quoted(&result, &used, c) < 0) {
                goto error;
            }
            linelen += 3;
            i++;
            continue;
        }
        if (istext && (c == '\n' || (c == '\r' && next == '\n'))) {
            /* A hard line end: blanks just before it must be quoted to survive. */
            char *buf = PyBytes_AS_STRING(result);
            if (used > 0 && (buf[used - 1] == ' ' || buf[used - 1] == '\t')) {
                unsigned char blank = (unsigned char)buf[used - 1];
                used--;
                if (qp_put_quoted(&result, &used, blank) < 0) {
                    goto error;
                }
            }
            if (qp_put_newline(&result, &used, crlf) < 0) {
                goto error;
            }
            linelen = 0;
            i += c == '\r' ? 2 : 1;
            continue;
        }
        if (!last && next != '\n' && linelen + 1 >= QP_MAXLINE) {
            if (out_put(&result, &used, '=') < 0 || qp_put_newline(&result, &used, crlf) < 0) {
                goto error;
            }
            linelen = 0;
        }
        if (out_put(&result, &used, (header && c == ' ') ? '_' : c) < 0) {
            goto error;
        }
        linelen++;
        i++;
    }
    PyBuffer_Release(&data);
    if (_PyBytes_Resize(&result, used) < 0) {
        return NULL;
    }
    return result;

error:
    PyBuffer_Release(&data);
    Py_XDECREF(result);
    return NULL;
}

#define KWF(f) _PyCFunction_CAST(f)

static PyMethodDef binascii_methods[] = {
    {"b2a_hex", KWF(binascii_b2a_hex), METH_VARARGS | METH_KEYWORDS,
     "Hexadecimal representation of binary data."},
    {"hexlify", KWF(binascii_hexlify), METH_VARARGS | METH_KEYWORDS,
     "Hexadecimal representation of binary data."},
    {"a2b_hex", binascii_a2b_hex, METH_O, "Binary data of hexadecimal representation."},
    {"unhexlify", binascii_a2b_hex, METH_O, "Binary data of hexadecimal representation."},
    {"b2a_base64", KWF(binascii_b2a_base64), METH_VARARGS | METH_KEYWORDS,
     "Base64-code line of data."},
    {"a2b_base64", KWF(binascii_a2b_base64), METH_VARARGS | METH_KEYWORDS,
     "Decode a line of base64 data."},
    {"crc32", binascii_crc32, METH_VARARGS, "Compute CRC-32 incrementally."},
    {"crc_hqx", binascii_crc_hqx, METH_VARARGS, "Compute CRC-CCITT incrementally."},
    {"a2b_uu", binascii_a2b_uu, METH_O, "Decode a line of uuencoded data."},
    {"b2a_uu", KWF(binascii_b2a_uu), METH_VARARGS | METH_KEYWORDS, "Uuencode line of data."},
    {"a2b_qp", KWF(binascii_a2b_qp), METH_VARARGS | METH_KEYWORDS,
     "Decode a string of qp-encoded data."},
    {"b2a_qp", KWF(binascii_b2a_qp), METH_VARARGS | METH_KEYWORDS,
     "Encode a string using quoted-printable encoding."},
    {NULL, NULL, 0, NULL},
};

static int binascii_exec(PyObject *module)
{
    PyObject *error = PyErr_NewException("binascii.Error", PyExc_ValueError, NULL);
    if (error == NULL || PyModule_AddObjectRef(module, "Error", error) < 0) {
        Py_XDECREF(error);
        return -1;
    }
    Py_DECREF(error);
    PyObject *incomplete = PyErr_NewException("binascii.Incomplete", PyExc_Exception, NULL);
    if (incomplete == NULL || PyModule_AddObjectRef(module, "Incomplete", incomplete) < 0) {
        Py_XDECREF(incomplete);
        return -1;
    }
    Py_DECREF(incomplete);
    return 0;
}

static PyModuleDef_Slot binascii_slots[] = {
    {Py_mod_exec, binascii_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef binascii_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "binascii",
    .m_doc = "Conversion between binary data and ASCII",
    .m_size = 0,
    .m_methods = binascii_methods,
    .m_slots = binascii_slots,
};

PyMODINIT_FUNC
PyInit_binascii(void)
{
    return PyModuleDef_Init(&binascii_module);
}
