/* Critical sections (Include/critical_section.h).
 *
 * Interim implementation: until the free-threaded issue removes the GIL from the free-threaded
 * build, every thread that touches objects holds the GIL, so a critical section only has to keep
 * the per-thread stack (tstate->critical_section) that the real implementation will suspend and
 * resume.  Taking the object mutexes now would deadlock: a thread that holds a section and
 * releases the GIL (a thread switch) would block another thread that then spins, holding the
 * GIL, on the same mutex.  The GIL build's macros never call these; they exist in both builds
 * so that extensions link against either. */
#include "Python.h"
#include "pycore_critical_section.h"

static void critical_section_push(PyCriticalSection *c, PyMutex *m)
{
    PyThreadState *tstate = _PyThreadState_GetUnchecked();
    c->_cs_mutex = m;
    c->_cs_prev = tstate != NULL ? tstate->critical_section : 0;
    if (tstate != NULL) {
        tstate->critical_section = (uintptr_t)c;
    }
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

void PyCriticalSection_Begin(PyCriticalSection *c, PyObject *op)
{
    critical_section_push(c, object_mutex(op));
}

void PyCriticalSection_End(PyCriticalSection *c)
{
    PyThreadState *tstate = _PyThreadState_GetUnchecked();
    if (tstate != NULL) {
        tstate->critical_section = c->_cs_prev;
    }
}

void PyCriticalSection2_Begin(PyCriticalSection2 *c, PyObject *a, PyObject *b)
{
    critical_section_push(&c->_cs_base, object_mutex(a));
    c->_cs_mutex2 = object_mutex(b);
}

void PyCriticalSection2_End(PyCriticalSection2 *c)
{
    PyCriticalSection_End(&c->_cs_base);
}

#ifdef Py_GIL_DISABLED
void _PyCriticalSection_BeginMutex(PyCriticalSection *c, PyMutex *m)
{
    critical_section_push(c, m);
}

/* True if op's mutex belongs to a section on this thread's stack. */
int _PyCriticalSection_IsHeld(PyObject *op)
{
    PyThreadState *tstate = _PyThreadState_GetUnchecked();
    for (uintptr_t p = tstate ? tstate->critical_section : 0; p != 0;
         p = ((PyCriticalSection *)p)->_cs_prev) {
        if (((PyCriticalSection *)p)->_cs_mutex == &op->ob_mutex) {
            return 1;
        }
    }
    return 0;
}
#endif
