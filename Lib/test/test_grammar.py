"""Language syntax: every construct of the Python 3.13 grammar parses and runs.

Each test executes real code and checks its results, so it exercises the tokenizer, the
parser, the compiler and the evaluation loop together.
"""

import unittest

try:
    import typing
except ImportError:
    # PEP 695 objects (TypeVar, TypeAliasType) are created through the typing module.
    typing = None


def run(source, namespace=None):
    """Execute source in a fresh namespace and return the namespace."""
    ns = {} if namespace is None else namespace
    exec(compile(source, "<test>", "exec"), ns)
    return ns


class TokenTests(unittest.TestCase):

    def test_backslash_continuation(self):
        x = 1 \
            + 1
        self.assertEqual(x, 2)
        ns = run("y = 1 + \\\n    2\n")
        self.assertEqual(ns["y"], 3)

    def test_implicit_line_joining(self):
        x = (1 +
             2 +
             3)
        self.assertEqual(x, 6)
        items = [
            1,
            2,
        ]
        self.assertEqual(items, [1, 2])

    def test_integer_literals(self):
        self.assertEqual(0xff, 255)
        self.assertEqual(0XFF, 255)
        self.assertEqual(0o17, 15)
        self.assertEqual(0O17, 15)
        self.assertEqual(0b101, 5)
        self.assertEqual(0B101, 5)
        self.assertEqual(1_000_000, 1000000)
        self.assertEqual(0x_ff_ff, 65535)
        self.assertEqual(0b_1_0, 2)
        self.assertEqual(0, 00)
        self.assertEqual(123456789012345678901234567890 % 1000, 890)
        self.assertEqual(0xFFFFFFFFFFFFFFFFFFFF, 2 ** 80 - 1)

    def test_float_literals(self):
        self.assertEqual(1.5, 3 / 2)
        self.assertEqual(.5, 0.5)
        self.assertEqual(5., 5.0)
        self.assertEqual(1e3, 1000.0)
        self.assertEqual(1E-3, 0.001)
        self.assertEqual(1_0.0_1, 10.01)
        self.assertEqual(1e1_0, 1e10)
        self.assertEqual(type(1e0), float)

    def test_imaginary_literals(self):
        self.assertEqual(1j * 1j, -1)
        self.assertEqual(2J.imag, 2.0)
        self.assertEqual(1.5j.imag, 1.5)
        self.assertEqual((3 + 4j).real, 3.0)

    def test_string_literals(self):
        self.assertEqual('a' "b" '''c''' """d""", "abcd")
        self.assertEqual('\n\t\\\'\"', "\n\t\\'\"")
        self.assertEqual('\x41\101\u0041\U00000041', "AAAA")
        self.assertEqual(len('\u00e9'), 1)
        self.assertEqual(r'\n', "\\n")
        self.assertEqual(R'\d', "\\d")
        self.assertEqual(u'abc', "abc")
        self.assertEqual('a\
b', "ab")
        self.assertEqual("""line1
line2""", "line1\nline2")
        self.assertEqual('\0', chr(0))
        self.assertEqual('\a\b\f\v\r', "\x07\x08\x0c\x0b\x0d")

    def test_bytes_literals(self):
        self.assertEqual(b'abc', bytes([97, 98, 99]))
        self.assertEqual(b'\x00\xff', bytes([0, 255]))
        self.assertEqual(rb'\n', bytes([92, 110]))
        self.assertEqual(Br'\n', bytes([92, 110]))
        self.assertEqual(b'a' b'b', b'ab')

    def test_non_ascii_source(self):
        ns = run("s = 'é日本'\nn = len(s)\n")
        self.assertEqual(ns["n"], 3)
        ns = run("# -*- coding: latin-1 -*-\nx = 1\n")
        self.assertEqual(ns["x"], 1)

    def test_ellipsis(self):
        self.assertIs(..., Ellipsis)

    def test_comments(self):
        x = 1  # a comment
        # a comment on its own line
        self.assertEqual(x, 1)

    def test_tabs_and_spaces(self):
        ns = run("if 1:\n\tx = 1\n\ty = 2\n")
        self.assertEqual(ns["y"], 2)


