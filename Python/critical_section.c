/* Critical sections (Include/critical_section.h, DESIGN.md §4).
 *
 * A critical section locks the per-object mutex (ob_mutex) of one object, or of two in address
 * order.  Each thread keeps a stack of its active sections: tstate->critical_section points to
 * the innermost one and each section's _cs_prev to the next outer one.  The links carry two
 * tag bits:
 *   CS_INACTIVE  the section this link points to has been suspended (its mutexes released),
 *                and so has every section below it;
 *   CS_TWO       the section this link points to is a PyCriticalSection2.
 *
 * The rule that keeps per-object locking free of deadlocks: a thread never blocks while it
 * holds a section.  Before it waits for a mutex that is not free, or detaches its thread state
 * (I/O, a PyMutex slow path, a stop-the-world pause), it suspends all its sections
 * (suspend_all).  When it attaches again it re-locks only the innermost section (resume); an
 * outer section is re-locked when it becomes the innermost again, as its inner neighbour ends.
 * So the protected object may have been changed by others whenever the code inside a section
 * calls something that can block — exactly as with a GIL that is released in such a call.
 *
 * Re-entry (a function that locks an object calling another that locks it again, e.g.
 * list(d.items()) under the dict's lock) must not release the outer lock, or the outer
 * operation would stop being atomic: a section whose mutexes an active section of the thread
 * already holds is a re-entry section; it neither locks nor unlocks.  If it is suspended and
 * resumed as the innermost section, it takes the mutexes itself and stops being a re-entry
 * section (the outer owner is then resumed, and re-locks, when the inner one ends).
 *
 * Alone: while the interpreter runs a single thread, every section is pushed as a re-entry
 * section (it takes no lock).  The thread that makes the interpreter multi-threaded runs only
 * after a stop-the-world, which the lone thread joins by detaching at a safe point: its
 * sections are then suspended, and the innermost is re-locked for real when it attaches, the
 * others when they become the innermost -- the rule above, as if it had blocked there.
 *
 * GIL build: the macros are empty; these functions exist so that extensions link against
 * either build, and they only keep the stack (no mutex in the object header). */
#include "Python.h"
#include "pycore_critical_section.h"
#include "pycore_lock.h"
#include "pycore_pystate.h"

#define CS_INACTIVE ((uintptr_t)1)
#define CS_TWO ((uintptr_t)2)
#define CS_REENTRY ((uintptr_t)4)    /* = _Py_CS_REENTRY (Include/critical_section.h) */
#define CS_TAGS (CS_INACTIVE | CS_TWO | CS_REENTRY)

_Static_assert(_Alignof(PyCriticalSection) >= 8, "three tag bits in section links");

static inline PyCriticalSection *untag(uintptr_t link)
{
    return (PyCriticalSection *)(link & ~CS_TAGS);
}

static PyMutex *object_mutex(PyObject *op)
{
#ifdef Py_GIL_DISABLED
    return &op->ob_mutex;
#else
    (void)op;
    return NULL;
#endif
}

static void unlock_section(uintptr_t link)
{
    PyCriticalSection *c = untag(link);
    if (c->_cs_mutex != NULL) {
        PyMutex_Unlock(c->_cs_mutex);
    }
    if (link & CS_TWO) {
        PyMutex *m2 = ((PyCriticalSection2 *)c)->_cs_mutex2;
        if (m2 != NULL) {
            PyMutex_Unlock(m2);
        }
    }
}

/* Does an active section of tstate hold m? */
static int active_holds(PyThreadState *tstate, PyMutex *m)
{
    uintptr_t link = tstate->critical_section;
    for (; link != 0 && !(link & CS_INACTIVE); link = untag(link)->_cs_prev) {
        PyCriticalSection *c = untag(link);
        if (c->_cs_mutex == m ||
            ((link & CS_TWO) && ((PyCriticalSection2 *)c)->_cs_mutex2 == m)) {
            return 1;
        }
    }
    return 0;
}

