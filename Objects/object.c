/* The generic object protocol: reference-count slow paths, deallocation, the trashcan,
 * repr/str/compare/hash/truth, attribute access and the None and NotImplemented singletons.
 *
 * Free-threaded build: the reference-count slow paths of biased reference counting (the
 * owner's count reached zero; a non-owner increment or decrement; merges, Python/brc.c) and
 * of per-thread counts for promoted hot objects (Python/ptrc.c); DESIGN.md §3. */
#include "Python.h"
#include "pycore_gc.h"
#include "pycore_pyatomic_ft_wrappers.h"
#include "pycore_qsbr.h"
#include "pycore_brc.h"
#include "pycore_ptrc.h"
#include "pycore_tstate.h"
#include "pycore_object.h"
#include "pycore_pyerrors.h"
#include "pycore_pystate.h"
#include "pycore_typeobject.h"
#include "pycore_call.h"

/* ---- reference counting -------------------------------------------------------------------- */

#undef Py_Is
int
Py_Is(PyObject *x, PyObject *y)
{
    return x == y;
}

void
Py_IncRef(PyObject *op)
{
    Py_XINCREF(op);
}

void
Py_DecRef(PyObject *op)
{
    Py_XDECREF(op);
}

#ifdef Py_REF_DEBUG
/* Sum of all reference counts, for --with-pydebug leak hunting.  Atomic: any thread. */
static Py_ssize_t ref_total;

void
_Py_IncRefTotal(void)
{
    _Py_atomic_add_ssize(&ref_total, 1);
}

void
_Py_DecRefTotal(void)
{
    _Py_atomic_add_ssize(&ref_total, -1);
}

Py_ssize_t
_Py_GetRefTotal(void)
{
    return _Py_atomic_load_ssize_relaxed(&ref_total);
}
#endif

void
_Py_NegativeRefcount(const char *filename, int lineno, PyObject *op)
{
    fprintf(stderr, "%s:%d: object at %p of type %s has a negative reference count\n",
            filename, lineno, (void *)op, Py_TYPE(op)->tp_name);
    Py_FatalError("negative reference count");
}

#ifdef Py_GIL_DISABLED
/* The object being deallocated by this thread whose memory must go through QSBR
 * (Objects/obmalloc.c, PyObject_Free), or NULL; nested deallocations save and restore it. */
__thread PyObject *_Py_dealloc_shared;
#endif

void
_Py_Dealloc(PyObject *op)
{
    destructor dealloc = Py_TYPE(op)->tp_dealloc;
#ifdef Py_GIL_DISABLED
    if (Py_LIKELY(_Py_IsSingleThreaded())) {
        /* No lock-free reader can be looking at op: its memory may be reused at once, even
         * if a thread starts while it is finalized. */
        dealloc(op);
        return;
    }
    PyObject *saved = _Py_dealloc_shared;
    _Py_dealloc_shared = _PyObject_GC_IS_SHARED(op) ? op : NULL;
    dealloc(op);
    _Py_dealloc_shared = saved;
#else
    dealloc(op);
#endif
}

#ifdef Py_GIL_DISABLED

/* The owner's local count reached zero (Include/object.h).  If no other thread ever counted
 * a reference, the object is dead; otherwise give up ownership: merge the counts into
 * ob_ref_shared (marked _Py_REF_MERGED), where every thread counts from now on. */
void
_Py_MergeZeroLocalRefcount(PyObject *op)
{
    Py_ssize_t shared = _Py_atomic_load_ssize_acquire(&op->ob_ref_shared);
    if (shared == 0) {
        /* Fast path: nobody else ever held a reference. */
        _Py_Dealloc(op);
        return;
    }
    /* Unowned from now on; a queued merge (if any) finds the object already merged. */
    _Py_atomic_store_uintptr_relaxed(&op->ob_tid, 0);
    for (;;) {
        Py_ssize_t count = shared >> _Py_REF_SHARED_SHIFT;
        if (_Py_atomic_compare_exchange_ssize(&op->ob_ref_shared, &shared,
                                              _Py_REF_SHARED(count, _Py_REF_MERGED))) {
            if (count == 0) {
                _Py_Dealloc(op);
            }
            return;
        }
    }
}

/* A thread that does not own op takes a reference: in its own slot if op is promoted
 * (Include/internal/pycore_ptrc.h), else in the shared count. */
void
_Py_IncRefShared(PyObject *op)
{
    if (_Py_ptrc_try_count(op, 1)) {
        return;
    }
    _Py_atomic_add_ssize(&op->ob_ref_shared, (1 << _Py_REF_SHARED_SHIFT));
}

/* A thread that does not own op drops a reference (Include/pycore_brc.h has the scheme), in
 * its own slot if op is promoted. */
void
_Py_DecRefShared(PyObject *op)
{
    Py_ssize_t shared = _Py_atomic_load_ssize_relaxed(&op->ob_ref_shared);
    if (shared < _Py_REF_PT_MIN) {
        /* Sampled here rather than on increments: every shared reference is dropped once,
         * including those lock-free readers took with _Py_TryIncRef.  Our reference keeps op
         * alive while it is promoted. */
        _Py_ptrc_sample(op);
        shared = _Py_atomic_load_ssize_relaxed(&op->ob_ref_shared);
    }
    int queue = 0;
    Py_ssize_t desired;
    for (;;) {
        if (shared >= _Py_REF_PT_MIN && _Py_ptrc_add_inline(op, shared, -1)) {
            return;   /* promoted: pinned, so this cannot be the last reference */
        }
        Py_ssize_t flags = shared & _Py_REF_SHARED_FLAG_MASK;
        Py_ssize_t count = shared >> _Py_REF_SHARED_SHIFT;
        queue = 0;
        if (flags == _Py_REF_MERGED) {
            desired = _Py_REF_SHARED(count - 1, flags);
        }
        else if (count == 0 && flags != _Py_REF_QUEUED) {
            /* Only the owner can tell whether this was the last reference: queue the
             * object to it; the queue keeps the reference we are dropping. */
            desired = _Py_REF_SHARED(0, _Py_REF_QUEUED);
            queue = 1;
        }
        else {
            /* May go negative while queued: the owner's local count balances it. */
            desired = _Py_REF_SHARED(count - 1, flags);
        }
        if (_Py_atomic_compare_exchange_ssize(&op->ob_ref_shared, &shared, desired)) {
            break;
        }
    }
    if (queue) {
        _Py_brc_queue_object(op);
    }
    else if (desired == _Py_REF_SHARED(0, _Py_REF_MERGED)) {
        _Py_Dealloc(op);
    }
}

