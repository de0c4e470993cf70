"""Abstract Syntax Trees: helpers around the node classes of the _ast module.

parse() compiles source to a tree of AST nodes, literal_eval() evaluates a tree (or
source) holding only literals, dump() formats a tree, walk()/NodeVisitor/NodeTransformer
traverse one, and the location helpers copy or fix line and column numbers.  Braid has no
ast.unparse().
"""

from _ast import *  # noqa: F401,F403
from _ast import (AST, Add, AsyncFunctionDef, BinOp, Call, ClassDef, Constant, Dict, Expr,
                  Expression, FunctionDef, List, MatchSingleton, Module, Name, Set, Sub,
                  Tuple, TypeIgnore, UAdd, UnaryOp, USub, PyCF_ONLY_AST,
                  PyCF_OPTIMIZED_AST, PyCF_TYPE_COMMENTS)


def parse(source, filename='<unknown>', mode='exec', *, type_comments=False,
          feature_version=None, optimize=-1):
    """Compile source (str, bytes or an AST) to an abstract syntax tree.

    mode is 'exec', 'eval', 'single' or 'func_type', as for compile(); type_comments=True
    keeps type comments; optimize > 0 returns the tree after constant folding."""
    flags = PyCF_ONLY_AST
    if optimize > 0:
        flags |= PyCF_OPTIMIZED_AST
    if type_comments:
        flags |= PyCF_TYPE_COMMENTS
    if feature_version is not None and not isinstance(feature_version, tuple):
        raise TypeError('feature_version must be a tuple (major, minor)')
    return compile(source, filename, mode, flags, optimize=optimize)


def literal_eval(node_or_string):
    """Evaluate a tree, or a string of source, that holds only a literal.

    Literals are str, bytes, numbers (with a sign, and complex written as real +/-
    imaginary), tuples, lists, dicts, sets (and set()), True, False, None and Ellipsis.
    Anything else raises ValueError ("malformed node or string")."""
    if isinstance(node_or_string, str):
        node_or_string = parse(node_or_string.lstrip(' \t'), mode='eval')
    if isinstance(node_or_string, Expression):
        node_or_string = node_or_string.body

    def _raise_malformed_node(node):
        msg = 'malformed node or string'
        lno = getattr(node, 'lineno', None)
        if lno:
            msg += f' on line {lno}'
        raise ValueError(msg + f': {node!r}')

    def _convert_num(node):
        if not isinstance(node, Constant) or type(node.value) not in (int, float, complex):
            _raise_malformed_node(node)
        return node.value

    def _convert_signed_num(node):
        if isinstance(node, UnaryOp) and isinstance(node.op, (UAdd, USub)):
            operand = _convert_num(node.operand)
            if isinstance(node.op, UAdd):
                return + operand
            return - operand
        return _convert_num(node)

    def _convert(node):
        if isinstance(node, Constant):
            return node.value
        if isinstance(node, Tuple):
            return tuple(map(_convert, node.elts))
        if isinstance(node, List):
            return list(map(_convert, node.elts))
        if isinstance(node, Set):
            return set(map(_convert, node.elts))
        if (isinstance(node, Call) and isinstance(node.func, Name) and
                node.func.id == 'set' and node.args == node.keywords == []):
            return set()
        if isinstance(node, Dict):
            if len(node.keys) != len(node.values):
                _raise_malformed_node(node)
            return dict(zip(map(_convert, node.keys), map(_convert, node.values)))
        if isinstance(node, BinOp) and isinstance(node.op, (Add, Sub)):
            left = _convert_signed_num(node.left)
            right = _convert_num(node.right)
            if isinstance(left, (int, float)) and isinstance(right, complex):
                if isinstance(node.op, Add):
                    return left + right
                return left - right
        return _convert_signed_num(node)
    return _convert(node_or_string)


# Fields whose value None is a real value (the ASDL type 'constant'), shown by dump().
_NONE_IS_VALUE = {(Constant, 'value'), (MatchSingleton, 'value')}


