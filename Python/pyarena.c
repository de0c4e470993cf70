/* PyArena: bump allocation in a chain of blocks, plus a list of owned objects.
 *
 * Invariant: every block in the chain is fully owned by the arena; allocations never straddle
 * blocks.  Requests larger than a default block get a block of their own.  An arena is used by
 * one thread at a time, so nothing here is locked. */
#include "Python.h"
#include "pycore_pyarena.h"

#define ARENA_BLOCK_SIZE 8192
#define ARENA_ALIGN 16

typedef struct arena_block {
    struct arena_block *next;
    size_t size;  /* usable bytes in data */
    size_t used;
    _Alignas(ARENA_ALIGN) unsigned char data[];
} arena_block;

struct _arena {
    arena_block *head;      /* block currently allocated from */
    PyObject **objects;     /* strong references released by _PyArena_Free */
    Py_ssize_t nobjects;
    Py_ssize_t objects_cap;
};

static arena_block *
arena_block_new(size_t size)
{
    arena_block *b = (arena_block *)PyMem_Malloc(sizeof(arena_block) + size);
    if (b == NULL) {
        return NULL;
    }
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

PyArena *
_PyArena_New(void)
{
    PyArena *arena = (PyArena *)PyMem_Malloc(sizeof(PyArena));
    if (arena == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    arena->head = arena_block_new(ARENA_BLOCK_SIZE);
    if (arena->head == NULL) {
        PyMem_Free(arena);
        PyErr_NoMemory();
        return NULL;
    }
    arena->objects = NULL;
    arena->nobjects = 0;
    arena->objects_cap = 0;
    return arena;
}

void
_PyArena_Free(PyArena *arena)
{
    if (arena == NULL) {
        return;
    }
    arena_block *b = arena->head;
    while (b != NULL) {
        arena_block *next = b->next;
        PyMem_Free(b);
        b = next;
    }
    for (Py_ssize_t i = arena->nobjects - 1; i >= 0; i--) {
        Py_DECREF(arena->objects[i]);
    }
    PyMem_Free(arena->objects);
    PyMem_Free(arena);
}

void *
_PyArena_Malloc(PyArena *arena, size_t size)
{
    size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (rounded < size) {
        PyErr_NoMemory();
        return NULL;
    }
    arena_block *b = arena->head;
    if (b->size - b->used < rounded) {
        size_t bsize = rounded > ARENA_BLOCK_SIZE ? rounded : ARENA_BLOCK_SIZE;
        arena_block *nb = arena_block_new(bsize);
        if (nb == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        if (rounded > ARENA_BLOCK_SIZE) {
            /* A big private block: keep allocating from the current one afterwards. */
            nb->used = rounded;
            nb->next = b->next;
            b->next = nb;
            return nb->data;
        }
        nb->next = b;
        arena->head = nb;
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += rounded;
    return p;
}

int
_PyArena_AddPyObject(PyArena *arena, PyObject *obj)
{
    if (arena->nobjects == arena->objects_cap) {
        Py_ssize_t cap = arena->objects_cap ? arena->objects_cap * 2 : 64;
        PyObject **objs = (PyObject **)PyMem_Realloc(arena->objects,
                                                     (size_t)cap * sizeof(PyObject *));
        if (objs == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        arena->objects = objs;
        arena->objects_cap = cap;
    }
    arena->objects[arena->nobjects++] = obj;
    return 0;
}
