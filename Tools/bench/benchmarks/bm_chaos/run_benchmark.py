"""Chaos: the chaos game drawn through spline-shaped maps.  A point runs the classic chaos
game in the unit square: it moves half-way towards one of three corners, picked at random
with weights proportional to the lengths of three cubic B-splines, and is mirrored left to
right half the time.  Before each move the chosen corner's map sends the point onto a band
around its spline (y chooses where along the curve, x how far across it) and the result is
plotted into a pixel grid.  Exercises small-object float arithmetic, method calls and list
indexing.  Checks the number of lit pixels and a checksum of the grid."""

import math
import random

import pyperf

WIDTH = 160
HEIGHT = 120
POINTS = 12000
SKIPPED = 16            # the first points are not yet on the attractor
SEED = 1234
EXPECTED = (1799, 930471241)     # (lit pixels, grid checksum), from CPython 3.13


class Vec2:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec2(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec2(self.x - other.x, self.y - other.y)

    def __mul__(self, factor):
        return Vec2(self.x * factor, self.y * factor)

    def length(self):
        return math.sqrt(self.x * self.x + self.y * self.y)

    def towards(self, other, fraction):
        """The point `fraction` of the way from self to other."""
        return Vec2(self.x + (other.x - self.x) * fraction,
                    self.y + (other.y - self.y) * fraction)


class BSpline:
    """A clamped uniform B-spline of the given degree through its end control points,
    evaluated with de Boor's algorithm over the parameter range [0, len(points) - degree]."""

    def __init__(self, points, degree=3):
        if len(points) <= degree:
            raise ValueError("a degree-%d spline needs more than %d points" % (degree, degree))
        self.points = points
        self.degree = degree
        inner = len(points) - degree
        self.knots = [0] * degree + list(range(inner + 1)) + [inner] * degree
        self.end = float(inner)

    def span(self, u):
        """Index k with knots[k] <= u < knots[k + 1], the last span for u == end."""
        k = self.degree + int(u)
        return min(k, len(self.points) - 1)

    def __call__(self, u):
        p = self.degree
        k = self.span(u)
        knots = self.knots
        d = self.points[k - p:k + 1]
        for r in range(1, p + 1):
            for j in range(p, r - 1, -1):
                i = j + k - p
                left = knots[i]
                alpha = (u - left) / (knots[i + 1 + p - r] - left)
                d[j] = d[j - 1].towards(d[j], alpha)
        return d[p]


class Band:
    """The map of the unit square onto a band of the given width around a spline."""

    STEP = 1e-3

    def __init__(self, spline, width, corner):
        self.spline = spline
        self.width = width
        self.corner = corner
        samples = [spline(spline.end * n / 64) for n in range(65)]
        self.length = sum((b - a).length() for a, b in zip(samples, samples[1:]))

    def __call__(self, point):
        spline = self.spline
        u = point.y * spline.end
        before = max(u - self.STEP, 0.0)
        after = min(u + self.STEP, spline.end)
        tangent = spline(after) - spline(before)
        size = tangent.length()
        normal = Vec2(-tangent.y / size, tangent.x / size)
        return spline(u) + normal * ((point.x - 0.5) * self.width)


def make_bands():
    outline = BSpline([Vec2(0.10, 0.15), Vec2(0.05, 0.55), Vec2(0.30, 0.95), Vec2(0.55, 0.70),
                       Vec2(0.70, 0.95), Vec2(0.95, 0.60), Vec2(0.85, 0.10)])
    stem = BSpline([Vec2(0.50, 0.05), Vec2(0.40, 0.30), Vec2(0.60, 0.45), Vec2(0.45, 0.70)])
    curl = BSpline([Vec2(0.20, 0.30), Vec2(0.35, 0.20), Vec2(0.55, 0.25), Vec2(0.70, 0.45),
                    Vec2(0.60, 0.60)])
    return [Band(outline, 0.10, Vec2(0.0, 0.0)), Band(stem, 0.06, Vec2(1.0, 0.0)),
            Band(curl, 0.08, Vec2(0.5, 1.0))]


class ChaosGame:
    def __init__(self, bands, width, height):
        self.bands = bands
        self.width = width
        self.height = height
        total = sum(band.length for band in bands)
        self.thresholds = []
        running = 0.0
        for band in bands:
            running += band.length / total
            self.thresholds.append(running)
        self.thresholds[-1] = 1.0
        controls = [point for band in bands for point in band.spline.points]
        margin = max(band.width for band in bands)
        self.min_x = min(p.x for p in controls) - margin
        self.min_y = min(p.y for p in controls) - margin
        self.span_x = max(p.x for p in controls) + margin - self.min_x
        self.span_y = max(p.y for p in controls) + margin - self.min_y

    def pick(self, rng):
        draw = rng.random()
        for index, threshold in enumerate(self.thresholds):
            if draw < threshold:
                return self.bands[index]
        return self.bands[-1]

    def unit(self, point):
        """Rescale a point of the drawing's bounding box into the unit square."""
        x = (point.x - self.min_x) / self.span_x
        y = (point.y - self.min_y) / self.span_y
        return Vec2(min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0))

    def render(self, points, skipped, seed):
        rng = random.Random(seed)
        grid = [[0] * self.width for _ in range(self.height)]
        point = Vec2(0.5, 0.5)
        for step in range(points + skipped):
            band = self.pick(rng)
            if rng.random() < 0.5:
                point = Vec2(1.0 - point.x, point.y)
            if step >= skipped:
                pixel = self.unit(band(point))
                column = min(int(pixel.x * self.width), self.width - 1)
                row = min(int((1.0 - pixel.y) * self.height), self.height - 1)
                grid[row][column] += 1
            point = point.towards(band.corner, 0.5)
        return grid


def summarise(grid):
    lit = 0
    checksum = 0
    for row_index, row in enumerate(grid):
        for column_index, count in enumerate(row):
            if count:
                lit += 1
                checksum = (checksum * 31 + (row_index * 1009 + column_index) * count) \
                    % 1000000007
    return lit, checksum


def run_once(points=POINTS):
    game = ChaosGame(make_bands(), WIDTH, HEIGHT)
    return summarise(game.render(points, SKIPPED, SEED))


def bench(loops):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        result = run_once()
    elapsed = pyperf.perf_counter() - t0
    if result != EXPECTED:
        raise AssertionError("chaos: lit pixels and checksum %r, expected %r"
                             % (result, EXPECTED))
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "Chaos game with B-spline maps rendered to a pixel grid"
    runner.bench_time_func("chaos", bench)