void
_Py_DecRefSharedDebug(PyObject *op, const char *filename, int lineno)
{
    (void)filename;
    (void)lineno;
    _Py_DecRefShared(op);
}

#undef Py_SET_REFCNT
void
Py_SET_REFCNT(PyObject *ob, Py_ssize_t refcnt)
{
    if (_Py_IsImmortal(ob)) {
        return;
    }
    if (_Py_IsOwnedByCurrentThread(ob) && refcnt >= 0 && (uint64_t)refcnt < UINT32_MAX) {
        _Py_atomic_store_uint32_relaxed(&ob->ob_ref_local, (uint32_t)refcnt);
        Py_ssize_t flags = ob->ob_ref_shared & _Py_REF_SHARED_FLAG_MASK;
        _Py_atomic_store_ssize_relaxed(&ob->ob_ref_shared, flags);
    }
    else {
        ob->ob_tid = 0;
        _Py_atomic_store_uint32_relaxed(&ob->ob_ref_local, 0);
        _Py_atomic_store_ssize_relaxed(&ob->ob_ref_shared,
                                       _Py_REF_SHARED(refcnt, _Py_REF_MERGED));
    }
}

/* Deferred objects: top-level functions, their code, module objects and module dicts,
 * classes, method descriptors: the objects every thread touches on every call and whose
 * single reference count would otherwise bounce between cores.  Once a second thread starts
 * (_PyGC_ShareDeferredObjects in Python/gc.c), they are counted per thread
 * (Include/internal/pycore_ptrc.h), and those created later from birth; the collector frees
 * them when they die, at the latest at the next full collection.  Before that, and in a
 * process that never starts a thread, they are counted and freed as any object.  CPython 3.13
 * makes them immortal instead (never freed once threads ran); 3.14 defers their counts with
 * tagged stack references, which Braid's evaluation stack does not have (strong references
 * only). */
void
_PyObject_SetDeferredRefcount(PyObject *op)
{
    if (_Py_IsImmortal(op)) {
        return;
    }
    /* Written before the object is visible to another thread (creation time), and only the
     * low byte of ob_flags: the high byte is the collector's (Python/gc.c, location_byte). */
#ifdef WORDS_BIGENDIAN
    ((uint8_t *)&op->ob_flags)[1] |= _Py_DEFERRED_REFCNT_FLAG;
#else
    ((uint8_t *)&op->ob_flags)[0] |= _Py_DEFERRED_REFCNT_FLAG;
#endif
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate != NULL && _Py_atomic_load_int_relaxed(&tstate->interp->gc.share_deferred)) {
        _PyGC_ShareDeferredObject(tstate->interp, op);
    }
}

#else

void
_PyObject_SetDeferredRefcount(PyObject *op)
{
    (void)op;
}

#endif /* Py_GIL_DISABLED */

/* ---- the trashcan -------------------------------------------------------------------------
 * Deallocating a deeply nested container recurses once per level.  Past TRASH_MAX_DEPTH
 * levels, _PyTrash_Begin sets the object aside on a per-thread list (linked through the
 * object's type field, restored before the deferred dealloc runs) and the outermost
 * _PyTrash_End deallocates the list iteratively.  Per-thread by construction (thread-local
 * storage), so it needs no lock and works even before a thread state exists. */

#define TRASH_MAX_DEPTH 50

struct trash_entry {
    PyObject *op;
    destructor dealloc;
};

static _Thread_local int trash_depth;
static _Thread_local struct trash_entry *trash_items;
static _Thread_local Py_ssize_t trash_len, trash_cap;
static _Thread_local int trash_draining;

int
_PyTrash_Begin(PyObject *op, destructor dealloc)
{
    if (dealloc != NULL && Py_TYPE(op)->tp_dealloc != dealloc) {
        /* A base type's dealloc called from a subclass's: only the outermost dealloc of
         * the object may set it aside (it must run completely later). */
        trash_depth++;
        return 0;
    }
    if (trash_depth >= TRASH_MAX_DEPTH) {
        if (trash_len == trash_cap) {
            Py_ssize_t cap = trash_cap ? trash_cap * 2 : 64;
            struct trash_entry *items = realloc(trash_items, (size_t)cap * sizeof(*items));
            if (items == NULL) {
                /* Cannot defer: proceed recursively rather than leak. */
                trash_depth++;
                return 0;
            }
            trash_items = items;
            trash_cap = cap;
        }
        trash_items[trash_len].op = op;
        trash_items[trash_len].dealloc = Py_TYPE(op)->tp_dealloc;
        trash_len++;
        return 1;
    }
    trash_depth++;
    return 0;
}

void
_PyTrash_End(void)
{
    trash_depth--;
    if (trash_depth == 0 && trash_len > 0 && !trash_draining) {
        trash_draining = 1;
        while (trash_len > 0) {
            struct trash_entry e = trash_items[--trash_len];
            trash_depth++;
            e.dealloc(e.op);
            trash_depth--;
        }
        trash_draining = 0;
    }
}

/* ---- allocation helpers -------------------------------------------------------------------- */

