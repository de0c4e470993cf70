/* itertools: iterator building blocks.
 *
 * Every iterator here is a heap type created from a spec in the module's exec function; its
 * state is a handful of owned references and counters.  Each __next__ updates that state in
 * a critical section on the iterator (empty in the GIL build), and holds strong references to
 * whatever it calls into Python with, so that sharing one iterator between threads in the
 * free-threaded build may skip or repeat items (as CPython documents) but never corrupts
 * memory.  Iterators that finish drop their references at once. */
#include "Python.h"
#include "pycore_modsupport.h"

typedef struct {
    PyTypeObject *accumulate_type;
    PyTypeObject *batched_type;
    PyTypeObject *chain_type;
    PyTypeObject *combinations_type;
    PyTypeObject *cwr_type;
    PyTypeObject *compress_type;
    PyTypeObject *count_type;
    PyTypeObject *cycle_type;
    PyTypeObject *dropwhile_type;
    PyTypeObject *filterfalse_type;
    PyTypeObject *groupby_type;
    PyTypeObject *grouper_type;
    PyTypeObject *islice_type;
    PyTypeObject *pairwise_type;
    PyTypeObject *permutations_type;
    PyTypeObject *product_type;
    PyTypeObject *repeat_type;
    PyTypeObject *starmap_type;
    PyTypeObject *takewhile_type;
    PyTypeObject *tee_type;
    PyTypeObject *teedata_type;
    PyTypeObject *ziplongest_type;
} itertools_state;

static struct PyModuleDef itertoolsmodule;

static itertools_state *get_module_state(PyObject *module)
{
    return (itertools_state *)PyModule_GetState(module);
}

static itertools_state *find_state_by_type(PyTypeObject *type)
{
    PyObject *module = PyType_GetModuleByDef(type, &itertoolsmodule);
    return module != NULL ? get_module_state(module) : NULL;
}

/* The type's name without its module ("count" for "itertools.count"). */
static const char *_PyType_Name_Short(PyTypeObject *type)
{
    const char *dot = strrchr(type->tp_name, '.');
    return dot != NULL ? dot + 1 : type->tp_name;
}

/* Deallocation shared by every iterator type: untrack, clear through tp_clear, free. */
static void generic_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    if (tp->tp_clear != NULL) {
        tp->tp_clear(self);
    }
    tp->tp_free(self);
    Py_DECREF(tp);
}

/* Reject keyword arguments for types that take none. */
static int no_keywords(PyTypeObject *type, const char *name, PyObject *kwds)
{
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        PyErr_Format(PyExc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

/* ======================================================================================= */
/* count(start=0, step=1)                                                                   */
/* ======================================================================================= */

typedef struct {
    PyObject_HEAD
    PyObject *current;   /* next value to return */
    PyObject *step;
} countobject;

static int count_traverse(PyObject *self, visitproc visit, void *arg)
{
    countobject *c = (countobject *)self;
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(c->current);
    Py_VISIT(c->step);
    return 0;
}

static int count_clear(PyObject *self)
{
    countobject *c = (countobject *)self;
    Py_CLEAR(c->current);
    Py_CLEAR(c->step);
    return 0;
}

static PyObject *count_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"start", "step", NULL};
    PyObject *start = NULL, *step = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:count", kwlist, &start, &step)) {
        return NULL;
    }
    if (start == NULL) {
        start = PyLong_FromLong(0);
    }
    else {
        Py_INCREF(start);
    }
    if (step == NULL) {
        step = PyLong_FromLong(1);
    }
    else {
        Py_INCREF(step);
    }
    if (start == NULL || step == NULL) {
        Py_XDECREF(start);
        Py_XDECREF(step);
        return NULL;
    }
    if (!PyNumber_Check(start) || !PyNumber_Check(step)) {
        PyErr_SetString(PyExc_TypeError, "a number is required");
        Py_DECREF(start);
        Py_DECREF(step);
        return NULL;
    }
    countobject *c = (countobject *)type->tp_alloc(type, 0);
    if (c == NULL) {
        Py_DECREF(start);
        Py_DECREF(step);
        return NULL;
    }
    c->current = start;
    c->step = step;
    return (PyObject *)c;
}

static PyObject *count_next(PyObject *self)
{
    countobject *c = (countobject *)self;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    PyObject *next = PyNumber_Add(c->current, c->step);
    if (next != NULL) {
        result = c->current;
        c->current = next;
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *count_repr(PyObject *self)
{
    countobject *c = (countobject *)self;
    const char *name = _PyType_Name_Short(Py_TYPE(self));
    int step_is_one = PyLong_CheckExact(c->step) && PyLong_AsLong(c->step) == 1;
    if (PyErr_Occurred()) {
        PyErr_Clear();
    }
    if (step_is_one) {
        return PyUnicode_FromFormat("%s(%R)", name, c->current);
    }
    return PyUnicode_FromFormat("%s(%R, %R)", name, c->current, c->step);
}

/* ======================================================================================= */
/* repeat(object[, times])                                                                  */
/* ======================================================================================= */

typedef struct {
    PyObject_HEAD
    PyObject *element;
    Py_ssize_t cnt;      /* -1: forever */
} repeatobject;

static int repeat_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(((repeatobject *)self)->element);
    return 0;
}

static int repeat_clear(PyObject *self)
{
    Py_CLEAR(((repeatobject *)self)->element);
    return 0;
}

static PyObject *repeat_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"object", "times", NULL};
    PyObject *element;
    Py_ssize_t cnt = -1;
    PyObject *times = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:repeat", kwlist, &element, &times)) {
        return NULL;
    }
    if (times != NULL) {
        cnt = PyNumber_AsSsize_t(times, PyExc_OverflowError);
        if (cnt == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (cnt < 0) {
            cnt = 0;
        }
    }
    repeatobject *r = (repeatobject *)type->tp_alloc(type, 0);
    if (r == NULL) {
        return NULL;
    }
    r->element = Py_NewRef(element);
    r->cnt = cnt;
    return (PyObject *)r;
}

