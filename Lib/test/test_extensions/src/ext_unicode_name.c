/* Test extension: built as the module "bücher" (a non-ASCII name).  Its init function is
 * PyInitU_ + the Punycode of the name with '-' replaced by '_' (PEP 489):
 * "bücher" -> "bcher-kva" -> PyInitU_bcher_kva. */
#include <Python.h>

static PyObject *
title(PyObject *module, PyObject *unused)
{
    return PyUnicode_FromString("B\xc3\xbc" "cher");
}

static PyMethodDef methods[] = {
    {"title", title, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot slots[] = {
#ifdef Py_mod_gil
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "b\xc3\xbc" "cher",
    .m_methods = methods,
    .m_slots = slots,
};

PyMODINIT_FUNC
PyInitU_bcher_kva(void)
{
    return PyModuleDef_Init(&module_def);
}
