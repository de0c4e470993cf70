/* Generators, coroutines and async generators.
 *
 * The three types share struct _PyGenObject (pycore_genobject.h): RETURN_GENERATOR moves the
 * frame of the generator function into the object (gi_iframe), and every resumption runs
 * that frame as an entry frame of _PyEval_EvalFrameDefault, which returns at YIELD_VALUE
 * (gi_frame_state still FRAME_EXECUTING: gen_send_ex2 sets FRAME_SUSPENDED when it is done
 * with the generator) or when the frame finishes (FRAME_COMPLETED).
 * While it runs, the generator's gi_exc_state is pushed on the thread's handled-exception
 * stack, so `except` blocks inside the generator see their own exception.
 *
 * Free-threaded build: gi_frame_state is the "is running" flag.  A generator is not safe to
 * resume from two threads at once in CPython either ("generator already executing"); here
 * the check and the transition to FRAME_EXECUTING are one compare-and-swap, so two threads
 * cannot both enter the frame.  gi_name and gi_qualname may be reassigned while other
 * threads read them (__name__, repr): see _PyObject_FieldSet. */

#include "Python.h"
#include "pycore_pyatomic_ft_wrappers.h"
#include "pycore_ceval.h"
#include "pycore_frame.h"
#include "pycore_genobject.h"
#include "pycore_opcode.h"
#include "pycore_pystate.h"
#include "pycore_qsbr.h"

#include <stddef.h>

static PyObject *gen_close(PyObject *self, PyObject *args);
static PyObject *async_gen_asend_new(PyGenObject *gen, PyObject *sendval);
static PyObject *async_gen_athrow_new(PyGenObject *gen, PyObject *args);

#define _PyAsyncGenWrappedValue_CheckExact(o) Py_IS_TYPE((o), &_PyAsyncGenWrappedValue_Type)

typedef struct {
    PyObject_HEAD
    PyObject *agw_val;
} _PyAsyncGenWrappedValue;

/* gi_name and gi_qualname (never NULL while the generator lives) are replaced with
 * _PyObject_FieldSet and read with _PyObject_FieldGetRef (pycore_qsbr.h): setters may race
 * with readers in other threads. */

/* gi_frame_state as seen by a thread that has not claimed the frame, or that is running it
 * while others may try to claim it: a relaxed atomic load in the free-threaded build, since
 * another thread's _PyGen_TrySetExecuting CAS (even a failing one) may overlap the read.  A
 * non-owner's decision taken on the value is re-checked by its own CAS. */
static inline int8_t
gen_frame_state_relaxed(PyGenObject *gen)
{
#ifdef Py_GIL_DISABLED
    return _Py_atomic_load_int8_relaxed(&gen->gi_frame_state);
#else
    return gen->gi_frame_state;
#endif
}

static inline int
gen_is_coroutine(PyObject *o)
{
    if (PyGen_CheckExact(o)) {
        PyCodeObject *code = _PyFrame_GetCode(_PyGen_GetFrame((PyGenObject *)o));
        if (code->co_flags & CO_ITERABLE_COROUTINE) {
            return 1;
        }
    }
    return 0;
}

static const char *
gen_kind(PyGenObject *gen)
{
    if (PyCoro_CheckExact(gen)) {
        return "coroutine";
    }
    if (PyAsyncGen_CheckExact(gen)) {
        return "async generator";
    }
    return "generator";
}

/* ---- StopIteration helpers --------------------------------------------------------------- */

int
_PyGen_SetStopIterationValue(PyObject *value)
{
    if (value == NULL || value == Py_None) {
        PyErr_SetNone(PyExc_StopIteration);
        return 0;
    }
    /* Construct the exception explicitly: PyErr_SetObject would unpack a tuple value. */
    PyObject *e = PyObject_CallOneArg(PyExc_StopIteration, value);
    if (e == NULL) {
        return -1;
    }
    PyErr_SetObject(PyExc_StopIteration, e);
    Py_DECREF(e);
    return 0;
}

int
_PyGen_FetchStopIterationValue(PyObject **pvalue)
{
    PyObject *value = NULL;
    if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyObject *exc = PyErr_GetRaisedException();
        value = PyObject_GetAttr(exc, _Py_ID(value));
        Py_DECREF(exc);
        if (value == NULL) {
            return -1;
        }
    }
    else if (PyErr_Occurred()) {
        return -1;
    }
    if (value == NULL) {
        value = Py_NewRef(Py_None);
    }
    *pvalue = value;
    return 0;
}

/* ---- creation ----------------------------------------------------------------------------- */

PyObject *
_Py_MakeCoro(PyFunctionObject *func, _PyInterpreterFrame *frame)
{
    PyCodeObject *code = _PyFrame_GetCode(frame);
    int flags = code->co_flags;
    PyTypeObject *type;
    if (flags & CO_COROUTINE) {
        type = &PyCoro_Type;
    }
    else if (flags & CO_ASYNC_GENERATOR) {
        type = &PyAsyncGen_Type;
    }
    else {
        type = &PyGen_Type;
    }
    Py_ssize_t slots = _PyFrame_NumSlotsForCodeObject(code);
    PyGenObject *gen = PyObject_GC_NewVar(PyGenObject, type, slots);
    if (gen == NULL) {
        return NULL;
    }
    _PyInterpreterFrame *gen_frame = _PyGen_GetFrame(gen);
    _PyFrame_Copy(frame, gen_frame);
    gen_frame->owner = FRAME_OWNED_BY_GENERATOR;
    gen_frame->previous = NULL;
    gen_frame->is_entry = 1;
    if (gen_frame->frame_obj != NULL) {
        gen_frame->frame_obj->f_frame = gen_frame;
    }
    gen->gi_weakreflist = NULL;
    gen->gi_name = Py_NewRef(func->func_name);
    gen->gi_qualname = Py_NewRef(func->func_qualname);
    gen->gi_exc_state.exc_value = NULL;
    gen->gi_exc_state.previous_item = NULL;
    gen->gi_origin_or_finalizer = NULL;
    gen->gi_hooks_inited = 0;
    gen->gi_closed = 0;
    gen->gi_running_async = 0;
    gen->gi_frame_state = FRAME_CREATED;
    PyObject_GC_Track(gen);
    return (PyObject *)gen;
}

static PyObject *
gen_new_from_frame_object(PyFrameObject *f)
{
    (void)f;
    PyErr_SetString(PyExc_SystemError,
                    "creating a generator from a frame object is not supported");
    return NULL;
}

PyObject *
PyGen_New(PyFrameObject *f)
{
    return gen_new_from_frame_object(f);
}

PyObject *
PyGen_NewWithQualName(PyFrameObject *f, PyObject *name, PyObject *qualname)
{
    return gen_new_from_frame_object(f);
}

PyObject *
PyCoro_New(PyFrameObject *f, PyObject *name, PyObject *qualname)
{
    return gen_new_from_frame_object(f);
}

