"""Read and write Apple property lists (.plist files).

A property list holds str, int (-2**63 .. 2**64-1), float, bool, bytes/bytearray,
datetime.datetime, list/tuple and dict (str keys) values, and, in the binary format
only, UID references.  Two encodings exist: XML (FMT_XML, the default for writing) and
binary ('bplist00', FMT_BINARY).  load()/loads() detect the format; dump()/dumps() write
the one asked for.

Braid reads XML property lists with a small parser of its own instead of pyexpat; it
accepts the XML that property lists use (elements, character data, character and the
five predefined entity references, CDATA, comments, processing instructions and a
DOCTYPE without an internal subset).
"""

import binascii
import codecs
import datetime
import enum
import io
import re
import struct

__all__ = ['InvalidFileException', 'FMT_XML', 'FMT_BINARY', 'load', 'dump', 'loads',
           'dumps', 'UID']

PlistFormat = enum.Enum('PlistFormat', 'FMT_XML FMT_BINARY', module=__name__)
FMT_XML = PlistFormat.FMT_XML
FMT_BINARY = PlistFormat.FMT_BINARY


class UID:
    """A reference to an object of an NSKeyedArchiver archive: an int in [0, 2**64)."""

    def __init__(self, data):
        if not isinstance(data, int):
            raise TypeError('data must be an int')
        if data >= 1 << 64:
            raise ValueError('UIDs cannot be >= 2**64')
        if data < 0:
            raise ValueError('UIDs must be positive')
        self.data = data

    def __index__(self):
        return self.data

    def __repr__(self):
        return f'{type(self).__name__}({self.data!r})'

    def __reduce__(self):
        return type(self), (self.data,)

    def __eq__(self, other):
        if not isinstance(other, UID):
            return NotImplemented
        return self.data == other.data

    def __hash__(self):
        return hash(self.data)


class InvalidFileException(ValueError):
    """The data is not a property list of the expected format."""

    def __init__(self, message='Invalid file'):
        ValueError.__init__(self, message)


# The reference date of binary plists (Core Foundation's absolute time).
_CF_EPOCH = datetime.datetime(2001, 1, 1)


# ----------------------------------------------------------------------------------
# XML

_XML_HEADER = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
               b'<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
               b'"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n')

_FORBIDDEN_CONTROL = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f]')
_ISO_DATE = re.compile(r'(\d{4})(?:-(\d\d)(?:-(\d\d)(?:T(\d\d)(?::(\d\d)(?::(\d\d))?)?)?)?)?Z',
                       re.ASCII)

_XML_TOKEN = re.compile(
    r'<!--.*?-->'
    r'|<\?.*?\?>'
    r'|<!DOCTYPE(?P<doctype>[^>]*)>'
    r'|<!\[CDATA\[(?P<cdata>.*?)\]\]>'
    r'|<(?P<close>/?)(?P<tag>[A-Za-z_][\w.:-]*)(?:\s[^<>]*?)?\s*(?P<selfclose>/?)>',
    re.DOTALL)
_XML_REFERENCE = re.compile(r'&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(\w+));')
_PREDEFINED_ENTITIES = {'lt': '<', 'gt': '>', 'amp': '&', 'quot': '"', 'apos': "'"}

_CONTAINERS = ('dict', 'array')


def _parse_iso_date(text, aware):
    match = _ISO_DATE.fullmatch(text.strip())
    if match is None:
        raise ValueError(f'invalid date: {text!r}')
    fields = [int(part) for part in match.groups() if part is not None]
    fields += [1] * (3 - len(fields)) if len(fields) < 3 else []
    if aware:
        return datetime.datetime(*fields, tzinfo=datetime.UTC)
    return datetime.datetime(*fields)


def _format_iso_date(value, aware):
    if aware:
        value = value.astimezone(datetime.UTC)
    return '%04d-%02d-%02dT%02d:%02d:%02dZ' % (value.year, value.month, value.day,
                                               value.hour, value.minute, value.second)


