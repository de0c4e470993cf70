"""Importing Python modules from ZIP archives.

zipimporter(path) handles a path naming a ZIP archive, optionally followed by a
directory inside it ('/tmp/myimport.zip/mydirectory').  Braid imports the .py sources of
the archive (it has no .pyc files); extension modules cannot be imported from a zip.
"""

import os
import zipfile
from importlib.abc import ResourceLoader, InspectLoader

__all__ = ['ZipImportError', 'zipimporter']


class ZipImportError(ImportError):
    """The error of zipimporter (an ImportError)."""


_archive_cache = {}


def _read_archive(archive):
    """Return {name: ZipInfo} of the archive (cached by path)."""
    files = _archive_cache.get(archive)
    if files is None:
        try:
            with zipfile.ZipFile(archive) as zf:
                files = {info.filename: info for info in zf.infolist()}
        except (OSError, zipfile.BadZipFile) as exc:
            raise ZipImportError(f"can't read Zip file: {archive!r}", path=archive) from exc
        _archive_cache[archive] = files
    return files


class zipimporter(ResourceLoader, InspectLoader):
    """The finder and loader of the modules of a ZIP archive.

    zipimporter(path): path names an archive, possibly followed by a directory inside it;
    ZipImportError if it is not a readable ZIP file.  archive is the archive's path and
    prefix the directory inside it ('' or ending with a separator)."""

    def __init__(self, path):
        if not isinstance(path, str):
            raise TypeError(f'expected str, not {type(path)!r}')
        if not path:
            raise ZipImportError('archive path is empty', path=path)
        prefix = []
        while True:
            try:
                st = os.stat(path)
            except (OSError, ValueError):
                dirname, basename = os.path.split(path)
                if dirname == path:
                    raise ZipImportError('not a Zip file', path=path)
                path = dirname
                prefix.append(basename)
            else:
                if (st.st_mode & 0o170000) != 0o100000:
                    raise ZipImportError('not a Zip file', path=path)
                break
        self._files = _read_archive(path)
        self.archive = path
        self.prefix = '/'.join(reversed(prefix))
        if self.prefix:
            self.prefix += '/'

    def __repr__(self):
        return f'<zipimporter object "{self.archive}{os.sep}{self.prefix}">'

    def _module_entry(self, fullname):
        """Return (archive member name, is_package) of a module, or None."""
        base = self.prefix + fullname.rpartition('.')[2]
        if base + '/__init__.py' in self._files:
            return base + '/__init__.py', True
        if base + '.py' in self._files:
            return base + '.py', False
        return None

    def find_spec(self, fullname, target=None):
        """Return a ModuleSpec for the module (None if it is not in the archive).  A
        directory entry without __init__.py gives a namespace package portion."""
        from importlib.util import spec_from_loader
        entry = self._module_entry(fullname)
        if entry is not None:
            return spec_from_loader(fullname, self, is_package=entry[1])
        path = self.prefix + fullname.rpartition('.')[2] + '/'
        if path in self._files:
            from importlib.machinery import ModuleSpec
            spec = ModuleSpec(fullname, None, is_package=True)
            spec.submodule_search_locations = [os.path.join(self.archive, path[:-1])]
            return spec
        return None

    def _get_module_entry(self, fullname):
        entry = self._module_entry(fullname)
        if entry is None:
            raise ZipImportError(f"can't find module {fullname!r}", name=fullname)
        return entry

    def get_filename(self, fullname):
        """Return the __file__ of the module fullname (a path inside the archive)."""
        name, _ = self._get_module_entry(fullname)
        return os.path.join(self.archive, name)

    def get_source(self, fullname):
        """Return the source of the module fullname (a str)."""
        from importlib.util import decode_source
        name, _ = self._get_module_entry(fullname)
        return decode_source(self._read(name))

    def get_code(self, fullname):
        """Return the code object of the module fullname."""
        name, _ = self._get_module_entry(fullname)
        return compile(self._read(name), os.path.join(self.archive, name), 'exec',
                       dont_inherit=True)

    def is_package(self, fullname):
        """Whether the module fullname is a package (ZipImportError if not found)."""
        return self._get_module_entry(fullname)[1]

    def _read(self, name):
        with zipfile.ZipFile(self.archive) as zf:
            return zf.read(name)

    def get_data(self, pathname):
        """Return the data associated with 'pathname' (a path inside the archive,
        optionally prefixed with the archive's path).  Raise OSError if not found."""
        if pathname.startswith(self.archive + os.sep):
            pathname = pathname[len(self.archive + os.sep):]
        if pathname not in self._files:
            raise OSError(0, '', pathname)
        return self._read(pathname)

    def create_module(self, spec):
        """None: the import system creates the module."""
        return None

    def exec_module(self, module):
        """Run the code of the module in its namespace."""
        code = self.get_code(module.__spec__.name)
        if self.is_package(module.__spec__.name):
            module.__path__ = [os.path.join(self.archive, self.prefix +
                                            module.__spec__.name.rpartition('.')[2])]
        module.__file__ = self.get_filename(module.__spec__.name)
        exec(code, module.__dict__)

    def invalidate_caches(self):
        """Read the archive's list of members again."""
        _archive_cache.pop(self.archive, None)
        try:
            self._files = _read_archive(self.archive)
        except ZipImportError:
            self._files = {}
