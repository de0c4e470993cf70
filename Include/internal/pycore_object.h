/* Private object API (Objects/object.c, Objects/typeobject.c): object initialisation, type
 * feature tests, instance dict access, attribute helpers for the eval loop, the trashcan.
 * Owner: object-model room.
 *
 * Instance layout of heap types: Braid does not use CPython's managed-dict pre-header.  A class
 * whose instances have a __dict__ stores the dict pointer at tp_dictoffset (> 0, inside the
 * object), and the weak-reference list head at tp_weaklistoffset (> 0).  Py_TPFLAGS_MANAGED_DICT
 * and Py_TPFLAGS_MANAGED_WEAKREF are never set by Braid itself. */
#ifndef Py_INTERNAL_OBJECT_H
#define Py_INTERNAL_OBJECT_H

#include "pycore_gc.h"

/* Initializer of a statically allocated, immortal PyObject (PyObject_HEAD_INIT without the
 * trailing comma, for a variable of type PyObject itself). */
#ifndef Py_GIL_DISABLED
#  define _PyObject_HEAD_INIT(type) { _Py_IMMORTAL_REFCNT, (type) }
#else
#  define _PyObject_HEAD_INIT(type)                                                           \
    { 0, _Py_STATICALLY_ALLOCATED_FLAG, { 0 }, 0, _Py_IMMORTAL_REFCNT_LOCAL, 0, (type) }
#endif

/* ---- initialising freshly allocated memory ------------------------------------------------- */

/* Give a new object its first reference (refcount 1, owned by this thread). */
static inline void _Py_NewReference(PyObject *op)
{
#ifndef Py_GIL_DISABLED
    op->ob_refcnt = 1;
#else
    op->ob_tid = _Py_ThreadId();
    op->ob_flags = 0;
    op->ob_mutex = (PyMutex){ 0 };
    op->ob_gc_bits = 0;     /* the allocator's memory may hold a former object's bits */
    op->ob_ref_local = 1;
    op->ob_ref_shared = 0;
#endif
    _Py_INC_REFTOTAL();
}
#define _Py_NewReference(op) _Py_NewReference(_PyObject_CAST(op))
/* _Py_NewReference without the ref-total accounting (objects created before a total exists). */
#define _Py_NewReferenceNoTotal _Py_NewReference

/* Set the type (a new reference to it for heap types) and the first reference.  Every
 * allocator (PyObject_New, PyObject_GC_New, PyType_GenericAlloc) ends with this. */
static inline void _PyObject_Init(PyObject *op, PyTypeObject *typeobj)
{
    Py_SET_TYPE(op, typeobj);
    if (PyType_HasFeature(typeobj, Py_TPFLAGS_HEAPTYPE)) {
        Py_INCREF(typeobj);
    }
    _Py_NewReference(op);
}

static inline void _PyObject_InitVar(PyVarObject *op, PyTypeObject *typeobj, Py_ssize_t size)
{
    _PyObject_Init((PyObject *)op, typeobj);
    Py_SET_SIZE(op, size);
}

/* ---- type feature tests -------------------------------------------------------------------- */

static inline int _PyType_HasFeature(PyTypeObject *type, unsigned long feature)
{
    return (type->tp_flags & feature) != 0;
}

/* 1 if the collector manages obj (its type has GC and tp_is_gc, if any, agrees). */
static inline int _PyObject_IS_GC(PyObject *obj)
{
    PyTypeObject *type = Py_TYPE(obj);
    return _PyType_IS_GC(type) && (type->tp_is_gc == _Py_NULL || type->tp_is_gc(obj));
}

/* The type's bases/mro tuples are never NULL once it is ready. */
#define _PyType_CAST(op) ((PyTypeObject *)(op))

/* ---- instance dict ------------------------------------------------------------------------- */

/* Address of the instance dict slot, or NULL if instances of the type have no __dict__.
 * tp_dictoffset < 0 counts from the end of a variable-size object (CPython rule). */