PyObject *
PyObject_Init(PyObject *op, PyTypeObject *tp)
{
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    _PyObject_Init(op, tp);
    return op;
}

PyVarObject *
PyObject_InitVar(PyVarObject *op, PyTypeObject *tp, Py_ssize_t size)
{
    if (op == NULL) {
        return (PyVarObject *)PyErr_NoMemory();
    }
    _PyObject_InitVar(op, tp, size);
    return op;
}

PyObject *
_PyObject_New(PyTypeObject *tp)
{
    PyObject *op = PyObject_Malloc((size_t)tp->tp_basicsize);
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    _PyObject_Init(op, tp);
    return op;
}

PyVarObject *
_PyObject_NewVar(PyTypeObject *tp, Py_ssize_t nitems)
{
    if (nitems < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    size_t size = _PyObject_VAR_SIZE(tp, nitems);
    PyVarObject *op = PyObject_Malloc(size);
    if (op == NULL) {
        return (PyVarObject *)PyErr_NoMemory();
    }
    _PyObject_InitVar(op, tp, nitems);
    return op;
}

/* ---- finalizers (PEP 442) ------------------------------------------------------------------ */

void
PyObject_CallFinalizer(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    if (tp->tp_finalize == NULL) {
        return;
    }
    if (_PyType_IS_GC(tp) && _PyGC_FINALIZED(self)) {
        return; /* tp_finalize already ran once */
    }
    tp->tp_finalize(self);
    if (_PyType_IS_GC(tp)) {
        _PyGC_SET_FINALIZED(self);
    }
}

#ifdef Py_GIL_DISABLED
/* Free-threaded build: the temporary reference of a finalizer run from a dealloc.  A dying
 * object is either still owned by this thread with both counts zero, or merged with a shared
 * count of zero; the finalizer may hand it to other threads, which count in ob_ref_shared
 * (and may even queue it to us, or we may merge it at an eval breaker meanwhile). */
static void
resurrect_start(PyObject *op)
{
    if (_Py_IsOwnedByCurrentThread(op)) {
        _Py_atomic_store_uint32_relaxed(&op->ob_ref_local, 1);
    }
    else {
        _Py_atomic_store_ssize_relaxed(&op->ob_ref_shared, _Py_REF_SHARED(1, _Py_REF_MERGED));
    }
}

/* Drop the temporary reference; return 1 if others still hold the object (resurrected). */
static int
resurrect_end(PyObject *op)
{
    if (!_Py_IsOwnedByCurrentThread(op)) {
        /* Merged (before or during the finalizer): every thread counts in ob_ref_shared. */
        Py_ssize_t old = _Py_atomic_add_ssize(&op->ob_ref_shared,
                                              -((Py_ssize_t)1 << _Py_REF_SHARED_SHIFT));
        return (old >> _Py_REF_SHARED_SHIFT) != 1;
    }
    uint32_t local = op->ob_ref_local - 1;
    _Py_atomic_store_uint32_relaxed(&op->ob_ref_local, local);
    if (local != 0) {
        return 1;
    }
    /* As when an owner's count reaches zero: give up ownership unless nobody else counts.
     * A queued object is still referenced by the queue (counted), so it survives here and
     * the queue's merge frees it later. */
    Py_ssize_t shared = _Py_atomic_load_ssize_acquire(&op->ob_ref_shared);
    if (shared == 0) {
        return 0;
    }
    _Py_atomic_store_uintptr_relaxed(&op->ob_tid, 0);
    for (;;) {
        Py_ssize_t count = shared >> _Py_REF_SHARED_SHIFT;
        Py_ssize_t queued = (shared & _Py_REF_SHARED_FLAG_MASK) == _Py_REF_QUEUED;
        if (_Py_atomic_compare_exchange_ssize(&op->ob_ref_shared, &shared,
                                              _Py_REF_SHARED(count, _Py_REF_MERGED))) {
            return count != 0 || queued;
        }
    }
}
#endif

/* Called by tp_dealloc with a refcount of 0: run the finalizer with a temporary reference.
 * Returns 0 to proceed with deallocation, -1 if the finalizer resurrected the object. */
int
PyObject_CallFinalizerFromDealloc(PyObject *self)
{
    if (Py_REFCNT(self) != 0) {
        Py_FatalError("PyObject_CallFinalizerFromDealloc called on object with a non-zero "
                      "refcount");
    }
#ifdef Py_GIL_DISABLED
    resurrect_start(self);
    PyObject_CallFinalizer(self);
    if (!resurrect_end(self)) {
        return 0;
    }
#else
    Py_SET_REFCNT(self, 1);
    PyObject_CallFinalizer(self);
    /* Undo the temporary reference; a resurrected object keeps the extra ones. */
    Py_ssize_t refcnt = Py_REFCNT(self) - 1;
    Py_SET_REFCNT(self, refcnt);
    if (refcnt == 0) {
        return 0;
    }
#endif
    /* Resurrected: the dealloc must stop.  The GC keeps tracking it if it was tracked. */
    _Py_DEC_REFTOTAL();
    return -1;
}

/* ---- repr / str ---------------------------------------------------------------------------- */

static inline int
enter_recursive_call(const char *where)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL) {
        return 0;
    }
    if (--tstate->c_recursion_remaining < 0) {
        tstate->c_recursion_remaining++;
        PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    return 0;
}

static inline void
leave_recursive_call(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate != NULL) {
        tstate->c_recursion_remaining++;
    }
}

