"""Adversarial thread stress (Tools/stress/run.sh): One thread moves instances between classes, reassigns __bases__, replaces methods and
instance dicts and collects garbage while three threads call methods and read attributes,
__mro__, vars() and weak references.  (Found: freed MROs, methods and cached values.)

Run it under the AddressSanitizer build; it prints "ok" when it finishes."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness
import threading, gc, weakref, sys
class A:
    x = 1
    def m(self): return 1
class B:
    x = 2
    def m(self): return 2
class C(A): pass
objs = [C() for _ in range(50)]
done = []
def mutator():
    for r in range(20000):
        o = objs[r % 50]
        o.__class__ = B if o.__class__ is not B else C
        o.attr = [r]
        if r % 3 == 0:
            try: del o.attr
            except (AttributeError, TypeError): pass
        if r % 7 == 0: o.__dict__ = {'attr': r}
        if r % 11 == 0:
            C.x = r
        if r % 13 == 0:
            C.__bases__ = (B,) if C.__bases__ == (A,) else (A,)
        if r % 500 == 0: gc.collect()
        A.m = (lambda self, r=r: r) if r % 2 else (lambda self: 1)
def reader(k):
    while not done:
        for o in objs:
            try:
                o.m(); o.x; o.attr; vars(o); type(o).__mro__; o.__class__
                w = weakref.ref(o); w()
                getattr(o, 'attr', None); hasattr(o, 'zz')
            except (AttributeError, TypeError):
                pass
        if k == 0: gc.collect(0)
_harness.run(mutator, reader, done)
