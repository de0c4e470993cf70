"""Tests for class creation, the MRO, metaclasses and special methods."""

import unittest


class ClassCreationTests(unittest.TestCase):

    def test_basic_attributes(self):
        class A:
            """doc"""
            x = 1
        self.assertEqual(A.__name__, "A")
        self.assertEqual(A.__qualname__,
                         "ClassCreationTests.test_basic_attributes.<locals>.A")
        self.assertEqual(A.__module__, __name__)
        self.assertEqual(A.__doc__, "doc")
        self.assertIs(A.__base__, object)
        self.assertEqual(A.__bases__, (object,))
        self.assertEqual(A.__mro__, (A, object))
        self.assertEqual(A.x, 1)

    def test_no_docstring(self):
        class A:
            pass
        self.assertIsNone(A.__doc__)
        self.assertIn("__doc__", A.__dict__)

    def test_type_three_args(self):
        C = type("C", (), {"a": 5, "f": lambda self: self.a * 2})
        self.assertEqual(C().f(), 10)
        self.assertEqual(C.__name__, "C")
        self.assertIs(type(C), type)
        self.assertIs(type(C()), C)

    def test_type_one_arg(self):
        self.assertIs(type(1), int)
        self.assertIs(type("s"), str)
        with self.assertRaises(TypeError):
            type(1, 2)

    def test_mro_diamond(self):
        class A: pass
        class B(A): pass
        class C(A): pass
        class D(B, C): pass
        self.assertEqual(D.__mro__, (D, B, C, A, object))
        self.assertEqual(D.mro(), [D, B, C, A, object])

    def test_mro_conflict(self):
        class A: pass
        class B(A): pass
        with self.assertRaises(TypeError) as cm:
            class C(A, B): pass
        self.assertIn("Cannot create a consistent method resolution order (MRO)",
                      str(cm.exception))

    def test_duplicate_base(self):
        class A: pass
        with self.assertRaises(TypeError):
            class B(A, A): pass

    def test_layout_conflict(self):
        with self.assertRaises(TypeError) as cm:
            class C(int, str): pass
        self.assertEqual(str(cm.exception),
                         "multiple bases have instance lay-out conflict")

    def test_not_acceptable_base(self):
        with self.assertRaises(TypeError) as cm:
            class B(bool): pass
        self.assertEqual(str(cm.exception), "type 'bool' is not an acceptable base type")

    def test_subclasses(self):
        class A: pass
        class B(A): pass
        class C(A): pass
        self.assertEqual(set(A.__subclasses__()), {B, C})

    def test_qualname_assignment(self):
        class A: pass
        A.__qualname__ = "Other"
        self.assertEqual(A.__qualname__, "Other")
        A.__name__ = "Renamed"
        self.assertEqual(A.__name__, "Renamed")
        with self.assertRaises(TypeError):
            A.__name__ = 5

    def test_immutable_builtin(self):
        with self.assertRaises(TypeError):
            int.foo = 1
        with self.assertRaises(TypeError):
            setattr(list, "append", None)

    def test_class_attribute_update(self):
        class A:
            def f(self):
                return 1
        a = A()
        self.assertEqual(a.f(), 1)
        A.f = lambda self: 2
        self.assertEqual(a.f(), 2)
        del A.f
        with self.assertRaises(AttributeError):
            a.f

    def test_repr(self):
        class A: pass
        self.assertTrue(repr(A).startswith("<class '"))
        self.assertTrue(repr(A()).startswith("<" + __name__ + "."))
        self.assertEqual(repr(int), "<class 'int'>")
        self.assertEqual(repr(object), "<class 'object'>")