PyObject *
PyObject_Repr(PyObject *v)
{
    if (v == NULL) {
        return PyUnicode_FromString("<NULL>");
    }
    PyTypeObject *tp = Py_TYPE(v);
    if (tp->tp_repr == NULL) {
        return PyUnicode_FromFormat("<%s object at %p>", tp->tp_name, (void *)v);
    }
    if (enter_recursive_call(" while getting the repr of an object")) {
        return NULL;
    }
    PyObject *res = tp->tp_repr(v);
    leave_recursive_call();
    if (res == NULL) {
        return NULL;
    }
    if (!PyUnicode_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__repr__ returned non-string (type %.200s)",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

PyObject *
PyObject_Str(PyObject *v)
{
    if (v == NULL) {
        return PyUnicode_FromString("<NULL>");
    }
    if (PyUnicode_CheckExact(v)) {
        return Py_NewRef(v);
    }
    PyTypeObject *tp = Py_TYPE(v);
    if (tp->tp_str == NULL) {
        return PyObject_Repr(v);
    }
    if (enter_recursive_call(" while getting the str of an object")) {
        return NULL;
    }
    PyObject *res = tp->tp_str(v);
    leave_recursive_call();
    if (res == NULL) {
        return NULL;
    }
    if (!PyUnicode_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__str__ returned non-string (type %.200s)",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

PyObject *
PyObject_ASCII(PyObject *v)
{
    PyObject *repr = PyObject_Repr(v);
    if (repr == NULL) {
        return NULL;
    }
    if (PyUnicode_IS_ASCII(repr)) {
        return repr;
    }
    /* Escape non-ASCII characters as \xhh, \uhhhh or \Uhhhhhhhh. */
    PyObject *ascii = PyUnicode_AsEncodedString(repr, "ascii", "backslashreplace");
    Py_DECREF(repr);
    if (ascii == NULL) {
        return NULL;
    }
    PyObject *res = PyUnicode_DecodeASCII(PyBytes_AS_STRING(ascii), PyBytes_GET_SIZE(ascii),
                                          NULL);
    Py_DECREF(ascii);
    return res;
}

PyObject *
PyObject_Bytes(PyObject *v)
{
    if (v == NULL) {
        return PyBytes_FromString("<NULL>");
    }
    if (PyBytes_CheckExact(v)) {
        return Py_NewRef(v);
    }
    PyObject *func = _PyObject_LookupSpecial(v, _Py_ID(__bytes__));
    if (func != NULL) {
        PyObject *result = PyObject_CallNoArgs(func);
        Py_DECREF(func);
        if (result == NULL) {
            return NULL;
        }
        if (!PyBytes_Check(result)) {
            PyErr_Format(PyExc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                         Py_TYPE(result)->tp_name);
            Py_DECREF(result);
            return NULL;
        }
        return result;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyBytes_FromObject(v);
}

/* Print repr(op) (or str(op) with Py_PRINT_RAW) to fp. */
int
PyObject_Print(PyObject *op, FILE *fp, int flags)
{
    if (PyErr_CheckSignals()) {
        return -1;
    }
    clearerr(fp);
    if (op == NULL) {
        fprintf(fp, "<nil>");
        return 0;
    }
    PyObject *s = (flags & Py_PRINT_RAW) ? PyObject_Str(op) : PyObject_Repr(op);
    if (s == NULL) {
        return -1;
    }
    Py_ssize_t len;
    const char *text = PyUnicode_AsUTF8AndSize(s, &len);
    if (text == NULL) {
        Py_DECREF(s);
        return -1;
    }
    fwrite(text, 1, (size_t)len, fp);
    Py_DECREF(s);
    if (ferror(fp)) {
        PyErr_SetFromErrno(PyExc_OSError);
        clearerr(fp);
        return -1;
    }
    return 0;
}

/* The repr recursion guard: a per-thread list of objects whose repr is in progress, kept in
 * the thread state dict under "Py_Repr". */
int
Py_ReprEnter(PyObject *obj)
{
    PyObject *dict = PyThreadState_GetDict();
    if (dict == NULL) {
        return 0;
    }
    PyObject *list = PyDict_GetItemString(dict, "Py_Repr"); /* borrowed */
    if (list == NULL) {
        if (PyErr_Occurred()) {
            return -1;
        }
        list = PyList_New(0);
        if (list == NULL) {
            return -1;
        }
        if (PyDict_SetItemString(dict, "Py_Repr", list) < 0) {
            Py_DECREF(list);
            return -1;
        }
        Py_DECREF(list);
    }
    Py_ssize_t i = PyList_GET_SIZE(list);
    while (--i >= 0) {
        if (PyList_GET_ITEM(list, i) == obj) {
            return 1;
        }
    }
    if (PyList_Append(list, obj) < 0) {
        return -1;
    }
    return 0;
}

void
Py_ReprLeave(PyObject *obj)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *dict = PyThreadState_GetDict();
    if (dict != NULL) {
        PyObject *list = PyDict_GetItemString(dict, "Py_Repr");
        if (list != NULL && PyList_Check(list)) {
            Py_ssize_t i = PyList_GET_SIZE(list);
            while (--i >= 0) {
                if (PyList_GET_ITEM(list, i) == obj) {
                    PyList_SetSlice(list, i, i + 1, NULL);
                    break;
                }
            }
        }
    }
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
}

/* ---- rich comparison ----------------------------------------------------------------------- */

static const char *const opstrings[] = {"<", "<=", "==", "!=", ">", ">="};
static const int swapped_op[] = {Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE};

static PyObject *
do_richcompare(PyObject *v, PyObject *w, int op)
{
    richcmpfunc f;
    PyObject *res;
    int checked_reverse_op = 0;
    PyTypeObject *vt = Py_TYPE(v), *wt = Py_TYPE(w);

    if (vt != wt && PyType_IsSubtype(wt, vt) && (f = wt->tp_richcompare) != NULL) {
        /* The right operand's type is a subclass: it gets the first try. */
        checked_reverse_op = 1;
        res = f(w, v, swapped_op[op]);
        if (res != Py_NotImplemented) {
            return res;
        }
        Py_DECREF(res);
    }
    if ((f = vt->tp_richcompare) != NULL) {
        res = f(v, w, op);
        if (res != Py_NotImplemented) {
            return res;
        }
        Py_DECREF(res);
    }
    if (!checked_reverse_op && (f = wt->tp_richcompare) != NULL) {
        res = f(w, v, swapped_op[op]);
        if (res != Py_NotImplemented) {
            return res;
        }
        Py_DECREF(res);
    }
    switch (op) {
    case Py_EQ:
        res = (v == w) ? Py_True : Py_False;
        break;
    case Py_NE:
        res = (v != w) ? Py_True : Py_False;
        break;
    default:
        PyErr_Format(PyExc_TypeError,
                     "'%s' not supported between instances of '%.100s' and '%.100s'",
                     opstrings[op], vt->tp_name, wt->tp_name);
        return NULL;
    }
    return Py_NewRef(res);
}

PyObject *
PyObject_RichCompare(PyObject *v, PyObject *w, int op)
{
    if (v == NULL || w == NULL || op < Py_LT || op > Py_GE) {
        if (!PyErr_Occurred()) {
            PyErr_BadInternalCall();
        }
        return NULL;
    }
    if (enter_recursive_call(" in comparison")) {
        return NULL;
    }
    PyObject *res = do_richcompare(v, w, op);
    leave_recursive_call();
    return res;
}

int
PyObject_RichCompareBool(PyObject *v, PyObject *w, int op)
{
    /* Identity implies equality (containers rely on it, as in CPython). */
    if (v == w) {
        if (op == Py_EQ) {
            return 1;
        }
        if (op == Py_NE) {
            return 0;
        }
    }
    PyObject *res = PyObject_RichCompare(v, w, op);
    if (res == NULL) {
        return -1;
    }
    int ok;
    if (PyBool_Check(res)) {
        ok = (res == Py_True);
    }
    else {
        ok = PyObject_IsTrue(res);
    }
    Py_DECREF(res);
    return ok;
}

/* ---- hashing and truth --------------------------------------------------------------------- */

Py_hash_t
PyObject_HashNotImplemented(PyObject *v)
{
    PyErr_Format(PyExc_TypeError, "unhashable type: '%.200s'", Py_TYPE(v)->tp_name);
    return -1;
}

Py_hash_t
PyObject_Hash(PyObject *v)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (tp->tp_hash != NULL) {
        return tp->tp_hash(v);
    }
    /* A static type that was never readied inherits tp_hash only through PyType_Ready. */
    if (!PyType_HasFeature(tp, Py_TPFLAGS_READY)) {
        if (PyType_Ready(tp) < 0) {
            return -1;
        }
        if (tp->tp_hash != NULL) {
            return tp->tp_hash(v);
        }
    }
    return PyObject_HashNotImplemented(v);
}

int
PyObject_IsTrue(PyObject *v)
{
    if (v == Py_True) {
        return 1;
    }
    if (v == Py_False || v == Py_None) {
        return 0;
    }
    PyTypeObject *tp = Py_TYPE(v);
    Py_ssize_t res;
    if (tp->tp_as_number != NULL && tp->tp_as_number->nb_bool != NULL) {
        res = tp->tp_as_number->nb_bool(v);
    }
    else if (tp->tp_as_mapping != NULL && tp->tp_as_mapping->mp_length != NULL) {
        res = tp->tp_as_mapping->mp_length(v);
    }
    else if (tp->tp_as_sequence != NULL && tp->tp_as_sequence->sq_length != NULL) {
        res = tp->tp_as_sequence->sq_length(v);
    }
    else {
        return 1;
    }
    return res > 0 ? 1 : (int)res;
}

int
PyObject_Not(PyObject *v)
{
    int res = PyObject_IsTrue(v);
    if (res < 0) {
        return res;
    }
    return res == 0;
}

int
PyCallable_Check(PyObject *x)
{
    if (x == NULL) {
        return 0;
    }
    return Py_TYPE(x)->tp_call != NULL;
}

/* ---- attribute access ---------------------------------------------------------------------- */

void
_PyObject_SetAttributeErrorContext(PyObject *obj, PyObject *name)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (!_PyErr_ExceptionMatches(tstate, PyExc_AttributeError)) {
        return;
    }
    PyObject *exc = _PyErr_GetRaisedException(tstate);
    if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_AttributeError)) {
        PyAttributeErrorObject *ae = (PyAttributeErrorObject *)exc;
        if (ae->name == NULL || ae->name == Py_None) {
            Py_XSETREF(ae->name, Py_NewRef(name));
        }
        if (ae->obj == NULL || ae->obj == Py_None) {
            Py_XSETREF(ae->obj, Py_NewRef(obj));
        }
    }
    _PyErr_SetRaisedException(tstate, exc);
}

