/* PyMutex slow paths.
 *
 * Interim implementation until the parking lot (free-threaded issue): a contended locker spins a
 * little, then yields the CPU between attempts.  The _Py_HAS_PARKED bit is never set here, so
 * unlock's fast path always succeeds; PyMutex_UnlockSlow exists for the ABI and for the parking
 * lot to take over.  Ordering: the acquiring CAS is sequentially consistent (at least acquire),
 * the releasing store is a release, so a holder sees everything the previous holder wrote. */
#include "Python.h"
#include <sched.h>

void PyMutex_LockSlow(PyMutex *m)
{
    for (int spins = 0;; spins++) {
        uint8_t expected = _Py_UNLOCKED;
        if (_Py_atomic_compare_exchange_uint8(&m->_bits, &expected, _Py_LOCKED)) {
            return;
        }
        if (spins >= 40) {
            sched_yield();
        }
    }
}

void PyMutex_UnlockSlow(PyMutex *m)
{
    uint8_t bits = _Py_atomic_load_uint8_relaxed(&m->_bits);
    if (!(bits & _Py_LOCKED)) {
        Py_FatalError("unlocking a PyMutex that is not locked");
    }
    _Py_atomic_store_uint8_release(&m->_bits, _Py_UNLOCKED);
}
