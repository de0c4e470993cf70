"""JSON dumps: serialise a mix of documents (nested records, unicode text, numbers,
lists of small dicts) with json.dumps."""

import json

import pyperf

RECORD = {
    "id": 1042, "name": "Zoë Ångström", "active": True, "score": 91.25, "tags": ["a", "b", "c"],
    "address": {"street": "12 Rue de l'Église", "city": "Montréal", "zip": None},
    "history": [{"year": 2000 + i, "value": i * 1.5, "note": "entry %d" % i} for i in range(8)],
}
NUMBERS = list(range(-500, 500, 7)) + [x / 7 for x in range(200)]
TEXT = {"key %d" % i: "value \u2603 \"quoted\" \\ \n line %d" % i for i in range(60)}
DOCUMENTS = [RECORD, NUMBERS, TEXT, [RECORD] * 10]


def bench(loops):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        for document in DOCUMENTS:
            text = json.dumps(document)
    elapsed = pyperf.perf_counter() - t0
    for document in DOCUMENTS:
        if json.loads(json.dumps(document)) != document:
            raise AssertionError("json_dumps: round trip changed a document")
    if json.dumps(RECORD["address"]) != (
            '{"street": "12 Rue de l\'\\u00c9glise", "city": "Montr\\u00e9al", "zip": null}'):
        raise AssertionError("json_dumps: unexpected text %r" % json.dumps(RECORD["address"]))
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "json.dumps of mixed documents"
    runner.bench_time_func("json_dumps", bench)
