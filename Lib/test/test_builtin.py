"""Tests for the builtins module (Python/bltinmodule.c)."""

import sys
import unittest


class BuiltinFunctionTests(unittest.TestCase):

    def test_abs(self):
        self.assertEqual(abs(-3), 3)
        self.assertEqual(abs(2.5), 2.5)
        self.assertEqual(abs(-0.0), 0.0)
        self.assertRaises(TypeError, abs, "a")

    def test_all_any(self):
        self.assertTrue(all([]))
        self.assertTrue(all([1, 2, 3]))
        self.assertFalse(all([1, 0, 3]))
        self.assertFalse(any([]))
        self.assertTrue(any([0, 0, 1]))
        self.assertFalse(any(x > 5 for x in range(5)))
        self.assertRaises(TypeError, all, 10)

    def test_ascii_repr(self):
        self.assertEqual(ascii("é"), "'\\xe9'")
        self.assertEqual(repr("é"), "'é'")
        self.assertEqual(ascii([1, "a"]), "[1, 'a']")

    def test_bin_oct_hex(self):
        self.assertEqual(bin(10), '0b1010')
        self.assertEqual(bin(-10), '-0b1010')
        self.assertEqual(oct(8), '0o10')
        self.assertEqual(hex(255), '0xff')
        self.assertEqual(hex(-255), '-0xff')
        self.assertRaises(TypeError, hex, 1.5)

    def test_callable(self):
        self.assertTrue(callable(len))
        self.assertTrue(callable(int))
        self.assertFalse(callable(3))

        class C:
            def __call__(self):
                pass
        self.assertTrue(callable(C()))

    def test_chr_ord(self):
        self.assertEqual(chr(65), 'A')
        self.assertEqual(chr(0x10FFFF), '\U0010ffff')
        self.assertEqual(ord('A'), 65)
        self.assertEqual(ord(b'A'), 65)
        self.assertEqual(ord(bytearray(b'z')), 122)
        with self.assertRaises(ValueError) as cm:
            chr(0x110000)
        self.assertEqual(str(cm.exception), "chr() arg not in range(0x110000)")
        with self.assertRaises(TypeError) as cm:
            ord('ab')
        self.assertEqual(str(cm.exception),
                         "ord() expected a character, but string of length 2 found")
        with self.assertRaises(TypeError) as cm:
            ord(1)
        self.assertEqual(str(cm.exception),
                         "ord() expected string of length 1, but int found")

    def test_attr_functions(self):
        class C:
            pass
        c = C()
        setattr(c, 'x', 5)
        self.assertEqual(getattr(c, 'x'), 5)
        self.assertTrue(hasattr(c, 'x'))
        self.assertEqual(getattr(c, 'y', 'dflt'), 'dflt')
        delattr(c, 'x')
        self.assertFalse(hasattr(c, 'x'))
        self.assertRaises(AttributeError, getattr, c, 'x')
        with self.assertRaises(TypeError) as cm:
            getattr(c, 1)
        self.assertEqual(str(cm.exception), "attribute name must be string, not 'int'")

    def test_hasattr_propagates_other_errors(self):
        class C:
            @property
            def boom(self):
                raise ValueError("boom")
        self.assertRaises(ValueError, hasattr, C(), 'boom')

    def test_divmod(self):
        self.assertEqual(divmod(7, 2), (3, 1))
        self.assertEqual(divmod(-7, 2), (-4, 1))
        self.assertEqual(divmod(7.5, 2), (3.0, 1.5))
        self.assertRaises(ZeroDivisionError, divmod, 1, 0)

    def test_dir(self):
        class C:
            a = 1
        self.assertIn('a', dir(C))
        self.assertIn('a', dir(C()))
        x = 1
        self.assertIn('x', dir())

    def test_format(self):
        self.assertEqual(format(3.14159, '.2f'), '3.14')
        self.assertEqual(format(42), '42')
        self.assertEqual(format('x', '>3'), '  x')

    def test_hash_id(self):
        self.assertEqual(hash(1), 1)
        self.assertEqual(hash(1.0), 1)
        self.assertRaises(TypeError, hash, [])
        a = object()
        self.assertEqual(id(a), id(a))
        b = object()
        self.assertNotEqual(id(a), id(b))

    def test_isinstance_issubclass(self):
        self.assertTrue(isinstance(1, int))
        self.assertTrue(isinstance(True, (str, int)))
        self.assertFalse(isinstance("a", int))
        self.assertTrue(issubclass(bool, int))
        self.assertRaises(TypeError, issubclass, 1, int)

    def test_iter_next(self):
        it = iter([1, 2])
        self.assertEqual(next(it), 1)
        self.assertEqual(next(it), 2)
        self.assertRaises(StopIteration, next, it)
        self.assertEqual(next(it, 'end'), 'end')
        values = iter([1, 2, 3, 0, 5])
        self.assertEqual(list(iter(lambda: next(values), 0)), [1, 2, 3])
        with self.assertRaises(TypeError) as cm:
            next(5)
        self.assertEqual(str(cm.exception), "'int' object is not an iterator")
        with self.assertRaises(TypeError) as cm:
            iter(5, 1)
        self.assertEqual(str(cm.exception), "iter(v, w): v must be callable")

    def test_len(self):
        self.assertEqual(len([1, 2]), 2)
        self.assertEqual(len("abc"), 3)
        self.assertRaises(TypeError, len, 5)

    def test_min_max(self):
        self.assertEqual(max(1, 3, 2), 3)
        self.assertEqual(min([4, 2, 8]), 2)
        self.assertEqual(max("abc"), "c")
        self.assertEqual(max([1, -5, 3], key=abs), -5)
        self.assertEqual(min([], default=7), 7)
        self.assertEqual(max((1, 1.0)), 1)
        with self.assertRaises(ValueError) as cm:
            max([])
        self.assertEqual(str(cm.exception), "max() iterable argument is empty")
        with self.assertRaises(TypeError) as cm:
            min()
        self.assertEqual(str(cm.exception), "min expected at least 1 argument, got 0")
        with self.assertRaises(TypeError) as cm:
            max(1, 2, default=3)
        self.assertEqual(str(cm.exception),
                         "Cannot specify a default for max() with multiple positional "
                         "arguments")

    def test_pow(self):
        self.assertEqual(pow(2, 10), 1024)
        self.assertEqual(pow(2, 10, 1000), 24)
        self.assertEqual(pow(2, -1), 0.5)
        self.assertEqual(pow(base=3, exp=2), 9)

    def test_round(self):
        self.assertEqual(round(2.5), 2)
        self.assertEqual(round(3.5), 4)
        self.assertEqual(round(2.675, 2), 2.67)
        self.assertEqual(round(1234, -2), 1200)
        self.assertIsInstance(round(2.5), int)

        class R:
            def __round__(self, n=None):
                return ('rounded', n)
        self.assertEqual(round(R()), ('rounded', None))
        self.assertEqual(round(R(), 3), ('rounded', 3))
        with self.assertRaises(TypeError) as cm:
            round(object())
        self.assertEqual(str(cm.exception), "type object doesn't define __round__ method")

    def test_sorted(self):
        self.assertEqual(sorted([3, 1, 2]), [1, 2, 3])
        self.assertEqual(sorted([3, 1, 2], reverse=True), [3, 2, 1])
        self.assertEqual(sorted(["bb", "a", "ccc"], key=len), ["a", "bb", "ccc"])
        data = [1, 2]
        self.assertIsNot(sorted(data), data)

    def test_sum(self):
        self.assertEqual(sum([]), 0)
        self.assertEqual(sum([1, 2, 3]), 6)
        self.assertEqual(sum(range(10), 5), 50)
        self.assertEqual(sum([[1], [2]], []), [1, 2])
        self.assertEqual(sum([2**70, 2**70]), 2**71)
        self.assertEqual(sum([0.1] * 10), 1.0)
        self.assertEqual(sum([1e100, 1.0, -1e100, 1.0]), 2.0)
        self.assertEqual(sum([1, 0.5]), 1.5)
        self.assertEqual(sum([0.5, 1]), 1.5)
        with self.assertRaises(TypeError) as cm:
            sum(['a', 'b'], '')
        self.assertEqual(str(cm.exception),
                         "sum() can't sum strings [use ''.join(seq) instead]")
        with self.assertRaises(TypeError) as cm:
            sum([b'a'], b'')
        self.assertEqual(str(cm.exception), "sum() can't sum bytes [use b''.join(seq) instead]")

    def test_vars_locals_globals(self):
        class C:
            pass
        c = C()
        c.a = 1
        self.assertEqual(vars(c), {'a': 1})
        self.assertIs(globals(), sys.modules[__name__].__dict__)

        def f():
            x = 1
            return locals()
        self.assertEqual(f(), {'x': 1})
        with self.assertRaises(TypeError) as cm:
            vars(1)
        self.assertEqual(str(cm.exception), "vars() argument must have __dict__ attribute")

    def test_print(self):
        class Sink:
            def __init__(self):
                self.parts = []

            def write(self, s):
                self.parts.append(s)

            def flush(self):
                self.parts.append('<flush>')
        sink = Sink()
        print(1, 'a', None, file=sink)
        print('x', 'y', sep='-', end='!', file=sink, flush=True)
        self.assertEqual(''.join(sink.parts), "1 a None\nx-y!<flush>")
        with self.assertRaises(TypeError) as cm:
            print(1, sep=3, file=sink)
        self.assertEqual(str(cm.exception), "sep must be None or a string, not int")

    def test_constants(self):
        import builtins
        self.assertIs(getattr(builtins, 'None'), None)
        self.assertIs(builtins.Ellipsis, ...)
        self.assertIs(builtins.NotImplemented, NotImplemented)
        self.assertIs(getattr(builtins, 'True'), True)
        self.assertIs(__debug__, True)

    def test_builtin_types_present(self):
        import builtins
        for name in ("bool bytearray bytes classmethod complex dict enumerate filter float "
                     "frozenset int list map memoryview object property range reversed set "
                     "slice staticmethod str super tuple type zip").split():
            self.assertIsInstance(getattr(builtins, name), type, name)


