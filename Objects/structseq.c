/* Struct sequences: tuple subclasses with named fields, defined from C (sys.flags,
 * os.stat_result, time.struct_time).
 *
 * An instance is laid out as a tuple with n_fields items, but its ob_size is the number of
 * visible fields (n_sequence_fields): tuple operations see only those; the remaining fields
 * are reachable as attributes only.  The counts live in the type dict as n_sequence_fields,
 * n_fields and n_unnamed_fields (as in CPython). */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_modsupport.h"

const char *const PyStructSequence_UnnamedField = "unnamed field";

static Py_ssize_t
get_type_attr_as_size(PyTypeObject *tp, const char *name)
{
    PyObject *v = PyDict_GetItemString(tp->tp_dict, name);
    if (v == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "Missed attribute '%s' of type %s", name,
                         tp->tp_name);
        }
        return -1;
    }
    return PyLong_AsSsize_t(v);
}

#define VISIBLE_SIZE(op) Py_SIZE(op)
#define VISIBLE_SIZE_TP(tp) get_type_attr_as_size((tp), "n_sequence_fields")
#define REAL_SIZE_TP(tp) get_type_attr_as_size((tp), "n_fields")
#define REAL_SIZE(op) get_real_size((PyObject *)(op))
#define UNNAMED_FIELDS_TP(tp) get_type_attr_as_size((tp), "n_unnamed_fields")

static Py_ssize_t
get_real_size(PyObject *op)
{
    /* Cached in the type dict; errors cannot happen for a well-formed type. */
    Py_ssize_t n = REAL_SIZE_TP(Py_TYPE(op));
    if (n < 0) {
        PyErr_Clear();
        return Py_SIZE(op);
    }
    return n;
}

PyObject *
PyStructSequence_New(PyTypeObject *type)
{
    Py_ssize_t size = REAL_SIZE_TP(type);
    if (size < 0) {
        return NULL;
    }
    Py_ssize_t vsize = VISIBLE_SIZE_TP(type);
    if (vsize < 0) {
        return NULL;
    }
    PyObject *obj = type->tp_alloc(type, size);
    if (obj == NULL) {
        return NULL;
    }
    Py_SET_SIZE(obj, vsize);
    return obj;
}

void
PyStructSequence_SetItem(PyObject *op, Py_ssize_t index, PyObject *value)
{
    PyTupleObject *tuple = (PyTupleObject *)op;
    PyObject *old = tuple->ob_item[index];
    tuple->ob_item[index] = value;
    Py_XDECREF(old);
}

PyObject *
PyStructSequence_GetItem(PyObject *op, Py_ssize_t index)
{
    return ((PyTupleObject *)op)->ob_item[index];
}

static int
structseq_traverse(PyObject *obj, visitproc visit, void *arg)
{
    if (Py_TYPE(obj)->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        Py_VISIT(Py_TYPE(obj));
    }
    Py_ssize_t size = REAL_SIZE(obj);
    for (Py_ssize_t i = 0; i < size; ++i) {
        Py_VISIT(((PyTupleObject *)obj)->ob_item[i]);
    }
    return 0;
}

static void
structseq_dealloc(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject_GC_UnTrack(obj);
    Py_ssize_t size = REAL_SIZE(obj);
    for (Py_ssize_t i = 0; i < size; ++i) {
        Py_XDECREF(((PyTupleObject *)obj)->ob_item[i]);
    }
    PyObject_GC_Del(obj);
    if (tp->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        Py_DECREF(tp);
    }
}

