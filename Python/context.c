/* Context variables (PEP 567): Context, ContextVar, Token, the C API of Include/context.h and
 * the builtin module _contextvars (Lib/contextvars.py re-exports it).
 *
 * A Context maps ContextVar -> value.  Its mapping is a dict that is never changed once a
 * context holds it: setting a variable builds a new dict (a copy with the change) and swaps it
 * in, so copying a context is O(1) (the copy shares the dict) and a reader can keep using the
 * dict it took.  Setting is O(number of variables), which stays small in practice (CPython's
 * HAMT makes it O(log n)).
 *
 * The current context of a thread is tstate->context (a strong reference, or NULL until the
 * thread first needs one: then an empty context is created and counts as entered).  Entering
 * a context pushes it: the context keeps the previous one in ctx_prev until it is exited.
 *
 * Concurrency (free-threaded build): only the thread that has a context entered sets its
 * variables, but any thread may read a context (ctx[var], ctx.items(), a copy) or try to enter
 * it.  The critical section of a context protects ctx_vars (the swap, and taking a reference
 * to the current dict), ctx_entered and ctx_prev; the critical section of a token protects
 * tok_used.  tstate->context is only touched by its own thread. */
#include "Python.h"
#include "context.h"
#include "pycore_modsupport.h"
#include "pycore_object.h"
#include "pycore_pystate.h"

struct _pycontextobject {
    PyObject_HEAD
    PyObject *ctx_vars;           /* dict ContextVar -> value, never mutated (see above) */
    PyContext *ctx_prev;          /* while entered: the context current before (owned) */
    int ctx_entered;
    PyObject *ctx_weakreflist;
};

struct _pycontextvarobject {
    PyObject_HEAD
    PyObject *var_name;           /* str */
    PyObject *var_default;        /* or NULL */
};

struct _pycontexttokenobject {
    PyObject_HEAD
    PyContext *tok_ctx;           /* the context the variable was set in */
    PyContextVar *tok_var;
    PyObject *tok_oldval;         /* the value before the set, or NULL if it had none */
    int tok_used;
};

/* ---- Token.MISSING: the old_value of a token whose variable had no value ---- */

static PyObject *
token_missing_repr(PyObject *self)
{
    return PyUnicode_FromString("<Token.MISSING>");
}

static PyTypeObject token_missing_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "Token.MISSING",
    .tp_basicsize = sizeof(PyObject),
    .tp_repr = token_missing_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};
_Py_REGISTER_STATIC_TYPE(token_missing_type);

static PyObject token_missing = _PyObject_HEAD_INIT(&token_missing_type);

/* ---- contexts ---- */

static PyContext *
context_alloc(PyObject *vars)     /* steals vars */
{
    PyContext *ctx = PyObject_GC_New(PyContext, &PyContext_Type);
    if (ctx == NULL) {
        Py_DECREF(vars);
        return NULL;
    }
    ctx->ctx_vars = vars;
    ctx->ctx_prev = NULL;
    ctx->ctx_entered = 0;
    ctx->ctx_weakreflist = NULL;
    PyObject_GC_Track(ctx);
    return ctx;
}

/* Return a new reference to ctx's mapping (a dict nobody changes). */
static PyObject *
context_vars(PyContext *ctx)
{
    PyObject *vars;
    Py_BEGIN_CRITICAL_SECTION(ctx);
    vars = Py_NewRef(ctx->ctx_vars);
    Py_END_CRITICAL_SECTION();
    return vars;
}

/* Set (value != NULL) or remove var in ctx by swapping in a changed copy of its mapping.
 * 0 or -1. */
static int
context_assign(PyContext *ctx, PyContextVar *var, PyObject *value)
{
    PyObject *vars = context_vars(ctx);
    PyObject *changed = PyDict_Copy(vars);
    Py_DECREF(vars);
    if (changed == NULL) {
        return -1;
    }
    int rc = value != NULL ? PyDict_SetItem(changed, (PyObject *)var, value)
                           : PyDict_Pop(changed, (PyObject *)var, NULL);
    if (rc < 0) {
        Py_DECREF(changed);
        return -1;
    }
    PyObject *old;
    Py_BEGIN_CRITICAL_SECTION(ctx);
    old = ctx->ctx_vars;
    ctx->ctx_vars = changed;
    Py_END_CRITICAL_SECTION();
    Py_DECREF(old);
    return 0;
}

