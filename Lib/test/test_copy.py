"""Tests of copy.copy, copy.deepcopy and copy.replace (CPython 3.13 behaviour): built-in
types, atomic objects, the __copy__/__deepcopy__ hooks, the reduce protocol
(__reduce_ex__, __reduce__, __getstate__/__setstate__, __getnewargs(_ex)__, slots),
copyreg's dispatch table, recursive and shared structures, the memo, and __replace__."""

import copy
import copyreg
import types
import unittest
import weakref
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


class SlotsAndDict:
    __slots__ = ('s', '__dict__')


class NeedsArgs:
    init_calls = 0

    def __init__(self, required):
        type(self).init_calls += 1
        self.value = required


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyInt(int):
    pass


def global_function():
    return 1


class BuiltinCopyTests(unittest.TestCase):

    def test_shallow_list(self):
        lst = [1, [2, 3]]
        c = copy.copy(lst)
        self.assertEqual(c, lst)
        self.assertIsNot(c, lst)
        self.assertIs(c[1], lst[1])

    def test_shallow_dict_set_bytearray(self):
        d = {'a': [1]}
        c = copy.copy(d)
        self.assertIsNot(c, d)
        self.assertIs(c['a'], d['a'])
        s = {1, 2}
        self.assertEqual(copy.copy(s), s)
        self.assertIsNot(copy.copy(s), s)
        b = bytearray(b'xy')
        self.assertEqual(copy.copy(b), b)
        self.assertIsNot(copy.copy(b), b)

    def test_shallow_immutables_identical(self):
        for obj in [None, 1, 2 ** 100, 1.5, 1j, True, 'str', b'bytes', (1, [2]),
                    frozenset({1}), range(3), slice(1, 2), Ellipsis, NotImplemented, len,
                    global_function, Point, int, global_function.__code__,
                    property(lambda self: 1)]:
            with self.subTest(obj=obj):
                self.assertIs(copy.copy(obj), obj)

    def test_deep_atomics_identical(self):
        for obj in [None, 1, 1.5, 1j, False, 'str', b'bytes', range(3), Ellipsis,
                    NotImplemented, len, global_function, Point, type,
                    global_function.__code__]:
            with self.subTest(obj=obj):
                self.assertIs(copy.deepcopy(obj), obj)

    def test_weakref_not_copied(self):
        p = Point(1, 2)
        r = weakref.ref(p)
        self.assertIs(copy.copy(r), r)
        self.assertIs(copy.deepcopy(r), r)

    def test_deep_builtins(self):
        lst = [1, [2, [3]], {'k': [4]}]
        c = copy.deepcopy(lst)
        self.assertEqual(c, lst)
        self.assertIsNot(c[1], lst[1])
        self.assertIsNot(c[1][1], lst[1][1])
        self.assertIsNot(c[2]['k'], lst[2]['k'])

    def test_deep_tuple(self):
        t = (1, 2, 'x')
        self.assertIs(copy.deepcopy(t), t)
        t2 = ([1],)
        c = copy.deepcopy(t2)
        self.assertIsNot(c, t2)
        self.assertIsNot(c[0], t2[0])
        self.assertEqual(c, t2)
        nested = ((1, 2), ('a',))
        self.assertIs(copy.deepcopy(nested), nested)

    def test_deep_dict_keys_copied(self):
        key = (1, Point(0, 0))
        d = {key: 'v'}
        c = copy.deepcopy(d)
        (ckey,) = c
        self.assertIsNot(ckey[1], key[1])
        self.assertEqual(c[ckey], 'v')

    def test_deep_set_and_frozenset(self):
        s = {(1, 2), 3}
        self.assertEqual(copy.deepcopy(s), s)
        self.assertIsNot(copy.deepcopy(s), s)
        fs = frozenset({1, 2})
        self.assertEqual(copy.deepcopy(fs), fs)

    def test_deep_bytearray(self):
        b = bytearray(b'abc')
        c = copy.deepcopy(b)
        self.assertEqual(c, b)
        self.assertIsNot(c, b)

    def test_subclasses(self):
        lst = MyList([1, [2]])
        lst.attr = 'a'
        c = copy.copy(lst)
        self.assertIs(type(c), MyList)
        self.assertEqual(c, [1, [2]])
        self.assertIs(c[1], lst[1])
        self.assertEqual(c.attr, 'a')
        d = copy.deepcopy(lst)
        self.assertIs(type(d), MyList)
        self.assertIsNot(d[1], lst[1])
        md = MyDict(k=[1])
        md.extra = 5
        c = copy.deepcopy(md)
        self.assertIs(type(c), MyDict)
        self.assertEqual(c, {'k': [1]})
        self.assertIsNot(c['k'], md['k'])
        self.assertEqual(c.extra, 5)
        i = MyInt(7)
        self.assertEqual(copy.copy(i), 7)
        self.assertIs(type(copy.copy(i)), MyInt)

    def test_bound_method(self):
        p = Point([1], 2)
        m = p.__init__
        self.assertIs(copy.copy(m).__self__, p)
        d = copy.deepcopy(m)
        self.assertIsNot(d.__self__, p)
        self.assertEqual(d.__self__.x, [1])
        self.assertIs(d.__func__, m.__func__)

    def test_module_uncopyable(self):
        with self.assertRaises(TypeError):
            copy.copy(unittest)
        with self.assertRaises(TypeError):
            copy.deepcopy(unittest)

    def test_objects_with_c_state_uncopyable(self):
        # The default reduce cannot rebuild these from a __dict__ and slots alone.
        import types
        for obj in (classmethod(len), staticmethod(len), types.MappingProxyType({})):
            with self.subTest(type=type(obj).__name__):
                with self.assertRaises(TypeError) as cm:
                    copy.copy(obj)
                self.assertEqual(str(cm.exception),
                                 "cannot pickle '%s' object" % type(obj).__name__)

    def test_python_classes_with_slots_still_copy(self):
        class Slotted:
            __slots__ = ("a", "__weakref__")
        class Sub(Slotted):
            __slots__ = ("b",)
        obj = Sub()
        obj.a, obj.b = 1, [2]
        dup = copy.deepcopy(obj)
        self.assertEqual((dup.a, dup.b), (1, [2]))
        self.assertIsNot(dup.b, obj.b)


