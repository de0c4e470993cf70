/* The builtin exception hierarchy of Python 3.13.
 *
 * Every exception type is a static type _PyExc_<Name> published as PyExc_<Name>.  Instances
 * share the PyBaseExceptionObject header (Include/pyerrors.h); a few classes add fields
 * (SyntaxError, ImportError, OSError, UnicodeError, StopIteration, SystemExit, NameError,
 * AttributeError, BaseExceptionGroup).
 *
 * Thread safety (free-threaded build): BaseException's args, __traceback__, __context__ and
 * __cause__ are read and replaced under the exception's critical section (exc_field_get,
 * exc_field_set), and a replaced value is released after the section: a thread reading
 * repr(e) or e.args while another assigns e.args never sees the old tuple freed under it.
 * The fields subclasses add are member descriptors (Python/structmember.c); their __init__
 * replaces them the same way (EXC_SETREF), and their __str__, __reduce__ and __getstate__ take
 * new references to the fields they use under the section first, and work from those:
 * formatting may run Python code, which can suspend the section, and a borrowed field could
 * then be replaced and freed under them.
 * The type objects are immutable after start-up; the errno -> OSError subclass table is a
 * constant array. */
#include "Python.h"
#include "pycore_exceptions.h"
#include "pycore_tuple.h"
#include "pycore_critical_section.h"
#include "pycore_gc.h"
#include "pycore_pyatomic_ft_wrappers.h"

#define EXC(op) ((PyBaseExceptionObject *)(op))

/* New reference to *field of exception self (NULL if empty). */
static PyObject *
exc_field_get(PyObject *self, PyObject **field)
{
    PyObject *value;
    Py_BEGIN_CRITICAL_SECTION(self);
    value = Py_XNewRef(*field);
    Py_END_CRITICAL_SECTION();
    return value;
}

/* Store value (a reference this steals, or NULL) in *field of exception self; the old value
 * is released after the section.  The fields subclasses expose as member descriptors are
 * read lock-free (Python/structmember.c): the old value is marked maybe-shared first, as a
 * member setter does, so that such a reader never touches freed memory. */
static void
exc_field_set(PyObject *self, PyObject **field, PyObject *value)
{
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(self);
    old = *field;
    FT_ATOMIC_STORE_PTR_RELEASE(*field, value);
    Py_END_CRITICAL_SECTION();
    if (old != NULL) {
        _PyObject_SetMaybeShared(old, 1);
        Py_DECREF(old);
    }
}

/* self->field = value (a reference this steals), for the fields subclasses' __init__ set. */
#define EXC_SETREF(self, field, value) \
    exc_field_set((PyObject *)(self), (PyObject **)&(self)->field, (value))

/* ---- BaseException ------------------------------------------------------------------------- */

static PyObject *
BaseException_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyBaseExceptionObject *self = (PyBaseExceptionObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->dict = NULL;
    self->notes = NULL;
    self->traceback = self->cause = self->context = NULL;
    self->suppress_context = 0;
    if (args != NULL) {
        self->args = Py_NewRef(args);
    }
    else {
        self->args = PyTuple_New(0);
        if (self->args == NULL) {
            Py_DECREF(self);
            return NULL;
        }
    }
    return (PyObject *)self;
}

static int
no_keywords(PyObject *self, PyObject *kwds)
{
    if (kwds != NULL && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_Format(PyExc_TypeError, "%s() takes no keyword arguments",
                     Py_TYPE(self)->tp_name);
        return 0;
    }
    return 1;
}

static int
BaseException_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (!no_keywords(self, kwds)) {
        return -1;
    }
    exc_field_set(self, &EXC(self)->args, Py_NewRef(args));
    return 0;
}

static PyObject *
BaseException_vectorcall(PyObject *type_obj, PyObject *const *args, size_t nargsf,
                         PyObject *kwnames)
{
    PyTypeObject *type = (PyTypeObject *)type_obj;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_Format(PyExc_TypeError, "%s() takes no keyword arguments", type->tp_name);
        return NULL;
    }
    PyObject *tuple = _PyTuple_FromArray(args, PyVectorcall_NARGS(nargsf));
    if (tuple == NULL) {
        return NULL;
    }
    PyObject *self = BaseException_new(type, tuple, NULL);
    Py_DECREF(tuple);
    return self;
}

static int
BaseException_clear(PyObject *op)
{
    PyBaseExceptionObject *self = EXC(op);
    Py_CLEAR(self->dict);
    Py_CLEAR(self->args);
    Py_CLEAR(self->notes);
    Py_CLEAR(self->traceback);
    Py_CLEAR(self->cause);
    Py_CLEAR(self->context);
    return 0;
}

static void
BaseException_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_TRASHCAN_BEGIN(op, BaseException_dealloc)
    BaseException_clear(op);
    Py_TYPE(op)->tp_free(op);
    Py_TRASHCAN_END
}

static int
BaseException_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyBaseExceptionObject *self = EXC(op);
    Py_VISIT(self->dict);
    Py_VISIT(self->args);
    Py_VISIT(self->notes);
    Py_VISIT(self->traceback);
    Py_VISIT(self->cause);
    Py_VISIT(self->context);
    return 0;
}

static PyObject *
BaseException_str(PyObject *op)
{
    PyObject *args = exc_field_get(op, &EXC(op)->args);
    PyObject *res;
    if (args == NULL || PyTuple_GET_SIZE(args) == 0) {
        res = PyUnicode_FromString("");
    }
    else if (PyTuple_GET_SIZE(args) == 1) {
        res = PyObject_Str(PyTuple_GET_ITEM(args, 0));
    }
    else {
        res = PyObject_Str(args);
    }
    Py_XDECREF(args);
    return res;
}

/* The type's name without its module: "ValueError", "MyError". */
static const char *
exc_type_name(PyObject *self)
{
    const char *name = Py_TYPE(self)->tp_name;
    const char *dot = strrchr(name, '.');
    return dot != NULL ? dot + 1 : name;
}

static PyObject *
BaseException_repr(PyObject *op)
{
    const char *name = exc_type_name(op);
    PyObject *args = exc_field_get(op, &EXC(op)->args);
    if (args == NULL) {
        return PyUnicode_FromFormat("%s()", name);
    }
    PyObject *res;
    if (PyTuple_GET_SIZE(args) == 1) {
        res = PyUnicode_FromFormat("%s(%R)", name, PyTuple_GET_ITEM(args, 0));
    }
    else {
        res = PyUnicode_FromFormat("%s%R", name, args);
    }
    Py_DECREF(args);
    return res;
}

static PyObject *
BaseException_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyBaseExceptionObject *self = EXC(op);
    PyObject *args = exc_field_get(op, &self->args);
    PyObject *res;
    if (args != NULL && self->dict != NULL) {
        res = PyTuple_Pack(3, Py_TYPE(self), args, self->dict);
    }
    else {
        res = PyTuple_Pack(2, Py_TYPE(self), args != NULL ? args : Py_None);
    }
    Py_XDECREF(args);
    return res;
}

static PyObject *
BaseException_setstate(PyObject *self, PyObject *state)
{
    if (state != Py_None) {
        if (!PyDict_Check(state)) {
            PyErr_SetString(PyExc_TypeError, "state is not a dictionary");
            return NULL;
        }
        Py_ssize_t i = 0;
        PyObject *d_key, *d_value;
        Py_INCREF(state);
        while (PyDict_Next(state, &i, &d_key, &d_value)) {
            Py_INCREF(d_key);
            Py_INCREF(d_value);
            int res = PyObject_SetAttr(self, d_key, d_value);
            Py_DECREF(d_value);
            Py_DECREF(d_key);
            if (res < 0) {
                Py_DECREF(state);
                return NULL;
            }
        }
        Py_DECREF(state);
    }
    Py_RETURN_NONE;
}

