/* memoryview and the generic buffer API (PEP 3118).
 *
 * A memoryview asks its exporter for a buffer once, through a managed buffer object
 * (_PyManagedBufferObject) that owns the Py_buffer and releases it when the last view using
 * it goes away; slices and casts of a view share the managed buffer.  Views are one-
 * dimensional (or zero-dimensional after a cast to shape []); multi-dimensional exporters can
 * be viewed, but indexing them raises NotImplementedError as in CPython for ndim > 1.
 *
 * Threads: the exporter's data stays put while the managed buffer holds its export
 * (bytearray refuses to resize).  A view changes only when it is released and when buffers
 * are exported from it.  Every operation that reads the view pins it first (mv_pin, under the
 * view's critical section): it checks that the view is not released and counts itself as an
 * export; release() takes the same section and refuses to run while exports exist
 * (BufferError, as when any consumer holds a buffer).  So a release racing an operation either
 * comes first (the operation raises ValueError) or fails, and the buffer stays valid while the
 * operation runs Python code (an __index__) or blocks.  The same holds in one thread: an
 * __index__ that releases the view it indexes gets BufferError.  The managed buffer's count of
 * views is atomic, as views sharing it are pinned separately. */
#include "Python.h"
#include "pycore_bytesobject.h"
#include "pycore_critical_section.h"
#include "pycore_pyatomic_ft_wrappers.h"

/* ---- the generic buffer API ---------------------------------------------------------------- */

int
PyObject_CheckBuffer(PyObject *obj)
{
    PyBufferProcs *pb = Py_TYPE(obj)->tp_as_buffer;
    return pb != NULL && pb->bf_getbuffer != NULL;
}

int
PyObject_GetBuffer(PyObject *obj, Py_buffer *view, int flags)
{
    PyBufferProcs *pb = Py_TYPE(obj)->tp_as_buffer;
    if (pb == NULL || pb->bf_getbuffer == NULL) {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    return pb->bf_getbuffer(obj, view, flags);
}

void
PyBuffer_Release(Py_buffer *view)
{
    PyObject *obj = view->obj;
    if (obj == NULL) {
        return;
    }
    PyBufferProcs *pb = Py_TYPE(obj)->tp_as_buffer;
    if (pb != NULL && pb->bf_releasebuffer != NULL) {
        pb->bf_releasebuffer(obj, view);
    }
    view->obj = NULL;
    Py_DECREF(obj);
}

int
PyBuffer_FillInfo(Py_buffer *view, PyObject *obj, void *buf, Py_ssize_t len, int readonly,
                  int flags)
{
    if (view == NULL) {
        PyErr_SetString(PyExc_BufferError, "PyBuffer_FillInfo: view==NULL argument is obsolete");
        return -1;
    }
    if (flags != PyBUF_SIMPLE) {
        if (flags == PyBUF_READ || flags == PyBUF_WRITE) {
            PyErr_BadInternalCall();
            return -1;
        }
    }
    if ((flags & PyBUF_WRITABLE) == PyBUF_WRITABLE && readonly == 1) {
        PyErr_SetString(PyExc_BufferError, "Object is not writable.");
        return -1;
    }
    view->obj = Py_XNewRef(obj);
    view->buf = buf;
    view->len = len;
    view->readonly = readonly;
    view->itemsize = 1;
    view->format = (flags & PyBUF_FORMAT) == PyBUF_FORMAT ? "B" : NULL;
    view->ndim = 1;
    view->shape = (flags & PyBUF_ND) == PyBUF_ND ? &view->len : NULL;
    view->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? &view->itemsize : NULL;
    view->suboffsets = NULL;
    view->internal = NULL;
    return 0;
}

int
PyBuffer_IsContiguous(const Py_buffer *view, char order)
{
    if (view->suboffsets != NULL) {
        return 0;
    }
    if (view->strides == NULL || view->ndim <= 1) {
        if (view->strides == NULL || view->ndim == 0) {
            return 1;
        }
        return view->shape[0] <= 1 || view->strides[0] == view->itemsize;
    }
    Py_ssize_t sd = view->itemsize;
    int c_ok = 1, f_ok = 1;
    for (int i = view->ndim - 1; i >= 0; i--) {
        if (view->shape[i] > 1 && view->strides[i] != sd) {
            c_ok = 0;
        }
        sd *= view->shape[i];
    }
    sd = view->itemsize;
    for (int i = 0; i < view->ndim; i++) {
        if (view->shape[i] > 1 && view->strides[i] != sd) {
            f_ok = 0;
        }
        sd *= view->shape[i];
    }
    if (order == 'C') {
        return c_ok;
    }
    if (order == 'F') {
        return f_ok;
    }
    return c_ok || f_ok;
}

void *
PyBuffer_GetPointer(const Py_buffer *view, const Py_ssize_t *indices)
{
    char *p = view->buf;
    for (int i = 0; i < view->ndim; i++) {
        Py_ssize_t stride = view->strides ? view->strides[i] : view->itemsize;
        p += stride * indices[i];
        if (view->suboffsets != NULL && view->suboffsets[i] >= 0) {
            p = *((char **)p) + view->suboffsets[i];
        }
    }
    return p;
}

static Py_ssize_t
format_itemsize(const char *fmt)
{
    if (fmt == NULL) {
        return 1;
    }
    if (*fmt == '@' || *fmt == '=' || *fmt == '<' || *fmt == '>' || *fmt == '!') {
        fmt++;
    }
    if (fmt[0] == '\0' || fmt[1] != '\0') {
        return -1;
    }
    switch (fmt[0]) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return sizeof(long);
    case 'q': case 'Q': return 8;
    case 'n': case 'N': return sizeof(Py_ssize_t);
    case 'd': return 8;
    case 'P': return sizeof(void *);
    default: return -1;
    }
}

Py_ssize_t
PyBuffer_SizeFromFormat(const char *format)
{
    Py_ssize_t n = format_itemsize(format);
    if (n < 0) {
        PyErr_Format(PyExc_ValueError, "unsupported format %s", format);
    }
    return n;
}

/* Visit every item of a (possibly strided, multi-dimensional) buffer in C order. */
static void
copy_items(char *dst, const Py_buffer *view, int to_buffer)
{
    if (view->ndim == 0) {
        if (to_buffer) {
            memcpy(view->buf, dst, (size_t)view->itemsize);
        }
        else {
            memcpy(dst, view->buf, (size_t)view->itemsize);
        }
        return;
    }
    Py_ssize_t index[PyBUF_MAX_NDIM] = {0};
    Py_ssize_t total = 1;
    for (int i = 0; i < view->ndim; i++) {
        total *= view->shape[i];
    }
    for (Py_ssize_t k = 0; k < total; k++) {
        char *p = PyBuffer_GetPointer(view, index);
        if (to_buffer) {
            memcpy(p, dst, (size_t)view->itemsize);
        }
        else {
            memcpy(dst, p, (size_t)view->itemsize);
        }
        dst += view->itemsize;
        for (int i = view->ndim - 1; i >= 0; i--) {
            if (++index[i] < view->shape[i]) {
                break;
            }
            index[i] = 0;
        }
    }
}

