"""Adversarial thread stress (Tools/stress/run.sh): One thread mutates a dict, a set, a bytearray and a deque while three threads copy,
format, compare and search them.  (Found: bytearray methods reading a freed buffer.)

Run it under the AddressSanitizer build; it prints "ok" when it finishes."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness
import threading, json, copy, collections, pickle
d = {str(i): str(i) * 2 for i in range(100)}
s = set(range(100))
ba = bytearray(b'x' * 100)
dq = collections.deque(range(100))
done = []
def mutator():
    for r in range(20000):
        d[str(r)] = str(r) * 2
        if len(d) > 200:
            for k in list(d)[:100]:
                d.pop(k, None)
        if r % 97 == 0: d.clear()
        s.add(r); s.discard(r - 50)
        if r % 89 == 0: s.clear()
        try:
            ba.extend(b'ab')
            if len(ba) > 300: del ba[:200]
        except BufferError:
            pass
        dq.append(r)
        if len(dq) > 200: dq.popleft()
        if r % 83 == 0: dq.clear()
ops = [
    lambda: dict(d), lambda: d.copy(), lambda: list(d.items()), lambda: json.dumps(d),
    lambda: repr(d), lambda: sorted(d), lambda: {**d}, lambda: (lambda **k: len(k))(**d),
    lambda: d | d, lambda: set(d), lambda: list(d.values()), lambda: d == dict(d),
    lambda: pickle.dumps(d), lambda: {}.update(d),
    lambda: collections.OrderedDict(d), lambda: dict.fromkeys(d), lambda: max(d, default=0),
    lambda: s | s, lambda: s & {1, 2, 3}, lambda: s - {1}, lambda: s ^ {1}, lambda: set(s),
    lambda: frozenset(s), lambda: sorted(s), lambda: s == set(s), lambda: s.issubset(s),
    lambda: {1, 2}.issubset(s), lambda: s.isdisjoint({-1}), lambda: repr(s), lambda: list(s),
    lambda: hash(frozenset(s)), lambda: pickle.dumps(s), lambda: set().union(s, s),
    lambda: bytes(ba), lambda: ba.find(b'ab'), lambda: ba.count(b'a'), lambda: ba.upper(),
    lambda: ba.split(b'a'), lambda: b'-'.join([ba, ba]), lambda: ba[::-1], lambda: ba.hex(),
    lambda: ba.decode(), lambda: ba + ba, lambda: memoryview(ba).tobytes(), lambda: ba == ba,
    lambda: ba.replace(b'a', b'c'), lambda: ba.strip(b'x'), lambda: int.from_bytes(ba[:8], 'big'),
    lambda: list(dq), lambda: tuple(dq), lambda: sorted(dq), lambda: repr(dq), lambda: dq.count(5),
    lambda: 5 in dq, lambda: copy.copy(dq), lambda: sum(dq), lambda: dq == collections.deque(dq),
    lambda: reversed(dq).__next__(), lambda: dq.index(dq[0]) if dq else 0, lambda: dq[len(dq)//2] if dq else 0,
]
reader = _harness.ops_reader(
    ops, (ValueError, IndexError, RuntimeError, StopIteration, KeyError), done)
_harness.run(mutator, reader, done)
