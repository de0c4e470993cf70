"""The io module: Python's file objects (raw, buffered and text layers, StringIO, BytesIO).

This implementation is written in Python over the posix module's file-descriptor calls; a
C implementation of the hot paths (the `_io` module in Modules/_io/) will replace parts of it.
The class hierarchy and behaviour follow CPython 3.13's io documentation:

    IOBase
      RawIOBase -> FileIO
      BufferedIOBase -> BytesIO, BufferedReader, BufferedWriter, BufferedRandom,
                        BufferedRWPair
      TextIOBase -> TextIOWrapper, StringIO
"""

import os
import abc

__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase", "FileIO", "BytesIO",
           "StringIO", "BufferedIOBase", "BufferedReader", "BufferedWriter", "BufferedRWPair",
           "BufferedRandom", "TextIOBase", "TextIOWrapper", "UnsupportedOperation",
           "SEEK_SET", "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE", "text_encoding",
           "IncrementalNewlineDecoder"]

DEFAULT_BUFFER_SIZE = 8192
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    """Raised when an operation is not supported by the stream."""


def text_encoding(encoding, stacklevel=2):
    """Return the encoding to use when none was given: 'locale' (UTF-8 here), or encoding."""
    if encoding is None:
        return "locale"
    return encoding


def _normalize_encoding(encoding):
    if encoding is None or encoding == "locale":
        return "utf-8"
    return encoding


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    """Open file and return a stream.  Raise OSError upon failure.

    mode combines 'r', 'w', 'x', 'a' with '+', and 'b' (binary) or 't' (text, default);
    buffering 0 gives an unbuffered raw file (binary only), 1 line buffering (text only),
    > 1 the buffer size; encoding, errors and newline apply to text mode."""
    if not isinstance(file, int):
        file = os.fspath(file)
    if not isinstance(file, (str, bytes, int)):
        raise TypeError("invalid file: %r" % file)
    if not isinstance(mode, str):
        raise TypeError("invalid mode: %r" % mode)
    if not isinstance(buffering, int):
        raise TypeError("an integer is required")
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("invalid encoding: %r" % encoding)
    if errors is not None and not isinstance(errors, str):
        raise TypeError("invalid errors: %r" % errors)
    modes = set(mode)
    if modes - set("axrwb+t") or len(mode) > len(modes):
        raise ValueError("invalid mode: '%s'" % mode)
    creating = "x" in modes
    reading = "r" in modes
    writing = "w" in modes
    appending = "a" in modes
    updating = "+" in modes
    text = "t" in modes
    binary = "b" in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append mode and at most "
                         "one plus")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if binary and buffering == 1:
        import warnings
        warnings.warn("line buffering (buffering=1) isn't supported in binary mode, "
                      "the default buffer size will be used", RuntimeWarning, 2)
    raw = FileIO(file, (creating and "x" or "") + (reading and "r" or "") +
                 (writing and "w" or "") + (appending and "a" or "") +
                 (updating and "+" or ""), closefd, opener=opener)
    result = raw
    try:
        line_buffering = False
        if buffering == 1 or buffering < 0 and raw.isatty():
            buffering = -1
            line_buffering = True
        if buffering < 0:
            buffering = DEFAULT_BUFFER_SIZE
            try:
                bs = os.fstat(raw.fileno()).st_blksize
            except (OSError, AttributeError):
                pass
            else:
                if bs > 1:
                    buffering = bs
        if buffering < 0:
            raise ValueError("invalid buffering size")
        if buffering == 0:
            if binary:
                return result
            raise ValueError("can't have unbuffered text I/O")
        if updating:
            buffer = BufferedRandom(raw, buffering)
        elif creating or writing or appending:
            buffer = BufferedWriter(raw, buffering)
        elif reading:
            buffer = BufferedReader(raw, buffering)
        else:
            raise ValueError("unknown mode: %r" % mode)
        result = buffer
        if binary:
            return result
        encoding = text_encoding(encoding)
        text = TextIOWrapper(buffer, encoding, errors, newline, line_buffering)
        result = text
        text.mode = mode
        return result
    except:
        result.close()
        raise


def open_code(path):
    """Open a file for reading as code (binary mode)."""
    return open(path, "rb")


