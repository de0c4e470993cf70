"""Temporary files and directories.

The public interface:

    TemporaryFile, NamedTemporaryFile, SpooledTemporaryFile and
    TemporaryDirectory create objects that clean up after themselves;
    mkstemp() and mkdtemp() are the low-level functions that leave the
    removal to the caller.  gettempdir() and gettempprefix() tell where and
    under which prefix the names are made.
"""

import errno as _errno
import io as _io
import os as _os
import sys as _sys
import types as _types
import warnings as _warnings
import weakref as _weakref

__all__ = [
    "NamedTemporaryFile", "TemporaryFile",
    "SpooledTemporaryFile", "TemporaryDirectory",
    "mkstemp", "mkdtemp",
    "mktemp",
    "TMP_MAX", "gettempprefix",
    "tempdir",
    "gettempdir", "gettempprefixb", "gettempdirb",
]

TMP_MAX = getattr(_os, 'TMP_MAX', 10000)

template = "tmp"

tempdir = None

_text_openflags = _os.O_RDWR | _os.O_CREAT | _os.O_EXCL
if hasattr(_os, 'O_NOFOLLOW'):
    _text_openflags |= _os.O_NOFOLLOW
if hasattr(_os, 'O_CLOEXEC'):
    _text_openflags |= _os.O_CLOEXEC
_bin_openflags = _text_openflags
if hasattr(_os, 'O_BINARY'):
    _bin_openflags |= _os.O_BINARY

_NAME_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"


def _infer_return_type(*args):
    """Return str or bytes, the type shared by the non-None arguments."""
    return_type = None
    for arg in args:
        if arg is None:
            continue
        if isinstance(arg, _os.PathLike):
            arg = _os.fspath(arg)
        if isinstance(arg, bytes):
            if return_type is str:
                raise TypeError("Can't mix bytes and non-bytes in "
                                "path components.")
            return_type = bytes
        else:
            if return_type is bytes:
                raise TypeError("Can't mix bytes and non-bytes in "
                                "path components.")
            return_type = str
    if return_type is None:
        if tempdir is None or isinstance(tempdir, str):
            return str
        return bytes
    return return_type


def _sanitize_params(prefix, suffix, dir):
    """Fill in defaults; return (prefix, suffix, dir, output_type)."""
    output_type = _infer_return_type(prefix, suffix, dir)
    if suffix is None:
        suffix = output_type()
    if prefix is None:
        if output_type is str:
            prefix = template
        else:
            prefix = _os.fsencode(template)
    if dir is None:
        if output_type is str:
            dir = gettempdir()
        else:
            dir = gettempdirb()
    return prefix, suffix, dir, output_type


class _RandomNameSequence:
    """An endless iterator of random 8-character names from [a-z0-9_]."""

    characters = _NAME_CHARACTERS

    def __iter__(self):
        return self

    def __next__(self):
        chars = self.characters
        count = len(chars)
        # Largest multiple of count below 256: rejecting bytes at or above it
        # keeps every character equally likely.
        limit = 256 - 256 % count
        result = []
        while len(result) < 8:
            for byte in _os.urandom(16):
                if byte < limit:
                    result.append(chars[byte % count])
                    if len(result) == 8:
                        break
        return ''.join(result)


_name_sequence = None


def _get_candidate_names():
    """Return the shared _RandomNameSequence."""
    global _name_sequence
    if _name_sequence is None:
        _name_sequence = _RandomNameSequence()
    return _name_sequence


def _candidate_tempdir_list():
    """The directories gettempdir() tries, in order."""
    dirlist = []
    for envname in 'TMPDIR', 'TEMP', 'TMP':
        dirname = _os.getenv(envname)
        if dirname:
            dirlist.append(dirname)
    if _os.name == 'nt':
        dirlist.extend([_os.path.expanduser(r'~\AppData\Local\Temp'),
                        _os.path.expandvars(r'%SYSTEMROOT%\Temp'),
                        r'c:\temp', r'c:\tmp', r'\temp', r'\tmp'])
    else:
        dirlist.extend(['/tmp', '/var/tmp', '/usr/tmp'])
    try:
        dirlist.append(_os.getcwd())
    except (AttributeError, OSError):
        dirlist.append(_os.curdir)
    return dirlist


