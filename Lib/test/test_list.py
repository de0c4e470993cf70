"""Tests for the list type (Objects/listobject.c)."""
import sys
import unittest


class ListBasicTests(unittest.TestCase):

    def test_construction(self):
        self.assertEqual(list(), [])
        self.assertEqual(list((1, 2, 3)), [1, 2, 3])
        self.assertEqual(list("abc"), ["a", "b", "c"])
        self.assertEqual(list(range(5)), [0, 1, 2, 3, 4])
        self.assertEqual(list({1: 2}), [1])
        self.assertEqual(list(x * 2 for x in range(3)), [0, 2, 4])
        with self.assertRaises(TypeError) as cm:
            list(1, 2)
        self.assertEqual(str(cm.exception), "list expected at most 1 argument, got 2")
        with self.assertRaises(TypeError) as cm:
            list(a=1)
        self.assertEqual(str(cm.exception), "list() takes no keyword arguments")
        with self.assertRaises(TypeError):
            list(1)

    def test_init_clears(self):
        a = [1, 2, 3]
        a.__init__([4])
        self.assertEqual(a, [4])
        a.__init__()
        self.assertEqual(a, [])

    def test_repr(self):
        self.assertEqual(repr([]), "[]")
        self.assertEqual(repr([1, "a", None]), "[1, 'a', None]")
        a = [1]
        a.append(a)
        self.assertEqual(repr(a), "[1, [...]]")
        self.assertEqual(str([1.5]), "[1.5]")

    def test_len_and_bool(self):
        self.assertEqual(len([]), 0)
        self.assertEqual(len([1, 2]), 2)
        self.assertFalse([])
        self.assertTrue([0])

    def test_getitem(self):
        a = [10, 20, 30]
        self.assertEqual(a[0], 10)
        self.assertEqual(a[-1], 30)
        self.assertEqual(a[True], 20)
        with self.assertRaises(IndexError) as cm:
            a[3]
        self.assertEqual(str(cm.exception), "list index out of range")
        with self.assertRaises(IndexError):
            a[-4]
        with self.assertRaises(TypeError) as cm:
            a["x"]
        self.assertEqual(str(cm.exception),
                         "list indices must be integers or slices, not str")
        with self.assertRaises(IndexError):
            a[2 ** 100]

    def test_setitem_delitem(self):
        a = [1, 2, 3]
        a[0] = 5
        a[-1] = 7
        self.assertEqual(a, [5, 2, 7])
        with self.assertRaises(IndexError) as cm:
            a[3] = 0
        self.assertEqual(str(cm.exception), "list assignment index out of range")
        del a[1]
        self.assertEqual(a, [5, 7])
        del a[-1]
        self.assertEqual(a, [5])
        with self.assertRaises(IndexError):
            del a[5]

    def test_slicing(self):
        a = list(range(10))
        self.assertEqual(a[2:5], [2, 3, 4])
        self.assertEqual(a[:3], [0, 1, 2])
        self.assertEqual(a[7:], [7, 8, 9])
        self.assertEqual(a[::2], [0, 2, 4, 6, 8])
        self.assertEqual(a[::-1], list(reversed(range(10))))
        self.assertEqual(a[-3:-1], [7, 8])
        self.assertEqual(a[5:2], [])
        self.assertEqual(a[100:200], [])
        self.assertEqual(a[-100:2], [0, 1])
        self.assertEqual(a[8:2:-2], [8, 6, 4])
        self.assertIsNot(a[:], a)
        with self.assertRaises(ValueError) as cm:
            a[::0]
        self.assertEqual(str(cm.exception), "slice step cannot be zero")

    def test_slice_assignment(self):
        a = [1, 2, 3, 4, 5]
        a[1:3] = ["a", "b", "c"]
        self.assertEqual(a, [1, "a", "b", "c", 4, 5])
        a[1:4] = []
        self.assertEqual(a, [1, 4, 5])
        a[:0] = (7, 8)
        self.assertEqual(a, [7, 8, 1, 4, 5])
        a[len(a):] = "xy"
        self.assertEqual(a, [7, 8, 1, 4, 5, "x", "y"])
        a[:] = a
        self.assertEqual(a, [7, 8, 1, 4, 5, "x", "y"])
        a[2:4] = a
        self.assertEqual(len(a), 12)
        b = [0, 1, 2, 3, 4, 5]
        b[::2] = ["a", "b", "c"]
        self.assertEqual(b, ["a", 1, "b", 3, "c", 5])
        b[::-2] = [10, 30, 50]
        self.assertEqual(b, ["a", 50, "b", 30, "c", 10])
        with self.assertRaises(ValueError) as cm:
            b[::2] = [1]
        self.assertEqual(str(cm.exception),
                         "attempt to assign sequence of size 1 to extended slice of size 3")
        with self.assertRaises(TypeError) as cm:
            b[::2] = 1
        self.assertEqual(str(cm.exception), "must assign iterable to extended slice")
        with self.assertRaises(TypeError):
            b[0:1] = 1

    def test_slice_deletion(self):
        a = list(range(10))
        del a[2:5]
        self.assertEqual(a, [0, 1, 5, 6, 7, 8, 9])
        del a[::2]
        self.assertEqual(a, [1, 6, 8])
        b = list(range(10))
        del b[::-3]
        self.assertEqual(b, [1, 2, 4, 5, 7, 8])
        del b[:]
        self.assertEqual(b, [])
        c = list(range(5))
        del c[10:20]
        self.assertEqual(c, [0, 1, 2, 3, 4])

    def test_concat_repeat(self):
        self.assertEqual([1, 2] + [3], [1, 2, 3])
        with self.assertRaises(TypeError) as cm:
            [1] + (1,)
        self.assertEqual(str(cm.exception),
                         'can only concatenate list (not "tuple") to list')
        self.assertEqual([1, 2] * 3, [1, 2, 1, 2, 1, 2])
        self.assertEqual(2 * [0], [0, 0])
        self.assertEqual([1] * 0, [])
        self.assertEqual([1] * -5, [])
        with self.assertRaises(TypeError):
            [1] * "a"
        a = [1]
        b = a
        a += [2, 3]
        self.assertIs(a, b)
        self.assertEqual(a, [1, 2, 3])
        a += (4,)
        self.assertEqual(a, [1, 2, 3, 4])
        a *= 2
        self.assertIs(a, b)
        self.assertEqual(a, [1, 2, 3, 4, 1, 2, 3, 4])
        a *= 0
        self.assertEqual(a, [])

    def test_comparisons(self):
        self.assertTrue([1, 2] == [1, 2])
        self.assertTrue([1, 2] != [1, 3])
        self.assertTrue([1, 2] < [1, 3])
        self.assertTrue([1, 2] < [1, 2, 0])
        self.assertTrue([2] > [1, 5])
        self.assertTrue([1, 2] <= [1, 2])
        self.assertTrue([] < [0])
        self.assertFalse([1] == (1,))
        nan = float("nan")
        self.assertTrue([nan] == [nan])  # identity shortcut
        with self.assertRaises(TypeError):
            [1] < ["a"]

    def test_contains(self):
        a = [1, "x", None]
        self.assertIn("x", a)
        self.assertNotIn(2, a)
        self.assertIn(1.0, a)

    def test_unhashable(self):
        with self.assertRaises(TypeError):
            hash([])


