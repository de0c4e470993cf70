/* Argument parsing (Python/getargs.c), value building and module helpers
 * (Python/modsupport.c).  Owner: object-model room.
 *
 * Py_ssize_t is always used for '#' lengths (PY_SSIZE_T_CLEAN is implied). */
#ifndef Py_MODSUPPORT_H
#define Py_MODSUPPORT_H

#ifndef PY_SSIZE_T_CLEAN
#  define PY_SSIZE_T_CLEAN
#endif

/* ---- argument parsing (Python/getargs.c) ---------------------------------------------------
 * Format units: b B h H i I l k L K n c C f d D s s# s* z z# z* y y# y* S Y U O O! O& p w*,
 * '(' ... ')' for nested sequences, '|' optional, '$' keyword-only, ':name' function name for
 * messages, ';message' replacement error message.  Return 1 on success, 0 with an exception
 * set on failure. */
PyAPI_FUNC(int) PyArg_Parse(PyObject *, const char *, ...);
PyAPI_FUNC(int) PyArg_ParseTuple(PyObject *, const char *, ...);
PyAPI_FUNC(int) PyArg_VaParse(PyObject *, const char *, va_list);
PyAPI_FUNC(int) PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kw, const char *format,
                                            char **keywords, ...);
PyAPI_FUNC(int) PyArg_VaParseTupleAndKeywords(PyObject *args, PyObject *kw, const char *format,
                                              char **keywords, va_list);
/* Check that every key of kwargs is a str (TypeError "keywords must be strings"). */
PyAPI_FUNC(int) PyArg_ValidateKeywordArguments(PyObject *kwargs);
/* Unpack between min and max positional arguments into PyObject ** (borrowed); missing
 * optional outputs are left untouched. */
PyAPI_FUNC(int) PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min,
                                  Py_ssize_t max, ...);
/* Returned by an "O&" converter that wants to be called again with NULL to clean up if a
 * later argument fails. */
#define Py_CLEANUP_SUPPORTED 0x20000
#define _PyArg_ParseTuple_SizeT PyArg_ParseTuple
#define _PyArg_ParseTupleAndKeywords_SizeT PyArg_ParseTupleAndKeywords
#define _PyArg_Parse_SizeT PyArg_Parse
#define _PyArg_VaParse_SizeT PyArg_VaParse

/* ---- value building (Python/modsupport.c) --------------------------------------------------
 * Units: s s# z z# y y# u(unsupported) i b h l B H I k L K n c C d f D O O& S N (steals) p,
 * '(...)' tuple, '[...]' list, '{k:v,...}' dict.  Several top-level units give a tuple. */
PyAPI_FUNC(PyObject *) Py_BuildValue(const char *, ...);
PyAPI_FUNC(PyObject *) Py_VaBuildValue(const char *, va_list);
PyAPI_FUNC(PyObject *) _Py_BuildValue_SizeT(const char *, ...);
PyAPI_FUNC(PyObject *) _Py_VaBuildValue_SizeT(const char *, va_list);
/* Build a C array of n new references from format (used by call helpers). */
PyAPI_FUNC(PyObject **) _Py_VaBuildStack(PyObject **small_stack, Py_ssize_t small_stack_len,
                                         const char *format, va_list va, Py_ssize_t *p_nargs);

/* ---- module helpers (Python/modsupport.c) -------------------------------------------------- */

/* Add value under name; AddObjectRef does not steal; Add always steals (even on error, and
 * value may be NULL to propagate an error); AddObject steals only on success (legacy). */
PyAPI_FUNC(int) PyModule_AddObjectRef(PyObject *mod, const char *name, PyObject *value);
PyAPI_FUNC(int) PyModule_Add(PyObject *mod, const char *name, PyObject *value);
PyAPI_FUNC(int) PyModule_AddObject(PyObject *mod, const char *name, PyObject *value);
PyAPI_FUNC(int) PyModule_AddIntConstant(PyObject *mod, const char *name, long value);
PyAPI_FUNC(int) PyModule_AddStringConstant(PyObject *mod, const char *name, const char *value);
#define PyModule_AddIntMacro(m, c) PyModule_AddIntConstant((m), #c, (c))
#define PyModule_AddStringMacro(m, c) PyModule_AddStringConstant((m), #c, (c))
/* Ready type and add it under its short name (tp_name after the last dot). */
PyAPI_FUNC(int) PyModule_AddType(PyObject *module, PyTypeObject *type);
PyAPI_FUNC(int) PyModule_AddFunctions(PyObject *mod, PyMethodDef *functions);
PyAPI_FUNC(int) PyModule_SetDocString(PyObject *mod, const char *doc);
/* Run the Py_mod_exec slots of def on module (multi-phase init). */
PyAPI_FUNC(int) PyModule_ExecDef(PyObject *module, PyModuleDef *def);

#define PYTHON_API_VERSION 1013
#define PYTHON_API_STRING "1013"
#define PYTHON_ABI_VERSION 3
#define PYTHON_ABI_STRING "3"

/* Single-phase init: create the module from def (Objects/moduleobject.c). */
PyAPI_FUNC(PyObject *) PyModule_Create2(PyModuleDef *def, int apiver);
#define PyModule_Create(module) PyModule_Create2((module), PYTHON_API_VERSION)
#define _PyModule_CreateInitialized PyModule_Create2
/* Multi-phase init: create the module from def and a ModuleSpec (Py_mod_create, Py_mod_gil). */
PyAPI_FUNC(PyObject *) PyModule_FromDefAndSpec2(PyModuleDef *def, PyObject *spec,
                                                int module_api_version);
#define PyModule_FromDefAndSpec(module, spec)                                                 \
    PyModule_FromDefAndSpec2((module), (spec), PYTHON_API_VERSION)

#endif /* Py_MODSUPPORT_H */
