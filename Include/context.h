/* Context variables: the C API of the contextvars module (CPython 3.13 Include/context.h;
 * Python/context.c). */
#ifndef Py_CONTEXT_H
#define Py_CONTEXT_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyContext_Type;
typedef struct _pycontextobject PyContext;

PyAPI_DATA(PyTypeObject) PyContextVar_Type;
typedef struct _pycontextvarobject PyContextVar;

PyAPI_DATA(PyTypeObject) PyContextToken_Type;
typedef struct _pycontexttokenobject PyContextToken;

#define PyContext_CheckExact(o) Py_IS_TYPE((o), &PyContext_Type)
#define PyContextVar_CheckExact(o) Py_IS_TYPE((o), &PyContextVar_Type)
#define PyContextToken_CheckExact(o) Py_IS_TYPE((o), &PyContextToken_Type)

/* Return a new reference to a new, empty context. */
PyAPI_FUNC(PyObject *) PyContext_New(void);
/* Return a new reference to a shallow copy of context `ctx`. */
PyAPI_FUNC(PyObject *) PyContext_Copy(PyObject *ctx);
/* Return a new reference to a shallow copy of the current thread's context. */
PyAPI_FUNC(PyObject *) PyContext_CopyCurrent(void);

/* Make ctx the current context of the calling thread / restore the previous one.  0 or -1
 * (RuntimeError: ctx already entered / not the current context). */
PyAPI_FUNC(int) PyContext_Enter(PyObject *ctx);
PyAPI_FUNC(int) PyContext_Exit(PyObject *ctx);

/* Return a new reference to a new context variable; default_value (may be NULL) is what
 * get() returns when the variable has no value in the current context. */
PyAPI_FUNC(PyObject *) PyContextVar_New(const char *name, PyObject *default_value);

/* Look var up in the current context: 0 with *value a new reference to its value, else to
 * default_value, else to var's default, else *value = NULL; -1 with an exception on error. */
PyAPI_FUNC(int) PyContextVar_Get(PyObject *var, PyObject *default_value, PyObject **value);

/* Set var to value in the current context.  Return a new reference to a Token for
 * PyContextVar_Reset. */
PyAPI_FUNC(PyObject *) PyContextVar_Set(PyObject *var, PyObject *value);

/* Restore var to its value before the PyContextVar_Set that made token.  0 or -1. */
PyAPI_FUNC(int) PyContextVar_Reset(PyObject *var, PyObject *token);

#ifdef __cplusplus
}
#endif
#endif /* !Py_CONTEXT_H */
