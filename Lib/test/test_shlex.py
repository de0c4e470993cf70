"""Tests for the shlex module."""

import io
import unittest
import shlex


class SplitTests(unittest.TestCase):

    def test_posix_split(self):
        self.assertEqual(shlex.split('foo "bar baz" \'q x\' a\\ b # c'),
                         ['foo', 'bar baz', 'q x', 'a b', '#', 'c'])
        self.assertEqual(shlex.split('a "b\\"c" \'d\\e\''), ['a', 'b"c', 'd\\e'])
        self.assertEqual(shlex.split('"a"b\'c\'d'), ['abcd'])
        self.assertEqual(shlex.split('"" \'\''), ['', ''])
        self.assertEqual(shlex.split('"\\x\\\\"'), ['\\x\\'])
        self.assertEqual(shlex.split(''), [])

    def test_comments(self):
        self.assertEqual(shlex.split('foo # comment\nbar', comments=True),
                         ['foo', 'bar'])
        self.assertEqual(shlex.split('foo#x bar', comments=True), ['foo'])

    def test_non_posix_split(self):
        self.assertEqual(shlex.split('a "b c" d\'e f\'', posix=False),
                         ['a', '"b c"', "d'e", "f'"])

    def test_errors(self):
        with self.assertRaises(ValueError) as cm:
            shlex.split('a "b')
        self.assertEqual(str(cm.exception), 'No closing quotation')
        with self.assertRaises(ValueError) as cm:
            shlex.split('a \\')
        self.assertEqual(str(cm.exception), 'No escaped character')
        with self.assertRaises(ValueError) as cm:
            shlex.split(None)
        self.assertEqual(str(cm.exception), 's argument must not be None')


class QuoteTests(unittest.TestCase):

    def test_quote(self):
        self.assertEqual(shlex.quote(''), "''")
        safe = 'abcXYZ019-_./@%+=:,'
        self.assertEqual(shlex.quote(safe), safe)
        self.assertEqual(shlex.quote('a b'), "'a b'")
        self.assertEqual(shlex.quote("it's"), "'it'\"'\"'s'")
        self.assertEqual(shlex.quote('\xe9'), "'\xe9'")
        for c in '!#$&*()[]{}<>?;|~`"\\ \t\n':
            with self.subTest(c=c):
                self.assertEqual(shlex.quote('a' + c), "'a" + c + "'")
        with self.assertRaises(TypeError):
            shlex.quote(5)

    def test_join(self):
        self.assertEqual(shlex.join(['echo', 'a b', "c'd", '']),
                         "echo 'a b' 'c'\"'\"'d' ''")
        args = ['x y', "'", '"', 'plain', '$HOME']
        self.assertEqual(shlex.split(shlex.join(args)), args)


class LexerTests(unittest.TestCase):

    def test_defaults(self):
        lex = shlex.shlex('x')
        self.assertEqual(lex.eof, '')
        self.assertEqual(lex.commenters, '#')
        self.assertEqual(lex.whitespace, ' \t\r\n')
        self.assertEqual(lex.quotes, '\'"')
        self.assertEqual(lex.punctuation_chars, '')
        self.assertFalse(lex.whitespace_split)
        self.assertIsNone(shlex.shlex('x', posix=True).eof)

    def test_tokens(self):
        self.assertEqual(list(shlex.shlex('foo(bar) x=1 # hi', posix=True)),
                         ['foo', '(', 'bar', ')', 'x', '=', '1'])
        self.assertEqual(list(shlex.shlex('foo(bar) x=1 # hi')),
                         ['foo', '(', 'bar', ')', 'x', '=', '1'])

    def test_punctuation_chars(self):
        self.assertEqual(list(shlex.shlex('a && b || c;d', punctuation_chars=True)),
                         ['a', '&&', 'b', '||', 'c', ';', 'd'])
        lex = shlex.shlex('ls -l ~/x.txt|wc>out', punctuation_chars=True)
        self.assertEqual(list(lex), ['ls', '-l', '~/x.txt', '|', 'wc', '>', 'out'])
        lex = shlex.shlex('a|b;c', punctuation_chars='|')
        self.assertEqual(lex.punctuation_chars, '|')
        self.assertEqual(list(lex), ['a', '|', 'b', ';', 'c'])

    def test_whitespace_split_with_punctuation(self):
        lex = shlex.shlex('a=b&&c (d)', posix=True, punctuation_chars=True)
        lex.whitespace_split = True
        self.assertEqual(list(lex), ['a=b', '&&', 'c', '(', 'd', ')'])

    def test_get_push_token(self):
        lex = shlex.shlex('one two\nthree', posix=True)
        self.assertEqual(lex.get_token(), 'one')
        self.assertEqual(lex.lineno, 1)
        lex.push_token('X')
        self.assertEqual(lex.get_token(), 'X')
        self.assertEqual(lex.get_token(), 'two')
        self.assertEqual(lex.get_token(), 'three')
        self.assertEqual(lex.lineno, 2)
        self.assertIsNone(lex.get_token())
        self.assertEqual(lex.error_leader('f', 3), '"f", line 3: ')

    def test_read_token(self):
        lex = shlex.shlex(io.StringIO('a "b c"'))
        self.assertEqual(lex.read_token(), 'a')
        self.assertEqual(lex.read_token(), '"b c"')
        self.assertEqual(lex.read_token(), '')

    def test_push_source(self):
        lex = shlex.shlex('a b')
        self.assertEqual(lex.get_token(), 'a')
        lex.push_source('inner text', 'inner')
        self.assertEqual(lex.infile, 'inner')
        self.assertEqual(lex.get_token(), 'inner')
        self.assertEqual(lex.get_token(), 'text')
        self.assertEqual(lex.get_token(), 'b')
        self.assertEqual(lex.get_token(), '')

    def test_sourcehook(self):
        class Lexer(shlex.shlex):
            def sourcehook(self, newfile):
                return (newfile, io.StringIO('from ' + newfile))
        lex = Lexer('x source other y')
        lex.source = 'source'
        self.assertEqual(list(lex), ['x', 'from', 'other', 'y'])


