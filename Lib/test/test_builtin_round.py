"""Tests of round() on floats and of the round() entry point; expected values are CPython 3.13's.

round(x, n) must be the double nearest to x rounded half-to-even at 10**-n, exactly: the
random tests check it against exact integer arithmetic and, when the reference interpreter
is installed, against CPython itself.
"""

import math
import os
import random
import struct
import subprocess
import sys
import unittest

REFERENCE = "/root/.pyenv/versions/3.13.0/bin/python3.13"
INF = float("inf")
NAN = float("nan")


def exact_round(x, ndigits):
    """round(x, ndigits) for a finite float x, computed with exact integers."""
    num, den = x.as_integer_ratio()
    if ndigits >= 0:
        num *= 10 ** ndigits
    else:
        den *= 10 ** -ndigits
    q, r = divmod(num, den)
    if 2 * r > den or (2 * r == den and q % 2 == 1):
        q += 1
    if ndigits >= 0:
        value = q / 10 ** ndigits
    else:
        value = float(q * 10 ** -ndigits)
    return math.copysign(value, x)


def random_doubles(rng, count):
    """count finite doubles of various shapes: random bits, decimal-looking halves, scaled."""
    result = []
    while len(result) < count:
        kind = rng.random()
        if kind < 0.3:
            x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        elif kind < 0.6:
            x = rng.uniform(-1.0, 1.0) * 10.0 ** rng.randint(-25, 25)
        elif kind < 0.8:
            x = float("%d.%05d5" % (rng.randint(0, 10 ** 6), rng.randint(0, 10 ** 5)))
        else:
            x = rng.randint(-10 ** 6, 10 ** 6) / 2 ** rng.randint(0, 30)
        if math.isfinite(x):
            result.append(x)
    return result


def outcome(x, ndigits):
    """round(x, ndigits).hex(), or the name of the exception it raises."""
    try:
        return round(x, ndigits).hex()
    except OverflowError:
        return "OverflowError"


class FixedCases(unittest.TestCase):
    def test_half_even_without_ndigits(self):
        for x, expected in [(0.5, 0), (1.5, 2), (2.5, 2), (-0.5, 0), (-1.5, -2),
                            (0.49999999999999994, 0), (4503599627370497.0, 4503599627370497),
                            (1e22, 10 ** 22), (-2.5, -2), (3.7, 4), (-3.7, -4)]:
            with self.subTest(x=x):
                result = round(x)
                self.assertIs(type(result), int)
                self.assertEqual(result, expected)
        self.assertIs(type(round(2.5, None)), int)

    def test_decimal_representation_error(self):
        self.assertEqual(round(2.675, 2), 2.67)
        self.assertEqual(round(1.005, 2), 1.0)
        self.assertEqual(round(0.125, 2), 0.12)
        self.assertEqual(round(0.375, 2), 0.38)
        self.assertEqual(round(-0.125, 2), -0.12)
        self.assertEqual(round(5e-324, 323), 0.0)
        self.assertEqual(round(0.1 + 0.2, 15), 0.3)
        self.assertEqual(round(123.456, 1), 123.5)
        self.assertEqual(round(1.23456789e-10, 15), 1.23457e-10)

    def test_negative_ndigits(self):
        cases = [(25.0, -1, 20.0), (35.0, -1, 40.0), (25.000000000000004, -1, 30.0),
                 (-25.0, -1, -20.0), (12345.678, -2, 12300.0), (150.0, -2, 200.0),
                 (250.0, -2, 200.0), (5e18, -19, 0.0), (1.5e19, -19, 2e19),
                 (9.2e18, -19, 1e19), (4e18, -19, 0.0), (1e300, -300, 1e300),
                 (1.5e300, -300, 2e300), (1e300, -301, 0.0)]
        for x, nd, expected in cases:
            with self.subTest(x=x, ndigits=nd):
                self.assertEqual(round(x, nd), expected)

    def test_signed_zero(self):
        for x, nd in [(-0.0, 1), (-0.0, 0), (-0.0, -3), (-0.4, 0), (-0.004, 2), (-4.0, -1),
                      (-1e-300, 5), (-3e18, -19), (-1e300, -400)]:
            with self.subTest(x=x, ndigits=nd):
                result = round(x, nd)
                self.assertEqual(result, 0.0)
                self.assertEqual(math.copysign(1.0, result), -1.0)
        self.assertEqual(math.copysign(1.0, round(0.0, 2)), 1.0)
        self.assertEqual(math.copysign(1.0, round(0.4, 0)), 1.0)

    def test_large_ndigits_return_x(self):
        for x in [1.1, 5e-324, -2.2250738585072014e-308, 1.7976931348623157e308,
                  0.1, 123456789.123456789]:
            for nd in [324, 400, 401, 10 ** 6, 10 ** 30]:
                with self.subTest(x=x, ndigits=nd):
                    self.assertEqual(round(x, nd), x)

    def test_very_negative_ndigits(self):
        for nd in [-309, -400, -10 ** 6, -10 ** 30]:
            self.assertEqual(round(1.7976931348623157e308, nd), 0.0)
            self.assertEqual(round(123.0, nd), 0.0)

    def test_overflow(self):
        for x, nd in [(1.7976931348623157e308, -308), (1.7976931348623157e308, -305),
                      (-1.7976931348623157e308, -305)]:
            with self.subTest(x=x, ndigits=nd):
                with self.assertRaises(OverflowError) as cm:
                    round(x, nd)
                self.assertEqual(str(cm.exception), "rounded value too large to represent")
        self.assertEqual(round(1.7976931348623157e308, -300), 1.79769313e308)

    def test_inf_and_nan(self):
        self.assertEqual(round(INF, 2), INF)
        self.assertEqual(round(-INF, -2), -INF)
        self.assertTrue(math.isnan(round(NAN, 2)))
        self.assertTrue(math.isnan(round(NAN, -2)))
        with self.assertRaises(OverflowError) as cm:
            round(INF)
        self.assertEqual(str(cm.exception), "cannot convert float infinity to integer")
        self.assertRaises(OverflowError, round, -INF)
        with self.assertRaises(ValueError) as cm:
            round(NAN)
        self.assertEqual(str(cm.exception), "cannot convert float NaN to integer")

    def test_ndigits_conversion(self):
        class Index:
            def __index__(self):
                return 2
        self.assertEqual(round(2.675, Index()), 2.67)
        self.assertEqual(round(2.675, True), 2.7)
        with self.assertRaises(TypeError) as cm:
            round(2.5, 1.0)
        self.assertEqual(str(cm.exception), "'float' object cannot be interpreted as an integer")
        self.assertRaises(TypeError, round, 2.5, "1")

    def test_float_round_method(self):
        self.assertEqual((2.675).__round__(2), 2.67)
        self.assertEqual((2.5).__round__(), 2)
        self.assertEqual((2.5).__round__(None), 2)
        with self.assertRaises(TypeError):
            (2.5).__round__(1, 2)

    def test_subclass_result_is_float(self):
        class F(float):
            pass
        self.assertIs(type(round(F(2.675), 2)), float)
        self.assertIs(type(round(F(2.5))), int)


