/* Test extension (CPython 3.13 API): an object whose two fields must stay consistent under
 * concurrent updates, protected by Py_BEGIN_CRITICAL_SECTION(2), a module-level counter
 * protected by a PyMutex, and the strong-reference APIs new in 3.13. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyMutex lock;               /* protects `count` */
    long count;
    PyObject *account_type;
} module_state;

/* An Account keeps `left + right == total` and `ops` == the number of moves made; both
 * fields are plain (non-atomic) memory, consistent only because every access holds the
 * object's critical section. */
typedef struct {
    PyObject_HEAD
    long left;
    long right;
    long ops;
} AccountObject;

static int
Account_init(AccountObject *self, PyObject *args, PyObject *kwargs)
{
    long total = 0;
    if (!PyArg_ParseTuple(args, "|l:Account", &total)) {
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    self->left = total;
    self->right = 0;
    self->ops = 0;
    Py_END_CRITICAL_SECTION();
    return 0;
}

/* Move n from left to right, in two steps with a window between them. */
static PyObject *
Account_move(AccountObject *self, PyObject *arg)
{
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    long left = self->left;
    long ops = self->ops;
    for (volatile int spin = 0; spin < 50; spin++) {
    }
    self->left = left - n;
    self->right += n;
    self->ops = ops + 1;
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

/* Move n from self.left to other.left, holding both objects' critical sections. */
static PyObject *
Account_transfer(AccountObject *self, PyObject *args)
{
    PyObject *other_obj;
    long n;
    if (!PyArg_ParseTuple(args, "O!l:transfer", Py_TYPE(self), &other_obj, &n)) {
        return NULL;
    }
    AccountObject *other = (AccountObject *)other_obj;
    Py_BEGIN_CRITICAL_SECTION2(self, other);
    long mine = self->left;
    long theirs = other->left;
    for (volatile int spin = 0; spin < 50; spin++) {
    }
    self->left = mine - n;
    other->left = theirs + n;
    self->ops++;
    if (other != self) {
        other->ops++;
    }
    Py_END_CRITICAL_SECTION2();
    Py_RETURN_NONE;
}

/* (left, right, ops), read consistently. */
static PyObject *
Account_snapshot(AccountObject *self, PyObject *unused)
{
    long left, right, ops;
    Py_BEGIN_CRITICAL_SECTION(self);
    left = self->left;
    right = self->right;
    ops = self->ops;
    Py_END_CRITICAL_SECTION();
    return Py_BuildValue("(lll)", left, right, ops);
}

static int
Account_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    return 0;
}

static void
Account_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyMethodDef Account_methods[] = {
    {"move", (PyCFunction)Account_move, METH_O, NULL},
    {"transfer", (PyCFunction)Account_transfer, METH_VARARGS, NULL},
    {"snapshot", (PyCFunction)Account_snapshot, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Account_slots[] = {
    {Py_tp_init, Account_init},
    {Py_tp_methods, Account_methods},
    {Py_tp_traverse, Account_traverse},
    {Py_tp_dealloc, Account_dealloc},
    {0, NULL},
};

static PyType_Spec Account_spec = {
    .name = "ext_critical.Account",
    .basicsize = sizeof(AccountObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = Account_slots,
};

/* ---- the PyMutex-protected module counter ---- */

static PyObject *
increment(PyObject *module, PyObject *arg)
{
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    module_state *state = PyModule_GetState(module);
    for (long i = 0; i < n; i++) {
        PyMutex_Lock(&state->lock);
        long count = state->count;
        for (volatile int spin = 0; spin < 10; spin++) {
        }
        state->count = count + 1;
        PyMutex_Unlock(&state->lock);
    }
    Py_RETURN_NONE;
}

static PyObject *
count(PyObject *module, PyObject *unused)
{
    module_state *state = PyModule_GetState(module);
    PyMutex_Lock(&state->lock);
    long value = state->count;
    PyMutex_Unlock(&state->lock);
    return PyLong_FromLong(value);
}

/* ---- strong-reference APIs (3.13) ---- */

/* (d.get(key) via PyDict_GetItemRef, the found flag, lst[i] via PyList_GetItemRef,
 *  sys module via PyImport_AddModuleRef is sys) */
static PyObject *
strong_refs(PyObject *module, PyObject *args)
{
    PyObject *d, *key, *lst;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "O!OO!n:strong_refs", &PyDict_Type, &d, &key,
                          &PyList_Type, &lst, &i)) {
        return NULL;
    }
    PyObject *value;
    int found = PyDict_GetItemRef(d, key, &value);
    if (found < 0) {
        return NULL;
    }
    PyObject *item = PyList_GetItemRef(lst, i);
    if (item == NULL) {
        Py_XDECREF(value);
        return NULL;
    }
    PyObject *sys = PyImport_AddModuleRef("sys");
    if (sys == NULL) {
        Py_XDECREF(value);
        Py_DECREF(item);
        return NULL;
    }
    PyObject *sys_name = PyObject_GetAttrString(sys, "__name__");
    Py_DECREF(sys);
    if (sys_name == NULL) {
        Py_XDECREF(value);
        Py_DECREF(item);
        return NULL;
    }
    return Py_BuildValue("(NiNN)", value ? value : Py_NewRef(Py_None), found, item, sys_name);
}

static PyMethodDef methods[] = {
    {"increment", increment, METH_O, NULL},
    {"count", count, METH_NOARGS, NULL},
    {"strong_refs", strong_refs, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int
module_exec(PyObject *module)
{
    module_state *state = PyModule_GetState(module);
    state->lock = (PyMutex){0};
    state->count = 0;
    state->account_type = PyType_FromModuleAndSpec(module, &Account_spec, NULL);
    if (state->account_type == NULL) {
        return -1;
    }
    return PyModule_AddType(module, (PyTypeObject *)state->account_type);
}

static int
module_traverse(PyObject *module, visitproc visit, void *arg)
{
    module_state *state = PyModule_GetState(module);
    Py_VISIT(state->account_type);
    return 0;
}

static int
module_clear(PyObject *module)
{
    module_state *state = PyModule_GetState(module);
    Py_CLEAR(state->account_type);
    return 0;
}

static PyModuleDef_Slot slots[] = {
    {Py_mod_exec, module_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "ext_critical",
    .m_size = sizeof(module_state),
    .m_methods = methods,
    .m_slots = slots,
    .m_traverse = module_traverse,
    .m_clear = module_clear,
};

PyMODINIT_FUNC
PyInit_ext_critical(void)
{
    return PyModuleDef_Init(&module_def);
}
