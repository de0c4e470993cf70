/* _braid_sre: the matching engine behind Lib/re.
 *
 * Lib/re/_compiler.py turns a parsed pattern into a compact program (a list of unsigned
 * 32-bit words, opcodes below) and wraps it in a Program object.  A Program is immutable
 * after construction (the constructor also fills in the derived words: set bitmaps and case
 * folds), so it is shared freely between threads without a lock.  All mutable matching state
 * lives in a MatchState on the C stack of the calling thread.
 *
 * The matcher is a backtracking interpreter with an explicit stack (no C recursion, so deep
 * patterns cannot overflow the C stack; the backtrack stack grows on the heap up to
 * STACK_LIMIT entries, then RecursionError).  The stack holds choice points (where to resume
 * and at which position)
 * and an undo log of register writes (group marks, repeat counters, saved positions): a
 * register is only written through set_reg(), which pushes the old value, so backtracking
 * restores everything by popping.  Atomic groups and lookarounds cut the stack back to a
 * barrier, dropping choice points but keeping the undo entries.
 *
 * Subjects: str (1, 2 or 4 bytes per code point, read in place) or any object exporting a
 * simple buffer (bytes, bytearray, memoryview, ...; read as bytes, the buffer is held for
 * the whole call so a bytearray cannot be resized under us).
 *
 * Also here: the loops of findall, split, sub and finditer (so that their time is spent in
 * C), and the re.Match type (immutable; it copies the group marks out of the registers).
 * Search fast paths: a literal prefix (memchr), a first-character test, an anchor; repeats
 * of one character scan in a tight loop and give back one backtracking entry, which on
 * failure only stops where the following literal can match.
 */
#include "Python.h"

#include <string.h>

/* Opcodes (the contract with Lib/re/_compiler.py, which reads them from this module). */
enum {
    OP_FAIL = 0,
    OP_SUCCESS,         /* end of pattern */
    OP_CHAR,            /* c */
    OP_CHAR_I,          /* c ascii lower upper: case-insensitive literal (lower/upper filled
                           in by the constructor) */
    OP_STR,             /* n c1 .. cn */
    OP_ANY,             /* any character but '\n' */
    OP_ANY_ALL,         /* any character */
    OP_IN,              /* len flags bitmap[8] items...: character set, len counts all words */
    OP_AT,              /* kind: zero-width assertion */
    OP_JUMP,            /* target */
    OP_SPLIT,           /* target: try the next instruction, then target */
    OP_SPLIT_LAZY,      /* target: try target, then the next instruction */
    OP_GROUP_OPEN,      /* pending-register */
    OP_GROUP_CLOSE,     /* group pending-register lastindex-register */
    OP_REPEAT_INIT,     /* reg: reg = count, reg + 1 = start of the last iteration */
    OP_REPEAT_HEAD,     /* reg min max mode exit */
    OP_REPEAT_ENTER,    /* reg */
    OP_REPCHAR,         /* min max mode oplen <single-character op>: repeat of one char */
    OP_ATOMIC_START,    /* reg */
    OP_ATOMIC_END,      /* reg */
    OP_LOOK_START,      /* reg width negative behind exit */
    OP_LOOK_END,        /* reg negative behind */
    OP_BACKREF,         /* group ignorecase ascii */
    OP_GROUP_EXISTS,    /* group no-target */
    OP_COUNT
};

/* OP_IN flags and items. */
#define SET_NEGATE 1
#define SET_IGNORECASE 2
#define SET_ASCII 4
enum { ITEM_CHAR = 1, ITEM_RANGE, ITEM_CAT };
/* ITEM_CAT argument: category * 2 + ascii. */
enum { CAT_DIGIT = 0, CAT_NOT_DIGIT, CAT_WORD, CAT_NOT_WORD, CAT_SPACE, CAT_NOT_SPACE };

/* OP_AT kinds. */
enum {
    AT_BOL = 0, AT_MBOL, AT_EOL, AT_MEOL, AT_BEGIN, AT_END,
    AT_BOUNDARY, AT_NONBOUNDARY, AT_BOUNDARY_ASCII, AT_NONBOUNDARY_ASCII
};

/* Repeat modes. */
enum { REP_GREEDY = 0, REP_LAZY, REP_POSSESSIVE };

/* Match modes. */
enum { MODE_SEARCH = 0, MODE_MATCH, MODE_FULLMATCH };

typedef struct {
    PyObject_HEAD
    uint32_t *code;
    Py_ssize_t ncode;
    Py_ssize_t ngroups;
    Py_ssize_t nregs;       /* marks (2 * (ngroups + 1)), lastindex, then the compiler's */
    int is_bytes;
    uint32_t *prefix;       /* literal every match starts with (search fast path), or NULL */
    Py_ssize_t nprefix;
    Py_ssize_t firstpc;     /* single-character op every match starts with, or -1 */
    int anchored;           /* every match starts at position 0 */
} ProgramObject;

typedef struct {
    PyObject *prog_type;
    PyObject *match_type;
    PyObject *finditer_type;
} sre_state;

/* ---------------------------------------------------------------- characters */

static inline Py_UCS4 ascii_lower(Py_UCS4 ch)
{
    return (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch;
}

static inline Py_UCS4 ascii_upper(Py_UCS4 ch)
{
    return (ch >= 'a' && ch <= 'z') ? ch - 32 : ch;
}

static inline Py_UCS4 fold_lower(Py_UCS4 ch, int ascii)
{
    if (ch < 128 || ascii) {
        return ascii_lower(ch);
    }
    return Py_UNICODE_TOLOWER(ch);
}

static inline Py_UCS4 fold_upper(Py_UCS4 ch, int ascii)
{
    if (ch < 128 || ascii) {
        return ascii_upper(ch);
    }
    return Py_UNICODE_TOUPPER(ch);
}

/* Case-insensitive equivalence classes that the lower and upper case of a character do not
   cover: the classes of the closure of the simple case mappings (Unicode 15.1) with more than
   two members, the two-member classes joined only by simple case folding (e.g. U+FB05 and
   U+FB06), and the sharp s pair.  Under IGNORECASE a character also matches every other member
   of its class (e.g. 'k', 'K' and KELVIN SIGN; 'i', 'I', U+0130 and U+0131). */
static const Py_UCS4 case_classes[][4] = {
    {0x49, 0x69, 0x130, 0x131}, {0x4B, 0x6B, 0x212A, 0}, {0x53, 0x73, 0x17F, 0},
    {0xB5, 0x39C, 0x3BC, 0}, {0xC5, 0xE5, 0x212B, 0}, {0x1C4, 0x1C5, 0x1C6, 0},
    {0x1C7, 0x1C8, 0x1C9, 0}, {0x1CA, 0x1CB, 0x1CC, 0}, {0x1F1, 0x1F2, 0x1F3, 0},
    {0x345, 0x399, 0x3B9, 0x1FBE}, {0x392, 0x3B2, 0x3D0, 0}, {0x395, 0x3B5, 0x3F5, 0},
    {0x398, 0x3B8, 0x3D1, 0x3F4}, {0x39A, 0x3BA, 0x3F0, 0}, {0x3A0, 0x3C0, 0x3D6, 0},
    {0x3A1, 0x3C1, 0x3F1, 0}, {0x3A3, 0x3C2, 0x3C3, 0}, {0x3A6, 0x3C6, 0x3D5, 0},
    {0x3A9, 0x3C9, 0x2126, 0}, {0x412, 0x432, 0x1C80, 0}, {0x414, 0x434, 0x1C81, 0},
    {0x41E, 0x43E, 0x1C82, 0}, {0x421, 0x441, 0x1C83, 0}, {0x422, 0x442, 0x1C84, 0x1C85},
    {0x42A, 0x44A, 0x1C86, 0}, {0x462, 0x463, 0x1C87, 0}, {0x1C88, 0xA64A, 0xA64B, 0},
    {0x1E60, 0x1E61, 0x1E9B, 0}, {0xDF, 0x1E9E, 0, 0}, {0x390, 0x1FD3, 0, 0},
    {0x3B0, 0x1FE3, 0, 0}, {0xFB05, 0xFB06, 0, 0},
};

/* Every member of case_classes, sorted, with the index of its class. */
static const struct {
    Py_UCS4 ch;
    unsigned char cls;
} case_class_index[] = {
    {0x49, 0}, {0x4B, 1}, {0x53, 2}, {0x69, 0}, {0x6B, 1}, {0x73, 2}, {0xB5, 3}, {0xC5, 4},
    {0xDF, 28}, {0xE5, 4}, {0x130, 0}, {0x131, 0}, {0x17F, 2}, {0x1C4, 5}, {0x1C5, 5}, {0x1C6, 5},
    {0x1C7, 6}, {0x1C8, 6}, {0x1C9, 6}, {0x1CA, 7}, {0x1CB, 7}, {0x1CC, 7}, {0x1F1, 8}, {0x1F2, 8},
    {0x1F3, 8}, {0x345, 9}, {0x390, 29}, {0x392, 10}, {0x395, 11}, {0x398, 12}, {0x399, 9},
    {0x39A, 13}, {0x39C, 3}, {0x3A0, 14}, {0x3A1, 15}, {0x3A3, 16}, {0x3A6, 17}, {0x3A9, 18},
    {0x3B0, 30}, {0x3B2, 10}, {0x3B5, 11}, {0x3B8, 12}, {0x3B9, 9}, {0x3BA, 13}, {0x3BC, 3},
    {0x3C0, 14}, {0x3C1, 15}, {0x3C2, 16}, {0x3C3, 16}, {0x3C6, 17}, {0x3C9, 18}, {0x3D0, 10},
    {0x3D1, 12}, {0x3D5, 17}, {0x3D6, 14}, {0x3F0, 13}, {0x3F1, 15}, {0x3F4, 12}, {0x3F5, 11},
    {0x412, 19}, {0x414, 20}, {0x41E, 21}, {0x421, 22}, {0x422, 23}, {0x42A, 24}, {0x432, 19},
    {0x434, 20}, {0x43E, 21}, {0x441, 22}, {0x442, 23}, {0x44A, 24}, {0x462, 25}, {0x463, 25},
    {0x1C80, 19}, {0x1C81, 20}, {0x1C82, 21}, {0x1C83, 22}, {0x1C84, 23}, {0x1C85, 23},
    {0x1C86, 24}, {0x1C87, 25}, {0x1C88, 26}, {0x1E60, 27}, {0x1E61, 27}, {0x1E9B, 27},
    {0x1E9E, 28}, {0x1FBE, 9}, {0x1FD3, 29}, {0x1FE3, 30}, {0x2126, 18}, {0x212A, 1}, {0x212B, 4},
    {0xA64A, 26}, {0xA64B, 26}, {0xFB05, 31}, {0xFB06, 31},
};

/* Return the class of ch in case_classes, or NULL (binary search). */
static const Py_UCS4 *case_class(Py_UCS4 ch)
{
    size_t lo = 0;
    size_t hi = sizeof(case_class_index) / sizeof(case_class_index[0]);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (case_class_index[mid].ch < ch) {
            lo = mid + 1;
        }
        else {
            hi = mid;
        }
    }
    if (lo < sizeof(case_class_index) / sizeof(case_class_index[0]) &&
        case_class_index[lo].ch == ch) {
        return case_classes[case_class_index[lo].cls];
    }
    return NULL;
}

