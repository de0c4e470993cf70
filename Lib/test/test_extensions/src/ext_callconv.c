/* Test extension: one function per calling convention, a module-level exception, module
 * state and a GC-tracked heap type made with PyType_FromModuleAndSpec.
 *
 * Uses no API newer than CPython 3.11, so that it also builds against CPython 3.11's headers
 * (test_cpython311 compares the behaviour); Py_mod_gil is declared where it exists. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>   /* T_LONG: the spelling CPython 3.11 knows */

typedef struct {
    PyObject *error;            /* ext_callconv.Error */
    PyObject *counter_type;     /* ext_callconv.Counter */
} module_state;

/* Counters deallocated so far (process-wide; atomic: any thread may deallocate). */
static _Atomic long deallocs;

static module_state *
get_state(PyObject *module)
{
    return (module_state *)PyModule_GetState(module);
}

/* ---- functions: one per calling convention ---- */

static PyObject *
noargs(PyObject *module, PyObject *unused)
{
    return PyUnicode_FromString("noargs");
}

static PyObject *
onearg(PyObject *module, PyObject *arg)
{
    return Py_BuildValue("(sO)", "onearg", arg);
}

static PyObject *
varargs(PyObject *module, PyObject *args)
{
    int number;
    const char *text = "default";
    double real = 1.5;
    if (!PyArg_ParseTuple(args, "i|sd:varargs", &number, &text, &real)) {
        return NULL;
    }
    return Py_BuildValue("(isd)", number, text, real);
}

static PyObject *
keywords(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *names[] = {"a", "b", "c", NULL};
    long a;
    long b = 2;
    PyObject *c = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "l|l$O:keywords", names, &a, &b, &c)) {
        return NULL;
    }
    return Py_BuildValue("(llO)", a, b, c);
}

static PyObject *
fastcall(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    long total = 0;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        long v = PyLong_AsLong(args[i]);
        if (v == -1 && PyErr_Occurred()) {
            return NULL;
        }
        total += v;
    }
    return PyLong_FromLong(total);
}

