"""Disassembler of Braid bytecode.

Braid's instruction set (Include/internal/pycore_opcode.h) uses CPython 3.13's opcode
names, but its own numbering, no inline caches, and its own line and exception table
encodings; this module decodes them.  The public functions follow CPython's ``dis``:
``dis()``, ``get_instructions()``, ``Bytecode``, ``findlinestarts()``, ``findlabels()``,
``code_info()``, ``show_code()``, ``stack_effect()``, ``opname`` and ``opmap``.
"""

import sys
import types
import collections

import _opcode

__all__ = ["code_info", "dis", "disassemble", "distb", "disco", "findlinestarts",
           "findlabels", "show_code", "get_instructions", "Instruction", "Bytecode",
           "Positions", "stack_effect", "opname", "opmap", "cmp_op", "hasconst", "hasname",
           "hasjrel", "hasjabs", "haslocal", "hasfree", "hasarg", "hasjump", "hasexc",
           "HAVE_ARGUMENT", "EXTENDED_ARG", "COMPILER_FLAG_NAMES", "pretty_flags"]

opname = _opcode.opnames()
opmap = {name: op for op, name in enumerate(opname) if not name.startswith("<")}

HAVE_ARGUMENT = _opcode.HAVE_ARGUMENT
EXTENDED_ARG = _opcode.EXTENDED_ARG

hasarg = [op for op in range(256) if _opcode.has_arg(op)]
hasconst = [op for op in range(256) if _opcode.has_const(op)]
hasname = [op for op in range(256) if _opcode.has_name(op)]
hasjump = [op for op in range(256) if _opcode.has_jump(op)]
hasjrel = hasjump
hasjabs = []
haslocal = [op for op in range(256) if _opcode.has_local(op)]
hasfree = [op for op in range(256) if _opcode.has_free(op)]
hasexc = []

cmp_op = ('<', '<=', '==', '!=', '>', '>=')

_nb_ops = [
    ("NB_ADD", "+"), ("NB_AND", "&"), ("NB_FLOOR_DIVIDE", "//"), ("NB_LSHIFT", "<<"),
    ("NB_MATRIX_MULTIPLY", "@"), ("NB_MULTIPLY", "*"), ("NB_REMAINDER", "%"),
    ("NB_OR", "|"), ("NB_POWER", "**"), ("NB_RSHIFT", ">>"), ("NB_SUBTRACT", "-"),
    ("NB_TRUE_DIVIDE", "/"), ("NB_XOR", "^"), ("NB_INPLACE_ADD", "+="),
    ("NB_INPLACE_AND", "&="), ("NB_INPLACE_FLOOR_DIVIDE", "//="),
    ("NB_INPLACE_LSHIFT", "<<="), ("NB_INPLACE_MATRIX_MULTIPLY", "@="),
    ("NB_INPLACE_MULTIPLY", "*="), ("NB_INPLACE_REMAINDER", "%="),
    ("NB_INPLACE_OR", "|="), ("NB_INPLACE_POWER", "**="), ("NB_INPLACE_RSHIFT", ">>="),
    ("NB_INPLACE_SUBTRACT", "-="), ("NB_INPLACE_TRUE_DIVIDE", "/="),
    ("NB_INPLACE_XOR", "^="),
]

_intrinsic1_names = [
    "INTRINSIC_1_INVALID", "INTRINSIC_PRINT", "INTRINSIC_IMPORT_STAR",
    "INTRINSIC_STOPITERATION_ERROR", "INTRINSIC_ASYNC_GEN_WRAP", "INTRINSIC_UNARY_POSITIVE",
    "INTRINSIC_LIST_TO_TUPLE", "INTRINSIC_TYPEVAR", "INTRINSIC_PARAMSPEC",
    "INTRINSIC_TYPEVARTUPLE", "INTRINSIC_SUBSCRIPT_GENERIC", "INTRINSIC_TYPEALIAS",
]
_intrinsic2_names = [
    "INTRINSIC_2_INVALID", "INTRINSIC_PREP_RERAISE_STAR", "INTRINSIC_TYPEVAR_WITH_BOUND",
    "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS", "INTRINSIC_SET_FUNCTION_TYPE_PARAMS",
    "INTRINSIC_SET_TYPEPARAM_DEFAULT",
]
_function_attributes = [(0x01, "defaults"), (0x02, "kwdefaults"), (0x04, "annotations"),
                        (0x08, "closure")]
