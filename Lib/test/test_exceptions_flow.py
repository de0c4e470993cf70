"""Control flow through try/except/else/finally, chaining, and traceback objects."""

import sys
import unittest


class TryExceptTests(unittest.TestCase):
    def test_except_else_finally_order(self):
        log = []
        try:
            log.append("try")
        except ValueError:
            log.append("except")
        else:
            log.append("else")
        finally:
            log.append("finally")
        self.assertEqual(log, ["try", "else", "finally"])

    def test_except_matching_order(self):
        try:
            raise KeyError("k")
        except IndexError:
            result = "index"
        except LookupError:
            result = "lookup"
        except KeyError:
            result = "key"
        self.assertEqual(result, "lookup")

    def test_tuple_of_types(self):
        try:
            {}["x"]
        except (TypeError, KeyError) as e:
            caught = e
        self.assertIsInstance(caught, KeyError)

    def test_as_name_is_deleted(self):
        try:
            raise ValueError
        except ValueError as err:
            pass
        with self.assertRaises(NameError):
            err  # noqa: F821

    def test_finally_runs_on_return(self):
        log = []

        def f():
            try:
                return "try"
            finally:
                log.append("finally")

        self.assertEqual(f(), "try")
        self.assertEqual(log, ["finally"])

    def test_return_in_finally_overrides(self):
        def f():
            try:
                raise ValueError
            finally:
                return "finally"

        self.assertEqual(f(), "finally")

    def test_break_continue_in_finally_loop(self):
        log = []
        for i in range(3):
            try:
                if i == 1:
                    continue
                if i == 2:
                    break
                log.append(i)
            finally:
                log.append("f%d" % i)
        self.assertEqual(log, [0, "f0", "f1", "f2"])

    def test_nested_handlers(self):
        log = []
        try:
            try:
                raise ValueError("inner")
            except TypeError:
                log.append("wrong")
            finally:
                log.append("inner finally")
        except ValueError as e:
            log.append(str(e))
        self.assertEqual(log, ["inner finally", "inner"])

    def test_bare_raise_reraises(self):
        def f():
            try:
                raise KeyError("orig")
            except KeyError:
                raise

        with self.assertRaises(KeyError) as cm:
            f()
        self.assertEqual(cm.exception.args, ("orig",))

    def test_bare_raise_without_exception(self):
        with self.assertRaises(RuntimeError) as cm:
            raise
        self.assertEqual(str(cm.exception), "No active exception to reraise")

    def test_raise_class_instantiates(self):
        with self.assertRaises(ValueError) as cm:
            raise ValueError
        self.assertEqual(cm.exception.args, ())

    def test_raise_non_exception(self):
        with self.assertRaises(TypeError) as cm:
            raise 1
        self.assertEqual(str(cm.exception), "exceptions must derive from BaseException")

    def test_except_non_exception_class(self):
        with self.assertRaises(TypeError) as cm:
            try:
                raise ValueError
            except int:
                pass
        self.assertEqual(str(cm.exception),
                         "catching classes that do not inherit from BaseException is not "
                         "allowed")

    def test_sys_exception(self):
        self.assertIsNone(sys.exception())
        try:
            raise ValueError("v")
        except ValueError:
            self.assertIsInstance(sys.exception(), ValueError)
            try:
                raise KeyError
            except KeyError:
                self.assertIsInstance(sys.exception(), KeyError)
            self.assertIsInstance(sys.exception(), ValueError)
        self.assertIsNone(sys.exception())

    def test_exc_info(self):
        try:
            raise IndexError("i")
        except IndexError:
            typ, value, tb = sys.exc_info()
        self.assertIs(typ, IndexError)
        self.assertIs(value.__traceback__, tb)


class ChainingTests(unittest.TestCase):
    def test_implicit_context(self):
        try:
            try:
                raise ValueError("first")
            except ValueError:
                raise KeyError("second")
        except KeyError as e:
            self.assertIsInstance(e.__context__, ValueError)
            self.assertIsNone(e.__cause__)
            self.assertFalse(e.__suppress_context__)

    def test_explicit_cause(self):
        try:
            try:
                raise ValueError("first")
            except ValueError as inner:
                raise KeyError("second") from inner
        except KeyError as e:
            self.assertIsInstance(e.__cause__, ValueError)
            self.assertTrue(e.__suppress_context__)

    def test_from_none(self):
        try:
            try:
                raise ValueError
            except ValueError:
                raise KeyError from None
        except KeyError as e:
            self.assertIsNone(e.__cause__)
            self.assertTrue(e.__suppress_context__)
            self.assertIsInstance(e.__context__, ValueError)

    def test_bad_cause(self):
        with self.assertRaises(TypeError) as cm:
            raise ValueError from 1
        self.assertEqual(str(cm.exception), "exception causes must derive from BaseException")

    def test_context_in_finally(self):
        try:
            try:
                raise ValueError
            finally:
                raise KeyError
        except KeyError as e:
            self.assertIsInstance(e.__context__, ValueError)

    def test_no_self_context_cycle(self):
        e = ValueError()
        try:
            try:
                raise e
            except ValueError:
                raise e
        except ValueError as caught:
            self.assertIsNone(caught.__context__)


