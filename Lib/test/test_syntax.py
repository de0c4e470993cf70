"""Syntax errors: exception type, message, line and column match CPython 3.13.

Each case compiles a small source text and checks the SyntaxError (or IndentationError /
TabError) that results: its msg, lineno and offset (1-based column).
"""

import unittest


class SyntaxErrorTests(unittest.TestCase):

    def check(self, source, exc_type, msg, lineno, offset):
        with self.assertRaises(exc_type) as cm:
            compile(source, "<testcase>", "exec")
        exc = cm.exception
        self.assertIs(type(exc), exc_type)
        self.assertEqual(exc.msg, msg)
        self.assertEqual(exc.lineno, lineno)
        self.assertEqual(exc.offset, offset)
        self.assertEqual(exc.filename, "<testcase>")

    CASES = [
        ('f() = 1\n',
         SyntaxError,
         "cannot assign to function call here. Maybe you meant '==' instead of '='?",
         1, 1),
        ('1 = x\n',
         SyntaxError,
         "cannot assign to literal here. Maybe you meant '==' instead of '='?",
         1, 1),
        ('None = 1\n', SyntaxError, 'cannot assign to None', 1, 1),
        ('True = 1\n', SyntaxError, 'cannot assign to True', 1, 1),
        ('x + 1 = 2\n',
         SyntaxError,
         "cannot assign to expression here. Maybe you meant '==' instead of '='?",
         1, 1),
        ('a, f() = 1\n',
         SyntaxError,
         "cannot assign to function call here. Maybe you meant '==' instead of '='?",
         1, 4),
        ('x = f() = 2\n', SyntaxError, 'cannot assign to function call', 1, 5),
        ('f() += 1\n',
         SyntaxError,
         "'function call' is an illegal expression for augmented assignment",
         1, 1),
        ('(a, b): int\n', SyntaxError, 'only single target (not tuple) can be annotated', 1, 1),
        ('[a]: int\n', SyntaxError, 'only single target (not list) can be annotated', 1, 1),
        ('f(): int\n', SyntaxError, 'illegal target for annotation', 1, 1),
        ('del f()\n', SyntaxError, 'cannot delete function call', 1, 5),
        ('del 1\n', SyntaxError, 'cannot delete literal', 1, 5),
        ('del *a\n', SyntaxError, 'cannot delete starred', 1, 5),
        ('for f() in x: pass\n', SyntaxError, 'cannot assign to function call', 1, 5),
        ('with a as f(): pass\n', SyntaxError, 'cannot assign to function call', 1, 11),
        ('a b\n', SyntaxError, 'invalid syntax', 1, 3),
        ('[a b]\n', SyntaxError, 'invalid syntax. Perhaps you forgot a comma?', 1, 2),
        ('f(a b)\n', SyntaxError, 'invalid syntax. Perhaps you forgot a comma?', 1, 3),
        ('{a b}\n', SyntaxError, 'invalid syntax. Perhaps you forgot a comma?', 1, 2),
        ('(a b)\n', SyntaxError, 'invalid syntax. Perhaps you forgot a comma?', 1, 2),
        ('{1: 2 3: 4}\n', SyntaxError, 'invalid syntax. Perhaps you forgot a comma?', 1, 5),
        ('if x = 1:\n pass\n',
         SyntaxError,
         "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
         1, 4),
        ('while x = 1: pass\n',
         SyntaxError,
         "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
         1, 7),
        ('if x\n  pass\n', SyntaxError, "expected ':'", 1, 5),
        ('def f()\n  pass\n', SyntaxError, "expected ':'", 1, 8),
        ('class C\n pass\n', SyntaxError, "expected ':'", 1, 8),
        ('if x:\npass\n',
         IndentationError,
         "expected an indented block after 'if' statement on line 1",
         2, 1),
        ('def f():\nreturn\n',
         IndentationError,
         'expected an indented block after function definition on line 1',
         2, 1),
        ('for x in y:\nx\n',
         IndentationError,
         "expected an indented block after 'for' statement on line 1",
         2, 1),
        ('x = (1,\n2\n', SyntaxError, "'(' was never closed", 1, 5),
        ('x = [1, 2\n', SyntaxError, "'[' was never closed", 1, 5),
        ('x = {1: 2\n', SyntaxError, "'{' was never closed", 1, 5),
        ('f(1, 2\n', SyntaxError, "'(' was never closed", 1, 2),
        ('x = )\n', SyntaxError, "unmatched ')'", 1, 5),
        ('x = ]\n', SyntaxError, "unmatched ']'", 1, 5),
        ('(]\n',
         SyntaxError,
         "closing parenthesis ']' does not match opening parenthesis '('",
         1, 2),
        ('[)\n',
         SyntaxError,
         "closing parenthesis ')' does not match opening parenthesis '['",
         1, 2),
        ("x = 'abc\n", SyntaxError, 'unterminated string literal (detected at line 1)', 1, 5),
        ('x = """abc\n',
         SyntaxError,
         'unterminated triple-quoted string literal (detected at line 1)',
         1, 5),
        ("x = f'abc\n", SyntaxError, 'unterminated f-string literal (detected at line 1)', 1, 5),
        ("x = f'{x'\n", SyntaxError, "f-string: expecting '}'", 1, 9),
        ("x = f'{}'\n", SyntaxError, "f-string: valid expression required before '}'", 1, 8),
        ("x = f'{x!z}'\n",
         SyntaxError,
         "f-string: invalid conversion character 'z': expected 's', 'r', or 'a'",
         1, 10),
        ("x = f'{x!}'\n", SyntaxError, 'f-string: missing conversion character', 1, 10),
        ("x = f'}'\n", SyntaxError, "f-string: single '}' is not allowed", 1, 7),
        ("x = f'{x:{y}'\n", SyntaxError, "f-string: expecting '}', or format specs", 1, 13),
        ('def f(a=1, b): pass\n',
         SyntaxError,
         'parameter without a default follows parameter with a default',
         1, 12),
        ('def f(*): pass\n', SyntaxError, 'named arguments must follow bare *', 1, 7),
        ('def f(*, **k): pass\n', SyntaxError, 'named arguments must follow bare *', 1, 7),
        ('def f(**k, a): pass\n',
         SyntaxError,
         'arguments cannot follow var-keyword argument',
         1, 12),
        ('def f(a, /, /): pass\n', SyntaxError, '/ may appear only once', 1, 13),
        ('def f(*a, /): pass\n', SyntaxError, '/ must be ahead of *', 1, 11),
        ('def f(/): pass\n', SyntaxError, 'invalid syntax', 1, 7),
        ('def f(*a=1): pass\n',
         SyntaxError,
         'var-positional argument cannot have default value',
         1, 9),
        ('def f(**a=1): pass\n',
         SyntaxError,
         'var-keyword argument cannot have default value',
         1, 10),
        ('def f(*a, *b): pass\n', SyntaxError, '* argument may appear only once', 1, 11),
        ('lambda x=1, y: 0\n',
         SyntaxError,
         'parameter without a default follows parameter with a default',
         1, 13),
        ('f(x=1, 2)\n', SyntaxError, 'positional argument follows keyword argument', 1, 9),
        ('f(**k, 2)\n',
         SyntaxError,
         'positional argument follows keyword argument unpacking',
         1, 9),
        ('f(**k, *a)\n',
         SyntaxError,
         'iterable argument unpacking follows keyword argument unpacking',
         1, 6),
        ('f(a for a in b, c)\n', SyntaxError, 'Generator expression must be parenthesized', 1, 3),
        ('f(a.b=1)\n',
         SyntaxError,
         'expression cannot contain assignment, perhaps you meant "=="?',
         1, 3),
        ('f(True=1)\n', SyntaxError, 'cannot assign to True', 1, 3),
        ('x := 1\n', SyntaxError, 'invalid syntax', 1, 3),
        ('(f() := 1)\n',
         SyntaxError,
         'cannot use assignment expressions with function call',
         1, 2),
        ("print 'hello'\n",
         SyntaxError,
         "Missing parentheses in call to 'print'. Did you mean print(...)?",
         1, 1),
        ('import\n', SyntaxError, "Expected one or more names after 'import'", 1, 7),
        ('from x import\n', SyntaxError, "Expected one or more names after 'import'", 1, 14),
        ('from x import a,\n',
         SyntaxError,
         'trailing comma not allowed without surrounding parentheses',
         1, 17),
        ('from import y\n', SyntaxError, 'invalid syntax', 1, 6),
        ('try:\n pass\n', SyntaxError, "expected 'except' or 'finally' block", 2, 6),
        ('try:\n pass\nexcept* :\n pass\n',
         SyntaxError,
         'expected one or more exception types',
         3, 9),
        ('try:\n pass\nexcept A:\n pass\nexcept* B:\n pass\n',
         SyntaxError,
         "cannot have both 'except' and 'except*' on the same 'try'",
         5, 1),
        ('try:\n pass\nexcept A, B:\n pass\n',
         SyntaxError,
         'multiple exception types must be parenthesized',
         3, 8),
        ('else:\n pass\n', SyntaxError, 'invalid syntax', 1, 1),
        ('x = 1 if 2\n', SyntaxError, "expected 'else' after 'if' expression", 1, 5),
        ('x = yield = 1\n', SyntaxError, 'assignment to yield expression not possible', 1, 5),
        ('def f():\n  x\n y\n',
         IndentationError,
         'unindent does not match any outer indentation level',
         3, 3),
        ('  x = 1\n', IndentationError, 'unexpected indent', 1, 2),
        ('if 1:\n\tx = 1\n        y = 2\n',
         TabError,
         'inconsistent use of tabs and spaces in indentation',
         3, 1),
        ('x = 01\n',
         SyntaxError,
         'leading zeros in decimal integer literals are not '
         'permitted; use an 0o prefix for octal integers',
         1, 5),
        ('x = 0b2\n', SyntaxError, "invalid digit '2' in binary literal", 1, 7),
        ('x = 0o8\n', SyntaxError, "invalid digit '8' in octal literal", 1, 7),
        ('x = 0x\n', SyntaxError, 'invalid hexadecimal literal', 1, 6),
        ('x = 1_\n', SyntaxError, 'invalid decimal literal', 1, 6),
        ('x = 1__0\n', SyntaxError, 'invalid decimal literal', 1, 6),
        ('x = 1a\n', SyntaxError, 'invalid decimal literal', 1, 5),
        ('x = $\n', SyntaxError, 'invalid syntax', 1, 5),
        ('x = 1 ? 2\n', SyntaxError, 'invalid syntax', 1, 7),
        ('x = \\ 1\n',
         SyntaxError,
         'unexpected character after line continuation character',
         1, 6),
        ('x = a.1\n', SyntaxError, 'invalid syntax', 1, 6),
        ('class C(x for x in y): pass\n', SyntaxError, 'invalid syntax', 1, 11),
        ('x = {**a: 1}\n', SyntaxError, 'invalid syntax', 1, 9),
        ('x = [*a for a in b]\n',
         SyntaxError,
         'iterable unpacking cannot be used in comprehension',
         1, 6),
        ('x = {**a for a in b}\n',
         SyntaxError,
         'dict unpacking cannot be used in dict comprehension',
         1, 6),
        ('(*a)\n', SyntaxError, 'cannot use starred expression here', 1, 2),
        ('match x:\n case 1+1: pass\n',
         SyntaxError,
         'imaginary number required in complex literal',
         2, 9),
        ('match x:\n case a as _: pass\n', SyntaxError, "cannot use '_' as a target", 2, 12),
        ('match x:\n case C(a=1, b): pass\n',
         SyntaxError,
         'positional patterns follow keyword patterns',
         2, 14),
        ('match x:\n case {**a, b: 1}: pass\n', SyntaxError, 'invalid syntax', 2, 13),
        ('type X[] = int\n', SyntaxError, 'Type parameter list cannot be empty', 1, 8),
        ('def f[]() : pass\n', SyntaxError, 'Type parameter list cannot be empty', 1, 7),
        ('class C[*T: int]: pass\n', SyntaxError, 'cannot use bound with TypeVarTuple', 1, 11),
        ("x = b'é'\n", SyntaxError, 'bytes can only contain ASCII literal characters', 1, 5),
        ("x = 'a' b'b'\n", SyntaxError, 'cannot mix bytes and nonbytes literals', 1, 13),
        ("x = f'a' b'b'\n", SyntaxError, 'cannot mix bytes and nonbytes literals', 1, 14),
        ("x = '\\N{foo}'\n",
         SyntaxError,
         "(unicode error) 'unicodeescape' codec can't decode bytes in "
         'position 0-6: unknown Unicode character name',
         1, 5),
        ("x = '\\x1'\n",
         SyntaxError,
         "(unicode error) 'unicodeescape' codec can't decode bytes "
         'in position 0-2: truncated \\xXX escape',
         1, 5),
        ("x = b'\\x1'\n", SyntaxError, '(value error) invalid \\x escape at position 0', 1, 5),
        ("x = '\\u12'\n",
         SyntaxError,
         "(unicode error) 'unicodeescape' codec can't decode bytes "
         'in position 0-3: truncated \\uXXXX escape',
         1, 5),
        ('a = 1; b = 2 c = 3\n', SyntaxError, 'invalid syntax', 1, 14),
        ('if True: pass; else: pass\n', SyntaxError, 'invalid syntax', 1, 16),
        ('x = [i for i in range(3) if]\n', SyntaxError, 'invalid syntax', 1, 28),
        ('for x in: pass\n', SyntaxError, 'invalid syntax', 1, 9),
        ('x = (yield from)\n', SyntaxError, 'invalid syntax', 1, 16),
        ('x = not\n', SyntaxError, 'invalid syntax', 1, 8),
        ('x = a if b else\n', SyntaxError, 'invalid syntax', 1, 16),
        ('@\ndef f(): pass\n', SyntaxError, 'invalid syntax', 1, 2),
        ('@x\nx = 1\n', SyntaxError, 'invalid syntax', 2, 1),
        ('async x = 1\n', SyntaxError, 'invalid syntax', 1, 7),
        ('x = 1 +\n', SyntaxError, 'invalid syntax', 1, 8),
        ('x = (1 +\n', SyntaxError, "'(' was never closed", 1, 5),
        ('with a as b c: pass\n', SyntaxError, 'invalid syntax', 1, 13),
        ('with (a as b c): pass\n',
         SyntaxError,
         'invalid syntax. Perhaps you forgot a comma?',
         1, 12),
        ('import a as b.c\n', SyntaxError, 'invalid syntax', 1, 14),
        ('from a import b as c.d\n', SyntaxError, 'invalid syntax', 1, 21),
        ('x = [1,,2]\n', SyntaxError, 'invalid syntax', 1, 8),
        ('f(,)\n', SyntaxError, 'invalid syntax', 1, 3),
        ('x = ,\n', SyntaxError, 'invalid syntax', 1, 5),
        ('if x:\n  pass\n else:\n  pass\n',
         IndentationError,
         'unindent does not match any outer indentation level',
         3, 7),
        ('def f():\n    pass\n  x = 1\n',
         IndentationError,
         'unindent does not match any outer indentation level',
         3, 8),
        ('x = 1\n    y = 2\n', IndentationError, 'unexpected indent', 2, 4),
        ("x = 'a' 'b\n", SyntaxError, 'unterminated string literal (detected at line 1)', 1, 9),
        ('class C:\n    def f(self):\n        return\n      x\n',
         IndentationError,
         'unindent does not match any outer indentation level',
         4, 8),
        ('x = (1 if 2)\n', SyntaxError, "expected 'else' after 'if' expression", 1, 6),
        ('x = [1 for x in y for]\n', SyntaxError, 'invalid syntax', 1, 22),
        ('assert\n', SyntaxError, 'invalid syntax', 1, 7),
        ('raise from x\n', SyntaxError, 'invalid syntax', 1, 7),
        ('del\n', SyntaxError, 'invalid syntax', 1, 4),
        ('global\n', SyntaxError, 'invalid syntax', 1, 7),
        ('x = lambda: yield\n', SyntaxError, 'invalid syntax', 1, 13),
        ('a[1:2:3:4]\n', SyntaxError, 'invalid syntax', 1, 8),
        ('a[]\n', SyntaxError, 'invalid syntax', 1, 3),
        ('a.\n', SyntaxError, 'invalid syntax', 1, 3),
        ('a..b\n', SyntaxError, 'invalid syntax', 1, 3),
        ('(a, b) += 1\n',
         SyntaxError,
         "'tuple' is an illegal expression for augmented assignment",
         1, 1),
        ('[a] += 1\n',
         SyntaxError,
         "'list' is an illegal expression for augmented assignment",
         1, 1),
        ('a, b += 1\n',
         SyntaxError,
         "'tuple' is an illegal expression for augmented assignment",
         1, 1),
        ('x = {1:}\n', SyntaxError, "expression expected after dictionary key and ':'", 1, 7),
        ('x = {1:, 2: 3}\n',
         SyntaxError,
         "expression expected after dictionary key and ':'",
         1, 7),
        ('x = {1, 2: 3}\n', SyntaxError, 'invalid syntax', 1, 10),
        ('x = {1: 2, 3}\n', SyntaxError, "':' expected after dictionary key", 1, 12),
        ('f(*)\n', SyntaxError, 'Invalid star expression', 1, 4),
        ('f(**)\n', SyntaxError, 'invalid syntax', 1, 5),
        ('f(a=)\n', SyntaxError, 'expected argument value expression', 1, 3),
        ('def f(a:): pass\n', SyntaxError, 'invalid syntax', 1, 9),
        ('def f() -> : pass\n', SyntaxError, "expected ':'", 1, 9),
        ('class\n', SyntaxError, 'invalid syntax', 1, 6),
        ('def\n', SyntaxError, 'invalid syntax', 1, 4),
        ('def 1(): pass\n', SyntaxError, 'invalid syntax', 1, 5),
        ('class 1: pass\n', SyntaxError, 'invalid syntax', 1, 7),
        ('import 1\n', SyntaxError, 'invalid syntax', 1, 8),
        ('x.1 = 2\n', SyntaxError, 'invalid syntax', 1, 2),
        ('for in x: pass\n', SyntaxError, 'invalid syntax', 1, 5),
        ('with: pass\n', SyntaxError, 'invalid syntax', 1, 5),
        ('while: pass\n', SyntaxError, 'invalid syntax', 1, 6),
        ('if: pass\n', SyntaxError, 'invalid syntax', 1, 3),
        ('elif x: pass\n', SyntaxError, 'invalid syntax', 1, 1),
        ('except: pass\n', SyntaxError, 'invalid syntax', 1, 1),
        ('finally: pass\n', SyntaxError, 'invalid syntax', 1, 1),
        ("x = '''\n\n",
         SyntaxError,
         'unterminated triple-quoted string literal (detected at line 2)',
         1, 5),
        ("'''\n",
         SyntaxError,
         'unterminated triple-quoted string literal (detected at line 1)',
         1, 1),
        ('"\n', SyntaxError, 'unterminated string literal (detected at line 1)', 1, 1),
        ("f'\n", SyntaxError, 'unterminated f-string literal (detected at line 1)', 1, 1),
        ('x = (\n', SyntaxError, "'(' was never closed", 1, 5),
        ('(((\n', SyntaxError, "'(' was never closed", 1, 3),
        ('[[[\n', SyntaxError, "'[' was never closed", 1, 3),
        ('{{{\n', SyntaxError, "'{' was never closed", 1, 3),
    ]

    def test_cases(self):
        for source, exc_type, msg, lineno, offset in self.CASES:
            with self.subTest(source=source):
                self.check(source, exc_type, msg, lineno, offset)

    # Cases whose message or position Braid's parser does not reproduce yet: the entries
    # record CPython's exact error; the test checks only that a SyntaxError is raised.
    NOT_YET = [
        ('x = 1.e\n', SyntaxError, 'invalid decimal literal', 1, 6),
        ('*a = 1\n', SyntaxError, 'starred assignment target must be in a list or tuple', 1, 1),
        ('a = *b\n', SyntaxError, "can't use starred expression here", 1, 5),
        ("match x:\n case f'x': pass\n",
         SyntaxError,
         'patterns may only match literals and attribute lookups',
         2, 7),
        ('nonlocal x\n', SyntaxError, 'nonlocal declaration not allowed at module level', 1, 1),
        ('def f(x):\n global x\n', SyntaxError, "name 'x' is parameter and global", 2, 2),
        ('return 1\n', SyntaxError, "'return' outside function", 1, 1),
        ('yield 1\n', SyntaxError, "'yield' outside function", 1, 1),
        ('await x\n', SyntaxError, "'await' outside function", 1, 1),
        ('break\n', SyntaxError, "'break' outside loop", 1, 1),
        ('continue\n', SyntaxError, "'continue' not properly in loop", 1, 1),
        ('def f(a, a): pass\n',
         SyntaxError,
         "duplicate argument 'a' in function definition",
         1, 10),
    ]

    def test_not_yet_matching(self):
        for source, exc_type, msg, lineno, offset in self.NOT_YET:
            with self.subTest(source=source):
                with self.assertRaises(SyntaxError):
                    compile(source, "<testcase>", "exec")

    def test_error_attributes(self):
        with self.assertRaises(SyntaxError) as cm:
            compile("x = 1\nf() = 1\n", "<file>", "exec")
        exc = cm.exception
        self.assertEqual(exc.filename, "<file>")
        self.assertEqual(exc.lineno, 2)
        self.assertEqual(exc.offset, 1)
        self.assertEqual(exc.end_lineno, 2)
        self.assertEqual(exc.end_offset, 4)
        self.assertEqual(exc.text, "f() = 1\n")

    def test_offsets_count_characters(self):
        with self.assertRaises(SyntaxError) as cm:
            compile("é = 1; ñ = f() = 2\n", "<file>", "exec")
        self.assertEqual(cm.exception.offset, 12)
        self.assertEqual(cm.exception.end_offset, 15)

    def test_indentation_error_is_syntax_error(self):
        self.assertTrue(issubclass(IndentationError, SyntaxError))
        self.assertTrue(issubclass(TabError, IndentationError))

    def test_deep_nesting(self):
        with self.assertRaises(SyntaxError) as cm:
            compile("(" * 300 + ")" * 300, "<deep>", "exec")
        self.assertEqual(cm.exception.msg, "too many nested parentheses")
        with self.assertRaises(MemoryError):
            compile("-" * 100000 + "1", "<deep>", "exec")

    def test_null_bytes(self):
        with self.assertRaises(SyntaxError):
            compile(b"x = 1\0", "<null>", "exec")

    def test_incomplete_input_flag(self):
        # PyCF_ALLOW_INCOMPLETE_INPUT | PyCF_DONT_IMPLY_DEDENT, as codeop uses them.
        flags = 0x4000 | 0x200
        for source in ("if x:", "(1,", "x = '''abc", "def f():\n", "[1,\n2"):
            with self.subTest(source=source):
                with self.assertRaises(SyntaxError) as cm:
                    compile(source, "<input>", "single", flags)
                self.assertEqual(cm.exception.msg, "incomplete input")
        with self.assertRaises(SyntaxError) as cm:
            compile("x = )", "<input>", "single", flags)
        self.assertEqual(cm.exception.msg, "unmatched ')'")

    def test_single_mode_multiple_statements(self):
        with self.assertRaises(SyntaxError) as cm:
            compile("x = 1\ny = 2\n", "<single>", "single")
        self.assertEqual(cm.exception.msg,
                         "multiple statements found while compiling a single statement")


if __name__ == "__main__":
    unittest.main()
