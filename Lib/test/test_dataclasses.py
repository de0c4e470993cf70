"""Tests of dataclasses."""

import dataclasses
import unittest
from dataclasses import dataclass, field, InitVar, KW_ONLY
import collections
import copy
import pickle
import sys
import textwrap
import typing
import weakref
from dataclasses import (dataclass, field, fields, asdict, astuple, replace, make_dataclass,
                         InitVar, KW_ONLY, FrozenInstanceError, is_dataclass, MISSING)
from typing import ClassVar, Any


@dataclass
class Point:
    x: int
    y: int = 0


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()


@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    secret: str = field(default='hidden', repr=False, compare=False)
    count: int = field(init=False, default=0)

    def __post_init__(self):
        self.count = len(self.items)


@dataclass
class WithInitVar:
    base: int
    scale: InitVar[int] = 2
    value: int = field(init=False)

    def __post_init__(self, scale):
        self.value = self.base * scale


@dataclass
class Keyword:
    a: int
    _: KW_ONLY
    b: int = 1
    c: int = 2


@dataclass(slots=True)
class Slotted:
    a: int
    b: str = 'x'


class DataclassTests(unittest.TestCase):

    def test_init_repr_eq(self):
        p = Point(1, 2)
        self.assertEqual(repr(p), 'Point(x=1, y=2)')
        self.assertEqual(Point(1), Point(1, 0))
        self.assertNotEqual(Point(1), Point(2))
        self.assertEqual(Point(y=3, x=4), Point(4, 3))
        with self.assertRaises(TypeError):
            Point()
        self.assertIsNone(Point.__hash__)
        self.assertEqual(Point.__match_args__, ('x', 'y'))
        match Point(5, 6):
            case Point(a, b):
                self.assertEqual((a, b), (5, 6))

    def test_order_and_frozen(self):
        self.assertLess(Version(1, 2), Version(1, 3))
        self.assertGreater(Version(2), Version(1, 9))
        self.assertEqual(sorted([Version(2), Version(1, 5), Version(1)]),
                         [Version(1), Version(1, 5), Version(2)])
        v = Version(1)
        with self.assertRaises(dataclasses.FrozenInstanceError):
            v.major = 3
        with self.assertRaises(AttributeError):
            del v.minor
        self.assertEqual(hash(v), hash(Version(1)))
        self.assertEqual(len({Version(1), Version(1), Version(2)}), 2)

    def test_field_options(self):
        inv = Inventory('box', [1, 2])
        self.assertEqual(inv.count, 2)
        self.assertEqual(repr(inv), "Inventory(name='box', items=[1, 2], count=2)")
        self.assertEqual(Inventory('a', secret='x'), Inventory('a', secret='y'))
        self.assertIsNot(Inventory('a').items, Inventory('a').items)
        with self.assertRaises(ValueError):
            @dataclass
            class Bad:
                xs: list = []

    def test_initvar_and_kw_only(self):
        w = WithInitVar(3)
        self.assertEqual(w.value, 6)
        self.assertEqual(WithInitVar(3, 5).value, 15)
        self.assertEqual([f.name for f in dataclasses.fields(WithInitVar)], ['base', 'value'])
        k = Keyword(1, c=5)
        self.assertEqual((k.a, k.b, k.c), (1, 1, 5))
        with self.assertRaises(TypeError):
            Keyword(1, 2)

    def test_helpers(self):
        p = Point(1, 2)
        self.assertEqual(dataclasses.asdict(p), {'x': 1, 'y': 2})
        self.assertEqual(dataclasses.astuple(p), (1, 2))
        self.assertEqual(dataclasses.replace(p, y=9), Point(1, 9))
        self.assertTrue(dataclasses.is_dataclass(p))
        self.assertTrue(dataclasses.is_dataclass(Point))
        self.assertFalse(dataclasses.is_dataclass(3))
        nested = Inventory('n', [Point(1, 2)])
        self.assertEqual(dataclasses.asdict(nested)['items'], [{'x': 1, 'y': 2}])
        with self.assertRaises(TypeError):
            dataclasses.fields(3)

    def test_inheritance(self):
        @dataclass
        class Point3(Point):
            z: int = 0
        p = Point3(1, 2, 3)
        self.assertTrue(repr(p).endswith('<locals>.Point3(x=1, y=2, z=3)'), repr(p))
        self.assertEqual([f.name for f in dataclasses.fields(p)], ['x', 'y', 'z'])
        with self.assertRaises(TypeError):
            @dataclass
            class Bad(Point):
                z: int

    def test_slots(self):
        s = Slotted(1)
        self.assertEqual(Slotted.__slots__, ('a', 'b'))
        self.assertEqual(repr(s), "Slotted(a=1, b='x')")
        with self.assertRaises(AttributeError):
            s.other = 3

    def test_make_dataclass(self):
        C = dataclasses.make_dataclass('C', [('x', int), ('y', int, field(default=5))])
        self.assertEqual(repr(C(1)), 'C(x=1, y=5)')

    def test_unsafe_hash_and_eq_false(self):
        @dataclass(unsafe_hash=True)
        class H:
            a: int
        self.assertEqual(hash(H(1)), hash((1,)))

        @dataclass(eq=False)
        class NoEq:
            a: int
        self.assertNotEqual(NoEq(1), NoEq(1))
        self.assertIsNotNone(NoEq.__hash__)


class GeneratedInitTests(unittest.TestCase):
    def test_init_annotations_and_doc(self):
        from dataclasses import dataclass, field, KW_ONLY

        @dataclass
        class P:
            x: int
            y: str = 'a'
            _: KW_ONLY
            z: list = field(default_factory=list)

        self.assertEqual(P.__init__.__annotations__,
                         {'x': int, 'y': str, 'z': list, 'return': None})
        self.assertEqual(P.__doc__, "P(x: int, y: str = 'a', *, z: list = <factory>)")


@dataclass
class Pickled:
    a: int
    b: str = 'x'


@dataclass(frozen=True)
class FrozenPickled:
    a: int
    b: tuple = ()


class ReprTests(unittest.TestCase):

    def test_simple(self):
        @dataclass
        class Point:
            x: int
            y: int = 0
        self.assertEqual(repr(Point(1, 2)), 'ReprTests.test_simple.<locals>.Point(x=1, y=2)')
        self.assertEqual(str(Point(3)), 'ReprTests.test_simple.<locals>.Point(x=3, y=0)')
        self.assertEqual(
            repr(Point('a', [1, 2])),
            "ReprTests.test_simple.<locals>.Point(x='a', y=[1, 2])")
        self.assertEqual(f'{Point(1, 2)}', 'ReprTests.test_simple.<locals>.Point(x=1, y=2)')

    def test_nested_and_field_repr_false(self):
        @dataclass
        class Inner:
            v: float
        @dataclass
        class Outer:
            name: str
            inner: Inner
            secret: str = field(default='s', repr=False)
            items: list = field(default_factory=list)
        self.assertEqual(
            repr(Outer('o', Inner(1.5))),
            "ReprTests.test_nested_and_field_repr_false.<locals>.Outer(name='o', "
            'inner=ReprTests.test_nested_and_field_repr_false.<locals>.Inner(v=1.5), '
            'items=[])')
        self.assertEqual(
            repr(Outer('o', Inner(0.1), items=[Inner(2.0)])),
            "ReprTests.test_nested_and_field_repr_false.<locals>.Outer(name='o', "
            'inner=ReprTests.test_nested_and_field_repr_false.<locals>.Inner(v=0.1), '
            'items=[ReprTests.test_nested_and_field_repr_false.<locals>.Inner(v=2.0)])')

    def test_recursive(self):
        @dataclass
        class Node:
            value: int
            next: 'Node' = None
        n = Node(1)
        n.next = n
        self.assertEqual(repr(n), 'ReprTests.test_recursive.<locals>.Node(value=1, next=...)')
        m = Node(2, Node(3))
        self.assertEqual(
            repr(m),
            'ReprTests.test_recursive.<locals>.Node(value=2, '
            'next=ReprTests.test_recursive.<locals>.Node(value=3, next=None))')
        @dataclass
        class Box:
            items: list
        b = Box([])
        b.items.append(b)
        self.assertEqual(repr(b), 'ReprTests.test_recursive.<locals>.Box(items=[...])')

    def test_custom_repr_kept(self):
        @dataclass
        class C:
            x: int
            def __repr__(self):
                return 'custom'
        self.assertEqual(repr(C(1)), 'custom')
        @dataclass(repr=False)
        class D:
            x: int
        self.assertTrue(repr(D(1)).startswith('<'))

    def test_qualname_in_repr(self):
        self.assertEqual(repr(Pickled(1)), "Pickled(a=1, b='x')")
        self.assertEqual(repr(FrozenPickled(2, (1,))), 'FrozenPickled(a=2, b=(1,))')