static int
set_traceback(PyBaseExceptionObject *self, PyObject *tb)
{
    if (tb == NULL) {
        PyErr_SetString(PyExc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (tb == Py_None) {
        tb = NULL;
    }
    else if (!PyTraceBack_Check(tb)) {
        PyErr_SetString(PyExc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    exc_field_set((PyObject *)self, &self->traceback, Py_XNewRef(tb));
    return 0;
}

static PyObject *
BaseException_with_traceback(PyObject *self, PyObject *tb)
{
    if (set_traceback(EXC(self), tb) < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

int
_PyException_AddNote(PyObject *exc, PyObject *note)
{
    if (!PyExceptionInstance_Check(exc)) {
        PyErr_Format(PyExc_TypeError, "exc must be an exception, not '%s'",
                     Py_TYPE(exc)->tp_name);
        return -1;
    }
    if (!PyUnicode_Check(note)) {
        PyErr_Format(PyExc_TypeError, "note must be a str, not '%s'", Py_TYPE(note)->tp_name);
        return -1;
    }
    PyObject *notes;
    if (PyObject_GetOptionalAttr(exc, _Py_ID(__notes__), &notes) < 0) {
        return -1;
    }
    if (notes == NULL) {
        notes = PyList_New(0);
        if (notes == NULL) {
            return -1;
        }
        if (PyObject_SetAttr(exc, _Py_ID(__notes__), notes) < 0) {
            Py_DECREF(notes);
            return -1;
        }
    }
    else if (!PyList_Check(notes)) {
        Py_DECREF(notes);
        PyErr_SetString(PyExc_TypeError, "Cannot add note: __notes__ is not a list");
        return -1;
    }
    int rc = PyList_Append(notes, note);
    Py_DECREF(notes);
    return rc;
}

static PyObject *
BaseException_add_note(PyObject *self, PyObject *note)
{
    if (_PyException_AddNote(self, note) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef BaseException_methods[] = {
    {"__reduce__", BaseException_reduce, METH_NOARGS, NULL},
    {"__setstate__", BaseException_setstate, METH_O, NULL},
    {"with_traceback", BaseException_with_traceback, METH_O,
     "Set self.__traceback__ to tb and return self."},
    {"add_note", BaseException_add_note, METH_O,
     "Add a note to the exception"},
    {NULL, NULL, 0, NULL},
};

static PyObject *
BaseException_get_args(PyObject *self, void *Py_UNUSED(ignored))
{
    PyObject *args = exc_field_get(self, &EXC(self)->args);
    if (args == NULL) {
        Py_RETURN_NONE;
    }
    return args;
}

static int
BaseException_set_args(PyObject *self, PyObject *val, void *Py_UNUSED(ignored))
{
    if (val == NULL) {
        PyErr_SetString(PyExc_TypeError, "args may not be deleted");
        return -1;
    }
    PyObject *seq = PySequence_Tuple(val);
    if (seq == NULL) {
        return -1;
    }
    exc_field_set(self, &EXC(self)->args, seq);
    return 0;
}

static PyObject *
BaseException_get_tb(PyObject *self, void *Py_UNUSED(ignored))
{
    PyObject *tb = exc_field_get(self, &EXC(self)->traceback);
    if (tb == NULL) {
        Py_RETURN_NONE;
    }
    return tb;
}

static int
BaseException_set_tb(PyObject *self, PyObject *tb, void *Py_UNUSED(ignored))
{
    return set_traceback(EXC(self), tb);
}

static PyObject *
BaseException_get_context(PyObject *self, void *Py_UNUSED(ignored))
{
    PyObject *res = PyException_GetContext(self);
    if (res != NULL) {
        return res;
    }
    Py_RETURN_NONE;
}

static int
BaseException_set_context(PyObject *self, PyObject *arg, void *Py_UNUSED(ignored))
{
    if (arg == NULL) {
        PyErr_SetString(PyExc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (arg == Py_None) {
        arg = NULL;
    }
    else if (!PyExceptionInstance_Check(arg)) {
        PyErr_SetString(PyExc_TypeError,
                        "exception context must be None or derive from BaseException");
        return -1;
    }
    else {
        Py_INCREF(arg);
    }
    PyException_SetContext(self, arg);
    return 0;
}

static PyObject *
BaseException_get_cause(PyObject *self, void *Py_UNUSED(ignored))
{
    PyObject *res = PyException_GetCause(self);
    if (res != NULL) {
        return res;
    }
    Py_RETURN_NONE;
}

static int
BaseException_set_cause(PyObject *self, PyObject *arg, void *Py_UNUSED(ignored))
{
    if (arg == NULL) {
        PyErr_SetString(PyExc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (arg == Py_None) {
        arg = NULL;
    }
    else if (!PyExceptionInstance_Check(arg)) {
        PyErr_SetString(PyExc_TypeError,
                        "exception cause must be None or derive from BaseException");
        return -1;
    }
    else {
        Py_INCREF(arg);
    }
    PyException_SetCause(self, arg);
    return 0;
}

static PyGetSetDef BaseException_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {"args", BaseException_get_args, BaseException_set_args, NULL, NULL},
    {"__traceback__", BaseException_get_tb, BaseException_set_tb, NULL, NULL},
    {"__context__", BaseException_get_context, BaseException_set_context,
     "exception context", NULL},
    {"__cause__", BaseException_get_cause, BaseException_set_cause, "exception cause", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef BaseException_members[] = {
    {"__suppress_context__", Py_T_BOOL, offsetof(PyBaseExceptionObject, suppress_context), 0,
     NULL},
    {NULL, 0, 0, 0, NULL},
};

/* ---- public accessors ---------------------------------------------------------------------- */

PyObject *
PyException_GetTraceback(PyObject *self)
{
    return exc_field_get(self, &EXC(self)->traceback);
}

int
PyException_SetTraceback(PyObject *self, PyObject *tb)
{
    return set_traceback(EXC(self), tb);
}

PyObject *
PyException_GetCause(PyObject *self)
{
    return exc_field_get(self, &EXC(self)->cause);
}

/* Steals a reference to cause. */
void
PyException_SetCause(PyObject *self, PyObject *cause)
{
    EXC(self)->suppress_context = 1;
    exc_field_set(self, &EXC(self)->cause, cause);
}

PyObject *
PyException_GetContext(PyObject *self)
{
    return exc_field_get(self, &EXC(self)->context);
}

/* Steals a reference to context. */
void
PyException_SetContext(PyObject *self, PyObject *context)
{
    exc_field_set(self, &EXC(self)->context, context);
}

PyObject *
PyException_GetArgs(PyObject *self)
{
    PyObject *args = exc_field_get(self, &EXC(self)->args);
    return args != NULL ? args : PyTuple_New(0);
}

void
PyException_SetArgs(PyObject *self, PyObject *args)
{
    exc_field_set(self, &EXC(self)->args, Py_NewRef(args));
}

const char *
PyExceptionClass_Name(PyObject *ob)
{
    return ((PyTypeObject *)ob)->tp_name;
}

/* ---- type definition macros ---------------------------------------------------------------- */

#define EXC_FLAGS                                                                             \
    (Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC |                          \
     Py_TPFLAGS_BASE_EXC_SUBCLASS)

PyTypeObject _PyExc_BaseException = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "BaseException",
    .tp_basicsize = sizeof(PyBaseExceptionObject),
    .tp_dealloc = BaseException_dealloc,
    .tp_repr = BaseException_repr,
    .tp_str = BaseException_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = EXC_FLAGS,
    .tp_doc = "Common base class for all exceptions",
    .tp_traverse = BaseException_traverse,
    .tp_clear = BaseException_clear,
    .tp_methods = BaseException_methods,
    .tp_members = BaseException_members,
    .tp_getset = BaseException_getset,
    .tp_dictoffset = offsetof(PyBaseExceptionObject, dict),
    .tp_init = BaseException_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = BaseException_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = BaseException_vectorcall,
};
_Py_REGISTER_STATIC_TYPE(_PyExc_BaseException);
PyObject *PyExc_BaseException = (PyObject *)&_PyExc_BaseException;

/* A subclass with the base layout and behaviour. */
#define SimpleExtendsException(EXCBASE, EXCNAME, EXCDOC)                                      \
    PyTypeObject _PyExc_##EXCNAME = {                                                         \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                                \
        .tp_name = #EXCNAME,                                                                  \
        .tp_basicsize = sizeof(PyBaseExceptionObject),                                        \
        .tp_dealloc = BaseException_dealloc,                                                  \
        .tp_repr = BaseException_repr,                                                        \
        .tp_str = BaseException_str,                                                          \
        .tp_getattro = PyObject_GenericGetAttr,                                               \
        .tp_setattro = PyObject_GenericSetAttr,                                               \
        .tp_flags = EXC_FLAGS,                                                                \
        .tp_doc = EXCDOC,                                                                     \
        .tp_traverse = BaseException_traverse,                                                \
        .tp_clear = BaseException_clear,                                                      \
        .tp_base = &_PyExc_##EXCBASE,                                                         \
        .tp_dictoffset = offsetof(PyBaseExceptionObject, dict),                               \
        .tp_init = BaseException_init,                                                        \
        .tp_alloc = PyType_GenericAlloc,                                                      \
        .tp_new = BaseException_new,                                                          \
        .tp_free = PyObject_GC_Del,                                                           \
        .tp_vectorcall = BaseException_vectorcall,                                            \
    };                                                                                        \
    _Py_REGISTER_STATIC_TYPE(_PyExc_##EXCNAME);                                               \
    PyObject *PyExc_##EXCNAME = (PyObject *)&_PyExc_##EXCNAME

/* A subclass with its own layout and slots. */
#define ComplexExtendsException(EXCBASE, EXCNAME, EXCSTORE, EXCNEW, EXCMETHODS, EXCMEMBERS,  \
                                EXCGETSET, EXCSTR, EXCREPR, EXCDOC)                           \
    PyTypeObject _PyExc_##EXCNAME = {                                                         \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                                \
        .tp_name = #EXCNAME,                                                                  \
        .tp_basicsize = sizeof(Py##EXCSTORE##Object),                                         \
        .tp_dealloc = EXCSTORE##_dealloc,                                                     \
        .tp_repr = EXCREPR,                                                                   \
        .tp_str = EXCSTR,                                                                     \
        .tp_getattro = PyObject_GenericGetAttr,                                               \
        .tp_setattro = PyObject_GenericSetAttr,                                               \
        .tp_flags = EXC_FLAGS,                                                                \
        .tp_doc = EXCDOC,                                                                     \
        .tp_traverse = EXCSTORE##_traverse,                                                   \
        .tp_clear = EXCSTORE##_clear,                                                         \
        .tp_methods = EXCMETHODS,                                                             \
        .tp_members = EXCMEMBERS,                                                             \
        .tp_getset = EXCGETSET,                                                               \
        .tp_base = &_PyExc_##EXCBASE,                                                         \
        .tp_dictoffset = offsetof(Py##EXCSTORE##Object, dict),                                \
        .tp_init = EXCSTORE##_init,                                                           \
        .tp_alloc = PyType_GenericAlloc,                                                      \
        .tp_new = EXCNEW,                                                                     \
        .tp_free = PyObject_GC_Del,                                                           \
    };                                                                                        \
    _Py_REGISTER_STATIC_TYPE(_PyExc_##EXCNAME);                                               \
    PyObject *PyExc_##EXCNAME = (PyObject *)&_PyExc_##EXCNAME

SimpleExtendsException(BaseException, Exception,
                       "Common base class for all non-exit exceptions.");
SimpleExtendsException(Exception, TypeError, "Inappropriate argument type.");
SimpleExtendsException(Exception, StopAsyncIteration, "Signal the end from iterator.__anext__().");

/* ---- StopIteration ------------------------------------------------------------------------- */

static int
StopIteration_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyStopIterationObject *self = (PyStopIterationObject *)op;
    if (BaseException_init(op, args, kwds) == -1) {
        return -1;
    }
    PyObject *value = PyTuple_GET_SIZE(args) > 0 ? PyTuple_GET_ITEM(args, 0) : Py_None;
    EXC_SETREF(self, value, Py_NewRef(value));
    return 0;
}

static int
StopIteration_clear(PyObject *op)
{
    Py_CLEAR(((PyStopIterationObject *)op)->value);
    return BaseException_clear(op);
}

static void
StopIteration_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    StopIteration_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static int
StopIteration_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((PyStopIterationObject *)op)->value);
    return BaseException_traverse(op, visit, arg);
}

static PyMemberDef StopIteration_members[] = {
    {"value", _Py_T_OBJECT, offsetof(PyStopIterationObject, value), 0,
     "generator return value"},
    {NULL, 0, 0, 0, NULL},
};

ComplexExtendsException(Exception, StopIteration, StopIteration, BaseException_new, NULL,
                        StopIteration_members, NULL, BaseException_str, BaseException_repr,
                        "Signal the end from iterator.__next__().");

SimpleExtendsException(BaseException, GeneratorExit, "Request that a generator exit.");

/* ---- SystemExit ---------------------------------------------------------------------------- */

static int
SystemExit_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    PySystemExitObject *self = (PySystemExitObject *)op;
    Py_ssize_t size = PyTuple_GET_SIZE(args);
    if (BaseException_init(op, args, kwds) == -1) {
        return -1;
    }
    if (size == 0) {
        return 0;
    }
    if (size == 1) {
        EXC_SETREF(self, code, Py_NewRef(PyTuple_GET_ITEM(args, 0)));
    }
    else {
        EXC_SETREF(self, code, Py_NewRef(args));
    }
    return 0;
}

static int
SystemExit_clear(PyObject *op)
{
    Py_CLEAR(((PySystemExitObject *)op)->code);
    return BaseException_clear(op);
}

static void
SystemExit_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    SystemExit_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static int
SystemExit_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((PySystemExitObject *)op)->code);
    return BaseException_traverse(op, visit, arg);
}

static PyMemberDef SystemExit_members[] = {
    {"code", _Py_T_OBJECT, offsetof(PySystemExitObject, code), 0, "exception code"},
    {NULL, 0, 0, 0, NULL},
};

ComplexExtendsException(BaseException, SystemExit, SystemExit, BaseException_new, NULL,
                        SystemExit_members, NULL, BaseException_str, BaseException_repr,
                        "Request to exit from the interpreter.");

/* ---- BaseExceptionGroup -------------------------------------------------------------------- */

static inline PyBaseExceptionGroupObject *
PyBaseExceptionGroupObject_CAST(PyObject *exc)
{
    return (PyBaseExceptionGroupObject *)exc;
}

static PyObject *
BaseExceptionGroup_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *message = NULL, *exceptions = NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError,
                     "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zd given)",
                     nargs);
        return NULL;
    }
    message = PyTuple_GET_ITEM(args, 0);
    exceptions = PyTuple_GET_ITEM(args, 1);
    if (!PyUnicode_Check(message)) {
        PyErr_Format(PyExc_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, "
                     "not %.200s", Py_TYPE(message)->tp_name);
        return NULL;
    }
    if (!PySequence_Check(exceptions)) {
        PyErr_SetString(PyExc_TypeError, "second argument (exceptions) must be a sequence");
        return NULL;
    }
    exceptions = PySequence_Tuple(exceptions);
    if (exceptions == NULL) {
        return NULL;
    }
    Py_ssize_t numexcs = PyTuple_GET_SIZE(exceptions);
    if (numexcs == 0) {
        PyErr_SetString(PyExc_ValueError,
                        "second argument (exceptions) must be a non-empty sequence");
        goto error;
    }
    int nested_base_exceptions = 0;
    for (Py_ssize_t i = 0; i < numexcs; i++) {
        PyObject *exc = PyTuple_GET_ITEM(exceptions, i);
        if (!exc || !PyExceptionInstance_Check(exc)) {
            PyErr_Format(PyExc_ValueError,
                         "Item %zd of second argument (exceptions) is not an exception", i);
            goto error;
        }
        int is_nonbase_exception = PyObject_IsInstance(exc, PyExc_Exception);
        if (is_nonbase_exception < 0) {
            goto error;
        }
        if (is_nonbase_exception == 0) {
            nested_base_exceptions = 1;
        }
    }
    PyTypeObject *cls = type;
    if (cls == (PyTypeObject *)PyExc_ExceptionGroup) {
        if (nested_base_exceptions) {
            PyErr_SetString(PyExc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
            goto error;
        }
    }
    else if (cls == (PyTypeObject *)PyExc_BaseExceptionGroup) {
        if (!nested_base_exceptions) {
            /* All nested exceptions are Exception subclasses: wrap them in ExceptionGroup. */
            cls = (PyTypeObject *)PyExc_ExceptionGroup;
        }
    }
    else {
        /* A user-defined subclass. */
        if (nested_base_exceptions) {
            int nonbase = PyObject_IsSubclass((PyObject *)cls, PyExc_Exception);
            if (nonbase == -1) {
                goto error;
            }
            if (nonbase == 1) {
                PyErr_Format(PyExc_TypeError, "Cannot nest BaseExceptions in '%.200s'",
                             cls->tp_name);
                goto error;
            }
        }
    }
    PyBaseExceptionGroupObject *self =
        PyBaseExceptionGroupObject_CAST(BaseException_new(cls, args, kwds));
    if (self == NULL) {
        goto error;
    }
    self->msg = Py_NewRef(message);
    self->excs = exceptions;
    return (PyObject *)self;
error:
    Py_DECREF(exceptions);
    return NULL;
}

/* New reference: a new ExceptionGroup/BaseExceptionGroup(msg, excs). */
PyObject *
_PyExc_CreateExceptionGroup(const char *msg_str, PyObject *excs)
{
    PyObject *msg = PyUnicode_FromString(msg_str);
    if (msg == NULL) {
        return NULL;
    }
    PyObject *args = PyTuple_Pack(2, msg, excs);
    Py_DECREF(msg);
    if (args == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_CallObject(PyExc_BaseExceptionGroup, args);
    Py_DECREF(args);
    return result;
}

static int
BaseExceptionGroup_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (!no_keywords(self, kwds)) {
        return -1;
    }
    return BaseException_init(self, args, kwds);
}

static int
BaseExceptionGroup_clear(PyObject *op)
{
    PyBaseExceptionGroupObject *self = PyBaseExceptionGroupObject_CAST(op);
    Py_CLEAR(self->msg);
    Py_CLEAR(self->excs);
    return BaseException_clear(op);
}

static void
BaseExceptionGroup_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    BaseExceptionGroup_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static int
BaseExceptionGroup_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyBaseExceptionGroupObject *self = PyBaseExceptionGroupObject_CAST(op);
    Py_VISIT(self->msg);
    Py_VISIT(self->excs);
    return BaseException_traverse(op, visit, arg);
}

static PyObject *
BaseExceptionGroup_str(PyObject *op)
{
    PyBaseExceptionGroupObject *self = PyBaseExceptionGroupObject_CAST(op);
    Py_ssize_t num_excs = PyTuple_Size(self->excs);
    return PyUnicode_FromFormat("%S (%zd sub-exception%s)", self->msg ? self->msg : Py_None,
                                num_excs, num_excs > 1 ? "s" : "");
}

static PyObject *
BaseExceptionGroup_derive(PyObject *self, PyObject *excs)
{
    PyBaseExceptionGroupObject *eg = PyBaseExceptionGroupObject_CAST(self);
    PyObject *init_args = PyTuple_Pack(2, eg->msg, excs);
    if (!init_args) {
        return NULL;
    }
    PyObject *eg2 = PyObject_CallObject(PyExc_BaseExceptionGroup, init_args);
    Py_DECREF(init_args);
    return eg2;
}

/* Copy __traceback__, __cause__, __context__ and __notes__ from orig to the new group. */
static int
exceptiongroup_subset(PyBaseExceptionGroupObject *_orig, PyObject *excs, PyObject **result)
{
    PyObject *orig = (PyObject *)_orig;
    *result = NULL;
    Py_ssize_t num_excs = PySequence_Size(excs);
    if (num_excs < 0) {
        return -1;
    }
    if (num_excs == 0) {
        return 0;
    }
    PyObject *eg = PyObject_CallMethodOneArg(orig, _Py_ID(derive), excs);
    if (!eg) {
        return -1;
    }
    if (!_PyBaseExceptionGroup_Check(eg)) {
        PyErr_SetString(PyExc_TypeError, "derive must return an instance of BaseExceptionGroup");
        goto error;
    }
    PyObject *tb = PyException_GetTraceback(orig);
    if (tb) {
        int res = PyException_SetTraceback(eg, tb);
        Py_DECREF(tb);
        if (res < 0) {
            goto error;
        }
    }
    PyException_SetContext(eg, PyException_GetContext(orig));
    PyException_SetCause(eg, PyException_GetCause(orig));
    EXC(eg)->suppress_context = EXC(orig)->suppress_context;

    PyObject *notes;
    if (PyObject_GetOptionalAttr(orig, _Py_ID(__notes__), &notes) < 0) {
        goto error;
    }
    if (notes) {
        if (PySequence_Check(notes)) {
            /* Make a copy so the parts have independent notes lists. */
            PyObject *notes_copy = PySequence_List(notes);
            Py_DECREF(notes);
            if (notes_copy == NULL) {
                goto error;
            }
            int res = PyObject_SetAttr(eg, _Py_ID(__notes__), notes_copy);
            Py_DECREF(notes_copy);
            if (res < 0) {
                goto error;
            }
        }
        else {
            /* Not a sequence: the parts get no notes. */
            Py_DECREF(notes);
        }
    }
    *result = eg;
    return 0;
error:
    Py_DECREF(eg);
    return -1;
}

typedef enum {
    EXCEPTION_GROUP_MATCH_BY_TYPE = 0,   /* an exception type or tuple of types */
    EXCEPTION_GROUP_MATCH_BY_PREDICATE = 1, /* a callable returning a truth value */
    EXCEPTION_GROUP_MATCH_INSTANCE_IDS = 2, /* a set of id()s of leaf exceptions */
} _exceptiongroup_split_matcher_type;

static int
get_matcher_type(PyObject *value, _exceptiongroup_split_matcher_type *type)
{
    if (PyCallable_Check(value) && !PyType_Check(value)) {
        *type = EXCEPTION_GROUP_MATCH_BY_PREDICATE;
        return 0;
    }
    if (PyExceptionClass_Check(value)) {
        *type = EXCEPTION_GROUP_MATCH_BY_TYPE;
        return 0;
    }
    if (PyTuple_CheckExact(value)) {
        Py_ssize_t n = PyTuple_GET_SIZE(value);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (!PyExceptionClass_Check(PyTuple_GET_ITEM(value, i))) {
                goto error;
            }
        }
        *type = EXCEPTION_GROUP_MATCH_BY_TYPE;
        return 0;
    }
error:
    PyErr_SetString(PyExc_TypeError,
                    "expected an exception type, a tuple of exception types, or a callable "
                    "(other than a class)");
    return -1;
}

/* 1 match, 0 no match, -1 error. */
static int
exceptiongroup_split_check_match(PyObject *exc, _exceptiongroup_split_matcher_type matcher_type,
                                 PyObject *matcher_value)
{
    switch (matcher_type) {
    case EXCEPTION_GROUP_MATCH_BY_TYPE:
        return PyErr_GivenExceptionMatches(exc, matcher_value);
    case EXCEPTION_GROUP_MATCH_BY_PREDICATE: {
        PyObject *exc_matches = PyObject_CallOneArg(matcher_value, exc);
        if (exc_matches == NULL) {
            return -1;
        }
        int is_true = PyObject_IsTrue(exc_matches);
        Py_DECREF(exc_matches);
        return is_true;
    }
    case EXCEPTION_GROUP_MATCH_INSTANCE_IDS: {
        if (PySet_Check(matcher_value)) {
            PyObject *exc_id = PyLong_FromVoidPtr(exc);
            if (exc_id == NULL) {
                return -1;
            }
            int res = PySet_Contains(matcher_value, exc_id);
            Py_DECREF(exc_id);
            return res;
        }
        return 0;
    }
    }
    return 0;
}

typedef struct {
    PyObject *match;
    PyObject *rest;
} _exceptiongroup_split_result;

static int
exceptiongroup_split_recursive(PyObject *exc, _exceptiongroup_split_matcher_type matcher_type,
                               PyObject *matcher_value, int construct_rest,
                               _exceptiongroup_split_result *result)
{
    result->match = NULL;
    result->rest = NULL;

    int is_match = exceptiongroup_split_check_match(exc, matcher_type, matcher_value);
    if (is_match < 0) {
        return -1;
    }
    if (is_match) {
        /* Full match. */
        result->match = Py_NewRef(exc);
        return 0;
    }
    if (!_PyBaseExceptionGroup_Check(exc)) {
        /* A leaf that does not match. */
        if (construct_rest) {
            result->rest = Py_NewRef(exc);
        }
        return 0;
    }

    /* Partial match: split each nested exception. */
    PyBaseExceptionGroupObject *eg = PyBaseExceptionGroupObject_CAST(exc);
    int retval = -1;
    PyObject *match_list = PyList_New(0);
    if (!match_list) {
        return -1;
    }
    PyObject *rest_list = NULL;
    if (construct_rest) {
        rest_list = PyList_New(0);
        if (!rest_list) {
            goto done;
        }
    }
    Py_ssize_t num_excs = PyTuple_Size(eg->excs);
    if (num_excs < 0) {
        goto done;
    }
    for (Py_ssize_t i = 0; i < num_excs; i++) {
        PyObject *e = PyTuple_GET_ITEM(eg->excs, i);
        _exceptiongroup_split_result rec_result;
        if (Py_EnterRecursiveCall(" in exceptiongroup_split_recursive")) {
            goto done;
        }
        if (exceptiongroup_split_recursive(e, matcher_type, matcher_value, construct_rest,
                                           &rec_result) < 0) {
            Py_LeaveRecursiveCall();
            goto done;
        }
        Py_LeaveRecursiveCall();
        if (rec_result.match) {
            if (PyList_Append(match_list, rec_result.match) < 0) {
                Py_DECREF(rec_result.match);
                Py_XDECREF(rec_result.rest);
                goto done;
            }
            Py_DECREF(rec_result.match);
        }
        if (rec_result.rest) {
            if (PyList_Append(rest_list, rec_result.rest) < 0) {
                Py_DECREF(rec_result.rest);
                goto done;
            }
            Py_DECREF(rec_result.rest);
        }
    }
    if (exceptiongroup_subset(eg, match_list, &result->match) < 0) {
        goto done;
    }
    if (construct_rest) {
        if (exceptiongroup_subset(eg, rest_list, &result->rest) < 0) {
            Py_CLEAR(result->match);
            goto done;
        }
    }
    retval = 0;
done:
    Py_DECREF(match_list);
    Py_XDECREF(rest_list);
    if (retval < 0) {
        Py_CLEAR(result->match);
        Py_CLEAR(result->rest);
    }
    return retval;
}

static PyObject *
BaseExceptionGroup_split(PyObject *self, PyObject *matcher_value)
{
    _exceptiongroup_split_matcher_type matcher_type;
    if (get_matcher_type(matcher_value, &matcher_type) < 0) {
        return NULL;
    }
    _exceptiongroup_split_result split_result;
    if (exceptiongroup_split_recursive(self, matcher_type, matcher_value, 1, &split_result) <
        0) {
        return NULL;
    }
    PyObject *result = PyTuple_Pack(2, split_result.match ? split_result.match : Py_None,
                                    split_result.rest ? split_result.rest : Py_None);
    Py_XDECREF(split_result.match);
    Py_XDECREF(split_result.rest);
    return result;
}

static PyObject *
BaseExceptionGroup_subgroup(PyObject *self, PyObject *matcher_value)
{
    _exceptiongroup_split_matcher_type matcher_type;
    if (get_matcher_type(matcher_value, &matcher_type) < 0) {
        return NULL;
    }
    _exceptiongroup_split_result split_result;
    if (exceptiongroup_split_recursive(self, matcher_type, matcher_value, 0, &split_result) <
        0) {
        return NULL;
    }
    PyObject *result = Py_NewRef(split_result.match ? split_result.match : Py_None);
    Py_XDECREF(split_result.match);
    return result;
}

/* except* matching (CHECK_EG_MATCH): new references in *match and *rest (None when empty);
 * a bare exception that matches is wrapped in ExceptionGroup("", [exc]).  0 or -1. */
int
_PyExc_SplitGroup(PyObject *exc_value, PyObject *match_type, PyObject **match,
                  PyObject **rest)
{
    *match = NULL;
    *rest = NULL;
    if (Py_IsNone(exc_value)) {
        *match = Py_NewRef(Py_None);
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (PyErr_GivenExceptionMatches(exc_value, match_type)) {
        /* Full match of the exception itself. */
        int is_eg = _PyBaseExceptionGroup_Check(exc_value);
        PyObject *wrapped;
        if (is_eg) {
            wrapped = Py_NewRef(exc_value);
        }
        else {
            PyObject *excs = PyTuple_Pack(1, exc_value);
            if (excs == NULL) {
                return -1;
            }
            wrapped = _PyExc_CreateExceptionGroup("", excs);
            Py_DECREF(excs);
            if (wrapped == NULL) {
                return -1;
            }
            PyObject *tb = PyException_GetTraceback(exc_value);
            if (tb != NULL) {
                int rc = PyException_SetTraceback(wrapped, tb);
                Py_DECREF(tb);
                if (rc < 0) {
                    Py_DECREF(wrapped);
                    return -1;
                }
            }
        }
        *match = wrapped;
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (_PyBaseExceptionGroup_Check(exc_value)) {
        PyObject *pair = PyObject_CallMethodOneArg(exc_value, _Py_ID(split), match_type);
        if (pair == NULL) {
            return -1;
        }
        if (!PyTuple_CheckExact(pair) || PyTuple_GET_SIZE(pair) != 2) {
            PyErr_Format(PyExc_TypeError, "%.200s.split must return a 2-tuple, got %.200s",
                         Py_TYPE(exc_value)->tp_name, Py_TYPE(pair)->tp_name);
            Py_DECREF(pair);
            return -1;
        }
        *match = Py_NewRef(PyTuple_GET_ITEM(pair, 0));
        *rest = Py_NewRef(PyTuple_GET_ITEM(pair, 1));
        Py_DECREF(pair);
        return 0;
    }
    /* No match. */
    *match = Py_NewRef(Py_None);
    *rest = Py_NewRef(exc_value);
    return 0;
}

/* Add the ids of the leaf exceptions of e to leaf_ids. */
static int
collect_exception_group_leaf_ids(PyObject *exc, PyObject *leaf_ids)
{
    if (Py_IsNone(exc)) {
        return 0;
    }
    if (!_PyBaseExceptionGroup_Check(exc)) {
        PyObject *exc_id = PyLong_FromVoidPtr(exc);
        if (exc_id == NULL) {
            return -1;
        }
        int res = PySet_Add(leaf_ids, exc_id);
        Py_DECREF(exc_id);
        return res;
    }
    PyBaseExceptionGroupObject *eg = PyBaseExceptionGroupObject_CAST(exc);
    Py_ssize_t num_excs = PyTuple_GET_SIZE(eg->excs);
    for (Py_ssize_t i = 0; i < num_excs; i++) {
        PyObject *e = PyTuple_GET_ITEM(eg->excs, i);
        if (Py_EnterRecursiveCall(" in collect_exception_group_leaf_ids")) {
            return -1;
        }
        int res = collect_exception_group_leaf_ids(e, leaf_ids);
        Py_LeaveRecursiveCall();
        if (res < 0) {
            return -1;
        }
    }
    return 0;
}

/* The part of eg made of the leaves that appear in keep (a list); new reference in *result
 * (NULL when empty). */
static int
exception_group_projection(PyObject *eg, PyObject *keep, PyObject **result)
{
    PyObject *leaf_ids = PySet_New(NULL);
    if (!leaf_ids) {
        return -1;
    }
    Py_ssize_t n = PyList_GET_SIZE(keep);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *e = PyList_GET_ITEM(keep, i);
        if (collect_exception_group_leaf_ids(e, leaf_ids) < 0) {
            Py_DECREF(leaf_ids);
            return -1;
        }
    }
    _exceptiongroup_split_result split_result;
    int err = exceptiongroup_split_recursive(eg, EXCEPTION_GROUP_MATCH_INSTANCE_IDS, leaf_ids,
                                             0, &split_result);
    Py_DECREF(leaf_ids);
    if (err < 0) {
        return -1;
    }
    *result = split_result.match;
    return 0;
}

/* 1 if e1 and e2 carry the same notes, traceback, cause and context (identity). */
static int
is_same_exception_metadata(PyObject *e1, PyObject *e2)
{
    PyBaseExceptionObject *b1 = EXC(e1), *b2 = EXC(e2);
    return b1->notes == b2->notes && b1->traceback == b2->traceback &&
           b1->cause == b2->cause && b1->context == b2->context;
}

PyObject *
_PyExc_PrepReraiseStar(PyObject *orig, PyObject *excs)
{
    Py_ssize_t numexcs = PyList_GET_SIZE(excs);
    if (numexcs == 0) {
        return Py_NewRef(Py_None);
    }
    if (!_PyBaseExceptionGroup_Check(orig)) {
        /* A naked exception was caught and wrapped: at most one clause ran. */
        for (Py_ssize_t i = 0; i < numexcs; i++) {
            PyObject *e = PyList_GET_ITEM(excs, i);
            if (!Py_IsNone(e)) {
                return Py_NewRef(e);
            }
        }
        return Py_NewRef(Py_None);
    }
    PyObject *result = NULL;
    PyObject *raised_list = PyList_New(0);
    if (raised_list == NULL) {
        return NULL;
    }
    PyObject *reraised_list = PyList_New(0);
    if (reraised_list == NULL) {
        Py_DECREF(raised_list);
        return NULL;
    }
    PyObject *reraised_eg = NULL;
    for (Py_ssize_t i = 0; i < numexcs; i++) {
        PyObject *e = PyList_GET_ITEM(excs, i);
        if (Py_IsNone(e)) {
            continue;
        }
        int is_reraise = is_same_exception_metadata(e, orig);
        PyObject *append_list = is_reraise ? reraised_list : raised_list;
        if (PyList_Append(append_list, e) < 0) {
            goto done;
        }
    }
    if (exception_group_projection(orig, reraised_list, &reraised_eg) < 0) {
        goto done;
    }
    if (PyList_GET_SIZE(raised_list) == 0) {
        result = reraised_eg != NULL ? Py_NewRef(reraised_eg) : Py_NewRef(Py_None);
    }
    else {
        if (reraised_eg != NULL && PyList_Append(raised_list, reraised_eg) < 0) {
            goto done;
        }
        if (PyList_GET_SIZE(raised_list) > 1) {
            result = _PyExc_CreateExceptionGroup("", raised_list);
        }
        else {
            result = Py_NewRef(PyList_GET_ITEM(raised_list, 0));
        }
    }
done:
    Py_XDECREF(reraised_eg);
    Py_DECREF(raised_list);
    Py_DECREF(reraised_list);
    return result;
}

static PyMemberDef BaseExceptionGroup_members[] = {
    {"message", _Py_T_OBJECT, offsetof(PyBaseExceptionGroupObject, msg), Py_READONLY,
     "exception message"},
    {"exceptions", _Py_T_OBJECT, offsetof(PyBaseExceptionGroupObject, excs), Py_READONLY,
     "nested exceptions"},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef BaseExceptionGroup_methods[] = {
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {"derive", BaseExceptionGroup_derive, METH_O, NULL},
    {"split", BaseExceptionGroup_split, METH_O, NULL},
    {"subgroup", BaseExceptionGroup_subgroup, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

ComplexExtendsException(BaseException, BaseExceptionGroup, BaseExceptionGroup,
                        BaseExceptionGroup_new, BaseExceptionGroup_methods,
                        BaseExceptionGroup_members, NULL, BaseExceptionGroup_str,
                        BaseException_repr, "A combination of multiple unrelated exceptions.");

/* ExceptionGroup(BaseExceptionGroup, Exception): defined with both bases at start-up by
 * giving it tp_bases; its layout is BaseExceptionGroup's. */
PyTypeObject _PyExc_ExceptionGroup = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "ExceptionGroup",
    .tp_basicsize = sizeof(PyBaseExceptionGroupObject),
    .tp_dealloc = BaseExceptionGroup_dealloc,
    .tp_repr = BaseException_repr,
    .tp_str = BaseExceptionGroup_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = EXC_FLAGS,
    .tp_traverse = BaseExceptionGroup_traverse,
    .tp_clear = BaseExceptionGroup_clear,
    .tp_base = &_PyExc_BaseExceptionGroup,
    .tp_dictoffset = offsetof(PyBaseExceptionGroupObject, dict),
    .tp_init = BaseExceptionGroup_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = BaseExceptionGroup_new,
    .tp_free = PyObject_GC_Del,
};
PyObject *PyExc_ExceptionGroup = (PyObject *)&_PyExc_ExceptionGroup;

/* ---- simple and keyboard exceptions -------------------------------------------------------- */

SimpleExtendsException(BaseException, KeyboardInterrupt, "Program interrupted by user.");

/* ---- ImportError --------------------------------------------------------------------------- */

static int
ImportError_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyImportErrorObject *self = (PyImportErrorObject *)op;
    PyObject *name = NULL, *path = NULL, *name_from = NULL;
    if (kwds != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            if (PyUnicode_Check(key) && _PyUnicode_EqualToASCIIString(key, "name")) {
                name = value;
            }
            else if (PyUnicode_Check(key) && _PyUnicode_EqualToASCIIString(key, "path")) {
                path = value;
            }
            else if (PyUnicode_Check(key) && _PyUnicode_EqualToASCIIString(key, "name_from")) {
                name_from = value;
            }
            else {
                PyErr_Format(PyExc_TypeError,
                             "ImportError() got an unexpected keyword argument '%S'", key);
                return -1;
            }
        }
    }
    if (BaseException_init(op, args, NULL) == -1) {
        return -1;
    }
    EXC_SETREF(self, name, Py_XNewRef(name));
    EXC_SETREF(self, path, Py_XNewRef(path));
    EXC_SETREF(self, name_from, Py_XNewRef(name_from));
    if (PyTuple_GET_SIZE(args) == 1) {
        EXC_SETREF(self, msg, Py_NewRef(PyTuple_GET_ITEM(args, 0)));
    }
    return 0;
}

static int
ImportError_clear(PyObject *op)
{
    PyImportErrorObject *self = (PyImportErrorObject *)op;
    Py_CLEAR(self->msg);
    Py_CLEAR(self->name);
    Py_CLEAR(self->path);
    Py_CLEAR(self->name_from);
    return BaseException_clear(op);
}

static void
ImportError_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    ImportError_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static int
ImportError_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyImportErrorObject *self = (PyImportErrorObject *)op;
    Py_VISIT(self->msg);
    Py_VISIT(self->name);
    Py_VISIT(self->path);
    Py_VISIT(self->name_from);
    return BaseException_traverse(op, visit, arg);
}

static PyObject *
ImportError_str(PyObject *op)
{
    PyImportErrorObject *self = (PyImportErrorObject *)op;
    PyObject *msg = exc_field_get(op, &self->msg);
    if (msg != NULL && PyUnicode_CheckExact(msg)) {
        return msg;
    }
    Py_XDECREF(msg);
    return BaseException_str(op);
}

/* Copy of the instance dict (or a new one) with the set ones of names[i] = values[i] added;
 * a new reference to the dict itself (or None) when no value is set. */
static PyObject *
exc_state_with(PyObject *self, int n, const char *const names[], PyObject *const values[])
{
    PyObject *dict = FT_ATOMIC_LOAD_PTR_ACQUIRE(EXC(self)->dict);
    int any = 0;
    for (int i = 0; i < n; i++) {
        any |= values[i] != NULL;
    }
    if (!any) {
        return Py_NewRef(dict != NULL ? dict : Py_None);
    }
    dict = dict != NULL ? PyDict_Copy(dict) : PyDict_New();
    if (dict == NULL) {
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        if (values[i] != NULL && PyDict_SetItemString(dict, names[i], values[i]) < 0) {
            Py_DECREF(dict);
            return NULL;
        }
    }
    return dict;
}

static PyObject *
ImportError_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyImportErrorObject *self = (PyImportErrorObject *)op;
    static const char *const names[] = {"name", "path", "name_from"};
    PyObject *values[3], *args;
    Py_BEGIN_CRITICAL_SECTION(op);
    values[0] = Py_XNewRef(self->name);
    values[1] = Py_XNewRef(self->path);
    values[2] = Py_XNewRef(self->name_from);
    args = Py_NewRef(self->args);
    Py_END_CRITICAL_SECTION();
    PyObject *res = NULL;
    PyObject *state = exc_state_with(op, 3, names, values);
    if (state == Py_None) {
        res = PyTuple_Pack(2, Py_TYPE(self), args);
    }
    else if (state != NULL) {
        res = PyTuple_Pack(3, Py_TYPE(self), args, state);
    }
    Py_XDECREF(state);
    Py_DECREF(args);
    for (int i = 0; i < 3; i++) {
        Py_XDECREF(values[i]);
    }
    return res;
}

static PyMemberDef ImportError_members[] = {
    {"msg", _Py_T_OBJECT, offsetof(PyImportErrorObject, msg), 0, "exception message"},
    {"name", _Py_T_OBJECT, offsetof(PyImportErrorObject, name), 0, "module name"},
    {"path", _Py_T_OBJECT, offsetof(PyImportErrorObject, path), 0, "module path"},
    {"name_from", _Py_T_OBJECT, offsetof(PyImportErrorObject, name_from), 0,
     "name imported from module"},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef ImportError_methods[] = {
    {"__reduce__", ImportError_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

ComplexExtendsException(Exception, ImportError, ImportError, BaseException_new,
                        ImportError_methods, ImportError_members, NULL, ImportError_str,
                        BaseException_repr,
                        "Import can't find module, or can't find name in module.");

ComplexExtendsException(ImportError, ModuleNotFoundError, ImportError, BaseException_new,
                        NULL, NULL, NULL, ImportError_str, BaseException_repr,
                        "Module not found.");

/* ---- OSError ------------------------------------------------------------------------------- */

/* errno -> subclass: a constant table (start-up immutable). */
static const struct {
    int err;
    PyObject **exc;
} errnomap[] = {
    {EAGAIN, &PyExc_BlockingIOError},
    {EALREADY, &PyExc_BlockingIOError},
    {EINPROGRESS, &PyExc_BlockingIOError},
    {EWOULDBLOCK, &PyExc_BlockingIOError},
    {EPIPE, &PyExc_BrokenPipeError},
#ifdef ESHUTDOWN
    {ESHUTDOWN, &PyExc_BrokenPipeError},
#endif
    {ECHILD, &PyExc_ChildProcessError},
    {ECONNABORTED, &PyExc_ConnectionAbortedError},
    {ECONNREFUSED, &PyExc_ConnectionRefusedError},
    {ECONNRESET, &PyExc_ConnectionResetError},
    {EEXIST, &PyExc_FileExistsError},
    {ENOENT, &PyExc_FileNotFoundError},
    {EISDIR, &PyExc_IsADirectoryError},
    {ENOTDIR, &PyExc_NotADirectoryError},
    {EINTR, &PyExc_InterruptedError},
    {EACCES, &PyExc_PermissionError},
    {EPERM, &PyExc_PermissionError},
#ifdef ENOTCAPABLE
    {ENOTCAPABLE, &PyExc_PermissionError},
#endif
    {ESRCH, &PyExc_ProcessLookupError},
    {ETIMEDOUT, &PyExc_TimeoutError},
};

static PyObject *
errno_to_subclass(PyObject *myerrno)
{
    if (myerrno == NULL || !PyLong_Check(myerrno)) {
        return NULL;
    }
    int overflow;
    long e = PyLong_AsLongAndOverflow(myerrno, &overflow);
    if (e == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return NULL;
    }
    if (overflow) {
        return NULL;
    }
    for (size_t i = 0; i < Py_ARRAY_LENGTH(errnomap); i++) {
        if (errnomap[i].err == e) {
            return *errnomap[i].exc;
        }
    }
    return NULL;
}

static int OSError_init(PyObject *self, PyObject *args, PyObject *kwds);
static PyObject *OSError_new(PyTypeObject *type, PyObject *args, PyObject *kwds);

/* Parse OSError arguments: (errno, strerror[, filename[, winerror[, filename2]]]). */
static int
oserror_parse_args(PyObject **p_args, PyObject **myerrno, PyObject **strerror,
                   PyObject **filename, PyObject **filename2)
{
    PyObject *args = *p_args;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs >= 2 && nargs <= 5) {
        *myerrno = PyTuple_GET_ITEM(args, 0);
        *strerror = PyTuple_GET_ITEM(args, 1);
        if (nargs >= 3) {
            *filename = PyTuple_GET_ITEM(args, 2);
        }
        if (nargs >= 5) {
            *filename2 = PyTuple_GET_ITEM(args, 4);
        }
    }
    return 0;
}

/* Store the parsed arguments; args is truncated to (errno, strerror) when a filename is given. */
static int
oserror_init(PyOSErrorObject *self, PyObject **p_args, PyObject *myerrno, PyObject *strerror,
             PyObject *filename, PyObject *filename2)
{
    PyObject *args = *p_args;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (filename && filename != Py_None) {
        if (Py_IS_TYPE(self, (PyTypeObject *)PyExc_BlockingIOError) && PyNumber_Check(filename)) {
            /* BlockingIOError's 3rd argument can be the number of characters written. */
            self->written = PyNumber_AsSsize_t(filename, PyExc_ValueError);
            if (self->written == -1 && PyErr_Occurred()) {
                return -1;
            }
        }
        else {
            EXC_SETREF(self, filename, Py_NewRef(filename));
            if (filename2 && filename2 != Py_None) {
                EXC_SETREF(self, filename2, Py_NewRef(filename2));
            }
            if (nargs >= 2 && nargs <= 5) {
                PyObject *subslice = PyTuple_GetSlice(args, 0, 2);
                if (!subslice) {
                    return -1;
                }
                Py_DECREF(args);
                args = *p_args = subslice;
            }
        }
    }
    EXC_SETREF(self, myerrno, Py_XNewRef(myerrno));
    EXC_SETREF(self, strerror, Py_XNewRef(strerror));
    EXC_SETREF(self, args, args);
    *p_args = args = NULL;
    return 0;
}

/* When a subclass overrides __init__ (but not __new__), arguments are handled in __init__. */
static int
oserror_use_init(PyTypeObject *type)
{
    return type->tp_init != OSError_init && type->tp_new == OSError_new;
}

static PyObject *
OSError_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyOSErrorObject *self = NULL;
    PyObject *myerrno = NULL, *strerror = NULL, *filename = NULL, *filename2 = NULL;
    Py_INCREF(args);
    if (!oserror_use_init(type)) {
        if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
            PyErr_Format(PyExc_TypeError, "%s() takes no keyword arguments", type->tp_name);
            goto error;
        }
        if (oserror_parse_args(&args, &myerrno, &strerror, &filename, &filename2) < 0) {
            goto error;
        }
        if (type == (PyTypeObject *)PyExc_OSError) {
            PyObject *newtype = errno_to_subclass(myerrno);
            if (newtype != NULL) {
                type = (PyTypeObject *)newtype;
            }
        }
    }
    self = (PyOSErrorObject *)type->tp_alloc(type, 0);
    if (!self) {
        goto error;
    }
    self->dict = NULL;
    self->traceback = self->cause = self->context = NULL;
    self->notes = NULL;
    self->suppress_context = 0;
    self->written = -1;
    if (!oserror_use_init(type)) {
        if (oserror_init(self, &args, myerrno, strerror, filename, filename2) < 0) {
            goto error;
        }
    }
    else {
        self->args = PyTuple_New(0);
        if (self->args == NULL) {
            goto error;
        }
    }
    Py_XDECREF(args);
    return (PyObject *)self;
error:
    Py_XDECREF(args);
    Py_XDECREF(self);
    return NULL;
}

static int
OSError_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyOSErrorObject *self = (PyOSErrorObject *)op;
    PyObject *myerrno = NULL, *strerror = NULL, *filename = NULL, *filename2 = NULL;
    if (!oserror_use_init(Py_TYPE(self))) {
        /* Everything already done in OSError_new. */
        return 0;
    }
    if (!no_keywords(op, kwds)) {
        return -1;
    }
    Py_INCREF(args);
    if (oserror_parse_args(&args, &myerrno, &strerror, &filename, &filename2) < 0) {
        goto error;
    }
    if (oserror_init(self, &args, myerrno, strerror, filename, filename2) < 0) {
        goto error;
    }
    return 0;
error:
    Py_DECREF(args);
    return -1;
}

static int
OSError_clear(PyObject *op)
{
    PyOSErrorObject *self = (PyOSErrorObject *)op;
    Py_CLEAR(self->myerrno);
    Py_CLEAR(self->strerror);
    Py_CLEAR(self->filename);
    Py_CLEAR(self->filename2);
    return BaseException_clear(op);
}

static void
OSError_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    OSError_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static int
OSError_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyOSErrorObject *self = (PyOSErrorObject *)op;
    Py_VISIT(self->myerrno);
    Py_VISIT(self->strerror);
    Py_VISIT(self->filename);
    Py_VISIT(self->filename2);
    return BaseException_traverse(op, visit, arg);
}

