"""Tests of the operator module: every function, the in-place forms, the dunder aliases,
attrgetter, itemgetter and methodcaller (behaviour as documented for CPython 3.13)."""

import copy
import operator
import pickle
import unittest


class Recorder:
    """Records the last special method called and returns a marker."""

    def __init__(self):
        self.log = []

    def _rec(name):
        def method(self, *args):
            self.log.append((name, args))
            return name
        method.__name__ = name
        return method

    for _n in ("__add__", "__sub__", "__mul__", "__matmul__", "__truediv__", "__floordiv__",
               "__mod__", "__pow__", "__lshift__", "__rshift__", "__and__", "__or__",
               "__xor__", "__iadd__", "__isub__", "__imul__", "__imatmul__", "__itruediv__",
               "__ifloordiv__", "__imod__", "__ipow__", "__ilshift__", "__irshift__",
               "__iand__", "__ior__", "__ixor__", "__neg__", "__pos__", "__abs__",
               "__invert__", "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"):
        locals()[_n] = _rec(_n)
    del _n, _rec
    __hash__ = object.__hash__


class Broken:
    def __bool__(self):
        raise ZeroDivisionError("no truth")

    def __eq__(self, other):
        raise ZeroDivisionError("no equality")

    __hash__ = None


class ComparisonTests(unittest.TestCase):

    def test_numbers(self):
        self.assertIs(operator.lt(1, 2), True)
        self.assertIs(operator.lt(2, 2), False)
        self.assertIs(operator.le(2, 2), True)
        self.assertIs(operator.le(3, 2), False)
        self.assertIs(operator.eq(2, 2.0), True)
        self.assertIs(operator.eq(2, 3), False)
        self.assertIs(operator.ne(2, 3), True)
        self.assertIs(operator.ne(2, 2), False)
        self.assertIs(operator.ge(2, 2), True)
        self.assertIs(operator.ge(1, 2), False)
        self.assertIs(operator.gt(3, 2), True)
        self.assertIs(operator.gt(2, 2), False)

    def test_rich_results_passed_through(self):
        r = Recorder()
        for name in ("lt", "le", "eq", "ne", "gt", "ge"):
            with self.subTest(name=name):
                self.assertEqual(getattr(operator, name)(r, 1), f"__{name}__")

    def test_uncomparable(self):
        for name in ("lt", "le", "gt", "ge"):
            with self.subTest(name=name):
                with self.assertRaises(TypeError):
                    getattr(operator, name)(1, "a")

    def test_eq_different_types(self):
        self.assertIs(operator.eq(1, "1"), False)
        self.assertIs(operator.ne(1, "1"), True)

    def test_error_propagates(self):
        with self.assertRaises(ZeroDivisionError):
            operator.eq(Broken(), 1)

    def test_arg_count(self):
        with self.assertRaises(TypeError):
            operator.lt(1)
        with self.assertRaises(TypeError):
            operator.eq(1, 2, 3)

    def test_positional_only(self):
        for name, nargs in [("lt", 2), ("add", 2), ("truth", 1), ("not_", 1), ("neg", 1),
                            ("getitem", 2), ("setitem", 3), ("iadd", 2), ("index", 1),
                            ("contains", 2), ("countOf", 2), ("is_", 2)]:
            with self.subTest(name=name):
                kwargs = {p: 1 for p in "abc"[:nargs]}
                with self.assertRaises(TypeError):
                    getattr(operator, name)(**kwargs)
        with self.assertRaises(TypeError):
            operator.length_hint(obj=[])


class LogicalTests(unittest.TestCase):

    def test_not(self):
        self.assertIs(operator.not_(0), True)
        self.assertIs(operator.not_([1]), False)
        self.assertIs(operator.not_(""), True)

    def test_truth(self):
        self.assertIs(operator.truth(5), True)
        self.assertIs(operator.truth([]), False)
        self.assertIs(operator.truth(None), False)

    def test_truth_errors(self):
        with self.assertRaises(ZeroDivisionError):
            operator.truth(Broken())
        with self.assertRaises(ZeroDivisionError):
            operator.not_(Broken())

    def test_is(self):
        a = []
        self.assertIs(operator.is_(a, a), True)
        self.assertIs(operator.is_(a, []), False)
        self.assertIs(operator.is_not(a, []), True)
        self.assertIs(operator.is_not(a, a), False)

    def test_is_none(self):
        # 3.14 adds is_none; 3.13 does not have it
        self.assertFalse(hasattr(operator, "is_none"))


