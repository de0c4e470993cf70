"""Whole programs whose output must match CPython 3.13's exactly.

Each Lib/test/programs/NAME.py is run in a fresh namespace with stdout captured; the text
must equal NAME.expected, which was produced by running the program on CPython 3.13.  These
programs touch every part of the interpreter at once (parser, compiler, eval loop, objects,
the library), so a failure here points at an integration problem."""

import io
import os
import sys
import unittest

PROGRAMS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'programs')


def run_program(path):
    """Run the program at path as __main__; return what it printed."""
    with open(path, encoding='utf-8') as f:
        source = f.read()
    code = compile(source, path, 'exec')
    captured = io.StringIO()
    saved = sys.stdout
    sys.stdout = captured
    try:
        exec(code, {'__name__': '__main__', '__file__': path})
    finally:
        sys.stdout = saved
    return captured.getvalue()


class ProgramTests(unittest.TestCase):
    pass


def _make_test(name):
    def test(self):
        expected_path = os.path.join(PROGRAMS, name + '.expected')
        with open(expected_path, encoding='utf-8') as f:
            expected = f.read()
        output = run_program(os.path.join(PROGRAMS, name + '.py'))
        self.assertEqual(output, expected)
    test.__name__ = 'test_' + name
    test.__doc__ = 'programs/%s.py prints what CPython 3.13 prints' % name
    return test


for _file in sorted(os.listdir(PROGRAMS)):
    if _file.endswith('.py'):
        _name = _file[:-3]
        setattr(ProgramTests, 'test_' + _name, _make_test(_name))


if __name__ == '__main__':
    unittest.main()
