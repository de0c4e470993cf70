"""Loading extension modules: module attributes set by the import system, packages, loading
by path through importlib, and the errors of init functions that misbehave (CPython's
exception types and messages)."""

import importlib.machinery
import importlib.util
import os
import sys
import unittest

from . import ExtensionTestCase, compile_extension, run_python, EXT_SUFFIX

BAD = [
    ('ext_badinit.c', 'bad_not_module', ('BAD_NOT_MODULE',)),
    ('ext_badinit.c', 'bad_unreported', ('BAD_UNREPORTED',)),
    ('ext_badinit.c', 'bad_null', ('BAD_NULL',)),
    ('ext_badinit.c', 'bad_raises', ('BAD_RAISES',)),
    ('ext_badinit.c', 'bad_no_init', ()),
]


class LoadingTests(ExtensionTestCase):
    EXTENSIONS = [('ext_callconv.c', None, ()), ('ext_single.c', 'ext_single', ()),
                  ('ext_unicode_name.c', 'b\xfccher', ())] + BAD

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        pkg = os.path.join(cls.tmpdir, 'extpkg')
        os.makedirs(pkg)
        with open(os.path.join(pkg, '__init__.py'), 'w') as f:
            f.write('PACKAGE = True\n')
        compile_extension('ext_callconv.c', pkg)
        with open(os.path.join(cls.tmpdir, 'bad_garbage' + EXT_SUFFIX), 'wb') as f:
            f.write(b'this is not a shared library\n')

    def tearDown(self):
        for name in list(sys.modules):
            if name.startswith(('bad_', 'extpkg')):
                del sys.modules[name]

    def test_module_attributes(self):
        import ext_callconv
        path = os.path.join(self.tmpdir, 'ext_callconv' + EXT_SUFFIX)
        self.assertEqual(os.path.realpath(ext_callconv.__file__), os.path.realpath(path))
        spec = ext_callconv.__spec__
        self.assertEqual(spec.name, 'ext_callconv')
        self.assertEqual(os.path.realpath(spec.origin), os.path.realpath(path))
        self.assertIs(sys.modules['ext_callconv'], ext_callconv)

    def test_loader_attribute(self):
        import ext_callconv
        self.assertIsInstance(ext_callconv.__loader__, importlib.machinery.ExtensionFileLoader)
        self.assertIs(ext_callconv.__spec__.loader, ext_callconv.__loader__)
        self.assertEqual(ext_callconv.__loader__.name, 'ext_callconv')
        self.assertEqual(os.path.realpath(ext_callconv.__loader__.path),
                         os.path.realpath(ext_callconv.__file__))
        self.assertIsInstance(ext_callconv.__spec__, importlib.machinery.ModuleSpec)

    def test_loader_of_package_and_submodule(self):
        import extpkg.ext_callconv as sub
        import extpkg
        self.assertIsInstance(extpkg.__loader__, importlib.machinery.SourceFileLoader)
        self.assertIs(extpkg.__spec__.loader, extpkg.__loader__)
        self.assertEqual(extpkg.__loader__.name, 'extpkg')
        self.assertEqual(os.path.basename(extpkg.__loader__.path), '__init__.py')
        self.assertTrue(extpkg.__loader__.is_package('extpkg'))
        self.assertIsInstance(sub.__loader__, importlib.machinery.ExtensionFileLoader)
        self.assertEqual(sub.__loader__.name, 'extpkg.ext_callconv')
        self.assertIs(sub.__spec__.loader, sub.__loader__)

    def test_loader_of_source_and_builtin_modules(self):
        import json
        import itertools
        self.assertIsInstance(json.__loader__, importlib.machinery.SourceFileLoader)
        self.assertIs(json.__spec__.loader, json.__loader__)
        self.assertEqual((json.__loader__.name, json.__loader__.path), ('json', json.__file__))
        self.assertIn('JSON', json.__loader__.get_source('json'))
        self.assertIs(itertools.__loader__, importlib.machinery.BuiltinImporter)
        self.assertIs(itertools.__spec__.loader, itertools.__loader__)
        self.assertIs(sys.__loader__, importlib.machinery.BuiltinImporter)
        # importlib itself (imported by the import system for its loaders) has one too.
        self.assertIsInstance(importlib.__loader__, importlib.machinery.SourceFileLoader)
        self.assertIs(importlib.__spec__.loader, importlib.__loader__)

    def test_loader_of_namespace_package(self):
        os.makedirs(os.path.join(self.tmpdir, 'extns'), exist_ok=True)
        try:
            import extns
            self.assertIs(extns.__spec__.loader, extns.__loader__)
            self.assertEqual(type(extns.__loader__).__name__, 'NamespaceLoader')
            self.assertIsNone(extns.__spec__.origin)
        finally:
            sys.modules.pop('extns', None)

    def test_loaders_in_fresh_interpreter(self):
        # The first import of a module found on a path (json) brings the loader classes; the
        # builtin module imported before it gets its loader then.
        code = ('import errno, json, importlib, importlib.machinery as m, sys\n'
                'print(errno.__loader__ is m.BuiltinImporter,'
                ' isinstance(json.__loader__, m.SourceFileLoader),'
                ' isinstance(importlib.__loader__, m.SourceFileLoader),'
                ' sys.modules["importlib.machinery"].__spec__.loader is m.__loader__)\n')
        proc = run_python(code)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout, 'True True True True\n')

    def test_single_phase(self):
        import ext_single
        self.assertEqual(ext_single.name(), 'ext_single')
        self.assertEqual(ext_single.VALUE, 7)
        self.assertEqual(ext_single.__name__, 'ext_single')

    def test_single_phase_reimport(self):
        import ext_single
        ext_single.added_later = True
        calls = ext_single.calls()
        del sys.modules['ext_single']
        try:
            import ext_single as again
            self.assertIsNot(again, ext_single)
            self.assertEqual(again.calls(), calls)      # the init function did not run again
            self.assertEqual(again.VALUE, 7)
            self.assertFalse(hasattr(again, 'added_later'))   # a copy of the fresh module
            self.assertEqual(again.__name__, 'ext_single')
        finally:
            sys.modules['ext_single'] = ext_single

    def test_multi_phase_reimport(self):
        import ext_callconv
        del sys.modules['ext_callconv']
        try:
            import ext_callconv as again
            self.assertIsNot(again, ext_callconv)
            self.assertIsNot(again.Counter, ext_callconv.Counter)    # new module state
            self.assertEqual(again.fastcall(1, 2), 3)
        finally:
            sys.modules['ext_callconv'] = ext_callconv

    def test_non_ascii_name(self):
        import importlib
        module = importlib.import_module('b\xfccher')    # init function PyInitU_bcher_kva
        self.assertEqual(module.__name__, 'b\xfccher')
        self.assertEqual(module.title(), 'B\xfccher')

    def test_submodule_of_package(self):
        import extpkg.ext_callconv as sub
        self.assertEqual(sub.__name__, 'extpkg.ext_callconv')
        self.assertEqual(sub.__spec__.name, 'extpkg.ext_callconv')
        self.assertEqual(sub.fastcall(1, 2), 3)
        self.assertEqual(sub.Error.__module__, 'ext_callconv')    # as written in the C code
        import extpkg
        self.assertIs(extpkg.ext_callconv, sub)

    def test_load_by_path(self):
        path = os.path.join(self.tmpdir, 'ext_callconv' + EXT_SUFFIX)
        loader = importlib.machinery.ExtensionFileLoader('ext_callconv', path)
        spec = importlib.util.spec_from_file_location('ext_callconv', path, loader=loader)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        self.assertEqual(module.noargs(), 'noargs')
        self.assertEqual(module.__file__, path)
        # multi-phase: a new module object each time, with its own state
        import ext_callconv
        self.assertIsNot(module, ext_callconv)
        self.assertIsNot(module.Error, ext_callconv.Error)

    def test_spec_from_file_location_picks_extension_loader(self):
        path = os.path.join(self.tmpdir, 'ext_callconv' + EXT_SUFFIX)
        spec = importlib.util.spec_from_file_location('ext_callconv', path)
        self.assertIsInstance(spec.loader, importlib.machinery.ExtensionFileLoader)

    def test_init_returns_other_object(self):
        with self.assertRaises(SystemError) as cm:
            import bad_not_module
        self.assertEqual(str(cm.exception),
                         'initialization of bad_not_module did not return an extension module')

    def test_init_leaves_exception(self):
        with self.assertRaises(SystemError) as cm:
            import bad_unreported
        self.assertEqual(str(cm.exception),
                         'initialization of bad_unreported raised unreported exception')
        self.assertIsInstance(cm.exception.__cause__, KeyError)

    def test_init_fails_silently(self):
        with self.assertRaises(SystemError) as cm:
            import bad_null
        self.assertEqual(str(cm.exception),
                         'initialization of bad_null failed without raising an exception')

    def test_init_raises(self):
        with self.assertRaises(RuntimeError) as cm:
            import bad_raises
        self.assertEqual(str(cm.exception), 'init failed on purpose')
        self.assertNotIn('bad_raises', sys.modules)

    def test_no_init_function(self):
        with self.assertRaises(ImportError) as cm:
            import bad_no_init
        self.assertEqual(str(cm.exception), 'dynamic module does not define module export '
                                            'function (PyInit_bad_no_init)')
        self.assertEqual(cm.exception.name, 'bad_no_init')

    def test_not_a_shared_library(self):
        with self.assertRaises(ImportError) as cm:
            import bad_garbage
        self.assertEqual(cm.exception.name, 'bad_garbage')
        self.assertIn('bad_garbage' + EXT_SUFFIX, str(cm.exception))
        self.assertTrue(os.path.isabs(str(cm.exception).split(':')[0]))


if __name__ == '__main__':
    unittest.main()
