/* Test extension: single-phase initialisation (PyModule_Create).  Built twice: as ext_single
 * (declares that it runs without the GIL through PyUnstable_Module_SetGIL, the single-phase
 * counterpart of the Py_mod_gil slot) and, with -DEXT_SINGLE_GIL, as ext_single_gil (declares
 * nothing, so it turns the GIL on in the free-threaded build). */
#include <Python.h>

#ifdef EXT_SINGLE_GIL
#  define MODULE_NAME "ext_single_gil"
#  define INIT_FUNCTION PyInit_ext_single_gil
#else
#  define MODULE_NAME "ext_single"
#  define INIT_FUNCTION PyInit_ext_single
#endif

/* Times the init function ran (C-level state of a single-phase module: importing it again
 * after removing it from sys.modules must not run the init function again). */
static long init_calls;

static PyObject *
calls(PyObject *module, PyObject *unused)
{
    return PyLong_FromLong(init_calls);
}

static PyObject *
name(PyObject *module, PyObject *unused)
{
    return PyUnicode_FromString(MODULE_NAME);
}

static PyMethodDef methods[] = {
    {"name", name, METH_NOARGS, NULL},
    {"calls", calls, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = MODULE_NAME,
    .m_size = -1,
    .m_methods = methods,
};

PyMODINIT_FUNC
INIT_FUNCTION(void)
{
    init_calls++;
    PyObject *module = PyModule_Create(&module_def);
    if (module == NULL) {
        return NULL;
    }
#if defined(Py_GIL_DISABLED) && !defined(EXT_SINGLE_GIL)
    if (PyUnstable_Module_SetGIL(module, Py_MOD_GIL_NOT_USED) < 0) {
        Py_DECREF(module);
        return NULL;
    }
#endif
    if (PyModule_AddIntConstant(module, "VALUE", 7) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
