"""Tests of reprlib (Repr size limits, indent, recursive_repr); expectations are CPython 3.13's."""

import array
import collections
import reprlib
import unittest
from reprlib import Repr, recursive_repr


class ReprLimitsTests(unittest.TestCase):

    def test_defaults(self):
        r = Repr()
        self.assertEqual((r.maxlevel, r.maxtuple, r.maxlist, r.maxarray, r.maxdict, r.maxset,
                          r.maxfrozenset, r.maxdeque, r.maxstring, r.maxlong, r.maxother),
                         (6, 6, 6, 5, 4, 6, 6, 6, 30, 40, 30))
        self.assertEqual(r.fillvalue, '...')
        self.assertIsNone(r.indent)

    def test_keyword_arguments(self):
        r = Repr(maxlist=2, maxstring=10, fillvalue='+')
        self.assertEqual(r.maxlist, 2)
        self.assertEqual(r.repr(list(range(5))), '[0, 1, +]')
        with self.assertRaises(TypeError):
            Repr(6)

    def test_small_values_unchanged(self):
        for value in [0, -5, 1.5, None, True, 'abc', b'xy', (), (1,), [], {}, set(),
                      frozenset(), [1, [2]], {'a': 1}, (1, 2, 3)]:
            with self.subTest(value=value):
                self.assertEqual(reprlib.repr(value), repr(value))

    def test_tuple_and_list(self):
        self.assertEqual(reprlib.repr(tuple(range(6))), '(0, 1, 2, 3, 4, 5)')
        self.assertEqual(reprlib.repr(tuple(range(7))), '(0, 1, 2, 3, 4, 5, ...)')
        self.assertEqual(reprlib.repr(list(range(7))), '[0, 1, 2, 3, 4, 5, ...]')
        r = Repr(maxtuple=1, maxlist=0)
        self.assertEqual(r.repr((9,)), '(9,)')
        self.assertEqual(r.repr((9, 8)), '(9, ...)')
        self.assertEqual(r.repr([1]), '[...]')
        self.assertEqual(r.repr([]), '[]')

    def test_sets(self):
        self.assertEqual(reprlib.repr(set(range(10))), '{0, 1, 2, 3, 4, 5, ...}')
        self.assertEqual(reprlib.repr({3, 1, 2}), '{1, 2, 3}')
        self.assertEqual(reprlib.repr(frozenset(range(8))),
                         'frozenset({0, 1, 2, 3, 4, 5, ...})')
        self.assertEqual(reprlib.repr(frozenset({2, 1})), 'frozenset({1, 2})')
        self.assertEqual(reprlib.repr(set()), 'set()')
        self.assertEqual(reprlib.repr(frozenset()), 'frozenset()')
        # unorderable members keep iteration order rather than failing
        self.assertEqual(len(reprlib.repr({1, 'a'})), len("{1, 'a'}"))

    def test_dict(self):
        d = {'c': 3, 'a': 1, 'b': 2}
        self.assertEqual(reprlib.repr(d), "{'a': 1, 'b': 2, 'c': 3}")
        big = {i: i * i for i in range(10)}
        self.assertEqual(reprlib.repr(big), '{0: 0, 1: 1, 2: 4, 3: 9, ...}')
        self.assertEqual(Repr(maxdict=1).repr({'x': [1, 2]}), "{'x': [1, 2]}")
        self.assertEqual(Repr(maxdict=0).repr({'x': 1}), '{...}')

    def test_deque_and_array(self):
        self.assertEqual(reprlib.repr(collections.deque(range(3))), 'deque([0, 1, 2])')
        self.assertEqual(reprlib.repr(collections.deque(range(9))),
                         'deque([0, 1, 2, 3, 4, 5, ...])')
        self.assertEqual(reprlib.repr(array.array('i')), "array('i')")
        self.assertEqual(reprlib.repr(array.array('i', range(3))), "array('i', [0, 1, 2])")
        self.assertEqual(reprlib.repr(array.array('b', range(9))),
                         "array('b', [0, 1, 2, 3, 4, ...])")

    def test_strings(self):
        self.assertEqual(reprlib.repr('a' * 28), repr('a' * 28))
        # the quotes count: 30 characters become 32 > maxstring
        self.assertEqual(reprlib.repr('a' * 30), "'aaaaaaaaaaaa...aaaaaaaaaaaaa'")
        s = reprlib.repr('a' * 40)
        self.assertEqual(s, "'aaaaaaaaaaaa...aaaaaaaaaaaaa'")
        self.assertLessEqual(len(s), 30)
        s = reprlib.repr('abc' * 20 + 'XYZ')
        self.assertTrue(s.startswith("'abcabc"))
        self.assertTrue(s.endswith("XYZ'"))
        self.assertIn('...', s)
        r = Repr(maxstring=8)
        self.assertEqual(r.repr('0123456789'), "'0...89'")
        self.assertEqual(r.repr("it's a long one"), "'i...ne'")

    def test_large_ints(self):
        n = 10 ** 50
        self.assertEqual(reprlib.repr(n), '100000000000000000...0000000000000000000')
        self.assertEqual(len(reprlib.repr(n)), 40)
        self.assertEqual(reprlib.repr(-(10 ** 45) - 7),
                         '-10000000000000000...0000000000000000007')
        self.assertEqual(reprlib.repr(12345), '12345')
        self.assertEqual(Repr(maxlong=7).repr(123456789), '12...89')

    def test_maxother(self):
        class Long:
            def __repr__(self):
                return 'L' * 10 + 'M' * 20 + 'R' * 10
        self.assertEqual(reprlib.repr(Long()), 'LLLLLLLLLLMMM...MMMMRRRRRRRRRR')
        self.assertEqual(Repr(maxother=5).repr(Long()), 'L...R')
        self.assertEqual(reprlib.repr(1.5), '1.5')

    def test_broken_repr(self):
        class Broken:
            def __repr__(self):
                raise RuntimeError('no')
        b = Broken()
        s = reprlib.repr(b)
        self.assertTrue(s.startswith('<Broken instance at 0x'))
        self.assertEqual(s, '<Broken instance at %#x>' % id(b))

    def test_fillvalue(self):
        r = Repr(fillvalue='~', maxlist=2, maxstring=9, maxlevel=1)
        self.assertEqual(r.repr([1, 2, 3]), '[1, 2, ~]')
        self.assertEqual(r.repr([[1]]), '[[~]]')
        self.assertEqual(r.repr('abcdefghijklmnop'), "'ab~op'")

    def test_maxlevel(self):
        nested = [1, [2, [3, [4, [5, [6, [7]]]]]]]
        self.assertEqual(reprlib.repr(nested), '[1, [2, [3, [4, [5, [6, [...]]]]]]]')
        r = Repr(maxlevel=2)
        self.assertEqual(r.repr([[[1]]]), '[[[...]]]')
        self.assertEqual(r.repr([[[]]]), '[[[]]]')
        self.assertEqual(r.repr({'a': {'b': {'c': 1}}}), "{'a': {'b': {...}}}")
        self.assertEqual(r.repr(((('x',),),)), '(((...),),)')
        self.assertEqual(Repr(maxlevel=0).repr([1]), '[...]')
        self.assertEqual(Repr(maxlevel=0).repr({1}), '{...}')

    def test_subclasses_use_plain_repr(self):
        class MyList(list):
            pass
        class MyStr(str):
            def __repr__(self):
                return 'MyStr!'
        # a subclass is not a list to Repr: it is cut like any other object (maxother)
        self.assertEqual(reprlib.repr(MyList(range(20))), '[0, 1, 2, 3, ...6, 17, 18, 19]')
        self.assertEqual(reprlib.repr(MyStr('x')), 'MyStr!')

    def test_custom_repr_method(self):
        class Point:
            pass
        class MyRepr(Repr):
            def repr_Point(self, obj, level):
                return 'P'
        self.assertEqual(MyRepr().repr([Point(), Point()]), '[P, P]')

    def test_repr_module_function(self):
        self.assertIs(reprlib.repr.__self__, reprlib.aRepr)
        self.assertEqual(reprlib.__all__, ['Repr', 'repr', 'recursive_repr'])


