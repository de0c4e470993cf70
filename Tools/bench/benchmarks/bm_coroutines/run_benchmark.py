"""Coroutines: a recursive Fibonacci written with ``async def`` / ``await`` and driven by
hand (no event loop), measuring coroutine creation, awaiting and return."""

import pyperf


async def fibonacci(n):
    if n <= 1:
        return n
    return await fibonacci(n - 1) + await fibonacci(n - 2)


def run(coroutine):
    """Drive a coroutine that never suspends to completion."""
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value
    raise AssertionError("coroutine suspended")


def bench(loops, n):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        result = run(fibonacci(n))
    elapsed = pyperf.perf_counter() - t0
    if result != 10946:
        raise AssertionError("coroutines: fib(%d) = %r" % (n, result))
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "Recursive Fibonacci with async/await"
    runner.bench_time_func("coroutines", bench, 21)
