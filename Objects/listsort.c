/* The list sort: a stable natural merge sort in the style of Tim Peters' timsort.
 *
 * 1. The input is cut into runs: maximal non-descending or strictly descending stretches (the
 *    latter are reversed in place, which keeps the sort stable).  Runs shorter than minrun are
 *    extended with binary insertion sort.
 * 2. Runs are pushed on a stack and merged when the lengths of the top runs stop decreasing
 *    fast enough (the corrected invariants of the timsort paper: |Z| > |Y| + |X|, |Y| > |X|),
 *    so merges stay balanced and the stack stays O(log n) deep.
 * 3. Merging copies the shorter run to a temporary array and merges from the matching end.
 *    When one side keeps winning, the merge switches to galloping: exponential then binary
 *    search for how many items can be moved at once.  min_gallop adapts to the data.
 *
 * keys[] are compared with "<" only; values[], when not NULL, are moved in step with keys[]
 * (the list items when a key function was given).  On a comparison error the arrays remain a
 * permutation of the input, so no reference is lost or duplicated. */
#include "Python.h"
#include "pycore_long.h"

#define MAX_MERGE_PENDING 85
#define MIN_GALLOP 7
#define MERGESTATE_TEMP_SIZE 256

/* A pair of parallel arrays; values may be NULL. */
typedef struct {
    PyObject **keys;
    PyObject **values;
} sortslice;

typedef struct {
    Py_ssize_t base; /* index of the first item in the sorted arrays */
    Py_ssize_t len;
} sortrun;

typedef struct MergeState MergeState;
/* Compare: 1 if v < w, 0 if not, -1 on error. */
typedef int (*lt_func)(PyObject *v, PyObject *w, MergeState *ms);
struct MergeState {
    Py_ssize_t min_gallop;
    sortslice temp;          /* scratch space for merges */
    Py_ssize_t temp_alloced;
    int n;                   /* runs on the stack */
    sortrun pending[MAX_MERGE_PENDING];
    sortslice base;          /* the arrays being sorted */
    lt_func lt;
    richcmpfunc key_richcompare; /* when every key has the same type */
    /* lt_tuple's comparison of the first items. */
    lt_func tuple_lt_first;
    PyObject *temp_keys_inline[MERGESTATE_TEMP_SIZE];
    PyObject *temp_values_inline[MERGESTATE_TEMP_SIZE];
};

/* ---- comparisons --------------------------------------------------------------------------- */

static int
lt_generic(PyObject *v, PyObject *w, MergeState *ms)
{
    (void)ms;
    return PyObject_RichCompareBool(v, w, Py_LT);
}

/* All keys share one type with its own tp_richcompare: call it directly, skipping the
 * reflected-operand dance of PyObject_RichCompare (it cannot apply to equal types). */
static int
lt_same_type(PyObject *v, PyObject *w, MergeState *ms)
{
    /* A comparison may have changed an object's __class__ since the pre-scan. */
    if (Py_TYPE(v)->tp_richcompare != ms->key_richcompare) {
        return PyObject_RichCompareBool(v, w, Py_LT);
    }
    PyObject *res = ms->key_richcompare(v, w, Py_LT);
    if (res == Py_NotImplemented) {
        Py_DECREF(res);
        return PyObject_RichCompareBool(v, w, Py_LT);
    }
    if (res == NULL) {
        return -1;
    }
    int k;
    if (res == Py_True) {
        k = 1;
    }
    else if (res == Py_False) {
        k = 0;
    }
    else {
        k = PyObject_IsTrue(res);
    }
    Py_DECREF(res);
    return k;
}

/* Specialisations chosen by a pre-scan of the keys (CPython's idea: one type check per sort
 * instead of one per comparison).  Each is valid only under the condition that selected it. */

/* Every key is an exact float. */
static int
lt_float(PyObject *v, PyObject *w, MergeState *ms)
{
    (void)ms;
    return PyFloat_AS_DOUBLE(v) < PyFloat_AS_DOUBLE(w);
}