_conversions = {1: "str", 2: "repr", 3: "ascii"}

_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5

_BACKWARD = {opmap.get("JUMP_BACKWARD"), opmap.get("JUMP_BACKWARD_NO_INTERRUPT")}

COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED", 2: "NEWLOCALS", 4: "VARARGS", 8: "VARKEYWORDS", 16: "NESTED",
    32: "GENERATOR", 64: "NOFREE", 128: "COROUTINE", 256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}


def pretty_flags(flags):
    """Return pretty representation of code flags."""
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def stack_effect(opcode, oparg=None, *, jump=None):
    """Compute the stack effect of opcode with argument oparg."""
    return _opcode.stack_effect(opcode, oparg, jump=jump)


Positions = collections.namedtuple(
    "Positions", ["lineno", "end_lineno", "col_offset", "end_col_offset"],
    defaults=[None] * 4)

_Instruction = collections.namedtuple(
    "_Instruction",
    ["opname", "opcode", "arg", "argval", "argrepr", "offset", "start_offset",
     "starts_line", "line_number", "label", "positions", "cache_info"],
    defaults=[None, None, None])


class Instruction(_Instruction):
    """Details for a bytecode operation."""

    @property
    def oparg(self):
        """Alias for the arg field."""
        return self.arg

    @property
    def baseopcode(self):
        return self.opcode

    @property
    def baseopname(self):
        return self.opname

    @property
    def cache_offset(self):
        return self.offset + 2

    @property
    def end_offset(self):
        return self.offset + 2

    @property
    def jump_target(self):
        """Bytecode offset of the jump target if this is a jump, else None."""
        if self.opcode in hasjump:
            return self.argval
        return None

    @property
    def is_jump_target(self):
        """True if other code jumps to this instruction."""
        return self.label is not None

    def _disassemble(self, lineno_width=3, mark_as_current=False, offset_width=0,
                     label_width=0):
        fields = []
        if lineno_width:
            if self.starts_line:
                lineno = "None" if self.line_number is None else str(self.line_number)
                fields.append(lineno.rjust(lineno_width))
            else:
                fields.append(" " * lineno_width)
        if self.label is not None:
            fields.append(("L%d:" % self.label).rjust(label_width))
        else:
            fields.append(" " * label_width)
        if offset_width:
            fields.append(repr(self.offset).rjust(offset_width) + "  ")
        fields.append("-->" if mark_as_current else "   ")
        fields.append(self.opname.ljust(_OPNAME_WIDTH))
        if self.arg is not None:
            excess = max(0, len(self.opname) - _OPNAME_WIDTH)
            fields.append(repr(self.arg).rjust(_OPARG_WIDTH - excess))
            if self.argrepr:
                fields.append("(" + self.argrepr + ")")
        return " ".join(fields).rstrip()

    def __str__(self):
        return self._disassemble()


def _read_varint(data, pos):
    value = shift = 0
    while pos < len(data):
        b = data[pos]
        pos += 1
        value |= (b & 0x7f) << shift
        if not b & 0x80:
            return value, pos
        shift += 7
    return 0, pos


def _read_svarint(data, pos):
    zz, pos = _read_varint(data, pos)
    if zz & 1:
        return -(zz >> 1) - 1, pos
    return zz >> 1, pos


def _parse_exception_table(code):
    """List of (start, end, target, depth, lasti) in byte offsets."""
    data = code.co_exceptiontable
    entries = []
    pos = 0
    while pos < len(data):
        start, pos = _read_varint(data, pos)
        size, pos = _read_varint(data, pos)
        target, pos = _read_varint(data, pos)
        dl, pos = _read_varint(data, pos)
        entries.append((start * 2, (start + size) * 2, target * 2, dl >> 1, bool(dl & 1)))
    return entries


