"""Tests of the bisect module: bisect_left, bisect_right, insort_left, insort_right and
their aliases, with lo/hi bounds and key functions (CPython 3.13 behaviour)."""

import bisect
import random
import unittest
from collections import UserList


def model_left(a, x, lo=0, hi=None, key=None):
    if hi is None:
        hi = len(a)
    k = (lambda v: v) if key is None else key
    i = lo
    while i < hi and k(a[i]) < x:
        i += 1
    return i


def model_right(a, x, lo=0, hi=None, key=None):
    if hi is None:
        hi = len(a)
    k = (lambda v: v) if key is None else key
    i = lo
    while i < hi and not x < k(a[i]):
        i += 1
    return i


class Ordered:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v


class BisectTests(unittest.TestCase):

    def test_aliases(self):
        self.assertIs(bisect.bisect, bisect.bisect_right)
        self.assertIs(bisect.insort, bisect.insort_right)

    def test_simple(self):
        a = [1, 2, 2, 2, 3, 5]
        self.assertEqual(bisect.bisect_left(a, 2), 1)
        self.assertEqual(bisect.bisect_right(a, 2), 4)
        self.assertEqual(bisect.bisect(a, 2), 4)
        self.assertEqual(bisect.bisect_left(a, 4), 5)
        self.assertEqual(bisect.bisect_right(a, 4), 5)
        self.assertEqual(bisect.bisect_left(a, 0), 0)
        self.assertEqual(bisect.bisect_right(a, 0), 0)
        self.assertEqual(bisect.bisect_left(a, 9), 6)
        self.assertEqual(bisect.bisect_right(a, 9), 6)

    def test_empty(self):
        for func in (bisect.bisect_left, bisect.bisect_right):
            self.assertEqual(func([], 1), 0)
            self.assertEqual(func([], 1, key=abs), 0)

    def test_exhaustive_small(self):
        for n in range(8):
            a = sorted([v // 2 for v in range(n)])
            for x in range(-1, n // 2 + 2):
                for lo in range(n + 1):
                    for hi in range(lo, n + 1):
                        with self.subTest(a=a, x=x, lo=lo, hi=hi):
                            self.assertEqual(bisect.bisect_left(a, x, lo, hi),
                                             model_left(a, x, lo, hi))
                            self.assertEqual(bisect.bisect_right(a, x, lo, hi),
                                             model_right(a, x, lo, hi))

    def test_random(self):
        rng = random.Random(1234)
        for trial in range(100):
            a = sorted(rng.randrange(30) for _ in range(rng.randrange(40)))
            x = rng.randrange(-2, 32) + rng.choice([0, 0.5])
            with self.subTest(trial=trial):
                left = bisect.bisect_left(a, x)
                right = bisect.bisect_right(a, x)
                self.assertEqual(left, model_left(a, x))
                self.assertEqual(right, model_right(a, x))
                self.assertTrue(all(v < x for v in a[:left]))
                self.assertTrue(all(v >= x for v in a[left:]))
                self.assertTrue(all(v <= x for v in a[:right]))
                self.assertTrue(all(v > x for v in a[right:]))

    def test_lo_hi(self):
        a = [0, 1, 2, 3, 4, 5, 6]
        self.assertEqual(bisect.bisect_left(a, 5, 0, 3), 3)
        self.assertEqual(bisect.bisect_right(a, 0, 2), 2)
        self.assertEqual(bisect.bisect_left(a, 3, lo=1, hi=5), 3)
        self.assertEqual(bisect.bisect_right(a, 3, lo=1, hi=5), 4)
        self.assertEqual(bisect.bisect_left(a, 3, 4, 4), 4)
        self.assertEqual(bisect.bisect_right(a, 3, hi=2), 2)

    def test_hi_none_means_len(self):
        a = [1, 2, 3]
        self.assertEqual(bisect.bisect_right(a, 5, 0, None), 3)
        self.assertEqual(bisect.bisect_left(a, 5, hi=None), 3)

    def test_hi_larger_than_len(self):
        with self.assertRaises(IndexError):
            bisect.bisect_left([1, 2, 3], 10, 0, 10)

    def test_hi_below_lo(self):
        self.assertEqual(bisect.bisect_left([1, 2, 3], 2, 2, 0), 2)
        self.assertEqual(bisect.bisect_right([1, 2, 3], 2, 2, 0), 2)

    def test_negative_hi(self):
        # (hi=-1 is not tested: CPython's C code takes it to mean len(a), its pure
        # Python fallback does not.)
        self.assertEqual(bisect.bisect_left([1, 2, 3], 2, 0, -5), 0)
        self.assertEqual(bisect.bisect_right([1, 2, 3], 2, 1, -5), 1)

    def test_negative_lo(self):
        for func in (bisect.bisect_left, bisect.bisect_right, bisect.insort_left,
                     bisect.insort_right):
            with self.subTest(func=func.__name__):
                with self.assertRaises(ValueError) as cm:
                    func([1, 2], 1, -1)
                self.assertEqual(str(cm.exception), "lo must be non-negative")
                with self.assertRaises(ValueError):
                    func([1, 2], 1, lo=-1, key=abs)

    def test_bad_lo_hi_types(self):
        for func in (bisect.bisect_left, bisect.bisect_right):
            with self.subTest(func=func.__name__):
                with self.assertRaises(TypeError) as cm:
                    func([1, 2], 1, "0")
                self.assertEqual(str(cm.exception),
                                 "'str' object cannot be interpreted as an integer")
                with self.assertRaises(TypeError):
                    func([1, 2], 1, None)
                with self.assertRaises(TypeError):
                    func([1, 2], 1, 0.0)
                with self.assertRaises(TypeError) as cm:
                    func([1, 2], 1, 0, 1.5)
                self.assertEqual(str(cm.exception),
                                 "argument should be integer or None, not 'float'")

    def test_index_objects_as_bounds(self):
        class Idx:
            def __init__(self, v):
                self.v = v

            def __index__(self):
                return self.v
        a = [0, 1, 2, 3, 4]
        self.assertEqual(bisect.bisect_left(a, 3, Idx(1), Idx(2)), 2)
        self.assertEqual(bisect.bisect_right(a, 0, Idx(2)), 2)
        self.assertEqual(bisect.bisect_left(a, 3, True), 3)

    def test_key(self):
        a = [("a", 1), ("b", 3), ("c", 3), ("d", 7)]
        key = lambda t: t[1]
        self.assertEqual(bisect.bisect_left(a, 3, key=key), 1)
        self.assertEqual(bisect.bisect_right(a, 3, key=key), 3)
        self.assertEqual(bisect.bisect_left(a, 0, key=key), 0)
        self.assertEqual(bisect.bisect_right(a, 10, key=key), 4)
        self.assertEqual(bisect.bisect_right(a, 3, 0, 2, key=key), 2)

    def test_key_applied_to_items_not_x(self):
        a = [-1, 2, -3, 4]       # sorted by abs
        self.assertEqual(bisect.bisect_left(a, 3, key=abs), 2)
        self.assertEqual(bisect.bisect_right(a, 2, key=abs), 2)

    def test_key_none(self):
        self.assertEqual(bisect.bisect_left([1, 2, 3], 2, key=None), 1)
        self.assertEqual(bisect.bisect_right([1, 2, 3], 2, key=None), 2)

    def test_key_is_keyword_only(self):
        with self.assertRaises(TypeError):
            bisect.bisect_left([1], 1, 0, 1, abs)

    def test_random_key(self):
        rng = random.Random(77)
        key = lambda v: -v
        for trial in range(50):
            a = sorted((rng.randrange(20) for _ in range(rng.randrange(20))), key=key)
            x = -rng.randrange(-1, 21)
            with self.subTest(trial=trial):
                self.assertEqual(bisect.bisect_left(a, x, key=key),
                                 model_left(a, x, key=key))
                self.assertEqual(bisect.bisect_right(a, x, key=key),
                                 model_right(a, x, key=key))

    def test_only_lt_used(self):
        a = [Ordered(v) for v in (1, 3, 3, 5)]
        self.assertEqual(bisect.bisect_left(a, Ordered(3)), 1)
        self.assertEqual(bisect.bisect_right(a, Ordered(3)), 3)

    def test_sequence_types(self):
        self.assertEqual(bisect.bisect_left((1, 3, 5), 4), 2)
        self.assertEqual(bisect.bisect_right("abcde", "c"), 3)
        self.assertEqual(bisect.bisect_left(range(0, 100, 10), 35), 4)
        self.assertEqual(bisect.bisect_right(UserList([1, 2, 3]), 2), 2)

    def test_errors(self):
        with self.assertRaises(TypeError):
            bisect.bisect_left(10, 1)
        with self.assertRaises(TypeError):
            bisect.bisect_right([1, 2], "a")
        with self.assertRaises(TypeError):
            bisect.bisect_left([1, 2])
        with self.assertRaises(TypeError):
            bisect.bisect_left([1, 2], 1, key=5)

    def test_comparison_error_propagates(self):
        class Boom:
            def __lt__(self, other):
                raise ZeroDivisionError
        with self.assertRaises(ZeroDivisionError):
            bisect.bisect_left([Boom(), Boom()], Boom())


class InsortTests(unittest.TestCase):

    def test_insort_left_right_placement(self):
        a = [(1, "x"), (2, "x"), (3, "x")]
        first = lambda t: t[0]
        bisect.insort_left(a, (2, "L"), key=first)
        bisect.insort_right(a, (2, "R"), key=first)
        self.assertEqual(a, [(1, "x"), (2, "L"), (2, "x"), (2, "R"), (3, "x")])

    def test_insort_returns_none(self):
        a = [1, 3]
        self.assertIsNone(bisect.insort(a, 2))
        self.assertEqual(a, [1, 2, 3])

    def test_random_insort(self):
        rng = random.Random(5)
        for func in (bisect.insort_left, bisect.insort_right):
            a = []
            data = [rng.randrange(100) for _ in range(200)]
            for v in data:
                func(a, v)
            with self.subTest(func=func.__name__):
                self.assertEqual(a, sorted(data))

    def test_insort_key_applies_to_x(self):
        a = []
        for word in ["ccc", "a", "bb", "dddd", "e"]:
            bisect.insort(a, word, key=len)
        self.assertEqual(a, ["a", "e", "bb", "ccc", "dddd"])
        b = []
        for word in ["ccc", "a", "bb", "dddd", "e"]:
            bisect.insort_left(b, word, key=len)
        self.assertEqual(b, ["e", "a", "bb", "ccc", "dddd"])

    def test_insort_lo_hi(self):
        a = [0, 5, 1, 2, 9]        # only a[1:4] sorted... insert within bounds
        bisect.insort_left(a, 1, 2, 4)
        self.assertEqual(a, [0, 5, 1, 1, 2, 9])
        b = [1, 2, 3]
        bisect.insort_right(b, 10, 0, 1)
        self.assertEqual(b, [1, 10, 2, 3])

    def test_insort_uses_insert_method(self):
        class Recorder(UserList):
            def insert(self, index, item):
                self.calls = (index, item)
                super().insert(index, item)
        r = Recorder([1, 3])
        bisect.insort(r, 2)
        self.assertEqual(r.calls, (1, 2))
        self.assertEqual(list(r), [1, 2, 3])

    def test_insort_non_list(self):
        with self.assertRaises((TypeError, AttributeError)):
            bisect.insort((1, 2), 1)
        with self.assertRaises(TypeError):
            bisect.insort(5, 1)

    def test_insort_key_none(self):
        a = [1, 3]
        bisect.insort_left(a, 2, key=None)
        self.assertEqual(a, [1, 2, 3])


if __name__ == "__main__":
    unittest.main()
