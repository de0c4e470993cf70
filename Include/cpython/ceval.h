/* C-level profiling and tracing (CPython 3.13 Include/cpython/ceval.h; Python/legacy_tracing.c).
 *
 * The eval loop calls func(obj, frame, what, arg) with what = PyTrace_CALL, PyTrace_RETURN,
 * ... (Include/pystate.h); sys.gettrace()/sys.getprofile() return obj.  A func of NULL turns
 * the hook off.  A nonzero return from func turns it off and propagates the exception. */
#ifndef Py_CPYTHON_CEVAL_H
#define Py_CPYTHON_CEVAL_H
#ifdef __cplusplus
extern "C" {
#endif

/* Set the hook of the calling thread (a new reference to obj is kept). */
PyAPI_FUNC(void) PyEval_SetProfile(Py_tracefunc func, PyObject *obj);
PyAPI_FUNC(void) PyEval_SetTrace(Py_tracefunc func, PyObject *obj);

/* Set the hook of every thread of the calling thread's interpreter. */
PyAPI_FUNC(void) PyEval_SetProfileAllThreads(Py_tracefunc func, PyObject *obj);
PyAPI_FUNC(void) PyEval_SetTraceAllThreads(Py_tracefunc func, PyObject *obj);

#ifdef __cplusplus
}
#endif
#endif /* !Py_CPYTHON_CEVAL_H */
