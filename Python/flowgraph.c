/* The control-flow graph: from the code generator's instruction sequence to a linear,
 * resolved program for the assembler.
 *
 * Steps, each a small function below:
 *   1. split the sequence into basic blocks: a block starts at a LABEL and ends after a jump
 *      or a terminator (return, raise, reraise, unconditional jump);
 *   2. walk the graph from the entry with a stack of active exception handlers (pushed by
 *      SETUP_FINALLY/SETUP_CLEANUP/SETUP_WITH, popped by POP_BLOCK), which gives every
 *      instruction its innermost handler and marks the reachable blocks; a handler block
 *      inherits the stack as it was before its SETUP;
 *   3. compute the value-stack depth at the start of every reachable block (the entry
 *      starts at 0, a jump passes depth + its jump effect, a handler gets the depth at its
 *      SETUP plus the values the unwinder pushes) and the maximum;
 *   4. decide LOAD_FAST versus LOAD_FAST_CHECK with a definite-assignment analysis;
 *   5. thread jumps to unconditional jumps, then drop pseudo-instructions (SETUP_*,
 *      POP_BLOCK, LABEL), NOPs, unreachable blocks (dead code after return/raise/jumps)
 *      and jumps to the very next instruction.
 *
 * Invariants checked: every path reaching a block arrives with the same stack depth, the
 * depth never goes negative, and every label that is jumped to is defined. */

#include "Python.h"
#include "internal/pycore_code.h"
#include "internal/pycore_compile.h"
#include "internal/pycore_opcode.h"

int
_PyCompile_HasTarget(int opcode)
{
    switch (opcode) {
    case FOR_ITER: case SEND: case JUMP_FORWARD: case JUMP_BACKWARD:
    case JUMP_BACKWARD_NO_INTERRUPT: case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE:
    case POP_JUMP_IF_NONE: case POP_JUMP_IF_NOT_NONE: case JUMP: case JUMP_NO_INTERRUPT:
    case SETUP_FINALLY: case SETUP_CLEANUP: case SETUP_WITH:
        return 1;
    default:
        return 0;
    }
}

static int
is_terminator(int opcode)
{
    switch (opcode) {
    case RETURN_VALUE: case RETURN_CONST: case RAISE_VARARGS: case RERAISE:
    case JUMP: case JUMP_NO_INTERRUPT: case JUMP_FORWARD: case JUMP_BACKWARD:
    case JUMP_BACKWARD_NO_INTERRUPT: case INTERPRETER_EXIT:
        return 1;
    default:
        return 0;
    }
}

