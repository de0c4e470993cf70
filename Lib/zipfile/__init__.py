"""ZIP archives: reading, writing and appending.

Members are stored (ZIP_STORED) or compressed with deflate (ZIP_DEFLATED, through zlib).
Braid's zipfile handles archives below 4 GiB and 65535 members (no ZIP64 records), without
encryption; bzip2 and LZMA members raise NotImplementedError.
"""

import io
import os
import shutil
import stat
import struct
import time
import zlib

from zipfile._path import Path  # noqa: F401

__all__ = ['BadZipFile', 'BadZipfile', 'error', 'ZIP_STORED', 'ZIP_DEFLATED', 'ZIP_BZIP2',
           'ZIP_LZMA', 'is_zipfile', 'ZipInfo', 'ZipFile', 'PyZipFile', 'LargeZipFile',
           'Path']


class BadZipFile(Exception):
    """The data is not a ZIP archive, or a member of it is damaged."""


class LargeZipFile(Exception):
    """Writing this would need the ZIP64 extensions (not supported)."""


error = BadZipfile = BadZipFile

ZIP_STORED = 0
ZIP_DEFLATED = 8
ZIP_BZIP2 = 12
ZIP_LZMA = 14

ZIP64_LIMIT = (1 << 31) - 1
ZIP_MAX_COMMENT = (1 << 16) - 1

# The three record layouts of the format (PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.16).
_LOCAL_HEADER = struct.Struct('<IHHHHHIIIHH')
_CENTRAL_HEADER = struct.Struct('<IBBHHHHHIIIHHHHHII')
_END_RECORD = struct.Struct('<IHHHHIIH')
_LOCAL_SIG = 0x04034b50
_CENTRAL_SIG = 0x02014b50
_END_SIG = 0x06054b50
_DATA_DESCRIPTOR_FLAG = 0x08
_UTF8_FLAG = 0x800
_DEFAULT_VERSION = 20


def _find_end_record(fp):
    """Return (offset, fields) of the end-of-central-directory record, or None."""
    fp.seek(0, 2)
    size = fp.tell()
    start = max(0, size - (ZIP_MAX_COMMENT + _END_RECORD.size))
    fp.seek(start)
    data = fp.read()
    index = data.rfind(struct.pack('<I', _END_SIG))
    while index >= 0:
        record = data[index:index + _END_RECORD.size]
        if len(record) == _END_RECORD.size:
            fields = _END_RECORD.unpack(record)
            comment = data[index + _END_RECORD.size:index + _END_RECORD.size + fields[7]]
            return start + index, fields, comment
        index = data.rfind(struct.pack('<I', _END_SIG), 0, index)
    return None


def _decode_legacy_name(raw_name, encoding):
    """Decode a member name stored without the UTF-8 flag: in encoding if given, else
    in the historical IBM PC code page 437 (ASCII names need no codec)."""
    if encoding:
        return raw_name.decode(encoding)
    if raw_name.isascii():
        return raw_name.decode('ascii')
    return raw_name.decode('cp437')


def is_zipfile(filename):
    """Whether filename (a path, or a file object) is a ZIP archive: whether its
    end-of-central-directory record can be found."""
    try:
        if hasattr(filename, 'read'):
            return _find_end_record(filename) is not None
        with open(filename, 'rb') as fp:
            return _find_end_record(fp) is not None
    except OSError:
        return False


