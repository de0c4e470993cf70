/* Code objects (Objects/codeobject.c).  Owner: compiler room.
 *
 * The bytecode lives inline at the end of the object (co_code_adaptive, Py_SIZE(co) units).
 * Locals, cell variables and free variables share one array of frame slots, "localsplus":
 * co_localsplusnames names each slot and co_localspluskinds (bytes) gives its CO_FAST_* kind;
 * free variables are the last co_nfreevars slots. */
#ifndef Py_CODE_H
#define Py_CODE_H

typedef uint16_t _Py_CODEUNIT;
#define _Py_OPCODE(word) ((uint8_t)((word) & 0xff))
#define _Py_OPARG(word) ((uint8_t)((word) >> 8))
#define _Py_MAKE_CODEUNIT(opcode, oparg) ((_Py_CODEUNIT)((opcode) | ((oparg) << 8)))

typedef struct PyCodeObject {
    PyObject_VAR_HEAD             /* ob_size: number of code units */
    PyObject *co_consts;          /* tuple of constants */
    PyObject *co_names;           /* tuple of names (globals, attributes, imports) */
    PyObject *co_exceptiontable;  /* bytes; format private to codeobject.c */
    int co_flags;                 /* CO_* */
    int co_argcount;              /* positional parameters, including positional-only */
    int co_posonlyargcount;
    int co_kwonlyargcount;
    int co_stacksize;             /* maximum value-stack depth */
    int co_firstlineno;
    int co_nlocalsplus;           /* locals + cells + free variables */
    int co_framesize;             /* nlocalsplus + stacksize (the frame header is extra) */
    int co_nlocals;               /* slots that are plain locals (includes arguments) */
    int co_ncellvars;
    int co_nfreevars;
    uint32_t co_version;
    PyObject *co_localsplusnames; /* tuple of str */
    PyObject *co_localspluskinds; /* bytes, one CO_FAST_* per slot */
    PyObject *co_filename;
    PyObject *co_name;
    PyObject *co_qualname;
    PyObject *co_linetable;       /* bytes; locations per instruction, codeobject.c */
    PyObject *co_weakreflist;
    void *co_extra;
    char *_co_cached_code;        /* reserved */
    _Py_CODEUNIT co_code_adaptive[1];
} PyCodeObject;

/* co_flags (CPython's values). */
#define CO_OPTIMIZED 0x0001
#define CO_NEWLOCALS 0x0002
#define CO_VARARGS 0x0004
#define CO_VARKEYWORDS 0x0008
#define CO_NESTED 0x0010
#define CO_GENERATOR 0x0020
#define CO_COROUTINE 0x0080
#define CO_ITERABLE_COROUTINE 0x0100
#define CO_ASYNC_GENERATOR 0x0200
#define CO_HAS_DOCSTRING 0x4000000
#define CO_METHOD 0x8000000
#define CO_FUTURE_DIVISION 0x20000
#define CO_FUTURE_ABSOLUTE_IMPORT 0x40000
#define CO_FUTURE_WITH_STATEMENT 0x80000
#define CO_FUTURE_PRINT_FUNCTION 0x100000
#define CO_FUTURE_UNICODE_LITERALS 0x200000
#define CO_FUTURE_BARRY_AS_BDFL 0x400000
#define CO_FUTURE_GENERATOR_STOP 0x800000
#define CO_FUTURE_ANNOTATIONS 0x1000000

/* localsplus kinds. */
#define CO_FAST_HIDDEN 0x10
#define CO_FAST_LOCAL 0x20
#define CO_FAST_CELL 0x40
#define CO_FAST_FREE 0x80

PyAPI_DATA(PyTypeObject) PyCode_Type;
#define PyCode_Check(op) Py_IS_TYPE((op), &PyCode_Type)
#define _PyCode_CODE(co) ((co)->co_code_adaptive)
#define _PyCode_NBYTES(co) (Py_SIZE(co) * (Py_ssize_t)sizeof(_Py_CODEUNIT))

static inline Py_ssize_t PyCode_GetNumFree(PyCodeObject *op) { return op->co_nfreevars; }

/* Line of the instruction at byte offset addr_offset (2 * code-unit index); -1 if none. */
PyAPI_FUNC(int) PyCode_Addr2Line(PyCodeObject *, int addr_offset);
/* Full location of the instruction at byte offset; 0 on success (fields -1 when unknown). */
PyAPI_FUNC(int) PyCode_Addr2Location(PyCodeObject *, int addr_offset, int *start_line,
                                     int *start_column, int *end_line, int *end_column);
PyAPI_FUNC(PyCodeObject *) PyCode_NewEmpty(const char *filename, const char *funcname,
                                           int firstlineno);
PyAPI_FUNC(PyObject *) PyCode_GetCode(PyCodeObject *);      /* new ref: co_code bytes */
PyAPI_FUNC(PyObject *) PyCode_GetVarnames(PyCodeObject *);
PyAPI_FUNC(PyObject *) PyCode_GetCellvars(PyCodeObject *);
PyAPI_FUNC(PyObject *) PyCode_GetFreevars(PyCodeObject *);

#endif /* Py_CODE_H */
