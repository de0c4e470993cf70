/* PyArena: bulk allocation for the parser and compiler.
 *
 * An arena hands out memory that lives until the arena is freed, and keeps references to
 * Python objects (identifiers, constants) that nodes allocated from it point to.  Freeing the
 * arena releases all its memory and drops those references at once.  An arena is used by one
 * thread at a time (the one parsing or compiling), so it has no lock.
 * Owner: parser room (Python/pyarena.c). */
#ifndef Py_INTERNAL_PYARENA_H
#define Py_INTERNAL_PYARENA_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct _arena PyArena;

/* Return a new arena, or NULL with MemoryError set. */
PyAPI_FUNC(PyArena *) _PyArena_New(void);

/* Free all memory of the arena and release every object added to it. */
PyAPI_FUNC(void) _PyArena_Free(PyArena *arena);

/* Return size bytes (aligned for any type) that live as long as the arena, or NULL with
 * MemoryError set. */
PyAPI_FUNC(void *) _PyArena_Malloc(PyArena *arena, size_t size);

/* Steals a reference to obj: the arena releases it when freed.  Return 0, or -1 with
 * MemoryError set (the reference is then still owned by the caller). */
PyAPI_FUNC(int) _PyArena_AddPyObject(PyArena *arena, PyObject *obj);

#ifdef __cplusplus
}
#endif
#endif /* Py_INTERNAL_PYARENA_H */