static inline PyObject **_PyObject_ComputedDictPointer(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    Py_ssize_t offset = tp->tp_dictoffset;
    if (offset == 0) {
        return _Py_NULL;
    }
    if (offset < 0) {
        Py_ssize_t tsize = Py_SIZE(obj);
        if (tsize < 0) {
            tsize = -tsize;
        }
        size_t size = _PyObject_VAR_SIZE(tp, tsize);
        offset += (Py_ssize_t)size;
    }
    return (PyObject **)((char *)obj + offset);
}

/* Borrowed reference to obj.__dict__ if it exists (NULL otherwise, no exception). */
static inline PyObject *_PyObject_GetInstanceDict(PyObject *obj)
{
    PyObject **dictptr = _PyObject_ComputedDictPointer(obj);
    if (dictptr == _Py_NULL) {
        return _Py_NULL;
    }
#ifdef Py_GIL_DISABLED
    /* Pairs with the compare-and-swap that publishes a new instance dict. */
    return (PyObject *)_Py_atomic_load_ptr_acquire(dictptr);
#else
    return *dictptr;
#endif
}

/* Weak-reference list head of obj, or NULL if the type does not support weak references. */
static inline PyObject **_PyObject_GET_WEAKREFS_LISTPTR(PyObject *op)
{
    Py_ssize_t offset = Py_TYPE(op)->tp_weaklistoffset;
    return (PyObject **)((char *)op + offset);
}

/* ---- attribute helpers (Objects/object.c) -------------------------------------------------- */

/* Method lookup for LOAD_ATTR's method form.  Returns 1 and *method = a new reference to an
 * unbound function/method descriptor found on the type (call it with obj prepended), 0 and
 * *method = the bound attribute (new reference), or 0 and *method = NULL with an exception. */
PyAPI_FUNC(int) _PyObject_GetMethod(PyObject *obj, PyObject *name, PyObject **method);

/* PyObject_GenericGetAttr with an explicit dict (NULL: the instance dict); suppress != 0
 * turns a missing attribute into NULL without an exception. */
PyAPI_FUNC(PyObject *) _PyObject_GenericGetAttrWithDict(PyObject *obj, PyObject *name,
                                                        PyObject *dict, int suppress);
PyAPI_FUNC(int) _PyObject_GenericSetAttrWithDict(PyObject *obj, PyObject *name,
                                                 PyObject *value, PyObject *dict);
/* PyObject_GetOptionalAttr under its 3.12 name: 1 found, 0 missing (no exception), -1. */
#define _PyObject_LookupAttr PyObject_GetOptionalAttr
/* Raise the 3.13 AttributeError ("'T' object has no attribute 'x'") with name/obj set. */
PyAPI_FUNC(void) _PyObject_SetAttributeErrorContext(PyObject *obj, PyObject *name);
PyAPI_FUNC(int) _PyObject_IsAbstract(PyObject *obj);
PyAPI_FUNC(PyObject *) _PyObject_NextNotImplemented(PyObject *self);

/* Repr recursion guard helpers for containers: Py_ReprEnter/Py_ReprLeave in object.h. */

/* ---- types.SimpleNamespace (Objects/namespaceobject.c) ------------------------------------ */

PyAPI_DATA(PyTypeObject) _PyNamespace_Type;
/* A new SimpleNamespace with the items of kwds (a dict or NULL).  New reference. */
PyAPI_FUNC(PyObject *) _PyNamespace_New(PyObject *kwds);

/* ---- singletons ---------------------------------------------------------------------------- */

PyAPI_DATA(PyTypeObject) _PyNone_Type;
PyAPI_DATA(PyTypeObject) _PyNotImplemented_Type;

/* ---- deallocation -------------------------------------------------------------------------- */

