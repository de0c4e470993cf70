/* The PyTime_t clock API (Include/cpython/pytime.h).
 *
 * Clocks: PyTime_Time is CLOCK_REALTIME, PyTime_Monotonic and PyTime_PerfCounter are
 * CLOCK_MONOTONIC -- the clocks of time.time(), time.monotonic() and time.perf_counter()
 * (Modules/timemodule.c), so that C and Python readings of one clock are comparable.  No
 * state: clock_gettime is thread-safe. */
#include "Python.h"
#include <time.h>

#define NS_PER_SEC 1000000000

double
PyTime_AsSecondsDouble(PyTime_t t)
{
    /* A whole number of seconds converts exactly; otherwise one rounding of t / 1e9 (the
     * quotient of two doubles) is as close as a double gets. */
    if (t % NS_PER_SEC == 0) {
        return (double)(t / NS_PER_SEC);
    }
    return (double)t / 1e9;
}

/* Read `clock` in nanoseconds.  0, or -1 with errno set (ERANGE: not representable). */
static int
read_clock(clockid_t clock, PyTime_t *result)
{
    struct timespec ts;
    *result = 0;
    if (clock_gettime(clock, &ts) != 0) {
        return -1;
    }
    if (ts.tv_sec > (PyTime_MAX - ts.tv_nsec) / NS_PER_SEC ||
        ts.tv_sec < PyTime_MIN / NS_PER_SEC) {
        errno = ERANGE;
        return -1;
    }
    *result = (PyTime_t)ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
    return 0;
}

/* read_clock, raising OverflowError or OSError on failure. */
static int
read_clock_or_raise(clockid_t clock, PyTime_t *result)
{
    if (read_clock(clock, result) == 0) {
        return 0;
    }
    if (errno == ERANGE) {
        PyErr_SetString(PyExc_OverflowError, "timestamp too large to convert to C PyTime_t");
    }
    else {
        PyErr_SetFromErrno(PyExc_OSError);
    }
    return -1;
}

/* PyTime_<NAME> (raising) and PyTime_<NAME>Raw (not raising) reading `clock`. */
#define DEFINE_CLOCK(NAME, clock)                                                             \
    int PyTime_##NAME(PyTime_t *result) { return read_clock_or_raise((clock), result); }      \
    int PyTime_##NAME##Raw(PyTime_t *result) { return read_clock((clock), result); }

DEFINE_CLOCK(Monotonic, CLOCK_MONOTONIC)
DEFINE_CLOCK(PerfCounter, CLOCK_MONOTONIC)
DEFINE_CLOCK(Time, CLOCK_REALTIME)
