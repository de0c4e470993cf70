/* libFuzzer target: compile arbitrary bytes as Python source.
 *
 * Every input is parsed in the three compile() modes; with the compiler available the AST is
 * also compiled (Py_CompileStringExFlags).  Errors are expected and cleared; crashes, leaks
 * and hangs are bugs.  Build with Tests/fuzz/build.sh.
 *
 * FUZZ_PARSER_ONLY: stop after the parser (_PyParser_ASTFromString), for fuzzing the parser
 * on its own while the rest of the interpreter is incomplete.  FUZZ_NO_INIT: skip
 * Py_Initialize (parser-only runs that need no interpreter state). */
#include "Python.h"
#include "pycore_parser.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Inputs beyond this size only slow the fuzzer down without finding new paths. */
#define FUZZ_MAX_INPUT 65536

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
#ifndef FUZZ_NO_INIT
    Py_Initialize();
#endif
    return 0;
}

static void
fuzz_one(const char *src, int mode)
{
    PyCompilerFlags flags = _PyCompilerFlags_INIT;
#ifdef FUZZ_PARSER_ONLY
    PyArena *arena = _PyArena_New();
    if (arena == NULL) {
        PyErr_Clear();
        return;
    }
    PyObject *filename = PyUnicode_FromString("<fuzz>");
    if (filename != NULL) {
        mod_ty mod = _PyParser_ASTFromString(src, filename, mode, &flags, arena);
        (void)mod;
        Py_DECREF(filename);
    }
    _PyArena_Free(arena);
#else
    PyObject *code = Py_CompileStringExFlags(src, "<fuzz>", mode, &flags, 0);
    Py_XDECREF(code);
#endif
    PyErr_Clear();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT) {
        return 0;
    }
    /* The C API takes NUL-terminated text: cut at the first NUL byte. */
    char *src = malloc(size + 1);
    if (src == NULL) {
        return 0;
    }
    memcpy(src, data, size);
    src[size] = '\0';
    fuzz_one(src, Py_file_input);
    fuzz_one(src, Py_eval_input);
    fuzz_one(src, Py_single_input);
    free(src);
    return 0;
}
