/* The evaluation loop: executes code objects (DESIGN.md §6).
 *
 * One C function, _PyEval_EvalFrameDefault, runs a chain of Python frames.  A call from
 * Python to a Python function pushes the callee's frame on the thread's data stack
 * (pycore_frame.h) and continues in the same C loop; a return pops it and resumes the
 * caller.  So Python recursion costs no C stack and is bounded only by the recursion limit.
 * Generators and coroutines resumed by FOR_ITER or SEND (for loops, yield from, await) run
 * the same way: their frame is linked on top and returns here on yield or return
 * (frame->return_offset tells where the caller continues).  The C function is re-entered
 * only when C code calls back into Python (a slot, a builtin taking a callback, next() on a
 * generator); each such entry is an "entry frame" and counts against the C recursion
 * limit.
 *
 * Dispatch is by computed goto (one indirect jump per instruction, at the end of each
 * instruction) when the compiler supports it, else a switch.  The value stack holds strong
 * references; the frame's stack pointer is kept in a local and written back to the frame
 * (stacktop) when the frame is left: calls into Python, yields, returns and exceptions.
 *
 * Exceptions unwind through the code object's exception table (zero-cost: nothing is done
 * on entering a try block).  Every frame an exception passes through gets a traceback entry
 * (PyTraceBack_Here) unless it is re-raised by RERAISE.
 *
 * sys.settrace/setprofile: frame entry and exit check for a trace function; line events
 * switch the dispatch table of a traced frame to one that reports before each instruction,
 * so untraced code pays nothing per instruction.
 *
 * Thread safety: the loop touches only its own thread's frames and objects it holds
 * references to; shared mutable objects are changed through their own APIs, which lock.
 * Nothing is cached in the bytecode (no specialization yet), so the free-threaded build
 * needs nothing more here. */

/* Py_DECREF always inlined here (Include/object.h): GCC's growth limits made it call an
 * outlined copy at hot sites of the eval loop (deltablue: 10 million calls, +1.5% of its
 * instructions in the free-threaded build, whose Py_DECREF is larger). */
#define _Py_DECREF_ALWAYS_INLINE
#include "Python.h"
#include "pycore_pyatomic_ft_wrappers.h"
#include "pycore_critical_section.h"
#include "pycore_ceval.h"
#include "pycore_code.h"
#include "pycore_dict.h"
#include "pycore_frame.h"
#include "pycore_function.h"
#include "pycore_genobject.h"
#include "pycore_import.h"
#include "pycore_list.h"
#include "pycore_long.h"
#include "pycore_opcode.h"
#include "pycore_pystate.h"
#include "pycore_tuple.h"
#include "pycore_typeobject.h"
#include "pycore_unicodeobject.h"

#include <stddef.h>

#if defined(__GNUC__) || defined(__clang__)
#  ifndef USE_COMPUTED_GOTOS
#    define USE_COMPUTED_GOTOS 1
#  endif
#else
#  undef USE_COMPUTED_GOTOS
#  define USE_COMPUTED_GOTOS 0
#endif

/* ---- recursion checks ------------------------------------------------------------------ */

/* Called when c_recursion_remaining dropped to zero or below.  While a RecursionError is
 * being created (recursion_headroom) a little more depth is allowed. */
int
_Py_CheckRecursiveCall(PyThreadState *tstate, const char *where)
{
    if (tstate->recursion_headroom) {
        if (tstate->c_recursion_remaining < -50) {
            Py_FatalError("Cannot recover from stack overflow.");
        }
        return 0;
    }
    /* The caller will not call Leave on failure: undo its decrement. */
    tstate->c_recursion_remaining++;
    tstate->recursion_headroom++;
    PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded%s", where);
    tstate->recursion_headroom--;
    return -1;
}

/* Called when py_recursion_remaining was zero or below on entering a Python frame.  The
 * caller leaves the frame through the normal exit path, which restores the count. */
int
_Py_CheckRecursivePy(PyThreadState *tstate)
{
    if (tstate->recursion_headroom) {
        if (tstate->py_recursion_remaining < -50) {
            Py_FatalError("Cannot recover from Python stack overflow.");
        }
        return 0;
    }
    tstate->recursion_headroom++;
    PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
    tstate->recursion_headroom--;
    return -1;
}

int
Py_EnterRecursiveCall(const char *where)
{
    return _Py_EnterRecursiveCallTstate(_PyThreadState_GET(), where);
}

void
Py_LeaveRecursiveCall(void)
{
    _Py_LeaveRecursiveCallTstate(_PyThreadState_GET());
}

/* ---- small helpers --------------------------------------------------------------------- */

/* Raise exc with format_str % obj, and set the NameError's name attribute. */
void
_PyEval_FormatExcCheckArg(PyThreadState *tstate, PyObject *exc, const char *format_str,
                          PyObject *obj)
{
    (void)tstate;
    if (obj == NULL) {
        return;
    }
    const char *name = PyUnicode_AsUTF8(obj);
    if (name == NULL) {
        return;
    }
    PyErr_Format(exc, format_str, name);
    if (exc == PyExc_NameError) {
        PyObject *raised = PyErr_GetRaisedException();
        if (raised != NULL && PyErr_GivenExceptionMatches(raised, PyExc_NameError)) {
            if (PyObject_SetAttr(raised, _Py_ID(name), obj) < 0) {
                PyErr_Clear();
            }
        }
        PyErr_SetRaisedException(raised);
    }
}

#define NAME_ERROR_MSG "name '%.200s' is not defined"
#define UNBOUNDLOCAL_ERROR_MSG \
    "cannot access local variable '%s' where it is not associated with a value"
#define UNBOUNDFREE_ERROR_MSG \
    "cannot access free variable '%s' where it is not associated with a value" \
    " in enclosing scope"

static void
format_unbound_local(PyThreadState *tstate, PyCodeObject *co, int oparg)
{
    PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, oparg);
    _PyEval_FormatExcCheckArg(tstate, PyExc_UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG, name);
}

static void
format_unbound_deref(PyThreadState *tstate, PyCodeObject *co, int oparg)
{
    PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, oparg);
    unsigned char kind = (unsigned char)PyBytes_AS_STRING(co->co_localspluskinds)[oparg];
    if (kind & CO_FAST_FREE) {
        _PyEval_FormatExcCheckArg(tstate, PyExc_NameError, UNBOUNDFREE_ERROR_MSG, name);
    }
    else {
        _PyEval_FormatExcCheckArg(tstate, PyExc_UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG,
                                  name);
    }
}

/* A new reference to func's qualified name, for an error message.  Another thread may assign
 * __qualname__ meanwhile: the name it replaces is released only after a grace period, and
 * nothing between this load and the increment can pass a quiescent point. */
static PyObject *
function_qualname(PyFunctionObject *func)
{
    return Py_NewRef(FT_ATOMIC_LOAD_PTR_ACQUIRE(func->func_qualname));
}

/* Raise TypeError "<func's qualified name><message>". */
static void
function_type_error(PyFunctionObject *func, const char *format, ...)
{
    PyObject *qualname = function_qualname(func);
    va_list vargs;
    va_start(vargs, format);
    PyObject *message = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    if (message != NULL) {
        PyErr_Format(PyExc_TypeError, "%U%U", qualname, message);
        Py_DECREF(message);
    }
    Py_DECREF(qualname);
}

/* Return a new reference to str of "func()" for error messages (the function's qualified
 * name for Python functions). */
static PyObject *
callable_description(PyObject *func)
{
    if (PyFunction_Check(func)) {
        PyObject *qualname = function_qualname((PyFunctionObject *)func);
        PyObject *res = PyUnicode_FromFormat("%U()", qualname);
        Py_DECREF(qualname);
        return res;
    }
    if (PyMethod_Check(func)) {
        return callable_description(PyMethod_GET_FUNCTION(func));
    }
    return _PyObject_FunctionStr(func);
}

/* ---- argument binding ------------------------------------------------------------------ */

/* Append "'a'", "'a' and 'b'", "'a', 'b', and 'c'" to make the missing-argument list. */
static PyObject *
format_name_list(PyObject *names)
{
    Py_ssize_t n = PyList_GET_SIZE(names);
    if (n == 1) {
        return PyUnicode_FromFormat("'%U'", PyList_GET_ITEM(names, 0));
    }
    if (n == 2) {
        return PyUnicode_FromFormat("'%U' and '%U'", PyList_GET_ITEM(names, 0),
                                    PyList_GET_ITEM(names, 1));
    }
    PyObject *result = PyUnicode_FromString("");
    for (Py_ssize_t i = 0; result != NULL && i < n; i++) {
        PyObject *piece;
        if (i == n - 1) {
            piece = PyUnicode_FromFormat("and '%U'", PyList_GET_ITEM(names, i));
        }
        else {
            piece = PyUnicode_FromFormat("'%U', ", PyList_GET_ITEM(names, i));
        }
        if (piece == NULL) {
            Py_CLEAR(result);
            break;
        }
        Py_SETREF(result, PyUnicode_Concat(result, piece));
        Py_DECREF(piece);
    }
    return result;
}

/* "f() missing 2 required positional arguments: 'a' and 'b'" */
static void
missing_arguments(PyFunctionObject *func, PyCodeObject *co, Py_ssize_t start, Py_ssize_t end,
                  int positional, PyObject **localsplus, PyObject *defaults_source)
{
    PyObject *names = PyList_New(0);
    if (names == NULL) {
        return;
    }
    for (Py_ssize_t i = start; i < end; i++) {
        if (localsplus[i] != NULL) {
            continue;
        }
        PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
        if (defaults_source != NULL) {
            int has = PyDict_Contains(defaults_source, name);
            if (has < 0) {
                Py_DECREF(names);
                return;
            }
            if (has) {
                continue;
            }
        }
        if (PyList_Append(names, name) < 0) {
            Py_DECREF(names);
            return;
        }
    }
    Py_ssize_t missing = PyList_GET_SIZE(names);
    PyObject *listed = format_name_list(names);
    Py_DECREF(names);
    if (listed == NULL) {
        return;
    }
    function_type_error(func, "() missing %zd required %s argument%s: %U", missing,
                        positional ? "positional" : "keyword-only", missing == 1 ? "" : "s",
                        listed);
    Py_DECREF(listed);
}

/* "f() takes 2 positional arguments but 3 were given" */
static void
too_many_positional(PyFunctionObject *func, PyCodeObject *co, Py_ssize_t defcount,
                    Py_ssize_t given, PyObject **localsplus)
{
    Py_ssize_t co_argcount = co->co_argcount;
    Py_ssize_t kwonly_given = 0;
    for (Py_ssize_t i = co_argcount; i < co_argcount + co->co_kwonlyargcount; i++) {
        if (localsplus[i] != NULL) {
            kwonly_given++;
        }
    }
    PyObject *sig;
    int plural;
    if (defcount) {
        sig = PyUnicode_FromFormat("from %zd to %zd", co_argcount - defcount, co_argcount);
        plural = 1;
    }
    else {
        sig = PyUnicode_FromFormat("%zd", co_argcount);
        plural = co_argcount != 1;
    }
    if (sig == NULL) {
        return;
    }
    PyObject *kwonly_sig;
    if (kwonly_given) {
        kwonly_sig = PyUnicode_FromFormat(
            " positional argument%s (and %zd keyword-only argument%s)", given != 1 ? "s" : "",
            kwonly_given, kwonly_given != 1 ? "s" : "");
    }
    else {
        kwonly_sig = PyUnicode_FromString("");
    }
    if (kwonly_sig == NULL) {
        Py_DECREF(sig);
        return;
    }
    function_type_error(func, "() takes %U positional argument%s but %zd%U %s given", sig,
                        plural ? "s" : "", given, kwonly_sig,
                        given == 1 && !kwonly_given ? "was" : "were");
    Py_DECREF(sig);
    Py_DECREF(kwonly_sig);
}

/* Positional-only parameters passed by keyword (no **kwargs to absorb them): raise and
 * return 1; return 0 if none was; -1 on another error. */
static int
positional_only_passed_as_keyword(PyFunctionObject *func, PyCodeObject *co, PyObject *kwnames)
{
    PyObject *names = PyList_New(0);
    if (names == NULL) {
        return -1;
    }
    for (int k = 0; k < co->co_posonlyargcount; k++) {
        PyObject *posonly = PyTuple_GET_ITEM(co->co_localsplusnames, k);
        for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(kwnames); j++) {
            PyObject *kw = PyTuple_GET_ITEM(kwnames, j);
            int eq = PyObject_RichCompareBool(posonly, kw, Py_EQ);
            if (eq < 0) {
                Py_DECREF(names);
                return -1;
            }
            if (eq) {
                if (PyList_Append(names, kw) < 0) {
                    Py_DECREF(names);
                    return -1;
                }
                break;
            }
        }
    }
    if (PyList_GET_SIZE(names) == 0) {
        Py_DECREF(names);
        return 0;
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *joined = sep == NULL ? NULL : PyUnicode_Join(sep, names);
    Py_XDECREF(sep);
    Py_DECREF(names);
    if (joined == NULL) {
        return -1;
    }
    function_type_error(func,
                        "() got some positional-only arguments passed as keyword arguments: '%U'",
                        joined);
    Py_DECREF(joined);
    return 1;
}

/* Fill the keyword-only parameters left empty from kwdefaults (borrowed: func's, loaded
 * by the caller; may be NULL).  The dict gets a reference of its own before its first lookup,
 * which may wait for the dict's lock: a waiting thread is quiescent, so a __kwdefaults__
 * replaced meanwhile could be freed under it.  Out of line: its reference counting, inlined
 * through push_frame_and_init, made GCC outline Py_DECREF in the eval loop.  0 or -1. */
static Py_NO_INLINE int
bind_kwonly_defaults(PyFunctionObject *func, PyCodeObject *co, PyObject **localsplus,
                     Py_ssize_t total_args, PyObject *kwdefaults)
{
    Py_ssize_t missing = 0;
    PyObject *kwdefs = NULL;      /* kwdefaults, held */
    for (Py_ssize_t i = co->co_argcount; i < total_args; i++) {
        if (localsplus[i] != NULL) {
            continue;
        }
        PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
        if (kwdefaults != NULL) {
            if (kwdefs == NULL) {
                kwdefs = Py_NewRef(kwdefaults);
            }
            PyObject *def;
            int r = PyDict_GetItemRef(kwdefs, name, &def);
            if (r < 0) {
                Py_DECREF(kwdefs);
                return -1;
            }
            if (r > 0) {
                localsplus[i] = def;
                continue;
            }
        }
        missing++;
    }
    Py_XDECREF(kwdefs);
    if (missing) {
        missing_arguments(func, co, co->co_argcount, total_args, 0, localsplus, NULL);
        return -1;
    }
    return 0;
}

/* Bind arguments to the parameters of func, whose code was co when the frame was sized, in
 * localsplus (all NULL on entry).  Steals the references to args[0 .. argcount +
 * len(kwnames)), also on failure; values already stored in localsplus are released by the
 * caller clearing the frame.  Free-threaded build: another thread may reassign __code__,
 * __defaults__ or __kwdefaults__ meanwhile; each is read once here, and a replaced one is
 * released only after this thread's next quiescent state (Objects/funcobject.c). */
static int
initialize_locals(PyThreadState *tstate, PyFunctionObject *func, PyCodeObject *co,
                  PyObject **localsplus, PyObject *const *args, Py_ssize_t argcount,
                  PyObject *kwnames)
{
    (void)tstate;
    const Py_ssize_t total_args = co->co_argcount + co->co_kwonlyargcount;
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    PyObject *kwdict = NULL;
    Py_ssize_t i;

    if (co->co_flags & CO_VARKEYWORDS) {
        kwdict = PyDict_New();
        if (kwdict == NULL) {
            for (i = 0; i < argcount + nkw; i++) {
                Py_DECREF(args[i]);
            }
            return -1;
        }
        i = total_args + ((co->co_flags & CO_VARARGS) ? 1 : 0);
        localsplus[i] = kwdict;
    }

    /* Positional arguments. */
    Py_ssize_t n = argcount > co->co_argcount ? co->co_argcount : argcount;
    for (i = 0; i < n; i++) {
        localsplus[i] = args[i];
    }
    if (co->co_flags & CO_VARARGS) {
        PyObject *u;
        if (argcount > n) {
            u = _PyTuple_FromArraySteal(args + n, argcount - n);
        }
        else {
            u = PyTuple_New(0);
        }
        if (u == NULL) {
            for (i = argcount; i < argcount + nkw; i++) {
                Py_DECREF(args[i]);
            }
            return -1;
        }
        localsplus[total_args] = u;
    }
    else {
        /* Too many: reported after the keywords, as CPython does. */
        for (i = n; i < argcount; i++) {
            Py_DECREF(args[i]);
        }
    }

    /* Keyword arguments. */
    for (i = 0; i < nkw; i++) {
        PyObject *keyword = PyTuple_GET_ITEM(kwnames, i);
        PyObject *value = args[argcount + i];
        Py_ssize_t j;
        if (!PyUnicode_Check(keyword)) {
            function_type_error(func, "() keywords must be strings");
            goto kw_fail;
        }
        /* Identity first: keyword names are interned, like parameter names. */
        for (j = co->co_posonlyargcount; j < total_args; j++) {
            if (PyTuple_GET_ITEM(co->co_localsplusnames, j) == keyword) {
                goto kw_found;
            }
        }
        for (j = co->co_posonlyargcount; j < total_args; j++) {
            PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, j);
            int eq = PyObject_RichCompareBool(keyword, name, Py_EQ);
            if (eq < 0) {
                goto kw_fail;
            }
            if (eq) {
                goto kw_found;
            }
        }
        if (kwdict == NULL) {
            if (co->co_posonlyargcount &&
                positional_only_passed_as_keyword(func, co, kwnames) != 0) {
                goto kw_fail;
            }
            function_type_error(func, "() got an unexpected keyword argument '%S'", keyword);
            goto kw_fail;
        }
        if (PyDict_SetItem(kwdict, keyword, value) < 0) {
            goto kw_fail;
        }
        Py_DECREF(value);
        continue;
    kw_found:
        if (localsplus[j] != NULL) {
            function_type_error(func, "() got multiple values for argument '%S'", keyword);
            goto kw_fail;
        }
        localsplus[j] = value;
        continue;
    kw_fail:
        for (; i < nkw; i++) {
            Py_DECREF(args[argcount + i]);
        }
        return -1;
    }

    /* Borrowed; loaded after the keyword loop, which may run Python code (a str subclass's
     * __eq__ or __hash__), and nothing below does (bind_kwonly_defaults holds kwdefaults). */
    PyObject *defaults = FT_ATOMIC_LOAD_PTR_ACQUIRE(func->func_defaults);
    PyObject *kwdefaults = FT_ATOMIC_LOAD_PTR_ACQUIRE(func->func_kwdefaults);
    Py_ssize_t defcount = defaults == NULL ? 0 : PyTuple_GET_SIZE(defaults);

    if (argcount > co->co_argcount && !(co->co_flags & CO_VARARGS)) {
        too_many_positional(func, co, defcount, argcount, localsplus);
        return -1;
    }

    /* Defaults of positional parameters. */
    if (argcount < co->co_argcount) {
        Py_ssize_t m = co->co_argcount - defcount;
        Py_ssize_t missing = 0;
        for (i = argcount; i < m; i++) {
            if (localsplus[i] == NULL) {
                missing++;
            }
        }
        if (missing) {
            missing_arguments(func, co, argcount, m, 1, localsplus, NULL);
            return -1;
        }
        i = n > m ? n - m : 0;
        for (; i < defcount; i++) {
            if (localsplus[m + i] == NULL) {
                localsplus[m + i] = Py_NewRef(PyTuple_GET_ITEM(defaults, i));
            }
        }
    }

    /* Defaults of keyword-only parameters. */
    if (co->co_kwonlyargcount > 0) {
        return bind_kwonly_defaults(func, co, localsplus, total_args, kwdefaults);
    }
    return 0;
}

