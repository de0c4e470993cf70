"""Errors found by the tokenizer: unterminated strings, bad number literals, invalid
characters, bracket mismatches and inconsistent indentation.  Message, line and offset match
CPython 3.13."""

import unittest


class TokenizerErrorTests(unittest.TestCase):

    # (source bytes, exception type, message, lineno, offset)
    CASES = [
        (b"x = 'abc\n", SyntaxError, 'unterminated string literal (detected at line 1)', 1, 5),
        (b'x = "abc\n', SyntaxError, 'unterminated string literal (detected at line 1)', 1, 5),
        (b"x = '''abc\n",
         SyntaxError,
         'unterminated triple-quoted string literal (detected at line 1)',
         1, 5),
        (b'x = """abc\n',
         SyntaxError,
         'unterminated triple-quoted string literal (detected at line 1)',
         1, 5),
        (b"x = f'abc\n", SyntaxError, 'unterminated f-string literal (detected at line 1)', 1, 5),
        (b"x = rb'abc\n", SyntaxError, 'unterminated string literal (detected at line 1)', 1, 5),
        (b'x = (1, 2\n', SyntaxError, "'(' was never closed", 1, 5),
        (b'x = [1, 2\n', SyntaxError, "'[' was never closed", 1, 5),
        (b'x = {1: 2\n', SyntaxError, "'{' was never closed", 1, 5),
        (b'f(a, [b)\n',
         SyntaxError,
         "closing parenthesis ')' does not match opening parenthesis '['",
         1, 8),
        (b'f(a, (b]\n',
         SyntaxError,
         "closing parenthesis ']' does not match opening parenthesis '('",
         1, 8),
        (b'x = (1,\n2]\n',
         SyntaxError,
         "closing parenthesis ']' does not match opening parenthesis '(' on line 1",
         2, 2),
        (b'x = 1)\n', SyntaxError, "unmatched ')'", 1, 6),
        (b'x = ]\n', SyntaxError, "unmatched ']'", 1, 5),
        (b'x = }\n', SyntaxError, "unmatched '}'", 1, 5),
        (b'x = 01\n',
         SyntaxError,
         'leading zeros in decimal integer literals are not '
         'permitted; use an 0o prefix for octal integers',
         1, 5),
        (b'x = 0777\n',
         SyntaxError,
         'leading zeros in decimal integer literals are not '
         'permitted; use an 0o prefix for octal integers',
         1, 5),
        (b'x = 0b12\n', SyntaxError, "invalid digit '2' in binary literal", 1, 8),
        (b'x = 0o78\n', SyntaxError, "invalid digit '8' in octal literal", 1, 8),
        (b'x = 0xg\n', SyntaxError, 'invalid hexadecimal literal', 1, 6),
        (b'x = 1__0\n', SyntaxError, 'invalid decimal literal', 1, 6),
        (b'x = 1_\n', SyntaxError, 'invalid decimal literal', 1, 6),
        (b'x = 1e\n', SyntaxError, 'invalid decimal literal', 1, 5),
        (b'x = 1e+\n', SyntaxError, 'invalid decimal literal', 1, 7),
        (b'x = 1.5j_\n', SyntaxError, 'invalid imaginary literal', 1, 8),
        (b'x = 0x\n', SyntaxError, 'invalid hexadecimal literal', 1, 6),
        (b'x = 0b\n', SyntaxError, 'invalid binary literal', 1, 6),
        (b'x = 1abc\n', SyntaxError, 'invalid decimal literal', 1, 5),
        (b'x = 0b1abc\n', SyntaxError, 'invalid binary literal', 1, 7),
        (b'x = \xe2\x82\xac\n', SyntaxError, "invalid character '€' (U+20AC)", 1, 5),
        (b'x = 1 \\ 2\n',
         SyntaxError,
         'unexpected character after line continuation character',
         1, 8),
        (b'x = \x01\n', SyntaxError, 'invalid non-printable character U+0001', 1, 5),
        (b'def f():\n  x = 1\n y = 2\n',
         IndentationError,
         'unindent does not match any outer indentation level',
         3, 7),
        (b'if 1:\n\tx = 1\n        y = 2\n',
         TabError,
         'inconsistent use of tabs and spaces in indentation',
         3, 1),
        (b'if 1:\n        x = 1\n\ty = 2\n',
         TabError,
         'inconsistent use of tabs and spaces in indentation',
         3, 1),
        (b'  x = 1\n', IndentationError, 'unexpected indent', 1, 2),
        (b'x = 1\n  y = 2\n', IndentationError, 'unexpected indent', 2, 2),
        (b"x = '\\N{foo'\n",
         SyntaxError,
         "(unicode error) 'unicodeescape' codec can't decode bytes in "
         'position 0-5: malformed \\N character escape',
         1, 5),
        (b"x = f'{'\n", SyntaxError, "f-string: expecting '}'", 1, 8),
        (b"x = f'}'\n", SyntaxError, "f-string: single '}' is not allowed", 1, 7),
        (b"x = f'{x!}'\n", SyntaxError, 'f-string: missing conversion character', 1, 10),
        (b"x = '\\\n", SyntaxError, 'unterminated string literal (detected at line 1)', 1, 5),
        (b'x = 1 + \\\n', SyntaxError, 'unexpected EOF while parsing', 1, 10),
        (b'x = (\n', SyntaxError, "'(' was never closed", 1, 5),
        (b"x = f'{x:{'\n", SyntaxError, "f-string: expecting '}'", 1, 11),
        (b"x = b'\xc3\x83\xc2\xa9'\n",
         SyntaxError,
         'bytes can only contain ASCII literal characters',
         1, 5),
    ]

    def test_cases(self):
        for source, exc_type, msg, lineno, offset in self.CASES:
            with self.subTest(source=source):
                with self.assertRaises(exc_type) as cm:
                    compile(source, "<testcase>", "exec")
                exc = cm.exception
                self.assertIs(type(exc), exc_type)
                self.assertEqual(exc.msg, msg)
                self.assertEqual(exc.lineno, lineno)
                self.assertEqual(exc.offset, offset)

    def test_unterminated_string_text(self):
        with self.assertRaises(SyntaxError) as cm:
            compile("x = 1\ny = 'abc\n", "<t>", "exec")
        self.assertEqual(cm.exception.lineno, 2)
        self.assertEqual(cm.exception.text, "y = 'abc")

    def test_coding_cookie(self):
        source = "# -*- coding: latin-1 -*-\ns = '\xe9'\n".encode("latin-1")
        namespace = {}
        exec(compile(source, "<t>", "exec"), namespace)
        self.assertEqual(namespace["s"], "\xe9")
        with self.assertRaises(SyntaxError) as cm:
            compile(b"# coding: no-such-codec\nx = 1\n", "<t>", "exec")
        self.assertIn("no-such-codec", cm.exception.msg)

    def test_bom(self):
        namespace = {}
        exec(compile(b"\xef\xbb\xbfx = 1\n", "<t>", "exec"), namespace)
        self.assertEqual(namespace["x"], 1)

    def test_invalid_utf8(self):
        with self.assertRaises(SyntaxError):
            compile(b"x = '\xff'\n", "<t>", "exec")


if __name__ == "__main__":
    unittest.main()
