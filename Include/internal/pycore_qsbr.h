/* Quiescent-state-based reclamation (Python/qsbr.c, DESIGN.md §4).  Free-threaded build only.
 *
 * Memory that a lock-free reader in another thread may still be looking at (a dict's key
 * table, a list's item array, an object removed from a shared container) is not freed at once:
 * it is handed to _PyMem_FreeDelayed / _PyObject_XDecRefDelayed with the current write
 * sequence as its goal, and released once every attached thread has passed a quiescent state
 * (an eval-breaker check, or a detach) after that point.  Readers need no barrier of their
 * own: a thread that is attached and has not reported a quiescent state since the goal may
 * still hold a pointer it loaded before the memory was unlinked. */
#ifndef Py_INTERNAL_QSBR_H
#define Py_INTERNAL_QSBR_H

#ifdef Py_GIL_DISABLED

/* Thread-state hooks (Python/ceval_gil.c, Python/pystate.c). */
extern void _Py_qsbr_register(PyThreadState *tstate);
extern void _Py_qsbr_unregister(PyThreadState *tstate);
extern void _Py_qsbr_attach(PyThreadState *tstate);
extern void _Py_qsbr_detach(PyThreadState *tstate);
/* A quiescent point: the thread holds no pointer obtained by a lock-free read.  Also
 * releases this thread's delayed frees whose goal has been reached. */
extern void _Py_qsbr_quiescent(PyThreadState *tstate);
extern void _Py_qsbr_after_fork(PyThreadState *tstate);

#else
#  define _Py_qsbr_attach(tstate) ((void)0)
#  define _Py_qsbr_detach(tstate) ((void)0)
#  define _Py_qsbr_quiescent(tstate) ((void)0)
#endif

/* Free ptr (PyMem_Free) once no lock-free reader can hold it.  Both builds; the GIL build
 * frees at once. */
PyAPI_FUNC(void) _PyMem_FreeDelayed(void *ptr);
/* Py_XDECREF(op) once no lock-free reader can be about to take a reference to it. */
PyAPI_FUNC(void) _PyObject_XDecRefDelayed(PyObject *op);
/* 1 when no other thread can be reading lock-free (a single thread, or the GIL build): memory
 * may then be reused at once, e.g. by a freelist. */
PyAPI_FUNC(int) _Py_qsbr_single_thread(void);

/* A field holding a reference that other threads read without a lock (a function's
 * attributes, a generator's or a heap type's names).  _PyObject_FieldSet stores value
 * (stealing it; NULL allowed) and releases the old value after a grace period (at once in the
 * GIL build), so a reader's acquire load followed by an incref (_PyObject_FieldGetRef) never
 * takes a reference to a freed object, and two racing setters never release the same one. */
static inline void _PyObject_FieldSet(PyObject **field, PyObject *value)
{
#ifdef Py_GIL_DISABLED
    _PyObject_XDecRefDelayed((PyObject *)_Py_atomic_exchange_ptr(field, value));
#else
    Py_XSETREF(*field, value);
#endif
}

/* New reference to *field (NULL if empty). */
static inline PyObject *_PyObject_FieldGetRef(PyObject **field)
{
#ifdef Py_GIL_DISABLED
    return Py_XNewRef((PyObject *)_Py_atomic_load_ptr_acquire(field));
#else
    return Py_XNewRef(*field);
#endif
}

#endif /* Py_INTERNAL_QSBR_H */
