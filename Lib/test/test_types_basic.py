"""Tests for isinstance/issubclass hooks, GenericAlias, X | Y unions and SimpleNamespace."""

import types
import unittest


class IsinstanceTests(unittest.TestCase):

    def test_tuples(self):
        self.assertTrue(isinstance(1, (str, int)))
        self.assertFalse(isinstance(1, (str, float)))
        self.assertTrue(isinstance(1, (str, (float, int))))
        self.assertTrue(issubclass(bool, (str, int)))

    def test_instancecheck_hook(self):
        class Meta(type):
            def __instancecheck__(cls, inst):
                return inst == "special"
            def __subclasscheck__(cls, sub):
                return sub is int
        class Magic(metaclass=Meta):
            pass
        self.assertTrue(isinstance("special", Magic))
        self.assertFalse(isinstance("other", Magic))
        self.assertTrue(issubclass(int, Magic))
        self.assertFalse(issubclass(str, Magic))

    def test_subclasshook_like(self):
        class Meta(type):
            def __subclasscheck__(cls, sub):
                return hasattr(sub, "quack")
        class Duck(metaclass=Meta):
            pass
        class Mallard:
            quack = True
        self.assertTrue(issubclass(Mallard, Duck))
        self.assertFalse(issubclass(int, Duck))

    def test_bad_arguments(self):
        with self.assertRaises(TypeError) as cm:
            isinstance(1, 2)
        self.assertEqual(str(cm.exception),
                         "isinstance() arg 2 must be a type, a tuple of types, or a union")
        with self.assertRaises(TypeError) as cm:
            issubclass(1, int)
        self.assertEqual(str(cm.exception), "issubclass() arg 1 must be a class")

    def test_class_attribute_override(self):
        class Proxy:
            @property
            def __class__(self):
                return int
        self.assertTrue(isinstance(Proxy(), int))


class GenericAliasTests(unittest.TestCase):

    def test_basics(self):
        a = list[int]
        self.assertIs(a.__origin__, list)
        self.assertEqual(a.__args__, (int,))
        self.assertEqual(a.__parameters__, ())
        self.assertEqual(repr(a), "list[int]")
        self.assertEqual(repr(dict[str, list[int]]), "dict[str, list[int]]")
        self.assertIs(type(a), types.GenericAlias)

    def test_equality_and_hash(self):
        self.assertEqual(list[int], list[int])
        self.assertNotEqual(list[int], list[str])
        self.assertEqual(hash(list[int]), hash(list[int]))

    def test_call_and_attributes(self):
        a = list[int]
        self.assertEqual(a([1, 2]), [1, 2])
        self.assertIs(a.append, list.append)

    def test_isinstance_rejected(self):
        with self.assertRaises(TypeError):
            isinstance([], list[int])

    def test_type_subscript(self):
        self.assertEqual(repr(type[int]), "type[int]")
        self.assertEqual(repr(tuple[int, ...]), "tuple[int, ...]")

    def test_not_subscriptable(self):
        with self.assertRaises(TypeError) as cm:
            int[str]
        self.assertEqual(str(cm.exception), "type 'int' is not subscriptable")
        with self.assertRaises(TypeError) as cm:
            (1)[0]
        self.assertEqual(str(cm.exception), "'int' object is not subscriptable")


class UnionTests(unittest.TestCase):

    def test_repr_and_args(self):
        u = int | str
        self.assertEqual(repr(u), "int | str")
        self.assertEqual(u.__args__, (int, str))
        self.assertEqual(repr(int | None), "int | None")
        self.assertIs(type(u), types.UnionType)

    def test_dedup_and_flatten(self):
        self.assertIs(int | int, int)
        self.assertEqual((int | str | int).__args__, (int, str))
        self.assertEqual(((int | str) | float).__args__, (int, str, float))

    def test_equality(self):
        self.assertEqual(int | str, str | int)
        self.assertEqual(hash(int | str), hash(str | int))

    def test_isinstance(self):
        self.assertTrue(isinstance(1, int | str))
        self.assertTrue(isinstance("a", int | str))
        self.assertFalse(isinstance(1.0, int | str))
        self.assertTrue(isinstance(None, int | None))
        self.assertTrue(issubclass(bool, int | str))

    def test_with_generic_alias(self):
        self.assertEqual(repr(list[int] | None), "list[int] | None")

    def test_unsupported(self):
        with self.assertRaises(TypeError):
            int | 3


class SimpleNamespaceTests(unittest.TestCase):

    def test_basic(self):
        ns = types.SimpleNamespace(a=1, b="x")
        self.assertEqual(ns.a, 1)
        ns.c = 3
        self.assertEqual(repr(ns), "namespace(a=1, b='x', c=3)")
        del ns.a
        self.assertFalse(hasattr(ns, "a"))

    def test_equality(self):
        self.assertEqual(types.SimpleNamespace(a=1), types.SimpleNamespace(a=1))
        self.assertNotEqual(types.SimpleNamespace(a=1), types.SimpleNamespace(a=2))

    def test_mapping_argument(self):
        ns = types.SimpleNamespace({"x": 1}, y=2)
        self.assertEqual((ns.x, ns.y), (1, 2))

    def test_recursive_repr(self):
        ns = types.SimpleNamespace()
        ns.me = ns
        self.assertEqual(repr(ns), "namespace(me=namespace(...))")


class MappingProxyTests(unittest.TestCase):

    def test_type_dict_is_readonly(self):
        class A:
            x = 1
        d = A.__dict__
        self.assertIs(type(d), types.MappingProxyType)
        self.assertEqual(d["x"], 1)
        self.assertIn("x", d)
        with self.assertRaises(TypeError):
            d["y"] = 2

    def test_proxy(self):
        base = {"a": 1}
        p = types.MappingProxyType(base)
        base["b"] = 2
        self.assertEqual(len(p), 2)
        self.assertEqual(p.get("b"), 2)
        self.assertEqual(p.get("c", 3), 3)
        self.assertEqual(sorted(p.keys()), ["a", "b"])
        self.assertEqual(repr(types.MappingProxyType({})), "mappingproxy({})")
        with self.assertRaises(TypeError):
            types.MappingProxyType([1])


class NoneNotImplementedTests(unittest.TestCase):

    def test_none(self):
        self.assertEqual(repr(None), "None")
        self.assertFalse(bool(None))
        self.assertIs(type(None)(), None)
        with self.assertRaises(TypeError):
            type(None)(1)

    def test_notimplemented(self):
        self.assertEqual(repr(NotImplemented), "NotImplemented")
        self.assertIs(type(NotImplemented)(), NotImplemented)


if __name__ == "__main__":
    unittest.main()