def _xml_text(data):
    """Decode XML bytes: a BOM or the encoding declaration decides (default UTF-8)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode('utf-8')
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode('utf-16')
    declared = re.match(rb'\s*<\?xml[^>]*?encoding\s*=\s*["\']([A-Za-z0-9._-]+)', data)
    return data.decode(declared.group(1).decode('ascii') if declared else 'utf-8')


def _resolve_references(text):
    def replace(match):
        hex_code, dec_code, name = match.groups()
        if hex_code:
            return chr(int(hex_code, 16))
        if dec_code:
            return chr(int(dec_code))
        if name in _PREDEFINED_ENTITIES:
            return _PREDEFINED_ENTITIES[name]
        raise InvalidFileException(f'undefined entity &{name};')
    return _XML_REFERENCE.sub(replace, text)


def _dict_items(mapping, sort_keys, skipkeys):
    """The (key, value) pairs of a dict to write: in key order with sort_keys; a key
    that is not a str is left out with skipkeys, else TypeError."""
    items = []
    for key, value in (sorted(mapping.items()) if sort_keys else mapping.items()):
        if not isinstance(key, str):
            if skipkeys:
                continue
            raise TypeError('keys must be strings')
        items.append((key, value))
    return items


class _XMLReader:
    """Turns the elements of an XML property list into Python values.

    Containers being filled sit on a stack; a <key> waits in pending_key until its
    value arrives.
    """

    def __init__(self, dict_type, aware_datetime):
        self.dict_type = dict_type
        self.aware = aware_datetime

    def read(self, data):
        text = _xml_text(data)
        self.stack = []
        self.pending_key = None
        self.root = None
        self.have_root = False
        chars = []
        pos = 0
        for token in _XML_TOKEN.finditer(text):
            chars.append(self._characters(text[pos:token.start()]))
            pos = token.end()
            if token.group('doctype') is not None and '[' in token.group('doctype'):
                raise InvalidFileException('XML entity declarations are not supported '
                                           'in plist files')
            if token.group('cdata') is not None:
                chars.append(token.group('cdata'))
            elif token.group('tag'):
                tag = token.group('tag')
                if not token.group('close'):
                    chars = []
                    self._start(tag)
                if token.group('close') or token.group('selfclose'):
                    self._end(tag, ''.join(chars))
                    chars = []
        if text[pos:].strip():
            raise InvalidFileException('junk after the document element')
        if self.stack:
            raise InvalidFileException('unclosed element')
        return self.root

    @staticmethod
    def _characters(chunk):
        if '<' in chunk:
            raise InvalidFileException('not well-formed (invalid token)')
        return _resolve_references(chunk)

    def _add(self, value):
        if not self.stack:
            if self.have_root:
                raise ValueError('unexpected element after the root object')
            self.root, self.have_root = value, True
            return
        container = self.stack[-1]
        if isinstance(container, list):
            container.append(value)
        elif self.pending_key is None:
            raise ValueError('unexpected element: a dict value without a key')
        else:
            container[self.pending_key] = value
            self.pending_key = None

    def _start(self, tag):
        if tag == 'dict':
            value = self.dict_type()
        elif tag == 'array':
            value = []
        else:
            return
        self._add(value)
        self.stack.append(value)

    def _end(self, tag, text):
        if tag in _CONTAINERS:
            if tag == 'dict' and self.pending_key is not None:
                raise ValueError(f"missing value for key '{self.pending_key}'")
            self.stack.pop()
        elif tag == 'key':
            if not self.stack or not isinstance(self.stack[-1], dict) or \
                    self.pending_key is not None:
                raise ValueError('unexpected key')
            self.pending_key = text
        elif tag == 'string':
            self._add(text)
        elif tag == 'integer':
            text = text.strip()
            self._add(int(text, 16) if text[:2].lower() == '0x' else int(text))
        elif tag == 'real':
            self._add(float(text))
        elif tag == 'true':
            self._add(True)
        elif tag == 'false':
            self._add(False)
        elif tag == 'data':
            self._add(binascii.a2b_base64(text.encode('ascii')))
        elif tag == 'date':
            self._add(_parse_iso_date(text, self.aware))


class _Writer:
    """What both writers are given: the binary file and dump()'s options."""

    def __init__(self, fp, sort_keys, skipkeys, aware_datetime):
        self.fp = fp
        self.sort_keys = sort_keys
        self.skipkeys = skipkeys
        self.aware = aware_datetime


