/* The assembler: a linear, resolved program (flowgraph.c) -> a code object.
 *
 * Each instruction becomes one code unit preceded by as many EXTENDED_ARG units as its
 * argument needs.  Jump arguments are distances in code units from the end of the jump,
 * so an instruction's size depends on the offsets of its target, which depend on sizes:
 * sizes only grow, so recomputing until nothing changes terminates.  Generic JUMPs become
 * JUMP_FORWARD or JUMP_BACKWARD(_NO_INTERRUPT) here.  Conditional jumps, FOR_ITER and
 * SEND are always forward in the code the generator emits; a backward one is a compiler bug.
 *
 * The location and exception tables are encoded as described in
 * Include/internal/pycore_code.h: one entry per run of code units that share a location,
 * or a handler. */

#include "Python.h"
#include "internal/pycore_code.h"
#include "internal/pycore_compile.h"
#include "internal/pycore_opcode.h"

static int
arg_units(unsigned int oparg)
{
    if (oparg <= 0xff) {
        return 1;
    }
    if (oparg <= 0xffff) {
        return 2;
    }
    if (oparg <= 0xffffff) {
        return 3;
    }
    return 4;
}

static int
is_backward_only(int opcode)
{
    return opcode == JUMP_BACKWARD || opcode == JUMP_BACKWARD_NO_INTERRUPT;
}

/* Growable byte buffer. */
typedef struct {
    unsigned char *buf;
    Py_ssize_t len;
    Py_ssize_t cap;
} bytebuf;

