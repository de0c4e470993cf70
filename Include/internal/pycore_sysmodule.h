/* Private sys API (Python/sysmodule.c).  Owner: runtime room. */
#ifndef Py_INTERNAL_SYSMODULE_H
#define Py_INTERNAL_SYSMODULE_H

/* Create the sys module (not yet with stdio streams or path).  New reference. */
PyAPI_FUNC(PyObject *) _PySys_Create(PyThreadState *tstate);
/* Attributes that depend on the configuration: argv, orig_argv, flags, _xoptions, warnoptions,
 * path, prefix & co.  0 or -1. */
PyAPI_FUNC(int) _PySys_UpdateConfig(PyThreadState *tstate);
/* Borrowed reference to sys.<name> (a str), or NULL without an exception.  Borrowed from the
 * sys dict, so as unsafe as PySys_GetObject (see there): prefer _PySys_GetOptionalAttr. */
PyAPI_FUNC(PyObject *) _PySys_GetAttr(PyThreadState *tstate, PyObject *name);
/* sys.<name> as a new reference in *result: 1 if set, 0 (and NULL) if not or if there is no sys
 * module, -1 (and NULL) with an exception.  Safe against a concurrent `sys.<name> = value`. */
PyAPI_FUNC(int) _PySys_GetOptionalAttr(PyObject *name, PyObject **result);
PyAPI_FUNC(int) _PySys_GetOptionalAttrString(const char *name, PyObject **result);
/* New reference to sys.<name>; NULL with RuntimeError("lost sys.<name>") if missing. */
PyAPI_FUNC(PyObject *) _PySys_GetRequiredAttr(PyObject *name);
PyAPI_FUNC(PyObject *) _PySys_GetRequiredAttrString(const char *name);
PyAPI_FUNC(int) _PySys_SetAttr(PyObject *name, PyObject *value);

/* sys.stdlib_module_names (frozenset) and the stdlib directory computed by getpath.c. */
PyAPI_FUNC(PyObject *) _PySys_GetStdlibDir(void);

/* The computed paths (Python/getpath.c); UTF-8, owned by getpath.c, valid after
 * _PyPathConfig_Calculate().  stdlib_dir is "<prefix>/lib/braid3.13[t]" or "<srcdir>/Lib". */
typedef struct {
    char *executable;
    char *prefix;
    char *exec_prefix;
    char *stdlib_dir;
    char *build_dir;    /* the directory of pybuilddir.txt when running from a build, or NULL */
} _PyPathConfig;
PyAPI_DATA(_PyPathConfig) _Py_path_config;
PyAPI_FUNC(int) _PyPathConfig_Calculate(const char *argv0);

#endif /* Py_INTERNAL_SYSMODULE_H */
