"""JSONEncoder: Python objects to JSON text.

The encoder walks the object graph recursively and appends text fragments to a list;
iterencode() hands out the same fragments lazily through a generator.  The output matches
CPython's json module character for character (separators, indentation, escapes)."""

__all__ = ['JSONEncoder']

_SHORT_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t',
                  '\b': '\\b', '\f': '\\f'}


def _unicode_escape(code):
    """\\uXXXX for a code point, as a UTF-16 surrogate pair above the BMP."""
    if code < 0x10000:
        return '\\u%04x' % code
    code -= 0x10000
    return '\\u%04x\\u%04x' % (0xd800 | (code >> 10), 0xdc00 | (code & 0x3ff))


def _needs_escape(ch, ascii_only):
    code = ord(ch)
    if ch in _SHORT_ESCAPES or code < 0x20:
        return True
    return ascii_only and code > 0x7e


def encode_basestring(s):
    """JSON string literal for s; only quotes, backslashes and control characters are
    escaped."""
    return _quote(s, False)


def encode_basestring_ascii(s):
    """JSON string literal for s with every non-ASCII character escaped as \\uXXXX."""
    return _quote(s, True)


py_encode_basestring = encode_basestring
py_encode_basestring_ascii = encode_basestring_ascii


def _quote(s, ascii_only):
    pieces = ['"']
    start = 0
    for index, ch in enumerate(s):
        if _needs_escape(ch, ascii_only):
            if start < index:
                pieces.append(s[start:index])
            pieces.append(_SHORT_ESCAPES.get(ch) or _unicode_escape(ord(ch)))
            start = index + 1
    pieces.append(s[start:])
    pieces.append('"')
    return ''.join(pieces)


class JSONEncoder(object):
    """Extensible JSON encoder for Python data structures.

    dict -> object, list and tuple -> array, str -> string, int and float (and subclasses)
    -> number, True/False -> true/false, None -> null.  Override default() to serialize
    other objects (return something serializable, or raise TypeError)."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        """Configure the encoder; the parameters have the meanings documented for
        json.dumps()."""
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
        """Return a serializable substitute for o; the base class raises TypeError."""
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        """Return the JSON text for o."""
        if isinstance(o, str):
            return _quote(o, self.ensure_ascii)
        out = []
        _Walker(self, out.append).value(o, 0)
        return ''.join(out)

    def iterencode(self, o, _one_shot=False):
        """Encode o, yielding the text in fragments (for writing to a stream)."""
        out = []
        _Walker(self, out.append).value(o, 0)
        return iter(out)


class _Walker:
    """One encoding pass: emit(fragment) receives the output in order."""

    def __init__(self, encoder, emit):
        self.enc = encoder
        self.emit = emit
        self.active = {} if encoder.check_circular else None
        indent = encoder.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent

    def float_text(self, f):
        if f != f:
            text = 'NaN'
        elif f == float('inf'):
            text = 'Infinity'
        elif f == -float('inf'):
            text = '-Infinity'
        else:
            return float.__repr__(f)
        if not self.enc.allow_nan:
            raise ValueError("Out of range float values are not JSON compliant: " + repr(f))
        return text

    def scalar_text(self, o):
        """The text of a scalar (str, None, bool, int, float), or None for containers and
        other objects."""
        if isinstance(o, str):
            return _quote(o, self.enc.ensure_ascii)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return self.float_text(o)
        return None

    def enter(self, o):
        if self.active is not None:
            if id(o) in self.active:
                raise ValueError("Circular reference detected")
            self.active[id(o)] = o

    def leave(self, o):
        if self.active is not None:
            del self.active[id(o)]

    def value(self, o, depth):
        text = self.scalar_text(o)
        if text is not None:
            self.emit(text)
        elif isinstance(o, (list, tuple)):
            self.sequence(o, depth)
        elif isinstance(o, dict):
            self.mapping(o, depth)
        else:
            self.enter(o)
            replacement = self.enc.default(o)
            try:
                self.value(replacement, depth)
            except BaseException as exc:
                exc.add_note(f'when serializing {type(o).__name__} object')
                raise
            self.leave(o)

    def open(self, bracket, depth):
        """Emit the opening bracket; return the separator between items and the text
        before the closing bracket."""
        self.emit(bracket)
        if self.indent is None:
            return self.enc.item_separator, ''
        inner = '\n' + self.indent * (depth + 1)
        self.emit(inner)
        return self.enc.item_separator + inner, '\n' + self.indent * depth

    def sequence(self, items, depth):
        if not items:
            self.emit('[]')
            return
        self.enter(items)
        separator, closing = self.open('[', depth)
        for position, item in enumerate(items):
            if position:
                self.emit(separator)
            try:
                self.value(item, depth + 1)
            except BaseException as exc:
                exc.add_note(f'when serializing {type(items).__name__} item {position}')
                raise
        self.emit(closing + ']')
        self.leave(items)

    def key_text(self, key):
        """The JSON key for a dict key, or None to skip it (skipkeys)."""
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self.float_text(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return int.__repr__(key)
        if self.enc.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, '
                        f'not {key.__class__.__name__}')

    def mapping(self, dct, depth):
        if not dct:
            self.emit('{}')
            return
        self.enter(dct)
        pairs = sorted(dct.items()) if self.enc.sort_keys else dct.items()
        separator, closing = self.open('{', depth)
        first = True
        for key, item in pairs:
            name = self.key_text(key)
            if name is None:
                continue
            if not first:
                self.emit(separator)
            first = False
            self.emit(_quote(name, self.enc.ensure_ascii))
            self.emit(self.enc.key_separator)
            try:
                self.value(item, depth + 1)
            except BaseException as exc:
                exc.add_note(f'when serializing {type(dct).__name__} item {key!r}')
                raise
        self.emit(closing + '}')
        self.leave(dct)