class InitTests(unittest.TestCase):

    def test_defaults_and_factories(self):
        @dataclass
        class C:
            a: int
            b: list = field(default_factory=list)
            c: str = 'z'
            d: dict = field(default_factory=lambda: {'k': 1})
        x = C(1)
        y = C(2)
        self.assertIsNot(x.b, y.b)
        self.assertEqual(
            repr(x),
            "InitTests.test_defaults_and_factories.<locals>.C(a=1, b=[], c='z', d={'k': 1})")
        self.assertEqual(
            repr(C(1, [1], 'q', {})),
            "InitTests.test_defaults_and_factories.<locals>.C(a=1, b=[1], c='q', d={})")
        with self.assertRaises(TypeError) as cm:
            C()
        self.assertEqual(
            str(cm.exception),
            'InitTests.test_defaults_and_factories.<locals>.C.__init__() missing 1 '
            "required positional argument: 'a'")
        with self.assertRaises(TypeError) as cm:
            C(1, 2, 3, 4, 5)
        self.assertEqual(
            str(cm.exception),
            'InitTests.test_defaults_and_factories.<locals>.C.__init__() takes from 2 '
            'to 5 positional arguments but 6 were given')
        with self.assertRaises(TypeError) as cm:
            C(1, e=3)
        self.assertEqual(
            str(cm.exception),
            'InitTests.test_defaults_and_factories.<locals>.C.__init__() got an '
            "unexpected keyword argument 'e'")

    def test_mutable_default_rejected(self):
        try:
            @dataclass
            class Bad:
                x: list = []
        except ValueError as e:
            msg = str(e)
        self.assertEqual(
            msg,
            "mutable default <class 'list'> for field x is not allowed: use default_factory")
        try:
            @dataclass
            class Bad2:
                x: dict = {}
        except ValueError as e:
            msg2 = str(e)
        self.assertEqual(
            msg2,
            "mutable default <class 'dict'> for field x is not allowed: use default_factory")

    def test_non_default_after_default(self):
        try:
            @dataclass
            class Bad:
                x: int = 1
                y: int
        except TypeError as e:
            msg = str(e)
        self.assertEqual(msg, "non-default argument 'y' follows default argument 'x'")

    def test_default_and_factory_both(self):
        with self.assertRaises(ValueError) as cm:
            field(default=1, default_factory=list)
        self.assertEqual(str(cm.exception), 'cannot specify both default and default_factory')

    def test_init_false_fields(self):
        @dataclass
        class C:
            x: int
            y: int = field(init=False, default=10)
            z: list = field(init=False, default_factory=list)
        c = C(1)
        self.assertEqual(repr(c), 'InitTests.test_init_false_fields.<locals>.C(x=1, y=10, z=[])')
        with self.assertRaises(TypeError) as cm:
            C(1, 2)
        self.assertEqual(
            str(cm.exception),
            'InitTests.test_init_false_fields.<locals>.C.__init__() takes 2 positional '
            'arguments but 3 were given')
        @dataclass(init=False)
        class N:
            x: int
        self.assertIs(N.__init__, object.__init__)

    def test_post_init(self):
        @dataclass
        class C:
            a: int
            b: int = field(init=False)
            def __post_init__(self):
                self.b = self.a * 2
        self.assertEqual(repr(C(4)), 'InitTests.test_post_init.<locals>.C(a=4, b=8)')

    def test_initvar(self):
        @dataclass
        class C:
            x: int
            scale: InitVar[int] = 2
            def __post_init__(self, scale):
                self.x *= scale
        c = C(3)
        self.assertEqual(c.x, 6)
        self.assertEqual(C(3, 10).x, 30)
        self.assertEqual([f.name for f in fields(C)], ['x'])
        self.assertTrue(hasattr(c, 'scale'))
        self.assertEqual(repr(dataclasses.InitVar[int]), 'dataclasses.InitVar[int]')
        self.assertEqual(repr(C.__dataclass_fields__['scale']._field_type), '_FIELD_INITVAR')
        self.assertEqual(C.scale, 2)

    def test_classvar(self):
        @dataclass
        class C:
            x: int
            count: ClassVar[int] = 0
            other: typing.ClassVar = 'o'
        self.assertEqual([f.name for f in fields(C)], ['x'])
        self.assertEqual(repr(C(1)), 'InitTests.test_classvar.<locals>.C(x=1)')
        self.assertEqual(C.count, 0)
        self.assertIn('count', C.__dataclass_fields__)

    def test_init_signature_text(self):
        @dataclass
        class C:
            a: int
            b: str = 'x'
            _: KW_ONLY
            c: float = 1.0
        self.assertEqual(
            repr(C.__init__.__annotations__),
            "{'a': <class 'int'>, 'b': <class 'str'>, 'c': <class 'float'>, 'return': None}")
        self.assertEqual(C.__init__.__defaults__, ('x',))
        self.assertEqual(C.__init__.__kwdefaults__, {'c': 1.0})
        self.assertEqual(
            C.__init__.__qualname__,
            'InitTests.test_init_signature_text.<locals>.C.__init__')
        self.assertEqual(C.__init__.__code__.co_varnames[:4], ('self', 'a', 'b', 'c'))


class KwOnlyTests(unittest.TestCase):

    def test_kw_only_decorator(self):
        @dataclass(kw_only=True)
        class C:
            a: int
            b: int = 2
        self.assertEqual(C(a=1).b, 2)
        with self.assertRaises(TypeError) as cm:
            C(1)
        self.assertEqual(
            str(cm.exception),
            'KwOnlyTests.test_kw_only_decorator.<locals>.C.__init__() takes 1 '
            'positional argument but 2 were given')
        self.assertEqual(
            repr(C(b=3, a=4)),
            'KwOnlyTests.test_kw_only_decorator.<locals>.C(a=4, b=3)')

    def test_kw_only_sentinel(self):
        @dataclass
        class C:
            a: int
            _: KW_ONLY
            b: int
            c: int = 3
        self.assertEqual(
            repr(C(1, b=2)),
            'KwOnlyTests.test_kw_only_sentinel.<locals>.C(a=1, b=2, c=3)')
        with self.assertRaises(TypeError) as cm:
            C(1, 2)
        self.assertEqual(
            str(cm.exception),
            'KwOnlyTests.test_kw_only_sentinel.<locals>.C.__init__() takes 2 positional '
            'arguments but 3 were given')
        self.assertEqual([f.kw_only for f in fields(C)], [False, True, True])

    def test_kw_only_field(self):
        @dataclass
        class C:
            a: int = 0
            b: int = field(kw_only=True)
        self.assertEqual(repr(C(b=5)), 'KwOnlyTests.test_kw_only_field.<locals>.C(a=0, b=5)')
        self.assertEqual(repr(C(1, b=2)), 'KwOnlyTests.test_kw_only_field.<locals>.C(a=1, b=2)')

    def test_kw_only_reorders_defaults(self):
        @dataclass
        class Base:
            x: int = 0
            y: int = field(default=1, kw_only=True)
        @dataclass
        class Child(Base):
            z: int = 5
        self.assertEqual(
            repr(Child(1, 2, y=3)),
            'KwOnlyTests.test_kw_only_reorders_defaults.<locals>.Child(x=1, y=3, z=2)')
        self.assertEqual([f.name for f in fields(Child)], ['x', 'y', 'z'])

    def test_two_kw_only_sentinels(self):
        try:
            @dataclass
            class C:
                a: int
                _: KW_ONLY
                b: int
                __: KW_ONLY
        except TypeError as e:
            msg = str(e)
        self.assertEqual(msg, "'__' is KW_ONLY, but KW_ONLY has already been specified")


