"""Tests for the int type: construction, parsing, arithmetic and methods."""

import sys
import unittest


class IntConstructionTests(unittest.TestCase):

    def test_no_arguments(self):
        self.assertEqual(int(), 0)

    def test_from_float_truncates(self):
        self.assertEqual(int(3.9), 3)
        self.assertEqual(int(-3.9), -3)
        self.assertEqual(int(1e22), 10000000000000000000000)

    def test_from_float_errors(self):
        with self.assertRaises(ValueError):
            int(float("nan"))
        with self.assertRaises(OverflowError):
            int(float("inf"))

    def test_from_string(self):
        self.assertEqual(int("42"), 42)
        self.assertEqual(int("  -42\n"), -42)
        self.assertEqual(int("+7"), 7)
        self.assertEqual(int("1_000_000"), 1000000)
        self.assertEqual(int("0x1f", 16), 31)
        self.assertEqual(int("1f", 16), 31)
        self.assertEqual(int("0x_1f", 0), 31)
        self.assertEqual(int("0o17", 0), 15)
        self.assertEqual(int("0b101", 0), 5)
        self.assertEqual(int("000", 0), 0)
        self.assertEqual(int("0_0", 0), 0)
        self.assertEqual(int("z", 36), 35)
        self.assertEqual(int(b"12"), 12)
        self.assertEqual(int(bytearray(b"-12")), -12)

    def test_from_string_errors(self):
        for text in ["", " ", "x", "1_", "_1", "1__0", "0x", "08", "1.5", "- 1", "0x1g"]:
            with self.subTest(text=text):
                with self.assertRaises(ValueError):
                    int(text, 0)
        with self.assertRaises(ValueError) as cm:
            int("abc")
        self.assertEqual(str(cm.exception), "invalid literal for int() with base 10: 'abc'")
        with self.assertRaises(ValueError) as cm:
            int("12", 1)
        self.assertEqual(str(cm.exception), "int() base must be >= 2 and <= 36, or 0")

    def test_type_errors(self):
        with self.assertRaises(TypeError) as cm:
            int([])
        self.assertEqual(str(cm.exception),
                         "int() argument must be a string, a bytes-like object or a real "
                         "number, not 'list'")
        with self.assertRaises(TypeError):
            int(1.5, 2)
        with self.assertRaises(TypeError):
            int(base=2)
        with self.assertRaises(TypeError):
            int(x=1)

    def test_bytes_like_and_surrogates(self):
        self.assertEqual(int(memoryview(b"123")[1:]), 23)
        with self.assertRaises(ValueError) as cm:
            int("123\ud800")
        self.assertEqual(str(cm.exception),
                         "invalid literal for int() with base 10: '123\\ud800'")

    def test_base_keyword(self):
        self.assertEqual(int("11", base=2), 3)

    def test_dunder_int_and_index(self):
        class WithInt:
            def __int__(self):
                return 7

        class WithIndex:
            def __index__(self):
                return 8

        self.assertEqual(int(WithInt()), 7)
        self.assertEqual(int(WithIndex()), 8)

        class BadInt:
            def __int__(self):
                return "x"

        with self.assertRaises(TypeError):
            int(BadInt())

    def test_subclass(self):
        class MyInt(int):
            pass

        x = MyInt(5)
        self.assertIsInstance(x, MyInt)
        self.assertEqual(x, 5)
        self.assertEqual(x + 1, 6)
        self.assertIs(type(x + 1), int)
        self.assertIs(type(+x), int)
        self.assertEqual(MyInt("ff", 16), 255)

    def test_str_digit_limit(self):
        with self.assertRaises(ValueError):
            int("1" * 5000)
        with self.assertRaises(ValueError):
            str(10 ** 5000)
        self.assertEqual(int("1" * 4300), int("1" * 4300, 10))
        self.assertEqual(len(hex(1 << 20000)), 5003)


