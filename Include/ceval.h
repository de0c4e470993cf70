/* The evaluation API: PyEval_*, Py_BEGIN_ALLOW_THREADS, Py_EnterRecursiveCall.
 * Owner: eval room (Python/ceval.c).  PyEval_SaveThread/RestoreThread and the other GIL
 * functions are implemented by the runtime room in Python/ceval_gil.c. */
#ifndef Py_CEVAL_H
#define Py_CEVAL_H

/* Run a module-level code object.  Return a new reference. */
PyAPI_FUNC(PyObject *) PyEval_EvalCode(PyObject *co, PyObject *globals, PyObject *locals);
PyAPI_FUNC(PyObject *) PyEval_EvalCodeEx(PyObject *co, PyObject *globals, PyObject *locals,
                                         PyObject *const *args, int argc,
                                         PyObject *const *kwds, int kwdc,
                                         PyObject *const *defs, int defc,
                                         PyObject *kwdefs, PyObject *closure);

/* Borrowed references (NULL, no exception, when no Python frame is executing). */
PyAPI_FUNC(PyObject *) PyEval_GetBuiltins(void);
PyAPI_FUNC(PyObject *) PyEval_GetGlobals(void);
PyAPI_FUNC(PyObject *) PyEval_GetLocals(void);
PyAPI_FUNC(PyFrameObject *) PyEval_GetFrame(void);
/* New references (3.13). */
PyAPI_FUNC(PyObject *) PyEval_GetFrameBuiltins(void);
PyAPI_FUNC(PyObject *) PyEval_GetFrameGlobals(void);
PyAPI_FUNC(PyObject *) PyEval_GetFrameLocals(void);

PyAPI_FUNC(const char *) PyEval_GetFuncName(PyObject *);
PyAPI_FUNC(const char *) PyEval_GetFuncDesc(PyObject *);

PyAPI_FUNC(PyObject *) PyEval_EvalFrame(PyFrameObject *);
PyAPI_FUNC(PyObject *) PyEval_EvalFrameEx(PyFrameObject *f, int exc);

/* Compiler flags of the running code merged into cf: nonzero if any is set. */
struct PyCompilerFlags;
PyAPI_FUNC(int) PyEval_MergeCompilerFlags(struct PyCompilerFlags *cf);

PyAPI_FUNC(int) Py_MakePendingCalls(void);
PyAPI_FUNC(int) Py_AddPendingCall(int (*func)(void *), void *arg);

/* Recursion guards for C code that may recurse through Python (repr, compare, ...):
 * Py_EnterRecursiveCall returns -1 with RecursionError set when the C limit is reached. */
PyAPI_FUNC(int) Py_EnterRecursiveCall(const char *where);
PyAPI_FUNC(void) Py_LeaveRecursiveCall(void);
PyAPI_FUNC(void) Py_SetRecursionLimit(int);
PyAPI_FUNC(int) Py_GetRecursionLimit(void);

/* GIL / thread attachment (Python/ceval_gil.c, runtime room). */
PyAPI_FUNC(PyThreadState *) PyEval_SaveThread(void);
PyAPI_FUNC(void) PyEval_RestoreThread(PyThreadState *);
PyAPI_FUNC(void) PyEval_AcquireThread(PyThreadState *tstate);
PyAPI_FUNC(void) PyEval_ReleaseThread(PyThreadState *tstate);
PyAPI_FUNC(int) PyEval_ThreadsInitialized(void);
PyAPI_FUNC(void) PyEval_InitThreads(void);

#define Py_BEGIN_ALLOW_THREADS                                                                \
    {                                                                                         \
        PyThreadState *_save;                                                                 \
        _save = PyEval_SaveThread();
#define Py_BLOCK_THREADS PyEval_RestoreThread(_save);
#define Py_UNBLOCK_THREADS _save = PyEval_SaveThread();
#define Py_END_ALLOW_THREADS                                                                  \
        PyEval_RestoreThread(_save);                                                          \
    }

#endif /* Py_CEVAL_H */
