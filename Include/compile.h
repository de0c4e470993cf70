/* Compiler entry points: source text -> code object.
 * Owner: compiler room (Python/compile.c, symtable.c, Objects/codeobject.c).
 *
 * The mode constants are the start symbols of the grammar (CPython's values, which the
 * tokenizer and parser use too).  PyCompilerFlags carries PyCF_* bits and the __future__
 * CO_FUTURE_* bits of the code being compiled. */
#ifndef Py_COMPILE_H
#define Py_COMPILE_H

/* Start symbols (compile() modes). */
#define Py_single_input 256
#define Py_file_input 257
#define Py_eval_input 258
#define Py_func_type_input 345

/* Compiler flags: the CO_FUTURE_* bits (cpython/code.h) plus these. */
#define PyCF_MASK (CO_FUTURE_DIVISION | CO_FUTURE_ABSOLUTE_IMPORT | \
                   CO_FUTURE_WITH_STATEMENT | CO_FUTURE_PRINT_FUNCTION | \
                   CO_FUTURE_UNICODE_LITERALS | CO_FUTURE_BARRY_AS_BDFL | \
                   CO_FUTURE_GENERATOR_STOP | CO_FUTURE_ANNOTATIONS)
#define PyCF_MASK_OBSOLETE (CO_NESTED)
#define PyCF_SOURCE_IS_UTF8 0x0100
#define PyCF_DONT_IMPLY_DEDENT 0x0200
#define PyCF_ONLY_AST 0x0400
#define PyCF_IGNORE_COOKIE 0x0800
#define PyCF_TYPE_COMMENTS 0x1000
#define PyCF_ALLOW_TOP_LEVEL_AWAIT 0x2000
#define PyCF_ALLOW_INCOMPLETE_INPUT 0x4000
#define PyCF_OPTIMIZED_AST (PyCF_ONLY_AST | 0x8000)
#define PyCF_COMPILE_MASK (PyCF_ONLY_AST | PyCF_ALLOW_TOP_LEVEL_AWAIT | PyCF_TYPE_COMMENTS | \
                           PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT | \
                           PyCF_OPTIMIZED_AST)

typedef struct PyCompilerFlags {
    int cf_flags;            /* PyCF_* and CO_FUTURE_* bits */
    int cf_feature_version;  /* minor Python version (PyCF_ONLY_AST) */
} PyCompilerFlags;

#define _PyCompilerFlags_INIT {.cf_flags = 0, .cf_feature_version = 13}

/* Compile source text.  Each returns a new reference to a code object (or, with
 * PyCF_ONLY_AST, an ast module object), or NULL with SyntaxError & co. set.
 * filename is a str; optimize is -1 (the interpreter's -O level), 0, 1 or 2. */
PyAPI_FUNC(PyObject *) Py_CompileStringObject(const char *str, PyObject *filename, int start,
                                              PyCompilerFlags *flags, int optimize);
PyAPI_FUNC(PyObject *) Py_CompileStringExFlags(const char *str, const char *filename,
                                               int start, PyCompilerFlags *flags,
                                               int optimize);
#define Py_CompileStringFlags(str, p, s, f) Py_CompileStringExFlags((str), (p), (s), (f), -1)
#define Py_CompileString(str, p, s) Py_CompileStringExFlags((str), (p), (s), NULL, -1)

/* Stack effect of an instruction (dis.stack_effect); jump: -1 max, 0 fallthrough, 1 taken. */
PyAPI_FUNC(int) PyCompile_OpcodeStackEffect(int opcode, int oparg);
PyAPI_FUNC(int) PyCompile_OpcodeStackEffectWithJump(int opcode, int oparg, int jump);

/* Future feature names, for `from __future__ import ...`. */
#define FUTURE_NESTED_SCOPES "nested_scopes"
#define FUTURE_GENERATORS "generators"
#define FUTURE_DIVISION "division"
#define FUTURE_ABSOLUTE_IMPORT "absolute_import"
#define FUTURE_WITH_STATEMENT "with_statement"
#define FUTURE_PRINT_FUNCTION "print_function"
#define FUTURE_UNICODE_LITERALS "unicode_literals"
#define FUTURE_BARRY_AS_BDFL "barry_as_FLUFL"
#define FUTURE_GENERATOR_STOP "generator_stop"
#define FUTURE_ANNOTATIONS "annotations"

#endif /* Py_COMPILE_H */