int
_PyCompile_StackEffect(int opcode, int oparg, int jump)
{
    switch (opcode) {
    case NOP: case UNARY_NEGATIVE: case UNARY_NOT: case UNARY_INVERT: case GET_ITER:
    case GET_YIELD_FROM_ITER: case GET_AITER: case CHECK_EXC_MATCH: case CHECK_EG_MATCH:
    case SETUP_ANNOTATIONS: case FORMAT_SIMPLE: case MAKE_FUNCTION: case EXTENDED_ARG:
    case RESUME: case RETURN_CONST: case DELETE_FAST: case DELETE_DEREF:
    case LOAD_FROM_DICT_OR_DEREF: case LOAD_FROM_DICT_OR_GLOBALS: case MAKE_CELL:
    case COPY_FREE_VARS: case DELETE_NAME: case DELETE_GLOBAL: case SWAP:
    case YIELD_VALUE: case JUMP_FORWARD: case JUMP_BACKWARD: case JUMP_BACKWARD_NO_INTERRUPT:
    case CALL_INTRINSIC_1: case GET_AWAITABLE: case CONVERT_VALUE: case POP_BLOCK:
    case JUMP: case JUMP_NO_INTERRUPT: case LABEL:
        return 0;
    case POP_TOP: case END_SEND: case BINARY_SUBSCR: case POP_EXCEPT: case RETURN_VALUE:
    case FORMAT_WITH_SPEC: case EXIT_INIT_CHECK: case INTERPRETER_EXIT: case STORE_FAST:
    case STORE_DEREF: case STORE_NAME: case STORE_GLOBAL: case DELETE_ATTR:
    case IMPORT_NAME: case BINARY_OP: case COMPARE_OP: case IS_OP: case CONTAINS_OP:
    case LIST_APPEND: case SET_ADD: case LIST_EXTEND: case SET_UPDATE: case DICT_UPDATE:
    case DICT_MERGE: case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE: case POP_JUMP_IF_NONE:
    case POP_JUMP_IF_NOT_NONE: case SET_FUNCTION_ATTRIBUTE: case CALL_INTRINSIC_2:
    case RERAISE: case CLEANUP_THROW: case STORE_FAST_MAYBE_NULL:
        return -1;
    case PUSH_NULL: case GET_ANEXT: case GET_LEN: case MATCH_MAPPING: case MATCH_SEQUENCE:
    case MATCH_KEYS: case PUSH_EXC_INFO: case WITH_EXCEPT_START: case BEFORE_WITH:
    case BEFORE_ASYNC_WITH: case RETURN_GENERATOR: case LOAD_BUILD_CLASS: case LOAD_LOCALS:
    case LOAD_ASSERTION_ERROR: case LOAD_CONST: case LOAD_FAST: case LOAD_FAST_CHECK:
    case LOAD_FAST_AND_CLEAR: case LOAD_DEREF: case LOAD_NAME: case IMPORT_FROM: case COPY:
    case LOAD_CLOSURE:
        return 1;
    case STORE_SUBSCR:
        return -3;
    case DELETE_SUBSCR: case BINARY_SLICE: case STORE_ATTR: case END_ASYNC_FOR:
    case MAP_ADD: case MATCH_CLASS:
        return -2;
    case STORE_SLICE:
        return -4;
    case LOAD_GLOBAL:
        return 1 + (oparg & 1);
    case LOAD_ATTR:
        return oparg & 1;
    case LOAD_SUPER_ATTR:
        return -2 + (oparg & 1);
    case BUILD_TUPLE: case BUILD_LIST: case BUILD_SET: case BUILD_STRING: case BUILD_SLICE:
        return 1 - oparg;
    case BUILD_MAP:
        return 1 - 2 * oparg;
    case BUILD_CONST_KEY_MAP:
        return -oparg;
    case UNPACK_SEQUENCE:
        return oparg - 1;
    case UNPACK_EX:
        return (oparg & 0xff) + (oparg >> 8);
    case FOR_ITER:
        return jump > 0 ? -1 : 1;
    case SEND:
        return 0;
    case CALL:
        return -1 - oparg;
    case CALL_KW:
        return -2 - oparg;
    case CALL_FUNCTION_EX:
        return -2 - (oparg & 1);
    case RAISE_VARARGS:
        return -oparg;
    case SETUP_FINALLY:
        return jump > 0 ? 1 : 0;
    case SETUP_CLEANUP:
        return jump > 0 ? 2 : 0;
    case SETUP_WITH:
        return jump > 0 ? 1 : 0;
    default:
        return INT_MAX;
    }
}

int
PyCompile_OpcodeStackEffectWithJump(int opcode, int oparg, int jump)
{
    int effect;
    if (jump < 0) {
        int a = _PyCompile_StackEffect(opcode, oparg, 0);
        int b = _PyCompile_StackEffect(opcode, oparg, 1);
        effect = a > b ? a : b;
    }
    else {
        effect = _PyCompile_StackEffect(opcode, oparg, jump);
    }
    if (effect == INT_MAX || opcode >= _PSEUDO_FIRST || opcode <= 0) {
        PyErr_SetString(PyExc_ValueError, "invalid opcode or oparg");
        return -1;
    }
    return effect;
}

int
PyCompile_OpcodeStackEffect(int opcode, int oparg)
{
    return PyCompile_OpcodeStackEffectWithJump(opcode, oparg, -1);
}

/* ---- the graph ----------------------------------------------------------------------------- */

typedef struct {
    int start;          /* first instruction (index into cfg.instrs) */
    int count;
    int visited;
    int *except_stack;  /* handler block indices at entry (owned), NULL until visited */
    int except_depth;
    int startdepth;     /* value-stack depth at entry, -1 unknown */
    int preserve_lasti; /* handler entered through SETUP_CLEANUP/SETUP_WITH */
    int is_handler;
} block_t;

typedef struct {
    _PyCompile_Instruction *src;
    int nsrc;
    int *handler;       /* per source instruction: handler block or -1 */
    int *target;        /* per source instruction: target block or -1 */
    block_t *blocks;
    int nblocks;
    int *label_block;   /* label id -> block */
    int nlabels;
} cfg_t;

