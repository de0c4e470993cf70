"""Reading and writing tar archives (POSIX ustar and pax, GNU long names), optionally
gzip-compressed.

An archive is a sequence of 512-byte blocks: each member has a header block (name,
mode, owner, size, time, type, link target, all as NUL-terminated octal or text fields,
and a checksum) followed by its data padded to whole blocks; two zero blocks end the
archive.  Pax extended headers (type 'x') carry what does not fit the ustar fields.
Braid's tarfile supports the gzip compression ('gz'); 'bz2' and 'xz' raise
CompressionError (Braid has no bz2 or lzma module).
"""

import copy
import io
import os
import shutil
import stat
import sys
import time

__all__ = ['TarFile', 'TarInfo', 'is_tarfile', 'TarError', 'ReadError', 'CompressionError',
           'StreamError', 'ExtractError', 'HeaderError', 'ENCODING', 'USTAR_FORMAT',
           'GNU_FORMAT', 'PAX_FORMAT', 'DEFAULT_FORMAT', 'open', 'fully_trusted_filter',
           'data_filter', 'tar_filter', 'FilterError', 'AbsoluteLinkError',
           'OutsideDestinationError', 'SpecialFileError', 'AbsolutePathError',
           'LinkOutsideDestinationError']

NUL = b'\0'
BLOCKSIZE = 512
RECORDSIZE = BLOCKSIZE * 20
GNU_MAGIC = b'ustar  \0'
POSIX_MAGIC = b'ustar\x0000'
LENGTH_NAME = 100
LENGTH_LINK = 100
LENGTH_PREFIX = 155

REGTYPE = b'0'
AREGTYPE = b'\0'
LNKTYPE = b'1'
SYMTYPE = b'2'
CHRTYPE = b'3'
BLKTYPE = b'4'
DIRTYPE = b'5'
FIFOTYPE = b'6'
CONTTYPE = b'7'
GNUTYPE_LONGNAME = b'L'
GNUTYPE_LONGLINK = b'K'
GNUTYPE_SPARSE = b'S'
XHDTYPE = b'x'
XGLTYPE = b'g'
SOLARIS_XHDTYPE = b'X'

USTAR_FORMAT = 0
GNU_FORMAT = 1
PAX_FORMAT = 2
DEFAULT_FORMAT = PAX_FORMAT

SUPPORTED_TYPES = (REGTYPE, AREGTYPE, LNKTYPE, SYMTYPE, DIRTYPE, FIFOTYPE, CONTTYPE,
                   CHRTYPE, BLKTYPE, GNUTYPE_LONGNAME, GNUTYPE_LONGLINK, GNUTYPE_SPARSE)
REGULAR_TYPES = (REGTYPE, AREGTYPE, CONTTYPE, GNUTYPE_SPARSE)
GNU_TYPES = (GNUTYPE_LONGNAME, GNUTYPE_LONGLINK, GNUTYPE_SPARSE)
PAX_FIELDS = ('path', 'linkpath', 'size', 'mtime', 'uid', 'gid', 'uname', 'gname')
PAX_NUMBER_FIELDS = {'atime': float, 'ctime': float, 'mtime': float, 'uid': int,
                     'gid': int, 'size': int}

ENCODING = sys.getfilesystemencoding()

# The file type bits of each member type, for stat.filemode() (hard links have none).
_TYPE_MODE_BITS = {REGTYPE: stat.S_IFREG, AREGTYPE: stat.S_IFREG, CONTTYPE: stat.S_IFREG,
                   DIRTYPE: stat.S_IFDIR, SYMTYPE: stat.S_IFLNK, FIFOTYPE: stat.S_IFIFO,
                   CHRTYPE: stat.S_IFCHR, BLKTYPE: stat.S_IFBLK}

# The ustar header: (field, offset, length).
_FIELDS = (('name', 0, 100), ('mode', 100, 8), ('uid', 108, 8), ('gid', 116, 8),
           ('size', 124, 12), ('mtime', 136, 12), ('chksum', 148, 8), ('type', 156, 1),
           ('linkname', 157, 100), ('magic', 257, 8), ('uname', 265, 32),
           ('gname', 297, 32), ('devmajor', 329, 8), ('devminor', 337, 8),
           ('prefix', 345, 155))


class TarError(Exception):
    """The base of the exceptions of tarfile."""


class ExtractError(TarError):
    """A member could not be extracted (a non-fatal problem, see errorlevel)."""


class ReadError(TarError):
    """The data is not a tar archive tarfile can read."""


class CompressionError(TarError):
    """The compression asked for is unknown or not available."""


class StreamError(TarError):
    """The operation is not possible on a stream (sequential) archive."""


class HeaderError(TarError):
    """The base of the errors found in a header block."""


class EmptyHeaderError(HeaderError):
    """No header block where one was expected."""


class TruncatedHeaderError(HeaderError):
    """A header block is shorter than 512 bytes."""


class EOFHeaderError(HeaderError):
    """A zero block: the end of the archive."""


class InvalidHeaderError(HeaderError):
    """A header block is malformed (bad checksum or number field)."""


class SubsequentHeaderError(HeaderError):
    """The header after an extended header is missing or invalid."""


class FilterError(TarError):
    """The base of the errors of the extraction filters."""


class AbsolutePathError(FilterError):
    def __init__(self, tarinfo):
        self.tarinfo = tarinfo
        super().__init__(f'member {tarinfo.name!r} has an absolute path')


class OutsideDestinationError(FilterError):
    def __init__(self, tarinfo, path):
        self.tarinfo = tarinfo
        self._path = path
        super().__init__(f'{tarinfo.name!r} would be extracted to {path!r}, '
                         'which is outside the destination')


class SpecialFileError(FilterError):
    def __init__(self, tarinfo):
        self.tarinfo = tarinfo
        super().__init__(f'{tarinfo.name!r} is a special file')


class AbsoluteLinkError(FilterError):
    def __init__(self, tarinfo):
        self.tarinfo = tarinfo
        super().__init__(f'{tarinfo.name!r} is a link to an absolute path')


class LinkOutsideDestinationError(FilterError):
    def __init__(self, tarinfo, path):
        self.tarinfo = tarinfo
        self._path = path
        super().__init__(f'{tarinfo.name!r} would link to {path!r}, '
                         'which is outside the destination')


# Field encoding

def stn(s, length, encoding, errors):
    """Encode the text s into a NUL-padded field of length bytes."""
    if s is None:
        raise ValueError('metadata cannot contain None')
    s = s.encode(encoding, errors)
    return s[:length] + (length - len(s)) * NUL


def nts(s, encoding, errors):
    """Decode a NUL-terminated field into text."""
    end = s.find(b'\0')
    if end != -1:
        s = s[:end]
    return s.decode(encoding, errors)


