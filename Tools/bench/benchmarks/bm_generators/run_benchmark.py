"""Generators: walk a complete binary tree in order with recursive generators
(``yield from`` chains as deep as the tree) and sum the values."""

import pyperf


class Node:
    __slots__ = ("left", "value", "right")

    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right


def build(low, high):
    """A balanced tree over range(low, high)."""
    if low >= high:
        return None
    mid = (low + high) // 2
    return Node(build(low, mid), mid, build(mid + 1, high))


def in_order(node):
    if node is None:
        return
    yield from in_order(node.left)
    yield node.value
    yield from in_order(node.right)


def bench(loops, size):
    tree = build(0, size)
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        total = 0
        count = 0
        previous = -1
        for value in in_order(tree):
            if value <= previous:
                raise AssertionError("generators: out of order")
            previous = value
            total += value
            count += 1
    elapsed = pyperf.perf_counter() - t0
    if count != size or total != size * (size - 1) // 2:
        raise AssertionError("generators: %d values, sum %d" % (count, total))
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "In-order walk of a tree with recursive generators"
    runner.bench_time_func("generators", bench, 2 ** 16)
