/* The parking lot: threads wait ("park") on an address and are woken ("unparked") by
 * address, without any per-object OS resources.  PyMutex (Python/lock.c) uses it for its
 * slow path, so a mutex stays one byte.  Design as in PEP 703 / WebKit's ParkingLot:
 * addresses hash to a fixed table of buckets; each bucket has an OS mutex and a FIFO queue
 * of parked threads; each parked thread waits on its own semaphore. */
#ifndef Py_INTERNAL_PARKING_LOT_H
#define Py_INTERNAL_PARKING_LOT_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE define"
#endif

#include <stdint.h>

/* Results of _PyParkingLot_Park. */
enum {
    Py_PARK_OK = 0,         /* woken by _PyParkingLot_Unpark(All) */
    Py_PARK_AGAIN = -1,     /* *address no longer held the expected value: did not park */
    Py_PARK_TIMEOUT = -2,   /* the timeout expired */
    Py_PARK_INTR = -3,      /* interrupted (not produced on POSIX: waits restart) */
};

/* Park the calling thread on `address` if the `size` bytes (1, 2, 4 or 8) there still equal
 * *expected, checked under the bucket lock so that an unpark cannot be missed.
 * timeout_ns < 0 waits forever.  park_arg is handed to the unpark callback.  If detach is
 * non-zero and the thread is attached to the interpreter, it detaches (releases the GIL in
 * the GIL build) while parked and re-attaches before returning. */
extern int _PyParkingLot_Park(const void *address, const void *expected, size_t size,
                              int64_t timeout_ns, void *park_arg, int detach);

/* Called by _PyParkingLot_Unpark with the bucket still locked: arg is Unpark's argument,
 * park_arg the woken thread's (NULL if no thread was parked), has_more_waiters whether other
 * threads remain parked on the address. */
typedef void _Py_unpark_fn_t(void *arg, void *park_arg, int has_more_waiters);

/* Wake the longest-parked thread on address (if any), calling fn first. */
extern void _PyParkingLot_Unpark(const void *address, _Py_unpark_fn_t *fn, void *arg);

/* Wake every thread parked on address. */
extern void _PyParkingLot_UnparkAll(const void *address);

/* In a forked child: forget the parent's parked threads and re-initialise the bucket locks. */
extern void _PyParkingLot_AfterFork(void);

/* Monotonic clock in nanoseconds. */
extern int64_t _PyParkingLot_Now(void);

#endif /* Py_INTERNAL_PARKING_LOT_H */