class EqOrderTests(unittest.TestCase):

    def test_eq(self):
        @dataclass
        class P:
            x: int
            y: int
        self.assertEqual(P(1, 2), P(1, 2))
        self.assertNotEqual(P(1, 2), P(1, 3))
        self.assertNotEqual(P(1, 2), (1, 2))
        self.assertIs(P.__hash__, None)
        @dataclass
        class Q:
            x: int
            y: int
        self.assertNotEqual(P(1, 2), Q(1, 2))

    def test_eq_compare_false_field(self):
        @dataclass
        class C:
            x: int
            note: str = field(compare=False)
        self.assertEqual(C(1, 'a'), C(1, 'b'))

    def test_order(self):
        @dataclass(order=True)
        class V:
            major: int
            minor: int = 0
        self.assertTrue(V(1, 2) < V(1, 3))
        self.assertTrue(V(2) > V(1, 99))
        self.assertTrue(V(1, 1) <= V(1, 1))
        self.assertEqual(
            repr(sorted([V(2, 1), V(1, 5), V(1, 2)])),
            '[EqOrderTests.test_order.<locals>.V(major=1, minor=2), '
            'EqOrderTests.test_order.<locals>.V(major=1, minor=5), '
            'EqOrderTests.test_order.<locals>.V(major=2, minor=1)]')
        with self.assertRaises(TypeError) as cm:
            V(1) < (1, 0)
        self.assertEqual(
            str(cm.exception),
            "'<' not supported between instances of 'V' and 'tuple'")
        with self.assertRaises(TypeError) as cm:
            V(1) < 5
        self.assertEqual(str(cm.exception), "'<' not supported between instances of 'V' and 'int'")

    def test_order_without_eq(self):
        with self.assertRaises(ValueError) as cm:
            dataclass(order=True, eq=False)(type('X', (), {'__annotations__': {'a': int}}))
        self.assertEqual(str(cm.exception), 'eq must be true if order is true')

    def test_order_conflict(self):
        try:
            @dataclass(order=True)
            class C:
                x: int
                def __lt__(self, other):
                    return True
        except TypeError as e:
            msg = str(e)
        self.assertEqual(
            msg,
            'Cannot overwrite attribute __lt__ in class C Consider using functools.total_ordering')

    def test_eq_false(self):
        @dataclass(eq=False)
        class C:
            x: int
        a = C(1)
        self.assertNotEqual(a, C(1))
        self.assertEqual(a, a)
        self.assertIs(C.__hash__, object.__hash__)


class FrozenHashTests(unittest.TestCase):

    def test_frozen(self):
        @dataclass(frozen=True)
        class F:
            x: int
            y: list = field(default_factory=list)
        f = F(1)
        with self.assertRaises(dataclasses.FrozenInstanceError) as cm:
            f.x = 2
        self.assertEqual(str(cm.exception), "cannot assign to field 'x'")
        with self.assertRaises(dataclasses.FrozenInstanceError) as cm:
            del f.x
        self.assertEqual(str(cm.exception), "cannot delete field 'x'")
        with self.assertRaises(dataclasses.FrozenInstanceError) as cm:
            f.z = 3
        self.assertEqual(str(cm.exception), "cannot assign to field 'z'")
        self.assertEqual(hash(F(1, ())), hash((1, ())))
        with self.assertRaises(TypeError) as cm:
            hash(f)
        self.assertEqual(str(cm.exception), "unhashable type: 'list'")
        self.assertTrue(isinstance(FrozenInstanceError(), AttributeError))
        self.assertEqual(repr(F(2)), 'FrozenHashTests.test_frozen.<locals>.F(x=2, y=[])')

    def test_frozen_inheritance_mismatch(self):
        @dataclass
        class Base:
            x: int
        try:
            @dataclass(frozen=True)
            class Sub(Base):
                y: int
        except TypeError as e:
            msg = str(e)
        self.assertEqual(msg, 'cannot inherit frozen dataclass from a non-frozen one')
        @dataclass(frozen=True)
        class FBase:
            x: int
        try:
            @dataclass
            class FSub(FBase):
                y: int
        except TypeError as e:
            msg2 = str(e)
        self.assertEqual(msg2, 'cannot inherit non-frozen dataclass from a frozen one')

    def test_unsafe_hash(self):
        @dataclass(unsafe_hash=True)
        class H:
            x: int
            y: int = field(hash=False)
        self.assertEqual(hash(H(1, 2)), hash(H(1, 3)))
        self.assertEqual(hash(H(1, 2)), hash((1,)))
        @dataclass(eq=True, frozen=False)
        class NoHash:
            x: int
        self.assertIsNone(NoHash.__hash__)
        @dataclass(eq=False)
        class KeepHash:
            x: int
        self.assertIs(KeepHash.__hash__, object.__hash__)
        try:
            @dataclass(unsafe_hash=True)
            class Both:
                x: int
                def __hash__(self):
                    return 1
        except TypeError as e:
            msg = str(e)
        self.assertEqual(msg, 'Cannot overwrite attribute __hash__ in class Both')

    def test_explicit_hash_kept(self):
        @dataclass
        class C:
            x: int
            def __hash__(self):
                return 42
        self.assertEqual(hash(C(1)), 42)

    def test_frozen_post_init_and_replace(self):
        @dataclass(frozen=True)
        class C:
            a: int
            b: int = field(init=False)
            def __post_init__(self):
                object.__setattr__(self, 'b', self.a + 1)
        c = C(1)
        self.assertEqual(
            repr(c),
            'FrozenHashTests.test_frozen_post_init_and_replace.<locals>.C(a=1, b=2)')
        self.assertEqual(
            repr(replace(c, a=5)),
            'FrozenHashTests.test_frozen_post_init_and_replace.<locals>.C(a=5, b=6)')
        with self.assertRaises(TypeError) as cm:
            replace(c, b=3)
        self.assertEqual(
            str(cm.exception),
            'field b is declared with init=False, it cannot be specified with replace()')


class SlotsTests(unittest.TestCase):

    def test_slots(self):
        @dataclass(slots=True)
        class S:
            x: int
            y: int = 2
        self.assertEqual(S.__slots__, ('x', 'y'))
        self.assertFalse(hasattr(S(1), '__dict__'))
        with self.assertRaises(AttributeError) as cm:
            setattr(S(1), 'z', 3)
        self.assertEqual(
            str(cm.exception),
            "'S' object has no attribute 'z' and no __dict__ for setting new attributes")
        self.assertEqual(repr(S(1)), 'SlotsTests.test_slots.<locals>.S(x=1, y=2)')
        self.assertEqual(S(1), S(1))

    def test_slots_frozen_pickle_copy(self):
        @dataclass(slots=True, frozen=True)
        class SF:
            a: int
            b: str = 'b'
        s = SF(1)
        self.assertEqual(copy.copy(s), s)
        self.assertEqual(copy.deepcopy(s), s)
        self.assertEqual(hash(s), hash((1, 'b')))

    def test_slots_already_defined(self):
        try:
            @dataclass(slots=True)
            class C:
                __slots__ = ('x',)
                x: int
        except TypeError as e:
            msg = str(e)
        self.assertEqual(msg, 'C already specifies __slots__')

    def test_weakref_slot(self):
        @dataclass(slots=True, weakref_slot=True)
        class W:
            x: int
        w = W(1)
        r = weakref.ref(w)
        self.assertIs(r(), w)
        self.assertIn('__weakref__', W.__slots__)
        with self.assertRaises(TypeError) as cm:
            dataclass(weakref_slot=True)(type('X', (), {'__annotations__': {}}))
        self.assertEqual(str(cm.exception), 'weakref_slot is True but slots is False')

    def test_slots_with_inheritance(self):
        @dataclass(slots=True)
        class A:
            x: int
        @dataclass(slots=True)
        class B(A):
            y: int
        self.assertEqual(B.__slots__, ('y',))
        self.assertEqual(
            repr(B(1, 2)),
            'SlotsTests.test_slots_with_inheritance.<locals>.B(x=1, y=2)')


