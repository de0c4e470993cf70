/* The object header, reference counting and the type object.
 *
 * Two headers, one per build (DESIGN.md §3).  Everything outside this file and a few runtime
 * primitives reaches the header only through the macros below (Py_TYPE, Py_INCREF, ...), so the
 * two builds share all other code.
 *
 *  GIL build:           { Py_ssize_t ob_refcnt; PyTypeObject *ob_type; }
 *  free-threaded build: { uintptr_t ob_tid; uint16_t ob_flags; PyMutex ob_mutex;
 *                         uint8_t ob_gc_bits; uint32_t ob_ref_local; Py_ssize_t ob_ref_shared;
 *                         PyTypeObject *ob_type; }
 *
 * Immortal objects never change their count: GIL build, ob_refcnt >= _Py_IMMORTAL_MIN_REFCNT;
 * free-threaded build, ob_ref_local == _Py_IMMORTAL_REFCNT_LOCAL.
 *
 * Biased reference counting (free-threaded): the owning thread (ob_tid) updates ob_ref_local
 * with plain relaxed stores (no other thread writes it); every other thread adds to
 * ob_ref_shared atomically, in units of (1 << _Py_REF_SHARED_SHIFT); the low two bits of
 * ob_ref_shared hold the merge state (_Py_REF_*). */
#ifndef Py_OBJECT_H
#define Py_OBJECT_H

typedef struct _object PyObject;
typedef struct _typeobject PyTypeObject;

#define PyObject_HEAD PyObject ob_base;
#define PyObject_VAR_HEAD PyVarObject ob_base;

#ifndef Py_GIL_DISABLED

struct _object {
    Py_ssize_t ob_refcnt;
    PyTypeObject *ob_type;
};

/* Statically allocated and other immortal objects start at this count; a count at or above
 * _Py_IMMORTAL_MIN_REFCNT is never changed, so stray increments from code that does not test
 * for immortality cannot make the object mortal. */
#define _Py_IMMORTAL_REFCNT ((Py_ssize_t)0xFFFFFFFF)
#define _Py_IMMORTAL_MIN_REFCNT ((Py_ssize_t)0xC0000000)

#define PyObject_HEAD_INIT(type) { _Py_IMMORTAL_REFCNT, (type) },

#else /* Py_GIL_DISABLED */

struct _object {
    uintptr_t ob_tid;           /* owning thread (_Py_ThreadId()), 0 when unowned */
    uint16_t ob_flags;          /* _Py_STATICALLY_ALLOCATED_FLAG, ... */
    PyMutex ob_mutex;           /* per-object lock taken by critical sections */
    uint8_t ob_gc_bits;         /* GC state: _PyGC_BITS_* (Include/internal/pycore_gc.h) */
    uint32_t ob_ref_local;      /* owner's count, written only by the owner */
    Py_ssize_t ob_ref_shared;   /* other threads' count << 2 | merge state, atomic */
    PyTypeObject *ob_type;
};

#define _Py_IMMORTAL_REFCNT_LOCAL UINT32_MAX
#define _Py_IMMORTAL_REFCNT ((Py_ssize_t)UINT32_MAX)
#define _Py_STATICALLY_ALLOCATED_FLAG 4
#define _Py_DEFERRED_REFCNT_FLAG 8    /* shared by all threads by design (Objects/object.c) */

#define _Py_REF_SHARED_SHIFT 2
#define _Py_REF_SHARED_FLAG_MASK 0x3
#define _Py_REF_SHARED_INIT 0x0      /* no merge state yet */
#define _Py_REF_MAYBE_WEAKREF 0x1    /* a weak reference may exist */
#define _Py_REF_QUEUED 0x2           /* queued to the owner for merging */
#define _Py_REF_MERGED 0x3           /* counts merged into ob_ref_shared; ob_tid is 0 */
#define _Py_REF_SHARED(refcnt, flags) (((refcnt) << _Py_REF_SHARED_SHIFT) + (flags))
/* A promoted object (per-thread counts, Include/internal/pycore_ptrc.h) has
 * ob_ref_shared >= _Py_REF_PT_MIN: (its index + 1) << _Py_REF_PT_SHIFT on top of its count. */
#define _Py_REF_PT_SHIFT 42
#define _Py_REF_PT_MIN ((Py_ssize_t)1 << (_Py_REF_PT_SHIFT - 1))

#define PyObject_HEAD_INIT(type)                                                              \
    { 0, _Py_STATICALLY_ALLOCATED_FLAG, { 0 }, 0, _Py_IMMORTAL_REFCNT_LOCAL, 0, (type) },

#endif /* Py_GIL_DISABLED */

typedef struct {
    PyObject ob_base;
    Py_ssize_t ob_size; /* number of items in the variable part */
} PyVarObject;

#define PyVarObject_HEAD_INIT(type, size) { PyObject_HEAD_INIT(type) (size) },

#define _PyObject_CAST(op) _Py_CAST(PyObject *, (op))
#define _PyVarObject_CAST(op) _Py_CAST(PyVarObject *, (op))

/* ---- thread identity (owner of biased counts) -------------------------------------------- */

