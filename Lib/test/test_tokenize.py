"""Tests for the tokenize and token modules."""

import io
import os
import tempfile
import token
import tokenize
import unittest
from tokenize import ENCODING, ENDMARKER, NAME, OP, TokenInfo


def tokens_of(source):
    """The (type name, string, start, end) of each token of a str source."""
    return [(token.tok_name[t.type], t.string, t.start, t.end)
            for t in tokenize.generate_tokens(io.StringIO(source).readline)]


class TokenModuleTests(unittest.TestCase):

    def test_constants(self):
        self.assertEqual(token.ENDMARKER, 0)
        self.assertEqual(token.NAME, 1)
        self.assertEqual(token.OP, 55)
        self.assertEqual(token.COMMENT, 62)
        self.assertEqual(token.NL, 63)
        self.assertEqual(token.ENCODING, 65)
        self.assertEqual(token.N_TOKENS, 66)
        self.assertEqual(token.NT_OFFSET, 256)
        self.assertEqual(token.tok_name[token.RARROW], 'RARROW')

    def test_exact_token_types(self):
        self.assertEqual(token.EXACT_TOKEN_TYPES['('], token.LPAR)
        self.assertEqual(token.EXACT_TOKEN_TYPES['**='], token.DOUBLESTAREQUAL)
        self.assertEqual(token.EXACT_TOKEN_TYPES['->'], token.RARROW)
        self.assertEqual(token.EXACT_TOKEN_TYPES['...'], token.ELLIPSIS)
        self.assertEqual(token.EXACT_TOKEN_TYPES[':='], token.COLONEQUAL)
        self.assertEqual(len(token.EXACT_TOKEN_TYPES), 48)

    def test_predicates(self):
        self.assertTrue(token.ISTERMINAL(token.NAME))
        self.assertFalse(token.ISTERMINAL(300))
        self.assertTrue(token.ISNONTERMINAL(300))
        self.assertTrue(token.ISEOF(token.ENDMARKER))
        self.assertFalse(token.ISEOF(token.NAME))