class MetaclassTests(unittest.TestCase):

    def test_metaclass_new_and_kwargs(self):
        class M(type):
            def __new__(mcls, name, bases, ns, **kw):
                ns["kw"] = kw
                return super().__new__(mcls, name, bases, ns)
        class A(metaclass=M, flag=True):
            pass
        self.assertEqual(A.kw, {"flag": True})
        self.assertIs(type(A), M)

        class B(A):
            pass
        self.assertIs(type(B), M)

    def test_metaclass_call(self):
        class M(type):
            def __call__(cls, *args):
                return ("called", args)
        class A(metaclass=M):
            pass
        self.assertEqual(A(1, 2), ("called", (1, 2)))

    def test_prepare(self):
        log = []
        class M(type):
            @classmethod
            def __prepare__(mcls, name, bases, **kw):
                log.append(name)
                return {"injected": 1}
        class A(metaclass=M):
            pass
        self.assertEqual(log, ["A"])
        self.assertEqual(A.injected, 1)

    def test_metaclass_conflict(self):
        class M1(type): pass
        class M2(type): pass
        class A(metaclass=M1): pass
        class B(metaclass=M2): pass
        with self.assertRaises(TypeError) as cm:
            class C(A, B): pass
        self.assertIn("metaclass conflict", str(cm.exception))

    def test_metaclass_attribute_lookup(self):
        class M(type):
            meta_attr = 42
            def meta_method(cls):
                return cls.__name__
        class A(metaclass=M):
            pass
        self.assertEqual(A.meta_attr, 42)
        self.assertEqual(A.meta_method(), "A")
        with self.assertRaises(AttributeError):
            A().meta_attr

    def test_custom_mro(self):
        class M(type):
            def mro(cls):
                return [cls, object]
        class A: pass
        class B(A, metaclass=M): pass
        self.assertEqual(B.__mro__, (B, object))


class InitSubclassTests(unittest.TestCase):

    def test_init_subclass(self):
        class Base:
            seen = []
            def __init_subclass__(cls, /, **kwargs):
                super().__init_subclass__()
                cls.kwargs = kwargs
                Base.seen.append(cls.__name__)
        class A(Base, tag="a"):
            pass
        class B(A):
            pass
        self.assertEqual(A.kwargs, {"tag": "a"})
        self.assertEqual(B.kwargs, {})
        self.assertEqual(Base.seen, ["A", "B"])

    def test_init_subclass_rejects_kwargs(self):
        with self.assertRaises(TypeError):
            class A(x=1):
                pass

    def test_set_name(self):
        class Descr:
            def __set_name__(self, owner, name):
                self.owner = owner
                self.name = name
        class A:
            d = Descr()
        self.assertIs(A.d.owner, A)
        self.assertEqual(A.d.name, "d")

    def test_class_getitem(self):
        class A:
            def __class_getitem__(cls, item):
                return (cls, item)
        self.assertEqual(A[int], (A, int))


class SlotsTests(unittest.TestCase):

    def test_slots(self):
        class A:
            __slots__ = ("a", "b")
        x = A()
        x.a = 1
        self.assertEqual(x.a, 1)
        with self.assertRaises(AttributeError):
            x.b
        with self.assertRaises(AttributeError):
            x.c = 3
        self.assertFalse(hasattr(x, "__dict__"))
        del x.a
        with self.assertRaises(AttributeError):
            x.a

    def test_slots_string(self):
        class A:
            __slots__ = "only"
        a = A()
        a.only = 5
        self.assertEqual(a.only, 5)

    def test_slots_dict_and_weakref(self):
        class A:
            __slots__ = ("x", "__dict__")
        a = A()
        a.x = 1
        a.y = 2
        self.assertEqual(a.__dict__, {"y": 2})

    def test_slots_conflict(self):
        with self.assertRaises(ValueError) as cm:
            class A:
                __slots__ = ("a",)
                a = 1
        self.assertEqual(str(cm.exception), "'a' in __slots__ conflicts with class variable")

    def test_private_slot_mangling(self):
        class A:
            __slots__ = ("__p",)
            def set(self, v):
                self.__p = v
            def get(self):
                return self.__p
        a = A()
        a.set(3)
        self.assertEqual(a.get(), 3)
        self.assertIn("_A__p", A.__dict__)

    def test_nonempty_slots_on_int(self):
        with self.assertRaises(TypeError):
            class A(int):
                __slots__ = ("x",)