def _get_default_tempdir():
    """Return the first candidate directory where a file can be created."""
    namer = _get_candidate_names()
    dirlist = _candidate_tempdir_list()
    for dir in dirlist:
        if dir != _os.curdir:
            dir = _os.path.abspath(dir)
        for _ in range(100):
            name = next(namer)
            filename = _os.path.join(dir, name)
            try:
                fd = _os.open(filename, _bin_openflags, 0o600)
                try:
                    try:
                        _os.write(fd, b'blat')
                    finally:
                        _os.close(fd)
                finally:
                    _os.unlink(filename)
                return dir
            except FileExistsError:
                pass
            except PermissionError:
                if (_os.name == 'nt' and _os.path.isdir(dir) and
                        _os.access(dir, _os.W_OK)):
                    continue
                break
            except OSError:
                break
    raise FileNotFoundError(_errno.ENOENT,
                            "No usable temporary directory found in %s" %
                            dirlist)


def gettempprefix():
    """Return the default prefix of temporary names, as str."""
    return _os.fsdecode(template)


def gettempprefixb():
    """Return the default prefix of temporary names, as bytes."""
    return _os.fsencode(template)


def _gettempdir():
    global tempdir
    if tempdir is None:
        tempdir = _get_default_tempdir()
    return tempdir


def gettempdir():
    """Return the default directory of temporary files, as str."""
    return _os.fsdecode(_gettempdir())


def gettempdirb():
    """Return the default directory of temporary files, as bytes."""
    return _os.fsencode(_gettempdir())


def _mkstemp_inner(dir, pre, suf, flags, output_type):
    """Create a new file exclusively; return (fd, absolute path)."""
    dir = _os.path.abspath(dir)
    names = _get_candidate_names()
    if output_type is bytes:
        names = map(_os.fsencode, names)
    for _ in range(TMP_MAX):
        name = next(names)
        file = _os.path.join(dir, pre + name + suf)
        _sys.audit("tempfile.mkstemp", file)
        try:
            fd = _os.open(file, flags, 0o600)
        except FileExistsError:
            continue
        except PermissionError:
            if (_os.name == 'nt' and _os.path.isdir(dir) and
                    _os.access(dir, _os.W_OK)):
                continue
            raise
        return fd, file
    raise FileExistsError(_errno.EEXIST, "No usable temporary file name found")


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Securely create a temporary file; return (fd, absolute path).

    The file is readable and writable only by the creating user.  The
    caller must close the descriptor and remove the file.  The name is
    prefix + random characters + suffix, in dir (default gettempdir()).
    """
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    if text:
        flags = _text_openflags
    else:
        flags = _bin_openflags
    return _mkstemp_inner(dir, prefix, suffix, flags, output_type)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Securely create a temporary directory; return its absolute path.

    The directory is accessible only by the creating user; the caller must
    remove it.
    """
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    names = _get_candidate_names()
    if output_type is bytes:
        names = map(_os.fsencode, names)
    for _ in range(TMP_MAX):
        name = next(names)
        file = _os.path.join(dir, prefix + name + suffix)
        _sys.audit("tempfile.mkdtemp", file)
        try:
            _os.mkdir(file, 0o700)
        except FileExistsError:
            continue
        except PermissionError:
            if (_os.name == 'nt' and _os.path.isdir(dir) and
                    _os.access(dir, _os.W_OK)):
                continue
            raise
        return _os.path.abspath(file)
    raise FileExistsError(_errno.EEXIST,
                          "No usable temporary directory name found")


def mktemp(suffix="", prefix=template, dir=None):
    """Return a name that did not exist when asked (deprecated, unsafe)."""
    if dir is None:
        dir = gettempdir()
    names = _get_candidate_names()
    for _ in range(TMP_MAX):
        name = next(names)
        file = _os.path.join(dir, prefix + name + suffix)
        if not _os.path.lexists(file):
            return file
    raise FileExistsError(_errno.EEXIST, "No usable temporary filename found")


class _TemporaryFileCloser:
    """Closes (and maybe deletes) the file of a _TemporaryFileWrapper.

    Kept apart from the wrapper so that a method fetched from the wrapper
    does not keep the wrapper alive.
    """

    cleanup_called = False
    close_called = False

    def __init__(self, file, name, delete=True, delete_on_close=True):
        self.file = file
        self.name = name
        self.delete = delete
        self.delete_on_close = delete_on_close

    def cleanup(self, unlink=_os.unlink):
        # unlink is bound early: this may run during interpreter shutdown.
        if not self.cleanup_called:
            self.cleanup_called = True
            try:
                if not self.close_called:
                    self.close_called = True
                    self.file.close()
            finally:
                if self.delete:
                    try:
                        unlink(self.name)
                    except FileNotFoundError:
                        pass

    def close(self):
        if not self.close_called:
            self.close_called = True
            try:
                self.file.close()
            finally:
                if self.delete and self.delete_on_close:
                    self.cleanup()

    def __del__(self):
        self.cleanup()


