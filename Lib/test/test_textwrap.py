"""Tests for the textwrap module."""

import unittest
import textwrap
from textwrap import TextWrapper, wrap, fill, shorten, dedent, indent

SAMPLE = ('The quick brown fox jumps over the lazy dog. It was a well-known '
          'fact -- said everyone!  Really? Yes.')


class WrapTests(unittest.TestCase):

    def test_basic(self):
        self.assertEqual(wrap(SAMPLE, 20), [
            'The quick brown fox', 'jumps over the lazy',
            'dog. It was a well-', 'known fact -- said',
            'everyone!  Really?', 'Yes.'])

    def test_fix_sentence_endings(self):
        self.assertEqual(wrap(SAMPLE, 20, fix_sentence_endings=True)[2],
                         'dog.  It was a well-')
        w = TextWrapper(60, fix_sentence_endings=True)
        self.assertEqual(w.fill('I said "hi." Then? Ok. A. B.'),
                         'I said "hi."  Then?  Ok.  A. B.')

    def test_no_hyphen_breaking(self):
        self.assertEqual(wrap(SAMPLE, 15, break_on_hyphens=False), [
            'The quick brown', 'fox jumps over', 'the lazy dog.', 'It was a',
            'well-known fact', '-- said', 'everyone!', 'Really? Yes.'])

    def test_long_words(self):
        text = 'supercalifragilisticexpialidocious word'
        self.assertEqual(wrap(text, 10),
                         ['supercalif', 'ragilistic', 'expialidoc', 'ious word'])
        self.assertEqual(wrap(text, 10, break_long_words=False),
                         ['supercalifragilisticexpialidocious', 'word'])

    def test_hyphenated(self):
        self.assertEqual(wrap('a-very-long-hyphenated-compound here', 12),
                         ['a-very-long-', 'hyphenated-', 'compound', 'here'])
        self.assertEqual(wrap('foo-bar-baz', 6), ['foo-', 'bar-', 'baz'])
        self.assertEqual(wrap('1-2-3-4-5-6', 4), ['1-2-', '3-4-', '5-6'])

    def test_em_dash(self):
        self.assertEqual(wrap('this--is--dashed text', 8),
                         ['this--is', '--dashed', 'text'])

    def test_indents(self):
        self.assertEqual(fill(SAMPLE, 30, initial_indent='* ',
                              subsequent_indent='  '),
                         '* The quick brown fox jumps\n'
                         '  over the lazy dog. It was a\n'
                         '  well-known fact -- said\n'
                         '  everyone!  Really? Yes.')

    def test_max_lines(self):
        self.assertEqual(fill(SAMPLE, 30, max_lines=2),
                         'The quick brown fox jumps over\nthe lazy dog. It was a [...]')
        self.assertEqual(
            wrap('Hello there, how are you this fine day?  I am glad.', 15,
                 max_lines=2, placeholder=' ...'),
            ['Hello there,', 'how are you ...'])
        with self.assertRaises(ValueError) as cm:
            wrap(SAMPLE, 4, max_lines=1)
        self.assertEqual(str(cm.exception), 'placeholder too large for max width')

    def test_whitespace_options(self):
        self.assertEqual(wrap('a\tb c', 20), ['a       b c'])
        self.assertEqual(wrap('a\tb c', 20, tabsize=4), ['a   b c'])
        self.assertEqual(wrap(' a\n b ', 20, drop_whitespace=False), [' a  b '])
        self.assertEqual(wrap('a\nb', 20, replace_whitespace=False), ['a\nb'])
        self.assertEqual(wrap('', 10), [])
        self.assertEqual(wrap('   ', 10), [])

    def test_invalid_width(self):
        with self.assertRaises(ValueError) as cm:
            wrap('abc', 0)
        self.assertEqual(str(cm.exception), 'invalid width 0 (must be > 0)')

    def test_attributes(self):
        w = TextWrapper()
        self.assertEqual(w.width, 70)
        self.assertEqual(w.placeholder, ' [...]')
        self.assertIsNone(w.max_lines)
        self.assertEqual(w.tabsize, 8)
        w.width = 5
        self.assertEqual(w.wrap('aaa bbb'), ['aaa', 'bbb'])


class ShortenTests(unittest.TestCase):

    def test_shorten(self):
        self.assertEqual(shorten('Hello  world!', width=12), 'Hello world!')
        self.assertEqual(shorten('Hello world!', width=11), 'Hello [...]')
        self.assertEqual(shorten('Hello world', width=10, placeholder='...'),
                         'Hello...')


class DedentIndentTests(unittest.TestCase):

    def test_dedent(self):
        self.assertEqual(dedent('    a\n      b\n\n    c\n'), 'a\n  b\n\nc\n')
        self.assertEqual(dedent('\ta\n  b\n'), '\ta\n  b\n')
        self.assertEqual(dedent('  x\n \n  y'), 'x\n\ny')
        self.assertEqual(dedent('\t  a\n\t b\n'), ' a\nb\n')
        self.assertEqual(dedent(''), '')

    def test_indent(self):
        self.assertEqual(indent('a\n\nb\n', '> '), '> a\n\n> b\n')
        self.assertEqual(indent('a\n\nb\n', '+', lambda line: True), '+a\n+\n+b\n')
        self.assertEqual(indent('a\r\nb', '  '), '  a\r\n  b')


if __name__ == "__main__":
    unittest.main()
