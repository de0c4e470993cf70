// Test extension in C++: Braid's headers must compile as C++17 too.
#include <Python.h>
#include <string>

static PyObject *
greet(PyObject *, PyObject *arg)
{
    const char *who = PyUnicode_AsUTF8(arg);
    if (who == nullptr) {
        return nullptr;
    }
    std::string text = std::string("hello, ") + who;
    return PyUnicode_FromStringAndSize(text.data(), static_cast<Py_ssize_t>(text.size()));
}

static PyMethodDef methods[] = {
    {"greet", greet, METH_O, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static PyModuleDef_Slot slots[] = {
#ifdef Py_mod_gil
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, nullptr},
};

static PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT, "ext_cxx", nullptr, 0, methods, slots, nullptr, nullptr, nullptr,
};

PyMODINIT_FUNC
PyInit_ext_cxx(void)
{
    return PyModuleDef_Init(&module_def);
}