static PyObject *
fastcall_keywords(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                  PyObject *kwnames)
{
    PyObject *positional = PyTuple_New(nargs);
    if (positional == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        Py_INCREF(args[i]);
        PyTuple_SET_ITEM(positional, i, args[i]);
    }
    PyObject *named = PyDict_New();
    if (named == NULL) {
        Py_DECREF(positional);
        return NULL;
    }
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    for (Py_ssize_t i = 0; i < nkw; i++) {
        if (PyDict_SetItem(named, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0) {
            Py_DECREF(positional);
            Py_DECREF(named);
            return NULL;
        }
    }
    return Py_BuildValue("(NN)", positional, named);
}

static PyObject *
unpack(PyObject *module, PyObject *args)
{
    PyObject *first, *second = NULL;
    if (!PyArg_UnpackTuple(args, "unpack", 1, 2, &first, &second)) {
        return NULL;
    }
    return Py_BuildValue("(OO)", first, second ? second : Py_None);
}

static PyObject *
raise_error(PyObject *module, PyObject *arg)
{
    PyErr_SetObject(get_state(module)->error, arg);
    return NULL;
}

/* d[key] = value; steals the reference to value (which may be NULL: an error is pending).
 * 0 or -1. */
static int
set_new(PyObject *d, const char *key, PyObject *value)
{
    if (value == NULL) {
        return -1;
    }
    int res = PyDict_SetItemString(d, key, value);
    Py_DECREF(value);
    return res;
}

/* Exercise the concrete-type APIs; return a dict of results. */
static PyObject *
concrete(PyObject *module, PyObject *unused)
{
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
    PyObject *list = Py_BuildValue("[iii]", 3, 1, 2);
    PyObject *tuple = list ? PyList_AsTuple(list) : NULL;
    PyObject *set = list ? PySet_New(list) : NULL;
    PyObject *text = PyUnicode_FromString("h\xc3\xa9llo");
    PyObject *bytes = PyBytes_FromStringAndSize("ab\0c", 4);
    PyObject *big = PyLong_FromString("123456789012345678901234567890", NULL, 10);
    PyObject *cpx = PyComplex_FromDoubles(1.0, -2.0);
    int ok = list && tuple && set && text && bytes && big && cpx;
    if (ok) {
        const char *utf8 = PyUnicode_AsUTF8(text);
        ok = utf8 != NULL && PyList_Sort(list) == 0 && PyList_Append(list, Py_True) == 0 &&
             PyDict_SetItemString(d, "list", list) == 0 &&
             PyDict_SetItemString(d, "tuple", tuple) == 0 &&
             set_new(d, "set_size", PyLong_FromSsize_t(PySet_Size(set))) == 0 &&
             set_new(d, "text_len", PyLong_FromSsize_t(PyUnicode_GetLength(text))) == 0 &&
             set_new(d, "text_utf8", PyBytes_FromString(utf8)) == 0 &&
             PyDict_SetItemString(d, "bytes", bytes) == 0 &&
             set_new(d, "bytearray", PyByteArray_FromObject(bytes)) == 0 &&
             set_new(d, "big_plus_one", PyNumber_Add(big, Py_True)) == 0 &&
             set_new(d, "float", PyFloat_FromDouble(PyFloat_AsDouble(big) / 1e29)) == 0 &&
             set_new(d, "complex_imag", PyFloat_FromDouble(PyComplex_ImagAsDouble(cpx))) == 0 &&
             set_new(d, "bool", PyBool_FromLong(42)) == 0 &&
             set_new(d, "seq_item", PySequence_GetItem(tuple, -1)) == 0 &&
             set_new(d, "mapping_keys", PyMapping_Keys(d)) == 0;
    }
    Py_XDECREF(list);
    Py_XDECREF(tuple);
    Py_XDECREF(set);
    Py_XDECREF(text);
    Py_XDECREF(bytes);
    Py_XDECREF(big);
    Py_XDECREF(cpx);
    if (!ok) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

static PyObject *
dealloc_count(PyObject *module, PyObject *unused)
{
    return PyLong_FromLong(deallocs);
}

/* ---- the Counter heap type (GC: holds a reference to any object in .payload) ---- */

typedef struct {
    PyObject_HEAD
    long value;
    PyObject *payload;
} CounterObject;

static int
Counter_init(CounterObject *self, PyObject *args, PyObject *kwargs)
{
    static char *names[] = {"value", "payload", NULL};
    long value = 0;
    PyObject *payload = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|lO:Counter", names, &value, &payload)) {
        return -1;
    }
    self->value = value;
    Py_INCREF(payload);
    Py_XSETREF(self->payload, payload);
    return 0;
}

static int
Counter_traverse(CounterObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->payload);
    return 0;
}

static int
Counter_clear(CounterObject *self)
{
    Py_CLEAR(self->payload);
    return 0;
}

