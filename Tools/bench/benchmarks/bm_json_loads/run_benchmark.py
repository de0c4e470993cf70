"""JSON loads: parse a mix of documents (records with unicode escapes, number arrays,
deep nesting) with json.loads."""

import json

import pyperf

RECORD = {
    "id": 77, "name": "caf\u00e9 \u4e2d\u6587", "ok": False, "ratio": 0.125,
    "items": [{"sku": "X-%04d" % i, "qty": i, "price": i * 2.25} for i in range(20)],
}
TEXTS = [
    json.dumps(RECORD),
    json.dumps(RECORD, ensure_ascii=False),
    json.dumps(list(range(300)) + [i * 0.5 for i in range(100)]),
    json.dumps({"level%d" % i: {"inner": [i, [i, [i]]]} for i in range(40)}),
]


def bench(loops):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        for text in TEXTS:
            document = json.loads(text)
    elapsed = pyperf.perf_counter() - t0
    if json.loads(TEXTS[0]) != RECORD or json.loads(TEXTS[1]) != RECORD:
        raise AssertionError("json_loads: record differs")
    if document["level39"] != {"inner": [39, [39, [39]]]}:
        raise AssertionError("json_loads: nested document differs")
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "json.loads of mixed documents"
    runner.bench_time_func("json_loads", bench)