class MatchArgsTests(unittest.TestCase):

    def test_match_args(self):
        @dataclass
        class P:
            x: int
            y: int = 0
            _: KW_ONLY
            z: int = 1
        self.assertEqual(P.__match_args__, ('x', 'y'))
        @dataclass(match_args=False)
        class Q:
            x: int
        self.assertFalse(hasattr(Q, '__match_args__'))
        def where(p):
            match p:
                case P(0, 0):
                    return 'origin'
                case P(x, 0):
                    return 'x-axis %d' % x
                case P(x=x, y=y):
                    return 'at %d,%d' % (x, y)
        self.assertEqual(
            [where(P(0)), where(P(3)), where(P(1, 2))],
            ['origin', 'x-axis 3', 'at 1,2'])


class HelperTests(unittest.TestCase):

    def test_fields_and_field_repr(self):
        @dataclass
        class C:
            a: int
            b: str = field(default='x', metadata={'unit': 'm'}, repr=False)
        fs = fields(C)
        self.assertEqual(type(fs).__name__, 'tuple')
        self.assertEqual(
            repr([(f.name, f.type, f.init, f.repr, f.compare, f.hash, f.kw_only) for f in fs]),
            "[('a', <class 'int'>, True, True, True, None, False), ('b', <class 'str'>, "
            'True, False, True, None, False)]')
        self.assertEqual(fs[1].metadata['unit'], 'm')
        self.assertEqual(type(fs[1].metadata).__name__, 'mappingproxy')
        self.assertIs(fs[0].default, MISSING)
        self.assertTrue(repr(MISSING).startswith('<dataclasses._MISSING_TYPE object at 0x'))
        self.assertEqual(fields(C(1)), fs)
        with self.assertRaises(TypeError) as cm:
            fields(int)
        self.assertEqual(str(cm.exception), 'must be called with a dataclass type or instance')
        with self.assertRaises(TypeError) as cm:
            fields(3)
        self.assertEqual(str(cm.exception), 'must be called with a dataclass type or instance')
        self.assertTrue(
            repr(dataclasses.KW_ONLY).startswith('<dataclasses._KW_ONLY_TYPE object at 0x'))

    def test_field_repr(self):
        f = field(default=1)
        missing = '<dataclasses._MISSING_TYPE object at '
        self.assertTrue(
            repr(f).startswith('Field(name=None,type=None,default=1,default_factory=' + missing))
        self.assertEqual(
            repr(fields(Pickled)[0]).split(',')[:2],
            ["Field(name='a'", "type=<class 'int'>"])
        self.assertTrue(repr(fields(Pickled)[0]).split(',')[2].startswith('default=' + missing))
        self.assertEqual(
            repr(fields(Pickled)[0]).split(',')[-5:],
            ['hash=None',
             'compare=True',
             'metadata=mappingproxy({})',
             'kw_only=False',
             '_field_type=_FIELD)'])

    def test_is_dataclass(self):
        @dataclass
        class C:
            x: int
        self.assertTrue(is_dataclass(C))
        self.assertTrue(is_dataclass(C(1)))
        self.assertFalse(is_dataclass(int))
        self.assertFalse(is_dataclass(5))

    def test_asdict_nested(self):
        @dataclass
        class Leaf:
            v: int
        @dataclass
        class Tree:
            name: str
            leaves: list
            meta: dict
            pair: tuple
        t = Tree('t', [Leaf(1), Leaf(2)], {'k': Leaf(3), Leaf(4).v: [Leaf(5)]}, (Leaf(6), 'x'))
        self.assertEqual(
            asdict(t),
            {'leaves': [{'v': 1}, {'v': 2}],
             'meta': {4: [{'v': 5}], 'k': {'v': 3}},
             'name': 't',
             'pair': ({'v': 6}, 'x')})
        self.assertEqual(astuple(t), ('t', [(1,), (2,)], {'k': (3,), 4: [(5,)]}, ((6,), 'x')))
        self.assertEqual(asdict(Leaf(1), dict_factory=lambda items: sorted(items)), [('v', 1)])
        self.assertEqual(astuple(Leaf(7), tuple_factory=list), [7])
        with self.assertRaises(TypeError) as cm:
            asdict(5)
        self.assertEqual(str(cm.exception), 'asdict() should be called on dataclass instances')
        with self.assertRaises(TypeError) as cm:
            astuple(Leaf)
        self.assertEqual(str(cm.exception), 'astuple() should be called on dataclass instances')

    def test_asdict_copies(self):
        @dataclass
        class C:
            xs: list
        c = C([1, [2]])
        d = asdict(c)
        self.assertIsNot(d['xs'], c.xs)
        self.assertIsNot(d['xs'][1], c.xs[1])
        self.assertEqual(d, {'xs': [1, [2]]})

    def test_namedtuple_values(self):
        Pair = collections.namedtuple('Pair', 'a b')
        @dataclass
        class C:
            p: Pair
            ps: list
        @dataclass
        class L:
            v: int
        c = C(Pair(L(1), 2), [Pair(3, L(4))])
        self.assertEqual(
            repr(asdict(c)),
            "{'p': Pair(a={'v': 1}, b=2), 'ps': [Pair(a=3, b={'v': 4})]}")
        self.assertEqual(type(asdict(c)['p']).__name__, 'Pair')
        self.assertEqual(repr(astuple(c)), '(Pair(a=(1,), b=2), [Pair(a=3, b=(4,))])')

    def test_asdict_defaultdict(self):
        @dataclass
        class C:
            d: collections.defaultdict
        dd = collections.defaultdict(list, {'a': [1]})
        r = asdict(C(dd))['d']
        self.assertEqual(type(r).__name__, 'defaultdict')
        self.assertIs(r.default_factory, list)
        self.assertEqual(dict(r), {'a': [1]})

    def test_replace(self):
        @dataclass
        class C:
            a: int
            b: str = 'x'
            c: list = field(default_factory=list)
        c = C(1)
        r = replace(c, b='y')
        self.assertEqual(repr(r), "HelperTests.test_replace.<locals>.C(a=1, b='y', c=[])")
        self.assertIs(r.c, c.c)
        self.assertEqual(repr(replace(c)), "HelperTests.test_replace.<locals>.C(a=1, b='x', c=[])")
        with self.assertRaises(TypeError) as cm:
            replace(c, d=1)
        self.assertEqual(
            str(cm.exception),
            'HelperTests.test_replace.<locals>.C.__init__() got an unexpected keyword '
            "argument 'd'")
        with self.assertRaises(TypeError) as cm:
            replace(5, a=1)
        self.assertEqual(str(cm.exception), 'replace() should be called on dataclass instances')

    def test_replace_initvar(self):
        @dataclass
        class C:
            x: int
            k: InitVar[int] = 1
            def __post_init__(self, k):
                self.x += k
        c = C(1)
        self.assertEqual(repr(c), 'HelperTests.test_replace_initvar.<locals>.C(x=2)')
        self.assertEqual(
            repr(replace(c, k=10)),
            'HelperTests.test_replace_initvar.<locals>.C(x=12)')
        self.assertEqual(repr(replace(c, x=0)), 'HelperTests.test_replace_initvar.<locals>.C(x=1)')

    def test_make_dataclass(self):
        C = make_dataclass('C', ['a', ('b', int), ('c', list, field(default_factory=list))])
        self.assertEqual(repr(C(1, 2)), 'C(a=1, b=2, c=[])')
        self.assertEqual(
            repr([(f.name, f.type) for f in fields(C)]),
            "[('a', 'typing.Any'), ('b', <class 'int'>), ('c', <class 'list'>)]")
        self.assertEqual(C.__name__, 'C')
        with self.assertRaises(TypeError) as cm:
            make_dataclass('G', [('x', int)], bases=(C,))
        self.assertEqual(
            str(cm.exception),
            "non-default argument 'x' follows default argument 'c'")
        namespace = {'total': lambda self: self.a + self.x}
        D = make_dataclass('D', [('x', int, 0)], bases=(C,), namespace=namespace, order=True)
        self.assertEqual(repr(D(1, 2, [3], 4)), 'D(a=1, b=2, c=[3], x=4)')
        self.assertEqual(D(1, 2, [], 4).total(), 5)
        self.assertTrue(D(1, 2, [], 4) < D(1, 2, [], 5))
        with self.assertRaises(TypeError) as cm:
            make_dataclass('E', [('x', int), ('x', str)])
        self.assertEqual(str(cm.exception), "Field name duplicated: 'x'")
        with self.assertRaises(TypeError) as cm:
            make_dataclass('E', [('for', int)])
        self.assertEqual(str(cm.exception), "Field names must not be keywords: 'for'")
        with self.assertRaises(TypeError) as cm:
            make_dataclass('E', [5])
        self.assertEqual(str(cm.exception), "object of type 'int' has no len()")
        E = make_dataclass('E', [('x', int, 0)] if False else [('x', int)], kw_only=True)
        self.assertEqual(repr(E(x=3)), 'E(x=3)')
        M = make_dataclass('M', ['v'], module='mymod')
        self.assertEqual(M.__module__, 'mymod')

    def test_make_dataclass_fields_any(self):
        C = make_dataclass('C', ['p', 'q'])
        self.assertEqual([f.type for f in fields(C)], ['typing.Any', 'typing.Any'])


