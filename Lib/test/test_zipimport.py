"""Tests for zipimport.zipimporter."""

import os
import shutil
import sys
import tempfile
import unittest
import zipfile
import zipimport


class ZipImporterTests(unittest.TestCase):

    def setUp(self):
        self.tmpdir = tempfile.mkdtemp(prefix='braid_zipimport_')
        self.addCleanup(shutil.rmtree, self.tmpdir, True)
        self.archive = os.path.join(self.tmpdir, 'modules.zip')
        with zipfile.ZipFile(self.archive, 'w') as zf:
            zf.writestr('zmod.py', 'VALUE = "zmod"\n')
            zf.writestr('zpkg/__init__.py', 'NAME = __name__\n')
            zf.writestr('zpkg/sub.py', 'from . import NAME as PARENT\n')
            zf.writestr('zpkg/data.txt', 'some data')
            zf.writestr('lib/inner.py', 'X = 1\n')
            zf.writestr('nsdir/', '')
            zf.writestr('nsdir/part.py', 'Y = 2\n')
        self.names = ('zmod', 'zpkg', 'zpkg.sub', 'inner')

    def tearDown(self):
        for name in self.names:
            sys.modules.pop(name, None)
        if self.archive in sys.path:
            sys.path.remove(self.archive)

    def test_attributes_and_repr(self):
        importer = zipimport.zipimporter(self.archive)
        self.assertEqual(importer.archive, self.archive)
        self.assertEqual(importer.prefix, '')
        sub = zipimport.zipimporter(os.path.join(self.archive, 'lib'))
        self.assertEqual(sub.archive, self.archive)
        self.assertEqual(sub.prefix, 'lib' + os.sep)
        self.assertEqual(repr(importer), f'<zipimporter object "{self.archive}{os.sep}">')

    def test_errors(self):
        with self.assertRaises(zipimport.ZipImportError):
            zipimport.zipimporter(self.tmpdir)
        with self.assertRaises(zipimport.ZipImportError):
            zipimport.zipimporter(os.path.join(self.tmpdir, 'missing.zip'))
        with self.assertRaises(zipimport.ZipImportError):
            zipimport.zipimporter('')
        with self.assertRaises(TypeError):
            zipimport.zipimporter(42)
        self.assertTrue(issubclass(zipimport.ZipImportError, ImportError))

    def test_find_spec(self):
        importer = zipimport.zipimporter(self.archive)
        spec = importer.find_spec('zmod')
        self.assertEqual(spec.name, 'zmod')
        self.assertIs(spec.loader, importer)
        self.assertIsNone(spec.submodule_search_locations)
        spec = importer.find_spec('zpkg')
        self.assertIsNotNone(spec.submodule_search_locations)
        self.assertIsNone(importer.find_spec('missing'))
        namespace = importer.find_spec('nsdir')
        self.assertIsNone(namespace.loader)
        self.assertEqual(namespace.submodule_search_locations,
                         [os.path.join(self.archive, 'nsdir')])

    def test_loader_methods(self):
        importer = zipimport.zipimporter(self.archive)
        self.assertEqual(importer.get_source('zmod'), 'VALUE = "zmod"\n')
        self.assertEqual(importer.get_filename('zmod'), os.path.join(self.archive, 'zmod.py'))
        self.assertEqual(importer.get_filename('zpkg'),
                         os.path.join(self.archive, 'zpkg', '__init__.py'))
        self.assertTrue(importer.is_package('zpkg'))
        self.assertFalse(importer.is_package('zmod'))
        namespace = {}
        exec(importer.get_code('zmod'), namespace)
        self.assertEqual(namespace['VALUE'], 'zmod')
        self.assertEqual(importer.get_data(os.path.join(self.archive, 'zpkg', 'data.txt')),
                         b'some data')
        self.assertEqual(importer.get_data('zpkg/data.txt'), b'some data')
        with self.assertRaises(OSError):
            importer.get_data('absent.txt')
        with self.assertRaises(zipimport.ZipImportError):
            importer.get_source('missing')

    def test_subdirectory_prefix(self):
        importer = zipimport.zipimporter(os.path.join(self.archive, 'lib'))
        self.assertEqual(importer.get_source('inner'), 'X = 1\n')
        self.assertIsNone(importer.find_spec('zmod'))

    def test_import_through_a_finder(self):
        import importlib.util
        importer = zipimport.zipimporter(self.archive)

        class Finder:
            def find_spec(self, fullname, path=None, target=None):
                if fullname.split('.')[0] in ('zmod', 'zpkg'):
                    if path:
                        return zipimport.zipimporter(path[0]).find_spec(fullname)
                    return importer.find_spec(fullname)
                return None

        finder = Finder()
        sys.meta_path.insert(0, finder)
        try:
            import zmod
            self.assertEqual(zmod.VALUE, 'zmod')
            self.assertEqual(zmod.__file__, os.path.join(self.archive, 'zmod.py'))
            import zpkg.sub
            self.assertEqual(zpkg.sub.PARENT, 'zpkg')
            self.assertEqual(zpkg.__path__, [os.path.join(self.archive, 'zpkg')])
        finally:
            sys.meta_path.remove(finder)
        self.assertIsNotNone(importlib.util)

    def test_invalidate_caches(self):
        importer = zipimport.zipimporter(self.archive)
        with zipfile.ZipFile(self.archive, 'a') as zf:
            zf.writestr('later.py', 'Z = 3\n')
        importer.invalidate_caches()
        self.assertEqual(importer.get_source('later'), 'Z = 3\n')


if __name__ == '__main__':
    unittest.main()
