"""email.message: the Message class (headers and a payload) and EmailMessage.

A Message holds an ordered list of (name, value) headers, in which names are matched
case-insensitively and may repeat, and a payload: a str for a simple message, a list of
Message objects for a multipart one.  Header values are kept and returned as given (the
compat32 policy).
"""

import base64
import binascii
import io
import re

from email import errors
from email.policy import compat32

__all__ = ['Message', 'EmailMessage']

_SEMISPLIT = re.compile(r';(?=(?:[^"\\]|\\.)*(?:"(?:[^"\\]|\\.)*"(?:[^"\\]|\\.)*)*$)')
_TSPECIALS = re.compile(r'[ \(\)<>@,;:\\"/\[\]\?=]')


def _quote(value):
    """Quote a parameter value: backslash-escape backslashes and double quotes."""
    return value.replace('\\', '\\\\').replace('"', '\\"')


def _unquote(value):
    """Remove one level of quoting (double quotes or angle brackets) from value."""
    if len(value) > 1:
        if value.startswith('"') and value.endswith('"'):
            return value[1:-1].replace('\\\\', '\\').replace('\\"', '"')
        if value.startswith('<') and value.endswith('>'):
            return value[1:-1]
    return value


def _format_param(param, value=None, quote=True):
    """Format 'param=value' for a header, quoting the value when it needs it."""
    if value is None or value == '':
        return param
    if quote or _TSPECIALS.search(value):
        return f'{param}="{_quote(value)}"'
    return f'{param}={value}'


def _parse_params(value):
    """Split a structured header value into its ';'-separated parts, stripped."""
    return [part.strip() for part in _SEMISPLIT.split(value)]


def _decode_quoted_printable(data):
    """Decode quoted-printable bytes (RFC 2045 section 6.7)."""
    out = bytearray()
    lines = data.split(b'\n')
    for index, line in enumerate(lines):
        line = line.rstrip(b'\r').rstrip(b' \t')
        soft_break = line.endswith(b'=')
        if soft_break:
            line = line[:-1]
        i = 0
        while i < len(line):
            char = line[i:i + 1]
            if char == b'=' and i + 2 < len(line) + 1:
                try:
                    out += binascii.unhexlify(line[i + 1:i + 3])
                    i += 3
                    continue
                except (binascii.Error, ValueError):
                    pass
            out += char
            i += 1
        if not soft_break and index < len(lines) - 1:
            out += b'\n'
    return bytes(out)


