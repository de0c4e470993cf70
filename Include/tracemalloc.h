/* tracemalloc's C API (CPython 3.13 Include/tracemalloc.h).  Python/tracemalloc.c. */
#ifndef Py_TRACEMALLOC_H
#define Py_TRACEMALLOC_H
#ifdef __cplusplus
extern "C" {
#endif

/* Track an allocated memory block in the tracemalloc module (`domain` separates address
 * spaces, e.g. a GPU's).  0 on success, -1 on error (no exception), -2 if tracemalloc is
 * disabled -- always the case in Braid, which has no tracemalloc module. */
PyAPI_FUNC(int) PyTraceMalloc_Track(unsigned int domain, uintptr_t ptr, size_t size);

/* Untrack a block tracked by PyTraceMalloc_Track; same return values. */
PyAPI_FUNC(int) PyTraceMalloc_Untrack(unsigned int domain, uintptr_t ptr);

#ifdef __cplusplus
}
#endif
#endif /* !Py_TRACEMALLOC_H */