class ZipInfo:
    """The description of one member of an archive (name, date, sizes, CRC, ...)."""

    __slots__ = ('orig_filename', 'filename', 'date_time', 'compress_type',
                 'compress_level', 'comment', 'extra', 'create_system', 'create_version',
                 'extract_version', 'reserved', 'flag_bits', 'volume', 'internal_attr',
                 'external_attr', 'header_offset', 'CRC', 'compress_size', 'file_size')

    def __init__(self, filename='NoName', date_time=(1980, 1, 1, 0, 0, 0)):
        self.orig_filename = filename
        null_byte = filename.find(chr(0))
        if null_byte >= 0:
            filename = filename[:null_byte]
        if os.sep != '/':
            filename = filename.replace(os.sep, '/')
        self.filename = filename
        self.date_time = date_time
        if date_time[0] < 1980:
            raise ValueError('ZIP does not support timestamps before 1980')
        self.compress_type = ZIP_STORED
        self.compress_level = None
        self.comment = b''
        self.extra = b''
        self.create_system = 3
        self.create_version = _DEFAULT_VERSION
        self.extract_version = _DEFAULT_VERSION
        self.reserved = 0
        self.flag_bits = 0
        self.volume = 0
        self.internal_attr = 0
        self.external_attr = 0
        self.header_offset = 0
        self.CRC = 0
        self.compress_size = 0
        self.file_size = 0

    def __repr__(self):
        result = [f'<{self.__class__.__name__} filename={self.filename!r}']
        if self.compress_type != ZIP_STORED:
            names = {ZIP_DEFLATED: 'deflate', ZIP_BZIP2: 'bzip2', ZIP_LZMA: 'lzma'}
            result.append(' compress_type=%s' % names.get(self.compress_type,
                                                          self.compress_type))
        hi = self.external_attr >> 16
        lo = self.external_attr & 0xFFFF
        if hi:
            result.append(' filemode=%r' % stat.filemode(hi))
        if lo:
            result.append(' external_attr=%#x' % lo)
        isdir = self.is_dir()
        if not isdir or self.file_size:
            result.append(' file_size=%r' % self.file_size)
        if (not isdir or self.compress_size) and \
                (self.compress_type != ZIP_STORED or self.file_size != self.compress_size):
            result.append(' compress_size=%r' % self.compress_size)
        result.append('>')
        return ''.join(result)

    @classmethod
    def from_file(cls, filename, arcname=None, *, strict_timestamps=True):
        """A ZipInfo for the file or directory filename, named arcname in the archive
        (default: filename without drive and leading separators)."""
        if isinstance(filename, os.PathLike):
            filename = os.fspath(filename)
        st = os.stat(filename)
        isdir = stat.S_ISDIR(st.st_mode)
        date_time = time.localtime(st.st_mtime)[0:6]
        if not strict_timestamps and date_time[0] < 1980:
            date_time = (1980, 1, 1, 0, 0, 0)
        if arcname is None:
            arcname = filename
        arcname = os.path.normpath(os.path.splitdrive(arcname)[1])
        while arcname[0] in (os.sep, os.altsep):
            arcname = arcname[1:]
        if isdir:
            arcname += '/'
        zinfo = cls(arcname, date_time)
        zinfo.external_attr = (st.st_mode & 0xFFFF) << 16
        if isdir:
            zinfo.file_size = 0
            zinfo.external_attr |= 0x10
        else:
            zinfo.file_size = st.st_size
        return zinfo

    def is_dir(self):
        """Whether the member is a directory (its name ends with a slash)."""
        return self.filename.endswith('/')

    def _dos_time(self):
        year, month, day, hour, minute, second = self.date_time
        return (hour << 11 | minute << 5 | second // 2,
                (year - 1980) << 9 | month << 5 | day)

    def _encoded_name(self):
        try:
            return self.filename.encode('ascii'), self.flag_bits
        except UnicodeEncodeError:
            return self.filename.encode('utf-8'), self.flag_bits | _UTF8_FLAG

    def FileHeader(self, zip64=None):
        """Return the member's local file header (bytes)."""
        dostime, dosdate = self._dos_time()
        name, flags = self._encoded_name()
        return _LOCAL_HEADER.pack(_LOCAL_SIG, self.extract_version, flags,
                                  self.compress_type, dostime, dosdate, self.CRC,
                                  self.compress_size, self.file_size, len(name),
                                  len(self.extra)) + name + self.extra


