"""C extensions built at test time against this interpreter's headers (issue 7).

The C sources live in src/.  Each test class compiles what it needs with the system C
compiler into a temporary directory (through _braid_build under Braid; under CPython, which
runs these tests to prove the expectations are CPython's, with the equivalent command built
from sysconfig) and imports it from there.  Everything is skipped, with the reason, when no C
compiler is present.  Imports that must not happen in the test process (they would turn the
GIL on for good, or could crash it if the loader failed to refuse a file) run in a child
interpreter.

The test modules are the test_*.py files of this package; load_tests collects them, so that
`python -m test test_extensions` runs them all.
"""

import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import unittest

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'src')
BRAID = sys.implementation.name == 'braid'
# True in the free-threaded build (configure --disable-gil / CPython 3.13t).
FREE_THREADED = bool(sysconfig.get_config_var('Py_GIL_DISABLED'))
EXT_SUFFIX = sysconfig.get_config_var('EXT_SUFFIX')


def _find_compiler():
    cc = os.environ.get('CC') or sysconfig.get_config_var('CC') or 'cc'
    argv = shlex.split(cc)
    if argv and shutil.which(argv[0]):
        return argv
    if shutil.which('cc'):
        return ['cc']
    return None


CC = _find_compiler()
requires_cc = unittest.skipIf(CC is None, 'no C compiler (cc) found')
braid_only = unittest.skipUnless(BRAID, 'Braid-specific (names and tools of Braid)')


def include_flags(config_h_dir=None):
    """The -I flags for this interpreter's headers; config_h_dir (if given) comes first, so
    that its pyconfig.h replaces the interpreter's."""
    dirs = [config_h_dir] if config_h_dir else []
    if BRAID:
        dirs += [sysconfig.get_config_var('INCLUDEPY'),
                 sysconfig.get_config_var('CONFINCLUDEPY')]
    else:
        paths = sysconfig.get_paths()
        dirs += [paths['include'], paths['platinclude']]
    return ['-I' + d for d in dirs]


def compile_extension(source, outdir, name=None, defines=(), suffix=None, config_h_dir=None,
                      extra=()):
    """Compile src/<source> into <outdir>/<name><suffix> (default: this build's EXT_SUFFIX).
    Return the path; raise AssertionError with the compiler's output if it fails."""
    if name is None:
        name = os.path.splitext(source)[0]
    output = os.path.join(outdir, name + (EXT_SUFFIX if suffix is None else suffix))
    cmd = CC + ['-std=gnu11', '-O1', '-g', '-Wall', '-fPIC', '-shared']
    cmd += include_flags(config_h_dir) + ['-D' + d for d in defines] + list(extra)
    cmd += ['-o', output, os.path.join(SRC, source)]
    run_checked(cmd)
    return output


def run_checked(cmd, **kwargs):
    """Run cmd; fail the test with its output if it exits non-zero.  Return the result."""
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if proc.returncode != 0:
        raise AssertionError('command failed (%d): %s\n%s%s' % (
            proc.returncode, shlex.join(cmd), proc.stdout, proc.stderr))
    return proc


def run_python(code, cwd=None, env=None, args=()):
    """Run `code` in a child interpreter (cwd on its sys.path first).  Return the
    CompletedProcess (text stdout/stderr)."""
    full_env = dict(os.environ)
    full_env.pop('PYTHON_GIL', None)
    full_env.pop('PYTHONWARNINGS', None)
    if env:
        full_env.update(env)
    return subprocess.run([sys.executable] + list(args) + ['-c', code], cwd=cwd,
                          env=full_env, capture_output=True, text=True)


def other_abi_config_h(outdir):
    """Write <outdir>/flip/pyconfig.h: this build's pyconfig.h with Py_GIL_DISABLED flipped,
    i.e. the configuration of the other ABI.  Return the directory."""
    if BRAID:
        config_h = os.path.join(sysconfig.get_config_var('CONFINCLUDEPY'), 'pyconfig.h')
    else:
        config_h = os.path.join(sysconfig.get_paths()['platinclude'], 'pyconfig.h')
    with open(config_h) as f:
        text = f.read()
    if FREE_THREADED:
        text = text.replace('#define Py_GIL_DISABLED 1', '/* #undef Py_GIL_DISABLED */')
    else:
        text = text.replace('/* #undef Py_GIL_DISABLED */', '#define Py_GIL_DISABLED 1')
    flip = os.path.join(outdir, 'flip')
    os.makedirs(flip, exist_ok=True)
    with open(os.path.join(flip, 'pyconfig.h'), 'w') as f:
        f.write(text)
    return flip


def other_soabi():
    """The SOABI of the other build, e.g. braid-313t-x86_64-linux-gnu for the GIL build."""
    soabi = sysconfig.get_config_var('SOABI')
    impl, version, triplet = soabi.split('-', 2)
    version = version[:-1] if FREE_THREADED else version + 't'
    return '-'.join((impl, version, triplet))


class ExtensionTestCase(unittest.TestCase):
    """Base class: setUpClass builds cls.EXTENSIONS (list of (source, name, defines)) into a
    temporary directory cls.tmpdir, which is on sys.path while the class runs.  The modules
    are dropped from sys.modules before and after, so that each class imports its own build."""

    EXTENSIONS = ()

    @classmethod
    def _forget_modules(cls):
        for source, name, defines in cls.EXTENSIONS:
            sys.modules.pop(name or os.path.splitext(source)[0], None)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if CC is None:
            raise unittest.SkipTest('no C compiler (cc) found')
        cls.tmpdir = tempfile.mkdtemp(prefix='braid_ext_')
        try:
            for source, name, defines in cls.EXTENSIONS:
                compile_extension(source, cls.tmpdir, name=name, defines=defines)
        except BaseException:
            shutil.rmtree(cls.tmpdir, ignore_errors=True)
            raise
        cls._forget_modules()
        sys.path.insert(0, cls.tmpdir)

    @classmethod
    def tearDownClass(cls):
        cls._forget_modules()
        if cls.tmpdir in sys.path:
            sys.path.remove(cls.tmpdir)
        shutil.rmtree(cls.tmpdir, ignore_errors=True)
        super().tearDownClass()


def load_tests(loader, tests, pattern):
    """Collect the tests of every test_*.py module of this package."""
    here = os.path.dirname(os.path.abspath(__file__))
    suite = unittest.TestSuite()
    for entry in sorted(os.listdir(here)):
        if entry.startswith('test_') and entry.endswith('.py'):
            name = '%s.%s' % (__name__, entry[:-3])
            module = __import__(name, fromlist=['*'])
            suite.addTests(loader.loadTestsFromModule(module))
    return suite
