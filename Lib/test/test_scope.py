"""Tests for name resolution: closures, global/nonlocal, class scopes, comprehensions."""

import unittest


class ClosureTests(unittest.TestCase):

    def test_simple_closure(self):
        def make_adder(n):
            def add(x):
                return x + n
            return add
        self.assertEqual(make_adder(3)(4), 7)
        self.assertEqual(make_adder(10)(-1), 9)

    def test_nested_three_levels(self):
        def f(x):
            def g(y):
                def h(z):
                    return x + y + z
                return h
            return g
        self.assertEqual(f(1)(2)(3), 6)

    def test_pass_through_free_variable(self):
        def f():
            x = "outer"
            def g():
                def h():
                    return x
                return h
            return g()()
        self.assertEqual(f(), "outer")

    def test_cell_sees_later_assignment(self):
        def f():
            def g():
                return x
            x = 1
            first = g()
            x = 2
            return first, g()
        self.assertEqual(f(), (1, 2))

    def test_closures_share_cell(self):
        def counter():
            count = 0
            def inc():
                nonlocal count
                count += 1
                return count
            def get():
                return count
            return inc, get
        inc, get = counter()
        inc()
        inc()
        self.assertEqual(get(), 2)

    def test_closure_in_loop_late_binding(self):
        fs = []
        for i in range(3):
            fs.append(lambda: i)
        self.assertEqual([f() for f in fs], [2, 2, 2])

    def test_unbound_free_variable(self):
        def f():
            def g():
                return x
            try:
                g()
            except NameError as exc:
                return exc
            x = 1
        exc = f()
        self.assertIsInstance(exc, NameError)
        self.assertIn("'x'", str(exc))

    def test_unbound_local(self):
        x = 1
        def f():
            print(x)
            x = 2
        with self.assertRaises(UnboundLocalError):
            f()

    def test_del_local(self):
        def f():
            x = 1
            del x
            return x
        with self.assertRaises(UnboundLocalError):
            f()

    def test_del_cell(self):
        def f():
            x = 1
            def g():
                return x
            del x
            return g
        with self.assertRaises(NameError):
            f()()

    def test_argument_captured(self):
        def f(a, *args, **kw):
            return lambda: (a, args, kw)
        self.assertEqual(f(1, 2, k=3)(), (1, (2,), {"k": 3}))

    def test_default_evaluated_at_definition(self):
        x = 1
        def f(a=x):
            return a
        x = 2
        self.assertEqual(f(), 1)

    def test_recursive_inner_function(self):
        def outer(n):
            def fact(k):
                return 1 if k <= 1 else k * fact(k - 1)
            return fact(n)
        self.assertEqual(outer(5), 120)


class GlobalNonlocalTests(unittest.TestCase):

    def test_global_statement(self):
        ns = {}
        exec("def f():\n    global g\n    g = 42\nf()\n", ns)
        self.assertEqual(ns["g"], 42)

    def test_global_in_nested_function(self):
        ns = {}
        exec("x = 'module'\n"
             "def f():\n"
             "    x = 'local'\n"
             "    def g():\n"
             "        global x\n"
             "        return x\n"
             "    return g()\n"
             "r = f()\n", ns)
        self.assertEqual(ns["r"], "module")

    def test_global_declared_in_class(self):
        ns = {}
        exec("class C:\n    global y\n    y = 5\n", ns)
        self.assertEqual(ns["y"], 5)
        self.assertFalse(hasattr(ns["C"], "y"))

    def test_nonlocal_skips_class_scope(self):
        def f():
            x = 1
            class C:
                x = 2
                def m(self):
                    nonlocal x
                    x = 3
            C().m()
            return x, C.x
        self.assertEqual(f(), (3, 2))

    def test_nonlocal_nested(self):
        def f():
            x = 0
            def g():
                def h():
                    nonlocal x
                    x += 5
                h()
            g()
            return x
        self.assertEqual(f(), 5)

    def test_implicit_global_in_function(self):
        ns = {"value": 7}
        exec("def f():\n    return value\nr = f()\n", ns)
        self.assertEqual(ns["r"], 7)

    def test_builtins_fallback(self):
        def f():
            return len("abc")
        self.assertEqual(f(), 3)


