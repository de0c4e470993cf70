/* PyMem_GetAllocator / PyMem_SetAllocator (Include/cpython/pymem.h).
 *
 * The table of one PyMemAllocatorEx per domain lives in Objects/obmalloc.c, with the default
 * entries (mimalloc directly, so that an installed allocator can call the previous one -- the
 * usual wrapping pattern -- without recursion).
 *
 * Concurrency: the table is process-wide, as in CPython, and written only by
 * PyMem_SetAllocator, which CPython documents as unsafe while other threads allocate; so the
 * table has no lock.  _PyMem_AllocatorsCustomized is written atomically after the entry, so a
 * reader that sees it set sees a complete entry. */
#include "Python.h"
#include "cpython/pymem.h"
/* An unknown domain reads as an allocator of NULL functions and ignores writes, as in
 * CPython. */
void
PyMem_GetAllocator(PyMemAllocatorDomain domain, PyMemAllocatorEx *allocator)
{
    if ((unsigned)domain > PYMEM_DOMAIN_OBJ) {
        memset(allocator, 0, sizeof(*allocator));
        return;
    }
    *allocator = _PyMem_Allocators[domain];
}

void
PyMem_SetAllocator(PyMemAllocatorDomain domain, PyMemAllocatorEx *allocator)
{
    if ((unsigned)domain > PYMEM_DOMAIN_OBJ) {
        return;
    }
    _PyMem_Allocators[domain] = *allocator;
    _Py_atomic_store_int(&_PyMem_AllocatorsCustomized, 1);
}

void
PyMem_SetupDebugHooks(void)
{
}
