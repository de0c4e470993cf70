"""Tests for pkgutil."""

import importlib.machinery
import os
import shutil
import sys
import tempfile
import unittest
import zipfile
import zipimport

import pkgutil

# Braid's import system leaves __spec__.loader None for modules found on sys.path (asked
# of the import room in NEEDS.md); pkgutil then has no loader to ask once the package has
# been imported.
needs_loaders = (unittest.expectedFailure if pkgutil.__spec__.loader is None
                 else lambda test: test)


class PkgutilTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.root = tempfile.mkdtemp(prefix='braid_pkgutil_')
        package = os.path.join(cls.root, 'pu_pkg')
        os.makedirs(os.path.join(package, 'subpkg'))
        os.makedirs(os.path.join(package, 'not_a_package'))
        files = {
            '__init__.py': '',
            'alpha.py': 'A = 1\n',
            'beta.py': 'raise RuntimeError("never imported by iter_modules")\n',
            'data.txt': 'resource data',
            'subpkg/__init__.py': '',
            'subpkg/gamma.py': '',
            'not_a_package/ignored.py': '',
        }
        for name, text in files.items():
            with open(os.path.join(package, name), 'w') as f:
                f.write(text)
        sys.path.insert(0, cls.root)

    @classmethod
    def tearDownClass(cls):
        sys.path.remove(cls.root)
        for name in list(sys.modules):
            if name == 'pu_pkg' or name.startswith('pu_pkg.'):
                del sys.modules[name]
        shutil.rmtree(cls.root, ignore_errors=True)

    def test_iter_modules(self):
        found = list(pkgutil.iter_modules([os.path.join(self.root, 'pu_pkg')]))
        self.assertEqual([(m.name, m.ispkg) for m in found],
                         [('alpha', False), ('beta', False), ('subpkg', True)])
        self.assertIsInstance(found[0], pkgutil.ModuleInfo)
        prefixed = [m.name for m in pkgutil.iter_modules([os.path.join(self.root, 'pu_pkg')],
                                                         'pu_pkg.')]
        self.assertEqual(prefixed, ['pu_pkg.alpha', 'pu_pkg.beta', 'pu_pkg.subpkg'])
        with self.assertRaises(ValueError):
            list(pkgutil.iter_modules('a string'))

    def test_walk_packages(self):
        errors = []
        names = [m.name for m in pkgutil.walk_packages([self.root], onerror=errors.append)
                 if m.name.startswith('pu_pkg')]
        self.assertEqual(names, ['pu_pkg', 'pu_pkg.alpha', 'pu_pkg.beta', 'pu_pkg.subpkg',
                                 'pu_pkg.subpkg.gamma'])
        self.assertEqual(errors, [])

    @needs_loaders
    def test_get_data(self):
        import pu_pkg
        self.assertIsNotNone(pu_pkg.__spec__)
        self.assertEqual(pkgutil.get_data('pu_pkg', 'data.txt'), b'resource data')
        with self.assertRaises(OSError):
            pkgutil.get_data('pu_pkg', 'missing.txt')

    def test_get_importer(self):
        importer = pkgutil.get_importer(self.root)
        self.assertIsInstance(importer, importlib.machinery.FileFinder)
        self.assertIs(pkgutil.get_importer(self.root), importer)
        self.assertIs(sys.path_importer_cache[self.root], importer)
        archive = os.path.join(self.root, 'lib.zip')
        with zipfile.ZipFile(archive, 'w') as zf:
            zf.writestr('zipped.py', '')
        self.assertIsInstance(pkgutil.get_importer(archive), zipimport.zipimporter)
        self.assertIsNone(pkgutil.get_importer(os.path.join(self.root, 'pu_pkg',
                                                            'alpha.py')))
        for path in (self.root, archive, os.path.join(self.root, 'pu_pkg', 'alpha.py')):
            sys.path_importer_cache.pop(path, None)

    def test_iter_importers(self):
        importers = list(pkgutil.iter_importers('pu_pkg.alpha'))
        self.assertEqual(len(importers), 1)
        self.assertEqual(importers[0].path, os.path.join(self.root, 'pu_pkg'))
        with self.assertRaises(ImportError):
            list(pkgutil.iter_importers('.relative'))

    @needs_loaders
    def test_get_loader(self):
        import pu_pkg.alpha
        with self.assertWarns(DeprecationWarning):
            loader = pkgutil.get_loader('pu_pkg.alpha')
        self.assertIs(loader, pu_pkg.alpha.__spec__.loader)
        self.assertEqual(loader.get_filename('pu_pkg.alpha'), pu_pkg.alpha.__file__)

    def test_find_loader(self):
        with self.assertWarns(DeprecationWarning):
            loader = pkgutil.find_loader('pu_pkg.subpkg.gamma')
        self.assertEqual(loader.get_filename('pu_pkg.subpkg.gamma'),
                         os.path.join(self.root, 'pu_pkg', 'subpkg', 'gamma.py'))
        with self.assertWarns(DeprecationWarning):
            self.assertIsNone(pkgutil.find_loader('pu_pkg.no_such_module'))
        with self.assertWarns(DeprecationWarning):
            self.assertIsNone(pkgutil.get_loader('pu_pkg.no_such_module'))

    def test_resolve_name(self):
        self.assertIs(pkgutil.resolve_name('os.path:join'), os.path.join)
        self.assertIs(pkgutil.resolve_name('os.path.join'), os.path.join)
        self.assertIs(pkgutil.resolve_name('os.path'), os.path)
        self.assertEqual(pkgutil.resolve_name('pu_pkg.alpha:A'), 1)
        with self.assertRaises(ValueError):
            pkgutil.resolve_name('not a name')
        with self.assertRaises(AttributeError):
            pkgutil.resolve_name('os:no_such_attribute')
        with self.assertRaises(ImportError):
            pkgutil.resolve_name('no_such_module_here:x')

    def test_extend_path(self):
        other = tempfile.mkdtemp(prefix='braid_pkgutil_other_')
        self.addCleanup(shutil.rmtree, other, True)
        os.makedirs(os.path.join(other, 'pu_pkg'))
        sys.path.append(other)
        try:
            path = pkgutil.extend_path([os.path.join(self.root, 'pu_pkg')], 'pu_pkg')
        finally:
            sys.path.remove(other)
        self.assertEqual(path, [os.path.join(self.root, 'pu_pkg'),
                                os.path.join(other, 'pu_pkg')])
        self.assertEqual(pkgutil.extend_path('not a list', 'pu_pkg'), 'not a list')


if __name__ == '__main__':
    unittest.main()
