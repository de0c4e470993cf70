/* Frame objects: the Python-visible view of an interpreter frame (pycore_frame.h).
 *
 * A frame object is created lazily (_PyFrame_MakeAndSetFrameObject) and points at the live
 * frame (f_frame), which holds a strong reference to it.  When the frame finishes while the
 * object is still referenced (a traceback, sys._getframe), the frame's data is copied into
 * the object (_f_frame_data, owner FRAME_OWNED_BY_FRAME_OBJECT), so the object always has a
 * valid frame to describe.
 *
 * f_locals of an optimized frame is a FrameLocalsProxy (PEP 667): a mapping that reads and
 * writes the frame's fast locals and cells directly; names that are not variables of the
 * code go to a per-frame dict (f_extra_locals).  Other frames return their locals mapping.
 *
 * Free-threaded build: a frame object may describe a frame that another thread is running
 * (sys._current_frames(), f_back of such a frame, a generator's frame).  That thread changes
 * the frame as it runs, moves its data into the frame object when it finishes (f_frame then
 * points into the object for good) and reuses the memory.  So a read of a frame that does not
 * own its data and is not one the calling thread is running happens with the world stopped
 * (FRAME_READ_BEGIN/END), as the GIL makes it happen in the GIL build.  Inside, accessors only
 * take references and allocate; references they drop are released after the world restarts
 * (no Python code runs while it is stopped).  A cell's content is read with PyCell_Get: the
 * cell is shared with closures that other threads may be running when the world is not
 * stopped (and a stopped thread has released its critical sections, so the cell's lock is
 * free when it is).  Reads of the calling thread's own frames, the
 * common case (tracebacks, logging's sys._getframe()), stop nothing. */

#include "Python.h"
#include "pycore_code.h"
#include "pycore_ceval.h"
#include "pycore_frame.h"
#include "pycore_genobject.h"
#include "pycore_pystate.h"
#include "pycore_pyatomic_ft_wrappers.h"

#include <stddef.h>

static int
frame_owns_data(PyFrameObject *f)
{
    return FT_ATOMIC_LOAD_PTR_ACQUIRE(f->f_frame) == (_PyInterpreterFrame *)f->_f_frame_data;
}