/* A cheap per-thread unique value: the thread pointer.  Never 0 for a live thread. */
static inline uintptr_t _Py_ThreadId(void)
{
    uintptr_t tid;
#if defined(__x86_64__)
    __asm__("movq %%fs:0, %0" : "=r"(tid));
#elif defined(__aarch64__)
    __asm__("mrs %0, tpidr_el0" : "=r"(tid));
#else
    static __thread char anchor;
    tid = (uintptr_t)&anchor;
#endif
    return tid;
}

/* ---- accessors ----------------------------------------------------------------------------- */

static inline PyTypeObject *Py_TYPE(PyObject *ob) { return ob->ob_type; }
#define Py_TYPE(ob) Py_TYPE(_PyObject_CAST(ob))
/* Free-threaded build: a container's size is read without its lock (len(), the eval loop's
 * fast paths) while its owner of the moment resizes it.  Py_SET_SIZE is a relaxed atomic store
 * (as in CPython's free-threaded build); reads are plain loads, which the compiler can still
 * combine, except under ThreadSanitizer, which must see them as atomic. */
static inline Py_ssize_t Py_SIZE(PyObject *ob)
{
#if defined(Py_GIL_DISABLED) && defined(_Py_THREAD_SANITIZER)
    return _Py_atomic_load_ssize_relaxed(&_PyVarObject_CAST(ob)->ob_size);
#else
    return _PyVarObject_CAST(ob)->ob_size;
#endif
}
#define Py_SIZE(ob) Py_SIZE(_PyObject_CAST(ob))
static inline int Py_IS_TYPE(PyObject *ob, PyTypeObject *type) { return Py_TYPE(ob) == type; }
#define Py_IS_TYPE(ob, type) Py_IS_TYPE(_PyObject_CAST(ob), (type))
static inline void Py_SET_TYPE(PyObject *ob, PyTypeObject *type) { ob->ob_type = type; }
#define Py_SET_TYPE(ob, type) Py_SET_TYPE(_PyObject_CAST(ob), (type))
static inline void Py_SET_SIZE(PyVarObject *ob, Py_ssize_t size)
{
#ifdef Py_GIL_DISABLED
    _Py_atomic_store_ssize_relaxed(&ob->ob_size, size);
#else
    ob->ob_size = size;
#endif
}
#define Py_SET_SIZE(ob, size) Py_SET_SIZE(_PyVarObject_CAST(ob), (size))

PyAPI_FUNC(int) Py_Is(PyObject *x, PyObject *y);
#define Py_Is(x, y) ((x) == (y))

/* ---- reference counting -------------------------------------------------------------------- */

PyAPI_FUNC(void) _Py_Dealloc(PyObject *op);
PyAPI_FUNC(void) _Py_NegativeRefcount(const char *filename, int lineno, PyObject *op);
#ifdef Py_REF_DEBUG
PyAPI_FUNC(void) _Py_IncRefTotal(void);
PyAPI_FUNC(void) _Py_DecRefTotal(void);
PyAPI_FUNC(Py_ssize_t) _Py_GetRefTotal(void);
#  define _Py_INC_REFTOTAL() _Py_IncRefTotal()
#  define _Py_DEC_REFTOTAL() _Py_DecRefTotal()
#else
#  define _Py_INC_REFTOTAL() ((void)0)
#  define _Py_DEC_REFTOTAL() ((void)0)
#endif

#ifndef Py_GIL_DISABLED

static inline int _Py_IsImmortal(PyObject *op) { return op->ob_refcnt >= _Py_IMMORTAL_MIN_REFCNT; }
static inline Py_ssize_t Py_REFCNT(PyObject *ob) { return ob->ob_refcnt; }

static inline void Py_SET_REFCNT(PyObject *ob, Py_ssize_t refcnt)
{
    if (_Py_IsImmortal(ob)) {
        return;
    }
    ob->ob_refcnt = refcnt;
}

static inline void Py_INCREF(PyObject *op)
{
    if (_Py_IsImmortal(op)) {
        return;
    }
    op->ob_refcnt++;
    _Py_INC_REFTOTAL();
}

static inline void _Py_DECREF_impl(const char *filename, int lineno, PyObject *op)
{
    (void)filename;   /* used by Py_REF_DEBUG builds only */
    (void)lineno;
    if (_Py_IsImmortal(op)) {
        return;
    }
    _Py_DEC_REFTOTAL();
    if (--op->ob_refcnt == 0) {
        _Py_Dealloc(op);
    }
#ifdef Py_REF_DEBUG
    else if (op->ob_refcnt < 0) {
        _Py_NegativeRefcount(filename, lineno, op);
    }
#endif
}

static inline void _Py_SetImmortal(PyObject *op) { op->ob_refcnt = _Py_IMMORTAL_REFCNT; }

#else /* Py_GIL_DISABLED */

/* Slow paths, Objects/object.c: the owner's local count reached zero; a non-owner increment
 * and decrement. */
PyAPI_FUNC(void) _Py_MergeZeroLocalRefcount(PyObject *op);
PyAPI_FUNC(void) _Py_IncRefShared(PyObject *op);
PyAPI_FUNC(void) _Py_DecRefShared(PyObject *op);
PyAPI_FUNC(void) _Py_DecRefSharedDebug(PyObject *op, const char *filename, int lineno);

