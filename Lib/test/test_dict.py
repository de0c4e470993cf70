"""Tests for the dict type and its views (Objects/dictobject.c)."""
import unittest

try:
    import threading
except ImportError:
    threading = None


class DictTests(unittest.TestCase):

    def test_construction(self):
        self.assertEqual(dict(), {})
        self.assertEqual(dict(a=1, b=2), {"a": 1, "b": 2})
        self.assertEqual(dict([(1, 2), (3, 4)]), {1: 2, 3: 4})
        self.assertEqual(dict({1: 2}, x=3), {1: 2, "x": 3})
        self.assertEqual(dict.fromkeys("ab"), {"a": None, "b": None})
        self.assertEqual(dict.fromkeys([1, 2], 0), {1: 0, 2: 0})
        with self.assertRaises(TypeError) as cm:
            dict([1])
        self.assertEqual(str(cm.exception),
                         "cannot convert dictionary update sequence element #0 to a sequence")
        with self.assertRaises(ValueError) as cm:
            dict([(1, 2, 3)])
        self.assertEqual(str(cm.exception),
                         "dictionary update sequence element #0 has length 3; 2 is required")
        with self.assertRaises(TypeError) as cm:
            dict(1, 2)
        self.assertEqual(str(cm.exception), "dict expected at most 1 argument, got 2")

    def test_getset(self):
        d = {}
        d["a"] = 1
        d[2] = "b"
        d[(1, 2)] = None
        self.assertEqual(d["a"], 1)
        self.assertEqual(d[2], "b")
        self.assertIsNone(d[(1, 2)])
        self.assertEqual(d[2.0], "b")
        with self.assertRaises(KeyError) as cm:
            d["missing"]
        self.assertEqual(cm.exception.args, ("missing",))
        with self.assertRaises(TypeError):
            d[[]] = 1
        del d["a"]
        self.assertNotIn("a", d)
        with self.assertRaises(KeyError):
            del d["a"]

    def test_order_preserved(self):
        d = {}
        keys = ["k%d" % i for i in range(100)]
        for k in keys:
            d[k] = k
        self.assertEqual(list(d), keys)
        for k in keys[::2]:
            del d[k]
        self.assertEqual(list(d), keys[1::2])
        d["k0"] = 0
        self.assertEqual(list(d)[-1], "k0")
        d["k1"] = "new"
        self.assertEqual(list(d)[0], "k1")

    def test_many_keys(self):
        d = {}
        for i in range(20000):
            d[i] = i * 2
        self.assertEqual(len(d), 20000)
        for i in range(0, 20000, 3):
            del d[i]
        for i in range(20000):
            if i % 3:
                self.assertEqual(d[i], i * 2)
            else:
                self.assertNotIn(i, d)
        self.assertEqual(len(d), 20000 - 6667)

    def test_methods(self):
        d = {"a": 1, "b": 2}
        self.assertEqual(d.get("a"), 1)
        self.assertIsNone(d.get("z"))
        self.assertEqual(d.get("z", 5), 5)
        self.assertEqual(d.setdefault("a", 9), 1)
        self.assertEqual(d.setdefault("c", 3), 3)
        self.assertEqual(d.pop("c"), 3)
        self.assertEqual(d.pop("c", "dflt"), "dflt")
        with self.assertRaises(KeyError):
            d.pop("c")
        d.update({"x": 1}, y=2)
        d.update([("z", 3)])
        self.assertEqual(list(d), ["a", "b", "x", "y", "z"])
        self.assertEqual(d.popitem(), ("z", 3))
        self.assertEqual(d.popitem(), ("y", 2))
        c = d.copy()
        self.assertEqual(c, d)
        self.assertIsNot(c, d)
        d.clear()
        self.assertEqual(d, {})
        with self.assertRaises(KeyError) as cm:
            d.popitem()
        self.assertEqual(cm.exception.args, ("popitem(): dictionary is empty",))

    def test_repr(self):
        self.assertEqual(repr({}), "{}")
        self.assertEqual(repr({1: "a", "b": [2]}), "{1: 'a', 'b': [2]}")
        d = {}
        d[1] = d
        self.assertEqual(repr(d), "{1: {...}}")

    def test_equality(self):
        self.assertEqual({1: 2, 3: 4}, {3: 4, 1: 2})
        self.assertNotEqual({1: 2}, {1: 3})
        self.assertNotEqual({1: 2}, {2: 2})
        with self.assertRaises(TypeError):
            {} < {}

    def test_or(self):
        a = {1: 1, 2: 2}
        b = {2: 20, 3: 30}
        self.assertEqual(a | b, {1: 1, 2: 20, 3: 30})
        a |= b
        self.assertEqual(a, {1: 1, 2: 20, 3: 30})
        a |= [(4, 40)]
        self.assertEqual(a[4], 40)
        with self.assertRaises(TypeError):
            a | [(5, 5)]

    def test_views(self):
        d = {1: "a", 2: "b", 3: "c"}
        k, v, i = d.keys(), d.values(), d.items()
        self.assertEqual(list(k), [1, 2, 3])
        self.assertEqual(list(v), ["a", "b", "c"])
        self.assertEqual(list(i), [(1, "a"), (2, "b"), (3, "c")])
        d[4] = "d"
        self.assertEqual(len(k), 4)
        self.assertIn(4, k)
        self.assertIn((4, "d"), i)
        self.assertNotIn((4, "x"), i)
        self.assertEqual(repr({1: 2}.keys()), "dict_keys([1])")
        self.assertEqual(repr({1: 2}.values()), "dict_values([2])")
        self.assertEqual(repr({1: 2}.items()), "dict_items([(1, 2)])")
        self.assertEqual(list(reversed(d)), [4, 3, 2, 1])
        self.assertEqual(list(reversed(d.values())), ["d", "c", "b", "a"])
        self.assertEqual(list(reversed(d.items()))[0], (4, "d"))

    def test_view_set_operations(self):
        a = {1: 0, 2: 0, 3: 0}.keys()
        self.assertEqual(a & {2, 3, 4}, {2, 3})
        self.assertEqual(a | {4}, {1, 2, 3, 4})
        self.assertEqual(a - {1}, {2, 3})
        self.assertEqual(a ^ {3, 4}, {1, 2, 4})
        self.assertEqual({2, 3, 4} & a, {2, 3})
        self.assertTrue(a == {1, 2, 3})
        self.assertTrue(a < {1, 2, 3, 4})
        self.assertTrue(a.isdisjoint({5}))
        self.assertFalse(a.isdisjoint([1]))
        items = {1: 2}.items()
        self.assertEqual(items | {(3, 4)}, {(1, 2), (3, 4)})

    def test_changed_during_iteration(self):
        d = {1: 1, 2: 2}
        with self.assertRaises(RuntimeError) as cm:
            for k in d:
                d[k + 10] = 0
        self.assertEqual(str(cm.exception), "dictionary changed size during iteration")

    def test_missing(self):
        class D(dict):
            def __missing__(self, key):
                return key * 2
        d = D(a=1)
        self.assertEqual(d["a"], 1)
        self.assertEqual(d["xy"], "xyxy")
        self.assertNotIn("xy", d)
        self.assertEqual(d.get("q"), None)

    def test_mutating_eq(self):
        class Evil:
            def __init__(self, d):
                self.d = d

            def __hash__(self):
                return 1

            def __eq__(self, other):
                self.d.clear()
                return False
        d = {}
        d[Evil(d)] = 1
        d[Evil(d)] = 2
        self.assertLessEqual(len(d), 2)

    def test_hash_collisions(self):
        class K:
            def __init__(self, v):
                self.v = v

            def __hash__(self):
                return 42

            def __eq__(self, other):
                return isinstance(other, K) and self.v == other.v
        d = {K(i): i for i in range(50)}
        for i in range(50):
            self.assertEqual(d[K(i)], i)
        del d[K(10)]
        self.assertNotIn(K(10), d)
        self.assertEqual(len(d), 49)

    def test_unhashable(self):
        with self.assertRaises(TypeError):
            hash({})

    def test_kwargs_merge(self):
        def f(**kw):
            return kw
        self.assertEqual(f(**{"a": 1}, b=2), {"a": 1, "b": 2})

    def test_class_getitem(self):
        self.assertIs(dict[str, int].__origin__, dict)


@unittest.skipIf(threading is None, "needs threading")
class ConcurrentMutationTests(unittest.TestCase):
    """Single container operations are atomic (both builds): no update is lost."""

    def test_many_threads(self):
        nthreads, count = 4, 3000
        shared_list, shared_dict, shared_set = [], {}, set()

        def work(t):
            for i in range(count):
                shared_list.append(i)
                shared_dict[(t, i)] = i
                shared_set.add((t, i))
                if i % 3 == 0:
                    shared_list.pop()
                    del shared_dict[(t, i)]
                    shared_set.discard((t, i))
                if i % 500 == 0:
                    list(shared_dict.items())
                    len(shared_set)
        threads = [threading.Thread(target=work, args=(t,)) for t in range(nthreads)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        expected = nthreads * (count - len(range(0, count, 3)))
        self.assertEqual(len(shared_list), expected)
        self.assertEqual(len(shared_dict), expected)
        self.assertEqual(len(shared_set), expected)


if __name__ == "__main__":
    unittest.main()