/* Stop the world if reading f's frame needs it; returns what frame_read_end takes. */
static int
frame_read_begin(PyFrameObject *f)
{
#ifdef Py_GIL_DISABLED
    if (_Py_IsSingleThreaded() || frame_owns_data(f)) {
        return 0;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    _PyInterpreterFrame *frame = _Py_atomic_load_ptr_acquire(&f->f_frame);
    for (_PyInterpreterFrame *p = tstate->current_frame; p != NULL; p = p->previous) {
        if (p == frame) {
            return 0;
        }
    }
    _PyEval_StopTheWorld(tstate->interp);
    return 1;
#else
    (void)f;
    return 0;
#endif
}

static void
frame_read_end(int stopped)
{
    if (stopped) {
        _PyEval_StartTheWorld(_PyInterpreterState_GET());
    }
}

#define FRAME_READ_BEGIN(f) { int frame_stopped_ = frame_read_begin(f);
#define FRAME_READ_END() frame_read_end(frame_stopped_); }

PyFrameObject *
_PyFrame_MakeAndSetFrameObject(_PyInterpreterFrame *frame)
{
    PyCodeObject *code = _PyFrame_GetCode(frame);
    int slots = _PyFrame_NumSlotsForCodeObject(code);
    PyObject *exc = PyErr_GetRaisedException();
    PyFrameObject *f = PyObject_GC_NewVar(PyFrameObject, &PyFrame_Type, slots);
    if (f == NULL) {
        Py_XDECREF(exc);
        return NULL;
    }
    PyErr_SetRaisedException(exc);
    f->f_back = NULL;
    f->f_frame = frame;
    f->f_trace = NULL;
    f->f_lineno = 0;
    f->f_trace_lines = 1;
    f->f_trace_opcodes = 0;
    f->f_trace_last_line = -1;
    f->f_trace_last_instr = -1;
    f->f_locals_cache = NULL;
    f->f_extra_locals = NULL;
    frame->frame_obj = f;
    PyObject_GC_Track(f);
    return f;
}

/* ---- C API ------------------------------------------------------------------------------- */

int
PyFrame_GetLineNumber(PyFrameObject *f)
{
    if (f->f_lineno != 0) {
        return f->f_lineno;
    }
    int lineno;
    FRAME_READ_BEGIN(f);
    lineno = _PyFrame_GetLineNumber(f->f_frame);
    FRAME_READ_END();
    return lineno;
}

PyCodeObject *
PyFrame_GetCode(PyFrameObject *frame)
{
    PyCodeObject *code;
    FRAME_READ_BEGIN(frame);
    code = (PyCodeObject *)Py_NewRef(_PyFrame_GetCode(frame->f_frame));
    FRAME_READ_END();
    return code;
}

PyFrameObject *
PyFrame_GetBack(PyFrameObject *frame)
{
    PyFrameObject *back;
    FRAME_READ_BEGIN(frame);
    back = frame->f_back;
    if (back == NULL) {
        _PyInterpreterFrame *prev = _PyFrame_GetFirstComplete(frame->f_frame->previous);
        if (prev != NULL) {
            back = _PyFrame_GetFrameObject(prev);
        }
    }
    Py_XINCREF(back);
    FRAME_READ_END();
    return back;
}

static PyObject *
frame_locals_mapping(PyFrameObject *frame)
{
    PyObject *locals;
    FRAME_READ_BEGIN(frame);
    locals = _PyFrame_GetLocals(frame->f_frame);
    FRAME_READ_END();
    return locals;
}

PyObject *
PyFrame_GetLocals(PyFrameObject *frame)
{
    return frame_locals_mapping(frame);
}

PyObject *
PyFrame_GetGlobals(PyFrameObject *frame)
{
    PyObject *globals;
    FRAME_READ_BEGIN(frame);
    globals = Py_NewRef(frame->f_frame->f_globals);
    FRAME_READ_END();
    return globals;
}

PyObject *
PyFrame_GetBuiltins(PyFrameObject *frame)
{
    PyObject *builtins;
    FRAME_READ_BEGIN(frame);
    builtins = Py_NewRef(frame->f_frame->f_builtins);
    FRAME_READ_END();
    return builtins;
}

int
PyFrame_GetLasti(PyFrameObject *frame)
{
    int lasti;
    FRAME_READ_BEGIN(frame);
    lasti = _PyInterpreterFrame_LASTI(frame->f_frame);
    FRAME_READ_END();
    if (lasti < 0) {
        return -1;
    }
    return lasti * (int)sizeof(_Py_CODEUNIT);
}

PyObject *
PyFrame_GetGenerator(PyFrameObject *frame)
{
    PyObject *gen = NULL;
    FRAME_READ_BEGIN(frame);
    if (frame->f_frame->owner == FRAME_OWNED_BY_GENERATOR) {
        gen = Py_NewRef((PyObject *)_PyGen_GetGeneratorFromFrame(frame->f_frame));
    }
    FRAME_READ_END();
    return gen;
}

PyObject *
PyFrame_GetVar(PyFrameObject *frame, PyObject *name)
{
    PyObject *locals = frame_locals_mapping(frame);
    if (locals == NULL) {
        return NULL;
    }
    PyObject *value;
    int r = PyMapping_GetOptionalItem(locals, name, &value);
    Py_DECREF(locals);
    if (r == 0) {
        PyErr_Format(PyExc_NameError, "variable %R does not exist", name);
    }
    return value;
}

PyObject *
PyFrame_GetVarString(PyFrameObject *frame, const char *name)
{
    PyObject *name_obj = PyUnicode_FromString(name);
    if (name_obj == NULL) {
        return NULL;
    }
    PyObject *value = PyFrame_GetVar(frame, name_obj);
    Py_DECREF(name_obj);
    return value;
}

int
PyFrame_FastToLocalsWithError(PyFrameObject *f)
{
    return 0;
}

void
PyFrame_FastToLocals(PyFrameObject *f)
{
}

void
PyFrame_LocalsToFast(PyFrameObject *f, int clear)
{
}

/* ---- attributes ---------------------------------------------------------------------- */

static PyObject *framelocalsproxy_new_for(PyFrameObject *f);

static PyObject *
frame_getlocals(PyObject *self, void *closure)
{
    PyFrameObject *f = (PyFrameObject *)self;
    int proxy;
    FRAME_READ_BEGIN(f);
    proxy = f->f_frame->f_locals == NULL &&
            (_PyFrame_GetCode(f->f_frame)->co_flags & CO_OPTIMIZED);
    FRAME_READ_END();
    if (proxy) {
        return framelocalsproxy_new_for(f);
    }
    return frame_locals_mapping(f);
}

static PyObject *
frame_getlineno(PyObject *self, void *closure)
{
    int lineno = PyFrame_GetLineNumber((PyFrameObject *)self);
    if (lineno < 0) {
        Py_RETURN_NONE;
    }
    return PyLong_FromLong(lineno);
}

static int
frame_setlineno(PyObject *self, PyObject *value, void *closure)
{
    PyErr_SetString(PyExc_ValueError, "f_lineno can only be set by a trace function");
    return -1;
}

static PyObject *
frame_getlasti(PyObject *self, void *closure)
{
    return PyLong_FromLong(PyFrame_GetLasti((PyFrameObject *)self));
}

static PyObject *
frame_getglobals(PyObject *self, void *closure)
{
    return PyFrame_GetGlobals((PyFrameObject *)self);
}

static PyObject *
frame_getbuiltins(PyObject *self, void *closure)
{
    return PyFrame_GetBuiltins((PyFrameObject *)self);
}

static PyObject *
frame_getcode(PyObject *self, void *closure)
{
    return (PyObject *)PyFrame_GetCode((PyFrameObject *)self);
}

static PyObject *
frame_getback(PyObject *self, void *closure)
{
    PyObject *res = (PyObject *)PyFrame_GetBack((PyFrameObject *)self);
    if (res == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    return res;
}

static PyObject *
frame_gettrace(PyObject *self, void *closure)
{
    PyObject *trace = ((PyFrameObject *)self)->f_trace;
    return Py_NewRef(trace == NULL ? Py_None : trace);
}

static int
frame_settrace(PyObject *self, PyObject *v, void *closure)
{
    if (v == Py_None) {
        v = NULL;
    }
    Py_XSETREF(((PyFrameObject *)self)->f_trace, Py_XNewRef(v));
    return 0;
}

static PyObject *
frame_get_trace_lines(PyObject *self, void *closure)
{
    return Py_NewRef(((PyFrameObject *)self)->f_trace_lines ? Py_True : Py_False);
}

static int
frame_set_trace_lines(PyObject *self, PyObject *v, void *closure)
{
    if (v == NULL || !PyBool_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
        return -1;
    }
    ((PyFrameObject *)self)->f_trace_lines = (v == Py_True);
    return 0;
}

static PyObject *
frame_get_trace_opcodes(PyObject *self, void *closure)
{
    return Py_NewRef(((PyFrameObject *)self)->f_trace_opcodes ? Py_True : Py_False);
}

static int
frame_set_trace_opcodes(PyObject *self, PyObject *v, void *closure)
{
    if (v == NULL || !PyBool_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
        return -1;
    }
    ((PyFrameObject *)self)->f_trace_opcodes = (v == Py_True);
    return 0;
}

static PyGetSetDef frame_getsetlist[] = {
    {"f_back", frame_getback, NULL, NULL, NULL},
    {"f_locals", frame_getlocals, NULL, NULL, NULL},
    {"f_lineno", frame_getlineno, frame_setlineno, NULL, NULL},
    {"f_trace", frame_gettrace, frame_settrace, NULL, NULL},
    {"f_lasti", frame_getlasti, NULL, NULL, NULL},
    {"f_globals", frame_getglobals, NULL, NULL, NULL},
    {"f_builtins", frame_getbuiltins, NULL, NULL, NULL},
    {"f_code", frame_getcode, NULL, NULL, NULL},
    {"f_trace_lines", frame_get_trace_lines, frame_set_trace_lines, NULL, NULL},
    {"f_trace_opcodes", frame_get_trace_opcodes, frame_set_trace_opcodes, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- methods ---------------------------------------------------------------------------- */

static PyObject *
frame_clear(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyFrameObject *f = (PyFrameObject *)self;
    PyObject *gen = PyFrame_GetGenerator(f);
    int thread_owned = 0;
    if (gen == NULL) {
        FRAME_READ_BEGIN(f);
        thread_owned = f->f_frame->owner == FRAME_OWNED_BY_THREAD;
        FRAME_READ_END();
    }
    if (gen != NULL) {
        int state = FT_ATOMIC_LOAD_INT8_RELAXED(((PyGenObject *)gen)->gi_frame_state);
        if (state == FRAME_EXECUTING) {
            Py_DECREF(gen);
            goto running;
        }
        if (state == FRAME_SUSPENDED) {
            Py_DECREF(gen);
            PyErr_SetString(PyExc_RuntimeError, "cannot clear a suspended frame");
            return NULL;
        }
        PyObject *res = PyObject_CallMethod(gen, "close", NULL);
        Py_DECREF(gen);
        if (res == NULL) {
            return NULL;
        }
        Py_DECREF(res);
    }
    else if (thread_owned) {
        goto running;
    }
    else {
        /* The frame finished, and its data is ours for good. */
        _PyInterpreterFrame *frame = f->f_frame;
        /* Our own copy: drop the locals. */
        for (int i = 0; i < frame->stacktop; i++) {
            Py_CLEAR(frame->localsplus[i]);
        }
        frame->stacktop = 0;
        Py_CLEAR(frame->f_locals);
    }
    Py_CLEAR(f->f_trace);
    Py_CLEAR(f->f_locals_cache);
    Py_CLEAR(f->f_extra_locals);
    Py_RETURN_NONE;
running:
    PyErr_SetString(PyExc_RuntimeError, "cannot clear an executing frame");
    return NULL;
}

static PyObject *
frame_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyCodeObject *code = PyFrame_GetCode((PyFrameObject *)self);
    Py_ssize_t res = offsetof(PyFrameObject, _f_frame_data) +
                     (Py_ssize_t)_PyFrame_NumSlotsForCodeObject(code) * sizeof(PyObject *);
    Py_DECREF(code);
    return PyLong_FromSsize_t(res);
}

static PyMethodDef frame_methods[] = {
    {"clear", frame_clear, METH_NOARGS, "F.clear(): clear all references held by the frame"},
    {"__sizeof__", frame_sizeof, METH_NOARGS, "F.__sizeof__() -> size of F in memory, in bytes"},
    {NULL, NULL, 0, NULL},
};

/* ---- the type ------------------------------------------------------------------------- */

static void
frame_dealloc(PyObject *self)
{
    PyFrameObject *f = (PyFrameObject *)self;
    PyObject_GC_UnTrack(f);
    /* f_back chains of finished frames can be as deep as a recursion: use the trashcan. */
    Py_TRASHCAN_BEGIN(f, frame_dealloc)
    if (frame_owns_data(f)) {
        _PyInterpreterFrame *frame = f->f_frame;
        frame->frame_obj = NULL;   /* borrowed back-pointer: do not release */
        _PyFrame_Clear(frame);
    }
    Py_CLEAR(f->f_back);
    Py_CLEAR(f->f_trace);
    Py_CLEAR(f->f_locals_cache);
    Py_CLEAR(f->f_extra_locals);
    PyObject_GC_Del(f);
    Py_TRASHCAN_END
}

static int
frame_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyFrameObject *f = (PyFrameObject *)self;
    Py_VISIT(f->f_back);
    Py_VISIT(f->f_trace);
    Py_VISIT(f->f_locals_cache);
    Py_VISIT(f->f_extra_locals);
    if (frame_owns_data(f)) {
        _PyInterpreterFrame *frame = f->f_frame;
        Py_VISIT(frame->f_locals);
        Py_VISIT(frame->f_funcobj);
        Py_VISIT(frame->f_executable);
        for (int i = 0; i < frame->stacktop; i++) {
            Py_VISIT(frame->localsplus[i]);
        }
    }
    return 0;
}

static int
frame_tp_clear(PyObject *self)
{
    PyFrameObject *f = (PyFrameObject *)self;
    Py_CLEAR(f->f_trace);
    Py_CLEAR(f->f_locals_cache);
    Py_CLEAR(f->f_extra_locals);
    if (frame_owns_data(f)) {
        _PyInterpreterFrame *frame = f->f_frame;
        for (int i = 0; i < frame->stacktop; i++) {
            Py_CLEAR(frame->localsplus[i]);
        }
        frame->stacktop = 0;
        Py_CLEAR(frame->f_locals);
    }
    return 0;
}

static PyObject *
frame_repr(PyObject *self)
{
    PyFrameObject *f = (PyFrameObject *)self;
    PyCodeObject *code = PyFrame_GetCode(f);
    int lineno = PyFrame_GetLineNumber(f);
    PyObject *res = PyUnicode_FromFormat("<frame at %p, file %R, line %d, code %S>", f,
                                         code->co_filename, lineno, code->co_name);
    Py_DECREF(code);
    return res;
}

PyTypeObject PyFrame_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "frame",
    .tp_basicsize = offsetof(PyFrameObject, _f_frame_data),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = frame_dealloc,
    .tp_repr = frame_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = frame_traverse,
    .tp_clear = frame_tp_clear,
    .tp_methods = frame_methods,
    .tp_getset = frame_getsetlist,
};
_Py_REGISTER_STATIC_TYPE(PyFrame_Type);

/* ---- FrameLocalsProxy (PEP 667) ------------------------------------------------------------
 * Reads and writes go straight to the frame's slots, so they are as thread-safe as the
 * frame itself (a frame is only touched by the thread running it, or after it stopped). */

typedef struct {
    PyObject_HEAD
    PyFrameObject *frame;   /* strong */
} PyFrameLocalsProxyObject;

static PyObject *
framelocalsproxy_new_for(PyFrameObject *f)
{
    PyFrameLocalsProxyObject *proxy = PyObject_GC_New(PyFrameLocalsProxyObject,
                                                      &PyFrameLocalsProxy_Type);
    if (proxy == NULL) {
        return NULL;
    }
    proxy->frame = (PyFrameObject *)Py_NewRef(f);
    PyObject_GC_Track(proxy);
    return (PyObject *)proxy;
}

/* The frame slot named key, or -1 when key is not a visible variable of the code. */
static int
proxy_slot_index(_PyInterpreterFrame *frame, PyObject *key)
{
    if (!PyUnicode_Check(key)) {
        return -1;
    }
    PyCodeObject *co = _PyFrame_GetCode(frame);
    const unsigned char *kinds = (const unsigned char *)PyBytes_AS_STRING(co->co_localspluskinds);
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        if (kinds[i] & CO_FAST_HIDDEN) {
            continue;
        }
        PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
        if (name == key || PyUnicode_Compare(name, key) == 0) {
            return i;
        }
    }
    if (PyErr_Occurred()) {
        PyErr_Clear();
    }
    return -1;
}

