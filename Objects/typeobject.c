/* Type objects: `type`, `object`, `super`, class creation, slot inheritance and the slot
 * dispatch between C slots (tp_*, nb_*, ...) and Python special methods (__add__, ...).
 *
 * Two directions connect slots and dunders:
 *  - a C type's slots appear in its dict as wrapper descriptors (add_operators), so that
 *    int.__add__ exists and subclasses can call it;
 *  - a class defining a dunder gets the generic slot function (slot_nb_add, ...) that calls the
 *    dunder, unless the dunder found in its MRO is exactly the wrapper of a C slot, in which
 *    case the C function is used directly (update_one_slot).
 *
 * Attribute lookup on types (_PyType_Lookup) is cached in a global table keyed by the type's
 * version tag and the name's identity; PyType_Modified invalidates a type and its subclasses
 * by giving them no version tag.  GIL build: the GIL protects the table and the counter.
 * Free-threaded build: one table per thread, and the counter under type_lock (see the method
 * cache below).  Fields of a type that other threads may be reading (the MRO, the bases, the
 * names, values in the dict) are replaced with a release store or under the dict's critical
 * section, and what they held is released through QSBR, so a reader's borrowed pointer stays
 * valid until its next quiescent state; a reader that may block (wait for a lock) holds a
 * reference of its own. */
#include "Python.h"
#include "pycore_qsbr.h"
#include "pycore_pyatomic_ft_wrappers.h"
#include "pycore_object.h"
#include "pycore_typeobject.h"
#include "pycore_pyerrors.h"
#include "pycore_pystate.h"
#include "pycore_call.h"
#include "pycore_modsupport.h"
#include "pycore_ceval.h"

static PyObject *slot_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
static int update_slot(PyTypeObject *type, PyObject *name);
static void fixup_slot_dispatchers(PyTypeObject *type);
static PyObject *type_vectorcall(PyObject *metatype, PyObject *const *args, size_t nargsf,
                                 PyObject *kwnames);
static PyObject *heaptype_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf,
                                     PyObject *kwnames);
static PyObject *object_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
static int object_init(PyObject *self, PyObject *args, PyObject *kwds);
static PyObject *type_call(PyObject *type, PyObject *args, PyObject *kwds);
static int add_subclass(PyTypeObject *base, PyTypeObject *type);
static void remove_subclass(PyTypeObject *base, PyTypeObject *type);
static PyObject *tp_new_wrapper(PyObject *self, PyObject *args, PyObject *kwds);

#define PyHeapType_GET_MEMBERS(etype)                                                         \
    ((PyMemberDef *)(((char *)(etype)) + Py_TYPE(etype)->tp_basicsize))

const char *
_PyType_Name(PyTypeObject *type)
{
    const char *s = strrchr(type->tp_name, '.');
    return s == NULL ? type->tp_name : s + 1;
}

/* ---- version tags and the method cache ----------------------------------------------------- */

struct method_cache_entry {
    unsigned int version;
    PyObject *name;   /* strong reference (so its address cannot be reused by another
                       * string while cached); compared by identity only */
    PyObject *value;  /* borrowed; valid while version matches the type's tag */
};

/* The method cache.  GIL build: one cache, protected by the GIL.  Free-threaded build: one
 * cache per thread (thread-local storage), so lookups need no lock and entries cannot tear;
 * an entry is valid while its version equals the type's tag, and a type's tag is cleared
 * (PyType_Modified) before a value it cached is released, which goes through QSBR
 * (type_dict_set) so that a thread that has just matched a tag never reads freed memory.
 * The names held by a thread's cache are released when the thread exits
 * (_PyType_ClearThreadCache). */
#ifdef Py_GIL_DISABLED
static _Thread_local struct method_cache_entry method_cache[MCACHE_SIZE];
#else
static struct method_cache_entry method_cache[MCACHE_SIZE];
#endif

/* Version tags: next_version_tag and every change of a type's tag and
 * Py_TPFLAGS_VALID_VERSION_TAG are made under type_lock in the free-threaded build (immutable
 * after start-up otherwise: only this lock's holders write them). */
static unsigned int next_version_tag = 1;
#ifdef Py_GIL_DISABLED
static PyMutex type_lock;
#  define TYPE_LOCK() PyMutex_Lock(&type_lock)
#  define TYPE_UNLOCK() PyMutex_Unlock(&type_lock)
#else
#  define TYPE_LOCK() ((void)0)
#  define TYPE_UNLOCK() ((void)0)
#endif

/* The flags word of a type other threads may be changing (see type_set_flags). */
static inline unsigned long
type_flags_of(PyTypeObject *type)
{
#ifdef Py_GIL_DISABLED
    return _Py_atomic_load_ulong_relaxed(&type->tp_flags);
#else
    return type->tp_flags;
#endif
}

/* Set and clear flags of a type other threads may be using: the writers of such flags
 * (version tag validity, abstractness, vectorcall, readiness) are ordered by type_lock or run
 * before the type is shared; readers (PyType_HasFeature) load tp_flags lock-free, so the new
 * word is published with one atomic store. */
static inline void
type_set_flags(PyTypeObject *type, unsigned long set, unsigned long clear)
{
    unsigned long flags = (type_flags_of(type) & ~clear) | set;
#ifdef Py_GIL_DISABLED
    _Py_atomic_store_ulong_relaxed(&type->tp_flags, flags);
#else
    type->tp_flags = flags;
#endif
}

void
_PyType_ClearThreadCache(void)
{
#ifdef Py_GIL_DISABLED
    for (int i = 0; i < MCACHE_SIZE; i++) {
        method_cache[i].version = 0;
        Py_CLEAR(method_cache[i].name);
        method_cache[i].value = NULL;
    }
#endif
}

/* The cache is set-associative: (version, name) lives in one of the MCACHE_WAYS entries of
 * the set starting at MCACHE_HASH, a multiplicative (Fibonacci) hash of both, top bits,
 * rounded down to a set.  A direct-mapped cache indexed by (version ^ address) & mask, the
 * obvious choice, let two hot pairs share a slot and evict each other forever: richards,
 * whose classes get neighbouring tags and whose attribute names are allocated side by side,
 * missed 9,300 times per run on one such pair in the free-threaded build, and which pairs
 * collide changes with every allocation, so the builds' times differed by luck. */
#define MCACHE_WAYS 4
#define MCACHE_HASH(version, name)                                                            \
    (((unsigned int)((uint32_t)(((uintptr_t)(name)) >> 4) * 2654435761u +                    \
                     (uint32_t)(version) * 0x85EBCA6Bu) >> (32 - MCACHE_SIZE_EXP)) &         \
     ~(unsigned int)(MCACHE_WAYS - 1))

int
_PyType_AssignVersionTag(PyTypeObject *type)
{
    if (PyType_HasFeature(type, Py_TPFLAGS_VALID_VERSION_TAG)) {
        return 1;
    }
    if (!PyType_HasFeature(type, Py_TPFLAGS_READY)) {
        return 0;
    }
    int ok = 1;
    TYPE_LOCK();
    if (!PyType_HasFeature(type, Py_TPFLAGS_VALID_VERSION_TAG)) {
        if (next_version_tag == 0) {
            ok = 0; /* exhausted: no caching any more */
        }
        else {
            FT_ATOMIC_STORE_UINT_RELAXED(type->tp_version_tag, next_version_tag++);
            type_set_flags(type, Py_TPFLAGS_VALID_VERSION_TAG, 0);
        }
    }
    TYPE_UNLOCK();
    return ok;
}

unsigned int
_PyType_GetVersionForCurrentState(PyTypeObject *type)
{
    if (!_PyType_AssignVersionTag(type)) {
        return 0;
    }
    return type->tp_version_tag;
}

/* Invalidate type and every subclass.  Subclasses are visited even when type itself has no
 * valid tag: a subclass may have been given a tag without its bases being looked up. */
static void
type_modified_recursive(PyTypeObject *type, int depth)
{
    TYPE_LOCK();
    type_set_flags(type, 0, Py_TPFLAGS_VALID_VERSION_TAG);
    FT_ATOMIC_STORE_UINT_RELAXED(type->tp_version_tag, 0);
    TYPE_UNLOCK();
    PyObject *subclasses = FT_ATOMIC_LOAD_PTR_ACQUIRE(type->tp_subclasses);
    if (subclasses == NULL || depth > 1000) {
        return;
    }
    /* Under the dict's critical section: another thread may be adding a subclass.  (The
     * section is suspended if a nested step blocks, as every critical section.) */
    Py_BEGIN_CRITICAL_SECTION(subclasses);
    Py_ssize_t pos = 0;
    PyObject *key, *ref;
    while (PyDict_Next(subclasses, &pos, &key, &ref)) {
        PyObject *sub = NULL;
        if (PyWeakref_GetRef(ref, &sub) > 0) {
            type_modified_recursive((PyTypeObject *)sub, depth + 1);
            Py_DECREF(sub);
        }
    }
    Py_END_CRITICAL_SECTION();
}

void
PyType_Modified(PyTypeObject *type)
{
    type_modified_recursive(type, 0);
}

/* New reference, or NULL (no exception) when name is not in any dict of the MRO.  The MRO is
 * held by a reference of its own: another thread may replace it (__bases__ assignment) while
 * a dict lookup here blocks. */
static PyObject *
find_name_in_mro(PyTypeObject *type, PyObject *name, int *error)
{
    PyObject *mro = FT_ATOMIC_LOAD_PTR_ACQUIRE(type->tp_mro);
    *error = 0;
    if (mro == NULL) {
        /* Not ready yet: look at the type's own dict and then its bases. */
        if (type->tp_dict != NULL) {
            PyObject *res;
            int r = PyDict_GetItemRef(type->tp_dict, name, &res);
            if (r != 0) {
                *error = r < 0;
                return res;
            }
        }
        if (type->tp_base != NULL) {
            return find_name_in_mro(type->tp_base, name, error);
        }
        return NULL;
    }
    /* Alive: a replaced MRO is released through QSBR (mro_internal), and this thread has not
     * passed a quiescent state since loading it. */
    Py_INCREF(mro);
    PyObject *res = NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(mro);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *base = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        PyObject *dict = base->tp_dict;
        if (dict == NULL) {
            continue;
        }
        int r = PyDict_GetItemRef(dict, name, &res);
        if (r != 0) {
            *error = r < 0;
            break;
        }
    }
    Py_DECREF(mro);
    return res;
}

/* The cached value for (type, name) in *value (borrowed, may be NULL: "not found"); 0 on a
 * miss. */
static inline int
type_cache_probe(PyTypeObject *type, PyObject *name, PyObject **value)
{
    unsigned int version = FT_ATOMIC_LOAD_UINT_RELAXED(type->tp_version_tag);
    if (version != 0 && PyType_HasFeature(type, Py_TPFLAGS_VALID_VERSION_TAG)) {
        struct method_cache_entry *entry = &method_cache[MCACHE_HASH(version, name)];
        for (int way = 0; way < MCACHE_WAYS; way++) {
            if (entry[way].version == version && entry[way].name == name) {
                *value = entry[way].value;
                return 1;
            }
        }
    }
    return 0;
}

/* A cache miss: walk the MRO and cache the result.  New reference, or NULL without an
 * exception set (errors in lookup are cleared, as in CPython: attribute lookup treats them as
 * "not found").
 *
 * Free-threaded build: the tag is assigned before the walk and the entry stored only if the
 * tag is still the type's afterwards: a change made meanwhile (the walk may block) cleared
 * it, so a value it replaced is never cached under a tag that stays valid.  (A cache hit's
 * value is alive while its entry's tag matches, until this thread passes a quiescent state:
 * see the method cache above; _PyType_LookupRef takes its reference at once.) */
static Py_NO_INLINE PyObject *
type_lookup_miss(PyTypeObject *type, PyObject *name)
{
    int cacheable = PyUnicode_CheckExact(name) && _PyType_AssignVersionTag(type);
    unsigned int version = cacheable ? FT_ATOMIC_LOAD_UINT_RELAXED(type->tp_version_tag) : 0;
    int error;
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *res = find_name_in_mro(type, name, &error);
    if (error) {
        PyErr_Clear();
        PyErr_SetRaisedException(exc);
        return NULL;
    }
    PyErr_SetRaisedException(exc);
    if (version != 0 && FT_ATOMIC_LOAD_UINT_RELAXED(type->tp_version_tag) == version &&
            PyType_HasFeature(type, Py_TPFLAGS_VALID_VERSION_TAG)) {
        struct method_cache_entry *entry = &method_cache[MCACHE_HASH(version, name)];
        /* The newest pair goes first; the others move one way down (their names'
         * references with them) and the last one leaves. */
        PyObject *evicted = entry[MCACHE_WAYS - 1].name;
        memmove(&entry[1], &entry[0], (MCACHE_WAYS - 1) * sizeof(*entry));
        entry->version = version;
        entry->value = res;
        entry->name = Py_NewRef(name);
        Py_XDECREF(evicted);
    }
    return res;
}

/* Borrowed reference, or NULL without an exception set.  Free-threaded build: a value a live
 * type's dict loses is released through QSBR (type_dict_set), so the result stays valid until
 * the calling thread next reaches a quiescent state, that is until it runs Python code
 * (the eval breaker), blocks or detaches.  Callers take a reference before doing any of these
 * (allocating counts: it may collect, and finalizers run Python code), or use
 * _PyType_LookupRef. */
PyObject *
_PyType_Lookup(PyTypeObject *type, PyObject *name)
{
    PyObject *res;
    if (type_cache_probe(type, name, &res)) {
        return res;
    }
    res = type_lookup_miss(type, name);
    Py_XDECREF(res);     /* the type's dict holds another */
    return res;
}

PyObject *
_PyType_LookupRef(PyTypeObject *type, PyObject *name)
{
    PyObject *res;
    if (type_cache_probe(type, name, &res)) {
        if (res != NULL) {
            _Py_IncRefDeferred(res);    /* methods and nested classes: often deferred */
        }
        return res;
    }
    return type_lookup_miss(type, name);
}

/* New reference to the special method bound to self, or NULL (no exception if missing). */
PyObject *
_PyObject_LookupSpecial(PyObject *self, PyObject *attr)
{
    PyObject *res = _PyType_LookupRef(Py_TYPE(self), attr);
    if (res == NULL) {
        return NULL;
    }
    descrgetfunc f = Py_TYPE(res)->tp_descr_get;
    if (f != NULL) {
        /* f may run Python code (a __get__ defined in Python). */
        Py_SETREF(res, f(res, self, (PyObject *)Py_TYPE(self)));
    }
    return res;
}

int
_PyObject_LookupSpecialMethod(PyObject *self, PyObject *attr, PyObject **result)
{
    *result = _PyObject_LookupSpecial(self, attr);
    if (*result != NULL) {
        return 1;
    }
    return PyErr_Occurred() ? -1 : 0;
}

/* Call the special method `name` of self's type with args (self prepended).  *unbound...:
 * Returns NULL with no exception set when the method does not exist. */
static PyObject *
call_special(PyObject *self, PyObject *name, PyObject *const *args, Py_ssize_t nargs,
             int *missing)
{
    PyObject *func = _PyType_Lookup(Py_TYPE(self), name);
    *missing = 0;
    if (func == NULL) {
        *missing = 1;
        return NULL;
    }
    Py_INCREF(func);
    PyObject *small[_PY_FASTCALL_SMALL_STACK + 1];
    PyObject **stack = small;
    if (nargs + 1 > (Py_ssize_t)Py_ARRAY_LENGTH(small)) {
        stack = PyMem_Malloc((size_t)(nargs + 1) * sizeof(PyObject *));
        if (stack == NULL) {
            Py_DECREF(func);
            return PyErr_NoMemory();
        }
    }
    PyObject *res;
    if (PyType_HasFeature(Py_TYPE(func), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        stack[0] = self;
        for (Py_ssize_t i = 0; i < nargs; i++) {
            stack[i + 1] = args[i];
        }
        res = PyObject_Vectorcall(func, stack, (size_t)(nargs + 1), NULL);
    }
    else {
        descrgetfunc f = Py_TYPE(func)->tp_descr_get;
        if (f != NULL) {
            PyObject *bound = f(func, self, (PyObject *)Py_TYPE(self));
            Py_SETREF(func, bound);
            if (func == NULL) {
                if (stack != small) {
                    PyMem_Free(stack);
                }
                return NULL;
            }
        }
        res = PyObject_Vectorcall(func, args, (size_t)nargs, NULL);
    }
    Py_DECREF(func);
    if (stack != small) {
        PyMem_Free(stack);
    }
    return res;
}

/* Call self.name(*args); AttributeError if missing. */
static PyObject *
call_method(PyObject *self, PyObject *name, PyObject *const *args, Py_ssize_t nargs)
{
    int missing;
    PyObject *res = call_special(self, name, args, nargs, &missing);
    if (missing) {
        PyErr_SetObject(PyExc_AttributeError, name);
    }
    return res;
}

/* Call self.name(*args), NotImplemented if missing. */
static PyObject *
call_maybe(PyObject *self, PyObject *name, PyObject *const *args, Py_ssize_t nargs)
{
    int missing;
    PyObject *res = call_special(self, name, args, nargs, &missing);
    if (missing) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return res;
}

/* ---- subtype test and MRO ------------------------------------------------------------------ */

int
PyType_IsSubtype(PyTypeObject *a, PyTypeObject *b)
{
    if (a == b) {
        return 1;
    }
    PyObject *mro = FT_ATOMIC_LOAD_PTR_ACQUIRE(a->tp_mro);   /* alive: see mro_internal */
    if (mro != NULL && PyTuple_Check(mro)) {
        Py_ssize_t n = PyTuple_GET_SIZE(mro);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (PyTuple_GET_ITEM(mro, i) == (PyObject *)b) {
                return 1;
            }
        }
        return 0;
    }
    /* Not ready yet: follow tp_base. */
    do {
        if (a == b) {
            return 1;
        }
        a = a->tp_base;
    } while (a != NULL);
    return b == &PyBaseObject_Type;
}

/* C3 linearization.  to_merge: list of sequences (tuples), each the MRO of a base, plus the
 * bases tuple itself.  Returns a new list or NULL. */
static int
tail_contains(PyObject *tuple, Py_ssize_t whence, PyObject *o)
{
    Py_ssize_t n = PyTuple_GET_SIZE(tuple);
    for (Py_ssize_t j = whence + 1; j < n; j++) {
        if (PyTuple_GET_ITEM(tuple, j) == o) {
            return 1;
        }
    }
    return 0;
}

static void
set_mro_error(PyObject **to_merge, Py_ssize_t to_merge_size, Py_ssize_t *remain)
{
    /* Name the bases that could not be ordered: the heads of the remaining sequences. */
    PyObject *names = PyList_New(0);
    if (names == NULL) {
        return;
    }
    for (Py_ssize_t i = 0; i < to_merge_size; i++) {
        PyObject *seq = to_merge[i];
        if (remain[i] < PyTuple_GET_SIZE(seq)) {
            PyObject *cand = PyTuple_GET_ITEM(seq, remain[i]);
            PyObject *name = PyUnicode_FromString(_PyType_Name((PyTypeObject *)cand));
            if (name == NULL) {
                Py_DECREF(names);
                return;
            }
            int dup = PySequence_Contains(names, name);
            if (dup == 0 && PyList_Append(names, name) < 0) {
                dup = -1;
            }
            Py_DECREF(name);
            if (dup < 0) {
                Py_DECREF(names);
                return;
            }
        }
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *joined = sep ? PyUnicode_Join(sep, names) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(names);
    if (joined == NULL) {
        return;
    }
    PyErr_Format(PyExc_TypeError,
                 "Cannot create a consistent method resolution order (MRO) for bases %U",
                 joined);
    Py_DECREF(joined);
}

static int
pmerge(PyObject *acc, PyObject **to_merge, Py_ssize_t to_merge_size)
{
    Py_ssize_t *remain = PyMem_Calloc((size_t)to_merge_size + 1, sizeof(Py_ssize_t));
    if (remain == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    int res = 0;
    Py_ssize_t empty_cnt;
again:
    empty_cnt = 0;
    for (Py_ssize_t i = 0; i < to_merge_size; i++) {
        PyObject *cur = to_merge[i];
        if (remain[i] >= PyTuple_GET_SIZE(cur)) {
            empty_cnt++;
            continue;
        }
        PyObject *candidate = PyTuple_GET_ITEM(cur, remain[i]);
        int in_tail = 0;
        for (Py_ssize_t j = 0; j < to_merge_size; j++) {
            if (tail_contains(to_merge[j], remain[j], candidate)) {
                in_tail = 1;
                break;
            }
        }
        if (in_tail) {
            continue;
        }
        if (PyList_Append(acc, candidate) < 0) {
            res = -1;
            goto out;
        }
        for (Py_ssize_t j = 0; j < to_merge_size; j++) {
            PyObject *seq = to_merge[j];
            if (remain[j] < PyTuple_GET_SIZE(seq) &&
                PyTuple_GET_ITEM(seq, remain[j]) == candidate) {
                remain[j]++;
            }
        }
        goto again;
    }
    if (empty_cnt != to_merge_size) {
        set_mro_error(to_merge, to_merge_size, remain);
        res = -1;
    }
out:
    PyMem_Free(remain);
    return res;
}

/* New reference to the MRO tuple of type (C3), without calling a metaclass mro(). */
static PyObject *
mro_implementation(PyTypeObject *type)
{
    PyObject *bases = type->tp_bases;
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *base = (PyTypeObject *)PyTuple_GET_ITEM(bases, i);
        if (base->tp_mro == NULL) {
            PyErr_Format(PyExc_TypeError, "Cannot extend an incomplete type '%.100s'",
                         base->tp_name);
            return NULL;
        }
    }
    if (n == 1) {
        /* Fast path: the MRO is (type,) + base.__mro__. */
        PyObject *base_mro = ((PyTypeObject *)PyTuple_GET_ITEM(bases, 0))->tp_mro;
        Py_ssize_t k = PyTuple_GET_SIZE(base_mro);
        PyObject *result = PyTuple_New(k + 1);
        if (result == NULL) {
            return NULL;
        }
        PyTuple_SET_ITEM(result, 0, Py_NewRef(type));
        for (Py_ssize_t i = 0; i < k; i++) {
            PyTuple_SET_ITEM(result, i + 1, Py_NewRef(PyTuple_GET_ITEM(base_mro, i)));
        }
        return result;
    }
    /* Duplicate bases are an error. */
    for (Py_ssize_t i = 0; i < n; i++) {
        for (Py_ssize_t j = i + 1; j < n; j++) {
            if (PyTuple_GET_ITEM(bases, i) == PyTuple_GET_ITEM(bases, j)) {
                PyErr_Format(PyExc_TypeError, "duplicate base class %s",
                             _PyType_Name((PyTypeObject *)PyTuple_GET_ITEM(bases, i)));
                return NULL;
            }
        }
    }
    PyObject **to_merge = PyMem_Malloc((size_t)(n + 1) * sizeof(PyObject *));
    if (to_merge == NULL) {
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        to_merge[i] = ((PyTypeObject *)PyTuple_GET_ITEM(bases, i))->tp_mro;
    }
    to_merge[n] = bases;
    PyObject *result = PyList_New(1);
    if (result == NULL) {
        PyMem_Free(to_merge);
        return NULL;
    }
    PyList_SET_ITEM(result, 0, Py_NewRef(type));
    if (pmerge(result, to_merge, n + 1) < 0) {
        Py_CLEAR(result);
    }
    PyMem_Free(to_merge);
    if (result == NULL) {
        return NULL;
    }
    PyObject *tuple = PyList_AsTuple(result);
    Py_DECREF(result);
    return tuple;
}

static PyObject *
type_mro_method(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *seq = mro_implementation((PyTypeObject *)self);
    if (seq == NULL) {
        return NULL;
    }
    PyObject *list = PySequence_List(seq);
    Py_DECREF(seq);
    return list;
}

/* Compute and set type->tp_mro, calling a metaclass's mro() override if any. */
static int
mro_internal(PyTypeObject *type)
{
    PyObject *new_mro;
    int custom = !Py_IS_TYPE(type, &PyType_Type);
    if (custom) {
        PyObject *mro_meth = _PyType_Lookup(Py_TYPE(type), _Py_ID(mro));
        PyObject *default_mro = _PyType_Lookup(&PyType_Type, _Py_ID(mro));
        custom = mro_meth != NULL && mro_meth != default_mro;
    }
    if (custom) {
        PyObject *mro_result = PyObject_CallMethodNoArgs((PyObject *)type, _Py_ID(mro));
        if (mro_result == NULL) {
            return -1;
        }
        new_mro = PySequence_Tuple(mro_result);
        Py_DECREF(mro_result);
        if (new_mro == NULL) {
            return -1;
        }
        Py_ssize_t n = PyTuple_GET_SIZE(new_mro);
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *cls = PyTuple_GET_ITEM(new_mro, i);
            if (!PyType_Check(cls)) {
                PyErr_Format(PyExc_TypeError, "mro() returned a non-class ('%.500s')",
                             Py_TYPE(cls)->tp_name);
                Py_DECREF(new_mro);
                return -1;
            }
        }
    }
    else {
        new_mro = mro_implementation(type);
        if (new_mro == NULL) {
            return -1;
        }
    }
    PyObject *old_mro = type->tp_mro;
    FT_ATOMIC_STORE_PTR_RELEASE(type->tp_mro, new_mro);
    PyType_Modified(type);
    /* Other threads may be walking the old MRO (find_name_in_mro) or taking a reference to
     * it (__mro__): it stays alive until they have all passed a quiescent state. */
    _PyObject_XDecRefDelayed(old_mro);
    return 0;
}

/* ---- allocation ---------------------------------------------------------------------------- */

PyObject *
_PyType_AllocNoTrack(PyTypeObject *type, Py_ssize_t nitems)
{
    /* One extra item: a sentinel for variable-size objects, as in CPython. */
    const size_t size = _PyObject_VAR_SIZE(type, nitems + 1);
    const size_t presize = _PyType_PreHeaderSize(type);
    char *alloc = PyObject_Malloc(size + presize);
    if (alloc == NULL) {
        return PyErr_NoMemory();
    }
    memset(alloc, 0, size + presize);
    PyObject *obj = (PyObject *)(alloc + presize);
    if (type->tp_itemsize == 0) {
        _PyObject_Init(obj, type);
    }
    else {
        _PyObject_InitVar((PyVarObject *)obj, type, nitems);
    }
    if (presize) {
        _PyObject_GC_Link(obj);
    }
    return obj;
}

PyObject *
PyType_GenericAlloc(PyTypeObject *type, Py_ssize_t nitems)
{
    PyObject *obj = _PyType_AllocNoTrack(type, nitems);
    if (obj == NULL) {
        return NULL;
    }
    if (_PyType_IS_GC(type)) {
        _PyObject_GC_TRACK(obj);
    }
    return obj;
}

