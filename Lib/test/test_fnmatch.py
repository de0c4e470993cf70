"""Tests of fnmatch: shell-style matching and the regex text of translate()."""

import fnmatch
import os
import unittest
from fnmatch import fnmatchcase, translate


class FnmatchcaseTests(unittest.TestCase):

    def check(self, name, pat, expected=True):
        with self.subTest(name=name, pat=pat):
            self.assertIs(fnmatchcase(name, pat), expected)

    def test_literals(self):
        self.check('abc', 'abc')
        self.check('abc', 'abd', False)
        self.check('', '')
        self.check('a', '', False)
        self.check('', 'a', False)

    def test_star_and_question(self):
        self.check('abc', '*')
        self.check('', '*')
        self.check('abc', 'a*')
        self.check('abc', '*c')
        self.check('abc', 'a*c')
        self.check('ac', 'a*c')
        self.check('abc', 'a*b*c')
        self.check('abcbc', '*b*c')
        self.check('abd', 'a*c', False)
        self.check('abc', '???')
        self.check('ab', '???', False)
        self.check('abc', '?b?')
        self.check('abc', '**c')
        self.check('aXbXc', 'a*b*c*')
        self.check('mississippi', '*sip*')
        self.check('mississippi', '*sip*x', False)

    def test_newlines(self):
        self.check('foo\nbar', 'foo*')
        self.check('foo\nbar\n', 'foo*')
        self.check('\nfoo', 'foo*', False)
        self.check('\n', '*')
        self.check('\n', '?')

    def test_sets(self):
        self.check('a', '[abc]')
        self.check('d', '[abc]', False)
        self.check('d', '[!abc]')
        self.check('a', '[!abc]', False)
        self.check('m', '[a-z]')
        self.check('M', '[a-z]', False)
        self.check(']', '[]]')
        self.check('a', '[!]]')
        self.check(']', '[!]]', False)
        self.check('-', '[a-]')
        self.check('-', '[-a]')
        self.check('b', '[!-a]')
        self.check('-', '[!-a]', False)
        self.check('[!]', '[!]')
        self.check('!', '[!]', False)
        self.check('^', '[^a]')
        self.check('a', '[^a]')
        self.check('b', '[^a]', False)
        self.check('\\', '[\\]')
        self.check('[', '[[]')

    def test_empty_ranges(self):
        self.check('a', '[z-a]', False)
        self.check('z', '[z-a]', False)
        self.check('b', '[b-a]', False)
        self.check('-', '[a-c-e]')
        self.check('e', '[a-c-e]')
        self.check('d', '[a-c-e]', False)

    def test_unclosed_bracket(self):
        self.check('[', '[')
        self.check('[a', '[a')
        self.check('[!', '[!')
        self.check('a', '[a', False)

    def test_case(self):
        self.check('ABC', 'abc', False)
        self.check('ABC', 'A?C')

    def test_bytes(self):
        self.assertTrue(fnmatchcase(b'test.py', b'*.py'))
        self.assertFalse(fnmatchcase(b'test.py', b'*.c'))
        self.assertTrue(fnmatchcase(b'\xff', b'?'))
        self.assertRaises(TypeError, fnmatchcase, 'test', b'*')
        self.assertRaises(TypeError, fnmatchcase, b'test', '*')
        self.assertTrue(fnmatchcase(bytearray(b'ab'), b'a?'))

    def test_bad_types(self):
        with self.assertRaises(TypeError) as cm:
            fnmatchcase(1, '*')
        self.assertEqual(str(cm.exception),
                         "expected string or bytes-like object, got 'int'")
        with self.assertRaises(TypeError) as cm:
            fnmatchcase('a', b'*')
        self.assertEqual(str(cm.exception),
                         'cannot use a bytes pattern on a string-like object')
        self.assertRaises(TypeError, fnmatchcase, 'a', 1)
        self.assertRaises(TypeError, translate, 1)

    def test_long_star_run(self):
        # Many stars must not make matching explode.
        self.check('a' * 60, '*a' * 30 + '*b', False)
        self.check('a' * 60, '*a' * 30)


class FnmatchTests(unittest.TestCase):

    def test_normcase(self):
        self.assertTrue(fnmatch.fnmatch('abc', 'a*'))
        if os.path.normcase('A') == 'A':
            self.assertFalse(fnmatch.fnmatch('ABC', 'abc'))
        else:
            self.assertTrue(fnmatch.fnmatch('ABC', 'abc'))

    def test_filter(self):
        names = ['a.py', 'b.txt', 'c.py', 'py']
        self.assertEqual(fnmatch.filter(names, '*.py'), ['a.py', 'c.py'])
        self.assertEqual(fnmatch.filter([], '*'), [])
        self.assertEqual(fnmatch.filter([b'x.c', b'y.h'], b'*.c'), [b'x.c'])
        self.assertEqual(fnmatch.filter(iter(['x', 'y']), 'y'), ['y'])
        self.assertRaises(TypeError, fnmatch.filter, [b'x'], '*')

    def test_all(self):
        self.assertEqual(sorted(fnmatch.__all__),
                         ['filter', 'fnmatch', 'fnmatchcase', 'translate'])


