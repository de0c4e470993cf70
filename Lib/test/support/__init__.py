"""Helpers shared by Braid's tests."""

import sys

__all__ = ['cpython_only', 'braid_only', 'is_free_threaded', 'gc_collect', 'check_syntax_error',
           'requires_reference_python', 'REFERENCE_PYTHON']

is_braid = sys.implementation.name == 'braid'
# True in the free-threaded build (configure --disable-gil).
is_free_threaded = 't' in getattr(sys, 'abiflags', '')

# CPython 3.13, the behaviour Braid follows, when this machine has it (never in CI).
REFERENCE_PYTHON = '/root/.pyenv/versions/3.13.0/bin/python3.13'


def cpython_only(test):
    """Skip the test on implementations other than CPython."""
    import unittest
    return unittest.skipUnless(sys.implementation.name == 'cpython', 'CPython only')(test)


def braid_only(test):
    """Skip the test on implementations other than Braid."""
    import unittest
    return unittest.skipUnless(is_braid, 'Braid only')(test)


def requires_reference_python(test):
    """Skip the test, saying so, when the reference CPython 3.13 is not installed."""
    import unittest
    import os
    return unittest.skipUnless(os.path.exists(REFERENCE_PYTHON),
                               'reference CPython 3.13 not installed')(test)


def gc_collect():
    """Collect garbage thoroughly (three passes, as finalizers may free more)."""
    import gc
    gc.collect()
    gc.collect()
    gc.collect()


def check_syntax_error(testcase, statement, errtext='', *, lineno=None, offset=None):
    """Assert that compiling statement raises SyntaxError, optionally checking the message
    (a substring), the line and the column."""
    with testcase.assertRaises(SyntaxError) as cm:
        compile(statement, '<test string>', 'exec')
    err = cm.exception
    testcase.assertIsNotNone(err.lineno)
    if errtext:
        testcase.assertIn(errtext, str(err.msg))
    if lineno is not None:
        testcase.assertEqual(err.lineno, lineno)
    if offset is not None:
        testcase.assertEqual(err.offset, offset)
    return err