static inline int is_word(Py_UCS4 ch, int ascii)
{
    if (ch < 128) {
        return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
               (ch >= 'A' && ch <= 'Z') || ch == '_';
    }
    return !ascii && Py_UNICODE_ISALNUM(ch);
}

static int category_matches(uint32_t cat, Py_UCS4 ch)
{
    int ascii = cat & 1;
    int r;
    switch (cat >> 1) {
    case CAT_DIGIT:
    case CAT_NOT_DIGIT:
        r = ascii ? (ch >= '0' && ch <= '9') : Py_UNICODE_ISDECIMAL(ch);
        return (cat >> 1) == CAT_DIGIT ? r : !r;
    case CAT_WORD:
    case CAT_NOT_WORD:
        r = is_word(ch, ascii);
        return (cat >> 1) == CAT_WORD ? r : !r;
    default:
        if (ascii) {
            r = ch == ' ' || (ch >= '\t' && ch <= '\r');
        }
        else {
            r = Py_UNICODE_ISSPACE(ch);
        }
        return (cat >> 1) == CAT_SPACE ? r : !r;
    }
}

/* Items of an OP_IN instruction (ins points at the opcode). */
static int set_items_match(const uint32_t *ins, Py_UCS4 ch)
{
    const uint32_t *p = ins + 11;
    const uint32_t *end = ins + ins[1];
    while (p < end) {
        switch (p[0]) {
        case ITEM_CHAR:
            if (ch == p[1]) {
                return 1;
            }
            p += 2;
            break;
        case ITEM_RANGE:
            if (ch >= p[1] && ch <= p[2]) {
                return 1;
            }
            p += 3;
            break;
        default:
            if (category_matches(p[1], ch)) {
                return 1;
            }
            p += 2;
            break;
        }
    }
    return 0;
}

static int set_matches_slow(const uint32_t *ins, Py_UCS4 ch)
{
    uint32_t flags = ins[2];
    int r = set_items_match(ins, ch);
    if (!r && (flags & SET_IGNORECASE)) {
        int ascii = (flags & SET_ASCII) != 0;
        Py_UCS4 lo = fold_lower(ch, ascii);
        Py_UCS4 up = fold_upper(ch, ascii);
        r = (lo != ch && set_items_match(ins, lo)) || (up != ch && set_items_match(ins, up));
        if (!r && !ascii) {
            const Py_UCS4 *cls = case_class(ch);
            for (int j = 0; !r && cls != NULL && j < 4 && cls[j]; j++) {
                r = cls[j] != ch && set_items_match(ins, cls[j]);
            }
        }
    }
    return (flags & SET_NEGATE) ? !r : r;
}

static inline int set_matches(const uint32_t *ins, Py_UCS4 ch)
{
    if (ch < 256) {
        return (ins[3 + (ch >> 5)] >> (ch & 31)) & 1;
    }
    return set_matches_slow(ins, ch);
}

/* Does the single-character op at ins match ch? */
static inline int char_matches(const uint32_t *ins, Py_UCS4 ch)
{
    switch (ins[0]) {
    case OP_CHAR:
        return ch == ins[1];
    case OP_CHAR_I:
        if (ch == ins[1] || fold_lower(ch, ins[2]) == ins[3] ||
            fold_upper(ch, ins[2]) == ins[4]) {
            return 1;
        }
        return ch >= 128 && !ins[2] && case_class(ch) != NULL &&
               case_class(ch) == case_class(ins[1]);
    case OP_ANY:
        return ch != '\n';
    case OP_ANY_ALL:
        return 1;
    default:
        return set_matches(ins, ch);
    }
}

/* ---------------------------------------------------------------- match state */

enum { E_UNDO = 0, E_BARRIER, E_CHOICE, E_REP_GREEDY, E_REP_LAZY };

typedef struct {
    int kind;
    uint32_t pc;
    Py_ssize_t a;
    Py_ssize_t b;
} Entry;

typedef struct {
    const void *data;
    int kind;               /* 1, 2 or 4 */
    Py_ssize_t len;         /* length of the subject */
    Py_ssize_t end;         /* endpos: matching never reads at or past it */
    const uint32_t *code;
    Py_ssize_t *regs;
    Py_ssize_t nregs;
    Entry *stack;
    Py_ssize_t sp;
    Py_ssize_t cap;
    unsigned long steps;    /* backtracks since the last signal check */
    Py_ssize_t regs_small[32];
    Entry stack_small[64];
} MatchState;

static inline Py_UCS4 getch(const MatchState *st, Py_ssize_t i)
{
    switch (st->kind) {
    case 1:
        return ((const Py_UCS1 *)st->data)[i];
    case 2:
        return ((const Py_UCS2 *)st->data)[i];
    default:
        return ((const Py_UCS4 *)st->data)[i];
    }
}

/* Return the first index in [j, top) whose character does (want = 0: does not) match the
   single-character op body, or top.  The common cases get tight loops. */
static Py_ssize_t scan_while(const MatchState *st, const uint32_t *body, Py_ssize_t j,
                             Py_ssize_t top, int want)
{
#define SCAN(T, COND)                                  \
    do {                                               \
        const T *d = (const T *)st->data;              \
        while (j < top && (COND) == want) {            \
            j++;                                       \
        }                                              \
        return j;                                      \
    } while (0)
#define IN_BITMAP(ch) ((ch) < 256 ? (int)((body[3 + ((ch) >> 5)] >> ((ch) & 31)) & 1) \
                                  : set_matches_slow(body, (ch)))
    switch (body[0]) {
    case OP_ANY_ALL:
        return want ? top : j;
    case OP_CHAR: {
        Py_UCS4 c = body[1];
        switch (st->kind) {
        case 1: SCAN(Py_UCS1, d[j] == c);
        case 2: SCAN(Py_UCS2, d[j] == c);
        default: SCAN(Py_UCS4, d[j] == c);
        }
    }
    case OP_ANY:
        switch (st->kind) {
        case 1:
            if (want) {
                const Py_UCS1 *d = (const Py_UCS1 *)st->data;
                const Py_UCS1 *nl = memchr(d + j, '\n', (size_t)(top - j));
                return nl == NULL ? top : nl - d;
            }
            SCAN(Py_UCS1, d[j] != '\n');
        case 2: SCAN(Py_UCS2, d[j] != '\n');
        default: SCAN(Py_UCS4, d[j] != '\n');
        }
    case OP_IN:
        switch (st->kind) {
        case 1: SCAN(Py_UCS1, (int)((body[3 + (d[j] >> 5)] >> (d[j] & 31)) & 1));
        case 2: SCAN(Py_UCS2, IN_BITMAP(d[j]));
        default: SCAN(Py_UCS4, IN_BITMAP(d[j]));
        }
    default:
        while (j < top && char_matches(body, getch(st, j)) == want) {
            j++;
        }
        return j;
    }
#undef IN_BITMAP
#undef SCAN
}

/* Return the last index in [low, j] holding c, or low - 1. */
static Py_ssize_t scan_back_for(const MatchState *st, Py_UCS4 c, Py_ssize_t j, Py_ssize_t low)
{
    if (st->kind == 1) {
        const Py_UCS1 *d = (const Py_UCS1 *)st->data;
        while (j >= low && d[j] != c) {
            j--;
        }
        return j;
    }
    while (j >= low && getch(st, j) != c) {
        j--;
    }
    return j;
}

static void state_init(MatchState *st, ProgramObject *prog)
{
    st->code = prog->code;
    st->nregs = prog->nregs;
    st->regs = st->regs_small;
    st->stack = st->stack_small;
    st->cap = (Py_ssize_t)(sizeof(st->stack_small) / sizeof(Entry));
    st->sp = 0;
    st->steps = 0;
}

