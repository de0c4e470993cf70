/* _abc: C helpers of Lib/abc.py (a Python ABCMeta).
 *
 * - Marking a class as a mapping or a sequence for structural pattern matching
 *   (Py_TPFLAGS_MAPPING / Py_TPFLAGS_SEQUENCE), as CPython's ABCs do through __abc_tpflags__
 *   and register().  The flags are set on the class and every subclass that does not have
 *   one of them yet.
 * - The cache-answered fast paths of isinstance()/issubclass() against an ABC (below). */
#include "Python.h"

#define COLLECTION_FLAGS (Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING)

static void set_collection_flag_recursive(PyTypeObject *type, unsigned long flag)
{
    if (!PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE) ||
        (type->tp_flags & COLLECTION_FLAGS) != 0) {
        return;
    }
    type->tp_flags |= flag;
    PyObject *subclasses = PyObject_CallMethod((PyObject *)type, "__subclasses__", NULL);
    if (subclasses == NULL) {
        PyErr_Clear();
        return;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(subclasses); i++) {
        PyObject *sub = PyList_GET_ITEM(subclasses, i);
        if (PyType_Check(sub)) {
            set_collection_flag_recursive((PyTypeObject *)sub, flag);
        }
    }
    Py_DECREF(subclasses);
}

/* _set_collection_flag(cls, flags): flags must be Py_TPFLAGS_MAPPING or _SEQUENCE. */
static PyObject *abc_set_collection_flag(PyObject *module, PyObject *args)
{
    PyObject *cls;
    unsigned long flags;
    if (!PyArg_ParseTuple(args, "Ok:_set_collection_flag", &cls, &flags)) {
        return NULL;
    }
    if (!PyType_Check(cls)) {
        PyErr_SetString(PyExc_TypeError, "_set_collection_flag() argument must be a class");
        return NULL;
    }
    if (flags != Py_TPFLAGS_MAPPING && flags != Py_TPFLAGS_SEQUENCE) {
        PyErr_SetString(PyExc_ValueError, "flags must be Py_TPFLAGS_MAPPING or _SEQUENCE");
        return NULL;
    }
    set_collection_flag_recursive((PyTypeObject *)cls, flags);
    Py_RETURN_NONE;
}

/* _collection_flag(cls): the class's Py_TPFLAGS_MAPPING/_SEQUENCE bits (0 if none). */
static PyObject *abc_collection_flag(PyObject *module, PyObject *cls)
{
    if (!PyType_Check(cls)) {
        return PyLong_FromLong(0);
    }
    return PyLong_FromUnsignedLong(((PyTypeObject *)cls)->tp_flags & COLLECTION_FLAGS);
}

/* ---- fast paths of ABCMeta.__instancecheck__ / __subclasscheck__ -----------------------------
 *
 * Lib/abc.py keeps, on every ABC, the sets `_abc_cache` and `_abc_negative_cache` of weak
 * references to classes already known to be (not to be) subclasses, and the version of the
 * negative cache (`_abc_negative_cache_version`, compared with the counter
 * `_abc_invalidation_counter` on ABCMeta).  Answering from those caches is the common case;
 * doing it here avoids running Python code for it.  Anything else (a miss, an instance whose
 * __class__ differs from its type, odd attributes) is left to the Python methods
 * `_abc_slow_instancecheck` / `_abc_slow_subclasscheck`, which also fill the caches.  No state
 * lives here: the sets are ordinary set objects (thread-safe on their own). */

/* 1 if key is in the set attribute `name` of cls, 0 if not (or no such set), -1 on error. */
static int in_class_set(PyObject *cls, PyObject *name, PyObject *key)
{
    PyObject *set;
    int rc = PyObject_GetOptionalAttr(cls, name, &set);
    if (rc <= 0) {
        return rc;
    }
    rc = PyAnySet_Check(set) ? PySet_Contains(set, key) : 0;
    Py_DECREF(set);
    return rc;
}

/* 1 if the negative cache of cls is current, 0 if stale (or unknown), -1 on error. */
static int negative_cache_current(PyObject *cls)
{
    PyObject *version, *counter;
    int rc = PyObject_GetOptionalAttr(cls, _Py_ID(_abc_negative_cache_version), &version);
    if (rc <= 0) {
        return rc;
    }
    rc = PyObject_GetOptionalAttr(cls, _Py_ID(_abc_invalidation_counter), &counter);
    if (rc > 0) {
        rc = PyObject_RichCompareBool(version, counter, Py_EQ);
        Py_DECREF(counter);
    }
    Py_DECREF(version);
    return rc;
}

/* Answer issubclass(subclass, cls) from the caches: 1 (yes), 0 (no), 2 (not cached) or -1 on
 * error. */
static int cached_subclass_answer(PyObject *cls, PyObject *subclass)
{
    PyObject *key = PyWeakref_NewRef(subclass, NULL);
    if (key == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            return 2;
        }
        return -1;
    }
    int rc = in_class_set(cls, _Py_ID(_abc_cache), key);
    if (rc != 0) {
        Py_DECREF(key);
        return rc;      /* 1: cached as a subclass, or -1 */
    }
    rc = negative_cache_current(cls);
    if (rc > 0) {
        rc = in_class_set(cls, _Py_ID(_abc_negative_cache), key);
        rc = rc < 0 ? -1 : (rc ? 0 : 2);
    }
    else if (rc == 0) {
        rc = 2;
    }
    Py_DECREF(key);
    return rc;
}

/* ABCMeta.__instancecheck__(cls, instance).  Return a new reference. */
static PyObject *abc_instancecheck(PyObject *cls, PyObject *instance)
{
    PyObject *subclass = PyObject_GetAttr(instance, _Py_ID(__class__));
    if (subclass == NULL) {
        return NULL;
    }
    int answer = 2;
    if (subclass == (PyObject *)Py_TYPE(instance)) {
        answer = cached_subclass_answer(cls, subclass);
    }
    Py_DECREF(subclass);
    if (answer < 0) {
        return NULL;
    }
    if (answer < 2) {
        return PyBool_FromLong(answer);
    }
    return PyObject_CallMethodOneArg(cls, _Py_ID(_abc_slow_instancecheck), instance);
}

/* ABCMeta.__subclasscheck__(cls, subclass).  Return a new reference. */
static PyObject *abc_subclasscheck(PyObject *cls, PyObject *subclass)
{
    if (!PyType_Check(subclass)) {
        PyErr_SetString(PyExc_TypeError, "issubclass() arg 1 must be a class");
        return NULL;
    }
    int answer = cached_subclass_answer(cls, subclass);
    if (answer < 0) {
        return NULL;
    }
    if (answer < 2) {
        return PyBool_FromLong(answer);
    }
    return PyObject_CallMethodOneArg(cls, _Py_ID(_abc_slow_subclasscheck), subclass);
}

/* Method definitions for the descriptors ABCMeta uses as __instancecheck__/__subclasscheck__
 * (method descriptors of `type`, so that they bind to the class like Python methods). */
static PyMethodDef abc_instancecheck_def = {
    "__instancecheck__", abc_instancecheck, METH_O, "Override for isinstance(instance, cls)."
};

static PyMethodDef abc_subclasscheck_def = {
    "__subclasscheck__", abc_subclasscheck, METH_O, "Override for issubclass(subclass, cls)."
};

static int abc_exec(PyObject *module)
{
    PyObject *inst = PyDescr_NewMethod(&PyType_Type, &abc_instancecheck_def);
    if (PyModule_Add(module, "_instancecheck", inst) < 0) {
        return -1;
    }
    PyObject *sub = PyDescr_NewMethod(&PyType_Type, &abc_subclasscheck_def);
    if (PyModule_Add(module, "_subclasscheck", sub) < 0) {
        return -1;
    }
    return 0;
}

static PyMethodDef abc_methods[] = {
    {"_set_collection_flag", abc_set_collection_flag, METH_VARARGS,
     "Mark a class (and its subclasses) as a mapping or sequence for pattern matching."},
    {"_collection_flag", abc_collection_flag, METH_O,
     "The class's mapping/sequence flag bits."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot abc_slots[] = {
    {Py_mod_exec, abc_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef abcmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_abc",
    .m_doc = "Helpers of the abc module that need the C API.",
    .m_size = 0,
    .m_methods = abc_methods,
    .m_slots = abc_slots,
};

PyMODINIT_FUNC
PyInit__abc(void)
{
    return PyModuleDef_Init(&abcmodule);
}