static inline int _Py_IsImmortal(PyObject *op)
{
    return _Py_atomic_load_uint32_relaxed(&op->ob_ref_local) == _Py_IMMORTAL_REFCNT_LOCAL;
}

static inline int _Py_IsOwnedByCurrentThread(PyObject *op)
{
    /* A merge (another thread) may clear ob_tid meanwhile.  A plain load, on every reference
     * count operation (as CPython's), except under ThreadSanitizer. */
#ifdef _Py_THREAD_SANITIZER
    return _Py_atomic_load_uintptr_relaxed(&op->ob_tid) == _Py_ThreadId();
#else
    return op->ob_tid == _Py_ThreadId();
#endif
}

static inline Py_ssize_t Py_REFCNT(PyObject *ob)
{
    uint32_t local = _Py_atomic_load_uint32_relaxed(&ob->ob_ref_local);
    if (local == _Py_IMMORTAL_REFCNT_LOCAL) {
        return _Py_IMMORTAL_REFCNT;
    }
    Py_ssize_t shared = _Py_atomic_load_ssize_relaxed(&ob->ob_ref_shared);
    return (Py_ssize_t)local + (shared >> _Py_REF_SHARED_SHIFT);
}

PyAPI_FUNC(void) Py_SET_REFCNT(PyObject *ob, Py_ssize_t refcnt);

static inline void Py_INCREF(PyObject *op)
{
    uint32_t local = _Py_atomic_load_uint32_relaxed(&op->ob_ref_local);
    uint32_t new_local = local + 1;
    if (new_local == 0) {
        return; /* immortal */
    }
    /* The owner's path is the common one (every object of a one-thread program): laid out
     * straight, without the two jumps GCC otherwise places around it. */
    if (Py_LIKELY(_Py_IsOwnedByCurrentThread(op))) {
        /* Only the owner writes ob_ref_local; relaxed is enough for the GC's snapshot, which
         * reads it with the world stopped. */
        _Py_atomic_store_uint32_relaxed(&op->ob_ref_local, new_local);
    }
    else {
        _Py_IncRefShared(op);
    }
    _Py_INC_REFTOTAL();
}

/* The owner drops a reference to op, whose local count it read as `local` (not immortal). */
static inline void _Py_DecRefOwned(PyObject *op, uint32_t local)
{
    local--;
    _Py_atomic_store_uint32_relaxed(&op->ob_ref_local, local);
    if (local == 0) {
        /* Nobody else ever held a reference: the common death, without the call. */
        if (_Py_atomic_load_ssize_acquire(&op->ob_ref_shared) == 0) {
            _Py_Dealloc(op);
        }
        else {
            _Py_MergeZeroLocalRefcount(op);
        }
    }
}

/* A file that defines _Py_DECREF_ALWAYS_INLINE (the eval loop, Python/ceval.c) gets it always
 * inlined: the owner's path is a few instructions, but GCC weighs the whole body and, past its
 * growth limits in a function as large as the eval loop, calls an outlined copy instead. */
#ifdef _Py_DECREF_ALWAYS_INLINE
#  define _Py_DECREF_INLINE Py_ALWAYS_INLINE
#else
#  define _Py_DECREF_INLINE
#endif
static inline _Py_DECREF_INLINE void
_Py_DECREF_impl(const char *filename, int lineno, PyObject *op)
{
    (void)filename;   /* used by Py_REF_DEBUG builds only */
    (void)lineno;
    uint32_t local = _Py_atomic_load_uint32_relaxed(&op->ob_ref_local);
    if (local == _Py_IMMORTAL_REFCNT_LOCAL) {
        return;
    }
    _Py_DEC_REFTOTAL();
    if (Py_LIKELY(_Py_IsOwnedByCurrentThread(op))) {   /* see Py_INCREF */
        _Py_DecRefOwned(op, local);
    }
    else {
#ifdef Py_REF_DEBUG
        _Py_DecRefSharedDebug(op, filename, lineno);
#else
        _Py_DecRefShared(op);
#endif
    }
}

/* Take a new reference to op unless its count already reached zero (it is being, or has
 * been, deallocated; its memory is still valid thanks to QSBR).  Used by lock-free readers,
 * which then re-check that op is still where they found it.  1: referenced; 0: dead, or
 * counted by its owner alone (the caller retries under the container's lock). */
static inline int _Py_TryIncRef(PyObject *op)
{
    uint32_t local = _Py_atomic_load_uint32_relaxed(&op->ob_ref_local);
    if (local == _Py_IMMORTAL_REFCNT_LOCAL) {
        return 1;
    }
    if (local != 0 && _Py_IsOwnedByCurrentThread(op)) {
        _Py_atomic_store_uint32_relaxed(&op->ob_ref_local, local + 1);
        _Py_INC_REFTOTAL();
        return 1;
    }
    Py_ssize_t shared = _Py_atomic_load_ssize_relaxed(&op->ob_ref_shared);
    if (shared >= _Py_REF_PT_MIN) {
        _Py_IncRefShared(op);    /* promoted, hence pinned: alive */
        _Py_INC_REFTOTAL();
        return 1;
    }
    for (;;) {
        if (shared == _Py_REF_SHARED_INIT) {
            /* Only the owner counts it: its count may be reaching zero right now on the
             * owner's fast path, which never looks at the shared word.  Objects published to
             * lock-free readers carry _Py_REF_MAYBE_WEAKREF (_PyObject_SetMaybeShared). */
            return 0;
        }
        if ((shared & _Py_REF_SHARED_FLAG_MASK) == _Py_REF_MERGED &&
            (shared >> _Py_REF_SHARED_SHIFT) <= 0) {
            return 0;      /* merged and zero: dead */
        }
        if (_Py_atomic_compare_exchange_ssize(&op->ob_ref_shared, &shared,
                                              shared + (1 << _Py_REF_SHARED_SHIFT))) {
            _Py_INC_REFTOTAL();
            return 1;
        }
    }
}

