/* The time module: clocks, sleeping and calendar-time conversion.
 *
 * sleep() releases the GIL and is interruptible: a signal ends the wait early only if its
 * handler raises, otherwise the sleep resumes for the remaining time (PEP 475).  Module state:
 * the struct_time type, created per module object. */
#include "Python.h"
#include "pycore_long.h"
#include "pycore_pystate.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <time.h>
#include <sys/time.h>
#include <sys/resource.h>

typedef struct {
    PyTypeObject *struct_time_type;
} time_state;

static time_state *get_time_state(PyObject *module)
{
    return (time_state *)PyModule_GetState(module);
}

/* ---- clocks -------------------------------------------------------------------------------- */

/* Nanoseconds of clock id as a C integer; -1 with OSError on failure. */
static int read_clock_ns(clockid_t clock, long long *ns)
{
    struct timespec ts;
    if (clock_gettime(clock, &ts) != 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    *ns = (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
    return 0;
}

static PyObject *clock_seconds(clockid_t clock)
{
    struct timespec ts;
    if (clock_gettime(clock, &ts) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyFloat_FromDouble((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}

static PyObject *clock_nanoseconds(clockid_t clock)
{
    long long ns;
    if (read_clock_ns(clock, &ns) < 0) {
        return NULL;
    }
    return PyLong_FromLongLong(ns);
}

#define CLOCK_FUNCTIONS(name, clock)                                                          \
    static PyObject *time_##name(PyObject *m, PyObject *Py_UNUSED(ignored))                   \
    {                                                                                         \
        return clock_seconds(clock);                                                          \
    }                                                                                         \
    static PyObject *time_##name##_ns(PyObject *m, PyObject *Py_UNUSED(ignored))              \
    {                                                                                         \
        return clock_nanoseconds(clock);                                                      \
    }

CLOCK_FUNCTIONS(time, CLOCK_REALTIME)
CLOCK_FUNCTIONS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCTIONS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCTIONS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FUNCTIONS(thread_time, CLOCK_THREAD_CPUTIME_ID)

static PyObject *time_clock_gettime(PyObject *m, PyObject *arg)
{
    int clock = PyLong_AsInt(arg);
    if (clock == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return clock_seconds((clockid_t)clock);
}

static PyObject *time_clock_gettime_ns(PyObject *m, PyObject *arg)
{
    int clock = PyLong_AsInt(arg);
    if (clock == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return clock_nanoseconds((clockid_t)clock);
}

static int seconds_from_object(PyObject *obj, double *seconds);

/* clock_settime(clk_id, time): set the clock (needs privileges for most clocks). */
static PyObject *time_clock_settime(PyObject *m, PyObject *args)
{
    int clock;
    PyObject *obj;
    if (!PyArg_ParseTuple(args, "iO:clock_settime", &clock, &obj)) {
        return NULL;
    }
    double seconds;
    if (seconds_from_object(obj, &seconds) < 0) {
        return NULL;
    }
    struct timespec ts;
    double whole = floor(seconds);
    ts.tv_sec = (time_t)whole;
    ts.tv_nsec = (long)((seconds - whole) * 1e9);
    if (clock_settime((clockid_t)clock, &ts) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *time_clock_settime_ns(PyObject *m, PyObject *args)
{
    int clock;
    PyObject *obj;
    if (!PyArg_ParseTuple(args, "iO:clock_settime_ns", &clock, &obj)) {
        return NULL;
    }
    long long ns = PyLong_AsLongLong(obj);
    if (ns == -1 && PyErr_Occurred()) {
        return NULL;
    }
    struct timespec ts;
    ts.tv_sec = (time_t)(ns / 1000000000LL);
    ts.tv_nsec = (long)(ns % 1000000000LL);
    if (ts.tv_nsec < 0) {
        ts.tv_sec -= 1;
        ts.tv_nsec += 1000000000L;
    }
    if (clock_settime((clockid_t)clock, &ts) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

/* pthread_getcpuclockid(thread_id): the CPU-time clock of a thread (threading.get_ident()). */
static PyObject *time_pthread_getcpuclockid(PyObject *m, PyObject *arg)
{
    unsigned long ident = PyLong_AsUnsignedLong(arg);
    if (ident == (unsigned long)-1 && PyErr_Occurred()) {
        return NULL;
    }
    /* A bogus pthread_t would make the C library read wild memory: only ask about threads
     * that have a thread state here, looked up under the interpreter's thread-list lock. */
    PyInterpreterState *interp = _PyInterpreterState_GET();
    clockid_t clock;
    int err = ESRCH;
    pthread_mutex_lock(&interp->threads.mutex);
    for (PyThreadState *t = interp->threads.head; t != NULL; t = t->next) {
        if (t->thread_id == ident) {
            err = pthread_getcpuclockid((pthread_t)ident, &clock);
            break;
        }
    }
    pthread_mutex_unlock(&interp->threads.mutex);
    if (err != 0) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyLong_FromLong((long)clock);
}

static PyObject *time_clock_getres(PyObject *m, PyObject *arg)
{
    int clock = PyLong_AsInt(arg);
    if (clock == -1 && PyErr_Occurred()) {
        return NULL;
    }
    struct timespec ts;
    if (clock_getres((clockid_t)clock, &ts) != 0) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return PyFloat_FromDouble((double)ts.tv_sec + ts.tv_nsec * 1e-9);
}

/* get_clock_info(name): a namespace with implementation, monotonic, adjustable, resolution. */
static PyObject *time_get_clock_info(PyObject *m, PyObject *arg)
{
    const char *name = PyUnicode_AsUTF8(arg);
    if (name == NULL) {
        return NULL;
    }
    static const struct {
        const char *name;
        const char *implementation;
        clockid_t clock;
        int monotonic, adjustable;
    } clocks[] = {
        {"time", "clock_gettime(CLOCK_REALTIME)", CLOCK_REALTIME, 0, 1},
        {"monotonic", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, 1, 0},
        {"perf_counter", "clock_gettime(CLOCK_MONOTONIC)", CLOCK_MONOTONIC, 1, 0},
        {"process_time", "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", CLOCK_PROCESS_CPUTIME_ID,
         1, 0},
        {"thread_time", "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", CLOCK_THREAD_CPUTIME_ID, 1,
         0},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(clocks); i++) {
        if (strcmp(clocks[i].name, name) != 0) {
            continue;
        }
        struct timespec res;
        double resolution = 1e-9;
        if (clock_getres(clocks[i].clock, &res) == 0) {
            resolution = (double)res.tv_sec + res.tv_nsec * 1e-9;
        }
        PyObject *types = PyImport_ImportModule("types");
        if (types == NULL) {
            return NULL;
        }
        PyObject *ns_type = PyObject_GetAttrString(types, "SimpleNamespace");
        Py_DECREF(types);
        if (ns_type == NULL) {
            return NULL;
        }
        PyObject *kwargs = Py_BuildValue("{s:s,s:O,s:O,s:d}", "implementation",
                                         clocks[i].implementation, "monotonic",
                                         clocks[i].monotonic ? Py_True : Py_False,
                                         "adjustable", clocks[i].adjustable ? Py_True : Py_False,
                                         "resolution", resolution);
        PyObject *empty = PyTuple_New(0);
        PyObject *result = NULL;
        if (kwargs != NULL && empty != NULL) {
            result = PyObject_Call(ns_type, empty, kwargs);
        }
        Py_XDECREF(kwargs);
        Py_XDECREF(empty);
        Py_DECREF(ns_type);
        return result;
    }
    PyErr_SetString(PyExc_ValueError, "unknown clock");
    return NULL;
}

/* ---- sleep --------------------------------------------------------------------------------- */

/* Seconds from an int or float argument; -1 with an exception on error. */
static int seconds_from_object(PyObject *obj, double *seconds)
{
    if (PyFloat_Check(obj)) {
        *seconds = PyFloat_AS_DOUBLE(obj);
    }
    else if (PyLong_Check(obj) || PyIndex_Check(obj)) {
        *seconds = PyLong_AsDouble(obj);
        if (*seconds == -1.0 && PyErr_Occurred()) {
            return -1;
        }
    }
    else if (Py_TYPE(obj)->tp_as_number != NULL && Py_TYPE(obj)->tp_as_number->nb_float) {
        *seconds = PyFloat_AsDouble(obj);
        if (*seconds == -1.0 && PyErr_Occurred()) {
            return -1;
        }
    }
    else {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (isnan(*seconds)) {
        PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    return 0;
}

static PyObject *time_sleep(PyObject *m, PyObject *arg)
{
    double seconds;
    if (seconds_from_object(arg, &seconds) < 0) {
        return NULL;
    }
    /* Out-of-range values fail in the conversion to nanoseconds, before the sign check
     * (CPython's messages differ for floats and ints). */
    if (fabs(seconds) > 9.2e9) {
        PyErr_SetString(PyExc_OverflowError, PyFloat_Check(arg)
                        ? "timestamp out of range for platform time_t"
                        : "timestamp too large to convert to C PyTime_t");
        return NULL;
    }
    if (seconds < 0) {
        PyErr_SetString(PyExc_ValueError, "sleep length must be non-negative");
        return NULL;
    }
    /* Sleep until an absolute monotonic deadline so that restarts after EINTR do not drift. */
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    long long ns = (long long)(seconds * 1e9);
    deadline.tv_sec += (time_t)(ns / 1000000000LL);
    deadline.tv_nsec += (long)(ns % 1000000000LL);
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec += 1;
        deadline.tv_nsec -= 1000000000L;
    }
    for (;;) {
        int err;
        Py_BEGIN_ALLOW_THREADS
        err = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, NULL);
        Py_END_ALLOW_THREADS
        if (err == 0) {
            break;
        }
        if (err != EINTR) {
            errno = err;
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        if (PyErr_CheckSignals() < 0) {
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

/* ---- calendar time ------------------------------------------------------------------------- */

static PyStructSequence_Field struct_time_fields[] = {
    {"tm_year", "year, for example, 1993"},
    {"tm_mon", "month of year, range [1, 12]"},
    {"tm_mday", "day of month, range [1, 31]"},
    {"tm_hour", "hours, range [0, 23]"},
    {"tm_min", "minutes, range [0, 59]"},
    {"tm_sec", "seconds, range [0, 61])"},
    {"tm_wday", "day of week, range [0, 6], Monday is 0"},
    {"tm_yday", "day of year, range [1, 366]"},
    {"tm_isdst", "1 if summer time is in effect, 0 if not, and -1 if unknown"},
    {"tm_zone", "abbreviation of timezone name"},
    {"tm_gmtoff", "offset from UTC in seconds"},
    {NULL, NULL},
};

static PyStructSequence_Desc struct_time_desc = {
    "time.struct_time",
    "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
    "accepted by asctime(), mktime() and strftime().",
    struct_time_fields,
    9,
};

/* Return a new struct_time for tm. */
static PyObject *struct_time_from_tm(PyObject *module, const struct tm *tm)
{
    PyObject *v = PyStructSequence_New(get_time_state(module)->struct_time_type);
    if (v == NULL) {
        return NULL;
    }
    long values[9] = {tm->tm_year + 1900L, tm->tm_mon + 1L, tm->tm_mday, tm->tm_hour,
                      tm->tm_min, tm->tm_sec, (tm->tm_wday + 6) % 7, tm->tm_yday + 1L,
                      tm->tm_isdst};
    for (int i = 0; i < 9; i++) {
        PyStructSequence_SetItem(v, i, PyLong_FromLong(values[i]));
    }
    PyStructSequence_SetItem(v, 9, tm->tm_zone ? PyUnicode_DecodeLocale(tm->tm_zone,
                                                                        "surrogateescape")
                                               : Py_NewRef(Py_None));
    PyStructSequence_SetItem(v, 10, PyLong_FromLong(tm->tm_gmtoff));
    for (Py_ssize_t i = 0; i < 11; i++) {
        if (PyStructSequence_GetItem(v, i) == NULL) {
            Py_DECREF(v);
            return NULL;
        }
    }
    return v;
}

/* Seconds since the epoch from an optional argument (None or absent: now). */
static int time_t_from_arg(PyObject *obj, time_t *result)
{
    if (obj == NULL || obj == Py_None) {
        *result = time(NULL);
        return 0;
    }
    double seconds;
    if (seconds_from_object(obj, &seconds) < 0) {
        return -1;
    }
    if (seconds >= 9.2e18 || seconds <= -9.2e18) {
        PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    *result = (time_t)floor(seconds);
    return 0;
}

static PyObject *time_gmtime(PyObject *m, PyObject *args)
{
    PyObject *obj = NULL;
    if (!PyArg_ParseTuple(args, "|O:gmtime", &obj)) {
        return NULL;
    }
    time_t when;
    if (time_t_from_arg(obj, &when) < 0) {
        return NULL;
    }
    struct tm tm;
    if (gmtime_r(&when, &tm) == NULL) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return struct_time_from_tm(m, &tm);
}

static PyObject *time_localtime(PyObject *m, PyObject *args)
{
    PyObject *obj = NULL;
    if (!PyArg_ParseTuple(args, "|O:localtime", &obj)) {
        return NULL;
    }
    time_t when;
    if (time_t_from_arg(obj, &when) < 0) {
        return NULL;
    }
    struct tm tm;
    if (localtime_r(&when, &tm) == NULL) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return struct_time_from_tm(m, &tm);
}

/* Fill tm from a 9-sequence (year, mon, mday, hour, min, sec, wday, yday, isdst); -1 on error
 * with CPython's TypeError/ValueError messages. */
/* Fill tm from a 9-sequence (year, mon, mday, hour, min, sec, wday, yday, isdst); -1 on error
 * with CPython's TypeError/ValueError messages.  When module is given and t is one of its
 * struct_time objects, tm_zone (borrowed from t) and tm_gmtoff are copied too. */
static int tm_from_tuple_ex(PyObject *module, PyObject *t, struct tm *tm, const char *funcname)
{
    if (!PyTuple_Check(t)) {
        PyErr_SetString(PyExc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (PyTuple_GET_SIZE(t) != 9) {
        PyErr_Format(PyExc_TypeError, "%s(): illegal time tuple argument", funcname);
        return -1;
    }
    int v[9];
    for (int i = 0; i < 9; i++) {
        PyObject *item = PyTuple_GET_ITEM(t, i);
        v[i] = PyLong_AsInt(item);
        if (v[i] == -1 && PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
                int negative = PyLong_Check(item) &&
                               PyObject_RichCompareBool(item, _PyLong_GetZero(), Py_LT) == 1;
                PyErr_SetString(PyExc_OverflowError,
                                negative ? "signed integer is less than minimum"
                                         : "signed integer is greater than maximum");
            }
            return -1;
        }
    }
    memset(tm, 0, sizeof(*tm));
    tm->tm_year = v[0] - 1900;
    tm->tm_mon = v[1] - 1;
    tm->tm_mday = v[2];
    tm->tm_hour = v[3];
    tm->tm_min = v[4];
    tm->tm_sec = v[5];
    tm->tm_wday = (v[6] + 1) % 7;
    tm->tm_yday = v[7] - 1;
    tm->tm_isdst = v[8];
    if (module != NULL && Py_IS_TYPE(t, get_time_state(module)->struct_time_type)) {
        /* The hidden fields are past the visible 9 (borrowed references). */
        PyObject *zone = PyStructSequence_GetItem(t, 9);
        PyObject *gmtoff = PyStructSequence_GetItem(t, 10);
        if (zone != Py_None) {
            const char *z = PyUnicode_Check(zone) ? PyUnicode_AsUTF8(zone) : NULL;
            if (z == NULL) {
                if (!PyErr_Occurred()) {
                    PyErr_SetString(PyExc_TypeError, "tm_zone must be a str");
                }
                return -1;
            }
            tm->tm_zone = (char *)z;
        }
        if (gmtoff != Py_None) {
            tm->tm_gmtoff = PyLong_AsLong(gmtoff);
            if (tm->tm_gmtoff == -1 && PyErr_Occurred()) {
                return -1;
            }
        }
    }
    return 0;
}

static int tm_from_tuple(PyObject *t, struct tm *tm, const char *funcname)
{
    return tm_from_tuple_ex(NULL, t, tm, funcname);
}

/* Range checks applied by strftime and asctime, with CPython's messages. */
static int check_tm(struct tm *tm)
{
    if (tm->tm_mon == -1) {
        tm->tm_mon = 0;
    }
    else if (tm->tm_mon < 0 || tm->tm_mon > 11) {
        PyErr_SetString(PyExc_ValueError, "month out of range");
        return -1;
    }
    if (tm->tm_mday == 0) {
        tm->tm_mday = 1;
    }
    else if (tm->tm_mday < 0 || tm->tm_mday > 31) {
        PyErr_SetString(PyExc_ValueError, "day of month out of range");
        return -1;
    }
    if (tm->tm_hour < 0 || tm->tm_hour > 23) {
        PyErr_SetString(PyExc_ValueError, "hour out of range");
        return -1;
    }
    if (tm->tm_min < 0 || tm->tm_min > 59) {
        PyErr_SetString(PyExc_ValueError, "minute out of range");
        return -1;
    }
    if (tm->tm_sec < 0 || tm->tm_sec > 61) {
        PyErr_SetString(PyExc_ValueError, "seconds out of range");
        return -1;
    }
    if (tm->tm_wday < 0) {
        PyErr_SetString(PyExc_ValueError, "day of week out of range");
        return -1;
    }
    if (tm->tm_yday == -1) {
        tm->tm_yday = 0;
    }
    else if (tm->tm_yday < 0 || tm->tm_yday > 365) {
        PyErr_SetString(PyExc_ValueError, "day of year out of range");
        return -1;
    }
    return 0;
}

/* Current local time as struct tm when t is NULL, else the converted tuple. */
static int tm_from_optional(PyObject *t, struct tm *tm, const char *funcname)
{
    if (t == NULL) {
        time_t now = time(NULL);
        localtime_r(&now, tm);
        return 0;
    }
    return tm_from_tuple(t, tm, funcname);
}

static PyObject *time_mktime(PyObject *m, PyObject *arg)
{
    struct tm tm;
    if (tm_from_tuple(arg, &tm, "mktime") < 0) {
        return NULL;
    }
    tm.tm_wday = -1;
    time_t t = mktime(&tm);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        PyErr_SetString(PyExc_OverflowError, "mktime argument out of range");
        return NULL;
    }
    return PyFloat_FromDouble((double)t);
}

static PyObject *time_strftime(PyObject *m, PyObject *args)
{
    PyObject *format_obj, *t = NULL;
    if (!PyArg_ParseTuple(args, "U|O:strftime", &format_obj, &t)) {
        return NULL;
    }
    struct tm tm;
    if (t == NULL) {
        if (tm_from_optional(NULL, &tm, "strftime") < 0) {
            return NULL;
        }
    }
    else if (tm_from_tuple_ex(m, t, &tm, "strftime") < 0) {
        return NULL;
    }
    if (check_tm(&tm) < 0) {
        return NULL;
    }
    /* The C library only knows isdst -1, 0 and 1. */
    if (tm.tm_isdst < -1) {
        tm.tm_isdst = -1;
    }
    else if (tm.tm_isdst > 1) {
        tm.tm_isdst = 1;
    }
    /* Lone surrogates pass through unchanged (encoded with surrogatepass, decoded back). */
    PyObject *encoded = PyUnicode_AsEncodedString(format_obj, "utf-8", "surrogatepass");
    if (encoded == NULL) {
        return NULL;
    }
    Py_ssize_t flen = PyBytes_GET_SIZE(encoded);
    const char *format = PyBytes_AS_STRING(encoded);
    if ((Py_ssize_t)strlen(format) != flen) {
        Py_DECREF(encoded);
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    if (flen == 0) {
        Py_DECREF(encoded);
        return PyUnicode_FromString("");
    }
    /* strftime cannot tell "too small" from "empty result": grow until it fits, bounded. */
    for (size_t size = 256; size <= (size_t)flen * 256 + 1024; size *= 2) {
        char *buf = PyMem_Malloc(size);
        if (buf == NULL) {
            Py_DECREF(encoded);
            return PyErr_NoMemory();
        }
        size_t n = strftime(buf, size, format, &tm);
        if (n > 0 || size > (size_t)flen * 256) {
            PyObject *result = PyUnicode_DecodeUTF8(buf, (Py_ssize_t)n, "surrogatepass");
            if (result == NULL && PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)) {
                /* Names from a non-UTF-8 LC_TIME locale: decode as the locale does. */
                PyErr_Clear();
                result = PyUnicode_DecodeLocaleAndSize(buf, (Py_ssize_t)n, "surrogateescape");
            }
            PyMem_Free(buf);
            Py_DECREF(encoded);
            return result;
        }
        PyMem_Free(buf);
    }
    Py_DECREF(encoded);
    return PyUnicode_FromString("");
}

/* asctime format "Sun Jun 20 23:21:05 1993" (day of month padded with a space). */
static PyObject *format_asctime(const struct tm *tm)
{
    static const char wday_name[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon_name[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return PyUnicode_FromFormat("%s %s%3d %.2d:%.2d:%.2d %d", wday_name[tm->tm_wday],
                                mon_name[tm->tm_mon], tm->tm_mday, tm->tm_hour, tm->tm_min,
                                tm->tm_sec, 1900 + tm->tm_year);
}

static PyObject *time_asctime(PyObject *m, PyObject *args)
{
    PyObject *t = NULL;
    if (!PyArg_ParseTuple(args, "|O:asctime", &t)) {
        return NULL;
    }
    struct tm tm;
    if (tm_from_optional(t, &tm, "asctime") < 0 || check_tm(&tm) < 0) {
        return NULL;
    }
    return format_asctime(&tm);
}

static PyObject *time_ctime(PyObject *m, PyObject *args)
{
    PyObject *obj = NULL;
    if (!PyArg_ParseTuple(args, "|O:ctime", &obj)) {
        return NULL;
    }
    time_t when;
    if (time_t_from_arg(obj, &when) < 0) {
        return NULL;
    }
    struct tm tm;
    if (localtime_r(&when, &tm) == NULL) {
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return format_asctime(&tm);
}

/* ---- strptime ------------------------------------------------------------------------------
 *
 * time.strptime() parses in C.  The format becomes a list of tokens (literal characters,
 * whitespace runs and directives); matching backtracks like a regular expression would: each
 * token offers its possible match lengths in order of preference and the first combination
 * that reaches the end of the format wins.  Literal text matches case-insensitively, a run of
 * whitespace in the format matches one or more whitespace characters, and names (weekdays,
 * months, AM/PM) are the C locale's. */

static const char *const weekday_names[7] = {"monday", "tuesday", "wednesday", "thursday",
                                             "friday", "saturday", "sunday"};
static const char *const month_names[12] = {"january", "february", "march", "april", "may",
                                            "june", "july", "august", "september",
                                            "october", "november", "december"};

enum { TOK_LITERAL, TOK_SPACE, TOK_DIRECTIVE };

typedef struct {
    int kind;
    Py_UCS4 ch;          /* the literal character or the directive letter */
    Py_ssize_t start;    /* where this token matched in the data (set while matching) */
    Py_ssize_t len;
} sp_token;

typedef struct {
    const Py_UCS4 *data;
    Py_ssize_t ndata;
    sp_token *tokens;
    Py_ssize_t ntokens;
    const char *zones[4];    /* lower-case time zone names %Z accepts ("" = unused) */
    /* One bit per (token index, data position) from which the rest of the format is known
     * not to match: keeps the search polynomial when directives offer several lengths
     * ('%d' * 5000).  NULL when the table would be too large (the recursion limit then
     * bounds the search). */
    unsigned char *failed;
} sp_matcher;

/* Numeric directives: the values allowed for each number of digits (lo > hi: not allowed). */
typedef struct {
    char directive;
    int lo[5];
    int hi[5];
} sp_numeric;

static const sp_numeric numeric_directives[] = {
    /*          length:  0   1  2   3  4        0  1   2    3    4 */
    {'d', {1, 1, 1, 1, 1}, {0, 9, 31, 0, 0}},
    {'m', {1, 1, 1, 1, 1}, {0, 9, 12, 0, 0}},
    {'H', {1, 0, 0, 1, 1}, {0, 9, 23, 0, 0}},
    {'I', {1, 1, 1, 1, 1}, {0, 9, 12, 0, 0}},
    {'M', {1, 0, 0, 1, 1}, {0, 9, 59, 0, 0}},
    {'S', {1, 0, 0, 1, 1}, {0, 9, 61, 0, 0}},
    {'U', {1, 0, 0, 1, 1}, {0, 9, 53, 0, 0}},
    {'W', {1, 0, 0, 1, 1}, {0, 9, 53, 0, 0}},
    {'V', {1, 0, 1, 1, 1}, {0, 9, 53, 0, 0}},
    {'j', {1, 1, 1, 1, 1}, {0, 9, 99, 366, 0}},
    {'y', {1, 1, 0, 1, 1}, {0, 0, 99, 0, 0}},
    {'Y', {1, 1, 1, 1, 0}, {0, 0, 0, 0, 9999}},
    {'G', {1, 1, 1, 1, 0}, {0, 0, 0, 0, 9999}},
    {'w', {1, 0, 1, 1, 1}, {0, 6, 0, 0, 0}},
    {'u', {1, 1, 1, 1, 1}, {0, 7, 0, 0, 0}},
};

static const sp_numeric *find_numeric(Py_UCS4 directive)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(numeric_directives); i++) {
        if ((Py_UCS4)numeric_directives[i].directive == directive) {
            return &numeric_directives[i];
        }
    }
    return NULL;
}

static int is_ascii_digit(Py_UCS4 c)
{
    return c >= '0' && c <= '9';
}

/* Value of n ASCII digits at p, or -1 if they are not all digits. */
static int digits_value(const Py_UCS4 *p, Py_ssize_t n)
{
    int value = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!is_ascii_digit(p[i])) {
            return -1;
        }
        value = value * 10 + (int)(p[i] - '0');
    }
    return value;
}

/* Does the data at pos start with name (lower-case ASCII), ignoring case? */
static int name_at(const sp_matcher *mt, Py_ssize_t pos, const char *name)
{
    Py_ssize_t n = (Py_ssize_t)strlen(name);
    if (n == 0 || pos + n > mt->ndata) {
        return 0;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (Py_UNICODE_TOLOWER(mt->data[pos + i]) != (Py_UCS4)(unsigned char)name[i]) {
            return 0;
        }
    }
    return 1;
}

#define SP_MAX_CANDIDATES 32

/* Fill lens with the lengths directive d could match at pos, best first; return how many. */
static int directive_candidates(const sp_matcher *mt, Py_UCS4 d, Py_ssize_t pos,
                                Py_ssize_t *lens)
{
    const Py_UCS4 *p = mt->data + pos;
    Py_ssize_t avail = mt->ndata - pos;
    int count = 0;
    const sp_numeric *num = find_numeric(d);
    if (num != NULL) {
        for (int n = 4; n >= 1; n--) {
            if (n <= avail && num->lo[n] <= num->hi[n]) {
                int v = digits_value(p, n);
                if (v >= num->lo[n] && v <= num->hi[n]) {
                    lens[count++] = n;
                }
            }
        }
        /* %d also accepts a space-padded single digit. */
        if (d == 'd' && avail >= 2 && p[0] == ' ' && p[1] >= '1' && p[1] <= '9') {
            lens[count++] = 2;
        }
        return count;
    }
    switch (d) {
    case 'f':
        for (int n = 6; n >= 1; n--) {
            if (n <= avail && digits_value(p, n) >= 0) {
                lens[count++] = n;
            }
        }
        return count;
    case 'a':
    case 'A':
    case 'b':
    case 'B': {
        int nnames = (d == 'a' || d == 'A') ? 7 : 12;
        int full = (d == 'A' || d == 'B');
        /* Longest name first, as an alternation sorted by length would try them. */
        for (Py_ssize_t want = 9; want >= 3; want--) {
            for (int i = 0; i < nnames; i++) {
                const char *name = nnames == 7 ? weekday_names[i] : month_names[i];
                char abbr[4];
                if (!full) {
                    memcpy(abbr, name, 3);
                    abbr[3] = '\0';
                    name = abbr;
                }
                if ((Py_ssize_t)strlen(name) == want && name_at(mt, pos, name)) {
                    lens[count++] = want;
                }
            }
        }
        return count;
    }
    case 'p':
        if (name_at(mt, pos, "am") || name_at(mt, pos, "pm")) {
            lens[count++] = 2;
        }
        return count;
    case 'Z': {
        for (Py_ssize_t want = 64; want >= 1; want--) {
            for (int i = 0; i < 4; i++) {
                if ((Py_ssize_t)strlen(mt->zones[i]) == want && name_at(mt, pos, mt->zones[i])
                    && count < SP_MAX_CANDIDATES) {
                    int dup = 0;
                    for (int k = 0; k < count; k++) {
                        dup |= lens[k] == want;
                    }
                    if (!dup) {
                        lens[count++] = want;
                    }
                }
            }
        }
        return count;
    }
    case 'z': {
        if (avail >= 1 && p[0] == 'Z') {
            lens[count++] = 1;
            return count;
        }
        /* [+-]HH[:]MM, then optionally [:]SS, then optionally .f{1,6} */
        if (avail < 5 || (p[0] != '+' && p[0] != '-') || digits_value(p + 1, 2) < 0) {
            return 0;
        }
        Py_ssize_t i = 3;
        if (p[i] == ':') {
            i++;
        }
        if (i + 2 > avail || p[i] < '0' || p[i] > '5' || !is_ascii_digit(p[i + 1])) {
            return 0;
        }
        Py_ssize_t hhmm = i + 2;
        Py_ssize_t j = hhmm;
        if (j < avail && p[j] == ':') {
            j++;
        }
        if (j + 2 <= avail && p[j] >= '0' && p[j] <= '5' && is_ascii_digit(p[j + 1])) {
            Py_ssize_t ss = j + 2;
            if (ss + 1 < avail && p[ss] == '.' && is_ascii_digit(p[ss + 1])) {
                Py_ssize_t nfrac = 0;
                while (nfrac < 6 && ss + 1 + nfrac < avail && is_ascii_digit(p[ss + 1 + nfrac])) {
                    nfrac++;
                }
                for (Py_ssize_t k = nfrac; k >= 1; k--) {
                    lens[count++] = ss + 1 + k;
                }
            }
            lens[count++] = ss;
        }
        lens[count++] = hhmm;
        return count;
    }
    case '%':
        if (avail >= 1 && p[0] == '%') {
            lens[count++] = 1;
        }
        return count;
    }
    return 0;
}

/* Match tokens[i:] against the data from pos: 1 on success (token positions set), 0 if they
 * do not match, -1 with an exception set (RecursionError for absurdly long formats).  Runs of
 * literal characters are matched in a loop; only tokens with alternatives recurse. */
static int match_tokens(sp_matcher *mt, Py_ssize_t i, Py_ssize_t pos, Py_ssize_t *end)
{
    while (i < mt->ntokens && mt->tokens[i].kind == TOK_LITERAL) {
        sp_token *lit = &mt->tokens[i];
        if (pos >= mt->ndata ||
            Py_UNICODE_TOLOWER(mt->data[pos]) != Py_UNICODE_TOLOWER(lit->ch)) {
            return 0;
        }
        lit->start = pos;
        lit->len = 1;
        pos++;
        i++;
    }
    if (i == mt->ntokens) {
        *end = pos;
        return 1;
    }
    size_t bit = (size_t)i * (size_t)(mt->ndata + 1) + (size_t)pos;
    if (mt->failed != NULL && (mt->failed[bit >> 3] & (1u << (bit & 7)))) {
        return 0;
    }
    sp_token *tok = &mt->tokens[i];
    Py_ssize_t lens[SP_MAX_CANDIDATES];
    int count = 0;
    if (tok->kind == TOK_SPACE) {
        Py_ssize_t run = 0;
        while (pos + run < mt->ndata && Py_UNICODE_ISSPACE(mt->data[pos + run])) {
            run++;
        }
        /* Longest first; more than a few alternatives never help the following token. */
        for (Py_ssize_t n = run; n >= 1 && count < SP_MAX_CANDIDATES; n--) {
            lens[count++] = n;
        }
    }
    else {
        count = directive_candidates(mt, tok->ch, pos, lens);
    }
    if (count == 0) {
        return 0;
    }
    if (Py_EnterRecursiveCall(" while matching a strptime format")) {
        return -1;
    }
    int rc = 0;
    for (int k = 0; k < count && rc == 0; k++) {
        tok->start = pos;
        tok->len = lens[k];
        rc = match_tokens(mt, i + 1, pos + lens[k], end);
    }
    Py_LeaveRecursiveCall();
    if (rc == 0 && mt->failed != NULL) {
        mt->failed[bit >> 3] |= (unsigned char)(1u << (bit & 7));
    }
    return rc;
}

static int is_leap(int year)
{
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[month - 1] + (month == 2 && is_leap(year));
}

/* Proleptic Gregorian ordinal (0001-01-01 is 1). */
static long date_ordinal(int year, int month, int day)
{
    long y = year - 1;
    long ord = y * 365 + y / 4 - y / 100 + y / 400;
    for (int m = 1; m < month; m++) {
        ord += days_in_month(year, m);
    }
    return ord + day;
}

/* Monday is 0. */
static int ordinal_weekday(long ord)
{
    return (int)((ord + 6) % 7);
}

/* Year, month and day of an ordinal; -1 with ValueError when outside years 1..9999. */
static int ordinal_to_date(long ord, int *year, int *month, int *day)
{
    if (ord < 1 || ord > date_ordinal(9999, 12, 31)) {
        PyErr_Format(PyExc_ValueError, "year %d is out of range", ord < 1 ? 0 : 10000);
        return -1;
    }
    int y = (int)(ord / 366) + 1;   /* never too late; step forward */
    while (date_ordinal(y + 1, 1, 1) <= ord) {
        y++;
    }
    long rest = ord - date_ordinal(y, 1, 1) + 1;
    int m = 1;
    while (rest > days_in_month(y, m)) {
        rest -= days_in_month(y, m);
        m++;
    }
    *year = y;
    *month = m;
    *day = (int)rest;
    return 0;
}

/* Day of the year of weekday (Monday 0) in week `week` of year, where week 1 starts on the
 * first Monday (Sunday if !monday_first) and the days before it are week 0.  May be <= 0. */
static int julian_from_week(int year, int week, int weekday, int monday_first)
{
    int first = ordinal_weekday(date_ordinal(year, 1, 1));
    int wd = weekday;
    if (!monday_first) {
        first = (first + 1) % 7;
        wd = (wd + 1) % 7;
    }
    if (week == 0) {
        return 1 + wd - first;
    }
    int week0_days = (7 - first) % 7;
    return 1 + week0_days + 7 * (week - 1) + wd;
}

static const char iso_weekday_hint[] = "a weekday directive ('%A', '%a', '%w', or '%u').";

static const char day_without_year_warning[] =
    "Parsing dates involving a day of month without a year specified is ambiguious\n"
    "and fails to parse leap day. The default behavior will change in Python 3.15\n"
    "to either always raise an exception or to use a different default year (TBD).\n"
    "To avoid trouble, add a specific year to the input & format.\n"
    "See https://github.com/python/cpython/issues/70647.";

/* Fill zones with the lower-case names %Z accepts; returns 0 or -1.  Buffers in store. */
static int load_zone_names(PyObject *module, sp_matcher *mt, char store[2][65], int *daylight,
                           int *same_names)
{
    mt->zones[0] = "utc";
    mt->zones[1] = "gmt";
    mt->zones[2] = mt->zones[3] = "";
    *daylight = 0;
    *same_names = 0;
    PyObject *tzname = PyObject_GetAttrString(module, "tzname");
    if (tzname == NULL) {
        return -1;
    }
    PyObject *dl = PyObject_GetAttrString(module, "daylight");
    if (dl == NULL) {
        Py_DECREF(tzname);
        return -1;
    }
    *daylight = PyObject_IsTrue(dl) == 1;
    Py_DECREF(dl);
    if (PyTuple_Check(tzname) && PyTuple_GET_SIZE(tzname) == 2) {
        for (int i = 0; i < 2; i++) {
            PyObject *item = PyTuple_GET_ITEM(tzname, i);
            const char *s = PyUnicode_Check(item) ? PyUnicode_AsUTF8(item) : NULL;
            if (s == NULL) {
                PyErr_Clear();
                store[i][0] = '\0';
                continue;
            }
            size_t n = strlen(s) < 64 ? strlen(s) : 64;
            for (size_t k = 0; k < n; k++) {
                store[i][k] = (char)((s[k] >= 'A' && s[k] <= 'Z') ? s[k] + 32 : s[k]);
            }
            store[i][n] = '\0';
        }
        mt->zones[2] = store[0];
        mt->zones[3] = store[1];
        *same_names = strcmp(store[0], store[1]) == 0;
    }
    Py_DECREF(tzname);
    return 0;
}

/* Integer value of a matched numeric token. */
static int token_number(const sp_matcher *mt, const sp_token *tok)
{
    const Py_UCS4 *p = mt->data + tok->start;
    Py_ssize_t n = tok->len;
    if (n > 0 && p[0] == ' ') {
        p++;
        n--;
    }
    return digits_value(p, n);
}

/* Index of the name a token matched in names (compared on the first len characters). */
static int token_name_index(const sp_matcher *mt, const sp_token *tok, const char *const *names,
                            int count)
{
    for (int i = 0; i < count; i++) {
        Py_ssize_t n = (Py_ssize_t)strlen(names[i]);
        if (tok->len != 3 && n != tok->len) {
            continue;
        }
        Py_ssize_t k = 0;
        while (k < tok->len && Py_UNICODE_TOLOWER(mt->data[tok->start + k]) ==
                                   (Py_UCS4)(unsigned char)names[i][k]) {
            k++;
        }
        if (k == tok->len) {
            return i;
        }
    }
    return 0;
}

/* Parse a %z match into seconds east of UTC; -1 with ValueError. */
static int parse_utc_offset(const sp_matcher *mt, const sp_token *tok, long *offset)
{
    const Py_UCS4 *p = mt->data + tok->start;
    Py_ssize_t n = tok->len;
    if (n == 1) {
        *offset = 0;
        return 0;
    }
    Py_UCS4 buf[16];
    Py_ssize_t k = 0;
    int colon = p[3] == ':';
    for (Py_ssize_t i = 0; i < n && k < 16; i++) {
        if (colon && (i == 3 || i == 6)) {
            if (p[i] != ':' && i == 6 && n > 6) {
                PyObject *text = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, p, n);
                if (text != NULL) {
                    PyErr_Format(PyExc_ValueError, "Inconsistent use of : in %U", text);
                    Py_DECREF(text);
                }
                return -1;
            }
            continue;
        }
        buf[k++] = p[i];
    }
    if (!colon && n > 5 && p[5] == ':') {
        PyErr_Format(PyExc_ValueError, "invalid literal for int() with base 10: ':%c'",
                     (int)p[6]);
        return -1;
    }
    long seconds = digits_value(buf + 1, 2) * 3600L + digits_value(buf + 3, 2) * 60L;
    if (k >= 7) {
        seconds += digits_value(buf + 5, 2);
    }
    *offset = buf[0] == '-' ? -seconds : seconds;
    return 0;
}

/* Build the token list of fmt (already expanded) into tokens; -1 with ValueError. */
static Py_ssize_t tokenize_format(const Py_UCS4 *fmt, Py_ssize_t n, PyObject *format_obj,
                                  sp_token *tokens)
{
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = fmt[i];
        if (Py_UNICODE_ISSPACE(c)) {
            while (i + 1 < n && Py_UNICODE_ISSPACE(fmt[i + 1])) {
                i++;
            }
            tokens[count++] = (sp_token){TOK_SPACE, ' ', 0, 0};
            continue;
        }
        if (c != '%') {
            tokens[count++] = (sp_token){TOK_LITERAL, c, 0, 0};
            continue;
        }
        if (i + 1 >= n) {
            PyErr_Format(PyExc_ValueError, "stray %% in format %R", format_obj);
            return -1;
        }
        Py_UCS4 d = fmt[++i];
        if (find_numeric(d) == NULL && (d > 127 || strchr("faAbBpZz%", (int)d) == NULL)) {
            PyObject *letter = PyUnicode_FromOrdinal((int)d);
            if (letter != NULL) {
                PyErr_Format(PyExc_ValueError, "%R is a bad directive in format %R", letter,
                             format_obj);
                Py_DECREF(letter);
            }
            return -1;
        }
        tokens[count++] = (sp_token){TOK_DIRECTIVE, d, 0, 0};
    }
    return count;
}

/* Replace %c, %x and %X by their C-locale expansions; return a new reference. */
static PyObject *expand_locale_formats(PyObject *format)
{
    static const struct {
        const char *from, *to;
    } expansions[] = {
        {"%c", "%a %b %d %H:%M:%S %Y"}, {"%x", "%m/%d/%y"}, {"%X", "%H:%M:%S"},
    };
    PyObject *result = Py_NewRef(format);
    /* Protect "%%" first so that "%%c" stays literal. */
    PyObject *from = PyUnicode_FromString("%%");
    PyObject *to = PyUnicode_FromString("\x01");
    if (from == NULL || to == NULL) {
        goto error;
    }
    Py_SETREF(result, PyUnicode_Replace(result, from, to, -1));
    Py_CLEAR(from);
    Py_CLEAR(to);
    for (size_t i = 0; i < Py_ARRAY_LENGTH(expansions) && result != NULL; i++) {
        from = PyUnicode_FromString(expansions[i].from);
        to = PyUnicode_FromString(expansions[i].to);
        if (from == NULL || to == NULL) {
            goto error;
        }
        Py_SETREF(result, PyUnicode_Replace(result, from, to, -1));
        Py_CLEAR(from);
        Py_CLEAR(to);
    }
    if (result == NULL) {
        return NULL;
    }
    from = PyUnicode_FromString("\x01");
    to = PyUnicode_FromString("%%");
    if (from == NULL || to == NULL) {
        goto error;
    }
    Py_SETREF(result, PyUnicode_Replace(result, from, to, -1));
    Py_DECREF(from);
    Py_DECREF(to);
    return result;
error:
    Py_XDECREF(from);
    Py_XDECREF(to);
    Py_XDECREF(result);
    return NULL;
}

#define JULIAN_UNSET INT_MIN

/* The parsed fields; -1 (JULIAN_UNSET for julian) means "not given". */
typedef struct {
    int year, month, day, hour, minute, second;
    int julian, weekday, week_U, week_W, iso_year, iso_week;
    int isdst;
    int has_y, has_d, has_G, has_V, has_weekday;
    int ampm;               /* 0 none, 1 am, 2 pm */
    int hour12;             /* -1 or the %I value */
    long gmtoff;
    int has_gmtoff;
    const sp_token *zone;
} sp_fields;

static int interpret_tokens(PyObject *module, sp_matcher *mt, sp_fields *f, int daylight,
                            int same_names)
{
    for (Py_ssize_t i = 0; i < mt->ntokens; i++) {
        const sp_token *tok = &mt->tokens[i];
        if (tok->kind != TOK_DIRECTIVE) {
            continue;
        }
        int v = find_numeric(tok->ch) ? token_number(mt, tok) : 0;
        switch (tok->ch) {
        case 'Y': f->year = v; f->has_y = 1; break;
        case 'y': f->year = v < 69 ? 2000 + v : 1900 + v; f->has_y = 1; break;
        case 'G': f->iso_year = v; f->has_G = 1; break;
        case 'm': f->month = v; break;
        case 'd': f->day = v; break;
        case 'H': f->hour = v; f->hour12 = -1; break;
        case 'I': f->hour12 = v; break;
        case 'M': f->minute = v; break;
        case 'S': f->second = v; break;
        case 'j': f->julian = v; break;
        case 'U': f->week_U = v; f->week_W = -1; break;
        case 'W': f->week_W = v; f->week_U = -1; break;
        case 'V': f->iso_week = v; f->has_V = 1; break;
        case 'w': f->weekday = (v + 6) % 7; break;
        case 'u': f->weekday = v - 1; break;
        case 'a': case 'A':
            f->weekday = token_name_index(mt, tok, weekday_names, 7);
            break;
        case 'b': case 'B':
            f->month = token_name_index(mt, tok, month_names, 12) + 1;
            break;
        case 'p':
            f->ampm = Py_UNICODE_TOLOWER(mt->data[tok->start]) == 'a' ? 1 : 2;
            break;
        case 'z':
            if (parse_utc_offset(mt, tok, &f->gmtoff) < 0) {
                return -1;
            }
            f->has_gmtoff = 1;
            break;
        case 'Z': {
            f->zone = tok;
            char lower[65];
            Py_ssize_t n = tok->len < 64 ? tok->len : 64;
            for (Py_ssize_t k = 0; k < n; k++) {
                lower[k] = (char)Py_UNICODE_TOLOWER(mt->data[tok->start + k]);
            }
            lower[n] = '\0';
            if (strcmp(lower, "utc") == 0 || strcmp(lower, "gmt") == 0) {
                f->isdst = 0;
            }
            else if (same_names && daylight) {
                f->isdst = -1;
            }
            else if (strcmp(lower, mt->zones[2]) == 0) {
                f->isdst = 0;
            }
            else if (strcmp(lower, mt->zones[3]) == 0) {
                f->isdst = 1;
            }
            break;
        }
        }
    }
    if (f->hour12 >= 0) {
        f->hour = f->hour12;
        if (f->ampm == 2) {
            if (f->hour != 12) {
                f->hour += 12;
            }
        }
        else if (f->hour == 12) {
            f->hour = 0;
        }
    }
    return 0;
}

/* Turn the fields into year/month/day/julian/weekday (CPython's rules for defaults). */
static int resolve_date(sp_fields *f)
{
    if (f->has_G && (!f->has_V || f->weekday < 0)) {
        PyErr_Format(PyExc_ValueError, "ISO year directive '%%G' must be used with the ISO "
                     "week directive '%%V' and %s", iso_weekday_hint);
        return -1;
    }
    if (f->has_V && !f->has_G) {
        if (!f->has_y || f->weekday < 0) {
            PyErr_Format(PyExc_ValueError, "ISO week directive '%%V' must be used with the "
                         "ISO year directive '%%G' and %s", iso_weekday_hint);
        }
        else {
            PyErr_SetString(PyExc_ValueError, "ISO week directive '%V' is incompatible with "
                            "the year directive '%Y'. Use the ISO year '%G' instead.");
        }
        return -1;
    }
    int leap_fix = 0;
    if (!f->has_y) {
        if (f->month == 2 && f->day == 29) {
            f->year = 1904;
            leap_fix = 1;
        }
        else {
            f->year = 1900;
        }
    }
    if (f->year < 1) {
        PyErr_Format(PyExc_ValueError, "year %d is out of range", f->year);
        return -1;
    }
    if (f->julian == JULIAN_UNSET && f->weekday >= 0) {
        int week = f->week_U >= 0 ? f->week_U : f->week_W;
        if (week >= 0) {
            f->julian = julian_from_week(f->year, week, f->weekday, f->week_W >= 0);
        }
        else if (f->has_G && f->has_V) {
            long jan4 = date_ordinal(f->iso_year, 1, 4);
            long week1 = jan4 - ordinal_weekday(jan4);
            long jan1 = date_ordinal(f->iso_year, 1, 1);
            int first = ordinal_weekday(jan1);
            int weeks = (first == 3 || (first == 2 && is_leap(f->iso_year))) ? 53 : 52;
            if (f->iso_week < 1 || f->iso_week > weeks) {
                PyErr_Format(PyExc_ValueError, "Invalid week: %d", f->iso_week);
                return -1;
            }
            long ord = week1 + 7L * (f->iso_week - 1) + f->weekday;
            int y, m, d;
            if (ordinal_to_date(ord, &y, &m, &d) < 0) {
                return -1;
            }
            f->year = y;
            f->julian = (int)(ord - date_ordinal(y, 1, 1) + 1);
        }
        if (f->julian != JULIAN_UNSET && f->julian <= 0) {
            f->year -= 1;
            if (f->year < 1) {
                PyErr_SetString(PyExc_ValueError, "year 0 is out of range");
                return -1;
            }
            f->julian += is_leap(f->year) ? 366 : 365;
        }
    }
    long ord;
    if (f->julian == JULIAN_UNSET) {
        if (f->day > days_in_month(f->year, f->month)) {
            PyErr_SetString(PyExc_ValueError, "day is out of range for month");
            return -1;
        }
        ord = date_ordinal(f->year, f->month, f->day);
        f->julian = (int)(ord - date_ordinal(f->year, 1, 1) + 1);
    }
    else {
        ord = date_ordinal(f->year, 1, 1) + f->julian - 1;
        if (ordinal_to_date(ord, &f->year, &f->month, &f->day) < 0) {
            return -1;
        }
    }
    if (f->weekday < 0) {
        f->weekday = ordinal_weekday(ord);
    }
    if (leap_fix) {
        f->year = 1900;
    }
    return 0;
}

static PyObject *do_strptime(PyObject *module, PyObject *data_obj, PyObject *format_obj)
{
    PyObject *result = NULL, *expanded = NULL;
    Py_UCS4 *data = NULL, *fmt = NULL;
    sp_token *tokens = NULL;
    unsigned char *failed_memo = NULL;
    expanded = expand_locale_formats(format_obj);
    if (expanded == NULL) {
        return NULL;
    }
    data = PyUnicode_AsUCS4Copy(data_obj);
    fmt = PyUnicode_AsUCS4Copy(expanded);
    Py_ssize_t nfmt = PyUnicode_GET_LENGTH(expanded);
    if (data == NULL || fmt == NULL) {
        goto done;
    }
    tokens = PyMem_Calloc((size_t)nfmt + 1, sizeof(sp_token));
    if (tokens == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    sp_matcher mt = {data, PyUnicode_GET_LENGTH(data_obj), tokens, 0, {0}, NULL};
    mt.ntokens = tokenize_format(fmt, nfmt, format_obj, tokens);
    if (mt.ntokens < 0) {
        goto done;
    }
    /* Each directive is one named group of CPython's regular expression, and a name may not
     * repeat: strptime('11', '%d%d') raises re.error there, and here. */
    int first_group[128] = {0};
    int group = 0;
    for (Py_ssize_t i = 0; i < mt.ntokens; i++) {
        Py_UCS4 d = tokens[i].ch;
        if (tokens[i].kind != TOK_DIRECTIVE || d == '%' || d >= 128) {
            continue;
        }
        group++;
        if (first_group[d] == 0) {
            first_group[d] = group;
            continue;
        }
        PyObject *re = PyImport_ImportModule("re");
        PyObject *re_error = re != NULL ? PyObject_GetAttrString(re, "error") : NULL;
        Py_XDECREF(re);
        if (re_error != NULL) {
            PyErr_Format(re_error, "redefinition of group name '%c' as group %d; was group %d",
                         (int)d, group, first_group[d]);
            Py_DECREF(re_error);
        }
        goto done;
    }
    size_t memo_bits = (size_t)(mt.ntokens + 1) * (size_t)(mt.ndata + 1);
    if (memo_bits <= ((size_t)1 << 27)) {          /* at most 16 MiB */
        mt.failed = PyMem_Calloc(memo_bits / 8 + 1, 1);
        if (mt.failed == NULL) {
            PyErr_NoMemory();
            goto done;
        }
    }
    failed_memo = mt.failed;
    int has_day = 0, has_year = 0;
    for (Py_ssize_t i = 0; i < mt.ntokens; i++) {
        if (tokens[i].kind == TOK_DIRECTIVE) {
            has_day |= tokens[i].ch == 'd';
            has_year |= tokens[i].ch == 'Y' || tokens[i].ch == 'y';
        }
    }
    if (has_day && !has_year &&
        PyErr_WarnEx(PyExc_DeprecationWarning, day_without_year_warning, 1) < 0) {
        goto done;
    }
    char zone_store[2][65];
    int daylight, same_names;
    if (load_zone_names(module, &mt, zone_store, &daylight, &same_names) < 0) {
        goto done;
    }
    Py_ssize_t end;
    int matched = match_tokens(&mt, 0, 0, &end);
    if (matched < 0) {
        goto done;
    }
    if (!matched) {
        PyErr_Format(PyExc_ValueError, "time data %R does not match format %R", data_obj,
                     format_obj);
        goto done;
    }
    if (end != mt.ndata) {
        PyObject *rest = PyUnicode_Substring(data_obj, end, mt.ndata);
        if (rest != NULL) {
            PyErr_Format(PyExc_ValueError, "unconverted data remains: %U", rest);
            Py_DECREF(rest);
        }
        goto done;
    }
    sp_fields f = {
        .year = 1900, .month = 1, .day = 1, .julian = JULIAN_UNSET, .weekday = -1, .week_U = -1,
        .week_W = -1, .iso_year = -1, .iso_week = -1, .isdst = -1, .hour12 = -1,
    };
    if (interpret_tokens(module, &mt, &f, daylight, same_names) < 0 || resolve_date(&f) < 0) {
        goto done;
    }
    result = PyStructSequence_New(get_time_state(module)->struct_time_type);
    if (result == NULL) {
        goto done;
    }
    int values[9] = {f.year, f.month, f.day, f.hour, f.minute, f.second, f.weekday,
                     f.julian, f.isdst};
    for (int i = 0; i < 9; i++) {
        PyStructSequence_SetItem(result, i, PyLong_FromLong(values[i]));
    }
    PyStructSequence_SetItem(result, 9, f.zone == NULL ? Py_NewRef(Py_None)
                             : PyUnicode_Substring(data_obj, f.zone->start,
                                                   f.zone->start + f.zone->len));
    PyStructSequence_SetItem(result, 10, f.has_gmtoff ? PyLong_FromLong(f.gmtoff)
                                                      : Py_NewRef(Py_None));
    for (Py_ssize_t i = 0; i < 11; i++) {
        if (PyStructSequence_GetItem(result, i) == NULL) {
            Py_CLEAR(result);
            break;
        }
    }
done:
    PyMem_Free(failed_memo);
    PyMem_Free(tokens);
    PyMem_Free(data);
    PyMem_Free(fmt);
    Py_DECREF(expanded);
    return result;
}

static PyObject *time_strptime(PyObject *m, PyObject *args)
{
    PyObject *data, *format = NULL;
    if (!PyArg_ParseTuple(args, "O|O:strptime", &data, &format)) {
        return NULL;
    }
    PyObject *items[2] = {data, format};
    for (int i = 0; i < 2; i++) {
        if (items[i] != NULL && !PyUnicode_Check(items[i])) {
            PyErr_Format(PyExc_TypeError, "strptime() argument %d must be str, not %R", i,
                         (PyObject *)Py_TYPE(items[i]));
            return NULL;
        }
    }
    if (format == NULL) {
        PyObject *dflt = PyUnicode_FromString("%a %b %d %H:%M:%S %Y");
        if (dflt == NULL) {
            return NULL;
        }
        PyObject *res = do_strptime(m, data, dflt);
        Py_DECREF(dflt);
        return res;
    }
    return do_strptime(m, data, format);
}

/* timezone, altzone, daylight and tzname from the C library after tzset(). */
static int init_timezone(PyObject *m)
{
    tzset();
    time_t now = time(NULL);
    struct tm jan, jul;
    time_t year_start = now - (now % (365L * 24 * 3600));
    time_t mid_year = year_start + 182L * 24 * 3600;
    localtime_r(&year_start, &jan);
    localtime_r(&mid_year, &jul);
    long janzone = -jan.tm_gmtoff, julzone = -jul.tm_gmtoff;
    const char *janname = jan.tm_zone ? jan.tm_zone : "   ";
    const char *julname = jul.tm_zone ? jul.tm_zone : "   ";
    PyObject *tzname;
    long zone, alt;
    if (janzone < julzone) {
        /* Southern hemisphere: DST in January. */
        zone = julzone;
        alt = janzone;
        tzname = Py_BuildValue("(ss)", julname, janname);
    }
    else {
        zone = janzone;
        alt = julzone;
        tzname = Py_BuildValue("(ss)", janname, julname);
    }
    if (PyModule_Add(m, "tzname", tzname) < 0 ||
        PyModule_AddIntConstant(m, "timezone", zone) < 0 ||
        PyModule_AddIntConstant(m, "altzone", alt) < 0 ||
        PyModule_AddIntConstant(m, "daylight", janzone != julzone) < 0) {
        return -1;
    }
    return 0;
}

static PyObject *time_tzset(PyObject *m, PyObject *Py_UNUSED(ignored))
{
    if (init_timezone(m) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef time_methods[] = {
    {"time", time_time, METH_NOARGS, "Return the current time in seconds since the Epoch."},
    {"time_ns", time_time_ns, METH_NOARGS, "Return the current time in nanoseconds."},
    {"monotonic", time_monotonic, METH_NOARGS, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", time_monotonic_ns, METH_NOARGS, "Monotonic clock, as nanoseconds."},
    {"perf_counter", time_perf_counter, METH_NOARGS, "Performance counter for benchmarking."},
    {"perf_counter_ns", time_perf_counter_ns, METH_NOARGS, "Performance counter, ns."},
    {"process_time", time_process_time, METH_NOARGS, "Process CPU time."},
    {"process_time_ns", time_process_time_ns, METH_NOARGS, "Process CPU time, ns."},
    {"thread_time", time_thread_time, METH_NOARGS, "Thread CPU time."},
    {"thread_time_ns", time_thread_time_ns, METH_NOARGS, "Thread CPU time, ns."},
    {"clock_gettime", time_clock_gettime, METH_O, "Return the time of the specified clock."},
    {"clock_gettime_ns", time_clock_gettime_ns, METH_O, "The clock's time in nanoseconds."},
    {"clock_getres", time_clock_getres, METH_O, "Return the resolution of the clock."},
    {"clock_settime", time_clock_settime, METH_VARARGS, "Set the time of the specified clock."},
    {"clock_settime_ns", time_clock_settime_ns, METH_VARARGS,
     "Set the time of the specified clock, in nanoseconds."},
    {"pthread_getcpuclockid", time_pthread_getcpuclockid, METH_O,
     "Return the clk_id of a thread's CPU-time clock."},
    {"get_clock_info", time_get_clock_info, METH_O, "Get information of the specified clock."},
    {"sleep", time_sleep, METH_O, "Delay execution for a given number of seconds."},
    {"gmtime", time_gmtime, METH_VARARGS, "Convert seconds since the Epoch to UTC time."},
    {"localtime", time_localtime, METH_VARARGS, "Convert seconds since the Epoch to local time."},
    {"mktime", time_mktime, METH_O, "Convert a time tuple in local time to seconds."},
    {"strftime", time_strftime, METH_VARARGS, "Convert a time tuple to a string by format."},
    {"strptime", time_strptime, METH_VARARGS, "Parse a string to a time tuple by format."},
    {"asctime", time_asctime, METH_VARARGS, "Convert a time tuple to a string."},
    {"ctime", time_ctime, METH_VARARGS, "Convert a time in seconds to a local time string."},
    {"tzset", time_tzset, METH_NOARGS, "Initialize time conversion from the TZ variable."},
    {NULL, NULL, 0, NULL},
};

static int time_exec(PyObject *m)
{
    time_state *state = get_time_state(m);
    state->struct_time_type = PyStructSequence_NewType(&struct_time_desc);
    if (state->struct_time_type == NULL ||
        PyModule_AddObjectRef(m, "struct_time", (PyObject *)state->struct_time_type) < 0) {
        return -1;
    }
    static const struct {
        const char *name;
        long value;
    } clocks[] = {
        {"CLOCK_REALTIME", CLOCK_REALTIME}, {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
        {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW},
        {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
        {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID}, {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
        {"CLOCK_TAI", CLOCK_TAI},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(clocks); i++) {
        if (PyModule_AddIntConstant(m, clocks[i].name, clocks[i].value) < 0) {
            return -1;
        }
    }
    return init_timezone(m);
}

static int time_traverse(PyObject *m, visitproc visit, void *arg)
{
    Py_VISIT(get_time_state(m)->struct_time_type);
    return 0;
}

static int time_clear(PyObject *m)
{
    Py_CLEAR(get_time_state(m)->struct_time_type);
    return 0;
}

static PyModuleDef_Slot time_slots[] = {
    {Py_mod_exec, time_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef timemodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "time",
    .m_doc = "This module provides various functions to manipulate time values.",
    .m_size = sizeof(time_state),
    .m_methods = time_methods,
    .m_slots = time_slots,
    .m_traverse = time_traverse,
    .m_clear = time_clear,
};

PyMODINIT_FUNC
PyInit_time(void)
{
    return PyModuleDef_Init(&timemodule);
}
