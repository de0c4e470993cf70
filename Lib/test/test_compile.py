"""Tests for compile(): modes, compiler SyntaxErrors, code objects, constant folding."""

import unittest


def compile_error(source, mode="exec"):
    """Return the SyntaxError that compiling source raises."""
    try:
        compile(source, "<test>", mode)
    except SyntaxError as exc:
        return exc
    raise AssertionError("no SyntaxError for %r" % (source,))


class ModeTests(unittest.TestCase):

    def test_exec_mode(self):
        code = compile("x = 1 + 2", "<test>", "exec")
        ns = {}
        exec(code, ns)
        self.assertEqual(ns["x"], 3)

    def test_eval_mode(self):
        code = compile("a * 2", "<test>", "eval")
        self.assertEqual(eval(code, {"a": 21}), 42)

    def test_single_mode_statement(self):
        ns = {}
        exec(compile("y = 5\n", "<test>", "single"), ns)
        self.assertEqual(ns["y"], 5)

    def test_bad_mode(self):
        with self.assertRaises(ValueError):
            compile("1", "<test>", "nonsense")

    def test_eval_rejects_statements(self):
        with self.assertRaises(SyntaxError):
            compile("x = 1", "<test>", "eval")

    def test_filename(self):
        code = compile("pass", "some_file.py", "exec")
        self.assertEqual(code.co_filename, "some_file.py")
        self.assertEqual(code.co_name, "<module>")

    def test_bytes_source(self):
        code = compile(b"z = 'ok'", "<test>", "exec")
        ns = {}
        exec(code, ns)
        self.assertEqual(ns["z"], "ok")

    def test_optimize_removes_asserts(self):
        code = compile("assert False", "<test>", "exec", optimize=1)
        exec(code, {})
        code = compile("assert False", "<test>", "exec", optimize=0)
        with self.assertRaises(AssertionError):
            exec(code, {})

    def test_debug_constant(self):
        self.assertIs(eval(compile("__debug__", "<test>", "eval", optimize=0)), True)
        self.assertIs(eval(compile("__debug__", "<test>", "eval", optimize=1)), False)

    def test_docstring_removed_at_optimize_2(self):
        src = "def f():\n    'doc'\n    return 1\n"
        ns = {}
        exec(compile(src, "<test>", "exec", optimize=0), ns)
        self.assertEqual(ns["f"].__doc__, "doc")
        ns = {}
        exec(compile(src, "<test>", "exec", optimize=2), ns)
        self.assertIsNone(ns["f"].__doc__)


