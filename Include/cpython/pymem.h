/* Customising the memory allocators (CPython 3.13 Include/cpython/pymem.h;
 * Python/pymem_allocators.c). */
#ifndef Py_CPYTHON_PYMEM_H
#define Py_CPYTHON_PYMEM_H
#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    PYMEM_DOMAIN_RAW,   /* PyMem_RawMalloc(), PyMem_RawRealloc(), ... */
    PYMEM_DOMAIN_MEM,   /* PyMem_Malloc(), PyMem_Realloc(), ... */
    PYMEM_DOMAIN_OBJ    /* PyObject_Malloc(), PyObject_Realloc(), ... */
} PyMemAllocatorDomain;

typedef enum {
    PYMEM_ALLOCATOR_NOT_SET = 0,
    PYMEM_ALLOCATOR_DEFAULT = 1,
    PYMEM_ALLOCATOR_DEBUG = 2,
    PYMEM_ALLOCATOR_MALLOC = 3,
    PYMEM_ALLOCATOR_MALLOC_DEBUG = 4,
    PYMEM_ALLOCATOR_PYMALLOC = 5,
    PYMEM_ALLOCATOR_PYMALLOC_DEBUG = 6,
    PYMEM_ALLOCATOR_MIMALLOC = 7,
    PYMEM_ALLOCATOR_MIMALLOC_DEBUG = 8,
} PyMemAllocatorName;

typedef struct {
    void *ctx;          /* passed as the first argument of each function */
    void *(*malloc)(void *ctx, size_t size);
    void *(*calloc)(void *ctx, size_t nelem, size_t elsize);
    void *(*realloc)(void *ctx, void *ptr, size_t new_size);
    void (*free)(void *ctx, void *ptr);
} PyMemAllocatorEx;

/* Copy the allocator of `domain` into *allocator.  The default allocators of every domain
 * are Braid's (mimalloc), callable through the struct like any other. */
PyAPI_FUNC(void) PyMem_GetAllocator(PyMemAllocatorDomain domain, PyMemAllocatorEx *allocator);

/* Install *allocator (copied) for `domain`.  As in CPython, call it before other threads
 * allocate, and free memory with the allocator that allocated it. */
PyAPI_FUNC(void) PyMem_SetAllocator(PyMemAllocatorDomain domain, PyMemAllocatorEx *allocator);

/* Install the debug hooks on the allocators: Braid has none, so this does nothing. */
PyAPI_FUNC(void) PyMem_SetupDebugHooks(void);

#ifdef Py_BUILD_CORE
/* For Objects/obmalloc.c: the installed allocators, and whether any is not the default
 * (nonzero: PyMem_*, PyMem_Raw* and PyObject_* must call through _PyMem_Allocators).  Written
 * only by PyMem_SetAllocator. */
extern PyMemAllocatorEx _PyMem_Allocators[3];
extern int _PyMem_AllocatorsCustomized;
#endif

#ifdef __cplusplus
}
#endif
#endif /* !Py_CPYTHON_PYMEM_H */