/* Every key is an exact int with a compact (machine-word) value. */
static int
lt_compact_int(PyObject *v, PyObject *w, MergeState *ms)
{
    (void)ms;
    return _PyLong_CompactValue(v) < _PyLong_CompactValue(w);
}

/* Every key is an exact str of 1-byte kind: code point order is byte order. */
static int
lt_latin1_str(PyObject *v, PyObject *w, MergeState *ms)
{
    (void)ms;
    Py_ssize_t len_v = PyUnicode_GET_LENGTH(v), len_w = PyUnicode_GET_LENGTH(w);
    int res = memcmp(PyUnicode_1BYTE_DATA(v), PyUnicode_1BYTE_DATA(w),
                     (size_t)Py_MIN(len_v, len_w));
    if (res == 0) {
        return len_v < len_w;
    }
    return res < 0;
}

/* Every key is an exact, non-empty tuple: find the first differing item with ==, then compare
 * it with "<"; the first items use the specialised comparison tuple_lt_first. */
static int
lt_tuple(PyObject *v, PyObject *w, MergeState *ms)
{
    PyTupleObject *vt = (PyTupleObject *)v, *wt = (PyTupleObject *)w;
    Py_ssize_t vlen = Py_SIZE(vt), wlen = Py_SIZE(wt);
    Py_ssize_t i;
    for (i = 0; i < vlen && i < wlen; i++) {
        int k = PyObject_RichCompareBool(vt->ob_item[i], wt->ob_item[i], Py_EQ);
        if (k < 0) {
            return -1;
        }
        if (!k) {
            break;
        }
    }
    if (i >= vlen || i >= wlen) {
        return vlen < wlen;
    }
    if (i == 0) {
        return ms->tuple_lt_first(vt->ob_item[0], wt->ob_item[0], ms);
    }
    return PyObject_RichCompareBool(vt->ob_item[i], wt->ob_item[i], Py_LT);
}

/* Pick the cheapest valid comparison for keys[0:n] (all of type key_type when same_type). */
static lt_func
choose_lt(PyObject **keys, Py_ssize_t n, MergeState *ms, int depth)
{
    PyTypeObject *key_type = Py_TYPE(keys[0]);
    for (Py_ssize_t i = 1; i < n; i++) {
        if (Py_TYPE(keys[i]) != key_type) {
            return lt_generic;
        }
    }
    if (key_type == &PyFloat_Type) {
        return lt_float;
    }
    if (key_type == &PyLong_Type) {
        for (Py_ssize_t i = 0; i < n; i++) {
            if (!_PyLong_IsCompact(keys[i])) {
                goto same_type;
            }
        }
        return lt_compact_int;
    }
    if (key_type == &PyUnicode_Type) {
        for (Py_ssize_t i = 0; i < n; i++) {
            if (PyUnicode_KIND(keys[i]) != PyUnicode_1BYTE_KIND) {
                goto same_type;
            }
        }
        return lt_latin1_str;
    }
    if (key_type == &PyTuple_Type && depth == 0) {
        PyObject **firsts = PyMem_Malloc(sizeof(PyObject *) * (size_t)n);
        if (firsts == NULL) {
            return lt_generic; /* no memory for the scan: the generic path still works */
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            if (PyTuple_GET_SIZE(keys[i]) == 0) {
                PyMem_Free(firsts);
                goto same_type;
            }
            firsts[i] = PyTuple_GET_ITEM(keys[i], 0);
        }
        ms->tuple_lt_first = choose_lt(firsts, n, ms, depth + 1);
        PyMem_Free(firsts);
        return lt_tuple;
    }
same_type:
    if (key_type->tp_richcompare != NULL) {
        ms->key_richcompare = key_type->tp_richcompare;
        return lt_same_type;
    }
    return lt_generic;
}

#define ISLT(X, Y) (ms->lt((X), (Y), ms))
/* Run "if (k = ISLT(X, Y)) < 0 goto fail" and leave k holding the answer. */
#define IFLT(X, Y)                                                                            \
    if ((k = ISLT((X), (Y))) < 0) {                                                           \
        goto fail;                                                                            \
    }                                                                                         \
    if (k)

