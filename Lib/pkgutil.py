"""Helpers for packages: listing modules, finders, loaders and resources."""

import collections
import importlib
import importlib.machinery
import importlib.util
import os
import os.path
import re
import sys
import warnings

__all__ = [
    'get_importer', 'iter_importers', 'get_loader', 'find_loader', 'walk_packages',
    'iter_modules', 'get_data', 'read_code', 'extend_path', 'ModuleInfo',
]

ModuleInfo = collections.namedtuple('ModuleInfo', 'module_finder name ispkg')
ModuleInfo.__doc__ = 'A namedtuple with minimal info about a module.'


def read_code(stream):
    """Read a code object from a .pyc stream (Braid has no .pyc files: always None
    unless the magic number matches)."""
    import marshal
    magic = stream.read(4)
    if magic != importlib.util.MAGIC_NUMBER:
        return None
    stream.read(12)
    return marshal.load(stream)


def _default_path_hooks():
    """The hooks CPython's start-up puts in sys.path_hooks: zip archives, then
    directories.  (Braid's import system, written in C, leaves sys.path_hooks empty.)"""
    import zipimport
    return [zipimport.zipimporter, importlib.machinery.FileFinder.path_hook()]


def get_importer(path_item):
    """Return the finder for the sys.path entry path_item.

    The finder comes from sys.path_importer_cache, else from the first hook of
    sys.path_hooks that accepts the entry (and is then cached); None if no hook does.  When
    sys.path_hooks is empty, CPython's default hooks are used."""
    try:
        path_item = os.fsdecode(path_item)
    except TypeError:
        return None
    try:
        return sys.path_importer_cache[path_item]
    except KeyError:
        pass
    for path_hook in sys.path_hooks or _default_path_hooks():
        try:
            importer = path_hook(path_item)
        except ImportError:
            continue
        sys.path_importer_cache.setdefault(path_item, importer)
        return importer
    return None


def iter_importers(fullname=''):
    """Yield the finders that can find fullname: for a submodule, the finders of its
    package's __path__ (the package is imported); for a top-level module, those of
    sys.meta_path and then of sys.path."""
    if fullname.startswith('.'):
        raise ImportError('Relative module name {!r} not supported'.format(fullname))
    if '.' in fullname:
        pkg_name = fullname.rpartition('.')[0]
        pkg = importlib.import_module(pkg_name)
        path = getattr(pkg, '__path__', None)
        if path is None:
            return
    else:
        yield from sys.meta_path
        path = sys.path
    for item in path:
        importer = get_importer(item)
        if importer is not None:
            yield importer


def _iter_directory_modules(path, prefix=''):
    """Yield (name, ispkg) for the modules and packages of directory path."""
    try:
        filenames = sorted(os.listdir(path))
    except OSError:
        return
    yielded = set()
    suffixes = importlib.machinery.all_suffixes()
    for fn in filenames:
        modname = None
        ispkg = False
        full = os.path.join(path, fn)
        if os.path.isdir(full):
            if '.' in fn or not fn.isidentifier():
                continue
            if not os.path.isfile(os.path.join(full, '__init__.py')):
                continue
            modname, ispkg = fn, True
        else:
            for suffix in suffixes:
                if fn.endswith(suffix):
                    modname = fn[:-len(suffix)]
                    break
            if not modname or modname == '__init__' or not modname.isidentifier():
                continue
        if modname not in yielded:
            yielded.add(modname)
            yield prefix + modname, ispkg


def iter_modules(path=None, prefix=''):
    """Yield a ModuleInfo for each module and package found directly in the
    directories of path (default: sys.path), without importing them.  Their names get
    prefix in front."""
    if path is None:
        path = sys.path
    elif isinstance(path, str):
        raise ValueError('path must be None or list of paths to look for modules in')
    yielded = set()
    for item in path:
        finder = get_importer(item)
        if finder is not None and hasattr(finder, 'iter_modules'):
            entries = finder.iter_modules(prefix)
        elif isinstance(item, str) and os.path.isdir(item):
            finder = finder or importlib.machinery.FileFinder(item)
            entries = _iter_directory_modules(item, prefix)
        else:
            continue
        for name, ispkg in entries:
            if name not in yielded:
                yielded.add(name)
                yield ModuleInfo(finder, name, ispkg)


def walk_packages(path=None, prefix='', onerror=None):
    """Yield a ModuleInfo for each module found in path (default: sys.path) and,
    recursively, in its packages.

    Packages are imported to find their submodules.  An ImportError while importing one is
    passed as onerror(name) (ignored without onerror); another exception propagates unless
    onerror is given.
    """
    yield from _walk(path, prefix, onerror, set())


def _walk(path, prefix, onerror, visited):
    """walk_packages(), never entering a directory twice (visited: the directories seen)."""
    for info in iter_modules(path, prefix):
        yield info
        if not info.ispkg:
            continue
        try:
            __import__(info.name)
        except Exception as exc:
            if onerror is not None:
                onerror(info.name)
            elif not isinstance(exc, ImportError):
                raise
            continue
        locations = getattr(sys.modules[info.name], '__path__', None) or []
        fresh = [entry for entry in locations if entry not in visited]
        visited.update(fresh)
        yield from _walk(fresh, info.name + '.', onerror, visited)