static int state_alloc_regs(MatchState *st)
{
    if (st->nregs > (Py_ssize_t)(sizeof(st->regs_small) / sizeof(Py_ssize_t))) {
        st->regs = PyMem_New(Py_ssize_t, st->nregs);
        if (st->regs == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    return 0;
}

static void state_fini(MatchState *st)
{
    if (st->regs != st->regs_small) {
        PyMem_Free(st->regs);
    }
    if (st->stack != st->stack_small) {
        PyMem_Free(st->stack);
    }
}

/* Backtracking entries at most (32M entries, 768 MB): enough for millions of nested
   choices, and a bound on what a runaway program can take. */
#define STACK_LIMIT ((Py_ssize_t)1 << 25)

static int stack_grow(MatchState *st)
{
    Py_ssize_t ncap = st->cap * 2;
    Entry *bigger;
    if (st->cap >= STACK_LIMIT) {
        PyErr_SetString(PyExc_RecursionError,
                        "maximum regular expression backtracking depth exceeded");
        return -1;
    }
    if (st->stack == st->stack_small) {
        bigger = PyMem_Malloc((size_t)ncap * sizeof(Entry));
        if (bigger != NULL) {
            memcpy(bigger, st->stack, (size_t)st->sp * sizeof(Entry));
        }
    }
    else {
        bigger = PyMem_Realloc(st->stack, (size_t)ncap * sizeof(Entry));
    }
    if (bigger == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    st->stack = bigger;
    st->cap = ncap;
    return 0;
}

static inline int push(MatchState *st, int kind, uint32_t pc, Py_ssize_t a, Py_ssize_t b)
{
    if (st->sp == st->cap && stack_grow(st) < 0) {
        return -1;
    }
    Entry *e = &st->stack[st->sp++];
    e->kind = kind;
    e->pc = pc;
    e->a = a;
    e->b = b;
    return 0;
}

/* Write a register, logging the old value for backtracking. */
static inline int set_reg(MatchState *st, Py_ssize_t idx, Py_ssize_t value)
{
    if (push(st, E_UNDO, 0, idx, st->regs[idx]) < 0) {
        return -1;
    }
    st->regs[idx] = value;
    return 0;
}

/* Drop the choice points above the barrier at index base (and the barrier itself), keeping
   the undo entries so that backtracking past this point still restores the registers. */
static void cut_to(MatchState *st, Py_ssize_t base)
{
    Py_ssize_t w = base;
    for (Py_ssize_t r = base + 1; r < st->sp; r++) {
        if (st->stack[r].kind == E_UNDO) {
            st->stack[w++] = st->stack[r];
        }
    }
    st->sp = w;
}

/* Pop down to index base (exclusive of nothing: sp becomes base), applying undo entries. */
static void unwind_to(MatchState *st, Py_ssize_t base)
{
    while (st->sp > base) {
        Entry *e = &st->stack[--st->sp];
        if (e->kind == E_UNDO) {
            st->regs[e->a] = e->b;
        }
    }
}

static int at_matches(const MatchState *st, uint32_t kind, Py_ssize_t pos)
{
    Py_ssize_t end = st->end;
    switch (kind) {
    case AT_BOL:
    case AT_BEGIN:
        return pos == 0;
    case AT_MBOL:
        return pos == 0 || getch(st, pos - 1) == '\n';
    case AT_EOL:
        return pos == end || (pos == end - 1 && getch(st, pos) == '\n');
    case AT_MEOL:
        return pos == end || getch(st, pos) == '\n';
    case AT_END:
        return pos == end;
    default: {
        int ascii = kind >= AT_BOUNDARY_ASCII;
        int before = pos > 0 && is_word(getch(st, pos - 1), ascii);
        int after = pos < end && is_word(getch(st, pos), ascii);
        if (kind == AT_BOUNDARY || kind == AT_BOUNDARY_ASCII) {
            return before != after;
        }
        return end > 0 && before == after;
    }
    }
}

static int backref_matches(const MatchState *st, const uint32_t *ins, Py_ssize_t pos,
                           Py_ssize_t *newpos)
{
    Py_ssize_t s0 = st->regs[2 * ins[1]];
    Py_ssize_t s1 = st->regs[2 * ins[1] + 1];
    if (s0 < 0 || s1 < 0) {
        return 0;
    }
    Py_ssize_t n = s1 - s0;
    if (pos + n > st->end) {
        return 0;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_UCS4 a = getch(st, s0 + k);
        Py_UCS4 b = getch(st, pos + k);
        if (a != b) {
            if (!ins[2]) {
                return 0;
            }
            if (fold_lower(a, ins[3]) != fold_lower(b, ins[3])) {
                return 0;
            }
        }
    }
    *newpos = pos + n;
    return 1;
}

/* Run the program from start.  Return 1 and set regs[0..1] on a match, 0 if there is none
   starting here, -1 with an exception set. */
static int sre_run(MatchState *st, Py_ssize_t start, int mode, Py_ssize_t noempty)
{
    const uint32_t *code = st->code;
    Py_ssize_t *regs;
    Py_ssize_t pos = start;
    Py_ssize_t end = st->end;
    uint32_t pc = 0;
    const uint32_t *ins;

    /* The registers are all -1 here: sre_search() clears them, and a failed attempt pops
       the whole stack, whose undo entries restore every register it wrote. */
    regs = st->regs;
    st->sp = 0;

    for (;;) {
        ins = code + pc;
        switch (ins[0]) {
        case OP_SUCCESS:
            if (mode == MODE_FULLMATCH && pos != end) {
                goto fail;
            }
            if ((pos == start && start == noempty) || pos < start) {
                goto fail;  /* pos < start: only a malformed program */
            }
            regs[0] = start;
            regs[1] = pos;
            return 1;
        case OP_CHAR:
            if (pos >= end || getch(st, pos) != ins[1]) {
                goto fail;
            }
            pos++;
            pc += 2;
            break;
        case OP_CHAR_I:
            if (pos >= end || !char_matches(ins, getch(st, pos))) {
                goto fail;
            }
            pos++;
            pc += 5;
            break;
        case OP_STR: {
            uint32_t n = ins[1];
            if ((Py_ssize_t)n > end - pos) {
                goto fail;
            }
            for (uint32_t k = 0; k < n; k++) {
                if (getch(st, pos + k) != ins[2 + k]) {
                    goto fail;
                }
            }
            pos += n;
            pc += 2 + n;
            break;
        }
        case OP_ANY:
            if (pos >= end || getch(st, pos) == '\n') {
                goto fail;
            }
            pos++;
            pc += 1;
            break;
        case OP_ANY_ALL:
            if (pos >= end) {
                goto fail;
            }
            pos++;
            pc += 1;
            break;
        case OP_IN:
            if (pos >= end || !set_matches(ins, getch(st, pos))) {
                goto fail;
            }
            pos++;
            pc += ins[1];
            break;
        case OP_AT:
            if (!at_matches(st, ins[1], pos)) {
                goto fail;
            }
            pc += 2;
            break;
        case OP_JUMP:
            if (ins[1] <= pc && ++st->steps >= (1UL << 20)) {
                /* A loop that never fails (only a malformed program) stays interruptible. */
                st->steps = 0;
                if (PyErr_CheckSignals() < 0) {
                    return -1;
                }
            }
            pc = ins[1];
            break;
        case OP_SPLIT:
            if (push(st, E_CHOICE, ins[1], pos, 0) < 0) {
                return -1;
            }
            pc += 2;
            break;
        case OP_SPLIT_LAZY:
            if (push(st, E_CHOICE, pc + 2, pos, 0) < 0) {
                return -1;
            }
            pc = ins[1];
            break;
        case OP_GROUP_OPEN:
            if (set_reg(st, ins[1], pos) < 0) {
                return -1;
            }
            pc += 2;
            break;
        case OP_GROUP_CLOSE: {
            Py_ssize_t g = ins[1];
            if (set_reg(st, 2 * g, regs[ins[2]]) < 0 || set_reg(st, 2 * g + 1, pos) < 0 ||
                set_reg(st, ins[3], g) < 0) {
                return -1;
            }
            pc += 4;
            break;
        }
        case OP_REPEAT_INIT:
            if (set_reg(st, ins[1], 0) < 0 || set_reg(st, ins[1] + 1, -1) < 0) {
                return -1;
            }
            pc += 2;
            break;
        case OP_REPEAT_HEAD: {
            Py_ssize_t count = regs[ins[1]];
            uint32_t enter = pc + 6;
            if (count < (Py_ssize_t)ins[2]) {
                pc = enter;
            }
            else if ((count > (Py_ssize_t)ins[2] && pos == regs[ins[1] + 1]) ||
                     count >= (Py_ssize_t)ins[3]) {
                pc = ins[5];
            }
            else if (ins[4] == REP_LAZY) {
                if (push(st, E_CHOICE, enter, pos, 0) < 0) {
                    return -1;
                }
                pc = ins[5];
            }
            else {
                if (push(st, E_CHOICE, ins[5], pos, 0) < 0) {
                    return -1;
                }
                pc = enter;
            }
            break;
        }
        case OP_REPEAT_ENTER:
            if (set_reg(st, ins[1], regs[ins[1]] + 1) < 0 ||
                set_reg(st, ins[1] + 1, pos) < 0) {
                return -1;
            }
            pc += 2;
            break;
        case OP_REPCHAR: {
            const uint32_t *body = ins + 5;
            uint32_t next = pc + 5 + ins[4];
            Py_ssize_t mn = ins[1];
            Py_ssize_t lim = end - pos;
            if ((Py_ssize_t)ins[2] < lim) {
                lim = ins[2];
            }
            if (mn > lim) {
                goto fail;
            }
            if (ins[3] == REP_LAZY) {
                for (Py_ssize_t k = 0; k < mn; k++) {
                    if (!char_matches(body, getch(st, pos + k))) {
                        goto fail;
                    }
                }
                pos += mn;
                if (lim > mn && push(st, E_REP_LAZY, pc, pos, pos + (lim - mn)) < 0) {
                    return -1;
                }
            }
            else {
                Py_ssize_t top = pos + lim;
                Py_ssize_t j = scan_while(st, body, pos, top, 1);
                if (j - pos < mn) {
                    goto fail;
                }
                if (ins[3] == REP_GREEDY && j - pos > mn &&
                    push(st, E_REP_GREEDY, pc, j, pos + mn) < 0) {
                    return -1;
                }
                pos = j;
            }
            pc = next;
            break;
        }
        case OP_ATOMIC_START:
            if (set_reg(st, ins[1], 0) < 0) {
                return -1;
            }
            regs[ins[1]] = st->sp;
            if (push(st, E_BARRIER, 0, 0, 0) < 0) {
                return -1;
            }
            pc += 2;
            break;
        case OP_ATOMIC_END:
            if (regs[ins[1]] < 0 || regs[ins[1]] >= st->sp) {
                goto fail;  /* only reachable through a malformed program */
            }
            cut_to(st, regs[ins[1]]);
            pc += 2;
            break;
        case OP_LOOK_START: {
            Py_ssize_t width = ins[2];
            int negative = ins[3];
            int behind = ins[4];
            if (behind && pos - width < 0) {
                if (negative) {
                    pc = ins[5];
                    break;
                }
                goto fail;
            }
            if (set_reg(st, ins[1], pos) < 0 || set_reg(st, ins[1] + 1, 0) < 0) {
                return -1;
            }
            regs[ins[1] + 1] = st->sp;
            if (negative) {
                if (push(st, E_CHOICE, ins[5], pos, 0) < 0) {
                    return -1;
                }
            }
            else if (push(st, E_BARRIER, 0, 0, 0) < 0) {
                return -1;
            }
            if (behind) {
                pos -= width;
            }
            pc += 6;
            break;
        }
        case OP_LOOK_END:
            if (regs[ins[1] + 1] < 0 || regs[ins[1] + 1] >= st->sp) {
                goto fail;  /* only reachable through a malformed program */
            }
            if (ins[3] && pos != regs[ins[1]]) {
                goto fail;
            }
            if (ins[2]) {
                /* The negated body matched: fail the whole lookaround. */
                unwind_to(st, regs[ins[1] + 1]);
                goto fail;
            }
            pos = regs[ins[1]];
            cut_to(st, regs[ins[1] + 1]);
            pc += 4;
            break;
        case OP_BACKREF:
            if (!backref_matches(st, ins, pos, &pos)) {
                goto fail;
            }
            pc += 4;
            break;
        case OP_GROUP_EXISTS:
            if (regs[2 * ins[1] + 1] >= 0) {
                pc += 3;
            }
            else {
                pc = ins[2];
            }
            break;
        default:
            goto fail;
        }
        continue;

    fail:
        for (;;) {
            Entry *e;
            if (st->sp == 0) {
                return 0;
            }
            e = &st->stack[st->sp - 1];
            switch (e->kind) {
            case E_UNDO:
                regs[e->a] = e->b;
                st->sp--;
                continue;
            case E_BARRIER:
                st->sp--;
                continue;
            case E_CHOICE:
                pc = e->pc;
                pos = e->a;
                st->sp--;
                break;
            case E_REP_GREEDY: {
                const uint32_t *rep = code + e->pc;
                uint32_t next = e->pc + 5 + rep[4];
                Py_ssize_t j = e->a - 1;
                /* Only positions where the following literal can match (j < end). */
                if (code[next] == OP_CHAR) {
                    j = scan_back_for(st, code[next + 1], j, e->b);
                }
                else if (code[next] == OP_STR) {
                    j = scan_back_for(st, code[next + 2], j, e->b);
                }
                if (j < e->b) {
                    st->sp--;
                    continue;
                }
                if (j == e->b) {
                    st->sp--;
                }
                else {
                    e->a = j;
                }
                pos = j;
                pc = next;
                break;
            }
            default: { /* E_REP_LAZY */
                const uint32_t *rep = code + e->pc;
                uint32_t next = e->pc + 5 + rep[4];
                Py_ssize_t j = e->a;
                if (j >= e->b || !char_matches(rep + 5, getch(st, j))) {
                    st->sp--;
                    continue;
                }
                j++;
                if (code[next] == OP_CHAR || code[next] == OP_STR) {
                    /* Skip positions where the following literal cannot match. */
                    Py_UCS4 c = code[next] == OP_CHAR ? code[next + 1] : code[next + 2];
                    Py_UCS4 ch;
                    while (j < e->b && (ch = getch(st, j)) != c &&
                           char_matches(rep + 5, ch)) {
                        j++;
                    }
                }
                if (j == e->b) {
                    st->sp--;
                }
                else {
                    e->a = j;
                }
                pos = j;
                pc = next;
                break;
            }
            }
            break;
        }
        if (++st->steps >= (1UL << 20)) {
            st->steps = 0;
            if (PyErr_CheckSignals() < 0) {
                return -1;
            }
        }
    }
}

/* Find the first match starting in [pos, end] (only at pos unless searching).  Return 1 (the
   match is in st->regs), 0 or -1. */
static int sre_search(MatchState *st, ProgramObject *prog, Py_ssize_t pos, int mode,
                      Py_ssize_t noempty)
{
    Py_ssize_t end = st->end;
    for (Py_ssize_t k = 0; k < st->nregs; k++) {
        st->regs[k] = -1;
    }
    if (mode != MODE_SEARCH) {
        return sre_run(st, pos, mode, noempty);
    }
    if (prog->anchored) {
        if (pos != 0) {
            return 0;
        }
        return sre_run(st, pos, mode, noempty);
    }
    const uint32_t *first = prog->firstpc >= 0 ? prog->code + prog->firstpc : NULL;
    Py_UCS4 c0 = prog->nprefix ? prog->prefix[0] : 0;
    Py_ssize_t np = prog->nprefix;
    for (Py_ssize_t i = pos; i <= end; i++) {
        if (np) {
            if (st->kind == 1) {
                if (c0 > 255 || i >= end) {
                    return 0;
                }
                const Py_UCS1 *d = st->data;
                const Py_UCS1 *hit = memchr(d + i, (int)c0, (size_t)(end - i));
                if (hit == NULL) {
                    return 0;
                }
                i = hit - d;
            }
            else {
                while (i < end && getch(st, i) != c0) {
                    i++;
                }
            }
            if (end - i < np) {
                return 0;
            }
            Py_ssize_t k = 1;
            while (k < np && getch(st, i + k) == prog->prefix[k]) {
                k++;
            }
            if (k < np) {
                continue;
            }
        }
        else if (first != NULL) {
            i = scan_while(st, first, i, end, 0);
            if (i >= end) {
                return 0;
            }
        }
        int r = sre_run(st, i, mode, noempty);
        if (r != 0) {
            return r;
        }
    }
    return 0;
}

/* ---------------------------------------------------------------- subjects */

typedef struct {
    PyObject *obj;
    const void *data;
    int kind;
    Py_ssize_t len;
    int is_bytes;
    int has_view;
    Py_buffer view;
} Subject;

static int subject_get(Subject *sub, ProgramObject *prog, PyObject *obj)
{
    sub->obj = obj;
    sub->has_view = 0;
    if (PyUnicode_Check(obj)) {
        sub->data = PyUnicode_DATA(obj);
        sub->kind = PyUnicode_KIND(obj);
        sub->len = PyUnicode_GET_LENGTH(obj);
        sub->is_bytes = 0;
    }
    else {
        if (PyObject_GetBuffer(obj, &sub->view, PyBUF_SIMPLE) < 0) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "expected string or bytes-like object, got '%.200s'",
                         Py_TYPE(obj)->tp_name);
            return -1;
        }
        sub->has_view = 1;
        sub->data = sub->view.buf;
        sub->kind = 1;
        sub->len = sub->view.len;
        sub->is_bytes = 1;
    }
    if (sub->is_bytes != prog->is_bytes) {
        PyErr_SetString(PyExc_TypeError, prog->is_bytes
                        ? "cannot use a bytes pattern on a string-like object"
                        : "cannot use a string pattern on a bytes-like object");
        if (sub->has_view) {
            PyBuffer_Release(&sub->view);
            sub->has_view = 0;
        }
        return -1;
    }
    return 0;
}

static void subject_release(Subject *sub)
{
    if (sub->has_view) {
        PyBuffer_Release(&sub->view);
        sub->has_view = 0;
    }
}

/* Return a new reference: subject[a:b] as str or bytes (empty for an unset group). */
static PyObject *subject_slice(Subject *sub, Py_ssize_t a, Py_ssize_t b)
{
    if (a < 0 || b < 0) {
        a = b = 0;
    }
    if (b < a) {
        b = a;  /* never from a well-formed program */
    }
    if (sub->is_bytes) {
        if (a == 0 && b == sub->len && PyBytes_CheckExact(sub->obj)) {
            return Py_NewRef(sub->obj);
        }
        return PyBytes_FromStringAndSize((const char *)sub->data + a, b - a);
    }
    return PyUnicode_Substring(sub->obj, a, b);
}

static void clamp_range(Py_ssize_t len, Py_ssize_t *pos, Py_ssize_t *endpos)
{
    if (*pos < 0) {
        *pos = 0;
    }
    if (*pos > len) {
        *pos = len;
    }
    if (*endpos > len) {
        *endpos = len;
    }
    if (*endpos < 0) {
        *endpos = 0;
    }
}

/* ---------------------------------------------------------------- Match type */

/* A Match is immutable once made: it keeps the pattern, the subject and a copy of the
   registers (2 * (ngroups + 1) marks), so it needs no lock. */
typedef struct {
    PyObject_HEAD
    PyObject *pattern;      /* the re.Pattern */
    PyObject *string;       /* the subject as passed */
    Py_ssize_t pos, endpos;
    Py_ssize_t lastindex;   /* -1 = None */
    Py_ssize_t ngroups;
    int is_bytes;
    Py_ssize_t *marks;      /* start, end of group 0..ngroups; -1 for unset groups */
} MatchObject;

/* Return a new reference: a Match of the current match in st. */
static PyObject *match_create(PyTypeObject *type, PyObject *pattern, Subject *sub,
                              MatchState *st, ProgramObject *prog, Py_ssize_t pos,
                              Py_ssize_t endpos)
{
    Py_ssize_t nm = 2 * (prog->ngroups + 1);
    MatchObject *m = (MatchObject *)type->tp_alloc(type, 0);
    if (m == NULL) {
        return NULL;
    }
    m->marks = PyMem_New(Py_ssize_t, nm);
    if (m->marks == NULL) {
        Py_DECREF(m);
        return PyErr_NoMemory();
    }
    m->pattern = Py_NewRef(pattern);
    m->string = Py_NewRef(sub->obj);
    m->pos = pos;
    m->endpos = endpos;
    m->lastindex = st->regs[nm];
    m->ngroups = prog->ngroups;
    m->is_bytes = sub->is_bytes;
    for (Py_ssize_t k = 0; k < nm; k++) {
        Py_ssize_t v = st->regs[k];
        /* A group counts as unset unless both of its marks are. */
        if (k >= 2 && (st->regs[k & ~(Py_ssize_t)1] < 0 || st->regs[k | 1] < 0)) {
            v = -1;
        }
        m->marks[k] = v;
    }
    return (PyObject *)m;
}

/* A Match can be part of a cycle through its pattern (a Python object users may store the
   match on), so it takes part in garbage collection. */
static int match_traverse(PyObject *self, visitproc visit, void *arg)
{
    MatchObject *m = (MatchObject *)self;
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(m->pattern);
    Py_VISIT(m->string);
    return 0;
}

static int match_clear(PyObject *self)
{
    MatchObject *m = (MatchObject *)self;
    Py_CLEAR(m->pattern);
    Py_CLEAR(m->string);
    return 0;
}

static void match_dealloc(PyObject *self)
{
    MatchObject *m = (MatchObject *)self;
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    Py_XDECREF(m->pattern);
    Py_XDECREF(m->string);
    PyMem_Free(m->marks);
    tp->tp_free(self);
    Py_DECREF(tp);
}

/* Return a new reference: attribute name of the match's pattern (an empty dict once the
   match has been cleared by the collector). */
static PyObject *match_pattern_attr(MatchObject *m, const char *name)
{
    if (m->pattern == NULL) {
        return PyDict_New();
    }
    return PyObject_GetAttrString(m->pattern, name);
}

/* Group number for index (an int-like or a group name), or -1 with IndexError. */
static Py_ssize_t match_group_index(MatchObject *m, PyObject *index)
{
    Py_ssize_t g = -1;
    if (PyLong_Check(index)) {
        g = PyLong_AsSsize_t(index);
        if (g == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            g = -1;
        }
    }
    else if (PyUnicode_Check(index)) {
        PyObject *gi = match_pattern_attr(m, "_groupindex");
        if (gi == NULL) {
            return -1;
        }
        PyObject *v = PyDict_Check(gi) ? PyDict_GetItemWithError(gi, index) : NULL;
        if (v != NULL && PyLong_Check(v)) {
            g = PyLong_AsSsize_t(v);
        }
        Py_DECREF(gi);
        if (PyErr_Occurred()) {
            return -1;
        }
    }
    else if (!PyBytes_Check(index) && Py_TYPE(index)->tp_as_number != NULL &&
             Py_TYPE(index)->tp_as_number->nb_index != NULL) {
        g = PyNumber_AsSsize_t(index, NULL);
        if (g == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            g = -1;
        }
    }
    if (g < 0 || g > m->ngroups) {
        PyErr_SetString(PyExc_IndexError, "no such group");
        return -1;
    }
    return g;
}

/* Return a new reference: group g, or def if it did not participate. */
static PyObject *match_get(MatchObject *m, Py_ssize_t g, PyObject *def)
{
    Py_ssize_t a = m->marks[2 * g], b = m->marks[2 * g + 1];
    if (a < 0 || m->string == NULL) {  /* string is NULL only after tp_clear */
        return Py_NewRef(def);
    }
    if (b < a) {
        b = a;  /* never from a well-formed program */
    }
    if (PyUnicode_Check(m->string)) {
        return PyUnicode_Substring(m->string, a, b);
    }
    if (PyBytes_CheckExact(m->string)) {
        if (a == 0 && b == PyBytes_GET_SIZE(m->string)) {
            return Py_NewRef(m->string);
        }
        return PyBytes_FromStringAndSize(PyBytes_AS_STRING(m->string) + a, b - a);
    }
    Py_buffer view;
    if (PyObject_GetBuffer(m->string, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    /* The buffer may have shrunk since the match (bytearray). */
    if (b > view.len) {
        b = view.len;
    }
    if (a > b) {
        a = b;
    }
    PyObject *r = PyBytes_FromStringAndSize((const char *)view.buf + a, b - a);
    PyBuffer_Release(&view);
    return r;
}

static PyObject *match_group(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    MatchObject *m = (MatchObject *)self;
    if (nargs == 0) {
        return match_get(m, 0, Py_None);
    }
    if (nargs == 1) {
        Py_ssize_t g = match_group_index(m, args[0]);
        return g < 0 ? NULL : match_get(m, g, Py_None);
    }
    PyObject *t = PyTuple_New(nargs);
    if (t == NULL) {
        return NULL;
    }
    for (Py_ssize_t k = 0; k < nargs; k++) {
        Py_ssize_t g = match_group_index(m, args[k]);
        PyObject *v = g < 0 ? NULL : match_get(m, g, Py_None);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, k, v);
    }
    return t;
}

static PyObject *match_subscript(PyObject *self, PyObject *index)
{
    MatchObject *m = (MatchObject *)self;
    Py_ssize_t g = match_group_index(m, index);
    return g < 0 ? NULL : match_get(m, g, Py_None);
}

static int default_arg(PyObject *args, PyObject *kwds, const char *fname, PyObject **def)
{
    static char *kwlist[] = {"default", NULL};
    char fmt[64];
    *def = Py_None;
    PyOS_snprintf(fmt, sizeof(fmt), "|O:%s", fname);
    return PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwlist, def) ? 0 : -1;
}

static PyObject *match_groups(PyObject *self, PyObject *args, PyObject *kwds)
{
    MatchObject *m = (MatchObject *)self;
    PyObject *def;
    if (default_arg(args, kwds, "groups", &def) < 0) {
        return NULL;
    }
    PyObject *t = PyTuple_New(m->ngroups);
    if (t == NULL) {
        return NULL;
    }
    for (Py_ssize_t g = 1; g <= m->ngroups; g++) {
        PyObject *v = match_get(m, g, def);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, g - 1, v);
    }
    return t;
}