/* ---- slice helpers ------------------------------------------------------------------------- */

static inline void
slice_copy(sortslice *dst, Py_ssize_t i, sortslice *src, Py_ssize_t j)
{
    dst->keys[i] = src->keys[j];
    if (dst->values != NULL) {
        dst->values[i] = src->values[j];
    }
}

static inline void
slice_memcpy(sortslice *dst, Py_ssize_t i, sortslice *src, Py_ssize_t j, Py_ssize_t n)
{
    memcpy(&dst->keys[i], &src->keys[j], sizeof(PyObject *) * (size_t)n);
    if (dst->values != NULL) {
        memcpy(&dst->values[i], &src->values[j], sizeof(PyObject *) * (size_t)n);
    }
}

static inline void
slice_memmove(sortslice *dst, Py_ssize_t i, sortslice *src, Py_ssize_t j, Py_ssize_t n)
{
    memmove(&dst->keys[i], &src->keys[j], sizeof(PyObject *) * (size_t)n);
    if (dst->values != NULL) {
        memmove(&dst->values[i], &src->values[j], sizeof(PyObject *) * (size_t)n);
    }
}

static inline sortslice
slice_at(sortslice *s, Py_ssize_t i)
{
    sortslice r;
    r.keys = s->keys + i;
    r.values = s->values != NULL ? s->values + i : NULL;
    return r;
}

static void
reverse_range(PyObject **lo, PyObject **hi)
{
    --hi;
    while (lo < hi) {
        PyObject *t = *lo;
        *lo = *hi;
        *hi = t;
        ++lo;
        --hi;
    }
}

static void
slice_reverse(sortslice *s, Py_ssize_t n)
{
    reverse_range(s->keys, s->keys + n);
    if (s->values != NULL) {
        reverse_range(s->values, s->values + n);
    }
}

/* ---- runs and insertion sort --------------------------------------------------------------- */

/* Sort s[0:hi] given that s[0:start] is already sorted, by binary insertion.  0 or -1. */
static int
binary_insertion_sort(MergeState *ms, sortslice s, Py_ssize_t start, Py_ssize_t hi)
{
    int k;
    if (start == 0) {
        start = 1;
    }
    for (; start < hi; ++start) {
        PyObject *pivot = s.keys[start];
        PyObject *pivot_value = s.values != NULL ? s.values[start] : NULL;
        Py_ssize_t l = 0, r = start;
        /* Invariant: s[0:l] <= pivot < s[r:start]; insert after equal items (stability). */
        while (l < r) {
            Py_ssize_t p = l + ((r - l) >> 1);
            IFLT(pivot, s.keys[p]) {
                r = p;
            }
            else {
                l = p + 1;
            }
        }
        memmove(&s.keys[l + 1], &s.keys[l], sizeof(PyObject *) * (size_t)(start - l));
        s.keys[l] = pivot;
        if (s.values != NULL) {
            memmove(&s.values[l + 1], &s.values[l], sizeof(PyObject *) * (size_t)(start - l));
            s.values[l] = pivot_value;
        }
    }
    return 0;
fail:
    return -1;
}

/* Length of the run starting at s[0] (n > 0 items available).  A strictly descending run is
 * reversed in place.  -1 on error. */
static Py_ssize_t
count_run(MergeState *ms, sortslice s, Py_ssize_t n)
{
    int k;
    if (n == 1) {
        return 1;
    }
    Py_ssize_t len = 2;
    IFLT(s.keys[1], s.keys[0]) {
        /* Strictly descending. */
        for (; len < n; len++) {
            IFLT(s.keys[len], s.keys[len - 1]) {
                continue;
            }
            break;
        }
        slice_reverse(&s, len);
    }
    else {
        for (; len < n; len++) {
            IFLT(s.keys[len], s.keys[len - 1]) {
                break;
            }
        }
    }
    return len;
fail:
    return -1;
}

