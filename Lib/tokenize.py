"""Splitting Python source into tokens (the tokenize module).

tokenize(readline) is a generator that breaks a stream of bytes into Python tokens.  It
decodes the bytes according to PEP 263 (see detect_encoding()).  generate_tokens(readline)
does the same for a stream of str.  Each token is a TokenInfo 5-tuple: the token type, the
token string, the (row, column) where it starts and ends, and the physical line.  The first
token tokenize() yields is always an ENCODING token.

As in CPython 3.12+, an f-string gives FSTRING_START, FSTRING_MIDDLE for its text, the
tokens of each replacement field and FSTRING_END.
"""

import builtins
import collections
import io
import re
from codecs import BOM_UTF8, lookup

import token
from token import *  # noqa: F401,F403
from token import EXACT_TOKEN_TYPES

__all__ = token.__all__ + ['tokenize', 'generate_tokens', 'detect_encoding', 'untokenize',
                           'TokenInfo', 'open', 'TokenError']

cookie_re = re.compile(r'^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)', re.ASCII)
blank_re = re.compile(br'^[ \t\f]*(?:[#\r\n]|$)', re.ASCII)


class TokenInfo(collections.namedtuple('TokenInfo', 'type string start end line')):
    """A token: type, string, start (row, col), end (row, col) and the physical line."""

    def __repr__(self):
        annotated_type = '%d (%s)' % (self.type, tok_name[self.type])
        return ('TokenInfo(type=%s, string=%r, start=%r, end=%r, line=%r)' %
                self._replace(type=annotated_type))

    @property
    def exact_type(self):
        """The operator's own token type (e.g. LPAR) for OP tokens, else the type."""
        if self.type == OP and self.string in EXACT_TOKEN_TYPES:
            return EXACT_TOKEN_TYPES[self.string]
        return self.type


class TokenError(Exception):
    """Raised for input that ends inside a multi-line statement or string."""


# The scanner: at each position, optional blanks, then one of the alternatives below.
# Strings are found by their opening quote (after an optional prefix, which the 'name'
# alternative matches) and ended by _string_end().
_DIGITS = r'[0-9](?:_?[0-9])*'
_EXPONENT = r'[eE][-+]?' + _DIGITS
_FLOAT = (r'(?:' + _DIGITS + r'\.(?:' + _DIGITS + r')?|\.' + _DIGITS + r')(?:' +
          _EXPONENT + r')?|' + _DIGITS + _EXPONENT)
_NUMBER = ('(?:' + _FLOAT + '|' + _DIGITS + ')[jJ]|' + _FLOAT +
           r'|0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+'
           r'|0(?:_?0)*|[1-9](?:_?[0-9])*')
# Identifier characters: ASCII letters, digits and '_', and every non-ASCII character
# (the parser, not the tokenizer, rejects the ones identifiers cannot have).
_NAME = '[0-9A-Za-z_\x80-\U0010ffff]+'
_OPERATORS = '|'.join(re.escape(op) for op in sorted(EXACT_TOKEN_TYPES, key=len,
                                                        reverse=True))
_TRIPLE_QUOTES = ('"""', "'''")
_SCANNER = re.compile(
    r'[ \f\t]*(?:'
    r'(?P<comment>#[^\r\n]*)'
    r'|(?P<newline>\r?\n)'
    r'|(?P<continuation>\\\r?\n)'
    r'|(?P<number>' + _NUMBER + r')'
    r'|(?P<name>' + _NAME + r')'
    r'|(?P<quote>' + '|'.join(_TRIPLE_QUOTES) + r'|["\'])'
    r'|(?P<op>' + _OPERATORS + r')'
    r'|(?P<other>.)'
    r')?', re.DOTALL)

# The string prefixes, lower-cased (any case is valid).
_STRING_PREFIXES = frozenset(('', 'b', 'r', 'u', 'f', 'br', 'rb', 'fr', 'rf'))

_TABSIZE = 8


def _string_end(text, pos, quote):
    """Return the index just past the closing quote of a string whose text continues at
    text[pos:], or -1 if text ends first.  A backslash always escapes the character
    after it (in raw strings too, as far as finding the end goes)."""
    while True:
        closing = text.find(quote, pos)
        if closing < 0:
            return -1
        backslash = text.find('\\', pos, closing)
        if backslash < 0:
            return closing + len(quote)
        pos = backslash + 2