PyObject *
PyAsyncGen_New(PyFrameObject *f, PyObject *name, PyObject *qualname)
{
    return gen_new_from_frame_object(f);
}

PyCodeObject *
PyGen_GetCode(PyGenObject *gen)
{
    return (PyCodeObject *)Py_NewRef(_PyGen_GetFrame(gen)->f_executable);
}

/* ---- resuming -------------------------------------------------------------------------- */

/* Make the thrown exception's context the exception the generator was handling. */
static void
chain_gen_exc_state(PyGenObject *gen)
{
    PyObject *handled = gen->gi_exc_state.exc_value;
    if (handled == NULL || handled == Py_None) {
        return;
    }
    PyObject *exc = PyErr_GetRaisedException();
    if (exc != NULL && exc != handled && PyExceptionInstance_Check(exc)) {
        PyObject *ctx = PyException_GetContext(exc);
        if (ctx == NULL) {
            PyException_SetContext(exc, Py_NewRef(handled));
        }
        else {
            Py_DECREF(ctx);
        }
    }
    PyErr_SetRaisedException(exc);
}

/* Resume gen with arg (NULL means None).  exc: an exception is set and must be raised at the
 * suspended instruction.  closing: called from close() (a finished coroutine is fine). */
static PySendResult
gen_send_ex2(PyGenObject *gen, PyObject *arg, PyObject **presult, int exc, int closing)
{
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *frame = _PyGen_GetFrame(gen);
    int8_t state = gen_frame_state_relaxed(gen);

    *presult = NULL;
    if (state == FRAME_CREATED && arg != NULL && arg != Py_None) {
        PyErr_Format(PyExc_TypeError, "can't send non-None value to a just-started %s",
                     gen_kind(gen));
        return PYGEN_ERROR;
    }
    if (state == FRAME_EXECUTING) {
        PyErr_Format(PyExc_ValueError, "%s already executing", gen_kind(gen));
        return PYGEN_ERROR;
    }
    if (state >= FRAME_COMPLETED) {
        if (PyCoro_CheckExact(gen) && !closing) {
            /* `gen` is an exhausted coroutine: raise an error, except when called from
             * gen_close(), which should always be a silent method. */
            PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited coroutine");
        }
        else if (arg != NULL && !exc) {
            /* `gen` is an exhausted generator: only return value if called from send(). */
            *presult = Py_NewRef(Py_None);
            return PYGEN_RETURN;
        }
        return PYGEN_ERROR;
    }
    if (!_PyGen_TrySetExecuting(gen, state)) {
        PyErr_Format(PyExc_ValueError, "%s already executing", gen_kind(gen));
        return PYGEN_ERROR;
    }

    /* Push arg onto the frame's value stack: the result of the yield (or discarded by the
     * POP_TOP after RETURN_GENERATOR). */
    frame->localsplus[frame->stacktop++] = Py_NewRef(arg != NULL ? arg : Py_None);

    gen->gi_exc_state.previous_item = tstate->exc_info;
    tstate->exc_info = &gen->gi_exc_state;
    if (exc) {
        chain_gen_exc_state(gen);
    }

    PyObject *result = _PyEval_EvalFrame(tstate, frame, exc);

    tstate->exc_info = gen->gi_exc_state.previous_item;
    gen->gi_exc_state.previous_item = NULL;

    if (gen_frame_state_relaxed(gen) == FRAME_EXECUTING) {
        /* It yielded.  Publish the suspension last: another thread may resume it then. */
        FT_ATOMIC_STORE_INT8_RELEASE(gen->gi_frame_state, FRAME_SUSPENDED);
        *presult = result;
        return result != NULL ? PYGEN_NEXT : PYGEN_ERROR;
    }
    /* The frame finished: it was cleared by the eval loop. */
    FT_ATOMIC_STORE_INT8_RELAXED(gen->gi_frame_state, FRAME_COMPLETED);
    Py_CLEAR(gen->gi_exc_state.exc_value);
    if (result != NULL) {
        *presult = result;
        return PYGEN_RETURN;
    }
    return PYGEN_ERROR;
}

PySendResult
_PyGen_Send(PyGenObject *gen, PyObject *value, PyObject **presult)
{
    return gen_send_ex2(gen, value, presult, 0, 0);
}

static PySendResult
gen_am_send(PyObject *self, PyObject *arg, PyObject **result)
{
    return gen_send_ex2((PyGenObject *)self, arg, result, 0, 0);
}

/* Like gen_send_ex2, but a return raises StopIteration(value) (StopAsyncIteration for async
 * generators).  Return a new reference, or NULL. */
static PyObject *
gen_send_ex(PyGenObject *gen, PyObject *arg, int exc, int closing)
{
    PyObject *result;
    if (gen_send_ex2(gen, arg, &result, exc, closing) == PYGEN_RETURN) {
        if (PyAsyncGen_CheckExact(gen)) {
            PyErr_SetNone(PyExc_StopAsyncIteration);
        }
        else if (result == Py_None) {
            PyErr_SetNone(PyExc_StopIteration);
        }
        else {
            _PyGen_SetStopIterationValue(result);
        }
        Py_CLEAR(result);
    }
    return result;
}

static PyObject *
gen_send(PyObject *self, PyObject *arg)
{
    return gen_send_ex((PyGenObject *)self, arg, 0, 0);
}

static PyObject *
gen_iternext(PyObject *self)
{
    PyObject *result;
    if (gen_send_ex2((PyGenObject *)self, NULL, &result, 0, 0) == PYGEN_RETURN) {
        if (result != Py_None) {
            _PyGen_SetStopIterationValue(result);
        }
        Py_CLEAR(result);
    }
    return result;
}

PyObject *
_PyGen_yf(PyGenObject *gen)
{
    if (gen->gi_frame_state != FRAME_SUSPENDED) {
        return NULL;
    }
    _PyInterpreterFrame *frame = _PyGen_GetFrame(gen);
    _Py_CODEUNIT next = frame->prev_instr[1];
    if (_Py_OPCODE(next) != RESUME || _Py_OPARG(next) < 2) {
        /* Not in a yield from / await. */
        return NULL;
    }
    if (frame->stacktop <= _PyFrame_GetCode(frame)->co_nlocalsplus) {
        return NULL;
    }
    return Py_XNewRef(frame->localsplus[frame->stacktop - 1]);
}

/* Close the sub-iterator of a yield from: 0, or -1 with an exception set. */
static int
gen_close_iter(PyObject *yf)
{
    PyObject *retval = NULL;
    if (PyGen_CheckExact(yf) || PyCoro_CheckExact(yf)) {
        retval = gen_close(yf, NULL);
        if (retval == NULL) {
            return -1;
        }
    }
    else {
        PyObject *meth;
        if (PyObject_GetOptionalAttr(yf, _Py_ID(close), &meth) < 0) {
            PyErr_WriteUnraisable(yf);
        }
        if (meth) {
            retval = PyObject_CallNoArgs(meth);
            Py_DECREF(meth);
            if (retval == NULL) {
                return -1;
            }
        }
    }
    Py_XDECREF(retval);
    return 0;
}

