"""Tests for the import system (Python/import.c) and importlib."""

import os
import sys
import unittest

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data')
NAMES = ('braidpkg', 'braid_circ_a', 'braid_circ_b', 'braid_star', 'braid_nostar',
         'braid_raises', 'braidns', 'braid_counter')


class ImportTests(unittest.TestCase):

    def setUp(self):
        sys.path.insert(0, DATA)

    def tearDown(self):
        sys.path.remove(DATA)
        for name in list(sys.modules):
            if name.split('.')[0] in NAMES:
                del sys.modules[name]
        if hasattr(sys, '_braid_counter_loads'):
            del sys._braid_counter_loads

    def test_import_package_and_attributes(self):
        import braidpkg
        self.assertEqual(braidpkg.VALUE, 'pkg')
        self.assertEqual(braidpkg.__name__, 'braidpkg')
        self.assertEqual(braidpkg.__package__, 'braidpkg')
        self.assertTrue(braidpkg.__file__.endswith(os.path.join('braidpkg', '__init__.py')))
        self.assertEqual(braidpkg.__path__, [os.path.join(DATA, 'braidpkg')])
        self.assertEqual(braidpkg.__spec__.name, 'braidpkg')
        self.assertEqual(braidpkg.__spec__.parent, 'braidpkg')
        self.assertEqual(braidpkg.__spec__.origin, braidpkg.__file__)
        self.assertIn(sys.modules['braidpkg'], (braidpkg,))

    def test_submodule_and_relative_imports(self):
        import braidpkg.sub
        self.assertEqual(braidpkg.sub.SIB, 1)
        self.assertIs(braidpkg.sub.sibling_mod, sys.modules['braidpkg.sibling'])
        self.assertEqual(braidpkg.sub.NAME, 'braidpkg.sub')
        self.assertEqual(braidpkg.sub.PACKAGE, 'braidpkg')
        self.assertEqual(braidpkg.sub.__spec__.parent, 'braidpkg')
        from braidpkg import deep
        self.assertEqual(deep.X, 1)
        self.assertEqual(deep.VALUE, 'pkg')
        from braidpkg.deep import leaf
        self.assertIs(leaf.sibling, sys.modules['braidpkg.sibling'])

    def test_import_binds_top_package(self):
        ns = {}
        exec('import braidpkg.sub', ns)
        self.assertIs(ns['braidpkg'], sys.modules['braidpkg'])
        exec('import braidpkg.sub as s', ns)
        self.assertIs(ns['s'], sys.modules['braidpkg.sub'])

    def test_from_import_submodule(self):
        ns = {}
        exec('from braidpkg import sub', ns)
        self.assertIs(ns['sub'], sys.modules['braidpkg.sub'])

    def test_module_not_found(self):
        with self.assertRaises(ModuleNotFoundError) as cm:
            import braid_does_not_exist  # noqa: F401
        self.assertEqual(str(cm.exception), "No module named 'braid_does_not_exist'")
        self.assertEqual(cm.exception.name, 'braid_does_not_exist')
        with self.assertRaises(ModuleNotFoundError) as cm:
            import braidpkg.nope  # noqa: F401
        self.assertEqual(str(cm.exception), "No module named 'braidpkg.nope'")
        with self.assertRaises(ModuleNotFoundError) as cm:
            import braid_star.x  # noqa: F401
        self.assertEqual(str(cm.exception),
                         "No module named 'braid_star.x'; 'braid_star' is not a package")

    def test_cannot_import_name(self):
        with self.assertRaises(ImportError) as cm:
            from braid_star import missing  # noqa: F401
        msg = str(cm.exception)
        self.assertTrue(msg.startswith("cannot import name 'missing' from 'braid_star' ("),
                        msg)
        self.assertEqual(cm.exception.name, 'braid_star')

    def test_circular_import_error(self):
        with self.assertRaises(ImportError) as cm:
            import braid_circ_a  # noqa: F401
        msg = str(cm.exception)
        self.assertTrue(msg.startswith(
            "cannot import name 'A' from partially initialized module 'braid_circ_a' "
            "(most likely due to a circular import)"), msg)

    def test_failed_import_not_cached(self):
        with self.assertRaises(ValueError):
            import braid_raises  # noqa: F401
        self.assertNotIn('braid_raises', sys.modules)

    def test_star_import_all(self):
        ns = {}
        exec('from braid_star import *', ns)
        self.assertEqual(ns['a'], 1)
        self.assertEqual(ns['b'], 2)
        self.assertNotIn('c', ns)

    def test_star_import_without_all(self):
        ns = {}
        exec('from braid_nostar import *', ns)
        self.assertIn('a', ns)
        self.assertNotIn('_hidden', ns)

    def test_relative_import_errors(self):
        with self.assertRaises(ImportError) as cm:
            exec('from . import x', {'__name__': 'toplevel', '__package__': ''})
        self.assertEqual(str(cm.exception),
                         'attempted relative import with no known parent package')
        with self.assertRaises(ImportError) as cm:
            exec('from ... import x', {'__name__': 'braidpkg.sub', '__package__': 'braidpkg'})
        self.assertEqual(str(cm.exception),
                         'attempted relative import beyond top-level package')

    def test_namespace_package(self):
        import braidns.mod
        self.assertEqual(braidns.mod.WHERE, 'namespace')
        self.assertEqual(list(braidns.__path__), [os.path.join(DATA, 'braidns')])

    def test_cached_in_sys_modules(self):
        import braid_counter
        import braid_counter as again
        self.assertIs(braid_counter, again)
        self.assertEqual(braid_counter.LOADS, 1)

    def test_none_in_sys_modules(self):
        sys.modules['braid_star'] = None
        with self.assertRaises(ModuleNotFoundError) as cm:
            import braid_star  # noqa: F401
        self.assertEqual(str(cm.exception), "import of braid_star halted; None in sys.modules")

    def test_builtin_module(self):
        import gc
        self.assertEqual(gc.__name__, 'gc')
        self.assertEqual(gc.__spec__.origin, 'built-in')


