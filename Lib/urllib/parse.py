"""URL parsing, joining and quoting (RFC 3986).

urlsplit()/urlparse() break a URL into its components (RFC 3986, with the historical
behaviour of the Python standard library), urlunsplit()/urlunparse() put them back
together, urljoin() resolves a relative URL against a base; quote()/unquote() and
urlencode()/parse_qs() handle percent-encoding and query strings.
"""

import collections
import re

__all__ = ['urlparse', 'urlunparse', 'urljoin', 'urldefrag', 'urlsplit', 'urlunsplit',
           'urlencode', 'parse_qs', 'parse_qsl', 'quote', 'quote_plus', 'quote_from_bytes',
           'unquote', 'unquote_plus', 'unquote_to_bytes', 'DefragResult', 'ParseResult',
           'SplitResult', 'DefragResultBytes', 'ParseResultBytes', 'SplitResultBytes']

uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file', 'https',
                 'shttp', 'mms', 'prospero', 'rtsp', 'rtsps', 'rtspu', 'sftp', 'svn',
                 'svn+ssh', 'ws', 'wss']
uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file',
               'mms', 'https', 'shttp', 'snews', 'prospero', 'rtsp', 'rtsps', 'rtspu',
               'rsync', 'svn', 'svn+ssh', 'sftp', 'nfs', 'git', 'git+ssh', 'ws', 'wss',
               'itms-services']
uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp',
               'rtsps', 'rtspu', 'sip', 'sips', 'mms', 'sftp', 'tel']

scheme_chars = ('abcdefghijklmnopqrstuvwxyz'
                'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                '0123456789'
                '+-.')

_UNSAFE_URL_BYTES_TO_REMOVE = ['\t', '\r', '\n']
_WHATWG_C0_CONTROL_OR_SPACE = ''.join(chr(i) for i in range(33))


def _coerce_args(*args):
    """Return (str args, encode function): bytes arguments are decoded as ASCII and the
    results encoded back."""
    str_input = isinstance(args[0], str)
    for arg in args[1:]:
        if arg and isinstance(arg, str) != str_input:
            raise TypeError('Cannot mix str and non-str arguments')
    if str_input:
        return args + (lambda x: x,)
    decoded = tuple(x.decode('ascii', 'strict') if x else '' for x in args)
    return decoded + (_encode_result,)


def _encode_result(obj, encoding='ascii', errors='strict'):
    return obj.encode(encoding, errors)


def _decode_args(args, encoding='ascii', errors='strict'):
    return tuple(x.decode(encoding, errors) if x else '' for x in args)


class _NetlocResultMixin:
    """The parts of the netloc of a parsed result (str or bytes): username, password,
    hostname and port."""

    __slots__ = ()

    def _netloc_parts(self):
        """Return (userinfo or None, hostinfo) of the netloc."""
        at = '@' if isinstance(self.netloc, str) else b'@'
        userinfo, have_info, hostinfo = self.netloc.rpartition(at)
        return (userinfo if have_info else None), hostinfo

    @property
    def _userinfo(self):
        userinfo, _ = self._netloc_parts()
        if userinfo is None:
            return None, None
        colon = ':' if isinstance(userinfo, str) else b':'
        username, have_password, password = userinfo.partition(colon)
        return username, (password if have_password else None)

    @property
    def _hostinfo(self):
        _, hostinfo = self._netloc_parts()
        if isinstance(hostinfo, str):
            open_bracket, close_bracket, colon = '[', ']', ':'
        else:
            open_bracket, close_bracket, colon = b'[', b']', b':'
        _, have_open_br, bracketed = hostinfo.partition(open_bracket)
        if have_open_br:
            hostname, _, port = bracketed.partition(close_bracket)
            _, _, port = port.partition(colon)
        else:
            hostname, _, port = hostinfo.partition(colon)
        return hostname, (port or None)

    @property
    def username(self):
        return self._userinfo[0]

    @property
    def password(self):
        return self._userinfo[1]

    @property
    def hostname(self):
        hostname = self._hostinfo[0]
        if not hostname:
            return None
        separator = '%' if isinstance(hostname, str) else b'%'
        hostname, percent, zone = hostname.partition(separator)
        return hostname.lower() + percent + zone

    @property
    def port(self):
        port = self._hostinfo[1]
        if port is not None:
            if port.isdigit() and port.isascii():
                port = int(port)
            else:
                raise ValueError(f'Port could not be cast to integer value as {port!r}')
            if not (0 <= port <= 65535):
                raise ValueError('Port out of range 0-65535')
        return port


