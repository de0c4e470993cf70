/* Token kinds (CPython 3.13's numbering) and the tokenizer's C interface.
 * Owner: parser room (Parser/tokenizer.c). */
#ifndef Py_INTERNAL_TOKEN_H
#define Py_INTERNAL_TOKEN_H

#ifdef __cplusplus
extern "C" {
#endif

#define ENDMARKER 0
#define NAME 1
#define NUMBER 2
#define STRING 3
#define NEWLINE 4
#define INDENT 5
#define DEDENT 6
#define LPAR 7
#define RPAR 8
#define LSQB 9
#define RSQB 10
#define COLON 11
#define COMMA 12
#define SEMI 13
#define PLUS 14
#define MINUS 15
#define STAR 16
#define SLASH 17
#define VBAR 18
#define AMPER 19
#define LESS 20
#define GREATER 21
#define EQUAL 22
#define DOT 23
#define PERCENT 24
#define LBRACE 25
#define RBRACE 26
#define EQEQUAL 27
#define NOTEQUAL 28
#define LESSEQUAL 29
#define GREATEREQUAL 30
#define TILDE 31
#define CIRCUMFLEX 32
#define LEFTSHIFT 33
#define RIGHTSHIFT 34
#define DOUBLESTAR 35
#define PLUSEQUAL 36
#define MINEQUAL 37
#define STAREQUAL 38
#define SLASHEQUAL 39
#define PERCENTEQUAL 40
#define AMPEREQUAL 41
#define VBAREQUAL 42
#define CIRCUMFLEXEQUAL 43
#define LEFTSHIFTEQUAL 44
#define RIGHTSHIFTEQUAL 45
#define DOUBLESTAREQUAL 46
#define DOUBLESLASH 47
#define DOUBLESLASHEQUAL 48
#define AT 49
#define ATEQUAL 50
#define RARROW 51
#define ELLIPSIS 52
#define COLONEQUAL 53
#define EXCLAMATION 54
#define OP 55
#define TYPE_IGNORE 56
#define TYPE_COMMENT 57
#define SOFT_KEYWORD 58
#define FSTRING_START 59
#define FSTRING_MIDDLE 60
#define FSTRING_END 61
#define COMMENT 62
#define NL 63
#define ERRORTOKEN 64
#define N_TOKENS 66
#define NT_OFFSET 256

#define ISTERMINAL(x) ((x) < NT_OFFSET)
#define ISNONTERMINAL(x) ((x) >= NT_OFFSET)
#define ISEOF(x) ((x) == ENDMARKER)
#define ISWHITESPACE(x) ((x) == ENDMARKER || (x) == NEWLINE || (x) == INDENT || \
                         (x) == DEDENT)

/* Keywords and soft keywords: the `keyword` field of a NAME token (0 for plain names).
 * Soft keywords (KW_MATCH and after) are still names to the parser except where the grammar
 * gives them meaning. */
enum {
    KW_NONE = 0,
    KW_FALSE, KW_NONE_, KW_TRUE, KW_AND, KW_AS, KW_ASSERT, KW_ASYNC, KW_AWAIT, KW_BREAK,
    KW_CLASS, KW_CONTINUE, KW_DEF, KW_DEL, KW_ELIF, KW_ELSE, KW_EXCEPT, KW_FINALLY, KW_FOR,
    KW_FROM, KW_GLOBAL, KW_IF, KW_IMPORT, KW_IN, KW_IS, KW_LAMBDA, KW_NONLOCAL, KW_NOT, KW_OR,
    KW_PASS, KW_RAISE, KW_RETURN, KW_TRY, KW_WHILE, KW_WITH, KW_YIELD,
    KW_MATCH, KW_CASE, KW_TYPE, KW_UNDERSCORE,
    KW_COUNT
};
#define KW_IS_SOFT(k) ((k) >= KW_MATCH)

/* One token.  start/end point into the tokenizer's (UTF-8) buffer; columns are 0-based byte
 * offsets from the start of the line, lines are 1-based. */
typedef struct {
    int type;
    int keyword;
    int lineno, col_offset, end_lineno, end_col_offset;
    const char *start, *end;
} _PyToken;

