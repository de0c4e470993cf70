"""Basic statistics module.

Functions for calculating statistics of numeric (Real-valued) data: averages
(mean, fmean, geometric_mean, harmonic_mean, median and friends, mode,
multimode), spread (variance, pvariance, stdev, pstdev), quantiles,
relations between two inputs (covariance, correlation, linear_regression),
kernel density estimation (kde, kde_random) and the NormalDist class.

Unless documented otherwise, the exact functions compute with rationals and
return a result of the same type as the data (int data may yield a float
when the exact answer is not an integer).
"""

__all__ = [
    "NormalDist",
    "StatisticsError",
    "correlation",
    "covariance",
    "fmean",
    "geometric_mean",
    "harmonic_mean",
    "kde",
    "kde_random",
    "linear_regression",
    "mean",
    "median",
    "median_grouped",
    "median_high",
    "median_low",
    "mode",
    "multimode",
    "pstdev",
    "pvariance",
    "quantiles",
    "stdev",
    "variance",
]

import math
import numbers
import random
import sys
from bisect import bisect_left, bisect_right
from collections import namedtuple
from fractions import Fraction


class StatisticsError(ValueError):
    pass


# == exact arithmetic helpers ================================================

def _decimal_type():
    """The decimal.Decimal class if decimal has been imported, else None."""
    module = sys.modules.get("decimal")
    return None if module is None else module.Decimal


def _exact_ratio(x):
    """Return (numerator, denominator) of x exactly.

    Non-finite floats give (x, None).
    """
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        # inf or nan: keep the value itself.
        return (x, None)
    raise TypeError("can't convert type '%s' to numerator/denominator"
                    % type(x).__name__)


def _coerce(T, S):
    """The type a result mixing types T and S should have."""
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    if issubclass(T, Fraction) and issubclass(S, float):
        return S
    if issubclass(T, float) and issubclass(S, Fraction):
        return T
    raise TypeError("don't know how to coerce %s and %s" % (T.__name__, S.__name__))


class _ExactSums:
    """Accumulate the exact sum (and sum of squares) of numeric data."""

    def __init__(self, squares=False):
        self.type = int
        self.count = 0
        self.squares = squares
        # Numerators grouped by denominator keep the sums cheap.
        self.partials = {}
        self.square_partials = {}
        self.nonfinite = None

    def add(self, x):
        self.type = _coerce(self.type, type(x))
        self.count += 1
        n, d = _exact_ratio(x)
        if d is None:
            self.nonfinite = n if self.nonfinite is None else self.nonfinite + n
            return
        self.partials[d] = self.partials.get(d, 0) + n
        if self.squares:
            self.square_partials[d] = self.square_partials.get(d, 0) + n * n

    def total(self):
        """The exact sum: a Fraction, or a float if some value was not finite."""
        if self.nonfinite is not None:
            return self.nonfinite
        return sum((Fraction(n, d) for d, n in self.partials.items()), Fraction(0))

    def total_of_squares(self):
        return sum((Fraction(n, d * d) for d, n in self.square_partials.items()),
                   Fraction(0))


def _sum(data):
    """Return (type, exact total, count) for data."""
    sums = _ExactSums()
    for x in data:
        sums.add(x)
    return sums.type, sums.total(), sums.count


def _ss(data, c=None):
    """Return (type, sum of squared deviations, centre, count).

    Deviations are taken from c when given, else from the exact mean.
    """
    if c is not None:
        sums = _ExactSums()
        for x in data:
            d = x - c
            sums.add(d * d)
        return sums.type, sums.total(), c, sums.count
    sums = _ExactSums(squares=True)
    for x in data:
        sums.add(x)
    n = sums.count
    if n == 0:
        return sums.type, Fraction(0), Fraction(0), 0
    if sums.nonfinite is not None:
        return sums.type, sums.nonfinite, sums.nonfinite, n
    sx = sums.total()
    sxx = sums.total_of_squares()
    return sums.type, (n * sxx - sx * sx) / n, sx / n, n


