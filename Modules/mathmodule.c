/* The math module: C99 libm functions with Python's error conventions, plus the exact
 * functions (fsum, isqrt, factorial, comb, perm, gcd, lcm, prod, sumprod).
 *
 * Error convention: a NaN result from non-NaN arguments is ValueError("math domain error"); an
 * infinite result from finite arguments is OverflowError("math range error") for functions
 * that can overflow and ValueError for the others (poles such as log(0) or atanh(1)).
 *
 * The module has no state and takes no locks: every function is pure. */

#include "Python.h"
#include "pycore_long.h"

#include <float.h>

/* ---- helpers ------------------------------------------------------------------------------- */

static int
get_double(PyObject *arg, double *x)
{
    if (PyFloat_CheckExact(arg)) {
        *x = PyFloat_AS_DOUBLE(arg);
        return 0;
    }
    *x = PyFloat_AsDouble(arg);
    if (*x == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    return 0;
}

static PyObject *
domain_error(void)
{
    PyErr_SetString(PyExc_ValueError, "math domain error");
    return NULL;
}

static PyObject *
range_error(void)
{
    PyErr_SetString(PyExc_OverflowError, "math range error");
    return NULL;
}

/* Apply f to one argument with the error convention above. */
static PyObject *
math_1(PyObject *arg, double (*f)(double), int can_overflow)
{
    double x;
    if (get_double(arg, &x) < 0) {
        return NULL;
    }
    errno = 0;
    double r = f(x);
    if (isnan(r) && !isnan(x)) {
        return domain_error();
    }
    if (isinf(r) && isfinite(x)) {
        return can_overflow ? range_error() : domain_error();
    }
    return PyFloat_FromDouble(r);
}

static PyObject *
math_2(PyObject *const *args, Py_ssize_t nargs, const char *name, double (*f)(double, double))
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "%s expected 2 arguments, got %zd", name, nargs);
        return NULL;
    }
    double x, y;
    if (get_double(args[0], &x) < 0 || get_double(args[1], &y) < 0) {
        return NULL;
    }
    double r = f(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        return domain_error();
    }
    if (isinf(r) && isfinite(x) && isfinite(y)) {
        return range_error();
    }
    return PyFloat_FromDouble(r);
}

#define MATH_FUNC1(name, func, can_overflow, doc)                                             \
    static PyObject *math_##name(PyObject *module, PyObject *arg)                             \
    {                                                                                         \
        return math_1(arg, func, can_overflow);                                               \
    }

MATH_FUNC1(acos, acos, 0, "")
MATH_FUNC1(acosh, acosh, 0, "")
MATH_FUNC1(asin, asin, 0, "")
MATH_FUNC1(asinh, asinh, 0, "")
MATH_FUNC1(atan, atan, 0, "")
MATH_FUNC1(atanh, atanh, 0, "")
MATH_FUNC1(cbrt, cbrt, 0, "")
MATH_FUNC1(cos, cos, 0, "")
MATH_FUNC1(cosh, cosh, 1, "")
MATH_FUNC1(erf, erf, 0, "")
MATH_FUNC1(erfc, erfc, 0, "")
MATH_FUNC1(exp, exp, 1, "")
MATH_FUNC1(exp2, exp2, 1, "")
MATH_FUNC1(expm1, expm1, 1, "")
MATH_FUNC1(fabs, fabs, 0, "")
MATH_FUNC1(log1p, log1p, 0, "")
MATH_FUNC1(sin, sin, 0, "")
MATH_FUNC1(sinh, sinh, 1, "")
MATH_FUNC1(sqrt, sqrt, 0, "")
MATH_FUNC1(tan, tan, 0, "")
MATH_FUNC1(tanh, tanh, 0, "")

static int
is_nonpositive_integer(double x)
{
    return x <= 0.0 && floor(x) == x;
}

static PyObject *
math_gamma(PyObject *module, PyObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0) {
        return NULL;
    }
    if (isfinite(x) && is_nonpositive_integer(x)) {
        return domain_error();
    }
    if (x == -Py_INFINITY) {
        return domain_error();
    }
    double r = tgamma(x);
    if (isinf(r) && isfinite(x)) {
        return range_error();
    }
    return PyFloat_FromDouble(r);
}

static PyObject *
math_lgamma(PyObject *module, PyObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0) {
        return NULL;
    }
    if (isfinite(x) && is_nonpositive_integer(x)) {
        return domain_error();
    }
    int sign;
    double r = lgamma_r(x, &sign);
    if (isinf(r) && isfinite(x)) {
        return range_error();
    }
    return PyFloat_FromDouble(r);
}

