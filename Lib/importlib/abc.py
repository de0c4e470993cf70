"""The abstract base classes of the import protocols (finders and loaders).

The finders and loaders of importlib.machinery are registered as virtual subclasses of
the ABC describing their protocol, so isinstance() checks against these classes work for
Braid's built-in import objects as they do in CPython.
"""

import abc
import sys
import warnings

from importlib import machinery

__all__ = [
    'Loader', 'MetaPathFinder', 'PathEntryFinder',
    'ResourceLoader', 'InspectLoader', 'ExecutionLoader',
    'FileLoader', 'SourceLoader',
]


def _register(abstract_cls, *classes):
    for cls in classes:
        abstract_cls.register(cls)


class Loader(metaclass=abc.ABCMeta):
    """The base of loaders: create_module() and exec_module() (PEP 451)."""

    def create_module(self, spec):
        """Return the module object to load into, or None to let the import system
        create a plain module (the default)."""
        return None

    def load_module(self, fullname):
        """Load the module fullname and return it (the legacy protocol, kept for old
        callers): built on exec_module(); ImportError if the loader has none."""
        if not hasattr(self, 'exec_module'):
            raise ImportError
        spec = machinery.ModuleSpec(fullname, self)
        return _load_with_spec(spec)


def _load_with_spec(spec):
    from importlib._bootstrap_braid import _load_from_spec
    module = sys.modules.get(spec.name)
    if module is not None:
        spec.loader.exec_module(module)
        return module
    return _load_from_spec(spec)


class MetaPathFinder(metaclass=abc.ABCMeta):
    """The base of finders on sys.meta_path (find_spec(fullname, path, target))."""

    def invalidate_caches(self):
        """Forget any cached state (called by importlib.invalidate_caches()); a no-op."""


class PathEntryFinder(metaclass=abc.ABCMeta):
    """The base of finders for one sys.path entry (find_spec(fullname, target))."""

    def invalidate_caches(self):
        """Forget any cached state; a no-op by default."""


class ResourceLoader(Loader):
    """A loader that can read the data of files it knows (get_data())."""

    @abc.abstractmethod
    def get_data(self, path):
        """Return the bytes of the file at path (a str); OSError if it cannot."""
        raise OSError


class InspectLoader(Loader):
    """A loader that can give the source and code objects of its modules."""

    def is_package(self, fullname):
        """Whether the module fullname is a package; ImportError if the loader does not
        know it (the default)."""
        raise ImportError

    def get_code(self, fullname):
        """Return the code object of the module fullname, compiled from get_source();
        None when the source is None."""
        source = self.get_source(fullname)
        if source is None:
            return None
        return self.source_to_code(source)

    @abc.abstractmethod
    def get_source(self, fullname):
        """Return the source (str) of the module fullname; ImportError if unknown."""
        raise ImportError

    @staticmethod
    def source_to_code(data, path='<string>'):
        """Compile data (anything compile() accepts) for the module at path and return
        the code object."""
        return compile(data, path, 'exec', dont_inherit=True)

    def exec_module(self, module):
        """Run the code of the module in its namespace (module.__dict__)."""
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError(f'cannot load module {module.__name__!r} when '
                              'get_code() returns None')
        exec(code, module.__dict__)

    load_module = Loader.load_module


class ExecutionLoader(InspectLoader):
    """An InspectLoader whose modules have a file name (get_filename())."""

    @abc.abstractmethod
    def get_filename(self, fullname):
        """Return the __file__ of the module fullname; ImportError if unknown."""
        raise ImportError

    def get_code(self, fullname):
        """Return the code object of the module fullname, compiled from get_source() with
        the file name from get_filename(); None when the source is None."""
        source = self.get_source(fullname)
        if source is None:
            return None
        try:
            path = self.get_filename(fullname)
        except ImportError:
            return self.source_to_code(source)
        return self.source_to_code(source, path)


class FileLoader(ResourceLoader, ExecutionLoader):
    """A loader of the one module found at a path: get_filename() and get_data() are
    implemented; the ResourceLoader and ExecutionLoader methods left are the subclass's."""

    def __init__(self, fullname, path):
        """Remember the module name and the path the finder found it at."""
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, name=None):
        """Return the path given to the constructor (ImportError for another module)."""
        if name is not None and name != self.name:
            raise ImportError(f'loader for {self.name} cannot handle {name}', name=name)
        return self.path

    def get_data(self, path):
        """Return the bytes of the file at path."""
        with open(path, 'rb') as f:
            return f.read()

    def load_module(self, fullname):
        """Load the module fullname (the legacy protocol; use exec_module())."""
        return super().load_module(fullname)


class SourceLoader(ResourceLoader, ExecutionLoader):
    """A loader of Python source: subclasses implement get_filename() and get_data();
    path_stats() (or path_mtime()) and set_data() let a loader cache bytecode (Braid does
    not)."""

    def path_mtime(self, path):
        """Return the modification time (an int) of the file at path; OSError here."""
        raise OSError

    def path_stats(self, path):
        """Return a dict about the file at path: 'mtime' (required) and optionally
        'size'.  The default asks path_mtime()."""
        return {'mtime': self.path_mtime(path)}

    def set_data(self, path, data):
        """Write data (bytes) to path, creating directories as needed; a failure for lack
        of permission is ignored.  The default does nothing."""

    def get_source(self, fullname):
        """Return the decoded source of the module fullname (from get_data())."""
        from importlib.util import decode_source
        path = self.get_filename(fullname)
        try:
            source_bytes = self.get_data(path)
        except OSError as exc:
            raise ImportError('source not available through get_data()',
                              name=fullname) from exc
        return decode_source(source_bytes)

    def get_code(self, fullname):
        """Return the code object of the module fullname, compiled from its source."""
        source_path = self.get_filename(fullname)
        return self.source_to_code(self.get_data(source_path), source_path)

    exec_module = InspectLoader.exec_module
    load_module = Loader.load_module


_register(MetaPathFinder, machinery.BuiltinImporter, machinery.FrozenImporter,
          machinery.PathFinder)
_register(PathEntryFinder, machinery.FileFinder)
_register(InspectLoader, machinery.BuiltinImporter, machinery.FrozenImporter,
          machinery.NamespaceLoader)
_register(ExecutionLoader, machinery.ExtensionFileLoader)
_register(FileLoader, machinery.SourceFileLoader, machinery.SourcelessFileLoader)
_register(SourceLoader, machinery.SourceFileLoader)


def __getattr__(name):
    """Traversable and TraversableResources moved to importlib.resources.abc (3.12):
    give them from there with a DeprecationWarning."""
    if name in ('Traversable', 'TraversableResources'):
        warnings.warn(f'importlib.abc.{name} is deprecated and slated for removal in '
                      'Python 3.14, use importlib.resources.abc instead',
                      DeprecationWarning, stacklevel=2)
        from importlib.resources import abc as resources_abc
        return getattr(resources_abc, name)
    raise AttributeError(f'module {__name__!r} has no attribute {name!r}')
