/* Threads, locks and thread-specific storage (Python/thread.c, over POSIX threads).
 * Owner: runtime room; the threads issue completes it (the _thread module). */
#ifndef Py_PYTHREAD_H
#define Py_PYTHREAD_H

#include <pthread.h>

typedef void *PyThread_type_lock;

typedef enum PyLockStatus {
    PY_LOCK_FAILURE = 0,
    PY_LOCK_ACQUIRED = 1,
    PY_LOCK_INTR
} PyLockStatus;

#define WAIT_LOCK 1
#define NOWAIT_LOCK 0
/* Timeouts in microseconds; the largest timeout a lock accepts. */
#define PY_TIMEOUT_T long long
#define PY_TIMEOUT_MAX ((PY_TIMEOUT_T)(LLONG_MAX / 1000))

PyAPI_FUNC(void) PyThread_init_thread(void);
/* Start func(arg) in a new detached thread; return its ident or PYTHREAD_INVALID_THREAD_ID. */
PyAPI_FUNC(unsigned long) PyThread_start_new_thread(void (*func)(void *), void *arg);
#define PYTHREAD_INVALID_THREAD_ID ((unsigned long)-1)
PyAPI_FUNC(void) _Py_NO_RETURN PyThread_exit_thread(void);
PyAPI_FUNC(unsigned long) PyThread_get_thread_ident(void);
PyAPI_FUNC(unsigned long) PyThread_get_thread_native_id(void);
PyAPI_FUNC(size_t) PyThread_get_stacksize(void);
PyAPI_FUNC(int) PyThread_set_stacksize(size_t);
PyAPI_FUNC(PyObject *) PyThread_GetInfo(void);

/* Non-recursive locks (a mutex + condition variable, so any thread may release). */
PyAPI_FUNC(PyThread_type_lock) PyThread_allocate_lock(void);
PyAPI_FUNC(void) PyThread_free_lock(PyThread_type_lock);
/* waitflag: WAIT_LOCK blocks, NOWAIT_LOCK tries once.  1 if acquired, else 0. */
PyAPI_FUNC(int) PyThread_acquire_lock(PyThread_type_lock, int waitflag);
/* microseconds < 0: wait forever; 0: try once.  intr_flag: return PY_LOCK_INTR when a
 * signal interrupts the wait. */
PyAPI_FUNC(PyLockStatus) PyThread_acquire_lock_timed(PyThread_type_lock, PY_TIMEOUT_T microseconds,
                                                     int intr_flag);
PyAPI_FUNC(void) PyThread_release_lock(PyThread_type_lock);

/* Thread-specific storage (PEP 539). */
typedef struct {
    int _is_initialized;
    pthread_key_t _key;
} Py_tss_t;
#define Py_tss_NEEDS_INIT { 0 }

PyAPI_FUNC(Py_tss_t *) PyThread_tss_alloc(void);
PyAPI_FUNC(void) PyThread_tss_free(Py_tss_t *key);
PyAPI_FUNC(int) PyThread_tss_is_created(Py_tss_t *key);
PyAPI_FUNC(int) PyThread_tss_create(Py_tss_t *key);
PyAPI_FUNC(void) PyThread_tss_delete(Py_tss_t *key);
PyAPI_FUNC(int) PyThread_tss_set(Py_tss_t *key, void *value);
PyAPI_FUNC(void *) PyThread_tss_get(Py_tss_t *key);

#endif /* Py_PYTHREAD_H */
