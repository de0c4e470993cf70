"""Tests for float: repr, parsing, arithmetic, rounding, hex."""

import math
import random
import sys
import unittest

INF = float("inf")
NAN = float("nan")


def bits_to_float(bits):
    """The double whose IEEE 754 bit pattern is the 64-bit integer bits."""
    sign = "-" if bits >> 63 else ""
    exponent = (bits >> 52) & 0x7FF
    mantissa = bits & ((1 << 52) - 1)
    if exponent == 0x7FF:
        return NAN if mantissa else float(sign + "inf")
    if exponent == 0:
        return float.fromhex(f"{sign}0x0.{mantissa:013x}p-1022")
    return float.fromhex(f"{sign}0x1.{mantissa:013x}p{exponent - 1023}")


class FloatReprTests(unittest.TestCase):

    def test_known_values(self):
        cases = {
            0.0: "0.0", 1.0: "1.0", 0.1: "0.1", 1e16: "1e+16",
            1e15: "1000000000000000.0", 1e-5: "1e-05", 1e-4: "0.0001", 5e-324: "5e-324",
            1.7976931348623157e308: "1.7976931348623157e+308", 0.3: "0.3",
            2 / 3: "0.6666666666666666", 123456789012345678.0: "1.2345678901234568e+17",
            1.5e300: "1.5e+300", 9007199254740993.0: "9007199254740992.0",
        }
        for value, text in cases.items():
            with self.subTest(text=text):
                self.assertEqual(repr(value), text)
                self.assertEqual(str(value), text)
        self.assertEqual(repr(-0.0), "-0.0")
        self.assertEqual(repr(INF), "inf")
        self.assertEqual(repr(-INF), "-inf")
        self.assertEqual(repr(NAN), "nan")

    def test_round_trip_random(self):
        rng = random.Random(42)
        for _ in range(20000):
            x = bits_to_float(rng.getrandbits(64))
            if math.isfinite(x):
                self.assertEqual(float(repr(x)), x)

    def test_shortest(self):
        self.assertEqual(repr(2.0 ** -1074 * 3), "1.5e-323")
        self.assertEqual(repr(0.1 + 0.2), "0.30000000000000004")
        self.assertEqual(repr(2.0 ** 100), "1.2676506002282294e+30")


class FloatParseTests(unittest.TestCase):

    def test_valid(self):
        self.assertEqual(float("1.5"), 1.5)
        self.assertEqual(float("  -1.5e3 \n"), -1500.0)
        self.assertEqual(float("1_000.000_1"), 1000.0001)
        self.assertEqual(float(".5"), 0.5)
        self.assertEqual(float("5."), 5.0)
        self.assertEqual(float("1e5_0"), 1e50)
        self.assertEqual(float(b"2.5"), 2.5)
        self.assertEqual(float("-iNfinity"), -INF)
        self.assertEqual(float("inf"), INF)
        self.assertTrue(math.isnan(float("  nan ")))
        self.assertEqual(float("1e400"), INF)
        self.assertEqual(repr(float("-1e-400")), "-0.0")
        self.assertEqual(float("0.1000000000000000055511151231257827"), 0.1)

    def test_invalid(self):
        for text in ["", " ", "1__0", "_1", "1_", "0x10", "1e", "e5", "1.5.", "in", "nan1",
                     "1 2", "--1"]:
            with self.subTest(text=text):
                with self.assertRaises(ValueError):
                    float(text)
        with self.assertRaises(ValueError) as cm:
            float("x")
        self.assertEqual(str(cm.exception), "could not convert string to float: 'x'")
        with self.assertRaises(TypeError):
            float([])
        with self.assertRaises(TypeError):
            float(x=1)

    def test_dunder_float(self):
        class F:
            def __float__(self):
                return 2.5

        class I:
            def __index__(self):
                return 3

        self.assertEqual(float(F()), 2.5)
        self.assertEqual(float(I()), 3.0)

    def test_float_subclass_dunder_float(self):
        class F(float):
            def __float__(self):
                return 42.0

        self.assertEqual(float(F()), 42.0)

    def test_bytes_like(self):
        self.assertEqual(float(memoryview(b"1.25x")[:4]), 1.25)

    def test_int_conversion(self):
        self.assertEqual(float(2 ** 53 + 1), 2.0 ** 53)
        with self.assertRaises(OverflowError):
            float(10 ** 400)