class EntryPoint(unittest.TestCase):
    def test_keywords(self):
        self.assertEqual(round(number=2.675, ndigits=2), 2.67)
        self.assertEqual(round(2.5, ndigits=None), 2)
        self.assertEqual(round(number=7), 7)

    def test_argument_errors(self):
        for call, message in [
                (lambda: round(), "round() missing required argument 'number' (pos 1)"),
                (lambda: round(1, 2, 3), "round() takes at most 2 arguments (3 given)"),
                (lambda: round(1, 2, ndigits=3), "round() takes at most 2 arguments (3 given)"),
                (lambda: round(1, ndigits=2, x=3), "round() takes at most 2 arguments (3 given)"),
                (lambda: round("a"), "type str doesn't define __round__ method")]:
            with self.assertRaises(TypeError) as cm:
                call()
            self.assertEqual(str(cm.exception), message)

    def test_dispatch_to_dunder(self):
        class R:
            def __round__(self, *args):
                return ("round", args)
        self.assertEqual(round(R()), ("round", ()))
        self.assertEqual(round(R(), None), ("round", ()))
        self.assertEqual(round(R(), 3), ("round", (3,)))
        self.assertEqual(round(R(), ndigits=-1), ("round", (-1,)))

    def test_dunder_looked_up_on_type(self):
        class R:
            pass
        r = R()
        r.__round__ = lambda *args: 1
        self.assertRaises(TypeError, round, r)

    def test_static_and_class_dunders(self):
        class S:
            @staticmethod
            def __round__(*args):
                return args
        class C:
            @classmethod
            def __round__(cls, *args):
                return cls, args
        self.assertEqual(round(S(), 2), (2,))
        self.assertEqual(round(C(), 2), (C, (2,)))

    def test_int_round(self):
        self.assertEqual(round(125, -1), 120)
        self.assertEqual(round(135, -1), 140)
        self.assertIs(type(round(True)), int)


class RandomCases(unittest.TestCase):
    def test_against_exact_arithmetic(self):
        rng = random.Random(20261122)
        for x in random_doubles(rng, 3000):
            for nd in (rng.randint(-20, 20), rng.randint(-20, 20)):
                if nd < 0 and abs(x) >= 1e300:
                    continue
                self.assertEqual(round(x, nd).hex(), exact_round(x, nd).hex(), (x, nd))

    @unittest.skipUnless(os.path.exists(REFERENCE), "needs the CPython 3.13 reference binary")
    def test_against_reference(self):
        rng = random.Random(1122)
        cases = [(x, rng.randint(-20, 20)) for x in random_doubles(rng, 20000)]
        cases += [(x, nd) for x in random_doubles(rng, 200)
                  for nd in (-400, -309, -308, -307, 22, 23, 308, 322, 323, 324, 340, 341)]
        script = ("import sys\n"
                  "for line in sys.stdin:\n"
                  "    x, nd = line.split()\n"
                  "    try:\n"
                  "        print(round(float.fromhex(x), int(nd)).hex())\n"
                  "    except OverflowError:\n"
                  "        print('OverflowError')\n")
        text = "".join("%s %d\n" % (x.hex(), nd) for x, nd in cases)
        done = subprocess.run([REFERENCE, "-c", script], input=text, capture_output=True,
                              text=True, check=True)
        expected = done.stdout.split()
        self.assertEqual(len(expected), len(cases))
        for (x, nd), want in zip(cases, expected):
            self.assertEqual(outcome(x, nd), want, (x, nd))


if __name__ == "__main__":
    unittest.main()
