"""Tests for the display of uncaught exceptions (Python/pythonrun.c): the exact text the
interpreter writes to stderr, in CPython 3.13's format."""

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

can_run = _run is not None or subprocess is not None


def run_script(source):
    """Run source as a script file; return (returncode, stderr as str, script path)."""
    path = f'/tmp/braid_tb_{os.getpid()}.py'
    with open(path, 'w') as f:
        f.write(source)
    try:
        argv = [sys.executable, path]
        if _run is not None:
            rc, out, err = _run(argv)
        else:
            proc = subprocess.run(argv, capture_output=True)
            rc, err = proc.returncode, proc.stderr
    finally:
        os.unlink(path)
    return rc, err.decode('utf-8').replace(path, 'SCRIPT'), path


@unittest.skipUnless(can_run, "no way to run a child process")
class TracebackOutputTests(unittest.TestCase):

    def check(self, source, expected, rc=1):
        code, err, path = run_script(source)
        self.assertEqual(err, expected)
        self.assertEqual(code, rc)

    def test_simple(self):
        self.check('raise ValueError("bad")\n',
                   'Traceback (most recent call last):\n'
                   '  File "SCRIPT", line 1, in <module>\n'
                   '    raise ValueError("bad")\n'
                   'ValueError: bad\n')

    def test_no_message_and_custom_class(self):
        self.check('class MyErr(Exception):\n    pass\nraise MyErr\n',
                   'Traceback (most recent call last):\n'
                   '  File "SCRIPT", line 3, in <module>\n'
                   '    raise MyErr\n'
                   'MyErr\n')

    def test_nested_calls_with_carets(self):
        self.check('def inner():\n'
                   '    return 1 / 0\n'
                   'def outer():\n'
                   '    inner()\n'
                   'outer()\n',
                   'Traceback (most recent call last):\n'
                   '  File "SCRIPT", line 5, in <module>\n'
                   '    outer()\n'
                   '    ~~~~~^^\n'
                   '  File "SCRIPT", line 4, in outer\n'
                   '    inner()\n'
                   '    ~~~~~^^\n'
                   '  File "SCRIPT", line 2, in inner\n'
                   '    return 1 / 0\n'
                   '           ~~^~~\n'
                   'ZeroDivisionError: division by zero\n')

    def test_subscript_carets(self):
        self.check('d = {}\ny = d["k"]\n',
                   'Traceback (most recent call last):\n'
                   '  File "SCRIPT", line 2, in <module>\n'
                   '    y = d["k"]\n'
                   '        ~^^^^^\n'
                   "KeyError: 'k'\n")

    def test_attribute_carets(self):
        self.check('x = 1\ny = x.attr\n',
                   'Traceback (most recent call last):\n'
                   '  File "SCRIPT", line 2, in <module>\n'
                   '    y = x.attr\n'
                   '        ^^^^^^\n'
                   "AttributeError: 'int' object has no attribute 'attr'\n")

    def test_cause(self):
        self.check('try:\n'
                   '    raise KeyError("k")\n'
                   'except KeyError as e:\n'
                   '    raise RuntimeError("wrapped") from e\n',
                   'Traceback (most recent call last):\n'
                   '  File "SCRIPT", line 2, in <module>\n'
                   '    raise KeyError("k")\n'
                   "KeyError: 'k'\n"
                   '\n'
                   'The above exception was the direct cause of the following exception:\n'
                   '\n'
                   'Traceback (most recent call last):\n'
                   '  File "SCRIPT", line 4, in <module>\n'
                   '    raise RuntimeError("wrapped") from e\n'
                   'RuntimeError: wrapped\n')

    def test_context_and_notes(self):
        self.check('try:\n'
                   '    1/0\n'
                   'except ZeroDivisionError:\n'
                   '    e = ValueError("during")\n'
                   '    e.add_note("note one")\n'
                   '    e.add_note("note two")\n'
                   '    raise e\n',
                   'Traceback (most recent call last):\n'
                   '  File "SCRIPT", line 2, in <module>\n'
                   '    1/0\n'
                   '    ~^~\n'
                   'ZeroDivisionError: division by zero\n'
                   '\n'
                   'During handling of the above exception, another exception occurred:\n'
                   '\n'
                   'Traceback (most recent call last):\n'
                   '  File "SCRIPT", line 7, in <module>\n'
                   '    raise e\n'
                   'ValueError: during\n'
                   'note one\n'
                   'note two\n')

    def test_suppressed_context(self):
        self.check('try:\n'
                   '    1/0\n'
                   'except ZeroDivisionError:\n'
                   '    raise ValueError("clean") from None\n',
                   'Traceback (most recent call last):\n'
                   '  File "SCRIPT", line 4, in <module>\n'
                   '    raise ValueError("clean") from None\n'
                   'ValueError: clean\n')

    def test_recursion_repeats_collapsed(self):
        code, err, path = run_script('def f(n):\n    return f(n)\nf(1)\n')
        self.assertEqual(code, 1)
        lines = err.splitlines()
        self.assertEqual(lines[0], 'Traceback (most recent call last):')
        self.assertEqual(lines[1], '  File "SCRIPT", line 3, in <module>')
        self.assertTrue(lines[-2].startswith('  [Previous line repeated '), lines[-2])
        self.assertEqual(lines[-1], 'RecursionError: maximum recursion depth exceeded')

    def test_syntax_error(self):
        self.check('x = 1\nif x:\n  y = (1 +\n',
                   '  File "SCRIPT", line 3\n'
                   '    y = (1 +\n'
                   '        ^\n'
                   "SyntaxError: '(' was never closed\n")

    def test_syntax_error_range(self):
        self.check('x = 1 +\n',
                   '  File "SCRIPT", line 1\n'
                   '    x = 1 +\n'
                   '           ^\n'
                   'SyntaxError: invalid syntax\n')

    def test_exception_group(self):
        self.check('raise ExceptionGroup("eg", [ValueError("a"), TypeError("b")])\n',
                   '  + Exception Group Traceback (most recent call last):\n'
                   '  |   File "SCRIPT", line 1, in <module>\n'
                   '  |     raise ExceptionGroup("eg", [ValueError("a"), TypeError("b")])\n'
                   '  | ExceptionGroup: eg (2 sub-exceptions)\n'
                   '  +-+---------------- 1 ----------------\n'
                   '    | ValueError: a\n'
                   '    +---------------- 2 ----------------\n'
                   '    | TypeError: b\n'
                   '    +------------------------------------\n')

    def test_nested_exception_group(self):
        self.check('eg = ExceptionGroup("outer", [ValueError("v"),\n'
                   '    ExceptionGroup("nested", [TypeError("t"), KeyError("k")])])\n'
                   'eg.add_note("a note")\n'
                   'raise eg\n',
                   '  + Exception Group Traceback (most recent call last):\n'
                   '  |   File "SCRIPT", line 4, in <module>\n'
                   '  |     raise eg\n'
                   '  | ExceptionGroup: outer (2 sub-exceptions)\n'
                   '  | a note\n'
                   '  +-+---------------- 1 ----------------\n'
                   '    | ValueError: v\n'
                   '    +---------------- 2 ----------------\n'
                   '    | ExceptionGroup: nested (2 sub-exceptions)\n'
                   '    +-+---------------- 1 ----------------\n'
                   '      | TypeError: t\n'
                   '      +---------------- 2 ----------------\n'
                   "      | KeyError: 'k'\n"
                   '      +------------------------------------\n')

    def last_line(self, source):
        code, err, path = run_script(source)
        self.assertEqual(code, 1)
        return err.splitlines()[-1]

    def test_name_error_suggestion(self):
        self.assertEqual(self.last_line('prnt("x")\n'),
                         "NameError: name 'prnt' is not defined. Did you mean: 'print'?")
        self.assertEqual(self.last_line('math.pi\n'),
                         "NameError: name 'math' is not defined. "
                         "Did you forget to import 'math'?")
        self.assertEqual(self.last_line('class A:\n'
                                        '    def __init__(self):\n'
                                        '        self.value = 1\n'
                                        '    def f(self):\n'
                                        '        return value\n'
                                        'A().f()\n'),
                         "NameError: name 'value' is not defined. Did you mean: 'self.value'?")
        self.assertEqual(self.last_line('abcdefghijk\n'),
                         "NameError: name 'abcdefghijk' is not defined")

    def test_attribute_error_suggestion(self):
        self.assertEqual(self.last_line('x = [1]\nx.apend(2)\n'),
                         "AttributeError: 'list' object has no attribute 'apend'. "
                         "Did you mean: 'append'?")
        self.assertEqual(self.last_line('import sys\nsys.versoin\n'),
                         "AttributeError: module 'sys' has no attribute 'versoin'. "
                         "Did you mean: 'version'?")

    def test_import_error_suggestion(self):
        self.assertEqual(self.last_line('from sys import versoin\n'),
                         "ImportError: cannot import name 'versoin' from 'sys' "
                         "(unknown location). Did you mean: 'version'?")

    def test_excepthook_replaced(self):
        self.check('import sys\n'
                   'def hook(t, v, tb):\n'
                   '    sys.stderr.write("hooked " + t.__name__ + "\\n")\n'
                   'sys.excepthook = hook\n'
                   'raise KeyError(1)\n',
                   'hooked KeyError\n')

    def test_system_exit_message(self):
        self.check('import sys\nsys.exit("goodbye")\n', 'goodbye\n', rc=1)


if __name__ == "__main__":
    unittest.main()
