"""Tests for list, set and dict comprehensions and generator expressions."""

import unittest


def run(coro):
    """Drive a coroutine that never really suspends to completion."""
    try:
        coro.send(None)
    except StopIteration as exc:
        return exc.value
    raise AssertionError("coroutine suspended")


class AsyncRange:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1


class ComprehensionTests(unittest.TestCase):

    def test_list(self):
        self.assertEqual([x * x for x in range(5)], [0, 1, 4, 9, 16])

    def test_set(self):
        self.assertEqual({x % 3 for x in range(10)}, {0, 1, 2})

    def test_dict(self):
        self.assertEqual({k: v for k, v in [("a", 1), ("b", 2)]}, {"a": 1, "b": 2})

    def test_dict_key_value_order(self):
        order = []
        def key(x):
            order.append(("k", x))
            return x
        def value(x):
            order.append(("v", x))
            return x
        {key(i): value(i) for i in range(2)}
        self.assertEqual(order, [("k", 0), ("v", 0), ("k", 1), ("v", 1)])

    def test_conditions(self):
        self.assertEqual([x for x in range(10) if x % 2 if x > 4], [5, 7, 9])

    def test_nested_loops(self):
        self.assertEqual([(i, j) for i in range(3) for j in range(i)],
                         [(1, 0), (2, 0), (2, 1)])

    def test_nested_comprehension(self):
        self.assertEqual([[i * j for j in range(3)] for i in range(3)],
                         [[0, 0, 0], [0, 1, 2], [0, 2, 4]])

    def test_unpacking_target(self):
        self.assertEqual([a + b for a, b in [(1, 2), (3, 4)]], [3, 7])
        self.assertEqual([rest for _, *rest in ["abc", "de"]], [["b", "c"], ["e"]])

    def test_first_iterable_evaluated_eagerly(self):
        with self.assertRaises(TypeError):
            (x for x in 5)

    def test_inner_iterable_evaluated_lazily(self):
        g = (x for x in range(2) for y in 5)
        with self.assertRaises(TypeError):
            next(g)

    def test_empty(self):
        self.assertEqual([x for x in []], [])
        self.assertEqual({x: x for x in ()}, {})

    def test_walrus(self):
        values = [y for x in range(5) if (y := x * 3) > 6]
        self.assertEqual(values, [9, 12])
        self.assertEqual(y, 12)

    def test_exception_propagates(self):
        with self.assertRaises(ZeroDivisionError):
            [1 / x for x in (1, 0)]

    def test_starred_element(self):
        self.assertEqual([*range(2), *[x for x in "ab"]], [0, 1, "a", "b"])


class GeneratorExpressionTests(unittest.TestCase):

    def test_basic(self):
        g = (x + 1 for x in range(3))
        self.assertEqual(next(g), 1)
        self.assertEqual(list(g), [2, 3])

    def test_as_sole_argument(self):
        self.assertEqual(sum(x for x in range(5)), 10)

    def test_is_lazy(self):
        log = []
        def item(i):
            log.append(i)
            return i
        g = (item(i) for i in range(3))
        self.assertEqual(log, [])
        next(g)
        self.assertEqual(log, [0])

    def test_exhausted(self):
        g = (x for x in [1])
        self.assertEqual(list(g), [1])
        self.assertEqual(list(g), [])

    def test_close_and_send(self):
        g = (x for x in range(3))
        self.assertEqual(next(g), 0)
        g.close()
        with self.assertRaises(StopIteration):
            next(g)

    def test_attributes(self):
        g = (x for x in ())
        self.assertEqual(g.__name__, "<genexpr>")
        self.assertTrue(g.gi_code.co_flags & 0x20)


class AsyncComprehensionTests(unittest.TestCase):

    def test_async_list_comprehension(self):
        async def f():
            return [x async for x in AsyncRange(3)]
        self.assertEqual(run(f()), [0, 1, 2])

    def test_await_in_comprehension(self):
        async def double(x):
            return x * 2
        async def f():
            return [await double(x) for x in range(3)]
        self.assertEqual(run(f()), [0, 2, 4])

    def test_async_generator_expression(self):
        async def f():
            g = (x * 10 async for x in AsyncRange(2))
            return [y async for y in g]
        self.assertEqual(run(f()), [0, 10])

    def test_async_comprehension_restores_variable(self):
        async def f():
            x = "outer"
            values = [x async for x in AsyncRange(2)]
            return values, x
        self.assertEqual(run(f()), ([0, 1], "outer"))

    def test_async_dict_and_set(self):
        async def f():
            return ({x: -x async for x in AsyncRange(2)}, {x async for x in AsyncRange(2)})
        self.assertEqual(run(f()), ({0: 0, 1: -1}, {0, 1}))


class InlinedComprehensionTests(unittest.TestCase):
    """PEP 709: comprehensions in functions run in the function's frame."""

    def test_outer_variable_restored_after_exception(self):
        def f():
            x = "outer"
            try:
                [1 / x for x in (1, 0)]
            except ZeroDivisionError:
                pass
            return x
        self.assertEqual(f(), "outer")

    def test_iteration_variable_unbound_after(self):
        def f():
            [i for i in range(3)]
            return i
        with self.assertRaises(NameError):
            f()

    def test_global_name_as_iteration_variable(self):
        def f():
            global _comp_global
            _comp_global = "g"
            r = [_comp_global for _comp_global in range(2)]
            return r, _comp_global
        self.assertEqual(f(), ([0, 1], "g"))

    def test_zero_argument_super(self):
        class A:
            def m(self):
                return "A"
        class B(A):
            def m(self):
                return [super().m() for _ in range(2)]
        self.assertEqual(B().m(), ["A", "A"])

    def test_no_extra_frame(self):
        import sys
        def f():
            return [sys._getframe().f_code.co_name for _ in range(1)]
        self.assertEqual(f(), ["f"])

    def test_nested(self):
        def f(n):
            return [[i + j for j in range(n)] for i in range(n)]
        self.assertEqual(f(2), [[0, 1], [1, 2]])

    def test_module_level(self):
        ns = {"b": [1, 2], "a": "outer"}
        exec("y = [a * 10 for a in b]\n", ns)
        self.assertEqual(ns["y"], [10, 20])
        self.assertEqual(ns["a"], "outer")
        code = compile("[a for a in b]", "<test>", "exec")
        self.assertEqual(code.co_varnames, ("a",))

    def test_module_level_sees_exec_locals(self):
        g = {"b": [1]}
        loc = {"k": 10}
        exec("z = [a + k for a in b]", g, loc)
        self.assertEqual(loc["z"], [11])

    def test_class_level(self):
        ns = {}
        exec("g = 'global'\n"
             "class C:\n"
             "    g = 'class'\n"
             "    x = 'keep'\n"
             "    seen = [g for _ in range(1)]\n"
             "    again = [x for x in 'ab']\n"
             "    nested = [[i * j for j in range(2)] for i in range(2)]\n", ns)
        C = ns["C"]
        self.assertEqual(C.seen, ["global"])
        self.assertEqual(C.again, ["a", "b"])
        self.assertEqual(C.x, "keep")
        self.assertEqual(C.nested, [[0, 0], [0, 1]])
        self.assertFalse(hasattr(C, "i"))

    def test_class_level_free_variable(self):
        def f():
            w = "function"
            class D:
                w = "class"
                r = [w for _ in range(1)]
            return D.r
        self.assertEqual(f(), ["function"])

    def test_locals_not_polluted(self):
        def f():
            x = 5
            [x for x in range(3)]
            return locals()
        self.assertEqual(f(), {"x": 5})


if __name__ == "__main__":
    unittest.main()