static PyObject *repeat_next(PyObject *self)
{
    repeatobject *r = (repeatobject *)self;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (r->cnt != 0) {
        if (r->cnt > 0) {
            r->cnt--;
        }
        result = Py_NewRef(r->element);
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *repeat_repr(PyObject *self)
{
    repeatobject *r = (repeatobject *)self;
    if (r->cnt == -1) {
        return PyUnicode_FromFormat("%s(%R)", _PyType_Name_Short(Py_TYPE(self)), r->element);
    }
    return PyUnicode_FromFormat("%s(%R, %zd)", _PyType_Name_Short(Py_TYPE(self)), r->element,
                                r->cnt);
}

static PyObject *repeat_len(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    repeatobject *r = (repeatobject *)self;
    if (r->cnt == -1) {
        PyErr_SetString(PyExc_TypeError, "len() of unsized object");
        return NULL;
    }
    return PyLong_FromSsize_t(r->cnt);
}

/* ======================================================================================= */
/* cycle(iterable)                                                                          */
/* ======================================================================================= */

typedef struct {
    PyObject_HEAD
    PyObject *it;        /* NULL once the first pass is complete */
    PyObject *saved;     /* list of items seen in the first pass */
    Py_ssize_t index;    /* position in saved during later passes */
} cycleobject;

static int cycle_traverse(PyObject *self, visitproc visit, void *arg)
{
    cycleobject *c = (cycleobject *)self;
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(c->it);
    Py_VISIT(c->saved);
    return 0;
}

static int cycle_clear(PyObject *self)
{
    cycleobject *c = (cycleobject *)self;
    Py_CLEAR(c->it);
    Py_CLEAR(c->saved);
    return 0;
}

static PyObject *cycle_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *iterable;
    if (no_keywords(type, "cycle", kwds) < 0 ||
        !PyArg_UnpackTuple(args, "cycle", 1, 1, &iterable)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    PyObject *saved = PyList_New(0);
    cycleobject *c = saved ? (cycleobject *)type->tp_alloc(type, 0) : NULL;
    if (c == NULL) {
        Py_DECREF(it);
        Py_XDECREF(saved);
        return NULL;
    }
    c->it = it;
    c->saved = saved;
    c->index = 0;
    return (PyObject *)c;
}

static PyObject *cycle_next(PyObject *self)
{
    cycleobject *c = (cycleobject *)self;
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (c->it != NULL) {
        PyObject *it = Py_NewRef(c->it);
        item = PyIter_Next(it);
        Py_DECREF(it);
        if (item != NULL) {
            if (PyList_Append(c->saved, item) < 0) {
                Py_CLEAR(item);
            }
        }
        else if (!PyErr_Occurred()) {
            Py_CLEAR(c->it);
        }
    }
    if (item == NULL && c->it == NULL && !PyErr_Occurred()) {
        Py_ssize_t n = PyList_GET_SIZE(c->saved);
        if (n > 0) {
            item = Py_NewRef(PyList_GET_ITEM(c->saved, c->index));
            c->index = (c->index + 1) % n;
        }
    }
    Py_END_CRITICAL_SECTION();
    return item;
}

/* ======================================================================================= */
/* chain(*iterables), chain.from_iterable(iterable)                                          */
/* ======================================================================================= */

typedef struct {
    PyObject_HEAD
    PyObject *source;    /* iterator over the iterables; NULL when exhausted */
    PyObject *active;    /* iterator of the current iterable, or NULL */
} chainobject;

static int chain_traverse(PyObject *self, visitproc visit, void *arg)
{
    chainobject *c = (chainobject *)self;
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(c->source);
    Py_VISIT(c->active);
    return 0;
}

static int chain_clear(PyObject *self)
{
    chainobject *c = (chainobject *)self;
    Py_CLEAR(c->source);
    Py_CLEAR(c->active);
    return 0;
}

/* Steals a reference to source. */
static PyObject *chain_new_internal(PyTypeObject *type, PyObject *source)
{
    chainobject *c = (chainobject *)type->tp_alloc(type, 0);
    if (c == NULL) {
        Py_DECREF(source);
        return NULL;
    }
    c->source = source;
    c->active = NULL;
    return (PyObject *)c;
}

static PyObject *chain_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (no_keywords(type, "chain", kwds) < 0) {
        return NULL;
    }
    PyObject *source = PyObject_GetIter(args);
    if (source == NULL) {
        return NULL;
    }
    return chain_new_internal(type, source);
}

static PyObject *chain_from_iterable(PyObject *type, PyObject *arg)
{
    PyObject *source = PyObject_GetIter(arg);
    if (source == NULL) {
        return NULL;
    }
    return chain_new_internal((PyTypeObject *)type, source);
}

static PyObject *chain_next(PyObject *self)
{
    chainobject *c = (chainobject *)self;
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    while (c->source != NULL) {
        if (c->active == NULL) {
            PyObject *iterable = PyIter_Next(c->source);
            if (iterable == NULL) {
                Py_CLEAR(c->source);
                break;
            }
            c->active = PyObject_GetIter(iterable);
            Py_DECREF(iterable);
            if (c->active == NULL) {
                Py_CLEAR(c->source);
                break;
            }
        }
        PyObject *active = Py_NewRef(c->active);
        item = PyIter_Next(active);
        Py_DECREF(active);
        if (item != NULL || PyErr_Occurred()) {
            break;
        }
        Py_CLEAR(c->active);
    }
    Py_END_CRITICAL_SECTION();
    return item;
}

/* ======================================================================================= */
/* Iterators over one source with a predicate or function:                                  */
/* dropwhile, takewhile, filterfalse, starmap, compress                                      */
/* ======================================================================================= */

typedef struct {
    PyObject_HEAD
    PyObject *func;      /* predicate / function; selectors iterator for compress */
    PyObject *it;        /* the source iterator; NULL once exhausted */
    long flag;           /* dropwhile: done dropping; takewhile: stopped */
} predobject;

static int pred_traverse(PyObject *self, visitproc visit, void *arg)
{
    predobject *p = (predobject *)self;
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(p->func);
    Py_VISIT(p->it);
    return 0;
}

static int pred_clear(PyObject *self)
{
    predobject *p = (predobject *)self;
    Py_CLEAR(p->func);
    Py_CLEAR(p->it);
    return 0;
}

static PyObject *pred_new(PyTypeObject *type, PyObject *args, PyObject *kwds,
                          const char *name)
{
    PyObject *func, *seq;
    if (no_keywords(type, name, kwds) < 0 ||
        !PyArg_UnpackTuple(args, name, 2, 2, &func, &seq)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        return NULL;
    }
    predobject *p = (predobject *)type->tp_alloc(type, 0);
    if (p == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    p->func = Py_NewRef(func);
    p->it = it;
    p->flag = 0;
    return (PyObject *)p;
}

/* The next item of the source (new reference), or NULL (exhausted or error). */
static PyObject *pred_source_next(predobject *p)
{
    if (p->it == NULL) {
        return NULL;
    }
    PyObject *it = Py_NewRef(p->it);
    PyObject *item = PyIter_Next(it);
    Py_DECREF(it);
    if (item == NULL && !PyErr_Occurred()) {
        Py_CLEAR(p->it);
    }
    return item;
}

/* 1 if func(item) is true, 0 if false, -1 on error. */
static int pred_test(PyObject *func, PyObject *item)
{
    PyObject *good = PyObject_CallOneArg(func, item);
    if (good == NULL) {
        return -1;
    }
    int ok = PyObject_IsTrue(good);
    Py_DECREF(good);
    return ok;
}

static PyObject *dropwhile_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return pred_new(type, args, kwds, "dropwhile");
}

static PyObject *dropwhile_next(PyObject *self)
{
    predobject *p = (predobject *)self;
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    while ((item = pred_source_next(p)) != NULL) {
        if (p->flag) {
            break;
        }
        int ok = pred_test(p->func, item);
        if (ok < 0) {
            Py_CLEAR(item);
            break;
        }
        if (!ok) {
            p->flag = 1;
            break;
        }
        Py_DECREF(item);
    }
    Py_END_CRITICAL_SECTION();
    return item;
}

static PyObject *takewhile_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return pred_new(type, args, kwds, "takewhile");
}