class ArithmeticTests(unittest.TestCase):

    def test_binary(self):
        cases = [
            ("add", 7, 3, 10), ("sub", 7, 3, 4), ("mul", 7, 3, 21), ("truediv", 7, 2, 3.5),
            ("floordiv", 7, 2, 3), ("floordiv", -7, 2, -4), ("mod", 7, 3, 1),
            ("mod", -7, 3, 2), ("pow", 2, 10, 1024), ("lshift", 1, 5, 32),
            ("rshift", 64, 3, 8), ("and_", 12, 10, 8), ("or_", 12, 10, 14),
            ("xor", 12, 10, 6),
        ]
        for name, a, b, expected in cases:
            with self.subTest(name=name, a=a, b=b):
                self.assertEqual(getattr(operator, name)(a, b), expected)

    def test_unary(self):
        self.assertEqual(operator.neg(5), -5)
        self.assertEqual(operator.neg(-2.5), 2.5)
        self.assertEqual(operator.pos(-5), -5)
        self.assertEqual(operator.abs(-5), 5)
        self.assertEqual(operator.abs(-2.5), 2.5)
        self.assertEqual(operator.abs(3 + 4j), 5.0)
        self.assertEqual(operator.inv(5), -6)
        self.assertEqual(operator.invert(0), -1)
        self.assertEqual(operator.invert(5), operator.inv(5))

    def test_sequences(self):
        self.assertEqual(operator.add([1], [2]), [1, 2])
        self.assertEqual(operator.mul("ab", 3), "ababab")
        self.assertEqual(operator.mul(2, (1,)), (1, 1))
        self.assertEqual(operator.mod("%s-%s", (1, 2)), "1-2")

    def test_sets(self):
        self.assertEqual(operator.and_({1, 2}, {2, 3}), {2})
        self.assertEqual(operator.or_({1}, {2}), {1, 2})
        self.assertEqual(operator.xor({1, 2}, {2, 3}), {1, 3})
        self.assertEqual(operator.sub({1, 2}, {2}), {1})

    def test_dispatch_to_special_methods(self):
        r = Recorder()
        pairs = [("add", "__add__"), ("sub", "__sub__"), ("mul", "__mul__"),
                 ("matmul", "__matmul__"), ("truediv", "__truediv__"),
                 ("floordiv", "__floordiv__"), ("mod", "__mod__"), ("pow", "__pow__"),
                 ("lshift", "__lshift__"), ("rshift", "__rshift__"), ("and_", "__and__"),
                 ("or_", "__or__"), ("xor", "__xor__")]
        for func, method in pairs:
            with self.subTest(func=func):
                self.assertEqual(getattr(operator, func)(r, 2), method)
                self.assertEqual(r.log[-1], (method, (2,)))
        for func, method in [("neg", "__neg__"), ("pos", "__pos__"), ("abs", "__abs__"),
                             ("inv", "__invert__"), ("invert", "__invert__")]:
            with self.subTest(func=func):
                self.assertEqual(getattr(operator, func)(r), method)

    def test_type_errors(self):
        for name in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift",
                     "rshift", "and_", "or_", "xor", "matmul"):
            with self.subTest(name=name):
                with self.assertRaises(TypeError):
                    getattr(operator, name)(object(), object())
        for name in ("neg", "pos", "abs", "inv"):
            with self.subTest(name=name):
                with self.assertRaises(TypeError):
                    getattr(operator, name)("s")

    def test_zero_division(self):
        for name in ("truediv", "floordiv", "mod"):
            with self.subTest(name=name):
                with self.assertRaises(ZeroDivisionError):
                    getattr(operator, name)(1, 0)

    def test_negative_shift(self):
        with self.assertRaises(ValueError):
            operator.lshift(1, -1)
        with self.assertRaises(ValueError):
            operator.rshift(1, -1)

    def test_pow_float_and_negative(self):
        self.assertEqual(operator.pow(2, -1), 0.5)
        self.assertEqual(operator.pow(4.0, 0.5), 2.0)

    def test_matmul(self):
        class M:
            def __matmul__(self, other):
                return ("matmul", other)

            def __rmatmul__(self, other):
                return ("rmatmul", other)
        self.assertEqual(operator.matmul(M(), 1), ("matmul", 1))
        self.assertEqual(operator.matmul(1, M()), ("rmatmul", 1))

    def test_index(self):
        self.assertEqual(operator.index(5), 5)
        self.assertEqual(operator.index(True), 1)
        self.assertIs(type(operator.index(True)), int)

        class MyInt(int):
            pass
        self.assertIs(type(operator.index(MyInt(3))), int)

        class I:
            def __index__(self):
                return 7
        self.assertEqual(operator.index(I()), 7)
        with self.assertRaises(TypeError):
            operator.index(1.5)
        with self.assertRaises(TypeError):
            operator.index("3")

    def test_index_bad_result(self):
        class Bad:
            def __index__(self):
                return "no"
        with self.assertRaises(TypeError):
            operator.index(Bad())

    def test_concat(self):
        self.assertEqual(operator.concat([1], [2]), [1, 2])
        self.assertEqual(operator.concat("a", "b"), "ab")
        self.assertEqual(operator.concat((1,), (2,)), (1, 2))
        self.assertEqual(operator.concat(b"a", b"b"), b"ab")

    def test_concat_errors(self):
        with self.assertRaises(TypeError):
            operator.concat(1, 2)
        with self.assertRaises(TypeError):
            operator.concat([1], (2,))
        with self.assertRaises(TypeError):
            operator.concat(None, [1])
        with self.assertRaises(TypeError) as cm:
            operator.concat({}, {})
        self.assertEqual(str(cm.exception), "'dict' object can't be concatenated")
        with self.assertRaises(TypeError) as cm:
            operator.iconcat({}, {})
        self.assertEqual(str(cm.exception), "'dict' object can't be concatenated")
        with self.assertRaises(TypeError) as cm:
            operator.concat(5, 6)
        self.assertEqual(str(cm.exception), "'int' object can't be concatenated")

    def test_concat_user_sequence(self):
        class Seq:
            def __getitem__(self, i):
                return i

            def __add__(self, other):
                return "added"
        self.assertEqual(operator.concat(Seq(), [1]), "added")
        self.assertEqual(operator.iconcat(Seq(), [1]), "added")


