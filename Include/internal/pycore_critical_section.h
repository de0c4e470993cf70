/* Private critical-section helpers (see Include/critical_section.h for the rules). */
#ifndef Py_INTERNAL_CRITICAL_SECTION_H
#define Py_INTERNAL_CRITICAL_SECTION_H
#include "pycore_pystate.h"

#ifndef Py_GIL_DISABLED
#  define Py_BEGIN_CRITICAL_SECTION_MUT(mutex) {
#  define Py_END_CRITICAL_SECTION_MUT() }
#  define Py_BEGIN_CRITICAL_SECTION_SHORT(op) {
#  define Py_END_CRITICAL_SECTION_SHORT() }
#  define _Py_CRITICAL_SECTION_ASSERT_OBJECT_LOCKED(op) ((void)0)
#else
/* Lock a mutex that is not an object's (e.g. a type cache or module-state lock). */
PyAPI_FUNC(void) _PyCriticalSection_BeginMutex(PyCriticalSection *c, PyMutex *m);
#  define Py_BEGIN_CRITICAL_SECTION_MUT(mutex)                                                \
    {                                                                                         \
        PyCriticalSection _py_cs;                                                             \
        _PyCriticalSection_BeginMutex(&_py_cs, (mutex))
#  define Py_END_CRITICAL_SECTION_MUT()                                                       \
        PyCriticalSection_End(&_py_cs);                                                       \
    }
PyAPI_FUNC(int) _PyCriticalSection_IsHeld(PyObject *op);
/* A critical section around a body that passes no safe point: no Python code, no blocking,
 * no eval-breaker check, no Py_DECREF that can run a destructor.  It takes no lock while the
 * interpreter runs one thread (_Py_IsSingleThreaded, pycore_pystate.h), the case that
 * single-threaded programs pay for on every list item read and store. */
#  define Py_BEGIN_CRITICAL_SECTION_SHORT(op)                                                 \
    {                                                                                         \
        PyCriticalSection _py_cs;                                                             \
        int _py_cs_alone = _Py_IsSingleThreaded();                                            \
        if (Py_UNLIKELY(!_py_cs_alone)) {                                                     \
            _PyCriticalSection_BeginFast(&_py_cs, _PyObject_CAST(op));                        \
        }
#  define Py_END_CRITICAL_SECTION_SHORT()                                                     \
        if (Py_UNLIKELY(!_py_cs_alone)) {                                                     \
            _PyCriticalSection_EndFast(&_py_cs);                                              \
        }                                                                                     \
    }
/* Detach/attach hooks (Python/ceval_gil.c): release every active section of tstate; re-lock
 * the innermost suspended one. */
extern void _PyCriticalSection_SuspendAll(PyThreadState *tstate);
extern void _PyCriticalSection_Resume(PyThreadState *tstate);
#  ifdef Py_DEBUG
#    define _Py_CRITICAL_SECTION_ASSERT_OBJECT_LOCKED(op) assert(_PyCriticalSection_IsHeld(_PyObject_CAST(op)))
#  else
#    define _Py_CRITICAL_SECTION_ASSERT_OBJECT_LOCKED(op) ((void)0)
#  endif
#endif

#endif /* Py_INTERNAL_CRITICAL_SECTION_H */
