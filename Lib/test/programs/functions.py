# Functions, closures, decorators, generators, arguments.
def greet(name, greeting="Hello", *args, sep=", ", **kwargs):
    return greeting + sep + name + str(args) + str(sorted(kwargs.items()))

print(greet("Ann"))
print(greet("Bob", "Hi", 1, 2, sep="! ", x=1))
print(greet(*["Cy"], **{"greeting": "Yo"}))

def pos_only(a, b, /, c, *, d):
    return a + b + c + d

print(pos_only(1, 2, c=3, d=4))
try:
    pos_only(a=1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError:", e)
try:
    greet()
except TypeError as e:
    print("TypeError:", e)

def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = make_counter()
c()
c()
print("counter", c(10))

def trace(fn):
    def wrapper(*a, **k):
        print("calling", fn.__name__, a)
        return fn(*a, **k)
    return wrapper

@trace
def add(a, b):
    return a + b

print(add(2, 3))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

g = fib()
print([next(g) for _ in range(10)])

def echo():
    received = []
    while True:
        value = yield len(received)
        if value is None:
            break
        received.append(value)
    return received

e = echo()
next(e)
e.send("a")
e.send("b")
try:
    e.send(None)
except StopIteration as stop:
    print("returned", stop.value)

def delegator():
    result = yield from echo()
    print("delegated result", result)
    yield "after"

d = delegator()
next(d)
d.send(1)
print(d.send(None))
print(sum(x * x for x in range(10)), list(x for x in "abc"))
lam = lambda x, y=2: x * y
print(lam(3), lam(3, 3), (lambda: "noargs")())
print(sorted(["bb", "a", "ccc"], key=len), sorted([3, 1, 2], key=lambda v: -v))

def recurse(n):
    return 1 if n <= 1 else n * recurse(n - 1)

print(recurse(20))

def gen_close():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleanup")

gc_ = gen_close()
next(gc_)
gc_.close()
print(greet.__name__, greet.__defaults__, greet.__kwdefaults__, add.__name__)
def annotated(x: int) -> str:
    "doc string"
    return str(x)
print(annotated.__annotations__, annotated.__doc__)
