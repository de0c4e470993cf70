/* Opcode names and the `_opcode` built-in module (the C half of Lib/dis.py).
 *
 * _PyOpcode_Names is indexed by opcode; unused numbers are NULL.  The `_opcode` module
 * exposes the instruction set of this interpreter (pycore_opcode.h) to Python: the names,
 * the argument-kind predicates dis uses to decode arguments, and stack_effect(). */

#include "Python.h"
#include "internal/pycore_code.h"
#include "internal/pycore_compile.h"
#include "internal/pycore_opcode.h"

const char *const _PyOpcode_Names[256] = {
    [NOP] = "NOP",
    [POP_TOP] = "POP_TOP",
    [PUSH_NULL] = "PUSH_NULL",
    [END_SEND] = "END_SEND",
    [UNARY_NEGATIVE] = "UNARY_NEGATIVE",
    [UNARY_NOT] = "UNARY_NOT",
    [UNARY_INVERT] = "UNARY_INVERT",
    [BINARY_SUBSCR] = "BINARY_SUBSCR",
    [STORE_SUBSCR] = "STORE_SUBSCR",
    [DELETE_SUBSCR] = "DELETE_SUBSCR",
    [BINARY_SLICE] = "BINARY_SLICE",
    [STORE_SLICE] = "STORE_SLICE",
    [GET_ITER] = "GET_ITER",
    [GET_YIELD_FROM_ITER] = "GET_YIELD_FROM_ITER",
    [GET_AITER] = "GET_AITER",
    [GET_ANEXT] = "GET_ANEXT",
    [GET_LEN] = "GET_LEN",
    [MATCH_MAPPING] = "MATCH_MAPPING",
    [MATCH_SEQUENCE] = "MATCH_SEQUENCE",
    [MATCH_KEYS] = "MATCH_KEYS",
    [PUSH_EXC_INFO] = "PUSH_EXC_INFO",
    [POP_EXCEPT] = "POP_EXCEPT",
    [CHECK_EXC_MATCH] = "CHECK_EXC_MATCH",
    [CHECK_EG_MATCH] = "CHECK_EG_MATCH",
    [WITH_EXCEPT_START] = "WITH_EXCEPT_START",
    [BEFORE_WITH] = "BEFORE_WITH",
    [BEFORE_ASYNC_WITH] = "BEFORE_ASYNC_WITH",
    [END_ASYNC_FOR] = "END_ASYNC_FOR",
    [CLEANUP_THROW] = "CLEANUP_THROW",
    [RETURN_VALUE] = "RETURN_VALUE",
    [RETURN_GENERATOR] = "RETURN_GENERATOR",
    [LOAD_BUILD_CLASS] = "LOAD_BUILD_CLASS",
    [LOAD_LOCALS] = "LOAD_LOCALS",
    [LOAD_ASSERTION_ERROR] = "LOAD_ASSERTION_ERROR",
    [SETUP_ANNOTATIONS] = "SETUP_ANNOTATIONS",
    [FORMAT_SIMPLE] = "FORMAT_SIMPLE",
    [FORMAT_WITH_SPEC] = "FORMAT_WITH_SPEC",
    [MAKE_FUNCTION] = "MAKE_FUNCTION",
    [EXIT_INIT_CHECK] = "EXIT_INIT_CHECK",
    [INTERPRETER_EXIT] = "INTERPRETER_EXIT",
    [EXTENDED_ARG] = "EXTENDED_ARG",
    [RESUME] = "RESUME",
    [LOAD_CONST] = "LOAD_CONST",
    [RETURN_CONST] = "RETURN_CONST",
    [LOAD_FAST] = "LOAD_FAST",
    [LOAD_FAST_CHECK] = "LOAD_FAST_CHECK",
    [LOAD_FAST_AND_CLEAR] = "LOAD_FAST_AND_CLEAR",
    [STORE_FAST] = "STORE_FAST",
    [DELETE_FAST] = "DELETE_FAST",
    [LOAD_DEREF] = "LOAD_DEREF",
    [STORE_DEREF] = "STORE_DEREF",
    [DELETE_DEREF] = "DELETE_DEREF",
    [LOAD_FROM_DICT_OR_DEREF] = "LOAD_FROM_DICT_OR_DEREF",
    [LOAD_FROM_DICT_OR_GLOBALS] = "LOAD_FROM_DICT_OR_GLOBALS",
    [MAKE_CELL] = "MAKE_CELL",
    [COPY_FREE_VARS] = "COPY_FREE_VARS",
    [LOAD_NAME] = "LOAD_NAME",
    [STORE_NAME] = "STORE_NAME",
    [DELETE_NAME] = "DELETE_NAME",
    [LOAD_GLOBAL] = "LOAD_GLOBAL",
    [STORE_GLOBAL] = "STORE_GLOBAL",
    [DELETE_GLOBAL] = "DELETE_GLOBAL",
    [LOAD_ATTR] = "LOAD_ATTR",
    [STORE_ATTR] = "STORE_ATTR",
    [DELETE_ATTR] = "DELETE_ATTR",
    [LOAD_SUPER_ATTR] = "LOAD_SUPER_ATTR",
    [IMPORT_NAME] = "IMPORT_NAME",
    [IMPORT_FROM] = "IMPORT_FROM",
    [BINARY_OP] = "BINARY_OP",
    [COMPARE_OP] = "COMPARE_OP",
    [IS_OP] = "IS_OP",
    [CONTAINS_OP] = "CONTAINS_OP",
    [COPY] = "COPY",
    [SWAP] = "SWAP",
    [BUILD_TUPLE] = "BUILD_TUPLE",
    [BUILD_LIST] = "BUILD_LIST",
    [BUILD_SET] = "BUILD_SET",
    [BUILD_MAP] = "BUILD_MAP",
    [BUILD_CONST_KEY_MAP] = "BUILD_CONST_KEY_MAP",
    [BUILD_STRING] = "BUILD_STRING",
    [BUILD_SLICE] = "BUILD_SLICE",
    [LIST_APPEND] = "LIST_APPEND",
    [SET_ADD] = "SET_ADD",
    [MAP_ADD] = "MAP_ADD",
    [LIST_EXTEND] = "LIST_EXTEND",
    [SET_UPDATE] = "SET_UPDATE",
    [DICT_UPDATE] = "DICT_UPDATE",
    [DICT_MERGE] = "DICT_MERGE",
    [UNPACK_SEQUENCE] = "UNPACK_SEQUENCE",
    [UNPACK_EX] = "UNPACK_EX",
    [FOR_ITER] = "FOR_ITER",
    [SEND] = "SEND",
    [YIELD_VALUE] = "YIELD_VALUE",
    [JUMP_FORWARD] = "JUMP_FORWARD",
    [JUMP_BACKWARD] = "JUMP_BACKWARD",
    [JUMP_BACKWARD_NO_INTERRUPT] = "JUMP_BACKWARD_NO_INTERRUPT",
    [POP_JUMP_IF_FALSE] = "POP_JUMP_IF_FALSE",
    [POP_JUMP_IF_TRUE] = "POP_JUMP_IF_TRUE",
    [POP_JUMP_IF_NONE] = "POP_JUMP_IF_NONE",
    [POP_JUMP_IF_NOT_NONE] = "POP_JUMP_IF_NOT_NONE",
    [CALL] = "CALL",
    [CALL_KW] = "CALL_KW",
    [CALL_FUNCTION_EX] = "CALL_FUNCTION_EX",
    [SET_FUNCTION_ATTRIBUTE] = "SET_FUNCTION_ATTRIBUTE",
    [CALL_INTRINSIC_1] = "CALL_INTRINSIC_1",
    [CALL_INTRINSIC_2] = "CALL_INTRINSIC_2",
    [RAISE_VARARGS] = "RAISE_VARARGS",
    [RERAISE] = "RERAISE",
    [GET_AWAITABLE] = "GET_AWAITABLE",
    [CONVERT_VALUE] = "CONVERT_VALUE",
    [MATCH_CLASS] = "MATCH_CLASS",
};

