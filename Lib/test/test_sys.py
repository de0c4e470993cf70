"""Tests for the sys module (Python/sysmodule.c)."""

import sys
import unittest


class SysAttributeTests(unittest.TestCase):

    def test_version_info(self):
        vi = sys.version_info
        self.assertEqual(vi[:2], (3, 13))
        self.assertEqual(vi.major, 3)
        self.assertEqual(vi.minor, 13)
        self.assertIn(vi.releaselevel, ('alpha', 'beta', 'candidate', 'final'))
        self.assertEqual(len(vi), 5)
        self.assertTrue(sys.version.startswith('3.13'))
        self.assertEqual(sys.hexversion >> 16, 0x030D)
        self.assertEqual(sys.api_version, 1013)

    def test_implementation(self):
        impl = sys.implementation
        self.assertIsInstance(impl.name, str)
        self.assertEqual(impl.version[:2], (3, 13))
        self.assertEqual(impl.hexversion, sys.hexversion)
        self.assertTrue(impl.cache_tag.endswith('313'))

    def test_platform_numbers(self):
        self.assertEqual(sys.platform, 'linux')
        self.assertEqual(sys.maxsize, 2**63 - 1)
        self.assertEqual(sys.maxunicode, 0x10FFFF)
        self.assertIn(sys.byteorder, ('little', 'big'))
        self.assertEqual(sys.float_repr_style, 'short')
        self.assertEqual(sys.getdefaultencoding(), 'utf-8')
        self.assertEqual(sys.getfilesystemencoding(), 'utf-8')

    def test_flags(self):
        flags = sys.flags
        self.assertEqual(len(flags), 18)
        for name in ('debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode',
                     'no_user_site', 'no_site', 'ignore_environment', 'verbose',
                     'bytes_warning', 'quiet', 'hash_randomization', 'isolated', 'dev_mode',
                     'utf8_mode', 'warn_default_encoding', 'safe_path',
                     'int_max_str_digits'):
            self.assertTrue(hasattr(flags, name), name)
        self.assertIsInstance(flags.dev_mode, bool)
        self.assertIsInstance(flags.safe_path, bool)

    def test_info_struct_sequences(self):
        self.assertEqual(sys.hash_info.width, 64)
        self.assertEqual(sys.hash_info.modulus, 2**61 - 1)
        self.assertEqual(sys.hash_info.inf, 314159)
        self.assertEqual(sys.hash_info.imag, 1000003)
        self.assertEqual(sys.float_info.mant_dig, 53)
        self.assertEqual(sys.int_info.default_max_str_digits, 4300)
        self.assertEqual(sys.thread_info.name, 'pthread')

    def test_paths_and_lists(self):
        self.assertIsInstance(sys.path, list)
        self.assertIsInstance(sys.argv, list)
        self.assertIsInstance(sys.orig_argv, list)
        self.assertIsInstance(sys.meta_path, list)
        self.assertIsInstance(sys.path_hooks, list)
        self.assertIsInstance(sys.path_importer_cache, dict)
        self.assertIsInstance(sys.warnoptions, list)
        self.assertIsInstance(sys._xoptions, dict)
        self.assertIsInstance(sys.executable, str)
        self.assertIsInstance(sys.prefix, str)
        self.assertIn('sys', sys.builtin_module_names)
        self.assertIn('builtins', sys.builtin_module_names)
        self.assertIn('os', sys.stdlib_module_names)
        self.assertIsInstance(sys.stdlib_module_names, frozenset)
        self.assertIs(sys.modules['sys'], sys)

    def test_std_streams(self):
        self.assertIs(sys.__stdout__, sys.__stdout__)
        for name in ('stdin', 'stdout', 'stderr'):
            stream = getattr(sys, '__%s__' % name)
            self.assertEqual(stream.fileno(), ('stdin', 'stdout', 'stderr').index(name))
        self.assertEqual(sys.__stdout__.encoding.lower().replace('-', ''), 'utf8')

    def test_hooks_present(self):
        self.assertIs(sys.__displayhook__, sys.__displayhook__)
        self.assertTrue(callable(sys.excepthook))
        self.assertTrue(callable(sys.__excepthook__))
        self.assertTrue(callable(sys.unraisablehook))
        self.assertTrue(callable(sys.breakpointhook))