class AsyncIterationTests(unittest.TestCase):

    def run_coro(self, coro):
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value
        self.fail("coroutine did not finish")

    def test_aiter_anext(self):
        async def agen():
            yield 1
            yield 2

        async def main():
            it = aiter(agen())
            return [await anext(it), await anext(it), await anext(it, 'done')]
        self.assertEqual(self.run_coro(main()), [1, 2, 'done'])

    def test_anext_without_default_raises(self):
        async def agen():
            return
            yield

        async def main():
            try:
                await anext(agen())
            except StopAsyncIteration:
                return 'stopped'
        self.assertEqual(self.run_coro(main()), 'stopped')

    def test_anext_type_error(self):
        with self.assertRaises(TypeError):
            anext(1)


class SiteBuiltinsTests(unittest.TestCase):

    def test_exit_quit(self):
        import builtins
        for name in ('exit', 'quit'):
            self.assertTrue(hasattr(builtins, name))
            self.assertEqual(repr(getattr(builtins, name)),
                             f"Use {name}() or Ctrl-D (i.e. EOF) to exit")


class MapFilterZipTests(unittest.TestCase):

    def test_map(self):
        self.assertEqual(list(map(abs, [-1, 2, -3])), [1, 2, 3])
        self.assertEqual(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])), [11, 22])
        self.assertRaises(TypeError, map, abs)
        self.assertEqual(list(map(str, [])), [])

    def test_filter(self):
        self.assertEqual(list(filter(None, [0, 1, '', 'a'])), [1, 'a'])
        self.assertEqual(list(filter(lambda x: x % 2, range(6))), [1, 3, 5])

    def test_zip(self):
        self.assertEqual(list(zip([1, 2, 3], 'ab')), [(1, 'a'), (2, 'b')])
        self.assertEqual(list(zip()), [])
        self.assertEqual(list(zip([1, 2], [3, 4], strict=True)), [(1, 3), (2, 4)])

    def test_zip_strict_errors(self):
        with self.assertRaises(ValueError) as cm:
            list(zip([1, 2], [1], strict=True))
        self.assertEqual(str(cm.exception), "zip() argument 2 is shorter than argument 1")
        with self.assertRaises(ValueError) as cm:
            list(zip([1], [1, 2], strict=True))
        self.assertEqual(str(cm.exception), "zip() argument 2 is longer than argument 1")
        with self.assertRaises(ValueError) as cm:
            list(zip([1, 2], [1, 2], [1], strict=True))
        self.assertEqual(str(cm.exception), "zip() argument 3 is shorter than arguments 1-2")

    def test_subclassable(self):
        class M(map):
            pass
        self.assertEqual(list(M(abs, [-2])), [2])