/* Is slot i a cell object (rather than a value stored before MAKE_CELL ran)? */
static int
proxy_slot_is_cell(_PyInterpreterFrame *frame, int i)
{
    PyCodeObject *co = _PyFrame_GetCode(frame);
    unsigned char kind = (unsigned char)PyBytes_AS_STRING(co->co_localspluskinds)[i];
    PyObject *value = frame->localsplus[i];
    if (value == NULL || !PyCell_Check(value)) {
        return 0;
    }
    return (kind & CO_FAST_FREE) || ((kind & CO_FAST_CELL) && !_PyFrame_IsIncomplete(frame));
}

/* New reference to the value of slot i, NULL when unbound.  A cell's content is read under
 * the cell's lock (PyCell_Get): a thread running a closure over it may replace it meanwhile,
 * which releases the old content at once. */
static PyObject *
proxy_slot_value_ref(_PyInterpreterFrame *frame, int i)
{
    PyObject *value = frame->localsplus[i];
    if (proxy_slot_is_cell(frame, i)) {
        return PyCell_Get(value);
    }
    return Py_XNewRef(value);
}

static PyObject *
framelocalsproxy_getitem(PyObject *self, PyObject *key)
{
    PyFrameObject *f = ((PyFrameLocalsProxyObject *)self)->frame;
    int i;
    PyObject *value = NULL;
    FRAME_READ_BEGIN(f);
    i = proxy_slot_index(f->f_frame, key);
    if (i >= 0) {
        value = proxy_slot_value_ref(f->f_frame, i);
    }
    FRAME_READ_END();
    if (value != NULL) {
        return value;
    }
    if (i < 0 && f->f_extra_locals != NULL) {
        PyObject *value;
        int r = PyDict_GetItemRef(f->f_extra_locals, key, &value);
        if (r != 0) {
            return value;
        }
    }
    PyErr_Format(PyExc_KeyError, "local variable '%R' is not defined", key);
    return NULL;
}