class _TemporaryFileWrapper:
    """A file object with a name on disk that may be deleted when closed.

    Attribute access is delegated to the underlying file.
    """

    def __init__(self, file, name, delete=True, delete_on_close=True):
        self.file = file
        self.name = name
        self._closer = _TemporaryFileCloser(file, name, delete,
                                            delete_on_close)

    def __getattr__(self, name):
        # Only called for names the wrapper lacks: forward to the file and
        # remember non-integer attributes (bound methods) for next time.
        file = self.__dict__['file']
        value = getattr(file, name)
        if not isinstance(value, int):
            setattr(self, name, value)
        return value

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        result = self.file.__exit__(exc, value, tb)
        self._closer.cleanup()
        return result

    def close(self):
        """Close the file, deleting it if delete and delete_on_close."""
        self._closer.close()

    def __iter__(self):
        for line in self.file:
            yield line


def _set_file_name(file, name):
    raw = getattr(file, 'buffer', file)
    raw = getattr(raw, 'raw', raw)
    try:
        raw.name = name
    except (AttributeError, TypeError):
        pass


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None,
                       newline=None, suffix=None, prefix=None,
                       dir=None, delete=True, *, errors=None,
                       delete_on_close=True):
    """Create a temporary file with a visible name; return a file-like object.

    The name is in the 'name' attribute.  With delete true the file is
    deleted when closed (if delete_on_close) or else when the context
    manager exits or the object is finalized.
    """
    prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix, dir)
    flags = _bin_openflags
    if 'b' not in mode:
        encoding = _io.text_encoding(encoding)
    fd, name = _mkstemp_inner(dir, prefix, suffix, flags, output_type)
    try:
        file = _io.open(fd, mode, buffering=buffering, newline=newline,
                        encoding=encoding, errors=errors)
    except BaseException:
        _os.close(fd)
        _os.unlink(name)
        raise
    try:
        _set_file_name(file, name)
        return _TemporaryFileWrapper(file, name, delete, delete_on_close)
    except BaseException:
        file.close()
        _os.unlink(name)
        raise


if _os.name != 'posix' or _sys.platform == 'cygwin':
    TemporaryFile = NamedTemporaryFile
else:
    def TemporaryFile(mode='w+b', buffering=-1, encoding=None,
                      newline=None, suffix=None, prefix=None,
                      dir=None, *, errors=None):
        """Create an anonymous temporary file; return a file object.

        The file has no name on disk: it is unlinked right after creation.
        """
        prefix, suffix, dir, output_type = _sanitize_params(prefix, suffix,
                                                            dir)
        if 'b' not in mode:
            encoding = _io.text_encoding(encoding)
        fd, name = _mkstemp_inner(dir, prefix, suffix, _bin_openflags,
                                  output_type)
        try:
            _os.unlink(name)
            return _io.open(fd, mode, buffering=buffering, newline=newline,
                            encoding=encoding, errors=errors)
        except BaseException:
            _os.close(fd)
            raise