static PyObject *
math_atan2(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return math_2(args, nargs, "atan2", atan2);
}

static PyObject *
math_copysign(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return math_2(args, nargs, "copysign", copysign);
}

static PyObject *
math_fmod(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "fmod expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    double x, y;
    if (get_double(args[0], &x) < 0 || get_double(args[1], &y) < 0) {
        return NULL;
    }
    if (isinf(y) && isfinite(x)) {
        return PyFloat_FromDouble(x);
    }
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        return domain_error();
    }
    return PyFloat_FromDouble(r);
}

static PyObject *
math_remainder(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return math_2(args, nargs, "remainder", remainder);
}

static PyObject *
math_pow(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "pow expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    double x, y;
    if (get_double(args[0], &x) < 0 || get_double(args[1], &y) < 0) {
        return NULL;
    }
    double r = pow(x, y);   /* C99 Annex F special cases match Python's */
    if (isfinite(x) && isfinite(y)) {
        if (isnan(r)) {
            return domain_error();
        }
        if (isinf(r)) {
            if (x == 0.0) {
                return domain_error();
            }
            return range_error();
        }
    }
    return PyFloat_FromDouble(r);
}

/* ---- rounding to integers ------------------------------------------------------------------- */

/* Call the special method type(x).name bound to x (looked up on the type, bound through its
 * __get__ like CPython's special method lookup): 1 with *res set, 0 if undefined, -1 error. */
static int
call_special(PyObject *x, PyObject *name, PyObject **res)
{
    PyObject *meth = _PyType_Lookup(Py_TYPE(x), name);
    if (meth == NULL) {
        return 0;
    }
    Py_INCREF(meth);
    descrgetfunc get = Py_TYPE(meth)->tp_descr_get;
    if (get != NULL) {
        Py_SETREF(meth, get(meth, x, (PyObject *)Py_TYPE(x)));
        if (meth == NULL) {
            return -1;
        }
    }
    *res = PyObject_CallNoArgs(meth);
    Py_DECREF(meth);
    return *res == NULL ? -1 : 1;
}

static PyObject *
math_ceil(PyObject *module, PyObject *x)
{
    if (PyFloat_CheckExact(x)) {
        return PyLong_FromDouble(ceil(PyFloat_AS_DOUBLE(x)));
    }
    PyObject *res;
    int rc = call_special(x, _Py_ID(__ceil__), &res);
    if (rc != 0) {
        return rc < 0 ? NULL : res;
    }
    double d;
    if (get_double(x, &d) < 0) {
        return NULL;
    }
    return PyLong_FromDouble(ceil(d));
}

static PyObject *
math_floor(PyObject *module, PyObject *x)
{
    if (PyFloat_CheckExact(x)) {
        return PyLong_FromDouble(floor(PyFloat_AS_DOUBLE(x)));
    }
    PyObject *res;
    int rc = call_special(x, _Py_ID(__floor__), &res);
    if (rc != 0) {
        return rc < 0 ? NULL : res;
    }
    double d;
    if (get_double(x, &d) < 0) {
        return NULL;
    }
    return PyLong_FromDouble(floor(d));
}

static PyObject *
math_trunc(PyObject *module, PyObject *x)
{
    if (PyFloat_CheckExact(x)) {
        return PyLong_FromDouble(PyFloat_AS_DOUBLE(x));
    }
    PyObject *res;
    int rc = call_special(x, _Py_ID(__trunc__), &res);
    if (rc != 0) {
        return rc < 0 ? NULL : res;
    }
    PyErr_Format(PyExc_TypeError, "type %.100s doesn't define __trunc__ method",
                 Py_TYPE(x)->tp_name);
    return NULL;
}

/* ---- logarithms -------------------------------------------------------------------------- */

/* f(x) for a positive int or a float x, big ints included. */
static int
log_helper(PyObject *arg, double (*f)(double), double *out)
{
    if (PyLong_Check(arg)) {
        if (_PyLong_Sign(arg) <= 0) {
            domain_error();
            return -1;
        }
        double x = PyLong_AsDouble(arg);
        if (x == -1.0 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_OverflowError)) {
                return -1;
            }
            PyErr_Clear();
            int64_t e;
            double m = _PyLong_Frexp((PyLongObject *)arg, &e);
            *out = f(m) + f(2.0) * (double)e;
            return 0;
        }
        *out = f(x);
        return 0;
    }
    double x;
    if (get_double(arg, &x) < 0) {
        return -1;
    }
    if (isnan(x) || x == Py_INFINITY) {
        *out = x;
        return 0;
    }
    if (x <= 0.0) {
        domain_error();
        return -1;
    }
    *out = f(x);
    return 0;
}