static PyObject *
OSError_str(PyObject *op)
{
    PyOSErrorObject *self = (PyOSErrorObject *)op;
    PyObject *myerrno, *strerror, *filename, *filename2, *res;
    Py_BEGIN_CRITICAL_SECTION(op);
    myerrno = Py_XNewRef(self->myerrno);
    strerror = Py_XNewRef(self->strerror);
    filename = Py_XNewRef(self->filename);
    filename2 = Py_XNewRef(self->filename2);
    Py_END_CRITICAL_SECTION();
#define OR_NONE(x) ((x) ? (x) : Py_None)
    if (filename != NULL && filename2 != NULL) {
        res = PyUnicode_FromFormat("[Errno %S] %S: %R -> %R", OR_NONE(myerrno),
                                   OR_NONE(strerror), filename, filename2);
    }
    else if (filename != NULL) {
        res = PyUnicode_FromFormat("[Errno %S] %S: %R", OR_NONE(myerrno), OR_NONE(strerror),
                                   filename);
    }
    else if (myerrno != NULL && strerror != NULL) {
        res = PyUnicode_FromFormat("[Errno %S] %S", myerrno, strerror);
    }
    else {
        res = BaseException_str(op);
    }
#undef OR_NONE
    Py_XDECREF(myerrno);
    Py_XDECREF(strerror);
    Py_XDECREF(filename);
    Py_XDECREF(filename2);
    return res;
}