class SequenceTests(unittest.TestCase):

    def test_contains(self):
        self.assertIs(operator.contains([1, 2], 2), True)
        self.assertIs(operator.contains("abc", "bc"), True)
        self.assertIs(operator.contains({"k": 1}, "v"), False)
        with self.assertRaises(TypeError):
            operator.contains(1, 1)

    def test_contains_propagates(self):
        with self.assertRaises(ZeroDivisionError):
            operator.contains([Broken()], 1)

    def test_countOf(self):
        self.assertEqual(operator.countOf([1, 2, 1, 3, 1], 1), 3)
        self.assertEqual(operator.countOf("banana", "a"), 3)
        self.assertEqual(operator.countOf(iter([1, 1.0, True, 2]), 1), 3)
        self.assertEqual(operator.countOf([], 1), 0)
        with self.assertRaises(TypeError) as cm:
            operator.countOf(None, 1)
        self.assertEqual(str(cm.exception), "argument of type 'NoneType' is not iterable")

    def test_countOf_identity_first(self):
        nan = float("nan")
        self.assertEqual(operator.countOf([nan, nan, 1], nan), 2)

    def test_indexOf(self):
        self.assertEqual(operator.indexOf([4, 5, 6], 6), 2)
        self.assertEqual(operator.indexOf("abc", "b"), 1)
        self.assertEqual(operator.indexOf(iter([0, 2, 2]), 2), 1)
        with self.assertRaises(ValueError) as cm:
            operator.indexOf([1, 2], 3)
        self.assertEqual(str(cm.exception), "sequence.index(x): x not in sequence")
        with self.assertRaises(TypeError) as cm:
            operator.indexOf(5, 1)
        self.assertEqual(str(cm.exception), "argument of type 'int' is not iterable")

    def test_indexOf_identity_first(self):
        nan = float("nan")
        self.assertEqual(operator.indexOf([1, nan], nan), 1)

    def test_getitem(self):
        self.assertEqual(operator.getitem([1, 2, 3], 1), 2)
        self.assertEqual(operator.getitem({"a": 5}, "a"), 5)
        self.assertEqual(operator.getitem("hello", slice(1, 3)), "el")
        with self.assertRaises(IndexError):
            operator.getitem([], 0)
        with self.assertRaises(KeyError):
            operator.getitem({}, "x")
        with self.assertRaises(TypeError):
            operator.getitem(5, 0)

    def test_setitem(self):
        lst = [1, 2, 3]
        self.assertIsNone(operator.setitem(lst, 0, "x"))
        self.assertEqual(lst, ["x", 2, 3])
        operator.setitem(lst, slice(1, 3), [9])
        self.assertEqual(lst, ["x", 9])
        d = {}
        operator.setitem(d, "k", "v")
        self.assertEqual(d, {"k": "v"})
        with self.assertRaises(IndexError):
            operator.setitem([], 3, 1)
        with self.assertRaises(TypeError):
            operator.setitem((1,), 0, 2)

    def test_delitem(self):
        lst = [1, 2, 3, 4]
        self.assertIsNone(operator.delitem(lst, 1))
        self.assertEqual(lst, [1, 3, 4])
        operator.delitem(lst, slice(0, 2))
        self.assertEqual(lst, [4])
        d = {"a": 1}
        operator.delitem(d, "a")
        self.assertEqual(d, {})
        with self.assertRaises(KeyError):
            operator.delitem(d, "a")
        with self.assertRaises(TypeError):
            operator.delitem("abc", 0)