def _convert(value, T):
    """Convert an exact value (usually a Fraction) to type T."""
    if type(value) is T:
        return value
    if issubclass(T, int) and value.denominator != 1:
        T = float
    try:
        return T(value)
    except TypeError:
        decimal = _decimal_type()
        if decimal is not None and issubclass(T, decimal):
            return T(value.numerator) / T(value.denominator)
        raise


def _float_sqrt_of_frac(n, d):
    """Correctly rounded float square root of n/d (n >= 0, d > 0)."""
    if n == 0:
        return 0.0
    # Scale so the integer root carries well over 53 significant bits; a
    # sticky low bit records an inexact root so int->float rounds correctly.
    shift = max(0, 60 - (n.bit_length() - d.bit_length()) // 2)
    q, r = divmod(n << (2 * shift), d)
    root = math.isqrt(q)
    if r or root * root != q:
        root |= 1
    return math.ldexp(float(root), -shift)


def _sqrt_of(value):
    """Correctly rounded square root of an exact non-negative value."""
    if isinstance(value, float):
        return math.sqrt(value)
    n, d = value.as_integer_ratio()
    return _float_sqrt_of_frac(n, d)


def _sumprod(xs, ys):
    """Sum of products of two float sequences, rounded once."""
    total = Fraction(0)
    for x, y in zip(xs, ys):
        if not (math.isfinite(x) and math.isfinite(y)):
            return math.fsum(a * b for a, b in zip(xs, ys))
        total += Fraction(x) * Fraction(y)
    return float(total)


def _sqrt_product(x, y):
    """Correctly rounded sqrt(x * y) for non-negative floats."""
    product = Fraction(x) * Fraction(y)
    return _float_sqrt_of_frac(product.numerator, product.denominator)


# == averages ================================================================

def mean(data):
    """Return the sample arithmetic mean of data.

    >>> mean([1, 2, 3, 4, 4])
    2.8

    If data is empty, StatisticsError will be raised.
    """
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    return _convert(total / n, T)


def fmean(data, weights=None):
    """Convert data to floats and compute the arithmetic mean.

    This runs faster than mean() and always returns a float.  Optional
    weights give a weighted mean.
    """
    if weights is None:
        try:
            n = len(data)
        except TypeError:
            data = list(data)
            n = len(data)
        total = math.fsum(data)
        if not n:
            raise StatisticsError("fmean requires at least one data point")
        return total / n
    if not isinstance(weights, (list, tuple)):
        weights = list(weights)
    if not isinstance(data, (list, tuple)):
        data = list(data)
    if len(data) != len(weights):
        raise StatisticsError("data and weights must be the same length")
    numerator = _sumprod([float(x) for x in data], [float(w) for w in weights])
    denominator = math.fsum(weights)
    if not denominator:
        raise StatisticsError("sum of weights must be non-zero")
    return numerator / denominator


def geometric_mean(data):
    """Convert data to floats and compute the geometric mean.

    Raises StatisticsError if data is empty or contains a negative value;
    a zero in the data gives 0.0.
    """
    n = 0
    found_zero = False
    logs = []
    for x in data:
        n += 1
        if x > 0:
            logs.append(math.log(x))
        elif x == 0:
            found_zero = True
        else:
            raise StatisticsError("No negative inputs allowed", x)
    if n == 0:
        raise StatisticsError("Must have a non-empty dataset")
    if found_zero:
        return 0.0
    return math.exp(math.fsum(logs) / n)


def _fail_neg(values, errmsg):
    """Yield values, raising StatisticsError(errmsg) at a negative one."""
    for x in values:
        if x < 0:
            raise StatisticsError(errmsg)
        yield x


def harmonic_mean(data, weights=None):
    """Return the harmonic mean of data, optionally weighted.

    >>> harmonic_mean([40, 60])
    48.0

    A zero in the data gives 0; a negative value raises StatisticsError.
    """
    if iter(data) is data:
        data = list(data)
    errmsg = "harmonic mean does not support negative values"
    n = len(data)
    if n < 1:
        raise StatisticsError("harmonic_mean requires at least one data point")
    if n == 1 and weights is None:
        x = data[0]
        decimal = _decimal_type()
        if isinstance(x, numbers.Real) or (decimal is not None and isinstance(x, decimal)):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        raise TypeError("unsupported type")
    if weights is None:
        weights = [1] * n
        sum_weights = n
    else:
        if iter(weights) is weights:
            weights = list(weights)
        if len(weights) != n:
            raise StatisticsError("Number of weights does not match data size")
        _, sum_weights, _ = _sum(_fail_neg(weights, errmsg))
    try:
        values = _fail_neg(data, errmsg)
        T, total, _ = _sum(w / x if w else 0 for w, x in zip(weights, values))
    except ZeroDivisionError:
        return 0
    if total <= 0:
        raise StatisticsError("Weighted sum must be positive")
    return _convert(sum_weights / total, T)


def median(data):
    """Return the median (middle value) of numeric data.

    With an even number of points the mean of the two middle values is
    returned.
    """
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    """Return the low median of data: always a member of the data."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    """Return the high median of data: always a member of the data."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1.0):
    """Estimate the median of grouped continuous data (the 50th percentile).

    Each value is the midpoint of a class of width interval.

    >>> median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5])
    3.7
    """
    data = sorted(data)
    n = len(data)
    if not n:
        raise StatisticsError("no median for empty data")
    x = data[n // 2]
    # The class holding the middle value spans [x - interval/2, x + interval/2].
    below = bisect_left(data, x)
    above = bisect_right(data, x, lo=below)
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError("Value cannot be converted to a float")
    lower_limit = x - interval / 2.0
    frequency = above - below
    return lower_limit + interval * (n / 2 - below) / frequency


def mode(data):
    """Return the most common data point of discrete or nominal data.

    Among equally common values the one met first wins.
    """
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    if not counts:
        raise StatisticsError("no mode for empty data")
    best = None
    best_count = 0
    for value, count in counts.items():
        if count > best_count:
            best, best_count = value, count
    return best


def multimode(data):
    """Return the list of most frequent values, in order of first appearance.

    >>> multimode('aabbbbbbbbcc')
    ['b']
    """
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    if not counts:
        return []
    top = max(counts.values())
    return [value for value, count in counts.items() if count == top]


# == spread ==================================================================

def variance(data, xbar=None):
    """Return the sample variance of data (at least two values).

    xbar, if given, should be the mean of data.
    """
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError("variance requires at least two data points")
    return _convert(ss / (n - 1), T)


def pvariance(data, mu=None):
    """Return the population variance of data (at least one value).

    mu, if given, should be the population mean of data.
    """
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError("pvariance requires at least one data point")
    return _convert(ss / n, T)


def _root(ss, count, T):
    """The square root of ss / count as a float (or a Decimal for Decimals)."""
    mss = ss / count
    decimal = _decimal_type()
    if decimal is not None and issubclass(T, decimal):
        return _convert(mss, T).sqrt()
    return _sqrt_of(mss)


def stdev(data, xbar=None):
    """Return the square root of the sample variance."""
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError("stdev requires at least two data points")
    return _root(ss, n - 1, T)


def pstdev(data, mu=None):
    """Return the square root of the population variance."""
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError("pstdev requires at least one data point")
    return _root(ss, n, T)


def _mean_stdev(data):
    """Return (mean, stdev) of data as floats."""
    T, ss, xbar, n = _ss(data)
    if n < 2:
        raise StatisticsError("stdev requires at least two data points")
    if isinstance(ss, float):
        # Non-finite data: the mean may be infinite, the spread is undefined.
        return float(xbar), math.nan
    return float(xbar), _sqrt_of(ss / (n - 1))


# == quantiles ===============================================================

def quantiles(data, *, n=4, method="exclusive"):
    """Divide data into n continuous intervals with equal probability.

    Returns the n - 1 cut points.  method is 'exclusive' (the default, for
    samples that may not contain the extremes) or 'inclusive' (for
    populations, or samples known to contain them).
    """
    if n < 1:
        raise StatisticsError("n must be at least 1")
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        if ld == 1:
            return data * (n - 1)
        raise StatisticsError("must have at least one data point")
    if method == "inclusive":
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == "exclusive":
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = min(max(j, 1), ld - 1)
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError("Unknown method: %r" % (method,))


# == two inputs ==============================================================

def _check_pair(x, y, what):
    n = len(x)
    if len(y) != n:
        raise StatisticsError("%s requires that both inputs have same number of data points"
                              % what)
    if n < 2:
        raise StatisticsError("%s requires at least two data points" % what)
    return n


def _centred(values, n):
    """Values minus their float mean."""
    centre = math.fsum(values) / n
    return [v - centre for v in values], centre


def covariance(x, y, /):
    """Return the sample covariance of two inputs x and y.

    >>> covariance([1, 2, 3, 4], [2, 4, 7, 8])
    3.5
    """
    n = _check_pair(x, y, "covariance")
    dx, _ = _centred(x, n)
    dy, _ = _centred(y, n)
    return _sumprod(dx, dy) / (n - 1)


def _rank(data, start=1):
    """Ranks of data (ties get their average rank), numbered from start."""
    order = sorted(range(len(data)), key=lambda i: data[i])
    ranks = [0] * len(data)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and data[order[j + 1]] == data[order[i]]:
            j += 1
        rank = start + (i + j) / 2
        for k in range(i, j + 1):
            ranks[order[k]] = rank
        i = j + 1
    return ranks


def correlation(x, y, /, *, method="linear"):
    """Return Pearson's correlation coefficient of x and y.

    method='ranked' gives Spearman's rank correlation instead.
    """
    n = _check_pair(x, y, "correlation")
    if method not in ("linear", "ranked"):
        raise ValueError("Unknown method: %r" % (method,))
    if method == "ranked":
        start = (n - 1) / -2
        x = _rank(x, start=start)
        y = _rank(y, start=start)
    else:
        x, _ = _centred(x, n)
        y, _ = _centred(y, n)
    sxy = _sumprod(x, y)
    sxx = _sumprod(x, x)
    syy = _sumprod(y, y)
    try:
        return sxy / _sqrt_product(sxx, syy)
    except ZeroDivisionError:
        raise StatisticsError("at least one of the inputs is constant")


LinearRegression = namedtuple("LinearRegression", ("slope", "intercept"))


def linear_regression(x, y, /, *, proportional=False):
    """Slope and intercept of the ordinary least squares line through (x, y).

    With proportional=True the line is forced through the origin.

    >>> linear_regression([1, 2, 3, 4], [2, 4, 7, 8])
    LinearRegression(slope=2.1, intercept=0.0)
    """
    n = _check_pair(x, y, "linear regression")
    if proportional:
        x = [float(v) for v in x]
        y = [float(v) for v in y]
    else:
        x, xbar = _centred(x, n)
        y, ybar = _centred(y, n)
    sxy = _sumprod(x, y) + 0.0
    sxx = _sumprod(x, x)
    try:
        slope = sxy / sxx
    except ZeroDivisionError:
        raise StatisticsError("x is constant")
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)


# == kernel density estimation ===============================================

def _bisect_inverse(cdf, p):
    """Solve cdf(t) == p on [-1, 1] for an increasing kernel cdf."""
    lo, hi = -1.0, 1.0
    for _ in range(64):
        mid = 0.5 * (lo + hi)
        if mid == lo or mid == hi:
            break
        if cdf(mid) < p:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def _quartic_cdf(t):
    return t * (15 / 16 + t * t * (-5 / 8 + t * t * 3 / 16)) + 0.5


def _quartic_pdf(t):
    return 15 / 16 * (1.0 - t * t) ** 2


def _triweight_cdf(t):
    t2 = t * t
    return 35 / 32 * t * (1.0 + t2 * (-1.0 + t2 * (3 / 5 - t2 / 7))) + 0.5


def _triweight_pdf(t):
    return 35 / 32 * (1.0 - t * t) ** 3


def _triangular_invcdf(p):
    if p < 0.5:
        return math.sqrt(2.0 * p) - 1.0
    return 1.0 - math.sqrt(2.0 - 2.0 * p)


# name -> (pdf, cdf, inverse cdf, support); support None means unbounded.
# Each kernel is a density of unit scale centred on zero.
_KERNELS = {
    "normal": (
        lambda t: math.exp(-0.5 * t * t) / math.sqrt(math.tau),
        lambda t: 0.5 * (1.0 + math.erf(t / math.sqrt(2.0))),
        lambda p: _standard_normal_inv_cdf(p),
        None),
    "logistic": (
        lambda t: 0.5 / (1.0 + math.cosh(t)),
        lambda t: 1.0 - 1.0 / (1.0 + math.exp(t)),
        lambda p: math.log(p / (1.0 - p)),
        None),
    "sigmoid": (
        lambda t: 1.0 / (math.pi * math.cosh(t)),
        lambda t: 2.0 / math.pi * math.atan(math.exp(t)),
        lambda p: math.log(math.tan(p * math.pi / 2.0)),
        None),
    "rectangular": (
        lambda t: 0.5,
        lambda t: 0.5 * t + 0.5,
        lambda p: 2.0 * p - 1.0,
        1.0),
    "triangular": (
        lambda t: 1.0 - abs(t),
        lambda t: (t * t / 2.0 + t + 0.5) if t < 0 else (-t * t / 2.0 + t + 0.5),
        _triangular_invcdf,
        1.0),
    "parabolic": (
        lambda t: 0.75 * (1.0 - t * t),
        lambda t: -0.25 * t ** 3 + 0.75 * t + 0.5,
        lambda p: 2.0 * math.cos((math.acos(2.0 * p - 1.0) + math.pi) / 3.0),
        1.0),
    "quartic": (
        _quartic_pdf,
        _quartic_cdf,
        lambda p: _bisect_inverse(_quartic_cdf, p),
        1.0),
    "triweight": (
        _triweight_pdf,
        _triweight_cdf,
        lambda p: _bisect_inverse(_triweight_cdf, p),
        1.0),
    "cosine": (
        lambda t: math.pi / 4.0 * math.cos(math.pi / 2.0 * t),
        lambda t: 0.5 * math.sin(math.pi / 2.0 * t) + 0.5,
        lambda p: 2.0 * math.asin(2.0 * p - 1.0) / math.pi,
        1.0),
}
_KERNELS["gauss"] = _KERNELS["normal"]
_KERNELS["uniform"] = _KERNELS["rectangular"]
_KERNELS["epanechnikov"] = _KERNELS["parabolic"]
_KERNELS["biweight"] = _KERNELS["quartic"]


def _check_kde_arguments(data, h, kernel):
    """Validate kde()/kde_random() arguments; return the kernel entry."""
    n = len(data)
    if not n:
        raise StatisticsError("Empty data sequence")
    if not isinstance(data[0], (int, float)):
        raise TypeError("Data sequence must contain ints or floats")
    if h <= 0.0:
        raise StatisticsError(f"Bandwidth h must be positive, not {h=!r}")
    try:
        return _KERNELS[kernel]
    except KeyError:
        raise StatisticsError(f"Unknown kernel name: {kernel!r}")


def kde(data, h, kernel="normal", *, cumulative=False):
    """Kernel Density Estimation: make a continuous probability density
    function (or, with cumulative=True, a cumulative distribution function)
    from discrete samples.

    h is the bandwidth.  kernel is one of 'normal' ('gauss'), 'logistic',
    'sigmoid', 'rectangular' ('uniform'), 'triangular', 'parabolic'
    ('epanechnikov'), 'quartic' ('biweight'), 'triweight' or 'cosine'.
    """
    pdf_kernel, cdf_kernel, _, support = _check_kde_arguments(data, h, kernel)
    n = len(data)
    points = sorted(data)

    def nearby(x):
        """The sample points whose kernel reaches x."""
        if support is None:
            return points
        lo = bisect_left(points, x - support * h)
        hi = bisect_right(points, x + support * h)
        return points[lo:hi]

    if cumulative:
        def cdf(x):
            below = bisect_left(points, x - support * h) if support is not None else 0
            total = math.fsum(cdf_kernel((x - xi) / h) for xi in nearby(x))
            return (below + total) / n

        cdf.__doc__ = f"CDF estimate with {h=!r} and {kernel=!r}"
        return cdf

    def pdf(x):
        return math.fsum(pdf_kernel((x - xi) / h) for xi in nearby(x)) / (n * h)

    pdf.__doc__ = f"PDF estimate with {h=!r} and {kernel=!r}"
    return pdf


def kde_random(data, h, kernel="normal", *, seed=None):
    """Return a function that makes a random selection from the estimated
    probability density function kde(data, h, kernel).

    seed, if given, makes the sequence of selections reproducible.
    """
    _, _, invcdf, _ = _check_kde_arguments(data, h, kernel)
    prng = random.Random(seed)
    choice = prng.choice
    uniform = prng.random

    def rand():
        centre = choice(data)
        p = uniform()
        while p == 0.0:
            p = uniform()
        return centre + h * invcdf(p)

    rand.__doc__ = f"Random KDE selection with {h=!r} and {kernel=!r}"
    return rand


# == the normal distribution =================================================

def _standard_normal_inv_cdf(p):
    """The x with Phi(x) == p for the standard normal (0 < p < 1)."""
    if p == 0.5:
        return 0.0
    q = p if p < 0.5 else 1.0 - p
    # A rational starting point (accurate to ~1e-3), then Halley steps on
    # the lower tail, where erfc keeps full relative precision.
    t = math.sqrt(-2.0 * math.log(q))
    x = -(t - (2.515517 + t * (0.802853 + t * 0.010328))
          / (1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308))))
    for _ in range(50):
        err = 0.5 * math.erfc(-x / math.sqrt(2.0)) - q
        density = math.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)
        if density == 0.0:
            break
        u = err / density
        step = u / (1.0 + 0.5 * x * u)
        x -= step
        if abs(step) <= 1e-16 * max(1.0, abs(x)):
            break
    return x if p < 0.5 else -x


