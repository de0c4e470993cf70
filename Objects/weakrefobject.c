/* Weak references: weakref.ref, weakref.proxy and the callable proxy.
 *
 * A weakly referenceable object has a `PyWeakReference *` list head at tp_weaklistoffset.  The
 * list is doubly linked; the shared "basic" reference (exact ref type, no callback), when it
 * exists, is first, followed by the basic proxy; references with callbacks follow.
 * wr_object is the referent (not owned) or Py_None once the referent died; a dead reference is
 * unlinked.
 *
 * PyObject_ClearWeakRefs(ob), called by ob's deallocator (and by the GC for garbage), unlinks
 * every reference, then calls the callbacks of the references still alive, reporting their
 * exceptions through PyErr_WriteUnraisable.
 *
 * Thread safety (free-threaded build): the list of an object and the wr_object fields of its
 * references are protected by one of WEAKREF_LIST_LOCKS striped mutexes chosen by the
 * referent's address (a static array: the mutexes are the only mutable state and protect
 * themselves).  Callbacks run with no lock held.  Resolving a reference while another thread
 * drops the last strong reference is safe: creating a weak reference marks the referent
 * _Py_REF_MAYBE_WEAKREF, so its count always reaches zero through the merged state, and the
 * resolver takes its reference with _Py_TryIncRef under the list lock, which the referent's
 * deallocator must take (PyObject_ClearWeakRefs) before its memory can go. */
#include "Python.h"
#include "pycore_gc.h"
#include "pycore_object.h"
#include "pycore_pyatomic_ft_wrappers.h"

#ifdef Py_GIL_DISABLED
#  define WEAKREF_LIST_LOCKS 127
static PyMutex weakref_locks[WEAKREF_LIST_LOCKS];
#  define WEAKREF_LOCK_FOR(obj) (&weakref_locks[((uintptr_t)(obj) >> 4) % WEAKREF_LIST_LOCKS])
#  define LOCK_WEAKREFS(obj) PyMutex_Lock(WEAKREF_LOCK_FOR(obj))
#  define UNLOCK_WEAKREFS(obj) PyMutex_Unlock(WEAKREF_LOCK_FOR(obj))
#else
#  define LOCK_WEAKREFS(obj) ((void)0)
#  define UNLOCK_WEAKREFS(obj) ((void)0)
#endif

static inline int
supports_weakrefs(PyTypeObject *tp)
{
    return tp->tp_weaklistoffset > 0;
}

static inline PyWeakReference **
get_weakrefs_listptr(PyObject *ob)
{
    return (PyWeakReference **)((char *)ob + Py_TYPE(ob)->tp_weaklistoffset);
}

#define GET_WEAKREFS_LISTPTR(o) get_weakrefs_listptr(o)

/* ---- list maintenance (caller holds the list lock) ----------------------------------------- */

/* Unlink self from its referent's list and mark it dead. */
static void
clear_weakref_lock_held(PyWeakReference *self)
{
    if (self->wr_object != Py_None) {
        PyWeakReference **list = GET_WEAKREFS_LISTPTR(self->wr_object);
        if (*list == self) {
            *list = self->wr_next;
        }
        FT_ATOMIC_STORE_PTR_RELAXED(self->wr_object, Py_None);
        if (self->wr_prev != NULL) {
            self->wr_prev->wr_next = self->wr_next;
        }
        if (self->wr_next != NULL) {
            self->wr_next->wr_prev = self->wr_prev;
        }
        self->wr_prev = NULL;
        self->wr_next = NULL;
    }
}

/* Insert newref after prev (at the head when prev is NULL). */
static void
insert_after(PyWeakReference *newref, PyWeakReference *prev)
{
    newref->wr_prev = prev;
    newref->wr_next = prev->wr_next;
    if (prev->wr_next != NULL) {
        prev->wr_next->wr_prev = newref;
    }
    prev->wr_next = newref;
}

static void
insert_head(PyWeakReference *newref, PyWeakReference **list)
{
    PyWeakReference *next = *list;
    newref->wr_prev = NULL;
    newref->wr_next = next;
    if (next != NULL) {
        next->wr_prev = newref;
    }
    *list = newref;
}

/* The basic reference and basic proxy of the list, if any (borrowed). */
static void
get_basic_refs(PyWeakReference *head, PyWeakReference **refp, PyWeakReference **proxyp)
{
    *refp = NULL;
    *proxyp = NULL;
    if (head != NULL && head->wr_callback == NULL) {
        if (PyWeakref_CheckRefExact(head)) {
            *refp = head;
            head = head->wr_next;
        }
        if (head != NULL && head->wr_callback == NULL && PyWeakref_CheckProxy(head)) {
            *proxyp = head;
        }
    }
}