/* Release the mutexes of every active section of tstate and mark them inactive. */
void _PyCriticalSection_SuspendAll(PyThreadState *tstate)
{
    uintptr_t *link = &tstate->critical_section;
    while (*link != 0 && !(*link & CS_INACTIVE)) {
        if (!(*link & CS_REENTRY)) {
            unlock_section(*link);
        }
        *link |= CS_INACTIVE;
        link = &untag(*link)->_cs_prev;
    }
}

/* Lock m1 and m2 (m2 may be NULL), never waiting for one while holding the other. */
static void lock_pair_blocking(PyMutex *m1, PyMutex *m2)
{
    for (;;) {
        PyMutex_Lock(m1);
        if (m2 == NULL || _PyMutex_TryLock(m2)) {
            return;
        }
        PyMutex_Unlock(m1);
        PyMutex_Lock(m2);
        if (_PyMutex_TryLock(m1)) {
            return;
        }
        PyMutex_Unlock(m2);
    }
}

/* Take the mutexes of c, the innermost section of tstate, which owns none of them yet
 * (pushed active with NULL mutexes).  Waiting may detach and attach the thread state: while
 * it does, c has no mutex to release or re-take, and the outer sections stay released.
 * Afterwards c is the one active section. */
static void acquire_top(PyThreadState *tstate, PyCriticalSection *c, uintptr_t tags,
                        PyMutex *m1, PyMutex *m2)
{
    int fast = _PyMutex_TryLock(m1);
    if (fast && m2 != NULL && !_PyMutex_TryLock(m2)) {
        PyMutex_Unlock(m1);
        fast = 0;
    }
    if (!fast) {
        _PyCriticalSection_SuspendAll(tstate);
        lock_pair_blocking(m1, m2);
    }
    c->_cs_mutex = m1;
    if (tags & CS_TWO) {
        ((PyCriticalSection2 *)c)->_cs_mutex2 = m2;
    }
    tstate->critical_section = (uintptr_t)c | tags;
}

/* Re-lock the innermost section (after an attach, or when an inner section ended while the
 * outer ones were suspended). */
void _PyCriticalSection_Resume(PyThreadState *tstate)
{
    uintptr_t top = tstate->critical_section;
    if (top == 0 || !(top & CS_INACTIVE)) {
        return;
    }
    PyCriticalSection *c = untag(top);
    uintptr_t tags = top & CS_TWO;    /* it owns its mutexes from now on, even a re-entry */
    PyMutex *m1 = c->_cs_mutex;
    PyMutex *m2 = (tags & CS_TWO) ? ((PyCriticalSection2 *)c)->_cs_mutex2 : NULL;
    c->_cs_mutex = NULL;
    if (tags & CS_TWO) {
        ((PyCriticalSection2 *)c)->_cs_mutex2 = NULL;
    }
    tstate->critical_section = (uintptr_t)c | tags;
    if (m1 == NULL) {
        m1 = m2;
        m2 = NULL;
    }
    if (m1 == NULL) {
        return;
    }
    lock_pair_blocking(m1, m2);
    c->_cs_mutex = m1;
    if (tags & CS_TWO) {
        ((PyCriticalSection2 *)c)->_cs_mutex2 = m2;
    }
    tstate->critical_section = (uintptr_t)c | tags;
}

static void push(PyThreadState *tstate, PyCriticalSection *c, uintptr_t tags)
{
    c->_cs_prev = tstate->critical_section;
    tstate->critical_section = (uintptr_t)c | tags;
}

static void pop(PyThreadState *tstate, PyCriticalSection *c)
{
    tstate->critical_section = c->_cs_prev;
    if (c->_cs_prev & CS_INACTIVE) {
        _PyCriticalSection_Resume(tstate);
    }
}

