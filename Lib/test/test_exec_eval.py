"""Tests for exec(), eval() and compile() (Python/bltinmodule.c)."""

import unittest


class EvalTests(unittest.TestCase):

    def test_eval_expression(self):
        self.assertEqual(eval("1 + 2"), 3)
        self.assertEqual(eval("  x * 2", {"x": 21}), 42)
        self.assertEqual(eval(b"'bytes source'"), 'bytes source')

    def test_eval_uses_caller_scope(self):
        y = 10
        self.assertEqual(eval("y + 1"), 11)

    def test_eval_locals_mapping(self):
        class Mapping:
            def __getitem__(self, key):
                if key == 'magic':
                    return 7
                raise KeyError(key)
        self.assertEqual(eval("magic * 2", {}, Mapping()), 14)

    def test_eval_code_object(self):
        code = compile("a + b", "<test>", "eval")
        self.assertEqual(eval(code, {"a": 1, "b": 2}), 3)

    def test_eval_errors(self):
        self.assertRaises(SyntaxError, eval, "x = 1")
        with self.assertRaises(TypeError) as cm:
            eval(5)
        self.assertEqual(str(cm.exception),
                         "eval() arg 1 must be a string, bytes or code object")
        with self.assertRaises(TypeError) as cm:
            eval("1", [])
        self.assertIn("globals must be a", str(cm.exception))
        self.assertRaises(NameError, eval, "undefined_name_xyz", {})

    def test_builtins_inserted(self):
        g = {}
        eval("1", g)
        self.assertIn('__builtins__', g)


class ExecTests(unittest.TestCase):

    def test_exec_statements(self):
        ns = {}
        self.assertIsNone(exec("x = 1\ny = x + 1", ns))
        self.assertEqual(ns['y'], 2)

    def test_exec_separate_locals(self):
        g, l = {}, {}
        exec("a = 5", g, l)
        self.assertEqual(l, {'a': 5})
        self.assertNotIn('a', g)

    def test_exec_function_definition(self):
        ns = {}
        exec("def f(n):\n    return n * 3\n", ns)
        self.assertEqual(ns['f'](4), 12)

    def test_exec_class_definition(self):
        ns = {}
        exec("class C:\n    v = 1\n    def m(self):\n        return self.v\n", ns)
        self.assertEqual(ns['C']().m(), 1)

    def test_exec_code(self):
        code = compile("z = 99", "<test>", "exec")
        ns = {}
        exec(code, ns)
        self.assertEqual(ns['z'], 99)

    def test_exec_errors(self):
        with self.assertRaises(TypeError) as cm:
            exec(1)
        self.assertEqual(str(cm.exception),
                         "exec() arg 1 must be a string, bytes or code object")
        with self.assertRaises(TypeError):
            exec("x = 1", 1)
        self.assertRaises(SyntaxError, exec, "def")
        self.assertRaises(ZeroDivisionError, exec, "1/0", {})

    def test_null_bytes(self):
        with self.assertRaises(SyntaxError) as cm:
            exec("x = 1\0")
        self.assertEqual(cm.exception.msg if hasattr(cm.exception, 'msg') else
                         str(cm.exception), "source code string cannot contain null bytes")


class CompileTests(unittest.TestCase):

    def test_modes(self):
        self.assertEqual(eval(compile("2 ** 5", "<s>", "eval")), 32)
        ns = {}
        exec(compile("q = 3", "<s>", "exec"), ns)
        self.assertEqual(ns['q'], 3)
        code = compile("1 + 1", "<s>", "single")
        self.assertEqual(code.co_filename, "<s>")

    def test_invalid_arguments(self):
        with self.assertRaises(ValueError) as cm:
            compile("1", "<s>", "bogus")
        self.assertEqual(str(cm.exception),
                         "compile() mode must be 'exec', 'eval' or 'single'")
        with self.assertRaises(ValueError) as cm:
            compile("1", "<s>", "exec", flags=0x7fff0000)
        self.assertEqual(str(cm.exception), "compile(): unrecognised flags")
        with self.assertRaises(ValueError) as cm:
            compile("1", "<s>", "exec", optimize=5)
        self.assertEqual(str(cm.exception), "compile(): invalid optimize value")
        self.assertRaises(TypeError, compile, 1, "<s>", "exec")

    def test_syntax_error_details(self):
        with self.assertRaises(SyntaxError) as cm:
            compile("a = (1,\n", "file.py", "exec")
        self.assertEqual(cm.exception.filename, "file.py")
        self.assertEqual(cm.exception.lineno, 1)

    def test_filename_and_name(self):
        code = compile("def g(): pass", "named.py", "exec")
        self.assertEqual(code.co_filename, "named.py")
        self.assertEqual(code.co_name, "<module>")


if __name__ == "__main__":
    unittest.main()