static PyObject *
math_log(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        PyErr_Format(PyExc_TypeError, "log expected 1 or 2 arguments, got %zd", nargs);
        return NULL;
    }
    double num;
    if (log_helper(args[0], log, &num) < 0) {
        return NULL;
    }
    if (nargs == 1) {
        return PyFloat_FromDouble(num);
    }
    double den;
    if (log_helper(args[1], log, &den) < 0) {
        return NULL;
    }
    if (den == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return PyFloat_FromDouble(num / den);
}

static PyObject *
math_log2(PyObject *module, PyObject *x)
{
    double r;
    if (log_helper(x, log2, &r) < 0) {
        return NULL;
    }
    return PyFloat_FromDouble(r);
}

static PyObject *
math_log10(PyObject *module, PyObject *x)
{
    double r;
    if (log_helper(x, log10, &r) < 0) {
        return NULL;
    }
    return PyFloat_FromDouble(r);
}

/* ---- float decomposition -------------------------------------------------------------------- */

static PyObject *
math_frexp(PyObject *module, PyObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0) {
        return NULL;
    }
    int e = 0;
    double m = x;
    if (isfinite(x) && x != 0.0) {
        m = frexp(x, &e);
    }
    return Py_BuildValue("(di)", m, e);
}

static PyObject *
math_ldexp(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "ldexp expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    double x;
    if (get_double(args[0], &x) < 0) {
        return NULL;
    }
    if (!PyLong_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "Expected an int as second argument to ldexp.");
        return NULL;
    }
    int overflow;
    long long e = PyLong_AsLongLongAndOverflow(args[1], &overflow);
    if (e == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (overflow) {
        e = overflow > 0 ? INT_MAX : INT_MIN;
    }
    else if (e > INT_MAX || e < INT_MIN) {
        e = e < 0 ? INT_MIN : INT_MAX;
    }
    if (x == 0.0 || !isfinite(x)) {
        return PyFloat_FromDouble(x);
    }
    double r = ldexp(x, (int)e);
    if (isinf(r)) {
        return range_error();
    }
    return PyFloat_FromDouble(r);
}

static PyObject *
math_modf(PyObject *module, PyObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0) {
        return NULL;
    }
    if (isinf(x)) {
        return Py_BuildValue("(dd)", copysign(0.0, x), x);
    }
    double ip;
    double fp = modf(x, &ip);
    return Py_BuildValue("(dd)", fp, ip);
}

static PyObject *
math_degrees(PyObject *module, PyObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0) {
        return NULL;
    }
    return PyFloat_FromDouble(x * (180.0 / Py_MATH_PI));
}

static PyObject *
math_radians(PyObject *module, PyObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0) {
        return NULL;
    }
    return PyFloat_FromDouble(x * (Py_MATH_PI / 180.0));
}

static PyObject *
math_isfinite(PyObject *module, PyObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0) {
        return NULL;
    }
    return PyBool_FromLong(isfinite(x));
}

static PyObject *
math_isinf(PyObject *module, PyObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0) {
        return NULL;
    }
    return PyBool_FromLong(isinf(x));
}

static PyObject *
math_isnan(PyObject *module, PyObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0) {
        return NULL;
    }
    return PyBool_FromLong(isnan(x));
}

