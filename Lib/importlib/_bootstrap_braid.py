"""Braid's import machinery as Python objects.

The import system itself runs in C (Python/import.c).  This module gives Python code the
objects CPython's importlib exposes: ModuleSpec, the builtin/source/extension loaders, the
path finder, and the find_spec/module_from_spec helpers used by importlib.util.
"""

import sys
import _imp


class ModuleSpec:
    """The specification for a module, used for loading."""

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodules = []
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        args = [f'name={self.name!r}', f'loader={self.loader!r}']
        if self.origin is not None:
            args.append(f'origin={self.origin!r}')
        if self.submodule_search_locations is not None:
            args.append(f'submodule_search_locations={self.submodule_search_locations}')
        return f'{self.__class__.__name__}({", ".join(args)})'

    def __eq__(self, other):
        smsl = self.submodule_search_locations
        try:
            return (self.name == other.name and self.loader == other.loader and
                    self.origin == other.origin and smsl == other.submodule_search_locations
                    and self.cached == other.cached and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        """The name of the module's parent."""
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


class BuiltinImporter:
    """Meta path import for built-in modules."""

    _ORIGIN = 'built-in'
    # The import system (Python/import.c) does this finder's work in C while it is in
    # sys.meta_path; the same holds for FrozenImporter and PathFinder below.
    _braid_native_finder = 'builtin'

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is None and _imp.is_builtin(fullname):
            return ModuleSpec(fullname, cls, origin=cls._ORIGIN)
        return None

    @staticmethod
    def create_module(spec):
        return _imp.create_builtin(spec)

    @staticmethod
    def exec_module(module):
        pass

    @classmethod
    def is_package(cls, fullname):
        return False


class FrozenImporter:
    """Meta path import for frozen modules (Braid has none)."""

    _braid_native_finder = 'frozen'

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        return None


class FileLoader:
    """Base of the loaders of files found on a path."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return (self.__class__ == other.__class__ and self.__dict__ == other.__dict__)

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, name=None):
        return self.path

    def get_data(self, path):
        with open(path, 'rb') as f:
            return f.read()

    def is_package(self, fullname):
        filename = self.path.rpartition('/')[2]
        return filename.rpartition('.')[0] == '__init__'


class SourceFileLoader(FileLoader):
    """Loader for Python source files."""

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        _imp._exec_source(module, self.path)

    def get_source(self, fullname):
        return decode_source(self.get_data(self.path))

    def get_code(self, fullname):
        return compile(self.get_data(self.path), self.path, 'exec', dont_inherit=True)


class SourcelessFileLoader(FileLoader):
    """Loader for .pyc files (not supported by Braid)."""

    def exec_module(self, module):
        raise ImportError('Braid does not load .pyc files', name=self.name)


class ExtensionFileLoader(FileLoader):
    """Loader for extension modules."""

    def create_module(self, spec):
        return _imp._load_extension(spec.name, self.path, spec)

    def exec_module(self, module):
        pass

    def is_package(self, fullname):
        return self.path.rpartition('/')[2].startswith('__init__.')


class NamespaceLoader:
    """Loader for namespace packages."""

    def __init__(self, name, path, path_finder=None):
        self._path = path

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ''

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        pass


class PathFinder:
    """Meta path finder for sys.path and package __path__ attributes."""

    _braid_native_finder = 'path'

    @classmethod
    def invalidate_caches(cls):
        pass

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        found = _imp._find(fullname, path)
        if found is None:
            return None
        kind, filename, locations = found
        if kind == 'builtin':
            return None
        if kind == 'namespace':
            spec = ModuleSpec(fullname, NamespaceLoader(fullname, locations), is_package=True)
            spec.submodule_search_locations = list(locations)
            return spec
        if kind == 'extension':
            loader = ExtensionFileLoader(fullname, filename)
        else:
            loader = SourceFileLoader(fullname, filename)
        return spec_from_file_location(fullname, filename, loader=loader,
                                       submodule_search_locations=locations)


class FileFinder:
    """Finder of the modules of one directory."""

    def __init__(self, path, *loader_details):
        self.path = path or '.'

    def invalidate_caches(self):
        pass

    def find_spec(self, fullname, target=None):
        return PathFinder.find_spec(fullname, [self.path], target)

    @classmethod
    def path_hook(cls, *loader_details):
        """Return a path hook (for sys.path_hooks) that makes a FileFinder for a
        directory and raises ImportError for anything else."""
        def path_hook_for_FileFinder(path):
            import os
            if not os.path.isdir(path or '.'):
                raise ImportError('only directories are supported', path=path)
            return cls(path, *loader_details)
        return path_hook_for_FileFinder


# The path hook of sys.path_hooks for directories (the import system puts it there).
_file_finder_hook = FileFinder.path_hook()


def decode_source(source_bytes):
    """Decode bytes representing source code and return the string."""
    text = source_bytes.decode('utf-8')
    return text.replace('\r\n', '\n').replace('\r', '\n')


_POPULATE = object()


def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=_POPULATE):
    """Return a module spec based on a file location."""
    if location is None:
        location = '<unknown>'
    if loader is None:
        if location.endswith('.py'):
            loader = SourceFileLoader(name, location)
        else:
            for suffix in _imp.extension_suffixes():
                if location.endswith(suffix):
                    loader = ExtensionFileLoader(name, location)
                    break
            else:
                return None
    spec = ModuleSpec(name, loader, origin=location)
    spec._set_fileattr = True
    if submodule_search_locations is _POPULATE:
        is_package = getattr(loader, 'is_package', None)
        if is_package is not None and is_package(name):
            spec.submodule_search_locations = []
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations == []:
        if location:
            dirname = location.rpartition('/')[0]
            spec.submodule_search_locations.append(dirname)
    return spec


def _find_spec(name, path, target=None):
    """Ask the finders of sys.meta_path in order."""
    for finder in list(sys.meta_path):
        find_spec = getattr(finder, 'find_spec', None)
        if find_spec is None:
            continue
        spec = find_spec(name, path, target)
        if spec is not None:
            return spec
    return None


def _init_module_attrs(module, spec):
    module.__name__ = spec.name
    module.__loader__ = spec.loader
    module.__package__ = spec.parent
    module.__spec__ = spec
    if spec.submodule_search_locations is not None:
        module.__path__ = spec.submodule_search_locations
    if spec.has_location:
        module.__file__ = spec.origin
        module.__cached__ = spec.cached
    return module


def module_from_spec(spec):
    """Create a module based on the provided spec."""
    module = None
    if hasattr(spec.loader, 'create_module'):
        module = spec.loader.create_module(spec)
    elif hasattr(spec.loader, 'exec_module'):
        raise ImportError('loaders that define exec_module() must also define '
                          'create_module()')
    if module is None:
        module = type(sys)(spec.name)
    return _init_module_attrs(module, spec)


def _load_from_spec(spec):
    """Load the module a finder described (the C import system calls this)."""
    module = module_from_spec(spec)
    sys.modules[spec.name] = module
    spec._initializing = True
    try:
        if spec.loader is not None and hasattr(spec.loader, 'exec_module'):
            spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(spec.name, None)
        raise
    finally:
        spec._initializing = False
    return sys.modules[spec.name]