static void
cfg_free(cfg_t *g)
{
    if (g->blocks != NULL) {
        for (int i = 0; i < g->nblocks; i++) {
            PyMem_Free(g->blocks[i].except_stack);
        }
    }
    PyMem_Free(g->blocks);
    PyMem_Free(g->label_block);
    PyMem_Free(g->handler);
    PyMem_Free(g->target);
}

static int
cfg_build(cfg_t *g, _PyCompile_InstructionSequence *seq)
{
    g->src = seq->instrs;
    g->nsrc = seq->used;
    g->nlabels = seq->nlabels;
    g->handler = PyMem_Malloc(sizeof(int) * (size_t)(seq->used + 1));
    g->target = PyMem_Malloc(sizeof(int) * (size_t)(seq->used + 1));
    g->label_block = PyMem_Malloc(sizeof(int) * (size_t)(seq->nlabels + 1));
    /* At most one block per instruction plus one. */
    g->blocks = PyMem_Calloc((size_t)seq->used + 2, sizeof(block_t));
    if (!g->handler || !g->target || !g->label_block || !g->blocks) {
        PyErr_NoMemory();
        return -1;
    }
    for (int i = 0; i < seq->nlabels; i++) {
        g->label_block[i] = -1;
    }
    int nb = 0;
    g->blocks[0].start = 0;
    g->blocks[0].count = 0;
    nb = 1;
    for (int i = 0; i < seq->used; i++) {
        _PyCompile_Instruction *in = &seq->instrs[i];
        g->handler[i] = -1;
        g->target[i] = -1;
        if (in->opcode == LABEL) {
            block_t *cur = &g->blocks[nb - 1];
            if (cur->count > 0) {
                g->blocks[nb].start = i;
                g->blocks[nb].count = 0;
                nb++;
            }
            if (in->oparg < 0 || in->oparg >= seq->nlabels) {
                PyErr_SetString(PyExc_SystemError, "compiler: bad label");
                return -1;
            }
            g->label_block[in->oparg] = nb - 1;
            g->blocks[nb - 1].count++;   /* the label itself, filtered out later */
            continue;
        }
        g->blocks[nb - 1].count++;
        if (_PyCompile_HasTarget(in->opcode) &&
            in->opcode != SETUP_FINALLY && in->opcode != SETUP_CLEANUP &&
            in->opcode != SETUP_WITH) {
            g->blocks[nb].start = i + 1;
            g->blocks[nb].count = 0;
            nb++;
        }
        else if (is_terminator(in->opcode)) {
            g->blocks[nb].start = i + 1;
            g->blocks[nb].count = 0;
            nb++;
        }
    }
    g->nblocks = nb;
    for (int b = 0; b < nb; b++) {
        g->blocks[b].startdepth = -1;
    }
    for (int i = 0; i < seq->used; i++) {
        _PyCompile_Instruction *in = &seq->instrs[i];
        if (_PyCompile_HasTarget(in->opcode)) {
            if (in->oparg < 0 || in->oparg >= seq->nlabels ||
                g->label_block[in->oparg] < 0) {
                PyErr_SetString(PyExc_SystemError, "compiler: jump to an undefined label");
                return -1;
            }
            g->target[i] = g->label_block[in->oparg];
        }
    }
    return 0;
}

/* Does block b end without falling through to b + 1? */
static int
block_ends_flow(cfg_t *g, int b)
{
    block_t *bl = &g->blocks[b];
    for (int i = bl->start + bl->count - 1; i >= bl->start; i--) {
        int op = g->src[i].opcode;
        if (op == LABEL) {
            continue;
        }
        return is_terminator(op);
    }
    return 0;
}