int
PyBuffer_ToContiguous(void *buf, const Py_buffer *src, Py_ssize_t len, char order)
{
    if (len > src->len) {
        len = src->len;
    }
    if (PyBuffer_IsContiguous(src, order == 'A' ? 'C' : order) || src->shape == NULL) {
        memcpy(buf, src->buf, (size_t)len);
        return 0;
    }
    if (order == 'F') {
        PyErr_SetString(PyExc_NotImplementedError, "Fortran order copy is not supported");
        return -1;
    }
    copy_items(buf, src, 0);
    return 0;
}

int
PyBuffer_FromContiguous(const Py_buffer *view, const void *buf, Py_ssize_t len, char fort)
{
    if (len > view->len) {
        len = view->len;
    }
    if (PyBuffer_IsContiguous(view, 'C') || view->shape == NULL) {
        memcpy(view->buf, buf, (size_t)len);
        return 0;
    }
    copy_items((char *)buf, view, 1);
    return 0;
}

void
PyBuffer_FillContiguousStrides(int nd, Py_ssize_t *shape, Py_ssize_t *strides, int itemsize,
                               char order)
{
    Py_ssize_t sd = itemsize;
    if (order == 'F') {
        for (int k = 0; k < nd; k++) {
            strides[k] = sd;
            sd *= shape[k];
        }
    }
    else {
        for (int k = nd - 1; k >= 0; k--) {
            strides[k] = sd;
            sd *= shape[k];
        }
    }
}

int
PyObject_CopyData(PyObject *dest, PyObject *src)
{
    Py_buffer vd, vs;
    if (PyObject_GetBuffer(dest, &vd, PyBUF_FULL) < 0) {
        return -1;
    }
    if (PyObject_GetBuffer(src, &vs, PyBUF_FULL_RO) < 0) {
        PyBuffer_Release(&vd);
        return -1;
    }
    int r = 0;
    if (vd.len < vs.len) {
        PyErr_SetString(PyExc_BufferError, "destination is too small to receive data from source");
        r = -1;
    }
    else {
        char *tmp = PyMem_Malloc((size_t)vs.len + 1);
        if (tmp == NULL) {
            PyErr_NoMemory();
            r = -1;
        }
        else {
            r = PyBuffer_ToContiguous(tmp, &vs, vs.len, 'C');
            if (r == 0) {
                r = PyBuffer_FromContiguous(&vd, tmp, vs.len, 'C');
            }
            PyMem_Free(tmp);
        }
    }
    PyBuffer_Release(&vd);
    PyBuffer_Release(&vs);
    return r;
}

/* ---- managed buffer ------------------------------------------------------------------------ */

static void
mbuf_release(_PyManagedBufferObject *self)
{
    if (self->flags & _Py_MANAGED_BUFFER_RELEASED) {
        return;
    }
    self->flags |= _Py_MANAGED_BUFFER_RELEASED;
    PyBuffer_Release(&self->master);
}

static void
mbuf_dealloc(PyObject *op)
{
    _PyManagedBufferObject *self = (_PyManagedBufferObject *)op;
    mbuf_release(self);
    if (self->flags & _Py_MANAGED_BUFFER_FREE_FORMAT) {
        PyMem_Free(self->master.format);
    }
    PyObject_Free(op);
}

PyTypeObject _PyManagedBuffer_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "managedbuffer",
    .tp_basicsize = sizeof(_PyManagedBufferObject),
    .tp_dealloc = mbuf_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};
_Py_REGISTER_STATIC_TYPE(_PyManagedBuffer_Type);

/* One more view uses mbuf. */
static void
mbuf_add_view(_PyManagedBufferObject *mbuf)
{
#ifdef Py_GIL_DISABLED
    _Py_atomic_add_ssize(&mbuf->exports, 1);
#else
    mbuf->exports++;
#endif
}

/* A view stops using mbuf: the last one gives the buffer back to the exporter. */
static void
mbuf_drop_view(_PyManagedBufferObject *mbuf)
{
#ifdef Py_GIL_DISABLED
    int last = _Py_atomic_add_ssize(&mbuf->exports, -1) == 1;
#else
    int last = --mbuf->exports == 0;
#endif
    if (last) {
        mbuf_release(mbuf);
    }
}

static _PyManagedBufferObject *
mbuf_alloc(void)
{
    _PyManagedBufferObject *mbuf = PyObject_New(_PyManagedBufferObject, &_PyManagedBuffer_Type);
    if (mbuf == NULL) {
        return NULL;
    }
    mbuf->flags = 0;
    mbuf->exports = 0;
    mbuf->master.obj = NULL;
    return mbuf;
}

/* ---- memoryview ---------------------------------------------------------------------------- */

#define MV(op) ((PyMemoryViewObject *)(op))

/* The view's flags; release() sets _Py_MEMORYVIEW_RELEASED while other threads may look. */
static inline int
mv_flags(PyMemoryViewObject *mv)
{
    return FT_ATOMIC_LOAD_INT_RELAXED(mv->flags);
}

static inline int
mv_released(PyMemoryViewObject *mv)
{
    return (mv_flags(mv) & _Py_MEMORYVIEW_RELEASED) ||
           (mv->mbuf->flags & _Py_MANAGED_BUFFER_RELEASED);
}

static int
released_error(void)
{
    PyErr_SetString(PyExc_ValueError, "operation forbidden on released memoryview object");
    return -1;
}

#define CHECK_RELEASED(mv, ret)                                                               \
    do {                                                                                      \
        if (mv_released(mv)) {                                                                \
            released_error();                                                                 \
            return ret;                                                                       \
        }                                                                                     \
    } while (0)

/* Pin mv for an operation (see the top of this file): 0, or -1 with ValueError if it was
 * released.  Every mv_pin is paired with an mv_unpin, or kept as a buffer export. */
static int
mv_pin(PyMemoryViewObject *mv)
{
    int released;
    Py_BEGIN_CRITICAL_SECTION(mv);
    released = mv_released(mv);
    if (!released) {
        mv->exports++;
    }
    Py_END_CRITICAL_SECTION();
    return released ? released_error() : 0;
}

static void
mv_unpin(PyMemoryViewObject *mv)
{
    Py_BEGIN_CRITICAL_SECTION(mv);
    mv->exports--;
    Py_END_CRITICAL_SECTION();
}

/* name(params) runs name_pinned(args) with the view op pinned; err if op is released. */
#define MV_PINNED(name, type, err, params, args)                                              \
    static type name params                                                                   \
    {                                                                                         \
        if (mv_pin(MV(op)) < 0) {                                                             \
            return err;                                                                       \
        }                                                                                     \
        type res = name##_pinned args;                                                        \
        mv_unpin(MV(op));                                                                     \
        return res;                                                                           \
    }

