/* The symbol table (Python/symtable.c).  Owner: compiler room.
 *
 * One _PySTEntry per scope (module, class, function, lambda, comprehension, and the PEP 695
 * type-parameter, type-alias and type-variable scopes), keyed by the AST node that opens it.
 * Each entry maps a name to a flags word: DEF_* bits record how the name is used in that
 * scope; after analysis the SCOPE_* field (bits SCOPE_OFFSET..) says where it lives. */
#ifndef Py_INTERNAL_SYMTABLE_H
#define Py_INTERNAL_SYMTABLE_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE define"
#endif

struct _mod;
struct _PyFutureFeatures_s;

typedef enum {
    FunctionBlock,          /* def, lambda, comprehension (ste_comprehension != 0) */
    ClassBlock,
    ModuleBlock,
    AnnotationBlock,        /* lazily evaluated annotation scope (3.13: type alias values,
                               TypeVar bounds) */
    TypeAliasBlock,         /* value of `type X = ...` */
    TypeParametersBlock,    /* the scope that binds T in `def f[T]()` / `class C[T]` */
    TypeVariableBlock,      /* bound / constraints / default of one type parameter */
} _Py_block_ty;

typedef enum {
    NoComprehension = 0,
    ListComprehension,
    DictComprehension,
    SetComprehension,
    GeneratorExpression,
} _Py_comprehension_ty;

/* Usage flags. */
#define DEF_GLOBAL 1            /* global statement */
#define DEF_LOCAL 2             /* assignment in this scope */
#define DEF_PARAM (2 << 1)      /* parameter */
#define DEF_NONLOCAL (2 << 2)   /* nonlocal statement */
#define USE (2 << 3)            /* read */
#define DEF_FREE_CLASS (2 << 5) /* free variable of a class body (the class needs it too) */
#define DEF_IMPORT (2 << 6)     /* bound by import */
#define DEF_ANNOT (2 << 7)      /* annotated */
#define DEF_COMP_ITER (2 << 8)  /* comprehension iteration variable */
#define DEF_TYPE_PARAM (2 << 9) /* type parameter */
#define DEF_COMP_CELL (2 << 10) /* cell in an inlined comprehension */
#define DEF_BOUND (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)

/* Scope, stored in bits SCOPE_OFFSET.. of the flags. */
#define SCOPE_OFFSET 12
#define SCOPE_MASK (DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL)
#define LOCAL 1
#define GLOBAL_EXPLICIT 2
#define GLOBAL_IMPLICIT 3
#define FREE 4
#define CELL 5

typedef struct _PySTEntry {
    PyObject_HEAD
    PyObject *ste_id;            /* int: address of the AST node (the key) */
    PyObject *ste_symbols;       /* dict: name -> int flags */
    PyObject *ste_name;          /* str: scope name ("top" for the module) */
    PyObject *ste_varnames;      /* list: parameters in order (function scopes) */
    PyObject *ste_children;      /* list of child entries, in source order */
    PyObject *ste_directives;    /* list of (name, lineno, col, end_lineno, end_col) */
    PyObject *ste_mangled_names; /* set of names mangled in a class (or NULL) */
    _Py_block_ty ste_type;
    int ste_nested;              /* nested inside a function */
    unsigned ste_generator : 1;
    unsigned ste_coroutine : 1;
    _Py_comprehension_ty ste_comprehension;
    unsigned ste_varargs : 1;
    unsigned ste_varkeywords : 1;
    unsigned ste_returns_value : 1;
    unsigned ste_needs_class_closure : 1;    /* class body needs a __class__ cell */
    unsigned ste_needs_classdict : 1;        /* class body needs a __classdict__ cell */
    unsigned ste_has_conditional_annotations : 1;
    unsigned ste_comp_inlined : 1;           /* comprehension inlined into its parent */
    unsigned ste_comp_iter_target : 1;       /* walking a comprehension target */
    unsigned ste_can_see_class_scope : 1;    /* annotation scope inside a class */
    unsigned ste_has_docstring : 1;
    int ste_comp_iter_expr;                  /* > 0 while walking the first iterable */
    int ste_lineno;
    int ste_col_offset;
    int ste_end_lineno;
    int ste_end_col_offset;
    int ste_opt_lineno;                      /* line of `import *` (or 0) */
    int ste_opt_col_offset;
    const char *ste_scope_info;              /* "a TypeVar bound", ...: for errors about
                                                yield/await/walrus in annotation scopes */
    struct symtable *ste_table;
} PySTEntryObject;

struct symtable {
    PyObject *st_filename;       /* str */
    struct _PySTEntry *st_cur;   /* current entry during the build */
    struct _PySTEntry *st_top;   /* module entry */
    PyObject *st_blocks;         /* dict: id -> entry */
    PyObject *st_stack;          /* list: entries being built */
    PyObject *st_global;         /* borrowed: the module's ste_symbols */
    int st_nblocks;
    PyObject *st_private;        /* name of the innermost class, for mangling */
    int st_future_features;      /* CO_FUTURE_* */
    int recursion_depth;
    int recursion_limit;
};

extern PyTypeObject PySTEntry_Type;
#define PySTEntry_Check(op) Py_IS_TYPE((op), &PySTEntry_Type)

/* Build the table for a module.  Return a new table (free with _PySymtable_Free) or NULL
 * with SyntaxError set.  future_features are CO_FUTURE_* bits. */
extern struct symtable *_PySymtable_Build(struct _mod *mod, PyObject *filename,
                                          int future_features);
extern void _PySymtable_Free(struct symtable *);

/* Entry for the scope opened by AST node `key`.  Return a new reference, or NULL with
 * KeyError set. */
extern PySTEntryObject *_PySymtable_Lookup(struct symtable *, void *key);

/* Scope (LOCAL, CELL, ...) of name in ste, 0 if unknown. */
extern int _PyST_GetScope(PySTEntryObject *ste, PyObject *name);
/* Flags of name in ste, 0 if unknown. */
extern long _PyST_GetSymbol(PySTEntryObject *ste, PyObject *name);
/* 1 if the scope is a function-like scope with fast locals. */
extern int _PyST_IsFunctionLike(PySTEntryObject *ste);

/* Private name mangling: `__x` inside class C becomes `_C__x`.  Return a new reference. */
extern PyObject *_Py_Mangle(PyObject *private_name, PyObject *ident);
extern PyObject *_Py_MaybeMangle(PyObject *private_name, PySTEntryObject *ste,
                                 PyObject *ident);

#endif /* Py_INTERNAL_SYMTABLE_H */