class OperatorTests(unittest.TestCase):

    def test_binary_and_reflected(self):
        class V:
            def __init__(self, v):
                self.v = v
            def __add__(self, other):
                if isinstance(other, V):
                    return V(self.v + other.v)
                if isinstance(other, int):
                    return V(self.v + other)
                return NotImplemented
            def __radd__(self, other):
                return V(other + self.v)
            def __mul__(self, other):
                return V(self.v * other)
            __rmul__ = __mul__
            def __sub__(self, other):
                return V(self.v - other)
            def __rsub__(self, other):
                return V(other - self.v)
        self.assertEqual((V(1) + V(2)).v, 3)
        self.assertEqual((V(1) + 2).v, 3)
        self.assertEqual((2 + V(1)).v, 3)
        self.assertEqual((3 * V(2)).v, 6)
        self.assertEqual((10 - V(3)).v, 7)
        self.assertEqual((V(10) - 3).v, 7)
        with self.assertRaises(TypeError) as cm:
            V(1) + "x"
        self.assertEqual(str(cm.exception),
                         "unsupported operand type(s) for +: 'V' and 'str'")

    def test_subclass_reflected_priority(self):
        class A:
            def __add__(self, other):
                return "A.add"
            def __radd__(self, other):
                return "A.radd"
        class B(A):
            def __radd__(self, other):
                return "B.radd"
        self.assertEqual(A() + B(), "B.radd")
        self.assertEqual(B() + A(), "A.add")

    def test_inplace(self):
        class A:
            def __init__(self):
                self.log = []
            def __iadd__(self, other):
                self.log.append(other)
                return self
        a = A()
        b = a
        a += 1
        self.assertIs(a, b)
        self.assertEqual(a.log, [1])

        class B:
            def __add__(self, other):
                return "added"
        b = B()
        b += 1
        self.assertEqual(b, "added")

    def test_unary(self):
        class U:
            def __neg__(self): return "neg"
            def __pos__(self): return "pos"
            def __abs__(self): return "abs"
            def __invert__(self): return "inv"
        u = U()
        self.assertEqual((-u, +u, abs(u), ~u), ("neg", "pos", "abs", "inv"))
        with self.assertRaises(TypeError) as cm:
            -object()
        self.assertEqual(str(cm.exception), "bad operand type for unary -: 'object'")

    def test_pow(self):
        class P:
            def __pow__(self, other, mod=None):
                return ("pow", other, mod)
            def __rpow__(self, other):
                return ("rpow", other)
        self.assertEqual(P() ** 2, ("pow", 2, None))
        self.assertEqual(pow(P(), 2, 5), ("pow", 2, 5))
        self.assertEqual(2 ** P(), ("rpow", 2))

    def test_comparisons(self):
        class C:
            def __init__(self, v):
                self.v = v
            def __lt__(self, other):
                return self.v < other.v
            def __eq__(self, other):
                return self.v == other.v
        self.assertTrue(C(1) < C(2))
        self.assertTrue(C(2) > C(1))   # reflected __lt__
        self.assertTrue(C(1) == C(1))
        self.assertTrue(C(1) != C(2))  # default __ne__ inverts __eq__
        with self.assertRaises(TypeError) as cm:
            C(1) <= C(2)
        self.assertEqual(str(cm.exception),
                         "'<=' not supported between instances of 'C' and 'C'")

    def test_eq_default_identity(self):
        class A: pass
        a = A()
        self.assertTrue(a == a)
        self.assertFalse(a == A())
        self.assertTrue(a != A())

    def test_hash_rules(self):
        class A:
            def __eq__(self, other):
                return True
        self.assertIsNone(A.__hash__)
        with self.assertRaises(TypeError) as cm:
            hash(A())
        self.assertEqual(str(cm.exception), "unhashable type: 'A'")

        class B:
            def __eq__(self, other):
                return True
            def __hash__(self):
                return 7
        self.assertEqual(hash(B()), 7)

        class C:
            pass
        c = C()
        self.assertEqual(hash(c), hash(c))

        class D:
            def __hash__(self):
                return 2 ** 100
        self.assertIsInstance(hash(D()), int)

    def test_container_protocol(self):
        class Seq:
            def __init__(self):
                self.data = {}
            def __len__(self):
                return 3
            def __getitem__(self, i):
                if i >= 3:
                    raise IndexError(i)
                return i * 10
            def __setitem__(self, k, v):
                self.data[k] = v
            def __delitem__(self, k):
                del self.data[k]
        s = Seq()
        self.assertEqual(len(s), 3)
        self.assertEqual(s[1], 10)
        self.assertEqual(list(s), [0, 10, 20])
        self.assertIn(20, s)          # falls back to iteration
        self.assertNotIn(5, s)
        s["k"] = 1
        self.assertEqual(s.data, {"k": 1})
        del s["k"]
        self.assertEqual(s.data, {})

    def test_contains(self):
        class C:
            def __contains__(self, item):
                return item == 1
        self.assertIn(1, C())
        self.assertNotIn(2, C())

    def test_bool_and_len(self):
        class T:
            def __bool__(self):
                return False
        class L:
            def __len__(self):
                return 0
        class N:
            pass
        self.assertFalse(T())
        self.assertFalse(L())
        self.assertTrue(N())

        class Bad:
            def __bool__(self):
                return 1
        with self.assertRaises(TypeError) as cm:
            bool(Bad())
        self.assertEqual(str(cm.exception), "__bool__ should return bool, returned int")

        class NegLen:
            def __len__(self):
                return -1
        with self.assertRaises(ValueError):
            len(NegLen())

    def test_index_int_float(self):
        class I:
            def __index__(self):
                return 3
        self.assertEqual([0, 1, 2, 3, 4][I()], 3)
        self.assertEqual(int(I()), 3)
        self.assertEqual(bin(I()), "0b11")

        class F:
            def __float__(self):
                return 2.5
        self.assertEqual(float(F()), 2.5)

        class Int:
            def __int__(self):
                return 9
        self.assertEqual(int(Int()), 9)

    def test_call(self):
        class C:
            def __call__(self, *args, **kwargs):
                return args, kwargs
        self.assertEqual(C()(1, a=2), ((1,), {"a": 2}))
        with self.assertRaises(TypeError) as cm:
            object()()
        self.assertEqual(str(cm.exception), "'object' object is not callable")

    def test_iter_next(self):
        class Count:
            def __init__(self):
                self.i = 0
            def __iter__(self):
                return self
            def __next__(self):
                self.i += 1
                if self.i > 3:
                    raise StopIteration
                return self.i
        self.assertEqual(list(Count()), [1, 2, 3])

        class NotIter:
            __iter__ = None
        with self.assertRaises(TypeError):
            iter(NotIter())

    def test_str_repr_format(self):
        class S:
            def __str__(self):
                return "str!"
            def __repr__(self):
                return "repr!"
            def __format__(self, spec):
                return "fmt:" + spec
        s = S()
        self.assertEqual(str(s), "str!")
        self.assertEqual(repr(s), "repr!")
        self.assertEqual(format(s, "x"), "fmt:x")
        self.assertEqual(f"{s!r}", "repr!")

        class Bad:
            def __str__(self):
                return 1
        with self.assertRaises(TypeError) as cm:
            str(Bad())
        self.assertEqual(str(cm.exception), "__str__ returned non-string (type int)")

        class Plain:
            pass
        self.assertTrue(format(Plain(), "").startswith("<"))
        with self.assertRaises(TypeError):
            format(Plain(), "x")

    def test_del(self):
        log = []
        class D:
            def __del__(self):
                log.append("del")
        d = D()
        del d
        self.assertEqual(log, ["del"])

    def test_matmul(self):
        class M:
            def __matmul__(self, other):
                return "matmul"
            def __rmatmul__(self, other):
                return "rmatmul"
        self.assertEqual(M() @ 1, "matmul")
        self.assertEqual(1 @ M(), "rmatmul")


