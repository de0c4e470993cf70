"""Tests for the getopt module."""

import os
import unittest
import getopt
from getopt import GetoptError


class GetoptTests(unittest.TestCase):

    def setUp(self):
        self.old_posixly = os.environ.get("POSIXLY_CORRECT")
        if self.old_posixly is not None:
            del os.environ["POSIXLY_CORRECT"]

    def tearDown(self):
        if self.old_posixly is not None:
            os.environ["POSIXLY_CORRECT"] = self.old_posixly

    def assertError(self, func, *args, msg, opt):
        with self.assertRaises(GetoptError) as cm:
            func(*args)
        self.assertEqual(str(cm.exception), msg)
        self.assertEqual(cm.exception.msg, msg)
        self.assertEqual(cm.exception.opt, opt)
        self.assertEqual(cm.exception.args, (msg, opt))

    def test_error_class(self):
        self.assertIs(getopt.error, GetoptError)
        self.assertTrue(issubclass(GetoptError, Exception))
        e = GetoptError('boom')
        self.assertEqual(e.opt, '')
        self.assertEqual(str(e), 'boom')

    def test_short_has_arg(self):
        self.assertTrue(getopt.short_has_arg('a', 'a:'))
        self.assertFalse(getopt.short_has_arg('a', 'a'))
        self.assertError(getopt.short_has_arg, 'a', 'b',
                         msg='option -a not recognized', opt='a')

    def test_long_has_args(self):
        self.assertEqual(getopt.long_has_args('abc', ['abc=']), (True, 'abc'))
        self.assertEqual(getopt.long_has_args('abc', ['abc']), (False, 'abc'))
        self.assertEqual(getopt.long_has_args('abc', ['abcd']), (False, 'abcd'))
        self.assertEqual(getopt.long_has_args('abc', ['abc', 'abcd']), (False, 'abc'))
        self.assertError(getopt.long_has_args, 'abc', ['def'],
                         msg='option --abc not recognized', opt='abc')
        self.assertError(getopt.long_has_args, 'abc', ['abcd', 'abcde'],
                         msg='option --abc not a unique prefix', opt='abc')

    def test_do_shorts(self):
        self.assertEqual(getopt.do_shorts([], 'a', 'a', []), ([('-a', '')], []))
        self.assertEqual(getopt.do_shorts([], 'a1', 'a:', []), ([('-a', '1')], []))
        self.assertEqual(getopt.do_shorts([], 'a', 'a:', ['1']), ([('-a', '1')], []))
        self.assertEqual(getopt.do_shorts([], 'a', 'a:', ['1', '2']),
                         ([('-a', '1')], ['2']))
        self.assertError(getopt.do_shorts, [], 'a1', 'a', [],
                         msg='option -1 not recognized', opt='1')
        self.assertError(getopt.do_shorts, [], 'a', 'a:', [],
                         msg='option -a requires argument', opt='a')

    def test_do_longs(self):
        self.assertEqual(getopt.do_longs([], 'abc', ['abc'], []),
                         ([('--abc', '')], []))
        self.assertEqual(getopt.do_longs([], 'abc=1', ['abc='], []),
                         ([('--abc', '1')], []))
        self.assertEqual(getopt.do_longs([], 'abc=1', ['abcd='], []),
                         ([('--abcd', '1')], []))
        self.assertEqual(getopt.do_longs([], 'abc', ['ab', 'abc', 'abcd'], []),
                         ([('--abc', '')], []))
        self.assertEqual(getopt.do_longs([], 'foo=42', ['foo='], []),
                         ([('--foo', '42')], []))
        self.assertError(getopt.do_longs, [], 'abc=1', ['abc'], [],
                         msg='option --abc must not have an argument', opt='abc')
        self.assertError(getopt.do_longs, [], 'abc', ['abc='], [],
                         msg='option --abc requires argument', opt='abc')

    def test_getopt(self):
        cmdline = ['-a', '1', '-b', '--alpha=2', '--beta', '-a', '3', '-a',
                   '', '--beta', 'arg1', 'arg2']
        opts, args = getopt.getopt(cmdline, 'a:b', ['alpha=', 'beta'])
        self.assertEqual(opts, [('-a', '1'), ('-b', ''), ('--alpha', '2'),
                                ('--beta', ''), ('-a', '3'), ('-a', ''),
                                ('--beta', '')])
        self.assertEqual(args, ['arg1', 'arg2'])
        self.assertEqual(getopt.getopt(['-a', '--', '-b'], 'ab'),
                         ([('-a', '')], ['-b']))
        self.assertEqual(getopt.getopt(['-', '-a'], 'a'), ([], ['-', '-a']))
        self.assertEqual(getopt.getopt(['--al', 'x'], '', 'alpha'),
                         ([('--alpha', '')], ['x']))
        self.assertError(getopt.getopt, cmdline, 'a:b', ['alpha', 'beta'],
                         msg='option --alpha must not have an argument', opt='alpha')

    def test_gnu_getopt(self):
        cmdline = ['arg1', '-a', '1', 'arg2', '--alpha', '--beta=2', '--', '-b']
        opts, args = getopt.gnu_getopt(cmdline, 'ab:', ['alpha', 'beta='])
        self.assertEqual(args, ['arg1', '1', 'arg2', '-b'])
        self.assertEqual(opts, [('-a', ''), ('--alpha', ''), ('--beta', '2')])
        self.assertEqual(getopt.gnu_getopt(['-a', '-', '-b', 'x'], 'ab'),
                         ([('-a', ''), ('-b', '')], ['-', 'x']))
        opts, args = getopt.gnu_getopt(cmdline, '+ab:', ['alpha', 'beta='])
        self.assertEqual(opts, [])
        self.assertEqual(args, cmdline)

    def test_posixly_correct(self):
        os.environ["POSIXLY_CORRECT"] = "1"
        try:
            opts, args = getopt.gnu_getopt(['-a', 'x', '-b'], 'ab')
        finally:
            del os.environ["POSIXLY_CORRECT"]
        self.assertEqual(opts, [('-a', '')])
        self.assertEqual(args, ['x', '-b'])


if __name__ == "__main__":
    unittest.main()