def nti(s):
    """Convert a number field to an int: octal text, or base-256 (GNU) when the first
    byte is 0o200 or 0o377."""
    if s[0] in (0o200, 0o377):
        value = int.from_bytes(s[1:], 'big')
        if s[0] == 0o377:
            value -= 256 ** (len(s) - 1)
        return value
    text = nts(s, 'ascii', 'strict').strip(' \0')
    try:
        return int(text or '0', 8)
    except ValueError:
        raise InvalidHeaderError('invalid header') from None


def itn(n, digits=8, format=DEFAULT_FORMAT):
    """Convert an int to a number field of digits bytes: octal with a NUL, or base-256
    for values octal cannot hold (GNU and pax formats)."""
    original = n
    n = int(n)
    if 0 <= n < 8 ** (digits - 1):
        return bytes('%0*o' % (digits - 1, n), 'ascii') + NUL
    if format in (GNU_FORMAT, PAX_FORMAT) and -256 ** (digits - 1) <= n < 256 ** (digits - 1):
        if n >= 0:
            return bytes([0o200]) + n.to_bytes(digits - 1, 'big')
        return bytes([0o377]) + (256 ** (digits - 1) + n).to_bytes(digits - 1, 'big')
    raise ValueError('overflow in number field: %r' % (original,))


def calc_chksums(buf):
    """Return (unsigned, signed) checksums of a header block: the sum of its bytes with
    the checksum field counted as eight spaces."""
    header = bytes(buf[:148]) + b' ' * 8 + bytes(buf[156:512])
    unsigned = sum(header)
    signed = sum(b - 256 if b > 127 else b for b in header)
    return unsigned, signed


def copyfileobj(src, dst, length=None, exception=OSError, bufsize=None):
    """Copy length bytes (all if None) from src to dst; exception if src ends early."""
    bufsize = bufsize or 16 * 1024
    if length == 0:
        return
    if length is None:
        shutil.copyfileobj(src, dst, bufsize)
        return
    while length > 0:
        chunk = src.read(min(bufsize, length))
        if len(chunk) < min(bufsize, length):
            raise exception('unexpected end of data')
        dst.write(chunk)
        length -= len(chunk)