class LengthHintTests(unittest.TestCase):

    def test_len_preferred(self):
        class Both:
            def __len__(self):
                return 4

            def __length_hint__(self):
                return 99
        self.assertEqual(operator.length_hint(Both()), 4)
        self.assertEqual(operator.length_hint([1, 2, 3]), 3)
        self.assertEqual(operator.length_hint("ab", 10), 2)

    def test_hint(self):
        class H:
            def __length_hint__(self):
                return 6
        self.assertEqual(operator.length_hint(H()), 6)
        self.assertEqual(operator.length_hint(iter(range(5))), 5)
        self.assertEqual(operator.length_hint(iter([1, 2])), 2)

    def test_default(self):
        self.assertEqual(operator.length_hint(object()), 0)
        self.assertEqual(operator.length_hint(object(), 7), 7)
        self.assertEqual(operator.length_hint(x for x in ()), 0)

    def test_notimplemented_gives_default(self):
        class H:
            def __length_hint__(self):
                return NotImplemented
        self.assertEqual(operator.length_hint(H(), 3), 3)

    def test_bad_hints(self):
        class Neg:
            def __length_hint__(self):
                return -1

        class Str:
            def __length_hint__(self):
                return "3"

        class Raises:
            def __length_hint__(self):
                raise LookupError
        with self.assertRaises(ValueError) as cm:
            operator.length_hint(Neg())
        self.assertEqual(str(cm.exception), "__length_hint__() should return >= 0")
        with self.assertRaises(TypeError) as cm:
            operator.length_hint(Str())
        self.assertEqual(str(cm.exception), "__length_hint__ must be an integer, not str")
        with self.assertRaises(LookupError):
            operator.length_hint(Raises())

    def test_len_error_propagates(self):
        class BadLen:
            def __len__(self):
                raise ValueError("bad len")
        with self.assertRaises(ValueError):
            operator.length_hint(BadLen())

    def test_bad_default(self):
        with self.assertRaises(TypeError):
            operator.length_hint([], "x")
        with self.assertRaises(TypeError):
            operator.length_hint([], 1.5)


class CallTests(unittest.TestCase):

    def test_call(self):
        def f(*args, **kw):
            return args, kw
        self.assertEqual(operator.call(f), ((), {}))
        self.assertEqual(operator.call(f, 1, 2, a=3), ((1, 2), {"a": 3}))
        self.assertEqual(operator.call(f, obj=1), ((), {"obj": 1}))
        self.assertEqual(operator.call(len, "abc"), 3)

    def test_call_errors(self):
        with self.assertRaises(TypeError):
            operator.call(5)
        with self.assertRaises(TypeError):
            operator.call()