static PyObject *
math_isclose(PyObject *module, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    PyObject *out[4] = {NULL, NULL, NULL, NULL};
    if (_PyNumber_ParseArgs("isclose", args, nargs, kwnames, names, 4, 0, 2, 2, out) < 0) {
        return NULL;
    }
    double a, b, rel_tol = 1e-09, abs_tol = 0.0;
    if (get_double(out[0], &a) < 0 || get_double(out[1], &b) < 0) {
        return NULL;
    }
    if (out[2] != NULL && get_double(out[2], &rel_tol) < 0) {
        return NULL;
    }
    if (out[3] != NULL && get_double(out[3], &abs_tol) < 0) {
        return NULL;
    }
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        PyErr_SetString(PyExc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (a == b) {
        Py_RETURN_TRUE;
    }
    if (isinf(a) || isinf(b)) {
        Py_RETURN_FALSE;
    }
    double diff = fabs(b - a);
    return PyBool_FromLong((diff <= fabs(rel_tol * b)) || (diff <= fabs(rel_tol * a)) ||
                           (diff <= abs_tol));
}

/* Doubles in IEEE order as signed integers: adjacent doubles have adjacent keys, and -0.0 and
 * 0.0 share key 0. */
static int64_t
double_key(double x)
{
    uint64_t u;
    memcpy(&u, &x, sizeof(u));
    if (u >> 63) {
        return -(int64_t)(u & ~((uint64_t)1 << 63));
    }
    return (int64_t)u;
}

static double
key_double(int64_t k)
{
    uint64_t u = k >= 0 ? (uint64_t)k : (((uint64_t)1 << 63) | (uint64_t)(-k));
    double x;
    memcpy(&x, &u, sizeof(x));
    return x;
}

static PyObject *
math_nextafter(PyObject *module, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"x", "y", "steps"};
    PyObject *out[3] = {NULL, NULL, NULL};
    if (_PyNumber_ParseArgs("nextafter", args, nargs, kwnames, names, 3, 2, 2, 2, out) < 0) {
        return NULL;
    }
    double x, y;
    if (get_double(out[0], &x) < 0 || get_double(out[1], &y) < 0) {
        return NULL;
    }
    if (out[2] == NULL || out[2] == Py_None) {
        return PyFloat_FromDouble(nextafter(x, y));
    }
    PyObject *st = PyNumber_Index(out[2]);
    if (st == NULL) {
        return NULL;
    }
    if (_PyLong_Sign(st) < 0) {
        Py_DECREF(st);
        PyErr_SetString(PyExc_ValueError, "steps must be a non-negative integer");
        return NULL;
    }
    int overflow;
    long long steps = PyLong_AsLongLongAndOverflow(st, &overflow);
    Py_DECREF(st);
    if (steps == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (overflow) {
        steps = LLONG_MAX;
    }
    if (steps == 0) {
        return PyFloat_FromDouble(x);
    }
    if (isnan(x)) {
        return PyFloat_FromDouble(x);
    }
    if (isnan(y)) {
        return PyFloat_FromDouble(y);
    }
    int64_t kx = double_key(x), ky = double_key(y);
    if (kx == ky) {
        return PyFloat_FromDouble(y);
    }
    uint64_t dist = kx < ky ? (uint64_t)ky - (uint64_t)kx : (uint64_t)kx - (uint64_t)ky;
    if ((uint64_t)steps >= dist) {
        return PyFloat_FromDouble(y);
    }
    int64_t kr = kx < ky ? kx + steps : kx - steps;
    return PyFloat_FromDouble(key_double(kr));
}

static PyObject *
math_ulp(PyObject *module, PyObject *arg)
{
    double x;
    if (get_double(arg, &x) < 0) {
        return NULL;
    }
    if (isnan(x) || isinf(x)) {
        return PyFloat_FromDouble(fabs(x));
    }
    x = fabs(x);
    double next = nextafter(x, Py_INFINITY);
    if (isinf(next)) {
        double prev = nextafter(x, 0.0);
        return PyFloat_FromDouble(x - prev);
    }
    return PyFloat_FromDouble(next - x);
}

static PyObject *
math_fma(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_Format(PyExc_TypeError, "fma expected 3 arguments, got %zd", nargs);
        return NULL;
    }
    double x, y, z;
    if (get_double(args[0], &x) < 0 || get_double(args[1], &y) < 0 ||
        get_double(args[2], &z) < 0) {
        return NULL;
    }
    double r = fma(x, y, z);
    if (!isfinite(r)) {
        if (isnan(r)) {
            if (!isnan(x) && !isnan(y) && !isnan(z)) {
                PyErr_SetString(PyExc_ValueError, "invalid operation in fma");
                return NULL;
            }
        }
        else if (isfinite(x) && isfinite(y) && isfinite(z)) {
            PyErr_SetString(PyExc_OverflowError, "overflow in fma");
            return NULL;
        }
    }
    return PyFloat_FromDouble(r);
}

/* ---- sums and norms ------------------------------------------------------------------------ */

/* sqrt(sum(v[i]**2)) for v[i] >= 0, nearly correctly rounded: the values are scaled by a power
 * of two (exactly) so that the largest is in [0.5, 1), the squares are split into exact high
 * and low parts with fma and summed with error-free transformations (double-double), and the
 * square root gets one Newton correction computed with fma. */
