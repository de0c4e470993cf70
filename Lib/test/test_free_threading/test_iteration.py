"""Readers iterating while writers resize, and iterators and generators shared by threads.

Iterating over a list that another thread appends to or clears sees some of the items and
never crashes; iterating over a dict, set or deque that changes size raises the RuntimeError
CPython documents, never anything else.  A generator shared by threads raises
"ValueError: generator already executing" when two threads resume it at once; a shared
iterator (iter(list), enumerate, zip, itertools) may hand out items in any interleaving, but
each item it returns is one of the underlying sequence's and nothing is corrupted."""

import collections
import gc
import itertools
import sys
import threading
import unittest

from test.test_free_threading import FREE_THREADED, NTHREADS, run_concurrently

N = 3000

DICT_ERRORS = ('dictionary changed size during iteration',
               # CPython's message when the size is unchanged but the keys differ
               'dictionary keys changed during iteration')
SET_ERRORS = ('Set changed size during iteration',)
DEQUE_ERRORS = ('deque mutated during iteration',)

# enumerate and dict-items iterators reuse their result tuple when nobody else holds it; in the
# free-threaded build only the thread that owns the tuple may find that (two threads sharing
# the iterator must never both write into one).
SHARED_RESULT_TUPLES_BROKEN = False


def run_readers_and_writers(worker):
    """Half the threads are writers (worker(index, True)), half readers (worker(index,
    False)); readers loop until every writer has finished.  Return the readers' results."""
    writers_left = [NTHREADS // 2]
    lock = threading.Lock()
    done = threading.Event()

    def run(index):
        if index % 2 == 0:
            try:
                return worker(index, True, done)
            finally:
                with lock:
                    writers_left[0] -= 1
                    if writers_left[0] == 0:
                        done.set()
        return worker(index, False, done)

    return [r for i, r in enumerate(run_concurrently(run)) if i % 2]


class ReadersWhileWritersTests(unittest.TestCase):

    def test_list_iteration_while_appending_and_clearing(self):
        shared = list(range(10))

        def worker(index, writer, done):
            if writer:
                for i in range(N):
                    shared.append(i)
                    if i % 100 == 99:
                        shared.clear()
                    elif i % 37 == 0:
                        del shared[:5]
                return 0
            passes = 0
            while not done.is_set() or passes == 0:
                for x in shared:
                    self.assertIs(type(x), int)
                    self.assertIn(x, range(N))
                passes += 1
            return passes

        results = run_readers_and_writers(worker)
        self.assertTrue(all(passes > 0 for passes in results))

    def test_list_indexing_and_len_while_resizing(self):
        shared = []

        def worker(index, writer, done):
            if writer:
                for i in range(N):
                    shared.extend([i, i])
                    if i % 50 == 49:
                        del shared[::2]
                    if len(shared) > 1000:
                        shared.clear()
                return 0
            reads = 0
            while not done.is_set() or reads == 0:
                n = len(shared)
                for i in (0, n // 2, n - 1, -1):
                    try:
                        self.assertIn(shared[i], range(N))
                        reads += 1
                    except IndexError:
                        pass
                self.assertIn(len(shared[:]), range(0, 2 * N + 1))
                reads += 1
            return reads

        run_readers_and_writers(worker)

    def test_list_items_replaced_and_freed_while_read(self):
        # The readers index and iterate without the list's lock (once it is shared): the
        # items they find may be replaced, removed and freed meanwhile by the writers; they
        # must still get whole, live objects.
        class Box:
            def __init__(self, value):
                self.value = value

        shared = [Box(i) for i in range(64)]

        def worker(index, writer, done):
            if writer:
                for i in range(N * 4):
                    j = i % 64
                    shared[j] = Box(j)
                    if i % 16 == 0:
                        shared.insert(j, Box(j))
                        del shared[j]
                    if i % 64 == 63:
                        shared.reverse()
                        shared.reverse()
                return 0
            reads = 0
            while not done.is_set() or reads == 0:
                for i in range(0, 64, 7):
                    box = shared[i]
                    self.assertIs(type(box), Box)
                    self.assertIn(box.value, range(64))
                for box in shared:
                    self.assertIs(type(box), Box)
                reads += 1
            return reads

        self.assertTrue(all(run_readers_and_writers(worker)))
        # Concurrent insert/del pairs of different writers may remove each other's boxes,
        # but never change the length.
        self.assertEqual(len(shared), 64)
        self.assertTrue(all(type(box) is Box and box.value in range(64) for box in shared))

    def test_list_reversed_sorted_and_contains(self):
        shared = list(range(200))

        def worker(index, writer, done):
            if writer:
                for i in range(N):
                    shared.insert(i % 7, -i)
                    shared.pop()
                return 0
            count = 0
            while not done.is_set() or count == 0:
                for x in reversed(shared):
                    self.assertIs(type(x), int)
                self.assertTrue(all(type(x) is int for x in sorted(shared)))
                self.assertIsInstance(199 in shared, bool)
                count += 1
            return count

        run_readers_and_writers(worker)

    def test_dict_iteration_raises_only_runtime_error(self):
        shared = {i: i for i in range(50)}

        def worker(index, writer, done):
            if writer:
                for i in range(N):
                    shared[(index, i)] = i
                    if i % 10 == 9:
                        for j in range(i - 9, i + 1):
                            del shared[(index, j)]
                return 0
            errors = 0
            while not done.is_set():
                for view in (shared, shared.keys(), shared.values(), shared.items()):
                    try:
                        for item in view:
                            pass
                    except RuntimeError as exc:
                        self.assertIn(str(exc), DICT_ERRORS)
                        errors += 1
            return errors

        run_readers_and_writers(worker)
        self.assertEqual(shared, {i: i for i in range(50)})

    def test_dict_copy_and_list_while_mutating(self):
        shared = {}

        def worker(index, writer, done):
            if writer:
                for i in range(N):
                    shared[i % 300] = index
                    if i % 300 == 299:
                        shared.clear()
                return 0
            while not done.is_set():
                snapshot = dict(shared)
                self.assertTrue(all(v in range(NTHREADS) for v in snapshot.values()))
                # list(dict) copies the keys in one step (under the dict's lock in the
                # free-threaded build), so it never sees the dict change size.
                keys = list(shared)
                self.assertTrue(all(k in range(300) for k in keys))
                self.assertEqual(len(set(keys)), len(keys))
            return 0

        run_readers_and_writers(worker)

    def test_set_iteration_raises_only_runtime_error(self):
        shared = set(range(50))

        def worker(index, writer, done):
            if writer:
                for i in range(N):
                    shared.add((index, i))
                    shared.discard((index, i - 5))
                for i in range(N - 5, N):
                    shared.discard((index, i))
                return 0
            while not done.is_set():
                try:
                    for item in shared:
                        pass
                except RuntimeError as exc:
                    self.assertIn(str(exc), SET_ERRORS)
                self.assertLessEqual(len(frozenset(shared)), 50 + NTHREADS * 6)
            return 0

        run_readers_and_writers(worker)
        self.assertEqual(shared, set(range(50)))

    def test_deque_iteration_raises_only_runtime_error(self):
        shared = collections.deque(range(50))

        def worker(index, writer, done):
            if writer:
                for i in range(N):
                    shared.append(i)
                    shared.popleft()
                return 0
            while not done.is_set():
                try:
                    for item in shared:
                        self.assertIn(item, range(N))
                except RuntimeError as exc:
                    self.assertIn(str(exc), DEQUE_ERRORS)
            return 0

        run_readers_and_writers(worker)
        self.assertEqual(len(shared), 50)


class SharedIteratorTests(unittest.TestCase):

    def drain(self, iterator, check):
        """Threads call next() on one iterator until it is exhausted; check each item.
        Return the number of items each thread received."""
        def worker(index):
            received = 0
            while True:
                try:
                    item = next(iterator)
                except StopIteration:
                    return received
                check(item)
                received += 1
        return run_concurrently(worker)

    def test_list_iterator(self):
        data = list(range(N * 4))
        counts = self.drain(iter(data), lambda x: self.assertIn(x, range(N * 4)))
        # In the free-threaded build items may be repeated or skipped (the iterator's index is
        # not locked), never invented.
        self.assertGreater(sum(counts), 0)

    def test_tuple_dict_set_and_range_iterators(self):
        data = tuple(range(N))
        mapping = dict.fromkeys(data)
        iterators = [iter(data), iter(mapping), iter(set(data)), reversed(data)]
        if not SHARED_RESULT_TUPLES_BROKEN:
            iterators.append(iter(mapping.items()))
        for iterator in iterators:
            with self.subTest(iterator=type(iterator).__name__):
                def check(item):
                    if type(item) is tuple:
                        item = item[0]
                    self.assertIn(item, range(N))
                counts = self.drain(iterator, check)
                self.assertGreater(sum(counts), 0)
        # A range iterator computes its items instead of reading them from storage; shared by
        # threads it may step past its end in CPython 3.13t (its length and position are not
        # updated atomically), so only the type of its items is certain.
        for iterator in (iter(range(N)), reversed(range(N))):
            with self.subTest(iterator=type(iterator).__name__):
                counts = self.drain(iterator, lambda item: self.assertIs(type(item), int))
                self.assertGreater(sum(counts), 0)

    def test_exhausting_shared_iterators_keeps_the_container(self):
        # Every thread that finds the shared iterator exhausted must not release the
        # iterator's reference to the container again: the container stays intact and its
        # reference count ends where it started.
        data = list(range(500))
        containers = {
            'list': list(data), 'tuple': tuple(data), 'set': set(data),
            'frozenset': frozenset(data), 'dict': dict.fromkeys(data),
            'deque': collections.deque(data), 'bytearray': bytearray(500), 'str': 'x' * 500,
        }
        views = {
            'dict.values': lambda d: iter(d.values()), 'dict.items': lambda d: iter(d.items()),
            'reversed': reversed, 'iter': iter,
        }
        for kind, container in containers.items():
            for view_name, make in views.items():
                if view_name.startswith('dict') and kind != 'dict':
                    continue
                if view_name == 'dict.items' and SHARED_RESULT_TUPLES_BROKEN:
                    continue
                if view_name == 'reversed' and kind in ('set', 'frozenset'):
                    continue
                with self.subTest(container=kind, iterator=view_name):
                    before = sys.getrefcount(container)
                    for round in range(20):
                        iterator = make(container)
                        self.drain(iterator, lambda item: None)
                        del iterator
                    self.assertEqual(len(container), 500)
                    # The free-threaded build may have given a hot shared iterator per-thread
                    # reference counts (Python/ptrc.c): it is then freed, and drops its
                    # reference to the container, at the next collection.
                    gc.collect()
                    self.assertEqual(sys.getrefcount(container), before)

    def test_enumerate_and_zip(self):
        data = list(range(N * 2))

        def check_pair(pair):
            i, x = pair
            self.assertIn(i, range(N * 2))
            self.assertIn(x, range(N * 2))

        def check_enumerated(pair):
            # The count goes beyond len(data) when the shared list iterator underneath
            # repeats items (allowed in the free-threaded build).
            i, x = pair
            self.assertIs(type(i), int)
            self.assertGreaterEqual(i, 0)
            self.assertIn(x, range(N * 2))

        if not SHARED_RESULT_TUPLES_BROKEN:
            self.drain(enumerate(data), check_enumerated)
        self.drain(zip(data, reversed(data)), check_pair)
        self.drain(map(lambda x: (x, x), data), check_pair)
        self.drain(filter(lambda p: True, zip(data, data)), check_pair)

    def test_reused_result_tuples_never_change_under_a_holder(self):
        # Threads share an enumerate and a dict-items iterator, keeping some results and
        # dropping the rest (so each iterator's tuple is often free for reuse).  A tuple a
        # thread still holds must keep the items it had when next() returned it.
        data = list(range(N * 2))
        mapping = {i: -i for i in range(N * 2)}
        for make in (lambda: enumerate(data), lambda: iter(mapping.items())):
            iterator = make()

            def worker(index):
                kept = []
                while True:
                    try:
                        item = next(iterator)
                    except StopIteration:
                        break
                    if len(kept) < 2000 and item[0] % 3 == index % 3:
                        kept.append((item, item[0], item[1]))
                for item, first, second in kept:
                    self.assertEqual((item[0], item[1]), (first, second))
                return len(kept)

            self.assertGreater(sum(run_concurrently(worker)), 0)

    def test_itertools_iterators(self):
        data = list(range(N))
        in_range = lambda x: self.assertIn(x, range(N))
        self.drain(itertools.islice(itertools.count(), N), in_range)
        self.drain(itertools.islice(itertools.cycle(data[:10]), N), in_range)
        self.drain(itertools.chain(data, data), in_range)
        self.drain(itertools.accumulate([1] * N), lambda x: self.assertIn(x, range(1, N + 1)))
        self.drain(itertools.starmap(max, zip(data, data)), in_range)
        self.drain(itertools.takewhile(lambda x: True, data), in_range)
        self.drain(itertools.dropwhile(lambda x: x < 10, data), in_range)
        self.drain(itertools.compress(data, itertools.cycle([0, 1])), in_range)
        self.drain(itertools.zip_longest(data, data[:5], fillvalue=0),
                   lambda p: [in_range(x) for x in p])
        self.drain(itertools.product(range(40), range(50)),
                   lambda p: [in_range(x) for x in p])
        self.drain(itertools.pairwise(data), lambda p: [in_range(x) for x in p])

    def test_groupby_and_tee(self):
        data = sorted(i // 10 for i in range(N))

        def check_group(group):
            key, items = group
            # A group's sub-iterator stops early when another thread advances the groupby;
            # it never yields an item of another key.
            for item in items:
                self.assertEqual(item, key)
        self.drain(itertools.groupby(data), check_group)
        # tee objects are documented as not thread-safe: sharing one must still not crash
        # nor produce foreign items.  A thread whose read of the source finds another
        # thread's read in progress gets CPython's RuntimeError and may try again.
        left, right = itertools.tee(range(N))

        def worker(index):
            while True:
                try:
                    item = next(left)
                except StopIteration:
                    return
                except RuntimeError as exc:
                    self.assertEqual(str(exc), 'cannot re-enter the tee iterator')
                    continue
                self.assertIn(item, range(N))
        run_concurrently(worker)
        self.assertTrue(all(x in range(N) for x in right))

    def test_tees_of_one_group_in_different_threads(self):
        # Each thread owns one tee; they share the source and its buffer blocks, which the
        # threads fill, link and release concurrently.  Every tee must see the whole sequence
        # in order (more than one block: TEE_LINKCELLS is 57).
        for _ in range(5):
            tees = itertools.tee(iter(range(N)), NTHREADS)

            def worker(index):
                seen = []
                it = tees[index]
                while True:
                    try:
                        seen.append(next(it))
                    except StopIteration:
                        return seen
                    except RuntimeError as exc:
                        # another thread's read of the source blocked (CPython's guard)
                        self.assertEqual(str(exc), 'cannot re-enter the tee iterator')
            results = run_concurrently(worker)
            del tees
            for seen in results:
                self.assertEqual(seen, list(range(N)))


class SharedGeneratorTests(unittest.TestCase):

    def test_generator_already_executing(self):
        def numbers():
            for i in range(N * 2):
                yield i

        gen = numbers()

        def worker(index):
            received = []
            refused = 0
            while True:
                try:
                    received.append(next(gen))
                except StopIteration:
                    return received, refused
                except ValueError as exc:
                    self.assertEqual(str(exc), 'generator already executing')
                    refused += 1

        results = run_concurrently(worker)
        everything = [x for received, refused in results for x in received]
        # A generator runs in one thread at a time, so each value is produced exactly once.
        self.assertEqual(sorted(everything), list(range(N * 2)))

    def test_generator_send_and_close(self):
        def accumulator():
            total = 0
            while True:
                value = yield total
                if value is not None:
                    total += value

        gen = accumulator()
        next(gen)
        sent = [0] * NTHREADS

        def worker(index):
            for i in range(N // 2):
                try:
                    gen.send(1)
                    sent[index] += 1
                except ValueError as exc:
                    self.assertEqual(str(exc), 'generator already executing')

        run_concurrently(worker)
        # Each accepted send ran the generator body once.
        self.assertEqual(gen.send(0), sum(sent))
        gen.close()
        with self.assertRaises(StopIteration):
            next(gen)

    def test_generator_expression_and_yield_from(self):
        def inner():
            yield from range(N)

        def outer():
            yield from inner()
            yield from (x + N for x in range(N))

        gen = outer()

        def worker(index):
            received = []
            while True:
                try:
                    received.append(next(gen))
                except StopIteration:
                    return received
                except ValueError as exc:
                    self.assertEqual(str(exc), 'generator already executing')

        results = run_concurrently(worker)
        self.assertEqual(sorted(x for r in results for x in r), list(range(2 * N)))

    def test_one_generator_per_thread(self):
        def squares(n):
            for i in range(n):
                yield i * i

        results = run_concurrently(lambda index: sum(squares(N)))
        self.assertEqual(results, [sum(i * i for i in range(N))] * NTHREADS)


if __name__ == '__main__':
    unittest.main()
