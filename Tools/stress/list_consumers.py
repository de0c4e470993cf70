"""Adversarial thread stress (Tools/stress/run.sh): One thread appends to, slices and clears a list while three threads pass it to every C
function that reads a sequence (str.join, tuple, set, sorted, *args, json, pickle, ...).

Run it under the AddressSanitizer build; it prints "ok" when it finishes."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness
import threading, sys
shared = [str(i) * 3 for i in range(200)]
done = []
def mutator():
    for r in range(20000):
        shared.append(str(r) * 3)
        if len(shared) > 300:
            del shared[:150]
        if r % 50 == 0:
            shared.clear(); shared.extend(str(i) * 3 for i in range(100))
        shared[r % 10:r % 10 + 5] = [str(r)] * 3
ops = [
    lambda: ''.join(shared),
    lambda: ','.join(shared),
    lambda: tuple(shared),
    lambda: set(shared),
    lambda: frozenset(shared),
    lambda: dict.fromkeys(shared),
    lambda: sorted(shared),
    lambda: shared + shared,
    lambda: shared * 2,
    lambda: list(shared),
    lambda: [].extend(shared),
    lambda: len(max(shared, default='')),
    lambda: min(shared, default=''),
    lambda: (lambda *a: len(a))(*shared),
    lambda: '7' in shared,
    lambda: shared.count('77'),
    lambda: list(reversed(shared)),
    lambda: list(zip(shared, shared)),
    lambda: list(enumerate(shared)),
    lambda: shared[::2],
    lambda: shared[::-1],
    lambda: shared == list(shared),
    lambda: shared < ['z'],
    lambda: hash(tuple(shared)),
    lambda: repr(shared),
    lambda: str(shared),
    lambda: bytes(bytearray(b''.join(s.encode() for s in shared))),
    lambda: b''.join([s.encode() for s in shared]),
    lambda: sum(len(s) for s in shared),
    lambda: any(s == 'x' for s in shared),
    lambda: list(map(len, shared)),
    lambda: list(filter(None, shared)),
    lambda: shared.index(shared[0]) if shared else 0,
    lambda: __import__('copy').copy(shared),
    lambda: [*shared],
    lambda: {*shared},
    lambda: __import__('itertools').chain(shared, shared).__next__(),
    lambda: __import__('heapq').nsmallest(3, shared),
    lambda: __import__('bisect').bisect(shared, '5'),
    lambda: __import__('json').dumps(shared),
    lambda: __import__('pickle').dumps(shared),
    lambda: __import__('array').array('u', ''.join(shared)[:10]),
    lambda: __import__('collections').deque(shared),
    lambda: __import__('collections').Counter(shared),
    lambda: str.join('', shared),
    lambda: '%s' % (shared,),
    lambda: f'{shared}',
]
reader = _harness.ops_reader(ops, (ValueError, IndexError, RuntimeError, StopIteration), done)
_harness.run(mutator, reader, done)
