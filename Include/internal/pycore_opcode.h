/* Braid's bytecode: the contract between the compiler (Python/compile.c) and the eval loop
 * (Python/ceval.c).
 *
 * A code unit is 16 bits: opcode in the low byte, oparg in the high byte (_Py_OPCODE/_Py_OPARG in
 * Include/cpython/code.h).  Every instruction is one unit, preceded by up to three EXTENDED_ARG
 * units for args wider than 8 bits.  There are no inline caches yet.
 *
 * Semantics are those of the CPython 3.13 instruction of the same name as the `dis`
 * documentation describes it, except where a comment below says otherwise.  Notation:
 * STACK[-1] is the top; "a b -- c" lists what is popped (rightmost on top) and what is pushed.
 *
 * Jumps: all jump args are distances in code units, counted from the instruction that follows
 * the jump (after its EXTENDED_ARGs): forward jumps add, JUMP_BACKWARD* subtract.
 *
 * Calls: the stack holds `callable self_or_NULL arg1 ... argN` (3.13 order).  LOAD_GLOBAL with
 * the low bit of its arg set pushes `global NULL`; PUSH_NULL pushes NULL; LOAD_ATTR with the low
 * bit set pushes `method self` when it finds an unbound method descriptor on the type, else
 * `attr NULL`.
 *
 * Exceptions: zero-cost, through the code object's exception table (_PyCode_FindHandler in
 * pycore_code.h): on an exception at instruction i, the innermost entry covering i gives a
 * handler target, a stack depth and a lasti flag; the stack is popped to the depth, lasti (an
 * int, the offset of i) is pushed if the flag is set, then the exception, and execution jumps
 * to the target.  With no entry the frame is unwound.
 *
 * Generators: code with CO_GENERATOR/CO_COROUTINE/CO_ASYNC_GENERATOR begins with
 * (MAKE_CELL/COPY_FREE_VARS), RETURN_GENERATOR, POP_TOP, RESUME 0.  RETURN_GENERATOR returns the
 * new generator object to the caller; the first send() resumes after it with the sent value
 * (None) pushed, which POP_TOP discards. */
#ifndef Py_INTERNAL_OPCODE_H
#define Py_INTERNAL_OPCODE_H

enum {
    /* ---- no argument (oparg ignored) ---- */
    NOP = 1,
    POP_TOP,                 /* v -- */
    PUSH_NULL,               /* -- NULL */
    END_SEND,                /* receiver v -- v */
    UNARY_NEGATIVE,          /* v -- -v */
    UNARY_NOT,               /* v -- (not v)   (any object: truth-tests it) */
    UNARY_INVERT,            /* v -- ~v */
    BINARY_SUBSCR,           /* container key -- container[key] */
    STORE_SUBSCR,            /* v container key -- ; container[key] = v */
    DELETE_SUBSCR,           /* container key -- */
    BINARY_SLICE,            /* container start end -- container[start:end] */
    STORE_SLICE,             /* v container start end -- */
    GET_ITER,                /* iterable -- iter(iterable) */
    GET_YIELD_FROM_ITER,     /* iterable -- iterator (coroutines pass through) */
    GET_AITER,               /* aiterable -- aiterable.__aiter__() */
    GET_ANEXT,               /* aiter -- aiter awaitable(aiter.__anext__()) */
    GET_LEN,                 /* v -- v len(v) */
    MATCH_MAPPING,           /* subject -- subject bool */
    MATCH_SEQUENCE,          /* subject -- subject bool */
    MATCH_KEYS,              /* subject keys -- subject keys (values_tuple | None) */
    PUSH_EXC_INFO,           /* exc -- prev_exc exc ; handled exception := exc */
    POP_EXCEPT,              /* prev_exc -- ; handled exception := prev_exc */
    CHECK_EXC_MATCH,         /* exc type -- exc bool */
    CHECK_EG_MATCH,          /* exc_group type -- rest match  (except*) */
    WITH_EXCEPT_START,       /* exit lasti prev_exc val -- exit lasti prev_exc val res ;
                                res = exit(type(val), val, val.__traceback__) */
    BEFORE_WITH,             /* mgr -- bound_exit enter_result */
    BEFORE_ASYNC_WITH,       /* mgr -- bound_aexit awaitable(aenter_result) */
    END_ASYNC_FOR,           /* aiter exc -- ; StopAsyncIteration ends the loop, else reraise */
    CLEANUP_THROW,           /* sub_iter last_sent exc -- None value (StopIteration) or reraise */
    RETURN_VALUE,            /* v -- ; return v */
    RETURN_GENERATOR,        /* see header comment */
    LOAD_BUILD_CLASS,        /* -- builtins.__build_class__ */
    LOAD_LOCALS,             /* -- locals mapping of the frame */
    LOAD_ASSERTION_ERROR,    /* -- AssertionError */
    SETUP_ANNOTATIONS,       /* ensure __annotations__ exists in the locals mapping */
    FORMAT_SIMPLE,           /* v -- format(v, '') */
    FORMAT_WITH_SPEC,        /* v spec -- format(v, spec) */
    MAKE_FUNCTION,           /* code -- function (globals of the current frame) */
    EXIT_INIT_CHECK,         /* v -- ; TypeError unless v is None (__init__ result) */
    INTERPRETER_EXIT,        /* v -- ; leave the eval loop with v (entry frames only) */