class InPlaceTests(unittest.TestCase):

    def test_immutable_results(self):
        cases = [
            ("iadd", 7, 3, 10), ("isub", 7, 3, 4), ("imul", 7, 3, 21),
            ("itruediv", 7, 2, 3.5), ("ifloordiv", 7, 2, 3), ("imod", 7, 3, 1),
            ("ipow", 2, 5, 32), ("ilshift", 1, 3, 8), ("irshift", 16, 2, 4),
            ("iand", 6, 3, 2), ("ior", 6, 3, 7), ("ixor", 6, 3, 5),
            ("iconcat", "ab", "cd", "abcd"), ("iconcat", (1,), (2,), (1, 2)),
        ]
        for name, a, b, expected in cases:
            with self.subTest(name=name):
                self.assertEqual(getattr(operator, name)(a, b), expected)

    def test_mutable_in_place(self):
        lst = [1]
        self.assertIs(operator.iadd(lst, [2]), lst)
        self.assertEqual(lst, [1, 2])
        self.assertIs(operator.iconcat(lst, (3,)), lst)
        self.assertEqual(lst, [1, 2, 3])
        self.assertIs(operator.imul(lst, 2), lst)
        self.assertEqual(lst, [1, 2, 3, 1, 2, 3])
        s = {1, 2}
        self.assertIs(operator.iand(s, {2}), s)
        self.assertEqual(s, {2})
        self.assertIs(operator.ior(s, {5}), s)
        self.assertIs(operator.ixor(s, {5, 6}), s)
        self.assertEqual(s, {2, 6})
        self.assertIs(operator.isub(s, {2}), s)
        self.assertEqual(s, {6})

    def test_dispatch_to_inplace_methods(self):
        r = Recorder()
        for name in ("iadd", "isub", "imul", "imatmul", "itruediv", "ifloordiv", "imod",
                     "ipow", "ilshift", "irshift", "iand", "ior", "ixor"):
            with self.subTest(name=name):
                self.assertEqual(getattr(operator, name)(r, 1), f"__{name}__")

    def test_fallback_to_binary(self):
        class OnlyAdd:
            def __add__(self, other):
                return "plain add"
        self.assertEqual(operator.iadd(OnlyAdd(), 1), "plain add")

    def test_iconcat_errors(self):
        with self.assertRaises(TypeError):
            operator.iconcat(1, 2)
        with self.assertRaises(TypeError):
            operator.iconcat([1], 2)

    def test_type_errors(self):
        with self.assertRaises(TypeError):
            operator.iadd(object(), 1)
        with self.assertRaises(TypeError):
            operator.imatmul(1, 2)


class DunderAliasTests(unittest.TestCase):

    def test_aliases(self):
        names = ["abs", "add", "and", "call", "concat", "contains", "delitem", "eq",
                 "floordiv", "ge", "getitem", "gt", "iadd", "iand", "iconcat", "ifloordiv",
                 "ilshift", "imatmul", "imod", "imul", "index", "inv", "invert", "ior",
                 "ipow", "irshift", "isub", "itruediv", "ixor", "le", "lshift", "lt",
                 "matmul", "mod", "mul", "ne", "neg", "not", "or", "pos", "pow", "rshift",
                 "setitem", "sub", "truediv", "xor"]
        for name in names:
            with self.subTest(name=name):
                plain = getattr(operator, name + "_", None) or getattr(operator, name)
                self.assertIs(getattr(operator, f"__{name}__"), plain)

    def test_no_dunder_for_some(self):
        for name in ("truth", "is_", "is_not", "countOf", "indexOf", "length_hint"):
            with self.subTest(name=name):
                self.assertFalse(hasattr(operator, f"__{name.rstrip('_')}__"))

    def test_all(self):
        for name in operator.__all__:
            with self.subTest(name=name):
                self.assertTrue(callable(getattr(operator, name)))
        for name in ("attrgetter", "itemgetter", "methodcaller", "call", "length_hint",
                     "index", "iconcat", "is_", "truth"):
            self.assertIn(name, operator.__all__)


class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child