class IntArithmeticTests(unittest.TestCase):

    def test_floor_division_and_modulo_signs(self):
        for a in range(-7, 8):
            for b in [-3, -2, -1, 1, 2, 3]:
                with self.subTest(a=a, b=b):
                    q, r = divmod(a, b)
                    self.assertEqual(q, a // b)
                    self.assertEqual(r, a % b)
                    self.assertEqual(q * b + r, a)
                    if r:
                        self.assertEqual(r < 0, b < 0)

    def test_division_by_zero(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 // 0
        self.assertEqual(str(cm.exception), "integer division or modulo by zero")
        with self.assertRaises(ZeroDivisionError) as cm:
            1 % 0
        self.assertEqual(str(cm.exception), "integer modulo by zero")
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        self.assertEqual(str(cm.exception), "division by zero")

    def test_true_division(self):
        self.assertEqual(7 / 2, 3.5)
        self.assertEqual(repr(0 / -5), "-0.0")
        self.assertEqual((10 ** 30) / (10 ** 28), 100.0)
        self.assertEqual((2 ** 1000 + 1) / 2 ** 1000, 1.0)
        self.assertEqual(1 / 3, 0.3333333333333333)
        with self.assertRaises(OverflowError):
            (2 ** 2000) / 1

    def test_power(self):
        self.assertEqual(2 ** 10, 1024)
        self.assertEqual((-2) ** 3, -8)
        self.assertEqual(2 ** -1, 0.5)
        self.assertEqual(0 ** 0, 1)
        self.assertEqual(pow(3, 4, 5), 81 % 5)
        self.assertEqual(pow(3, -1, 7), 5)
        self.assertEqual(pow(3, 2, -7), -5)
        self.assertEqual(pow(5, 0, 1), 0)
        with self.assertRaises(ValueError):
            pow(2, -1, 4)
        with self.assertRaises(ValueError):
            pow(2, 3, 0)
        with self.assertRaises(ZeroDivisionError):
            0 ** -1

    def test_shifts(self):
        self.assertEqual(1 << 100, 2 ** 100)
        self.assertEqual(-1 >> 100, -1)
        self.assertEqual(-5 >> 1, -3)
        self.assertEqual((2 ** 100) >> 99, 2)
        with self.assertRaises(ValueError):
            1 << -1
        with self.assertRaises(ValueError):
            1 >> -1

    def test_bitwise_negative(self):
        self.assertEqual(-1 & 0xff, 0xff)
        self.assertEqual(-256 | 5, -251)
        self.assertEqual(-6 ^ 3, -7)
        self.assertEqual(~5, -6)
        self.assertEqual(~-(2 ** 100), 2 ** 100 - 1)
        self.assertEqual(-(2 ** 100) & (2 ** 100 + 7), 2 ** 100)

    def test_overflow_boundaries(self):
        big = 2 ** 63
        self.assertEqual((big - 1) + 1, big)
        self.assertEqual(-big - 1, -(2 ** 63) - 1)
        self.assertEqual((big - 1) * 2, 2 ** 64 - 2)
        self.assertEqual(-big // -1, big)
        self.assertEqual(abs(-big), big)

    def test_comparison(self):
        self.assertTrue(2 ** 100 > 2 ** 99)
        self.assertTrue(-(2 ** 100) < 3)
        self.assertTrue(1 == 1.0)
        self.assertTrue(2 ** 53 + 1 != float(2 ** 53 + 1))
        self.assertTrue(10 ** 400 > 1e308)
        self.assertFalse(1 == float("nan"))

    def test_hash(self):
        self.assertEqual(hash(-1), -2)
        self.assertEqual(hash(2 ** 61), 1)
        self.assertEqual(hash(2 ** 61 - 1), 0)
        for x in [0, 1, -7, 2 ** 52, 2 ** 70, -(2 ** 90)]:
            self.assertEqual(hash(x), hash(float(x)))
        self.assertEqual(sys.hash_info.modulus, 2 ** 61 - 1)


class IntMethodTests(unittest.TestCase):

    def test_bit_length_and_count(self):
        self.assertEqual((0).bit_length(), 0)
        self.assertEqual((255).bit_length(), 8)
        self.assertEqual((-256).bit_length(), 9)
        self.assertEqual((2 ** 64).bit_count(), 1)
        self.assertEqual((-7).bit_count(), 3)

    def test_to_bytes(self):
        self.assertEqual((1).to_bytes(), b"\x01")
        self.assertEqual((1024).to_bytes(2, "big"), b"\x04\x00")
        self.assertEqual((1024).to_bytes(2, "little"), b"\x00\x04")
        self.assertEqual((-1).to_bytes(2, "big", signed=True), b"\xff\xff")
        self.assertEqual((-128).to_bytes(1, "big", signed=True), b"\x80")
        with self.assertRaises(OverflowError):
            (128).to_bytes(1, "big", signed=True)
        with self.assertRaises(OverflowError):
            (256).to_bytes(1, "big")
        with self.assertRaises(OverflowError):
            (-1).to_bytes(1, "big")
        with self.assertRaises(ValueError):
            (1).to_bytes(1, "middle")

    def test_from_bytes(self):
        self.assertEqual(int.from_bytes(b"\x04\x00"), 1024)
        self.assertEqual(int.from_bytes(b"\x00\x04", "little"), 1024)
        self.assertEqual(int.from_bytes(b"\xff", "big", signed=True), -1)
        self.assertEqual(int.from_bytes(b"\x80\x00", "big", signed=True), -32768)
        self.assertEqual(int.from_bytes([1, 0]), 256)
        self.assertEqual(int.from_bytes(b""), 0)
        n = 3 ** 300
        self.assertEqual(int.from_bytes(n.to_bytes(80, "little"), "little"), n)
        m = -(3 ** 300)
        self.assertEqual(int.from_bytes(m.to_bytes(80, "big", signed=True), "big",
                                        signed=True), m)

    def test_byteorder_type_errors_name_the_method(self):
        with self.assertRaises(TypeError) as cm:
            int.from_bytes(b"", 1)
        self.assertEqual(str(cm.exception),
                         "from_bytes() argument 'byteorder' must be str, not int")
        with self.assertRaises(TypeError) as cm:
            (1).to_bytes(1, 1)
        self.assertEqual(str(cm.exception),
                         "to_bytes() argument 'byteorder' must be str, not int")

    def test_round(self):
        self.assertEqual(round(1234, -2), 1200)
        self.assertEqual(round(1250, -2), 1200)
        self.assertEqual(round(1350, -2), 1400)
        self.assertEqual(round(-150, -2), -200)
        self.assertEqual(round(5, 2), 5)
        self.assertEqual(round(5, -5), 0)
        self.assertIs(type(round(5)), int)

    def test_misc_methods(self):
        self.assertEqual((7).as_integer_ratio(), (7, 1))
        self.assertTrue((7).is_integer())
        self.assertEqual((7).conjugate(), 7)
        self.assertEqual((7).real, 7)
        self.assertEqual((7).imag, 0)
        self.assertEqual((7).numerator, 7)
        self.assertEqual((7).denominator, 1)
        self.assertEqual((7).__trunc__(), 7)
        self.assertEqual((7).__floor__(), 7)
        self.assertEqual((7).__ceil__(), 7)
        self.assertEqual((7).__index__(), 7)
        self.assertEqual((7).__getnewargs__(), (7,))

    def test_repr_and_bases(self):
        self.assertEqual(repr(-12345678901234567890), "-12345678901234567890")
        self.assertEqual(bin(5), "0b101")
        self.assertEqual(bin(-5), "-0b101")
        self.assertEqual(oct(8), "0o10")
        self.assertEqual(hex(255), "0xff")
        self.assertEqual(hex(-(2 ** 64)), "-0x10000000000000000")
        self.assertEqual(str(2 ** 200),
                         "1606938044258990275541962092341162602522202993782792835301376")

    def test_int_info(self):
        self.assertEqual(sys.int_info.default_max_str_digits, 4300)
        self.assertEqual(sys.int_info.str_digits_check_threshold, 640)


if __name__ == "__main__":
    unittest.main()
