"""Tests of the str() constructor's calling forms and of builtin format(); expected values are
CPython 3.13's."""

import unittest


class Text:
    def __str__(self):
        return "text"

    def __repr__(self):
        return "repr"


class StrSubclass(str):
    pass


class StrConstructor(unittest.TestCase):
    def test_one_argument(self):
        self.assertEqual(str(), "")
        self.assertEqual(str(1.5), "1.5")
        self.assertEqual(str(-0.0), "-0.0")
        self.assertEqual(str(12345), "12345")
        self.assertEqual(str(Text()), "text")
        self.assertEqual(str(b"ab"), "b'ab'")
        self.assertEqual(str(None), "None")
        s = "already"
        self.assertIs(str(s), s)
        self.assertIs(type(str(StrSubclass("x"))), str)

    def test_str_result_must_be_str(self):
        class Bad:
            def __str__(self):
                return 5
        with self.assertRaises(TypeError) as cm:
            str(Bad())
        self.assertEqual(str(cm.exception), "__str__ returned non-string (type int)")

    def test_decoding_forms(self):
        self.assertEqual(str(b"ab", "ascii"), "ab")
        self.assertEqual(str(b"\xc3\xa9", "utf-8", "strict"), "\xe9")
        self.assertEqual(str(b"\xff", "ascii", "replace"), "\ufffd")
        self.assertEqual(str(b"\xff", errors="replace"), "\ufffd")
        self.assertEqual(str(b"\xe9", encoding="latin-1"), "\xe9")
        self.assertEqual(str(object=b"x", encoding="ascii"), "x")
        self.assertEqual(str(bytearray(b"xy"), "ascii"), "xy")
        self.assertEqual(str(memoryview(b"xy"), "ascii"), "xy")
        self.assertEqual(str(b"", "ascii"), "")
        self.assertEqual(str(encoding="ascii"), "")
        self.assertEqual(str(errors="strict"), "")
        self.assertEqual(str(object=5), "5")
        self.assertEqual(str(b"a", "ascii", "no-such-handler"), "a")

    def test_decoding_errors(self):
        self.assertRaises(UnicodeDecodeError, str, b"\xff", "ascii")
        with self.assertRaises(LookupError) as cm:
            str(b"a", "no-such-codec")
        self.assertEqual(str(cm.exception), "unknown encoding: no-such-codec")
        with self.assertRaises(LookupError) as cm:
            str(b"\xff", "ascii", "no-such-handler")
        self.assertEqual(str(cm.exception), "unknown error handler name 'no-such-handler'")

    def test_argument_errors(self):
        cases = [
            (lambda: str(1, 2, 3, 4), TypeError, "str expected at most 3 arguments, got 4"),
            (lambda: str(b"a", 1), TypeError, "str() argument 'encoding' must be str, not int"),
            (lambda: str(b"a", None), TypeError,
             "str() argument 'encoding' must be str, not NoneType"),
            (lambda: str(b"a", "ascii", 1), TypeError,
             "str() argument 'errors' must be str, not int"),
            (lambda: str(b"a", encoding=1), TypeError,
             "str() argument 'encoding' must be str, not int"),
            (lambda: str(b"a", "utf\0"), ValueError, "embedded null character"),
            (lambda: str(b"a", "ascii", "str\0ict"), ValueError, "embedded null character"),
            (lambda: str(1, "ascii"), TypeError,
             "decoding to str: need a bytes-like object, int found"),
            (lambda: str("a", "ascii"), TypeError, "decoding str is not supported"),
            (lambda: str(b"a", "ascii", encoding="x"), TypeError,
             "argument for str() given by name ('encoding') and position (2)"),
            (lambda: str(b"a", "ascii", "strict", errors="x"), TypeError,
             "str() takes at most 3 arguments (4 given)"),
            (lambda: str(1, 2, 3, x=4), TypeError, "str() takes at most 3 arguments (4 given)"),
        ]
        for call, exc_type, message in cases:
            with self.subTest(message=message):
                with self.assertRaises(exc_type) as cm:
                    call()
                self.assertEqual(str(cm.exception), message)

    def test_unexpected_keyword(self):
        with self.assertRaises(TypeError) as cm:
            str(x=1)
        self.assertEqual(str(cm.exception), "str() got an unexpected keyword argument 'x'")

    def test_subclass(self):
        s = StrSubclass(b"ab", "ascii")
        self.assertIs(type(s), StrSubclass)
        self.assertEqual(s, "ab")
        self.assertEqual(StrSubclass(3), "3")
        self.assertEqual(StrSubclass(object=4), "4")
        self.assertEqual(StrSubclass(), "")
        with self.assertRaises(TypeError) as cm:
            StrSubclass(b"a", 1)
        self.assertEqual(str(cm.exception), "str() argument 'encoding' must be str, not int")

    def test_new_called_directly(self):
        self.assertEqual(str.__new__(str, b"x", "ascii"), "x")
        self.assertEqual(str.__new__(str, 5), "5")
        self.assertIs(type(str.__new__(StrSubclass, 5)), StrSubclass)
        with self.assertRaises(TypeError) as cm:
            str.__new__(str, 1, 2, 3, 4)
        self.assertEqual(str(cm.exception), "str() takes at most 3 arguments (4 given)")

    def test_str_through_vectorcall_helpers(self):
        self.assertEqual(list(map(str, [1, 2.5, None])), ["1", "2.5", "None"])
        self.assertEqual(sorted([3, 10, 2], key=str), [10, 2, 3])


class FormatBuiltin(unittest.TestCase):
    def test_values(self):
        self.assertEqual(format(1.5), "1.5")
        self.assertEqual(format(1.5, ""), "1.5")
        self.assertEqual(format("ab", "^6"), "  ab  ")
        self.assertEqual(format(255, "x"), "ff")
        self.assertEqual(format(2.675, ".2f"), "2.67")
        self.assertEqual(format(3), "3")

    def test_dunder_format(self):
        class F:
            def __format__(self, spec):
                return "F" + spec
        self.assertEqual(format(F()), "F")
        self.assertEqual(format(F(), "z"), "Fz")
        self.assertIs(type(format(F(), StrSubclass("q"))), str)

        class Bad:
            def __format__(self, spec):
                return 5
        with self.assertRaises(TypeError) as cm:
            format(Bad())
        self.assertEqual(str(cm.exception), "__format__ must return a str, not int")

    def test_errors(self):
        cases = [
            (lambda: format(), "format expected at least 1 argument, got 0"),
            (lambda: format(1, "", 3), "format expected at most 2 arguments, got 3"),
            (lambda: format(1, 2), "format() argument 2 must be str, not int"),
            (lambda: format(3, None), "format() argument 2 must be str, not None"),
            (lambda: format(1, spec=""), "format() takes no keyword arguments"),
            (lambda: format(object(), "x"), "unsupported format string passed to "
                                            "object.__format__"),
        ]
        for call, message in cases:
            with self.subTest(message=message):
                with self.assertRaises(TypeError) as cm:
                    call()
                self.assertEqual(str(cm.exception), message)


if __name__ == "__main__":
    unittest.main()