static PyObject *match_groupdict(PyObject *self, PyObject *args, PyObject *kwds)
{
    MatchObject *m = (MatchObject *)self;
    PyObject *def;
    if (default_arg(args, kwds, "groupdict", &def) < 0) {
        return NULL;
    }
    PyObject *gi = match_pattern_attr(m, "_groupindex");
    if (gi == NULL) {
        return NULL;
    }
    if (!PyDict_Check(gi)) {
        Py_DECREF(gi);
        PyErr_SetString(PyExc_TypeError, "pattern._groupindex must be a dict");
        return NULL;
    }
    PyObject *d = PyDict_New();
    PyObject *key, *value;
    Py_ssize_t it = 0;
    while (d != NULL && PyDict_Next(gi, &it, &key, &value)) {
        Py_ssize_t g = PyLong_AsSsize_t(value);
        PyObject *v = NULL;
        if (g >= 0 && g <= m->ngroups) {
            v = match_get(m, g, def);
        }
        else if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_IndexError, "no such group");
        }
        if (v == NULL || PyDict_SetItem(d, key, v) < 0) {
            Py_XDECREF(v);
            Py_CLEAR(d);
            break;
        }
        Py_DECREF(v);
    }
    Py_DECREF(gi);
    return d;
}

static Py_ssize_t match_optional_group(MatchObject *m, Py_ssize_t nargs, PyObject *const *args,
                                       const char *fname)
{
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "%s expected at most 1 argument, got %zd", fname, nargs);
        return -1;
    }
    return nargs == 0 ? 0 : match_group_index(m, args[0]);
}

