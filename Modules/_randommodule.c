/* _random: the Mersenne Twister core of Lib/random.py.
 *
 * MT19937 (Matsumoto and Nishimura, 1998): 624 words of state, tempered 32-bit outputs.
 * Seeding follows what Python's random module documents so that random.seed(n) reproduces
 * CPython's sequences: the absolute value of an integer seed is split into 32-bit words,
 * least significant first, and fed to the reference init_by_array(); other hashable seeds use
 * their hash; None seeds from the operating system's randomness.
 *
 * Thread safety: every method runs in a critical section on the generator object, which
 * protects state[] and index (CPython makes the same methods atomic). */
#include "Python.h"
#include "pycore_modsupport.h"

#include <limits.h>
#include <sys/random.h>
#include <time.h>

#define MT_N 624
#define MT_M 397
#define MT_MATRIX_A 0x9908b0dfU
#define MT_UPPER_MASK 0x80000000U
#define MT_LOWER_MASK 0x7fffffffU

typedef struct {
    PyObject_HEAD
    int index;                 /* next word of state to temper; MT_N: regenerate first */
    uint32_t state[MT_N];
} RandomObject;

typedef struct {
    PyTypeObject *random_type;
} random_state;

/* ---- the generator ------------------------------------------------------------------------ */

static void mt_init_genrand(RandomObject *self, uint32_t s)
{
    uint32_t *mt = self->state;
    mt[0] = s;
    for (int i = 1; i < MT_N; i++) {
        mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    }
    self->index = MT_N;
}

static void mt_init_by_array(RandomObject *self, const uint32_t *key, size_t keylen)
{
    uint32_t *mt = self->state;
    mt_init_genrand(self, 19650218U);
    size_t i = 1, j = 0;
    size_t k = MT_N > keylen ? MT_N : keylen;
    for (; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= keylen) {
            j = 0;
        }
    }
    for (k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U;   /* guarantees a non-zero initial state */
    self->index = MT_N;
}

/* Regenerate the whole state block. */
static void mt_twist(RandomObject *self)
{
    uint32_t *mt = self->state;
    int kk;
    for (kk = 0; kk < MT_N - MT_M; kk++) {
        uint32_t y = (mt[kk] & MT_UPPER_MASK) | (mt[kk + 1] & MT_LOWER_MASK);
        mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ ((y & 1U) ? MT_MATRIX_A : 0U);
    }
    for (; kk < MT_N - 1; kk++) {
        uint32_t y = (mt[kk] & MT_UPPER_MASK) | (mt[kk + 1] & MT_LOWER_MASK);
        mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ ((y & 1U) ? MT_MATRIX_A : 0U);
    }
    uint32_t y = (mt[MT_N - 1] & MT_UPPER_MASK) | (mt[0] & MT_LOWER_MASK);
    mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ ((y & 1U) ? MT_MATRIX_A : 0U);
    self->index = 0;
}