def _localsplus_names(code):
    varnames = code.co_varnames
    cells = [c for c in code.co_cellvars if c not in varnames]
    return tuple(varnames) + tuple(cells) + tuple(code.co_freevars)


_NOT_A_LINE = object()


def findlinestarts(code):
    """Find the offsets in a byte code which are start of lines in the source.

    Generate pairs (offset, lineno) as described in Python/compile.c.
    """
    lastline = _NOT_A_LINE
    for start, end, line in code.co_lines():
        if lastline is _NOT_A_LINE or line != lastline:
            lastline = line
            if line is not None:
                yield start, line


def _jump_target(op, arg, offset):
    if op in _BACKWARD:
        return offset + 2 - arg * 2
    return offset + 2 + arg * 2


def findlabels(code):
    """Detect all offsets in a byte code which are jump targets."""
    labels = set()
    for offset, op, arg in _unpack_opargs(code.co_code):
        if op in hasjump:
            labels.add(_jump_target(op, arg, offset))
    return sorted(labels)


def _unpack_opargs(code):
    extended_arg = 0
    for i in range(0, len(code), 2):
        op = code[i]
        if op >= HAVE_ARGUMENT:
            arg = code[i + 1] | extended_arg
            extended_arg = (arg << 8) if op == EXTENDED_ARG else 0
        else:
            arg = None
            extended_arg = 0
        yield i, op, arg


def _get_code_object(x):
    """Helper to handle methods, compiled or raw code objects, and strings."""
    if hasattr(x, "__func__"):
        x = x.__func__
    if hasattr(x, "__code__"):
        x = x.__code__
    elif hasattr(x, "gi_code"):
        x = x.gi_code
    elif hasattr(x, "ag_code"):
        x = x.ag_code
    elif hasattr(x, "cr_code"):
        x = x.cr_code
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if hasattr(x, "co_code"):
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def _try_compile(source, name):
    try:
        return compile(source, name, "eval")
    except SyntaxError:
        pass
    return compile(source, name, "exec")


def _argval_argrepr(code, op, arg, offset, labels_map, names, localsplus):
    if arg is None:
        return None, ""
    name = opname[op]
    if op in hasconst:
        value = code.co_consts[arg]
        return value, repr(value)
    if op in hasname:
        if name == "LOAD_GLOBAL":
            value = names[arg >> 1]
            return value, ("NULL + " + value) if arg & 1 else value
        if name == "LOAD_ATTR":
            value = names[arg >> 1]
            return value, (value + " + NULL|self") if arg & 1 else value
        if name == "LOAD_SUPER_ATTR":
            value = names[arg >> 2]
            return value, (value + " + NULL|self") if arg & 1 else value
        value = names[arg]
        return value, value
    if op in haslocal or op in hasfree or name == "LOAD_CLOSURE":
        value = localsplus[arg] if arg < len(localsplus) else arg
        return value, str(value)
    if op in hasjump:
        target = _jump_target(op, arg, offset)
        label = labels_map.get(target)
        return target, ("to L%d" % label) if label is not None else "to %d" % target
    if name == "COMPARE_OP":
        return cmp_op[arg] if arg < len(cmp_op) else arg, (cmp_op[arg] if arg < 6 else "")
    if name == "BINARY_OP":
        return arg, _nb_ops[arg][1] if arg < len(_nb_ops) else ""
    if name == "IS_OP":
        return arg, "is not" if arg else "is"
    if name == "CONTAINS_OP":
        return arg, "not in" if arg else "in"
    if name == "CONVERT_VALUE":
        return arg, _conversions.get(arg, "")
    if name == "CALL_INTRINSIC_1":
        return arg, _intrinsic1_names[arg] if arg < len(_intrinsic1_names) else ""
    if name == "CALL_INTRINSIC_2":
        return arg, _intrinsic2_names[arg] if arg < len(_intrinsic2_names) else ""
    if name == "SET_FUNCTION_ATTRIBUTE":
        return arg, ", ".join(n for bit, n in _function_attributes if arg & bit)
    return arg, ""


