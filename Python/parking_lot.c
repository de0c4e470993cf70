/* The parking lot (see Include/internal/pycore_parking_lot.h for the interface).
 *
 * A fixed table of buckets; an address selects its bucket by hash.  Each bucket holds a
 * pthread mutex (protecting only that bucket's queue) and a doubly linked FIFO queue of the
 * threads parked on any address that hashes there.  A parked thread's queue entry lives on
 * its own stack for the duration of the park; it is removed from the queue by whoever wakes
 * it (under the bucket lock) or by itself on timeout (also under the bucket lock), so an
 * entry is never touched after its thread has returned.
 *
 * Each entry carries a one-shot semaphore (mutex + condition variable on the monotonic
 * clock).  The waker signals it while holding the semaphore's mutex, and the woken thread
 * takes that mutex before returning, so the semaphore outlives every use.
 *
 * The bucket table is a file-level static: it is process-wide by nature (an address can be
 * parked on from any interpreter), initialised once (pthread_once) and afterwards only
 * mutated under the buckets' own locks. */
#include "Python.h"
#include "pycore_parking_lot.h"
#include "pycore_pystate.h"

#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#define NUM_BUCKETS 257

typedef struct wait_entry {
    struct wait_entry *next, *prev;   /* queue links; next == self when not queued */
    struct wait_entry *wake_next;     /* UnparkAll's private list of threads to post */
    const void *address;
    void *park_arg;
    /* The one-shot semaphore. */
    pthread_mutex_t sem_mutex;
    pthread_cond_t sem_cond;
    int signaled;              /* protected by sem_mutex */
} wait_entry;

typedef struct {
    pthread_mutex_t mutex;     /* protects head/tail and the entries' links */
    wait_entry *head, *tail;
} bucket;

static bucket buckets[NUM_BUCKETS];
static pthread_once_t buckets_once = PTHREAD_ONCE_INIT;

static void init_buckets(void)
{
    for (int i = 0; i < NUM_BUCKETS; i++) {
        pthread_mutex_init(&buckets[i].mutex, NULL);
        buckets[i].head = buckets[i].tail = NULL;
    }
}

static bucket *bucket_for(const void *address)
{
    pthread_once(&buckets_once, init_buckets);
    uintptr_t key = (uintptr_t)address;
    key ^= key >> 17;
    key *= (uintptr_t)0x9E3779B97F4A7C15ull;
    return &buckets[(key >> 20) % NUM_BUCKETS];
}

int64_t _PyParkingLot_Now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void enqueue(bucket *b, wait_entry *e)
{
    e->next = NULL;
    e->prev = b->tail;
    if (b->tail) {
        b->tail->next = e;
    }
    else {
        b->head = e;
    }
    b->tail = e;
}

static void dequeue(bucket *b, wait_entry *e)
{
    if (e->prev) {
        e->prev->next = e->next;
    }
    else {
        b->head = e->next;
    }
    if (e->next) {
        e->next->prev = e->prev;
    }
    else {
        b->tail = e->prev;
    }
    e->next = e->prev = e;     /* marks "not queued" */
}

static int is_queued(wait_entry *e)
{
    return e->next != e;
}

static int values_equal(const void *address, const void *expected, size_t size)
{
    switch (size) {
    case 1:
        return _Py_atomic_load_uint8((uint8_t *)address) == *(const uint8_t *)expected;
    case 2:
        return _Py_atomic_load_uint16((uint16_t *)address) == *(const uint16_t *)expected;
    case 4:
        return _Py_atomic_load_uint32((uint32_t *)address) == *(const uint32_t *)expected;
    case 8:
        return _Py_atomic_load_uint64((uint64_t *)address) == *(const uint64_t *)expected;
    default:
        Py_FatalError("_PyParkingLot_Park: unsupported value size");
    }
}

static void semaphore_init(wait_entry *e)
{
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&e->sem_cond, &attr);
    pthread_condattr_destroy(&attr);
    pthread_mutex_init(&e->sem_mutex, NULL);
    e->signaled = 0;
}

static void semaphore_destroy(wait_entry *e)
{
    pthread_cond_destroy(&e->sem_cond);
    pthread_mutex_destroy(&e->sem_mutex);
}

