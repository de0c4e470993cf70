"""Tests for the descriptor protocol and attribute access customisation."""

import unittest


class DescriptorProtocolTests(unittest.TestCase):

    def test_data_descriptor_beats_instance_dict(self):
        class D:
            def __get__(self, obj, owner):
                return "descr"
            def __set__(self, obj, value):
                obj.__dict__["stored"] = value
        class A:
            x = D()
        a = A()
        a.__dict__["x"] = "instance"
        self.assertEqual(a.x, "descr")
        a.x = 5
        self.assertEqual(a.stored, 5)

    def test_instance_dict_beats_non_data_descriptor(self):
        class ND:
            def __get__(self, obj, owner):
                return "descr"
        class A:
            x = ND()
        a = A()
        self.assertEqual(a.x, "descr")
        a.x = "instance"
        self.assertEqual(a.x, "instance")
        self.assertEqual(A.x, "descr")

    def test_get_receives_owner(self):
        class D:
            def __get__(self, obj, owner=None):
                return (obj, owner)
        class A:
            d = D()
        a = A()
        self.assertEqual(a.d, (a, A))
        self.assertEqual(A.d, (None, A))

    def test_delete(self):
        log = []
        class D:
            def __get__(self, obj, owner):
                return 1
            def __delete__(self, obj):
                log.append("deleted")
        class A:
            d = D()
        del A().d
        self.assertEqual(log, ["deleted"])

    def test_set_only_descriptor_is_data(self):
        class D:
            def __set__(self, obj, value):
                raise AttributeError("read-only")
        class A:
            d = D()
        with self.assertRaises(AttributeError):
            A().d = 1

    def test_method_binding(self):
        class A:
            def f(self):
                return self
        a = A()
        bound = a.f
        self.assertIs(bound.__self__, a)
        self.assertIs(bound.__func__, A.__dict__["f"])
        self.assertIs(bound(), a)
        self.assertIs(A.f, A.__dict__["f"])

    def test_builtin_method_descriptors(self):
        self.assertEqual(type(list.append).__name__, "method_descriptor")
        self.assertEqual(type([].append).__name__, "builtin_function_or_method")
        self.assertEqual(type(int.__add__).__name__, "wrapper_descriptor")
        self.assertEqual(type((1).__add__).__name__, "method-wrapper")
        self.assertEqual(type(dict.fromkeys).__name__, "builtin_function_or_method")
        self.assertEqual(type(dict.__dict__["fromkeys"]).__name__, "classmethod_descriptor")
        self.assertEqual(repr(list.append), "<method 'append' of 'list' objects>")
        self.assertEqual(repr(int.__add__), "<slot wrapper '__add__' of 'int' objects>")
        self.assertEqual(repr(len), "<built-in function len>")
        self.assertTrue(repr([].append).startswith("<built-in method append of list object at"))

    def test_unbound_builtin_call(self):
        lst = []
        list.append(lst, 1)
        self.assertEqual(lst, [1])
        self.assertEqual(int.__add__(1, 2), 3)
        self.assertEqual(list.__len__([1, 2]), 2)
        with self.assertRaises(TypeError):
            list.append((), 1)

    def test_qualname_of_builtins(self):
        self.assertEqual(list.append.__qualname__, "list.append")
        self.assertEqual([].append.__qualname__, "list.append")
        self.assertEqual(len.__qualname__, "len")
        self.assertEqual(len.__name__, "len")
        self.assertEqual(int.__add__.__qualname__, "int.__add__")

    def test_classmethod_staticmethod(self):
        class A:
            @classmethod
            def c(cls):
                return cls
            @staticmethod
            def s(x):
                return x * 2
        class B(A):
            pass
        self.assertIs(A.c(), A)
        self.assertIs(B.c(), B)
        self.assertIs(B().c(), B)
        self.assertEqual(A.s(2), 4)
        self.assertEqual(A().s(3), 6)

    def test_member_descriptor_from_slots(self):
        class A:
            __slots__ = ("x",)
        self.assertEqual(type(A.__dict__["x"]).__name__, "member_descriptor")
        a = A()
        A.__dict__["x"].__set__(a, 3)
        self.assertEqual(a.x, 3)

    def test_getset_descriptor(self):
        class A:
            pass
        d = A.__dict__["__dict__"]
        self.assertEqual(type(d).__name__, "getset_descriptor")
        a = A()
        a.q = 1
        self.assertEqual(d.__get__(a, A), {"q": 1})