static int
bb_reserve(bytebuf *b, Py_ssize_t extra)
{
    if (b->len + extra <= b->cap) {
        return 0;
    }
    Py_ssize_t cap = b->cap ? b->cap * 2 : 64;
    while (cap < b->len + extra) {
        cap *= 2;
    }
    unsigned char *nb = PyMem_Realloc(b->buf, (size_t)cap);
    if (nb == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->buf = nb;
    b->cap = cap;
    return 0;
}

static int
bb_varint(bytebuf *b, unsigned int v)
{
    if (bb_reserve(b, 5) < 0) {
        return -1;
    }
    b->len += _PyCode_WriteVarint(b->buf + b->len, v);
    return 0;
}

static int
bb_svarint(bytebuf *b, int v)
{
    if (bb_reserve(b, 5) < 0) {
        return -1;
    }
    b->len += _PyCode_WriteSignedVarint(b->buf + b->len, v);
    return 0;
}

static int
same_location(_PyCompile_Location a, _PyCompile_Location b)
{
    return a.lineno == b.lineno && a.end_lineno == b.end_lineno &&
           a.col_offset == b.col_offset && a.end_col_offset == b.end_col_offset;
}

static int
write_location_entry(bytebuf *b, int length, _PyCompile_Location loc, int *base_line)
{
    if (bb_varint(b, (unsigned int)length) < 0) {
        return -1;
    }
    if (loc.lineno < 0) {
        return bb_svarint(b, 0) < 0 || bb_varint(b, 0) < 0 || bb_varint(b, 0) < 0 ||
               bb_varint(b, 0) < 0 ? -1 : 0;
    }
    int end_line = loc.end_lineno < loc.lineno ? loc.lineno : loc.end_lineno;
    if (bb_svarint(b, loc.lineno - *base_line) < 0 ||
        bb_varint(b, (unsigned int)(end_line - loc.lineno + 1)) < 0 ||
        bb_varint(b, (unsigned int)(loc.col_offset < 0 ? 0 : loc.col_offset + 1)) < 0 ||
        bb_varint(b, (unsigned int)(loc.end_col_offset < 0 ? 0 : loc.end_col_offset + 1)) < 0) {
        return -1;
    }
    *base_line = loc.lineno;
    return 0;
}

PyCodeObject *
_PyAssemble_MakeCode(_PyCfg_Linear *prog, _PyCompile_CodeUnitMetadata *meta)
{
    int n = prog->ninstrs;
    int *size = PyMem_Malloc(sizeof(int) * (size_t)(n + 1));
    int *offset = PyMem_Malloc(sizeof(int) * (size_t)(n + 1));
    unsigned int *arg = PyMem_Malloc(sizeof(unsigned int) * (size_t)(n + 1));
    int *opcode = PyMem_Malloc(sizeof(int) * (size_t)(n + 1));
    bytebuf code = {0}, lines = {0}, excs = {0};
    PyCodeObject *co = NULL;
    PyObject *code_bytes = NULL, *lt_bytes = NULL, *et_bytes = NULL;
    if (size == NULL || offset == NULL || arg == NULL || opcode == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (int i = 0; i < n; i++) {
        size[i] = 1;
        opcode[i] = prog->instrs[i].opcode;
        arg[i] = (unsigned int)prog->instrs[i].oparg;
        if (prog->instrs[i].target < 0) {
            size[i] = arg_units(arg[i]);
        }
    }
    /* Resolve jumps until the sizes are stable. */
    for (int iteration = 0;; iteration++) {
        int off = 0;
        for (int i = 0; i < n; i++) {
            offset[i] = off;
            off += size[i];
        }
        offset[n] = off;
        int changed = 0;
        for (int i = 0; i < n; i++) {
            _PyCfg_Instr *in = &prog->instrs[i];
            if (in->target < 0) {
                continue;
            }
            int tgt = offset[prog->block_start[in->target]];
            int end = offset[i] + size[i];
            int op = in->opcode;
            int forward = tgt >= end;
            if (op == JUMP) {
                op = forward ? JUMP_FORWARD : JUMP_BACKWARD;
            }
            else if (op == JUMP_NO_INTERRUPT) {
                op = forward ? JUMP_FORWARD : JUMP_BACKWARD_NO_INTERRUPT;
            }
            else if (forward == is_backward_only(op)) {
                PyErr_Format(PyExc_SystemError,
                             "compiler: jump (opcode %d) in the wrong direction", op);
                goto done;
            }
            opcode[i] = op;
            arg[i] = (unsigned int)(forward ? tgt - end : end - tgt);
            int need = arg_units(arg[i]);
            if (need > size[i]) {
                size[i] = need;
                changed = 1;
            }
        }
        if (!changed) {
            break;
        }
        if (iteration > 64) {
            PyErr_SetString(PyExc_SystemError, "compiler: jump resolution did not converge");
            goto done;
        }
    }
    int total = offset[n];
    /* Code units. */
    if (bb_reserve(&code, (Py_ssize_t)total * 2) < 0) {
        goto done;
    }
    for (int i = 0; i < n; i++) {
        int units = size[i];
        for (int k = units - 1; k >= 1; k--) {
            _Py_CODEUNIT u = _Py_MAKE_CODEUNIT(EXTENDED_ARG, (arg[i] >> (8 * k)) & 0xff);
            memcpy(code.buf + code.len, &u, 2);
            code.len += 2;
        }
        if (opcode[i] <= 0 || opcode[i] >= _Py_MAX_OPCODE) {
            PyErr_Format(PyExc_SystemError, "compiler: pseudo opcode %d reached the assembler",
                         opcode[i]);
            goto done;
        }
        _Py_CODEUNIT u = _Py_MAKE_CODEUNIT(opcode[i], arg[i] & 0xff);
        memcpy(code.buf + code.len, &u, 2);
        code.len += 2;
    }
    /* Instructions without a location (cleanup code) inherit their predecessor's. */
    for (int i = 1; i < n; i++) {
        if (prog->instrs[i].loc.lineno < 0 && prog->instrs[i - 1].loc.lineno >= 0) {
            prog->instrs[i].loc = prog->instrs[i - 1].loc;
        }
    }
    /* Location table. */
    int base_line = meta->firstlineno;
    for (int i = 0; i < n;) {
        int j = i + 1;
        int length = size[i];
        while (j < n && same_location(prog->instrs[j].loc, prog->instrs[i].loc)) {
            length += size[j];
            j++;
        }
        if (write_location_entry(&lines, length, prog->instrs[i].loc, &base_line) < 0) {
            goto done;
        }
        i = j;
    }
    /* Exception table. */
    for (int i = 0; i < n;) {
        _PyCfg_Instr *in = &prog->instrs[i];
        int j = i + 1;
        while (j < n && prog->instrs[j].handler == in->handler &&
               prog->instrs[j].handler_depth == in->handler_depth &&
               prog->instrs[j].handler_lasti == in->handler_lasti) {
            j++;
        }
        if (in->handler >= 0) {
            int tgt = offset[prog->block_start[in->handler]];
            if (bb_varint(&excs, (unsigned int)offset[i]) < 0 ||
                bb_varint(&excs, (unsigned int)(offset[j] - offset[i])) < 0 ||
                bb_varint(&excs, (unsigned int)tgt) < 0 ||
                bb_varint(&excs, (unsigned int)((in->handler_depth << 1) |
                                                in->handler_lasti)) < 0) {
                goto done;
            }
        }
        i = j;
    }
    code_bytes = PyBytes_FromStringAndSize((const char *)code.buf, code.len);
    lt_bytes = PyBytes_FromStringAndSize((const char *)lines.buf, lines.len);
    et_bytes = PyBytes_FromStringAndSize((const char *)excs.buf, excs.len);
    if (code_bytes == NULL || lt_bytes == NULL || et_bytes == NULL) {
        goto done;
    }
    struct _PyCodeConstructor con = {
        .filename = meta->filename,
        .name = meta->name,
        .qualname = meta->qualname,
        .flags = meta->flags,
        .code = code_bytes,
        .firstlineno = meta->firstlineno,
        .linetable = lt_bytes,
        .consts = meta->consts,
        .names = meta->names,
        .localsplusnames = meta->localsplusnames,
        .localspluskinds = meta->localspluskinds,
        .argcount = meta->argcount,
        .posonlyargcount = meta->posonlyargcount,
        .kwonlyargcount = meta->kwonlyargcount,
        .stacksize = prog->stacksize,
        .exceptiontable = et_bytes,
    };
    co = _PyCode_New(&con);
done:
    Py_XDECREF(code_bytes);
    Py_XDECREF(lt_bytes);
    Py_XDECREF(et_bytes);
    PyMem_Free(code.buf);
    PyMem_Free(lines.buf);
    PyMem_Free(excs.buf);
    PyMem_Free(size);
    PyMem_Free(offset);
    PyMem_Free(arg);
    PyMem_Free(opcode);
    return co;
}
