/* _hashlib: message digests from OpenSSL's libcrypto (EVP), for Lib/hashlib.py and hmac.
 *
 * HASH objects wrap an EVP_MD_CTX.  Each object's `mutex` protects its context: update(),
 * digest() (which finalises a copy) and copy() take it, so one hash object can be fed from
 * several threads (the free-threaded build has no GIL to serialise them) and the result is
 * the digest of some interleaving of whole update() calls, as in CPython.  Large updates
 * release the GIL (detach) while OpenSSL works.
 *
 * Module state: none (the EVP_MD descriptions come from OpenSSL's own immutable tables). */
#include "Python.h"
#include "pycore_lock.h"
#include "pycore_long.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#define GIL_RELEASE_MINSIZE 2048

typedef struct {
    PyObject_HEAD
    EVP_MD_CTX *ctx;     /* protected by mutex */
    PyMutex mutex;
    int xof;             /* SHAKE: digest(length) */
} hashobject;

static PyTypeObject Hash_Type;
static PyTypeObject HashXOF_Type;

/* OpenSSL's names for the algorithms hashlib knows by its own names. */
static const char *openssl_name(const char *name)
{
    static const struct {
        const char *python, *openssl;
    } aliases[] = {
        {"sha3_224", "sha3-224"}, {"sha3_256", "sha3-256"}, {"sha3_384", "sha3-384"},
        {"sha3_512", "sha3-512"}, {"shake_128", "shake128"}, {"shake_256", "shake256"},
        {"blake2b", "blake2b512"}, {"blake2s", "blake2s256"}, {"sha512_224", "sha512-224"},
        {"sha512_256", "sha512-256"},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(aliases); i++) {
        if (strcmp(name, aliases[i].python) == 0) {
            return aliases[i].openssl;
        }
    }
    return name;
}

/* hashlib's name for an EVP_MD (lower case, '-' -> '_'), as CPython reports `.name`. */
static PyObject *python_name(const EVP_MD *md)
{
    const char *name = EVP_MD_get0_name(md);
    static const struct {
        const char *openssl, *python;
    } names[] = {
        {"SHA3-224", "sha3_224"}, {"SHA3-256", "sha3_256"}, {"SHA3-384", "sha3_384"},
        {"SHA3-512", "sha3_512"}, {"SHAKE-128", "shake_128"}, {"SHAKE-256", "shake_256"},
        {"BLAKE2B-512", "blake2b"}, {"BLAKE2S-256", "blake2s"}, {"BLAKE2b512", "blake2b"},
        {"BLAKE2s256", "blake2s"}, {"SHA224", "sha224"}, {"SHA256", "sha256"},
        {"SHA384", "sha384"}, {"SHA512", "sha512"}, {"SHA512-224", "sha512_224"},
        {"SHA512-256", "sha512_256"}, {"SHAKE128", "shake_128"}, {"SHAKE256", "shake_256"},
        {"SHA2-224", "sha224"}, {"SHA2-256", "sha256"}, {"SHA2-384", "sha384"},
        {"SHA2-512", "sha512"}, {"SHA2-512/224", "sha512_224"}, {"SHA2-512/256", "sha512_256"},
        {"SHA1", "sha1"}, {"MD5", "md5"}, {"MD5-SHA1", "md5-sha1"}, {"SM3", "sm3"},
        {"RIPEMD-160", "ripemd160"},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(names); i++) {
        if (strcasecmp(name, names[i].openssl) == 0) {
            return PyUnicode_FromString(names[i].python);
        }
    }
    PyObject *text = PyUnicode_FromString(name);
    if (text == NULL) {
        return NULL;
    }
    PyObject *lower = PyObject_CallMethod(text, "lower", NULL);
    Py_DECREF(text);
    return lower;
}

static PyObject *set_openssl_error(void)
{
    PyErr_SetString(PyExc_ValueError, "OpenSSL digest operation failed");
    return NULL;
}