static PyObject *
OSError_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyOSErrorObject *self = (PyOSErrorObject *)op;
    PyObject *args, *filename, *filename2;
    Py_BEGIN_CRITICAL_SECTION(op);
    args = Py_NewRef(self->args);
    filename = Py_XNewRef(self->filename);
    filename2 = Py_XNewRef(self->filename2);
    Py_END_CRITICAL_SECTION();
    PyObject *res = NULL;
    /* Put the filename(s) back into args. */
    if (PyTuple_GET_SIZE(args) == 2 && filename != NULL) {
        PyObject *full = PyTuple_New(filename2 != NULL ? 5 : 3);
        if (full == NULL) {
            goto done;
        }
        PyTuple_SET_ITEM(full, 0, Py_NewRef(PyTuple_GET_ITEM(args, 0)));
        PyTuple_SET_ITEM(full, 1, Py_NewRef(PyTuple_GET_ITEM(args, 1)));
        PyTuple_SET_ITEM(full, 2, Py_NewRef(filename));
        if (filename2 != NULL) {
            PyTuple_SET_ITEM(full, 3, Py_NewRef(Py_None)); /* winerror */
            PyTuple_SET_ITEM(full, 4, Py_NewRef(filename2));
        }
        Py_SETREF(args, full);
    }
    /* The dict pointer is replaced with a delayed release (PyObject_GenericSetDict). */
    PyObject *dict = FT_ATOMIC_LOAD_PTR_ACQUIRE(self->dict);
    if (dict != NULL) {
        res = PyTuple_Pack(3, Py_TYPE(self), args, dict);
    }
    else {
        res = PyTuple_Pack(2, Py_TYPE(self), args);
    }
