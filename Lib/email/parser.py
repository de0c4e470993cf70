"""Parsers of RFC 5322 and MIME messages.

Parser and HeaderParser read str sources; BytesParser and BytesHeaderParser read bytes
(decoded as ASCII with surrogateescape, so that any byte survives).  The header-only
parsers leave the body unparsed as a single str payload.
"""

import re

from email import errors
from email.message import Message

__all__ = ['Parser', 'HeaderParser', 'BytesParser', 'BytesHeaderParser', 'FeedParser',
           'BytesFeedParser']

_header_re = re.compile(r'^([^\s:]+)[ \t]*:(.*)$', re.DOTALL)


def _split_headers(lines, msg):
    """Fill msg's headers from lines (with their line endings); return the index of the
    first body line."""
    name, value_lines = None, []

    def flush():
        if name is not None:
            value = value_lines[0].lstrip(' \t') + ''.join(value_lines[1:])
            msg.set_raw(name, value.rstrip('\r\n'))

    index = 0
    for index, line in enumerate(lines):
        if line in ('\n', '\r\n', '\r'):
            flush()
            return index + 1
        if line[0] in ' \t':
            if name is None:
                msg.defects.append(errors.FirstHeaderLineIsContinuationDefect(line))
                continue
            value_lines.append(line)
            continue
        if index == 0 and line.startswith('From '):
            msg.set_unixfrom(line.rstrip('\r\n'))
            continue
        match = _header_re.match(line)
        if match is None:
            if line.startswith('From '):
                msg.defects.append(errors.MisplacedEnvelopeHeaderDefect(line))
                continue
            # Not a header: the body starts here, without the blank separator line.
            flush()
            msg.defects.append(errors.MissingHeaderBodySeparatorDefect(line))
            return index
        flush()
        name, value_lines = match.group(1), [match.group(2)]
    flush()
    return len(lines)


def _parse_lines(lines, message_class, headersonly):
    msg = message_class()
    body_start = _split_headers(lines, msg)
    body = ''.join(lines[body_start:])
    if headersonly:
        msg.set_payload(body)
        return msg
    ctype = msg.get_content_type()
    if ctype.startswith('multipart/'):
        _parse_multipart(msg, lines[body_start:], message_class)
    elif ctype == 'message/rfc822' or ctype == 'message/global':
        msg.set_payload([_parse_lines(lines[body_start:], message_class, False)])
    else:
        msg.set_payload(body)
    return msg


def _parse_multipart(msg, lines, message_class):
    """Split a multipart body at its boundary lines and parse each part."""
    boundary = msg.get_boundary()
    if boundary is None:
        msg.defects.append(errors.NoBoundaryInMultipartDefect())
        msg.set_payload(''.join(lines))
        return
    separator, closing = '--' + boundary, '--' + boundary + '--'
    preamble, parts, current, closed = [], [], None, False
    epilogue = []
    for line in lines:
        stripped = line.rstrip('\r\n').rstrip(' \t')
        if closed:
            epilogue.append(line)
        elif stripped == closing:
            if current is not None:
                parts.append(current)
            closed = True
        elif stripped == separator:
            if current is not None:
                parts.append(current)
            current = []
        elif current is None:
            preamble.append(line)
        else:
            current.append(line)
    if current is None:
        msg.defects.append(errors.StartBoundaryNotFoundDefect())
        msg.set_payload(''.join(lines))
        return
    if not closed:
        msg.defects.append(errors.CloseBoundaryNotFoundDefect())
        parts.append(current)
    payload = []
    for part_lines in parts:
        # The line break before a boundary belongs to the boundary.
        if part_lines:
            last = part_lines[-1]
            part_lines[-1] = last[:-2] if last.endswith('\r\n') else last.rstrip('\n')
        subpart = _parse_lines(part_lines, message_class, False)
        if msg.get_content_subtype() == 'digest' and 'content-type' not in subpart:
            subpart.set_default_type('message/rfc822')
        payload.append(subpart)
    msg.set_payload(payload)
    msg.preamble = ''.join(preamble).rstrip('\r\n') if preamble else None
    msg.epilogue = ''.join(epilogue) if closed else None
    if not payload:
        msg.defects.append(errors.MultipartInvariantViolationDefect())


class Parser:
    """Parses text into a message (an instance of _class, default email.message.Message)."""

    def __init__(self, _class=None, *, policy=None):
        self._class = Message if _class is None else _class
        self.policy = policy

    def parse(self, fp, headersonly=False):
        """Parse the text read from the file fp (with headersonly, only the headers)."""
        return self.parsestr(fp.read(), headersonly)

    def parsestr(self, text, headersonly=False):
        """Parse the str text (with headersonly, only the headers)."""
        lines = text.splitlines(keepends=True)
        return _parse_lines(lines, self._class, headersonly)


class HeaderParser(Parser):
    """A Parser that only parses the headers (the body stays one str payload)."""

    def parse(self, fp, headersonly=True):
        return Parser.parse(self, fp, True)

    def parsestr(self, text, headersonly=True):
        return Parser.parsestr(self, text, True)


class BytesParser:
    """Parses bytes into a message (decoded as ASCII, other bytes surrogate-escaped)."""

    def __init__(self, *args, **kw):
        self.parser = Parser(*args, **kw)

    def parse(self, fp, headersonly=False):
        """Parse the bytes read from the binary file fp."""
        return self.parsebytes(fp.read(), headersonly)

    def parsebytes(self, text, headersonly=False):
        """Parse the bytes text."""
        text = text.decode('ASCII', errors='surrogateescape')
        return self.parser.parsestr(text, headersonly)


class BytesHeaderParser(BytesParser):
    """A BytesParser that only parses the headers."""

    def parse(self, fp, headersonly=True):
        return BytesParser.parse(self, fp, headersonly=True)

    def parsebytes(self, text, headersonly=True):
        return BytesParser.parsebytes(self, text, headersonly=True)


class FeedParser:
    """An incremental parser: feed() it text as it arrives, close() returns the
    message.  FeedParser(_factory=None, *, policy=compat32); _factory is the message
    class (default email.message.Message)."""

    def __init__(self, _factory=None, *, policy=None):
        self._factory = Message if _factory is None else _factory
        self.policy = policy
        self._chunks = []
        self._headersonly = False

    def _set_headersonly(self):
        self._headersonly = True

    def feed(self, data):
        """Add data (str) to the text being parsed."""
        self._chunks.append(data)

    def close(self):
        """Parse everything fed and return the message."""
        text = ''.join(self._chunks)
        self._chunks = []
        return _parse_lines(text.splitlines(keepends=True), self._factory,
                            self._headersonly)


class BytesFeedParser(FeedParser):
    """A FeedParser fed bytes (decoded as ASCII, other bytes surrogate-escaped)."""

    def feed(self, data):
        super().feed(data.decode('ascii', 'surrogateescape'))
