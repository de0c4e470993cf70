"""Tests for the statistics module."""

import math
import random
import unittest
from fractions import Fraction as F

import statistics
from statistics import (NormalDist, StatisticsError, correlation, covariance, fmean,
                        geometric_mean, harmonic_mean, kde, kde_random, linear_regression,
                        mean, median,
                        median_grouped, median_high, median_low, mode, multimode, pstdev,
                        pvariance, quantiles, stdev, variance)


class TypedTestCase(unittest.TestCase):

    def assertTypedEquals(self, expected, actual):
        self.assertEqual(type(expected), type(actual))
        self.assertEqual(expected, actual)

    def assertStatisticsError(self, message, func, *args, **kwargs):
        with self.assertRaises(StatisticsError) as cm:
            func(*args, **kwargs)
        self.assertEqual(str(cm.exception), message)


class ModuleTests(unittest.TestCase):

    def test_error_is_value_error(self):
        self.assertTrue(issubclass(StatisticsError, ValueError))

    def test_all(self):
        for name in ["NormalDist", "StatisticsError", "correlation", "covariance", "fmean",
                     "geometric_mean", "harmonic_mean", "kde", "kde_random",
                     "linear_regression", "mean",
                     "median", "median_grouped", "median_high", "median_low", "mode",
                     "multimode", "pstdev", "pvariance", "quantiles", "stdev", "variance"]:
            self.assertIn(name, statistics.__all__)
            self.assertTrue(hasattr(statistics, name))


