"""Threads sharing an instance __dict__, class attributes, module globals, and the race
conditions of the seed texts: a shared counter incremented with `count = count + 1` may lose
updates without a lock (in the free-threaded build, and in principle in the GIL build too) and
must be exact with one; money moved between accounts under a lock keeps the total."""

import gc
import math
import os
import random
import sys
import threading
import types
import unittest
import weakref

from test.test_free_threading import (FREE_THREADED, NTHREADS, mutate_while_reading,
                                     run_concurrently)

N = 1000


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class InstanceDictTests(unittest.TestCase):

    def test_setattr_distinct_names(self):
        obj = Point(0, 0)

        def worker(index):
            for i in range(N):
                setattr(obj, 'a%d_%d' % (index, i), i)

        run_concurrently(worker)
        for t in range(NTHREADS):
            for i in range(N):
                self.assertEqual(getattr(obj, 'a%d_%d' % (t, i)), i)
        self.assertEqual(len(vars(obj)), NTHREADS * N + 2)

    def test_same_attribute_read_write_delete(self):
        obj = Point(1, 2)

        def worker(index):
            for i in range(N):
                obj.x = index
                self.assertIn(obj.x, range(NTHREADS))
                self.assertEqual(obj.y, 2)
                self.assertIn(obj.norm1(), range(2, NTHREADS + 2))
                name = 'tmp%d' % index
                setattr(obj, name, i)
                self.assertEqual(getattr(obj, name), i)
                delattr(obj, name)
                self.assertFalse(hasattr(obj, name))

        run_concurrently(worker)
        self.assertEqual(sorted(vars(obj)), ['x', 'y'])

    def test_many_instances_shared_class(self):
        # Instances created by all threads share one class (and its cached attribute
        # lookups); each instance's dict is private to its thread.
        def worker(index):
            points = [Point(index, i) for i in range(N)]
            return sum(p.norm1() for p in points)

        results = run_concurrently(worker)
        self.assertEqual(results, [N * t + N * (N - 1) // 2 for t in range(NTHREADS)])

    def test_shared_vars_dict(self):
        obj = Point(0, 0)
        namespace = vars(obj)

        def worker(index):
            for i in range(N):
                namespace['k%d' % (index * N + i)] = i
            return sum(1 for k in list(namespace) if k.startswith('k'))

        run_concurrently(worker)
        self.assertEqual(len(namespace), NTHREADS * N + 2)
        self.assertEqual(obj.k0, 0)


    def test_dict_reassignment_while_reading(self):
        obj = Point(0, 0)
        dicts = [{'x': k, 'y': -k} for k in range(NTHREADS)]

        def worker(index):
            for i in range(N):
                if index == 0 and i % 5 == 0:
                    obj.__dict__ = dict(dicts[(i // 5) % NTHREADS])
                x = obj.x
                self.assertIn(x, range(NTHREADS))
                self.assertIsInstance(obj.y, int)

        run_concurrently(worker)
        self.assertEqual(obj.x, -obj.y)

    def test_values_stored_alone_then_replaced_while_read(self):
        # Attribute values stored while the program ran one thread were stored without the
        # free-threaded build's publishing; once a reader thread runs, the main thread
        # replaces them, releasing the old values while the reader takes references to them
        # (under AddressSanitizer a freed one is reported; without it the reader may crash).
        class Slotted:
            __slots__ = ('a',)

        for cls in (Slotted, types.SimpleNamespace):
            for trial in range(30):
                objs = [cls() for _ in range(3000)]
                for o in objs:
                    o.a = object()
                reading = threading.Event()
                done = []

                def reader():
                    reading.set()
                    while not done:
                        for o in objs:
                            o.a

                thread = threading.Thread(target=reader)
                thread.start()
                try:
                    reading.wait()
                    for o in objs:
                        o.a = 1
                finally:
                    done.append(True)
                    thread.join()
                self.assertEqual({o.a for o in objs}, {1})

def monotonic_reads(testcase, read, write, rounds):
    """One writer stores increasing numbers through write(); the other threads read()
    repeatedly: each reader's sequence of values must never go backwards (a stale cache entry
    returned after a newer value was seen would)."""
    def worker(index):
        if index == 0:
            for i in range(1, rounds + 1):
                write(i)
            return 0
        last = 0
        for i in range(rounds):
            value = read()
            testcase.assertGreaterEqual(value, last)
            last = value
        return last

    run_concurrently(worker)
    testcase.assertEqual(read(), rounds)


class ClassAttributeTests(unittest.TestCase):

    def test_class_attribute_reads_never_go_backwards(self):
        class Versioned:
            value = 0

        def write(i):
            Versioned.value = i

        monotonic_reads(self, lambda: Versioned.value, write, N * 2)

    def test_attribute_through_instance_never_goes_backwards(self):
        class Versioned:
            value = 0

            def get(self):
                return self.value

        inst = Versioned()

        def write(i):
            Versioned.value = i

        monotonic_reads(self, inst.get, write, N * 2)

    def test_method_replacement_never_goes_backwards(self):
        class Versioned:
            def version(self):
                return 0

        inst = Versioned()
        methods = [eval('lambda self: %d' % i) for i in range(N + 1)]

        def write(i):
            Versioned.version = methods[i]

        monotonic_reads(self, lambda: inst.version(), write, N)

    def test_set_class_attributes_while_reading(self):
        class Shared:
            base = 10

            def method(self):
                return self.base

        def worker(index):
            inst = Shared()
            for i in range(N // 2):
                setattr(Shared, 'c%d_%d' % (index, i), i)
                # The type cache must be invalidated correctly: the new attribute is
                # visible at once through the class and its instances.
                self.assertEqual(getattr(inst, 'c%d_%d' % (index, i)), i)
                self.assertEqual(inst.method(), 10)
                self.assertEqual(Shared.base, 10)

        run_concurrently(worker)
        for t in range(NTHREADS):
            for i in range(N // 2):
                self.assertEqual(getattr(Shared, 'c%d_%d' % (t, i)), i)

    def test_replace_method_while_calling(self):
        class Shared:
            def value(self):
                return 0

        versions = [lambda self, k=k: k for k in range(NTHREADS)]

        def worker(index):
            inst = Shared()
            for i in range(N):
                if i % 10 == 0:
                    Shared.value = versions[index]
                self.assertIn(inst.value(), range(NTHREADS))

        run_concurrently(worker)
        self.assertIn(Shared().value(), range(NTHREADS))

    def test_bases_methods_and_class_change_while_looked_up(self):
        # The main thread reassigns a class's __bases__, replaces a base's method, and moves
        # instances between classes; three threads call methods and read attributes,
        # __mro__, vars() and weak references.  The old MROs, bases and methods must stay
        # alive while the readers may use them (under AddressSanitizer a freed one is
        # reported; without it a reader may crash or call a cleared function).
        class A:
            x = 1

            def m(self):
                return 1

        class B:
            x = 2

            def m(self):
                return 2

        class C(A):
            pass

        objs = [C() for _ in range(50)]

        def read():
            for o in objs:
                try:
                    if not isinstance(o.m(), int):
                        return False
                    o.x
                    o.attr
                    vars(o)
                    type(o).__mro__
                    weakref.ref(o)()
                except (AttributeError, TypeError):
                    pass    # attr deleted; a descriptor of the class o just left
            return True

        def mutate(r):
            o = objs[r % 50]
            o.__class__ = B if o.__class__ is not B else C
            o.attr = [r]
            if r % 3 == 0:
                del o.attr
            if r % 7 == 0:
                o.__dict__ = {'attr': r}
            if r % 11 == 0:
                C.x = r
            if r % 13 == 0:
                C.__bases__ = (B,) if C.__bases__ == (A,) else (A,)
            A.m = (lambda self, r=r: r) if r % 2 else (lambda self: 1)

        mutate_while_reading(self, mutate, read)

    def test_special_methods_replaced_while_called(self):
        # C code that looks a special method up on the type and then calls it (os.fspath,
        # the instantiation fast path for a Python __init__, math.ceil, complex(),
        # with-statements) while the main thread replaces those methods and __type_params__:
        # the method found must stay alive while it is called.
        class P:
            def __init__(self, v):
                self.v = v

            def __fspath__(self):
                return 'p'

            def __ceil__(self):
                return 1

            def __complex__(self):
                return 1j

        obj = P(0)

        def read():
            return (os.fspath(obj) in ('p', 'q') and math.ceil(obj) in (1, 2) and
                    complex(obj) in (1j, 2j) and P(1).v == 1 and
                    type(P.__type_params__) is tuple)

        def mutate(r):
            k = r % 2
            P.__fspath__ = (lambda self, s='pq'[k]: s)
            P.__ceil__ = (lambda self, c=k + 1: c)
            P.__complex__ = (lambda self, c=(k + 1) * 1j: c)

            def init(self, v, r=r):
                self.v = v
            P.__init__ = init
            P.__type_params__ = (r,) if k else ()

        mutate_while_reading(self, mutate, read, rounds=5000)

    def test_exception_fields_replaced_while_read(self):
        # One thread replaces an exception's args, __cause__, __context__ and __traceback__;
        # the others format and read them.  What they read is always a value that was
        # assigned, never one freed under them (under AddressSanitizer a freed one is
        # reported).
        try:
            raise KeyError('tb')
        except KeyError as caught:
            tb = caught.__traceback__
        exc = ValueError('start')

        def read():
            str(exc)
            exc.__traceback__
            exc.__reduce__()
            return (repr(exc).startswith('ValueError(') and type(exc.args) is tuple and
                    type(exc.__cause__) in (KeyError, type(None)) and
                    type(exc.__context__) in (TypeError, type(None)))

        def mutate(r):
            exc.args = (str(r) * 3, [r])
            exc.__cause__ = KeyError(r)
            exc.__context__ = TypeError(r) if r % 2 else None
            exc.__traceback__ = tb if r % 3 else None

        mutate_while_reading(self, mutate, read)

    def test_import_error_reinitialised_while_read(self):
        # ImportError's own fields (member descriptors) replaced by __init__ and by setters
        # while other threads format the exception and read them.
        exc = ImportError('start', name='n', path='p')

        def read():
            return (type(str(exc)) is str and type(exc.msg) is str and
                    type(exc.name) is str and type(exc.path) is str)

        def mutate(r):
            exc.__init__(str(r) * 3, name=str(r) * 2, path=str(r))
            exc.msg = str(r) * 4

        mutate_while_reading(self, mutate, read)

    def test_exception_subclasses_reinitialised_while_formatted(self):
        # The fields OSError, SyntaxError, the UnicodeErrors, AttributeError and ImportError
        # add are replaced by __init__ while other threads format and pickle the exceptions:
        # __str__ and __reduce__ must work from references they own, not from fields freed
        # under them.
        def text(r, n):
            return ''.join(chr(65 + (r + i) % 26) for i in range(n))

        excs = [OSError(1, 'start', 'f'), SyntaxError('start', ('f', 1, 2, 't')),
                UnicodeEncodeError('ascii', 'abc', 0, 1, 'start'),
                UnicodeDecodeError('ascii', b'abc', 0, 1, 'start'),
                UnicodeTranslateError('abc', 0, 1, 'start'),
                AttributeError('start', name='n', obj=None),
                ImportError('start', name='n', path='p')]

        def read():
            for exc in excs:
                if type(str(exc)) is not str:
                    return False
                reduced = exc.__reduce__()
                if reduced[0] is not type(exc) or type(reduced[1]) is not tuple:
                    return False
            return True

        def mutate(r):
            a, b = text(r, 3), text(r, 5)
            excs[0].__init__(r, a, b, None, a)
            excs[1].__init__(a, (b, r, r, a))
            excs[2].__init__(a, b, 1, 2, a)
            excs[3].__init__(a, b.encode(), 1, 2, a)
            excs[4].__init__(b, 1, 2, a)
            excs[5].__init__(a, name=b, obj=r)
            excs[6].__init__(a, name=b, path=a)

        mutate_while_reading(self, mutate, read, rounds=5000)

    def test_integer_members_set_while_read(self):
        # A UnicodeError's start and end (Py_T_PYSSIZET members) set through their member
        # descriptors while other threads read them and format the exception, which reads
        # them under its lock.  The values are plain integers, so only ThreadSanitizer can
        # see the difference: it reported the plain stores racing with those reads.
        exc = UnicodeDecodeError('ascii', b'abcdef', 0, 1, 'bad')

        def read():
            start, end = exc.start, exc.end
            return (0 <= start <= 5 and 1 <= end <= 6 and 'ascii' in str(exc))

        def mutate(r):
            exc.start = r % 5
            exc.end = r % 5 + 1

        mutate_while_reading(self, mutate, read, rounds=5000)

    def test_subclass_creation_and_mro_lookup(self):
        class Base:
            def who(self):
                return 'base'

        def worker(index):
            for i in range(N // 10):
                sub = type('Sub%d' % index, (Base,), {'n': i})
                self.assertEqual(sub().who(), 'base')
                self.assertEqual(sub.n, i)
                if i % 10 == 0:
                    Base.extra = index
                    self.assertIn(sub().extra, range(NTHREADS))

        run_concurrently(worker)
        self.assertIn(Base.extra, range(NTHREADS))

    def test_class_counter_with_lock(self):
        class Stats:
            hits = 0
        lock = threading.Lock()

        def worker(index):
            for i in range(N):
                with lock:
                    Stats.hits += 1

        run_concurrently(worker)
        self.assertEqual(Stats.hits, NTHREADS * N)


MODULE_SOURCE = '''
count = 0
locked_count = 0
lock = threading.Lock()

def bump(n):
    global count
    for i in range(n):
        count = count + 1

def bump_locked(n):
    global locked_count
    for i in range(n):
        lock.acquire()
        try:
            locked_count = locked_count + 1
        finally:
            lock.release()

def store(name, value):
    globals()[name] = value

def load(name):
    return globals()[name]

def read_constant():
    return CONSTANT + len(TABLE)
'''


def make_module():
    module = types.ModuleType('shared_state')
    module.threading = threading
    module.CONSTANT = 5
    module.TABLE = (1, 2, 3)
    exec(MODULE_SOURCE, vars(module))
    return module


class ModuleGlobalsTests(unittest.TestCase):

    def test_unlocked_counter_stays_bounded(self):
        # The seed texts' race: `count = count + 1` is a read, an add and a store; another
        # thread may store in between, so updates can be lost.  Losing some is allowed (it is
        # the point of the example), exceeding the number of increments is not.
        module = make_module()
        run_concurrently(lambda index: module.bump(N))
        self.assertGreater(module.count, 0)
        self.assertLessEqual(module.count, NTHREADS * N)

    def test_locked_counter_is_exact(self):
        module = make_module()
        run_concurrently(lambda index: module.bump_locked(N))
        self.assertEqual(module.locked_count, NTHREADS * N)

    def test_counter_thread_subclass_with_lock(self):
        # The seed's shape: a Thread subclass whose run() increments a global under a lock.
        module = make_module()

        class CounterThread(threading.Thread):
            def run(self):
                module.bump_locked(N)

        threads = [CounterThread() for _ in range(NTHREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(module.locked_count, NTHREADS * N)

    def test_globals_store_and_load(self):
        module = make_module()

        def worker(index):
            for i in range(N):
                name = 'g%d_%d' % (index, i % 50)
                module.store(name, i)
                self.assertEqual(module.load(name), i)
                self.assertEqual(module.read_constant(), 8)

        run_concurrently(worker)
        for t in range(NTHREADS):
            self.assertEqual(getattr(module, 'g%d_49' % t), N - 1)

    def test_global_reads_never_go_backwards(self):
        module = make_module()
        module.store('counter_value', 0)
        exec('def read_counter():\n    return counter_value\n', vars(module))
        monotonic_reads(self, module.read_counter, lambda i: module.store('counter_value', i),
                        N * 2)

    def test_global_rebinding_while_reading(self):
        module = make_module()

        def worker(index):
            for i in range(N):
                if index == 0 and i % 3 == 0:
                    module.store('TABLE', (1, 2, 3) if i % 2 else [7, 8, 9])
                self.assertEqual(module.read_constant(), 8)

        run_concurrently(worker)


class BankTests(unittest.TestCase):

    def test_transfers_under_lock_keep_the_total(self):
        accounts = [1000] * 10
        lock = threading.Lock()

        def worker(index):
            rng = random.Random(index)
            for i in range(N):
                a, b = rng.randrange(10), rng.randrange(10)
                amount = rng.randrange(50)
                with lock:
                    if accounts[a] >= amount:
                        accounts[a] -= amount
                        accounts[b] += amount

        run_concurrently(worker)
        self.assertEqual(sum(accounts), 10000)
        self.assertTrue(all(balance >= 0 for balance in accounts))

    def test_per_account_locks_in_order(self):
        # Fine-grained locking, taking both locks in a fixed order so that it cannot deadlock.
        accounts = [1000] * 10
        locks = [threading.Lock() for _ in accounts]

        def worker(index):
            rng = random.Random(index)
            for i in range(N):
                a, b = rng.sample(range(10), 2)
                amount = rng.randrange(50)
                first, second = sorted((a, b))
                with locks[first], locks[second]:
                    if accounts[a] >= amount:
                        accounts[a] -= amount
                        accounts[b] += amount

        run_concurrently(worker)
        self.assertEqual(sum(accounts), 10000)


class Shared:
    """A weakly referenceable object without a finalizer."""


class HotSharedObjectTests(unittest.TestCase):
    """Objects that every thread keeps reading (a read-mostly dict, a threading.local, their
    values).  In the free-threaded build they become hot enough to count their references per
    thread (Python/ptrc.c): the counts must end exact once a collection folded them, an
    object that died meanwhile must be freed by that collection, and an object with __del__
    must still be finalized at once.  In the GIL build the same holds trivially."""

    READS = 20000

    def test_read_mostly_dict_counts_end_exact(self):
        table = {'k%d' % i: Shared() for i in range(16)}
        keys = list(table)
        before = [sys.getrefcount(table)] + [sys.getrefcount(v) for v in table.values()]

        def worker(index):
            found = 0
            for i in range(self.READS):
                found += table.get(keys[i & 15]) is not None
            return found

        self.assertEqual(run_concurrently(worker), [self.READS] * NTHREADS)
        if FREE_THREADED:
            # Promoted: its count carries the pin, so the test exercises the fold.
            self.assertGreater(sys.getrefcount(table), 2 ** 40)
        gc.collect()
        after = [sys.getrefcount(table)] + [sys.getrefcount(v) for v in table.values()]
        self.assertEqual(after, before)

    def test_hot_object_dropped_is_freed_by_the_next_collection(self):
        holder = [Shared()]
        ref = weakref.ref(holder[0])

        def worker(index):
            for i in range(self.READS):
                obj = holder[0]
            return obj is not None

        self.assertEqual(run_concurrently(worker), [True] * NTHREADS)
        del holder[0]
        gc.collect()
        self.assertIsNone(ref())

    def test_hot_object_with_finalizer_is_finalized_at_once(self):
        finalized = []

        class Finalized:
            def __del__(self):
                finalized.append(True)

        holder = [Finalized()]

        def worker(index):
            for i in range(self.READS):
                obj = holder[0]
            return obj is not None

        # Keep threads alive while the object goes, so that it is dropped while other
        # threads exist.
        stop = threading.Event()
        bystander = threading.Thread(target=stop.wait)
        bystander.start()
        try:
            self.assertEqual(run_concurrently(worker), [True] * NTHREADS)
            del holder[0]
            self.assertEqual(finalized, [True])
        finally:
            stop.set()
            bystander.join()

    def test_shared_threading_local(self):
        local = threading.local()

        def worker(index):
            local.value = index
            total = 0
            for i in range(self.READS):
                total += local.value
            return total

        self.assertEqual(run_concurrently(worker),
                         [index * self.READS for index in range(NTHREADS)])
        before = sys.getrefcount(local)
        gc.collect()
        self.assertLessEqual(sys.getrefcount(local), before)
        self.assertEqual(sys.getrefcount(local), 2)


if __name__ == '__main__':
    unittest.main()
