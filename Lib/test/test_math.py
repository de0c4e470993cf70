"""Tests for the math module."""

import math
import random
import unittest

INF = math.inf
NAN = math.nan


class MathConstantsTests(unittest.TestCase):

    def test_constants(self):
        self.assertEqual(math.pi, 3.141592653589793)
        self.assertEqual(math.e, 2.718281828459045)
        self.assertEqual(math.tau, 2 * math.pi)
        self.assertEqual(math.inf, float("inf"))
        self.assertTrue(math.isnan(math.nan))


class MathFunctionTests(unittest.TestCase):

    def assertDomainError(self, func, *args):
        with self.assertRaises(ValueError) as cm:
            func(*args)
        self.assertEqual(str(cm.exception), "math domain error")

    def assertRangeError(self, func, *args):
        with self.assertRaises(OverflowError) as cm:
            func(*args)
        self.assertEqual(str(cm.exception), "math range error")

    def test_elementary(self):
        self.assertEqual(math.sqrt(4), 2.0)
        self.assertEqual(math.exp(0), 1.0)
        self.assertEqual(math.exp2(10), 1024.0)
        self.assertEqual(math.log(1), 0.0)
        self.assertEqual(math.log(8, 2), 3.0)
        self.assertEqual(math.log2(1024), 10.0)
        self.assertEqual(math.log10(1000), 3.0)
        self.assertEqual(math.log1p(0), 0.0)
        self.assertEqual(math.expm1(0), 0.0)
        self.assertEqual(math.fabs(-2), 2.0)
        self.assertAlmostEqual(math.sin(math.pi / 2), 1.0)
        self.assertAlmostEqual(math.cos(0), 1.0)
        self.assertAlmostEqual(math.atan2(1, 1), math.pi / 4)
        self.assertAlmostEqual(math.erf(1), 0.8427007929497149)
        self.assertEqual(math.gamma(5), 24.0)
        self.assertAlmostEqual(math.lgamma(5), math.log(24))
        self.assertAlmostEqual(math.cbrt(27), 3.0)
        self.assertEqual(math.degrees(math.pi), 180.0)
        self.assertEqual(math.radians(180), math.pi)

    def test_domain_and_range_errors(self):
        self.assertDomainError(math.sqrt, -1)
        self.assertDomainError(math.log, 0)
        self.assertDomainError(math.log, -1)
        self.assertDomainError(math.log, 1, 0)
        self.assertDomainError(math.gamma, 0)
        self.assertDomainError(math.gamma, -1)
        self.assertDomainError(math.lgamma, -2)
        self.assertDomainError(math.atanh, 1)
        self.assertDomainError(math.log1p, -1)
        self.assertDomainError(math.fmod, INF, 1)
        self.assertDomainError(math.fmod, 1, 0)
        self.assertDomainError(math.remainder, 1, 0)
        self.assertDomainError(math.pow, 0, -1)
        self.assertDomainError(math.pow, -1, 0.5)
        self.assertDomainError(math.cos, INF)
        self.assertDomainError(math.acosh, 0)
        self.assertRangeError(math.exp, 1000)
        self.assertRangeError(math.gamma, 200)
        self.assertRangeError(math.pow, 10, 400)
        self.assertRangeError(math.ldexp, 1, 10000)
        self.assertRangeError(math.sinh, 1000)
        with self.assertRaises(ZeroDivisionError):
            math.log(2, 1)

    def test_log_of_big_ints(self):
        self.assertAlmostEqual(math.log(10 ** 400), 921.0340371976182)
        self.assertEqual(math.log2(2 ** 2000), 2000.0)
        self.assertAlmostEqual(math.log10(10 ** 500), 500.0)
        self.assertAlmostEqual(math.log(10 ** 400, 10), 400.0)

    def test_rounding(self):
        self.assertEqual(math.ceil(1.2), 2)
        self.assertEqual(math.floor(-1.2), -2)
        self.assertEqual(math.trunc(-1.7), -1)
        self.assertIs(type(math.floor(1.5)), int)
        self.assertEqual(math.floor(10 ** 30), 10 ** 30)

        class C:
            def __ceil__(self):
                return "ceil"

            def __floor__(self):
                return "floor"

            def __trunc__(self):
                return "trunc"

        class BadDescr:
            def __get__(self, obj, objtype=None):
                raise ValueError

        class D:
            __ceil__ = BadDescr()

        with self.assertRaises(ValueError):
            math.ceil(D())
        self.assertEqual(math.ceil(C()), "ceil")
        self.assertEqual(math.floor(C()), "floor")
        self.assertEqual(math.trunc(C()), "trunc")
        with self.assertRaises(TypeError):
            math.trunc([])
        with self.assertRaises(TypeError):
            math.ceil("a")

    def test_decomposition(self):
        self.assertEqual(math.frexp(8.0), (0.5, 4))
        self.assertEqual(math.frexp(INF), (INF, 0))
        self.assertEqual(math.frexp(0.0), (0.0, 0))
        self.assertEqual(math.ldexp(0.5, 4), 8.0)
        self.assertEqual(math.ldexp(1.0, -10 ** 30), 0.0)
        self.assertEqual(math.modf(2.5), (0.5, 2.0))
        self.assertEqual(math.modf(-INF), (-0.0, -INF))
        self.assertEqual(math.copysign(1, -0.0), -1.0)

    def test_predicates(self):
        self.assertTrue(math.isfinite(1.0))
        self.assertFalse(math.isfinite(INF))
        self.assertTrue(math.isinf(-INF))
        self.assertTrue(math.isnan(NAN))
        self.assertTrue(math.isclose(1.0, 1.0 + 1e-10))
        self.assertFalse(math.isclose(1.0, 1.1))
        self.assertTrue(math.isclose(0.0, 1e-10, abs_tol=1e-9))
        self.assertTrue(math.isclose(INF, INF))
        self.assertFalse(math.isclose(NAN, NAN))
        with self.assertRaises(ValueError):
            math.isclose(1, 1, rel_tol=-1)

    def test_nextafter_and_ulp(self):
        self.assertEqual(math.nextafter(1.0, 2.0), 1.0000000000000002)
        self.assertEqual(math.nextafter(0, 1, steps=3), 1.5e-323)
        self.assertEqual(math.nextafter(1.0, 2.0, steps=0), 1.0)
        self.assertEqual(math.nextafter(1.0, 1.0000000000000004, steps=100), 1.0000000000000004)
        self.assertEqual(math.nextafter(5e-324, -1.0, steps=2), -5e-324)
        with self.assertRaises(ValueError):
            math.nextafter(1, 2, steps=-1)
        self.assertEqual(math.ulp(1.0), 2.220446049250313e-16)
        self.assertEqual(math.ulp(INF), INF)
        self.assertEqual(math.ulp(0.0), 5e-324)
        self.assertEqual(math.ulp(1.7976931348623157e308), 1.99584030953472e+292)

    def test_fsum(self):
        self.assertEqual(math.fsum([0.1] * 10), 1.0)
        self.assertEqual(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), 1e-100)
        self.assertEqual(math.fsum([]), 0.0)
        self.assertEqual(math.fsum([2.0 ** 53, -0.5, -2.0 ** -54]), 2.0 ** 53 - 1.0)
        self.assertEqual(math.fsum([1.0, 1e-16, 1e-16]), 1.0000000000000002)
        with self.assertRaises(ValueError):
            math.fsum([INF, -INF])
        with self.assertRaises(OverflowError):
            math.fsum([1e308, 1e308])
        self.assertEqual(math.fsum([INF, 1.0]), INF)
        self.assertTrue(math.isnan(math.fsum([NAN, 1.0])))
        rng = random.Random(3)
        values = [rng.uniform(-1, 1) * 10 ** rng.randint(-20, 20) for _ in range(500)]
        exact = sum(x.as_integer_ratio()[0] * (1 << 200) // x.as_integer_ratio()[1]
                    for x in values)
        self.assertAlmostEqual(math.fsum(values), exact / (1 << 200))

    def test_hypot_and_dist(self):
        self.assertEqual(math.hypot(3, 4), 5.0)
        self.assertEqual(math.hypot(3, 4, 12), 13.0)
        self.assertEqual(math.hypot(), 0.0)
        self.assertEqual(math.hypot(-7), 7.0)
        self.assertEqual(math.hypot(INF, NAN), INF)
        self.assertTrue(math.isnan(math.hypot(1.0, NAN)))
        self.assertEqual(math.hypot(1e300, 1e300), 1.4142135623730952e300)
        self.assertEqual(math.dist((0, 0), (3, 4)), 5.0)
        with self.assertRaises(ValueError):
            math.dist([1], [1, 2])

    def test_integer_functions(self):
        self.assertEqual(math.gcd(12, 18), 6)
        self.assertEqual(math.gcd(-12, 18, 27), 3)
        self.assertEqual(math.gcd(), 0)
        self.assertEqual(math.gcd(-5), 5)
        self.assertEqual(math.gcd(2 ** 100, 2 ** 80 * 3), 2 ** 80)
        self.assertEqual(math.lcm(4, 6), 12)
        self.assertEqual(math.lcm(-4, 6, 10), 60)
        self.assertEqual(math.lcm(), 1)
        self.assertEqual(math.lcm(0, 5), 0)
        with self.assertRaises(TypeError):
            math.gcd(1.5)
        self.assertEqual(math.isqrt(10 ** 40), 10 ** 20)
        self.assertEqual(math.isqrt(15), 3)
        with self.assertRaises(ValueError):
            math.isqrt(-1)
        with self.assertRaises(TypeError):
            math.isqrt(1.0)
        self.assertEqual(math.factorial(0), 1)
        self.assertEqual(math.factorial(20), 2432902008176640000)
        self.assertEqual(math.factorial(30), 265252859812191058636308480000000)
        with self.assertRaises(ValueError):
            math.factorial(-1)
        with self.assertRaises(TypeError):
            math.factorial(1.0)
        with self.assertRaises(OverflowError):
            math.factorial(10 ** 20)
        self.assertEqual(math.comb(5, 2), 10)
        self.assertEqual(math.comb(5, 7), 0)
        self.assertEqual(math.comb(100, 50), 100891344545564193334812497256)
        self.assertEqual(math.perm(5, 2), 20)
        self.assertEqual(math.perm(5), 120)
        self.assertEqual(math.perm(5, 6), 0)
        with self.assertRaises(ValueError):
            math.comb(-1, 2)
        with self.assertRaises(ValueError):
            math.comb(5, -1)
        with self.assertRaises(ValueError):
            math.perm(5, -1)

    def test_prod_and_sumprod(self):
        self.assertEqual(math.prod([1, 2, 3, 4]), 24)
        self.assertEqual(math.prod([], start=5), 5)
        self.assertEqual(math.prod([2.0, 0.5]), 1.0)
        self.assertEqual(math.sumprod([1, 2, 3], [4, 5, 6]), 32)
        self.assertEqual(math.sumprod([0.1] * 10, [1.0] * 10), 1.0)
        self.assertEqual(math.sumprod([], []), 0)
        with self.assertRaises(ValueError):
            math.sumprod([1], [1, 2])

    def test_fma(self):
        self.assertEqual(math.fma(2.0, 3.0, 4.0), 10.0)
        self.assertEqual(math.fma(0.1, 10.0, -1.0), 5.551115123125783e-17)
        with self.assertRaises(ValueError):
            math.fma(INF, 0, 1)
        with self.assertRaises(OverflowError):
            math.fma(1e308, 10, 0)


if __name__ == "__main__":
    unittest.main()