static PyObject *
gen_close(PyObject *self, PyObject *args)
{
    PyGenObject *gen = (PyGenObject *)self;
    if (gen->gi_frame_state == FRAME_CREATED && _PyGen_TrySetExecuting(gen, FRAME_CREATED)) {
        /* Claimed (another thread may be trying to start it): never started, so finish it. */
        _PyFrame_ClearExceptCode(_PyGen_GetFrame(gen));
        FT_ATOMIC_STORE_INT8_RELEASE(gen->gi_frame_state, FRAME_COMPLETED);
        Py_RETURN_NONE;
    }
    if (gen->gi_frame_state >= FRAME_COMPLETED) {
        Py_RETURN_NONE;
    }
    PyObject *yf = _PyGen_yf(gen);
    int err = 0;
    if (yf != NULL) {
        int8_t state = gen->gi_frame_state;
        if (!_PyGen_TrySetExecuting(gen, state)) {
            Py_DECREF(yf);
            PyErr_Format(PyExc_ValueError, "%s already executing", gen_kind(gen));
            return NULL;
        }
        err = gen_close_iter(yf);
        FT_ATOMIC_STORE_INT8_RELEASE(gen->gi_frame_state, state);
        Py_DECREF(yf);
    }
    if (err == 0) {
        PyErr_SetNone(PyExc_GeneratorExit);
    }
    PyObject *retval;
    PySendResult status = gen_send_ex2(gen, Py_None, &retval, 1, 1);
    if (status == PYGEN_RETURN) {
        /* 3.13: close() returns the generator's return value. */
        return retval;
    }
    if (status == PYGEN_NEXT) {
        Py_DECREF(retval);
        PyErr_Format(PyExc_RuntimeError, "%s ignored GeneratorExit", gen_kind(gen));
        return NULL;
    }
    if (PyErr_ExceptionMatches(PyExc_StopIteration) ||
        PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        PyErr_Clear(); /* ignore this error */
        Py_RETURN_NONE;
    }
    return NULL;
}

static PyObject *
_gen_throw(PyGenObject *gen, int close_on_genexit, PyObject *typ, PyObject *val, PyObject *tb)
{
    PyObject *yf = _PyGen_yf(gen);
    if (yf != NULL) {
        PyThreadState *tstate = _PyThreadState_GET();
        _PyInterpreterFrame *frame = _PyGen_GetFrame(gen);
        PyObject *ret;
        int err;
        if (PyErr_GivenExceptionMatches(typ, PyExc_GeneratorExit) && close_on_genexit) {
            /* Asynchronous generators *should not* be closed right away: some awaits may
             * have to work it through, hence close_on_genexit. */
            int8_t state = gen->gi_frame_state;
            if (!_PyGen_TrySetExecuting(gen, state)) {
                Py_DECREF(yf);
                PyErr_Format(PyExc_ValueError, "%s already executing", gen_kind(gen));
                return NULL;
            }
            err = gen_close_iter(yf);
            FT_ATOMIC_STORE_INT8_RELEASE(gen->gi_frame_state, state);
            Py_DECREF(yf);
            if (err < 0) {
                return gen_send_ex(gen, Py_None, 1, 0);
            }
            goto throw_here;
        }
        if (PyGen_CheckExact(yf) || PyCoro_CheckExact(yf)) {
            /* Link the frame in for complete tracebacks. */
            _PyInterpreterFrame *prev = tstate->current_frame;
            frame->previous = prev;
            tstate->current_frame = frame;
            int8_t state = gen->gi_frame_state;
            if (!_PyGen_TrySetExecuting(gen, state)) {
                tstate->current_frame = prev;
                frame->previous = NULL;
                Py_DECREF(yf);
                PyErr_Format(PyExc_ValueError, "%s already executing", gen_kind(gen));
                return NULL;
            }
            ret = _gen_throw((PyGenObject *)yf, close_on_genexit, typ, val, tb);
            FT_ATOMIC_STORE_INT8_RELEASE(gen->gi_frame_state, state);
            tstate->current_frame = prev;
            frame->previous = NULL;
        }
        else {
            /* yf is an iterator or a coroutine-like object. */
            PyObject *meth;
            if (PyObject_GetOptionalAttr(yf, _Py_ID(throw), &meth) < 0) {
                Py_DECREF(yf);
                return NULL;
            }
            if (meth == NULL) {
                Py_DECREF(yf);
                goto throw_here;
            }
            int8_t state = gen->gi_frame_state;
            if (!_PyGen_TrySetExecuting(gen, state)) {
                Py_DECREF(meth);
                Py_DECREF(yf);
                PyErr_Format(PyExc_ValueError, "%s already executing", gen_kind(gen));
                return NULL;
            }
            ret = PyObject_CallFunctionObjArgs(meth, typ, val, tb, NULL);
            FT_ATOMIC_STORE_INT8_RELEASE(gen->gi_frame_state, state);
            Py_DECREF(meth);
        }
        Py_DECREF(yf);
        if (ret == NULL) {
            /* The sub-iterator raised: resume gen with that exception (CLEANUP_THROW turns
             * a StopIteration into the value of the yield from). */
            ret = gen_send_ex(gen, Py_None, 1, 0);
        }
        return ret;
    }

throw_here:
    /* First, check the traceback argument, replacing None with NULL. */
    if (tb == Py_None) {
        tb = NULL;
    }
    else if (tb != NULL && !PyTraceBack_Check(tb)) {
        PyErr_SetString(PyExc_TypeError, "throw() third argument must be a traceback object");
        return NULL;
    }
    Py_INCREF(typ);
    Py_XINCREF(val);
    Py_XINCREF(tb);

    if (PyExceptionClass_Check(typ)) {
        PyErr_NormalizeException(&typ, &val, &tb);
    }
    else if (PyExceptionInstance_Check(typ)) {
        /* Raising an instance.  The value should be a dummy. */
        if (val && val != Py_None) {
            PyErr_SetString(PyExc_TypeError, "instance exception may not have a separate value");
            goto failed_throw;
        }
        /* Normalize to raise <class>, <instance> */
        Py_XSETREF(val, typ);
        typ = Py_NewRef(PyExceptionInstance_Class(typ));
        if (tb == NULL) {
            /* Returns NULL if there's no traceback */
            tb = PyException_GetTraceback(val);
        }
    }
    else {
        /* Not something you can raise.  throw() fails. */
        PyErr_Format(PyExc_TypeError,
                     "exceptions must be classes or instances deriving from BaseException, "
                     "not %s", Py_TYPE(typ)->tp_name);
        goto failed_throw;
    }
    PyErr_Restore(typ, val, tb);
    return gen_send_ex(gen, Py_None, 1, 0);

failed_throw:
    /* Didn't use our arguments, so restore their original refcounts */
    Py_DECREF(typ);
    Py_XDECREF(val);
    Py_XDECREF(tb);
    return NULL;
}