def _deprecated(name):
    warnings.warn(f'{name!r} is deprecated and slated for removal in Python 3.14; '
                  'use importlib.util.find_spec() instead', DeprecationWarning, stacklevel=3)


def get_loader(module_or_name):
    """Return the loader of a module (or module name), None if it cannot be found.

    Deprecated: use importlib.util.find_spec().  An unimported module's parent package
    is imported to find it.
    """
    _deprecated('pkgutil.get_loader')
    if module_or_name in sys.modules:
        module_or_name = sys.modules[module_or_name]
        if module_or_name is None:
            return None
    if isinstance(module_or_name, type(sys)):
        module = module_or_name
        loader = getattr(module, '__loader__', None)
        if loader is not None:
            return loader
        if getattr(module, '__spec__', None) is None:
            return None
        fullname = module.__name__
    else:
        fullname = module_or_name
    return _find_loader(fullname)


def find_loader(fullname):
    """Return the loader of the spec of fullname, or None (deprecated: use
    importlib.util.find_spec())."""
    _deprecated('pkgutil.find_loader')
    return _find_loader(fullname)


def _find_loader(fullname):
    if fullname.startswith('.'):
        raise ImportError('Relative module name {!r} not supported'.format(fullname))
    try:
        spec = importlib.util.find_spec(fullname)
    except (ImportError, AttributeError, TypeError, ValueError) as ex:
        msg = 'Error while finding loader for {!r} ({}: {})'
        raise ImportError(msg.format(fullname, type(ex), ex)) from ex
    return spec.loader if spec is not None else None


def extend_path(path, name):
    """Return the package path list path extended with the <name> directories of the
    other entries of sys.path (or of the parent package's __path__), so that a package
    split over several directories imports as one.

    The directories listed in <name>.pkg files found there (one a line, '#' comments)
    are added too.  A path that is not a list is returned unchanged.
    """
    if not isinstance(path, list):
        return path
    parent, _, last = name.rpartition('.')
    if parent:
        try:
            search_path = sys.modules[parent].__path__
        except (KeyError, AttributeError):
            return path
    else:
        search_path = sys.path
    path = path[:]
    for entry in search_path:
        if not isinstance(entry, str) or not os.path.isdir(entry):
            continue
        candidate = os.path.join(entry, last)
        if os.path.isdir(candidate) and candidate not in path:
            path.append(candidate)
        pkg_file = os.path.join(entry, name + '.pkg')
        if os.path.isfile(pkg_file):
            path.extend(_read_pkg_file(pkg_file))
    return path


def _read_pkg_file(filename):
    """The directories listed in a .pkg file ([] with a message if it cannot be read)."""
    try:
        with open(filename) as f:
            lines = f.read().splitlines()
    except OSError as exc:
        sys.stderr.write(f"Can't open {filename}: {exc}\n")
        return []
    return [line for line in lines if line and not line.startswith('#')]


def get_data(package, resource):
    """Return the bytes of the resource (a '/'-separated path) of package, read by the
    package's loader; None if the loader cannot read data."""
    spec = importlib.util.find_spec(package)
    if spec is None:
        return None
    loader = spec.loader
    if loader is None or not hasattr(loader, 'get_data'):
        return None
    mod = sys.modules.get(package) or importlib.import_module(package)
    if mod is None or not hasattr(mod, '__file__'):
        return None
    parts = resource.split('/')
    parts.insert(0, os.path.dirname(mod.__file__))
    resource_name = os.path.join(*parts)
    return loader.get_data(resource_name)


_DOTTED = r'(?!\d)\w+(?:\.(?!\d)\w+)*'
_RESOLVABLE = re.compile(f'(?P<module>{_DOTTED})(?P<colon>:(?P<attrs>{_DOTTED})?)?',
                         re.UNICODE)


def resolve_name(name):
    """Return the object a name refers to.

    'pkg.mod:attr.sub' imports pkg.mod and follows the attributes after the colon
    ('pkg.mod:' is the module).  Without a colon, the longest importable prefix of the
    dotted name is imported and the rest followed as attributes.  ValueError for a
    malformed name; ImportError or AttributeError if it does not resolve.
    """
    match = _RESOLVABLE.fullmatch(name)
    if match is None:
        raise ValueError(f'invalid format: {name!r}')
    if match.group('colon'):
        result = importlib.import_module(match.group('module'))
        attrs = match.group('attrs')
        attrs = attrs.split('.') if attrs else []
    else:
        parts = name.split('.')
        module_name = parts[0]
        result = importlib.import_module(module_name)
        attrs = parts[1:]
        while attrs:
            try:
                result = importlib.import_module(module_name + '.' + attrs[0])
            except ImportError:
                break
            module_name += '.' + attrs.pop(0)
    for attr in attrs:
        result = getattr(result, attr)
    return result
