/* Threads, locks and thread-specific storage over POSIX threads (Include/pythread.h).
 *
 * A PyThread lock is a flag protected by a pthread mutex plus a condition variable: unlike a
 * bare pthread mutex it may be released by a thread other than the one that acquired it, as
 * Python's _thread.lock allows.  Timed waits use CLOCK_MONOTONIC. */
#include "Python.h"
#include "pycore_pystate.h"
#include <sys/syscall.h>
#include <time.h>

typedef struct {
    pthread_mutex_t mutex;   /* protects `locked` */
    pthread_cond_t cond;     /* signalled on release */
    int locked;
} thread_lock;

void PyThread_init_thread(void)
{
}

struct bootstate {
    void (*func)(void *);
    void *arg;
};

static void *thread_bootstrap(void *raw)
{
    struct bootstate boot = *(struct bootstate *)raw;
    PyMem_RawFree(raw);
    boot.func(boot.arg);
    return NULL;
}

/* The stack size for new threads set by threading.stack_size(): 0 means Braid's default
 * (8 MiB, enough for the C recursion limit).  Process-wide by nature; read and written with
 * relaxed atomics (a thread started concurrently with a change may use either size). */
#define DEFAULT_THREAD_STACK (8 * 1024 * 1024)
#define MIN_THREAD_STACK 0x8000
static size_t thread_stack_size = 0;

unsigned long PyThread_start_new_thread(void (*func)(void *), void *arg)
{
    struct bootstate *boot = PyMem_RawMalloc(sizeof(*boot));
    if (boot == NULL) {
        return PYTHREAD_INVALID_THREAD_ID;
    }
    boot->func = func;
    boot->arg = arg;
    pthread_attr_t attrs;
    pthread_attr_init(&attrs);
    size_t stack = _Py_atomic_load_ssize_relaxed((Py_ssize_t *)&thread_stack_size);
    pthread_attr_setstacksize(&attrs, stack ? stack : DEFAULT_THREAD_STACK);
    pthread_t th;
    int rc = pthread_create(&th, &attrs, thread_bootstrap, boot);
    pthread_attr_destroy(&attrs);
    if (rc != 0) {
        PyMem_RawFree(boot);
        return PYTHREAD_INVALID_THREAD_ID;
    }
    pthread_detach(th);
    return (unsigned long)th;
}

void PyThread_exit_thread(void)
{
    pthread_exit(NULL);
}

unsigned long PyThread_get_thread_ident(void)
{
    return (unsigned long)pthread_self();
}

unsigned long PyThread_get_thread_native_id(void)
{
    return (unsigned long)syscall(SYS_gettid);
}

size_t PyThread_get_stacksize(void)
{
    return (size_t)_Py_atomic_load_ssize_relaxed((Py_ssize_t *)&thread_stack_size);
}

/* 0 on success, -1 if size is neither 0 nor a usable stack size. */
int PyThread_set_stacksize(size_t size)
{
    if (size != 0 && size < MIN_THREAD_STACK) {
        return -1;
    }
    if (size != 0) {
        pthread_attr_t attrs;
        pthread_attr_init(&attrs);
        int rc = pthread_attr_setstacksize(&attrs, size);
        pthread_attr_destroy(&attrs);
        if (rc != 0) {
            return -1;
        }
    }
    _Py_atomic_store_ssize_relaxed((Py_ssize_t *)&thread_stack_size, (Py_ssize_t)size);
    return 0;
}

PyThread_type_lock PyThread_allocate_lock(void)
{
    thread_lock *lock = PyMem_RawMalloc(sizeof(*lock));
    if (lock == NULL) {
        return NULL;
    }
    pthread_mutex_init(&lock->mutex, NULL);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&lock->cond, &attr);
    pthread_condattr_destroy(&attr);
    lock->locked = 0;
    return lock;
}

void PyThread_free_lock(PyThread_type_lock raw)
{
    thread_lock *lock = raw;
    if (lock == NULL) {
        return;
    }
    pthread_cond_destroy(&lock->cond);
    pthread_mutex_destroy(&lock->mutex);
    PyMem_RawFree(lock);
}

