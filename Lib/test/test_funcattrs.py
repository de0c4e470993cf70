"""Function objects: attributes, argument binding errors, methods, classmethod/staticmethod."""

import unittest


def plain(a, b=2, *args, c, d=4, **kw):
    "plain docstring"
    return a, b, args, c, d, kw


class FunctionAttributeTests(unittest.TestCase):
    def test_names(self):
        def f():
            pass

        self.assertEqual(f.__name__, "f")
        self.assertEqual(f.__qualname__,
                         "FunctionAttributeTests.test_names.<locals>.f")
        f.__name__ = "g"
        self.assertEqual(f.__name__, "g")
        f.__qualname__ = "G"
        self.assertEqual(f.__qualname__, "G")
        with self.assertRaises(TypeError):
            f.__name__ = 1
        with self.assertRaises(TypeError):
            f.__qualname__ = None

    def test_module_and_globals(self):
        self.assertEqual(plain.__module__, __name__)
        self.assertIs(plain.__globals__, globals())
        with self.assertRaises(AttributeError):
            plain.__globals__ = {}

    def test_doc(self):
        self.assertEqual(plain.__doc__, "plain docstring")

        def nodoc():
            pass

        self.assertIsNone(nodoc.__doc__)
        nodoc.__doc__ = "set"
        self.assertEqual(nodoc.__doc__, "set")

    def test_defaults(self):
        self.assertEqual(plain.__defaults__, (2,))
        self.assertEqual(plain.__kwdefaults__, {"d": 4})

        def f(x=1):
            return x

        f.__defaults__ = (10,)
        self.assertEqual(f(), 10)
        f.__defaults__ = None
        with self.assertRaises(TypeError):
            f()
        with self.assertRaises(TypeError):
            f.__defaults__ = [1]
        del f.__defaults__
        self.assertIsNone(f.__defaults__)

    def test_kwdefaults(self):
        def f(*, k=1):
            return k

        f.__kwdefaults__ = {"k": 5}
        self.assertEqual(f(), 5)
        with self.assertRaises(TypeError):
            f.__kwdefaults__ = 1

    def test_code(self):
        def f():
            return 1

        def g():
            return 2

        self.assertEqual(f.__code__.co_name, "f")
        f.__code__ = g.__code__
        self.assertEqual(f(), 2)
        with self.assertRaises(TypeError):
            f.__code__ = None

    def test_code_with_wrong_free_vars(self):
        x = 1

        def closure():
            return x

        def no_closure():
            return 0

        with self.assertRaises(ValueError):
            no_closure.__code__ = closure.__code__

    def test_dict(self):
        def f():
            pass

        f.attr = 3
        self.assertEqual(f.__dict__, {"attr": 3})
        f.__dict__ = {"other": 4}
        self.assertEqual(f.other, 4)
        with self.assertRaises(TypeError):
            f.__dict__ = None
        with self.assertRaises(AttributeError):
            f.missing

    def test_annotations(self):
        def f(a: int, b: "str" = "") -> list:
            pass

        self.assertEqual(f.__annotations__, {"a": int, "b": "str", "return": list})

        def g():
            pass

        self.assertEqual(g.__annotations__, {})
        g.__annotations__ = {"x": 1}
        self.assertEqual(g.__annotations__, {"x": 1})
        with self.assertRaises(TypeError):
            g.__annotations__ = 1

    def test_closure_attribute(self):
        y = 5

        def f():
            return y

        self.assertIsNone(plain.__closure__)
        self.assertEqual(len(f.__closure__), 1)
        self.assertEqual(f.__closure__[0].cell_contents, 5)
        with self.assertRaises(AttributeError):
            f.__closure__ = None

    def test_type_params(self):
        self.assertEqual(plain.__type_params__, ())

    def test_repr(self):
        r = repr(plain)
        self.assertTrue(r.startswith("<function plain at 0x"), r)

    def test_builtins(self):
        self.assertIs(plain.__builtins__["len"], len)


