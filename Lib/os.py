"""OS routines: the portable interface over the posix module.

This exports everything from posix, plus path (posixpath), the path constants (sep, pathsep,
curdir, pardir, extsep, altsep, linesep, devnull), environ (a str mapping that writes through
to the process environment), getenv/putenv/unsetenv, makedirs/removedirs/renames, walk,
fsencode/fsdecode/fspath and PathLike.
"""

import abc
import sys

import posix
from posix import *
from posix import _exit
import posixpath as path

__all__ = ["altsep", "curdir", "pardir", "sep", "pathsep", "linesep", "defpath", "name",
           "path", "devnull", "SEEK_SET", "SEEK_CUR", "SEEK_END", "fsencode", "fsdecode",
           "get_exec_path", "fdopen", "extsep", "environ", "getenv", "makedirs",
           "removedirs", "renames", "walk", "PathLike", "fspath", "error"]
__all__.extend(n for n in dir(posix) if not n.startswith('_'))
__all__.append('_exit')

name = 'posix'
linesep = '\n'
curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'
error = OSError

sys.modules['os.path'] = path


def _fscodec():
    encoding = sys.getfilesystemencoding()
    errors = 'surrogateescape'

    def fsencode(filename):
        """Encode filename (an os.PathLike, bytes, or str) to the filesystem encoding with
        'surrogateescape' error handler, return bytes unchanged."""
        filename = fspath(filename)
        if isinstance(filename, str):
            return filename.encode(encoding, errors)
        return filename

    def fsdecode(filename):
        """Decode filename (an os.PathLike, bytes, or str) from the filesystem encoding with
        'surrogateescape' error handler, return str unchanged."""
        filename = fspath(filename)
        if isinstance(filename, bytes):
            return filename.decode(encoding, errors)
        return filename

    return fsencode, fsdecode


fsencode, fsdecode = _fscodec()
del _fscodec


class _Environ:
    """A mapping of str names to str values over the process environment; assignments and
    deletions call putenv/unsetenv."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            value = self._data[fsencode(self._check(key))]
        except KeyError:
            raise KeyError(key) from None
        return fsdecode(value)

    def __setitem__(self, key, value):
        key = fsencode(self._check(key))
        value = fsencode(self._check(value))
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        encoded = fsencode(self._check(key))
        unsetenv(encoded)
        try:
            del self._data[encoded]
        except KeyError:
            raise KeyError(key) from None

    @staticmethod
    def _check(value):
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        return value

    def __iter__(self):
        for key in list(self._data):
            yield fsdecode(key)

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return isinstance(key, str) and fsencode(key) in self._data

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self):
        return list(self)

    def values(self):
        return [self[key] for key in self]

    def items(self):
        return [(key, self[key]) for key in self]

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def pop(self, key, *default):
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def update(self, other=(), **kwargs):
        if hasattr(other, 'keys'):
            other = [(key, other[key]) for key in other.keys()]
        for key, value in other:
            self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def clear(self):
        for key in list(self):
            del self[key]

    def copy(self):
        return dict(self.items())

    def __eq__(self, other):
        return dict(self.items()) == other

    def __repr__(self):
        return 'environ({%s})' % ', '.join('%r: %r' % item for item in self.items())


environ = _Environ(posix.environ)


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist."""
    return environ.get(key, default)


def get_exec_path(env=None):
    """The directories searched for an executable: PATH from env (default os.environ)."""
    if env is None:
        env = environ
    path_list = env.get('PATH') or defpath
    return path_list.split(pathsep)


