/* Reading and writing C struct members described by PyMemberDef (member descriptors).
 *
 * Object members (_Py_T_OBJECT, Py_T_OBJECT_EX; e.g. __slots__) in the free-threaded build:
 * a setter swaps the pointer with an atomic exchange inside the owner's critical section and
 * releases the old value afterwards, so two racing setters never release the same value.  A
 * reader loads the pointer atomically and takes its reference lock-free when it can
 * (_Py_TryIncRef, then re-checks that the member still holds that object), else under the
 * owner's critical section, where no setter can release the value between load and incref.
 * Stored values are marked maybe-shared (pycore_gc.h): their memory then waits for QSBR, so a
 * lock-free reader that lost the race still touches valid memory.  So are replaced values
 * before they are released: one stored while the interpreter ran one thread, or by the type's
 * C code, was not marked when stored.  While the interpreter runs
 * one thread (_Py_IsSingleThreaded) loads and stores are plain, as in the GIL build, which
 * keeps plain loads and stores (member_object_load/member_object_swap). */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_gc.h"
#include "pycore_pystate.h"

/* Numeric and char members are read and written whole: in the free-threaded build with
 * relaxed atomic loads and stores (as CPython 3.13t's), since a setter may race with a reader
 * that holds the object's critical section (an exception's __str__ reading its start and
 * end) or none.  Plain in the GIL build. */
#ifdef Py_GIL_DISABLED
#  define MEMBER_LOAD(T, addr) \
    (__extension__({ T value_; __atomic_load((T *)(addr), &value_, __ATOMIC_RELAXED); value_; }))
#  define MEMBER_STORE(T, addr, value) \
    do { T value_ = (value); __atomic_store((T *)(addr), &value_, __ATOMIC_RELAXED); } while (0)
#else
#  define MEMBER_LOAD(T, addr) (*(T *)(addr))
#  define MEMBER_STORE(T, addr, value) (*(T *)(addr) = (value))
#endif

#ifdef Py_GIL_DISABLED
/* member_object_load while several threads run. */
static Py_NO_INLINE PyObject *
member_object_load_threads(PyObject *obj, PyObject **addr)
{
    PyObject *v = _Py_atomic_load_ptr_acquire(addr);
    if (v == NULL) {
        return NULL;
    }
    if (_Py_TryIncRef(v)) {
        if (_Py_atomic_load_ptr_acquire(addr) == v) {
            return v;
        }
        Py_DECREF(v);
    }
    Py_BEGIN_CRITICAL_SECTION(obj);
    v = Py_XNewRef((PyObject *)_Py_atomic_load_ptr_relaxed(addr));
    Py_END_CRITICAL_SECTION();
    return v;
}
#endif

/* Return a new reference to the object member at addr of obj, or NULL (no exception) when it
 * is empty. */
static inline PyObject *
member_object_load(PyObject *obj, PyObject **addr)
{
#ifdef Py_GIL_DISABLED
    if (Py_UNLIKELY(!_Py_IsSingleThreaded())) {
        return member_object_load_threads(obj, addr);
    }
    /* Alone: no setter can run meanwhile (pycore_pystate.h). */
#endif
    (void)obj;
    return Py_XNewRef(*addr);
}

/* Store value (may be NULL; a new reference is taken) in the object member at addr of obj.
 * Return the old value (a reference the caller must release), or NULL if it was empty. */
static PyObject *
member_object_swap(PyObject *obj, PyObject **addr, PyObject *value)
{
#ifdef Py_GIL_DISABLED
    PyObject *old;
    if (Py_LIKELY(_Py_IsSingleThreaded())) {
        /* Nobody else can read or write the member meanwhile (pycore_pystate.h). */
        old = *addr;
        *addr = Py_XNewRef(value);
        return old;
    }
    if (value != NULL) {
        _PyObject_SetMaybeShared(value, 0);
    }
    Py_BEGIN_CRITICAL_SECTION(obj);
    old = _Py_atomic_exchange_ptr(addr, Py_XNewRef(value));
    Py_END_CRITICAL_SECTION();
    if (old != NULL) {
        /* old may have been stored while this thread ran alone, or by C code, unmarked: a
         * reader that loaded it just before the exchange is taking its reference now. */
        _PyObject_SetMaybeShared(old, 1);
    }
    return old;
#else
    (void)obj;
    PyObject *old = *addr;
    *addr = Py_XNewRef(value);
    return old;
#endif
}