    HAVE_ARGUMENT = 64,      /* opcodes below use their oparg */

    /* ---- with argument ---- */
    EXTENDED_ARG = HAVE_ARGUMENT, /* oparg of the next instruction |= this oparg << 8 */
    RESUME,                  /* where: 0 start, 1 after yield, 2 after yield from, 3 after await;
                                checks the eval breaker */
    LOAD_CONST,              /* -- co_consts[i] */
    RETURN_CONST,            /* -- ; return co_consts[i] */
    LOAD_FAST,               /* -- locals[i]   (compiler proved it is bound) */
    LOAD_FAST_CHECK,         /* -- locals[i]   UnboundLocalError if unbound */
    LOAD_FAST_AND_CLEAR,     /* -- locals[i] or NULL; locals[i] := NULL (inlined comprehensions) */
    STORE_FAST,              /* v -- */
    DELETE_FAST,             /* UnboundLocalError if unbound */
    LOAD_DEREF,              /* -- cell_contents of localsplus[i]; NameError/UnboundLocalError */
    STORE_DEREF,             /* v -- */
    DELETE_DEREF,
    LOAD_FROM_DICT_OR_DEREF, /* mapping -- v ; class bodies reading a free variable */
    LOAD_FROM_DICT_OR_GLOBALS, /* mapping -- v ; co_names[i] from mapping, globals, builtins */
    MAKE_CELL,               /* localsplus[i] := cell(localsplus[i]) */
    COPY_FREE_VARS,          /* copy i closure cells of the function into the last i slots */
    LOAD_NAME,               /* -- v ; co_names[i] from locals, globals, builtins */
    STORE_NAME,              /* v -- */
    DELETE_NAME,
    LOAD_GLOBAL,             /* -- v [NULL] ; name co_names[i>>1]; NULL pushed if i & 1 */
    STORE_GLOBAL,            /* v -- */
    DELETE_GLOBAL,
    LOAD_ATTR,               /* obj -- attr  |  (i & 1) obj -- meth self  or  attr NULL;
                                name co_names[i>>1] */
    STORE_ATTR,              /* v obj -- ; obj.name = v */
    DELETE_ATTR,             /* obj -- */
    LOAD_SUPER_ATTR,         /* global_super class self -- attr [self_or_NULL]; name co_names[i>>2];
                                i & 1: method form; i & 2: two-argument super(class, self) */
    IMPORT_NAME,             /* level fromlist -- module ; name co_names[i] */
    IMPORT_FROM,             /* module -- module attr ; name co_names[i] */
    BINARY_OP,               /* a b -- a op b ; op one of NB_* below (in-place forms too) */
    COMPARE_OP,              /* a b -- a cmp b ; cmp is Py_LT..Py_GE (object.h) */
    IS_OP,                   /* a b -- (a is b) ^ i */
    CONTAINS_OP,             /* a b -- (a in b) ^ i */
    COPY,                    /* push STACK[-i] again (i >= 1) */
    SWAP,                    /* swap STACK[-1] and STACK[-i] (i >= 2) */
    BUILD_TUPLE,             /* i items -- tuple */
    BUILD_LIST,
    BUILD_SET,
    BUILD_MAP,               /* k1 v1 ... ki vi -- dict */
    BUILD_CONST_KEY_MAP,     /* v1 ... vi keys_tuple -- dict */
    BUILD_STRING,            /* i strs -- concatenation */
    BUILD_SLICE,             /* start stop [step] -- slice ; i is 2 or 3 */
    LIST_APPEND,             /* v -- ; STACK[-i].append(v) after popping v */
    SET_ADD,
    MAP_ADD,                 /* k v -- ; STACK[-i][k] = v after popping k v */
    LIST_EXTEND,             /* seq -- ; STACK[-i].extend(seq) */
    SET_UPDATE,
    DICT_UPDATE,             /* map -- ; STACK[-i].update(map) */
    DICT_MERGE,              /* map -- ; like DICT_UPDATE, TypeError on duplicate keys (calls) */
    UNPACK_SEQUENCE,         /* seq -- item_{i-1} ... item_0  (item_0 on top) */
    UNPACK_EX,               /* seq -- ; i & 0xff before the star, i >> 8 after */
    FOR_ITER,                /* iter -- iter next ; on exhaustion pops iter and jumps by i
                                (differs from 3.13: no END_FOR) */
    SEND,                    /* receiver v -- receiver result ; on StopIteration:
                                receiver v -- receiver value and jump by i */
    YIELD_VALUE,             /* v -- sent ; suspends the frame; i unused */
    JUMP_FORWARD,
    JUMP_BACKWARD,           /* checks the eval breaker */
    JUMP_BACKWARD_NO_INTERRUPT,
    POP_JUMP_IF_FALSE,       /* v -- ; truth-tests any object */
    POP_JUMP_IF_TRUE,
    POP_JUMP_IF_NONE,
    POP_JUMP_IF_NOT_NONE,
    CALL,                    /* callable self_or_NULL args[i] -- result */
    CALL_KW,                 /* callable self_or_NULL args[i] kwnames -- result ; the last
                                len(kwnames) of the i args are keyword values */
    CALL_FUNCTION_EX,        /* callable NULL argstuple [kwargsdict if i & 1] -- result */
    SET_FUNCTION_ATTRIBUTE,  /* v func -- func ; i is one of MAKE_FUNCTION_* below */
    CALL_INTRINSIC_1,        /* v -- res ; i is INTRINSIC_* */
    CALL_INTRINSIC_2,        /* v2 v1 -- res ; i is INTRINSIC2_*; v1 on top */
    RAISE_VARARGS,           /* i = 0: re-raise; 1: raise exc; 2: raise exc from cause */
    RERAISE,                 /* [lasti] exc -- ; if i, set frame lasti from the value below exc */
    GET_AWAITABLE,           /* v -- awaitable ; i: 0 await, 1 __aenter__, 2 __aexit__ (errors) */
    CONVERT_VALUE,           /* v -- str(v) | repr(v) | ascii(v) for i = 1 | 2 | 3 */
    MATCH_CLASS,             /* subject cls names_tuple -- (attrs_tuple | None) ; i positional */