static int
visit_with_stack(cfg_t *g, int b, const int *stack, int depth, int **worklist, int *nwork)
{
    block_t *bl = &g->blocks[b];
    if (bl->visited) {
        return 0;
    }
    bl->visited = 1;
    bl->except_stack = PyMem_Malloc(sizeof(int) * (size_t)(depth + 1));
    if (bl->except_stack == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    if (depth > 0) {
        memcpy(bl->except_stack, stack, sizeof(int) * (size_t)depth);
    }
    bl->except_depth = depth;
    (*worklist)[(*nwork)++] = b;
    return 0;
}

/* Step 2: handlers per instruction and reachability. */
static int
label_exception_targets(cfg_t *g)
{
    int *worklist = PyMem_Malloc(sizeof(int) * (size_t)(g->nblocks + 1));
    int *stack = PyMem_Malloc(sizeof(int) * (size_t)(g->nsrc + 1));
    int nwork = 0;
    if (worklist == NULL || stack == NULL) {
        PyMem_Free(worklist);
        PyMem_Free(stack);
        PyErr_NoMemory();
        return -1;
    }
    int rc = -1;
    if (visit_with_stack(g, 0, stack, 0, &worklist, &nwork) < 0) {
        goto done;
    }
    while (nwork > 0) {
        int b = worklist[--nwork];
        block_t *bl = &g->blocks[b];
        int depth = bl->except_depth;
        memcpy(stack, bl->except_stack, sizeof(int) * (size_t)depth);
        for (int i = bl->start; i < bl->start + bl->count; i++) {
            _PyCompile_Instruction *in = &g->src[i];
            g->handler[i] = depth > 0 ? stack[depth - 1] : -1;
            if (in->opcode == SETUP_FINALLY || in->opcode == SETUP_CLEANUP ||
                in->opcode == SETUP_WITH) {
                int t = g->target[i];
                g->blocks[t].is_handler = 1;
                if (in->opcode != SETUP_FINALLY) {
                    g->blocks[t].preserve_lasti = 1;
                }
                if (visit_with_stack(g, t, stack, depth, &worklist, &nwork) < 0) {
                    goto done;
                }
                stack[depth++] = t;
            }
            else if (in->opcode == POP_BLOCK) {
                if (depth > 0) {
                    depth--;
                }
            }
            else if (g->target[i] >= 0) {
                if (visit_with_stack(g, g->target[i], stack, depth, &worklist, &nwork) < 0) {
                    goto done;
                }
            }
        }
        if (!block_ends_flow(g, b) && b + 1 < g->nblocks) {
            if (visit_with_stack(g, b + 1, stack, depth, &worklist, &nwork) < 0) {
                goto done;
            }
        }
    }
    rc = 0;
done:
    PyMem_Free(worklist);
    PyMem_Free(stack);
    return rc;
}

static int
push_depth(cfg_t *g, int b, int depth, int *worklist, int *nwork)
{
    block_t *bl = &g->blocks[b];
    if (depth < 0) {
        PyErr_Format(PyExc_SystemError, "compiler: negative stack depth at block %d", b);
        return -1;
    }
    if (bl->startdepth < 0) {
        bl->startdepth = depth;
        worklist[(*nwork)++] = b;
    }
    else if (bl->startdepth != depth) {
        PyErr_Format(PyExc_SystemError,
                     "compiler: inconsistent stack depth at block %d (%d vs %d)",
                     b, bl->startdepth, depth);
        return -1;
    }
    return 0;
}

/* Step 3: returns the maximum depth, or -1 with an exception. */
static int
compute_stack_depth(cfg_t *g)
{
    int *worklist = PyMem_Malloc(sizeof(int) * (size_t)(g->nblocks + 1));
    if (worklist == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    int nwork = 0, maxdepth = 0;
    if (push_depth(g, 0, 0, worklist, &nwork) < 0) {
        goto error;
    }
    while (nwork > 0) {
        int b = worklist[--nwork];
        block_t *bl = &g->blocks[b];
        int depth = bl->startdepth;
        int falls = 1;
        for (int i = bl->start; i < bl->start + bl->count; i++) {
            _PyCompile_Instruction *in = &g->src[i];
            if (g->target[i] >= 0) {
                int je = _PyCompile_StackEffect(in->opcode, in->oparg, 1);
                int tdepth = depth + je;
                if (in->opcode == SETUP_WITH) {
                    tdepth = depth - 1 + 2;   /* enter result popped; lasti, exc pushed */
                }
                if (tdepth > maxdepth) {
                    maxdepth = tdepth;
                }
                if (push_depth(g, g->target[i], tdepth, worklist, &nwork) < 0) {
                    goto error;
                }
            }
            int effect = _PyCompile_StackEffect(in->opcode, in->oparg, 0);
            if (effect == INT_MAX) {
                PyErr_Format(PyExc_SystemError, "compiler: unknown opcode %d", in->opcode);
                goto error;
            }
            depth += effect;
            if (depth < 0) {
                PyErr_Format(PyExc_SystemError,
                             "compiler: stack underflow at instruction %d (opcode %d)",
                             i, in->opcode);
                goto error;
            }
            if (depth > maxdepth) {
                maxdepth = depth;
            }
            if (is_terminator(in->opcode)) {
                falls = 0;
                break;
            }
        }
        if (falls && b + 1 < g->nblocks) {
            if (push_depth(g, b + 1, depth, worklist, &nwork) < 0) {
                goto error;
            }
        }
    }
    PyMem_Free(worklist);
    return maxdepth;
error:
    PyMem_Free(worklist);
    return -1;
}


/* Step 4: LOAD_FAST or LOAD_FAST_CHECK.  A forward data-flow analysis over the first 64
 * locals: a bit is set while the local may be unbound (not a parameter and not stored on
 * every path, or deleted).  A read of a maybe-unbound local becomes LOAD_FAST_CHECK (after
 * which it is known bound); locals past the 64th are always checked.  Exception handlers
 * receive the union of the states at every instruction they cover. */
static int
mark_unbound_reads(cfg_t *g, int nparams)
{
    uint64_t *state = PyMem_Calloc((size_t)g->nblocks + 1, sizeof(uint64_t));
    char *seen = PyMem_Calloc((size_t)g->nblocks + 1, 1);
    int *worklist = PyMem_Malloc(sizeof(int) * (size_t)(g->nblocks + 1) * 2);
    char *queued = PyMem_Calloc((size_t)g->nblocks + 1, 1);
    if (state == NULL || seen == NULL || worklist == NULL || queued == NULL) {
        PyMem_Free(state);
        PyMem_Free(seen);
        PyMem_Free(worklist);
        PyMem_Free(queued);
        PyErr_NoMemory();
        return -1;
    }
    uint64_t start = ~(uint64_t)0;
    for (int i = 0; i < nparams && i < 64; i++) {
        start &= ~((uint64_t)1 << i);
    }
    int nwork = 0;
    state[0] = start;
    seen[0] = 1;
    worklist[nwork++] = 0;
    queued[0] = 1;
#define MERGE_INTO(t, st)                                                                 \
    do {                                                                                  \
        int _t = (t);                                                                     \
        uint64_t _new = seen[_t] ? (state[_t] | (st)) : (st);                            \
        if (!seen[_t] || _new != state[_t]) {                                             \
            seen[_t] = 1;                                                                 \
            state[_t] = _new;                                                             \
            if (!queued[_t]) {                                                            \
                queued[_t] = 1;                                                           \
                worklist[nwork++] = _t;                                                   \
            }                                                                             \
        }                                                                                 \
    } while (0)
    while (nwork > 0) {
        int b = worklist[--nwork];
        queued[b] = 0;
        block_t *bl = &g->blocks[b];
        uint64_t cur = state[b];
        int falls = 1;
        for (int i = bl->start; i < bl->start + bl->count; i++) {
            _PyCompile_Instruction *in = &g->src[i];
            if (g->handler[i] >= 0) {
                MERGE_INTO(g->handler[i], cur);
            }
            int arg = in->oparg;
            uint64_t bit = arg < 64 ? ((uint64_t)1 << arg) : 0;
            switch (in->opcode) {
            case LOAD_FAST:
            case LOAD_FAST_CHECK:
                if (bit == 0 || (cur & bit)) {
                    in->opcode = LOAD_FAST_CHECK;
                    cur &= ~bit;
                }
                break;
            case STORE_FAST:
                cur &= ~bit;
                break;
            case DELETE_FAST:
            case LOAD_FAST_AND_CLEAR:
            case STORE_FAST_MAYBE_NULL:
                cur |= bit;
                break;
            default:
                break;
            }
            if (g->handler[i] >= 0) {
                MERGE_INTO(g->handler[i], cur);
            }
            if (g->target[i] >= 0) {
                MERGE_INTO(g->target[i], cur);
            }
            if (is_terminator(in->opcode)) {
                falls = 0;
                break;
            }
        }
        if (falls && b + 1 < g->nblocks) {
            MERGE_INTO(b + 1, cur);
        }
    }
#undef MERGE_INTO
    PyMem_Free(state);
    PyMem_Free(seen);
    PyMem_Free(worklist);
    PyMem_Free(queued);
    return 0;
}

/* NOP oparg marking a NOP kept for its line (see keep_line_nops). */
#define NOP_KEPT 1

static int
is_dropped_instr(_PyCompile_Instruction *in)
{
    int opcode = in->opcode;
    return opcode == LABEL || (opcode == NOP && in->oparg != NOP_KEPT) ||
           opcode == SETUP_FINALLY || opcode == SETUP_CLEANUP || opcode == SETUP_WITH ||
           opcode == POP_BLOCK;
}

/* Line of the nearest real instruction after src[i] in block order (falling through into
 * following blocks), or -2 if none. */
static int
next_line(cfg_t *g, int b, int i)
{
    for (;;) {
        block_t *bl = &g->blocks[b];
        for (; i < bl->start + bl->count; i++) {
            _PyCompile_Instruction *in = &g->src[i];
            if (!is_dropped_instr(in)) {
                return in->loc.lineno;
            }
        }
        if (block_ends_flow(g, b) || b + 1 >= g->nblocks) {
            return -2;
        }
        b++;
        i = g->blocks[b].start;
    }
}

/* A NOP, or a SETUP_* turned into a NOP, stays when it is the only instruction of its
 * line (`pass`, `try:`, `break`), so line tracers and tracebacks see that line. */
static void
keep_line_nops(cfg_t *g)
{
    for (int b = 0; b < g->nblocks; b++) {
        block_t *bl = &g->blocks[b];
        if (!bl->visited) {
            continue;
        }
        int prev_line = -2;
        for (int i = bl->start; i < bl->start + bl->count; i++) {
            _PyCompile_Instruction *in = &g->src[i];
            int candidate = in->opcode == NOP || in->opcode == SETUP_FINALLY ||
                            in->opcode == SETUP_CLEANUP || in->opcode == SETUP_WITH;
            if (!candidate) {
                if (!is_dropped_instr(in)) {
                    prev_line = in->loc.lineno;
                }
                continue;
            }
            int line = in->loc.lineno;
            if (line < 0 || line == prev_line || line == next_line(g, b, i + 1)) {
                continue;
            }
            /* The exception handlers were assigned already: a SETUP_* can become a NOP. */
            in->opcode = NOP;
            in->oparg = NOP_KEPT;
            prev_line = line;
        }
    }
}

/* First kept instruction at or after the start of block b (following fall-through into
 * empty blocks), or -1. */
static int
first_kept_instr(cfg_t *g, int b)
{
    for (; b < g->nblocks; b++) {
        block_t *bl = &g->blocks[b];
        for (int i = bl->start; i < bl->start + bl->count; i++) {
            if (!is_dropped_instr(&g->src[i])) {
                return i;
            }
        }
        if (block_ends_flow(g, b)) {
            return -1;
        }
    }
    return -1;
}

/* A jump to an unconditional jump goes straight to the final target.  Runs after the
 * handlers were assigned, so skipping pseudo-instructions on the way is harmless. */
static void
thread_jumps(cfg_t *g)
{
    for (int i = 0; i < g->nsrc; i++) {
        _PyCompile_Instruction *in = &g->src[i];
        if (in->opcode != JUMP && in->opcode != JUMP_NO_INTERRUPT) {
            continue;
        }
        for (int hops = 0; hops < 8; hops++) {
            int j = first_kept_instr(g, g->target[i]);
            if (j < 0 || j == i ||
                (g->src[j].opcode != JUMP && g->src[j].opcode != JUMP_NO_INTERRUPT)) {
                break;
            }
            if (g->src[j].opcode == JUMP) {
                in->opcode = JUMP;   /* keep the eval-breaker check of a loop back-edge */
            }
            g->target[i] = g->target[j];
        }
    }
}

/* Step 5: build the linear program. */
static int
linearize(cfg_t *g, _PyCfg_Linear *out)
{
    keep_line_nops(g);
    thread_jumps(g);
    int *kept = PyMem_Calloc((size_t)g->nblocks + 1, sizeof(int));
    out->instrs = PyMem_Malloc(sizeof(_PyCfg_Instr) * (size_t)(g->nsrc + 1));
    out->block_start = PyMem_Malloc(sizeof(int) * (size_t)(g->nblocks + 1));
    if (kept == NULL || out->instrs == NULL || out->block_start == NULL) {
        PyMem_Free(kept);
        PyErr_NoMemory();
        return -1;
    }
    out->nblocks = g->nblocks;
    /* Count the kept instructions of each reachable block. */
    for (int b = 0; b < g->nblocks; b++) {
        block_t *bl = &g->blocks[b];
        if (!bl->visited) {
            continue;
        }
        for (int i = bl->start; i < bl->start + bl->count; i++) {
            if (!is_dropped_instr(&g->src[i])) {
                kept[b]++;
            }
        }
    }
    /* Jumps to the next non-empty reachable block are no-ops. */
    for (int b = 0; b < g->nblocks; b++) {
        block_t *bl = &g->blocks[b];
        if (!bl->visited || kept[b] == 0) {
            continue;
        }
        int last = bl->start + bl->count - 1;
        while (last >= bl->start && is_dropped_instr(&g->src[last])) {
            last--;
        }
        if (last < bl->start) {
            continue;
        }
        int op = g->src[last].opcode;
        if (op != JUMP && op != JUMP_NO_INTERRUPT) {
            continue;
        }
        int t = g->target[last];
        if (t <= b) {
            continue;
        }
        int empty_between = 1;
        for (int k = b + 1; k < t; k++) {
            if (g->blocks[k].visited && kept[k] > 0) {
                empty_between = 0;
                break;
            }
        }
        if (empty_between) {
            g->src[last].opcode = NOP;
            kept[b]--;
        }
    }
    int n = 0;
    for (int b = 0; b < g->nblocks; b++) {
        block_t *bl = &g->blocks[b];
        out->block_start[b] = n;
        if (!bl->visited) {
            continue;
        }
        for (int i = bl->start; i < bl->start + bl->count; i++) {
            _PyCompile_Instruction *in = &g->src[i];
            if (is_dropped_instr(in)) {
                continue;
            }
            _PyCfg_Instr *o = &out->instrs[n++];
            o->opcode = in->opcode;
            o->oparg = in->opcode == NOP ? 0 : in->oparg;
            o->loc = in->loc;
            o->target = g->target[i];
            if (o->opcode == LOAD_CLOSURE) {
                o->opcode = LOAD_FAST;
            }
            else if (o->opcode == STORE_FAST_MAYBE_NULL) {
                o->opcode = STORE_FAST;
            }
            int h = g->handler[i];
            o->handler = h;
            if (h >= 0) {
                block_t *hb = &g->blocks[h];
                o->handler_lasti = hb->preserve_lasti;
                o->handler_depth = hb->startdepth - 1 - hb->preserve_lasti;
                if (hb->startdepth < 0 || o->handler_depth < 0) {
                    PyMem_Free(kept);
                    PyErr_SetString(PyExc_SystemError, "compiler: bad handler depth");
                    return -1;
                }
            }
            else {
                o->handler_lasti = 0;
                o->handler_depth = 0;
            }
        }
    }
    out->block_start[g->nblocks] = n;
    out->ninstrs = n;
    PyMem_Free(kept);
    return 0;
}

PyCodeObject *
_PyCfg_MakeCode(_PyCompile_InstructionSequence *seq, _PyCompile_CodeUnitMetadata *meta)
{
    cfg_t g;
    memset(&g, 0, sizeof(g));
    _PyCfg_Linear prog;
    memset(&prog, 0, sizeof(prog));
    PyCodeObject *co = NULL;
    if (cfg_build(&g, seq) < 0 || label_exception_targets(&g) < 0) {
        goto done;
    }
    int maxdepth = compute_stack_depth(&g);
    if (maxdepth < 0) {
        goto done;
    }
    prog.stacksize = maxdepth;
    int nparams = meta->argcount + meta->kwonlyargcount +
                  ((meta->flags & CO_VARARGS) != 0) + ((meta->flags & CO_VARKEYWORDS) != 0);
    if (mark_unbound_reads(&g, nparams) < 0 || linearize(&g, &prog) < 0) {
        goto done;
    }
    co = _PyAssemble_MakeCode(&prog, meta);
done:
    PyMem_Free(prog.instrs);
    PyMem_Free(prog.block_start);
    cfg_free(&g);
    return co;
}
