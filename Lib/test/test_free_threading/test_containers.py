"""Threads hammering one shared list, dict, set, deque, bytearray and array.array.

Each test uses only operations that CPython makes atomic (list.append, list.pop, d[k] = v,
dict.setdefault, dict.pop, set.add, deque.append/popleft, bytearray.append, array.append, ...)
and checks after joining the threads that nothing was lost, duplicated or corrupted.  The
"mixed" tests run non-atomic combinations and only require that every operation either works
or raises the exception it documents, and that the object stays usable."""

import array
import collections
import random
import time
import unittest

from test.test_free_threading import NTHREADS, mutate_while_reading, run_concurrently

N = 4000    # operations per thread


def hand_over(make, owner_pass, other_pass, rounds, passes=1, nthreads=NTHREADS):
    """Thread 0, the owner, makes `rounds` containers with make(), publishes each (through a
    dict) and calls owner_pass(container) `passes` times on it; meanwhile the other threads
    call other_pass(container, rng) on the latest one until thread 0 is done.  What the
    owner frees while others use it must stay valid (under AddressSanitizer a freed object is
    reported; without it a reader may crash or find a foreign object)."""
    box = {}
    done = []

    def worker(index):
        if index == 0:
            try:
                for r in range(rounds):
                    container = make()
                    box['it'] = container
                    for _ in range(passes):
                        owner_pass(container)
            finally:
                done.append(True)
            return
        rng = random.Random(index)
        while not done:
            container = box.get('it')
            if container is not None:
                other_pass(container, rng)
    run_concurrently(worker, nthreads=nthreads)