class Message:
    """An email message: headers (an ordered list of name, value pairs; names match
    regardless of case and may repeat) and a payload (a str, or a list of Message objects
    for a multipart message), with an optional Unix 'From ' envelope line."""

    def __init__(self, policy=compat32):
        self.policy = policy
        self._headers = []
        self._unixfrom = None
        self._payload = None
        self._charset = None
        self.preamble = self.epilogue = None
        self.defects = []
        self._default_type = 'text/plain'

    def __str__(self):
        """The message as text (as_string())."""
        return self.as_string()

    def as_string(self, unixfrom=False, maxheaderlen=0, policy=None):
        """Return the message as text (see email.generator.Generator): headers are not
        folded unless maxheaderlen is given, and 'From ' lines are left alone.  With
        unixfrom, the envelope line comes first."""
        from email.generator import Generator
        fp = io.StringIO()
        Generator(fp, mangle_from_=False, maxheaderlen=maxheaderlen,
                  policy=policy).flatten(self, unixfrom=unixfrom)
        return fp.getvalue()

    def __bytes__(self):
        """The message as bytes (as_bytes())."""
        return self.as_bytes()

    def as_bytes(self, unixfrom=False, policy=None):
        """Return the message as bytes (see email.generator.BytesGenerator)."""
        from email.generator import BytesGenerator
        fp = io.BytesIO()
        BytesGenerator(fp, mangle_from_=False, policy=policy).flatten(self,
                                                                      unixfrom=unixfrom)
        return fp.getvalue()

    def is_multipart(self):
        """Whether the payload is a list of messages."""
        return isinstance(self._payload, list)

    # Unix From_ line

    def set_unixfrom(self, unixfrom):
        self._unixfrom = unixfrom

    def get_unixfrom(self):
        return self._unixfrom

    # Payload manipulation

    def attach(self, payload):
        """Append payload (a Message) to the parts of a multipart message."""
        if self._payload is None:
            self._payload = [payload]
        else:
            try:
                self._payload.append(payload)
            except AttributeError:
                raise TypeError('Attach is not valid on a message with a non-multipart '
                                'payload') from None

    def get_payload(self, i=None, decode=False):
        """Return the payload: the str, or the list of parts (the i-th part if i is
        given).

        With decode, the body of a non-multipart message is returned as bytes after undoing
        its Content-Transfer-Encoding (base64 or quoted-printable); a multipart message gives
        None."""
        if self.is_multipart():
            if decode:
                return None
            if i is None:
                return self._payload
            return self._payload[i]
        if i is not None and not isinstance(self._payload, list):
            raise TypeError('Expected list, got %s' % type(self._payload))
        payload = self._payload
        if not decode:
            return payload
        if payload is None:
            return None
        if isinstance(payload, str):
            charset = self.get_content_charset() or 'ascii'
            try:
                bpayload = payload.encode(charset, 'surrogateescape')
            except (LookupError, UnicodeError):
                bpayload = payload.encode('raw-unicode-escape')
        else:
            bpayload = payload
        cte = str(self.get('content-transfer-encoding', '')).lower()
        if cte == 'quoted-printable':
            return _decode_quoted_printable(bpayload)
        if cte == 'base64':
            try:
                return base64.b64decode(b''.join(bpayload.splitlines()))
            except (binascii.Error, ValueError):
                self.defects.append(errors.InvalidBase64CharactersDefect())
                return bpayload
        return bpayload

    def set_payload(self, payload, charset=None):
        """Replace the payload (and set the charset, if one is given)."""
        self._payload = payload
        if charset is not None:
            self.set_charset(charset)

    def set_charset(self, charset):
        """Set the charset of the payload (adds MIME-Version and Content-Type)."""
        if charset is None:
            self.del_param('charset')
            self._charset = None
            return
        self._charset = str(charset)
        if 'MIME-Version' not in self:
            self.add_header('MIME-Version', '1.0')
        if 'Content-Type' not in self:
            self.add_header('Content-Type', 'text/plain', charset=self._charset)
        else:
            self.set_param('charset', self._charset)

    def get_charset(self):
        """Return the charset set with set_charset(), or None."""
        return self._charset

    # Dictionary-style access to the headers

    def __len__(self):
        """The number of headers, counting repeated ones."""
        return len(self._headers)

    def __getitem__(self, name):
        """The value of the first header called name, or None."""
        return self.get(name)

    def __setitem__(self, name, val):
        """Add a header at the end (an existing one of that name stays)."""
        self._headers.append((name, val))

    def __delitem__(self, name):
        """Remove every header called name (nothing happens if there is none)."""
        name = name.lower()
        self._headers = [(k, v) for k, v in self._headers if k.lower() != name]

    def __contains__(self, name):
        name = name.lower()
        return any(k.lower() == name for k, v in self._headers)

    def __iter__(self):
        for field, value in self._headers:
            yield field

    def keys(self):
        """The names of the headers, in order."""
        return [k for k, v in self._headers]

    def values(self):
        """The values of the headers, in order."""
        return [v for k, v in self._headers]

    def items(self):
        """The (name, value) pairs of the headers, in order."""
        return list(self._headers)

    def raw_items(self):
        """Return the (name, value) header pairs without modification."""
        return iter(self._headers.copy())

    def get(self, name, failobj=None):
        """The value of the first header called name, or failobj."""
        name = name.lower()
        for k, v in self._headers:
            if k.lower() == name:
                return v
        return failobj

    def set_raw(self, name, value):
        """Store name and value in the model without modification."""
        self._headers.append((name, value))

    def get_all(self, name, failobj=None):
        """The values of every header called name, in order, or failobj if there is none."""
        name = name.lower()
        values = [v for k, v in self._headers if k.lower() == name]
        return values if values else failobj

    def add_header(self, _name, _value, **_params):
        """Add a header with parameters: keyword arguments become name="value"
        parameters after _value (underscores in names become dashes; a None value gives the
        bare name).  add_header('Content-Disposition', 'attachment', filename='a.txt')."""
        parts = []
        for key, value in _params.items():
            key = key.replace('_', '-')
            if value is None:
                parts.append(key)
            else:
                parts.append(_format_param(key, value))
        if _value is not None:
            parts.insert(0, _value)
        self._headers.append((_name, '; '.join(parts)))

    def replace_header(self, _name, _value):
        """Replace the value of the first header called _name, keeping its place and its
        name's case; KeyError if there is none."""
        name = _name.lower()
        for index, (k, v) in enumerate(self._headers):
            if k.lower() == name:
                self._headers[index] = (k, _value)
                return
        raise KeyError(_name)

    # Content-Type and its parameters

    def get_content_type(self):
        """The content type, 'maintype/subtype' in lower case: the Content-Type's, or
        the default type without the header, or text/plain if the header is malformed."""
        missing = object()
        value = self.get('content-type', missing)
        if value is missing:
            return self.get_default_type()
        ctype = _parse_params(str(value))[0].lower()
        if ctype.count('/') != 1:
            return 'text/plain'
        return ctype

    def get_content_maintype(self):
        """The part of the content type before the slash."""
        return self.get_content_type().split('/')[0]

    def get_content_subtype(self):
        """The part of the content type after the slash."""
        return self.get_content_type().split('/')[1]

    def get_default_type(self):
        """The content type assumed without a Content-Type header."""
        return self._default_type

    def set_default_type(self, ctype):
        """Set the content type assumed without a Content-Type header."""
        self._default_type = ctype

    def _get_params_preserve(self, failobj, header):
        missing = object()
        value = self.get(header, missing)
        if value is missing:
            return failobj
        params = []
        for part in _parse_params(str(value)):
            name, sep, val = part.partition('=')
            if sep:
                params.append((name.strip().lower(), val.strip()))
            else:
                params.append((name.strip(), ''))
        return params

    def get_params(self, failobj=None, header='content-type', unquote=True):
        """The parameters of header as (name, value) pairs, the first being the value
        before the first ';' (with value ''); failobj if the header is missing."""
        params = self._get_params_preserve(failobj, header)
        if params is failobj:
            return failobj
        if unquote:
            return [(k, _unquote(v)) for k, v in params]
        return params

    def get_param(self, param, failobj=None, header='content-type', unquote=True):
        """The value of the parameter param (any case) of header, or failobj."""
        params = self._get_params_preserve(failobj, header)
        if params is failobj:
            return failobj
        for k, v in params:
            if k.lower() == param.lower():
                return _unquote(v) if unquote else v
        return failobj

    def set_param(self, param, value, header='Content-Type', requote=True, charset=None,
                  language='', replace=False):
        """Set the parameter param of header to value (adding the header if needed).

        A new parameter is appended to the header's text; replacing one rewrites every
        parameter (quoted if requote).  With replace, the header keeps its place.
        """
        current = self.get(header)
        if current is None and header.lower() == 'content-type':
            current = 'text/plain'
        if not self.get_param(param, header=header):
            addition = _format_param(param, value, requote)
            text = '; '.join([current, addition]) if current else addition
        else:
            parts = []
            for name, old in self.get_params(header=header, unquote=requote):
                if name.lower() == param.lower():
                    name, old = param, value
                parts.append(_format_param(name, old, requote))
            text = '; '.join(parts)
        if text != self.get(header):
            if replace and header in self:
                self.replace_header(header, text)
            else:
                del self[header]
                self[header] = text

    def del_param(self, param, header='content-type', requote=True):
        """Remove the parameter param from header."""
        if header not in self:
            return
        new_ctype = ''
        for p, v in self.get_params(header=header, unquote=requote):
            if p.lower() != param.lower():
                formatted = _format_param(p, v, requote)
                new_ctype = formatted if not new_ctype else '; '.join([new_ctype, formatted])
        if new_ctype != self.get(header):
            del self[header]
            self[header] = new_ctype

    def set_type(self, type, header='Content-Type', requote=True):
        """Replace the maintype/subtype of the Content-Type header (keeping its
        parameters) and set MIME-Version."""
        if type.count('/') != 1:
            raise ValueError
        if header.lower() == 'content-type':
            del self['mime-version']
            self['MIME-Version'] = '1.0'
        if header not in self:
            self[header] = type
            return
        params = self.get_params(header=header, unquote=requote)
        del self[header]
        self[header] = type
        for p, v in params[1:]:
            self.set_param(p, v, header, requote)

    def get_filename(self, failobj=None):
        """The filename parameter of Content-Disposition (or else the name parameter of
        Content-Type), or failobj."""
        missing = object()
        filename = self.get_param('filename', missing, 'content-disposition')
        if filename is missing:
            filename = self.get_param('name', missing, 'content-type')
        if filename is missing:
            return failobj
        return filename.strip()

    def get_boundary(self, failobj=None):
        """The boundary parameter of Content-Type, or failobj."""
        missing = object()
        boundary = self.get_param('boundary', missing)
        if boundary is missing:
            return failobj
        return boundary.rstrip()

    def set_boundary(self, boundary):
        """Set the boundary parameter of Content-Type (HeaderParseError without one)."""
        if 'content-type' not in self:
            raise errors.HeaderParseError('No Content-Type header found')
        self.set_param('boundary', boundary, replace=True)

    def get_content_charset(self, failobj=None):
        """The charset parameter of Content-Type in lower case, or failobj."""
        missing = object()
        charset = self.get_param('charset', missing)
        if charset is missing:
            return failobj
        try:
            ''.encode(charset)
        except (LookupError, TypeError):
            return failobj
        return charset.lower()

    def get_charsets(self, failobj=None):
        """The content charset of each part of the message (walk() order)."""
        return [part.get_content_charset(failobj) for part in self.walk()]

    def get_content_disposition(self):
        """The value of Content-Disposition before its parameters (lower case), or None."""
        value = self.get('content-disposition')
        if value is None:
            return None
        return _parse_params(str(value))[0].lower()

    def walk(self):
        """Yield the message and all its parts, depth first."""
        yield self
        if self.is_multipart():
            for subpart in self.get_payload():
                yield from subpart.walk()


class EmailMessage(Message):
    """A Message with the convenience methods of the modern API (get_body, iter_parts,
    get_content, set_content for text)."""

    def get_body(self, preferencelist=('related', 'html', 'plain')):
        """Return the best candidate for the body of the message."""
        for part in self.walk():
            maintype, subtype = part.get_content_type().split('/')
            if maintype == 'text' and subtype in preferencelist and \
                    part.get_content_disposition() != 'attachment':
                return part
        return None

    def iter_parts(self):
        """Return an iterator over the immediate subparts of a multipart."""
        if self.is_multipart():
            yield from self.get_payload()

    def get_content(self):
        """Return the payload: str for text parts (decoded), bytes for others."""
        data = self.get_payload(decode=True)
        if self.get_content_maintype() == 'text':
            return data.decode(self.get_content_charset('utf-8'), 'replace')
        return data

    def set_content(self, text, subtype='plain', charset='utf-8'):
        """Set a text payload and the matching Content-Type header."""
        del self['Content-Type']
        self['Content-Type'] = f'text/{subtype}; charset="{charset}"'
        self.set_payload(text if text.endswith('\n') else text + '\n')