PyObject *
PyType_GenericNew(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return type->tp_alloc(type, 0);
}

/* ---- slot inheritance ---------------------------------------------------------------------- */

static void
inherit_special(PyTypeObject *type, PyTypeObject *base)
{
    /* GC: a type without GC whose base has it inherits GC when it adds no traverse. */
    if (!(PyType_HasFeature(type, Py_TPFLAGS_HAVE_GC)) && (PyType_HasFeature(base, Py_TPFLAGS_HAVE_GC)) &&
        (!type->tp_traverse && !type->tp_clear)) {
        type->tp_flags |= Py_TPFLAGS_HAVE_GC;
        if (type->tp_traverse == NULL) {
            type->tp_traverse = base->tp_traverse;
        }
        if (type->tp_clear == NULL) {
            type->tp_clear = base->tp_clear;
        }
    }
    if (type->tp_basicsize == 0) {
        type->tp_basicsize = base->tp_basicsize;
    }
    if (type->tp_itemsize == 0) {
        type->tp_itemsize = base->tp_itemsize;
    }
    if (type->tp_weaklistoffset == 0) {
        type->tp_weaklistoffset = base->tp_weaklistoffset;
    }
    if (type->tp_dictoffset == 0) {
        type->tp_dictoffset = base->tp_dictoffset;
    }
    /* Fast subclass flags. */
    const unsigned long subclass_flags =
        Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_LIST_SUBCLASS | Py_TPFLAGS_TUPLE_SUBCLASS |
        Py_TPFLAGS_BYTES_SUBCLASS | Py_TPFLAGS_UNICODE_SUBCLASS | Py_TPFLAGS_DICT_SUBCLASS |
        Py_TPFLAGS_BASE_EXC_SUBCLASS | Py_TPFLAGS_TYPE_SUBCLASS;
    type->tp_flags |= type_flags_of(base) & subclass_flags;
    if (PyType_HasFeature(base, _Py_TPFLAGS_MATCH_SELF)) {
        type->tp_flags |= _Py_TPFLAGS_MATCH_SELF;
    }
    const unsigned long collection_flags = Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING;
    if ((type->tp_flags & collection_flags) == 0) {
        type->tp_flags |= type_flags_of(base) & collection_flags;
    }
}

#define COPYSLOT(SLOT)                                                                        \
    if (!type->SLOT && base->SLOT) {                                                          \
        type->SLOT = base->SLOT;                                                              \
    }
#define COPYNUM(SLOT) COPYSLOT(tp_as_number->SLOT)
#define COPYSEQ(SLOT) COPYSLOT(tp_as_sequence->SLOT)
#define COPYMAP(SLOT) COPYSLOT(tp_as_mapping->SLOT)
#define COPYASYNC(SLOT) COPYSLOT(tp_as_async->SLOT)
#define COPYBUF(SLOT) COPYSLOT(tp_as_buffer->SLOT)

static int
overrides_hash(PyTypeObject *type)
{
    PyObject *dict = type->tp_dict;
    int r = PyDict_Contains(dict, _Py_ID(__eq__));
    if (r == 0) {
        r = PyDict_Contains(dict, _Py_ID(__hash__));
    }
    return r;
}

static int
inherit_slots(PyTypeObject *type, PyTypeObject *base)
{
    if (type->tp_as_number != NULL && base->tp_as_number != NULL) {
        COPYNUM(nb_add);
        COPYNUM(nb_subtract);
        COPYNUM(nb_multiply);
        COPYNUM(nb_remainder);
        COPYNUM(nb_divmod);
        COPYNUM(nb_power);
        COPYNUM(nb_negative);
        COPYNUM(nb_positive);
        COPYNUM(nb_absolute);
        COPYNUM(nb_bool);
        COPYNUM(nb_invert);
        COPYNUM(nb_lshift);
        COPYNUM(nb_rshift);
        COPYNUM(nb_and);
        COPYNUM(nb_xor);
        COPYNUM(nb_or);
        COPYNUM(nb_int);
        COPYNUM(nb_float);
        COPYNUM(nb_inplace_add);
        COPYNUM(nb_inplace_subtract);
        COPYNUM(nb_inplace_multiply);
        COPYNUM(nb_inplace_remainder);
        COPYNUM(nb_inplace_power);
        COPYNUM(nb_inplace_lshift);
        COPYNUM(nb_inplace_rshift);
        COPYNUM(nb_inplace_and);
        COPYNUM(nb_inplace_xor);
        COPYNUM(nb_inplace_or);
        COPYNUM(nb_true_divide);
        COPYNUM(nb_floor_divide);
        COPYNUM(nb_inplace_true_divide);
        COPYNUM(nb_inplace_floor_divide);
        COPYNUM(nb_index);
        COPYNUM(nb_matrix_multiply);
        COPYNUM(nb_inplace_matrix_multiply);
    }
    if (type->tp_as_async != NULL && base->tp_as_async != NULL) {
        COPYASYNC(am_await);
        COPYASYNC(am_aiter);
        COPYASYNC(am_anext);
        COPYASYNC(am_send);
    }
    if (type->tp_as_sequence != NULL && base->tp_as_sequence != NULL) {
        COPYSEQ(sq_length);
        COPYSEQ(sq_concat);
        COPYSEQ(sq_repeat);
        COPYSEQ(sq_item);
        COPYSEQ(sq_ass_item);
        COPYSEQ(sq_contains);
        COPYSEQ(sq_inplace_concat);
        COPYSEQ(sq_inplace_repeat);
    }
    if (type->tp_as_mapping != NULL && base->tp_as_mapping != NULL) {
        COPYMAP(mp_length);
        COPYMAP(mp_subscript);
        COPYMAP(mp_ass_subscript);
    }
    if (type->tp_as_buffer != NULL && base->tp_as_buffer != NULL) {
        COPYBUF(bf_getbuffer);
        COPYBUF(bf_releasebuffer);
    }

    COPYSLOT(tp_dealloc);
    if (type->tp_getattr == NULL && type->tp_getattro == NULL) {
        type->tp_getattr = base->tp_getattr;
        type->tp_getattro = base->tp_getattro;
    }
    if (type->tp_setattr == NULL && type->tp_setattro == NULL) {
        type->tp_setattr = base->tp_setattr;
        type->tp_setattro = base->tp_setattro;
    }
    COPYSLOT(tp_repr);
    COPYSLOT(tp_call);
    COPYSLOT(tp_str);
    if (type->tp_call == base->tp_call && !(PyType_HasFeature(type, Py_TPFLAGS_HAVE_VECTORCALL)) &&
        (PyType_HasFeature(base, Py_TPFLAGS_HAVE_VECTORCALL))) {
        if (type->tp_vectorcall_offset == 0) {
            type->tp_vectorcall_offset = base->tp_vectorcall_offset;
        }
        type->tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL;
    }
    if (type->tp_richcompare == NULL && type->tp_hash == NULL) {
        int r = overrides_hash(type);
        if (r < 0) {
            return -1;
        }
        if (!r) {
            type->tp_richcompare = base->tp_richcompare;
            type->tp_hash = base->tp_hash;
        }
    }
    COPYSLOT(tp_iter);
    COPYSLOT(tp_iternext);
    COPYSLOT(tp_descr_get);
    if (base->tp_descr_get && type->tp_descr_get == base->tp_descr_get &&
        (PyType_HasFeature(base, Py_TPFLAGS_METHOD_DESCRIPTOR)) &&
        !(PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE))) {
        type->tp_flags |= Py_TPFLAGS_METHOD_DESCRIPTOR;
    }
    COPYSLOT(tp_descr_set);
    COPYSLOT(tp_dictoffset);
    COPYSLOT(tp_init);
    COPYSLOT(tp_alloc);
    COPYSLOT(tp_is_gc);
    COPYSLOT(tp_finalize);
    if ((PyType_HasFeature(type, Py_TPFLAGS_HAVE_GC)) == (PyType_HasFeature(base, Py_TPFLAGS_HAVE_GC))) {
        COPYSLOT(tp_free);
    }
    else if ((PyType_HasFeature(type, Py_TPFLAGS_HAVE_GC)) && type->tp_free == NULL &&
             base->tp_free == PyObject_Free) {
        type->tp_free = PyObject_GC_Del;
    }
    return 0;
}

/* ---- building the type dict ---------------------------------------------------------------- */

/* dict.setdefault(key, value) ignoring the result; 0 or -1. */
static int
dict_setdefault(PyObject *dict, PyObject *key, PyObject *value)
{
    PyObject *result = NULL;
    int rc = PyDict_SetDefaultRef(dict, key, value, &result);
    Py_XDECREF(result);
    return rc < 0 ? -1 : 0;
}


static int
add_methods(PyTypeObject *type, PyMethodDef *meth)
{
    PyObject *dict = type->tp_dict;
    for (; meth->ml_name != NULL; meth++) {
        PyObject *name = PyUnicode_InternFromString(meth->ml_name);
        if (name == NULL) {
            return -1;
        }
        if (!(meth->ml_flags & METH_COEXIST)) {
            int r = PyDict_Contains(dict, name);
            if (r != 0) {
                Py_DECREF(name);
                if (r < 0) {
                    return -1;
                }
                continue;
            }
        }
        PyObject *descr;
        if (meth->ml_flags & METH_CLASS) {
            if (meth->ml_flags & METH_STATIC) {
                Py_DECREF(name);
                PyErr_SetString(PyExc_ValueError,
                                "method cannot be both class and static");
                return -1;
            }
            descr = PyDescr_NewClassMethod(type, meth);
        }
        else if (meth->ml_flags & METH_STATIC) {
            PyObject *cfunc = PyCFunction_NewEx(meth, (PyObject *)type, NULL);
            if (cfunc == NULL) {
                Py_DECREF(name);
                return -1;
            }
            descr = PyStaticMethod_New(cfunc);
            Py_DECREF(cfunc);
        }
        else {
            descr = PyDescr_NewMethod(type, meth);
        }
        if (descr == NULL) {
            Py_DECREF(name);
            return -1;
        }
        int err = PyDict_SetItem(dict, name, descr);
        Py_DECREF(descr);
        Py_DECREF(name);
        if (err < 0) {
            return -1;
        }
    }
    return 0;
}

static int
add_members(PyTypeObject *type, PyMemberDef *memb)
{
    PyObject *dict = type->tp_dict;
    for (; memb->name != NULL; memb++) {
        PyObject *descr = PyDescr_NewMember(type, memb);
        if (descr == NULL) {
            return -1;
        }
        int r = dict_setdefault(dict, PyDescr_NAME(descr), descr);
        Py_DECREF(descr);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

static int
add_getset(PyTypeObject *type, PyGetSetDef *gsp)
{
    PyObject *dict = type->tp_dict;
    for (; gsp->name != NULL; gsp++) {
        PyObject *descr = PyDescr_NewGetSet(type, gsp);
        if (descr == NULL) {
            return -1;
        }
        int r = dict_setdefault(dict, PyDescr_NAME(descr), descr);
        Py_DECREF(descr);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

/* Documentation strings of C functions may begin with a signature line
 * "name(sig)\n--\n\n"; __doc__ is the rest and __text_signature__ is "(sig)". */
static const char *
find_signature(const char *name, const char *doc)
{
    if (name == NULL || doc == NULL) {
        return NULL;
    }
    const char *dot = strrchr(name, '.');
    if (dot) {
        name = dot + 1;
    }
    size_t len = strlen(name);
    if (strncmp(doc, name, len) != 0) {
        return NULL;
    }
    doc += len;
    if (*doc != '(') {
        return NULL;
    }
    return doc;
}

#define SIGNATURE_END_MARKER ")\n--\n\n"
#define SIGNATURE_END_MARKER_LENGTH 6

static const char *
skip_signature(const char *doc)
{
    while (*doc) {
        if (*doc == ')' && strncmp(doc, SIGNATURE_END_MARKER, SIGNATURE_END_MARKER_LENGTH) == 0) {
            return doc + SIGNATURE_END_MARKER_LENGTH;
        }
        if (*doc == '\n' && doc[1] == '\n') {
            return NULL;
        }
        doc++;
    }
    return NULL;
}

PyObject *
_PyType_GetDocFromInternalDoc(const char *name, const char *doc)
{
    if (doc == NULL) {
        Py_RETURN_NONE;
    }
    const char *sig = find_signature(name, doc);
    if (sig != NULL) {
        const char *end = skip_signature(sig);
        if (end != NULL) {
            return PyUnicode_FromString(end);
        }
    }
    return PyUnicode_FromString(doc);
}

PyObject *
_PyType_GetTextSignatureFromInternalDoc(const char *name, const char *doc)
{
    const char *start = find_signature(name, doc);
    if (start == NULL) {
        Py_RETURN_NONE;
    }
    const char *end = skip_signature(start);
    if (end == NULL) {
        Py_RETURN_NONE;
    }
    /* Keep "(...)" without the trailing "\n--\n\n". */
    return PyUnicode_FromStringAndSize(start, end - start - (SIGNATURE_END_MARKER_LENGTH - 1));
}

static int add_operators(PyTypeObject *type);

static int
type_ready_set_hash(PyTypeObject *type)
{
    if (type->tp_hash != NULL) {
        return 0;
    }
    int r = PyDict_Contains(type->tp_dict, _Py_ID(__hash__));
    if (r != 0) {
        return r < 0 ? -1 : 0;
    }
    if (PyDict_SetItem(type->tp_dict, _Py_ID(__hash__), Py_None) < 0) {
        return -1;
    }
    type->tp_hash = PyObject_HashNotImplemented;
    return 0;
}

int
PyType_Ready(PyTypeObject *type)
{
    if (PyType_HasFeature(type, Py_TPFLAGS_READY)) {
        return 0;
    }
    if (PyType_HasFeature(type, Py_TPFLAGS_READYING)) {
        return 0; /* recursive call from a base's readying: harmless */
    }
    type->tp_flags |= Py_TPFLAGS_READYING;
    if (!(PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE))) {
        type->tp_flags |= Py_TPFLAGS_IMMUTABLETYPE;
        /* Static types are immortal; make sure their header says so. */
        _Py_SetImmortal((PyObject *)type);
    }

    PyTypeObject *base = type->tp_base;
    if (base == NULL && type != &PyBaseObject_Type) {
        base = &PyBaseObject_Type;
        if (PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE)) {
            type->tp_base = (PyTypeObject *)Py_NewRef(base);
        }
        else {
            type->tp_base = base;
        }
    }
    if (base != NULL && !(PyType_HasFeature(base, Py_TPFLAGS_READY))) {
        if (PyType_Ready(base) < 0) {
            goto error;
        }
    }
    if (Py_TYPE(type) == NULL && base != NULL) {
        Py_SET_TYPE(type, Py_TYPE(base));
    }
    if (type->tp_bases == NULL) {
        type->tp_bases = base == NULL ? PyTuple_New(0) : PyTuple_Pack(1, base);
        if (type->tp_bases == NULL) {
            goto error;
        }
    }
    /* Ready every base (multiple inheritance of static types is rare but allowed). */
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(type->tp_bases); i++) {
        PyTypeObject *b = (PyTypeObject *)PyTuple_GET_ITEM(type->tp_bases, i);
        if (!(PyType_HasFeature(b, Py_TPFLAGS_READY)) && PyType_Ready(b) < 0) {
            goto error;
        }
    }
    if (type->tp_dict == NULL) {
        type->tp_dict = PyDict_New();
        if (type->tp_dict == NULL) {
            goto error;
        }
    }
    /* Fill the dict: slot wrappers, then methods, members, getsets. */
    if (add_operators(type) < 0) {
        goto error;
    }
    if (type->tp_methods != NULL && add_methods(type, type->tp_methods) < 0) {
        goto error;
    }
    if (type->tp_members != NULL && add_members(type, type->tp_members) < 0) {
        goto error;
    }
    if (type->tp_getset != NULL && add_getset(type, type->tp_getset) < 0) {
        goto error;
    }
    if (mro_internal(type) < 0) {
        goto error;
    }
    /* Structures of slots: static types without a table share their base's. */
    if (base != NULL) {
        if (type->tp_as_async == NULL) {
            type->tp_as_async = base->tp_as_async;
        }
        if (type->tp_as_number == NULL) {
            type->tp_as_number = base->tp_as_number;
        }
        if (type->tp_as_sequence == NULL) {
            type->tp_as_sequence = base->tp_as_sequence;
        }
        if (type->tp_as_mapping == NULL) {
            type->tp_as_mapping = base->tp_as_mapping;
        }
        if (type->tp_as_buffer == NULL) {
            type->tp_as_buffer = base->tp_as_buffer;
        }
        inherit_special(type, base);
        if (type->tp_new == NULL && !(PyType_HasFeature(type, Py_TPFLAGS_DISALLOW_INSTANTIATION)) &&
            (PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE))) {
            type->tp_new = base->tp_new;
        }
        else if (type->tp_new == NULL && base != &PyBaseObject_Type &&
                 !(PyType_HasFeature(type, Py_TPFLAGS_DISALLOW_INSTANTIATION))) {
            type->tp_new = base->tp_new;
        }
    }
    PyObject *mro = type->tp_mro;
    for (Py_ssize_t i = 1; i < PyTuple_GET_SIZE(mro); i++) {
        PyTypeObject *b = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        if (PyType_Check(b) && inherit_slots(type, b) < 0) {
            goto error;
        }
    }
    if (type_ready_set_hash(type) < 0) {
        goto error;
    }
    if (type->tp_doc != NULL) {
        int r = PyDict_Contains(type->tp_dict, _Py_ID(__doc__));
        if (r < 0) {
            goto error;
        }
        if (r == 0) {
            PyObject *doc = _PyType_GetDocFromInternalDoc(type->tp_name, type->tp_doc);
            if (doc == NULL || PyDict_SetItem(type->tp_dict, _Py_ID(__doc__), doc) < 0) {
                Py_XDECREF(doc);
                goto error;
            }
            Py_DECREF(doc);
        }
    }
    else if (!(PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE))) {
        if (dict_setdefault(type->tp_dict, _Py_ID(__doc__), Py_None) < 0) {
            goto error;
        }
    }
    /* Static types keep __module__ out of their dict: type.__module__ derives it from
     * tp_name (as CPython). */
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(type->tp_bases); i++) {
        PyObject *b = PyTuple_GET_ITEM(type->tp_bases, i);
        if (PyType_Check(b) && add_subclass((PyTypeObject *)b, type) < 0) {
            goto error;
        }
    }
    type_set_flags(type, Py_TPFLAGS_READY, Py_TPFLAGS_READYING);
    return 0;

error:
    type_set_flags(type, 0, Py_TPFLAGS_READYING);
    return -1;
}

/* Ready every type registered with _Py_REGISTER_STATIC_TYPE (object and type first). */
extern PyTypeObject *const __start_braid_static_types[] __attribute__((weak));
extern PyTypeObject *const __stop_braid_static_types[] __attribute__((weak));

int
_PyTypes_InitTypes(void)
{
    if (PyType_Ready(&PyBaseObject_Type) < 0 || PyType_Ready(&PyType_Type) < 0) {
        return -1;
    }
    const PyTypeObject *const *p = (const PyTypeObject *const *)__start_braid_static_types;
    const PyTypeObject *const *end = (const PyTypeObject *const *)__stop_braid_static_types;
    for (; p < end; p++) {
        if (*p != NULL && PyType_Ready((PyTypeObject *)*p) < 0) {
            return -1;
        }
    }
    return 0;
}

/* ---- subclass registry (weak references in a dict keyed by the subclass address) ----------- */

static int
add_subclass(PyTypeObject *base, PyTypeObject *type)
{
    PyObject *key = PyLong_FromVoidPtr((void *)type);
    if (key == NULL) {
        return -1;
    }
    PyObject *ref = PyWeakref_NewRef((PyObject *)type, NULL);
    if (ref == NULL) {
        Py_DECREF(key);
        /* Types without weakref support cannot be registered; not fatal. */
        PyErr_Clear();
        return 0;
    }
    /* Two threads may define subclasses of one base at once: the dict is created once, under
     * type_lock, and read with acquire by everybody else (its own lock protects its items). */
    PyObject *subclasses = FT_ATOMIC_LOAD_PTR_ACQUIRE(base->tp_subclasses);
    if (subclasses == NULL) {
        PyObject *fresh = PyDict_New();
        if (fresh == NULL) {
            Py_DECREF(key);
            Py_DECREF(ref);
            return -1;
        }
        TYPE_LOCK();
        subclasses = base->tp_subclasses;
        if (subclasses == NULL) {
            FT_ATOMIC_STORE_PTR_RELEASE(base->tp_subclasses, fresh);
            subclasses = fresh;
            fresh = NULL;
        }
        TYPE_UNLOCK();
        Py_XDECREF(fresh);
    }
    int res = PyDict_SetItem(subclasses, key, ref);
    Py_DECREF(ref);
    Py_DECREF(key);
    return res;
}

static void
remove_subclass(PyTypeObject *base, PyTypeObject *type)
{
    PyObject *subclasses = (PyObject *)base->tp_subclasses;
    if (subclasses == NULL) {
        return;
    }
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *key = PyLong_FromVoidPtr((void *)type);
    if (key == NULL || PyDict_DelItem(subclasses, key) < 0) {
        PyErr_Clear();
    }
    Py_XDECREF(key);
    PyErr_SetRaisedException(exc);
}

PyObject *
_PyType_GetSubclasses(PyTypeObject *self)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    PyObject *subclasses = (PyObject *)self->tp_subclasses;
    if (subclasses == NULL) {
        return list;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *ref;
    while (PyDict_Next(subclasses, &pos, &key, &ref)) {
        PyObject *obj;
        if (PyWeakref_GetRef(ref, &obj) > 0) {
            if (PyList_Append(list, obj) < 0) {
                Py_DECREF(obj);
                Py_DECREF(list);
                return NULL;
            }
            Py_DECREF(obj);
        }
    }
    return list;
}

static PyObject *
type_subclasses(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyType_GetSubclasses((PyTypeObject *)self);
}

/* ==== slot wrappers: C slots exposed as Python methods ====================================== */

static int
check_num_args(PyObject *ob, int n)
{
    if (!PyTuple_CheckExact(ob)) {
        PyErr_SetString(PyExc_SystemError,
                        "PyArg_UnpackTuple() argument list is not a tuple");
        return 0;
    }
    if (n == PyTuple_GET_SIZE(ob)) {
        return 1;
    }
    PyErr_Format(PyExc_TypeError, "expected %d argument%s, got %zd", n, n == 1 ? "" : "s",
                 PyTuple_GET_SIZE(ob));
    return 0;
}

static PyObject *
wrap_lenfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) {
        return NULL;
    }
    Py_ssize_t res = ((lenfunc)wrapped)(self);
    if (res == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromSsize_t(res);
}

static PyObject *
wrap_inquirypred(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) {
        return NULL;
    }
    int res = ((inquiry)wrapped)(self);
    if (res == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(res);
}

static PyObject *
wrap_binaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    return ((binaryfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0));
}

static PyObject *
wrap_binaryfunc_l(PyObject *self, PyObject *args, void *wrapped)
{
    return wrap_binaryfunc(self, args, wrapped);
}

static PyObject *
wrap_binaryfunc_r(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    return ((binaryfunc)wrapped)(PyTuple_GET_ITEM(args, 0), self);
}

static PyObject *
wrap_ternaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *other, *third = Py_None;
    if (!PyArg_UnpackTuple(args, "", 1, 2, &other, &third)) {
        return NULL;
    }
    return ((ternaryfunc)wrapped)(self, other, third);
}

static PyObject *
wrap_ternaryfunc_r(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *other, *third = Py_None;
    if (!PyArg_UnpackTuple(args, "", 1, 2, &other, &third)) {
        return NULL;
    }
    return ((ternaryfunc)wrapped)(other, self, third);
}

static PyObject *
wrap_unaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) {
        return NULL;
    }
    return ((unaryfunc)wrapped)(self);
}

static PyObject *
wrap_indexargfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    PyObject *o = PyTuple_GET_ITEM(args, 0);
    Py_ssize_t i = PyNumber_AsSsize_t(o, PyExc_OverflowError);
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return ((ssizeargfunc)wrapped)(self, i);
}