class ListMethodTests(unittest.TestCase):

    def test_append_extend_insert(self):
        a = []
        a.append(1)
        a.extend([2, 3])
        a.extend(range(4, 6))
        a.extend(x for x in (6, 7))
        a.extend("8")
        self.assertEqual(a, [1, 2, 3, 4, 5, 6, 7, "8"])
        a.extend(a)
        self.assertEqual(len(a), 16)
        b = [1, 2]
        b.insert(0, 0)
        b.insert(100, 3)
        b.insert(-1, 2.5)
        b.insert(-100, -1)
        self.assertEqual(b, [-1, 0, 1, 2, 2.5, 3])
        with self.assertRaises(TypeError) as cm:
            b.insert()
        self.assertEqual(str(cm.exception), "insert expected 2 arguments, got 0")
        with self.assertRaises(TypeError):
            b.extend(1)

    def test_pop(self):
        a = [1, 2, 3, 4]
        self.assertEqual(a.pop(), 4)
        self.assertEqual(a.pop(0), 1)
        self.assertEqual(a.pop(-1), 3)
        self.assertEqual(a, [2])
        with self.assertRaises(IndexError) as cm:
            a.pop(5)
        self.assertEqual(str(cm.exception), "pop index out of range")
        a.pop()
        with self.assertRaises(IndexError) as cm:
            a.pop()
        self.assertEqual(str(cm.exception), "pop from empty list")
        with self.assertRaises(TypeError) as cm:
            [].pop(1, 2)
        self.assertEqual(str(cm.exception), "pop expected at most 1 argument, got 2")

    def test_remove(self):
        a = [1, 2, 3, 2]
        a.remove(2)
        self.assertEqual(a, [1, 3, 2])
        with self.assertRaises(ValueError) as cm:
            a.remove(5)
        self.assertEqual(str(cm.exception), "list.remove(x): x not in list")

    def test_index_count(self):
        a = [1, 2, 3, 2, 1]
        self.assertEqual(a.index(2), 1)
        self.assertEqual(a.index(2, 2), 3)
        self.assertEqual(a.index(1, -2), 4)
        self.assertEqual(a.index(3, 0, 3), 2)
        with self.assertRaises(ValueError) as cm:
            a.index(3, 0, 2)
        self.assertEqual(str(cm.exception), "3 is not in list")
        with self.assertRaises(ValueError):
            a.index(9)
        self.assertEqual(a.count(1), 2)
        self.assertEqual(a.count(7), 0)
        self.assertEqual(a.index(1, -100, 100), 0)
        with self.assertRaises(TypeError):
            a.index(1, "a")

    def test_reverse_copy_clear(self):
        a = [1, 2, 3]
        a.reverse()
        self.assertEqual(a, [3, 2, 1])
        b = a.copy()
        self.assertEqual(a, b)
        self.assertIsNot(a, b)
        a.clear()
        self.assertEqual(a, [])
        self.assertEqual(b, [3, 2, 1])

    def test_sort_basic(self):
        a = [3, 1, 2]
        self.assertIsNone(a.sort())
        self.assertEqual(a, [1, 2, 3])
        a.sort(reverse=True)
        self.assertEqual(a, [3, 2, 1])
        a = ["bb", "a", "ccc"]
        a.sort(key=len)
        self.assertEqual(a, ["a", "bb", "ccc"])
        with self.assertRaises(TypeError) as cm:
            a.sort(1)
        self.assertEqual(str(cm.exception), "sort() takes no positional arguments")
        with self.assertRaises(TypeError):
            [1, "a"].sort()

    def test_sort_modification(self):
        a = list(range(10))

        def key(x):
            a.append(x)
            return x
        with self.assertRaises(ValueError) as cm:
            a.sort(key=key)
        self.assertEqual(str(cm.exception), "list modified during sort")

    def test_iteration(self):
        a = [1, 2, 3]
        self.assertEqual([x for x in a], [1, 2, 3])
        it = iter(a)
        self.assertEqual(it.__length_hint__(), 3)
        next(it)
        self.assertEqual(it.__length_hint__(), 2)
        a.append(4)
        self.assertEqual(list(it), [2, 3, 4])
        self.assertEqual(list(reversed(a)), [4, 3, 2, 1])
        r = reversed(a)
        self.assertEqual(r.__length_hint__(), 4)
        self.assertEqual(type(iter([])).__name__, "list_iterator")
        self.assertEqual(type(reversed([])).__name__, "list_reverseiterator")

    def test_sizeof(self):
        self.assertIsInstance([].__sizeof__(), int)
        self.assertGreater([1, 2, 3].__sizeof__(), [].__sizeof__())

    def test_class_getitem(self):
        alias = list[int]
        self.assertIs(alias.__origin__, list)

    def test_subclass(self):
        class L(list):
            pass
        x = L([1, 2])
        x.append(3)
        self.assertEqual(x, [1, 2, 3])
        self.assertIsInstance(x + [4], list)
        self.assertEqual(type(x[:]), list)

    def test_big_list(self):
        a = []
        for i in range(10000):
            a.append(i)
        self.assertEqual(len(a), 10000)
        self.assertEqual(sum(a), 49995000)
        while a:
            a.pop()
        self.assertEqual(a, [])


if __name__ == "__main__":
    unittest.main()