static PyObject *takewhile_next(PyObject *self)
{
    predobject *p = (predobject *)self;
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (!p->flag && (item = pred_source_next(p)) != NULL) {
        int ok = pred_test(p->func, item);
        if (ok <= 0) {
            Py_CLEAR(item);
            if (ok == 0) {
                p->flag = 1;
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return item;
}

static PyObject *filterfalse_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return pred_new(type, args, kwds, "filterfalse");
}

static PyObject *filterfalse_next(PyObject *self)
{
    predobject *p = (predobject *)self;
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    while ((item = pred_source_next(p)) != NULL) {
        int ok;
        if (p->func == Py_None || p->func == (PyObject *)&PyBool_Type) {
            ok = PyObject_IsTrue(item);
        }
        else {
            ok = pred_test(p->func, item);
        }
        if (ok < 0) {
            Py_CLEAR(item);
            break;
        }
        if (ok == 0) {
            break;
        }
        Py_DECREF(item);
    }
    Py_END_CRITICAL_SECTION();
    return item;
}

static PyObject *starmap_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return pred_new(type, args, kwds, "starmap");
}

static PyObject *starmap_next(PyObject *self)
{
    predobject *p = (predobject *)self;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    PyObject *args = pred_source_next(p);
    if (args != NULL) {
        PyObject *tuple = PySequence_Tuple(args);
        Py_DECREF(args);
        if (tuple != NULL) {
            result = PyObject_Call(p->func, tuple, NULL);
            Py_DECREF(tuple);
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *compress_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"data", "selectors", NULL};
    PyObject *data, *selectors;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO:compress", kwlist, &data, &selectors)) {
        return NULL;
    }
    PyObject *dit = PyObject_GetIter(data);
    if (dit == NULL) {
        return NULL;
    }
    PyObject *sit = PyObject_GetIter(selectors);
    if (sit == NULL) {
        Py_DECREF(dit);
        return NULL;
    }
    predobject *p = (predobject *)type->tp_alloc(type, 0);
    if (p == NULL) {
        Py_DECREF(dit);
        Py_DECREF(sit);
        return NULL;
    }
    p->func = sit;
    p->it = dit;
    p->flag = 0;
    return (PyObject *)p;
}

static PyObject *compress_next(PyObject *self)
{
    predobject *p = (predobject *)self;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    while (p->it != NULL && p->func != NULL) {
        PyObject *datum = pred_source_next(p);
        if (datum == NULL) {
            break;
        }
        PyObject *selector = PyIter_Next(p->func);
        if (selector == NULL) {
            Py_DECREF(datum);
            if (!PyErr_Occurred()) {
                Py_CLEAR(p->func);
            }
            break;
        }
        int ok = PyObject_IsTrue(selector);
        Py_DECREF(selector);
        if (ok > 0) {
            result = datum;
            break;
        }
        Py_DECREF(datum);
        if (ok < 0) {
            break;
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

/* ======================================================================================= */
/* islice(iterable, stop) / islice(iterable, start, stop[, step])                            */
/* ======================================================================================= */

typedef struct {
    PyObject_HEAD
    PyObject *it;        /* NULL when done */
    Py_ssize_t next;     /* index of the next item to yield */
    Py_ssize_t stop;     /* -1: no limit */
    Py_ssize_t step;
    Py_ssize_t cnt;      /* items consumed from the source so far */
} isliceobject;

static int islice_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(((isliceobject *)self)->it);
    return 0;
}

static int islice_clear(PyObject *self)
{
    Py_CLEAR(((isliceobject *)self)->it);
    return 0;
}

/* Parse an islice bound: None -> dflt, else a non-negative int; -2 on error. */
static Py_ssize_t islice_bound(PyObject *obj, Py_ssize_t dflt, const char *message)
{
    if (obj == Py_None) {
        return dflt;
    }
    Py_ssize_t v = -1;
    if (PyIndex_Check(obj)) {
        v = PyNumber_AsSsize_t(obj, NULL);
        if (v == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            v = -1;
        }
    }
    if (v < 0) {
        PyErr_SetString(PyExc_ValueError, message);
        return -2;
    }
    return v;
}

static PyObject *islice_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static const char *stop_msg = "Stop argument for islice() must be None or an integer: "
                                  "0 <= x <= sys.maxsize.";
    static const char *ind_msg = "Indices for islice() must be None or an integer: "
                                 "0 <= x <= sys.maxsize.";
    if (no_keywords(type, "islice", kwds) < 0) {
        return NULL;
    }
    PyObject *seq, *a1 = NULL, *a2 = NULL, *a3 = NULL;
    if (!PyArg_UnpackTuple(args, "islice", 2, 4, &seq, &a1, &a2, &a3)) {
        return NULL;
    }
    Py_ssize_t start = 0, stop = -1, step = 1;
    if (a2 == NULL) {
        stop = islice_bound(a1, -1, stop_msg);
        if (stop == -2) {
            return NULL;
        }
    }
    else {
        start = islice_bound(a1, 0, ind_msg);
        if (start == -2) {
            return NULL;
        }
        stop = islice_bound(a2, -1, stop_msg);
        if (stop == -2) {
            return NULL;
        }
        if (a3 != NULL) {
            if (a3 == Py_None) {
                step = 1;
            }
            else {
                step = islice_bound(a3, 1, "Step for islice() must be a positive integer or "
                                           "None.");
                if (step == -2) {
                    return NULL;
                }
                if (step == 0) {
                    PyErr_SetString(PyExc_ValueError,
                                    "Step for islice() must be a positive integer or None.");
                    return NULL;
                }
            }
        }
    }
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        return NULL;
    }
    isliceobject *s = (isliceobject *)type->tp_alloc(type, 0);
    if (s == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    s->it = it;
    s->next = start;
    s->stop = stop;
    s->step = step;
    s->cnt = 0;
    return (PyObject *)s;
}

static PyObject *islice_next(PyObject *self)
{
    isliceobject *s = (isliceobject *)self;
    PyObject *item = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    PyObject *it = s->it;
    if (it != NULL) {
        Py_INCREF(it);
        while (s->cnt < s->next) {
            PyObject *skipped = PyIter_Next(it);
            if (skipped == NULL) {
                goto done;
            }
            Py_DECREF(skipped);
            s->cnt++;
        }
        if (s->stop != -1 && s->cnt >= s->stop) {
            goto done;
        }
        item = PyIter_Next(it);
        if (item == NULL) {
            goto done;
        }
        s->cnt++;
        Py_ssize_t oldnext = s->next;
        s->next += s->step;
        if (s->next < oldnext || (s->stop != -1 && s->next > s->stop)) {
            s->next = s->stop;
        }
    done:
        if (item == NULL && !PyErr_Occurred()) {
            Py_CLEAR(s->it);
        }
        Py_DECREF(it);
    }
    Py_END_CRITICAL_SECTION();
    return item;
}

/* ======================================================================================= */
/* accumulate(iterable[, func, *, initial=None])                                             */
/* ======================================================================================= */

typedef struct {
    PyObject_HEAD
    PyObject *it;
    PyObject *binop;     /* NULL: addition */
    PyObject *total;     /* running value, NULL before the first item */
    PyObject *initial;   /* yielded first if given; cleared once yielded */
} accumulateobject;

static int accumulate_traverse(PyObject *self, visitproc visit, void *arg)
{
    accumulateobject *a = (accumulateobject *)self;
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(a->it);
    Py_VISIT(a->binop);
    Py_VISIT(a->total);
    Py_VISIT(a->initial);
    return 0;
}

static int accumulate_clear(PyObject *self)
{
    accumulateobject *a = (accumulateobject *)self;
    Py_CLEAR(a->it);
    Py_CLEAR(a->binop);
    Py_CLEAR(a->total);
    Py_CLEAR(a->initial);
    return 0;
}

static PyObject *accumulate_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"iterable", "func", "initial", NULL};
    PyObject *iterable, *func = Py_None, *initial = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O$O:accumulate", kwlist, &iterable,
                                     &func, &initial)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    accumulateobject *a = (accumulateobject *)type->tp_alloc(type, 0);
    if (a == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    a->it = it;
    a->binop = func == Py_None ? NULL : Py_NewRef(func);
    a->total = NULL;
    a->initial = initial == Py_None ? NULL : Py_NewRef(initial);
    return (PyObject *)a;
}

