# Classes: inheritance, super, properties, dunders, class/static methods, slots.
class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} makes a sound"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


class Dog(Animal):
    kind = "dog"

    def speak(self):
        return super().speak() + " (woof)"


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age


p = Puppy("Rex", 1)
print(p, p.speak(), p.kind, Puppy.__mro__[1].__name__, isinstance(p, Animal))
print([c.__name__ for c in Puppy.__mro__])


class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __iter__(self):
        yield self.x
        yield self.y

    def __bool__(self):
        return bool(self.x or self.y)

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"


v = Vector(1, 2) + Vector(3, 4)
print(v, v * 2, 3 * v, v == Vector(4, 6), len(v), v[1], list(v), bool(Vector(0, 0)))
print(len({Vector(1, 1), Vector(1, 1)}))
try:
    v.z = 3
except AttributeError as e:
    print("AttributeError:", e)


class Temperature:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("too cold")
        self._c = value

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @classmethod
    def boiling(cls):
        t = cls()
        t.celsius = 100
        return t

    @staticmethod
    def info():
        return "temperature"


t = Temperature.boiling()
print(t.celsius, t.fahrenheit, Temperature.info())
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)


class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["created_by"] = "Meta"
        return super().__new__(mcls, name, bases, ns)


class WithMeta(metaclass=Meta):
    pass


print(WithMeta.created_by, type(WithMeta).__name__)


class Base:
    registry = []

    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.registry.append((cls.__name__, tag))


class A(Base, tag="a"):
    pass


class B(Base):
    pass


print(Base.registry)


class Descriptor:
    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return f"<{self.name} of {type(obj).__name__}>"


class UsesDescriptor:
    attr = Descriptor()


print(UsesDescriptor().attr, UsesDescriptor.attr.name)


class Dynamic:
    def __getattr__(self, name):
        return name.upper()


print(Dynamic().hello)


class Left:
    def who(self):
        return "Left"


class Right:
    def who(self):
        return "Right"


class Both(Left, Right):
    pass


print(Both().who(), [k.__name__ for k in Both.__mro__])


class Ctx:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", exc_type.__name__ if exc_type else None)
        return True


with Ctx() as c:
    raise KeyError("suppressed")
print("after with")


class Callable:
    def __call__(self, x):
        return x * 10


print(Callable()(4), callable(Callable()))
print(Vector.__name__, Vector.__qualname__, Dog.__bases__, Animal.__dict__["kind"])
