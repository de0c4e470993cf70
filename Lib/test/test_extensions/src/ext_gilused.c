/* Test extension: a multi-phase module that does not declare Py_mod_gil, so that importing
 * it in the free-threaded build turns the GIL on (with a RuntimeWarning). */
#include <Python.h>

static PyObject *
hello(PyObject *module, PyObject *unused)
{
    return PyUnicode_FromString("hello from a GIL-using module");
}

static PyMethodDef methods[] = {
    {"hello", hello, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot slots[] = {
    {0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "ext_gilused",
    .m_methods = methods,
    .m_slots = slots,
};

PyMODINIT_FUNC
PyInit_ext_gilused(void)
{
    return PyModuleDef_Init(&module_def);
}