done:
    Py_DECREF(args);
    Py_XDECREF(filename);
    Py_XDECREF(filename2);
    return res;
}

static PyObject *
OSError_written_get(PyObject *op, void *context)
{
    PyOSErrorObject *self = (PyOSErrorObject *)op;
    if (self->written == -1) {
        PyErr_SetString(PyExc_AttributeError, "characters_written");
        return NULL;
    }
    return PyLong_FromSsize_t(self->written);
}

static int
OSError_written_set(PyObject *op, PyObject *arg, void *context)
{
    PyOSErrorObject *self = (PyOSErrorObject *)op;
    if (arg == NULL) {
        if (self->written == -1) {
            PyErr_SetString(PyExc_AttributeError, "characters_written");
            return -1;
        }
        self->written = -1;
        return 0;
    }
    Py_ssize_t n = PyNumber_AsSsize_t(arg, PyExc_ValueError);
    if (n == -1 && PyErr_Occurred()) {
        return -1;
    }
    self->written = n;
    return 0;
}

static PyMemberDef OSError_members[] = {
    {"errno", _Py_T_OBJECT, offsetof(PyOSErrorObject, myerrno), 0, "POSIX exception code"},
    {"strerror", _Py_T_OBJECT, offsetof(PyOSErrorObject, strerror), 0, "exception strerror"},
    {"filename", _Py_T_OBJECT, offsetof(PyOSErrorObject, filename), 0, "exception filename"},
    {"filename2", _Py_T_OBJECT, offsetof(PyOSErrorObject, filename2), 0,
     "second exception filename"},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef OSError_methods[] = {
    {"__reduce__", OSError_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef OSError_getset[] = {
    {"characters_written", OSError_written_get, OSError_written_set, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

ComplexExtendsException(Exception, OSError, OSError, OSError_new, OSError_methods,
                        OSError_members, OSError_getset, OSError_str, BaseException_repr,
                        "Base class for I/O related errors.");

PyObject *PyExc_EnvironmentError = (PyObject *)&_PyExc_OSError;
PyObject *PyExc_IOError = (PyObject *)&_PyExc_OSError;

#define MiddlingExtendsException(EXCBASE, EXCNAME, EXCSTORE, EXCDOC)                          \
    ComplexExtendsException(EXCBASE, EXCNAME, EXCSTORE, OSError_new, NULL, NULL, NULL,        \
                            OSError_str, BaseException_repr, EXCDOC)

MiddlingExtendsException(OSError, BlockingIOError, OSError, "I/O operation would block.");
MiddlingExtendsException(OSError, ConnectionError, OSError, "Connection error.");
MiddlingExtendsException(OSError, ChildProcessError, OSError, "Child process error.");
MiddlingExtendsException(ConnectionError, BrokenPipeError, OSError, "Broken pipe.");
MiddlingExtendsException(ConnectionError, ConnectionAbortedError, OSError,
                         "Connection aborted.");
MiddlingExtendsException(ConnectionError, ConnectionRefusedError, OSError,
                         "Connection refused.");
MiddlingExtendsException(ConnectionError, ConnectionResetError, OSError, "Connection reset.");
MiddlingExtendsException(OSError, FileExistsError, OSError, "File already exists.");
MiddlingExtendsException(OSError, FileNotFoundError, OSError, "File not found.");
MiddlingExtendsException(OSError, IsADirectoryError, OSError,
                         "Operation doesn't work on directories.");
MiddlingExtendsException(OSError, NotADirectoryError, OSError,
                         "Operation only works on directories.");
MiddlingExtendsException(OSError, InterruptedError, OSError, "Interrupted by signal.");
MiddlingExtendsException(OSError, PermissionError, OSError, "Not enough permissions.");
MiddlingExtendsException(OSError, ProcessLookupError, OSError, "Process not found.");
MiddlingExtendsException(OSError, TimeoutError, OSError, "Timeout expired.");

/* ---- simple Exception subclasses ----------------------------------------------------------- */

SimpleExtendsException(Exception, EOFError, "Read beyond end of file.");
SimpleExtendsException(Exception, RuntimeError, "Unspecified run-time error.");
SimpleExtendsException(RuntimeError, RecursionError, "Recursion limit exceeded.");
SimpleExtendsException(RuntimeError, PythonFinalizationError,
                       "Operation blocked during Python finalization.");
SimpleExtendsException(RuntimeError, NotImplementedError,
                       "Method or function hasn't been implemented yet.");

/* ---- NameError ----------------------------------------------------------------------------- */

static int
NameError_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyNameErrorObject *self = (PyNameErrorObject *)op;
    PyObject *name = NULL;
    if (kwds != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            if (PyUnicode_Check(key) && _PyUnicode_EqualToASCIIString(key, "name")) {
                name = value;
            }
            else {
                PyErr_Format(PyExc_TypeError,
                             "NameError() got an unexpected keyword argument '%S'", key);
                return -1;
            }
        }
    }
    if (BaseException_init(op, args, NULL) == -1) {
        return -1;
    }
    EXC_SETREF(self, name, Py_XNewRef(name));
    return 0;
}

static int
NameError_clear(PyObject *op)
{
    Py_CLEAR(((PyNameErrorObject *)op)->name);
    return BaseException_clear(op);
}

static void
NameError_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    NameError_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static int
NameError_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((PyNameErrorObject *)op)->name);
    return BaseException_traverse(op, visit, arg);
}

static PyMemberDef NameError_members[] = {
    {"name", _Py_T_OBJECT, offsetof(PyNameErrorObject, name), 0, "name"},
    {NULL, 0, 0, 0, NULL},
};

ComplexExtendsException(Exception, NameError, NameError, BaseException_new, NULL,
                        NameError_members, NULL, BaseException_str, BaseException_repr,
                        "Name not found globally.");
ComplexExtendsException(NameError, UnboundLocalError, NameError, BaseException_new, NULL, NULL,
                        NULL, BaseException_str, BaseException_repr,
                        "Local name referenced but not bound to a value.");

/* ---- AttributeError ------------------------------------------------------------------------ */

static int
AttributeError_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    PyAttributeErrorObject *self = (PyAttributeErrorObject *)op;
    PyObject *name = NULL, *obj = NULL;
    if (kwds != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            if (PyUnicode_Check(key) && _PyUnicode_EqualToASCIIString(key, "name")) {
                name = value;
            }
            else if (PyUnicode_Check(key) && _PyUnicode_EqualToASCIIString(key, "obj")) {
                obj = value;
            }
            else {
                PyErr_Format(PyExc_TypeError,
                             "AttributeError() got an unexpected keyword argument '%S'",
                             key);
                return -1;
            }
        }
    }
    if (BaseException_init(op, args, NULL) == -1) {
        return -1;
    }
    EXC_SETREF(self, name, Py_XNewRef(name));
    EXC_SETREF(self, obj, Py_XNewRef(obj));
    return 0;
}