/* What kind of exception a tokenizer error becomes. */
enum { TOKERR_SYNTAX = 0, TOKERR_INDENTATION = 1, TOKERR_TAB = 2 };
/* err_end_col value that CPython reports as end_offset 0. */
#define TOK_END_ZERO (-1000)

#define _PYTOKENIZER_MAXINDENT 100
#define _PYTOKENIZER_MAXLEVEL 200
#define _PYTOKENIZER_MAXFSTRING 310   /* mode entries; at most 150 nested f-strings */

typedef struct {
    int kind;            /* FSMODE_* (tokenizer.c) */
    char quote;          /* ' or " */
    char triple;         /* 1 for triple-quoted */
    char raw;            /* r prefix */
    int level;           /* bracket level of the replacement field's '{' (code/spec modes) */
    int lineno, col;     /* where the f-string started, for errors */
    const char *debug_start;
} _PyFStringMode;

/* Tokenizer state.  The buffer is a NUL-terminated UTF-8 copy of the source owned by the
 * tokenizer.  Tokenization stops at the first error: the last token is then ERRORTOKEN and
 * err_* describe the error. */
typedef struct {
    char *buf;
    const char *end;        /* buf + length (the NUL) */
    const char *cur;
    const char *line_start;
    int lineno;
    int flags;              /* TOKFLAG_* */
    int at_bol;             /* at the beginning of a logical line */
    int line_has_tokens;    /* a token was emitted on the current logical line */
    int pending_dedents;
    int indent;             /* top of indstack */
    int indstack[_PYTOKENIZER_MAXINDENT + 1];
    int altindstack[_PYTOKENIZER_MAXINDENT + 1];
    int level;              /* open brackets */
    char parenstack[_PYTOKENIZER_MAXLEVEL];
    int parenlineno[_PYTOKENIZER_MAXLEVEL];
    int parencol[_PYTOKENIZER_MAXLEVEL];
    int nfmode;
    int nfstrings;          /* f-strings open (FSMODE_LITERAL entries in fmode) */
    _PyFStringMode fmode[_PYTOKENIZER_MAXFSTRING];
    int done;               /* ENDMARKER or ERRORTOKEN emitted */
    int last_type;
    /* error */
    int err_kind;
    int err_incomplete;     /* the error is "input ended too early" */
    char err_msg[256];
    int err_lineno, err_col, err_end_lineno, err_end_col;
    /* a SyntaxWarning for the parser to issue (a keyword glued to a number) */
    int warn_pending;
    int warn_lineno, warn_col;
    char warn_msg[64];
    /* line table: offsets of line starts, for error messages */
    Py_ssize_t *line_offsets;
    int nlines, lines_cap;
} _PyTokenizer;

#define TOKFLAG_DONT_IMPLY_DEDENT 1
#define TOKFLAG_SOURCE_IS_UTF8 2   /* the text was a str: ignore a coding cookie */
#define TOKFLAG_INTERACTIVE 4      /* REPL input: the text is not newline-terminated */

/* Initialize tok over a copy of str[0:len].  Return 0, or -1 with an exception set
 * (MemoryError, or SyntaxError for a bad encoding). */
PyAPI_FUNC(int) _PyTokenizer_Init(_PyTokenizer *tok, const char *str, Py_ssize_t len,
                                  int flags);
/* Release the tokenizer's memory. */
PyAPI_FUNC(void) _PyTokenizer_Clear(_PyTokenizer *tok);
/* Produce the next token into *t and return its type (ERRORTOKEN on error; see err_*).
 * After ENDMARKER or ERRORTOKEN it keeps returning the same kind. */
PyAPI_FUNC(int) _PyTokenizer_Next(_PyTokenizer *tok, _PyToken *t);
/* Return the text of line lineno (without its newline) and its length in *len; NULL if out
 * of range.  Borrowed pointer into tok's buffer. */
PyAPI_FUNC(const char *) _PyTokenizer_GetLine(_PyTokenizer *tok, int lineno, Py_ssize_t *len);
/* Name of a token kind, e.g. "NAME"; "OP" for operators. */
PyAPI_FUNC(const char *) _PyToken_Name(int type);
/* The keyword id for a name (KW_NONE if it is not one). */
PyAPI_FUNC(int) _PyToken_Keyword(const char *s, Py_ssize_t len);

#ifdef __cplusplus
}
#endif
#endif /* Py_INTERNAL_TOKEN_H */