static inline void _Py_SetImmortal(PyObject *op)
{
    _Py_atomic_store_uintptr_relaxed(&op->ob_tid, 0);
    _Py_atomic_store_uint32_relaxed(&op->ob_ref_local, _Py_IMMORTAL_REFCNT_LOCAL);
    _Py_atomic_store_ssize_relaxed(&op->ob_ref_shared, 0);
}

#endif /* Py_GIL_DISABLED */

#define _Py_IsImmortal(op) _Py_IsImmortal(_PyObject_CAST(op))
#define _Py_SetImmortal(op) _Py_SetImmortal(_PyObject_CAST(op))
#define Py_REFCNT(ob) Py_REFCNT(_PyObject_CAST(ob))
#define Py_SET_REFCNT(ob, refcnt) Py_SET_REFCNT(_PyObject_CAST(ob), (refcnt))
#define Py_INCREF(op) Py_INCREF(_PyObject_CAST(op))
#define Py_DECREF(op) _Py_DECREF_impl(__FILE__, __LINE__, _PyObject_CAST(op))

static inline void Py_XINCREF(PyObject *op)
{
    if (op != NULL) {
        Py_INCREF(op);
    }
}
#define Py_XINCREF(op) Py_XINCREF(_PyObject_CAST(op))

#define Py_XDECREF(op)                                                                        \
    do {                                                                                      \
        PyObject *_py_xdecref_tmp = _PyObject_CAST(op);                                       \
        if (_py_xdecref_tmp != NULL) {                                                        \
            Py_DECREF(_py_xdecref_tmp);                                                       \
        }                                                                                     \
    } while (0)

/* Set the variable to NULL before the decref: the object's destructor may run arbitrary code
 * that looks at the variable again. */
#define Py_CLEAR(op)                                                                          \
    do {                                                                                      \
        PyObject *_py_tmp = _PyObject_CAST(op);                                               \
        if (_py_tmp != NULL) {                                                                \
            (op) = NULL;                                                                      \
            Py_DECREF(_py_tmp);                                                               \
        }                                                                                     \
    } while (0)

/* Replace dst by src (steals a reference to src), then release the old value. */
#define Py_SETREF(dst, src)                                                                   \
    do {                                                                                      \
        PyObject *_py_tmp = _PyObject_CAST(dst);                                              \
        (dst) = (src);                                                                        \
        Py_DECREF(_py_tmp);                                                                   \
    } while (0)
#define Py_XSETREF(dst, src)                                                                  \
    do {                                                                                      \
        PyObject *_py_tmp = _PyObject_CAST(dst);                                              \
        (dst) = (src);                                                                        \
        Py_XDECREF(_py_tmp);                                                                  \
    } while (0)

/* Return a new reference to obj. */
static inline PyObject *_Py_NewRef(PyObject *obj)
{
    Py_INCREF(obj);
    return obj;
}
static inline PyObject *_Py_XNewRef(PyObject *obj)
{
    Py_XINCREF(obj);
    return obj;
}
#define Py_NewRef(obj) _Py_NewRef(_PyObject_CAST(obj))
#define Py_XNewRef(obj) _Py_XNewRef(_PyObject_CAST(obj))

PyAPI_FUNC(void) Py_IncRef(PyObject *);
PyAPI_FUNC(void) Py_DecRef(PyObject *);

/* ---- slot function types ------------------------------------------------------------------- */

typedef PyObject *(*unaryfunc)(PyObject *);
typedef PyObject *(*binaryfunc)(PyObject *, PyObject *);
typedef PyObject *(*ternaryfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*inquiry)(PyObject *);
typedef Py_ssize_t (*lenfunc)(PyObject *);
typedef PyObject *(*ssizeargfunc)(PyObject *, Py_ssize_t);
typedef PyObject *(*ssizessizeargfunc)(PyObject *, Py_ssize_t, Py_ssize_t);
typedef int (*ssizeobjargproc)(PyObject *, Py_ssize_t, PyObject *);
typedef int (*ssizessizeobjargproc)(PyObject *, Py_ssize_t, Py_ssize_t, PyObject *);
typedef int (*objobjargproc)(PyObject *, PyObject *, PyObject *);
typedef int (*objobjproc)(PyObject *, PyObject *);
typedef int (*visitproc)(PyObject *, void *);
typedef int (*traverseproc)(PyObject *, visitproc, void *);
typedef void (*freefunc)(void *);
typedef void (*destructor)(PyObject *);
typedef PyObject *(*getattrfunc)(PyObject *, char *);
typedef PyObject *(*getattrofunc)(PyObject *, PyObject *);
typedef int (*setattrfunc)(PyObject *, char *, PyObject *);
typedef int (*setattrofunc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*reprfunc)(PyObject *);
typedef Py_hash_t (*hashfunc)(PyObject *);
typedef PyObject *(*richcmpfunc)(PyObject *, PyObject *, int);
typedef PyObject *(*getiterfunc)(PyObject *);
typedef PyObject *(*iternextfunc)(PyObject *);
typedef PyObject *(*descrgetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*descrsetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*initproc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*newfunc)(PyTypeObject *, PyObject *, PyObject *);
typedef PyObject *(*allocfunc)(PyTypeObject *, Py_ssize_t);
typedef PyObject *(*vectorcallfunc)(PyObject *callable, PyObject *const *args, size_t nargsf,
                                    PyObject *kwnames);