/* throw(value) or the deprecated throw(type[, value[, tb]]). */
static PyObject *
gen_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *typ;
    PyObject *tb = NULL;
    PyObject *val = NULL;
    if (nargs < 1 || nargs > 3) {
        PyErr_Format(PyExc_TypeError, "throw expected at least 1 argument, got %zd", nargs);
        if (nargs > 3) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "throw expected at most 3 arguments, got %zd", nargs);
        }
        return NULL;
    }
    if (nargs > 1) {
        if (PyErr_WarnEx(PyExc_DeprecationWarning,
                         "the (type, exc, tb) signature of throw() is deprecated, "
                         "use the single-arg signature instead.", 1) < 0) {
            return NULL;
        }
    }
    typ = args[0];
    if (nargs == 3) {
        val = args[1];
        tb = args[2];
    }
    else if (nargs == 2) {
        val = args[1];
    }
    return _gen_throw((PyGenObject *)self, 1, typ, val, tb);
}

/* tp_finalize: close a suspended generator; warn about a coroutine never awaited. */
void
_PyGen_Finalize(PyObject *self)
{
    PyGenObject *gen = (PyGenObject *)self;
    if (gen->gi_frame_state >= FRAME_COMPLETED) {
        /* Generator isn't paused, so no need to close */
        return;
    }
    PyObject *exc = PyErr_GetRaisedException();
    if (PyAsyncGen_CheckExact(self) && gen->gi_origin_or_finalizer != NULL && !gen->gi_closed) {
        /* The event loop's finalizer (sys.set_asyncgen_hooks) schedules aclose(). */
        PyObject *res = PyObject_CallOneArg(gen->gi_origin_or_finalizer, self);
        if (res == NULL) {
            PyErr_WriteUnraisable(self);
        }
        else {
            Py_DECREF(res);
        }
        PyErr_SetRaisedException(exc);
        return;
    }
    if (PyCoro_CheckExact(self) && gen->gi_frame_state == FRAME_CREATED) {
        PyObject *qualname = _PyObject_FieldGetRef(&gen->gi_qualname);
        if (PyErr_WarnFormat(PyExc_RuntimeWarning, 1, "coroutine '%S' was never awaited",
                             qualname) < 0) {
            PyErr_WriteUnraisable(self);
        }
        Py_DECREF(qualname);
    }
    PyObject *res = gen_close(self, NULL);
    if (res == NULL) {
        if (PyErr_Occurred()) {
            PyErr_WriteUnraisable(self);
        }
    }
    else {
        Py_DECREF(res);
    }
    PyErr_SetRaisedException(exc);
}

static void
gen_dealloc(PyObject *self)
{
    PyGenObject *gen = (PyGenObject *)self;
    PyObject_GC_UnTrack(gen);
    if (gen->gi_weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    PyObject_GC_Track(self);
    if (PyObject_CallFinalizerFromDealloc(self)) {
        return; /* resurrected.  :( */
    }
    PyObject_GC_UnTrack(self);
    Py_CLEAR(gen->gi_origin_or_finalizer);
    _PyInterpreterFrame *frame = _PyGen_GetFrame(gen);
    if (gen->gi_frame_state < FRAME_COMPLETED) {
        gen->gi_frame_state = FRAME_COMPLETED;
        _PyFrame_ClearExceptCode(frame);
    }
    Py_CLEAR(frame->f_executable);
    Py_CLEAR(gen->gi_name);
    Py_CLEAR(gen->gi_qualname);
    Py_CLEAR(gen->gi_exc_state.exc_value);
    PyObject_GC_Del(gen);
}

static int
gen_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyGenObject *gen = (PyGenObject *)self;
    Py_VISIT(gen->gi_name);
    Py_VISIT(gen->gi_qualname);
    Py_VISIT(gen->gi_origin_or_finalizer);
    _PyInterpreterFrame *frame = _PyGen_GetFrame(gen);
    if (gen->gi_frame_state < FRAME_COMPLETED) {
        if (gen->gi_frame_state == FRAME_EXECUTING) {
            /* The value stack is in use by the eval loop; visit the rest only. */
            Py_VISIT(frame->frame_obj);
            Py_VISIT(frame->f_locals);
            Py_VISIT(frame->f_funcobj);
        }
        else {
            int err = _PyFrame_Traverse(frame, visit, arg);
            if (err) {
                return err;
            }
        }
    }
    Py_VISIT(frame->f_executable);
    Py_VISIT(gen->gi_exc_state.exc_value);
    return 0;
}

static PyObject *
gen_repr(PyObject *self)
{
    PyGenObject *gen = (PyGenObject *)self;
    const char *kind = PyCoro_CheckExact(self) ? "coroutine"
                       : PyAsyncGen_CheckExact(self) ? "async_generator" : "generator";
    PyObject *qualname = _PyObject_FieldGetRef(&gen->gi_qualname);
    PyObject *repr = PyUnicode_FromFormat("<%s object %S at %p>", kind, qualname, self);
    Py_DECREF(qualname);
    return repr;
}

static PyObject *
gen_get_name(PyObject *self, void *context)
{
    return _PyObject_FieldGetRef(&((PyGenObject *)self)->gi_name);
}

static int
gen_set_name(PyObject *self, PyObject *value, void *context)
{
    /* Not legal to del gen.gi_name or to set it to anything other than a string object. */
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    _PyObject_FieldSet(&((PyGenObject *)self)->gi_name, Py_NewRef(value));
    return 0;
}

static PyObject *
gen_get_qualname(PyObject *self, void *context)
{
    return _PyObject_FieldGetRef(&((PyGenObject *)self)->gi_qualname);
}

static int
gen_set_qualname(PyObject *self, PyObject *value, void *context)
{
    /* Not legal to del gen.__qualname__ or to set it to anything other than a string. */
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    _PyObject_FieldSet(&((PyGenObject *)self)->gi_qualname, Py_NewRef(value));
    return 0;
}

static PyObject *
gen_getyieldfrom(PyObject *self, void *context)
{
    PyObject *yf = _PyGen_yf((PyGenObject *)self);
    if (yf == NULL) {
        Py_RETURN_NONE;
    }
    return yf;
}

static PyObject *
gen_getrunning(PyObject *self, void *context)
{
    return Py_NewRef(((PyGenObject *)self)->gi_frame_state == FRAME_EXECUTING ? Py_True
                                                                             : Py_False);
}

static PyObject *
gen_getsuspended(PyObject *self, void *context)
{
    return Py_NewRef(((PyGenObject *)self)->gi_frame_state == FRAME_SUSPENDED ? Py_True
                                                                             : Py_False);
}

static PyObject *
gen_getframe(PyObject *self, void *context)
{
    PyGenObject *gen = (PyGenObject *)self;
    if (gen->gi_frame_state >= FRAME_COMPLETED) {
        Py_RETURN_NONE;
    }
    PyFrameObject *f = _PyFrame_GetFrameObject(_PyGen_GetFrame(gen));
    return Py_XNewRef((PyObject *)f);
}

