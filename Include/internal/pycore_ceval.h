/* Eval-loop internals: eval-breaker bits, _PyEval_EvalFrame, _PyEval_Vector, recursion checks.
 * Owner: eval room (Python/ceval.c).
 *
 * The eval breaker (tstate->eval_breaker) is one atomic word per thread.  Its low byte holds
 * the event bits below; any other thread sets them with an atomic OR and the owning thread
 * notices at its next check (RESUME at function entry, JUMP_BACKWARD), where it calls
 * _Py_HandlePending (Python/ceval_gil.c, runtime room), which deals with the set bits and
 * clears them.  Relaxed loads are enough for the check: _Py_HandlePending re-reads with
 * sequential consistency before acting. */
#ifndef Py_INTERNAL_CEVAL_H
#define Py_INTERNAL_CEVAL_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE"
#endif

struct _PyInterpreterFrame;

#define _PY_GIL_DROP_REQUEST_BIT (1U << 0)
#define _PY_SIGNALS_PENDING_BIT (1U << 1)
#define _PY_CALLS_TO_DO_BIT (1U << 2)
#define _PY_ASYNC_EXCEPTION_BIT (1U << 3)
#define _PY_GC_SCHEDULED_BIT (1U << 4)
#define _PY_EVAL_PLEASE_STOP_BIT (1U << 5)
#define _PY_EVAL_EXPLICIT_MERGE_BIT (1U << 6)
#define _PY_EVAL_QSBR_BIT (1U << 7)            /* report a quiescent state (Python/qsbr.c) */
#define _PY_EVAL_EVENTS_BITS 8
#define _PY_EVAL_EVENTS_MASK ((1U << _PY_EVAL_EVENTS_BITS) - 1)

static inline void _Py_set_eval_breaker_bit(PyThreadState *tstate, uintptr_t bit)
{
    _Py_atomic_or_uintptr(&tstate->eval_breaker, bit);
}

static inline void _Py_unset_eval_breaker_bit(PyThreadState *tstate, uintptr_t bit)
{
    _Py_atomic_and_uintptr(&tstate->eval_breaker, ~bit);
}

static inline int _Py_eval_breaker_bit_is_set(PyThreadState *tstate, uintptr_t bit)
{
    return (_Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker) & bit) != 0;
}

/* Handle the events whose bits are set in tstate->eval_breaker (GIL drop, signals, pending
 * calls, async exception, stop-the-world, BRC merge, GC).  0, or -1 with an exception set.
 * Implemented by the runtime room (Python/ceval_gil.c). */
PyAPI_FUNC(int) _Py_HandlePending(PyThreadState *tstate);

/* ---- recursion ------------------------------------------------------------------------------
 * Python-to-Python calls do not recurse in C (the eval loop pushes the callee's frame and
 * continues), so deep Python recursion is bounded by py_recursion_remaining alone
 * (sys.setrecursionlimit).  C recursion (a slot calling back into Python, repr of nested
 * containers, ...) is bounded by c_recursion_remaining, which the runtime initialises to
 * Py_C_RECURSION_LIMIT. */
#ifndef Py_C_RECURSION_LIMIT
   /* An unoptimized build uses ~3.5 KB of C stack per Python-to-C-to-Python level: stay
    * well inside the default 8 MB thread stack. */
#  if defined(__OPTIMIZE__)
#    define Py_C_RECURSION_LIMIT 8000
#  else
#    define Py_C_RECURSION_LIMIT 1500
#  endif
#endif

PyAPI_FUNC(int) _Py_CheckRecursiveCall(PyThreadState *tstate, const char *where);

static inline int _Py_EnterRecursiveCallTstate(PyThreadState *tstate, const char *where)
{
    if (tstate->c_recursion_remaining-- <= 0) {
        return _Py_CheckRecursiveCall(tstate, where);
    }
    return 0;
}

static inline void _Py_LeaveRecursiveCallTstate(PyThreadState *tstate)
{
    tstate->c_recursion_remaining++;
}

/* Entering a Python frame: -1 with RecursionError set past sys.getrecursionlimit(). */
PyAPI_FUNC(int) _Py_CheckRecursivePy(PyThreadState *tstate);
static inline int _Py_EnterRecursivePy(PyThreadState *tstate)
{
    return (tstate->py_recursion_remaining-- <= 0) && _Py_CheckRecursivePy(tstate);
}
static inline void _Py_LeaveRecursiveCallPy(PyThreadState *tstate)
{
    tstate->py_recursion_remaining++;
}

/* ---- running frames -------------------------------------------------------------------- */

/* Run frame (already pushed: frame->previous is tstate->current_frame's old value is set by
 * the callee) until it returns or raises.  throwflag: raise the pending exception at the
 * frame's current instruction instead of resuming it (generator.throw).  Return a new
 * reference, or NULL with an exception set. */
PyAPI_FUNC(PyObject *) _PyEval_EvalFrameDefault(PyThreadState *tstate,
                                                struct _PyInterpreterFrame *frame,
                                                int throwflag);
static inline PyObject *_PyEval_EvalFrame(PyThreadState *tstate,
                                          struct _PyInterpreterFrame *frame, int throwflag)
{
    return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
}

/* Call a Python function: bind args (borrowed; argcount positional, then one value per
 * name in kwnames) and run it.  locals: the locals mapping for code without CO_OPTIMIZED
 * (class bodies: __build_class__ passes the namespace here), else NULL.
 * Return a new reference. */