/* Clear a thread-owned frame and release its data-stack memory.  Always inlined: the
 * free-threaded build's larger Py_DECREF kept GCC from inlining it into the eval loop. */
static inline Py_ALWAYS_INLINE void
clear_thread_frame(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    _PyFrame_ClearExceptCode(frame);
    _Py_DecRefDeferred(frame->f_executable);
    _PyThreadState_PopFrame(tstate, frame);
}

/* Push and initialise a frame for func with bound arguments.  Steals the references to func
 * and to args[0 .. argcount + len(kwnames)), also on failure.  locals: new reference or
 * NULL.  Returns NULL with an exception set on failure. */
static _PyInterpreterFrame *
push_frame_and_init(PyThreadState *tstate, PyFunctionObject *func, PyObject *locals,
                    PyObject *const *args, Py_ssize_t argcount, PyObject *kwnames)
{
    PyCodeObject *code = _PyFunction_GetCode(func);
    size_t size = (size_t)_PyFrame_NumSlotsForCodeObject(code);
    _PyInterpreterFrame *frame = _PyThreadState_PushFrame(tstate, size);
    if (frame == NULL) {
        Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
        for (Py_ssize_t i = 0; i < argcount + nkw; i++) {
            Py_DECREF(args[i]);
        }
        Py_DECREF(func);
        Py_XDECREF(locals);
        return NULL;
    }
    if (kwnames == NULL && argcount == code->co_argcount && code->co_kwonlyargcount == 0 &&
        !(code->co_flags & (CO_VARARGS | CO_VARKEYWORDS))) {
        /* Exactly the positional parameters: nothing to bind but the values. */
        for (Py_ssize_t i = 0; i < argcount; i++) {
            frame->localsplus[i] = args[i];
        }
        _PyFrame_Initialize(frame, func, locals, code, (int)argcount);
        return frame;
    }
    _PyFrame_Initialize(frame, func, locals, code, 0);
    if (initialize_locals(tstate, func, code, frame->localsplus, args, argcount, kwnames) < 0) {
        clear_thread_frame(tstate, frame);
        return NULL;
    }
    return frame;
}

/* Like push_frame_and_init, from an argument tuple and an optional dict (borrowed). */
static _PyInterpreterFrame *
push_frame_from_tuple_dict(PyThreadState *tstate, PyFunctionObject *func, PyObject *callargs,
                           PyObject *kwargs)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(callargs);
    Py_ssize_t nkw = (kwargs == NULL) ? 0 : PyDict_GET_SIZE(kwargs);
    PyObject *small[16];
    PyObject **stack = small;
    PyObject *kwnames = NULL;
    if (nargs + nkw > (Py_ssize_t)Py_ARRAY_LENGTH(small)) {
        stack = PyMem_Malloc((size_t)(nargs + nkw) * sizeof(PyObject *));
        if (stack == NULL) {
            PyErr_NoMemory();
            Py_DECREF(func);
            return NULL;
        }
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        stack[i] = Py_NewRef(PyTuple_GET_ITEM(callargs, i));
    }
    if (nkw > 0) {
        kwnames = PyTuple_New(nkw);
        if (kwnames == NULL) {
            for (Py_ssize_t i = 0; i < nargs; i++) {
                Py_DECREF(stack[i]);
            }
            if (stack != small) {
                PyMem_Free(stack);
            }
            Py_DECREF(func);
            return NULL;
        }
        Py_ssize_t pos = 0, k = 0;
        PyObject *key, *value;
        while (k < nkw && PyDict_Next(kwargs, &pos, &key, &value)) {
            PyTuple_SET_ITEM(kwnames, k, Py_NewRef(key));
            stack[nargs + k] = Py_NewRef(value);
            k++;
        }
    }
    _PyInterpreterFrame *frame = push_frame_and_init(tstate, func, NULL, stack, nargs, kwnames);
    Py_XDECREF(kwnames);
    if (stack != small) {
        PyMem_Free(stack);
    }
    return frame;
}

/* ---- the entry points ------------------------------------------------------------------- */

PyObject *
_PyEval_Vector(PyThreadState *tstate, PyFunctionObject *func, PyObject *locals,
               PyObject *const *args, size_t argcount, PyObject *kwnames)
{
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    Py_INCREF(func);
    Py_XINCREF(locals);
    for (Py_ssize_t i = 0; i < (Py_ssize_t)argcount + nkw; i++) {
        Py_INCREF(args[i]);
    }
    _PyInterpreterFrame *frame = push_frame_and_init(tstate, func, locals, args,
                                                     (Py_ssize_t)argcount, kwnames);
    if (frame == NULL) {
        return NULL;
    }
    return _PyEval_EvalFrame(tstate, frame, 0);
}

PyObject *
_PyFunction_Vectorcall(PyObject *func, PyObject *const *stack, size_t nargsf,
                       PyObject *kwnames)
{
    PyFunctionObject *f = (PyFunctionObject *)func;
    PyThreadState *tstate = _PyThreadState_GET();
    size_t nargs = PyVectorcall_NARGS(nargsf);
    PyCodeObject *co = _PyFunction_GetCode(f);
    if (co->co_flags & CO_OPTIMIZED) {
        return _PyEval_Vector(tstate, f, NULL, stack, nargs, kwnames);
    }
    return _PyEval_Vector(tstate, f, f->func_globals, stack, nargs, kwnames);
}

PyObject *
_PyEval_BuiltinsFromGlobals(PyThreadState *tstate, PyObject *globals)
{
    PyObject *builtins;
    int r = PyDict_GetItemRef(globals, _Py_ID(__builtins__), &builtins);
    if (r < 0) {
        return NULL;
    }
    if (r > 0) {
        if (PyModule_Check(builtins)) {
            PyObject *dict = PyModule_GetDict(builtins);
            Py_XINCREF(dict);
            Py_DECREF(builtins);
            return dict;
        }
        return builtins;
    }
    builtins = _PyEval_GetBuiltins(tstate);
    return Py_XNewRef(builtins);
}

PyObject *
_PyEval_GetBuiltins(PyThreadState *tstate)
{
    _PyInterpreterFrame *frame = tstate->current_frame;
    if (frame != NULL) {
        return frame->f_builtins;
    }
    return tstate->interp->builtins;
}

PyObject *
_PyEval_EvalCodeWithLocals(PyObject *code, PyObject *globals, PyObject *locals,
                           PyObject *closure)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (!PyCode_Check(code)) {
        PyErr_SetString(PyExc_SystemError, "PyEval_EvalCode: expected a code object");
        return NULL;
    }
    if (globals == NULL || !PyDict_Check(globals)) {
        PyErr_SetString(PyExc_SystemError, "PyEval_EvalCode: globals must be a dict");
        return NULL;
    }
    PyFunctionObject *func = _PyFunction_ForEval(tstate, code, globals, closure);
    if (func == NULL) {
        return NULL;
    }
    if (locals == NULL) {
        locals = globals;
    }
    PyCodeObject *co = (PyCodeObject *)code;
    PyObject *res = _PyEval_Vector(tstate, func, (co->co_flags & CO_OPTIMIZED) ? NULL : locals,
                                   NULL, 0, NULL);
    Py_DECREF(func);
    return res;
}

PyObject *
PyEval_EvalCode(PyObject *co, PyObject *globals, PyObject *locals)
{
    return _PyEval_EvalCodeWithLocals(co, globals, locals, NULL);
}

PyObject *
PyEval_EvalCodeEx(PyObject *code, PyObject *globals, PyObject *locals, PyObject *const *args,
                  int argcount, PyObject *const *kws, int kwcount, PyObject *const *defs,
                  int defcount, PyObject *kwdefs, PyObject *closure)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (!PyCode_Check(code) || globals == NULL || !PyDict_Check(globals)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyFunctionObject *func = _PyFunction_ForEval(tstate, code, globals, closure);
    if (func == NULL) {
        return NULL;
    }
    PyObject *res = NULL;
    PyObject *kwnames = NULL;
    PyObject **stack = NULL;
    if (defcount > 0) {
        PyObject *d = _PyTuple_FromArray(defs, defcount);
        if (d == NULL) {
            goto done;
        }
        Py_XSETREF(func->func_defaults, d);
    }
    if (kwdefs != NULL) {
        Py_XSETREF(func->func_kwdefaults, Py_NewRef(kwdefs));
    }
    stack = PyMem_Malloc(sizeof(PyObject *) * (size_t)(argcount + kwcount + 1));
    if (stack == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (int i = 0; i < argcount; i++) {
        stack[i] = args[i];
    }
    if (kwcount > 0) {
        kwnames = PyTuple_New(kwcount);
        if (kwnames == NULL) {
            goto done;
        }
        for (int i = 0; i < kwcount; i++) {
            PyTuple_SET_ITEM(kwnames, i, Py_NewRef(kws[2 * i]));
            stack[argcount + i] = kws[2 * i + 1];
        }
    }
    if (locals == NULL) {
        locals = globals;
    }
    res = _PyEval_Vector(tstate, func,
                         (((PyCodeObject *)code)->co_flags & CO_OPTIMIZED) ? NULL : locals,
                         stack, (size_t)argcount, kwnames);
done:
    PyMem_Free(stack);
    Py_XDECREF(kwnames);
    Py_DECREF(func);
    return res;
}

/* ---- frame introspection ----------------------------------------------------------------- */

_PyInterpreterFrame *
_PyEval_GetFrame(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    return _PyFrame_GetFirstComplete(tstate->current_frame);
}

PyFrameObject *
PyEval_GetFrame(void)
{
    _PyInterpreterFrame *frame = _PyEval_GetFrame();
    if (frame == NULL) {
        return NULL;
    }
    PyFrameObject *f = _PyFrame_GetFrameObject(frame);
    if (f == NULL) {
        PyErr_Clear();
    }
    return f;
}

PyObject *
PyEval_GetBuiltins(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    return _PyEval_GetBuiltins(tstate);
}

PyObject *
PyEval_GetGlobals(void)
{
    _PyInterpreterFrame *frame = _PyEval_GetFrame();
    return frame == NULL ? NULL : frame->f_globals;
}

/* Borrowed reference to the locals mapping.  For optimized frames the snapshot dict is
 * cached on the frame object so that the borrowed reference stays valid. */
PyObject *
PyEval_GetLocals(void)
{
    _PyInterpreterFrame *frame = _PyEval_GetFrame();
    if (frame == NULL) {
        PyErr_SetString(PyExc_SystemError, "frame does not exist");
        return NULL;
    }
    if (frame->f_locals != NULL) {
        return frame->f_locals;
    }
    PyFrameObject *f = _PyFrame_GetFrameObject(frame);
    if (f == NULL) {
        return NULL;
    }
    PyObject *locals = _PyFrame_GetLocals(frame);
    if (locals == NULL) {
        return NULL;
    }
    Py_XSETREF(f->f_locals_cache, locals);
    return locals;
}

PyObject *
PyEval_GetFrameLocals(void)
{
    _PyInterpreterFrame *frame = _PyEval_GetFrame();
    if (frame == NULL) {
        PyErr_SetString(PyExc_SystemError, "frame does not exist");
        return NULL;
    }
    if (frame->f_locals != NULL) {
        return Py_NewRef(frame->f_locals);
    }
    return _PyFrame_GetLocals(frame);
}

PyObject *
PyEval_GetFrameGlobals(void)
{
    _PyInterpreterFrame *frame = _PyEval_GetFrame();
    return frame == NULL ? NULL : Py_NewRef(frame->f_globals);
}

PyObject *
PyEval_GetFrameBuiltins(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    return Py_XNewRef(_PyEval_GetBuiltins(tstate));
}

int
_PyEval_GetSuperArgs(PyTypeObject **ptype, PyObject **pobj)
{
    _PyInterpreterFrame *frame = _PyEval_GetFrame();
    if (frame == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "super(): no current frame");
        return -1;
    }
    PyCodeObject *co = _PyFrame_GetCode(frame);
    if (co->co_argcount == 0) {
        PyErr_SetString(PyExc_RuntimeError, "super(): no arguments");
        return -1;
    }
    PyObject *firstarg = frame->localsplus[0];
    const unsigned char *kinds = (const unsigned char *)PyBytes_AS_STRING(co->co_localspluskinds);
    /* The first argument may have been moved into a cell by MAKE_CELL. */
    if (firstarg != NULL && (kinds[0] & CO_FAST_CELL) && PyCell_Check(firstarg) &&
        _PyInterpreterFrame_LASTI(frame) >= 0) {
        firstarg = PyCell_GET(firstarg);
    }
    if (firstarg == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = co->co_nlocalsplus - co->co_nfreevars; i < co->co_nlocalsplus; i++) {
        PyObject *name = PyTuple_GET_ITEM(co->co_localsplusnames, i);
        if (!_PyUnicode_Equal(name, _Py_ID(__class__))) {
            continue;
        }
        PyObject *cell = frame->localsplus[i];
        if (cell == NULL || !PyCell_Check(cell)) {
            PyErr_SetString(PyExc_RuntimeError, "super(): bad __class__ cell");
            return -1;
        }
        PyObject *type = PyCell_GET(cell);
        if (type == NULL) {
            PyErr_SetString(PyExc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!PyType_Check(type)) {
            PyErr_Format(PyExc_RuntimeError, "super(): __class__ is not a type (%s)",
                         Py_TYPE(type)->tp_name);
            return -1;
        }
        *ptype = (PyTypeObject *)type;
        *pobj = firstarg;
        return 0;
    }
    PyErr_SetString(PyExc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

const char *
PyEval_GetFuncName(PyObject *func)
{
    if (PyMethod_Check(func)) {
        return PyEval_GetFuncName(PyMethod_GET_FUNCTION(func));
    }
    if (PyFunction_Check(func)) {
        return PyUnicode_AsUTF8(((PyFunctionObject *)func)->func_name);
    }
    if (PyCFunction_Check(func)) {
        return ((PyCFunctionObject *)func)->m_ml->ml_name;
    }
    return Py_TYPE(func)->tp_name;
}

const char *
PyEval_GetFuncDesc(PyObject *func)
{
    if (PyMethod_Check(func) || PyFunction_Check(func) || PyCFunction_Check(func)) {
        return "()";
    }
    return " object";
}

/* exec()/compile() inherit the __future__ features of the running code. */
int
PyEval_MergeCompilerFlags(struct PyCompilerFlags *cf)
{
    int result = cf->cf_flags != 0;
    _PyInterpreterFrame *frame = _PyEval_GetFrame();
    if (frame != NULL) {
        int compilerflags = _PyFrame_GetCode(frame)->co_flags & PyCF_MASK;
        if (compilerflags) {
            result = 1;
            cf->cf_flags |= compilerflags;
        }
    }
    return result;
}

PyObject *
PyEval_EvalFrame(PyFrameObject *f)
{
    (void)f;
    PyErr_SetString(PyExc_SystemError, "PyEval_EvalFrame is not supported");
    return NULL;
}

PyObject *
PyEval_EvalFrameEx(PyFrameObject *f, int exc)
{
    (void)exc;
    return PyEval_EvalFrame(f);
}

/* ---- helpers for individual instructions ------------------------------------------------- */

/* Unpack v into argcnt items (argcntafter >= 0: a starred target with argcntafter items
 * after it).  Items are written to sp[-1], sp[-2], ... (first item deepest... as the
 * stack order requires: the first item ends up on top).  Return 1, or 0 with an error. */
int
_PyEval_UnpackIterable(PyThreadState *tstate, PyObject *v, int argcnt, int argcntafter,
                       PyObject **sp)
{
    (void)tstate;
    int i = 0, j = 0;
    Py_ssize_t ll = 0;
    PyObject *it;
    PyObject *w;
    PyObject *l = NULL;

    it = PyObject_GetIter(v);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError) && Py_TYPE(v)->tp_iter == NULL &&
            !PySequence_Check(v)) {
            PyErr_Format(PyExc_TypeError, "cannot unpack non-iterable %.200s object",
                         Py_TYPE(v)->tp_name);
        }
        return 0;
    }
    for (; i < argcnt; i++) {
        w = PyIter_Next(it);
        if (w == NULL) {
            if (!PyErr_Occurred()) {
                if (argcntafter == -1) {
                    PyErr_Format(PyExc_ValueError,
                                 "not enough values to unpack (expected %d, got %d)", argcnt, i);
                }
                else {
                    PyErr_Format(PyExc_ValueError,
                                 "not enough values to unpack (expected at least %d, got %d)",
                                 argcnt + argcntafter, i);
                }
            }
            goto error;
        }
        *--sp = w;
    }
    if (argcntafter == -1) {
        w = PyIter_Next(it);
        if (w == NULL) {
            if (PyErr_Occurred()) {
                goto error;
            }
            Py_DECREF(it);
            return 1;
        }
        Py_DECREF(w);
        PyErr_Format(PyExc_ValueError, "too many values to unpack (expected %d)", argcnt);
        goto error;
    }
    l = PySequence_List(it);
    if (l == NULL) {
        goto error;
    }
    *--sp = l;
    i++;
    ll = PyList_GET_SIZE(l);
    if (ll < argcntafter) {
        PyErr_Format(PyExc_ValueError,
                     "not enough values to unpack (expected at least %d, got %zd)",
                     argcnt + argcntafter, argcnt + ll);
        goto error;
    }
    /* Pop the "after-variable" args off the list. */
    for (j = argcntafter; j > 0; j--, i++) {
        *--sp = Py_NewRef(PyList_GET_ITEM(l, ll - j));
    }
    /* Resize the list. */
    if (PyList_SetSlice(l, ll - argcntafter, ll, NULL) < 0) {
        i -= argcntafter;
        goto error;
    }
    Py_DECREF(it);
    return 1;
error:
    for (; i > 0; i--, sp++) {
        Py_DECREF(*sp);
    }
    Py_XDECREF(it);
    return 0;
}

