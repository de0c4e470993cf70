/* Private import API (Python/import.c).  Owner: runtime room. */
#ifndef Py_INTERNAL_IMPORT_H
#define Py_INTERNAL_IMPORT_H

/* Create sys.modules, sys.path & co. and register the builtin-module importer.  0 or -1. */
PyAPI_FUNC(int) _PyImport_Init(PyInterpreterState *interp);
PyAPI_FUNC(void) _PyImport_Fini(PyInterpreterState *interp);

/* Initialise the builtin module `name` from the inittab (single- or multi-phase), add it to
 * sys.modules.  New reference; NULL with ModuleNotFoundError when there is no such module. */
PyAPI_FUNC(PyObject *) _PyImport_InitBuiltin(PyThreadState *tstate, PyObject *name);
PyAPI_FUNC(int) _PyImport_IsBuiltin(const char *name);

/* Import a module by name (absolute), the fast path used by the IMPORT_NAME opcode when
 * builtins.__import__ is unchanged.  New reference. */
PyAPI_FUNC(PyObject *) _PyImport_ImportName(PyThreadState *tstate, PyObject *name,
                                            PyObject *globals, PyObject *fromlist, int level);
/* `from module import name` (IMPORT_FROM): the attribute, else sys.modules[module.name],
 * else ImportError with CPython's messages.  New reference. */
PyAPI_FUNC(PyObject *) _PyImport_ImportFrom(PyThreadState *tstate, PyObject *module,
                                            PyObject *name);
/* Find a module's source for `-m`: fills *pfilename (new ref, str) and *pispkg.  Returns 1
 * found, 0 not found (no exception), -1 error. */
PyAPI_FUNC(int) _PyImport_FindSource(PyObject *name, PyObject **pfilename, int *pispkg);
/* getattr(import(modname), attrname).  New reference. */
PyAPI_FUNC(PyObject *) _PyImport_GetModuleAttrString(const char *modname, const char *attrname);

PyAPI_FUNC(PyObject *) _PyImport_GetBuiltinModuleNames(void);

#endif /* Py_INTERNAL_IMPORT_H */
