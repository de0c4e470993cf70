"""The tools for extension authors: sysconfig's variables and paths, `python -m
_braid_build` (one-command build of an extension or an embedding program) and the
braid-config script of the build directory."""

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import unittest

from . import CC, SRC, FREE_THREADED, EXT_SUFFIX, braid_only, run_checked, run_python


class SysconfigTests(unittest.TestCase):

    def test_python_version_and_platform(self):
        self.assertEqual(sysconfig.get_python_version(), '%d.%d' % sys.version_info[:2])
        platform = sysconfig.get_platform()
        self.assertTrue(platform.startswith(sys.platform + '-'), platform)
        self.assertEqual(platform, platform.lower())

    def test_config_vars(self):
        names = ('EXT_SUFFIX', 'SOABI', 'Py_GIL_DISABLED', 'INCLUDEPY', 'CC', 'CFLAGS',
                 'LDSHARED', 'LIBDIR', 'abiflags', 'VERSION', 'SHLIB_SUFFIX', 'prefix')
        values = sysconfig.get_config_vars(*names)
        self.assertEqual(len(values), len(names))
        for name, value in zip(names, values):
            self.assertIsNotNone(value, name)
            self.assertEqual(sysconfig.get_config_var(name), value)
        self.assertIs(sysconfig.get_config_vars(), sysconfig.get_config_vars())
        self.assertIsNone(sysconfig.get_config_var('NO_SUCH_VARIABLE'))
        self.assertEqual(sysconfig.get_config_var('abiflags'), sys.abiflags)
        self.assertIn(sysconfig.get_config_var('Py_GIL_DISABLED'), (0, 1))
        self.assertEqual(sysconfig.get_config_var('Py_GIL_DISABLED'), int('t' in sys.abiflags))
        self.assertEqual(sysconfig.get_config_var('SHLIB_SUFFIX'), '.so')
        self.assertTrue(EXT_SUFFIX.endswith('.so'))
        self.assertIn(sysconfig.get_config_var('SOABI'), EXT_SUFFIX)
        self.assertIn('-shared', sysconfig.get_config_var('LDSHARED'))

    def test_paths(self):
        paths = sysconfig.get_paths()
        for key in ('stdlib', 'platstdlib', 'purelib', 'platlib', 'include', 'scripts',
                    'data'):
            self.assertIn(key, paths)
            self.assertEqual(sysconfig.get_path(key), paths[key])
        self.assertTrue(os.path.exists(os.path.join(paths['include'], 'Python.h')))
        self.assertTrue(os.path.exists(os.path.join(paths['platinclude'], 'pyconfig.h')))
        self.assertIn('posix_prefix', sysconfig.get_scheme_names())
        self.assertEqual(sysconfig.get_default_scheme(), 'posix_prefix')
        self.assertIn('purelib', sysconfig.get_path_names())
        with self.assertRaises(KeyError):
            sysconfig.get_paths('no_such_scheme')

    def test_parse_config_h(self):
        import io
        text = '#define HAVE_X 1\n/* #undef HAVE_Y */\n#define NAME "v"\n'
        self.assertEqual(sysconfig.parse_config_h(io.StringIO(text)),
                         {'HAVE_X': 1, 'HAVE_Y': 0, 'NAME': '"v"'})

    def test_config_h_matches_build(self):
        with open(sysconfig.get_config_h_filename()) as f:
            config = sysconfig.parse_config_h(f)
        self.assertEqual(bool(config.get('Py_GIL_DISABLED')), FREE_THREADED)

    def test_main(self):
        proc = subprocess.run([sys.executable, '-m', 'sysconfig'], capture_output=True,
                              text=True)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn('Platform: "%s"' % sysconfig.get_platform(), proc.stdout)
        self.assertIn('\tEXT_SUFFIX = "%s"' % EXT_SUFFIX, proc.stdout)


