/* Test extension: a tour of the C API that real extensions use -- capsules, the buffer
 * protocol (a heap type exporting a buffer, and consuming buffers), PyMem/PyObject
 * allocators, the abstract object/number/sequence/mapping/iterator protocols, exceptions.
 * Uses no API newer than CPython 3.11 (test_cpython311 compares the behaviour). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* ---- capsules ---- */

static int capsule_payload = 1234;

static void
capsule_destructor(PyObject *capsule)
{
    /* nothing to free: the payload is static */
}

static PyObject *
make_capsule(PyObject *module, PyObject *unused)
{
    return PyCapsule_New(&capsule_payload, "ext_api.CAPSULE", capsule_destructor);
}

/* Read the int behind a capsule made by make_capsule (checks the name: the dotted path
 * under which the module exports it, as PyCapsule_Import requires). */
static PyObject *
read_capsule(PyObject *module, PyObject *capsule)
{
    int *p = PyCapsule_GetPointer(capsule, "ext_api.CAPSULE");
    if (p == NULL) {
        return NULL;
    }
    return PyLong_FromLong(*p);
}

/* PyCapsule_Import("ext_api.CAPSULE"): the way extensions export C APIs to each other. */
static PyObject *
import_capsule(PyObject *module, PyObject *unused)
{
    int *p = PyCapsule_Import("ext_api.CAPSULE", 0);
    if (p == NULL) {
        return NULL;
    }
    return PyLong_FromLong(*p);
}

/* ---- buffers ---- */

/* Sum of the bytes of any object supporting the buffer protocol, with its length and
 * readonly flag. */
static PyObject *
buffer_info(PyObject *module, PyObject *obj)
{
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    long total = 0;
    const unsigned char *p = view.buf;
    for (Py_ssize_t i = 0; i < view.len; i++) {
        total += p[i];
    }
    PyObject *res = Py_BuildValue("(nli)", view.len, total, view.readonly);
    PyBuffer_Release(&view);
    return res;
}

/* Fill a writable buffer with the byte value. */
static PyObject *
buffer_fill(PyObject *module, PyObject *args)
{
    Py_buffer view;
    int value;
    if (!PyArg_ParseTuple(args, "w*i:buffer_fill", &view, &value)) {
        return NULL;
    }
    memset(view.buf, value, (size_t)view.len);
    Py_ssize_t len = view.len;
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(len);
}

/* A type owning a PyMem buffer of n bytes (0, 1, 2, ...) that it exports as a writable
 * buffer; resizing is refused while views are exported. */
typedef struct {
    PyObject_HEAD
    unsigned char *data;
    Py_ssize_t size;
    Py_ssize_t exports;
} BlobObject;

static PyObject *
Blob_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "n:Blob", &n)) {
        return NULL;
    }
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "negative size");
        return NULL;
    }
    BlobObject *self = (BlobObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->data = PyMem_Malloc(n ? (size_t)n : 1);
    if (self->data == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        self->data[i] = (unsigned char)i;
    }
    self->size = n;
    return (PyObject *)self;
}

static void
Blob_dealloc(BlobObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyMem_Free(self->data);
    tp->tp_free((PyObject *)self);
    Py_DECREF(tp);
}

static int
Blob_getbuffer(BlobObject *self, Py_buffer *view, int flags)
{
    if (PyBuffer_FillInfo(view, (PyObject *)self, self->data, self->size, 0, flags) < 0) {
        return -1;
    }
    self->exports++;
    return 0;
}

static void
Blob_releasebuffer(BlobObject *self, Py_buffer *view)
{
    self->exports--;
}

static PyObject *
Blob_resize(BlobObject *self, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (self->exports > 0) {
        PyErr_SetString(PyExc_BufferError, "cannot resize an exported blob");
        return NULL;
    }
    unsigned char *data = PyMem_Realloc(self->data, n ? (size_t)n : 1);
    if (data == NULL) {
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = self->size; i < n; i++) {
        data[i] = 0;
    }
    self->data = data;
    self->size = n;
    Py_RETURN_NONE;
}

static Py_ssize_t
Blob_length(BlobObject *self)
{
    return self->size;
}

