/* Memory allocators: every PyMem_* and PyObject_* family is mimalloc (DESIGN.md §3).
 *
 * mimalloc is thread-safe and keeps per-thread heaps, so these functions need no lock.  A
 * zero-byte request returns a unique pointer, as CPython's allocators do.  The free-threaded
 * build's rule for when object memory may be reused (QSBR) is in Python/qsbr.c. */
#include "Python.h"
#include <mimalloc.h>
#include "pycore_qsbr.h"

/* Sanitizer builds (--with-address-sanitizer / --with-thread-sanitizer) allocate with the C
 * library instead, so that the sanitizer's allocator sees every block: a use after free or a
 * race on freed memory is then reported where it happens rather than as a corrupted mimalloc
 * free list much later.  (CPython offers the same through PYTHONMALLOC=malloc.) */
#if defined(_Py_ADDRESS_SANITIZER) || defined(_Py_THREAD_SANITIZER)
#  define mi_malloc(size) malloc(size)
#  define mi_calloc(nelem, elsize) calloc((nelem), (elsize))
#  define mi_realloc(ptr, size) realloc((ptr), (size))
#  define mi_free(ptr) free(ptr)
#endif

/* ---- the default allocators (mimalloc), one set per domain ---- */

static void *raw_malloc(void *ctx, size_t size) { return mi_malloc(size ? size : 1); }

static void *raw_calloc(void *ctx, size_t nelem, size_t elsize)
{
    if (nelem == 0 || elsize == 0) {
        nelem = elsize = 1;
    }
    return mi_calloc(nelem, elsize);
}

static void *raw_realloc(void *ctx, void *ptr, size_t new_size)
{
    return mi_realloc(ptr, new_size ? new_size : 1);
}

static void raw_free(void *ctx, void *ptr) { mi_free(ptr); }

/* MEM and OBJ: as RAW, but sizes beyond PY_SSIZE_T_MAX fail. */
static void *mem_malloc(void *ctx, size_t size)
{
    return size > (size_t)PY_SSIZE_T_MAX ? NULL : raw_malloc(ctx, size);
}

static void *mem_calloc(void *ctx, size_t nelem, size_t elsize)
{
    if (elsize != 0 && nelem > (size_t)PY_SSIZE_T_MAX / elsize) {
        return NULL;
    }
    return raw_calloc(ctx, nelem, elsize);
}

static void *mem_realloc(void *ctx, void *ptr, size_t new_size)
{
    return new_size > (size_t)PY_SSIZE_T_MAX ? NULL : raw_realloc(ctx, ptr, new_size);
}

/* The allocators of the three domains (PyMem_GetAllocator/SetAllocator, Python/
 * pymem_allocators.c).  The public functions call the defaults directly until an extension
 * installs an allocator (_PyMem_AllocatorsCustomized, set once, atomically, after the entry
 * is written), then always through the table: one predictable branch per call. */
PyMemAllocatorEx _PyMem_Allocators[3] = {
    {NULL, raw_malloc, raw_calloc, raw_realloc, raw_free},
    {NULL, mem_malloc, mem_calloc, mem_realloc, raw_free},
    {NULL, mem_malloc, mem_calloc, mem_realloc, raw_free},
};
int _PyMem_AllocatorsCustomized = 0;

#define CUSTOMIZED() _Py_atomic_load_int_relaxed(&_PyMem_AllocatorsCustomized)
#define DOMAIN(d) (&_PyMem_Allocators[PYMEM_DOMAIN_##d])

void *PyMem_RawMalloc(size_t size)
{
    return CUSTOMIZED() ? DOMAIN(RAW)->malloc(DOMAIN(RAW)->ctx, size) : raw_malloc(NULL, size);
}

void *PyMem_RawCalloc(size_t nelem, size_t elsize)
{
    return CUSTOMIZED() ? DOMAIN(RAW)->calloc(DOMAIN(RAW)->ctx, nelem, elsize)
                        : raw_calloc(NULL, nelem, elsize);
}

