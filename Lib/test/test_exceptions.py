"""Tests for the builtin exception classes (Objects/exceptions.c)."""
import unittest


class HierarchyTests(unittest.TestCase):

    def test_hierarchy(self):
        self.assertTrue(issubclass(Exception, BaseException))
        self.assertTrue(issubclass(KeyError, LookupError))
        self.assertTrue(issubclass(IndexError, LookupError))
        self.assertTrue(issubclass(ZeroDivisionError, ArithmeticError))
        self.assertTrue(issubclass(ModuleNotFoundError, ImportError))
        self.assertTrue(issubclass(UnboundLocalError, NameError))
        self.assertTrue(issubclass(RecursionError, RuntimeError))
        self.assertTrue(issubclass(TabError, IndentationError))
        self.assertTrue(issubclass(IndentationError, SyntaxError))
        self.assertTrue(issubclass(UnicodeDecodeError, UnicodeError))
        self.assertTrue(issubclass(UnicodeError, ValueError))
        self.assertTrue(issubclass(FileNotFoundError, OSError))
        self.assertTrue(issubclass(BrokenPipeError, ConnectionError))
        self.assertTrue(issubclass(EncodingWarning, Warning))
        self.assertTrue(issubclass(ExceptionGroup, BaseExceptionGroup))
        self.assertTrue(issubclass(ExceptionGroup, Exception))
        self.assertFalse(issubclass(SystemExit, Exception))
        self.assertFalse(issubclass(KeyboardInterrupt, Exception))
        self.assertFalse(issubclass(GeneratorExit, Exception))
        self.assertIs(EnvironmentError, OSError)
        self.assertIs(IOError, OSError)
        self.assertTrue(issubclass(PythonFinalizationError, RuntimeError))

    def test_catching(self):
        try:
            raise KeyError("k")
        except LookupError as e:
            self.assertIsInstance(e, KeyError)
        try:
            {}["missing"]
        except KeyError as e:
            self.assertEqual(e.args, ("missing",))


class StrReprTests(unittest.TestCase):

    def test_str_repr(self):
        self.assertEqual(repr(ValueError("x")), "ValueError('x')")
        self.assertEqual(repr(ValueError()), "ValueError()")
        self.assertEqual(repr(ValueError(1, 2)), "ValueError(1, 2)")
        self.assertEqual(str(ValueError("x")), "x")
        self.assertEqual(str(ValueError()), "")
        self.assertEqual(str(ValueError(1, 2)), "(1, 2)")
        self.assertEqual(str(KeyError("a")), "'a'")
        self.assertEqual(str(KeyError()), "")
        self.assertEqual(str(KeyError(1, 2)), "(1, 2)")

        class MyError(Exception):
            pass
        self.assertEqual(repr(MyError(1)), "MyError(1)")

    def test_args(self):
        e = Exception(1, "a")
        self.assertEqual(e.args, (1, "a"))
        e.args = [3]
        self.assertEqual(e.args, (3,))
        with self.assertRaises(TypeError):
            del e.args
        with self.assertRaises(TypeError) as cm:
            Exception(a=1)
        self.assertEqual(str(cm.exception), "Exception() takes no keyword arguments")

    def test_custom_init(self):
        class E(Exception):
            def __init__(self, a, b=None):
                super().__init__(a)
                self.b = b
        e = E(1, b=2)
        self.assertEqual(e.args, (1,))
        self.assertEqual(e.b, 2)


