"""Adversarial thread stress (Tools/stress/run.sh): One thread mutates an array.array, a BytesIO, a StringIO, an OrderedDict, a list and a
bytearray while three threads read them through their methods and through C modules
(zlib, hashlib, re, struct, heapq, bisect, itertools).

Run it under the AddressSanitizer build; it prints "ok" when it finishes."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness
import threading, array, io, collections, heapq, bisect, struct, zlib, hashlib, re, itertools, operator, functools
a = array.array('i', range(100))
bio = io.BytesIO(b'x' * 100)
sio = io.StringIO('y' * 100)
od = collections.OrderedDict((i, i) for i in range(50))
lst = list(range(100))
ba = bytearray(b'abc' * 30)
done = []
def mutator():
    for r in range(30000):
        try:
            a.extend(range(20))
            if len(a) > 300: del a[:200]
            if r % 50 == 0: a.reverse()
            a.append(r); a.pop(0); a.insert(0, r); a.remove(r)
        except (BufferError, ValueError, IndexError):
            pass
        try:
            bio.seek(0); bio.write(b'z' * (r % 200)); bio.truncate(r % 150)
            sio.seek(0); sio.write('w' * (r % 200)); sio.truncate(r % 150)
        except (BufferError, ValueError):
            pass
        od[r] = r
        try: od.move_to_end(r - 1, last=False)
        except KeyError: pass
        if len(od) > 100: od.popitem(last=False)
        if r % 37 == 0: od.clear()
        lst.append(r)
        if len(lst) > 200: del lst[:100]
        try:
            ba.extend(b'abc')
            if len(ba) > 400: del ba[:300]
        except BufferError:
            pass
ops = [
    lambda: a.tolist(), lambda: a.tobytes(), lambda: list(a), lambda: sum(a), lambda: a.count(5), lambda: a.index(a[0]) if a else 0,
    lambda: a[::2], lambda: a[::-1], lambda: a * 2, lambda: a + a, lambda: repr(a), lambda: 5 in a, lambda: a == array.array('i', a),
    lambda: sorted(a), lambda: max(a) if a else 0, lambda: bytes(a), lambda: memoryview(a).tolist(), lambda: a.buffer_info(), lambda: copy_a(),
    lambda: array.array('i', a), lambda: a.__reduce_ex__(3), lambda: hash(a.tobytes()),
    lambda: bio.getvalue(), lambda: bio.read(), lambda: bio.getbuffer().tobytes(), lambda: bio.readline(), lambda: list(bio),
    lambda: sio.getvalue(), lambda: sio.read(), lambda: sio.readline(), lambda: list(sio), lambda: sio.tell(),
    lambda: list(od), lambda: list(od.items()), lambda: repr(od), lambda: od.copy(), lambda: list(reversed(od)), lambda: od == dict(od),
    lambda: heapq.nlargest(3, lst), lambda: bisect.bisect(lst, 50), lambda: heapq.heapify(list(lst)), lambda: list(itertools.islice(lst, 5, 50)),
    lambda: functools.reduce(operator.add, lst, 0), lambda: list(itertools.accumulate(lst)), lambda: list(itertools.pairwise(lst)),
    lambda: zlib.compress(ba), lambda: hashlib.sha256(ba).digest(), lambda: re.findall(b'ab', ba), lambda: struct.unpack_from('i', ba, 0),
    lambda: zlib.crc32(ba), lambda: ba.decode('latin-1'), lambda: io.BytesIO(ba).read(), lambda: array.array('b', ba), lambda: bytes(memoryview(ba)[::2]),
]
def copy_a():
    import copy; return copy.copy(a)
reader = _harness.ops_reader(
    ops, (ValueError, IndexError, RuntimeError, StopIteration, KeyError, BufferError), done)
_harness.run(mutator, reader, done)