/* The current context of tstate (borrowed: tstate->context owns it), created empty and
 * entered if the thread has none yet.  NULL on memory errors. */
static PyContext *
context_current(PyThreadState *tstate)
{
    PyContext *ctx = (PyContext *)tstate->context;
    if (ctx == NULL) {
        PyObject *vars = PyDict_New();
        ctx = vars != NULL ? context_alloc(vars) : NULL;
        if (ctx == NULL) {
            return NULL;
        }
        ctx->ctx_entered = 1;
        tstate->context = (PyObject *)ctx;
    }
    return ctx;
}

PyObject *
PyContext_New(void)
{
    PyObject *vars = PyDict_New();
    return vars != NULL ? (PyObject *)context_alloc(vars) : NULL;
}

PyObject *
PyContext_Copy(PyObject *ctx)
{
    if (!PyContext_CheckExact(ctx)) {
        PyErr_SetString(PyExc_TypeError, "an instance of Context was expected");
        return NULL;
    }
    return (PyObject *)context_alloc(context_vars((PyContext *)ctx));
}

PyObject *
PyContext_CopyCurrent(void)
{
    PyContext *ctx = context_current(_PyThreadState_GET());
    return ctx != NULL ? PyContext_Copy((PyObject *)ctx) : NULL;
}

int
PyContext_Enter(PyObject *octx)
{
    if (!PyContext_CheckExact(octx)) {
        PyErr_SetString(PyExc_TypeError, "an instance of Context was expected");
        return -1;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    PyContext *ctx = (PyContext *)octx;
    PyContext *prev = context_current(tstate);
    if (prev == NULL) {
        return -1;
    }
    int already;
    Py_BEGIN_CRITICAL_SECTION(ctx);
    already = ctx->ctx_entered;
    if (!already) {
        ctx->ctx_entered = 1;
        ctx->ctx_prev = prev;           /* takes over tstate's reference */
    }
    Py_END_CRITICAL_SECTION();
    if (already) {
        PyErr_Format(PyExc_RuntimeError, "cannot enter context: %R is already entered", ctx);
        return -1;
    }
    tstate->context = Py_NewRef((PyObject *)ctx);
    return 0;
}

int
PyContext_Exit(PyObject *octx)
{
    if (!PyContext_CheckExact(octx)) {
        PyErr_SetString(PyExc_TypeError, "an instance of Context was expected");
        return -1;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    PyContext *ctx = (PyContext *)octx;
    int entered, current;
    PyContext *prev = NULL;
    Py_BEGIN_CRITICAL_SECTION(ctx);
    entered = ctx->ctx_entered;
    current = tstate->context == (PyObject *)ctx;
    if (entered && current) {
        prev = ctx->ctx_prev;
        ctx->ctx_prev = NULL;
        ctx->ctx_entered = 0;
    }
    Py_END_CRITICAL_SECTION();
    if (!entered) {
        PyErr_Format(PyExc_RuntimeError, "cannot exit context: %R has not been entered", ctx);
        return -1;
    }
    if (!current) {
        PyErr_SetString(PyExc_RuntimeError, "cannot exit context: thread state references a "
                        "different context object");
        return -1;
    }
    tstate->context = (PyObject *)prev;  /* ctx_prev's reference moves to tstate */
    Py_DECREF(ctx);                     /* tstate's reference to ctx */
    return 0;
}

/* Check that key is a ContextVar (the keys of a Context).  0 or -1 with TypeError. */
static int
check_key(PyObject *key)
{
    if (!PyContextVar_CheckExact(key)) {
        PyErr_Format(PyExc_TypeError, "a ContextVar key was expected, got %R", key);
        return -1;
    }
    return 0;
}

static PyObject *
context_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) != 0 || (kwds != NULL && PyDict_GET_SIZE(kwds) != 0)) {
        PyErr_SetString(PyExc_TypeError, "Context() does not accept any arguments");
        return NULL;
    }
    return PyContext_New();
}

static int
context_tp_traverse(PyContext *ctx, visitproc visit, void *arg)
{
    Py_VISIT(ctx->ctx_vars);
    Py_VISIT(ctx->ctx_prev);
    return 0;
}

static int
context_tp_clear(PyContext *ctx)
{
    Py_CLEAR(ctx->ctx_prev);
    Py_CLEAR(ctx->ctx_vars);
    return 0;
}

