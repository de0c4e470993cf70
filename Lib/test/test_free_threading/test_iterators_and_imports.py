"""Callable iterators, the import system and small attribute setters used by threads at once.

A callable iterator (iter(callable, sentinel)) shared by threads may give each item to one
thread; once one thread has seen the sentinel the iterator is exhausted and has released the
callable and the sentinel exactly once, however many threads saw the sentinel at the same
time.  Imports in several threads find their modules while another thread changes sys.path,
and threads importing modules that import each other finish without deadlock.  Generator
names, property names, classmethod dicts and closure cells read by some threads while others
replace them are always one of the values stored, never a freed object."""

import gc
import os
import sys
import threading
import unittest

from test.test_free_threading import (NTHREADS, TemporaryModules, mutate_while_reading,
                                     run_concurrently, run_with_background)


def refcount(obj, expected=None):
    """sys.getrefcount(obj) as seen from here; with expected, once counts held per thread
    are folded if it differs.

    The free-threaded build may give an object that other threads kept taking and dropping
    per-thread reference counts (Python/ptrc.c), which sys.getrefcount reports as a huge
    number until the next collection folds them."""
    count = sys.getrefcount(obj)
    if expected is not None and count != expected:
        gc.collect()
        count = sys.getrefcount(obj)
    return count


class Sentinel:
    """A sentinel whose comparison runs Python code (the iterator compares it with each
    item while other threads may exhaust the iterator)."""

    def __eq__(self, other):
        total = 0
        for i in range(10):
            total += i
        return other is self

    __hash__ = object.__hash__