class _XMLWriter(_Writer):
    """Writes a value as an XML property list, one element per line, tab-indented."""

    def write(self, value):
        self.fp.write(_XML_HEADER)
        self._line(0, '<plist version="1.0">')
        self._value(value, 0)
        self._line(0, '</plist>')

    def _line(self, depth, text):
        self.fp.write(b'\t' * depth + text.encode('utf-8') + b'\n')

    def _leaf(self, depth, tag, text):
        if _FORBIDDEN_CONTROL.search(text):
            raise ValueError("strings can't contain control characters; use bytes instead")
        text = text.replace('\r\n', '\n').replace('\r', '\n')
        text = text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
        self._line(depth, f'<{tag}>{text}</{tag}>')

    def _value(self, value, depth):
        if isinstance(value, str):
            self._leaf(depth, 'string', value)
        elif value is True or value is False:
            self._line(depth, '<true/>' if value else '<false/>')
        elif isinstance(value, int):
            if not -1 << 63 <= value < 1 << 64:
                raise OverflowError(value)
            self._line(depth, f'<integer>{value:d}</integer>')
        elif isinstance(value, float):
            self._line(depth, f'<real>{value!r}</real>')
        elif isinstance(value, dict):
            self._dict(value, depth)
        elif isinstance(value, (bytes, bytearray)):
            self._data(value, depth)
        elif isinstance(value, datetime.datetime):
            self._line(depth, f'<date>{_format_iso_date(value, self.aware)}</date>')
        elif isinstance(value, (list, tuple)):
            if not value:
                self._line(depth, '<array/>')
                return
            self._line(depth, '<array>')
            for item in value:
                self._value(item, depth + 1)
            self._line(depth, '</array>')
        else:
            raise TypeError(f'unsupported type: {type(value)}')

    def _dict(self, value, depth):
        if not value:
            self._line(depth, '<dict/>')
            return
        self._line(depth, '<dict>')
        for key, item in _dict_items(value, self.sort_keys, self.skipkeys):
            self._leaf(depth + 1, 'key', key)
            self._value(item, depth + 1)
        self._line(depth, '</dict>')

    def _data(self, value, depth):
        # Base64 lines as long as fit in 76 columns at this depth (a tab counts 8), in
        # whole groups of 4 characters, at least 16.
        width = max(16, 76 - 8 * depth)
        chunk = width // 4 * 3
        self._line(depth, '<data>')
        for start in range(0, len(value), chunk):
            encoded = binascii.b2a_base64(bytes(value[start:start + chunk]), newline=False)
            self._line(depth, encoded.decode('ascii'))
        self._line(depth, '</data>')


# ----------------------------------------------------------------------------------
# Binary ('bplist00'): a header, the objects, a table of their offsets, and a 32-byte
# trailer (6 unused bytes, offset width, reference width, object count, root object,
# offset-table position).  Every object starts with a marker byte: high nibble the
# type, low nibble a size (0xF: the size follows as an int object).

_TRAILER = struct.Struct('>6xBBQQQ')
_UNSIGNED = {1: 'B', 2: 'H', 4: 'L', 8: 'Q'}


def _width(count):
    """The number of bytes (1, 2, 4 or 8) an unsigned value below count needs."""
    for width in (1, 2, 4):
        if count < 1 << (8 * width):
            return width
    return 8


