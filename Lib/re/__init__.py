"""Regular expression operations (Braid's own implementation).

The pattern is parsed by re._parser into a node tree, which re._compiler turns
into a program for the C matcher in the _braid_sre module.
"""

import _braid_sre as _sre
from re import _parser, _compiler
from re._parser import PatternError

error = PatternError

__all__ = ['match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall',
           'finditer', 'compile', 'purge', 'escape', 'error', 'PatternError', 'Pattern',
           'Match', 'A', 'I', 'L', 'M', 'S', 'X', 'U', 'ASCII', 'IGNORECASE',
           'LOCALE', 'MULTILINE', 'DOTALL', 'VERBOSE', 'UNICODE', 'NOFLAG',
           'RegexFlag']

_MAXSIZE = 9223372036854775807

_FLAG_NAMES = [(256, 'ASCII'), (2, 'IGNORECASE'), (4, 'LOCALE'), (32, 'UNICODE'),
               (8, 'MULTILINE'), (16, 'DOTALL'), (64, 'VERBOSE'), (128, 'DEBUG')]
_ORDER = [256, 2, 4, 32, 8, 16, 64, 128]


_PATTERN_ORDER = [1, 2, 4, 8, 16, 32, 64, 128, 256]


def _flag_repr(v, order=_ORDER):
    if v == 0:
        return 're.NOFLAG'
    names = dict((b, n) for b, n in _FLAG_NAMES)
    names[1] = 'TEMPLATE'
    parts = []
    rest = v
    for b in order:
        if b == 1 and order is _ORDER:
            continue
        if v & b:
            parts.append('re.' + names[b])
            rest &= ~b
    if rest:
        parts.append(hex(rest))
    return '|'.join(parts)


class RegexFlag(int):
    """Flags for the re module (an int subclass with an re.NAME repr)."""

    def __repr__(self):
        return _flag_repr(int(self))

    __str__ = __repr__

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 511)

    @property
    def name(self):
        for b, n in _FLAG_NAMES:
            if int(self) == b:
                return n
        return None

    @property
    def value(self):
        return int(self)


NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
U = UNICODE = RegexFlag(32)
X = VERBOSE = RegexFlag(64)
DEBUG = RegexFlag(128)