static PyObject *
gen_getcode(PyObject *self, void *context)
{
    return Py_NewRef(_PyGen_GetFrame((PyGenObject *)self)->f_executable);
}

static PyObject *
gen_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyCodeObject *code = _PyFrame_GetCode(_PyGen_GetFrame((PyGenObject *)self));
    Py_ssize_t res = offsetof(PyGenObject, gi_iframe) +
                     (Py_ssize_t)_PyFrame_NumSlotsForCodeObject(code) * sizeof(PyObject *);
    return PyLong_FromSsize_t(res);
}

static PyObject *
coro_getorigin(PyObject *self, void *context)
{
    Py_RETURN_NONE;
}

static PyGetSetDef gen_getsetlist[] = {
    {"__name__", gen_get_name, gen_set_name, "name of the generator", NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, "qualified name of the generator",
     NULL},
    {"gi_yieldfrom", gen_getyieldfrom, NULL,
     "object being iterated by yield from, or None", NULL},
    {"gi_running", gen_getrunning, NULL, NULL, NULL},
    {"gi_frame", gen_getframe, NULL, NULL, NULL},
    {"gi_suspended", gen_getsuspended, NULL, NULL, NULL},
    {"gi_code", gen_getcode, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef gen_methods[] = {
    {"send", gen_send, METH_O, "send(arg) -> send 'arg' into generator,\n"
                               "return next yielded value or raise StopIteration."},
    {"throw", _PyCFunction_CAST(gen_throw), METH_FASTCALL,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next "
     "yielded value or raise\nStopIteration."},
    {"close", gen_close, METH_NOARGS, "close() -> raise GeneratorExit inside generator."},
    {"__sizeof__", gen_sizeof, METH_NOARGS, "gen.__sizeof__() -> size of gen in memory, in bytes"},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods gen_as_async = {
    .am_send = gen_am_send,
};

PyTypeObject PyGen_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "generator",
    .tp_basicsize = offsetof(PyGenObject, gi_iframe),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = gen_dealloc,
    .tp_as_async = &gen_as_async,
    .tp_repr = gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_FINALIZE,
    .tp_traverse = gen_traverse,
    .tp_weaklistoffset = offsetof(PyGenObject, gi_weakreflist),
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getsetlist,
    .tp_finalize = _PyGen_Finalize,
};
_Py_REGISTER_STATIC_TYPE(PyGen_Type);

/* ---- coroutines --------------------------------------------------------------------------- */

PyObject *
_PyCoro_GetAwaitableIter(PyObject *o)
{
    unaryfunc getter = NULL;
    PyTypeObject *ot;

    if (PyCoro_CheckExact(o) || gen_is_coroutine(o)) {
        /* 'o' is a coroutine. */
        return Py_NewRef(o);
    }
    ot = Py_TYPE(o);
    if (ot->tp_as_async != NULL) {
        getter = ot->tp_as_async->am_await;
    }
    if (getter != NULL) {
        PyObject *res = (*getter)(o);
        if (res != NULL) {
            if (PyCoro_CheckExact(res) || gen_is_coroutine(res)) {
                /* __await__ must return an *iterator*, not a coroutine or another
                 * awaitable (see PEP 492) */
                PyErr_SetString(PyExc_TypeError, "__await__() returned a coroutine");
                Py_CLEAR(res);
            }
            else if (!PyIter_Check(res)) {
                PyErr_Format(PyExc_TypeError, "__await__() returned non-iterator of type '%.100s'",
                             Py_TYPE(res)->tp_name);
                Py_CLEAR(res);
            }
        }
        return res;
    }
    PyErr_Format(PyExc_TypeError, "object %.100s can't be used in 'await' expression",
                 ot->tp_name);
    return NULL;
}

/* coroutine.__await__() returns this iterator over the coroutine. */
typedef struct {
    PyObject_HEAD
    PyGenObject *cw_coroutine;
} PyCoroWrapper;

static PyObject *
coro_await(PyObject *coro)
{
    PyCoroWrapper *cw = PyObject_GC_New(PyCoroWrapper, &_PyCoroWrapper_Type);
    if (cw == NULL) {
        return NULL;
    }
    cw->cw_coroutine = (PyGenObject *)Py_NewRef(coro);
    PyObject_GC_Track(cw);
    return (PyObject *)cw;
}

static PyObject *
coro_get_cr_await(PyObject *self, void *context)
{
    PyObject *yf = _PyGen_yf((PyGenObject *)self);
    if (yf == NULL) {
        Py_RETURN_NONE;
    }
    return yf;
}

static PyGetSetDef coro_getsetlist[] = {
    {"__name__", gen_get_name, gen_set_name, "name of the coroutine", NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, "qualified name of the coroutine",
     NULL},
    {"cr_await", coro_get_cr_await, NULL, "object being awaited on, or None", NULL},
    {"cr_running", gen_getrunning, NULL, NULL, NULL},
    {"cr_frame", gen_getframe, NULL, NULL, NULL},
    {"cr_code", gen_getcode, NULL, NULL, NULL},
    {"cr_suspended", gen_getsuspended, NULL, NULL, NULL},
    {"cr_origin", coro_getorigin, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef coro_methods[] = {
    {"send", gen_send, METH_O, "send(arg) -> send 'arg' into coroutine,\n"
                               "return next iterated value or raise StopIteration."},
    {"throw", _PyCFunction_CAST(gen_throw), METH_FASTCALL,
     "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return "
     "next iterated value or raise\nStopIteration."},
    {"close", gen_close, METH_NOARGS, "close() -> raise GeneratorExit inside coroutine."},
    {"__sizeof__", gen_sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods coro_as_async = {
    .am_await = coro_await,
    .am_send = gen_am_send,
};

PyTypeObject PyCoro_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "coroutine",
    .tp_basicsize = offsetof(PyGenObject, gi_iframe),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = gen_dealloc,
    .tp_as_async = &coro_as_async,
    .tp_repr = gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_FINALIZE,
    .tp_traverse = gen_traverse,
    .tp_weaklistoffset = offsetof(PyGenObject, gi_weakreflist),
    .tp_methods = coro_methods,
    .tp_getset = coro_getsetlist,
    .tp_finalize = _PyGen_Finalize,
};
_Py_REGISTER_STATIC_TYPE(PyCoro_Type);

static void
coro_wrapper_dealloc(PyObject *self)
{
    PyCoroWrapper *cw = (PyCoroWrapper *)self;
    PyObject_GC_UnTrack(self);
    Py_CLEAR(cw->cw_coroutine);
    PyObject_GC_Del(cw);
}

static PyObject *
coro_wrapper_iternext(PyObject *self)
{
    return gen_iternext((PyObject *)((PyCoroWrapper *)self)->cw_coroutine);
}

static PyObject *
coro_wrapper_send(PyObject *self, PyObject *arg)
{
    return gen_send((PyObject *)((PyCoroWrapper *)self)->cw_coroutine, arg);
}

static PyObject *
coro_wrapper_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return gen_throw((PyObject *)((PyCoroWrapper *)self)->cw_coroutine, args, nargs);
}

static PyObject *
coro_wrapper_close(PyObject *self, PyObject *args)
{
    return gen_close((PyObject *)((PyCoroWrapper *)self)->cw_coroutine, args);
}

static int
coro_wrapper_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((PyCoroWrapper *)self)->cw_coroutine);
    return 0;
}

static PyMethodDef coro_wrapper_methods[] = {
    {"send", coro_wrapper_send, METH_O, NULL},
    {"throw", _PyCFunction_CAST(coro_wrapper_throw), METH_FASTCALL, NULL},
    {"close", coro_wrapper_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyCoroWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "coroutine_wrapper",
    .tp_basicsize = sizeof(PyCoroWrapper),
    .tp_dealloc = coro_wrapper_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "A wrapper object implementing __await__ for coroutines.",
    .tp_traverse = coro_wrapper_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = coro_wrapper_iternext,
    .tp_methods = coro_wrapper_methods,
};
_Py_REGISTER_STATIC_TYPE(_PyCoroWrapper_Type);

/* ---- async generators -------------------------------------------------------------------- */

/* sys.set_asyncgen_hooks: on the first asend/athrow/aclose, remember the thread's
 * finalizer and call its firstiter hook with the generator.  0, or -1 with an exception. */
static int
async_gen_init_hooks(PyGenObject *gen)
{
    if (gen->gi_hooks_inited) {
        return 0;
    }
    gen->gi_hooks_inited = 1;
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *finalizer = tstate->async_gen_finalizer;
    if (finalizer != NULL) {
        Py_XSETREF(gen->gi_origin_or_finalizer, Py_NewRef(finalizer));
    }
    PyObject *firstiter = tstate->async_gen_firstiter;
    if (firstiter != NULL) {
        Py_INCREF(firstiter);
        PyObject *res = PyObject_CallOneArg(firstiter, (PyObject *)gen);
        Py_DECREF(firstiter);
        if (res == NULL) {
            return -1;
        }
        Py_DECREF(res);
    }
    return 0;
}

static PyObject *
async_gen_anext(PyObject *self)
{
    if (async_gen_init_hooks((PyGenObject *)self) < 0) {
        return NULL;
    }
    return async_gen_asend_new((PyGenObject *)self, NULL);
}

static PyObject *
async_gen_asend(PyObject *self, PyObject *arg)
{
    if (async_gen_init_hooks((PyGenObject *)self) < 0) {
        return NULL;
    }
    return async_gen_asend_new((PyGenObject *)self, arg);
}

static PyObject *
async_gen_aclose(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (async_gen_init_hooks((PyGenObject *)self) < 0) {
        return NULL;
    }
    return async_gen_athrow_new((PyGenObject *)self, NULL);
}

static PyObject *
async_gen_athrow(PyObject *self, PyObject *args)
{
    if (PyTuple_GET_SIZE(args) > 1) {
        if (PyErr_WarnEx(PyExc_DeprecationWarning,
                         "the (type, exc, tb) signature of athrow() is deprecated, "
                         "use the single-arg signature instead.", 1) < 0) {
            return NULL;
        }
    }
    if (PyTuple_GET_SIZE(args) < 1 || PyTuple_GET_SIZE(args) > 3) {
        PyErr_Format(PyExc_TypeError, "athrow expected 1 to 3 arguments, got %zd",
                     PyTuple_GET_SIZE(args));
        return NULL;
    }
    if (async_gen_init_hooks((PyGenObject *)self) < 0) {
        return NULL;
    }
    return async_gen_athrow_new((PyGenObject *)self, args);
}

static PyObject *
async_gen_aiter(PyObject *self)
{
    return Py_NewRef(self);
}

/* A value the async generator yielded (not awaited): wrapped so asend can tell the two
 * apart. */
PyObject *
_PyAsyncGenValueWrapperNew(PyThreadState *tstate, PyObject *val)
{
    (void)tstate;
    _PyAsyncGenWrappedValue *o = PyObject_GC_New(_PyAsyncGenWrappedValue,
                                                 &_PyAsyncGenWrappedValue_Type);
    if (o == NULL) {
        return NULL;
    }
    o->agw_val = Py_NewRef(val);
    PyObject_GC_Track(o);
    return (PyObject *)o;
}

static PyObject *
async_gen_unwrap_value(PyGenObject *gen, PyObject *result)
{
    if (result == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetNone(PyExc_StopAsyncIteration);
        }
        if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
            PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
            gen->gi_closed = 1;
        }
        gen->gi_running_async = 0;
        return NULL;
    }
    if (_PyAsyncGenWrappedValue_CheckExact(result)) {
        /* async yield */
        _PyGen_SetStopIterationValue(((_PyAsyncGenWrappedValue *)result)->agw_val);
        Py_DECREF(result);
        gen->gi_running_async = 0;
        return NULL;
    }
    return result;
}

static PyObject *
async_gen_get_ag_await(PyObject *self, void *context)
{
    PyObject *yf = _PyGen_yf((PyGenObject *)self);
    if (yf == NULL) {
        Py_RETURN_NONE;
    }
    return yf;
}

static PyObject *
async_gen_get_ag_running(PyObject *self, void *context)
{
    return Py_NewRef(((PyGenObject *)self)->gi_running_async ? Py_True : Py_False);
}

static PyGetSetDef async_gen_getsetlist[] = {
    {"__name__", gen_get_name, gen_set_name, "name of the async generator", NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname,
     "qualified name of the async generator", NULL},
    {"ag_await", async_gen_get_ag_await, NULL, "object being awaited on, or None", NULL},
    {"ag_frame", gen_getframe, NULL, NULL, NULL},
    {"ag_code", gen_getcode, NULL, NULL, NULL},
    {"ag_suspended", gen_getsuspended, NULL, NULL, NULL},
    {"ag_running", async_gen_get_ag_running, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef async_gen_methods[] = {
    {"asend", async_gen_asend, METH_O, "asend(v) -> send 'v' in generator."},
    {"athrow", async_gen_athrow, METH_VARARGS, "athrow(value)\nathrow(type[,value[,tb]])\n\n"
                                              "raise exception in generator."},
    {"aclose", async_gen_aclose, METH_NOARGS, "aclose() -> raise GeneratorExit inside "
                                              "generator."},
    {"__sizeof__", gen_sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods async_gen_as_async = {
    .am_aiter = async_gen_aiter,
    .am_anext = async_gen_anext,
};

PyTypeObject PyAsyncGen_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator",
    .tp_basicsize = offsetof(PyGenObject, gi_iframe),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = gen_dealloc,
    .tp_as_async = &async_gen_as_async,
    .tp_repr = gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_FINALIZE,
    .tp_traverse = gen_traverse,
    .tp_weaklistoffset = offsetof(PyGenObject, gi_weakreflist),
    .tp_methods = async_gen_methods,
    .tp_getset = async_gen_getsetlist,
    .tp_finalize = _PyGen_Finalize,
};
_Py_REGISTER_STATIC_TYPE(PyAsyncGen_Type);

/* asend/athrow objects: awaitables that run one step of the async generator. */
typedef enum {
    AWAITABLE_STATE_INIT,   /* new awaitable, has not yet been iterated */
    AWAITABLE_STATE_ITER,   /* being iterated */
    AWAITABLE_STATE_CLOSED, /* closed */
} AwaitableState;

typedef struct {
    PyObject_HEAD
    PyGenObject *ags_gen;
    PyObject *ags_sendval;   /* value to send on the first step (NULL means None) */
    AwaitableState ags_state;
} PyAsyncGenASend;

typedef struct {
    PyObject_HEAD
    PyGenObject *agt_gen;
    PyObject *agt_args;      /* athrow arguments, or NULL for aclose() */
    AwaitableState agt_state;
} PyAsyncGenAThrow;

static void
async_gen_asend_dealloc(PyObject *self)
{
    PyAsyncGenASend *o = (PyAsyncGenASend *)self;
    PyObject_GC_UnTrack(self);
    Py_CLEAR(o->ags_gen);
    Py_CLEAR(o->ags_sendval);
    PyObject_GC_Del(self);
}

static int
async_gen_asend_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyAsyncGenASend *o = (PyAsyncGenASend *)self;
    Py_VISIT(o->ags_gen);
    Py_VISIT(o->ags_sendval);
    return 0;
}

static PyObject *
async_gen_asend_send(PyObject *self, PyObject *arg)
{
    PyAsyncGenASend *o = (PyAsyncGenASend *)self;
    PyObject *result;
    if (o->ags_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (o->ags_state == AWAITABLE_STATE_INIT) {
        if (o->ags_gen->gi_running_async) {
            o->ags_state = AWAITABLE_STATE_CLOSED;
            PyErr_SetString(PyExc_RuntimeError,
                            "anext(): asynchronous generator is already running");
            return NULL;
        }
        if (arg == NULL || arg == Py_None) {
            arg = o->ags_sendval;
        }
        o->ags_state = AWAITABLE_STATE_ITER;
    }
    o->ags_gen->gi_running_async = 1;
    result = gen_send_ex(o->ags_gen, arg, 0, 0);
    result = async_gen_unwrap_value(o->ags_gen, result);
    if (result == NULL) {
        o->ags_state = AWAITABLE_STATE_CLOSED;
    }
    return result;
}

static PyObject *
async_gen_asend_iternext(PyObject *self)
{
    return async_gen_asend_send(self, NULL);
}

static PyObject *
async_gen_asend_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyAsyncGenASend *o = (PyAsyncGenASend *)self;
    if (o->ags_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (o->ags_state == AWAITABLE_STATE_INIT) {
        if (o->ags_gen->gi_running_async) {
            o->ags_state = AWAITABLE_STATE_CLOSED;
            PyErr_SetString(PyExc_RuntimeError,
                            "anext(): asynchronous generator is already running");
            return NULL;
        }
        o->ags_state = AWAITABLE_STATE_ITER;
        o->ags_gen->gi_running_async = 1;
    }
    PyObject *result = gen_throw((PyObject *)o->ags_gen, args, nargs);
    result = async_gen_unwrap_value(o->ags_gen, result);
    if (result == NULL) {
        o->ags_gen->gi_running_async = 0;
        o->ags_state = AWAITABLE_STATE_CLOSED;
    }
    return result;
}

static PyObject *
async_gen_asend_close(PyObject *self, PyObject *args)
{
    PyAsyncGenASend *o = (PyAsyncGenASend *)self;
    if (o->ags_state == AWAITABLE_STATE_CLOSED) {
        Py_RETURN_NONE;
    }
    PyObject *exc = PyExc_GeneratorExit;
    PyObject *result = async_gen_asend_throw(self, &exc, 1);
    if (result == NULL) {
        if (PyErr_ExceptionMatches(PyExc_StopIteration) ||
            PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
            PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
            PyErr_Clear();
            Py_RETURN_NONE;
        }
        return NULL;
    }
    Py_DECREF(result);
    PyErr_SetString(PyExc_RuntimeError, "coroutine ignored GeneratorExit");
    return NULL;
}

static PyObject *
async_gen_self_await(PyObject *self)
{
    return Py_NewRef(self);
}

static PyMethodDef async_gen_asend_methods[] = {
    {"send", async_gen_asend_send, METH_O, NULL},
    {"throw", _PyCFunction_CAST(async_gen_asend_throw), METH_FASTCALL, NULL},
    {"close", async_gen_asend_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods async_gen_asend_as_async = {
    .am_await = async_gen_self_await,
};

PyTypeObject _PyAsyncGenASend_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(PyAsyncGenASend),
    .tp_dealloc = async_gen_asend_dealloc,
    .tp_as_async = &async_gen_asend_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = async_gen_asend_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = async_gen_asend_iternext,
    .tp_methods = async_gen_asend_methods,
};
_Py_REGISTER_STATIC_TYPE(_PyAsyncGenASend_Type);

static PyObject *
async_gen_asend_new(PyGenObject *gen, PyObject *sendval)
{
    PyAsyncGenASend *o = PyObject_GC_New(PyAsyncGenASend, &_PyAsyncGenASend_Type);
    if (o == NULL) {
        return NULL;
    }
    o->ags_gen = (PyGenObject *)Py_NewRef(gen);
    o->ags_sendval = Py_XNewRef(sendval);
    o->ags_state = AWAITABLE_STATE_INIT;
    PyObject_GC_Track(o);
    return (PyObject *)o;
}

static void
async_gen_wrapped_val_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((_PyAsyncGenWrappedValue *)self)->agw_val);
    PyObject_GC_Del(self);
}

static int
async_gen_wrapped_val_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((_PyAsyncGenWrappedValue *)self)->agw_val);
    return 0;
}

PyTypeObject _PyAsyncGenWrappedValue_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_wrapped_value",
    .tp_basicsize = sizeof(_PyAsyncGenWrappedValue),
    .tp_dealloc = async_gen_wrapped_val_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = async_gen_wrapped_val_traverse,
};
_Py_REGISTER_STATIC_TYPE(_PyAsyncGenWrappedValue_Type);

