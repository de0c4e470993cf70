"""Utility code for constructing importers, etc."""

import sys
import _imp

from importlib._bootstrap_braid import (  # noqa: F401
    module_from_spec, spec_from_file_location, decode_source, _find_spec, ModuleSpec,
)
from importlib import _resolve_name

MAGIC_NUMBER = (3571).to_bytes(2, 'little') + b'\r\n'


def source_hash(source_bytes):
    """Return the hash of *source_bytes* as used in hash-based pyc files."""
    return _imp.source_hash(source_bytes)


def resolve_name(name, package):
    """Resolve a relative module name to an absolute one."""
    if not name.startswith('.'):
        return name
    elif not package:
        raise ImportError(f'no package specified for {repr(name)} '
                          '(required for relative module names)')
    level = 0
    for character in name:
        if character != '.':
            break
        level += 1
    return _resolve_name(name[level:], package, level)


def find_spec(name, package=None):
    """Return the spec for the specified module.

    If the name is in sys.modules, then sys.modules[name].__spec__ is returned.
    Otherwise the parent package is imported and the finders are asked; None is
    returned when no spec is found.
    """
    fullname = resolve_name(name, package) if name.startswith('.') else name
    if fullname not in sys.modules:
        parent_name = fullname.rpartition('.')[0]
        if parent_name:
            parent = __import__(parent_name, fromlist=['__path__'])
            try:
                parent_path = parent.__path__
            except AttributeError as e:
                raise ModuleNotFoundError(
                    f"__path__ attribute not found on {parent_name!r} "
                    f"while trying to find {fullname!r}", name=fullname) from e
        else:
            parent_path = None
        return _find_spec(fullname, parent_path)
    module = sys.modules[fullname]
    if module is None:
        return None
    try:
        spec = module.__spec__
    except AttributeError:
        raise ValueError(f'{name}.__spec__ is not set') from None
    if spec is None:
        raise ValueError(f'{name}.__spec__ is None')
    return spec


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """Return a module spec based on various loader methods."""
    if origin is None:
        origin = getattr(loader, '_ORIGIN', None)
    if not origin and hasattr(loader, 'get_filename'):
        if is_package is None:
            return spec_from_file_location(name, loader=loader)
        search = [] if is_package else None
        return spec_from_file_location(name, loader=loader,
                                       submodule_search_locations=search)
    if is_package is None:
        if hasattr(loader, 'is_package'):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                is_package = None
        else:
            is_package = False
    return ModuleSpec(name, loader, origin=origin, is_package=is_package)


def cache_from_source(path, debug_override=None, *, optimization=None):
    """Given the path to a .py file, return the path to its .pyc file."""
    head, _, tail = path.rpartition('/')
    base = tail.rpartition('.')[0] if '.' in tail else tail
    tag = sys.implementation.cache_tag
    name = f'{base}.{tag}.pyc' if not optimization else f'{base}.{tag}.opt-{optimization}.pyc'
    return f'{head}/__pycache__/{name}' if head else f'__pycache__/{name}'


def source_from_cache(path):
    """Given the path to a .pyc file, return the path to its .py file."""
    head, _, pycache_filename = path.rpartition('/')
    head, _, pycache = head.rpartition('/')
    if pycache != '__pycache__':
        raise ValueError(f'__pycache__ not bottom-level directory in {path!r}')
    base = pycache_filename.split('.')[0]
    return f'{head}/{base}.py' if head else f'{base}.py'