/* A new view of mbuf with room for ndim dimensions; its Py_buffer is a copy of src. */
static PyMemoryViewObject *
memory_alloc(int ndim)
{
    PyMemoryViewObject *mv = (PyMemoryViewObject *)PyObject_GC_NewVar(PyMemoryViewObject,
                                                                      &PyMemoryView_Type,
                                                                      3 * (ndim > 0 ? ndim : 1));
    if (mv == NULL) {
        return NULL;
    }
    mv->mbuf = NULL;
    mv->hash = -1;
    mv->flags = 0;
    mv->exports = 0;
    mv->weakreflist = NULL;
    memset(&mv->view, 0, sizeof(mv->view));
    mv->view.ndim = ndim;
    mv->view.shape = mv->ob_array;
    mv->view.strides = mv->ob_array + ndim;
    mv->view.suboffsets = NULL;
    return mv;
}

static void
init_flags(PyMemoryViewObject *mv)
{
    const Py_buffer *view = &mv->view;
    int flags = 0;
    if (view->ndim == 0) {
        flags |= _Py_MEMORYVIEW_SCALAR | _Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN;
    }
    else if (view->ndim == 1) {
        if (view->shape[0] == 1 || view->strides[0] == view->itemsize) {
            flags |= _Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN;
        }
    }
    else {
        if (PyBuffer_IsContiguous(view, 'C')) {
            flags |= _Py_MEMORYVIEW_C;
        }
        if (PyBuffer_IsContiguous(view, 'F')) {
            flags |= _Py_MEMORYVIEW_FORTRAN;
        }
    }
    mv->flags = (mv->flags & _Py_MEMORYVIEW_RELEASED) | flags;
}

/* New view registered with mbuf, copying src's buffer description.  New reference. */
static PyObject *
memory_from_mbuf(_PyManagedBufferObject *mbuf, const Py_buffer *src)
{
    if (src->ndim > PyBUF_MAX_NDIM) {
        PyErr_SetString(PyExc_ValueError, "memoryview: number of dimensions must not exceed 64");
        return NULL;
    }
    PyMemoryViewObject *mv = memory_alloc(src->ndim);
    if (mv == NULL) {
        return NULL;
    }
    Py_buffer *dst = &mv->view;
    dst->obj = src->obj;
    dst->buf = src->buf;
    dst->len = src->len;
    dst->itemsize = src->itemsize;
    dst->readonly = src->readonly;
    dst->format = src->format ? src->format : "B";
    dst->internal = src->internal;
    if (src->ndim == 1 && src->shape == NULL) {
        dst->shape[0] = src->len / (src->itemsize ? src->itemsize : 1);
    }
    else {
        for (int i = 0; i < src->ndim; i++) {
            dst->shape[i] = src->shape[i];
        }
    }
    if (src->strides == NULL) {
        PyBuffer_FillContiguousStrides(dst->ndim, dst->shape, dst->strides,
                                       (int)dst->itemsize, 'C');
    }
    else {
        for (int i = 0; i < src->ndim; i++) {
            dst->strides[i] = src->strides[i];
        }
    }
    if (src->suboffsets != NULL) {
        dst->suboffsets = mv->ob_array + 2 * src->ndim;
        for (int i = 0; i < src->ndim; i++) {
            dst->suboffsets[i] = src->suboffsets[i];
        }
    }
    mv->mbuf = (_PyManagedBufferObject *)Py_NewRef(mbuf);
    mbuf_add_view(mbuf);
    init_flags(mv);
    PyObject_GC_Track(mv);
    return (PyObject *)mv;
}

PyObject *
PyMemoryView_FromObject(PyObject *v)
{
    if (PyMemoryView_Check(v)) {
        PyMemoryViewObject *mv = MV(v);
        if (mv_pin(mv) < 0) {
            return NULL;
        }
        PyObject *res = memory_from_mbuf(mv->mbuf, &mv->view);
        mv_unpin(mv);
        return res;
    }
    if (!PyObject_CheckBuffer(v)) {
        PyErr_Format(PyExc_TypeError, "memoryview: a bytes-like object is required, not "
                     "'%.200s'", Py_TYPE(v)->tp_name);
        return NULL;
    }
    _PyManagedBufferObject *mbuf = mbuf_alloc();
    if (mbuf == NULL) {
        return NULL;
    }
    if (PyObject_GetBuffer(v, &mbuf->master, PyBUF_FULL_RO) < 0) {
        mbuf->master.obj = NULL;
        mbuf->flags |= _Py_MANAGED_BUFFER_RELEASED;
        Py_DECREF(mbuf);
        return NULL;
    }
    PyObject *res = memory_from_mbuf(mbuf, &mbuf->master);
    Py_DECREF(mbuf);
    return res;
}

PyObject *
PyMemoryView_FromMemory(char *mem, Py_ssize_t size, int flags)
{
    _PyManagedBufferObject *mbuf = mbuf_alloc();
    if (mbuf == NULL) {
        return NULL;
    }
    PyBuffer_FillInfo(&mbuf->master, NULL, mem, size, flags == PyBUF_READ,
                      PyBUF_FULL_RO);
    PyObject *res = memory_from_mbuf(mbuf, &mbuf->master);
    Py_DECREF(mbuf);
    return res;
}

PyObject *
PyMemoryView_FromBuffer(const Py_buffer *info)
{
    if (info->buf == NULL) {
        PyErr_SetString(PyExc_ValueError, "PyMemoryView_FromBuffer(): info->buf must not be NULL");
        return NULL;
    }
    _PyManagedBufferObject *mbuf = mbuf_alloc();
    if (mbuf == NULL) {
        return NULL;
    }
    mbuf->master = *info;
    mbuf->master.obj = NULL;
    PyObject *res = memory_from_mbuf(mbuf, &mbuf->master);
    Py_DECREF(mbuf);
    return res;
}

PyObject *
PyMemoryView_GetContiguous(PyObject *obj, int buffertype, char order)
{
    PyObject *mv = PyMemoryView_FromObject(obj);
    if (mv == NULL) {
        return NULL;
    }
    if (buffertype == PyBUF_WRITE && MV(mv)->view.readonly) {
        Py_DECREF(mv);
        PyErr_SetString(PyExc_BufferError, "underlying buffer is not writable");
        return NULL;
    }
    if (PyBuffer_IsContiguous(&MV(mv)->view, order)) {
        return mv;
    }
    PyObject *bytes = PyBytes_FromObject(mv);
    Py_DECREF(mv);
    if (bytes == NULL) {
        return NULL;
    }
    PyObject *res = PyMemoryView_FromObject(bytes);
    Py_DECREF(bytes);
    return res;
}

static int
memory_release_impl(PyMemoryViewObject *self)
{
    Py_ssize_t exports;
    int release = 0;
    Py_BEGIN_CRITICAL_SECTION(self);
    exports = self->exports;
    if (exports == 0 && !(self->flags & _Py_MEMORYVIEW_RELEASED)) {
        FT_ATOMIC_STORE_INT_RELAXED(self->flags, self->flags | _Py_MEMORYVIEW_RELEASED);
        release = 1;
    }
    Py_END_CRITICAL_SECTION();
    if (exports > 0) {
        PyErr_Format(PyExc_BufferError, "memoryview has %zd exported buffer%s", exports,
                     exports == 1 ? "" : "s");
        return -1;
    }
    if (release && self->mbuf != NULL) {
        /* Outside the section: the exporter's release may run Python code. */
        mbuf_drop_view(self->mbuf);
    }
    return 0;
}