static void
context_tp_dealloc(PyContext *ctx)
{
    PyObject_GC_UnTrack(ctx);
    if (ctx->ctx_weakreflist != NULL) {
        PyObject_ClearWeakRefs((PyObject *)ctx);
    }
    context_tp_clear(ctx);
    PyObject_GC_Del(ctx);
}

static PyObject *
context_tp_iter(PyContext *ctx)
{
    PyObject *vars = context_vars(ctx);
    PyObject *it = PyObject_GetIter(vars);
    Py_DECREF(vars);
    return it;
}

static PyObject *
context_tp_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyContext_CheckExact(a) || !PyContext_CheckExact(b) || (op != Py_EQ && op != Py_NE)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PyObject *va = context_vars((PyContext *)a);
    PyObject *vb = context_vars((PyContext *)b);
    PyObject *res = PyObject_RichCompare(va, vb, op);
    Py_DECREF(va);
    Py_DECREF(vb);
    return res;
}

static Py_ssize_t
context_tp_len(PyContext *ctx)
{
    PyObject *vars = context_vars(ctx);
    Py_ssize_t n = PyDict_GET_SIZE(vars);
    Py_DECREF(vars);
    return n;
}

/* 1 with a new reference in *value if key has a value in ctx, 0 if not, -1 on error. */
static int
context_lookup(PyContext *ctx, PyObject *key, PyObject **value)
{
    if (check_key(key) < 0) {
        *value = NULL;
        return -1;
    }
    PyObject *vars = context_vars(ctx);
    int rc = PyDict_GetItemRef(vars, key, value);
    Py_DECREF(vars);
    return rc;
}

static PyObject *
context_tp_subscript(PyContext *ctx, PyObject *key)
{
    PyObject *value;
    int rc = context_lookup(ctx, key, &value);
    if (rc == 0) {
        PyErr_SetObject(PyExc_KeyError, key);
    }
    return value;
}

static int
context_tp_contains(PyContext *ctx, PyObject *key)
{
    PyObject *value;
    int rc = context_lookup(ctx, key, &value);
    Py_XDECREF(value);
    return rc;
}

/* Context.get(key, default=None) */
static PyObject *
context_get(PyContext *ctx, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("get", nargs, 1, 2)) {
        return NULL;
    }
    PyObject *value;
    int rc = context_lookup(ctx, args[0], &value);
    if (rc == 0) {
        return Py_NewRef(nargs > 1 ? args[1] : Py_None);
    }
    return value;
}

/* Context.run(callable, *args, **kwargs): call in this context, entered. */
static PyObject *
context_run(PyContext *ctx, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError, "run() missing 1 required positional argument");
        return NULL;
    }
    if (PyContext_Enter((PyObject *)ctx) < 0) {
        return NULL;
    }
    PyObject *res = PyObject_Vectorcall(args[0], args + 1, nargs - 1, kwnames);
    if (PyContext_Exit((PyObject *)ctx) < 0) {
        Py_XDECREF(res);
        return NULL;
    }
    return res;
}

static PyObject *
context_copy(PyContext *ctx, PyObject *unused)
{
    return PyContext_Copy((PyObject *)ctx);
}

/* keys(), values(), items(): the views of the mapping (which never changes). */
static PyObject *
context_view(PyContext *ctx, const char *method)
{
    PyObject *vars = context_vars(ctx);
    PyObject *view = PyObject_CallMethod(vars, method, NULL);
    Py_DECREF(vars);
    return view;
}

static PyObject *
context_keys(PyContext *ctx, PyObject *unused)
{
    return context_view(ctx, "keys");
}

static PyObject *
context_values(PyContext *ctx, PyObject *unused)
{
    return context_view(ctx, "values");
}

static PyObject *
context_items(PyContext *ctx, PyObject *unused)
{
    return context_view(ctx, "items");
}

