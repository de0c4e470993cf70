"""Tests for the python command line (Modules/main.c).

The interpreter is run as a child process with _braid_testhelper.run (Braid, until the
subprocess module exists) or subprocess (CPython, to check the expectations)."""

import os
import sys
import unittest

try:
    from _braid_testhelper import run as _run
except ImportError:
    _run = None
    try:
        import subprocess
    except ImportError:
        subprocess = None


def run_python(*args, input=None, env=None):
    """Run sys.executable with args; return (returncode, stdout, stderr) as bytes."""
    argv = [sys.executable] + list(args)
    if _run is not None:
        return _run(argv, input, env)
    proc = subprocess.run(argv, input=input or b'', capture_output=True, env=env)
    return proc.returncode, proc.stdout, proc.stderr


can_run = _run is not None or subprocess is not None
TESTFN_DIR = os.path.dirname(os.path.abspath(__file__))


def write_script(name, text):
    path = os.path.join('/tmp', f'braid_cmdline_{os.getpid()}_{name}')
    with open(path, 'w') as f:
        f.write(text)
    return path


def base_env(**extra):
    env = {'PATH': '/usr/bin:/bin'}
    env.update(extra)
    return env


@unittest.skipUnless(can_run, "no way to run a child process")
class CommandLineTests(unittest.TestCase):

    def test_c_option(self):
        rc, out, err = run_python('-c', 'print(1 + 2)')
        self.assertEqual((rc, out, err), (0, b'3\n', b''))

    def test_c_argv(self):
        rc, out, err = run_python('-c', 'import sys; print(sys.argv)', 'a', 'b')
        self.assertEqual(out, b"['-c', 'a', 'b']\n")

    def test_c_path0(self):
        rc, out, err = run_python('-c', 'import sys; print(repr(sys.path[0]))')
        self.assertEqual(out, b"''\n")

    def test_version(self):
        rc, out, err = run_python('-V')
        self.assertEqual(rc, 0)
        self.assertEqual(out, b'Python 3.13.0\n')
        rc, out, err = run_python('--version')
        self.assertEqual(out, b'Python 3.13.0\n')

    def test_unknown_option(self):
        rc, out, err = run_python('-z')
        self.assertEqual(rc, 2)
        self.assertTrue(err.startswith(b'Unknown option: -z\nusage: '), err)
        self.assertTrue(err.endswith(b"Try `python -h' for more information.\n"), err)

    def test_missing_argument(self):
        rc, out, err = run_python('-c')
        self.assertEqual(rc, 2)
        self.assertTrue(err.startswith(b'Argument expected for the -c option\n'), err)

    def test_help(self):
        rc, out, err = run_python('-h')
        self.assertEqual(rc, 0)
        self.assertIn(b'usage:', out)
        self.assertIn(b'-c cmd', out)

    def test_exit_codes(self):
        self.assertEqual(run_python('-c', 'pass')[0], 0)
        self.assertEqual(run_python('-c', 'raise SystemExit')[0], 0)
        self.assertEqual(run_python('-c', 'raise SystemExit(None)')[0], 0)
        self.assertEqual(run_python('-c', 'raise SystemExit(7)')[0], 7)
        self.assertEqual(run_python('-c', 'import sys; sys.exit(3)')[0], 3)
        rc, out, err = run_python('-c', 'raise SystemExit("bye")')
        self.assertEqual((rc, err), (1, b'bye\n'))
        self.assertEqual(run_python('-c', '1/0')[0], 1)

    def test_uncaught_traceback(self):
        rc, out, err = run_python('-c', 'raise ValueError("bad value")')
        self.assertEqual(rc, 1)
        self.assertEqual(err, b'Traceback (most recent call last):\n'
                              b'  File "<string>", line 1, in <module>\n'
                              b'    raise ValueError("bad value")\n'
                              b'ValueError: bad value\n')

    def test_syntax_error(self):
        rc, out, err = run_python('-c', 'x = (1,')
        self.assertEqual(rc, 1)
        self.assertIn(b'SyntaxError', err)
        self.assertTrue(err.startswith(b'  File "<string>", line 1\n'), err)

    def test_script_and_args(self):
        path = write_script('args.py', 'import sys\nprint(sys.argv[1:])\n'
                                       'print(__name__)\n')
        try:
            rc, out, err = run_python(path, 'x', '-y')
        finally:
            os.unlink(path)
        self.assertEqual(rc, 0, err)
        self.assertEqual(out, b"['x', '-y']\n__main__\n")

    def test_script_path0(self):
        path = write_script('p0.py', 'import sys\nprint(sys.path[0])\n')
        try:
            rc, out, err = run_python(path)
        finally:
            os.unlink(path)
        self.assertEqual(out, b'/tmp\n')

    def test_missing_script(self):
        rc, out, err = run_python('/tmp/no_such_braid_script.py')
        self.assertEqual(rc, 2)
        self.assertIn(b"can't open file '/tmp/no_such_braid_script.py': [Errno 2] "
                      b"No such file or directory", err)

    def test_m_option(self):
        modname = f'braid_cmdline_mod_{os.getpid()}'
        path = os.path.join('/tmp', modname + '.py')
        with open(path, 'w') as f:
            f.write('import sys\nprint(__name__, sys.argv[1:])\n'
                    'print(sys.argv[0] == __file__)\n')
        try:
            rc, out, err = run_python('-c', 'import sys; sys.path.insert(0, "/tmp"); '
                                      'print("ok")')
            self.assertEqual(out, b'ok\n')
            rc, out, err = run_python('-m', modname, 'arg',
                                      env=base_env(PYTHONPATH='/tmp'))
        finally:
            os.unlink(path)
        self.assertEqual(rc, 0, err)
        self.assertEqual(out, b"__main__ ['arg']\nTrue\n")

    def test_m_missing(self):
        rc, out, err = run_python('-m', 'no_such_module_braid')
        self.assertEqual(rc, 1)
        self.assertTrue(err.endswith(b': No module named no_such_module_braid\n'), err)

    def test_stdin_script(self):
        rc, out, err = run_python('-', input=b'print("from stdin")\n')
        self.assertEqual((rc, out), (0, b'from stdin\n'))

    def test_x_options(self):
        rc, out, err = run_python('-X', 'foo', '-X', 'bar=baz', '-c',
                                  'import sys; print(sorted(sys._xoptions.items()))')
        self.assertEqual(out, b"[('bar', 'baz'), ('foo', True)]\n")

    def test_int_max_str_digits_option(self):
        rc, out, err = run_python('-X', 'int_max_str_digits=1000', '-c',
                                  'import sys; print(sys.flags.int_max_str_digits, '
                                  'sys.get_int_max_str_digits())')
        self.assertEqual(out, b'1000 1000\n')

    def test_flags_from_options(self):
        rc, out, err = run_python('-B', '-O', '-q', '-c',
                                  'import sys; f = sys.flags; '
                                  'print(f.dont_write_bytecode, f.optimize, f.quiet)')
        self.assertEqual(out, b'1 1 1\n')
        rc, out, err = run_python('-I', '-c',
                                  'import sys; f = sys.flags; '
                                  'print(f.isolated, f.ignore_environment, f.safe_path)')
        self.assertEqual(out, b'1 1 True\n')

    def test_debug_constant_with_O(self):
        rc, out, err = run_python('-O', '-c', 'print(__debug__)')
        self.assertEqual(out, b'False\n')

    def test_hashseed_determinism(self):
        code = 'print(hash("braid hashing"))'
        first = run_python('-c', code, env=base_env(PYTHONHASHSEED='123'))[1]
        second = run_python('-c', code, env=base_env(PYTHONHASHSEED='123'))[1]
        self.assertEqual(first, second)
        zero = run_python('-c', code, env=base_env(PYTHONHASHSEED='0'))[1]
        self.assertNotEqual(zero, b'')

    def test_unbuffered_order(self):
        rc, out, err = run_python('-u', '-c',
                                  'import sys; print("a"); sys.stderr.write("b\\n")')
        self.assertEqual((out, err), (b'a\n', b'b\n'))

    def test_warnoptions(self):
        rc, out, err = run_python('-W', 'error', '-c', 'import sys; print(sys.warnoptions)')
        self.assertEqual(out, b"['error']\n")

    def test_stdout_flushed_at_exit(self):
        rc, out, err = run_python('-c', 'import sys; sys.stdout.write("no newline")')
        self.assertEqual(out, b'no newline')

    def test_interactive_from_pipe(self):
        source = (b'x = 5\n'
                  b'x * 2\n'
                  b'for i in range(2):\n'
                  b'    print(i)\n'
                  b'\n'
                  b'def f():\n'
                  b'    return 7\n'
                  b'\n'
                  b'f()\n'
                  b'1/0\n'
                  b'"after"\n')
        rc, out, err = run_python('-i', '-q', input=source)
        self.assertEqual(rc, 0)
        self.assertEqual(out, b"10\n0\n1\n7\n'after'\n")
        self.assertIn(b'ZeroDivisionError: division by zero', err)
        self.assertTrue(err.startswith(b'>>> '), err)

    def test_pythonstartup(self):
        path = write_script('startup.py', 'startup_value = 99\n')
        try:
            rc, out, err = run_python('-i', '-q', input=b'startup_value\n',
                                      env=base_env(PYTHONSTARTUP=path))
        finally:
            os.unlink(path)
        self.assertEqual(out, b'99\n')

    def test_exit_builtin(self):
        rc, out, err = run_python('-c', 'exit(4)')
        self.assertEqual(rc, 4)

    def test_atexit_runs(self):
        rc, out, err = run_python('-c', 'import atexit; atexit.register(print, "bye"); '
                                  'print("hi")')
        self.assertEqual(out, b'hi\nbye\n')


if __name__ == "__main__":
    unittest.main()
