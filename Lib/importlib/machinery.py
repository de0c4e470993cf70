"""The implementation of the import machinery's objects (see importlib._bootstrap_braid)."""

import _imp

from importlib._bootstrap_braid import (  # noqa: F401
    ModuleSpec, BuiltinImporter, FrozenImporter, PathFinder, FileFinder,
    SourceFileLoader, SourcelessFileLoader, ExtensionFileLoader, NamespaceLoader,
)

SOURCE_SUFFIXES = ['.py']
DEBUG_BYTECODE_SUFFIXES = ['.pyc']
OPTIMIZED_BYTECODE_SUFFIXES = ['.pyc']
BYTECODE_SUFFIXES = ['.pyc']
EXTENSION_SUFFIXES = _imp.extension_suffixes()


def all_suffixes():
    """Returns a list of all recognized module suffixes for this process"""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES
