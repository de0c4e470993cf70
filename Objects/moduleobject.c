/* Module objects (the `module` type), module definitions (PyModuleDef) and creating modules
 * from them: single-phase (PyModule_Create2) and multi-phase (PyModule_FromDefAndSpec2 plus
 * PyModule_ExecDef) initialisation.
 *
 * Free-threaded build: md_gil records the module's Py_mod_gil slot (Py_MOD_GIL_USED when the
 * slot is absent); the import machinery (runtime room) reads it to decide whether importing the
 * module must re-enable the GIL.  The module dict is a dict and locks itself. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_pyerrors.h"
#include "pycore_pystate.h"
#include "pycore_qsbr.h"
#include "pycore_call.h"
#include "pycore_typeobject.h"
#include "pycore_modsupport.h"

PyTypeObject PyModuleDef_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "moduledef",
    .tp_basicsize = sizeof(PyModuleDef),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};
_Py_REGISTER_STATIC_TYPE(PyModuleDef_Type);

/* Module definitions are statically allocated and immortal; this only gives them a type and
 * an index.  Borrowed reference semantics: the result is def itself. */
PyObject *
PyModuleDef_Init(PyModuleDef *def)
{
    if (Py_TYPE(def) == NULL) {
        Py_SET_TYPE(def, &PyModuleDef_Type);
    }
    if (def->m_base.m_index == 0) {
        /* Indexes only need to be unique and non-zero; the address is both. */
        def->m_base.m_index = (Py_ssize_t)((uintptr_t)def >> 3);
    }
    return (PyObject *)def;
}

static int
module_init_dict(PyModuleObject *mod, PyObject *md_dict, PyObject *name, PyObject *doc)
{
    if (doc == NULL) {
        doc = Py_None;
    }
    if (PyDict_SetItem(md_dict, _Py_ID(__name__), name) != 0 ||
        PyDict_SetItem(md_dict, _Py_ID(__doc__), doc) != 0 ||
        PyDict_SetItem(md_dict, _Py_ID(__package__), Py_None) != 0 ||
        PyDict_SetItem(md_dict, _Py_ID(__loader__), Py_None) != 0 ||
        PyDict_SetItem(md_dict, _Py_ID(__spec__), Py_None) != 0) {
        return -1;
    }
    if (PyUnicode_CheckExact(name)) {
        Py_XSETREF(mod->md_name, Py_NewRef(name));
    }
    return 0;
}

static PyModuleObject *
new_module_notrack(PyTypeObject *mt)
{
    PyModuleObject *m = (PyModuleObject *)_PyType_AllocNoTrack(mt, 0);
    if (m == NULL) {
        return NULL;
    }
    m->md_def = NULL;
    m->md_state = NULL;
    m->md_weaklist = NULL;
    m->md_name = NULL;
#ifdef Py_GIL_DISABLED
    m->md_gil = Py_MOD_GIL_USED;
#endif
    m->md_dict = PyDict_New();
    if (m->md_dict == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

static PyObject *
new_module(PyTypeObject *mt, PyObject *args, PyObject *kws)
{
    PyModuleObject *m = new_module_notrack(mt);
    if (m != NULL) {
        PyObject_GC_Track(m);
    }
    return (PyObject *)m;
}

PyObject *
PyModule_NewObject(PyObject *name)
{
    PyModuleObject *m = new_module_notrack(&PyModule_Type);
    if (m == NULL) {
        return NULL;
    }
    if (module_init_dict(m, m->md_dict, name, NULL) != 0) {
        Py_DECREF(m);
        return NULL;
    }
    _PyObject_SetDeferredRefcount((PyObject *)m);
    _PyObject_SetDeferredRefcount(m->md_dict);
    PyObject_GC_Track(m);
    return (PyObject *)m;
}

PyObject *
PyModule_New(const char *name)
{
    PyObject *nameobj = PyUnicode_FromString(name);
    if (nameobj == NULL) {
        return NULL;
    }
    PyObject *module = PyModule_NewObject(nameobj);
    Py_DECREF(nameobj);
    return module;
}

static int
check_api_version(const char *name, int module_api_version)
{
    if (module_api_version != PYTHON_API_VERSION && module_api_version != PYTHON_ABI_VERSION) {
        return PyErr_WarnFormat(PyExc_RuntimeWarning, 1,
                                "Python C API version mismatch for module %.100s: This Python "
                                "has API version %d, module %.100s has version %d.",
                                name, PYTHON_API_VERSION, name, module_api_version);
    }
    return 0;
}

static int
alloc_module_state(PyModuleObject *md, PyModuleDef *def)
{
    if (def->m_size > 0 && md->md_state == NULL) {
        md->md_state = PyMem_Calloc(1, (size_t)def->m_size);
        if (md->md_state == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    return 0;
}

PyObject *
PyModule_Create2(PyModuleDef *module, int module_api_version)
{
    if (PyModuleDef_Init(module) == NULL) {
        return NULL;
    }
    const char *name = module->m_name;
    if (check_api_version(name, module_api_version) < 0) {
        return NULL;
    }
    if (module->m_slots) {
        PyErr_Format(PyExc_SystemError, "module %s: PyModule_Create is incompatible with "
                     "m_slots", name);
        return NULL;
    }
    PyModuleObject *m = (PyModuleObject *)PyModule_New(name);
    if (m == NULL) {
        return NULL;
    }
    if (alloc_module_state(m, module) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    if (module->m_methods != NULL && PyModule_AddFunctions((PyObject *)m,
                                                           module->m_methods) != 0) {
        Py_DECREF(m);
        return NULL;
    }
    if (module->m_doc != NULL && PyModule_SetDocString((PyObject *)m, module->m_doc) != 0) {
        Py_DECREF(m);
        return NULL;
    }
    m->md_def = module;
    return (PyObject *)m;
}

PyObject *
PyModule_FromDefAndSpec2(PyModuleDef *def, PyObject *spec, int module_api_version)
{
    PyObject *(*create)(PyObject *, PyModuleDef *) = NULL;
    PyObject *nameobj, *m = NULL;
    int has_multiple_interpreters_slot = 0;
    void *multiple_interpreters = NULL;
    int has_gil_slot = 0;
    void *gil_slot = Py_MOD_GIL_USED;
    int has_execution_slots = 0;
    const char *name;

    if (PyModuleDef_Init(def) == NULL) {
        return NULL;
    }
    nameobj = PyObject_GetAttrString(spec, "name");
    if (nameobj == NULL) {
        return NULL;
    }
    name = PyUnicode_AsUTF8(nameobj);
    if (name == NULL) {
        goto error;
    }
    if (check_api_version(name, module_api_version) < 0) {
        goto error;
    }
    if (def->m_size < 0) {
        PyErr_Format(PyExc_SystemError, "module %s: m_size may not be negative for multi-phase "
                     "initialization", name);
        goto error;
    }
    for (PyModuleDef_Slot *cur = def->m_slots; cur && cur->slot; cur++) {
        switch (cur->slot) {
        case Py_mod_create:
            if (create) {
                PyErr_Format(PyExc_SystemError, "module %s has multiple create slots", name);
                goto error;
            }
            create = cur->value;
            break;
        case Py_mod_exec:
            has_execution_slots = 1;
            break;
        case Py_mod_multiple_interpreters:
            if (has_multiple_interpreters_slot) {
                PyErr_Format(PyExc_SystemError, "module %s has more than one "
                             "'multiple interpreters' slots", name);
                goto error;
            }
            multiple_interpreters = cur->value;
            has_multiple_interpreters_slot = 1;
            break;
        case Py_mod_gil:
            if (has_gil_slot) {
                PyErr_Format(PyExc_SystemError, "module %s has more than one 'gil' slot", name);
                goto error;
            }
            gil_slot = cur->value;
            has_gil_slot = 1;
            break;
        default:
            if (cur->slot < 0 || cur->slot > Py_mod_gil) {
                PyErr_Format(PyExc_SystemError, "module %s uses unknown slot ID %i", name,
                             cur->slot);
                goto error;
            }
            break;
        }
    }
    (void)multiple_interpreters;
    if (create) {
        m = create(spec, def);
        if (m == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_SystemError, "creation of module %s failed without setting "
                             "an exception", name);
            }
            goto error;
        }
        if (PyErr_Occurred()) {
            _PyErr_FormatFromCause(PyExc_SystemError, "creation of module %s raised unreported "
                                   "exception", name);
            goto error;
        }
    }
    else {
        m = PyModule_NewObject(nameobj);
        if (m == NULL) {
            goto error;
        }
    }
    if (PyModule_Check(m)) {
        ((PyModuleObject *)m)->md_state = NULL;
        ((PyModuleObject *)m)->md_def = def;
#ifdef Py_GIL_DISABLED
        ((PyModuleObject *)m)->md_gil = gil_slot;
#else
        (void)gil_slot;
#endif
    }
    else {
        if (def->m_size > 0 || def->m_traverse || def->m_clear || def->m_free) {
            PyErr_Format(PyExc_SystemError, "module %s is not a module object, but requests "
                         "module state", name);
            goto error;
        }
        if (has_execution_slots) {
            PyErr_Format(PyExc_SystemError, "module %s specifies execution slots, but did not "
                         "create a ModuleType instance", name);
            goto error;
        }
    }
    if (def->m_methods != NULL && PyModule_AddFunctions(m, def->m_methods) != 0) {
        goto error;
    }
    if (def->m_doc != NULL && PyModule_SetDocString(m, def->m_doc) != 0) {
        goto error;
    }
    Py_DECREF(nameobj);
    return m;

error:
    Py_DECREF(nameobj);
    Py_XDECREF(m);
    return NULL;
}

int
PyUnstable_Module_SetGIL(PyObject *module, void *gil)
{
    if (!PyModule_Check(module)) {
        PyErr_BadInternalCall();
        return -1;
    }
#ifdef Py_GIL_DISABLED
    ((PyModuleObject *)module)->md_gil = gil;
#else
    (void)gil;
#endif
    return 0;
}

int
PyModule_ExecDef(PyObject *module, PyModuleDef *def)
{
    /* A reference: the exec functions run code that may rebind __name__. */
    PyObject *name = PyModule_GetNameObject(module);
    if (name == NULL) {
        return -1;
    }
    int rc = 0;
    if (def->m_size >= 0) {
        PyModuleObject *md = (PyModuleObject *)module;
        if (alloc_module_state(md, def) < 0) {
            rc = -1;
        }
    }
    for (PyModuleDef_Slot *cur = def->m_slots; rc == 0 && cur && cur->slot; cur++) {
        if (cur->slot != Py_mod_exec) {
            continue;
        }
        int (*exec)(PyObject *) = cur->value;
        int ret = exec(module);
        if (ret != 0) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_SystemError, "execution of module %U failed without "
                             "setting an exception", name);
            }
            rc = -1;
        }
        else if (PyErr_Occurred()) {
            _PyErr_FormatFromCause(PyExc_SystemError, "execution of module %U raised "
                                   "unreported exception", name);
            rc = -1;
        }
    }
    Py_DECREF(name);
    return rc;
}