static int
framelocalsproxy_setitem(PyObject *self, PyObject *key, PyObject *value)
{
    PyFrameObject *f = ((PyFrameLocalsProxyObject *)self)->frame;
    int i;
    PyObject *cell = NULL, *old = NULL;
    FRAME_READ_BEGIN(f);
    _PyInterpreterFrame *frame = f->f_frame;
    i = proxy_slot_index(frame, key);
    if (i >= 0 && value != NULL) {
        if (proxy_slot_is_cell(frame, i)) {
            cell = Py_NewRef(frame->localsplus[i]);
        }
        else {
            old = frame->localsplus[i];
            frame->localsplus[i] = Py_NewRef(value);
        }
    }
    FRAME_READ_END();
    if (i >= 0) {
        if (value == NULL) {
            PyErr_SetString(PyExc_TypeError, "cannot remove variables from FrameLocalsProxy");
            return -1;
        }
        Py_XDECREF(old);    /* may run a finalizer: not while the world is stopped */
        if (cell != NULL) {
            int r = PyCell_Set(cell, value);
            Py_DECREF(cell);
            return r;
        }
        return 0;
    }
    if (value == NULL) {
        if (f->f_extra_locals == NULL) {
            PyErr_SetObject(PyExc_KeyError, key);
            return -1;
        }
        return PyDict_DelItem(f->f_extra_locals, key);
    }
    if (f->f_extra_locals == NULL) {
        f->f_extra_locals = PyDict_New();
        if (f->f_extra_locals == NULL) {
            return -1;
        }
    }
    return PyDict_SetItem(f->f_extra_locals, key, value);
}