static PyObject *
structseq_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *kwlist[] = {"sequence", "dict", NULL};
    PyObject *arg, *dict = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:structseq", (char **)kwlist, &arg,
                                     &dict)) {
        return NULL;
    }
    Py_ssize_t min_len = VISIBLE_SIZE_TP(type);
    Py_ssize_t max_len = REAL_SIZE_TP(type);
    Py_ssize_t n_unnamed = UNNAMED_FIELDS_TP(type);
    if (min_len < 0 || max_len < 0 || n_unnamed < 0) {
        return NULL;
    }
    arg = PySequence_Fast(arg, "constructor requires a sequence");
    if (!arg) {
        return NULL;
    }
    if (dict && dict != Py_None && !PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "%.500s() takes a dict as second arg, if any",
                     type->tp_name);
        Py_DECREF(arg);
        return NULL;
    }
    if (dict == Py_None) {
        dict = NULL;
    }
    Py_ssize_t len = PySequence_Fast_GET_SIZE(arg);
    if (min_len > len) {
        if (min_len == max_len) {
            PyErr_Format(PyExc_TypeError, "%.500s() takes a %zd-sequence (%zd-sequence given)",
                         type->tp_name, min_len, len);
        }
        else {
            PyErr_Format(PyExc_TypeError, "%.500s() takes an at least %zd-sequence "
                         "(%zd-sequence given)",
                         type->tp_name, min_len, len);
        }
        Py_DECREF(arg);
        return NULL;
    }
    if (len > max_len) {
        if (min_len == max_len) {
            PyErr_Format(PyExc_TypeError, "%.500s() takes a %zd-sequence (%zd-sequence given)",
                         type->tp_name, min_len, len);
        }
        else {
            PyErr_Format(PyExc_TypeError, "%.500s() takes an at most %zd-sequence "
                         "(%zd-sequence given)",
                         type->tp_name, max_len, len);
        }
        Py_DECREF(arg);
        return NULL;
    }
    PyObject *res = PyStructSequence_New(type);
    if (res == NULL) {
        Py_DECREF(arg);
        return NULL;
    }
    Py_ssize_t i;
    for (i = 0; i < len; ++i) {
        PyObject *v = PySequence_Fast_GET_ITEM(arg, i);
        ((PyTupleObject *)res)->ob_item[i] = Py_NewRef(v);
    }
    Py_DECREF(arg);
    for (; i < max_len; ++i) {
        PyObject *ob = NULL;
        if (dict != NULL) {
            const char *name = type->tp_members[i - n_unnamed].name;
            if (PyDict_GetItemStringRef(dict, name, &ob) < 0) {
                Py_DECREF(res);
                return NULL;
            }
        }
        if (ob == NULL) {
            ob = Py_NewRef(Py_None);
        }
        ((PyTupleObject *)res)->ob_item[i] = ob;
    }
    return res;
}

static PyObject *
structseq_repr(PyObject *self)
{
    PyTypeObject *typ = Py_TYPE(self);
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < VISIBLE_SIZE(self); i++) {
        const char *name = typ->tp_members[i].name;
        if (name == NULL) {
            break;
        }
        PyObject *value = ((PyTupleObject *)self)->ob_item[i];
        PyObject *part = PyUnicode_FromFormat("%s=%R", name, value ? value : Py_None);
        if (part == NULL || PyList_Append(parts, part) < 0) {
            Py_XDECREF(part);
            Py_DECREF(parts);
            return NULL;
        }
        Py_DECREF(part);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *body = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    if (body == NULL) {
        return NULL;
    }
    PyObject *res = PyUnicode_FromFormat("%s(%U)", typ->tp_name, body);
    Py_DECREF(body);
    return res;
}

static PyObject *
structseq_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t n_fields = REAL_SIZE(self);
    Py_ssize_t n_visible = VISIBLE_SIZE(self);
    Py_ssize_t n_unnamed = UNNAMED_FIELDS_TP(Py_TYPE(self));
    if (n_unnamed < 0) {
        return NULL;
    }
    PyObject *tup = PyTuple_New(n_visible);
    if (!tup) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n_visible; i++) {
        PyTuple_SET_ITEM(tup, i, Py_NewRef(((PyTupleObject *)self)->ob_item[i]));
    }
    PyObject *dict = PyDict_New();
    if (!dict) {
        Py_DECREF(tup);
        return NULL;
    }
    for (Py_ssize_t i = n_visible; i < n_fields; i++) {
        const char *n = Py_TYPE(self)->tp_members[i - n_unnamed].name;
        if (PyDict_SetItemString(dict, n, ((PyTupleObject *)self)->ob_item[i]) < 0) {
            Py_DECREF(tup);
            Py_DECREF(dict);
            return NULL;
        }
    }
    PyObject *result = Py_BuildValue("(O(OO))", Py_TYPE(self), tup, dict);
    Py_DECREF(tup);
    Py_DECREF(dict);
    return result;
}