static void
memory_dealloc(PyObject *op)
{
    PyMemoryViewObject *self = MV(op);
    PyObject_GC_UnTrack(op);
    self->exports = 0;
    (void)memory_release_impl(self);
    Py_CLEAR(self->mbuf);
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    PyObject_GC_Del(op);
}

static int
memory_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(MV(op)->mbuf);
    return 0;
}

static int
memory_clear(PyObject *op)
{
    (void)memory_release_impl(MV(op));
    Py_CLEAR(MV(op)->mbuf);
    return 0;
}

static PyObject *
memory_release(PyObject *op, PyObject *Py_UNUSED(a))
{
    if (memory_release_impl(MV(op)) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
memory_enter(PyObject *op, PyObject *Py_UNUSED(a))
{
    if (mv_released(MV(op))) {
        released_error();
        return NULL;
    }
    return Py_NewRef(op);
}

static PyObject *
memory_exit(PyObject *op, PyObject *args)
{
    return memory_release(op, NULL);
}

/* ---- buffer export of a view --------------------------------------------------------------- */

static int
memory_getbuf(PyObject *op, Py_buffer *view, int flags)
{
    PyMemoryViewObject *self = MV(op);
    /* The pin is the export: memory_releasebuf drops it. */
    if (mv_pin(self) < 0) {
        return -1;
    }
    Py_buffer *base = &self->view;
    if ((flags & PyBUF_WRITABLE) == PyBUF_WRITABLE && base->readonly) {
        mv_unpin(self);
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not writable");
        return -1;
    }
    if (!(flags & PyBUF_FORMAT) && strcmp(base->format, "B") != 0 &&
        (flags & PyBUF_ND) == 0) {
        /* simple consumers expect bytes; the data is still usable as raw bytes */
    }
    if ((flags & PyBUF_ND) == 0 && !(mv_flags(self) & _Py_MEMORYVIEW_C)) {
        mv_unpin(self);
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not C-contiguous");
        return -1;
    }
    *view = *base;
    view->obj = Py_NewRef(op);
    if (!(flags & PyBUF_FORMAT)) {
        view->format = NULL;
    }
    if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES) {
        view->strides = NULL;
    }
    if ((flags & PyBUF_ND) != PyBUF_ND) {
        view->shape = NULL;
    }
    return 0;
}

static void
memory_releasebuf(PyObject *op, Py_buffer *view)
{
    mv_unpin(MV(op));
}

static PyBufferProcs memory_as_buffer = {
    memory_getbuf,
    memory_releasebuf,
};

/* ---- items --------------------------------------------------------------------------------- */

static const char *
fmt_char(const char *fmt)
{
    if (*fmt == '@') {
        fmt++;
    }
    return fmt;
}

/* Unpack one item at p.  New reference. */
static PyObject *
unpack_item(const char *p, const char *format)
{
    const char *f = fmt_char(format);
    if (f[0] == '\0' || f[1] != '\0') {
        PyErr_Format(PyExc_NotImplementedError, "memoryview: format %s not supported", format);
        return NULL;
    }
    switch (f[0]) {
    case 'B': return PyLong_FromLong(*(const unsigned char *)p);
    case 'b': return PyLong_FromLong(*(const signed char *)p);
    case 'c': return PyBytes_FromStringAndSize(p, 1);
    case '?': return PyBool_FromLong(*p != 0);
    case 'h': { short v; memcpy(&v, p, sizeof v); return PyLong_FromLong(v); }
    case 'H': { unsigned short v; memcpy(&v, p, sizeof v); return PyLong_FromLong(v); }
    case 'i': { int v; memcpy(&v, p, sizeof v); return PyLong_FromLong(v); }
    case 'I': { unsigned int v; memcpy(&v, p, sizeof v); return PyLong_FromUnsignedLong(v); }
    case 'l': { long v; memcpy(&v, p, sizeof v); return PyLong_FromLong(v); }
    case 'L': { unsigned long v; memcpy(&v, p, sizeof v); return PyLong_FromUnsignedLong(v); }
    case 'q': { long long v; memcpy(&v, p, sizeof v); return PyLong_FromLongLong(v); }
    case 'Q': {
        unsigned long long v;
        memcpy(&v, p, sizeof v);
        return PyLong_FromUnsignedLongLong(v);
    }
    case 'n': { Py_ssize_t v; memcpy(&v, p, sizeof v); return PyLong_FromSsize_t(v); }
    case 'N': { size_t v; memcpy(&v, p, sizeof v); return PyLong_FromSize_t(v); }
    case 'f': { float v; memcpy(&v, p, sizeof v); return PyFloat_FromDouble(v); }
    case 'd': { double v; memcpy(&v, p, sizeof v); return PyFloat_FromDouble(v); }
    case 'P': { void *v; memcpy(&v, p, sizeof v); return PyLong_FromVoidPtr(v); }
    default:
        PyErr_Format(PyExc_NotImplementedError, "memoryview: format %s not supported", format);
        return NULL;
    }
}

static int
pack_error(PyObject *item, const char *format)
{
    if (PyErr_ExceptionMatches(PyExc_TypeError) || PyErr_ExceptionMatches(PyExc_OverflowError)) {
        int type_error = PyErr_ExceptionMatches(PyExc_TypeError);
        PyErr_Clear();
        if (type_error) {
            PyErr_Format(PyExc_TypeError, "memoryview: invalid type for format '%s'", format);
        }
        else {
            PyErr_Format(PyExc_ValueError, "memoryview: invalid value for format '%s'", format);
        }
    }
    return -1;
}

/* Pack item into p.  0 or -1. */
static int
pack_item(char *p, PyObject *item, const char *format)
{
    const char *f = fmt_char(format);
    if (f[0] == '\0' || f[1] != '\0') {
        PyErr_Format(PyExc_NotImplementedError, "memoryview: format %s not supported", format);
        return -1;
    }
    if (f[0] == 'c') {
        if (!PyBytes_Check(item) || PyBytes_GET_SIZE(item) != 1) {
            PyErr_Format(PyExc_ValueError, "memoryview: invalid value for format '%s'", format);
            return -1;
        }
        *p = PyBytes_AS_STRING(item)[0];
        return 0;
    }
    if (f[0] == 'f' || f[0] == 'd') {
        double d = PyFloat_AsDouble(item);
        if (d == -1.0 && PyErr_Occurred()) {
            return pack_error(item, format);
        }
        if (f[0] == 'f') {
            float x = (float)d;
            memcpy(p, &x, sizeof x);
        }
        else {
            memcpy(p, &d, sizeof d);
        }
        return 0;
    }
    if (f[0] == '?') {
        int t = PyObject_IsTrue(item);
        if (t < 0) {
            return -1;
        }
        *p = (char)t;
        return 0;
    }
    if (!PyLong_Check(item)) {
        PyErr_Format(PyExc_TypeError, "memoryview: invalid type for format '%s'", format);
        return -1;
    }
    int unsig = f[0] == 'B' || f[0] == 'H' || f[0] == 'I' || f[0] == 'L' || f[0] == 'Q' ||
                f[0] == 'N' || f[0] == 'P';
    long long lo = 0;
    unsigned long long hi = 0;
    switch (f[0]) {
    case 'b': lo = -128; hi = 127; break;
    case 'B': hi = 255; break;
    case 'h': lo = -32768; hi = 32767; break;
    case 'H': hi = 65535; break;
    case 'i': lo = INT_MIN; hi = INT_MAX; break;
    case 'I': hi = UINT_MAX; break;
    case 'l': lo = LONG_MIN; hi = LONG_MAX; break;
    case 'L': hi = ULONG_MAX; break;
    case 'q': case 'n': lo = LLONG_MIN; hi = LLONG_MAX; break;
    case 'Q': case 'N': case 'P': hi = ULLONG_MAX; break;
    default:
        PyErr_Format(PyExc_NotImplementedError, "memoryview: format %s not supported", format);
        return -1;
    }
    Py_ssize_t size = format_itemsize(f);
    if (unsig) {
        unsigned long long v = PyLong_AsUnsignedLongLong(item);
        if (v == (unsigned long long)-1 && PyErr_Occurred()) {
            PyErr_Clear();
            PyErr_Format(PyExc_ValueError, "memoryview: invalid value for format '%s'", format);
            return -1;
        }
        if (v > hi) {
            PyErr_Format(PyExc_ValueError, "memoryview: invalid value for format '%s'", format);
            return -1;
        }
        switch (size) {
        case 1: { unsigned char x = (unsigned char)v; memcpy(p, &x, 1); break; }
        case 2: { uint16_t x = (uint16_t)v; memcpy(p, &x, 2); break; }
        case 4: { uint32_t x = (uint32_t)v; memcpy(p, &x, 4); break; }
        default: { uint64_t x = (uint64_t)v; memcpy(p, &x, 8); break; }
        }
        return 0;
    }
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(item, &overflow);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (overflow || v < lo || (v > 0 && (unsigned long long)v > hi)) {
        PyErr_Format(PyExc_ValueError, "memoryview: invalid value for format '%s'", format);
        return -1;
    }
    switch (size) {
    case 1: { int8_t x = (int8_t)v; memcpy(p, &x, 1); break; }
    case 2: { int16_t x = (int16_t)v; memcpy(p, &x, 2); break; }
    case 4: { int32_t x = (int32_t)v; memcpy(p, &x, 4); break; }
    default: { int64_t x = (int64_t)v; memcpy(p, &x, 8); break; }
    }
    return 0;
}

static Py_ssize_t
memory_length_pinned(PyObject *op)
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, -1);
    return self->view.ndim == 0 ? 1 : self->view.shape[0];
}

