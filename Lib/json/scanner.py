"""The JSON value scanner.

make_scanner(context) returns scan_once(string, idx) -> (value, end): it parses the one
JSON value that starts exactly at string[idx] and raises StopIteration(idx) when no value
starts there.  The context (a JSONDecoder) supplies strict, object_hook,
object_pairs_hook, parse_float, parse_int, parse_constant, and for the pure-Python scanner
also parse_object, parse_array, parse_string and memo.  The C scanner from _json is used
when it is available."""

try:
    from _json import make_scanner as c_make_scanner
except ImportError:
    c_make_scanner = None

__all__ = ['make_scanner']

_DIGITS = '0123456789'


def _match_number(string, idx):
    """Match -?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)? at idx.

    Return (end of the integer part, end of the fraction or None, end of the exponent or
    None), or None when no number starts at idx."""
    n = len(string)
    i = idx
    if i < n and string[i] == '-':
        i += 1
    if i >= n:
        return None
    ch = string[i]
    if ch == '0':
        i += 1
    elif '1' <= ch <= '9':
        i += 1
        while i < n and string[i] in _DIGITS:
            i += 1
    else:
        return None
    int_end = i
    frac_end = None
    if i + 1 < n and string[i] == '.' and string[i + 1] in _DIGITS:
        i += 2
        while i < n and string[i] in _DIGITS:
            i += 1
        frac_end = i
    exp_end = None
    if i < n and string[i] in 'eE':
        j = i + 1
        if j < n and string[j] in '+-':
            j += 1
        digits = j
        while j < n and string[j] in _DIGITS:
            j += 1
        if j > digits:
            exp_end = j
    return int_end, frac_end, exp_end


def __getattr__(name):
    """NUMBER_RE, CPython's regular expression for JSON numbers, made on first use."""
    if name == 'NUMBER_RE':
        import re
        value = re.compile(r'(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?',
                           re.VERBOSE | re.MULTILINE | re.DOTALL)
        globals()[name] = value
        return value
    raise AttributeError(f'module {__name__!r} has no attribute {name!r}')


def py_make_scanner(context):
    """Return a pure-Python scan_once function configured from context."""
    parse_object = context.parse_object
    parse_array = context.parse_array
    parse_string = context.parse_string
    strict = context.strict
    parse_float = context.parse_float
    parse_int = context.parse_int
    parse_constant = context.parse_constant
    object_hook = context.object_hook
    object_pairs_hook = context.object_pairs_hook
    memo = context.memo

    def scan(string, idx):
        try:
            ch = string[idx]
        except IndexError:
            raise StopIteration(idx) from None
        if ch == '"':
            return parse_string(string, idx + 1, strict)
        if ch == '{':
            return parse_object((string, idx + 1), strict, scan, object_hook,
                                object_pairs_hook, memo)
        if ch == '[':
            return parse_array((string, idx + 1), scan)
        if ch == 'n' and string.startswith('null', idx):
            return None, idx + 4
        if ch == 't' and string.startswith('true', idx):
            return True, idx + 4
        if ch == 'f' and string.startswith('false', idx):
            return False, idx + 5
        match = _match_number(string, idx)
        if match is not None:
            int_end, frac_end, exp_end = match
            if frac_end is None and exp_end is None:
                return parse_int(string[idx:int_end]), int_end
            end = exp_end if exp_end is not None else frac_end
            return parse_float(string[idx:end]), end
        if ch == 'N' and string.startswith('NaN', idx):
            return parse_constant('NaN'), idx + 3
        if ch == 'I' and string.startswith('Infinity', idx):
            return parse_constant('Infinity'), idx + 8
        if ch == '-' and string.startswith('-Infinity', idx):
            return parse_constant('-Infinity'), idx + 9
        raise StopIteration(idx)

    def scan_once(string, idx):
        if idx < 0:
            raise ValueError('idx cannot be negative')
        try:
            return scan(string, idx)
        finally:
            memo.clear()

    return scan_once


make_scanner = c_make_scanner or py_make_scanner