static PyObject *
structseq_replace(PyObject *self, PyObject *args, PyObject *kwargs)
{
    if (!_PyArg_NoPositional("__replace__", args)) {
        return NULL;
    }
    Py_ssize_t n_fields = REAL_SIZE(self);
    Py_ssize_t n_unnamed = UNNAMED_FIELDS_TP(Py_TYPE(self));
    if (n_unnamed < 0) {
        return NULL;
    }
    if (n_unnamed > 0) {
        PyErr_Format(PyExc_TypeError, "__replace__() is not supported by %.500s because it "
                     "has unnamed field(s)", Py_TYPE(self)->tp_name);
        return NULL;
    }
    PyObject *result = PyStructSequence_New(Py_TYPE(self));
    if (!result) {
        return NULL;
    }
    PyObject *kw = kwargs ? PyDict_Copy(kwargs) : NULL;
    if (kwargs && !kw) {
        Py_DECREF(result);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n_fields; ++i) {
        PyObject *ob = NULL;
        if (kw) {
            const char *name = Py_TYPE(self)->tp_members[i].name;
            if (PyDict_PopString(kw, name, &ob) < 0) {
                goto error;
            }
        }
        if (ob == NULL) {
            ob = Py_NewRef(((PyTupleObject *)self)->ob_item[i]);
        }
        ((PyTupleObject *)result)->ob_item[i] = ob;
    }
    if (kw && PyDict_GET_SIZE(kw) > 0) {
        PyObject *names = PyDict_Keys(kw);
        if (names) {
            PyErr_Format(PyExc_TypeError, "Got unexpected field name(s): %R", names);
            Py_DECREF(names);
        }
        goto error;
    }
    Py_XDECREF(kw);
    return result;
error:
    Py_XDECREF(kw);
    Py_DECREF(result);
    return NULL;
}