/* Return a new reference: an empty HASH object for md. */
static hashobject *hash_alloc(const EVP_MD *md)
{
    int xof = (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0;
    hashobject *self = PyObject_New(hashobject, xof ? &HashXOF_Type : &Hash_Type);
    if (self == NULL) {
        return NULL;
    }
    self->mutex = (PyMutex){0};
    self->xof = xof;
    self->ctx = EVP_MD_CTX_new();
    if (self->ctx == NULL) {
        Py_DECREF(self);
        return (hashobject *)PyErr_NoMemory();
    }
    if (!EVP_DigestInit_ex(self->ctx, md, NULL)) {
        Py_DECREF(self);
        return (hashobject *)set_openssl_error();
    }
    return self;
}

static void hash_dealloc(PyObject *op)
{
    hashobject *self = (hashobject *)op;
    if (self->ctx != NULL) {
        EVP_MD_CTX_free(self->ctx);
    }
    PyObject_Free(self);
}

static int hash_feed(hashobject *self, PyObject *data)
{
    if (PyUnicode_Check(data)) {
        PyErr_SetString(PyExc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    if (!PyObject_CheckBuffer(data)) {
        PyErr_SetString(PyExc_TypeError, "object supporting the buffer API required");
        return -1;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(data, &view, PyBUF_SIMPLE) < 0) {
        return -1;
    }
    int ok;
    if (view.len >= GIL_RELEASE_MINSIZE) {
        Py_BEGIN_ALLOW_THREADS
        PyMutex_Lock(&self->mutex);
        ok = EVP_DigestUpdate(self->ctx, view.buf, (size_t)view.len);
        PyMutex_Unlock(&self->mutex);
        Py_END_ALLOW_THREADS
    }
    else {
        PyMutex_Lock(&self->mutex);
        ok = EVP_DigestUpdate(self->ctx, view.buf, (size_t)view.len);
        PyMutex_Unlock(&self->mutex);
    }
    PyBuffer_Release(&view);
    if (!ok) {
        set_openssl_error();
        return -1;
    }
    return 0;
}

static PyObject *hash_update(PyObject *op, PyObject *data)
{
    if (hash_feed((hashobject *)op, data) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Return a new reference: an independent copy of the hash state. */
static PyObject *hash_copy(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    hashobject *self = (hashobject *)op;
    hashobject *copy = PyObject_New(hashobject, Py_TYPE(self));
    if (copy == NULL) {
        return NULL;
    }
    copy->mutex = (PyMutex){0};
    copy->xof = self->xof;
    copy->ctx = EVP_MD_CTX_new();
    if (copy->ctx == NULL) {
        Py_DECREF(copy);
        return PyErr_NoMemory();
    }
    PyMutex_Lock(&self->mutex);
    int ok = EVP_MD_CTX_copy_ex(copy->ctx, self->ctx);
    PyMutex_Unlock(&self->mutex);
    if (!ok) {
        Py_DECREF(copy);
        return set_openssl_error();
    }
    return (PyObject *)copy;
}

/* Finalise a copy of the context into buf (length bytes for XOF). 0 or -1. */
static int hash_final(hashobject *self, unsigned char *buf, unsigned int *len, size_t xof_len)
{
    EVP_MD_CTX *tmp = EVP_MD_CTX_new();
    if (tmp == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    PyMutex_Lock(&self->mutex);
    int ok = EVP_MD_CTX_copy_ex(tmp, self->ctx);
    PyMutex_Unlock(&self->mutex);
    if (ok) {
        ok = self->xof ? EVP_DigestFinalXOF(tmp, buf, xof_len)
                       : EVP_DigestFinal_ex(tmp, buf, len);
    }
    EVP_MD_CTX_free(tmp);
    if (!ok) {
        set_openssl_error();
        return -1;
    }
    if (self->xof) {
        *len = (unsigned int)xof_len;
    }
    return 0;
}

static PyObject *hex_of(const unsigned char *buf, size_t len)
{
    static const char digits[] = "0123456789abcdef";
    PyObject *result = PyUnicode_New((Py_ssize_t)(2 * len), 127);
    if (result == NULL) {
        return NULL;
    }
    Py_UCS1 *out = PyUnicode_1BYTE_DATA(result);
    for (size_t i = 0; i < len; i++) {
        out[2 * i] = (Py_UCS1)digits[buf[i] >> 4];
        out[2 * i + 1] = (Py_UCS1)digits[buf[i] & 15];
    }
    return result;
}

static PyObject *hash_digest(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    unsigned char buf[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (hash_final((hashobject *)op, buf, &len, 0) < 0) {
        return NULL;
    }
    return PyBytes_FromStringAndSize((const char *)buf, len);
}

static PyObject *hash_hexdigest(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    unsigned char buf[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (hash_final((hashobject *)op, buf, &len, 0) < 0) {
        return NULL;
    }
    return hex_of(buf, len);
}

/* SHAKE: digest(length) and hexdigest(length). */
static PyObject *xof_output(PyObject *op, PyObject *args, PyObject *kwargs, int hex)
{
    static char *kwlist[] = {"length", NULL};
    PyObject *arg;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, hex ? "O:hexdigest" : "O:digest", kwlist,
                                     &arg)) {
        return NULL;
    }
    if (!PyIndex_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_ssize_t length = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (length == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (length < 0) {
        PyErr_SetString(PyExc_ValueError, "length must be non-negative");
        return NULL;
    }
    if (length == 0) {
        return hex ? PyUnicode_FromString("") : PyBytes_FromStringAndSize(NULL, 0);
    }
    unsigned char *buf = PyMem_Malloc((size_t)length);
    if (buf == NULL) {
        return PyErr_NoMemory();
    }
    unsigned int len = 0;
    PyObject *result = NULL;
    if (hash_final((hashobject *)op, buf, &len, (size_t)length) == 0) {
        result = hex ? hex_of(buf, (size_t)length)
                     : PyBytes_FromStringAndSize((const char *)buf, length);
    }
    PyMem_Free(buf);
    return result;
}

static PyObject *xof_digest(PyObject *op, PyObject *args, PyObject *kwargs)
{
    return xof_output(op, args, kwargs, 0);
}

static PyObject *xof_hexdigest(PyObject *op, PyObject *args, PyObject *kwargs)
{
    return xof_output(op, args, kwargs, 1);
}

static PyObject *hash_get_name(PyObject *op, void *closure)
{
    return python_name(EVP_MD_CTX_get0_md(((hashobject *)op)->ctx));
}

static PyObject *hash_get_digest_size(PyObject *op, void *closure)
{
    hashobject *self = (hashobject *)op;
    return PyLong_FromLong(self->xof ? 0 : EVP_MD_CTX_get_size(self->ctx));
}

static PyObject *hash_get_block_size(PyObject *op, void *closure)
{
    return PyLong_FromLong(EVP_MD_CTX_get_block_size(((hashobject *)op)->ctx));
}

static PyObject *hash_repr(PyObject *op)
{
    PyObject *name = hash_get_name(op, NULL);
    if (name == NULL) {
        return NULL;
    }
    PyObject *r = PyUnicode_FromFormat("<%U %s object @ %p>", name, Py_TYPE(op)->tp_name, op);
    Py_DECREF(name);
    return r;
}

static PyMethodDef hash_methods[] = {
    {"update", hash_update, METH_O, "Update this hash object's state with the provided bytes."},
    {"digest", hash_digest, METH_NOARGS, "Return the digest value as a bytes object."},
    {"hexdigest", hash_hexdigest, METH_NOARGS, "Return the digest value as a string of hex."},
    {"copy", hash_copy, METH_NOARGS, "Return a copy of the hash object."},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef xof_methods[] = {
    {"update", hash_update, METH_O, "Update this hash object's state with the provided bytes."},
    {"digest", _PyCFunction_CAST(xof_digest), METH_VARARGS | METH_KEYWORDS,
     "Return the digest value as a bytes object."},
    {"hexdigest", _PyCFunction_CAST(xof_hexdigest), METH_VARARGS | METH_KEYWORDS,
     "Return the digest value as a string of hex."},
    {"copy", hash_copy, METH_NOARGS, "Return a copy of the hash object."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef hash_getset[] = {
    {"name", hash_get_name, NULL, NULL, NULL},
    {"digest_size", hash_get_digest_size, NULL, NULL, NULL},
    {"block_size", hash_get_block_size, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject Hash_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_hashlib.HASH",
    .tp_basicsize = sizeof(hashobject),
    .tp_dealloc = hash_dealloc,
    .tp_repr = hash_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "A hash is an object used to calculate a checksum of a string of information.",
    .tp_methods = hash_methods,
    .tp_getset = hash_getset,
};
_Py_REGISTER_STATIC_TYPE(Hash_Type);

static PyTypeObject HashXOF_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_hashlib.HASHXOF",
    .tp_basicsize = sizeof(hashobject),
    .tp_dealloc = hash_dealloc,
    .tp_repr = hash_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "A hash object with variable-length output (SHAKE).",
    .tp_methods = xof_methods,
    .tp_getset = hash_getset,
};
_Py_REGISTER_STATIC_TYPE(HashXOF_Type);

/* Look up a digest by hashlib name; NULL with ValueError "unsupported hash type NAME". */
static const EVP_MD *find_md(PyObject *name_obj)
{
    if (!PyUnicode_Check(name_obj)) {
        PyErr_SetString(PyExc_TypeError, "name must be a string");
        return NULL;
    }
    const char *name = PyUnicode_AsUTF8(name_obj);
    if (name == NULL) {
        return NULL;
    }
    char lowered[64];
    size_t n = strlen(name);
    if (n < sizeof(lowered)) {
        for (size_t i = 0; i <= n; i++) {
            lowered[i] = (char)Py_TOLOWER((unsigned char)name[i]);
        }
        const EVP_MD *md = EVP_get_digestbyname(openssl_name(lowered));
        if (md != NULL) {
            return md;
        }
    }
    PyErr_Format(PyExc_ValueError, "unsupported hash type %s", name);
    return NULL;
}

/* new(name, data=b'', *, usedforsecurity=True, string=None) */
static PyObject *hashlib_new(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"name", "data", "usedforsecurity", "string", NULL};
    PyObject *name, *data = NULL, *string = NULL;
    int usedforsecurity = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|O$pO:new", kwlist, &name, &data,
                                     &usedforsecurity, &string)) {
        return NULL;
    }
    if (data != NULL && string != NULL) {
        PyErr_SetString(PyExc_TypeError,
                        "argument for new() given by name ('string') and position (2)");
        return NULL;
    }
    if (data == NULL) {
        data = string;
    }
    const EVP_MD *md = find_md(name);
    if (md == NULL) {
        return NULL;
    }
    hashobject *self = hash_alloc(md);
    if (self == NULL) {
        return NULL;
    }
    if (data != NULL && hash_feed(self, data) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

/* pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None) */
static PyObject *hashlib_pbkdf2_hmac(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"hash_name", "password", "salt", "iterations", "dklen", NULL};
    PyObject *name, *dklen_obj = Py_None;
    Py_buffer password, salt;
    long iterations;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "Oy*y*l|O:pbkdf2_hmac", kwlist, &name,
                                     &password, &salt, &iterations, &dklen_obj)) {
        return NULL;
    }
    PyObject *result = NULL;
    const EVP_MD *md = find_md(name);
    if (md == NULL) {
        goto done;
    }
    if (iterations < 1) {
        PyErr_SetString(PyExc_ValueError, "iteration value must be greater than 0.");
        goto done;
    }
    if (iterations > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "iteration value is too great.");
        goto done;
    }
    long dklen = EVP_MD_get_size(md);
    if (dklen_obj != Py_None) {
        dklen = PyLong_AsLong(dklen_obj);
        if (dklen == -1 && PyErr_Occurred()) {
            goto done;
        }
        if (dklen < 1) {
            PyErr_SetString(PyExc_ValueError, "key length must be greater than 0.");
            goto done;
        }
        if (dklen > INT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "key length is too great.");
            goto done;
        }
    }
    result = PyBytes_FromStringAndSize(NULL, dklen);
    if (result == NULL) {
        goto done;
    }
    int ok;
    Py_BEGIN_ALLOW_THREADS
    ok = PKCS5_PBKDF2_HMAC((const char *)password.buf, (int)password.len,
                           (const unsigned char *)salt.buf, (int)salt.len, (int)iterations, md,
                           (int)dklen, (unsigned char *)PyBytes_AS_STRING(result));
    Py_END_ALLOW_THREADS
    if (!ok) {
        Py_CLEAR(result);
        set_openssl_error();
    }
done:
    PyBuffer_Release(&password);
    PyBuffer_Release(&salt);
    return result;
}

/* hmac_digest(key, msg, digest): one-shot HMAC. */
static PyObject *hashlib_hmac_digest(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"key", "msg", "digest", NULL};
    Py_buffer key, msg;
    PyObject *name;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "y*y*O:hmac_digest", kwlist, &key, &msg,
                                     &name)) {
        return NULL;
    }
    PyObject *result = NULL;
    const EVP_MD *md = find_md(name);
    if (md != NULL) {
        unsigned char buf[EVP_MAX_MD_SIZE];
        unsigned int len = 0;
        if (HMAC(md, key.buf, (int)key.len, msg.buf, (size_t)msg.len, buf, &len) == NULL) {
            set_openssl_error();
        }
        else {
            result = PyBytes_FromStringAndSize((const char *)buf, len);
        }
    }
    PyBuffer_Release(&key);
    PyBuffer_Release(&msg);
    return result;
}

/* compare_digest(a, b): constant-time comparison of two bytes-like or two ASCII str. */
static PyObject *hashlib_compare_digest(PyObject *module, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO:compare_digest", &a, &b)) {
        return NULL;
    }
    if (PyUnicode_Check(a) && PyUnicode_Check(b)) {
        if (!PyUnicode_IS_ASCII(a) || !PyUnicode_IS_ASCII(b)) {
            PyErr_SetString(PyExc_TypeError,
                            "comparing strings with non-ASCII characters is not supported");
            return NULL;
        }
        Py_ssize_t la = PyUnicode_GET_LENGTH(a), lb = PyUnicode_GET_LENGTH(b);
        int differ = la != lb;
        const unsigned char *pa = PyUnicode_1BYTE_DATA(a), *pb = PyUnicode_1BYTE_DATA(b);
        if (differ) {
            pa = pb;     /* compare b with itself: same time, result already known */
        }
        return PyBool_FromLong(CRYPTO_memcmp(pa, pb, (size_t)lb) == 0 && !differ);
    }
    int a_str = PyUnicode_Check(a), b_str = PyUnicode_Check(b);
    int a_buf = PyObject_CheckBuffer(a), b_buf = PyObject_CheckBuffer(b);
    if ((a_str || b_str) ? !(a_buf || b_buf) : !(a_buf || b_buf)) {
        PyErr_Format(PyExc_TypeError, "unsupported operand types(s) or combination of types: "
                     "'%.100s' and '%.100s'", Py_TYPE(a)->tp_name, Py_TYPE(b)->tp_name);
        return NULL;
    }
    Py_buffer va, vb;
    if (PyObject_GetBuffer(a, &va, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    if (PyObject_GetBuffer(b, &vb, PyBUF_SIMPLE) < 0) {
        PyBuffer_Release(&va);
        return NULL;
    }
    int differ = va.len != vb.len;
    const void *pa = differ ? vb.buf : va.buf;
    int equal = CRYPTO_memcmp(pa, vb.buf, (size_t)vb.len) == 0 && !differ;
    PyBuffer_Release(&va);
    PyBuffer_Release(&vb);
    return PyBool_FromLong(equal);
}

/* ---- BLAKE2b / BLAKE2s (RFC 7693) ------------------------------------------------------------
 *
 * Implemented here rather than through OpenSSL because hashlib's blake2 constructors take the
 * full parameter block (digest_size, key, salt, person and the tree-hashing fields), which
 * OpenSSL's fixed-size digests do not expose.  One struct serves both variants: `wide` selects
 * 64-bit words (BLAKE2b: 128-byte blocks, 12 rounds) or 32-bit words (BLAKE2s: 64-byte blocks,
 * 10 rounds).  Each object's `mutex` protects its state, as for HASH objects. */

static const uint64_t blake2b_iv[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};

static const uint32_t blake2s_iv[8] = {
    0x6a09e667UL, 0xbb67ae85UL, 0x3c6ef372UL, 0xa54ff53aUL,
    0x510e527fUL, 0x9b05688cUL, 0x1f83d9abUL, 0x5be0cd19UL,
};

static const uint8_t blake2_sigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

typedef struct {
    int wide;                 /* 1: BLAKE2b, 0: BLAKE2s */
    uint64_t h64[8];
    uint32_t h32[8];
    uint64_t count_lo, count_hi;   /* bytes compressed so far (128-bit for b, 64 for s) */
    unsigned char buf[128];
    size_t buflen;
    int last_node;
    int digest_size;
} blake2_state;

typedef struct {
    PyObject_HEAD
    blake2_state st;          /* protected by mutex */
    PyMutex mutex;
} blake2object;

static uint64_t load64_le(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) {
        v = (v << 8) | p[i];
    }
    return v;
}

static uint32_t load32_le(const unsigned char *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
           ((uint32_t)p[3] << 24);
}

static uint64_t rotr64(uint64_t x, int n)
{
    return (x >> n) | (x << (64 - n));
}

static uint32_t rotr32(uint32_t x, int n)
{
    return (x >> n) | (x << (32 - n));
}

#define B2B_G(a, b, c, d, x, y)                                                              \
    do {                                                                                      \
        v[a] = v[a] + v[b] + (x);                                                             \
        v[d] = rotr64(v[d] ^ v[a], 32);                                                       \
        v[c] = v[c] + v[d];                                                                   \
        v[b] = rotr64(v[b] ^ v[c], 24);                                                       \
        v[a] = v[a] + v[b] + (y);                                                             \
        v[d] = rotr64(v[d] ^ v[a], 16);                                                       \
        v[c] = v[c] + v[d];                                                                   \
        v[b] = rotr64(v[b] ^ v[c], 63);                                                       \
    } while (0)

#define B2S_G(a, b, c, d, x, y)                                                              \
    do {                                                                                      \
        v[a] = v[a] + v[b] + (x);                                                             \
        v[d] = rotr32(v[d] ^ v[a], 16);                                                       \
        v[c] = v[c] + v[d];                                                                   \
        v[b] = rotr32(v[b] ^ v[c], 12);                                                       \
        v[a] = v[a] + v[b] + (y);                                                             \
        v[d] = rotr32(v[d] ^ v[a], 8);                                                        \
        v[c] = v[c] + v[d];                                                                   \
        v[b] = rotr32(v[b] ^ v[c], 7);                                                        \
    } while (0)

/* The G calls of one round, on columns then diagonals, with message words from sigma row s. */
#define BLAKE2_ROUND(G, m, s)                                                                \
    do {                                                                                      \
        G(0, 4, 8, 12, m[s[0]], m[s[1]]);                                                     \
        G(1, 5, 9, 13, m[s[2]], m[s[3]]);                                                     \
        G(2, 6, 10, 14, m[s[4]], m[s[5]]);                                                    \
        G(3, 7, 11, 15, m[s[6]], m[s[7]]);                                                    \
        G(0, 5, 10, 15, m[s[8]], m[s[9]]);                                                    \
        G(1, 6, 11, 12, m[s[10]], m[s[11]]);                                                  \
        G(2, 7, 8, 13, m[s[12]], m[s[13]]);                                                   \
        G(3, 4, 9, 14, m[s[14]], m[s[15]]);                                                   \
    } while (0)

static void blake2b_compress(blake2_state *st, const unsigned char *block, int last)
{
    uint64_t m[16], v[16];
    for (int i = 0; i < 16; i++) {
        m[i] = load64_le(block + 8 * i);
    }
    for (int i = 0; i < 8; i++) {
        v[i] = st->h64[i];
        v[i + 8] = blake2b_iv[i];
    }
    v[12] ^= st->count_lo;
    v[13] ^= st->count_hi;
    if (last) {
        v[14] = ~v[14];
        if (st->last_node) {
            v[15] = ~v[15];
        }
    }
    for (int r = 0; r < 12; r++) {
        const uint8_t *s = blake2_sigma[r % 10];
        BLAKE2_ROUND(B2B_G, m, s);
    }
    for (int i = 0; i < 8; i++) {
        st->h64[i] ^= v[i] ^ v[i + 8];
    }
}

static void blake2s_compress(blake2_state *st, const unsigned char *block, int last)
{
    uint32_t m[16], v[16];
    for (int i = 0; i < 16; i++) {
        m[i] = load32_le(block + 4 * i);
    }
    for (int i = 0; i < 8; i++) {
        v[i] = st->h32[i];
        v[i + 8] = blake2s_iv[i];
    }
    v[12] ^= (uint32_t)st->count_lo;
    v[13] ^= (uint32_t)(st->count_lo >> 32);
    if (last) {
        v[14] = ~v[14];
        if (st->last_node) {
            v[15] = ~v[15];
        }
    }
    for (int r = 0; r < 10; r++) {
        const uint8_t *s = blake2_sigma[r];
        BLAKE2_ROUND(B2S_G, m, s);
    }
    for (int i = 0; i < 8; i++) {
        st->h32[i] ^= v[i] ^ v[i + 8];
    }
}

static size_t blake2_block_size(const blake2_state *st)
{
    return st->wide ? 128 : 64;
}

static void blake2_add_count(blake2_state *st, uint64_t n)
{
    st->count_lo += n;
    if (st->count_lo < n) {
        st->count_hi++;
    }
}

static void blake2_compress(blake2_state *st, const unsigned char *block, int last)
{
    if (st->wide) {
        blake2b_compress(st, block, last);
    }
    else {
        blake2s_compress(st, block, last);
    }
}

/* Absorb data; the last (possibly full) block stays buffered for the final compression. */
static void blake2_update(blake2_state *st, const unsigned char *data, size_t len)
{
    size_t bs = blake2_block_size(st);
    while (len > 0) {
        if (st->buflen == bs) {
            blake2_add_count(st, bs);
            blake2_compress(st, st->buf, 0);
            st->buflen = 0;
        }
        size_t take = bs - st->buflen;
        if (take > len) {
            take = len;
        }
        memcpy(st->buf + st->buflen, data, take);
        st->buflen += take;
        data += take;
        len -= take;
    }
}

/* Write the digest of a copy of st into out (digest_size bytes). */
static void blake2_final(const blake2_state *src, unsigned char *out)
{
    blake2_state st = *src;
    size_t bs = blake2_block_size(&st);
    blake2_add_count(&st, st.buflen);
    memset(st.buf + st.buflen, 0, bs - st.buflen);
    blake2_compress(&st, st.buf, 1);
    unsigned char full[64];
    for (int i = 0; i < 8; i++) {
        if (st.wide) {
            for (int k = 0; k < 8; k++) {
                full[8 * i + k] = (unsigned char)(st.h64[i] >> (8 * k));
            }
        }
        else {
            for (int k = 0; k < 4; k++) {
                full[4 * i + k] = (unsigned char)(st.h32[i] >> (8 * k));
            }
        }
    }
    memcpy(out, full, (size_t)st.digest_size);
}

static PyTypeObject Blake2b_Type;
static PyTypeObject Blake2s_Type;

/* Read an optional bytes-like keyword into buf (at most max bytes); -1 with an exception. */
static int blake2_bytes_param(PyObject *obj, const char *what, size_t max, unsigned char *buf,
                              size_t *len)
{
    *len = 0;
    if (obj == NULL) {
        return 0;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0) {
        return -1;
    }
    if ((size_t)view.len > max) {
        PyErr_Format(PyExc_ValueError, "maximum %s length is %zu bytes", what, max);
        PyBuffer_Release(&view);
        return -1;
    }
    memcpy(buf, view.buf, (size_t)view.len);
    *len = (size_t)view.len;
    PyBuffer_Release(&view);
    return 0;
}

/* A non-negative integer keyword (default 0) no larger than max; -1 with an exception. */
static int blake2_uint_param(PyObject *obj, const char *name, unsigned long long max,
                             unsigned long long *out)
{
    *out = 0;
    if (obj == NULL) {
        return 0;
    }
    if (!PyLong_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    int neg = PyObject_RichCompareBool(obj, _PyLong_GetZero(), Py_LT);
    if (neg < 0) {
        return -1;
    }
    if (neg) {
        PyErr_SetString(PyExc_ValueError, "value must be positive");
        return -1;
    }
    unsigned long long v = PyLong_AsUnsignedLongLong(obj);
    if (v == (unsigned long long)-1 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_SetString(PyExc_OverflowError, "int too big to convert");
        }
        return -1;
    }
    if (v > max) {
        PyErr_Format(PyExc_OverflowError, "%s is too large", name);
        return -1;
    }
    *out = v;
    return 0;
}

/* A small integer keyword that must be in [lo, hi]; -1 with "NAME must be between LO and HI". */
static int blake2_byte_param(PyObject *obj, const char *name, int lo, int hi, int dflt,
                             int *out)
{
    *out = dflt;
    if (obj == NULL) {
        return 0;
    }
    int v = PyLong_AsInt(obj);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (v < lo || v > hi) {
        PyErr_Format(PyExc_ValueError, "%s must be between %d and %d", name, lo, hi);
        return -1;
    }
    *out = v;
    return 0;
}

static int blake2_feed(blake2object *self, PyObject *data)
{
    if (PyUnicode_Check(data)) {
        PyErr_SetString(PyExc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    if (!PyObject_CheckBuffer(data)) {
        PyErr_SetString(PyExc_TypeError, "object supporting the buffer API required");
        return -1;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(data, &view, PyBUF_SIMPLE) < 0) {
        return -1;
    }
    if (view.len >= GIL_RELEASE_MINSIZE) {
        Py_BEGIN_ALLOW_THREADS
        PyMutex_Lock(&self->mutex);
        blake2_update(&self->st, view.buf, (size_t)view.len);
        PyMutex_Unlock(&self->mutex);
        Py_END_ALLOW_THREADS
    }
    else {
        PyMutex_Lock(&self->mutex);
        blake2_update(&self->st, view.buf, (size_t)view.len);
        PyMutex_Unlock(&self->mutex);
    }
    PyBuffer_Release(&view);
    return 0;
}

/* blake2b(data=b'', /, *, digest_size, key, salt, person, fanout, depth, leaf_size,
 *         node_offset, node_depth, inner_size, last_node, usedforsecurity) */
static PyObject *blake2_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "digest_size", "key", "salt", "person", "fanout", "depth",
                             "leaf_size", "node_offset", "node_depth", "inner_size",
                             "last_node", "usedforsecurity", NULL};
    int wide = PyType_IsSubtype(type, &Blake2b_Type);
    const char *fname = wide ? "blake2b" : "blake2s";
    char fmt[32];
    PyOS_snprintf(fmt, sizeof(fmt), "|O$OOOOOOOOOOpp:%s", fname);
    PyObject *data = NULL, *digest_size_o = NULL, *key_o = NULL, *salt_o = NULL;
    PyObject *person_o = NULL, *fanout_o = NULL, *depth_o = NULL, *leaf_o = NULL;
    PyObject *offset_o = NULL, *node_depth_o = NULL, *inner_o = NULL;
    int last_node = 0, usedforsecurity = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, fmt, kwlist, &data, &digest_size_o, &key_o,
                                     &salt_o, &person_o, &fanout_o, &depth_o, &leaf_o,
                                     &offset_o, &node_depth_o, &inner_o, &last_node,
                                     &usedforsecurity)) {
        return NULL;
    }
    int max_out = wide ? 64 : 32;
    size_t salt_max = wide ? 16 : 8;
    unsigned char key[64], salt[16] = {0}, person[16] = {0};
    size_t key_len, salt_len, person_len;
    int digest_size, fanout, depth, node_depth, inner_size;
    unsigned long long leaf_size, node_offset;
    if (data != NULL && PyUnicode_Check(data)) {
        PyErr_SetString(PyExc_TypeError, "Strings must be encoded before hashing");
        return NULL;
    }
    if (digest_size_o != NULL) {
        digest_size = PyLong_AsInt(digest_size_o);
        if (digest_size == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (digest_size < 1 || digest_size > max_out) {
            PyErr_Format(PyExc_ValueError, "digest_size must be between 1 and %d bytes",
                         max_out);
            return NULL;
        }
    }
    else {
        digest_size = max_out;
    }
    if (blake2_bytes_param(key_o, "key", (size_t)max_out, key, &key_len) < 0 ||
        blake2_bytes_param(salt_o, "salt", salt_max, salt, &salt_len) < 0 ||
        blake2_bytes_param(person_o, "person", salt_max, person, &person_len) < 0 ||
        blake2_byte_param(fanout_o, "fanout", 0, 255, 1, &fanout) < 0 ||
        blake2_byte_param(depth_o, "depth", 1, 255, 1, &depth) < 0 ||
        blake2_uint_param(leaf_o, "leaf_size", 0xffffffffULL, &leaf_size) < 0 ||
        blake2_uint_param(offset_o, "node_offset", wide ? ~0ULL : 0xffffffffffffULL,
                          &node_offset) < 0 ||
        blake2_byte_param(node_depth_o, "node_depth", 0, 255, 0, &node_depth) < 0) {
        return NULL;
    }
    inner_size = 0;
    if (inner_o != NULL) {
        inner_size = PyLong_AsInt(inner_o);
        if (inner_size == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (inner_size < 0 || inner_size > max_out) {
            PyErr_Format(PyExc_ValueError, "inner_size must be between 0 and is %d", max_out);
            return NULL;
        }
    }
    blake2object *self = (blake2object *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->mutex = (PyMutex){0};
    blake2_state *st = &self->st;
    memset(st, 0, sizeof(*st));
    st->wide = wide;
    st->digest_size = digest_size;
    st->last_node = last_node;
    /* The parameter block, XORed into the IV. */
    unsigned char param[64] = {0};
    param[0] = (unsigned char)digest_size;
    param[1] = (unsigned char)key_len;
    param[2] = (unsigned char)fanout;
    param[3] = (unsigned char)depth;
    for (int i = 0; i < 4; i++) {
        param[4 + i] = (unsigned char)(leaf_size >> (8 * i));
    }
    if (wide) {
        for (int i = 0; i < 8; i++) {
            param[8 + i] = (unsigned char)(node_offset >> (8 * i));
        }
        param[16] = (unsigned char)node_depth;
        param[17] = (unsigned char)inner_size;
        memcpy(param + 32, salt, 16);
        memcpy(param + 48, person, 16);
        for (int i = 0; i < 8; i++) {
            st->h64[i] = blake2b_iv[i] ^ load64_le(param + 8 * i);
        }
    }
    else {
        for (int i = 0; i < 6; i++) {
            param[8 + i] = (unsigned char)(node_offset >> (8 * i));
        }
        param[14] = (unsigned char)node_depth;
        param[15] = (unsigned char)inner_size;
        memcpy(param + 16, salt, 8);
        memcpy(param + 24, person, 8);
        for (int i = 0; i < 8; i++) {
            st->h32[i] = blake2s_iv[i] ^ load32_le(param + 4 * i);
        }
    }
    if (key_len > 0) {
        unsigned char block[128] = {0};
        memcpy(block, key, key_len);
        blake2_update(st, block, blake2_block_size(st));
    }
    if (data != NULL && blake2_feed(self, data) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static void blake2_dealloc(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    tp->tp_free(op);
}

static PyObject *blake2_py_update(PyObject *op, PyObject *data)
{
    if (blake2_feed((blake2object *)op, data) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *blake2_py_digest(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    blake2object *self = (blake2object *)op;
    unsigned char out[64];
    PyMutex_Lock(&self->mutex);
    blake2_final(&self->st, out);
    int n = self->st.digest_size;
    PyMutex_Unlock(&self->mutex);
    return PyBytes_FromStringAndSize((const char *)out, n);
}

static PyObject *blake2_py_hexdigest(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    blake2object *self = (blake2object *)op;
    unsigned char out[64];
    PyMutex_Lock(&self->mutex);
    blake2_final(&self->st, out);
    int n = self->st.digest_size;
    PyMutex_Unlock(&self->mutex);
    return hex_of(out, (size_t)n);
}

static PyObject *blake2_py_copy(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    blake2object *self = (blake2object *)op;
    PyTypeObject *tp = Py_TYPE(op);
    blake2object *other = (blake2object *)tp->tp_alloc(tp, 0);
    if (other == NULL) {
        return NULL;
    }
    other->mutex = (PyMutex){0};
    PyMutex_Lock(&self->mutex);
    other->st = self->st;
    PyMutex_Unlock(&self->mutex);
    return (PyObject *)other;
}

static PyObject *blake2_get_name(PyObject *op, void *closure)
{
    return PyUnicode_FromString(((blake2object *)op)->st.wide ? "blake2b" : "blake2s");
}

static PyObject *blake2_get_digest_size(PyObject *op, void *closure)
{
    return PyLong_FromLong(((blake2object *)op)->st.digest_size);
}

static PyObject *blake2_get_block_size(PyObject *op, void *closure)
{
    return PyLong_FromSize_t(blake2_block_size(&((blake2object *)op)->st));
}

static PyMethodDef blake2_methods[] = {
    {"update", blake2_py_update, METH_O, "Update this hash object's state with the provided "
                                         "bytes-like object."},
    {"digest", blake2_py_digest, METH_NOARGS, "Return the digest value as a bytes object."},
    {"hexdigest", blake2_py_hexdigest, METH_NOARGS,
     "Return the digest value as a string of hexadecimal digits."},
    {"copy", blake2_py_copy, METH_NOARGS, "Return a copy of the hash object."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef blake2_getset[] = {
    {"name", blake2_get_name, NULL, NULL, NULL},
    {"digest_size", blake2_get_digest_size, NULL, NULL, NULL},
    {"block_size", blake2_get_block_size, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject Blake2b_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_blake2.blake2b",
    .tp_basicsize = sizeof(blake2object),
    .tp_dealloc = blake2_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Return a new BLAKE2b hash object.",
    .tp_methods = blake2_methods,
    .tp_getset = blake2_getset,
    .tp_new = blake2_new,
};
_Py_REGISTER_STATIC_TYPE(Blake2b_Type);

static PyTypeObject Blake2s_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_blake2.blake2s",
    .tp_basicsize = sizeof(blake2object),
    .tp_dealloc = blake2_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Return a new BLAKE2s hash object.",
    .tp_methods = blake2_methods,
    .tp_getset = blake2_getset,
    .tp_new = blake2_new,
};
_Py_REGISTER_STATIC_TYPE(Blake2s_Type);

/* Add the size constants (MAX_DIGEST_SIZE, ...) to a blake2 type's dict. */
static int blake2_add_constants(PyTypeObject *type, int digest, int salt)
{
    const struct {
        const char *name;
        int value;
    } consts[] = {{"MAX_DIGEST_SIZE", digest}, {"MAX_KEY_SIZE", digest},
                  {"SALT_SIZE", salt}, {"PERSON_SIZE", salt}};
    for (size_t i = 0; i < Py_ARRAY_LENGTH(consts); i++) {
        PyObject *v = PyLong_FromLong(consts[i].value);
        if (v == NULL) {
            return -1;
        }
        /* Static types are immutable from Python: fill the dict directly, once, at import. */
        int rc = PyDict_SetItemString(type->tp_dict, consts[i].name, v);
        Py_DECREF(v);
        if (rc < 0) {
            return -1;
        }
    }
    PyType_Modified(type);
    return 0;
}

/* scrypt(password, *, salt, n, r, p, maxmem=0, dklen=64) */
static PyObject *hashlib_scrypt(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"password", "salt", "n", "r", "p", "maxmem", "dklen", NULL};
    Py_buffer password = {NULL, NULL}, salt = {NULL, NULL};
    PyObject *n_obj = NULL, *r_obj = NULL, *p_obj = NULL;
    long maxmem = 0, dklen = 64;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "y*|$y*OOOll:scrypt", kwlist, &password,
                                     &salt, &n_obj, &r_obj, &p_obj, &maxmem, &dklen)) {
        return NULL;
    }
    PyObject *result = NULL;
    if (salt.obj == NULL && salt.buf == NULL) {
        PyErr_SetString(PyExc_TypeError, "salt is required");
        goto done;
    }
    if (n_obj == NULL || r_obj == NULL || p_obj == NULL) {
        PyErr_Format(PyExc_TypeError, "%s is required and must be an unsigned int",
                     n_obj == NULL ? "n" : r_obj == NULL ? "r" : "p");
        goto done;
    }
    unsigned long long n = PyLong_AsUnsignedLongLong(n_obj);
    if (n == (unsigned long long)-1 && PyErr_Occurred()) {
        goto done;
    }
    if (n < 2 || (n & (n - 1)) != 0) {
        PyErr_SetString(PyExc_ValueError, "n must be a power of 2.");
        goto done;
    }
    unsigned long r = PyLong_AsUnsignedLong(r_obj);
    if (r == (unsigned long)-1 && PyErr_Occurred()) {
        goto done;
    }
    unsigned long p = PyLong_AsUnsignedLong(p_obj);
    if (p == (unsigned long)-1 && PyErr_Occurred()) {
        goto done;
    }
    if (maxmem < 0 || maxmem > INT_MAX) {
        PyErr_Format(PyExc_ValueError, "maxmem must be positive and smaller than %d", INT_MAX);
        goto done;
    }
    if (dklen < 1 || dklen > INT_MAX) {
        PyErr_Format(PyExc_ValueError, "dklen must be greater than 0 and smaller than %d",
                     INT_MAX);
        goto done;
    }
    /* Check n, r and p on their own (no memory limit); the limit is checked by the real
     * derivation below, which reports it separately. */
    if (!EVP_PBE_scrypt(NULL, 0, NULL, 0, n, r, p, UINT64_MAX, NULL, 0)) {
        PyErr_SetString(PyExc_ValueError, "Invalid parameter combination for n, r, p, maxmem.");
        goto done;
    }
    result = PyBytes_FromStringAndSize(NULL, dklen);
    if (result == NULL) {
        goto done;
    }
    int ok;
    Py_BEGIN_ALLOW_THREADS
    ok = EVP_PBE_scrypt((const char *)password.buf, (size_t)password.len,
                        (const unsigned char *)salt.buf, (size_t)salt.len, n, r, p,
                        (uint64_t)maxmem, (unsigned char *)PyBytes_AS_STRING(result),
                        (size_t)dklen);
    Py_END_ALLOW_THREADS
    if (!ok) {
        Py_CLEAR(result);
        PyErr_SetString(PyExc_ValueError, "[digital envelope routines] memory limit exceeded");
    }
done:
    if (password.obj != NULL || password.buf != NULL) {
        PyBuffer_Release(&password);
    }
    if (salt.obj != NULL || salt.buf != NULL) {
        PyBuffer_Release(&salt);
    }
    return result;
}

static void add_name(const EVP_MD *md, const char *from, const char *to, void *arg)
{
    PyObject *set = (PyObject *)arg;
    if (md == NULL || PyErr_Occurred()) {
        return;
    }
    PyObject *name = python_name(md);
    if (name == NULL || PySet_Add(set, name) < 0) {
        Py_XDECREF(name);
        return;
    }
    Py_DECREF(name);
}

static int hashlib_exec(PyObject *module)
{
    PyObject *names = PySet_New(NULL);
    if (names == NULL) {
        return -1;
    }
    EVP_MD_do_all_sorted(add_name, names);
    if (PyErr_Occurred()) {
        Py_DECREF(names);
        return -1;
    }
    PyObject *frozen = PyFrozenSet_New(names);
    Py_DECREF(names);
    if (frozen == NULL || PyModule_AddObjectRef(module, "openssl_md_meth_names", frozen) < 0) {
        Py_XDECREF(frozen);
        return -1;
    }
    Py_DECREF(frozen);
    if (PyModule_AddObjectRef(module, "HASH", (PyObject *)&Hash_Type) < 0 ||
        PyModule_AddObjectRef(module, "HASHXOF", (PyObject *)&HashXOF_Type) < 0) {
        return -1;
    }
    if (blake2_add_constants(&Blake2b_Type, 64, 16) < 0 ||
        blake2_add_constants(&Blake2s_Type, 32, 8) < 0 ||
        PyModule_AddObjectRef(module, "blake2b", (PyObject *)&Blake2b_Type) < 0 ||
        PyModule_AddObjectRef(module, "blake2s", (PyObject *)&Blake2s_Type) < 0) {
        return -1;
    }
    return 0;
}

#define KWF(f) _PyCFunction_CAST(f)

static PyMethodDef hashlib_methods[] = {
    {"new", KWF(hashlib_new), METH_VARARGS | METH_KEYWORDS,
     "new(name, data=b'', *, usedforsecurity=True)\n\nReturn a new hash object for the named "
     "algorithm, optionally initialised with data."},
    {"pbkdf2_hmac", KWF(hashlib_pbkdf2_hmac), METH_VARARGS | METH_KEYWORDS,
     "Password-based key derivation function 2 (PKCS #5 v2.0) with HMAC as the PRF."},
    {"hmac_digest", KWF(hashlib_hmac_digest), METH_VARARGS | METH_KEYWORDS,
     "Single-shot HMAC."},
    {"scrypt", KWF(hashlib_scrypt), METH_VARARGS | METH_KEYWORDS,
     "scrypt password-based key derivation function."},
    {"compare_digest", hashlib_compare_digest, METH_VARARGS,
     "Return 'a == b' in a way that does not leak timing information about the contents."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot hashlib_slots[] = {
    {Py_mod_exec, hashlib_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef hashlib_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_hashlib",
    .m_doc = "Message digests from OpenSSL's libcrypto.",
    .m_size = 0,
    .m_methods = hashlib_methods,
    .m_slots = hashlib_slots,
};

PyMODINIT_FUNC
PyInit__hashlib(void)
{
    return PyModuleDef_Init(&hashlib_module);
}
