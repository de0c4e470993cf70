"""`python setup.py build_ext --inplace` with the system's setuptools (issue 7).

The setuptools used is Debian's python3-setuptools, installed in
/usr/lib/python3/dist-packages (it vendors distutils as setuptools._distutils, whose
compiler classes read CC, CFLAGS, CCSHARED, LDSHARED, EXT_SUFFIX and the include
directories from sysconfig).  The tests skip, saying why, when that package or a C
compiler is absent.  Each build runs in a child interpreter in a fresh temporary
directory (with no pybuilddir.txt in it: setuptools' distutils hack stands aside in a
directory that has one), and the result is imported and called in another child.
"""

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import unittest

from . import CC, SRC, EXT_SUFFIX, FREE_THREADED, run_python

DIST_PACKAGES = '/usr/lib/python3/dist-packages'
HAVE_SETUPTOOLS = os.path.isfile(os.path.join(DIST_PACKAGES, 'setuptools', '__init__.py'))

SETUP_PY = '''\
from setuptools import setup, Extension

setup(
    name='braid-setuptools-test',
    version='1.0',
    packages=['pkg'],
    ext_modules=[
        Extension('ext_setuptools', ['ext_setuptools.c'],
                  define_macros=[('SCALE', '3')]),
        Extension('pkg.ext_setuptools', ['ext_setuptools.c'],
                  define_macros=[('SCALE', '5')]),
    ],
)
'''


@unittest.skipUnless(HAVE_SETUPTOOLS, 'setuptools not found in %s (Debian package '
                     'python3-setuptools)' % DIST_PACKAGES)
