"""Tests of the heapq module: heappush, heappop, heappushpop, heapreplace, heapify, merge,
nlargest and nsmallest (behaviour as documented for CPython 3.13)."""

import heapq
import random
import unittest


def is_heap(heap):
    return all(not heap[(i - 1) // 2] > heap[i] for i in range(1, len(heap)))


class Ordered:
    """Only defines __lt__, which is all heapq may use."""

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return f"Ordered({self.v})"


class Boom:
    def __lt__(self, other):
        raise ZeroDivisionError("cannot compare")


class CountingLt:
    count = 0

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        CountingLt.count += 1
        return self.v < other.v


class HeapBasicsTests(unittest.TestCase):

    def test_push_pop_sorted(self):
        rng = random.Random(5)
        data = [rng.randrange(1000) for _ in range(300)]
        heap = []
        for item in data:
            heapq.heappush(heap, item)
            self.assertTrue(is_heap(heap))
        out = []
        while heap:
            out.append(heapq.heappop(heap))
            self.assertTrue(is_heap(heap))
        self.assertEqual(out, sorted(data))

    def test_heapify_random(self):
        rng = random.Random(11)
        for size in list(range(30)) + [100, 257, 1000]:
            with self.subTest(size=size):
                data = [rng.random() for _ in range(size)]
                heap = data[:]
                self.assertIsNone(heapq.heapify(heap))
                self.assertTrue(is_heap(heap))
                self.assertEqual(sorted(heap), sorted(data))

    def test_heapify_in_place(self):
        data = [5, 3, 1]
        alias = data
        heapq.heapify(data)
        self.assertIs(alias, data)
        self.assertEqual(data[0], 1)

    def test_heapify_sorted_and_reversed(self):
        for data in (list(range(50)), list(range(50, 0, -1)), [7] * 20):
            heap = data[:]
            heapq.heapify(heap)
            self.assertTrue(is_heap(heap))
            self.assertEqual([heapq.heappop(heap) for _ in range(len(data))], sorted(data))

    def test_heappush_returns_none(self):
        heap = []
        self.assertIsNone(heapq.heappush(heap, 1))
        self.assertEqual(heap, [1])

    def test_heappop_empty(self):
        with self.assertRaises(IndexError) as cm:
            heapq.heappop([])
        self.assertEqual(str(cm.exception), "index out of range")

    def test_heappop_single(self):
        heap = ["x"]
        self.assertEqual(heapq.heappop(heap), "x")
        self.assertEqual(heap, [])

    def test_heapreplace(self):
        heap = [1, 4, 3]
        self.assertEqual(heapq.heapreplace(heap, 10), 1)
        self.assertEqual(sorted(heap), [3, 4, 10])
        self.assertTrue(is_heap(heap))
        # the popped value may be smaller than the pushed one... or larger
        self.assertEqual(heapq.heapreplace(heap, 0), 3)
        self.assertEqual(heap[0], 0)

    def test_heapreplace_empty(self):
        with self.assertRaises(IndexError) as cm:
            heapq.heapreplace([], 1)
        self.assertEqual(str(cm.exception), "index out of range")

    def test_heappushpop(self):
        heap = [2, 5, 3]
        self.assertEqual(heapq.heappushpop(heap, 1), 1)   # smaller than root: returned
        self.assertEqual(heap, [2, 5, 3])
        self.assertEqual(heapq.heappushpop(heap, 4), 2)
        self.assertTrue(is_heap(heap))
        self.assertEqual(sorted(heap), [3, 4, 5])

    def test_heappushpop_empty(self):
        heap = []
        self.assertEqual(heapq.heappushpop(heap, 3), 3)
        self.assertEqual(heap, [])

    def test_heappushpop_equal_root(self):
        a, b = Ordered(1), Ordered(1)
        heap = [a]
        self.assertIs(heapq.heappushpop(heap, b), b)
        self.assertIs(heap[0], a)

    def test_random_operations(self):
        rng = random.Random(42)
        heap = []
        model = []
        for _ in range(2000):
            op = rng.randrange(4)
            value = rng.randrange(100)
            if op == 0 or not heap:
                heapq.heappush(heap, value)
                model.append(value)
            elif op == 1:
                model.sort()
                self.assertEqual(heapq.heappop(heap), model.pop(0))
            elif op == 2:
                model.append(value)
                model.sort()
                self.assertEqual(heapq.heappushpop(heap, value), model.pop(0))
            else:
                model.sort()
                self.assertEqual(heapq.heapreplace(heap, value), model.pop(0))
                model.append(value)
            self.assertTrue(is_heap(heap))
            self.assertEqual(len(heap), len(model))

    def test_heap_sort(self):
        rng = random.Random(3)
        data = [rng.randrange(-50, 50) for _ in range(500)]
        heap = []
        for x in data:
            heapq.heappush(heap, x)
        self.assertEqual([heapq.heappop(heap) for _ in data], sorted(data))

    def test_only_lt_used(self):
        rng = random.Random(8)
        data = [Ordered(rng.randrange(100)) for _ in range(100)]
        heap = data[:]
        heapq.heapify(heap)
        out = [heapq.heappop(heap).v for _ in range(len(data))]
        self.assertEqual(out, sorted(o.v for o in data))
        heap = []
        for o in data:
            heapq.heappush(heap, o)
        heapq.heapreplace(heap, Ordered(-1))
        heapq.heappushpop(heap, Ordered(1000))

    def test_tuples_as_priority_entries(self):
        heap = []
        for entry in [(3, "c"), (1, "a"), (2, "b")]:
            heapq.heappush(heap, entry)
        self.assertEqual(heapq.heappop(heap), (1, "a"))

    def test_non_list_errors(self):
        for func, args in [(heapq.heappush, (1,)), (heapq.heappop, ()),
                           (heapq.heapify, ()), (heapq.heapreplace, (1,)),
                           (heapq.heappushpop, (1,))]:
            for bad in ((1, 2), None, "ab", 10):
                with self.subTest(func=func.__name__, bad=bad):
                    with self.assertRaises(TypeError) as cm:
                        func(bad, *args)
                    self.assertIn("must be list, not", str(cm.exception))

    def test_list_subclass_accepted(self):
        class MyList(list):
            pass
        heap = MyList([5, 2, 9, 1])
        heapq.heapify(heap)
        self.assertTrue(is_heap(heap))
        heapq.heappush(heap, 0)
        self.assertEqual(heapq.heappop(heap), 0)
        self.assertIsInstance(heap, MyList)

    def test_arg_count(self):
        with self.assertRaises(TypeError):
            heapq.heappush([])
        with self.assertRaises(TypeError):
            heapq.heappop()
        with self.assertRaises(TypeError):
            heapq.heapify()
        with self.assertRaises(TypeError):
            heapq.heapreplace([1])

    def test_comparison_error_propagates(self):
        heap = [Boom()]
        with self.assertRaises(ZeroDivisionError):
            heapq.heappush(heap, Boom())
        heap = [Boom(), Boom(), Boom()]
        with self.assertRaises(ZeroDivisionError):
            heapq.heapify(heap)
        with self.assertRaises(ZeroDivisionError):
            heapq.heappushpop([Boom()], Boom())

    def test_uncomparable_types(self):
        heap = [1]
        with self.assertRaises(TypeError):
            heapq.heappush(heap, "a")

    def test_function_names(self):
        for name in heapq.__all__:
            with self.subTest(name=name):
                self.assertEqual(getattr(heapq, name).__name__, name)

    def test_all(self):
        self.assertEqual(sorted(heapq.__all__),
                         sorted(['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
                                 'nlargest', 'nsmallest', 'heappushpop']))


class MergeTests(unittest.TestCase):

    def test_basic(self):
        self.assertEqual(list(heapq.merge([1, 3, 5], [2, 4, 6], [0, 7])),
                         [0, 1, 2, 3, 4, 5, 6, 7])

    def test_is_lazy_iterator(self):
        m = heapq.merge([1, 2], [3])
        self.assertIs(iter(m), m)
        self.assertEqual(next(m), 1)
        self.assertEqual(list(m), [2, 3])

    def test_consumes_lazily(self):
        def gen(values, log):
            for v in values:
                log.append(v)
                yield v
        log = []
        m = heapq.merge(gen([1, 10], log), gen([2, 20], log))
        self.assertEqual(next(m), 1)
        self.assertLessEqual(len(log), 3)

    def test_empty(self):
        self.assertEqual(list(heapq.merge()), [])
        self.assertEqual(list(heapq.merge([], [])), [])
        self.assertEqual(list(heapq.merge([], [1, 2], [])), [1, 2])

    def test_single(self):
        self.assertEqual(list(heapq.merge(iter([1, 2, 3]))), [1, 2, 3])

    def test_random_against_sorted(self):
        rng = random.Random(17)
        for trial in range(30):
            inputs = [sorted(rng.randrange(50) for _ in range(rng.randrange(10)))
                      for _ in range(rng.randrange(6))]
            with self.subTest(trial=trial):
                self.assertEqual(list(heapq.merge(*inputs)), sorted(sum(inputs, [])))

    def test_key(self):
        a = ["bb", "dddd"]
        b = ["a", "ccc", "eeeee"]
        self.assertEqual(list(heapq.merge(a, b, key=len)),
                         ["a", "bb", "ccc", "dddd", "eeeee"])

    def test_reverse(self):
        self.assertEqual(list(heapq.merge([5, 3, 1], [6, 2], reverse=True)), [6, 5, 3, 2, 1])

    def test_key_and_reverse(self):
        self.assertEqual(list(heapq.merge(["ccc", "a"], ["dddd", "bb"], key=len,
                                          reverse=True)),
                         ["dddd", "ccc", "bb", "a"])

    def test_stability(self):
        a = [(1, "a1"), (2, "a2")]
        b = [(1, "b1"), (2, "b2")]
        c = [(1, "c1")]
        first = lambda t: t[0]
        self.assertEqual([t[1] for t in heapq.merge(a, b, c, key=first)],
                         ["a1", "b1", "c1", "a2", "b2"])
        self.assertEqual([t[1] for t in heapq.merge(a[::-1], b[::-1], key=first,
                                                    reverse=True)],
                         ["a2", "b2", "a1", "b1"])

    def test_stability_random(self):
        rng = random.Random(23)
        inputs = []
        for i in range(5):
            keys = sorted(rng.randrange(5) for _ in range(8))
            inputs.append([(k, i, j) for j, k in enumerate(keys)])
        merged = list(heapq.merge(*inputs, key=lambda t: t[0]))
        self.assertEqual(merged, sorted(sum(inputs, []), key=lambda t: t[0]))
        self.assertEqual(merged, sorted(sum(inputs, [])))

    def test_values_not_compared_with_key(self):
        class NoCompare:
            def __init__(self, k):
                self.k = k

            def __lt__(self, other):
                raise AssertionError("values compared")
        a = [NoCompare(1), NoCompare(3)]
        b = [NoCompare(1), NoCompare(2)]
        self.assertEqual([x.k for x in heapq.merge(a, b, key=lambda x: x.k)], [1, 1, 2, 3])

    def test_keyword_only(self):
        with self.assertRaises(TypeError):
            list(heapq.merge([1], [2], foo=1))

    def test_non_iterable(self):
        with self.assertRaises(TypeError):
            list(heapq.merge([1], 5))

    def test_error_in_input(self):
        def bad():
            yield 1
            raise ValueError("stop")
        m = heapq.merge(bad(), [5])
        self.assertEqual(next(m), 1)
        with self.assertRaises(ValueError):
            next(m)


class NSmallestLargestTests(unittest.TestCase):

    def test_random_against_sorted(self):
        rng = random.Random(99)
        data = [rng.randrange(200) for _ in range(150)]
        for n in (0, 1, 2, 5, 10, 149, 150, 151, 1000):
            with self.subTest(n=n):
                self.assertEqual(heapq.nsmallest(n, data), sorted(data)[:n])
                self.assertEqual(heapq.nlargest(n, data), sorted(data, reverse=True)[:n])

    def test_key(self):
        rng = random.Random(4)
        data = [(rng.randrange(20), i) for i in range(100)]
        key = lambda t: t[0]
        for n in (1, 3, 50, 100, 200):
            with self.subTest(n=n):
                self.assertEqual(heapq.nsmallest(n, data, key=key),
                                 sorted(data, key=key)[:n])
                self.assertEqual(heapq.nlargest(n, data, key=key),
                                 sorted(data, key=key, reverse=True)[:n])

    def test_iterators(self):
        self.assertEqual(heapq.nsmallest(3, iter([5, 1, 4, 2, 3])), [1, 2, 3])
        self.assertEqual(heapq.nlargest(2, (x * x for x in range(-3, 3))), [9, 4])
        self.assertEqual(heapq.nsmallest(1, iter([5, 1])), [1])
        self.assertEqual(heapq.nlargest(1, iter([])), [])
        self.assertEqual(heapq.nsmallest(10, iter([2, 1])), [1, 2])

    def test_non_positive_n(self):
        self.assertEqual(heapq.nsmallest(0, [1, 2]), [])
        self.assertEqual(heapq.nsmallest(-3, [1, 2]), [])
        self.assertEqual(heapq.nlargest(-1, [1, 2]), [])
        self.assertEqual(heapq.nlargest(0, iter([1, 2])), [])
        with self.assertRaises(TypeError):
            heapq.nsmallest(0, 5)
        with self.assertRaises(TypeError):
            heapq.nlargest(-1, None)

    def test_empty(self):
        self.assertEqual(heapq.nsmallest(3, []), [])
        self.assertEqual(heapq.nlargest(3, []), [])
        self.assertEqual(heapq.nsmallest(1, []), [])

    def test_stability(self):
        data = [(1, "a"), (0, "b"), (1, "c"), (0, "d"), (1, "e")]
        first = lambda t: t[0]
        self.assertEqual(heapq.nsmallest(3, data, key=first),
                         [(0, "b"), (0, "d"), (1, "a")])
        self.assertEqual(heapq.nlargest(2, data, key=first), [(1, "a"), (1, "c")])
        self.assertEqual(heapq.nlargest(2, iter(data), key=first), [(1, "a"), (1, "c")])

    def test_returns_new_list(self):
        data = [3, 1, 2]
        result = heapq.nsmallest(5, data)
        self.assertIsNot(result, data)
        self.assertEqual(data, [3, 1, 2])
        self.assertIsInstance(heapq.nlargest(2, data), list)

    def test_key_none_explicit(self):
        self.assertEqual(heapq.nsmallest(2, [3, 1, 2], key=None), [1, 2])
        self.assertEqual(heapq.nlargest(2, [3, 1, 2], key=None), [3, 2])

    def test_only_lt_used(self):
        data = [Ordered(v) for v in (5, 2, 8, 1, 9, 3)]
        self.assertEqual([o.v for o in heapq.nsmallest(2, data)], [1, 2])
        self.assertEqual([o.v for o in heapq.nlargest(2, data)], [9, 8])

    def test_errors(self):
        with self.assertRaises(TypeError):
            heapq.nsmallest(2, 5)
        with self.assertRaises(TypeError):
            heapq.nlargest(2, None)
        with self.assertRaises(TypeError):
            heapq.nsmallest(2, [1, "a", 2])
        with self.assertRaises(TypeError):
            heapq.nsmallest(2, [1], key=5)

    def test_strings(self):
        words = "the quick brown fox jumps over the lazy dog".split()
        self.assertEqual(heapq.nlargest(2, words, key=len), ["quick", "brown"])
        self.assertEqual(heapq.nsmallest(3, words), sorted(words)[:3])


if __name__ == "__main__":
    unittest.main()
