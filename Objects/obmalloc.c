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

void *PyMem_RawMalloc(size_t size) { return mi_malloc(size ? size : 1); }
void *PyMem_RawCalloc(size_t nelem, size_t elsize)
{
    if (nelem == 0 || elsize == 0) {
        nelem = elsize = 1;
    }
    return mi_calloc(nelem, elsize);
}
void *PyMem_RawRealloc(void *ptr, size_t new_size) { return mi_realloc(ptr, new_size ? new_size : 1); }
void PyMem_RawFree(void *ptr) { mi_free(ptr); }

void *PyMem_Malloc(size_t size)
{
    if (size > (size_t)PY_SSIZE_T_MAX) {
        return NULL;
    }
    return mi_malloc(size ? size : 1);
}
void *PyMem_Calloc(size_t nelem, size_t elsize)
{
    if (elsize != 0 && nelem > (size_t)PY_SSIZE_T_MAX / elsize) {
        return NULL;
    }
    return PyMem_RawCalloc(nelem, elsize);
}
void *PyMem_Realloc(void *ptr, size_t new_size)
{
    if (new_size > (size_t)PY_SSIZE_T_MAX) {
        return NULL;
    }
    return mi_realloc(ptr, new_size ? new_size : 1);
}
void PyMem_Free(void *ptr) { mi_free(ptr); }

void *PyObject_Malloc(size_t size) { return PyMem_Malloc(size); }
void *PyObject_Calloc(size_t nelem, size_t elsize) { return PyMem_Calloc(nelem, elsize); }
void *PyObject_Realloc(void *ptr, size_t new_size) { return PyMem_Realloc(ptr, new_size); }
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
    if (ptr != NULL && ptr == (void *)_Py_dealloc_shared && !_Py_qsbr_single_thread()) {
        _PyMem_FreeDelayed(ptr);
        return;
    }
#endif
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
