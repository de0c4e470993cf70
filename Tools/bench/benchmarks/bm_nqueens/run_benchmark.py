"""N-queens: enumerate every placement of n non-attacking queens by filtering the
permutations of the columns (generators, sets and itertools)."""

from itertools import permutations

import pyperf


def solutions(n):
    rows = range(n)
    for columns in permutations(rows):
        if (n == len({columns[r] + r for r in rows})
                == len({columns[r] - r for r in rows})):
            yield columns


def bench(loops, n):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        found = list(solutions(n))
    elapsed = pyperf.perf_counter() - t0
    if len(found) != 92 or found[0] != (0, 4, 7, 5, 2, 6, 1, 3):
        raise AssertionError("nqueens: %d solutions, first %r" % (len(found), found[:1]))
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "All solutions of the 8-queens problem"
    runner.bench_time_func("nqueens", bench, 8)