static PyObject *accumulate_next(PyObject *self)
{
    accumulateobject *a = (accumulateobject *)self;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (a->initial != NULL) {
        a->total = a->initial;
        a->initial = NULL;
        result = Py_NewRef(a->total);
    }
    else if (a->it != NULL) {
        PyObject *val = PyIter_Next(a->it);
        if (val == NULL) {
            if (!PyErr_Occurred()) {
                Py_CLEAR(a->it);
            }
        }
        else if (a->total == NULL) {
            a->total = Py_NewRef(val);
            result = val;
        }
        else {
            PyObject *newtotal = a->binop == NULL
                                     ? PyNumber_Add(a->total, val)
                                     : PyObject_CallFunctionObjArgs(a->binop, a->total, val,
                                                                    NULL);
            Py_DECREF(val);
            if (newtotal != NULL) {
                Py_SETREF(a->total, newtotal);
                result = Py_NewRef(newtotal);
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

/* ======================================================================================= */
/* batched(iterable, n, *, strict=False), pairwise(iterable)                                */
/* ======================================================================================= */

typedef struct {
    PyObject_HEAD
    PyObject *it;        /* NULL when exhausted */
    PyObject *old;       /* pairwise: the previous item */
    Py_ssize_t n;        /* batched: batch size */
    int strict;
} batchobject;

static int batch_traverse(PyObject *self, visitproc visit, void *arg)
{
    batchobject *b = (batchobject *)self;
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(b->it);
    Py_VISIT(b->old);
    return 0;
}

static int batch_clear(PyObject *self)
{
    batchobject *b = (batchobject *)self;
    Py_CLEAR(b->it);
    Py_CLEAR(b->old);
    return 0;
}

static PyObject *batched_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"iterable", "n", "strict", NULL};
    PyObject *iterable;
    Py_ssize_t n;
    int strict = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "On|$p:batched", kwlist, &iterable, &n,
                                     &strict)) {
        return NULL;
    }
    if (n < 1) {
        PyErr_SetString(PyExc_ValueError, "n must be at least one");
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    batchobject *b = (batchobject *)type->tp_alloc(type, 0);
    if (b == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    b->it = it;
    b->old = NULL;
    b->n = n;
    b->strict = strict;
    return (PyObject *)b;
}

static PyObject *batched_next(PyObject *self)
{
    batchobject *b = (batchobject *)self;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (b->it != NULL) {
        PyObject *items = PyList_New(0);
        while (items != NULL && PyList_GET_SIZE(items) < b->n) {
            PyObject *item = PyIter_Next(b->it);
            if (item == NULL) {
                if (PyErr_Occurred()) {
                    Py_CLEAR(items);
                }
                else {
                    Py_CLEAR(b->it);
                }
                break;
            }
            if (PyList_Append(items, item) < 0) {
                Py_CLEAR(items);
            }
            Py_DECREF(item);
        }
        if (items != NULL && PyList_GET_SIZE(items) > 0) {
            if (b->strict && PyList_GET_SIZE(items) < b->n) {
                PyErr_SetString(PyExc_ValueError, "batched(): incomplete batch");
            }
            else {
                result = PyList_AsTuple(items);
            }
        }
        Py_XDECREF(items);
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *pairwise_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *iterable;
    if (no_keywords(type, "pairwise", kwds) < 0 ||
        !PyArg_UnpackTuple(args, "pairwise", 1, 1, &iterable)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    batchobject *b = (batchobject *)type->tp_alloc(type, 0);
    if (b == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    b->it = it;
    b->old = NULL;
    return (PyObject *)b;
}

static PyObject *pairwise_next(PyObject *self)
{
    batchobject *b = (batchobject *)self;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    if (b->it != NULL) {
        if (b->old == NULL) {
            b->old = PyIter_Next(b->it);
            if (b->old == NULL && !PyErr_Occurred()) {
                Py_CLEAR(b->it);
            }
        }
        if (b->old != NULL) {
            PyObject *new = PyIter_Next(b->it);
            if (new == NULL) {
                if (!PyErr_Occurred()) {
                    Py_CLEAR(b->it);
                    Py_CLEAR(b->old);
                }
            }
            else {
                result = PyTuple_Pack(2, b->old, new);
                Py_SETREF(b->old, new);
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

/* ======================================================================================= */
/* zip_longest(*iterables, fillvalue=None)                                                   */
/* ======================================================================================= */

typedef struct {
    PyObject_HEAD
    PyObject *iterators;  /* tuple; exhausted entries become None */
    PyObject *fillvalue;
    Py_ssize_t numactive;
} ziplongestobject;

static int ziplongest_traverse(PyObject *self, visitproc visit, void *arg)
{
    ziplongestobject *z = (ziplongestobject *)self;
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(z->iterators);
    Py_VISIT(z->fillvalue);
    return 0;
}

static int ziplongest_clear(PyObject *self)
{
    ziplongestobject *z = (ziplongestobject *)self;
    Py_CLEAR(z->iterators);
    Py_CLEAR(z->fillvalue);
    return 0;
}

static PyObject *ziplongest_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *fillvalue = Py_None;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        PyObject *fv = PyDict_GetItemString(kwds, "fillvalue");
        if (fv == NULL || PyDict_GET_SIZE(kwds) > 1) {
            PyErr_SetString(PyExc_TypeError, "zip_longest() got an unexpected keyword argument");
            return NULL;
        }
        fillvalue = fv;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    PyObject *iterators = PyTuple_New(n);
    if (iterators == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *it = PyObject_GetIter(PyTuple_GET_ITEM(args, i));
        if (it == NULL) {
            Py_DECREF(iterators);
            return NULL;
        }
        PyTuple_SET_ITEM(iterators, i, it);
    }
    ziplongestobject *z = (ziplongestobject *)type->tp_alloc(type, 0);
    if (z == NULL) {
        Py_DECREF(iterators);
        return NULL;
    }
    z->iterators = iterators;
    z->fillvalue = Py_NewRef(fillvalue);
    z->numactive = n;
    return (PyObject *)z;
}

static PyObject *ziplongest_next(PyObject *self)
{
    ziplongestobject *z = (ziplongestobject *)self;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t n = z->iterators ? PyTuple_GET_SIZE(z->iterators) : 0;
    if (n > 0 && z->numactive > 0) {
        result = PyTuple_New(n);
        for (Py_ssize_t i = 0; result != NULL && i < n; i++) {
            PyObject *it = PyTuple_GET_ITEM(z->iterators, i);
            PyObject *item;
            if (it == Py_None) {
                item = Py_NewRef(z->fillvalue);
            }
            else {
                item = PyIter_Next(it);
                if (item == NULL) {
                    if (PyErr_Occurred()) {
                        Py_CLEAR(result);
                        break;
                    }
                    z->numactive--;
                    if (z->numactive == 0) {
                        Py_CLEAR(result);
                        break;
                    }
                    item = Py_NewRef(z->fillvalue);
                    /* The tuple is private to this object: replacing an entry is safe. */
                    PyObject *old = PyTuple_GET_ITEM(z->iterators, i);
                    PyTuple_SET_ITEM(z->iterators, i, Py_NewRef(Py_None));
                    Py_DECREF(old);
                }
            }
            PyTuple_SET_ITEM(result, i, item);
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

/* ======================================================================================= */
/* groupby(iterable, key=None) and its _grouper                                              */
/* ======================================================================================= */

typedef struct {
    PyObject_HEAD
    PyObject *it;
    PyObject *keyfunc;   /* NULL: identity */
    PyObject *tgtkey;    /* key of the current group */
    PyObject *currkey;   /* key of currvalue */
    PyObject *currvalue; /* lookahead item, NULL when none */
    PyObject *currgrouper; /* borrowed: the grouper that may still advance */
} groupbyobject;

typedef struct {
    PyObject_HEAD
    PyObject *parent;
    PyObject *tgtkey;
} grouperobject;

static int groupby_traverse(PyObject *self, visitproc visit, void *arg)
{
    groupbyobject *g = (groupbyobject *)self;
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(g->it);
    Py_VISIT(g->keyfunc);
    Py_VISIT(g->tgtkey);
    Py_VISIT(g->currkey);
    Py_VISIT(g->currvalue);
    return 0;
}

static int groupby_clear(PyObject *self)
{
    groupbyobject *g = (groupbyobject *)self;
    Py_CLEAR(g->it);
    Py_CLEAR(g->keyfunc);
    Py_CLEAR(g->tgtkey);
    Py_CLEAR(g->currkey);
    Py_CLEAR(g->currvalue);
    return 0;
}

static PyObject *groupby_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"iterable", "key", NULL};
    PyObject *iterable, *keyfunc = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:groupby", kwlist, &iterable, &keyfunc)) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    groupbyobject *g = (groupbyobject *)type->tp_alloc(type, 0);
    if (g == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    g->it = it;
    g->keyfunc = keyfunc == Py_None ? NULL : Py_NewRef(keyfunc);
    g->tgtkey = g->currkey = g->currvalue = NULL;
    g->currgrouper = NULL;
    return (PyObject *)g;
}

/* Advance the lookahead: currvalue/currkey become the next item and its key.
 * Returns 1, 0 at the end, -1 on error. */
static int groupby_step(groupbyobject *g)
{
    PyObject *value = PyIter_Next(g->it);
    if (value == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    PyObject *key = g->keyfunc == NULL ? Py_NewRef(value)
                                       : PyObject_CallOneArg(g->keyfunc, value);
    if (key == NULL) {
        Py_DECREF(value);
        return -1;
    }
    Py_XSETREF(g->currvalue, value);
    Py_XSETREF(g->currkey, key);
    return 1;
}

static PyObject *grouper_create(groupbyobject *parent, PyObject *tgtkey);

static PyObject *groupby_next(PyObject *self)
{
    groupbyobject *g = (groupbyobject *)self;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    g->currgrouper = NULL;
    /* Skip to the start of the next group. */
    for (;;) {
        if (g->currkey == NULL) {
            if (groupby_step(g) <= 0) {
                goto done;
            }
        }
        else if (g->tgtkey == NULL) {
            break;
        }
        else {
            int rcmp = PyObject_RichCompareBool(g->tgtkey, g->currkey, Py_EQ);
            if (rcmp < 0) {
                goto done;
            }
            if (rcmp == 0) {
                break;
            }
            if (groupby_step(g) <= 0) {
                goto done;
            }
        }
    }
    Py_XSETREF(g->tgtkey, Py_NewRef(g->currkey));
    {
        PyObject *grouper = grouper_create(g, g->tgtkey);
        if (grouper != NULL) {
            result = PyTuple_Pack(2, g->currkey, grouper);
            Py_DECREF(grouper);
        }
    }
done:;
    Py_END_CRITICAL_SECTION();
    return result;
}

static int grouper_traverse(PyObject *self, visitproc visit, void *arg)
{
    grouperobject *gr = (grouperobject *)self;
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(gr->parent);
    Py_VISIT(gr->tgtkey);
    return 0;
}

static int grouper_clear(PyObject *self)
{
    grouperobject *gr = (grouperobject *)self;
    Py_CLEAR(gr->parent);
    Py_CLEAR(gr->tgtkey);
    return 0;
}

static PyObject *grouper_create(groupbyobject *parent, PyObject *tgtkey)
{
    itertools_state *st = find_state_by_type(Py_TYPE(parent));
    if (st == NULL) {
        return NULL;
    }
    grouperobject *gr = PyObject_GC_New(grouperobject, st->grouper_type);
    if (gr == NULL) {
        return NULL;
    }
    gr->parent = Py_NewRef(parent);
    gr->tgtkey = Py_NewRef(tgtkey);
    parent->currgrouper = (PyObject *)gr;
    PyObject_GC_Track(gr);
    return (PyObject *)gr;
}

static PyObject *grouper_next(PyObject *self)
{
    grouperobject *gr = (grouperobject *)self;
    groupbyobject *g = (groupbyobject *)gr->parent;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(g);
    if (g->currgrouper == self) {
        int ok = 1;
        if (g->currvalue == NULL) {
            ok = groupby_step(g);
        }
        if (ok > 0) {
            int rcmp = PyObject_RichCompareBool(gr->tgtkey, g->currkey, Py_EQ);
            if (rcmp > 0) {
                result = g->currvalue;
                g->currvalue = NULL;
                Py_CLEAR(g->currkey);
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

/* ======================================================================================= */
/* tee(iterable, n=2) and the shared _tee_dataobject buffer                                 */
/* ======================================================================================= */

#define TEE_LINKCELLS 57

/* Locking (free-threaded build).  The blocks are shared by every tee of a group, and the
 * tees of one group are often advanced by different threads, so each lock covers one object:
 *   a teedata's critical section protects its numread, values, running and nextlink;
 *   a tee's critical section protects its dataobj and index.
 * tee_next holds its tee's section and takes the block's inside it.  Both can be suspended
 * (reading the source runs arbitrary code; a thread waiting for the block's lock suspends its
 * own), so tee_next works on its own reference to the block and moves the tee on only if no
 * other thread moved it meanwhile -- a tee shared between threads may then repeat an item,
 * never lose memory or mix blocks.  `running` is CPython's guard: a read of the source that
 * finds another read in progress (re-entry, or another thread whose read blocked) raises
 * RuntimeError. */
typedef struct teedataobject {
    PyObject_HEAD
    PyObject *it;        /* the shared source */
    int numread;         /* items stored in values */
    int running;         /* a read of the source is in progress */
    PyObject *nextlink;  /* the next block, created when this one fills */
    PyObject *values[TEE_LINKCELLS];
} teedataobject;

typedef struct {
    PyObject_HEAD
    teedataobject *dataobj;
    int index;
    PyObject *weakreflist;
} teeobject;

static int teedata_traverse(PyObject *self, visitproc visit, void *arg)
{
    teedataobject *td = (teedataobject *)self;
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(td->it);
    for (int i = 0; i < td->numread; i++) {
        Py_VISIT(td->values[i]);
    }
    Py_VISIT(td->nextlink);
    return 0;
}

/* Detach and return the block after `link` if the caller's reference to `link` is the only
 * one (so the chain can be released iteratively); otherwise NULL. */
static PyObject *teedata_take_next_if_last(PyObject *link)
{
    PyObject *after = NULL;
    Py_BEGIN_CRITICAL_SECTION(link);
    if (Py_REFCNT(link) == 1) {
        teedataobject *nd = (teedataobject *)link;
        after = nd->nextlink;
        nd->nextlink = NULL;
    }
    Py_END_CRITICAL_SECTION();
    return after;
}

/* Called by the collector (world stopped) or from dealloc (no other reference): the block's
 * own fields need no lock; the next blocks may still be held by other tees. */
static int teedata_clear(PyObject *self)
{
    teedataobject *td = (teedataobject *)self;
    Py_CLEAR(td->it);
    for (int i = 0; i < td->numread; i++) {
        Py_CLEAR(td->values[i]);
    }
    td->numread = 0;
    /* Unlink the chain iteratively so a long one cannot overflow the C stack. */
    PyObject *next = td->nextlink;
    td->nextlink = NULL;
    while (next != NULL) {
        PyObject *after = teedata_take_next_if_last(next);
        Py_DECREF(next);
        next = after;
    }
    return 0;
}

/* Return a new reference to a new empty block reading from it. */
static PyObject *teedata_create(itertools_state *st, PyObject *it)
{
    teedataobject *td = PyObject_GC_New(teedataobject, st->teedata_type);
    if (td == NULL) {
        return NULL;
    }
    td->it = Py_NewRef(it);
    td->numread = 0;
    td->running = 0;
    td->nextlink = NULL;
    PyObject_GC_Track(td);
    return (PyObject *)td;
}

/* Return a new reference to the next block, creating it if needed. */
static PyObject *teedata_jumplink(itertools_state *st, teedataobject *td)
{
    PyObject *link;
    Py_BEGIN_CRITICAL_SECTION(td);
    if (td->nextlink == NULL) {
        td->nextlink = teedata_create(st, td->it);
    }
    link = Py_XNewRef(td->nextlink);
    Py_END_CRITICAL_SECTION();
    return link;
}

/* Return a new reference to item i of the block, reading the source if needed.  A tee at
 * index i has seen items 0..i-1, so i <= numread. */
static PyObject *teedata_getitem(teedataobject *td, int i)
{
    PyObject *value = NULL;
    Py_BEGIN_CRITICAL_SECTION(td);
    if (i < td->numread) {
        value = Py_NewRef(td->values[i]);
    }
    else if (td->running) {
        PyErr_SetString(PyExc_RuntimeError, "cannot re-enter the tee iterator");
    }
    else {
        assert(i == td->numread && i < TEE_LINKCELLS);
        td->running = 1;
        value = PyIter_Next(td->it);
        td->running = 0;
        if (value != NULL) {
            td->values[td->numread++] = Py_NewRef(value);
        }
    }
    Py_END_CRITICAL_SECTION();
    return value;
}

static int tee_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(((teeobject *)self)->dataobj);
    return 0;
}

static int tee_clear(PyObject *self)
{
    teeobject *t = (teeobject *)self;
    if (t->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    Py_CLEAR(t->dataobj);
    return 0;
}

static PyObject *tee_next(PyObject *self)
{
    teeobject *t = (teeobject *)self;
    PyObject *value = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    teedataobject *td = (teedataobject *)Py_XNewRef(t->dataobj);
    int index = t->index;
    if (td != NULL && index >= TEE_LINKCELLS) {
        itertools_state *st = find_state_by_type(Py_TYPE(self));
        PyObject *link = st ? teedata_jumplink(st, td) : NULL;
        if (link != NULL && t->dataobj == td) {
            Py_SETREF(t->dataobj, (teedataobject *)Py_NewRef(link));
            t->index = 0;
        }
        Py_SETREF(td, (teedataobject *)link);
        index = 0;
    }
    if (td != NULL) {
        value = teedata_getitem(td, index);
        if (value != NULL && t->dataobj == td && t->index == index) {
            t->index = index + 1;
        }
        Py_DECREF(td);
    }
    Py_END_CRITICAL_SECTION();
    return value;
}

/* Return a new reference to a tee iterator positioned like `from` (a tee) or reading
 * iterable from its start. */
static PyObject *tee_fromiterable(itertools_state *st, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    if (PyObject_TypeCheck(it, st->tee_type)) {
        teeobject *src = (teeobject *)it;
        teeobject *t = PyObject_GC_New(teeobject, st->tee_type);
        if (t != NULL) {
            Py_BEGIN_CRITICAL_SECTION(src);
            t->dataobj = (teedataobject *)Py_XNewRef(src->dataobj);
            t->index = src->index;
            Py_END_CRITICAL_SECTION();
            t->weakreflist = NULL;
            PyObject_GC_Track(t);
        }
        Py_DECREF(it);
        return (PyObject *)t;
    }
    teeobject *t = PyObject_GC_New(teeobject, st->tee_type);
    if (t == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    t->dataobj = (teedataobject *)teedata_create(st, it);
    Py_DECREF(it);
    if (t->dataobj == NULL) {
        t->weakreflist = NULL;
        t->index = 0;
        Py_DECREF(t);
        return NULL;
    }
    t->index = 0;
    t->weakreflist = NULL;
    PyObject_GC_Track(t);
    return (PyObject *)t;
}

static PyObject *tee_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    itertools_state *st = find_state_by_type(Py_TYPE(self));
    if (st == NULL) {
        return NULL;
    }
    return tee_fromiterable(st, self);
}

static PyObject *tee_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *iterable;
    if (no_keywords(type, "_tee", kwds) < 0 ||
        !PyArg_UnpackTuple(args, "_tee", 1, 1, &iterable)) {
        return NULL;
    }
    itertools_state *st = find_state_by_type(type);
    if (st == NULL) {
        return NULL;
    }
    return tee_fromiterable(st, iterable);
}

/* tee(iterable, n=2) -> tuple of n independent iterators. */
static PyObject *itertools_tee(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("tee", nargs, 1, 2)) {
        return NULL;
    }
    Py_ssize_t n = 2;
    if (nargs == 2) {
        n = PyNumber_AsSsize_t(args[1], PyExc_OverflowError);
        if (n == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "n must be >= 0");
        return NULL;
    }
    PyObject *result = PyTuple_New(n);
    if (result == NULL || n == 0) {
        return result;
    }
    itertools_state *st = get_module_state(module);
    PyObject *to = tee_fromiterable(st, args[0]);
    if (to == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    PyTuple_SET_ITEM(result, 0, to);
    for (Py_ssize_t i = 1; i < n; i++) {
        to = tee_copy(to, NULL);
        if (to == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, to);
    }
    return result;
}

/* ======================================================================================= */
/* Combinatorics: product, permutations, combinations, combinations_with_replacement         */
/* ======================================================================================= */

/* All four keep `pool` (a tuple of the input items), an index array, and the previous result
 * tuple; `stopped` is set once the sequence is exhausted. */
typedef struct {
    PyObject_HEAD
    PyObject *pool;          /* tuple (product: tuple of tuples) */
    PyObject *result;        /* last result, NULL before the first */
    Py_ssize_t *indices;
    Py_ssize_t *cycles;      /* permutations only */
    Py_ssize_t r;
    int stopped;
} combobject;

static int combo_traverse(PyObject *self, visitproc visit, void *arg)
{
    combobject *c = (combobject *)self;
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(c->pool);
    Py_VISIT(c->result);
    return 0;
}

static int combo_clear(PyObject *self)
{
    combobject *c = (combobject *)self;
    Py_CLEAR(c->pool);
    Py_CLEAR(c->result);
    PyMem_Free(c->indices);
    c->indices = NULL;
    PyMem_Free(c->cycles);
    c->cycles = NULL;
    return 0;
}

/* Allocate a combobject with r indices (and cycles if want_cycles). */
static combobject *combo_alloc(PyTypeObject *type, PyObject *pool, Py_ssize_t r,
                               Py_ssize_t nindices, int want_cycles)
{
    combobject *c = (combobject *)type->tp_alloc(type, 0);
    if (c == NULL) {
        Py_DECREF(pool);
        return NULL;
    }
    c->pool = pool;
    c->result = NULL;
    c->r = r;
    c->stopped = 0;
    c->indices = PyMem_New(Py_ssize_t, nindices > 0 ? nindices : 1);
    c->cycles = want_cycles ? PyMem_New(Py_ssize_t, r > 0 ? r : 1) : NULL;
    if (c->indices == NULL || (want_cycles && c->cycles == NULL)) {
        Py_DECREF(c);
        PyErr_NoMemory();
        return NULL;
    }
    return c;
}

/* Build the result tuple from the pool through indices[0..r). */
static PyObject *combo_make_result(PyObject *pool, Py_ssize_t *indices, Py_ssize_t r)
{
    PyObject *result = PyTuple_New(r);
    if (result == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < r; i++) {
        PyTuple_SET_ITEM(result, i, Py_NewRef(PyTuple_GET_ITEM(pool, indices[i])));
    }
    return result;
}

static PyObject *product_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t repeat = 1;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        PyObject *rep = PyDict_GetItemString(kwds, "repeat");
        if (rep == NULL || PyDict_GET_SIZE(kwds) > 1) {
            PyErr_SetString(PyExc_TypeError, "product() got an unexpected keyword argument");
            return NULL;
        }
        repeat = PyLong_AsSsize_t(rep);
        if (repeat == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (repeat < 0) {
            PyErr_SetString(PyExc_ValueError, "repeat argument cannot be negative");
            return NULL;
        }
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    Py_ssize_t npools = nargs * repeat;
    if (repeat && nargs > PY_SSIZE_T_MAX / repeat) {
        PyErr_SetString(PyExc_OverflowError, "repeat argument too large");
        return NULL;
    }
    PyObject *pools = PyTuple_New(npools);
    if (pools == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *pool = PySequence_Tuple(PyTuple_GET_ITEM(args, i));
        if (pool == NULL) {
            Py_DECREF(pools);
            return NULL;
        }
        PyTuple_SET_ITEM(pools, i, pool);
    }
    for (Py_ssize_t i = nargs; i < npools; i++) {
        PyTuple_SET_ITEM(pools, i, Py_NewRef(PyTuple_GET_ITEM(pools, i - nargs)));
    }
    combobject *c = combo_alloc(type, pools, npools, npools, 0);
    if (c == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < npools; i++) {
        c->indices[i] = 0;
    }
    return (PyObject *)c;
}

static PyObject *product_next(PyObject *self)
{
    combobject *c = (combobject *)self;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t npools = c->r;
    if (!c->stopped) {
        if (c->result == NULL) {
            /* First result: every pool must be non-empty. */
            for (Py_ssize_t i = 0; i < npools; i++) {
                if (PyTuple_GET_SIZE(PyTuple_GET_ITEM(c->pool, i)) == 0) {
                    c->stopped = 1;
                }
            }
        }
        else {
            /* Advance the rightmost index that can move (odometer). */
            Py_ssize_t i = npools - 1;
            for (; i >= 0; i--) {
                Py_ssize_t size = PyTuple_GET_SIZE(PyTuple_GET_ITEM(c->pool, i));
                if (++c->indices[i] < size) {
                    break;
                }
                c->indices[i] = 0;
            }
            if (i < 0) {
                c->stopped = 1;
            }
        }
        if (!c->stopped) {
            result = PyTuple_New(npools);
            if (result != NULL) {
                for (Py_ssize_t i = 0; i < npools; i++) {
                    PyObject *pool = PyTuple_GET_ITEM(c->pool, i);
                    PyTuple_SET_ITEM(result, i,
                                     Py_NewRef(PyTuple_GET_ITEM(pool, c->indices[i])));
                }
                Py_XSETREF(c->result, Py_NewRef(result));
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

/* Parse (iterable, r) with r optional only when allow_default; -1 on error. */
static int combo_parse(PyObject *args, PyObject *kwds, const char *fmt, PyObject **pool,
                       Py_ssize_t *r, int allow_default)
{
    static char *kwlist[] = {"iterable", "r", NULL};
    PyObject *iterable, *robj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwlist, &iterable, &robj)) {
        return -1;
    }
    *pool = PySequence_Tuple(iterable);
    if (*pool == NULL) {
        return -1;
    }
    if (robj == Py_None && allow_default) {
        *r = PyTuple_GET_SIZE(*pool);
    }
    else {
        if (!PyLong_Check(robj)) {
            PyErr_SetString(PyExc_TypeError, "Expected int as r");
            Py_CLEAR(*pool);
            return -1;
        }
        *r = PyLong_AsSsize_t(robj);
        if (*r == -1 && PyErr_Occurred()) {
            Py_CLEAR(*pool);
            return -1;
        }
    }
    if (*r < 0) {
        PyErr_SetString(PyExc_ValueError, "r must be non-negative");
        Py_CLEAR(*pool);
        return -1;
    }
    return 0;
}

static PyObject *combinations_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *pool;
    Py_ssize_t r;
    if (combo_parse(args, kwds, "OO:combinations", &pool, &r, 0) < 0) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(pool);
    combobject *c = combo_alloc(type, pool, r, r, 0);
    if (c == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < r; i++) {
        c->indices[i] = i;
    }
    c->stopped = r > n;
    return (PyObject *)c;
}

static PyObject *combinations_next(PyObject *self)
{
    combobject *c = (combobject *)self;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t n = PyTuple_GET_SIZE(c->pool), r = c->r;
    if (!c->stopped) {
        if (c->result != NULL) {
            /* Find the rightmost index that is not at its maximum, bump it, reset the rest. */
            Py_ssize_t i = r - 1;
            while (i >= 0 && c->indices[i] == i + n - r) {
                i--;
            }
            if (i < 0) {
                c->stopped = 1;
            }
            else {
                c->indices[i]++;
                for (Py_ssize_t j = i + 1; j < r; j++) {
                    c->indices[j] = c->indices[j - 1] + 1;
                }
            }
        }
        if (!c->stopped) {
            result = combo_make_result(c->pool, c->indices, r);
            if (result != NULL) {
                Py_XSETREF(c->result, Py_NewRef(result));
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *cwr_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *pool;
    Py_ssize_t r;
    if (combo_parse(args, kwds, "OO:combinations_with_replacement", &pool, &r, 0) < 0) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(pool);
    combobject *c = combo_alloc(type, pool, r, r, 0);
    if (c == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < r; i++) {
        c->indices[i] = 0;
    }
    c->stopped = n == 0 && r > 0;
    return (PyObject *)c;
}

static PyObject *cwr_next(PyObject *self)
{
    combobject *c = (combobject *)self;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t n = PyTuple_GET_SIZE(c->pool), r = c->r;
    if (!c->stopped) {
        if (c->result != NULL) {
            Py_ssize_t i = r - 1;
            while (i >= 0 && c->indices[i] == n - 1) {
                i--;
            }
            if (i < 0) {
                c->stopped = 1;
            }
            else {
                Py_ssize_t value = c->indices[i] + 1;
                for (Py_ssize_t j = i; j < r; j++) {
                    c->indices[j] = value;
                }
            }
        }
        if (!c->stopped) {
            result = combo_make_result(c->pool, c->indices, r);
            if (result != NULL) {
                Py_XSETREF(c->result, Py_NewRef(result));
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *permutations_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *pool;
    Py_ssize_t r;
    if (combo_parse(args, kwds, "O|O:permutations", &pool, &r, 1) < 0) {
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(pool);
    combobject *c = combo_alloc(type, pool, r, n, 1);
    if (c == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        c->indices[i] = i;
    }
    for (Py_ssize_t i = 0; i < r && i < n; i++) {
        c->cycles[i] = n - i;
    }
    c->stopped = r > n;
    return (PyObject *)c;
}

/* Permutations in lexicographic order of positions, by the classic cycles method: cycles[i]
 * counts how many more values position i takes before it is reset. */
static PyObject *permutations_next(PyObject *self)
{
    combobject *c = (combobject *)self;
    PyObject *result = NULL;
    Py_BEGIN_CRITICAL_SECTION(self);
    Py_ssize_t n = PyTuple_GET_SIZE(c->pool), r = c->r;
    if (!c->stopped) {
        if (c->result != NULL) {
            Py_ssize_t i = r - 1;
            for (; i >= 0; i--) {
                c->cycles[i]--;
                if (c->cycles[i] == 0) {
                    /* Rotate indices[i:] left by one. */
                    Py_ssize_t first = c->indices[i];
                    for (Py_ssize_t j = i; j < n - 1; j++) {
                        c->indices[j] = c->indices[j + 1];
                    }
                    c->indices[n - 1] = first;
                    c->cycles[i] = n - i;
                }
                else {
                    Py_ssize_t j = n - c->cycles[i];
                    Py_ssize_t tmp = c->indices[i];
                    c->indices[i] = c->indices[j];
                    c->indices[j] = tmp;
                    break;
                }
            }
            if (i < 0) {
                c->stopped = 1;
            }
        }
        if (!c->stopped) {
            result = combo_make_result(c->pool, c->indices, r);
            if (result != NULL) {
                Py_XSETREF(c->result, Py_NewRef(result));
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

/* ======================================================================================= */
/* Type specs and the module                                                                */
/* ======================================================================================= */

static PyObject *class_getitem(PyObject *cls, PyObject *args)
{
    return Py_GenericAlias(cls, args);
}

static PyMethodDef generic_methods[] = {
    {"__class_getitem__", class_getitem, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, METH_O | METH_CLASS,
     "Alternative chain() constructor taking a single iterable argument that evaluates "
     "lazily."},
    {"__class_getitem__", class_getitem, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef repeat_methods[] = {
    {"__length_hint__", repeat_len, METH_NOARGS, "Private method returning an estimate of "
                                                 "len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef tee_methods[] = {
    {"__copy__", tee_copy, METH_NOARGS, "Returns an independent iterator."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef tee_members[] = {
    {"__weaklistoffset__", Py_T_PYSSIZET, offsetof(teeobject, weakreflist), Py_READONLY},
    {NULL, 0, 0, 0, NULL},
};

#define ITER_SPEC(cname, pyname, structtype, newfn, nextfn, traversefn, clearfn, doc, ...)   \
    static PyType_Slot cname##_slots[] = {                                                    \
        {Py_tp_dealloc, generic_dealloc},                                                     \
        {Py_tp_getattro, PyObject_GenericGetAttr},                                            \
        {Py_tp_doc, doc},                                                                     \
        {Py_tp_traverse, traversefn},                                                         \
        {Py_tp_clear, clearfn},                                                               \
        {Py_tp_iter, PyObject_SelfIter},                                                      \
        {Py_tp_iternext, nextfn},                                                             \
        {Py_tp_new, newfn},                                                                   \
        {Py_tp_free, PyObject_GC_Del},                                                        \
        __VA_ARGS__                                                                           \
        {0, NULL},                                                                            \
    };                                                                                        \
    static PyType_Spec cname##_spec = {                                                       \
        .name = "itertools." pyname,                                                          \
        .basicsize = sizeof(structtype),                                                      \
        .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |              \
                 Py_TPFLAGS_IMMUTABLETYPE,                                                    \
        .slots = cname##_slots,                                                               \
    }

#define GENERIC_METHODS {Py_tp_methods, generic_methods},

ITER_SPEC(count, "count", countobject, count_new, count_next, count_traverse, count_clear,
          "Return a count object whose .__next__() method returns consecutive values.",
          {Py_tp_repr, count_repr}, );
ITER_SPEC(repeat, "repeat", repeatobject, repeat_new, repeat_next, repeat_traverse,
          repeat_clear, "repeat(object [,times]) -> create an iterator which returns the "
                        "object for the specified number of times.",
          {Py_tp_repr, repeat_repr}, {Py_tp_methods, repeat_methods}, );
ITER_SPEC(cycle, "cycle", cycleobject, cycle_new, cycle_next, cycle_traverse, cycle_clear,
          "Return elements from the iterable until it is exhausted. Then repeat the sequence "
          "indefinitely.", GENERIC_METHODS);
ITER_SPEC(chain, "chain", chainobject, chain_new, chain_next, chain_traverse, chain_clear,
          "Return a chain object whose .__next__() method returns elements from the first "
          "iterable until it is exhausted, then elements from the next iterable, until all "
          "of the iterables are exhausted.", {Py_tp_methods, chain_methods}, );
ITER_SPEC(dropwhile, "dropwhile", predobject, dropwhile_new, dropwhile_next, pred_traverse,
          pred_clear, "Drop items from the iterable while predicate(item) is true.\n\n"
                      "Afterwards, return every element until the iterable is exhausted.",
          GENERIC_METHODS);
ITER_SPEC(takewhile, "takewhile", predobject, takewhile_new, takewhile_next, pred_traverse,
          pred_clear, "Return successive entries from an iterable as long as the predicate "
                      "evaluates to true for each entry.", GENERIC_METHODS);
ITER_SPEC(filterfalse, "filterfalse", predobject, filterfalse_new, filterfalse_next,
          pred_traverse, pred_clear, "Return those items of iterable for which "
                                     "function(item) is false.\n\nIf function is None, "
                                     "return the items that are false.", GENERIC_METHODS);
ITER_SPEC(starmap, "starmap", predobject, starmap_new, starmap_next, pred_traverse,
          pred_clear, "Return an iterator whose values are returned from the function "
                      "evaluated with an argument tuple taken from the given sequence.",
          GENERIC_METHODS);
ITER_SPEC(compress, "compress", predobject, compress_new, compress_next, pred_traverse,
          pred_clear, "Return data elements corresponding to true selector elements.\n\n"
                      "Forms a shorter iterator from selected data elements using the "
                      "selectors to choose the data elements.", GENERIC_METHODS);
ITER_SPEC(islice, "islice", isliceobject, islice_new, islice_next, islice_traverse,
          islice_clear, "islice(iterable, stop) --> islice object\n"
                        "islice(iterable, start, stop[, step]) --> islice object\n\n"
                        "Return an iterator whose next() method returns selected values from "
                        "an iterable.", GENERIC_METHODS);
ITER_SPEC(accumulate, "accumulate", accumulateobject, accumulate_new, accumulate_next,
          accumulate_traverse, accumulate_clear, "Return series of accumulated sums (or other "
                                                 "binary function results).", GENERIC_METHODS);
ITER_SPEC(batched, "batched", batchobject, batched_new, batched_next, batch_traverse,
          batch_clear, "Batch data into tuples of length n. The last batch may be shorter "
                       "than n.", GENERIC_METHODS);
ITER_SPEC(pairwise, "pairwise", batchobject, pairwise_new, pairwise_next, batch_traverse,
          batch_clear, "Return an iterator of overlapping pairs taken from the input "
                       "iterator.", GENERIC_METHODS);
ITER_SPEC(ziplongest, "zip_longest", ziplongestobject, ziplongest_new, ziplongest_next,
          ziplongest_traverse, ziplongest_clear,
          "Return a zip_longest object whose .__next__() method returns a tuple where the "
          "i-th element comes from the i-th iterable argument, with missing values filled "
          "in by fillvalue.", GENERIC_METHODS);
ITER_SPEC(groupby, "groupby", groupbyobject, groupby_new, groupby_next, groupby_traverse,
          groupby_clear, "make an iterator that returns consecutive keys and groups from the "
                         "iterable", GENERIC_METHODS);
ITER_SPEC(product, "product", combobject, product_new, product_next, combo_traverse,
          combo_clear, "Cartesian product of input iterables.  Equivalent to nested "
                       "for-loops.", GENERIC_METHODS);
ITER_SPEC(permutations, "permutations", combobject, permutations_new, permutations_next,
          combo_traverse, combo_clear, "Return successive r-length permutations of elements "
                                       "in the iterable.", GENERIC_METHODS);
ITER_SPEC(combinations, "combinations", combobject, combinations_new, combinations_next,
          combo_traverse, combo_clear, "Return successive r-length combinations of elements "
                                       "in the iterable.", GENERIC_METHODS);
ITER_SPEC(cwr, "combinations_with_replacement", combobject, cwr_new, cwr_next,
          combo_traverse, combo_clear, "Return successive r-length combinations of elements "
                                       "in the iterable allowing individual elements to have "
                                       "successive repeats.", GENERIC_METHODS);

static PyType_Slot grouper_slots[] = {
    {Py_tp_dealloc, generic_dealloc},
    {Py_tp_getattro, PyObject_GenericGetAttr},
    {Py_tp_traverse, grouper_traverse},
    {Py_tp_clear, grouper_clear},
    {Py_tp_iter, PyObject_SelfIter},
    {Py_tp_iternext, grouper_next},
    {Py_tp_free, PyObject_GC_Del},
    {0, NULL},
};

static PyType_Spec grouper_spec = {
    .name = "itertools._grouper",
    .basicsize = sizeof(grouperobject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE |
             Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = grouper_slots,
};

static PyType_Slot teedata_slots[] = {
    {Py_tp_dealloc, generic_dealloc},
    {Py_tp_traverse, teedata_traverse},
    {Py_tp_clear, teedata_clear},
    {Py_tp_free, PyObject_GC_Del},
    {0, NULL},
};

static PyType_Spec teedata_spec = {
    .name = "itertools._tee_dataobject",
    .basicsize = sizeof(teedataobject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE |
             Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = teedata_slots,
};

static PyType_Slot tee_slots[] = {
    {Py_tp_dealloc, generic_dealloc},
    {Py_tp_doc, "Iterator wrapped to make it copyable."},
    {Py_tp_traverse, tee_traverse},
    {Py_tp_clear, tee_clear},
    {Py_tp_iter, PyObject_SelfIter},
    {Py_tp_iternext, tee_next},
    {Py_tp_methods, tee_methods},
    {Py_tp_members, tee_members},
    {Py_tp_new, tee_new},
    {Py_tp_free, PyObject_GC_Del},
    {0, NULL},
};

static PyType_Spec tee_spec = {
    .name = "itertools._tee",
    .basicsize = sizeof(teeobject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = tee_slots,
};

static int itertools_exec(PyObject *module)
{
    itertools_state *st = get_module_state(module);
    struct {
        PyTypeObject **slot;
        PyType_Spec *spec;
        int public;
    } types[] = {
        {&st->accumulate_type, &accumulate_spec, 1},
        {&st->batched_type, &batched_spec, 1},
        {&st->chain_type, &chain_spec, 1},
        {&st->combinations_type, &combinations_spec, 1},
        {&st->cwr_type, &cwr_spec, 1},
        {&st->compress_type, &compress_spec, 1},
        {&st->count_type, &count_spec, 1},
        {&st->cycle_type, &cycle_spec, 1},
        {&st->dropwhile_type, &dropwhile_spec, 1},
        {&st->filterfalse_type, &filterfalse_spec, 1},
        {&st->groupby_type, &groupby_spec, 1},
        {&st->grouper_type, &grouper_spec, 0},
        {&st->islice_type, &islice_spec, 1},
        {&st->pairwise_type, &pairwise_spec, 1},
        {&st->permutations_type, &permutations_spec, 1},
        {&st->product_type, &product_spec, 1},
        {&st->repeat_type, &repeat_spec, 1},
        {&st->starmap_type, &starmap_spec, 1},
        {&st->takewhile_type, &takewhile_spec, 1},
        {&st->tee_type, &tee_spec, 0},
        {&st->teedata_type, &teedata_spec, 0},
        {&st->ziplongest_type, &ziplongest_spec, 1},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(types); i++) {
        PyObject *type = PyType_FromModuleAndSpec(module, types[i].spec, NULL);
        if (type == NULL) {
            return -1;
        }
        *types[i].slot = (PyTypeObject *)type;
        if (types[i].public && PyModule_AddType(module, (PyTypeObject *)type) < 0) {
            return -1;
        }
    }
    return PyModule_AddObjectRef(module, "_tee", (PyObject *)st->tee_type);
}

static int itertools_traverse(PyObject *module, visitproc visit, void *arg)
{
    itertools_state *st = get_module_state(module);
    PyTypeObject **slots = (PyTypeObject **)st;
    for (size_t i = 0; i < sizeof(*st) / sizeof(PyTypeObject *); i++) {
        Py_VISIT(slots[i]);
    }
    return 0;
}

static int itertools_clear(PyObject *module)
{
    itertools_state *st = get_module_state(module);
    PyTypeObject **slots = (PyTypeObject **)st;
    for (size_t i = 0; i < sizeof(*st) / sizeof(PyTypeObject *); i++) {
        Py_CLEAR(slots[i]);
    }
    return 0;
}

static void itertools_free(void *module)
{
    itertools_clear((PyObject *)module);
}

static PyMethodDef itertools_methods[] = {
    {"tee", _PyCFunction_CAST(itertools_tee), METH_FASTCALL,
     "Returns a tuple of n independent iterators."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot itertools_slots[] = {
    {Py_mod_exec, itertools_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef itertoolsmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "itertools",
    .m_doc = "Functional tools for creating and using iterators.",
    .m_size = sizeof(itertools_state),
    .m_methods = itertools_methods,
    .m_slots = itertools_slots,
    .m_traverse = itertools_traverse,
    .m_clear = itertools_clear,
    .m_free = itertools_free,
};

PyMODINIT_FUNC
PyInit_itertools(void)
{
    return PyModuleDef_Init(&itertoolsmodule);
}