/* Index for sq_item-style wrappers: negative indices count from the end. */
static Py_ssize_t
getindex(PyObject *self, PyObject *arg)
{
    Py_ssize_t i = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (i == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (i < 0) {
        PySequenceMethods *sq = Py_TYPE(self)->tp_as_sequence;
        if (sq && sq->sq_length) {
            Py_ssize_t n = sq->sq_length(self);
            if (n < 0) {
                return -1;
            }
            i += n;
        }
    }
    return i;
}

static PyObject *
wrap_sq_item(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    Py_ssize_t i = getindex(self, PyTuple_GET_ITEM(args, 0));
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return ((ssizeargfunc)wrapped)(self, i);
}

static PyObject *
wrap_sq_setitem(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *arg, *value;
    if (!PyArg_UnpackTuple(args, "", 2, 2, &arg, &value)) {
        return NULL;
    }
    Py_ssize_t i = getindex(self, arg);
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (((ssizeobjargproc)wrapped)(self, i, value) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
wrap_sq_delitem(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    Py_ssize_t i = getindex(self, PyTuple_GET_ITEM(args, 0));
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (((ssizeobjargproc)wrapped)(self, i, NULL) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
wrap_objobjproc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    int res = ((objobjproc)wrapped)(self, PyTuple_GET_ITEM(args, 0));
    if (res == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(res);
}

static PyObject *
wrap_objobjargproc(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *key, *value;
    if (!PyArg_UnpackTuple(args, "", 2, 2, &key, &value)) {
        return NULL;
    }
    if (((objobjargproc)wrapped)(self, key, value) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
wrap_delitem(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    if (((objobjargproc)wrapped)(self, PyTuple_GET_ITEM(args, 0), NULL) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Refuse object.__setattr__(int_instance, ...) style calls that would bypass a C type's own
 * setattr (CPython's "hackcheck"). */
static int
hackcheck(PyObject *self, setattrofunc func, const char *what)
{
    PyTypeObject *type = Py_TYPE(self);
    if (PyType_Check(self) && func == PyObject_GenericSetAttr) {
        /* object.__setattr__(cls, ...) would bypass type.__setattr__ and with it the method
         * cache invalidation and slot updates. */
        PyErr_Format(PyExc_TypeError, "can't apply this %s to type object", what);
        return 0;
    }
    PyObject *mro = type->tp_mro;
    if (mro == NULL) {
        return 1;
    }
    /* Find the most derived static base: its setattro must be func. */
    PyTypeObject *defining = NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(mro); i++) {
        PyTypeObject *b = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        if (!(PyType_HasFeature(b, Py_TPFLAGS_HEAPTYPE))) {
            defining = b;
            break;
        }
    }
    if (defining != NULL && defining->tp_setattro != func &&
        defining->tp_setattro != NULL && func == PyObject_GenericSetAttr &&
        defining != &PyBaseObject_Type && !PyType_IsSubtype(defining, &PyType_Type)) {
        PyErr_Format(PyExc_TypeError, "can't apply this %s to %s object", what,
                     defining->tp_name);
        return 0;
    }
    return 1;
}

static PyObject *
wrap_setattr(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *name, *value;
    if (!PyArg_UnpackTuple(args, "", 2, 2, &name, &value)) {
        return NULL;
    }
    if (!hackcheck(self, (setattrofunc)wrapped, "__setattr__")) {
        return NULL;
    }
    if (((setattrofunc)wrapped)(self, name, value) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
wrap_delattr(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    if (!hackcheck(self, (setattrofunc)wrapped, "__delattr__")) {
        return NULL;
    }
    if (((setattrofunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), NULL) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
wrap_hashfunc(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) {
        return NULL;
    }
    Py_hash_t res = ((hashfunc)wrapped)(self);
    if (res == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromSsize_t(res);
}

static PyObject *
wrap_call(PyObject *self, PyObject *args, void *wrapped, PyObject *kwds)
{
    return ((ternaryfunc)wrapped)(self, args, kwds);
}

static PyObject *
wrap_del(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) {
        return NULL;
    }
    ((destructor)wrapped)(self);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
wrap_richcmpfunc(PyObject *self, PyObject *args, void *wrapped, int op)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    return ((richcmpfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), op);
}

#define RICHCMP_WRAPPER(NAME, OP)                                                             \
    static PyObject *richcmp_##NAME(PyObject *self, PyObject *args, void *wrapped)            \
    {                                                                                         \
        return wrap_richcmpfunc(self, args, wrapped, OP);                                     \
    }

RICHCMP_WRAPPER(lt, Py_LT)
RICHCMP_WRAPPER(le, Py_LE)
RICHCMP_WRAPPER(eq, Py_EQ)
RICHCMP_WRAPPER(ne, Py_NE)
RICHCMP_WRAPPER(gt, Py_GT)
RICHCMP_WRAPPER(ge, Py_GE)

static PyObject *
wrap_next(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 0)) {
        return NULL;
    }
    PyObject *res = ((unaryfunc)wrapped)(self);
    if (res == NULL && !PyErr_Occurred()) {
        PyErr_SetNone(PyExc_StopIteration);
    }
    return res;
}

static PyObject *
wrap_descr_get(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *obj, *type = NULL;
    if (!PyArg_UnpackTuple(args, "", 1, 2, &obj, &type)) {
        return NULL;
    }
    if (obj == Py_None) {
        obj = NULL;
    }
    if (type == Py_None) {
        type = NULL;
    }
    if (type == NULL && obj == NULL) {
        PyErr_SetString(PyExc_TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    return ((descrgetfunc)wrapped)(self, obj, type);
}

static PyObject *
wrap_descr_set(PyObject *self, PyObject *args, void *wrapped)
{
    PyObject *obj, *value;
    if (!PyArg_UnpackTuple(args, "", 2, 2, &obj, &value)) {
        return NULL;
    }
    if (((descrsetfunc)wrapped)(self, obj, value) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
wrap_descr_delete(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    if (((descrsetfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0), NULL) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
wrap_init(PyObject *self, PyObject *args, void *wrapped, PyObject *kwds)
{
    if (((initproc)wrapped)(self, args, kwds) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
wrap_buffer(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    Py_ssize_t flags = PyNumber_AsSsize_t(PyTuple_GET_ITEM(args, 0), PyExc_OverflowError);
    if (flags == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (flags > INT_MAX || flags < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "buffer flags out of range");
        return NULL;
    }
    return PyMemoryView_FromObject(self);
}

static PyObject *
wrap_releasebuffer(PyObject *self, PyObject *args, void *wrapped)
{
    if (!check_num_args(args, 1)) {
        return NULL;
    }
    PyObject *arg = PyTuple_GET_ITEM(args, 0);
    if (!PyMemoryView_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "expected a memoryview object");
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ==== slot functions: Python special methods called from C slots ============================ */

#define SLOT0(FUNCNAME, DUNDER)                                                               \
    static PyObject *FUNCNAME(PyObject *self)                                                 \
    {                                                                                         \
        return call_method(self, _Py_ID(DUNDER), NULL, 0);                                    \
    }

#define SLOT1(FUNCNAME, DUNDER)                                                               \
    static PyObject *FUNCNAME(PyObject *self, PyObject *arg)                                  \
    {                                                                                         \
        PyObject *stack[1] = {arg};                                                           \
        return call_maybe(self, _Py_ID(DUNDER), stack, 1);                                    \
    }

/* 1 if type(right) overrides the reflected method of type(left) (so it must be tried first). */
static int
method_is_overloaded(PyObject *left, PyObject *right, PyObject *name)
{
    PyObject *a = _PyType_Lookup(Py_TYPE(right), name);
    if (a == NULL) {
        return 0;
    }
    PyObject *b = _PyType_Lookup(Py_TYPE(left), name);
    return a != b;
}

#define SLOT1BINFULL(FUNCNAME, TESTFUNC, SLOTNAME, DUNDER, RDUNDER)                           \
    static PyObject *FUNCNAME(PyObject *self, PyObject *other)                                \
    {                                                                                         \
        PyTypeObject *tself = Py_TYPE(self), *tother = Py_TYPE(other);                        \
        PyObject *r;                                                                          \
        int do_other = tself != tother && tother->tp_as_number != NULL &&                     \
                       tother->tp_as_number->SLOTNAME == TESTFUNC;                            \
        if (tself->tp_as_number != NULL && tself->tp_as_number->SLOTNAME == TESTFUNC) {       \
            if (do_other && PyType_IsSubtype(tother, tself) &&                                \
                method_is_overloaded(self, other, _Py_ID(RDUNDER))) {                         \
                PyObject *rstack[1] = {self};                                                 \
                r = call_maybe(other, _Py_ID(RDUNDER), rstack, 1);                            \
                if (r != Py_NotImplemented) {                                                 \
                    return r;                                                                 \
                }                                                                             \
                Py_DECREF(r);                                                                 \
                do_other = 0;                                                                 \
            }                                                                                 \
            PyObject *stack[1] = {other};                                                     \
            r = call_maybe(self, _Py_ID(DUNDER), stack, 1);                                   \
            if (r != Py_NotImplemented || tother == tself) {                                  \
                return r;                                                                     \
            }                                                                                 \
            Py_DECREF(r);                                                                     \
        }                                                                                     \
        if (do_other) {                                                                       \
            PyObject *rstack[1] = {self};                                                     \
            return call_maybe(other, _Py_ID(RDUNDER), rstack, 1);                             \
        }                                                                                     \
        Py_RETURN_NOTIMPLEMENTED;                                                             \
    }

#define SLOT1BIN(FUNCNAME, SLOTNAME, DUNDER, RDUNDER)                                         \
    SLOT1BINFULL(FUNCNAME, FUNCNAME, SLOTNAME, DUNDER, RDUNDER)

static PyObject *slot_nb_add(PyObject *, PyObject *);
SLOT1BIN(slot_nb_add, nb_add, __add__, __radd__)
static PyObject *slot_nb_subtract(PyObject *, PyObject *);
SLOT1BIN(slot_nb_subtract, nb_subtract, __sub__, __rsub__)
static PyObject *slot_nb_multiply(PyObject *, PyObject *);
SLOT1BIN(slot_nb_multiply, nb_multiply, __mul__, __rmul__)
static PyObject *slot_nb_matrix_multiply(PyObject *, PyObject *);
SLOT1BIN(slot_nb_matrix_multiply, nb_matrix_multiply, __matmul__, __rmatmul__)
static PyObject *slot_nb_remainder(PyObject *, PyObject *);
SLOT1BIN(slot_nb_remainder, nb_remainder, __mod__, __rmod__)
static PyObject *slot_nb_divmod(PyObject *, PyObject *);
SLOT1BIN(slot_nb_divmod, nb_divmod, __divmod__, __rdivmod__)
static PyObject *slot_nb_lshift(PyObject *, PyObject *);
SLOT1BIN(slot_nb_lshift, nb_lshift, __lshift__, __rlshift__)
static PyObject *slot_nb_rshift(PyObject *, PyObject *);
SLOT1BIN(slot_nb_rshift, nb_rshift, __rshift__, __rrshift__)
static PyObject *slot_nb_and(PyObject *, PyObject *);
SLOT1BIN(slot_nb_and, nb_and, __and__, __rand__)
static PyObject *slot_nb_xor(PyObject *, PyObject *);
SLOT1BIN(slot_nb_xor, nb_xor, __xor__, __rxor__)
static PyObject *slot_nb_or(PyObject *, PyObject *);
SLOT1BIN(slot_nb_or, nb_or, __or__, __ror__)
static PyObject *slot_nb_floor_divide(PyObject *, PyObject *);
SLOT1BIN(slot_nb_floor_divide, nb_floor_divide, __floordiv__, __rfloordiv__)
static PyObject *slot_nb_true_divide(PyObject *, PyObject *);
SLOT1BIN(slot_nb_true_divide, nb_true_divide, __truediv__, __rtruediv__)

static PyObject *slot_nb_power(PyObject *, PyObject *, PyObject *);
static PyObject *slot_nb_power_binary(PyObject *, PyObject *);
SLOT1BINFULL(slot_nb_power_binary, slot_nb_power, nb_power, __pow__, __rpow__)

static PyObject *
slot_nb_power(PyObject *self, PyObject *other, PyObject *modulus)
{
    if (modulus == Py_None) {
        return slot_nb_power_binary(self, other);
    }
    /* Three-argument pow(): no reflected form. */
    if (Py_TYPE(self)->tp_as_number != NULL &&
        Py_TYPE(self)->tp_as_number->nb_power == slot_nb_power) {
        PyObject *stack[2] = {other, modulus};
        return call_maybe(self, _Py_ID(__pow__), stack, 2);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

SLOT0(slot_nb_negative, __neg__)
SLOT0(slot_nb_positive, __pos__)
SLOT0(slot_nb_absolute, __abs__)
SLOT0(slot_nb_invert, __invert__)
SLOT0(slot_nb_int, __int__)
SLOT0(slot_nb_float, __float__)
SLOT0(slot_nb_index, __index__)
SLOT1(slot_nb_inplace_add, __iadd__)
SLOT1(slot_nb_inplace_subtract, __isub__)
SLOT1(slot_nb_inplace_multiply, __imul__)
SLOT1(slot_nb_inplace_matrix_multiply, __imatmul__)
SLOT1(slot_nb_inplace_remainder, __imod__)
SLOT1(slot_nb_inplace_lshift, __ilshift__)
SLOT1(slot_nb_inplace_rshift, __irshift__)
SLOT1(slot_nb_inplace_and, __iand__)
SLOT1(slot_nb_inplace_xor, __ixor__)
SLOT1(slot_nb_inplace_or, __ior__)
SLOT1(slot_nb_inplace_floor_divide, __ifloordiv__)
SLOT1(slot_nb_inplace_true_divide, __itruediv__)

static PyObject *
slot_nb_inplace_power(PyObject *self, PyObject *arg1, PyObject *arg2)
{
    PyObject *stack[1] = {arg1};
    return call_maybe(self, _Py_ID(__ipow__), stack, 1);
}

static int
slot_nb_bool(PyObject *self)
{
    int missing;
    PyObject *value = call_special(self, _Py_ID(__bool__), NULL, 0, &missing);
    if (missing) {
        value = call_special(self, _Py_ID(__len__), NULL, 0, &missing);
        if (missing) {
            return 1;
        }
        if (value == NULL) {
            return -1;
        }
        Py_ssize_t len = PyNumber_AsSsize_t(value, PyExc_OverflowError);
        if (len == -1 && PyErr_Occurred()) {
            if (!PyIndex_Check(value)) {
                PyErr_Format(PyExc_TypeError,
                             "'%.200s' object cannot be interpreted as an integer",
                             Py_TYPE(value)->tp_name);
            }
            Py_DECREF(value);
            return -1;
        }
        Py_DECREF(value);
        if (len < 0) {
            PyErr_SetString(PyExc_ValueError, "__len__() should return >= 0");
            return -1;
        }
        return len > 0;
    }
    if (value == NULL) {
        return -1;
    }
    if (!PyBool_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__bool__ should return bool, returned %.200s",
                     Py_TYPE(value)->tp_name);
        Py_DECREF(value);
        return -1;
    }
    int result = value == Py_True;
    Py_DECREF(value);
    return result;
}

static Py_ssize_t
slot_sq_length(PyObject *self)
{
    PyObject *res = call_method(self, _Py_ID(__len__), NULL, 0);
    if (res == NULL) {
        return -1;
    }
    Py_SETREF(res, PyNumber_Index(res));
    if (res == NULL) {
        return -1;
    }
    if (_PyLong_Sign(res) < 0) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    Py_ssize_t len = PyNumber_AsSsize_t(res, PyExc_OverflowError);
    Py_DECREF(res);
    return len;
}

static PyObject *
slot_sq_item(PyObject *self, Py_ssize_t i)
{
    PyObject *ival = PyLong_FromSsize_t(i);
    if (ival == NULL) {
        return NULL;
    }
    PyObject *stack[1] = {ival};
    PyObject *res = call_method(self, _Py_ID(__getitem__), stack, 1);
    Py_DECREF(ival);
    return res;
}

static int
slot_sq_ass_item(PyObject *self, Py_ssize_t index, PyObject *value)
{
    PyObject *ival = PyLong_FromSsize_t(index);
    if (ival == NULL) {
        return -1;
    }
    PyObject *res;
    if (value == NULL) {
        PyObject *stack[1] = {ival};
        res = call_method(self, _Py_ID(__delitem__), stack, 1);
    }
    else {
        PyObject *stack[2] = {ival, value};
        res = call_method(self, _Py_ID(__setitem__), stack, 2);
    }
    Py_DECREF(ival);
    if (res == NULL) {
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

extern Py_ssize_t _PySequence_IterSearch(PyObject *seq, PyObject *obj, int operation);
#define PY_ITERSEARCH_CONTAINS 3

static int
slot_sq_contains(PyObject *self, PyObject *value)
{
    PyObject *func = _PyType_Lookup(Py_TYPE(self), _Py_ID(__contains__));
    if (func == Py_None) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not a container",
                     Py_TYPE(self)->tp_name);
        return -1;
    }
    if (func != NULL) {
        PyObject *stack[1] = {value};
        PyObject *res = call_method(self, _Py_ID(__contains__), stack, 1);
        if (res == NULL) {
            return -1;
        }
        int result = PyObject_IsTrue(res);
        Py_DECREF(res);
        return result;
    }
    return (int)_PySequence_IterSearch(self, value, PY_ITERSEARCH_CONTAINS);
}

SLOT1(slot_mp_subscript, __getitem__)

static int
slot_mp_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
    PyObject *res;
    if (value == NULL) {
        PyObject *stack[1] = {key};
        res = call_method(self, _Py_ID(__delitem__), stack, 1);
    }
    else {
        PyObject *stack[2] = {key, value};
        res = call_method(self, _Py_ID(__setitem__), stack, 2);
    }
    if (res == NULL) {
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

static PyObject *
slot_tp_repr(PyObject *self)
{
    int missing;
    PyObject *res = call_special(self, _Py_ID(__repr__), NULL, 0, &missing);
    if (missing) {
        return PyUnicode_FromFormat("<%s object at %p>", Py_TYPE(self)->tp_name,
                                    (void *)self);
    }
    return res;
}

SLOT0(slot_tp_str, __str__)

static Py_hash_t
slot_tp_hash(PyObject *self)
{
    PyObject *func = _PyType_Lookup(Py_TYPE(self), _Py_ID(__hash__));
    if (func == Py_None || func == NULL) {
        return PyObject_HashNotImplemented(self);
    }
    PyObject *res = call_method(self, _Py_ID(__hash__), NULL, 0);
    if (res == NULL) {
        return -1;
    }
    if (!PyLong_Check(res)) {
        PyErr_SetString(PyExc_TypeError, "__hash__ method should return an integer");
        Py_DECREF(res);
        return -1;
    }
    Py_hash_t h = PyLong_AsSsize_t(res);
    if (h == -1 && PyErr_Occurred()) {
        /* Too big for a Py_hash_t: use the int's own hash. */
        PyErr_Clear();
        h = PyObject_Hash(res);
    }
    Py_DECREF(res);
    if (h == -1 && !PyErr_Occurred()) {
        h = -2;
    }
    return h;
}

static PyObject *
slot_tp_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *meth = _PyObject_LookupSpecial(self, _Py_ID(__call__));
    if (meth == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object is not callable",
                         Py_TYPE(self)->tp_name);
        }
        return NULL;
    }
    PyObject *res = PyObject_Call(meth, args, kwds);
    Py_DECREF(meth);
    return res;
}

static PyObject *
slot_tp_getattro(PyObject *self, PyObject *name)
{
    PyObject *stack[1] = {name};
    return call_method(self, _Py_ID(__getattribute__), stack, 1);
}

static PyObject *
slot_tp_getattr_hook(PyObject *self, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject *getattr = _PyType_Lookup(tp, _Py_ID(__getattr__));
    PyObject *getattribute = _PyType_Lookup(tp, _Py_ID(__getattribute__));
    PyObject *res;
    if (getattr == NULL) {
        if (getattribute == NULL) {
            return PyObject_GenericGetAttr(self, name);
        }
        return slot_tp_getattro(self, name);
    }
    Py_INCREF(getattr);
    if (getattribute == NULL ||
        (Py_IS_TYPE(getattribute, &PyWrapperDescr_Type) &&
         ((PyWrapperDescrObject *)getattribute)->d_wrapped == (void *)PyObject_GenericGetAttr)) {
        res = _PyObject_GenericGetAttrWithDict(self, name, NULL, 1);
    }
    else {
        res = slot_tp_getattro(self, name);
        if (res == NULL && PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
        }
    }
    if (res == NULL && !PyErr_Occurred()) {
        /* Fall back to __getattr__(self, name). */
        descrgetfunc f = Py_TYPE(getattr)->tp_descr_get;
        if (f != NULL && PyType_HasFeature(Py_TYPE(getattr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
            PyObject *stack[2] = {self, name};
            res = PyObject_Vectorcall(getattr, stack, 2, NULL);
        }
        else if (f != NULL) {
            PyObject *bound = f(getattr, self, (PyObject *)tp);
            if (bound != NULL) {
                res = PyObject_CallOneArg(bound, name);
                Py_DECREF(bound);
            }
        }
        else {
            PyObject *stack[2] = {self, name};
            res = PyObject_Vectorcall(getattr, stack, 2, NULL);
        }
    }
    Py_DECREF(getattr);
    return res;
}

static int
slot_tp_setattro(PyObject *self, PyObject *name, PyObject *value)
{
    PyObject *res;
    if (value == NULL) {
        PyObject *stack[1] = {name};
        res = call_method(self, _Py_ID(__delattr__), stack, 1);
    }
    else {
        PyObject *stack[2] = {name, value};
        res = call_method(self, _Py_ID(__setattr__), stack, 2);
    }
    if (res == NULL) {
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

static PyObject *
richcmp_name(int op)
{
    switch (op) {
    case Py_LT: return _Py_ID(__lt__);
    case Py_LE: return _Py_ID(__le__);
    case Py_EQ: return _Py_ID(__eq__);
    case Py_NE: return _Py_ID(__ne__);
    case Py_GT: return _Py_ID(__gt__);
    default: return _Py_ID(__ge__);
    }
}

static PyObject *
slot_tp_richcompare(PyObject *self, PyObject *other, int op)
{
    PyObject *stack[1] = {other};
    return call_maybe(self, richcmp_name(op), stack, 1);
}

static PyObject *
slot_tp_iter(PyObject *self)
{
    PyObject *func = _PyType_Lookup(Py_TYPE(self), _Py_ID(__iter__));
    if (func == Py_None) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable",
                     Py_TYPE(self)->tp_name);
        return NULL;
    }
    if (func != NULL) {
        return call_method(self, _Py_ID(__iter__), NULL, 0);
    }
    if (_PyType_Lookup(Py_TYPE(self), _Py_ID(__getitem__)) != NULL) {
        return PySeqIter_New(self);
    }
    PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable", Py_TYPE(self)->tp_name);
    return NULL;
}

static PyObject *
slot_tp_iternext(PyObject *self)
{
    return call_method(self, _Py_ID(__next__), NULL, 0);
}

static PyObject *
slot_tp_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject *get = _PyType_Lookup(tp, _Py_ID(__get__));
    if (get == NULL) {
        return Py_NewRef(self);
    }
    PyObject *stack[3] = {self, obj ? obj : Py_None, type ? type : Py_None};
    Py_INCREF(get);
    PyObject *res;
    if (PyType_HasFeature(Py_TYPE(get), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        res = PyObject_Vectorcall(get, stack, 3, NULL);
    }
    else {
        res = call_method(self, _Py_ID(__get__), stack + 1, 2);
    }
    Py_DECREF(get);
    return res;
}

static int
slot_tp_descr_set(PyObject *self, PyObject *target, PyObject *value)
{
    PyObject *res;
    if (value == NULL) {
        PyObject *stack[1] = {target};
        res = call_method(self, _Py_ID(__delete__), stack, 1);
    }
    else {
        PyObject *stack[2] = {target, value};
        res = call_method(self, _Py_ID(__set__), stack, 2);
    }
    if (res == NULL) {
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

static int
slot_tp_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *meth = _PyType_Lookup(Py_TYPE(self), _Py_ID(__init__));
    if (meth == NULL) {
        PyErr_SetObject(PyExc_AttributeError, _Py_ID(__init__));
        return -1;
    }
    Py_INCREF(meth);
    PyObject *res;
    if (PyType_HasFeature(Py_TYPE(meth), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        res = _PyObject_Call_Prepend(tstate, meth, self, args, kwds);
    }
    else {
        PyObject *bound = Py_TYPE(meth)->tp_descr_get
                              ? Py_TYPE(meth)->tp_descr_get(meth, self,
                                                            (PyObject *)Py_TYPE(self))
                              : Py_NewRef(meth);
        res = bound ? PyObject_Call(bound, args, kwds) : NULL;
        Py_XDECREF(bound);
    }
    Py_DECREF(meth);
    if (res == NULL) {
        return -1;
    }
    if (res != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

static PyObject *
slot_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *func = PyObject_GetAttr((PyObject *)type, _Py_ID(__new__));
    if (func == NULL) {
        return NULL;
    }
    PyObject *result = _PyObject_Call_Prepend(tstate, func, (PyObject *)type, args, kwds);
    Py_DECREF(func);
    return result;
}

static void
slot_tp_finalize(PyObject *self)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *del = _PyType_Lookup(Py_TYPE(self), _Py_ID(__del__));
    if (del != NULL) {
        Py_INCREF(del);
        PyObject *res = call_method(self, _Py_ID(__del__), NULL, 0);
        if (res == NULL) {
            PyErr_WriteUnraisable(del);
        }
        else {
            Py_DECREF(res);
        }
        Py_DECREF(del);
    }
    PyErr_SetRaisedException(exc);
}

/* A class defining __buffer__ exports the memoryview it returns (the view keeps that
 * memoryview alive).  __release_buffer__ is not called back (limitation). */
static int
slot_bf_getbuffer(PyObject *self, Py_buffer *buffer, int flags)
{
    PyObject *flags_obj = PyLong_FromLong(flags);
    if (flags_obj == NULL) {
        return -1;
    }
    PyObject *stack[1] = {flags_obj};
    PyObject *ret = call_method(self, _Py_ID(__buffer__), stack, 1);
    Py_DECREF(flags_obj);
    if (ret == NULL) {
        return -1;
    }
    if (!PyMemoryView_Check(ret)) {
        PyErr_Format(PyExc_TypeError, "__buffer__ returned non-memoryview object");
        Py_DECREF(ret);
        return -1;
    }
    int rc = PyObject_GetBuffer(ret, buffer, flags);
    Py_DECREF(ret);
    return rc;
}

SLOT0(slot_am_await, __await__)
SLOT0(slot_am_aiter, __aiter__)
SLOT0(slot_am_anext, __anext__)

/* ==== the slot table ======================================================================== */

#ifndef PyDoc_STR
#  define PyDoc_STR(str) str
#endif

#define TPSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC)                                            \
    {#NAME, offsetof(PyTypeObject, SLOT), (void *)(FUNCTION), WRAPPER, PyDoc_STR(DOC), 0, NULL}
#define FLSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC, FLAGS)                                     \
    {#NAME, offsetof(PyTypeObject, SLOT), (void *)(FUNCTION),                                 \
     (wrapperfunc)(void (*)(void))(WRAPPER), PyDoc_STR(DOC), FLAGS, NULL}
#define ETSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC)                                            \
    {#NAME, offsetof(PyHeapTypeObject, SLOT), (void *)(FUNCTION), WRAPPER, PyDoc_STR(DOC), 0, \
     NULL}
#define AMSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC)                                            \
    ETSLOT(NAME, as_async.SLOT, FUNCTION, WRAPPER, DOC)
#define SQSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC)                                            \
    ETSLOT(NAME, as_sequence.SLOT, FUNCTION, WRAPPER, DOC)
#define MPSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC)                                            \
    ETSLOT(NAME, as_mapping.SLOT, FUNCTION, WRAPPER, DOC)
#define NBSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC)                                            \
    ETSLOT(NAME, as_number.SLOT, FUNCTION, WRAPPER, DOC)
#define UNSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC)                                            \
    ETSLOT(NAME, as_number.SLOT, FUNCTION, WRAPPER, "($self, /)\n--\n\n" DOC)
#define IBSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC)                                            \
    ETSLOT(NAME, as_number.SLOT, FUNCTION, WRAPPER,                                           \
           "($self, value, /)\n--\n\nReturn self" DOC "value.")
#define BINSLOT(NAME, SLOT, FUNCTION, DOC)                                                    \
    ETSLOT(NAME, as_number.SLOT, FUNCTION, wrap_binaryfunc_l,                                 \
           "($self, value, /)\n--\n\nReturn self" DOC "value.")
#define RBINSLOT(NAME, SLOT, FUNCTION, DOC)                                                   \
    ETSLOT(NAME, as_number.SLOT, FUNCTION, wrap_binaryfunc_r,                                 \
           "($self, value, /)\n--\n\nReturn value" DOC "self.")
#define BINSLOTNOTINFIX(NAME, SLOT, FUNCTION, DOC)                                            \
    ETSLOT(NAME, as_number.SLOT, FUNCTION, wrap_binaryfunc_l, "($self, value, /)\n--\n\n" DOC)
#define RBINSLOTNOTINFIX(NAME, SLOT, FUNCTION, DOC)                                           \
    ETSLOT(NAME, as_number.SLOT, FUNCTION, wrap_binaryfunc_r, "($self, value, /)\n--\n\n" DOC)

static struct wrapperbase slotdefs[] = {
    TPSLOT(__getattribute__, tp_getattro, slot_tp_getattr_hook, wrap_binaryfunc,
           "($self, name, /)\n--\n\nReturn getattr(self, name)."),
    TPSLOT(__getattr__, tp_getattro, slot_tp_getattr_hook, NULL, ""),
    TPSLOT(__setattr__, tp_setattro, slot_tp_setattro, wrap_setattr,
           "($self, name, value, /)\n--\n\nImplement setattr(self, name, value)."),
    TPSLOT(__delattr__, tp_setattro, slot_tp_setattro, wrap_delattr,
           "($self, name, /)\n--\n\nImplement delattr(self, name)."),
    TPSLOT(__repr__, tp_repr, slot_tp_repr, wrap_unaryfunc,
           "($self, /)\n--\n\nReturn repr(self)."),
    TPSLOT(__hash__, tp_hash, slot_tp_hash, wrap_hashfunc,
           "($self, /)\n--\n\nReturn hash(self)."),
    FLSLOT(__call__, tp_call, slot_tp_call, wrap_call,
           "($self, /, *args, **kwargs)\n--\n\nCall self as a function.",
           PyWrapperFlag_KEYWORDS),
    TPSLOT(__str__, tp_str, slot_tp_str, wrap_unaryfunc, "($self, /)\n--\n\nReturn str(self)."),
    TPSLOT(__lt__, tp_richcompare, slot_tp_richcompare, richcmp_lt,
           "($self, value, /)\n--\n\nReturn self<value."),
    TPSLOT(__le__, tp_richcompare, slot_tp_richcompare, richcmp_le,
           "($self, value, /)\n--\n\nReturn self<=value."),
    TPSLOT(__eq__, tp_richcompare, slot_tp_richcompare, richcmp_eq,
           "($self, value, /)\n--\n\nReturn self==value."),
    TPSLOT(__ne__, tp_richcompare, slot_tp_richcompare, richcmp_ne,
           "($self, value, /)\n--\n\nReturn self!=value."),
    TPSLOT(__gt__, tp_richcompare, slot_tp_richcompare, richcmp_gt,
           "($self, value, /)\n--\n\nReturn self>value."),
    TPSLOT(__ge__, tp_richcompare, slot_tp_richcompare, richcmp_ge,
           "($self, value, /)\n--\n\nReturn self>=value."),
    TPSLOT(__iter__, tp_iter, slot_tp_iter, wrap_unaryfunc,
           "($self, /)\n--\n\nImplement iter(self)."),
    TPSLOT(__next__, tp_iternext, slot_tp_iternext, wrap_next,
           "($self, /)\n--\n\nImplement next(self)."),
    TPSLOT(__get__, tp_descr_get, slot_tp_descr_get, wrap_descr_get,
           "($self, instance, owner=None, /)\n--\n\nReturn an attribute of instance, which is "
           "of type owner."),
    TPSLOT(__set__, tp_descr_set, slot_tp_descr_set, wrap_descr_set,
           "($self, instance, value, /)\n--\n\nSet an attribute of instance to value."),
    TPSLOT(__delete__, tp_descr_set, slot_tp_descr_set, wrap_descr_delete,
           "($self, instance, /)\n--\n\nDelete an attribute of instance."),
    FLSLOT(__init__, tp_init, slot_tp_init, wrap_init,
           "($self, /, *args, **kwargs)\n--\n\nInitialize self.  See help(type(self)) for "
           "accurate signature.",
           PyWrapperFlag_KEYWORDS),
    TPSLOT(__new__, tp_new, slot_tp_new, NULL,
           "__new__(type, /, *args, **kwargs)\n--\n\nCreate and return new object.  See "
           "help(type) for accurate signature."),
    TPSLOT(__del__, tp_finalize, slot_tp_finalize, wrap_del,
           "($self, /)\n--\n\nCalled when the instance is about to be destroyed."),

    AMSLOT(__await__, am_await, slot_am_await, wrap_unaryfunc,
           "($self, /)\n--\n\nReturn an iterator to be used in await expression."),
    AMSLOT(__aiter__, am_aiter, slot_am_aiter, wrap_unaryfunc,
           "($self, /)\n--\n\nReturn an awaitable, that resolves in asynchronous iterator."),
    AMSLOT(__anext__, am_anext, slot_am_anext, wrap_unaryfunc,
           "($self, /)\n--\n\nReturn a value or raise StopAsyncIteration."),

    ETSLOT(__buffer__, as_buffer.bf_getbuffer, slot_bf_getbuffer, wrap_buffer,
           "($self, flags, /)\n--\n\nReturn a buffer object that exposes the underlying "
           "memory of the object."),
    ETSLOT(__release_buffer__, as_buffer.bf_releasebuffer, NULL, wrap_releasebuffer,
           "($self, buffer, /)\n--\n\nRelease the buffer object that exposes the underlying "
           "memory of the object."),

    BINSLOT(__add__, nb_add, slot_nb_add, "+"),
    RBINSLOT(__radd__, nb_add, slot_nb_add, "+"),
    BINSLOT(__sub__, nb_subtract, slot_nb_subtract, "-"),
    RBINSLOT(__rsub__, nb_subtract, slot_nb_subtract, "-"),
    BINSLOT(__mul__, nb_multiply, slot_nb_multiply, "*"),
    RBINSLOT(__rmul__, nb_multiply, slot_nb_multiply, "*"),
    BINSLOT(__mod__, nb_remainder, slot_nb_remainder, "%"),
    RBINSLOT(__rmod__, nb_remainder, slot_nb_remainder, "%"),
    BINSLOTNOTINFIX(__divmod__, nb_divmod, slot_nb_divmod, "Return divmod(self, value)."),
    RBINSLOTNOTINFIX(__rdivmod__, nb_divmod, slot_nb_divmod, "Return divmod(value, self)."),
    NBSLOT(__pow__, nb_power, slot_nb_power, wrap_ternaryfunc,
           "($self, value, mod=None, /)\n--\n\nReturn pow(self, value, mod)."),
    NBSLOT(__rpow__, nb_power, slot_nb_power, wrap_ternaryfunc_r,
           "($self, value, mod=None, /)\n--\n\nReturn pow(value, self, mod)."),
    UNSLOT(__neg__, nb_negative, slot_nb_negative, wrap_unaryfunc, "-self"),
    UNSLOT(__pos__, nb_positive, slot_nb_positive, wrap_unaryfunc, "+self"),
    UNSLOT(__abs__, nb_absolute, slot_nb_absolute, wrap_unaryfunc, "abs(self)"),
    UNSLOT(__bool__, nb_bool, slot_nb_bool, wrap_inquirypred, "True if self else False"),
    UNSLOT(__invert__, nb_invert, slot_nb_invert, wrap_unaryfunc, "~self"),
    BINSLOT(__lshift__, nb_lshift, slot_nb_lshift, "<<"),
    RBINSLOT(__rlshift__, nb_lshift, slot_nb_lshift, "<<"),
    BINSLOT(__rshift__, nb_rshift, slot_nb_rshift, ">>"),
    RBINSLOT(__rrshift__, nb_rshift, slot_nb_rshift, ">>"),
    BINSLOT(__and__, nb_and, slot_nb_and, "&"),
    RBINSLOT(__rand__, nb_and, slot_nb_and, "&"),
    BINSLOT(__xor__, nb_xor, slot_nb_xor, "^"),
    RBINSLOT(__rxor__, nb_xor, slot_nb_xor, "^"),
    BINSLOT(__or__, nb_or, slot_nb_or, "|"),
    RBINSLOT(__ror__, nb_or, slot_nb_or, "|"),
    UNSLOT(__int__, nb_int, slot_nb_int, wrap_unaryfunc, "int(self)"),
    UNSLOT(__float__, nb_float, slot_nb_float, wrap_unaryfunc, "float(self)"),
    IBSLOT(__iadd__, nb_inplace_add, slot_nb_inplace_add, wrap_binaryfunc, "+="),
    IBSLOT(__isub__, nb_inplace_subtract, slot_nb_inplace_subtract, wrap_binaryfunc, "-="),
    IBSLOT(__imul__, nb_inplace_multiply, slot_nb_inplace_multiply, wrap_binaryfunc, "*="),
    IBSLOT(__imod__, nb_inplace_remainder, slot_nb_inplace_remainder, wrap_binaryfunc, "%="),
    IBSLOT(__ipow__, nb_inplace_power, slot_nb_inplace_power, wrap_ternaryfunc, "**="),
    IBSLOT(__ilshift__, nb_inplace_lshift, slot_nb_inplace_lshift, wrap_binaryfunc, "<<="),
    IBSLOT(__irshift__, nb_inplace_rshift, slot_nb_inplace_rshift, wrap_binaryfunc, ">>="),
    IBSLOT(__iand__, nb_inplace_and, slot_nb_inplace_and, wrap_binaryfunc, "&="),
    IBSLOT(__ixor__, nb_inplace_xor, slot_nb_inplace_xor, wrap_binaryfunc, "^="),
    IBSLOT(__ior__, nb_inplace_or, slot_nb_inplace_or, wrap_binaryfunc, "|="),
    BINSLOT(__floordiv__, nb_floor_divide, slot_nb_floor_divide, "//"),
    RBINSLOT(__rfloordiv__, nb_floor_divide, slot_nb_floor_divide, "//"),
    BINSLOT(__truediv__, nb_true_divide, slot_nb_true_divide, "/"),
    RBINSLOT(__rtruediv__, nb_true_divide, slot_nb_true_divide, "/"),
    IBSLOT(__ifloordiv__, nb_inplace_floor_divide, slot_nb_inplace_floor_divide,
           wrap_binaryfunc, "//="),
    IBSLOT(__itruediv__, nb_inplace_true_divide, slot_nb_inplace_true_divide, wrap_binaryfunc,
           "/="),
    UNSLOT(__index__, nb_index, slot_nb_index, wrap_unaryfunc,
           "Return self converted to an integer, if self is suitable for use as an index into "
           "a list."),
    BINSLOT(__matmul__, nb_matrix_multiply, slot_nb_matrix_multiply, "@"),
    RBINSLOT(__rmatmul__, nb_matrix_multiply, slot_nb_matrix_multiply, "@"),
    IBSLOT(__imatmul__, nb_inplace_matrix_multiply, slot_nb_inplace_matrix_multiply,
           wrap_binaryfunc, "@="),

    MPSLOT(__len__, mp_length, slot_sq_length, wrap_lenfunc,
           "($self, /)\n--\n\nReturn len(self)."),
    MPSLOT(__getitem__, mp_subscript, slot_mp_subscript, wrap_binaryfunc,
           "($self, key, /)\n--\n\nReturn self[key]."),
    MPSLOT(__setitem__, mp_ass_subscript, slot_mp_ass_subscript, wrap_objobjargproc,
           "($self, key, value, /)\n--\n\nSet self[key] to value."),
    MPSLOT(__delitem__, mp_ass_subscript, slot_mp_ass_subscript, wrap_delitem,
           "($self, key, /)\n--\n\nDelete self[key]."),

    SQSLOT(__len__, sq_length, slot_sq_length, wrap_lenfunc,
           "($self, /)\n--\n\nReturn len(self)."),
    SQSLOT(__add__, sq_concat, NULL, wrap_binaryfunc,
           "($self, value, /)\n--\n\nReturn self+value."),
    SQSLOT(__mul__, sq_repeat, NULL, wrap_indexargfunc,
           "($self, value, /)\n--\n\nReturn self*value."),
    SQSLOT(__rmul__, sq_repeat, NULL, wrap_indexargfunc,
           "($self, value, /)\n--\n\nReturn value*self."),
    SQSLOT(__getitem__, sq_item, slot_sq_item, wrap_sq_item,
           "($self, key, /)\n--\n\nReturn self[key]."),
    SQSLOT(__setitem__, sq_ass_item, slot_sq_ass_item, wrap_sq_setitem,
           "($self, key, value, /)\n--\n\nSet self[key] to value."),
    SQSLOT(__delitem__, sq_ass_item, slot_sq_ass_item, wrap_sq_delitem,
           "($self, key, /)\n--\n\nDelete self[key]."),
    SQSLOT(__contains__, sq_contains, slot_sq_contains, wrap_objobjproc,
           "($self, key, /)\n--\n\nReturn bool(key in self)."),
    SQSLOT(__iadd__, sq_inplace_concat, NULL, wrap_binaryfunc,
           "($self, value, /)\n--\n\nImplement self+=value."),
    SQSLOT(__imul__, sq_inplace_repeat, NULL, wrap_indexargfunc,
           "($self, value, /)\n--\n\nImplement self*=value."),
    {NULL, 0, NULL, NULL, NULL, 0, NULL},
};

/* Intern the slot names once (start-up; the table is immutable afterwards). */
static int
init_slotdefs(void)
{
    static int initialized;
    if (initialized) {
        return 0;
    }
    for (struct wrapperbase *p = slotdefs; p->name; p++) {
        PyObject *name = PyUnicode_InternFromString(p->name);
        if (name == NULL) {
            return -1;
        }
        _Py_SetImmortal(name);
        p->name_strobj = name;
    }
    initialized = 1;
    return 0;
}

/* Address of the slot at `offset` (a PyHeapTypeObject offset) in type, or NULL if the type
 * has no table for it. */
static void **
slotptr(PyTypeObject *type, int ioffset)
{
    size_t offset = (size_t)ioffset;
    char *ptr;
    if (offset >= offsetof(PyHeapTypeObject, as_buffer)) {
        ptr = (char *)type->tp_as_buffer;
        offset -= offsetof(PyHeapTypeObject, as_buffer);
    }
    else if (offset >= offsetof(PyHeapTypeObject, as_sequence)) {
        ptr = (char *)type->tp_as_sequence;
        offset -= offsetof(PyHeapTypeObject, as_sequence);
    }
    else if (offset >= offsetof(PyHeapTypeObject, as_mapping)) {
        ptr = (char *)type->tp_as_mapping;
        offset -= offsetof(PyHeapTypeObject, as_mapping);
    }
    else if (offset >= offsetof(PyHeapTypeObject, as_number)) {
        ptr = (char *)type->tp_as_number;
        offset -= offsetof(PyHeapTypeObject, as_number);
    }
    else if (offset >= offsetof(PyHeapTypeObject, as_async)) {
        ptr = (char *)type->tp_as_async;
        offset -= offsetof(PyHeapTypeObject, as_async);
    }
    else {
        ptr = (char *)type;
    }
    if (ptr != NULL) {
        ptr += offset;
    }
    return (void **)ptr;
}

static int
add_tp_new_wrapper(PyTypeObject *type);

static int
add_operators(PyTypeObject *type)
{
    PyObject *dict = type->tp_dict;
    if (init_slotdefs() < 0) {
        return -1;
    }
    for (struct wrapperbase *p = slotdefs; p->name; p++) {
        if (p->wrapper == NULL) {
            continue;
        }
        void **ptr = slotptr(type, p->offset);
        if (ptr == NULL || *ptr == NULL) {
            continue;
        }
        int r = PyDict_Contains(dict, p->name_strobj);
        if (r < 0) {
            return -1;
        }
        if (r) {
            continue;
        }
        if (*ptr == (void *)PyObject_HashNotImplemented) {
            if (PyDict_SetItem(dict, p->name_strobj, Py_None) < 0) {
                return -1;
            }
        }
        else {
            PyObject *descr = PyDescr_NewWrapper(type, p, *ptr);
            if (descr == NULL) {
                return -1;
            }
            r = PyDict_SetItem(dict, p->name_strobj, descr);
            Py_DECREF(descr);
            if (r < 0) {
                return -1;
            }
        }
    }
    if (type->tp_new != NULL) {
        if (add_tp_new_wrapper(type) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Recompute the slot at p->offset of type from the dunders visible in its MRO.  Returns the
 * next slotdef with a different offset (the group of names sharing a slot is contiguous only
 * per table section, so every entry with the same offset is scanned). */
static void
update_one_slot(PyTypeObject *type, struct wrapperbase *p0)
{
    void **ptr = slotptr(type, p0->offset);
    if (ptr == NULL) {
        return;
    }
    void *generic = NULL, *specific = NULL;
    int use_generic = 0, found = 0;
    for (struct wrapperbase *p = slotdefs; p->name; p++) {
        if (p->offset != p0->offset) {
            continue;
        }
        PyObject *descr = _PyType_Lookup(type, p->name_strobj);
        if (descr == NULL) {
            continue;
        }
        found = 1;
        if (p->function != NULL) {
            generic = p->function;
        }
        if (Py_IS_TYPE(descr, &PyWrapperDescr_Type) &&
            ((PyWrapperDescrObject *)descr)->d_base->name_strobj == p->name_strobj) {
            PyWrapperDescrObject *d = (PyWrapperDescrObject *)descr;
            if (d->d_base->wrapper == p->wrapper && PyType_IsSubtype(type, PyDescr_TYPE(d))) {
                if (specific == NULL || specific == d->d_wrapped) {
                    specific = d->d_wrapped;
                }
                else {
                    use_generic = 1;
                }
            }
            else {
                use_generic = 1;
            }
        }
        else if (descr == Py_None && p0->offset == offsetof(PyTypeObject, tp_hash)) {
            specific = (void *)PyObject_HashNotImplemented;
        }
        else if (Py_IS_TYPE(descr, &PyCFunction_Type) &&
                 PyCFunction_GET_FUNCTION(descr) == _PyCFunction_CAST(tp_new_wrapper) &&
                 p0->offset == offsetof(PyTypeObject, tp_new)) {
            PyObject *self = PyCFunction_GET_SELF(descr);
            if (self != NULL && PyType_Check(self)) {
                specific = (void *)((PyTypeObject *)self)->tp_new;
            }
            else {
                use_generic = 1;
            }
        }
        else {
            use_generic = 1;
        }
    }
    if (!found) {
        *ptr = NULL;
    }
    else if (specific != NULL && !use_generic) {
        *ptr = specific;
    }
    else {
        *ptr = generic;
    }
}

static void
fixup_slot_dispatchers(PyTypeObject *type)
{
    for (struct wrapperbase *p = slotdefs; p->name; p++) {
        /* Each offset once: skip entries whose offset appeared earlier. */
        int seen = 0;
        for (struct wrapperbase *q = slotdefs; q < p; q++) {
            if (q->offset == p->offset) {
                seen = 1;
                break;
            }
        }
        if (!seen) {
            update_one_slot(type, p);
        }
    }
}

static void
update_slot_recursive(PyTypeObject *type, PyObject *name, int depth)
{
    for (struct wrapperbase *p = slotdefs; p->name; p++) {
        if (p->name_strobj == name ||
            (PyUnicode_Check(name) && PyUnicode_Compare(p->name_strobj, name) == 0)) {
            update_one_slot(type, p);
        }
    }
    if (PyErr_Occurred()) {
        PyErr_Clear();
    }
    PyObject *subclasses = (PyObject *)type->tp_subclasses;
    if (subclasses == NULL || depth > 1000) {
        return;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *ref;
    while (PyDict_Next(subclasses, &pos, &key, &ref)) {
        PyObject *sub;
        if (PyWeakref_GetRef(ref, &sub) > 0) {
            update_slot_recursive((PyTypeObject *)sub, name, depth + 1);
            Py_DECREF(sub);
        }
    }
}

/* After type.name was set or deleted: update the slots it feeds, here and in subclasses. */
static int
update_slot(PyTypeObject *type, PyObject *name)
{
    if (init_slotdefs() < 0) {
        return -1;
    }
    update_slot_recursive(type, name, 0);
    if (name == _Py_ID(__call__) || PyUnicode_EqualToUTF8(name, "__call__")) {
        type_set_flags(type, 0, Py_TPFLAGS_HAVE_VECTORCALL);
    }
    return 0;
}

/* ==== __new__ of C types ==================================================================== */

static PyObject *
tp_new_wrapper(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!PyTuple_Check(args) || PyTuple_GET_SIZE(args) < 1) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(): not enough arguments", type->tp_name);
        return NULL;
    }
    PyObject *arg0 = PyTuple_GET_ITEM(args, 0);
    if (!PyType_Check(arg0)) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                     type->tp_name, Py_TYPE(arg0)->tp_name);
        return NULL;
    }
    PyTypeObject *subtype = (PyTypeObject *)arg0;
    if (!PyType_IsSubtype(subtype, type)) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                     type->tp_name, subtype->tp_name, subtype->tp_name, type->tp_name);
        return NULL;
    }
    /* The most derived base that is not a Python class must use this very tp_new; otherwise
     * e.g. object.__new__(int) would build a broken int. */
    PyTypeObject *staticbase = subtype;
    while (staticbase && (staticbase->tp_new == slot_tp_new)) {
        staticbase = staticbase->tp_base;
    }
    if (staticbase && staticbase->tp_new != type->tp_new) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                     type->tp_name, subtype->tp_name, staticbase->tp_name);
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    if (rest == NULL) {
        return NULL;
    }
    PyObject *res = type->tp_new(subtype, rest, kwds);
    Py_DECREF(rest);
    return res;
}

static PyMethodDef tp_new_methoddef[] = {
    {"__new__", _PyCFunction_CAST(tp_new_wrapper), METH_VARARGS | METH_KEYWORDS,
     "__new__($type, *args, **kwargs)\n--\n\nCreate and return a new object.  See help(type) "
     "for accurate signature."},
    {NULL, NULL, 0, NULL},
};

static int
add_tp_new_wrapper(PyTypeObject *type)
{
    int r = PyDict_Contains(type->tp_dict, _Py_ID(__new__));
    if (r != 0) {
        return r < 0 ? -1 : 0;
    }
    PyObject *func = PyCFunction_NewEx(tp_new_methoddef, (PyObject *)type, NULL);
    if (func == NULL) {
        return -1;
    }
    r = PyDict_SetItem(type->tp_dict, _Py_ID(__new__), func);
    Py_DECREF(func);
    return r;
}

/* ==== instances of Python classes: dealloc, traverse, clear, __dict__, __weakref__ ========== */

/* The nearest base whose instances are not laid out by subtype_* functions. */
static PyTypeObject *
base_with_foreign_dealloc(PyTypeObject *type);

static void
clear_slots(PyTypeObject *type, PyObject *self)
{
    Py_ssize_t n = Py_SIZE(type);
    PyMemberDef *mp = PyHeapType_GET_MEMBERS((PyHeapTypeObject *)type);
    for (Py_ssize_t i = 0; i < n; i++, mp++) {
        if (mp->type == Py_T_OBJECT_EX && !(mp->flags & Py_READONLY)) {
            PyObject **addr = (PyObject **)((char *)self + mp->offset);
            Py_CLEAR(*addr);
        }
    }
}

static void subtype_dealloc(PyObject *self);

static PyTypeObject *
base_with_foreign_dealloc(PyTypeObject *type)
{
    PyTypeObject *base = type;
    while (base->tp_dealloc == subtype_dealloc) {
        base = base->tp_base;
    }
    return base;
}

static void
subtype_dealloc(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyTypeObject *base = base_with_foreign_dealloc(type);

    int is_gc = _PyType_IS_GC(type);
    if (is_gc) {
        PyObject_GC_UnTrack(self);
    }
    Py_TRASHCAN_BEGIN(self, subtype_dealloc);
    if (type->tp_finalize) {
        if (PyObject_CallFinalizerFromDealloc(self) < 0) {
            /* Resurrected.  Keep it tracked. */
            if (is_gc) {
                PyObject_GC_Track(self);
            }
            goto endlabel;
        }
    }
    if (type->tp_weaklistoffset && !base->tp_weaklistoffset) {
        PyObject_ClearWeakRefs(self);
    }
    /* Clear the slots and the dict added by each Python class in the chain. */
    for (PyTypeObject *t = type; t != base; t = t->tp_base) {
        if (Py_SIZE(t)) {
            clear_slots(t, self);
        }
    }
    if (type->tp_dictoffset && !base->tp_dictoffset) {
        PyObject **dictptr = _PyObject_ComputedDictPointer(self);
        if (dictptr != NULL) {
            Py_CLEAR(*dictptr);
        }
    }
    /* The base's dealloc may expect a tracked object (it untracks it). */
    if (is_gc && _PyType_IS_GC(base)) {
        PyObject_GC_Track(self);
    }
    /* Instances own a reference to their heap type.  A heap base type's dealloc (a type
     * from PyType_FromSpec) already released it, as the C API requires of such deallocs. */
    int type_needs_decref = PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE) &&
                            !PyType_HasFeature(base, Py_TPFLAGS_HEAPTYPE);
    base->tp_dealloc(self);
    if (type_needs_decref) {
        Py_DECREF(type);
    }
endlabel:
    Py_TRASHCAN_END
}

static int
subtype_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTypeObject *type = Py_TYPE(self);
    PyTypeObject *base = type;
    while (base->tp_traverse == subtype_traverse) {
        Py_ssize_t n = Py_SIZE(base);
        if (n) {
            PyMemberDef *mp = PyHeapType_GET_MEMBERS((PyHeapTypeObject *)base);
            for (Py_ssize_t i = 0; i < n; i++, mp++) {
                if (mp->type == Py_T_OBJECT_EX) {
                    PyObject *obj = *(PyObject **)((char *)self + mp->offset);
                    Py_VISIT(obj);
                }
            }
        }
        base = base->tp_base;
    }
    if (type->tp_dictoffset != base->tp_dictoffset) {
        PyObject **dictptr = _PyObject_ComputedDictPointer(self);
        if (dictptr && *dictptr) {
            Py_VISIT(*dictptr);
        }
    }
    if (PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE)) {
        Py_VISIT(type);
    }
    if (base->tp_traverse) {
        return base->tp_traverse(self, visit, arg);
    }
    return 0;
}

static int
subtype_clear(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyTypeObject *base = type;
    while (base->tp_clear == subtype_clear) {
        if (Py_SIZE(base)) {
            clear_slots(base, self);
        }
        base = base->tp_base;
    }
    if (type->tp_dictoffset != base->tp_dictoffset) {
        PyObject **dictptr = _PyObject_ComputedDictPointer(self);
        if (dictptr && *dictptr) {
            Py_CLEAR(*dictptr);
        }
    }
    if (base->tp_clear) {
        return base->tp_clear(self);
    }
    return 0;
}

static PyObject *
subtype_dict(PyObject *obj, void *context)
{
    return PyObject_GenericGetDict(obj, context);
}

static int
subtype_setdict(PyObject *obj, PyObject *value, void *context)
{
    return PyObject_GenericSetDict(obj, value, context);
}

static PyObject *
subtype_getweakref(PyObject *obj, void *context)
{
    if (Py_TYPE(obj)->tp_weaklistoffset <= 0) {
        PyErr_SetString(PyExc_AttributeError, "This object has no __weakref__");
        return NULL;
    }
    PyObject *result = *(PyObject **)((char *)obj + Py_TYPE(obj)->tp_weaklistoffset);
    return Py_NewRef(result == NULL ? Py_None : result);
}

static PyGetSetDef subtype_getsets_full[] = {
    {"__dict__", subtype_dict, subtype_setdict, "dictionary for instance variables", NULL},
    {"__weakref__", subtype_getweakref, NULL, "list of weak references to the object", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyGetSetDef subtype_getsets_dict_only[] = {
    {"__dict__", subtype_dict, subtype_setdict, "dictionary for instance variables", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyGetSetDef subtype_getsets_weakref_only[] = {
    {"__weakref__", subtype_getweakref, NULL, "list of weak references to the object", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ==== class creation: type.__new__ ========================================================== */

static int
extra_ivars(PyTypeObject *type, PyTypeObject *base)
{
    size_t t_size = (size_t)type->tp_basicsize;
    size_t b_size = (size_t)base->tp_basicsize;
    if (type->tp_itemsize || base->tp_itemsize) {
        return t_size != b_size || type->tp_itemsize != base->tp_itemsize;
    }
    if ((PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE)) && type->tp_weaklistoffset &&
        base->tp_weaklistoffset == 0 &&
        (size_t)type->tp_weaklistoffset + sizeof(PyObject *) == t_size) {
        t_size -= sizeof(PyObject *);
    }
    if ((PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE)) && type->tp_dictoffset > 0 &&
        base->tp_dictoffset == 0 &&
        (size_t)type->tp_dictoffset + sizeof(PyObject *) == t_size) {
        t_size -= sizeof(PyObject *);
    }
    return t_size != b_size;
}

static PyTypeObject *
solid_base(PyTypeObject *type)
{
    PyTypeObject *base = type->tp_base ? solid_base(type->tp_base) : &PyBaseObject_Type;
    return extra_ivars(type, base) ? type : base;
}

static PyTypeObject *
best_base(PyObject *bases)
{
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    PyTypeObject *base = NULL, *winner = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *b = PyTuple_GET_ITEM(bases, i);
        if (!PyType_Check(b)) {
            PyErr_SetString(PyExc_TypeError, "bases must be types");
            return NULL;
        }
        PyTypeObject *base_i = (PyTypeObject *)b;
        if (!(PyType_HasFeature(base_i, Py_TPFLAGS_READY)) && PyType_Ready(base_i) < 0) {
            return NULL;
        }
        if (!(PyType_HasFeature(base_i, Py_TPFLAGS_BASETYPE))) {
            PyErr_Format(PyExc_TypeError, "type '%.100s' is not an acceptable base type",
                         base_i->tp_name);
            return NULL;
        }
        PyTypeObject *candidate = solid_base(base_i);
        if (winner == NULL) {
            winner = candidate;
            base = base_i;
        }
        else if (PyType_IsSubtype(winner, candidate)) {
            ;
        }
        else if (PyType_IsSubtype(candidate, winner)) {
            winner = candidate;
            base = base_i;
        }
        else {
            PyErr_SetString(PyExc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

/* The most derived metaclass among metatype and the bases' metaclasses (borrowed). */
PyTypeObject *
_PyType_CalculateMetaclass(PyTypeObject *metatype, PyObject *bases)
{
    PyTypeObject *winner = metatype;
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTypeObject *tmptype = Py_TYPE(PyTuple_GET_ITEM(bases, i));
        if (PyType_IsSubtype(winner, tmptype)) {
            continue;
        }
        if (PyType_IsSubtype(tmptype, winner)) {
            winner = tmptype;
            continue;
        }
        PyErr_SetString(PyExc_TypeError,
                        "metaclass conflict: the metaclass of a derived class must be a "
                        "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* Private name mangling: __x inside class _Foo becomes _Foo__x. */
static PyObject *
mangle_name(PyObject *classname, PyObject *name)
{
    Py_ssize_t nlen = PyUnicode_GET_LENGTH(name);
    if (nlen < 2 || PyUnicode_READ_CHAR(name, 0) != '_' || PyUnicode_READ_CHAR(name, 1) != '_') {
        return Py_NewRef(name);
    }
    if (PyUnicode_READ_CHAR(name, nlen - 1) == '_' && PyUnicode_READ_CHAR(name, nlen - 2) == '_') {
        return Py_NewRef(name);
    }
    Py_ssize_t clen = PyUnicode_GET_LENGTH(classname), start = 0;
    while (start < clen && PyUnicode_READ_CHAR(classname, start) == '_') {
        start++;
    }
    if (start == clen) {
        return Py_NewRef(name);
    }
    PyObject *stripped = PyUnicode_Substring(classname, start, clen);
    if (stripped == NULL) {
        return NULL;
    }
    PyObject *res = PyUnicode_FromFormat("_%U%U", stripped, name);
    Py_DECREF(stripped);
    return res;
}

static int
valid_identifier(PyObject *s)
{
    if (!PyUnicode_Check(s)) {
        PyErr_Format(PyExc_TypeError, "__slots__ items must be strings, not '%.200s'",
                     Py_TYPE(s)->tp_name);
        return 0;
    }
    if (!PyUnicode_IsIdentifier(s)) {
        PyErr_SetString(PyExc_TypeError, "__slots__ must be identifiers");
        return 0;
    }
    return 1;
}

typedef struct {
    PyTypeObject *metatype;
    PyObject *name;
    PyObject *bases;
    PyObject *orig_dict;
    PyObject *kwds;
    PyTypeObject *base;
    PyObject *slots;      /* tuple of mangled, sorted slot names (no __dict__/__weakref__) */
    Py_ssize_t nslots;
    int add_dict;
    int add_weak;
} type_new_ctx;

static int
type_new_slots(type_new_ctx *ctx, PyObject *dict)
{
    PyTypeObject *base = ctx->base;
    PyObject *slots = PyDict_GetItemWithError(dict, _Py_ID(__slots__));
    int may_add_dict = base->tp_dictoffset == 0;
    int may_add_weak = base->tp_weaklistoffset == 0 && base->tp_itemsize == 0;
    if (slots == NULL) {
        if (PyErr_Occurred()) {
            return -1;
        }
        ctx->add_dict = may_add_dict;
        ctx->add_weak = may_add_weak;
        ctx->slots = NULL;
        ctx->nslots = 0;
        return 0;
    }
    PyObject *seq;
    if (PyUnicode_Check(slots)) {
        seq = PyTuple_Pack(1, slots);
    }
    else {
        seq = PySequence_Tuple(slots);
    }
    if (seq == NULL) {
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(seq);
    PyObject *names = PyList_New(0);
    if (names == NULL) {
        Py_DECREF(seq);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *s = PyTuple_GET_ITEM(seq, i);
        if (!valid_identifier(s)) {
            goto error;
        }
        if (PyUnicode_EqualToUTF8(s, "__dict__")) {
            if (!may_add_dict || ctx->add_dict) {
                PyErr_SetString(PyExc_TypeError,
                                "__dict__ slot disallowed: we already got one");
                goto error;
            }
            ctx->add_dict = 1;
            continue;
        }
        if (PyUnicode_EqualToUTF8(s, "__weakref__")) {
            if (!may_add_weak || ctx->add_weak) {
                PyErr_SetString(PyExc_TypeError,
                                "__weakref__ slot disallowed: we already got one");
                goto error;
            }
            ctx->add_weak = 1;
            continue;
        }
        PyObject *mangled = mangle_name(ctx->name, s);
        if (mangled == NULL) {
            goto error;
        }
        int r = PyDict_Contains(dict, mangled);
        if (r > 0 && !PyUnicode_EqualToUTF8(mangled, "__qualname__") &&
            !PyUnicode_EqualToUTF8(mangled, "__classcell__")) {
            PyErr_Format(PyExc_ValueError, "%R in __slots__ conflicts with class variable", s);
            Py_DECREF(mangled);
            goto error;
        }
        if (r < 0) {
            Py_DECREF(mangled);
            goto error;
        }
        r = PySequence_Contains(names, mangled);
        if (r == 0) {
            r = PyList_Append(names, mangled);
        }
        Py_DECREF(mangled);
        if (r < 0) {
            goto error;
        }
    }
    if (PyList_Sort(names) < 0) {
        goto error;
    }
    ctx->nslots = PyList_GET_SIZE(names);
    if (ctx->nslots > 0 && base->tp_itemsize != 0) {
        PyErr_Format(PyExc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                     base->tp_name);
        goto error;
    }
    ctx->slots = PyList_AsTuple(names);
    Py_DECREF(names);
    Py_DECREF(seq);
    return ctx->slots == NULL ? -1 : 0;
error:
    Py_DECREF(names);
    Py_DECREF(seq);
    return -1;
}

/* Wrap a plain function found under `name` in the class dict with wrapper(func). */
static int
wrap_implicit(PyObject *dict, PyObject *name, PyObject *(*wrapper)(PyObject *))
{
    PyObject *func = PyDict_GetItemWithError(dict, name);
    if (func == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    if (!PyFunction_Check(func)) {
        return 0;
    }
    PyObject *wrapped = wrapper(func);
    if (wrapped == NULL) {
        return -1;
    }
    int r = PyDict_SetItem(dict, name, wrapped);
    Py_DECREF(wrapped);
    return r;
}

static int
type_new_set_names(PyTypeObject *type)
{
    PyObject *names_to_set = PyDict_Copy(type->tp_dict);
    if (names_to_set == NULL) {
        return -1;
    }
    Py_ssize_t i = 0;
    PyObject *key, *value;
    while (PyDict_Next(names_to_set, &i, &key, &value)) {
        PyObject *set_name = _PyObject_LookupSpecial(value, _Py_ID(__set_name__));
        if (set_name == NULL) {
            if (PyErr_Occurred()) {
                goto error;
            }
            continue;
        }
        PyObject *stack[2] = {(PyObject *)type, key};
        PyObject *res = PyObject_Vectorcall(set_name, stack, 2, NULL);
        Py_DECREF(set_name);
        if (res == NULL) {
            goto error;
        }
        Py_DECREF(res);
    }
    Py_DECREF(names_to_set);
    return 0;
error:
    Py_DECREF(names_to_set);
    return -1;
}

/* super(type, type).__init_subclass__(**kwds) */
static int
type_new_init_subclass(PyTypeObject *type, PyObject *kwds)
{
    PyObject *mro = type->tp_mro;
    Py_ssize_t n = PyTuple_GET_SIZE(mro);
    for (Py_ssize_t i = 1; i < n; i++) {
        PyTypeObject *b = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        PyObject *func = PyDict_GetItemWithError(b->tp_dict, _Py_ID(__init_subclass__));
        if (func == NULL) {
            if (PyErr_Occurred()) {
                return -1;
            }
            continue;
        }
        Py_INCREF(func);
        descrgetfunc f = Py_TYPE(func)->tp_descr_get;
        PyObject *bound = f ? f(func, NULL, (PyObject *)type) : Py_NewRef(func);
        Py_DECREF(func);
        if (bound == NULL) {
            return -1;
        }
        PyObject *res = PyObject_VectorcallDict(bound, NULL, 0, kwds);
        Py_DECREF(bound);
        if (res == NULL) {
            return -1;
        }
        Py_DECREF(res);
        return 0;
    }
    return 0;
}

static PyObject *
type_new_impl(type_new_ctx *ctx)
{
    PyTypeObject *metatype = ctx->metatype;
    PyObject *dict = PyDict_Copy(ctx->orig_dict);
    if (dict == NULL) {
        return NULL;
    }
    if (type_new_slots(ctx, dict) < 0) {
        Py_DECREF(dict);
        return NULL;
    }
    PyTypeObject *type = (PyTypeObject *)metatype->tp_alloc(metatype, ctx->nslots);
    if (type == NULL) {
        Py_DECREF(dict);
        Py_XDECREF(ctx->slots);
        return NULL;
    }
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    PyTypeObject *base = ctx->base;

    type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE |
                     Py_TPFLAGS_HAVE_GC;
    type->tp_as_async = &et->as_async;
    type->tp_as_number = &et->as_number;
    type->tp_as_sequence = &et->as_sequence;
    type->tp_as_mapping = &et->as_mapping;
    type->tp_as_buffer = &et->as_buffer;
    type->tp_bases = Py_NewRef(ctx->bases);
    type->tp_base = (PyTypeObject *)Py_NewRef(base);
    type->tp_dict = dict;
    et->ht_slots = ctx->slots;
    ctx->slots = NULL;
    et->ht_name = Py_NewRef(ctx->name);

    Py_ssize_t name_size;
    const char *tp_name = PyUnicode_AsUTF8AndSize(ctx->name, &name_size);
    if (tp_name == NULL) {
        goto error;
    }
    if (strlen(tp_name) != (size_t)name_size) {
        PyErr_SetString(PyExc_ValueError, "type name must not contain null characters");
        goto error;
    }
    et->_ht_tpname = PyMem_Malloc((size_t)name_size + 1);
    if (et->_ht_tpname == NULL) {
        PyErr_NoMemory();
        goto error;
    }
    memcpy(et->_ht_tpname, tp_name, (size_t)name_size + 1);
    type->tp_name = et->_ht_tpname;

    /* __module__ from the caller's globals. */
    int r = PyDict_Contains(dict, _Py_ID(__module__));
    if (r < 0) {
        goto error;
    }
    if (r == 0) {
        PyObject *globals = PyEval_GetGlobals();
        if (globals != NULL) {
            PyObject *modname = PyDict_GetItemWithError(globals, _Py_ID(__name__));
            if (modname != NULL) {
                if (PyDict_SetItem(dict, _Py_ID(__module__), modname) < 0) {
                    goto error;
                }
            }
            else if (PyErr_Occurred()) {
                goto error;
            }
        }
    }
    /* __qualname__ */
    PyObject *qualname = PyDict_GetItemWithError(dict, _Py_ID(__qualname__));
    if (qualname != NULL) {
        if (!PyUnicode_Check(qualname)) {
            PyErr_Format(PyExc_TypeError, "type __qualname__ must be a str, not %s",
                         Py_TYPE(qualname)->tp_name);
            goto error;
        }
        et->ht_qualname = Py_NewRef(qualname);
        if (PyDict_DelItem(dict, _Py_ID(__qualname__)) < 0) {
            goto error;
        }
    }
    else if (PyErr_Occurred()) {
        goto error;
    }
    else {
        et->ht_qualname = Py_NewRef(ctx->name);
    }
    /* __doc__ */
    PyObject *doc = PyDict_GetItemWithError(dict, _Py_ID(__doc__));
    if (doc == NULL) {
        if (PyErr_Occurred()) {
            goto error;
        }
    }
    else if (PyUnicode_Check(doc)) {
        Py_ssize_t len;
        const char *doc_str = PyUnicode_AsUTF8AndSize(doc, &len);
        if (doc_str == NULL) {
            goto error;
        }
        char *tp_doc = PyMem_Malloc((size_t)len + 1);
        if (tp_doc == NULL) {
            PyErr_NoMemory();
            goto error;
        }
        memcpy(tp_doc, doc_str, (size_t)len + 1);
        type->tp_doc = tp_doc;
    }
    /* Implicit staticmethod / classmethods. */
    if (wrap_implicit(dict, _Py_ID(__new__), PyStaticMethod_New) < 0 ||
        wrap_implicit(dict, _Py_ID(__init_subclass__), PyClassMethod_New) < 0 ||
        wrap_implicit(dict, _Py_ID(__class_getitem__), PyClassMethod_New) < 0) {
        goto error;
    }
    /* Slots, __dict__ and __weakref__ layout. */
    Py_ssize_t slotoffset = base->tp_basicsize;
    if (et->ht_slots != NULL) {
        PyMemberDef *mp = PyHeapType_GET_MEMBERS(et);
        Py_ssize_t n = PyTuple_GET_SIZE(et->ht_slots);
        for (Py_ssize_t i = 0; i < n; i++, mp++) {
            mp->name = PyUnicode_AsUTF8(PyTuple_GET_ITEM(et->ht_slots, i));
            if (mp->name == NULL) {
                goto error;
            }
            mp->type = Py_T_OBJECT_EX;
            mp->offset = slotoffset;
            slotoffset += (Py_ssize_t)sizeof(PyObject *);
        }
    }
    if (ctx->add_dict) {
        if (base->tp_itemsize) {
            type->tp_dictoffset = -(Py_ssize_t)sizeof(PyObject *);
        }
        else {
            type->tp_dictoffset = slotoffset;
        }
        slotoffset += (Py_ssize_t)sizeof(PyObject *);
    }
    if (ctx->add_weak) {
        type->tp_weaklistoffset = slotoffset;
        slotoffset += (Py_ssize_t)sizeof(PyObject *);
    }
    type->tp_basicsize = slotoffset;
    type->tp_itemsize = base->tp_itemsize;
    type->tp_members = PyHeapType_GET_MEMBERS(et);
    if (ctx->add_dict && ctx->add_weak) {
        type->tp_getset = subtype_getsets_full;
    }
    else if (ctx->add_dict) {
        type->tp_getset = subtype_getsets_dict_only;
    }
    else if (ctx->add_weak) {
        type->tp_getset = subtype_getsets_weakref_only;
    }
    type->tp_dealloc = subtype_dealloc;
    type->tp_traverse = subtype_traverse;
    type->tp_clear = subtype_clear;
    type->tp_alloc = PyType_GenericAlloc;
    type->tp_free = PyObject_GC_Del;

    if (PyType_Ready(type) < 0) {
        goto error;
    }
    /* A class without a docstring has __doc__ None (after the __dict__/__weakref__ getsets,
     * matching CPython's dict order). */
    if (dict_setdefault(dict, _Py_ID(__doc__), Py_None) < 0) {
        goto error;
    }
    /* __classcell__: the cell behind zero-argument super() and __class__. */
    PyObject *cell = PyDict_GetItemWithError(dict, _Py_ID(__classcell__));
    if (cell != NULL) {
        if (!PyCell_Check(cell)) {
            PyErr_Format(PyExc_TypeError, "__classcell__ must be a nonlocal cell, not %.200R",
                         Py_TYPE(cell));
            goto error;
        }
        PyCell_Set(cell, (PyObject *)type);
        if (PyDict_DelItem(dict, _Py_ID(__classcell__)) < 0) {
            goto error;
        }
    }
    else if (PyErr_Occurred()) {
        goto error;
    }
    fixup_slot_dispatchers(type);
    if (type->tp_call != base->tp_call) {
        type->tp_flags &= ~Py_TPFLAGS_HAVE_VECTORCALL;
    }
    if (metatype->tp_call == type_call) {
        type->tp_vectorcall = heaptype_vectorcall;
    }
    PyType_Modified(type);
    if (type_new_set_names(type) < 0) {
        goto error;
    }
    if (type_new_init_subclass(type, ctx->kwds) < 0) {
        goto error;
    }
    _PyObject_SetDeferredRefcount((PyObject *)type);  /* classes are shared by all threads */
    return (PyObject *)type;

error:
    Py_DECREF(type);
    return NULL;
}

static PyObject *
type_new(PyTypeObject *metatype, PyObject *args, PyObject *kwds)
{
    PyObject *name, *bases, *orig_dict;
    if (!PyTuple_Check(args) || PyTuple_GET_SIZE(args) != 3) {
        if (PyTuple_Check(args) && PyTuple_GET_SIZE(args) == 1 &&
            (kwds == NULL || PyDict_GET_SIZE(kwds) == 0) && metatype == &PyType_Type) {
            return Py_NewRef(Py_TYPE(PyTuple_GET_ITEM(args, 0)));
        }
        PyErr_SetString(PyExc_TypeError, "type() takes 1 or 3 arguments");
        return NULL;
    }
    name = PyTuple_GET_ITEM(args, 0);
    bases = PyTuple_GET_ITEM(args, 1);
    orig_dict = PyTuple_GET_ITEM(args, 2);
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError,
                     "type.__new__() argument 1 must be str, not %.200s",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    if (!PyTuple_Check(bases)) {
        PyErr_Format(PyExc_TypeError,
                     "type.__new__() argument 2 must be tuple, not %.200s",
                     Py_TYPE(bases)->tp_name);
        return NULL;
    }
    if (!PyDict_Check(orig_dict)) {
        PyErr_Format(PyExc_TypeError,
                     "type.__new__() argument 3 must be dict, not %.200s",
                     Py_TYPE(orig_dict)->tp_name);
        return NULL;
    }
    PyTypeObject *winner = _PyType_CalculateMetaclass(metatype, bases);
    if (winner == NULL) {
        return NULL;
    }
    if (winner != metatype) {
        if (winner->tp_new != type_new) {
            return winner->tp_new(winner, args, kwds);
        }
        metatype = winner;
    }
    PyObject *real_bases;
    if (PyTuple_GET_SIZE(bases) == 0) {
        real_bases = PyTuple_Pack(1, &PyBaseObject_Type);
        if (real_bases == NULL) {
            return NULL;
        }
    }
    else {
        real_bases = Py_NewRef(bases);
        /* Reject non-type bases that define __mro_entries__ (only __build_class__ uses it). */
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(bases); i++) {
            PyObject *b = PyTuple_GET_ITEM(bases, i);
            if (PyType_Check(b)) {
                continue;
            }
            PyObject *mro_entries;
            int r = PyObject_GetOptionalAttr(b, _Py_ID(__mro_entries__), &mro_entries);
            if (r < 0) {
                Py_DECREF(real_bases);
                return NULL;
            }
            if (r) {
                Py_DECREF(mro_entries);
                PyErr_SetString(PyExc_TypeError,
                                "type() doesn't support MRO entry resolution; use "
                                "types.new_class()");
                Py_DECREF(real_bases);
                return NULL;
            }
        }
    }
    type_new_ctx ctx = {
        .metatype = metatype,
        .name = name,
        .bases = real_bases,
        .orig_dict = orig_dict,
        .kwds = kwds,
    };
    ctx.base = best_base(real_bases);
    if (ctx.base == NULL) {
        Py_DECREF(real_bases);
        return NULL;
    }
    PyObject *res = type_new_impl(&ctx);
    Py_DECREF(real_bases);
    return res;
}

PyObject *
_PyType_NewSimple(const char *name, PyObject *bases, PyObject *dict)
{
    PyObject *oname = PyUnicode_FromString(name);
    if (oname == NULL) {
        return NULL;
    }
    PyObject *args = PyTuple_Pack(3, oname, bases, dict);
    Py_DECREF(oname);
    if (args == NULL) {
        return NULL;
    }
    PyObject *res = type_new(&PyType_Type, args, NULL);
    Py_DECREF(args);
    return res;
}

static int
type_init(PyObject *cls, PyObject *args, PyObject *kwds)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs == 1 && kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (nargs != 1 && nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

/* ==== calling a type ======================================================================== */

static PyObject *
type_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (type == &PyType_Type) {
        Py_ssize_t nargs = PyTuple_GET_SIZE(args);
        if (nargs == 1 && (kwds == NULL || !PyDict_GET_SIZE(kwds))) {
            return Py_NewRef(Py_TYPE(PyTuple_GET_ITEM(args, 0)));
        }
        if (nargs != 3) {
            PyErr_SetString(PyExc_TypeError, "type() takes 1 or 3 arguments");
            return NULL;
        }
    }
    if (type->tp_new == NULL) {
        PyErr_Format(PyExc_TypeError, "cannot create '%s' instances", type->tp_name);
        return NULL;
    }
    PyObject *obj = type->tp_new(type, args, kwds);
    if (obj == NULL) {
        return NULL;
    }
    if (!PyObject_TypeCheck(obj, type)) {
        return obj;
    }
    type = Py_TYPE(obj);
    if (type->tp_init != NULL) {
        int res = type->tp_init(obj, args, kwds);
        if (res < 0) {
            Py_DECREF(obj);
            return NULL;
        }
    }
    return obj;
}

/* vectorcall of `type` itself: type(x) without building a tuple. */
static PyObject *
type_vectorcall(PyObject *metatype, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs == 1 && metatype == (PyObject *)&PyType_Type &&
        (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0)) {
        return Py_NewRef(Py_TYPE(args[0]));
    }
    PyThreadState *tstate = _PyThreadState_GET();
    return _PyObject_MakeTpCall(tstate, metatype, args, nargs, kwnames);
}

/* vectorcall of Python classes: for the common case (object.__new__ and a Python __init__)
 * allocate the instance and call __init__ with the argument vector, no tuple or dict. */
static PyObject *
heaptype_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                    PyObject *kwnames)
{
    PyTypeObject *type = (PyTypeObject *)callable;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyThreadState *tstate = _PyThreadState_GET();
    if (type->tp_new != object_new || type->tp_init != slot_tp_init ||
        (PyType_HasFeature(type, Py_TPFLAGS_IS_ABSTRACT))) {
        return _PyObject_MakeTpCall(tstate, callable, args, nargs, kwnames);
    }
    PyObject *init = _PyType_LookupRef(type, _Py_ID(__init__));
    if (init == NULL || !PyFunction_Check(init)) {
        Py_XDECREF(init);
        return _PyObject_MakeTpCall(tstate, callable, args, nargs, kwnames);
    }
    PyObject *self = type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_DECREF(init);
        return NULL;
    }
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    Py_ssize_t total = nargs + nkw;
    PyObject *res;
    if (nargsf & PY_VECTORCALL_ARGUMENTS_OFFSET) {
        /* The caller lets us use args[-1]. */
        PyObject **newargs = (PyObject **)args - 1;
        PyObject *saved = newargs[0];
        newargs[0] = self;
        res = PyObject_Vectorcall(init, newargs, (size_t)(nargs + 1), kwnames);
        newargs[0] = saved;
    }
    else {
        PyObject *small[_PY_FASTCALL_SMALL_STACK + 1];
        PyObject **stack = small;
        if (total + 1 > (Py_ssize_t)Py_ARRAY_LENGTH(small)) {
            stack = PyMem_Malloc((size_t)(total + 1) * sizeof(PyObject *));
            if (stack == NULL) {
                Py_DECREF(init);
                Py_DECREF(self);
                return PyErr_NoMemory();
            }
        }
        stack[0] = self;
        if (total) {
            memcpy(stack + 1, args, (size_t)total * sizeof(PyObject *));
        }
        res = PyObject_Vectorcall(init, stack, (size_t)(nargs + 1), kwnames);
        if (stack != small) {
            PyMem_Free(stack);
        }
    }
    Py_DECREF(init);
    if (res == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    if (res != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        Py_DECREF(self);
        return NULL;
    }
    Py_DECREF(res);
    return self;
}

/* ==== the `type` type ======================================================================= */

static PyObject *
type_module(PyTypeObject *type)
{
    if (PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE)) {
        PyObject *mod = PyDict_GetItemWithError(type->tp_dict, _Py_ID(__module__));
        if (mod == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_AttributeError, "__module__");
            }
            return NULL;
        }
        return Py_NewRef(mod);
    }
    const char *s = strrchr(type->tp_name, '.');
    if (s != NULL) {
        return PyUnicode_FromStringAndSize(type->tp_name, s - type->tp_name);
    }
    return Py_NewRef(_Py_ID(builtins));
}

/* The names of a heap type -- ht_name, ht_qualname, and tp_name with _ht_tpname, the buffer
 * that holds it -- change by assignment to __name__ and __qualname__ while other threads read
 * them without a lock (tp_name in nearly every error message).  The setters publish the new
 * value with a release store and release the old one through QSBR (at once in the GIL build),
 * so a pointer a reader has loaded stays valid until its next quiescent state; the getters
 * below take their reference before that.  A reader racing a rename sees the old or the new
 * name, as in CPython. */

/* Return a new reference. */
static PyObject *
type_qualname(PyTypeObject *type)
{
    if (PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE)) {
        return _PyObject_FieldGetRef(&((PyHeapTypeObject *)type)->ht_qualname);
    }
    return PyUnicode_FromString(_PyType_Name(type));
}

/* Return a new reference. */
static PyObject *
type_name(PyTypeObject *type)
{
    if (PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE)) {
        return _PyObject_FieldGetRef(&((PyHeapTypeObject *)type)->ht_name);
    }
    return PyUnicode_FromString(_PyType_Name(type));
}

static PyObject *
type_repr(PyObject *self)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (type->tp_name == NULL) {
        return PyUnicode_FromFormat("<class at %p>", (void *)type);
    }
    PyObject *mod = type_module(type);
    if (mod == NULL) {
        PyErr_Clear();
    }
    else if (!PyUnicode_Check(mod)) {
        Py_CLEAR(mod);
    }
    PyObject *name = type_qualname(type);
    if (name == NULL) {
        Py_XDECREF(mod);
        return NULL;
    }
    PyObject *rtn;
    if (mod != NULL && !PyUnicode_EqualToUTF8(mod, "builtins")) {
        rtn = PyUnicode_FromFormat("<class '%U.%U'>", mod, name);
    }
    else {
        rtn = PyUnicode_FromFormat("<class '%s'>", type->tp_name);
    }
    Py_XDECREF(mod);
    Py_DECREF(name);
    return rtn;
}

PyObject *
_Py_type_getattro_impl(PyTypeObject *type, PyObject *name, int *suppress_missing_attribute)
{
    PyTypeObject *metatype = Py_TYPE(type);
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    if (type->tp_dict == NULL && PyType_Ready(type) < 0) {
        return NULL;
    }
    PyObject *meta_attribute = _PyType_LookupRef(metatype, name);
    descrgetfunc meta_get = NULL;
    if (meta_attribute != NULL) {
        meta_get = Py_TYPE(meta_attribute)->tp_descr_get;
        if (meta_get != NULL && PyDescr_IsData(meta_attribute)) {
            PyObject *res = meta_get(meta_attribute, (PyObject *)type, (PyObject *)metatype);
            Py_DECREF(meta_attribute);
            return res;
        }
    }
    PyObject *attribute = _PyType_LookupRef(type, name);
    if (attribute != NULL) {
        Py_XDECREF(meta_attribute);
        descrgetfunc local_get = Py_TYPE(attribute)->tp_descr_get;
        if (local_get != NULL) {
            PyObject *res = local_get(attribute, NULL, (PyObject *)type);
            Py_DECREF(attribute);
            return res;
        }
        return attribute;
    }
    if (meta_get != NULL) {
        PyObject *res = meta_get(meta_attribute, (PyObject *)type, (PyObject *)metatype);
        Py_DECREF(meta_attribute);
        return res;
    }
    if (meta_attribute != NULL) {
        return meta_attribute;
    }
    if (suppress_missing_attribute != NULL) {
        *suppress_missing_attribute = 1;
        return NULL;
    }
    PyErr_Format(PyExc_AttributeError, "type object '%.100s' has no attribute '%U'",
                 type->tp_name, name);
    _PyObject_SetAttributeErrorContext((PyObject *)type, name);
    return NULL;
}

PyObject *
_Py_type_getattro(PyObject *type, PyObject *name)
{
    return _Py_type_getattro_impl((PyTypeObject *)type, name, NULL);
}

static int
is_dunder_name(PyObject *name)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(name);
    return n > 4 && PyUnicode_READ_CHAR(name, 0) == '_' && PyUnicode_READ_CHAR(name, 1) == '_' &&
           PyUnicode_READ_CHAR(name, n - 1) == '_' && PyUnicode_READ_CHAR(name, n - 2) == '_';
}

/* Set (value != NULL) or delete name in the dict of a live type, then clear its tag.  The
 * value replaced may sit in other threads' method caches or be in the middle of a lookup: it
 * is released through QSBR (see the method cache above).  0, or -1 with an exception (KeyError
 * when deleting a missing name). */
static int
type_dict_set(PyTypeObject *type, PyObject *name, PyObject *value)
{
    PyObject *dict = type->tp_dict;
    PyObject *old;
    int res;
    /* The dict's critical section makes reading the old value and replacing it one step
     * (the dict's own operations re-enter it).  Otherwise two threads assigning the same name
     * could both take the value before them, and the value the first one stored would be
     * released by the dict at once when the second replaced it, under readers that had just
     * found it in a method cache or a lookup.  Only a key in the dict whose __eq__ runs
     * Python code (a str subclass) can still split the step, as that code may block. */
    Py_BEGIN_CRITICAL_SECTION(dict);
    res = PyDict_GetItemRef(dict, name, &old);
    if (res >= 0) {
        res = value != NULL ? PyDict_SetItem(dict, name, value) : PyDict_DelItem(dict, name);
    }
    Py_END_CRITICAL_SECTION();
    PyType_Modified(type);
    _PyObject_XDecRefDelayed(old);
    return res;
}

int
_Py_type_setattro(PyObject *self, PyObject *name, PyObject *value)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (PyType_HasFeature(type, Py_TPFLAGS_IMMUTABLETYPE)) {
        PyErr_Format(PyExc_TypeError, "cannot set %R attribute of immutable type '%s'", name,
                     type->tp_name);
        return -1;
    }
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    Py_INCREF(name);
    PyUnicode_InternInPlace(&name);
    int res;
    /* A data descriptor on the metatype (e.g. __name__) handles its own attribute. */
    PyObject *meta_attr = _PyType_LookupRef(Py_TYPE(type), name);
    if (meta_attr != NULL && Py_TYPE(meta_attr)->tp_descr_set != NULL) {
        res = Py_TYPE(meta_attr)->tp_descr_set(meta_attr, self, value);
    }
    else if (value == NULL) {
        res = type_dict_set(type, name, NULL);
        if (res < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_AttributeError, "type object '%.100s' has no attribute '%U'",
                         type->tp_name, name);
            _PyObject_SetAttributeErrorContext(self, name);
        }
    }
    else {
        res = type_dict_set(type, name, value);
    }
    Py_XDECREF(meta_attr);
    if (res == 0 && is_dunder_name(name)) {
        /* Other threads read the type's slots without a lock: they are all parked while
         * the slots change (free-threaded build; no Python code runs in update_slot). */
        PyInterpreterState *interp = _PyInterpreterState_GET();
        _PyEval_StopTheWorld(interp);
        res = update_slot(type, name);
        _PyEval_StartTheWorld(interp);
    }
    Py_DECREF(name);
    return res;
}

static void
type_dealloc(PyObject *self)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    if (!(PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE))) {
        Py_FatalError("deallocating a static type");
    }
    PyObject_GC_UnTrack(type);
    if (type->tp_bases != NULL) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(type->tp_bases); i++) {
            PyObject *b = PyTuple_GET_ITEM(type->tp_bases, i);
            if (PyType_Check(b)) {
                remove_subclass((PyTypeObject *)b, type);
            }
        }
    }
    if (type->tp_weaklist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    Py_XDECREF(type->tp_base);
    Py_XDECREF(type->tp_dict);
    Py_XDECREF(type->tp_bases);
    Py_XDECREF(type->tp_mro);
    Py_XDECREF(type->tp_cache);
    Py_XDECREF((PyObject *)type->tp_subclasses);
    PyMem_Free((void *)type->tp_doc);
    Py_XDECREF(et->ht_name);
    Py_XDECREF(et->ht_qualname);
    Py_XDECREF(et->ht_slots);
    Py_XDECREF(et->ht_module);
    PyMem_Free(et->_ht_tpname);
    Py_TYPE(type)->tp_free(self);
}

static int
type_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!(PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE))) {
        return 0;
    }
    Py_VISIT(type->tp_dict);
    Py_VISIT(type->tp_cache);
    Py_VISIT(type->tp_mro);
    Py_VISIT(type->tp_bases);
    Py_VISIT(type->tp_base);
    Py_VISIT(((PyHeapTypeObject *)type)->ht_module);
    /* A class owns a reference to its metaclass only when the metaclass is a heap type
     * (_PyObject_Init); visiting a static metaclass would make the collector undercount. */
    if (PyType_HasFeature(Py_TYPE(type), Py_TPFLAGS_HEAPTYPE)) {
        Py_VISIT(Py_TYPE(type));
    }
    return 0;
}

static int
type_clear(PyObject *self)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (type->tp_dict != NULL) {
        PyDict_Clear(type->tp_dict);
    }
    Py_CLEAR(((PyHeapTypeObject *)type)->ht_module);
    Py_CLEAR(type->tp_mro);
    PyType_Modified(type);
    return 0;
}

static int
type_is_gc(PyObject *type)
{
    return (type_flags_of((PyTypeObject *)type) & Py_TPFLAGS_HEAPTYPE) != 0;
}

static int
check_set_special_type_attr(PyTypeObject *type, PyObject *value, const char *name)
{
    if (!(PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE)) ||
        (PyType_HasFeature(type, Py_TPFLAGS_IMMUTABLETYPE))) {
        PyErr_Format(PyExc_TypeError, "cannot set '%s' attribute of immutable type '%s'", name,
                     type->tp_name);
        return 0;
    }
    if (value == NULL) {
        PyErr_Format(PyExc_TypeError, "cannot delete '%s' attribute of immutable type '%s'",
                     name, type->tp_name);
        return 0;
    }
    return 1;
}

static PyObject *
type_get_name(PyObject *type, void *context)
{
    return type_name((PyTypeObject *)type);
}

static int
type_set_name(PyObject *self, PyObject *value, void *context)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!check_set_special_type_attr(type, value, "__name__")) {
        return -1;
    }
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "can only assign string to %s.__name__, not '%s'",
                     type->tp_name, Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_ssize_t size;
    const char *tp_name = PyUnicode_AsUTF8AndSize(value, &size);
    if (tp_name == NULL) {
        return -1;
    }
    if (strlen(tp_name) != (size_t)size) {
        PyErr_SetString(PyExc_ValueError, "type name must not contain null characters");
        return -1;
    }
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    char *copy = PyMem_Malloc((size_t)size + 1);
    if (copy == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(copy, tp_name, (size_t)size + 1);
    char *old_tpname;
    /* The type's critical section orders concurrent renames: tp_name and _ht_tpname must
     * end up pointing at the same buffer, and each replaced buffer must be released once. */
    Py_BEGIN_CRITICAL_SECTION(type);
    old_tpname = et->_ht_tpname;
    et->_ht_tpname = copy;
    FT_ATOMIC_STORE_PTR_RELEASE(type->tp_name, copy);
    _PyObject_FieldSet(&et->ht_name, Py_NewRef(value));
    Py_END_CRITICAL_SECTION();
    /* Other threads may still be formatting the old tp_name (see above type_qualname). */
    _PyMem_FreeDelayed(old_tpname);
    return 0;
}

static PyObject *
type_get_qualname(PyObject *type, void *context)
{
    return type_qualname((PyTypeObject *)type);
}

static int
type_set_qualname(PyObject *self, PyObject *value, void *context)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!check_set_special_type_attr(type, value, "__qualname__")) {
        return -1;
    }
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                     type->tp_name, Py_TYPE(value)->tp_name);
        return -1;
    }
    _PyObject_FieldSet(&((PyHeapTypeObject *)type)->ht_qualname, Py_NewRef(value));
    return 0;
}

static PyObject *
type_get_bases(PyObject *type, void *context)
{
    return Py_NewRef(FT_ATOMIC_LOAD_PTR_ACQUIRE(((PyTypeObject *)type)->tp_bases));
}

static int
type_set_bases(PyObject *self, PyObject *new_bases, void *context)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!check_set_special_type_attr(type, new_bases, "__bases__")) {
        return -1;
    }
    if (!PyTuple_Check(new_bases)) {
        PyErr_Format(PyExc_TypeError, "can only assign tuple to %s.__bases__, not %s",
                     type->tp_name, Py_TYPE(new_bases)->tp_name);
        return -1;
    }
    if (PyTuple_GET_SIZE(new_bases) == 0) {
        PyErr_Format(PyExc_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()",
                     type->tp_name);
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(new_bases); i++) {
        PyObject *b = PyTuple_GET_ITEM(new_bases, i);
        if (!PyType_Check(b)) {
            PyErr_Format(PyExc_TypeError, "%s.__bases__ must be tuple of classes, not '%s'",
                         type->tp_name, Py_TYPE(b)->tp_name);
            return -1;
        }
        if (PyType_IsSubtype((PyTypeObject *)b, type)) {
            PyErr_SetString(PyExc_TypeError, "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    PyTypeObject *new_base = best_base(new_bases);
    if (new_base == NULL) {
        return -1;
    }
    if (solid_base(new_base) != solid_base(type->tp_base)) {
        PyErr_Format(PyExc_TypeError, "__bases__ assignment: '%s' object layout differs from '%s'",
                     new_base->tp_name, type->tp_base->tp_name);
        return -1;
    }
    /* Other threads may read the old bases meanwhile (__bases__, lookups): they are released
     * through QSBR, as the old MRO is (mro_internal). */
    PyObject *old_bases = type->tp_bases;
    PyTypeObject *old_base = type->tp_base;
    FT_ATOMIC_STORE_PTR_RELEASE(type->tp_bases, Py_NewRef(new_bases));
    FT_ATOMIC_STORE_PTR_RELEASE(type->tp_base, (PyTypeObject *)Py_NewRef(new_base));
    if (mro_internal(type) < 0) {
        FT_ATOMIC_STORE_PTR_RELEASE(type->tp_bases, old_bases);
        FT_ATOMIC_STORE_PTR_RELEASE(type->tp_base, old_base);
        _PyObject_XDecRefDelayed(new_bases);
        _PyObject_XDecRefDelayed((PyObject *)new_base);
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(old_bases); i++) {
        remove_subclass((PyTypeObject *)PyTuple_GET_ITEM(old_bases, i), type);
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(new_bases); i++) {
        add_subclass((PyTypeObject *)PyTuple_GET_ITEM(new_bases, i), type);
    }
    _PyObject_XDecRefDelayed(old_bases);
    _PyObject_XDecRefDelayed((PyObject *)old_base);
    /* The slots change with every other thread parked (see _Py_type_setattro). */
    PyInterpreterState *interp = _PyInterpreterState_GET();
    _PyEval_StopTheWorld(interp);
    fixup_slot_dispatchers(type);
    _PyEval_StartTheWorld(interp);
    PyType_Modified(type);
    return 0;
}

static PyObject *
type_get_mro(PyObject *type, void *context)
{
    PyObject *mro = FT_ATOMIC_LOAD_PTR_ACQUIRE(((PyTypeObject *)type)->tp_mro);
    if (mro == NULL) {
        Py_RETURN_NONE;
    }
    return Py_NewRef(mro);     /* alive: see mro_internal */
}

static PyObject *
type_get_module(PyObject *type, void *context)
{
    return type_module((PyTypeObject *)type);
}

static int
type_set_module(PyObject *self, PyObject *value, void *context)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!check_set_special_type_attr(type, value, "__module__")) {
        return -1;
    }
    return type_dict_set(type, _Py_ID(__module__), value);
}

static PyObject *
type_get_abstractmethods(PyObject *self, void *context)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyObject *mod = NULL;
    if (type != &PyType_Type &&
            PyDict_GetItemRef(type->tp_dict, _Py_ID(__abstractmethods__), &mod) < 0) {
        return NULL;
    }
    if (mod == NULL) {
        PyErr_SetObject(PyExc_AttributeError, _Py_ID(__abstractmethods__));
    }
    return mod;
}

static int
type_set_abstractmethods(PyObject *self, PyObject *value, void *context)
{
    PyTypeObject *type = (PyTypeObject *)self;
    int abstract, res;
    if (value != NULL) {
        abstract = PyObject_IsTrue(value);
        if (abstract < 0) {
            return -1;
        }
        res = type_dict_set(type, _Py_ID(__abstractmethods__), value);
    }
    else {
        abstract = 0;
        res = type_dict_set(type, _Py_ID(__abstractmethods__), NULL);
        if (res < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_SetObject(PyExc_AttributeError, _Py_ID(__abstractmethods__));
            return -1;
        }
    }
    if (res == 0) {
        type_set_flags(type, abstract ? Py_TPFLAGS_IS_ABSTRACT : 0,
                       abstract ? 0 : Py_TPFLAGS_IS_ABSTRACT);
    }
    return res;
}

static PyObject *
type_get_dict(PyObject *self, void *context)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (type->tp_dict == NULL) {
        Py_RETURN_NONE;
    }
    return PyDictProxy_New(type->tp_dict);
}

