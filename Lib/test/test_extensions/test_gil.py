"""Py_mod_gil: in the free-threaded build, importing an extension that does not declare
Py_MOD_GIL_NOT_USED (multi-phase slot, or PyUnstable_Module_SetGIL for single-phase
modules) turns the GIL on for the rest of the run with a RuntimeWarning naming the module,
unless PYTHON_GIL=0 / -X gil=0.  In the GIL build nothing changes.  Each case runs in a child
interpreter: the GIL, once on, stays on."""

import unittest

from . import ExtensionTestCase, FREE_THREADED, run_python

WARNING = ("The global interpreter lock (GIL) has been enabled to load module '{}', which "
           "has not declared that it can run safely without the GIL. To override this "
           "behavior and keep the GIL disabled (at your own risk), run with PYTHON_GIL=0 or "
           "-Xgil=0.")

PROBE = """
import sys, warnings
before = sys._is_gil_enabled()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    for name in NAMES:
        __import__(name)
print(repr((before, sys._is_gil_enabled(),
            [(w.category.__name__, str(w.message)) for w in caught])))
"""


class ModGilTests(ExtensionTestCase):
    EXTENSIONS = [
        ('ext_gilused.c', None, ()),
        ('ext_callconv.c', None, ()),
        ('ext_single.c', 'ext_single', ()),
        ('ext_single.c', 'ext_single_gil', ('EXT_SINGLE_GIL',)),
    ]

    def probe(self, *names, env=None, args=()):
        proc = run_python('NAMES = %r\n' % (names,) + PROBE, cwd=self.tmpdir, env=env,
                          args=args)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return eval(proc.stdout)

    @unittest.skipIf(FREE_THREADED, 'GIL build')
    def test_gil_build_unaffected(self):
        self.assertEqual(self.probe('ext_gilused', 'ext_single_gil'), (True, True, []))

    @unittest.skipUnless(FREE_THREADED, 'free-threaded build')
    def test_declared_module_keeps_gil_off(self):
        self.assertEqual(self.probe('ext_callconv'), (False, False, []))

    @unittest.skipUnless(FREE_THREADED, 'free-threaded build')
    def test_single_phase_set_gil_keeps_gil_off(self):
        self.assertEqual(self.probe('ext_single'), (False, False, []))

    @unittest.skipUnless(FREE_THREADED, 'free-threaded build')
    def test_undeclared_module_enables_gil(self):
        self.assertEqual(self.probe('ext_gilused'),
                         (False, True, [('RuntimeWarning', WARNING.format('ext_gilused'))]))

    @unittest.skipUnless(FREE_THREADED, 'free-threaded build')
    def test_undeclared_single_phase_enables_gil(self):
        self.assertEqual(self.probe('ext_single_gil'),
                         (False, True, [('RuntimeWarning', WARNING.format('ext_single_gil'))]))

    @unittest.skipUnless(FREE_THREADED, 'free-threaded build')
    def test_warning_only_once(self):
        self.assertEqual(self.probe('ext_gilused', 'ext_single_gil'),
                         (False, True, [('RuntimeWarning', WARNING.format('ext_gilused'))]))

    @unittest.skipUnless(FREE_THREADED, 'free-threaded build')
    def test_warning_on_stderr_by_default(self):
        proc = run_python('import ext_gilused; print(ext_gilused.hello())', cwd=self.tmpdir)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout, 'hello from a GIL-using module\n')
        self.assertIn('RuntimeWarning: ' + WARNING.format('ext_gilused'), proc.stderr)

    @unittest.skipUnless(FREE_THREADED, 'free-threaded build')
    def test_python_gil_0_keeps_gil_off(self):
        self.assertEqual(self.probe('ext_gilused', 'ext_single_gil', env={'PYTHON_GIL': '0'}),
                         (False, False, []))

    @unittest.skipUnless(FREE_THREADED, 'free-threaded build')
    def test_x_gil_0_keeps_gil_off(self):
        self.assertEqual(self.probe('ext_gilused', args=['-X', 'gil=0']), (False, False, []))

    @unittest.skipUnless(FREE_THREADED, 'free-threaded build')
    def test_python_gil_1_no_warning(self):
        # The GIL is on from the start: nothing to turn on, so no warning.
        self.assertEqual(self.probe('ext_gilused', env={'PYTHON_GIL': '1'}), (True, True, []))


if __name__ == '__main__':
    unittest.main()