class TracebackTests(unittest.TestCase):
    def test_traceback_entries(self):
        def inner():
            raise ValueError("deep")

        def outer():
            inner()

        try:
            outer()
        except ValueError as e:
            tb = e.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            self.assertIsInstance(tb.tb_lineno, int)
            self.assertIsInstance(tb.tb_lasti, int)
            tb = tb.tb_next
        self.assertEqual(names, ["test_traceback_entries", "outer", "inner"])

    def test_traceback_line_numbers(self):
        def f():
            x = 1
            raise KeyError(x)

        try:
            f()
        except KeyError as e:
            last = e.__traceback__
            while last.tb_next is not None:
                last = last.tb_next
        self.assertEqual(last.tb_lineno, f.__code__.co_firstlineno + 2)
        self.assertEqual(last.tb_frame.f_locals["x"], 1)

    def test_reraise_keeps_traceback(self):
        def f():
            raise ValueError

        try:
            try:
                f()
            except ValueError:
                raise
        except ValueError as e:
            tb = e.__traceback__
        depth = 0
        while tb is not None:
            depth += 1
            tb = tb.tb_next
        self.assertEqual(depth, 2)

    def test_tb_next_assignment(self):
        try:
            raise ValueError
        except ValueError as e:
            tb = e.__traceback__
        tb.tb_next = None
        with self.assertRaises(ValueError):
            tb.tb_next = tb
        with self.assertRaises(TypeError):
            tb.tb_next = 1

    def test_with_traceback(self):
        try:
            raise ValueError
        except ValueError as e:
            tb = e.__traceback__
        e2 = KeyError().with_traceback(tb)
        self.assertIs(e2.__traceback__, tb)

    def test_frame_attributes(self):
        frame = sys._getframe()
        self.assertEqual(frame.f_code.co_name, "test_frame_attributes")
        self.assertIs(frame.f_globals, globals())
        self.assertEqual(frame.f_back.f_code.co_name, sys._getframe(1).f_code.co_name)
        self.assertIn("self", frame.f_locals)
        self.assertIsInstance(frame.f_lineno, int)


class TraceTests(unittest.TestCase):
    def trace(self, func, *args):
        events = []

        def tracer(frame, event, arg):
            if frame.f_code is func.__code__:
                events.append((event, frame.f_lineno - func.__code__.co_firstlineno))
            return tracer

        sys.settrace(tracer)
        try:
            func(*args)
        finally:
            sys.settrace(None)
        return events

    def test_line_events(self):
        def f(n):
            total = 0
            for i in range(n):
                total += i
            return total

        self.assertEqual(self.trace(f, 2),
                         [("call", 0), ("line", 1), ("line", 2), ("line", 3), ("line", 2),
                          ("line", 3), ("line", 2), ("line", 4), ("return", 4)])

    def test_exception_event(self):
        def f():
            raise KeyError

        events = self.trace(lambda: self.assertRaises(KeyError, f))
        inner = []

        def tracer(frame, event, arg):
            if frame.f_code is f.__code__:
                inner.append(event if event != "exception" else arg[0])
            return tracer

        sys.settrace(tracer)
        try:
            f()
        except KeyError:
            pass
        finally:
            sys.settrace(None)
        self.assertEqual(inner, ["call", "line", KeyError, "return"])
        self.assertIsInstance(events, list)

    def test_generator_call_per_resumption(self):
        def gen():
            yield 1
            yield 2

        events = []

        def tracer(frame, event, arg):
            if frame.f_code is gen.__code__ and event in ("call", "return"):
                events.append((event, arg))
            return tracer

        sys.settrace(tracer)
        try:
            list(gen())
        finally:
            sys.settrace(None)
        self.assertEqual(events, [("call", None), ("return", 1), ("call", None),
                                  ("return", 2), ("call", None), ("return", None)])

    def test_profile(self):
        def f():
            return 1

        calls = []

        def profiler(frame, event, arg):
            if frame.f_code is f.__code__:
                calls.append(event)

        sys.setprofile(profiler)
        try:
            f()
        finally:
            sys.setprofile(None)
        self.assertEqual(calls, ["call", "return"])


