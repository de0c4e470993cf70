"""JSONDecoder: JSON text to Python objects.

The scanning functions here are the pure-Python fallbacks: when the _json accelerator
module is available, scanstring and the scanner (json.scanner.make_scanner) come from it.
Errors are JSONDecodeError with the message and the position of the offending character."""

from json import scanner

try:
    from _json import scanstring as c_scanstring
except ImportError:
    c_scanstring = None

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

WHITESPACE_STR = ' \t\n\r'

_CONSTANTS = {
    '-Infinity': NegInf,
    'Infinity': PosInf,
    'NaN': NaN,
}

_SIMPLE_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n',
                   'r': '\r', 't': '\t'}
_HEX_DIGITS = frozenset('0123456789abcdefABCDEF')


def __getattr__(name):
    """CPython's regular-expression helpers (WHITESPACE, FLAGS, STRINGCHUNK) and BACKSLASH,
    made on first use so that importing json does not import re."""
    if name == 'BACKSLASH':
        return dict(_SIMPLE_ESCAPES)
    if name in ('FLAGS', 'WHITESPACE', 'STRINGCHUNK'):
        import re
        flags = re.VERBOSE | re.MULTILINE | re.DOTALL
        value = {
            'FLAGS': flags,
            'WHITESPACE': re.compile(r'[ \t\n\r]*', flags),
            'STRINGCHUNK': re.compile(r'(.*?)(["\\\x00-\x1f])', flags),
        }[name]
        globals()[name] = value
        return value
    raise AttributeError(f'module {__name__!r} has no attribute {name!r}')


class JSONDecodeError(ValueError):
    """A ValueError raised for malformed JSON.

    Besides the formatted message it carries msg (the bare message), doc (the text being
    parsed), pos (the index where parsing failed) and lineno/colno (pos as 1-based line and
    column)."""

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


def _skip_whitespace(s, end):
    """Index of the first non-whitespace character at or after end."""
    n = len(s)
    while end < n and s[end] in WHITESPACE_STR:
        end += 1
    return end


def _hex4(s, pos):
    """The code unit of the 4 hex digits at s[pos:pos + 4], or None.  As in the C
    scanner, the digits must not be the last characters of s."""
    digits = s[pos:pos + 4]
    if pos + 4 < len(s) and all(c in _HEX_DIGITS for c in digits):
        return int(digits, 16)
    return None


def py_scanstring(s, end, strict=True):
    """Scan the string s for a JSON string; end is the index just after the opening quote.

    Return (decoded str, index after the closing quote).  With strict=False, literal
    control characters are allowed in the string."""
    n = len(s)
    if end < 0 or end > n:
        raise ValueError('end is out of bounds')
    begin = end - 1
    chunks = []
    append = chunks.append
    pos = end
    while True:
        start = pos
        while pos < n:
            ch = s[pos]
            if ch == '"' or ch == '\\' or (strict and ch < ' '):
                break
            pos += 1
        else:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        if pos > start:
            append(s[start:pos])
        ch = s[pos]
        if ch == '"':
            return ''.join(chunks), pos + 1
        if ch != '\\':
            raise JSONDecodeError('Invalid control character at', s, pos)
        if pos + 1 >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        esc = s[pos + 1]
        if esc != 'u':
            try:
                append(_SIMPLE_ESCAPES[esc])
            except KeyError:
                raise JSONDecodeError('Invalid \\escape', s, pos) from None
            pos += 2
            continue
        code = _hex4(s, pos + 2)
        if code is None:
            raise JSONDecodeError('Invalid \\uXXXX escape', s, pos + 1)
        pos += 6
        if 0xd800 <= code <= 0xdbff and s[pos:pos + 2] == '\\u':
            low = _hex4(s, pos + 2)
            if low is None:
                raise JSONDecodeError('Invalid \\uXXXX escape', s, pos + 1)
            if 0xdc00 <= low <= 0xdfff:
                code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                pos += 6
        append(chr(code))


scanstring = c_scanstring or py_scanstring


def JSONObject(s_and_end, strict, scan_once, object_hook, object_pairs_hook, memo=None):
    """Parse the members of an object whose '{' is just before s_and_end[1].

    Return (object, index after the closing '}')."""
    s, end = s_and_end
    pairs = []
    if memo is None:
        memo = {}
    end = _skip_whitespace(s, end)
    if s[end:end + 1] != '}':
        while True:
            if s[end:end + 1] != '"':
                raise JSONDecodeError(
                    'Expecting property name enclosed in double quotes', s, end)
            key, end = scanstring(s, end + 1, strict)
            key = memo.setdefault(key, key)
            end = _skip_whitespace(s, end)
            if s[end:end + 1] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end = _skip_whitespace(s, end + 1)
            value, end = scan_once(s, end)
            pairs.append((key, value))
            end = _skip_whitespace(s, end)
            ch = s[end:end + 1]
            if ch == '}':
                break
            if ch != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end)
            comma = end
            end = _skip_whitespace(s, end + 1)
            if s[end:end + 1] == '}':
                raise JSONDecodeError('Illegal trailing comma before end of object', s, comma)
    end += 1
    if object_pairs_hook is not None:
        return object_pairs_hook(pairs), end
    pairs = dict(pairs)
    if object_hook is not None:
        pairs = object_hook(pairs)
    return pairs, end


def JSONArray(s_and_end, scan_once):
    """Parse the items of an array whose '[' is just before s_and_end[1].

    Return (list, index after the closing ']')."""
    s, end = s_and_end
    values = []
    end = _skip_whitespace(s, end)
    if s[end:end + 1] == ']':
        return values, end + 1
    while True:
        value, end = scan_once(s, end)
        values.append(value)
        end = _skip_whitespace(s, end)
        ch = s[end:end + 1]
        if ch == ']':
            return values, end + 1
        if ch != ',':
            raise JSONDecodeError("Expecting ',' delimiter", s, end)
        comma = end
        end = _skip_whitespace(s, end + 1)
        if s[end:end + 1] == ']':
            raise JSONDecodeError('Illegal trailing comma before end of array', s, comma)


class JSONDecoder(object):
    """Decoder of JSON text into Python objects.

    Objects become dicts, arrays lists, strings str, integral numbers int, other numbers
    float, true/false True/False and null None.  Beyond strict JSON, the words NaN,
    Infinity and -Infinity are read as the corresponding floats."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        """Configure the decoder.

        object_hook(dict) and object_pairs_hook(list of (key, value) pairs) replace each
        decoded object (object_pairs_hook wins when both are given); parse_float,
        parse_int and parse_constant convert the text of floats, integers and of
        -Infinity/Infinity/NaN.  With strict=False, control characters are allowed
        inside strings."""
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.parse_object = JSONObject
        self.parse_array = JSONArray
        self.parse_string = scanstring
        self.memo = {}
        self.scan_once = scanner.make_scanner(self)

    def decode(self, s):
        """Return the Python object for the JSON document s (a str); only whitespace may
        surround the document."""
        obj, end = self.raw_decode(s, idx=_skip_whitespace(s, 0))
        end = _skip_whitespace(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode the JSON document that starts exactly at s[idx]; return (object, end)
        where end is the index just after it, so trailing text is allowed."""
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError('Expecting value', s, err.value) from None
        return obj, end