MV_PINNED(memory_length, Py_ssize_t, -1, (PyObject *op), (op))

static char *
item_pointer(PyMemoryViewObject *self, Py_ssize_t index)
{
    Py_buffer *view = &self->view;
    Py_ssize_t nitems = view->shape[0];
    if (index < 0) {
        index += nitems;
    }
    if (index < 0 || index >= nitems) {
        PyErr_SetString(PyExc_IndexError, "index out of bounds on dimension 1");
        return NULL;
    }
    char *p = (char *)view->buf + view->strides[0] * index;
    if (view->suboffsets != NULL && view->suboffsets[0] >= 0) {
        p = *((char **)p) + view->suboffsets[0];
    }
    return p;
}

static PyObject *
memory_item_pinned(PyObject *op, Py_ssize_t index)
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, NULL);
    if (self->view.ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (self->view.ndim > 1) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "multi-dimensional sub-views are not implemented");
        return NULL;
    }
    char *p = item_pointer(self, index);
    if (p == NULL) {
        return NULL;
    }
    return unpack_item(p, self->view.format);
}

MV_PINNED(memory_item, PyObject *, NULL, (PyObject *op, Py_ssize_t index), (op, index))

static PyObject *
memory_subscript_pinned(PyObject *op, PyObject *key)
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, NULL);
    Py_buffer *view = &self->view;
    if (view->ndim == 0) {
        if (PyTuple_Check(key) && PyTuple_GET_SIZE(key) == 0) {
            return unpack_item(view->buf, view->format);
        }
        if (key == Py_Ellipsis) {
            return Py_NewRef(op);
        }
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (PyIndex_Check(key)) {
        Py_ssize_t index = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (index == -1 && PyErr_Occurred()) {
            return NULL;
        }
        return memory_item(op, index);
    }
    if (PySlice_Check(key)) {
        if (view->ndim > 1) {
            PyErr_SetString(PyExc_NotImplementedError,
                            "multi-dimensional slicing is not implemented");
            return NULL;
        }
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(key, &start, &stop, &step) < 0) {
            return NULL;
        }
        Py_ssize_t n = PySlice_AdjustIndices(view->shape[0], &start, &stop, step);
        PyMemoryViewObject *sliced = (PyMemoryViewObject *)memory_from_mbuf(self->mbuf, view);
        if (sliced == NULL) {
            return NULL;
        }
        sliced->view.buf = (char *)view->buf + start * view->strides[0];
        sliced->view.shape[0] = n;
        sliced->view.strides[0] = view->strides[0] * step;
        sliced->view.len = n * view->itemsize;
        init_flags(sliced);
        return (PyObject *)sliced;
    }
    if (key == Py_Ellipsis) {
        return Py_NewRef(op);
    }
    if (PyTuple_Check(key)) {
        PyErr_SetString(PyExc_NotImplementedError, "multi-dimensional slicing is not implemented");
        return NULL;
    }
    PyErr_SetString(PyExc_TypeError, "memoryview: invalid slice key");
    return NULL;
}

MV_PINNED(memory_subscript, PyObject *, NULL, (PyObject *op, PyObject *key), (op, key))

