/* Py_NAN, Py_INFINITY, Py_IS_NAN, ... .
 * Owner: numbers room (int, bool, float, complex, math). */
#ifndef Py_PYMATH_H
#define Py_PYMATH_H

#define Py_MATH_PIl 3.1415926535897932384626433832795029L
#define Py_MATH_PI 3.14159265358979323846
#define Py_MATH_El 2.7182818284590452353602874713526625L
#define Py_MATH_E 2.7182818284590452354
#define Py_MATH_TAU 6.2831853071795864769252867665590057683943L

#define Py_INFINITY ((double)INFINITY)
#define Py_HUGE_VAL HUGE_VAL
#define Py_NAN ((double)NAN)

#define Py_IS_NAN(X) isnan(X)
#define Py_IS_INFINITY(X) isinf(X)
#define Py_IS_FINITE(X) isfinite(X)

/* Return the value of x with the error handling of CPython's float operations: nonzero when
 * a result overflowed (used as `if (Py_OVERFLOWED(x))`). */
#define Py_OVERFLOWED(X) ((X) != 0.0 && (errno == ERANGE || (X) == Py_HUGE_VAL ||             \
                                         (X) == -Py_HUGE_VAL))

/* Force a double through memory so x87-style excess precision cannot leak (no-op on x86-64). */
#define Py_FORCE_DOUBLE(X) (X)

#endif /* Py_PYMATH_H */
