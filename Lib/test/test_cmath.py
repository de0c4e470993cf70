"""Tests for the cmath module (values checked against CPython 3.13)."""
import cmath
import math
import unittest

INF = float('inf')
NAN = float('nan')


class CmathTests(unittest.TestCase):

    def assertComplexEqual(self, got, re, im, places=12):
        self.assertIsInstance(got, complex)
        for part, want in ((got.real, re), (got.imag, im)):
            if math.isnan(want):
                self.assertTrue(math.isnan(part), (got, re, im))
            elif math.isinf(want) or want == 0.0:
                self.assertEqual(part, want, (got, re, im))
                self.assertEqual(math.copysign(1.0, part), math.copysign(1.0, want),
                                 (got, re, im))
            else:
                self.assertAlmostEqual(part, want, places=places)

    def test_constants(self):
        self.assertEqual(cmath.pi, math.pi)
        self.assertEqual(cmath.e, math.e)
        self.assertEqual(cmath.tau, 2 * math.pi)
        self.assertEqual(cmath.inf, INF)
        self.assertEqual(cmath.infj, complex(0.0, INF))
        self.assertTrue(math.isnan(cmath.nan))
        self.assertTrue(math.isnan(cmath.nanj.imag))
        self.assertEqual(cmath.nanj.real, 0.0)

    def test_simple_values(self):
        self.assertComplexEqual(cmath.sqrt(-1), 0.0, 1.0)
        self.assertComplexEqual(cmath.sqrt(4), 2.0, 0.0)
        self.assertComplexEqual(cmath.exp(1), math.e, 0.0)
        self.assertComplexEqual(cmath.exp(1j * math.pi), -1.0, 1.2246467991473532e-16)
        self.assertComplexEqual(cmath.log(1j), 0.0, math.pi / 2)
        self.assertComplexEqual(cmath.log(8, 2), 3.0, 0.0)
        self.assertComplexEqual(cmath.log10(100), 2.0, 0.0)
        self.assertComplexEqual(cmath.sin(1 + 1j), 1.2984575814159773, 0.6349639147847361)
        self.assertComplexEqual(cmath.cos(1 + 1j), 0.8337300251311491, -0.9888977057628651)
        self.assertComplexEqual(cmath.tan(1 + 1j), 0.2717525853195118, 1.0839233273386946)
        self.assertComplexEqual(cmath.asin(2), 1.5707963267948966, 1.3169578969248166)
        self.assertComplexEqual(cmath.acos(2), 0.0, -1.3169578969248166)
        self.assertComplexEqual(cmath.atan(1j / 2), 0.0, 0.5493061443340549)
        self.assertComplexEqual(cmath.sinh(1 + 1j), 0.6349639147847361, 1.2984575814159773)
        self.assertComplexEqual(cmath.cosh(1 + 1j), 0.8337300251311491, 0.9888977057628651)
        self.assertComplexEqual(cmath.tanh(1 + 1j), 1.0839233273386946, 0.2717525853195118)
        self.assertComplexEqual(cmath.asinh(1 + 1j), 1.0612750619050357, 0.6662394324925153)
        self.assertComplexEqual(cmath.acosh(1 + 1j), 1.0612750619050357, 0.9045568943023813)
        self.assertComplexEqual(cmath.atanh(0.5 + 0.5j), 0.4023594781085251,
                                0.5535743588970452)

    def test_branch_cuts(self):
        self.assertComplexEqual(cmath.sqrt(complex(-4.0, 0.0)), 0.0, 2.0)
        self.assertComplexEqual(cmath.sqrt(complex(-4.0, -0.0)), 0.0, -2.0)
        self.assertComplexEqual(cmath.log(complex(-1.0, 0.0)), 0.0, math.pi)
        self.assertComplexEqual(cmath.log(complex(-1.0, -0.0)), 0.0, -math.pi)
        self.assertComplexEqual(cmath.asin(complex(2.0, -0.0)), 1.5707963267948966,
                                -1.3169578969248166)
        self.assertComplexEqual(cmath.acos(complex(-2.0, -0.0)), math.pi, 1.3169578969248166)
        self.assertComplexEqual(cmath.atanh(complex(2.0, -0.0)), 0.5493061443340549,
                                -1.5707963267948966)
        self.assertComplexEqual(cmath.sqrt(complex(-0.0, 0.0)), 0.0, 0.0)
        self.assertComplexEqual(cmath.sqrt(complex(0.0, -0.0)), 0.0, -0.0)

    def test_special_values(self):
        self.assertComplexEqual(cmath.exp(complex(-INF, INF)), 0.0, 0.0)
        self.assertComplexEqual(cmath.exp(complex(INF, 0.0)), INF, 0.0)
        self.assertComplexEqual(cmath.sqrt(complex(-INF, 1.0)), 0.0, INF)
        self.assertComplexEqual(cmath.sqrt(complex(NAN, INF)), INF, INF)
        self.assertComplexEqual(cmath.log(complex(INF, NAN)), INF, NAN)
        self.assertComplexEqual(cmath.acos(complex(INF, NAN)), NAN, INF)
        self.assertComplexEqual(cmath.asin(complex(INF, NAN)), NAN, -INF)
        self.assertComplexEqual(cmath.atan(complex(INF, NAN)), math.pi / 2, -0.0)
        self.assertComplexEqual(cmath.cos(complex(-0.0, NAN)), NAN, 0.0)
        self.assertComplexEqual(cmath.sin(complex(NAN, 0.0)), NAN, -0.0)
        self.assertComplexEqual(cmath.tan(complex(-INF, INF)), 0.0, 1.0)
        self.assertComplexEqual(cmath.tanh(complex(INF, -INF)), 1.0, 0.0)
        self.assertComplexEqual(cmath.tanh(complex(0.0, NAN)), NAN, NAN)
        self.assertComplexEqual(cmath.acosh(complex(0.0, NAN)), NAN, NAN)
        self.assertComplexEqual(cmath.sinh(complex(-0.0, NAN)), 0.0, NAN)
        self.assertComplexEqual(cmath.cosh(complex(NAN, -0.0)), NAN, 0.0)
        self.assertComplexEqual(cmath.atanh(complex(INF, 1.0)), 0.0, math.pi / 2)
        self.assertComplexEqual(cmath.exp(complex(NAN, 0.0)), NAN, 0.0)

    def test_errors(self):
        for f, z in [(cmath.log, 0), (cmath.log10, 0), (cmath.atanh, 1), (cmath.atanh, -1),
                     (cmath.atan, 1j), (cmath.sin, complex(INF, 1.0)),
                     (cmath.cos, complex(INF, 1.0)), (cmath.exp, complex(1.0, INF))]:
            with self.subTest(f=f.__name__, z=z):
                with self.assertRaises(ValueError) as cm:
                    f(z)
                self.assertEqual(str(cm.exception), "math domain error")
        for f, z in [(cmath.exp, 710), (cmath.cosh, 711), (cmath.sinh, 711),
                     (cmath.exp, complex(1000, 1))]:
            with self.subTest(f=f.__name__, z=z):
                with self.assertRaises(OverflowError) as cm:
                    f(z)
                self.assertEqual(str(cm.exception), "math range error")
        with self.assertRaises(OverflowError):
            cmath.polar(complex(1.7e308, 1.7e308))
        # An underflowing angle is reported as a range error, as in CPython.
        with self.assertRaises(OverflowError):
            cmath.phase(complex(1e300, 1e-300))
        with self.assertRaises(TypeError):
            cmath.sqrt("1")
        with self.assertRaises(TypeError):
            cmath.sqrt(None)
        with self.assertRaises(ValueError):
            cmath.log(2, 1)
        with self.assertRaises(ValueError):
            cmath.log(1, 0)

    def test_log_base_quirks(self):
        r = cmath.log(0, 2)
        self.assertEqual(r.real, -INF)
        self.assertTrue(math.isnan(r.imag))
        self.assertComplexEqual(cmath.log(-1, 10), 0.0, 1.3643763538418412)

    def test_nan_passthrough(self):
        for f in (cmath.exp, cmath.log, cmath.sqrt, cmath.sin, cmath.cos, cmath.tan,
                  cmath.asin, cmath.acos, cmath.atan, cmath.sinh, cmath.cosh, cmath.tanh,
                  cmath.asinh, cmath.acosh, cmath.atanh):
            with self.subTest(f=f.__name__):
                r = f(complex(NAN, NAN))
                self.assertTrue(math.isnan(r.real) and math.isnan(r.imag))

    def test_phase_polar_rect(self):
        self.assertEqual(cmath.phase(-1.0), math.pi)
        self.assertEqual(cmath.phase(complex(-1.0, -0.0)), -math.pi)
        self.assertEqual(cmath.phase(0), 0.0)
        self.assertEqual(cmath.phase(complex(INF, INF)), math.pi / 4)
        self.assertEqual(cmath.polar(1j), (1.0, math.pi / 2))
        self.assertEqual(cmath.polar(-3), (3.0, math.pi))
        self.assertComplexEqual(cmath.rect(2.0, 0.0), 2.0, 0.0)
        self.assertComplexEqual(cmath.rect(1.0, math.pi / 2), 6.123233995736766e-17, 1.0)
        self.assertComplexEqual(cmath.rect(INF, 0.0), INF, 0.0)
        self.assertComplexEqual(cmath.rect(-INF, 0.0), -INF, -0.0)
        self.assertComplexEqual(cmath.rect(0.0, NAN), 0.0, 0.0)
        self.assertComplexEqual(cmath.rect(INF, NAN), INF, NAN)
        self.assertComplexEqual(cmath.rect(NAN, -0.0), NAN, 0.0)
        with self.assertRaises(ValueError):
            cmath.rect(1.0, INF)
        with self.assertRaises(ValueError):
            cmath.rect(INF, INF)

    def test_predicates(self):
        self.assertTrue(cmath.isfinite(1 + 1j))
        self.assertFalse(cmath.isfinite(complex(INF, 0)))
        self.assertFalse(cmath.isfinite(complex(0, NAN)))
        self.assertTrue(cmath.isinf(complex(0, -INF)))
        self.assertFalse(cmath.isinf(complex(NAN, 0)))
        self.assertTrue(cmath.isnan(complex(0, NAN)))
        self.assertFalse(cmath.isnan(complex(INF, 0)))
        self.assertTrue(cmath.isnan(NAN))
        self.assertFalse(cmath.isnan(1))

    def test_isclose(self):
        self.assertTrue(cmath.isclose(1 + 1j, 1 + 1.0000000001j))
        self.assertFalse(cmath.isclose(1 + 1j, 1 + 1.001j))
        self.assertTrue(cmath.isclose(1, 2, abs_tol=1.5))
        self.assertTrue(cmath.isclose(1, 1.1, rel_tol=0.1))
        self.assertTrue(cmath.isclose(complex(INF, 0), complex(INF, 0)))
        self.assertFalse(cmath.isclose(complex(INF, 0), complex(INF, 1)))
        self.assertFalse(cmath.isclose(NAN, NAN))
        self.assertTrue(cmath.isclose(a=1j, b=1j))
        with self.assertRaises(ValueError):
            cmath.isclose(1, 2, rel_tol=-1)
        with self.assertRaises(TypeError):
            cmath.isclose(1, 2, 0.1)

    def test_argument_conversion(self):
        class C:
            def __complex__(self):
                return 4j

        class F:
            def __float__(self):
                return 4.0

        class I:
            def __index__(self):
                return 4

        self.assertComplexEqual(cmath.sqrt(C()), 1.4142135623730951, 1.4142135623730951)
        self.assertComplexEqual(cmath.sqrt(F()), 2.0, 0.0)
        self.assertComplexEqual(cmath.sqrt(I()), 2.0, 0.0)
        self.assertComplexEqual(cmath.sqrt(True), 1.0, 0.0)


if __name__ == "__main__":
    unittest.main()