/* ---- galloping ----------------------------------------------------------------------------- */

/* Locate where key belongs in the sorted a[0:n], leftmost position among equals:
 * returns k with a[k-1] < key <= a[k].  hint is where to start searching.  -1 on error. */
static Py_ssize_t
gallop_left(MergeState *ms, PyObject *key, PyObject **a, Py_ssize_t n, Py_ssize_t hint)
{
    int k;
    Py_ssize_t lastofs = 0, ofs = 1;
    a += hint;
    IFLT(*a, key) {
        /* a[hint] < key: gallop right until a[hint+lastofs] < key <= a[hint+ofs]. */
        Py_ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            IFLT(a[ofs], key) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
                if (ofs <= 0) {
                    ofs = maxofs;
                }
            }
            else {
                break;
            }
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        lastofs += hint;
        ofs += hint;
    }
    else {
        /* key <= a[hint]: gallop left until a[hint-ofs] < key <= a[hint-lastofs]. */
        Py_ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            IFLT(*(a - ofs), key) {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0) {
                ofs = maxofs;
            }
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        Py_ssize_t t = lastofs;
        lastofs = hint - ofs;
        ofs = hint - t;
    }
    a -= hint;
    /* Now a[lastofs] < key <= a[ofs] (lastofs may be -1, ofs may be n): binary search. */
    ++lastofs;
    while (lastofs < ofs) {
        Py_ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        IFLT(a[m], key) {
            lastofs = m + 1;
        }
        else {
            ofs = m;
        }
    }
    return ofs;
fail:
    return -1;
}

/* Like gallop_left, but the rightmost position among equals: a[k-1] <= key < a[k]. */
static Py_ssize_t
gallop_right(MergeState *ms, PyObject *key, PyObject **a, Py_ssize_t n, Py_ssize_t hint)
{
    int k;
    Py_ssize_t lastofs = 0, ofs = 1;
    a += hint;
    IFLT(key, *a) {
        /* key < a[hint]: gallop left until a[hint-ofs] <= key < a[hint-lastofs]. */
        Py_ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            IFLT(key, *(a - ofs)) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
                if (ofs <= 0) {
                    ofs = maxofs;
                }
            }
            else {
                break;
            }
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        Py_ssize_t t = lastofs;
        lastofs = hint - ofs;
        ofs = hint - t;
    }
    else {
        /* a[hint] <= key: gallop right until a[hint+lastofs] <= key < a[hint+ofs]. */
        Py_ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            IFLT(key, a[ofs]) {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0) {
                ofs = maxofs;
            }
        }
        if (ofs > maxofs) {
            ofs = maxofs;
        }
        lastofs += hint;
        ofs += hint;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        Py_ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        IFLT(key, a[m]) {
            ofs = m;
        }
        else {
            lastofs = m + 1;
        }
    }
    return ofs;
fail:
    return -1;
}

/* ---- merging ------------------------------------------------------------------------------- */

static void
merge_init(MergeState *ms, sortslice base, int has_values)
{
    ms->min_gallop = MIN_GALLOP;
    ms->temp.keys = ms->temp_keys_inline;
    ms->temp.values = has_values ? ms->temp_values_inline : NULL;
    ms->temp_alloced = MERGESTATE_TEMP_SIZE;
    ms->n = 0;
    ms->base = base;
}

static void
merge_free_temp(MergeState *ms)
{
    if (ms->temp.keys != ms->temp_keys_inline) {
        PyMem_Free(ms->temp.keys);
        PyMem_Free(ms->temp.values);
    }
}