static PyObject *
type_get_doc(PyObject *self, void *context)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!(PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE)) && type->tp_doc != NULL) {
        return _PyType_GetDocFromInternalDoc(type->tp_name, type->tp_doc);
    }
    PyObject *result;
    if (PyDict_GetItemRef(type->tp_dict, _Py_ID(__doc__), &result) <= 0) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    if (Py_TYPE(result)->tp_descr_get) {
        Py_SETREF(result, Py_TYPE(result)->tp_descr_get(result, NULL, self));
    }
    return result;
}

static int
type_set_doc(PyObject *self, PyObject *value, void *context)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!check_set_special_type_attr(type, value, "__doc__")) {
        return -1;
    }
    return type_dict_set(type, _Py_ID(__doc__), value);
}

static PyObject *
type_get_text_signature(PyObject *self, void *context)
{
    PyTypeObject *type = (PyTypeObject *)self;
    return _PyType_GetTextSignatureFromInternalDoc(type->tp_name, type->tp_doc);
}

static PyObject *
type_get_annotations(PyObject *self, void *context)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!(PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE))) {
        PyErr_Format(PyExc_AttributeError, "type object '%s' has no attribute '__annotations__'",
                     type->tp_name);
        return NULL;
    }
    PyObject *annotations;
    if (PyDict_GetItemRef(type->tp_dict, _Py_ID(__annotations__), &annotations) < 0) {
        return NULL;
    }
    if (annotations == NULL) {
        PyObject *fresh = PyDict_New();
        if (fresh == NULL) {
            return NULL;
        }
        /* Only if still missing: a value another thread has just assigned (type_dict_set)
         * must not be replaced here, which would release it under its readers. */
        int r = PyDict_SetDefaultRef(type->tp_dict, _Py_ID(__annotations__), fresh,
                                     &annotations);
        Py_DECREF(fresh);
        if (r < 0) {
            return NULL;
        }
        if (r == 0) {
            PyType_Modified(type);
            return annotations;
        }
    }
    descrgetfunc get = Py_TYPE(annotations)->tp_descr_get;
    if (get) {
        Py_SETREF(annotations, get(annotations, NULL, self));
    }
    return annotations;
}

