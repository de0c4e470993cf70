/* Test program: embeds Braid through libbraid (Py_InitializeEx, PyRun_SimpleString,
 * Py_FinalizeEx) and also calls the C API directly. */
#include <Python.h>
#include <stdio.h>

int
main(int argc, char **argv)
{
    Py_InitializeEx(0);
    if (!Py_IsInitialized()) {
        fprintf(stderr, "not initialized\n");
        return 2;
    }
    if (PyRun_SimpleString("import sys\n"
                           "total = sum(range(10))\n"
                           "print('embedded', total, sys.abiflags or '-')\n") != 0) {
        return 3;
    }
    PyObject *main_module = PyImport_AddModule("__main__");   /* borrowed */
    PyObject *total = main_module ? PyObject_GetAttrString(main_module, "total") : NULL;
    long value = total ? PyLong_AsLong(total) : -1;
    Py_XDECREF(total);
    printf("from C: %ld\n", value);
    fflush(stdout);
    if (argc > 1 && PyRun_SimpleString(argv[1]) != 0) {
        return 4;
    }
    if (Py_FinalizeEx() < 0) {
        return 5;
    }
    printf("finalized\n");
    return 0;
}