class SpooledTemporaryFile(_io.IOBase):
    """A temporary file kept in memory until it grows past max_size.

    Then (or when fileno() is called) it rolls over to a real
    TemporaryFile.
    """

    _rolled = False

    def __init__(self, max_size=0, mode='w+b', buffering=-1,
                 encoding=None, newline=None,
                 suffix=None, prefix=None, dir=None, *, errors=None):
        if 'b' in mode:
            self._file = _io.BytesIO()
        else:
            encoding = _io.text_encoding(encoding)
            self._file = _io.TextIOWrapper(_io.BytesIO(),
                                           encoding=encoding, errors=errors,
                                           newline=newline)
        self._max_size = max_size
        self._rolled = False
        self._TemporaryFileArgs = {'mode': mode, 'buffering': buffering,
                                   'suffix': suffix, 'prefix': prefix,
                                   'encoding': encoding, 'newline': newline,
                                   'dir': dir, 'errors': errors}

    __class_getitem__ = classmethod(_types.GenericAlias)

    def _check(self, file):
        if self._rolled:
            return
        max_size = self._max_size
        if max_size and file.tell() > max_size:
            self.rollover()

    def rollover(self):
        """Move the data to a real temporary file (once)."""
        if self._rolled:
            return
        file = self._file
        newfile = self._file = TemporaryFile(**self._TemporaryFileArgs)
        del self._TemporaryFileArgs
        pos = file.tell()
        if hasattr(newfile, 'buffer'):
            newfile.buffer.write(file.detach().getvalue())
        else:
            newfile.write(file.getvalue())
        newfile.seek(pos, 0)
        self._rolled = True

    def __enter__(self):
        if self._file.closed:
            raise ValueError("Cannot enter context with closed file")
        return self

    def __exit__(self, exc, value, tb):
        self._file.close()

    def __iter__(self):
        return self._file.__iter__()

    def __del__(self):
        if not self.closed:
            _warnings.warn(
                "Unclosed file {!r}".format(self),
                ResourceWarning,
                stacklevel=2,
                source=self
            )
            self.close()

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed

    @property
    def encoding(self):
        return self._file.encoding

    @property
    def errors(self):
        return self._file.errors

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    def flush(self):
        self._file.flush()

    def isatty(self):
        return self._file.isatty()

    @property
    def mode(self):
        try:
            return self._file.mode
        except AttributeError:
            return self._TemporaryFileArgs['mode']

    @property
    def name(self):
        try:
            return self._file.name
        except AttributeError:
            return None

    @property
    def newlines(self):
        return self._file.newlines

    def readable(self):
        return self._file.readable()

    def read(self, *args):
        return self._file.read(*args)

    def read1(self, *args):
        return self._file.read1(*args)

    def readinto(self, b):
        return self._file.readinto(b)

    def readinto1(self, b):
        return self._file.readinto1(b)

    def readline(self, *args):
        return self._file.readline(*args)

    def readlines(self, *args):
        return self._file.readlines(*args)

    def seekable(self):
        return self._file.seekable()

    def seek(self, *args):
        return self._file.seek(*args)

    def tell(self):
        return self._file.tell()

    def truncate(self, size=None):
        if size is None:
            return self._file.truncate()
        if size > self._max_size:
            self.rollover()
        return self._file.truncate(size)

    def writable(self):
        return self._file.writable()

    def write(self, s):
        file = self._file
        rv = file.write(s)
        self._check(file)
        return rv

    def writelines(self, iterable):
        for line in iterable:
            self.write(line)

    def detach(self):
        return self._file.detach()


class TemporaryDirectory:
    """Create and return a temporary directory, removed on cleanup.

    Used as a context manager it gives the directory name and removes the
    directory (if delete) on exit:

        with TemporaryDirectory() as tmpdir:
            ...
    """

    def __init__(self, suffix=None, prefix=None, dir=None,
                 ignore_cleanup_errors=False, *, delete=True):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._delete = delete
        self._finalizer = _weakref.finalize(
            self, self._cleanup, self.name,
            warn_message="Implicitly cleaning up {!r}".format(self),
            ignore_errors=self._ignore_cleanup_errors, delete=self._delete)

    @classmethod
    def _rmtree(cls, name, ignore_errors=False, repeated=False):
        """Remove the tree name, making read-only parts writable first."""
        import shutil

        def onexc(func, path, exc):
            if isinstance(exc, FileNotFoundError):
                return
            if not isinstance(exc, PermissionError):
                if not ignore_errors:
                    raise
                return
            if repeated and path == name:
                # Already retried with permissions reset: give up.
                if not ignore_errors:
                    raise
                return
            try:
                if path != name:
                    _reset_permissions(_os.path.dirname(path))
                _reset_permissions(path)
                if _os.path.isdir(path) and not _os.path.islink(path):
                    cls._rmtree(path, ignore_errors=ignore_errors,
                                repeated=(path == name))
                else:
                    _os.unlink(path)
            except FileNotFoundError:
                pass

        shutil.rmtree(name, onexc=onexc)

    @classmethod
    def _cleanup(cls, name, warn_message, ignore_errors=False, delete=True):
        if delete:
            cls._rmtree(name, ignore_errors=ignore_errors)
            _warnings.warn(warn_message, ResourceWarning)

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        if self._delete:
            self.cleanup()

    def cleanup(self):
        """Remove the directory and everything in it."""
        if self._finalizer.detach() or _os.path.exists(self.name):
            self._rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)

    __class_getitem__ = classmethod(_types.GenericAlias)


def _reset_permissions(path):
    """Give the owner full access to path (ignoring failures)."""
    try:
        _os.chmod(path, 0o700)
    except OSError:
        pass
