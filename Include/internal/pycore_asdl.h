/* ASDL sequences: arena-allocated arrays that hold the children of AST nodes.
 * asdl_seq_LEN(S) is 0 for a NULL sequence; asdl_seq_GET/SET use the typed element array.
 * Owner: parser room (Parser/asdl.c). */
#ifndef Py_INTERNAL_ASDL_H
#define Py_INTERNAL_ASDL_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE define"
#endif

#include "pycore_pyarena.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef PyObject *identifier;
typedef PyObject *string;
typedef PyObject *constant;

/* Every sequence starts with its length and a pointer to its (typed) element array, so
 * asdl_seq * can view any of them. */
#define _ASDL_SEQ_HEAD \
    Py_ssize_t size;   \
    void **elements;

typedef struct {
    _ASDL_SEQ_HEAD
} asdl_seq;

typedef struct {
    _ASDL_SEQ_HEAD
    void *typed_elements[1];
} asdl_generic_seq;

typedef struct {
    _ASDL_SEQ_HEAD
    PyObject *typed_elements[1];
} asdl_identifier_seq;

typedef struct {
    _ASDL_SEQ_HEAD
    int typed_elements[1];
} asdl_int_seq;

/* Return a sequence of size elements of elem_size bytes each (zeroed), or NULL with an
 * exception set.  The typed allocators below are wrappers. */
PyAPI_FUNC(void *) _Py_asdl_seq_new_sized(Py_ssize_t size, size_t elem_size, PyArena *arena);
PyAPI_FUNC(asdl_generic_seq *) _Py_asdl_generic_seq_new(Py_ssize_t size, PyArena *arena);
PyAPI_FUNC(asdl_identifier_seq *) _Py_asdl_identifier_seq_new(Py_ssize_t size,
                                                              PyArena *arena);
PyAPI_FUNC(asdl_int_seq *) _Py_asdl_int_seq_new(Py_ssize_t size, PyArena *arena);

#define asdl_seq_GET_UNTYPED(S, I) (((asdl_seq *)(S))->elements[(I)])
#define asdl_seq_GET(S, I) ((S)->typed_elements[(I)])
#define asdl_seq_LEN(S) ((S) == NULL ? 0 : (S)->size)
#define asdl_seq_SET(S, I, V) ((S)->typed_elements[(I)] = (V))
#define asdl_seq_SET_UNTYPED(S, I, V) (((asdl_seq *)(S))->elements[(I)] = (void *)(V))

#ifdef __cplusplus
}
#endif
#endif /* Py_INTERNAL_ASDL_H */
