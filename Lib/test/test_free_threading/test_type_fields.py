"""Fields of classes and instances that one thread replaces while others use them: a class's
__name__ and __qualname__ (read by every error message and repr), class attributes assigned
from several threads at once, the MRO that super() walks while __bases__ is reassigned, and
the instance __dict__ that copy.copy() and pickling copy while it is reassigned.  What was
replaced must stay alive while a reader may still use it; under AddressSanitizer a value freed
under a reader is reported, and without it a reader may see a finalized object or crash."""

import copy
import threading
import unittest

from test.test_free_threading import NTHREADS, mutate_while_reading, run_concurrently

N = 1000


class Tracked:
    """A value whose finalizer marks it dead (and whose slot is gone once it is freed)."""
    __slots__ = ('alive', 'n')

    def __init__(self, n=0):
        self.alive = True
        self.n = n

    def __del__(self):
        self.alive = False


def is_live(value):
    """True if value is a Tracked that was neither finalized nor freed."""
    return type(value) is Tracked and getattr(value, 'alive', False)


class CollidingKey(str):
    """A str whose hash is name_hash, so that a dict lookup or store that meets such a key
    calls its __eq__ (under the dict's lock).  arm() makes the next such call in this thread
    run hook first."""
    name_hash = 0
    armed = None        # (thread, hook)

    @classmethod
    def arm(cls, hook):
        cls.armed = (threading.current_thread(), hook)

    def __hash__(self):
        return CollidingKey.name_hash

    def __eq__(self, other):
        armed = CollidingKey.armed
        if armed is not None and armed[0] is threading.current_thread():
            CollidingKey.armed = None
            armed[1]()
        return str.__eq__(self, other)