static void
Counter_dealloc(CounterObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    deallocs++;
    PyObject_GC_UnTrack(self);
    Counter_clear(self);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static PyObject *
Counter_incr(CounterObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    long step = 1;
    if (nargs > 1) {
        PyErr_SetString(PyExc_TypeError, "incr() takes at most 1 argument");
        return NULL;
    }
    if (nargs == 1) {
        step = PyLong_AsLong(args[0]);
        if (step == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    self->value += step;
    return PyLong_FromLong(self->value);
}

static PyObject *
Counter_module_name(CounterObject *self, PyObject *unused)
{
    module_state *state = PyType_GetModuleState(Py_TYPE(self));
    if (state == NULL) {
        return NULL;
    }
    return PyObject_GetAttrString(state->error, "__module__");
}

static PyObject *
Counter_get_payload(CounterObject *self, void *closure)
{
    Py_INCREF(self->payload);
    return self->payload;
}

static int
Counter_set_payload(CounterObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete payload");
        return -1;
    }
    Py_INCREF(value);
    Py_XSETREF(self->payload, value);
    return 0;
}

static PyObject *
Counter_repr(CounterObject *self)
{
    return PyUnicode_FromFormat("Counter(%ld)", self->value);
}

static PyMethodDef Counter_methods[] = {
    {"incr", (PyCFunction)(void (*)(void))Counter_incr, METH_FASTCALL, "add to the value"},
    {"module_name", (PyCFunction)Counter_module_name, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef Counter_members[] = {
    {"value", T_LONG, offsetof(CounterObject, value), 0, "the count"},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef Counter_getset[] = {
    {"payload", (getter)Counter_get_payload, (setter)Counter_set_payload, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot Counter_slots[] = {
    {Py_tp_init, Counter_init},
    {Py_tp_traverse, Counter_traverse},
    {Py_tp_clear, Counter_clear},
    {Py_tp_dealloc, Counter_dealloc},
    {Py_tp_methods, Counter_methods},
    {Py_tp_members, Counter_members},
    {Py_tp_getset, Counter_getset},
    {Py_tp_repr, Counter_repr},
    {Py_tp_doc, "A counter that may hold any object (GC-tracked)."},
    {0, NULL},
};

static PyType_Spec Counter_spec = {
    .name = "ext_callconv.Counter",
    .basicsize = sizeof(CounterObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .slots = Counter_slots,
};

/* ---- the module ---- */

static PyMethodDef module_methods[] = {
    {"noargs", noargs, METH_NOARGS, "METH_NOARGS"},
    {"onearg", onearg, METH_O, "METH_O"},
    {"varargs", varargs, METH_VARARGS, "METH_VARARGS"},
    {"keywords", (PyCFunction)(void (*)(void))keywords, METH_VARARGS | METH_KEYWORDS,
     "METH_VARARGS | METH_KEYWORDS"},
    {"fastcall", (PyCFunction)(void (*)(void))fastcall, METH_FASTCALL, "METH_FASTCALL"},
    {"fastcall_keywords", (PyCFunction)(void (*)(void))fastcall_keywords,
     METH_FASTCALL | METH_KEYWORDS, "METH_FASTCALL | METH_KEYWORDS"},
    {"unpack", unpack, METH_VARARGS, "PyArg_UnpackTuple"},
    {"raise_error", raise_error, METH_O, "raise ext_callconv.Error(arg)"},
    {"concrete", concrete, METH_NOARGS, "concrete-type APIs"},
    {"dealloc_count", dealloc_count, METH_NOARGS, "Counters deallocated"},
    {NULL, NULL, 0, NULL},
};

static int
module_exec(PyObject *module)
{
    module_state *state = get_state(module);
    state->error = PyErr_NewException("ext_callconv.Error", PyExc_ValueError, NULL);
    if (state->error == NULL) {
        return -1;
    }
    Py_INCREF(state->error);
    if (PyModule_AddObject(module, "Error", state->error) < 0) {
        Py_DECREF(state->error);
        return -1;
    }
    state->counter_type = PyType_FromModuleAndSpec(module, &Counter_spec, NULL);
    if (state->counter_type == NULL) {
        return -1;
    }
    if (PyModule_AddType(module, (PyTypeObject *)state->counter_type) < 0) {
        return -1;
    }
    if (PyModule_AddIntConstant(module, "ANSWER", 42) < 0 ||
        PyModule_AddStringConstant(module, "GREETING", "hello") < 0) {
        return -1;
    }
    return 0;
}

static int
module_traverse(PyObject *module, visitproc visit, void *arg)
{
    module_state *state = get_state(module);
    Py_VISIT(state->error);
    Py_VISIT(state->counter_type);
    return 0;
}

static int
module_clear(PyObject *module)
{
    module_state *state = get_state(module);
    Py_CLEAR(state->error);
    Py_CLEAR(state->counter_type);
    return 0;
}

static void
module_free(void *module)
{
    module_clear((PyObject *)module);
}

static PyModuleDef_Slot module_slots[] = {
    {Py_mod_exec, module_exec},
#ifdef Py_mod_gil
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "ext_callconv",
    .m_doc = "Calling conventions and a GC heap type.",
    .m_size = sizeof(module_state),
    .m_methods = module_methods,
    .m_slots = module_slots,
    .m_traverse = module_traverse,
    .m_clear = module_clear,
    .m_free = module_free,
};

PyMODINIT_FUNC
PyInit_ext_callconv(void)
{
    return PyModuleDef_Init(&module_def);
}