static uint32_t mt_next32(RandomObject *self)
{
    if (self->index >= MT_N) {
        mt_twist(self);
    }
    uint32_t y = self->state[self->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

/* ---- seeding ------------------------------------------------------------------------------ */

/* Seed from the operating system (falling back on the time and pid). */
static void random_seed_urandom(RandomObject *self)
{
    uint32_t key[MT_N];
    ssize_t n = getrandom(key, sizeof(key), GRND_NONBLOCK);
    if (n != (ssize_t)sizeof(key)) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint32_t fallback[4] = {(uint32_t)ts.tv_sec, (uint32_t)ts.tv_nsec,
                                (uint32_t)getpid(), (uint32_t)(uintptr_t)self};
        mt_init_by_array(self, fallback, 4);
        return;
    }
    mt_init_by_array(self, key, MT_N);
}

/* Seed from a non-negative int: its 32-bit words, least significant first. */
static int random_seed_int(RandomObject *self, PyObject *n)
{
    PyObject *absn = PyNumber_Absolute(n);
    if (absn == NULL) {
        return -1;
    }
    int64_t bits = _PyLong_NumBits(absn);
    if (bits < 0) {
        Py_DECREF(absn);
        return -1;
    }
    size_t keyused = bits == 0 ? 1 : (size_t)((bits - 1) / 32 + 1);
    uint32_t *key = PyMem_New(uint32_t, keyused);
    if (key == NULL) {
        Py_DECREF(absn);
        PyErr_NoMemory();
        return -1;
    }
    /* Extract the words with shifts and masks (portable, no byte-order assumptions). */
    PyObject *mask = PyLong_FromUnsignedLong(0xffffffffUL);
    PyObject *shift = PyLong_FromLong(32);
    PyObject *rest = Py_NewRef(absn);
    int ok = mask != NULL && shift != NULL;
    for (size_t i = 0; ok && i < keyused; i++) {
        PyObject *word = PyNumber_And(rest, mask);
        PyObject *next = word ? PyNumber_Rshift(rest, shift) : NULL;
        if (word == NULL || next == NULL) {
            Py_XDECREF(word);
            ok = 0;
            break;
        }
        key[i] = (uint32_t)PyLong_AsUnsignedLong(word);
        Py_DECREF(word);
        Py_SETREF(rest, next);
    }
    Py_XDECREF(mask);
    Py_XDECREF(shift);
    Py_DECREF(rest);
    Py_DECREF(absn);
    if (ok) {
        mt_init_by_array(self, key, keyused);
    }
    PyMem_Free(key);
    return ok ? 0 : -1;
}

static int random_seed_impl(RandomObject *self, PyObject *arg)
{
    if (arg == NULL || arg == Py_None) {
        random_seed_urandom(self);
        return 0;
    }
    if (PyLong_CheckExact(arg) || PyLong_Check(arg)) {
        return random_seed_int(self, arg);
    }
    Py_hash_t hash = PyObject_Hash(arg);
    if (hash == -1) {
        return -1;
    }
    PyObject *n = PyLong_FromSize_t((size_t)hash);
    if (n == NULL) {
        return -1;
    }
    int rc = random_seed_int(self, n);
    Py_DECREF(n);
    return rc;
}

static PyObject *random_seed(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("seed", nargs, 0, 1)) {
        return NULL;
    }
    int rc;
    Py_BEGIN_CRITICAL_SECTION(self);
    rc = random_seed_impl((RandomObject *)self, nargs ? args[0] : NULL);
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- outputs ------------------------------------------------------------------------------ */

/* random() -> float in [0.0, 1.0) with 53 random bits. */
static PyObject *random_random(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    uint32_t a, b;
    Py_BEGIN_CRITICAL_SECTION(self);
    a = mt_next32((RandomObject *)self) >> 5;
    b = mt_next32((RandomObject *)self) >> 6;
    Py_END_CRITICAL_SECTION();
    return PyFloat_FromDouble((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

/* getrandbits(k) -> int with k random bits, built from 32-bit words (least significant
 * first; the last word keeps its top bits). */
static PyObject *random_getrandbits(PyObject *self, PyObject *arg)
{
    /* k is a C int in CPython: its overflow message names "C int". */
    int overflow = 0;
    long k = PyLong_Check(arg) ? PyLong_AsLongAndOverflow(arg, &overflow) : PyLong_AsLong(arg);
    if (k == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (overflow != 0 || k > INT_MAX || k < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (k < 0) {
        PyErr_SetString(PyExc_ValueError, "number of bits must be non-negative");
        return NULL;
    }
    if (k == 0) {
        return PyLong_FromLong(0);
    }
    if (k <= 32) {
        uint32_t r;
        Py_BEGIN_CRITICAL_SECTION(self);
        r = mt_next32((RandomObject *)self) >> (32 - k);
        Py_END_CRITICAL_SECTION();
        return PyLong_FromUnsignedLong(r);
    }
    size_t words = (size_t)((k - 1) / 32 + 1);
    unsigned char *bytes = PyMem_Malloc(words * 4);
    if (bytes == NULL) {
        return PyErr_NoMemory();
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    long remaining = k;
    for (size_t i = 0; i < words; i++, remaining -= 32) {
        uint32_t r = mt_next32((RandomObject *)self);
        if (remaining < 32) {
            r >>= (32 - remaining);
        }
        bytes[4 * i] = (unsigned char)r;
        bytes[4 * i + 1] = (unsigned char)(r >> 8);
        bytes[4 * i + 2] = (unsigned char)(r >> 16);
        bytes[4 * i + 3] = (unsigned char)(r >> 24);
    }
    Py_END_CRITICAL_SECTION();
    PyObject *result = _PyLong_FromByteArray(bytes, words * 4, 1, 0);
    PyMem_Free(bytes);
    return result;
}

/* getstate() -> tuple of the 624 state words and the index. */
static PyObject *random_getstate(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *state = PyTuple_New(MT_N + 1);
    if (state == NULL) {
        return NULL;
    }
    int ok = 1;
    Py_BEGIN_CRITICAL_SECTION(self);
    RandomObject *r = (RandomObject *)self;
    for (int i = 0; i < MT_N && ok; i++) {
        PyObject *w = PyLong_FromUnsignedLong(r->state[i]);
        if (w == NULL) {
            ok = 0;
        }
        else {
            PyTuple_SET_ITEM(state, i, w);
        }
    }
    if (ok) {
        PyObject *idx = PyLong_FromLong(r->index);
        if (idx == NULL) {
            ok = 0;
        }
        else {
            PyTuple_SET_ITEM(state, MT_N, idx);
        }
    }
    Py_END_CRITICAL_SECTION();
    if (!ok) {
        Py_DECREF(state);
        return NULL;
    }
    return state;
}

static PyObject *random_setstate(PyObject *self, PyObject *state)
{
    if (!PyTuple_Check(state)) {
        PyErr_SetString(PyExc_TypeError, "state vector must be a tuple");
        return NULL;
    }
    if (PyTuple_GET_SIZE(state) != MT_N + 1) {
        PyErr_SetString(PyExc_ValueError, "state vector is the wrong size");
        return NULL;
    }
    uint32_t words[MT_N];
    for (int i = 0; i < MT_N; i++) {
        unsigned long w = PyLong_AsUnsignedLong(PyTuple_GET_ITEM(state, i));
        if (w == (unsigned long)-1 && PyErr_Occurred()) {
            return NULL;
        }
        words[i] = (uint32_t)w;
    }
    long index = PyLong_AsLong(PyTuple_GET_ITEM(state, MT_N));
    if (index == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (index < 0 || index > MT_N) {
        PyErr_SetString(PyExc_ValueError, "invalid state");
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    RandomObject *r = (RandomObject *)self;
    memcpy(r->state, words, sizeof(words));
    r->index = (int)index;
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static int random_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    /* Python subclasses (random.Random) define their own __init__; the bare C type takes
     * no keyword arguments. */
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0 && Py_TYPE(self)->tp_init == random_init) {
        PyErr_SetString(PyExc_TypeError, "Random() takes no keyword arguments");
        return -1;
    }
    if (PyTuple_GET_SIZE(args) > 1) {
        PyErr_SetString(PyExc_TypeError, "Random() requires 0 or 1 argument");
        return -1;
    }
    int rc;
    Py_BEGIN_CRITICAL_SECTION(self);
    rc = random_seed_impl((RandomObject *)self,
                          PyTuple_GET_SIZE(args) ? PyTuple_GET_ITEM(args, 0) : NULL);
    Py_END_CRITICAL_SECTION();
    return rc;
}

static void random_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
    Py_DECREF(tp);
}

/* The generator state lives in C: a bare _random.Random cannot be pickled or copied by
 * object.__reduce_ex__ (random.Random defines its own __reduce__). */
static PyObject *random_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyErr_Format(PyExc_TypeError, "cannot pickle '%.200s' object", Py_TYPE(self)->tp_name);
    return NULL;
}

static PyMethodDef random_methods[] = {
    {"__reduce__", random_reduce, METH_NOARGS, NULL},
    {"random", random_random, METH_NOARGS, "random() -> x in the interval [0, 1)."},
    {"seed", _PyCFunction_CAST(random_seed), METH_FASTCALL,
     "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\n"
     "of the current time and the process identifier."},
    {"getstate", random_getstate, METH_NOARGS, "getstate() -> tuple containing the current "
                                               "state."},
    {"setstate", random_setstate, METH_O, "setstate(state) -> None.  Restores generator "
                                          "state."},
    {"getrandbits", random_getrandbits, METH_O, "getrandbits(k) -> x.  Generates an int with "
                                                "k random bits."},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot random_slots[] = {
    {Py_tp_dealloc, random_dealloc},
    {Py_tp_doc, "Random() -> create a random number generator with its own internal state."},
    {Py_tp_methods, random_methods},
    {Py_tp_new, PyType_GenericNew},
    {Py_tp_init, random_init},
    {Py_tp_free, PyObject_Free},
    {0, NULL},
};

static PyType_Spec random_spec = {
    .name = "_random.Random",
    .basicsize = sizeof(RandomObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .slots = random_slots,
};

static int random_exec(PyObject *module)
{
    random_state *st = (random_state *)PyModule_GetState(module);
    st->random_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &random_spec, NULL);
    if (st->random_type == NULL) {
        return -1;
    }
    return PyModule_AddType(module, st->random_type);
}

static int random_traverse(PyObject *module, visitproc visit, void *arg)
{
    Py_VISIT(((random_state *)PyModule_GetState(module))->random_type);
    return 0;
}

static int random_clear(PyObject *module)
{
    Py_CLEAR(((random_state *)PyModule_GetState(module))->random_type);
    return 0;
}

static void random_free(void *module)
{
    random_clear((PyObject *)module);
}

static PyModuleDef_Slot random_module_slots[] = {
    {Py_mod_exec, random_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef randommodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_random",
    .m_doc = "Module implements the Mersenne Twister random number generator.",
    .m_size = sizeof(random_state),
    .m_slots = random_module_slots,
    .m_traverse = random_traverse,
    .m_clear = random_clear,
    .m_free = random_free,
};

PyMODINIT_FUNC
PyInit__random(void)
{
    return PyModuleDef_Init(&randommodule);
}
