"""Reading and writing gzip files (RFC 1952).

GzipFile is a binary file object over a gzip stream: reading inflates every member of
the stream in turn, writing deflates into one member.  open() adds text mode;
compress() and decompress() work on bytes.  The deflate work is zlib's.
"""

import builtins
import io
import os
import struct
import time
import zlib

__all__ = ['BadGzipFile', 'GzipFile', 'open', 'compress', 'decompress']

READ, WRITE = 'rb', 'wb'
_MAGIC = b'\x1f\x8b'
_DEFLATED = 8
# Header flags (RFC 1952 2.3.1).
FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT = 1, 2, 4, 8, 16
_COMPRESS_LEVEL_FAST = 1
_COMPRESS_LEVEL_BEST = 9
_CHUNK = 64 * 1024


class BadGzipFile(OSError):
    """The data is not gzip data, or it is damaged (an OSError)."""


def open(filename, mode='rb', compresslevel=_COMPRESS_LEVEL_BEST, encoding=None,
         errors=None, newline=None):
    """Open a gzip file (a path or a file object) in binary ('r', 'w', 'x', 'a', with
    an optional 'b') or text ('rt', 'wt', ...) mode; return a GzipFile, or a
    TextIOWrapper over one in text mode."""
    if 't' in mode:
        if 'b' in mode:
            raise ValueError(f'Invalid mode: {mode!r}')
    else:
        if encoding is not None:
            raise ValueError("Argument 'encoding' not supported in binary mode")
        if errors is not None:
            raise ValueError("Argument 'errors' not supported in binary mode")
        if newline is not None:
            raise ValueError("Argument 'newline' not supported in binary mode")
    binary_mode = mode.replace('t', '')
    if isinstance(filename, (str, bytes, os.PathLike)):
        binary_file = GzipFile(filename, binary_mode, compresslevel)
    elif hasattr(filename, 'read') or hasattr(filename, 'write'):
        binary_file = GzipFile(None, binary_mode, compresslevel, filename)
    else:
        raise TypeError('filename must be a str or bytes object, or a file')
    if 't' in mode:
        encoding = io.text_encoding(encoding) if hasattr(io, 'text_encoding') else encoding
        return io.TextIOWrapper(binary_file, encoding, errors, newline)
    return binary_file


def _header(name, mtime, compresslevel):
    """The bytes of a member header naming name (bytes, may be empty)."""
    flags = FNAME if name else 0
    # XFL: 2 for the best compression, 4 for the fastest (levels 0 and 1).
    extra = 2 if compresslevel == _COMPRESS_LEVEL_BEST else \
        4 if 0 <= compresslevel <= _COMPRESS_LEVEL_FAST else 0
    header = _MAGIC + struct.pack('<BBIBB', _DEFLATED, flags, int(mtime) & 0xFFFFFFFF,
                                  extra, 255)
    return header + (name + b'\0' if name else b'')