static void
raise_no_attribute(PyObject *obj, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(obj);
    PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'", tp->tp_name,
                 name);
    _PyObject_SetAttributeErrorContext(obj, name);
}

PyObject *
PyObject_GetAttr(PyObject *v, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    if (tp->tp_getattro != NULL) {
        return tp->tp_getattro(v, name);
    }
    if (tp->tp_getattr != NULL) {
        const char *name_str = PyUnicode_AsUTF8(name);
        if (name_str == NULL) {
            return NULL;
        }
        return tp->tp_getattr(v, (char *)name_str);
    }
    raise_no_attribute(v, name);
    return NULL;
}

PyObject *
PyObject_GetAttrString(PyObject *v, const char *name)
{
    if (Py_TYPE(v)->tp_getattr != NULL) {
        return Py_TYPE(v)->tp_getattr(v, (char *)name);
    }
    PyObject *w = PyUnicode_FromString(name);
    if (w == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_GetAttr(v, w);
    Py_DECREF(w);
    return res;
}

int
PyObject_GetOptionalAttr(PyObject *v, PyObject *name, PyObject **result)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        *result = NULL;
        return -1;
    }
    if (tp->tp_getattro == PyObject_GenericGetAttr) {
        *result = _PyObject_GenericGetAttrWithDict(v, name, NULL, 1);
        if (*result != NULL) {
            return 1;
        }
        return PyErr_Occurred() ? -1 : 0;
    }
    if (tp->tp_getattro == _Py_type_getattro) {
        int suppress = 0;
        *result = _Py_type_getattro_impl((PyTypeObject *)v, name, &suppress);
        if (*result != NULL) {
            return 1;
        }
        if (suppress) {
            return 0;
        }
        if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
            return 0;
        }
        return PyErr_Occurred() ? -1 : 0;
    }
    *result = PyObject_GetAttr(v, name);
    if (*result != NULL) {
        return 1;
    }
    if (!PyErr_ExceptionMatches(PyExc_AttributeError)) {
        return -1;
    }
    PyErr_Clear();
    return 0;
}