/* For C code that reads or replaces an object member itself (pycore_object.h). */
PyObject *
_PyMember_LoadObject(PyObject *obj, PyObject **addr)
{
    return member_object_load(obj, addr);
}

void
_PyMember_StoreObject(PyObject *obj, PyObject **addr, PyObject *value)
{
    Py_XDECREF(member_object_swap(obj, addr, value));
}

PyObject *
PyMember_GetOne(const char *obj_addr, PyMemberDef *l)
{
    if (l->flags & Py_RELATIVE_OFFSET) {
        PyErr_SetString(PyExc_SystemError,
                        "PyMember_GetOne used with Py_RELATIVE_OFFSET");
        return NULL;
    }
    const char *addr = obj_addr + l->offset;
    PyObject *v;
    switch (l->type) {
    case Py_T_BOOL:
        v = PyBool_FromLong(MEMBER_LOAD(char, addr));
        break;
    case Py_T_BYTE:
        v = PyLong_FromLong(MEMBER_LOAD(char, addr));
        break;
    case Py_T_UBYTE:
        v = PyLong_FromUnsignedLong(MEMBER_LOAD(unsigned char, addr));
        break;
    case Py_T_SHORT:
        v = PyLong_FromLong(MEMBER_LOAD(short, addr));
        break;
    case Py_T_USHORT:
        v = PyLong_FromUnsignedLong(MEMBER_LOAD(unsigned short, addr));
        break;
    case Py_T_INT:
        v = PyLong_FromLong(MEMBER_LOAD(int, addr));
        break;
    case Py_T_UINT:
        v = PyLong_FromUnsignedLong(MEMBER_LOAD(unsigned int, addr));
        break;
    case Py_T_LONG:
        v = PyLong_FromLong(MEMBER_LOAD(long, addr));
        break;
    case Py_T_ULONG:
        v = PyLong_FromUnsignedLong(MEMBER_LOAD(unsigned long, addr));
        break;
    case Py_T_PYSSIZET:
        v = PyLong_FromSsize_t(MEMBER_LOAD(Py_ssize_t, addr));
        break;
    case Py_T_FLOAT:
        v = PyFloat_FromDouble((double)MEMBER_LOAD(float, addr));
        break;
    case Py_T_DOUBLE:
        v = PyFloat_FromDouble(MEMBER_LOAD(double, addr));
        break;
    case Py_T_STRING:
        if (*(char **)addr == NULL) {
            v = Py_NewRef(Py_None);
        }
        else {
            v = PyUnicode_FromString(*(char **)addr);
        }
        break;
    case Py_T_STRING_INPLACE:
        v = PyUnicode_FromString((char *)addr);
        break;
    case Py_T_CHAR: {
        char c = MEMBER_LOAD(char, addr);
        v = PyUnicode_FromStringAndSize(&c, 1);
        break;
    }
    case _Py_T_OBJECT:
        v = member_object_load((PyObject *)obj_addr, (PyObject **)addr);
        if (v == NULL) {
            v = Py_NewRef(Py_None);
        }
        break;
    case Py_T_OBJECT_EX:
        v = member_object_load((PyObject *)obj_addr, (PyObject **)addr);
        if (v == NULL) {
            PyObject *obj = (PyObject *)obj_addr;
            PyTypeObject *tp = Py_TYPE(obj);
            PyErr_Format(PyExc_AttributeError, "'%.200s' object has no attribute '%s'",
                         tp->tp_name, l->name);
            return NULL;
        }
        break;
    case Py_T_LONGLONG:
        v = PyLong_FromLongLong(MEMBER_LOAD(long long, addr));
        break;
    case Py_T_ULONGLONG:
        v = PyLong_FromUnsignedLongLong(MEMBER_LOAD(unsigned long long, addr));
        break;
    case _Py_T_NONE:
        v = Py_NewRef(Py_None);
        break;
    default:
        PyErr_SetString(PyExc_SystemError, "bad memberdescr type");
        v = NULL;
    }
    return v;
}