_DefragResultBase = collections.namedtuple('DefragResult', 'url fragment')
_SplitResultBase = collections.namedtuple('SplitResult',
                                          'scheme netloc path query fragment')
_ParseResultBase = collections.namedtuple('ParseResult',
                                          'scheme netloc path params query fragment')


class _ResultMixinStr:
    """encode(): the same result with every component encoded to bytes."""

    __slots__ = ()

    def encode(self, encoding='ascii', errors='strict'):
        return self._encoded_counterpart(*(x.encode(encoding, errors) for x in self))


class _ResultMixinBytes:
    """decode(): the same result with every component decoded to str."""

    __slots__ = ()

    def decode(self, encoding='ascii', errors='strict'):
        return self._decoded_counterpart(*(x.decode(encoding, errors) for x in self))


class DefragResult(_DefragResultBase, _ResultMixinStr):
    __slots__ = ()

    def geturl(self):
        if self.fragment:
            return self.url + '#' + self.fragment
        return self.url


class SplitResult(_SplitResultBase, _NetlocResultMixin, _ResultMixinStr):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResult(_ParseResultBase, _NetlocResultMixin, _ResultMixinStr):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


class DefragResultBytes(_DefragResultBase, _ResultMixinBytes):
    __slots__ = ()

    def geturl(self):
        if self.fragment:
            return self.url + b'#' + self.fragment
        return self.url


class SplitResultBytes(_SplitResultBase, _NetlocResultMixin, _ResultMixinBytes):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResultBytes(_ParseResultBase, _NetlocResultMixin, _ResultMixinBytes):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


for _decoded, _encoded in ((DefragResult, DefragResultBytes),
                           (SplitResult, SplitResultBytes),
                           (ParseResult, ParseResultBytes)):
    _decoded._encoded_counterpart = _encoded
    _encoded._decoded_counterpart = _decoded
del _decoded, _encoded


def urlparse(url, scheme='', allow_fragments=True):
    """Split a URL into six parts, scheme://netloc/path;params?query#fragment.

    Return a ParseResult (ParseResultBytes for a bytes URL), a named tuple with the six
    parts and the username, password, hostname and port attributes.  scheme is the default
    scheme; with allow_fragments false, '#' is not special."""
    url, scheme, _coerce_result = _coerce_args(url, scheme)
    scheme, netloc, url, query, fragment = _urlsplit(url, scheme, allow_fragments)
    if scheme in uses_params and ';' in url:
        url, params = _splitparams(url)
    else:
        params = ''
    result = ParseResult(scheme, netloc, url, params, query, fragment)
    return result if _coerce_result is not _encode_result else result.encode()


def _splitparams(url):
    if '/' in url:
        i = url.find(';', url.rfind('/'))
        if i < 0:
            return url, ''
    else:
        i = url.find(';')
    return url[:i], url[i + 1:]


def _splitnetloc(url, start=0):
    delim = len(url)
    for c in '/?#':
        wdelim = url.find(c, start)
        if wdelim >= 0:
            delim = min(delim, wdelim)
    return url[start:delim], url[delim:]


def _check_bracketed_netloc(netloc):
    hostname_and_port = netloc.rpartition('@')[2]
    before_bracket, have_open_br, bracketed = hostname_and_port.partition('[')
    if have_open_br:
        if before_bracket:
            raise ValueError('Invalid IPv6 URL')
        hostname, _, port = bracketed.partition(']')
        if port and not port.startswith(':'):
            raise ValueError('Invalid IPv6 URL')


def urlsplit(url, scheme='', allow_fragments=True):
    """Split a URL into five parts, scheme://netloc/path?query#fragment (the
    parameters stay in the path).

    Return a SplitResult (SplitResultBytes for a bytes URL), a named tuple with the five
    parts and the username, password, hostname and port attributes.  Leading C0 control
    characters and spaces, and every tab and line break, are removed first."""
    url, scheme, _coerce_result = _coerce_args(url, scheme)
    result = SplitResult(*_urlsplit(url, scheme, allow_fragments))
    return result if _coerce_result is not _encode_result else result.encode()


