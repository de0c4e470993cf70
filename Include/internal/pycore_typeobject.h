/* Private type-object API (Objects/typeobject.c).  Owner: object-model room.
 *
 * Attribute lookup on types goes through _PyType_Lookup, which consults a global method cache
 * keyed by (tp_version_tag, name).  A type's version tag changes (PyType_Modified) whenever its
 * dict or its MRO changes, so a cached entry is valid exactly while the tag matches.
 *
 * Free-threaded build (interim): the build still runs one thread at a time under a GIL, so the
 * cache is used exactly as in the GIL build.  The free-threaded issue must make entries
 * sequence-locked (writers make a counter odd, write, make it even; readers retry when it
 * changed) and return new references (_PyType_LookupRef), since a borrowed result may be freed
 * by another thread. */
#ifndef Py_INTERNAL_TYPEOBJECT_H
#define Py_INTERNAL_TYPEOBJECT_H

#define MCACHE_SIZE_EXP 12
#define MCACHE_SIZE (1 << MCACHE_SIZE_EXP)
/* Release the names held by the current thread's method cache (free-threaded build: the cache
 * is per thread); called by an exiting thread while still attached. */
extern void _PyType_ClearThreadCache(void);

/* Short name of the type: tp_name after its last dot (borrowed C string). */
PyAPI_FUNC(const char *) _PyType_Name(PyTypeObject *);
/* Borrowed reference to the type's dict. */
static inline PyObject *_PyType_GetDict(PyTypeObject *type) { return type->tp_dict; }

/* Look up a special method on type(obj) and bind it to obj (descriptor __get__).  New
 * reference, or NULL: missing if no exception is set. */
PyAPI_FUNC(PyObject *) _PyObject_LookupSpecial(PyObject *obj, PyObject *name);
/* Like _PyObject_LookupSpecial but 1 found / 0 missing / -1 error with *result. */
PyAPI_FUNC(int) _PyObject_LookupSpecialMethod(PyObject *obj, PyObject *name,
                                              PyObject **result);

/* super(su_type, su_obj).name for LOAD_SUPER_ATTR.  If meth_found is not NULL and the
 * attribute is a plain method (function or method descriptor), returns it unbound (new
 * reference) and sets *meth_found = 1; otherwise the bound attribute and *meth_found = 0.
 * NULL with an exception on error. */
PyAPI_FUNC(PyObject *) _PySuper_Lookup(PyTypeObject *su_type, PyObject *su_obj, PyObject *name,
                                       int *meth_found);

/* type.__getattribute__ / __setattr__ implementations (exposed for the eval loop). */
PyAPI_FUNC(PyObject *) _Py_type_getattro(PyObject *type, PyObject *name);
PyAPI_FUNC(int) _Py_type_setattro(PyObject *type, PyObject *name, PyObject *value);
/* Lookup that may tell "found nothing" apart from errors: suppress_missing_attribute != NULL
 * receives 1 when missing (no exception). */
PyAPI_FUNC(PyObject *) _Py_type_getattro_impl(PyTypeObject *type, PyObject *name,
                                              int *suppress_missing_attribute);

/* Allocate an instance (zeroed, refcount 1, type set) without GC-tracking it. */
PyAPI_FUNC(PyObject *) _PyType_AllocNoTrack(PyTypeObject *type, Py_ssize_t nitems);
/* Current version tag, assigning one if needed; 0 if none can be assigned. */
PyAPI_FUNC(unsigned int) _PyType_GetVersionForCurrentState(PyTypeObject *type);
PyAPI_FUNC(int) _PyType_AssignVersionTag(PyTypeObject *type);

/* type(name, bases, dict) without the metaclass machinery: used by PyErr_NewException and
 * other C code creating plain classes.  New reference. */
PyAPI_FUNC(PyObject *) _PyType_NewSimple(const char *qualname_with_module, PyObject *bases,
                                         PyObject *dict);

/* PyType_GetModuleByDef without the TypeError (NULL when not found). */
PyAPI_FUNC(PyObject *) _PyType_GetModuleByDef2(PyTypeObject *left, PyTypeObject *right,
                                               struct PyModuleDef *def);

/* The __dict__ mapping proxy, __mro__, __bases__, ... are reached through type's getsets. */
PyAPI_FUNC(PyObject *) _PyType_GetSubclasses(PyTypeObject *type); /* new list */
PyAPI_FUNC(int) _PyType_CheckConsistency(PyTypeObject *type);

/* 1 if type defines __eq__ without __hash__ etc.: hash is PyObject_HashNotImplemented. */
static inline int _PyType_IsUnhashable(PyTypeObject *type)
{
    return type->tp_hash == PyObject_HashNotImplemented;
}

/* object.__reduce_ex__ helpers (copyreg protocol 2), used by copy and pickle. */
PyAPI_FUNC(PyObject *) _PyObject_GetNewArguments(PyObject *obj, PyObject **args,
                                                 PyObject **kwargs);
PyAPI_FUNC(PyObject *) _PyType_GetDocFromInternalDoc(const char *name, const char *doc);
PyAPI_FUNC(PyObject *) _PyType_GetTextSignatureFromInternalDoc(const char *name,
                                                               const char *doc);

#endif /* Py_INTERNAL_TYPEOBJECT_H */
