/* _PyInterpreterFrame and the per-thread frame stack.  Owner: eval room (Python/frame.c).
 *
 * Every executing Python frame lives in the thread's data stack: chunks of contiguous memory
 * (struct _PyStackChunk) from which frames are pushed and popped in LIFO order, so a call
 * allocates nothing on the heap.  A frame is the header below followed by its slots:
 *
 *     localsplus[0 .. co_nlocalsplus)                       locals, cells, free variables
 *     localsplus[co_nlocalsplus .. + co_stacksize)           the value stack
 *
 * Generator frames are embedded in the generator object instead, and a frame whose
 * PyFrameObject outlives it is copied into that object (owner says where the frame lives).
 *
 * prev_instr points at the instruction executing now (or last executed, when the frame is
 * suspended in a call or a yield); execution resumes at prev_instr + 1.  A fresh frame has
 * prev_instr == _PyCode_CODE(code) - 1.  The exception-table offset and f_lasti of a frame are
 * prev_instr - _PyCode_CODE(code) (in code units; tracebacks use bytes, twice that).
 *
 * References: f_executable, f_funcobj, f_locals and frame_obj are strong; f_globals and
 * f_builtins are borrowed from f_funcobj (every frame has a function).  Slots hold strong
 * references or NULL; stack slots at or above stacktop are garbage. */
#ifndef Py_INTERNAL_FRAME_H
#define Py_INTERNAL_FRAME_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

#include "pycore_pystate.h"     /* _Py_IncRefDeferred */

enum _frameowner {
    FRAME_OWNED_BY_THREAD = 0,        /* on the thread's data stack */
    FRAME_OWNED_BY_GENERATOR = 1,     /* embedded in a generator/coroutine object */
    FRAME_OWNED_BY_FRAME_OBJECT = 2,  /* copied into its PyFrameObject after it finished */
    FRAME_OWNED_BY_CSTACK = 3,        /* a C-stack shim (not used yet) */
};

typedef struct _PyInterpreterFrame {
    PyObject *f_executable;            /* code object (strong) */
    struct _PyInterpreterFrame *previous;
    PyObject *f_funcobj;               /* function (strong) */
    PyObject *f_globals;               /* borrowed */
    PyObject *f_builtins;              /* borrowed */
    PyObject *f_locals;                /* locals mapping (strong) or NULL (optimized code) */
    PyFrameObject *frame_obj;          /* strong or NULL */
    _Py_CODEUNIT *prev_instr;          /* see the header comment */
    int stacktop;                      /* index in localsplus of the first free stack slot */
    int return_offset;                 /* code units to skip when a generator frame run
                                          inline by this frame's SEND returns */
    char owner;                        /* enum _frameowner */
    char is_entry;                     /* returning from it leaves _PyEval_EvalFrameDefault */
    PyObject *localsplus[1];
} _PyInterpreterFrame;

/* Slots the header takes, counted in PyObject pointers (localsplus excluded). */
#define FRAME_SPECIALS_SIZE                                                                   \
    ((int)((sizeof(_PyInterpreterFrame) - sizeof(PyObject *)) / sizeof(PyObject *)))

static inline PyCodeObject *_PyFrame_GetCode(_PyInterpreterFrame *f)
{
    return (PyCodeObject *)f->f_executable;
}

/* Slots a frame for co needs, header included. */
static inline int _PyFrame_NumSlotsForCodeObject(PyCodeObject *co)
{
    return FRAME_SPECIALS_SIZE + co->co_nlocalsplus + co->co_stacksize;
}

static inline PyObject **_PyFrame_Stackbase(_PyInterpreterFrame *f)
{
    return f->localsplus + _PyFrame_GetCode(f)->co_nlocalsplus;
}

static inline PyObject **_PyFrame_GetLocalsArray(_PyInterpreterFrame *f)
{
    return f->localsplus;
}

static inline PyObject **_PyFrame_GetStackPointer(_PyInterpreterFrame *f)
{
    return f->localsplus + f->stacktop;
}

static inline void _PyFrame_SetStackPointer(_PyInterpreterFrame *f, PyObject **sp)
{
    f->stacktop = (int)(sp - f->localsplus);
}

/* Offset (code units) of the current instruction. */
static inline int _PyInterpreterFrame_LASTI(_PyInterpreterFrame *f)
{
    return (int)(f->prev_instr - _PyCode_CODE(_PyFrame_GetCode(f)));
}

/* A frame that has not started running its code yet (before RESUME 0 or generator start)
 * is not shown in tracebacks and sys._getframe. */
static inline int _PyFrame_IsIncomplete(_PyInterpreterFrame *f)
{
    return f->owner != FRAME_OWNED_BY_CSTACK &&
           f->prev_instr < _PyCode_CODE(_PyFrame_GetCode(f));
}

/* Fill the header of a fresh frame.  Steals references to func and code is taken from it;
 * locals is a new reference or NULL.  Slots are set to NULL. */