class InitNewTests(unittest.TestCase):

    def test_excess_args(self):
        class A:
            pass
        with self.assertRaises(TypeError) as cm:
            A(1)
        self.assertEqual(str(cm.exception), "A() takes no arguments")
        with self.assertRaises(TypeError):
            object(1)

    def test_init_returns_value(self):
        class A:
            def __init__(self):
                return 1
        with self.assertRaises(TypeError) as cm:
            A()
        self.assertEqual(str(cm.exception), "__init__() should return None, not 'int'")

    def test_new_staticmethod(self):
        class A:
            def __new__(cls, *args):
                obj = super().__new__(cls)
                obj.args = args
                return obj
        a = A(1, 2)
        self.assertEqual(a.args, (1, 2))
        self.assertIsInstance(A.__dict__["__new__"], staticmethod)

    def test_new_returns_other(self):
        class A:
            def __new__(cls):
                return 42
            def __init__(self):
                raise AssertionError("not called")
        self.assertEqual(A(), 42)

    def test_builtin_subclass(self):
        class MyList(list):
            def total(self):
                return sum(self)
        m = MyList([1, 2, 3])
        m.append(4)
        self.assertEqual(m.total(), 10)
        self.assertIsInstance(m, list)

        class MyInt(int):
            pass
        self.assertEqual(MyInt(5) + 1, 6)
        self.assertIs(type(MyInt(5)), MyInt)

        class MyDict(dict):
            def __missing__(self, key):
                return key * 2
        self.assertEqual(MyDict()[3], 6)