static int
AttributeError_clear(PyObject *op)
{
    PyAttributeErrorObject *self = (PyAttributeErrorObject *)op;
    Py_CLEAR(self->obj);
    Py_CLEAR(self->name);
    return BaseException_clear(op);
}

static void
AttributeError_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    AttributeError_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static int
AttributeError_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyAttributeErrorObject *self = (PyAttributeErrorObject *)op;
    Py_VISIT(self->obj);
    Py_VISIT(self->name);
    return BaseException_traverse(op, visit, arg);
}

/* __getstate__/__reduce__: the name travels in the state dict (obj does not). */
/* Sets *args (new reference) when args is not NULL. */
static PyObject *
attribute_error_state(PyObject *op, PyObject **args)
{
    PyAttributeErrorObject *self = (PyAttributeErrorObject *)op;
    /* Keep args in the state too, for pickles that only restore state. */
    static const char *const names[] = {"name", "args"};
    PyObject *values[2];
    Py_BEGIN_CRITICAL_SECTION(op);
    values[0] = Py_XNewRef(self->name);
    values[1] = Py_XNewRef(self->args);
    Py_END_CRITICAL_SECTION();
    PyObject *state = exc_state_with(op, 2, names, values);
    Py_XDECREF(values[0]);
    if (args != NULL) {
        *args = values[1];
    }
    else {
        Py_XDECREF(values[1]);
    }
    return state;
}

static PyObject *
AttributeError_getstate(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    return attribute_error_state(op, NULL);
}

static PyObject *
AttributeError_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *args;
    PyObject *state = attribute_error_state(op, &args);
    PyObject *res = NULL;
    if (state != NULL) {
        res = PyTuple_Pack(3, Py_TYPE(op), args, state);
        Py_DECREF(state);
    }
    Py_XDECREF(args);
    return res;
}

static PyMemberDef AttributeError_members[] = {
    {"name", _Py_T_OBJECT, offsetof(PyAttributeErrorObject, name), 0, "attribute name"},
    {"obj", _Py_T_OBJECT, offsetof(PyAttributeErrorObject, obj), 0, "object"},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef AttributeError_methods[] = {
    {"__getstate__", AttributeError_getstate, METH_NOARGS, NULL},
    {"__reduce__", AttributeError_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

ComplexExtendsException(Exception, AttributeError, AttributeError, BaseException_new,
                        AttributeError_methods, AttributeError_members, NULL,
                        BaseException_str, BaseException_repr, "Attribute not found.");

/* ---- SyntaxError --------------------------------------------------------------------------- */

static int
SyntaxError_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    PySyntaxErrorObject *self = (PySyntaxErrorObject *)op;
    PyObject *info = NULL;
    Py_ssize_t lenargs = PyTuple_GET_SIZE(args);
    if (BaseException_init(op, args, kwds) == -1) {
        return -1;
    }
    if (lenargs >= 1) {
        EXC_SETREF(self, msg, Py_NewRef(PyTuple_GET_ITEM(args, 0)));
    }
    if (lenargs == 2) {
        info = PySequence_Tuple(PyTuple_GET_ITEM(args, 1));
        if (!info) {
            return -1;
        }
        Py_ssize_t n = PyTuple_GET_SIZE(info);
        if (n < 4 || n > 6) {
            PyErr_Format(PyExc_IndexError, "tuple index out of range");
            Py_DECREF(info);
            return -1;
        }
        EXC_SETREF(self, filename, Py_NewRef(PyTuple_GET_ITEM(info, 0)));
        EXC_SETREF(self, lineno, Py_NewRef(PyTuple_GET_ITEM(info, 1)));
        EXC_SETREF(self, offset, Py_NewRef(PyTuple_GET_ITEM(info, 2)));
        EXC_SETREF(self, text, Py_NewRef(PyTuple_GET_ITEM(info, 3)));
        EXC_SETREF(self, end_lineno, n >= 5 ? Py_NewRef(PyTuple_GET_ITEM(info, 4)) : NULL);
        EXC_SETREF(self, end_offset, n >= 6 ? Py_NewRef(PyTuple_GET_ITEM(info, 5)) : NULL);
        Py_DECREF(info);
        if (self->end_lineno != NULL && self->end_offset == NULL) {
            PyErr_SetString(PyExc_TypeError,
                            "end_offset must be provided when end_lineno is provided");
            return -1;
        }
    }
    return 0;
}

static int
SyntaxError_clear(PyObject *op)
{
    PySyntaxErrorObject *self = (PySyntaxErrorObject *)op;
    Py_CLEAR(self->msg);
    Py_CLEAR(self->filename);
    Py_CLEAR(self->lineno);
    Py_CLEAR(self->offset);
    Py_CLEAR(self->end_lineno);
    Py_CLEAR(self->end_offset);
    Py_CLEAR(self->text);
    Py_CLEAR(self->print_file_and_line);
    return BaseException_clear(op);
}

static void
SyntaxError_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    SyntaxError_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static int
SyntaxError_traverse(PyObject *op, visitproc visit, void *arg)
{
    PySyntaxErrorObject *self = (PySyntaxErrorObject *)op;
    Py_VISIT(self->msg);
    Py_VISIT(self->filename);
    Py_VISIT(self->lineno);
    Py_VISIT(self->offset);
    Py_VISIT(self->end_lineno);
    Py_VISIT(self->end_offset);
    Py_VISIT(self->text);
    Py_VISIT(self->print_file_and_line);
    return BaseException_traverse(op, visit, arg);
}

/* The part of a path after the last '/'; new reference. */
static PyObject *
my_basename(PyObject *name)
{
    Py_ssize_t size = PyUnicode_GET_LENGTH(name);
    Py_ssize_t offset = 0;
    for (Py_ssize_t i = 0; i < size; i++) {
        if (PyUnicode_ReadChar(name, i) == '/') {
            offset = i + 1;
        }
    }
    if (offset != 0) {
        return PyUnicode_Substring(name, offset, size);
    }
    return Py_NewRef(name);
}

static PyObject *
SyntaxError_str(PyObject *op)
{
    PySyntaxErrorObject *self = (PySyntaxErrorObject *)op;
    PyObject *msg, *path, *lineno_obj;
    Py_BEGIN_CRITICAL_SECTION(op);
    msg = Py_NewRef(self->msg != NULL ? self->msg : Py_None);
    path = Py_XNewRef(self->filename);
    lineno_obj = Py_XNewRef(self->lineno);
    Py_END_CRITICAL_SECTION();
    PyObject *filename = NULL;
    PyObject *result = NULL;
    int overflow;
    long lineno = 0;
    int have_lineno = 0;
    if (path != NULL && PyUnicode_Check(path)) {
        filename = my_basename(path);
        if (filename == NULL) {
            goto done;
        }
    }
    if (lineno_obj != NULL && PyLong_CheckExact(lineno_obj)) {
        lineno = PyLong_AsLongAndOverflow(lineno_obj, &overflow);
        if (lineno == -1 && PyErr_Occurred()) {
            PyErr_Clear();
        }
        else {
            have_lineno = !overflow;
        }
    }
    if (filename && have_lineno) {
        result = PyUnicode_FromFormat("%S (%U, line %ld)", msg, filename, lineno);
    }
    else if (filename) {
        result = PyUnicode_FromFormat("%S (%U)", msg, filename);
    }
    else if (have_lineno) {
        result = PyUnicode_FromFormat("%S (line %ld)", msg, lineno);
    }
    else {
        result = PyObject_Str(msg);
    }
    Py_XDECREF(filename);
done:
    Py_DECREF(msg);
    Py_XDECREF(path);
    Py_XDECREF(lineno_obj);
    return result;
}

static PyMemberDef SyntaxError_members[] = {
    {"msg", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, msg), 0, "exception msg"},
    {"filename", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, filename), 0, "exception filename"},
    {"lineno", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, lineno), 0, "exception lineno"},
    {"offset", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, offset), 0, "exception offset"},
    {"text", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, text), 0, "exception text"},
    {"end_lineno", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, end_lineno), 0,
     "exception end lineno"},
    {"end_offset", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, end_offset), 0,
     "exception end offset"},
    {"print_file_and_line", _Py_T_OBJECT, offsetof(PySyntaxErrorObject, print_file_and_line), 0,
     "exception print_file_and_line"},
    {NULL, 0, 0, 0, NULL},
};

ComplexExtendsException(Exception, SyntaxError, SyntaxError, BaseException_new, NULL,
                        SyntaxError_members, NULL, SyntaxError_str, BaseException_repr,
                        "Invalid syntax.");
ComplexExtendsException(SyntaxError, IndentationError, SyntaxError, BaseException_new, NULL,
                        NULL, NULL, SyntaxError_str, BaseException_repr, "Improper indentation.");
ComplexExtendsException(IndentationError, TabError, SyntaxError, BaseException_new, NULL, NULL,
                        NULL, SyntaxError_str, BaseException_repr,
                        "Improper mixture of spaces and tabs.");
ComplexExtendsException(SyntaxError, _IncompleteInputError, SyntaxError, BaseException_new,
                        NULL, NULL, NULL, SyntaxError_str, BaseException_repr,
                        "incomplete input.");

/* ---- LookupError, KeyError ----------------------------------------------------------------- */

SimpleExtendsException(Exception, LookupError, "Base class for lookup errors.");
SimpleExtendsException(LookupError, IndexError, "Sequence index out of range.");

/* KeyError shows the repr of a lone key, so KeyError('') is not an empty message. */
static PyObject *
KeyError_str(PyObject *op)
{
    PyBaseExceptionObject *self = EXC(op);
    if (PyTuple_GET_SIZE(self->args) == 1) {
        return PyObject_Repr(PyTuple_GET_ITEM(self->args, 0));
    }
    return BaseException_str(op);
}

PyTypeObject _PyExc_KeyError = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "KeyError",
    .tp_basicsize = sizeof(PyBaseExceptionObject),
    .tp_dealloc = BaseException_dealloc,
    .tp_repr = BaseException_repr,
    .tp_str = KeyError_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = EXC_FLAGS,
    .tp_doc = "Mapping key not found.",
    .tp_traverse = BaseException_traverse,
    .tp_clear = BaseException_clear,
    .tp_base = &_PyExc_LookupError,
    .tp_dictoffset = offsetof(PyBaseExceptionObject, dict),
    .tp_init = BaseException_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = BaseException_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = BaseException_vectorcall,
};
_Py_REGISTER_STATIC_TYPE(_PyExc_KeyError);
PyObject *PyExc_KeyError = (PyObject *)&_PyExc_KeyError;

