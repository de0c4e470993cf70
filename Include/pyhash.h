/* Hashing of bytes and str (SipHash, PYTHONHASHSEED), Py_HashPointer, _Py_HashDouble.
 * Owner: strings room (str, bytes, bytearray, memoryview, hashing, codecs).
 *
 * Numeric hashes follow CPython: reduction modulo the Mersenne prime 2**61 - 1, so equal
 * numbers of different types hash alike.  str and bytes hash with SipHash-1-3 keyed by the hash
 * secret, which _Py_HashRandomization_Init (Python/pyhash.c) fills once at start-up from
 * PYTHONHASHSEED (unset or "random": random bytes; 0: no randomisation; N: deterministic).
 * The secret is immutable after start-up, so readers need no synchronisation. */
#ifndef Py_PYHASH_H
#define Py_PYHASH_H

#define _PyHASH_MULTIPLIER 1000003UL
#define _PyHASH_BITS 61
#define _PyHASH_MODULUS (((size_t)1 << _PyHASH_BITS) - 1)
#define _PyHASH_INF 314159
#define _PyHASH_IMAG _PyHASH_MULTIPLIER
#define PyHASH_MULTIPLIER _PyHASH_MULTIPLIER
#define PyHASH_BITS _PyHASH_BITS
#define PyHASH_MODULUS _PyHASH_MODULUS
#define PyHASH_INF _PyHASH_INF
#define PyHASH_IMAG _PyHASH_IMAG

/* The hash of a float (the CPython algorithm); inst is the object, used for NaN (hash of the
 * object's identity).  Never -1. */
PyAPI_FUNC(Py_hash_t) _Py_HashDouble(PyObject *inst, double v);
PyAPI_FUNC(Py_hash_t) Py_HashPointer(const void *ptr);
PyAPI_FUNC(Py_hash_t) _Py_HashPointer(const void *ptr);
PyAPI_FUNC(Py_hash_t) _Py_HashPointerRaw(const void *ptr);
/* SipHash-1-3 of the bytes (0 for an empty buffer); never -1. */
PyAPI_FUNC(Py_hash_t) _Py_HashBytes(const void *src, Py_ssize_t len);
PyAPI_FUNC(Py_hash_t) Py_HashBuffer(const void *ptr, Py_ssize_t len);

/* The hash secret (24 bytes), as CPython lays it out. */
typedef union {
    unsigned char uc[24];
    struct {
        Py_hash_t prefix;
        Py_hash_t suffix;
    } fnv;
    struct {
        uint64_t k0;
        uint64_t k1;
    } siphash;
    struct {
        unsigned char padding[16];
        Py_hash_t suffix;
    } djbx33a;
    struct {
        unsigned char padding[16];
        Py_hash_t hashsalt;
    } expat;
} _Py_HashSecret_t;
PyAPI_DATA(_Py_HashSecret_t) _Py_HashSecret;
/* 1 once the secret has been initialised. */
PyAPI_DATA(int) _Py_HashSecret_Initialized;

typedef struct {
    Py_hash_t (*const hash)(const void *, Py_ssize_t);
    const char *name;
    const int hash_bits;
    const int seed_bits;
} PyHash_FuncDef;
/* Borrowed, static. */
PyAPI_FUNC(PyHash_FuncDef *) PyHash_GetFuncDef(void);

#define Py_HASH_CUTOFF 0
#define Py_HASH_ALGORITHM Py_HASH_SIPHASH13
#define Py_HASH_SIPHASH13 3

#endif /* Py_PYHASH_H */