static PyObject *match_start(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    MatchObject *m = (MatchObject *)self;
    Py_ssize_t g = match_optional_group(m, nargs, args, "start");
    return g < 0 ? NULL : PyLong_FromSsize_t(m->marks[2 * g]);
}

static PyObject *match_end(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    MatchObject *m = (MatchObject *)self;
    Py_ssize_t g = match_optional_group(m, nargs, args, "end");
    return g < 0 ? NULL : PyLong_FromSsize_t(m->marks[2 * g + 1]);
}

static PyObject *match_span(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    MatchObject *m = (MatchObject *)self;
    Py_ssize_t g = match_optional_group(m, nargs, args, "span");
    if (g < 0) {
        return NULL;
    }
    return Py_BuildValue("(nn)", m->marks[2 * g], m->marks[2 * g + 1]);
}

static PyObject *match_regs(PyObject *self, void *closure)
{
    MatchObject *m = (MatchObject *)self;
    PyObject *t = PyTuple_New(m->ngroups + 1);
    if (t == NULL) {
        return NULL;
    }
    for (Py_ssize_t g = 0; g <= m->ngroups; g++) {
        PyObject *v = Py_BuildValue("(nn)", m->marks[2 * g], m->marks[2 * g + 1]);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, g, v);
    }
    return t;
}

static PyObject *match_lastindex(PyObject *self, void *closure)
{
    MatchObject *m = (MatchObject *)self;
    if (m->lastindex < 0) {
        Py_RETURN_NONE;
    }
    return PyLong_FromSsize_t(m->lastindex);
}

