"""Spectral norm of the infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1),
approximated by power iteration on A^T A truncated to n x n."""

import pyperf


def entry(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def times(vector, transpose):
    n = len(vector)
    result = []
    for i in range(n):
        total = 0.0
        if transpose:
            for j, value in enumerate(vector):
                total += entry(j, i) * value
        else:
            for j, value in enumerate(vector):
                total += entry(i, j) * value
        result.append(total)
    return result


def spectral_norm(n, iterations=10):
    u = [1.0] * n
    for _ in range(iterations):
        v = times(times(u, False), True)
        u = times(times(v, False), True)
    vbv = sum(a * b for a, b in zip(u, v))
    vv = sum(b * b for b in v)
    return (vbv / vv) ** 0.5


def bench(loops, n):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        norm = spectral_norm(n)
    elapsed = pyperf.perf_counter() - t0
    if abs(norm - 1.274219991) > 1e-8:
        raise AssertionError("spectral_norm(%d) = %r" % (n, norm))
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "Spectral norm by power iteration"
    runner.bench_time_func("spectral_norm", bench, 100)