def _compressor(compress_type, level):
    if compress_type == ZIP_DEFLATED:
        return zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION if level is None else level,
                                zlib.DEFLATED, -15)
    if compress_type == ZIP_STORED:
        return None
    raise NotImplementedError('That compression method is not supported')


def _check_compression(compression):
    if compression in (ZIP_BZIP2, ZIP_LZMA):
        raise RuntimeError('Compression requires the (missing) %s module' %
                           ('bz2' if compression == ZIP_BZIP2 else 'lzma'))
    if compression not in (ZIP_STORED, ZIP_DEFLATED):
        raise NotImplementedError('That compression method is not supported')


class ZipExtFile(io.BufferedIOBase):
    """File-like object for reading an archive member (returned by ZipFile.open)."""

    def __init__(self, data, mode, zipinfo):
        self._data = io.BytesIO(data)
        self.mode = mode
        self.name = zipinfo.filename
        self._zipinfo = zipinfo

    def readable(self):
        return True

    def seekable(self):
        return True

    def read(self, n=-1):
        return self._data.read(n)

    def read1(self, n=-1):
        return self._data.read(n)

    def readline(self, limit=-1):
        return self._data.readline(limit)

    def peek(self, n=1):
        pos = self._data.tell()
        data = self._data.read(max(n, 1))
        self._data.seek(pos)
        return data

    def seek(self, offset, whence=0):
        return self._data.seek(offset, whence)

    def tell(self):
        return self._data.tell()

    def __repr__(self):
        return f'<zipfile.ZipExtFile name={self.name!r} mode={self.mode!r}>'


class _ZipWriteFile(io.BufferedIOBase):
    """File-like object for writing an archive member (ZipFile.open(name, 'w'))."""

    def __init__(self, zipfile, zinfo):
        self._zipfile = zipfile
        self._zinfo = zinfo
        self._buffer = io.BytesIO()

    def writable(self):
        return True

    def write(self, data):
        if self.closed:
            raise ValueError('I/O operation on closed file.')
        return self._buffer.write(data)

    def close(self):
        if self.closed:
            return
        try:
            self._zipfile._write_member(self._zinfo, self._buffer.getvalue())
        finally:
            super().close()