def dump(node, annotate_fields=True, include_attributes=False, *, indent=None,
         show_empty=False):
    """Return the tree as a string of constructor calls, for debugging.

    Fields are named unless annotate_fields is false; location attributes are shown with
    include_attributes; indent (a number of spaces or a string) puts each field on its own
    line.  Optional fields that are None are left out; so are empty lists, unless
    show_empty is true."""
    def _format(node, level=0):
        if indent is not None:
            level += 1
            prefix = '\n' + indent * level
            sep = ',\n' + indent * level
        else:
            prefix = ''
            sep = ', '
        if isinstance(node, AST):
            cls = type(node)
            args = []
            # Empty values are held back: shown only if a later field is shown
            # positionally (annotate_fields=False), else dropped.
            held_back = []
            allsimple = True
            keywords = annotate_fields
            for name in node._fields:
                try:
                    value = getattr(node, name)
                except AttributeError:
                    keywords = True
                    continue
                if value is None and (cls, name) not in _NONE_IS_VALUE:
                    # An optional field that is absent.
                    keywords = True
                    continue
                if not show_empty and (value is None or value == []) and \
                        cls not in (Constant, MatchSingleton):
                    held_back.append(repr(value))
                    continue
                if not keywords:
                    args.extend(held_back)
                    held_back = []
                value, simple = _format(value, level)
                allsimple = allsimple and simple
                if keywords:
                    args.append('%s=%s' % (name, value))
                else:
                    args.append(value)
            if include_attributes and node._attributes:
                for name in node._attributes:
                    try:
                        value = getattr(node, name)
                    except AttributeError:
                        continue
                    if value is None and getattr(cls, name, ...) is None:
                        continue
                    value, simple = _format(value, level)
                    allsimple = allsimple and simple
                    args.append('%s=%s' % (name, value))
            if allsimple and len(args) <= 3:
                return '%s(%s)' % (node.__class__.__name__, ', '.join(args)), not args
            return '%s(%s%s)' % (node.__class__.__name__, prefix, sep.join(args)), False
        elif isinstance(node, list):
            if not node:
                return '[]', True
            return '[%s%s]' % (prefix, sep.join(_format(x, level)[0] for x in node)), False
        return repr(node), True

    if not isinstance(node, AST):
        raise TypeError('expected AST, got %r' % node.__class__.__name__)
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent
    return _format(node)[0]


def copy_location(new_node, old_node):
    """Copy lineno, col_offset, end_lineno and end_col_offset from old_node to
    new_node (where both have them) and return new_node."""
    for attr in 'lineno', 'col_offset', 'end_lineno', 'end_col_offset':
        if attr in old_node._attributes and attr in new_node._attributes:
            value = getattr(old_node, attr, None)
            # end_lineno and end_col_offset are optional attributes, and they should be
            # copied whether the value is None or not.
            if value is not None or (hasattr(old_node, attr) and attr.startswith('end_')):
                setattr(new_node, attr, value)
    return new_node


def fix_missing_locations(node):
    """Give every node of the tree that lacks a location its parent's location (the
    root's default is line 1, column 0), so that a generated tree can be compiled.  Return
    node."""
    def _fix(node, inherited):
        # inherited: the location attributes of the nearest ancestor that had them.
        own = dict(inherited)
        for attr in ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'):
            if attr in node._attributes:
                if getattr(node, attr, None) is None:
                    setattr(node, attr, inherited[attr])
                else:
                    own[attr] = getattr(node, attr)
        for child in iter_child_nodes(node):
            _fix(child, own)
    _fix(node, {'lineno': 1, 'col_offset': 0, 'end_lineno': 1, 'end_col_offset': 0})
    return node


def increment_lineno(node, n=1):
    """Add n to the line numbers (start and end) of every node of the tree; return node."""
    for child in walk(node):
        if isinstance(child, TypeIgnore):
            child.lineno = getattr(child, 'lineno', 0) + n
            continue
        if 'lineno' in child._attributes:
            child.lineno = getattr(child, 'lineno', 0) + n
        if 'end_lineno' in child._attributes and \
                getattr(child, 'end_lineno', 0) is not None:
            child.end_lineno = getattr(child, 'end_lineno', 0) + n
    return node


def iter_fields(node):
    """Yield (name, value) for each of the fields of node that is set."""
    for field in node._fields:
        try:
            yield field, getattr(node, field)
        except AttributeError:
            pass


def iter_child_nodes(node):
    """Yield the nodes node holds directly: node fields and the nodes in list fields."""
    for name, field in iter_fields(node):
        if isinstance(field, AST):
            yield field
        elif isinstance(field, list):
            for item in field:
                if isinstance(item, AST):
                    yield item


def get_docstring(node, clean=True):
    """Return the docstring of a function, class or module node, or None.

    With clean (the default), the text is cleaned like inspect.cleandoc() (tabs expanded,
    common indentation removed).  Other node types raise TypeError."""
    if not isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)):
        raise TypeError("%r can't have docstrings" % node.__class__.__name__)
    if not (node.body and isinstance(node.body[0], Expr)):
        return None
    node = node.body[0].value
    if isinstance(node, Constant) and isinstance(node.value, str):
        text = node.value
    else:
        return None
    if clean:
        import inspect
        text = inspect.cleandoc(text)
    return text


