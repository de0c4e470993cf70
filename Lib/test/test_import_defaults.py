"""Tests for the import system's defaults: sys.meta_path, sys.path_hooks, and the absolute
__file__ of modules found through relative sys.path entries (Python/import.c).

(The tests of the import system proper are the test_import package.)
"""

import importlib.machinery
import importlib.util
import os
import subprocess
import sys
import tempfile
import unittest


class Spy:
    """A meta path finder that records what it is asked and can supply one module."""

    def __init__(self, provides=None):
        self.asked = []
        self.provides = provides

    def find_spec(self, name, path=None, target=None):
        self.asked.append(name)
        if name == self.provides:
            return importlib.util.spec_from_loader(name, self)
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.found_by = 'spy'


class DirectoryTestCase(unittest.TestCase):
    """A temporary directory holding braid_defaults_mod.py, first on sys.path."""

    NAME = 'braid_defaults_mod'

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = os.path.realpath(self.tmp.name)
        with open(os.path.join(self.dir, self.NAME + '.py'), 'w') as f:
            f.write('found_by = "path"\n')
        self.saved_meta_path = sys.meta_path[:]
        self.saved_path = sys.path[:]
        self.saved_cwd = os.getcwd()
        sys.path.insert(0, self.dir)

    def tearDown(self):
        os.chdir(self.saved_cwd)
        sys.meta_path[:] = self.saved_meta_path
        sys.path[:] = self.saved_path
        for name in (self.NAME, 'braid_defaults_missing'):
            sys.modules.pop(name, None)
        self.tmp.cleanup()


class MetaPathTests(DirectoryTestCase):

    def test_default_finders(self):
        self.assertEqual([finder.__name__ for finder in sys.meta_path[-3:]],
                         ['BuiltinImporter', 'FrozenImporter', 'PathFinder'])
        self.assertIs(sys.meta_path[-3], importlib.machinery.BuiltinImporter)
        self.assertIs(sys.meta_path[-2], importlib.machinery.FrozenImporter)
        self.assertIs(sys.meta_path[-1], importlib.machinery.PathFinder)

    def test_default_finders_find_specs(self):
        spec = importlib.machinery.BuiltinImporter.find_spec('sys')
        self.assertEqual(spec.origin, 'built-in')
        self.assertIsNone(importlib.machinery.BuiltinImporter.find_spec(self.NAME))
        spec = importlib.machinery.PathFinder.find_spec(self.NAME)
        self.assertEqual(spec.origin, os.path.join(self.dir, self.NAME + '.py'))

    def test_appended_finder_is_asked_last(self):
        spy = Spy(provides='braid_defaults_missing')
        sys.meta_path.append(spy)
        mod = __import__(self.NAME)
        self.assertEqual(mod.found_by, 'path')
        self.assertNotIn(self.NAME, spy.asked)
        self.assertNotIn('sys', spy.asked)
        mod = __import__('braid_defaults_missing')
        self.assertEqual(mod.found_by, 'spy')
        self.assertEqual(spy.asked, ['braid_defaults_missing'])

    def test_inserted_finder_takes_precedence(self):
        spy = Spy(provides=self.NAME)
        sys.meta_path.insert(0, spy)
        mod = __import__(self.NAME)
        self.assertEqual(mod.found_by, 'spy')
        self.assertEqual(spy.asked, [self.NAME])

    def test_inserted_finder_is_asked_before_builtins(self):
        spy = Spy()
        sys.meta_path.insert(0, spy)
        saved = sys.modules.pop('_imp')
        try:
            __import__('_imp')
        finally:
            sys.modules['_imp'] = saved
        self.assertEqual(spy.asked, ['_imp'])

    def test_without_path_finder_nothing_is_found_on_sys_path(self):
        sys.meta_path[:] = [finder for finder in sys.meta_path
                            if finder is not importlib.machinery.PathFinder]
        with self.assertRaises(ModuleNotFoundError):
            __import__(self.NAME)

    def test_start_up_value(self):
        code = ('import sys; print([f.__name__ for f in sys.meta_path]); '
                'print(sys.path_hooks[0].__name__, sys.path_hooks[1].__qualname__)')
        out = subprocess.run([sys.executable, '-c', code], capture_output=True,
                             check=True).stdout.decode().split('\n')
        self.assertEqual(out[0], "['BuiltinImporter', 'FrozenImporter', 'PathFinder']")
        self.assertEqual(out[1], 'zipimporter '
                         'FileFinder.path_hook.<locals>.path_hook_for_FileFinder')


class PathHooksTests(unittest.TestCase):

    def test_default_hooks(self):
        import zipimport
        self.assertEqual(len(sys.path_hooks), 2)
        self.assertIs(sys.path_hooks[0], zipimport.zipimporter)
        self.assertEqual(sys.path_hooks[1].__qualname__,
                         'FileFinder.path_hook.<locals>.path_hook_for_FileFinder')

    def test_file_finder_hook(self):
        hook = sys.path_hooks[1]
        with tempfile.TemporaryDirectory() as tmp:
            finder = hook(tmp)
            self.assertIsInstance(finder, importlib.machinery.FileFinder)
            with self.assertRaises(ImportError):
                hook(os.path.join(tmp, 'missing'))


class RelativeEntryTests(DirectoryTestCase):

    def import_from(self, entry):
        os.chdir(self.dir)
        sys.path.remove(self.dir)
        sys.path.insert(0, entry)
        return __import__(self.NAME)

    def test_empty_entry_gives_absolute_file(self):
        mod = self.import_from('')
        self.assertEqual(mod.__file__, os.path.join(self.dir, self.NAME + '.py'))
        self.assertEqual(mod.__spec__.origin, mod.__file__)

    def test_dot_entry_gives_absolute_file(self):
        mod = self.import_from('.')
        self.assertEqual(mod.__file__, os.path.join(self.dir, self.NAME + '.py'))

    def test_relative_package_path_is_absolute(self):
        pkg = os.path.join(self.dir, 'braid_defaults_sub', 'braid_defaults_pkg')
        os.makedirs(pkg)
        with open(os.path.join(pkg, '__init__.py'), 'w') as f:
            f.write('')
        try:
            os.chdir(self.dir)
            sys.path.insert(0, './braid_defaults_sub')
            mod = __import__('braid_defaults_pkg')
            self.assertEqual(mod.__path__, [pkg])
            self.assertEqual(mod.__file__, os.path.join(pkg, '__init__.py'))
        finally:
            sys.modules.pop('braid_defaults_pkg', None)


if __name__ == "__main__":
    unittest.main()
