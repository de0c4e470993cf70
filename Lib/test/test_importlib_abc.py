"""Tests for importlib.abc."""

import importlib.abc
import importlib.machinery
import os
import sys
import tempfile
import types
import unittest


class RegistrationTests(unittest.TestCase):

    def test_machinery_classes_are_registered(self):
        abc = importlib.abc
        machinery = importlib.machinery
        self.assertTrue(issubclass(machinery.PathFinder, abc.MetaPathFinder))
        self.assertTrue(issubclass(machinery.BuiltinImporter, abc.MetaPathFinder))
        self.assertTrue(issubclass(machinery.BuiltinImporter, abc.InspectLoader))
        self.assertTrue(issubclass(machinery.FileFinder, abc.PathEntryFinder))
        self.assertTrue(issubclass(machinery.SourceFileLoader, abc.SourceLoader))
        self.assertTrue(issubclass(machinery.SourceFileLoader, abc.FileLoader))
        self.assertTrue(issubclass(machinery.ExtensionFileLoader, abc.ExecutionLoader))
        self.assertTrue(issubclass(abc.SourceLoader, abc.ResourceLoader))
        self.assertTrue(issubclass(abc.ExecutionLoader, abc.InspectLoader))
        self.assertTrue(issubclass(abc.InspectLoader, abc.Loader))

    def test_abstract_methods(self):
        with self.assertRaises(TypeError):
            importlib.abc.InspectLoader()
        with self.assertRaises(TypeError):
            importlib.abc.ResourceLoader()
        with self.assertRaises(TypeError):
            importlib.abc.ExecutionLoader()


class LoaderTests(unittest.TestCase):

    def test_default_create_module(self):
        class Plain(importlib.abc.Loader):
            pass
        self.assertIsNone(Plain().create_module(None))
        with self.assertRaises(ImportError):
            Plain().load_module('anything')

    def test_finders_default_invalidate_caches(self):
        class Finder(importlib.abc.MetaPathFinder):
            pass
        self.assertIsNone(Finder().invalidate_caches())

        class EntryFinder(importlib.abc.PathEntryFinder):
            pass
        self.assertIsNone(EntryFinder().invalidate_caches())


class StringLoader(importlib.abc.InspectLoader):
    """Loads modules from a dict of source strings."""

    def __init__(self, sources):
        self.sources = sources

    def get_source(self, fullname):
        try:
            return self.sources[fullname]
        except KeyError:
            raise ImportError(fullname, name=fullname) from None


class InspectLoaderTests(unittest.TestCase):

    def test_source_to_code(self):
        code = importlib.abc.InspectLoader.source_to_code('x = 6 * 7', '<test>')
        namespace = {}
        exec(code, namespace)
        self.assertEqual(namespace['x'], 42)
        self.assertEqual(code.co_filename, '<test>')

    def test_get_code_and_exec_module(self):
        loader = StringLoader({'strmod': 'VALUE = "from string"\n'})
        code = loader.get_code('strmod')
        self.assertIsInstance(code, types.CodeType)
        module = types.ModuleType('strmod')
        loader.exec_module(module)
        self.assertEqual(module.VALUE, 'from string')
        with self.assertRaises(ImportError):
            loader.get_code('other')

    def test_is_package_default(self):
        with self.assertRaises(ImportError):
            StringLoader({}).is_package('x')

    def test_meta_path_finder_using_the_loader(self):
        import importlib.util

        class Finder(importlib.abc.MetaPathFinder):
            def find_spec(self, fullname, path, target=None):
                if fullname == 'abc_virtual_module':
                    return importlib.util.spec_from_loader(fullname, loader)
                return None

        loader = StringLoader({'abc_virtual_module': 'ANSWER = 42\n'})
        finder = Finder()
        sys.meta_path.insert(0, finder)
        try:
            import abc_virtual_module
            self.assertEqual(abc_virtual_module.ANSWER, 42)
            self.assertIs(abc_virtual_module.__loader__, loader)
        finally:
            sys.meta_path.remove(finder)
            sys.modules.pop('abc_virtual_module', None)


class SourceLoaderTests(unittest.TestCase):

    def test_file_source_loader(self):
        class Loader(importlib.abc.FileLoader, importlib.abc.SourceLoader):
            pass

        fd, path = tempfile.mkstemp(suffix='.py')
        self.addCleanup(os.remove, path)
        with os.fdopen(fd, 'w') as f:
            f.write('NAME = __name__\n')
        loader = Loader('srcmod', path)
        self.assertEqual(loader.get_filename('srcmod'), path)
        self.assertEqual(loader.get_source('srcmod'), 'NAME = __name__\n')
        self.assertEqual(loader.get_data(path), b'NAME = __name__\n')
        module = types.ModuleType('srcmod')
        loader.exec_module(module)
        self.assertEqual(module.NAME, 'srcmod')
        self.assertEqual(loader, Loader('srcmod', path))
        self.assertEqual(hash(loader), hash(Loader('srcmod', path)))
        with self.assertRaises(ImportError):
            loader.get_filename('other')

    def test_path_stats(self):
        class Loader(importlib.abc.SourceLoader):
            def get_filename(self, fullname):
                return 'x.py'

            def get_data(self, path):
                return b''

            def path_mtime(self, path):
                return 12
        self.assertEqual(Loader().path_stats('x.py'), {'mtime': 12})


if __name__ == '__main__':
    unittest.main()