typedef enum {
    PYGEN_RETURN = 0,
    PYGEN_ERROR = -1,
    PYGEN_NEXT = 1,
} PySendResult;
typedef PySendResult (*sendfunc)(PyObject *iter, PyObject *value, PyObject **result);

/* ---- Py_buffer (PEP 3118) ------------------------------------------------------------------ */

typedef struct Py_buffer {
    void *buf;
    PyObject *obj; /* owned reference to the exporter */
    Py_ssize_t len;
    Py_ssize_t itemsize;
    int readonly;
    int ndim;
    char *format;
    Py_ssize_t *shape;
    Py_ssize_t *strides;
    Py_ssize_t *suboffsets;
    void *internal;
} Py_buffer;

typedef int (*getbufferproc)(PyObject *, Py_buffer *, int);
typedef void (*releasebufferproc)(PyObject *, Py_buffer *);

#define PyBUF_MAX_NDIM 64
#define PyBUF_SIMPLE 0
#define PyBUF_WRITABLE 0x0001
#define PyBUF_WRITEABLE PyBUF_WRITABLE
#define PyBUF_FORMAT 0x0004
#define PyBUF_ND 0x0008
#define PyBUF_STRIDES (0x0010 | PyBUF_ND)
#define PyBUF_C_CONTIGUOUS (0x0020 | PyBUF_STRIDES)
#define PyBUF_F_CONTIGUOUS (0x0040 | PyBUF_STRIDES)
#define PyBUF_ANY_CONTIGUOUS (0x0080 | PyBUF_STRIDES)
#define PyBUF_INDIRECT (0x0100 | PyBUF_STRIDES)
#define PyBUF_CONTIG (PyBUF_ND | PyBUF_WRITABLE)
#define PyBUF_CONTIG_RO (PyBUF_ND)
#define PyBUF_STRIDED (PyBUF_STRIDES | PyBUF_WRITABLE)
#define PyBUF_STRIDED_RO (PyBUF_STRIDES)
#define PyBUF_RECORDS (PyBUF_STRIDES | PyBUF_WRITABLE | PyBUF_FORMAT)
#define PyBUF_RECORDS_RO (PyBUF_STRIDES | PyBUF_FORMAT)
#define PyBUF_FULL (PyBUF_INDIRECT | PyBUF_WRITABLE | PyBUF_FORMAT)
#define PyBUF_FULL_RO (PyBUF_INDIRECT | PyBUF_FORMAT)
#define PyBUF_READ 0x100
#define PyBUF_WRITE 0x200

/* ---- the type object (CPython 3.13 layout, field for field) -------------------------------- */

typedef struct {
    binaryfunc nb_add;
    binaryfunc nb_subtract;
    binaryfunc nb_multiply;
    binaryfunc nb_remainder;
    binaryfunc nb_divmod;
    ternaryfunc nb_power;
    unaryfunc nb_negative;
    unaryfunc nb_positive;
    unaryfunc nb_absolute;
    inquiry nb_bool;
    unaryfunc nb_invert;
    binaryfunc nb_lshift;
    binaryfunc nb_rshift;
    binaryfunc nb_and;
    binaryfunc nb_xor;
    binaryfunc nb_or;
    unaryfunc nb_int;
    void *nb_reserved;
    unaryfunc nb_float;
    binaryfunc nb_inplace_add;
    binaryfunc nb_inplace_subtract;
    binaryfunc nb_inplace_multiply;
    binaryfunc nb_inplace_remainder;
    ternaryfunc nb_inplace_power;
    binaryfunc nb_inplace_lshift;
    binaryfunc nb_inplace_rshift;
    binaryfunc nb_inplace_and;
    binaryfunc nb_inplace_xor;
    binaryfunc nb_inplace_or;
    binaryfunc nb_floor_divide;
    binaryfunc nb_true_divide;
    binaryfunc nb_inplace_floor_divide;
    binaryfunc nb_inplace_true_divide;
    unaryfunc nb_index;
    binaryfunc nb_matrix_multiply;
    binaryfunc nb_inplace_matrix_multiply;
} PyNumberMethods;

typedef struct {
    lenfunc sq_length;
    binaryfunc sq_concat;
    ssizeargfunc sq_repeat;
    ssizeargfunc sq_item;
    void *was_sq_slice;
    ssizeobjargproc sq_ass_item;
    void *was_sq_ass_slice;
    objobjproc sq_contains;
    binaryfunc sq_inplace_concat;
    ssizeargfunc sq_inplace_repeat;
} PySequenceMethods;