class ZipFile:
    """A ZIP archive: ZipFile(file, mode='r', compression=ZIP_STORED, allowZip64=True,
    compresslevel=None).

    file is a path or a binary file object; mode is 'r' (read), 'w' (write a new archive),
    'x' (create, the file must not exist) or 'a' (append to an archive, or to any file).
    compression is the default for new members: ZIP_STORED or ZIP_DEFLATED."""

    fp = None

    def __init__(self, file, mode='r', compression=ZIP_STORED, allowZip64=True,
                 compresslevel=None, *, strict_timestamps=True, metadata_encoding=None):
        if mode not in ('r', 'w', 'x', 'a'):
            raise ValueError("ZipFile requires mode 'r', 'w', 'x', or 'a'")
        _check_compression(compression)
        self.debug = 0
        self.NameToInfo = {}
        self.filelist = []
        self.compression = compression
        self.compresslevel = compresslevel
        self.mode = mode
        self.pwd = None
        self._comment = b''
        self._strict_timestamps = strict_timestamps
        self.metadata_encoding = metadata_encoding
        self._writing = False
        if isinstance(file, os.PathLike):
            file = os.fspath(file)
        if isinstance(file, str):
            self._filePassed = False
            self.filename = file
            filemode = {'r': 'rb', 'w': 'w+b', 'x': 'x+b', 'a': 'r+b'}[mode]
            try:
                self.fp = open(file, filemode)
            except FileNotFoundError:
                if mode != 'a':
                    raise
                mode = 'w'
                self.fp = open(file, 'w+b')
        else:
            self._filePassed = True
            self.fp = file
            self.filename = getattr(file, 'name', None)
        try:
            if mode == 'r':
                self._read_contents()
            elif mode in ('w', 'x'):
                self._start_disk = self.fp.tell() if self._filePassed else 0
                self._end_of_members = self._start_disk
                self._modified = True
            else:
                try:
                    self._read_contents()
                    self.fp.seek(self._end_of_members)
                except BadZipFile:
                    self.fp.seek(0, 2)
                    self._start_disk = self._end_of_members = self.fp.tell()
                self._modified = True
        except BaseException:
            self._close_fp()
            raise

    def __enter__(self):
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def __repr__(self):
        result = ['<%s.%s' % (self.__class__.__module__, self.__class__.__qualname__)]
        if self.fp is not None:
            if self._filePassed:
                result.append(' file=%r' % self.fp)
            elif self.filename is not None:
                result.append(' filename=%r' % self.filename)
            result.append(' mode=%r' % self.mode)
        else:
            result.append(' [closed]')
        result.append('>')
        return ''.join(result)

    def _read_contents(self):
        """Read the central directory into self.filelist and self.NameToInfo."""
        found = _find_end_record(self.fp)
        if found is None:
            raise BadZipFile('File is not a zip file')
        end_offset, fields, comment = found
        _, _, _, _, count, cd_size, cd_offset, _ = fields
        self._comment = comment
        # Data prepended to the archive (e.g. a launcher) shifts every offset.
        concat = end_offset - cd_size - cd_offset
        self._start_disk = concat
        self.fp.seek(cd_offset + concat)
        data = self.fp.read(cd_size)
        pos = 0
        self._end_of_members = cd_offset + concat
        while pos < len(data):
            header = data[pos:pos + _CENTRAL_HEADER.size]
            if len(header) != _CENTRAL_HEADER.size:
                raise BadZipFile('Truncated central directory')
            (sig, create_version, create_system, extract_version, flags, compress_type,
             dostime, dosdate, crc, csize, usize, name_len, extra_len, comment_len,
             _disk, internal_attr, external_attr, offset) = _CENTRAL_HEADER.unpack(header)
            if sig != _CENTRAL_SIG:
                raise BadZipFile('Bad magic number for central directory')
            pos += _CENTRAL_HEADER.size
            raw_name = data[pos:pos + name_len]
            pos += name_len
            if flags & _UTF8_FLAG:
                name = raw_name.decode('utf-8')
            else:
                name = _decode_legacy_name(raw_name, self.metadata_encoding)
            zinfo = ZipInfo(name)
            zinfo.extra = data[pos:pos + extra_len]
            pos += extra_len
            zinfo.comment = data[pos:pos + comment_len]
            pos += comment_len
            zinfo.header_offset = offset + concat
            zinfo.create_version, zinfo.create_system = create_version, create_system
            zinfo.extract_version = extract_version
            zinfo.flag_bits = flags
            zinfo.compress_type = compress_type
            zinfo.CRC, zinfo.compress_size, zinfo.file_size = crc, csize, usize
            zinfo.internal_attr, zinfo.external_attr = internal_attr, external_attr
            zinfo.date_time = ((dosdate >> 9) + 1980, (dosdate >> 5) & 0xF, dosdate & 0x1F,
                               dostime >> 11, (dostime >> 5) & 0x3F, (dostime & 0x1F) * 2)
            self.filelist.append(zinfo)
            self.NameToInfo[zinfo.filename] = zinfo
        if len(self.filelist) != count:
            raise BadZipFile('Central directory entry count mismatch')

    def namelist(self):
        """The names of the members, in archive order."""
        return [data.filename for data in self.filelist]

    def infolist(self):
        """The ZipInfo of each member, in archive order."""
        return self.filelist

    def printdir(self, file=None):
        """Print a table of the members (name, date, size) to file (default stdout)."""
        print('%-46s %19s %12s' % ('File Name', 'Modified    ', 'Size'), file=file)
        for zinfo in self.filelist:
            date = '%d-%02d-%02d %02d:%02d:%02d' % zinfo.date_time[:6]
            print('%-46s %s %12d' % (zinfo.filename, date, zinfo.file_size), file=file)

    def testzip(self):
        """Read every member and check its CRC; return the first bad name, or None."""
        for zinfo in self.filelist:
            try:
                self.read(zinfo)
            except BadZipFile:
                return zinfo.filename
        return None

    def getinfo(self, name):
        """The ZipInfo of the member name; KeyError if there is none."""
        info = self.NameToInfo.get(name)
        if info is None:
            raise KeyError('There is no item named %r in the archive' % name)
        return info

    def setpassword(self, pwd):
        """Remember the password of encrypted members (Braid cannot decrypt them)."""
        self.pwd = pwd

    @property
    def comment(self):
        """The comment of the archive (bytes, at most 65535)."""
        return self._comment

    @comment.setter
    def comment(self, comment):
        if not isinstance(comment, bytes):
            raise TypeError("comment: expected bytes, got %s" % type(comment).__name__)
        self._comment = comment[:ZIP_MAX_COMMENT]
        self._modified = True

    def read(self, name, pwd=None):
        """Return the bytes of the member name (a name or a ZipInfo)."""
        with self.open(name, 'r', pwd) as fp:
            return fp.read()

    def _read_member(self, zinfo):
        if self.fp is None:
            raise ValueError('Attempt to use ZIP archive that was already closed')
        self.fp.seek(zinfo.header_offset)
        header = self.fp.read(_LOCAL_HEADER.size)
        if len(header) != _LOCAL_HEADER.size:
            raise BadZipFile('Truncated file header')
        fields = _LOCAL_HEADER.unpack(header)
        if fields[0] != _LOCAL_SIG:
            raise BadZipFile('Bad magic number for file header')
        self.fp.seek(fields[9] + fields[10], 1)
        if zinfo.flag_bits & 0x1:
            raise NotImplementedError('encrypted ZIP members are not supported')
        raw = self.fp.read(zinfo.compress_size)
        if zinfo.compress_type == ZIP_STORED:
            data = raw
        elif zinfo.compress_type == ZIP_DEFLATED:
            decompressor = zlib.decompressobj(-15)
            data = decompressor.decompress(raw) + decompressor.flush()
        else:
            raise NotImplementedError('compression type %d' % zinfo.compress_type)
        if zlib.crc32(data) != zinfo.CRC:
            raise BadZipFile('Bad CRC-32 for file %r' % zinfo.filename)
        return data

    def open(self, name, mode='r', pwd=None, *, force_zip64=False):
        """Open the member name (a name or a ZipInfo): mode 'r' gives a binary file to
        read it, 'w' a binary file whose contents become a new member when it is closed."""
        if mode not in ('r', 'w'):
            raise ValueError('open() requires mode "r" or "w"')
        if mode == 'w':
            if self.mode == 'r':
                raise ValueError('write() requires mode "w", "x", or "a"')
            if isinstance(name, ZipInfo):
                zinfo = name
            else:
                zinfo = ZipInfo(name, time.localtime(time.time())[:6])
                zinfo.compress_type = self.compression
                zinfo.compress_level = self.compresslevel
                zinfo.external_attr = 0o600 << 16
            return _ZipWriteFile(self, zinfo)
        zinfo = name if isinstance(name, ZipInfo) else self.getinfo(name)
        return ZipExtFile(self._read_member(zinfo), mode, zinfo)

    def extract(self, member, path=None, pwd=None):
        """Extract member into path (default: the current directory), under its full
        name; return the path written."""
        if path is None:
            path = os.getcwd()
        else:
            path = os.fspath(path)
        return self._extract_member(member, path)

    def extractall(self, path=None, members=None, pwd=None):
        """Extract the members (default: all) into path (default: the current directory)."""
        if members is None:
            members = self.namelist()
        path = os.getcwd() if path is None else os.fspath(path)
        for zipinfo in members:
            self._extract_member(zipinfo, path)

    def _extract_member(self, member, targetpath):
        """Extract member under targetpath.  Drive letters, '.' and '..' components and
        empty components are dropped from its name, so that nothing lands outside targetpath."""
        if not isinstance(member, ZipInfo):
            member = self.getinfo(member)
        name = os.path.splitdrive(member.filename.replace('/', os.sep))[1]
        kept = [part for part in name.split(os.sep) if part not in ('', os.curdir, os.pardir)]
        targetpath = os.path.normpath(os.path.join(targetpath, *kept))
        parent = os.path.dirname(targetpath)
        if parent and not os.path.exists(parent):
            os.makedirs(parent)
        if member.is_dir():
            if not os.path.isdir(targetpath):
                os.mkdir(targetpath)
            return targetpath
        with self.open(member) as source, open(targetpath, 'wb') as target:
            shutil.copyfileobj(source, target)
        return targetpath

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        """Add the file filename to the archive as arcname (default: its name)."""
        zinfo = ZipInfo.from_file(filename, arcname,
                                  strict_timestamps=self._strict_timestamps)
        if zinfo.is_dir():
            zinfo.compress_size = 0
            zinfo.CRC = 0
            self._write_member(zinfo, b'')
            return
        zinfo.compress_type = self.compression if compress_type is None else compress_type
        zinfo.compress_level = self.compresslevel if compresslevel is None else \
            compresslevel
        with open(filename, 'rb') as src:
            self._write_member(zinfo, src.read())

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        """Add a member named zinfo_or_arcname (or described by that ZipInfo) holding
        data (bytes, or a str encoded as UTF-8)."""
        if isinstance(data, str):
            data = data.encode('utf-8')
        if not isinstance(zinfo_or_arcname, ZipInfo):
            zinfo = ZipInfo(filename=zinfo_or_arcname,
                            date_time=time.localtime(time.time())[:6])
            zinfo.compress_type = self.compression
            zinfo.compress_level = self.compresslevel
            if zinfo.filename.endswith('/'):
                zinfo.external_attr = 0o40775 << 16
                zinfo.external_attr |= 0x10
            else:
                zinfo.external_attr = 0o600 << 16
        else:
            zinfo = zinfo_or_arcname
        if compress_type is not None:
            zinfo.compress_type = compress_type
        if compresslevel is not None:
            zinfo.compress_level = compresslevel
        self._write_member(zinfo, data)

    def mkdir(self, zinfo_or_directory_name, mode=511):
        """Add a directory member (a name or a ZipInfo that is a directory)."""
        if isinstance(zinfo_or_directory_name, ZipInfo):
            zinfo = zinfo_or_directory_name
            if not zinfo.is_dir():
                raise ValueError('The given ZipInfo does not describe a directory')
        else:
            name = zinfo_or_directory_name
            if not name.endswith('/'):
                name += '/'
            zinfo = ZipInfo(name, time.localtime(time.time())[:6])
            zinfo.external_attr = ((0o40000 | mode) & 0xFFFF) << 16
            zinfo.external_attr |= 0x10
        self._write_member(zinfo, b'')

    def _write_member(self, zinfo, data):
        """Append the local header and the (compressed) data of a new member."""
        if self.mode == 'r':
            raise ValueError('write() requires mode "w", "x", or "a"')
        if self.fp is None:
            raise ValueError('Attempt to write to ZIP archive that was already closed')
        if zinfo.filename in self.NameToInfo:
            import warnings
            warnings.warn('Duplicate name: %r' % zinfo.filename, stacklevel=3)
        _check_compression(zinfo.compress_type)
        compressor = _compressor(zinfo.compress_type, zinfo.compress_level)
        payload = data if compressor is None else compressor.compress(data) + \
            compressor.flush()
        zinfo.file_size = len(data)
        zinfo.compress_size = len(payload)
        zinfo.CRC = zlib.crc32(data)
        if zinfo.compress_type == ZIP_DEFLATED:
            zinfo.extract_version = max(zinfo.extract_version, 20)
        if zinfo.file_size > ZIP64_LIMIT or zinfo.compress_size > ZIP64_LIMIT:
            raise LargeZipFile('Filesize would require ZIP64 extensions')
        zinfo.flag_bits &= ~_DATA_DESCRIPTOR_FLAG
        self.fp.seek(self._end_of_members)
        zinfo.header_offset = self.fp.tell()
        self.fp.write(zinfo.FileHeader())
        self.fp.write(payload)
        self._end_of_members = self.fp.tell()
        self.filelist.append(zinfo)
        self.NameToInfo[zinfo.filename] = zinfo
        self._modified = True

    def close(self):
        """Write the central directory (when writing) and close the file."""
        if self.fp is None:
            return
        try:
            if self.mode in ('w', 'x', 'a') and getattr(self, '_modified', False):
                self._write_end_record()
        finally:
            self._close_fp()

    def _write_end_record(self):
        self.fp.seek(self._end_of_members)
        start_dir = self.fp.tell()
        for zinfo in self.filelist:
            dostime, dosdate = zinfo._dos_time()
            name, flags = zinfo._encoded_name()
            header = _CENTRAL_HEADER.pack(
                _CENTRAL_SIG, zinfo.create_version, zinfo.create_system,
                zinfo.extract_version, flags, zinfo.compress_type, dostime, dosdate,
                zinfo.CRC, zinfo.compress_size, zinfo.file_size, len(name),
                len(zinfo.extra), len(zinfo.comment), 0, zinfo.internal_attr,
                zinfo.external_attr, zinfo.header_offset - self._start_disk)
            self.fp.write(header + name + zinfo.extra + zinfo.comment)
        end_dir = self.fp.tell()
        count = len(self.filelist)
        if count > 0xFFFF:
            raise LargeZipFile('Too many files would require ZIP64 extensions')
        self.fp.write(_END_RECORD.pack(_END_SIG, 0, 0, count, count, end_dir - start_dir,
                                       start_dir - self._start_disk, len(self._comment)))
        self.fp.write(self._comment)
        if self.mode == 'a':
            self.fp.truncate()
        self.fp.flush()

    def _close_fp(self):
        fp = self.fp
        self.fp = None
        if fp is not None and not self._filePassed:
            fp.close()


class PyZipFile(ZipFile):
    """A ZipFile with writepy(), which adds Python sources (Braid stores .py files;
    it has no .pyc files)."""

    def writepy(self, pathname, basename='', filterfunc=None):
        """Add all .py files of a package directory (recursively) or a single .py
        file to the archive."""
        pathname = os.fspath(pathname)
        if filterfunc and not filterfunc(pathname):
            return
        if os.path.isdir(pathname):
            name = os.path.basename(pathname)
            if os.path.isfile(os.path.join(pathname, '__init__.py')):
                basename = f'{basename}/{name}' if basename else name
            for entry in sorted(os.listdir(pathname)):
                path = os.path.join(pathname, entry)
                if os.path.isdir(path) and \
                        os.path.isfile(os.path.join(path, '__init__.py')):
                    self.writepy(path, basename, filterfunc)
                elif entry.endswith('.py'):
                    if filterfunc and not filterfunc(path):
                        continue
                    arcname = f'{basename}/{entry}' if basename else entry
                    self.write(path, arcname)
        else:
            if not pathname.endswith('.py'):
                raise RuntimeError('Files added with writepy() must end with ".py"')
            arcname = os.path.basename(pathname)
            self.write(pathname, f'{basename}/{arcname}' if basename else arcname)
