"""Compile a parsed pattern (re._parser's node tree) into a program for _braid_sre.

The program is a flat list of unsigned 32-bit words; the opcodes and their operands are
documented in Modules/_sremodule.c, which also exports their numeric values.
"""

import _braid_sre as _sre
from re._parser import I, L, A, M, MAXREPEAT

_CATS = {'d': _sre.CAT_DIGIT, 'D': _sre.CAT_NOT_DIGIT, 'w': _sre.CAT_WORD,
         'W': _sre.CAT_NOT_WORD, 's': _sre.CAT_SPACE, 'S': _sre.CAT_NOT_SPACE}
_ATS = {'bol': _sre.AT_BOL, 'mbol': _sre.AT_MBOL, 'eol': _sre.AT_EOL, 'meol': _sre.AT_MEOL,
        'begin': _sre.AT_BEGIN, 'end': _sre.AT_END}
_MODES = {'greedy': _sre.REP_GREEDY, 'lazy': _sre.REP_LAZY, 'poss': _sre.REP_POSSESSIVE}
_SINGLE = frozenset(('lit', 'any', 'set', 'cat'))
_CHAR_OPS = frozenset((_sre.OP_CHAR, _sre.OP_CHAR_I, _sre.OP_IN))


def _ascii(flags):
    return 1 if flags & (A | L) else 0


def _merge_literals(items):
    """Join runs of single literals in a sequence into ('str', text) nodes."""
    out = []
    buf = []
    for n in items:
        if n[0] == 'lit':
            buf.append(n[1])
            continue
        if buf:
            out.append(('str', ''.join(buf)) if len(buf) > 1 else ('lit', buf[0]))
            buf = []
        out.append(n)
    if buf:
        out.append(('str', ''.join(buf)) if len(buf) > 1 else ('lit', buf[0]))
    return out


def _set_words(neg, items, icase, ascii):
    """Return the words of an OP_IN instruction (bitmap left to the engine)."""
    body = []
    for it in items:
        if it[0] == 'chars':
            body += [_sre.ITEM_CHAR, ord(it[1])]
        elif it[0] == 'range':
            body += [_sre.ITEM_RANGE, ord(it[1]), ord(it[2])]
        else:
            body += [_sre.ITEM_CAT, _CATS[it[1]] * 2 + _ascii(it[2])]
    flags = ((_sre.SET_NEGATE if neg else 0) | (_sre.SET_IGNORECASE if icase else 0)
             | (_sre.SET_ASCII if ascii else 0))
    return [_sre.OP_IN, 11 + len(body), flags] + [0] * 8 + body


class _Compiler:
    def __init__(self, ngroups, flags):
        self.code = []
        self.ngroups = ngroups
        self.flags = flags
        self.lastindex = 2 * (ngroups + 1)
        self.nregs = self.lastindex + 1
        self.pending = {}

    def reg(self, n=1):
        r = self.nregs
        self.nregs += n
        return r

    def char_words(self, node):
        """Words of the single-character op for node (lit, any, set, cat)."""
        t = node[0]
        if t == 'lit':
            return [_sre.OP_CHAR, ord(node[1])]
        if t == 'any':
            return [_sre.OP_ANY_ALL if node[1] else _sre.OP_ANY]
        if t == 'cat':
            return _set_words(False, [node], False, _ascii(node[2]))
        _, neg, items, flags = node
        icase = bool(flags & I)
        if not neg and len(items) == 1 and items[0][0] == 'chars':
            if icase:
                return [_sre.OP_CHAR_I, ord(items[0][1]), _ascii(flags), 0, 0]
            return [_sre.OP_CHAR, ord(items[0][1])]
        return _set_words(neg, items, icase, _ascii(flags))

    def emit(self, node):
        code = self.code
        t = node[0]
        if t in _SINGLE:
            code += self.char_words(node)
        elif t == 'str':
            code += [_sre.OP_STR, len(node[1])] + [ord(c) for c in node[1]]
        elif t == 'empty':
            pass
        elif t == 'seq':
            for n in _merge_literals(node[1]):
                self.emit(n)
        elif t == 'alt':
            self.emit_alt(node[1])
        elif t == 'at':
            self.emit_at(node)
        elif t == 'group':
            g = node[1]
            pending = self.reg()
            code += [_sre.OP_GROUP_OPEN, pending]
            self.emit(node[2])
            code += [_sre.OP_GROUP_CLOSE, g, pending, self.lastindex]
        elif t == 'rep':
            self.emit_rep(node)
        elif t == 'backref':
            code += [_sre.OP_BACKREF, node[1], 1 if node[2] else 0, _ascii(self.flags)]
        elif t == 'look':
            _, ahead, neg, body, width = node
            r = self.reg(2)
            at = len(code)
            code += [_sre.OP_LOOK_START, r, 0 if ahead else width, int(neg), int(not ahead), 0]
            self.emit(body)
            code += [_sre.OP_LOOK_END, r, int(neg), int(not ahead)]
            code[at + 5] = len(code)
        elif t == 'atomic':
            self.emit_atomic(node[1])
        elif t == 'cond':
            _, g, yes, no = node
            at = len(code)
            code += [_sre.OP_GROUP_EXISTS, g, 0]
            self.emit(yes)
            jump = len(code)
            code += [_sre.OP_JUMP, 0]
            code[at + 2] = len(code)
            self.emit(no)
            code[jump + 1] = len(code)
        else:
            raise AssertionError('unknown node %r' % (t,))

    def emit_at(self, node):
        kind = node[1]
        if kind in _ATS:
            self.code += [_sre.OP_AT, _ATS[kind]]
            return
        ascii = _ascii(node[2])
        if kind == 'boundary':
            k = _sre.AT_BOUNDARY_ASCII if ascii else _sre.AT_BOUNDARY
        else:
            k = _sre.AT_NONBOUNDARY_ASCII if ascii else _sre.AT_NONBOUNDARY
        self.code += [_sre.OP_AT, k]

    def emit_alt(self, branches):
        code = self.code
        jumps = []
        for k, b in enumerate(branches):
            if k < len(branches) - 1:
                split = len(code)
                code += [_sre.OP_SPLIT, 0]
                self.emit(b)
                jumps.append(len(code))
                code += [_sre.OP_JUMP, 0]
                code[split + 1] = len(code)
            else:
                self.emit(b)
        for j in jumps:
            code[j + 1] = len(code)

    def emit_atomic(self, body):
        r = self.reg()
        self.code += [_sre.OP_ATOMIC_START, r]
        self.emit(body)
        self.code += [_sre.OP_ATOMIC_END, r]

    def emit_rep(self, node):
        _, mn, mx, mode, body, _ = node
        code = self.code
        if mx == 0:
            return
        if body[0] in _SINGLE:
            inner = self.char_words(body)
            code += [_sre.OP_REPCHAR, mn, mx, _MODES[mode], len(inner)] + inner
            return
        if mode == 'poss':
            self.emit_atomic(('rep', mn, mx, 'greedy', body, True))
            return
        if mn == 1 and mx == 1:
            self.emit(body)
            return
        if mn == 0 and mx == 1:
            at = len(code)
            code += [_sre.OP_SPLIT if mode == 'greedy' else _sre.OP_SPLIT_LAZY, 0]
            self.emit(body)
            code[at + 1] = len(code)
            return
        r = self.reg(2)
        code += [_sre.OP_REPEAT_INIT, r]
        head = len(code)
        code += [_sre.OP_REPEAT_HEAD, r, mn, mx, _MODES[mode], 0,
                 _sre.OP_REPEAT_ENTER, r]
        self.emit(body)
        code += [_sre.OP_JUMP, head]
        code[head + 5] = len(code)