PyAPI_FUNC(PyObject *) _PyEval_Vector(PyThreadState *tstate, PyFunctionObject *func,
                                      PyObject *locals, PyObject *const *args,
                                      size_t argcount, PyObject *kwnames);

/* Run a code object with explicit globals and locals mapping (exec/eval, class bodies
 * without a function).  closure: tuple of cells or NULL.  Return a new reference. */
PyAPI_FUNC(PyObject *) _PyEval_EvalCodeWithLocals(PyObject *code, PyObject *globals,
                                                  PyObject *locals, PyObject *closure);

/* Builtins dict for a globals dict: globals['__builtins__'] (module or dict), else the
 * interpreter's.  Return a new reference; NULL with an exception set on error. */
PyAPI_FUNC(PyObject *) _PyEval_BuiltinsFromGlobals(PyThreadState *tstate, PyObject *globals);

/* Borrowed references to the innermost Python frame's data, NULL if none. */
PyAPI_FUNC(struct _PyInterpreterFrame *) _PyEval_GetFrame(void);
PyAPI_FUNC(PyObject *) _PyEval_GetBuiltins(PyThreadState *tstate);

/* Zero-argument super(): the innermost Python frame's first argument and its __class__
 * cell content (both borrowed).  0, or -1 with RuntimeError ("super(): no arguments",
 * "super(): __class__ cell not found", ...). */
PyAPI_FUNC(int) _PyEval_GetSuperArgs(PyTypeObject **ptype, PyObject **pobj);

/* Helpers shared with other files of the eval room and the runtime room. */
PyAPI_FUNC(void) _PyEval_FormatExcCheckArg(PyThreadState *tstate, PyObject *exc,
                                           const char *format_str, PyObject *obj);
PyAPI_FUNC(int) _PyEval_UnpackIterable(PyThreadState *tstate, PyObject *v, int argcnt,
                                       int argcntafter, PyObject **sp);
PyAPI_FUNC(PyObject *) _PyEval_MatchClass(PyThreadState *tstate, PyObject *subject,
                                          PyObject *type, Py_ssize_t nargs, PyObject *kwargs);
PyAPI_FUNC(PyObject *) _PyEval_MatchKeys(PyThreadState *tstate, PyObject *map,
                                         PyObject *keys);
PyAPI_FUNC(int) _PyEval_ExceptionGroupMatch(PyObject *exc_value, PyObject *match_type,
                                            PyObject **match, PyObject **rest);
PyAPI_FUNC(int) _PyEval_CheckExceptTypeValid(PyThreadState *tstate, PyObject *right);
PyAPI_FUNC(int) _PyEval_CheckExceptStarTypeValid(PyThreadState *tstate, PyObject *right);
PyAPI_FUNC(void) _PyEval_FormatAwaitableError(PyThreadState *tstate, PyTypeObject *type,
                                              int oparg);
/* Return a new reference to the awaitable for o (GET_AWAITABLE). */
PyAPI_FUNC(PyObject *) _PyEval_GetAwaitable(PyObject *o, int oparg);

/* Intrinsics (Python/intrinsics.c). */
typedef PyObject *(*_PyIntrinsic1Func)(PyThreadState *tstate, PyObject *value);
typedef PyObject *(*_PyIntrinsic2Func)(PyThreadState *tstate, PyObject *value2,
                                       PyObject *value1);
extern const _PyIntrinsic1Func _PyIntrinsics_UnaryFunctions[];
extern const _PyIntrinsic2Func _PyIntrinsics_BinaryFunctions[];
#define _PY_MAX_INTRINSIC_1 11
#define _PY_MAX_INTRINSIC_2 5

/* ---- stop-the-world (Python/ceval_gil.c) ----
 * Park every other thread of the interpreter at a safe point (free-threaded build; a no-op in
 * the GIL build, where holding the GIL is enough).  The caller is attached and stays attached;
 * until _PyEval_StartTheWorld it must not wait for anything another thread might hold. */
PyAPI_FUNC(void) _PyEval_StopTheWorld(PyInterpreterState *interp);
PyAPI_FUNC(void) _PyEval_StartTheWorld(PyInterpreterState *interp);
extern void _PyEval_InitStopTheWorld(PyInterpreterState *interp);

/* ---- the runtime GIL of the free-threaded build (Python/ceval_gil.c) ----------------------
 * The free-threaded build starts with the GIL off unless PYTHON_GIL=1 / -X gil=1.  Importing an
 * extension that does not declare Py_MOD_GIL_NOT_USED turns it on for the rest of the run,
 * unless the user asked for it to stay off (PYTHON_GIL=0 / -X gil=0).  In the GIL build the GIL
 * is always on and these functions change nothing. */

/* Turn the GIL on for good (the caller is attached).  Returns 1 if it was off and is on now,
 * 0 if nothing changed (already on, or the GIL build). */
PyAPI_FUNC(int) _PyEval_EnableGILPermanent(PyThreadState *tstate);
/* 1 if PYTHON_GIL=0 or -X gil=0 was given (the GIL stays off whatever is imported). */
PyAPI_FUNC(int) _PyEval_GILExplicitlyDisabled(void);

#endif /* Py_INTERNAL_CEVAL_H */