def _make_labels_map(code):
    targets = set(findlabels(code))
    for start, end, target, depth, lasti in _parse_exception_table(code):
        targets.add(start)
        targets.add(target)
        if end < len(code.co_code):
            targets.add(end)
    return {offset: i + 1 for i, offset in enumerate(sorted(targets))}


def _get_instructions(code, first_line=None):
    labels_map = _make_labels_map(code)
    linestarts = dict(findlinestarts(code))
    positions = list(code.co_positions())
    names = code.co_names
    localsplus = _localsplus_names(code)
    line_offset = 0 if first_line is None else first_line - code.co_firstlineno
    starts_line = False
    line_number = None
    start_offset = 0
    for offset, op, arg in _unpack_opargs(code.co_code):
        if offset in linestarts:
            starts_line = True
            line_number = linestarts[offset] + line_offset
        if op == EXTENDED_ARG and offset + 2 < len(code.co_code):
            continue
        argval, argrepr = _argval_argrepr(code, op, arg, offset, labels_map, names,
                                          localsplus)
        pos = positions[offset // 2] if offset // 2 < len(positions) else ()
        yield Instruction(opname[op], op, arg, argval, argrepr, offset, start_offset,
                          starts_line, line_number, labels_map.get(start_offset),
                          Positions(*pos))
        starts_line = False
        start_offset = offset + 2


def get_instructions(x, *, first_line=None, show_caches=None, adaptive=False):
    """Iterator for the opcodes in methods, functions or code."""
    return _get_instructions(_get_code_object(x), first_line)


def _disassemble_code(co, file, depth, show_offsets, lasti=-1):
    instrs = list(_get_instructions(co))
    labels_map = _make_labels_map(co)
    maxline = max((i.line_number or 0) for i in instrs) if instrs else 0
    lineno_width = max(3, len(str(maxline)))
    label_width = 4 + len(str(len(labels_map)))
    offset_width = len(str(max(len(co.co_code) - 2, 9999))) if show_offsets else 0
    for instr in instrs:
        if instr.starts_line and instr.offset > 0:
            print(file=file)
        print(instr._disassemble(lineno_width, instr.offset == lasti, offset_width,
                                 label_width), file=file)
    table = _parse_exception_table(co)
    if table:
        def lab(off):
            return "L%d" % labels_map[off] if off in labels_map else str(off)
        print("ExceptionTable:", file=file)
        for start, end, target, d, lasti_flag in table:
            print("  %s to %s -> %s [%d]%s" % (lab(start), lab(end), lab(target), d,
                                              " lasti" if lasti_flag else ""), file=file)


def _disassemble_recursive(co, *, file=None, depth=None, show_offsets=False):
    _disassemble_code(co, file, depth, show_offsets)
    if depth is None or depth > 0:
        if depth is not None:
            depth = depth - 1
        for x in co.co_consts:
            if hasattr(x, "co_code"):
                print(file=file)
                print("Disassembly of %r:" % (x,), file=file)
                _disassemble_recursive(x, file=file, depth=depth, show_offsets=show_offsets)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False,
                show_offsets=False):
    """Disassemble a code object."""
    _disassemble_code(co, file, None, show_offsets, lasti)


