/* _collections: deque, defaultdict and _count_elements (the C half of Lib/collections).
 *
 * deque is a ring buffer: `items` holds `capacity` slots (a power of two), the deque's
 * elements are items[(head + i) & (capacity - 1)] for i in [0, Py_SIZE).  Appends and pops
 * at both ends are O(1) amortised; indexing is O(1).  `state` counts mutations so that
 * iterators and comparisons that run Python code notice concurrent changes.
 *
 * Thread safety (free-threaded build): every method that reads or writes the buffer runs in a
 * critical section on the deque (Py_BEGIN_CRITICAL_SECTION), which protects items, capacity,
 * head, ob_size and state.  Methods that call back into Python (comparisons) hold a strong
 * reference to the item they compare and re-check `state` afterwards. */
#include "Python.h"
#include "pycore_object.h"
#include "pycore_modsupport.h"
#include "pycore_pyatomic_ft_wrappers.h"

typedef struct {
    PyTypeObject *deque_type;
    PyTypeObject *dequeiter_type;
    PyTypeObject *dequereviter_type;
    PyTypeObject *defdict_type;
} collections_state;

static struct PyModuleDef collectionsmodule;

/* The type's name without its module ("deque" for "collections.deque"). */
static const char *type_short_name(PyTypeObject *type)
{
    const char *dot = strrchr(type->tp_name, '.');
    return dot != NULL ? dot + 1 : type->tp_name;
}

static collections_state *get_module_state(PyObject *module)
{
    return (collections_state *)PyModule_GetState(module);
}

/* The module state reached from an instance of one of the module's types or of a Python
 * subclass of one (borrowed; NULL with an exception if not found). */
static collections_state *find_state_by_type(PyTypeObject *type)
{
    PyObject *module = PyType_GetModuleByDef(type, &collectionsmodule);
    if (module == NULL) {
        return NULL;
    }
    return get_module_state(module);
}

/* ======================================================================================= */
/* deque                                                                                    */
/* ======================================================================================= */

typedef struct {
    PyObject_VAR_HEAD
    PyObject **items;      /* ring buffer; NULL while capacity is 0 */
    Py_ssize_t capacity;   /* 0 or a power of two */
    Py_ssize_t head;       /* slot of the leftmost element */
    Py_ssize_t maxlen;     /* -1: unbounded */
    size_t state;          /* incremented by every mutation */
    PyObject *weakreflist;
} dequeobject;

#define DEQUE_SLOT(d, i) ((d)->items[((d)->head + (i)) & ((d)->capacity - 1)])

/* Make room for at least one more element; -1 with MemoryError on failure. */
static int deque_grow(dequeobject *d)
{
    Py_ssize_t size = Py_SIZE(d);
    if (size < d->capacity) {
        return 0;
    }
    Py_ssize_t newcap = d->capacity ? d->capacity * 2 : 8;
    if ((size_t)newcap > PY_SSIZE_T_MAX / sizeof(PyObject *)) {
        PyErr_NoMemory();
        return -1;
    }
    PyObject **items = PyMem_Malloc((size_t)newcap * sizeof(PyObject *));
    if (items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < size; i++) {
        items[i] = DEQUE_SLOT(d, i);
    }
    PyMem_Free(d->items);
    d->items = items;
    d->capacity = newcap;
    d->head = 0;
    return 0;
}

/* Steals a reference to item.  The caller has checked maxlen. */
static int deque_push_right(dequeobject *d, PyObject *item)
{
    if (deque_grow(d) < 0) {
        Py_DECREF(item);
        return -1;
    }
    DEQUE_SLOT(d, Py_SIZE(d)) = item;
    Py_SET_SIZE(d, Py_SIZE(d) + 1);
    d->state++;
    return 0;
}

/* Steals a reference to item. */
static int deque_push_left(dequeobject *d, PyObject *item)
{
    if (deque_grow(d) < 0) {
        Py_DECREF(item);
        return -1;
    }
    d->head = (d->head - 1) & (d->capacity - 1);
    d->items[d->head] = item;
    Py_SET_SIZE(d, Py_SIZE(d) + 1);
    d->state++;
    return 0;
}

/* Return a new reference to the removed rightmost item; the deque is not empty. */
static PyObject *deque_take_right(dequeobject *d)
{
    Py_ssize_t last = Py_SIZE(d) - 1;
    PyObject *item = DEQUE_SLOT(d, last);
    Py_SET_SIZE(d, last);
    d->state++;
    return item;
}

/* Return a new reference to the removed leftmost item; the deque is not empty. */
static PyObject *deque_take_left(dequeobject *d)
{
    PyObject *item = d->items[d->head];
    d->head = (d->head + 1) & (d->capacity - 1);
    Py_SET_SIZE(d, Py_SIZE(d) - 1);
    d->state++;
    return item;
}

/* Append with the maxlen rule: a full bounded deque drops an item from the other end.
 * Steals a reference to item. */
static int deque_append_bounded(dequeobject *d, PyObject *item, int left)
{
    if (d->maxlen == 0) {
        Py_DECREF(item);
        return 0;
    }
    if (d->maxlen > 0 && Py_SIZE(d) >= d->maxlen) {
        PyObject *dropped = left ? deque_take_right(d) : deque_take_left(d);
        Py_DECREF(dropped);
    }
    return left ? deque_push_left(d, item) : deque_push_right(d, item);
}