class _BinaryReader:
    """Decodes a binary property list; every structural error is InvalidFileException."""

    def __init__(self, dict_type, aware_datetime):
        self.dict_type = dict_type
        self.aware = aware_datetime

    def read(self, data):
        self.data = data
        try:
            (offset_width, self.ref_width, count, root,
             table) = _TRAILER.unpack(data[-_TRAILER.size:])
            self.offsets = self._uints(table, count, offset_width)
            self.cache = {}
            self.active = set()
            return self._object(root)
        except (IndexError, KeyError, struct.error, OverflowError, ValueError,
                TypeError, RecursionError):
            raise InvalidFileException() from None

    def _uints(self, pos, count, width):
        if width not in _UNSIGNED or pos + count * width > len(self.data):
            raise ValueError('bad table')
        return struct.unpack_from(f'>{count}{_UNSIGNED[width]}', self.data, pos)

    def _size(self, low, pos):
        """Return (size, position after it) for the marker's low nibble at pos-1."""
        if low != 0xF:
            return low, pos
        marker = self.data[pos]
        if marker & 0xF0 != 0x10:
            raise ValueError('bad size')
        width = 1 << (marker & 0x3)
        return int.from_bytes(self.data[pos + 1:pos + 1 + width], 'big'), pos + 1 + width

    def _bytes(self, pos, size):
        if pos + size > len(self.data):
            raise ValueError('truncated')
        return self.data[pos:pos + size]

    def _object(self, ref):
        if ref in self.cache:
            return self.cache[ref]
        if ref in self.active:
            raise ValueError('recursive object')
        pos = self.offsets[ref]
        marker = self.data[pos]
        kind, low = marker & 0xF0, marker & 0x0F
        pos += 1
        if marker == 0x00:
            value = None
        elif marker in (0x08, 0x09):
            value = marker == 0x09
        elif marker == 0x0F:
            value = b''
        elif kind == 0x10:
            value = int.from_bytes(self._bytes(pos, 1 << low), 'big', signed=low >= 3)
        elif marker == 0x22:
            value = struct.unpack_from('>f', self.data, pos)[0]
        elif marker == 0x23:
            value = struct.unpack_from('>d', self.data, pos)[0]
        elif marker == 0x33:
            seconds = struct.unpack_from('>d', self.data, pos)[0]
            epoch = _CF_EPOCH.replace(tzinfo=datetime.UTC) if self.aware else _CF_EPOCH
            value = epoch + datetime.timedelta(seconds=seconds)
        elif kind == 0x40:
            size, pos = self._size(low, pos)
            value = self._bytes(pos, size)
        elif kind == 0x50:
            size, pos = self._size(low, pos)
            value = self._bytes(pos, size).decode('ascii')
        elif kind == 0x60:
            size, pos = self._size(low, pos)
            value = self._bytes(pos, 2 * size).decode('utf-16be')
        elif kind == 0x80:
            value = UID(int.from_bytes(self._bytes(pos, low + 1), 'big'))
        elif kind in (0xA0, 0xD0):
            size, pos = self._size(low, pos)
            refs = self._uints(pos, size, self.ref_width)
            self.active.add(ref)
            if kind == 0xA0:
                value = [self._object(item) for item in refs]
            else:
                values = self._uints(pos + size * self.ref_width, size, self.ref_width)
                value = self.dict_type()
                for key_ref, value_ref in zip(refs, values):
                    value[self._object(key_ref)] = self._object(value_ref)
            self.active.discard(ref)
        else:
            raise ValueError('unknown marker')
        self.cache[ref] = value
        return value