static PyMethodDef context_methods[] = {
    {"run", (PyCFunction)(void (*)(void))context_run, METH_FASTCALL | METH_KEYWORDS,
     "run($self, callable, /, *args, **kwargs)\n--\n\n"
     "Call callable(*args, **kwargs) in this context."},
    {"copy", (PyCFunction)context_copy, METH_NOARGS,
     "copy($self, /)\n--\n\nReturn a shallow copy of the context object."},
    {"get", (PyCFunction)(void (*)(void))context_get, METH_FASTCALL,
     "get($self, key, default=None, /)\n--\n\n"
     "Return the value for `key` if `key` has the value in the context object."},
    {"keys", (PyCFunction)context_keys, METH_NOARGS,
     "keys($self, /)\n--\n\nReturn all variables in the context object."},
    {"values", (PyCFunction)context_values, METH_NOARGS,
     "values($self, /)\n--\n\nReturn all variables' values in the context object."},
    {"items", (PyCFunction)context_items, METH_NOARGS,
     "items($self, /)\n--\n\nReturn all variables and their values in the context object."},
    {NULL, NULL, 0, NULL},
};

static PyMappingMethods context_as_mapping = {
    .mp_length = (lenfunc)context_tp_len,
    .mp_subscript = (binaryfunc)context_tp_subscript,
};

static PySequenceMethods context_as_sequence = {
    .sq_contains = (objobjproc)context_tp_contains,
};

PyTypeObject PyContext_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_contextvars.Context",
    .tp_basicsize = sizeof(PyContext),
    .tp_dealloc = (destructor)context_tp_dealloc,
    .tp_as_sequence = &context_as_sequence,
    .tp_as_mapping = &context_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)context_tp_traverse,
    .tp_clear = (inquiry)context_tp_clear,
    .tp_richcompare = context_tp_richcompare,
    .tp_weaklistoffset = offsetof(PyContext, ctx_weakreflist),
    .tp_iter = (getiterfunc)context_tp_iter,
    .tp_methods = context_methods,
    .tp_new = context_tp_new,
};
_Py_REGISTER_STATIC_TYPE(PyContext_Type);

/* ---- context variables ---- */

static PyContextVar *
contextvar_alloc(PyObject *name, PyObject *default_value)
{
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "context variable name must be a str");
        return NULL;
    }
    PyContextVar *var = PyObject_GC_New(PyContextVar, &PyContextVar_Type);
    if (var == NULL) {
        return NULL;
    }
    var->var_name = Py_NewRef(name);
    var->var_default = Py_XNewRef(default_value);
    PyObject_GC_Track(var);
    return var;
}

PyObject *
PyContextVar_New(const char *name, PyObject *default_value)
{
    PyObject *pyname = PyUnicode_FromString(name);
    if (pyname == NULL) {
        return NULL;
    }
    PyObject *var = (PyObject *)contextvar_alloc(pyname, default_value);
    Py_DECREF(pyname);
    return var;
}

static int
check_var(PyObject *var)
{
    if (!PyContextVar_CheckExact(var)) {
        PyErr_SetString(PyExc_TypeError, "an instance of ContextVar was expected");
        return -1;
    }
    return 0;
}

int
PyContextVar_Get(PyObject *var, PyObject *default_value, PyObject **value)
{
    *value = NULL;
    if (check_var(var) < 0) {
        return -1;
    }
    PyContext *ctx = (PyContext *)_PyThreadState_GET()->context;
    if (ctx != NULL) {
        int rc = context_lookup(ctx, var, value);
        if (rc != 0) {
            return rc < 0 ? -1 : 0;
        }
    }
    if (default_value == NULL) {
        default_value = ((PyContextVar *)var)->var_default;
    }
    *value = Py_XNewRef(default_value);
    return 0;
}

PyObject *
PyContextVar_Set(PyObject *ovar, PyObject *value)
{
    if (check_var(ovar) < 0) {
        return NULL;
    }
    PyContextVar *var = (PyContextVar *)ovar;
    PyContext *ctx = context_current(_PyThreadState_GET());
    if (ctx == NULL) {
        return NULL;
    }
    PyObject *old;
    if (context_lookup(ctx, ovar, &old) < 0) {
        return NULL;
    }
    PyContextToken *token = PyObject_GC_New(PyContextToken, &PyContextToken_Type);
    if (token == NULL) {
        Py_XDECREF(old);
        return NULL;
    }
    token->tok_ctx = (PyContext *)Py_NewRef(ctx);
    token->tok_var = (PyContextVar *)Py_NewRef(var);
    token->tok_oldval = old;
    token->tok_used = 0;
    PyObject_GC_Track(token);
    if (context_assign(ctx, var, value) < 0) {
        Py_DECREF(token);
        return NULL;
    }
    return (PyObject *)token;
}