int
PyModule_AddFunctions(PyObject *m, PyMethodDef *functions)
{
    PyObject *name = PyModule_GetNameObject(m);
    if (name == NULL) {
        return -1;
    }
    for (PyMethodDef *fdef = functions; fdef->ml_name != NULL; fdef++) {
        if ((fdef->ml_flags & METH_CLASS) || (fdef->ml_flags & METH_STATIC)) {
            PyErr_SetString(PyExc_ValueError,
                            "module functions cannot set METH_CLASS or METH_STATIC");
            Py_DECREF(name);
            return -1;
        }
        PyObject *func = PyCFunction_NewEx(fdef, m, name);
        if (func == NULL) {
            Py_DECREF(name);
            return -1;
        }
        if (PyObject_SetAttrString(m, fdef->ml_name, func) != 0) {
            Py_DECREF(func);
            Py_DECREF(name);
            return -1;
        }
        Py_DECREF(func);
    }
    Py_DECREF(name);
    return 0;
}

int
PyModule_SetDocString(PyObject *m, const char *doc)
{
    PyObject *v = PyUnicode_FromString(doc);
    if (v == NULL || PyObject_SetAttr(m, _Py_ID(__doc__), v) != 0) {
        Py_XDECREF(v);
        return -1;
    }
    Py_DECREF(v);
    return 0;
}

PyObject *
PyModule_GetDict(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return ((PyModuleObject *)m)->md_dict;
}