class TokenizeTests(unittest.TestCase):

    def test_simple_statement(self):
        self.assertEqual(tokens_of('x = 1 + 2.5\n'), [
            ('NAME', 'x', (1, 0), (1, 1)),
            ('OP', '=', (1, 2), (1, 3)),
            ('NUMBER', '1', (1, 4), (1, 5)),
            ('OP', '+', (1, 6), (1, 7)),
            ('NUMBER', '2.5', (1, 8), (1, 11)),
            ('NEWLINE', '\n', (1, 11), (1, 12)),
            ('ENDMARKER', '', (2, 0), (2, 0)),
        ])

    def test_indentation_and_comments(self):
        source = 'if x:\n    # note\n    y = 2  # trailing\n\nz\n'
        self.assertEqual(tokens_of(source), [
            ('NAME', 'if', (1, 0), (1, 2)),
            ('NAME', 'x', (1, 3), (1, 4)),
            ('OP', ':', (1, 4), (1, 5)),
            ('NEWLINE', '\n', (1, 5), (1, 6)),
            ('COMMENT', '# note', (2, 4), (2, 10)),
            ('NL', '\n', (2, 10), (2, 11)),
            ('INDENT', '    ', (3, 0), (3, 4)),
            ('NAME', 'y', (3, 4), (3, 5)),
            ('OP', '=', (3, 6), (3, 7)),
            ('NUMBER', '2', (3, 8), (3, 9)),
            ('COMMENT', '# trailing', (3, 11), (3, 21)),
            ('NEWLINE', '\n', (3, 21), (3, 22)),
            ('NL', '\n', (4, 0), (4, 1)),
            ('DEDENT', '', (5, 0), (5, 0)),
            ('NAME', 'z', (5, 0), (5, 1)),
            ('NEWLINE', '\n', (5, 1), (5, 2)),
            ('ENDMARKER', '', (6, 0), (6, 0)),
        ])

    def test_brackets_continue_lines(self):
        source = 'f(a,\n  b)\n'
        kinds = [t[0] for t in tokens_of(source)]
        self.assertEqual(kinds, ['NAME', 'OP', 'NAME', 'OP', 'NL', 'NAME', 'OP', 'NEWLINE',
                                 'ENDMARKER'])

    def test_strings(self):
        source = "a = r'x\\'y' + b\"z\" + '''one\ntwo''' + 'c\\\nd'\n"
        strings = [(s, start, end) for kind, s, start, end in tokens_of(source)
                   if kind == 'STRING']
        self.assertEqual(strings, [
            ("r'x\\'y'", (1, 4), (1, 11)),
            ('b"z"', (1, 14), (1, 18)),
            ("'''one\ntwo'''", (1, 21), (2, 6)),
            ("'c\\\nd'", (2, 9), (3, 2)),
        ])

    def test_fstring_parts(self):
        self.assertEqual(tokens_of('f"a{{b{x!r:>{w}.2f}c"\n')[:15], [
            ('FSTRING_START', 'f"', (1, 0), (1, 2)),
            ('FSTRING_MIDDLE', 'a{', (1, 2), (1, 4)),
            ('FSTRING_MIDDLE', 'b', (1, 5), (1, 6)),
            ('OP', '{', (1, 6), (1, 7)),
            ('NAME', 'x', (1, 7), (1, 8)),
            ('OP', '!', (1, 8), (1, 9)),
            ('NAME', 'r', (1, 9), (1, 10)),
            ('OP', ':', (1, 10), (1, 11)),
            ('FSTRING_MIDDLE', '>', (1, 11), (1, 12)),
            ('OP', '{', (1, 12), (1, 13)),
            ('NAME', 'w', (1, 13), (1, 14)),
            ('OP', '}', (1, 14), (1, 15)),
            ('FSTRING_MIDDLE', '.2f', (1, 15), (1, 18)),
            ('OP', '}', (1, 18), (1, 19)),
            ('FSTRING_MIDDLE', 'c', (1, 19), (1, 20)),
        ])

    def test_fstring_expressions(self):
        kinds = [t[:2] for t in tokens_of('f"{ {1: 2}[1] }{x=}{y:}{f\'{z}\'}"\n')]
        self.assertEqual(kinds[:12], [
            ('FSTRING_START', 'f"'), ('OP', '{'), ('OP', '{'), ('NUMBER', '1'),
            ('OP', ':'), ('NUMBER', '2'), ('OP', '}'), ('OP', '['), ('NUMBER', '1'),
            ('OP', ']'), ('OP', '}'), ('OP', '{')])
        self.assertEqual(kinds[12:21], [
            ('NAME', 'x'), ('OP', '='), ('OP', '}'), ('OP', '{'), ('NAME', 'y'),
            ('OP', ':'), ('FSTRING_MIDDLE', ''), ('OP', '}'), ('OP', '{')])
        self.assertEqual(kinds[21:], [
            ('FSTRING_START', "f'"), ('OP', '{'), ('NAME', 'z'), ('OP', '}'),
            ('FSTRING_END', "'"), ('OP', '}'), ('FSTRING_END', '"'), ('NEWLINE', '\n'),
            ('ENDMARKER', '')])

    def test_multiline_fstring(self):
        toks = list(tokenize.generate_tokens(io.StringIO('x = f"""a\n{b}\nc""" + 1\n').readline))
        middle = toks[3]
        self.assertEqual((token.tok_name[middle.type], middle.string, middle.start, middle.end,
                          middle.line),
                         ('FSTRING_MIDDLE', 'a\n', (1, 8), (2, 0), 'x = f"""a\n{b}\n'))
        end = toks[8]
        self.assertEqual((end.string, end.start, end.line), ('"""', (3, 1), 'c""" + 1\n'))

    def test_fstring_named_escape_and_errors(self):
        self.assertEqual([t[1] for t in tokens_of('f"\\N{DASH}{x}"\n')][:3],
                         ['f"', '\\N{DASH}', '{'])
        with self.assertRaises(tokenize.TokenError):
            tokens_of('f"abc\n')
        with self.assertRaises(tokenize.TokenError):
            tokens_of('f"a}b"\n')

    def test_numbers(self):
        source = '0x_ff 1_000 0o17 0b1 1e-3 .5 1j 3.14J 10.\n'
        numbers = [s for kind, s, _, _ in tokens_of(source) if kind == 'NUMBER']
        self.assertEqual(numbers, ['0x_ff', '1_000', '0o17', '0b1', '1e-3', '.5', '1j',
                                   '3.14J', '10.'])

    def test_operators_and_exact_type(self):
        toks = list(tokenize.generate_tokens(io.StringIO('a **= b -> ... := @\n').readline))
        ops = [t for t in toks if t.type == OP]
        self.assertEqual([t.string for t in ops], ['**=', '->', '...', ':=', '@'])
        self.assertEqual([token.tok_name[t.exact_type] for t in ops],
                         ['DOUBLESTAREQUAL', 'RARROW', 'ELLIPSIS', 'COLONEQUAL', 'AT'])
        self.assertEqual(toks[0].exact_type, NAME)

    def test_no_trailing_newline(self):
        self.assertEqual(tokens_of('x'), [
            ('NAME', 'x', (1, 0), (1, 1)),
            ('NEWLINE', '', (1, 1), (1, 2)),
            ('ENDMARKER', '', (2, 0), (2, 0)),
        ])

    def test_dedents_at_end(self):
        kinds = [t[0] for t in tokens_of('def f():\n  if x:\n    pass\n')]
        self.assertEqual(kinds[-3:], ['DEDENT', 'DEDENT', 'ENDMARKER'])

    def test_backslash_continuation(self):
        kinds = [t[0] for t in tokens_of('x = 1 + \\\n    2\n')]
        self.assertEqual(kinds, ['NAME', 'OP', 'NUMBER', 'OP', 'NUMBER', 'NEWLINE',
                                 'ENDMARKER'])

    def test_tokeninfo_repr(self):
        tok = TokenInfo(NAME, 'x', (1, 0), (1, 1), 'x\n')
        self.assertEqual(repr(tok), "TokenInfo(type=1 (NAME), string='x', start=(1, 0), "
                                    "end=(1, 1), line='x\\n')")

    def test_tokenize_bytes_starts_with_encoding(self):
        toks = list(tokenize.tokenize(io.BytesIO(b'pass\n').readline))
        self.assertEqual(toks[0], TokenInfo(ENCODING, 'utf-8', (0, 0), (0, 0), ''))
        self.assertEqual(toks[1].string, 'pass')

    def test_tokenize_decodes_with_cookie(self):
        source = '# -*- coding: latin-1 -*-\ns = "\xe9"\n'.encode('latin-1')
        toks = list(tokenize.tokenize(io.BytesIO(source).readline))
        self.assertEqual(toks[0].string, 'iso-8859-1')
        self.assertIn('"\xe9"', [t.string for t in toks])

    def test_errors(self):
        with self.assertRaises(tokenize.TokenError):
            tokens_of('f(1,\n')
        with self.assertRaises(tokenize.TokenError):
            tokens_of('"""never closed\n')
        with self.assertRaises(IndentationError):
            tokens_of('if x:\n    a\n  b\n')

    def test_readline_may_raise_stop_iteration(self):
        lines = iter(['a = 1\n'])
        toks = list(tokenize.generate_tokens(lambda: next(lines)))
        self.assertEqual(toks[-1].type, ENDMARKER)