static PyObject *match_lastgroup(PyObject *self, void *closure)
{
    MatchObject *m = (MatchObject *)self;
    if (m->lastindex < 0) {
        Py_RETURN_NONE;
    }
    PyObject *names = match_pattern_attr(m, "_names");
    if (names == NULL) {
        return NULL;
    }
    PyObject *key = PyLong_FromSsize_t(m->lastindex);
    PyObject *v = NULL;
    if (key != NULL && PyDict_Check(names)) {
        v = PyDict_GetItemWithError(names, key);
    }
    Py_XDECREF(key);
    Py_DECREF(names);
    if (v == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    return Py_NewRef(v);
}

static PyObject *match_get_string(PyObject *self, void *closure)
{
    PyObject *v = ((MatchObject *)self)->string;
    return Py_NewRef(v != NULL ? v : Py_None);
}

static PyObject *match_get_re(PyObject *self, void *closure)
{
    PyObject *v = ((MatchObject *)self)->pattern;
    return Py_NewRef(v != NULL ? v : Py_None);
}

static PyObject *match_get_pos(PyObject *self, void *closure)
{
    return PyLong_FromSsize_t(((MatchObject *)self)->pos);
}

static PyObject *match_get_endpos(PyObject *self, void *closure)
{
    return PyLong_FromSsize_t(((MatchObject *)self)->endpos);
}

/* expand(template): the template language lives in Lib/re (re._expand_template). */
static PyObject *match_expand(PyObject *self, PyObject *template)
{
    PyObject *re = PyImport_ImportModule("re");
    if (re == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_CallMethod(re, "_expand_template", "OO", self, template);
    Py_DECREF(re);
    return r;
}

static PyObject *match_repr(PyObject *self)
{
    MatchObject *m = (MatchObject *)self;
    PyObject *g0 = match_get(m, 0, Py_None);
    if (g0 == NULL) {
        return NULL;
    }
    PyObject *r = PyUnicode_FromFormat("<re.Match object; span=(%zd, %zd), match=%R>",
                                       m->marks[0], m->marks[1], g0);
    Py_DECREF(g0);
    return r;
}

static PyObject *match_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(self);
}

static PyObject *match_deepcopy(PyObject *self, PyObject *memo)
{
    return Py_NewRef(self);
}

static PyMethodDef match_methods[] = {
    {"group", _PyCFunction_CAST(match_group), METH_FASTCALL,
     "group([group1, ...]) -> str or tuple.\n\nReturn subgroup(s) of the match by indices or "
     "names.\nFor 0 returns the entire match."},
    {"groups", _PyCFunction_CAST(match_groups), METH_VARARGS | METH_KEYWORDS,
     "Return a tuple containing all the subgroups of the match, from 1."},
    {"groupdict", _PyCFunction_CAST(match_groupdict), METH_VARARGS | METH_KEYWORDS,
     "Return a dictionary containing all the named subgroups of the match, keyed by the "
     "subgroup name."},
    {"start", _PyCFunction_CAST(match_start), METH_FASTCALL,
     "Return index of the start of the substring matched by group."},
    {"end", _PyCFunction_CAST(match_end), METH_FASTCALL,
     "Return index of the end of the substring matched by group."},
    {"span", _PyCFunction_CAST(match_span), METH_FASTCALL,
     "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {"expand", match_expand, METH_O,
     "Return the string obtained by doing backslash substitution on the string template, as "
     "done by the sub() method."},
    {"__copy__", match_copy, METH_NOARGS, NULL},
    {"__deepcopy__", match_deepcopy, METH_O, NULL},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef match_getset[] = {
    {"string", match_get_string, NULL, "The string passed to match() or search().", NULL},
    {"re", match_get_re, NULL, "The regular expression object.", NULL},
    {"pos", match_get_pos, NULL, "The index into the string at which the RE engine started "
                                 "looking for a match.", NULL},
    {"endpos", match_get_endpos, NULL, "The index into the string beyond which the RE engine "
                                       "will not go.", NULL},
    {"lastindex", match_lastindex, NULL, "The integer index of the last matched capturing "
                                         "group.", NULL},
    {"lastgroup", match_lastgroup, NULL, "The name of the last matched capturing group.",
     NULL},
    {"regs", match_regs, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot match_slots[] = {
    {Py_tp_dealloc, match_dealloc},
    {Py_tp_traverse, match_traverse},
    {Py_tp_clear, match_clear},
    {Py_tp_free, PyObject_GC_Del},
    {Py_tp_repr, match_repr},
    {Py_tp_doc, "The result of re.match() and re.search().\nMatch objects always have a "
                "boolean value of True."},
    {Py_tp_methods, match_methods},
    {Py_tp_getset, match_getset},
    {Py_mp_subscript, match_subscript},
    {0, NULL},
};

static PyType_Spec match_spec = {
    .name = "re.Match",
    .basicsize = sizeof(MatchObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION |
             Py_TPFLAGS_HAVE_GC,
    .slots = match_slots,
};

/* ---------------------------------------------------------------- Program methods */

static int parse_pos(PyObject *o, Py_ssize_t *out)
{
    if (o == NULL) {
        return 0;
    }
    Py_ssize_t v = PyNumber_AsSsize_t(o, NULL);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    *out = v;
    return 0;
}

/* match(string, pos, endpos, mode, noempty, pattern) -> re.Match or None */
static PyObject *program_match(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    ProgramObject *prog = (ProgramObject *)self;
    Py_ssize_t pos = 0, endpos = PY_SSIZE_T_MAX, mode = 0, noempty = -1;
    if (nargs != 6) {
        PyErr_SetString(PyExc_TypeError, "match() takes 6 arguments");
        return NULL;
    }
    if (parse_pos(args[1], &pos) < 0 || parse_pos(args[2], &endpos) < 0 ||
        parse_pos(args[3], &mode) < 0 || parse_pos(args[4], &noempty) < 0) {
        return NULL;
    }
    sre_state *state = PyType_GetModuleState(Py_TYPE(self));
    if (state == NULL) {
        return NULL;
    }
    Subject sub;
    if (subject_get(&sub, prog, args[0]) < 0) {
        return NULL;
    }
    clamp_range(sub.len, &pos, &endpos);
    if (endpos < pos) {
        /* As CPython: search and fullmatch fail, match sees an empty window. */
        if (mode != MODE_MATCH) {
            subject_release(&sub);
            Py_RETURN_NONE;
        }
        endpos = pos;
    }
    MatchState st;
    state_init(&st, prog);
    st.data = sub.data;
    st.kind = sub.kind;
    st.len = sub.len;
    st.end = endpos;
    PyObject *result = NULL;
    if (state_alloc_regs(&st) == 0) {
        int r = sre_search(&st, prog, pos, (int)mode, noempty);
        if (r > 0) {
            result = match_create((PyTypeObject *)state->match_type, args[5], &sub, &st, prog,
                                  pos, endpos);
        }
        else if (r == 0) {
            result = Py_NewRef(Py_None);
        }
    }
    state_fini(&st);
    subject_release(&sub);
    return result;
}

/* Return a new reference: the findall item for the current match. */
static PyObject *findall_item(MatchState *st, ProgramObject *prog, Subject *sub)
{
    Py_ssize_t *r = st->regs;
    if (prog->ngroups == 0) {
        return subject_slice(sub, r[0], r[1]);
    }
    if (prog->ngroups == 1) {
        return subject_slice(sub, r[2], r[3]);
    }
    PyObject *t = PyTuple_New(prog->ngroups);
    if (t == NULL) {
        return NULL;
    }
    for (Py_ssize_t g = 1; g <= prog->ngroups; g++) {
        PyObject *v = subject_slice(sub, r[2 * g], r[2 * g + 1]);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, g - 1, v);
    }
    return t;
}

/* The loop shared by findall, split and sub: call `each` for every non-overlapping match
   (at most maxcount when > 0).  Return the number of matches or -1. */
typedef int (*match_callback)(MatchState *st, void *arg);

static Py_ssize_t for_each_match(MatchState *st, ProgramObject *prog, Py_ssize_t pos,
                                 Py_ssize_t maxcount, match_callback each, void *arg)
{
    Py_ssize_t noempty = -1;
    Py_ssize_t n = 0;
    while (pos <= st->end) {
        if (maxcount > 0 && n >= maxcount) {
            break;
        }
        int r = sre_search(st, prog, pos, MODE_SEARCH, noempty);
        if (r < 0) {
            return -1;
        }
        if (r == 0) {
            break;
        }
        n++;
        if (each(st, arg) < 0) {
            return -1;
        }
        Py_ssize_t a = st->regs[0], b = st->regs[1];
        noempty = a == b ? b : -1;
        pos = b;
    }
    return n;
}

typedef struct {
    ProgramObject *prog;
    Subject *sub;
    PyObject *list;
    Py_ssize_t last;        /* end of the previous match (split, sub) */
    PyObject *repl;         /* sub: template list or callable */
    int repl_is_callable;
    PyTypeObject *match_type;   /* sub: Match objects for a callable repl */
    PyObject *pattern;
    Py_ssize_t pos, endpos;
} LoopArgs;

static int findall_each(MatchState *st, void *arg)
{
    LoopArgs *la = arg;
    PyObject *item = findall_item(st, la->prog, la->sub);
    if (item == NULL) {
        return -1;
    }
    int r = PyList_Append(la->list, item);
    Py_DECREF(item);
    return r;
}

static int prepare(MatchState *st, ProgramObject *prog, Subject *sub, Py_ssize_t endpos)
{
    state_init(st, prog);
    st->data = sub->data;
    st->kind = sub->kind;
    st->len = sub->len;
    st->end = endpos;
    return state_alloc_regs(st);
}

/* findall(string, pos, endpos) -> list */
static PyObject *program_findall(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    ProgramObject *prog = (ProgramObject *)self;
    Py_ssize_t pos = 0, endpos = PY_SSIZE_T_MAX;
    if (nargs < 1 || nargs > 3) {
        PyErr_SetString(PyExc_TypeError, "findall() takes 1 to 3 arguments");
        return NULL;
    }
    if ((nargs > 1 && parse_pos(args[1], &pos) < 0) ||
        (nargs > 2 && parse_pos(args[2], &endpos) < 0)) {
        return NULL;
    }
    Subject sub;
    if (subject_get(&sub, prog, args[0]) < 0) {
        return NULL;
    }
    clamp_range(sub.len, &pos, &endpos);
    LoopArgs la = {.prog = prog, .sub = &sub};
    la.list = PyList_New(0);
    MatchState st;
    if (la.list == NULL || prepare(&st, prog, &sub, endpos) < 0) {
        Py_XDECREF(la.list);
        subject_release(&sub);
        return NULL;
    }
    if (endpos >= pos && for_each_match(&st, prog, pos, 0, findall_each, &la) < 0) {
        Py_CLEAR(la.list);
    }
    state_fini(&st);
    subject_release(&sub);
    return la.list;
}

static int append_slice(LoopArgs *la, Py_ssize_t a, Py_ssize_t b)
{
    PyObject *v = subject_slice(la->sub, a, b);
    if (v == NULL) {
        return -1;
    }
    int r = PyList_Append(la->list, v);
    Py_DECREF(v);
    return r;
}

static int split_each(MatchState *st, void *arg)
{
    LoopArgs *la = arg;
    if (append_slice(la, la->last, st->regs[0]) < 0) {
        return -1;
    }
    for (Py_ssize_t g = 1; g <= la->prog->ngroups; g++) {
        Py_ssize_t a = st->regs[2 * g], b = st->regs[2 * g + 1];
        if (a < 0 || b < 0) {
            if (PyList_Append(la->list, Py_None) < 0) {
                return -1;
            }
        }
        else if (append_slice(la, a, b) < 0) {
            return -1;
        }
    }
    la->last = st->regs[1];
    return 0;
}

/* split(string, maxsplit) -> list */
static PyObject *program_split(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    ProgramObject *prog = (ProgramObject *)self;
    Py_ssize_t maxsplit = 0;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "split() takes 2 arguments");
        return NULL;
    }
    if (parse_pos(args[1], &maxsplit) < 0) {
        return NULL;
    }
    Subject sub;
    if (subject_get(&sub, prog, args[0]) < 0) {
        return NULL;
    }
    LoopArgs la = {.prog = prog, .sub = &sub};
    la.list = PyList_New(0);
    MatchState st;
    if (la.list == NULL || prepare(&st, prog, &sub, sub.len) < 0) {
        Py_XDECREF(la.list);
        subject_release(&sub);
        return NULL;
    }
    if (maxsplit >= 0) {
        if (for_each_match(&st, prog, 0, maxsplit, split_each, &la) < 0 ||
            append_slice(&la, la.last, sub.len) < 0) {
            Py_CLEAR(la.list);
        }
    }
    else if (append_slice(&la, 0, sub.len) < 0) {
        Py_CLEAR(la.list);
    }
    state_fini(&st);
    subject_release(&sub);
    return la.list;
}

static int sub_each(MatchState *st, void *arg)
{
    LoopArgs *la = arg;
    if (st->regs[0] > la->last && append_slice(la, la->last, st->regs[0]) < 0) {
        return -1;
    }
    la->last = st->regs[1];
    if (la->repl_is_callable) {
        PyObject *m = match_create(la->match_type, la->pattern, la->sub, st, la->prog,
                                   la->pos, la->endpos);
        if (m == NULL) {
            return -1;
        }
        PyObject *piece = PyObject_CallOneArg(la->repl, m);
        Py_DECREF(m);
        if (piece == NULL) {
            return -1;
        }
        int r = 0;
        if (piece != Py_None) {
            if (la->sub->is_bytes && !PyBytes_Check(piece)) {
                PyObject *b = PyBytes_FromObject(piece);
                Py_DECREF(piece);
                if (b == NULL) {
                    return -1;
                }
                piece = b;
            }
            else if (!la->sub->is_bytes && !PyUnicode_Check(piece)) {
                PyErr_Format(PyExc_TypeError, "expected str instance, %.200s found",
                             Py_TYPE(piece)->tp_name);
                Py_DECREF(piece);
                return -1;
            }
            r = PyList_Append(la->list, piece);
        }
        Py_DECREF(piece);
        return r;
    }
    /* Template: a list of literal pieces and group numbers. */
    PyObject *tmpl = la->repl;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(tmpl); k++) {
        PyObject *it = PyList_GET_ITEM(tmpl, k);
        if (PyLong_CheckExact(it)) {
            Py_ssize_t g = PyLong_AsSsize_t(it);
            if (g < 0 || g > la->prog->ngroups) {
                PyErr_SetString(PyExc_IndexError, "no such group");
                return -1;
            }
            Py_ssize_t a = st->regs[2 * g], b = st->regs[2 * g + 1];
            if (a >= 0 && b > a && append_slice(la, a, b) < 0) {
                return -1;
            }
        }
        else if (PyList_Append(la->list, it) < 0) {
            return -1;
        }
    }
    return 0;
}

/* sub(repl, string, count, pattern) -> (joined pieces, n).  repl: a list of literal pieces
   (str or bytes) and group numbers, or a callable taking a Match. */
static PyObject *program_sub(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    ProgramObject *prog = (ProgramObject *)self;
    Py_ssize_t count = 0;
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "sub() takes 4 arguments");
        return NULL;
    }
    sre_state *state = PyType_GetModuleState(Py_TYPE(self));
    if (state == NULL) {
        return NULL;
    }
    if (parse_pos(args[2], &count) < 0) {
        return NULL;
    }
    int is_callable = !PyList_Check(args[0]);
    Subject sub;
    if (subject_get(&sub, prog, args[1]) < 0) {
        return NULL;
    }
    LoopArgs la = {.prog = prog, .sub = &sub, .repl = args[0],
                   .repl_is_callable = is_callable,
                   .match_type = (PyTypeObject *)state->match_type, .pattern = args[3],
                   .pos = 0, .endpos = sub.len};
    la.list = PyList_New(0);
    MatchState st;
    if (la.list == NULL || prepare(&st, prog, &sub, sub.len) < 0) {
        Py_XDECREF(la.list);
        subject_release(&sub);
        return NULL;
    }
    PyObject *result = NULL;
    Py_ssize_t n = 0;
    if (count >= 0) {
        n = for_each_match(&st, prog, 0, count, sub_each, &la);
    }
    if (n == 0) {
        /* Nothing replaced: the subject itself (as str or bytes). */
        PyObject *whole = subject_slice(&sub, 0, sub.len);
        if (whole != NULL) {
            result = Py_BuildValue("(Nn)", whole, n);
        }
    }
    else if (n > 0 && append_slice(&la, la.last, sub.len) == 0) {
        PyObject *sep = sub.is_bytes ? PyBytes_FromStringAndSize(NULL, 0)
                                     : PyUnicode_FromStringAndSize(NULL, 0);
        PyObject *joined = NULL;
        if (sep != NULL) {
            joined = sub.is_bytes ? PyBytes_Join(sep, la.list) : PyUnicode_Join(sep, la.list);
            Py_DECREF(sep);
        }
        if (joined != NULL) {
            result = Py_BuildValue("(Nn)", joined, n);
        }
    }
    state_fini(&st);
    subject_release(&sub);
    Py_DECREF(la.list);
    return result;
}