class InheritanceTests(unittest.TestCase):

    def test_field_order_and_override(self):
        @dataclass
        class Base:
            x: int = 1
            y: str = 'b'
        @dataclass
        class Child(Base):
            z: float = 0.5
            x: int = 10
        self.assertEqual([f.name for f in fields(Child)], ['x', 'y', 'z'])
        self.assertEqual(
            repr(Child()),
            "InheritanceTests.test_field_order_and_override.<locals>.Child(x=10, y='b', z=0.5)")
        self.assertEqual(
            repr(Child(2, 'c', 3.5)),
            "InheritanceTests.test_field_order_and_override.<locals>.Child(x=2, y='c', z=3.5)")

    def test_plain_class_in_middle(self):
        @dataclass
        class A:
            a: int
        class B(A):
            b: int = 5
        @dataclass
        class C(B):
            c: int = 6
        self.assertEqual([f.name for f in fields(C)], ['a', 'c'])
        self.assertEqual(
            repr(C(1)),
            'InheritanceTests.test_plain_class_in_middle.<locals>.C(a=1, c=6)')

    def test_post_init_inherited(self):
        @dataclass
        class A:
            a: int
            def __post_init__(self):
                self.log = ['A']
        @dataclass
        class B(A):
            b: int = 0
            def __post_init__(self):
                super().__post_init__()
                self.log.append('B')
        self.assertEqual(B(1).log, ['A', 'B'])

    def test_pickle_and_copy(self):
        p = Pickled(1, 'y')
        self.assertEqual(pickle.loads(pickle.dumps(p)), p)
        self.assertEqual(
            pickle.loads(pickle.dumps(FrozenPickled(1, (2,)))),
            FrozenPickled(1, (2,)))
        self.assertEqual(copy.deepcopy(p), p)
        self.assertIsNot(copy.copy(p), p)

    def test_dataclass_without_parens(self):
        @dataclass()
        class A:
            x: int
        @dataclass
        class B:
            x: int
        self.assertEqual(A(1).x, B(1).x)
        self.assertEqual(A.__dataclass_params__.__class__.__name__, '_DataclassParams')
        params = A.__dataclass_params__
        self.assertEqual((params.init, params.frozen, params.order), (True, False, False))

    def test_docstring_generated(self):
        @dataclass
        class C:
            x: int
            y: str = 'a'
        self.assertEqual(C.__doc__, "C(x: int, y: str = 'a')")

    def test_annotations_without_type(self):
        @dataclass
        class C:
            x: 'int'
            y: 'list[str]' = field(default_factory=list)
        self.assertEqual([f.type for f in fields(C)], ['int', 'list[str]'])
        self.assertEqual(
            repr(C(1)),
            'InheritanceTests.test_annotations_without_type.<locals>.C(x=1, y=[])')