static PyObject *deque_append(PyObject *self, PyObject *item)
{
    dequeobject *d = (dequeobject *)self;
    int rc;
    Py_BEGIN_CRITICAL_SECTION(d);
    rc = deque_append_bounded(d, Py_NewRef(item), 0);
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *deque_appendleft(PyObject *self, PyObject *item)
{
    dequeobject *d = (dequeobject *)self;
    int rc;
    Py_BEGIN_CRITICAL_SECTION(d);
    rc = deque_append_bounded(d, Py_NewRef(item), 1);
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *deque_pop_impl(PyObject *self, int left)
{
    dequeobject *d = (dequeobject *)self;
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(d);
    if (Py_SIZE(d) == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from an empty deque");
    }
    else {
        item = left ? deque_take_left(d) : deque_take_right(d);
    }
    Py_END_CRITICAL_SECTION();
    return item;
}

static PyObject *deque_pop(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return deque_pop_impl(self, 0);
}

static PyObject *deque_popleft(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return deque_pop_impl(self, 1);
}

/* Remove every item; the references are released after the buffer is reset, so that
 * destructors that look at the deque see it empty. */
static void deque_clear_items(dequeobject *d)
{
    PyObject **items = d->items;
    Py_ssize_t size = Py_SIZE(d), head = d->head, mask = d->capacity - 1;
    d->items = NULL;
    d->capacity = 0;
    d->head = 0;
    Py_SET_SIZE(d, 0);
    d->state++;
    for (Py_ssize_t i = 0; i < size; i++) {
        Py_DECREF(items[(head + i) & mask]);
    }
    PyMem_Free(items);
}

static PyObject *deque_clearmethod(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_BEGIN_CRITICAL_SECTION(self);
    deque_clear_items((dequeobject *)self);
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

/* extend/extendleft: append every item of iterable (a snapshot when iterable is the deque
 * itself). */
static PyObject *deque_extend_impl(PyObject *self, PyObject *iterable, int left)
{
    dequeobject *d = (dequeobject *)self;
    PyObject *source = iterable;
    if (iterable == self) {
        source = PySequence_List(iterable);
        if (source == NULL) {
            return NULL;
        }
    }
    else {
        Py_INCREF(source);
    }
    PyObject *it = PyObject_GetIter(source);
    Py_DECREF(source);
    if (it == NULL) {
        return NULL;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int rc;
        Py_BEGIN_CRITICAL_SECTION(d);
        rc = deque_append_bounded(d, item, left);
        Py_END_CRITICAL_SECTION();
        if (rc < 0) {
            Py_DECREF(it);
            return NULL;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *deque_extend(PyObject *self, PyObject *iterable)
{
    return deque_extend_impl(self, iterable, 0);
}

static PyObject *deque_extendleft(PyObject *self, PyObject *iterable)
{
    return deque_extend_impl(self, iterable, 1);
}

static PyObject *deque_inplace_concat(PyObject *self, PyObject *other)
{
    PyObject *result = deque_extend_impl(self, other, 0);
    if (result == NULL) {
        return NULL;
    }
    Py_DECREF(result);
    return Py_NewRef(self);
}

/* Rotate right by n (left if negative), moving min(|n|, size - |n|) items. */
static void deque_rotate_locked(dequeobject *d, Py_ssize_t n)
{
    Py_ssize_t size = Py_SIZE(d);
    if (size <= 1) {
        return;
    }
    n %= size;
    if (n < 0) {
        n += size;
    }
    if (n == 0) {
        return;
    }
    Py_ssize_t mask = d->capacity - 1;
    if (n <= size / 2) {
        for (Py_ssize_t k = 0; k < n; k++) {
            PyObject *last = d->items[(d->head + size - 1) & mask];
            d->head = (d->head - 1) & mask;
            d->items[d->head] = last;
        }
    }
    else {
        for (Py_ssize_t k = 0; k < size - n; k++) {
            PyObject *first = d->items[d->head];
            d->items[(d->head + size) & mask] = first;
            d->head = (d->head + 1) & mask;
        }
    }
    d->state++;
}

static PyObject *deque_rotate(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("rotate", nargs, 0, 1)) {
        return NULL;
    }
    Py_ssize_t n = 1;
    if (nargs == 1) {
        n = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (n == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    Py_BEGIN_CRITICAL_SECTION(self);
    deque_rotate_locked((dequeobject *)self, n);
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

static PyObject *deque_reverse(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    dequeobject *d = (dequeobject *)self;
    Py_BEGIN_CRITICAL_SECTION(d);
    for (Py_ssize_t i = 0, j = Py_SIZE(d) - 1; i < j; i++, j--) {
        PyObject *tmp = DEQUE_SLOT(d, i);
        DEQUE_SLOT(d, i) = DEQUE_SLOT(d, j);
        DEQUE_SLOT(d, j) = tmp;
    }
    d->state++;
    Py_END_CRITICAL_SECTION();
    Py_RETURN_NONE;
}

/* Remove the item at index i (0 <= i < size) by shifting the shorter side; return a new
 * reference to it. */
static PyObject *deque_remove_at(dequeobject *d, Py_ssize_t i)
{
    Py_ssize_t size = Py_SIZE(d);
    PyObject *item = DEQUE_SLOT(d, i);
    if (i < size / 2) {
        for (Py_ssize_t k = i; k > 0; k--) {
            DEQUE_SLOT(d, k) = DEQUE_SLOT(d, k - 1);
        }
        d->head = (d->head + 1) & (d->capacity - 1);
    }
    else {
        for (Py_ssize_t k = i; k < size - 1; k++) {
            DEQUE_SLOT(d, k) = DEQUE_SLOT(d, k + 1);
        }
    }
    Py_SET_SIZE(d, size - 1);
    d->state++;
    return item;
}

/* Find the first index in [start, stop) whose item == value; -1 if none, -2 on error (an
 * exception is set, including RuntimeError if a comparison mutated the deque). */
static Py_ssize_t deque_find(dequeobject *d, PyObject *value, Py_ssize_t start,
                             Py_ssize_t stop)
{
    size_t state = d->state;
    for (Py_ssize_t i = start; i < stop && i < Py_SIZE(d); i++) {
        PyObject *item = Py_NewRef(DEQUE_SLOT(d, i));
        int cmp = PyObject_RichCompareBool(item, value, Py_EQ);
        Py_DECREF(item);
        if (cmp < 0) {
            return -2;
        }
        if (d->state != state) {
            PyErr_SetString(PyExc_RuntimeError, "deque mutated during iteration");
            return -2;
        }
        if (cmp > 0) {
            return i;
        }
    }
    return -1;
}

static PyObject *deque_remove(PyObject *self, PyObject *value)
{
    dequeobject *d = (dequeobject *)self;
    PyObject *removed = NULL;
    Py_BEGIN_CRITICAL_SECTION(d);
    Py_ssize_t i = deque_find(d, value, 0, Py_SIZE(d));
    if (i == -1) {
        PyErr_Format(PyExc_ValueError, "%R is not in deque", value);
    }
    else if (i >= 0) {
        removed = deque_remove_at(d, i);
    }
    Py_END_CRITICAL_SECTION();
    if (removed == NULL) {
        return NULL;
    }
    Py_DECREF(removed);
    Py_RETURN_NONE;
}

/* Normalise a slice-style bound as list.index does. */
static Py_ssize_t clamp_bound(Py_ssize_t v, Py_ssize_t size)
{
    if (v < 0) {
        v += size;
        if (v < 0) {
            v = 0;
        }
    }
    return v > size ? size : v;
}

static PyObject *deque_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("index", nargs, 1, 3)) {
        return NULL;
    }
    dequeobject *d = (dequeobject *)self;
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX;
    if (nargs >= 2 && args[1] != Py_None) {
        start = PyNumber_AsSsize_t(args[1], NULL);
        if (start == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    if (nargs >= 3 && args[2] != Py_None) {
        stop = PyNumber_AsSsize_t(args[2], NULL);
        if (stop == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    Py_ssize_t i;
    Py_BEGIN_CRITICAL_SECTION(d);
    Py_ssize_t size = Py_SIZE(d);
    i = deque_find(d, args[0], clamp_bound(start, size), clamp_bound(stop, size));
    Py_END_CRITICAL_SECTION();
    if (i == -2) {
        return NULL;
    }
    if (i == -1) {
        PyErr_Format(PyExc_ValueError, "%R is not in deque", args[0]);
        return NULL;
    }
    return PyLong_FromSsize_t(i);
}

static PyObject *deque_count(PyObject *self, PyObject *value)
{
    dequeobject *d = (dequeobject *)self;
    Py_ssize_t count = 0;
    int error = 0;
    Py_BEGIN_CRITICAL_SECTION(d);
    size_t state = d->state;
    for (Py_ssize_t i = 0; i < Py_SIZE(d); i++) {
        PyObject *item = Py_NewRef(DEQUE_SLOT(d, i));
        int cmp = PyObject_RichCompareBool(item, value, Py_EQ);
        Py_DECREF(item);
        if (cmp < 0) {
            error = 1;
            break;
        }
        if (d->state != state) {
            PyErr_SetString(PyExc_RuntimeError, "deque mutated during iteration");
            error = 1;
            break;
        }
        count += cmp;
    }
    Py_END_CRITICAL_SECTION();
    if (error) {
        return NULL;
    }
    return PyLong_FromSsize_t(count);
}

static int deque_contains(PyObject *self, PyObject *value)
{
    dequeobject *d = (dequeobject *)self;
    Py_ssize_t i;
    Py_BEGIN_CRITICAL_SECTION(d);
    i = deque_find(d, value, 0, Py_SIZE(d));
    Py_END_CRITICAL_SECTION();
    if (i == -2) {
        return -1;
    }
    return i >= 0;
}

static PyObject *deque_insert(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("insert", nargs, 2, 2)) {
        return NULL;
    }
    Py_ssize_t index = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (index == -1 && PyErr_Occurred()) {
        return NULL;
    }
    dequeobject *d = (dequeobject *)self;
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(d);
    Py_ssize_t size = Py_SIZE(d);
    if (d->maxlen >= 0 && size >= d->maxlen) {
        PyErr_SetString(PyExc_IndexError, "deque already at its maximum size");
        rc = -1;
    }
    else {
        index = clamp_bound(index, size);
        /* Append at the end, then rotate the new item into place. */
        rc = deque_push_right(d, Py_NewRef(args[1]));
        if (rc == 0) {
            for (Py_ssize_t k = size; k > index; k--) {
                PyObject *tmp = DEQUE_SLOT(d, k);
                DEQUE_SLOT(d, k) = DEQUE_SLOT(d, k - 1);
                DEQUE_SLOT(d, k - 1) = tmp;
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    if (rc < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Borrowed-then-new reference to item i, with deque's index rules; NULL with IndexError. */
static PyObject *deque_item(PyObject *self, Py_ssize_t i)
{
    dequeobject *d = (dequeobject *)self;
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(d);
    if (i < 0 || i >= Py_SIZE(d)) {
        PyErr_SetString(PyExc_IndexError, "deque index out of range");
    }
    else {
        item = Py_NewRef(DEQUE_SLOT(d, i));
    }
    Py_END_CRITICAL_SECTION();
    return item;
}

static int deque_ass_item(PyObject *self, Py_ssize_t i, PyObject *value)
{
    dequeobject *d = (dequeobject *)self;
    PyObject *old = NULL;
    int rc = 0;
    Py_BEGIN_CRITICAL_SECTION(d);
    if (i < 0 || i >= Py_SIZE(d)) {
        PyErr_SetString(PyExc_IndexError, "deque index out of range");
        rc = -1;
    }
    else if (value == NULL) {
        old = deque_remove_at(d, i);
    }
    else {
        old = DEQUE_SLOT(d, i);
        DEQUE_SLOT(d, i) = Py_NewRef(value);
    }
    Py_END_CRITICAL_SECTION();
    Py_XDECREF(old);
    return rc;
}

static Py_ssize_t deque_len(PyObject *self)
{
    return FT_ATOMIC_LOAD_SSIZE_RELAXED(((PyVarObject *)self)->ob_size);
}

/* Return a new deque of the same type and maxlen holding the same items. */
static PyObject *deque_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    dequeobject *d = (dequeobject *)self;
    PyObject *maxlen = d->maxlen < 0 ? Py_NewRef(Py_None) : PyLong_FromSsize_t(d->maxlen);
    if (maxlen == NULL) {
        return NULL;
    }
    PyObject *items = PySequence_List(self);
    PyObject *result = NULL;
    if (items != NULL) {
        result = PyObject_CallFunctionObjArgs((PyObject *)Py_TYPE(self), items, maxlen, NULL);
    }
    Py_XDECREF(items);
    Py_DECREF(maxlen);
    return result;
}

static PyObject *deque_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    dequeobject *d = (dequeobject *)self;
    PyObject *state;
    if (PyObject_GetOptionalAttr(self, _Py_ID(__dict__), &state) < 0) {
        return NULL;
    }
    if (state == NULL || (PyDict_Check(state) && PyDict_GET_SIZE(state) == 0)) {
        Py_XDECREF(state);
        state = Py_NewRef(Py_None);
    }
    PyObject *it = PyObject_GetIter(self);
    if (it == NULL) {
        Py_DECREF(state);
        return NULL;
    }
    PyObject *result;
    if (d->maxlen < 0) {
        result = Py_BuildValue("O()NN", Py_TYPE(self), state, it);
    }
    else {
        result = Py_BuildValue("O(()n)NN", Py_TYPE(self), d->maxlen, state, it);
    }
    return result;
}

static PyObject *deque_repr(PyObject *self)
{
    dequeobject *d = (dequeobject *)self;
    int status = Py_ReprEnter(self);
    if (status != 0) {
        if (status < 0) {
            return NULL;
        }
        return PyUnicode_FromString("[...]");
    }
    PyObject *list = PySequence_List(self);
    if (list == NULL) {
        Py_ReprLeave(self);
        return NULL;
    }
    PyObject *result;
    const char *name = type_short_name(Py_TYPE(self));
    if (d->maxlen >= 0) {
        result = PyUnicode_FromFormat("%s(%R, maxlen=%zd)", name, list, d->maxlen);
    }
    else {
        result = PyUnicode_FromFormat("%s(%R)", name, list);
    }
    Py_ReprLeave(self);
    Py_DECREF(list);
    return result;
}

static PyObject *deque_richcompare(PyObject *v, PyObject *w, int op)
{
    collections_state *st = find_state_by_type(Py_TYPE(v));
    if (st == NULL) {
        return NULL;
    }
    if (!PyObject_TypeCheck(v, st->deque_type) || !PyObject_TypeCheck(w, st->deque_type)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    /* Compare as lists: snapshots make the comparison immune to mutation by __eq__. */
    PyObject *a = PySequence_List(v);
    if (a == NULL) {
        return NULL;
    }
    PyObject *b = PySequence_List(w);
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    PyObject *result = PyObject_RichCompare(a, b, op);
    Py_DECREF(a);
    Py_DECREF(b);
    return result;
}

static int deque_init(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"iterable", "maxlen", NULL};
    PyObject *iterable = NULL, *maxlen_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|OO:deque", kwlist, &iterable,
                                     &maxlen_obj)) {
        return -1;
    }
    Py_ssize_t maxlen = -1;
    if (maxlen_obj != NULL && maxlen_obj != Py_None) {
        maxlen = PyLong_AsSsize_t(maxlen_obj);
        if (maxlen == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (maxlen < 0) {
            PyErr_SetString(PyExc_ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    dequeobject *d = (dequeobject *)self;
    Py_BEGIN_CRITICAL_SECTION(d);
    d->maxlen = maxlen;
    if (Py_SIZE(d) > 0) {
        deque_clear_items(d);
    }
    Py_END_CRITICAL_SECTION();
    if (iterable != NULL) {
        PyObject *rv = deque_extend_impl(self, iterable, 0);
        if (rv == NULL) {
            return -1;
        }
        Py_DECREF(rv);
    }
    return 0;
}

static PyObject *deque_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    dequeobject *d = (dequeobject *)type->tp_alloc(type, 0);
    if (d == NULL) {
        return NULL;
    }
    d->items = NULL;
    d->capacity = 0;
    d->head = 0;
    d->maxlen = -1;
    d->state = 0;
    d->weakreflist = NULL;
    return (PyObject *)d;
}

static int deque_traverse(PyObject *self, visitproc visit, void *arg)
{
    dequeobject *d = (dequeobject *)self;
    Py_VISIT(Py_TYPE(self));
    for (Py_ssize_t i = 0; i < Py_SIZE(d); i++) {
        Py_VISIT(DEQUE_SLOT(d, i));
    }
    return 0;
}

static int deque_tp_clear(PyObject *self)
{
    deque_clear_items((dequeobject *)self);
    return 0;
}

static void deque_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    if (((dequeobject *)self)->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    deque_clear_items((dequeobject *)self);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyObject *deque_get_maxlen(PyObject *self, void *Py_UNUSED(closure))
{
    dequeobject *d = (dequeobject *)self;
    if (d->maxlen < 0) {
        Py_RETURN_NONE;
    }
    return PyLong_FromSsize_t(d->maxlen);
}

static PyObject *deque_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    dequeobject *d = (dequeobject *)self;
    size_t size = (size_t)Py_TYPE(self)->tp_basicsize + (size_t)d->capacity * sizeof(PyObject *);
    return PyLong_FromSize_t(size);
}

/* deque + deque: a new deque (of the left operand's type and maxlen). */
static PyObject *deque_concat(PyObject *self, PyObject *other)
{
    collections_state *st = find_state_by_type(Py_TYPE(self));
    if (st == NULL) {
        return NULL;
    }
    if (!PyObject_TypeCheck(other, st->deque_type)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate deque (not \"%.200s\") to deque",
                     Py_TYPE(other)->tp_name);
        return NULL;
    }
    PyObject *result = deque_copy(self, NULL);
    if (result == NULL) {
        return NULL;
    }
    PyObject *rv = deque_extend_impl(result, other, 0);
    if (rv == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    Py_DECREF(rv);
    return result;
}

/* d *= n: repeat the contents in place (respecting maxlen). */
static PyObject *deque_inplace_repeat(PyObject *self, Py_ssize_t n)
{
    dequeobject *d = (dequeobject *)self;
    if (n <= 0 || Py_SIZE(d) == 0) {
        if (n <= 0) {
            Py_DECREF(deque_clearmethod(self, NULL));
        }
        return Py_NewRef(self);
    }
    if (n == 1) {
        return Py_NewRef(self);
    }
    PyObject *snapshot = PySequence_List(self);
    if (snapshot == NULL) {
        return NULL;
    }
    for (Py_ssize_t k = 1; k < n; k++) {
        PyObject *rv = deque_extend_impl(self, snapshot, 0);
        if (rv == NULL) {
            Py_DECREF(snapshot);
            return NULL;
        }
        Py_DECREF(rv);
        if (d->maxlen >= 0 && Py_SIZE(d) >= d->maxlen && k * PyList_GET_SIZE(snapshot) >=
                                                            d->maxlen) {
            break;
        }
    }
    Py_DECREF(snapshot);
    return Py_NewRef(self);
}

static PyObject *deque_repeat(PyObject *self, Py_ssize_t n)
{
    PyObject *result = deque_copy(self, NULL);
    if (result == NULL) {
        return NULL;
    }
    PyObject *rv = deque_inplace_repeat(result, n);
    Py_DECREF(result);
    return rv;
}

/* ---- iterators ------------------------------------------------------------------------ */

/* A deque iterator may be shared by threads (free-threaded build).  index, state and remaining
 * change only inside the deque's critical section; remaining is stored with relaxed atomics
 * because __length_hint__ reads it without the lock.  The iterator keeps its deque until it
 * dies (as CPython's does: an exhausted iterator still reports a later mutation), so a thread
 * that loaded it never sees the deque freed under it. */
typedef struct {
    PyObject_HEAD
    dequeobject *deque;   /* owned */
    Py_ssize_t index;     /* next position (counted from the relevant end) */
    size_t state;         /* the deque's state when iteration began */
    Py_ssize_t remaining;
} dequeiterobject;

static PyObject *deque_make_iter(PyObject *self, PyTypeObject *itertype)
{
    dequeobject *d = (dequeobject *)self;
    dequeiterobject *it = PyObject_GC_New(dequeiterobject, itertype);
    if (it == NULL) {
        return NULL;
    }
    Py_BEGIN_CRITICAL_SECTION(d);
    it->deque = (dequeobject *)Py_NewRef(self);
    it->index = 0;
    it->state = d->state;
    it->remaining = Py_SIZE(d);
    Py_END_CRITICAL_SECTION();
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static PyObject *dequeiter_next_impl(PyObject *self, int reverse)
{
    dequeiterobject *it = (dequeiterobject *)self;
    dequeobject *d = it->deque;
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(d);
    if (d->state != it->state) {
        FT_ATOMIC_STORE_SSIZE_RELAXED(it->remaining, 0);
        PyErr_SetString(PyExc_RuntimeError, "deque mutated during iteration");
    }
    else if (it->remaining > 0) {
        Py_ssize_t i = reverse ? Py_SIZE(d) - 1 - it->index : it->index;
        item = Py_NewRef(DEQUE_SLOT(d, i));
        it->index++;
        FT_ATOMIC_STORE_SSIZE_RELAXED(it->remaining, it->remaining - 1);
    }
    Py_END_CRITICAL_SECTION();
    return item;
}

static PyObject *dequeiter_next(PyObject *self)
{
    return dequeiter_next_impl(self, 0);
}

static PyObject *dequereviter_next(PyObject *self)
{
    return dequeiter_next_impl(self, 1);
}

static PyObject *dequeiter_length_hint(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    dequeiterobject *it = (dequeiterobject *)self;
    return PyLong_FromSsize_t(FT_ATOMIC_LOAD_SSIZE_RELAXED(it->remaining));
}

static int dequeiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(((dequeiterobject *)self)->deque);
    return 0;
}

static void dequeiter_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((dequeiterobject *)self)->deque);
    PyObject_GC_Del(self);
    Py_DECREF(tp);
}

static PyMethodDef dequeiter_methods[] = {
    {"__length_hint__", dequeiter_length_hint, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot dequeiter_slots[] = {
    {Py_tp_dealloc, dequeiter_dealloc},
    {Py_tp_getattro, PyObject_GenericGetAttr},
    {Py_tp_traverse, dequeiter_traverse},
    {Py_tp_iter, PyObject_SelfIter},
    {Py_tp_iternext, dequeiter_next},
    {Py_tp_methods, dequeiter_methods},
    {0, NULL},
};

static PyType_Spec dequeiter_spec = {
    .name = "_collections._deque_iterator",
    .basicsize = sizeof(dequeiterobject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE |
             Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = dequeiter_slots,
};

static PyType_Slot dequereviter_slots[] = {
    {Py_tp_dealloc, dequeiter_dealloc},
    {Py_tp_getattro, PyObject_GenericGetAttr},
    {Py_tp_traverse, dequeiter_traverse},
    {Py_tp_iter, PyObject_SelfIter},
    {Py_tp_iternext, dequereviter_next},
    {Py_tp_methods, dequeiter_methods},
    {0, NULL},
};

static PyType_Spec dequereviter_spec = {
    .name = "_collections._deque_reverse_iterator",
    .basicsize = sizeof(dequeiterobject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE |
             Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = dequereviter_slots,
};

static PyObject *deque_iter(PyObject *self)
{
    collections_state *st = find_state_by_type(Py_TYPE(self));
    if (st == NULL) {
        return NULL;
    }
    return deque_make_iter(self, st->dequeiter_type);
}

static PyObject *deque_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    collections_state *st = find_state_by_type(Py_TYPE(self));
    if (st == NULL) {
        return NULL;
    }
    return deque_make_iter(self, st->dequereviter_type);
}

static PyMethodDef deque_methods[] = {
    {"append", deque_append, METH_O, "Add an element to the right side of the deque."},
    {"appendleft", deque_appendleft, METH_O, "Add an element to the left side of the deque."},
    {"clear", deque_clearmethod, METH_NOARGS, "Remove all elements from the deque."},
    {"__copy__", deque_copy, METH_NOARGS, "Return a shallow copy of a deque."},
    {"copy", deque_copy, METH_NOARGS, "Return a shallow copy of a deque."},
    {"count", deque_count, METH_O, "Return number of occurrences of value."},
    {"extend", deque_extend, METH_O, "Extend the right side of the deque with elements "
                                      "from the iterable."},
    {"extendleft", deque_extendleft, METH_O, "Extend the left side of the deque with "
                                              "elements from the iterable."},
    {"index", _PyCFunction_CAST(deque_index), METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"insert", _PyCFunction_CAST(deque_insert), METH_FASTCALL,
     "Insert value before index."},
    {"pop", deque_pop, METH_NOARGS, "Remove and return the rightmost element."},
    {"popleft", deque_popleft, METH_NOARGS, "Remove and return the leftmost element."},
    {"__reduce__", deque_reduce, METH_NOARGS, "Return state information for pickling."},
    {"remove", deque_remove, METH_O, "Remove first occurrence of value."},
    {"__reversed__", deque_reversed, METH_NOARGS, "Return a reverse iterator over the deque."},
    {"reverse", deque_reverse, METH_NOARGS, "Reverse *IN PLACE*."},
    {"rotate", _PyCFunction_CAST(deque_rotate), METH_FASTCALL,
     "Rotate the deque n steps to the right.  If n is negative, rotates left."},
    {"__sizeof__", deque_sizeof, METH_NOARGS, "Size of the deque in memory, in bytes."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef deque_getset[] = {
    {"maxlen", deque_get_maxlen, NULL, "maximum size of a deque or None if unbounded"},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef deque_members[] = {
    {"__weaklistoffset__", Py_T_PYSSIZET, offsetof(dequeobject, weakreflist), Py_READONLY},
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot deque_slots[] = {
    {Py_tp_dealloc, deque_dealloc},
    {Py_tp_repr, deque_repr},
    {Py_tp_hash, PyObject_HashNotImplemented},
    {Py_tp_getattro, PyObject_GenericGetAttr},
    {Py_tp_doc, "deque([iterable[, maxlen]]) --> deque object\n\n"
                "A list-like sequence optimized for data accesses near its endpoints."},
    {Py_tp_traverse, deque_traverse},
    {Py_tp_clear, deque_tp_clear},
    {Py_tp_richcompare, deque_richcompare},
    {Py_tp_iter, deque_iter},
    {Py_tp_getset, deque_getset},
    {Py_tp_init, deque_init},
    {Py_tp_alloc, PyType_GenericAlloc},
    {Py_tp_new, deque_new},
    {Py_tp_free, PyObject_GC_Del},
    {Py_tp_methods, deque_methods},
    {Py_tp_members, deque_members},
    {Py_sq_length, deque_len},
    {Py_sq_concat, deque_concat},
    {Py_sq_repeat, deque_repeat},
    {Py_sq_item, deque_item},
    {Py_sq_ass_item, deque_ass_item},
    {Py_sq_contains, deque_contains},
    {Py_sq_inplace_concat, deque_inplace_concat},
    {Py_sq_inplace_repeat, deque_inplace_repeat},
    {0, NULL},
};

static PyType_Spec deque_spec = {
    .name = "collections.deque",
    .basicsize = sizeof(dequeobject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC |
             Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = deque_slots,
};

/* ======================================================================================= */
/* defaultdict                                                                              */
/* ======================================================================================= */

typedef struct {
    PyDictObject dict;
    /* callable or None; NULL only during construction.  A member any thread may replace:
     * read with defdict_factory, stored with _PyMember_StoreObject. */
    PyObject *default_factory;
} defdictobject;

/* New reference to the factory, None if unset. */
static PyObject *defdict_factory(PyObject *self)
{
    PyObject *factory = _PyMember_LoadObject(self, &((defdictobject *)self)->default_factory);
    return factory != NULL ? factory : Py_None;
}

/* d[key] for a missing key: default_factory() stored under key (KeyError without a
 * factory).  setdefault makes the store atomic with respect to other threads. */
static PyObject *defdict_missing(PyObject *self, PyObject *key)
{
    PyObject *factory = defdict_factory(self);
    if (factory == Py_None) {
        PyObject *tup = PyTuple_Pack(1, key);
        if (tup != NULL) {
            PyErr_SetObject(PyExc_KeyError, tup);
            Py_DECREF(tup);
        }
        return NULL;
    }
    PyObject *value = PyObject_CallNoArgs(factory);
    Py_DECREF(factory);
    if (value == NULL) {
        return NULL;
    }
    PyObject *result;
    if (PyDict_SetDefaultRef(self, key, value, &result) < 0) {
        Py_DECREF(value);
        return NULL;
    }
    Py_DECREF(value);
    return result;
}

static PyObject *defdict_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *factory = defdict_factory(self);
    PyObject *res = PyObject_CallFunctionObjArgs((PyObject *)Py_TYPE(self), factory, self, NULL);
    Py_DECREF(factory);
    return res;
}

static PyObject *defdict_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *factory = defdict_factory(self);
    PyObject *args = factory == Py_None ? PyTuple_New(0) : PyTuple_Pack(1, factory);
    Py_DECREF(factory);
    if (args == NULL) {
        return NULL;
    }
    PyObject *items = PyObject_CallMethod(self, "items", NULL);
    PyObject *iter = items ? PyObject_GetIter(items) : NULL;
    Py_XDECREF(items);
    if (iter == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    return Py_BuildValue("(ONOON)", Py_TYPE(self), args, Py_None, Py_None, iter);
}

static PyObject *defdict_repr(PyObject *self)
{
    PyObject *baserepr = PyDict_Type.tp_repr(self);
    if (baserepr == NULL) {
        return NULL;
    }
    PyObject *factory = defdict_factory(self);
    PyObject *factory_repr;
    if (factory == Py_None) {
        factory_repr = PyUnicode_FromString("None");
    }
    else {
        int status = Py_ReprEnter(factory);
        if (status != 0) {
            factory_repr = status < 0 ? NULL : PyUnicode_FromString("...");
        }
        else {
            factory_repr = PyObject_Repr(factory);
            Py_ReprLeave(factory);
        }
    }
    Py_DECREF(factory);
    if (factory_repr == NULL) {
        Py_DECREF(baserepr);
        return NULL;
    }
    PyObject *result = PyUnicode_FromFormat("%s(%U, %U)", type_short_name(Py_TYPE(self)),
                                            factory_repr, baserepr);
    Py_DECREF(factory_repr);
    Py_DECREF(baserepr);
    return result;
}

/* d | other and other | d: a defaultdict with d's factory. */
static PyObject *defdict_or(PyObject *left, PyObject *right)
{
    collections_state *st = NULL;
    PyObject *self, *other;
    if (PyType_GetModuleByDef(Py_TYPE(left), &collectionsmodule) != NULL) {
        st = find_state_by_type(Py_TYPE(left));
    }
    else {
        PyErr_Clear();
    }
    if (st != NULL && PyObject_TypeCheck(left, st->defdict_type)) {
        self = left;
        other = right;
    }
    else {
        self = right;
        other = left;
    }
    if (!PyDict_Check(other)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *factory = defdict_factory(self);
    PyObject *new = PyObject_CallFunctionObjArgs((PyObject *)Py_TYPE(self), factory, left, NULL);
    Py_DECREF(factory);
    if (new == NULL) {
        return NULL;
    }
    if (PyDict_Update(new, right) < 0) {
        Py_DECREF(new);
        return NULL;
    }
    return new;
}

static int defdict_init(PyObject *self, PyObject *args, PyObject *kwargs)
{
    defdictobject *dd = (defdictobject *)self;
    PyObject *factory = Py_None;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    PyObject *rest = NULL;
    if (nargs > 0) {
        factory = PyTuple_GET_ITEM(args, 0);
        if (factory != Py_None && !PyCallable_Check(factory)) {
            PyErr_SetString(PyExc_TypeError, "first argument must be callable or None");
            return -1;
        }
        rest = PyTuple_GetSlice(args, 1, nargs);
    }
    else {
        rest = Py_NewRef(args);
    }
    if (rest == NULL) {
        return -1;
    }
    _PyMember_StoreObject(self, &dd->default_factory, factory);
    int rc = PyDict_Type.tp_init(self, rest, kwargs);
    Py_DECREF(rest);
    return rc;
}

static int defdict_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((defdictobject *)self)->default_factory);
    return PyDict_Type.tp_traverse(self, visit, arg);
}

static int defdict_tp_clear(PyObject *self)
{
    Py_CLEAR(((defdictobject *)self)->default_factory);
    return PyDict_Type.tp_clear(self);
}

static void defdict_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((defdictobject *)self)->default_factory);
    PyDict_Type.tp_dealloc(self);
    Py_DECREF(tp);
}

static PyMethodDef defdict_methods[] = {
    {"__missing__", defdict_missing, METH_O,
     "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n"
     "  if self.default_factory is None: raise KeyError((key,))\n"
     "  self[key] = value = self.default_factory()\n  return value"},
    {"copy", defdict_copy, METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__copy__", defdict_copy, METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__reduce__", defdict_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef defdict_members[] = {
    {"default_factory", _Py_T_OBJECT, offsetof(defdictobject, default_factory), 0,
     "Factory for default value called by __missing__()."},
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot defdict_slots[] = {
    {Py_tp_dealloc, defdict_dealloc},
    {Py_tp_repr, defdict_repr},
    {Py_nb_or, defdict_or},
    {Py_tp_getattro, PyObject_GenericGetAttr},
    {Py_tp_doc, "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n"
                "The default factory is called without arguments to produce\n"
                "a new value when a key is not present, in __getitem__ only.\n"
                "A defaultdict compares equal to a dict with the same items.\n"
                "All remaining arguments are treated the same as if they were\n"
                "passed to the dict constructor, including keyword arguments.\n"},
    {Py_tp_traverse, defdict_traverse},
    {Py_tp_clear, defdict_tp_clear},
    {Py_tp_methods, defdict_methods},
    {Py_tp_members, defdict_members},
    {Py_tp_init, defdict_init},
    {Py_tp_alloc, PyType_GenericAlloc},
    {Py_tp_free, PyObject_GC_Del},
    {0, NULL},
};

static PyType_Spec defdict_spec = {
    .name = "collections.defaultdict",
    .basicsize = sizeof(defdictobject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC |
             Py_TPFLAGS_IMMUTABLETYPE,
    .slots = defdict_slots,
};

/* ======================================================================================= */
/* _count_elements and the module                                                           */
/* ======================================================================================= */

/* _count_elements(mapping, iterable): mapping[elem] = mapping.get(elem, 0) + 1 for each
 * element (the inner loop of Counter.update). */
static PyObject *collections_count_elements(PyObject *module, PyObject *const *args,
                                            Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_count_elements", nargs, 2, 2)) {
        return NULL;
    }
    PyObject *mapping = args[0];
    PyObject *it = PyObject_GetIter(args[1]);
    if (it == NULL) {
        return NULL;
    }
    PyObject *one = PyLong_FromLong(1);
    PyObject *zero = PyLong_FromLong(0);
    PyObject *get = NULL;
    int plain = PyDict_CheckExact(mapping);
    if (!plain) {
        get = PyObject_GetAttrString(mapping, "get");
    }
    PyObject *key;
    int ok = one != NULL && zero != NULL && (plain || get != NULL);
    while (ok && (key = PyIter_Next(it)) != NULL) {
        PyObject *old;
        if (plain) {
            if (PyDict_GetItemRef(mapping, key, &old) < 0) {
                ok = 0;
            }
            else if (old == NULL) {
                old = Py_NewRef(zero);
            }
        }
        else {
            old = PyObject_CallFunctionObjArgs(get, key, zero, NULL);
            ok = old != NULL;
        }
        if (ok) {
            PyObject *new = PyNumber_Add(old, one);
            Py_DECREF(old);
            ok = new != NULL && PyObject_SetItem(mapping, key, new) == 0;
            Py_XDECREF(new);
        }
        Py_DECREF(key);
    }
    Py_DECREF(it);
    Py_XDECREF(get);
    Py_XDECREF(one);
    Py_XDECREF(zero);
    if (!ok || PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static int collections_exec(PyObject *module)
{
    collections_state *st = get_module_state(module);
    st->deque_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &deque_spec, NULL);
    if (st->deque_type == NULL || PyModule_AddType(module, st->deque_type) < 0) {
        return -1;
    }
    st->dequeiter_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &dequeiter_spec,
                                                                  NULL);
    st->dequereviter_type = (PyTypeObject *)PyType_FromModuleAndSpec(module,
                                                                     &dequereviter_spec, NULL);
    if (st->dequeiter_type == NULL || st->dequereviter_type == NULL ||
        PyModule_AddType(module, st->dequeiter_type) < 0 ||
        PyModule_AddType(module, st->dequereviter_type) < 0) {
        return -1;
    }
    PyObject *bases = PyTuple_Pack(1, (PyObject *)&PyDict_Type);
    if (bases == NULL) {
        return -1;
    }
    st->defdict_type = (PyTypeObject *)PyType_FromModuleAndSpec(module, &defdict_spec, bases);
    Py_DECREF(bases);
    if (st->defdict_type == NULL || PyModule_AddType(module, st->defdict_type) < 0) {
        return -1;
    }
    return 0;
}

static int collections_traverse(PyObject *module, visitproc visit, void *arg)
{
    collections_state *st = get_module_state(module);
    Py_VISIT(st->deque_type);
    Py_VISIT(st->dequeiter_type);
    Py_VISIT(st->dequereviter_type);
    Py_VISIT(st->defdict_type);
    return 0;
}

static int collections_clear(PyObject *module)
{
    collections_state *st = get_module_state(module);
    Py_CLEAR(st->deque_type);
    Py_CLEAR(st->dequeiter_type);
    Py_CLEAR(st->dequereviter_type);
    Py_CLEAR(st->defdict_type);
    return 0;
}

static void collections_free(void *module)
{
    collections_clear((PyObject *)module);
}

static PyMethodDef collections_methods[] = {
    {"_count_elements", _PyCFunction_CAST(collections_count_elements), METH_FASTCALL,
     "Count elements in the iterable, updating the mapping"},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot collections_slots[] = {
    {Py_mod_exec, collections_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef collectionsmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_collections",
    .m_doc = "High performance data structures.\n- deque: ordered collection accessible "
             "from endpoints only\n- defaultdict: dict subclass with a default value factory",
    .m_size = sizeof(collections_state),
    .m_methods = collections_methods,
    .m_slots = collections_slots,
    .m_traverse = collections_traverse,
    .m_clear = collections_clear,
    .m_free = collections_free,
};

PyMODINIT_FUNC
PyInit__collections(void)
{
    return PyModuleDef_Init(&collectionsmodule);
}
