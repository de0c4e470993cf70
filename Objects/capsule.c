/* Capsules: wrap a C pointer (with a name and an optional destructor) in a Python object so
 * that C extensions can share C APIs through module attributes. */
#include "Python.h"
#include "pycore_object.h"

typedef struct {
    PyObject_HEAD
    void *pointer;
    const char *name;
    void *context;
    PyCapsule_Destructor destructor;
} PyCapsule;

static int
name_matches(const char *name1, const char *name2)
{
    if (!name1 || !name2) {
        return name1 == name2;
    }
    return !strcmp(name1, name2);
}

/* 1 if capsule is a valid capsule, else 0 with ValueError(invalid_capsule). */
static int
is_legal_capsule(PyObject *op, const char *invalid_capsule)
{
    if (!op || !PyCapsule_CheckExact(op)) {
        goto error;
    }
    if (((PyCapsule *)op)->pointer == NULL) {
        goto error;
    }
    return 1;
error:
    PyErr_SetString(PyExc_ValueError, invalid_capsule);
    return 0;
}

PyObject *
PyCapsule_New(void *pointer, const char *name, PyCapsule_Destructor destructor)
{
    if (!pointer) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_New called with null pointer");
        return NULL;
    }
    PyCapsule *capsule = PyObject_GC_New(PyCapsule, &PyCapsule_Type);
    if (capsule == NULL) {
        return NULL;
    }
    capsule->pointer = pointer;
    capsule->name = name;
    capsule->context = NULL;
    capsule->destructor = destructor;
    PyObject_GC_Track(capsule);
    return (PyObject *)capsule;
}

int
PyCapsule_IsValid(PyObject *op, const char *name)
{
    PyCapsule *capsule = (PyCapsule *)op;
    return (capsule != NULL && PyCapsule_CheckExact(capsule) && capsule->pointer != NULL &&
            name_matches(capsule->name, name));
}

void *
PyCapsule_GetPointer(PyObject *op, const char *name)
{
    if (!is_legal_capsule(op, "PyCapsule_GetPointer called with invalid PyCapsule object")) {
        return NULL;
    }
    PyCapsule *capsule = (PyCapsule *)op;
    if (!name_matches(name, capsule->name)) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_GetPointer called with incorrect name");
        return NULL;
    }
    return capsule->pointer;
}

const char *
PyCapsule_GetName(PyObject *op)
{
    if (!is_legal_capsule(op, "PyCapsule_GetName called with invalid PyCapsule object")) {
        return NULL;
    }
    return ((PyCapsule *)op)->name;
}

PyCapsule_Destructor
PyCapsule_GetDestructor(PyObject *op)
{
    if (!is_legal_capsule(op, "PyCapsule_GetDestructor called with invalid PyCapsule "
                              "object")) {
        return NULL;
    }
    return ((PyCapsule *)op)->destructor;
}

void *
PyCapsule_GetContext(PyObject *op)
{
    if (!is_legal_capsule(op, "PyCapsule_GetContext called with invalid PyCapsule object")) {
        return NULL;
    }
    return ((PyCapsule *)op)->context;
}

int
PyCapsule_SetPointer(PyObject *op, void *pointer)
{
    if (!is_legal_capsule(op, "PyCapsule_SetPointer called with invalid PyCapsule object")) {
        return -1;
    }
    if (!pointer) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_SetPointer called with null pointer");
        return -1;
    }
    ((PyCapsule *)op)->pointer = pointer;
    return 0;
}

int
PyCapsule_SetName(PyObject *op, const char *name)
{
    if (!is_legal_capsule(op, "PyCapsule_SetName called with invalid PyCapsule object")) {
        return -1;
    }
    ((PyCapsule *)op)->name = name;
    return 0;
}

int
PyCapsule_SetDestructor(PyObject *op, PyCapsule_Destructor destructor)
{
    if (!is_legal_capsule(op, "PyCapsule_SetDestructor called with invalid PyCapsule "
                              "object")) {
        return -1;
    }
    ((PyCapsule *)op)->destructor = destructor;
    return 0;
}

int
PyCapsule_SetContext(PyObject *op, void *context)
{
    if (!is_legal_capsule(op, "PyCapsule_SetContext called with invalid PyCapsule object")) {
        return -1;
    }
    ((PyCapsule *)op)->context = context;
    return 0;
}

void *
PyCapsule_Import(const char *name, int no_block)
{
    (void)no_block;
    PyObject *object = NULL;
    void *return_value = NULL;
    size_t name_length = strlen(name) + 1;
    char *name_dup = PyMem_Malloc(name_length);
    if (!name_dup) {
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(name_dup, name, name_length);
    char *trace = name_dup;
    while (trace) {
        char *dot = strchr(trace, '.');
        if (dot) {
            *dot++ = '\0';
        }
        if (object == NULL) {
            object = PyImport_ImportModule(trace);
            if (!object) {
                PyErr_Format(PyExc_ImportError, "PyCapsule_Import could not import module "
                             "\"%s\"", trace);
            }
        }
        else {
            PyObject *object2 = PyObject_GetAttrString(object, trace);
            Py_SETREF(object, object2);
        }
        if (!object) {
            goto exit;
        }
        trace = dot;
    }
    if (PyCapsule_IsValid(object, name)) {
        return_value = ((PyCapsule *)object)->pointer;
    }
    else {
        PyErr_Format(PyExc_AttributeError, "PyCapsule_Import \"%s\" is not valid", name);
    }
exit:
    Py_XDECREF(object);
    PyMem_Free(name_dup);
    return return_value;
}

static void
capsule_dealloc(PyObject *op)
{
    PyCapsule *capsule = (PyCapsule *)op;
    PyObject_GC_UnTrack(op);
    if (capsule->destructor) {
        capsule->destructor(op);
    }
    PyObject_GC_Del(op);
}

static PyObject *
capsule_repr(PyObject *o)
{
    PyCapsule *capsule = (PyCapsule *)o;
    const char *name, *quote;
    if (capsule->name) {
        quote = "\"";
        name = capsule->name;
    }
    else {
        quote = "";
        name = "NULL";
    }
    return PyUnicode_FromFormat("<capsule object %s%s%s at %p>", quote, name, quote,
                                (void *)capsule);
}

static int
capsule_traverse(PyObject *self, visitproc visit, void *arg)
{
    /* A capsule's contents are opaque C data: nothing to visit. */
    return 0;
}

PyTypeObject PyCapsule_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "PyCapsule",
    .tp_basicsize = sizeof(PyCapsule),
    .tp_dealloc = capsule_dealloc,
    .tp_repr = capsule_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Capsule objects let you wrap a C \"void *\" pointer in a Python\n"
              "object.  They're a way of passing data through the Python interpreter\n"
              "without creating your own custom type.",
    .tp_traverse = capsule_traverse,
};
_Py_REGISTER_STATIC_TYPE(PyCapsule_Type);
