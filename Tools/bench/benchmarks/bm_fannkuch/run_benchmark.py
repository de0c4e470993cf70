"""Fannkuch-redux: for every permutation of 1..n, count the prefix reversals ("pancake
flips") until 1 comes first; report the maximum and a signed checksum."""

import pyperf


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    permutation_index = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        first = perm[0]
        while first:
            perm[:first + 1] = perm[first::-1]
            flips += 1
            first = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if permutation_index % 2 == 0 else -flips
        # Next permutation in the rotation order the checksum is defined over.
        while True:
            if r == n:
                return max_flips, checksum
            head = perm1.pop(0)
            perm1.insert(r, head)
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        permutation_index += 1


def bench(loops, n):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        result = fannkuch(n)
    elapsed = pyperf.perf_counter() - t0
    if result != EXPECTED[n]:
        raise AssertionError("fannkuch(%d) gave %r" % (n, result))
    return elapsed


EXPECTED = {7: (16, 228), 8: (22, 1616), 9: (30, 8629)}

if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "Fannkuch-redux (pancake flipping over permutations)"
    runner.bench_time_func("fannkuch", bench, 8)
