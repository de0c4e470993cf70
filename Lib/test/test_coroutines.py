"""Coroutines and async generators, driven by hand with send()/throw() (no event loop)."""

import unittest

try:
    import types
except ImportError:  # the types module may not exist yet
    types = None


class Suspend:
    """An awaitable that suspends once, handing `value` to the driver."""

    def __init__(self, value=None):
        self.value = value

    def __await__(self):
        sent = yield self.value
        return sent


def run(coro):
    """Drive a coroutine to completion; yielded values are sent back doubled if numbers."""
    sent = None
    while True:
        try:
            yielded = coro.send(sent)
        except StopIteration as e:
            return e.value
        sent = yielded * 2 if isinstance(yielded, int) else None


class CoroutineTests(unittest.TestCase):
    def test_return_value(self):
        async def f():
            return 7

        self.assertEqual(run(f()), 7)

    def test_await_chain(self):
        async def inner(x):
            got = await Suspend(x)
            return got + 1

        async def outer():
            a = await inner(10)
            b = await inner(20)
            return a, b

        self.assertEqual(run(outer()), (21, 41))

    def test_attributes(self):
        async def f():
            await Suspend()

        c = f()
        self.assertEqual(c.__name__, "f")
        self.assertIs(c.cr_code, f.__code__)
        self.assertFalse(c.cr_running)
        self.assertIsNone(c.cr_await)
        self.assertTrue(repr(c).startswith("<coroutine object "))
        c.send(None)
        self.assertIsNotNone(c.cr_await)
        self.assertTrue(c.cr_suspended)
        c.close()
        self.assertIsNone(c.cr_frame)

    def test_reuse_awaited_coroutine(self):
        async def f():
            return 1

        c = f()
        run(c)
        with self.assertRaises(RuntimeError) as cm:
            c.send(None)
        self.assertEqual(str(cm.exception), "cannot reuse already awaited coroutine")

    def test_not_iterable(self):
        async def f():
            pass

        c = f()
        with self.assertRaises(TypeError):
            iter(c)
        c.close()

    def test_await_non_awaitable(self):
        async def f():
            await 1

        with self.assertRaises(TypeError) as cm:
            run(f())
        self.assertEqual(str(cm.exception), "object int can't be used in 'await' expression")

    def test_await_returns_coroutine_wrapper(self):
        async def f():
            return "w"

        c = f()
        w = c.__await__()
        with self.assertRaises(StopIteration) as cm:
            next(w)
        self.assertEqual(cm.exception.value, "w")

    def test_throw_into_coroutine(self):
        async def f():
            try:
                await Suspend()
            except ValueError:
                return "recovered"

        c = f()
        c.send(None)
        with self.assertRaises(StopIteration) as cm:
            c.throw(ValueError)
        self.assertEqual(cm.exception.value, "recovered")

    def test_close_coroutine(self):
        log = []

        async def f():
            try:
                await Suspend()
            finally:
                log.append("closed")

        c = f()
        c.send(None)
        c.close()
        self.assertEqual(log, ["closed"])

    def test_coroutine_being_awaited_already(self):
        async def inner():
            await Suspend()

        shared = inner()

        async def a():
            await shared

        first = a()
        first.send(None)
        second = a()
        with self.assertRaises(RuntimeError) as cm:
            second.send(None)
        self.assertEqual(str(cm.exception), "coroutine is being awaited already")
        first.close()

    @unittest.skipIf(types is None, "needs the types module")
    def test_types_coroutine_generator(self):
        @types.coroutine
        def legacy():
            value = yield "legacy"
            return value

        async def f():
            return await legacy()

        c = f()
        self.assertEqual(c.send(None), "legacy")
        with self.assertRaises(StopIteration) as cm:
            c.send(5)
        self.assertEqual(cm.exception.value, 5)

    def test_stopiteration_inside_coroutine(self):
        async def f():
            raise StopIteration

        with self.assertRaises(RuntimeError) as cm:
            run(f())
        self.assertEqual(str(cm.exception), "coroutine raised StopIteration")


class AsyncWithTests(unittest.TestCase):
    def test_async_with(self):
        log = []

        class Manager:
            async def __aenter__(self):
                log.append("enter")
                await Suspend()
                return self

            async def __aexit__(self, exc_type, exc, tb):
                log.append(("exit", exc_type))
                return True

        async def f():
            async with Manager() as m:
                log.append("body")
                raise KeyError

        run(f())
        self.assertEqual(log, ["enter", "body", ("exit", KeyError)])

    def test_async_with_wrong_object(self):
        async def f():
            async with object():
                pass

        with self.assertRaises(TypeError) as cm:
            run(f())
        self.assertEqual(str(cm.exception),
                         "'object' object does not support the asynchronous "
                         "context manager protocol")


class AsyncGeneratorTests(unittest.TestCase):
    def test_async_for(self):
        async def agen():
            for i in range(3):
                await Suspend()
                yield i

        async def f():
            result = []
            async for x in agen():
                result.append(x)
            return result

        self.assertEqual(run(f()), [0, 1, 2])

    def test_anext_manual(self):
        async def agen():
            yield "a"
            yield "b"

        g = agen()
        self.assertIs(g.__aiter__(), g)
        with self.assertRaises(StopIteration) as cm:
            g.__anext__().send(None)
        self.assertEqual(cm.exception.value, "a")
        with self.assertRaises(StopIteration) as cm:
            g.__anext__().send(None)
        self.assertEqual(cm.exception.value, "b")
        with self.assertRaises(StopAsyncIteration):
            g.__anext__().send(None)

    def test_asend(self):
        async def agen():
            got = yield "first"
            yield got

        g = agen()
        with self.assertRaises(StopIteration):
            g.asend(None).send(None)
        with self.assertRaises(StopIteration) as cm:
            g.asend("hello").send(None)
        self.assertEqual(cm.exception.value, "hello")

    def test_aclose(self):
        log = []

        async def agen():
            try:
                yield 1
            finally:
                log.append("closed")

        g = agen()
        with self.assertRaises(StopIteration):
            g.__anext__().send(None)
        with self.assertRaises(StopIteration):
            g.aclose().send(None)
        self.assertEqual(log, ["closed"])

    def test_athrow(self):
        async def agen():
            try:
                yield 1
            except ValueError:
                yield "handled"

        g = agen()
        with self.assertRaises(StopIteration):
            g.__anext__().send(None)
        with self.assertRaises(StopIteration) as cm:
            g.athrow(ValueError).send(None)
        self.assertEqual(cm.exception.value, "handled")

    def test_async_for_requires_aiter(self):
        async def f():
            async for x in 1:
                pass

        with self.assertRaises(TypeError) as cm:
            run(f())
        self.assertEqual(str(cm.exception),
                         "'async for' requires an object with __aiter__ method, got int")

    def test_async_comprehension(self):
        async def agen():
            yield 1
            yield 2

        async def f():
            return [x * 10 async for x in agen()]

        self.assertEqual(run(f()), [10, 20])

    def test_repr(self):
        async def agen():
            yield

        g = agen()
        self.assertTrue(repr(g).startswith("<async_generator object "))
        self.assertIs(g.ag_code, agen.__code__)
        self.assertFalse(g.ag_running)


if __name__ == "__main__":
    unittest.main()