class ArgumentBindingTests(unittest.TestCase):
    def test_binding(self):
        self.assertEqual(plain(1, c=3), (1, 2, (), 3, 4, {}))
        self.assertEqual(plain(1, 5, 6, 7, c=3, d=8, e=9),
                         (1, 5, (6, 7), 3, 8, {"e": 9}))

    def check_message(self, func, message, *args, **kwargs):
        with self.assertRaises(TypeError) as cm:
            func(*args, **kwargs)
        self.assertEqual(str(cm.exception), message)

    def test_missing_positional(self):
        def f(x, y, z):
            pass

        self.check_message(f, "ArgumentBindingTests.test_missing_positional.<locals>.f() "
                              "missing 1 required positional argument: 'z'", 1, 2)
        self.check_message(f, "ArgumentBindingTests.test_missing_positional.<locals>.f() "
                              "missing 2 required positional arguments: 'y' and 'z'", 1)
        self.check_message(f, "ArgumentBindingTests.test_missing_positional.<locals>.f() "
                              "missing 3 required positional arguments: 'x', 'y', and 'z'")

    def test_missing_keyword_only(self):
        def f(*, k):
            pass

        self.check_message(f, "ArgumentBindingTests.test_missing_keyword_only.<locals>.f() "
                              "missing 1 required keyword-only argument: 'k'")

    def test_too_many_positional(self):
        def f(a, b):
            pass

        def g(a, b=1):
            pass

        def h(a, *, k):
            pass

        self.check_message(f, "ArgumentBindingTests.test_too_many_positional.<locals>.f() "
                              "takes 2 positional arguments but 3 were given", 1, 2, 3)
        self.check_message(g, "ArgumentBindingTests.test_too_many_positional.<locals>.g() "
                              "takes from 1 to 2 positional arguments but 3 were given",
                           1, 2, 3)
        self.check_message(h, "ArgumentBindingTests.test_too_many_positional.<locals>.h() "
                              "takes 1 positional argument but 2 positional arguments "
                              "(and 1 keyword-only argument) were given", 1, 2, k=3)

    def test_unexpected_keyword(self):
        def f(a):
            pass

        self.check_message(f, "ArgumentBindingTests.test_unexpected_keyword.<locals>.f() "
                              "got an unexpected keyword argument 'z'", 1, z=2)

    def test_multiple_values(self):
        def f(a):
            pass

        self.check_message(f, "ArgumentBindingTests.test_multiple_values.<locals>.f() "
                              "got multiple values for argument 'a'", 1, a=2)

    def test_positional_only(self):
        def f(a, /, b):
            return a, b

        self.assertEqual(f(1, b=2), (1, 2))
        self.check_message(f, "ArgumentBindingTests.test_positional_only.<locals>.f() "
                              "got some positional-only arguments passed as keyword "
                              "arguments: 'a'", a=1, b=2)

        def g(a, /, **kw):
            return a, kw

        self.assertEqual(g(1, a=2), (1, {"a": 2}))

    def test_star_args_errors(self):
        def f(*args, **kw):
            return args, kw

        self.assertEqual(f(*[1, 2], **{"x": 3}), ((1, 2), {"x": 3}))
        with self.assertRaises(TypeError):
            f(*1)
        with self.assertRaises(TypeError):
            f(**1)
        with self.assertRaises(TypeError) as cm:
            f(**{"a": 1}, **{"a": 2})
        self.assertIn("got multiple values for keyword argument 'a'", str(cm.exception))

    def test_deep_recursion_raises(self):
        def down(n):
            return down(n + 1)

        with self.assertRaises(RecursionError):
            down(0)


class MethodTests(unittest.TestCase):
    def test_bound_method(self):
        class C:
            def m(self, x):
                return self, x

        c = C()
        bound = c.m
        self.assertIs(bound.__self__, c)
        self.assertIs(bound.__func__, C.m)
        self.assertEqual(bound(1), (c, 1))
        self.assertEqual(c.m, c.m)
        self.assertEqual(hash(c.m), hash(c.m))
        self.assertNotEqual(c.m, C().m)
        self.assertTrue(repr(bound).startswith("<bound method MethodTests.test_bound_method."
                                               "<locals>.C.m of "))

    def test_method_attribute_forwarding(self):
        class C:
            def m(self):
                pass

        C.m.tag = "t"
        self.assertEqual(C().m.tag, "t")
        self.assertEqual(C().m.__name__, "m")
        with self.assertRaises(AttributeError):
            C().m.tag = "u"

    def test_classmethod(self):
        class C:
            @classmethod
            def make(cls, x):
                return cls, x

        class D(C):
            pass

        self.assertEqual(C.make(1), (C, 1))
        self.assertEqual(D().make(2), (D, 2))
        cm = C.__dict__["make"]
        self.assertIsInstance(cm, classmethod)
        self.assertIs(cm.__func__, cm.__wrapped__)
        self.assertEqual(cm.__name__, "make")
        self.assertFalse(cm.__isabstractmethod__)
        self.assertTrue(repr(cm).startswith("<classmethod("))

    def test_staticmethod(self):
        class C:
            @staticmethod
            def s(x):
                return x * 2

        self.assertEqual(C.s(2), 4)
        self.assertEqual(C().s(3), 6)
        sm = C.__dict__["s"]
        self.assertEqual(sm(4), 8)
        self.assertEqual(sm.__name__, "s")
        self.assertTrue(repr(sm).startswith("<staticmethod("))

    def test_wrapper_copies_function_attributes(self):
        def f(x: int) -> str:
            "doc of f"
        for wrapper in (classmethod, staticmethod):
            with self.subTest(wrapper=wrapper.__name__):
                w = wrapper(f)
                self.assertIs(w.__annotations__, f.__annotations__)
                self.assertEqual(w.__doc__, "doc of f")
                self.assertEqual(w.__qualname__, f.__qualname__)
                self.assertEqual(w.__module__, __name__)
        # A builtin has no __annotations__ to copy.
        self.assertNotIn("__annotations__", classmethod(len).__dict__)

    def test_function_get(self):
        def f(self):
            return self

        bound = f.__get__(5)
        self.assertEqual(bound(), 5)
        self.assertIs(f.__get__(None, int), f)


if __name__ == "__main__":
    unittest.main()