PyLockStatus PyThread_acquire_lock_timed(PyThread_type_lock raw, PY_TIMEOUT_T microseconds,
                                         int intr_flag)
{
    thread_lock *lock = raw;
    PyLockStatus result = PY_LOCK_FAILURE;
    struct timespec deadline;
    if (microseconds > 0) {
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        deadline.tv_sec += (time_t)(microseconds / 1000000);
        deadline.tv_nsec += (long)(microseconds % 1000000) * 1000;
        if (deadline.tv_nsec >= 1000000000) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000;
        }
    }
    pthread_mutex_lock(&lock->mutex);
    while (lock->locked) {
        if (microseconds == 0) {
            break;
        }
        if (intr_flag && _Py_atomic_load_int_relaxed(&_PyRuntime.signals.is_tripped)) {
            pthread_mutex_unlock(&lock->mutex);
            return PY_LOCK_INTR;
        }
        int rc;
        if (microseconds < 0 && !intr_flag) {
            rc = pthread_cond_wait(&lock->cond, &lock->mutex);
        }
        else {
            /* Interruptible waits wake up every 20 ms to notice a signal (a condition
             * variable wait does not return EINTR). */
            struct timespec slice;
            clock_gettime(CLOCK_MONOTONIC, &slice);
            slice.tv_nsec += 20 * 1000 * 1000;
            if (slice.tv_nsec >= 1000000000) {
                slice.tv_sec++;
                slice.tv_nsec -= 1000000000;
            }
            int last_slice = 0;
            if (microseconds > 0 && (deadline.tv_sec < slice.tv_sec ||
                                     (deadline.tv_sec == slice.tv_sec &&
                                      deadline.tv_nsec <= slice.tv_nsec))) {
                slice = deadline;
                last_slice = 1;
            }
            rc = pthread_cond_timedwait(&lock->cond, &lock->mutex, &slice);
            if (rc == ETIMEDOUT && !last_slice) {
                continue;
            }
        }
        if (rc == ETIMEDOUT) {
            break;
        }
    }
    if (!lock->locked) {
        lock->locked = 1;
        result = PY_LOCK_ACQUIRED;
    }
    pthread_mutex_unlock(&lock->mutex);
    return result;
}

int PyThread_acquire_lock(PyThread_type_lock lock, int waitflag)
{
    return PyThread_acquire_lock_timed(lock, waitflag ? -1 : 0, 0) == PY_LOCK_ACQUIRED;
}

void PyThread_release_lock(PyThread_type_lock raw)
{
    thread_lock *lock = raw;
    pthread_mutex_lock(&lock->mutex);
    lock->locked = 0;
    pthread_cond_signal(&lock->cond);
    pthread_mutex_unlock(&lock->mutex);
}

/* ---- thread-specific storage ---- */

Py_tss_t *PyThread_tss_alloc(void)
{
    Py_tss_t *key = PyMem_RawMalloc(sizeof(Py_tss_t));
    if (key != NULL) {
        key->_is_initialized = 0;
    }
    return key;
}

void PyThread_tss_free(Py_tss_t *key)
{
    if (key != NULL) {
        PyThread_tss_delete(key);
        PyMem_RawFree(key);
    }
}

int PyThread_tss_is_created(Py_tss_t *key)
{
    return key->_is_initialized;
}

int PyThread_tss_create(Py_tss_t *key)
{
    if (key->_is_initialized) {
        return 0;
    }
    if (pthread_key_create(&key->_key, NULL) != 0) {
        return -1;
    }
    key->_is_initialized = 1;
    return 0;
}

void PyThread_tss_delete(Py_tss_t *key)
{
    if (!key->_is_initialized) {
        return;
    }
    pthread_key_delete(key->_key);
    key->_is_initialized = 0;
}

int PyThread_tss_set(Py_tss_t *key, void *value)
{
    return pthread_setspecific(key->_key, value) == 0 ? 0 : -1;
}

void *PyThread_tss_get(Py_tss_t *key)
{
    return pthread_getspecific(key->_key);
}