    _Py_MAX_OPCODE
};

/* BINARY_OP args (CPython's numbering). */
#define NB_ADD 0
#define NB_AND 1
#define NB_FLOOR_DIVIDE 2
#define NB_LSHIFT 3
#define NB_MATRIX_MULTIPLY 4
#define NB_MULTIPLY 5
#define NB_REMAINDER 6
#define NB_OR 7
#define NB_POWER 8
#define NB_RSHIFT 9
#define NB_SUBTRACT 10
#define NB_TRUE_DIVIDE 11
#define NB_XOR 12
#define NB_INPLACE_ADD 13
#define NB_INPLACE_AND 14
#define NB_INPLACE_FLOOR_DIVIDE 15
#define NB_INPLACE_LSHIFT 16
#define NB_INPLACE_MATRIX_MULTIPLY 17
#define NB_INPLACE_MULTIPLY 18
#define NB_INPLACE_REMAINDER 19
#define NB_INPLACE_OR 20
#define NB_INPLACE_POWER 21
#define NB_INPLACE_RSHIFT 22
#define NB_INPLACE_SUBTRACT 23
#define NB_INPLACE_TRUE_DIVIDE 24
#define NB_INPLACE_XOR 25

/* SET_FUNCTION_ATTRIBUTE args. */
#define MAKE_FUNCTION_DEFAULTS 0x01
#define MAKE_FUNCTION_KWDEFAULTS 0x02
#define MAKE_FUNCTION_ANNOTATIONS 0x04   /* dict, or tuple of alternating names and values */
#define MAKE_FUNCTION_CLOSURE 0x08       /* tuple of cells */

/* CALL_INTRINSIC_1 args. */
#define INTRINSIC_1_INVALID 0
#define INTRINSIC_PRINT 1                /* sys.displayhook(v) (interactive mode) */
#define INTRINSIC_IMPORT_STAR 2          /* module -- None ; from module import * */
#define INTRINSIC_STOPITERATION_ERROR 3  /* exc -- RuntimeError wrapping StopIteration in gens */
#define INTRINSIC_ASYNC_GEN_WRAP 4
#define INTRINSIC_UNARY_POSITIVE 5
#define INTRINSIC_LIST_TO_TUPLE 6
#define INTRINSIC_TYPEVAR 7
#define INTRINSIC_PARAMSPEC 8
#define INTRINSIC_TYPEVARTUPLE 9
#define INTRINSIC_SUBSCRIPT_GENERIC 10
#define INTRINSIC_TYPEALIAS 11

/* CALL_INTRINSIC_2 args. */
#define INTRINSIC_2_INVALID 0
#define INTRINSIC_PREP_RERAISE_STAR 1
#define INTRINSIC_TYPEVAR_WITH_BOUND 2
#define INTRINSIC_TYPEVAR_WITH_CONSTRAINTS 3
#define INTRINSIC_SET_FUNCTION_TYPE_PARAMS 4
#define INTRINSIC_SET_TYPEPARAM_DEFAULT 5

/* Opcode names for dis and debugging, indexed by opcode (Python/opcode_names.c). */
extern const char *const _PyOpcode_Names[256];

#endif /* Py_INTERNAL_OPCODE_H */
