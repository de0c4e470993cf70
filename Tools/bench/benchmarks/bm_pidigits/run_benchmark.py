"""Pi digits: the first n decimal digits of pi with Gibbons' unbounded spigot algorithm
(big-integer multiplication and division)."""

import pyperf


def pi_digits(count):
    """Yield decimal digits of pi using the linear fractional transformation spigot."""
    q, r, t, k = 1, 0, 1, 1
    produced = 0
    while produced < count:
        digit = (3 * q + r) // t
        if digit == (4 * q + r) // t:
            yield digit
            produced += 1
            q, r = 10 * q, 10 * (r - digit * t)
        else:
            q, r, t = q * k, (2 * q + r) * (2 * k + 1), t * (2 * k + 1)
            k += 1


def bench(loops, count):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        digits = "".join(map(str, pi_digits(count)))
    elapsed = pyperf.perf_counter() - t0
    if not digits.startswith("314159265358979323846264338327950288419716939937510"):
        raise AssertionError("pidigits: wrong digits %s" % digits[:50])
    if len(digits) != count:
        raise AssertionError("pidigits: %d digits" % len(digits))
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "Digits of pi with a big-integer spigot"
    runner.bench_time_func("pidigits", bench, 1000)