#define WARN(msg)                                                                             \
    do {                                                                                      \
        if (PyErr_WarnEx(PyExc_RuntimeWarning, msg, 1) < 0) {                                 \
            return -1;                                                                        \
        }                                                                                     \
    } while (0)

int
PyMember_SetOne(char *addr, PyMemberDef *l, PyObject *v)
{
    PyObject *obj = (PyObject *)addr;
    if (l->flags & Py_RELATIVE_OFFSET) {
        PyErr_SetString(PyExc_SystemError, "PyMember_SetOne used with Py_RELATIVE_OFFSET");
        return -1;
    }
    addr += l->offset;
    if (l->flags & Py_READONLY) {
        PyErr_SetString(PyExc_AttributeError, "readonly attribute");
        return -1;
    }
    if (v == NULL && l->type != Py_T_OBJECT_EX && l->type != _Py_T_OBJECT) {
        PyErr_SetString(PyExc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    switch (l->type) {
    case Py_T_BOOL:
        if (!PyBool_Check(v)) {
            PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
            return -1;
        }
        MEMBER_STORE(char, addr, v == Py_True ? 1 : 0);
        break;
    case Py_T_BYTE: {
        long long_val = PyLong_AsLong(v);
        if (long_val == -1 && PyErr_Occurred()) {
            return -1;
        }
        MEMBER_STORE(char, addr, (char)long_val);
        if (long_val > CHAR_MAX || long_val < CHAR_MIN) {
            WARN("Truncation of value to char");
        }
        break;
    }
    case Py_T_UBYTE: {
        long long_val = PyLong_AsLong(v);
        if (long_val == -1 && PyErr_Occurred()) {
            return -1;
        }
        MEMBER_STORE(unsigned char, addr, (unsigned char)long_val);
        if (long_val > UCHAR_MAX || long_val < 0) {
            WARN("Truncation of value to unsigned char");
        }
        break;
    }
    case Py_T_SHORT: {
        long long_val = PyLong_AsLong(v);
        if (long_val == -1 && PyErr_Occurred()) {
            return -1;
        }
        MEMBER_STORE(short, addr, (short)long_val);
        if (long_val > SHRT_MAX || long_val < SHRT_MIN) {
            WARN("Truncation of value to short");
        }
        break;
    }
    case Py_T_USHORT: {
        long long_val = PyLong_AsLong(v);
        if (long_val == -1 && PyErr_Occurred()) {
            return -1;
        }
        MEMBER_STORE(unsigned short, addr, (unsigned short)long_val);
        if (long_val > USHRT_MAX || long_val < 0) {
            WARN("Truncation of value to unsigned short");
        }
        break;
    }
    case Py_T_INT: {
        long long_val = PyLong_AsLong(v);
        if (long_val == -1 && PyErr_Occurred()) {
            return -1;
        }
        MEMBER_STORE(int, addr, (int)long_val);
        if (long_val > INT_MAX || long_val < INT_MIN) {
            WARN("Truncation of value to int");
        }
        break;
    }
    case Py_T_UINT: {
        /* Negative values are accepted and wrapped, with a warning (as CPython). */
        PyObject *idx = PyNumber_Index(v);
        if (idx == NULL) {
            return -1;
        }
        if (_PyLong_Sign(idx) < 0) {
            long long_val = PyLong_AsLong(idx);
            Py_DECREF(idx);
            if (long_val == -1 && PyErr_Occurred()) {
                return -1;
            }
            MEMBER_STORE(unsigned int, addr, (unsigned int)long_val);
            WARN("Writing negative value into unsigned field");
        }
        else {
            unsigned long ulong_val = PyLong_AsUnsignedLong(idx);
            Py_DECREF(idx);
            if (ulong_val == (unsigned long)-1 && PyErr_Occurred()) {
                return -1;
            }
            MEMBER_STORE(unsigned int, addr, (unsigned int)ulong_val);
            if (ulong_val > UINT_MAX) {
                WARN("Truncation of value to unsigned int");
            }
        }
        break;
    }
    case Py_T_LONG: {
        long val = PyLong_AsLong(v);
        if (val == -1 && PyErr_Occurred()) {
            return -1;
        }
        MEMBER_STORE(long, addr, val);
        break;
    }
    case Py_T_ULONG: {
        PyObject *idx = PyNumber_Index(v);
        if (idx == NULL) {
            return -1;
        }
        if (_PyLong_Sign(idx) < 0) {
            long long_val = PyLong_AsLong(idx);
            Py_DECREF(idx);
            if (long_val == -1 && PyErr_Occurred()) {
                return -1;
            }
            MEMBER_STORE(unsigned long, addr, (unsigned long)long_val);
            WARN("Writing negative value into unsigned field");
        }
        else {
            unsigned long ulong_val = PyLong_AsUnsignedLong(idx);
            Py_DECREF(idx);
            if (ulong_val == (unsigned long)-1 && PyErr_Occurred()) {
                return -1;
            }
            MEMBER_STORE(unsigned long, addr, ulong_val);
        }
        break;
    }
    case Py_T_PYSSIZET: {
        Py_ssize_t val = PyLong_AsSsize_t(v);
        if (val == -1 && PyErr_Occurred()) {
            return -1;
        }
        MEMBER_STORE(Py_ssize_t, addr, val);
        break;
    }
    case Py_T_FLOAT: {
        double double_val = PyFloat_AsDouble(v);
        if (double_val == -1 && PyErr_Occurred()) {
            return -1;
        }
        MEMBER_STORE(float, addr, (float)double_val);
        break;
    }
    case Py_T_DOUBLE: {
        double val = PyFloat_AsDouble(v);
        if (val == -1 && PyErr_Occurred()) {
            return -1;
        }
        MEMBER_STORE(double, addr, val);
        break;
    }
    case _Py_T_OBJECT:
    case Py_T_OBJECT_EX: {
        PyObject *oldv = member_object_swap(obj, (PyObject **)addr, v);
        if (oldv == NULL && v == NULL && l->type == Py_T_OBJECT_EX) {
            /* Deleting an empty member (decided by the swap, so of two racing deletions
             * exactly one succeeds).  CPython's message is the bare member name. */
            PyErr_SetString(PyExc_AttributeError, l->name);
            return -1;
        }
        Py_XDECREF(oldv);
        break;
    }
    case Py_T_CHAR: {
        Py_ssize_t len;
        const char *string = PyUnicode_Check(v) ? PyUnicode_AsUTF8AndSize(v, &len) : NULL;
        if (string == NULL || len != 1) {
            PyErr_Clear();
            PyErr_BadArgument();
            return -1;
        }
        MEMBER_STORE(char, addr, string[0]);
        break;
    }
    case Py_T_STRING:
    case Py_T_STRING_INPLACE:
        PyErr_SetString(PyExc_TypeError, "readonly attribute");
        return -1;
    case Py_T_LONGLONG: {
        long long value = PyLong_AsLongLong(v);
        if (value == -1 && PyErr_Occurred()) {
            return -1;
        }
        MEMBER_STORE(long long, addr, value);
        break;
    }
    case Py_T_ULONGLONG: {
        PyObject *idx = PyNumber_Index(v);
        if (idx == NULL) {
            return -1;
        }
        unsigned long long value;
        if (_PyLong_Sign(idx) < 0) {
            long long_val = PyLong_AsLong(idx);
            Py_DECREF(idx);
            if (long_val == -1 && PyErr_Occurred()) {
                return -1;
            }
            value = (unsigned long long)long_val;
            MEMBER_STORE(unsigned long long, addr, value);
            WARN("Writing negative value into unsigned field");
        }
        else {
            value = PyLong_AsUnsignedLongLong(idx);
            Py_DECREF(idx);
            if (value == (unsigned long long)-1 && PyErr_Occurred()) {
                return -1;
            }
            MEMBER_STORE(unsigned long long, addr, value);
        }
        break;
    }
    default:
        PyErr_Format(PyExc_SystemError, "bad memberdescr type for %s", l->name);
        return -1;
    }
    return 0;
}
