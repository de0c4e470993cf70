"""zipfile.Path: a pathlib-compatible interface to the members of a ZIP archive."""

import io
import posixpath

__all__ = ['Path']


class Path:
    """A pathlib-compatible interface for zip files.

    Path(root, at='') names the member ``at`` of the archive ``root`` (a file name, a
    file object or a ZipFile); a directory's ``at`` ends with '/'.  Directories that have
    no member of their own exist when some member lies below them.
    """

    def __init__(self, root, at=''):
        from zipfile import ZipFile
        self.root = root if isinstance(root, ZipFile) else ZipFile(root)
        self.at = at

    def __repr__(self):
        return f'{self.__class__.__name__}({self.root.filename!r}, {self.at!r})'

    def __str__(self):
        return posixpath.join(self.root.filename, self.at)

    def __eq__(self, other):
        if self.__class__ is not other.__class__:
            return NotImplemented
        return (self.root, self.at) == (other.root, other.at)

    def __hash__(self):
        return hash((self.root, self.at))

    def _names(self):
        """Every member name, plus the implied directories ('a/' for 'a/b')."""
        names = set(self.root.namelist())
        for name in list(names):
            parts = name.rstrip('/').split('/')[:-1]
            for index in range(1, len(parts) + 1):
                names.add('/'.join(parts[:index]) + '/')
        return names

    def _next(self, at):
        return self.__class__(self.root, at)

    @property
    def name(self):
        return posixpath.basename(self.at.rstrip('/')) or \
            posixpath.basename(self.root.filename or '')

    @property
    def suffix(self):
        return posixpath.splitext(self.name)[1]

    @property
    def stem(self):
        return posixpath.splitext(self.name)[0]

    @property
    def filename(self):
        return posixpath.join(self.root.filename, self.at)

    @property
    def parent(self):
        if not self.at:
            return self.__class__(self.root.filename and posixpath.dirname(self.root.filename))
        parent_at = posixpath.dirname(self.at.rstrip('/'))
        return self._next(parent_at + '/' if parent_at else '')

    def is_dir(self):
        return not self.at or self.at.endswith('/')

    def is_file(self):
        return self.exists() and not self.is_dir()

    def exists(self):
        return not self.at or self.at in self._names()

    def iterdir(self):
        """Yield the members directly inside this directory."""
        if not self.is_dir():
            raise ValueError("Can't listdir a file")
        for name in sorted(self._names()):
            if name != self.at and name.startswith(self.at) and \
                    '/' not in name[len(self.at):].rstrip('/'):
                yield self._next(name)

    def joinpath(self, *other):
        at = posixpath.join(self.at, *other)
        names = self._names()
        if at not in names and at + '/' in names:
            at += '/'
        return self._next(at)

    __truediv__ = joinpath

    def open(self, mode='r', *args, pwd=None, **kwargs):
        """Open this entry as text or binary following the semantics of
        pathlib.Path.open() by passing arguments through to io.TextIOWrapper()."""
        if self.is_dir():
            raise IsADirectoryError(self)
        zip_mode = mode[0]
        if not self.exists() and zip_mode == 'r':
            raise FileNotFoundError(self)
        stream = self.root.open(self.at, zip_mode, pwd=pwd)
        if 'b' in mode:
            if args or kwargs:
                raise ValueError('encoding args invalid for binary operation')
            return stream
        return io.TextIOWrapper(stream, *args, **kwargs)

    def read_text(self, *args, **kwargs):
        with self.open('r', *args, **kwargs) as strm:
            return strm.read()

    def read_bytes(self):
        with self.open('rb') as strm:
            return strm.read()
