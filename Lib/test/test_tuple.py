"""Tests for the tuple type (Objects/tupleobject.c)."""
import unittest


class TupleTests(unittest.TestCase):

    def test_construction(self):
        self.assertEqual(tuple(), ())
        self.assertIs(tuple(), ())
        self.assertEqual(tuple([1, 2]), (1, 2))
        self.assertEqual(tuple("ab"), ("a", "b"))
        t = (1, 2)
        self.assertIs(tuple(t), t)
        self.assertEqual(tuple(x for x in range(3)), (0, 1, 2))
        with self.assertRaises(TypeError):
            tuple(1)
        with self.assertRaises(TypeError) as cm:
            tuple(1, 2)
        self.assertEqual(str(cm.exception), "tuple expected at most 1 argument, got 2")

    def test_repr(self):
        self.assertEqual(repr(()), "()")
        self.assertEqual(repr((1,)), "(1,)")
        self.assertEqual(repr((1, "a")), "(1, 'a')")
        a = [1]
        t = (a,)
        a.append(t)
        self.assertEqual(repr(t), "([1, (...)],)")

    def test_indexing_slicing(self):
        t = (0, 1, 2, 3, 4)
        self.assertEqual(t[0], 0)
        self.assertEqual(t[-1], 4)
        with self.assertRaises(IndexError) as cm:
            t[5]
        self.assertEqual(str(cm.exception), "tuple index out of range")
        with self.assertRaises(TypeError) as cm:
            t["a"]
        self.assertEqual(str(cm.exception),
                         "tuple indices must be integers or slices, not str")
        self.assertEqual(t[1:3], (1, 2))
        self.assertEqual(t[::2], (0, 2, 4))
        self.assertEqual(t[::-1], (4, 3, 2, 1, 0))
        self.assertIs(t[:], t)
        self.assertEqual(t[3:1], ())

    def test_concat_repeat(self):
        self.assertEqual((1,) + (2, 3), (1, 2, 3))
        with self.assertRaises(TypeError) as cm:
            (1,) + [1]
        self.assertEqual(str(cm.exception),
                         'can only concatenate tuple (not "list") to tuple')
        self.assertEqual((1, 2) * 2, (1, 2, 1, 2))
        self.assertEqual((1,) * 0, ())
        t = (1, 2)
        self.assertIs(t * 1, t)

    def test_comparisons(self):
        self.assertTrue((1, 2) < (1, 3))
        self.assertTrue((1, 2) < (1, 2, 3))
        self.assertTrue((2,) > (1, 9))
        self.assertEqual((1, 2), (1, 2))
        self.assertNotEqual((1, 2), (2, 1))
        self.assertFalse((1,) == [1])

    def test_hash(self):
        self.assertEqual(hash((1, 2)), hash((1, 2)))
        self.assertEqual(hash(()), 5740354900026072187)
        self.assertEqual(hash((1, 2, 3)), 529344067295497451)
        with self.assertRaises(TypeError):
            hash(([],))
        d = {(1, 2): "x"}
        self.assertEqual(d[(1, 2)], "x")

    def test_methods(self):
        t = (1, 2, 1, 3)
        self.assertEqual(t.count(1), 2)
        self.assertEqual(t.index(1), 0)
        self.assertEqual(t.index(1, 1), 2)
        with self.assertRaises(ValueError) as cm:
            t.index(5)
        self.assertEqual(str(cm.exception), "tuple.index(x): x not in tuple")
        self.assertEqual(t.__getnewargs__(), ((1, 2, 1, 3),))

    def test_contains_len_iter(self):
        t = (1, "a")
        self.assertIn("a", t)
        self.assertNotIn(2, t)
        self.assertEqual(len(t), 2)
        it = iter(t)
        self.assertEqual(it.__length_hint__(), 2)
        self.assertEqual(list(it), [1, "a"])
        self.assertEqual(type(iter(())).__name__, "tuple_iterator")

    def test_subclass(self):
        class T(tuple):
            pass
        t = T([1, 2])
        self.assertEqual(t, (1, 2))
        self.assertIsInstance(t, T)
        self.assertEqual(type(t[:]), tuple)
        self.assertEqual(type(t + ()), tuple)

    def test_unpacking(self):
        a, b, *c = (1, 2, 3, 4)
        self.assertEqual((a, b, c), (1, 2, [3, 4]))


if __name__ == "__main__":
    unittest.main()