int
_PyEval_CheckExceptTypeValid(PyThreadState *tstate, PyObject *right)
{
    (void)tstate;
    if (PyTuple_Check(right)) {
        Py_ssize_t length = PyTuple_GET_SIZE(right);
        for (Py_ssize_t i = 0; i < length; i++) {
            PyObject *exc = PyTuple_GET_ITEM(right, i);
            if (!PyExceptionClass_Check(exc)) {
                goto bad;
            }
        }
        return 0;
    }
    if (PyExceptionClass_Check(right)) {
        return 0;
    }
bad:
    PyErr_SetString(PyExc_TypeError,
                    "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

int
_PyEval_CheckExceptStarTypeValid(PyThreadState *tstate, PyObject *right)
{
    if (_PyEval_CheckExceptTypeValid(tstate, right) < 0) {
        return -1;
    }
    /* Exception groups cannot be matched by except*. */
    int is_subclass = 0;
    if (PyTuple_Check(right)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(right); i++) {
            is_subclass = PyObject_IsSubclass(PyTuple_GET_ITEM(right, i),
                                              PyExc_BaseExceptionGroup);
            if (is_subclass < 0) {
                return -1;
            }
            if (is_subclass) {
                break;
            }
        }
    }
    else {
        is_subclass = PyObject_IsSubclass(right, PyExc_BaseExceptionGroup);
        if (is_subclass < 0) {
            return -1;
        }
    }
    if (is_subclass) {
        PyErr_SetString(PyExc_TypeError,
                        "catching ExceptionGroup with except* is not allowed. "
                        "Use except instead.");
        return -1;
    }
    return 0;
}

/* except*: split exc_value by match_type.  *match and *rest get new references (None when
 * empty).  0 or -1. */
int
_PyEval_ExceptionGroupMatch(PyObject *exc_value, PyObject *match_type, PyObject **match,
                            PyObject **rest)
{
    if (Py_IsNone(exc_value)) {
        *match = Py_NewRef(Py_None);
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (PyErr_GivenExceptionMatches(exc_value, match_type)) {
        /* Full match of exc itself. */
        int is_eg = PyObject_TypeCheck(exc_value, (PyTypeObject *)PyExc_BaseExceptionGroup);
        if (is_eg) {
            *match = Py_NewRef(exc_value);
        }
        else {
            /* Naked exception: wrap it in an ExceptionGroup. */
            PyObject *excs = PyTuple_Pack(1, exc_value);
            if (excs == NULL) {
                return -1;
            }
            PyObject *msg = PyUnicode_FromString("");
            if (msg == NULL) {
                Py_DECREF(excs);
                return -1;
            }
            PyObject *args[2] = {msg, excs};
            PyObject *wrapped = PyObject_Vectorcall(PyExc_BaseExceptionGroup, args, 2, NULL);
            Py_DECREF(msg);
            Py_DECREF(excs);
            if (wrapped == NULL) {
                return -1;
            }
            PyObject *tb = PyException_GetTraceback(exc_value);
            if (tb != NULL) {
                int r = PyException_SetTraceback(wrapped, tb);
                Py_DECREF(tb);
                if (r < 0) {
                    Py_DECREF(wrapped);
                    return -1;
                }
            }
            *match = wrapped;
        }
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    /* exc_value does not match match_type.  Check for partial match. */
    if (PyObject_TypeCheck(exc_value, (PyTypeObject *)PyExc_BaseExceptionGroup)) {
        PyObject *pair = PyObject_CallMethod(exc_value, "split", "(O)", match_type);
        if (pair == NULL) {
            return -1;
        }
        if (!PyTuple_CheckExact(pair) || PyTuple_GET_SIZE(pair) != 2) {
            PyErr_Format(PyExc_TypeError,
                         "%.200s.split must return a 2-tuple, got %.200s of size %zd",
                         Py_TYPE(exc_value)->tp_name, Py_TYPE(pair)->tp_name,
                         PyTuple_Check(pair) ? PyTuple_GET_SIZE(pair) : 0);
            Py_DECREF(pair);
            return -1;
        }
        *match = Py_NewRef(PyTuple_GET_ITEM(pair, 0));
        *rest = Py_NewRef(PyTuple_GET_ITEM(pair, 1));
        Py_DECREF(pair);
        return 0;
    }
    /* No match. */
    *match = Py_NewRef(Py_None);
    *rest = Py_NewRef(exc_value);
    return 0;
}

/* MATCH_KEYS: a tuple of the values of map[key] for each key, or None if one is missing.
 * New reference, NULL on error. */
PyObject *
_PyEval_MatchKeys(PyThreadState *tstate, PyObject *map, PyObject *keys)
{
    (void)tstate;
    Py_ssize_t nkeys = PyTuple_GET_SIZE(keys);
    if (!nkeys) {
        return PyTuple_New(0);
    }
    PyObject *seen = NULL;
    PyObject *dummy = NULL;
    PyObject *values = NULL;
    PyObject *get = NULL;
    /* We use the two argument form of map.get(key, default) for two reasons:
     * it works for defaultdict-like mappings, and missing keys do not raise. */
    dummy = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
    if (dummy == NULL) {
        return NULL;
    }
    seen = PySet_New(NULL);
    if (seen == NULL) {
        goto fail;
    }
    values = PyTuple_New(nkeys);
    if (values == NULL) {
        goto fail;
    }
    get = PyObject_GetAttr(map, _Py_ID(get));
    if (get == NULL) {
        goto fail;
    }
    for (Py_ssize_t i = 0; i < nkeys; i++) {
        PyObject *key = PyTuple_GET_ITEM(keys, i);
        int dup = PySet_Contains(seen, key);
        if (dup < 0) {
            goto fail;
        }
        if (dup || PySet_Add(seen, key) < 0) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_ValueError, "mapping pattern checks duplicate key (%R)", key);
            }
            goto fail;
        }
        PyObject *args[2] = {key, dummy};
        PyObject *value = PyObject_Vectorcall(get, args, 2, NULL);
        if (value == NULL) {
            goto fail;
        }
        if (value == dummy) {
            Py_DECREF(value);
            Py_SETREF(values, Py_NewRef(Py_None));
            goto done;
        }
        PyTuple_SET_ITEM(values, i, value);
    }
done:
    Py_DECREF(get);
    Py_DECREF(seen);
    Py_DECREF(dummy);
    return values;
fail:
    Py_XDECREF(get);
    Py_XDECREF(seen);
    Py_XDECREF(values);
    Py_DECREF(dummy);
    return NULL;
}

/* Extract a named attribute from the subject for MATCH_CLASS; new reference, or NULL with
 * or without an exception (missing attribute). */
static PyObject *
match_class_attr(PyThreadState *tstate, PyObject *subject, PyObject *type, PyObject *name,
                 PyObject *seen)
{
    (void)tstate;
    int dup = PySet_Contains(seen, name);
    if (dup < 0) {
        return NULL;
    }
    if (dup || PySet_Add(seen, name) < 0) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                         ((PyTypeObject *)type)->tp_name, name);
        }
        return NULL;
    }
    PyObject *attr;
    (void)PyObject_GetOptionalAttr(subject, name, &attr);
    return attr;
}

PyObject *
_PyEval_MatchClass(PyThreadState *tstate, PyObject *subject, PyObject *type,
                   Py_ssize_t nargs, PyObject *kwargs)
{
    if (!PyType_Check(type)) {
        PyErr_SetString(PyExc_TypeError, "called match pattern must be a class");
        return NULL;
    }
    int inst = PyObject_IsInstance(subject, type);
    if (inst <= 0) {
        return NULL;
    }
    PyObject *match_args = NULL;
    PyObject *seen = PySet_New(NULL);
    if (seen == NULL) {
        return NULL;
    }
    PyObject *attrs = PyList_New(0);
    if (attrs == NULL) {
        Py_DECREF(seen);
        return NULL;
    }
    PyObject *attr;
    if (nargs) {
        int match_self = 0;
        if (PyObject_GetOptionalAttr(type, _Py_ID(__match_args__), &match_args) < 0) {
            goto fail;
        }
        if (match_args) {
            if (!PyTuple_CheckExact(match_args)) {
                PyErr_Format(PyExc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                             ((PyTypeObject *)type)->tp_name, Py_TYPE(match_args)->tp_name);
                goto fail;
            }
        }
        else {
            match_args = PyTuple_New(0);
            if (match_args == NULL) {
                goto fail;
            }
            match_self = PyType_HasFeature((PyTypeObject *)type, _Py_TPFLAGS_MATCH_SELF);
        }
        Py_ssize_t allowed = match_self ? 1 : PyTuple_GET_SIZE(match_args);
        if (allowed < nargs) {
            const char *plural = (allowed == 1) ? "" : "s";
            PyErr_Format(PyExc_TypeError, "%s() accepts %zd positional sub-pattern%s (%zd given)",
                         ((PyTypeObject *)type)->tp_name, allowed, plural, nargs);
            goto fail;
        }
        if (match_self) {
            if (PyList_Append(attrs, subject) < 0) {
                goto fail;
            }
        }
        else {
            for (Py_ssize_t i = 0; i < nargs; i++) {
                PyObject *name = PyTuple_GET_ITEM(match_args, i);
                if (!PyUnicode_CheckExact(name)) {
                    PyErr_Format(PyExc_TypeError,
                                 "__match_args__ elements must be strings (got %s)",
                                 Py_TYPE(name)->tp_name);
                    goto fail;
                }
                attr = match_class_attr(tstate, subject, type, name, seen);
                if (attr == NULL) {
                    goto fail;
                }
                int r = PyList_Append(attrs, attr);
                Py_DECREF(attr);
                if (r < 0) {
                    goto fail;
                }
            }
        }
        Py_CLEAR(match_args);
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwargs); i++) {
        PyObject *name = PyTuple_GET_ITEM(kwargs, i);
        attr = match_class_attr(tstate, subject, type, name, seen);
        if (attr == NULL) {
            goto fail;
        }
        int r = PyList_Append(attrs, attr);
        Py_DECREF(attr);
        if (r < 0) {
            goto fail;
        }
    }
    Py_SETREF(attrs, PyList_AsTuple(attrs));
    Py_DECREF(seen);
    return attrs;
fail:
    /* We really don't care whether an error was raised or not... that's our caller's
     * problem.  All we know is that the match failed. */
    Py_XDECREF(match_args);
    Py_DECREF(seen);
    Py_DECREF(attrs);
    return NULL;
}

void
_PyEval_FormatAwaitableError(PyThreadState *tstate, PyTypeObject *type, int oparg)
{
    (void)tstate;
    if (type->tp_as_async == NULL || type->tp_as_async->am_await == NULL) {
        if (oparg == 1) {
            PyErr_Format(PyExc_TypeError,
                         "'async with' received an object from __aenter__ "
                         "that does not implement __await__: %.100s", type->tp_name);
        }
        else if (oparg == 2) {
            PyErr_Format(PyExc_TypeError,
                         "'async with' received an object from __aexit__ "
                         "that does not implement __await__: %.100s", type->tp_name);
        }
    }
}

PyObject *
_PyEval_GetAwaitable(PyObject *o, int oparg)
{
    PyObject *iter = _PyCoro_GetAwaitableIter(o);
    if (iter == NULL) {
        _PyEval_FormatAwaitableError(_PyThreadState_GET(), Py_TYPE(o), oparg);
        return NULL;
    }
    if (PyCoro_CheckExact(iter)) {
        PyObject *yf = _PyGen_yf((PyGenObject *)iter);
        if (yf != NULL) {
            Py_DECREF(yf);
            Py_DECREF(iter);
            PyErr_SetString(PyExc_RuntimeError, "coroutine is being awaited already");
            return NULL;
        }
    }
    return iter;
}

/* raise [exc [from cause]].  Steals references to exc and cause.  Returns 1 for a bare
 * re-raise that found an exception (already set), 0 with an exception set otherwise. */