class DetectEncodingTests(unittest.TestCase):

    def detect(self, data):
        return tokenize.detect_encoding(io.BytesIO(data).readline)

    def test_default_utf8(self):
        self.assertEqual(self.detect(b'print(1)\nx\n'), ('utf-8', [b'print(1)\n']))

    def test_bom(self):
        self.assertEqual(self.detect(b'\xef\xbb\xbfx = 1\n'), ('utf-8-sig', [b'x = 1\n']))

    def test_cookie_on_second_line(self):
        encoding, lines = self.detect(b'#!/usr/bin/python\n# vim: set fileencoding=ascii :\n'
                                      b'x\n')
        self.assertEqual(encoding, 'ascii')
        self.assertEqual(len(lines), 2)

    def test_cookie_after_code_is_ignored(self):
        self.assertEqual(self.detect(b'x = 1\n# coding: latin-1\n')[0], 'utf-8')

    def test_normalized_names(self):
        self.assertEqual(self.detect(b'# coding: UTF_8\n')[0], 'utf-8')
        self.assertEqual(self.detect(b'# coding: Latin-1\n')[0], 'iso-8859-1')
        self.assertEqual(self.detect(b'# coding: utf-8-unix\n')[0], 'utf-8')

    def test_bad_cookies(self):
        with self.assertRaises(SyntaxError):
            self.detect(b'# coding: no-such-codec\n')
        with self.assertRaises(SyntaxError):
            self.detect(b'\xef\xbb\xbf# coding: latin-1\n')

    def test_empty(self):
        self.assertEqual(self.detect(b''), ('utf-8', []))

    def test_open(self):
        fd, path = tempfile.mkstemp(suffix='.py')
        self.addCleanup(os.remove, path)
        with os.fdopen(fd, 'wb') as f:
            f.write('# coding: latin-1\nname = "caf\xe9"\n'.encode('latin-1'))
        with tokenize.open(path) as f:
            self.assertEqual(f.encoding, 'iso-8859-1')
            self.assertEqual(f.mode, 'r')
            self.assertEqual(f.read(), '# coding: latin-1\nname = "caf\xe9"\n')


