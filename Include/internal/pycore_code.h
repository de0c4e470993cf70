/* Private code-object API (Objects/codeobject.c).  Owner: compiler room.
 *
 * Location table (co_linetable): a sequence of entries, each describing a run of consecutive
 * code units that share one source location.  Entry layout (all numbers are varints: 7 bits
 * per byte, low group first, high bit set on all bytes but the last; "svarint" is zig-zag
 * encoded signed):
 *     length (code units, >= 1), svarint start_line delta from the previous entry's
 *     start_line (the first entry's base is co_firstlineno), varint line span
 *     (end_line - start_line + 1, or 0 when the line is unknown), varint start_col + 1,
 *     varint end_col + 1 (0 when unknown).
 * An entry with span 0 has no line (e.g. RESUME-less artificial instructions) and lookup
 * reports -1.
 *
 * Exception table (co_exceptiontable): non-overlapping entries sorted by start, each a run
 * of code units [start, end) whose innermost handler is the same:
 *     varint start, varint size, varint target, varint (depth << 1 | lasti).
 * The compiler flattens nested handlers, so lookup is a scan for the covering entry. */
#ifndef Py_INTERNAL_CODE_H
#define Py_INTERNAL_CODE_H

#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE define"
#endif

/* Everything _PyCode_New needs.  All object fields are borrowed; _PyCode_New takes its own
 * references.  localsplusnames/localspluskinds describe every frame slot (cpython/code.h). */
struct _PyCodeConstructor {
    PyObject *filename;
    PyObject *name;
    PyObject *qualname;
    int flags;

    PyObject *code;              /* bytes, a whole number of code units */
    int firstlineno;
    PyObject *linetable;         /* bytes, format above */

    PyObject *consts;            /* tuple */
    PyObject *names;             /* tuple of str */

    PyObject *localsplusnames;   /* tuple of str */
    PyObject *localspluskinds;   /* bytes */

    int argcount;
    int posonlyargcount;
    int kwonlyargcount;

    int stacksize;
    PyObject *exceptiontable;    /* bytes, format above */
};

/* Return a new reference to a code object, or NULL with an exception set (ValueError for
 * malformed input). */
extern PyCodeObject *_PyCode_New(struct _PyCodeConstructor *);

/* Exception handler covering code unit `index`.  On a hit set *target (code-unit index of the
 * handler), *depth (value-stack depth to pop to) and *lasti (1 if the offset of the failing
 * instruction must be pushed) and return 1; return 0 when nothing covers it. */
extern int _PyCode_FindHandler(PyCodeObject *co, int index, int *target, int *depth,
                               int *lasti);

/* Location of code unit `index` (not a byte offset).  Fields are -1 when unknown.
 * Returns 1 if the index is inside the code, else 0 (all fields -1). */
extern int _PyCode_Addr2LocationIndex(PyCodeObject *co, int index, int *start_line,
                                      int *start_column, int *end_line, int *end_column);

/* Varint encoding helpers shared by the assembler (Python/assemble.c) and codeobject.c.
 * Write into buf (at least 5 bytes free for a varint, 5 for an svarint) and return the
 * number of bytes written. */
static inline int
_PyCode_WriteVarint(unsigned char *buf, unsigned int value)
{
    int n = 0;
    while (value >= 0x80) {
        buf[n++] = (unsigned char)((value & 0x7f) | 0x80);
        value >>= 7;
    }
    buf[n++] = (unsigned char)value;
    return n;
}

static inline int
_PyCode_WriteSignedVarint(unsigned char *buf, int value)
{
    unsigned int zz = value < 0 ? (((unsigned int)(-(value + 1))) << 1) | 1
                                : ((unsigned int)value) << 1;
    return _PyCode_WriteVarint(buf, zz);
}

/* Read a varint at *pos (advancing it) from buf[0..len); on truncated input return 0 and
 * leave *pos == len. */
static inline unsigned int
_PyCode_ReadVarint(const unsigned char *buf, Py_ssize_t len, Py_ssize_t *pos)
{
    unsigned int value = 0;
    int shift = 0;
    while (*pos < len) {
        unsigned char b = buf[(*pos)++];
        if (shift < 32) {
            value |= (unsigned int)(b & 0x7f) << shift;
        }
        if (!(b & 0x80)) {
            return value;
        }
        shift += 7;
    }
    return 0;
}

static inline int
_PyCode_ReadSignedVarint(const unsigned char *buf, Py_ssize_t len, Py_ssize_t *pos)
{
    unsigned int zz = _PyCode_ReadVarint(buf, len, pos);
    if (zz & 1) {
        return -(int)(zz >> 1) - 1;
    }
    return (int)(zz >> 1);
}

/* Stack effect of one instruction (Python/flowgraph.c); jump as in
 * PyCompile_OpcodeStackEffectWithJump.  Returns INT_MAX for an unknown opcode. */
extern int _PyCompile_StackEffect(int opcode, int oparg, int jump);

#endif /* Py_INTERNAL_CODE_H */
