"""Tests for str: construction, indexing, slicing, operators and the ASCII behaviour of the
str methods (see test_unicode.py for non-ASCII text)."""

import unittest


class StrSubclass(str):
    pass


class ConstructionTests(unittest.TestCase):
    def test_empty(self):
        self.assertEqual(str(), '')
        self.assertEqual(len(''), 0)

    def test_from_objects(self):
        self.assertEqual(str(42), '42')
        self.assertEqual(str(None), 'None')
        self.assertEqual(str([1, 'a']), "[1, 'a']")
        self.assertEqual(str(b'ab'), "b'ab'")

    def test_from_bytes(self):
        self.assertEqual(str(b'abc', 'ascii'), 'abc')
        self.assertEqual(str(b'\xc3\xa9', 'utf-8'), '\xe9')
        self.assertEqual(str(b'\xff', 'utf-8', 'replace'), '\ufffd')
        self.assertEqual(str(b'a\xffb', errors='ignore'), 'ab')
        self.assertEqual(str(bytearray(b'xy'), 'latin-1'), 'xy')
        with self.assertRaises(TypeError):
            str('abc', 'utf-8')

    def test_subclass(self):
        s = StrSubclass('abc')
        self.assertEqual(s, 'abc')
        self.assertIs(type(s), StrSubclass)
        self.assertIs(type(str(s)), str)
        self.assertEqual(hash(s), hash('abc'))
        self.assertEqual(s + 'd', 'abcd')
        self.assertEqual(s.upper(), 'ABC')

    def test_str_returns_self(self):
        s = 'hello'
        self.assertIs(str(s), s)


class SequenceTests(unittest.TestCase):
    def test_indexing(self):
        s = 'abcdef'
        self.assertEqual(s[0], 'a')
        self.assertEqual(s[-1], 'f')
        with self.assertRaises(IndexError) as cm:
            s[6]
        self.assertEqual(str(cm.exception), 'string index out of range')
        with self.assertRaises(TypeError):
            s['a']

    def test_slicing(self):
        s = 'abcdef'
        self.assertEqual(s[1:3], 'bc')
        self.assertEqual(s[:], 'abcdef')
        self.assertEqual(s[::2], 'ace')
        self.assertEqual(s[::-1], 'fedcba')
        self.assertEqual(s[-2:], 'ef')
        self.assertEqual(s[4:1:-1], 'edc')
        self.assertEqual(s[10:], '')
        self.assertEqual(s[1:100:3], 'be')

    def test_iteration(self):
        self.assertEqual(list('abc'), ['a', 'b', 'c'])
        it = iter('ab')
        self.assertEqual(next(it), 'a')
        self.assertEqual(next(it), 'b')
        self.assertRaises(StopIteration, next, it)

    def test_contains(self):
        self.assertIn('bc', 'abcd')
        self.assertIn('', 'abc')
        self.assertNotIn('x', 'abc')
        with self.assertRaises(TypeError):
            1 in 'abc'

    def test_concat_repeat(self):
        self.assertEqual('ab' + 'cd', 'abcd')
        self.assertEqual('ab' * 3, 'ababab')
        self.assertEqual(3 * 'ab', 'ababab')
        self.assertEqual('ab' * 0, '')
        self.assertEqual('ab' * -1, '')
        with self.assertRaises(TypeError) as cm:
            'a' + 1
        self.assertEqual(str(cm.exception), 'can only concatenate str (not "int") to str')

    def test_augmented_concat(self):
        s = ''
        for i in range(100):
            s += str(i % 10)
        self.assertEqual(len(s), 100)
        self.assertEqual(s[:12], '012345678901')

    def test_comparisons(self):
        self.assertTrue('a' < 'b')
        self.assertTrue('ab' < 'abc')
        self.assertTrue('abc' <= 'abc')
        self.assertTrue('b' > 'abc')
        self.assertTrue('abc' == 'abc')
        self.assertTrue('abc' != 'abd')
        self.assertFalse('a' == 1)
        with self.assertRaises(TypeError):
            'a' < 1

    def test_hash(self):
        self.assertEqual(hash('abc'), hash('ab' + 'c'))
        self.assertEqual(hash(''), 0)
        d = {'key': 1}
        self.assertEqual(d['k' + 'ey'], 1)

    def test_len(self):
        self.assertEqual(len('abc'), 3)
        self.assertEqual(len('a' * 1000), 1000)