/* ---------------------------------------------------------------- finditer iterator */

/* The iterator returned by Pattern.finditer().  Its position (pos, noempty, done) changes
   on every next(): Py_BEGIN_CRITICAL_SECTION(self) protects it, so that two threads sharing
   one iterator each get distinct matches. */
typedef struct {
    PyObject_HEAD
    PyObject *prog;         /* the Program */
    PyObject *pattern;      /* the re.Pattern, for the Match objects */
    PyObject *string;
    Py_ssize_t pos, endpos; /* as given to finditer(), for Match.pos / Match.endpos */
    Py_ssize_t next;        /* where the next search starts */
    Py_ssize_t noempty;     /* an empty match may not end here (-1: none) */
    int done;
} FindIterObject;

static int finditer_traverse(PyObject *self, visitproc visit, void *arg)
{
    FindIterObject *it = (FindIterObject *)self;
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(it->prog);
    Py_VISIT(it->pattern);
    Py_VISIT(it->string);
    return 0;
}

static int finditer_clear(PyObject *self)
{
    FindIterObject *it = (FindIterObject *)self;
    Py_CLEAR(it->prog);
    Py_CLEAR(it->pattern);
    Py_CLEAR(it->string);
    return 0;
}

static void finditer_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    (void)finditer_clear(self);
    tp->tp_free(self);
    Py_DECREF(tp);
}

/* Return a new reference: the next Match, or NULL (exception set, or none when exhausted). */
static PyObject *finditer_next_locked(FindIterObject *it)
{
    if (it->done || it->prog == NULL || it->string == NULL) {
        return NULL;
    }
    ProgramObject *prog = (ProgramObject *)it->prog;
    sre_state *state = PyType_GetModuleState(Py_TYPE(it->prog));
    if (state == NULL) {
        return NULL;
    }
    Subject sub;
    if (subject_get(&sub, prog, it->string) < 0) {
        return NULL;
    }
    Py_ssize_t pos = it->pos, endpos = it->endpos;
    clamp_range(sub.len, &pos, &endpos);
    PyObject *result = NULL;
    if (it->next > endpos) {
        it->done = 1;
        subject_release(&sub);
        return NULL;
    }
    MatchState st;
    state_init(&st, prog);
    st.data = sub.data;
    st.kind = sub.kind;
    st.len = sub.len;
    st.end = endpos;
    if (state_alloc_regs(&st) == 0) {
        int r = sre_search(&st, prog, it->next, MODE_SEARCH, it->noempty);
        if (r > 0) {
            result = match_create((PyTypeObject *)state->match_type, it->pattern, &sub, &st,
                                  prog, pos, endpos);
            Py_ssize_t a = st.regs[0], b = st.regs[1];
            it->noempty = a == b ? b : -1;
            it->next = b;
        }
        else if (r == 0) {
            it->done = 1;
        }
    }
    state_fini(&st);
    subject_release(&sub);
    return result;
}

static PyObject *finditer_next(PyObject *self)
{
    PyObject *result;
    Py_BEGIN_CRITICAL_SECTION(self);
    result = finditer_next_locked((FindIterObject *)self);
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyType_Slot finditer_slots[] = {
    {Py_tp_dealloc, finditer_dealloc},
    {Py_tp_traverse, finditer_traverse},
    {Py_tp_clear, finditer_clear},
    {Py_tp_free, PyObject_GC_Del},
    {Py_tp_iter, PyObject_SelfIter},
    {Py_tp_iternext, finditer_next},
    {0, NULL},
};

static PyType_Spec finditer_spec = {
    .name = "_braid_sre.FindIter",
    .basicsize = sizeof(FindIterObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_DISALLOW_INSTANTIATION |
             Py_TPFLAGS_HAVE_GC,
    .slots = finditer_slots,
};

/* finditer(string, pos, endpos, pattern) -> iterator of re.Match */
static PyObject *program_finditer(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    ProgramObject *prog = (ProgramObject *)self;
    Py_ssize_t pos = 0, endpos = PY_SSIZE_T_MAX;
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "finditer() takes 4 arguments");
        return NULL;
    }
    if (parse_pos(args[1], &pos) < 0 || parse_pos(args[2], &endpos) < 0) {
        return NULL;
    }
    sre_state *state = PyType_GetModuleState(Py_TYPE(self));
    if (state == NULL) {
        return NULL;
    }
    Subject sub;
    if (subject_get(&sub, prog, args[0]) < 0) {  /* type errors now, not at next() */
        return NULL;
    }
    Py_ssize_t cpos = pos, cend = endpos;
    clamp_range(sub.len, &cpos, &cend);
    subject_release(&sub);
    PyTypeObject *tp = (PyTypeObject *)state->finditer_type;
    FindIterObject *it = (FindIterObject *)tp->tp_alloc(tp, 0);
    if (it == NULL) {
        return NULL;
    }
    it->prog = Py_NewRef(self);
    it->pattern = Py_NewRef(args[3]);
    it->string = Py_NewRef(args[0]);
    it->pos = pos;
    it->endpos = endpos;
    it->next = cpos;
    it->noempty = -1;
    it->done = cend < cpos;
    return (PyObject *)it;
}

/* ---------------------------------------------------------------- Program type */

/* Length in words of the instruction at code[pc], or -1 if it is malformed. */
static Py_ssize_t instruction_length(const uint32_t *code, Py_ssize_t ncode, Py_ssize_t pc)
{
    static const signed char fixed[OP_COUNT] = {
        [OP_FAIL] = 1, [OP_SUCCESS] = 1, [OP_CHAR] = 2, [OP_CHAR_I] = 5, [OP_STR] = -1,
        [OP_ANY] = 1, [OP_ANY_ALL] = 1, [OP_IN] = -1, [OP_AT] = 2, [OP_JUMP] = 2,
        [OP_SPLIT] = 2, [OP_SPLIT_LAZY] = 2, [OP_GROUP_OPEN] = 2, [OP_GROUP_CLOSE] = 4,
        [OP_REPEAT_INIT] = 2, [OP_REPEAT_HEAD] = 6, [OP_REPEAT_ENTER] = 2,
        [OP_REPCHAR] = -1, [OP_ATOMIC_START] = 2, [OP_ATOMIC_END] = 2,
        [OP_LOOK_START] = 6, [OP_LOOK_END] = 4, [OP_BACKREF] = 4, [OP_GROUP_EXISTS] = 3,
    };
    uint32_t op = code[pc];
    Py_ssize_t room = ncode - pc;
    Py_ssize_t n;
    if (op >= OP_COUNT) {
        return -1;
    }
    if (fixed[op] > 0) {
        n = fixed[op];
    }
    else if (room < 2) {
        return -1;
    }
    else if (op == OP_STR) {
        n = 2 + (Py_ssize_t)code[pc + 1];
    }
    else if (op == OP_IN) {
        n = code[pc + 1];
        if (n < 11) {
            return -1;
        }
    }
    else { /* OP_REPCHAR */
        if (room < 5) {
            return -1;
        }
        n = 5 + (Py_ssize_t)code[pc + 4];
    }
    return n <= room ? n : -1;
}

/* Check every instruction of the program and fill in the derived words (set bitmaps, case
   folds).  0, or -1 with ValueError. */