class NameTests(unittest.TestCase):

    def test_rename_while_formatting(self):
        # The main thread renames a class; the others format its instances (repr, error
        # messages that print the type's C-level name, __name__ and __qualname__).  Each
        # rename frees the old name buffer: only after every reader is done with it.
        class Renamed:
            pass

        # Long names (error messages print up to 100 characters of them): the longer a reader
        # copies a name, the likelier a rename overlaps.
        names = ['Renamed', 'N'] + [c * 90 + 'Name' for c in 'AB']
        qualnames = ['Outer.' + n for n in names]
        Renamed.__qualname__ = qualnames[0]
        obj = Renamed()

        operations = (len, lambda o: o[0], lambda o: o + 1, iter, abs)

        def read():
            messages = []
            for operation in operations:
                try:
                    operation(obj)
                except TypeError as exc:
                    messages.append(str(exc))
                else:
                    return False
            # Each string once: the name may change between two reads.
            obj_repr = repr(obj)
            class_repr = repr(Renamed)
            return (all(any("'%s'" % n in m for n in names) for m in messages) and
                    any(q in obj_repr for q in qualnames) and
                    any(q in class_repr for q in qualnames) and
                    type(obj).__name__ in names and type(obj).__qualname__ in qualnames)

        def mutate(r):
            Renamed.__name__ = names[r % len(names)]
            Renamed.__qualname__ = qualnames[(r // 2) % len(qualnames)]

        mutate_while_reading(self, mutate, read, rounds=5000)
        self.assertIn(Renamed.__name__, names)
        self.assertIn(Renamed.__qualname__, qualnames)

    def test_concurrent_renames_agree(self):
        # Several threads rename one class at once: afterwards __name__ and the name that
        # error messages print are the same one of the names assigned.
        class Renamed:
            pass

        def worker(index):
            for i in range(N):
                Renamed.__name__ = 'Name%d_%d' % (index, i % 10)
                Renamed.__qualname__ = 'Q%d' % index

        run_concurrently(worker)
        with self.assertRaises(TypeError) as cm:
            len(Renamed())
        self.assertIn("'%s'" % Renamed.__name__, str(cm.exception))
        self.assertRegex(Renamed.__name__, r'^Name\d+_\d$')
        self.assertRegex(Renamed.__qualname__, r'^Q\d+$')


class ClassAttributeTests(unittest.TestCase):

    def test_attribute_replaced_from_several_threads(self):
        # Half the threads replace a class attribute, by read-modify-write (C.v = f(C.v)) or
        # plain assignment; the others read it, through the class, a subclass and an
        # instance (the method caches of each), and must never get a value the class has
        # already let go of and finalized.
        class C:
            v = Tracked()

        class D(C):
            pass

        inst = D()
        writers = NTHREADS // 2

        def worker(index):
            if index < writers:
                for i in range(N):
                    if i % 2:
                        C.v = Tracked(C.v.n + 1)
                    else:
                        C.v = Tracked(i)
                return True
            ok = True
            for i in range(N * 4):
                ok = is_live(C.v) and is_live(D.v) and is_live(inst.v) and ok
            return ok

        self.assertEqual(run_concurrently(worker), [True] * NTHREADS)
        self.assertTrue(is_live(C.v))

    def test_attribute_deleted_and_restored_while_read(self):
        # Assignment and deletion from several threads; readers see a live value or none.
        class C:
            v = Tracked()

        writers = NTHREADS // 2

        def worker(index):
            if index < writers:
                for i in range(N):
                    C.v = Tracked(i)
                    try:
                        del C.v
                    except AttributeError:
                        pass    # another writer deleted it first
                return True
            ok = True
            for i in range(N * 4):
                value = getattr(C, 'v', None)
                ok = (value is None or is_live(value)) and ok
            return ok

        self.assertEqual(run_concurrently(worker), [True] * NTHREADS)

    def test_first_annotations_access_gives_one_dict(self):
        # __annotations__ of a class without annotations is created on first access: threads
        # that get there together must all get the same dict, and one assigned meanwhile must
        # not be overwritten by it.
        classes = [type('K%d' % i, (), {}) for i in range(200)]
        assigned = [{'x': i} for i in range(len(classes))]

        def worker(index):
            seen = []
            for i, cls in enumerate(classes):
                if index == 0 and i % 2:
                    cls.__annotations__ = assigned[i]
                seen.append(cls.__annotations__)
            return seen

        results = run_concurrently(worker)
        for i, cls in enumerate(classes):
            final = cls.__annotations__
            if i % 2:
                self.assertIs(final, assigned[i])
            else:
                for seen in results:
                    self.assertIs(seen[i], final)


class SuperTests(unittest.TestCase):

    def test_super_while_bases_reassigned(self):
        # The main thread moves a class between two compatible bases and changes attributes
        # of both (so that lookups in their dicts sometimes wait for the dict's lock); the
        # others call methods through super().  The MRO super() walks must stay alive while
        # the lookup waits.
        class Root:
            def f(self):
                return 0

        class A(Root):
            tag = 'a'

            def f(self):
                return 1

        class B(Root):
            tag = 'b'

            def f(self):
                return 2

        class Sub(A):
            def f(self):
                return 10 + super().f()

            def g(self):
                return super().tag

            @classmethod
            def h(cls):
                return super().f

        obj = Sub()

        def read():
            return (obj.f() in (11, 12) and obj.g() in ('a', 'b') and
                    super(Sub, obj).f() in (1, 2) and callable(Sub.h()))

        def mutate(r):
            Sub.__bases__ = (B,) if Sub.__bases__ == (A,) else (A,)
            A.counter = r
            B.counter = r

        mutate_while_reading(self, mutate, read, rounds=3000)

    def test_mro_replaced_during_super_lookup(self):
        # The window a waiting thread opens, made deterministic: comparing the name with a
        # colliding key in a base's dict runs code that reassigns __bases__ in the middle of
        # super()'s walk of the MRO, and refills the memory the old MRO leaves with floats.
        class Base:
            def f(self):
                return 'Base'

        CollidingKey.name_hash = hash('f')
        mid1 = type('Mid1', (Base,), {CollidingKey('g'): 1})
        mid2 = type('Mid2', (Base,), {CollidingKey('g'): 2})

        class Sub(mid1):
            def f(self):
                return 'Sub' + super().f()

        keep = []

        def swap_bases():
            Sub.__bases__ = (mid2,) if Sub.__bases__ == (mid1,) else (mid1,)
            a, b, c, d = 1.5, 2.5, 3.5, 4.5
            keep.extend((a, b, c, d) for _ in range(20))

        try:
            for i in range(100):
                CollidingKey.arm(swap_bases)
                self.assertEqual(Sub().f(), 'SubBase')
                self.assertEqual(super(Sub, Sub()).f(), 'Base')
        finally:
            CollidingKey.armed = None


class InstanceStateTests(unittest.TestCase):

    def test_copy_while_dict_replaced(self):
        # copy.copy() and __getstate__ copy the instance __dict__ while the main thread
        # replaces it; every copy is one of the dicts assigned, whole.
        class C:
            pass

        obj = C()
        obj.__dict__ = {'a': 0, 'b': 0}

        def read():
            state = obj.__getstate__()
            clone = copy.copy(obj)
            return state['a'] == state['b'] and clone.a == clone.b

        def mutate(r):
            obj.__dict__ = {'a': r, 'b': r}
            obj.c = r       # the copies contend for the new dict's lock

        mutate_while_reading(self, mutate, read, rounds=5000)

    def test_getstate_waits_for_lock_of_replaced_dict(self):
        # The main thread holds the instance dict's lock (a colliding key's __eq__ runs under
        # it during an insertion) while the other threads start copying that dict and wait
        # for the lock; it then replaces __dict__ and queues enough other releases for the
        # old dict's to run, so that the old dict dies as soon as the insertion is over.  The
        # waiting copiers must hold their own reference to it.
        class C:
            pass

        obj = C()
        other = C()
        CollidingKey.name_hash = 12345
        done = []
        errors = []

        def replace_held_dict():
            for _ in range(20000):      # let the copiers reach the lock and wait
                pass
            obj.__dict__ = {}
            for _ in range(2000):       # let delayed releases run
                other.__dict__ = {}

        def copier():
            try:
                while not done:
                    state = obj.__getstate__()
                    if state is not None and not {str(k) for k in state} <= {'k1', 'k2'}:
                        errors.append(state)
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=copier) for _ in range(2)]
        for thread in threads:
            thread.start()
        try:
            for r in range(30):
                obj.__dict__ = {CollidingKey('k1'): 1}
                CollidingKey.arm(replace_held_dict)
                setattr(obj, CollidingKey('k2'), 2)
        finally:
            CollidingKey.armed = None
            done.append(True)
            for thread in threads:
                thread.join()
        self.assertEqual(errors, [])


if __name__ == '__main__':
    unittest.main()