/* A snapshot dict of the proxy's contents.  New reference. */
static PyObject *
framelocalsproxy_to_dict(PyObject *self)
{
    return frame_locals_mapping(((PyFrameLocalsProxyObject *)self)->frame);
}

static Py_ssize_t
framelocalsproxy_length(PyObject *self)
{
    PyObject *d = framelocalsproxy_to_dict(self);
    if (d == NULL) {
        return -1;
    }
    Py_ssize_t n = PyDict_GET_SIZE(d);
    Py_DECREF(d);
    return n;
}

static int
framelocalsproxy_contains(PyObject *self, PyObject *key)
{
    PyObject *value = framelocalsproxy_getitem(self, key);
    if (value != NULL) {
        Py_DECREF(value);
        return 1;
    }
    if (PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyErr_Clear();
        return 0;
    }
    return -1;
}

static PyObject *
framelocalsproxy_iter(PyObject *self)
{
    PyObject *d = framelocalsproxy_to_dict(self);
    if (d == NULL) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(d);
    Py_DECREF(d);
    return it;
}

/* Forward a read-only dict method to a snapshot. */
static PyObject *
framelocalsproxy_snapshot_call(PyObject *self, const char *method)
{
    PyObject *d = framelocalsproxy_to_dict(self);
    if (d == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_CallMethod(d, method, NULL);
    Py_DECREF(d);
    return res;
}

static PyObject *
framelocalsproxy_keys(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return framelocalsproxy_snapshot_call(self, "keys");
}

static PyObject *
framelocalsproxy_values(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return framelocalsproxy_snapshot_call(self, "values");
}

static PyObject *
framelocalsproxy_items(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return framelocalsproxy_snapshot_call(self, "items");
}

static PyObject *
framelocalsproxy_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return framelocalsproxy_to_dict(self);
}