static int
opcode_in(int op, const int *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (list[i] == op) {
            return 1;
        }
    }
    return 0;
}

#define IN(op, ...)                                                                         \
    opcode_in((op), (const int[]){__VA_ARGS__},                                             \
              sizeof((const int[]){__VA_ARGS__}) / sizeof(int))

static int
valid_opcode(int op)
{
    return op > 0 && op < 256 && _PyOpcode_Names[op] != NULL;
}

static int
has_arg(int op)
{
    return valid_opcode(op) && op >= HAVE_ARGUMENT;
}

static int
has_const(int op)
{
    return IN(op, LOAD_CONST, RETURN_CONST);
}

static int
has_name(int op)
{
    return IN(op, LOAD_NAME, STORE_NAME, DELETE_NAME, LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL,
              LOAD_ATTR, STORE_ATTR, DELETE_ATTR, LOAD_SUPER_ATTR, IMPORT_NAME, IMPORT_FROM,
              LOAD_FROM_DICT_OR_GLOBALS);
}

static int
has_jump(int op)
{
    return IN(op, FOR_ITER, SEND, JUMP_FORWARD, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT,
              POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE);
}

static int
has_free(int op)
{
    return IN(op, LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_FROM_DICT_OR_DEREF, MAKE_CELL);
}

static int
has_local(int op)
{
    return IN(op, LOAD_FAST, LOAD_FAST_CHECK, LOAD_FAST_AND_CLEAR, STORE_FAST, DELETE_FAST);
}