class GzipFile(io.BufferedIOBase):
    """A binary file object reading or writing a gzip stream.

    GzipFile(filename=None, mode=None, compresslevel=9, fileobj=None, mtime=None):
    fileobj (else the file filename opened) holds the compressed data; mode is 'r',
    'w', 'x' or 'a' (with optional 'b'; default fileobj's mode, else 'rb').  The member
    written records filename's base name (without a '.gz' suffix) and mtime (default
    now).
    """

    myfileobj = None

    def __init__(self, filename=None, mode=None, compresslevel=_COMPRESS_LEVEL_BEST,
                 fileobj=None, mtime=None):
        if mode and ('t' in mode or 'U' in mode):
            raise ValueError(f'Invalid mode: {mode!r}')
        if mode and 'b' not in mode:
            mode += 'b'
        if fileobj is None:
            fileobj = self.myfileobj = builtins.open(filename, mode or 'rb')
        if filename is None:
            filename = getattr(fileobj, 'name', '')
            if not isinstance(filename, (str, bytes)):
                filename = ''
        else:
            filename = os.fspath(filename)
        if mode is None:
            mode = getattr(fileobj, 'mode', 'rb')
        if mode.startswith('r'):
            self.mode = READ
            self._inflater = None       # the decompressor of the current member
            self._crc = 0
            self._size = 0
            self._buffer = b''          # inflated data not read yet
            self._pending = b''         # compressed data not inflated yet
            self._at_end = False
            self.name = filename
        elif mode.startswith(('w', 'a', 'x')):
            if not isinstance(compresslevel, int) or not -1 <= compresslevel <= 9:
                raise ValueError(f'Invalid compresslevel: {compresslevel!r}')
            self.mode = WRITE
            self.name = filename
            self._crc = zlib.crc32(b'')
            self._size = 0
            self._compress = zlib.compressobj(compresslevel, zlib.DEFLATED,
                                              -zlib.MAX_WBITS, zlib.DEF_MEM_LEVEL, 0)
            base = os.path.basename(filename)
            if isinstance(base, str):
                base = base.encode('latin-1', 'replace')
            if base.endswith(b'.gz'):
                base = base[:-3]
            fileobj.write(_header(base, time.time() if mtime is None else mtime,
                                  compresslevel))
        else:
            raise ValueError(f'Invalid mode: {mode!r}')
        self.fileobj = fileobj
        self._mtime = mtime
        self._offset = 0     # position in the uncompressed data

    @property
    def mtime(self):
        """The modification time of the last member read (None before reading)."""
        return self._mtime

    def __repr__(self):
        return f'<gzip {self.name!r} {hex(id(self))}>'

    def _check_not_closed(self):
        if self.fileobj is None:
            raise ValueError('I/O operation on closed file.')

    # Writing

    def write(self, data):
        """Compress data (bytes-like) into the stream; return its length."""
        self._check_not_closed()
        if self.mode != WRITE:
            import errno
            raise OSError(errno.EBADF, 'write() on read-only GzipFile object')
        data = memoryview(data).cast('B')
        length = data.nbytes
        if length:
            self.fileobj.write(self._compress.compress(data))
            self._size += length
            self._crc = zlib.crc32(data, self._crc)
            self._offset += length
        return length

    def flush(self, zlib_mode=zlib.Z_SYNC_FLUSH):
        self._check_not_closed()
        if self.mode == WRITE:
            self.fileobj.write(self._compress.flush(zlib_mode))
            self.fileobj.flush()

    def close(self):
        """Finish the member being written and close the underlying file if this object
        opened it."""
        fileobj = self.fileobj
        if fileobj is None:
            return
        self.fileobj = None
        try:
            if self.mode == WRITE:
                fileobj.write(self._compress.flush())
                fileobj.write(struct.pack('<II', self._crc & 0xFFFFFFFF,
                                          self._size & 0xFFFFFFFF))
        finally:
            myfileobj = self.myfileobj
            if myfileobj is not None:
                self.myfileobj = None
                myfileobj.close()

    @property
    def closed(self):
        return self.fileobj is None

    # Reading

    def _read_raw(self, size):
        """Up to size compressed bytes: those read ahead first, else from the file."""
        if self._pending:
            data, self._pending = self._pending[:size], self._pending[size:]
            return data
        return self.fileobj.read(size)

    def _read_exact(self, size):
        data = self._read_raw(size)
        while len(data) < size:
            more = self._read_raw(size - len(data))
            if not more:
                raise EOFError('Compressed file ended before the end-of-stream marker '
                               'was reached')
            data += more
        return data

    def _start_member(self):
        """Read a member header; return False at the end of the stream."""
        first = self._read_raw(1)
        while first == b'\0':
            first = self._read_raw(1)   # zero padding between members
        if not first:
            return False
        magic = first + self._read_exact(1)
        if magic != _MAGIC:
            raise BadGzipFile(f'Not a gzipped file ({magic!r})')
        method, flags, mtime = struct.unpack('<BBIxx', self._read_exact(8))
        if method != _DEFLATED:
            raise BadGzipFile('Unknown compression method')
        if flags & FEXTRA:
            (extra_length,) = struct.unpack('<H', self._read_exact(2))
            self._read_exact(extra_length)
        for flag in (FNAME, FCOMMENT):
            if flags & flag:
                while self._read_exact(1) != b'\0':
                    pass
        if flags & FHCRC:
            self._read_exact(2)
        self._mtime = mtime
        self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        self._crc = zlib.crc32(b'')
        self._size = 0
        return True

    def _end_member(self):
        crc, size = struct.unpack('<II', self._read_exact(8))
        if crc != self._crc & 0xFFFFFFFF:
            raise BadGzipFile(f'CRC check failed {hex(crc)} != {hex(self._crc & 0xFFFFFFFF)}')
        if size != self._size & 0xFFFFFFFF:
            raise BadGzipFile('Incorrect length of data produced')
        self._inflater = None

    def _fill(self):
        """Inflate some more data into the buffer; return False at the end."""
        while True:
            if self._at_end:
                return False
            if self._inflater is None and not self._start_member():
                self._at_end = True
                return False
            compressed = self._read_raw(_CHUNK)
            if not compressed and not self._inflater.eof:
                raise EOFError('Compressed file ended before the end-of-stream marker '
                               'was reached')
            data = self._inflater.decompress(compressed)
            self._crc = zlib.crc32(data, self._crc)
            self._size += len(data)
            if self._inflater.eof:
                self._pending = self._inflater.unused_data + self._pending
                self._end_member()
            if data:
                self._buffer += data
                return True

    def read(self, size=-1):
        """Read up to size uncompressed bytes (all of them if size is negative)."""
        self._check_not_closed()
        if self.mode != READ:
            import errno
            raise OSError(errno.EBADF, 'read() on write-only GzipFile object')
        if size is None or size < 0:
            while self._fill():
                pass
            data, self._buffer = self._buffer, b''
        else:
            while len(self._buffer) < size and self._fill():
                pass
            data, self._buffer = self._buffer[:size], self._buffer[size:]
        self._offset += len(data)
        return data

    def read1(self, size=-1):
        """Read up to size bytes with at most one inflation step."""
        if size < 0:
            size = io.DEFAULT_BUFFER_SIZE
        if not self._buffer:
            self._fill()
        return self.read(min(size, len(self._buffer)) if self._buffer else 0)

    def peek(self, n):
        """Return buffered data (at least one byte unless at the end) without advancing."""
        self._check_not_closed()
        if not self._buffer:
            self._fill()
        return self._buffer

    def readable(self):
        return self.mode == READ

    def writable(self):
        return self.mode == WRITE

    def seekable(self):
        return True

    def tell(self):
        self._check_not_closed()
        return self._offset

    def rewind(self):
        """Return to the start of the uncompressed data (reading only)."""
        if self.mode != READ:
            raise OSError("Can't rewind in write mode")
        self.fileobj.seek(0)
        self._inflater = None
        self._buffer = self._pending = b''
        self._at_end = False
        self._offset = 0

    def seek(self, offset, whence=io.SEEK_SET):
        """Move to an uncompressed offset: forward only when writing (zeros are
        written), anywhere when reading (by rewinding and reading)."""
        if whence == io.SEEK_CUR:
            offset += self._offset
        elif whence == io.SEEK_END:
            if self.mode == WRITE:
                raise ValueError('Seek from end not supported')
            self.read()
            offset += self._offset
        elif whence != io.SEEK_SET:
            raise ValueError('Invalid whence value')
        if self.mode == WRITE:
            if offset < self._offset:
                raise OSError('Negative seek in write mode')
            self.write(b'\0' * (offset - self._offset))
        else:
            if offset < self._offset:
                self.rewind()
            while self._offset < offset:
                if not self.read(min(_CHUNK, offset - self._offset)):
                    break
        return self._offset

    def readline(self, size=-1):
        self._check_not_closed()
        while b'\n' not in self._buffer and (size < 0 or len(self._buffer) < size):
            if not self._fill():
                break
        end = self._buffer.find(b'\n') + 1 or len(self._buffer)
        if size >= 0:
            end = min(end, size)
        return self.read(end)

    def fileno(self):
        return self.fileobj.fileno()


def compress(data, compresslevel=_COMPRESS_LEVEL_BEST, *, mtime=None):
    """Return data compressed as one gzip member (mtime defaults to now)."""
    buffer = io.BytesIO()
    with GzipFile(fileobj=buffer, mode='wb', compresslevel=compresslevel,
                  mtime=mtime) as f:
        f.write(data)
    return buffer.getvalue()


def decompress(data):
    """Return the uncompressed bytes of all the gzip members in data."""
    with GzipFile(fileobj=io.BytesIO(data)) as f:
        return f.read()
