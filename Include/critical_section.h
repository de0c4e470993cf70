/* Critical sections: per-object locking for the free-threaded build (DESIGN.md §4).
 *
 *   Py_BEGIN_CRITICAL_SECTION(op);  ...  Py_END_CRITICAL_SECTION();
 *   Py_BEGIN_CRITICAL_SECTION2(a, b); ... Py_END_CRITICAL_SECTION2();
 *
 * lock op->ob_mutex (two mutexes in address order for the `2` form).  Each thread keeps a stack of
 * its active critical sections (tstate->critical_section); when the thread blocks (parks on a mutex
 * or detaches for I/O) it releases them and re-acquires the top one when it resumes, which is what
 * makes per-object locking deadlock-free.  Consequently a critical section protects only code that
 * does not block or call arbitrary Python code in the middle of an invariant.
 *
 * In the GIL build the macros are plain braces: the GIL provides the exclusion. */
#ifndef Py_CRITICAL_SECTION_H
#define Py_CRITICAL_SECTION_H

typedef struct PyCriticalSection {
    uintptr_t _cs_prev;  /* previous section on this thread's stack, with tag bits */
    PyMutex *_cs_mutex;
} PyCriticalSection;

typedef struct PyCriticalSection2 {
    PyCriticalSection _cs_base;
    PyMutex *_cs_mutex2;
} PyCriticalSection2;

PyAPI_FUNC(void) PyCriticalSection_Begin(PyCriticalSection *c, PyObject *op);
PyAPI_FUNC(void) PyCriticalSection_End(PyCriticalSection *c);
PyAPI_FUNC(void) PyCriticalSection2_Begin(PyCriticalSection2 *c, PyObject *a, PyObject *b);
PyAPI_FUNC(void) PyCriticalSection2_End(PyCriticalSection2 *c);

/* The two mutexes of a two-object section in locking order (address order); one (*m2 NULL)
 * when both objects are the same. */
static inline void _PyCriticalSection2_Order(PyMutex **m1, PyMutex **m2)
{
    if (*m1 == *m2) {
        *m2 = NULL;
    }
    else if ((uintptr_t)*m2 < (uintptr_t)*m1) {
        PyMutex *t = *m1;
        *m1 = *m2;
        *m2 = t;
    }
}

#ifndef Py_GIL_DISABLED
#  define Py_BEGIN_CRITICAL_SECTION(op) {
#  define Py_END_CRITICAL_SECTION() }
#  define Py_BEGIN_CRITICAL_SECTION2(a, b) {
#  define Py_END_CRITICAL_SECTION2() }
#elif defined(Py_BUILD_CORE)
/* Inside the interpreter: the uncontended case inline (one compare-and-swap to lock, one to
 * unlock, and the push/pop of this thread's stack); everything else (contention, re-entry,
 * a suspended outer section) goes to Python/critical_section.c.
 *
 * While the interpreter runs one thread (tstate->threads_count is 1) a section takes no lock:
 * it is pushed as a re-entry section (_Py_CS_REENTRY), which neither locks nor unlocks.  When
 * a second thread appears it cannot run before a stop-the-world (Python/ceval_gil.c), which
 * this thread reaches at a safe point by detaching: that suspends its sections, and attaching
 * again re-locks the innermost one for real, as after any blocking call inside a section.
 * The count is read with acquire order: a thread that exited stored it with release order
 * after its last use of shared objects. */
extern __thread PyThreadState *_Py_tss_tstate;
#define _Py_CS_REENTRY ((uintptr_t)4)   /* Python/critical_section.c's CS_REENTRY tag */

static inline void _PyCriticalSection_BeginFast(PyCriticalSection *c, PyObject *op)
{
    PyThreadState *tstate = _Py_tss_tstate;
    if (tstate != NULL) {
        if (_Py_atomic_load_ssize_acquire(tstate->threads_count) <= 1) {   /* see above */
            c->_cs_mutex = &op->ob_mutex;
            c->_cs_prev = tstate->critical_section;
            tstate->critical_section = (uintptr_t)c | _Py_CS_REENTRY;
            return;
        }
        uint8_t expected = _Py_UNLOCKED;
        if (_Py_atomic_compare_exchange_uint8(&op->ob_mutex._bits, &expected, _Py_LOCKED)) {
            c->_cs_mutex = &op->ob_mutex;
            c->_cs_prev = tstate->critical_section;
            tstate->critical_section = (uintptr_t)c;
            return;
        }
    }
    PyCriticalSection_Begin(c, op);
}

