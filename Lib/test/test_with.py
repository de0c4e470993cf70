"""The with statement: enter/exit protocol, exception suppression, nesting."""

import unittest


class Recorder:
    def __init__(self, log, name="cm", suppress=False, enter_value=None):
        self.log = log
        self.name = name
        self.suppress = suppress
        self.enter_value = enter_value

    def __enter__(self):
        self.log.append(("enter", self.name))
        return self.enter_value if self.enter_value is not None else self

    def __exit__(self, exc_type, exc, tb):
        self.log.append(("exit", self.name, exc_type))
        return self.suppress


class WithTests(unittest.TestCase):
    def test_basic(self):
        log = []
        with Recorder(log) as cm:
            log.append("body")
        self.assertIsInstance(cm, Recorder)
        self.assertEqual(log, [("enter", "cm"), "body", ("exit", "cm", None)])

    def test_enter_value(self):
        with Recorder([], enter_value=42) as value:
            pass
        self.assertEqual(value, 42)

    def test_exception_propagates(self):
        log = []
        with self.assertRaises(KeyError):
            with Recorder(log):
                raise KeyError
        self.assertEqual(log[-1], ("exit", "cm", KeyError))

    def test_exception_suppressed(self):
        log = []
        with Recorder(log, suppress=True):
            raise KeyError
        self.assertEqual(log[-1], ("exit", "cm", KeyError))

    def test_exit_arguments(self):
        seen = []

        class CM:
            def __enter__(self):
                return self

            def __exit__(self, *args):
                seen.append(args)

        try:
            with CM():
                raise ValueError("v")
        except ValueError as e:
            error = e
        typ, value, tb = seen[0]
        self.assertIs(typ, ValueError)
        self.assertIs(value, error)
        self.assertIs(tb, error.__traceback__)

    def test_nested_order(self):
        log = []
        with Recorder(log, "a"), Recorder(log, "b"):
            log.append("body")
        self.assertEqual(log, [("enter", "a"), ("enter", "b"), "body",
                               ("exit", "b", None), ("exit", "a", None)])

    def test_return_inside_with(self):
        log = []

        def f():
            with Recorder(log):
                return "value"

        self.assertEqual(f(), "value")
        self.assertEqual(log[-1], ("exit", "cm", None))

    def test_break_continue_inside_with(self):
        log = []
        for i in range(3):
            with Recorder(log, str(i)):
                if i == 0:
                    continue
                if i == 1:
                    break
        self.assertEqual(log, [("enter", "0"), ("exit", "0", None),
                               ("enter", "1"), ("exit", "1", None)])

    def test_exit_raises(self):
        class CM:
            def __enter__(self):
                return self

            def __exit__(self, *args):
                raise RuntimeError("from exit")

        with self.assertRaises(RuntimeError) as cm:
            with CM():
                raise ValueError
        self.assertIsInstance(cm.exception.__context__, ValueError)

    def test_enter_raises(self):
        log = []

        class CM:
            def __enter__(self):
                raise KeyError

            def __exit__(self, *args):
                log.append("exit")

        with self.assertRaises(KeyError):
            with CM():
                log.append("body")
        self.assertEqual(log, [])

    def test_not_a_context_manager(self):
        with self.assertRaises(TypeError) as cm:
            with object():
                pass
        self.assertEqual(str(cm.exception),
                         "'object' object does not support the context manager protocol")

    def test_missing_exit(self):
        class OnlyEnter:
            def __enter__(self):
                return self

        with self.assertRaises(TypeError) as cm:
            with OnlyEnter():
                pass
        self.assertEqual(str(cm.exception),
                         "'OnlyEnter' object does not support the context manager protocol "
                         "(missed __exit__ method)")

    def test_special_lookup_on_type(self):
        class CM:
            def __enter__(self):
                return "type"

            def __exit__(self, *args):
                return False

        cm = CM()
        cm.__enter__ = lambda: "instance"
        with cm as value:
            pass
        self.assertEqual(value, "type")

    def test_with_in_generator(self):
        log = []

        def gen():
            with Recorder(log):
                yield 1
                yield 2

        g = gen()
        next(g)
        g.close()
        self.assertEqual(log[-1], ("exit", "cm", GeneratorExit))

    def test_sys_exception_inside_exit(self):
        import sys
        seen = []

        class CM:
            def __enter__(self):
                return self

            def __exit__(self, *args):
                seen.append(sys.exception())
                return True

        with CM():
            raise ValueError
        self.assertIsInstance(seen[0], ValueError)


if __name__ == "__main__":
    unittest.main()
