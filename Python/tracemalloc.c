/* PyTraceMalloc_Track/Untrack (Include/tracemalloc.h).  Braid has no tracemalloc module, so
 * tracing is never enabled and both report -2 ("tracemalloc is disabled"), which callers such
 * as numpy treat as "nothing to do". */
#include "Python.h"
#include "tracemalloc.h"

int
PyTraceMalloc_Track(unsigned int domain, uintptr_t ptr, size_t size)
{
    (void)domain;
    (void)ptr;
    (void)size;
    return -2;
}

int
PyTraceMalloc_Untrack(unsigned int domain, uintptr_t ptr)
{
    (void)domain;
    (void)ptr;
    return -2;
}