static double
vector_norm(const double *v, Py_ssize_t n, double max, int found_nan)
{
    if (isinf(max)) {
        return max;
    }
    if (found_nan) {
        return Py_NAN;
    }
    if (max == 0.0 || n <= 1) {
        return max;
    }
    int e;
    frexp(max, &e);
    double hi = 0.0, lo = 0.0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double t = ldexp(v[i], -e);    /* exact unless it underflows (negligible then) */
        double sq = t * t;
        double sq_lo = fma(t, t, -sq);  /* t*t == sq + sq_lo exactly */
        double s = hi + sq;             /* TwoSum(hi, sq) */
        double bv = s - hi;
        double err = (hi - (s - bv)) + (sq - bv);
        hi = s;
        lo += err + sq_lo;
    }
    double total = hi + lo;
    lo = lo - (total - hi);
    hi = total;
    double h = sqrt(hi);
    /* h*h + r == hi + lo: correct h by r / (2h) */
    double r = fma(-h, h, hi) + lo;
    h += r / (2.0 * h);
    return ldexp(h, e);
}

static PyObject *
math_hypot(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    double stack[8];
    double *v = nargs <= 8 ? stack : PyMem_New(double, nargs);
    if (v == NULL) {
        return PyErr_NoMemory();
    }
    double max = 0.0;
    int found_nan = 0;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        double x;
        if (get_double(args[i], &x) < 0) {
            if (v != stack) {
                PyMem_Free(v);
            }
            return NULL;
        }
        x = fabs(x);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > max) {
            max = x;
        }
    }
    double r = vector_norm(v, nargs, max, found_nan);
    if (v != stack) {
        PyMem_Free(v);
    }
    return PyFloat_FromDouble(r);
}

static PyObject *
math_dist(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "dist expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    PyObject *p = PySequence_Tuple(args[0]);
    if (p == NULL) {
        return NULL;
    }
    PyObject *q = PySequence_Tuple(args[1]);
    if (q == NULL) {
        Py_DECREF(p);
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(p);
    PyObject *res = NULL;
    double *v = NULL;
    if (n != PyTuple_GET_SIZE(q)) {
        PyErr_SetString(PyExc_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    v = PyMem_New(double, n > 0 ? n : 1);
    if (v == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    double max = 0.0;
    int found_nan = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double a, b;
        if (get_double(PyTuple_GET_ITEM(p, i), &a) < 0 ||
            get_double(PyTuple_GET_ITEM(q, i), &b) < 0) {
            goto done;
        }
        double x = fabs(a - b);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > max) {
            max = x;
        }
    }
    res = PyFloat_FromDouble(vector_norm(v, n, max, found_nan));
done:
    PyMem_Free(v);
    Py_DECREF(p);
    Py_DECREF(q);
    return res;
}

/* Exact summation with Shewchuk's non-overlapping partials, rounded once at the end. */
static PyObject *
math_fsum(PyObject *module, PyObject *seq)
{
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        return NULL;
    }
    Py_ssize_t n = 0, cap = 32;
    double stack[32];
    double *p = stack;
    double special_sum = 0.0, inf_sum = 0.0;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        double x;
        int rc = get_double(item, &x);
        Py_DECREF(item);
        if (rc < 0) {
            goto error;
        }
        double xsave = x;
        Py_ssize_t i = 0;
        for (Py_ssize_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) {
                p[i++] = lo;
            }
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                if (isfinite(xsave)) {
                    PyErr_SetString(PyExc_OverflowError, "intermediate overflow in fsum");
                    goto error;
                }
                if (isinf(xsave)) {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                n = 0;
            }
            else {
                if (n >= cap) {
                    Py_ssize_t ncap = cap * 2;
                    double *np;
                    if (p == stack) {
                        np = PyMem_New(double, ncap);
                        if (np != NULL) {
                            memcpy(np, p, (size_t)n * sizeof(double));
                        }
                    }
                    else {
                        np = PyMem_Realloc(p, (size_t)ncap * sizeof(double));
                    }
                    if (np == NULL) {
                        PyErr_NoMemory();
                        goto error;
                    }
                    p = np;
                    cap = ncap;
                }
                p[n++] = x;
            }
        }
    }
    if (PyErr_Occurred()) {
        goto error;
    }
    Py_DECREF(it);
    double hi = 0.0;
    if (special_sum != 0.0) {
        if (p != stack) {
            PyMem_Free(p);
        }
        if (isnan(inf_sum)) {
            PyErr_SetString(PyExc_ValueError, "-inf + inf in fsum");
            return NULL;
        }
        return PyFloat_FromDouble(special_sum);
    }
    if (n > 0) {
        double lo = 0.0;
        hi = p[--n];
        /* sum from the top until the result becomes inexact */
        while (n > 0) {
            double x = hi;
            double y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) {
                break;
            }
        }
        /* round half to even correctly when the remaining partials push past a tie */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr) {
                hi = x;
            }
        }
    }
    if (p != stack) {
        PyMem_Free(p);
    }
    return PyFloat_FromDouble(hi);