PyObject *
PyModule_GetNameObject(PyObject *mod)
{
    if (!PyModule_Check(mod)) {
        PyErr_BadArgument();
        return NULL;
    }
    PyObject *dict = ((PyModuleObject *)mod)->md_dict;
    PyObject *name;
    if (dict == NULL || !PyDict_Check(dict)) {
        goto error;
    }
    if (PyDict_GetItemRef(dict, _Py_ID(__name__), &name) <= 0) {
        goto error;
    }
    if (!PyUnicode_Check(name)) {
        Py_DECREF(name);
        goto error;
    }
    return name;
error:
    if (!PyErr_Occurred()) {
        PyErr_SetString(PyExc_SystemError, "nameless module");
    }
    return NULL;
}

const char *
PyModule_GetName(PyObject *m)
{
    PyObject *name = PyModule_GetNameObject(m);
    if (name == NULL) {
        return NULL;
    }
    /* A borrowed result (C API): the module dict keeps the string alive.  Its UTF-8 form is
     * made while this reference is held, and the reference is dropped after a grace period
     * (QSBR; at once in the GIL build), so a thread rebinding __name__ meanwhile cannot free
     * the string before the caller has used the result. */
    const char *utf8 = PyUnicode_AsUTF8(name);
    _PyObject_XDecRefDelayed(name);
    return utf8;
}

PyObject *
PyModule_GetFilenameObject(PyObject *mod)
{
    if (!PyModule_Check(mod)) {
        PyErr_BadArgument();
        return NULL;
    }
    PyObject *dict = ((PyModuleObject *)mod)->md_dict;
    PyObject *fileobj;
    int rc = dict ? PyDict_GetItemRef(dict, _Py_ID(__file__), &fileobj) : 0;
    if (rc < 0) {
        return NULL;
    }
    if (rc == 0 || !PyUnicode_Check(fileobj)) {
        if (rc > 0) {
            Py_DECREF(fileobj);
        }
        PyErr_SetString(PyExc_SystemError, "module filename missing");
        return NULL;
    }
    return fileobj;
}

const char *
PyModule_GetFilename(PyObject *m)
{
    PyObject *fileobj = PyModule_GetFilenameObject(m);
    if (fileobj == NULL) {
        return NULL;
    }
    const char *utf8 = PyUnicode_AsUTF8(fileobj);
    Py_DECREF(fileobj);
    return utf8;
}

PyModuleDef *
PyModule_GetDef(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    return ((PyModuleObject *)m)->md_def;
}

void *
PyModule_GetState(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    return ((PyModuleObject *)m)->md_state;
}

/* ---- the module type ----------------------------------------------------------------------- */

static int
module___init__(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static const char *kwlist[] = {"name", "doc", NULL};
    PyObject *name, *doc = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "U|O:module", (char **)kwlist, &name,
                                     &doc)) {
        return -1;
    }
    PyModuleObject *m = (PyModuleObject *)self;
    return module_init_dict(m, m->md_dict, name, doc);
}

