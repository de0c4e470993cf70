/* Compiler internals: _PyAST_Compile, _PyAST_Optimize, __future__ features.
 * Owner: compiler room (Python/compile.c, symtable.c, ast_opt.c, future.c, flowgraph.c,
 * assemble.c).
 *
 * Pipeline: AST (Parser/) -> _PyFuture_FromAST -> _PyAST_Optimize (constant folding)
 * -> _PySymtable_Build -> code generation (compile.c, one instruction sequence per code
 * object) -> flowgraph.c (basic blocks, dead code, jump resolution, stack depth)
 * -> assemble.c (code units, location and exception tables) -> _PyCode_New. */
#ifndef Py_INTERNAL_COMPILE_H
#define Py_INTERNAL_COMPILE_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE define"
#endif

struct _mod;     /* mod_ty, Include/internal/pycore_ast.h */
struct _stmt;
struct _expr;
struct _arena;   /* PyArena, Include/internal/pycore_pyarena.h */

/* Compile a module AST into a code object.  filename is a str (borrowed); flags may be
 * NULL; optimize is -1 (use the interpreter's -O level), 0, 1 or 2.
 * Return a new reference, or NULL with an exception (usually SyntaxError) set. */
extern PyCodeObject *_PyAST_Compile(struct _mod *mod, PyObject *filename,
                                    PyCompilerFlags *flags, int optimize,
                                    struct _arena *arena);

/* Future features found at the top of a module. */
typedef struct {
    int ff_features;        /* CO_FUTURE_* bits */
    int ff_lineno;          /* line of the last future import, -1 if none */
} _PyFutureFeatures;

/* Fill ff from the module's leading `from __future__ import` statements.  Return 1 on
 * success, 0 with SyntaxError set ("future feature X is not defined", placement errors). */
extern int _PyFuture_FromAST(struct _mod *mod, PyObject *filename, _PyFutureFeatures *ff);

/* Constant-fold the AST in place (arena-allocated nodes).  optimize is the -O level
 * (affects __debug__).  Return 1 on success, 0 with an exception set. */
extern int _PyAST_Optimize(struct _mod *mod, struct _arena *arena, int optimize,
                           int ff_features);

/* Unparse an expression as Python source (for `from __future__ import annotations`).
 * Return a new reference to a str, or NULL with an exception set. */
extern PyObject *_PyAST_ExprAsUnicode(struct _expr *e);

/* Raise SyntaxError (or another subclass given by exc) with CPython's attributes:
 * msg, filename, lineno, offset (1-based col, 0 if unknown), text (the source line read
 * from the file if available, else None), end_lineno, end_offset.  Always returns -1. */
extern int _PyCompile_RaiseSyntaxError(PyObject *exc, PyObject *filename, int lineno,
                                       int col_offset, int end_lineno, int end_col_offset,
                                       const char *format, ...);

/* The -O level used when compile() passes optimize = -1.  Set by the runtime from the
 * configuration (-O / PYTHONOPTIMIZE); default 0. */
extern int _Py_CompilerOptimizeLevel;


/* ---- the instruction sequence shared by compile.c, flowgraph.c and assemble.c ----------- */

/* Source location of an instruction; lineno -1 means "no location". */
typedef struct {
    int lineno;
    int end_lineno;
    int col_offset;
    int end_col_offset;
} _PyCompile_Location;

#define _PyCompile_NO_LOCATION ((_PyCompile_Location){-1, -1, -1, -1})

/* Pseudo-instructions: codegen emits them; flowgraph.c turns them into real instructions
 * or exception-table entries.  Their numbers are above every real opcode. */
enum {
    _PSEUDO_FIRST = 256,
    SETUP_FINALLY = _PSEUDO_FIRST, /* handler: pop to the current depth, push exc */
    SETUP_CLEANUP,                 /* handler: pop to the current depth, push lasti, exc */
    SETUP_WITH,                    /* like SETUP_CLEANUP, depth one less (the enter result) */
    POP_BLOCK,                     /* end of the innermost SETUP_* region */
    JUMP,                          /* JUMP_FORWARD or JUMP_BACKWARD */
    JUMP_NO_INTERRUPT,             /* JUMP_FORWARD or JUMP_BACKWARD_NO_INTERRUPT */
    LOAD_CLOSURE,                  /* LOAD_FAST of a cell slot (building a closure) */
    STORE_FAST_MAYBE_NULL,         /* STORE_FAST that may store NULL */
    LABEL,                         /* marks the position of label oparg; no code */
    _PSEUDO_END
};

typedef struct {
    int opcode;
    int oparg;                     /* label id for jumps and SETUP_* */
    _PyCompile_Location loc;
} _PyCompile_Instruction;

typedef struct {
    _PyCompile_Instruction *instrs;
    int used;
    int allocated;
    int nlabels;
} _PyCompile_InstructionSequence;

/* 1 if opcode (real or pseudo) jumps to a label (SETUP_* included). */
extern int _PyCompile_HasTarget(int opcode);

/* Everything the assembler needs besides the instructions. */
typedef struct {
    PyObject *filename, *name, *qualname;  /* borrowed */
    PyObject *consts, *names;              /* borrowed: tuples */
    PyObject *localsplusnames;             /* borrowed: tuple */
    PyObject *localspluskinds;             /* borrowed: bytes */
    int flags, firstlineno;
    int argcount, posonlyargcount, kwonlyargcount;
} _PyCompile_CodeUnitMetadata;

/* Turn an instruction sequence into a code object: basic blocks, reachability, exception
 * handlers, dead-code and jump cleanup, stack depth (flowgraph.c), then encoding
 * (assemble.c).  Return a new reference or NULL with an exception set. */
extern PyCodeObject *_PyCfg_MakeCode(_PyCompile_InstructionSequence *seq,
                                     _PyCompile_CodeUnitMetadata *meta);

/* One resolved instruction handed from flowgraph.c to assemble.c. */
typedef struct {
    int opcode;                    /* real opcode, or JUMP / JUMP_NO_INTERRUPT */
    int oparg;
    int target;                    /* block index for jumps, else -1 */
    int handler;                   /* block index of the exception handler, or -1 */
    int handler_depth;
    int handler_lasti;
    _PyCompile_Location loc;
} _PyCfg_Instr;

typedef struct {
    _PyCfg_Instr *instrs;
    int ninstrs;
    int *block_start;              /* block index -> index of its first instruction */
    int nblocks;
    int stacksize;
} _PyCfg_Linear;

/* assemble.c: encode a linear program.  Return a new reference or NULL. */
extern PyCodeObject *_PyAssemble_MakeCode(_PyCfg_Linear *prog,
                                          _PyCompile_CodeUnitMetadata *meta);

#endif /* Py_INTERNAL_COMPILE_H */
