"""Tests for the property descriptor."""

import unittest


class PropertyTests(unittest.TestCase):

    def test_getter_setter_deleter(self):
        class A:
            def __init__(self):
                self._x = 0
            @property
            def x(self):
                "the x"
                return self._x
            @x.setter
            def x(self, value):
                self._x = value * 2
            @x.deleter
            def x(self):
                self._x = None
        a = A()
        a.x = 3
        self.assertEqual(a.x, 6)
        del a.x
        self.assertIsNone(a.x)
        self.assertEqual(A.x.__doc__, "the x")
        self.assertIsInstance(A.x, property)

    def test_read_only(self):
        class A:
            @property
            def x(self):
                return 1
        with self.assertRaises(AttributeError) as cm:
            A().x = 2
        where = "'PropertyTests.test_read_only.<locals>.A' object"
        self.assertEqual(str(cm.exception), f"property 'x' of {where} has no setter")
        with self.assertRaises(AttributeError) as cm:
            del A().x
        self.assertEqual(str(cm.exception), f"property 'x' of {where} has no deleter")

    def test_no_getter(self):
        class A:
            x = property(None, lambda self, v: None)
        with self.assertRaises(AttributeError):
            A().x

    def test_explicit_doc(self):
        p = property(lambda self: 1, doc="explicit")
        self.assertEqual(p.__doc__, "explicit")
        self.assertIsNone(property().__doc__)

    def test_fget_fset_fdel_attributes(self):
        def g(self): return 1
        def s(self, v): pass
        p = property(g, s)
        self.assertIs(p.fget, g)
        self.assertIs(p.fset, s)
        self.assertIsNone(p.fdel)

    def test_class_access_returns_property(self):
        class A:
            @property
            def x(self):
                return 1
        self.assertIs(type(A.x), property)

    def test_subclass_property(self):
        class MyProp(property):
            pass
        class A:
            @MyProp
            def x(self):
                "doc"
                return 5
        self.assertEqual(A().x, 5)
        self.assertEqual(A.__dict__["x"].__doc__, "doc")

    def test_isabstractmethod(self):
        def f(self): pass
        f.__isabstractmethod__ = True
        self.assertTrue(property(f).__isabstractmethod__)
        self.assertFalse(property(lambda self: 1).__isabstractmethod__)

    def test_name(self):
        class A:
            @property
            def prop(self):
                return 1
        self.assertEqual(A.prop.__name__, "prop")

    def test_setter_copies(self):
        class A:
            @property
            def x(self):
                return 1
        p1 = A.__dict__["x"]
        p2 = p1.setter(lambda self, v: None)
        self.assertIsNot(p1, p2)
        self.assertIsNone(p1.fset)
        self.assertIs(p2.fget, p1.fget)


if __name__ == "__main__":
    unittest.main()