class ExpressionTests(unittest.TestCase):

    def test_precedence(self):
        self.assertEqual(2 + 3 * 4, 14)
        self.assertEqual((2 + 3) * 4, 20)
        self.assertEqual(-2 ** 2, -4)
        self.assertEqual(2 ** -1, 0.5)
        self.assertEqual(2 ** 3 ** 2, 512)
        self.assertEqual(7 // 2 * 2 + 7 % 2, 7)
        self.assertEqual(1 << 2 + 1, 8)
        self.assertEqual(6 & 3 | 8 ^ 1, 11)
        self.assertEqual(~5, -6)
        self.assertEqual(- - 5, 5)
        self.assertTrue(not 1 == 2)
        self.assertEqual(1 or 2 and 0, 1)

    def test_comparison_chains(self):
        self.assertTrue(1 < 2 < 3)
        self.assertFalse(1 < 3 < 2)
        self.assertTrue(1 <= 1 == 1 != 2 >= 2 > 1)
        x = [1]
        self.assertTrue(1 in x)
        self.assertTrue(2 not in x)
        self.assertTrue(x is x)
        self.assertTrue(x is not None)
        calls = []

        def f(v):
            calls.append(v)
            return v

        self.assertFalse(f(3) < f(1) < f(2))
        self.assertEqual(calls, [3, 1])

    def test_boolean_operators(self):
        self.assertEqual(0 or "x", "x")
        self.assertEqual(1 and "y", "y")
        self.assertEqual(0 and 1, 0)
        self.assertEqual(None or 0 or [], [])
        self.assertIs(not None, True)

    def test_conditional_expression(self):
        self.assertEqual(1 if True else 2, 1)
        self.assertEqual(1 if False else 2 if False else 3, 3)
        f = lambda x: "neg" if x < 0 else "pos"
        self.assertEqual(f(-1), "neg")

    def test_lambda(self):
        self.assertEqual((lambda: 1)(), 1)
        self.assertEqual((lambda x, y=2: x + y)(1), 3)
        self.assertEqual((lambda *a, **k: (a, k))(1, b=2), ((1,), {"b": 2}))
        self.assertEqual((lambda a, /, b, *, c: a + b + c)(1, 2, c=3), 6)
        self.assertEqual((lambda x=lambda: 5: x())(), 5)

    def test_walrus(self):
        if (n := 10) > 5:
            self.assertEqual(n, 10)
        data = [1, 2, 3]
        self.assertEqual([y for x in data if (y := x * 2) > 2], [4, 6])
        self.assertEqual(y, 6)
        while (chunk := data.pop()) != 1:
            pass
        self.assertEqual(chunk, 1)
        self.assertEqual(print_and_return(v := 3), 3)
        self.assertEqual(v, 3)

    def test_calls(self):
        def f(*args, **kwargs):
            return args, kwargs

        self.assertEqual(f(1, 2), ((1, 2), {}))
        self.assertEqual(f(*[1, 2], 3, *(4,)), ((1, 2, 3, 4), {}))
        self.assertEqual(f(a=1, **{"b": 2}, c=3), ((), {"a": 1, "b": 2, "c": 3}))
        self.assertEqual(f(1, *[2], x=3, **{"y": 4}), ((1, 2), {"x": 3, "y": 4}))
        self.assertEqual(f(x for x in range(3))[0][0].__class__.__name__, "generator")
        self.assertEqual(f(1,), ((1,), {}))

    def test_subscripts_and_slices(self):
        a = list(range(10))
        self.assertEqual(a[1], 1)
        self.assertEqual(a[-1], 9)
        self.assertEqual(a[1:3], [1, 2])
        self.assertEqual(a[::3], [0, 3, 6, 9])
        self.assertEqual(a[:2], [0, 1])
        self.assertEqual(a[8:], [8, 9])
        self.assertEqual(a[::-1][0], 9)
        self.assertEqual(a[1:8:2], [1, 3, 5, 7])
        d = {(1, 2): "t", (1,): "one"}
        self.assertEqual(d[1, 2], "t")
        self.assertEqual(d[1,], "one")

        class Index:
            def __getitem__(self, key):
                return key

        i = Index()
        self.assertEqual(i[1:2, ...], (slice(1, 2, None), Ellipsis))
        self.assertEqual(i[*[1, 2]], (1, 2))
        self.assertEqual(i[0, *[1, 2]], (0, 1, 2))
        self.assertEqual(i[::], slice(None, None, None))

    def test_attributes(self):
        class C:
            pass

        c = C()
        c.x = C()
        c.x.y = 5
        self.assertEqual(c.x.y, 5)

    def test_displays(self):
        self.assertEqual([], list())
        self.assertEqual([1, 2,], [1, 2])
        self.assertEqual((), tuple())
        self.assertEqual((1,), tuple([1]))
        self.assertEqual({}, dict())
        self.assertEqual({1: 2, **{3: 4}}, {1: 2, 3: 4})
        self.assertEqual({1, 2, *[3]}, {1, 2, 3})
        self.assertEqual([*range(2), *"ab"], [0, 1, "a", "b"])
        self.assertEqual((*[1], 2), (1, 2))

    def test_comprehensions(self):
        self.assertEqual([x * x for x in range(4)], [0, 1, 4, 9])
        self.assertEqual([x for x in range(10) if x % 2 if x > 4], [5, 7, 9])
        self.assertEqual([(x, y) for x in range(2) for y in "ab"],
                         [(0, "a"), (0, "b"), (1, "a"), (1, "b")])
        self.assertEqual({x % 3 for x in range(10)}, {0, 1, 2})
        self.assertEqual({k: v for k, v in [(1, 2), (3, 4)]}, {1: 2, 3: 4})
        self.assertEqual(list(x + 1 for x in range(3)), [1, 2, 3])
        self.assertEqual(sum(x for x in range(5)), 10)
        self.assertEqual([[y for y in range(x)] for x in range(3)], [[], [0], [0, 1]])
        self.assertEqual([a for a, *b in [(1, 2, 3)]], [1])

    def test_starred_assignment_targets(self):
        a, *b = [1, 2, 3]
        self.assertEqual((a, b), (1, [2, 3]))
        *a, b = "xyz"
        self.assertEqual((a, b), (["x", "y"], "z"))
        [a, [b, c]] = [1, [2, 3]]
        self.assertEqual((a, b, c), (1, 2, 3))
        (a, b), c = (1, 2), 3
        self.assertEqual((a, b, c), (1, 2, 3))

    def test_yield_expressions(self):
        def gen():
            x = yield 1
            yield x
            yield from [3, 4]
            y = yield
            return y

        g = gen()
        self.assertEqual(next(g), 1)
        self.assertEqual(g.send(2), 2)
        self.assertEqual(list(g), [3, 4, None])


def print_and_return(value):
    return value


class StatementTests(unittest.TestCase):

    def test_assignment_forms(self):
        a = b = c = 1
        self.assertEqual((a, b, c), (1, 1, 1))
        x = 1
        x += 2
        x -= 1
        x *= 6
        x //= 4
        x **= 2
        x %= 5
        x <<= 3
        x >>= 1
        x |= 1
        x &= 7
        x ^= 2
        self.assertEqual(x, 3)
        y = 10.0
        y /= 4
        self.assertEqual(y, 2.5)

    def test_annotated_assignment(self):
        ns = run("x: int = 5\ny: str\nz: list[int] = []\n")
        self.assertEqual(ns["x"], 5)
        self.assertNotIn("y", ns)
        self.assertEqual(ns["__annotations__"]["y"], str)

        class C:
            a: int = 1
            b: "str"

        self.assertEqual(C.__annotations__, {"a": int, "b": "str"})

    def test_del(self):
        x = 1
        del x
        d = {1: 2, 3: 4}
        del d[1]
        self.assertEqual(d, {3: 4})
        a = [1, 2, 3]
        del a[0], a[0]
        self.assertEqual(a, [3])
        b = c = 1
        del (b, c)

    def test_pass_break_continue(self):
        out = []
        for i in range(10):
            if i == 2:
                continue
            if i == 5:
                break
            out.append(i)
        else:
            out.append("else")
        self.assertEqual(out, [0, 1, 3, 4])
        for i in range(2):
            pass
        else:
            out.append("else")
        self.assertEqual(out[-1], "else")

    def test_while_else(self):
        n = 0
        while n < 3:
            n += 1
        else:
            n = -n
        self.assertEqual(n, -3)

    def test_if_elif_else(self):
        def classify(v):
            if v < 0:
                return "neg"
            elif v == 0:
                return "zero"
            elif v < 10:
                return "small"
            else:
                return "big"

        self.assertEqual([classify(v) for v in (-1, 0, 5, 50)],
                         ["neg", "zero", "small", "big"])

    def test_simple_statements_on_one_line(self):
        x = 1; y = 2; z = x + y;
        self.assertEqual(z, 3)
        if x: a = 1; b = 2
        self.assertEqual(a + b, 3)

    def test_global_nonlocal(self):
        ns = run("g = 0\ndef f():\n    global g\n    g = 5\nf()\n")
        self.assertEqual(ns["g"], 5)

        def outer():
            v = 1

            def inner():
                nonlocal v
                v += 1

            inner()
            return v

        self.assertEqual(outer(), 2)

    def test_assert(self):
        assert True
        assert 1, "message"
        with self.assertRaises(AssertionError):
            assert False, "boom"

    def test_import_forms(self):
        import sys
        import sys as system
        from sys import maxsize
        from sys import (maxsize as m,)
        self.assertIs(system, sys)
        self.assertEqual(m, maxsize)

    def test_raise_forms(self):
        with self.assertRaises(ValueError):
            raise ValueError
        try:
            try:
                raise KeyError("k")
            except KeyError as e:
                raise ValueError("v") from e
        except ValueError as e:
            self.assertIsInstance(e.__cause__, KeyError)
        with self.assertRaises(TypeError):
            try:
                raise TypeError
            except TypeError:
                raise

    def test_try_forms(self):
        log = []
        try:
            log.append("body")
        except Exception:
            log.append("except")
        else:
            log.append("else")
        finally:
            log.append("finally")
        self.assertEqual(log, ["body", "else", "finally"])
        try:
            1 / 0
        except (TypeError, ZeroDivisionError) as e:
            log.append(type(e).__name__)
        self.assertEqual(log[-1], "ZeroDivisionError")
        try:
            pass
        finally:
            log.append("only finally")
        self.assertEqual(log[-1], "only finally")

    def test_try_star(self):
        seen = []
        try:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* ValueError as e:
            seen.append(len(e.exceptions))
        except* TypeError:
            seen.append("type")
        self.assertEqual(seen, [1, "type"])

    def test_with_forms(self):
        log = []

        class CM:
            def __init__(self, name):
                self.name = name

            def __enter__(self):
                log.append("enter " + self.name)
                return self.name

            def __exit__(self, *exc):
                log.append("exit " + self.name)
                return False

        with CM("a") as a, CM("b") as b:
            self.assertEqual((a, b), ("a", "b"))
        with (CM("c") as c, CM("d")):
            pass
        with (CM("e") as e,):
            pass
        with CM("f") as (f1):
            pass
        with (CM("g")):
            pass
        self.assertEqual(log[:4], ["enter a", "enter b", "exit b", "exit a"])
        self.assertEqual(c, "c")
        self.assertEqual(e, "e")
        self.assertEqual(f1, "f")


class DefinitionTests(unittest.TestCase):

    def test_parameters(self):
        def f(a, b=2, *args, c, d=4, **kwargs):
            return a, b, args, c, d, kwargs

        self.assertEqual(f(1, c=3), (1, 2, (), 3, 4, {}))
        self.assertEqual(f(1, 5, 6, c=3, e=7), (1, 5, (6,), 3, 4, {"e": 7}))

        def g(a, /, b, *, c):
            return a + b + c

        self.assertEqual(g(1, b=2, c=3), 6)
        with self.assertRaises(TypeError):
            g(a=1, b=2, c=3)

        def h(*, key=None):
            return key

        self.assertEqual(h(key=1), 1)

    def test_annotations(self):
        def f(a: int, b: "str" = "x", *args: float, **kw: bool) -> list:
            pass

        self.assertEqual(f.__annotations__["a"], int)
        self.assertEqual(f.__annotations__["return"], list)
        self.assertEqual(f.__annotations__["args"], float)

    def test_decorators(self):
        def add(n):
            def deco(func):
                return lambda: func() + n
            return deco

        @add(1)
        @add(10)
        def f():
            return 100

        self.assertEqual(f(), 111)

        @(lambda fn: fn)
        def g():
            return "g"

        self.assertEqual(g(), "g")

    def test_class_definitions(self):
        class Base:
            def hello(self):
                return "base"

        class Meta(type):
            pass

        class C(Base, metaclass=Meta):
            x = 1

            def hello(self):
                return "c+" + super().hello()

        self.assertEqual(C().hello(), "c+base")
        self.assertIs(type(C), Meta)

        class Empty():
            pass

        self.assertEqual(Empty.__name__, "Empty")

    def test_async_syntax(self):
        ns = run(
            "async def agen():\n"
            "    yield 1\n"
            "async def f(xs):\n"
            "    out = []\n"
            "    async for x in agen():\n"
            "        out.append(x)\n"
            "    out2 = [y async for y in agen()]\n"
            "    return out + out2\n"
        )
        coro = ns["f"]([])
        try:
            coro.send(None)
        except StopIteration as e:
            self.assertEqual(e.value, [1, 1])

    @unittest.skipIf(typing is None, "needs the typing module")
    def test_type_parameters(self):
        ns = run(
            "def first[T](xs: list[T]) -> T:\n"
            "    return xs[0]\n"
            "class Box[T, *Ts, **P]:\n"
            "    pass\n"
            "type Alias[K] = dict[K, int]\n"
            "type Simple = int\n"
        )
        self.assertEqual(ns["first"]([3, 4]), 3)
        self.assertEqual(len(ns["Box"].__type_params__), 3)
        self.assertEqual(ns["Simple"].__value__, int)
        self.assertEqual(ns["Alias"].__name__, "Alias")

    @unittest.skipIf(typing is None, "needs the typing module")
    def test_type_parameter_defaults(self):
        ns = run("class C[T = int, **P = [str]]: pass\nclass D[*Ts = *tuple[int]]: pass\n")
        params = ns["C"].__type_params__
        self.assertEqual(params[0].__default__, int)

    def test_soft_keywords_as_names(self):
        match = 1
        case = 2
        type = 3
        _ = 4
        self.assertEqual(match + case + type + _, 10)


class MatchTests(unittest.TestCase):

    def describe(self, value):
        match value:
            case None:
                return "none"
            case True | False:
                return "bool"
            case 0 | -1:
                return "small int"
            case 1 + 2j:
                return "complex"
            case "a" "b":
                return "ab"
            case [x, y, *rest]:
                return ("seq", x, y, rest)
            case {"k": v, **others}:
                return ("map", v, others)
            case Point(x=0, y=yy):
                return ("point on y axis", yy)
            case Point(xx, 0):
                return ("point on x axis", xx)
            case (int() | float()) as num if num > 100:
                return "big number"
            case str() as s:
                return "str " + s
            case _:
                return "other"

    def test_patterns(self):
        self.assertEqual(self.describe(None), "none")
        self.assertEqual(self.describe(True), "bool")
        self.assertEqual(self.describe(-1), "small int")
        self.assertEqual(self.describe(1 + 2j), "complex")
        self.assertEqual(self.describe("ab"), "ab")
        self.assertEqual(self.describe([1, 2, 3, 4]), ("seq", 1, 2, [3, 4]))
        self.assertEqual(self.describe({"k": 1, "z": 2}), ("map", 1, {"z": 2}))
        self.assertEqual(self.describe(Point(0, 5)), ("point on y axis", 5))
        self.assertEqual(self.describe(Point(7, 0)), ("point on x axis", 7))
        self.assertEqual(self.describe(1000), "big number")
        self.assertEqual(self.describe("x"), "str x")
        self.assertEqual(self.describe(3.0), "other")

    def test_value_and_group_patterns(self):
        import math
        match math.pi:
            case math.pi:
                hit = "pi"
            case _:
                hit = "no"
        self.assertEqual(hit, "pi")
        match (1, 2):
            case (1, (2 | 3) as b):
                self.assertEqual(b, 2)
            case _:
                self.fail("no match")

    def test_match_subject_tuple(self):
        match 1, 2:
            case a, b:
                self.assertEqual((a, b), (1, 2))

    def test_match_as_identifier(self):
        match = [1]
        match[0] = 2
        self.assertEqual(match, [2])


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class CompileModeTests(unittest.TestCase):

    def test_eval_mode(self):
        self.assertEqual(eval(compile("1 + 2", "<e>", "eval")), 3)
        self.assertEqual(eval("  5"), 5)
        self.assertEqual(eval("(1,\n 2)"), (1, 2))

    def test_single_mode(self):
        code = compile("x = 42\n", "<s>", "single")
        ns = {}
        exec(code, ns)
        self.assertEqual(ns["x"], 42)

    def test_source_without_trailing_newline(self):
        self.assertEqual(run("x = 1")["x"], 1)
        self.assertEqual(run("if True:\n    y = 2")["y"], 2)

    def test_crlf_newlines(self):
        self.assertEqual(run("x = 1\r\ny = x + 1\r\n")["y"], 2)

    def test_only_ast_round_trip(self):
        import _ast
        source = "total = 0\nfor i in range(4):\n    total += i * 2\n"
        tree = compile(source, "<ast>", "exec", _ast.PyCF_ONLY_AST)
        self.assertIsInstance(tree, _ast.Module)
        loop = tree.body[1]
        self.assertIsInstance(loop, _ast.For)
        self.assertEqual(loop.target.id, "i")
        self.assertIsInstance(loop.target.ctx, _ast.Store)
        self.assertEqual((loop.lineno, loop.col_offset), (2, 0))
        self.assertEqual((loop.end_lineno, loop.end_col_offset), (3, 18))
        self.assertEqual(run_code(compile(tree, "<ast>", "exec"))["total"], 12)

    def test_build_ast_by_hand(self):
        import _ast
        loc = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)
        expr = _ast.Expression(body=_ast.BinOp(left=_ast.Constant(6, **loc), op=_ast.Mult(),
                                               right=_ast.Constant(7, **loc), **loc))
        self.assertEqual(eval(compile(expr, "<ast>", "eval")), 42)
        name = _ast.Name("x", _ast.Load())
        self.assertEqual((name.id, type(name.ctx).__name__), ("x", "Load"))
        self.assertEqual(_ast.Name._fields, ("id", "ctx"))


def run_code(code):
    """Execute a code object in a fresh namespace and return the namespace."""
    ns = {}
    exec(code, ns)
    return ns


if __name__ == "__main__":
    unittest.main()