class MoreDataclassTests(unittest.TestCase):

    def test_eq_with_subclass(self):
        @dataclass
        class P:
            x: int
        @dataclass
        class SubP(P):
            pass
        self.assertNotEqual(P(1), SubP(1))
        self.assertEqual(SubP(1), SubP(1))
        self.assertEqual(repr(P(1).__eq__(SubP(1))), 'NotImplemented')

    def test_mutable_default_detection(self):
        class Unhashable:
            __hash__ = None
        try:
            @dataclass
            class C:
                x: Unhashable = Unhashable()
        except ValueError as e:
            msg = str(e)
        self.assertEqual(
            msg.replace(__name__, 'M') if False else msg.split(' for field')[1],
            ' x is not allowed: use default_factory')
        try:
            @dataclass
            class D:
                s: set = set()
        except ValueError as e:
            msg2 = str(e)
        self.assertEqual(
            msg2,
            "mutable default <class 'set'> for field s is not allowed: use default_factory")
        @dataclass
        class E:
            t: tuple = (1, 2)
            f: frozenset = frozenset()
        self.assertEqual(
            repr(E()),
            'MoreDataclassTests.test_mutable_default_detection.<locals>.E(t=(1, 2), '
            'f=frozenset())')

    def test_frozen_messages(self):
        @dataclass(frozen=True)
        class F:
            x: int
        f = F(1)
        with self.assertRaises(dataclasses.FrozenInstanceError) as cm:
            f.x = 2
        self.assertEqual(str(cm.exception), "cannot assign to field 'x'")
        with self.assertRaises(dataclasses.FrozenInstanceError) as cm:
            del f.x
        self.assertEqual(str(cm.exception), "cannot delete field 'x'")
        with self.assertRaises(dataclasses.FrozenInstanceError) as cm:
            setattr(f, 'y', 1)
        self.assertEqual(str(cm.exception), "cannot assign to field 'y'")
        self.assertEqual(
            repr(type(FrozenInstanceError('a')).__mro__[1]),
            "<class 'AttributeError'>")

    def test_copy_replace_313(self):
        import copy as _copy
        @dataclass(frozen=True)
        class C:
            a: int
            b: int = 2
        c = C(1)
        self.assertEqual(
            repr(_copy.replace(c, b=5)),
            'MoreDataclassTests.test_copy_replace_313.<locals>.C(a=1, b=5)')
        self.assertEqual(
            repr(c.__replace__(a=9)),
            'MoreDataclassTests.test_copy_replace_313.<locals>.C(a=9, b=2)')
        with self.assertRaises(TypeError) as cm:
            _copy.replace(c, z=1)
        self.assertEqual(
            str(cm.exception),
            'MoreDataclassTests.test_copy_replace_313.<locals>.C.__init__() got an '
            "unexpected keyword argument 'z'")

    def test_descriptor_typed_field(self):
        class Desc:
            def __set_name__(self, owner, name):
                self.name = '_' + name
            def __get__(self, obj, objtype=None):
                if obj is None:
                    return 100
                return getattr(obj, self.name, 100)
            def __set__(self, obj, value):
                setattr(obj, self.name, value * 2)
        @dataclass
        class C:
            d: Desc = Desc()
        self.assertEqual(C().d, 200)
        self.assertEqual(C(5).d, 10)
        self.assertEqual(fields(C)[0].default, 100)

    def test_field_in_fields_order_and_types(self):
        @dataclass
        class C:
            z: int
            a: 'str' = 'a'
            m: list = field(default_factory=list)
            _: KW_ONLY
            k: float = 0.0
        self.assertEqual(
            repr([(f.name, f.type, f.kw_only) for f in fields(C)]),
            "[('z', <class 'int'>, False), ('a', 'str', False), ('m', <class 'list'>, "
            "False), ('k', <class 'float'>, True)]")
        self.assertIs(fields(C)[2].default_factory, list)
        self.assertEqual(C.__match_args__, ('z', 'a', 'm'))
        self.assertEqual(
            repr(C(1, 'b', [2], k=3.5)),
            'MoreDataclassTests.test_field_in_fields_order_and_types.<locals>.C(z=1, '
            "a='b', m=[2], k=3.5)")

    def test_initvar_only_init(self):
        @dataclass
        class C:
            a: int
            b: InitVar[str]
            def __post_init__(self, b):
                self.note = b.upper()
        c = C(1, 'hi')
        self.assertEqual(c.note, 'HI')
        self.assertEqual(repr(c), 'MoreDataclassTests.test_initvar_only_init.<locals>.C(a=1)')
        self.assertEqual(asdict(c), {'a': 1})
        self.assertEqual([f.name for f in fields(C)], ['a'])
        with self.assertRaises(TypeError) as cm:
            C(1)
        self.assertEqual(
            str(cm.exception),
            'MoreDataclassTests.test_initvar_only_init.<locals>.C.__init__() missing 1 '
            "required positional argument: 'b'")

    def test_post_init_missing_initvar_arg(self):
        @dataclass
        class C:
            a: int
            b: InitVar[int] = 0
            def __post_init__(self):
                pass
        with self.assertRaises(TypeError) as cm:
            C(1)
        self.assertEqual(
            str(cm.exception),
            'MoreDataclassTests.test_post_init_missing_initvar_arg.<locals>.C.__post_ini'
            't__() takes 1 positional argument but 2 were given')

    def test_asdict_tuple_and_nested_containers(self):
        @dataclass
        class L:
            v: int
        @dataclass
        class C:
            t: tuple
            d: dict
        self.assertEqual(
            asdict(C((L(1), [L(2)]), {'x': (L(3),)})),
            {'d': {'x': ({'v': 3},)}, 't': ({'v': 1}, [{'v': 2}])})
        self.assertEqual(astuple(C((L(1),), {})), (((1,),), {}))

    def test_recursive_repr_two_objects(self):
        @dataclass
        class A:
            other: object = None
        a = A()
        b = A(a)
        a.other = b
        self.assertEqual(
            repr(a),
            'MoreDataclassTests.test_recursive_repr_two_objects.<locals>.A('
            'other=MoreDataclassTests.test_recursive_repr_two_objects.<locals>.A('
            'other=...))')

    def test_frozen_hash_and_eq_consistency(self):
        @dataclass(frozen=True, eq=True)
        class K:
            a: int
            b: str
        self.assertEqual({K(1, 'x'): 1}[K(1, 'x')], 1)
        self.assertEqual(len({K(1, 'x'), K(1, 'x'), K(2, 'x')}), 2)

    def test_class_attribute_default_is_class_var(self):
        @dataclass
        class C:
            x: int = 5
        self.assertEqual(C.x, 5)
        @dataclass
        class D:
            y: list = field(default_factory=list)
        self.assertFalse(hasattr(D, 'y'))
        @dataclass
        class E:
            z: int = field(default=3)
        self.assertEqual(E.z, 3)

    def test_dataclass_on_non_class(self):
        with self.assertRaises(AttributeError):
            dataclass(5)
        with self.assertRaises(AttributeError):
            dataclass(lambda: None)

    def test_signatures_and_docs(self):
        import inspect
        @dataclass
        class C:
            a: int
            b: list = field(default_factory=list)
            c: 'str' = 'x'
            _: KW_ONLY
            d: float = 1.0
            e: InitVar[int] = 0
        self.assertEqual(
            str(inspect.signature(C)),
            "(a: int, b: list = <factory>, c: 'str' = 'x', *, d: float = 1.0, e: "
            'dataclasses.InitVar[int] = 0) -> None')
        self.assertEqual(
            str(inspect.signature(C.__init__)),
            "(self, a: int, b: list = <factory>, c: 'str' = 'x', *, d: float = 1.0, e: "
            'dataclasses.InitVar[int] = 0) -> None')
        self.assertEqual(
            C.__doc__,
            "C(a: int, b: list = <factory>, c: 'str' = 'x', *, d: float = 1.0, e: "
            'dataclasses.InitVar[int] = 0)')
        self.assertEqual(repr(C.__init__.__defaults__), "(<factory>, 'x')")
        self.assertEqual(C.__init__.__kwdefaults__, {'d': 1.0, 'e': 0})
        self.assertEqual(
            C.__repr__.__qualname__,
            'MoreDataclassTests.test_signatures_and_docs.<locals>.C.__repr__')
        self.assertEqual(
            C.__eq__.__qualname__,
            'MoreDataclassTests.test_signatures_and_docs.<locals>.C.__eq__')
        self.assertEqual(C.__init__.__module__, __name__)
        self.assertEqual(
            repr(fields(C)[1]).split(',')[3:],
            ["default_factory=<class 'list'>",
             'init=True',
             'repr=True',
             'hash=None',
             'compare=True',
             'metadata=mappingproxy({})',
             'kw_only=False',
             '_field_type=_FIELD)'])
        @dataclass(frozen=True)
        class F:
            x: int
        self.assertEqual(
            F.__setattr__.__qualname__,
            'MoreDataclassTests.test_signatures_and_docs.<locals>.F.__setattr__')
        self.assertEqual(str(inspect.signature(F.__setattr__)), '(self, name, value)')

    def test_future_annotations(self):
        import types as _types
        mod = _types.ModuleType('dc_future_mod')
        sys.modules['dc_future_mod'] = mod
        source = textwrap.dedent('''
            from __future__ import annotations
            from dataclasses import dataclass, field
            import typing
            @dataclass
            class Item:
                name: str
                tags: list[str] = field(default_factory=list)
                parent: Item | None = None
                cv: typing.ClassVar[int] = 3
            ''')
        exec(source, mod.__dict__)
        Item = mod.Item
        self.assertEqual(
            Item.__annotations__,
            {'cv': 'typing.ClassVar[int]',
             'name': 'str',
             'parent': 'Item | None',
             'tags': 'list[str]'})
        self.assertEqual([f.name for f in fields(Item)], ['name', 'tags', 'parent'])
        self.assertEqual([f.type for f in fields(Item)], ['str', 'list[str]', 'Item | None'])
        self.assertEqual(
            repr(typing.get_type_hints(Item)),
            "{'name': <class 'str'>, 'tags': list[str], 'parent': dc_future_mod.Item | "
            "None, 'cv': typing.ClassVar[int]}")
        self.assertEqual(repr(Item('a')), "Item(name='a', tags=[], parent=None)")
        del sys.modules['dc_future_mod']

    def test_slots_pickle_copy(self):
        @dataclass(slots=True)
        class S:
            a: int = 1
            b: list = field(default_factory=list)
        self.assertEqual(
            repr(S()),
            'MoreDataclassTests.test_slots_pickle_copy.<locals>.S(a=1, b=[])')
        self.assertEqual(repr(S.a), "<member 'a' of 'S' objects>")
        self.assertEqual(copy.deepcopy(S(2, [1])), S(2, [1]))

    def test_total_ordering_and_property(self):
        import functools
        @functools.total_ordering
        @dataclass(eq=True)
        class O:
            a: int
            def __lt__(self, other):
                return self.a < other.a
        self.assertEqual((O(1) <= O(2), O(3) >= O(2), O(1) > O(0)), (True, True, True))
        @dataclass
        class WithProp:
            _x: int = 0
            @property
            def x(self):
                return self._x
        self.assertEqual(WithProp(5).x, 5)
        self.assertEqual(
            repr(WithProp(5)),
            'MoreDataclassTests.test_total_ordering_and_property.<locals>.WithProp(_x=5)')

    def test_generic_dataclass(self):
        T = typing.TypeVar('T')
        @dataclass
        class Gen(typing.Generic[T]):
            v: T
        self.assertEqual(
            repr(Gen(1)),
            'MoreDataclassTests.test_generic_dataclass.<locals>.Gen(v=1)')
        self.assertEqual(
            repr(Gen[int](2)),
            'MoreDataclassTests.test_generic_dataclass.<locals>.Gen(v=2)')
        self.assertEqual(repr(typing.get_type_hints(Gen)), "{'v': ~T}")

    def test_init_subclass_and_explicit_hash(self):
        @dataclass
        class Abs:
            x: int
            def __init_subclass__(cls, **kw):
                cls.sub = True
        @dataclass
        class AbsSub(Abs):
            y: int = 0
        self.assertEqual(
            repr((AbsSub(1), AbsSub.sub)),
            '(MoreDataclassTests.test_init_subclass_and_explicit_hash.<locals>.AbsSub('
            'x=1, y=0), True)')
        @dataclass
        class Hashy:
            x: int
            __hash__ = object.__hash__
        self.assertIs(Hashy.__hash__, object.__hash__)
        @dataclass(frozen=True)
        class FH:
            x: list
        with self.assertRaises(TypeError) as cm:
            hash(FH([1]))
        self.assertEqual(str(cm.exception), "unhashable type: 'list'")
        self.assertEqual(asdict(FH([1, (2, 3)])), {'x': [1, (2, 3)]})


