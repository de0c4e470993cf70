"""A C program embedding Braid (Py_InitializeEx, PyRun_SimpleString, Py_FinalizeEx) linked
against libbraid by `python -m _braid_build --embed` (src/embed.c)."""

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import unittest

from . import CC, SRC, FREE_THREADED, braid_only, compile_extension, run_checked


@braid_only
@unittest.skipIf(CC is None, 'no C compiler (cc) found')
class EmbedTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        import _braid_build
        if not os.path.exists(_braid_build.library_path()):
            raise unittest.SkipTest('libbraid not built: %s' % _braid_build.library_path())
        cls.tmpdir = tempfile.mkdtemp(prefix='braid_embed_')
        cls.program = os.path.join(cls.tmpdir, 'embed')
        run_checked([sys.executable, '-m', '_braid_build', '--embed', '-o', cls.program,
                     os.path.join(SRC, 'embed.c')])
        if sysconfig.is_python_build():
            # An interpreter in a build directory finds the standard library through the
            # pybuilddir.txt beside its executable; give the program the same.
            shutil.copy(os.path.join(sysconfig.get_config_var('projectbase'),
                                     'pybuilddir.txt'), cls.tmpdir)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmpdir, ignore_errors=True)

    def run_program(self, *args):
        return subprocess.run([self.program] + list(args), capture_output=True, text=True)

    def test_run_and_finalize(self):
        proc = self.run_program()
        self.assertEqual(proc.returncode, 0, proc.stderr)
        lines = proc.stdout.splitlines()
        self.assertIn('embedded 45 %s' % ('t' if FREE_THREADED else '-'), lines)
        self.assertIn('from C: 45', lines)
        self.assertEqual(lines[-1], 'finalized')

    def test_stdlib_import(self):
        proc = self.run_program('import json, collections; '
                                'print(json.dumps(collections.Counter("aab")))')
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn('{"a": 2, "b": 1}', proc.stdout.splitlines())

    def test_import_extension(self):
        # The extension takes the C API from the program (linked with -rdynamic).
        compile_extension('ext_single.c', self.tmpdir)
        proc = self.run_program('import sys; sys.path.insert(0, %r); import ext_single; '
                                'print(ext_single.name(), ext_single.VALUE)' % self.tmpdir)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn('ext_single 7', proc.stdout.splitlines())

    def test_shared_library(self):
        import _braid_build
        if not os.path.exists(_braid_build.library_path(shared=True)):
            self.skipTest('shared libbraid not built (configure --enable-shared)')
        program = os.path.join(self.tmpdir, 'embed_shared')
        run_checked([sys.executable, '-m', '_braid_build', '--embed', '--shared', '-o',
                     program, os.path.join(SRC, 'embed.c')])
        proc = subprocess.run([program, 'import sys; print(len(sys.modules) > 0)'],
                              capture_output=True, text=True)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(proc.stdout.splitlines()[-2:], ['True', 'finalized'])

    def test_error_in_script(self):
        proc = self.run_program('raise ValueError("from the embedded script")')
        self.assertEqual(proc.returncode, 4)
        self.assertIn('ValueError: from the embedded script', proc.stderr)


if __name__ == '__main__':
    unittest.main()