static PyObject *
opcode_predicate(PyObject *args, int (*pred)(int))
{
    int op;
    if (!PyArg_ParseTuple(args, "i", &op)) {
        return NULL;
    }
    return Py_NewRef(pred(op) ? Py_True : Py_False);
}

#define PREDICATE(name)                                                                     \
    static PyObject *opcode_##name(PyObject *Py_UNUSED(m), PyObject *args)                 \
    {                                                                                       \
        return opcode_predicate(args, name);                                                \
    }

PREDICATE(valid_opcode)
PREDICATE(has_arg)
PREDICATE(has_const)
PREDICATE(has_name)
PREDICATE(has_jump)
PREDICATE(has_free)
PREDICATE(has_local)

static int
has_exc(int Py_UNUSED(op))
{
    return 0;   /* exception handling is table-driven: no instruction names a handler */
}
PREDICATE(has_exc)

static PyObject *
opcode_stack_effect(PyObject *Py_UNUSED(m), PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"opcode", "oparg", "jump", NULL};
    int op;
    PyObject *oparg = Py_None, *jump = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "i|O$O:stack_effect", kwlist, &op, &oparg,
                                     &jump)) {
        return NULL;
    }
    int arg = 0;
    if (has_arg(op)) {
        if (oparg == Py_None) {
            PyErr_SetString(PyExc_ValueError,
                            "stack_effect: opcode requires oparg but oparg was not specified");
            return NULL;
        }
        arg = PyLong_AsLong(oparg);
        if (arg == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    else if (oparg != Py_None) {
        PyErr_SetString(PyExc_ValueError,
                        "stack_effect: opcode does not permit oparg but oparg was specified");
        return NULL;
    }
    int j = -1;
    if (jump == Py_True) {
        j = 1;
    }
    else if (jump == Py_False) {
        j = 0;
    }
    else if (jump != Py_None) {
        PyErr_SetString(PyExc_ValueError, "stack_effect: jump must be False, True or None");
        return NULL;
    }
    if (!valid_opcode(op)) {
        PyErr_SetString(PyExc_ValueError, "invalid opcode or oparg");
        return NULL;
    }
    int effect = PyCompile_OpcodeStackEffectWithJump(op, arg, j);
    if (effect == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromLong(effect);
}

/* _opcode.opnames(): list of 256 names ('<N>' for unused numbers). */
static PyObject *
opcode_opnames(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(ignored))
{
    PyObject *list = PyList_New(256);
    if (list == NULL) {
        return NULL;
    }
    for (int i = 0; i < 256; i++) {
        PyObject *name = _PyOpcode_Names[i] ? PyUnicode_FromString(_PyOpcode_Names[i])
                                            : PyUnicode_FromFormat("<%d>", i);
        if (name == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, name);
    }
    return list;
}

static PyMethodDef opcode_methods[] = {
    {"is_valid", opcode_valid_opcode, METH_VARARGS, "True if opcode is valid."},
    {"has_arg", opcode_has_arg, METH_VARARGS, "True if the opcode uses its argument."},
    {"has_const", opcode_has_const, METH_VARARGS, "True if the argument indexes co_consts."},
    {"has_name", opcode_has_name, METH_VARARGS, "True if the argument indexes co_names."},
    {"has_jump", opcode_has_jump, METH_VARARGS, "True if the argument is a jump distance."},
    {"has_free", opcode_has_free, METH_VARARGS, "True if the argument is a cell slot."},
    {"has_local", opcode_has_local, METH_VARARGS, "True if the argument is a local slot."},
    {"has_exc", opcode_has_exc, METH_VARARGS, "Always False: handlers are in a table."},
    {"stack_effect", (PyCFunction)(void (*)(void))opcode_stack_effect,
     METH_VARARGS | METH_KEYWORDS, "Compute the stack effect of an opcode."},
    {"opnames", opcode_opnames, METH_NOARGS, "List of the 256 opcode names."},
    {NULL, NULL, 0, NULL}
};

static int
opcode_exec(PyObject *m)
{
    if (PyModule_AddIntConstant(m, "HAVE_ARGUMENT", HAVE_ARGUMENT) < 0 ||
        PyModule_AddIntConstant(m, "EXTENDED_ARG", EXTENDED_ARG) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot opcode_slots[] = {
    {Py_mod_exec, (void *)opcode_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL}
};

static struct PyModuleDef opcode_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_opcode",
    .m_doc = "Opcode support for the dis module.",
    .m_size = 0,
    .m_methods = opcode_methods,
    .m_slots = opcode_slots,
};

PyMODINIT_FUNC
PyInit__opcode(void)
{
    return PyModuleDef_Init(&opcode_module);
}