def _indentation(line):
    """Return (column, index) of the first non-blank character of line: a tab moves to
    the next multiple of 8 columns, a form feed restarts at column 0."""
    column = 0
    for index, char in enumerate(line):
        if char == ' ':
            column += 1
        elif char == '\t':
            column = (column // _TABSIZE + 1) * _TABSIZE
        elif char == '\f':
            column = 0
        else:
            return column, index
    return column, len(line)


def _continues(line):
    """Whether line ends with a backslash continuation."""
    return line.endswith(('\\\n', '\\\r\n'))


class _PendingString:
    """A string literal that goes on over the next lines."""

    def __init__(self, start, quote, line):
        self.start = start
        self.quote = quote
        self.text = line[start[1]:]     # the string so far
        self.lines = line               # the physical lines so far

    def add(self, line):
        self.text += line
        self.lines += line


def _get_normal_name(orig_enc):
    """The canonical spelling of an encoding name for the UTF-8 and Latin-1 families
    ('utf-8', 'iso-8859-1'); other names are returned unchanged."""
    enc = orig_enc[:12].lower().replace('_', '-')
    if enc == 'utf-8' or enc.startswith('utf-8-'):
        return 'utf-8'
    if enc in ('latin-1', 'iso-8859-1', 'iso-latin-1') or \
            enc.startswith(('latin-1-', 'iso-8859-1-', 'iso-latin-1-')):
        return 'iso-8859-1'
    return orig_enc


def detect_encoding(readline):
    """Detect the encoding that should be used to decode a Python source file.

    readline is called at most twice and must return bytes.  Return (encoding, lines):
    the encoding (a str) and the lines (bytes) read.  The encoding comes from a UTF-8 BOM
    or a PEP 263 coding cookie in the first two lines; the default is 'utf-8'.  A BOM
    with a cookie other than utf-8 raises SyntaxError, and so does an unknown encoding.
    If a BOM is present, the encoding returned is 'utf-8-sig'.
    """
    try:
        filename = readline.__self__.name
    except AttributeError:
        filename = None
    bom_found = False
    encoding = None
    default = 'utf-8'

    def read_or_stop():
        try:
            return readline()
        except StopIteration:
            return b''

    def find_cookie(line):
        try:
            line_string = line.decode('utf-8')
        except UnicodeDecodeError:
            msg = 'invalid or missing encoding declaration'
            if filename is not None:
                msg = '{} for {!r}'.format(msg, filename)
            raise SyntaxError(msg)
        match = cookie_re.match(line_string)
        if not match:
            return None
        encoding = _get_normal_name(match.group(1))
        try:
            lookup(encoding)
        except LookupError:
            if filename is None:
                msg = 'unknown encoding: ' + encoding
            else:
                msg = 'unknown encoding for {!r}: {}'.format(filename, encoding)
            raise SyntaxError(msg)
        if bom_found:
            if encoding != 'utf-8':
                if filename is None:
                    msg = 'encoding problem: utf-8'
                else:
                    msg = 'encoding problem for {!r}: utf-8'.format(filename)
                raise SyntaxError(msg)
            encoding += '-sig'
        return encoding

    first = read_or_stop()
    if first.startswith(BOM_UTF8):
        bom_found = True
        first = first[3:]
        default = 'utf-8-sig'
    if not first:
        return default, []
    encoding = find_cookie(first)
    if encoding:
        return encoding, [first]
    if not blank_re.match(first):
        return default, [first]
    second = read_or_stop()
    if not second:
        return default, [first]
    encoding = find_cookie(second)
    if encoding:
        return encoding, [first, second]
    return default, [first, second]


def open(filename):
    """Open a file in read only mode using the encoding detected by detect_encoding()."""
    buffer = builtins.open(filename, 'rb')
    try:
        encoding, lines = detect_encoding(buffer.readline)
        buffer.seek(0)
        text = io.TextIOWrapper(buffer, encoding, line_buffering=True)
        text.mode = 'r'
        return text
    except BaseException:
        buffer.close()
        raise


def tokenize(readline):
    """Tokenize a source read as bytes by readline (called repeatedly; it signals the end
    with b'' or StopIteration).  Yield TokenInfo tuples, the first of type ENCODING."""
    encoding, consumed = detect_encoding(readline)
    pending = iter(consumed)

    def next_line():
        for line in pending:
            return line
        try:
            return readline()
        except StopIteration:
            return b''

    def decoded_lines():
        while True:
            line = next_line()
            if not line:
                return
            yield line.decode(encoding)

    yield TokenInfo(ENCODING, encoding, (0, 0), (0, 0), '')
    lines = decoded_lines()
    yield from _tokenize(lambda: next(lines, ''))


def generate_tokens(readline):
    """Tokenize a source read as str by readline (which signals the end with '' or
    StopIteration).  Yield TokenInfo tuples; no ENCODING token."""
    def next_line():
        try:
            return readline()
        except StopIteration:
            return ''
    return _tokenize(next_line)


class _FString:
    """An f-string being tokenized.

    fields holds the replacement fields open in it, innermost last, each a list
    [bracket depth inside its expression, whether its format spec is being read].  With
    no field open, or in a format spec, the scanner reads text (FSTRING_MIDDLE, collected
    in middle across lines); otherwise it reads expression tokens.
    """

    def __init__(self, start, quote, raw):
        self.start = start
        self.quote = quote
        self.raw = raw
        self.fields = []
        self.middle = None      # [text, start, physical lines] of an FSTRING_MIDDLE

    def reading_text(self):
        return not self.fields or self.fields[-1][1]


def _fstring_text(fstring, line, pos, lnum):
    """Read f-string text (literal text or a format spec) from line[pos:], yielding its
    tokens, up to the next replacement field, the end of the spec, the end of the
    f-string or the end of the line.  Return the position reached."""
    in_spec = bool(fstring.fields)
    if fstring.middle is None:
        fstring.middle = ['', (lnum, pos), line]
    middle = fstring.middle

    def flush(end, always=False):
        text, start, lines = middle
        if text or always:
            yield TokenInfo(FSTRING_MIDDLE, text, start, (lnum, end), lines)
        fstring.middle = None

    index = pos
    while index < len(line):
        char = line[index]
        if line.startswith(fstring.quote, index):
            yield from flush(index)
            end = index + len(fstring.quote)
            yield TokenInfo(FSTRING_END, fstring.quote, (lnum, index), (lnum, end), line)
            fstring.fields = None       # finished
            return end
        if char == '\\':
            following = line[index + 1:index + 2]
            if following in ('{', '}', ''):
                length = 1
            elif following == 'N' and not fstring.raw and line[index + 2:index + 3] == '{':
                # A named escape, \N{...}: its braces are text, and it ends the middle.
                closing = line.find('}', index + 3)
                end = closing + 1 if closing >= 0 else len(line)
                middle[0] += line[index:end]
                yield from flush(end)
                fstring.middle = middle = ['', (lnum, end), line]
                index = end
                continue
            else:
                length = 2
            middle[0] += line[index:index + length]
            index += length
            continue
        if char in '{}' and not in_spec and line[index + 1:index + 2] == char:
            # A doubled brace is one literal brace; the middle ends after it.
            middle[0] += char
            yield from flush(index + 1)
            fstring.middle = middle = ['', (lnum, index + 2), line]
            index += 2
            continue
        if char == '{':
            yield from flush(index)
            yield TokenInfo(OP, '{', (lnum, index), (lnum, index + 1), line)
            fstring.fields.append([0, False])
            return index + 1
        if char == '}':
            if not in_spec:
                raise TokenError("f-string: single '}' is not allowed", (lnum, index))
            yield from flush(index, always=True)
            yield TokenInfo(OP, '}', (lnum, index), (lnum, index + 1), line)
            fstring.fields.pop()
            return index + 1
        middle[0] += char
        index += 1
    if fstring.quote not in _TRIPLE_QUOTES and not _continues(line):
        raise TokenError(f'unterminated f-string literal (detected at line {lnum})',
                         fstring.start)
    return index


def _tokenize(readline):
    """The tokenizer proper: readline returns successive str lines, '' at the end."""
    lnum = 0
    depth = 0               # brackets open
    joined = False          # the previous line ended with a backslash
    indents = [0]
    pending = None          # a _PendingString
    fstrings = []           # the f-strings open, innermost last (_FString)
    open_line = None        # (row, end) of a logical line still without its NEWLINE
    while True:
        line = readline()
        lnum += 1
        if '\0' in line:
            raise TokenError('source code cannot contain null bytes', (lnum, 0))
        pos = 0
        if pending is not None:
            if not line:
                raise TokenError('EOF in multi-line string', pending.start)
            end = _string_end(line, 0, pending.quote)
            if end < 0:
                if pending.quote not in _TRIPLE_QUOTES and not _continues(line):
                    raise TokenError(f'unterminated string literal (detected at line '
                                     f'{lnum})', pending.start)
                pending.add(line)
                continue
            yield TokenInfo(STRING, pending.text + line[:end], pending.start, (lnum, end),
                            pending.lines + line)
            pending = None
            pos = end
            open_line = (lnum, len(line))
        elif fstrings:
            if not line:
                raise TokenError('EOF in multi-line string', fstrings[-1].start)
            if fstrings[-1].middle is not None:
                fstrings[-1].middle[2] += line
        elif depth == 0 and not joined:
            if not line:
                break
            column, pos = _indentation(line)
            if pos == len(line):
                break
            if line[pos] in '#\r\n':
                # A comment or blank line: no indentation change, no NEWLINE.
                if line[pos] == '#':
                    comment = line[pos:].rstrip('\r\n')
                    yield TokenInfo(COMMENT, comment, (lnum, pos),
                                    (lnum, pos + len(comment)), line)
                    pos += len(comment)
                yield TokenInfo(NL, line[pos:], (lnum, pos), (lnum, len(line)), line)
                continue
            if column > indents[-1]:
                indents.append(column)
                yield TokenInfo(INDENT, line[:pos], (lnum, 0), (lnum, pos), line)
            while column < indents[-1]:
                if column not in indents:
                    raise IndentationError(
                        'unindent does not match any outer indentation level',
                        ('<tokenize>', lnum, pos, line))
                indents.pop()
                yield TokenInfo(DEDENT, '', (lnum, pos), (lnum, pos), line)
        else:
            if not line:
                raise TokenError('unexpected EOF in multi-line statement', (lnum, 0))
            joined = False

        while pos < len(line):
            if fstrings and fstrings[-1].reading_text():
                pos = yield from _fstring_text(fstrings[-1], line, pos, lnum)
                if fstrings[-1].fields is None:
                    fstrings.pop()
                open_line = (lnum, len(line))
                continue
            field = fstrings[-1].fields[-1] if fstrings else None
            match = _SCANNER.match(line, pos)
            kind = match.lastgroup
            if kind is None:
                break
            start, end = match.span(kind)
            text = match.group(kind)
            if text == ':=' and field is not None and not field[0]:
                # The ':' of a format spec followed by '='.
                text, end = ':', start + 1
            pos = end
            if kind == 'name' and text.lower() in _STRING_PREFIXES and \
                    line[end:end + 1] in ('"', "'"):
                quote_at = end
            elif kind == 'quote':
                quote_at = start
            else:
                quote_at = None
            if quote_at is not None:
                quote = line[quote_at:quote_at + 3]
                if quote not in _TRIPLE_QUOTES:
                    quote = line[quote_at]
                prefix = line[start:quote_at].lower()
                if 'f' in prefix:
                    pos = quote_at + len(quote)
                    yield TokenInfo(FSTRING_START, line[start:pos], (lnum, start),
                                    (lnum, pos), line)
                    fstrings.append(_FString((lnum, start), quote, 'r' in prefix))
                    continue
                close = _string_end(line, quote_at + len(quote), quote)
                if close < 0:
                    if quote not in _TRIPLE_QUOTES and not _continues(line):
                        raise TokenError(f'unterminated string literal (detected at line '
                                         f'{lnum})', (lnum, start))
                    pending = _PendingString((lnum, start), quote, line)
                    break
                pos = close
                yield TokenInfo(STRING, line[start:close], (lnum, start), (lnum, close), line)
                open_line = (lnum, len(line))
            elif kind == 'newline':
                inside = depth or fstrings
                yield TokenInfo(NL if inside else NEWLINE, text, (lnum, start), (lnum, end),
                                line)
                if not inside:
                    open_line = None
            elif kind == 'continuation':
                joined = True
            elif kind == 'comment':
                yield TokenInfo(COMMENT, text, (lnum, start), (lnum, end), line)
            else:
                if kind == 'number':
                    token_type = NUMBER
                elif kind == 'name':
                    token_type = NAME
                else:
                    token_type = OP
                    if field is not None:
                        # Inside a replacement field: '}' or ':' outside brackets ends
                        # the expression.
                        if text in ('(', '[', '{'):
                            field[0] += 1
                        elif text in (')', ']') or (text == '}' and field[0]):
                            field[0] -= 1
                        elif text == '}':
                            fstrings[-1].fields.pop()
                        elif text == ':' and not field[0]:
                            field[1] = True
                    elif text in ('(', '[', '{'):
                        depth += 1
                    elif text in (')', ']', '}'):
                        depth -= 1
                yield TokenInfo(token_type, text, (lnum, start), (lnum, end), line)
                open_line = (lnum, len(line))

    # The end of the input: close the last logical line, then every open indentation.
    if open_line is not None:
        row, column = open_line
        yield TokenInfo(NEWLINE, '', (row, column), (row, column + 1), '')
    for _ in indents[1:]:
        yield TokenInfo(DEDENT, '', (lnum, 0), (lnum, 0), '')
    yield TokenInfo(ENDMARKER, '', (lnum, 0), (lnum, 0), '')


_BRACE_OR_NAMED_ESCAPE = re.compile(r'(\\N\{[^}]*\})|([{}])')


def _escape_braces(text):
    """The source of FSTRING_MIDDLE text: braces doubled, except those of \\N{...}."""
    return _BRACE_OR_NAMED_ESCAPE.sub(lambda m: m.group(1) or m.group(2) * 2, text)


def untokenize(iterable):
    """Transform tokens back into Python source code.

    Each element of iterable is a TokenInfo or a sequence of at least two items (type,
    string).  With full 5-tuples the positions are used to restore the spacing, so that
    the result is the original source when the tokens came from tokenize(); with 2-tuples
    the result only tokenizes back to the same types and strings.  If the first token is
    ENCODING, the result is bytes in that encoding, else a str.
    """
    parts = []
    prev_row, prev_col = 1, 0
    encoding = None
    indents = []
    startline = True
    prev_string = None
    prev_type = None
    compat = False
    for tok in iterable:
        if len(tok) == 2:
            compat = True
        tok_type, string = tok[0], tok[1]
        if tok_type == ENCODING:
            encoding = string
            continue
        if tok_type == ENDMARKER:
            break
        if tok_type == FSTRING_MIDDLE:
            string = _escape_braces(string)
        if compat:
            # Only types and strings: put a space between names and numbers.
            if tok_type == INDENT:
                indents.append(string)
                continue
            if tok_type == DEDENT:
                indents.pop()
                continue
            if tok_type in (NEWLINE, NL):
                startline = True
            elif startline and indents:
                parts.append(indents[-1])
                startline = False
            elif tok_type in (NAME, NUMBER) and prev_string and \
                    (prev_string[-1].isalnum() or prev_string[-1] == '_'):
                parts.append(' ')
            elif tok_type in (STRING, FSTRING_START) and prev_type in (STRING, FSTRING_END):
                # Adjacent literals must not run into one (or into a triple quote).
                parts.append(' ')
            elif tok_type in (STRING, FSTRING_START) and prev_string and \
                    prev_string[-1].isalnum():
                parts.append(' ')
            elif prev_type == NUMBER and string.startswith('.'):
                parts.append(' ')
            elif prev_string == '{' and string.startswith('{'):
                # Not a doubled (literal) brace in an f-string.
                parts.append(' ')
            parts.append(string)
            if tok_type not in (NEWLINE, NL, INDENT, DEDENT):
                startline = False
            prev_string = string
            prev_type = tok_type
            continue
        start, end = tok[2], tok[3]
        row, col = start
        if row < prev_row or (row == prev_row and col < prev_col):
            raise ValueError('start ({},{}) precedes previous end ({},{})'.format(
                row, col, prev_row, prev_col))
        if row > prev_row:
            if parts and parts[-1] and parts[-1][-1] not in '\r\n':
                # A backslash continuation (the spacing before the backslash is lost).
                parts.append('\\\n' * (row - prev_row))
            prev_col = 0
        col_offset = col - prev_col
        if col_offset > 0:
            parts.append(' ' * col_offset)
        parts.append(string)
        prev_row, prev_col = end
        if tok_type == FSTRING_MIDDLE:
            # Escaped braces make the text longer than the token's span.
            lines = string.split('\n')
            prev_row = row + len(lines) - 1
            prev_col = (col if len(lines) == 1 else 0) + len(lines[-1])
        if tok_type in (NEWLINE, NL):
            prev_row += 1
            prev_col = 0
    out = ''.join(parts)
    if encoding is not None:
        return out.encode(encoding)
    return out