class AssortedDataclassTests(unittest.TestCase):

    def test_assorted_behaviours(self):
        import enum
        import math
        class Kind(enum.Enum):
            A = 1
        @dataclass
        class WithEnum:
            k: Kind
            items: dict = field(default_factory=dict)
        self.assertEqual(
            repr(asdict(WithEnum(Kind.A, {'x': [Kind.A]}))),
            "{'k': <Kind.A: 1>, 'items': {'x': [<Kind.A: 1>]}}")
        self.assertEqual(repr(astuple(WithEnum(Kind.A))), '(<Kind.A: 1>, {})')
        @dataclass
        class Ctor:
            a: int
            @classmethod
            def parse(cls, s):
                return cls(int(s))
            @staticmethod
            def helper():
                return 'h'
        self.assertEqual(
            repr((Ctor.parse('5'), Ctor.helper())),
            "(AssortedDataclassTests.test_assorted_behaviours.<locals>.Ctor(a=5), 'h')")
        @dataclass(slots=True)
        class SP:
            a: int
            b: int = field(init=False)
            def __post_init__(self):
                self.b = self.a * 2
        self.assertEqual(
            repr(SP(3)),
            'AssortedDataclassTests.test_assorted_behaviours.<locals>.SP(a=3, b=6)')
        self.assertEqual(
            repr(replace(SP(3), a=4)),
            'AssortedDataclassTests.test_assorted_behaviours.<locals>.SP(a=4, b=8)')
        nan = float('nan')
        @dataclass
        class N:
            x: float
        self.assertEqual(repr(N(nan) == N(nan)), 'False')
        self.assertEqual(repr(N(float('nan')) == N(float('nan'))), 'False')
        @dataclass
        class Missing:
            a: int = field(init=False)
        with self.assertRaises(AttributeError) as cm:
            repr(Missing())
        self.assertEqual(str(cm.exception), "'Missing' object has no attribute 'a'")
        @dataclass
        class B1:
            x: int
            scale: InitVar[int] = 1
            def __post_init__(self, scale):
                self.x *= scale
        @dataclass
        class B2(B1):
            y: int = 0
        self.assertEqual(
            repr(B2(2, 3, 4)),
            'AssortedDataclassTests.test_assorted_behaviours.<locals>.B2(x=6, y=4)')
        self.assertEqual(repr([f.name for f in fields(B2)]), "['x', 'y']")
        @dataclass
        class K1:
            _: KW_ONLY
            flag: bool = False
        @dataclass
        class K2(K1):
            pos: int = 0
        self.assertEqual(
            repr(K2(5, flag=True)),
            'AssortedDataclassTests.test_assorted_behaviours.<locals>.K2(flag=True, pos=5)')
        self.assertEqual(
            repr([(f.name, f.kw_only) for f in fields(K2)]),
            "[('flag', True), ('pos', False)]")
        M = dataclasses.make_dataclass('M', [('a', int)], init=False, repr=False, eq=False)
        self.assertEqual(repr(M.__init__ is object.__init__), 'True')
        self.assertEqual(repr(M.__repr__ is object.__repr__), 'True')
        self.assertEqual(repr(M.__eq__ is object.__eq__), 'True')
        self.assertEqual(
            repr(dataclasses.make_dataclass('P', ['x', ('y', int, field(default=2))])(1)),
            'P(x=1, y=2)')
        @dataclass
        class Shadow:
            x: int = field(default=1)
        self.assertEqual(repr(Shadow.x), '1')
        self.assertEqual(repr(Shadow.__dataclass_fields__['x'].default), '1')
        @dataclass
        class Q:
            x: typing.List[int] = field(default_factory=lambda: [1, 2])
            y: typing.Optional[str] = None
        self.assertEqual(
            repr(Q()),
            'AssortedDataclassTests.test_assorted_behaviours.<locals>.Q(x=[1, 2], y=None)')
        self.assertEqual(
            repr([f.type for f in fields(Q)]),
            '[typing.List[int], typing.Optional[str]]')
        self.assertEqual(repr(dataclasses.fields(Q)[0].default_factory()), '[1, 2]')
        @dataclass(order=True)
        class Ord:
            a: int
            b: str = field(compare=False, default='')
        self.assertEqual(
            repr(sorted([Ord(2, 'x'), Ord(1, 'z'), Ord(2, 'a')])),
            "[AssortedDataclassTests.test_assorted_behaviours.<locals>.Ord(a=1, b='z'), "
            "AssortedDataclassTests.test_assorted_behaviours.<locals>.Ord(a=2, b='x'), "
            "AssortedDataclassTests.test_assorted_behaviours.<locals>.Ord(a=2, b='a')]")
        self.assertEqual(repr(Ord(1) < Ord(1)), 'False')
        self.assertEqual(repr(Ord(1) == Ord(1, 'q')), 'True')
        self.assertEqual(repr(Ord.__lt__.__doc__), 'None')
        @dataclass
        class Empty:
            pass
        self.assertEqual(
            repr((Empty(), Empty() == Empty(), fields(Empty), asdict(Empty()))),
            '(AssortedDataclassTests.test_assorted_behaviours.<locals>.Empty(), True, (), {})')
        @dataclass(frozen=True)
        class FE:
            pass
        self.assertEqual(repr(hash(FE()) == hash(())), 'True')
        @dataclass
        class Self_:
            self: int
        self.assertEqual(
            repr(Self_(self=1)),
            'AssortedDataclassTests.test_assorted_behaviours.<locals>.Self_(self=1)')
        @dataclass
        class Builtins:
            object: int = 0
            type: str = 'a'
        self.assertEqual(
            repr(Builtins(1, 'b')),
            'AssortedDataclassTests.test_assorted_behaviours.<locals>.Builtins(object=1,'
            " type='b')")
        @dataclass
        class WithDoc:
            """My doc."""
            x: int
        self.assertEqual(repr(WithDoc.__doc__), "'My doc.'")
        self.assertEqual(
            repr(dataclasses.astuple(WithEnum(Kind.A, {'k': (1, 2)}), tuple_factory=tuple)),
            "(<Kind.A: 1>, {'k': (1, 2)})")
        self.assertEqual(
            repr(dataclasses.asdict(Q(), dict_factory=collections.OrderedDict)),
            "OrderedDict({'x': [1, 2], 'y': None})")
        self.assertEqual(repr(type(fields(Q)[0]).__name__), "'Field'")
        self.assertEqual(
            repr(dataclasses.Field.__slots__),
            "('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init', "
            "'compare', 'metadata', 'kw_only', '_field_type')")
        self.assertEqual(
            repr(dataclasses.__all__),
            "['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', "
            "'KW_ONLY', 'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', "
            "'replace', 'is_dataclass']")
        class Weird:
            def __eq__(self, other):
                return 'weird'
        @dataclass
        class W2:
            a: int
            w: object
        self.assertEqual(repr(W2(1, Weird()) == W2(1, Weird())), "'weird'")
        self.assertEqual(repr(W2(1, Weird()) == W2(2, Weird())), 'False')
        self.assertEqual(repr(W2(1, Weird()) != W2(1, Weird())), 'False')

    def test_string_annotations_resolved_in_module(self):
        import types as _types
        mod = _types.ModuleType('dc_strings_mod')
        sys.modules['dc_strings_mod'] = mod
        source = textwrap.dedent('''
            from __future__ import annotations
            import dataclasses as dc
            import typing as t
            from typing import ClassVar
            from dataclasses import dataclass, InitVar, KW_ONLY
            @dataclass
            class A:
                a: int
                b: ClassVar[int] = 1
                c: t.ClassVar[str] = 'c'
                d: InitVar[int] = 0
                e: dc.InitVar[int] = 0
                _: KW_ONLY
                f: int = 5
            @dataclass
            class B:
                x: dc.KW_ONLY
                y: int = 0
                z: typing.ClassVar[int] = 0
                w: Missing[int] = 0
            ''')
        exec(source, mod.__dict__)
        self.assertEqual(
            repr([(f.name, f._field_type) for f in fields(mod.A)]),
            "[('a', _FIELD), ('f', _FIELD)]")
        self.assertEqual(
            [f.name for f in mod.A.__dataclass_fields__.values() if f._field_type is not None],
            ['a', 'b', 'c', 'd', 'e', 'f'])
        self.assertEqual(repr(mod.A(1, 2, 3, f=6)), 'A(a=1, f=6)')
        self.assertEqual(
            [(f.name, f.kw_only) for f in fields(mod.B)],
            [('y', True), ('z', True), ('w', True)])
        self.assertEqual(repr(mod.B(y=1)), 'B(y=1, z=0, w=0)')
        del sys.modules['dc_strings_mod']


