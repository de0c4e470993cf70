/* Atomic operations on plain (non-_Atomic) variables, named as in CPython's pyatomic.h:
 * _Py_atomic_<op>_<type>[_<order>].  They wrap the GCC/Clang __atomic builtins.
 *
 * Memory orders: plain names are sequentially consistent; _relaxed, _acquire and _release
 * say what they are.  Callers state in a comment why the order they use is enough. */
#ifndef Py_PYATOMIC_H
#define Py_PYATOMIC_H

#define _Py_ATOMIC_DEFINE(NAME, T)                                                            \
    static inline T _Py_atomic_load_##NAME(const T *p)                                       \
    { return __atomic_load_n((T *)p, __ATOMIC_SEQ_CST); }                                    \
    static inline T _Py_atomic_load_##NAME##_relaxed(const T *p)                             \
    { return __atomic_load_n((T *)p, __ATOMIC_RELAXED); }                                    \
    static inline T _Py_atomic_load_##NAME##_acquire(const T *p)                             \
    { return __atomic_load_n((T *)p, __ATOMIC_ACQUIRE); }                                    \
    static inline void _Py_atomic_store_##NAME(T *p, T v)                                    \
    { __atomic_store_n(p, v, __ATOMIC_SEQ_CST); }                                            \
    static inline void _Py_atomic_store_##NAME##_relaxed(T *p, T v)                          \
    { __atomic_store_n(p, v, __ATOMIC_RELAXED); }                                            \
    static inline void _Py_atomic_store_##NAME##_release(T *p, T v)                          \
    { __atomic_store_n(p, v, __ATOMIC_RELEASE); }                                            \
    static inline T _Py_atomic_exchange_##NAME(T *p, T v)                                    \
    { return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST); }                                  \
    /* On failure *expected receives the current value; returns 1 on success. */            \
    static inline int _Py_atomic_compare_exchange_##NAME(T *p, T *expected, T desired)       \
    { return __atomic_compare_exchange_n(p, expected, desired, 0, __ATOMIC_SEQ_CST,           \
                                         __ATOMIC_SEQ_CST); }

#define _Py_ATOMIC_DEFINE_ARITH(NAME, T)                                                      \
    /* Return the value before the addition. */                                              \
    static inline T _Py_atomic_add_##NAME(T *p, T v)                                         \
    { return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST); }                                   \
    static inline T _Py_atomic_add_##NAME##_relaxed(T *p, T v)                               \
    { return __atomic_fetch_add(p, v, __ATOMIC_RELAXED); }                                   \
    static inline T _Py_atomic_and_##NAME(T *p, T v)                                         \
    { return __atomic_fetch_and(p, v, __ATOMIC_SEQ_CST); }                                   \
    static inline T _Py_atomic_or_##NAME(T *p, T v)                                          \
    { return __atomic_fetch_or(p, v, __ATOMIC_SEQ_CST); }

_Py_ATOMIC_DEFINE(int, int)
_Py_ATOMIC_DEFINE(int8, int8_t)
_Py_ATOMIC_DEFINE(int16, int16_t)
_Py_ATOMIC_DEFINE(int32, int32_t)
_Py_ATOMIC_DEFINE(int64, int64_t)
_Py_ATOMIC_DEFINE(uint8, uint8_t)
_Py_ATOMIC_DEFINE(uint16, uint16_t)
_Py_ATOMIC_DEFINE(uint32, uint32_t)
_Py_ATOMIC_DEFINE(uint64, uint64_t)
_Py_ATOMIC_DEFINE(uint, unsigned int)
_Py_ATOMIC_DEFINE(ulong, unsigned long)
_Py_ATOMIC_DEFINE(uintptr, uintptr_t)
_Py_ATOMIC_DEFINE(ssize, Py_ssize_t)
_Py_ATOMIC_DEFINE_ARITH(int, int)
_Py_ATOMIC_DEFINE_ARITH(int32, int32_t)
_Py_ATOMIC_DEFINE_ARITH(int64, int64_t)
_Py_ATOMIC_DEFINE_ARITH(uint8, uint8_t)
_Py_ATOMIC_DEFINE_ARITH(uint32, uint32_t)
_Py_ATOMIC_DEFINE_ARITH(uint64, uint64_t)
_Py_ATOMIC_DEFINE_ARITH(uintptr, uintptr_t)
_Py_ATOMIC_DEFINE_ARITH(ssize, Py_ssize_t)

/* Pointer variants take the address of any pointer variable (as void *), like CPython's. */
static inline void *_Py_atomic_load_ptr(const void *obj)
{ return __atomic_load_n((void *const *)obj, __ATOMIC_SEQ_CST); }
static inline void *_Py_atomic_load_ptr_relaxed(const void *obj)
{ return __atomic_load_n((void *const *)obj, __ATOMIC_RELAXED); }
static inline void *_Py_atomic_load_ptr_acquire(const void *obj)
{ return __atomic_load_n((void *const *)obj, __ATOMIC_ACQUIRE); }
static inline void _Py_atomic_store_ptr(void *obj, void *value)
{ __atomic_store_n((void **)obj, value, __ATOMIC_SEQ_CST); }
static inline void _Py_atomic_store_ptr_relaxed(void *obj, void *value)
{ __atomic_store_n((void **)obj, value, __ATOMIC_RELAXED); }
static inline void _Py_atomic_store_ptr_release(void *obj, void *value)
{ __atomic_store_n((void **)obj, value, __ATOMIC_RELEASE); }
static inline void *_Py_atomic_exchange_ptr(void *obj, void *value)
{ return __atomic_exchange_n((void **)obj, value, __ATOMIC_SEQ_CST); }
/* expected is the address of a pointer variable too; on failure it receives the current
 * value.  Returns 1 on success. */
static inline int _Py_atomic_compare_exchange_ptr(void *obj, void *expected, void *desired)
{
    return __atomic_compare_exchange_n((void **)obj, (void **)expected, desired, 0,
                                       __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

static inline void _Py_atomic_fence_seq_cst(void) { __atomic_thread_fence(__ATOMIC_SEQ_CST); }
static inline void _Py_atomic_fence_acquire(void) { __atomic_thread_fence(__ATOMIC_ACQUIRE); }
static inline void _Py_atomic_fence_release(void) { __atomic_thread_fence(__ATOMIC_RELEASE); }

#endif /* Py_PYATOMIC_H */
