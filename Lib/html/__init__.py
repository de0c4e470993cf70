"""General functions for HTML manipulation (Braid)."""

from html.entities import html5 as _html5

__all__ = ['escape', 'unescape']


def escape(s, quote=True):
    """Replace special characters "&", "<" and ">" by HTML-safe sequences.

    With quote true (the default), the quotation marks '"' and "'" are
    translated as well.
    """
    s = s.replace("&", "&amp;")
    s = s.replace("<", "&lt;")
    s = s.replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
        s = s.replace('\'', "&#x27;")
    return s


# Numeric references that HTML5 maps to another character (mostly the Windows-1252
# interpretation of the C1 control range).
_invalid_charrefs = {
    0x00: '\ufffd', 0x0d: '\r', 0x80: '\u20ac', 0x81: '\x81', 0x82: '\u201a',
    0x83: '\u0192', 0x84: '\u201e', 0x85: '\u2026', 0x86: '\u2020', 0x87: '\u2021',
    0x88: '\u02c6', 0x89: '\u2030', 0x8a: '\u0160', 0x8b: '\u2039', 0x8c: '\u0152',
    0x8d: '\x8d', 0x8e: '\u017d', 0x8f: '\x8f', 0x90: '\x90', 0x91: '\u2018',
    0x92: '\u2019', 0x93: '\u201c', 0x94: '\u201d', 0x95: '\u2022', 0x96: '\u2013',
    0x97: '\u2014', 0x98: '\u02dc', 0x99: '\u2122', 0x9a: '\u0161', 0x9b: '\u203a',
    0x9c: '\u0153', 0x9d: '\x9d', 0x9e: '\u017e', 0x9f: '\u0178',
}


def _is_invalid_codepoint(cp):
    if 0x1 <= cp <= 0x8 or 0xe <= cp <= 0x1f or 0x7f <= cp <= 0x9f:
        return True
    if 0xfdd0 <= cp <= 0xfdef or cp == 0xb:
        return True
    if (cp & 0xfffe) == 0xfffe and cp <= 0x10ffff:
        return True
    return False


_HEX = '0123456789abcdefABCDEF'
_DEC = '0123456789'
_NAME_STOP = '\t\n\f <&#;'


def _numeric(num):
    if num in _invalid_charrefs:
        return _invalid_charrefs[num]
    if 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
        return '\uFFFD'
    if _is_invalid_codepoint(num):
        return ''
    return chr(num)


def _named(s):
    if s in _html5:
        return _html5[s]
    for x in range(len(s) - 1, 1, -1):
        if s[:x] in _html5:
            return _html5[s[:x]] + s[x:]
    return '&' + s


def unescape(s):
    """Convert all named and numeric character references in s to Unicode."""
    if '&' not in s:
        return s
    out = []
    n = len(s)
    i = 0
    while True:
        amp = s.find('&', i)
        if amp < 0:
            out.append(s[i:])
            break
        out.append(s[i:amp])
        j = amp + 1
        if j < n and s[j] == '#':
            k = j + 1
            if k < n and s[k] in 'xX':
                k += 1
                start = k
                while k < n and s[k] in _HEX:
                    k += 1
                if k > start:
                    num = int(s[start:k], 16)
                    if k < n and s[k] == ';':
                        k += 1
                    out.append(_numeric(num))
                    i = k
                    continue
            else:
                start = k
                while k < n and s[k] in _DEC:
                    k += 1
                if k > start:
                    num = int(s[start:k])
                    if k < n and s[k] == ';':
                        k += 1
                    out.append(_numeric(num))
                    i = k
                    continue
            out.append('&')
            i = j
            continue
        k = j
        while k < n and k - j < 32 and s[k] not in _NAME_STOP:
            k += 1
        if k == j:
            out.append('&')
            i = j
            continue
        if k < n and s[k] == ';':
            k += 1
        out.append(_named(s[j:k]))
        i = k
    return ''.join(out)