def _urlsplit(url, scheme, allow_fragments):
    url = url.lstrip(_WHATWG_C0_CONTROL_OR_SPACE)
    scheme = scheme.strip(_WHATWG_C0_CONTROL_OR_SPACE)
    for b in _UNSAFE_URL_BYTES_TO_REMOVE:
        url = url.replace(b, '')
        scheme = scheme.replace(b, '')
    allow_fragments = bool(allow_fragments)
    netloc = query = fragment = ''
    i = url.find(':')
    if i > 0 and url[0].isascii() and url[0].isalpha():
        for c in url[:i]:
            if c not in scheme_chars:
                break
        else:
            scheme, url = url[:i].lower(), url[i + 1:]
    if url[:2] == '//':
        netloc, url = _splitnetloc(url, 2)
        if (('[' in netloc and ']' not in netloc) or
                (']' in netloc and '[' not in netloc)):
            raise ValueError('Invalid IPv6 URL')
        if '[' in netloc and ']' in netloc:
            _check_bracketed_netloc(netloc)
    if allow_fragments and '#' in url:
        url, fragment = url.split('#', 1)
    if '?' in url:
        url, query = url.split('?', 1)
    return scheme, netloc, url, query, fragment


def urlunparse(components):
    """Build a URL from the six parts urlparse() returns.  The result may differ
    from the URL parsed by redundant delimiters (an empty query's '?' is dropped)."""
    scheme, netloc, url, params, query, fragment, _coerce_result = _coerce_args(
        *components)
    if params:
        url = '%s;%s' % (url, params)
    result = urlunsplit((scheme, netloc, url, query, fragment))
    return result if _coerce_result is not _encode_result else result.encode()


def urlunsplit(components):
    """Build a URL from the five parts (any iterable of five) urlsplit() returns."""
    scheme, netloc, url, query, fragment, _coerce_result = _coerce_args(*components)
    if netloc:
        if url and url[:1] != '/':
            url = '/' + url
        url = '//' + netloc + url
    elif url[:2] == '//':
        url = '//' + url
    elif scheme and scheme in uses_netloc and (not url or url[:1] == '/'):
        url = '//' + url
    if scheme:
        url = scheme + ':' + url
    if query:
        url = url + '?' + query
    if fragment:
        url = url + '#' + fragment
    return url if _coerce_result is not _encode_result else url.encode()


def urljoin(base, url, allow_fragments=True):
    """Resolve url against base (RFC 3986 section 5.2) and return the result.

    A url with another scheme, or a scheme without relative URLs, is returned as it is."""
    if not base:
        return url
    if not url:
        return base
    base, url, _coerce_result = _coerce_args(base, url)
    bscheme, bnetloc, bpath, bparams, bquery, bfragment = \
        urlparse(base, '', allow_fragments)
    scheme, netloc, path, params, query, fragment = \
        urlparse(url, bscheme, allow_fragments)

    def finish(result):
        return result if _coerce_result is not _encode_result else result.encode()

    if scheme != bscheme or scheme not in uses_relative:
        return finish(url)
    if scheme in uses_netloc:
        if netloc:
            return finish(urlunparse((scheme, netloc, path, params, query, fragment)))
        netloc = bnetloc
    if not path and not params:
        path = bpath
        params = bparams
        if not query:
            query = bquery
        return finish(urlunparse((scheme, netloc, path, params, query, fragment)))

    base_parts = bpath.split('/')
    if base_parts[-1] != '':
        # The last segment of the base is a file name: it is replaced.
        del base_parts[-1]
    if path[:1] == '/':
        segments = path.split('/')
    else:
        segments = base_parts + path.split('/')
        # Empty segments inside the path would double the slashes.
        segments[1:-1] = filter(None, segments[1:-1])
    resolved_path = []
    for segment in segments:
        if segment == '..':
            # '..' above the top is dropped (RFC 3986 5.2.4).
            if resolved_path:
                resolved_path.pop()
        elif segment != '.':
            resolved_path.append(segment)
    if segments[-1] in ('.', '..'):
        # A path ending in '.' or '..' names a directory: keep its trailing slash.
        resolved_path.append('')
    return finish(urlunparse((scheme, netloc, '/'.join(resolved_path) or '/', params,
                              query, fragment)))


