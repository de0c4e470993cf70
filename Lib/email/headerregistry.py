"""Representations of email addresses: the Address and Group classes of the header
registry (RFC 5322 mailbox and group syntax)."""

__all__ = ['Address', 'Group']

_SPECIALS = set('()<>@,:;.\\"[]')


def _quote_if_needed(name):
    """Quote a display name (or local part) that contains RFC 5322 specials."""
    if not name:
        return name
    if any(c in _SPECIALS for c in name) or name != name.strip():
        return '"' + name.replace('\\', '\\\\').replace('"', '\\"') + '"'
    return name


def _parse_addr_spec(addr_spec):
    """Split 'user@domain' into (username, domain); raise ValueError if addr_spec is not
    a single, well-formed address."""
    text = addr_spec.strip()
    if not text or any(c in text for c in ' \t\r\n<>,;') and not text.startswith('"'):
        raise ValueError(f'Invalid addr_spec; only {addr_spec!r} could be parsed')
    if text.startswith('"'):
        end = text.find('"', 1)
        while end > 0 and text[end - 1] == '\\':
            end = text.find('"', end + 1)
        if end < 0:
            raise ValueError(f'Invalid addr_spec {addr_spec!r}')
        username = text[1:end].replace('\\"', '"').replace('\\\\', '\\')
        rest = text[end + 1:]
        if rest and not rest.startswith('@'):
            raise ValueError(f'Invalid addr_spec {addr_spec!r}')
        return username, rest[1:]
    username, at, domain = text.rpartition('@')
    if not at:
        return text, ''
    if not username or not domain or '@' in domain:
        raise ValueError(f'Invalid addr_spec {addr_spec!r}')
    return username, domain


class Address:
    """An email address: a display name, a username and a domain."""

    def __init__(self, display_name='', username='', domain='', addr_spec=None):
        """An address from its parts: display_name, username and domain, or
        display_name and addr_spec ('username@domain', parsed; TypeError if username or domain
        are given too).  No part may contain CR or LF."""
        inputs = ''.join(filter(None, (display_name, username, domain, addr_spec)))
        if '\r' in inputs or '\n' in inputs:
            raise ValueError('invalid arguments; address parts cannot contain CR or LF')
        if addr_spec is not None:
            if username or domain:
                raise TypeError('addrspec specified when username and/or domain also '
                                'specified')
            username, domain = _parse_addr_spec(addr_spec)
        self._display_name = display_name
        self._username = username
        self._domain = domain

    @property
    def display_name(self):
        return self._display_name

    @property
    def username(self):
        return self._username

    @property
    def domain(self):
        return self._domain

    @property
    def addr_spec(self):
        """username@domain, the username quoted if it needs it ('<>' if empty)."""
        local = _quote_if_needed(self.username)
        if self.domain:
            return local + '@' + self.domain
        if not local:
            return '<>'
        return local

    def __repr__(self):
        return '{}(display_name={!r}, username={!r}, domain={!r})'.format(
            self.__class__.__name__, self.display_name, self.username, self.domain)

    def __str__(self):
        disp = _quote_if_needed(self.display_name)
        if disp:
            addr_spec = '' if self.addr_spec == '<>' else self.addr_spec
            return f'{disp} <{addr_spec}>'
        return self.addr_spec

    def __eq__(self, other):
        if not isinstance(other, Address):
            return NotImplemented
        return (self.display_name == other.display_name and
                self.username == other.username and self.domain == other.domain)

    def __hash__(self):
        return hash((self.display_name, self.username, self.domain))


class Group:
    """A named group of addresses (RFC 5322 'group' syntax)."""

    def __init__(self, display_name=None, addresses=None):
        """A group: display_name and a sequence of Address objects.  A group
        without a display name and with one address stands for that address."""
        self._display_name = display_name
        self._addresses = tuple(addresses) if addresses else tuple()

    @property
    def display_name(self):
        return self._display_name

    @property
    def addresses(self):
        return self._addresses

    def __repr__(self):
        return '{}(display_name={!r}, addresses={!r}'.format(
            self.__class__.__name__, self.display_name, self.addresses)

    def __str__(self):
        if self.display_name is None and len(self.addresses) == 1:
            return str(self.addresses[0])
        disp = _quote_if_needed(self.display_name)
        adrstr = ', '.join(str(x) for x in self.addresses)
        adrstr = ' ' + adrstr if adrstr else adrstr
        return f'{disp}:{adrstr};'

    def __eq__(self, other):
        if not isinstance(other, Group):
            return NotImplemented
        return (self.display_name == other.display_name and
                self.addresses == other.addresses)