class IOBase(metaclass=abc.ABCMeta):
    """The abstract base class for all I/O classes.

    Methods not supported by a stream raise UnsupportedOperation.  Streams are context
    managers and iterate over their lines."""

    def _unsupported(self, name):
        raise UnsupportedOperation("%s.%s() not supported" % (self.__class__.__name__, name))

    def seek(self, pos, whence=0):
        """Change the stream position to the given byte offset."""
        self._unsupported("seek")

    def tell(self):
        """Return the current stream position."""
        return self.seek(0, 1)

    def truncate(self, pos=None):
        """Truncate file to size bytes."""
        self._unsupported("truncate")

    def flush(self):
        """Flush write buffers, if applicable."""
        self._checkClosed()

    __closed = False

    def close(self):
        """Flush and close the IO object.  This method has no effect if the file is already
        closed."""
        if not self.__closed:
            try:
                self.flush()
            finally:
                self.__closed = True

    def __del__(self):
        try:
            closed = self.closed
        except AttributeError:
            return
        if closed:
            return
        try:
            self.close()
        except Exception:
            pass

    def seekable(self):
        """Return True if the stream supports random access."""
        return False

    def _checkSeekable(self, msg=None):
        if not self.seekable():
            raise UnsupportedOperation("File or stream is not seekable."
                                       if msg is None else msg)

    def readable(self):
        """Return True if the stream can be read from."""
        return False

    def _checkReadable(self, msg=None):
        if not self.readable():
            raise UnsupportedOperation("File or stream is not readable."
                                       if msg is None else msg)

    def writable(self):
        """Return True if the stream supports writing."""
        return False

    def _checkWritable(self, msg=None):
        if not self.writable():
            raise UnsupportedOperation("File or stream is not writable."
                                       if msg is None else msg)

    @property
    def closed(self):
        """closed: bool.  True iff the file has been closed."""
        return self.__closed

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError("I/O operation on closed file." if msg is None else msg)

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        """Returns underlying file descriptor if one exists."""
        self._unsupported("fileno")

    def isatty(self):
        """Return True if the stream is interactive."""
        self._checkClosed()
        return False

    def readline(self, size=-1):
        """Read and return a line of bytes from the stream (at most size bytes)."""
        if hasattr(self, "peek"):
            def nreadahead():
                readahead = self.peek(1)
                if not readahead:
                    return 1
                n = (readahead.find(b"\n") + 1) or len(readahead)
                if size >= 0:
                    n = min(n, size)
                return n
        else:
            def nreadahead():
                return 1
        if size is None:
            size = -1
        else:
            try:
                size_index = size.__index__
            except AttributeError:
                raise TypeError(f"{size!r} is not an integer")
            else:
                size = size_index()
        res = bytearray()
        while size < 0 or len(res) < size:
            b = self.read(nreadahead())
            if not b:
                break
            res += b
            if res.endswith(b"\n"):
                break
        return bytes(res)

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        """Return a list of lines from the stream; stop after about hint bytes/characters."""
        if hint is None or hint <= 0:
            return list(self)
        n = 0
        lines = []
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        """Write a list of lines to the stream (no line separators are added)."""
        self._checkClosed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    """Base class for raw binary I/O."""

    def read(self, size=-1):
        """Read and return up to size bytes; b'' at EOF; None if non-blocking and no data."""
        if size is None:
            size = -1
        if size < 0:
            return self.readall()
        b = bytearray(size.__index__())
        n = self.readinto(b)
        if n is None:
            return None
        del b[n:]
        return bytes(b)

    def readall(self):
        """Read until EOF, using multiple read() calls."""
        res = bytearray()
        while data := self.read(DEFAULT_BUFFER_SIZE):
            res += data
        if res:
            return bytes(res)
        return data

    def readinto(self, b):
        """Read bytes into a pre-allocated bytearray b; return the number read."""
        self._unsupported("readinto")

    def write(self, b):
        """Write the given buffer to the IO stream; return the number of bytes written."""
        self._unsupported("write")


class FileIO(RawIOBase):
    """Raw file I/O over an operating-system file descriptor."""

    _fd = -1
    _created = False
    _readable = False
    _writable = False
    _appending = False
    _seekable = None
    _closefd = True

    def __init__(self, file, mode='r', closefd=True, opener=None):
        """Open a file: mode is 'r', 'w', 'x' or 'a' with an optional '+'."""
        if self._fd >= 0:
            try:
                if self._closefd:
                    os.close(self._fd)
            finally:
                self._fd = -1
        if isinstance(file, float):
            raise TypeError('integer argument expected, got float')
        if isinstance(file, int):
            if isinstance(file, bool):
                import warnings
                warnings.warn("bool is used as a file descriptor", RuntimeWarning, stacklevel=2)
                file = int(file)
            fd = file
            if fd < 0:
                raise ValueError('negative file descriptor')
        else:
            fd = -1
        if not isinstance(mode, str):
            raise TypeError('invalid mode: %s' % (mode,))
        if not set(mode) <= set('xrwab+'):
            raise ValueError('invalid mode: %s' % (mode,))
        if sum(c in 'rwax' for c in mode) != 1 or mode.count('+') > 1:
            raise ValueError('Must have exactly one of create/read/write/append '
                             'mode and at most one plus')
        if 'x' in mode:
            self._created = True
            self._writable = True
            flags = os.O_EXCL | os.O_CREAT
        elif 'r' in mode:
            self._readable = True
            flags = 0
        elif 'w' in mode:
            self._writable = True
            flags = os.O_CREAT | os.O_TRUNC
        else:
            self._writable = True
            self._appending = True
            flags = os.O_APPEND | os.O_CREAT
        if '+' in mode:
            self._readable = True
            self._writable = True
        if self._readable and self._writable:
            flags |= os.O_RDWR
        elif self._readable:
            flags |= os.O_RDONLY
        else:
            flags |= os.O_WRONLY
        flags |= os.O_CLOEXEC
        owned_fd = None
        try:
            if fd < 0:
                if not closefd:
                    raise ValueError('Cannot use closefd=False with file name')
                if opener is None:
                    fd = os.open(file, flags, 0o666)
                else:
                    fd = opener(file, flags)
                    if not isinstance(fd, int):
                        raise TypeError('expected integer from opener')
                    if fd < 0:
                        raise OSError('Negative file descriptor')
                owned_fd = fd
            import stat as _stat
            self._blksize = DEFAULT_BUFFER_SIZE
            try:
                fdfstat = os.fstat(fd)
            except OSError as e:
                if e.errno != 9:    # EBADF: let the first read or write report it
                    raise
            else:
                if _stat.S_ISDIR(fdfstat.st_mode):
                    import errno
                    raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), file)
                if fdfstat.st_blksize > 1:
                    self._blksize = fdfstat.st_blksize
            self._closefd = closefd
            self._fd = fd
            self.name = file
            if self._appending:
                try:
                    os.lseek(fd, 0, SEEK_END)
                except OSError as e:
                    if e.errno != 29:    # ESPIPE
                        raise
        except:
            if owned_fd is not None:
                os.close(owned_fd)
            raise
        self._fd = fd

    def __del__(self):
        if self._fd >= 0 and self._closefd and not self.closed:
            import warnings
            warnings.warn('unclosed file %r' % (self,), ResourceWarning, stacklevel=2,
                          source=self)
            self.close()

    def __repr__(self):
        class_name = '%s.%s' % (self.__class__.__module__, self.__class__.__qualname__)
        if self.closed:
            return '<%s [closed]>' % class_name
        try:
            name = self.name
        except AttributeError:
            return '<%s fd=%d mode=%r closefd=%r>' % (class_name, self._fd, self.mode,
                                                       self._closefd)
        return '<%s name=%r mode=%r closefd=%r>' % (class_name, name, self.mode, self._closefd)

    def _checkReadable(self):
        if not self._readable:
            raise UnsupportedOperation('File not open for reading')

    def _checkWritable(self, msg=None):
        if not self._writable:
            raise UnsupportedOperation('File not open for writing')

    def read(self, size=None):
        """Read at most size bytes; the whole rest of the file if size is negative or None."""
        self._checkClosed()
        self._checkReadable()
        if size is None or size < 0:
            return self.readall()
        try:
            return os.read(self._fd, size)
        except BlockingIOError:
            return None

    def readall(self):
        """Read all data from the file, returned as bytes."""
        self._checkClosed()
        self._checkReadable()
        bufsize = DEFAULT_BUFFER_SIZE
        try:
            pos = os.lseek(self._fd, 0, SEEK_CUR)
            end = os.fstat(self._fd).st_size
            if end >= pos:
                bufsize = end - pos + 1
        except OSError:
            pass
        result = bytearray()
        while True:
            if len(result) >= bufsize:
                bufsize = len(result) + max(len(result), DEFAULT_BUFFER_SIZE)
            n = bufsize - len(result)
            try:
                chunk = os.read(self._fd, n)
            except BlockingIOError:
                if result:
                    break
                return None
            if not chunk:
                break
            result += chunk
        return bytes(result)

    def readinto(self, b):
        """Read bytes into b; return the number of bytes read (0 at EOF)."""
        m = memoryview(b).cast('B')
        data = self.read(len(m))
        if data is None:
            return None
        n = len(data)
        m[:n] = data
        return n

    def write(self, b):
        """Write bytes b to the file; return the number of bytes written."""
        self._checkClosed()
        self._checkWritable()
        try:
            return os.write(self._fd, b)
        except BlockingIOError:
            return None

    def seek(self, pos, whence=SEEK_SET):
        """Move to new file position; return the new absolute position."""
        if isinstance(pos, float):
            raise TypeError('an integer is required')
        self._checkClosed()
        return os.lseek(self._fd, pos, whence)

    def tell(self):
        """Current file position."""
        self._checkClosed()
        return os.lseek(self._fd, 0, SEEK_CUR)

    def truncate(self, size=None):
        """Truncate the file to at most size bytes (default: the current position)."""
        self._checkClosed()
        self._checkWritable()
        if size is None:
            size = self.tell()
        os.ftruncate(self._fd, size)
        return size

    def close(self):
        """Close the file.  A closed file cannot be used for further I/O operations."""
        if not self.closed:
            try:
                if self._closefd:
                    os.close(self._fd)
            finally:
                super().close()

    def seekable(self):
        """True if file supports random-access."""
        self._checkClosed()
        if self._seekable is None:
            try:
                self.tell()
            except OSError:
                self._seekable = False
            else:
                self._seekable = True
        return self._seekable

    def readable(self):
        """True if file was opened in a read mode."""
        self._checkClosed()
        return self._readable

    def writable(self):
        """True if file was opened in a write mode."""
        self._checkClosed()
        return self._writable

    def fileno(self):
        """Return the underlying file descriptor (an integer)."""
        self._checkClosed()
        return self._fd

    def isatty(self):
        """True if the file is connected to a TTY device."""
        self._checkClosed()
        return os.isatty(self._fd)

    @property
    def closefd(self):
        """True if the file descriptor will be closed by close()."""
        return self._closefd

    @property
    def mode(self):
        """String giving the file mode"""
        if self._created:
            return 'xb+' if self._readable else 'xb'
        if self._appending:
            return 'ab+' if self._readable else 'ab'
        if self._readable:
            return 'rb+' if self._writable else 'rb'
        return 'wb'


