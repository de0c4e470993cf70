"""f-strings (PEP 498, PEP 701): replacement fields, conversions, format specs, nesting,
self-documenting expressions and the errors the parser reports for bad ones."""

import unittest


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"({self.x}, {self.y})"

    def __format__(self, spec):
        return f"<{spec}>"


class FStringTests(unittest.TestCase):

    def test_literal_only(self):
        self.assertEqual(f"", "")
        self.assertEqual(f"abc", "abc")
        self.assertEqual(F"abc", "abc")
        self.assertEqual(f"{{}}", "{}")
        self.assertEqual(f"{{x}}", "{x}")
        self.assertEqual(f"a{{b", "a{b")

    def test_expressions(self):
        x, y = 3, "s"
        self.assertEqual(f"{x}", "3")
        self.assertEqual(f"{x + 1}", "4")
        self.assertEqual(f"{y * 2}", "ss")
        self.assertEqual(f"{x}{y}", "3s")
        self.assertEqual(f"<{x}>", "<3>")
        self.assertEqual(f"{[x, x]}", "[3, 3]")
        self.assertEqual(f"{ {'k': x}['k'] }", "3")
        self.assertEqual(f"{(lambda: 5)()}", "5")
        self.assertEqual(f"{x if x else y}", "3")
        self.assertEqual(f"{x, y}", "(3, 's')")
        self.assertEqual(f"{*[1, 2],}", "(1, 2)")

    def test_conversions(self):
        p = Point(1, "a")
        self.assertEqual(f"{p!r}", "Point(1, 'a')")
        self.assertEqual(f"{p!s}", "(1, a)")
        self.assertEqual(f"{'é'!a}", "'\\xe9'")
        self.assertEqual(f"{p}", "<>")

    def test_format_specs(self):
        self.assertEqual(f"{3.14159:.2f}", "3.14")
        self.assertEqual(f"{42:>6}", "    42")
        self.assertEqual(f"{42:<6}|", "42    |")
        self.assertEqual(f"{255:x}", "ff")
        self.assertEqual(f"{255:#06b}", "0b11111111")
        width, prec = 8, 3
        self.assertEqual(f"{3.14159:{width}.{prec}f}", "   3.142")
        self.assertEqual(f"{'ab':{'^'}{width}}", "   ab   ")
        self.assertEqual(f"{Point(0, 0):spec}", "<spec>")
        self.assertEqual(f"{Point(0, 0)!s:>8}", "  (0, 0)")
        self.assertEqual(f"{10:=10}", "        10")

    def test_self_documenting(self):
        x = 5
        self.assertEqual(f"{x=}", "x=5")
        self.assertEqual(f"{x = }", "x = 5")
        self.assertEqual(f"{x=!s}", "x=5")
        self.assertEqual(f"{x=:>4}", "x=   5")
        self.assertEqual(f"{'a'=}", "'a'='a'")
        self.assertEqual(f"{x + 1 = }", "x + 1 = 6")
        s = "str"
        self.assertEqual(f"{s=}", "s='str'")
        self.assertEqual(f"{s=:5}", "s=str  ")

    def test_nested_quotes_pep701(self):
        d = {"key": "value"}
        self.assertEqual(f"{d["key"]}", "value")
        self.assertEqual(f'{d['key']}', "value")
        self.assertEqual(f"{f"{f"{1 + 1}"}"}", "2")
        self.assertEqual(f"{"nested" + f"{d["key"]}"}", "nestedvalue")
        self.assertEqual(f"{'\n'.join(['a', 'b'])}", "a\nb")

    def test_multiline(self):
        x = 1
        self.assertEqual(f"""a
{x}
b""", "a\n1\nb")
        self.assertEqual(f"{
            x
            + 1
        }", "2")

    def test_raw_and_escapes(self):
        x = 1
        self.assertEqual(rf"\n{x}", "\\n1")
        self.assertEqual(fr"\d{x}", "\\d1")
        self.assertEqual(f"\n{x}\t", "\n1\t")
        self.assertEqual(f"\x41{x}", "A1")
        self.assertEqual(f"\u00e9", "é")

    def test_concatenation(self):
        x = 2
        self.assertEqual("a" f"{x}" "b", "a2b")
        self.assertEqual(f"{x}" f"{x}", "22")
        self.assertEqual("plain" "text" f"", "plaintext")
        self.assertEqual(f"a" "b" f"c", "abc")

    def test_evaluation_order(self):
        log = []

        def f(v):
            log.append(v)
            return v

        self.assertEqual(f"{f(1)}{f(2)}{f(3)}", "123")
        self.assertEqual(log, [1, 2, 3])

    def test_type(self):
        self.assertIs(type(f"{1}"), str)

    def check_error(self, source, message):
        with self.assertRaises(SyntaxError) as cm:
            compile(source, "<fstring>", "exec")
        self.assertEqual(cm.exception.msg, message)

    def test_errors(self):
        self.check_error("f'{}'", "f-string: valid expression required before '}'")
        self.check_error("f'{ }'", "f-string: valid expression required before '}'")
        self.check_error("f'{!r}'", "f-string: valid expression required before '!'")
        self.check_error("f'{:x}'", "f-string: valid expression required before ':'")
        self.check_error("f'{x!z}'",
                         "f-string: invalid conversion character 'z': expected 's', 'r', or 'a'")
        self.check_error("f'{x!}'", "f-string: missing conversion character")
        self.check_error("f'}'", "f-string: single '}' is not allowed")
        self.check_error("f'{x'", "f-string: expecting '}'")
        self.check_error("f'abc", "unterminated f-string literal (detected at line 1)")
        self.check_error("f'{lambda x: 1}'",
                         "f-string: lambda expressions are not allowed without parentheses")
        self.check_error("f'a' b'b'", "cannot mix bytes and nonbytes literals")

    def test_errors_have_locations(self):
        with self.assertRaises(SyntaxError) as cm:
            compile("x = 1\ny = f'{}'\n", "<fstring>", "exec")
        self.assertEqual(cm.exception.lineno, 2)
        self.assertEqual(cm.exception.offset, 8)


if __name__ == "__main__":
    unittest.main()