class NormalDist:
    """Normal distribution of a random variable."""

    __slots__ = {
        "_mu": "Arithmetic mean of a normal distribution",
        "_sigma": "Standard deviation of a normal distribution",
    }

    def __init__(self, mu=0.0, sigma=1.0):
        """NormalDist where mu is the mean and sigma is the standard deviation."""
        if sigma < 0.0:
            raise StatisticsError("sigma must be non-negative")
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        """Make a normal distribution instance from sample data."""
        return cls(*_mean_stdev(data))

    def samples(self, n, *, seed=None):
        """Generate n samples for a given mean and standard deviation."""
        rnd = random.random if seed is None else random.Random(seed).random
        mu, sigma = self._mu, self._sigma
        result = []
        for _ in range(n):
            p = rnd()
            while p == 0.0:
                p = rnd()
            result.append(mu + sigma * _standard_normal_inv_cdf(p))
        return result

    def pdf(self, x):
        """Probability density function.  P(x <= X < x+dx) / dx"""
        variance = self._sigma * self._sigma
        if not variance:
            raise StatisticsError("pdf() not defined when sigma is zero")
        diff = x - self._mu
        return math.exp(diff * diff / (-2.0 * variance)) / math.sqrt(math.tau * variance)

    def cdf(self, x):
        """Cumulative distribution function.  P(X <= x)"""
        if not self._sigma:
            raise StatisticsError("cdf() not defined when sigma is zero")
        return 0.5 * (1.0 + math.erf((x - self._mu) / (self._sigma * math.sqrt(2.0))))

    def inv_cdf(self, p):
        """Inverse cumulative distribution function.  x : P(X <= x) = p

        Finds the value of the random variable such that the probability of
        the variable being less than or equal to that value equals p.
        """
        if p <= 0.0 or p >= 1.0:
            raise StatisticsError("p must be in the range 0.0 < p < 1.0")
        return self._mu + self._sigma * _standard_normal_inv_cdf(p)

    def quantiles(self, n=4):
        """Divide into n continuous intervals with equal probability.

        Returns a list of n - 1 cut points.
        """
        return [self.inv_cdf(i / n) for i in range(1, n)]

    def overlap(self, other):
        """Compute the overlapping coefficient (OVL) between two normal distributions.

        Measures the agreement between two normal probability distributions.
        Returns a value between 0.0 and 1.0 giving the overlapping area in
        the two underlying probability density functions.
        """
        if not isinstance(other, NormalDist):
            raise TypeError("Expected another NormalDist instance")
        X, Y = self, other
        if (Y._sigma, Y._mu) < (X._sigma, X._mu):
            X, Y = Y, X
        X_var, Y_var = X.variance, Y.variance
        if not X_var or not Y_var:
            raise StatisticsError("overlap() not defined when sigma is zero")
        dv = Y_var - X_var
        dm = math.fabs(Y._mu - X._mu)
        if not dv:
            return math.erfc(dm / (2.0 * X._sigma * math.sqrt(2.0)))
        # The two densities cross at x1 and x2; integrate the smaller one.
        a = X._mu * Y_var - Y._mu * X_var
        b = X._sigma * Y._sigma * math.sqrt(dm * dm + dv * math.log(Y_var / X_var))
        x1 = (a + b) / dv
        x2 = (a - b) / dv
        return 1.0 - (math.fabs(Y.cdf(x1) - X.cdf(x1)) + math.fabs(Y.cdf(x2) - X.cdf(x2)))

    def zscore(self, x):
        """Compute the Standard Score.  (x - mean) / stdev

        Describes x in terms of the number of standard deviations
        above or below the mean of the normal distribution.
        """
        if not self._sigma:
            raise StatisticsError("zscore() not defined when sigma is zero")
        return (x - self._mu) / self._sigma

    @property
    def mean(self):
        """Arithmetic mean of the normal distribution."""
        return self._mu

    @property
    def median(self):
        """Return the median of the normal distribution"""
        return self._mu

    @property
    def mode(self):
        """Return the mode of the normal distribution

        The mode is the value x where which the probability density
        function (pdf) takes its maximum value.
        """
        return self._mu

    @property
    def stdev(self):
        """Standard deviation of the normal distribution."""
        return self._sigma

    @property
    def variance(self):
        """Square of the standard deviation."""
        return self._sigma * self._sigma

    def __add__(x1, x2):
        """Add a constant or another NormalDist instance.

        If x2 is a constant, translate mu by the constant, leaving sigma
        unchanged.  If x2 is a NormalDist, add both means and combine the
        sigmas as for independent random variables.
        """
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu + x2._mu, math.hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu + x2, x1._sigma)

    def __sub__(x1, x2):
        """Subtract a constant or another NormalDist instance."""
        if isinstance(x2, NormalDist):
            return NormalDist(x1._mu - x2._mu, math.hypot(x1._sigma, x2._sigma))
        return NormalDist(x1._mu - x2, x1._sigma)

    def __mul__(x1, x2):
        """Multiply both mu and sigma by a constant."""
        return NormalDist(x1._mu * x2, x1._sigma * math.fabs(x2))

    def __truediv__(x1, x2):
        """Divide both mu and sigma by a constant."""
        return NormalDist(x1._mu / x2, x1._sigma / math.fabs(x2))

    def __pos__(x1):
        """Return a copy of the instance."""
        return NormalDist(x1._mu, x1._sigma)

    def __neg__(x1):
        """Negates mu while keeping sigma the same."""
        return NormalDist(-x1._mu, x1._sigma)

    __radd__ = __add__

    def __rsub__(x1, x2):
        """Subtract a NormalDist from a constant or another NormalDist."""
        return -(x1 - x2)

    __rmul__ = __mul__

    def __eq__(x1, x2):
        """Two NormalDist objects are equal if their mu and sigma are both equal."""
        if not isinstance(x2, NormalDist):
            return NotImplemented
        return x1._mu == x2._mu and x1._sigma == x2._sigma

    def __hash__(self):
        """NormalDist objects hash equal if their mu and sigma are both equal."""
        return hash((self._mu, self._sigma))

    def __repr__(self):
        return "%s(mu=%r, sigma=%r)" % (type(self).__name__, self._mu, self._sigma)

    def __getstate__(self):
        return self._mu, self._sigma

    def __setstate__(self, state):
        self._mu, self._sigma = state
