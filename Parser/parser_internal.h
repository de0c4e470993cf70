/* Private interface between the pieces of the parser (the Parser/ sources).
 *
 * The parser is hand-written recursive descent over the token stream.  Tokens are pulled
 * from the tokenizer lazily into an array, so the parser can look ahead and, at the few
 * places the grammar needs it (match/case, parenthesized with-items, comma suggestions),
 * backtrack by resetting `pos`.  Every other decision is made with bounded lookahead, so
 * parsing is linear.
 *
 * Errors: a syntax error is recorded in the Parser (p->error) and every parse function then
 * returns NULL up to the entry point, which raises SyntaxError from the record.  Other
 * failures (MemoryError, an error from an object constructor) set a Python exception and
 * p->fatal.  Speculative parses save and restore the error state unless fatal. */
#ifndef Py_PARSER_INTERNAL_H
#define Py_PARSER_INTERNAL_H

#include "Python.h"
#include "pycore_ast.h"
#include "pycore_token.h"

/* Nesting bound for the recursive descent (expressions, statements, patterns): deep
 * input raises instead of overflowing the C stack. */
#define PARSER_MAX_DEPTH 1000

typedef struct {
    int set;
    int kind;           /* TOKERR_* */
    int lineno, col, end_lineno, end_col;   /* 1-based lines, 0-based byte columns */
    char msg[320];
} ParserError;

typedef struct {
    _PyTokenizer tok;
    _PyToken *tokens;
    int ntokens, tokens_cap;
    int pos;                /* index of the current token */
    PyArena *arena;
    PyObject *filename;
    int mode;
    int flags;              /* PyCF_* */
    int depth;
    int fatal;              /* a Python exception is set */
    int incomplete;         /* input ended where more was expected */
    expr_ty bare_genexp;
    int tokenizer_error_text;   /* the error came from the tokenizer: text has no newline */    /* last generator argument parsed without its own parentheses */
    ParserError err;
} Parser;

/* ---- token access (parser.c) ---- */
_PyToken *_PyParser_Peek(Parser *p, int k);        /* k tokens ahead; NULL only if fatal */
_PyToken *_PyParser_Next(Parser *p);               /* consume and return the current token */
_PyToken *_PyParser_Prev(Parser *p);               /* last consumed token */
int _PyParser_Check(Parser *p, int type);          /* current token is `type` */
int _PyParser_CheckKw(Parser *p, int kw);          /* current token is keyword kw */
_PyToken *_PyParser_Accept(Parser *p, int type);   /* consume if `type` */
_PyToken *_PyParser_AcceptKw(Parser *p, int kw);
_PyToken *_PyParser_Expect(Parser *p, int type, const char *what);  /* or error */

#define CUR(p) _PyParser_Peek((p), 0)
#define FAILED(p) ((p)->err.set || (p)->fatal)

/* ---- errors (errors.c) ---- */
/* Record a syntax error at the given range (byte columns); return NULL. */
void *_PyParser_ErrorAt(Parser *p, int kind, int lineno, int col, int end_lineno,
                        int end_col, const char *fmt, ...);
void *_PyParser_ErrorAtToken(Parser *p, _PyToken *t, const char *fmt, ...);
void *_PyParser_ErrorAtNode(Parser *p, expr_ty e, const char *fmt, ...);
void *_PyParser_ErrorRange(Parser *p, expr_ty a, expr_ty b, const char *fmt, ...);
/* "invalid syntax" at the current token (or the tokenizer's error, or incomplete input). */
void *_PyParser_InvalidSyntax(Parser *p);
/* Note a Python exception raised by a C call: mark fatal and return NULL. */
void *_PyParser_Fatal(Parser *p);
/* Raise the recorded error as SyntaxError/IndentationError/TabError. */
void _PyParser_RaiseError(Parser *p);

typedef struct {
    int pos;
    ParserError err;
} ParserMark;
void _PyParser_Mark(Parser *p, ParserMark *m);
/* Backtrack to m; returns 0, or -1 if a fatal error prevents it. */
int _PyParser_Reset(Parser *p, ParserMark *m);

/* ---- depth guard ---- */
int _PyParser_Enter(Parser *p);   /* 0 ok, -1 too deep (error recorded) */
#define LEAVE(p) ((p)->depth--)