static inline void _PyCriticalSection_EndFast(PyCriticalSection *c)
{
    PyThreadState *tstate = _Py_tss_tstate;
    /* The top section, whose outer neighbour is not suspended. */
    if (tstate != NULL && !(c->_cs_prev & 1)) {
        uintptr_t top = tstate->critical_section;
        if (top == (uintptr_t)c) {
            PyMutex_Unlock(c->_cs_mutex);
            tstate->critical_section = c->_cs_prev;
            return;
        }
        if (top == ((uintptr_t)c | _Py_CS_REENTRY)) {
            tstate->critical_section = c->_cs_prev;
            return;
        }
    }
    PyCriticalSection_End(c);
}

#  define Py_BEGIN_CRITICAL_SECTION(op)                                                       \
    {                                                                                         \
        PyCriticalSection _py_cs;                                                             \
        _PyCriticalSection_BeginFast(&_py_cs, _PyObject_CAST(op))
#  define Py_END_CRITICAL_SECTION()                                                           \
        _PyCriticalSection_EndFast(&_py_cs);                                                  \
    }
#define _Py_CS_TWO ((uintptr_t)2)      /* Python/critical_section.c's CS_TWO tag */

/* The two-object section's lone-thread case inline, as _PyCriticalSection_BeginFast's: a
 * re-entry section holding both mutexes (in address order, as Begin sorts them) for
 * _PyCriticalSection_Resume to lock should a second thread appear. */
static inline void _PyCriticalSection2_BeginFast(PyCriticalSection2 *c, PyObject *a,
                                                 PyObject *b)
{
    PyThreadState *tstate = _Py_tss_tstate;
    if (tstate != NULL && _Py_atomic_load_ssize_acquire(tstate->threads_count) <= 1) {
        PyMutex *m1 = &a->ob_mutex, *m2 = &b->ob_mutex;
        _PyCriticalSection2_Order(&m1, &m2);
        c->_cs_base._cs_mutex = m1;
        c->_cs_mutex2 = m2;
        c->_cs_base._cs_prev = tstate->critical_section;
        tstate->critical_section = (uintptr_t)c | _Py_CS_TWO | _Py_CS_REENTRY;
        return;
    }
    PyCriticalSection2_Begin(c, a, b);
}

static inline void _PyCriticalSection2_EndFast(PyCriticalSection2 *c)
{
    PyThreadState *tstate = _Py_tss_tstate;
    if (tstate != NULL && !(c->_cs_base._cs_prev & 1) &&
        tstate->critical_section == ((uintptr_t)c | _Py_CS_TWO | _Py_CS_REENTRY)) {
        tstate->critical_section = c->_cs_base._cs_prev;
        return;
    }
    PyCriticalSection2_End(c);
}

#  define Py_BEGIN_CRITICAL_SECTION2(a, b)                                                    \
    {                                                                                         \
        PyCriticalSection2 _py_cs2;                                                           \
        _PyCriticalSection2_BeginFast(&_py_cs2, _PyObject_CAST(a), _PyObject_CAST(b))
#  define Py_END_CRITICAL_SECTION2()                                                          \
        _PyCriticalSection2_EndFast(&_py_cs2);                                                \
    }
#else
#  define Py_BEGIN_CRITICAL_SECTION(op)                                                       \
    {                                                                                         \
        PyCriticalSection _py_cs;                                                             \
        PyCriticalSection_Begin(&_py_cs, _PyObject_CAST(op))
#  define Py_END_CRITICAL_SECTION()                                                           \
        PyCriticalSection_End(&_py_cs);                                                       \
    }
#  define Py_BEGIN_CRITICAL_SECTION2(a, b)                                                    \
    {                                                                                         \
        PyCriticalSection2 _py_cs2;                                                           \
        PyCriticalSection2_Begin(&_py_cs2, _PyObject_CAST(a), _PyObject_CAST(b))
#  define Py_END_CRITICAL_SECTION2()                                                          \
        PyCriticalSection2_End(&_py_cs2);                                                     \
    }
#endif

#endif /* Py_CRITICAL_SECTION_H */
