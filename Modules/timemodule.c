/* The time module: clocks, sleeping and calendar-time conversion.
 *
 * sleep() releases the GIL and is interruptible: a signal ends the wait early only if its
 * handler raises, otherwise the sleep resumes for the remaining time (PEP 475).  Module state:
 * the struct_time type, created per module object. */
#include "Python.h"

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
    if (seconds < 0) {
        PyErr_SetString(PyExc_ValueError, "sleep length must be non-negative");
        return NULL;
    }
    if (seconds > 9.2e9) {
        PyErr_SetString(PyExc_OverflowError, "sleep length is too large");
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
static int tm_from_tuple(PyObject *t, struct tm *tm, const char *funcname)
{
    if (!PyTuple_Check(t)) {
        PyErr_SetString(PyExc_TypeError, "Tuple or struct_time argument required");
        return -1;
    }
    if (PyTuple_GET_SIZE(t) < 9) {
        PyErr_Format(PyExc_TypeError, "%s(): illegal time tuple argument", funcname);
        return -1;
    }
    int v[9];
    for (int i = 0; i < 9; i++) {
        v[i] = PyLong_AsInt(PyTuple_GET_ITEM(t, i));
        if (v[i] == -1 && PyErr_Occurred()) {
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
    return 0;
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
    if (tm_from_optional(t, &tm, "strftime") < 0 || check_tm(&tm) < 0) {
        return NULL;
    }
    Py_ssize_t flen;
    const char *format = PyUnicode_AsUTF8AndSize(format_obj, &flen);
    if (format == NULL) {
        return NULL;
    }
    if (flen == 0) {
        return PyUnicode_FromString("");
    }
    /* strftime cannot tell "too small" from "empty result": grow until it fits, bounded. */
    for (size_t size = 256; size <= (size_t)flen * 256 + 1024; size *= 2) {
        char *buf = PyMem_Malloc(size);
        if (buf == NULL) {
            return PyErr_NoMemory();
        }
        size_t n = strftime(buf, size, format, &tm);
        if (n > 0 || size > (size_t)flen * 256) {
            PyObject *result = PyUnicode_DecodeLocaleAndSize(buf, (Py_ssize_t)n,
                                                             "surrogateescape");
            PyMem_Free(buf);
            return result;
        }
        PyMem_Free(buf);
    }
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

/* strptime is implemented in Python (Lib/_strptime.py), as in CPython. */
static PyObject *time_strptime(PyObject *m, PyObject *args)
{
    PyObject *module = PyImport_ImportModule("_strptime");
    if (module == NULL) {
        return NULL;
    }
    PyObject *func = PyObject_GetAttrString(module, "_strptime_time");
    Py_DECREF(module);
    if (func == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_Call(func, args, NULL);
    Py_DECREF(func);
    return result;
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
