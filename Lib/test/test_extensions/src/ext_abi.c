/* Test extension: tiny, built for the other ABI of the running interpreter (its pyconfig.h
 * with Py_GIL_DISABLED flipped) to check that the loader refuses it. */
#include <Python.h>

static PyModuleDef_Slot slots[] = {
#ifdef Py_mod_gil
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "ext_abi",
    .m_slots = slots,
};

PyMODINIT_FUNC
PyInit_ext_abi(void)
{
    return PyModuleDef_Init(&module_def);
}
