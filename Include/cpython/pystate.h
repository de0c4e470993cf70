/* Thread-state API of CPython 3.13's Include/cpython/pystate.h that Include/pystate.h lacks
 * (Python/legacy_tracing.c). */
#ifndef Py_CPYTHON_PYSTATE_H
#define Py_CPYTHON_PYSTATE_H
#ifdef __cplusplus
extern "C" {
#endif

/* Suspend / resume tracing and profiling of `tstate` (calls nest): trace and profile hooks
 * are not called while tracing is suspended. */
PyAPI_FUNC(void) PyThreadState_EnterTracing(PyThreadState *tstate);
PyAPI_FUNC(void) PyThreadState_LeaveTracing(PyThreadState *tstate);

/* Walking the interpreters and their threads (for debuggers and profilers): the lists may
 * change while they are walked unless the other threads are known to be idle. */
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Head(void);
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Next(PyInterpreterState *interp);
PyAPI_FUNC(PyThreadState *) PyInterpreterState_ThreadHead(PyInterpreterState *interp);
PyAPI_FUNC(PyThreadState *) PyThreadState_Next(PyThreadState *tstate);

#ifdef __cplusplus
}
#endif
#endif /* !Py_CPYTHON_PYSTATE_H */
