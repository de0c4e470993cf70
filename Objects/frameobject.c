/* Frame objects: the Python-visible view of an interpreter frame (pycore_frame.h).
 *
 * A frame object is created lazily (_PyFrame_MakeAndSetFrameObject) and points at the live
 * frame (f_frame), which holds a strong reference to it.  When the frame finishes while the
 * object is still referenced (a traceback, sys._getframe), the frame's data is copied into
 * the object (_f_frame_data, owner FRAME_OWNED_BY_FRAME_OBJECT), so the object always has a
 * valid frame to describe.
 *
 * f_locals returns a snapshot dict for optimized frames; CPython 3.13 returns a
 * write-through proxy (PEP 667), which Braid does not implement yet. */

#include "Python.h"
#include "pycore_code.h"
#include "pycore_frame.h"
#include "pycore_genobject.h"
#include "pycore_pystate.h"

#include <stddef.h>

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
    f->f_locals_cache = NULL;
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
    return _PyFrame_GetLineNumber(f->f_frame);
}

PyCodeObject *
PyFrame_GetCode(PyFrameObject *frame)
{
    return (PyCodeObject *)Py_NewRef(_PyFrame_GetCode(frame->f_frame));
}

PyFrameObject *
PyFrame_GetBack(PyFrameObject *frame)
{
    PyFrameObject *back = frame->f_back;
    if (back == NULL) {
        _PyInterpreterFrame *prev = _PyFrame_GetFirstComplete(frame->f_frame->previous);
        if (prev != NULL) {
            back = _PyFrame_GetFrameObject(prev);
        }
    }
    return (PyFrameObject *)Py_XNewRef(back);
}

PyObject *
PyFrame_GetLocals(PyFrameObject *frame)
{
    return _PyFrame_GetLocals(frame->f_frame);
}

PyObject *
PyFrame_GetGlobals(PyFrameObject *frame)
{
    return Py_NewRef(frame->f_frame->f_globals);
}

PyObject *
PyFrame_GetBuiltins(PyFrameObject *frame)
{
    return Py_NewRef(frame->f_frame->f_builtins);
}

int
PyFrame_GetLasti(PyFrameObject *frame)
{
    int lasti = _PyInterpreterFrame_LASTI(frame->f_frame);
    if (lasti < 0) {
        return -1;
    }
    return lasti * (int)sizeof(_Py_CODEUNIT);
}

PyObject *
PyFrame_GetGenerator(PyFrameObject *frame)
{
    if (frame->f_frame->owner != FRAME_OWNED_BY_GENERATOR) {
        return NULL;
    }
    return Py_NewRef((PyObject *)_PyGen_GetGeneratorFromFrame(frame->f_frame));
}

PyObject *
PyFrame_GetVar(PyFrameObject *frame, PyObject *name)
{
    PyObject *locals = _PyFrame_GetLocals(frame->f_frame);
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

static PyObject *
frame_getlocals(PyObject *self, void *closure)
{
    PyFrameObject *f = (PyFrameObject *)self;
    PyObject *locals = _PyFrame_GetLocals(f->f_frame);
    if (locals == NULL) {
        return NULL;
    }
    if (f->f_frame->f_locals == NULL) {
        /* Keep the snapshot alive with the frame, as the proxy would be. */
        Py_XSETREF(f->f_locals_cache, Py_NewRef(locals));
    }
    return locals;
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
    _PyInterpreterFrame *frame = f->f_frame;
    if (frame->owner == FRAME_OWNED_BY_GENERATOR) {
        PyGenObject *gen = _PyGen_GetGeneratorFromFrame(frame);
        if (gen->gi_frame_state == FRAME_EXECUTING) {
            goto running;
        }
        if (gen->gi_frame_state == FRAME_SUSPENDED) {
            PyErr_SetString(PyExc_RuntimeError, "cannot clear a suspended frame");
            return NULL;
        }
        PyObject *res = PyObject_CallMethod((PyObject *)gen, "close", NULL);
        if (res == NULL) {
            return NULL;
        }
        Py_DECREF(res);
    }
    else if (frame->owner == FRAME_OWNED_BY_THREAD) {
        goto running;
    }
    else {
        /* Our own copy: drop the locals. */
        for (int i = 0; i < frame->stacktop; i++) {
            Py_CLEAR(frame->localsplus[i]);
        }
        frame->stacktop = 0;
        Py_CLEAR(frame->f_locals);
    }
    Py_CLEAR(f->f_trace);
    Py_CLEAR(f->f_locals_cache);
    Py_RETURN_NONE;
running:
    PyErr_SetString(PyExc_RuntimeError, "cannot clear an executing frame");
    return NULL;
}

static PyObject *
frame_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyFrameObject *f = (PyFrameObject *)self;
    Py_ssize_t res = offsetof(PyFrameObject, _f_frame_data) +
                     (Py_ssize_t)_PyFrame_NumSlotsForCodeObject(_PyFrame_GetCode(f->f_frame)) *
                         sizeof(PyObject *);
    return PyLong_FromSsize_t(res);
}

static PyMethodDef frame_methods[] = {
    {"clear", frame_clear, METH_NOARGS, "F.clear(): clear all references held by the frame"},
    {"__sizeof__", frame_sizeof, METH_NOARGS, "F.__sizeof__() -> size of F in memory, in bytes"},
    {NULL, NULL, 0, NULL},
};

/* ---- the type ------------------------------------------------------------------------- */

static int
frame_owns_data(PyFrameObject *f)
{
    return f->f_frame == (_PyInterpreterFrame *)f->_f_frame_data;
}

static void
frame_dealloc(PyObject *self)
{
    PyFrameObject *f = (PyFrameObject *)self;
    PyObject_GC_UnTrack(f);
    if (frame_owns_data(f)) {
        _PyInterpreterFrame *frame = f->f_frame;
        frame->frame_obj = NULL;   /* borrowed back-pointer: do not release */
        _PyFrame_Clear(frame);
    }
    Py_CLEAR(f->f_back);
    Py_CLEAR(f->f_trace);
    Py_CLEAR(f->f_locals_cache);
    PyObject_GC_Del(f);
}

static int
frame_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyFrameObject *f = (PyFrameObject *)self;
    Py_VISIT(f->f_back);
    Py_VISIT(f->f_trace);
    Py_VISIT(f->f_locals_cache);
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
    PyCodeObject *code = _PyFrame_GetCode(f->f_frame);
    int lineno = PyFrame_GetLineNumber(f);
    return PyUnicode_FromFormat("<frame at %p, file %R, line %d, code %S>", f, code->co_filename,
                                lineno, code->co_name);
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
