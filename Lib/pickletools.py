"""Tools for looking inside pickles: genops() iterates over the opcodes of a pickle and
dis() prints a symbolic disassembly in the same layout as CPython 3.13.

This is a basic implementation: opcode documentation strings, optimize() and the
annotate option of dis() are not provided.
"""

import io
import sys
from struct import unpack

__all__ = ['dis', 'genops', 'opcodes', 'OpcodeInfo']


class OpcodeInfo:
    """Description of one pickle opcode: name, code (a 1-char str), the reader of
    its argument (or None) and the protocol that introduced it."""

    __slots__ = ('name', 'code', 'reader', 'proto')

    def __init__(self, name, code, reader, proto):
        self.name = name
        self.code = code
        self.reader = reader
        self.proto = proto

    def __repr__(self):
        return '<OpcodeInfo %s %r>' % (self.name, self.code)


# Argument readers.  Each takes a binary file and returns the decoded argument.

def _read_exact(f, n, what):
    data = f.read(n)
    if len(data) != n:
        raise ValueError("expected %d bytes in a %s, but only %d remain"
                         % (n, what, len(data)))
    return data


def _read_uint1(f):
    return _read_exact(f, 1, 'uint1')[0]


def _read_uint2(f):
    return unpack('<H', _read_exact(f, 2, 'uint2'))[0]


def _read_int4(f):
    return unpack('<i', _read_exact(f, 4, 'int4'))[0]


def _read_uint4(f):
    return unpack('<I', _read_exact(f, 4, 'uint4'))[0]


def _read_uint8(f):
    return unpack('<Q', _read_exact(f, 8, 'uint8'))[0]


def _read_line(f):
    data = f.readline()
    if not data.endswith(b'\n'):
        raise ValueError("no newline found when trying to read stringnl")
    return data[:-1]


def _read_decimalnl_short(f):
    data = _read_line(f)
    if data == b'00':
        return False
    if data == b'01':
        return True
    return int(data)


def _read_decimalnl_long(f):
    data = _read_line(f)
    if data.endswith(b'L'):
        data = data[:-1]
    return int(data)


def _read_floatnl(f):
    return float(_read_line(f))


def _read_float8(f):
    return unpack('>d', _read_exact(f, 8, 'float8'))[0]


def _read_stringnl(f):
    data = _read_line(f)
    if len(data) >= 2 and data[0] == data[-1] and data[:1] in (b'"', b"'"):
        data = data[1:-1]
    else:
        raise ValueError("string quote %r not found at both ends of %r"
                         % (data[:1], data))
    import codecs
    return codecs.escape_decode(data)[0].decode('latin-1')


def _read_stringnl_noescape(f):
    return _read_line(f).decode('utf-8')


def _read_stringnl_noescape_pair(f):
    return '%s %s' % (_read_stringnl_noescape(f), _read_stringnl_noescape(f))


def _read_unicodestringnl(f):
    return str(_read_line(f), 'raw-unicode-escape')


def _counted(size_reader, convert):
    def reader(f):
        n = size_reader(f)
        if n < 0:
            raise ValueError("negative byte count %d" % n)
        return convert(_read_exact(f, n, 'counted string'))
    return reader


def _utf8(data):
    return str(data, 'utf-8', 'surrogatepass')


def _latin1(data):
    return data.decode('latin-1')


def _long(data):
    return int.from_bytes(data, 'little', signed=True)