int
PyContextVar_Reset(PyObject *ovar, PyObject *otoken)
{
    if (check_var(ovar) < 0) {
        return -1;
    }
    if (!PyContextToken_CheckExact(otoken)) {
        PyErr_Format(PyExc_TypeError, "expected an instance of Token, got %R", otoken);
        return -1;
    }
    PyContextToken *token = (PyContextToken *)otoken;
    int used;
    Py_BEGIN_CRITICAL_SECTION(token);
    used = token->tok_used;
    Py_END_CRITICAL_SECTION();
    if (used) {
        PyErr_Format(PyExc_RuntimeError, "%R has already been used once", token);
        return -1;
    }
    if (token->tok_var != (PyContextVar *)ovar) {
        PyErr_Format(PyExc_ValueError, "%R was created by a different ContextVar", token);
        return -1;
    }
    PyContext *ctx = context_current(_PyThreadState_GET());
    if (ctx == NULL) {
        return -1;
    }
    if (token->tok_ctx != ctx) {
        PyErr_Format(PyExc_ValueError, "%R was created in a different Context", token);
        return -1;
    }
    Py_BEGIN_CRITICAL_SECTION(token);
    used = token->tok_used;
    token->tok_used = 1;
    Py_END_CRITICAL_SECTION();
    if (used) {
        PyErr_Format(PyExc_RuntimeError, "%R has already been used once", token);
        return -1;
    }
    return context_assign(ctx, token->tok_var, token->tok_oldval);
}

static PyObject *
contextvar_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "default", NULL};
    PyObject *name, *default_value = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|$O:ContextVar", kwlist, &name,
                                     &default_value)) {
        return NULL;
    }
    return (PyObject *)contextvar_alloc(name, default_value);
}

static int
contextvar_tp_traverse(PyContextVar *var, visitproc visit, void *arg)
{
    Py_VISIT(var->var_name);
    Py_VISIT(var->var_default);
    return 0;
}

static int
contextvar_tp_clear(PyContextVar *var)
{
    Py_CLEAR(var->var_name);
    Py_CLEAR(var->var_default);
    return 0;
}

static void
contextvar_tp_dealloc(PyContextVar *var)
{
    PyObject_GC_UnTrack(var);
    contextvar_tp_clear(var);
    PyObject_GC_Del(var);
}

static Py_hash_t
contextvar_tp_hash(PyContextVar *var)
{
    return _Py_HashPointer(var);
}

static PyObject *
contextvar_tp_repr(PyContextVar *var)
{
    if (var->var_default != NULL) {
        return PyUnicode_FromFormat("<ContextVar name=%R default=%R at %p>", var->var_name,
                                    var->var_default, var);
    }
    return PyUnicode_FromFormat("<ContextVar name=%R at %p>", var->var_name, var);
}

/* ContextVar.get([default]) */
static PyObject *
contextvar_get(PyContextVar *var, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("get", nargs, 0, 1)) {
        return NULL;
    }
    PyObject *value;
    if (PyContextVar_Get((PyObject *)var, nargs ? args[0] : NULL, &value) < 0) {
        return NULL;
    }
    if (value == NULL) {
        PyErr_SetObject(PyExc_LookupError, (PyObject *)var);
    }
    return value;
}

static PyObject *
contextvar_set(PyContextVar *var, PyObject *value)
{
    return PyContextVar_Set((PyObject *)var, value);
}

