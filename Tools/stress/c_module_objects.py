"""Adversarial thread stress (Tools/stress/run.sh): objects of C modules shared by threads.
One thread re-initialises or replaces them (struct.Struct.__init__, property and classmethod
__init__, an lru_cache's cache_clear, a memoryview's release, a seeded random.Random), while
three threads use the same objects at once: an lru_cache-wrapped function, a Pickler and an
Unpickler, zlib and hashlib objects, buffered and text files, itertools
iterators and the re-initialised objects.

Run it under the AddressSanitizer build; it prints "ok" when it finishes."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness
import functools, hashlib, io, itertools, pickle, random, struct, zlib


@functools.lru_cache(maxsize=32)
def cached(n):
    return [n] * (n % 5)


class Holder:
    def _get(self):
        return 1

    prop = property(_get)

    @classmethod
    def cm(cls):
        return 2


st = struct.Struct('i')
rng = random.Random(1)
pickler_out = io.BytesIO()
pickler = pickle.Pickler(pickler_out)
unpickler_in = io.BytesIO(pickle.dumps(list(range(20))) * 10000)
unpickler = pickle.Unpickler(unpickler_in)
comp = zlib.compressobj()
decomp = zlib.decompressobj()
sha = hashlib.sha256()
buffered = io.BufferedWriter(io.BytesIO())
text = io.TextIOWrapper(io.BytesIO(), encoding='utf-8')
counter = itertools.count()
cycle = itertools.cycle(range(10))
chain = itertools.chain.from_iterable(itertools.repeat(range(5)))
view = memoryview(bytearray(100))
views = [view]
holder = Holder()
done = []


def mutator():
    for r in range(20000):
        try:
            st.__init__('ii' if r % 2 else 'i')
        except RuntimeError:
            pass    # a reader is using it: __init__ refuses
        Holder.__dict__['prop'].__init__((lambda self, r=r: r) if r % 2 else Holder._get)
        Holder.__dict__['cm'].__init__((lambda cls, r=r: r) if r % 2 else (lambda cls: 2))
        if r % 100 == 0:
            cached.cache_clear()
            pickler.clear_memo()
            pickler_out.seek(0)
            pickler_out.truncate()
        if r % 7 == 0:
            rng.seed(r)
        old = views[0]
        views[0] = memoryview(bytearray(100))
        try:
            old.release()
        except BufferError:
            pass    # a reader is using it: release() refuses, as with any export


def use_view():
    v = views[0]
    return v[3], bytes(v[:10]), v.tolist()[:2]


ops = [
    lambda: cached(rng.randrange(100)), lambda: cached.cache_info(),
    lambda: st.pack(*([1] * (st.size // 4))), lambda: st.unpack(b'\0' * st.size), lambda: st.format,
    lambda: holder.prop, lambda: Holder.cm(), lambda: rng.random(), lambda: rng.getrandbits(70),
    lambda: pickler.dump([1, 2, (3, 'x')]), lambda: unpickler.load(),
    lambda: comp.compress(b'abc' * 50),
    lambda: decomp.decompress(zlib.compress(b'xyz')), lambda: sha.update(b'abc'),
    lambda: sha.hexdigest(), lambda: sha.copy().digest(), lambda: buffered.write(b'data' * 10),
    lambda: buffered.flush(), lambda: text.write('text\n'), lambda: text.flush(),
    lambda: next(counter), lambda: next(cycle), lambda: next(chain), use_view,
]
reader = _harness.ops_reader(
    ops, (ValueError, IndexError, RuntimeError, TypeError, EOFError, pickle.UnpicklingError,
          struct.error, zlib.error, BufferError), done)
_harness.run(mutator, reader, done)