class SysFunctionTests(unittest.TestCase):

    def test_exit(self):
        with self.assertRaises(SystemExit) as cm:
            sys.exit()
        self.assertIsNone(cm.exception.code)
        with self.assertRaises(SystemExit) as cm:
            sys.exit(3)
        self.assertEqual(cm.exception.code, 3)
        with self.assertRaises(SystemExit) as cm:
            sys.exit("msg")
        self.assertEqual(cm.exception.code, "msg")

    def test_getrefcount(self):
        x = object()
        base = sys.getrefcount(x)
        y = x
        self.assertEqual(sys.getrefcount(x), base + 1)
        del y

    def test_getsizeof(self):
        self.assertGreater(sys.getsizeof([]), 0)
        self.assertGreater(sys.getsizeof([1, 2, 3]), sys.getsizeof([]))
        self.assertEqual(sys.getsizeof(object(), 5), sys.getsizeof(object()))

        class NoSize:
            def __sizeof__(self):
                raise TypeError
        self.assertEqual(sys.getsizeof(NoSize(), 42), 42)

    def test_intern(self):
        s = "".join(["inter", "ned_string_x"])
        t = sys.intern(s)
        self.assertEqual(t, s)
        self.assertIs(sys.intern("".join(["inter", "ned_string_x"])), t)
        self.assertRaises(TypeError, sys.intern, 1)

    def test_exception_and_exc_info(self):
        self.assertIsNone(sys.exception())
        self.assertEqual(sys.exc_info(), (None, None, None))
        try:
            raise ValueError("v")
        except ValueError as e:
            self.assertIs(sys.exception(), e)
            t, v, tb = sys.exc_info()
            self.assertIs(t, ValueError)
            self.assertIs(v, e)
            self.assertIs(tb, e.__traceback__)
        self.assertIsNone(sys.exception())

    def test_getframe(self):
        def f():
            return sys._getframe()
        frame = f()
        self.assertEqual(frame.f_code.co_name, 'f')

        def g():
            return sys._getframe(1)
        self.assertEqual(g().f_code.co_name, 'test_getframe')
        self.assertRaises(ValueError, sys._getframe, 10**6)

    def test_recursionlimit(self):
        old = sys.getrecursionlimit()
        try:
            sys.setrecursionlimit(old + 100)
            self.assertEqual(sys.getrecursionlimit(), old + 100)
        finally:
            sys.setrecursionlimit(old)
        self.assertRaises(ValueError, sys.setrecursionlimit, 0)
        self.assertRaises(TypeError, sys.setrecursionlimit, 10.5)

    def test_recursion_error(self):
        def f():
            return f()
        with self.assertRaises(RecursionError):
            f()

    def test_switchinterval(self):
        old = sys.getswitchinterval()
        self.assertAlmostEqual(old, 0.005)
        try:
            sys.setswitchinterval(0.01)
            self.assertAlmostEqual(sys.getswitchinterval(), 0.01)
        finally:
            sys.setswitchinterval(old)
        self.assertRaises(ValueError, sys.setswitchinterval, 0.0)
        self.assertRaises(ValueError, sys.setswitchinterval, -1.0)

    def test_is_gil_enabled(self):
        self.assertIsInstance(sys._is_gil_enabled(), bool)

    def test_int_max_str_digits(self):
        old = sys.get_int_max_str_digits()
        try:
            sys.set_int_max_str_digits(1000)
            self.assertEqual(sys.get_int_max_str_digits(), 1000)
            sys.set_int_max_str_digits(0)
            self.assertEqual(sys.get_int_max_str_digits(), 0)
            with self.assertRaises(ValueError) as cm:
                sys.set_int_max_str_digits(100)
            self.assertEqual(str(cm.exception), "maxdigits must be 0 or larger than 640")
        finally:
            sys.set_int_max_str_digits(old)

    def test_trace_profile_store(self):
        def tracer(frame, event, arg):
            return None
        self.assertIsNone(sys.gettrace())
        old = sys.getprofile()
        self.assertIsNone(old)

    def test_displayhook(self):
        import builtins
        out = []

        class Out:
            def write(self, s):
                out.append(s)
        saved = sys.stdout
        try:
            sys.stdout = Out()
            sys.displayhook(42)
            sys.displayhook(None)
        finally:
            sys.stdout = saved
        self.assertEqual(''.join(out), '42\n')
        self.assertEqual(builtins._, 42)

    def test_excepthook_writes_traceback(self):
        err = []

        class Err:
            def write(self, s):
                err.append(s)

            def flush(self):
                pass
        saved = sys.stderr
        try:
            raise KeyError('k')
        except KeyError as e:
            exc = e
        try:
            sys.stderr = Err()
            sys.excepthook(type(exc), exc, exc.__traceback__)
        finally:
            sys.stderr = saved
        text = ''.join(err)
        self.assertTrue(text.startswith('Traceback (most recent call last):\n'))
        self.assertTrue(text.endswith("KeyError: 'k'\n"))

    def test_call_tracing(self):
        self.assertEqual(sys.call_tracing(max, (1, 2)), 2)

    def test_is_finalizing(self):
        self.assertFalse(sys.is_finalizing())

    def test_audit(self):
        sys.audit('braid.test', 1, 2)
        self.assertRaises(TypeError, sys.audit)


if __name__ == "__main__":
    unittest.main()
