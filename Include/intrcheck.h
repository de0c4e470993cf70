/* Interrupts and fork hooks.  Owner: runtime room (Python/pylifecycle.c). */
#ifndef Py_INTRCHECK_H
#define Py_INTRCHECK_H

/* 1 if SIGINT arrived since the last call (and clear it); main thread only. */
PyAPI_FUNC(int) PyOS_InterruptOccurred(void);
PyAPI_FUNC(void) PyOS_BeforeFork(void);
PyAPI_FUNC(void) PyOS_AfterFork_Parent(void);
PyAPI_FUNC(void) PyOS_AfterFork_Child(void);
PyAPI_FUNC(void) PyOS_AfterFork(void);

/* Signals: run Python-level handlers for signals that arrived (the main thread raises
 * KeyboardInterrupt for SIGINT).  0 or -1 with an exception set. */
PyAPI_FUNC(int) PyErr_CheckSignals(void);
PyAPI_FUNC(void) PyErr_SetInterrupt(void);
PyAPI_FUNC(int) PyErr_SetInterruptEx(int signum);

typedef void (*PyOS_sighandler_t)(int);
PyAPI_FUNC(PyOS_sighandler_t) PyOS_getsig(int);
PyAPI_FUNC(PyOS_sighandler_t) PyOS_setsig(int, PyOS_sighandler_t);

#endif /* Py_INTRCHECK_H */