_OPCODE_TABLE = [
    # name, code, argument reader, protocol
    ('INT', 'I', _read_decimalnl_short, 0),
    ('BININT', 'J', _read_int4, 1),
    ('BININT1', 'K', _read_uint1, 1),
    ('BININT2', 'M', _read_uint2, 1),
    ('LONG', 'L', _read_decimalnl_long, 0),
    ('LONG1', '\x8a', _counted(_read_uint1, _long), 2),
    ('LONG4', '\x8b', _counted(_read_int4, _long), 2),
    ('STRING', 'S', _read_stringnl, 0),
    ('BINSTRING', 'T', _counted(_read_int4, _latin1), 1),
    ('SHORT_BINSTRING', 'U', _counted(_read_uint1, _latin1), 1),
    ('BINBYTES', 'B', _counted(_read_uint4, bytes), 3),
    ('SHORT_BINBYTES', 'C', _counted(_read_uint1, bytes), 3),
    ('BINBYTES8', '\x8e', _counted(_read_uint8, bytes), 4),
    ('BYTEARRAY8', '\x96', _counted(_read_uint8, bytearray), 5),
    ('NEXT_BUFFER', '\x97', None, 5),
    ('READONLY_BUFFER', '\x98', None, 5),
    ('NONE', 'N', None, 0),
    ('NEWTRUE', '\x88', None, 2),
    ('NEWFALSE', '\x89', None, 2),
    ('UNICODE', 'V', _read_unicodestringnl, 0),
    ('SHORT_BINUNICODE', '\x8c', _counted(_read_uint1, _utf8), 4),
    ('BINUNICODE', 'X', _counted(_read_uint4, _utf8), 1),
    ('BINUNICODE8', '\x8d', _counted(_read_uint8, _utf8), 4),
    ('FLOAT', 'F', _read_floatnl, 0),
    ('BINFLOAT', 'G', _read_float8, 1),
    ('EMPTY_LIST', ']', None, 1),
    ('APPEND', 'a', None, 0),
    ('APPENDS', 'e', None, 1),
    ('LIST', 'l', None, 0),
    ('EMPTY_TUPLE', ')', None, 1),
    ('TUPLE', 't', None, 0),
    ('TUPLE1', '\x85', None, 2),
    ('TUPLE2', '\x86', None, 2),
    ('TUPLE3', '\x87', None, 2),
    ('EMPTY_DICT', '}', None, 1),
    ('DICT', 'd', None, 0),
    ('SETITEM', 's', None, 0),
    ('SETITEMS', 'u', None, 1),
    ('EMPTY_SET', '\x8f', None, 4),
    ('ADDITEMS', '\x90', None, 4),
    ('FROZENSET', '\x91', None, 4),
    ('POP', '0', None, 0),
    ('DUP', '2', None, 0),
    ('MARK', '(', None, 0),
    ('POP_MARK', '1', None, 1),
    ('GET', 'g', _read_decimalnl_short, 0),
    ('BINGET', 'h', _read_uint1, 1),
    ('LONG_BINGET', 'j', _read_uint4, 1),
    ('PUT', 'p', _read_decimalnl_short, 0),
    ('BINPUT', 'q', _read_uint1, 1),
    ('LONG_BINPUT', 'r', _read_uint4, 1),
    ('MEMOIZE', '\x94', None, 4),
    ('EXT1', '\x82', _read_uint1, 2),
    ('EXT2', '\x83', _read_uint2, 2),
    ('EXT4', '\x84', _read_int4, 2),
    ('GLOBAL', 'c', _read_stringnl_noescape_pair, 0),
    ('STACK_GLOBAL', '\x93', None, 4),
    ('REDUCE', 'R', None, 0),
    ('BUILD', 'b', None, 0),
    ('INST', 'i', _read_stringnl_noescape_pair, 0),
    ('OBJ', 'o', None, 1),
    ('NEWOBJ', '\x81', None, 2),
    ('NEWOBJ_EX', '\x92', None, 4),
    ('PROTO', '\x80', _read_uint1, 2),
    ('STOP', '.', None, 0),
    ('FRAME', '\x95', _read_uint8, 4),
    ('PERSID', 'P', _read_stringnl_noescape, 0),
    ('BINPERSID', 'Q', None, 1),
]

opcodes = [OpcodeInfo(*row) for row in _OPCODE_TABLE]
_code2op = {op.code: op for op in opcodes}

