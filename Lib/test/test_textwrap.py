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


class MoreWrapTests(unittest.TestCase):

    def test_width_one_and_long_words(self):
        self.assertEqual(wrap('abc de', 1), ['a', 'b', 'c', 'd', 'e'])
        self.assertEqual(wrap('abcdefgh', 3), ['abc', 'def', 'gh'])
        self.assertEqual(wrap('abcdefgh ij', 3, break_long_words=False), ['abcdefgh', 'ij'])

    def test_tabs(self):
        self.assertEqual(wrap('a\tb', 20), ['a       b'])
        self.assertEqual(wrap('a\tb', 20, tabsize=4), ['a   b'])
        self.assertEqual(wrap('a\tb', 20, expand_tabs=False), ['a b'])
        self.assertEqual(wrap('a\tb', 20, expand_tabs=False, replace_whitespace=False),
                         ['a\tb'])

    def test_drop_whitespace(self):
        self.assertEqual(wrap('  a  b  ', 3), ['  a', 'b'])
        self.assertEqual(wrap('  a  b  ', 3, drop_whitespace=False), ['  a', '  b', '  '])
        self.assertEqual(wrap('   ', 5), [])
        self.assertEqual(wrap('', 5), [])

    def test_hyphens(self):
        self.assertEqual(wrap('one-two-three', 8), ['one-two-', 'three'])
        self.assertEqual(wrap('one-two-three', 8, break_on_hyphens=False),
                         ['one-two-', 'three'])
        self.assertEqual(wrap('a--b--c', 4), ['a--b', '--c'])

    def test_max_lines_placeholder(self):
        text = 'one two three four five six'
        self.assertEqual(wrap(text, 12, max_lines=2), ['one two', 'three [...]'])
        self.assertEqual(wrap(text, 12, max_lines=2, placeholder='~'), ['one two', 'three four~'])
        self.assertEqual(wrap('short', 12, max_lines=1), ['short'])
        with self.assertRaises(ValueError) as cm:
            wrap(text, 5, max_lines=1, placeholder='[......]')
        self.assertEqual(str(cm.exception), 'placeholder too large for max width')

    def test_shorten_edges(self):
        self.assertEqual(shorten('Hello  world!', 12), 'Hello world!')
        self.assertEqual(shorten('Hello world!', 11), 'Hello [...]')
        self.assertEqual(shorten('Hello world!', 11, placeholder='...'), 'Hello...')
        self.assertEqual(shorten('   ', 5), '')
        with self.assertRaises(ValueError):
            shorten('Hello world', 3)

    def test_fill_joins_with_newlines(self):
        self.assertEqual(fill('a b c d', 3), 'a b\nc d')
        self.assertEqual(fill('a b c d', 3, initial_indent='>', subsequent_indent='.'),
                         '>a\n.b\n.c\n.d')

    def test_dedent_mixed_and_blank_lines(self):
        self.assertEqual(dedent('  a\n    b\n'), 'a\n  b\n')
        self.assertEqual(dedent('\ta\n\tb'), 'a\nb')
        self.assertEqual(dedent(' \ta\n  b'), '\ta\n b')     # the common prefix is ' '
        self.assertEqual(dedent('  a\n\n  b'), 'a\n\nb')
        self.assertEqual(dedent('  a\n   \n  b'), 'a\n\nb')      # whitespace-only lines
        self.assertEqual(dedent(''), '')

    def test_indent_predicate(self):
        self.assertEqual(indent('a\n\nb\n', '> '), '> a\n\n> b\n')
        self.assertEqual(indent('a\n\nb\n', '> ', lambda line: True), '> a\n> \n> b\n')
        self.assertEqual(indent('ab\ncd', '#', lambda line: 'c' in line), 'ab\n#cd')


if __name__ == "__main__":
    unittest.main()