class UntokenizeTests(unittest.TestCase):

    def test_roundtrip_exact(self):
        source = ('def f(a, *, b=2):\n'
                  '    """Doc."""\n'
                  '    return a  +  b   # sum\n'
                  '\n'
                  'x = [1,\n'
                  '     2]\n')
        toks = list(tokenize.generate_tokens(io.StringIO(source).readline))
        self.assertEqual(tokenize.untokenize(toks), source)

    def test_backslash_continuation(self):
        source = 'x = 1  \\\n    + y\n'
        toks = list(tokenize.generate_tokens(io.StringIO(source).readline))
        result = tokenize.untokenize(toks)
        self.assertEqual(result, 'x = 1\\\n    + y\n')
        again = list(tokenize.generate_tokens(io.StringIO(result).readline))
        self.assertEqual([t[:2] for t in again], [t[:2] for t in toks])

    def test_positions_must_not_go_back(self):
        toks = [TokenInfo(NAME, 'a', (1, 5), (1, 6), ''),
                TokenInfo(NAME, 'b', (1, 0), (1, 1), '')]
        with self.assertRaises(ValueError):
            tokenize.untokenize(toks)

    def test_roundtrip_bytes(self):
        source = b'x = "\xc3\xa9"\n'
        toks = list(tokenize.tokenize(io.BytesIO(source).readline))
        self.assertEqual(tokenize.untokenize(toks), source)

    def test_fstring_roundtrip(self):
        source = 'y = f"{{x}}{x:{a}{b}}\\N{DASH}" + f"""\n{c!r}\n"""\n'
        toks = list(tokenize.generate_tokens(io.StringIO(source).readline))
        self.assertEqual(tokenize.untokenize(toks), source)
        pairs = [t[:2] for t in toks]
        result = tokenize.untokenize(pairs)
        again = [t[:2] for t in tokenize.generate_tokens(io.StringIO(result).readline)]
        self.assertEqual(again, pairs)

    def test_two_tuples(self):
        source = 'if a:\n    b = c(1)\n'
        pairs = [t[:2] for t in tokenize.generate_tokens(io.StringIO(source).readline)]
        result = tokenize.untokenize(pairs)
        again = [t[:2] for t in tokenize.generate_tokens(io.StringIO(result).readline)]
        self.assertEqual(again, pairs)


if __name__ == '__main__':
    unittest.main()
