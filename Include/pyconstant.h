/* Py_GetConstant: the singletons and empty constants by number (limited API, CPython 3.13;
 * CPython declares these in object.h).  Python/pyconstant.c. */
#ifndef Py_PYCONSTANT_H
#define Py_PYCONSTANT_H
#ifdef __cplusplus
extern "C" {
#endif

#define Py_CONSTANT_NONE 0
#define Py_CONSTANT_FALSE 1
#define Py_CONSTANT_TRUE 2
#define Py_CONSTANT_ELLIPSIS 3
#define Py_CONSTANT_NOT_IMPLEMENTED 4
#define Py_CONSTANT_ZERO 5
#define Py_CONSTANT_ONE 6
#define Py_CONSTANT_EMPTY_STR 7
#define Py_CONSTANT_EMPTY_BYTES 8
#define Py_CONSTANT_EMPTY_TUPLE 9

/* Return a new reference to constant `constant_id`; NULL with SystemError if it is none of
 * the Py_CONSTANT_* numbers. */
PyAPI_FUNC(PyObject *) Py_GetConstant(unsigned int constant_id);
/* The same, borrowed (the constants are immortal). */
PyAPI_FUNC(PyObject *) Py_GetConstantBorrowed(unsigned int constant_id);

#ifdef __cplusplus
}
#endif
#endif /* !Py_PYCONSTANT_H */
