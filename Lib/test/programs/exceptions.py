# Exceptions: hierarchy, chaining, finally, custom exceptions, groups.
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code


def risky(n):
    if n == 0:
        raise AppError(42, "zero not allowed")
    return 10 / n


for value in (2, 0):
    try:
        print("result", risky(value))
    except AppError as e:
        print("AppError", e.code, e, repr(e))
    else:
        print("no error")
    finally:
        print("finally", value)

try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        undefined_name
except NameError as e:
    print("NameError:", e, "| context:", type(e.__context__).__name__)

def f():
    try:
        return "try"
    finally:
        print("finally runs before return")

print(f())

def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("cleanup", i)
    return "done"

print(g())
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError))
print(isinstance(FileNotFoundError(), OSError), OSError(2, "No such file").__class__.__name__)
e = OSError(2, "No such file or directory", "x.txt")
print(e.errno, e.strerror, e.filename, str(e))
print(repr(ValueError("a", 1)), str(KeyError("k")), str(IndexError()))

try:
    raise ExceptionGroup("many", [ValueError("v"), TypeError("t"), ValueError("w")])
except* ValueError as eg:
    print("caught values", [str(x) for x in eg.exceptions])
except* TypeError as eg:
    print("caught types", [str(x) for x in eg.exceptions])

eg = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2)])])
match_, rest = eg.split(TypeError)
print(repr(match_), repr(rest))
err = RuntimeError("with note")
err.add_note("extra info")
print(err.__notes__)

try:
    assert 1 == 2, "assertion message"
except AssertionError as e:
    print("AssertionError:", e)

class Resource:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("exit sees", exc[0].__name__)
        return False

try:
    with Resource():
        raise RuntimeError("in with")
except RuntimeError as e:
    print("propagated", e)

def deep(n):
    return deep(n + 1)

try:
    deep(0)
except RecursionError as e:
    print("RecursionError caught")

try:
    int("abc")
except ValueError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    None.attr
except AttributeError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