class ClassScopeTests(unittest.TestCase):

    def test_class_variable_not_visible_in_method(self):
        ns = {}
        exec("y = 'global'\n"
             "class C:\n"
             "    y = 'class'\n"
             "    def m(self):\n"
             "        return y\n"
             "r = C().m()\n", ns)
        self.assertEqual(ns["r"], "global")

    def test_class_body_sees_enclosing_function(self):
        def f():
            x = "func"
            class C:
                y = x
            return C.y
        self.assertEqual(f(), "func")

    def test_class_body_local_shadows_free(self):
        def f():
            x = "func"
            class C:
                x = "class"
                def m(self):
                    return x
            return C.x, C().m()
        self.assertEqual(f(), ("class", "func"))

    def test_class_body_free_variable_prefers_class_dict(self):
        def f():
            x = "func"
            class C:
                locals()["x"] = "dict"
                y = x
            return C.y
        self.assertEqual(f(), "dict")

    def test_dunder_class_cell(self):
        class C:
            def m(self):
                return __class__
        self.assertIs(C().m(), C)

    def test_zero_argument_super(self):
        class A:
            def hello(self):
                return "A"
        class B(A):
            def hello(self):
                return "B" + super().hello()
        self.assertEqual(B().hello(), "BA")

    def test_super_in_nested_function(self):
        class A:
            def x(self):
                return 1
        class B(A):
            def x(self):
                def inner():
                    return super(B, self).x()
                return inner() + 1
        self.assertEqual(B().x(), 2)

    def test_classcell_set(self):
        class C:
            def m(self):
                return __class__
        self.assertNotIn("__classcell__", C.__dict__)

    def test_private_name_mangling(self):
        class C:
            __secret = 1
            def get(self):
                return self.__secret
        self.assertEqual(C().get(), 1)
        self.assertTrue(hasattr(C, "_C__secret"))
        self.assertFalse(hasattr(C, "__secret"))

    def test_mangling_in_nested_function(self):
        class C:
            def m(self):
                def inner():
                    return self.__v
                return inner()
        c = C()
        c._C__v = "mangled"
        self.assertEqual(c.m(), "mangled")

    def test_dunder_names_not_mangled(self):
        class C:
            __dunder__ = 1
        self.assertEqual(C.__dunder__, 1)

    def test_class_module_and_qualname(self):
        class C:
            pass
        self.assertEqual(C.__module__, __name__)
        self.assertEqual(C.__qualname__,
                         "ClassScopeTests.test_class_module_and_qualname.<locals>.C")


class ComprehensionScopeTests(unittest.TestCase):

    def test_iteration_variable_does_not_leak(self):
        x = "before"
        [x for x in range(3)]
        self.assertEqual(x, "before")

    def test_walrus_binds_in_function(self):
        def f():
            [last := i for i in range(4)]
            return last
        self.assertEqual(f(), 3)

    def test_walrus_in_nested_comprehension(self):
        def f():
            [[total := i + j for j in range(2)] for i in range(2)]
            return total
        self.assertEqual(f(), 2)

    def test_walrus_at_module_level(self):
        ns = {}
        exec("[y := v for v in 'ab']\n", ns)
        self.assertEqual(ns["y"], "b")

    def test_walrus_with_global(self):
        ns = {}
        exec("def f():\n    global z\n    [z := 1 for _ in 'a']\nf()\n", ns)
        self.assertEqual(ns["z"], 1)

    def test_class_variable_not_visible_in_comprehension(self):
        ns = {}
        exec("v = 'global'\n"
             "class C:\n"
             "    v = 'class'\n"
             "    items = [v for _ in range(1)]\n", ns)
        self.assertEqual(ns["C"].items, ["global"])

    def test_class_variable_visible_in_first_iterable(self):
        class C:
            data = [1, 2, 3]
            doubled = [d * 2 for d in data]
        self.assertEqual(C.doubled, [2, 4, 6])

    def test_comprehension_closure(self):
        def f():
            fs = [lambda: i for i in range(3)]
            return [g() for g in fs]
        self.assertEqual(f(), [2, 2, 2])

    def test_comprehension_sees_enclosing_locals(self):
        def f(n):
            k = 10
            return [k * i for i in range(n)]
        self.assertEqual(f(3), [0, 10, 20])

    def test_generator_expression_late_binding(self):
        def f():
            x = 1
            g = (x for _ in range(1))
            x = 2
            return list(g)
        self.assertEqual(f(), [2])


if __name__ == "__main__":
    unittest.main()
