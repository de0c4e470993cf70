"""Python 'idna' codec: internationalized domain names (RFC 3490 ToASCII / ToUnicode).

Labels that are not plain ASCII go through nameprep (RFC 3491, the stringprep profile of
RFC 3454) and are then encoded with punycode behind the ACE prefix 'xn--'.

Nameprep needs Unicode 3.2 data; it asks unicodedata.ucd_3_2_0.  Braid's ucd_3_2_0 is the
current database with the characters assigned after Unicode 3.2 treated as unassigned, and the
case folding of tables B.2/B.3 is derived from str.lower() and str.casefold(), so labels
made of characters whose properties changed after Unicode 3.2 may be prepared differently
from CPython.
"""

import codecs
import unicodedata

ace_prefix = b'xn--'
sace_prefix = 'xn--'

# The label separators of RFC 3490 section 3.1: full stop, ideographic full stop,
# fullwidth full stop, halfwidth ideographic full stop.
_DOTS = {0x3002: '.', 0xff0e: '.', 0xff61: '.'}

# RFC 3454 table B.1: characters mapped to nothing.
_MAPPED_TO_NOTHING = frozenset(
    [0x00ad, 0x034f, 0x1806, 0x180b, 0x180c, 0x180d, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]
    + list(range(0xfe00, 0xfe10)))

# The tables nameprep prohibits (RFC 3491 section 5): C.1.2 non-ASCII space, C.2.2
# non-ASCII control, C.3 private use, C.4 non-characters (also every plane's last two code
# points, checked separately), C.5 surrogates, C.6 inappropriate for plain text, C.7
# inappropriate for canonical representation, C.8 display property changes and deprecated,
# C.9 tagging characters.  Inclusive ranges.
_PROHIBITED_RANGES = (
    (0x0080, 0x00a0), (0x0340, 0x0341), (0x06dd, 0x06dd), (0x070f, 0x070f),
    (0x1680, 0x1680), (0x180e, 0x180e), (0x2000, 0x200f), (0x2028, 0x202f),
    (0x205f, 0x2063), (0x206a, 0x206f), (0x2ff0, 0x2ffb), (0x3000, 0x3000),
    (0xd800, 0xf8ff), (0xfdd0, 0xfdef), (0xfeff, 0xfeff), (0xfff9, 0xfffd),
    (0x1d173, 0x1d17a), (0xe0001, 0xe0001), (0xe0020, 0xe007f), (0xf0000, 0xffffd),
    (0x100000, 0x10fffd),
)


def _prohibited(code):
    if code & 0xfffe == 0xfffe:
        return True
    for first, last in _PROHIBITED_RANGES:
        if code < first:
            return False
        if code <= last:
            return True
    return False


def _fold_no_normalization(ch):
    """RFC 3454 table B.3: full case folding of Unicode 3.2, else str.lower()."""
    if unicodedata.ucd_3_2_0.category(ch) != 'Cn':
        folded = ch.casefold()
        # Unicode 8.0 made Cherokee fold to its capital letters; Unicode 3.2 did not.
        if folded != ch.lower() and not folded.isupper():
            return folded
    return ch.lower()


def _fold(ch):
    """RFC 3454 table B.2: table B.3 closed under NFKC."""
    folded = _fold_no_normalization(ch)
    normalized = _normalize(folded)
    refolded = _normalize(''.join([_fold_no_normalization(c) for c in normalized]))
    return refolded if refolded != normalized else folded


def _normalize(text):
    return unicodedata.ucd_3_2_0.normalize('NFKC', text)


def nameprep(label):
    """Prepare a label for ToASCII: map, normalize, prohibit, check bidi (RFC 3491)."""
    label = ''.join([_fold(c) for c in label if ord(c) not in _MAPPED_TO_NOTHING])
    label = _normalize(label)
    for i, c in enumerate(label):
        if _prohibited(ord(c)):
            raise UnicodeEncodeError('idna', label, i, i + 1, 'Invalid character %r' % c)
    bidi = [unicodedata.ucd_3_2_0.bidirectional(c) for c in label]
    rand_al = [b in ('R', 'AL') for b in bidi]
    if any(rand_al):
        # RFC 3454 section 6: no left-to-right character in a right-to-left label, which
        # must start and end with a right-to-left character.
        for i, b in enumerate(bidi):
            if b == 'L':
                raise UnicodeEncodeError('idna', label, i, i + 1,
                                         'Violation of BIDI requirement 2')
        if not rand_al[0]:
            raise UnicodeEncodeError('idna', label, 0, 1, 'Violation of BIDI requirement 3')
        if not rand_al[-1]:
            raise UnicodeEncodeError('idna', label, len(label) - 1, len(label),
                                     'Violation of BIDI requirement 3')
    return label


def _ascii_or_none(label):
    try:
        return label.encode('ascii')
    except UnicodeEncodeError:
        return None


def ToASCII(label):
    """RFC 3490 ToASCII of one label (str); return bytes."""
    encoded = _ascii_or_none(label)
    if encoded is None:
        prepared = nameprep(label)
        encoded = _ascii_or_none(prepared)
        if encoded is None:
            if prepared.lower().startswith(sace_prefix):
                raise UnicodeEncodeError('idna', label, 0, len(sace_prefix),
                                         'Label starts with ACE prefix')
            encoded = ace_prefix + prepared.encode('punycode')
    if not encoded:
        raise UnicodeEncodeError('idna', label, 0, 1, 'label empty')
    if len(encoded) >= 64:
        raise UnicodeEncodeError('idna', label, 0, len(label), 'label too long')
    return encoded