class ClassAssignmentTests(unittest.TestCase):

    def test_class_assignment(self):
        class A:
            def who(self):
                return "A"
        class B:
            def who(self):
                return "B"
        a = A()
        a.__class__ = B
        self.assertEqual(a.who(), "B")
        self.assertIs(type(a), B)

    def test_class_assignment_errors(self):
        class A: pass
        with self.assertRaises(TypeError):
            object().__class__ = A
        class S:
            __slots__ = ("x",)
        with self.assertRaises(TypeError) as cm:
            A().__class__ = S
        self.assertEqual(str(cm.exception),
                         "__class__ assignment: 'S' object layout differs from 'A'")


class AbstractTests(unittest.TestCase):

    def test_abstractmethods_flag(self):
        class A:
            pass
        A.__abstractmethods__ = frozenset({"f"})
        with self.assertRaises(TypeError) as cm:
            A()
        self.assertEqual(str(cm.exception),
                         "Can't instantiate abstract class A without an implementation for "
                         "abstract method 'f'")
        A.__abstractmethods__ = frozenset()
        A()


class AttributeCacheTests(unittest.TestCase):
    """Class attribute lookups go through a cache keyed by (type version, name); these
    check that it never answers with another class's, or an older, value."""

    def test_many_classes_and_names_keep_their_own_values(self):
        # Far more (class, name) pairs than one set of the cache holds: they must evict
        # each other without mixing values up.
        names = ["attr%d" % i for i in range(40)]
        classes = [type("C%d" % c, (), {n: (c, n) for n in names}) for c in range(60)]
        for _ in range(3):
            for c, cls in enumerate(classes):
                for n in names:
                    self.assertEqual(getattr(cls(), n), (c, n))

    def test_changes_are_seen_after_caching(self):
        classes = [type("D%d" % c, (), {"x": c, "y": -c}) for c in range(200)]
        for cls in classes:
            cls().x, cls().y
        for c, cls in enumerate(classes):
            if c % 2:
                cls.x = c * 10
            else:
                del cls.y
        for c, cls in enumerate(classes):
            self.assertEqual(cls().x, c * 10 if c % 2 else c)
            if c % 2:
                self.assertEqual(cls().y, -c)
            else:
                self.assertFalse(hasattr(cls(), "y"))

    def test_base_class_change_reaches_subclasses(self):
        class Base:
            def f(self):
                return "old"
        subs = [type("S%d" % i, (Base,), {}) for i in range(50)]
        self.assertEqual({s().f() for s in subs}, {"old"})
        Base.f = lambda self: "new"
        self.assertEqual({s().f() for s in subs}, {"new"})


if __name__ == "__main__":
    unittest.main()