static int
memory_ass_sub_pinned(PyObject *op, PyObject *key, PyObject *value)
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, -1);
    Py_buffer *view = &self->view;
    if (view->readonly) {
        PyErr_SetString(PyExc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete memory");
        return -1;
    }
    if (view->ndim == 0) {
        if (key == Py_Ellipsis || (PyTuple_Check(key) && PyTuple_GET_SIZE(key) == 0)) {
            return pack_item(view->buf, value, view->format);
        }
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return -1;
    }
    if (view->ndim > 1) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "memoryview assignments are currently restricted to ndim = 1");
        return -1;
    }
    if (PyIndex_Check(key)) {
        Py_ssize_t index = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (index == -1 && PyErr_Occurred()) {
            return -1;
        }
        char *p = item_pointer(self, index);
        if (p == NULL) {
            return -1;
        }
        return pack_item(p, value, view->format);
    }
    if (PySlice_Check(key)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(key, &start, &stop, &step) < 0) {
            return -1;
        }
        Py_ssize_t n = PySlice_AdjustIndices(view->shape[0], &start, &stop, step);
        Py_buffer src;
        if (PyObject_GetBuffer(value, &src, PyBUF_FULL_RO) < 0) {
            return -1;
        }
        const char *sfmt = src.format ? src.format : "B";
        int r = 0;
        if (strcmp(fmt_char(sfmt), fmt_char(view->format)) != 0 ||
            src.itemsize != view->itemsize) {
            PyErr_SetString(PyExc_ValueError,
                            "memoryview assignment: lvalue and rvalue have different structures");
            r = -1;
        }
        else if (src.len / src.itemsize != n) {
            PyErr_SetString(PyExc_ValueError,
                            "memoryview assignment: lvalue and rvalue have different structures");
            r = -1;
        }
        else {
            char *tmp = PyMem_Malloc((size_t)src.len + 1);
            if (tmp == NULL) {
                PyErr_NoMemory();
                r = -1;
            }
            else {
                r = PyBuffer_ToContiguous(tmp, &src, src.len, 'C');
                for (Py_ssize_t i = 0; r == 0 && i < n; i++) {
                    memcpy((char *)view->buf + (start + i * step) * view->strides[0],
                           tmp + i * view->itemsize, (size_t)view->itemsize);
                }
                PyMem_Free(tmp);
            }
        }
        PyBuffer_Release(&src);
        return r;
    }
    PyErr_SetString(PyExc_TypeError, "memoryview: invalid slice key");
    return -1;
}

MV_PINNED(memory_ass_sub, int, -1, (PyObject *op, PyObject *key, PyObject *value), (op, key, value))

/* ---- conversions --------------------------------------------------------------------------- */

/* The view's bytes in C order.  New bytes. */
static PyObject *
memory_to_bytes_obj(PyMemoryViewObject *self)
{
    Py_buffer *view = &self->view;
    PyObject *res = PyBytes_FromStringAndSize(NULL, view->len);
    if (res == NULL) {
        return NULL;
    }
    if (view->len && PyBuffer_ToContiguous(PyBytes_AS_STRING(res), view, view->len, 'C') < 0) {
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

static PyObject *
memory_tobytes_pinned(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"order", NULL};
    const char *order = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|z:tobytes", kwlist, &order)) {
        return NULL;
    }
    CHECK_RELEASED(MV(op), NULL);
    return memory_to_bytes_obj(MV(op));
}

MV_PINNED(memory_tobytes, PyObject *, NULL,
          (PyObject *op, PyObject *args, PyObject *kwds),
          (op, args, kwds))

static PyObject *
memory_hex_pinned(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"sep", "bytes_per_sep", NULL};
    PyObject *sep = NULL;
    int bytes_per_sep = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Oi:hex", kwlist, &sep, &bytes_per_sep)) {
        return NULL;
    }
    CHECK_RELEASED(MV(op), NULL);
    PyObject *b = memory_to_bytes_obj(MV(op));
    if (b == NULL) {
        return NULL;
    }
    PyObject *res = _Py_strhex_with_sep(PyBytes_AS_STRING(b), PyBytes_GET_SIZE(b), sep,
                                        bytes_per_sep);
    Py_DECREF(b);
    return res;
}

MV_PINNED(memory_hex, PyObject *, NULL,
          (PyObject *op, PyObject *args, PyObject *kwds),
          (op, args, kwds))

static PyObject *
memory_tolist_pinned(PyObject *op, PyObject *Py_UNUSED(a))
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, NULL);
    Py_buffer *view = &self->view;
    if (view->ndim == 0) {
        return unpack_item(view->buf, view->format);
    }
    if (view->ndim > 1) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "tolist() only supports one-dimensional objects");
        return NULL;
    }
    Py_ssize_t n = view->shape[0];
    PyObject *list = PyList_New(n);
    if (list == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = unpack_item(item_pointer(self, i), view->format);
        if (item == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, item);
    }
    return list;
}

MV_PINNED(memory_tolist, PyObject *, NULL, (PyObject *op, PyObject *a), (op, a))

static PyObject *
memory_toreadonly_pinned(PyObject *op, PyObject *Py_UNUSED(a))
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, NULL);
    PyMemoryViewObject *mv = (PyMemoryViewObject *)memory_from_mbuf(self->mbuf, &self->view);
    if (mv != NULL) {
        mv->view.readonly = 1;
    }
    return (PyObject *)mv;
}

MV_PINNED(memory_toreadonly, PyObject *, NULL, (PyObject *op, PyObject *a), (op, a))

static PyObject *
memory_cast_pinned(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"format", "shape", NULL};
    PyObject *format, *shape = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|O:cast", kwlist, &format, &shape)) {
        return NULL;
    }
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, NULL);
    if (!(self->flags & _Py_MEMORYVIEW_C)) {
        PyErr_SetString(PyExc_TypeError, "memoryview: casts are restricted to C-contiguous views");
        return NULL;
    }
    const char *fmt = PyUnicode_AsUTF8(format);
    if (fmt == NULL) {
        return NULL;
    }
    Py_ssize_t itemsize = format_itemsize(fmt);
    if (itemsize < 0) {
        PyErr_SetString(PyExc_ValueError,
                        "memoryview: destination format must be a native single character "
                        "format prefixed with an optional '@'");
        return NULL;
    }
    const char *srcfmt = fmt_char(self->view.format);
    const char *dstfmt = fmt_char(fmt);
    int src_byte = strcmp(srcfmt, "B") == 0 || strcmp(srcfmt, "b") == 0 ||
                   strcmp(srcfmt, "c") == 0;
    int dst_byte = strcmp(dstfmt, "B") == 0 || strcmp(dstfmt, "b") == 0 ||
                   strcmp(dstfmt, "c") == 0;
    if (!src_byte && !dst_byte) {
        PyErr_SetString(PyExc_TypeError,
                        "memoryview: cannot cast between two non-byte formats");
        return NULL;
    }
    Py_ssize_t ndim = 1;
    Py_ssize_t dims[PyBUF_MAX_NDIM];
    if (shape != NULL) {
        PyObject *seq = PySequence_Fast(shape, "shape must be a list or a tuple");
        if (seq == NULL) {
            return NULL;
        }
        ndim = PySequence_Fast_GET_SIZE(seq);
        if (ndim > PyBUF_MAX_NDIM) {
            Py_DECREF(seq);
            PyErr_SetString(PyExc_ValueError,
                            "memoryview: number of dimensions must not exceed 64");
            return NULL;
        }
        Py_ssize_t prod = 1;
        for (Py_ssize_t i = 0; i < ndim; i++) {
            Py_ssize_t d = PyLong_AsSsize_t(PySequence_Fast_GET_ITEM(seq, i));
            if (d == -1 && PyErr_Occurred()) {
                Py_DECREF(seq);
                return NULL;
            }
            if (d <= 0) {
                Py_DECREF(seq);
                PyErr_SetString(PyExc_ValueError,
                                "memoryview.cast(): elements of shape must be integers > 0");
                return NULL;
            }
            dims[i] = d;
            prod *= d;
        }
        Py_DECREF(seq);
        if (prod * itemsize != self->view.len) {
            PyErr_SetString(PyExc_TypeError,
                            "memoryview: product(shape) * itemsize != buffer size");
            return NULL;
        }
    }
    else {
        if (self->view.len % itemsize) {
            PyErr_SetString(PyExc_TypeError, "memoryview: length is not a multiple of itemsize");
            return NULL;
        }
        dims[0] = self->view.len / itemsize;
    }
    PyMemoryViewObject *mv = memory_alloc((int)ndim);
    if (mv == NULL) {
        return NULL;
    }
    Py_buffer *dst = &mv->view;
    dst->obj = self->view.obj;
    dst->buf = self->view.buf;
    dst->len = self->view.len;
    dst->readonly = self->view.readonly;
    dst->itemsize = itemsize;
    /* The format string must outlive the view: keep the str alive in the interned table. */
    PyObject *interned = Py_NewRef(format);
    PyUnicode_InternInPlace(&interned);
    dst->format = (char *)PyUnicode_AsUTF8(interned);
    Py_DECREF(interned);
    for (Py_ssize_t i = 0; i < ndim; i++) {
        dst->shape[i] = dims[i];
    }
    PyBuffer_FillContiguousStrides((int)ndim, dst->shape, dst->strides, (int)itemsize, 'C');
    mv->mbuf = (_PyManagedBufferObject *)Py_NewRef(self->mbuf);
    mbuf_add_view(self->mbuf);
    init_flags(mv);
    PyObject_GC_Track(mv);
    return (PyObject *)mv;
}