class MoreShlexTests(unittest.TestCase):

    def test_split_quotes_and_escapes(self):
        self.assertEqual(shlex.split(r'a\"b "c\"d" \'e\' f\\g'),
                         ['a"b', 'c"d', "'e'", 'f\\g'])
        self.assertEqual(shlex.split("'a\\b'"), ['a\\b'])        # no escapes in '...'
        self.assertEqual(shlex.split('"a\\b"'), ['a\\b'])        # \\b kept in "..."
        self.assertEqual(shlex.split('"a\\$b"'), ['a\\$b'])     # only \\ and " are escaped
        self.assertEqual(shlex.split('a""b \'\''), ['ab', ''])
        self.assertEqual(shlex.split(''), [])
        self.assertEqual(shlex.split('  \t\n '), [])

    def test_split_errors(self):
        for text, message in [('"open', 'No closing quotation'),
                              ("'open", 'No closing quotation'),
                              ('a\\', 'No escaped character')]:
            with self.subTest(text=text):
                with self.assertRaises(ValueError) as cm:
                    shlex.split(text)
                self.assertEqual(str(cm.exception), message)
        with self.assertRaises(ValueError):
            shlex.split(None)

    def test_comments(self):
        self.assertEqual(shlex.split('a #b\nc', comments=True), ['a', 'c'])
        self.assertEqual(shlex.split('a#b', comments=True), ['a'])     # even inside a word
        self.assertEqual(shlex.split('a #b'), ['a', '#b'])

    def test_quote_round_trip(self):
        for word in ['', 'simple', 'with space', "it's", 'a"b', '$HOME', '*', 'a\nb',
                     '\xe9', '-n', 'x=y', '@%+=:,./-']:
            with self.subTest(word=word):
                self.assertEqual(shlex.split(shlex.quote(word)), [word])
        self.assertEqual(shlex.quote('@%+=:,./-'), '@%+=:,./-')
        self.assertEqual(shlex.quote("it's"), "'it'\"'\"'s'")
        self.assertEqual(shlex.quote(''), "''")
        with self.assertRaises(TypeError):
            shlex.quote(5)

    def test_join(self):
        self.assertEqual(shlex.join(['a b', "c'd", 'e']), "'a b' 'c'\"'\"'d' e")
        self.assertEqual(shlex.split(shlex.join(['x y', '', 'z'])), ['x y', '', 'z'])

    def test_punctuation_chars(self):
        lexer = shlex.shlex('a && b || c; (d) > e 2>&1', punctuation_chars=True)
        self.assertEqual(list(lexer), ['a', '&&', 'b', '||', 'c', ';', '(', 'd', ')', '>',
                                       'e', '2', '>&', '1'])
        lexer = shlex.shlex('a|b&c', punctuation_chars='|')
        self.assertEqual(list(lexer), ['a', '|', 'b', '&', 'c'])
        self.assertEqual(shlex.shlex('x', punctuation_chars='|').punctuation_chars, '|')

    def test_non_posix_keeps_quotes(self):
        lexer = shlex.shlex('a "b c" \'d\'')
        self.assertEqual(list(lexer), ['a', '"b c"', "'d'"])
        lexer = shlex.shlex('a.b-c d', posix=False)
        self.assertEqual(list(lexer), ['a', '.', 'b', '-', 'c', 'd'])

    def test_lineno_and_eof(self):
        lexer = shlex.shlex('a\nb\n\nc', posix=True)
        # the newline ending a token has been read when it is returned
        self.assertEqual((lexer.get_token(), lexer.lineno), ('a', 2))
        self.assertEqual((lexer.get_token(), lexer.lineno), ('b', 3))
        self.assertEqual((lexer.get_token(), lexer.lineno), ('c', 4))
        self.assertIsNone(lexer.get_token())
        self.assertEqual(shlex.shlex('x', posix=False).eof, '')
        lexer = shlex.shlex('x', posix=False)
        lexer.get_token()
        self.assertEqual(lexer.get_token(), '')


if __name__ == "__main__":
    unittest.main()