int
PyObject_GetOptionalAttrString(PyObject *obj, const char *name, PyObject **result)
{
    PyObject *oname = PyUnicode_FromString(name);
    if (oname == NULL) {
        *result = NULL;
        return -1;
    }
    int rc = PyObject_GetOptionalAttr(obj, oname, result);
    Py_DECREF(oname);
    return rc;
}

int
PyObject_HasAttrWithError(PyObject *obj, PyObject *name)
{
    PyObject *res;
    int rc = PyObject_GetOptionalAttr(obj, name, &res);
    Py_XDECREF(res);
    return rc;
}

int
PyObject_HasAttrStringWithError(PyObject *obj, const char *name)
{
    PyObject *res;
    int rc = PyObject_GetOptionalAttrString(obj, name, &res);
    Py_XDECREF(res);
    return rc;
}

int
PyObject_HasAttr(PyObject *obj, PyObject *name)
{
    int rc = PyObject_HasAttrWithError(obj, name);
    if (rc < 0) {
        PyErr_Clear();
        return 0;
    }
    return rc;
}

int
PyObject_HasAttrString(PyObject *obj, const char *name)
{
    int rc = PyObject_HasAttrStringWithError(obj, name);
    if (rc < 0) {
        PyErr_Clear();
        return 0;
    }
    return rc;
}

int
PyObject_SetAttr(PyObject *v, PyObject *name, PyObject *value)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    Py_INCREF(name);
    PyUnicode_InternInPlace(&name);
    int err;
    if (tp->tp_setattro != NULL) {
        err = tp->tp_setattro(v, name, value);
        Py_DECREF(name);
        return err;
    }
    if (tp->tp_setattr != NULL) {
        const char *name_str = PyUnicode_AsUTF8(name);
        if (name_str == NULL) {
            Py_DECREF(name);
            return -1;
        }
        err = tp->tp_setattr(v, (char *)name_str, value);
        Py_DECREF(name);
        return err;
    }
    Py_DECREF(name);
    if (tp->tp_getattr == NULL && tp->tp_getattro == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.100s' object has no attributes (%s .%U)",
                     tp->tp_name, value == NULL ? "del" : "assign to", name);
    }
    else {
        PyErr_Format(PyExc_TypeError, "'%.100s' object has only read-only attributes (%s .%U)",
                     tp->tp_name, value == NULL ? "del" : "assign to", name);
    }
    return -1;
}

int
PyObject_SetAttrString(PyObject *v, const char *name, PyObject *w)
{
    PyObject *s = PyUnicode_InternFromString(name);
    if (s == NULL) {
        return -1;
    }
    int res = PyObject_SetAttr(v, s, w);
    Py_DECREF(s);
    return res;
}

int
PyObject_DelAttr(PyObject *v, PyObject *name)
{
    return PyObject_SetAttr(v, name, NULL);
}

int
PyObject_DelAttrString(PyObject *v, const char *name)
{
    return PyObject_SetAttrString(v, name, NULL);
}

PyObject **
_PyObject_GetDictPtr(PyObject *obj)
{
    return _PyObject_ComputedDictPointer(obj);
}

PyObject *
PyObject_SelfIter(PyObject *obj)
{
    return Py_NewRef(obj);
}

PyObject *
_PyObject_NextNotImplemented(PyObject *self)
{
    PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable", Py_TYPE(self)->tp_name);
    return NULL;
}

/* The instance dict at dictptr, created on first use; borrowed (valid while the object lives
 * and __dict__ is not reassigned), NULL with MemoryError.  Two threads creating it at once
 * agree on one dict (compare-and-swap). */
PyObject *
_PyObject_EnsureDictAt(PyObject **dictptr)
{
    PyObject *dict = FT_ATOMIC_LOAD_PTR_ACQUIRE(*dictptr);
    if (dict != NULL) {
        return dict;
    }
    PyObject *newdict = PyDict_New();
    if (newdict == NULL) {
        return NULL;
    }
#ifdef Py_GIL_DISABLED
    PyObject *expected = NULL;
    if (!_Py_atomic_compare_exchange_ptr(dictptr, &expected, newdict)) {
        Py_DECREF(newdict);
        return expected;
    }
#else
    *dictptr = newdict;
#endif
    return newdict;
}