class InstanceCopyTests(unittest.TestCase):

    def test_instances(self):
        p = Point(1, [2])
        s = copy.copy(p)
        self.assertIs(type(s), Point)
        self.assertEqual((s.x, s.y), (1, [2]))
        self.assertIs(s.y, p.y)
        d = copy.deepcopy(p)
        self.assertIsNot(d.y, p.y)
        self.assertEqual(d.y, [2])

    def test_init_not_called(self):
        NeedsArgs.init_calls = 0
        obj = NeedsArgs([5])
        c = copy.copy(obj)
        d = copy.deepcopy(obj)
        self.assertEqual(NeedsArgs.init_calls, 1)
        self.assertEqual(c.value, [5])
        self.assertEqual(d.value, [5])
        self.assertIsNot(d.value, obj.value)

    def test_slots(self):
        sl = copy.copy(Slotted(1, [2]))
        self.assertEqual((sl.a, sl.b), (1, [2]))
        orig = Slotted(1, [2])
        sl = copy.deepcopy(orig)
        self.assertEqual((sl.a, sl.b), (1, [2]))
        self.assertIsNot(sl.b, orig.b)

    def test_partially_set_slots(self):
        orig = Slotted.__new__(Slotted)
        orig.a = 1
        c = copy.copy(orig)
        self.assertEqual(c.a, 1)
        self.assertFalse(hasattr(c, 'b'))

    def test_slots_and_dict(self):
        obj = SlotsAndDict()
        obj.s = [1]
        obj.d = [2]
        c = copy.deepcopy(obj)
        self.assertEqual((c.s, c.d), ([1], [2]))
        self.assertIsNot(c.s, obj.s)
        self.assertIsNot(c.d, obj.d)

    def test_copy_hooks(self):
        class C:
            def __copy__(self):
                return 'shallow'

            def __deepcopy__(self, memo):
                return 'deep'
        self.assertEqual(copy.copy(C()), 'shallow')
        self.assertEqual(copy.deepcopy(C()), 'deep')

    def test_deepcopy_hook_receives_memo(self):
        seen = []

        class C:
            def __deepcopy__(self, memo):
                seen.append(memo)
                return C()
        memo = {}
        copy.deepcopy(C(), memo)
        self.assertIs(seen[0], memo)
        copy.deepcopy([C()])
        self.assertIsInstance(seen[1], dict)

    def test_copy_hook_looked_up_on_class(self):
        class C:
            pass
        obj = C()
        obj.__copy__ = lambda: 'instance attribute'
        self.assertIsNot(copy.copy(obj), 'instance attribute')
        self.assertIs(type(copy.copy(obj)), C)

    def test_hook_errors_propagate(self):
        class C:
            def __copy__(self):
                raise KeyError('copy')

            def __deepcopy__(self, memo):
                raise KeyError('deepcopy')
        with self.assertRaises(KeyError):
            copy.copy(C())
        with self.assertRaises(KeyError):
            copy.deepcopy(C())

    def test_getstate_setstate(self):
        class C:
            def __init__(self, v):
                self.v = v

            def __getstate__(self):
                return {'state': self.v}

            def __setstate__(self, state):
                self.restored = state
        obj = C([1])
        c = copy.copy(obj)
        self.assertEqual(c.restored, {'state': [1]})
        self.assertIs(c.restored['state'], obj.v)
        self.assertFalse(hasattr(c, 'v'))
        d = copy.deepcopy(obj)
        self.assertEqual(d.restored, {'state': [1]})
        self.assertIsNot(d.restored['state'], obj.v)

    def test_getstate_non_dict(self):
        class C:
            def __getstate__(self):
                return ('tuple', 'state', 1)

            def __setstate__(self, state):
                self.restored = state
        self.assertEqual(copy.copy(C()).restored, ('tuple', 'state', 1))

    def test_setstate_called_with_empty_state(self):
        class C:
            def __getstate__(self):
                return {}

            def __setstate__(self, state):
                self.called = True
        self.assertTrue(copy.copy(C()).called)

    def test_getstate_none_skips_setstate(self):
        class C:
            def __getstate__(self):
                return None

            def __setstate__(self, state):
                raise AssertionError('must not be called')
        self.assertIs(type(copy.copy(C())), C)

    def test_getnewargs(self):
        class C(int):
            def __new__(cls, value, label):
                self = super().__new__(cls, value)
                self.label = label
                return self

            def __getnewargs__(self):
                return (int(self), self.label)
        c = copy.copy(C(3, 'x'))
        self.assertEqual((c, c.label), (3, 'x'))
        d = copy.deepcopy(C(4, ['y']))
        self.assertEqual((d, d.label), (4, ['y']))

    def test_getnewargs_ex(self):
        received = []
        payload = [2]

        class C:
            def __new__(cls, *args, **kw):
                received.append((args, kw))
                return super().__new__(cls)

            def __getnewargs_ex__(self):
                return (1, payload), {'k': [3]}
        obj = C()
        copy.deepcopy(obj)
        self.assertEqual(received[-1], ((1, [2]), {'k': [3]}))
        self.assertIsNot(received[-1][0][1], payload)
        copy.copy(obj)
        self.assertIs(received[-1][0][1], payload)

    def test_reduce(self):
        class C:
            def __init__(self, v):
                self.v = v

            def __reduce__(self):
                return (C, (self.v,))
        obj = C([1])
        self.assertIs(copy.copy(obj).v, obj.v)
        self.assertIsNot(copy.deepcopy(obj).v, obj.v)
        self.assertEqual(copy.deepcopy(obj).v, [1])

    def test_reduce_ex_preferred(self):
        calls = []

        class C:
            def __reduce_ex__(self, proto):
                calls.append(proto)
                return (C, ())

            def __reduce__(self):
                raise AssertionError('__reduce__ must not be called')
        copy.copy(C())
        copy.deepcopy(C())
        self.assertEqual(calls, [4, 4])

    def test_reduce_returns_string(self):
        class C:
            def __reduce__(self):
                return 'global_function'
        obj = C()
        self.assertIs(copy.copy(obj), obj)
        self.assertIs(copy.deepcopy(obj), obj)

    def test_reduce_with_state_and_items(self):
        class L(list):
            def __reduce__(self):
                return (L, (), {'tag': [0]}, iter([[1], [2]]), None)
        lst = L()
        c = copy.copy(lst)
        self.assertEqual(c, [[1], [2]])
        self.assertEqual(c.tag, [0])

        class D(dict):
            def __reduce__(self):
                return (D, (), None, None, iter([('k', [1])]))
        d = copy.deepcopy(D())
        self.assertEqual(d, {'k': [1]})
        self.assertIs(type(d), D)

    def test_reduce_state_with_slots_tuple(self):
        class C:
            __slots__ = ('x', '__dict__')

            def __reduce__(self):
                return (C, (), ({'d': 1}, {'x': 2}))
        c = copy.copy(C())
        self.assertEqual((c.d, c.x), (1, 2))

    def test_uncopyable(self):
        class C:
            __reduce_ex__ = None
            __reduce__ = None
        with self.assertRaises(copy.Error) as cm:
            copy.copy(C())
        self.assertIn('un(shallow)copyable', str(cm.exception))
        with self.assertRaises(copy.Error) as cm:
            copy.deepcopy(C())
        self.assertIn('un(deep)copyable', str(cm.exception))

    def test_error_aliases(self):
        self.assertIs(copy.error, copy.Error)
        self.assertTrue(issubclass(copy.Error, Exception))

    def test_copyreg_dispatch_table(self):
        def reduce_point(p):
            return (Point, ('from table', p.y))
        copyreg.pickle(Point, reduce_point)
        self.addCleanup(copyreg.dispatch_table.pop, Point)
        self.assertEqual(copy.copy(Point(1, 2)).x, 'from table')
        self.assertEqual(copy.deepcopy(Point(1, 2)).x, 'from table')

    def test_classes_and_functions_atomic(self):
        self.assertIs(copy.deepcopy(len), len)
        self.assertIs(copy.deepcopy(Point), Point)
        f = lambda: 1
        self.assertIs(copy.copy(f), f)
        self.assertIs(copy.deepcopy(f), f)

        class Meta(type):
            pass

        class WithMeta(metaclass=Meta):
            pass
        self.assertIs(copy.copy(WithMeta), WithMeta)
        self.assertIs(copy.deepcopy(WithMeta), WithMeta)


