/* `from __future__ import ...`: find the features a module enables.
 *
 * Future imports must come first in a module: after an optional docstring, only other
 * future imports may precede them.  A later one is a SyntaxError raised by the compiler
 * (compile.c checks ff_lineno); here we reject unknown features and `braces`. */

#include "Python.h"
#include "internal/pycore_ast.h"
#include "internal/pycore_compile.h"

static int
future_check_features(_PyFutureFeatures *ff, stmt_ty s, PyObject *filename)
{
    asdl_alias_seq *names = s->v.ImportFrom.names;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(names); i++) {
        alias_ty name = asdl_seq_GET(names, i);
        const char *feature = PyUnicode_AsUTF8(name->name);
        if (feature == NULL) {
            return 0;
        }
        if (strcmp(feature, FUTURE_NESTED_SCOPES) == 0 ||
            strcmp(feature, FUTURE_GENERATORS) == 0 ||
            strcmp(feature, FUTURE_DIVISION) == 0 ||
            strcmp(feature, FUTURE_ABSOLUTE_IMPORT) == 0 ||
            strcmp(feature, FUTURE_WITH_STATEMENT) == 0 ||
            strcmp(feature, FUTURE_PRINT_FUNCTION) == 0 ||
            strcmp(feature, FUTURE_UNICODE_LITERALS) == 0 ||
            strcmp(feature, FUTURE_GENERATOR_STOP) == 0) {
            continue;
        }
        if (strcmp(feature, FUTURE_BARRY_AS_BDFL) == 0) {
            ff->ff_features |= CO_FUTURE_BARRY_AS_BDFL;
        }
        else if (strcmp(feature, FUTURE_ANNOTATIONS) == 0) {
            ff->ff_features |= CO_FUTURE_ANNOTATIONS;
        }
        else if (strcmp(feature, "braces") == 0) {
            _PyCompile_RaiseSyntaxError(PyExc_SyntaxError, filename, name->lineno,
                                        name->col_offset, name->end_lineno,
                                        name->end_col_offset, "not a chance");
            return 0;
        }
        else {
            _PyCompile_RaiseSyntaxError(PyExc_SyntaxError, filename, name->lineno,
                                        name->col_offset, name->end_lineno,
                                        name->end_col_offset,
                                        "future feature %.100s is not defined", feature);
            return 0;
        }
    }
    return 1;
}

int
_PyFuture_FromAST(mod_ty mod, PyObject *filename, _PyFutureFeatures *ff)
{
    ff->ff_features = 0;
    ff->ff_lineno = -1;
    if (mod->kind != Module_kind && mod->kind != Interactive_kind) {
        return 1;
    }
    asdl_stmt_seq *body = mod->kind == Module_kind ? mod->v.Module.body
                                                   : mod->v.Interactive.body;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(body); i++) {
        stmt_ty s = asdl_seq_GET(body, i);
        if (i == 0 && s->kind == Expr_kind && s->v.Expr.value->kind == Constant_kind &&
            PyUnicode_CheckExact(s->v.Expr.value->v.Constant.value)) {
            continue;   /* docstring */
        }
        if (s->kind != ImportFrom_kind || s->v.ImportFrom.level != 0 ||
            s->v.ImportFrom.module == NULL ||
            PyUnicode_CompareWithASCIIString(s->v.ImportFrom.module, "__future__") != 0) {
            break;
        }
        if (!future_check_features(ff, s, filename)) {
            return 0;
        }
        ff->ff_lineno = s->lineno;
    }
    return 1;
}