typedef struct {
    lenfunc mp_length;
    binaryfunc mp_subscript;
    objobjargproc mp_ass_subscript;
} PyMappingMethods;

typedef struct {
    unaryfunc am_await;
    unaryfunc am_aiter;
    unaryfunc am_anext;
    sendfunc am_send;
} PyAsyncMethods;

typedef struct {
    getbufferproc bf_getbuffer;
    releasebufferproc bf_releasebuffer;
} PyBufferProcs;

struct PyMethodDef;
struct PyMemberDef;
struct PyGetSetDef;
struct PyModuleDef;

struct _typeobject {
    PyObject_VAR_HEAD
    const char *tp_name; /* "module.Name" for types defined in C */
    Py_ssize_t tp_basicsize, tp_itemsize;

    destructor tp_dealloc;
    Py_ssize_t tp_vectorcall_offset;
    getattrfunc tp_getattr;
    setattrfunc tp_setattr;
    PyAsyncMethods *tp_as_async;
    reprfunc tp_repr;

    PyNumberMethods *tp_as_number;
    PySequenceMethods *tp_as_sequence;
    PyMappingMethods *tp_as_mapping;

    hashfunc tp_hash;
    ternaryfunc tp_call;
    reprfunc tp_str;
    getattrofunc tp_getattro;
    setattrofunc tp_setattro;
    PyBufferProcs *tp_as_buffer;
    unsigned long tp_flags;
    const char *tp_doc;

    traverseproc tp_traverse;
    inquiry tp_clear;
    richcmpfunc tp_richcompare;
    Py_ssize_t tp_weaklistoffset;

    getiterfunc tp_iter;
    iternextfunc tp_iternext;

    struct PyMethodDef *tp_methods;
    struct PyMemberDef *tp_members;
    struct PyGetSetDef *tp_getset;
    PyTypeObject *tp_base; /* borrowed; strong for heap types */
    PyObject *tp_dict;
    descrgetfunc tp_descr_get;
    descrsetfunc tp_descr_set;
    Py_ssize_t tp_dictoffset;
    initproc tp_init;
    allocfunc tp_alloc;
    newfunc tp_new;
    freefunc tp_free;
    inquiry tp_is_gc;
    PyObject *tp_bases;
    PyObject *tp_mro;
    PyObject *tp_cache;
    void *tp_subclasses; /* dict of weak references to subclasses */
    PyObject *tp_weaklist;
    destructor tp_del;
    unsigned int tp_version_tag;
    destructor tp_finalize;
    vectorcallfunc tp_vectorcall;
    unsigned char tp_watched;
    uint16_t tp_versions_used;
};

/* A type created by a class statement or PyType_FromSpec: the slot tables live here. */
typedef struct _heaptypeobject {
    PyTypeObject ht_type;
    PyAsyncMethods as_async;
    PyNumberMethods as_number;
    PyMappingMethods as_mapping;
    PySequenceMethods as_sequence;
    PyBufferProcs as_buffer;
    PyObject *ht_name, *ht_slots, *ht_qualname;
    struct _dictkeysobject *ht_cached_keys;
    PyObject *ht_module;
    char *_ht_tpname;
    void *_spec_cache_getitem;
    uint16_t ht_version_unused;
} PyHeapTypeObject;

/* ---- type flags (CPython's values) --------------------------------------------------------- */

#define Py_TPFLAGS_MANAGED_WEAKREF (1UL << 3)
#define Py_TPFLAGS_MANAGED_DICT (1UL << 4)
#define Py_TPFLAGS_PREHEADER (Py_TPFLAGS_MANAGED_WEAKREF | Py_TPFLAGS_MANAGED_DICT)
#define Py_TPFLAGS_SEQUENCE (1UL << 5)
#define Py_TPFLAGS_MAPPING (1UL << 6)
#define Py_TPFLAGS_DISALLOW_INSTANTIATION (1UL << 7)
#define Py_TPFLAGS_IMMUTABLETYPE (1UL << 8)
#define Py_TPFLAGS_HEAPTYPE (1UL << 9)
#define Py_TPFLAGS_BASETYPE (1UL << 10)
#define Py_TPFLAGS_HAVE_VECTORCALL (1UL << 11)
#define _Py_TPFLAGS_HAVE_VECTORCALL Py_TPFLAGS_HAVE_VECTORCALL
#define Py_TPFLAGS_READY (1UL << 12)
#define Py_TPFLAGS_READYING (1UL << 13)
#define Py_TPFLAGS_HAVE_GC (1UL << 14)
#define Py_TPFLAGS_HAVE_STACKLESS_EXTENSION 0
#define Py_TPFLAGS_METHOD_DESCRIPTOR (1UL << 17)
#define Py_TPFLAGS_HAVE_VERSION_TAG (1UL << 18)
#define Py_TPFLAGS_VALID_VERSION_TAG (1UL << 19)
#define Py_TPFLAGS_IS_ABSTRACT (1UL << 20)
#define _Py_TPFLAGS_MATCH_SELF (1UL << 22)
#define Py_TPFLAGS_ITEMS_AT_END (1UL << 23)
#define Py_TPFLAGS_LONG_SUBCLASS (1UL << 24)
#define Py_TPFLAGS_LIST_SUBCLASS (1UL << 25)
#define Py_TPFLAGS_TUPLE_SUBCLASS (1UL << 26)
#define Py_TPFLAGS_BYTES_SUBCLASS (1UL << 27)
#define Py_TPFLAGS_UNICODE_SUBCLASS (1UL << 28)
#define Py_TPFLAGS_DICT_SUBCLASS (1UL << 29)
#define Py_TPFLAGS_BASE_EXC_SUBCLASS (1UL << 30)
#define Py_TPFLAGS_TYPE_SUBCLASS (1UL << 31)
#define Py_TPFLAGS_DEFAULT Py_TPFLAGS_HAVE_VERSION_TAG
#define Py_TPFLAGS_HAVE_FINALIZE (1UL << 0)
#define Py_TPFLAGS_HAVE_NEWBUFFER 0
#define Py_TPFLAGS_HAVE_ITER 0
#define Py_TPFLAGS_CHECKTYPES 0

