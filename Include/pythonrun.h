/* Running source code (PyRun_*) and printing exceptions (PyErr_Print, PyErr_Display).
 * Owner: runtime room (Python/pythonrun.c).  The compiler entry points (Py_CompileString*)
 * are the compiler room's (Include/compile.h). */
#ifndef Py_PYTHONRUN_H
#define Py_PYTHONRUN_H

#include "compile.h"   /* PyCompilerFlags, Py_file_input & co. */

/* Run source text in the __main__ module; print any exception.  0 or -1. */
PyAPI_FUNC(int) PyRun_SimpleStringFlags(const char *command, PyCompilerFlags *flags);
#define PyRun_SimpleString(s) PyRun_SimpleStringFlags((s), NULL)

/* Run source text with the given start symbol in globals/locals.  Return a new reference to
 * the result (None for Py_file_input), or NULL with an exception set. */
PyAPI_FUNC(PyObject *) PyRun_StringFlags(const char *str, int start, PyObject *globals,
                                         PyObject *locals, PyCompilerFlags *flags);
#define PyRun_String(str, s, g, l) PyRun_StringFlags((str), (s), (g), (l), NULL)

/* Run the contents of an open file.  closeit: fclose(fp) afterwards.  New reference. */
PyAPI_FUNC(PyObject *) PyRun_FileExFlags(FILE *fp, const char *filename, int start,
                                         PyObject *globals, PyObject *locals, int closeit,
                                         PyCompilerFlags *flags);
#define PyRun_File(fp, p, s, g, l) PyRun_FileExFlags((fp), (p), (s), (g), (l), 0, NULL)
#define PyRun_FileEx(fp, p, s, g, l, c) PyRun_FileExFlags((fp), (p), (s), (g), (l), (c), NULL)
#define PyRun_FileFlags(fp, p, s, g, l, flags)                                                \
    PyRun_FileExFlags((fp), (p), (s), (g), (l), 0, (flags))

/* Run a file as __main__; print any exception.  0 or -1. */
PyAPI_FUNC(int) PyRun_SimpleFileExFlags(FILE *fp, const char *filename, int closeit,
                                        PyCompilerFlags *flags);
#define PyRun_SimpleFile(f, p) PyRun_SimpleFileExFlags((f), (p), 0, NULL)
#define PyRun_SimpleFileEx(f, p, c) PyRun_SimpleFileExFlags((f), (p), (c), NULL)
#define PyRun_SimpleFileFlags(f, p, flags) PyRun_SimpleFileExFlags((f), (p), 0, (flags))

/* A terminal: the interactive loop; otherwise like PyRun_SimpleFile.  0 or -1. */
PyAPI_FUNC(int) PyRun_AnyFileExFlags(FILE *fp, const char *filename, int closeit,
                                     PyCompilerFlags *flags);
#define PyRun_AnyFile(fp, name) PyRun_AnyFileExFlags((fp), (name), 0, NULL)
#define PyRun_AnyFileEx(fp, name, closeit) PyRun_AnyFileExFlags((fp), (name), (closeit), NULL)
#define PyRun_AnyFileFlags(fp, name, flags) PyRun_AnyFileExFlags((fp), (name), 0, (flags))

/* The read-eval-print loop over fp; returns 0 at end of file. */
PyAPI_FUNC(int) PyRun_InteractiveLoopFlags(FILE *fp, const char *filename,
                                           PyCompilerFlags *flags);
#define PyRun_InteractiveLoop(f, p) PyRun_InteractiveLoopFlags((f), (p), NULL)
/* Read and run one interactive statement.  0, -1 on error, E_EOF (11) at end of file. */
PyAPI_FUNC(int) PyRun_InteractiveOneFlags(FILE *fp, const char *filename,
                                          PyCompilerFlags *flags);
#define PyRun_InteractiveOne(f, p) PyRun_InteractiveOneFlags((f), (p), NULL)

/* Print the current exception to sys.stderr through sys.excepthook and clear it.  A
 * SystemExit exits the process (Py_Exit) instead.  set_sys_last_vars: store it in
 * sys.last_exc (and last_type/last_value/last_traceback). */
PyAPI_FUNC(void) PyErr_PrintEx(int set_sys_last_vars);
PyAPI_FUNC(void) PyErr_Print(void);
/* Print an exception (with traceback, chained exceptions, notes) the way the default
 * sys.excepthook does.  exc_type and tb are ignored in favour of value's. */
PyAPI_FUNC(void) PyErr_Display(PyObject *exc_type, PyObject *value, PyObject *tb);
PyAPI_FUNC(void) PyErr_DisplayException(PyObject *exc);

/* Stack overflow check (never triggers: Braid bounds recursion with counters). */
#define PyOS_CheckStack() 0

/* Readline hook for input() on terminals (CPython's PyOS_ReadlineFunctionPointer). */
PyAPI_DATA(char *) (*PyOS_ReadlineFunctionPointer)(FILE *, FILE *, const char *);
PyAPI_FUNC(char *) PyOS_Readline(FILE *, FILE *, const char *);
PyAPI_DATA(int) (*PyOS_InputHook)(void);

#endif /* Py_PYTHONRUN_H */