static inline void _PyFrame_Initialize(_PyInterpreterFrame *frame, PyFunctionObject *func,
                                       PyObject *locals, PyCodeObject *code, int null_locals_from)
{
    frame->f_funcobj = (PyObject *)func;
    _Py_IncRefDeferred((PyObject *)code);
    frame->f_executable = (PyObject *)code;
    frame->f_builtins = func->func_builtins;
    frame->f_globals = func->func_globals;
    frame->f_locals = locals;
    frame->stacktop = code->co_nlocalsplus;
    frame->frame_obj = NULL;
    frame->prev_instr = _PyCode_CODE(code) - 1;
    frame->owner = FRAME_OWNED_BY_THREAD;
    frame->is_entry = 0;
    frame->return_offset = 0;
    frame->previous = NULL;
    for (int i = null_locals_from; i < code->co_nlocalsplus; i++) {
        frame->localsplus[i] = NULL;
    }
}

/* The data stack (Python/frame.c). */
struct _PyStackChunk {
    struct _PyStackChunk *previous;
    size_t size;                 /* bytes, header included */
    size_t top;                  /* saved datastack_top offset (slots) when not the top chunk */
    PyObject *data[1];
};
typedef struct _PyStackChunk _PyStackChunk;

#define _PY_DATA_STACK_CHUNK_SIZE (16 * 1024)

/* Push a frame of size slots; NULL (MemoryError set) on failure. */
PyAPI_FUNC(_PyInterpreterFrame *) _PyThreadState_PushFrameSlow(PyThreadState *tstate,
                                                               size_t size);

static inline _PyInterpreterFrame *_PyThreadState_PushFrame(PyThreadState *tstate,
                                                            size_t size)
{
    PyObject **top = tstate->datastack_top;
    if (top != NULL && (size_t)(tstate->datastack_limit - top) > size) {
        tstate->datastack_top = top + size;
        return (_PyInterpreterFrame *)top;
    }
    return _PyThreadState_PushFrameSlow(tstate, size);
}

/* Release the memory of the topmost frame (its contents must already be cleared). */
PyAPI_FUNC(void) _PyThreadState_PopFrame(PyThreadState *tstate, _PyInterpreterFrame *frame);
/* Free every chunk of tstate's data stack (thread-state teardown; runtime room calls it). */
PyAPI_FUNC(void) _PyThreadState_ClearDataStack(PyThreadState *tstate);

/* Release everything a finished frame holds; a PyFrameObject still referenced elsewhere
 * takes a copy of the frame instead. */
PyAPI_FUNC(void) _PyFrame_ClearExceptCode(_PyInterpreterFrame *frame);
PyAPI_FUNC(void) _PyFrame_Clear(_PyInterpreterFrame *frame);
/* Copy the live part of src (header, locals, stack) to dest; references move. */
PyAPI_FUNC(void) _PyFrame_Copy(_PyInterpreterFrame *src, _PyInterpreterFrame *dest);
/* Borrowed reference to the frame's PyFrameObject, created on first use; NULL on error. */
PyAPI_FUNC(PyFrameObject *) _PyFrame_MakeAndSetFrameObject(_PyInterpreterFrame *frame);
static inline PyFrameObject *_PyFrame_GetFrameObject(_PyInterpreterFrame *frame)
{
    if (frame->frame_obj != NULL) {
        return frame->frame_obj;
    }
    return _PyFrame_MakeAndSetFrameObject(frame);
}
/* New reference to a locals mapping: f_locals, or a fresh snapshot dict of fast locals
 * (plus the extra names added through frame.f_locals). */
PyAPI_FUNC(PyObject *) _PyFrame_GetLocals(_PyInterpreterFrame *frame);
/* Visit the references a frame holds (generator and frame-object traversal). */
PyAPI_FUNC(int) _PyFrame_Traverse(_PyInterpreterFrame *frame, visitproc visit, void *arg);
/* Innermost complete frame at or below frame, or NULL. */
static inline _PyInterpreterFrame *_PyFrame_GetFirstComplete(_PyInterpreterFrame *frame)
{
    while (frame != NULL && _PyFrame_IsIncomplete(frame)) {
        frame = frame->previous;
    }
    return frame;
}
PyAPI_FUNC(int) _PyFrame_GetLineNumber(_PyInterpreterFrame *frame);

/* The PyFrameObject layout (Objects/frameobject.c). */
struct _frame {
    PyObject_HEAD
    PyFrameObject *f_back;          /* strong; set only once the frame finished */
    _PyInterpreterFrame *f_frame;   /* points into the data stack, a generator, or below */
    PyObject *f_trace;              /* strong or NULL */
    int f_lineno;                   /* set when f_trace is used; 0 otherwise */
    char f_trace_lines;
    char f_trace_opcodes;
    int f_trace_last_line;          /* line tracing: last line and instruction seen */
    int f_trace_last_instr;
    PyObject *f_locals_cache;       /* snapshot dict kept for PyEval_GetLocals (strong) */
    PyObject *f_extra_locals;       /* names added through f_locals that are not fast
                                       locals (PEP 667), dict or NULL (strong) */
    PyObject *_f_frame_data[1];     /* the frame after it finished (owner FRAME_OBJECT) */
};

/* frame.f_locals of an optimized frame: a write-through mapping (PEP 667). */
PyAPI_DATA(PyTypeObject) PyFrameLocalsProxy_Type;

#endif /* Py_INTERNAL_FRAME_H */