@unittest.skipIf(CC is None, 'no C compiler (cc) found')
class StrictCompileTests(unittest.TestCase):
    """The headers compile without warnings under strict flags, as C11 (not only gnu11), in
    every test extension.  (-Wno-unused-parameter: the extensions' own METH_NOARGS functions
    ignore an argument.)"""

    FLAGS = ['-std=c11', '-Wall', '-Wextra', '-Wconversion', '-Wsign-compare',
             '-Wno-unused-parameter', '-Werror', '-fsyntax-only']

    def test_sources(self):
        from . import include_flags
        for source in sorted(os.listdir(SRC)):
            if not source.startswith('ext_') or not source.endswith('.c'):
                continue
            if source == 'ext_critical.c' and sys.version_info < (3, 13):
                continue
            with self.subTest(source=source):
                run_checked(CC + self.FLAGS + include_flags() + [os.path.join(SRC, source)])


@braid_only
class BraidSysconfigTests(unittest.TestCase):

    def test_layout(self):
        # In a build directory the headers are the source tree's Include/ plus the build
        # directory's pyconfig.h; installed, both are in include/braid<LDVERSION>/.
        paths = sysconfig.get_paths()
        self.assertEqual(sysconfig.get_config_var('INCLUDEPY'), paths['include'])
        self.assertEqual(sysconfig.get_config_var('CONFINCLUDEPY'), paths['platinclude'])
        self.assertTrue(os.path.isfile(sysconfig.get_makefile_filename()))
        self.assertTrue(os.path.isfile(sysconfig.get_config_h_filename()))
        if sysconfig.is_python_build():
            self.assertEqual(paths['platinclude'], sysconfig.get_config_var('projectbase'))
            self.assertTrue(os.path.isfile(os.path.join(sysconfig.get_config_var('srcdir'),
                                                        'Include', 'Python.h')))
        else:
            self.assertEqual(paths['include'], paths['platinclude'])
            self.assertTrue(paths['include'].endswith(
                'braid' + sysconfig.get_config_var('LDVERSION')))
            self.assertEqual(os.path.dirname(sysconfig.get_makefile_filename()),
                             sysconfig.get_config_var('LIBPL'))

    def test_names(self):
        soabi = sysconfig.get_config_var('SOABI')
        self.assertEqual(soabi, 'braid-313%s-%s' % (sys.abiflags, sys.implementation._multiarch))
        self.assertEqual(sysconfig.get_config_var('LDVERSION'), '3.13' + sys.abiflags)
        self.assertEqual(sysconfig.get_config_var('LIBRARY'),
                         'libbraid3.13%s.a' % sys.abiflags)


