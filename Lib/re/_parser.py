"""Pattern parser for Braid's re module: pattern text -> node tree."""

I = 2; L = 4; M = 8; S = 16; U = 32; X = 64; A = 256

FLAGCHARS = {'a': A, 'i': I, 'L': L, 'm': M, 's': S, 'u': U, 'x': X}
MAXREPEAT = 4294967295
SPECIAL = '.^$*+?{}[]\\|()'
ESCAPES = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
           'v': '\v', '\\': '\\'}
CATS = 'dDwWsS'
ANCHORS = {'A': 'begin', 'Z': 'end', 'b': 'boundary', 'B': 'nonboundary'}
DIGITS = '0123456789'
OCT = '01234567'
HEX = '0123456789abcdefABCDEF'


class PatternError(Exception):
    """Exception raised for invalid regular expressions."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = self.colno = None
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            if isinstance(pattern, str):
                nl = '\n'
            else:
                nl = b'\n'
            self.lineno = pattern.count(nl, 0, pos) + 1
            self.colno = pos - pattern.rfind(nl, 0, pos)
            if nl in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        Exception.__init__(self, msg)


PatternError.__module__ = 're'
error = PatternError


class Parser:
    def __init__(self, text, orig, flags, is_bytes, keep_flag_groups=False, quiet=False):
        self.s = text
        self.orig = orig
        self.i = 0
        self.n = len(text)
        self.flags = flags
        self.is_bytes = is_bytes
        self.groups = 0
        self.names = {}
        self.open = []
        self.closed = set()
        # inside a look-behind: the number of groups defined before the outermost one began
        self.lookbehind_groups = None
        self.group_widths = {}   # closed group number -> (min, max) width of its body
        # re.DEBUG shows (?flags:...) groups; the compiler wants them inlined
        self.keep_flag_groups = keep_flag_groups
        self.quiet = quiet   # a second parse of the same pattern: no warnings
        # group number -> position of its first (?(number)...) reference
        self.cond_refs = {}
        self.variable_lookbehind = False

    def err(self, msg, pos=None):
        if pos is None:
            pos = self.i
        return error(msg, self.orig, pos)

    def peek(self, k=0):
        j = self.i + k
        if j < self.n:
            return self.s[j]
        return ''

    def skip_verbose(self, flags):
        if not flags & X:
            return
        s = self.s
        while self.i < self.n:
            c = s[self.i]
            if c in ' \t\n\r\v\f':
                self.i += 1
            elif c == '#':
                while self.i < self.n and s[self.i] != '\n':
                    self.i += 1
            else:
                break


def parse_flag_letters(p, allow_minus):
    """Parse [aiLmsux]*(-[imsx]+)? ; return (add, remove)."""
    add = 0
    rem = 0
    s = p.s
    while p.i < p.n and s[p.i] in FLAGCHARS:
        f = FLAGCHARS[s[p.i]]
        if f == L and not p.is_bytes:
            raise p.err("bad inline flags: cannot use 'L' flag with a str pattern")
        if f == U and p.is_bytes:
            raise p.err("bad inline flags: cannot use 'u' flag with a bytes pattern")
        add |= f
        p.i += 1
    if p.peek() == '-':
        p.i += 1
        if not p.peek() or p.peek() not in 'imsx':
            if p.peek() and p.peek().isalpha():
                raise p.err('unknown flag', p.i)
            raise p.err('missing flag', p.i)
        while p.i < p.n and s[p.i] in 'imsx':
            rem |= FLAGCHARS[s[p.i]]
            p.i += 1
        if p.peek() != ':':
            if p.peek() and p.peek().isalpha():
                raise p.err('unknown flag', p.i)
            raise p.err('missing :', p.i)
        if add & rem:
            raise p.err('bad inline flags: flag turned on and off', p.i - 1)
    return add, rem


def parse(text, orig, flags, is_bytes, keep_flag_groups=False, quiet=False):
    """Parse pattern text into (node, parser state).  With keep_flag_groups, scoped flag
    groups stay ('flags', added, removed, body) nodes (for re.DEBUG output only); quiet
    suppresses warnings (for a second parse of the same pattern)."""
    p = Parser(text, orig, flags, is_bytes, keep_flag_groups, quiet)
    # leading global flags
    while p.s.startswith('(?', p.i) and p.i + 2 < p.n and p.s[p.i + 2] in FLAGCHARS:
        save = p.i
        p.i += 2
        add, rem = parse_flag_letters(p, False)
        if p.peek() == ')' and not rem:
            p.i += 1
            p.flags |= add
            p.skip_verbose(p.flags)
        else:
            p.i = save
            break
    if p.flags & A and p.flags & L:
        raise error('ASCII and LOCALE flags are incompatible')
    node = parse_alt(p, p.flags)
    if p.i < p.n:
        if p.s[p.i] == ')':
            raise p.err('unbalanced parenthesis')
        raise p.err('unexpected end of pattern')
    for num, pos in p.cond_refs.items():
        if num > p.groups:
            raise p.err('invalid group reference %d' % num, pos)
    if p.variable_lookbehind:
        raise error('look-behind requires fixed-width pattern')
    return node, p


def parse_alt(p, flags):
    branches = [parse_seq(p, flags)]
    while p.peek() == '|':
        p.i += 1
        branches.append(parse_seq(p, flags))
    if len(branches) == 1:
        return branches[0]
    return ('alt', branches)


def parse_seq(p, flags):
    items = []
    starts = []
    while True:
        p.skip_verbose(flags)
        if p.i >= p.n:
            break
        c = p.s[p.i]
        if c == '|' or c == ')':
            break
        start = p.i
        atom = parse_atom(p, flags)
        if atom is None:
            # a (?#...) comment: a quantifier after it applies to the item before it
            p.skip_verbose(flags)
            if not items or p.peek() not in ('*', '+', '?', '{'):
                continue
            atom = items.pop()
            start = starts.pop()
        p.skip_verbose(flags)
        atom = parse_quant(p, flags, atom, start)
        items.append(atom)
        starts.append(start)
    if len(items) == 1:
        return items[0]
    if not items:
        return ('empty',)
    return ('seq', items)


def parse_brace(p):
    """At '{': return (min, max) and advance, or None if not a repeat."""
    s = p.s
    j = p.i + 1
    a = j
    while j < p.n and s[j] in DIGITS:
        j += 1
    lo = s[a:j]
    hi = None
    comma = False
    if j < p.n and s[j] == ',':
        comma = True
        j += 1
        b = j
        while j < p.n and s[j] in DIGITS:
            j += 1
        hi = s[b:j]
    if j >= p.n or s[j] != '}':
        return None
    if not lo and not comma:
        return None
    mn = int(lo) if lo else 0
    if comma:
        mx = int(hi) if hi else MAXREPEAT
    else:
        mx = mn
    if mn >= MAXREPEAT or mx > MAXREPEAT:
        raise OverflowError('the repetition number is too large')
    if mx < mn:
        raise p.err('min repeat greater than max repeat', p.i + 1)
    p.i = j + 1
    return mn, mx


def parse_quant(p, flags, atom, start):
    while True:
        c = p.peek()
        qpos = p.i
        if c == '*':
            mn, mx = 0, MAXREPEAT
            p.i += 1
        elif c == '+':
            mn, mx = 1, MAXREPEAT
            p.i += 1
        elif c == '?':
            mn, mx = 0, 1
            p.i += 1
        elif c == '{':
            r = parse_brace(p)
            if r is None:
                return atom
            mn, mx = r
        else:
            return atom
        if atom[0] in ('at', 'empty') and p.s[start] != '(':
            # a bare anchor; a parenthesized one, like (?:^)*, may be repeated
            raise p.err('nothing to repeat', qpos)
        if atom[0] == 'rep' and atom[5]:
            raise p.err('multiple repeat', qpos)
        mode = 'greedy'
        if p.peek() == '?':
            p.i += 1
            mode = 'lazy'
        elif p.peek() == '+':
            p.i += 1
            mode = 'poss'
        atom = ('rep', mn, mx, mode, atom, True)
        p.skip_verbose(flags)
        c = p.peek()
        if c and c in '*+?':
            raise p.err('multiple repeat', p.i)
        if c == '{' and parse_brace_peek(p):
            raise p.err('multiple repeat', p.i)
        return atom


def parse_brace_peek(p):
    save = p.i
    try:
        return parse_brace(p) is not None
    except (error, OverflowError):
        return True
    finally:
        p.i = save


def lit(ch, flags):
    if flags & I:
        return ('set', False, [('chars', ch)], flags)
    return ('lit', ch)


def parse_atom(p, flags):
    s = p.s
    c = s[p.i]
    start = p.i
    if c == '(':
        return parse_group(p, flags)
    if c == '[':
        return parse_class(p, flags)
    if c == '.':
        p.i += 1
        return ('any', bool(flags & S))
    if c == '^':
        p.i += 1
        return ('at', 'mbol' if flags & M else 'bol')
    if c == '$':
        p.i += 1
        return ('at', 'meol' if flags & M else 'eol')
    if c in '*+?':
        raise p.err('nothing to repeat')
    if c == '{':
        if parse_brace_peek(p):
            raise p.err('nothing to repeat')
        p.i += 1
        return lit(c, flags)
    if c == '\\':
        return parse_escape(p, flags, False)
    p.i += 1
    return lit(c, flags)


def parse_escape(p, flags, inclass):
    """At backslash. Return node; in a class return ('char', c) or ('cat', x)."""
    s = p.s
    start = p.i
    p.i += 1
    if p.i >= p.n:
        raise p.err('bad escape (end of pattern)', start)
    c = s[p.i]
    p.i += 1
    if c in CATS:
        return ('cat', c, flags)
    if inclass and c == 'b':
        return ('char', '\b')
    if not inclass and c in ANCHORS:
        return ('at', ANCHORS[c], flags)
    if c in ESCAPES:
        ch = ESCAPES[c]
    elif c == 'x':
        ch = hexesc(p, 2, start)
    elif c == 'u' and not p.is_bytes:
        ch = hexesc(p, 4, start)
    elif c == 'U' and not p.is_bytes:
        ch = hexesc(p, 8, start)
    elif c == 'N' and not p.is_bytes:
        if p.peek() != '{':
            raise p.err('missing {', p.i)
        k = s.find('}', p.i + 1)
        if k < 0:
            raise p.err('missing }, unterminated name', p.i + 1)
        name = s[p.i + 1:k]
        if not name:
            raise p.err('missing character name', p.i + 1)
        try:
            import unicodedata
            ch = unicodedata.lookup(name)
        except (ImportError, KeyError):
            raise p.err('undefined character name %r' % name, start) from None
        p.i = k + 1
    elif c == '0':
        j = p.i
        while p.i < p.n and p.i - j < 2 and s[p.i] in OCT:
            p.i += 1
        ch = chr(int('0' + s[j:p.i], 8))
    elif c in DIGITS:
        j = p.i
        if (c in OCT and p.i + 1 < p.n and s[p.i] in OCT and s[p.i + 1] in OCT):
            p.i += 2
            v = int(s[j - 1:p.i], 8)
            if v > 0o377:
                raise p.err('octal escape value \\%s outside of range 0-0o377'
                            % s[j - 1:p.i], start)
            ch = chr(v)
        elif inclass and c in OCT:
            while p.i < p.n and p.i - j < 2 and s[p.i] in OCT:
                p.i += 1
            ch = chr(int(s[j - 1:p.i], 8))
        elif inclass:
            raise p.err('bad escape \\%s' % c, start)
        else:
            if p.i < p.n and s[p.i] in DIGITS:
                p.i += 1
            num = int(s[j - 1:p.i])
            return backref(p, num, start, flags)
    elif c.isascii() and c.isalpha():
        raise p.err('bad escape \\%s' % c, start)
    else:
        ch = c
    if inclass:
        return ('char', ch)
    return lit(ch, flags)


def backref(p, num, pos, flags):
    if num > p.groups or num not in p.closed:
        if num in p.open:
            raise p.err('cannot refer to an open group', pos)
        raise p.err('invalid group reference %d' % num, pos + 1)
    check_lookbehind_ref(p, num)
    return ('backref', num, bool(flags & I))


def check_lookbehind_ref(p, num):
    """Inside a look-behind, a reference must name a group closed before the look-behind."""
    if p.lookbehind_groups is None:
        return
    if num not in p.closed:
        raise p.err('cannot refer to an open group')
    if num > p.lookbehind_groups:
        raise p.err('cannot refer to group defined in the same lookbehind subpattern')


def hexesc(p, n, start):
    s = p.s
    j = p.i
    while p.i < p.n and p.i - j < n and s[p.i] in HEX:
        p.i += 1
    if p.i - j < n:
        raise p.err('incomplete escape %s' % s[start:p.i], start)
    v = int(s[j:p.i], 16)
    if v > 0x10FFFF:
        raise p.err('bad escape %s' % s[start:p.i], start)
    return chr(v)


_SET_OPERATIONS = {'-': 'difference', '&': 'intersection', '~': 'symmetric difference',
                   '|': 'union'}


def warn_future(p, msg, pos):
    """FutureWarning for class syntax that a future version may read differently (nested sets,
    set operations), attributed to the first caller outside the re package."""
    if p.quiet:
        return
    import sys
    import warnings
    frame = sys._getframe(0)
    level = 1
    while frame.f_back is not None and frame.f_globals.get('__name__', '').split('.')[0] == 're':
        frame = frame.f_back
        level += 1
    warnings.warn('%s at position %d' % (msg, pos), FutureWarning, stacklevel=level)


def parse_class(p, flags):
    s = p.s
    start = p.i
    p.i += 1
    if p.peek() == '[':
        warn_future(p, 'Possible nested set', p.i)
    neg = False
    if p.peek() == '^':
        neg = True
        p.i += 1
    items = []
    first = True
    while True:
        if p.i >= p.n:
            raise p.err('unterminated character set', start)
        c = s[p.i]
        if c == ']' and not first:
            p.i += 1
            break
        first = False
        ipos = p.i
        if c == '\\':
            a = parse_escape(p, flags, True)
        else:
            if items and c in _SET_OPERATIONS and p.peek(1) == c:
                warn_future(p, 'Possible set ' + _SET_OPERATIONS[c], p.i)
            p.i += 1
            a = ('char', c)
        if p.peek() == '-' and p.peek(1) and p.peek(1) != ']':
            p.i += 1
            if s[p.i] == '\\':
                b = parse_escape(p, flags, True)
            else:
                if s[p.i] == '-':
                    warn_future(p, 'Possible set difference', p.i - 1)
                b = ('char', s[p.i])
                p.i += 1
            if a[0] == 'cat' or b[0] == 'cat':
                raise p.err('bad character range %s' % s[ipos:p.i], ipos)
            if ord(b[1]) < ord(a[1]):
                raise p.err('bad character range %s' % s[ipos:p.i], ipos)
            items.append(('range', a[1], b[1]))
        elif a[0] == 'cat':
            items.append(a)
        else:
            items.append(('chars', a[1]))
    return ('set', neg, items, flags)


def parse_name(p, term):
    s = p.s
    j = p.i
    k = s.find(term, j)
    if k < 0:
        raise p.err('missing %s, unterminated name' % term, j)
    name = s[j:k]
    if not name:
        raise p.err('missing group name', j)
    if not name.isidentifier():
        raise p.err('bad character in group name %r' % name, j)
    p.i = k + 1
    return name


def token_at(p, j):
    if j < p.n and p.s[j] == '\\':
        return p.s[j:j + 2]
    return p.s[j:j + 1]


def close_paren(p, start):
    if p.peek() != ')':
        raise p.err('missing ), unterminated subpattern', start)
    p.i += 1


def _closed(node):
    """A repeat inside parentheses may be repeated again: (?:a*)+ is no multiple repeat."""
    if node[0] == 'rep':
        return node[:5] + (False,)
    return node


def parse_group(p, flags):
    s = p.s
    start = p.i
    p.i += 1
    name = None
    if p.peek() == '?':
        p.i += 1
        c = p.peek()
        if c == ':':
            p.i += 1
            body = parse_alt(p, flags)
            close_paren(p, start)
            return _closed(body)
        if c == 'P':
            p.i += 1
            c2 = p.peek()
            if c2 == '<':
                p.i += 1
                name = parse_name(p, '>')
                if name in p.names:
                    raise p.err("redefinition of group name %r as group %d; was group %d"
                                % (name, p.groups + 1, p.names[name]), p.i - len(name) - 1)
            elif c2 == '=':
                p.i += 1
                pos = p.i
                name = parse_name(p, ')')
                if name not in p.names:
                    raise p.err('unknown group name %r' % name, pos)
                num = p.names[name]
                if num not in p.closed:
                    raise p.err('cannot refer to an open group', pos)
                check_lookbehind_ref(p, num)
                return ('backref', num, bool(flags & I))
            else:
                if not c2:
                    raise p.err('unexpected end of pattern')
                raise p.err('unknown extension ?P' + token_at(p, p.i), start + 1)
        elif c == '#':
            k = s.find(')', p.i)
            if k < 0:
                raise p.err('missing ), unterminated comment', start)
            p.i = k + 1
            return None
        elif c in ('=', '!'):
            p.i += 1
            body = parse_alt(p, flags)
            close_paren(p, start)
            return ('look', True, c == '!', body, 0)
        elif c == '<' and p.peek(1) in ('=', '!'):
            neg = p.peek(1) == '!'
            p.i += 2
            outermost = p.lookbehind_groups is None
            if outermost:
                p.lookbehind_groups = p.groups
            body = parse_alt(p, flags)
            close_paren(p, start)
            if outermost:
                p.lookbehind_groups = None
            lo, hi = width(body, p.group_widths)
            if lo != hi:
                # reported after the whole pattern parsed, as CPython's compiler does
                p.variable_lookbehind = True
            return ('look', False, neg, body, lo)
        elif c == '<':
            if p.i + 1 >= p.n:
                raise p.err('unexpected end of pattern', p.i + 1)
            raise p.err('unknown extension ?<' + token_at(p, p.i + 1), start + 1)
        elif c == '>':
            p.i += 1
            body = parse_alt(p, flags)
            close_paren(p, start)
            return ('atomic', body)
        elif c == '(':
            p.i += 1
            pos = p.i
            k = s.find(')', p.i)
            if k < 0:
                if pos >= p.n:
                    raise p.err('missing group name', pos)
                raise p.err('missing ), unterminated name', pos)
            ref = s[pos:k]
            if not ref:
                raise p.err('missing group name', pos)
            p.i = k + 1
            if ref.isdigit() and ref.isascii():
                num = int(ref)
                if num == 0:
                    raise p.err('bad group number', pos)
                # a later group may be named: checked when the whole pattern is parsed
                p.cond_refs.setdefault(num, pos)
            else:
                if not ref.isidentifier():
                    raise p.err('bad character in group name %r' % ref, pos)
                if ref not in p.names:
                    raise p.err('unknown group name %r' % ref, pos)
                num = p.names[ref]
            check_lookbehind_ref(p, num)
            yes = parse_seq(p, flags)
            no = ('empty',)
            if p.peek() == '|':
                p.i += 1
                no = parse_seq(p, flags)
                if p.peek() == '|':
                    raise p.err('conditional backref with more than two branches')
            close_paren(p, start)
            return ('cond', num, yes, no)
        elif c and (c in FLAGCHARS or c == '-'):
            add, rem = parse_flag_letters(p, True)
            if p.peek() == ')':
                raise p.err('global flags not at the start of the expression', start)
            if p.peek() != ':':
                if not p.peek():
                    raise p.err('missing -, : or )')
                if p.peek().isalpha():
                    raise p.err('unknown flag', p.i)
                raise p.err('missing -, : or )', p.i)
            p.i += 1
            body = parse_alt(p, (flags | add) & ~rem)
            close_paren(p, start)
            if p.keep_flag_groups:
                return ('flags', add, rem, body)
            return _closed(body)
        else:
            if not c:
                raise p.err('unexpected end of pattern')
            raise p.err('unknown extension ?' + token_at(p, p.i), start + 1)
    p.groups += 1
    num = p.groups
    if name is not None:
        p.names[name] = num
    p.open.append(num)
    body = parse_alt(p, flags)
    close_paren(p, start)
    p.open.remove(num)
    p.closed.add(num)
    p.group_widths[num] = width(body, p.group_widths)
    return ('group', num, body)


def width(node, group_widths=None):
    """(min, max) length of what node matches; group_widths gives the widths of the groups
    that back-references name (unknown groups: unbounded)."""
    t = node[0]
    if t in ('lit', 'set', 'any', 'cat'):
        return 1, 1
    if t == 'str':
        return len(node[1]), len(node[1])
    if t in ('at', 'look', 'empty'):
        return 0, 0
    if t == 'seq':
        lo = hi = 0
        for n in node[1]:
            a, b = width(n, group_widths)
            lo += a
            hi += b
        return lo, hi
    if t == 'alt':
        ws = [width(n, group_widths) for n in node[1]]
        return min(w[0] for w in ws), max(w[1] for w in ws)
    if t == 'group':
        return width(node[2], group_widths)
    if t == 'atomic':
        return width(node[1], group_widths)
    if t == 'flags':
        return width(node[3], group_widths)
    if t == 'rep':
        a, b = width(node[4], group_widths)
        return a * node[1], b * node[2]
    if t == 'cond':
        a = width(node[2], group_widths)
        b = width(node[3], group_widths)
        return min(a[0], b[0]), max(a[1], b[1])
    if t == 'backref' and group_widths and node[1] in group_widths:
        return group_widths[node[1]]
    return 0, MAXREPEAT * 10


# re.DEBUG: the parse tree printed in CPython's notation.  A dumped item is
# (opcode, args, kind, sub): kind 'leaf' (no sub), 'in' (sub: member items),
# 'sub' (sub: items one level deeper), 'branch' (sub: lists of items) or
# 'cond' (sub: (yes items, no items)).

_AT_NAMES = {'bol': 'AT_BEGINNING', 'mbol': 'AT_BEGINNING', 'eol': 'AT_END',
             'meol': 'AT_END', 'begin': 'AT_BEGINNING_STRING', 'end': 'AT_END_STRING',
             'boundary': 'AT_BOUNDARY', 'nonboundary': 'AT_NON_BOUNDARY'}
_CATEGORY_NAMES = {'d': 'CATEGORY_DIGIT', 'D': 'CATEGORY_NOT_DIGIT',
                   'w': 'CATEGORY_WORD', 'W': 'CATEGORY_NOT_WORD',
                   's': 'CATEGORY_SPACE', 'S': 'CATEGORY_NOT_SPACE'}
_REPEAT_NAMES = {'greedy': 'MAX_REPEAT', 'lazy': 'MIN_REPEAT', 'poss': 'POSSESSIVE_REPEAT'}


def _leaf(op, *args):
    return (op, args, 'leaf', None)


def _unique(items):
    result = []
    for item in items:
        if item not in result:
            result.append(item)
    return result


def _same_item(a, b):
    """Items with nested subpatterns never compare equal (as in CPython's parser)."""
    return a[2] in ('leaf', 'in') and a == b


def _set_items(neg, members):
    members = _unique(members)
    if len(members) == 1 and members[0][0] == 'LITERAL':
        return [_leaf('NOT_LITERAL' if neg else 'LITERAL', *members[0][1])]
    if neg:
        members.insert(0, _leaf('NEGATE', None))
    return [('IN', (), 'in', members)]


def _member(item):
    kind = item[0]
    if kind == 'chars':
        return _leaf('LITERAL', ord(item[1]))
    if kind == 'range':
        return _leaf('RANGE', (ord(item[1]), ord(item[2])))
    return _leaf('CATEGORY', _CATEGORY_NAMES[item[1]])


def _alternation(branches):
    """Factor a common prefix out of the branches, then merge single characters into one
    set: the shape CPython's parser gives an alternation."""
    prefix = []
    while all(branches) and all(_same_item(b[0], branches[0][0]) for b in branches[1:]):
        prefix.append(branches[0][0])
        branches = [b[1:] for b in branches]
    members = []
    for b in branches:
        if len(b) != 1:
            break
        op, args, kind, sub = b[0]
        if op == 'LITERAL':
            members.append(b[0])
        elif op == 'IN' and sub[0][0] != 'NEGATE':
            members.extend(sub)
        else:
            break
    else:
        return prefix + [('IN', (), 'in', _unique(members))]
    return prefix + [('BRANCH', (), 'branch', branches)]


def _debug_items(node):
    """The list of dumped items for a parse-tree node."""
    t = node[0]
    if t == 'empty':
        return []
    if t == 'seq':
        return [item for n in node[1] for item in _debug_items(n)]
    if t == 'lit':
        return [_leaf('LITERAL', ord(node[1]))]
    if t == 'set':
        return _set_items(node[1], [_member(m) for m in node[2]])
    if t == 'cat':
        return _set_items(False, [_member(node)])
    if t == 'any':
        return [_leaf('ANY', None)]
    if t == 'at':
        return [_leaf('AT', _AT_NAMES[node[1]])]
    if t == 'alt':
        return _alternation([_debug_items(b) for b in node[1]])
    if t == 'group':
        return [('SUBPATTERN', (node[1], 0, 0), 'sub', _debug_items(node[2]))]
    if t == 'flags':
        return [('SUBPATTERN', (None, node[1], node[2]), 'sub', _debug_items(node[3]))]
    if t == 'rep':
        hi = 'MAXREPEAT' if node[2] == MAXREPEAT else node[2]
        return [(_REPEAT_NAMES[node[3]], (node[1], hi), 'sub', _debug_items(node[4]))]
    if t == 'backref':
        return [_leaf('GROUPREF', node[1])]
    if t == 'look':
        op = 'ASSERT_NOT' if node[2] else 'ASSERT'
        return [(op, (1 if node[1] else -1,), 'sub', _debug_items(node[3]))]
    if t == 'atomic':
        return [('ATOMIC_GROUP', (), 'sub', _debug_items(node[1]))]
    if t == 'cond':
        sub = (_debug_items(node[2]), _debug_items(node[3]))
        return [('GROUPREF_EXISTS', (node[1],), 'cond', sub)]
    raise AssertionError('unknown node %r' % (t,))


def _print_items(items, level):
    indent = '  ' * level
    for op, args, kind, sub in items:
        print(indent + ' '.join([op] + [str(a) for a in args]))
        if kind == 'in':
            for member in sub:
                print(indent + '  ' + ' '.join([member[0]] + [str(a) for a in member[1]]))
        elif kind == 'sub':
            _print_items(sub, level + 1)
        elif kind == 'branch':
            for i, branch in enumerate(sub):
                if i:
                    print(indent + 'OR')
                _print_items(branch, level + 1)
        elif kind == 'cond':
            _print_items(sub[0], level + 1)
            if sub[1]:
                print(indent + 'ELSE')
                _print_items(sub[1], level + 1)


def dump(node):
    """Print the parse tree as re.DEBUG does."""
    _print_items(_debug_items(node), 0)
