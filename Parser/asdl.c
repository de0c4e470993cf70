/* ASDL sequence allocation (see Include/internal/pycore_asdl.h). */
#include "Python.h"
#include "pycore_asdl.h"

void *
_Py_asdl_seq_new_sized(Py_ssize_t size, size_t elem_size, PyArena *arena)
{
    if (size < 0 || (size_t)size > (PY_SSIZE_T_MAX - sizeof(asdl_generic_seq)) / elem_size) {
        PyErr_NoMemory();
        return NULL;
    }
    /* The header plus at least one element slot, as the typed structs declare. */
    size_t n = size > 0 ? (size_t)size : 1;
    size_t bytes = offsetof(asdl_generic_seq, typed_elements) + n * elem_size;
    asdl_generic_seq *seq = (asdl_generic_seq *)_PyArena_Malloc(arena, bytes);
    if (seq == NULL) {
        return NULL;
    }
    memset(seq, 0, bytes);
    seq->size = size;
    seq->elements = (void **)seq->typed_elements;
    return seq;
}

asdl_generic_seq *
_Py_asdl_generic_seq_new(Py_ssize_t size, PyArena *arena)
{
    return (asdl_generic_seq *)_Py_asdl_seq_new_sized(size, sizeof(void *), arena);
}

asdl_identifier_seq *
_Py_asdl_identifier_seq_new(Py_ssize_t size, PyArena *arena)
{
    return (asdl_identifier_seq *)_Py_asdl_seq_new_sized(size, sizeof(PyObject *), arena);
}

asdl_int_seq *
_Py_asdl_int_seq_new(Py_ssize_t size, PyArena *arena)
{
    return (asdl_int_seq *)_Py_asdl_seq_new_sized(size, sizeof(int), arena);
}