class AverageTests(TypedTestCase):

    def test_mean_types(self):
        self.assertTypedEquals(2, mean([1, 2, 3]))
        self.assertTypedEquals(2.5, mean([1, 2, 3, 4]))
        self.assertTypedEquals(1.5, mean([1, 2]))
        self.assertTypedEquals(F(5, 12), mean([F(1, 2), F(1, 3)]))
        self.assertTypedEquals(F(3, 4), mean([1, F(1, 2)]))
        self.assertTypedEquals(1.75, mean([1, 2.5]))
        self.assertTypedEquals(1.0, mean([F(1, 2), 1.5]))
        self.assertTypedEquals(0.5, mean([True, False]))
        self.assertTypedEquals(1.5, mean(iter([1, 2])))
        self.assertTypedEquals(2.8, mean([1, 2, 3, 4, 4]))

    def test_mean_exact(self):
        self.assertEqual(mean([1e308, 1e308]), 1e308)
        self.assertEqual(mean([1e100, 1, -1e100]), 1 / 3)
        self.assertTrue(math.isnan(mean([math.nan, 1])))
        self.assertEqual(mean([math.inf, 1]), math.inf)

    def test_mean_errors(self):
        self.assertStatisticsError("mean requires at least one data point", mean, [])
        with self.assertRaises(TypeError) as cm:
            mean(["a", "b"])
        self.assertEqual(str(cm.exception), "can't convert type 'str' to numerator/denominator")

    def test_fmean(self):
        self.assertTypedEquals(2.0, fmean([1, 2, 3]))
        self.assertTypedEquals(2.0, fmean(iter([1, 2, 3])))
        self.assertTypedEquals(2.25, fmean([1, 2, 3], weights=[1, 1, 2]))
        self.assertTypedEquals(2.3333333333333335, fmean([1, 2, 3], [1, 2, 3]))
        self.assertAlmostEqual(fmean([0.1, 0.5, 0.2], [0.3, 0.3, 0.4]), 0.26)
        self.assertStatisticsError("fmean requires at least one data point", fmean, [])
        self.assertStatisticsError("data and weights must be the same length",
                                   fmean, [1, 2], weights=[1])
        self.assertStatisticsError("sum of weights must be non-zero",
                                   fmean, [1, 2], weights=[0, 0])
        self.assertRaises(OverflowError, fmean, [1e308, 1e308])

    def test_geometric_mean(self):
        self.assertAlmostEqual(geometric_mean([54, 24, 36]), 36.0, places=10)
        self.assertTypedEquals(4.0, geometric_mean([2, 8]))
        self.assertTypedEquals(4.0, geometric_mean([F(2), F(8)]))
        self.assertTypedEquals(0.0, geometric_mean([0, 1]))
        self.assertStatisticsError("Must have a non-empty dataset", geometric_mean, [])
        with self.assertRaises(StatisticsError) as cm:
            geometric_mean([-1])
        self.assertEqual(cm.exception.args, ("No negative inputs allowed", -1))

    def test_harmonic_mean(self):
        self.assertTypedEquals(48.0, harmonic_mean([40, 60]))
        self.assertTypedEquals(56.0, harmonic_mean([40, 60], weights=[5, 30]))
        self.assertTypedEquals(F(4, 3), harmonic_mean([F(1), F(2)]))
        self.assertTypedEquals(2, harmonic_mean([2]))
        self.assertTypedEquals(2.5, harmonic_mean([2.5]))
        self.assertTypedEquals(0, harmonic_mean([1, 0]))
        self.assertAlmostEqual(harmonic_mean([1, 2, 4], weights=[1, 2, 4]), 7 / 3)
        msg = "harmonic mean does not support negative values"
        self.assertStatisticsError(msg, harmonic_mean, [-1])
        self.assertStatisticsError(msg, harmonic_mean, [1, -1])
        self.assertStatisticsError(msg, harmonic_mean, [1, 2], weights=[1, -1])
        self.assertStatisticsError("harmonic_mean requires at least one data point",
                                   harmonic_mean, [])
        self.assertStatisticsError("Number of weights does not match data size",
                                   harmonic_mean, [1, 2], weights=[1])
        self.assertStatisticsError("Weighted sum must be positive",
                                   harmonic_mean, [1, 2], weights=[0, 0])

    def test_median_family(self):
        self.assertTypedEquals(2.5, median([1, 3, 2, 4]))
        self.assertTypedEquals(2.0, median([1, 3]))
        self.assertTypedEquals(3, median([5, 3, 1]))
        self.assertTypedEquals(F(3, 2), median([F(1), F(2)]))
        self.assertTypedEquals(2, median_low([1, 3, 2, 4]))
        self.assertTypedEquals(3, median_high([1, 3, 2, 4]))
        self.assertTypedEquals(3, median_low([5, 3, 1]))
        self.assertTypedEquals(3, median_high([5, 3, 1]))
        for func in (median, median_low, median_high, median_grouped):
            self.assertStatisticsError("no median for empty data", func, [])

    def test_median_grouped(self):
        self.assertAlmostEqual(median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), 3.7)
        self.assertTypedEquals(52.5, median_grouped([52, 52, 53, 54], 1))
        self.assertTypedEquals(3.5, median_grouped([1, 3, 3, 5, 7], 2))
        self.assertTypedEquals(3.0, median_grouped([3]))
        self.assertTypedEquals(3.0, median_grouped([2.5, 3.5]))
        self.assertTypedEquals(2.5, median_grouped([1, 2, 3, 4], interval=F(1)))
        with self.assertRaises(TypeError) as cm:
            median_grouped([1, 2], "x")
        self.assertEqual(str(cm.exception), "Value cannot be converted to a float")
        self.assertRaises(TypeError, median_grouped, [1, "a"])

    def test_mode(self):
        self.assertEqual(mode("aabbbc"), "b")
        self.assertEqual(mode([1, 1, 2, 2]), 1)
        self.assertEqual(mode([2, 2, 1, 1]), 2)
        self.assertEqual(mode(["red", "blue", "red"]), "red")
        self.assertStatisticsError("no mode for empty data", mode, [])
        self.assertRaises(TypeError, mode, [[1]])

    def test_multimode(self):
        self.assertEqual(multimode("aabbcd"), ["a", "b"])
        self.assertEqual(multimode([1, 1, 2, 2, 3]), [1, 2])
        self.assertEqual(multimode("aabbbbbbbbcc"), ["b"])
        self.assertEqual(multimode(""), [])