PyObject *
_PyObject_GenericGetAttrWithDict(PyObject *obj, PyObject *name, PyObject *dict, int suppress)
{
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *descr, *res = NULL;
    descrgetfunc f = NULL;

    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    if (tp->tp_dict == NULL && PyType_Ready(tp) < 0) {
        return NULL;
    }
    Py_INCREF(name);
    descr = _PyType_LookupRef(tp, name);
    if (descr != NULL) {
        f = Py_TYPE(descr)->tp_descr_get;
        if (f != NULL && Py_TYPE(descr)->tp_descr_set != NULL) {
            /* Data descriptor: wins over the instance dict. */
            res = f(descr, obj, (PyObject *)tp);
            if (res == NULL && suppress && PyErr_ExceptionMatches(PyExc_AttributeError)) {
                PyErr_Clear();
            }
            goto done;
        }
    }
    if (dict == NULL) {
        dict = _PyObject_GetInstanceDict(obj);
    }
    if (dict != NULL) {
        Py_INCREF(dict);
        int found = PyDict_GetItemRef(dict, name, &res);
        Py_DECREF(dict);
        if (found != 0) {
            goto done;      /* res is the attribute, or NULL with the lookup's error set */
        }
    }
    if (f != NULL) {
        res = f(descr, obj, (PyObject *)tp);
        if (res == NULL && suppress && PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
        }
        goto done;
    }
    if (descr != NULL) {
        res = descr;
        descr = NULL;
        goto done;
    }
    if (!suppress) {
        raise_no_attribute(obj, name);
    }
done:
    Py_XDECREF(descr);
    Py_DECREF(name);
    return res;
}

PyObject *
PyObject_GenericGetAttr(PyObject *obj, PyObject *name)
{
    return _PyObject_GenericGetAttrWithDict(obj, name, NULL, 0);
}

int
_PyObject_GenericSetAttrWithDict(PyObject *obj, PyObject *name, PyObject *value,
                                 PyObject *dict)
{
    PyTypeObject *tp = Py_TYPE(obj);
    int res = -1;

    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    if (tp->tp_dict == NULL && PyType_Ready(tp) < 0) {
        return -1;
    }
    Py_INCREF(name);
    PyObject *descr = _PyType_LookupRef(tp, name);
    if (descr != NULL) {
        descrsetfunc f = Py_TYPE(descr)->tp_descr_set;
        if (f != NULL) {
            res = f(descr, obj, value);
            goto done;
        }
    }
    if (dict == NULL) {
        PyObject **dictptr = _PyObject_ComputedDictPointer(obj);
        if (dictptr == NULL) {
            if (descr == NULL) {
                if (tp->tp_setattro == PyObject_GenericSetAttr) {
                    PyErr_Format(PyExc_AttributeError,
                                 "'%.100s' object has no attribute '%U' and no __dict__ for "
                                 "setting new attributes",
                                 tp->tp_name, name);
                }
                else {
                    PyErr_Format(PyExc_AttributeError,
                                 "'%.100s' object has no attribute '%U'", tp->tp_name, name);
                }
                _PyObject_SetAttributeErrorContext(obj, name);
            }
            else {
                PyErr_Format(PyExc_AttributeError,
                             "'%.100s' object attribute '%U' is read-only", tp->tp_name, name);
            }
            goto done;
        }
        if (FT_ATOMIC_LOAD_PTR_ACQUIRE(*dictptr) == NULL && value == NULL) {
            raise_no_attribute(obj, name);
            goto done;
        }
        dict = _PyObject_EnsureDictAt(dictptr);
        if (dict == NULL) {
            goto done;
        }
    }
    Py_INCREF(dict);
    if (value == NULL) {
        res = PyDict_DelItem(dict, name);
        if (res < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            raise_no_attribute(obj, name);
        }
    }
    else {
        res = PyDict_SetItem(dict, name, value);
    }
    Py_DECREF(dict);
done:
    Py_XDECREF(descr);
    Py_DECREF(name);
    return res;
}

int
PyObject_GenericSetAttr(PyObject *obj, PyObject *name, PyObject *value)
{
    return _PyObject_GenericSetAttrWithDict(obj, name, value, NULL);
}

PyObject *
PyObject_GenericGetDict(PyObject *obj, void *context)
{
    (void)context;
    PyObject **dictptr = _PyObject_ComputedDictPointer(obj);
    if (dictptr == NULL) {
        PyErr_SetString(PyExc_AttributeError, "This object has no __dict__");
        return NULL;
    }
    return Py_XNewRef(_PyObject_EnsureDictAt(dictptr));
}

