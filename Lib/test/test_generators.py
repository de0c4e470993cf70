"""Generators: iteration, send/throw/close, yield from, gi_* attributes."""

import unittest


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


class BasicGeneratorTests(unittest.TestCase):
    def test_iteration(self):
        self.assertEqual(list(count(5)), [0, 1, 2, 3, 4])

    def test_next_and_stopiteration(self):
        g = count(1)
        self.assertEqual(next(g), 0)
        with self.assertRaises(StopIteration):
            next(g)
        # An exhausted generator keeps raising StopIteration.
        with self.assertRaises(StopIteration):
            next(g)

    def test_return_value(self):
        def gen():
            yield 1
            return 42

        g = gen()
        next(g)
        with self.assertRaises(StopIteration) as cm:
            next(g)
        self.assertEqual(cm.exception.value, 42)

    def test_return_tuple_value(self):
        def gen():
            return (1, 2)
            yield

        with self.assertRaises(StopIteration) as cm:
            next(gen())
        self.assertEqual(cm.exception.value, (1, 2))

    def test_generator_expression(self):
        self.assertEqual(sum(x * x for x in range(4)), 14)
        g = (x for x in [])
        self.assertEqual(list(g), [])

    def test_locals_preserved(self):
        def gen(a, b=2, *args, **kw):
            c = a + b
            yield c
            c += len(args) + len(kw)
            yield c

        self.assertEqual(list(gen(1, 2, 3, 4, x=5)), [3, 6])

    def test_repr_and_names(self):
        def gen():
            yield

        g = gen()
        self.assertEqual(g.__name__, "gen")
        self.assertTrue(g.__qualname__.endswith("gen"))
        self.assertTrue(repr(g).startswith("<generator object "))
        g.__name__ = "other"
        self.assertEqual(g.__name__, "other")
        with self.assertRaises(TypeError):
            g.__name__ = 1

    def test_gi_attributes(self):
        def gen():
            yield 1

        g = gen()
        self.assertIs(g.gi_code, gen.__code__)
        self.assertFalse(g.gi_running)
        self.assertFalse(g.gi_suspended)
        self.assertIsNotNone(g.gi_frame)
        next(g)
        self.assertTrue(g.gi_suspended)
        self.assertEqual(g.gi_frame.f_code.co_name, "gen")
        self.assertEqual(list(g), [])
        self.assertIsNone(g.gi_frame)
        self.assertFalse(g.gi_suspended)

    def test_gi_running(self):
        def gen():
            yield me.gi_running

        me = gen()
        self.assertEqual(next(me), True)

    def test_already_executing(self):
        def gen():
            yield next(me)

        me = gen()
        with self.assertRaises(ValueError) as cm:
            next(me)
        self.assertEqual(str(cm.exception), "generator already executing")

    def test_iter_is_self(self):
        g = count(3)
        self.assertIs(iter(g), g)


class SendThrowCloseTests(unittest.TestCase):
    def test_send(self):
        def accumulate():
            total = 0
            while True:
                value = yield total
                if value is None:
                    return total
                total += value

        g = accumulate()
        self.assertEqual(next(g), 0)
        self.assertEqual(g.send(3), 3)
        self.assertEqual(g.send(4), 7)
        with self.assertRaises(StopIteration) as cm:
            g.send(None)
        self.assertEqual(cm.exception.value, 7)

    def test_send_non_none_to_new_generator(self):
        g = count(3)
        with self.assertRaises(TypeError) as cm:
            g.send(1)
        self.assertEqual(str(cm.exception),
                         "can't send non-None value to a just-started generator")

    def test_throw_caught(self):
        def gen():
            while True:
                try:
                    yield 1
                except ValueError:
                    yield "caught"

        g = gen()
        next(g)
        self.assertEqual(g.throw(ValueError("x")), "caught")
        self.assertEqual(next(g), 1)

    def test_throw_uncaught(self):
        g = count(3)
        next(g)
        with self.assertRaises(KeyError):
            g.throw(KeyError("k"))
        with self.assertRaises(StopIteration):
            next(g)

    def test_throw_into_new_generator(self):
        g = count(3)
        with self.assertRaises(ZeroDivisionError):
            g.throw(ZeroDivisionError)
        self.assertEqual(list(g), [])

    def test_throw_bad_argument(self):
        g = count(3)
        with self.assertRaises(TypeError):
            g.throw(1)

    def test_close_runs_finally(self):
        log = []

        def gen():
            try:
                yield 1
                yield 2
            finally:
                log.append("finally")

        g = gen()
        next(g)
        self.assertIsNone(g.close())
        self.assertEqual(log, ["finally"])
        with self.assertRaises(StopIteration):
            next(g)
        g.close()  # closing twice is fine

    def test_close_new_generator(self):
        log = []

        def gen():
            log.append("started")
            yield

        g = gen()
        g.close()
        self.assertEqual(log, [])

    def test_close_ignoring_generatorexit(self):
        def gen():
            try:
                yield 1
            except GeneratorExit:
                yield 2

        g = gen()
        next(g)
        with self.assertRaises(RuntimeError) as cm:
            g.close()
        self.assertEqual(str(cm.exception), "generator ignored GeneratorExit")

    def test_close_returns_value(self):
        def gen():
            try:
                yield 1
            except GeneratorExit:
                return 5

        g = gen()
        next(g)
        self.assertEqual(g.close(), 5)

    def test_generatorexit_seen(self):
        seen = []

        def gen():
            try:
                yield
            except GeneratorExit as e:
                seen.append(type(e))
                raise

        g = gen()
        next(g)
        g.close()
        self.assertEqual(seen, [GeneratorExit])


