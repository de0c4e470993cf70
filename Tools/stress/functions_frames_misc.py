"""Adversarial thread stress (Tools/stress/run.sh): one thread replaces a function's
__defaults__, __kwdefaults__, __code__ and __dict__, a closure cell, a defaultdict's
default_factory, a functools.partial's state (__setstate__) and a shared list and dict's
contents, while three threads call the function, read the cell, index the defaultdict, call
the partial, serialise the containers (json, pickle, copy, repr), walk other threads' frames
(sys._current_frames) and ask the collector for referrers.

Run it under the AddressSanitizer build; it prints "ok" when it finishes."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness
import collections, copy, functools, gc, io, json, pickle, contextvars


def f(a, b=1, *, c=2):
    return a + b + c


def g(a, b=10, *, c=20):
    return a * b * c


def make_closure():
    cell_value = [0]

    def get():
        return cell_value

    def put(v):
        nonlocal cell_value
        cell_value = v
    return get, put


get_cell, put_cell = make_closure()
dd = collections.defaultdict(list)
part = functools.partial(f, 1)
shared_list = list(range(50))
shared_dict = {i: str(i) for i in range(50)}
ctx = contextvars.Context()
var = contextvars.ContextVar('var', default=0)
buf = io.StringIO()
done = []


def mutator():
    codes = [f.__code__, g.__code__]
    for r in range(20000):
        f.__defaults__ = (r,) if r % 2 else (r, r)[:1]
        f.__kwdefaults__ = {'c': r}
        if r % 5 == 0:
            f.__code__ = codes[(r // 5) % 2]
        f.__dict__ = {'r': [r]}
        put_cell([r] * (r % 7))
        dd.default_factory = (lambda r=r: [r]) if r % 2 else list
        if r % 3 == 0:
            dd.clear()
        part.__setstate__((f if r % 2 else g, (r,), {'c': r}, {'x': [r]}))
        shared_list[r % 50] = [r]
        shared_list.append(str(r))
        del shared_list[50:]
        shared_dict[r % 60] = (r,)
        shared_dict.pop((r + 30) % 60, None)


def walk_frames():
    for frame in sys._current_frames().values():
        while frame is not None:
            frame.f_lineno, frame.f_code.co_name, frame.f_globals
            frame = frame.f_back


def run_in_ctx():
    ctx.run(var.set, 1)


ops = [
    lambda: f(1), lambda: f(1, 2), lambda: f(1, c=3), lambda: f.__defaults__, lambda: f.__code__,
    lambda: f.__dict__.get('r'), lambda: getattr(f, 'r', None), lambda: f.__kwdefaults__,
    lambda: len(get_cell()), lambda: dd[len(dd) % 10], lambda: dd.copy(), lambda: repr(dd),
    lambda: part(), lambda: part.args, lambda: part.keywords, lambda: repr(part),
    lambda: part.__reduce__(),
    lambda: json.dumps(shared_list, default=str), lambda: pickle.dumps(shared_list),
    lambda: copy.deepcopy(shared_list), lambda: repr(shared_list),
    lambda: json.dumps(shared_dict, default=str), lambda: pickle.dumps(shared_dict),
    lambda: copy.deepcopy(shared_dict), lambda: repr(shared_dict),
    lambda: sorted(shared_dict.items(), key=lambda kv: kv[0]),
    walk_frames, lambda: len(gc.get_referrers(shared_list)), run_in_ctx,
    lambda: print(shared_list[:3], file=buf), lambda: buf.seek(0) or buf.truncate(),
]
reader = _harness.ops_reader(
    ops, (TypeError, ValueError, IndexError, RuntimeError, KeyError, AttributeError), done)
_harness.run(mutator, reader, done)
