/* PyMutex: a one-byte lock (public in CPython 3.13).
 *
 * Bit 0 (_Py_LOCKED) says the mutex is held; bit 1 (_Py_HAS_PARKED) says a thread may be parked
 * waiting for it.  The fast path is one compare-and-swap in each direction; contended threads spin
 * briefly and then park in the parking lot (Python/parking_lot.c, free-threaded issue).  Until the
 * parking lot lands, the slow path spins and yields (Python/lock.c). */
#ifndef Py_LOCK_H
#define Py_LOCK_H

#define _Py_UNLOCKED 0
#define _Py_LOCKED 1
#define _Py_HAS_PARKED 2

typedef struct PyMutex {
    uint8_t _bits;
} PyMutex;

PyAPI_FUNC(void) PyMutex_LockSlow(PyMutex *m);
PyAPI_FUNC(void) PyMutex_UnlockSlow(PyMutex *m);

/* Acquire: the successful CAS has acquire semantics, so the protected data written by the last
 * holder is visible. */
static inline void PyMutex_Lock(PyMutex *m)
{
    uint8_t expected = _Py_UNLOCKED;
    if (!_Py_atomic_compare_exchange_uint8(&m->_bits, &expected, _Py_LOCKED)) {
        PyMutex_LockSlow(m);
    }
}

/* Release: the CAS publishes the holder's writes to the next acquirer. */
static inline void PyMutex_Unlock(PyMutex *m)
{
    uint8_t expected = _Py_LOCKED;
    if (!_Py_atomic_compare_exchange_uint8(&m->_bits, &expected, _Py_UNLOCKED)) {
        PyMutex_UnlockSlow(m);
    }
}

static inline int PyMutex_IsLocked(PyMutex *m)
{
    return (_Py_atomic_load_uint8_relaxed(&m->_bits) & _Py_LOCKED) != 0;
}

#endif /* Py_LOCK_H */
