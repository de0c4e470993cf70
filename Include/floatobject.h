/* float: PyFloat_*.
 * Owner: numbers room (int, bool, float, complex, math). */
#ifndef Py_FLOATOBJECT_H
#define Py_FLOATOBJECT_H

typedef struct {
    PyObject_HEAD
    double ob_fval;
} PyFloatObject;

PyAPI_DATA(PyTypeObject) PyFloat_Type;

#define PyFloat_Check(op) PyObject_TypeCheck((op), &PyFloat_Type)
#define PyFloat_CheckExact(op) Py_IS_TYPE((op), &PyFloat_Type)

static inline double PyFloat_AS_DOUBLE(PyObject *op)
{
    return ((PyFloatObject *)op)->ob_fval;
}
#define PyFloat_AS_DOUBLE(op) PyFloat_AS_DOUBLE(_PyObject_CAST(op))

#define Py_RETURN_NAN return PyFloat_FromDouble(Py_NAN)
#define Py_RETURN_INF(sign)                                                                   \
    do {                                                                                      \
        if (copysign(1., (sign)) == 1.) {                                                     \
            return PyFloat_FromDouble(Py_INFINITY);                                           \
        }                                                                                     \
        return PyFloat_FromDouble(-Py_INFINITY);                                              \
    } while (0)

PyAPI_FUNC(double) PyFloat_GetMax(void);
PyAPI_FUNC(double) PyFloat_GetMin(void);
/* Return a new reference: the sys.float_info struct sequence. */
PyAPI_FUNC(PyObject *) PyFloat_GetInfo(void);
/* Return a new reference: float(str) for a str/bytes/bytearray/buffer object. */
PyAPI_FUNC(PyObject *) PyFloat_FromString(PyObject *);
/* Return a new reference. */
PyAPI_FUNC(PyObject *) PyFloat_FromDouble(double);
/* float(op) as a C double (via __float__ or __index__); -1.0 with an exception set. */
PyAPI_FUNC(double) PyFloat_AsDouble(PyObject *);

/* IEEE 754 half/single/double packing (struct module). */
PyAPI_FUNC(int) PyFloat_Pack2(double x, char *p, int le);
PyAPI_FUNC(int) PyFloat_Pack4(double x, char *p, int le);
PyAPI_FUNC(int) PyFloat_Pack8(double x, char *p, int le);
PyAPI_FUNC(double) PyFloat_Unpack2(const char *p, int le);
PyAPI_FUNC(double) PyFloat_Unpack4(const char *p, int le);
PyAPI_FUNC(double) PyFloat_Unpack8(const char *p, int le);

#endif /* Py_FLOATOBJECT_H */
