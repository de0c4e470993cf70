# Match statements, unpacking, scoping, string formatting details, misc builtins.
def describe(obj):
    match obj:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float() as num:
            return f"number {num}"
        case [x, y]:
            return f"pair {x},{y}"
        case [first, *others]:
            return f"list starting {first} with {len(others)} more"
        case {"name": str(name), **rest}:
            return f"named {name} {sorted(rest)}"
        case str() as s if s.isupper():
            return "shout"
        case _:
            return "other"


for item in (0, -5, 3.5, [1, 2], [1, 2, 3], {"name": "x", "a": 1}, "HI", "hi", None):
    print(describe(item))


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


match Point(1, 2):
    case Point(1, y):
        print("point with x=1, y =", y)

(a, b), c = (1, 2), 3
first, *middle, last = range(6)
print(a, b, c, first, middle, last)
x = 1


def scope_test():
    x = 2

    def inner():
        return x
    return inner()


print(scope_test(), x)
counter = 0


def bump():
    global counter
    counter += 1


bump()
bump()
print("counter", counter)
print([(i, j) for i in range(3) for j in range(i)])
squares = {n: n * n for n in range(4)}
print(squares, sorted(squares.values(), reverse=True))
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [row[::-1] for row in matrix])
print(f"{'nested':{'>'}{10}}|", f"{3 + 4=}", f"{'a' 'b'}", f"{{literal}}", f"{3.0!r:>6}")
print(format(1234.5678, ",.2f"), format(0.000123, ".2e"), format(42, "b"), format(-7, "+d"))
print(str(1.5e300 * 1e10), 2 ** 0.5, 10 ** -3, 3.0 * 1.1, 1 / 7)
print(max([], default="empty"), min(3, 1, 2), max("abc", key=ord), sum([0.1] * 10))
print(divmod(7.5, 2), round(-2.5), round(1234, -2), int(-3.9), int(True))
print(sorted("banana"), "banana".count("a"), "banana".replace("a", "o", 2))
print(" ".join(w.capitalize() for w in "the quick fox".split()))
print("tab\tsep".expandtabs(4), "a\nb\r\nc".splitlines(), "x".zfill(4), "42".isdigit())
data = bytearray(b"hello")
data[0] = ord("H")
data.extend(b"!")
print(data, bytes(data).decode(), data.hex(), bytes.fromhex("4142"))
print(list(range(10, 0, -3)), range(5)[2:], len(range(0, 100, 7)), 49 in range(0, 100, 7))
print(slice(1, 10, 2).indices(5), "abcdef"[slice(1, None, 2)])
print(type(iter([])).__name__, next(iter("xy")), list(iter(range(3).__iter__())))
nums = [3, 1, 4, 1, 5, 9, 2, 6]
nums.sort(key=lambda n: (n % 3, n))
print(nums, nums.index(9), nums.count(1))
del nums[0:2]
print(nums, nums.pop(), nums)
print(dict.fromkeys("ab", 0), {**{"a": 1}, **{"b": 2}}, {"a": 1} | {"b": 2})
print(*[1, 2, 3], sep="-", end="!\n")
print(vars(Point(3, 4)), getattr(Point(5, 6), "x"), hasattr(Point, "__match_args__"))