/* Make the temp arrays hold at least need items.  0 or -1 (MemoryError). */
static int
merge_getmem(MergeState *ms, Py_ssize_t need)
{
    if (need <= ms->temp_alloced) {
        return 0;
    }
    int has_values = ms->temp.values != NULL;
    merge_free_temp(ms);
    ms->temp.keys = ms->temp_keys_inline;
    ms->temp.values = has_values ? ms->temp_values_inline : NULL;
    ms->temp_alloced = MERGESTATE_TEMP_SIZE;
    if ((size_t)need > PY_SSIZE_T_MAX / sizeof(PyObject *)) {
        PyErr_NoMemory();
        return -1;
    }
    PyObject **keys = PyMem_Malloc((size_t)need * sizeof(PyObject *));
    PyObject **values = NULL;
    if (keys != NULL && has_values) {
        values = PyMem_Malloc((size_t)need * sizeof(PyObject *));
        if (values == NULL) {
            PyMem_Free(keys);
            keys = NULL;
        }
    }
    if (keys == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    ms->temp.keys = keys;
    ms->temp.values = values;
    ms->temp_alloced = need;
    return 0;
}

/* Merge the adjacent sorted runs a[0:na] and b[0:nb] in place, na <= nb, b == a + na, with
 * a[0] > b[0] and a[na-1] > b[nb-1] already established.  Copies a to temp and merges
 * left to right.  0 or -1. */
static int
merge_lo(MergeState *ms, sortslice ssa, Py_ssize_t na, sortslice ssb, Py_ssize_t nb)
{
    int k = 0;
    if (merge_getmem(ms, na) < 0) {
        return -1;
    }
    sortslice dest = ssa;
    slice_memcpy(&ms->temp, 0, &ssa, 0, na);
    sortslice a = ms->temp; /* cursors: a into temp, b into the right run */
    sortslice b = ssb;
    Py_ssize_t ia = 0, ib = 0, id = 0;
    Py_ssize_t min_gallop = ms->min_gallop;

    slice_copy(&dest, id++, &b, ib++);
    --nb;
    if (nb == 0) {
        goto succeed;
    }
    if (na == 1) {
        goto copy_b;
    }
    for (;;) {
        Py_ssize_t acount = 0, bcount = 0; /* consecutive wins of each side */
        /* Straight merge until one side wins min_gallop times in a row. */
        for (;;) {
            IFLT(b.keys[ib], a.keys[ia]) {
                slice_copy(&dest, id++, &b, ib++);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 0) {
                    goto succeed;
                }
                if (bcount >= min_gallop) {
                    break;
                }
            }
            else {
                slice_copy(&dest, id++, &a, ia++);
                ++acount;
                bcount = 0;
                --na;
                if (na == 1) {
                    goto copy_b;
                }
                if (acount >= min_gallop) {
                    break;
                }
            }
        }
        /* Gallop until neither side wins runs of MIN_GALLOP. */
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            Py_ssize_t cnt = gallop_right(ms, b.keys[ib], a.keys + ia, na, 0);
            acount = cnt;
            if (cnt) {
                if (cnt < 0) {
                    k = -1;
                    goto fail;
                }
                slice_memcpy(&dest, id, &a, ia, cnt);
                id += cnt;
                ia += cnt;
                na -= cnt;
                if (na == 1) {
                    goto copy_b;
                }
                /* na == 0 is impossible: a's last item is greater than b's last. */
                if (na == 0) {
                    goto succeed;
                }
            }
            slice_copy(&dest, id++, &b, ib++);
            --nb;
            if (nb == 0) {
                goto succeed;
            }
            cnt = gallop_left(ms, a.keys[ia], b.keys + ib, nb, 0);
            bcount = cnt;
            if (cnt) {
                if (cnt < 0) {
                    k = -1;
                    goto fail;
                }
                slice_memmove(&dest, id, &b, ib, cnt);
                id += cnt;
                ib += cnt;
                nb -= cnt;
                if (nb == 0) {
                    goto succeed;
                }
            }
            slice_copy(&dest, id++, &a, ia++);
            --na;
            if (na == 1) {
                goto copy_b;
            }
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop; /* penalise leaving galloping mode */
        ms->min_gallop = min_gallop;
    }
succeed:
    /* Also the failure path: put the rest of a back, keeping a permutation. */
fail:
    if (na) {
        slice_memcpy(&dest, id, &a, ia, na);
    }
    return k < 0 ? -1 : 0;
copy_b:
    /* The last item of a belongs at the end, after the rest of b. */
    slice_memmove(&dest, id, &b, ib, nb);
    slice_copy(&dest, id + nb, &a, ia);
    return 0;
}