class FrameLocalsTests(unittest.TestCase):
    def test_write_through(self):
        x = 1
        frame = sys._getframe()
        proxy = frame.f_locals
        self.assertEqual(type(proxy).__name__, "FrameLocalsProxy")
        self.assertEqual(proxy["x"], 1)
        proxy["x"] = 10
        self.assertEqual(x, 10)
        proxy["extra"] = 5
        self.assertEqual(frame.f_locals["extra"], 5)
        self.assertIn("extra", frame.f_locals)
        with self.assertRaises(TypeError):
            del proxy["x"]
        with self.assertRaises(KeyError):
            proxy["missing"]

    def test_cells(self):
        y = 2

        def inner():
            return y

        proxy = sys._getframe().f_locals
        proxy["y"] = 3
        self.assertEqual(inner(), 3)
        self.assertEqual(proxy.get("y"), 3)

    def test_locals_is_snapshot(self):
        z = 1
        snapshot = locals()
        z = 2
        self.assertEqual(snapshot["z"], 1)
        self.assertIsInstance(snapshot, dict)

    def test_module_frame_f_locals_is_dict(self):
        self.assertIs(sys._getframe().f_globals, globals())


class ExceptStarTests(unittest.TestCase):
    def test_except_star_split(self):
        caught = []
        try:
            raise ExceptionGroup("eg", [ValueError(1), KeyError(2), ValueError(3)])
        except* ValueError as eg:
            caught.append(("value", len(eg.exceptions)))
        except* KeyError as eg:
            caught.append(("key", len(eg.exceptions)))
        self.assertEqual(caught, [("value", 2), ("key", 1)])

    def test_except_star_naked_exception(self):
        try:
            raise ValueError("naked")
        except* ValueError as eg:
            self.assertIsInstance(eg, ExceptionGroup)
            self.assertEqual(len(eg.exceptions), 1)

    def test_except_star_reraises_unmatched(self):
        with self.assertRaises(ExceptionGroup) as cm:
            try:
                raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
            except* ValueError:
                pass
        self.assertEqual(len(cm.exception.exceptions), 1)
        self.assertIsInstance(cm.exception.exceptions[0], KeyError)


class AssertTests(unittest.TestCase):
    def test_assert(self):
        with self.assertRaises(AssertionError) as cm:
            assert 1 == 2, "message"
        self.assertEqual(cm.exception.args, ("message",))


class NameErrorTests(unittest.TestCase):
    def test_global_name_error(self):
        with self.assertRaises(NameError) as cm:
            undefined_name  # noqa: F821
        self.assertEqual(str(cm.exception), "name 'undefined_name' is not defined")
        self.assertEqual(cm.exception.name, "undefined_name")

    def test_unbound_local(self):
        def f():
            print(x)  # noqa: F823
            x = 1

        with self.assertRaises(UnboundLocalError) as cm:
            f()
        self.assertEqual(str(cm.exception),
                         "cannot access local variable 'x' where it is not associated with a "
                         "value")

    def test_unbound_free(self):
        def f():
            def g():
                return y

            with self.assertRaises(NameError) as cm:
                g()
            y = 1
            return cm.exception

        self.assertEqual(str(f()),
                         "cannot access free variable 'y' where it is not associated with a "
                         "value in enclosing scope")


class UnpackTests(unittest.TestCase):
    def test_unpack_errors(self):
        with self.assertRaises(ValueError) as cm:
            a, b = [1, 2, 3]
        self.assertEqual(str(cm.exception), "too many values to unpack (expected 2)")
        with self.assertRaises(ValueError) as cm:
            a, b, c = [1, 2]
        self.assertEqual(str(cm.exception), "not enough values to unpack (expected 3, got 2)")
        with self.assertRaises(TypeError) as cm:
            a, b = 1
        self.assertEqual(str(cm.exception), "cannot unpack non-iterable int object")
        with self.assertRaises(ValueError) as cm:
            a, *b, c = [1]
        self.assertEqual(str(cm.exception),
                         "not enough values to unpack (expected at least 2, got 1)")

    def test_star_unpack(self):
        a, *b, c = range(5)
        self.assertEqual((a, b, c), (0, [1, 2, 3], 4))


if __name__ == "__main__":
    unittest.main()