# Opcodes that pop everything down to the topmost MARK.
_MARK_CONSUMERS = {'APPENDS', 'LIST', 'TUPLE', 'DICT', 'SETITEMS', 'ADDITEMS',
                   'FROZENSET', 'POP_MARK', 'INST', 'OBJ'}


# Net stack effect of the opcodes that do not just push one value.
_STACK_EFFECT = {
    'APPEND': -1, 'SETITEM': -2, 'TUPLE1': 0, 'TUPLE2': -1, 'TUPLE3': -2,
    'POP': -1, 'DUP': 1, 'PUT': 0, 'BINPUT': 0, 'LONG_BINPUT': 0, 'MEMOIZE': 0,
    'STACK_GLOBAL': -1, 'REDUCE': -1, 'BUILD': -1, 'NEWOBJ': -1, 'NEWOBJ_EX': -2,
    'PROTO': 0, 'STOP': -1, 'FRAME': 0, 'BINPERSID': 0, 'READONLY_BUFFER': 0,
}


def genops(pickle):
    """Yield (OpcodeInfo, argument or None, position or None) for each opcode of
    pickle (a bytes-like object or a binary file), stopping after STOP."""
    if isinstance(pickle, (bytes, bytearray)):
        pickle = io.BytesIO(pickle)
    getpos = getattr(pickle, 'tell', None)
    while True:
        pos = getpos() if getpos is not None else None
        code = pickle.read(1)
        if not code:
            raise ValueError("pickle exhausted before seeing STOP")
        op = _code2op.get(chr(code[0]))
        if op is None:
            raise ValueError("at position %s, opcode %r unknown"
                             % ("<unknown>" if pos is None else pos, code))
        arg = op.reader(pickle) if op.reader is not None else None
        yield op, arg, pos
        if op.name == 'STOP':
            return


def dis(pickle, out=None, memo=None, indentlevel=4, annotate=0):
    """Print a symbolic disassembly of pickle to out (default sys.stdout)."""
    if out is None:
        out = sys.stdout
    if memo is None:
        memo = {}
    markstack = []
    above_mark = [0]            # values pushed above each MARK (index 0: bottom)
    maxproto = -1
    indentchunk = ' ' * indentlevel
    for op, arg, pos in genops(pickle):
        if pos is not None:
            line = '%5d:' % pos
        else:
            line = ''
        line += ' %-4s %s%s' % (repr(op.code)[1:-1], indentchunk * len(markstack), op.name)
        maxproto = max(maxproto, op.proto)
        extra = []
        if arg is not None:
            extra.append(repr(arg))
        pops_mark = op.name in _MARK_CONSUMERS or (
            op.name == 'POP' and above_mark[-1] == 0 and bool(markstack))
        if pops_mark:
            if not markstack:
                raise ValueError("no MARK exists on stack")
            markpos = markstack.pop()
            above_mark.pop()
            extra.append('(MARK at %d)' % markpos if markpos is not None else '(MARK)')
            if op.name not in ('POP', 'POP_MARK'):
                above_mark[-1] += 1
        elif op.name == 'MARK':
            markstack.append(pos)
            above_mark.append(0)
        else:
            above_mark[-1] += _STACK_EFFECT.get(op.name, 1)
        if op.name == 'MEMOIZE':
            extra.append('(as %d)' % len(memo))
            memo[len(memo)] = None
        elif op.name in ('PUT', 'BINPUT', 'LONG_BINPUT'):
            if arg in memo:
                raise ValueError("memo key %r already defined" % arg)
            memo[arg] = None
        elif op.name in ('GET', 'BINGET', 'LONG_BINGET'):
            if arg not in memo:
                raise ValueError("memo key %r has never been stored into" % arg)
        if extra:
            line = '%s%s %s' % (line, ' ' * (10 - len(op.name)), ' '.join(extra))
        print(line, file=out)
    print("highest protocol among opcodes =", maxproto, file=out)