static void
async_gen_athrow_dealloc(PyObject *self)
{
    PyAsyncGenAThrow *o = (PyAsyncGenAThrow *)self;
    PyObject_GC_UnTrack(self);
    Py_CLEAR(o->agt_gen);
    Py_CLEAR(o->agt_args);
    PyObject_GC_Del(self);
}

static int
async_gen_athrow_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyAsyncGenAThrow *o = (PyAsyncGenAThrow *)self;
    Py_VISIT(o->agt_gen);
    Py_VISIT(o->agt_args);
    return 0;
}

static PyObject *
async_gen_athrow_send(PyObject *self, PyObject *arg)
{
    PyAsyncGenAThrow *o = (PyAsyncGenAThrow *)self;
    PyGenObject *gen = o->agt_gen;
    PyObject *retval;

    if (o->agt_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (gen->gi_frame_state >= FRAME_COMPLETED) {
        o->agt_state = AWAITABLE_STATE_CLOSED;
        PyErr_SetNone(PyExc_StopIteration);
        return NULL;
    }
    if (o->agt_state == AWAITABLE_STATE_INIT) {
        if (gen->gi_running_async) {
            o->agt_state = AWAITABLE_STATE_CLOSED;
            if (o->agt_args == NULL) {
                PyErr_SetString(PyExc_RuntimeError,
                                "aclose(): asynchronous generator is already running");
            }
            else {
                PyErr_SetString(PyExc_RuntimeError,
                                "athrow(): asynchronous generator is already running");
            }
            return NULL;
        }
        if (gen->gi_closed) {
            o->agt_state = AWAITABLE_STATE_CLOSED;
            PyErr_SetNone(PyExc_StopAsyncIteration);
            return NULL;
        }
        if (arg != NULL && arg != Py_None) {
            PyErr_SetString(PyExc_RuntimeError,
                            "can't send non-None value to a just-started coroutine");
            return NULL;
        }
        o->agt_state = AWAITABLE_STATE_ITER;
        gen->gi_running_async = 1;
        if (o->agt_args == NULL) {
            /* aclose() mode */
            gen->gi_closed = 1;
            retval = _gen_throw(gen, 0, PyExc_GeneratorExit, NULL, NULL);
            if (retval != NULL && _PyAsyncGenWrappedValue_CheckExact(retval)) {
                Py_DECREF(retval);
                goto yield_close;
            }
        }
        else {
            PyObject *typ = PyTuple_GET_ITEM(o->agt_args, 0);
            PyObject *val = PyTuple_GET_SIZE(o->agt_args) > 1 ? PyTuple_GET_ITEM(o->agt_args, 1)
                                                               : NULL;
            PyObject *tb = PyTuple_GET_SIZE(o->agt_args) > 2 ? PyTuple_GET_ITEM(o->agt_args, 2)
                                                              : NULL;
            retval = _gen_throw(gen, 0, typ, val, tb);
            retval = async_gen_unwrap_value(gen, retval);
        }
        if (retval == NULL) {
            goto check_error;
        }
        return retval;
    }

    retval = gen_send_ex(gen, arg, 0, 0);
    if (o->agt_args != NULL) {
        return async_gen_unwrap_value(gen, retval);
    }
    /* aclose() mode */
    if (retval != NULL) {
        if (_PyAsyncGenWrappedValue_CheckExact(retval)) {
            Py_DECREF(retval);
            goto yield_close;
        }
        return retval;
    }
    goto check_error;

yield_close:
    gen->gi_running_async = 0;
    o->agt_state = AWAITABLE_STATE_CLOSED;
    PyErr_SetString(PyExc_RuntimeError, "async generator ignored GeneratorExit");
    return NULL;

check_error:
    gen->gi_running_async = 0;
    o->agt_state = AWAITABLE_STATE_CLOSED;
    if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
        PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        if (o->agt_args == NULL) {
            /* when aclose() is called we don't want to propagate StopAsyncIteration or
             * GeneratorExit; just raise StopIteration, signalling that this 'aclose()'
             * await call has completed. */
            PyErr_Clear();
            PyErr_SetNone(PyExc_StopIteration);
        }
    }
    return NULL;
}