class CompilerSyntaxErrorTests(unittest.TestCase):

    def check(self, source, message, lineno=None, mode="exec"):
        exc = compile_error(source, mode)
        self.assertEqual(exc.msg, message)
        if lineno is not None:
            self.assertEqual(exc.lineno, lineno)
        self.assertEqual(exc.filename, "<test>")
        return exc

    def test_return_outside_function(self):
        exc = self.check("x = 1\nreturn x\n", "'return' outside function", 2)
        self.assertEqual(exc.offset, 1)

    def test_return_in_class_body(self):
        self.check("class C:\n    return 1\n", "'return' outside function", 2)

    def test_break_outside_loop(self):
        self.check("break\n", "'break' outside loop", 1)

    def test_continue_outside_loop(self):
        self.check("if x:\n    continue\n", "'continue' not properly in loop", 2)

    def test_break_in_function_in_loop(self):
        self.check("for x in y:\n    def f():\n        break\n", "'break' outside loop", 3)

    def test_yield_outside_function(self):
        self.check("yield 1\n", "'yield' outside function", 1)

    def test_await_outside_function(self):
        self.check("await x\n", "'await' outside function", 1)

    def test_await_outside_async_function(self):
        self.check("def f():\n    await x\n", "'await' outside async function", 2)

    def test_yield_from_in_async_function(self):
        self.check("async def f():\n    yield from x\n",
                   "'yield from' inside async function", 2)

    def test_return_value_in_async_generator(self):
        self.check("async def f():\n    yield 1\n    return 2\n",
                   "'return' with value in async generator", 3)

    def test_assign_to_debug(self):
        self.check("__debug__ = 1\n", "cannot assign to __debug__", 1)

    def test_debug_as_argument(self):
        self.check("def f(__debug__): pass\n", "cannot assign to __debug__", 1)

    def test_delete_debug(self):
        self.check("del __debug__\n", "cannot delete __debug__", 1)

    def test_duplicate_argument(self):
        self.check("def f(a, a): pass\n", "duplicate argument 'a' in function definition", 1)

    def test_duplicate_lambda_argument(self):
        self.check("lambda a, *, a: 0\n", "duplicate argument 'a' in function definition", 1)

    def test_keyword_argument_repeated(self):
        self.check("f(a=1, a=2)\n", "keyword argument repeated: a", 1)

    def test_nonlocal_at_module_level(self):
        self.check("nonlocal x\n", "nonlocal declaration not allowed at module level", 1)

    def test_no_binding_for_nonlocal(self):
        self.check("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2)

    def test_used_prior_to_global(self):
        self.check("def f():\n    print(x)\n    global x\n",
                   "name 'x' is used prior to global declaration", 3)

    def test_assigned_before_global(self):
        self.check("def f():\n    x = 1\n    global x\n",
                   "name 'x' is assigned to before global declaration", 3)

    def test_parameter_and_global(self):
        self.check("def f(x):\n    global x\n", "name 'x' is parameter and global", 2)

    def test_parameter_and_nonlocal(self):
        self.check("def g():\n    x = 1\n    def f(x):\n        nonlocal x\n",
                   "name 'x' is parameter and nonlocal", 4)

    def test_nonlocal_and_global(self):
        self.check("def g():\n    x = 1\n    def f():\n        global x\n        nonlocal x\n",
                   "name 'x' is nonlocal and global", 4)

    def test_import_star_in_function(self):
        self.check("def f():\n    from os import *\n",
                   "import * only allowed at module level", 2)

    def test_misplaced_future_import(self):
        self.check("x = 1\nfrom __future__ import annotations\n",
                   "from __future__ imports must occur at the beginning of the file", 2)

    def test_unknown_future_feature(self):
        self.check("from __future__ import spam\n", "future feature spam is not defined", 1)

    def test_future_braces(self):
        self.check("from __future__ import braces\n", "not a chance", 1)

    def test_walrus_rebinds_iteration_variable(self):
        self.check("[i := 0 for i in range(3)]\n",
                   "assignment expression cannot rebind comprehension iteration variable 'i'",
                   1)

    def test_walrus_in_class_comprehension(self):
        self.check("class C:\n    [(y := 1) for x in range(3)]\n",
                   "assignment expression within a comprehension cannot be used in a "
                   "class body", 2)

    def test_walrus_in_comprehension_iterable(self):
        self.check("[x for x in (y := [1])]\n",
                   "assignment expression cannot be used in a comprehension iterable "
                   "expression", 1)

    def test_yield_in_comprehension(self):
        self.check("def f():\n    return [(yield x) for x in y]\n",
                   "'yield' inside list comprehension", 2)

    def test_async_comprehension_outside_async(self):
        self.check("def f():\n    return [x async for x in y]\n",
                   "asynchronous comprehension outside of an asynchronous function", 2)

    def test_starred_assignment_alone(self):
        self.check("*a = [1]\n", "starred assignment target must be in a list or tuple", 1)

    def test_multiple_starred(self):
        self.check("a, *b, *c = d\n", "multiple starred expressions in assignment", 1)

    def test_starred_expression_here(self):
        self.check("x = *a\n", "can't use starred expression here", 1)

    def test_break_in_except_star(self):
        self.check("for x in y:\n    try:\n        pass\n    except* E:\n        break\n",
                   "'break', 'continue' and 'return' cannot appear in an except* block", 5)

    def test_wildcard_makes_patterns_unreachable(self):
        self.check("match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
                   "wildcard makes remaining patterns unreachable", 2)

    def test_capture_makes_patterns_unreachable(self):
        self.check("match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
                   "name capture 'y' makes remaining patterns unreachable", 2)

    def test_pattern_binds_twice(self):
        self.check("match x:\n    case [a, a]:\n        pass\n",
                   "multiple assignments to name 'a' in pattern", 2)

    def test_alternatives_bind_different_names(self):
        self.check("match x:\n    case [a] | [b]:\n        pass\n",
                   "alternative patterns bind different names", 2)

    def test_yield_in_annotation_scopes(self):
        cases = [
            ("def f[T: (yield)](): pass",
             "yield expression cannot be used within a TypeVar bound"),
            ("def f[T: (int, (yield))](): pass",
             "yield expression cannot be used within a TypeVar constraint"),
            ("def f[T = (yield)](): pass",
             "yield expression cannot be used within a TypeVar default"),
            ("def f[*T = (yield)](): pass",
             "yield expression cannot be used within a TypeVarTuple default"),
            ("type A = (yield)", "yield expression cannot be used within a type alias"),
            ("class C[T]((yield)): pass",
             "yield expression cannot be used within the definition of a generic"),
            ("def f[T: (await x)](): pass",
             "await expression cannot be used within a TypeVar bound"),
            ("type A[T] = (y := 1)", "named expression cannot be used within a type alias"),
            ("from __future__ import annotations\nx: (y := 1)",
             "named expression cannot be used within an annotation"),
        ]
        for source, message in cases:
            with self.subTest(source=source):
                self.check(source, message)

    def test_mapping_pattern_duplicate_key(self):
        self.check("match x:\n    case {'a': 1, 'a': 2}:\n        pass\n",
                   "mapping pattern checks duplicate key ('a')", 2)


class CodeObjectTests(unittest.TestCase):

    def test_argument_counts(self):
        def f(a, b, /, c, *args, d, e=1, **kwargs):
            pass
        code = f.__code__
        self.assertEqual(code.co_argcount, 3)
        self.assertEqual(code.co_posonlyargcount, 2)
        self.assertEqual(code.co_kwonlyargcount, 2)
        self.assertEqual(code.co_varnames, ("a", "b", "c", "d", "e", "args", "kwargs"))
        self.assertEqual(code.co_nlocals, 7)
        self.assertTrue(code.co_flags & 0x04)   # CO_VARARGS
        self.assertTrue(code.co_flags & 0x08)   # CO_VARKEYWORDS

    def test_locals_after_arguments(self):
        def f(a):
            b = a
            c = b
            return c
        self.assertEqual(f.__code__.co_varnames, ("a", "b", "c"))

    def test_names(self):
        def f():
            return g.attr
        self.assertEqual(f.__code__.co_names, ("g", "attr"))

    def test_cell_and_free_vars(self):
        def outer():
            x = 1
            y = 2
            def inner():
                return x + y
            return inner
        self.assertEqual(outer.__code__.co_cellvars, ("x", "y"))
        self.assertEqual(outer().__code__.co_freevars, ("x", "y"))

    def test_argument_cell(self):
        def outer(a):
            def inner():
                return a
            return inner
        self.assertEqual(outer.__code__.co_cellvars, ("a",))
        self.assertEqual(outer.__code__.co_varnames, ("a", "inner"))
        self.assertEqual(outer(3)(), 3)

    def test_qualname(self):
        def outer():
            def inner():
                pass
            return inner
        self.assertEqual(outer.__code__.co_qualname,
                         "CodeObjectTests.test_qualname.<locals>.outer")
        self.assertEqual(outer().__code__.co_qualname,
                         "CodeObjectTests.test_qualname.<locals>.outer.<locals>.inner")

    def test_method_qualname(self):
        ns = {}
        exec("class C:\n    def m(self):\n        pass\n    class D:\n        def n(self): pass\n",
             ns)
        self.assertEqual(ns["C"].m.__code__.co_qualname, "C.m")
        self.assertEqual(ns["C"].D.n.__code__.co_qualname, "C.D.n")
        self.assertEqual(ns["C"].__qualname__, "C")
        self.assertEqual(ns["C"].D.__qualname__, "C.D")

    def test_global_function_qualname(self):
        ns = {}
        exec("def f():\n    global g\n    def g(): pass\n    return g\n", ns)
        self.assertEqual(ns["f"]().__qualname__, "g")

    def test_lambda_name(self):
        f = lambda: 0
        self.assertEqual(f.__code__.co_name, "<lambda>")
        self.assertEqual(f.__name__, "<lambda>")

    def test_firstlineno_with_decorator(self):
        src = "def deco(f):\n    return f\n\n@deco\ndef g():\n    pass\n"
        ns = {}
        exec(compile(src, "<test>", "exec"), ns)
        self.assertEqual(ns["g"].__code__.co_firstlineno, 4)
        self.assertEqual(ns["deco"].__code__.co_firstlineno, 1)

    def test_generator_flags(self):
        def gen():
            yield 1
        async def coro():
            pass
        async def agen():
            yield 1
        self.assertTrue(gen.__code__.co_flags & 0x20)
        self.assertTrue(coro.__code__.co_flags & 0x80)
        self.assertTrue(agen.__code__.co_flags & 0x200)
        self.assertFalse(gen.__code__.co_flags & 0x80)

    def test_function_flags(self):
        def f():
            pass
        self.assertEqual(f.__code__.co_flags & 0x3, 0x3)   # OPTIMIZED | NEWLOCALS
        module = compile("pass", "<test>", "exec")
        self.assertEqual(module.co_flags & 0x3, 0)

    def test_docstring_is_first_constant(self):
        def f():
            "the doc"
            return 5
        self.assertEqual(f.__code__.co_consts[0], "the doc")
        self.assertEqual(f.__doc__, "the doc")

    def test_docstring_cleaned(self):
        def f():
            """First.

            Indented.
            """
        self.assertEqual(f.__doc__, "First.\n\nIndented.\n")

    def test_class_docstring(self):
        class C:
            """Class doc."""
        self.assertEqual(C.__doc__, "Class doc.")

    def test_module_docstring(self):
        ns = {}
        exec(compile('"module doc"\nx = 1\n', "<test>", "exec"), ns)
        self.assertEqual(ns["__doc__"], "module doc")

    def test_repr(self):
        code = compile("pass", "file.py", "exec")
        r = repr(code)
        self.assertTrue(r.startswith("<code object <module> at 0x"), r)
        self.assertTrue(r.endswith(', file "file.py", line 1>'), r)

    def test_equality(self):
        a = compile("x = 1", "<test>", "exec")
        b = compile("x = 1", "<test>", "exec")
        c = compile("x = 2", "<test>", "exec")
        self.assertEqual(a, b)
        self.assertEqual(hash(a), hash(b))
        self.assertNotEqual(a, c)

    def test_zero_constants_distinguished(self):
        a = compile("x = 0.0", "<test>", "exec")
        b = compile("x = -0.0", "<test>", "exec")
        self.assertNotEqual(a, b)

    def test_replace(self):
        def f():
            return 1
        code = f.__code__
        new = code.replace(co_name="g")
        self.assertEqual(new.co_name, "g")
        self.assertEqual(new.co_code, code.co_code)
        self.assertEqual(code.co_name, "f")
        with self.assertRaises(TypeError):
            code.replace(co_bogus=1)

    def test_co_lines(self):
        code = compile("a = 1\nb = 2\nc = 3\n", "<test>", "exec")
        lines = [line for start, end, line in code.co_lines()]
        for expected in (1, 2, 3):
            self.assertIn(expected, lines)
        for start, end, line in code.co_lines():
            self.assertLessEqual(start, end)
            self.assertEqual(start % 2, 0)

    def test_co_positions(self):
        code = compile("x = 1\nyy = x + 2\n", "<test>", "exec")
        positions = list(code.co_positions())
        self.assertEqual(len(positions), len(code.co_code) // 2)
        self.assertIn((2, 2, 5, 10), positions)   # x + 2

    def test_code_type_attributes(self):
        code = compile("pass", "<test>", "exec")
        self.assertIsInstance(code.co_code, bytes)
        self.assertIsInstance(code.co_consts, tuple)
        self.assertIsInstance(code.co_linetable, bytes)
        self.assertIsInstance(code.co_exceptiontable, bytes)
        self.assertGreaterEqual(code.co_stacksize, 0)


class ConstantFoldingTests(unittest.TestCase):

    def consts(self, source):
        return compile(source, "<test>", "eval").co_consts

    def test_arithmetic(self):
        self.assertIn(6, self.consts("2 * 3"))
        self.assertIn(7, self.consts("1 + 2 * 3"))
        self.assertIn(-5, self.consts("-5"))
        self.assertIn(2.5, self.consts("5 / 2"))
        self.assertIn(1024, self.consts("2 ** 10"))

    def test_strings(self):
        self.assertIn("abcd", self.consts("'ab' + 'cd'"))
        self.assertIn("xxx", self.consts("'x' * 3"))

    def test_tuple_of_constants(self):
        self.assertIn((1, 2, 3), self.consts("(1, 2, 3)"))
        self.assertIn((1, (2, 3)), self.consts("(1, (2, 3))"))

    def test_in_list_becomes_tuple(self):
        self.assertIn((1, 2), self.consts("x in [1, 2]"))

    def test_huge_results_not_folded(self):
        consts = self.consts("2 ** 1000")
        self.assertNotIn(2 ** 1000, consts)
        self.assertEqual(eval("2 ** 1000"), 2 ** 1000)
        consts = self.consts("'x' * 100000")
        self.assertNotIn("x" * 100000, consts)

    def test_errors_left_for_run_time(self):
        code = compile("1 / 0", "<test>", "eval")
        with self.assertRaises(ZeroDivisionError):
            eval(code)

    def test_not_constant(self):
        self.assertIs(eval("not 0"), True)


class CompiledBehaviourTests(unittest.TestCase):
    """Small programs whose behaviour depends on code generation details."""

    def run_source(self, source):
        ns = {}
        exec(compile(source, "<test>", "exec"), ns)
        return ns

    def test_chained_comparison_evaluates_once(self):
        calls = []
        def f():
            calls.append(1)
            return 5
        self.assertTrue(1 < f() < 10)
        self.assertEqual(len(calls), 1)
        self.assertFalse(1 < 0 < f())
        self.assertEqual(len(calls), 1)

    def test_boolean_short_circuit(self):
        self.assertEqual(0 or 3, 3)
        self.assertEqual(2 and 3, 3)
        self.assertEqual(0 and 1 / 0, 0)
        self.assertEqual([] or {} or "x", "x")

    def test_return_through_finally(self):
        log = []
        def f():
            try:
                return "body"
            finally:
                log.append("finally")
        self.assertEqual(f(), "body")
        self.assertEqual(log, ["finally"])

    def test_finally_return_overrides(self):
        def f():
            try:
                raise ValueError
            finally:
                return "finally"
        self.assertEqual(f(), "finally")

    def test_break_continue_through_finally(self):
        log = []
        for i in range(5):
            try:
                if i == 1:
                    continue
                if i == 3:
                    break
                log.append(i)
            finally:
                log.append("f%d" % i)
        self.assertEqual(log, [0, "f0", "f1", 2, "f2", "f3"])

    def test_break_out_of_with(self):
        log = []
        class CM:
            def __enter__(self):
                log.append("enter")
                return self
            def __exit__(self, *args):
                log.append(("exit", args[0]))
                return False
        for i in range(3):
            with CM():
                if i == 1:
                    break
        self.assertEqual(log, ["enter", ("exit", None), "enter", ("exit", None)])

    def test_return_from_except_restores_exception(self):
        import sys
        def f():
            try:
                raise KeyError
            except KeyError:
                return sys.exception()
        self.assertIsInstance(f(), KeyError)
        self.assertIsNone(sys.exception())

    def test_with_suppresses(self):
        class Suppress:
            def __enter__(self):
                return self
            def __exit__(self, t, v, tb):
                return True
        with Suppress():
            raise ValueError
        self.assertTrue(True)

    def test_nested_except_as_clears_name(self):
        try:
            raise ValueError("x")
        except ValueError as e:
            self.assertEqual(str(e), "x")
        with self.assertRaises(UnboundLocalError):
            e

    def test_augmented_assignment_forms(self):
        class Obj:
            pass
        o = Obj()
        o.a = 1
        o.a += 2
        d = {"k": [1, 2, 3, 4]}
        d["k"] += [5]
        d["k"][1:3] += ["x"]
        n = 10
        n //= 3
        self.assertEqual(o.a, 3)
        self.assertEqual(d["k"], [1, 2, 3, "x", 4, 5])
        self.assertEqual(n, 3)

    def test_star_unpacking(self):
        a, *b, c = range(5)
        self.assertEqual((a, b, c), (0, [1, 2, 3], 4))
        *d, = "xy"
        self.assertEqual(d, ["x", "y"])
        self.assertEqual([*range(2), *"ab", 3], [0, 1, "a", "b", 3])
        self.assertEqual({**{"a": 1}, "b": 2}, {"a": 1, "b": 2})

    def test_call_forms(self):
        def f(*args, **kwargs):
            return args, kwargs
        self.assertEqual(f(1, *[2, 3], x=4, **{"y": 5}), ((1, 2, 3), {"x": 4, "y": 5}))
        self.assertEqual(f(*(), **{}), ((), {}))
        with self.assertRaises(TypeError):
            f(**{"a": 1}, **{"a": 2})

    def test_fstrings(self):
        x = 3.14159
        name = "w"
        self.assertEqual(f"{x:.2f}", "3.14")
        self.assertEqual(f"{name!r}", "'w'")
        self.assertEqual(f"{name!a:>5}", "  'w'")
        self.assertEqual(f"a{1}b{2}c", "a1b2c")
        width = 6
        self.assertEqual(f"{x:{width}.1f}", "   3.1")

    def test_class_body_names(self):
        ns = self.run_source("class C:\n    x = 1\n    y = x + 1\n")
        self.assertEqual(ns["C"].y, 2)
        self.assertEqual(ns["C"].__module__, ns["__name__"] if "__name__" in ns else "builtins")

    def test_static_attributes(self):
        class C:
            def __init__(self):
                self.b = 1
                self.a = 2
            def other(self):
                self.c = 3
        self.assertEqual(C.__static_attributes__, ("a", "b", "c"))

    def test_static_attributes_rules(self):
        class C:
            def m(this):
                this.a = 1
                self = this
                self.b = 2
                self.c += 1
                def inner():
                    self.d = 3
                (self.e, self.f) = 1, 2
                self.g: int = 3
                self.h: int
        self.assertEqual(C.__static_attributes__, ("b", "d", "e", "f", "g"))

    def test_firstlineno_attribute(self):
        ns = self.run_source("\n\nclass C:\n    pass\n")
        self.assertEqual(ns["C"].__firstlineno__, 3)

    def test_annotations(self):
        ns = self.run_source("x: int = 1\ny: str\nclass C:\n    z: float\n")
        self.assertEqual(ns["__annotations__"], {"x": int, "y": str})
        self.assertEqual(ns["C"].__annotations__, {"z": float})
        def f(a: int, *, b: "str" = "") -> list:
            pass
        self.assertEqual(f.__annotations__, {"a": int, "b": "str", "return": list})

    def test_future_annotations(self):
        try:
            import __future__
        except ImportError:
            self.skipTest("no Lib/__future__.py yet")
        ns = self.run_source("from __future__ import annotations\n"
                             "def f(a: list[int], b: x.y | None = None) -> dict[str, 'q']: "
                             "pass\n")
        self.assertEqual(ns["f"].__annotations__,
                         {"a": "list[int]", "b": "x.y | None", "return": "dict[str, 'q']"})

    def test_import_forms(self):
        ns = self.run_source("import os.path\nimport os.path as p\nfrom os import path as q\n")
        self.assertIs(ns["p"], ns["os"].path)
        self.assertIs(ns["q"], ns["p"])

    def test_lambda_defaults(self):
        fs = [lambda i=i: i for i in range(3)]
        self.assertEqual([f() for f in fs], [0, 1, 2])
        g = lambda a, /, b, *, c=3: (a, b, c)
        self.assertEqual(g(1, b=2), (1, 2, 3))

    def test_many_locals_extended_arg(self):
        names = ["v%d" % i for i in range(300)]
        src = "def f():\n" + "".join("    %s = %d\n" % (n, i) for i, n in enumerate(names))
        src += "    return v299 + v0\n"
        ns = self.run_source(src)
        self.assertEqual(ns["f"](), 299)

    def test_long_jump(self):
        body = "".join("        x = x + %d\n" % i for i in range(400))
        src = "def f(flag):\n    x = 0\n    if flag:\n" + body + "    return x\n"
        ns = self.run_source(src)
        self.assertEqual(ns["f"](True), sum(range(400)))
        self.assertEqual(ns["f"](False), 0)


class CompilerWarningTests(unittest.TestCase):
    """SyntaxWarnings the compiler emits, and their promotion to SyntaxError."""

    def warnings_for(self, source):
        import warnings
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            compile(source, "<test>", "exec")
        return [(w.category, str(w.message)) for w in caught]

    def test_is_literal(self):
        self.assertEqual(self.warnings_for("x is 1"),
                         [(SyntaxWarning, "\"is\" with 'int' literal. Did you mean \"==\"?")])
        self.assertEqual(self.warnings_for("x is None"), [])

    def test_missing_comma(self):
        self.assertEqual(self.warnings_for("[(1, 2) (3, 4)]"),
                         [(SyntaxWarning,
                           "'tuple' object is not callable; perhaps you missed a comma?")])
        self.assertEqual(self.warnings_for("None[1]"),
                         [(SyntaxWarning,
                           "'NoneType' object is not subscriptable; perhaps you missed a comma?")])
        self.assertEqual(self.warnings_for("[1, 2]['a']"),
                         [(SyntaxWarning, "list indices must be integers or slices, not str; "
                                          "perhaps you missed a comma?")])
        self.assertEqual(self.warnings_for("[1][0]"), [])

    def test_assert_tuple(self):
        self.assertEqual(self.warnings_for("assert (x, 'msg')"),
                         [(SyntaxWarning,
                           "assertion is always true, perhaps remove parentheses?")])

    def test_warning_as_error(self):
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with self.assertRaises(SyntaxError) as cm:
                compile("x = 1(2)", "<test>", "exec")
        self.assertEqual(cm.exception.msg,
                         "'int' object is not callable; perhaps you missed a comma?")
        self.assertEqual(cm.exception.lineno, 1)


class DisTests(unittest.TestCase):
    """The disassembler decodes this interpreter's bytecode."""

    def test_opmap_and_opname(self):
        import dis
        for name in ("NOP", "LOAD_CONST", "RETURN_VALUE", "CALL", "BINARY_OP"):
            self.assertEqual(dis.opname[dis.opmap[name]], name)

    def test_get_instructions(self):
        import dis
        def f(a):
            return a + 1
        instrs = list(dis.get_instructions(f))
        names = [i.opname for i in instrs]
        self.assertIn("LOAD_FAST", names)
        self.assertIn("BINARY_OP", names)
        self.assertIn("RETURN_VALUE", names)
        load = instrs[names.index("LOAD_FAST")]
        self.assertEqual(load.argval, "a")
        binop = instrs[names.index("BINARY_OP")]
        self.assertEqual(binop.argrepr, "+")
        self.assertEqual([i.offset for i in instrs], sorted(i.offset for i in instrs))

    def test_dis_output(self):
        import dis
        class Collect:
            def __init__(self):
                self.parts = []
            def write(self, text):
                self.parts.append(text)
        def g(x):
            return x.attr
        out = Collect()
        dis.dis(g, file=out)
        text = "".join(out.parts)
        self.assertIn("LOAD_ATTR", text)
        self.assertIn("(attr)", text)

    def test_jump_targets(self):
        import dis
        def h(x):
            while x:
                x -= 1
            return x
        for instr in dis.get_instructions(h):
            if instr.opcode in dis.hasjump:
                self.assertEqual(instr.jump_target % 2, 0)
                self.assertLess(instr.jump_target, len(h.__code__.co_code))



class NameManglingTests(unittest.TestCase):

    def test_private_names_mangled(self):
        class Box:
            __hidden = 1

            def get(self):
                return self.__hidden
        self.assertEqual(Box._Box__hidden, 1)
        self.assertEqual(Box().get(), 1)
        self.assertFalse(hasattr(Box, "__hidden"))

    def test_names_ending_in_double_underscore_not_mangled(self):
        class C:
            __: int
            ___ = 3
            __dunder__ = 4
        self.assertEqual(C.__annotations__, {"__": int})
        self.assertEqual(C.___, 3)
        self.assertEqual(C.__dunder__, 4)
        self.assertFalse(hasattr(C, "_C___"))

    def test_leading_underscores_of_class_name_stripped(self):
        class __Priv:
            __x = 5
        self.assertEqual(__Priv._Priv__x, 5)


if __name__ == "__main__":
    unittest.main()