class FloatArithmeticTests(unittest.TestCase):

    def test_division_by_zero(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1.0 / 0
        self.assertEqual(str(cm.exception), "float division by zero")
        with self.assertRaises(ZeroDivisionError) as cm:
            1.0 % 0
        self.assertEqual(str(cm.exception), "float modulo by zero")
        with self.assertRaises(ZeroDivisionError) as cm:
            1.0 // 0
        self.assertEqual(str(cm.exception), "float floor division by zero")
        with self.assertRaises(ZeroDivisionError):
            divmod(1.0, 0.0)

    def test_floor_division_and_modulo(self):
        self.assertEqual(divmod(-7.5, 2), (-4.0, 0.5))
        self.assertEqual(-7.5 % 2, 0.5)
        self.assertEqual(7.5 % -2, -0.5)
        self.assertEqual(repr(-0.0 % 5), "0.0")
        self.assertEqual(repr(0.0 % -5), "-0.0")
        self.assertEqual((-7.5) // 2, -4.0)
        self.assertEqual(1.0 // 0.1, 9.0)
        self.assertEqual(1.0 % 0.1, 0.09999999999999995)

    def test_power(self):
        self.assertEqual(2.0 ** 10, 1024.0)
        self.assertEqual(INF ** -1, 0.0)
        self.assertEqual(1.0 ** NAN, 1.0)
        self.assertEqual(NAN ** 0, 1.0)
        self.assertEqual((-1.0) ** INF, 1.0)
        self.assertEqual((-2.0) ** 3, -8.0)
        self.assertIsInstance((-8.0) ** (1 / 3), complex)
        with self.assertRaises(ZeroDivisionError):
            0.0 ** -1
        with self.assertRaises(OverflowError) as cm:
            10.0 ** 400
        self.assertEqual(cm.exception.args, (34, "Numerical result out of range"))
        with self.assertRaises(TypeError):
            pow(2.0, 3, 4)

    def test_overflow_to_inf(self):
        self.assertEqual(1e300 * 1e300, INF)

    def test_comparisons_with_int(self):
        self.assertTrue(2.0 ** 53 != 2 ** 53 + 1)
        self.assertTrue(2.0 ** 53 < 2 ** 53 + 1)
        self.assertTrue(1e308 < 10 ** 400)
        self.assertTrue(-1e308 > -(10 ** 400))
        self.assertTrue(INF > 10 ** 400)
        self.assertFalse(NAN == 1)
        self.assertTrue(NAN != 1)
        self.assertFalse(NAN < 1)
        self.assertTrue(0.5 < 1)
        self.assertTrue(-0.5 > -1)
        self.assertTrue(1.5 > 1)
        self.assertTrue(float(2 ** 80) == 2 ** 80)

    def test_hash(self):
        self.assertEqual(hash(1.0), hash(1))
        self.assertEqual(hash(-0.0), 0)
        self.assertEqual(hash(0.5), 1152921504606846976)
        self.assertEqual(hash(1e300), 1224995262755759164)
        self.assertEqual(hash(2.0 ** 70), hash(2 ** 70))
        self.assertEqual(hash(-1.0), -2)
        self.assertEqual(hash(INF), 314159)
        self.assertEqual(hash(-INF), -314159)
        self.assertEqual(hash(1e-300), 482449582752280463)


class FloatMethodTests(unittest.TestCase):

    def test_round(self):
        self.assertEqual(round(1.5), 2)
        self.assertEqual(round(2.5), 2)
        self.assertEqual(round(-0.5), 0)
        self.assertIs(type(round(2.5)), int)
        self.assertEqual(round(2.675, 2), 2.67)
        self.assertEqual(round(0.125, 2), 0.12)
        self.assertEqual(round(0.375, 2), 0.38)
        self.assertEqual(round(123.456, -1), 120.0)
        self.assertEqual(round(1e308, -308), 1e308)
        self.assertEqual(round(5e-324, 400), 5e-324)
        self.assertEqual(round(1e300, -400), 0.0)
        self.assertEqual(repr(round(-0.4)), "0")
        self.assertEqual(repr(round(-0.04, 1)), "-0.0")
        self.assertEqual(round(INF, 2), INF)
        with self.assertRaises(OverflowError):
            round(INF)
        with self.assertRaises(ValueError):
            round(NAN)

    def test_trunc_floor_ceil(self):
        self.assertEqual(math.trunc(-2.5), -2)
        self.assertEqual(math.floor(-2.5), -3)
        self.assertEqual(math.ceil(-2.5), -2)
        self.assertEqual(int(1e20), 100000000000000000000)

    def test_is_integer(self):
        self.assertTrue((2.0).is_integer())
        self.assertFalse((2.5).is_integer())
        self.assertFalse(INF.is_integer())
        self.assertFalse(NAN.is_integer())

    def test_as_integer_ratio(self):
        self.assertEqual((2.5).as_integer_ratio(), (5, 2))
        self.assertEqual((0.0).as_integer_ratio(), (0, 1))
        self.assertEqual((-0.75).as_integer_ratio(), (-3, 4))
        self.assertEqual((1e20).as_integer_ratio(), (10 ** 20, 1))
        self.assertEqual((0.1).as_integer_ratio(), (3602879701896397, 36028797018963968))
        with self.assertRaises(OverflowError):
            INF.as_integer_ratio()
        with self.assertRaises(ValueError):
            NAN.as_integer_ratio()

    def test_hex(self):
        self.assertEqual((1.5).hex(), "0x1.8000000000000p+0")
        self.assertEqual((0.1).hex(), "0x1.999999999999ap-4")
        self.assertEqual((5e-324).hex(), "0x0.0000000000001p-1022")
        self.assertEqual((0.0).hex(), "0x0.0p+0")
        self.assertEqual((-0.0).hex(), "-0x0.0p+0")
        self.assertEqual(INF.hex(), "inf")

    def test_fromhex(self):
        self.assertEqual(float.fromhex("0x1.8p1"), 3.0)
        self.assertEqual(float.fromhex(" -0X1.8P+1 "), -3.0)
        self.assertEqual(float.fromhex("1"), 1.0)
        self.assertEqual(float.fromhex(".8"), 0.5)
        self.assertEqual(float.fromhex("0x.8p1"), 1.0)
        self.assertEqual(float.fromhex("0x1p-1075"), 0.0)
        self.assertEqual(float.fromhex("0x3p-1076"), 5e-324)
        self.assertEqual(float.fromhex("0x3p-1075"), 5e-324 * 2)
        self.assertEqual(float.fromhex("0x5p-1075"), 5e-324 * 2)
        self.assertEqual(float.fromhex("inf"), INF)
        self.assertEqual(float.fromhex("0x1.fffffffffffff8p0"), 2.0)
        with self.assertRaises(OverflowError):
            float.fromhex("0x1p1024")
        with self.assertRaises(ValueError):
            float.fromhex("x")
        rng = random.Random(7)
        for _ in range(1000):
            x = rng.random() * 2.0 ** rng.randint(-1070, 1000)
            self.assertEqual(float.fromhex(x.hex()), x)

    def test_misc(self):
        self.assertEqual((2.5).conjugate(), 2.5)
        self.assertEqual((2.5).real, 2.5)
        self.assertEqual((2.5).imag, 0.0)
        self.assertEqual(float.__getformat__("double"), "IEEE, little-endian")
        self.assertEqual((2.5).__getnewargs__(), (2.5,))

    def test_float_info(self):
        self.assertEqual(sys.float_info.max, 1.7976931348623157e308)
        self.assertEqual(sys.float_info.mant_dig, 53)
        self.assertEqual(sys.float_info.epsilon, 2.220446049250313e-16)
        self.assertEqual(sys.float_info.radix, 2)

    def test_subclass(self):
        class F(float):
            pass

        f = F(1.5)
        self.assertIsInstance(f, F)
        self.assertEqual(f + 1, 2.5)
        self.assertIs(type(f + 1), float)


if __name__ == "__main__":
    unittest.main()
