"""Tests for the numbers module (the PEP 3141 ABC tower)."""

import math
import numbers
import unittest
from numbers import Complex, Integral, Number, Rational, Real


class TowerTests(unittest.TestCase):

    def test_subclass_chain(self):
        self.assertTrue(issubclass(Complex, Number))
        self.assertTrue(issubclass(Real, Complex))
        self.assertTrue(issubclass(Rational, Real))
        self.assertTrue(issubclass(Integral, Rational))
        self.assertFalse(issubclass(Number, Complex))

    def test_builtins_registered(self):
        self.assertTrue(isinstance(1, Integral))
        self.assertTrue(isinstance(True, Integral))
        self.assertTrue(isinstance(1, Number))
        self.assertTrue(isinstance(1.5, Real))
        self.assertFalse(isinstance(1.5, Rational))
        self.assertTrue(isinstance(1j, Complex))
        self.assertFalse(isinstance(1j, Real))
        self.assertTrue(issubclass(int, Complex))
        self.assertTrue(issubclass(bool, Number))
        self.assertFalse(isinstance("1", Number))
        self.assertFalse(isinstance(None, Number))

    def test_all(self):
        self.assertEqual(sorted(numbers.__all__),
                         ["Complex", "Integral", "Number", "Rational", "Real"])

    def test_number_unhashable_by_default(self):
        self.assertIsNone(Number.__hash__)

    def test_abstract_methods(self):
        self.assertEqual(Integral.__abstractmethods__ - Rational.__abstractmethods__,
                         {"__int__", "__lshift__", "__rlshift__", "__rshift__",
                          "__rrshift__", "__and__", "__rand__", "__xor__",
                          "__rxor__", "__or__", "__ror__", "__invert__"})
        self.assertIn("numerator", Rational.__abstractmethods__)
        self.assertIn("denominator", Rational.__abstractmethods__)
        self.assertIn("__float__", Real.__abstractmethods__)
        self.assertNotIn("__float__", Rational.__abstractmethods__)
        self.assertIn("__complex__", Complex.__abstractmethods__)
        self.assertNotIn("__complex__", Real.__abstractmethods__)
        self.assertIn("real", Complex.__abstractmethods__)
        self.assertNotIn("real", Real.__abstractmethods__)
        self.assertEqual(Number.__abstractmethods__, frozenset())
        with self.assertRaises(TypeError):
            Complex()
        with self.assertRaises(TypeError):
            Integral()


class MyInt(Integral):
    """A minimal concrete Integral built on an int."""

    def __init__(self, value):
        self.value = value

    def __int__(self):
        return self.value

    def __repr__(self):
        return "MyInt(%d)" % self.value

    def _wrap(self, other):
        return other.value if isinstance(other, MyInt) else other

    def __add__(self, other):
        return MyInt(self.value + self._wrap(other))

    def __radd__(self, other):
        return MyInt(other + self.value)

    def __neg__(self):
        return MyInt(-self.value)

    def __pos__(self):
        return MyInt(self.value)

    def __mul__(self, other):
        return MyInt(self.value * self._wrap(other))

    __rmul__ = __mul__

    def __truediv__(self, other):
        return self.value / self._wrap(other)

    def __rtruediv__(self, other):
        return other / self.value

    def __floordiv__(self, other):
        return MyInt(self.value // self._wrap(other))

    def __rfloordiv__(self, other):
        return MyInt(other // self.value)

    def __mod__(self, other):
        return MyInt(self.value % self._wrap(other))

    def __rmod__(self, other):
        return MyInt(other % self.value)

    def __pow__(self, exponent, modulus=None):
        return MyInt(pow(self.value, self._wrap(exponent), modulus))

    def __rpow__(self, base):
        return MyInt(base ** self.value)

    def __abs__(self):
        return MyInt(abs(self.value))

    def __eq__(self, other):
        return self.value == self._wrap(other)

    def __lt__(self, other):
        return self.value < self._wrap(other)

    def __le__(self, other):
        return self.value <= self._wrap(other)

    def __trunc__(self):
        return self.value

    def __floor__(self):
        return self.value

    def __ceil__(self):
        return self.value

    def __round__(self, ndigits=None):
        return self.value

    def __lshift__(self, other):
        return MyInt(self.value << self._wrap(other))

    def __rlshift__(self, other):
        return MyInt(other << self.value)

    def __rshift__(self, other):
        return MyInt(self.value >> self._wrap(other))

    def __rrshift__(self, other):
        return MyInt(other >> self.value)

    def __and__(self, other):
        return MyInt(self.value & self._wrap(other))

    __rand__ = __and__

    def __xor__(self, other):
        return MyInt(self.value ^ self._wrap(other))

    __rxor__ = __xor__

    def __or__(self, other):
        return MyInt(self.value | self._wrap(other))

    __ror__ = __or__

    def __invert__(self):
        return MyInt(~self.value)

    __hash__ = None


class MixinTests(unittest.TestCase):

    def test_concrete_subclass(self):
        x = MyInt(7)
        self.assertTrue(isinstance(x, Integral))
        self.assertTrue(isinstance(x, Real))

    def test_integral_defaults(self):
        x = MyInt(7)
        self.assertEqual(float(x), 7.0)
        self.assertEqual(x.__index__(), 7)
        self.assertEqual([0, 1, 2, 3, 4, 5, 6, 7, 8][x], 7)
        self.assertEqual(x.numerator, 7)
        self.assertEqual(x.denominator, 1)
        self.assertIsInstance(x.numerator, MyInt)

    def test_real_defaults(self):
        x = MyInt(7)
        self.assertEqual(complex(x), 7 + 0j)
        self.assertEqual(x.real, 7)
        self.assertEqual(x.imag, 0)
        self.assertEqual(x.conjugate(), 7)
        self.assertEqual(divmod(x, 2), (3, 1))
        self.assertEqual(divmod(23, x), (3, 2))

    def test_complex_defaults(self):
        x = MyInt(7)
        self.assertEqual(x - 2, 5)
        self.assertEqual(10 - x, 3)
        self.assertTrue(bool(x))
        self.assertFalse(bool(MyInt(0)))


class RationalDefaultTests(unittest.TestCase):

    def test_float_from_numerator_denominator(self):
        class Half:
            numerator = 1
            denominator = 2
        self.assertEqual(Rational.__float__(Half()), 0.5)


class BuiltinConsistencyTests(unittest.TestCase):

    def test_int(self):
        self.assertEqual((7).numerator, 7)
        self.assertEqual((7).denominator, 1)
        self.assertEqual((7).real, 7)
        self.assertEqual((7).imag, 0)
        self.assertEqual(math.trunc(7), 7)

    def test_float(self):
        self.assertEqual((2.5).real, 2.5)
        self.assertEqual((2.5).imag, 0)
        self.assertEqual((2.5).conjugate(), 2.5)

    def test_complex(self):
        self.assertEqual((1 + 2j).conjugate(), 1 - 2j)
        self.assertRaises(TypeError, math.trunc, 1j)


if __name__ == "__main__":
    unittest.main()
