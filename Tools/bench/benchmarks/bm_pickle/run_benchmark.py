"""Pickle: dumps and loads of a nested document (dicts, lists, tuples, strings, floats, big
ints, instances) with the pure-Python pickler at protocol 4; checks the round trip and the
size of the pickle."""

import pickle

import pyperf


class Account:
    def __init__(self, ident, owner, balance, tags):
        self.ident = ident
        self.owner = owner
        self.balance = balance
        self.tags = tags

    def __eq__(self, other):
        return isinstance(other, Account) and vars(self) == vars(other)


def make_document():
    return {
        "accounts": [Account(i, "owner-%d" % i, i * 10.25, ("a", "b", i % 3))
                     for i in range(200)],
        "matrix": [[float(i * j) for j in range(20)] for i in range(20)],
        "big": [2 ** 100 + i for i in range(50)],
        "text": "Zoë Ångström " * 40,
        "flags": {"x": True, "y": None, "z": b"\x00\x01" * 50},
    }


PICKLE_SIZE = len(pickle.dumps(make_document(), 4))


def bench(loops):
    document = make_document()
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        data = pickle.dumps(document, 4)
        clone = pickle.loads(data)
    elapsed = pyperf.perf_counter() - t0
    if clone != document or len(data) != PICKLE_SIZE or data[:2] != b"\x80\x04":
        raise AssertionError("pickle: round trip failed (%d bytes)" % len(data))
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "pickle.dumps + pickle.loads of a nested document"
    runner.bench_time_func("pickle", bench)
