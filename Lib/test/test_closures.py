"""Closures: cells, nonlocal, late binding, class scopes, cell objects."""

import unittest


class ClosureTests(unittest.TestCase):
    def test_simple_closure(self):
        def make_adder(n):
            def add(x):
                return x + n
            return add

        self.assertEqual(make_adder(3)(4), 7)

    def test_nonlocal_counter(self):
        def counter():
            count = 0

            def inc():
                nonlocal count
                count += 1
                return count
            return inc

        c = counter()
        self.assertEqual([c(), c(), c()], [1, 2, 3])
        other = counter()
        self.assertEqual(other(), 1)

    def test_late_binding(self):
        funcs = [lambda: i for i in range(3)]
        self.assertEqual([f() for f in funcs], [2, 2, 2])
        funcs = [lambda i=i: i for i in range(3)]
        self.assertEqual([f() for f in funcs], [0, 1, 2])

    def test_shared_cell(self):
        def make():
            value = "a"

            def get():
                return value

            def set(v):
                nonlocal value
                value = v
            return get, set

        get, set = make()
        set("b")
        self.assertEqual(get(), "b")
        self.assertIs(get.__closure__[0], set.__closure__[0])

    def test_nested_three_levels(self):
        def a():
            x = 1

            def b():
                def c():
                    return x
                return c
            return b

        self.assertEqual(a()()(), 1)

    def test_argument_captured(self):
        def outer(arg):
            def inner():
                return arg
            arg = arg * 2
            return inner

        self.assertEqual(outer(5)(), 10)

    def test_class_scope_does_not_leak(self):
        x = "function"

        class C:
            x = "class"

            def m(self):
                return x

            y = x

        self.assertEqual(C().m(), "function")
        self.assertEqual(C.y, "class")

    def test_class_reads_free_variable(self):
        def f():
            value = 10

            class C:
                attr = value + 1
            return C

        self.assertEqual(f().attr, 11)

    def test_dunder_class_cell(self):
        class C:
            def get_class(self):
                return __class__

        self.assertIs(C().get_class(), C)

    def test_zero_arg_super(self):
        class A:
            def who(self):
                return "A"

        class B(A):
            def who(self):
                return "B" + super().who()

        self.assertEqual(B().who(), "BA")

    def test_comprehension_scope(self):
        x = 10
        result = [x + i for i in range(3)]
        self.assertEqual(result, [10, 11, 12])
        self.assertEqual(x, 10)

    def test_delete_captured(self):
        def f():
            v = 1

            def g():
                return v
            del v
            return g

        with self.assertRaises(NameError):
            f()()

    def test_recursive_closure(self):
        def make():
            def fact(n):
                return 1 if n <= 1 else n * fact(n - 1)
            return fact

        self.assertEqual(make()(10), 3628800)


class CellObjectTests(unittest.TestCase):
    def get_cell(self, value):
        def f():
            return value
        return f.__closure__[0]

    def test_cell_contents(self):
        cell = self.get_cell([1])
        self.assertEqual(cell.cell_contents, [1])
        cell.cell_contents = 2
        self.assertEqual(cell.cell_contents, 2)
        del cell.cell_contents
        with self.assertRaises(ValueError) as cm:
            cell.cell_contents
        self.assertEqual(str(cm.exception), "Cell is empty")

    def test_cell_type_constructor(self):
        CellType = type(self.get_cell(1))
        self.assertEqual(CellType(5).cell_contents, 5)
        empty = CellType()
        with self.assertRaises(ValueError):
            empty.cell_contents

    def test_cell_comparison(self):
        a = self.get_cell(1)
        b = self.get_cell(2)
        self.assertTrue(a < b)
        self.assertTrue(a == self.get_cell(1))

    def test_cell_repr(self):
        r = repr(self.get_cell(1))
        self.assertTrue(r.startswith("<cell at 0x"), r)
        self.assertIn("int object at", r)


if __name__ == "__main__":
    unittest.main()