def _first_chars(node):
    """Return (chars, ignorecase, ascii): every match of node starts with one of chars (under
    case folding if ignorecase, ASCII-only folding if ascii), or None if unknown."""
    t = node[0]
    if t == 'lit':
        return {node[1]}, False, True
    if t == 'str':
        return {node[1][0]}, False, True
    if t == 'set':
        _, neg, items, flags = node
        if neg or any(it[0] != 'chars' for it in items):
            return None
        return {it[1] for it in items}, bool(flags & I), bool(_ascii(flags))
    if t == 'group':
        return _first_chars(node[2])
    if t == 'atomic':
        return _first_chars(node[1])
    if t == 'seq':
        for item in node[1]:
            # zero-width items do not move the position: look past them
            if item[0] not in ('at', 'look', 'empty'):
                return _first_chars(item)
        return None
    if t == 'rep':
        return _first_chars(node[4]) if node[1] >= 1 else None
    if t == 'alt':
        chars = set()
        icase = False
        ascii = True
        for b in node[1]:
            f = _first_chars(b)
            if f is None:
                return None
            chars |= f[0]
            if f[1]:
                icase = True
                ascii = ascii and f[2]
        return chars, icase, ascii
    return None


def compile_program(node, ngroups, flags, is_bytes):
    """Return a _braid_sre.Program for the parsed pattern."""
    c = _Compiler(ngroups, flags)
    c.emit(node)
    c.code.append(_sre.OP_SUCCESS)
    code = c.code
    # Search fast paths: a literal prefix, a first-character test, or an anchor.
    prefix = []
    firstpc = -1
    anchored = False
    pc = 0
    while pc < len(code):
        op = code[pc]
        if op == _sre.OP_GROUP_OPEN:
            pc += 2
        elif op == _sre.OP_GROUP_CLOSE:
            pc += 4
        elif op == _sre.OP_CHAR:
            prefix.append(code[pc + 1])
            pc += 2
        elif op == _sre.OP_STR:
            prefix += code[pc + 2:pc + 2 + code[pc + 1]]
            pc += 2 + code[pc + 1]
        else:
            if not prefix:
                if op in _CHAR_OPS:
                    firstpc = pc
                elif op == _sre.OP_REPCHAR and code[pc + 1] >= 1 and code[pc + 5] in _CHAR_OPS:
                    firstpc = pc + 5
                elif op == _sre.OP_AT and code[pc + 1] in (_sre.AT_BOL, _sre.AT_BEGIN):
                    anchored = True
            break
    if not prefix and firstpc < 0 and not anchored:
        first = _first_chars(node)
        if first is not None and 0 < len(first[0]) <= 64:
            chars, icase, ascii = first
            firstpc = len(code)
            code += _set_words(False, [('chars', ch) for ch in sorted(chars)], icase, ascii)
    return _sre.Program(code, ngroups, c.nregs, is_bytes, prefix or None, firstpc, anchored)