static int
type_set_annotations(PyObject *self, PyObject *value, void *context)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (PyType_HasFeature(type, Py_TPFLAGS_IMMUTABLETYPE)) {
        PyErr_Format(PyExc_TypeError, "cannot set '__annotations__' attribute of immutable type "
                     "'%s'", type->tp_name);
        return -1;
    }
    int res = type_dict_set(type, _Py_ID(__annotations__), value);
    if (res < 0 && value == NULL && PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyErr_Clear();
        PyErr_SetObject(PyExc_AttributeError, _Py_ID(__annotations__));
    }
    return res;
}

static PyObject *
type_get_type_params(PyObject *self, void *context)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (type == &PyType_Type) {
        return PyTuple_New(0);
    }
    PyObject *params;
    if (PyDict_GetItemRef(type->tp_dict, _Py_ID(__type_params__), &params) != 0) {
        return params;    /* found, or NULL on error */
    }
    return PyTuple_New(0);
}

static int
type_set_type_params(PyObject *self, PyObject *value, void *context)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (!check_set_special_type_attr(type, value, "__type_params__")) {
        return -1;
    }
    if (!PyTuple_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__type_params__ must be set to a tuple, not %s",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    return type_dict_set(type, _Py_ID(__type_params__), value);
}

static PyGetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name, NULL, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL, NULL},
    {"__bases__", type_get_bases, type_set_bases, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL, NULL},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL, NULL},
    {"__text_signature__", type_get_text_signature, NULL, NULL, NULL},
    {"__annotations__", type_get_annotations, type_set_annotations, NULL, NULL},
    {"__type_params__", type_get_type_params, type_set_type_params, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef type_members[] = {
    {"__basicsize__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_basicsize), Py_READONLY, NULL},
    {"__itemsize__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_itemsize), Py_READONLY, NULL},
    {"__flags__", Py_T_ULONG, offsetof(PyTypeObject, tp_flags), Py_READONLY, NULL},
    {"__weakrefoffset__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_weaklistoffset),
     Py_READONLY, NULL},
    {"__base__", _Py_T_OBJECT, offsetof(PyTypeObject, tp_base), Py_READONLY, NULL},
    {"__dictoffset__", Py_T_PYSSIZET, offsetof(PyTypeObject, tp_dictoffset), Py_READONLY,
     NULL},
    {NULL, 0, 0, 0, NULL},
};

extern int _PyObject_RealIsInstance(PyObject *inst, PyObject *cls);
extern int _PyObject_RealIsSubclass(PyObject *derived, PyObject *cls);

static PyObject *
type___instancecheck__(PyObject *type, PyObject *inst)
{
    int r = _PyObject_RealIsInstance(inst, type);
    if (r < 0) {
        return NULL;
    }
    return PyBool_FromLong(r);
}

static PyObject *
type___subclasscheck__(PyObject *type, PyObject *inst)
{
    int r = _PyObject_RealIsSubclass(inst, type);
    if (r < 0) {
        return NULL;
    }
    return PyBool_FromLong(r);
}

static PyObject *
type_prepare(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return PyDict_New();
}

/* Merge the names of aclass.__dict__ and its bases' into dict. */
static int
merge_class_dict(PyObject *dict, PyObject *aclass)
{
    PyObject *classdict;
    if (PyObject_GetOptionalAttr(aclass, _Py_ID(__dict__), &classdict) < 0) {
        return -1;
    }
    if (classdict != NULL) {
        int status = PyDict_Update(dict, classdict);
        Py_DECREF(classdict);
        if (status < 0) {
            return -1;
        }
    }
    PyObject *bases;
    if (PyObject_GetOptionalAttr(aclass, _Py_ID(__bases__), &bases) < 0) {
        return -1;
    }
    if (bases != NULL) {
        Py_ssize_t n = PySequence_Size(bases);
        if (n < 0) {
            Py_DECREF(bases);
            return -1;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *base = PySequence_GetItem(bases, i);
            if (base == NULL) {
                Py_DECREF(bases);
                return -1;
            }
            int status = merge_class_dict(dict, base);
            Py_DECREF(base);
            if (status < 0) {
                Py_DECREF(bases);
                return -1;
            }
        }
        Py_DECREF(bases);
    }
    return 0;
}

static PyObject *
type___dir__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *dict = PyDict_New();
    if (dict == NULL) {
        return NULL;
    }
    PyObject *result = NULL;
    if (merge_class_dict(dict, self) == 0) {
        result = PyDict_Keys(dict);
    }
    Py_DECREF(dict);
    return result;
}

static PyObject *
type___sizeof__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyTypeObject *type = (PyTypeObject *)self;
    size_t size;
    if (PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE)) {
        size = sizeof(PyHeapTypeObject) + (size_t)Py_SIZE(type) * sizeof(PyMemberDef);
    }
    else {
        size = sizeof(PyTypeObject);
    }
    return PyLong_FromSize_t(size);
}