static PyObject *
framelocalsproxy_get(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        PyErr_Format(PyExc_TypeError, "get expected 1 or 2 arguments, got %zd", nargs);
        return NULL;
    }
    PyObject *value = framelocalsproxy_getitem(self, args[0]);
    if (value == NULL && PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyErr_Clear();
        return Py_NewRef(nargs == 2 ? args[1] : Py_None);
    }
    return value;
}

static PyObject *
framelocalsproxy_setdefault(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        PyErr_Format(PyExc_TypeError, "setdefault expected 1 or 2 arguments, got %zd", nargs);
        return NULL;
    }
    PyObject *value = framelocalsproxy_getitem(self, args[0]);
    if (value == NULL && PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyErr_Clear();
        PyObject *def = nargs == 2 ? args[1] : Py_None;
        if (framelocalsproxy_setitem(self, args[0], def) < 0) {
            return NULL;
        }
        return Py_NewRef(def);
    }
    return value;
}

static PyObject *
framelocalsproxy_update(PyObject *self, PyObject *other)
{
    PyObject *items = PyMapping_Items(other);
    if (items == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        PyObject *pair = PyList_GET_ITEM(items, i);
        if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2 ||
            framelocalsproxy_setitem(self, PyTuple_GET_ITEM(pair, 0),
                                     PyTuple_GET_ITEM(pair, 1)) < 0) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_TypeError, "items must be (key, value) pairs");
            }
            Py_DECREF(items);
            return NULL;
        }
    }
    Py_DECREF(items);
    Py_RETURN_NONE;
}