class Pattern:
    """Compiled regular expression object."""

    def __init__(self, pattern, flags):
        if isinstance(pattern, str):
            is_bytes = False
            text = pattern
        elif isinstance(pattern, (bytes, bytearray)):
            is_bytes = True
            text = bytes(pattern).decode('latin-1')
        else:
            raise TypeError('first argument must be string or compiled pattern')
        flags = int(flags)
        if is_bytes:
            if flags & U:
                raise ValueError('cannot use UNICODE flag with a bytes pattern')
        else:
            if flags & L:
                raise ValueError('cannot use LOCALE flag with a str pattern')
        node, p = _parser.parse(text, pattern, flags, is_bytes)
        flags = p.flags
        if not is_bytes and not flags & A:
            flags |= U
        if flags & A and flags & U:
            raise ValueError('ASCII and UNICODE flags are incompatible')
        pflags = p.flags
        if is_bytes:
            # bytes patterns are always ASCII-only for classes; rebuild with A
            if not p.flags & (A | L):
                node, p = _parser.parse(text, pattern, p.flags | A, is_bytes, quiet=True)
            pflags |= A
        if flags & DEBUG:
            tree, _ = _parser.parse(text, pattern, int(flags), is_bytes,
                                    keep_flag_groups=True, quiet=True)
            _parser.dump(tree)
        self._pattern = pattern
        self._flags = int(flags)   # a plain int, as in CPython
        self._bytes = is_bytes
        self._groups = p.groups
        self._groupindex = dict(sorted(p.names.items(), key=lambda kv: kv[1]))
        self._prog = _compiler.compile_program(node, p.groups, pflags, is_bytes)
        self._names = dict((v, k) for k, v in p.names.items())

    pattern = property(lambda self: self._pattern)
    flags = property(lambda self: self._flags)
    groups = property(lambda self: self._groups)

    @property
    def groupindex(self):
        try:
            from types import MappingProxyType
            return MappingProxyType(self._groupindex)
        except ImportError:
            return dict(self._groupindex)

    def __repr__(self):
        r = repr(self._pattern)
        if len(r) > 200:
            r = r[:200]
        f = self._flags
        if not self._bytes:
            f &= ~32
        if f:
            return 're.compile(%s, %s)' % (r, _flag_repr(f, _PATTERN_ORDER))
        return 're.compile(%s)' % r

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self._pattern == other._pattern and self._flags == other._flags
                and self._bytes == other._bytes)

    def __hash__(self):
        return hash((self._pattern, self._flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def match(self, string, pos=0, endpos=_MAXSIZE):
        """Match at the start of string[pos:endpos]."""
        return self._prog.match(string, pos, endpos, 1, -1, self)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        """Match all of string[pos:endpos]."""
        return self._prog.match(string, pos, endpos, 2, -1, self)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        """Return the first match in string[pos:endpos], or None."""
        return self._prog.match(string, pos, endpos, 0, -1, self)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        """Return an iterator of Match objects for all non-overlapping matches."""
        return self._prog.finditer(string, pos, endpos, self)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        """Return a list of all non-overlapping matches."""
        return self._prog.findall(string, pos, endpos)

    def split(self, string, maxsplit=0):
        """Split string by the occurrences of the pattern."""
        return self._prog.split(string, maxsplit)

    def subn(self, repl, string, count=0):
        """Like sub(), but also return the number of substitutions."""
        if not callable(repl):
            if isinstance(repl, str) != (not self._bytes):
                if self._bytes:
                    raise TypeError('expected a bytes-like object, %s found'
                                    % type(repl).__name__)
                raise TypeError('expected str instance, %s found' % type(repl).__name__)
            repl = _template(self, repl)
        return self._prog.sub(repl, string, count, self)

    def sub(self, repl, string, count=0):
        """Replace matches with repl (a template or a function)."""
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        """Return a scanner: successive match()/search() calls continue where the previous
        match ended."""
        self._prog.match(string, 0, 0, 1, -1, self)  # type checks now
        return _PatternScanner(self, string, pos, endpos)

    def __reduce__(self):
        return _compile, (self._pattern, self._flags)


class _PatternScanner:
    """The object returned by Pattern.scanner()."""

    def __init__(self, pattern, string, pos, endpos):
        n = len(string)
        self.pattern = pattern
        self._string = string
        self._pos = min(max(pos, 0), n)
        self._endpos = min(max(endpos, 0), n)
        self._noempty = -1
        self._done = False

    def _next(self, mode):
        if self._done or self._pos > self._endpos:
            return None
        m = self.pattern._prog.match(self._string, self._pos, self._endpos, mode,
                                     self._noempty, self.pattern)
        if m is None:
            self._done = True
            return None
        a, b = m.span()
        self._noempty = b if a == b else -1
        self._pos = b
        return m

    def match(self):
        """Match at the current position."""
        return self._next(1)

    def search(self):
        """Search from the current position."""
        return self._next(0)


class Scanner:
    """Tokenize a string with a lexicon: a list of (pattern, action) pairs.

    scan(string) returns (results, remainder): at each position the first phrase of the
    lexicon that matches is taken; a callable action is called as action(scanner, text) and
    its result kept unless None, any other action is kept as it is.
    """

    def __init__(self, lexicon, flags=0):
        self.lexicon = lexicon
        alts = []
        self._actions = {}
        group = 1
        for phrase, action in lexicon:
            inner = _compile(phrase, flags)
            self._actions[group] = action
            alts.append('(%s)' % phrase)
            group += 1 + inner.groups
        self.scanner = _compile('|'.join(alts), flags)

    def scan(self, string):
        """Return (list of action results, the unscanned rest of string)."""
        result = []
        sc = self.scanner.scanner(string)
        i = 0
        while True:
            m = sc.match()
            if not m:
                break
            j = m.end()
            if i == j:
                break
            action = self._actions[m.lastindex]
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                result.append(action)
            i = j
        return result, string[i:]


def _template(pat, repl):
    """Return the parsed template of repl for pat (a list), cached."""
    key = (repl, pat._groups, tuple(pat._groupindex.items()))
    try:
        return _template_cache[key]
    except KeyError:
        pass
    except TypeError:
        return _parse_template(pat, repl)
    t = _parse_template(pat, repl)
    if len(_template_cache) >= _MAXCACHE:
        _template_cache.clear()
    _template_cache[key] = t
    return t


_template_cache = {}


def _parse_template(pat, repl):
    """Return a list of str/bytes pieces and group numbers."""
    is_bytes = isinstance(repl, (bytes, bytearray))
    s = bytes(repl).decode('latin-1') if is_bytes else repl
    items = []
    buf = []
    i = 0
    n = len(s)
    esc = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
           'v': '\v', '\\': '\\'}

    def flush():
        if buf:
            t = ''.join(buf)
            items.append(t.encode('latin-1') if is_bytes else t)
            del buf[:]
    while i < n:
        c = s[i]
        if c != '\\':
            buf.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            raise error('bad escape (end of pattern)', repl, start)
        c = s[i]
        i += 1
        if c == 'g':
            if i >= n or s[i] != '<':
                raise error('missing <', repl, i)
            k = s.find('>', i + 1)
            if k < 0:
                raise error('missing >, unterminated name', repl, i + 1)
            name = s[i + 1:k]
            if not name:
                raise error('missing group name', repl, i + 1)
            if name.isdigit() and name.isascii():
                g = int(name)
                if g > pat.groups:
                    raise error('invalid group reference %d' % g, repl, i + 1)
            elif name.isidentifier():
                if name not in pat._groupindex:
                    raise IndexError('unknown group name %r' % name)
                g = pat._groupindex[name]
            else:
                raise error('bad character in group name %r' % name, repl, i + 1)
            flush()
            items.append(g)
            i = k + 1
        elif c == '0':
            j = i
            while i < n and i - j < 2 and s[i] in '01234567':
                i += 1
            buf.append(chr(int('0' + s[j:i], 8)))
        elif c in '0123456789':
            j = i - 1
            if (c in '01234567' and i + 1 < n and s[i] in '01234567'
                    and s[i + 1] in '01234567'):
                i += 2
                v = int(s[j:i], 8)
                if v > 0o377:
                    raise error('octal escape value \\%s outside of range 0-0o377'
                                % s[j:i], repl, start)
                buf.append(chr(v))
                continue
            if i < n and s[i] in '0123456789':
                i += 1
            g = int(s[j:i])
            if g > pat.groups:
                raise error('invalid group reference %d' % g, repl, start + 1)
            flush()
            items.append(g)
        elif c in esc:
            buf.append(esc[c])
        elif c.isascii() and c.isalpha():
            raise error('bad escape \\%s' % c, repl, start)
        else:
            buf.append('\\')
            buf.append(c)
    flush()
    return items


def _expand(m, items):
    empty = b'' if m.re._bytes else ''
    out = []
    for it in items:
        if isinstance(it, int):
            v = m.group(it)
            out.append(empty if v is None else v)
        else:
            out.append(it)
    if m.re._bytes:
        return b''.join(bytes(x) for x in out)
    return ''.join(out)


Match = _sre.Match


def _expand_template(match, template):
    """Match.expand(): the template with group references substituted."""
    return _expand(match, _parse_template(match.re, template))


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except (KeyError, TypeError):
        pass
    p = Pattern(pattern, flags)
    if flags & DEBUG:
        return p   # never cached: every compile prints the tree
    if len(_cache) >= _MAXCACHE:
        _cache.clear()
    try:
        _cache[key] = p
    except TypeError:
        pass
    return p


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    try:
        return _cache[type(pattern), pattern, flags]
    except (KeyError, TypeError):
        return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string."""
    try:
        p = _cache[type(pattern), pattern, flags]
    except (KeyError, TypeError):
        p = _compile(pattern, flags)
    return p._prog.match(string, 0, _MAXSIZE, 1, -1, p)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string."""
    try:
        p = _cache[type(pattern), pattern, flags]
    except (KeyError, TypeError):
        p = _compile(pattern, flags)
    return p._prog.match(string, 0, _MAXSIZE, 2, -1, p)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern."""
    try:
        p = _cache[type(pattern), pattern, flags]
    except (KeyError, TypeError):
        p = _compile(pattern, flags)
    return p._prog.match(string, 0, _MAXSIZE, 0, -1, p)


_MISSING = object()


def _positional(fname, name, args, value, flags, nfixed):
    """Handle the deprecated positional count/maxsplit and flags arguments."""
    if len(args) > 2:
        raise TypeError('%s() takes from %d to %d positional arguments but %d were given'
                        % (fname, nfixed, nfixed + 2, nfixed + len(args)))
    if args:
        if value is not _MISSING:
            raise TypeError("%s() got multiple values for argument '%s'" % (fname, name))
        value = args[0]
        if len(args) > 1:
            if flags is not _MISSING:
                raise TypeError("%s() got multiple values for argument 'flags'" % fname)
            flags = args[1]
        import warnings
        warnings.warn("'%s' is passed as positional argument" % name,
                      DeprecationWarning, stacklevel=3)
    if value is _MISSING:
        value = 0
    if flags is _MISSING:
        flags = 0
    return value, flags


def sub(pattern, repl, string, *args, count=_MISSING, flags=_MISSING):
    """Return the string with pattern matches replaced by repl."""
    count, flags = _positional('sub', 'count', args, count, flags, 3)
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, *args, count=_MISSING, flags=_MISSING):
    """Return (new_string, number_of_substitutions_made)."""
    count, flags = _positional('subn', 'count', args, count, flags, 3)
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, *args, maxsplit=_MISSING, flags=_MISSING):
    """Split the string by the occurrences of the pattern."""
    maxsplit, flags = _positional('split', 'maxsplit', args, maxsplit, flags, 2)
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    try:
        p = _cache[type(pattern), pattern, flags]
    except (KeyError, TypeError):
        p = _compile(pattern, flags)
    return p._prog.findall(string, 0, _MAXSIZE)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping Match objects."""
    try:
        p = _cache[type(pattern), pattern, flags]
    except (KeyError, TypeError):
        p = _compile(pattern, flags)
    return p._prog.finditer(string, 0, _MAXSIZE, p)


def purge():
    """Clear the regular expression cache."""
    _cache.clear()


_SPECIAL = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return ''.join('\\' + c if c in _SPECIAL else c for c in pattern)
    s = bytes(pattern).decode('latin-1')
    return ''.join('\\' + c if c in _SPECIAL else c for c in s).encode('latin-1')


Pattern.__module__ = 're'
try:
    from types import GenericAlias as _GenericAlias
    Pattern.__class_getitem__ = classmethod(_GenericAlias)
except ImportError:
    pass