static PyMethodDef type_methods[] = {
    {"mro", type_mro_method, METH_NOARGS, "mro($self, /)\n--\n\nReturn a type's method "
     "resolution order."},
    {"__subclasses__", type_subclasses, METH_NOARGS, "__subclasses__($self, /)\n--\n\n"
     "Return a list of immediate subclasses."},
    {"__prepare__", _PyCFunction_CAST(type_prepare), METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
     "__prepare__($cls, name, bases, /, **kwds)\n--\n\nCreate the namespace for the class "
     "statement"},
    {"__instancecheck__", type___instancecheck__, METH_O,
     "__instancecheck__($self, instance, /)\n--\n\nCheck if an object is an instance."},
    {"__subclasscheck__", type___subclasscheck__, METH_O,
     "__subclasscheck__($self, subclass, /)\n--\n\nCheck if a class is a subclass."},
    {"__dir__", type___dir__, METH_NOARGS, "__dir__($self, /)\n--\n\nSpecialized __dir__ "
     "implementation for types."},
    {"__sizeof__", type___sizeof__, METH_NOARGS, "__sizeof__($self, /)\n--\n\nReturn memory "
     "consumption of the type object."},
    {NULL, NULL, 0, NULL},
};

static PyObject *
type_or(PyObject *self, PyObject *other)
{
    return _Py_union_type_or(self, other);
}

static PyNumberMethods type_as_number = {
    .nb_or = type_or,
};

PyTypeObject PyType_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "type",
    .tp_basicsize = sizeof(PyHeapTypeObject),
    .tp_itemsize = sizeof(PyMemberDef),
    .tp_dealloc = type_dealloc,
    .tp_vectorcall_offset = offsetof(PyTypeObject, tp_vectorcall),
    .tp_repr = type_repr,
    .tp_as_number = &type_as_number,
    .tp_call = type_call,
    .tp_getattro = _Py_type_getattro,
    .tp_setattro = _Py_type_setattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_TYPE_SUBCLASS | Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_ITEMS_AT_END,
    .tp_doc = "type(object) -> the object's type\n"
              "type(name, bases, dict, **kwds) -> a new type",
    .tp_traverse = type_traverse,
    .tp_clear = type_clear,
    .tp_weaklistoffset = offsetof(PyTypeObject, tp_weaklist),
    .tp_methods = type_methods,
    .tp_members = type_members,
    .tp_getset = type_getsets,
    .tp_base = &PyBaseObject_Type,
    .tp_dictoffset = offsetof(PyTypeObject, tp_dict),
    .tp_init = type_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = type_new,
    .tp_free = PyObject_GC_Del,
    .tp_is_gc = type_is_gc,
    .tp_vectorcall = type_vectorcall,
};
_Py_REGISTER_STATIC_TYPE(PyType_Type);