static PyObject *
async_gen_athrow_throw(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyAsyncGenAThrow *o = (PyAsyncGenAThrow *)self;
    if (o->agt_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (o->agt_state == AWAITABLE_STATE_INIT) {
        o->agt_state = AWAITABLE_STATE_ITER;
        o->agt_gen->gi_running_async = 1;
    }
    PyObject *retval = gen_throw((PyObject *)o->agt_gen, args, nargs);
    if (o->agt_args != NULL) {
        retval = async_gen_unwrap_value(o->agt_gen, retval);
        if (retval == NULL) {
            o->agt_state = AWAITABLE_STATE_CLOSED;
        }
        return retval;
    }
    /* aclose() mode */
    if (retval != NULL && _PyAsyncGenWrappedValue_CheckExact(retval)) {
        o->agt_gen->gi_running_async = 0;
        o->agt_state = AWAITABLE_STATE_CLOSED;
        Py_DECREF(retval);
        PyErr_SetString(PyExc_RuntimeError, "async generator ignored GeneratorExit");
        return NULL;
    }
    if (retval == NULL) {
        o->agt_gen->gi_running_async = 0;
        o->agt_state = AWAITABLE_STATE_CLOSED;
        if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
            PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
            PyErr_Clear();
            PyErr_SetNone(PyExc_StopIteration);
        }
    }
    return retval;
}