def urldefrag(url):
    """Split off the fragment of url.  Return a DefragResult (url without the
    fragment, fragment); the fragment is '' if there is none."""
    url, _coerce_result = _coerce_args(url)
    if '#' in url:
        s, n, p, a, q, frag = urlparse(url)
        defrag = urlunparse((s, n, p, a, q, ''))
    else:
        frag = ''
        defrag = url
    result = DefragResult(defrag, frag)
    return result if _coerce_result is not _encode_result else result.encode()


_hexdig = '0123456789ABCDEFabcdef'


def unquote_to_bytes(string):
    """Decode the %xx escapes of a str or bytes into bytes: 'a%20b' -> b'a b'."""
    if not isinstance(string, (str, bytes, bytearray)):
        raise TypeError(f"a bytes-like object is required, not '{type(string).__name__}'")
    if not string:
        return b''
    if isinstance(string, str):
        string = string.encode('utf-8')
    bits = string.split(b'%')
    if len(bits) == 1:
        return string
    res = [bits[0]]
    for item in bits[1:]:
        try:
            res.append(bytes([int(item[:2], 16)]) + item[2:]
                       if len(item) >= 2 and all(chr(c) in _hexdig for c in item[:2])
                       else b'%' + item)
        except ValueError:
            res.append(b'%' + item)
    return b''.join(res)


_asciire = re.compile('([\x00-\x7f]+)')


def unquote(string, encoding='utf-8', errors='replace'):
    """Decode the %xx escapes of string: 'abc%20def' -> 'abc def'.

    Each run of escapes is turned into bytes and decoded with encoding and errors (UTF-8
    and 'replace' by default); an incomplete escape stays as it is."""
    if isinstance(string, bytes):
        return unquote_to_bytes(string).decode(encoding, errors)
    if not isinstance(string, str):
        raise TypeError(f"Expected str, got {type(string).__name__}")
    if '%' not in string:
        return string
    if encoding is None:
        encoding = 'utf-8'
    if errors is None:
        errors = 'replace'
    bits = _asciire.split(string)
    res = [bits[0]]
    for i in range(1, len(bits), 2):
        res.append(unquote_to_bytes(bits[i]).decode(encoding, errors))
        res.append(bits[i + 1])
    return ''.join(res)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    """unquote() after turning '+' into spaces (form values): 'a+b%21' -> 'a b!'."""
    string = string.replace('+', ' ')
    return unquote(string, encoding, errors)


def parse_qs(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8',
             errors='replace', max_num_fields=None, separator='&'):
    """Parse a query string into a dict mapping each name to the list of its
    values (in order).  The arguments are those of parse_qsl()."""
    parsed_result = {}
    pairs = parse_qsl(qs, keep_blank_values, strict_parsing, encoding=encoding,
                      errors=errors, max_num_fields=max_num_fields, separator=separator)
    for name, value in pairs:
        if name in parsed_result:
            parsed_result[name].append(value)
        else:
            parsed_result[name] = [value]
    return parsed_result


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8',
              errors='replace', max_num_fields=None, separator='&'):
    """Parse a query string into a list of (name, value) pairs.

    Fields are split at separator, names and values unquoted with '+' as space.  Empty
    values are dropped unless keep_blank_values; a field without '=' raises ValueError with
    strict_parsing, and more than max_num_fields fields raise ValueError.  A bytes query
    gives bytes names and values."""
    if not separator or not isinstance(separator, (str, bytes)):
        raise ValueError('Separator must be of type string or bytes.')
    if isinstance(qs, str):
        if not isinstance(separator, str):
            separator = str(separator, 'ascii')
        equals, plus, space, empty = '=', '+', ' ', ''

        def unquote_field(field):
            return unquote(field.replace(plus, space), encoding=encoding, errors=errors)
    else:
        if not qs:
            return []
        qs = bytes(memoryview(qs))
        if isinstance(separator, str):
            separator = bytes(separator, 'ascii')
        equals, plus, space, empty = b'=', b'+', b' ', b''

        def unquote_field(field):
            return unquote_to_bytes(field.replace(plus, space))
    if not qs:
        return []
    if max_num_fields is not None:
        num_fields = 1 + qs.count(separator)
        if max_num_fields < num_fields:
            raise ValueError('Max number of fields exceeded')
    r = []
    for name_value in qs.split(separator):
        if not name_value and not strict_parsing:
            continue
        name, has_eq, value = name_value.partition(equals)
        if not has_eq:
            if strict_parsing:
                raise ValueError('bad query field: %r' % (name_value,))
            if not keep_blank_values:
                continue
            value = empty
        if value or keep_blank_values:
            r.append((unquote_field(name), unquote_field(value)))
    return r


