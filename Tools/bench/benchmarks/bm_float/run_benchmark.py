"""Float: create many small point objects with trigonometry, normalise them, and reduce
them to the component-wise maximum (float arithmetic plus object churn)."""

import math

import pyperf


class Point:
    __slots__ = ("x", "y", "z")

    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        norm = math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def run(count):
    points = [Point(i) for i in range(count)]
    for p in points:
        p.normalize()
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    return best


def bench(loops, count):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        best = run(count)
    elapsed = pyperf.perf_counter() - t0
    got = (round(best.x, 9), round(best.y, 9), round(best.z, 9))
    if got != (0.894427189, 1.0, 0.447213595):
        raise AssertionError("float: %r" % (got,))
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "Float arithmetic and small-object churn"
    runner.bench_time_func("float", bench, 100000)
