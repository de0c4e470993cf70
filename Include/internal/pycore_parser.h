/* _PyParser_ASTFromString/_PyParser_ASTFromFile: source to AST, SyntaxError on failure.
 * Owner: parser room (Parser/). */
#ifndef Py_INTERNAL_PARSER_H
#define Py_INTERNAL_PARSER_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE define"
#endif

#include "pycore_ast.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Parse str (UTF-8 unless flags lacks PyCF_SOURCE_IS_UTF8 and PyCF_IGNORE_COOKIE, in which
 * case a PEP 263 coding cookie is honoured) in mode Py_file_input, Py_eval_input,
 * Py_single_input or Py_func_type_input.  filename is a str (borrowed).  Return the module
 * node allocated from arena, or NULL with SyntaxError (IndentationError, TabError),
 * MemoryError, ... set.
 *
 * With PyCF_ALLOW_INCOMPLETE_INPUT in flags, input that is a valid prefix of a longer
 * program (an open bracket, a block header without its body, an unterminated triple-quoted
 * string, a trailing backslash) raises _IncompleteInputError("incomplete input"), a
 * SyntaxError subclass, instead of another error, so a REPL can ask for more lines;
 * _PyParser_IsIncompleteInputError() tells. */
PyAPI_FUNC(mod_ty) _PyParser_ASTFromString(const char *str, PyObject *filename, int mode,
                                           PyCompilerFlags *flags, PyArena *arena);

/* Read all of fp and parse it like _PyParser_ASTFromString.  enc is the source encoding or
 * NULL (cookie/UTF-8); ps1/ps2 are ignored (prompts are the REPL's business).  On error
 * *errcode (if not NULL) is set to E_EOF (11) when input ended before a statement was
 * complete (nothing at all, for interactive mode), else E_ERROR (17). */
PyAPI_FUNC(mod_ty) _PyParser_ASTFromFile(FILE *fp, PyObject *filename, const char *enc,
                                         int mode, const char *ps1, const char *ps2,
                                         PyCompilerFlags *flags, int *errcode,
                                         PyArena *arena);

/* Return 1 if the current exception is the _IncompleteInputError (a SyntaxError subclass,
 * message "incomplete input") raised under PyCF_ALLOW_INCOMPLETE_INPUT, else 0.  Never
 * fails. */
PyAPI_FUNC(int) _PyParser_IsIncompleteInputError(void);

#define E_EOF 11
#define E_ERROR 17

#ifdef __cplusplus
}
#endif
#endif /* Py_INTERNAL_PARSER_H */