class MethodTests(unittest.TestCase):
    def test_case(self):
        self.assertEqual('Hello World'.lower(), 'hello world')
        self.assertEqual('Hello World'.upper(), 'HELLO WORLD')
        self.assertEqual('Hello World'.swapcase(), 'hELLO wORLD')
        self.assertEqual('hello world'.capitalize(), 'Hello world')
        self.assertEqual('HELLO'.capitalize(), 'Hello')
        self.assertEqual("they're bill's friends".title(), "They'Re Bill'S Friends")
        self.assertEqual('ABC'.casefold(), 'abc')

    def test_is(self):
        self.assertTrue('abc'.isalpha())
        self.assertFalse('ab1'.isalpha())
        self.assertFalse(''.isalpha())
        self.assertTrue('ab1'.isalnum())
        self.assertTrue('123'.isdigit())
        self.assertTrue('123'.isdecimal())
        self.assertTrue('123'.isnumeric())
        self.assertTrue(' \t\n'.isspace())
        self.assertFalse(''.isspace())
        self.assertTrue('abc'.islower())
        self.assertFalse('aBc'.islower())
        self.assertTrue('ABC'.isupper())
        self.assertTrue('Hello World'.istitle())
        self.assertFalse('Hello world'.istitle())
        self.assertTrue('abc'.isascii())
        self.assertTrue(''.isascii())
        self.assertTrue('_abc1'.isidentifier())
        self.assertFalse('1abc'.isidentifier())
        self.assertFalse(''.isidentifier())
        self.assertTrue('abc def'.isprintable())
        self.assertTrue(''.isprintable())
        self.assertFalse('a\n'.isprintable())

    def test_find(self):
        s = 'abcabc'
        self.assertEqual(s.find('b'), 1)
        self.assertEqual(s.find('b', 2), 4)
        self.assertEqual(s.find('b', 2, 4), -1)
        self.assertEqual(s.find('z'), -1)
        self.assertEqual(s.find(''), 0)
        self.assertEqual(s.find('', 6), 6)
        self.assertEqual(s.find('', 7), -1)
        self.assertEqual(s.rfind('b'), 4)
        self.assertEqual(s.rfind(''), 6)
        self.assertEqual(s.find('c', -2), 5)
        self.assertEqual(s.find('a', None, None), 0)
        self.assertEqual(s.index('c'), 2)
        self.assertEqual(s.rindex('c'), 5)
        with self.assertRaises(ValueError) as cm:
            s.index('z')
        self.assertEqual(str(cm.exception), 'substring not found')
        with self.assertRaises(TypeError):
            s.find(1)

    def test_count(self):
        self.assertEqual('aaa'.count('a'), 3)
        self.assertEqual('aaa'.count('aa'), 1)
        self.assertEqual('abc'.count(''), 4)
        self.assertEqual('abcabc'.count('bc', 2), 1)

    def test_startswith_endswith(self):
        s = 'hello world'
        self.assertTrue(s.startswith('hello'))
        self.assertTrue(s.startswith(('x', 'he')))
        self.assertFalse(s.startswith('world'))
        self.assertTrue(s.startswith('world', 6))
        self.assertTrue(s.endswith('world'))
        self.assertTrue(s.endswith('lo', 0, 5))
        self.assertTrue(s.endswith(''))
        self.assertFalse(s.endswith(()))
        with self.assertRaises(TypeError) as cm:
            s.startswith(1)
        self.assertEqual(str(cm.exception),
                         'startswith first arg must be str or a tuple of str, not int')
        with self.assertRaises(TypeError):
            s.endswith(('a', 1))

    def test_strip(self):
        self.assertEqual('  abc  '.strip(), 'abc')
        self.assertEqual('  abc  '.lstrip(), 'abc  ')
        self.assertEqual('  abc  '.rstrip(), '  abc')
        self.assertEqual('xxabcxx'.strip('x'), 'abc')
        self.assertEqual('xyabcyx'.strip('xy'), 'abc')
        self.assertEqual('abc'.strip(None), 'abc')
        self.assertEqual('\t\n abc \x0b\x0c\r'.strip(), 'abc')

    def test_split(self):
        self.assertEqual('a b  c'.split(), ['a', 'b', 'c'])
        self.assertEqual('  a b  '.split(), ['a', 'b'])
        self.assertEqual(''.split(), [])
        self.assertEqual('a,b,,c'.split(','), ['a', 'b', '', 'c'])
        self.assertEqual('a,b,c'.split(',', 1), ['a', 'b,c'])
        self.assertEqual('a b c'.split(None, 1), ['a', 'b c'])
        self.assertEqual('  a b c  '.split(maxsplit=1), ['a', 'b c  '])
        self.assertEqual(''.split(','), [''])
        self.assertEqual('a b c'.rsplit(None, 1), ['a b', 'c'])
        self.assertEqual('a,b,c'.rsplit(',', 1), ['a,b', 'c'])
        self.assertEqual('  a b c  '.rsplit(maxsplit=1), ['  a b', 'c'])
        self.assertEqual('abab'.split('ab'), ['', '', ''])
        self.assertEqual('  a b  '.split(None, 0), ['a b  '])
        self.assertEqual('  a b  '.rsplit(None, 0), ['  a b'])
        self.assertEqual('a,b'.split(',', 0), ['a,b'])
        with self.assertRaises(ValueError) as cm:
            'abc'.split('')
        self.assertEqual(str(cm.exception), 'empty separator')

    def test_splitlines(self):
        self.assertEqual('a\nb\r\nc\rd'.splitlines(), ['a', 'b', 'c', 'd'])
        self.assertEqual('a\nb\n'.splitlines(), ['a', 'b'])
        self.assertEqual('a\nb\n'.splitlines(True), ['a\n', 'b\n'])
        self.assertEqual('a\x0bb\x0cc\x1cd\x1de\x1ef\x85g'.splitlines(),
                         ['a', 'b', 'c', 'd', 'e', 'f', 'g'])
        self.assertEqual(''.splitlines(), [])

    def test_partition(self):
        self.assertEqual('a=b=c'.partition('='), ('a', '=', 'b=c'))
        self.assertEqual('a=b=c'.rpartition('='), ('a=b', '=', 'c'))
        self.assertEqual('abc'.partition('='), ('abc', '', ''))
        self.assertEqual('abc'.rpartition('='), ('', '', 'abc'))
        self.assertRaises(ValueError, 'abc'.partition, '')

    def test_join(self):
        self.assertEqual(','.join(['a', 'b', 'c']), 'a,b,c')
        self.assertEqual(''.join([]), '')
        self.assertEqual('-'.join('abc'), 'a-b-c')
        self.assertEqual(', '.join(x for x in 'ab'), 'a, b')
        with self.assertRaises(TypeError) as cm:
            ','.join(['a', 1])
        self.assertEqual(str(cm.exception), 'sequence item 1: expected str instance, int found')

    def test_replace(self):
        self.assertEqual('aaa'.replace('a', 'b'), 'bbb')
        self.assertEqual('aaa'.replace('a', 'b', 2), 'bba')
        self.assertEqual('aaa'.replace('a', 'b', count=1), 'baa')
        self.assertEqual('abc'.replace('', '-'), '-a-b-c-')
        self.assertEqual('abc'.replace('x', 'y'), 'abc')
        self.assertEqual('abcabc'.replace('bc', ''), 'aa')

    def test_affixes(self):
        self.assertEqual('prefix_x'.removeprefix('prefix_'), 'x')
        self.assertEqual('x'.removeprefix('y'), 'x')
        self.assertEqual('x_suffix'.removesuffix('_suffix'), 'x')
        self.assertEqual('abc'.removesuffix(''), 'abc')

    def test_padding(self):
        self.assertEqual('ab'.ljust(5), 'ab   ')
        self.assertEqual('ab'.rjust(5, '*'), '***ab')
        self.assertEqual('ab'.center(6), '  ab  ')
        self.assertEqual('ab'.center(5), '  ab ')
        self.assertEqual('abc'.center(6, '-'), '-abc--')
        self.assertEqual('abc'.ljust(2), 'abc')
        self.assertEqual('42'.zfill(5), '00042')
        self.assertEqual('-42'.zfill(5), '-0042')
        self.assertEqual('+42'.zfill(2), '+42')
        with self.assertRaises(TypeError) as cm:
            'a'.center(5, 'xy')
        self.assertEqual(str(cm.exception),
                         'The fill character must be exactly one character long')

    def test_expandtabs(self):
        self.assertEqual('a\tb'.expandtabs(), 'a       b')
        self.assertEqual('a\tb'.expandtabs(4), 'a   b')
        self.assertEqual('ab\n\tc'.expandtabs(4), 'ab\n    c')
        self.assertEqual('a\tb'.expandtabs(0), 'ab')

    def test_translate(self):
        table = str.maketrans('abc', 'xyz', 'd')
        self.assertEqual('abcd'.translate(table), 'xyz')
        self.assertEqual('abc'.translate({ord('a'): 'AA', ord('b'): None}), 'AAc')
        self.assertEqual(str.maketrans({'a': 'b'}), {97: 'b'})
        with self.assertRaises(ValueError):
            str.maketrans('ab', 'c')

    def test_encode(self):
        self.assertEqual('abc'.encode(), b'abc')
        self.assertEqual('abc'.encode('ascii'), b'abc')
        self.assertEqual('\xe9'.encode('latin-1'), b'\xe9')
        self.assertEqual('\xe9'.encode(), b'\xc3\xa9')
        self.assertEqual('\xe9'.encode('ascii', 'replace'), b'?')
        self.assertEqual('\xe9'.encode('ascii', 'ignore'), b'')
        self.assertEqual('\xe9'.encode(encoding='ascii', errors='xmlcharrefreplace'), b'&#233;')
        self.assertRaises(UnicodeEncodeError, '\xe9'.encode, 'ascii')
        self.assertRaises(LookupError, 'a'.encode, 'no-such-codec')


class ReprTests(unittest.TestCase):
    def test_quotes(self):
        self.assertEqual(repr('abc'), "'abc'")
        self.assertEqual(repr("it's"), '"it\'s"')
        self.assertEqual(repr('say "hi"'), '\'say "hi"\'')
        self.assertEqual(repr('it\'s "x"'), '\'it\\\'s "x"\'')

    def test_escapes(self):
        self.assertEqual(repr('\n\t\r\\'), "'\\n\\t\\r\\\\'")
        self.assertEqual(repr('\x00\x1f\x7f'), "'\\x00\\x1f\\x7f'")
        self.assertEqual(ascii('\xe9'), "'\\xe9'")


class IterTests(unittest.TestCase):
    def test_length_hint(self):
        it = iter('abc')
        next(it)
        self.assertEqual(it.__length_hint__(), 2)

    def test_sizeof(self):
        self.assertGreater('abc'.__sizeof__(), 3)
        self.assertGreater(('a' * 100).__sizeof__(), ('a' * 10).__sizeof__())


if __name__ == "__main__":
    unittest.main()