class CallableIteratorTests(unittest.TestCase):

    def test_shared_iterator_hands_out_each_item_once(self):
        for round in range(20):
            sentinel = Sentinel()
            lock = threading.Lock()
            counter = [0]
            limit = 300

            def produce():
                with lock:
                    counter[0] += 1
                    value = counter[0]
                return value if value <= limit else sentinel

            sentinel_refs = refcount(sentinel)
            produce_refs = refcount(produce)
            iterator = iter(produce, sentinel)

            def worker(index):
                return list(iterator)

            seen = [item for items in run_concurrently(worker) for item in items]
            # An item produced while another thread was seeing the sentinel may be dropped
            # (as in CPython), but none is handed out twice.
            self.assertEqual(len(seen), len(set(seen)))
            self.assertTrue(set(seen) <= set(range(1, limit + 1)))
            self.assertEqual(list(iterator), [])
            # Exhausted: the iterator released both, once.
            self.assertEqual(refcount(sentinel, sentinel_refs), sentinel_refs)
            self.assertEqual(refcount(produce, produce_refs), produce_refs)
            del iterator

    def exhaust_from_all_threads(self, returns_sentinel):
        # Every call ends the iteration (returns the sentinel, or raises StopIteration): all
        # threads exhaust the iterator together, and it releases both references once.
        for round in range(200):
            sentinel = Sentinel()

            def produce():
                if returns_sentinel:
                    return sentinel
                raise StopIteration

            sentinel_refs = refcount(sentinel)
            produce_refs = refcount(produce)
            iterator = iter(produce, sentinel)

            def worker(index):
                return next(iterator, None)

            self.assertEqual(run_concurrently(worker), [None] * NTHREADS)
            self.assertEqual(refcount(sentinel, sentinel_refs), sentinel_refs)
            self.assertEqual(refcount(produce, produce_refs), produce_refs)
            del iterator

    def test_all_threads_see_the_sentinel_at_once(self):
        self.exhaust_from_all_threads(returns_sentinel=True)

    def test_stop_iteration_from_all_threads(self):
        self.exhaust_from_all_threads(returns_sentinel=False)

    def test_reduce_while_exhausting(self):
        # __reduce__ gives the callable and the sentinel, or an empty iterator once
        # exhausted, never a released object.
        for round in range(100):
            sentinel = Sentinel()

            def produce():
                return sentinel

            iterator = iter(produce, sentinel)

            def worker(index):
                if index % 2:
                    return next(iterator, None)
                function, args = iterator.__reduce__()[:2]
                return args in ((produce, sentinel), ((),))

            results = run_concurrently(worker)
            self.assertEqual(results, [True, None] * (NTHREADS // 2))
            self.assertEqual(iterator.__reduce__()[1], ((),))


class ImportTests(TemporaryModules, unittest.TestCase):

    def test_imports_while_sys_path_changes(self):
        # The search reads each sys.path entry while another thread inserts and removes
        # fresh strings (released as soon as they are removed).
        for t in range(NTHREADS):
            self.write_module('braid_ft_pathmod%d' % t, 'ID = %d\n' % t)
        path_before = list(sys.path)

        def churn(stop):
            i = 0
            while not stop.is_set():
                entry = '/braid_ft_no_such_dir/%d' % i
                sys.path.insert(1 + i % 2, entry)
                sys.path.append(entry + 'x')
                sys.path.remove(entry)
                sys.path.remove(entry + 'x')
                del entry
                i += 1

        def worker(index):
            name = 'braid_ft_pathmod%d' % index
            found = 0
            for i in range(100):
                module = __import__(name)
                found += module.ID == index
                del sys.modules[name]
                try:
                    __import__('braid_ft_missing_%d_%d' % (index, i))
                except ModuleNotFoundError:
                    found += 1
            return found

        self.assertEqual(run_with_background(worker, churn), [200] * NTHREADS)
        self.assertEqual(sys.path, path_before)

    def test_modules_importing_each_other(self):
        # Thread 1 initialises A, which imports B; thread 2 initialises B, which imports A:
        # each waits for the other's module until the import system sees the cycle (while
        # the waiting entries of other threads come and go) and hands out the partially
        # initialised module, as CPython does.
        self.write_module('braid_ft_cycle_a', (
            'import time\n'
            'time.sleep(0.002)\n'
            'import braid_ft_cycle_b\n'
            'NAME = "a"\n'))
        self.write_module('braid_ft_cycle_b', (
            'import time\n'
            'time.sleep(0.002)\n'
            'import braid_ft_cycle_a\n'
            'NAME = "b"\n'))
        names = ['braid_ft_cycle_a', 'braid_ft_cycle_b']
        for round in range(10):
            for name in names:
                sys.modules.pop(name, None)

            def worker(index):
                return __import__(names[index % 2]).__name__

            self.assertEqual(run_concurrently(worker), names * (NTHREADS // 2))
            self.assertEqual(sys.modules['braid_ft_cycle_a'].NAME, 'a')
            self.assertEqual(sys.modules['braid_ft_cycle_b'].NAME, 'b')

    def test_relative_imports_while_package_changes(self):
        # A relative import reads __package__ or else __spec__.parent from the importing
        # module's globals while another thread rebinds both there (the old values are
        # released at once; the spec's parent is a property, so Python code runs meanwhile).
        os.mkdir(os.path.join(self.dir, 'braid_ft_pkg'))
        with open(os.path.join(self.dir, 'braid_ft_pkg', '__init__.py'), 'w') as f:
            f.write('')
        with open(os.path.join(self.dir, 'braid_ft_pkg', 'sub.py'), 'w') as f:
            f.write('VALUE = 1\n')
        import braid_ft_pkg

        class Spec:
            @property
            def parent(self):
                return ''.join(['braid_ft_', 'pkg'])

        namespace = {'__name__': 'braid_ft_pkg.user', '__package__': None, '__spec__': Spec()}
        code = compile('from . import sub\nresult = sub.VALUE', 'user', 'exec')

        def churn(stop):
            i = 0
            while not stop.is_set():
                namespace['__spec__'] = Spec()
                namespace['__package__'] = ''.join(['braid_ft_', 'pkg']) if i % 2 else None
                i += 1

        def worker(index):
            values = 0
            for i in range(500):
                exec(code, namespace)
                values += namespace['result']
            return values

        self.assertEqual(run_with_background(worker, churn), [500] * NTHREADS)
        self.assertIs(namespace['sub'], braid_ft_pkg.sub)


class AttributeSetterTests(unittest.TestCase):

    def test_generator_names(self):
        def gen():
            yield 1

        generator = gen()

        def mutate(r):
            # Fresh strings, released when replaced.
            generator.__name__ = 'name%d' % r
            generator.__qualname__ = 'qual%d' % r

        def read():
            name = generator.__name__
            qualname = generator.__qualname__
            text = repr(generator)
            return ((name == 'gen' or name.startswith('name')) and
                    (qualname.endswith('gen') or qualname.startswith('qual')) and
                    text.startswith('<generator object '))

        mutate_while_reading(self, mutate, read, rounds=50000)
        self.assertEqual(generator.__name__, 'name49999')
        self.assertEqual(generator.__qualname__, 'qual49999')

    def test_property_name(self):
        class C:
            @property
            def attr(self):
                return 1

        prop = C.__dict__['attr']

        def mutate(r):
            prop.__name__ = 'name%d' % r

        def read():
            return prop.__name__ == 'attr' or prop.__name__.startswith('name')

        mutate_while_reading(self, mutate, read, rounds=50000)
        self.assertEqual(prop.__name__, 'name49999')
        self.assertEqual(C().attr, 1)

    def test_classmethod_dict_and_reinit(self):
        def first(cls):
            return 1

        def second(cls):
            return 2

        method = classmethod(first)
        functions = (first, second)

        def mutate(r):
            method.__dict__ = {'tag': 'tag%d' % r}
            method.__init__(functions[r % 2])

        def read():
            tag = getattr(method, 'tag', 'tag')
            return (tag.startswith('tag') and method.__func__ in functions and
                    repr(method).startswith('<classmethod(<function ') and
                    method.__isabstractmethod__ is False)

        mutate_while_reading(self, mutate, read, rounds=5000)
        self.assertIs(method.__func__, second)
        self.assertEqual(method.__dict__['tag'], 'tag4999')

    def test_cell_replaced_while_frame_locals_read(self):
        # The reader's own frame shares the cell `value` with the setter, which other
        # threads call: reading the frame's locals takes the cell's content while it is
        # replaced (the old content is released at once).
        def make():
            value = 'initial'

            def setter(r):
                nonlocal value
                value = 'value%d' % r

            def reader():
                value        # a free variable of this frame
                frame = sys._getframe()
                snapshot = locals()
                proxied = frame.f_locals['value']
                return all(v == 'initial' or v.startswith('value')
                           for v in (snapshot['value'], proxied))
            return setter, reader

        setter, reader = make()
        mutate_while_reading(self, setter, reader, rounds=50000)


if __name__ == '__main__':
    unittest.main()
