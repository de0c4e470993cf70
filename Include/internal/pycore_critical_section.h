/* Private critical-section helpers (see Include/critical_section.h for the rules). */
#ifndef Py_INTERNAL_CRITICAL_SECTION_H
#define Py_INTERNAL_CRITICAL_SECTION_H

#ifndef Py_GIL_DISABLED
#  define Py_BEGIN_CRITICAL_SECTION_MUT(mutex) {
#  define Py_END_CRITICAL_SECTION_MUT() }
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