SimpleExtendsException(Exception, ValueError, "Inappropriate argument value (of correct type).");

/* ---- UnicodeError and friends -------------------------------------------------------------- */

SimpleExtendsException(ValueError, UnicodeError, "Unicode related error.");

/* New reference to the str (or, with bytes, bytes) in field *attr of exception exc. */
static PyObject *
get_string_attr(PyObject *exc, PyObject **attr, const char *name, int bytes)
{
    PyObject *value = exc_field_get(exc, attr);
    if (value == NULL) {
        PyErr_Format(PyExc_TypeError, "%s attribute not set", name);
        return NULL;
    }
    if (bytes ? !PyBytes_Check(value) : !PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "%s attribute must be %s", name,
                     bytes ? "bytes" : "unicode");
        Py_DECREF(value);
        return NULL;
    }
    return value;
}

static int
set_unicodefromstring(PyObject *exc, PyObject **attr, const char *value)
{
    PyObject *obj = PyUnicode_FromString(value);
    if (!obj) {
        return -1;
    }
    exc_field_set(exc, attr, obj);
    return 0;
}

#define UERR(exc) ((PyUnicodeErrorObject *)(exc))

static Py_ssize_t
unicode_error_object_len(PyObject *exc, int bytes)
{
    PyObject *obj = get_string_attr(exc, &UERR(exc)->object, "object", bytes);
    if (!obj) {
        return -1;
    }
    Py_ssize_t size = bytes ? PyBytes_GET_SIZE(obj) : PyUnicode_GET_LENGTH(obj);
    Py_DECREF(obj);
    return size;
}

static int
unicode_error_get_start(PyObject *exc, Py_ssize_t *start, int bytes)
{
    Py_ssize_t size = unicode_error_object_len(exc, bytes);
    if (size < 0) {
        return -1;
    }
    *start = FT_ATOMIC_LOAD_SSIZE_RELAXED(UERR(exc)->start);
    if (*start < 0) {
        *start = 0;
    }
    if (*start >= size) {
        *start = size == 0 ? 0 : size - 1;
    }
    return 0;
}

static int
unicode_error_get_end(PyObject *exc, Py_ssize_t *end, int bytes)
{
    Py_ssize_t size = unicode_error_object_len(exc, bytes);
    if (size < 0) {
        return -1;
    }
    *end = FT_ATOMIC_LOAD_SSIZE_RELAXED(UERR(exc)->end);
    if (*end < 1) {
        *end = 1;
    }
    if (*end > size) {
        *end = size;
    }
    return 0;
}

PyObject *
PyUnicodeEncodeError_GetEncoding(PyObject *exc)
{
    return get_string_attr(exc, &UERR(exc)->encoding, "encoding", 0);
}

PyObject *
PyUnicodeDecodeError_GetEncoding(PyObject *exc)
{
    return get_string_attr(exc, &UERR(exc)->encoding, "encoding", 0);
}

PyObject *
PyUnicodeEncodeError_GetObject(PyObject *exc)
{
    return get_string_attr(exc, &UERR(exc)->object, "object", 0);
}

PyObject *
PyUnicodeDecodeError_GetObject(PyObject *exc)
{
    return get_string_attr(exc, &UERR(exc)->object, "object", 1);
}

PyObject *
PyUnicodeTranslateError_GetObject(PyObject *exc)
{
    return get_string_attr(exc, &UERR(exc)->object, "object", 0);
}

int
PyUnicodeEncodeError_GetStart(PyObject *exc, Py_ssize_t *start)
{
    return unicode_error_get_start(exc, start, 0);
}

int
PyUnicodeDecodeError_GetStart(PyObject *exc, Py_ssize_t *start)
{
    return unicode_error_get_start(exc, start, 1);
}

int
PyUnicodeTranslateError_GetStart(PyObject *exc, Py_ssize_t *start)
{
    return unicode_error_get_start(exc, start, 0);
}

int
PyUnicodeEncodeError_SetStart(PyObject *exc, Py_ssize_t start)
{
    FT_ATOMIC_STORE_SSIZE_RELAXED(UERR(exc)->start, start);
    return 0;
}

int
PyUnicodeDecodeError_SetStart(PyObject *exc, Py_ssize_t start)
{
    FT_ATOMIC_STORE_SSIZE_RELAXED(UERR(exc)->start, start);
    return 0;
}

int
PyUnicodeTranslateError_SetStart(PyObject *exc, Py_ssize_t start)
{
    FT_ATOMIC_STORE_SSIZE_RELAXED(UERR(exc)->start, start);
    return 0;
}

int
PyUnicodeEncodeError_GetEnd(PyObject *exc, Py_ssize_t *end)
{
    return unicode_error_get_end(exc, end, 0);
}

int
PyUnicodeDecodeError_GetEnd(PyObject *exc, Py_ssize_t *end)
{
    return unicode_error_get_end(exc, end, 1);
}

int
PyUnicodeTranslateError_GetEnd(PyObject *exc, Py_ssize_t *end)
{
    return unicode_error_get_end(exc, end, 0);
}

int
PyUnicodeEncodeError_SetEnd(PyObject *exc, Py_ssize_t end)
{
    FT_ATOMIC_STORE_SSIZE_RELAXED(UERR(exc)->end, end);
    return 0;
}

int
PyUnicodeDecodeError_SetEnd(PyObject *exc, Py_ssize_t end)
{
    FT_ATOMIC_STORE_SSIZE_RELAXED(UERR(exc)->end, end);
    return 0;
}

int
PyUnicodeTranslateError_SetEnd(PyObject *exc, Py_ssize_t end)
{
    FT_ATOMIC_STORE_SSIZE_RELAXED(UERR(exc)->end, end);
    return 0;
}

PyObject *
PyUnicodeEncodeError_GetReason(PyObject *exc)
{
    return get_string_attr(exc, &UERR(exc)->reason, "reason", 0);
}

PyObject *
PyUnicodeDecodeError_GetReason(PyObject *exc)
{
    return get_string_attr(exc, &UERR(exc)->reason, "reason", 0);
}

PyObject *
PyUnicodeTranslateError_GetReason(PyObject *exc)
{
    return get_string_attr(exc, &UERR(exc)->reason, "reason", 0);
}

int
PyUnicodeEncodeError_SetReason(PyObject *exc, const char *reason)
{
    return set_unicodefromstring(exc, &UERR(exc)->reason, reason);
}

int
PyUnicodeDecodeError_SetReason(PyObject *exc, const char *reason)
{
    return set_unicodefromstring(exc, &UERR(exc)->reason, reason);
}

int
PyUnicodeTranslateError_SetReason(PyObject *exc, const char *reason)
{
    return set_unicodefromstring(exc, &UERR(exc)->reason, reason);
}

static int
UnicodeError_clear(PyObject *op)
{
    PyUnicodeErrorObject *self = UERR(op);
    Py_CLEAR(self->encoding);
    Py_CLEAR(self->object);
    Py_CLEAR(self->reason);
    return BaseException_clear(op);
}

static void
UnicodeError_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    UnicodeError_clear(op);
    Py_TYPE(op)->tp_free(op);
}

static int
UnicodeError_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyUnicodeErrorObject *self = UERR(op);
    Py_VISIT(self->encoding);
    Py_VISIT(self->object);
    Py_VISIT(self->reason);
    return BaseException_traverse(op, visit, arg);
}

static PyMemberDef UnicodeError_members[] = {
    {"encoding", _Py_T_OBJECT, offsetof(PyUnicodeErrorObject, encoding), 0, "exception encoding"},
    {"object", _Py_T_OBJECT, offsetof(PyUnicodeErrorObject, object), 0, "exception object"},
    {"start", Py_T_PYSSIZET, offsetof(PyUnicodeErrorObject, start), 0, "exception start"},
    {"end", Py_T_PYSSIZET, offsetof(PyUnicodeErrorObject, end), 0, "exception end"},
    {"reason", _Py_T_OBJECT, offsetof(PyUnicodeErrorObject, reason), 0, "exception reason"},
    {NULL, 0, 0, 0, NULL},
};

/* Parse (str encoding, object, int start, int end, str reason) into the fields; object_kind:
 * 0 str, 1 bytes-like (converted to bytes). */
static int
unicode_error_init_fields(PyObject *op, PyObject *args, int has_encoding, int object_kind)
{
    PyUnicodeErrorObject *self = UERR(op);
    Py_ssize_t expected = has_encoding ? 5 : 4;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    const char *name = exc_type_name(op);
    if (n != expected) {
        PyErr_Format(PyExc_TypeError, "function takes exactly %zd arguments (%zd given)",
                     expected, n);
        return -1;
    }
    Py_ssize_t i = 0;
    PyObject *encoding = NULL;
    if (has_encoding) {
        encoding = PyTuple_GET_ITEM(args, i++);
        if (!PyUnicode_Check(encoding)) {
            PyErr_Format(PyExc_TypeError, "%s() argument 1 must be str, not %.200s", name,
                         Py_TYPE(encoding)->tp_name);
            return -1;
        }
    }
    PyObject *object = PyTuple_GET_ITEM(args, i++);
    if (object_kind == 0) {
        if (!PyUnicode_Check(object)) {
            PyErr_Format(PyExc_TypeError, "%s() argument %zd must be str, not %.200s", name, i,
                         Py_TYPE(object)->tp_name);
            return -1;
        }
        Py_INCREF(object);
    }
    else {
        if (PyBytes_Check(object)) {
            Py_INCREF(object);
        }
        else {
            Py_buffer view;
            if (PyObject_GetBuffer(object, &view, PyBUF_SIMPLE) != 0) {
                return -1;
            }
            object = PyBytes_FromStringAndSize(view.buf, view.len);
            PyBuffer_Release(&view);
            if (object == NULL) {
                return -1;
            }
        }
    }
    Py_ssize_t start = PyNumber_AsSsize_t(PyTuple_GET_ITEM(args, i++), NULL);
    if (start == -1 && PyErr_Occurred()) {
        Py_DECREF(object);
        return -1;
    }
    Py_ssize_t end = PyNumber_AsSsize_t(PyTuple_GET_ITEM(args, i++), NULL);
    if (end == -1 && PyErr_Occurred()) {
        Py_DECREF(object);
        return -1;
    }
    PyObject *reason = PyTuple_GET_ITEM(args, i++);
    if (!PyUnicode_Check(reason)) {
        Py_DECREF(object);
        PyErr_Format(PyExc_TypeError, "%s() argument %zd must be str, not %.200s", name, i,
                     Py_TYPE(reason)->tp_name);
        return -1;
    }
    EXC_SETREF(self, encoding, Py_XNewRef(encoding));
    EXC_SETREF(self, object, object);
    Py_BEGIN_CRITICAL_SECTION(op);    /* __str__ reads them under it */
    FT_ATOMIC_STORE_SSIZE_RELAXED(self->start, start);   /* member setters race with it */
    FT_ATOMIC_STORE_SSIZE_RELAXED(self->end, end);
    Py_END_CRITICAL_SECTION();
    EXC_SETREF(self, reason, Py_NewRef(reason));
    return 0;
}

static int
UnicodeEncodeError_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init(self, args, kwds) == -1) {
        return -1;
    }
    return unicode_error_init_fields(self, args, 1, 0);
}

static int
UnicodeDecodeError_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init(self, args, kwds) == -1) {
        return -1;
    }
    return unicode_error_init_fields(self, args, 1, 1);
}

static int
UnicodeTranslateError_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init(self, args, kwds) == -1) {
        return -1;
    }
    return unicode_error_init_fields(self, args, 0, 0);
}

/* "'\\x%02x'", "'\\u%04x'" or "'\\U%08x'" for a character. */
static void
format_char_escape(char *buf, size_t size, Py_UCS4 c)
{
    if (c <= 0xff) {
        snprintf(buf, size, "\\x%02x", (unsigned int)c);
    }
    else if (c <= 0xffff) {
        snprintf(buf, size, "\\u%04x", (unsigned int)c);
    }
    else {
        snprintf(buf, size, "\\U%08x", (unsigned int)c);
    }
}

/* What UnicodeError's __str__ formats: new references to the object and to str() of the
 * reason and (when encoding_str is not NULL) of the encoding, with start and end, all read
 * under the exception's section.  Returns 0, with *object NULL (and nothing else set) when the
 * exception has no object, or -1 with an exception. */