static void
module_dealloc(PyObject *self)
{
    PyModuleObject *m = (PyModuleObject *)self;
    PyObject_GC_UnTrack(m);
    if (m->md_def && m->md_def->m_free && (m->md_def->m_size <= 0 || m->md_state != NULL)) {
        m->md_def->m_free(m);
    }
    Py_XDECREF(m->md_dict);
    Py_XDECREF(m->md_name);
    if (m->md_state != NULL) {
        PyMem_Free(m->md_state);
    }
    if (m->md_weaklist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    Py_TYPE(m)->tp_free((PyObject *)m);
}

static PyObject *
module_repr(PyObject *self)
{
    PyModuleObject *m = (PyModuleObject *)self;
    PyObject *name = NULL, *file = NULL, *spec = NULL, *loader = NULL, *origin = NULL;
    PyObject *res = NULL;
    PyObject *dict = m->md_dict;
    if (dict == NULL) {
        return PyUnicode_FromString("<module '?'>");     /* cleared by the collector */
    }
    if (PyDict_GetItemRef(dict, _Py_ID(__name__), &name) < 0) {
        return NULL;
    }
    if (name == NULL) {
        name = PyUnicode_FromString("?");
        if (name == NULL) {
            return NULL;
        }
    }
    if (PyDict_GetItemRef(dict, _Py_ID(__file__), &file) < 0) {
        goto done;
    }
    if (file != NULL && PyUnicode_Check(file)) {
        res = PyUnicode_FromFormat("<module %R from %R>", name, file);
        goto done;
    }
    if (PyDict_GetItemRef(dict, _Py_ID(__spec__), &spec) < 0) {
        goto done;
    }
    if (spec != NULL && spec != Py_None) {
        if (PyObject_GetOptionalAttr(spec, _Py_ID(origin), &origin) < 0) {
            goto done;
        }
        if (origin != NULL && PyUnicode_Check(origin)) {
            if (PyUnicode_EqualToUTF8(origin, "built-in") ||
                PyUnicode_EqualToUTF8(origin, "frozen")) {
                res = PyUnicode_FromFormat("<module %R (%U)>", name, origin);
            }
            else {
                res = PyUnicode_FromFormat("<module %R from %R>", name, origin);
            }
            goto done;
        }
    }
    if (PyDict_GetItemRef(dict, _Py_ID(__loader__), &loader) < 0) {
        goto done;
    }
    if (loader != NULL && loader != Py_None) {
        res = PyUnicode_FromFormat("<module %R (%R)>", name, loader);
        goto done;
    }
    res = PyUnicode_FromFormat("<module %R>", name);
done:
    Py_XDECREF(name);
    Py_XDECREF(file);
    Py_XDECREF(spec);
    Py_XDECREF(loader);
    Py_XDECREF(origin);
    return res;
}

/* 1 if module.__spec__._initializing is true (a circular import is in progress). */
static int
spec_is_initializing(PyObject *spec)
{
    if (spec == NULL || spec == Py_None) {
        return 0;
    }
    PyObject *value;
    int rc = PyObject_GetOptionalAttr(spec, _Py_ID(_initializing), &value);
    if (rc > 0) {
        rc = PyObject_IsTrue(value);
        Py_DECREF(value);
    }
    return rc;
}

static PyObject *
module_getattro(PyObject *self, PyObject *name)
{
    PyModuleObject *m = (PyModuleObject *)self;
    PyObject *attr = _PyObject_GenericGetAttrWithDict(self, name, NULL, 1);
    if (attr != NULL || PyErr_Occurred()) {
        return attr;
    }
    if (m->md_dict == NULL) {
        /* Cleared by the collector (module_clear) and reached again, e.g. from a finalizer. */
        PyErr_Format(PyExc_AttributeError, "module has no attribute '%U'", name);
        return NULL;
    }
    PyObject *getattr;
    if (PyDict_GetItemRef(m->md_dict, _Py_ID(__getattr__), &getattr) < 0) {
        return NULL;
    }
    if (getattr) {
        PyObject *result = PyObject_CallOneArg(getattr, name);
        if (result == NULL) {
            _PyObject_SetAttributeErrorContext(self, name);
        }
        Py_DECREF(getattr);
        return result;
    }
    PyObject *mod_name;
    if (PyDict_GetItemRef(m->md_dict, _Py_ID(__name__), &mod_name) < 0) {
        return NULL;
    }
    if (mod_name && PyUnicode_Check(mod_name)) {
        PyObject *spec;
        if (PyDict_GetItemRef(m->md_dict, _Py_ID(__spec__), &spec) < 0) {
            Py_DECREF(mod_name);
            return NULL;
        }
        int rc = spec_is_initializing(spec);
        Py_XDECREF(spec);
        if (rc > 0) {
            PyErr_Format(PyExc_AttributeError,
                         "partially initialized module '%U' has no attribute '%U' (most likely "
                         "due to a circular import)",
                         mod_name, name);
        }
        else if (rc == 0) {
            PyErr_Format(PyExc_AttributeError, "module '%U' has no attribute '%U'", mod_name,
                         name);
        }
        Py_DECREF(mod_name);
        _PyObject_SetAttributeErrorContext(self, name);
        return NULL;
    }
    Py_XDECREF(mod_name);
    PyErr_Format(PyExc_AttributeError, "module has no attribute '%U'", name);
    _PyObject_SetAttributeErrorContext(self, name);
    return NULL;
}

static int
module_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyModuleObject *m = (PyModuleObject *)self;
    if (m->md_def && m->md_def->m_traverse &&
        (m->md_def->m_size <= 0 || m->md_state != NULL)) {
        int res = m->md_def->m_traverse(self, visit, arg);
        if (res) {
            return res;
        }
    }
    Py_VISIT(m->md_dict);
    return 0;
}

