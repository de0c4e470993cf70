"""Adversarial thread stress (Tools/stress/run.sh): built-in objects whose __init__ runs
again while other threads use them.  One thread re-initialises a list, dict, set, deque,
bytearray, OrderedDict, SimpleNamespace and random.Random, feeds a SimpleQueue and registers
and unregisters descriptors of a select.poll, while three threads read the same objects, poll,
drain the queue and use a shared re match object and pattern.

Run it under the AddressSanitizer build; it prints "ok" when it finishes."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness
import collections, re, queue, json, select, weakref, types, random, heapq

lst = list(range(50))
dct = {i: i for i in range(50)}
st = set(range(50))
dq = collections.deque(range(50))
ba = bytearray(b'x' * 50)
od = collections.OrderedDict((i, i) for i in range(20))
ns = types.SimpleNamespace(a=1)
rnd = random.Random(1)
sq = queue.SimpleQueue()
pat = re.compile(r'(\w+)-(\d+)')
m = pat.search('abc-123')
poll = select.poll()
r_fd, w_fd = os.pipe()
done = []


class T:
    pass


target = T()
ref = weakref.ref(target)


def mutator():
    for r in range(20000):
        lst.__init__(range(r % 60))
        dct.__init__({i: r for i in range(r % 40)})
        st.__init__(range(r % 30))
        dq.__init__(range(r % 50), maxlen=None if r % 2 else 40)
        try:
            ba.__init__(b'y' * (r % 70))
        except BufferError:
            pass    # a reader holds its buffer: resizing is refused
        od.__init__((i, r) for i in range(r % 20))
        ns.__init__(a=r, b=[r])
        rnd.__init__(r)
        sq.put(r)
        try:
            poll.register(r_fd if r % 2 else w_fd)
            poll.unregister(w_fd if r % 2 else r_fd)
        except KeyError:
            pass


ops = [
    lambda: sum(lst), lambda: list(lst), lambda: sorted(dct.items()), lambda: len(st | {1}),
    lambda: list(dq), lambda: dq.count(3), lambda: bytes(ba), lambda: ba.find(b'y'),
    lambda: list(od.items()), lambda: repr(ns), lambda: ns.a, lambda: rnd.random(),
    lambda: sq.get_nowait(), lambda: poll.poll(0), lambda: m.group(1, 2), lambda: m.span(2),
    lambda: pat.sub(lambda mm: mm.group(2), 'x-1 y-2'), lambda: json.loads('{"a": [1, 2]}'),
    lambda: heapq.nsmallest(3, lst), lambda: max(dq) if dq else 0, lambda: ref(),
]
reader = _harness.ops_reader(ops, (RuntimeError, ValueError, IndexError, queue.Empty,
                                   KeyError, TypeError), done)
_harness.run(mutator, reader, done)
