"""Abstract base classes for resource readers and traversable resources."""

import abc
import itertools
import pathlib

__all__ = ['ResourceReader', 'Traversable', 'TraversableResources']


class ResourceReader(metaclass=abc.ABCMeta):
    """Abstract base class for loaders to provide resource reading support."""

    @abc.abstractmethod
    def open_resource(self, resource):
        """Return an opened, file-like object for binary reading.

        The 'resource' argument is expected to represent only a file name.  If the
        resource cannot be found, FileNotFoundError is raised.
        """
        raise FileNotFoundError

    @abc.abstractmethod
    def resource_path(self, resource):
        """Return the file system path to the specified resource.

        If the resource does not exist on the file system, raise FileNotFoundError.
        """
        raise FileNotFoundError

    @abc.abstractmethod
    def is_resource(self, path):
        """Return True if the named 'path' is a resource (a file, not a directory)."""
        raise FileNotFoundError

    @abc.abstractmethod
    def contents(self):
        """Return an iterable of entries in `package`."""
        raise FileNotFoundError


class TraversalError(Exception):
    pass


class Traversable(metaclass=abc.ABCMeta):
    """An object with a subset of pathlib.Path methods suitable for traversing
    directories and opening files."""

    @abc.abstractmethod
    def iterdir(self):
        """Yield Traversable objects in self."""

    def read_bytes(self):
        """Read contents of self as bytes."""
        with self.open('rb') as strm:
            return strm.read()

    def read_text(self, encoding=None):
        """Read contents of self as text."""
        with self.open(encoding=encoding) as strm:
            return strm.read()

    @abc.abstractmethod
    def is_dir(self):
        """Return True if self is a directory."""

    @abc.abstractmethod
    def is_file(self):
        """Return True if self is a file."""

    def joinpath(self, *descendants):
        """Return Traversable resolved with any descendants applied.

        Each descendant should be a path segment relative to self and each may contain
        multiple levels separated by posixpath.sep (/).
        """
        if not descendants:
            return self
        names = itertools.chain.from_iterable(
            path.parts for path in map(pathlib.PurePosixPath, descendants))
        target = next(names)
        matches = (traversable for traversable in self.iterdir()
                   if traversable.name == target)
        try:
            match = next(matches)
        except StopIteration:
            raise TraversalError('Target not found during traversal.', target,
                                 list(names)) from None
        return match.joinpath(*names)

    def __truediv__(self, child):
        """Return Traversable child in self."""
        return self.joinpath(child)

    @abc.abstractmethod
    def open(self, mode='r', *args, **kwargs):
        """mode may be 'r' or 'rb' to open as text or binary.  Return a handle suitable
        for reading (same as pathlib.Path.open)."""

    @property
    @abc.abstractmethod
    def name(self):
        """The base name of this object without any parent references."""


class TraversableResources(ResourceReader):
    """The required interface for providing traversable resources."""

    @abc.abstractmethod
    def files(self):
        """Return a Traversable object for the loaded package."""

    def open_resource(self, resource):
        return self.files().joinpath(resource).open('rb')

    def resource_path(self, resource):
        raise FileNotFoundError(resource)

    def is_resource(self, path):
        return self.files().joinpath(path).is_file()

    def contents(self):
        return (item.name for item in self.files().iterdir())


Traversable.register(pathlib.Path)
