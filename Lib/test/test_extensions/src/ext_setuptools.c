/* A small extension built by setuptools in test_setuptools.py: multi-phase init, one
 * function using the argument parser, and a constant from a macro the setup script
 * passes with define_macros (1 when compiled without it, as test_build does). */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#ifndef SCALE
#  define SCALE 1
#endif

/* Return a new reference: SCALE * (a + b). */
static PyObject *
scaled_sum(PyObject *module, PyObject *args)
{
    long a;
    long b;
    if (!PyArg_ParseTuple(args, "ll:scaled_sum", &a, &b)) {
        return NULL;
    }
    return PyLong_FromLong(SCALE * (a + b));
}

static PyMethodDef ext_setuptools_methods[] = {
    {"scaled_sum", scaled_sum, METH_VARARGS, "Return SCALE * (a + b)."},
    {NULL, NULL, 0, NULL},
};

static int
ext_setuptools_exec(PyObject *module)
{
    return PyModule_AddIntConstant(module, "SCALE", SCALE);
}

static PyModuleDef_Slot ext_setuptools_slots[] = {
    {Py_mod_exec, ext_setuptools_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef ext_setuptools_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "ext_setuptools",
    .m_doc = "Built by setuptools.",
    .m_size = 0,
    .m_methods = ext_setuptools_methods,
    .m_slots = ext_setuptools_slots,
};

PyMODINIT_FUNC
PyInit_ext_setuptools(void)
{
    return PyModuleDef_Init(&ext_setuptools_module);
}
