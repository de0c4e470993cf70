/* The sys module's C API (Python/sysmodule.c).  Owner: runtime room. */
#ifndef Py_SYSMODULE_H
#define Py_SYSMODULE_H

/* Borrowed reference to sys.<name>, or NULL (no exception set) if it does not exist. */
PyAPI_FUNC(PyObject *) PySys_GetObject(const char *name);
/* Set (or with v == NULL delete) sys.<name>.  0 or -1. */
PyAPI_FUNC(int) PySys_SetObject(const char *name, PyObject *v);

/* Write formatted text (at most 1000 bytes) to sys.stdout/sys.stderr, falling back to the C
 * streams; never raises (an exception set on entry is preserved). */
PyAPI_FUNC(void) PySys_WriteStdout(const char *format, ...)
    Py_GCC_ATTRIBUTE((format(printf, 1, 2)));
PyAPI_FUNC(void) PySys_WriteStderr(const char *format, ...)
    Py_GCC_ATTRIBUTE((format(printf, 1, 2)));
/* Same with PyUnicode_FromFormat formats and no length limit. */
PyAPI_FUNC(void) PySys_FormatStdout(const char *format, ...);
PyAPI_FUNC(void) PySys_FormatStderr(const char *format, ...);

PyAPI_FUNC(void) PySys_SetArgv(int argc, wchar_t **argv);
PyAPI_FUNC(void) PySys_SetArgvEx(int argc, wchar_t **argv, int updatepath);
PyAPI_FUNC(void) PySys_SetPath(const wchar_t *path);
PyAPI_FUNC(void) PySys_ResetWarnOptions(void);
PyAPI_FUNC(void) PySys_AddWarnOption(const wchar_t *s);
PyAPI_FUNC(void) PySys_AddXOption(const wchar_t *s);
/* Borrowed reference to sys._xoptions (dict). */
PyAPI_FUNC(PyObject *) PySys_GetXOptions(void);
PyAPI_FUNC(int) PySys_HasWarnOptions(void);

/* Audit hooks: accepted and ignored (no hook is ever called).  Always 0. */
PyAPI_FUNC(int) PySys_Audit(const char *event, const char *format, ...);
PyAPI_FUNC(int) PySys_AuditTuple(const char *event, PyObject *args);
typedef int (*Py_AuditHookFunction)(const char *, PyObject *, void *);
PyAPI_FUNC(int) PySys_AddAuditHook(Py_AuditHookFunction, void *);

#endif /* Py_SYSMODULE_H */