class AttrgetterTests(unittest.TestCase):

    def test_single(self):
        self.assertEqual(operator.attrgetter("name")(Node("a")), "a")

    def test_multiple(self):
        n = Node("a", Node("b"))
        self.assertEqual(operator.attrgetter("name", "child.name")(n), ("a", "b"))
        self.assertEqual(operator.attrgetter("name", "name")(n), ("a", "a"))

    def test_dotted(self):
        n = Node("a", Node("b", Node("c")))
        self.assertEqual(operator.attrgetter("child.child.name")(n), "c")
        self.assertEqual(operator.attrgetter("real.bit_length")(5)(), 3)

    def test_missing(self):
        with self.assertRaises(AttributeError):
            operator.attrgetter("nope")(Node("a"))
        with self.assertRaises(AttributeError):
            operator.attrgetter("child.name")(Node("a"))
        with self.assertRaises(AttributeError):
            operator.attrgetter("name", "nope")(Node("a"))

    def test_non_string(self):
        with self.assertRaises(TypeError) as cm:
            operator.attrgetter(1)
        self.assertEqual(str(cm.exception), "attribute name must be a string")
        with self.assertRaises(TypeError):
            operator.attrgetter("a", 2)
        with self.assertRaises(TypeError) as cm:
            operator.attrgetter()
        self.assertEqual(str(cm.exception), "attrgetter expected 1 argument, got 0")

    def test_call_arg_count(self):
        g = operator.attrgetter("name")
        with self.assertRaises(TypeError):
            g()
        with self.assertRaises(TypeError):
            g(Node("a"), Node("b"))
        with self.assertRaises(TypeError):
            g(obj=Node("a"))

    def test_repr(self):
        self.assertEqual(repr(operator.attrgetter("x")), "operator.attrgetter('x')")
        self.assertEqual(repr(operator.attrgetter("x", "y.z")),
                         "operator.attrgetter('x', 'y.z')")

    def test_pickle(self):
        n = Node("a", Node("b"))
        for getter in (operator.attrgetter("name"), operator.attrgetter("child.name"),
                       operator.attrgetter("name", "child.name")):
            for proto in range(pickle.HIGHEST_PROTOCOL + 1):
                with self.subTest(getter=getter, proto=proto):
                    clone = pickle.loads(pickle.dumps(getter, proto))
                    self.assertEqual(repr(clone), repr(getter))
                    self.assertEqual(clone(n), getter(n))

    def test_copy(self):
        g = operator.attrgetter("child.name")
        n = Node("a", Node("b"))
        self.assertEqual(copy.copy(g)(n), "b")
        self.assertEqual(copy.deepcopy(g)(n), "b")

    def test_sort_key(self):
        nodes = [Node("b"), Node("c"), Node("a")]
        self.assertEqual([n.name for n in sorted(nodes, key=operator.attrgetter("name"))],
                         ["a", "b", "c"])

    def test_no_instance_dict(self):
        with self.assertRaises((AttributeError, TypeError)):
            operator.attrgetter("x").extra = 1


class ItemgetterTests(unittest.TestCase):

    def test_single(self):
        self.assertEqual(operator.itemgetter(1)("abc"), "b")
        self.assertEqual(operator.itemgetter("k")({"k": 3}), 3)
        self.assertEqual(operator.itemgetter(-1)([1, 2, 3]), 3)
        self.assertEqual(operator.itemgetter(slice(1, None))([1, 2, 3]), [2, 3])

    def test_multiple(self):
        self.assertEqual(operator.itemgetter(0, 2)("abc"), ("a", "c"))
        self.assertEqual(operator.itemgetter("a", "b")({"a": 1, "b": 2}), (1, 2))

    def test_single_tuple_key(self):
        d = {(1, 2): "pair"}
        self.assertEqual(operator.itemgetter((1, 2))(d), "pair")

    def test_errors(self):
        with self.assertRaises(IndexError):
            operator.itemgetter(5)([1])
        with self.assertRaises(KeyError):
            operator.itemgetter("x")({})
        with self.assertRaises(TypeError):
            operator.itemgetter(0)(5)
        with self.assertRaises(TypeError):
            operator.itemgetter("a")([1])
        with self.assertRaises(TypeError) as cm:
            operator.itemgetter()
        self.assertEqual(str(cm.exception), "itemgetter expected 1 argument, got 0")

    def test_call_arg_count(self):
        g = operator.itemgetter(0)
        with self.assertRaises(TypeError):
            g()
        with self.assertRaises(TypeError):
            g([1], [2])

    def test_repr(self):
        self.assertEqual(repr(operator.itemgetter(1)), "operator.itemgetter(1)")
        self.assertEqual(repr(operator.itemgetter("a", 2)), "operator.itemgetter('a', 2)")

    def test_pickle(self):
        for getter in (operator.itemgetter(1), operator.itemgetter(0, 2)):
            for proto in range(pickle.HIGHEST_PROTOCOL + 1):
                with self.subTest(getter=getter, proto=proto):
                    clone = pickle.loads(pickle.dumps(getter, proto))
                    self.assertEqual(repr(clone), repr(getter))
                    self.assertEqual(clone("abc"), getter("abc"))

    def test_sort_key(self):
        data = [("b", 2), ("a", 3), ("c", 1)]
        self.assertEqual(sorted(data, key=operator.itemgetter(1)),
                         [("c", 1), ("b", 2), ("a", 3)])

    def test_map(self):
        self.assertEqual(list(map(operator.itemgetter(0), ["ab", "cd"])), ["a", "c"])


