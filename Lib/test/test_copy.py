"""Tests of copy.copy, copy.deepcopy and copy.replace."""

import copy
import unittest
from collections import namedtuple


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self, a, b):
        self.a = a
        self.b = b


class CopyTests(unittest.TestCase):

    def test_shallow_builtins(self):
        lst = [1, [2, 3]]
        c = copy.copy(lst)
        self.assertEqual(c, lst)
        self.assertIsNot(c, lst)
        self.assertIs(c[1], lst[1])
        d = {'a': [1]}
        self.assertIs(copy.copy(d)['a'], d['a'])
        t = (1, 2)
        self.assertIs(copy.copy(t), t)
        self.assertIs(copy.copy('s'), 's')
        s = {1, 2}
        self.assertEqual(copy.copy(s), s)

    def test_deep_builtins(self):
        lst = [1, [2, [3]], {'k': [4]}]
        c = copy.deepcopy(lst)
        self.assertEqual(c, lst)
        self.assertIsNot(c[1], lst[1])
        self.assertIsNot(c[2]['k'], lst[2]['k'])
        t = (1, 2, 'x')
        self.assertIs(copy.deepcopy(t), t)
        t2 = ([1],)
        self.assertIsNot(copy.deepcopy(t2)[0], t2[0])

    def test_recursive_structures(self):
        lst = [1]
        lst.append(lst)
        c = copy.deepcopy(lst)
        self.assertIs(c[1], c)
        shared = [0]
        pair = [shared, shared]
        c = copy.deepcopy(pair)
        self.assertIs(c[0], c[1])

    def test_instances(self):
        p = Point(1, [2])
        s = copy.copy(p)
        self.assertEqual((s.x, s.y), (1, [2]))
        self.assertIs(s.y, p.y)
        d = copy.deepcopy(p)
        self.assertIsNot(d.y, p.y)
        self.assertEqual(d.y, [2])
        sl = copy.deepcopy(Slotted(1, [2]))
        self.assertEqual((sl.a, sl.b), (1, [2]))

    def test_copy_hooks(self):
        class C:
            def __init__(self):
                self.calls = []

            def __copy__(self):
                return 'shallow'

            def __deepcopy__(self, memo):
                return 'deep'
        self.assertEqual(copy.copy(C()), 'shallow')
        self.assertEqual(copy.deepcopy(C()), 'deep')

    def test_replace(self):
        P = namedtuple('P', 'x y')
        self.assertEqual(copy.replace(P(1, 2), y=5), P(1, 5))
        with self.assertRaises(TypeError):
            copy.replace(1, x=2)

    def test_functions_and_types_are_atomic(self):
        self.assertIs(copy.deepcopy(len), len)
        self.assertIs(copy.deepcopy(Point), Point)
        f = lambda: 1
        self.assertIs(copy.copy(f), f)


if __name__ == '__main__':
    unittest.main()