error:
    if (p != stack) {
        PyMem_Free(p);
    }
    Py_DECREF(it);
    return NULL;
}

static PyObject *
math_prod(PyObject *module, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const names[] = {"iterable", "start"};
    PyObject *out[2] = {NULL, NULL};
    if (_PyNumber_ParseArgs("prod", args, nargs, kwnames, names, 2, 1, 1, 1, out) < 0) {
        return NULL;
    }
    PyObject *result = out[1] ? Py_NewRef(out[1]) : _PyLong_GetOne();
    PyObject *it = PyObject_GetIter(out[0]);
    if (it == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *r = PyNumber_Multiply(result, item);
        Py_DECREF(item);
        Py_DECREF(result);
        if (r == NULL) {
            Py_DECREF(it);
            return NULL;
        }
        result = r;
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *
math_sumprod(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "sumprod expected 2 arguments, got %zd", nargs);
        return NULL;
    }
    PyObject *pit = PyObject_GetIter(args[0]);
    if (pit == NULL) {
        return NULL;
    }
    PyObject *qit = PyObject_GetIter(args[1]);
    if (qit == NULL) {
        Py_DECREF(pit);
        return NULL;
    }
    /* Floats are accumulated in about twice double precision (Dot2: exact products via fma
     * and error-free sums); anything else goes through the generic number protocol. */
    PyObject *total = _PyLong_GetZero();
    double s = 0.0, c = 0.0, naive = 0.0;
    int in_float = 0, nonfinite = 0;
    for (;;) {
        PyObject *a = PyIter_Next(pit);
        if (a == NULL && PyErr_Occurred()) {
            goto error;
        }
        PyObject *b = PyIter_Next(qit);
        if (b == NULL && PyErr_Occurred()) {
            Py_XDECREF(a);
            goto error;
        }
        if (a == NULL || b == NULL) {
            Py_XDECREF(a);
            Py_XDECREF(b);
            if (a != NULL || b != NULL) {
                PyErr_SetString(PyExc_ValueError, "Inputs are not the same length");
                goto error;
            }
            break;
        }
        if (PyFloat_CheckExact(a) && PyFloat_CheckExact(b) && PyLong_CheckExact(total) &&
            _PyLong_Sign(total) == 0) {
            double x = PyFloat_AS_DOUBLE(a), y = PyFloat_AS_DOUBLE(b);
            double prod = x * y;
            naive += prod;
            if (!isfinite(prod)) {
                nonfinite = 1;
            }
            else {
                double perr = fma(x, y, -prod);
                double t = s + prod;
                double bv = t - s;
                double serr = (s - (t - bv)) + (prod - bv);
                s = t;
                c += perr + serr;
            }
            in_float = 1;
            Py_DECREF(a);
            Py_DECREF(b);
            continue;
        }
        if (in_float) {
            /* flush the float accumulator into the generic total */
            PyObject *f = PyFloat_FromDouble(nonfinite || !isfinite(s) ? naive : s + c);
            if (f == NULL) {
                Py_DECREF(a);
                Py_DECREF(b);
                goto error;
            }
            Py_SETREF(total, f);
            in_float = 0;
            s = c = naive = 0.0;
        }
        PyObject *prodobj = PyNumber_Multiply(a, b);
        Py_DECREF(a);
        Py_DECREF(b);
        if (prodobj == NULL) {
            goto error;
        }
        PyObject *t = PyNumber_Add(total, prodobj);
        Py_DECREF(prodobj);
        if (t == NULL) {
            goto error;
        }
        Py_SETREF(total, t);
    }
    Py_DECREF(pit);
    Py_DECREF(qit);
    if (in_float) {
        Py_DECREF(total);
        return PyFloat_FromDouble(nonfinite || !isfinite(s) ? naive : s + c);
    }
    return total;
error:
    Py_DECREF(pit);
    Py_DECREF(qit);
    Py_DECREF(total);
    return NULL;
}

