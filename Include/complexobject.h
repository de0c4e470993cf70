/* complex: PyComplex_*.
 * Owner: numbers room (int, bool, float, complex, math). */
#ifndef Py_COMPLEXOBJECT_H
#define Py_COMPLEXOBJECT_H

typedef struct {
    double real;
    double imag;
} Py_complex;

typedef struct {
    PyObject_HEAD
    Py_complex cval;
} PyComplexObject;

PyAPI_DATA(PyTypeObject) PyComplex_Type;

#define PyComplex_Check(op) PyObject_TypeCheck((op), &PyComplex_Type)
#define PyComplex_CheckExact(op) Py_IS_TYPE((op), &PyComplex_Type)

/* Return a new reference. */
PyAPI_FUNC(PyObject *) PyComplex_FromCComplex(Py_complex);
/* Return a new reference. */
PyAPI_FUNC(PyObject *) PyComplex_FromDoubles(double real, double imag);
PyAPI_FUNC(double) PyComplex_RealAsDouble(PyObject *op);
PyAPI_FUNC(double) PyComplex_ImagAsDouble(PyObject *op);
/* The value of op (via __complex__, __float__ or __index__); real == -1.0 with an exception
 * set on error. */
PyAPI_FUNC(Py_complex) PyComplex_AsCComplex(PyObject *op);

/* C-level complex arithmetic; errno is set to EDOM/ERANGE on errors. */
PyAPI_FUNC(Py_complex) _Py_c_sum(Py_complex, Py_complex);
PyAPI_FUNC(Py_complex) _Py_c_diff(Py_complex, Py_complex);
PyAPI_FUNC(Py_complex) _Py_c_neg(Py_complex);
PyAPI_FUNC(Py_complex) _Py_c_prod(Py_complex, Py_complex);
PyAPI_FUNC(Py_complex) _Py_c_quot(Py_complex, Py_complex);
PyAPI_FUNC(Py_complex) _Py_c_pow(Py_complex, Py_complex);
PyAPI_FUNC(double) _Py_c_abs(Py_complex);

#endif /* Py_COMPLEXOBJECT_H */
