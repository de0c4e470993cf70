/* Start-up and shutdown hooks that the runtime room (Python/pylifecycle.c) calls in each room.
 * Start-up order: hash secret, static types, exceptions into builtins, then the runtime's own
 * modules (builtins, sys, import).  A room that needs more start-up work adds its hook here, in
 * its own block, and asks the runtime room (via the coordination file) to call it. */
#ifndef Py_INTERNAL_PYLIFECYCLE_H
#define Py_INTERNAL_PYLIFECYCLE_H

/* strings room (Python/pyhash.c): read PYTHONHASHSEED and seed str/bytes hashing.  Called before
 * any object is hashed. */
PyAPI_FUNC(void) _Py_HashRandomization_Init(void);

/* object-model room (Objects/typeobject.c): PyType_Ready every type registered with
 * _Py_REGISTER_STATIC_TYPE; 0 or -1 with an exception set. */
PyAPI_FUNC(int) _PyTypes_InitTypes(void);

/* containers room (Objects/exceptions.c): add every builtin exception and warning class to
 * the builtins module's dict.  0 or -1. */
PyAPI_FUNC(int) _PyBuiltins_AddExceptions(PyObject *builtins_module);

/* ---- runtime room (Python/pylifecycle.c & co.) ---- */

/* The minimal text stream over a file descriptor used for sys.stdin/stdout/stderr until the
 * io module exists (Python/pylifecycle.c).  New reference. */
PyAPI_FUNC(PyObject *) _PyStdio_New(int fd, const char *name, const char *mode, int buffered,
                                    const char *errors);
PyAPI_DATA(PyTypeObject) _PyStdio_Type;
/* open() over the minimal stream (Python/stdio_minimal.c).  New reference. */
PyAPI_FUNC(PyObject *) _PyStdio_Open(PyObject *file, const char *mode, int buffering,
                                     const char *errors, int closefd);
/* Flush sys.stdout and sys.stderr; 0 or -1 (exception cleared, reported). */
PyAPI_FUNC(int) _Py_FlushStdFiles(void);

/* Module state setup called by Py_Initialize. */
PyAPI_FUNC(int) _PyWarnings_InitState(PyInterpreterState *interp);
PyAPI_FUNC(void) _PyWarnings_Fini(PyInterpreterState *interp);
PyAPI_FUNC(int) _PyAtExit_Call(PyInterpreterState *interp);

/* Source text for pseudo file names ("<string>" for -c, "<stdin>" for the REPL), so that
 * tracebacks and warnings can show lines (Python/pythonrun.c). */
PyAPI_FUNC(void) _PyRun_RegisterSource(const char *filename, const char *source);
/* Line `lineno` of a file or registered source, without newline: new ref or NULL. */
PyAPI_FUNC(PyObject *) _PyRun_GetSourceLine(PyObject *filename, int lineno);

/* Exit code of an uncaught exception: SystemExit's code, else 1 (prints the exception). */
PyAPI_FUNC(int) _Py_HandleUncaught(void);

#endif /* Py_INTERNAL_PYLIFECYCLE_H */
