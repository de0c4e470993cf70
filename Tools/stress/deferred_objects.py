"""Adversarial thread stress (Tools/stress/run.sh): deferred objects (classes, functions, their
code and constants, modules) made and dropped while threads run, so that they are counted per
thread (Include/internal/pycore_ptrc.h) and freed by the collector.  One thread keeps
replacing a slot of shared classes, functions and modules (made by exec, type() and
types.ModuleType), collects now and then and starts short-lived threads that call them (their
counts are folded when they exit); three threads call, instantiate and subclass whatever is in
the slots, keep some for a while and drop them, and call gc.collect() themselves.

Run it under the AddressSanitizer build; it prints "ok" when it finishes."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness
import gc, threading, types

done = []
slots = [None] * 8


def make(r):
    namespace = {}
    exec("class Made:\n"
         "    scale = %d\n"
         "    def method(self, x):\n"
         "        return (x * self.scale, 'c%d', 2.5, (1, 'two'))\n"
         "def function(x):\n"
         "    return Made().method(x)\n" % (r, r), namespace)
    module = types.ModuleType('made%d' % r)
    module.function = namespace['function']
    module.Made = namespace['Made']
    return module


def call_all(count):
    for k in range(count):
        module = slots[k % len(slots)]
        if module is not None:
            module.function(k)


def mutator():
    for r in range(20000):
        slots[r % len(slots)] = make(r)
        if r % 97 == 0:
            gc.collect()
        if r % 1000 == 0:
            helper = threading.Thread(target=call_all, args=(200,))
            helper.start()
            helper.join()


kept = [[], [], []]


def use(k):
    module = slots[k]
    if module is None:
        return
    value = module.function(3)
    assert value[0] == 3 * module.Made.scale and value[2] == 2.5, value
    sub = type('Sub', (module.Made,), {'extra': k})
    assert sub().method(1)[1].startswith('c')
    return module


def keeper(k):
    def op():
        module = use(k)
        if module is not None:
            kept[k % 3].append((module, module.Made, module.function.__code__))
            if len(kept[k % 3]) > 20:
                del kept[k % 3][:10]
    return op


def collect():
    gc.collect(0)


ops = [keeper(k) for k in range(len(slots))] + [collect] * 3
reader = _harness.ops_reader(ops, (), done)
_harness.run(mutator, reader, done)