static inline int PyType_HasFeature(PyTypeObject *type, unsigned long feature)
{
#ifdef Py_GIL_DISABLED
    /* Some flags change while other threads use the type (Objects/typeobject.c,
     * type_set_flags); a relaxed load is a plain load on the machines we support. */
    return (_Py_atomic_load_ulong_relaxed(&type->tp_flags) & feature) != 0;
#else
    return (type->tp_flags & feature) != 0;
#endif
}
#define PyType_FastSubclass(type, flag) PyType_HasFeature((type), (flag))

PyAPI_DATA(PyTypeObject) PyType_Type;
PyAPI_DATA(PyTypeObject) PyBaseObject_Type;
PyAPI_DATA(PyTypeObject) PySuper_Type;

static inline int PyType_Check(PyObject *op)
{
    return PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TYPE_SUBCLASS);
}
#define PyType_Check(op) PyType_Check(_PyObject_CAST(op))
#define PyType_CheckExact(op) Py_IS_TYPE((op), &PyType_Type)

/* ---- PyType_Spec (heap types from C) ------------------------------------------------------- */

typedef struct {
    int slot;    /* one of the Py_* slot ids in typeslots.h */
    void *pfunc;
} PyType_Slot;

typedef struct {
    const char *name;
    int basicsize;
    int itemsize;
    unsigned int flags;
    PyType_Slot *slots; /* terminated by slot == 0 */
} PyType_Spec;

/* ---- rich comparison ----------------------------------------------------------------------- */

#define Py_LT 0
#define Py_LE 1
#define Py_EQ 2
#define Py_NE 3
#define Py_GT 4
#define Py_GE 5

#define Py_RETURN_RICHCOMPARE(val1, val2, op)                                                 \
    do {                                                                                      \
        int _py_cmp;                                                                          \
        switch (op) {                                                                         \
        case Py_EQ: _py_cmp = (val1) == (val2); break;                                        \
        case Py_NE: _py_cmp = (val1) != (val2); break;                                        \
        case Py_LT: _py_cmp = (val1) < (val2); break;                                         \
        case Py_GT: _py_cmp = (val1) > (val2); break;                                         \
        case Py_LE: _py_cmp = (val1) <= (val2); break;                                        \
        case Py_GE: _py_cmp = (val1) >= (val2); break;                                        \
        default: Py_UNREACHABLE();                                                            \
        }                                                                                     \
        if (_py_cmp) {                                                                        \
            Py_RETURN_TRUE;                                                                   \
        }                                                                                     \
        Py_RETURN_FALSE;                                                                      \
    } while (0)

/* ---- singletons ---------------------------------------------------------------------------- */

PyAPI_DATA(PyObject) _Py_NoneStruct;
PyAPI_DATA(PyObject) _Py_NotImplementedStruct;
PyAPI_DATA(PyTypeObject) _PyNone_Type;
PyAPI_DATA(PyTypeObject) _PyNotImplemented_Type;
#define Py_None (&_Py_NoneStruct)
#define Py_NotImplemented (&_Py_NotImplementedStruct)
#define Py_IsNone(x) Py_Is((x), Py_None)

/* ---- static type registration --------------------------------------------------------------
 * A statically allocated type is listed once, next to its definition:
 *     _Py_REGISTER_STATIC_TYPE(PyList_Type);
 * which puts a pointer to it in the linker section "braid_static_types".  At start-up
 * _PyTypes_InitTypes (Objects/typeobject.c) readies every registered type, so there is no
 * central list to keep in step with the files.  Readers of the section skip NULL entries. */
#define _Py_REGISTER_STATIC_TYPE(type)                                                        \
    static PyTypeObject *const _py_static_type_entry_##type                                   \
        __attribute__((used, section("braid_static_types"), aligned(sizeof(void *)))) = &(type)

/* ---- the object protocol (Objects/object.c, Objects/typeobject.c) -------------------------- */

PyAPI_FUNC(int) PyType_Ready(PyTypeObject *);
PyAPI_FUNC(int) PyType_IsSubtype(PyTypeObject *a, PyTypeObject *b);
PyAPI_FUNC(PyObject *) PyType_GenericAlloc(PyTypeObject *, Py_ssize_t);

