/* The per-thread frame stack (pycore_frame.h).
 *
 * Frames are carved out of chunks of memory that belong to one thread state: push bumps
 * datastack_top, pop moves it back.  When a chunk is full a new, larger one is linked in
 * front; popping the first frame of a chunk frees the chunk and returns to the previous one.
 * Only the owning thread touches its chunks, so no locking is needed. */

#include "Python.h"
#include "pycore_ceval.h"
#include "pycore_code.h"
#include "pycore_frame.h"
#include "pycore_genobject.h"
#include "pycore_pystate.h"
#include "pycore_pyatomic_ft_wrappers.h"

#include <stddef.h>

/* Allocate a chunk able to hold at least `slots` PyObject pointers of frames. */
static _PyStackChunk *
allocate_chunk(size_t slots, _PyStackChunk *previous)
{
    size_t bytes = offsetof(_PyStackChunk, data) + slots * sizeof(PyObject *);
    if (bytes < _PY_DATA_STACK_CHUNK_SIZE) {
        bytes = _PY_DATA_STACK_CHUNK_SIZE;
    }
    _PyStackChunk *chunk = PyMem_RawMalloc(bytes);
    if (chunk == NULL) {
        return NULL;
    }
    chunk->previous = previous;
    chunk->size = bytes;
    chunk->top = 0;
    return chunk;
}

static inline PyObject **
chunk_limit(_PyStackChunk *chunk)
{
    return (PyObject **)((char *)chunk + chunk->size);
}