class TarInfo:
    """The metadata of one archive member (from its header, or for a file to add)."""

    __slots__ = ('name', 'mode', 'uid', 'gid', 'size', 'mtime', 'chksum', 'type',
                 'linkname', 'uname', 'gname', 'devmajor', 'devminor', 'offset',
                 'offset_data', 'pax_headers', 'sparse', '_sparse_structs',
                 '_link_target', 'tarfile')

    def __init__(self, name=''):
        """A member called name, a regular file of mode 0o644 and size 0."""
        self.name = name
        self.mode = 0o644
        self.uid = 0
        self.gid = 0
        self.size = 0
        self.mtime = 0
        self.chksum = 0
        self.type = REGTYPE
        self.linkname = ''
        self.uname = ''
        self.gname = ''
        self.devmajor = 0
        self.devminor = 0
        self.offset = 0
        self.offset_data = 0
        self.sparse = None
        self.pax_headers = {}
        self.tarfile = None

    @property
    def path(self):
        """In pax headers, 'name' is called 'path'."""
        return self.name

    @path.setter
    def path(self, name):
        self.name = name

    @property
    def linkpath(self):
        """In pax headers, 'linkname' is called 'linkpath'."""
        return self.linkname

    @linkpath.setter
    def linkpath(self, linkname):
        self.linkname = linkname

    def __repr__(self):
        return '<%s %r at %#x>' % (self.__class__.__name__, self.name, id(self))

    def replace(self, *, name=..., mtime=..., mode=..., linkname=..., uid=..., gid=...,
                uname=..., gname=..., deep=True):
        """Return a copy with the given attributes replaced."""
        result = copy.deepcopy(self) if deep else copy.copy(self)
        for attribute, value in (('name', name), ('mtime', mtime), ('mode', mode),
                                 ('linkname', linkname), ('uid', uid), ('gid', gid),
                                 ('uname', uname), ('gname', gname)):
            if value is not ...:
                setattr(result, attribute, value)
        return result

    def __copy__(self):
        result = TarInfo.__new__(TarInfo)
        for slot in TarInfo.__slots__:
            if hasattr(self, slot):
                setattr(result, slot, getattr(self, slot))
        result.pax_headers = dict(self.pax_headers)
        return result

    def __deepcopy__(self, memo):
        return self.__copy__()

    def get_info(self):
        """The header fields as a dict."""
        mode = None if self.mode is None else self.mode & 0o7777
        info = {'name': self.name, 'mode': mode, 'uid': self.uid, 'gid': self.gid,
                'size': self.size, 'mtime': self.mtime, 'chksum': self.chksum,
                'type': self.type, 'linkname': self.linkname, 'uname': self.uname,
                'gname': self.gname, 'devmajor': self.devmajor,
                'devminor': self.devminor}
        if info['type'] == DIRTYPE and not info['name'].endswith('/'):
            info['name'] += '/'
        return info

    def tobuf(self, format=DEFAULT_FORMAT, encoding=ENCODING, errors='surrogateescape'):
        """Return the header block(s) of this member in format."""
        info = self.get_info()
        for name, value in info.items():
            if value is None:
                raise ValueError('%s may not be None' % name)
        if format == USTAR_FORMAT:
            return self._ustar_header(info, encoding, errors)
        if format == GNU_FORMAT:
            return self._gnu_header(info, encoding, errors)
        if format == PAX_FORMAT:
            return self._pax_header(info, encoding)
        raise ValueError('invalid format')

    def _ustar_header(self, info, encoding, errors):
        info['magic'] = POSIX_MAGIC
        if len(info['linkname'].encode(encoding, errors)) > LENGTH_LINK:
            raise ValueError('linkname is too long')
        if len(info['name'].encode(encoding, errors)) > LENGTH_NAME:
            info['prefix'], info['name'] = self._split_name(info['name'], encoding, errors)
        return self._header_block(info, USTAR_FORMAT, encoding, errors)

    def _gnu_header(self, info, encoding, errors):
        info['magic'] = GNU_MAGIC
        blocks = b''
        if len(info['linkname'].encode(encoding, errors)) > LENGTH_LINK:
            blocks += self._long_header(info['linkname'], GNUTYPE_LONGLINK, encoding, errors)
        if len(info['name'].encode(encoding, errors)) > LENGTH_NAME:
            blocks += self._long_header(info['name'], GNUTYPE_LONGNAME, encoding, errors)
        return blocks + self._header_block(info, GNU_FORMAT, encoding, errors)

    def _pax_header(self, info, encoding):
        """A ustar header, preceded by a pax header for the fields ustar cannot hold."""
        info['magic'] = POSIX_MAGIC
        pax = dict(self.pax_headers)
        for name, pax_name, length in (('name', 'path', LENGTH_NAME),
                                       ('linkname', 'linkpath', LENGTH_LINK),
                                       ('uname', 'uname', 32), ('gname', 'gname', 32)):
            if pax_name in pax:
                continue
            try:
                info[name].encode('ascii', 'strict')
            except UnicodeEncodeError:
                pax[pax_name] = info[name]
                continue
            if len(info[name]) > length:
                pax[pax_name] = info[name]
        for name, digits in (('uid', 8), ('gid', 8), ('size', 12), ('mtime', 12)):
            value = info[name]
            needs_pax = not 0 <= value < 8 ** (digits - 1) or isinstance(value, float)
            if needs_pax and name not in pax:
                pax[name] = str(value)
                info[name] = 0 if not 0 <= value < 8 ** (digits - 1) else int(value)
        blocks = self._create_pax_header(pax, XHDTYPE, encoding) if pax else b''
        return blocks + self._header_block(info, USTAR_FORMAT, 'ascii', 'replace')

    @classmethod
    def create_pax_global_header(cls, pax_headers):
        """Return the blocks of a pax global header ('g') with pax_headers."""
        return cls._create_pax_header(pax_headers, XGLTYPE, 'utf-8')

    @staticmethod
    def _split_name(name, encoding, errors):
        """Split a long name into (prefix, name) for the ustar fields."""
        components = name.split('/')
        for index in range(1, len(components)):
            prefix = '/'.join(components[:index])
            rest = '/'.join(components[index:])
            if len(prefix.encode(encoding, errors)) <= LENGTH_PREFIX and \
                    len(rest.encode(encoding, errors)) <= LENGTH_NAME:
                return prefix, rest
        raise ValueError('name is too long')

    @staticmethod
    def _header_block(info, format, encoding, errors):
        """The 512-byte header block of info."""
        has_device = info.get('type') in (CHRTYPE, BLKTYPE)
        block = bytearray(BLOCKSIZE)

        def put(offset, data):
            block[offset:offset + len(data)] = data

        put(0, stn(info.get('name', ''), 100, encoding, errors))
        put(100, itn(info.get('mode', 0) & 0o7777, 8, format))
        put(108, itn(info.get('uid', 0), 8, format))
        put(116, itn(info.get('gid', 0), 8, format))
        put(124, itn(info.get('size', 0), 12, format))
        put(136, itn(info.get('mtime', 0), 12, format))
        put(148, b' ' * 8)
        put(156, info.get('type', REGTYPE))
        put(157, stn(info.get('linkname', ''), 100, encoding, errors))
        put(257, info.get('magic', POSIX_MAGIC))
        put(265, stn(info.get('uname', ''), 32, encoding, errors))
        put(297, stn(info.get('gname', ''), 32, encoding, errors))
        put(329, itn(info.get('devmajor', 0), 8, format) if has_device else NUL * 8)
        put(337, itn(info.get('devminor', 0), 8, format) if has_device else NUL * 8)
        put(345, stn(info.get('prefix', ''), 155, encoding, errors))
        checksum = calc_chksums(block)[0]
        put(148, bytes('%06o' % checksum, 'ascii') + NUL + b' ')
        return bytes(block)

    @staticmethod
    def _pad(data):
        """data padded with NULs to whole blocks."""
        return data + NUL * (-len(data) % BLOCKSIZE)

    @classmethod
    def _long_header(cls, name, type, encoding, errors):
        """A GNU long name (or long link) header and its data blocks."""
        data = name.encode(encoding, errors) + NUL
        info = {'name': '././@LongLink', 'type': type, 'size': len(data),
                'magic': GNU_MAGIC}
        return cls._header_block(info, USTAR_FORMAT, encoding, errors) + cls._pad(data)

    @classmethod
    def _create_pax_header(cls, pax_headers, type, encoding):
        """A pax extended header ('x' or 'g') and its records ('<length> key=value\\n',
        the length counting the whole record)."""
        records = b''
        for keyword, value in pax_headers.items():
            keyword = keyword.encode('utf-8')
            value = str(value).encode('utf-8', 'surrogateescape')
            length = len(keyword) + len(value) + 3      # ' ', '=', '\n'
            digits = len(str(length))
            while len(str(length + digits)) != digits:
                digits += 1
            records += b'%d %s=%s\n' % (length + digits, keyword, value)
        info = {'name': '././@PaxHeader', 'type': type, 'size': len(records),
                'magic': POSIX_MAGIC}
        return (cls._header_block(info, USTAR_FORMAT, 'ascii', 'replace') +
                cls._pad(records))

    @classmethod
    def frombuf(cls, buf, encoding, errors):
        """Return the TarInfo of a header block (bytes of 512)."""
        if len(buf) == 0:
            raise EmptyHeaderError('empty header')
        if len(buf) != BLOCKSIZE:
            raise TruncatedHeaderError('truncated header')
        if buf.count(NUL) == BLOCKSIZE:
            raise EOFHeaderError('end of file header')
        checksum = nti(buf[148:156])
        if checksum not in calc_chksums(buf):
            raise InvalidHeaderError('bad checksum')
        obj = cls()
        obj.name = nts(buf[0:100], encoding, errors)
        obj.mode = nti(buf[100:108])
        obj.uid = nti(buf[108:116])
        obj.gid = nti(buf[116:124])
        obj.size = nti(buf[124:136])
        obj.mtime = nti(buf[136:148])
        obj.chksum = checksum
        obj.type = buf[156:157]
        obj.linkname = nts(buf[157:257], encoding, errors)
        obj.uname = nts(buf[265:297], encoding, errors)
        obj.gname = nts(buf[297:329], encoding, errors)
        obj.devmajor = nti(buf[329:337])
        obj.devminor = nti(buf[337:345])
        prefix = nts(buf[345:500], encoding, errors)
        if obj.type == AREGTYPE and obj.name.endswith('/'):
            obj.type = DIRTYPE
        if prefix and obj.type not in GNU_TYPES and buf[257:265] == POSIX_MAGIC:
            obj.name = prefix + '/' + obj.name
        if obj.isdir():
            obj.name = obj.name.rstrip('/')
        return obj

    @classmethod
    def fromtarfile(cls, tarfile):
        """Read the next member (with its extended headers) from tarfile."""
        buf = tarfile.fileobj.read(BLOCKSIZE)
        obj = cls.frombuf(buf, tarfile.encoding, tarfile.errors)
        obj.offset = tarfile.fileobj.tell() - BLOCKSIZE
        return obj._proc_member(tarfile)

    def _proc_member(self, tarfile):
        if self.type in (GNUTYPE_LONGNAME, GNUTYPE_LONGLINK):
            return self._proc_gnulong(tarfile)
        if self.type in (XHDTYPE, XGLTYPE, SOLARIS_XHDTYPE):
            return self._proc_pax(tarfile)
        self.offset_data = tarfile.fileobj.tell()
        if self.isreg() or self.type not in SUPPORTED_TYPES:
            tarfile.offset = self.offset_data + self._block(self.size)
        else:
            tarfile.offset = self.offset_data
        self._apply_pax_info(tarfile.pax_headers, tarfile.encoding, tarfile.errors)
        return self

    def _block(self, count):
        """count rounded up to whole blocks."""
        return -(-count // BLOCKSIZE) * BLOCKSIZE

    def _read_data(self, tarfile):
        data = tarfile.fileobj.read(self._block(self.size))
        if len(data) < self.size:
            raise SubsequentHeaderError('missing or bad subsequent header')
        return data[:self.size]

    def _next_header(self, tarfile):
        try:
            return self.fromtarfile(tarfile)
        except HeaderError as exc:
            raise SubsequentHeaderError(str(exc)) from None

    def _proc_gnulong(self, tarfile):
        data = self._read_data(tarfile)
        following = self._next_header(tarfile)
        following.offset = self.offset
        if self.type == GNUTYPE_LONGNAME:
            following.name = nts(data, tarfile.encoding, tarfile.errors)
            if following.isdir():
                following.name = following.name.rstrip('/')
        else:
            following.linkname = nts(data, tarfile.encoding, tarfile.errors)
        return following

    def _proc_pax(self, tarfile):
        data = self._read_data(tarfile)
        headers = tarfile.pax_headers if self.type == XGLTYPE else \
            dict(tarfile.pax_headers)
        pos = 0
        while pos < len(data) and data[pos:pos + 1] != NUL:
            space = data.find(b' ', pos)
            if space < 0:
                raise InvalidHeaderError('invalid header')
            length = int(data[pos:space])
            record = data[space + 1:pos + length - 1]
            keyword, _, value = record.partition(b'=')
            headers[keyword.decode('utf-8')] = value.decode('utf-8', 'surrogateescape')
            pos += length
        following = self._next_header(tarfile)
        if self.type in (XHDTYPE, SOLARIS_XHDTYPE):
            following._apply_pax_info(headers, tarfile.encoding, tarfile.errors)
            following.offset = self.offset
            if 'size' in headers and (following.isreg() or
                                      following.type not in SUPPORTED_TYPES):
                tarfile.offset = following.offset_data + following._block(following.size)
        return following

    def _apply_pax_info(self, pax_headers, encoding, errors):
        """Override the header's fields with those of the pax headers."""
        for keyword, value in pax_headers.items():
            if keyword in PAX_FIELDS:
                if keyword in PAX_NUMBER_FIELDS:
                    try:
                        value = PAX_NUMBER_FIELDS[keyword](value)
                    except ValueError:
                        value = 0
                if keyword == 'path':
                    value = value.rstrip('/') if self.isdir() else value
                setattr(self, keyword, value)
        self.pax_headers = dict(pax_headers)

    def isfile(self):
        """Whether the member is a regular file."""
        return self.isreg()

    def isreg(self):
        """Whether the member is a regular file."""
        return self.type in REGULAR_TYPES

    def isdir(self):
        return self.type == DIRTYPE

    def issym(self):
        return self.type == SYMTYPE

    def islnk(self):
        return self.type == LNKTYPE

    def ischr(self):
        return self.type == CHRTYPE

    def isblk(self):
        return self.type == BLKTYPE

    def isfifo(self):
        return self.type == FIFOTYPE

    def issparse(self):
        return self.sparse is not None

    def isdev(self):
        """Whether the member is a character or block device or a FIFO."""
        return self.type in (CHRTYPE, BLKTYPE, FIFOTYPE)


# Extraction filters (PEP 706)

def fully_trusted_filter(member, dest_path):
    """Extract the member as it is."""
    return member


def _get_filtered_attrs(member, dest_path, for_data):
    new_attrs = {}
    name = member.name
    dest_path = os.path.realpath(dest_path)
    if name.startswith(('/', os.sep)):
        name = new_attrs['name'] = member.path.lstrip('/' + os.sep)
    if os.path.isabs(name):
        raise AbsolutePathError(member)
    target_path = os.path.realpath(os.path.join(dest_path, name))
    if os.path.commonpath([target_path, dest_path]) != dest_path:
        raise OutsideDestinationError(member, target_path)
    mode = member.mode
    if mode is not None:
        mode = mode & 0o755
        if for_data:
            if member.isreg() or member.islnk():
                if not mode & 0o100:
                    mode &= ~0o011
                mode |= 0o600
            elif member.isdir() or member.issym():
                mode = None
            else:
                raise SpecialFileError(member)
        if mode != member.mode:
            new_attrs['mode'] = mode
    if for_data:
        for attribute in ('uid', 'gid', 'uname', 'gname'):
            if getattr(member, attribute) is not None:
                new_attrs[attribute] = None
        if member.islnk() or member.issym():
            if os.path.isabs(member.linkname):
                raise AbsoluteLinkError(member)
            if member.issym():
                target = os.path.join(dest_path, os.path.dirname(name), member.linkname)
            else:
                target = os.path.join(dest_path, member.linkname)
            target = os.path.realpath(target)
            if os.path.commonpath([target, dest_path]) != dest_path:
                raise LinkOutsideDestinationError(member, target)
    return new_attrs


def tar_filter(member, dest_path):
    """Strip leading slashes, refuse paths outside dest_path, clear the set-id, sticky
    and group/other write mode bits."""
    new_attrs = _get_filtered_attrs(member, dest_path, False)
    return member.replace(**new_attrs, deep=False) if new_attrs else member


def data_filter(member, dest_path):
    """tar_filter, and also refuse special files and links leading outside dest_path,
    make files owner-readable and writable, drop ownership information."""
    new_attrs = _get_filtered_attrs(member, dest_path, True)
    return member.replace(**new_attrs, deep=False) if new_attrs else member


_NAMED_FILTERS = {'fully_trusted': fully_trusted_filter, 'tar': tar_filter,
                  'data': data_filter}


class _MemberFile(io.RawIOBase):
    """The data of a regular member, read from the archive's file object."""

    def __init__(self, fileobj, offset, size, name=None):
        self.fileobj = fileobj
        self.offset = offset
        self.size = size
        self.position = 0
        self.name = name

    def readable(self):
        return True

    def seekable(self):
        return True

    def tell(self):
        return self.position

    def seek(self, position, whence=io.SEEK_SET):
        if whence == io.SEEK_SET:
            self.position = min(max(position, 0), self.size)
        elif whence == io.SEEK_CUR:
            self.position = min(max(self.position + position, 0), self.size)
        elif whence == io.SEEK_END:
            self.position = max(min(self.size + position, self.size), 0)
        else:
            raise ValueError('Invalid argument')
        return self.position

    def readinto(self, buffer):
        length = min(len(buffer), self.size - self.position)
        self.fileobj.seek(self.offset + self.position)
        data = self.fileobj.read(length)
        if len(data) != length:
            raise ReadError('unexpected end of data')
        buffer[:length] = data
        self.position += length
        return length


class ExFileObject(io.BufferedReader):
    """The file object extractfile() returns."""

    def __init__(self, tarfile, tarinfo):
        super().__init__(_MemberFile(tarfile.fileobj, tarinfo.offset_data, tarinfo.size,
                                     tarinfo.name))


_FILE_MODES = {'r': 'rb', 'a': 'r+b', 'w': 'wb', 'x': 'xb'}


class TarFile:
    """A tar archive: TarFile(name=None, mode='r', fileobj=None, format=None, ...).

    Use tarfile.open() to open compressed archives; this class handles plain ones.
    """

    debug = 0
    dereference = False
    ignore_zeros = False
    errorlevel = 1
    format = DEFAULT_FORMAT
    encoding = ENCODING
    errors = None
    tarinfo = TarInfo
    fileobject = ExFileObject
    extraction_filter = None

    def __init__(self, name=None, mode='r', fileobj=None, format=None, tarinfo=None,
                 dereference=None, ignore_zeros=None, encoding=None,
                 errors='surrogateescape', pax_headers=None, debug=None, errorlevel=None,
                 copybufsize=None, stream=False):
        if mode not in _FILE_MODES:
            raise ValueError("mode must be 'r', 'a', 'w' or 'x'")
        if fileobj is None and mode == 'a' and not os.path.exists(name):
            mode = 'w'      # appending to nothing creates the archive
        self.mode = mode
        self._mode = _FILE_MODES[mode]
        self._extfileobj = fileobj is not None
        if fileobj is None:
            fileobj = io.open(name, self._mode)
        else:
            if name is None and isinstance(getattr(fileobj, 'name', None), (str, bytes)):
                name = fileobj.name
            self._mode = getattr(fileobj, 'mode', self._mode)
        self.name = os.path.abspath(name) if name else None
        self.fileobj = fileobj
        self.stream = stream
        # Arguments left as None keep the class attribute's default.
        for attribute, value in (('format', format), ('tarinfo', tarinfo),
                                 ('dereference', dereference),
                                 ('ignore_zeros', ignore_zeros), ('encoding', encoding),
                                 ('debug', debug), ('errorlevel', errorlevel)):
            if value is not None:
                setattr(self, attribute, value)
        self.errors = errors
        self.pax_headers = pax_headers if pax_headers and self.format == PAX_FORMAT else {}
        self.copybufsize = copybufsize
        self.closed = False
        self.members = []
        self._loaded = False
        self.firstmember = None
        self.offset = self.fileobj.tell()
        self.inodes = {}        # (inode, device) -> arcname, to store hard links
        try:
            if mode == 'r':
                self.firstmember = self.next()
            elif mode == 'a':
                self._skip_to_end()
            if mode in ('a', 'w', 'x'):
                self._loaded = True
                if self.pax_headers:
                    header = self.tarinfo.create_pax_global_header(dict(self.pax_headers))
                    self.fileobj.write(header)
                    self.offset += len(header)
        except BaseException:
            if not self._extfileobj:
                self.fileobj.close()
            self.closed = True
            raise

    def _skip_to_end(self):
        """Read the members of an archive opened for appending, and leave the file at
        its end-of-archive blocks."""
        while True:
            self.fileobj.seek(self.offset)
            try:
                self.members.append(self.tarinfo.fromtarfile(self))
            except EOFHeaderError:
                self.fileobj.seek(self.offset)
                return
            except HeaderError as exc:
                raise ReadError(str(exc)) from None

    @classmethod
    def open(cls, name=None, mode='r', fileobj=None, bufsize=RECORDSIZE, **kwargs):
        """Open a tar archive for reading, writing or appending; return a TarFile.

        mode is 'r' or 'r:*' (any compression), 'r:' (none), 'r:gz', 'a' or 'a:' (append,
        uncompressed), 'w' or 'w:', 'w:gz', 'x', 'x:gz', or the stream forms 'r|*', 'r|',
        'r|gz', 'w|', 'w|gz' (sequential access).  'bz2' and 'xz' raise
        CompressionError.
        """
        if not name and not fileobj:
            raise ValueError('nothing to open')
        if mode in ('r', 'r:*', 'r|*'):
            errors = []
            start = fileobj.tell() if fileobj is not None else None
            for compression in ('', 'gz'):
                if fileobj is not None:
                    fileobj.seek(start)
                try:
                    return cls._open_compressed(name, 'r', compression, fileobj, **kwargs)
                except (ReadError, CompressionError) as exc:
                    errors.append(f'- method {compression or "tar"}: {exc!r}')
            raise ReadError('file could not be opened successfully:\n' + '\n'.join(errors))
        separator = ':' if ':' in mode else '|' if '|' in mode else None
        if separator is None:
            if mode in ('a', 'w', 'x'):
                return cls.taropen(name, mode, fileobj, **kwargs)
            raise ValueError('undiscernible mode')
        filemode, compression = mode.split(separator, 1)
        filemode = filemode or 'r'
        if filemode not in ('r', 'w', 'x', 'a') or (filemode == 'a' and compression):
            raise ValueError('mode must be ' + ("'r', 'w' or 'x'" if compression else
                                               "'r', 'a', 'w' or 'x'"))
        return cls._open_compressed(name, filemode, compression, fileobj,
                                    stream=separator == '|', **kwargs)

    @classmethod
    def _open_compressed(cls, name, mode, compression, fileobj, stream=False, **kwargs):
        if compression in ('', 'tar'):
            archive = cls.taropen(name, mode, fileobj, **kwargs)
            archive.stream = stream
            return archive
        if compression == 'gz':
            return cls.gzopen(name, mode, fileobj, **kwargs)
        if compression in ('bz2', 'xz'):
            raise CompressionError(f'{compression} module is not available')
        raise CompressionError('unknown compression type %r' % compression)

    @classmethod
    def taropen(cls, name, mode='r', fileobj=None, **kwargs):
        """Open an uncompressed tar archive."""
        if mode not in ('r', 'a', 'w', 'x'):
            raise ValueError("mode must be 'r', 'a', 'w' or 'x'")
        return cls(name, mode, fileobj, **kwargs)

    @classmethod
    def gzopen(cls, name, mode='r', fileobj=None, compresslevel=9, **kwargs):
        """Open a gzip-compressed tar archive."""
        if mode not in ('r', 'w', 'x'):
            raise ValueError("mode must be 'r', 'w' or 'x'")
        import gzip
        if mode == 'r' and fileobj is None:
            gzip_file = gzip.GzipFile(name, 'rb', compresslevel)
        else:
            gzip_file = gzip.GzipFile(name, mode + 'b', compresslevel, fileobj)
        try:
            archive = cls.taropen(name, mode, gzip_file, **kwargs)
        except (OSError, EOFError) as exc:
            gzip_file.close()
            if mode == 'r':
                raise ReadError('not a gzip file') from exc
            raise
        except BaseException:
            gzip_file.close()
            raise
        archive._extfileobj = False
        return archive

    OPEN_METH = {'tar': 'taropen', 'gz': 'gzopen'}

    def close(self):
        """Close the archive; when writing, add the end-of-archive blocks and pad to a
        whole record."""
        if self.closed:
            return
        self.closed = True
        try:
            if self.mode in ('a', 'w', 'x'):
                self.fileobj.write(NUL * (BLOCKSIZE * 2))
                self.offset += BLOCKSIZE * 2
                remainder = self.offset % RECORDSIZE
                if remainder:
                    self.fileobj.write(NUL * (RECORDSIZE - remainder))
        finally:
            if not self._extfileobj:
                self.fileobj.close()

    def getmember(self, name):
        """The TarInfo of the member name (the last one of that name); KeyError if
        there is none."""
        tarinfo = self._getmember(name.rstrip('/'))
        if tarinfo is None:
            raise KeyError('filename %r not found' % name)
        return tarinfo

    def getmembers(self):
        """The members of the archive as a list of TarInfo objects, in archive order."""
        self._check()
        if not self._loaded:
            self._load()
        return self.members

    def getnames(self):
        """The names of the members, in archive order."""
        return [tarinfo.name for tarinfo in self.getmembers()]

    def gettarinfo(self, name=None, arcname=None, fileobj=None):
        """The TarInfo of the file name (or of the open file fileobj), named arcname
        in the archive; None for a file type tar cannot store (a socket)."""
        self._check('awx')
        if fileobj is not None:
            name = fileobj.name
        if arcname is None:
            arcname = name
        drive, arcname = os.path.splitdrive(arcname)
        arcname = arcname.replace(os.sep, '/').lstrip('/')
        tarinfo = self.tarinfo()
        tarinfo.tarfile = self
        if fileobj is None:
            statres = os.stat(name) if self.dereference else os.lstat(name)
        else:
            statres = os.fstat(fileobj.fileno())
        linkname = ''
        stmd = statres.st_mode
        if stat.S_ISREG(stmd):
            inode = (statres.st_ino, statres.st_dev)
            if not self.dereference and statres.st_nlink > 1 and \
                    inode in self.inodes and arcname != self.inodes[inode]:
                type = LNKTYPE
                linkname = self.inodes[inode]
            else:
                type = REGTYPE
                if inode[0]:
                    self.inodes[inode] = arcname
        elif stat.S_ISDIR(stmd):
            type = DIRTYPE
        elif stat.S_ISFIFO(stmd):
            type = FIFOTYPE
        elif stat.S_ISLNK(stmd):
            type = SYMTYPE
            linkname = os.readlink(name)
        elif stat.S_ISCHR(stmd):
            type = CHRTYPE
        elif stat.S_ISBLK(stmd):
            type = BLKTYPE
        else:
            return None
        tarinfo.name = arcname
        tarinfo.mode = stmd
        tarinfo.uid = statres.st_uid
        tarinfo.gid = statres.st_gid
        tarinfo.size = statres.st_size if type == REGTYPE else 0
        tarinfo.mtime = int(statres.st_mtime)
        tarinfo.type = type
        tarinfo.linkname = linkname
        tarinfo.uname = _user_name(statres.st_uid)
        tarinfo.gname = _group_name(statres.st_gid)
        if type in (CHRTYPE, BLKTYPE) and hasattr(os, 'major'):
            tarinfo.devmajor = os.major(statres.st_rdev)
            tarinfo.devminor = os.minor(statres.st_rdev)
        return tarinfo

    def list(self, verbose=True, *, members=None):
        """Print a table of contents to sys.stdout: the names, and with verbose an
        'ls -l'-like line per member."""
        self._check()
        for tarinfo in (self if members is None else members):
            if verbose:
                if tarinfo.mode is None:
                    mode = '??????????'
                else:
                    mode = stat.filemode(tarinfo.mode | _TYPE_MODE_BITS.get(tarinfo.type, 0))
                owner = '%s/%s' % (tarinfo.uname or tarinfo.uid, tarinfo.gname or tarinfo.gid)
                if tarinfo.ischr() or tarinfo.isblk():
                    size = '%d,%d' % (tarinfo.devmajor, tarinfo.devminor)
                else:
                    size = tarinfo.size
                stamp = '%d-%02d-%02d %02d:%02d:%02d' % time.localtime(tarinfo.mtime)[:6]
                print(mode, owner, '%10s' % size, stamp, end=' ')
            print(tarinfo.name + ('/' if tarinfo.isdir() else ''), end=' ')
            if verbose:
                if tarinfo.issym():
                    print('->', tarinfo.linkname, end=' ')
                if tarinfo.islnk():
                    print('link to', tarinfo.linkname, end=' ')
            print()

    def add(self, name, arcname=None, recursive=True, *, filter=None):
        """Add the file name (a directory with its contents if recursive) as arcname.
        filter(tarinfo) may change the TarInfo, or return None to leave the file out."""
        self._check('awx')
        if arcname is None:
            arcname = name
        if self.name is not None and os.path.abspath(name) == self.name:
            return
        tarinfo = self.gettarinfo(name, arcname)
        if tarinfo is None:
            return
        if filter is not None:
            tarinfo = filter(tarinfo)
            if tarinfo is None:
                return
        if tarinfo.isreg():
            with io.open(name, 'rb') as f:
                self.addfile(tarinfo, f)
        elif tarinfo.isdir():
            self.addfile(tarinfo)
            if recursive:
                for entry in sorted(os.listdir(name)):
                    self.add(os.path.join(name, entry), os.path.join(arcname, entry),
                             recursive, filter=filter)
        else:
            self.addfile(tarinfo)

    def addfile(self, tarinfo, fileobj=None):
        """Add the member tarinfo; a regular file's tarinfo.size bytes are read from
        fileobj (required then)."""
        self._check('awx')
        if fileobj is None and tarinfo.isreg() and tarinfo.size != 0:
            raise ValueError('fileobj not provided for non zero-size regular file')
        tarinfo = copy.copy(tarinfo)
        buf = tarinfo.tobuf(self.format, self.encoding, self.errors)
        self.fileobj.write(buf)
        self.offset += len(buf)
        if fileobj is not None:
            copyfileobj(fileobj, self.fileobj, tarinfo.size, bufsize=self.copybufsize)
            blocks, remainder = divmod(tarinfo.size, BLOCKSIZE)
            if remainder > 0:
                self.fileobj.write(NUL * (BLOCKSIZE - remainder))
                blocks += 1
            self.offset += blocks * BLOCKSIZE
        self.members.append(tarinfo)

    def _get_filter_function(self, filter):
        if filter is None:
            filter = self.extraction_filter
            if filter is None:
                import warnings
                warnings.warn('Python 3.14 will, by default, filter extracted tar archives '
                              'and reject files or modify their metadata. Use the filter '
                              'argument to control this behavior.', DeprecationWarning,
                              stacklevel=3)
                return fully_trusted_filter
            if isinstance(filter, str):
                raise TypeError('String names are not supported for '
                                'TarFile.extraction_filter. Use a function such as '
                                'tarfile.data_filter directly.')
            return filter
        if callable(filter):
            return filter
        try:
            return _NAMED_FILTERS[filter]
        except KeyError:
            raise ValueError(f'filter {filter!r} not found') from None

    def extractall(self, path='.', members=None, *, numeric_owner=False, filter=None):
        """Extract the members (default: all) into path.  filter is 'data', 'tar',
        'fully_trusted' or a function (member, path) -> member or None."""
        filter_function = self._get_filter_function(filter)
        directories = []
        for member in (self if members is None else members):
            tarinfo = self._get_extract_tarinfo(member, filter_function, path)
            if tarinfo is None:
                continue
            if tarinfo.isdir():
                directories.append(tarinfo)
            self._extract_one(tarinfo, path, set_attrs=not tarinfo.isdir(),
                              numeric_owner=numeric_owner)
        # Directories last: their times and modes would be changed by their contents.
        for tarinfo in sorted(directories, key=lambda info: info.name, reverse=True):
            dirpath = os.path.join(path, tarinfo.name)
            try:
                self.chown(tarinfo, dirpath, numeric_owner=numeric_owner)
                self.utime(tarinfo, dirpath)
                self.chmod(tarinfo, dirpath)
            except ExtractError as exc:
                self._handle_nonfatal_error(exc)

    def extract(self, member, path='', set_attrs=True, *, numeric_owner=False,
                filter=None):
        """Extract one member (a name or a TarInfo) into path."""
        filter_function = self._get_filter_function(filter)
        tarinfo = self._get_extract_tarinfo(member, filter_function, path)
        if tarinfo is not None:
            self._extract_one(tarinfo, path, set_attrs, numeric_owner)

    def _get_extract_tarinfo(self, member, filter_function, path):
        unfiltered = self.getmember(member) if isinstance(member, str) else member
        try:
            tarinfo = filter_function(unfiltered, path)
        except (OSError, FilterError) as exc:
            self._handle_fatal_error(exc)
            return None
        if tarinfo is None:
            return None
        if tarinfo.islnk():
            tarinfo = copy.copy(tarinfo)
            tarinfo._link_target = os.path.join(path, tarinfo.linkname)
        return tarinfo

    def _extract_one(self, tarinfo, path, set_attrs, numeric_owner):
        self._check('r')
        try:
            self._extract_member(tarinfo, os.path.join(path, tarinfo.name),
                                 set_attrs=set_attrs, numeric_owner=numeric_owner)
        except OSError as exc:
            self._handle_fatal_error(exc)
        except ExtractError as exc:
            self._handle_nonfatal_error(exc)

    def _handle_nonfatal_error(self, exc):
        if self.errorlevel > 1:
            raise
        self._dbg(1, 'tarfile: %s' % exc)

    def _handle_fatal_error(self, exc):
        if self.errorlevel > 0:
            raise
        self._dbg(1, 'tarfile: %s' % exc)

    def extractfile(self, member):
        """A binary file object reading the data of member (a name or a TarInfo): for a
        regular file, or a link resolved to one; None for other types."""
        self._check('r')
        tarinfo = self.getmember(member) if isinstance(member, str) else member
        if tarinfo.isreg() or tarinfo.type not in SUPPORTED_TYPES:
            return self.fileobject(self, tarinfo)
        if tarinfo.islnk() or tarinfo.issym():
            return self.extractfile(self._find_link_target(tarinfo))
        return None

    def _extract_member(self, tarinfo, targetpath, set_attrs=True, numeric_owner=False):
        targetpath = targetpath.rstrip('/').replace('/', os.sep)
        upperdirs = os.path.dirname(targetpath)
        if upperdirs and not os.path.exists(upperdirs):
            os.makedirs(upperdirs)
        if tarinfo.islnk() or tarinfo.issym():
            self._dbg(1, '%s -> %s' % (tarinfo.name, tarinfo.linkname))
        else:
            self._dbg(1, tarinfo.name)
        if tarinfo.isreg():
            self.makefile(tarinfo, targetpath)
        elif tarinfo.isdir():
            self.makedir(tarinfo, targetpath)
        elif tarinfo.isfifo():
            self.makefifo(tarinfo, targetpath)
        elif tarinfo.ischr() or tarinfo.isblk():
            self.makedev(tarinfo, targetpath)
        elif tarinfo.islnk() or tarinfo.issym():
            self.makelink(tarinfo, targetpath)
        elif tarinfo.type not in SUPPORTED_TYPES:
            self.makeunknown(tarinfo, targetpath)
        else:
            self.makefile(tarinfo, targetpath)
        if set_attrs:
            self.chown(tarinfo, targetpath, numeric_owner)
            if not tarinfo.issym():
                self.chmod(tarinfo, targetpath)
                self.utime(tarinfo, targetpath)

    def makedir(self, tarinfo, targetpath):
        """Make a directory called targetpath."""
        try:
            if tarinfo.mode is None:
                os.mkdir(targetpath)
            else:
                os.mkdir(targetpath, 0o700)
        except FileExistsError:
            if not os.path.isdir(targetpath):
                raise

    def makefile(self, tarinfo, targetpath):
        """Make a file called targetpath with the member's data."""
        source = self.fileobj
        source.seek(tarinfo.offset_data)
        with io.open(targetpath, 'wb') as target:
            copyfileobj(source, target, tarinfo.size, ReadError, self.copybufsize)

    def makeunknown(self, tarinfo, targetpath):
        """Make a file from a member of an unknown type (as a regular file)."""
        self.makefile(tarinfo, targetpath)
        self._dbg(1, 'tarfile: Unknown file type %r, extracted as regular file.'
                  % tarinfo.type)

    def makefifo(self, tarinfo, targetpath):
        """Make a FIFO called targetpath."""
        if not hasattr(os, 'mkfifo'):
            raise ExtractError('fifo not supported by system')
        os.mkfifo(targetpath)

    def makedev(self, tarinfo, targetpath):
        """Make a character or block device called targetpath."""
        if not hasattr(os, 'mknod') or not hasattr(os, 'makedev'):
            raise ExtractError('special devices not supported by system')
        mode = tarinfo.mode or 0o600
        mode |= stat.S_IFBLK if tarinfo.isblk() else stat.S_IFCHR
        os.mknod(targetpath, mode, os.makedev(tarinfo.devmajor, tarinfo.devminor))

    def makelink(self, tarinfo, targetpath):
        """Make a (symbolic) link called targetpath, or copy the target if links cannot
        be made."""
        try:
            if tarinfo.issym():
                if os.path.lexists(targetpath):
                    os.unlink(targetpath)
                os.symlink(tarinfo.linkname, targetpath)
                return
            if os.path.exists(tarinfo._link_target):
                if os.path.lexists(targetpath):
                    os.unlink(targetpath)
                os.link(tarinfo._link_target, targetpath)
                return
        except (AttributeError, NotImplementedError, PermissionError):
            pass
        try:
            self._extract_member(self._find_link_target(tarinfo), targetpath)
        except KeyError:
            raise ExtractError('unable to resolve link inside archive') from None

    def chown(self, tarinfo, targetpath, numeric_owner=False):
        """Give targetpath the member's owner (when running as root)."""
        if not hasattr(os, 'geteuid') or os.geteuid() != 0:
            return
        uid, gid = tarinfo.uid, tarinfo.gid
        if uid is None and gid is None:
            return
        try:
            if tarinfo.issym() and hasattr(os, 'lchown'):
                os.lchown(targetpath, -1 if uid is None else uid,
                          -1 if gid is None else gid)
            else:
                os.chown(targetpath, -1 if uid is None else uid, -1 if gid is None else gid)
        except (OSError, OverflowError) as exc:
            raise ExtractError('could not change owner') from exc

    def chmod(self, tarinfo, targetpath):
        """Give targetpath the member's mode."""
        if tarinfo.mode is None:
            return
        try:
            os.chmod(targetpath, tarinfo.mode)
        except OSError as exc:
            raise ExtractError('could not change mode') from exc

    def utime(self, tarinfo, targetpath):
        """Give targetpath the member's modification time."""
        if tarinfo.mtime is None or not hasattr(os, 'utime'):
            return
        try:
            os.utime(targetpath, (tarinfo.mtime, tarinfo.mtime))
        except OSError as exc:
            raise ExtractError('could not change modification time') from exc

    def next(self):
        """Read the next member; return its TarInfo, or None at the end of the archive."""
        self._check('ra')
        if self.firstmember is not None:
            first, self.firstmember = self.firstmember, None
            return first
        self.fileobj.seek(self.offset)
        while True:
            try:
                tarinfo = self.tarinfo.fromtarfile(self)
            except (EOFHeaderError, InvalidHeaderError) as exc:
                if self.ignore_zeros:
                    # Skip the block (concatenated archives, damaged headers).
                    self._dbg(2, '0x%X: %s' % (self.offset, exc))
                    self.offset += BLOCKSIZE
                    self.fileobj.seek(self.offset)
                    continue
                if isinstance(exc, InvalidHeaderError) and self.offset == 0:
                    raise ReadError(str(exc)) from None
                tarinfo = None
            except (EmptyHeaderError, TruncatedHeaderError) as exc:
                if self.offset == 0:
                    raise ReadError('empty file' if isinstance(exc, EmptyHeaderError)
                                    else str(exc)) from None
                tarinfo = None
            except SubsequentHeaderError as exc:
                raise ReadError(str(exc)) from None
            except (OSError, EOFError, ValueError) as exc:
                # A damaged compressed stream shows here.
                raise ReadError(str(exc)) from exc
            break
        if tarinfo is None:
            self._loaded = True
        else:
            tarinfo.tarfile = self
            self.members.append(tarinfo)
        return tarinfo

    def _getmember(self, name, tarinfo=None, normalize=False):
        """The last member called name (only among those before tarinfo, if given)."""
        members = self.getmembers()
        if tarinfo is not None:
            members = [member for member in members if member.offset < tarinfo.offset]
        if normalize:
            name = os.path.normpath(name)
        for member in reversed(members):
            member_name = os.path.normpath(member.name) if normalize else member.name
            if member_name == name:
                return member
        return None

    def _load(self):
        while self.next() is not None:
            pass
        self._loaded = True

    def _check(self, mode=None):
        if self.closed:
            raise OSError('%s is closed' % self.__class__.__name__)
        if mode is not None and self.mode not in mode:
            raise OSError('bad operation for mode %r' % self.mode)

    def _find_link_target(self, tarinfo):
        if tarinfo.issym():
            linkname = '/'.join(filter(None, (os.path.dirname(tarinfo.name),
                                              tarinfo.linkname)))
            limit = None
        else:
            linkname = tarinfo.linkname
            limit = tarinfo
        member = self._getmember(linkname, tarinfo=limit, normalize=True)
        if member is None:
            raise KeyError('linkname %r not found' % linkname)
        return member

    def __iter__(self):
        """Iterate over the members, reading them as needed."""
        self.firstmember = None      # already in self.members
        index = 0
        while True:
            if index < len(self.members):
                yield self.members[index]
            elif self._loaded or self.next() is None:
                return
            else:
                yield self.members[index]
            index += 1

    def _dbg(self, level, msg):
        if level <= self.debug:
            print(msg, file=sys.stderr)

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, type, value, traceback):
        if type is None:
            self.close()
        else:
            if not self._extfileobj:
                self.fileobj.close()
            self.closed = True


def _user_name(uid):
    try:
        import pwd
        return pwd.getpwuid(uid)[0]
    except (ImportError, KeyError):
        return ''


def _group_name(gid):
    try:
        import grp
        return grp.getgrgid(gid)[0]
    except (ImportError, KeyError):
        return ''


def is_tarfile(name):
    """Whether name (a path or a file object) is a tar archive this module can read."""
    try:
        if hasattr(name, 'read'):
            position = name.tell()
            archive = open(fileobj=name)
            name.seek(position)
        else:
            archive = open(name)
        archive.close()
        return True
    except TarError:
        return False


open = TarFile.open
