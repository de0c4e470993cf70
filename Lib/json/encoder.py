"""JSONEncoder: Python objects to JSON text.

encode() and one-shot iterencode() use the C encoder of _json when it is available;
otherwise (and for incremental iterencode) a pure-Python generator walks the object graph.
Both produce the same text, character for character."""

try:
    from _json import encode_basestring_ascii as c_encode_basestring_ascii
except ImportError:
    c_encode_basestring_ascii = None
try:
    from _json import encode_basestring as c_encode_basestring
except ImportError:
    c_encode_basestring = None
try:
    from _json import make_encoder as c_make_encoder
except ImportError:
    c_make_encoder = None

__all__ = ['JSONEncoder']

INFINITY = float('inf')

_SHORT_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t',
                  '\b': '\\b', '\f': '\\f'}


def __getattr__(name):
    """CPython's escaping helpers (ESCAPE, ESCAPE_ASCII, HAS_UTF8, ESCAPE_DCT), made on
    first use so that importing json does not import re."""
    if name == 'ESCAPE_DCT':
        value = {chr(code): _escape_char(chr(code)) for code in range(0x20)}
        value.update(_SHORT_ESCAPES)
    elif name in ('ESCAPE', 'ESCAPE_ASCII', 'HAS_UTF8'):
        import re
        value = {
            'ESCAPE': lambda: re.compile(r'[\x00-\x1f\\"\b\f\n\r\t]'),
            'ESCAPE_ASCII': lambda: re.compile(r'([\\"]|[^\ -~])'),
            'HAS_UTF8': lambda: re.compile(b'[\x80-\xff]'),
        }[name]()
    else:
        raise AttributeError(f'module {__name__!r} has no attribute {name!r}')
    globals()[name] = value
    return value


def _escape_char(ch):
    """The escape sequence of one character (\\uXXXX, a surrogate pair above the BMP)."""
    short = _SHORT_ESCAPES.get(ch)
    if short is not None:
        return short
    code = ord(ch)
    if code < 0x10000:
        return '\\u%04x' % code
    code -= 0x10000
    return '\\u%04x\\u%04x' % (0xd800 | (code >> 10), 0xdc00 | (code & 0x3ff))


def _quote(s, ascii_only):
    """The JSON string literal for s."""
    pieces = ['"']
    start = 0
    for index, ch in enumerate(s):
        if ch < ' ' or ch == '"' or ch == '\\' or (ascii_only and ch > '~'):
            if start < index:
                pieces.append(s[start:index])
            pieces.append(_escape_char(ch))
            start = index + 1
    pieces.append(s[start:])
    pieces.append('"')
    return ''.join(pieces)


def py_encode_basestring(s):
    """Return a JSON representation of a Python string (only quotes, backslashes and
    control characters are escaped)."""
    return _quote(s, False)


def py_encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string (non-ASCII characters
    as \\uXXXX escapes)."""
    return _quote(s, True)


encode_basestring = c_encode_basestring or py_encode_basestring
encode_basestring_ascii = c_encode_basestring_ascii or py_encode_basestring_ascii


class JSONEncoder(object):
    """Extensible JSON encoder for Python data structures.

    dict becomes an object, list and tuple arrays, str strings, int and float (and their
    subclasses, e.g. int enums) numbers, True/False true/false and None null.  To encode
    other objects, pass default= or override default() in a subclass: it returns a
    serializable stand-in for the object or raises TypeError."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        """Configure the encoder.

        skipkeys: skip dict keys that are not str, int, float, bool or None instead of
        raising TypeError.  ensure_ascii: escape every non-ASCII character.
        check_circular: detect reference cycles (ValueError) instead of recursing until
        RecursionError.  allow_nan: write NaN and infinities as NaN/Infinity/-Infinity
        (otherwise ValueError).  sort_keys: output dict items sorted by key.  indent: a
        non-negative int or a str: pretty-print with that indentation per level (0 or ''
        only inserts newlines).  separators: (item_separator, key_separator), by default
        (', ', ': '), or (',', ': ') when indent is given.  default: called with objects
        that cannot otherwise be encoded."""
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Return a serializable object for o, or raise TypeError (the base class always
        raises).  Override it in a subclass to support more types."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return the JSON text of the Python object o."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Encode o, yielding its JSON text piece by piece (for writing to a stream)."""
        markers = {} if self.check_circular else None
        string_encoder = encode_basestring_ascii if self.ensure_ascii else encode_basestring

        def floatstr(o, allow_nan=self.allow_nan, _repr=float.__repr__, _inf=INFINITY):
            if o != o:
                text = 'NaN'
            elif o == _inf:
                text = 'Infinity'
            elif o == -_inf:
                text = '-Infinity'
            else:
                return _repr(o)
            if not allow_nan:
                raise ValueError('Out of range float values are not JSON compliant: '
                                 + repr(o))
            return text

        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        if _one_shot and c_make_encoder is not None:
            encoder = c_make_encoder(markers, self.default, string_encoder, indent,
                                     self.key_separator, self.item_separator, self.sort_keys,
                                     self.skipkeys, self.allow_nan)
        else:
            encoder = _make_iterencode(markers, self.default, string_encoder, indent, floatstr,
                                       self.key_separator, self.item_separator,
                                       self.sort_keys, self.skipkeys, _one_shot)
        return encoder(o, 0)