_PyInterpreterFrame *
_PyThreadState_PushFrameSlow(PyThreadState *tstate, size_t size)
{
    _PyStackChunk *current = tstate->datastack_chunk;
    size_t want = size * 2;
    if (current != NULL) {
        size_t cur_slots = (current->size - offsetof(_PyStackChunk, data)) / sizeof(PyObject *);
        if (want < cur_slots * 2) {
            want = cur_slots * 2;
        }
    }
    _PyStackChunk *chunk = allocate_chunk(want, current);
    if (chunk == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    if (current != NULL) {
        current->top = (size_t)(tstate->datastack_top - current->data);
    }
    tstate->datastack_chunk = chunk;
    tstate->datastack_limit = chunk_limit(chunk);
    PyObject **base = chunk->data;
    tstate->datastack_top = base + size;
    return (_PyInterpreterFrame *)base;
}

void
_PyThreadState_PopFrame(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    PyObject **base = (PyObject **)frame;
    _PyStackChunk *chunk = tstate->datastack_chunk;
    if (chunk != NULL && base == chunk->data && chunk->previous != NULL) {
        /* The first frame of a chunk: go back to the previous chunk. */
        _PyStackChunk *previous = chunk->previous;
        tstate->datastack_chunk = previous;
        tstate->datastack_top = previous->data + previous->top;
        tstate->datastack_limit = chunk_limit(previous);
        PyMem_RawFree(chunk);
        return;
    }
    tstate->datastack_top = base;
}

void
_PyThreadState_ClearDataStack(PyThreadState *tstate)
{
    _PyStackChunk *chunk = tstate->datastack_chunk;
    while (chunk != NULL) {
        _PyStackChunk *previous = chunk->previous;
        PyMem_RawFree(chunk);
        chunk = previous;
    }
    tstate->datastack_chunk = NULL;
    tstate->datastack_top = NULL;
    tstate->datastack_limit = NULL;
}

/* ---- frame contents -------------------------------------------------------------------- */

void
_PyFrame_Copy(_PyInterpreterFrame *src, _PyInterpreterFrame *dest)
{
    size_t size = offsetof(_PyInterpreterFrame, localsplus) +
                  (size_t)src->stacktop * sizeof(PyObject *);
    memcpy(dest, src, size);
}

int
_PyFrame_Traverse(_PyInterpreterFrame *frame, visitproc visit, void *arg)
{
    if (frame->owner != FRAME_OWNED_BY_FRAME_OBJECT) {
        /* A frame object's own copy points back at it without a reference. */
        Py_VISIT(frame->frame_obj);
    }
    Py_VISIT(frame->f_locals);
    Py_VISIT(frame->f_funcobj);
    Py_VISIT(frame->f_executable);
    for (int i = 0; i < frame->stacktop; i++) {
        Py_VISIT(frame->localsplus[i]);
    }
    return 0;
}

/* The frame finished but its frame object lives on: copy the frame into the object, which
 * becomes its owner. */
static void
take_ownership(PyFrameObject *f, _PyInterpreterFrame *frame)
{
    _PyInterpreterFrame *copy = (_PyInterpreterFrame *)f->_f_frame_data;
    _PyFrame_Copy(frame, copy);
    /* The code object stays with the original frame (its owner releases it); the copy
     * needs its own reference. */
    Py_INCREF(copy->f_executable);
    copy->frame_obj = f;   /* borrowed: the object owns the frame, not the reverse */
    copy->owner = FRAME_OWNED_BY_FRAME_OBJECT;
    copy->previous = NULL;
    if (f->f_back == NULL) {
        _PyInterpreterFrame *prev = _PyFrame_GetFirstComplete(frame->previous);
        if (prev != NULL) {
            PyFrameObject *back = _PyFrame_GetFrameObject(prev);
            if (back == NULL) {
                PyErr_Clear();
            }
            else {
                f->f_back = (PyFrameObject *)Py_NewRef(back);
            }
        }
    }
    /* Last, with release: a thread that sees f own its data (Objects/frameobject.c) reads
     * the copy and f_back without stopping the world, and must see them whole. */
    FT_ATOMIC_STORE_PTR_RELEASE(f->f_frame, copy);
    frame->stacktop = 0;
    frame->f_locals = NULL;
    frame->f_funcobj = NULL;
}

void
_PyFrame_ClearExceptCode(_PyInterpreterFrame *frame)
{
    if (frame->frame_obj != NULL) {
        PyFrameObject *f = frame->frame_obj;
        frame->frame_obj = NULL;
        if (Py_REFCNT(f) > 1) {
            PyObject *exc = PyErr_GetRaisedException();
            take_ownership(f, frame);
            PyErr_SetRaisedException(exc);
            Py_DECREF(f);
            return;
        }
        Py_DECREF(f);
    }
    for (int i = 0; i < frame->stacktop; i++) {
        Py_XDECREF(frame->localsplus[i]);
    }
    frame->stacktop = 0;
    Py_CLEAR(frame->f_locals);
    PyObject *func = frame->f_funcobj;
    if (func != NULL) {
        frame->f_funcobj = NULL;
        _Py_DecRefDeferred(func);
    }
}

void
_PyFrame_Clear(_PyInterpreterFrame *frame)
{
    _PyFrame_ClearExceptCode(frame);
    Py_CLEAR(frame->f_executable);
}

int
_PyFrame_GetLineNumber(_PyInterpreterFrame *frame)
{
    PyCodeObject *co = _PyFrame_GetCode(frame);
    int lasti = _PyInterpreterFrame_LASTI(frame);
    if (lasti < 0) {
        return co->co_firstlineno;
    }
    return PyCode_Addr2Line(co, lasti * (int)sizeof(_Py_CODEUNIT));
}

/* A snapshot dict of the frame's variables: locals and cell contents that are bound.
 * (CPython 3.13 returns a write-through proxy for optimized frames; Braid returns a
 * snapshot for now.)  New reference. */
PyObject *
_PyFrame_GetLocals(_PyInterpreterFrame *frame)
{
    if (frame->f_locals != NULL) {
        return Py_NewRef(frame->f_locals);
    }
    PyCodeObject *co = _PyFrame_GetCode(frame);
    PyObject *dict = PyDict_New();
    if (dict == NULL) {
        return NULL;
    }
    const unsigned char *kinds = (const unsigned char *)PyBytes_AS_STRING(co->co_localspluskinds);
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        unsigned char kind = kinds[i];
        if (kind & CO_FAST_HIDDEN) {
            continue;
        }
        PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
        PyObject *value = frame->localsplus[i];
        if (value == NULL) {
            continue;
        }
        /* Cells are created by MAKE_CELL: before it runs the slot holds the plain argument
         * value.  A cell's content is taken by reference (PyCell_Get, under the cell's
         * lock): a thread running a closure over it may store a new one meanwhile, which
         * releases the old content at once. */
        if ((kind & (CO_FAST_FREE | CO_FAST_CELL)) && PyCell_Check(value) &&
            ((kind & CO_FAST_FREE) || !_PyFrame_IsIncomplete(frame))) {
            value = PyCell_Get(value);
            if (value == NULL) {
                continue;
            }
        }
        else {
            Py_INCREF(value);
        }
        int rc = PyDict_SetItem(dict, name, value);
        Py_DECREF(value);
        if (rc < 0) {
            Py_DECREF(dict);
            return NULL;
        }
    }
    if (frame->frame_obj != NULL && frame->frame_obj->f_extra_locals != NULL) {
        if (PyDict_Merge(dict, frame->frame_obj->f_extra_locals, 0) < 0) {
            Py_DECREF(dict);
            return NULL;
        }
    }
    return dict;
}