static PyObject *
framelocalsproxy_richcompare(PyObject *self, PyObject *other, int op)
{
    if (op != Py_EQ && op != Py_NE) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *d = framelocalsproxy_to_dict(self);
    if (d == NULL) {
        return NULL;
    }
    PyObject *o = Py_NewRef(other);
    if (Py_IS_TYPE(other, &PyFrameLocalsProxy_Type)) {
        Py_SETREF(o, framelocalsproxy_to_dict(other));
        if (o == NULL) {
            Py_DECREF(d);
            return NULL;
        }
    }
    PyObject *res = PyObject_RichCompare(d, o, op);
    Py_DECREF(d);
    Py_DECREF(o);
    return res;
}

static PyObject *
framelocalsproxy_repr(PyObject *self)
{
    int r = Py_ReprEnter(self);
    if (r != 0) {
        return r > 0 ? PyUnicode_FromString("{...}") : NULL;
    }
    PyObject *d = framelocalsproxy_to_dict(self);
    PyObject *res = d == NULL ? NULL : PyObject_Repr(d);
    Py_XDECREF(d);
    Py_ReprLeave(self);
    return res;
}

static void
framelocalsproxy_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((PyFrameLocalsProxyObject *)self)->frame);
    PyObject_GC_Del(self);
}

static int
framelocalsproxy_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((PyFrameLocalsProxyObject *)self)->frame);
    return 0;
}

static PyMethodDef framelocalsproxy_methods[] = {
    {"keys", framelocalsproxy_keys, METH_NOARGS, NULL},
    {"values", framelocalsproxy_values, METH_NOARGS, NULL},
    {"items", framelocalsproxy_items, METH_NOARGS, NULL},
    {"copy", framelocalsproxy_copy, METH_NOARGS, NULL},
    {"get", _PyCFunction_CAST(framelocalsproxy_get), METH_FASTCALL, NULL},
    {"setdefault", _PyCFunction_CAST(framelocalsproxy_setdefault), METH_FASTCALL, NULL},
    {"update", framelocalsproxy_update, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMappingMethods framelocalsproxy_as_mapping = {
    .mp_length = framelocalsproxy_length,
    .mp_subscript = framelocalsproxy_getitem,
    .mp_ass_subscript = framelocalsproxy_setitem,
};

static PySequenceMethods framelocalsproxy_as_sequence = {
    .sq_contains = framelocalsproxy_contains,
};

PyTypeObject PyFrameLocalsProxy_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "FrameLocalsProxy",
    .tp_basicsize = sizeof(PyFrameLocalsProxyObject),
    .tp_dealloc = framelocalsproxy_dealloc,
    .tp_repr = framelocalsproxy_repr,
    .tp_as_sequence = &framelocalsproxy_as_sequence,
    .tp_as_mapping = &framelocalsproxy_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MAPPING,
    .tp_traverse = framelocalsproxy_traverse,
    .tp_richcompare = framelocalsproxy_richcompare,
    .tp_iter = framelocalsproxy_iter,
    .tp_methods = framelocalsproxy_methods,
};
_Py_REGISTER_STATIC_TYPE(PyFrameLocalsProxy_Type);