void *PyMem_RawRealloc(void *ptr, size_t new_size)
{
    return CUSTOMIZED() ? DOMAIN(RAW)->realloc(DOMAIN(RAW)->ctx, ptr, new_size)
                        : raw_realloc(NULL, ptr, new_size);
}

void PyMem_RawFree(void *ptr)
{
    if (CUSTOMIZED()) {
        DOMAIN(RAW)->free(DOMAIN(RAW)->ctx, ptr);
        return;
    }
    mi_free(ptr);
}

void *PyMem_Malloc(size_t size)
{
    return CUSTOMIZED() ? DOMAIN(MEM)->malloc(DOMAIN(MEM)->ctx, size) : mem_malloc(NULL, size);
}

void *PyMem_Calloc(size_t nelem, size_t elsize)
{
    return CUSTOMIZED() ? DOMAIN(MEM)->calloc(DOMAIN(MEM)->ctx, nelem, elsize)
                        : mem_calloc(NULL, nelem, elsize);
}

void *PyMem_Realloc(void *ptr, size_t new_size)
{
    return CUSTOMIZED() ? DOMAIN(MEM)->realloc(DOMAIN(MEM)->ctx, ptr, new_size)
                        : mem_realloc(NULL, ptr, new_size);
}

void PyMem_Free(void *ptr)
{
    if (CUSTOMIZED()) {
        DOMAIN(MEM)->free(DOMAIN(MEM)->ctx, ptr);
        return;
    }
    mi_free(ptr);
}

void *PyObject_Malloc(size_t size)
{
    return CUSTOMIZED() ? DOMAIN(OBJ)->malloc(DOMAIN(OBJ)->ctx, size) : mem_malloc(NULL, size);
}

void *PyObject_Calloc(size_t nelem, size_t elsize)
{
    return CUSTOMIZED() ? DOMAIN(OBJ)->calloc(DOMAIN(OBJ)->ctx, nelem, elsize)
                        : mem_calloc(NULL, nelem, elsize);
}

void *PyObject_Realloc(void *ptr, size_t new_size)
{
    return CUSTOMIZED() ? DOMAIN(OBJ)->realloc(DOMAIN(OBJ)->ctx, ptr, new_size)
                        : mem_realloc(NULL, ptr, new_size);
}

/* Free-threaded build: the memory of an object that lock-free readers can reach (a dict
 * value, a weak referent: marked _PyGC_BITS_SHARED) is not reused while another thread may
 * still be about to take a reference to it (its "try to increment, then re-check" step only
 * touches the dead object's count, which must still be its count): with more than one
 * thread it is released through QSBR (Python/qsbr.c).  _Py_Dealloc names that object
 * (_Py_dealloc_shared); GC objects are checked in PyObject_GC_Del.  The object itself was
 * finalized and deallocated at once, as in CPython. */
#ifdef Py_GIL_DISABLED
extern __thread PyObject *_Py_dealloc_shared;
#endif

void PyObject_Free(void *ptr)
{
#ifdef Py_GIL_DISABLED
    /* (QSBR frees with PyMem_Free: with an installed allocator, the OBJ domain's own free
     * must be used, so such memory is freed at once -- lock-free readers then depend on the
     * installed allocator not reusing it at once, as with CPython's debug hooks.) */
    if (ptr != NULL && ptr == (void *)_Py_dealloc_shared && !_Py_qsbr_single_thread() &&
            !CUSTOMIZED()) {
        _PyMem_FreeDelayed(ptr);
        return;
    }
#endif
    if (CUSTOMIZED()) {
        DOMAIN(OBJ)->free(DOMAIN(OBJ)->ctx, ptr);
        return;
    }
    mi_free(ptr);
}

char *_PyMem_RawStrdup(const char *str)
{
    size_t size = strlen(str) + 1;
    char *copy = PyMem_RawMalloc(size);
    if (copy != NULL) {
        memcpy(copy, str, size);
    }
    return copy;
}

char *_PyMem_Strdup(const char *str)
{
    size_t size = strlen(str) + 1;
    char *copy = PyMem_Malloc(size);
    if (copy != NULL) {
        memcpy(copy, str, size);
    }
    return copy;
}