/* A new reference to a weak reference found on a list (caller holds the list lock), unless it
 * is already being deallocated (its count reached zero; its deallocator waits for the lock to
 * unlink it). */
static int
try_incref_listed(PyWeakReference *ref)
{
#ifdef Py_GIL_DISABLED
    return _Py_TryIncRef((PyObject *)ref);
#else
    if (Py_REFCNT(ref) > 0) {
        Py_INCREF(ref);
        return 1;
    }
    return 0;
#endif
}

/* ---- the reference object ------------------------------------------------------------------ */

static PyObject *weakref_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf,
                                    PyObject *kwnames);


static void
init_weakref(PyWeakReference *self, PyObject *ob, PyObject *callback)
{
#ifdef Py_GIL_DISABLED
    _PyObject_SetMaybeShared(ob, 1);    /* ob may now be reached through a weak reference */
    /* The reference itself is reachable from ob's list, without a count: the shared basic
     * reference is handed out again from there (try_incref_listed). */
    _PyObject_SetMaybeShared((PyObject *)self, 1);
#endif
    self->hash = -1;
    self->wr_object = ob;
    self->wr_prev = NULL;
    self->wr_next = NULL;
    self->wr_callback = Py_XNewRef(callback);
    self->vectorcall = weakref_vectorcall;
}

/* Allocate a new reference of type (ref, proxy or a ref subclass), untracked. */
static PyWeakReference *
new_weakref_object(PyTypeObject *type, PyObject *ob, PyObject *callback)
{
    PyWeakReference *result;
    if (type == &_PyWeakref_RefType || type == &_PyWeakref_ProxyType ||
        type == &_PyWeakref_CallableProxyType) {
        result = PyObject_GC_New(PyWeakReference, type);
    }
    else {
        result = (PyWeakReference *)type->tp_alloc(type, 0);
    }
    if (result == NULL) {
        return NULL;
    }
    init_weakref(result, ob, callback);
    return result;
}

/* Called when the reference object itself is deallocated or cleared. */
static void
weakref_clear_self(PyWeakReference *self)
{
    PyObject *ob = self->wr_object;
    if (ob != Py_None) {
        LOCK_WEAKREFS(ob);
        clear_weakref_lock_held(self);
        UNLOCK_WEAKREFS(ob);
    }
    Py_CLEAR(self->wr_callback);
}

void
_PyWeakref_ClearRef(PyWeakReference *self)
{
    PyObject *ob = self->wr_object;
    if (ob != Py_None) {
        LOCK_WEAKREFS(ob);
        clear_weakref_lock_held(self);
        UNLOCK_WEAKREFS(ob);
    }
}

static void
weakref_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    weakref_clear_self((PyWeakReference *)self);
    Py_TYPE(self)->tp_free(self);
}

static int
gc_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((PyWeakReference *)self)->wr_callback);
    return 0;
}

static int
gc_clear(PyObject *self)
{
    weakref_clear_self((PyWeakReference *)self);
    return 0;
}

/* New reference to the referent, or NULL if it is dead (no exception). */
static PyObject *
weakref_get_referent(PyWeakReference *ref)
{
    /* wr_object only changes (to None) under the lock of its referent; read once without it
     * (atomically) to find that lock, then again under it. */
    PyObject *obj = FT_ATOMIC_LOAD_PTR_RELAXED(ref->wr_object);
    if (obj == Py_None) {
        return NULL;
    }
    LOCK_WEAKREFS(obj);
    PyObject *result = NULL;
#ifdef Py_GIL_DISABLED
    if (ref->wr_object == obj && _Py_TryIncRef(obj)) {
        result = obj;
    }
#else
    if (ref->wr_object == obj && Py_REFCNT(obj) > 0) {
        result = Py_NewRef(obj);
    }
#endif
    UNLOCK_WEAKREFS(obj);
    return result;
}

static PyObject *
weakref_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs != 0 || (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0)) {
        if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
            PyErr_Format(PyExc_TypeError, "%s() takes no keyword arguments",
                         "weakref");
        }
        else {
            PyErr_Format(PyExc_TypeError, "weakref expected 0 arguments, got %zd", nargs);
        }
        return NULL;
    }
    PyObject *obj = weakref_get_referent((PyWeakReference *)self);
    if (obj == NULL) {
        Py_RETURN_NONE;
    }
    return obj;
}