static PyObject *
contextvar_reset(PyContextVar *var, PyObject *token)
{
    if (PyContextVar_Reset((PyObject *)var, token) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef contextvar_methods[] = {
    {"get", (PyCFunction)(void (*)(void))contextvar_get, METH_FASTCALL,
     "get($self, default=<unrepresentable>, /)\n--\n\n"
     "Return a value for the context variable for the current context."},
    {"set", (PyCFunction)contextvar_set, METH_O,
     "set($self, value, /)\n--\n\n"
     "Call to set a new value for the context variable in the current context."},
    {"reset", (PyCFunction)contextvar_reset, METH_O,
     "reset($self, token, /)\n--\n\n"
     "Reset the context variable to the value it had before the set() that made token."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef contextvar_members[] = {
    {"name", Py_T_OBJECT_EX, offsetof(PyContextVar, var_name), Py_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject PyContextVar_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_contextvars.ContextVar",
    .tp_basicsize = sizeof(PyContextVar),
    .tp_dealloc = (destructor)contextvar_tp_dealloc,
    .tp_repr = (reprfunc)contextvar_tp_repr,
    .tp_hash = (hashfunc)contextvar_tp_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)contextvar_tp_traverse,
    .tp_clear = (inquiry)contextvar_tp_clear,
    .tp_methods = contextvar_methods,
    .tp_members = contextvar_members,
    .tp_new = contextvar_tp_new,
};
_Py_REGISTER_STATIC_TYPE(PyContextVar_Type);

/* ---- tokens ---- */

static PyObject *
token_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyErr_SetString(PyExc_RuntimeError, "Tokens can only be created by ContextVars");
    return NULL;
}

static int
token_tp_traverse(PyContextToken *token, visitproc visit, void *arg)
{
    Py_VISIT(token->tok_ctx);
    Py_VISIT(token->tok_var);
    Py_VISIT(token->tok_oldval);
    return 0;
}

static int
token_tp_clear(PyContextToken *token)
{
    Py_CLEAR(token->tok_ctx);
    Py_CLEAR(token->tok_var);
    Py_CLEAR(token->tok_oldval);
    return 0;
}

static void
token_tp_dealloc(PyContextToken *token)
{
    PyObject_GC_UnTrack(token);
    token_tp_clear(token);
    PyObject_GC_Del(token);
}

static PyObject *
token_tp_repr(PyContextToken *token)
{
    return PyUnicode_FromFormat("<Token%s var=%R at %p>", token->tok_used ? " used" : "",
                                token->tok_var, token);
}

static PyObject *
token_get_var(PyContextToken *token, void *closure)
{
    return Py_NewRef(token->tok_var);
}

static PyObject *
token_get_old_value(PyContextToken *token, void *closure)
{
    return Py_NewRef(token->tok_oldval != NULL ? token->tok_oldval : &token_missing);
}

static PyGetSetDef token_getset[] = {
    {"var", (getter)token_get_var, NULL, NULL, NULL},
    {"old_value", (getter)token_get_old_value, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef token_methods[] = {
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyContextToken_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_contextvars.Token",
    .tp_basicsize = sizeof(PyContextToken),
    .tp_dealloc = (destructor)token_tp_dealloc,
    .tp_repr = (reprfunc)token_tp_repr,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)token_tp_traverse,
    .tp_clear = (inquiry)token_tp_clear,
    .tp_methods = token_methods,
    .tp_getset = token_getset,
    .tp_new = token_tp_new,
};
_Py_REGISTER_STATIC_TYPE(PyContextToken_Type);

/* ---- the _contextvars module ---- */

static PyObject *
contextvars_copy_context(PyObject *module, PyObject *unused)
{
    return PyContext_CopyCurrent();
}

static PyMethodDef contextvars_functions[] = {
    {"copy_context", contextvars_copy_context, METH_NOARGS,
     "copy_context($module, /)\n--\n\nReturn a copy of the current context."},
    {NULL, NULL, 0, NULL},
};

static int
contextvars_exec(PyObject *module)
{
    /* Token.MISSING is a class attribute of a static type: added once, then unchanged. */
    PyObject *token_dict = PyContextToken_Type.tp_dict;
    PyObject *missing = NULL;
    if (PyDict_SetDefaultRef(token_dict, _Py_ID(MISSING), &token_missing, &missing) < 0) {
        return -1;
    }
    Py_DECREF(missing);
    PyType_Modified(&PyContextToken_Type);
    if (PyModule_AddType(module, &PyContext_Type) < 0 ||
        PyModule_AddType(module, &PyContextVar_Type) < 0 ||
        PyModule_AddType(module, &PyContextToken_Type) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot contextvars_slots[] = {
    {Py_mod_exec, contextvars_exec},
    {Py_mod_multiple_interpreters, Py_MOD_PER_INTERPRETER_GIL_SUPPORTED},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef contextvars_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_contextvars",
    .m_doc = "Context Variables",
    .m_size = 0,
    .m_methods = contextvars_functions,
    .m_slots = contextvars_slots,
};

PyMODINIT_FUNC
PyInit__contextvars(void)
{
    return PyModuleDef_Init(&contextvars_module);
}
