/* Loading extension modules from shared libraries (dlopen).
 *
 * The file's PyInit_<name> (name: the last component of the module name) returns a module
 * (single-phase) or a PyModuleDef (multi-phase: module created from the spec, then exec
 * slots run).  Extensions built for the other ABI have a different suffix
 * (".braid-313-..." vs ".braid-313t-...") and are not found by the finder. */
#include "Python.h"
#include "pycore_import.h"
#include <dlfcn.h>

typedef PyObject *(*init_function)(void);

/* Return a new reference to the loaded module. */
PyObject *_PyImport_LoadDynamicModule(PyObject *name, PyObject *path, PyObject *spec)
{
    PyObject *pathbytes = PyUnicode_EncodeFSDefault(path);
    if (pathbytes == NULL) {
        return NULL;
    }
    void *handle = dlopen(PyBytes_AS_STRING(pathbytes), RTLD_NOW | RTLD_LOCAL);
    Py_DECREF(pathbytes);
    if (handle == NULL) {
        const char *err = dlerror();
        PyObject *msg = PyUnicode_FromString(err ? err : "dlopen failed");
        if (msg != NULL) {
            PyErr_SetImportError(msg, name, path);
            Py_DECREF(msg);
        }
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, -1);
    PyObject *tail = dot >= 0 ? PyUnicode_Substring(name, dot + 1, len) : Py_NewRef(name);
    if (tail == NULL) {
        return NULL;
    }
    PyObject *symbol = PyUnicode_FromFormat("PyInit_%U", tail);
    Py_DECREF(tail);
    if (symbol == NULL) {
        return NULL;
    }
    init_function init = (init_function)dlsym(handle, PyUnicode_AsUTF8(symbol));
    if (init == NULL) {
        PyObject *msg = PyUnicode_FromFormat("dynamic module does not define module export "
                                             "function (%U)", symbol);
        Py_DECREF(symbol);
        if (msg != NULL) {
            PyErr_SetImportError(msg, name, path);
            Py_DECREF(msg);
        }
        return NULL;
    }
    Py_DECREF(symbol);
    PyObject *res = init();
    if (res == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_SystemError, "initialization of %U failed without raising an "
                         "exception", name);
        }
        return NULL;
    }
    if (PyObject_TypeCheck(res, &PyModuleDef_Type)) {
        PyModuleDef *def = (PyModuleDef *)res;
        PyObject *mod = PyModule_FromDefAndSpec(def, spec);
        if (mod == NULL) {
            return NULL;
        }
        if (PyModule_Check(mod) && PyModule_ExecDef(mod, def) < 0) {
            Py_DECREF(mod);
            return NULL;
        }
        return mod;
    }
    return res;
}