int
PyObject_GenericSetDict(PyObject *obj, PyObject *value, void *context)
{
    (void)context;
    PyObject **dictptr = _PyObject_ComputedDictPointer(obj);
    if (dictptr == NULL) {
        PyErr_SetString(PyExc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!PyDict_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    /* Another thread may have just loaded the old dict (_PyObject_EnsureDictAt): release it
     * after a grace period (QSBR; at once in the GIL build). */
    PyObject *old = _Py_atomic_exchange_ptr(dictptr, Py_NewRef(value));
    _PyObject_XDecRefDelayed(old);
    return 0;
}

void
_PyObject_ClearInstanceDict(PyObject *obj)
{
    PyObject **dictptr = _PyObject_ComputedDictPointer(obj);
    if (dictptr != NULL) {
        Py_CLEAR(*dictptr);
    }
}

int
_PyObject_GetMethod(PyObject *obj, PyObject *name, PyObject **method)
{
    PyTypeObject *tp = Py_TYPE(obj);
    int meth_found = 0;

    if (tp->tp_getattro != PyObject_GenericGetAttr || !PyUnicode_CheckExact(name)) {
        *method = PyObject_GetAttr(obj, name);
        return 0;
    }
    if (tp->tp_dict == NULL && PyType_Ready(tp) < 0) {
        *method = NULL;
        return 0;
    }
    PyObject *descr = _PyType_LookupRef(tp, name);
    descrgetfunc f = NULL;
    if (descr != NULL) {
        if (PyType_HasFeature(Py_TYPE(descr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
            meth_found = 1;
        }
        else {
            f = Py_TYPE(descr)->tp_descr_get;
            if (f != NULL && Py_TYPE(descr)->tp_descr_set != NULL) {
                *method = f(descr, obj, (PyObject *)tp);
                Py_DECREF(descr);
                return 0;
            }
        }
    }
    PyObject *dict = _PyObject_GetInstanceDict(obj);
    if (dict != NULL) {
        PyObject *attr;
        Py_INCREF(dict);
        int rc = PyDict_GetItemRef(dict, name, &attr);
        Py_DECREF(dict);
        if (rc != 0) {
            Py_XDECREF(descr);
            *method = attr;
            return 0;
        }
    }
    if (meth_found) {
        *method = descr;
        return 1;
    }
    if (f != NULL) {
        *method = f(descr, obj, (PyObject *)tp);
        Py_DECREF(descr);
        return 0;
    }
    if (descr != NULL) {
        *method = descr;
        return 0;
    }
    raise_no_attribute(obj, name);
    *method = NULL;
    return 0;
}

/* ---- dir() --------------------------------------------------------------------------------- */

PyObject *
PyObject_Dir(PyObject *obj)
{
    if (obj == NULL) {
        /* dir() without arguments: the caller's locals. */
        PyObject *locals = PyEval_GetFrameLocals();
        if (locals == NULL) {
            return NULL;
        }
        PyObject *names = PyMapping_Keys(locals);
        Py_DECREF(locals);
        if (names == NULL) {
            return NULL;
        }
        if (PyList_Sort(names) < 0) {
            Py_DECREF(names);
            return NULL;
        }
        return names;
    }
    PyObject *dirfunc = _PyObject_LookupSpecial(obj, _Py_ID(__dir__));
    if (dirfunc == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "object does not provide __dir__");
        }
        return NULL;
    }
    PyObject *result = PyObject_CallNoArgs(dirfunc);
    Py_DECREF(dirfunc);
    if (result == NULL) {
        return NULL;
    }
    PyObject *sorted = PySequence_List(result);
    Py_DECREF(result);
    if (sorted == NULL) {
        return NULL;
    }
    if (PyList_Sort(sorted) < 0) {
        Py_DECREF(sorted);
        return NULL;
    }
    return sorted;
}

/* ---- misc ---------------------------------------------------------------------------------- */

/* "func()" or "type.method()" for error messages about callables: __qualname__ + "()". */
PyObject *
_PyObject_FunctionStr(PyObject *x)
{
    PyObject *qualname = NULL;
    int rc = PyObject_GetOptionalAttr(x, _Py_ID(__qualname__), &qualname);
    if (qualname == NULL) {
        if (rc < 0) {
            return NULL;
        }
        return PyObject_Str(x);
    }
    PyObject *module = NULL, *result = NULL;
    rc = PyObject_GetOptionalAttr(x, _Py_ID(__module__), &module);
    if (rc < 0) {
        goto done;
    }
    if (module != NULL && module != Py_None && PyUnicode_Check(module) &&
        !PyUnicode_EqualToUTF8(module, "builtins")) {
        result = PyUnicode_FromFormat("%U.%U()", module, qualname);
    }
    else {
        result = PyUnicode_FromFormat("%U()", qualname);
    }
done:
    Py_XDECREF(module);
    Py_DECREF(qualname);
    return result;
}

int
_PyObject_IsAbstract(PyObject *obj)
{
    if (obj == NULL) {
        return 0;
    }
    PyObject *isabstract;
    int res = PyObject_GetOptionalAttr(obj, _Py_ID(__isabstractmethod__), &isabstract);
    if (res > 0) {
        res = PyObject_IsTrue(isabstract);
        Py_DECREF(isabstract);
    }
    return res;
}

/* ---- None ---------------------------------------------------------------------------------- */

static PyObject *
none_repr(PyObject *op)
{
    (void)op;
    return PyUnicode_FromString("None");
}

static int
none_bool(PyObject *v)
{
    (void)v;
    return 0;
}

static Py_hash_t
none_hash(PyObject *v)
{
    (void)v;
    return (Py_hash_t)0xFCA86420;
}

static PyObject *
none_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    (void)type;
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_GET_SIZE(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "NoneType takes no arguments");
        return NULL;
    }
    Py_RETURN_NONE;
}

static void
none_dealloc(PyObject *op)
{
    (void)op;
    Py_FatalError("deallocating None");
}

static PyNumberMethods none_as_number = {
    .nb_bool = none_bool,
};

PyTypeObject _PyNone_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = none_dealloc,
    .tp_repr = none_repr,
    .tp_as_number = &none_as_number,
    .tp_hash = none_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "The type of the None singleton.",
    .tp_new = none_new,
};
_Py_REGISTER_STATIC_TYPE(_PyNone_Type);

PyObject _Py_NoneStruct = _PyObject_HEAD_INIT(&_PyNone_Type);

/* ---- NotImplemented ------------------------------------------------------------------------ */

static PyObject *
notimplemented_repr(PyObject *op)
{
    (void)op;
    return PyUnicode_FromString("NotImplemented");
}

static PyObject *
notimplemented_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    (void)op;
    return PyUnicode_FromString("NotImplemented");
}

static PyMethodDef notimplemented_methods[] = {
    {"__reduce__", notimplemented_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyObject *
notimplemented_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    (void)type;
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_GET_SIZE(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "NotImplementedType takes no arguments");
        return NULL;
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static int
notimplemented_bool(PyObject *v)
{
    (void)v;
    if (PyErr_WarnEx(PyExc_DeprecationWarning,
                     "NotImplemented should not be used in a boolean context", 1) < 0) {
        return -1;
    }
    return 1;
}

static PyNumberMethods notimplemented_as_number = {
    .nb_bool = notimplemented_bool,
};

PyTypeObject _PyNotImplemented_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = none_dealloc,
    .tp_repr = notimplemented_repr,
    .tp_as_number = &notimplemented_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "The type of the NotImplemented singleton.",
    .tp_methods = notimplemented_methods,
    .tp_new = notimplemented_new,
};
_Py_REGISTER_STATIC_TYPE(_PyNotImplemented_Type);

PyObject _Py_NotImplementedStruct = _PyObject_HEAD_INIT(&_PyNotImplemented_Type);