static int
unicode_error_str_parts(PyObject *op, PyObject **object, PyObject **reason_str,
                        PyObject **encoding_str, Py_ssize_t *start, Py_ssize_t *end)
{
    PyUnicodeErrorObject *exc = UERR(op);
    PyObject *reason, *encoding;
    Py_BEGIN_CRITICAL_SECTION(op);
    *object = Py_XNewRef(exc->object);
    reason = Py_NewRef(exc->reason != NULL ? exc->reason : Py_None);
    encoding = Py_NewRef(exc->encoding != NULL ? exc->encoding : Py_None);
    *start = FT_ATOMIC_LOAD_SSIZE_RELAXED(exc->start);   /* member setters take no lock */
    *end = FT_ATOMIC_LOAD_SSIZE_RELAXED(exc->end);
    Py_END_CRITICAL_SECTION();
    int status = 0;
    if (*object != NULL) {
        *reason_str = PyObject_Str(reason);
        if (*reason_str == NULL) {
            status = -1;
        }
        else if (encoding_str != NULL) {
            *encoding_str = PyObject_Str(encoding);
            if (*encoding_str == NULL) {
                Py_CLEAR(*reason_str);
                status = -1;
            }
        }
        if (status < 0) {
            Py_CLEAR(*object);
        }
    }
    Py_DECREF(reason);
    Py_DECREF(encoding);
    return status;
}

static PyObject *
UnicodeEncodeError_str(PyObject *op)
{
    PyObject *object, *reason_str, *encoding_str, *result;
    Py_ssize_t start, end;
    if (unicode_error_str_parts(op, &object, &reason_str, &encoding_str, &start, &end) < 0) {
        return NULL;
    }
    if (object == NULL) {
        return PyUnicode_FromString("");
    }
    Py_ssize_t len = PyUnicode_Check(object) ? PyUnicode_GET_LENGTH(object) : 0;
    if (start < len && end == start + 1) {
        char buf[16];
        format_char_escape(buf, sizeof(buf), PyUnicode_ReadChar(object, start));
        result = PyUnicode_FromFormat("'%U' codec can't encode character '%s' in position %zd: %U",
                                      encoding_str, buf, start, reason_str);
    }
    else {
        result = PyUnicode_FromFormat("'%U' codec can't encode characters in position %zd-%zd: %U",
                                      encoding_str, start, end - 1, reason_str);
    }
    Py_DECREF(object);
    Py_DECREF(reason_str);
    Py_DECREF(encoding_str);
    return result;
}

static PyObject *
UnicodeDecodeError_str(PyObject *op)
{
    PyObject *object, *reason_str, *encoding_str, *result;
    Py_ssize_t start, end;
    if (unicode_error_str_parts(op, &object, &reason_str, &encoding_str, &start, &end) < 0) {
        return NULL;
    }
    if (object == NULL) {
        return PyUnicode_FromString("");
    }
    Py_ssize_t len = PyBytes_Check(object) ? PyBytes_GET_SIZE(object) : 0;
    if (start < len && end == start + 1) {
        int byte = ((unsigned char *)PyBytes_AS_STRING(object))[start];
        result = PyUnicode_FromFormat("'%U' codec can't decode byte 0x%02x in position %zd: %U",
                                      encoding_str, byte, start, reason_str);
    }
    else {
        result = PyUnicode_FromFormat("'%U' codec can't decode bytes in position %zd-%zd: %U",
                                      encoding_str, start, end - 1, reason_str);
    }
    Py_DECREF(object);
    Py_DECREF(reason_str);
    Py_DECREF(encoding_str);
    return result;
}

static PyObject *
UnicodeTranslateError_str(PyObject *op)
{
    PyObject *object, *reason_str, *result;
    Py_ssize_t start, end;
    if (unicode_error_str_parts(op, &object, &reason_str, NULL, &start, &end) < 0) {
        return NULL;
    }
    if (object == NULL) {
        return PyUnicode_FromString("");
    }
    Py_ssize_t len = PyUnicode_Check(object) ? PyUnicode_GET_LENGTH(object) : 0;
    if (start < len && end == start + 1) {
        char buf[16];
        format_char_escape(buf, sizeof(buf), PyUnicode_ReadChar(object, start));
        result = PyUnicode_FromFormat("can't translate character '%s' in position %zd: %U", buf,
                                      start, reason_str);
    }
    else {
        result = PyUnicode_FromFormat("can't translate characters in position %zd-%zd: %U",
                                      start, end - 1, reason_str);
    }
    Py_DECREF(object);
    Py_DECREF(reason_str);
    return result;
}

#define UnicodeErrorSubclass(EXCNAME, EXCINIT, EXCSTR, EXCDOC)                                \
    PyTypeObject _PyExc_##EXCNAME = {                                                         \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                                \
        .tp_name = #EXCNAME,                                                                  \
        .tp_basicsize = sizeof(PyUnicodeErrorObject),                                         \
        .tp_dealloc = UnicodeError_dealloc,                                                   \
        .tp_repr = BaseException_repr,                                                        \
        .tp_str = EXCSTR,                                                                     \
        .tp_getattro = PyObject_GenericGetAttr,                                               \
        .tp_setattro = PyObject_GenericSetAttr,                                               \
        .tp_flags = EXC_FLAGS,                                                                \
        .tp_doc = EXCDOC,                                                                     \
        .tp_traverse = UnicodeError_traverse,                                                 \
        .tp_clear = UnicodeError_clear,                                                       \
        .tp_members = UnicodeError_members,                                                   \
        .tp_base = &_PyExc_UnicodeError,                                                      \
        .tp_dictoffset = offsetof(PyUnicodeErrorObject, dict),                                \
        .tp_init = EXCINIT,                                                                   \
        .tp_alloc = PyType_GenericAlloc,                                                      \
        .tp_new = BaseException_new,                                                          \
        .tp_free = PyObject_GC_Del,                                                           \
    };                                                                                        \
    _Py_REGISTER_STATIC_TYPE(_PyExc_##EXCNAME);                                               \
    PyObject *PyExc_##EXCNAME = (PyObject *)&_PyExc_##EXCNAME

UnicodeErrorSubclass(UnicodeEncodeError, UnicodeEncodeError_init, UnicodeEncodeError_str,
                     "Unicode encoding error.");
UnicodeErrorSubclass(UnicodeDecodeError, UnicodeDecodeError_init, UnicodeDecodeError_str,
                     "Unicode decoding error.");
UnicodeErrorSubclass(UnicodeTranslateError, UnicodeTranslateError_init,
                     UnicodeTranslateError_str, "Unicode translation error.");

PyObject *
PyUnicodeDecodeError_Create(const char *encoding, const char *object, Py_ssize_t length,
                            Py_ssize_t start, Py_ssize_t end, const char *reason)
{
    return PyObject_CallFunction(PyExc_UnicodeDecodeError, "sy#nns", encoding, object, length,
                                 start, end, reason);
}

/* ---- the rest of the hierarchy ------------------------------------------------------------- */

SimpleExtendsException(Exception, AssertionError, "Assertion failed.");
SimpleExtendsException(Exception, ArithmeticError, "Base class for arithmetic errors.");
SimpleExtendsException(ArithmeticError, FloatingPointError, "Floating-point operation failed.");
SimpleExtendsException(ArithmeticError, OverflowError, "Result too large to be represented.");
SimpleExtendsException(ArithmeticError, ZeroDivisionError,
                       "Second argument to a division or modulo operation was zero.");
SimpleExtendsException(Exception, SystemError,
                       "Internal error in the Python interpreter.\n\n"
                       "Please report this to the Python maintainer, along with the traceback,\n"
                       "the Python version, and the hardware/OS platform and version.");
SimpleExtendsException(Exception, ReferenceError, "Weak ref proxy used after referent went away.");
SimpleExtendsException(Exception, MemoryError, "Out of memory.");
SimpleExtendsException(Exception, BufferError, "Buffer error.");

SimpleExtendsException(Exception, Warning, "Base class for warning categories.");
SimpleExtendsException(Warning, UserWarning, "Base class for warnings generated by user code.");
SimpleExtendsException(Warning, DeprecationWarning,
                       "Base class for warnings about deprecated features.");
SimpleExtendsException(Warning, PendingDeprecationWarning,
                       "Base class for warnings about features which will be deprecated\n"
                       "in the future.");
SimpleExtendsException(Warning, SyntaxWarning, "Base class for warnings about dubious syntax.");
SimpleExtendsException(Warning, RuntimeWarning,
                       "Base class for warnings about dubious runtime behavior.");
SimpleExtendsException(Warning, FutureWarning,
                       "Base class for warnings about constructs that will change semantically\n"
                       "in the future.");
SimpleExtendsException(Warning, ImportWarning,
                       "Base class for warnings about probable mistakes in module imports");
SimpleExtendsException(Warning, UnicodeWarning,
                       "Base class for warnings about Unicode related problems, mostly\n"
                       "related to conversion problems.");
SimpleExtendsException(Warning, BytesWarning,
                       "Base class for warnings about bytes and buffer related problems, mostly\n"
                       "related to conversion from str or comparing to str.");
SimpleExtendsException(Warning, EncodingWarning,
                       "Base class for warnings about encodings.");
SimpleExtendsException(Warning, ResourceWarning,
                       "Base class for warnings about resource usage.");

/* ---- creation helper for Python/errors.c --------------------------------------------------- */

/* Call exc_type(*args) (args a tuple, or NULL for no arguments); new reference. */
PyObject *
_PyExc_CreateWithArgs(PyObject *exc_type, PyObject *args)
{
    if (args == NULL) {
        return PyObject_CallNoArgs(exc_type);
    }
    return PyObject_Call(exc_type, args, NULL);
}

/* ---- start-up ------------------------------------------------------------------------------ */

/* ExceptionGroup has two bases (BaseExceptionGroup, Exception); a static type cannot say so in
 * its initializer, so it is readied here (before the builtins are filled). */
static int
init_exception_group(void)
{
    if (_PyExc_ExceptionGroup.tp_flags & Py_TPFLAGS_READY) {
        return 0;
    }
    PyObject *bases = PyTuple_Pack(2, PyExc_BaseExceptionGroup, PyExc_Exception);
    if (bases == NULL) {
        return -1;
    }
    _PyExc_ExceptionGroup.tp_bases = bases;
    if (PyType_Ready(&_PyExc_ExceptionGroup) < 0) {
        return -1;
    }
    return 0;
}

int
_PyBuiltins_AddExceptions(PyObject *bltinmod)
{
    if (init_exception_group() < 0) {
        return -1;
    }
    PyObject *mod_dict = PyModule_GetDict(bltinmod);
    if (mod_dict == NULL) {
        return -1;
    }
#define ADD(NAME)                                                                             \
    do {                                                                                      \
        if (PyDict_SetItemString(mod_dict, #NAME, PyExc_##NAME) < 0) {                        \
            return -1;                                                                        \
        }                                                                                     \
    } while (0)
    ADD(BaseException);
    ADD(Exception);
    ADD(BaseExceptionGroup);
    ADD(ExceptionGroup);
    ADD(TypeError);
    ADD(StopAsyncIteration);
    ADD(StopIteration);
    ADD(GeneratorExit);
    ADD(SystemExit);
    ADD(KeyboardInterrupt);
    ADD(ImportError);
    ADD(ModuleNotFoundError);
    ADD(OSError);
    ADD(EnvironmentError);
    ADD(IOError);
    ADD(EOFError);
    ADD(RuntimeError);
    ADD(RecursionError);
    ADD(NotImplementedError);
    ADD(PythonFinalizationError);
    ADD(NameError);
    ADD(UnboundLocalError);
    ADD(AttributeError);
    ADD(SyntaxError);
    ADD(_IncompleteInputError);
    ADD(IndentationError);
    ADD(TabError);
    ADD(LookupError);
    ADD(IndexError);
    ADD(KeyError);
    ADD(ValueError);
    ADD(UnicodeError);
    ADD(UnicodeEncodeError);
    ADD(UnicodeDecodeError);
    ADD(UnicodeTranslateError);
    ADD(AssertionError);
    ADD(ArithmeticError);
    ADD(FloatingPointError);
    ADD(OverflowError);
    ADD(ZeroDivisionError);
    ADD(SystemError);
    ADD(ReferenceError);
    ADD(MemoryError);
    ADD(BufferError);
    ADD(Warning);
    ADD(UserWarning);
    ADD(EncodingWarning);
    ADD(DeprecationWarning);
    ADD(PendingDeprecationWarning);
    ADD(SyntaxWarning);
    ADD(RuntimeWarning);
    ADD(FutureWarning);
    ADD(ImportWarning);
    ADD(UnicodeWarning);
    ADD(BytesWarning);
    ADD(ResourceWarning);
    ADD(ConnectionError);
    ADD(BlockingIOError);
    ADD(BrokenPipeError);
    ADD(ChildProcessError);
    ADD(ConnectionAbortedError);
    ADD(ConnectionRefusedError);
    ADD(ConnectionResetError);
    ADD(FileExistsError);
    ADD(FileNotFoundError);
    ADD(IsADirectoryError);
    ADD(NotADirectoryError);
    ADD(InterruptedError);
    ADD(PermissionError);
    ADD(ProcessLookupError);
    ADD(TimeoutError);
#undef ADD
    return 0;
}
