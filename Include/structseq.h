/* Struct sequences: named tuples implemented in C (sys.flags, os.stat_result, time.struct_time),
 * Objects/structseq.c.  Owner: object-model room. */
#ifndef Py_STRUCTSEQ_H
#define Py_STRUCTSEQ_H

typedef struct PyStructSequence_Field {
    const char *name; /* NULL ends the list; PyStructSequence_UnnamedField: no attribute */
    const char *doc;
} PyStructSequence_Field;

typedef struct PyStructSequence_Desc {
    const char *name;  /* "module.Name" */
    const char *doc;
    PyStructSequence_Field *fields;
    int n_in_sequence; /* fields visible as tuple items; the rest are attributes only */
} PyStructSequence_Desc;

PyAPI_DATA(const char * const) PyStructSequence_UnnamedField;

/* Initialise a static type in place; 0 or -1. */
PyAPI_FUNC(void) PyStructSequence_InitType(PyTypeObject *type, PyStructSequence_Desc *desc);
PyAPI_FUNC(int) PyStructSequence_InitType2(PyTypeObject *type, PyStructSequence_Desc *desc);
/* Create a heap type. */
PyAPI_FUNC(PyTypeObject *) PyStructSequence_NewType(PyStructSequence_Desc *desc);
/* A new instance whose items are NULL; fill them with PyStructSequence_SetItem. */
PyAPI_FUNC(PyObject *) PyStructSequence_New(PyTypeObject *type);
/* Steals a reference to v. */
PyAPI_FUNC(void) PyStructSequence_SetItem(PyObject *p, Py_ssize_t pos, PyObject *v);
/* Borrowed reference. */
PyAPI_FUNC(PyObject *) PyStructSequence_GetItem(PyObject *p, Py_ssize_t pos);

/* The instance layout is a tuple's. */
typedef PyTupleObject PyStructSequence;
#define PyStructSequence_SET_ITEM(op, i, v) PyTuple_SET_ITEM((op), (i), (v))
#define PyStructSequence_GET_ITEM(op, i) PyTuple_GET_ITEM((op), (i))

#endif /* Py_STRUCTSEQ_H */
