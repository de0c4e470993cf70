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

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
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
static PyObject *xof_output(PyObject *op, PyObject *arg, int hex)
{
    Py_ssize_t length = PyLong_AsSsize_t(arg);
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

static PyObject *xof_digest(PyObject *op, PyObject *arg)
{
    return xof_output(op, arg, 0);
}

static PyObject *xof_hexdigest(PyObject *op, PyObject *arg)
{
    return xof_output(op, arg, 1);
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
    {"digest", xof_digest, METH_O, "Return the digest value as a bytes object."},
    {"hexdigest", xof_hexdigest, METH_O, "Return the digest value as a string of hex."},
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
        PyErr_Format(PyExc_TypeError, "expected str, not %s", Py_TYPE(name_obj)->tp_name);
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
        PyErr_SetString(PyExc_TypeError, "'data' and 'string' are mutually exclusive and "
                                         "support for 'string' keyword parameter is slated "
                                         "for removal in a future version.");
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