/* ---- integer functions ---------------------------------------------------------------------- */

static PyObject *
math_gcd_lcm(PyObject *const *args, Py_ssize_t nargs, int is_lcm)
{
    if (nargs == 0) {
        return is_lcm ? _PyLong_GetOne() : _PyLong_GetZero();
    }
    PyObject *res = PyNumber_Index(args[0]);
    if (res == NULL) {
        return NULL;
    }
    if (nargs == 1) {
        PyObject *r = PyNumber_Absolute(res);
        Py_DECREF(res);
        return r;
    }
    for (Py_ssize_t i = 1; i < nargs; i++) {
        PyObject *x = PyNumber_Index(args[i]);
        if (x == NULL) {
            Py_DECREF(res);
            return NULL;
        }
        PyObject *r = is_lcm ? _PyLong_Lcm(res, x) : _PyLong_GCD(res, x);
        Py_DECREF(x);
        Py_DECREF(res);
        if (r == NULL) {
            return NULL;
        }
        res = r;
    }
    return res;
}

static PyObject *
math_gcd(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return math_gcd_lcm(args, nargs, 0);
}

static PyObject *
math_lcm(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return math_gcd_lcm(args, nargs, 1);
}

static PyObject *
math_isqrt(PyObject *module, PyObject *n)
{
    PyObject *v = PyNumber_Index(n);
    if (v == NULL) {
        return NULL;
    }
    PyObject *r = _PyLong_Isqrt(v);
    Py_DECREF(v);
    return r;
}

static PyObject *
math_factorial(PyObject *module, PyObject *n)
{
    PyObject *v = PyNumber_Index(n);
    if (v == NULL) {
        return NULL;
    }
    PyObject *r = _PyLong_Factorial(v);
    Py_DECREF(v);
    return r;
}

static PyObject *
comb_perm(PyObject *const *args, Py_ssize_t nargs, int is_perm)
{
    const char *name = is_perm ? "perm" : "comb";
    if (nargs < (is_perm ? 1 : 2) || nargs > 2) {
        PyErr_Format(PyExc_TypeError, is_perm ? "%s expected 1 or 2 arguments, got %zd"
                                              : "%s expected 2 arguments, got %zd",
                     name, nargs);
        return NULL;
    }
    PyObject *n = PyNumber_Index(args[0]);
    if (n == NULL) {
        return NULL;
    }
    if (nargs == 1 || args[1] == Py_None) {
        if (_PyLong_Sign(n) < 0) {
            Py_DECREF(n);
            PyErr_SetString(PyExc_ValueError, "n must be a non-negative integer");
            return NULL;
        }
        PyObject *r = _PyLong_Factorial(n);
        Py_DECREF(n);
        return r;
    }
    PyObject *k = PyNumber_Index(args[1]);
    if (k == NULL) {
        Py_DECREF(n);
        return NULL;
    }
    PyObject *r = _PyLong_CombPerm(n, k, is_perm);
    Py_DECREF(n);
    Py_DECREF(k);
    return r;
}

static PyObject *
math_comb(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return comb_perm(args, nargs, 0);
}

static PyObject *
math_perm(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return comb_perm(args, nargs, 1);
}

/* ---- the module ---------------------------------------------------------------------------- */

