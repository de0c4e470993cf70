# Arithmetic, strings, containers and control flow.
print(1 + 2, 7 // 2, -7 // 2, 7 % -3, 2 ** 100, 10 / 4, 1e16, 0.1 + 0.2, -0.0)
print(divmod(-17, 5), pow(3, 4, 5), round(2.5), round(3.5), round(1.2345, 2), abs(-3))
print(int("ff", 16), int("0b101", 0), hex(255), oct(8), bin(5), 1_000_000, 0x_ff)
print(True + True, None, ..., NotImplemented, type(None).__name__)
s = "Hello, World"
print(s.lower(), s.upper(), s[::-1], s[1:5], s.split(", "), len(s), s.find("World"))
print("-".join(["a", "b", "c"]), "x".center(7, "*"), "  pad ".strip(), "a,b,,c".split(","))
print(f"{3.14159:.2f} {42:>6} {'left':<8}| {255:#x} {1234567:,} {0.5:%} {7:08.3f}")
print("%s %d %5.1f %r %x" % ("str", 42, 3.14159, "repr", 255))
print("{0} {1} {0}".format("a", "b"), "{name}={value!r}".format(name="k", value="v"))
lst = [5, 3, 8, 1]
lst.append(9)
lst.sort()
print(lst, lst[-1], lst[1:3], sorted(lst, reverse=True), sum(lst), min(lst), max(lst))
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d.keys()), sorted(d.items()), d.get("zz", 0), "a" in d, len(d))
t = (1, 2, 3)
a, *rest = t
print(t, a, rest, t.count(2), t.index(3), t + (4,), t * 2)
st = {3, 1, 2}
print(sorted(st | {4}), sorted(st & {1, 9}), sorted(st - {1}), 2 in st, frozenset([1]))
for i in range(3):
    if i == 1:
        continue
    print("loop", i)
else:
    print("loop done")
n = 0
while True:
    n += 1
    if n > 4:
        break
print("n", n)
print([x * x for x in range(6) if x % 2], {x: x * 2 for x in range(3)}, {x % 3 for x in range(9)})
print(list(zip("abc", range(3))), list(enumerate("xy", 1)), list(map(str, [1, 2])))
print(list(filter(None, [0, 1, "", "a"])), any([0, 1]), all([]), list(reversed([1, 2, 3])))
print(chr(65), ord("A"), repr("quote'd"), ascii("é"), str(b"bytes"), b"ab" + b"cd")
print(isinstance(3, int), issubclass(bool, int), type(3.0), callable(len), id(d) == id(d))
x = 5
print("big" if x > 3 else "small", x if x else 0, not x, x and 0, x or 0)
print(1 < 2 < 3, 1 < 3 < 2, 2 == 2.0, "a" < "b", [1, 2] < [1, 3], (1, 2) == (1, 2))
print((y := 10) + 1, y)
print(hash(1) == hash(1.0), hash("a") == hash("a"), 10 ** 20 // 3, -(10 ** 20) // 7)
print(3 .bit_length(), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print(float("inf"), float("-inf"), float("nan") != float("nan"), 1 / 3, 2 / 3, 1e-7, 123456789.0 * 10)