class BufferedIOBase(IOBase):
    """Base class for buffered binary streams."""

    def read(self, size=-1):
        """Read and return up to size bytes (all if size is negative)."""
        self._unsupported("read")

    def read1(self, size=-1):
        """Read up to size bytes with at most one read() call on the raw stream."""
        self._unsupported("read1")

    def readinto(self, b):
        """Read bytes into b; return the number read."""
        return self._readinto(b, read1=False)

    def readinto1(self, b):
        """Read bytes into b with at most one raw read; return the number read."""
        return self._readinto(b, read1=True)

    def _readinto(self, b, read1):
        if not isinstance(b, memoryview):
            b = memoryview(b)
        b = b.cast('B')
        if read1:
            data = self.read1(len(b))
        else:
            data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def write(self, b):
        """Write the given bytes; return the number of bytes written (always len(b))."""
        self._unsupported("write")

    def detach(self):
        """Separate the underlying raw stream from the buffer and return it."""
        self._unsupported("detach")


class _BufferedIOMixin(BufferedIOBase):
    """A buffered stream over a raw stream: delegates positioning and state to it."""

    def __init__(self, raw):
        self._raw = raw

    def seek(self, pos, whence=0):
        new_position = self.raw.seek(pos, whence)
        if new_position < 0:
            raise OSError("seek() returned an invalid position")
        return new_position

    def tell(self):
        pos = self.raw.tell()
        if pos < 0:
            raise OSError("tell() returned an invalid position")
        return pos

    def truncate(self, pos=None):
        self._checkClosed()
        self._checkWritable()
        self.flush()
        if pos is None:
            pos = self.tell()
        return self.raw.truncate(pos)

    def flush(self):
        if self.closed:
            raise ValueError("flush on closed file")
        self.raw.flush()

    def close(self):
        if self.raw is not None and not self.closed:
            try:
                self.flush()
            finally:
                self.raw.close()

    def detach(self):
        if self.raw is None:
            raise ValueError("raw stream already detached")
        self.flush()
        raw = self._raw
        self._raw = None
        return raw

    def seekable(self):
        return self.raw.seekable()

    @property
    def raw(self):
        return self._raw

    @property
    def closed(self):
        return self.raw.closed

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    def __repr__(self):
        modname = self.__class__.__module__
        clsname = self.__class__.__qualname__
        try:
            name = self.name
        except AttributeError:
            return "<{}.{}>".format(modname, clsname)
        return "<{}.{} name={!r}>".format(modname, clsname, name)

    def fileno(self):
        return self.raw.fileno()

    def isatty(self):
        return self.raw.isatty()