class GetattrHookTests(unittest.TestCase):

    def test_getattr_fallback(self):
        class A:
            real = 1
            def __getattr__(self, name):
                return "virtual:" + name
        a = A()
        self.assertEqual(a.real, 1)
        self.assertEqual(a.other, "virtual:other")

    def test_getattribute(self):
        class A:
            def __getattribute__(self, name):
                if name == "magic":
                    return 42
                return object.__getattribute__(self, name)
        a = A()
        a.x = 1
        self.assertEqual(a.magic, 42)
        self.assertEqual(a.x, 1)

    def test_getattribute_and_getattr(self):
        class A:
            def __getattribute__(self, name):
                if name == "boom":
                    raise AttributeError(name)
                return object.__getattribute__(self, name)
            def __getattr__(self, name):
                return "fallback"
        self.assertEqual(A().boom, "fallback")

    def test_setattr_delattr(self):
        log = []
        class A:
            def __setattr__(self, name, value):
                log.append(("set", name, value))
                object.__setattr__(self, name, value)
            def __delattr__(self, name):
                log.append(("del", name))
                object.__delattr__(self, name)
        a = A()
        a.x = 1
        del a.x
        self.assertEqual(log, [("set", "x", 1), ("del", "x")])
        self.assertFalse(hasattr(a, "x"))

    def test_object_setattr_on_builtin(self):
        with self.assertRaises(AttributeError):
            object.__setattr__(1, "x", 2)

    def test_object_setattr_on_type_refused(self):
        class A:
            pass
        with self.assertRaises(TypeError) as cm:
            object.__setattr__(A, "x", 1)
        self.assertEqual(str(cm.exception), "can't apply this __setattr__ to type object")
        type.__setattr__(A, "x", 1)
        self.assertEqual(A.x, 1)

    def test_getattr_added_later(self):
        class A:
            pass
        a = A()
        with self.assertRaises(AttributeError):
            a.missing
        A.__getattr__ = lambda self, name: name
        self.assertEqual(a.missing, "missing")
        del A.__getattr__
        with self.assertRaises(AttributeError):
            a.missing

    def test_dunder_set_after_creation(self):
        class A:
            pass
        A.__len__ = lambda self: 5
        self.assertEqual(len(A()), 5)
        A.__add__ = lambda self, other: "added"
        self.assertEqual(A() + 1, "added")
        class B(A):
            pass
        self.assertEqual(len(B()), 5)
        A.__len__ = lambda self: 6
        self.assertEqual(len(B()), 6)


class DirTests(unittest.TestCase):

    def test_dir_instance(self):
        class A:
            cls_attr = 1
            def method(self):
                pass
        a = A()
        a.inst = 2
        d = dir(a)
        self.assertIn("cls_attr", d)
        self.assertIn("method", d)
        self.assertIn("inst", d)
        self.assertIn("__init__", d)
        self.assertEqual(d, sorted(d))

    def test_dir_class(self):
        class A:
            x = 1
        class B(A):
            y = 2
        d = dir(B)
        self.assertIn("x", d)
        self.assertIn("y", d)

    def test_custom_dir(self):
        class A:
            def __dir__(self):
                return ["b", "a"]
        self.assertEqual(dir(A()), ["a", "b"])


if __name__ == "__main__":
    unittest.main()
