"""Adversarial thread stress (Tools/stress/run.sh): interpreter-wide switches flipped while
other threads run.  One thread registers ABC subclasses, installs and removes profile and
trace functions in every thread (threading.setprofile_all_threads/settrace_all_threads),
clears the type cache, freezes and unfreezes the collector, reloads a module and changes a
class's attributes, while three threads call isinstance/issubclass on the ABCs, build sets,
frozensets and dicts from a shared mutating list, iterate the class's mappingproxy, call
methods through super() and use the reloaded module.

Run it under the AddressSanitizer build; it prints "ok" when it finishes."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness
import abc, gc, importlib, threading, types, json


class Base(abc.ABC):
    @abc.abstractmethod
    def f(self):
        ...


class Parent:
    def who(self):
        return 'parent'


class Child(Parent):
    def who(self):
        return super().who() + '-child'


shared = list(range(100))
done = []
registered = []


def profiler(frame, event, arg):
    return None


def tracer(frame, event, arg):
    return None


def mutator():
    for r in range(20000):
        if r % 20 == 0:
            # Registered classes stay in the registry until collected: keep it small, or
            # every isinstance() check scans thousands of them.
            cls = type('Reg%d' % r, (), {})
            Base.register(cls)
            registered.append(cls)
            if len(registered) > 50:
                del registered[:25]
                gc.collect()
        if r % 50 == 0:
            threading.setprofile_all_threads(profiler if r % 100 == 0 else None)
        if r % 70 == 0:
            threading.settrace_all_threads(tracer if r % 140 == 0 else None)
        if r % 30 == 0:
            sys._clear_type_cache()
        if r % 200 == 0:
            gc.freeze()
            gc.collect(0)
            gc.unfreeze()
        if r % 500 == 0:
            importlib.reload(json)
        setattr(Child, 'attr%d' % (r % 20), r)
        if r % 3 == 0:
            try:
                delattr(Child, 'attr%d' % ((r + 10) % 20))
            except AttributeError:
                pass
        shared.append(r)
        del shared[0]
        shared[r % 50] = str(r)
    threading.setprofile_all_threads(None)
    threading.settrace_all_threads(None)


ops = [
    lambda: isinstance(registered[-1](), Base) if registered else True,
    lambda: issubclass(registered[0], Base) if registered else True,
    lambda: isinstance(3, Base), lambda: set(shared), lambda: frozenset(shared),
    lambda: dict.fromkeys(shared), lambda: sorted(map(str, shared)),
    lambda: list(vars(Child).items()), lambda: types.MappingProxyType(vars(Child)).get('attr3'),
    lambda: Child().who(), lambda: getattr(Child, 'attr5', None),
    lambda: json.dumps({'a': [1, 2]}), lambda: json.loads('[1, 2, {"b": null}]'),
    lambda: gc.get_referents(shared), lambda: sys.getrefcount(shared),
]
reader = _harness.ops_reader(ops, (RuntimeError, ValueError, TypeError, AttributeError), done)
_harness.run(mutator, reader, done)
