"""Regular expression operations (Braid's own implementation).

The pattern is parsed by re._parser into a node tree, which re._engine turns
into backtracking matcher closures.
"""

from re import _parser, _engine
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


def _text(obj):
    """Return (text, is_bytes) where text is a str to match against."""
    if isinstance(obj, str):
        return obj, False
    if isinstance(obj, (bytes, bytearray)):
        return bytes(obj).decode('latin-1'), True
    try:
        b = bytes(memoryview(obj))
    except TypeError:
        raise TypeError('expected string or bytes-like object, got %r'
                        % type(obj).__name__) from None
    return b.decode('latin-1'), True


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
        if is_bytes:
            flags |= 0
        elif not flags & A:
            flags |= U
        if flags & A and flags & U:
            raise ValueError('ASCII and UNICODE flags are incompatible')
        if is_bytes:
            # bytes patterns are always ASCII-only for classes; rebuild with A
            if not p.flags & (A | L):
                node, p = _parser.parse(text, pattern, p.flags | A, is_bytes)
        self._pattern = pattern
        self._flags = flags
        self._bytes = is_bytes
        self._groups = p.groups
        self._groupindex = dict(sorted(p.names.items(), key=lambda kv: kv[1]))
        self._prog = _engine.Program(node, p.groups)
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

    def _subject(self, string):
        text, is_bytes = _text(string)
        if is_bytes != self._bytes:
            if self._bytes:
                raise TypeError('cannot use a bytes pattern on a string-like object')
            raise TypeError('cannot use a string pattern on a bytes-like object')
        return text

    def _run(self, string, pos, endpos, mode, noempty=-1, text=None):
        if text is None:
            text = self._subject(string)
        n = len(text)
        if pos < 0:
            pos = 0
        if pos > n:
            pos = n
        if endpos > n:
            endpos = n
        if endpos < pos:
            endpos = pos if mode == 0 else pos
            if mode != 0:
                return None
        r = self._prog.run(text, pos, endpos, mode, noempty)
        if r is None:
            return None
        return Match(self, string, text, pos, endpos, r[0], r[1])

    def match(self, string, pos=0, endpos=_MAXSIZE):
        """Match at the start of string[pos:endpos]."""
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        """Match all of string[pos:endpos]."""
        return self._run(string, pos, endpos, 2)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        """Return the first match in string[pos:endpos], or None."""
        return self._run(string, pos, endpos, 0)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        """Yield Match objects for all non-overlapping matches."""
        text = self._subject(string)
        n = len(text)
        if endpos > n:
            endpos = n
        noempty = -1
        while pos <= endpos:
            m = self._run(string, pos, endpos, 0, noempty, text)
            if m is None:
                return
            yield m
            a, b = m._marks[0], m._marks[1]
            if a == b:
                noempty = b
            else:
                noempty = -1
            pos = b

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        """Return a list of all non-overlapping matches."""
        out = []
        for m in self.finditer(string, pos, endpos):
            if self._groups == 0:
                out.append(m.group(0))
            elif self._groups == 1:
                out.append(m.group(1) if m._marks[3] >= 0 else m._empty())
            else:
                out.append(tuple(m.group(g) if m._marks[2 * g + 1] >= 0 else m._empty()
                                 for g in range(1, self._groups + 1)))
        return out

    def split(self, string, maxsplit=0):
        """Split string by the occurrences of the pattern."""
        out = []
        last = 0
        count = 0
        text = self._subject(string)
        for m in self.finditer(string):
            if maxsplit > 0 and count >= maxsplit:
                break
            a, b = m.span()
            out.append(string[last:a])
            out.extend(m.groups())
            last = b
            count += 1
        out.append(string[last:len(text)])
        return out

    def subn(self, repl, string, count=0):
        """Like sub(), but also return the number of substitutions."""
        text = self._subject(string)
        if callable(repl):
            fn = repl
        else:
            if isinstance(repl, str) != (not self._bytes):
                if self._bytes:
                    raise TypeError('expected a bytes-like object, %s found'
                                    % type(repl).__name__)
                raise TypeError('expected str instance, %s found' % type(repl).__name__)
            tmpl = _parse_template(self, repl)
            fn = lambda m: _expand(m, tmpl)
        parts = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if count > 0 and n >= count:
                break
            a, b = m.span()
            parts.append(string[last:a])
            r = fn(m)
            if r:
                parts.append(r)
            last = b
            n += 1
        parts.append(string[last:len(text)])
        if self._bytes:
            return b''.join(bytes(x) for x in parts), n
        return ''.join(parts), n

    def sub(self, repl, string, count=0):
        """Replace matches with repl (a template or a function)."""
        return self.subn(repl, string, count)[0]


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
    out = []
    for it in items:
        if isinstance(it, int):
            v = m.group(it)
            if v is None:
                v = m._empty()
            out.append(v)
        else:
            out.append(it)
    if m.re._bytes:
        return b''.join(bytes(x) for x in out)
    return ''.join(out)


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, text, pos, endpos, marks, last):
        self._re = pattern
        self._string = string
        self._pos = pos
        self._endpos = endpos
        self._marks = marks
        self._last = last

    re = property(lambda self: self._re)
    string = property(lambda self: self._string)
    pos = property(lambda self: self._pos)
    endpos = property(lambda self: self._endpos)
    lastindex = property(lambda self: self._last)

    @property
    def lastgroup(self):
        if self._last is None:
            return None
        return self._re._names.get(self._last)

    @property
    def regs(self):
        return tuple(self.span(g) for g in range(self._re._groups + 1))

    def _empty(self):
        return b'' if self._re._bytes else ''

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool) or hasattr(g, '__index__') \
                and not isinstance(g, (str, bytes)):
            try:
                g = g.__index__()
            except (TypeError, AttributeError):
                raise IndexError('no such group')
            if 0 <= g <= self._re._groups:
                return g
            raise IndexError('no such group')
        if isinstance(g, str) and g in self._re._groupindex:
            return self._re._groupindex[g]
        raise IndexError('no such group')

    def _get(self, g, default=None):
        a = self._marks[2 * g]
        b = self._marks[2 * g + 1]
        if a < 0 or b < 0:
            return default
        s = self._string
        if isinstance(s, (bytes, bytearray, str)):
            return s[a:b]
        return bytes(memoryview(s))[a:b]

    def group(self, *args):
        """Return one or more subgroups of the match."""
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(self._index(args[0]))
        return tuple(self._get(self._index(g)) for g in args)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        """Return a tuple of all the subgroups."""
        return tuple(self._get(g, default) for g in range(1, self._re._groups + 1))

    def groupdict(self, default=None):
        """Return a dict of the named subgroups."""
        return dict((name, self._get(g, default))
                    for name, g in self._re._groupindex.items())

    def start(self, group=0):
        """Return the start index of the group, or -1."""
        g = self._index(group)
        a = self._marks[2 * g]
        return a if self._marks[2 * g + 1] >= 0 else -1

    def end(self, group=0):
        """Return the end index of the group, or -1."""
        g = self._index(group)
        return self._marks[2 * g + 1] if self._marks[2 * g] >= 0 else -1

    def span(self, group=0):
        """Return (start, end) of the group."""
        return self.start(group), self.end(group)

    def expand(self, template):
        """Return the template with backslash substitutions done."""
        return _expand(self, _parse_template(self._re, template))

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%r>' % (
            self._marks[0], self._marks[1], self.group(0))


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
    if len(_cache) >= _MAXCACHE:
        _cache.clear()
    try:
        _cache[key] = p
    except TypeError:
        pass
    return p


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern."""
    return _compile(pattern, flags).search(string)


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
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping Match objects."""
    return _compile(pattern, flags).finditer(string)


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
Match.__module__ = 're'
try:
    from types import GenericAlias as _GenericAlias
    Pattern.__class_getitem__ = classmethod(_GenericAlias)
    Match.__class_getitem__ = classmethod(_GenericAlias)
except ImportError:
    pass