/* True if ob is an instance of type or of a subtype. */
static inline int PyObject_TypeCheck(PyObject *ob, PyTypeObject *type)
{
    return Py_IS_TYPE(ob, type) || PyType_IsSubtype(Py_TYPE(ob), type);
}
#define PyObject_TypeCheck(ob, type) PyObject_TypeCheck(_PyObject_CAST(ob), (type))
PyAPI_FUNC(PyObject *) PyType_GenericNew(PyTypeObject *, PyObject *, PyObject *);
PyAPI_FUNC(unsigned long) PyType_GetFlags(PyTypeObject *);
PyAPI_FUNC(void) PyType_Modified(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_FromSpec(PyType_Spec *);
PyAPI_FUNC(PyObject *) PyType_FromSpecWithBases(PyType_Spec *, PyObject *);
PyAPI_FUNC(PyObject *) PyType_FromModuleAndSpec(PyObject *, PyType_Spec *, PyObject *);
PyAPI_FUNC(PyObject *) PyType_FromMetaclass(PyTypeObject *, PyObject *, PyType_Spec *,
                                            PyObject *);
PyAPI_FUNC(void *) PyType_GetSlot(PyTypeObject *, int);
PyAPI_FUNC(PyObject *) PyType_GetModule(PyTypeObject *);
PyAPI_FUNC(void *) PyType_GetModuleState(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_GetModuleByDef(PyTypeObject *, struct PyModuleDef *);
PyAPI_FUNC(PyObject *) PyType_GetName(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_GetQualName(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_GetFullyQualifiedName(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_GetModuleName(PyTypeObject *);
PyAPI_FUNC(PyObject *) _PyType_Lookup(PyTypeObject *, PyObject *); /* borrowed or NULL */
PyAPI_FUNC(PyObject *) _PyType_LookupRef(PyTypeObject *, PyObject *); /* new ref or NULL */

PyAPI_FUNC(PyObject *) PyObject_Repr(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Str(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_ASCII(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Bytes(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_RichCompare(PyObject *, PyObject *, int);
PyAPI_FUNC(int) PyObject_RichCompareBool(PyObject *, PyObject *, int);
PyAPI_FUNC(PyObject *) PyObject_GetAttrString(PyObject *, const char *);
PyAPI_FUNC(int) PyObject_SetAttrString(PyObject *, const char *, PyObject *);
PyAPI_FUNC(int) PyObject_DelAttrString(PyObject *v, const char *name);
PyAPI_FUNC(int) PyObject_HasAttrString(PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyObject_GetAttr(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_GetOptionalAttr(PyObject *, PyObject *, PyObject **);
PyAPI_FUNC(int) PyObject_GetOptionalAttrString(PyObject *, const char *, PyObject **);
PyAPI_FUNC(int) PyObject_SetAttr(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_DelAttr(PyObject *v, PyObject *name);
PyAPI_FUNC(int) PyObject_HasAttr(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_HasAttrWithError(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_HasAttrStringWithError(PyObject *, const char *);
PyAPI_FUNC(PyObject *) PyObject_SelfIter(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_GenericGetAttr(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_GenericSetAttr(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_GenericGetDict(PyObject *, void *);
PyAPI_FUNC(int) PyObject_GenericSetDict(PyObject *, PyObject *, void *);
PyAPI_FUNC(PyObject **) _PyObject_GetDictPtr(PyObject *);
PyAPI_FUNC(Py_hash_t) PyObject_Hash(PyObject *);
PyAPI_FUNC(Py_hash_t) PyObject_HashNotImplemented(PyObject *);
PyAPI_FUNC(int) PyObject_IsTrue(PyObject *);
PyAPI_FUNC(int) PyObject_Not(PyObject *);
PyAPI_FUNC(int) PyCallable_Check(PyObject *);
PyAPI_FUNC(void) PyObject_ClearWeakRefs(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Dir(PyObject *);
PyAPI_FUNC(int) PyObject_Print(PyObject *, FILE *, int);
PyAPI_FUNC(int) Py_ReprEnter(PyObject *);
PyAPI_FUNC(void) Py_ReprLeave(PyObject *);
PyAPI_FUNC(int) PyObject_CallFinalizerFromDealloc(PyObject *);
PyAPI_FUNC(void) PyObject_CallFinalizer(PyObject *);
PyAPI_FUNC(PyObject *) _PyObject_FunctionStr(PyObject *);
#define Py_PRINT_RAW 1

/* Trashcan: bounds C recursion when deallocating deeply nested containers.  The begin/end
 * pair brackets a tp_dealloc body (Objects/object.c owns the mechanism). */
PyAPI_FUNC(int) _PyTrash_Begin(PyObject *op, destructor dealloc);
PyAPI_FUNC(void) _PyTrash_End(void);
#define Py_TRASHCAN_BEGIN(op, dealloc)                                                        \
    do {                                                                                      \
        if (_PyTrash_Begin(_PyObject_CAST(op), (destructor)(dealloc))) {                      \
            break;                                                                            \
        }
#define Py_TRASHCAN_END                                                                       \
        _PyTrash_End();                                                                       \
    } while (0);

#endif /* Py_OBJECT_H */