class _BinaryWriter(_Writer):
    """Encodes a value as a binary property list.

    Objects are numbered depth first (a dict's keys before its values); equal scalars
    of the same type share one object, containers are shared only when identical.
    """

    def write(self, value):
        self.objects = []
        self.numbers = {}
        self._number(value)
        self.ref_width = _width(len(self.objects))
        out = bytearray(b'bplist00')
        offsets = []
        for obj in self.objects:
            offsets.append(len(out))
            out += self._encode(obj)
        table = len(out)
        offset_width = _width(table)
        out += struct.pack(f'>{len(offsets)}{_UNSIGNED[offset_width]}', *offsets)
        out += _TRAILER.pack(offset_width, self.ref_width, len(self.objects),
                             self._ref(value), table)
        self.fp.write(bytes(out))

    @staticmethod
    def _key(value):
        if isinstance(value, (str, int, float, bytes, datetime.datetime, UID)) \
                and not isinstance(value, bytearray):
            return type(value), value
        return id(value)

    def _items(self, mapping):
        return _dict_items(mapping, self.sort_keys, self.skipkeys)

    def _number(self, value):
        key = self._key(value)
        if key in self.numbers:
            return
        self.numbers[key] = len(self.objects)
        self.objects.append(value)
        if isinstance(value, dict):
            items = self._items(value)
            for key, _ in items:
                self._number(key)
            for _, item in items:
                self._number(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                self._number(item)

    def _ref(self, value):
        return self.numbers[self._key(value)]

    @staticmethod
    def _marker(kind, size):
        if size < 15:
            return bytes([kind | size])
        width = _width(size)
        return bytes([kind | 0xF, 0x10 | (width.bit_length() - 1)]) + \
            size.to_bytes(width, 'big')

    def _refs(self, values):
        return b''.join(self._ref(v).to_bytes(self.ref_width, 'big') for v in values)

    def _encode(self, value):
        if value is None:
            return b'\x00'
        if value is True or value is False:
            return b'\x09' if value else b'\x08'
        if isinstance(value, UID):
            width = _width(value.data)
            return bytes([0x80 | (width - 1)]) + value.data.to_bytes(width, 'big')
        if isinstance(value, int):
            if value < 0:
                if value < -1 << 63:
                    raise OverflowError(value)
                return b'\x13' + value.to_bytes(8, 'big', signed=True)
            if value >= 1 << 64:
                raise OverflowError(value)
            if value >= 1 << 63:
                return b'\x14' + value.to_bytes(16, 'big', signed=True)
            width = _width(value)
            return bytes([0x10 | (width.bit_length() - 1)]) + value.to_bytes(width, 'big')
        if isinstance(value, float):
            return b'\x23' + struct.pack('>d', value)
        if isinstance(value, datetime.datetime):
            if self.aware:
                delta = value - _CF_EPOCH.replace(tzinfo=datetime.UTC)
            else:
                delta = value - _CF_EPOCH
            return b'\x33' + struct.pack('>d', delta.total_seconds())
        if isinstance(value, (bytes, bytearray)):
            return self._marker(0x40, len(value)) + bytes(value)
        if isinstance(value, str):
            if value.isascii():
                return self._marker(0x50, len(value)) + value.encode('ascii')
            encoded = value.encode('utf-16be')
            return self._marker(0x60, len(encoded) // 2) + encoded
        if isinstance(value, (list, tuple)):
            return self._marker(0xA0, len(value)) + self._refs(value)
        if isinstance(value, dict):
            items = self._items(value)
            return (self._marker(0xD0, len(items)) + self._refs(k for k, _ in items) +
                    self._refs(v for _, v in items))
        raise TypeError(value)


# ----------------------------------------------------------------------------------
# Public interface

def _detect_format(header):
    if header.startswith(b'bplist00'):
        return FMT_BINARY
    for bom, encoding in ((b'', 'ascii'), (codecs.BOM_UTF8, 'utf-8'),
                          (codecs.BOM_UTF16_BE, 'utf-16-be'),
                          (codecs.BOM_UTF16_LE, 'utf-16-le')):
        for start in ('<?xml', '<plist'):
            if header.startswith(bom + start.encode(encoding)):
                return FMT_XML
    return None


_READERS = {FMT_XML: _XMLReader, FMT_BINARY: _BinaryReader}
_WRITERS = {FMT_XML: _XMLWriter, FMT_BINARY: _BinaryWriter}


def load(fp, *, fmt=None, dict_type=dict, aware_datetime=False):
    """Read a property list from the binary file object fp and return its root object.

    fmt is FMT_XML, FMT_BINARY or None (detect it); dicts are made with dict_type;
    with aware_datetime, dates are aware datetimes in UTC.
    """
    return loads(fp.read(), fmt=fmt, dict_type=dict_type, aware_datetime=aware_datetime)


def loads(value, *, fmt=None, dict_type=dict, aware_datetime=False):
    """Read a property list from bytes (or, for XML, str) and return its root object."""
    if isinstance(value, str):
        if fmt == FMT_BINARY:
            raise TypeError('value must be bytes-like object when fmt is FMT_BINARY')
        value = value.encode()
    value = bytes(value)
    if fmt is None:
        fmt = _detect_format(value[:32])
        if fmt is None:
            raise InvalidFileException()
    return _READERS[fmt](dict_type, aware_datetime).read(value)


def dump(value, fp, *, fmt=FMT_XML, sort_keys=True, skipkeys=False,
         aware_datetime=False):
    """Write value as a property list to the binary file object fp.

    With sort_keys, dict items are written in key order; with skipkeys, items whose
    key is not a str are left out instead of raising TypeError.
    """
    if fmt not in _WRITERS:
        raise ValueError(f'Unsupported format: {fmt!r}')
    _WRITERS[fmt](fp, sort_keys, skipkeys, aware_datetime).write(value)


def dumps(value, *, fmt=FMT_XML, skipkeys=False, sort_keys=True, aware_datetime=False):
    """Return value encoded as a property list (bytes)."""
    fp = io.BytesIO()
    dump(value, fp, fmt=fmt, skipkeys=skipkeys, sort_keys=sort_keys,
         aware_datetime=aware_datetime)
    return fp.getvalue()