/* Begin a section on m for tstate (m1 only) or on m1 and m2 (CS_TWO in tags). */
static void begin(PyThreadState *tstate, PyCriticalSection *c, uintptr_t tags, PyMutex *m1,
                  PyMutex *m2)
{
    /* Alone in the interpreter: a section without locks, as in _PyCriticalSection_BeginFast
     * (Include/critical_section.h says why that is safe when a second thread appears). */
    int reentry = _Py_atomic_load_ssize_acquire(tstate->threads_count) <= 1 ||
                  (active_holds(tstate, m1) && (m2 == NULL || active_holds(tstate, m2)));
    c->_cs_mutex = reentry ? m1 : NULL;
    if (tags & CS_TWO) {
        ((PyCriticalSection2 *)c)->_cs_mutex2 = reentry ? m2 : NULL;
    }
    if (reentry) {
        push(tstate, c, tags | CS_REENTRY);
        return;
    }
    push(tstate, c, tags);
    acquire_top(tstate, c, tags, m1, m2);
}

void PyCriticalSection_Begin(PyCriticalSection *c, PyObject *op)
{
    PyThreadState *tstate = _PyThreadState_GetUnchecked();
    PyMutex *m = object_mutex(op);
    if (m == NULL || tstate == NULL) {
        /* GIL build, or no thread state (start-up, a foreign thread): keep no stack. */
        c->_cs_mutex = NULL;
        c->_cs_prev = 0;
        return;
    }
    begin(tstate, c, 0, m, NULL);
}

void PyCriticalSection_End(PyCriticalSection *c)
{
    PyThreadState *tstate = _PyThreadState_GetUnchecked();
    uintptr_t top = tstate != NULL ? tstate->critical_section : 0;
    if (untag(top) != c) {
        /* No stack was kept (see Begin). */
        if (c->_cs_mutex != NULL) {
            PyMutex_Unlock(c->_cs_mutex);
        }
        return;
    }
    if (!(top & CS_REENTRY) && c->_cs_mutex != NULL) {
        PyMutex_Unlock(c->_cs_mutex);
    }
    pop(tstate, c);
}

void PyCriticalSection2_Begin(PyCriticalSection2 *c, PyObject *a, PyObject *b)
{
    PyThreadState *tstate = _PyThreadState_GetUnchecked();
    PyMutex *m1 = object_mutex(a);
    PyMutex *m2 = object_mutex(b);
    if (m1 == NULL || tstate == NULL) {
        c->_cs_base._cs_mutex = NULL;
        c->_cs_base._cs_prev = 0;
        c->_cs_mutex2 = NULL;
        return;
    }
    _PyCriticalSection2_Order(&m1, &m2);
    begin(tstate, &c->_cs_base, CS_TWO, m1, m2);
}

void PyCriticalSection2_End(PyCriticalSection2 *c)
{
    PyThreadState *tstate = _PyThreadState_GetUnchecked();
    uintptr_t top = tstate != NULL ? tstate->critical_section : 0;
    int owned = untag(top) != &c->_cs_base || !(top & CS_REENTRY);
    if (owned) {
        if (c->_cs_mutex2 != NULL) {
            PyMutex_Unlock(c->_cs_mutex2);
        }
        if (c->_cs_base._cs_mutex != NULL) {
            PyMutex_Unlock(c->_cs_base._cs_mutex);
        }
    }
    if (untag(top) == &c->_cs_base) {
        pop(tstate, &c->_cs_base);
    }
}

#ifdef Py_GIL_DISABLED
void _PyCriticalSection_BeginMutex(PyCriticalSection *c, PyMutex *m)
{
    PyThreadState *tstate = _PyThreadState_GetUnchecked();
    if (tstate == NULL) {
        PyMutex_Lock(m);
        c->_cs_mutex = m;
        c->_cs_prev = 0;
        return;
    }
    begin(tstate, c, 0, m, NULL);
}

/* True if op's mutex is held by an active section of this thread. */
int _PyCriticalSection_IsHeld(PyObject *op)
{
    PyThreadState *tstate = _PyThreadState_GetUnchecked();
    return tstate != NULL && active_holds(tstate, &op->ob_mutex);
}
#endif
