/* Start-up and shutdown: Py_Initialize(Ex), Py_FinalizeEx, Py_Main, Py_BytesMain, fatal
 * errors, Py_AtExit.  Owner: runtime room (Python/pylifecycle.c, Modules/main.c). */
#ifndef Py_PYLIFECYCLE_H
#define Py_PYLIFECYCLE_H

PyAPI_FUNC(void) Py_Initialize(void);
/* install_sigs: install the SIGINT handler (KeyboardInterrupt) and ignore SIGPIPE. */
PyAPI_FUNC(void) Py_InitializeEx(int install_sigs);
/* Flush stdio, run atexit callbacks, collect garbage, free what can be freed.  0, or -1 if
 * flushing sys.stdout/sys.stderr failed. */
PyAPI_FUNC(int) Py_FinalizeEx(void);
PyAPI_FUNC(void) Py_Finalize(void);
PyAPI_FUNC(int) Py_IsInitialized(void);
PyAPI_FUNC(int) Py_IsFinalizing(void);

/* The python program: parse the command line, run, finalize; return the exit status. */
PyAPI_FUNC(int) Py_Main(int argc, wchar_t **argv);
PyAPI_FUNC(int) Py_BytesMain(int argc, char **argv);
/* Exit status for an uncaught SystemExit that is current (clears it), for embedders. */
PyAPI_FUNC(int) _Py_HandleSystemExit(int *exitcode);

/* Print "Fatal Python error: func: message", the Python traceback if possible, and abort. */
PyAPI_FUNC(void) _Py_NO_RETURN _Py_FatalErrorFunc(const char *func, const char *message);
PyAPI_FUNC(void) _Py_NO_RETURN _Py_FatalErrorFormat(const char *func, const char *format, ...);
#define Py_FatalError(message) _Py_FatalErrorFunc(__func__, (message))
/* Finalize, then exit(status). */
PyAPI_FUNC(void) _Py_NO_RETURN Py_Exit(int status);
/* Register a C function to run at the very end of Py_FinalizeEx (at most 32).  0 or -1. */
PyAPI_FUNC(int) Py_AtExit(void (*func)(void));

PyAPI_FUNC(const char *) Py_GetVersion(void);
PyAPI_FUNC(const char *) Py_GetPlatform(void);
PyAPI_FUNC(const char *) Py_GetCopyright(void);
PyAPI_FUNC(const char *) Py_GetCompiler(void);
PyAPI_FUNC(const char *) Py_GetBuildInfo(void);

/* Py_FdIsInteractive: is fp a terminal (or -i given)? */
PyAPI_FUNC(int) Py_FdIsInteractive(FILE *fp, const char *filename);

#endif /* Py_PYLIFECYCLE_H */
