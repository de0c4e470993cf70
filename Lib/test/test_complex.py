"""Tests for complex."""

import math
import unittest

INF = float("inf")
NAN = float("nan")


class ComplexTests(unittest.TestCase):

    def test_repr(self):
        self.assertEqual(repr(1 + 2j), "(1+2j)")
        self.assertEqual(repr(1j), "1j")
        self.assertEqual(repr(-1j), "(-0-1j)")
        self.assertEqual(repr(complex(0, -1)), "-1j")
        self.assertEqual(repr(complex(0, -0.0)), "-0j")
        self.assertEqual(repr(complex(-0.0, -0.0)), "(-0-0j)")
        self.assertEqual(repr(complex(1, NAN)), "(1+nanj)")
        self.assertEqual(repr(complex(INF, -INF)), "(inf-infj)")
        self.assertEqual(repr(complex(1e16, 2)), "(1e+16+2j)")
        self.assertEqual(repr(complex(1.5, -2.25)), "(1.5-2.25j)")

    def test_constructor(self):
        self.assertEqual(complex(), 0j)
        self.assertEqual(complex(1), 1 + 0j)
        self.assertEqual(complex(1, 2), 1 + 2j)
        self.assertEqual(complex(real=1, imag=2), 1 + 2j)
        self.assertEqual(complex(1j, 1j), -1 + 1j)
        self.assertEqual(complex(2.5), 2.5 + 0j)

        class C:
            def __complex__(self):
                return 3 + 4j

        self.assertEqual(complex(C()), 3 + 4j)
        with self.assertRaises(TypeError):
            complex([])
        with self.assertRaises(TypeError):
            complex(1, [])
        with self.assertRaises(TypeError):
            complex("1", 1)
        with self.assertRaises(TypeError):
            complex(1, "1")

    def test_from_string(self):
        cases = {
            "1+2j": 1 + 2j, " ( 1+2j ) ": 1 + 2j, "j": 1j, "-j": -1j, "+j": 1j,
            "1e3j": 1000j, "1_0+2_0j": 10 + 20j, "-1.5e-3-2J": complex(-0.0015, -2),
            "3": 3 + 0j, "(3)": 3 + 0j, "1-j": 1 - 1j, "infj": complex(0, INF),
        }
        for text, value in cases.items():
            with self.subTest(text=text):
                self.assertEqual(complex(text), value)
        for text in ["", "x", "1+", "1 + 2j", "(1+2j", "1+2", "j1", "1jj", "1+2j)"]:
            with self.subTest(text=text):
                with self.assertRaises(ValueError):
                    complex(text)

    def test_arithmetic(self):
        self.assertEqual((1 + 2j) + (3 - 1j), 4 + 1j)
        self.assertEqual((1 + 2j) - 1, 2j)
        self.assertEqual((1 + 2j) * (3 + 4j), -5 + 10j)
        self.assertEqual((1 + 2j) / (1 + 2j), 1 + 0j)
        self.assertEqual((-5 + 10j) / (3 + 4j), 1 + 2j)
        self.assertEqual(2 * (1 + 1j), 2 + 2j)
        self.assertEqual(-(1 + 1j), -1 - 1j)
        self.assertEqual(abs(3 + 4j), 5.0)
        self.assertEqual(1e300j * 1e300j, complex(-INF, 0))
        with self.assertRaises(ZeroDivisionError):
            (1 + 1j) / 0
        with self.assertRaises(TypeError):
            (1 + 1j) // 2
        with self.assertRaises(TypeError):
            (1 + 1j) % 2

    def test_power(self):
        self.assertEqual(1j ** 2, -1 + 0j)
        self.assertEqual((1 + 1j) ** 0, 1 + 0j)
        self.assertEqual((2 + 0j) ** 3, 8 + 0j)
        self.assertEqual((1 + 0j) ** (10 ** 6), 1 + 0j)
        z = (1 + 1j) ** 0.5
        self.assertAlmostEqual(z.real, 1.0986841134678098)
        self.assertAlmostEqual(z.imag, 0.45508986056222733)
        with self.assertRaises(ZeroDivisionError):
            0j ** -1
        with self.assertRaises(ZeroDivisionError):
            0j ** 1j
        with self.assertRaises(OverflowError):
            (2 + 0j) ** 2000
        with self.assertRaises(ValueError):
            pow(1j, 2, 3)

    def test_comparison_and_hash(self):
        self.assertTrue(complex(1, 0) == 1)
        self.assertFalse((1 + 2j) == 1)
        self.assertTrue(complex(2 ** 53, 0) == 2 ** 53)
        self.assertFalse(complex(2 ** 53, 0) == 2 ** 53 + 1)
        with self.assertRaises(TypeError):
            (1 + 2j) < (1 + 1j)
        self.assertEqual(hash(1 + 2j), 2000007)
        self.assertEqual(hash(complex(1, 0)), hash(1))

    def test_attributes(self):
        z = 3 + 4j
        self.assertEqual(z.real, 3.0)
        self.assertEqual(z.imag, 4.0)
        self.assertIs(type(z.real), float)
        self.assertEqual(z.conjugate(), 3 - 4j)
        self.assertEqual(z.__complex__(), z)
        self.assertEqual(z.__getnewargs__(), (3.0, 4.0))
        self.assertFalse(bool(0j))
        self.assertTrue(bool(1j))

    def test_subclass(self):
        class Z(complex):
            pass

        z = Z(1, 2)
        self.assertIsInstance(z, Z)
        self.assertEqual(z, 1 + 2j)
        self.assertTrue(math.isclose(abs(z), 5 ** 0.5))


if __name__ == "__main__":
    unittest.main()
