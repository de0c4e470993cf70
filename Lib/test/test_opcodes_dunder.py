"""Each bytecode operation reaches the special method CPython documents for it."""

import unittest


class Recorder:
    """Answers every binary special method with (name, other) and logs the calls."""

    def __init__(self):
        self.log = []

    def _record(name):
        def method(self, *args):
            self.log.append(name)
            return (name,) + args
        method.__name__ = name
        return method

    for _name in ("add", "sub", "mul", "matmul", "truediv", "floordiv", "mod", "pow",
                  "lshift", "rshift", "and", "xor", "or"):
        locals()["__%s__" % _name] = _record("__%s__" % _name)
        locals()["__r%s__" % _name] = _record("__r%s__" % _name)
        locals()["__i%s__" % _name] = _record("__i%s__" % _name)
    for _name in ("lt", "le", "eq", "ne", "gt", "ge"):
        locals()["__%s__" % _name] = _record("__%s__" % _name)
    for _name in ("neg", "pos", "invert", "abs"):
        locals()["__%s__" % _name] = _record("__%s__" % _name)
    del _name
    __hash__ = object.__hash__


class BinaryOpTests(unittest.TestCase):

    def test_binary_ops(self):
        r = Recorder()
        self.assertEqual(r + 1, ("__add__", 1))
        self.assertEqual(r - 1, ("__sub__", 1))
        self.assertEqual(r * 1, ("__mul__", 1))
        self.assertEqual(r @ 1, ("__matmul__", 1))
        self.assertEqual(r / 1, ("__truediv__", 1))
        self.assertEqual(r // 1, ("__floordiv__", 1))
        self.assertEqual(r % 1, ("__mod__", 1))
        self.assertEqual(r ** 1, ("__pow__", 1))
        self.assertEqual(r << 1, ("__lshift__", 1))
        self.assertEqual(r >> 1, ("__rshift__", 1))
        self.assertEqual(r & 1, ("__and__", 1))
        self.assertEqual(r ^ 1, ("__xor__", 1))
        self.assertEqual(r | 1, ("__or__", 1))

    def test_reflected_ops(self):
        r = Recorder()
        self.assertEqual(1 + r, ("__radd__", 1))
        self.assertEqual(1 - r, ("__rsub__", 1))
        self.assertEqual(1 * r, ("__rmul__", 1))
        self.assertEqual(1 @ r, ("__rmatmul__", 1))
        self.assertEqual(1 / r, ("__rtruediv__", 1))
        self.assertEqual(1 // r, ("__rfloordiv__", 1))
        self.assertEqual(1 % r, ("__rmod__", 1))
        self.assertEqual(1 ** r, ("__rpow__", 1))
        self.assertEqual(1 << r, ("__rlshift__", 1))
        self.assertEqual(1 >> r, ("__rrshift__", 1))
        self.assertEqual(1 & r, ("__rand__", 1))
        self.assertEqual(1 ^ r, ("__rxor__", 1))
        self.assertEqual(1 | r, ("__ror__", 1))

    def test_inplace_ops(self):
        for op, name in (("+=", "__iadd__"), ("-=", "__isub__"), ("*=", "__imul__"),
                         ("@=", "__imatmul__"), ("/=", "__itruediv__"),
                         ("//=", "__ifloordiv__"), ("%=", "__imod__"), ("**=", "__ipow__"),
                         ("<<=", "__ilshift__"), (">>=", "__irshift__"), ("&=", "__iand__"),
                         ("^=", "__ixor__"), ("|=", "__ior__")):
            with self.subTest(op=op):
                ns = {"x": Recorder()}
                exec("x %s 2" % op, ns)
                self.assertEqual(ns["x"], (name, 2))

    def test_comparisons(self):
        r = Recorder()
        self.assertEqual(r < 1, ("__lt__", 1))
        self.assertEqual(r <= 1, ("__le__", 1))
        self.assertEqual(r == 1, ("__eq__", 1))
        self.assertEqual(r != 1, ("__ne__", 1))
        self.assertEqual(r > 1, ("__gt__", 1))
        self.assertEqual(r >= 1, ("__ge__", 1))
        # Reflected comparisons swap the operator.
        self.assertEqual(1 < r, ("__gt__", 1))
        self.assertEqual(1 >= r, ("__le__", 1))

    def test_unary(self):
        r = Recorder()
        self.assertEqual(-r, ("__neg__",))
        self.assertEqual(+r, ("__pos__",))
        self.assertEqual(~r, ("__invert__",))
        self.assertEqual(abs(r), ("__abs__",))


class ContainerOpTests(unittest.TestCase):

    def test_subscript_ops(self):
        log = []
        class C:
            def __getitem__(self, key):
                log.append(("get", key))
                return key
            def __setitem__(self, key, value):
                log.append(("set", key, value))
            def __delitem__(self, key):
                log.append(("del", key))
        c = C()
        c[1]
        c[1] = 2
        del c[1]
        c[1:2]
        c[::2] = 5
        del c[:3]
        self.assertEqual(log, [("get", 1), ("set", 1, 2), ("del", 1),
                               ("get", slice(1, 2, None)), ("set", slice(None, None, 2), 5),
                               ("del", slice(None, 3, None))])

    def test_contains_and_not_in(self):
        class C:
            def __contains__(self, item):
                return item > 0
        self.assertTrue(1 in C())
        self.assertTrue(-1 not in C())

    def test_iteration(self):
        class It:
            def __init__(self):
                self.n = 0
            def __iter__(self):
                return self
            def __next__(self):
                self.n += 1
                if self.n > 2:
                    raise StopIteration
                return self.n
        self.assertEqual([x for x in It()], [1, 2])
        a, b = It()
        self.assertEqual((a, b), (1, 2))

    def test_truth_in_branches(self):
        calls = []
        class B:
            def __bool__(self):
                calls.append("bool")
                return False
        if B():
            self.fail("should be false")
        self.assertTrue(not B())
        self.assertEqual(B() or 5, 5)
        self.assertEqual(len(calls), 3)


class CallAndAttributeTests(unittest.TestCase):

    def test_call_forms(self):
        class C:
            def __call__(self, *args, **kwargs):
                return args, kwargs
        c = C()
        self.assertEqual(c(1, 2), ((1, 2), {}))
        self.assertEqual(c(*[1], **{"k": 2}), ((1,), {"k": 2}))
        self.assertEqual(c(a=1), ((), {"a": 1}))

    def test_attribute_ops(self):
        log = []
        class A:
            def __getattr__(self, name):
                log.append(("get", name))
                return name
            def __setattr__(self, name, value):
                log.append(("set", name, value))
            def __delattr__(self, name):
                log.append(("del", name))
        a = A()
        a.x
        a.y = 1
        del a.z
        self.assertEqual(log, [("get", "x"), ("set", "y", 1), ("del", "z")])

    def test_with_statement(self):
        log = []
        class CM:
            def __enter__(self):
                log.append("enter")
                return 7
            def __exit__(self, *exc):
                log.append(("exit", exc[0]))
                return True
        with CM() as v:
            log.append(v)
            raise KeyError
        self.assertEqual(log, ["enter", 7, ("exit", KeyError)])

    def test_format_value(self):
        class F:
            def __format__(self, spec):
                return "<" + spec + ">"
            def __repr__(self):
                return "R"
            def __str__(self):
                return "S"
        f = F()
        self.assertEqual(f"{f}|{f:xy}|{f!r}|{f!s}", "<>|<xy>|R|S")

    def test_method_call_on_instance_dict_shadow(self):
        class A:
            def m(self):
                return "class"
        a = A()
        a.m = lambda: "instance"
        self.assertEqual(a.m(), "instance")


if __name__ == "__main__":
    unittest.main()
