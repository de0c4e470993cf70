"""Classes: an inventory model built from plain classes, properties, __slots__,
inheritance with super(), dataclasses and dunder methods — attribute access and method
dispatch as in ordinary application code."""

from dataclasses import dataclass, field

import pyperf


@dataclass
class Item:
    sku: str
    price: float
    quantity: int = 0
    tags: list = field(default_factory=list)

    def value(self):
        return self.price * self.quantity


class Money:
    __slots__ = ("cents",)

    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __repr__(self):
        return "Money(%d)" % self.cents


class Location:
    def __init__(self, name):
        self.name = name
        self._items = {}

    @property
    def size(self):
        return len(self._items)

    def add(self, item):
        self._items[item.sku] = item

    def total(self):
        return sum(item.value() for item in self._items.values())


class Warehouse(Location):
    def __init__(self, name, capacity):
        super().__init__(name)
        self.capacity = capacity

    def add(self, item):
        if self.size >= self.capacity:
            raise OverflowError(self.name)
        super().add(item)


def run(count):
    warehouses = [Warehouse("w%d" % i, count) for i in range(4)]
    money = Money(0)
    for i in range(count):
        item = Item("sku-%d" % i, (i % 17) * 1.5, i % 5, ["t%d" % (i % 3)])
        warehouses[i % 4].add(item)
        money = money + Money(i % 100)
    totals = [w.total() for w in warehouses]
    sizes = [w.size for w in warehouses]
    return totals, sizes, money


def bench(loops, count):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        totals, sizes, money = run(count)
    elapsed = pyperf.perf_counter() - t0
    expected_money = sum(i % 100 for i in range(count))
    expected_total = sum((i % 17) * 1.5 * (i % 5) for i in range(count))
    if money != Money(expected_money) or sizes != [count // 4] * 4:
        raise AssertionError("classes: %r %r" % (money, sizes))
    if abs(sum(totals) - expected_total) > 1e-6:
        raise AssertionError("classes: total %r != %r" % (sum(totals), expected_total))
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "Class-heavy application code"
    runner.bench_time_func("classes", bench, 4000)
