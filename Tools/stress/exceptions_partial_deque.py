"""Adversarial thread stress (Tools/stress/run.sh): One thread re-initialises an exception and replaces its fields, rotates a deque and
changes a partial and a property while three threads format and read them.
(Found: repr(e) reading a freed args tuple.)

Run it under the AddressSanitizer build; it prints "ok" when it finishes."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness
import threading, functools, collections, weakref, sys
exc = ImportError('m', name='n', path='p')
se = StopIteration(1)
part = functools.partial(print, 1, 2)
dq = collections.deque(range(100))
prop = property(lambda s: 1)
class K: pass
k = K()
done = []
def mutator():
    for r in range(20000):
        exc.__init__(str(r) * 3, name=str(r) * 2, path=str(r))
        exc.msg = str(r) * 4
        se.value = [r]
        dq.rotate(3); dq.append(r); dq.popleft()
        if r % 100 == 0: dq.clear(); dq.extend(range(100))
        k.__dict__.clear(); k.a = [r]
        prop.__doc__ = str(r) * 2
        part.__dict__['x'] = [r]
        exc.__traceback__ = None
        exc.__cause__ = ValueError(r)
        exc.__context__ = KeyError(r)
        exc.args = (r, str(r))
def reader(k):
    while not done:
        exc.msg; exc.name; exc.path; str(exc); repr(exc); exc.args; exc.__cause__; exc.__context__
        se.value; part.args; part.func; part.__dict__.get('x')
        try: list(dq); dq.count(5)
        except RuntimeError: pass
        try: dq[0]
        except IndexError: pass
        getattr(k, 'a', None); vars(k)
        prop.__doc__
_harness.run(mutator, reader, done)
