"""Unix shell-style filename pattern matching.

Patterns use the shell conventions:

    *       matches everything
    ?       matches any single character
    [seq]   matches any character in seq
    [!seq]  matches any character not in seq

fnmatch() normalises case with os.path.normcase(); fnmatchcase() does not.
translate() returns the text of an equivalent regular expression.  Braid has
no regular-expression engine, so matching is done by a small hand-written
matcher that follows exactly the semantics of that regular expression.
"""

import os
import posixpath

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

# Characters re.escape() puts a backslash before.
_REGEX_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")

# Token kinds produced by _parse().
_LITERAL = 0      # value: the character
_ANY = 1          # any single character
_CLASS = 2        # value: (negated, ranges) with ranges a tuple of (lo, hi)
_NEVER = 3        # matches nothing
_STAR = 4         # any run of characters

_MAX_CACHE = 32768
_cache = {}


def fnmatch(name, pat):
    """Test whether name matches pat, after os.path.normcase() of both."""
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


def fnmatchcase(name, pat):
    """Test whether name matches pat, comparing case exactly."""
    tokens = _compile(pat)
    return _match(tokens, _as_text(name, pat))


def filter(names, pat):
    """Return the subset of the names that match pat."""
    result = []
    pat = os.path.normcase(pat)
    tokens = _compile(pat)
    if os.path is posixpath:
        for name in names:
            if _match(tokens, _as_text(name, pat)):
                result.append(name)
    else:
        for name in names:
            if _match(tokens, _as_text(os.path.normcase(name), pat)):
                result.append(name)
    return result


def translate(pat):
    """Translate a shell pattern into the text of a regular expression.

    The expression is anchored at the end and matches newlines with '.'.
    """
    parts = []
    for kind, value, text in _scan(pat):
        if kind == _STAR:
            parts.append(None)
        else:
            parts.append(text)
    return _join_regex(parts)


def _as_text(name, pat):
    """Return name as str (bytes map to code points 0-255 like the pattern).

    Raise TypeError, as a regular expression would, when the kinds of name
    and pattern differ.
    """
    if isinstance(name, str):
        if isinstance(pat, bytes):
            raise TypeError("cannot use a bytes pattern on a string-like "
                            "object")
        return name
    if isinstance(name, (bytes, bytearray, memoryview)):
        if not isinstance(pat, bytes):
            raise TypeError("cannot use a string pattern on a bytes-like "
                            "object")
        return str(bytes(name), 'latin-1')
    raise TypeError("expected string or bytes-like object, got %r"
                    % type(name).__name__)


def _compile(pat):
    """Return the token list of pat (cached)."""
    key = (type(pat), pat)
    try:
        return _cache[key]
    except KeyError:
        pass
    if isinstance(pat, bytes):
        text = str(pat, 'latin-1')
    else:
        text = pat
    tokens = [(kind, value) for kind, value, _ in _scan(text)]
    if len(_cache) >= _MAX_CACHE:
        _cache.clear()
    _cache[key] = tokens
    return tokens


def _escape(ch):
    if ch in _REGEX_SPECIAL:
        return '\\' + ch
    return ch


def _scan(pat):
    """Return a list of (kind, value, regex_text), one per pattern element.

    Consecutive stars collapse into one _STAR token (whose text is None).
    """
    i = 0
    n = len(pat)
    tokens = []
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not tokens or tokens[-1][0] != _STAR:
                tokens.append((_STAR, None, None))
        elif c == '?':
            # The value '?' tells glob.translate() this came from a '?'.
            tokens.append((_ANY, '?', '.'))
        elif c == '[':
            end = _bracket_end(pat, i)
            if end < 0:
                tokens.append((_LITERAL, '[', '\\['))
            else:
                tokens.append(_bracket(pat, i, end))
                i = end + 1
        else:
            tokens.append((_LITERAL, c, _escape(c)))
    return tokens


def _bracket_end(pat, start):
    """Return the index of the ']' closing a set opened before start, or -1."""
    j = start
    n = len(pat)
    if j < n and pat[j] == '!':
        j += 1
    if j < n and pat[j] == ']':
        j += 1
    while j < n and pat[j] != ']':
        j += 1
    return j if j < n else -1