@unittest.skipIf(CC is None, 'no C compiler (cc) found')
class SetuptoolsBuildExtTests(unittest.TestCase):

    def setUp(self):
        self.tmpdir = tempfile.mkdtemp(prefix='braid_setuptools_')
        self.addCleanup(shutil.rmtree, self.tmpdir, True)
        shutil.copy(os.path.join(SRC, 'ext_setuptools.c'), self.tmpdir)
        os.mkdir(os.path.join(self.tmpdir, 'pkg'))
        with open(os.path.join(self.tmpdir, 'pkg', '__init__.py'), 'w') as f:
            f.write('')
        with open(os.path.join(self.tmpdir, 'setup.py'), 'w') as f:
            f.write(SETUP_PY)

    def run_setup(self, *args):
        """Run `python setup.py ARGS` in the temporary directory, setuptools on the path;
        fail with its output if it fails.  Return the CompletedProcess."""
        env = dict(os.environ)
        env.pop('PYTHON_GIL', None)
        env.pop('PYTHONWARNINGS', None)
        env['PYTHONPATH'] = DIST_PACKAGES
        proc = subprocess.run([sys.executable, 'setup.py'] + list(args), cwd=self.tmpdir,
                              env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            self.fail('setup.py %s failed (%d):\n%s%s' % (' '.join(args), proc.returncode,
                                                          proc.stdout, proc.stderr))
        return proc

    def test_import_setuptools(self):
        proc = run_python('import setuptools, distutils.core, sys\n'
                          'print(setuptools.__version__)\n'
                          'print(distutils.core.__file__)\n'
                          'vendored = sys.modules["setuptools._distutils"]\n'
                          'print(sys.modules["distutils"] is vendored)',
                          cwd=self.tmpdir, env={'PYTHONPATH': DIST_PACKAGES})
        self.assertEqual(proc.returncode, 0, proc.stderr)
        version, core_file, same = proc.stdout.split()
        self.assertTrue(version.split('.')[0].isdigit(), version)
        # setuptools replaces the standard distutils by its vendored copy.
        self.assertIn(os.path.join('setuptools', '_distutils', 'core.py'), core_file)
        self.assertEqual(same, 'True')

    def test_build_ext_inplace(self):
        proc = self.run_setup('build_ext', '--inplace')
        self.assertIn("building 'ext_setuptools' extension", proc.stdout)
        built = 'ext_setuptools' + EXT_SUFFIX
        self.assertTrue(os.path.isfile(os.path.join(self.tmpdir, built)),
                        os.listdir(self.tmpdir))
        self.assertTrue(os.path.isfile(os.path.join(self.tmpdir, 'pkg', built)),
                        os.listdir(os.path.join(self.tmpdir, 'pkg')))
        # The free-threaded build's suffix carries its ABI flag.
        self.assertEqual('t' in EXT_SUFFIX.split('-')[1], FREE_THREADED, EXT_SUFFIX)

        proc = run_python('import ext_setuptools, pkg.ext_setuptools as inner\n'
                          'print(ext_setuptools.scaled_sum(2, 5), ext_setuptools.SCALE)\n'
                          'print(inner.scaled_sum(2, 5), inner.__name__)\n'
                          'print(ext_setuptools.__file__)\n'
                          'try:\n'
                          '    ext_setuptools.scaled_sum("x", 1)\n'
                          'except TypeError as exc:\n'
                          '    print("TypeError")\n',
                          cwd=self.tmpdir)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        lines = proc.stdout.splitlines()
        self.assertEqual(lines[0], '21 3')
        self.assertEqual(lines[1], '35 pkg.ext_setuptools')
        self.assertTrue(lines[2].endswith(built), lines[2])
        self.assertEqual(lines[3], 'TypeError')
        # The module declares Py_MOD_GIL_NOT_USED: no warning, the GIL stays off.
        self.assertNotIn('RuntimeWarning', proc.stderr)

    def test_build_ext_uses_sysconfig_compiler(self):
        proc = self.run_setup('build_ext', '--inplace', '--force')
        compile_lines = [line for line in proc.stdout.splitlines()
                         if ' -c ext_setuptools.c' in line]
        self.assertEqual(len(compile_lines), 2, proc.stdout)
        # The macros of each Extension, the compiler and flags of sysconfig, and this
        # interpreter's include directory.
        self.assertIn('-DSCALE=3', compile_lines[0])
        self.assertIn('-DSCALE=5', compile_lines[1])
        for flag in sysconfig.get_config_var('CCSHARED').split():
            self.assertIn(flag, compile_lines[0])
        include = sysconfig.get_config_var('INCLUDEPY')
        self.assertIn('-I' + include, compile_lines[0])
        cc = sysconfig.get_config_var('CC').split()[0]
        self.assertTrue(compile_lines[0].startswith(cc), compile_lines[0])

    def test_sdist(self):
        import tarfile
        self.run_setup('sdist', '--formats=gztar')
        archive_path = os.path.join(self.tmpdir, 'dist', 'braid-setuptools-test-1.0.tar.gz')
        with tarfile.open(archive_path) as archive:
            names = archive.getnames()
            self.assertIn('braid-setuptools-test-1.0/PKG-INFO', names)
            self.assertIn('braid-setuptools-test-1.0/ext_setuptools.c', names)
            pkg_info = archive.extractfile('braid-setuptools-test-1.0/PKG-INFO').read()
        self.assertIn(b'Name: braid-setuptools-test', pkg_info)
        self.assertIn(b'Version: 1.0', pkg_info)

    def test_rebuild_is_a_no_op(self):
        self.run_setup('build_ext', '--inplace')
        built = os.path.join(self.tmpdir, 'ext_setuptools' + EXT_SUFFIX)
        before = os.stat(built).st_mtime_ns
        proc = self.run_setup('build_ext', '--inplace')
        # Up to date: nothing is compiled or linked again.
        self.assertNotIn(' -c ext_setuptools.c', proc.stdout)
        self.assertNotIn(' -shared ', proc.stdout)
        self.assertEqual(os.stat(built).st_mtime_ns, before)

if __name__ == '__main__':
    unittest.main()