static void semaphore_post(wait_entry *e)
{
    pthread_mutex_lock(&e->sem_mutex);
    e->signaled = 1;
    pthread_cond_signal(&e->sem_cond);
    pthread_mutex_unlock(&e->sem_mutex);
}

/* Wait until posted or until the monotonic deadline (ns; < 0 = none).  1 if posted. */
static int semaphore_wait(wait_entry *e, int64_t deadline)
{
    struct timespec ts;
    if (deadline >= 0) {
        ts.tv_sec = (time_t)(deadline / 1000000000);
        ts.tv_nsec = (long)(deadline % 1000000000);
    }
    pthread_mutex_lock(&e->sem_mutex);
    while (!e->signaled) {
        if (deadline < 0) {
            pthread_cond_wait(&e->sem_cond, &e->sem_mutex);
        }
        else if (pthread_cond_timedwait(&e->sem_cond, &e->sem_mutex, &ts) == ETIMEDOUT) {
            break;
        }
    }
    int posted = e->signaled;
    pthread_mutex_unlock(&e->sem_mutex);
    return posted;
}

int _PyParkingLot_Park(const void *address, const void *expected, size_t size,
                       int64_t timeout_ns, void *park_arg, int detach)
{
    bucket *b = bucket_for(address);
    wait_entry entry;
    entry.address = address;
    entry.park_arg = park_arg;

    pthread_mutex_lock(&b->mutex);
    if (!values_equal(address, expected, size)) {
        pthread_mutex_unlock(&b->mutex);
        return Py_PARK_AGAIN;
    }
    semaphore_init(&entry);
    enqueue(b, &entry);
    pthread_mutex_unlock(&b->mutex);

    PyThreadState *tstate = NULL;
    if (detach) {
        tstate = _PyThreadState_GET();
        if (tstate != NULL) {
            PyEval_SaveThread();
        }
    }
    int64_t deadline = timeout_ns < 0 ? -1 : _PyParkingLot_Now() + timeout_ns;
    int result = Py_PARK_OK;
    if (!semaphore_wait(&entry, deadline)) {
        pthread_mutex_lock(&b->mutex);
        if (is_queued(&entry)) {
            dequeue(b, &entry);
            result = Py_PARK_TIMEOUT;
        }
        pthread_mutex_unlock(&b->mutex);
        if (result == Py_PARK_OK) {
            /* A waker dequeued us just as the timeout expired: it will post; wait for that
             * so that it never touches a dead entry. */
            semaphore_wait(&entry, -1);
        }
    }
    semaphore_destroy(&entry);
    if (tstate != NULL) {
        PyEval_RestoreThread(tstate);
    }
    return result;
}

void _PyParkingLot_Unpark(const void *address, _Py_unpark_fn_t *fn, void *arg)
{
    bucket *b = bucket_for(address);
    pthread_mutex_lock(&b->mutex);
    wait_entry *found = NULL;
    int has_more = 0;
    for (wait_entry *e = b->head; e != NULL; e = e->next) {
        if (e->address != address) {
            continue;
        }
        if (found == NULL) {
            found = e;
        }
        else {
            has_more = 1;
            break;
        }
    }
    if (found != NULL) {
        dequeue(b, found);
    }
    fn(arg, found ? found->park_arg : NULL, has_more);
    pthread_mutex_unlock(&b->mutex);
    if (found != NULL) {
        semaphore_post(found);
    }
}

void _PyParkingLot_UnparkAll(const void *address)
{
    bucket *b = bucket_for(address);
    wait_entry *woken = NULL;
    pthread_mutex_lock(&b->mutex);
    for (wait_entry *e = b->head; e != NULL;) {
        wait_entry *next = e->next;
        if (e->address == address) {
            dequeue(b, e);
            e->wake_next = woken;
            woken = e;
        }
        e = next;
    }
    pthread_mutex_unlock(&b->mutex);
    while (woken != NULL) {
        wait_entry *next = woken->wake_next;   /* read before the post frees the entry */
        semaphore_post(woken);
        woken = next;
    }
}

void _PyParkingLot_AfterFork(void)
{
    /* Only the forking thread exists in the child: every parked entry belonged to a thread
     * that is gone. */
    pthread_once(&buckets_once, init_buckets);
    init_buckets();
}