_ALWAYS_SAFE = frozenset(b'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                         b'abcdefghijklmnopqrstuvwxyz'
                         b'0123456789'
                         b'_.-~')
_ALWAYS_SAFE_BYTES = bytes(_ALWAYS_SAFE)


def quote(string, safe='/', encoding=None, errors=None):
    """Escape the characters of string that are not safe in a URL as %xx.

    Letters, digits and '_.-~' are never escaped, nor the characters of safe ('/' by
    default).  A str is encoded first with encoding and errors (UTF-8, 'strict')."""
    if isinstance(string, str):
        if not string:
            return string
        if encoding is None:
            encoding = 'utf-8'
        if errors is None:
            errors = 'strict'
        string = string.encode(encoding, errors)
    else:
        if encoding is not None:
            raise TypeError("quote() doesn't support 'encoding' for bytes")
        if errors is not None:
            raise TypeError("quote() doesn't support 'errors' for bytes")
    return quote_from_bytes(string, safe)


def quote_plus(string, safe='', encoding=None, errors=None):
    """quote() for form values: spaces become '+' (and '+' itself is escaped,
    unless it is in safe); safe is empty by default."""
    if ((isinstance(string, str) and ' ' not in string) or
            (isinstance(string, bytes) and b' ' not in string)):
        return quote(string, safe, encoding, errors)
    if isinstance(safe, str):
        space = ' '
    else:
        space = b' '
    string = quote(string, safe + space, encoding, errors)
    return string.replace(' ', '+')


def quote_from_bytes(bs, safe='/'):
    """quote() for bytes: b'abc def?' -> 'abc%20def%3F'."""
    if not isinstance(bs, (bytes, bytearray)):
        raise TypeError('quote_from_bytes() expected bytes')
    if not bs:
        return ''
    if isinstance(safe, str):
        safe = safe.encode('ascii', 'ignore')
    else:
        safe = bytes([c for c in safe if c < 128])
    safe_set = _ALWAYS_SAFE | frozenset(safe)
    return ''.join(chr(c) if c in safe_set else '%%%02X' % c for c in bs)


def urlencode(query, doseq=False, safe='', encoding=None, errors=None,
              quote_via=quote_plus):
    """Build a query string from a mapping or a sequence of (name, value) pairs.

    Names and values are converted with quote_via (quote_plus by default).  With doseq, a
    value that is a sequence gives one name=value field per element."""
    if hasattr(query, 'items'):
        query = query.items()
    else:
        try:
            if len(query) and not isinstance(query[0], tuple):
                raise TypeError
        except TypeError as err:
            raise TypeError('not a valid non-string sequence or mapping object') from err

    def quote_item(item):
        if isinstance(item, bytes):
            return quote_via(item, safe)
        if isinstance(item, str):
            return quote_via(item, safe, encoding, errors)
        return quote_via(str(item), safe, encoding, errors)

    parts = []
    for k, v in query:
        k = quote_item(k)
        if not doseq or isinstance(v, (str, bytes)):
            parts.append(k + '=' + quote_item(v))
            continue
        try:
            items = iter(v)
        except TypeError:
            parts.append(k + '=' + quote_item(v))
            continue
        for elt in items:
            parts.append(k + '=' + quote_item(elt))
    return '&'.join(parts)


def _splituser(host):
    """'user:pass@host:port' -> ('user:pass', 'host:port'); no '@' gives (None, host)."""
    user, delim, host = host.rpartition('@')
    return (user if delim else None), host


def unwrap(url):
    """Strip the '<URL:...>' wrapping of a URL, if it has one."""
    url = str(url).strip()
    if url[:1] == '<' and url[-1:] == '>':
        url = url[1:-1].strip()
    if url[:4] == 'URL:':
        url = url[4:].strip()
    return url