static int
module_clear(PyObject *self)
{
    PyModuleObject *m = (PyModuleObject *)self;
    if (m->md_def && m->md_def->m_clear && (m->md_def->m_size <= 0 || m->md_state != NULL)) {
        int res = m->md_def->m_clear(self);
        if (PyErr_Occurred()) {
            PyErr_WriteUnraisable(NULL);
        }
        if (res) {
            return res;
        }
    }
    Py_CLEAR(m->md_dict);
    return 0;
}

static PyObject *
module_dir(PyObject *self, PyObject *args)
{
    PyObject *result = NULL;
    PyObject *dict = PyObject_GetAttr(self, _Py_ID(__dict__));
    if (dict != NULL) {
        if (PyDict_Check(dict)) {
            /* A reference: another thread may rebind or delete __dir__ meanwhile. */
            PyObject *dirfunc;
            int rc = PyDict_GetItemRef(dict, _Py_ID(__dir__), &dirfunc);
            if (rc > 0) {
                result = PyObject_CallNoArgs(dirfunc);
                Py_DECREF(dirfunc);
            }
            else if (rc == 0) {
                result = PyDict_Keys(dict);
            }
        }
        else {
            PyErr_Format(PyExc_TypeError, "<module>.__dict__ is not a dictionary");
        }
    }
    Py_XDECREF(dict);
    return result;
}

static PyMethodDef module_methods[] = {
    {"__dir__", module_dir, METH_NOARGS, "__dir__($self, /)\n--\n\nSpecialized __dir__ "
     "implementation for module."},
    {NULL, NULL, 0, NULL},
};

static PyObject *
module_get_annotations(PyObject *self, void *closure)
{
    PyObject *dict = PyObject_GetAttr(self, _Py_ID(__dict__));
    if (dict == NULL) {
        return NULL;
    }
    if (!PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "<module>.__dict__ is not a dictionary");
        Py_DECREF(dict);
        return NULL;
    }
    PyObject *annotations;
    if (PyDict_GetItemRef(dict, _Py_ID(__annotations__), &annotations) == 0) {
        annotations = PyDict_New();
        if (annotations) {
            if (PyDict_SetItem(dict, _Py_ID(__annotations__), annotations) < 0) {
                Py_CLEAR(annotations);
            }
        }
    }
    Py_DECREF(dict);
    return annotations;
}

static int
module_set_annotations(PyObject *self, PyObject *value, void *closure)
{
    PyObject *dict = PyObject_GetAttr(self, _Py_ID(__dict__));
    if (dict == NULL) {
        return -1;
    }
    int ret = -1;
    if (!PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "<module>.__dict__ is not a dictionary");
        goto exit;
    }
    if (value != NULL) {
        ret = PyDict_SetItem(dict, _Py_ID(__annotations__), value);
    }
    else {
        ret = PyDict_DelItem(dict, _Py_ID(__annotations__));
        if (ret < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_AttributeError, "__annotations__");
        }
    }
exit:
    Py_DECREF(dict);
    return ret;
}

static PyGetSetDef module_getsets[] = {
    {"__annotations__", module_get_annotations, module_set_annotations, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef module_members[] = {
    {"__dict__", _Py_T_OBJECT, offsetof(PyModuleObject, md_dict), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject PyModule_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "module",
    .tp_basicsize = sizeof(PyModuleObject),
    .tp_dealloc = module_dealloc,
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "module(name, doc=None)\n--\n\nCreate a module object.\n\n"
              "The name must be a string; the optional doc argument can have any type.",
    .tp_traverse = module_traverse,
    .tp_clear = module_clear,
    .tp_weaklistoffset = offsetof(PyModuleObject, md_weaklist),
    .tp_methods = module_methods,
    .tp_members = module_members,
    .tp_getset = module_getsets,
    .tp_dictoffset = offsetof(PyModuleObject, md_dict),
    .tp_init = module___init__,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = new_module,
    .tp_free = PyObject_GC_Del,
};
_Py_REGISTER_STATIC_TYPE(PyModule_Type);