class AttributeTests(unittest.TestCase):

    def test_context_cause(self):
        e = ValueError()
        self.assertIsNone(e.__context__)
        self.assertIsNone(e.__cause__)
        self.assertFalse(e.__suppress_context__)
        c = TypeError()
        e.__cause__ = c
        self.assertIs(e.__cause__, c)
        self.assertTrue(e.__suppress_context__)
        with self.assertRaises(TypeError):
            e.__cause__ = 1
        with self.assertRaises(TypeError):
            e.__context__ = "x"
        try:
            try:
                raise KeyError(1)
            except KeyError:
                raise ValueError(2)
        except ValueError as v:
            self.assertIsInstance(v.__context__, KeyError)
        try:
            raise ValueError from KeyError()
        except ValueError as v:
            self.assertIsInstance(v.__cause__, KeyError)

    def test_traceback(self):
        e = ValueError()
        self.assertIsNone(e.__traceback__)
        with self.assertRaises(TypeError):
            e.__traceback__ = 1
        self.assertIs(e.with_traceback(None), e)
        try:
            raise e
        except ValueError as v:
            self.assertIsNotNone(v.__traceback__)

    def test_notes(self):
        e = ValueError()
        self.assertFalse(hasattr(e, "__notes__"))
        e.add_note("first")
        e.add_note("second")
        self.assertEqual(e.__notes__, ["first", "second"])
        with self.assertRaises(TypeError) as cm:
            e.add_note(1)
        self.assertEqual(str(cm.exception), "note must be a str, not 'int'")
        e.__notes__ = 5
        with self.assertRaises(TypeError):
            e.add_note("x")

    def test_dict(self):
        e = ValueError()
        e.extra = 1
        self.assertEqual(e.__dict__, {"extra": 1})

    def test_stop_iteration(self):
        self.assertIsNone(StopIteration().value)
        self.assertEqual(StopIteration(5).value, 5)
        self.assertEqual(StopIteration(5, 6).value, 5)

        def gen():
            return 7
            yield
        try:
            next(gen())
        except StopIteration as e:
            self.assertEqual(e.value, 7)

    def test_system_exit(self):
        self.assertIsNone(SystemExit().code)
        self.assertEqual(SystemExit(3).code, 3)
        self.assertEqual(SystemExit(1, 2).code, (1, 2))

    def test_import_error(self):
        e = ImportError("msg", name="mod", path="/p")
        self.assertEqual((e.msg, e.name, e.path), ("msg", "mod", "/p"))
        self.assertIsNone(e.name_from)
        self.assertEqual(str(e), "msg")
        with self.assertRaises(TypeError) as cm:
            ImportError(bad=1)
        self.assertEqual(str(cm.exception),
                         "ImportError() got an unexpected keyword argument 'bad'")
        self.assertEqual(ModuleNotFoundError("x", name="y").name, "y")

    def test_attribute_name_errors(self):
        o = object()
        e = AttributeError("a", name="n", obj=o)
        self.assertEqual(e.name, "n")
        self.assertIs(e.obj, o)
        self.assertIsNone(AttributeError().name)
        self.assertEqual(NameError("x", name="y").name, "y")
        try:
            undefined_name_xyz
        except NameError as e:
            self.assertEqual(e.name, "undefined_name_xyz")

    def test_syntax_error(self):
        e = SyntaxError("m", ("dir/f.py", 3, 4, "text", 3, 5))
        self.assertEqual(e.msg, "m")
        self.assertEqual(e.filename, "dir/f.py")
        self.assertEqual(e.lineno, 3)
        self.assertEqual(e.offset, 4)
        self.assertEqual(e.text, "text")
        self.assertEqual(e.end_lineno, 3)
        self.assertEqual(e.end_offset, 5)
        self.assertEqual(str(e), "m (f.py, line 3)")
        self.assertEqual(str(SyntaxError("m")), "m")
        self.assertIsNone(SyntaxError("m").lineno)

    def test_os_error(self):
        e = OSError(2, "No such file", "f.txt")
        self.assertIs(type(e), FileNotFoundError)
        self.assertEqual(e.errno, 2)
        self.assertEqual(e.strerror, "No such file")
        self.assertEqual(e.filename, "f.txt")
        self.assertEqual(e.args, (2, "No such file"))
        self.assertEqual(str(e), "[Errno 2] No such file: 'f.txt'")
        e = OSError(2, "x", "a", None, "b")
        self.assertEqual(str(e), "[Errno 2] x: 'a' -> 'b'")
        self.assertEqual(e.filename2, "b")
        self.assertEqual(str(OSError(1, "y")), "[Errno 1] y")
        self.assertIs(type(OSError(1, "y")), PermissionError)
        self.assertEqual(str(OSError("plain")), "plain")
        self.assertIs(type(OSError(12345, "z")), OSError)
        self.assertIsNone(OSError().errno)
        self.assertIs(type(OSError(17, "e")), FileExistsError)

    def test_blocking_io_error(self):
        e = BlockingIOError(11, "x", 5)
        self.assertEqual(e.characters_written, 5)

    def test_unicode_errors(self):
        e = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
        self.assertEqual(str(e),
                         "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte")
        self.assertEqual((e.encoding, e.object, e.start, e.end, e.reason),
                         ("utf-8", b"\xff", 0, 1, "invalid start byte"))
        e = UnicodeEncodeError("ascii", "\u1234x", 0, 1, "bad")
        self.assertEqual(str(e),
                         "'ascii' codec can't encode character '\\u1234' in position 0: bad")
        e = UnicodeEncodeError("ascii", "abc", 0, 3, "bad")
        self.assertEqual(str(e), "'ascii' codec can't encode characters in position 0-2: bad")
        e = UnicodeTranslateError("\xe9", 0, 1, "r")
        self.assertEqual(str(e), "can't translate character '\\xe9' in position 0: r")
        with self.assertRaises(TypeError):
            UnicodeDecodeError("utf-8")


