"""Tests for list.sort and sorted() (Objects/listsort.c)."""
import unittest


class Rand:
    """A small deterministic generator (the tests must not depend on the random module)."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def next(self, n):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state % n


def reference_sort(items, key=None, reverse=False):
    """A plainly stable insertion-free merge sort used as the oracle."""
    keyed = [(key(x) if key else x, i, x) for i, x in enumerate(items)]

    def merge(a, b):
        out = []
        i = j = 0
        while i < len(a) and j < len(b):
            if reverse:
                take_b = a[i][0] < b[j][0]
            else:
                take_b = b[j][0] < a[i][0]
            if take_b:
                out.append(b[j])
                j += 1
            else:
                out.append(a[i])
                i += 1
        out.extend(a[i:])
        out.extend(b[j:])
        return out

    def msort(xs):
        if len(xs) <= 1:
            return xs
        mid = len(xs) // 2
        return merge(msort(xs[:mid]), msort(xs[mid:]))
    return [x for _, _, x in msort(keyed)]


class SortTests(unittest.TestCase):

    def check(self, data, key=None, reverse=False):
        expected = reference_sort(data, key, reverse)
        got = list(data)
        got.sort(key=key, reverse=reverse)
        self.assertEqual(got, expected)
        self.assertEqual(sorted(data, key=key, reverse=reverse), expected)

    def test_small(self):
        for n in range(0, 40):
            r = Rand(n)
            data = [r.next(10) for _ in range(n)]
            self.check(data)
            self.check(data, reverse=True)

    def test_random_big(self):
        r = Rand(12345)
        for n in (100, 1000, 5000):
            data = [r.next(1000) for _ in range(n)]
            self.check(data)
            self.check(data, reverse=True)
            self.check(data, key=lambda x: x % 7)

    def test_stability(self):
        r = Rand(7)
        data = [(r.next(5), i) for i in range(2000)]
        self.check(data, key=lambda p: p[0])
        self.check(data, key=lambda p: p[0], reverse=True)

    def test_structured(self):
        n = 3000
        patterns = [
            list(range(n)),
            list(range(n, 0, -1)),
            [1] * n,
            list(range(n // 2)) + list(range(n // 2)),
            [i % 17 for i in range(n)],
            list(range(n // 2, 0, -1)) + list(range(n // 2)),
            [(i * 7919) % n for i in range(n)],
        ]
        for data in patterns:
            self.check(data)
            self.check(data, reverse=True)

    def test_runs_with_noise(self):
        r = Rand(99)
        data = list(range(4000))
        for _ in range(40):
            i, j = r.next(4000), r.next(4000)
            data[i], data[j] = data[j], data[i]
        self.check(data)

    def test_strings_and_floats(self):
        r = Rand(3)
        words = ["w%05d" % r.next(100000) for _ in range(1500)]
        self.check(words)
        floats = [r.next(1000) / 7.0 for _ in range(1500)]
        self.check(floats)
        mixed = [r.next(50) if i % 2 else r.next(50) + 0.5 for i in range(1000)]
        self.check(mixed)

    def test_key_called_once(self):
        calls = []

        def key(x):
            calls.append(x)
            return -x
        data = list(range(100))
        data.sort(key=key)
        self.assertEqual(len(calls), 100)
        self.assertEqual(data, list(range(99, -1, -1)))

    def test_exception_keeps_items(self):
        class Bad:
            def __init__(self, v):
                self.v = v

            def __lt__(self, other):
                if self.v == 50 or other.v == 50:
                    raise RuntimeError("boom")
                return self.v < other.v
        r = Rand(5)
        data = [Bad(r.next(100)) for _ in range(300)] + [Bad(50)]
        ids = sorted(id(x) for x in data)
        with self.assertRaises(RuntimeError):
            data.sort()
        self.assertEqual(sorted(id(x) for x in data), ids)

    def test_mutation_detected(self):
        data = list(range(50))

        def key(x):
            if x == 10:
                data.append(1)
            return x
        with self.assertRaises(ValueError):
            data.sort(key=key)

    def test_custom_lt(self):
        class C:
            def __init__(self, v):
                self.v = v

            def __lt__(self, other):
                return self.v > other.v
        data = [C(i) for i in range(200)]
        data.sort()
        self.assertEqual([c.v for c in data], list(range(199, -1, -1)))

    def test_sorted_builtin(self):
        self.assertEqual(sorted("cba"), ["a", "b", "c"])
        self.assertEqual(sorted({3: 0, 1: 0}), [1, 3])
        self.assertEqual(sorted([3, 1, 2], reverse=True), [3, 2, 1])


if __name__ == "__main__":
    unittest.main()
