/* cmath: mathematical functions for complex numbers.
 *
 * The functions are computed with the C99 <complex.h> functions of libm, whose Annex G
 * special values (branch cuts, signed zeros, infinities) agree with CPython's.  Errors follow
 * CPython: a finite argument giving an infinite result raises OverflowError("math range
 * error") (or ValueError("math domain error") at a pole such as log(0)), and a NaN produced
 * from an argument without NaNs raises ValueError("math domain error").  The module keeps no
 * mutable state. */
#include "Python.h"

#include <complex.h>
#include <errno.h>
#include <math.h>

/* Kinds of complex function, for the error rules. */
enum {
    CM_PLAIN = 0,   /* an infinite result from a finite argument is an overflow */
    CM_POLE = 1,    /* an infinite result from a finite argument is a domain error */
};

typedef double complex (*cfunc)(double complex);

static double complex
make_complex(double re, double im)
{
    double complex z;
    __real__ z = re;
    __imag__ z = im;
    return z;
}

/* Convert arg to a C complex; -1 with an exception set on failure. */
static int
to_complex(PyObject *arg, double complex *out)
{
    Py_complex c = PyComplex_AsCComplex(arg);
    if (c.real == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    *out = make_complex(c.real, c.imag);
    return 0;
}

/* Return a new reference to a Python complex for z. */
static PyObject *
from_complex(double complex z)
{
    Py_complex c = {creal(z), cimag(z)};
    return PyComplex_FromCComplex(c);
}

static int
c_isfinite(double complex z)
{
    return isfinite(creal(z)) && isfinite(cimag(z));
}

static int
c_hasinf(double complex z)
{
    return isinf(creal(z)) || isinf(cimag(z));
}

static int
c_hasnan(double complex z)
{
    return isnan(creal(z)) || isnan(cimag(z));
}

/* Raise the CPython error for computing r from z, if any; return -1 if raised. */
static int
check_result(double complex z, double complex r, int kind)
{
    if (c_isfinite(z) && c_hasinf(r)) {
        if (kind == CM_POLE) {
            PyErr_SetString(PyExc_ValueError, "math domain error");
        }
        else {
            PyErr_SetString(PyExc_OverflowError, "math range error");
        }
        return -1;
    }
    if (!c_hasnan(z) && c_hasnan(r)) {
        PyErr_SetString(PyExc_ValueError, "math domain error");
        return -1;
    }
    return 0;
}

/* Return a new reference: f(arg) with CPython's error rules. */
static PyObject *
apply(PyObject *arg, cfunc f, int kind)
{
    double complex z;
    if (to_complex(arg, &z) < 0) {
        return NULL;
    }
    double complex r = f(z);
    if (check_result(z, r, kind) < 0) {
        return NULL;
    }
    return from_complex(r);
}

/* Wrappers that pin down the special values C99 leaves unspecified (signs of zeros and
 * infinities next to NaNs) to the ones CPython returns. */

static double complex
cm_sqrt(double complex z)
{
    return csqrt(z);
}

static double complex
cm_exp(double complex z)
{
    if (creal(z) == -INFINITY && !isfinite(cimag(z))) {
        return make_complex(0.0, 0.0);
    }
    return cexp(z);
}

static double complex
cm_log10(double complex z)
{
    double complex r = clog(z);
    return make_complex(creal(r) / M_LN10, cimag(r) / M_LN10);
}

static double complex
cm_cosh(double complex z)
{
    if (isnan(creal(z)) && cimag(z) == 0.0) {
        return make_complex(NAN, 0.0);
    }
    return ccosh(z);
}

static double complex
cm_sinh(double complex z)
{
    if (creal(z) == 0.0 && isnan(cimag(z))) {
        return make_complex(0.0, NAN);
    }
    return csinh(z);
}

static double complex
cm_tanh(double complex z)
{
    if (creal(z) == 0.0 && isnan(cimag(z))) {
        return make_complex(NAN, NAN);
    }
    if (isinf(creal(z)) && isinf(cimag(z))) {
        return make_complex(copysign(1.0, creal(z)), 0.0);
    }
    return ctanh(z);
}

static double complex
cm_acosh(double complex z)
{
    if (creal(z) == 0.0 && isnan(cimag(z))) {
        return make_complex(NAN, NAN);
    }
    return cacosh(z);
}

/* cos(z) = cosh(iz) */
static double complex
cm_cos(double complex z)
{
    return cm_cosh(make_complex(-cimag(z), creal(z)));
}

/* sin(z) = -i sinh(iz) */
static double complex
cm_sin(double complex z)
{
    double complex r = cm_sinh(make_complex(-cimag(z), creal(z)));
    return make_complex(cimag(r), -creal(r));
}

/* tan(z) = -i tanh(iz) */
static double complex
cm_tan(double complex z)
{
    double complex r = cm_tanh(make_complex(-cimag(z), creal(z)));
    return make_complex(cimag(r), -creal(r));
}

static double complex
cm_acos(double complex z)
{
    if (isinf(creal(z)) && isnan(cimag(z))) {
        return make_complex(NAN, INFINITY);
    }
    return cacos(z);
}

static double complex
cm_asin(double complex z)
{
    if (isinf(creal(z)) && isnan(cimag(z))) {
        return make_complex(NAN, -INFINITY);
    }
    return casin(z);
}

static double complex
cm_atan(double complex z)
{
    if (isinf(creal(z)) && isnan(cimag(z))) {
        return make_complex(copysign(M_PI / 2, creal(z)), -0.0);
    }
    return catan(z);
}

#define CMATH_FUNC(name, impl, kind)                                        \
    static PyObject *                                                       \
    cmath_##name(PyObject *module, PyObject *arg)                           \
    {                                                                       \
        return apply(arg, impl, kind);                                      \
    }

CMATH_FUNC(sqrt, cm_sqrt, CM_PLAIN)
CMATH_FUNC(exp, cm_exp, CM_PLAIN)
CMATH_FUNC(log10, cm_log10, CM_POLE)
CMATH_FUNC(acos, cm_acos, CM_PLAIN)
CMATH_FUNC(asin, cm_asin, CM_PLAIN)
CMATH_FUNC(atan, cm_atan, CM_POLE)
CMATH_FUNC(cos, cm_cos, CM_PLAIN)
CMATH_FUNC(sin, cm_sin, CM_PLAIN)
CMATH_FUNC(tan, cm_tan, CM_PLAIN)
CMATH_FUNC(acosh, cm_acosh, CM_PLAIN)
CMATH_FUNC(asinh, casinh, CM_PLAIN)
CMATH_FUNC(atanh, catanh, CM_POLE)
CMATH_FUNC(cosh, cm_cosh, CM_PLAIN)
CMATH_FUNC(sinh, cm_sinh, CM_PLAIN)
CMATH_FUNC(tanh, cm_tanh, CM_PLAIN)

/* Return a new reference. */
static PyObject *
cmath_log(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        PyErr_Format(PyExc_TypeError, "log expected at %s %d argument%s, got %zd",
                     nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s",
                     nargs);
        return NULL;
    }
    double complex z;
    if (to_complex(args[0], &z) < 0) {
        return NULL;
    }
    double complex r = clog(z);
    if (nargs == 1) {
        if (check_result(z, r, CM_POLE) < 0) {
            return NULL;
        }
        return from_complex(r);
    }
    /* With a base, CPython checks only the logarithm of the base and the division. */
    double complex b;
    if (to_complex(args[1], &b) < 0) {
        return NULL;
    }
    double complex lb = clog(b);
    if (check_result(b, lb, CM_POLE) < 0) {
        return NULL;
    }
    Py_complex num = {creal(r), cimag(r)};
    Py_complex den = {creal(lb), cimag(lb)};
    if (den.real == 0.0 && den.imag == 0.0) {
        PyErr_SetString(PyExc_ValueError, "math domain error");
        return NULL;
    }
    return PyComplex_FromCComplex(_Py_c_quot(num, den));
}

