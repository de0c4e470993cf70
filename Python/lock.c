/* PyMutex slow paths, on the parking lot (Python/parking_lot.c).
 *
 * The mutex is one byte: _Py_LOCKED (bit 0) says it is held, _Py_HAS_PARKED (bit 1) says a
 * thread may be parked on it.  A contended locker first spins a little (yielding the CPU),
 * then sets _Py_HAS_PARKED and parks on the byte's address; the parking lot re-checks the
 * byte under its bucket lock, so a concurrent unlock cannot be missed.  An unlocker that sees
 * _Py_HAS_PARKED unparks one waiter and, in the callback (bucket lock held), writes the new
 * value of the byte: _Py_HAS_PARKED stays set while more threads are parked.
 *
 * Fairness: a waiter parked for longer than HANDOFF_AFTER_NS receives the lock directly
 * (the unlocker leaves _Py_LOCKED set and the woken thread owns the mutex on return), so a
 * thread that re-locks in a tight loop cannot starve the others.  Otherwise the woken thread
 * competes for the lock again.
 *
 * Ordering: acquiring compare-and-swaps are sequentially consistent and the releasing writes
 * are at least release stores, so a holder sees everything earlier holders wrote. */
#include "Python.h"
#include "pycore_lock.h"
#include "pycore_parking_lot.h"

#include <sched.h>

#define MAX_SPINS 40
#define HANDOFF_AFTER_NS (1000 * 1000)     /* 1 ms */

/* What a parked locker tells the unlocker (passed as park_arg). */
typedef struct {
    int64_t handoff_time;    /* after this monotonic time the lock is handed over */
    int handed_off;          /* set by the unlocker: the lock is now ours */
} mutex_waiter;

PyLockStatus _PyMutex_LockTimed(PyMutex *m, int64_t timeout_ns, _PyLockFlags flags)
{
    uint8_t v = _Py_atomic_load_uint8_relaxed(&m->_bits);
    if (!(v & _Py_LOCKED) &&
        _Py_atomic_compare_exchange_uint8(&m->_bits, &v, (uint8_t)(v | _Py_LOCKED))) {
        return PY_LOCK_ACQUIRED;
    }
    if (timeout_ns == 0) {
        return PY_LOCK_FAILURE;
    }
    int64_t now = _PyParkingLot_Now();
    int64_t deadline = timeout_ns > 0 ? now + timeout_ns : -1;
    mutex_waiter waiter = {now + HANDOFF_AFTER_NS, 0};
    int spins = 0;
    for (;;) {
        if (!(v & _Py_LOCKED)) {
            if (_Py_atomic_compare_exchange_uint8(&m->_bits, &v, (uint8_t)(v | _Py_LOCKED))) {
                return PY_LOCK_ACQUIRED;
            }
            continue;            /* v was reloaded by the failed exchange */
        }
        if (!(v & _Py_HAS_PARKED) && spins < MAX_SPINS) {
            sched_yield();
            spins++;
            v = _Py_atomic_load_uint8_relaxed(&m->_bits);
            continue;
        }
        if (!(v & _Py_HAS_PARKED)) {
            uint8_t with_parked = (uint8_t)(v | _Py_HAS_PARKED);
            if (!_Py_atomic_compare_exchange_uint8(&m->_bits, &v, with_parked)) {
                continue;
            }
            v = with_parked;
        }
        int64_t wait_ns = -1;
        if (deadline >= 0) {
            wait_ns = deadline - _PyParkingLot_Now();
            if (wait_ns <= 0) {
                return PY_LOCK_FAILURE;
            }
        }
        int rc = _PyParkingLot_Park(&m->_bits, &v, sizeof(v), wait_ns, &waiter,
                                    (flags & _PY_LOCK_DETACH) != 0);
        if (rc == Py_PARK_OK && waiter.handed_off) {
            return PY_LOCK_ACQUIRED;
        }
        if (rc == Py_PARK_TIMEOUT) {
            return PY_LOCK_FAILURE;
        }
        if ((flags & _PY_LOCK_HANDLE_SIGNALS) && _PyThreadState_GetUnchecked() != NULL &&
            Py_MakePendingCalls() < 0) {
            return PY_LOCK_INTR;
        }
        v = _Py_atomic_load_uint8_relaxed(&m->_bits);
    }
}

void PyMutex_LockSlow(PyMutex *m)
{
    (void)_PyMutex_LockTimed(m, -1, _PY_LOCK_DETACH);
}

/* The unpark callback: runs under the bucket lock, decides the byte's next value. */
static void mutex_unpark(void *arg, void *park_arg, int has_more_waiters)
{
    PyMutex *m = (PyMutex *)arg;
    mutex_waiter *waiter = (mutex_waiter *)park_arg;
    uint8_t v = 0;
    if (waiter != NULL) {
        if (_PyParkingLot_Now() >= waiter->handoff_time) {
            waiter->handed_off = 1;
            v |= _Py_LOCKED;      /* ownership passes straight to the woken thread */
        }
        if (has_more_waiters) {
            v |= _Py_HAS_PARKED;
        }
    }
    _Py_atomic_store_uint8(&m->_bits, v);
}

void PyMutex_UnlockSlow(PyMutex *m)
{
    uint8_t v = _Py_atomic_load_uint8_relaxed(&m->_bits);
    for (;;) {
        if (!(v & _Py_LOCKED)) {
            Py_FatalError("unlocking a PyMutex that is not locked");
        }
        if (v & _Py_HAS_PARKED) {
            _PyParkingLot_Unpark(&m->_bits, mutex_unpark, m);
            return;
        }
        if (_Py_atomic_compare_exchange_uint8(&m->_bits, &v, _Py_UNLOCKED)) {
            return;
        }
    }
}

/* ---- PyEvent ---- */

void _PyEvent_Notify(PyEvent *evt)
{
    if (_Py_atomic_exchange_uint8(&evt->v, 1) == 2) {
        _PyParkingLot_UnparkAll(&evt->v);
    }
}

void PyEvent_Wait(PyEvent *evt)
{
    while (!PyEvent_WaitTimed(evt, -1, 1)) {
    }
}

int PyEvent_WaitTimed(PyEvent *evt, int64_t timeout_ns, int detach)
{
    int64_t deadline = timeout_ns > 0 ? _PyParkingLot_Now() + timeout_ns : 0;
    for (;;) {
        uint8_t v = _Py_atomic_load_uint8(&evt->v);
        if (v == 1) {
            return 1;
        }
        if (v == 0 && !_Py_atomic_compare_exchange_uint8(&evt->v, &v, 2)) {
            continue;      /* set, or another waiter marked it, meanwhile */
        }
        if (timeout_ns == 0) {
            return 0;
        }
        int64_t left = -1;
        if (timeout_ns > 0) {
            left = deadline - _PyParkingLot_Now();
            if (left <= 0) {
                return _Py_atomic_load_uint8(&evt->v) == 1;
            }
        }
        uint8_t expected = 2;
        /* Parks only while the byte still says "unset with waiters" (checked under the
         * parking lot's bucket lock, so the notifier's wake-up cannot be missed). */
        if (_PyParkingLot_Park(&evt->v, &expected, sizeof(expected), left, NULL, detach) ==
                Py_PARK_TIMEOUT) {
            return _Py_atomic_load_uint8(&evt->v) == 1;
        }
    }
}