static PyObject *
weakref_call(PyObject *self, PyObject *args, PyObject *kw)
{
    if ((kw != NULL && PyDict_GET_SIZE(kw) != 0) || PyTuple_GET_SIZE(args) != 0) {
        if (kw != NULL && PyDict_GET_SIZE(kw) != 0) {
            PyErr_SetString(PyExc_TypeError, "weakref() takes no keyword arguments");
        }
        else {
            PyErr_Format(PyExc_TypeError, "weakref expected 0 arguments, got %zd",
                         PyTuple_GET_SIZE(args));
        }
        return NULL;
    }
    PyObject *obj = weakref_get_referent((PyWeakReference *)self);
    if (obj == NULL) {
        Py_RETURN_NONE;
    }
    return obj;
}

static Py_hash_t
weakref_hash(PyObject *op)
{
    PyWeakReference *self = (PyWeakReference *)op;
    Py_hash_t hash = FT_ATOMIC_LOAD_SSIZE_RELAXED(self->hash);
    if (hash != -1) {
        return hash;
    }
    PyObject *obj = weakref_get_referent(self);
    if (obj == NULL) {
        PyErr_SetString(PyExc_TypeError, "weak object has gone away");
        return -1;
    }
    hash = PyObject_Hash(obj);
    Py_DECREF(obj);
    if (hash != -1) {
        self->hash = hash;
    }
    return hash;
}

static PyObject *
weakref_repr(PyObject *op)
{
    PyWeakReference *self = (PyWeakReference *)op;
    PyObject *obj = weakref_get_referent(self);
    if (obj == NULL) {
        return PyUnicode_FromFormat("<weakref at %p; dead>", self);
    }
    PyObject *name;
    if (PyObject_GetOptionalAttr(obj, _Py_ID(__name__), &name) < 0) {
        Py_DECREF(obj);
        return NULL;
    }
    PyObject *repr;
    if (name == NULL || !PyUnicode_Check(name)) {
        repr = PyUnicode_FromFormat("<weakref at %p; to '%s' at %p>", self,
                                    Py_TYPE(obj)->tp_name, obj);
    }
    else {
        repr = PyUnicode_FromFormat("<weakref at %p; to '%s' at %p (%U)>", self,
                                    Py_TYPE(obj)->tp_name, obj, name);
    }
    Py_DECREF(obj);
    Py_XDECREF(name);
    return repr;
}

/* Live references compare their referents; otherwise identity. */
static PyObject *
weakref_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyWeakref_Check(self) || !PyWeakref_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *obj = weakref_get_referent((PyWeakReference *)self);
    PyObject *other_obj = weakref_get_referent((PyWeakReference *)other);
    if (obj == NULL || other_obj == NULL) {
        Py_XDECREF(obj);
        Py_XDECREF(other_obj);
        int res = (self == other);
        if (op == Py_NE) {
            res = !res;
        }
        return PyBool_FromLong(res);
    }
    PyObject *res = PyObject_RichCompare(obj, other_obj, op);
    Py_DECREF(obj);
    Py_DECREF(other_obj);
    return res;
}

/* Parse (ob[, callback]); 1 ok, 0 error. */
static int
parse_weakref_init_args(const char *funcname, PyObject *args, PyObject *kwargs, PyObject **obp,
                        PyObject **callbackp)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 1) {
        PyErr_Format(PyExc_TypeError, "%s expected at least 1 argument, got %zd", funcname, n);
        return 0;
    }
    if (n > 2) {
        PyErr_Format(PyExc_TypeError, "%s expected at most 2 arguments, got %zd", funcname, n);
        return 0;
    }
    *obp = PyTuple_GET_ITEM(args, 0);
    *callbackp = n == 2 ? PyTuple_GET_ITEM(args, 1) : NULL;
    return 1;
}