static PyMethodDef structseq_methods[] = {
    {"__reduce__", structseq_reduce, METH_NOARGS, NULL},
    {"__replace__", _PyCFunction_CAST(structseq_replace), METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static Py_ssize_t
count_members(PyStructSequence_Desc *desc, Py_ssize_t *n_unnamed_members)
{
    Py_ssize_t i;
    *n_unnamed_members = 0;
    for (i = 0; desc->fields[i].name != NULL; ++i) {
        if (desc->fields[i].name == PyStructSequence_UnnamedField) {
            (*n_unnamed_members)++;
        }
    }
    return i;
}

static int
initialize_structseq_dict(PyStructSequence_Desc *desc, PyObject *dict, Py_ssize_t n_members,
                          Py_ssize_t n_unnamed_members)
{
#define SET_DICT_FROM_SIZE(key, value)                                                        \
    do {                                                                                      \
        PyObject *v = PyLong_FromSsize_t(value);                                              \
        if (v == NULL) {                                                                      \
            return -1;                                                                        \
        }                                                                                     \
        if (PyDict_SetItemString(dict, key, v) < 0) {                                         \
            Py_DECREF(v);                                                                     \
            return -1;                                                                        \
        }                                                                                     \
        Py_DECREF(v);                                                                         \
    } while (0)

    SET_DICT_FROM_SIZE("n_sequence_fields", Py_MIN((Py_ssize_t)desc->n_in_sequence, n_members));
    SET_DICT_FROM_SIZE("n_fields", n_members);
    SET_DICT_FROM_SIZE("n_unnamed_fields", n_unnamed_members);
#undef SET_DICT_FROM_SIZE

    /* __match_args__: the visible named fields. */
    Py_ssize_t n_visible = Py_MIN((Py_ssize_t)desc->n_in_sequence, n_members);
    PyObject *keys = PyTuple_New(n_visible);
    if (keys == NULL) {
        return -1;
    }
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n_visible; ++i) {
        if (desc->fields[i].name == PyStructSequence_UnnamedField) {
            continue;
        }
        PyObject *new_member = PyUnicode_FromString(desc->fields[i].name);
        if (new_member == NULL) {
            Py_DECREF(keys);
            return -1;
        }
        PyTuple_SET_ITEM(keys, k++, new_member);
    }
    if (_PyTuple_Resize(&keys, k) < 0) {
        return -1;
    }
    int r = PyDict_SetItemString(dict, "__match_args__", keys);
    Py_DECREF(keys);
    return r;
}

static PyMemberDef *
initialize_members(PyStructSequence_Desc *desc, Py_ssize_t n_members,
                   Py_ssize_t n_unnamed_members)
{
    PyMemberDef *members = PyMem_NEW(PyMemberDef, n_members - n_unnamed_members + 1);
    if (members == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t i, k;
    for (i = k = 0; i < n_members; ++i) {
        if (desc->fields[i].name == PyStructSequence_UnnamedField) {
            continue;
        }
        members[k].name = desc->fields[i].name;
        members[k].type = _Py_T_OBJECT;
        members[k].offset = offsetof(PyTupleObject, ob_item) + i * sizeof(PyObject *);
        members[k].flags = Py_READONLY;
        members[k].doc = desc->fields[i].doc;
        k++;
    }
    members[k].name = NULL;
    return members;
}

int
PyStructSequence_InitType2(PyTypeObject *type, PyStructSequence_Desc *desc)
{
    if (type->tp_flags & Py_TPFLAGS_READY) {
        return 0;
    }
    Py_ssize_t n_unnamed_members;
    Py_ssize_t n_members = count_members(desc, &n_unnamed_members);
    PyMemberDef *members = initialize_members(desc, n_members, n_unnamed_members);
    if (members == NULL) {
        return -1;
    }
    Py_SET_TYPE(type, &PyType_Type);
    type->tp_name = desc->name;
    type->tp_basicsize = sizeof(PyTupleObject) - sizeof(PyObject *);
    type->tp_itemsize = sizeof(PyObject *);
    type->tp_dealloc = structseq_dealloc;
    type->tp_repr = structseq_repr;
    type->tp_doc = desc->doc;
    type->tp_base = &PyTuple_Type;
    type->tp_methods = structseq_methods;
    type->tp_new = structseq_new;
    type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_TUPLE_SUBCLASS;
    type->tp_traverse = structseq_traverse;
    type->tp_members = members;
    if (PyType_Ready(type) < 0) {
        PyMem_Free(members);
        return -1;
    }
    if (initialize_structseq_dict(desc, type->tp_dict, n_members, n_unnamed_members) < 0) {
        return -1;
    }
    return 0;
}

void
PyStructSequence_InitType(PyTypeObject *type, PyStructSequence_Desc *desc)
{
    (void)PyStructSequence_InitType2(type, desc);
}

PyTypeObject *
PyStructSequence_NewType(PyStructSequence_Desc *desc)
{
    Py_ssize_t n_unnamed_members;
    Py_ssize_t n_members = count_members(desc, &n_unnamed_members);
    PyMemberDef *members = initialize_members(desc, n_members, n_unnamed_members);
    if (members == NULL) {
        return NULL;
    }
    PyType_Slot slots[8];
    Py_ssize_t slot_offset = 0;
    slots[slot_offset++] = (PyType_Slot){Py_tp_dealloc, (void *)structseq_dealloc};
    slots[slot_offset++] = (PyType_Slot){Py_tp_repr, (void *)structseq_repr};
    slots[slot_offset++] = (PyType_Slot){Py_tp_doc, (void *)desc->doc};
    slots[slot_offset++] = (PyType_Slot){Py_tp_methods, structseq_methods};
    slots[slot_offset++] = (PyType_Slot){Py_tp_new, (void *)structseq_new};
    slots[slot_offset++] = (PyType_Slot){Py_tp_members, members};
    slots[slot_offset++] = (PyType_Slot){Py_tp_traverse, (void *)structseq_traverse};
    slots[slot_offset] = (PyType_Slot){0, 0};
    PyType_Spec spec = {
        .name = desc->name,
        .basicsize = sizeof(PyTupleObject) - sizeof(PyObject *),
        .itemsize = sizeof(PyObject *),
        .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
        .slots = slots,
    };
    PyTypeObject *type =
        (PyTypeObject *)PyType_FromSpecWithBases(&spec, (PyObject *)&PyTuple_Type);
    PyMem_Free(members);
    if (type == NULL) {
        return NULL;
    }
    if (initialize_structseq_dict(desc, type->tp_dict, n_members, n_unnamed_members) < 0) {
        Py_DECREF(type);
        return NULL;
    }
    return type;
}