class SpreadTests(TypedTestCase):

    def test_variance(self):
        self.assertTypedEquals(1.6666666666666667, variance([1, 2, 3, 4]))
        self.assertTypedEquals(1, variance([1, 2, 3]))
        self.assertTypedEquals(0.5, variance([1, 2]))
        self.assertTypedEquals(F(13, 108), variance([F(1, 2), F(1, 3), F(1)]))
        self.assertTypedEquals(F(0), variance([F(1, 2)] * 3))
        self.assertTypedEquals(1.5833333333333333, variance([1.5, 2.5, 4]))
        self.assertTypedEquals(0.0, variance([1.0] * 4))
        self.assertTypedEquals(0.3333333333333333, variance([True, False, True]))
        self.assertTypedEquals(1, variance([1, 2, 3], 2))
        self.assertTypedEquals(7, variance([1, 2, 3], 0))
        self.assertTypedEquals(1.0, variance([1, 2, 3], 2.0))
        self.assertTrue(math.isnan(variance([math.nan, 1, 2])))
        self.assertStatisticsError("variance requires at least two data points",
                                   variance, [1])

    def test_pvariance(self):
        self.assertTypedEquals(1.25, pvariance([1, 2, 3, 4]))
        self.assertTypedEquals(0.6666666666666666, pvariance([1, 2, 3]))
        self.assertTypedEquals(2.6666666666666665, pvariance([2, 4, 6]))
        self.assertTypedEquals(4.666666666666667, pvariance([1, 2, 3], 0))
        self.assertTypedEquals(F(35, 12), pvariance([1, 2, 3], F(1, 2)))
        self.assertTypedEquals(2.2222222222222222e+199, pvariance([1e100, 1e100 + 1, 1]))
        self.assertEqual(pvariance([math.inf, 1]), math.inf)
        self.assertStatisticsError("pvariance requires at least one data point",
                                   pvariance, [])

    def test_stdev(self):
        self.assertTypedEquals(1.2909944487358056, stdev([1, 2, 3, 4]))
        self.assertTypedEquals(1.0, stdev([1, 2, 3]))
        self.assertTypedEquals(1.0, stdev([F(1), F(2), F(3)]))
        self.assertTypedEquals(1.0810874155219827, stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
        self.assertAlmostEqual(stdev([0.1, 0.2, 0.3, 0.7]), 0.26299556396765833)
        self.assertStatisticsError("stdev requires at least two data points", stdev, [1])

    def test_pstdev(self):
        self.assertTypedEquals(1.118033988749895, pstdev([1, 2, 3, 4]))
        self.assertTypedEquals(0.5, pstdev([F(1), F(2)]))
        self.assertTypedEquals(0.5, pstdev([1.5, 2.5]))
        self.assertAlmostEqual(pstdev([3, 7, 1, 9, 4]), 2.85657137141714)
        self.assertStatisticsError("pstdev requires at least one data point", pstdev, [])


class QuantileTests(TypedTestCase):

    def test_exclusive(self):
        data = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        self.assertEqual(quantiles(data), [2.75, 5.5, 8.25])
        self.assertEqual(quantiles([1, 2], n=3), [1.0, 2.0])
        self.assertEqual(quantiles([1.5, 2.5, 10], n=4), [1.5, 2.5, 10.0])
        self.assertEqual(quantiles([F(1), F(2), F(5)], n=4), [F(1), F(2), F(5)])
        self.assertEqual(quantiles(data, n=10),
                         [1.1, 2.2, 3.3, 4.4, 5.5, 6.6, 7.7, 8.8, 9.9])

    def test_inclusive(self):
        data = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        self.assertEqual(quantiles(data, n=4, method="inclusive"), [3.25, 5.5, 7.75])
        self.assertEqual(quantiles([0, 100], n=5, method="inclusive"),
                         [20.0, 40.0, 60.0, 80.0])

    def test_edge_cases(self):
        self.assertEqual(quantiles([1]), [1, 1, 1])
        self.assertEqual(quantiles([1, 2, 3], n=1), [])
        self.assertStatisticsError("must have at least one data point", quantiles, [])
        self.assertStatisticsError("n must be at least 1", quantiles, [1, 2], n=0)
        with self.assertRaises(ValueError) as cm:
            quantiles([1, 2], method="x")
        self.assertEqual(str(cm.exception), "Unknown method: 'x'")
        self.assertRaises(TypeError, quantiles, [1, 2], 0)


class BivariateTests(TypedTestCase):

    def test_covariance(self):
        self.assertTypedEquals(3.5, covariance([1, 2, 3, 4], [2, 4, 7, 8]))
        self.assertTypedEquals(1.5, covariance([F(1), F(2)], [F(2), F(5)]))
        self.assertAlmostEqual(covariance([0.1, 0.5, 0.2, 0.9], [3.3, 1.1, 2.2, 7.0]),
                               0.6133333333333334)
        self.assertStatisticsError("covariance requires at least two data points",
                                   covariance, [1], [1])
        self.assertStatisticsError(
            "covariance requires that both inputs have same number of data points",
            covariance, [1, 2], [1])

    def test_correlation(self):
        self.assertAlmostEqual(correlation([1, 2, 3, 4], [2, 4, 7, 8]), 0.9844951849708403)
        self.assertAlmostEqual(correlation([1, 2, 3], [3, 2, 1]), -1.0)
        self.assertAlmostEqual(correlation([0.1, 0.5, 0.2, 0.9], [3.3, 1.1, 2.2, 7.0]),
                               0.6659610916084137)
        self.assertAlmostEqual(correlation([1, 2, 3], [1, 2, 3]), 1.0)
        self.assertAlmostEqual(correlation([1, 2, 3, 4], [2, 4, 7, 8], method="ranked"), 1.0)
        self.assertAlmostEqual(
            correlation([1, 2, 3, 4, 5], [5, 3, 3, 1, 2], method="ranked"),
            -0.872081599272381)
        self.assertStatisticsError("correlation requires at least two data points",
                                   correlation, [1], [1])
        self.assertStatisticsError(
            "correlation requires that both inputs have same number of data points",
            correlation, [1], [1, 2])
        self.assertStatisticsError("at least one of the inputs is constant",
                                   correlation, [1, 1], [1, 2])
        with self.assertRaises(ValueError) as cm:
            correlation([1, 2], [1, 2], method="x")
        self.assertEqual(str(cm.exception), "Unknown method: 'x'")

    def test_linear_regression(self):
        result = linear_regression([1, 2, 3, 4], [2, 4, 7, 8])
        self.assertAlmostEqual(result.slope, 2.1)
        self.assertAlmostEqual(result.intercept, 0.0)
        self.assertEqual(type(result).__name__, "LinearRegression")
        self.assertEqual(type(result)._fields, ("slope", "intercept"))
        slope, intercept = linear_regression([1, 2, 3, 4], [2, 4, 7, 8], proportional=True)
        self.assertAlmostEqual(slope, 2.1)
        self.assertTypedEquals(0.0, intercept)
        slope, intercept = linear_regression([F(1), F(2), F(3)], [F(2), F(5), F(6)])
        self.assertAlmostEqual(slope, 2.0)
        self.assertAlmostEqual(intercept, 1 / 3)
        slope, intercept = linear_regression([0.1, 0.5, 0.2, 0.9], [3.3, 1.1, 2.2, 7.0])
        self.assertAlmostEqual(slope, 4.748387096774193)
        self.assertAlmostEqual(intercept, 1.3819354838709677)
        self.assertEqual(repr(linear_regression([1, 2], [3, 5])),
                         "LinearRegression(slope=2.0, intercept=1.0)")
        self.assertStatisticsError("x is constant", linear_regression, [1, 1], [1, 2])
        self.assertStatisticsError("linear regression requires at least two data points",
                                   linear_regression, [1], [1])
        self.assertStatisticsError(
            "linear regression requires that both inputs have same number of data points",
            linear_regression, [1, 2], [1, 2, 3])


class NormalDistTests(TypedTestCase):

    def test_construction(self):
        nd = NormalDist(1, 2)
        self.assertEqual(repr(nd), "NormalDist(mu=1.0, sigma=2.0)")
        self.assertEqual(repr(NormalDist()), "NormalDist(mu=0.0, sigma=1.0)")
        self.assertTypedEquals(1.0, nd.mean)
        self.assertTypedEquals(1.0, nd.median)
        self.assertTypedEquals(1.0, nd.mode)
        self.assertTypedEquals(2.0, nd.stdev)
        self.assertTypedEquals(4.0, nd.variance)
        self.assertStatisticsError("sigma must be non-negative", NormalDist, 0, -1)

    def test_from_samples(self):
        nd = NormalDist.from_samples([1, 2, 3, 4])
        self.assertEqual(nd.mean, 2.5)
        self.assertAlmostEqual(nd.stdev, 1.2909944487358056)
        self.assertIs(type(nd), NormalDist)

    def test_pdf_cdf(self):
        nd = NormalDist()
        self.assertAlmostEqual(nd.pdf(1.5), 0.12951759566589174)
        self.assertAlmostEqual(nd.cdf(1.5), 0.9331927987311419)
        self.assertEqual(nd.cdf(0), 0.5)
        self.assertAlmostEqual(nd.cdf(-3) / 0.0013498980316301035, 1.0, places=12)
        self.assertAlmostEqual(NormalDist(1, 2).cdf(0.3), 0.36316934882438096)
        self.assertAlmostEqual(NormalDist(10, 2).pdf(10), 1 / math.sqrt(8 * math.pi))
        self.assertStatisticsError("pdf() not defined when sigma is zero",
                                   NormalDist(0, 0).pdf, 1)
        self.assertStatisticsError("cdf() not defined when sigma is zero",
                                   NormalDist(0, 0).cdf, 1)

    def test_inv_cdf(self):
        nd = NormalDist()
        self.assertEqual(nd.inv_cdf(0.5), 0.0)
        self.assertAlmostEqual(nd.inv_cdf(0.975), 1.9599639845400536, places=12)
        self.assertAlmostEqual(nd.inv_cdf(0.999999999), 5.997807019601638, places=9)
        self.assertAlmostEqual(NormalDist(2, 3).inv_cdf(1e-300), -109.1412888980836,
                               places=9)
        self.assertEqual(NormalDist(5, 0).inv_cdf(0.5), 5.0)
        expected = [-9.722681804808111, -1.6526957480816815, 0.4368968689107984,
                    1.9511989745839187, 2.949862183482578, 3.050137816517422,
                    4.477693698370428, 5.563103131089202, 7.6526957480816815,
                    15.722681779394842]
        probabilities = [1e-10, 0.01, 0.1, 0.3, 0.49, 0.51, 0.77, 0.9, 0.99, 1 - 1e-10]
        for p, x in zip(probabilities, expected):
            self.assertAlmostEqual(NormalDist(3, 2).inv_cdf(p), x, places=9)
        for p in (0.001, 0.2, 0.6, 0.95):
            self.assertAlmostEqual(NormalDist(3, 2).cdf(NormalDist(3, 2).inv_cdf(p)), p)
        for p in (0, 1, -0.5, 1.5):
            self.assertStatisticsError("p must be in the range 0.0 < p < 1.0", nd.inv_cdf, p)

    def test_quantiles(self):
        q = NormalDist().quantiles()
        self.assertEqual(len(q), 3)
        self.assertAlmostEqual(q[0], -0.6744897501960817)
        self.assertEqual(q[1], 0.0)
        self.assertAlmostEqual(q[2], 0.6744897501960817)
        self.assertEqual(len(NormalDist().quantiles(10)), 9)

    def test_overlap(self):
        self.assertAlmostEqual(NormalDist().overlap(NormalDist(1, 2)), 0.6099343398789443)
        self.assertAlmostEqual(NormalDist(1, 2).overlap(NormalDist()), 0.6099343398789443)
        self.assertAlmostEqual(NormalDist(0, 1).overlap(NormalDist(3, 1)), 0.13361440253771617)
        self.assertEqual(NormalDist(1, 2).overlap(NormalDist(1, 2)), 1.0)
        with self.assertRaises(TypeError) as cm:
            NormalDist().overlap(1)
        self.assertEqual(str(cm.exception), "Expected another NormalDist instance")
        self.assertStatisticsError("overlap() not defined when sigma is zero",
                                   NormalDist(0, 0).overlap, NormalDist())

    def test_zscore(self):
        self.assertTypedEquals(2.0, NormalDist(1, 2).zscore(5))
        self.assertStatisticsError("zscore() not defined when sigma is zero",
                                   NormalDist(0, 0).zscore, 1)

    def test_arithmetic(self):
        nd = NormalDist(1, 2)
        self.assertEqual(nd + NormalDist(3, 4), NormalDist(4, math.hypot(2, 4)))
        self.assertEqual(nd - NormalDist(3, 4), NormalDist(-2, math.hypot(2, 4)))
        self.assertEqual(nd + 5, NormalDist(6, 2))
        self.assertEqual(5 + nd, NormalDist(6, 2))
        self.assertEqual(nd - 5, NormalDist(-4, 2))
        self.assertEqual(3 - nd, NormalDist(2, 2))
        self.assertEqual(nd * -3, NormalDist(-3, 6))
        self.assertEqual(-3 * nd, NormalDist(-3, 6))
        self.assertEqual(nd / 2, NormalDist(0.5, 1))
        self.assertEqual(-nd, NormalDist(-1, 2))
        self.assertEqual(+nd, nd)
        self.assertIsNot(+nd, nd)
        with self.assertRaises(TypeError) as cm:
            nd * NormalDist(1, 1)
        self.assertEqual(str(cm.exception), "must be real number, not NormalDist")

    def test_equality_and_hash(self):
        self.assertTrue(NormalDist(1, 2) == NormalDist(1.0, 2.0))
        self.assertFalse(NormalDist(1, 2) == NormalDist(1, 3))
        self.assertFalse(NormalDist(1, 2) == 1)
        self.assertTrue(NormalDist(1, 2) != (1.0, 2.0))
        self.assertEqual(hash(NormalDist(1, 2)), hash((1.0, 2.0)))
        self.assertEqual(len({NormalDist(1, 2), NormalDist(1.0, 2.0)}), 1)

    def test_samples(self):
        nd = NormalDist(1, 2)
        first = nd.samples(5, seed=5)
        self.assertEqual(len(first), 5)
        self.assertEqual(first, nd.samples(5, seed=5))
        self.assertNotEqual(first, nd.samples(5, seed=6))
        expected = [1.6262212681164163, 2.2977288172984403, 2.649150178523533]
        for value, x in zip(nd.samples(3, seed=5), expected):
            self.assertAlmostEqual(value, x, places=9)
        self.assertEqual(len(nd.samples(10)), 10)
        self.assertEqual(NormalDist(7, 0).samples(3, seed=1), [7.0, 7.0, 7.0])
        values = NormalDist(10, 1).samples(2000, seed=1)
        self.assertTrue(9.8 < fmean(values) < 10.2)
        self.assertTrue(0.9 < stdev(values) < 1.1)

    def test_slots(self):
        self.assertRaises(AttributeError, setattr, NormalDist(), "x", 1)


class KdeTests(unittest.TestCase):

    DATA = [1, 2, 5]
    XS = (-10, 0.5, 1, 2.2, 4.9)
    CUMULATIVE_XS = (-10, 0.5, 1, 2.2, 4.9, 100)
    # kernel -> (pdf values at XS, cdf values at CUMULATIVE_XS), from CPython 3.13.
    EXPECTED = {
        "normal": ([1.873320764843225e-13, 0.1386190668053499, 0.16217472709946276,
                    0.16777121549293683, 0.10515433264377447],
                   [3.761805681771572e-14, 0.17648216404828362, 0.2521076393715042,
                    0.4573845979156526, 0.8140549245516356, 1.0]),
        "logistic": ([0.000229593878291794, 0.10777127866159214, 0.1188679035761386,
                      0.12862068408247107, 0.09433119641718894],
                     [0.0003445711122405104, 0.24459902936174902, 0.3014042667876156,
                      0.45239546923427243, 0.7626063312430763, 1.0]),
        "sigmoid": ([0.00014631704146182201, 0.11984632153664768, 0.1379998601413588,
                     0.14436626052098248, 0.10107494955610344],
                    [0.00021947560700957423, 0.21729833318948308, 0.282042446430608,
                     0.4570488108005469, 0.780045160802092, 1.0]),
        "rectangular": ([0.0, 0.2222222222222222, 0.2222222222222222, 0.2222222222222222,
                         0.1111111111111111],
                        [0.0, 0.11111111111111112, 0.22222222222222224, 0.48888888888888893,
                         0.8222222222222223, 1.0]),
        "triangular": ([0.0, 0.14814814814814817, 0.29629629629629634, 0.237037037037037,
                        0.20740740740740746],
                       [0.0, 0.07407407407407407, 0.1851851851851852, 0.5348148148148149,
                        0.8118518518518519, 1.0]),
        "parabolic": ([0.0, 0.14814814814814814, 0.2592592592592593, 0.22370370370370363,
                       0.16592592592592592],
                      [0.0, 0.08641975308641975, 0.19135802469135801, 0.5238024691358025,
                       0.8166913580246914, 1.0]),
        "quartic": ([0.0, 0.1646090534979424, 0.2726337448559671, 0.22799176954732506,
                     0.20648559670781896],
                    [0.0, 0.06995884773662552, 0.17849794238683125, 0.5383221399176955,
                     0.812561646090535, 1.0]),
        "triweight": ([0.0, 0.17070568510897727, 0.28473174820911445, 0.24166167962200882,
                       0.2398291967687853],
                      [0.0, 0.05776558451455573, 0.17254420057918, 0.5468467593354672,
                       0.809135514708124, 1.0]),
        "cosine": ([0.0, 0.15114994701951817, 0.2617993877991494, 0.2246526019974744,
                    0.17357681557350915],
                   [0.0, 0.08333333333333333, 0.1889957660359269, 0.5264947011854856,
                    0.8159119227887245, 1.0]),
    }
    ALIASES = {"gauss": "normal", "uniform": "rectangular", "epanechnikov": "parabolic",
               "biweight": "quartic"}

    def test_values(self):
        kernels = dict(self.EXPECTED)
        for alias, name in self.ALIASES.items():
            kernels[alias] = self.EXPECTED[name]
        for kernel, (pdfs, cdfs) in kernels.items():
            pdf = kde(self.DATA, 1.5, kernel)
            cdf = kde(self.DATA, 1.5, kernel, cumulative=True)
            for x, expected in zip(self.XS, pdfs):
                with self.subTest(kernel=kernel, x=x, f="pdf"):
                    self.assertAlmostEqual(pdf(x), expected, places=12)
            for x, expected in zip(self.CUMULATIVE_XS, cdfs):
                with self.subTest(kernel=kernel, x=x, f="cdf"):
                    self.assertAlmostEqual(cdf(x), expected, places=12)

    def test_function_names(self):
        pdf = kde(self.DATA, h=1.5)
        self.assertEqual(pdf.__name__, "pdf")
        self.assertEqual(pdf.__doc__, "PDF estimate with h=1.5 and kernel='normal'")
        cdf = kde(self.DATA, h=1.5, kernel="cosine", cumulative=True)
        self.assertEqual(cdf.__name__, "cdf")
        self.assertEqual(cdf.__doc__, "CDF estimate with h=1.5 and kernel='cosine'")
        rand = kde_random(self.DATA, h=1.5)
        self.assertEqual(rand.__name__, "rand")
        self.assertEqual(rand.__doc__, "Random KDE selection with h=1.5 and kernel='normal'")

    def test_errors(self):
        for func in (kde, kde_random):
            with self.subTest(func=func.__name__):
                with self.assertRaises(StatisticsError) as cm:
                    func([], 1)
                self.assertEqual(str(cm.exception), "Empty data sequence")
                with self.assertRaises(StatisticsError) as cm:
                    func([1], 0)
                self.assertEqual(str(cm.exception), "Bandwidth h must be positive, not h=0")
                with self.assertRaises(StatisticsError) as cm:
                    func([1], 1, "x")
                self.assertEqual(str(cm.exception), "Unknown kernel name: 'x'")
                with self.assertRaises(TypeError) as cm:
                    func(["a"], 1)
                self.assertEqual(str(cm.exception), "Data sequence must contain ints or floats")
                self.assertRaises(TypeError, func, iter([1, 2]), 1)
                self.assertRaises(TypeError, func, [1], "a")

    def test_integrates_to_one(self):
        for kernel in ("normal", "logistic", "sigmoid", "rectangular", "triangular",
                       "parabolic", "quartic", "triweight", "cosine"):
            pdf = kde(self.DATA, 1.5, kernel)
            step = 0.01
            area = math.fsum(pdf(-40 + step * (i + 0.5)) for i in range(8000)) * step
            with self.subTest(kernel=kernel):
                self.assertAlmostEqual(area, 1.0, places=3)

    def test_random(self):
        expected = {
            "rectangular": [3.3435960818271897, 2.452803419119561, 1.963822875973925],
            "normal": [4.436749026530115, 2.5817668674685295, 2.380348342531236],
            "triangular": [3.0156386914097952, 2.246686443334846, 1.6031913882889435],
            "parabolic": [3.0849134697687326, 2.306118720676494, 1.6915440330199538],
            "quartic": [2.923275386665259, 2.2458632570594808, 1.5652782810518646],
            "triweight": [2.8155479607104374, 2.211129113225935, 1.4894816781484326],
            "cosine": [3.0600407236754292, 2.292831516547589, 1.6663687428755003],
            "logistic": [6.35057431416419, 2.9347239805676892, 3.287507313345585],
            "sigmoid": [5.750155992756019, 2.7395190451802662, 2.865331316806548],
        }
        for kernel, values in expected.items():
            rand = kde_random(self.DATA, 1.5, kernel, seed=7)
            for value in values:
                with self.subTest(kernel=kernel):
                    self.assertAlmostEqual(rand(), value, places=9)

    def test_random_distribution(self):
        rand = kde_random([10.0], 2.0, "rectangular", seed=1)
        values = [rand() for _ in range(2000)]
        self.assertTrue(all(8.0 <= v <= 12.0 for v in values))
        self.assertTrue(9.8 < fmean(values) < 10.2)
        first = kde_random(self.DATA, 1.0, seed=99)
        second = kde_random(self.DATA, 1.0, seed=99)
        self.assertEqual([first() for _ in range(5)], [second() for _ in range(5)])


class RandomDataTests(unittest.TestCase):
    """Cross-check the exact functions against straightforward float formulas."""

    def test_consistency(self):
        rng = random.Random(12345)
        for size in (2, 3, 10, 57):
            data = [rng.uniform(-100, 100) for _ in range(size)]
            with self.subTest(size=size):
                m = sum(data) / size
                self.assertAlmostEqual(mean(data), m)
                self.assertAlmostEqual(fmean(data), m)
                ss = sum((x - m) ** 2 for x in data)
                self.assertAlmostEqual(variance(data), ss / (size - 1))
                self.assertAlmostEqual(pvariance(data), ss / size)
                self.assertAlmostEqual(stdev(data), math.sqrt(ss / (size - 1)))
                self.assertAlmostEqual(pstdev(data), math.sqrt(ss / size))
                self.assertEqual(median_low(data), sorted(data)[(size - 1) // 2])
                self.assertEqual(median_high(data), sorted(data)[size // 2])


if __name__ == "__main__":
    unittest.main()