def makedirs(name, mode=0o777, exist_ok=False):
    """makedirs(name [, mode=0o777][, exist_ok=False])

    Super-mkdir; create a leaf directory and all intermediate ones.  Works like mkdir, except
    that any intermediate path segment (not just the rightmost) will be created if it does not
    exist. If the target directory already exists, raise an OSError if exist_ok is False."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Remove a leaf directory and all empty intermediate ones."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """Rename old to new, creating the intermediate directories new needs and removing the
    emptied directories of old."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: yields (dirpath, dirnames, filenames) for top and every
    directory below it; with topdown=True the caller may prune dirnames in place."""
    top = fspath(top)
    stack = [top]
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        try:
            names = listdir(top)
        except OSError as err:
            if onerror is not None:
                onerror(err)
            continue
        dirs, nondirs = [], []
        for entry in names:
            full = path.join(top, entry)
            if path.isdir(full):
                dirs.append(entry)
            else:
                nondirs.append(entry)
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = path.join(top, dirname)
                if followlinks or not path.islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for dirname in reversed(dirs):
                new_path = path.join(top, dirname)
                if followlinks or not path.islink(new_path):
                    stack.append(new_path)


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    """Return an open file object connected to the file descriptor fd."""
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import io
    if "b" not in mode:
        encoding = io.text_encoding(encoding)
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


class PathLike(abc.ABC):
    """Abstract base class for implementing the file system path protocol."""

    @abc.abstractmethod
    def __fspath__(self):
        """Return the file system path representation of the object."""
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, '__fspath__')
        return NotImplemented


class DirEntry:
    """One entry yielded by scandir(): the name and path, with cached stat results.

    Braid builds scandir on listdir() and lstat()/stat(), so the file type is learned with
    one lstat() per entry on first use (CPython gets it from readdir() for free)."""

    __slots__ = ("name", "path", "_lstat", "_stat")

    def __init__(self, directory, name):
        self.name = name
        self.path = path.join(directory, name)
        self._lstat = None
        self._stat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return "<DirEntry %r>" % (self.name,)

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            if self.is_symlink():
                self._stat = stat(self.path)
            else:
                self._stat = self.stat(follow_symlinks=False)
        return self._stat

    def _test_mode(self, kind, follow_symlinks):
        import stat as st
        try:
            mode = self.stat(follow_symlinks=follow_symlinks).st_mode
        except FileNotFoundError:
            return False
        return {"dir": st.S_ISDIR, "file": st.S_ISREG, "link": st.S_ISLNK}[kind](mode)

    def is_dir(self, *, follow_symlinks=True):
        return self._test_mode("dir", follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        return self._test_mode("file", follow_symlinks)

    def is_symlink(self):
        return self._test_mode("link", False)

    def is_junction(self):
        return False

    __class_getitem__ = classmethod(lambda cls, item: __import__("types").GenericAlias(cls,
                                                                                        item))


class _ScandirIterator:
    """The iterator scandir() returns; also a context manager (close() stops it)."""

    def __init__(self, directory):
        self._directory = directory
        self._names = iter(listdir(directory))

    def __iter__(self):
        return self

    def __next__(self):
        names = self._names     # read once: another thread may close() meanwhile
        if names is None:
            raise StopIteration
        name = next(names)
        return DirEntry(self._directory, name)

    def close(self):
        self._names = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def scandir(path="."):
    """Return an iterator of DirEntry objects for the entries of the directory path."""
    path = fspath(path)
    return _ScandirIterator(path)


def process_cpu_count():
    """The number of CPUs this process may use (3.13), or None if unknown."""
    try:
        return len(sched_getaffinity(0))
    except (NameError, OSError):
        return cpu_count()


def _exec_search(file, args, env, use_env):
    if path.dirname(file):
        if use_env:
            execve(file, args, env)
        else:
            execv(file, args)
        return
    saved = None
    for directory in get_exec_path(env if use_env else None):
        fullname = path.join(directory, file)
        try:
            if use_env:
                execve(fullname, args, env)
            else:
                execv(fullname, args)
        except (FileNotFoundError, NotADirectoryError) as err:
            last = err
        except OSError as err:
            last = err
            if saved is None:
                saved = err
    raise saved if saved is not None else last


def execl(file, *args):
    execv(file, args)


def execle(file, *args):
    execve(file, args[:-1], args[-1])


def execlp(file, *args):
    execvp(file, args)


def execlpe(file, *args):
    execvpe(file, args[:-1], args[-1])


def execvp(file, args):
    """Execute file (searched in PATH) with argument list args, replacing this process."""
    _exec_search(file, args, None, False)


def execvpe(file, args, env):
    """Like execvp, with the environment env."""
    _exec_search(file, args, env, True)


supports_dir_fd = set()
supports_effective_ids = set()
supports_fd = {stat, truncate, utime}
supports_follow_symlinks = {stat, utime, chown}