/* Return a new reference. */
static PyObject *
cmath_phase(PyObject *module, PyObject *arg)
{
    double complex z;
    if (to_complex(arg, &z) < 0) {
        return NULL;
    }
    /* Like CPython, report libm's range error (an underflowing angle) as an overflow. */
    errno = 0;
    double phi = atan2(cimag(z), creal(z));
    if (errno == ERANGE) {
        errno = 0;
        PyErr_SetString(PyExc_OverflowError, "math range error");
        return NULL;
    }
    return PyFloat_FromDouble(phi);
}

/* Return a new reference. */
static PyObject *
cmath_polar(PyObject *module, PyObject *arg)
{
    double complex z;
    if (to_complex(arg, &z) < 0) {
        return NULL;
    }
    double r = hypot(creal(z), cimag(z));
    if (isinf(r) && c_isfinite(z)) {
        PyErr_SetString(PyExc_OverflowError, "math range error");
        return NULL;
    }
    return Py_BuildValue("dd", r, atan2(cimag(z), creal(z)));
}

/* Return a new reference. */
static PyObject *
cmath_rect(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "rect expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    double r = PyFloat_AsDouble(args[0]);
    if (r == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    double phi = PyFloat_AsDouble(args[1]);
    if (phi == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    double re, im;
    if (isinf(r) && isinf(phi)) {
        PyErr_SetString(PyExc_ValueError, "math domain error");
        return NULL;
    }
    if (!isfinite(phi) && isfinite(r) && r != 0.0) {
        if (isinf(phi)) {
            PyErr_SetString(PyExc_ValueError, "math domain error");
            return NULL;
        }
        re = NAN;
        im = NAN;
    }
    else if (r == 0.0 && !isfinite(phi)) {
        re = 0.0;
        im = 0.0;
    }
    else if (isinf(r) && isnan(phi)) {
        re = INFINITY;
        im = NAN;
    }
    else if (phi == 0.0) {
        /* On the real axis: avoid inf * 0 and keep CPython's zero signs. */
        re = r;
        im = isnan(r) ? 0.0 : (r < 0 ? -phi : phi);
        if (r == 0.0) {
            im = r * phi;
        }
    }
    else {
        re = r * cos(phi);
        im = r * sin(phi);
    }
    Py_complex c = {re, im};
    return PyComplex_FromCComplex(c);
}

static PyObject *
cmath_isfinite(PyObject *module, PyObject *arg)
{
    double complex z;
    if (to_complex(arg, &z) < 0) {
        return NULL;
    }
    return PyBool_FromLong(c_isfinite(z));
}

static PyObject *
cmath_isinf(PyObject *module, PyObject *arg)
{
    double complex z;
    if (to_complex(arg, &z) < 0) {
        return NULL;
    }
    return PyBool_FromLong(c_hasinf(z));
}

static PyObject *
cmath_isnan(PyObject *module, PyObject *arg)
{
    double complex z;
    if (to_complex(arg, &z) < 0) {
        return NULL;
    }
    return PyBool_FromLong(c_hasnan(z));
}

/* Return a new reference. */
static PyObject *
cmath_isclose(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    PyObject *ao, *bo;
    double rel_tol = 1e-09, abs_tol = 0.0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OO|$dd:isclose", kwlist, &ao, &bo,
                                     &rel_tol, &abs_tol)) {
        return NULL;
    }
    double complex a, b;
    if (to_complex(ao, &a) < 0 || to_complex(bo, &b) < 0) {
        return NULL;
    }
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        PyErr_SetString(PyExc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (creal(a) == creal(b) && cimag(a) == cimag(b)) {
        Py_RETURN_TRUE;
    }
    if (c_hasinf(a) || c_hasinf(b)) {
        Py_RETURN_FALSE;
    }
    double diff = cabs(a - b);
    int res = (diff <= rel_tol * cabs(b)) || (diff <= rel_tol * cabs(a)) || diff <= abs_tol;
    return PyBool_FromLong(res);
}

#define FUNC_O(name, doc) {#name, cmath_##name, METH_O, doc}

static PyMethodDef cmath_methods[] = {
    FUNC_O(sqrt, "sqrt($module, z, /)\n--\n\nReturn the square root of z."),
    FUNC_O(exp, "exp($module, z, /)\n--\n\nReturn the exponential value e**z."),
    FUNC_O(log10, "log10($module, z, /)\n--\n\nReturn the base-10 logarithm of z."),
    FUNC_O(acos, "acos($module, z, /)\n--\n\nReturn the arc cosine of z."),
    FUNC_O(asin, "asin($module, z, /)\n--\n\nReturn the arc sine of z."),
    FUNC_O(atan, "atan($module, z, /)\n--\n\nReturn the arc tangent of z."),
    FUNC_O(cos, "cos($module, z, /)\n--\n\nReturn the cosine of z."),
    FUNC_O(sin, "sin($module, z, /)\n--\n\nReturn the sine of z."),
    FUNC_O(tan, "tan($module, z, /)\n--\n\nReturn the tangent of z."),
    FUNC_O(acosh, "acosh($module, z, /)\n--\n\nReturn the inverse hyperbolic cosine of z."),
    FUNC_O(asinh, "asinh($module, z, /)\n--\n\nReturn the inverse hyperbolic sine of z."),
    FUNC_O(atanh, "atanh($module, z, /)\n--\n\nReturn the inverse hyperbolic tangent of z."),
    FUNC_O(cosh, "cosh($module, z, /)\n--\n\nReturn the hyperbolic cosine of z."),
    FUNC_O(sinh, "sinh($module, z, /)\n--\n\nReturn the hyperbolic sine of z."),
    FUNC_O(tanh, "tanh($module, z, /)\n--\n\nReturn the hyperbolic tangent of z."),
    FUNC_O(phase, "phase($module, z, /)\n--\n\nReturn argument, also known as the phase "
                  "angle, of a complex."),
    FUNC_O(polar, "polar($module, z, /)\n--\n\nConvert a complex from rectangular "
                  "coordinates to polar coordinates."),
    FUNC_O(isfinite, "isfinite($module, z, /)\n--\n\nReturn True if both the real and "
                     "imaginary parts of z are finite, else False."),
    FUNC_O(isinf, "isinf($module, z, /)\n--\n\nChecks if the real or imaginary part of z "
                  "is infinite."),
    FUNC_O(isnan, "isnan($module, z, /)\n--\n\nChecks if the real or imaginary part of z "
                  "not a number (NaN)."),
    {"log", (PyCFunction)(void (*)(void))cmath_log, METH_FASTCALL,
     "log($module, z, base=<unrepresentable>, /)\n--\n\nlog(z[, base]) -> the logarithm "
     "of z to the given base.\n\nIf the base is not specified, returns the natural "
     "logarithm (base e) of z."},
    {"rect", (PyCFunction)(void (*)(void))cmath_rect, METH_FASTCALL,
     "rect($module, r, phi, /)\n--\n\nConvert from polar coordinates to rectangular "
     "coordinates."},
    {"isclose", (PyCFunction)(void (*)(void))cmath_isclose, METH_VARARGS | METH_KEYWORDS,
     "isclose($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)\n--\n\n"
     "Determine whether two complex numbers are close in value."},
    {NULL, NULL, 0, NULL},
};

static int
add_double(PyObject *module, const char *name, double v)
{
    return PyModule_Add(module, name, PyFloat_FromDouble(v));
}

static int
add_complex(PyObject *module, const char *name, double re, double im)
{
    Py_complex c = {re, im};
    return PyModule_Add(module, name, PyComplex_FromCComplex(c));
}

static int
cmath_exec(PyObject *module)
{
    if (add_double(module, "pi", M_PI) < 0 || add_double(module, "e", M_E) < 0 ||
        add_double(module, "tau", 2.0 * M_PI) < 0 ||
        add_double(module, "inf", INFINITY) < 0 ||
        add_complex(module, "infj", 0.0, INFINITY) < 0 ||
        add_double(module, "nan", fabs(NAN)) < 0 ||
        add_complex(module, "nanj", 0.0, fabs(NAN)) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot cmath_slots[] = {
    {Py_mod_exec, cmath_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef cmath_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "cmath",
    .m_doc = "This module provides access to mathematical functions for complex\n"
             "numbers.",
    .m_size = 0,
    .m_methods = cmath_methods,
    .m_slots = cmath_slots,
};

PyMODINIT_FUNC
PyInit_cmath(void)
{
    return PyModuleDef_Init(&cmath_module);
}
