/* Private argument-parsing helpers for C functions (Python/getargs.c).
 * Owner: object-model room.
 *
 * For METH_FASTCALL functions:
 *
 *     static PyObject *
 *     list_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
 *     {
 *         if (!_PyArg_CheckPositional("index", nargs, 1, 3)) {
 *             return NULL;
 *         }
 *         ...
 *
 * For METH_FASTCALL | METH_KEYWORDS functions, describe the parameters once in a static
 * _PyArg_Parser and unpack into a local array:
 *
 *     static const char * const kwlist[] = {"", "key", "reverse", NULL};
 *     static _PyArg_Parser parser = {.keywords = kwlist, .fname = "sort"};
 *     PyObject *argsbuf[3];
 *     PyObject *const *fa = _PyArg_UnpackKeywords(args, nargs, NULL, kwnames, &parser,
 *                                                 1, 1, 0, argsbuf);
 *     if (fa == NULL) { return NULL; }
 *     // fa[0] .. fa[2]: borrowed; NULL for an optional parameter that was not passed.
 *
 * keywords: one name per parameter in order, "" for positional-only ones (they must come
 * first); minpos/maxpos bound the positional count; minkw is the number of required
 * keyword-only parameters (those after maxpos, in order); parameters after maxpos are
 * keyword-only.  The result always has len(keywords) entries.  Error messages are CPython's:
 *   "sort() takes at most 1 positional argument (2 given)"
 *   "sort() got an unexpected keyword argument 'x'"   (3.13 wording)
 *   "sort() got multiple values for argument 'key'"
 *   "sort() missing required argument 'key' (pos 2)"
 * kwargs (a dict) may be given instead of kwnames for METH_VARARGS|METH_KEYWORDS callers,
 * with args pointing at the tuple's items. */
#ifndef Py_INTERNAL_MODSUPPORT_H
#define Py_INTERNAL_MODSUPPORT_H

typedef struct _PyArg_Parser {
    const char *format;            /* optional PyArg format (used by _PyArg_ParseStack*) */
    const char * const *keywords;  /* NULL-terminated; "" = positional-only */
    const char *fname;             /* function name for messages */
    const char *custom_msg;        /* reserved */
    int pos;                       /* computed: number of positional-only parameters */
    int min;                       /* reserved */
    int max;                       /* reserved */
    PyObject *kwtuple;             /* reserved */
    struct _PyArg_Parser *next;    /* reserved */
} _PyArg_Parser;

/* 1 if min <= nargs <= max, else 0 with TypeError ("f expected at least 1 argument, got 0",
 * "f expected at most 2 arguments, got 3", "f() takes exactly one argument (0 given)" style
 * as CPython).  name may be NULL ("unpacked tuple should have ..." messages). */
PyAPI_FUNC(int) _PyArg_CheckPositional(const char *name, Py_ssize_t nargs, Py_ssize_t min,
                                       Py_ssize_t max);
#define _Py_ANY_VARARGS(n) ((n) == PY_SSIZE_T_MAX)

/* 1 if kwargs (dict) is NULL or empty, else 0 with "f() takes no keyword arguments". */
PyAPI_FUNC(int) _PyArg_NoKeywords(const char *funcname, PyObject *kwargs);
/* Same for a vectorcall kwnames tuple. */
PyAPI_FUNC(int) _PyArg_NoKwnames(const char *funcname, PyObject *kwnames);
/* 1 if args (tuple) is NULL or empty, else 0 with "f() takes no positional arguments". */
PyAPI_FUNC(int) _PyArg_NoPositional(const char *funcname, PyObject *args);
#define _PyArg_NoKeywords(funcname, kwargs)                                                   \
    ((kwargs) == _Py_NULL || _PyArg_NoKeywords((funcname), (kwargs)))
#define _PyArg_NoKwnames(funcname, kwnames)                                                   \
    ((kwnames) == _Py_NULL || _PyArg_NoKwnames((funcname), (kwnames)))
#define _PyArg_NoPositional(funcname, args)                                                   \
    ((args) == _Py_NULL || _PyArg_NoPositional((funcname), (args)))

/* TypeError "fname() argument <displayname> must be <expected>, not <type of arg>". */
PyAPI_FUNC(void) _PyArg_BadArgument(const char *fname, const char *displayname,
                                    const char *expected, PyObject *arg);

PyAPI_FUNC(PyObject *const *) _PyArg_UnpackKeywords(PyObject *const *args, Py_ssize_t nargs,
                                                    PyObject *kwargs, PyObject *kwnames,
                                                    _PyArg_Parser *parser, int minpos,
                                                    int maxpos, int minkw, PyObject **buf);

/* PyArg_UnpackTuple for a vector: outputs are PyObject ** (borrowed), 1 or 0. */
PyAPI_FUNC(int) _PyArg_UnpackStack(PyObject *const *args, Py_ssize_t nargs, const char *name,
                                   Py_ssize_t min, Py_ssize_t max, ...);
/* PyArg_ParseTuple-style format parsing of a vector, without or with keywords (the parser's
 * format and keywords are used). */
PyAPI_FUNC(int) _PyArg_ParseStack(PyObject *const *args, Py_ssize_t nargs, const char *format,
                                  ...);
PyAPI_FUNC(int) _PyArg_ParseStackAndKeywords(PyObject *const *args, Py_ssize_t nargs,
                                             PyObject *kwnames, _PyArg_Parser *parser, ...);
PyAPI_FUNC(int) _PyArg_ParseTupleAndKeywordsFast(PyObject *args, PyObject *kwargs,
                                                 _PyArg_Parser *parser, ...);

/* Converters for "O&": Py_ssize_t from an index-like object or None (keeps the default). */
PyAPI_FUNC(int) _Py_convert_optional_to_ssize_t(PyObject *obj, void *result);

/* Build a tuple from a C vector of borrowed references. */
PyAPI_FUNC(PyObject *) _Py_BuildValue_Tuple(PyObject *const *items, Py_ssize_t n);

#endif /* Py_INTERNAL_MODSUPPORT_H */