/* ---- helpers (action_helpers.c) ---- */
PyObject *_PyParser_NewIdentifier(Parser *p, _PyToken *t);   /* borrowed (arena owns) */
PyObject *_PyParser_Identifier(Parser *p, const char *s, Py_ssize_t len);
int _PyParser_AddObject(Parser *p, PyObject *o);              /* steals */
const char *_PyParser_ExprName(expr_ty e);
int _PyParser_SuggestEquality(expr_ty e);
/* After `prev` inside brackets, something that is not a separator: record CPython's
 * "Perhaps you forgot a comma?" (or plain invalid syntax) and return NULL. */
void *_PyParser_MissingComma(Parser *p, expr_ty prev);
/* At '=' after e where an expression was expected: CPython's "Maybe you meant '=='" hints.
 * Consumes the '='; records the error and returns NULL. */
void *_PyParser_MisplacedAssignment(Parser *p, expr_ty e);
/* Set ctx (Store/Del) on a target expression, recursively; NULL and error if invalid.
 * what is "assign to" or "delete"; suffix is appended to the message (may be ""). */
expr_ty _PyParser_SetContext(Parser *p, expr_ty e, expr_context_ty ctx);
expr_ty _PyParser_Target(Parser *p, expr_ty e, expr_context_ty ctx, const char *suffix);
void *_PyParser_SeqFromList(Parser *p, void **items, Py_ssize_t n);

/* A growable list of pointers allocated with PyMem, turned into an asdl seq at the end. */
typedef struct {
    void **items;
    Py_ssize_t n, cap;
    void *inline_items[8];
} PtrList;
void _PtrList_Init(PtrList *l);
int _PtrList_Append(Parser *p, PtrList *l, void *item);
void *_PtrList_ToSeq(Parser *p, PtrList *l);   /* frees l; NULL on failure */
void _PtrList_Free(PtrList *l);

/* ---- expressions (parser_expr.c) ---- */
expr_ty _PyParser_Expression(Parser *p);              /* expression (incl. lambda, ifexp) */
expr_ty _PyParser_NamedExpression(Parser *p);
expr_ty _PyParser_StarExpressions(Parser *p);         /* a, *b, c -> Tuple */
expr_ty _PyParser_StarNamedExpression(Parser *p);
expr_ty _PyParser_Expressions(Parser *p);             /* expression list -> Tuple */
expr_ty _PyParser_YieldExpr(Parser *p);
expr_ty _PyParser_BitwiseOr(Parser *p);
expr_ty _PyParser_Disjunction(Parser *p);
expr_ty _PyParser_StarTargets(Parser *p);             /* for/comprehension targets (Store) */
expr_ty _PyParser_StarTarget(Parser *p);              /* with-item target (Store) */
expr_ty _PyParser_Primary(Parser *p);
arguments_ty _PyParser_Parameters(Parser *p, int lambda, int close);
int _PyParser_CallArguments(Parser *p, asdl_expr_seq **args, asdl_keyword_seq **kws,
                            int close);
asdl_type_param_seq *_PyParser_TypeParams(Parser *p);
expr_ty _PyParser_Strings(Parser *p);
expr_ty _PyParser_Number(Parser *p, _PyToken *t);     /* NUMBER token -> Constant */

/* ---- strings (string_parser.c) ---- */
/* Decode the body of a string literal token (prefix and quotes included in t).  Returns a new
 * reference (str or bytes), or NULL with error recorded. */
PyObject *_PyParser_DecodeString(Parser *p, _PyToken *t, int *is_bytes, int *is_u);
/* Decode an f-string literal piece [s, e) (escapes unless raw; {{ and }} halve). */
PyObject *_PyParser_DecodeFStringMiddle(Parser *p, _PyToken *t, int raw);
PyObject *_PyParser_ParseNumber(Parser *p, _PyToken *t);

/* ---- statements & patterns ---- */
asdl_stmt_seq *_PyParser_Block(Parser *p, const char *what, _PyToken *header);
pattern_ty _PyParser_Patterns(Parser *p);             /* the pattern of a case clause */

#define LOC(t) (t)->lineno, (t)->col_offset
#define ELOC(t) (t)->end_lineno, (t)->end_col_offset
#define NLOC(e) (e)->lineno, (e)->col_offset
#define NELOC(e) (e)->end_lineno, (e)->end_col_offset

#endif /* Py_PARSER_INTERNAL_H */