def _make_iterencode(markers, _default, _encoder, _indent, _floatstr, _key_separator,
                     _item_separator, _sort_keys, _skipkeys, _one_shot):
    """Return iterencode(o, level): a generator of the JSON text of o in pieces.

    markers (a dict or None) holds the ids of the containers being encoded, for the
    circular-reference check; the other arguments are the encoder's options.  A scalar is
    yielded together with the separator or bracket before it, as CPython does, so that
    json.dump() writes the same pieces."""

    def enter(o):
        if markers is not None:
            marker = id(o)
            if marker in markers:
                raise ValueError('Circular reference detected')
            markers[marker] = o
            return marker
        return None

    def leave(marker):
        if marker is not None:
            del markers[marker]

    def scalar(o):
        """The text of a str, None, bool, int or float; None for anything else."""
        if isinstance(o, str):
            return _encoder(o)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return _floatstr(o)
        return None

    def iterencode_list(lst, level):
        if not lst:
            yield '[]'
            return
        marker = enter(lst)
        prefix = '['
        if _indent is None:
            separator = _item_separator
        else:
            level += 1
            newline_indent = '\n' + _indent * level
            separator = _item_separator + newline_indent
            prefix += newline_indent
        first = True
        for value in lst:
            if first:
                first = False
            else:
                prefix = separator
            text = scalar(value)
            if text is not None:
                yield prefix + text
            else:
                yield prefix
                yield from iterencode(value, level)
        if _indent is not None:
            level -= 1
            yield '\n' + _indent * level
        yield ']'
        leave(marker)

    def key_text(key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return _floatstr(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return int.__repr__(key)
        if _skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, '
                        f'not {key.__class__.__name__}')

    def iterencode_dict(dct, level):
        if not dct:
            yield '{}'
            return
        marker = enter(dct)
        yield '{'
        if _indent is None:
            separator = _item_separator
        else:
            level += 1
            newline_indent = '\n' + _indent * level
            separator = _item_separator + newline_indent
            yield newline_indent
        items = sorted(dct.items()) if _sort_keys else dct.items()
        first = True
        for key, value in items:
            name = key_text(key)
            if name is None:
                continue
            if first:
                first = False
            else:
                yield separator
            yield _encoder(name)
            yield _key_separator
            text = scalar(value)
            if text is not None:
                yield text
            else:
                yield from iterencode(value, level)
        if _indent is not None:
            level -= 1
            yield '\n' + _indent * level
        yield '}'
        leave(marker)

    def iterencode(o, level):
        text = scalar(o)
        if text is not None:
            yield text
        elif isinstance(o, (list, tuple)):
            yield from iterencode_list(o, level)
        elif isinstance(o, dict):
            yield from iterencode_dict(o, level)
        else:
            marker = enter(o)
            yield from iterencode(_default(o), level)
            leave(marker)

    return iterencode