static PyMethodDef Blob_methods[] = {
    {"resize", (PyCFunction)Blob_resize, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot Blob_slots[] = {
    {Py_tp_new, Blob_new},
    {Py_tp_dealloc, Blob_dealloc},
    {Py_tp_methods, Blob_methods},
    {Py_bf_getbuffer, Blob_getbuffer},
    {Py_bf_releasebuffer, Blob_releasebuffer},
    {Py_sq_length, Blob_length},
    {0, NULL},
};

static PyType_Spec Blob_spec = {
    .name = "ext_api.Blob",
    .basicsize = sizeof(BlobObject),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = Blob_slots,
};

/* ---- allocators ---- */

/* Allocate, grow, fill and free with each allocator family; return the checksums. */
static PyObject *
allocators(PyObject *module, PyObject *unused)
{
    long sums[3] = {0, 0, 0};
    for (int family = 0; family < 3; family++) {
        unsigned char *p;
        switch (family) {
        case 0:
            p = PyMem_RawMalloc(16);
            break;
        case 1:
            p = PyMem_Calloc(16, 1);
            break;
        default:
            p = PyObject_Malloc(16);
            break;
        }
        if (p == NULL) {
            return PyErr_NoMemory();
        }
        memset(p, 1, 16);
        unsigned char *q;
        switch (family) {
        case 0:
            q = PyMem_RawRealloc(p, 4096);
            break;
        case 1:
            q = PyMem_Realloc(p, 4096);
            break;
        default:
            q = PyObject_Realloc(p, 4096);
            break;
        }
        if (q == NULL) {
            family == 0 ? PyMem_RawFree(p) : family == 1 ? PyMem_Free(p) : PyObject_Free(p);
            return PyErr_NoMemory();
        }
        memset(q + 16, 2, 4096 - 16);
        for (int i = 0; i < 4096; i++) {
            sums[family] += q[i];
        }
        family == 0 ? PyMem_RawFree(q) : family == 1 ? PyMem_Free(q) : PyObject_Free(q);
    }
    return Py_BuildValue("(lll)", sums[0], sums[1], sums[2]);
}

/* ---- protocols ---- */

/* d[key] = value; steals the reference to value (NULL: an error is pending).  0 or -1. */
static int
put(PyObject *d, const char *key, PyObject *value)
{
    if (value == NULL) {
        return -1;
    }
    int res = PyDict_SetItemString(d, key, value);
    Py_DECREF(value);
    return res;
}

/* Ask the abstract object protocol about obj; return a dict of the answers. */
static PyObject *
object_protocol(PyObject *module, PyObject *obj)
{
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
    int truth = PyObject_IsTrue(obj);
    if (truth < 0 ||
        put(d, "repr", PyObject_Repr(obj)) < 0 ||
        put(d, "str", PyObject_Str(obj)) < 0 ||
        put(d, "type", PyUnicode_FromString(Py_TYPE(obj)->tp_name)) < 0 ||
        put(d, "truth", PyBool_FromLong(truth)) < 0 ||
        put(d, "is_sequence", PyBool_FromLong(PySequence_Check(obj))) < 0 ||
        put(d, "is_mapping", PyBool_FromLong(PyMapping_Check(obj))) < 0 ||
        put(d, "is_number", PyBool_FromLong(PyNumber_Check(obj))) < 0 ||
        put(d, "is_callable", PyBool_FromLong(PyCallable_Check(obj))) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    Py_ssize_t size = PyObject_Size(obj);
    if (size < 0) {
        PyErr_Clear();
    }
    else if (put(d, "size", PyLong_FromSsize_t(size)) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    Py_hash_t hash = PyObject_Hash(obj);
    if (hash == -1) {
        if (!PyErr_ExceptionMatches(PyExc_TypeError)) {
            Py_DECREF(d);
            return NULL;
        }
        PyErr_Clear();
    }
    else if (put(d, "hash_matches", PyBool_FromLong(hash == PyObject_Hash(obj))) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    PyObject *it = PyObject_GetIter(obj);
    if (it == NULL) {
        PyErr_Clear();
        return d;
    }
    PyObject *items = PyList_New(0);
    PyObject *item = NULL;
    while (items != NULL && (item = PyIter_Next(it)) != NULL) {
        if (PyList_Append(items, item) < 0) {
            Py_CLEAR(items);
        }
        Py_DECREF(item);
    }
    Py_DECREF(it);
    if (items == NULL || PyErr_Occurred() || put(d, "items", items) < 0) {
        if (items != NULL && PyErr_Occurred()) {
            Py_DECREF(items);
        }
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

/* Number protocol: (a + b, a - b, a * b, a // b, a % b, -a, abs(a), a ** 2, int(a),
 * float(a), a & b for ints). */
static PyObject *
number_protocol(PyObject *module, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO:number_protocol", &a, &b)) {
        return NULL;
    }
    PyObject *two = PyLong_FromLong(2);
    if (two == NULL) {
        return NULL;
    }
    PyObject *res = Py_BuildValue(
        "(NNNNNNNNNN)", PyNumber_Add(a, b), PyNumber_Subtract(a, b), PyNumber_Multiply(a, b),
        PyNumber_FloorDivide(a, b), PyNumber_Remainder(a, b), PyNumber_Negative(a),
        PyNumber_Absolute(a), PyNumber_Power(a, two, Py_None), PyNumber_Long(a),
        PyNumber_Float(a));
    Py_DECREF(two);
    return res;
}

/* Integer conversions: (AsLongAndOverflow value, overflow flag, AsDouble, AsSsize_t or
 * the exception name). */
static PyObject *
long_conversions(PyObject *module, PyObject *obj)
{
    int overflow;
    long value = PyLong_AsLongAndOverflow(obj, &overflow);
    if (value == -1 && PyErr_Occurred()) {
        return NULL;
    }
    double dbl = PyLong_AsDouble(obj);
    PyObject *as_double = NULL;
    if (dbl == -1.0 && PyErr_Occurred()) {
        as_double = PyUnicode_FromString(((PyTypeObject *)PyErr_Occurred())->tp_name);
        PyErr_Clear();
    }
    else {
        as_double = PyFloat_FromDouble(dbl);
    }
    unsigned long long ull = PyLong_AsUnsignedLongLong(obj);
    PyObject *as_ull;
    if (ull == (unsigned long long)-1 && PyErr_Occurred()) {
        as_ull = PyUnicode_FromString(((PyTypeObject *)PyErr_Occurred())->tp_name);
        PyErr_Clear();
    }
    else {
        as_ull = PyLong_FromUnsignedLongLong(ull);
    }
    return Py_BuildValue("(liNN)", value, overflow, as_double, as_ull);
}

/* Sequence protocol on a list: (fast items, concat, repeat, contains x, index of x,
 * as tuple, slice 1:3, list after SetItem(0, x) and DelItem(-1)). */
static PyObject *
sequence_protocol(PyObject *module, PyObject *args)
{
    PyObject *seq, *x;
    if (!PyArg_ParseTuple(args, "O!O:sequence_protocol", &PyList_Type, &seq, &x)) {
        return NULL;
    }
    PyObject *fast = PySequence_Fast(seq, "not a sequence");
    if (fast == NULL) {
        return NULL;
    }
    PyObject *fast_tuple = PyTuple_New(PySequence_Fast_GET_SIZE(fast));
    if (fast_tuple == NULL) {
        Py_DECREF(fast);
        return NULL;
    }
    PyObject **items = PySequence_Fast_ITEMS(fast);
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(fast); i++) {
        Py_INCREF(items[i]);
        PyTuple_SET_ITEM(fast_tuple, i, items[i]);
    }
    Py_DECREF(fast);
    int contains = PySequence_Contains(seq, x);
    Py_ssize_t index = contains == 1 ? PySequence_Index(seq, x) : -1;
    if (contains < 0 || (contains == 1 && index < 0)) {
        Py_DECREF(fast_tuple);
        return NULL;
    }
    PyObject *res = Py_BuildValue("(NNNinNN)", fast_tuple, PySequence_Concat(seq, seq),
                                  PySequence_Repeat(seq, 2), contains, index,
                                  PySequence_Tuple(seq), PySequence_GetSlice(seq, 1, 3));
    if (res == NULL) {
        return NULL;
    }
    PyObject *copy = PySequence_List(seq);
    if (copy == NULL || PySequence_SetItem(copy, 0, x) < 0 ||
        PySequence_DelItem(copy, -1) < 0) {
        Py_XDECREF(copy);
        Py_DECREF(res);
        return NULL;
    }
    PyObject *out = Py_BuildValue("(NN)", res, copy);
    return out;
}

/* Mapping protocol on a dict: (sorted items seen by PyDict_Next, d[key], has key,
 * keys, values after setting key2 = 2 and deleting key). */
static PyObject *
mapping_protocol(PyObject *module, PyObject *args)
{
    PyObject *d;
    const char *key;
    if (!PyArg_ParseTuple(args, "O!s:mapping_protocol", &PyDict_Type, &d, &key)) {
        return NULL;
    }
    PyObject *pairs = PyList_New(0);
    if (pairs == NULL) {
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(d, &pos, &k, &v)) {
        PyObject *pair = PyTuple_Pack(2, k, v);
        if (pair == NULL || PyList_Append(pairs, pair) < 0) {
            Py_XDECREF(pair);
            Py_DECREF(pairs);
            return NULL;
        }
        Py_DECREF(pair);
    }
    if (PyList_Sort(pairs) < 0) {
        Py_DECREF(pairs);
        return NULL;
    }
    PyObject *value = PyMapping_GetItemString(d, key);
    if (value == NULL) {
        Py_DECREF(pairs);
        return NULL;
    }
    int has = PyMapping_HasKeyString(d, key);
    PyObject *copy = PyDict_Copy(d);
    if (copy == NULL || PyMapping_SetItemString(copy, "key2", value) < 0 ||
        PyMapping_DelItemString(copy, key) < 0) {
        Py_XDECREF(copy);
        Py_DECREF(pairs);
        Py_DECREF(value);
        return NULL;
    }
    PyObject *res = Py_BuildValue("(NNiNN)", pairs, value, has, PyMapping_Keys(copy),
                                  PyMapping_Values(copy));
    Py_DECREF(copy);
    return res;
}

/* Calls: f(), f(x), f(*args, **kwargs), obj.method(x), PyObject_CallFunction with a
 * format, and a vectorcall with a keyword. */
static PyObject *
calls(PyObject *module, PyObject *args)
{
    PyObject *func, *obj;
    if (!PyArg_ParseTuple(args, "OO:calls", &func, &obj)) {
        return NULL;
    }
    PyObject *kwargs = Py_BuildValue("{s:i}", "k", 5);
    PyObject *pos = Py_BuildValue("(ii)", 1, 2);
    if (kwargs == NULL || pos == NULL) {
        Py_XDECREF(kwargs);
        Py_XDECREF(pos);
        return NULL;
    }
    PyObject *kwnames = Py_BuildValue("(s)", "k");
    PyObject *vres = NULL;
    if (kwnames != NULL) {
        /* f(obj, k=obj) through vectorcall: one positional, one keyword */
        PyObject *vec[3] = {NULL, obj, obj};
        vres = PyObject_Vectorcall(func, vec + 1, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                   kwnames);
        Py_DECREF(kwnames);
    }
    PyObject *res = Py_BuildValue("(NNNNNN)", PyObject_CallNoArgs(func),
                                  PyObject_CallOneArg(func, obj),
                                  PyObject_Call(func, pos, kwargs),
                                  PyObject_CallMethod(obj, "upper", NULL),
                                  PyObject_CallFunction(func, "is", 7, "seven"), vres);
    Py_DECREF(kwargs);
    Py_DECREF(pos);
    return res;
}

/* ---- attributes, comparison, types ---- */

static PyObject *
attributes(PyObject *module, PyObject *obj)
{
    PyObject *value = PyLong_FromLong(99);
    if (value == NULL || PyObject_SetAttrString(obj, "added", value) < 0) {
        Py_XDECREF(value);
        return NULL;
    }
    Py_DECREF(value);
    PyObject *got = PyObject_GetAttrString(obj, "added");
    if (got == NULL) {
        return NULL;
    }
    int has_before = PyObject_HasAttrString(obj, "added");
    if (PyObject_DelAttrString(obj, "added") < 0) {
        Py_DECREF(got);
        return NULL;
    }
    int has_after = PyObject_HasAttrString(obj, "added");
    PyObject *missing = PyObject_GetAttrString(obj, "missing");
    PyObject *error_name;
    if (missing == NULL) {
        error_name = PyUnicode_FromString(((PyTypeObject *)PyErr_Occurred())->tp_name);
        PyErr_Clear();
    }
    else {
        Py_DECREF(missing);
        error_name = Py_NewRef(Py_None);
    }
    return Py_BuildValue("(NiiN)", got, has_before, has_after, error_name);
}

static PyObject *
compare(PyObject *module, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO:compare", &a, &b)) {
        return NULL;
    }
    int results[6];
    static const int ops[6] = {Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT, Py_GE};
    for (int i = 0; i < 6; i++) {
        results[i] = PyObject_RichCompareBool(a, b, ops[i]);
        if (results[i] < 0) {
            return NULL;
        }
    }
    int inst = PyObject_IsInstance(a, (PyObject *)Py_TYPE(b));
    int sub = PyObject_IsSubclass((PyObject *)Py_TYPE(a), (PyObject *)&PyLong_Type);
    if (inst < 0 || sub < 0) {
        return NULL;
    }
    return Py_BuildValue("(iiiiii)(ii)", results[0], results[1], results[2], results[3],
                         results[4], results[5], inst, sub);
}

/* ---- strings and bytes ---- */

static PyObject *
strings(PyObject *module, PyObject *args)
{
    PyObject *text;
    if (!PyArg_ParseTuple(args, "U:strings", &text)) {
        return NULL;
    }
    Py_ssize_t utf8_len;
    const char *utf8 = PyUnicode_AsUTF8AndSize(text, &utf8_len);
    if (utf8 == NULL) {
        return NULL;
    }
    PyObject *formatted = PyUnicode_FromFormat("%s|%d|%zd|%R|%S|%U|%c|%x|%.3s|%%", "txt", -5,
                                               (Py_ssize_t)12345, text, text, text, 0x263A,
                                               255, "abcdef");
    PyObject *sep = PyUnicode_FromString("-");
    PyObject *parts = PyUnicode_Split(text, NULL, -1);
    PyObject *joined = sep && parts ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_XDECREF(parts);
    PyObject *bytes = PyBytes_FromStringAndSize(utf8, utf8_len);
    char *raw;
    Py_ssize_t raw_len;
    if (bytes == NULL || PyBytes_AsStringAndSize(bytes, &raw, &raw_len) < 0) {
        Py_XDECREF(formatted);
        Py_XDECREF(joined);
        Py_XDECREF(bytes);
        return NULL;
    }
    return Py_BuildValue(
        "(nNNNNNNiNN)", utf8_len, formatted, joined,
        PyUnicode_DecodeUTF8("a\xffz", 3, "replace"),
        PyUnicode_AsEncodedString(text, "utf-16-le", "strict"),
        PyUnicode_Concat(text, text), PyUnicode_Substring(text, 1, 3),
        PyUnicode_CompareWithASCIIString(text, "abc"),
        PyBytes_FromFormat("%zd-%s", raw_len, "bytes"), bytes);
}

/* PyArg_ParseTuple with more format units: s# y* p O& z es. */
static int
to_int_plus_one(PyObject *obj, void *out)
{
    long v = PyLong_AsLong(obj);
    if (v == -1 && PyErr_Occurred()) {
        return 0;
    }
    *(long *)out = v + 1;
    return 1;
}

static PyObject *
parse_units(PyObject *module, PyObject *args)
{
    const char *s;
    Py_ssize_t s_len;
    Py_buffer buf;
    int flag = 0;
    long plus_one = 0;
    const char *maybe = NULL;
    char *encoded = NULL;
    if (!PyArg_ParseTuple(args, "s#y*|pO&zes:parse_units", &s, &s_len, &buf, &flag,
                          to_int_plus_one, &plus_one, &maybe, "latin-1", &encoded)) {
        return NULL;
    }
    PyObject *res = Py_BuildValue("(s#ny#ilzy)", s, s_len, buf.len, buf.buf, buf.len, flag,
                                  plus_one, maybe, encoded);
    PyBuffer_Release(&buf);
    PyMem_Free(encoded);
    return res;
}

/* ---- exceptions ---- */

/* Raise RuntimeError(msg) from the KeyError of a failed lookup (cause and context set). */
static PyObject *
raise_chained(PyObject *module, PyObject *msg)
{
    PyObject *empty = PyDict_New();
    if (empty == NULL) {
        return NULL;
    }
    PyObject *item = PyObject_GetItem(empty, msg);
    Py_DECREF(empty);
    if (item != NULL) {
        Py_DECREF(item);
        Py_RETURN_NONE;
    }
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (tb != NULL) {
        PyException_SetTraceback(value, tb);
    }
    PyErr_Format(PyExc_RuntimeError, "lookup of %R failed", msg);
    PyObject *type2, *value2, *tb2;
    PyErr_Fetch(&type2, &value2, &tb2);
    PyErr_NormalizeException(&type2, &value2, &tb2);
    Py_INCREF(value);
    PyException_SetContext(value2, value);      /* steals */
    PyException_SetCause(value2, value);        /* steals */
    Py_XDECREF(type);
    Py_XDECREF(tb);
    PyErr_Restore(type2, value2, tb2);
    return NULL;
}

static PyObject *
warn(PyObject *module, PyObject *msg)
{
    const char *text = PyUnicode_AsUTF8(msg);
    if (text == NULL || PyErr_WarnEx(PyExc_UserWarning, text, 1) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* Import a module and call one of its functions: json.dumps(obj, sort_keys=True). */
static PyObject *
use_json(PyObject *module, PyObject *obj)
{
    PyObject *json = PyImport_ImportModule("json");
    if (json == NULL) {
        return NULL;
    }
    PyObject *dumps = PyObject_GetAttrString(json, "dumps");
    Py_DECREF(json);
    if (dumps == NULL) {
        return NULL;
    }
    PyObject *args = PyTuple_Pack(1, obj);
    PyObject *kwargs = Py_BuildValue("{s:O}", "sort_keys", Py_True);
    PyObject *res = args && kwargs ? PyObject_Call(dumps, args, kwargs) : NULL;
    Py_XDECREF(args);
    Py_XDECREF(kwargs);
    Py_DECREF(dumps);
    return res;
}

static PyObject *
build_values(PyObject *module, PyObject *unused)
{
    return Py_BuildValue("{s:i,s:[i,i],s:(s,y#),s:d,s:C,s:z,s:O,s:N,s:K,s:()}",
                         "int", 1, "list", 2, 3, "tuple", "x", "b\0c", (Py_ssize_t)3,
                         "double", 0.25, "char", 0x263A, "none", NULL, "true", Py_True,
                         "new", PyLong_FromLong(4), "ull", 18446744073709551615ULL,
                         "empty");
}

static PyMethodDef methods[] = {
    {"make_capsule", make_capsule, METH_NOARGS, NULL},
    {"read_capsule", read_capsule, METH_O, NULL},
    {"import_capsule", import_capsule, METH_NOARGS, NULL},
    {"buffer_info", buffer_info, METH_O, NULL},
    {"buffer_fill", buffer_fill, METH_VARARGS, NULL},
    {"allocators", allocators, METH_NOARGS, NULL},
    {"object_protocol", object_protocol, METH_O, NULL},
    {"number_protocol", number_protocol, METH_VARARGS, NULL},
    {"long_conversions", long_conversions, METH_O, NULL},
    {"sequence_protocol", sequence_protocol, METH_VARARGS, NULL},
    {"mapping_protocol", mapping_protocol, METH_VARARGS, NULL},
    {"calls", calls, METH_VARARGS, NULL},
    {"attributes", attributes, METH_O, NULL},
    {"compare", compare, METH_VARARGS, NULL},
    {"strings", strings, METH_VARARGS, NULL},
    {"parse_units", parse_units, METH_VARARGS, NULL},
    {"raise_chained", raise_chained, METH_O, NULL},
    {"warn", warn, METH_O, NULL},
    {"use_json", use_json, METH_O, NULL},
    {"build_values", build_values, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int
module_exec(PyObject *module)
{
    PyObject *blob = PyType_FromModuleAndSpec(module, &Blob_spec, NULL);
    if (blob == NULL) {
        return -1;
    }
    int res = PyModule_AddType(module, (PyTypeObject *)blob);
    Py_DECREF(blob);
    if (res < 0) {
        return -1;
    }
    PyObject *capsule = make_capsule(module, NULL);
    if (capsule == NULL || PyModule_AddObject(module, "CAPSULE", capsule) < 0) {
        Py_XDECREF(capsule);
        return -1;
    }
    PyObject *error = PyErr_NewExceptionWithDoc("ext_api.ApiError", "An error of ext_api.",
                                                PyExc_LookupError, NULL);
    if (error == NULL || PyModule_AddObject(module, "ApiError", error) < 0) {
        Py_XDECREF(error);
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot slots[] = {
    {Py_mod_exec, module_exec},
#ifdef Py_mod_gil
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "ext_api",
    .m_doc = "A tour of the C API.",
    .m_slots = slots,
    .m_methods = methods,
};

PyMODINIT_FUNC
PyInit_ext_api(void)
{
    return PyModuleDef_Init(&module_def);
}