def read_while_writer_holds_the_lock(make, write, read):
    """A writer's insertion compares its key with a colliding one under the container's lock
    (free-threaded build) and stays inside __eq__ until the reader is done, or for 30 s.
    make(colliding) returns the container holding colliding(); write(container, colliding)
    inserts another colliding() (the writer is not the container's owner, so the container is
    shared before the comparison); read(container) returns what the reader saw.  Returns
    (whether the writer was still inside __eq__ when the reader finished, what it saw).
    (GIL build: the reader runs at the writer's thread switches.)"""
    import threading
    entered = threading.Event()
    reader_done = threading.Event()

    class Colliding:
        def __hash__(self):
            return 12345

        def __eq__(self, other):
            entered.set()
            deadline = time.monotonic() + 30.0
            while not reader_done.is_set() and time.monotonic() < deadline:
                pass
            return False

    container = make(Colliding)
    outcome = {}

    def reader():
        entered.wait()
        outcome['read'] = read(container)
        reader_done.set()

    def writer():
        write(container, Colliding)
        outcome['writer_saw_reader_done'] = reader_done.is_set()

    threads = [threading.Thread(target=reader), threading.Thread(target=writer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcome['writer_saw_reader_done'], outcome['read']


class ListTests(unittest.TestCase):

    def test_append(self):
        shared = []

        def worker(index):
            for i in range(N):
                shared.append((index, i))

        run_concurrently(worker)
        self.assertEqual(len(shared), NTHREADS * N)
        self.assertEqual(sorted(shared), [(t, i) for t in range(NTHREADS) for i in range(N)])
        # Each thread's items keep their relative order.
        for t in range(NTHREADS):
            self.assertEqual([i for (u, i) in shared if u == t], list(range(N)))

    def test_extend_and_iadd(self):
        shared = []

        def worker(index):
            nonlocal shared
            for i in range(N // 4):
                shared.extend([index, index])
                shared += (index,)

        run_concurrently(worker)
        self.assertEqual(len(shared), NTHREADS * (N // 4) * 3)
        for t in range(NTHREADS):
            self.assertEqual(shared.count(t), (N // 4) * 3)

    def test_pop_takes_each_item_once(self):
        total = NTHREADS * N
        shared = list(range(total))

        def worker(index):
            taken = []
            while True:
                try:
                    taken.append(shared.pop())
                except IndexError:
                    return taken

        results = run_concurrently(worker)
        everything = [x for taken in results for x in taken]
        self.assertEqual(len(everything), total)
        self.assertEqual(sorted(everything), list(range(total)))
        self.assertEqual(shared, [])
        # list.pop() takes from the end, so each thread saw a decreasing sequence.
        for taken in results:
            self.assertEqual(taken, sorted(taken, reverse=True))

    def test_pop_front_and_insert(self):
        shared = []

        def worker(index):
            popped = 0
            for i in range(N // 2):
                shared.insert(0, index)
                try:
                    shared.pop(0)
                    popped += 1
                except IndexError:
                    pass
            return popped

        results = run_concurrently(worker)
        # Every insert is matched by a pop; a pop can only fail if the list was empty, which
        # is impossible right after this thread's own insert.
        self.assertEqual(results, [N // 2] * NTHREADS)
        self.assertEqual(shared, [])

    def test_remove_own_items(self):
        shared = []

        def worker(index):
            for i in range(N // 2):
                item = index * N + i
                shared.append(item)
                shared.remove(item)
                self.assertNotIn(item, shared)

        run_concurrently(worker)
        self.assertEqual(shared, [])

    def test_mixed_operations_do_not_corrupt(self):
        shared = list(range(100))

        def worker(index):
            rng = random.Random(index)
            for i in range(N):
                op = rng.randrange(12)
                try:
                    if op == 0:
                        shared.append(i)
                    elif op == 1:
                        shared.pop()
                    elif op == 2:
                        shared.insert(rng.randrange(-5, 5), i)
                    elif op == 3:
                        del shared[0:rng.randrange(3)]
                    elif op == 4:
                        shared.extend(range(rng.randrange(4)))
                    elif op == 5:
                        shared[rng.randrange(-3, 3)] = i
                    elif op == 6:
                        shared.sort()
                    elif op == 7:
                        shared.reverse()
                    elif op == 8:
                        x = shared[rng.randrange(-3, 3)]
                        self.assertIsInstance(x, int)
                    elif op == 9:
                        copy = shared[:]
                        self.assertTrue(all(isinstance(x, int) for x in copy))
                    elif op == 10:
                        shared.index(i)
                    elif len(shared) > 500:
                        shared.clear()
                except IndexError:
                    pass
                except ValueError:
                    # index() of an absent item, or "list modified during sort"
                    self.assertIn(op, (6, 10))

        run_concurrently(worker)
        self.assertTrue(all(isinstance(x, int) for x in shared))
        self.assertEqual(len(shared), len(list(shared)))
        shared.sort()
        self.assertEqual(shared, sorted(shared))


    def test_sort_with_key_while_others_mutate(self):
        # The key function runs Python code (and may let other threads in), so the list can
        # change during the sort: CPython raises ValueError then (the list looks empty to the
        # others while it is sorted, and what they added meanwhile is dropped).  Nothing may
        # crash and every item stays an int.
        shared = list(range(300))

        def worker(index):
            if index == 0:
                for i in range(20):
                    try:
                        shared.sort(key=lambda x: -x)
                    except ValueError as exc:
                        self.assertEqual(str(exc), 'list modified during sort')
                return
            for i in range(N // 10):
                shared.append(i)
                try:
                    shared.pop(0)
                except IndexError:
                    pass

        run_concurrently(worker)
        self.assertTrue(all(type(x) is int for x in shared))
        self.assertLessEqual(len(shared), 300 + (NTHREADS - 1) * (N // 10))

    def test_compare_calls_python_code(self):
        # Searching a list calls __eq__, Python code that may let other threads run and
        # mutate the list.  A search may then skip an item that moved (even in the GIL
        # build: `in`, count(), index() and remove() scan by position), but it never crashes
        # and never finds something that is not there.
        class Slow:
            def __init__(self, v):
                self.v = v

            def __eq__(self, other):
                for _ in range(3):
                    pass
                return isinstance(other, Slow) and self.v == other.v

            __hash__ = object.__hash__

        shared = [Slow(i) for i in range(50)]

        def worker(index):
            mine = Slow(1000 + index)
            for i in range(N // 20):
                shared.append(mine)
                self.assertIsInstance(mine in shared, bool)
                self.assertLessEqual(shared.count(mine), N // 20)
                try:
                    shared.remove(mine)
                except ValueError:
                    pass       # skipped while the items moved; removed in a later round
                try:
                    self.assertIsInstance(shared.index(Slow(i % 50)), int)
                except ValueError:
                    pass

        run_concurrently(worker)
        self.assertEqual(sorted(x.v for x in shared if x.v < 1000), list(range(50)))

    def read_while_owner_replaces(self, rounds, size, after_publish=None, nthreads=NTHREADS):
        """Thread 0 fills a list, publishes it, calls after_publish(list) if given, then
        replaces every item; the other threads index the published list meanwhile."""
        def replace(items):
            if after_publish is not None:
                after_publish(items)
            for i in range(size):
                items[i] = 0

        def read(items, rng):
            for i in range(size):
                try:
                    item = items[i]
                except IndexError:
                    continue     # empty while sorting
                self.assertTrue(type(item) is object or type(item) is int)
        hand_over(lambda: [object() for _ in range(size)], replace, read, rounds,
                  nthreads=nthreads)

    def test_list_shared_while_sorting_then_changed(self):
        # The owner sorts the list with a key that lets other threads run: a reader finds it
        # empty meanwhile (which shares it), then reads the sorted items lock-free while the
        # owner replaces them; the sort must have published them when it put them back.
        def key(item):
            time.sleep(0)
            return id(item)
        self.read_while_owner_replaces(600, 50, lambda items: items.sort(key=key), nthreads=3)

    def test_list_published_through_a_dict_then_changed(self):
        # Storing the list in a dict marks it shared, but its items were not published then.
        self.read_while_owner_replaces(2000, 40)


class DictTests(unittest.TestCase):

    def test_keys_with_python_eq_and_hash(self):
        # Lookups call __hash__ and __eq__ written in Python (colliding hashes force many
        # comparisons), which may suspend the dict's critical section; other threads insert
        # and delete meanwhile.  Every thread's own keys are found with their values.
        class Key:
            def __init__(self, owner, n):
                self.owner = owner
                self.n = n

            def __hash__(self):
                return self.n % 8

            def __eq__(self, other):
                return (isinstance(other, Key) and self.owner == other.owner and
                        self.n == other.n)

        shared = {}

        def worker(index):
            keys = [Key(index, n) for n in range(40)]
            for round in range(N // 400):
                for k in keys:
                    shared[k] = (index, k.n)
                for k in keys:
                    self.assertEqual(shared[Key(index, k.n)], (index, k.n))
                for k in keys[::2]:
                    del shared[Key(index, k.n)]
                for k in keys[1::2]:
                    self.assertIn(Key(index, k.n), shared)

        run_concurrently(worker)
        self.assertEqual(len(shared), NTHREADS * 20)
        for key, value in shared.items():
            self.assertEqual(value, (key.owner, key.n))

    def test_setitem_distinct_keys(self):
        shared = {}

        def worker(index):
            for i in range(N):
                shared[(index, i)] = index * i

        run_concurrently(worker)
        self.assertEqual(len(shared), NTHREADS * N)
        for t in range(NTHREADS):
            for i in range(N):
                self.assertEqual(shared[(t, i)], t * i)

    def test_setitem_same_keys(self):
        shared = {}

        def worker(index):
            for i in range(N):
                shared[i] = index
                self.assertIn(i, shared)

        run_concurrently(worker)
        self.assertEqual(sorted(shared), list(range(N)))
        self.assertTrue(set(shared.values()) <= set(range(NTHREADS)))

    def test_setdefault_first_value_wins(self):
        shared = {}

        def worker(index):
            return [shared.setdefault(i, index) for i in range(N)]

        results = run_concurrently(worker)
        self.assertEqual(len(shared), N)
        # setdefault is atomic: every thread saw the value that stayed in the dict.
        for seen in results:
            self.assertEqual(seen, [shared[i] for i in range(N)])

    def test_pop_takes_each_key_once(self):
        shared = {i: -i for i in range(N)}
        missing = object()

        def worker(index):
            taken = {}
            for i in range(N):
                value = shared.pop(i, missing)
                if value is not missing:
                    taken[i] = value
            return taken

        results = run_concurrently(worker)
        merged = {}
        for taken in results:
            for key, value in taken.items():
                self.assertNotIn(key, merged)
                merged[key] = value
        self.assertEqual(merged, {i: -i for i in range(N)})
        self.assertEqual(shared, {})

    def test_popitem(self):
        shared = {i: str(i) for i in range(NTHREADS * N // 2)}

        def worker(index):
            taken = []
            while True:
                try:
                    taken.append(shared.popitem())
                except KeyError:
                    return taken

        results = run_concurrently(worker)
        everything = sorted(item for taken in results for item in taken)
        self.assertEqual(everything, [(i, str(i)) for i in range(NTHREADS * N // 2)])
        self.assertEqual(len(shared), 0)

    def test_update_and_delete_own_keys(self):
        shared = {}

        def worker(index):
            keys = ['k%d_%d' % (index, i) for i in range(N // 4)]
            for round in range(4):
                shared.update(dict.fromkeys(keys, round))
                for key in keys:
                    self.assertEqual(shared[key], round)
                for key in keys[::2]:
                    del shared[key]
            for key in keys[1::2]:
                self.assertEqual(shared.get(key), 3)

        run_concurrently(worker)
        self.assertEqual(len(shared), NTHREADS * (N // 8))

    def test_get_while_resizing(self):
        # Readers look up keys that are always present while writers grow and shrink the
        # table around them.
        stable = {'s%d' % i: i for i in range(64)}
        shared = dict(stable)

        def worker(index):
            if index % 2:
                for i in range(N):
                    key = 's%d' % (i % 64)
                    self.assertEqual(shared.get(key), i % 64)
                    self.assertEqual(shared[key], i % 64)
            else:
                for i in range(N):
                    shared[(index, i)] = i
                    if i % 200 == 199:
                        for j in range(i - 199, i + 1):
                            del shared[(index, j)]

        run_concurrently(worker)
        self.assertEqual(shared, stable)

    def test_snapshots_see_whole_updates(self):
        # dict.update() with a dict inserts all its items in one critical section, and
        # copying a dict (dict(d), d.copy()) reads it in one.
        shared = {}

        def worker(index):
            if index < NTHREADS // 2:
                for i in range(N // 4):
                    a, b = ('a', index, i), ('b', index, i)
                    shared.update({a: i, b: i})
                    shared.pop(a)
                    shared.pop(b)
                return
            for i in range(N // 20):
                for snapshot in (dict(shared), shared.copy()):
                    for key, value in snapshot.items():
                        # a is inserted before b and removed before it
                        if key[0] == 'a':
                            self.assertIn(('b',) + key[1:], snapshot)

        run_concurrently(worker)
        self.assertEqual(shared, {})

    def test_lookup_while_keys_come_and_go(self):
        # Writers delete keys and insert them again, always with the same value; lock-free
        # readers must see either no entry or exactly that key's value, never another key's
        # value or a freed one.
        keys = ['key%d' % i for i in range(200)]
        values = {key: ('value', key) for key in keys}
        shared = dict(values)

        def worker(index):
            if index % 2 == 0:
                for i in range(N):
                    key = keys[(i * 7 + index) % 200]
                    shared.pop(key, None)
                    shared[key] = values[key]
                    if i % 500 == 0:
                        # Force a resize: grow the table and shrink it back.
                        for j in range(100):
                            shared[(index, j)] = j
                        for j in range(100):
                            del shared[(index, j)]
                return 0
            misses = 0
            for i in range(N):
                key = keys[(i * 13 + index) % 200]
                value = shared.get(key)
                if value is None:
                    misses += 1
                else:
                    self.assertIs(value, values[key])
            return misses

        run_concurrently(worker)
        self.assertEqual(shared, values)

    def test_replaced_value_destructor_starts_writers(self):
        # A lone thread stores str keys without taking the dict's lock, releasing the value
        # it replaced only afterwards; that value's __del__ starts threads that write the
        # same dict at once.  Every store must land, and nothing may crash.
        import threading
        shared = {}
        started = []

        class Starter:
            def __init__(self, n):
                self.n = n

            def __del__(self):
                def write(n=self.n):
                    for i in range(200):
                        shared['w%d_%d' % (n, i)] = i
                t = threading.Thread(target=write)
                t.start()
                started.append(t)

        for n in range(20):
            shared['slot'] = Starter(n)      # replaces (and frees) the previous Starter
            for i in range(200):
                shared['m%d_%d' % (n, i)] = i
        shared['slot'] = None
        for t in started:
            t.join()
        self.assertEqual(len(started), 20)
        self.assertEqual(len(shared), 1 + 20 * 200 + 20 * 200)
        self.assertTrue(all(shared['w%d_%d' % (n, i)] == i and shared['m%d_%d' % (n, i)] == i
                            for n in range(20) for i in range(200)))

    def test_lookup_with_equal_keys_while_keys_come_and_go(self):
        # As above, but readers look keys up with equal, distinct objects (strs and ints built
        # anew), which the lock-free lookup compares itself, and test membership, which takes
        # no reference.
        keys = ['key%d' % i for i in range(100)] + [10**20 + i for i in range(100)]
        values = {key: ('value', key) for key in keys}
        shared = dict(values)

        def copy(key):
            return int(str(key)) if isinstance(key, int) else ''.join(list(key))

        def worker(index):
            if index % 2 == 0:
                for i in range(N):
                    key = keys[(i * 7 + index) % len(keys)]
                    shared.pop(key, None)
                    shared[key] = values[key]
                return 0
            found = 0
            for i in range(N):
                key = copy(keys[(i * 13 + index) % len(keys)])
                value = shared.get(key)
                if value is not None:
                    self.assertEqual(value, ('value', key))
                    found += 1
                if key in shared:
                    found += 1
            return found

        results = run_concurrently(worker)
        self.assertEqual(shared, values)
        self.assertTrue(any(results[1::2]))

    def test_reads_do_not_wait_for_a_writer_inside_eq(self):
        # Lookups of str, int and tuple keys, membership tests, len() and iteration need no
        # lock: they finish while the writer holds it.
        tuple_key = ('t', 1)

        def make(colliding):
            shared = {'alpha': 1, 10**20: 2, tuple_key: 3, colliding(): 4}
            for i in range(20):
                shared['k%d' % i] = i
            return shared

        def write(shared, colliding):
            shared[colliding()] = 5

        def read(shared):
            return (shared.get(''.join(['al', 'pha'])), shared[int('1' + '0' * 20)],
                    shared[tuple_key], ''.join(['k', '7']) in shared, len(shared),
                    sorted(k for k in shared if isinstance(k, str)),
                    sum(v for k, v in shared.items() if isinstance(k, str)))

        waited_not, seen = read_while_writer_holds_the_lock(make, write, read)
        self.assertTrue(waited_not, 'the reader waited for the lock')
        self.assertEqual(seen, (1, 2, 3, True, 24,
                                sorted(['alpha'] + ['k%d' % i for i in range(20)]),
                                1 + sum(range(20))))

    def test_shared_iterator_hands_out_each_item_once(self):
        # Threads that share one iterator of an unchanging dict get every item exactly once
        # between them (each step claims its entry).
        shared = {('key', i): i for i in range(20000)}
        for view in (shared.keys(), shared.values(), shared.items()):
            iterator = iter(view)

            def worker(index):
                got = []
                for item in iterator:
                    got.append(item)
                return got

            results = run_concurrently(worker)
            everything = [item for got in results for item in got]
            self.assertEqual(len(everything), len(shared))
            self.assertEqual(sorted(everything), sorted(view))

    def test_iteration_while_values_change(self):
        # Writers replace values (same keys, so the size never changes); readers iterate and
        # must see every key once per pass, with a value that was stored under it.
        keys = ['k%d' % i for i in range(300)]
        shared = {key: (key, 0) for key in keys}

        def worker(index):
            if index % 2 == 0:
                for i in range(N // 4):
                    key = keys[(i * 11 + index) % len(keys)]
                    shared[key] = (key, i)
                return 0
            for _ in range(20):
                seen = []
                for key, value in shared.items():
                    self.assertEqual(value[0], key)
                    seen.append(key)
                self.assertEqual(seen, keys)
            return 0

        run_concurrently(worker)
        self.assertEqual(list(shared), keys)

    def test_mixed_operations_do_not_corrupt(self):
        shared = {}

        def worker(index):
            rng = random.Random(index)
            for i in range(N):
                key = rng.randrange(50)
                op = rng.randrange(9)
                if op == 0:
                    shared[key] = i
                elif op == 1:
                    shared.pop(key, None)
                elif op == 2:
                    shared.setdefault(key, i)
                elif op == 3:
                    shared.update({key: i, key + 1: i})
                elif op == 4:
                    try:
                        del shared[key]
                    except KeyError:
                        pass
                elif op == 5:
                    copy = shared.copy()
                    self.assertTrue(all(isinstance(k, int) for k in copy))
                elif op == 6:
                    items = list(shared.items())
                    self.assertTrue(all(isinstance(v, int) for (k, v) in items))
                elif op == 7:
                    self.assertIn(shared.get(key, -1), range(-1, N))
                elif len(shared) > 40:
                    shared.clear()

        run_concurrently(worker)
        self.assertEqual(len(shared), len(list(shared)))
        self.assertTrue(all(0 <= k <= 50 for k in shared))

    # A dict that only its owner (the thread that made it) has touched stores and frees its
    # values and tables without QSBR; the first other thread to read or change it shares it
    # (publishes its values) first.  The tests below hand over such dicts while the owner
    # keeps changing them: a value or table freed without waiting while a reader used it is
    # reported under AddressSanitizer; without it a reader may crash or find a foreign object.

    KEYS = ['k%d' % i for i in range(40)]

    def make_dict(self):
        return {key: object() for key in self.KEYS}

    def read_while_owner_changes(self, change, rounds=300):
        # The others look every key up and must find nothing or an object the owner stored.
        def read(d, rng):
            for key in self.KEYS:
                value = d.get(key)
                self.assertTrue(value is None or type(value) in (object, list), type(value))
        hand_over(self.make_dict, change, read, rounds, passes=5)

    def test_owner_replaces_values_of_a_dict_others_read(self):
        def change(d):
            for key in list(d):
                d[key] = object()
        self.read_while_owner_changes(change)

    def test_owner_deletes_and_resizes_a_dict_others_read(self):
        def change(d):
            for key in list(d)[::2]:
                del d[key]
            for i in range(64):             # grow the table past its size, then back
                d[('extra', i)] = [i]
            for i in range(64):
                del d[('extra', i)]
            for key in list(d):
                d[key] = object()
        self.read_while_owner_changes(change, rounds=150)

    def test_owner_clears_a_dict_others_read(self):
        def change(d):
            saved = list(d)
            d.clear()
            for key in saved:
                d[key] = object()
        self.read_while_owner_changes(change)

    def change_while_owner_reads(self, change, rounds=100):
        # The owner reads its dict lock-free and refills deleted keys, with objects the others
        # made when there are some (they free them at once when they drop the last
        # reference), else with new ones; the others call change(d, key, supply).  Only
        # three threads: the owner and the others then mostly run at the same time.
        supply = collections.deque()   # (a list would publish its items: see _PyGC_BITS_SHARED)

        def read_and_refill(d):
            for key in self.KEYS:
                value = d.get(key)
                if value is not None:
                    self.assertIs(type(value), object)
                    continue
                try:
                    d[key] = supply.pop()
                except IndexError:
                    d[key] = object()

        def other(d, rng):
            change(d, self.KEYS[rng.randrange(len(self.KEYS))], supply)
        hand_over(self.make_dict, read_and_refill, other, rounds, passes=50, nthreads=3)

    def test_others_replace_values_of_a_dict_its_owner_reads(self):
        def change(d, key, supply):
            d[key] = object()
        self.change_while_owner_reads(change)

    def test_others_delete_from_a_dict_its_owner_reads(self):
        def change(d, key, supply):
            if len(supply) < 100:
                supply.append(object())
            d.pop(key, None)
        self.change_while_owner_reads(change, rounds=300)

    def test_instance_attributes_set_by_owner_read_by_others(self):
        class Box:
            pass
        holder = {}
        done = []

        def worker(index):
            if index == 0:
                try:
                    for r in range(400):
                        box = Box()
                        for i in range(20):
                            setattr(box, 'a%d' % i, object())
                        holder['box'] = box
                        for _ in range(5):
                            for i in range(20):
                                setattr(box, 'a%d' % i, object())
                finally:
                    done.append(True)
                return
            while not done:
                box = holder.get('box')
                if box is None:
                    continue
                for i in range(20):
                    value = getattr(box, 'a%d' % i, None)
                    self.assertTrue(value is None or type(value) is object)
        run_concurrently(worker)


class DefaultdictTests(unittest.TestCase):

    def test_default_factory_replaced_while_used(self):
        # default_factory reassigned (and __init__ re-run) while other threads index missing
        # keys, copy, pickle and repr the defaultdict: the factory they use stays alive.
        dd = collections.defaultdict(list)

        def read():
            value = dd[len(dd) % 7]
            return (type(value) is list and type(dd.copy()) is collections.defaultdict and
                    repr(dd).startswith('defaultdict(') and len(dd.__reduce__()) == 5)

        def mutate(r):
            if r % 3 == 0:
                dd.__init__(lambda r=r: [r])
            else:
                dd.default_factory = (lambda r=r: [r]) if r % 2 else list
            if r % 5 == 0:
                dd.clear()

        mutate_while_reading(self, mutate, read, rounds=5000)


class SetTests(unittest.TestCase):

    def test_add_distinct(self):
        shared = set()

        def worker(index):
            for i in range(N):
                shared.add(index * N + i)

        run_concurrently(worker)
        self.assertEqual(shared, set(range(NTHREADS * N)))

    def test_add_same_and_discard(self):
        shared = set()

        def worker(index):
            for i in range(N):
                shared.add(i)
                shared.add(-1 - index)
                self.assertIn(i, shared)
            shared.discard(-1 - index)

        run_concurrently(worker)
        self.assertEqual(shared, set(range(N)))

    def test_pop_takes_each_element_once(self):
        total = NTHREADS * N
        shared = set(range(total))

        def worker(index):
            taken = []
            while True:
                try:
                    taken.append(shared.pop())
                except KeyError:
                    return taken

        results = run_concurrently(worker)
        everything = sorted(x for taken in results for x in taken)
        self.assertEqual(everything, list(range(total)))
        self.assertEqual(shared, set())

    def test_snapshots_see_whole_updates(self):
        # update() and difference_update() with a tuple change the set in one critical
        # section, and copying a set (frozenset(s), set(s), s.copy()) reads it in one, so a
        # copy holds both members of a pair or neither.
        shared = set()

        def worker(index):
            if index < NTHREADS // 2:
                for i in range(N // 4):
                    pair = (index * N + i, -(index * N + i) - 1)
                    shared.update(pair)
                    shared.difference_update(pair)
                return
            for i in range(N // 20):
                for snapshot in (frozenset(shared), set(shared), shared.copy()):
                    for x in snapshot:
                        if x >= 0:
                            self.assertIn(-x - 1, snapshot)

        run_concurrently(worker)
        self.assertEqual(shared, set())

    def test_in_place_operators(self):
        shared = set()

        def worker(index):
            nonlocal shared
            mine = set(range(index * 100, index * 100 + 100))
            for i in range(N // 100):
                shared.update(mine)
                self.assertTrue(mine <= shared)
                shared.difference_update(mine)
                shared |= mine

        run_concurrently(worker)
        self.assertEqual(shared, set(range(NTHREADS * 100)))

    STABLE = ['s%d' % i for i in range(40)] + [10**20 + i for i in range(40)]

    @staticmethod
    def equal_copy(key):
        # An equal key that is another object: the lock-free test compares its contents.
        return int(str(key)) if isinstance(key, int) else ''.join(list(key))

    def check_membership_while(self, change, nthreads=NTHREADS):
        # Even threads call change(shared, index, i); odd ones test that the stable keys, which
        # no change removes, are always found (also through equal copies) and that keys never
        # added are never found.
        shared = set(self.STABLE)

        def worker(index):
            if index % 2 == 0:
                for i in range(N // 4):
                    change(shared, index, i)
                return 0
            rng = random.Random(index)
            for i in range(N):
                key = self.STABLE[rng.randrange(len(self.STABLE))]
                self.assertIn(key, shared)
                self.assertIn(self.equal_copy(key), shared)
                self.assertNotIn('absent%d' % (i % 50), shared)
                self.assertNotIn(-1 - i % 50, shared)
            return 0

        run_concurrently(worker, nthreads=nthreads)
        self.assertTrue(set(self.STABLE) <= shared)

    def test_membership_while_others_add_and_discard(self):
        # Adds and discards of other keys, with resizes both ways.
        def change(shared, index, i):
            shared.add(('v', index, i % 10))
            shared.discard(('v', index, (i + 5) % 10))
            if i % 50 == 0:
                extra = [('x', index, j) for j in range(200)]
                shared.update(extra)
                shared.difference_update(extra)
        self.check_membership_while(change)

    def test_membership_while_others_replace_the_table(self):
        # intersection_update gives the set a new table (its body is swapped with the result's).
        def change(shared, index, i):
            shared.add(('v', index, i % 10))
            shared.intersection_update(set(self.STABLE) | {('v', index, i % 10)})
        self.check_membership_while(change)

    def test_membership_in_a_small_set_rebuilt(self):
        # A set of one stable key, whose writers leave deleted slots behind and update it from
        # one-key dicts, which rebuilds its table at the smallest size: a shared set gets a
        # fresh table then (a reader probing the inline one while it is rebuilt in place
        # could miss the stable key).
        shared = {'stable'}

        def worker(index):
            if index % 2 == 0:
                for i in range(N):
                    key = ('t', index, i)
                    shared.update({key: None})
                    shared.discard(key)
                return 0
            for i in range(N * 4):
                self.assertIn('stable', shared)
            return 0

        run_concurrently(worker)
        self.assertEqual(shared, {'stable'})

    def test_membership_while_cleared(self):
        # clear() and refill: a lock-free test sees the old table or the new one.
        keys = ['c%d' % i for i in range(30)]
        shared = set(keys)

        def worker(index):
            if index == 0:
                for i in range(N // 4):
                    shared.clear()
                    shared.update(keys)
                return 0
            found = 0
            for i in range(N):
                key = keys[i % len(keys)]
                found += key in shared
                self.assertNotIn('absent', shared)
            return found

        run_concurrently(worker)
        self.assertEqual(shared, set(keys))

    def test_membership_does_not_wait_for_a_writer_inside_eq(self):
        # As the dict test of that name: membership tests of str and int keys and len()
        # need no lock.
        def make(colliding):
            return {'alpha', 10**20, colliding()} | {'k%d' % i for i in range(20)}

        def write(shared, colliding):
            shared.add(colliding())

        def read(shared):
            return (''.join(['al', 'pha']) in shared, int('1' + '0' * 20) in shared,
                    'beta' in shared, len(shared))

        waited_not, seen = read_while_writer_holds_the_lock(make, write, read)
        self.assertTrue(waited_not, 'the reader waited for the lock')
        self.assertEqual(seen, (True, True, False, 23))

    def test_frozenset_membership_with_python_eq(self):
        # A frozenset never changes: its membership tests take no lock, also when __eq__ runs
        # Python code (which here tests membership in the same frozenset again).
        class Key:
            def __init__(self, n):
                self.n = n

            def __hash__(self):
                return self.n % 7

            def __eq__(self, other):
                return isinstance(other, Key) and other.n == self.n and Key(-1) not in shared

        shared = frozenset(Key(n) for n in range(50))

        def worker(index):
            for i in range(N // 10):
                self.assertIn(Key(i % 50), shared)
                self.assertNotIn(Key(50 + i % 50), shared)
            return 0

        run_concurrently(worker)


class DequeTests(unittest.TestCase):

    def test_append_and_popleft(self):
        shared = collections.deque()
        producers = NTHREADS // 2

        def worker(index):
            if index < producers:
                for i in range(N):
                    shared.append((index, i))
                return []
            taken = []
            misses = 0
            while misses < 1000:
                try:
                    taken.append(shared.popleft())
                    misses = 0
                except IndexError:
                    misses += 1
            return taken

        results = run_concurrently(worker)
        everything = [x for taken in results for x in taken] + list(shared)
        self.assertEqual(len(everything), producers * N)
        self.assertEqual(sorted(everything), [(t, i) for t in range(producers) for i in range(N)])
        # FIFO: each consumer saw each producer's items in order.
        for taken in results:
            for t in range(producers):
                seq = [i for (u, i) in taken if u == t]
                self.assertEqual(seq, sorted(seq))

    def test_both_ends(self):
        shared = collections.deque()

        def worker(index):
            for i in range(N):
                if i % 2:
                    shared.append(index)
                else:
                    shared.appendleft(index)
            for i in range(N // 2):
                if i % 2:
                    shared.pop()
                else:
                    shared.popleft()

        run_concurrently(worker)
        self.assertEqual(len(shared), NTHREADS * N // 2)
        self.assertTrue(all(0 <= x < NTHREADS for x in shared))

    def test_maxlen(self):
        shared = collections.deque(maxlen=100)

        def worker(index):
            for i in range(N):
                shared.append(i)
                self.assertLessEqual(len(shared), 100)
            shared.extend(range(50))
            shared.rotate(index)

        run_concurrently(worker)
        self.assertEqual(len(shared), 100)
        self.assertTrue(all(0 <= x < N for x in shared))


class BytearrayTests(unittest.TestCase):

    def test_append_and_extend(self):
        shared = bytearray()

        def worker(index):
            for i in range(N):
                if i % 2:
                    shared.append(index)
                else:
                    shared.extend(bytes([index, index]))

        run_concurrently(worker)
        self.assertEqual(len(shared), NTHREADS * N * 3 // 2)
        for t in range(NTHREADS):
            self.assertEqual(shared.count(t), N * 3 // 2)

    def test_mixed_operations_do_not_corrupt(self):
        shared = bytearray(b'x' * 100)

        def worker(index):
            rng = random.Random(index)
            for i in range(N):
                op = rng.randrange(7)
                try:
                    if op == 0:
                        shared.append(97 + index)
                    elif op == 1:
                        shared.pop()
                    elif op == 2:
                        shared[0:2] = b'yy'
                    elif op == 3:
                        del shared[:3]
                    elif op == 4:
                        self.assertIsInstance(bytes(shared), bytes)
                    elif op == 5:
                        shared.extend(b'zz')
                    elif len(shared) > 400:
                        shared.clear()
                except IndexError:
                    pass
                except BufferError:
                    # resizing while another thread's bytes() holds a buffer export
                    self.assertIn(op, (0, 1, 2, 3, 5, 6))

        run_concurrently(worker)
        self.assertTrue(set(shared) <= set(b'xyz' + bytes(range(97, 97 + NTHREADS))))

    def test_read_only_methods_while_resized(self):
        # The methods shared with bytes read the buffer while another thread resizes it:
        # every result is one of the values the bytearray held, never freed memory.
        shared = bytearray(b'ab' * 50)
        alphabet = set(b'abAB')
        done = []

        def worker(index):
            if index == 0:
                try:
                    for i in range(N):
                        try:
                            shared.extend(b'ab' * 20)
                            del shared[:40 if len(shared) > 200 else 0]
                            if i % 100 == 0:
                                shared.clear()
                        except BufferError:
                            pass     # while b'%b' % shared holds an export
                finally:
                    done.append(True)
                return
            while not done:
                for part in shared.split(b'b'):
                    self.assertLessEqual(set(part), {ord('a')})
                self.assertLessEqual(set(shared.upper()), alphabet)
                self.assertLessEqual(set(shared.replace(b'a', b'A')), alphabet)
                self.assertGreaterEqual(shared.find(b'ba'), -1)
                self.assertGreaterEqual(shared.count(b'a'), 0)
                self.assertIn(b'a' in shared, (True, False))
                self.assertTrue(repr(shared).startswith("bytearray(b'"))
                self.assertLessEqual(set(b'%b' % shared), alphabet)
                self.assertLessEqual(set(shared * 2), alphabet)
                try:
                    self.assertIn(shared[len(shared) // 2], b'ab')
                except IndexError:
                    pass       # emptied between len() and the index
        run_concurrently(worker, nthreads=4)


class ArrayTests(unittest.TestCase):

    def test_append_sum(self):
        shared = array.array('q')

        def worker(index):
            for i in range(N):
                shared.append(i)

        run_concurrently(worker)
        self.assertEqual(len(shared), NTHREADS * N)
        self.assertEqual(sum(shared), NTHREADS * (N * (N - 1) // 2))

    def test_extend_and_pop(self):
        shared = array.array('i', range(N))

        def worker(index):
            popped = 0
            for i in range(N // 4):
                shared.extend((index, index))
                shared.pop()
                popped += 1
            return popped

        run_concurrently(worker)
        self.assertEqual(len(shared), N + NTHREADS * (N // 4))


if __name__ == '__main__':
    unittest.main()
