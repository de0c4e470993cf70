"""Tests for the cyclic garbage collector (Python/gc.c, Modules/gcmodule.c)."""

import gc
import sys
import unittest


class Node:
    def __init__(self):
        self.other = None


class GCTests(unittest.TestCase):

    def setUp(self):
        gc.collect()

    def test_list_cycle(self):
        lst = []
        lst.append(lst)
        del lst
        self.assertEqual(gc.collect(), 1)

    def test_instance_cycle(self):
        a = Node()
        b = Node()
        a.other = b
        b.other = a
        del a, b
        self.assertGreaterEqual(gc.collect(), 2)

    def test_dict_cycle(self):
        d = {}
        d['self'] = d
        del d
        self.assertEqual(gc.collect(), 1)

    def test_reachable_objects_survive(self):
        a = Node()
        a.other = a
        gc.collect()
        self.assertIs(a.other, a)

    def test_finalizer_runs_once(self):
        calls = []

        class F:
            def __del__(self):
                calls.append(self)
        a = F()
        a.self_ref = a
        del a
        gc.collect()
        self.assertEqual(len(calls), 1)
        # The finalizer resurrected the object (it stored self); it runs only once.
        resurrected = calls.pop()
        self.assertTrue(gc.is_finalized(resurrected))
        del resurrected
        gc.collect()
        self.assertEqual(calls, [])

    def test_resurrection(self):
        saved = []

        class R:
            def __del__(self):
                saved.append(self)
        r = R()
        r.cycle = r
        del r
        gc.collect()
        self.assertEqual(len(saved), 1)
        self.assertIs(saved[0].cycle, saved[0])

    def test_weakref_callback_in_cycle(self):
        import weakref
        hits = []

        class W:
            pass
        a = W()
        a.me = a
        ref = weakref.ref(a, lambda r: hits.append(r))
        del a
        gc.collect()
        self.assertIsNone(ref())
        self.assertEqual(len(hits), 1)

    def test_enable_disable(self):
        self.assertTrue(gc.isenabled())
        gc.disable()
        try:
            self.assertFalse(gc.isenabled())
        finally:
            gc.enable()
        self.assertTrue(gc.isenabled())

    def test_thresholds_and_counts(self):
        old = gc.get_threshold()
        self.assertEqual(len(old), 3)
        try:
            gc.set_threshold(500, 5, 5)
            self.assertEqual(gc.get_threshold(), (500, 5, 5))
        finally:
            gc.set_threshold(*old)
        count = gc.get_count()
        self.assertEqual(len(count), 3)

    def test_is_tracked(self):
        self.assertFalse(gc.is_tracked(1))
        self.assertFalse(gc.is_tracked("a"))
        self.assertTrue(gc.is_tracked([]))
        self.assertTrue(gc.is_tracked(Node()))

    def test_get_referents(self):
        a, b = Node(), Node()
        lst = [a, b]
        refs = gc.get_referents(lst)
        self.assertIn(a, refs)
        self.assertIn(b, refs)
        self.assertEqual(gc.get_referents(1), [])

    def test_get_referrers(self):
        target = Node()
        holder = [target]
        self.assertTrue(any(r is holder for r in gc.get_referrers(target)))

    def test_get_objects(self):
        marker = Node()
        self.assertTrue(any(o is marker for o in gc.get_objects()))
        self.assertRaises(ValueError, gc.get_objects, 5)
        self.assertIsInstance(gc.get_objects(0), list)

    def test_collect_generation_argument(self):
        self.assertIsInstance(gc.collect(0), int)
        self.assertIsInstance(gc.collect(generation=1), int)
        self.assertRaises(ValueError, gc.collect, 7)

    def test_stats(self):
        stats = gc.get_stats()
        self.assertEqual(len(stats), 3)
        for st in stats:
            self.assertEqual(set(st), {'collections', 'collected', 'uncollectable'})

    def test_freeze(self):
        gc.freeze()
        try:
            self.assertGreater(gc.get_freeze_count(), 0)
        finally:
            gc.unfreeze()
        self.assertEqual(gc.get_freeze_count(), 0)

    def test_callbacks(self):
        phases = []

        def cb(phase, info):
            phases.append((phase, info['generation']))
        gc.callbacks.append(cb)
        try:
            gc.collect()
        finally:
            gc.callbacks.remove(cb)
        self.assertEqual(phases, [('start', 2), ('stop', 2)])

    def test_garbage_is_list(self):
        self.assertIsInstance(gc.garbage, list)

    def test_cycles_do_not_accumulate(self):
        # Create and drop many cycles: the collector must reclaim them all, so a full
        # collection afterwards finds at most what the last partial batch left.
        for _ in range(20000):
            a = Node()
            a.other = a
        del a
        gc.collect()
        before = len(gc.get_objects())
        for _ in range(20000):
            a = Node()
            a.other = [a]
        del a
        gc.collect()
        after = len(gc.get_objects())
        self.assertLess(after - before, 100)

    def test_automatic_collection(self):
        # Without calling gc.collect(), allocation-triggered collections keep the number of
        # tracked objects bounded while cycles are created.
        gc.collect()
        start = len(gc.get_objects())
        for _ in range(100000):
            a = Node()
            a.other = a
        del a
        self.assertLess(len(gc.get_objects()) - start, 50000)


if __name__ == "__main__":
    unittest.main()