static int
do_raise(PyThreadState *tstate, PyObject *exc, PyObject *cause)
{
    PyObject *type = NULL, *value = NULL;

    if (exc == NULL) {
        /* Reraise */
        _PyErr_StackItem *exc_info = tstate->exc_info;
        while (exc_info != NULL &&
               (exc_info->exc_value == NULL || Py_IsNone(exc_info->exc_value))) {
            exc_info = exc_info->previous_item;
        }
        PyObject *exc_value = exc_info == NULL ? NULL : exc_info->exc_value;
        if (exc_value == NULL) {
            PyErr_SetString(PyExc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        PyErr_SetRaisedException(Py_NewRef(exc_value));
        return 1;
    }

    /* We support the following forms of raise:
       raise, raise <instance>, raise <type> */
    if (PyExceptionClass_Check(exc)) {
        type = exc;
        value = PyObject_CallNoArgs(exc);
        if (value == NULL) {
            goto raise_error;
        }
        if (!PyExceptionInstance_Check(value)) {
            PyErr_Format(PyExc_TypeError,
                         "calling %R should have returned an instance of BaseException, "
                         "not %R", type, Py_TYPE(value));
            goto raise_error;
        }
    }
    else if (PyExceptionInstance_Check(exc)) {
        value = exc;
        type = PyExceptionInstance_Class(exc);
        Py_INCREF(type);
    }
    else {
        /* Not something you can raise.  You get an exception anyway, just not what you
         * specified :-) */
        Py_DECREF(exc);
        PyErr_SetString(PyExc_TypeError, "exceptions must derive from BaseException");
        goto raise_error;
    }

    if (cause) {
        PyObject *fixed_cause;
        if (PyExceptionClass_Check(cause)) {
            fixed_cause = PyObject_CallNoArgs(cause);
            if (fixed_cause == NULL) {
                goto raise_error;
            }
            if (!PyExceptionInstance_Check(fixed_cause)) {
                PyErr_Format(PyExc_TypeError,
                             "calling %R should have returned an instance of BaseException, "
                             "not %R", cause, Py_TYPE(fixed_cause));
                Py_DECREF(fixed_cause);
                goto raise_error;
            }
            Py_DECREF(cause);
        }
        else if (PyExceptionInstance_Check(cause)) {
            fixed_cause = cause;
        }
        else if (Py_IsNone(cause)) {
            Py_DECREF(cause);
            fixed_cause = NULL;
        }
        else {
            PyErr_SetString(PyExc_TypeError, "exception causes must derive from BaseException");
            goto raise_error;
        }
        /* PyException_SetCause steals fixed_cause and sets __suppress_context__. */
        PyException_SetCause(value, fixed_cause);
        cause = NULL;
    }

    PyErr_SetObject(type, value);
    /* PyErr_SetObject incref's its arguments */
    Py_DECREF(value);
    Py_DECREF(type);
    return 0;

raise_error:
    Py_XDECREF(value);
    Py_XDECREF(type);
    Py_XDECREF(cause);
    return 0;
}

/* import name: through builtins.__import__ (the runtime's fast path when not replaced). */
static PyObject *
import_name(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *name,
            PyObject *fromlist, PyObject *level)
{
    PyObject *import_func;
    if (PyDict_Check(frame->f_builtins)) {
        if (PyDict_GetItemRef(frame->f_builtins, _Py_ID(__import__), &import_func) < 0) {
            return NULL;
        }
    }
    else {
        import_func = PyObject_GetItem(frame->f_builtins, _Py_ID(__import__));
        if (import_func == NULL && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
        }
        else if (import_func == NULL) {
            return NULL;
        }
    }
    if (import_func == NULL) {
        PyErr_SetString(PyExc_ImportError, "__import__ not found");
        return NULL;
    }
    PyObject *locals = frame->f_locals;
    /* Fast path for not overloaded __import__. */
    if (import_func == tstate->interp->import_func) {
        Py_DECREF(import_func);
        int ilevel = PyLong_AsInt(level);
        if (ilevel == -1 && PyErr_Occurred()) {
            return NULL;
        }
        return _PyImport_ImportName(tstate, name, frame->f_globals, fromlist, ilevel);
    }
    PyObject *args[5] = {name, frame->f_globals, locals == NULL ? Py_None : locals, fromlist,
                         level};
    PyObject *res = PyObject_Vectorcall(import_func, args, 5, NULL);
    Py_DECREF(import_func);
    return res;
}

/* Look up a special method on the type of obj and bind it: new reference, or NULL without
 * an exception when missing. */
static PyObject *
lookup_special(PyObject *obj, PyObject *name)
{
    PyObject *descr = _PyType_Lookup(Py_TYPE(obj), name);
    if (descr == NULL) {
        return NULL;
    }
    descrgetfunc f = Py_TYPE(descr)->tp_descr_get;
    if (f == NULL) {
        return Py_NewRef(descr);
    }
    Py_INCREF(descr);
    PyObject *res = f(descr, obj, (PyObject *)Py_TYPE(obj));
    Py_DECREF(descr);
    return res;
}

/* LOAD_ATTR method form.  Return 1 with *method a new reference to an unbound method found
 * on the type (the caller pushes obj as self), 0 with *method the attribute (new reference)
 * or NULL with an exception. */
static int
load_method(PyObject *obj, PyObject *name, PyObject **method)
{
    PyTypeObject *tp = Py_TYPE(obj);
    *method = NULL;
    if (tp->tp_getattro != PyObject_GenericGetAttr || !PyUnicode_CheckExact(name)) {
        *method = PyObject_GetAttr(obj, name);
        return 0;
    }
    PyObject *descr = _PyType_LookupRef(tp, name);
    int meth_found = 0;
    descrgetfunc f = NULL;
    if (descr != NULL) {
        if (PyType_HasFeature(Py_TYPE(descr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
            meth_found = 1;
        }
        else {
            f = Py_TYPE(descr)->tp_descr_get;
            if (f != NULL && Py_TYPE(descr)->tp_descr_set != NULL) {
                /* Data descriptor: it wins over the instance dict. */
                *method = f(descr, obj, (PyObject *)tp);
                Py_DECREF(descr);
                return 0;
            }
        }
    }
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    /* One load (another thread may assign __dict__: the old dict is released through QSBR,
     * PyObject_GenericSetDict). */
    PyObject *dict = dictptr != NULL ? FT_ATOMIC_LOAD_PTR_ACQUIRE(*dictptr) : NULL;
    if (dict != NULL) {
        Py_INCREF(dict);
        PyObject *attr;
        int r = PyDict_GetItemRef(dict, name, &attr);
        Py_DECREF(dict);
        if (r != 0) {
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
    /* Not found: let the generic machinery raise the right AttributeError. */
    *method = PyObject_GetAttr(obj, name);
    return 0;
}

/* Merge kwargs mapping `update` into dict, raising on duplicates (f(**a, **b)). */
static int
dict_merge_for_call(PyObject *callable, PyObject *dict, PyObject *update)
{
    PyObject *keys = NULL;
    if (!PyDict_Check(update)) {
        if (PyObject_GetOptionalAttr(update, _Py_ID(keys), &keys) < 0) {
            return -1;
        }
        if (keys == NULL) {
            PyObject *desc = callable == NULL ? NULL : callable_description(callable);
            PyErr_Format(PyExc_TypeError, "%U argument after ** must be a mapping, not %.200s",
                         desc != NULL ? desc : _Py_ID(function), Py_TYPE(update)->tp_name);
            Py_XDECREF(desc);
            return -1;
        }
        Py_SETREF(keys, PyObject_CallNoArgs(keys));
        if (keys == NULL) {
            return -1;
        }
    }
    else {
        keys = PyDict_Keys(update);
        if (keys == NULL) {
            return -1;
        }
    }
    PyObject *it = PyObject_GetIter(keys);
    Py_DECREF(keys);
    if (it == NULL) {
        return -1;
    }
    PyObject *key;
    while ((key = PyIter_Next(it)) != NULL) {
        if (!PyUnicode_Check(key)) {
            PyObject *desc = callable == NULL ? NULL : callable_description(callable);
            PyErr_Format(PyExc_TypeError, "%U keywords must be strings",
                         desc != NULL ? desc : _Py_ID(function));
            Py_XDECREF(desc);
            Py_DECREF(key);
            Py_DECREF(it);
            return -1;
        }
        int has = PyDict_Contains(dict, key);
        if (has != 0) {
            if (has > 0) {
                PyObject *desc = callable == NULL ? NULL : callable_description(callable);
                PyErr_Format(PyExc_TypeError, "%U got multiple values for keyword argument '%S'",
                             desc != NULL ? desc : _Py_ID(function), key);
                Py_XDECREF(desc);
            }
            Py_DECREF(key);
            Py_DECREF(it);
            return -1;
        }
        PyObject *value = PyObject_GetItem(update, key);
        if (value == NULL || PyDict_SetItem(dict, key, value) < 0) {
            Py_XDECREF(value);
            Py_DECREF(key);
            Py_DECREF(it);
            return -1;
        }
        Py_DECREF(value);
        Py_DECREF(key);
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static PyObject *
binary_power(PyObject *a, PyObject *b)
{
    return PyNumber_Power(a, b, Py_None);
}

static PyObject *
binary_inplace_power(PyObject *a, PyObject *b)
{
    return PyNumber_InPlacePower(a, b, Py_None);
}

static const binaryfunc binary_ops[] = {
    [NB_ADD] = PyNumber_Add,
    [NB_AND] = PyNumber_And,
    [NB_FLOOR_DIVIDE] = PyNumber_FloorDivide,
    [NB_LSHIFT] = PyNumber_Lshift,
    [NB_MATRIX_MULTIPLY] = PyNumber_MatrixMultiply,
    [NB_MULTIPLY] = PyNumber_Multiply,
    [NB_REMAINDER] = PyNumber_Remainder,
    [NB_OR] = PyNumber_Or,
    [NB_POWER] = binary_power,
    [NB_RSHIFT] = PyNumber_Rshift,
    [NB_SUBTRACT] = PyNumber_Subtract,
    [NB_TRUE_DIVIDE] = PyNumber_TrueDivide,
    [NB_XOR] = PyNumber_Xor,
    [NB_INPLACE_ADD] = PyNumber_InPlaceAdd,
    [NB_INPLACE_AND] = PyNumber_InPlaceAnd,
    [NB_INPLACE_FLOOR_DIVIDE] = PyNumber_InPlaceFloorDivide,
    [NB_INPLACE_LSHIFT] = PyNumber_InPlaceLshift,
    [NB_INPLACE_MATRIX_MULTIPLY] = PyNumber_InPlaceMatrixMultiply,
    [NB_INPLACE_MULTIPLY] = PyNumber_InPlaceMultiply,
    [NB_INPLACE_REMAINDER] = PyNumber_InPlaceRemainder,
    [NB_INPLACE_OR] = PyNumber_InPlaceOr,
    [NB_INPLACE_POWER] = binary_inplace_power,
    [NB_INPLACE_RSHIFT] = PyNumber_InPlaceRshift,
    [NB_INPLACE_SUBTRACT] = PyNumber_InPlaceSubtract,
    [NB_INPLACE_TRUE_DIVIDE] = PyNumber_InPlaceTrueDivide,
    [NB_INPLACE_XOR] = PyNumber_InPlaceXor,
};

/* Fast path of BINARY_OP for two exact ints or two exact floats.  Return 1 with *res the
 * result (a new reference, or NULL with an exception set), or 0 when the fast path does not
 * apply (the generic operator then runs). */
static inline int
binary_op_fast(int op, PyObject *lhs, PyObject *rhs, PyObject **res)
{
    if (PyLong_CheckExact(lhs) && PyLong_CheckExact(rhs) && _PyLong_IsCompact(lhs) &&
        _PyLong_IsCompact(rhs)) {
        int64_t a = _PyLong_CompactValue(lhs);
        int64_t b = _PyLong_CompactValue(rhs);
        int64_t r;
        switch (op) {
        case NB_ADD:
        case NB_INPLACE_ADD:
            if (__builtin_add_overflow(a, b, &r)) {
                return 0;
            }
            break;
        case NB_SUBTRACT:
        case NB_INPLACE_SUBTRACT:
            if (__builtin_sub_overflow(a, b, &r)) {
                return 0;
            }
            break;
        case NB_MULTIPLY:
        case NB_INPLACE_MULTIPLY:
            if (__builtin_mul_overflow(a, b, &r)) {
                return 0;
            }
            break;
        case NB_AND:
        case NB_INPLACE_AND:
            r = a & b;
            break;
        case NB_OR:
        case NB_INPLACE_OR:
            r = a | b;
            break;
        case NB_XOR:
        case NB_INPLACE_XOR:
            r = a ^ b;
            break;
        case NB_FLOOR_DIVIDE:
        case NB_INPLACE_FLOOR_DIVIDE:
            if (b == 0 || (a == INT64_MIN && b == -1)) {
                return 0;
            }
            r = a / b;
            if ((a % b != 0) && ((a < 0) != (b < 0))) {
                r--;
            }
            break;
        case NB_REMAINDER:
        case NB_INPLACE_REMAINDER:
            if (b == 0 || (a == INT64_MIN && b == -1)) {
                return 0;
            }
            r = a % b;
            if (r != 0 && ((r < 0) != (b < 0))) {
                r += b;
            }
            break;
        default:
            return 0;
        }
        *res = _PyLong_FromInt64(r);
        return 1;
    }
    if (PyFloat_CheckExact(lhs) && PyFloat_CheckExact(rhs)) {
        double a = PyFloat_AS_DOUBLE(lhs);
        double b = PyFloat_AS_DOUBLE(rhs);
        double r;
        switch (op) {
        case NB_ADD:
        case NB_INPLACE_ADD:
            r = a + b;
            break;
        case NB_SUBTRACT:
        case NB_INPLACE_SUBTRACT:
            r = a - b;
            break;
        case NB_MULTIPLY:
        case NB_INPLACE_MULTIPLY:
            r = a * b;
            break;
        case NB_TRUE_DIVIDE:
        case NB_INPLACE_TRUE_DIVIDE:
            if (b == 0.0) {
                return 0;
            }
            r = a / b;
            break;
        default:
            return 0;
        }
        *res = PyFloat_FromDouble(r);
        return 1;
    }
    return 0;
}

/* Fast path of COMPARE_OP for exact compact ints and floats: Py_True/Py_False (borrowed,
 * immortal), or NULL when it does not apply. */
static inline PyObject *
compare_op_fast(int op, PyObject *lhs, PyObject *rhs)
{
    int cmp;
    if (PyLong_CheckExact(lhs) && PyLong_CheckExact(rhs) && _PyLong_IsCompact(lhs) &&
        _PyLong_IsCompact(rhs)) {
        int64_t a = _PyLong_CompactValue(lhs);
        int64_t b = _PyLong_CompactValue(rhs);
        cmp = a < b ? -1 : (a > b);
    }
    else if (PyFloat_CheckExact(lhs) && PyFloat_CheckExact(rhs)) {
        double a = PyFloat_AS_DOUBLE(lhs);
        double b = PyFloat_AS_DOUBLE(rhs);
        if (a != a || b != b) {
            return (op == Py_NE) ? Py_True : Py_False;
        }
        cmp = a < b ? -1 : (a > b);
    }
    else if (PyUnicode_CheckExact(lhs) && PyUnicode_CheckExact(rhs) &&
             (op == Py_EQ || op == Py_NE) && lhs == rhs) {
        return op == Py_EQ ? Py_True : Py_False;
    }
    else {
        return NULL;
    }
    int res;
    switch (op) {
    case Py_LT: res = cmp < 0; break;
    case Py_LE: res = cmp <= 0; break;
    case Py_EQ: res = cmp == 0; break;
    case Py_NE: res = cmp != 0; break;
    case Py_GT: res = cmp > 0; break;
    default: res = cmp >= 0; break;
    }
    return res ? Py_True : Py_False;
}

/* ---- tracing and profiling (sys.settrace, sys.setprofile) ------------------------------
 * The runtime stores trampolines in tstate->c_tracefunc/c_profilefunc (or a C tool installs
 * its own with PyEval_SetTrace/PyEval_SetProfile).  As in CPython, the trace function sees
 * every frame: "call" when a frame starts or resumes, "line" before the first instruction
 * of a new line (or after a backward jump), "opcode" before each instruction of a frame
 * whose f_trace_opcodes is set, "exception" when an exception passes through a frame and
 * "return" when it returns, yields or is left by an exception.  Filtering on f_trace is the
 * business of sys.settrace's trampoline, except that the loop skips the line events of frames
 * the trampoline would ignore (trace_wants_lines), so that they run at full speed.  The
 * profile function sees "call"/"return" and, around each call of a builtin function,
 * "c_call" and then "c_return" or "c_exception".  While a hook runs (tstate->tracing)
 * nothing is reported.  With no hook the only cost is a check at frame entry, frame exit
 * and before calling a C callable. */

/* Python/sysmodule.c: sys.settrace's trampoline. */
extern int _PySys_TraceTrampoline(PyObject *self, PyFrameObject *frame, int what,
                                  PyObject *arg);

/* Whether the trace function wants the line/opcode events of `frame`: sys.settrace's
 * trampoline passes them only to the frame's local trace function (f_trace); a C trace
 * function sees every frame. */
static inline int
trace_wants_lines(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    if (tstate->c_tracefunc != _PySys_TraceTrampoline) {
        return 1;
    }
    PyObject *local = frame->frame_obj != NULL ? frame->frame_obj->f_trace : NULL;
    return local != NULL && local != Py_None;
}

static int
call_trace(PyThreadState *tstate, Py_tracefunc func, PyObject *obj,
           _PyInterpreterFrame *frame, int what, PyObject *arg)
{
    PyFrameObject *f = _PyFrame_GetFrameObject(frame);
    if (f == NULL) {
        return -1;
    }
    tstate->tracing++;
    int result = func(obj, f, what, arg);
    tstate->tracing--;
    return result;
}

/* Report a call/return event to the profile and trace functions.  0, or -1 with an
 * exception set. */
static int
trace_frame_event(PyThreadState *tstate, _PyInterpreterFrame *frame, int what, PyObject *arg)
{
    if (tstate->tracing) {
        return 0;
    }
    if (tstate->c_profilefunc != NULL) {
        if (call_trace(tstate, tstate->c_profilefunc, tstate->c_profileobj, frame, what,
                       arg) < 0) {
            return -1;
        }
    }
    if (tstate->c_tracefunc != NULL) {
        if (call_trace(tstate, tstate->c_tracefunc, tstate->c_traceobj, frame, what, arg) < 0) {
            return -1;
        }
    }
    return 0;
}

/* The "exception" event: the trace function sees (type, value, traceback); the exception
 * stays set unless the trace function fails. */
static int
trace_exception_event(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    if (tstate->tracing || tstate->c_tracefunc == NULL) {
        return 0;
    }
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        return 0;
    }
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *arg = PyTuple_Pack(3, (PyObject *)Py_TYPE(exc), exc, tb ? tb : Py_None);
    Py_XDECREF(tb);
    if (arg == NULL) {
        Py_DECREF(exc);
        return -1;
    }
    int err = call_trace(tstate, tstate->c_tracefunc, tstate->c_traceobj, frame,
                         PyTrace_EXCEPTION, arg);
    Py_DECREF(arg);
    if (err < 0) {
        Py_DECREF(exc);
        return -1;
    }
    PyErr_SetRaisedException(exc);
    return 0;
}

/* Index of the instruction after the prologue (MAKE_CELL ... RESUME 0): line events start
 * there. */
static int
prologue_end(PyCodeObject *code)
{
    _Py_CODEUNIT *first = _PyCode_CODE(code);
    Py_ssize_t n = Py_SIZE(code);
    for (Py_ssize_t i = 0; i < n && i < 64; i++) {
        if (_Py_OPCODE(first[i]) == RESUME) {
            return (int)i + 1;
        }
    }
    return 0;
}

/* Whether the instruction at `lasti` (on `line`) is a backward jump, possibly after
 * EXTENDED_ARGs, to an instruction of the same line: a loop's closing jump that the compiler
 * attributed to the loop's header.  Reporting its line would report that line twice. */
static int
is_jump_within_line(PyCodeObject *code, int lasti, int line)
{
    _Py_CODEUNIT *instr = _PyCode_CODE(code);
    int n = (int)Py_SIZE(code);
    int i = lasti;
    int oparg = 0;
    while (i < n && _Py_OPCODE(instr[i]) == EXTENDED_ARG) {
        oparg = (oparg | _Py_OPARG(instr[i])) << 8;
        i++;
    }
    if (i >= n) {
        return 0;
    }
    int opcode = _Py_OPCODE(instr[i]);
    if (opcode != JUMP_BACKWARD && opcode != JUMP_BACKWARD_NO_INTERRUPT) {
        return 0;
    }
    int target = i + 1 - (oparg | _Py_OPARG(instr[i]));
    return target >= 0 &&
           PyCode_Addr2Line(code, target * (int)sizeof(_Py_CODEUNIT)) == line;
}

/* Before an instruction while a trace function is set: "line" and "opcode" events.  0, or
 * -1 with an exception set. */
static int
trace_instruction(PyThreadState *tstate, _PyInterpreterFrame *frame)
{
    if (tstate->tracing || tstate->c_tracefunc == NULL || !trace_wants_lines(tstate, frame)) {
        return 0;
    }
    PyCodeObject *code = _PyFrame_GetCode(frame);
    int lasti = _PyInterpreterFrame_LASTI(frame);
    if (lasti < prologue_end(code)) {
        return 0;
    }
    /* The frame object keeps the line-tracking state. */
    PyFrameObject *f = _PyFrame_GetFrameObject(frame);
    if (f == NULL) {
        return -1;
    }
    int line = PyCode_Addr2Line(code, lasti * (int)sizeof(_Py_CODEUNIT));
    int new_line = line >= 0 && (line != f->f_trace_last_line || lasti <= f->f_trace_last_instr);
    if (new_line && is_jump_within_line(code, lasti, line)) {
        /* The target reports the line (as the re-run of a loop condition). */
        new_line = 0;
        line = -1;
    }
    f->f_trace_last_instr = lasti;
    if (line >= 0) {
        f->f_trace_last_line = line;
    }
    if (new_line && f->f_trace_lines) {
        if (call_trace(tstate, tstate->c_tracefunc, tstate->c_traceobj, frame, PyTrace_LINE,
                       Py_None) < 0) {
            return -1;
        }
    }
    /* The line event may have removed the trace function or replaced the frame's flags. */
    if (f->f_trace_opcodes && tstate->c_tracefunc != NULL) {
        if (call_trace(tstate, tstate->c_tracefunc, tstate->c_traceobj, frame, PyTrace_OPCODE,
                       Py_None) < 0) {
            return -1;
        }
    }
    return 0;
}

/* The object a profiler's "c_call" event names for a call of `callable` whose first argument
 * is `self_arg` (NULL if none): a builtin function itself, or a method descriptor bound to
 * self_arg (a builtin method, as CPython reports it).  New reference; NULL without an
 * exception if the call is not reported, NULL with an exception on failure. */
static PyObject *
profiled_c_callable(PyObject *callable, PyObject *self_arg)
{
    if (PyCFunction_Check(callable)) {
        return Py_NewRef(callable);
    }
    if (Py_IS_TYPE(callable, &PyMethodDescr_Type) && self_arg != NULL) {
        return Py_TYPE(callable)->tp_descr_get(callable, self_arg,
                                               (PyObject *)Py_TYPE(self_arg));
    }
    return NULL;
}

/* Before a call of `callable` (first argument self_arg, or NULL) while a profile function is
 * set: report "c_call" if the callable is a builtin.  Return 0 with *reported set to the
 * object reported (a new reference; NULL if there was no report), or -1 with an exception
 * set. */
static int
profile_c_call_begin(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *callable,
                     PyObject *self_arg, PyObject **reported)
{
    *reported = NULL;
    if (tstate->tracing || tstate->c_profilefunc == NULL) {
        return 0;
    }
    PyObject *obj = profiled_c_callable(callable, self_arg);
    if (obj == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    if (call_trace(tstate, tstate->c_profilefunc, tstate->c_profileobj, frame, PyTrace_C_CALL,
                   obj) < 0) {
        Py_DECREF(obj);
        return -1;
    }
    *reported = obj;
    return 0;
}

/* After the call that profile_c_call_begin reported (res is its result, NULL with an
 * exception set if it failed): report "c_return" or "c_exception".  Steals references to
 * reported and res; return res, or NULL with an exception set. */
static PyObject *
profile_c_call_end(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *reported,
                   PyObject *res)
{
    if (reported == NULL || tstate->c_profilefunc == NULL || tstate->tracing) {
        /* (The call may have removed the profile function.) */
        Py_XDECREF(reported);
        return res;
    }
    if (res != NULL) {
        if (call_trace(tstate, tstate->c_profilefunc, tstate->c_profileobj, frame,
                       PyTrace_C_RETURN, reported) < 0) {
            Py_CLEAR(res);
        }
    }
    else {
        PyObject *exc = PyErr_GetRaisedException();
        if (call_trace(tstate, tstate->c_profilefunc, tstate->c_profileobj, frame,
                       PyTrace_C_EXCEPTION, reported) < 0) {
            Py_XDECREF(exc);   /* the profile function's error replaces it */
        }
        else {
            PyErr_SetRaisedException(exc);
        }
    }
    Py_DECREF(reported);
    return res;
}

/* PyObject_Vectorcall with the profiler's c_call/c_return/c_exception events.  Return a new
 * reference, or NULL with an exception set.  (Out of line and cold: the loop's call path
 * keeps its registers when no profiler is set.) */
static Py_NO_INLINE __attribute__((cold)) PyObject *
profiled_vectorcall(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *callable,
                    PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t total = PyVectorcall_NARGS(nargsf) +
                       (kwnames != NULL ? PyTuple_GET_SIZE(kwnames) : 0);
    PyObject *reported;
    if (profile_c_call_begin(tstate, frame, callable, total > 0 ? args[0] : NULL,
                             &reported) < 0) {
        return NULL;
    }
    PyObject *res = PyObject_Vectorcall(callable, args, nargsf, kwnames);
    return profile_c_call_end(tstate, frame, reported, res);
}

/* PyObject_Call with the profiler's events (callargs is a tuple). */
static Py_NO_INLINE __attribute__((cold)) PyObject *
profiled_call(PyThreadState *tstate, _PyInterpreterFrame *frame, PyObject *callable,
              PyObject *callargs, PyObject *kwargs)
{
    PyObject *self_arg = PyTuple_GET_SIZE(callargs) > 0 ? PyTuple_GET_ITEM(callargs, 0) : NULL;
    PyObject *reported;
    if (profile_c_call_begin(tstate, frame, callable, self_arg, &reported) < 0) {
        return NULL;
    }
    PyObject *res = PyObject_Call(callable, callargs, kwargs);
    return profile_c_call_end(tstate, frame, reported, res);
}

/* ---- generators run inline ------------------------------------------------------------- */

/* SEND resumes a generator or coroutine in the same C loop, as a call does.  Claim it:
 * 1 if its state moved to FRAME_EXECUTING. */
static inline int
gen_try_enter_inline(PyGenObject *gen)
{
    return _PyGen_TrySetExecuting(gen, FT_ATOMIC_LOAD_INT8_RELAXED(gen->gi_frame_state));
}

/* A generator frame run inline stops (yield, return or exception): pop its level of the
 * handled-exception stack and set its state. */
static inline void
gen_leave_inline(PyThreadState *tstate, PyGenObject *gen, int8_t state)
{
    tstate->exc_info = gen->gi_exc_state.previous_item;
    gen->gi_exc_state.previous_item = NULL;
    if (state == FRAME_COMPLETED) {
        Py_CLEAR(gen->gi_exc_state.exc_value);
    }
    /* Last: from now on another thread may resume it (free-threaded build). */
    FT_ATOMIC_STORE_INT8_RELEASE(gen->gi_frame_state, state);
}

/* ---- the loop ---------------------------------------------------------------------------- */

/* Value stack access. */
#define TOP() (stack_pointer[-1])
#define SECOND() (stack_pointer[-2])
#define PEEK(n) (stack_pointer[-(n)])
#define SET_TOP(v) (stack_pointer[-1] = (v))
#define SET_SECOND(v) (stack_pointer[-2] = (v))
#define PUSH(v) (*stack_pointer++ = (v))
#define POP() (*--stack_pointer)
#define STACK_SHRINK(n) (stack_pointer -= (n))
#define STACK_GROW(n) (stack_pointer += (n))
#define SAVE_SP() _PyFrame_SetStackPointer(frame, stack_pointer)

#define GLOBALS() (frame->f_globals)
#define BUILTINS() (frame->f_builtins)
#define LOCALS() (frame->f_locals)
#define GETLOCAL(i) (frame->localsplus[(i)])

/* Load the cached state of `frame` after switching to it. */
#define LOAD_FRAME_STATE()                                                                    \
    do {                                                                                      \
        code = _PyFrame_GetCode(frame);                                                       \
        consts = _PyTuple_ITEMS(code->co_consts);                                             \
        names = code->co_names;                                                               \
        first_instr = _PyCode_CODE(code);                                                     \
        next_instr = frame->prev_instr + 1;                                                   \
        stack_pointer = _PyFrame_GetStackPointer(frame);                                      \
        UPDATE_TRACING();                                                                     \
    } while (0)

/* A trace function switches the dispatch to trace_instruction (before every instruction). */
#define TRACING_WANTED()                                                                      \
    (Py_UNLIKELY(tstate->c_tracefunc != NULL) && !tstate->tracing &&                          \
     trace_wants_lines(tstate, frame))
#if USE_COMPUTED_GOTOS
#  define UPDATE_TRACING()                                                                    \
    (dispatch_table = TRACING_WANTED() ? trace_targets : opcode_targets)
#else
#  define UPDATE_TRACING() (tracing_lines = TRACING_WANTED())
#endif

/* Fetch the next instruction; frame->prev_instr always names the executing one. */
#define NEXTOPARG()                                                                           \
    do {                                                                                      \
        word = *next_instr;                                                                   \
        frame->prev_instr = next_instr++;                                                     \
        opcode = _Py_OPCODE(word);                                                            \
        oparg = _Py_OPARG(word);                                                              \
    } while (0)

#if USE_COMPUTED_GOTOS
#  define TARGET(op) TARGET_##op:
#  define DISPATCH_GOTO() goto *dispatch_table[opcode]
#else
#  define TARGET(op) case op:
#  define DISPATCH_GOTO() goto dispatch_opcode
#endif

#define DISPATCH()                                                                            \
    do {                                                                                      \
        NEXTOPARG();                                                                          \
        DISPATCH_GOTO();                                                                      \
    } while (0)

#define JUMPBY(n) (next_instr += (n))

/* The eval breaker: a relaxed load is enough, _Py_HandlePending re-reads it. */
#define CHECK_EVAL_BREAKER()                                                                  \
    do {                                                                                      \
        if (Py_UNLIKELY(_Py_atomic_load_uintptr_relaxed(&tstate->eval_breaker) &             \
                        _PY_EVAL_EVENTS_MASK)) {                                              \
            SAVE_SP();                                                                        \
            if (_Py_HandlePending(tstate) != 0) {                                             \
                goto error;                                                                   \
            }                                                                                 \
        }                                                                                     \
    } while (0)


PyObject * _Py_HOT_FUNCTION
_PyEval_EvalFrameDefault(PyThreadState *tstate, _PyInterpreterFrame *frame, int throwflag)
{
#if USE_COMPUTED_GOTOS
    static void *const trace_targets[256] = {
        [0 ... 255] = &&traced_instruction,
    };
    static void *const opcode_targets[256] = {
        [0 ... 255] = &&unknown_opcode,
        [NOP] = &&TARGET_NOP,
        [RESUME] = &&TARGET_RESUME,
        [EXTENDED_ARG] = &&TARGET_EXTENDED_ARG,
        [LOAD_FAST] = &&TARGET_LOAD_FAST,
        [LOAD_FAST_CHECK] = &&TARGET_LOAD_FAST_CHECK,
        [LOAD_FAST_AND_CLEAR] = &&TARGET_LOAD_FAST_AND_CLEAR,
        [STORE_FAST] = &&TARGET_STORE_FAST,
        [DELETE_FAST] = &&TARGET_DELETE_FAST,
        [LOAD_CONST] = &&TARGET_LOAD_CONST,
        [MAKE_CELL] = &&TARGET_MAKE_CELL,
        [COPY_FREE_VARS] = &&TARGET_COPY_FREE_VARS,
        [LOAD_DEREF] = &&TARGET_LOAD_DEREF,
        [STORE_DEREF] = &&TARGET_STORE_DEREF,
        [DELETE_DEREF] = &&TARGET_DELETE_DEREF,
        [LOAD_FROM_DICT_OR_DEREF] = &&TARGET_LOAD_FROM_DICT_OR_DEREF,
        [LOAD_NAME] = &&TARGET_LOAD_NAME,
        [LOAD_FROM_DICT_OR_GLOBALS] = &&TARGET_LOAD_FROM_DICT_OR_GLOBALS,
        [STORE_NAME] = &&TARGET_STORE_NAME,
        [DELETE_NAME] = &&TARGET_DELETE_NAME,
        [LOAD_GLOBAL] = &&TARGET_LOAD_GLOBAL,
        [STORE_GLOBAL] = &&TARGET_STORE_GLOBAL,
        [DELETE_GLOBAL] = &&TARGET_DELETE_GLOBAL,
        [LOAD_LOCALS] = &&TARGET_LOAD_LOCALS,
        [LOAD_BUILD_CLASS] = &&TARGET_LOAD_BUILD_CLASS,
        [LOAD_ASSERTION_ERROR] = &&TARGET_LOAD_ASSERTION_ERROR,
        [SETUP_ANNOTATIONS] = &&TARGET_SETUP_ANNOTATIONS,
        [LOAD_ATTR] = &&TARGET_LOAD_ATTR,
        [STORE_ATTR] = &&TARGET_STORE_ATTR,
        [DELETE_ATTR] = &&TARGET_DELETE_ATTR,
        [LOAD_SUPER_ATTR] = &&TARGET_LOAD_SUPER_ATTR,
        [POP_TOP] = &&TARGET_POP_TOP,
        [PUSH_NULL] = &&TARGET_PUSH_NULL,
        [COPY] = &&TARGET_COPY,
        [SWAP] = &&TARGET_SWAP,
        [END_SEND] = &&TARGET_END_SEND,
        [UNARY_NEGATIVE] = &&TARGET_UNARY_NEGATIVE,
        [UNARY_NOT] = &&TARGET_UNARY_NOT,
        [UNARY_INVERT] = &&TARGET_UNARY_INVERT,
        [BINARY_OP] = &&TARGET_BINARY_OP,
        [COMPARE_OP] = &&TARGET_COMPARE_OP,
        [IS_OP] = &&TARGET_IS_OP,
        [CONTAINS_OP] = &&TARGET_CONTAINS_OP,
        [BINARY_SUBSCR] = &&TARGET_BINARY_SUBSCR,
        [STORE_SUBSCR] = &&TARGET_STORE_SUBSCR,
        [DELETE_SUBSCR] = &&TARGET_DELETE_SUBSCR,
        [BINARY_SLICE] = &&TARGET_BINARY_SLICE,
        [STORE_SLICE] = &&TARGET_STORE_SLICE,
        [BUILD_SLICE] = &&TARGET_BUILD_SLICE,
        [BUILD_TUPLE] = &&TARGET_BUILD_TUPLE,
        [BUILD_LIST] = &&TARGET_BUILD_LIST,
        [BUILD_SET] = &&TARGET_BUILD_SET,
        [BUILD_MAP] = &&TARGET_BUILD_MAP,
        [BUILD_CONST_KEY_MAP] = &&TARGET_BUILD_CONST_KEY_MAP,
        [BUILD_STRING] = &&TARGET_BUILD_STRING,
        [LIST_APPEND] = &&TARGET_LIST_APPEND,
        [SET_ADD] = &&TARGET_SET_ADD,
        [MAP_ADD] = &&TARGET_MAP_ADD,
        [LIST_EXTEND] = &&TARGET_LIST_EXTEND,
        [SET_UPDATE] = &&TARGET_SET_UPDATE,
        [DICT_UPDATE] = &&TARGET_DICT_UPDATE,
        [DICT_MERGE] = &&TARGET_DICT_MERGE,
        [UNPACK_SEQUENCE] = &&TARGET_UNPACK_SEQUENCE,
        [UNPACK_EX] = &&TARGET_UNPACK_EX,
        [GET_ITER] = &&TARGET_GET_ITER,
        [GET_YIELD_FROM_ITER] = &&TARGET_GET_YIELD_FROM_ITER,
        [FOR_ITER] = &&TARGET_FOR_ITER,
        [GET_LEN] = &&TARGET_GET_LEN,
        [JUMP_FORWARD] = &&TARGET_JUMP_FORWARD,
        [JUMP_BACKWARD] = &&TARGET_JUMP_BACKWARD,
        [JUMP_BACKWARD_NO_INTERRUPT] = &&TARGET_JUMP_BACKWARD_NO_INTERRUPT,
        [POP_JUMP_IF_FALSE] = &&TARGET_POP_JUMP_IF_FALSE,
        [POP_JUMP_IF_TRUE] = &&TARGET_POP_JUMP_IF_TRUE,
        [POP_JUMP_IF_NONE] = &&TARGET_POP_JUMP_IF_NONE,
        [POP_JUMP_IF_NOT_NONE] = &&TARGET_POP_JUMP_IF_NOT_NONE,
        [CALL] = &&TARGET_CALL,
        [CALL_KW] = &&TARGET_CALL_KW,
        [CALL_FUNCTION_EX] = &&TARGET_CALL_FUNCTION_EX,
        [MAKE_FUNCTION] = &&TARGET_MAKE_FUNCTION,
        [SET_FUNCTION_ATTRIBUTE] = &&TARGET_SET_FUNCTION_ATTRIBUTE,
        [EXIT_INIT_CHECK] = &&TARGET_EXIT_INIT_CHECK,
        [CALL_INTRINSIC_1] = &&TARGET_CALL_INTRINSIC_1,
        [CALL_INTRINSIC_2] = &&TARGET_CALL_INTRINSIC_2,
        [CONVERT_VALUE] = &&TARGET_CONVERT_VALUE,
        [FORMAT_SIMPLE] = &&TARGET_FORMAT_SIMPLE,
        [FORMAT_WITH_SPEC] = &&TARGET_FORMAT_WITH_SPEC,
        [IMPORT_NAME] = &&TARGET_IMPORT_NAME,
        [IMPORT_FROM] = &&TARGET_IMPORT_FROM,
        [RETURN_VALUE] = &&TARGET_RETURN_VALUE,
        [RETURN_CONST] = &&TARGET_RETURN_CONST,
        [INTERPRETER_EXIT] = &&TARGET_INTERPRETER_EXIT,
        [RETURN_GENERATOR] = &&TARGET_RETURN_GENERATOR,
        [YIELD_VALUE] = &&TARGET_YIELD_VALUE,
        [SEND] = &&TARGET_SEND,
        [GET_AWAITABLE] = &&TARGET_GET_AWAITABLE,
        [GET_AITER] = &&TARGET_GET_AITER,
        [GET_ANEXT] = &&TARGET_GET_ANEXT,
        [END_ASYNC_FOR] = &&TARGET_END_ASYNC_FOR,
        [CLEANUP_THROW] = &&TARGET_CLEANUP_THROW,
        [BEFORE_WITH] = &&TARGET_BEFORE_WITH,
        [BEFORE_ASYNC_WITH] = &&TARGET_BEFORE_ASYNC_WITH,
        [WITH_EXCEPT_START] = &&TARGET_WITH_EXCEPT_START,
        [PUSH_EXC_INFO] = &&TARGET_PUSH_EXC_INFO,
        [POP_EXCEPT] = &&TARGET_POP_EXCEPT,
        [CHECK_EXC_MATCH] = &&TARGET_CHECK_EXC_MATCH,
        [CHECK_EG_MATCH] = &&TARGET_CHECK_EG_MATCH,
        [RAISE_VARARGS] = &&TARGET_RAISE_VARARGS,
        [RERAISE] = &&TARGET_RERAISE,
        [MATCH_MAPPING] = &&TARGET_MATCH_MAPPING,
        [MATCH_SEQUENCE] = &&TARGET_MATCH_SEQUENCE,
        [MATCH_KEYS] = &&TARGET_MATCH_KEYS,
        [MATCH_CLASS] = &&TARGET_MATCH_CLASS,
    };
    void *const *dispatch_table = opcode_targets;
#else
    int tracing_lines = 0;
#endif
    _Py_CODEUNIT word;
    int opcode;
    int oparg;
    PyCodeObject *code;
    PyObject *const *consts;
    PyObject *names;
    _Py_CODEUNIT *first_instr;
    _Py_CODEUNIT *next_instr;
    PyObject **stack_pointer;
    PyObject *retval;

    if (_Py_EnterRecursiveCallTstate(tstate, "")) {
        /* The frame was pushed by our caller: release it. */
        frame->previous = tstate->current_frame;
        tstate->current_frame = frame;
        tstate->py_recursion_remaining--;
        frame->is_entry = 1;
        tstate->c_recursion_remaining--;
        goto exit_unwind;
    }
    frame->previous = tstate->current_frame;
    frame->is_entry = 1;
    tstate->current_frame = frame;

    if (throwflag) {
        /* A generator resumed with gen.throw(): the exception is raised at the suspended
         * instruction.  The Python recursion count is taken as on a normal resume. */
        if (_Py_EnterRecursivePy(tstate)) {
            goto exit_unwind;
        }
        LOAD_FRAME_STATE();
        goto error;
    }

start_frame:
    if (_Py_EnterRecursivePy(tstate)) {
        goto exit_unwind;
    }
    if (Py_UNLIKELY(tstate->c_tracefunc != NULL || tstate->c_profilefunc != NULL) &&
        !(frame->owner == FRAME_OWNED_BY_THREAD &&
          (_PyFrame_GetCode(frame)->co_flags &
           (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)))) {
        /* (A generator function's own call only creates the generator: its first
         * resumption is the "call".) */
        if (trace_frame_event(tstate, frame, PyTrace_CALL, Py_None) < 0) {
            goto exit_unwind;
        }
    }

    LOAD_FRAME_STATE();
    DISPATCH();

traced_instruction:
    /* Line tracing is on for this frame: report, then run the instruction. */
    SAVE_SP();
    if (trace_instruction(tstate, frame) < 0) {
        goto error;
    }
    UPDATE_TRACING();
#if USE_COMPUTED_GOTOS
    goto *opcode_targets[opcode];
#else
    goto dispatch_real;
#endif

#if !USE_COMPUTED_GOTOS
dispatch_opcode:
    if (Py_UNLIKELY(tracing_lines)) {
        goto traced_instruction;
    }
dispatch_real:
    switch (opcode)
#endif
    {
        TARGET(NOP) {
            DISPATCH();
        }

        TARGET(RESUME) {
            CHECK_EVAL_BREAKER();
            DISPATCH();
        }

        TARGET(EXTENDED_ARG) {
            int high = oparg;
            NEXTOPARG();
            oparg |= high << 8;
            DISPATCH_GOTO();
        }

        /* ---- locals, cells, names ---- */

        TARGET(LOAD_FAST) {
            PyObject *value = GETLOCAL(oparg);
            if (Py_UNLIKELY(value == NULL)) {
                format_unbound_local(tstate, code, oparg);
                goto error;
            }
            PUSH(Py_NewRef(value));
            DISPATCH();
        }

        TARGET(LOAD_FAST_CHECK) {
            PyObject *value = GETLOCAL(oparg);
            if (value == NULL) {
                format_unbound_local(tstate, code, oparg);
                goto error;
            }
            PUSH(Py_NewRef(value));
            DISPATCH();
        }

        TARGET(LOAD_FAST_AND_CLEAR) {
            PUSH(GETLOCAL(oparg));
            GETLOCAL(oparg) = NULL;
            DISPATCH();
        }

        TARGET(STORE_FAST) {
            PyObject *value = POP();
            PyObject *old = GETLOCAL(oparg);
            GETLOCAL(oparg) = value;
            Py_XDECREF(old);
            DISPATCH();
        }

        TARGET(DELETE_FAST) {
            PyObject *old = GETLOCAL(oparg);
            if (old == NULL) {
                format_unbound_local(tstate, code, oparg);
                goto error;
            }
            GETLOCAL(oparg) = NULL;
            Py_DECREF(old);
            DISPATCH();
        }

        TARGET(LOAD_CONST) {
            PUSH(Py_NewRef(consts[oparg]));
            DISPATCH();
        }

        TARGET(MAKE_CELL) {
            PyObject *initial = GETLOCAL(oparg);
            PyObject *cell = PyCell_New(initial);
            if (cell == NULL) {
                goto error;
            }
            GETLOCAL(oparg) = cell;
            Py_XDECREF(initial);
            DISPATCH();
        }

        TARGET(COPY_FREE_VARS) {
            PyObject *closure = ((PyFunctionObject *)frame->f_funcobj)->func_closure;
            int offset = code->co_nlocalsplus - oparg;
            if (closure == NULL || PyTuple_GET_SIZE(closure) < oparg) {
                PyErr_SetString(PyExc_SystemError, "COPY_FREE_VARS: bad closure");
                goto error;
            }
            for (int i = 0; i < oparg; i++) {
                PyObject *old = GETLOCAL(offset + i);
                GETLOCAL(offset + i) = Py_NewRef(PyTuple_GET_ITEM(closure, i));
                Py_XDECREF(old);
            }
            DISPATCH();
        }

        TARGET(LOAD_DEREF) {
            PyObject *value = PyCell_Get(GETLOCAL(oparg));
            if (value == NULL) {
                if (!PyErr_Occurred()) {
                    format_unbound_deref(tstate, code, oparg);
                }
                goto error;
            }
            PUSH(value);
            DISPATCH();
        }

        TARGET(STORE_DEREF) {
            PyObject *value = POP();
            int err = PyCell_Set(GETLOCAL(oparg), value);
            Py_DECREF(value);
            if (err < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(DELETE_DEREF) {
            PyObject *cell = GETLOCAL(oparg);
            PyObject *old = PyCell_Get(cell);
            if (old == NULL) {
                if (!PyErr_Occurred()) {
                    format_unbound_deref(tstate, code, oparg);
                }
                goto error;
            }
            Py_DECREF(old);
            if (PyCell_Set(cell, NULL) < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(LOAD_FROM_DICT_OR_DEREF) {
            PyObject *mapping = POP();
            PyObject *name = PyTuple_GET_ITEM(code->co_localsplusnames, oparg);
            PyObject *value;
            int r = PyMapping_GetOptionalItem(mapping, name, &value);
            Py_DECREF(mapping);
            if (r < 0) {
                goto error;
            }
            if (value == NULL) {
                value = PyCell_Get(GETLOCAL(oparg));
                if (value == NULL) {
                    if (!PyErr_Occurred()) {
                        format_unbound_deref(tstate, code, oparg);
                    }
                    goto error;
                }
            }
            PUSH(value);
            DISPATCH();
        }

        TARGET(LOAD_NAME) {
            PyObject *name = PyTuple_GET_ITEM(names, oparg);
            PyObject *mapping = LOCALS();
            if (mapping == NULL) {
                PyErr_Format(PyExc_SystemError, "no locals when loading %R", name);
                goto error;
            }
            PUSH(mapping);
            Py_INCREF(mapping);
            goto load_name_from_mapping;
        }

        TARGET(LOAD_FROM_DICT_OR_GLOBALS) {
            goto load_name_from_mapping;
        }

        load_name_from_mapping: {
            /* The mapping to look in first is on top of the stack (owned). */
            PyObject *name = PyTuple_GET_ITEM(names, oparg);
            PyObject *mapping = POP();
            PyObject *value;
            int r = PyMapping_GetOptionalItem(mapping, name, &value);
            Py_DECREF(mapping);
            if (r < 0) {
                goto error;
            }
            if (value == NULL) {
                if (PyDict_GetItemRef(GLOBALS(), name, &value) < 0) {
                    goto error;
                }
                if (value == NULL) {
                    if (PyMapping_GetOptionalItem(BUILTINS(), name, &value) < 0) {
                        goto error;
                    }
                    if (value == NULL) {
                        _PyEval_FormatExcCheckArg(tstate, PyExc_NameError, NAME_ERROR_MSG, name);
                        goto error;
                    }
                }
            }
            PUSH(value);
            DISPATCH();
        }

        TARGET(STORE_NAME) {
            PyObject *name = PyTuple_GET_ITEM(names, oparg);
            PyObject *value = POP();
            PyObject *ns = LOCALS();
            int err;
            if (ns == NULL) {
                PyErr_Format(PyExc_SystemError, "no locals found when storing %R", name);
                Py_DECREF(value);
                goto error;
            }
            if (PyDict_CheckExact(ns)) {
                err = PyDict_SetItem(ns, name, value);
            }
            else {
                err = PyObject_SetItem(ns, name, value);
            }
            Py_DECREF(value);
            if (err < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(DELETE_NAME) {
            PyObject *name = PyTuple_GET_ITEM(names, oparg);
            PyObject *ns = LOCALS();
            if (ns == NULL) {
                PyErr_Format(PyExc_SystemError, "no locals when deleting %R", name);
                goto error;
            }
            if (PyObject_DelItem(ns, name) != 0) {
                _PyEval_FormatExcCheckArg(tstate, PyExc_NameError, NAME_ERROR_MSG, name);
                goto error;
            }
            DISPATCH();
        }

        TARGET(LOAD_GLOBAL) {
            PyObject *name = PyTuple_GET_ITEM(names, oparg >> 1);
            PyObject *value;
            if (PyDict_CheckExact(GLOBALS()) && PyDict_CheckExact(BUILTINS())) {
                value = _PyDict_LoadGlobal((PyDictObject *)GLOBALS(),
                                           (PyDictObject *)BUILTINS(), name);
                if (value == NULL) {
                    if (!PyErr_Occurred()) {
                        _PyEval_FormatExcCheckArg(tstate, PyExc_NameError, NAME_ERROR_MSG,
                                                  name);
                    }
                    goto error;
                }
            }
            else {
                if (PyMapping_GetOptionalItem(GLOBALS(), name, &value) < 0) {
                    goto error;
                }
                if (value == NULL) {
                    if (PyMapping_GetOptionalItem(BUILTINS(), name, &value) < 0) {
                        goto error;
                    }
                    if (value == NULL) {
                        _PyEval_FormatExcCheckArg(tstate, PyExc_NameError, NAME_ERROR_MSG,
                                                  name);
                        goto error;
                    }
                }
            }
            PUSH(value);
            if (oparg & 1) {
                PUSH(NULL);
            }
            DISPATCH();
        }

        TARGET(STORE_GLOBAL) {
            PyObject *name = PyTuple_GET_ITEM(names, oparg);
            PyObject *value = POP();
            int err = PyDict_SetItem(GLOBALS(), name, value);
            Py_DECREF(value);
            if (err < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(DELETE_GLOBAL) {
            PyObject *name = PyTuple_GET_ITEM(names, oparg);
            int err = PyDict_Pop(GLOBALS(), name, NULL);
            if (err < 0) {
                goto error;
            }
            if (err == 0) {
                _PyEval_FormatExcCheckArg(tstate, PyExc_NameError, NAME_ERROR_MSG, name);
                goto error;
            }
            DISPATCH();
        }

        TARGET(LOAD_LOCALS) {
            PyObject *locals = LOCALS();
            if (locals == NULL) {
                PyErr_SetString(PyExc_SystemError, "no locals found");
                goto error;
            }
            PUSH(Py_NewRef(locals));
            DISPATCH();
        }

        TARGET(LOAD_BUILD_CLASS) {
            PyObject *bc;
            if (PyMapping_GetOptionalItem(BUILTINS(), _Py_ID(__build_class__), &bc) < 0) {
                goto error;
            }
            if (bc == NULL) {
                PyErr_SetString(PyExc_NameError, "__build_class__ not found");
                goto error;
            }
            PUSH(bc);
            DISPATCH();
        }

        TARGET(LOAD_ASSERTION_ERROR) {
            PUSH(Py_NewRef(PyExc_AssertionError));
            DISPATCH();
        }

        TARGET(SETUP_ANNOTATIONS) {
            PyObject *locals = LOCALS();
            PyObject *ann;
            if (locals == NULL) {
                PyErr_SetString(PyExc_SystemError, "no locals found when setting up annotations");
                goto error;
            }
            if (PyMapping_GetOptionalItem(locals, _Py_ID(__annotations__), &ann) < 0) {
                goto error;
            }
            if (ann == NULL) {
                ann = PyDict_New();
                if (ann == NULL) {
                    goto error;
                }
                int err = PyObject_SetItem(locals, _Py_ID(__annotations__), ann);
                Py_DECREF(ann);
                if (err < 0) {
                    goto error;
                }
            }
            else {
                Py_DECREF(ann);
            }
            DISPATCH();
        }

        /* ---- attributes ---- */

        TARGET(LOAD_ATTR) {
            PyObject *name = PyTuple_GET_ITEM(names, oparg >> 1);
            PyObject *owner = TOP();
            if (oparg & 1) {
                PyObject *meth = NULL;
                if (load_method(owner, name, &meth)) {
                    /* meth self */
                    SET_TOP(meth);
                    PUSH(owner);
                }
                else {
                    Py_DECREF(owner);
                    if (meth == NULL) {
                        STACK_SHRINK(1);
                        goto error;
                    }
                    SET_TOP(meth);
                    PUSH(NULL);
                }
            }
            else {
                PyObject *res = PyObject_GetAttr(owner, name);
                Py_DECREF(owner);
                if (res == NULL) {
                    STACK_SHRINK(1);
                    goto error;
                }
                SET_TOP(res);
            }
            DISPATCH();
        }

        TARGET(STORE_ATTR) {
            PyObject *name = PyTuple_GET_ITEM(names, oparg);
            PyObject *owner = POP();
            PyObject *value = POP();
            int err = PyObject_SetAttr(owner, name, value);
            Py_DECREF(value);
            Py_DECREF(owner);
            if (err < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(DELETE_ATTR) {
            PyObject *name = PyTuple_GET_ITEM(names, oparg);
            PyObject *owner = POP();
            int err = PyObject_DelAttr(owner, name);
            Py_DECREF(owner);
            if (err < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(LOAD_SUPER_ATTR) {
            PyObject *name = PyTuple_GET_ITEM(names, oparg >> 2);
            PyObject *self = POP();
            PyObject *klass = POP();
            PyObject *global_super = POP();
            PyObject *sup;
            PyObject *args[2] = {klass, self};
            if (global_super == (PyObject *)&PySuper_Type && PyType_Check(klass)) {
                /* super(class, self).name without building the super object; zero- and
                 * two-argument forms are the same once __class__ and self are loaded. */
                int meth_found = 0;
                PyObject *attr = _PySuper_Lookup((PyTypeObject *)klass, self, name,
                                                 (oparg & 1) ? &meth_found : NULL);
                Py_DECREF(global_super);
                Py_DECREF(klass);
                if (attr == NULL) {
                    Py_DECREF(self);
                    goto error;
                }
                PUSH(attr);
                if (oparg & 1) {
                    if (meth_found) {
                        PUSH(self);    /* unbound method, self */
                    }
                    else {
                        Py_DECREF(self);
                        PUSH(NULL);
                    }
                }
                else {
                    Py_DECREF(self);
                }
                DISPATCH();
            }
            sup = PyObject_Vectorcall(global_super, args, (oparg & 2) ? 2 : 0, NULL);
            Py_DECREF(global_super);
            Py_DECREF(klass);
            Py_DECREF(self);
            if (sup == NULL) {
                goto error;
            }
            PyObject *attr = PyObject_GetAttr(sup, name);
            Py_DECREF(sup);
            if (attr == NULL) {
                goto error;
            }
            PUSH(attr);
            if (oparg & 1) {
                PUSH(NULL);
            }
            DISPATCH();
        }

        /* ---- stack manipulation ---- */

        TARGET(POP_TOP) {
            PyObject *value = POP();
            Py_XDECREF(value);
            DISPATCH();
        }

        TARGET(PUSH_NULL) {
            PUSH(NULL);
            DISPATCH();
        }

        TARGET(COPY) {
            PyObject *value = PEEK(oparg);
            PUSH(Py_XNewRef(value));
            DISPATCH();
        }

        TARGET(SWAP) {
            PyObject *top = TOP();
            SET_TOP(PEEK(oparg));
            PEEK(oparg) = top;
            DISPATCH();
        }

        TARGET(END_SEND) {
            PyObject *value = POP();
            PyObject *receiver = TOP();
            SET_TOP(value);
            Py_DECREF(receiver);
            DISPATCH();
        }

        /* ---- operators ---- */

        TARGET(UNARY_NEGATIVE) {
            PyObject *value = TOP();
            PyObject *res = PyNumber_Negative(value);
            Py_DECREF(value);
            if (res == NULL) {
                STACK_SHRINK(1);
                goto error;
            }
            SET_TOP(res);
            DISPATCH();
        }

        TARGET(UNARY_NOT) {
            PyObject *value = TOP();
            int err = PyObject_IsTrue(value);
            Py_DECREF(value);
            if (err < 0) {
                STACK_SHRINK(1);
                goto error;
            }
            SET_TOP(err ? Py_False : Py_True);
            DISPATCH();
        }

        TARGET(UNARY_INVERT) {
            PyObject *value = TOP();
            PyObject *res = PyNumber_Invert(value);
            Py_DECREF(value);
            if (res == NULL) {
                STACK_SHRINK(1);
                goto error;
            }
            SET_TOP(res);
            DISPATCH();
        }

        TARGET(BINARY_OP) {
            PyObject *rhs = POP();
            PyObject *lhs = TOP();
            PyObject *res;
            if ((oparg == NB_INPLACE_ADD || oparg == NB_ADD) && PyUnicode_CheckExact(lhs) &&
                PyUnicode_CheckExact(rhs) && _Py_OPCODE(*next_instr) == STORE_FAST &&
                GETLOCAL(_Py_OPARG(*next_instr)) == lhs && Py_REFCNT(lhs) == 2) {
                /* s = s + t / s += t on a local: drop the local's reference so the string
                 * can be resized in place, and do the STORE_FAST here. */
                int target = _Py_OPARG(*next_instr);
                GETLOCAL(target) = NULL;
                Py_DECREF(lhs);
                STACK_SHRINK(1);
                PyUnicode_Append(&lhs, rhs);
                Py_DECREF(rhs);
                if (lhs == NULL) {
                    goto error;
                }
                GETLOCAL(target) = lhs;
                next_instr++;
                DISPATCH();
            }
            if (!binary_op_fast(oparg, lhs, rhs, &res)) {
                if (Py_UNLIKELY(oparg > NB_INPLACE_XOR)) {
                    PyErr_Format(PyExc_SystemError, "bad BINARY_OP argument %d", oparg);
                    res = NULL;
                }
                else {
                    res = binary_ops[oparg](lhs, rhs);
                }
            }
            Py_DECREF(lhs);
            Py_DECREF(rhs);
            if (res == NULL) {
                STACK_SHRINK(1);
                goto error;
            }
            SET_TOP(res);
            DISPATCH();
        }

        TARGET(COMPARE_OP) {
            PyObject *right = POP();
            PyObject *left = TOP();
            PyObject *res = compare_op_fast(oparg, left, right);
            if (res == NULL) {
                if (Py_UNLIKELY(oparg > Py_GE)) {
                    PyErr_Format(PyExc_SystemError, "bad COMPARE_OP argument %d", oparg);
                }
                else {
                    res = PyObject_RichCompare(left, right, oparg);
                }
            }
            Py_DECREF(left);
            Py_DECREF(right);
            if (res == NULL) {
                STACK_SHRINK(1);
                goto error;
            }
            SET_TOP(res);
            DISPATCH();
        }

        TARGET(IS_OP) {
            PyObject *right = POP();
            PyObject *left = TOP();
            int res = (left == right) ^ oparg;
            Py_DECREF(left);
            Py_DECREF(right);
            SET_TOP(res ? Py_True : Py_False);
            DISPATCH();
        }

        TARGET(CONTAINS_OP) {
            PyObject *right = POP();
            PyObject *left = TOP();
            int res = PySequence_Contains(right, left);
            Py_DECREF(left);
            Py_DECREF(right);
            if (res < 0) {
                STACK_SHRINK(1);
                goto error;
            }
            SET_TOP((res ^ oparg) ? Py_True : Py_False);
            DISPATCH();
        }

        TARGET(BINARY_SUBSCR) {
            PyObject *sub = POP();
            PyObject *container = TOP();
            PyObject *res = NULL;
            if (PyLong_CheckExact(sub) && _PyLong_IsCompact(sub) &&
                (PyList_CheckExact(container) || PyTuple_CheckExact(container))) {
                int64_t index = _PyLong_CompactValue(sub);
                if (PyTuple_CheckExact(container)) {
                    Py_ssize_t n = PyTuple_GET_SIZE(container);
                    if (index < 0) {
                        index += n;
                    }
                    if (index >= 0 && index < n) {
                        res = Py_NewRef(PyTuple_GET_ITEM(container, index));
                    }
                }
                else {
                    Py_ssize_t n = PyList_GET_SIZE(container);
                    if (index < 0) {
                        index += n;
                    }
                    if (index >= 0 && index < n) {
                        /* Re-checked under the list's lock in the free-threaded build. */
                        res = PyList_GetItemRef(container, (Py_ssize_t)index);
                        if (res == NULL) {
                            goto binary_subscr_error;
                        }
                    }
                }
            }
            if (res == NULL) {
                res = PyObject_GetItem(container, sub);
            }
        binary_subscr_error:
            Py_DECREF(container);
            Py_DECREF(sub);
            if (res == NULL) {
                STACK_SHRINK(1);
                goto error;
            }
            SET_TOP(res);
            DISPATCH();
        }

        TARGET(STORE_SUBSCR) {
            PyObject *sub = POP();
            PyObject *container = POP();
            PyObject *value = POP();
            int err;
            if (PyDict_CheckExact(container)) {
                err = PyDict_SetItem(container, sub, value);
            }
            else {
                err = PyObject_SetItem(container, sub, value);
            }
            Py_DECREF(value);
            Py_DECREF(container);
            Py_DECREF(sub);
            if (err < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(DELETE_SUBSCR) {
            PyObject *sub = POP();
            PyObject *container = POP();
            int err = PyObject_DelItem(container, sub);
            Py_DECREF(container);
            Py_DECREF(sub);
            if (err < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(BINARY_SLICE) {
            PyObject *stop = POP();
            PyObject *start = POP();
            PyObject *container = TOP();
            PyObject *slice = _PyBuildSlice_ConsumeRefs(start, stop);
            PyObject *res = NULL;
            if (slice != NULL) {
                res = PyObject_GetItem(container, slice);
                Py_DECREF(slice);
            }
            Py_DECREF(container);
            if (res == NULL) {
                STACK_SHRINK(1);
                goto error;
            }
            SET_TOP(res);
            DISPATCH();
        }

        TARGET(STORE_SLICE) {
            PyObject *stop = POP();
            PyObject *start = POP();
            PyObject *container = POP();
            PyObject *value = POP();
            PyObject *slice = _PyBuildSlice_ConsumeRefs(start, stop);
            int err = -1;
            if (slice != NULL) {
                err = PyObject_SetItem(container, slice, value);
                Py_DECREF(slice);
            }
            Py_DECREF(value);
            Py_DECREF(container);
            if (err < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(BUILD_SLICE) {
            PyObject *step = oparg == 3 ? POP() : NULL;
            PyObject *stop = POP();
            PyObject *start = POP();
            PyObject *slice = PySlice_New(start, stop, step);
            Py_DECREF(start);
            Py_DECREF(stop);
            Py_XDECREF(step);
            if (slice == NULL) {
                goto error;
            }
            PUSH(slice);
            DISPATCH();
        }

        /* ---- building containers ---- */

        TARGET(BUILD_TUPLE) {
            PyObject *tup = _PyTuple_FromArraySteal(stack_pointer - oparg, oparg);
            STACK_SHRINK(oparg);
            if (tup == NULL) {
                goto error;
            }
            PUSH(tup);
            DISPATCH();
        }

        TARGET(BUILD_LIST) {
            PyObject *list = _PyList_FromArraySteal(stack_pointer - oparg, oparg);
            STACK_SHRINK(oparg);
            if (list == NULL) {
                goto error;
            }
            PUSH(list);
            DISPATCH();
        }

        TARGET(BUILD_SET) {
            PyObject *set = PySet_New(NULL);
            int err = set == NULL ? -1 : 0;
            for (int i = oparg; i > 0; i--) {
                PyObject *item = PEEK(i);
                if (err == 0) {
                    err = PySet_Add(set, item);
                }
                Py_DECREF(item);
            }
            STACK_SHRINK(oparg);
            if (err != 0) {
                Py_XDECREF(set);
                goto error;
            }
            PUSH(set);
            DISPATCH();
        }

        TARGET(BUILD_MAP) {
            PyObject **items = stack_pointer - 2 * oparg;
            PyObject *map = _PyDict_FromItems(items, 2, items + 1, 2, oparg);
            for (int i = 0; i < 2 * oparg; i++) {
                Py_DECREF(items[i]);
            }
            STACK_SHRINK(2 * oparg);
            if (map == NULL) {
                goto error;
            }
            PUSH(map);
            DISPATCH();
        }

        TARGET(BUILD_CONST_KEY_MAP) {
            PyObject *keys = POP();
            PyObject **values = stack_pointer - oparg;
            PyObject *map = NULL;
            if (!PyTuple_CheckExact(keys) || PyTuple_GET_SIZE(keys) != oparg) {
                PyErr_SetString(PyExc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
            }
            else {
                map = _PyDict_FromItems(_PyTuple_ITEMS(keys), 1, values, 1, oparg);
            }
            Py_DECREF(keys);
            for (int i = 0; i < oparg; i++) {
                Py_DECREF(values[i]);
            }
            STACK_SHRINK(oparg);
            if (map == NULL) {
                goto error;
            }
            PUSH(map);
            DISPATCH();
        }

        TARGET(BUILD_STRING) {
            PyObject **pieces = stack_pointer - oparg;
            PyObject *str = _PyUnicode_JoinArray(_Py_STR_EMPTY(), pieces, oparg);
            for (int i = 0; i < oparg; i++) {
                Py_DECREF(pieces[i]);
            }
            STACK_SHRINK(oparg);
            if (str == NULL) {
                goto error;
            }
            PUSH(str);
            DISPATCH();
        }

        TARGET(LIST_APPEND) {
            PyObject *value = POP();
            PyObject *list = PEEK(oparg);
            if (_PyList_AppendTakeRef((PyListObject *)list, value) < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(SET_ADD) {
            PyObject *value = POP();
            PyObject *set = PEEK(oparg);
            int err = PySet_Add(set, value);
            Py_DECREF(value);
            if (err < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(MAP_ADD) {
            PyObject *value = POP();
            PyObject *key = POP();
            PyObject *dict = PEEK(oparg);
            int err = PyDict_SetItem(dict, key, value);
            Py_DECREF(key);
            Py_DECREF(value);
            if (err < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(LIST_EXTEND) {
            PyObject *iterable = POP();
            PyObject *list = PEEK(oparg);
            if (PyList_Extend(list, iterable) < 0) {
                if (PyErr_ExceptionMatches(PyExc_TypeError) &&
                    Py_TYPE(iterable)->tp_iter == NULL && !PySequence_Check(iterable)) {
                    PyErr_Clear();
                    PyErr_Format(PyExc_TypeError, "Value after * must be an iterable, not %.200s",
                                 Py_TYPE(iterable)->tp_name);
                }
                Py_DECREF(iterable);
                goto error;
            }
            Py_DECREF(iterable);
            DISPATCH();
        }

        TARGET(SET_UPDATE) {
            PyObject *iterable = POP();
            PyObject *set = PEEK(oparg);
            int err = _PySet_Update(set, iterable);
            Py_DECREF(iterable);
            if (err < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(DICT_UPDATE) {
            PyObject *update = POP();
            PyObject *dict = PEEK(oparg);
            if (PyDict_Update(dict, update) < 0) {
                if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
                    PyErr_Clear();
                    PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping",
                                 Py_TYPE(update)->tp_name);
                }
                Py_DECREF(update);
                goto error;
            }
            Py_DECREF(update);
            DISPATCH();
        }

        TARGET(DICT_MERGE) {
            PyObject *update = POP();
            PyObject *dict = PEEK(oparg);
            /* In a call, the callable sits three slots below the dict being built. */
            PyObject *callable = NULL;
            if (stack_pointer - (oparg + 3) >= _PyFrame_Stackbase(frame)) {
                callable = PEEK(oparg + 3);
            }
            int err = dict_merge_for_call(callable, dict, update);
            Py_DECREF(update);
            if (err < 0) {
                goto error;
            }
            DISPATCH();
        }

        TARGET(UNPACK_SEQUENCE) {
            PyObject *seq = POP();
            int done = 0;
            if (PyTuple_CheckExact(seq) && PyTuple_GET_SIZE(seq) == oparg) {
                for (int i = oparg - 1; i >= 0; i--) {
                    PUSH(Py_NewRef(PyTuple_GET_ITEM(seq, i)));
                }
                done = 1;
            }
            else if (PyList_CheckExact(seq)) {
                Py_BEGIN_CRITICAL_SECTION_SHORT(seq);
                if (PyList_GET_SIZE(seq) == oparg) {
                    for (int i = oparg - 1; i >= 0; i--) {
                        PUSH(Py_NewRef(PyList_GET_ITEM(seq, i)));
                    }
                    done = 1;
                }
                Py_END_CRITICAL_SECTION_SHORT();
            }
            if (!done) {
                if (!_PyEval_UnpackIterable(tstate, seq, oparg, -1, stack_pointer + oparg)) {
                    Py_DECREF(seq);
                    goto error;
                }
                STACK_GROW(oparg);
            }
            Py_DECREF(seq);
            DISPATCH();
        }

        TARGET(UNPACK_EX) {
            int before = oparg & 0xFF;
            int after = oparg >> 8;
            int total = before + 1 + after;
            PyObject *seq = POP();
            if (!_PyEval_UnpackIterable(tstate, seq, before, after, stack_pointer + total)) {
                Py_DECREF(seq);
                goto error;
            }
            STACK_GROW(total);
            Py_DECREF(seq);
            DISPATCH();
        }

        /* ---- iteration ---- */

        TARGET(GET_ITER) {
            PyObject *iterable = TOP();
            PyObject *iter = PyObject_GetIter(iterable);
            Py_DECREF(iterable);
            if (iter == NULL) {
                STACK_SHRINK(1);
                goto error;
            }
            SET_TOP(iter);
            DISPATCH();
        }

        TARGET(GET_YIELD_FROM_ITER) {
            PyObject *iterable = TOP();
            if (PyCoro_CheckExact(iterable)) {
                if (!(code->co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
                    PyErr_SetString(PyExc_TypeError,
                                    "cannot 'yield from' a coroutine object "
                                    "in a non-coroutine generator");
                    goto error;
                }
            }
            else if (!PyGen_CheckExact(iterable)) {
                PyObject *iter = PyObject_GetIter(iterable);
                Py_DECREF(iterable);
                if (iter == NULL) {
                    STACK_SHRINK(1);
                    goto error;
                }
                SET_TOP(iter);
            }
            DISPATCH();
        }

        TARGET(FOR_ITER) {
            PyObject *iter = TOP();
            if (Py_TYPE(iter) == &PyRangeIter_Type) {
                /* range() fast path.  A range iterator shared by threads may hand out a
                 * value twice in the free-threaded build; it never reads freed memory. */
                _PyRangeIterObject *r = (_PyRangeIterObject *)iter;
                long len = _PyRangeIter_LOAD(r->len);
                if (len > 0) {
                    long value = _PyRangeIter_LOAD(r->start);
                    _PyRangeIter_STORE(r->start,
                                       (long)((unsigned long)value + (unsigned long)r->step));
                    _PyRangeIter_STORE(r->len, len - 1);
                    PyObject *next = PyLong_FromLong(value);
                    if (next == NULL) {
                        goto error;
                    }
                    PUSH(next);
                    DISPATCH();
                }
                STACK_SHRINK(1);
                Py_DECREF(iter);
                JUMPBY(oparg);
                DISPATCH();
            }
            if (Py_TYPE(iter) == &PyGen_Type && gen_try_enter_inline((PyGenObject *)iter)) {
                /* Resume the generator in this loop; it comes back here on yield (value
                 * pushed after FOR_ITER) or on return (loop exit, see do_return). */
                PyGenObject *gen = (PyGenObject *)iter;
                _PyInterpreterFrame *gen_frame = _PyGen_GetFrame(gen);
                gen_frame->localsplus[gen_frame->stacktop++] = Py_NewRef(Py_None);
                gen->gi_exc_state.previous_item = tstate->exc_info;
                tstate->exc_info = &gen->gi_exc_state;
                SAVE_SP();
                frame->return_offset = oparg;
                gen_frame->previous = frame;
                gen_frame->is_entry = 0;
                frame = gen_frame;
                tstate->current_frame = frame;
                goto start_frame;
            }
            iternextfunc iternext = Py_TYPE(iter)->tp_iternext;
            if (Py_UNLIKELY(iternext == NULL)) {
                PyErr_Format(PyExc_TypeError, "'%.200s' object is not an iterator",
                             Py_TYPE(iter)->tp_name);
                goto error;
            }
            PyObject *next = iternext(iter);
            if (next != NULL) {
                PUSH(next);
                DISPATCH();
            }
            if (PyErr_Occurred()) {
                if (!PyErr_ExceptionMatches(PyExc_StopIteration)) {
                    goto error;
                }
                PyErr_Clear();
            }
            STACK_SHRINK(1);
            Py_DECREF(iter);
            JUMPBY(oparg);
            DISPATCH();
        }

        TARGET(GET_LEN) {
            Py_ssize_t len = PyObject_Length(TOP());
            if (len < 0) {
                goto error;
            }
            PyObject *res = PyLong_FromSsize_t(len);
            if (res == NULL) {
                goto error;
            }
            PUSH(res);
            DISPATCH();
        }

        /* ---- jumps ---- */

        TARGET(JUMP_FORWARD) {
            JUMPBY(oparg);
            DISPATCH();
        }

        TARGET(JUMP_BACKWARD) {
            /* Check before jumping: an exception raised by a signal handler or an async
             * exception must be located at this instruction (inside the loop's try range),
             * not at the instruction before the jump target. */
            CHECK_EVAL_BREAKER();
            JUMPBY(-oparg);
            DISPATCH();
        }

        TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
            JUMPBY(-oparg);
            DISPATCH();
        }

        TARGET(POP_JUMP_IF_FALSE) {
            PyObject *cond = POP();
            if (cond == Py_False) {
                JUMPBY(oparg);
            }
            else if (cond != Py_True) {
                int err = PyObject_IsTrue(cond);
                Py_DECREF(cond);
                if (err < 0) {
                    goto error;
                }
                if (err == 0) {
                    JUMPBY(oparg);
                }
            }
            DISPATCH();
        }

        TARGET(POP_JUMP_IF_TRUE) {
            PyObject *cond = POP();
            if (cond == Py_True) {
                JUMPBY(oparg);
            }
            else if (cond != Py_False) {
                int err = PyObject_IsTrue(cond);
                Py_DECREF(cond);
                if (err < 0) {
                    goto error;
                }
                if (err > 0) {
                    JUMPBY(oparg);
                }
            }
            DISPATCH();
        }

        TARGET(POP_JUMP_IF_NONE) {
            PyObject *value = POP();
            if (value == Py_None) {
                JUMPBY(oparg);
            }
            else {
                Py_DECREF(value);
            }
            DISPATCH();
        }

        TARGET(POP_JUMP_IF_NOT_NONE) {
            PyObject *value = POP();
            if (value != Py_None) {
                Py_DECREF(value);
                JUMPBY(oparg);
            }
            DISPATCH();
        }

        /* ---- calls ---- */

        TARGET(CALL) {
            PyObject *kwnames = NULL;
            int nkw = 0;
            int total;
            PyObject **args;
            PyObject *callable;
            goto call_common;

        TARGET(CALL_KW)
            kwnames = POP();
            nkw = (int)PyTuple_GET_SIZE(kwnames);

        call_common:
            total = oparg;
            args = stack_pointer - oparg;
            callable = args[-2];
            if (args[-1] != NULL) {
                args--;
                total++;
            }
            else if (Py_TYPE(callable) == &PyMethod_Type) {
                PyObject *self = PyMethod_GET_SELF(callable);
                PyObject *func = PyMethod_GET_FUNCTION(callable);
                args[-1] = Py_NewRef(self);
                args[-2] = Py_NewRef(func);
                Py_DECREF(callable);
                callable = func;
                args--;
                total++;
            }
            if (Py_TYPE(callable) == &PyFunction_Type &&
                ((PyFunctionObject *)callable)->vectorcall == _PyFunction_Vectorcall &&
                (_PyFunction_GetCode((PyFunctionObject *)callable)->co_flags & CO_OPTIMIZED)) {
                /* A Python function: run it in this loop. */
                STACK_SHRINK(oparg + 2);
                SAVE_SP();
                _PyInterpreterFrame *new_frame = push_frame_and_init(
                    tstate, (PyFunctionObject *)callable, NULL, args, total - nkw, kwnames);
                Py_XDECREF(kwnames);
                if (new_frame == NULL) {
                    goto error;
                }
                new_frame->previous = frame;
                frame = new_frame;
                tstate->current_frame = frame;
                goto start_frame;
            }
            PyObject *res;
            if (Py_UNLIKELY(tstate->c_profilefunc != NULL)) {
                SAVE_SP();
                res = profiled_vectorcall(tstate, frame, callable, args,
                                          (size_t)(total - nkw) | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                          kwnames);
            }
            else {
                res = PyObject_Vectorcall(
                    callable, args, (size_t)(total - nkw) | PY_VECTORCALL_ARGUMENTS_OFFSET,
                    kwnames);
            }
            Py_XDECREF(kwnames);
            for (int i = 0; i < total; i++) {
                Py_DECREF(args[i]);
            }
            _Py_DecRefDeferred(callable);
            STACK_SHRINK(oparg + 2);
            if (res == NULL) {
                goto error;
            }
            PUSH(res);
            DISPATCH();
        }

        TARGET(CALL_FUNCTION_EX) {
            PyObject *kwargs = (oparg & 1) ? POP() : NULL;
            PyObject *callargs = POP();
            PyObject *self_or_null = POP();
            PyObject *func = TOP();
            PyObject *res = NULL;
            if (self_or_null != NULL) {
                /* Not produced by the compiler; fold self into the arguments. */
                PyObject *t = PySequence_Tuple(callargs);
                PyObject *full = NULL;
                if (t != NULL) {
                    full = PyTuple_New(PyTuple_GET_SIZE(t) + 1);
                    if (full != NULL) {
                        PyTuple_SET_ITEM(full, 0, Py_NewRef(self_or_null));
                        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(t); i++) {
                            PyTuple_SET_ITEM(full, i + 1, Py_NewRef(PyTuple_GET_ITEM(t, i)));
                        }
                    }
                    Py_DECREF(t);
                }
                Py_DECREF(self_or_null);
                Py_SETREF(callargs, full);
                if (callargs == NULL) {
                    Py_XDECREF(kwargs);
                    goto call_ex_error;
                }
            }
            if (!PyTuple_CheckExact(callargs)) {
                if (Py_TYPE(callargs)->tp_iter == NULL && !PySequence_Check(callargs)) {
                    PyObject *desc = callable_description(func);
                    if (desc != NULL) {
                        PyErr_Format(PyExc_TypeError,
                                     "%U argument after * must be an iterable, not %.200s",
                                     desc, Py_TYPE(callargs)->tp_name);
                        Py_DECREF(desc);
                    }
                    Py_DECREF(callargs);
                    Py_XDECREF(kwargs);
                    goto call_ex_error;
                }
                Py_SETREF(callargs, PySequence_Tuple(callargs));
                if (callargs == NULL) {
                    Py_XDECREF(kwargs);
                    goto call_ex_error;
                }
            }
            if (kwargs != NULL && !PyDict_CheckExact(kwargs)) {
                PyObject *d = PyDict_New();
                if (d == NULL || dict_merge_for_call(func, d, kwargs) < 0) {
                    Py_XDECREF(d);
                    Py_DECREF(kwargs);
                    Py_DECREF(callargs);
                    goto call_ex_error;
                }
                Py_SETREF(kwargs, d);
            }
            if (Py_TYPE(func) == &PyFunction_Type &&
                ((PyFunctionObject *)func)->vectorcall == _PyFunction_Vectorcall &&
                (_PyFunction_GetCode((PyFunctionObject *)func)->co_flags & CO_OPTIMIZED)) {
                STACK_SHRINK(1);
                SAVE_SP();
                _PyInterpreterFrame *new_frame = push_frame_from_tuple_dict(
                    tstate, (PyFunctionObject *)func, callargs, kwargs);
                Py_DECREF(callargs);
                Py_XDECREF(kwargs);
                if (new_frame == NULL) {
                    goto error;
                }
                new_frame->previous = frame;
                frame = new_frame;
                tstate->current_frame = frame;
                goto start_frame;
            }
            if (Py_UNLIKELY(tstate->c_profilefunc != NULL)) {
                SAVE_SP();
                res = profiled_call(tstate, frame, func, callargs, kwargs);
            }
            else {
                res = PyObject_Call(func, callargs, kwargs);
            }
            Py_DECREF(callargs);
            Py_XDECREF(kwargs);
        call_ex_error:
            Py_DECREF(func);
            if (res == NULL) {
                STACK_SHRINK(1);
                goto error;
            }
            SET_TOP(res);
            DISPATCH();
        }

        TARGET(MAKE_FUNCTION) {
            PyObject *codeobj = POP();
            PyFunctionObject *func = _PyFunction_FromCode(codeobj, GLOBALS(), BUILTINS(), NULL);
            Py_DECREF(codeobj);
            if (func == NULL) {
                goto error;
            }
            PUSH((PyObject *)func);
            DISPATCH();
        }

        TARGET(SET_FUNCTION_ATTRIBUTE) {
            PyObject *func = POP();
            PyObject *attr = POP();
            _PyFunction_SetAttribute((PyFunctionObject *)func, oparg, attr);
            PUSH(func);
            DISPATCH();
        }

        TARGET(EXIT_INIT_CHECK) {
            PyObject *should_be_none = POP();
            if (should_be_none != Py_None) {
                PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                             Py_TYPE(should_be_none)->tp_name);
                Py_DECREF(should_be_none);
                goto error;
            }
            DISPATCH();
        }

        TARGET(CALL_INTRINSIC_1) {
            if (Py_UNLIKELY(oparg < 1 || oparg > _PY_MAX_INTRINSIC_1)) {
                PyErr_Format(PyExc_SystemError, "bad CALL_INTRINSIC_1 argument %d", oparg);
                goto error;
            }
            PyObject *value = TOP();
            SAVE_SP();
            PyObject *res = _PyIntrinsics_UnaryFunctions[oparg](tstate, value);
            Py_DECREF(value);
            if (res == NULL) {
                STACK_SHRINK(1);
                goto error;
            }
            SET_TOP(res);
            DISPATCH();
        }

        TARGET(CALL_INTRINSIC_2) {
            if (Py_UNLIKELY(oparg < 1 || oparg > _PY_MAX_INTRINSIC_2)) {
                PyErr_Format(PyExc_SystemError, "bad CALL_INTRINSIC_2 argument %d", oparg);
                goto error;
            }
            PyObject *value1 = POP();
            PyObject *value2 = TOP();
            PyObject *res = _PyIntrinsics_BinaryFunctions[oparg](tstate, value2, value1);
            Py_DECREF(value2);
            Py_DECREF(value1);
            if (res == NULL) {
                STACK_SHRINK(1);
                goto error;
            }
            SET_TOP(res);
            DISPATCH();
        }

        /* ---- formatting ---- */

        TARGET(CONVERT_VALUE) {
            PyObject *value = TOP();
            PyObject *res;
            switch (oparg) {
            case 1: res = PyObject_Str(value); break;
            case 2: res = PyObject_Repr(value); break;
            case 3: res = PyObject_ASCII(value); break;
            default:
                PyErr_Format(PyExc_SystemError, "bad CONVERT_VALUE argument %d", oparg);
                res = NULL;
                break;
            }
            Py_DECREF(value);
            if (res == NULL) {
                STACK_SHRINK(1);
                goto error;
            }
            SET_TOP(res);
            DISPATCH();
        }

        TARGET(FORMAT_SIMPLE) {
            PyObject *value = TOP();
            if (!PyUnicode_CheckExact(value)) {
                PyObject *res = PyObject_Format(value, _Py_STR_EMPTY());
                Py_DECREF(value);
                if (res == NULL) {
                    STACK_SHRINK(1);
                    goto error;
                }
                SET_TOP(res);
            }
            DISPATCH();
        }

        TARGET(FORMAT_WITH_SPEC) {
            PyObject *spec = POP();
            PyObject *value = TOP();
            PyObject *res = PyObject_Format(value, spec);
            Py_DECREF(value);
            Py_DECREF(spec);
            if (res == NULL) {
                STACK_SHRINK(1);
                goto error;
            }
            SET_TOP(res);
            DISPATCH();
        }

        /* ---- imports ---- */

        TARGET(IMPORT_NAME) {
            PyObject *name = PyTuple_GET_ITEM(names, oparg);
            PyObject *fromlist = POP();
            PyObject *level = POP();
            SAVE_SP();
            PyObject *res = import_name(tstate, frame, name, fromlist, level);
            Py_DECREF(level);
            Py_DECREF(fromlist);
            if (res == NULL) {
                goto error;
            }
            PUSH(res);
            DISPATCH();
        }

        TARGET(IMPORT_FROM) {
            PyObject *name = PyTuple_GET_ITEM(names, oparg);
            PyObject *res = _PyImport_ImportFrom(tstate, TOP(), name);
            if (res == NULL) {
                goto error;
            }
            PUSH(res);
            DISPATCH();
        }

        /* ---- returning and generators ---- */

        TARGET(RETURN_VALUE) {
            retval = POP();
            goto do_return;
        }

        TARGET(RETURN_CONST) {
            retval = Py_NewRef(consts[oparg]);
            goto do_return;
        }

        TARGET(INTERPRETER_EXIT) {
            retval = POP();
            goto do_return;
        }

        TARGET(RETURN_GENERATOR) {
            SAVE_SP();
            PyFunctionObject *func = (PyFunctionObject *)frame->f_funcobj;
            PyObject *gen = _Py_MakeCoro(func, frame);
            if (gen == NULL) {
                goto error;
            }
            /* The frame's contents now live in the generator; release the memory only. */
            _Py_LeaveRecursiveCallPy(tstate);
            _PyInterpreterFrame *prev = frame->previous;
            int is_entry = frame->is_entry;
            tstate->current_frame = prev;
            _PyThreadState_PopFrame(tstate, frame);
            if (is_entry) {
                _Py_LeaveRecursiveCallTstate(tstate);
                return gen;
            }
            frame = prev;
            LOAD_FRAME_STATE();
            PUSH(gen);
            DISPATCH();
        }

        TARGET(YIELD_VALUE) {
            if (Py_UNLIKELY(frame->owner != FRAME_OWNED_BY_GENERATOR)) {
                PyErr_SetString(PyExc_SystemError, "YIELD_VALUE outside a generator frame");
                goto error;
            }
            retval = POP();
            SAVE_SP();
            if (Py_UNLIKELY(tstate->c_tracefunc != NULL || tstate->c_profilefunc != NULL)) {
                if (trace_frame_event(tstate, frame, PyTrace_RETURN, retval) < 0) {
                    Py_DECREF(retval);
                    goto error;
                }
            }
            _Py_LeaveRecursiveCallPy(tstate);
            PyGenObject *gen = _PyGen_GetGeneratorFromFrame(frame);
            _PyInterpreterFrame *prev = frame->previous;
            tstate->current_frame = prev;
            frame->previous = NULL;
            if (frame->is_entry) {
                /* Resumed from C (gen_send_ex2): the state stays FRAME_EXECUTING here, and the
                 * caller publishes FRAME_SUSPENDED once it no longer touches the generator;
                 * in the free-threaded build another thread may resume it from then on. */
                _Py_LeaveRecursiveCallTstate(tstate);
                return retval;
            }
            /* Run inline by SEND: hand the value to the sender. */
            gen_leave_inline(tstate, gen, FRAME_SUSPENDED);
            frame = prev;
            LOAD_FRAME_STATE();
            PUSH(retval);
            DISPATCH();
        }

        TARGET(SEND) {
            PyObject *v = POP();
            PyObject *receiver = TOP();
            PyObject *res = NULL;
            PySendResult status;
            PyTypeObject *tp = Py_TYPE(receiver);
            if ((tp == &PyGen_Type || tp == &PyCoro_Type) &&
                (FT_ATOMIC_LOAD_INT8_RELAXED(((PyGenObject *)receiver)->gi_frame_state) ==
                     FRAME_SUSPENDED ||
                 (FT_ATOMIC_LOAD_INT8_RELAXED(((PyGenObject *)receiver)->gi_frame_state) ==
                     FRAME_CREATED && v == Py_None))) {
                /* Run the generator's frame in this loop (no C recursion): it returns
                 * here on yield (continue after SEND) or return (jump by oparg). */
                PyGenObject *gen = (PyGenObject *)receiver;
                if (gen_try_enter_inline(gen)) {
                    _PyInterpreterFrame *gen_frame = _PyGen_GetFrame(gen);
                    gen_frame->localsplus[gen_frame->stacktop++] = v;
                    gen->gi_exc_state.previous_item = tstate->exc_info;
                    tstate->exc_info = &gen->gi_exc_state;
                    SAVE_SP();
                    frame->return_offset = oparg;
                    gen_frame->previous = frame;
                    gen_frame->is_entry = 0;
                    frame = gen_frame;
                    tstate->current_frame = frame;
                    goto start_frame;
                }
            }
            if (tp->tp_as_async != NULL && tp->tp_as_async->am_send != NULL) {
                SAVE_SP();
                status = tp->tp_as_async->am_send(receiver, v, &res);
            }
            else {
                if (v == Py_None && tp->tp_iternext != NULL) {
                    res = tp->tp_iternext(receiver);
                }
                else {
                    res = PyObject_CallMethodOneArg(receiver, _Py_ID(send), v);
                }
                if (res != NULL) {
                    status = PYGEN_NEXT;
                }
                else if (!PyErr_Occurred() || PyErr_ExceptionMatches(PyExc_StopIteration)) {
                    status = _PyGen_FetchStopIterationValue(&res) == 0 ? PYGEN_RETURN
                                                                      : PYGEN_ERROR;
                }
                else {
                    status = PYGEN_ERROR;
                }
            }
            Py_DECREF(v);
            if (status == PYGEN_ERROR) {
                goto error;
            }
            PUSH(res);
            if (status == PYGEN_RETURN) {
                JUMPBY(oparg);
            }
            DISPATCH();
        }

        TARGET(GET_AWAITABLE) {
            PyObject *iterable = TOP();
            PyObject *iter = _PyCoro_GetAwaitableIter(iterable);
            if (iter == NULL) {
                _PyEval_FormatAwaitableError(tstate, Py_TYPE(iterable), oparg);
            }
            Py_DECREF(iterable);
            if (iter != NULL && PyCoro_CheckExact(iter)) {
                PyObject *yf = _PyGen_yf((PyGenObject *)iter);
                if (yf != NULL) {
                    /* The coroutine is already being awaited. */
                    Py_DECREF(yf);
                    Py_CLEAR(iter);
                    PyErr_SetString(PyExc_RuntimeError, "coroutine is being awaited already");
                }
            }
            if (iter == NULL) {
                STACK_SHRINK(1);
                goto error;
            }
            SET_TOP(iter);
            DISPATCH();
        }

        TARGET(GET_AITER) {
            PyObject *obj = TOP();
            PyTypeObject *type = Py_TYPE(obj);
            unaryfunc getter = type->tp_as_async ? type->tp_as_async->am_aiter : NULL;
            if (getter == NULL) {
                PyErr_Format(PyExc_TypeError,
                             "'async for' requires an object with __aiter__ method, got %.100s",
                             type->tp_name);
                goto error;
            }
            PyObject *iter = getter(obj);
            if (iter == NULL) {
                goto error;
            }
            Py_DECREF(obj);
            SET_TOP(iter);
            type = Py_TYPE(iter);
            if (type->tp_as_async == NULL || type->tp_as_async->am_anext == NULL) {
                PyErr_Format(PyExc_TypeError,
                             "'async for' received an object from __aiter__ "
                             "that does not implement __anext__: %.100s", type->tp_name);
                goto error;
            }
            DISPATCH();
        }

        TARGET(GET_ANEXT) {
            PyObject *aiter = TOP();
            PyTypeObject *type = Py_TYPE(aiter);
            unaryfunc getter = type->tp_as_async ? type->tp_as_async->am_anext : NULL;
            PyObject *awaitable;
            if (getter == NULL) {
                PyErr_Format(PyExc_TypeError,
                             "'async for' requires an iterator with __anext__ method, got %.100s",
                             type->tp_name);
                goto error;
            }
            PyObject *next_iter = getter(aiter);
            if (next_iter == NULL) {
                goto error;
            }
            if (PyAsyncGen_CheckExact(aiter)) {
                awaitable = next_iter;
            }
            else {
                awaitable = _PyCoro_GetAwaitableIter(next_iter);
                if (awaitable == NULL) {
                    PyErr_Format(PyExc_TypeError,
                                 "'async for' received an invalid object from __anext__: %.100s",
                                 Py_TYPE(next_iter)->tp_name);
                    Py_DECREF(next_iter);
                    goto error;
                }
                Py_DECREF(next_iter);
            }
            PUSH(awaitable);
            DISPATCH();
        }

        TARGET(END_ASYNC_FOR) {
            PyObject *exc = POP();
            if (PyErr_GivenExceptionMatches(exc, PyExc_StopAsyncIteration)) {
                Py_DECREF(exc);
                PyObject *aiter = POP();
                Py_DECREF(aiter);
                DISPATCH();
            }
            PyErr_SetRaisedException(exc);
            goto exception_unwind;
        }

        TARGET(CLEANUP_THROW) {
            PyObject *exc = POP();
            if (PyErr_GivenExceptionMatches(exc, PyExc_StopIteration)) {
                PyObject *value = PyObject_GetAttr(exc, _Py_ID(value));
                Py_DECREF(exc);
                if (value == NULL) {
                    goto error;
                }
                PyObject *last_sent = POP();
                PyObject *sub_iter = POP();
                Py_DECREF(last_sent);
                Py_DECREF(sub_iter);
                PUSH(Py_NewRef(Py_None));
                PUSH(value);
                DISPATCH();
            }
            PyErr_SetRaisedException(exc);
            goto exception_unwind;
        }

        /* ---- context managers ---- */

        TARGET(BEFORE_WITH) {
            PyObject *mgr = TOP();
            PyObject *enter = lookup_special(mgr, _Py_ID(__enter__));
            if (enter == NULL) {
                if (!PyErr_Occurred()) {
                    PyErr_Format(PyExc_TypeError,
                                 "'%.200s' object does not support the context manager protocol",
                                 Py_TYPE(mgr)->tp_name);
                }
                goto error;
            }
            PyObject *exit = lookup_special(mgr, _Py_ID(__exit__));
            if (exit == NULL) {
                if (!PyErr_Occurred()) {
                    PyErr_Format(PyExc_TypeError,
                                 "'%.200s' object does not support the context manager protocol "
                                 "(missed __exit__ method)", Py_TYPE(mgr)->tp_name);
                }
                Py_DECREF(enter);
                goto error;
            }
            SET_TOP(exit);
            Py_DECREF(mgr);
            PyObject *res = PyObject_CallNoArgs(enter);
            Py_DECREF(enter);
            if (res == NULL) {
                goto error;
            }
            PUSH(res);
            DISPATCH();
        }

        TARGET(BEFORE_ASYNC_WITH) {
            PyObject *mgr = TOP();
            PyObject *enter = lookup_special(mgr, _Py_ID(__aenter__));
            if (enter == NULL) {
                if (!PyErr_Occurred()) {
                    PyErr_Format(PyExc_TypeError,
                                 "'%.200s' object does not support the asynchronous "
                                 "context manager protocol", Py_TYPE(mgr)->tp_name);
                }
                goto error;
            }
            PyObject *exit = lookup_special(mgr, _Py_ID(__aexit__));
            if (exit == NULL) {
                if (!PyErr_Occurred()) {
                    PyErr_Format(PyExc_TypeError,
                                 "'%.200s' object does not support the asynchronous "
                                 "context manager protocol (missed __aexit__ method)",
                                 Py_TYPE(mgr)->tp_name);
                }
                Py_DECREF(enter);
                goto error;
            }
            SET_TOP(exit);
            Py_DECREF(mgr);
            PyObject *res = PyObject_CallNoArgs(enter);
            Py_DECREF(enter);
            if (res == NULL) {
                goto error;
            }
            PUSH(res);
            DISPATCH();
        }

        TARGET(WITH_EXCEPT_START) {
            /* exit lasti prev_exc val */
            PyObject *val = TOP();
            PyObject *exit_func = PEEK(4);
            PyObject *tb = PyException_GetTraceback(val);
            PyObject *stack[3] = {(PyObject *)Py_TYPE(val), val, tb == NULL ? Py_None : tb};
            PyObject *res = PyObject_Vectorcall(exit_func, stack, 3, NULL);
            Py_XDECREF(tb);
            if (res == NULL) {
                goto error;
            }
            PUSH(res);
            DISPATCH();
        }

        /* ---- exceptions ---- */

        TARGET(PUSH_EXC_INFO) {
            PyObject *exc = TOP();
            _PyErr_StackItem *exc_info = tstate->exc_info;
            PyObject *prev = exc_info->exc_value;
            SET_TOP(prev != NULL ? prev : Py_NewRef(Py_None));
            exc_info->exc_value = Py_NewRef(exc);
            PUSH(exc);
            DISPATCH();
        }

        TARGET(POP_EXCEPT) {
            PyObject *value = POP();
            _PyErr_StackItem *exc_info = tstate->exc_info;
            PyObject *old = exc_info->exc_value;
            if (value == Py_None) {
                exc_info->exc_value = NULL;
                Py_DECREF(value);
            }
            else {
                exc_info->exc_value = value;
            }
            Py_XDECREF(old);
            DISPATCH();
        }

        TARGET(CHECK_EXC_MATCH) {
            PyObject *right = POP();
            PyObject *left = TOP();
            if (_PyEval_CheckExceptTypeValid(tstate, right) < 0) {
                Py_DECREF(right);
                goto error;
            }
            int res = PyErr_GivenExceptionMatches(left, right);
            Py_DECREF(right);
            PUSH(res ? Py_True : Py_False);
            DISPATCH();
        }

        TARGET(CHECK_EG_MATCH) {
            PyObject *match_type = POP();
            PyObject *exc_value = POP();
            PyObject *match = NULL, *rest = NULL;
            if (_PyEval_CheckExceptStarTypeValid(tstate, match_type) < 0 ||
                _PyEval_ExceptionGroupMatch(exc_value, match_type, &match, &rest) < 0) {
                Py_DECREF(match_type);
                Py_DECREF(exc_value);
                goto error;
            }
            Py_DECREF(match_type);
            Py_DECREF(exc_value);
            PUSH(rest);
            PUSH(match);
            if (match != Py_None) {
                PyErr_SetHandledException(match);
            }
            DISPATCH();
        }

        TARGET(RAISE_VARARGS) {
            PyObject *cause = NULL, *exc = NULL;
            switch (oparg) {
            case 2:
                cause = POP();
                /* fall through */
            case 1:
                exc = POP();
                /* fall through */
            case 0:
                if (do_raise(tstate, exc, cause)) {
                    goto exception_unwind;
                }
                break;
            default:
                PyErr_SetString(PyExc_SystemError, "bad RAISE_VARARGS oparg");
                break;
            }
            goto error;
        }

        TARGET(RERAISE) {
            PyObject *exc = POP();
            if (oparg) {
                PyObject *lasti = PEEK(oparg);
                if (PyLong_Check(lasti)) {
                    long l = PyLong_AsLong(lasti);
                    if (l >= 0 && l < Py_SIZE(code)) {
                        frame->prev_instr = first_instr + l;
                    }
                }
                else {
                    Py_DECREF(exc);
                    PyErr_SetString(PyExc_SystemError, "lasti is not an int");
                    goto error;
                }
            }
            PyErr_SetRaisedException(exc);
            goto exception_unwind;
        }

        /* ---- pattern matching ---- */

        TARGET(MATCH_MAPPING) {
            int match = Py_TYPE(TOP())->tp_flags & Py_TPFLAGS_MAPPING;
            PUSH(match ? Py_True : Py_False);
            DISPATCH();
        }

        TARGET(MATCH_SEQUENCE) {
            int match = Py_TYPE(TOP())->tp_flags & Py_TPFLAGS_SEQUENCE;
            PUSH(match ? Py_True : Py_False);
            DISPATCH();
        }

        TARGET(MATCH_KEYS) {
            PyObject *values = _PyEval_MatchKeys(tstate, SECOND(), TOP());
            if (values == NULL) {
                goto error;
            }
            PUSH(values);
            DISPATCH();
        }

        TARGET(MATCH_CLASS) {
            PyObject *kw_names = POP();
            PyObject *type = POP();
            PyObject *subject = TOP();
            PyObject *attrs = _PyEval_MatchClass(tstate, subject, type, oparg, kw_names);
            Py_DECREF(kw_names);
            Py_DECREF(type);
            Py_DECREF(subject);
            if (attrs == NULL) {
                if (PyErr_Occurred()) {
                    STACK_SHRINK(1);
                    goto error;
                }
                attrs = Py_NewRef(Py_None);
            }
            SET_TOP(attrs);
            DISPATCH();
        }

#if !USE_COMPUTED_GOTOS
    default:
        goto unknown_opcode;
#endif
    }

unknown_opcode:
    PyErr_Format(PyExc_SystemError, "%U:%d: unknown opcode %d", code->co_filename,
                 PyCode_Addr2Line(code, (int)(frame->prev_instr - first_instr) * 2), opcode);
    goto error;

error:
    /* An exception is set.  Record this frame in its traceback. */
    if (!_PyFrame_IsIncomplete(frame)) {
        PyFrameObject *f = _PyFrame_GetFrameObject(frame);
        if (f != NULL) {
            PyTraceBack_Here(f);
        }
        if (Py_UNLIKELY(tstate->c_tracefunc != NULL)) {
            SAVE_SP();
            (void)trace_exception_event(tstate, frame);
        }
    }

exception_unwind:
    {
        /* The handler lookup uses the instruction that raised (next_instr - 1); the pushed
         * lasti is the frame's f_lasti, which RERAISE may have restored. */
        int offset = (int)(next_instr - 1 - first_instr);
        int target, depth, push_lasti;
        PyObject **stack_base = _PyFrame_Stackbase(frame);
        if (offset < 0 ||
            !_PyCode_FindHandler(code, offset, &target, &depth, &push_lasti)) {
            while (stack_pointer > stack_base) {
                PyObject *o = POP();
                Py_XDECREF(o);
            }
            _PyFrame_SetStackPointer(frame, stack_pointer);
            goto exit_unwind;
        }
        PyObject **new_top = stack_base + depth;
        while (stack_pointer > new_top) {
            PyObject *o = POP();
            Py_XDECREF(o);
        }
        if (push_lasti) {
            PyObject *lasti = PyLong_FromLong((long)(frame->prev_instr - first_instr));
            if (lasti == NULL) {
                goto exception_unwind;
            }
            PUSH(lasti);
        }
        PyObject *exc = PyErr_GetRaisedException();
        PUSH(exc);
        next_instr = first_instr + target;
        DISPATCH();
    }

exit_unwind:
    /* The frame is finished with an exception set. */
    if (Py_UNLIKELY(tstate->c_tracefunc != NULL || tstate->c_profilefunc != NULL) &&
        !_PyFrame_IsIncomplete(frame)) {
        PyObject *exc = PyErr_GetRaisedException();
        if (trace_frame_event(tstate, frame, PyTrace_RETURN, Py_None) < 0) {
            Py_XDECREF(exc);   /* the trace function's error replaces it */
        }
        else {
            PyErr_SetRaisedException(exc);
        }
    }
    _Py_LeaveRecursiveCallPy(tstate);
    {
        _PyInterpreterFrame *dying = frame;
        int is_entry = dying->is_entry;
        tstate->current_frame = dying->previous;
        if (dying->owner == FRAME_OWNED_BY_GENERATOR) {
            PyGenObject *gen = _PyGen_GetGeneratorFromFrame(dying);
            dying->previous = NULL;
            if (!is_entry) {
                gen_leave_inline(tstate, gen, FRAME_COMPLETED);
            }
            FT_ATOMIC_STORE_INT8_RELAXED(gen->gi_frame_state, FRAME_COMPLETED);
            _PyFrame_ClearExceptCode(dying);
            dying->stacktop = 0;
        }
        else {
            clear_thread_frame(tstate, dying);
        }
        if (is_entry) {
            _Py_LeaveRecursiveCallTstate(tstate);
            return NULL;
        }
        frame = tstate->current_frame;
    }
    /* Resume the caller with the exception. */
    LOAD_FRAME_STATE();
    goto error;

do_return:
    /* retval holds the result; the value stack is empty. */
    if (Py_UNLIKELY(tstate->c_tracefunc != NULL || tstate->c_profilefunc != NULL)) {
        SAVE_SP();
        if (trace_frame_event(tstate, frame, PyTrace_RETURN, retval) < 0) {
            Py_DECREF(retval);
            goto exit_unwind;
        }
    }
    _Py_LeaveRecursiveCallPy(tstate);
    {
        _PyInterpreterFrame *dying = frame;
        int is_entry = dying->is_entry;
        tstate->current_frame = dying->previous;
        int gen_return = 0;
        if (dying->owner == FRAME_OWNED_BY_GENERATOR) {
            PyGenObject *gen = _PyGen_GetGeneratorFromFrame(dying);
            dying->previous = NULL;
            if (!is_entry) {
                gen_leave_inline(tstate, gen, FRAME_COMPLETED);
                gen_return = 1;
            }
            FT_ATOMIC_STORE_INT8_RELAXED(gen->gi_frame_state, FRAME_COMPLETED);
            _PyFrame_SetStackPointer(dying, stack_pointer);
            _PyFrame_ClearExceptCode(dying);
            dying->stacktop = 0;
        }
        else {
            _PyFrame_SetStackPointer(dying, stack_pointer);
            clear_thread_frame(tstate, dying);
        }
        if (is_entry) {
            _Py_LeaveRecursiveCallTstate(tstate);
            return retval;
        }
        frame = tstate->current_frame;
        LOAD_FRAME_STATE();
        if (gen_return && _Py_OPCODE(*frame->prev_instr) == FOR_ITER) {
            /* A generator run by FOR_ITER is exhausted: drop it and leave the loop. */
            Py_DECREF(retval);
            PyObject *iter = POP();
            Py_DECREF(iter);
            JUMPBY(frame->return_offset);
            DISPATCH();
        }
        PUSH(retval);
        if (gen_return) {
            /* A generator run inline by SEND returned: SEND's "returned" exit. */
            JUMPBY(frame->return_offset);
        }
    }
    DISPATCH();
}