def _splitlines_no_ff(source, maxlines=None):
    """Split source into lines as the parser does: only \\r, \\n and \\r\\n end a
    line (not form feeds and other separators str.splitlines() knows)."""
    lines = []
    start = 0
    index = 0
    while index < len(source):
        char = source[index]
        if char in '\r\n':
            end = index + 1
            if char == '\r' and source[index + 1:index + 2] == '\n':
                end += 1
            lines.append(source[start:end])
            if maxlines is not None and len(lines) >= maxlines:
                return lines
            start = index = end
            continue
        index += 1
    if start < len(source):
        lines.append(source[start:])
    return lines


def _pad_whitespace(source):
    """source with every character but form feeds and tabs made a space."""
    return ''.join(c if c in '\f\t' else ' ' for c in source)


def get_source_segment(source, node, *, padded=False):
    """Return the text of source that node was parsed from, or None if node lacks
    location information.  With padded, the first line of a multi-line segment keeps its
    indentation (as spaces)."""
    try:
        if node.end_lineno is None or node.end_col_offset is None:
            return None
        lineno = node.lineno - 1
        end_lineno = node.end_lineno - 1
        col_offset = node.col_offset
        end_col_offset = node.end_col_offset
    except AttributeError:
        return None
    lines = _splitlines_no_ff(source, maxlines=end_lineno + 1)
    if end_lineno == lineno:
        return lines[lineno].encode()[col_offset:end_col_offset].decode()
    if padded:
        padding = _pad_whitespace(lines[lineno].encode()[:col_offset].decode())
    else:
        padding = ''
    first = padding + lines[lineno].encode()[col_offset:].decode()
    last = lines[end_lineno].encode()[:end_col_offset].decode()
    lines = lines[lineno + 1:end_lineno]
    lines.insert(0, first)
    lines.append(last)
    return ''.join(lines)


def walk(node):
    """Yield node and all the nodes below it (breadth first; use it when the order
    does not matter)."""
    from collections import deque
    todo = deque([node])
    while todo:
        node = todo.popleft()
        todo.extend(iter_child_nodes(node))
        yield node


class NodeVisitor:
    """Walks a tree and calls a visit_<ClassName> method for each node that has one;
    generic_visit(), the default, visits the node's children.  visit() returns what the
    method returns."""

    def visit(self, node):
        """Call the visitor method of node and return its result."""
        method = 'visit_' + node.__class__.__name__
        visitor = getattr(self, method, self.generic_visit)
        return visitor(node)

    def generic_visit(self, node):
        """Visit the children of node."""
        for field, value in iter_fields(node):
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, AST):
                        self.visit(item)
            elif isinstance(value, AST):
                self.visit(value)


class NodeTransformer(NodeVisitor):
    """A NodeVisitor whose visitor methods return what replaces the node visited: the
    node itself, another node, None to remove it, or (in a list field) a list of nodes to
    put in its place."""

    def generic_visit(self, node):
        for field, old_value in iter_fields(node):
            if isinstance(old_value, list):
                new_values = []
                for value in old_value:
                    if isinstance(value, AST):
                        value = self.visit(value)
                        if value is None:
                            continue
                        elif not isinstance(value, AST):
                            new_values.extend(value)
                            continue
                    new_values.append(value)
                old_value[:] = new_values
            elif isinstance(old_value, AST):
                new_node = self.visit(old_value)
                if new_node is None:
                    delattr(node, field)
                else:
                    setattr(node, field, new_node)
        return node


def main():
    """Print the dump of a source file's tree (python -m ast FILE)."""
    import argparse
    parser = argparse.ArgumentParser(prog='python -m ast')
    parser.add_argument('infile', nargs='?', default='-',
                        help='the file to parse; defaults to stdin')
    parser.add_argument('-m', '--mode', default='exec',
                        choices=('exec', 'single', 'eval', 'func_type'),
                        help='specify what kind of code must be parsed')
    parser.add_argument('-a', '--include-attributes', action='store_true',
                        help='include attributes such as line numbers and column offsets')
    parser.add_argument('-i', '--indent', type=int, default=3,
                        help='indentation of nodes (number of spaces)')
    args = parser.parse_args()
    if args.infile == '-':
        import sys
        name = '<stdin>'
        source = sys.stdin.buffer.read()
    else:
        name = args.infile
        with open(args.infile, 'rb') as infile:
            source = infile.read()
    tree = parse(source, name, args.mode)
    print(dump(tree, include_attributes=args.include_attributes, indent=args.indent))


if __name__ == '__main__':
    main()