class YieldFromTests(unittest.TestCase):
    def test_delegation(self):
        def inner():
            yield 1
            yield 2
            return "inner-done"

        def outer():
            result = yield from inner()
            yield result

        self.assertEqual(list(outer()), [1, 2, "inner-done"])

    def test_yield_from_iterable(self):
        def gen():
            yield from [1, 2]
            yield from range(3, 5)

        self.assertEqual(list(gen()), [1, 2, 3, 4])

    def test_send_is_delegated(self):
        def inner():
            got = yield "ready"
            yield got * 2

        def outer():
            yield from inner()

        g = outer()
        self.assertEqual(next(g), "ready")
        self.assertEqual(g.send(21), 42)

    def test_throw_is_delegated(self):
        log = []

        def inner():
            try:
                yield 1
            except ValueError as e:
                log.append(("inner", str(e)))
                yield 2

        def outer():
            yield from inner()

        g = outer()
        next(g)
        self.assertEqual(g.throw(ValueError("boom")), 2)
        self.assertEqual(log, [("inner", "boom")])

    def test_throw_stopiteration_value(self):
        def inner():
            try:
                yield 1
            except ValueError:
                return "handled"

        def outer():
            result = yield from inner()
            yield result

        g = outer()
        next(g)
        self.assertEqual(g.throw(ValueError), "handled")

    def test_close_is_delegated(self):
        log = []

        def inner():
            try:
                yield 1
            finally:
                log.append("inner closed")

        def outer():
            try:
                yield from inner()
            finally:
                log.append("outer closed")

        g = outer()
        next(g)
        g.close()
        self.assertEqual(log, ["inner closed", "outer closed"])

    def test_gi_yieldfrom(self):
        def inner():
            yield 1

        def outer():
            yield from sub

        sub = inner()
        g = outer()
        self.assertIsNone(g.gi_yieldfrom)
        next(g)
        self.assertIs(g.gi_yieldfrom, sub)


class Pep479Tests(unittest.TestCase):
    def test_stopiteration_becomes_runtimeerror(self):
        def gen():
            yield 1
            raise StopIteration

        g = gen()
        next(g)
        with self.assertRaises(RuntimeError) as cm:
            next(g)
        self.assertEqual(str(cm.exception), "generator raised StopIteration")
        self.assertIsInstance(cm.exception.__cause__, StopIteration)

    def test_next_on_empty_iterator_inside_generator(self):
        def gen():
            yield next(iter([]))

        with self.assertRaises(RuntimeError):
            list(gen())


class ExceptionStateTests(unittest.TestCase):
    def test_exception_state_is_per_generator(self):
        import sys

        def gen():
            try:
                raise KeyError("inside")
            except KeyError:
                yield sys.exception()
                yield sys.exception()

        g = gen()
        first = next(g)
        self.assertIsInstance(first, KeyError)
        # Outside the generator there is no exception being handled.
        self.assertIsNone(sys.exception())
        try:
            raise ValueError("outside")
        except ValueError:
            second = next(g)
        self.assertIsInstance(second, KeyError)

    def test_recursion_in_generators(self):
        def walk(n):
            if n:
                yield n
                yield from walk(n - 1)

        self.assertEqual(list(walk(50)), list(range(50, 0, -1)))


if __name__ == "__main__":
    unittest.main()
