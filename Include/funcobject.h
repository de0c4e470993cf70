/* Function objects, classmethod and staticmethod (Objects/funcobject.c).
 * Owner: eval room.
 *
 * A function binds a code object to the globals it runs in, its default values and its
 * closure.  Calling it (vectorcall) pushes a frame on the thread's frame stack and runs the
 * eval loop (Python/ceval.c). */
#ifndef Py_FUNCOBJECT_H
#define Py_FUNCOBJECT_H

typedef struct {
    PyObject_HEAD
    PyObject *func_globals;     /* dict (strong) */
    PyObject *func_builtins;    /* dict (strong) */
    PyObject *func_name;        /* str */
    PyObject *func_qualname;    /* str */
    PyObject *func_code;        /* code object */
    PyObject *func_defaults;    /* tuple or NULL */
    PyObject *func_kwdefaults;  /* dict or NULL */
    PyObject *func_closure;     /* tuple of cells or NULL */
    PyObject *func_doc;         /* __doc__, any object (None when absent) */
    PyObject *func_dict;        /* __dict__, dict or NULL */
    PyObject *func_weakreflist;
    PyObject *func_module;      /* __module__ */
    PyObject *func_annotations; /* dict or NULL */
    PyObject *func_typeparams;  /* tuple or NULL */
    vectorcallfunc vectorcall;
    uint32_t func_version;      /* 0 once the function was modified (no caching yet) */
} PyFunctionObject;

PyAPI_DATA(PyTypeObject) PyFunction_Type;
#define PyFunction_Check(op) Py_IS_TYPE((op), &PyFunction_Type)

/* Return a new reference. */
PyAPI_FUNC(PyObject *) PyFunction_New(PyObject *code, PyObject *globals);
PyAPI_FUNC(PyObject *) PyFunction_NewWithQualName(PyObject *code, PyObject *globals,
                                                  PyObject *qualname);
/* Borrowed references. */
PyAPI_FUNC(PyObject *) PyFunction_GetCode(PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetGlobals(PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetModule(PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetDefaults(PyObject *);
PyAPI_FUNC(int) PyFunction_SetDefaults(PyObject *, PyObject *);
PyAPI_FUNC(void) PyFunction_SetVectorcall(PyFunctionObject *, vectorcallfunc);
PyAPI_FUNC(PyObject *) PyFunction_GetKwDefaults(PyObject *);
PyAPI_FUNC(int) PyFunction_SetKwDefaults(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetClosure(PyObject *);
PyAPI_FUNC(int) PyFunction_SetClosure(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyFunction_GetAnnotations(PyObject *);
PyAPI_FUNC(int) PyFunction_SetAnnotations(PyObject *, PyObject *);

/* The vectorcall of every Python function: binds the arguments and runs the code. */
PyAPI_FUNC(PyObject *) _PyFunction_Vectorcall(PyObject *func, PyObject *const *stack,
                                              size_t nargsf, PyObject *kwnames);

#define _PyFunction_CAST(func) _Py_CAST(PyFunctionObject *, (func))
static inline PyObject *PyFunction_GET_CODE(PyObject *func)
{
    return _PyFunction_CAST(func)->func_code;
}
#define PyFunction_GET_CODE(func) PyFunction_GET_CODE(_PyObject_CAST(func))
static inline PyObject *PyFunction_GET_GLOBALS(PyObject *func)
{
    return _PyFunction_CAST(func)->func_globals;
}
#define PyFunction_GET_GLOBALS(func) PyFunction_GET_GLOBALS(_PyObject_CAST(func))
static inline PyObject *PyFunction_GET_MODULE(PyObject *func)
{
    return _PyFunction_CAST(func)->func_module;
}
#define PyFunction_GET_MODULE(func) PyFunction_GET_MODULE(_PyObject_CAST(func))
static inline PyObject *PyFunction_GET_DEFAULTS(PyObject *func)
{
    return _PyFunction_CAST(func)->func_defaults;
}
#define PyFunction_GET_DEFAULTS(func) PyFunction_GET_DEFAULTS(_PyObject_CAST(func))
static inline PyObject *PyFunction_GET_KW_DEFAULTS(PyObject *func)
{
    return _PyFunction_CAST(func)->func_kwdefaults;
}
#define PyFunction_GET_KW_DEFAULTS(func) PyFunction_GET_KW_DEFAULTS(_PyObject_CAST(func))
static inline PyObject *PyFunction_GET_CLOSURE(PyObject *func)
{
    return _PyFunction_CAST(func)->func_closure;
}
#define PyFunction_GET_CLOSURE(func) PyFunction_GET_CLOSURE(_PyObject_CAST(func))
static inline PyObject *PyFunction_GET_ANNOTATIONS(PyObject *func)
{
    return _PyFunction_CAST(func)->func_annotations;
}
#define PyFunction_GET_ANNOTATIONS(func) PyFunction_GET_ANNOTATIONS(_PyObject_CAST(func))

/* classmethod and staticmethod. */
PyAPI_DATA(PyTypeObject) PyClassMethod_Type;
PyAPI_DATA(PyTypeObject) PyStaticMethod_Type;
/* Return a new reference. */
PyAPI_FUNC(PyObject *) PyClassMethod_New(PyObject *);
PyAPI_FUNC(PyObject *) PyStaticMethod_New(PyObject *);

#endif /* Py_FUNCOBJECT_H */
