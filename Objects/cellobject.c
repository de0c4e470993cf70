/* Cell objects: the shared boxes of closure variables.
 *
 * Free-threaded build: ob_ref is read and replaced under the cell's own lock (critical
 * section), so a reader always gets a reference to an object that is still alive. */

#include "Python.h"

PyObject *
PyCell_New(PyObject *obj)
{
    PyCellObject *op = PyObject_GC_New(PyCellObject, &PyCell_Type);
    if (op == NULL) {
        return NULL;
    }
    op->ob_ref = Py_XNewRef(obj);
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

PyObject *
PyCell_Get(PyObject *op)
{
    if (!PyCell_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *value;
    Py_BEGIN_CRITICAL_SECTION(op);
    value = Py_XNewRef(((PyCellObject *)op)->ob_ref);
    Py_END_CRITICAL_SECTION();
    return value;
}

int
PyCell_Set(PyObject *op, PyObject *value)
{
    if (!PyCell_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject *old;
    Py_XINCREF(value);
    Py_BEGIN_CRITICAL_SECTION(op);
    old = ((PyCellObject *)op)->ob_ref;
    ((PyCellObject *)op)->ob_ref = value;
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
    return 0;
}

static void
cell_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(((PyCellObject *)self)->ob_ref);
    PyObject_GC_Del(self);
}

static PyObject *
cell_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *obj = NULL;
    if (kwargs != NULL && PyDict_Check(kwargs) && PyDict_GET_SIZE(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "cell() takes no keyword arguments");
        return NULL;
    }
    if (!PyArg_UnpackTuple(args, "cell", 0, 1, &obj)) {
        return NULL;
    }
    return PyCell_New(obj);
}

static PyObject *
cell_richcompare(PyObject *a, PyObject *b, int op)
{
    /* neither argument should be NULL, unless something's gone wrong */
    if (!PyCell_Check(a) || !PyCell_Check(b)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *x = PyCell_Get(a);
    PyObject *y = PyCell_Get(b);
    PyObject *res;
    /* compare cells by contents; empty cells come before anything else */
    if (x != NULL && y != NULL) {
        res = PyObject_RichCompare(x, y, op);
    }
    else {
        int cx = x != NULL, cy = y != NULL;
        int r;
        switch (op) {
        case Py_LT: r = cx < cy; break;
        case Py_LE: r = cx <= cy; break;
        case Py_EQ: r = cx == cy; break;
        case Py_NE: r = cx != cy; break;
        case Py_GT: r = cx > cy; break;
        default: r = cx >= cy; break;
        }
        res = Py_NewRef(r ? Py_True : Py_False);
    }
    Py_XDECREF(x);
    Py_XDECREF(y);
    return res;
}

static PyObject *
cell_repr(PyObject *self)
{
    PyObject *ref = PyCell_Get(self);
    PyObject *res;
    if (ref == NULL) {
        return PyUnicode_FromFormat("<cell at %p: empty>", self);
    }
    res = PyUnicode_FromFormat("<cell at %p: %.80s object at %p>", self, Py_TYPE(ref)->tp_name,
                               ref);
    Py_DECREF(ref);
    return res;
}

static int
cell_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((PyCellObject *)self)->ob_ref);
    return 0;
}

static int
cell_clear(PyObject *self)
{
    Py_CLEAR(((PyCellObject *)self)->ob_ref);
    return 0;
}

static PyObject *
cell_get_contents(PyObject *self, void *closure)
{
    PyObject *ref = PyCell_Get(self);
    if (ref == NULL) {
        PyErr_SetString(PyExc_ValueError, "Cell is empty");
        return NULL;
    }
    return ref;
}

static int
cell_set_contents(PyObject *self, PyObject *obj, void *closure)
{
    return PyCell_Set(self, obj);
}

static PyGetSetDef cell_getsetlist[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyCell_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "cell",
    .tp_basicsize = sizeof(PyCellObject),
    .tp_dealloc = cell_dealloc,
    .tp_repr = cell_repr,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "cell([contents])\n--\n\nCreate a new cell object.\n\n  contents\n"
              "    the contents of the cell. If not specified, the cell will be empty,\n"
              "    and \n further attempts to access its cell_contents attribute will\n"
              "    raise a ValueError.",
    .tp_traverse = cell_traverse,
    .tp_clear = cell_clear,
    .tp_richcompare = cell_richcompare,
    .tp_getset = cell_getsetlist,
    .tp_new = cell_new,
};
_Py_REGISTER_STATIC_TYPE(PyCell_Type);