class TranslateTests(unittest.TestCase):

    def check(self, pat, expected):
        with self.subTest(pat=pat):
            self.assertEqual(translate(pat), expected)

    def test_simple(self):
        self.check('', r'(?s:)\Z')
        self.check('abc', r'(?s:abc)\Z')
        self.check('*', r'(?s:.*)\Z')
        self.check('**', r'(?s:.*)\Z')
        self.check('?', r'(?s:.)\Z')
        self.check('*.txt', r'(?s:.*\.txt)\Z')
        self.check('a b#c', r'(?s:a\ b\#c)\Z')
        self.check('a\\b', r'(?s:a\\b)\Z')

    def test_stars(self):
        self.check('*a*b', r'(?s:(?>.*?a).*b)\Z')
        self.check('a*b*c', r'(?s:a(?>.*?b).*c)\Z')
        self.check('*a*b*', r'(?s:(?>.*?a)(?>.*?b).*)\Z')
        self.check('a**b', r'(?s:a.*b)\Z')

    def test_sets(self):
        self.check('[abc]', r'(?s:[abc])\Z')
        self.check('[!abc]', r'(?s:[^abc])\Z')
        self.check('[a-z]', r'(?s:[a-z])\Z')
        self.check('[z-a]', r'(?s:(?!))\Z')
        self.check('[!]', r'(?s:\[!\])\Z')
        self.check('[]]', r'(?s:[]])\Z')
        self.check('[!]]', r'(?s:[^]])\Z')
        self.check('[^a]', r'(?s:[\^a])\Z')
        self.check('[[]', r'(?s:[\[])\Z')
        self.check('[\\]', r'(?s:[\\])\Z')
        self.check('[a-]', r'(?s:[a\-])\Z')
        self.check('[-a]', r'(?s:[\-a])\Z')
        self.check('[a-c-e]', r'(?s:[a-c\-e])\Z')
        self.check('[&~|]', r'(?s:[\&\~\|])\Z')
        self.check('[', r'(?s:\[)\Z')
        self.check('[!', r'(?s:\[!)\Z')


class MoreFnmatchTests(unittest.TestCase):

    def test_star_matches_separators_and_dots(self):
        self.assertTrue(fnmatchcase('a/b/c', 'a*c'))
        self.assertTrue(fnmatchcase('.hidden', '*'))
        self.assertTrue(fnmatchcase('', '*'))
        self.assertFalse(fnmatchcase('', '?'))

    def test_brackets(self):
        self.assertTrue(fnmatchcase(']', '[]]'))
        self.assertTrue(fnmatchcase('-', '[a-]'))
        self.assertTrue(fnmatchcase('!', '[!a]'))
        self.assertFalse(fnmatchcase('a', '[!a]'))
        self.assertTrue(fnmatchcase('^', '[^]'))
        self.assertTrue(fnmatchcase('\\', '[\\]'))
        self.assertTrue(fnmatchcase('[', '['))
        self.assertTrue(fnmatchcase('[a', '[a'))
        self.assertFalse(fnmatchcase('b', '[z-a]'))       # an empty range
        self.assertTrue(fnmatchcase('b', '[a-cx-z]'))

    def test_regex_characters_are_literal(self):
        for name in ['a.b', 'a+b', '(x)', '{1}', 'a|b', '$^']:
            with self.subTest(name=name):
                self.assertTrue(fnmatchcase(name, name))
        self.assertFalse(fnmatchcase('axb', 'a.b'))

    def test_translate(self):
        self.assertEqual(translate('*.py'), r'(?s:.*\.py)\Z')
        self.assertEqual(translate('a?b'), r'(?s:a.b)\Z')
        self.assertEqual(translate('[!x]'), r'(?s:[^x])\Z')
        self.assertEqual(translate('**'), r'(?s:.*)\Z')
        self.assertEqual(translate(''), r'(?s:)\Z')

    def test_filter_and_fnmatch(self):
        names = ['a.py', 'b.PY', 'c.txt', '.py']
        self.assertEqual(fnmatch.filter(names, '*.py'),
                         [n for n in names if fnmatch.fnmatch(n, '*.py')])
        self.assertEqual(fnmatch.filter([], '*'), [])
        self.assertEqual(fnmatch.filter([b'x.c', b'y.h'], b'*.c'), [b'x.c'])


if __name__ == "__main__":
    unittest.main()
