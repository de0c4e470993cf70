/* GIL trace (GIL build): `-X giltrace=FILE` or PYTHONGILTRACE=FILE records every GIL request,
 * acquisition, drop request and release with a monotonic timestamp and the thread's native id,
 * into per-thread buffers written to FILE at process exit (Python/giltrace.c).  Nothing is
 * recorded unless asked for: each hook is one relaxed load of a flag. */
#ifndef Py_INTERNAL_GILTRACE_H
#define Py_INTERNAL_GILTRACE_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE define"
#endif

typedef enum {
    _Py_GILTRACE_REQUEST = 0,       /* a thread starts waiting for the GIL */
    _Py_GILTRACE_ACQUIRE = 1,       /* ... and now holds it */
    _Py_GILTRACE_DROP_REQUEST = 2,  /* a waiter asked the holder to drop it (timeout) */
    _Py_GILTRACE_RELEASE = 3,       /* the holder released it */
} _Py_GILTraceEvent;

PyAPI_DATA(int) _Py_giltrace_enabled;

/* Read the configuration once (called when the GIL is created). */
extern void _PyGILTrace_Init(void);
extern void _PyGILTrace_Record(_Py_GILTraceEvent event);

static inline void _PyGILTrace_Event(_Py_GILTraceEvent event)
{
    if (_Py_atomic_load_int_relaxed(&_Py_giltrace_enabled)) {
        _PyGILTrace_Record(event);
    }
}

#endif /* Py_INTERNAL_GILTRACE_H */