#define FAST(name, doc) {#name, _PyCFunction_CAST(math_##name), METH_FASTCALL, doc}
#define FASTKW(name, doc)                                                                     \
    {#name, _PyCFunction_CAST(math_##name), METH_FASTCALL | METH_KEYWORDS, doc}
#define ONE(name, doc) {#name, math_##name, METH_O, doc}

static PyMethodDef math_methods[] = {
    ONE(acos, "Return the arc cosine (measured in radians) of x."),
    ONE(acosh, "Return the inverse hyperbolic cosine of x."),
    ONE(asin, "Return the arc sine (measured in radians) of x."),
    ONE(asinh, "Return the inverse hyperbolic sine of x."),
    ONE(atan, "Return the arc tangent (measured in radians) of x."),
    FAST(atan2, "Return the arc tangent (measured in radians) of y/x."),
    ONE(atanh, "Return the inverse hyperbolic tangent of x."),
    ONE(cbrt, "Return the cube root of x."),
    ONE(ceil, "Return the ceiling of x as an Integral."),
    FAST(comb, "Number of ways to choose k items from n items without repetition and without "
               "order."),
    FAST(copysign, "Return a float with the magnitude (absolute value) of x but the sign of y."),
    ONE(cos, "Return the cosine of x (measured in radians)."),
    ONE(cosh, "Return the hyperbolic cosine of x."),
    ONE(degrees, "Convert angle x from radians to degrees."),
    FAST(dist, "Return the Euclidean distance between two points p and q."),
    ONE(erf, "Error function at x."),
    ONE(erfc, "Complementary error function at x."),
    ONE(exp, "Return e raised to the power of x."),
    ONE(exp2, "Return 2 raised to the power of x."),
    ONE(expm1, "Return exp(x)-1."),
    ONE(fabs, "Return the absolute value of the float x."),
    ONE(factorial, "Find n!."),
    ONE(floor, "Return the floor of x as an Integral."),
    FAST(fma, "Fused multiply-add operation."),
    FAST(fmod, "Return fmod(x, y), according to platform C."),
    ONE(frexp, "Return the mantissa and exponent of x, as pair (m, e)."),
    ONE(fsum, "Return an accurate floating-point sum of values in the iterable seq."),
    ONE(gamma, "Gamma function at x."),
    FAST(gcd, "Greatest Common Divisor."),
    FAST(hypot, "Multidimensional Euclidean distance from the origin to a point."),
    FASTKW(isclose, "Determine whether two floating-point numbers are close in value."),
    ONE(isfinite, "Return True if x is neither an infinity nor a NaN, and False otherwise."),
    ONE(isinf, "Return True if x is a positive or negative infinity, and False otherwise."),
    ONE(isnan, "Return True if x is a NaN (not a number), and False otherwise."),
    ONE(isqrt, "Return the integer part of the square root of the input."),
    FAST(lcm, "Least Common Multiple."),
    FAST(ldexp, "Return x * (2**i)."),
    ONE(lgamma, "Natural logarithm of absolute value of Gamma function at x."),
    FAST(log, "log(x, [base=math.e])\nReturn the logarithm of x to the given base."),
    ONE(log10, "Return the base 10 logarithm of x."),
    ONE(log1p, "Return the natural logarithm of 1+x (base e)."),
    ONE(log2, "Return the base 2 logarithm of x."),
    ONE(modf, "Return the fractional and integer parts of x."),
    FASTKW(nextafter, "Return the floating-point value the given number of steps after x "
                      "towards y."),
    FAST(perm, "Number of ways to choose k items from n items without repetition and with "
               "order."),
    FAST(pow, "Return x**y (x to the power of y)."),
    FASTKW(prod, "Calculate the product of all the elements in the input iterable."),
    ONE(radians, "Convert angle x from degrees to radians."),
    FAST(remainder, "Difference between x and the closest integer multiple of y."),
    ONE(sin, "Return the sine of x (measured in radians)."),
    ONE(sinh, "Return the hyperbolic sine of x."),
    ONE(sqrt, "Return the square root of x."),
    FAST(sumprod, "Return the sum of products of values from two iterables p and q."),
    ONE(tan, "Return the tangent of x (measured in radians)."),
    ONE(tanh, "Return the hyperbolic tangent of x."),
    ONE(trunc, "Truncates the Real x to the nearest Integral toward 0."),
    ONE(ulp, "Return the value of the least significant bit of the float x."),
    {NULL, NULL, 0, NULL},
};

static int
add_double(PyObject *module, const char *name, double value)
{
    PyObject *v = PyFloat_FromDouble(value);
    if (v == NULL) {
        return -1;
    }
    int rc = PyModule_AddObjectRef(module, name, v);
    Py_DECREF(v);
    return rc;
}

static int
math_exec(PyObject *module)
{
    if (add_double(module, "pi", Py_MATH_PI) < 0 || add_double(module, "e", Py_MATH_E) < 0 ||
        add_double(module, "tau", 2.0 * Py_MATH_PI) < 0 ||
        add_double(module, "inf", Py_INFINITY) < 0 ||
        add_double(module, "nan", fabs(Py_NAN)) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot math_slots[] = {
    {Py_mod_exec, math_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef math_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "math",
    .m_doc = "This module provides access to the mathematical functions\n"
             "defined by the C standard.",
    .m_size = 0,
    .m_methods = math_methods,
    .m_slots = math_slots,
};

PyMODINIT_FUNC
PyInit_math(void)
{
    return PyModuleDef_Init(&math_module);
}
