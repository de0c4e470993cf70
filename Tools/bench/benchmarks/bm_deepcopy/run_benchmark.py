"""Deepcopy: copy.deepcopy of a nested structure of dicts, lists, tuples, instances and a
shared sub-object (the memo must preserve sharing)."""

import copy

import pyperf


class Settings:
    def __init__(self, name, values):
        self.name = name
        self.values = values
        self.flags = {"debug": False, "level": 3}


def make_document():
    shared = [1, 2, 3]
    return {
        "title": "report",
        "rows": [{"id": i, "cells": [i, str(i), (i, i * 2.5)], "shared": shared}
                 for i in range(40)],
        "settings": [Settings("s%d" % i, list(range(i))) for i in range(10)],
        "frozen": (frozenset({1, 2, 3}), b"bytes", None, True),
    }


def bench(loops):
    document = make_document()
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        clone = copy.deepcopy(document)
    elapsed = pyperf.perf_counter() - t0
    if clone["rows"][0]["shared"] is document["rows"][0]["shared"]:
        raise AssertionError("deepcopy: shared list not copied")
    if clone["rows"][0]["shared"] is not clone["rows"][39]["shared"]:
        raise AssertionError("deepcopy: sharing not preserved")
    if clone["settings"][9].values != list(range(9)) or clone["title"] != "report":
        raise AssertionError("deepcopy: contents differ")
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "copy.deepcopy of a nested document"
    runner.bench_time_func("deepcopy", bench)
