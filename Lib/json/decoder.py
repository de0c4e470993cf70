"""JSONDecoder: JSON text to Python objects.

A recursive-descent parser over the str; errors carry CPython's messages and positions
(JSONDecodeError with line and column)."""

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

_WHITESPACE = ' \t\n\r'
_SIMPLE_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n',
                   'r': '\r', 't': '\t'}
_CONSTANTS = {'-Infinity': NegInf, 'Infinity': PosInf, 'NaN': NaN}


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the error position: msg, doc, pos, lineno, colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


class _Parser:
    """One parse of one document."""

    def __init__(self, decoder, text):
        self.dec = decoder
        self.text = text
        self.memo = {}

    def fail(self, msg, pos):
        raise JSONDecodeError(msg, self.text, pos)

    def skip_space(self, pos):
        text = self.text
        n = len(text)
        while pos < n and text[pos] in _WHITESPACE:
            pos += 1
        return pos

    def value(self, pos):
        """Parse the value starting exactly at pos; return (value, end)."""
        text = self.text
        if pos >= len(text):
            self.fail('Expecting value', pos)
        ch = text[pos]
        if ch == '"':
            return self.string(pos + 1)
        if ch == '{':
            return self.object(pos + 1)
        if ch == '[':
            return self.array(pos + 1)
        if ch == 'n' and text.startswith('null', pos):
            return None, pos + 4
        if ch == 't' and text.startswith('true', pos):
            return True, pos + 4
        if ch == 'f' and text.startswith('false', pos):
            return False, pos + 5
        for name in ('NaN', 'Infinity', '-Infinity'):
            if text.startswith(name, pos):
                return self.dec.parse_constant(name), pos + len(name)
        if ch == '-' or '0' <= ch <= '9':
            result = self.number(pos)
            if result is not None:
                return result
        self.fail('Expecting value', pos)

    def number(self, pos):
        """Parse -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][-+]?[0-9]+)? at pos, or return None."""
        text = self.text
        n = len(text)
        i = pos
        if i < n and text[i] == '-':
            i += 1
        if i < n and text[i] == '0':
            i += 1
        elif i < n and '1' <= text[i] <= '9':
            while i < n and '0' <= text[i] <= '9':
                i += 1
        else:
            return None
        int_end = i
        is_float = False
        if i + 1 < n and text[i] == '.' and '0' <= text[i + 1] <= '9':
            i += 2
            while i < n and '0' <= text[i] <= '9':
                i += 1
            is_float = True
        if i < n and text[i] in 'eE':
            j = i + 1
            if j < n and text[j] in '+-':
                j += 1
            if j < n and '0' <= text[j] <= '9':
                while j < n and '0' <= text[j] <= '9':
                    j += 1
                i = j
                is_float = True
        if is_float:
            return self.dec.parse_float(text[pos:i]), i
        return self.dec.parse_int(text[pos:int_end]), int_end

    def string(self, pos):
        """Parse the rest of a string whose opening quote is at pos - 1."""
        text = self.text
        n = len(text)
        begin = pos - 1
        chunks = []
        strict = self.dec.strict
        while True:
            start = pos
            while pos < n:
                ch = text[pos]
                if ch == '"' or ch == '\\' or (ch < ' ' and strict):
                    break
                pos += 1
            if pos >= n:
                self.fail('Unterminated string starting at', begin)
            chunks.append(text[start:pos])
            ch = text[pos]
            if ch == '"':
                return ''.join(chunks), pos + 1
            if ch != '\\':
                self.fail('Invalid control character at', pos)
            pos += 1
            if pos >= n:
                self.fail('Unterminated string starting at', begin)
            esc = text[pos]
            if esc != 'u':
                try:
                    chunks.append(_SIMPLE_ESCAPES[esc])
                except KeyError:
                    self.fail('Invalid \\escape', pos - 1)
                pos += 1
                continue
            code = self.hex4(pos + 1)
            pos += 5
            if 0xd800 <= code <= 0xdbff and text.startswith('\\u', pos):
                low = self.hex4(pos + 2)
                if 0xdc00 <= low <= 0xdfff:
                    code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                    pos += 6
            chunks.append(chr(code))

    def hex4(self, pos):
        digits = self.text[pos:pos + 4]
        if len(digits) == 4 and all(c in '0123456789abcdefABCDEF' for c in digits):
            return int(digits, 16)
        self.fail('Invalid \\uXXXX escape', pos - 1)

    def object(self, pos):
        """Parse the rest of an object whose '{' is at pos - 1."""
        text = self.text
        pairs = []
        pos = self.skip_space(pos)
        if text[pos:pos + 1] == '}':
            return self.finish_object(pairs), pos + 1
        while True:
            if text[pos:pos + 1] != '"':
                self.fail('Expecting property name enclosed in double quotes', pos)
            key, pos = self.string(pos + 1)
            key = self.memo.setdefault(key, key)
            pos = self.skip_space(pos)
            if text[pos:pos + 1] != ':':
                self.fail("Expecting ':' delimiter", pos)
            pos = self.skip_space(pos + 1)
            value, pos = self.value(pos)
            pairs.append((key, value))
            pos = self.skip_space(pos)
            ch = text[pos:pos + 1]
            if ch == '}':
                return self.finish_object(pairs), pos + 1
            if ch != ',':
                self.fail("Expecting ',' delimiter", pos)
            comma = pos
            pos = self.skip_space(pos + 1)
            if text[pos:pos + 1] == '}':
                self.fail('Illegal trailing comma before end of object', comma)

    def finish_object(self, pairs):
        if self.dec.object_pairs_hook is not None:
            return self.dec.object_pairs_hook(pairs)
        obj = dict(pairs)
        if self.dec.object_hook is not None:
            return self.dec.object_hook(obj)
        return obj

    def array(self, pos):
        """Parse the rest of an array whose '[' is at pos - 1."""
        text = self.text
        items = []
        pos = self.skip_space(pos)
        if text[pos:pos + 1] == ']':
            return items, pos + 1
        while True:
            value, pos = self.value(pos)
            items.append(value)
            pos = self.skip_space(pos)
            ch = text[pos:pos + 1]
            if ch == ']':
                return items, pos + 1
            if ch != ',':
                self.fail("Expecting ',' delimiter", pos)
            comma = pos
            pos = self.skip_space(pos + 1)
            if text[pos:pos + 1] == ']':
                self.fail('Illegal trailing comma before end of array', comma)


class JSONDecoder(object):
    """Simple JSON decoder: object -> dict, array -> list, string -> str, number -> int or
    float, true/false -> True/False, null -> None; NaN, Infinity and -Infinity are also
    accepted."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        """Configure the decoder; the parameters have the meanings documented for
        json.loads().  With strict=False, control characters are allowed in strings."""
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        """Return the Python representation of the JSON document s (a str)."""
        parser = _Parser(self, s)
        obj, end = parser.value(parser.skip_space(0))
        end = parser.skip_space(end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document that starts at s[idx] (no leading whitespace allowed);
        return (object, index where it ended)."""
        parser = _Parser(self, s)
        try:
            return parser.value(idx)
        except JSONDecodeError as err:
            if err.msg == 'Expecting value':
                raise JSONDecodeError('Expecting value', s, err.pos) from None
            raise