class BuildClassTests(unittest.TestCase):

    def test_metaclass_and_prepare(self):
        log = []

        class Meta(type):
            @classmethod
            def __prepare__(mcls, name, bases, **kwds):
                log.append(('prepare', name, kwds))
                return {'injected': 1}

            def __new__(mcls, name, bases, ns, **kwds):
                log.append(('new', name, sorted(ns)))
                return super().__new__(mcls, name, bases, ns)

            def __init__(cls, name, bases, ns, **kwds):
                super().__init__(name, bases, ns)

        class C(metaclass=Meta, flag=True):
            x = 1
        self.assertEqual(C.injected, 1)
        self.assertEqual(log[0], ('prepare', 'C', {'flag': True}))
        self.assertEqual(log[1][0], 'new')
        self.assertIn('x', log[1][2])

    def test_mro_entries(self):
        class Base:
            pass

        class Alias:
            def __mro_entries__(self, bases):
                return (Base,)

        alias = Alias()

        class C(alias):
            pass
        self.assertEqual(C.__bases__, (Base,))
        self.assertEqual(C.__orig_bases__, (alias,))

    def test_metaclass_conflict(self):
        class M1(type):
            pass

        class M2(type):
            pass

        class A(metaclass=M1):
            pass

        class B(metaclass=M2):
            pass
        with self.assertRaises(TypeError) as cm:
            class C(A, B):
                pass
        self.assertIn("metaclass conflict", str(cm.exception))

    def test_class_cell(self):
        class C:
            def f(self):
                return __class__
        self.assertIs(C().f(), C)

    def test_prepare_must_return_mapping(self):
        class Meta(type):
            @classmethod
            def __prepare__(mcls, name, bases):
                return 42
        with self.assertRaises(TypeError) as cm:
            class C(metaclass=Meta):
                pass
        self.assertEqual(str(cm.exception), "Meta.__prepare__() must return a mapping, not int")