def _bracket(pat, start, end):
    """Return the token for the set pat[start:end] (without brackets)."""
    body = pat[start:end]
    if '-' not in body:
        content = body.replace('\\', '\\\\')
    else:
        # Split at the hyphens that form ranges; a hyphen right after the
        # opening (or after '!') or right after a range is literal.
        pieces = []
        first = start
        k = start + 2 if pat[start] == '!' else start + 1
        while True:
            k = pat.find('-', k, end)
            if k < 0:
                break
            pieces.append(pat[first:k])
            first = k + 1
            k += 3
        tail = pat[first:end]
        if tail:
            pieces.append(tail)
        else:
            pieces[-1] += '-'
        # Drop empty ranges such as 'z-a'.
        k = len(pieces) - 1
        while k > 0:
            if pieces[k - 1][-1] > pieces[k][0]:
                pieces[k - 1] = pieces[k - 1][:-1] + pieces[k][1:]
                del pieces[k]
            k -= 1
        content = '-'.join(p.replace('\\', '\\\\').replace('-', '\\-')
                           for p in pieces)
    # Escape the characters of set operations.
    escaped = []
    for ch in content:
        if ch in '&~|':
            escaped.append('\\')
        escaped.append(ch)
    content = ''.join(escaped)
    if not content:
        return (_NEVER, None, '(?!)')
    if content == '!':
        return (_ANY, None, '.')
    if content[0] == '!':
        content = '^' + content[1:]
    elif content[0] in '^[':
        content = '\\' + content
    return (_CLASS, _parse_class(content), '[' + content + ']')


def _parse_class(content):
    """Return (negated, ranges) for the text of a regex character class."""
    negated = False
    i = 0
    if content.startswith('^'):
        negated = True
        i = 1
    items = []
    n = len(content)
    while i < n:
        ch = content[i]
        if ch == '\\' and i + 1 < n:
            ch = content[i + 1]
            i += 2
        else:
            i += 1
        items.append(ch)
        # A range "a-b" (the '-' unescaped and not at the end).
        if i + 1 < n and content[i] == '-':
            hi = content[i + 1]
            i += 2
            if hi == '\\' and i < n:
                hi = content[i]
                i += 1
            items[-1] = (ch, hi)
    ranges = []
    for item in items:
        if isinstance(item, tuple):
            ranges.append(item)
        else:
            ranges.append((item, item))
    return (negated, tuple(ranges))


def _join_regex(parts):
    """Build the regex text from per-token texts, None marking a star."""
    out = []
    i = 0
    n = len(parts)
    # Fixed prefix before the first star.
    while i < n and parts[i] is not None:
        out.append(parts[i])
        i += 1
    while i < n:
        # parts[i] is a star; collect the literal run up to the next star.
        i += 1
        group = []
        while i < n and parts[i] is not None:
            group.append(parts[i])
            i += 1
        if i == n:
            out.append('.*')
            out.extend(group)
        else:
            out.append('(?>.*?' + ''.join(group) + ')')
    return '(?s:' + ''.join(out) + ')\\Z'


def _match_one(kind, value, ch):
    if kind == _LITERAL:
        return ch == value
    if kind == _ANY:
        return True
    if kind == _CLASS:
        negated, ranges = value
        for lo, hi in ranges:
            if lo <= ch <= hi:
                return not negated
        return negated
    return False


def _match(tokens, name):
    """Match the whole of name against the token list."""
    ti = 0
    ni = 0
    nt = len(tokens)
    nn = len(name)
    star_ti = -1
    star_ni = 0
    while ni < nn:
        if ti < nt:
            kind, value = tokens[ti]
            if kind == _STAR:
                star_ti = ti
                star_ni = ni
                ti += 1
                continue
            if _match_one(kind, value, name[ni]):
                ti += 1
                ni += 1
                continue
        if star_ti < 0:
            return False
        # Let the last star swallow one more character and retry.
        star_ni += 1
        ni = star_ni
        ti = star_ti + 1
    while ti < nt and tokens[ti][0] == _STAR:
        ti += 1
    return ti == nt