class BytesIO(BufferedIOBase):
    """Buffered I/O implementation using an in-memory bytes buffer."""

    _buffer = None

    def __init__(self, initial_bytes=None):
        buf = bytearray()
        if initial_bytes is not None:
            buf += initial_bytes
        self._buffer = buf
        self._pos = 0
        self._exports = 0

    def getvalue(self):
        """Return the bytes value (contents) of the buffer."""
        if self.closed:
            raise ValueError("getvalue on closed file")
        return bytes(self._buffer)

    def getbuffer(self):
        """Return a readable and writable view of the buffer."""
        if self.closed:
            raise ValueError("getbuffer on closed file")
        return memoryview(self._buffer)

    def close(self):
        if self._buffer is not None:
            self._buffer.clear()
        super().close()

    def read(self, size=-1):
        if self.closed:
            raise ValueError("read from closed file")
        if size is None:
            size = -1
        else:
            size = size.__index__()
        if size < 0:
            size = len(self._buffer)
        if len(self._buffer) <= self._pos:
            return b""
        newpos = min(len(self._buffer), self._pos + size)
        b = self._buffer[self._pos:newpos]
        self._pos = newpos
        return bytes(b)

    def read1(self, size=-1):
        """This is the same as read."""
        return self.read(size)

    def write(self, b):
        if self.closed:
            raise ValueError("write to closed file")
        if isinstance(b, str):
            raise TypeError("can't write str to binary stream")
        with memoryview(b) as view:
            n = view.nbytes
        if n == 0:
            return 0
        pos = self._pos
        if pos > len(self._buffer):
            self._buffer.extend(b'\x00' * (pos - len(self._buffer)))
        self._buffer[pos:pos + n] = b
        self._pos += n
        return n

    def seek(self, pos, whence=0):
        if self.closed:
            raise ValueError("seek on closed file")
        try:
            pos_index = pos.__index__
        except AttributeError:
            raise TypeError(f"{pos!r} is not an integer")
        else:
            pos = pos_index()
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek position %r" % (pos,))
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buffer) + pos)
        else:
            raise ValueError("unsupported whence value")
        return self._pos

    def tell(self):
        if self.closed:
            raise ValueError("tell on closed file")
        return self._pos

    def truncate(self, pos=None):
        if self.closed:
            raise ValueError("truncate on closed file")
        if pos is None:
            pos = self._pos
        else:
            pos = pos.__index__()
            if pos < 0:
                raise ValueError("negative truncate position %r" % (pos,))
        del self._buffer[pos:]
        return pos

    def readable(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        return True

    def writable(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        return True

    def seekable(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        return True


class BufferedReader(_BufferedIOMixin):
    """A buffered reader over a readable raw stream."""

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if not raw.readable():
            raise OSError('"raw" argument must be readable.')
        _BufferedIOMixin.__init__(self, raw)
        if buffer_size <= 0:
            raise ValueError("invalid buffer size")
        self.buffer_size = buffer_size
        self._reset_read_buf()

    def readable(self):
        return self.raw.readable()

    def _reset_read_buf(self):
        self._read_buf = b""
        self._read_pos = 0

    def read(self, size=None):
        """Read size bytes (all until EOF when size is None or negative)."""
        if size is not None and size < -1:
            raise ValueError("invalid number of bytes to read")
        self._checkClosed("read of closed file")
        buf = self._read_buf
        pos = self._read_pos
        if size is None or size == -1:
            self._reset_read_buf()
            if hasattr(self.raw, 'readall'):
                chunk = self.raw.readall()
                if chunk is None:
                    return buf[pos:] or None
                return buf[pos:] + chunk
            chunks = [buf[pos:]]
            while True:
                chunk = self.raw.read()
                if chunk is None:
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            return b"".join(chunks)
        avail = len(buf) - pos
        if size <= avail:
            self._read_pos += size
            return buf[pos:pos + size]
        chunks = [buf[pos:]]
        wanted = max(self.buffer_size, size)
        while avail < size:
            chunk = self.raw.read(wanted)
            if not chunk:
                break
            avail += len(chunk)
            chunks.append(chunk)
        out = b"".join(chunks)
        n = min(size, avail)
        self._read_buf = out[n:]
        self._read_pos = 0
        return out[:n]

    def peek(self, size=0):
        """Return buffered bytes without advancing the position (at least one byte unless at
        EOF)."""
        self._checkClosed("peek of closed file")
        want = min(size, self.buffer_size)
        have = len(self._read_buf) - self._read_pos
        if have < want or have <= 0:
            to_read = self.buffer_size - have
            current = self.raw.read(to_read)
            if current:
                self._read_buf = self._read_buf[self._read_pos:] + current
                self._read_pos = 0
        return self._read_buf[self._read_pos:]

    def read1(self, size=-1):
        """Reads up to size bytes, with at most one read() system call."""
        self._checkClosed("read of closed file")
        if size < 0:
            size = self.buffer_size
        if size == 0:
            return b""
        if self._read_pos >= len(self._read_buf):
            self._read_buf = self.raw.read(max(size, self.buffer_size)) or b""
            self._read_pos = 0
        data = self._read_buf[self._read_pos:self._read_pos + size]
        self._read_pos += len(data)
        return data

    def readline(self, size=-1):
        """Read one line (up to and including b'\\n') or size bytes."""
        self._checkClosed("readline of closed file")
        if size is None:
            size = -1
        chunks = []
        total = 0
        while size < 0 or total < size:
            if self._read_pos >= len(self._read_buf):
                data = self.raw.read(self.buffer_size)
                if not data:
                    break
                self._read_buf = data
                self._read_pos = 0
            buf = self._read_buf
            start = self._read_pos
            end = buf.find(b"\n", start)
            end = len(buf) if end < 0 else end + 1
            if size >= 0:
                end = min(end, start + size - total)
            chunks.append(buf[start:end])
            total += end - start
            self._read_pos = end
            if buf[end - 1:end] == b"\n":
                break
        return b"".join(chunks)

    def tell(self):
        pos = self.raw.tell() - len(self._read_buf) + self._read_pos
        if pos < 0:
            pos = 0
        return pos

    def seek(self, pos, whence=0):
        if whence not in (0, 1, 2):
            raise ValueError("invalid whence value")
        self._checkClosed("seek of closed file")
        if whence == 1:
            pos -= len(self._read_buf) - self._read_pos
        pos = _BufferedIOMixin.seek(self, pos, whence)
        self._reset_read_buf()
        return pos


class BufferedWriter(_BufferedIOMixin):
    """A buffer for a writeable sequential raw stream."""

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if not raw.writable():
            raise OSError('"raw" argument must be writable.')
        _BufferedIOMixin.__init__(self, raw)
        if buffer_size <= 0:
            raise ValueError("invalid buffer size")
        self.buffer_size = buffer_size
        self._write_buf = bytearray()

    def writable(self):
        return self.raw.writable()

    def write(self, b):
        if isinstance(b, str):
            raise TypeError("can't write str to binary stream")
        if self.closed:
            raise ValueError("write to closed file")
        before = len(self._write_buf)
        self._write_buf.extend(b)
        written = len(self._write_buf) - before
        if len(self._write_buf) > self.buffer_size:
            self._flush_unlocked()
        return written

    def truncate(self, pos=None):
        self._flush_unlocked()
        if pos is None:
            pos = self.raw.tell()
        return self.raw.truncate(pos)

    def flush(self):
        self._flush_unlocked()

    def _flush_unlocked(self):
        if self.closed:
            raise ValueError("flush on closed file")
        while self._write_buf:
            n = self.raw.write(self._write_buf)
            if n is None:
                raise BlockingIOError(11, "write could not complete without blocking", 0)
            del self._write_buf[:n]

    def tell(self):
        return _BufferedIOMixin.tell(self) + len(self._write_buf)

    def seek(self, pos, whence=0):
        if whence not in (0, 1, 2):
            raise ValueError("invalid whence value")
        self._flush_unlocked()
        return _BufferedIOMixin.seek(self, pos, whence)

    def close(self):
        if self.raw is None or self.closed:
            return
        try:
            self.flush()
        finally:
            self.raw.close()


class BufferedRWPair(BufferedIOBase):
    """A buffered reader and writer object together, over two raw streams."""

    def __init__(self, reader, writer, buffer_size=DEFAULT_BUFFER_SIZE):
        if not reader.readable():
            raise UnsupportedOperation('"reader" argument must be readable.')
        if not writer.writable():
            raise UnsupportedOperation('"writer" argument must be writable.')
        self.reader = BufferedReader(reader, buffer_size)
        self.writer = BufferedWriter(writer, buffer_size)

    def read(self, size=-1):
        return self.reader.read(-1 if size is None else size)

    def readinto(self, b):
        return self.reader.readinto(b)

    def write(self, b):
        return self.writer.write(b)

    def peek(self, size=0):
        return self.reader.peek(size)

    def read1(self, size=-1):
        return self.reader.read1(size)

    def readable(self):
        return self.reader.readable()

    def writable(self):
        return self.writer.writable()

    def flush(self):
        return self.writer.flush()

    def close(self):
        try:
            self.writer.close()
        finally:
            self.reader.close()

    def isatty(self):
        return self.reader.isatty() or self.writer.isatty()

    @property
    def closed(self):
        return self.writer.closed


class BufferedRandom(BufferedWriter, BufferedReader):
    """A buffered interface to random access streams."""

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        raw._checkSeekable()
        BufferedReader.__init__(self, raw, buffer_size)
        BufferedWriter.__init__(self, raw, buffer_size)

    def seek(self, pos, whence=0):
        if whence not in (0, 1, 2):
            raise ValueError("invalid whence value")
        self.flush()
        if self._read_buf:
            self.raw.seek(self._read_pos - len(self._read_buf), 1)
        self._reset_read_buf()
        pos = self.raw.seek(pos, whence)
        return pos

    def tell(self):
        if self._write_buf:
            return BufferedWriter.tell(self)
        return BufferedReader.tell(self)

    def truncate(self, pos=None):
        if pos is None:
            pos = self.tell()
        return BufferedWriter.truncate(self, pos)

    def _sync_for_read(self):
        self.flush()

    def read(self, size=None):
        if size is None:
            size = -1
        self._sync_for_read()
        return BufferedReader.read(self, size)

    def readinto(self, b):
        self._sync_for_read()
        return BufferedReader.readinto(self, b)

    def peek(self, size=0):
        self._sync_for_read()
        return BufferedReader.peek(self, size)

    def read1(self, size=-1):
        self._sync_for_read()
        return BufferedReader.read1(self, size)

    def readline(self, size=-1):
        self._sync_for_read()
        return BufferedReader.readline(self, size)

    def write(self, b):
        if self._read_buf:
            self.raw.seek(self._read_pos - len(self._read_buf), 1)
            self._reset_read_buf()
        return BufferedWriter.write(self, b)


class TextIOBase(IOBase):
    """Base class for text I/O."""

    def read(self, size=-1):
        """Read at most size characters from the stream."""
        self._unsupported("read")

    def write(self, s):
        """Write string s to the stream; return the number of characters written."""
        self._unsupported("write")

    def truncate(self, pos=None):
        """Truncate size to pos, where pos is an int."""
        self._unsupported("truncate")

    def readline(self):
        """Read until newline or EOF."""
        self._unsupported("readline")

    def detach(self):
        """Separate the underlying buffer from the TextIOBase and return it."""
        self._unsupported("detach")

    @property
    def encoding(self):
        """Subclasses should override."""
        return None

    @property
    def newlines(self):
        """Line endings translated so far."""
        return None

    @property
    def errors(self):
        """Error setting of the decoder or encoder."""
        return None


class IncrementalNewlineDecoder:
    """Translates \\r\\n and \\r into \\n (when translate is true) on top of another incremental
    decoder, and records which line endings were seen."""

    def __init__(self, decoder, translate, errors='strict'):
        self.errors = errors
        self.translate = translate
        self.decoder = decoder
        self.seennl = 0
        self.pendingcr = False

    def decode(self, input, final=False):
        if self.decoder is None:
            output = input
        else:
            output = self.decoder.decode(input, final=final)
        if self.pendingcr and (output or final):
            output = "\r" + output
            self.pendingcr = False
        if output.endswith("\r") and not final:
            output = output[:-1]
            self.pendingcr = True
        crlf = output.count('\r\n')
        cr = output.count('\r') - crlf
        lf = output.count('\n') - crlf
        self.seennl |= (lf and 1) | (cr and 2) | (crlf and 4)
        if self.translate:
            if crlf:
                output = output.replace("\r\n", "\n")
            if cr:
                output = output.replace("\r", "\n")
        return output

    def getstate(self):
        if self.decoder is None:
            buf = b""
            flag = 0
        else:
            buf, flag = self.decoder.getstate()
        flag <<= 1
        if self.pendingcr:
            flag |= 1
        return buf, flag

    def setstate(self, state):
        buf, flag = state
        self.pendingcr = bool(flag & 1)
        if self.decoder is not None:
            self.decoder.setstate((buf, flag >> 1))

    def reset(self):
        self.seennl = 0
        self.pendingcr = False
        if self.decoder is not None:
            self.decoder.reset()

    @property
    def newlines(self):
        return (None, "\n", "\r", ("\r", "\n"), "\r\n", ("\n", "\r\n"), ("\r", "\r\n"),
                ("\r", "\n", "\r\n"))[self.seennl]


class _SimpleIncrementalDecoder:
    """Incremental decoding for encodings with no state beyond an incomplete trailing
    sequence (UTF-8, Latin-1, ASCII), using bytes.decode."""

    def __init__(self, encoding, errors):
        self.encoding = encoding
        self.errors = errors
        self.pending = b""
        self.utf8 = encoding.replace('_', '-').lower() in ('utf-8', 'utf8', 'u8')

    def decode(self, data, final=False):
        data = self.pending + bytes(data)
        self.pending = b""
        if self.utf8 and not final and data:
            cut = _utf8_incomplete_tail(data)
            if cut:
                self.pending = data[-cut:]
                data = data[:-cut]
        return data.decode(self.encoding, self.errors)

    def getstate(self):
        return self.pending, 0

    def setstate(self, state):
        self.pending = state[0]

    def reset(self):
        self.pending = b""


def _utf8_incomplete_tail(data):
    """Number of bytes at the end of data that start a multi-byte UTF-8 sequence not yet
    complete (0 if the data ends on a character boundary)."""
    n = len(data)
    for back in range(1, min(4, n) + 1):
        byte = data[n - back]
        if byte & 0xC0 == 0x80:
            continue
        if byte >= 0xF0:
            need = 4
        elif byte >= 0xE0:
            need = 3
        elif byte >= 0xC0:
            need = 2
        else:
            return 0
        return back if back < need else 0
    return 0


def _make_decoder(encoding, errors):
    norm = encoding.replace('_', '-').lower()
    if norm in ('utf-8', 'utf8', 'u8', 'latin-1', 'latin1', 'iso-8859-1', 'iso8859-1',
                'ascii', 'us-ascii'):
        return _SimpleIncrementalDecoder(encoding, errors)
    import codecs
    return codecs.getincrementaldecoder(encoding)(errors)


class TextIOWrapper(TextIOBase):
    """Character and line based layer over a BufferedIOBase object, buffer.

    encoding defaults to the locale's (UTF-8 here); errors as for str.encode; newline
    controls line endings: None (universal newlines on input, os.linesep on output), '' (no
    translation), '\\n', '\\r' or '\\r\\n'."""

    _CHUNK_SIZE = 2048

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        self._check_newline(newline)
        encoding = _normalize_encoding(text_encoding(encoding))
        if not isinstance(encoding, str):
            raise ValueError("invalid encoding: %r" % encoding)
        try:
            "".encode(encoding)
        except LookupError:
            raise LookupError("unknown encoding: %s" % encoding) from None
        if errors is None:
            errors = "strict"
        elif not isinstance(errors, str):
            raise ValueError("invalid errors: %r" % errors)
        self._buffer = buffer
        self._decoded_chars = ''
        self._decoded_chars_used = 0
        self._snapshot = None
        self._seekable = self._telling = self.buffer.seekable()
        self._configure(encoding, errors, newline, line_buffering, write_through)

    @staticmethod
    def _check_newline(newline):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("illegal newline type: %r" % (type(newline),))
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))

    def _configure(self, encoding=None, errors=None, newline=None, line_buffering=False,
                   write_through=False):
        self._encoding = encoding
        self._errors = errors
        self._readuniversal = not newline
        self._readtranslate = newline is None
        self._readnl = newline
        self._writetranslate = newline != ''
        self._writenl = newline or os.linesep
        self._line_buffering = line_buffering
        self._write_through = write_through
        self._decoder = None
        self._has_read1 = hasattr(self.buffer, 'read1')

    def __repr__(self):
        result = "<{}.{}".format(self.__class__.__module__, self.__class__.__qualname__)
        try:
            name = self.name
        except AttributeError:
            pass
        else:
            result += " name={0!r}".format(name)
        try:
            mode = self.mode
        except AttributeError:
            pass
        else:
            result += " mode={0!r}".format(mode)
        return result + " encoding={0!r}>".format(self.encoding)

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return self._write_through

    @property
    def buffer(self):
        return self._buffer

    def reconfigure(self, *, encoding=None, errors=None, newline=Ellipsis,
                    line_buffering=None, write_through=None):
        """Reconfigure the text stream with new parameters (flushes first)."""
        if self._decoder is not None and (encoding is not None or errors is not None or
                                          newline is not Ellipsis):
            raise UnsupportedOperation("It is not possible to set the encoding or newline "
                                       "of stream after the first read")
        if encoding is None:
            if errors is None:
                errors = self._errors
            encoding = self._encoding
        elif errors is None:
            errors = 'strict'
        if newline is Ellipsis:
            newline = self._readnl
        self._check_newline(newline)
        if line_buffering is None:
            line_buffering = self.line_buffering
        if write_through is None:
            write_through = self.write_through
        self.flush()
        self._configure(_normalize_encoding(encoding), errors, newline, line_buffering,
                        write_through)

    def seekable(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        return self._seekable

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def flush(self):
        self.buffer.flush()
        self._telling = self._seekable

    def close(self):
        if self.buffer is not None and not self.closed:
            try:
                self.flush()
            finally:
                self.buffer.close()

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def name(self):
        return self.buffer.name

    def fileno(self):
        return self.buffer.fileno()

    def isatty(self):
        return self.buffer.isatty()

    def write(self, s):
        """Write data, where s is a str; return the number of characters written."""
        if self.closed:
            raise ValueError("write to closed file")
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % s.__class__.__name__)
        length = len(s)
        haslf = (self._writetranslate or self._line_buffering) and "\n" in s
        if haslf and self._writetranslate and self._writenl != "\n":
            s = s.replace("\n", self._writenl)
        b = s.encode(self._encoding, self._errors)
        self.buffer.write(b)
        if self._line_buffering and (haslf or "\r" in s):
            self.flush()
        elif self._write_through:
            self.buffer.flush()
        self._snapshot = None
        if self._decoder:
            self._decoder.reset()
        return length

    def _get_decoder(self):
        decoder = _make_decoder(self._encoding, self._errors)
        if self._readuniversal:
            decoder = IncrementalNewlineDecoder(decoder, self._readtranslate)
        self._decoder = decoder
        return decoder

    def _set_decoded_chars(self, chars):
        self._decoded_chars = chars
        self._decoded_chars_used = 0

    def _get_decoded_chars(self, n=None):
        offset = self._decoded_chars_used
        if n is None:
            chars = self._decoded_chars[offset:]
        else:
            chars = self._decoded_chars[offset:offset + n]
        self._decoded_chars_used += len(chars)
        return chars

    def _read_chunk(self):
        """Read and decode the next chunk; return False at EOF.  Remembers where the chunk
        started and the decoder's state then, so that tell() can find the byte position of
        any character of the chunk."""
        if self._decoder is None:
            raise ValueError("no decoder")
        if self._telling:
            start = (self.buffer.tell(), self._decoder.getstate())
        if self._has_read1:
            input_chunk = self.buffer.read1(self._CHUNK_SIZE)
        else:
            input_chunk = self.buffer.read(self._CHUNK_SIZE)
        eof = not input_chunk
        decoded_chars = self._decoder.decode(input_chunk, eof)
        self._set_decoded_chars(decoded_chars)
        if self._telling:
            self._snapshot = (start[0], start[1], input_chunk)
        return not eof

    def tell(self):
        """Return the stream position: the byte offset of the next character to read."""
        if not self._seekable:
            raise UnsupportedOperation("underlying stream is not seekable")
        if not self._telling:
            raise OSError("telling position disabled by next() call")
        self.flush()
        position = self.buffer.tell()
        if self._decoder is None or self._snapshot is None:
            return position
        start_pos, (pending, flag), chunk = self._snapshot
        used = self._decoded_chars_used
        base = start_pos - len(pending)
        if used == 0:
            return base
        # Re-decode the chunk one byte at a time from the saved state until `used`
        # characters have come out; the bytes consumed so far give the position.
        current = self._decoder
        decoder = self._get_decoder()
        self._decoder = current
        decoder.setstate((b"", flag))
        produced = len(decoder.decode(pending))
        for i in range(len(chunk)):
            produced += len(decoder.decode(chunk[i:i + 1]))
            if produced >= used:
                return start_pos + i + 1
        return position

    def truncate(self, pos=None):
        self.flush()
        if pos is None:
            pos = self.tell()
        return self.buffer.truncate(pos)

    def detach(self):
        if self.buffer is None:
            raise ValueError("buffer is already detached")
        self.flush()
        buffer = self._buffer
        self._buffer = None
        return buffer

    def seek(self, cookie, whence=0):
        """Change the stream position; cookie must come from tell() for whence=0."""
        if self.closed:
            raise ValueError("tell on closed file")
        if not self._seekable:
            raise UnsupportedOperation("underlying stream is not seekable")
        if whence == SEEK_CUR:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            whence = 0
            cookie = self.tell()
        elif whence == SEEK_END:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self.flush()
            position = self.buffer.seek(0, whence)
            self._set_decoded_chars('')
            self._snapshot = None
            if self._decoder:
                self._decoder.reset()
            return position
        if whence != 0:
            raise ValueError("unsupported whence (%r)" % (whence,))
        if cookie < 0:
            raise ValueError("negative seek position %r" % (cookie,))
        self.flush()
        self.buffer.seek(cookie)
        self._set_decoded_chars('')
        self._snapshot = None
        if self._decoder:
            self._decoder.reset()
        return cookie

    def read(self, size=None):
        """Read at most size characters (everything to EOF if size is None or negative)."""
        self._checkReadable()
        if size is None:
            size = -1
        else:
            try:
                size_index = size.__index__
            except AttributeError:
                raise TypeError(f"{size!r} is not an integer")
            else:
                size = size_index()
        decoder = self._decoder or self._get_decoder()
        if size < 0:
            result = (self._get_decoded_chars() +
                      decoder.decode(self.buffer.read(), final=True))
            self._set_decoded_chars('')
            self._snapshot = None
            return result
        eof = False
        result = self._get_decoded_chars(size)
        while len(result) < size and not eof:
            eof = not self._read_chunk()
            result += self._get_decoded_chars(size - len(result))
        return result

    def __next__(self):
        self._telling = False
        line = self.readline()
        if not line:
            self._snapshot = None
            self._telling = self._seekable
            raise StopIteration
        return line

    def readline(self, size=None):
        """Read until newline or EOF; return '' at EOF."""
        if self.closed:
            raise ValueError("read from closed file")
        if size is None:
            size = -1
        else:
            try:
                size_index = size.__index__
            except AttributeError:
                raise TypeError(f"{size!r} is not an integer")
            else:
                size = size_index()
        line = self._get_decoded_chars()
        start = 0
        if not self._decoder:
            self._get_decoder()
        pos = endpos = None
        while True:
            if self._readtranslate:
                pos = line.find('\n', start)
                if pos >= 0:
                    endpos = pos + 1
                    break
                start = len(line)
            elif self._readuniversal:
                nlpos = line.find("\n", start)
                crpos = line.find("\r", start)
                if crpos == -1:
                    if nlpos == -1:
                        start = len(line)
                    else:
                        endpos = nlpos + 1
                        break
                elif nlpos == -1:
                    if crpos == len(line) - 1:
                        start = crpos
                    else:
                        endpos = crpos + 1
                        break
                elif nlpos < crpos:
                    endpos = nlpos + 1
                    break
                elif nlpos == crpos + 1:
                    endpos = crpos + 2
                    break
                else:
                    endpos = crpos + 1
                    break
            else:
                pos = line.find(self._readnl)
                if pos >= 0:
                    endpos = pos + len(self._readnl)
                    break
            if size >= 0 and len(line) >= size:
                endpos = size
                break
            while self._read_chunk():
                if self._decoded_chars:
                    break
            if self._decoded_chars:
                line += self._get_decoded_chars()
            else:
                self._set_decoded_chars('')
                self._snapshot = None
                return line
        if size >= 0 and endpos > size:
            endpos = size
        self._rewind_decoded_chars(len(line) - endpos)
        return line[:endpos]

    def _rewind_decoded_chars(self, n):
        if self._decoded_chars_used < n:
            raise AssertionError("rewind decoded_chars out of bounds")
        self._decoded_chars_used -= n

    @property
    def newlines(self):
        return self._decoder.newlines if self._decoder else None


class StringIO(TextIOBase):
    """Text I/O implementation using an in-memory buffer.

    initial_value is the initial contents; newline works as for TextIOWrapper, except that
    with newline=None, '\\n' is written as is."""

    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("illegal newline type: %r" % (type(newline),))
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        self._readuniversal = not newline
        self._readtranslate = newline is None
        self._readnl = newline
        self._writetranslate = newline != ''
        self._writenl = newline or '\n'
        self._seennl = 0
        self._buf = ''
        self._pos = 0
        self._closed = False
        if initial_value is not None:
            if not isinstance(initial_value, str):
                raise TypeError("initial_value must be str or None, not %s"
                                % type(initial_value).__name__)
            self.write(initial_value)
            self._pos = 0

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def getvalue(self):
        """Retrieve the entire contents of the object."""
        self._check()
        return self._buf

    def _translate_for_write(self, s):
        if self._readtranslate:
            crlf = s.count('\r\n')
            cr = s.count('\r') - crlf
            lf = s.count('\n') - crlf
            self._seennl |= (lf and 1) | (cr and 2) | (crlf and 4)
            s = s.replace('\r\n', '\n').replace('\r', '\n')
        elif self._writetranslate and self._writenl != '\n':
            s = s.replace('\n', self._writenl)
        return s

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        length = len(s)
        s = self._translate_for_write(s)
        buf = self._buf
        pos = self._pos
        if pos == len(buf):
            self._buf = buf + s
        elif pos > len(buf):
            self._buf = buf + '\0' * (pos - len(buf)) + s
        else:
            self._buf = buf[:pos] + s + buf[pos + len(s):]
        self._pos = pos + len(s)
        return length

    def read(self, size=-1):
        self._check()
        if size is None:
            size = -1
        else:
            size = size.__index__()
        buf = self._buf
        pos = self._pos
        if size < 0:
            end = len(buf)
        else:
            end = min(len(buf), pos + size)
        result = buf[pos:end] if pos < end else ''
        self._pos = max(pos, end)
        return result

    def readline(self, size=-1):
        self._check()
        if size is None:
            size = -1
        else:
            size = size.__index__()
        buf = self._buf
        pos = self._pos
        if pos >= len(buf):
            return ''
        if self._readtranslate or self._readnl == '\n' or self._readnl is None:
            end = buf.find('\n', pos)
            end = len(buf) if end < 0 else end + 1
        elif self._readuniversal:
            end = len(buf)
            for i in range(pos, len(buf)):
                c = buf[i]
                if c == '\n':
                    end = i + 1
                    break
                if c == '\r':
                    end = i + 2 if buf[i + 1:i + 2] == '\n' else i + 1
                    break
        else:
            end = buf.find(self._readnl, pos)
            end = len(buf) if end < 0 else end + len(self._readnl)
        if size >= 0:
            end = min(end, pos + size)
        self._pos = end
        return buf[pos:end]

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check()
        return self._pos

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._buf)
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def truncate(self, pos=None):
        self._check()
        if pos is None:
            pos = self._pos
        elif pos < 0:
            raise ValueError("Negative size value %d" % pos)
        self._buf = self._buf[:pos]
        return pos

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return (None, "\n", "\r", ("\r", "\n"), "\r\n", ("\n", "\r\n"), ("\r", "\r\n"),
                ("\r", "\n", "\r\n"))[self._seennl] if self._readtranslate else None

    def __repr__(self):
        return object.__repr__(self)

    def detach(self):
        raise UnsupportedOperation("detach")

    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None


for klass in (StringIO, TextIOWrapper):
    TextIOBase.register(klass)
for klass in (BytesIO, BufferedReader, BufferedWriter, BufferedRandom, BufferedRWPair):
    BufferedIOBase.register(klass)
for klass in (FileIO,):
    RawIOBase.register(klass)
del klass
