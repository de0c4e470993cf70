/* Hashing: SipHash-1-3 for str and bytes, the numeric hash of floats, pointer hashes, and the
 * start-up of the hash secret from PYTHONHASHSEED.
 *
 * Concurrency: _Py_HashSecret is written once by _Py_HashRandomization_Init before any object
 * is hashed (single-threaded start-up) and only read afterwards, so no synchronisation. */
#include "Python.h"
#include "internal/pycore_pylifecycle.h"

#include <sys/random.h>

_Py_HashSecret_t _Py_HashSecret = {{0}};
int _Py_HashSecret_Initialized = 0;

/* ---- SipHash-1-3 (Aumasson & Bernstein): one compression round, three finalisation rounds.
 * 64-bit little-endian message words; the final word carries the length in its top byte. */

#define ROTL64(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))

#define SIP_ROUND(v0, v1, v2, v3)                                                             \
    do {                                                                                      \
        v0 += v1; v1 = ROTL64(v1, 13); v1 ^= v0; v0 = ROTL64(v0, 32);                         \
        v2 += v3; v3 = ROTL64(v3, 16); v3 ^= v2;                                              \
        v0 += v3; v3 = ROTL64(v3, 21); v3 ^= v0;                                              \
        v2 += v1; v1 = ROTL64(v1, 17); v1 ^= v2; v2 = ROTL64(v2, 32);                         \
    } while (0)

static uint64_t
load_le64(const unsigned char *p)
{
    uint64_t w = 0;
    for (int i = 7; i >= 0; i--) {
        w = (w << 8) | p[i];
    }
    return w;
}

static uint64_t
siphash13(uint64_t k0, uint64_t k1, const unsigned char *src, Py_ssize_t len)
{
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    uint64_t b = (uint64_t)len << 56;
    Py_ssize_t left = len;

    while (left >= 8) {
        uint64_t m;
        memcpy(&m, src, 8);
#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
        m = load_le64(src);
#endif
        v3 ^= m;
        SIP_ROUND(v0, v1, v2, v3);
        v0 ^= m;
        src += 8;
        left -= 8;
    }
    uint64_t t = 0;
    for (Py_ssize_t i = left - 1; i >= 0; i--) {
        t = (t << 8) | src[i];
    }
    b |= t;
    (void)load_le64;

    v3 ^= b;
    SIP_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

static Py_hash_t
siphash13_hash(const void *src, Py_ssize_t len)
{
    return (Py_hash_t)siphash13(_Py_HashSecret.siphash.k0, _Py_HashSecret.siphash.k1,
                                (const unsigned char *)src, len);
}

Py_hash_t
_Py_HashBytes(const void *src, Py_ssize_t len)
{
    if (len == 0) {
        return 0;
    }
    Py_hash_t x = siphash13_hash(src, len);
    if (x == -1) {
        return -2;
    }
    return x;
}

Py_hash_t
Py_HashBuffer(const void *ptr, Py_ssize_t len)
{
    return _Py_HashBytes(ptr, len);
}

static PyHash_FuncDef hash_func_def = {siphash13_hash, "siphash13", 64, 128};

/* Borrowed, static. */
PyHash_FuncDef *
PyHash_GetFuncDef(void)
{
    return &hash_func_def;
}

/* ---- pointers ------------------------------------------------------------------------------ */

Py_hash_t
_Py_HashPointerRaw(const void *p)
{
    /* The low 4 bits are almost always zero (alignment): rotate them to the top. */
    size_t y = (size_t)p;
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
    return (Py_hash_t)y;
}

Py_hash_t
Py_HashPointer(const void *p)
{
    Py_hash_t x = _Py_HashPointerRaw(p);
    if (x == -1) {
        x = -2;
    }
    return x;
}

Py_hash_t
_Py_HashPointer(const void *p)
{
    return Py_HashPointer(p);
}

/* ---- floats -------------------------------------------------------------------------------
 * hash(x) for a finite x is x reduced modulo P = 2**61 - 1 (as a rational m / 2**e that is
 * m * 2**-e mod P), with the sign of x; infinities hash to +-314159 and NaN to the identity of
 * the object, as in CPython. */
Py_hash_t
_Py_HashDouble(PyObject *inst, double v)
{
    if (!isfinite(v)) {
        if (isinf(v)) {
            return v > 0 ? _PyHASH_INF : -_PyHASH_INF;
        }
        return Py_HashPointer(inst);
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    /* Feed 28 bits of the mantissa at a time: x = x * 2**28 + chunk, all mod P. */
    Py_uhash_t x = 0;
    while (m) {
        x = ((x << 28) & _PyHASH_MODULUS) | x >> (_PyHASH_BITS - 28);
        m *= 268435456.0; /* 2**28 */
        e -= 28;
        Py_uhash_t y = (Py_uhash_t)m;
        m -= (double)y;
        x += y;
        if (x >= _PyHASH_MODULUS) {
            x -= _PyHASH_MODULUS;
        }
    }
    /* Multiply by 2**e mod P: a rotation by e mod 61 within 61 bits. */
    e = e >= 0 ? e % _PyHASH_BITS : _PyHASH_BITS - 1 - ((-1 - e) % _PyHASH_BITS);
    x = ((x << e) & _PyHASH_MODULUS) | x >> (_PyHASH_BITS - e);
    x = x * (Py_uhash_t)sign;
    if (x == (Py_uhash_t)-1) {
        x = (Py_uhash_t)-2;
    }
    return (Py_hash_t)x;
}

/* ---- the secret ---------------------------------------------------------------------------- */

/* CPython's linear congruential generator for a PYTHONHASHSEED value, so that a given seed
 * gives a deterministic secret. */
static void
lcg_urandom(unsigned int x0, unsigned char *buffer, size_t size)
{
    unsigned int x = x0;
    for (size_t index = 0; index < size; index++) {
        x *= 214013;
        x += 2531011;
        buffer[index] = (x >> 16) & 0xff;
    }
}

static void
random_bytes(unsigned char *buffer, size_t size)
{
    size_t done = 0;
    while (done < size) {
        ssize_t n = getrandom(buffer + done, size - done, 0);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            /* No entropy source: fall back to something that still varies per process. */
            lcg_urandom((unsigned int)getpid() ^ (unsigned int)(uintptr_t)buffer,
                        buffer + done, size - done);
            return;
        }
        done += (size_t)n;
    }
}

void
_Py_HashRandomization_Init(void)
{
    if (_Py_HashSecret_Initialized) {
        return;
    }
    _Py_HashSecret_Initialized = 1;
    const char *seed_text = getenv("PYTHONHASHSEED");
    if (seed_text == NULL || seed_text[0] == '\0' || strcmp(seed_text, "random") == 0) {
        random_bytes(_Py_HashSecret.uc, sizeof(_Py_HashSecret));
        return;
    }
    char *end;
    errno = 0;
    unsigned long seed = strtoul(seed_text, &end, 10);
    if (*end != '\0' || errno != 0 || seed > 4294967295UL) {
        fprintf(stderr, "Fatal Python error: PYTHONHASHSEED must be \"random\" or an integer "
                        "in range [0; 4294967295]\n");
        exit(1);
    }
    if (seed == 0) {
        memset(_Py_HashSecret.uc, 0, sizeof(_Py_HashSecret));
        return;
    }
    lcg_urandom((unsigned int)seed, _Py_HashSecret.uc, sizeof(_Py_HashSecret));
}