class ExceptionGroupTests(unittest.TestCase):

    def test_construction(self):
        eg = ExceptionGroup("msg", [ValueError(1), TypeError(2)])
        self.assertEqual(eg.message, "msg")
        self.assertEqual(len(eg.exceptions), 2)
        self.assertIsInstance(eg.exceptions, tuple)
        self.assertEqual(str(eg), "msg (2 sub-exceptions)")
        self.assertEqual(str(ExceptionGroup("m", [ValueError()])), "m (1 sub-exception)")
        self.assertEqual(repr(ExceptionGroup("m", [ValueError(1)])),
                         "ExceptionGroup('m', [ValueError(1)])")
        self.assertIs(type(BaseExceptionGroup("m", [ValueError()])), ExceptionGroup)
        self.assertIs(type(BaseExceptionGroup("m", [KeyboardInterrupt()])), BaseExceptionGroup)
        with self.assertRaises(TypeError) as cm:
            ExceptionGroup("m", [KeyboardInterrupt()])
        self.assertEqual(str(cm.exception), "Cannot nest BaseExceptions in an ExceptionGroup")
        with self.assertRaises(ValueError):
            ExceptionGroup("m", [])
        with self.assertRaises(ValueError):
            ExceptionGroup("m", [1])
        with self.assertRaises(TypeError):
            ExceptionGroup(1, [ValueError()])
        with self.assertRaises(TypeError):
            ExceptionGroup("m")

    def test_split_subgroup(self):
        v1, v2, t1 = ValueError(1), ValueError(2), TypeError(3)
        inner = ExceptionGroup("inner", [v2, t1])
        eg = ExceptionGroup("outer", [v1, inner])
        match, rest = eg.split(ValueError)
        self.assertEqual(match.message, "outer")
        self.assertIs(match.exceptions[0], v1)
        self.assertIs(match.exceptions[1].exceptions[0], v2)
        self.assertEqual(len(rest.exceptions), 1)
        self.assertIs(rest.exceptions[0].exceptions[0], t1)
        self.assertIs(eg.subgroup(BaseException), eg)
        self.assertIsNone(eg.subgroup(KeyError))
        match, rest = eg.split(lambda e: isinstance(e, TypeError))
        self.assertIs(match.exceptions[0].exceptions[0], t1)
        match, rest = eg.split((ValueError, TypeError))
        self.assertEqual(len(match.exceptions), 2)
        self.assertIsNone(rest)
        match, rest = eg.split(ExceptionGroup)
        self.assertIs(match, eg)
        with self.assertRaises(TypeError):
            eg.split(1)

    def test_split_copies_metadata(self):
        eg = ExceptionGroup("m", [ValueError(1), TypeError(2)])
        eg.add_note("note")
        cause = KeyError()
        eg.__cause__ = cause
        match, rest = eg.split(ValueError)
        self.assertEqual(match.__notes__, ["note"])
        self.assertIsNot(match.__notes__, eg.__notes__)
        self.assertIs(match.__cause__, cause)

    def test_derive(self):
        eg = ExceptionGroup("m", [ValueError()])
        d = eg.derive([TypeError()])
        self.assertEqual(d.message, "m")
        self.assertIsInstance(d.exceptions[0], TypeError)

    def test_except_star(self):
        caught = []
        try:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* ValueError as e:
            caught.append(("v", len(e.exceptions)))
        except* TypeError as e:
            caught.append(("t", len(e.exceptions)))
        self.assertEqual(caught, [("v", 1), ("t", 1)])

    def test_except_star_naked(self):
        try:
            raise ValueError(1)
        except* ValueError as e:
            self.assertIsInstance(e, ExceptionGroup)
            self.assertIsInstance(e.exceptions[0], ValueError)


class PickleSupportTests(unittest.TestCase):

    def test_reduce(self):
        e = ValueError(1, 2)
        self.assertEqual(e.__reduce__(), (ValueError, (1, 2)))
        e.x = 5
        self.assertEqual(e.__reduce__(), (ValueError, (1, 2), {"x": 5}))
        f = ValueError()
        f.__setstate__({"y": 3})
        self.assertEqual(f.y, 3)


if __name__ == "__main__":
    unittest.main()
