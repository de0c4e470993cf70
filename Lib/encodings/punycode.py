"""Python 'punycode' codec: the Bootstring encoding of RFC 3492 with its parameters.

The encoded form is the basic (ASCII) characters of the text in order, a '-' if there were
any, then the other characters as variable-length base-36 deltas ('a'-'z', '0'-'9').
"""

import codecs

_BASE = 36
_TMIN = 1
_TMAX = 26
_SKEW = 38
_DAMP = 700
_INITIAL_BIAS = 72
_INITIAL_N = 0x80
_DIGITS = b'abcdefghijklmnopqrstuvwxyz0123456789'


def _adapt(delta, numpoints, first):
    """RFC 3492 section 6.1: the bias for the next delta."""
    delta = delta // _DAMP if first else delta // 2
    delta += delta // numpoints
    k = 0
    while delta > ((_BASE - _TMIN) * _TMAX) // 2:
        delta //= _BASE - _TMIN
        k += _BASE
    return k + ((_BASE - _TMIN + 1) * delta) // (delta + _SKEW)


def _threshold(k, bias):
    return min(max(k - bias, _TMIN), _TMAX)


def punycode_encode(text):
    """Encode str text; return bytes."""
    output = bytearray(ord(c) for c in text if ord(c) < 0x80)
    basic = handled = len(output)
    if basic:
        output.append(0x2d)
    n = _INITIAL_N
    delta = 0
    bias = _INITIAL_BIAS
    codes = [ord(c) for c in text]
    while handled < len(codes):
        m = min(c for c in codes if c >= n)
        delta += (m - n) * (handled + 1)
        n = m
        for c in codes:
            if c < n:
                delta += 1
            elif c == n:
                q = delta
                k = _BASE
                while True:
                    t = _threshold(k, bias)
                    if q < t:
                        break
                    output.append(_DIGITS[t + (q - t) % (_BASE - t)])
                    q = (q - t) // (_BASE - t)
                    k += _BASE
                output.append(_DIGITS[q])
                bias = _adapt(delta, handled + 1, handled == basic)
                delta = 0
                handled += 1
        delta += 1
        n += 1
    return bytes(output)


def _digit_value(byte):
    if 0x41 <= byte <= 0x5a:
        return byte - 0x41
    if 0x30 <= byte <= 0x39:
        return byte - 22
    return -1


def punycode_decode(text, errors='strict'):
    """Decode text (bytes-like or ASCII str); return str.

    With errors other than 'strict', decoding stops at the first bad delta and returns the
    characters inserted so far; a character beyond U+10FFFF becomes '?' (and the following
    deltas count from '?').
    """
    if isinstance(text, str):
        text = text.encode('ascii')
    text = bytes(text)
    dash = text.rfind(b'-')
    if dash < 0:
        output = []
        start = 0
    else:
        output = list(str(text[:dash], 'ascii', errors))
        start = dash + 1
    extended = text[start:].upper()
    n = _INITIAL_N
    i = 0
    bias = _INITIAL_BIAS
    pos = 0
    while pos < len(extended):
        old_i = i
        weight = 1
        k = _BASE
        while True:
            if pos >= len(extended):
                if errors == 'strict':
                    raise UnicodeDecodeError('punycode', text, len(text), len(text) + 1,
                                             'incomplete punycode string')
                return ''.join(output)
            digit = _digit_value(extended[pos])
            if digit < 0:
                if errors == 'strict':
                    raise UnicodeDecodeError('punycode', text, start + pos, start + pos + 1,
                                             "Invalid extended code point '%s'"
                                             % extended[pos])
                return ''.join(output)
            pos += 1
            i += digit * weight
            t = _threshold(k, bias)
            if digit < t:
                break
            weight *= _BASE - t
            k += _BASE
        size = len(output) + 1
        bias = _adapt(i - old_i, size, old_i == 0)
        n += i // size
        if n > 0x10FFFF:
            # CPython reports a position derived from i before its reduction modulo size,
            # and continues from '?'.
            if errors == 'strict':
                raise UnicodeDecodeError('punycode', extended, start + i - 1, start + i,
                                         'Invalid character U+%x' % n)
            n = ord('?')
        i %= size
        output.insert(i, chr(n))
        i += 1
    return ''.join(output)


class Codec(codecs.Codec):
    def encode(self, input, errors='strict'):
        return punycode_encode(input), len(input)

    def decode(self, input, errors='strict'):
        if errors not in ('strict', 'replace', 'ignore'):
            raise UnicodeError("Unsupported error handling: %s" % errors)
        return punycode_decode(input, errors), len(input)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return punycode_encode(input)


class IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        if self.errors not in ('strict', 'replace', 'ignore'):
            raise UnicodeError("Unsupported error handling: %s" % self.errors)
        return punycode_decode(input, self.errors)


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    pass


def getregentry():
    return codecs.CodecInfo(
        name='punycode',
        encode=Codec().encode,
        decode=Codec().decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamreader=StreamReader,
        streamwriter=StreamWriter,
    )