/* Find or make a reference of type to ob; new reference. */
static PyObject *
get_or_create_weakref(PyTypeObject *type, PyObject *ob, PyObject *callback)
{
    if (!supports_weakrefs(Py_TYPE(ob))) {
        PyErr_Format(PyExc_TypeError, "cannot create weak reference to '%s' object",
                     Py_TYPE(ob)->tp_name);
        return NULL;
    }
    if (callback == Py_None) {
        callback = NULL;
    }
    PyWeakReference **list = GET_WEAKREFS_LISTPTR(ob);
    int is_basic = type == &_PyWeakref_RefType && callback == NULL;
    if (is_basic) {
        PyWeakReference *ref, *proxy;
        LOCK_WEAKREFS(ob);
        get_basic_refs(*list, &ref, &proxy);
        if (ref != NULL && try_incref_listed(ref)) {
            UNLOCK_WEAKREFS(ob);
            return (PyObject *)ref;
        }
        UNLOCK_WEAKREFS(ob);
    }
    PyWeakReference *self = new_weakref_object(type, ob, callback);
    if (self == NULL) {
        return NULL;
    }
    LOCK_WEAKREFS(ob);
    PyWeakReference *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    if (is_basic) {
        insert_head(self, list);
    }
    else {
        /* Keep the basic ref and proxy first. */
        PyWeakReference *prev = proxy != NULL ? proxy : ref;
        if (prev == NULL) {
            insert_head(self, list);
        }
        else {
            insert_after(self, prev);
        }
    }
    UNLOCK_WEAKREFS(ob);
    /* tp_alloc of a subclass already tracks the object. */
    if (!PyObject_GC_IsTracked((PyObject *)self)) {
        PyObject_GC_Track(self);
    }
    return (PyObject *)self;
}

static PyObject *
weakref___new__(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *ob, *callback;
    if (!parse_weakref_init_args("__new__", args, kwargs, &ob, &callback)) {
        return NULL;
    }
    return get_or_create_weakref(type, ob, callback);
}

static int
weakref___init__(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyObject *tmp, *tmp2;
    if (parse_weakref_init_args("__init__", args, kwargs, &tmp, &tmp2)) {
        return 0;
    }
    return -1;
}

static PyObject *
weakref_get_callback(PyObject *self, void *Py_UNUSED(ignored))
{
    PyObject *cb = ((PyWeakReference *)self)->wr_callback;
    return Py_NewRef(cb != NULL ? cb : Py_None);
}

