"""Tests for super()."""

import unittest


class A:
    def f(self):
        return "A"

    @classmethod
    def cm(cls):
        return ("A", cls)


class B(A):
    def f(self):
        return "B" + super().f()

    @classmethod
    def cm(cls):
        return ("B",) + super().cm()


class C(A):
    def f(self):
        return "C" + super().f()


class D(B, C):
    def f(self):
        return "D" + super().f()


class SuperTests(unittest.TestCase):

    def test_zero_arg(self):
        self.assertEqual(B().f(), "BA")

    def test_cooperative_mro(self):
        self.assertEqual(D().f(), "DBCA")

    def test_two_arg(self):
        d = D()
        self.assertEqual(super(D, d).f(), "BCA")
        self.assertEqual(super(B, d).f(), "CA")
        self.assertEqual(super(C, d).f(), "A")

    def test_classmethod(self):
        self.assertEqual(B.cm(), ("B", "A", B))
        self.assertEqual(D.cm(), ("B", "A", D))

    def test_super_in_init(self):
        class Base:
            def __init__(self, x):
                self.x = x
        class Derived(Base):
            def __init__(self):
                super().__init__(5)
                self.y = 6
        d = Derived()
        self.assertEqual((d.x, d.y), (5, 6))

    def test_super_object_init(self):
        class A:
            def __init__(self):
                super().__init__()
        A()

    def test_super_new(self):
        class A:
            def __new__(cls):
                return super().__new__(cls)
        self.assertIsInstance(A(), A)

    def test_unbound_and_repr(self):
        s = super(B)
        self.assertEqual(repr(s), "<super: <class 'B'>, NULL>")
        b = B()
        self.assertEqual(repr(super(B, b)), "<super: <class 'B'>, <B object>>")
        self.assertIs(super(B, b).__self__, b)
        self.assertIs(super(B, b).__thisclass__, B)
        self.assertIs(super(B, b).__self_class__, B)

    def test_bad_second_argument(self):
        with self.assertRaises(TypeError) as cm:
            super(B, 1)
        self.assertEqual(str(cm.exception),
                         "super(type, obj): obj (instance of int) is not an instance or "
                         "subtype of type (B).")

    def test_first_argument_must_be_type(self):
        with self.assertRaises(TypeError):
            super(1, B())

    def test_missing_attribute(self):
        with self.assertRaises(AttributeError):
            super(B, B()).nonexistent

    def test_super_object_attributes_via_zero_arg(self):
        class X:
            def info(self):
                return super().__class__, super().__self__, super().__thisclass__
        x = X()
        self.assertEqual(X().info()[0], super)
        self.assertIs(x.info()[1], x)
        self.assertIs(x.info()[2], X)

    def test_class_cell(self):
        class X:
            def get_class(self):
                return __class__
        self.assertIs(X().get_class(), X)

    def test_super_property(self):
        class P:
            @property
            def p(self):
                return "P"
        class Q(P):
            @property
            def p(self):
                return "Q" + super().p
        self.assertEqual(Q().p, "QP")

    def test_super_builtin_subclass(self):
        class L(list):
            def append(self, x):
                super().append(x * 2)
        lst = L()
        lst.append(2)
        self.assertEqual(lst, [4])

    def test_super_dunder(self):
        class S(dict):
            def __getitem__(self, key):
                return super().__getitem__(key) + 1
        self.assertEqual(S(a=1)["a"], 2)


if __name__ == "__main__":
    unittest.main()
