/* Portability: basic integer types, linkage macros and limits shared by every header. */
#ifndef Py_PYPORT_H
#define Py_PYPORT_H

#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <sys/types.h>

typedef ssize_t Py_ssize_t;
typedef Py_ssize_t Py_hash_t;     /* hash values; -1 is reserved for "error" */
typedef size_t Py_uhash_t;
typedef Py_ssize_t Py_ssize_clean_t;
typedef int Py_intptr_t_unused_;

#define PY_SSIZE_T_MAX ((Py_ssize_t)(((size_t)-1) >> 1))
#define PY_SSIZE_T_MIN (-PY_SSIZE_T_MAX - 1)
#define PY_SIZE_MAX SIZE_MAX
#define PY_LONG_LONG long long
#define PY_LLONG_MIN LLONG_MIN
#define PY_LLONG_MAX LLONG_MAX
#define PY_ULLONG_MAX ULLONG_MAX
#define PY_INT32_T int32_t
#define PY_UINT32_T uint32_t
#define PY_INT64_T int64_t
#define PY_UINT64_T uint64_t
#define PY_DWORD_MAX 4294967295U
#define Py_LL(x) x##LL
#define Py_ULL(x) x##ULL
#define SIZEOF_PY_HASH_T SIZEOF_SIZE_T
#define SIZEOF_PY_UHASH_T SIZEOF_SIZE_T
#define SIZEOF_WCHAR_T 4
#define SIZEOF_INT 4
#define SIZEOF_LONG_LONG 8
#define SIZEOF_DOUBLE 8
#define SIZEOF_FLOAT 4

/* Linkage.  Everything is built into one image, so these only mark the API surface. */
#define PyAPI_FUNC(RTYPE) __attribute__((visibility("default"))) RTYPE
#define PyAPI_DATA(RTYPE) extern __attribute__((visibility("default"))) RTYPE
#ifdef __cplusplus
#  define PyMODINIT_FUNC extern "C" __attribute__((visibility("default"))) PyObject *
#else
#  define PyMODINIT_FUNC __attribute__((visibility("default"))) PyObject *
#endif

#define Py_LOCAL(type) static type
#define Py_LOCAL_INLINE(type) static inline type
#define Py_ALWAYS_INLINE __attribute__((always_inline))
#define Py_NO_INLINE __attribute__((noinline))
#define _Py_NO_RETURN __attribute__((__noreturn__))
#define Py_NO_RETURN _Py_NO_RETURN
#define Py_DEPRECATED(VERSION) __attribute__((__deprecated__))
#define Py_GCC_ATTRIBUTE(x) __attribute__(x)
#define _Py_HOT_FUNCTION __attribute__((hot))
#define Py_ALIGNED(x) __attribute__((aligned(x)))
#define _Py_ALIGN_AS(x) _Alignas(x)
#define Py_LIKELY(x) __builtin_expect(!!(x), 1)
#define Py_UNLIKELY(x) __builtin_expect(!!(x), 0)

#ifdef __cplusplus
#  define _Py_CAST(type, expr) ((type)(expr))
#  define _Py_NULL nullptr
#else
#  define _Py_CAST(type, expr) ((type)(expr))
#  define _Py_NULL NULL
#endif
#define _Py_STATIC_CAST(type, expr) ((type)(expr))

#define Py_SAFE_DOWNCAST(VALUE, WIDE, NARROW) ((NARROW)(VALUE))
#define Py_CHARMASK(c) ((unsigned char)((c) & 0xff))
#define Py_ARITHMETIC_RIGHT_SHIFT(TYPE, I, J) ((I) >> (J))
#define _Py_IS_TYPE_SIGNED(type) ((type)(-1) <= 0)

#ifndef Py_DEBUG
#  define Py_UNREACHABLE() __builtin_unreachable()
#else
#  define Py_UNREACHABLE() Py_FatalError("Unreachable C code path reached")
#endif

#if defined(_Py_THREAD_SANITIZER)
#  define _Py_NO_SANITIZE_THREAD __attribute__((no_sanitize_thread))
#else
#  define _Py_NO_SANITIZE_THREAD
#endif

#endif /* Py_PYPORT_H */
