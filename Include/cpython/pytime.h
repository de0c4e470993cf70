/* PyTime_t: the public clock API of CPython 3.13 (Python/pytime.c).
 *
 * A PyTime_t is a number of nanoseconds.  The plain functions need an attached thread state
 * and raise on failure (OverflowError, OSError); the *Raw variants need none, set no
 * exception and only report failure.  Every function stores 0 in *result on failure. */
#ifndef Py_CPYTHON_PYTIME_H
#define Py_CPYTHON_PYTIME_H
#ifdef __cplusplus
extern "C" {
#endif

typedef int64_t PyTime_t;
#define PyTime_MIN INT64_MIN
#define PyTime_MAX INT64_MAX

/* t in seconds, rounded to the nearest double. */
PyAPI_FUNC(double) PyTime_AsSecondsDouble(PyTime_t t);

/* Each returns 0 with *result set, or -1 (with an exception set). */
PyAPI_FUNC(int) PyTime_Monotonic(PyTime_t *result);
PyAPI_FUNC(int) PyTime_PerfCounter(PyTime_t *result);
PyAPI_FUNC(int) PyTime_Time(PyTime_t *result);

/* Each returns 0 with *result set, or -1 (no exception; callable without a thread state). */
PyAPI_FUNC(int) PyTime_MonotonicRaw(PyTime_t *result);
PyAPI_FUNC(int) PyTime_PerfCounterRaw(PyTime_t *result);
PyAPI_FUNC(int) PyTime_TimeRaw(PyTime_t *result);

#ifdef __cplusplus
}
#endif
#endif /* !Py_CPYTHON_PYTIME_H */
