"""Tests for the fractions module."""

import copy
import math
import numbers
import sys
import unittest
from fractions import Fraction as F

try:
    import decimal
except ImportError:
    decimal = None


class ConstructionTests(unittest.TestCase):

    def assertFraction(self, value, numerator, denominator):
        self.assertIs(type(value), F)
        self.assertEqual((value.numerator, value.denominator), (numerator, denominator))

    def test_ints(self):
        self.assertFraction(F(), 0, 1)
        self.assertFraction(F(7), 7, 1)
        self.assertFraction(F(6, 4), 3, 2)
        self.assertFraction(F(-6, 4), -3, 2)
        self.assertFraction(F(6, -4), -3, 2)
        self.assertFraction(F(-6, -4), 3, 2)
        self.assertFraction(F(0, -5), 0, 1)
        self.assertFraction(F(True, 2), 1, 2)
        self.assertFraction(F(10 ** 30, 10 ** 28), 100, 1)

    def test_rationals(self):
        self.assertFraction(F(F(3, 4)), 3, 4)
        self.assertFraction(F(F(1, 2), F(1, 3)), 3, 2)
        self.assertFraction(F(F(1, 2), 3), 1, 6)
        self.assertFraction(F(2, F(4, 5)), 5, 2)

    def test_floats(self):
        self.assertFraction(F(0.5), 1, 2)
        self.assertFraction(F(-2.25), -9, 4)
        self.assertFraction(F(0.1), 3602879701896397, 36028797018963968)
        self.assertFraction(F(1e20), 10 ** 20, 1)
        with self.assertRaises(OverflowError) as cm:
            F(math.inf)
        self.assertEqual(str(cm.exception), "cannot convert Infinity to integer ratio")
        with self.assertRaises(ValueError) as cm:
            F(math.nan)
        self.assertEqual(str(cm.exception), "cannot convert NaN to integer ratio")

    def test_strings(self):
        cases = [
            ("3/4", 3, 4), (" -1.5e2 ", -150, 1), ("1_000/3", 1000, 3),
            ("+.5", 1, 2), ("1.", 1, 1), ("1.5_5", 31, 20), ("1E2", 100, 1),
            ("1e-2", 1, 100), ("\t3\n", 3, 1), ("1 /2", 1, 2), ("1/ 2", 1, 2),
            ("-0", 0, 1), ("12/8", 3, 2), ("1_0.5e1_0", 105000000000, 1),
            ("3.1415", 6283, 2000), ("\u0663/4", 3, 4),
        ]
        for text, n, d in cases:
            with self.subTest(text=text):
                self.assertFraction(F(text), n, d)

    def test_bad_strings(self):
        for text in ["", "x", "1/-2", "1.5/2", "inf", "nan", "1/2_", "0x10",
                     "_1", "1__0", "-.e1", ".", "1e", "1/2/3", "1e2e3", "1e+_1",
                     "/2", "1/", "- 1", "3/4j"]:
            with self.subTest(text=text):
                with self.assertRaises(ValueError) as cm:
                    F(text)
                self.assertEqual(str(cm.exception),
                                 "Invalid literal for Fraction: %r" % text)

    def test_zero_denominator(self):
        for args in [(1, 0), ("1/0",), (F(1, 2), 0), (-3, F(0))]:
            with self.subTest(args=args):
                self.assertRaises(ZeroDivisionError, F, *args)
        with self.assertRaises(ZeroDivisionError) as cm:
            F(1, 0)
        self.assertEqual(str(cm.exception), "Fraction(1, 0)")
        with self.assertRaises(ZeroDivisionError) as cm:
            F("7/0")
        self.assertEqual(str(cm.exception), "Fraction(7, 0)")

    def test_type_errors(self):
        with self.assertRaises(TypeError) as cm:
            F([])
        self.assertEqual(str(cm.exception),
                         "argument should be a string or a Rational instance")
        with self.assertRaises(TypeError) as cm:
            F(1.5, 2)
        self.assertEqual(str(cm.exception), "both arguments should be Rational instances")
        self.assertRaises(TypeError, F, 1, 2.0)
        self.assertRaises(TypeError, F, "1", 2)
        self.assertRaises(TypeError, F, 1j)

    def test_from_float(self):
        self.assertFraction(F.from_float(0.25), 1, 4)
        self.assertFraction(F.from_float(10), 10, 1)
        self.assertFraction(F.from_float(-0.0), 0, 1)
        with self.assertRaises(TypeError) as cm:
            F.from_float("1")
        self.assertEqual(str(cm.exception),
                         "Fraction.from_float() only takes floats, not '1' (str)")
        self.assertRaises(OverflowError, F.from_float, math.inf)
        self.assertRaises(ValueError, F.from_float, math.nan)

    def test_from_decimal_rejects(self):
        self.assertFraction(F.from_decimal(5), 5, 1)
        with self.assertRaises(TypeError) as cm:
            F.from_decimal(1.5)
        self.assertEqual(str(cm.exception),
                         "Fraction.from_decimal() only takes Decimals, not 1.5 (float)")

    @unittest.skipIf(decimal is None, "the decimal module is not available")
    def test_decimal(self):
        self.assertFraction(F(decimal.Decimal("1.25")), 5, 4)
        self.assertFraction(F.from_decimal(decimal.Decimal("-0.5")), -1, 2)

    def test_subclass(self):
        class MyFraction(F):
            pass
        x = MyFraction(3, 6)
        self.assertIs(type(x), MyFraction)
        self.assertEqual(repr(x), "MyFraction(1, 2)")
        self.assertIs(type(x + 1), F)
        self.assertIs(type(+x), F)
        self.assertIs(type(MyFraction.from_float(0.5)), MyFraction)

    def test_accessors(self):
        x = F(-6, 8)
        self.assertEqual(x.numerator, -3)
        self.assertEqual(x.denominator, 4)
        self.assertEqual(x.as_integer_ratio(), (-3, 4))
        self.assertFalse(x.is_integer())
        self.assertTrue(F(8, 4).is_integer())
        self.assertEqual(x.real, x)
        self.assertEqual(x.imag, 0)
        self.assertEqual(x.conjugate(), x)
        self.assertTrue(isinstance(x, numbers.Rational))
        with self.assertRaises(AttributeError):
            x.numerator = 5

    def test_repr_str(self):
        self.assertEqual(repr(F(3, 4)), "Fraction(3, 4)")
        self.assertEqual(str(F(3, 4)), "3/4")
        self.assertEqual(str(F(-7)), "-7")
        self.assertEqual(repr(F(-7)), "Fraction(-7, 1)")