class ImportBuiltinTests(unittest.TestCase):

    def test_dunder_import(self):
        sys_mod = __import__('sys')
        self.assertIs(sys_mod, sys)
        with self.assertRaises(ModuleNotFoundError) as cm:
            __import__('no_such_module_xyz')
        self.assertEqual(str(cm.exception), "No module named 'no_such_module_xyz'")
        self.assertEqual(cm.exception.name, 'no_such_module_xyz')
        self.assertRaises(ValueError, __import__, '')


class InputTests(unittest.TestCase):

    def test_input_reads_line(self):
        class In:
            def readline(self):
                return "hello\n"

        class Out:
            def __init__(self):
                self.data = ''

            def write(self, s):
                self.data += s

            def flush(self):
                pass
        saved = sys.stdin, sys.stdout
        out = Out()
        try:
            sys.stdin, sys.stdout = In(), out
            self.assertEqual(input("prompt> "), "hello")
        finally:
            sys.stdin, sys.stdout = saved
        self.assertEqual(out.data, "prompt> ")

    def test_input_eof(self):
        class In:
            def readline(self):
                return ""

        class Out:
            def write(self, s):
                pass

            def flush(self):
                pass
        saved = sys.stdin, sys.stdout
        try:
            sys.stdin, sys.stdout = In(), Out()
            with self.assertRaises(EOFError) as cm:
                input()
            self.assertEqual(str(cm.exception), "EOF when reading a line")
        finally:
            sys.stdin, sys.stdout = saved


if __name__ == "__main__":
    unittest.main()
