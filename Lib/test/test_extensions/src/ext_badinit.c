/* Test extension: init functions that misbehave, one per macro (each built under its own
 * module name), to check the loader's errors. */
#include <Python.h>

#if defined(BAD_NOT_MODULE)
PyMODINIT_FUNC
PyInit_bad_not_module(void)
{
    return PyLong_FromLong(5);      /* neither a module nor a PyModuleDef */
}
#elif defined(BAD_UNREPORTED)
PyMODINIT_FUNC
PyInit_bad_unreported(void)
{
    PyErr_SetString(PyExc_KeyError, "left set");
    return PyLong_FromLong(5);      /* a result and an exception */
}
#elif defined(BAD_NULL)
PyMODINIT_FUNC
PyInit_bad_null(void)
{
    return NULL;                    /* failure without an exception */
}
#elif defined(BAD_RAISES)
PyMODINIT_FUNC
PyInit_bad_raises(void)
{
    PyErr_SetString(PyExc_RuntimeError, "init failed on purpose");
    return NULL;
}
#else
int bad_no_init_function = 1;       /* no PyInit_<name> at all */
#endif