class MoreErrorTests(unittest.TestCase):

    def test_edge_cases_and_errors(self):
        @dataclass
        class R:
            x: int
            k: InitVar[int]
            def __post_init__(self, k):
                pass
        with self.assertRaises(TypeError) as cm:
            replace(R(1, 2), x=3)
        self.assertEqual(str(cm.exception), "InitVar 'k' must be specified with replace()")
        with self.assertRaises(ValueError) as cm:
            field(default=1, default_factory=list)
        self.assertEqual(str(cm.exception), 'cannot specify both default and default_factory')
        namespace = {'__annotations__': {'a': int}, '__setattr__': lambda s, n, v: None}
        with self.assertRaises(TypeError) as cm:
            dataclass(init=False, frozen=True)(type('X', (), namespace))
        self.assertEqual(str(cm.exception), 'Cannot overwrite attribute __setattr__ in class X')
        def mk():
            @dataclass(frozen=True)
            class F:
                x: int
                def __setattr__(self, n, v):
                    pass
        with self.assertRaises(TypeError) as cm:
            mk()
        self.assertEqual(str(cm.exception), 'Cannot overwrite attribute __setattr__ in class F')
        def mk2():
            @dataclass
            class C:
                x: int = field(default=1, kw_only=True)
                y: int
            return C
        self.assertEqual(
            repr(mk2()(y=2)),
            'MoreErrorTests.test_edge_cases_and_errors.<locals>.mk2.<locals>.C(x=1, y=2)')
        def mk3():
            @dataclass
            class C:
                x: 'ClassVar[int]' = 1
            return [f.name for f in fields(C)]
        self.assertEqual(repr(mk3()), '[]')
        def mk4():
            @dataclass
            class C:
                x: 'dataclasses.InitVar[int]' = 1
            return [f.name for f in fields(C)]
        self.assertEqual(repr(mk4()), '[]')
        def mk5():
            @dataclass
            class C:
                x: dataclasses.KW_ONLY
                y: int = 0
            return C(y=1)
        self.assertEqual(
            repr(mk5()),
            'MoreErrorTests.test_edge_cases_and_errors.<locals>.mk5.<locals>.C(y=1)')
        def mk6():
            @dataclass
            class C:
                x: int = field()
                y: int = field(default=2, init=False, repr=False)
            return C(1)
        self.assertEqual(
            repr(mk6()),
            'MoreErrorTests.test_edge_cases_and_errors.<locals>.mk6.<locals>.C(x=1)')
        def mk7():
            @dataclass(match_args=True, kw_only=True)
            class C:
                x: int
            return C.__match_args__
        self.assertEqual(repr(mk7()), '()')
        def mk8():
            @dataclass
            class C:
                x: list = field(default_factory=list, init=False)
            c = C()
            return (c, replace(c))
        self.assertEqual(
            repr(mk8()),
            '(MoreErrorTests.test_edge_cases_and_errors.<locals>.mk8.<locals>.C(x=[]), '
            'MoreErrorTests.test_edge_cases_and_errors.<locals>.mk8.<locals>.C(x=[]))')
        def mk9():
            @dataclass
            class C:
                a: int
                def __eq__(self, o):
                    return 'custom'
            return C(1) == C(2)
        self.assertEqual(repr(mk9()), "'custom'")
        def mk10():
            @dataclass(eq=False, order=True)
            class C:
                a: int
        with self.assertRaises(ValueError) as cm:
            mk10()
        self.assertEqual(str(cm.exception), 'eq must be true if order is true')
        def mk11():
            @dataclass
            class A:
                a: int
            @dataclass(frozen=True)
            class B:
                b: int
            class C(A, B): pass
            return dataclass(C)
        with self.assertRaises(TypeError) as cm:
            mk11()
        self.assertEqual(
            str(cm.exception),
            'cannot inherit non-frozen dataclass from a frozen one')
        self.assertEqual(
            repr(dataclasses.field(default=1, metadata={'a': 1}).metadata),
            "mappingproxy({'a': 1})")
        self.assertEqual(repr(dataclasses.field(metadata=None).metadata), 'mappingproxy({})')


class SlotsMoreTests(unittest.TestCase):

    def test_slots_details(self):
        import pickle
        @dataclass
        class Base:
            def hello(self):
                return 'base'
        @dataclass(slots=True)
        class S(Base):
            x: int = 0
            def hello(self):
                return 'S+' + super().hello()
        self.assertEqual(repr(S.__qualname__), "'SlotsMoreTests.test_slots_details.<locals>.S'")
        self.assertEqual(repr(S().__class__ is S), 'True')
        @dataclass(slots=True)
        class P:
            x: int
            @property
            def double(self):
                return self.x * 2
        self.assertEqual(repr(P(2).double), '4')
        @dataclass(slots=True, frozen=True)
        class FS:
            x: int
            def __post_init__(self):
                object.__setattr__(self, 'x', self.x + 1)
        self.assertEqual(repr(FS(1)), 'SlotsMoreTests.test_slots_details.<locals>.FS(x=2)')
        @dataclass(slots=True)
        class D:
            x: int
            y: list = field(default_factory=list)
        self.assertEqual(repr(D.__match_args__), "('x', 'y')")
        self.assertEqual(repr(D(1).__slots__), "('x', 'y')")
        self.assertEqual(repr('__dict__' in D.__dict__), 'False')
        self.assertEqual(repr(getattr(D, '__weakref__', 'nope')), "'nope'")


if __name__ == '__main__':
    unittest.main()