class IndentTests(unittest.TestCase):

    def test_indent_int(self):
        r = Repr(indent=2)
        self.assertEqual(r.repr([1, 2]), '[\n  1,\n  2,\n]')
        self.assertEqual(r.repr([]), '[]')
        self.assertEqual(r.repr((1,)), '(\n  1,\n)')

    def test_indent_str(self):
        r = Repr(indent='-->')
        self.assertEqual(r.repr({'a': [1]}), "{\n-->'a': [\n-->-->1,\n-->],\n}")

    def test_indent_nested_and_limits(self):
        r = Repr(indent=4, maxlist=2)
        self.assertEqual(r.repr([1, [2, 3, 4]]),
                         '[\n    1,\n    [\n        2,\n        3,\n        ...,\n    ],\n]')

    def test_indent_zero(self):
        self.assertEqual(Repr(indent=0).repr([1, 2]), '[\n1,\n2,\n]')
        self.assertEqual(Repr(indent='').repr([1]), '[\n1,\n]')

    def test_indent_errors(self):
        with self.assertRaises(ValueError) as cm:
            Repr(indent=-1).repr([1])
        self.assertEqual(str(cm.exception), 'Repr.indent cannot be negative int (was -1)')
        with self.assertRaises(TypeError) as cm:
            Repr(indent=1.5).repr([1])
        self.assertEqual(str(cm.exception),
                         "Repr.indent must be a str, int or None, not <class 'float'>")
        # the check only happens when something is joined
        self.assertEqual(Repr(indent=-1).repr([]), '[]')


class RecursiveReprTests(unittest.TestCase):

    def test_recursion(self):
        class Node(list):
            @recursive_repr()
            def __repr__(self):
                return '<' + ', '.join(map(repr, self)) + '>'
        n = Node([1])
        n.append(n)
        self.assertEqual(repr(n), '<1, ...>')
        m = Node([n, 2])
        self.assertEqual(repr(m), '<<1, ...>, 2>')

    def test_fillvalue(self):
        class Box:
            def __init__(self):
                self.inner = self
            @recursive_repr('<loop>')
            def __repr__(self):
                return 'Box(%r)' % (self.inner,)
        self.assertEqual(repr(Box()), 'Box(<loop>)')

    def test_wrapper_metadata(self):
        class C:
            @recursive_repr()
            def __repr__(self) -> str:
                "the doc"
                return 'C'
        f = C.__dict__['__repr__']
        self.assertEqual(f.__name__, '__repr__')
        self.assertEqual(f.__doc__, 'the doc')
        self.assertTrue(f.__qualname__.endswith('C.__repr__'))
        self.assertEqual(f.__annotations__, {'return': str})
        self.assertEqual(f.__module__, __name__)
        self.assertTrue(callable(f.__wrapped__))
        self.assertEqual(repr(C()), 'C')

    def test_exception_does_not_leave_state(self):
        class Flaky:
            fail = True
            @recursive_repr()
            def __repr__(self):
                if Flaky.fail:
                    raise ValueError('x')
                return 'ok'
        f = Flaky()
        with self.assertRaises(ValueError):
            repr(f)
        Flaky.fail = False
        self.assertEqual(repr(f), 'ok')


if __name__ == '__main__':
    unittest.main()