class ImportlibTests(unittest.TestCase):

    def setUp(self):
        sys.path.insert(0, DATA)

    def tearDown(self):
        sys.path.remove(DATA)
        for name in list(sys.modules):
            if name.split('.')[0] in NAMES:
                del sys.modules[name]
        if hasattr(sys, '_braid_counter_loads'):
            del sys._braid_counter_loads

    def test_import_module(self):
        import importlib
        mod = importlib.import_module('braidpkg.sibling')
        self.assertEqual(mod.X, 1)
        rel = importlib.import_module('.sub', 'braidpkg')
        self.assertIs(rel, sys.modules['braidpkg.sub'])
        with self.assertRaises(TypeError):
            importlib.import_module('.sub')
        self.assertRaises(ModuleNotFoundError, importlib.import_module, 'braid_missing_mod')

    def test_reload(self):
        import importlib
        import braid_counter
        self.assertEqual(braid_counter.LOADS, 1)
        again = importlib.reload(braid_counter)
        self.assertIs(again, braid_counter)
        self.assertEqual(braid_counter.LOADS, 2)

    def test_util_find_spec_and_module_from_spec(self):
        import importlib.util
        spec = importlib.util.find_spec('braid_star')
        self.assertEqual(spec.name, 'braid_star')
        self.assertTrue(spec.origin.endswith('braid_star.py'))
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        self.assertEqual(mod.a, 1)
        self.assertIsNone(importlib.util.find_spec('braid_missing_mod'))

    def test_spec_from_file_location(self):
        import importlib.util
        path = os.path.join(DATA, 'braid_nostar.py')
        spec = importlib.util.spec_from_file_location('loaded_by_path', path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        self.assertEqual(mod.a, 1)
        self.assertEqual(mod.__name__, 'loaded_by_path')
        self.assertEqual(mod.__file__, path)

    def test_machinery_suffixes(self):
        import importlib.machinery
        self.assertEqual(importlib.machinery.SOURCE_SUFFIXES, ['.py'])
        self.assertTrue(all(s.endswith('.so') for s in
                            importlib.machinery.EXTENSION_SUFFIXES))


if __name__ == "__main__":
    unittest.main()