/* Mirror image of merge_lo for na >= nb: copies b to temp and merges right to left. */
static int
merge_hi(MergeState *ms, sortslice ssa, Py_ssize_t na, sortslice ssb, Py_ssize_t nb)
{
    int k = 0;
    if (merge_getmem(ms, nb) < 0) {
        return -1;
    }
    slice_memcpy(&ms->temp, 0, &ssb, 0, nb);
    sortslice dest = ssb;  /* writes go to dest[id], id counting down from na+nb-1 rel. to a */
    sortslice a = ssa;
    sortslice b = ms->temp;
    Py_ssize_t ia = na - 1, ib = nb - 1;
    Py_ssize_t id = nb - 1; /* index relative to ssb; may go negative into a's area */
    Py_ssize_t min_gallop = ms->min_gallop;

    slice_copy(&dest, id--, &a, ia--);
    --na;
    if (na == 0) {
        goto succeed;
    }
    if (nb == 1) {
        goto copy_a;
    }
    for (;;) {
        Py_ssize_t acount = 0, bcount = 0;
        for (;;) {
            IFLT(b.keys[ib], a.keys[ia]) {
                slice_copy(&dest, id--, &a, ia--);
                ++acount;
                bcount = 0;
                --na;
                if (na == 0) {
                    goto succeed;
                }
                if (acount >= min_gallop) {
                    break;
                }
            }
            else {
                slice_copy(&dest, id--, &b, ib--);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 1) {
                    goto copy_a;
                }
                if (bcount >= min_gallop) {
                    break;
                }
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            /* How many of a's tail are greater than b[ib]? */
            Py_ssize_t pos = gallop_right(ms, b.keys[ib], a.keys, na, na - 1);
            if (pos < 0) {
                k = -1;
                goto fail;
            }
            Py_ssize_t cnt = na - pos;
            acount = cnt;
            if (cnt) {
                id -= cnt;
                ia -= cnt;
                slice_memmove(&dest, id + 1, &a, ia + 1, cnt);
                na -= cnt;
                if (na == 0) {
                    goto succeed;
                }
            }
            slice_copy(&dest, id--, &b, ib--);
            --nb;
            if (nb == 1) {
                goto copy_a;
            }
            /* How many of b's tail are >= a[ia]? */
            pos = gallop_left(ms, a.keys[ia], b.keys, nb, nb - 1);
            if (pos < 0) {
                k = -1;
                goto fail;
            }
            cnt = nb - pos;
            bcount = cnt;
            if (cnt) {
                id -= cnt;
                ib -= cnt;
                slice_memcpy(&dest, id + 1, &b, ib + 1, cnt);
                nb -= cnt;
                if (nb == 1) {
                    goto copy_a;
                }
                if (nb == 0) {
                    goto succeed;
                }
            }
            slice_copy(&dest, id--, &a, ia--);
            --na;
            if (na == 0) {
                goto succeed;
            }
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
fail:
    /* Put the rest of b (temp[0:nb]) back in front of dest's write position. */
    if (nb) {
        slice_memcpy(&dest, id - (nb - 1), &b, 0, nb);
    }
    return k < 0 ? -1 : 0;
copy_a:
    /* b[0] is the smallest remaining: move a[0:na] up, then put b[0] before it. */
    id -= na;
    ia -= na;
    slice_memmove(&dest, id + 1, &a, ia + 1, na);
    slice_copy(&dest, id, &b, ib);
    return 0;
}

/* Merge the runs at stack positions i and i+1.  0 or -1. */
static int
merge_at(MergeState *ms, int i)
{
    sortslice ssa = slice_at(&ms->base, ms->pending[i].base);
    Py_ssize_t na = ms->pending[i].len;
    sortslice ssb = slice_at(&ms->base, ms->pending[i + 1].base);
    Py_ssize_t nb = ms->pending[i + 1].len;

    ms->pending[i].len = na + nb;
    if (i == ms->n - 3) {
        ms->pending[i + 1] = ms->pending[i + 2];
    }
    --ms->n;

    /* Items of a that are <= b[0] are already in place. */
    Py_ssize_t k = gallop_right(ms, ssb.keys[0], ssa.keys, na, 0);
    if (k < 0) {
        return -1;
    }
    ssa = slice_at(&ssa, k);
    na -= k;
    if (na == 0) {
        return 0;
    }
    /* Items of b that are >= a[na-1] are already in place. */
    nb = gallop_left(ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
    if (nb <= 0) {
        return (int)nb;
    }
    if (na <= nb) {
        return merge_lo(ms, ssa, na, ssb, nb);
    }
    return merge_hi(ms, ssa, na, ssb, nb);
}

/* Restore the stack invariants; 0 or -1. */
static int
merge_collapse(MergeState *ms)
{
    sortrun *p = ms->pending;
    while (ms->n > 1) {
        int n = ms->n - 2;
        if ((n > 0 && p[n - 1].len <= p[n].len + p[n + 1].len) ||
            (n > 1 && p[n - 2].len <= p[n - 1].len + p[n].len)) {
            if (p[n - 1].len < p[n + 1].len) {
                --n;
            }
            if (merge_at(ms, n) < 0) {
                return -1;
            }
        }
        else if (p[n].len <= p[n + 1].len) {
            if (merge_at(ms, n) < 0) {
                return -1;
            }
        }
        else {
            break;
        }
    }
    return 0;
}

static int
merge_force_collapse(MergeState *ms)
{
    sortrun *p = ms->pending;
    while (ms->n > 1) {
        int n = ms->n - 2;
        if (n > 0 && p[n - 1].len < p[n + 1].len) {
            --n;
        }
        if (merge_at(ms, n) < 0) {
            return -1;
        }
    }
    return 0;
}

/* A good minimum run length for n items: n itself below 64, else a value in [32, 64] such
 * that n / minrun is a power of two or slightly less. */
static Py_ssize_t
merge_compute_minrun(Py_ssize_t n)
{
    Py_ssize_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

/* Sort keys[0:n] (and values in step, if not NULL) stably by "<".  0 or -1. */
int
_PyList_SortSlice(PyObject **keys, PyObject **values, Py_ssize_t n)
{
    if (n < 2) {
        return 0;
    }
    MergeState *ms = PyMem_Malloc(sizeof(MergeState));
    if (ms == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    sortslice base = {keys, values};
    merge_init(ms, base, values != NULL);

    /* Choose the comparison from the key types (one pass). */
    ms->key_richcompare = NULL;
    ms->tuple_lt_first = lt_generic;
    ms->lt = choose_lt(keys, n, ms, 0);
    int result = -1;
    Py_ssize_t minrun = merge_compute_minrun(n);
    Py_ssize_t lo = 0, nremaining = n;
    while (nremaining > 0) {
        sortslice here = slice_at(&base, lo);
        Py_ssize_t runlen = count_run(ms, here, nremaining);
        if (runlen < 0) {
            goto done;
        }
        if (runlen < minrun) {
            Py_ssize_t force = nremaining <= minrun ? nremaining : minrun;
            if (binary_insertion_sort(ms, here, runlen, force) < 0) {
                goto done;
            }
            runlen = force;
        }
        assert(ms->n < MAX_MERGE_PENDING);
        ms->pending[ms->n].base = lo;
        ms->pending[ms->n].len = runlen;
        ++ms->n;
        if (merge_collapse(ms) < 0) {
            goto done;
        }
        lo += runlen;
        nremaining -= runlen;
    }
    if (merge_force_collapse(ms) < 0) {
        goto done;
    }
    result = 0;
done:
    merge_free_temp(ms);
    PyMem_Free(ms);
    return result;
}