/* ==== the `object` type ===================================================================== */

static int
excess_args(PyObject *args, PyObject *kwds)
{
    return PyTuple_GET_SIZE(args) || (kwds && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds));
}

static int
object_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = Py_TYPE(self);
    if (excess_args(args, kwds)) {
        if (type->tp_init != object_init) {
            PyErr_SetString(PyExc_TypeError,
                            "object.__init__() takes exactly one argument (the instance to "
                            "initialize)");
            return -1;
        }
        if (type->tp_new == object_new) {
            PyErr_Format(PyExc_TypeError,
                         "%.200s.__init__() takes exactly one argument (the instance to "
                         "initialize)",
                         type->tp_name);
            return -1;
        }
    }
    return 0;
}

/* "Can't instantiate abstract class X without an implementation for abstract method(s) ..." */
static void
raise_abstract_instantiation(PyTypeObject *type)
{
    PyObject *abstract_methods = type_get_abstractmethods((PyObject *)type, NULL);
    if (abstract_methods == NULL) {
        return;
    }
    PyObject *sorted = PySequence_List(abstract_methods);
    Py_DECREF(abstract_methods);
    if (sorted == NULL || PyList_Sort(sorted) < 0) {
        Py_XDECREF(sorted);
        return;
    }
    Py_ssize_t n = PyList_GET_SIZE(sorted);
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        Py_DECREF(sorted);
        return;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *q = PyUnicode_FromFormat("'%U'", PyList_GET_ITEM(sorted, i));
        if (q == NULL || PyList_Append(parts, q) < 0) {
            Py_XDECREF(q);
            Py_DECREF(parts);
            Py_DECREF(sorted);
            return;
        }
        Py_DECREF(q);
    }
    Py_DECREF(sorted);
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *joined = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    if (joined == NULL) {
        return;
    }
    PyErr_Format(PyExc_TypeError,
                 "Can't instantiate abstract class %s without an implementation for abstract "
                 "method%s %U",
                 type->tp_name, n > 1 ? "s" : "", joined);
    Py_DECREF(joined);
}

static PyObject *
object_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (excess_args(args, kwds)) {
        if (type->tp_new != object_new) {
            PyErr_SetString(PyExc_TypeError,
                            "object.__new__() takes exactly one argument (the type to "
                            "instantiate)");
            return NULL;
        }
        if (type->tp_init == object_init) {
            PyErr_Format(PyExc_TypeError, "%.200s() takes no arguments", type->tp_name);
            return NULL;
        }
    }
    if (PyType_HasFeature(type, Py_TPFLAGS_IS_ABSTRACT)) {
        raise_abstract_instantiation(type);
        return NULL;
    }
    return type->tp_alloc(type, 0);
}

static void
object_dealloc(PyObject *self)
{
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
object_repr(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyObject *mod = type_module(type);
    if (mod == NULL) {
        PyErr_Clear();
    }
    else if (!PyUnicode_Check(mod)) {
        Py_CLEAR(mod);
    }
    PyObject *name = type_qualname(type);
    if (name == NULL) {
        Py_XDECREF(mod);
        return NULL;
    }
    PyObject *rtn;
    if (mod != NULL && !PyUnicode_EqualToUTF8(mod, "builtins")) {
        rtn = PyUnicode_FromFormat("<%U.%U object at %p>", mod, name, (void *)self);
    }
    else {
        rtn = PyUnicode_FromFormat("<%s object at %p>", type->tp_name, (void *)self);
    }
    Py_XDECREF(mod);
    Py_DECREF(name);
    return rtn;
}

static PyObject *
object_str(PyObject *self)
{
    unaryfunc f = Py_TYPE(self)->tp_repr;
    if (f == NULL) {
        f = object_repr;
    }
    return f(self);
}

static PyObject *
object_richcompare(PyObject *self, PyObject *other, int op)
{
    PyObject *res;
    switch (op) {
    case Py_EQ:
        res = (self == other) ? Py_True : Py_NotImplemented;
        return Py_NewRef(res);
    case Py_NE:
        /* By default, __ne__ delegates to __eq__ and inverts the result. */
        if (Py_TYPE(self)->tp_richcompare == NULL) {
            Py_RETURN_NOTIMPLEMENTED;
        }
        res = Py_TYPE(self)->tp_richcompare(self, other, Py_EQ);
        if (res != NULL && res != Py_NotImplemented) {
            int ok = PyObject_IsTrue(res);
            Py_DECREF(res);
            if (ok < 0) {
                return NULL;
            }
            return PyBool_FromLong(!ok);
        }
        return res;
    default:
        Py_RETURN_NOTIMPLEMENTED;
    }
}

static Py_hash_t
object_hash(PyObject *self)
{
    return _Py_HashPointer(self);
}

static PyObject *
object_get_class(PyObject *self, void *closure)
{
    return Py_NewRef(Py_TYPE(self));
}

static int
same_slots_added(PyTypeObject *a, PyTypeObject *b)
{
    PyTypeObject *base = a->tp_base;
    Py_ssize_t size = base->tp_basicsize;
    if (a->tp_dictoffset == size && b->tp_dictoffset == size) {
        size += (Py_ssize_t)sizeof(PyObject *);
    }
    if (a->tp_weaklistoffset == size && b->tp_weaklistoffset == size) {
        size += (Py_ssize_t)sizeof(PyObject *);
    }
    PyObject *slots_a = ((PyHeapTypeObject *)a)->ht_slots;
    PyObject *slots_b = ((PyHeapTypeObject *)b)->ht_slots;
    if (slots_a && slots_b) {
        if (PyObject_RichCompareBool(slots_a, slots_b, Py_EQ) != 1) {
            return 0;
        }
        size += (Py_ssize_t)sizeof(PyObject *) * PyTuple_GET_SIZE(slots_a);
    }
    return size == a->tp_basicsize && size == b->tp_basicsize;
}

static int
compatible_for_assignment(PyTypeObject *oldto, PyTypeObject *newto, const char *attr)
{
    if (newto->tp_free != oldto->tp_free) {
        PyErr_Format(PyExc_TypeError, "%s assignment: '%s' deallocator differs from '%s'", attr,
                     newto->tp_name, oldto->tp_name);
        return 0;
    }
    PyTypeObject *newbase = newto, *oldbase = oldto;
    while (solid_base(newbase) != solid_base(newbase->tp_base ? newbase->tp_base : newbase) &&
           0) {
    }
    newbase = solid_base(newto);
    oldbase = solid_base(oldto);
    if (newbase != oldbase &&
        (newbase->tp_base != oldbase->tp_base || !same_slots_added(newbase, oldbase))) {
        goto differs;
    }
    if (oldto->tp_dictoffset != newto->tp_dictoffset ||
        oldto->tp_weaklistoffset != newto->tp_weaklistoffset ||
        oldto->tp_basicsize != newto->tp_basicsize || oldto->tp_itemsize != newto->tp_itemsize) {
        goto differs;
    }
    return 1;
differs:
    PyErr_Format(PyExc_TypeError, "%s assignment: '%s' object layout differs from '%s'", attr,
                 newto->tp_name, oldto->tp_name);
    return 0;
}

static int
object_set_class(PyObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!PyType_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__class__ must be set to a class, not '%s' object",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    PyTypeObject *newto = (PyTypeObject *)value;
    PyTypeObject *oldto = Py_TYPE(self);
    if (!((PyType_HasFeature(newto, Py_TPFLAGS_HEAPTYPE)) && (PyType_HasFeature(oldto, Py_TPFLAGS_HEAPTYPE))) &&
        !(PyType_IsSubtype(newto, &PyModule_Type) && PyType_IsSubtype(oldto, &PyModule_Type)) &&
        ((PyType_HasFeature(newto, Py_TPFLAGS_IMMUTABLETYPE)) ||
         (PyType_HasFeature(oldto, Py_TPFLAGS_IMMUTABLETYPE)))) {
        PyErr_Format(PyExc_TypeError,
                     "__class__ assignment only supported for mutable types or ModuleType "
                     "subclasses");
        return -1;
    }
    if (!compatible_for_assignment(oldto, newto, "__class__")) {
        return -1;
    }
    if (PyType_HasFeature(newto, Py_TPFLAGS_HEAPTYPE)) {
        Py_INCREF(newto);
    }
    /* Other threads read ob_type without a lock (free-threaded build): they are parked while
     * it changes, and the old type, which they may still be using, is released through QSBR. */
    PyInterpreterState *interp = _PyInterpreterState_GET();
    _PyEval_StopTheWorld(interp);
    Py_SET_TYPE(self, newto);
    _PyEval_StartTheWorld(interp);
    if (PyType_HasFeature(oldto, Py_TPFLAGS_HEAPTYPE)) {
        _PyObject_XDecRefDelayed((PyObject *)oldto);
    }
    return 0;
}

static PyGetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class, "the object's class", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* Names of the slots of every Python class in obj's MRO (new list). */
static PyObject *
slot_names(PyTypeObject *type)
{
    PyObject *names = PyList_New(0);
    if (names == NULL) {
        return NULL;
    }
    /* Held, as in find_name_in_mro: another thread may replace it (__bases__ assignment). */
    PyObject *mro = Py_XNewRef(FT_ATOMIC_LOAD_PTR_ACQUIRE(type->tp_mro));
    for (Py_ssize_t i = 0; mro && i < PyTuple_GET_SIZE(mro); i++) {
        PyTypeObject *t = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        if (!(PyType_HasFeature(t, Py_TPFLAGS_HEAPTYPE))) {
            continue;
        }
        PyObject *slots = ((PyHeapTypeObject *)t)->ht_slots;
        for (Py_ssize_t j = 0; slots && j < PyTuple_GET_SIZE(slots); j++) {
            if (PyList_Append(names, PyTuple_GET_ITEM(slots, j)) < 0) {
                Py_XDECREF(mro);
                Py_DECREF(names);
                return NULL;
            }
        }
    }
    Py_XDECREF(mro);
    return names;
}

/* 1 if instances of type hold C-level state beyond object's header, the instance dict, the
 * weak reference list and the __slots__ of Python classes (names, as from slot_names): the
 * default reduce cannot rebuild such an object from its __dict__ and slots. */
static int
has_hidden_c_state(PyTypeObject *type, PyObject *names)
{
    if (type->tp_itemsize) {
        return 1;
    }
    Py_ssize_t expected = PyBaseObject_Type.tp_basicsize;
    if (type->tp_dictoffset > 0 && !PyType_HasFeature(type, Py_TPFLAGS_MANAGED_DICT)) {
        expected += sizeof(PyObject *);
    }
    if (type->tp_weaklistoffset > 0 &&
        !PyType_HasFeature(type, Py_TPFLAGS_MANAGED_WEAKREF)) {
        expected += sizeof(PyObject *);
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(names); i++) {
        PyObject *name = PyList_GET_ITEM(names, i);
        if (!PyUnicode_EqualToUTF8(name, "__dict__") &&
            !PyUnicode_EqualToUTF8(name, "__weakref__")) {
            expected += sizeof(PyObject *);
        }
    }
    return type->tp_basicsize > expected;
}

/* The state of the default __getstate__: the instance dict (or None) and, when slots hold
 * values, a (dict, slots) pair.  With required set (the default reduce rebuilds obj with
 * type.__new__(type) alone), refuse objects whose C state would be lost.
 * Return a new reference. */
static PyObject *
object_getstate_default(PyObject *obj, int required)
{
    PyTypeObject *type = Py_TYPE(obj);
    if (required && type->tp_itemsize) {
        PyErr_Format(PyExc_TypeError, "cannot pickle '%.200s' object", type->tp_name);
        return NULL;
    }
    PyObject *state;
    /* Held: the copy may wait for the dict's lock, and a dict replaced meanwhile (obj.__dict__
     * assignment, released through QSBR) could then be freed under it. */
    PyObject *dict = Py_XNewRef(_PyObject_GetInstanceDict(obj));
    if (dict != NULL && PyDict_GET_SIZE(dict) > 0) {
        state = PyDict_Copy(dict);
    }
    else {
        state = Py_NewRef(Py_None);
    }
    Py_XDECREF(dict);
    if (state == NULL) {
        return NULL;
    }
    PyObject *names = slot_names(type);
    if (names == NULL) {
        Py_DECREF(state);
        return NULL;
    }
    if (required && has_hidden_c_state(type, names)) {
        PyErr_Format(PyExc_TypeError, "cannot pickle '%.200s' object", type->tp_name);
        goto error;
    }
    if (PyList_GET_SIZE(names) > 0) {
        PyObject *slots = PyDict_New();
        if (slots == NULL) {
            goto error;
        }
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(names); i++) {
            PyObject *name = PyList_GET_ITEM(names, i);
            PyObject *value;
            int r = PyObject_GetOptionalAttr(obj, name, &value);
            if (r < 0) {
                Py_DECREF(slots);
                goto error;
            }
            if (r > 0) {
                r = PyDict_SetItem(slots, name, value);
                Py_DECREF(value);
                if (r < 0) {
                    Py_DECREF(slots);
                    goto error;
                }
            }
        }
        if (PyDict_GET_SIZE(slots) > 0) {
            PyObject *pair = PyTuple_Pack(2, state, slots);
            Py_DECREF(slots);
            if (pair == NULL) {
                goto error;
            }
            Py_SETREF(state, pair);
        }
        else {
            Py_DECREF(slots);
        }
    }
    Py_DECREF(names);
    return state;
error:
    Py_DECREF(names);
    Py_DECREF(state);
    return NULL;
}

PyObject *
_PyObject_GetState(PyObject *obj)
{
    PyObject *getstate = PyObject_GetAttr(obj, _Py_ID(__getstate__));
    if (getstate == NULL) {
        return NULL;
    }
    PyObject *state = PyObject_CallNoArgs(getstate);
    Py_DECREF(getstate);
    return state;
}

static PyObject *
object___getstate__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return object_getstate_default(self, 0);
}

PyObject *
_PyObject_GetNewArguments(PyObject *obj, PyObject **args, PyObject **kwargs)
{
    *args = NULL;
    *kwargs = NULL;
    PyObject *getnewargs_ex = _PyObject_LookupSpecial(obj, _Py_ID(__getnewargs_ex__));
    if (getnewargs_ex != NULL) {
        PyObject *newargs = PyObject_CallNoArgs(getnewargs_ex);
        Py_DECREF(getnewargs_ex);
        if (newargs == NULL) {
            return NULL;
        }
        if (!PyTuple_Check(newargs) || PyTuple_GET_SIZE(newargs) != 2) {
            PyErr_Format(PyExc_ValueError,
                         "__getnewargs_ex__ should return a tuple of length 2, not %s",
                         Py_TYPE(newargs)->tp_name);
            Py_DECREF(newargs);
            return NULL;
        }
        *args = Py_NewRef(PyTuple_GET_ITEM(newargs, 0));
        *kwargs = Py_NewRef(PyTuple_GET_ITEM(newargs, 1));
        Py_DECREF(newargs);
        if (!PyTuple_Check(*args) || !PyDict_Check(*kwargs)) {
            PyErr_SetString(PyExc_TypeError,
                            "__getnewargs_ex__ should return (tuple, dict)");
            Py_CLEAR(*args);
            Py_CLEAR(*kwargs);
            return NULL;
        }
        return Py_None;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    PyObject *getnewargs = _PyObject_LookupSpecial(obj, _Py_ID(__getnewargs__));
    if (getnewargs != NULL) {
        *args = PyObject_CallNoArgs(getnewargs);
        Py_DECREF(getnewargs);
        if (*args == NULL) {
            return NULL;
        }
        if (!PyTuple_Check(*args)) {
            PyErr_Format(PyExc_TypeError, "__getnewargs__ should return a tuple, not '%.200s'",
                         Py_TYPE(*args)->tp_name);
            Py_CLEAR(*args);
            return NULL;
        }
        return Py_None;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    return Py_None;
}

static PyObject *
reduce_newobj(PyObject *obj)
{
    PyObject *args, *kwargs;
    if (Py_TYPE(obj)->tp_new == NULL) {
        PyErr_Format(PyExc_TypeError, "cannot pickle '%.200s' object", Py_TYPE(obj)->tp_name);
        return NULL;
    }
    if (_PyObject_GetNewArguments(obj, &args, &kwargs) == NULL) {
        return NULL;
    }
    PyObject *copyreg = PyImport_ImportModule("copyreg");
    if (copyreg == NULL) {
        Py_XDECREF(args);
        Py_XDECREF(kwargs);
        return NULL;
    }
    int hasargs = args != NULL;
    PyObject *newobj, *newargs;
    if (kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0) {
        newobj = PyObject_GetAttrString(copyreg, "__newobj__");
        Py_ssize_t n = args ? PyTuple_GET_SIZE(args) : 0;
        newargs = PyTuple_New(n + 1);
        if (newargs != NULL) {
            PyTuple_SET_ITEM(newargs, 0, Py_NewRef(Py_TYPE(obj)));
            for (Py_ssize_t i = 0; i < n; i++) {
                PyTuple_SET_ITEM(newargs, i + 1, Py_NewRef(PyTuple_GET_ITEM(args, i)));
            }
        }
    }
    else {
        newobj = PyObject_GetAttrString(copyreg, "__newobj_ex__");
        newargs = PyTuple_Pack(3, Py_TYPE(obj), args, kwargs);
    }
    Py_DECREF(copyreg);
    Py_XDECREF(args);
    Py_XDECREF(kwargs);
    if (newobj == NULL || newargs == NULL) {
        Py_XDECREF(newobj);
        Py_XDECREF(newargs);
        return NULL;
    }
    int required = !hasargs && !PyList_Check(obj) && !PyDict_Check(obj);
    PyObject *state;
    PyObject *getstate = PyObject_GetAttr(obj, _Py_ID(__getstate__));
    if (getstate == NULL) {
        state = NULL;
    }
    else {
        /* The default __getstate__ is called with `required` (cannot pickle C state). */
        PyObject *default_getstate = PyDict_GetItemWithError(PyBaseObject_Type.tp_dict,
                                                             _Py_ID(__getstate__));
        if (PyCFunction_Check(getstate) && PyCFunction_GET_SELF(getstate) == obj &&
            default_getstate != NULL &&
            PyCFunction_GET_FUNCTION(getstate) ==
                ((PyMethodDescrObject *)default_getstate)->d_method->ml_meth) {
            state = object_getstate_default(obj, required);
        }
        else {
            state = PyObject_CallNoArgs(getstate);
        }
        Py_DECREF(getstate);
    }
    if (state == NULL) {
        Py_DECREF(newobj);
        Py_DECREF(newargs);
        return NULL;
    }
    PyObject *listitems = Py_None, *dictitems = Py_None;
    Py_INCREF(listitems);
    Py_INCREF(dictitems);
    if (PyList_Check(obj)) {
        Py_SETREF(listitems, PyObject_GetIter(obj));
    }
    if (listitems != NULL && PyDict_Check(obj)) {
        PyObject *items = PyObject_CallMethod(obj, "items", NULL);
        Py_SETREF(dictitems, items ? PyObject_GetIter(items) : NULL);
        Py_XDECREF(items);
    }
    PyObject *result = NULL;
    if (listitems != NULL && dictitems != NULL) {
        result = PyTuple_Pack(5, newobj, newargs, state, listitems, dictitems);
    }
    Py_XDECREF(listitems);
    Py_XDECREF(dictitems);
    Py_DECREF(newobj);
    Py_DECREF(newargs);
    Py_DECREF(state);
    return result;
}

static PyObject *
common_reduce(PyObject *self, int proto)
{
    if (proto >= 2) {
        return reduce_newobj(self);
    }
    PyObject *copyreg = PyImport_ImportModule("copyreg");
    if (copyreg == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_CallMethod(copyreg, "_reduce_ex", "Oi", self, proto);
    Py_DECREF(copyreg);
    return res;
}

static PyObject *
object___reduce__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return common_reduce(self, 0);
}

static PyObject *
object___reduce_ex__(PyObject *self, PyObject *arg)
{
    int protocol = PyLong_AsInt(arg);
    if (protocol == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *reduce;
    if (PyObject_GetOptionalAttr(self, _Py_ID(__reduce__), &reduce) < 0) {
        return NULL;
    }
    if (reduce != NULL) {
        PyObject *cls_reduce = PyObject_GetAttr((PyObject *)Py_TYPE(self), _Py_ID(__reduce__));
        if (cls_reduce == NULL) {
            Py_DECREF(reduce);
            return NULL;
        }
        PyObject *objreduce = PyDict_GetItemWithError(PyBaseObject_Type.tp_dict,
                                                      _Py_ID(__reduce__));
        int override = cls_reduce != objreduce;
        Py_DECREF(cls_reduce);
        if (override) {
            PyObject *res = PyObject_CallNoArgs(reduce);
            Py_DECREF(reduce);
            return res;
        }
        Py_DECREF(reduce);
    }
    return common_reduce(self, protocol);
}

static PyObject *
object_subclasshook(PyObject *cls, PyObject *args)
{
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *
object_init_subclass(PyObject *cls, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_NONE;
}

static PyObject *
object___format__(PyObject *self, PyObject *format_spec)
{
    if (!PyUnicode_Check(format_spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.200s",
                     Py_TYPE(format_spec)->tp_name);
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(format_spec) > 0) {
        PyErr_Format(PyExc_TypeError, "unsupported format string passed to %.200s.__format__",
                     Py_TYPE(self)->tp_name);
        return NULL;
    }
    return PyObject_Str(self);
}

static PyObject *
object___sizeof__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t size = 0;
    Py_ssize_t isize = Py_TYPE(self)->tp_itemsize;
    if (isize > 0) {
        Py_ssize_t n = Py_SIZE(self);
        size = (n < 0 ? -n : n) * isize;
    }
    size += Py_TYPE(self)->tp_basicsize;
    return PyLong_FromSsize_t(size);
}

static PyObject *
object___dir__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *dict = NULL, *itsclass = NULL, *result = NULL;
    if (PyObject_GetOptionalAttr(self, _Py_ID(__dict__), &dict) < 0) {
        return NULL;
    }
    if (dict == NULL) {
        dict = PyDict_New();
    }
    else if (!PyDict_Check(dict)) {
        Py_SETREF(dict, PyDict_New());
    }
    else {
        Py_SETREF(dict, PyDict_Copy(dict));
    }
    if (dict == NULL) {
        return NULL;
    }
    if (PyObject_GetOptionalAttr(self, _Py_ID(__class__), &itsclass) < 0) {
        goto done;
    }
    if (itsclass != NULL && merge_class_dict(dict, itsclass) != 0) {
        goto done;
    }
    result = PyDict_Keys(dict);
done:
    Py_XDECREF(itsclass);
    Py_DECREF(dict);
    return result;
}

static PyMethodDef object_methods[] = {
    {"__reduce_ex__", object___reduce_ex__, METH_O,
     "__reduce_ex__($self, protocol, /)\n--\n\nHelper for pickle."},
    {"__reduce__", object___reduce__, METH_NOARGS,
     "__reduce__($self, /)\n--\n\nHelper for pickle."},
    {"__getstate__", object___getstate__, METH_NOARGS,
     "__getstate__($self, /)\n--\n\nHelper for pickle."},
    {"__subclasshook__", object_subclasshook, METH_CLASS | METH_O,
     "Abstract classes can override this to customize issubclass()."},
    {"__init_subclass__", object_init_subclass, METH_CLASS | METH_NOARGS,
     "This method is called when a class is subclassed."},
    {"__format__", object___format__, METH_O,
     "__format__($self, format_spec, /)\n--\n\nDefault object formatter."},
    {"__sizeof__", object___sizeof__, METH_NOARGS,
     "__sizeof__($self, /)\n--\n\nSize of object in memory, in bytes."},
    {"__dir__", object___dir__, METH_NOARGS,
     "__dir__($self, /)\n--\n\nDefault dir() implementation."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyBaseObject_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "object",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = object_dealloc,
    .tp_repr = object_repr,
    .tp_hash = object_hash,
    .tp_str = object_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "object()\n--\n\nThe base class of the class hierarchy.\n\n"
              "When called, it accepts no arguments and returns a new featureless\n"
              "instance that has no instance attributes and cannot be given any.\n",
    .tp_richcompare = object_richcompare,
    .tp_methods = object_methods,
    .tp_getset = object_getsets,
    .tp_init = object_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = object_new,
    .tp_free = PyObject_Free,
};
_Py_REGISTER_STATIC_TYPE(PyBaseObject_Type);

/* ==== super ================================================================================= */

typedef struct {
    PyObject_HEAD
    PyTypeObject *type;      /* the class after which the MRO walk starts */
    PyObject *obj;           /* the bound instance or class, or NULL (unbound super) */
    PyTypeObject *obj_type;  /* type(obj) or obj when obj is a class */
} superobject;

static void
super_dealloc(PyObject *self)
{
    superobject *su = (superobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(su->obj);
    Py_XDECREF(su->type);
    Py_XDECREF(su->obj_type);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
super_repr(PyObject *self)
{
    superobject *su = (superobject *)self;
    if (su->obj_type) {
        return PyUnicode_FromFormat("<super: <class '%s'>, <%s object>>",
                                    su->type ? su->type->tp_name : "NULL",
                                    su->obj_type->tp_name);
    }
    return PyUnicode_FromFormat("<super: <class '%s'>, NULL>",
                                su->type ? su->type->tp_name : "NULL");
}

/* Look name up in the MRO of obj_type after su_type.  Return a new reference, or NULL: with
 * an exception on error, without one when missing.  The MRO is held by a reference of its own,
 * as in find_name_in_mro: a dict lookup may wait for the dict's lock, a thread that waits is
 * quiescent, and an MRO replaced meanwhile (__bases__ assignment) could then be freed under
 * the walk. */
static PyObject *
super_lookup(PyTypeObject *su_type, PyTypeObject *obj_type, PyObject *name)
{
    PyObject *mro = FT_ATOMIC_LOAD_PTR_ACQUIRE(obj_type->tp_mro);
    if (mro == NULL) {
        return NULL;
    }
    Py_INCREF(mro);    /* alive: a replaced MRO is released through QSBR (mro_internal) */
    PyObject *res = NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(mro), i;
    for (i = 0; i + 1 < n; i++) {
        if ((PyObject *)su_type == PyTuple_GET_ITEM(mro, i)) {
            break;
        }
    }
    for (i++; i < n; i++) {
        PyObject *dict = ((PyTypeObject *)PyTuple_GET_ITEM(mro, i))->tp_dict;
        if (PyDict_GetItemRef(dict, name, &res) != 0) {
            break;       /* found, or an error */
        }
    }
    Py_DECREF(mro);
    return res;
}

/* Is name the str "__class__"?  super() asks on every lookup: the length, which rules out
 * nearly every other name, is compared first. */
static inline int
is_class_attribute_name(PyObject *name)
{
    return PyUnicode_Check(name) && PyUnicode_GET_LENGTH(name) == 9 &&
           PyUnicode_EqualToUTF8(name, "__class__");
}

static PyObject *
super_getattro(PyObject *self, PyObject *name)
{
    superobject *su = (superobject *)self;
    PyTypeObject *starttype = su->obj_type;
    if (starttype == NULL || is_class_attribute_name(name)) {
        return PyObject_GenericGetAttr(self, name);
    }
    PyObject *res = super_lookup(su->type, starttype, name);
    if (res != NULL) {
        descrgetfunc f = Py_TYPE(res)->tp_descr_get;
        if (f != NULL) {
            PyObject *tmp = f(res,
                              (su->obj == (PyObject *)starttype) ? NULL : su->obj,
                              (PyObject *)starttype);
            Py_SETREF(res, tmp);
        }
        return res;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyObject_GenericGetAttr(self, name);
}

/* The type to start from for super(type, obj): obj if it is a subclass of type, else type(obj)
 * (or obj.__class__).  New reference. */
static PyTypeObject *
supercheck(PyTypeObject *type, PyObject *obj)
{
    if (PyType_Check(obj) && PyType_IsSubtype((PyTypeObject *)obj, type)) {
        return (PyTypeObject *)Py_NewRef(obj);
    }
    if (PyType_IsSubtype(Py_TYPE(obj), type)) {
        return (PyTypeObject *)Py_NewRef(Py_TYPE(obj));
    }
    PyObject *class_attr;
    if (PyObject_GetOptionalAttr(obj, _Py_ID(__class__), &class_attr) < 0) {
        return NULL;
    }
    if (class_attr != NULL && PyType_Check(class_attr) &&
        (PyTypeObject *)class_attr != Py_TYPE(obj) &&
        PyType_IsSubtype((PyTypeObject *)class_attr, type)) {
        return (PyTypeObject *)class_attr;
    }
    Py_XDECREF(class_attr);
    const char *type_or_instance, *obj_str;
    if (PyType_Check(obj)) {
        type_or_instance = "type";
        obj_str = ((PyTypeObject *)obj)->tp_name;
    }
    else {
        type_or_instance = "instance of";
        obj_str = Py_TYPE(obj)->tp_name;
    }
    PyErr_Format(PyExc_TypeError,
                 "super(type, obj): obj (%s %.200s) is not an instance or subtype of type "
                 "(%.200s).",
                 type_or_instance, obj_str, type->tp_name);
    return NULL;
}

PyObject *
_PySuper_Lookup(PyTypeObject *su_type, PyObject *su_obj, PyObject *name, int *meth_found)
{
    PyTypeObject *starttype = supercheck(su_type, su_obj);
    if (starttype == NULL) {
        return NULL;
    }
    PyObject *res = NULL;
    if (!is_class_attribute_name(name)) {
        res = super_lookup(su_type, starttype, name);
    }
    if (res == NULL) {
        Py_DECREF(starttype);
        if (PyErr_Occurred()) {
            return NULL;
        }
        /* Not found after su_type: the attributes of the super object itself (__self__,
         * __thisclass__, __class__, ...), exactly as super(su_type, su_obj).name would. */
        if (meth_found != NULL) {
            *meth_found = 0;
        }
        PyObject *args[2] = {(PyObject *)su_type, su_obj};
        PyObject *su = PyObject_Vectorcall((PyObject *)&PySuper_Type, args, 2, NULL);
        if (su == NULL) {
            return NULL;
        }
        res = PyObject_GenericGetAttr(su, name);
        Py_DECREF(su);
        return res;
    }
    if (meth_found != NULL) {
        *meth_found = 0;
        if (PyType_HasFeature(Py_TYPE(res), Py_TPFLAGS_METHOD_DESCRIPTOR) &&
            su_obj != (PyObject *)starttype) {
            *meth_found = 1;
            Py_DECREF(starttype);
            return res;
        }
    }
    descrgetfunc f = Py_TYPE(res)->tp_descr_get;
    if (f != NULL) {
        PyObject *tmp = f(res, (su_obj == (PyObject *)starttype) ? NULL : su_obj,
                          (PyObject *)starttype);
        Py_SETREF(res, tmp);
    }
    Py_DECREF(starttype);
    return res;
}

static int
super_init_impl(PyObject *self, PyTypeObject *type, PyObject *obj)
{
    superobject *su = (superobject *)self;
    PyTypeObject *obj_type = NULL;
    if (obj == Py_None) {
        obj = NULL;
    }
    if (obj != NULL) {
        obj_type = supercheck(type, obj);
        if (obj_type == NULL) {
            return -1;
        }
        Py_INCREF(obj);
    }
    Py_XSETREF(su->type, (PyTypeObject *)Py_NewRef(type));
    Py_XSETREF(su->obj, obj);
    Py_XSETREF(su->obj_type, obj_type);
    return 0;
}

extern int _PyEval_GetSuperArgs(PyTypeObject **ptype, PyObject **pobj);

static int
super_init_args(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyTypeObject *type;
    PyObject *obj = NULL;
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "super() expected at most 2 arguments, got %zd", nargs);
        return -1;
    }
    if (nargs == 0) {
        if (_PyEval_GetSuperArgs(&type, &obj) < 0) {
            return -1;
        }
    }
    else {
        if (!PyType_Check(args[0])) {
            PyErr_Format(PyExc_TypeError, "super() argument 1 must be a type, not %.200s",
                         Py_TYPE(args[0])->tp_name);
            return -1;
        }
        type = (PyTypeObject *)args[0];
        if (nargs == 2) {
            obj = args[1];
        }
    }
    return super_init_impl(self, type, obj);
}

static int
super_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "super() takes no keyword arguments");
        return -1;
    }
    return super_init_args(self, &PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args));
}