static PyMemberDef weakref_members[] = {
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef weakref_getset[] = {
    {"__callback__", weakref_get_callback, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef weakref_methods[] = {
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyWeakref_RefType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(PyWeakReference),
    .tp_dealloc = weakref_dealloc,
    .tp_vectorcall_offset = offsetof(PyWeakReference, vectorcall),
    .tp_repr = weakref_repr,
    .tp_hash = weakref_hash,
    .tp_call = weakref_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL |
                Py_TPFLAGS_BASETYPE,
    .tp_traverse = gc_traverse,
    .tp_clear = gc_clear,
    .tp_richcompare = weakref_richcompare,
    .tp_methods = weakref_methods,
    .tp_members = weakref_members,
    .tp_getset = weakref_getset,
    .tp_init = weakref___init__,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = weakref___new__,
    .tp_free = PyObject_GC_Del,
};
_Py_REGISTER_STATIC_TYPE(_PyWeakref_RefType);

/* ---- proxies ------------------------------------------------------------------------------- */

/* New reference to the referent of a proxy, or NULL with ReferenceError. */
static PyObject *
proxy_referent(PyObject *proxy)
{
    PyObject *obj = weakref_get_referent((PyWeakReference *)proxy);
    if (obj == NULL) {
        PyErr_SetString(PyExc_ReferenceError, "weakly-referenced object no longer exists");
    }
    return obj;
}

/* Replace a proxy operand by its referent; new reference (others returned with a new ref). */
static PyObject *
unwrap_operand(PyObject *o)
{
    if (PyWeakref_CheckProxy(o)) {
        return proxy_referent(o);
    }
    return Py_NewRef(o);
}

#define WRAP_UNARY(method, generic)                                                           \
    static PyObject *method(PyObject *proxy)                                                  \
    {                                                                                         \
        PyObject *obj = proxy_referent(proxy);                                                \
        if (obj == NULL) {                                                                    \
            return NULL;                                                                      \
        }                                                                                     \
        PyObject *res = generic(obj);                                                         \
        Py_DECREF(obj);                                                                       \
        return res;                                                                           \
    }

#define WRAP_BINARY(method, generic)                                                          \
    static PyObject *method(PyObject *x, PyObject *y)                                         \
    {                                                                                         \
        PyObject *a = unwrap_operand(x);                                                      \
        if (a == NULL) {                                                                      \
            return NULL;                                                                      \
        }                                                                                     \
        PyObject *b = unwrap_operand(y);                                                      \
        if (b == NULL) {                                                                      \
            Py_DECREF(a);                                                                     \
            return NULL;                                                                      \
        }                                                                                     \
        PyObject *res = generic(a, b);                                                        \
        Py_DECREF(a);                                                                         \
        Py_DECREF(b);                                                                         \
        return res;                                                                           \
    }

/* In-place operators apply to the referent; the result replaces nothing in the proxy. */
#define WRAP_TERNARY(method, generic)                                                         \
    static PyObject *method(PyObject *x, PyObject *y, PyObject *z)                            \
    {                                                                                         \
        PyObject *a = unwrap_operand(x);                                                      \
        if (a == NULL) {                                                                      \
            return NULL;                                                                      \
        }                                                                                     \
        PyObject *b = unwrap_operand(y);                                                      \
        if (b == NULL) {                                                                      \
            Py_DECREF(a);                                                                     \
            return NULL;                                                                      \
        }                                                                                     \
        PyObject *c = unwrap_operand(z);                                                      \
        if (c == NULL) {                                                                      \
            Py_DECREF(a);                                                                     \
            Py_DECREF(b);                                                                     \
            return NULL;                                                                      \
        }                                                                                     \
        PyObject *res = generic(a, b, c);                                                     \
        Py_DECREF(a);                                                                         \
        Py_DECREF(b);                                                                         \
        Py_DECREF(c);                                                                         \
        return res;                                                                           \
    }

WRAP_UNARY(proxy_str, PyObject_Str)
WRAP_BINARY(proxy_getattr, PyObject_GetAttr)
WRAP_BINARY(proxy_add, PyNumber_Add)
WRAP_BINARY(proxy_sub, PyNumber_Subtract)
WRAP_BINARY(proxy_mul, PyNumber_Multiply)
WRAP_BINARY(proxy_floor_div, PyNumber_FloorDivide)
WRAP_BINARY(proxy_true_div, PyNumber_TrueDivide)
WRAP_BINARY(proxy_mod, PyNumber_Remainder)
WRAP_BINARY(proxy_divmod, PyNumber_Divmod)
WRAP_TERNARY(proxy_pow, PyNumber_Power)
WRAP_UNARY(proxy_neg, PyNumber_Negative)
WRAP_UNARY(proxy_pos, PyNumber_Positive)
WRAP_UNARY(proxy_abs, PyNumber_Absolute)
WRAP_UNARY(proxy_invert, PyNumber_Invert)
WRAP_BINARY(proxy_lshift, PyNumber_Lshift)
WRAP_BINARY(proxy_rshift, PyNumber_Rshift)
WRAP_BINARY(proxy_and, PyNumber_And)
WRAP_BINARY(proxy_xor, PyNumber_Xor)
WRAP_BINARY(proxy_or, PyNumber_Or)
WRAP_UNARY(proxy_int, PyNumber_Long)
WRAP_UNARY(proxy_float, PyNumber_Float)
WRAP_BINARY(proxy_iadd, PyNumber_InPlaceAdd)
WRAP_BINARY(proxy_isub, PyNumber_InPlaceSubtract)
WRAP_BINARY(proxy_imul, PyNumber_InPlaceMultiply)
WRAP_BINARY(proxy_ifloor_div, PyNumber_InPlaceFloorDivide)
WRAP_BINARY(proxy_itrue_div, PyNumber_InPlaceTrueDivide)
WRAP_BINARY(proxy_imod, PyNumber_InPlaceRemainder)
WRAP_TERNARY(proxy_ipow, PyNumber_InPlacePower)
WRAP_BINARY(proxy_ilshift, PyNumber_InPlaceLshift)
WRAP_BINARY(proxy_irshift, PyNumber_InPlaceRshift)
WRAP_BINARY(proxy_iand, PyNumber_InPlaceAnd)
WRAP_BINARY(proxy_ixor, PyNumber_InPlaceXor)
WRAP_BINARY(proxy_ior, PyNumber_InPlaceOr)
WRAP_UNARY(proxy_index, PyNumber_Index)
WRAP_BINARY(proxy_matmul, PyNumber_MatrixMultiply)
WRAP_BINARY(proxy_imatmul, PyNumber_InPlaceMatrixMultiply)
WRAP_BINARY(proxy_getitem, PyObject_GetItem)

static int
proxy_setattr(PyObject *proxy, PyObject *name, PyObject *value)
{
    PyObject *obj = proxy_referent(proxy);
    if (obj == NULL) {
        return -1;
    }
    int res = PyObject_SetAttr(obj, name, value);
    Py_DECREF(obj);
    return res;
}

static PyObject *
proxy_richcompare(PyObject *proxy, PyObject *v, int op)
{
    PyObject *a = unwrap_operand(proxy);
    if (a == NULL) {
        return NULL;
    }
    PyObject *b = unwrap_operand(v);
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    PyObject *res = PyObject_RichCompare(a, b, op);
    Py_DECREF(a);
    Py_DECREF(b);
    return res;
}

static int
proxy_bool(PyObject *proxy)
{
    PyObject *o = proxy_referent(proxy);
    if (o == NULL) {
        return -1;
    }
    int res = PyObject_IsTrue(o);
    Py_DECREF(o);
    return res;
}

static PyObject *
proxy_repr(PyObject *proxy)
{
    PyObject *obj = weakref_get_referent((PyWeakReference *)proxy);
    PyObject *repr;
    if (obj != NULL) {
        repr = PyUnicode_FromFormat("<weakproxy at %p; to '%s' at %p>", proxy,
                                    Py_TYPE(obj)->tp_name, obj);
        Py_DECREF(obj);
    }
    else {
        repr = PyUnicode_FromFormat("<weakproxy at %p; dead>", proxy);
    }
    return repr;
}

static int
proxy_contains(PyObject *proxy, PyObject *value)
{
    PyObject *obj = proxy_referent(proxy);
    if (obj == NULL) {
        return -1;
    }
    int res = PySequence_Contains(obj, value);
    Py_DECREF(obj);
    return res;
}

static Py_ssize_t
proxy_length(PyObject *proxy)
{
    PyObject *obj = proxy_referent(proxy);
    if (obj == NULL) {
        return -1;
    }
    Py_ssize_t res = PyObject_Length(obj);
    Py_DECREF(obj);
    return res;
}

static int
proxy_setitem(PyObject *proxy, PyObject *key, PyObject *value)
{
    PyObject *obj = proxy_referent(proxy);
    if (obj == NULL) {
        return -1;
    }
    int res = value == NULL ? PyObject_DelItem(obj, key) : PyObject_SetItem(obj, key, value);
    Py_DECREF(obj);
    return res;
}

static PyObject *
proxy_iter(PyObject *proxy)
{
    PyObject *obj = proxy_referent(proxy);
    if (obj == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_GetIter(obj);
    Py_DECREF(obj);
    return res;
}

static PyObject *
proxy_iternext(PyObject *proxy)
{
    PyObject *obj = proxy_referent(proxy);
    if (obj == NULL) {
        return NULL;
    }
    if (!PyIter_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "Weakref proxy referenced a non-iterator '%.200s' object",
                     Py_TYPE(obj)->tp_name);
        Py_DECREF(obj);
        return NULL;
    }
    PyObject *res = PyIter_Next(obj);
    Py_DECREF(obj);
    return res;
}

static PyObject *
proxy_call(PyObject *proxy, PyObject *args, PyObject *kw)
{
    PyObject *obj = proxy_referent(proxy);
    if (obj == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_Call(obj, args, kw);
    Py_DECREF(obj);
    return res;
}

static PyObject *
proxy_bytes(PyObject *proxy, PyObject *Py_UNUSED(ignored))
{
    PyObject *obj = proxy_referent(proxy);
    if (obj == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_CallMethodNoArgs(obj, _Py_ID(__bytes__));
    Py_DECREF(obj);
    return res;
}

static PyObject *
proxy_reversed(PyObject *proxy, PyObject *Py_UNUSED(ignored))
{
    PyObject *obj = proxy_referent(proxy);
    if (obj == NULL) {
        return NULL;
    }
    PyObject *res = PyObject_CallMethodNoArgs(obj, _Py_ID(__reversed__));
    Py_DECREF(obj);
    return res;
}

static PyMethodDef proxy_methods[] = {
    {"__bytes__", proxy_bytes, METH_NOARGS, NULL},
    {"__reversed__", proxy_reversed, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods proxy_as_number = {
    .nb_add = proxy_add,
    .nb_subtract = proxy_sub,
    .nb_multiply = proxy_mul,
    .nb_remainder = proxy_mod,
    .nb_divmod = proxy_divmod,
    .nb_power = proxy_pow,
    .nb_negative = proxy_neg,
    .nb_positive = proxy_pos,
    .nb_absolute = proxy_abs,
    .nb_bool = proxy_bool,
    .nb_invert = proxy_invert,
    .nb_lshift = proxy_lshift,
    .nb_rshift = proxy_rshift,
    .nb_and = proxy_and,
    .nb_xor = proxy_xor,
    .nb_or = proxy_or,
    .nb_int = proxy_int,
    .nb_float = proxy_float,
    .nb_inplace_add = proxy_iadd,
    .nb_inplace_subtract = proxy_isub,
    .nb_inplace_multiply = proxy_imul,
    .nb_inplace_remainder = proxy_imod,
    .nb_inplace_power = proxy_ipow,
    .nb_inplace_lshift = proxy_ilshift,
    .nb_inplace_rshift = proxy_irshift,
    .nb_inplace_and = proxy_iand,
    .nb_inplace_xor = proxy_ixor,
    .nb_inplace_or = proxy_ior,
    .nb_floor_divide = proxy_floor_div,
    .nb_true_divide = proxy_true_div,
    .nb_inplace_floor_divide = proxy_ifloor_div,
    .nb_inplace_true_divide = proxy_itrue_div,
    .nb_index = proxy_index,
    .nb_matrix_multiply = proxy_matmul,
    .nb_inplace_matrix_multiply = proxy_imatmul,
};

static PySequenceMethods proxy_as_sequence = {
    .sq_contains = proxy_contains,
};

static PyMappingMethods proxy_as_mapping = {
    .mp_length = proxy_length,
    .mp_subscript = proxy_getitem,
    .mp_ass_subscript = proxy_setitem,
};

PyTypeObject _PyWeakref_ProxyType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "weakref.ProxyType",
    .tp_basicsize = sizeof(PyWeakReference),
    .tp_dealloc = weakref_dealloc,
    .tp_repr = proxy_repr,
    .tp_as_number = &proxy_as_number,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_str = proxy_str,
    .tp_getattro = proxy_getattr,
    .tp_setattro = proxy_setattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = gc_traverse,
    .tp_clear = gc_clear,
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_iternext = proxy_iternext,
    .tp_methods = proxy_methods,
    .tp_free = PyObject_GC_Del,
};
_Py_REGISTER_STATIC_TYPE(_PyWeakref_ProxyType);

PyTypeObject _PyWeakref_CallableProxyType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "weakref.CallableProxyType",
    .tp_basicsize = sizeof(PyWeakReference),
    .tp_dealloc = weakref_dealloc,
    .tp_repr = proxy_repr,
    .tp_as_number = &proxy_as_number,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_call = proxy_call,
    .tp_str = proxy_str,
    .tp_getattro = proxy_getattr,
    .tp_setattro = proxy_setattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = gc_traverse,
    .tp_clear = gc_clear,
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_iternext = proxy_iternext,
    .tp_methods = proxy_methods,
    .tp_free = PyObject_GC_Del,
};
_Py_REGISTER_STATIC_TYPE(_PyWeakref_CallableProxyType);

/* ---- C API --------------------------------------------------------------------------------- */

PyObject *
PyWeakref_NewRef(PyObject *ob, PyObject *callback)
{
    return get_or_create_weakref(&_PyWeakref_RefType, ob, callback);
}

PyObject *
PyWeakref_NewProxy(PyObject *ob, PyObject *callback)
{
    if (!supports_weakrefs(Py_TYPE(ob))) {
        PyErr_Format(PyExc_TypeError, "cannot create weak reference to '%s' object",
                     Py_TYPE(ob)->tp_name);
        return NULL;
    }
    if (callback == Py_None) {
        callback = NULL;
    }
    PyWeakReference **list = GET_WEAKREFS_LISTPTR(ob);
    PyTypeObject *type = PyCallable_Check(ob) ? &_PyWeakref_CallableProxyType
                                              : &_PyWeakref_ProxyType;
    PyWeakReference *ref, *proxy;
    if (callback == NULL) {
        LOCK_WEAKREFS(ob);
        get_basic_refs(*list, &ref, &proxy);
        if (proxy != NULL && try_incref_listed(proxy)) {
            UNLOCK_WEAKREFS(ob);
            return (PyObject *)proxy;
        }
        UNLOCK_WEAKREFS(ob);
    }
    PyWeakReference *result = new_weakref_object(type, ob, callback);
    if (result == NULL) {
        return NULL;
    }
    LOCK_WEAKREFS(ob);
    get_basic_refs(*list, &ref, &proxy);
    if (callback == NULL) {
        /* The basic proxy goes right after the basic ref. */
        if (ref != NULL) {
            insert_after(result, ref);
        }
        else {
            insert_head(result, list);
        }
    }
    else {
        PyWeakReference *prev = proxy != NULL ? proxy : ref;
        if (prev == NULL) {
            insert_head(result, list);
        }
        else {
            insert_after(result, prev);
        }
    }
    UNLOCK_WEAKREFS(ob);
    PyObject_GC_Track(result);
    return (PyObject *)result;
}

int
PyWeakref_GetRef(PyObject *ref, PyObject **pobj)
{
    if (ref == NULL || !PyWeakref_Check(ref)) {
        *pobj = NULL;
        PyErr_SetString(PyExc_TypeError, "expected a weakref");
        return -1;
    }
    *pobj = weakref_get_referent((PyWeakReference *)ref);
    return *pobj != NULL;
}

/* Borrowed reference (deprecated API). */
PyObject *
PyWeakref_GetObject(PyObject *ref)
{
    if (ref == NULL || !PyWeakref_Check(ref)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *obj = ((PyWeakReference *)ref)->wr_object;
    if (obj != Py_None && Py_REFCNT(obj) == 0) {
        return Py_None;
    }
    return obj;
}

Py_ssize_t
_PyWeakref_GetWeakrefCount(PyObject *ob)
{
    if (!supports_weakrefs(Py_TYPE(ob))) {
        return 0;
    }
    Py_ssize_t count = 0;
    LOCK_WEAKREFS(ob);
    for (PyWeakReference *head = *GET_WEAKREFS_LISTPTR(ob); head != NULL;
         head = head->wr_next) {
        count++;
    }
    UNLOCK_WEAKREFS(ob);
    return count;
}

/* Call callback(ref), reporting any exception as unraisable. */
static void
handle_callback(PyWeakReference *ref, PyObject *callback)
{
    PyObject *cbresult = PyObject_CallOneArg(callback, (PyObject *)ref);
    if (cbresult == NULL) {
        PyErr_WriteUnraisable(callback);
    }
    else {
        Py_DECREF(cbresult);
    }
}

void
PyObject_ClearWeakRefs(PyObject *object)
{
    if (object == NULL || !supports_weakrefs(Py_TYPE(object))) {
        return;
    }
    PyWeakReference **list = GET_WEAKREFS_LISTPTR(object);
    if (*list == NULL) {
        return;
    }
    /* Count the references with callbacks, then detach every reference under the lock,
     * moving (ref, callback) pairs into a C array.  Nothing is released and no Python code
     * runs while the lock is held (a decref could free another weakref hashed to the same
     * lock stripe). */
    Py_ssize_t count = 0;
    LOCK_WEAKREFS(object);
    for (PyWeakReference *r = *list; r != NULL; r = r->wr_next) {
        if (r->wr_callback != NULL) {
            count++;
        }
    }
    UNLOCK_WEAKREFS(object);
    PyObject **pairs = NULL;
    if (count > 0) {
        pairs = PyMem_Malloc(sizeof(PyObject *) * 2 * (size_t)count);
        /* Without memory the callbacks stay on their references (released with them). */
    }
    Py_ssize_t npairs = 0;
    LOCK_WEAKREFS(object);
    while (*list != NULL) {
        PyWeakReference *current = *list;
        clear_weakref_lock_held(current);
        PyObject *callback = current->wr_callback;
        if (callback != NULL && pairs != NULL && npairs < count) {
            /* A reference being deallocated (count 0) gets no call, only its callback's
             * release; the pair keeps the callback's reference either way. */
            current->wr_callback = NULL;
            if (try_incref_listed(current)) {
                pairs[2 * npairs] = (PyObject *)current;
            }
            else {
                pairs[2 * npairs] = NULL;
            }
            pairs[2 * npairs + 1] = callback;
            npairs++;
        }
    }
    UNLOCK_WEAKREFS(object);
    if (pairs == NULL) {
        return;
    }
    PyObject *exc = PyErr_GetRaisedException();
    for (Py_ssize_t i = 0; i < npairs; i++) {
        PyObject *ref = pairs[2 * i];
        PyObject *callback = pairs[2 * i + 1];
        if (ref != NULL) {
            handle_callback((PyWeakReference *)ref, callback);
            Py_DECREF(ref);
        }
        Py_DECREF(callback);
    }
    PyMem_Free(pairs);
    PyErr_SetRaisedException(exc);
}
