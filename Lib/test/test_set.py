"""Tests for set and frozenset (Objects/setobject.c)."""
import unittest


class SetTests(unittest.TestCase):

    def test_construction(self):
        self.assertEqual(set(), set())
        self.assertEqual(set([1, 2, 2]), {1, 2})
        self.assertEqual(set("abca"), {"a", "b", "c"})
        self.assertEqual(frozenset([1, 1]), frozenset({1}))
        f = frozenset([1])
        self.assertIs(frozenset(f), f)
        with self.assertRaises(TypeError):
            set([[]])
        with self.assertRaises(TypeError) as cm:
            set(1, 2)
        self.assertEqual(str(cm.exception), "set expected at most 1 argument, got 2")

    def test_repr(self):
        self.assertEqual(repr(set()), "set()")
        self.assertEqual(repr({1}), "{1}")
        self.assertEqual(repr(frozenset()), "frozenset()")
        self.assertEqual(repr(frozenset({1})), "frozenset({1})")

        class S(set):
            pass
        self.assertEqual(repr(S()), "S()")
        self.assertEqual(repr(S([1])), "S({1})")

    def test_add_remove(self):
        s = set()
        s.add(1)
        s.add(1)
        s.add("a")
        self.assertEqual(len(s), 2)
        s.remove(1)
        with self.assertRaises(KeyError) as cm:
            s.remove(1)
        self.assertEqual(cm.exception.args, (1,))
        s.discard("a")
        s.discard("a")
        self.assertEqual(s, set())
        with self.assertRaises(KeyError) as cm:
            s.pop()
        self.assertEqual(str(cm.exception), "'pop from an empty set'")
        s.update([1, 2], (3,))
        self.assertEqual(s, {1, 2, 3})
        x = s.pop()
        self.assertNotIn(x, s)
        s.clear()
        self.assertEqual(len(s), 0)

    def test_operators(self):
        a = {1, 2, 3}
        b = {3, 4}
        self.assertEqual(a | b, {1, 2, 3, 4})
        self.assertEqual(a & b, {3})
        self.assertEqual(a - b, {1, 2})
        self.assertEqual(a ^ b, {1, 2, 4})
        with self.assertRaises(TypeError):
            a | [1]
        c = set(a)
        c |= b
        self.assertEqual(c, {1, 2, 3, 4})
        c &= {1, 4, 5}
        self.assertEqual(c, {1, 4})
        c -= {1}
        self.assertEqual(c, {4})
        c ^= {4, 5}
        self.assertEqual(c, {5})
        self.assertEqual(frozenset(a) | b, frozenset({1, 2, 3, 4}))
        self.assertIsInstance(frozenset(a) | b, frozenset)
        self.assertIsInstance(a | frozenset(b), set)

    def test_methods(self):
        a = {1, 2, 3}
        self.assertEqual(a.union([4], (5,)), {1, 2, 3, 4, 5})
        self.assertEqual(a.intersection([2, 3, 9], {3}), {3})
        self.assertEqual(a.difference([1], [2]), {3})
        self.assertEqual(a.symmetric_difference([3, 4]), {1, 2, 4})
        self.assertTrue(a.issubset([1, 2, 3, 4]))
        self.assertTrue(a.issuperset([1]))
        self.assertTrue(a.isdisjoint([7, 8]))
        self.assertFalse(a.isdisjoint([3]))
        b = set(a)
        b.intersection_update([1, 2])
        self.assertEqual(b, {1, 2})
        b.difference_update([1])
        self.assertEqual(b, {2})
        b.symmetric_difference_update([2, 3])
        self.assertEqual(b, {3})
        c = a.copy()
        self.assertEqual(c, a)
        self.assertIsNot(c, a)

    def test_comparisons(self):
        self.assertTrue({1} < {1, 2})
        self.assertFalse({1, 2} < {1, 2})
        self.assertTrue({1, 2} <= {1, 2})
        self.assertTrue({1, 2} > {1})
        self.assertTrue({1} == frozenset({1}))
        self.assertFalse({1} == [1])
        self.assertTrue({1} != {2})

    def test_contains_set_key(self):
        s = {frozenset({1, 2})}
        self.assertIn({1, 2}, s)
        s.discard({1, 2})
        self.assertEqual(s, set())

    def test_hash(self):
        with self.assertRaises(TypeError):
            hash(set())
        self.assertEqual(hash(frozenset()), 133146708735736)
        self.assertEqual(hash(frozenset({1, 2})), hash(frozenset({2, 1})))
        self.assertEqual(hash(frozenset({1, 2, 3})), -272375401224217160)
        d = {frozenset({1}): "x"}
        self.assertEqual(d[frozenset([1])], "x")

    def test_iteration(self):
        s = set(range(100))
        self.assertEqual(sorted(s), list(range(100)))
        it = iter(s)
        self.assertEqual(it.__length_hint__(), 100)
        with self.assertRaises(RuntimeError) as cm:
            for x in s:
                s.add(x + 1000)
        self.assertEqual(str(cm.exception), "Set changed size during iteration")

    def test_many(self):
        s = set()
        for i in range(10000):
            s.add(i)
        for i in range(0, 10000, 2):
            s.remove(i)
        self.assertEqual(len(s), 5000)
        self.assertEqual(sum(s), sum(range(1, 10000, 2)))

    def test_add_equal_but_distinct_keys(self):
        # Equal strs and ints that are distinct objects, and an equal-hashed key of another
        # type whose __eq__ must run (the free-threaded build adds strs and ints without a
        # critical section while it runs one thread, and must hand such a comparison back).
        s = set()
        big = int("9" * 30)
        s.add(big)
        s.add(int("9" * 30))
        word = "".join(["br", "aid"])
        s.add(word)
        s.add("".join(["bra", "id"]))
        s.add(float(big))
        self.assertEqual(len(s), 3)
        calls = []

        class Five:
            def __hash__(self):
                return 5

            def __eq__(self, other):
                calls.append(other)
                return other == 5
        t = {Five()}
        t.add(5)
        self.assertEqual((len(t), calls), (1, [5]))
        t.add(5 + 2 ** 61 - 1)      # hash 5 as well; Five says unequal
        self.assertEqual(len(t), 2)
        u = set()
        u.add(1)
        u.add(True)
        u.add(1.0)
        self.assertEqual(len(u), 1)
        self.assertIs(next(iter(u)), 1)

    def test_mutating_eq(self):
        class Evil:
            def __init__(self, s):
                self.s = s

            def __hash__(self):
                return 1

            def __eq__(self, other):
                self.s.clear()
                return False
        s = set()
        s.add(Evil(s))
        s.add(Evil(s))
        self.assertLessEqual(len(s), 2)

    def test_class_getitem(self):
        self.assertIs(set[int].__origin__, set)
        self.assertIs(frozenset[int].__origin__, frozenset)


class IterationOrderTests(unittest.TestCase):
    """Iteration order follows from the table layout; these are CPython 3.13's orders."""

    def test_colliding_ints(self):
        items = (832821954, 258, 7, 21381076, 55)
        self.assertEqual(list(set(items)), [832821954, 258, 7, 21381076, 55])
        self.assertEqual(list(frozenset(items)), [832821954, 258, 7, 21381076, 55])
        # A display of constants updates an empty set from a frozenset constant.
        self.assertEqual(list({832821954, 258, 7, 21381076, 55}),
                         [832821954, 258, 21381076, 55, 7])
        s = set()
        s.update(frozenset(items))
        self.assertEqual(list(s), [832821954, 258, 21381076, 55, 7])

    def test_linear_probing_neighbours(self):
        self.assertEqual(list({1, 2, 3, 100, 33, 65}), [1, 2, 3, 100, 33, 65])
        s = set()
        for x in (8, 16, 24, 0, 40):
            s.add(x)
        self.assertEqual(list(s), [0, 8, 40, 16, 24])


if __name__ == "__main__":
    unittest.main()