static PyObject *
async_gen_athrow_iternext(PyObject *self)
{
    return async_gen_athrow_send(self, Py_None);
}

static PyObject *
async_gen_athrow_close(PyObject *self, PyObject *args)
{
    PyAsyncGenAThrow *o = (PyAsyncGenAThrow *)self;
    if (o->agt_state == AWAITABLE_STATE_CLOSED) {
        Py_RETURN_NONE;
    }
    PyObject *exc = PyExc_GeneratorExit;
    PyObject *result = async_gen_athrow_throw(self, &exc, 1);
    if (result == NULL) {
        if (PyErr_ExceptionMatches(PyExc_StopIteration) ||
            PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
            PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
            PyErr_Clear();
            Py_RETURN_NONE;
        }
        return NULL;
    }
    Py_DECREF(result);
    PyErr_SetString(PyExc_RuntimeError, "coroutine ignored GeneratorExit");
    return NULL;
}

static PyMethodDef async_gen_athrow_methods[] = {
    {"send", async_gen_athrow_send, METH_O, NULL},
    {"throw", _PyCFunction_CAST(async_gen_athrow_throw), METH_FASTCALL, NULL},
    {"close", async_gen_athrow_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods async_gen_athrow_as_async = {
    .am_await = async_gen_self_await,
};

PyTypeObject _PyAsyncGenAThrow_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(PyAsyncGenAThrow),
    .tp_dealloc = async_gen_athrow_dealloc,
    .tp_as_async = &async_gen_athrow_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = async_gen_athrow_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = async_gen_athrow_iternext,
    .tp_methods = async_gen_athrow_methods,
};
_Py_REGISTER_STATIC_TYPE(_PyAsyncGenAThrow_Type);

static PyObject *
async_gen_athrow_new(PyGenObject *gen, PyObject *args)
{
    PyAsyncGenAThrow *o = PyObject_GC_New(PyAsyncGenAThrow, &_PyAsyncGenAThrow_Type);
    if (o == NULL) {
        return NULL;
    }
    o->agt_gen = (PyGenObject *)Py_NewRef(gen);
    o->agt_args = Py_XNewRef(args);
    o->agt_state = AWAITABLE_STATE_INIT;
    PyObject_GC_Track(o);
    return (PyObject *)o;
}