static int program_link(ProgramObject *prog)
{
    uint32_t *code = prog->code;
    Py_ssize_t ncode = prog->ncode;
    Py_ssize_t nregs = prog->nregs;
    char *starts = PyMem_Calloc((size_t)ncode + 1, 1);
    if (starts == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t pc = 0;
    int ok = ncode > 0;
    while (ok && pc < ncode) {
        Py_ssize_t n = instruction_length(code, ncode, pc);
        if (n < 0) {
            ok = 0;
            break;
        }
        starts[pc] = 1;
        pc += n;
    }
    pc = 0;
    while (ok && pc < ncode) {
        uint32_t *ins = code + pc;
        Py_ssize_t len = instruction_length(code, ncode, pc);
        if (len < 0) {
            ok = 0;
            break;
        }
        switch (ins[0]) {
        case OP_CHAR_I:
            ins[2] = ins[2] != 0;
            ins[3] = fold_lower(ins[1], ins[2]);
            ins[4] = fold_upper(ins[1], ins[2]);
            ok = ins[1] <= 0x10FFFF;
            break;
        case OP_IN: {
            uint32_t *p = ins + 11;
            uint32_t *end = ins + len;
            while (ok && p < end) {
                Py_ssize_t k = p[0] == ITEM_RANGE ? 3 : 2;
                ok = (p[0] == ITEM_CHAR || p[0] == ITEM_RANGE ||
                      (p[0] == ITEM_CAT && p[1] < 12)) && end - p >= k;
                p += k;
            }
            if (ok) {
                for (int w = 0; w < 8; w++) {
                    ins[3 + w] = 0;
                }
                for (Py_UCS4 ch = 0; ch < 256; ch++) {
                    if (set_matches_slow(ins, ch)) {
                        ins[3 + (ch >> 5)] |= (uint32_t)1 << (ch & 31);
                    }
                }
            }
            break;
        }
        case OP_JUMP:
            /* The only backward transfer: loops go through it, and it checks signals. */
            ok = ins[1] < ncode && starts[ins[1]];
            break;
        case OP_SPLIT:
        case OP_SPLIT_LAZY:
            ok = ins[1] > pc && ins[1] < ncode && starts[ins[1]];
            break;
        case OP_GROUP_EXISTS:
            ok = ins[1] <= prog->ngroups && ins[2] > pc && ins[2] < ncode && starts[ins[2]];
            break;
        case OP_GROUP_OPEN:
        case OP_ATOMIC_START:
        case OP_ATOMIC_END:
            ok = ins[1] < nregs;
            break;
        case OP_GROUP_CLOSE:
            ok = ins[1] <= prog->ngroups && ins[2] < nregs && ins[3] < nregs;
            break;
        case OP_REPEAT_INIT:
        case OP_REPEAT_ENTER:
            ok = (Py_ssize_t)ins[1] + 1 < nregs;
            break;
        case OP_REPEAT_HEAD:
        case OP_LOOK_START:
            ok = (Py_ssize_t)ins[1] + 1 < nregs && ins[5] > pc && ins[5] < ncode &&
                 starts[ins[5]];
            break;
        case OP_LOOK_END:
            ok = (Py_ssize_t)ins[1] + 1 < nregs;
            break;
        case OP_BACKREF:
            ok = ins[1] <= prog->ngroups;
            break;
        case OP_REPCHAR: {
            uint32_t op = ins[5];
            Py_ssize_t inner = instruction_length(code, ncode, pc + 5);
            ok = (op == OP_CHAR || op == OP_CHAR_I || op == OP_ANY || op == OP_ANY_ALL ||
                  op == OP_IN) && inner == (Py_ssize_t)ins[4] && pc + len < ncode;
            /* Step into the inner op so that it gets linked too. */
            len = 5;
            break;
        }
        case OP_AT:
            ok = ins[1] <= AT_NONBOUNDARY_ASCII;
            break;
        default:
            break;
        }
        pc += len;
    }
    if (ok && prog->firstpc >= 0) {
        Py_ssize_t f = prog->firstpc;
        ok = f < ncode && (starts[f] || (f >= 5 && starts[f - 5] && code[f - 5] == OP_REPCHAR));
        if (ok) {
            uint32_t op = code[prog->firstpc];
            ok = op == OP_CHAR || op == OP_CHAR_I || op == OP_ANY || op == OP_ANY_ALL ||
                 op == OP_IN;
        }
    }
    PyMem_Free(starts);
    if (!ok) {
        PyErr_SetString(PyExc_ValueError, "invalid regular expression program");
        return -1;
    }
    return 0;
}

/* Fill *out with a new PyMem array of the items of seq (ints that fit
   in 32 bits). */
static Py_ssize_t words_from_list(PyObject *seq, uint32_t **out)
{
    PyObject *fast = PySequence_Fast(seq, "expected a sequence of ints");
    if (fast == NULL) {
        return -1;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    /* One more word: an OP_FAIL sentinel, so that running off the end fails. */
    uint32_t *words = PyMem_New(uint32_t, n + 1);
    if (words == NULL) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        unsigned long long v = PyLong_AsUnsignedLongLong(PySequence_Fast_GET_ITEM(fast, k));
        if (v == (unsigned long long)-1 && PyErr_Occurred()) {
            PyMem_Free(words);
            Py_DECREF(fast);
            return -1;
        }
        if (v > 0xFFFFFFFFULL) {
            PyMem_Free(words);
            Py_DECREF(fast);
            PyErr_SetString(PyExc_OverflowError, "regular expression code size limit exceeded");
            return -1;
        }
        words[k] = (uint32_t)v;
    }
    words[n] = OP_FAIL;
    Py_DECREF(fast);
    *out = words;
    return n;
}

static void program_dealloc(PyObject *self)
{
    ProgramObject *prog = (ProgramObject *)self;
    PyTypeObject *tp = Py_TYPE(self);
    PyMem_Free(prog->code);
    PyMem_Free(prog->prefix);
    tp->tp_free(self);
    Py_DECREF(tp);
}

/* Program(code, ngroups, nregs, is_bytes, prefix, firstpc, anchored) */
static PyObject *program_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *code, *prefix;
    Py_ssize_t ngroups, nregs, firstpc;
    int is_bytes, anchored;
    static char *kwlist[] = {"code", "ngroups", "nregs", "is_bytes", "prefix", "firstpc",
                             "anchored", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "Onnp Onp:Program", kwlist, &code, &ngroups,
                                     &nregs, &is_bytes, &prefix, &firstpc, &anchored)) {
        return NULL;
    }
    if (ngroups < 0 || ngroups > 0x3FFFFFFF || nregs < 2 * (ngroups + 1) + 1 ||
        nregs > 0x7FFFFFFF) {
        PyErr_SetString(PyExc_ValueError, "invalid regular expression program");
        return NULL;
    }
    ProgramObject *prog = (ProgramObject *)type->tp_alloc(type, 0);
    if (prog == NULL) {
        return NULL;
    }
    prog->ngroups = ngroups;
    prog->nregs = nregs;
    prog->is_bytes = is_bytes;
    prog->firstpc = firstpc;
    prog->anchored = anchored;
    prog->ncode = words_from_list(code, &prog->code);
    if (prog->ncode < 0) {
        Py_DECREF(prog);
        return NULL;
    }
    if (prefix != Py_None) {
        prog->nprefix = words_from_list(prefix, &prog->prefix);
        if (prog->nprefix < 0) {
            prog->nprefix = 0;
            Py_DECREF(prog);
            return NULL;
        }
    }
    if (program_link(prog) < 0) {
        Py_DECREF(prog);
        return NULL;
    }
    return (PyObject *)prog;
}

static PyMethodDef program_methods[] = {
    {"match", _PyCFunction_CAST(program_match), METH_FASTCALL,
     "match(string, pos, endpos, mode, noempty, pattern) -> re.Match or None"},
    {"findall", _PyCFunction_CAST(program_findall), METH_FASTCALL,
     "findall(string, pos, endpos) -> list"},
    {"finditer", _PyCFunction_CAST(program_finditer), METH_FASTCALL,
     "finditer(string, pos, endpos, pattern) -> iterator of re.Match"},
    {"split", _PyCFunction_CAST(program_split), METH_FASTCALL,
     "split(string, maxsplit) -> list"},
    {"sub", _PyCFunction_CAST(program_sub), METH_FASTCALL,
     "sub(template_or_callable, string, count, pattern) -> (result, n)"},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot program_slots[] = {
    {Py_tp_dealloc, program_dealloc},
    {Py_tp_doc, "A compiled regular expression program (immutable)."},
    {Py_tp_methods, program_methods},
    {Py_tp_new, program_new},
    {0, NULL},
};

static PyType_Spec program_spec = {
    .name = "_braid_sre.Program",
    .basicsize = sizeof(ProgramObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = program_slots,
};

/* ---------------------------------------------------------------- module */

static int sre_exec(PyObject *module)
{
    sre_state *state = PyModule_GetState(module);
    state->prog_type = PyType_FromModuleAndSpec(module, &program_spec, NULL);
    if (state->prog_type == NULL ||
        PyModule_AddType(module, (PyTypeObject *)state->prog_type) < 0) {
        return -1;
    }
    state->finditer_type = PyType_FromModuleAndSpec(module, &finditer_spec, NULL);
    if (state->finditer_type == NULL) {
        return -1;
    }
    state->match_type = PyType_FromModuleAndSpec(module, &match_spec, NULL);
    if (state->match_type == NULL ||
        PyModule_AddObjectRef(module, "Match", state->match_type) < 0) {
        return -1;
    }
    static const struct {
        const char *name;
        int value;
    } constants[] = {
        {"OP_FAIL", OP_FAIL}, {"OP_SUCCESS", OP_SUCCESS}, {"OP_CHAR", OP_CHAR},
        {"OP_CHAR_I", OP_CHAR_I}, {"OP_STR", OP_STR}, {"OP_ANY", OP_ANY},
        {"OP_ANY_ALL", OP_ANY_ALL}, {"OP_IN", OP_IN}, {"OP_AT", OP_AT}, {"OP_JUMP", OP_JUMP},
        {"OP_SPLIT", OP_SPLIT}, {"OP_SPLIT_LAZY", OP_SPLIT_LAZY},
        {"OP_GROUP_OPEN", OP_GROUP_OPEN}, {"OP_GROUP_CLOSE", OP_GROUP_CLOSE},
        {"OP_REPEAT_INIT", OP_REPEAT_INIT}, {"OP_REPEAT_HEAD", OP_REPEAT_HEAD},
        {"OP_REPEAT_ENTER", OP_REPEAT_ENTER}, {"OP_REPCHAR", OP_REPCHAR},
        {"OP_ATOMIC_START", OP_ATOMIC_START}, {"OP_ATOMIC_END", OP_ATOMIC_END},
        {"OP_LOOK_START", OP_LOOK_START}, {"OP_LOOK_END", OP_LOOK_END},
        {"OP_BACKREF", OP_BACKREF}, {"OP_GROUP_EXISTS", OP_GROUP_EXISTS},
        {"SET_NEGATE", SET_NEGATE}, {"SET_IGNORECASE", SET_IGNORECASE},
        {"SET_ASCII", SET_ASCII}, {"ITEM_CHAR", ITEM_CHAR}, {"ITEM_RANGE", ITEM_RANGE},
        {"ITEM_CAT", ITEM_CAT}, {"CAT_DIGIT", CAT_DIGIT}, {"CAT_NOT_DIGIT", CAT_NOT_DIGIT},
        {"CAT_WORD", CAT_WORD}, {"CAT_NOT_WORD", CAT_NOT_WORD}, {"CAT_SPACE", CAT_SPACE},
        {"CAT_NOT_SPACE", CAT_NOT_SPACE}, {"AT_BOL", AT_BOL}, {"AT_MBOL", AT_MBOL},
        {"AT_EOL", AT_EOL}, {"AT_MEOL", AT_MEOL}, {"AT_BEGIN", AT_BEGIN}, {"AT_END", AT_END},
        {"AT_BOUNDARY", AT_BOUNDARY}, {"AT_NONBOUNDARY", AT_NONBOUNDARY},
        {"AT_BOUNDARY_ASCII", AT_BOUNDARY_ASCII},
        {"AT_NONBOUNDARY_ASCII", AT_NONBOUNDARY_ASCII}, {"REP_GREEDY", REP_GREEDY},
        {"REP_LAZY", REP_LAZY}, {"REP_POSSESSIVE", REP_POSSESSIVE},
        {"MODE_SEARCH", MODE_SEARCH}, {"MODE_MATCH", MODE_MATCH},
        {"MODE_FULLMATCH", MODE_FULLMATCH},
    };
    for (size_t k = 0; k < sizeof(constants) / sizeof(constants[0]); k++) {
        if (PyModule_AddIntConstant(module, constants[k].name, constants[k].value) < 0) {
            return -1;
        }
    }
    return 0;
}

static int sre_traverse(PyObject *module, visitproc visit, void *arg)
{
    sre_state *state = PyModule_GetState(module);
    Py_VISIT(state->prog_type);
    Py_VISIT(state->match_type);
    Py_VISIT(state->finditer_type);
    return 0;
}

static int sre_clear(PyObject *module)
{
    sre_state *state = PyModule_GetState(module);
    Py_CLEAR(state->prog_type);
    Py_CLEAR(state->match_type);
    Py_CLEAR(state->finditer_type);
    return 0;
}

static PyModuleDef_Slot sre_slots[] = {
    {Py_mod_exec, sre_exec},
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef sre_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_braid_sre",
    .m_doc = "The regular expression matching engine of the re module (Braid).",
    .m_size = sizeof(sre_state),
    .m_slots = sre_slots,
    .m_traverse = sre_traverse,
    .m_clear = sre_clear,
};

PyMODINIT_FUNC
PyInit__braid_sre(void)
{
    return PyModuleDef_Init(&sre_module);
}