disco = disassemble


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False,
        show_offsets=False):
    """Disassemble classes, methods, functions, generators, code objects or source."""
    if x is None:
        distb(file=file, show_offsets=show_offsets)
        return
    if hasattr(x, "__func__"):
        x = x.__func__
    if hasattr(x, "__code__"):
        x = x.__code__
    elif hasattr(x, "gi_code"):
        x = x.gi_code
    elif hasattr(x, "ag_code"):
        x = x.ag_code
    elif hasattr(x, "cr_code"):
        x = x.cr_code
    if hasattr(x, "__dict__") and not hasattr(x, "co_code"):
        items = sorted(x.__dict__.items())
        for name, x1 in items:
            if isinstance(x1, (types.MethodType, types.FunctionType, classmethod,
                               staticmethod, type)):
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(x1, file=file, depth=depth, show_offsets=show_offsets)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    elif hasattr(x, "co_code"):
        _disassemble_recursive(x, file=file, depth=depth, show_offsets=show_offsets)
    elif isinstance(x, (bytes, bytearray)):
        for offset, op, arg in _unpack_opargs(x):
            line = "%6d %-24s" % (offset, opname[op])
            if arg is not None:
                line += " %5d" % arg
            print(line.rstrip(), file=file)
    elif isinstance(x, str):
        _disassemble_recursive(_try_compile(x, "<dis>"), file=file, depth=depth,
                               show_offsets=show_offsets)
    else:
        raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False, show_offsets=False):
    """Disassemble a traceback (default: last traceback)."""
    if tb is None:
        try:
            tb = sys.last_exc.__traceback__
        except AttributeError:
            try:
                tb = sys.last_traceback
            except AttributeError:
                raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file, show_offsets=show_offsets)


def _format_code_info(co):
    lines = []
    lines.append("Name:              %s" % (co.co_name,))
    lines.append("Filename:          %s" % (co.co_filename,))
    lines.append("Argument count:    %s" % (co.co_argcount,))
    lines.append("Positional-only arguments: %s" % (co.co_posonlyargcount,))
    lines.append("Kw-only arguments: %s" % (co.co_kwonlyargcount,))
    lines.append("Number of locals:  %s" % (co.co_nlocals,))
    lines.append("Stack size:        %s" % (co.co_stacksize,))
    lines.append("Flags:             %s" % (pretty_flags(co.co_flags),))
    if co.co_consts:
        lines.append("Constants:")
        for i_c in enumerate(co.co_consts):
            lines.append("%4d: %r" % i_c)
    if co.co_names:
        lines.append("Names:")
        for i_n in enumerate(co.co_names):
            lines.append("%4d: %s" % i_n)
    if co.co_varnames:
        lines.append("Variable names:")
        for i_n in enumerate(co.co_varnames):
            lines.append("%4d: %s" % i_n)
    if co.co_freevars:
        lines.append("Free variables:")
        for i_n in enumerate(co.co_freevars):
            lines.append("%4d: %s" % i_n)
    if co.co_cellvars:
        lines.append("Cell variables:")
        for i_n in enumerate(co.co_cellvars):
            lines.append("%4d: %s" % i_n)
    return "\n".join(lines)


def code_info(x):
    """Formatted details of methods, functions, or code."""
    return _format_code_info(_get_code_object(x))


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to *file*."""
    print(code_info(co), file=file)


class Bytecode:
    """The bytecode operations of a piece of code, iterable as Instruction objects."""

    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False,
                 adaptive=False, show_offsets=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._original_object = x
        self.current_offset = current_offset
        self.show_offsets = show_offsets
        self.exception_entries = _parse_exception_table(co)

    def __iter__(self):
        return _get_instructions(self.codeobj, self.first_line)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """Construct a Bytecode from the given traceback."""
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti)

    def info(self):
        """Return formatted information about the code object."""
        return _format_code_info(self.codeobj)

    def dis(self):
        """Return a formatted view of the bytecode operations."""
        import io
        output = io.StringIO()
        lasti = self.current_offset if self.current_offset is not None else -1
        _disassemble_code(self.codeobj, output, None, self.show_offsets, lasti)
        return output.getvalue()


def main():
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument("infile", nargs="?", default="-")
    args = parser.parse_args()
    if args.infile == "-":
        name = "<stdin>"
        source = sys.stdin.buffer.read()
    else:
        name = args.infile
        with open(args.infile, "rb") as infile:
            source = infile.read()
    code = compile(source, name, "exec")
    dis(code)


if __name__ == "__main__":
    main()
