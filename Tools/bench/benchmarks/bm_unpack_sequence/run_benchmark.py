"""Unpack sequence: unpacking and repacking tuples and lists of ten items in tight,
unrolled statements (UNPACK_SEQUENCE and BUILD_TUPLE/BUILD_LIST)."""

import pyperf


def unpack_tuple(loops, data):
    checksum = 0
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        a, b, c, d, e, f, g, h, i, j = data
        a, b, c, d, e, f, g, h, i, j = j, i, h, g, f, e, d, c, b, a
        a, b, c, d, e, f, g, h, i, j = (b, a, d, c, f, e, h, g, j, i)
        a, b, c, d, e, f, g, h, i, j = j, i, h, g, f, e, d, c, b, a
        a, b, c, d, e, f, g, h, i, j = data
        checksum += a - j + e
    return pyperf.perf_counter() - t0, checksum


def unpack_list(loops, data):
    checksum = 0
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        a, b, c, d, e, f, g, h, i, j = data
        a, b, c, d, e, f, g, h, i, j = [j, i, h, g, f, e, d, c, b, a]
        first, *middle, last = [a, b, c, d, e, f, g, h, i, j]
        a, b, c, d, e, f, g, h, i, j = [last, *middle, first]
        checksum += a - j + len(middle)
    return pyperf.perf_counter() - t0, checksum


def bench(loops):
    elapsed_t, sum_t = unpack_tuple(loops, tuple(range(10)))
    elapsed_l, sum_l = unpack_list(loops, list(range(10)))
    if sum_t != loops * (0 - 9 + 4) or sum_l != loops * (0 - 9 + 8):
        raise AssertionError("unpack_sequence: checksums %d %d" % (sum_t, sum_l))
    return elapsed_t + elapsed_l


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "Tuple and list unpacking"
    runner.bench_time_func("unpack_sequence", bench, inner_loops=2)