class ArithmeticTests(unittest.TestCase):

    def assertTypedEquals(self, expected, actual):
        self.assertEqual(type(expected), type(actual))
        self.assertEqual(expected, actual)

    def test_fraction_fraction(self):
        self.assertTypedEquals(F(5, 6), F(1, 2) + F(1, 3))
        self.assertTypedEquals(F(1, 6), F(1, 2) - F(1, 3))
        self.assertTypedEquals(F(1, 6), F(1, 2) * F(1, 3))
        self.assertTypedEquals(F(3, 2), F(1, 2) / F(1, 3))
        self.assertTypedEquals(1, F(1, 2) // F(1, 3))
        self.assertTypedEquals(F(1, 6), F(1, 2) % F(1, 3))
        self.assertTypedEquals((10, F(1, 6)), divmod(F(7, 2), F(1, 3)))
        self.assertTypedEquals(-4, F(-7, 2) // 1)
        self.assertTypedEquals(F(1, 2), F(-7, 2) % 1)
        self.assertTypedEquals(F(-1, 2), F(7, 2) % -1)

    def test_with_int(self):
        self.assertTypedEquals(F(3, 2), F(1, 2) + 1)
        self.assertTypedEquals(F(3, 2), 1 + F(1, 2))
        self.assertTypedEquals(F(1, 2), 1 - F(1, 2))
        self.assertTypedEquals(F(3, 1), F(3, 2) * 2)
        self.assertTypedEquals(F(4, 1), 2 / F(1, 2))
        self.assertTypedEquals(4, 3 // F(2, 3))
        self.assertTypedEquals(F(1, 3), 3 % F(2, 3))
        self.assertTypedEquals((4, F(1, 3)), divmod(3, F(2, 3)))
        self.assertTypedEquals(F(3, 2), F(1, 2) + True)

    def test_with_float(self):
        self.assertTypedEquals(1.0, F(1, 2) + 0.5)
        self.assertTypedEquals(1.0, 0.5 + F(1, 2))
        self.assertTypedEquals(0.3333333333333333, F(1, 3) * 1.0)
        self.assertTypedEquals(0.0, 0.5 - F(1, 2))
        self.assertTypedEquals((7.0, 0.0), divmod(F(7, 2), 0.5))
        self.assertTypedEquals(3.0, F(7, 2) // 1.0)
        self.assertTypedEquals(0.5, 3.5 % F(1))

    def test_with_complex(self):
        self.assertTypedEquals(0.5 + 1j, F(1, 2) + 1j)
        self.assertTypedEquals(1j, 2j * F(1, 2))
        self.assertTypedEquals(-0.5 + 1j, 1j - F(1, 2))
        self.assertRaises(TypeError, lambda: F(1, 2) // 1j)
        self.assertRaises(TypeError, lambda: F(1, 2) % 1j)

    def test_unsupported(self):
        self.assertRaises(TypeError, lambda: F(1, 2) + "1")
        self.assertRaises(TypeError, lambda: "1" * F(1, 2))
        self.assertRaises(TypeError, lambda: F(1, 2) < "1")
        self.assertRaises(TypeError, lambda: F(1, 2) < 1j)

    def test_division_by_zero(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            F(1, 2) / 0
        self.assertEqual(str(cm.exception), "Fraction(1, 0)")
        with self.assertRaises(ZeroDivisionError) as cm:
            F(-5, 3) / F(0)
        self.assertEqual(str(cm.exception), "Fraction(1, 0)")
        with self.assertRaises(ZeroDivisionError) as cm:
            7 / F(0)
        self.assertEqual(str(cm.exception), "Fraction(1, 0)")
        self.assertRaises(ZeroDivisionError, lambda: F(1, 2) // 0)
        self.assertRaises(ZeroDivisionError, lambda: F(1, 2) % F(0))
        self.assertRaises(ZeroDivisionError, divmod, F(1, 2), 0)
        self.assertRaises(ZeroDivisionError, lambda: 1 / F(0))

    def test_unary(self):
        self.assertTypedEquals(F(-1, 2), -F(1, 2))
        self.assertTypedEquals(F(1, 2), +F(1, 2))
        self.assertTypedEquals(F(1, 2), abs(F(-1, 2)))
        self.assertTrue(bool(F(1, 2)))
        self.assertFalse(bool(F(0)))

    def test_pow(self):
        self.assertTypedEquals(F(1, 8), F(1, 2) ** 3)
        self.assertTypedEquals(F(8, 1), F(1, 2) ** -3)
        self.assertTypedEquals(F(-8, 1), F(-1, 2) ** -3)
        self.assertTypedEquals(F(1, 1), F(5, 7) ** 0)
        self.assertTypedEquals(F(4, 1), F(1, 2) ** F(-2))
        self.assertTypedEquals(2.0, F(4) ** 0.5)
        self.assertTypedEquals(2.0, F(4) ** F(1, 2))
        self.assertTypedEquals(F(1, 2), 2 ** F(-1))
        self.assertTypedEquals(8, 2 ** F(3))
        self.assertTypedEquals(1.4142135623730951, 2 ** F(1, 2))
        self.assertTypedEquals(1.4142135623730951, 2.0 ** F(1, 2))
        self.assertTypedEquals(2j, (1 + 1j) ** F(2))
        self.assertIsInstance(F(-8) ** F(1, 3), complex)
        self.assertIsInstance(F(2) ** 1j, complex)
        with self.assertRaises(ZeroDivisionError) as cm:
            F(0) ** -2
        self.assertEqual(str(cm.exception), "Fraction(1, 0)")
        self.assertRaises(TypeError, pow, F(2), 2, 3)

    def test_rounding(self):
        self.assertTypedEquals(-4, math.floor(F(-7, 2)))
        self.assertTypedEquals(-3, math.ceil(F(-7, 2)))
        self.assertTypedEquals(-3, math.trunc(F(-7, 2)))
        self.assertTypedEquals(-3, int(F(-7, 2)))
        self.assertTypedEquals(3, int(F(7, 2)))
        self.assertTypedEquals(2, round(F(5, 2)))
        self.assertTypedEquals(4, round(F(7, 2)))
        self.assertTypedEquals(-2, round(F(-5, 2)))
        self.assertTypedEquals(-3, round(F(-8, 3)))
        self.assertTypedEquals(F(617, 5), round(F(12345, 100), 1))
        self.assertTypedEquals(F(12300), round(F(12345), -2))
        self.assertTypedEquals(F(12400), round(F(12350), -2))
        self.assertTypedEquals(F(0), round(F(1, 3), 0))

    def test_float_conversion(self):
        self.assertEqual(float(F(1, 3)), 1 / 3)
        self.assertEqual(float(F(10 ** 400, 3 * 10 ** 399)), 10 / 3)
        self.assertEqual(complex(F(1, 2)), 0.5 + 0j)


class ComparisonTests(unittest.TestCase):

    def test_equality(self):
        self.assertTrue(F(1, 2) == F(2, 4))
        self.assertTrue(F(2) == 2)
        self.assertTrue(2 == F(2))
        self.assertTrue(F(1, 2) == 0.5)
        self.assertTrue(0.5 == F(1, 2))
        self.assertFalse(F(1, 3) == 1 / 3)
        self.assertTrue(F(1, 2) == 0.5 + 0j)
        self.assertFalse(F(1, 2) == 0.5 + 1j)
        self.assertFalse(F(1) == math.inf)
        self.assertFalse(F(1) == math.nan)
        self.assertTrue(F(1) != math.nan)
        self.assertFalse(F(1, 2) == "1/2")

    def test_ordering(self):
        self.assertTrue(F(1, 3) < F(1, 2))
        self.assertTrue(F(1, 3) <= F(1, 3))
        self.assertTrue(F(1, 3) < 0.34)
        self.assertTrue(F(1, 3) > 1 / 3 - 1e-17)
        self.assertTrue(F(1, 3) != 1 / 3)
        self.assertTrue(F(1) < math.inf)
        self.assertTrue(F(1) > -math.inf)
        self.assertFalse(F(1) > math.nan)
        self.assertFalse(F(1) < math.nan)
        self.assertFalse(F(1) >= math.nan)
        self.assertTrue(2 > F(3, 2))
        self.assertTrue(1.5 >= F(3, 2))
        self.assertEqual(sorted([F(1, 2), 0.25, 1, F(-1, 3)]), [F(-1, 3), 0.25, F(1, 2), 1])
        self.assertEqual(max(F(1, 2), F(2, 3)), F(2, 3))

    def test_hash(self):
        self.assertEqual(hash(F(5, 2)), hash(2.5))
        self.assertEqual(hash(F(-5, 2)), hash(-2.5))
        self.assertEqual(hash(F(7)), hash(7))
        self.assertEqual(hash(F(-1)), hash(-1))
        self.assertEqual(hash(F(-1)), -2)
        self.assertEqual(hash(F(10 ** 40)), hash(10 ** 40))
        self.assertEqual(hash(F(1, 2 ** 40)), hash(2.0 ** -40))
        self.assertEqual(hash(F(1, 3)), 1537228672809129301)
        self.assertEqual(hash(F(-1, 3)), -1537228672809129301)
        modulus = sys.hash_info.modulus
        self.assertEqual(hash(F(modulus, 3)), 0)
        self.assertEqual(hash(F(1, modulus)), sys.hash_info.inf)
        self.assertEqual(hash(F(-1, modulus)), -sys.hash_info.inf)
        self.assertEqual(len({F(1, 2), 0.5, F(2, 4)}), 1)


class MethodTests(unittest.TestCase):

    def test_limit_denominator(self):
        pi = F(3.141592653589793)
        self.assertEqual(pi.limit_denominator(10), F(22, 7))
        self.assertEqual(pi.limit_denominator(1000), F(355, 113))
        self.assertEqual(F("3.141592653589793").limit_denominator(10), F(22, 7))
        self.assertEqual(F(1, 3).limit_denominator(2), F(1, 2))
        self.assertEqual(F(1, 2).limit_denominator(1), F(0))
        self.assertEqual(F(-22, 7).limit_denominator(5), F(-16, 5))
        self.assertEqual(F(201, 200).limit_denominator(100), F(1))
        self.assertEqual(F(201, 200).limit_denominator(101), F(102, 101))
        self.assertEqual(F(0).limit_denominator(10000), F(0))
        self.assertEqual(F(1, 3).limit_denominator(), F(1, 3))
        x = F(7, 5)
        self.assertIsNot(x.limit_denominator(100), x)
        with self.assertRaises(ValueError) as cm:
            F(1, 2).limit_denominator(0)
        self.assertEqual(str(cm.exception), "max_denominator should be at least 1")

    def test_copy(self):
        x = F(3, 7)
        self.assertIs(copy.copy(x), x)
        self.assertIs(copy.deepcopy(x), x)
        self.assertEqual(x.__reduce__(), (F, (3, 7)))


class FormatTests(unittest.TestCase):

    def check(self, cases):
        for value, spec, expected in cases:
            with self.subTest(value=value, spec=spec):
                self.assertEqual(format(value, spec), expected)

    def test_fraction_form(self):
        self.check([
            (F(3, 4), "", "3/4"),
            (F(3, 4), ">10", "       3/4"),
            (F(-3, 4), "+#10", "      -3/4"),
            (F(-1, 3), "=10", "-      1/3"),
            (F(-1, 3), "*^+12", "****-1/3****"),
            (F(10 ** 6, 3), ",", "1,000,000/3"),
            (F(-10 ** 6, 3), "=+15,", "-   1,000,000/3"),
            (F(5), "", "5"),
            (F(5), "#", "5/1"),
            (F(7), " ", " 7"),
            (F(7), "+", "+7"),
            (F(-1, 3), "0", "-1/3"),
            (F(1, 3), "_", "1/3"),
            (F(12345, 100000), "<12_", "2_469/20_000"),
        ])
        self.assertEqual(str(F(3, 4)), f"{F(3, 4)}")

    def test_float_forms(self):
        self.check([
            (F(1, 3), ".3f", "0.333"),
            (F(1, 3), "e", "3.333333e-01"),
            (F(1, 3), "E", "3.333333E-01"),
            (F(1, 3), "%", "33.333333%"),
            (F(1, 3), "g", "0.333333"),
            (F(1, 3), "#g", "0.333333"),
            (F(10 ** 20, 3), ",.2f", "33,333,333,333,333,333,333.33"),
            (F(2, 3), ".0%", "67%"),
            (F(-1, 3), "#.0%", "-33.%"),
            (F(-1, 1000), "z.1f", "0.0"),
            (F(-1, 1000), ".1f", "-0.0"),
            (F(0), ".3g", "0"),
            (F(0), "#.3g", "0.00"),
            (F(1, 3), "#.0f", "0."),
            (F(12345), ".3g", "1.23e+04"),
            (F(1, 3), "010.3f", "000000.333"),
            (F(1, 8), ".2f", "0.12"),
            (F(3, 8), ".2f", "0.38"),
            (F(-5, 2), ".0f", "-2"),
            (F(-1, 2), ".0f", "-0"),
            (F(0), "e", "0.000000e+00"),
            (F(0), "%", "0.000000%"),
            (F(1), "g", "1"),
            (F(123456789), "g", "1.23457e+08"),
            (F(1, 10 ** 5), "g", "1e-05"),
            (F(1, 10 ** 4), "g", "0.0001"),
            (F(100), ".0e", "1e+02"),
            (F(100), "#.0e", "1.e+02"),
            (F(10 ** 20), "G", "1E+20"),
            (F(-1, 3), "=+12.3f", "-      0.333"),
            (F(1, 3), "012,.3f", "0,000,000.333"),
            (F(999999, 10 ** 6), ".3g", "1"),
            (F(9999), ".2e", "1.00e+04"),
            (F(99999, 10 ** 9), ".2g", "0.0001"),
            (F(7), "_.3f", "7.000"),
            (F(1, 3), "*<10.2f", "0.33******"),
            (F(1, 3), "^+9.2f", "  +0.33  "),
            (F(22, 7), " .5F", " 3.14286"),
            (F(1, 7), ".30f", "0.142857142857142857142857142857"),
            (F(10 ** 100), ".3e", "1.000e+100"),
        ])

    def test_invalid(self):
        for spec in ["z", ".2", "z10", "=010", "010", "=010.2f", "<010.2f", "x",
                     "10.2n", ",_", ".3_f", "d", "s", ".f"]:
            with self.subTest(spec=spec):
                with self.assertRaises(ValueError) as cm:
                    format(F(1, 3), spec)
                self.assertEqual(
                    str(cm.exception),
                    "Invalid format specifier %r for object of type 'Fraction'" % spec)


if __name__ == "__main__":
    unittest.main()