class RecursionAndMemoTests(unittest.TestCase):

    def test_recursive_list(self):
        lst = [1]
        lst.append(lst)
        c = copy.deepcopy(lst)
        self.assertIsNot(c, lst)
        self.assertIs(c[1], c)

    def test_recursive_dict(self):
        d = {}
        d['self'] = d
        c = copy.deepcopy(d)
        self.assertIs(c['self'], c)
        self.assertIsNot(c, d)

    def test_shared_references_preserved(self):
        shared = [0]
        pair = [shared, shared]
        c = copy.deepcopy(pair)
        self.assertIs(c[0], c[1])
        self.assertIsNot(c[0], shared)

    def test_tuple_cycle_through_list(self):
        lst = []
        t = (lst,)
        lst.append(t)
        c = copy.deepcopy(t)
        self.assertIsNot(c, t)
        self.assertIs(c[0][0], c)

    def test_recursive_instance(self):
        p = Point(None, None)
        p.x = p
        p.y = [p]
        c = copy.deepcopy(p)
        self.assertIsNot(c, p)
        self.assertIs(c.x, c)
        self.assertIs(c.y[0], c)

    def test_recursive_through_reduce_state(self):
        class Node:
            pass
        a = Node()
        b = Node()
        a.other = b
        b.other = a
        c = copy.deepcopy(a)
        self.assertIs(c.other.other, c)
        self.assertIsNot(c.other, b)

    def test_memo_prefilled(self):
        original = [1]
        replacement = ['replaced']
        memo = {id(original): replacement}
        self.assertIs(copy.deepcopy(original, memo), replacement)
        self.assertEqual(copy.deepcopy([original, original], memo),
                         [replacement, replacement])

    def test_memo_records_copies_and_keeps_alive(self):
        inner = [1]
        outer = [inner]
        memo = {}
        c = copy.deepcopy(outer, memo)
        self.assertIs(memo[id(outer)], c)
        self.assertIs(memo[id(inner)], c[0])
        keep = memo[id(memo)]
        self.assertTrue(any(x is outer for x in keep))
        self.assertTrue(any(x is inner for x in keep))

    def test_memo_untouched_for_atomic(self):
        memo = {}
        copy.deepcopy(5, memo)
        copy.deepcopy('s', memo)
        self.assertEqual(memo, {})

    def test_memo_none_is_fresh(self):
        lst = [[1]]
        a = copy.deepcopy(lst, None)
        b = copy.deepcopy(lst, None)
        self.assertIsNot(a[0], b[0])

    def test_deep_nesting(self):
        lst = []
        for _ in range(100):
            lst = [lst]
        c = copy.deepcopy(lst)
        depth = 0
        while c:
            c = c[0]
            depth += 1
        self.assertEqual(depth, 100)


