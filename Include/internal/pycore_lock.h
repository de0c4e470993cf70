/* Private PyMutex API: timed locking with flags (Python/lock.c). */
#ifndef Py_INTERNAL_LOCK_H
#define Py_INTERNAL_LOCK_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE define"
#endif

#include <stdint.h>
#include "pythread.h"          /* PyLockStatus */

typedef enum _PyLockFlags {
    _Py_LOCK_DONT_DETACH = 0,  /* keep the thread attached (holding the GIL) while waiting */
    _PY_LOCK_DETACH = 1,       /* detach while parked (the default of PyMutex_Lock) */
    _PY_LOCK_HANDLE_SIGNALS = 2,  /* run signal handlers while waiting; may give PY_LOCK_INTR */
} _PyLockFlags;

/* Lock m, waiting at most timeout_ns nanoseconds (< 0: forever, 0: try once).  Returns
 * PY_LOCK_ACQUIRED, PY_LOCK_FAILURE (timed out) or PY_LOCK_INTR (a signal handler raised;
 * only with _PY_LOCK_HANDLE_SIGNALS). */
extern PyLockStatus _PyMutex_LockTimed(PyMutex *m, int64_t timeout_ns, _PyLockFlags flags);

/* Try once; 1 if acquired. */
static inline int _PyMutex_TryLock(PyMutex *m)
{
    uint8_t expected = _Py_UNLOCKED;
    return _Py_atomic_compare_exchange_uint8(&m->_bits, &expected, _Py_LOCKED);
}

/* Lock m without detaching while waiting: for internal locks held for a few instructions and
 * never across a safe point (a detached waiter that is handed the lock could be parked by a
 * stop-the-world while holding it). */
static inline void _PyMutex_LockNoDetach(PyMutex *m)
{
    if (!_PyMutex_TryLock(m)) {
        (void)_PyMutex_LockTimed(m, -1, _Py_LOCK_DONT_DETACH);
    }
}

/* A one-shot event (CPython's internal PyEvent): starts unset, is set once by
 * _PyEvent_Notify and never reset; any number of threads wait for it.  One byte, waiting on
 * the parking lot (Python/lock.c). */
typedef struct {
    uint8_t v;          /* 0 unset, 1 set, 2 unset with threads parked on it */
} PyEvent;

/* Set the event and wake every waiter.  Setting it again does nothing. */
extern void _PyEvent_Notify(PyEvent *evt);

/* Wait until the event is set (detaching while parked). */
extern void PyEvent_Wait(PyEvent *evt);

/* Wait at most timeout_ns nanoseconds (< 0: forever); detach while parked if `detach`.
 * 1 if the event is set, 0 on timeout. */
extern int PyEvent_WaitTimed(PyEvent *evt, int64_t timeout_ns, int detach);

static inline int _PyEvent_IsSet(PyEvent *evt)
{
    return _Py_atomic_load_uint8(&evt->v) == 1;
}

#endif /* Py_INTERNAL_LOCK_H */