class Greeter:
    def greet(self, name="world", *, punct="!"):
        return f"hello {name}{punct}"


class MethodcallerTests(unittest.TestCase):

    def test_no_args(self):
        self.assertEqual(operator.methodcaller("upper")("abc"), "ABC")

    def test_args_and_kwargs(self):
        self.assertEqual(operator.methodcaller("greet")(Greeter()), "hello world!")
        self.assertEqual(operator.methodcaller("greet", "you")(Greeter()), "hello you!")
        self.assertEqual(operator.methodcaller("greet", "x", punct="?")(Greeter()),
                         "hello x?")
        self.assertEqual(operator.methodcaller("split", ",", maxsplit=1)("a,b,c"),
                         ["a", "b,c"])

    def test_name_keyword_allowed(self):
        class C:
            def f(self, name):
                return name
        self.assertEqual(operator.methodcaller("f", name="n")(C()), "n")

    def test_errors(self):
        msg = "methodcaller needs at least one argument, the method name"
        with self.assertRaises(TypeError) as cm:
            operator.methodcaller()
        self.assertEqual(str(cm.exception), msg)
        with self.assertRaises(TypeError) as cm:
            operator.methodcaller(name="upper")
        self.assertEqual(str(cm.exception), msg)
        with self.assertRaises(TypeError) as cm:
            operator.methodcaller(12)
        self.assertEqual(str(cm.exception), "method name must be a string")
        with self.assertRaises(AttributeError):
            operator.methodcaller("nope")(1)
        with self.assertRaises(TypeError):
            operator.methodcaller("upper", 1)("a")

    def test_dotted_name_not_followed(self):
        with self.assertRaises(AttributeError):
            operator.methodcaller("real.bit_length")(5)

    def test_call_arg_count(self):
        m = operator.methodcaller("upper")
        with self.assertRaises(TypeError):
            m()
        with self.assertRaises(TypeError):
            m("a", "b")

    def test_repr(self):
        self.assertEqual(repr(operator.methodcaller("f")), "operator.methodcaller('f')")
        self.assertEqual(repr(operator.methodcaller("f", 1, "x", k=2)),
                         "operator.methodcaller('f', 1, 'x', k=2)")

    def test_pickle(self):
        callers = [operator.methodcaller("greet"), operator.methodcaller("greet", "a"),
                   operator.methodcaller("greet", "a", punct="."),
                   operator.methodcaller("greet", punct="?")]
        for m in callers:
            for proto in range(pickle.HIGHEST_PROTOCOL + 1):
                with self.subTest(m=m, proto=proto):
                    clone = pickle.loads(pickle.dumps(m, proto))
                    self.assertEqual(repr(clone), repr(m))
                    self.assertEqual(clone(Greeter()), m(Greeter()))

    def test_copy(self):
        m = operator.methodcaller("greet", "z", punct="#")
        self.assertEqual(copy.copy(m)(Greeter()), "hello z#")
        self.assertEqual(copy.deepcopy(m)(Greeter()), "hello z#")


if __name__ == "__main__":
    unittest.main()
