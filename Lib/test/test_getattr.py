"""Tests for getattr/setattr/delattr/hasattr and AttributeError details."""

import sys
import unittest


class GetattrTests(unittest.TestCase):

    def test_builtins(self):
        class A:
            pass
        a = A()
        setattr(a, "x", 1)
        self.assertEqual(getattr(a, "x"), 1)
        self.assertTrue(hasattr(a, "x"))
        delattr(a, "x")
        self.assertFalse(hasattr(a, "x"))
        self.assertEqual(getattr(a, "x", "default"), "default")

    def test_attribute_error_message(self):
        class Foo:
            pass
        f = Foo()
        with self.assertRaises(AttributeError) as cm:
            f.bar
        self.assertEqual(str(cm.exception), "'Foo' object has no attribute 'bar'")
        self.assertEqual(cm.exception.name, "bar")
        self.assertIs(cm.exception.obj, f)

    def test_type_attribute_error(self):
        class Foo:
            pass
        with self.assertRaises(AttributeError) as cm:
            Foo.bar
        self.assertEqual(str(cm.exception), "type object 'Foo' has no attribute 'bar'")

    def test_module_attribute_error(self):
        with self.assertRaises(AttributeError) as cm:
            sys.no_such_attribute
        self.assertEqual(str(cm.exception), "module 'sys' has no attribute "
                                            "'no_such_attribute'")

    def test_non_string_name(self):
        with self.assertRaises(TypeError):
            getattr(object(), 1)
        with self.assertRaises(TypeError):
            setattr(object(), 1, 2)

    def test_no_dict(self):
        with self.assertRaises(AttributeError) as cm:
            object().x = 1
        self.assertEqual(str(cm.exception),
                         "'object' object has no attribute 'x' and no __dict__ for setting "
                         "new attributes")

    def test_delete_missing(self):
        class A:
            pass
        with self.assertRaises(AttributeError):
            del A().missing

    def test_hasattr_propagates_other_errors(self):
        class A:
            @property
            def bad(self):
                raise ValueError("boom")
        with self.assertRaises(ValueError):
            hasattr(A(), "bad")

    def test_instance_dict(self):
        class A:
            pass
        a = A()
        a.x = 1
        self.assertEqual(a.__dict__, {"x": 1})
        a.__dict__ = {"y": 2}
        self.assertEqual(a.y, 2)
        with self.assertRaises(TypeError):
            a.__dict__ = 5

    def test_module_getattr(self):
        import types
        m = types.ModuleType("m")
        m.__getattr__ = lambda name: "dynamic " + name
        self.assertEqual(m.anything, "dynamic anything")
        m.__dir__ = lambda: ["z", "a"]
        self.assertEqual(dir(m), ["a", "z"])

    def test_module_repr(self):
        import types
        m = types.ModuleType("mymod")
        self.assertEqual(repr(m), "<module 'mymod'>")
        self.assertEqual(m.__name__, "mymod")
        self.assertIsNone(m.__doc__)

    # The repr of a built-in module comes from its __spec__.origin, set by the import system.
    @unittest.skipIf(getattr(sys, "__spec__", None) is None, "sys.__spec__ is not set")
    def test_builtin_module_repr(self):
        self.assertEqual(repr(sys), "<module 'sys' (built-in)>")


if __name__ == "__main__":
    unittest.main()