/* Trashcan (Objects/object.c): bound C recursion when deallocating nested containers.
 * _PyTrash_Begin returns 1 if the object was set aside (the dealloc body must be skipped; it
 * runs later from the outermost dealloc), 0 to proceed; every 0 must be paired with
 * _PyTrash_End().  The pending list and depth are per thread. */
PyAPI_FUNC(int) _PyTrash_Begin(PyObject *op, destructor dealloc);
PyAPI_FUNC(void) _PyTrash_End(void);

/* Free-threaded build: make op shared-only before handing it to another thread. */
PyAPI_FUNC(void) _PyObject_SetDeferredRefcount(PyObject *op);

/* May an iterator write its next result into the tuple it returned last time (nobody else
 * holds it)?  Free-threaded build: only when this thread owns the tuple and its one
 * reference is counted in the owner's count, the shared word still zero.  Then no other
 * thread holds a reference, and none can take one: a tuple ever published to lock-free
 * readers, or referenced from another thread, has a non-zero shared word (a weak-reference
 * flag, a count, a queued or merged state), and a lock-free reader's _Py_TryIncRef fails on
 * a zero one.  So at most one thread, the owner, ever reuses a given tuple, even when threads
 * share the iterator. */
static inline int _PyObject_ResultTupleReusable(PyObject *result)
{
#ifdef Py_GIL_DISABLED
    return _Py_IsOwnedByCurrentThread(result) &&
           _Py_atomic_load_uint32_relaxed(&result->ob_ref_local) == 1 &&
           _Py_atomic_load_ssize_relaxed(&result->ob_ref_shared) == 0;
#else
    return Py_REFCNT(result) == 1;
#endif
}

/* An exhausted iterator gives up its container (*field == container, a reference the
 * iterator owns).  Free-threaded build: two threads may find a shared iterator exhausted at
 * the same time; only the one that clears the field releases the reference. */
static inline void _PyObject_ReleaseIterContainer(PyObject **field, PyObject *container)
{
#ifdef Py_GIL_DISABLED
    PyObject *expected = container;
    if (_Py_atomic_compare_exchange_ptr(field, &expected, NULL)) {
        /* Another thread may have loaded the field just before: if this was the last
         * reference, the container's memory must wait for QSBR (Objects/obmalloc.c). */
        if (!_Py_IsImmortal(container)) {
            (void)_Py_atomic_or_uint8(&container->ob_gc_bits, 0x80 /* _PyGC_BITS_SHARED */);
        }
        Py_DECREF(container);
    }
#else
    *field = NULL;
    Py_DECREF(container);
#endif
}

/* Run Py_REF_DEBUG bookkeeping for an object that is freed without _Py_Dealloc. */
static inline void _Py_ForgetReference(PyObject *op)
{
    (void)op;
}

/* The dict at dictptr (an instance's __dict__ slot, or another lazily made dict field),
 * created on first use; borrowed, NULL with MemoryError.  Threads creating it at once agree
 * on one dict (compare-and-swap).  Objects/object.c. */
PyAPI_FUNC(PyObject *) _PyObject_EnsureDictAt(PyObject **dictptr);

/* Deallocation of objects whose type is the sole owner (tp_dealloc of heap types). */
PyAPI_FUNC(void) _PyObject_ClearInstanceDict(PyObject *obj);

/* An object field that a member descriptor (_Py_T_OBJECT) exposes, read or replaced by C
 * code as the descriptor does (Python/structmember.c): _PyMember_LoadObject returns a new
 * reference (NULL if empty) that a concurrent store cannot free under the caller;
 * _PyMember_StoreObject stores value (a new reference is taken; may be NULL) and releases
 * the old one so that such a reader never sees it freed. */
PyAPI_FUNC(PyObject *) _PyMember_LoadObject(PyObject *obj, PyObject **addr);
PyAPI_FUNC(void) _PyMember_StoreObject(PyObject *obj, PyObject **addr, PyObject *value);

#endif /* Py_INTERNAL_OBJECT_H */