MV_PINNED(memory_cast, PyObject *, NULL,
          (PyObject *op, PyObject *args, PyObject *kwds),
          (op, args, kwds))

/* ---- comparison and hashing ---------------------------------------------------------------- */

static PyObject *
memory_richcompare(PyObject *v, PyObject *w, int op)
{
    if (op != Py_EQ && op != Py_NE) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    int equal = 0;
    if (v == w) {
        equal = 1;
        goto done;
    }
    if (PyMemoryView_Check(v) && (mv_flags(MV(v)) & _Py_MEMORYVIEW_RELEASED)) {
        equal = 0;
        goto done;
    }
    if (PyMemoryView_Check(w) && (mv_flags(MV(w)) & _Py_MEMORYVIEW_RELEASED)) {
        equal = 0;
        goto done;
    }
    if (!PyObject_CheckBuffer(v) || !PyObject_CheckBuffer(w)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *lv = PyMemoryView_FromObject(v);
    if (lv == NULL) {
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *rv = PyMemoryView_FromObject(w);
    if (rv == NULL) {
        Py_DECREF(lv);
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_buffer *a = &MV(lv)->view, *b = &MV(rv)->view;
    if (a->ndim != b->ndim || (a->ndim == 1 && a->shape[0] != b->shape[0])) {
        equal = 0;
    }
    else if (a->ndim > 1) {
        equal = a->len == b->len;
        if (equal) {
            for (int i = 0; i < a->ndim; i++) {
                if (a->shape[i] != b->shape[i]) {
                    equal = 0;
                }
            }
        }
        if (equal) {
            PyObject *ba = memory_to_bytes_obj(MV(lv)), *bb = memory_to_bytes_obj(MV(rv));
            equal = ba && bb && memcmp(PyBytes_AS_STRING(ba), PyBytes_AS_STRING(bb),
                                       (size_t)a->len) == 0;
            Py_XDECREF(ba);
            Py_XDECREF(bb);
        }
    }
    else {
        /* Compare item by item using unpacked values (formats may differ). */
        Py_ssize_t n = a->ndim == 0 ? 1 : a->shape[0];
        equal = 1;
        int same_fmt = strcmp(fmt_char(a->format), fmt_char(b->format)) == 0;
        for (Py_ssize_t i = 0; i < n && equal; i++) {
            char *pa = a->ndim == 0 ? a->buf : item_pointer(MV(lv), i);
            char *pb = b->ndim == 0 ? b->buf : item_pointer(MV(rv), i);
            if (same_fmt && a->itemsize == b->itemsize) {
                equal = memcmp(pa, pb, (size_t)a->itemsize) == 0;
                if (!equal && (a->format[0] == 'f' || a->format[0] == 'd')) {
                    equal = 0;
                }
                continue;
            }
            PyObject *x = unpack_item(pa, a->format);
            PyObject *y = x ? unpack_item(pb, b->format) : NULL;
            if (x == NULL || y == NULL) {
                Py_XDECREF(x);
                Py_DECREF(lv);
                Py_DECREF(rv);
                if (PyErr_ExceptionMatches(PyExc_NotImplementedError)) {
                    PyErr_Clear();
                    Py_RETURN_NOTIMPLEMENTED;
                }
                return NULL;
            }
            int r = PyObject_RichCompareBool(x, y, Py_EQ);
            Py_DECREF(x);
            Py_DECREF(y);
            if (r < 0) {
                Py_DECREF(lv);
                Py_DECREF(rv);
                return NULL;
            }
            equal = r;
        }
    }
    Py_DECREF(lv);
    Py_DECREF(rv);
done:
    return PyBool_FromLong(op == Py_EQ ? equal : !equal);
}

static Py_hash_t
memory_hash_pinned(PyObject *op)
{
    PyMemoryViewObject *self = MV(op);
    Py_hash_t cached = FT_ATOMIC_LOAD_SSIZE_RELAXED(self->hash);
    if (cached != -1) {
        return cached;
    }
    CHECK_RELEASED(self, -1);
    if (!self->view.readonly) {
        PyErr_SetString(PyExc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    const char *f = fmt_char(self->view.format);
    if (strcmp(f, "B") != 0 && strcmp(f, "b") != 0 && strcmp(f, "c") != 0) {
        PyErr_SetString(PyExc_ValueError,
                        "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return -1;
    }
    if (self->view.obj != NULL && PyObject_Hash(self->view.obj) == -1) {
        return -1;
    }
    PyObject *b = memory_to_bytes_obj(self);
    if (b == NULL) {
        return -1;
    }
    Py_hash_t hash = _Py_HashBytes(PyBytes_AS_STRING(b), PyBytes_GET_SIZE(b));
    Py_DECREF(b);
    FT_ATOMIC_STORE_SSIZE_RELAXED(self->hash, hash);
    return hash;
}

MV_PINNED(memory_hash, Py_hash_t, -1, (PyObject *op), (op))

static PyObject *
memory_repr(PyObject *op)
{
    if (mv_flags(MV(op)) & _Py_MEMORYVIEW_RELEASED) {
        return PyUnicode_FromFormat("<released memory at %p>", op);
    }
    return PyUnicode_FromFormat("<memory at %p>", op);
}

/* ---- attributes ---------------------------------------------------------------------------- */

static PyObject *
tuple_of(const Py_ssize_t *a, int n)
{
    if (a == NULL) {
        return PyTuple_New(0);
    }
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(a[i]);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, v);
    }
    return t;
}

static PyObject *
memory_obj_get_pinned(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    if (MV(op)->view.obj == NULL) {
        Py_RETURN_NONE;
    }
    return Py_NewRef(MV(op)->view.obj);
}

MV_PINNED(memory_obj_get, PyObject *, NULL, (PyObject *op, void *c), (op, c))

static PyObject *
memory_nbytes_get_pinned(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    return PyLong_FromSsize_t(MV(op)->view.len);
}

MV_PINNED(memory_nbytes_get, PyObject *, NULL, (PyObject *op, void *c), (op, c))

static PyObject *
memory_readonly_get_pinned(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    return PyBool_FromLong(MV(op)->view.readonly);
}

MV_PINNED(memory_readonly_get, PyObject *, NULL, (PyObject *op, void *c), (op, c))

static PyObject *
memory_itemsize_get_pinned(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    return PyLong_FromSsize_t(MV(op)->view.itemsize);
}

MV_PINNED(memory_itemsize_get, PyObject *, NULL, (PyObject *op, void *c), (op, c))

static PyObject *
memory_format_get_pinned(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    return PyUnicode_FromString(MV(op)->view.format);
}

MV_PINNED(memory_format_get, PyObject *, NULL, (PyObject *op, void *c), (op, c))

static PyObject *
memory_ndim_get_pinned(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    return PyLong_FromLong(MV(op)->view.ndim);
}

MV_PINNED(memory_ndim_get, PyObject *, NULL, (PyObject *op, void *c), (op, c))

static PyObject *
memory_shape_get_pinned(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    return tuple_of(MV(op)->view.shape, MV(op)->view.ndim);
}

MV_PINNED(memory_shape_get, PyObject *, NULL, (PyObject *op, void *c), (op, c))

static PyObject *
memory_strides_get_pinned(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    return tuple_of(MV(op)->view.strides, MV(op)->view.ndim);
}

MV_PINNED(memory_strides_get, PyObject *, NULL, (PyObject *op, void *c), (op, c))

static PyObject *
memory_suboffsets_get_pinned(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    return tuple_of(MV(op)->view.suboffsets, MV(op)->view.ndim);
}

MV_PINNED(memory_suboffsets_get, PyObject *, NULL, (PyObject *op, void *c), (op, c))

static PyObject *
memory_c_contiguous_pinned(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    return PyBool_FromLong((MV(op)->flags & _Py_MEMORYVIEW_C) != 0);
}

MV_PINNED(memory_c_contiguous, PyObject *, NULL, (PyObject *op, void *c), (op, c))

static PyObject *
memory_f_contiguous_pinned(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    return PyBool_FromLong((MV(op)->flags & _Py_MEMORYVIEW_FORTRAN) != 0);
}

MV_PINNED(memory_f_contiguous, PyObject *, NULL, (PyObject *op, void *c), (op, c))

static PyObject *
memory_contiguous_pinned(PyObject *op, void *c)
{
    CHECK_RELEASED(MV(op), NULL);
    return PyBool_FromLong((MV(op)->flags & (_Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN)) != 0);
}

MV_PINNED(memory_contiguous, PyObject *, NULL, (PyObject *op, void *c), (op, c))

static PyGetSetDef memory_getsetlist[] = {
    {"obj", memory_obj_get, NULL, NULL, NULL},
    {"nbytes", memory_nbytes_get, NULL, NULL, NULL},
    {"readonly", memory_readonly_get, NULL, NULL, NULL},
    {"itemsize", memory_itemsize_get, NULL, NULL, NULL},
    {"format", memory_format_get, NULL, NULL, NULL},
    {"ndim", memory_ndim_get, NULL, NULL, NULL},
    {"shape", memory_shape_get, NULL, NULL, NULL},
    {"strides", memory_strides_get, NULL, NULL, NULL},
    {"suboffsets", memory_suboffsets_get, NULL, NULL, NULL},
    {"c_contiguous", memory_c_contiguous, NULL, NULL, NULL},
    {"f_contiguous", memory_f_contiguous, NULL, NULL, NULL},
    {"contiguous", memory_contiguous, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef memory_methods[] = {
    {"release", memory_release, METH_NOARGS, NULL},
    {"tobytes", _PyCFunction_CAST(memory_tobytes), METH_VARARGS | METH_KEYWORDS, NULL},
    {"hex", _PyCFunction_CAST(memory_hex), METH_VARARGS | METH_KEYWORDS, NULL},
    {"tolist", memory_tolist, METH_NOARGS, NULL},
    {"cast", _PyCFunction_CAST(memory_cast), METH_VARARGS | METH_KEYWORDS, NULL},
    {"toreadonly", memory_toreadonly, METH_NOARGS, NULL},
    {"__enter__", memory_enter, METH_NOARGS, NULL},
    {"__exit__", memory_exit, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyObject *
memory_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"object", NULL};
    PyObject *obj;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:memoryview", kwlist, &obj)) {
        return NULL;
    }
    return PyMemoryView_FromObject(obj);
}

static PyObject *
memory_iter_pinned(PyObject *op)
{
    PyMemoryViewObject *self = MV(op);
    CHECK_RELEASED(self, NULL);
    if (self->view.ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (self->view.ndim > 1) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "multi-dimensional sub-views are not implemented");
        return NULL;
    }
    /* Iterate over tolist(): simple and consistent with indexing. */
    PyObject *list = memory_tolist(op, NULL);
    if (list == NULL) {
        return NULL;
    }
    PyObject *it = PyObject_GetIter(list);
    Py_DECREF(list);
    return it;
}

MV_PINNED(memory_iter, PyObject *, NULL, (PyObject *op), (op))

static PySequenceMethods memory_as_sequence = {
    .sq_length = memory_length,
    .sq_item = memory_item,
};

static PyMappingMethods memory_as_mapping = {
    .mp_length = memory_length,
    .mp_subscript = memory_subscript,
    .mp_ass_subscript = memory_ass_sub,
};

PyTypeObject PyMemoryView_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "memoryview",
    .tp_basicsize = offsetof(PyMemoryViewObject, ob_array),
    .tp_itemsize = sizeof(Py_ssize_t),
    .tp_dealloc = memory_dealloc,
    .tp_repr = memory_repr,
    .tp_as_sequence = &memory_as_sequence,
    .tp_as_mapping = &memory_as_mapping,
    .tp_hash = memory_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &memory_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_SEQUENCE,
    .tp_traverse = memory_traverse,
    .tp_clear = memory_clear,
    .tp_richcompare = memory_richcompare,
    .tp_weaklistoffset = offsetof(PyMemoryViewObject, weakreflist),
    .tp_iter = memory_iter,
    .tp_methods = memory_methods,
    .tp_getset = memory_getsetlist,
    .tp_new = memory_new,
};
_Py_REGISTER_STATIC_TYPE(PyMemoryView_Type);