class ReplaceTests(unittest.TestCase):

    def test_namedtuple(self):
        P = namedtuple('P', 'x y')
        self.assertEqual(copy.replace(P(1, 2), y=5), P(1, 5))
        self.assertEqual(copy.replace(P(1, 2)), P(1, 2))
        with self.assertRaises(TypeError):
            copy.replace(P(1, 2), z=3)

    def test_unsupported(self):
        with self.assertRaises(TypeError) as cm:
            copy.replace(1, x=2)
        self.assertEqual(str(cm.exception), 'replace() does not support int objects')
        with self.assertRaises(TypeError):
            copy.replace([1])

    def test_custom_replace(self):
        class C:
            def __init__(self, a, b):
                self.a = a
                self.b = b

            def __replace__(self, **changes):
                return C(changes.get('a', self.a), changes.get('b', self.b))
        c = copy.replace(C(1, 2), b=3)
        self.assertEqual((c.a, c.b), (1, 3))

    def test_looked_up_on_class(self):
        class C:
            pass
        obj = C()
        obj.__replace__ = lambda **kw: 'instance attribute'
        with self.assertRaises(TypeError):
            copy.replace(obj)

    def test_positional_only_obj(self):
        class C:
            def __replace__(self, **changes):
                return changes
        self.assertEqual(copy.replace(C(), obj=1), {'obj': 1})

    def test_simple_namespace(self):
        ns = types.SimpleNamespace(a=1, b=2)
        r = copy.replace(ns, b=3)
        self.assertEqual(r, types.SimpleNamespace(a=1, b=3))
        self.assertIsNot(r, ns)

    def test_dataclass(self):
        import dataclasses

        @dataclasses.dataclass
        class D:
            a: int
            b: int = 0
        self.assertEqual(copy.replace(D(1), b=4), D(1, 4))
        with self.assertRaises(TypeError):
            copy.replace(D(1), c=1)

    def test_code_object(self):
        code = global_function.__code__
        self.assertEqual(copy.replace(code, co_name='renamed').co_name, 'renamed')

    def test_all(self):
        self.assertEqual(sorted(copy.__all__), ['Error', 'copy', 'deepcopy', 'replace'])


if __name__ == '__main__':
    unittest.main()
