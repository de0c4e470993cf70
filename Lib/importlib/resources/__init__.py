"""Read resources contained within a package.

files(anchor) returns a Traversable for a package (or the package of a module): a
pathlib.Path for packages on the file system, a zipfile.Path for packages imported from
a zip archive, or what the loader's resource reader gives.  The functional API
(read_text, open_binary, path, ...) takes the anchor and path segments.
"""

import contextlib
import os
import pathlib
import sys
import tempfile
import types
import importlib

from importlib.resources.abc import ResourceReader

__all__ = [
    'Package', 'Anchor', 'as_file', 'contents', 'files', 'is_resource', 'open_binary',
    'open_text', 'path', 'read_binary', 'read_text', 'ResourceReader',
]

Package = Anchor = types.ModuleType | str


def _resolve(anchor):
    if isinstance(anchor, str):
        return importlib.import_module(anchor)
    return anchor


def _package_directories(module):
    spec = getattr(module, '__spec__', None)
    locations = getattr(module, '__path__', None)
    if locations is None and spec is not None:
        locations = spec.submodule_search_locations
    if locations:
        return list(locations)
    origin = getattr(module, '__file__', None) or (spec and spec.origin)
    if origin:
        return [os.path.dirname(origin)]
    return []


def files(anchor=None):
    """Get a Traversable resource for an anchor (a package or module, or its name;
    default: the caller's module)."""
    if anchor is None:
        anchor = sys._getframe(1).f_globals['__name__']
    module = _resolve(anchor)
    spec = getattr(module, '__spec__', None)
    loader = getattr(spec, 'loader', None) if spec else None
    get_reader = getattr(loader, 'get_resource_reader', None)
    if get_reader is not None:
        reader = get_reader(spec.name)
        if reader is not None and hasattr(reader, 'files'):
            return reader.files()
    directories = _package_directories(module)
    if not directories:
        raise TypeError(f'{module!r} is not a package and has no location')
    directory = directories[0]
    archive = getattr(loader, 'archive', None)
    if archive and directory.startswith(archive + os.sep):
        import zipfile
        return zipfile.Path(archive, directory[len(archive) + 1:] + '/')
    return pathlib.Path(directory)


@contextlib.contextmanager
def as_file(path):
    """Given a Traversable object, return that object as a path on the local file
    system in a context manager (a temporary copy if it is not a pathlib.Path)."""
    if isinstance(path, pathlib.Path):
        yield path
        return
    if path.is_dir():
        with tempfile.TemporaryDirectory() as tmp:
            target = pathlib.Path(tmp, path.name)
            _write_tree(path, target)
            yield target
        return
    fd, raw_path = tempfile.mkstemp(suffix=path.name)
    try:
        with os.fdopen(fd, 'wb') as f:
            f.write(path.read_bytes())
        yield pathlib.Path(raw_path)
    finally:
        try:
            os.remove(raw_path)
        except FileNotFoundError:
            pass


def _write_tree(source, target):
    target.mkdir()
    for child in source.iterdir():
        if child.is_dir():
            _write_tree(child, target / child.name)
        else:
            (target / child.name).write_bytes(child.read_bytes())


def _get_resource(anchor, path_names):
    return files(anchor).joinpath(*path_names)


def open_binary(anchor, *path_names):
    """Open the resource at path_names in anchor for reading bytes."""
    return _get_resource(anchor, path_names).open('rb')


_MISSING = object()


def _encoding_arg(path_names, encoding):
    """The encoding to use: required with several path names (the old signature had the
    encoding as the third positional argument), else UTF-8 by default."""
    if encoding is _MISSING:
        if len(path_names) > 1:
            raise TypeError("'encoding' argument required with multiple path names")
        return 'utf-8'
    return encoding


def open_text(anchor, *path_names, encoding=_MISSING, errors='strict'):
    """Open the resource at path_names in anchor for reading text."""
    encoding = _encoding_arg(path_names, encoding)
    return _get_resource(anchor, path_names).open('r', encoding=encoding, errors=errors)


def read_binary(anchor, *path_names):
    """Return the bytes of the resource at path_names in anchor."""
    return _get_resource(anchor, path_names).read_bytes()


def read_text(anchor, *path_names, encoding=_MISSING, errors='strict'):
    """Return the text of the resource at path_names in anchor."""
    encoding = _encoding_arg(path_names, encoding)
    with open_text(anchor, *path_names, encoding=encoding, errors=errors) as f:
        return f.read()


def path(anchor, *path_names):
    """Return a context manager giving a file system path for the resource at
    path_names in anchor (a temporary copy if it is not a file already)."""
    return as_file(_get_resource(anchor, path_names))


def is_resource(anchor, *path_names):
    """Return True if path_names in anchor name a file."""
    return files(anchor).joinpath(*path_names).is_file()


def contents(anchor, *path_names):
    """Return the names of the entries of the directory path_names in anchor
    (deprecated: use files(anchor).iterdir())."""
    import warnings
    warnings.warn('importlib.resources.contents is deprecated. Use files(anchor)'
                  '.iterdir() instead.', DeprecationWarning, stacklevel=1)
    return (resource.name for resource in files(anchor).joinpath(*path_names).iterdir())