def ToUnicode(label):
    """RFC 3490 ToUnicode of one label (bytes or str); return str."""
    if len(label) > 1024:
        # Too long to be valid; refuse it before the quadratic punycode decoding.
        raw = label if isinstance(label, bytes) else label.encode('utf-8', 'surrogatepass')
        raise UnicodeDecodeError('idna', raw, 0, len(label), 'label way too long')
    if isinstance(label, bytes):
        try:
            label.decode('ascii')
        except UnicodeDecodeError as exc:
            raise UnicodeDecodeError('idna', label, exc.start, exc.end, exc.reason) from None
        ascii_label = label
    else:
        ascii_label = _ascii_or_none(label)
        if ascii_label is None:
            prepared = nameprep(label)
            try:
                ascii_label = prepared.encode('ascii')
            except UnicodeEncodeError as exc:
                raise UnicodeEncodeError('idna', label, exc.start, exc.end,
                                         'Invalid character in IDN label') from None
    if not ascii_label.lower().startswith(ace_prefix):
        return str(ascii_label, 'ascii')
    result = ascii_label[len(ace_prefix):].decode('punycode')
    back = ToASCII(result)
    if str(ascii_label, 'ascii').lower() != str(back, 'ascii'):
        raise UnicodeDecodeError('idna', ascii_label, 0, len(ascii_label),
                                 "IDNA does not round-trip, '%r' != '%r'"
                                 % (ascii_label, back))
    return result


def _check_errors(errors):
    if errors != 'strict':
        raise UnicodeError('Unsupported error handling: %s' % errors)


def _label_offset(labels, index):
    """Position of labels[index] in the text they were split from (one separator each)."""
    return sum(len(label) for label in labels[:index]) + index


def _encode_labels(text, labels):
    """ToASCII each label; return the dotted bytes (positions in errors refer to text)."""
    result = bytearray()
    for i, label in enumerate(labels):
        if i:
            result += b'.'
        try:
            result += ToASCII(label)
        except UnicodeEncodeError as exc:
            offset = _label_offset(labels, i)
            raise UnicodeEncodeError('idna', text, offset + exc.start, offset + exc.end,
                                     exc.reason) from None
    return result


def _decode_labels(data, labels):
    """ToUnicode each label; return the list of results (positions refer to data)."""
    result = []
    for i, label in enumerate(labels):
        try:
            result.append(ToUnicode(label))
        except UnicodeEncodeError as exc:
            offset = _label_offset(labels, i)
            raise UnicodeDecodeError('idna', data, offset, offset + 1, exc.reason) from None
        except UnicodeDecodeError as exc:
            offset = _label_offset(labels, i)
            raise UnicodeDecodeError('idna', data, offset + exc.start, offset + exc.end,
                                     exc.reason) from None
    return result


class Codec(codecs.Codec):
    def encode(self, input, errors='strict'):
        _check_errors(errors)
        if not input:
            return b'', 0
        try:
            result = input.encode('ascii')
        except UnicodeEncodeError:
            pass
        else:
            # Plain ASCII: only the label lengths need checking.
            labels = result.split(b'.')
            for i, label in enumerate(labels[:-1]):
                if not label:
                    offset = _label_offset(labels, i)
                    raise UnicodeEncodeError('idna', input, offset, offset + 1,
                                             'label empty')
            for i, label in enumerate(labels):
                if len(label) >= 64:
                    offset = _label_offset(labels, i)
                    raise UnicodeEncodeError('idna', input, offset, offset + len(label),
                                             'label too long')
            return result, len(input)
        labels = input.translate(_DOTS).split('.')
        trailing_dot = b''
        if len(labels) > 1 and not labels[-1]:
            trailing_dot = b'.'
            del labels[-1]
        return bytes(_encode_labels(input, labels)) + trailing_dot, len(input)

    def decode(self, input, errors='strict'):
        _check_errors(errors)
        if not input:
            return '', 0
        if not isinstance(input, bytes):
            input = bytes(input)
        if ace_prefix not in input.lower():
            try:
                return input.decode('ascii'), len(input)
            except UnicodeDecodeError as exc:
                raise UnicodeDecodeError('idna', input, exc.start, exc.end,
                                         exc.reason) from None
        labels = input.split(b'.')
        trailing_dot = ''
        if len(labels) > 1 and not labels[-1]:
            trailing_dot = '.'
            del labels[-1]
        return '.'.join(_decode_labels(input, labels)) + trailing_dot, len(input)


class IncrementalEncoder(codecs.BufferedIncrementalEncoder):
    def _buffer_encode(self, input, errors, final):
        _check_errors(errors)
        if not input:
            return b'', 0
        labels = input.translate(_DOTS).split('.')
        trailing_dot = b''
        if not labels[-1]:
            trailing_dot = b'.'
            del labels[-1]
        elif not final:
            # The last label may continue in the next chunk.
            del labels[-1]
            if labels:
                trailing_dot = b'.'
        result = _encode_labels(input, labels) + trailing_dot
        return bytes(result), len('.'.join(labels)) + len(trailing_dot)


class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
    def _buffer_decode(self, input, errors, final):
        _check_errors(errors)
        if not input:
            return '', 0
        if isinstance(input, str):
            labels = input.translate(_DOTS).split('.')
        else:
            labels = str(input, 'ascii').split('.')
        trailing_dot = ''
        if not labels[-1]:
            trailing_dot = '.'
            del labels[-1]
        elif not final:
            del labels[-1]
            if labels:
                trailing_dot = '.'
        result = '.'.join(_decode_labels(input, labels)) + trailing_dot
        return result, len('.'.join(labels)) + len(trailing_dot)


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    pass


def getregentry():
    return codecs.CodecInfo(
        name='idna',
        encode=Codec().encode,
        decode=Codec().decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamwriter=StreamWriter,
        streamreader=StreamReader,
    )