static PyObject *
super_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyTypeObject *type = (PyTypeObject *)self;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "super() takes no keyword arguments");
        return NULL;
    }
    if (type != &PySuper_Type) {
        return _PyObject_MakeTpCall(_PyThreadState_GET(), self, args,
                                    PyVectorcall_NARGS(nargsf), kwnames);
    }
    PyObject *obj = PyType_GenericAlloc(type, 0);
    if (obj == NULL) {
        return NULL;
    }
    if (super_init_args(obj, args, PyVectorcall_NARGS(nargsf)) < 0) {
        Py_DECREF(obj);
        return NULL;
    }
    return obj;
}

static PyObject *
super_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    superobject *su = (superobject *)self;
    if (obj == NULL || obj == Py_None || su->obj != NULL) {
        return Py_NewRef(self);
    }
    PyObject *newobj = PyType_GenericAlloc(Py_TYPE(su), 0);
    if (newobj == NULL) {
        return NULL;
    }
    if (super_init_impl(newobj, su->type, obj) < 0) {
        Py_DECREF(newobj);
        return NULL;
    }
    return newobj;
}

static int
super_traverse(PyObject *self, visitproc visit, void *arg)
{
    superobject *su = (superobject *)self;
    Py_VISIT(su->obj);
    Py_VISIT(su->type);
    Py_VISIT(su->obj_type);
    return 0;
}

static PyMemberDef super_members[] = {
    {"__thisclass__", _Py_T_OBJECT, offsetof(superobject, type), Py_READONLY,
     "the class invoking super()"},
    {"__self__", _Py_T_OBJECT, offsetof(superobject, obj), Py_READONLY,
     "the instance invoking super(); may be None"},
    {"__self_class__", _Py_T_OBJECT, offsetof(superobject, obj_type), Py_READONLY,
     "the type of the instance invoking super(); may be None"},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject PySuper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "super",
    .tp_basicsize = sizeof(superobject),
    .tp_dealloc = super_dealloc,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "super() -> same as super(__class__, <first argument>)\n"
              "super(type) -> unbound super object\n"
              "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
              "super(type, type2) -> bound super object; requires issubclass(type2, type)",
    .tp_traverse = super_traverse,
    .tp_members = super_members,
    .tp_descr_get = super_descr_get,
    .tp_init = super_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = super_vectorcall,
};
_Py_REGISTER_STATIC_TYPE(PySuper_Type);
/* Offset in PyHeapTypeObject of each PyType_Slot id (typeslots.h numbering). */
static const short slotoffsets[] = {
    -1, /* 0: invalid */
    offsetof(PyHeapTypeObject, as_buffer.bf_getbuffer),
    offsetof(PyHeapTypeObject, as_buffer.bf_releasebuffer),
    offsetof(PyHeapTypeObject, as_mapping.mp_ass_subscript),
    offsetof(PyHeapTypeObject, as_mapping.mp_length),
    offsetof(PyHeapTypeObject, as_mapping.mp_subscript),
    offsetof(PyHeapTypeObject, as_number.nb_absolute),
    offsetof(PyHeapTypeObject, as_number.nb_add),
    offsetof(PyHeapTypeObject, as_number.nb_and),
    offsetof(PyHeapTypeObject, as_number.nb_bool),
    offsetof(PyHeapTypeObject, as_number.nb_divmod),
    offsetof(PyHeapTypeObject, as_number.nb_float),
    offsetof(PyHeapTypeObject, as_number.nb_floor_divide),
    offsetof(PyHeapTypeObject, as_number.nb_index),
    offsetof(PyHeapTypeObject, as_number.nb_inplace_add),
    offsetof(PyHeapTypeObject, as_number.nb_inplace_and),
    offsetof(PyHeapTypeObject, as_number.nb_inplace_floor_divide),
    offsetof(PyHeapTypeObject, as_number.nb_inplace_lshift),
    offsetof(PyHeapTypeObject, as_number.nb_inplace_multiply),
    offsetof(PyHeapTypeObject, as_number.nb_inplace_or),
    offsetof(PyHeapTypeObject, as_number.nb_inplace_power),
    offsetof(PyHeapTypeObject, as_number.nb_inplace_remainder),
    offsetof(PyHeapTypeObject, as_number.nb_inplace_rshift),
    offsetof(PyHeapTypeObject, as_number.nb_inplace_subtract),
    offsetof(PyHeapTypeObject, as_number.nb_inplace_true_divide),
    offsetof(PyHeapTypeObject, as_number.nb_inplace_xor),
    offsetof(PyHeapTypeObject, as_number.nb_int),
    offsetof(PyHeapTypeObject, as_number.nb_invert),
    offsetof(PyHeapTypeObject, as_number.nb_lshift),
    offsetof(PyHeapTypeObject, as_number.nb_multiply),
    offsetof(PyHeapTypeObject, as_number.nb_negative),
    offsetof(PyHeapTypeObject, as_number.nb_or),
    offsetof(PyHeapTypeObject, as_number.nb_positive),
    offsetof(PyHeapTypeObject, as_number.nb_power),
    offsetof(PyHeapTypeObject, as_number.nb_remainder),
    offsetof(PyHeapTypeObject, as_number.nb_rshift),
    offsetof(PyHeapTypeObject, as_number.nb_subtract),
    offsetof(PyHeapTypeObject, as_number.nb_true_divide),
    offsetof(PyHeapTypeObject, as_number.nb_xor),
    offsetof(PyHeapTypeObject, as_sequence.sq_ass_item),
    offsetof(PyHeapTypeObject, as_sequence.sq_concat),
    offsetof(PyHeapTypeObject, as_sequence.sq_contains),
    offsetof(PyHeapTypeObject, as_sequence.sq_inplace_concat),
    offsetof(PyHeapTypeObject, as_sequence.sq_inplace_repeat),
    offsetof(PyHeapTypeObject, as_sequence.sq_item),
    offsetof(PyHeapTypeObject, as_sequence.sq_length),
    offsetof(PyHeapTypeObject, as_sequence.sq_repeat),
    offsetof(PyHeapTypeObject, ht_type.tp_alloc),
    offsetof(PyHeapTypeObject, ht_type.tp_base),
    offsetof(PyHeapTypeObject, ht_type.tp_bases),
    offsetof(PyHeapTypeObject, ht_type.tp_call),
    offsetof(PyHeapTypeObject, ht_type.tp_clear),
    offsetof(PyHeapTypeObject, ht_type.tp_dealloc),
    offsetof(PyHeapTypeObject, ht_type.tp_del),
    offsetof(PyHeapTypeObject, ht_type.tp_descr_get),
    offsetof(PyHeapTypeObject, ht_type.tp_descr_set),
    offsetof(PyHeapTypeObject, ht_type.tp_doc),
    offsetof(PyHeapTypeObject, ht_type.tp_getattr),
    offsetof(PyHeapTypeObject, ht_type.tp_getattro),
    offsetof(PyHeapTypeObject, ht_type.tp_hash),
    offsetof(PyHeapTypeObject, ht_type.tp_init),
    offsetof(PyHeapTypeObject, ht_type.tp_is_gc),
    offsetof(PyHeapTypeObject, ht_type.tp_iter),
    offsetof(PyHeapTypeObject, ht_type.tp_iternext),
    offsetof(PyHeapTypeObject, ht_type.tp_methods),
    offsetof(PyHeapTypeObject, ht_type.tp_new),
    offsetof(PyHeapTypeObject, ht_type.tp_repr),
    offsetof(PyHeapTypeObject, ht_type.tp_richcompare),
    offsetof(PyHeapTypeObject, ht_type.tp_setattr),
    offsetof(PyHeapTypeObject, ht_type.tp_setattro),
    offsetof(PyHeapTypeObject, ht_type.tp_str),
    offsetof(PyHeapTypeObject, ht_type.tp_traverse),
    offsetof(PyHeapTypeObject, ht_type.tp_members),
    offsetof(PyHeapTypeObject, ht_type.tp_getset),
    offsetof(PyHeapTypeObject, ht_type.tp_free),
    offsetof(PyHeapTypeObject, as_number.nb_matrix_multiply),
    offsetof(PyHeapTypeObject, as_number.nb_inplace_matrix_multiply),
    offsetof(PyHeapTypeObject, as_async.am_await),
    offsetof(PyHeapTypeObject, as_async.am_aiter),
    offsetof(PyHeapTypeObject, as_async.am_anext),
    offsetof(PyHeapTypeObject, ht_type.tp_finalize),
    offsetof(PyHeapTypeObject, as_async.am_send),
    offsetof(PyHeapTypeObject, ht_type.tp_vectorcall),
};

/* ==== heap types from C: PyType_FromSpec and friends ======================================== */

PyObject *
PyType_FromMetaclass(PyTypeObject *metaclass, PyObject *module, PyType_Spec *spec,
                     PyObject *bases_in)
{
    PyType_Slot *slot;
    PyObject *bases = NULL;
    const char *doc = NULL;
    PyMemberDef *members = NULL;
    Py_ssize_t nmembers = 0, weaklistoffset = 0, dictoffset = 0, vectorcalloffset = 0;

    for (slot = spec->slots; slot->slot; slot++) {
        if (slot->slot < 0 || (size_t)slot->slot >= Py_ARRAY_LENGTH(slotoffsets)) {
            PyErr_SetString(PyExc_RuntimeError, "invalid slot offset");
            return NULL;
        }
        if (slot->slot == Py_tp_members) {
            members = slot->pfunc;
            for (PyMemberDef *m = members; m->name != NULL; m++) {
                if (strcmp(m->name, "__weaklistoffset__") == 0) {
                    weaklistoffset = m->offset;
                }
                else if (strcmp(m->name, "__dictoffset__") == 0) {
                    dictoffset = m->offset;
                }
                else if (strcmp(m->name, "__vectorcalloffset__") == 0) {
                    vectorcalloffset = m->offset;
                }
                else {
                    nmembers++;
                }
            }
        }
        else if (slot->slot == Py_tp_doc) {
            doc = slot->pfunc;
        }
    }
    /* Bases: the argument, else Py_tp_bases, else Py_tp_base, else object. */
    if (bases_in != NULL) {
        bases = PyType_Check(bases_in) ? PyTuple_Pack(1, bases_in) : Py_NewRef(bases_in);
    }
    else {
        PyObject *b = NULL;
        for (slot = spec->slots; slot->slot; slot++) {
            if (slot->slot == Py_tp_bases) {
                b = slot->pfunc;
                break;
            }
            if (slot->slot == Py_tp_base) {
                b = slot->pfunc;
            }
        }
        if (b == NULL) {
            b = (PyObject *)&PyBaseObject_Type;
        }
        bases = PyType_Check(b) ? PyTuple_Pack(1, b) : Py_NewRef(b);
    }
    if (bases == NULL) {
        return NULL;
    }
    if (metaclass == NULL) {
        metaclass = _PyType_CalculateMetaclass(&PyType_Type, bases);
        if (metaclass == NULL) {
            Py_DECREF(bases);
            return NULL;
        }
    }
    if (metaclass->tp_new != NULL && metaclass->tp_new != PyType_Type.tp_new) {
        PyErr_SetString(PyExc_TypeError, "Metaclasses with custom tp_new are not supported.");
        Py_DECREF(bases);
        return NULL;
    }
    PyTypeObject *base = best_base(bases);
    if (base == NULL) {
        Py_DECREF(bases);
        return NULL;
    }
    PyHeapTypeObject *res = (PyHeapTypeObject *)metaclass->tp_alloc(metaclass, nmembers);
    if (res == NULL) {
        Py_DECREF(bases);
        return NULL;
    }
    PyTypeObject *type = &res->ht_type;
    type->tp_flags = spec->flags | Py_TPFLAGS_HEAPTYPE;
    type->tp_as_async = &res->as_async;
    type->tp_as_number = &res->as_number;
    type->tp_as_sequence = &res->as_sequence;
    type->tp_as_mapping = &res->as_mapping;
    type->tp_as_buffer = &res->as_buffer;
    type->tp_bases = bases;
    type->tp_base = (PyTypeObject *)Py_NewRef(base);

    const char *s = strrchr(spec->name, '.');
    const char *short_name = s ? s + 1 : spec->name;
    res->ht_name = PyUnicode_FromString(short_name);
    if (res->ht_name == NULL) {
        goto fail;
    }
    res->ht_qualname = Py_NewRef(res->ht_name);
    size_t name_len = strlen(spec->name);
    res->_ht_tpname = PyMem_Malloc(name_len + 1);
    if (res->_ht_tpname == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    memcpy(res->_ht_tpname, spec->name, name_len + 1);
    type->tp_name = res->_ht_tpname;
    res->ht_module = Py_XNewRef(module);

    type->tp_basicsize = spec->basicsize ? spec->basicsize : base->tp_basicsize;
    type->tp_itemsize = spec->itemsize ? spec->itemsize : base->tp_itemsize;

    for (slot = spec->slots; slot->slot; slot++) {
        switch (slot->slot) {
        case Py_tp_base:
        case Py_tp_bases:
        case Py_tp_doc:
            break;
        case Py_tp_members: {
            PyMemberDef *dst = PyHeapType_GET_MEMBERS(res);
            for (PyMemberDef *m = slot->pfunc; m->name != NULL; m++) {
                if (strcmp(m->name, "__weaklistoffset__") == 0 ||
                    strcmp(m->name, "__dictoffset__") == 0 ||
                    strcmp(m->name, "__vectorcalloffset__") == 0) {
                    continue;
                }
                *dst++ = *m;
            }
            type->tp_members = PyHeapType_GET_MEMBERS(res);
            break;
        }
        default:
            *(void **)((char *)res + slotoffsets[slot->slot]) = slot->pfunc;
            break;
        }
    }
    if (doc != NULL) {
        const char *plain = doc;
        size_t len = strlen(plain);
        char *tp_doc = PyMem_Malloc(len + 1);
        if (tp_doc == NULL) {
            PyErr_NoMemory();
            goto fail;
        }
        memcpy(tp_doc, plain, len + 1);
        type->tp_doc = tp_doc;
    }
    if (weaklistoffset) {
        type->tp_weaklistoffset = weaklistoffset;
    }
    if (dictoffset) {
        type->tp_dictoffset = dictoffset;
    }
    if (vectorcalloffset) {
        type->tp_vectorcall_offset = vectorcalloffset;
    }
    /* Braid has no managed pre-header: a type asking for a managed dict or weakref list gets
     * an ordinary slot at the end of its instances instead (fixed-size types only). */
    if (type->tp_itemsize == 0) {
        if ((PyType_HasFeature(type, Py_TPFLAGS_MANAGED_DICT)) && type->tp_dictoffset == 0) {
            type->tp_dictoffset = type->tp_basicsize;
            type->tp_basicsize += (Py_ssize_t)sizeof(PyObject *);
        }
        if ((PyType_HasFeature(type, Py_TPFLAGS_MANAGED_WEAKREF)) && type->tp_weaklistoffset == 0) {
            type->tp_weaklistoffset = type->tp_basicsize;
            type->tp_basicsize += (Py_ssize_t)sizeof(PyObject *);
        }
    }
    type->tp_flags &= ~(Py_TPFLAGS_MANAGED_DICT | Py_TPFLAGS_MANAGED_WEAKREF);
    if (type->tp_dealloc == NULL) {
        type->tp_dealloc = subtype_dealloc;
    }
    if (PyType_Ready(type) < 0) {
        goto fail;
    }
    if (type->tp_doc != NULL) {
        PyObject *docobj = _PyType_GetDocFromInternalDoc(type->tp_name, type->tp_doc);
        if (docobj == NULL) {
            goto fail;
        }
        int r = PyDict_SetItem(type->tp_dict, _Py_ID(__doc__), docobj);
        Py_DECREF(docobj);
        if (r < 0) {
            goto fail;
        }
    }
    if (s != NULL) {
        PyObject *modname = PyUnicode_FromStringAndSize(spec->name, s - spec->name);
        if (modname == NULL) {
            goto fail;
        }
        int r = PyDict_SetItem(type->tp_dict, _Py_ID(__module__), modname);
        Py_DECREF(modname);
        if (r < 0) {
            goto fail;
        }
    }
    PyType_Modified(type);
    _PyObject_SetDeferredRefcount((PyObject *)res);   /* classes are shared by all threads */
    return (PyObject *)res;

fail:
    Py_DECREF(res);
    return NULL;
}

PyObject *
PyType_FromModuleAndSpec(PyObject *module, PyType_Spec *spec, PyObject *bases)
{
    return PyType_FromMetaclass(NULL, module, spec, bases);
}

PyObject *
PyType_FromSpecWithBases(PyType_Spec *spec, PyObject *bases)
{
    return PyType_FromMetaclass(NULL, NULL, spec, bases);
}

PyObject *
PyType_FromSpec(PyType_Spec *spec)
{
    return PyType_FromMetaclass(NULL, NULL, spec, NULL);
}

void *
PyType_GetSlot(PyTypeObject *type, int slot)
{
    if (slot <= 0 || (size_t)slot >= Py_ARRAY_LENGTH(slotoffsets)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (slot == Py_tp_base) {
        return type->tp_base;
    }
    if (slot == Py_tp_bases) {
        return type->tp_bases;
    }
    void **ptr = slotptr(type, slotoffsets[slot]);
    return ptr == NULL ? NULL : *ptr;
}

PyObject *
PyType_GetModule(PyTypeObject *type)
{
    if (!(PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE))) {
        PyErr_Format(PyExc_TypeError, "PyType_GetModule: Type '%s' is not a heap type",
                     type->tp_name);
        return NULL;
    }
    PyObject *mod = ((PyHeapTypeObject *)type)->ht_module;
    if (mod == NULL) {
        PyErr_Format(PyExc_TypeError, "PyType_GetModule: Type '%s' has no associated module",
                     type->tp_name);
        return NULL;
    }
    return mod;
}

void *
PyType_GetModuleState(PyTypeObject *type)
{
    PyObject *m = PyType_GetModule(type);
    if (m == NULL) {
        return NULL;
    }
    return PyModule_GetState(m);
}

PyObject *
_PyType_GetModuleByDef2(PyTypeObject *left, PyTypeObject *right, PyModuleDef *def)
{
    PyTypeObject *types[2] = {left, right};
    for (int k = 0; k < 2; k++) {
        if (types[k] == NULL) {
            continue;
        }
        PyObject *mro = types[k]->tp_mro;
        for (Py_ssize_t i = 0; mro && i < PyTuple_GET_SIZE(mro); i++) {
            PyTypeObject *t = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
            if (!(PyType_HasFeature(t, Py_TPFLAGS_HEAPTYPE))) {
                continue;
            }
            PyObject *module = ((PyHeapTypeObject *)t)->ht_module;
            if (module != NULL && PyModule_Check(module) &&
                ((PyModuleObject *)module)->md_def == def) {
                return module;
            }
        }
    }
    return NULL;
}

PyObject *
PyType_GetModuleByDef(PyTypeObject *type, PyModuleDef *def)
{
    PyObject *module = _PyType_GetModuleByDef2(type, NULL, def);
    if (module == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "PyType_GetModuleByDef: No superclass of '%s' has the given module",
                     type->tp_name);
    }
    return module;
}

PyObject *
PyType_GetName(PyTypeObject *type)
{
    return type_name(type);
}

PyObject *
PyType_GetQualName(PyTypeObject *type)
{
    return type_qualname(type);
}

PyObject *
PyType_GetModuleName(PyTypeObject *type)
{
    return type_module(type);
}

PyObject *
PyType_GetFullyQualifiedName(PyTypeObject *type)
{
    if (!(PyType_HasFeature(type, Py_TPFLAGS_HEAPTYPE))) {
        return PyUnicode_FromString(type->tp_name);
    }
    PyObject *qualname = type_qualname(type);
    if (qualname == NULL) {
        return NULL;
    }
    PyObject *module = type_module(type);
    if (module == NULL) {
        PyErr_Clear();
        return qualname;
    }
    PyObject *result;
    if (PyUnicode_Check(module) && !PyUnicode_EqualToUTF8(module, "builtins") &&
        !PyUnicode_EqualToUTF8(module, "__main__")) {
        result = PyUnicode_FromFormat("%U.%U", module, qualname);
    }
    else {
        result = Py_NewRef(qualname);
    }
    Py_DECREF(module);
    Py_DECREF(qualname);
    return result;
}

unsigned long
PyType_GetFlags(PyTypeObject *type)
{
    return type_flags_of(type);
}

int
_PyType_CheckConsistency(PyTypeObject *type)
{
    return PyType_HasFeature(type, Py_TPFLAGS_READY) ? 1 : 0;
}
