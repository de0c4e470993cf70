/* The import system (Python/import.c) and the builtin-module table.  Owner: runtime room.
 *
 * Import is implemented in C: builtin modules from _PyImport_Inittab (single- and multi-phase
 * PyModuleDef initialisation), source modules and packages found on sys.path.  The importlib
 * package (Lib/importlib) exposes the same machinery to Python code. */
#ifndef Py_IMPORT_H
#define Py_IMPORT_H

/* One builtin module: Modules/config.c (generated) lists them all. */
struct _inittab {
    const char *name;
    PyObject *(*initfunc)(void);
};
PyAPI_DATA(struct _inittab) _PyImport_Inittab[];
PyAPI_DATA(struct _inittab *) PyImport_Inittab;
/* Add a builtin module before Py_Initialize.  0, or -1 on memory failure. */
PyAPI_FUNC(int) PyImport_AppendInittab(const char *name, PyObject *(*initfunc)(void));
PyAPI_FUNC(int) PyImport_ExtendInittab(struct _inittab *newtab);

/* All of these return new references, or NULL with an exception set. */
PyAPI_FUNC(PyObject *) PyImport_ImportModule(const char *name);
PyAPI_FUNC(PyObject *) PyImport_ImportModuleNoBlock(const char *name);
PyAPI_FUNC(PyObject *) PyImport_ImportModuleLevel(const char *name, PyObject *globals,
                                                  PyObject *locals, PyObject *fromlist,
                                                  int level);
PyAPI_FUNC(PyObject *) PyImport_ImportModuleLevelObject(PyObject *name, PyObject *globals,
                                                        PyObject *locals, PyObject *fromlist,
                                                        int level);
#define PyImport_ImportModuleEx(n, g, l, f) PyImport_ImportModuleLevel((n), (g), (l), (f), 0)
/* Call builtins.__import__ (honouring a replaced __import__) with the current globals. */
PyAPI_FUNC(PyObject *) PyImport_Import(PyObject *name);
PyAPI_FUNC(PyObject *) PyImport_ReloadModule(PyObject *m);
/* sys.modules[name] or NULL (new reference; NULL without an exception when missing). */
PyAPI_FUNC(PyObject *) PyImport_GetModule(PyObject *name);
/* Borrowed reference to sys.modules. */
PyAPI_FUNC(PyObject *) PyImport_GetModuleDict(void);
/* sys.modules[name], creating an empty module there if missing.  AddModuleRef returns a
 * new reference; AddModuleObject and AddModule a borrowed one. */
PyAPI_FUNC(PyObject *) PyImport_AddModuleRef(const char *name);
PyAPI_FUNC(PyObject *) PyImport_AddModuleObject(PyObject *name);
PyAPI_FUNC(PyObject *) PyImport_AddModule(const char *name);
/* Execute a code object as module `name` (created or reused in sys.modules). */
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModule(const char *name, PyObject *co);
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleEx(const char *name, PyObject *co,
                                                 const char *pathname);
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleWithPathnames(const char *name, PyObject *co,
                                                            const char *pathname,
                                                            const char *cpathname);
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleObject(PyObject *name, PyObject *co,
                                                     PyObject *pathname, PyObject *cpathname);
/* The .pyc magic number; Braid writes no .pyc files (sys.dont_write_bytecode is True). */
PyAPI_FUNC(long) PyImport_GetMagicNumber(void);
PyAPI_FUNC(const char *) PyImport_GetMagicTag(void);
/* Import a frozen module: Braid has none; returns 0 (not found). */
PyAPI_FUNC(int) PyImport_ImportFrozenModule(const char *name);
PyAPI_FUNC(int) PyImport_ImportFrozenModuleObject(PyObject *name);

/* Single-phase modules: find the module created for def in this interpreter. */
PyAPI_FUNC(PyObject *) PyState_FindModule(struct PyModuleDef *);
PyAPI_FUNC(int) PyState_AddModule(PyObject *, struct PyModuleDef *);
PyAPI_FUNC(int) PyState_RemoveModule(struct PyModuleDef *);

#endif /* Py_IMPORT_H */