@braid_only
@unittest.skipIf(CC is None, 'no C compiler (cc) found')
class BuildToolTests(unittest.TestCase):

    def setUp(self):
        self.tmpdir = tempfile.mkdtemp(prefix='braid_tool_')

    def tearDown(self):
        shutil.rmtree(self.tmpdir, ignore_errors=True)

    def test_build_and_import(self):
        source = os.path.join(SRC, 'ext_single.c')
        proc = run_checked([sys.executable, '-m', '_braid_build', source], cwd=self.tmpdir)
        path = os.path.join(self.tmpdir, 'ext_single' + EXT_SUFFIX)
        self.assertEqual(proc.stdout.strip(), path)
        self.assertTrue(os.path.isfile(path))
        proc = run_python('import ext_single; print(ext_single.name(), ext_single.VALUE)',
                          cwd=self.tmpdir)
        self.assertEqual(proc.stdout, 'ext_single 7\n', proc.stderr)

    def test_name_defines_and_output_dir(self):
        out = os.path.join(self.tmpdir, 'out')
        os.makedirs(out)
        run_checked([sys.executable, '-m', '_braid_build', '-n', 'ext_single_gil',
                     '-D', 'EXT_SINGLE_GIL', '-d', out, os.path.join(SRC, 'ext_single.c')])
        self.assertEqual(os.listdir(out), ['ext_single_gil' + EXT_SUFFIX])

    def test_print_command(self):
        proc = run_checked([sys.executable, '-m', '_braid_build', '--print-command',
                            'mod.c'], cwd=self.tmpdir)
        words = proc.stdout.split()
        self.assertIn('-shared', words)
        self.assertIn('-I' + sysconfig.get_config_var('INCLUDEPY'), words)
        self.assertIn('-I' + sysconfig.get_config_var('CONFINCLUDEPY'), words)
        self.assertEqual(words[words.index('-o') + 1], './mod' + EXT_SUFFIX)
        self.assertEqual(os.listdir(self.tmpdir), [])

    def test_compile_error(self):
        bad = os.path.join(self.tmpdir, 'bad.c')
        with open(bad, 'w') as f:
            f.write('#include <Python.h>\nthis is not C;\n')
        proc = subprocess.run([sys.executable, '-m', '_braid_build', bad], cwd=self.tmpdir,
                              capture_output=True, text=True)
        self.assertEqual(proc.returncode, 1)
        self.assertIn('error:', proc.stderr)

    def test_cxx_extension(self):
        import _braid_build
        if not shutil.which(_braid_build.compiler(cxx=True)[0]):
            self.skipTest('no C++ compiler')
        run_checked([sys.executable, '-m', '_braid_build', os.path.join(SRC, 'ext_cxx.cc')],
                    cwd=self.tmpdir)
        proc = run_python('import ext_cxx; print(ext_cxx.greet("braid"))', cwd=self.tmpdir)
        self.assertEqual(proc.stdout, 'hello, braid\n', proc.stderr)

    def test_api(self):
        import _braid_build
        path = _braid_build.build_extension(os.path.join(SRC, 'ext_abi.c'),
                                            output_dir=self.tmpdir)
        self.assertEqual(path, os.path.join(self.tmpdir, 'ext_abi' + EXT_SUFFIX))
        with self.assertRaises(_braid_build.BuildError):
            _braid_build.build_extension(os.path.join(self.tmpdir, 'missing.c'),
                                         output_dir=self.tmpdir)


@braid_only
class BraidConfigTests(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        if sysconfig.is_python_build():
            cls.script = os.path.join(sysconfig.get_config_var('projectbase'), 'braid-config')
            cls.library = '-lbraid'
        else:
            ldversion = sysconfig.get_config_var('LDVERSION')
            cls.script = os.path.join(sysconfig.get_config_var('BINDIR'),
                                      'braid%s-config' % ldversion)
            cls.library = '-lbraid' + ldversion
        if not os.path.exists(cls.script):
            raise unittest.SkipTest('%s not built (make braid-config)' % cls.script)

    def config(self, *args):
        proc = subprocess.run([self.script] + list(args), capture_output=True, text=True)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return proc.stdout.strip()

    def test_values(self):
        self.assertEqual(self.config('--extension-suffix'), EXT_SUFFIX)
        self.assertEqual(self.config('--abiflags'), sys.abiflags)
        includes = self.config('--includes').split()
        expected = ['-I' + sysconfig.get_config_var(name)
                    for name in ('INCLUDEPY', 'CONFINCLUDEPY')]
        self.assertEqual(includes, list(dict.fromkeys(expected)))
        self.assertEqual(self.config('--cflags').split()[:len(includes)], includes)
        self.assertEqual(self.config('--prefix'), sys.prefix)

    def test_libs_and_embed(self):
        self.assertNotIn(self.library, self.config('--ldflags').split())
        self.assertIn(self.library, self.config('--ldflags', '--embed').split())
        self.assertIn(self.library, self.config('--libs', '--embed').split())

    def test_usage(self):
        proc = subprocess.run([self.script, '--bogus'], capture_output=True, text=True)
        self.assertEqual(proc.returncode, 1)
        self.assertIn('Usage:', proc.stderr)


if __name__ == '__main__':
    unittest.main()
