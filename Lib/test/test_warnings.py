"""Tests for the warnings machinery (Python/_warnings.c, Lib/warnings.py)."""

import io
import os
import re
import sys
import unittest
import warnings


class WarningsTests(unittest.TestCase):

    def test_record_and_categories(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            warnings.warn("plain")
            warnings.warn("dep", DeprecationWarning)
            warnings.warn(RuntimeWarning("instance"))
        self.assertEqual([str(w.message) for w in log], ["plain", "dep", "instance"])
        self.assertEqual([w.category for w in log],
                         [UserWarning, DeprecationWarning, RuntimeWarning])
        self.assertEqual(log[0].filename, __file__)

    def test_error_action(self):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with self.assertRaises(UserWarning) as cm:
                warnings.warn("boom")
            self.assertEqual(str(cm.exception), "boom")

    def test_ignore_action(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("ignore")
            warnings.warn("quiet")
        self.assertEqual(log, [])

    def test_filter_by_message_and_category(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            warnings.filterwarnings("ignore", message="skip me", category=UserWarning)
            warnings.warn("skip me please")
            warnings.warn("keep me")
            warnings.warn("skip me", RuntimeWarning)
        self.assertEqual([str(w.message) for w in log], ["keep me", "skip me"])

    def test_default_action_once_per_location(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.resetwarnings()
            warnings.simplefilter("default")
            for _ in range(3):
                warnings.warn("repeated")
        self.assertEqual(len(log), 1)

    def test_stacklevel(self):
        def deprecated_api():
            warnings.warn("old api", DeprecationWarning, stacklevel=2)
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            deprecated_api()
            line = sys._getframe().f_lineno - 1
        self.assertEqual(log[0].lineno, line)

    def test_bad_category(self):
        with self.assertRaises(TypeError) as cm:
            warnings.warn("x", category=int)
        self.assertEqual(str(cm.exception), "category must be a Warning subclass, not 'type'")

    def test_formatwarning(self):
        text = warnings.formatwarning("msg", UserWarning, "file.py", 3, line="code()")
        self.assertEqual(text, "file.py:3: UserWarning: msg\n  code()\n")

    def test_invalid_action(self):
        self.assertRaises(ValueError, warnings.simplefilter, "bogus")

    def test_warn_explicit(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            warnings.warn_explicit("explicit", UserWarning, "somefile.py", 42)
        self.assertEqual((log[0].filename, log[0].lineno), ("somefile.py", 42))



def _warn_here(msg, category=UserWarning):
    warnings.warn(msg, category)


class FilterTests(unittest.TestCase):

    def test_filters_list_entries(self):
        with warnings.catch_warnings():
            warnings.resetwarnings()
            warnings.filterwarnings("error", message="abc", category=RuntimeWarning,
                                    module="mymod", lineno=12)
            action, msg, cat, mod, lineno = warnings.filters[0]
            self.assertEqual(action, "error")
            self.assertEqual(msg.pattern, "abc")
            self.assertIs(cat, RuntimeWarning)
            self.assertTrue(mod.match("mymod"))
            self.assertEqual(lineno, 12)
            warnings.simplefilter("ignore", DeprecationWarning)
            self.assertEqual(warnings.filters[0], ("ignore", None, DeprecationWarning,
                                                   None, 0))
            self.assertEqual(len(warnings.filters), 2)

    def test_filterwarnings_adds_without_duplicates(self):
        with warnings.catch_warnings():
            warnings.resetwarnings()
            warnings.simplefilter("ignore")
            warnings.simplefilter("error")
            warnings.simplefilter("ignore")
            self.assertEqual([f[0] for f in warnings.filters], ["ignore", "error"])

    def test_append_goes_last(self):
        with warnings.catch_warnings():
            warnings.resetwarnings()
            warnings.simplefilter("error")
            warnings.simplefilter("ignore", append=True)
            self.assertEqual([f[0] for f in warnings.filters], ["error", "ignore"])

    def test_message_regex_is_anchored_and_case_insensitive(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            warnings.filterwarnings("ignore", message=r"sp.m \d+")
            warnings.warn("SPAM 12 extra")
            warnings.warn("eggs spam 12")
        self.assertEqual([str(w.message) for w in log], ["eggs spam 12"])

    def test_module_regex_matches_at_start(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            warnings.filterwarnings("ignore", module=__name__[1:])
            warnings.warn("a")
            warnings.filterwarnings("ignore", module=re.escape(__name__[:3]))
            warnings.warn("b")
        self.assertEqual([str(w.message) for w in log], ["a"])

    def test_lineno_filter(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            line = sys._getframe().f_lineno + 2
            warnings.filterwarnings("ignore", lineno=line)
            warnings.warn("skipped")
            warnings.warn("kept")
        self.assertEqual([str(w.message) for w in log], ["kept"])

    def test_category_subclass_matches(self):
        class MyWarning(RuntimeWarning):
            pass
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            warnings.filterwarnings("ignore", category=RuntimeWarning)
            warnings.warn("mine", MyWarning)
            warnings.warn("user")
        self.assertEqual([str(w.message) for w in log], ["user"])

    def test_filterwarnings_argument_errors(self):
        with self.assertRaises(ValueError):
            warnings.filterwarnings("bogus")
        with self.assertRaises(TypeError):
            warnings.filterwarnings("ignore", message=3)
        with self.assertRaises(TypeError):
            warnings.filterwarnings("ignore", category=3)
        with self.assertRaises(ValueError):
            warnings.filterwarnings("ignore", lineno=-1)
        with self.assertRaises(ValueError):
            warnings.simplefilter("ignore", lineno=-1)

    def test_error_raises_the_instance(self):
        inst = RuntimeWarning("given")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with self.assertRaises(RuntimeWarning) as cm:
                warnings.warn(inst)
        self.assertIs(cm.exception, inst)

    def test_message_and_category_coercion(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            warnings.warn(42)
            warnings.warn(ValueError("v"), FutureWarning) if False else None
        self.assertEqual(str(log[0].message), "42")
        self.assertIs(log[0].category, UserWarning)
        self.assertIsInstance(log[0].message, UserWarning)


class CatchWarningsTests(unittest.TestCase):

    def test_restores_filters_and_showwarning(self):
        before = warnings.filters[:]
        orig_show = warnings.showwarning
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("error")
        self.assertEqual(warnings.filters, before)
        self.assertIs(warnings.showwarning, orig_show)

    def test_without_record_returns_none(self):
        with warnings.catch_warnings() as res:
            self.assertIsNone(res)

    def test_action_argument(self):
        with warnings.catch_warnings(action="error", category=RuntimeWarning):
            with self.assertRaises(RuntimeWarning):
                warnings.warn("r", RuntimeWarning)
        with warnings.catch_warnings(record=True, action="ignore") as log:
            warnings.warn("dropped")
        self.assertEqual(log, [])

    def test_cannot_enter_twice(self):
        cw = warnings.catch_warnings()
        with cw:
            with self.assertRaises(RuntimeError):
                cw.__enter__()

    def test_exit_without_enter(self):
        with self.assertRaises(RuntimeError):
            warnings.catch_warnings().__exit__()

    def test_repr(self):
        self.assertEqual(repr(warnings.catch_warnings()), "catch_warnings()")
        self.assertEqual(repr(warnings.catch_warnings(record=True)),
                         "catch_warnings(record=True)")

    def test_warning_message_fields(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            warnings.warn("fields", SyntaxWarning)
            line = sys._getframe().f_lineno - 1
        w = log[0]
        self.assertIsInstance(w, warnings.WarningMessage)
        self.assertIs(w.category, SyntaxWarning)
        self.assertEqual(w.lineno, line)
        self.assertIsNone(w.file)
        self.assertIsNone(w.line)
        self.assertIsNone(w.source)
        self.assertEqual(str(w), "{message : SyntaxWarning('fields'), category : "
                         "'SyntaxWarning', filename : %r, lineno : %d, line : None}"
                         % (__file__, line))


class RegistryTests(unittest.TestCase):

    def test_once_is_global_per_message(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("once")
            warnings.warn("one")
            warnings.warn("one")
            _warn_here("one")
            warnings.warn("two")
        self.assertEqual([str(w.message) for w in log], ["one", "two"])

    def test_module_action_once_per_module(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("module")
            warnings.warn("m")
            _warn_here("m")
            warnings.warn("m")
        self.assertEqual(len(log), 1)

    def test_default_once_per_line(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("default")
            for _ in range(2):
                warnings.warn("d")
                warnings.warn("d")
        self.assertEqual(len(log), 2)

    def test_always_every_time(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            for _ in range(3):
                warnings.warn("a")
        self.assertEqual(len(log), 3)

    def test_warn_explicit_registry(self):
        registry = {}
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("default")
            for _ in range(3):
                warnings.warn_explicit("x", UserWarning, "f.py", 1, registry=registry)
        self.assertEqual(len(log), 1)
        self.assertIn(("x", UserWarning, 1), registry)

    def test_warn_explicit_module_name_from_filename(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            warnings.filterwarnings("ignore", module="spam")
            warnings.warn_explicit("dropped", UserWarning, "spam.py", 3)
            warnings.warn_explicit("kept", UserWarning, "eggs.py", 3)
            warnings.warn_explicit("dropped2", UserWarning, "x.py", 3, module="spam")
        self.assertEqual([str(w.message) for w in log], ["kept"])

    def test_filters_change_resets_once_registry(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("default")
            for i in range(2):
                warnings.warn("r")
                warnings.simplefilter("default")
        self.assertEqual(len(log), 2)


class OutputTests(unittest.TestCase):

    def test_formatwarning_without_line_reads_source(self):
        text = warnings.formatwarning("m", RuntimeWarning, "/nonexistent/x.py", 1)
        self.assertEqual(text, "/nonexistent/x.py:1: RuntimeWarning: m\n")
        text = warnings.formatwarning("m", UserWarning, "f.py", 2, line="   spaced   ")
        self.assertEqual(text, "f.py:2: UserWarning: m\n  spaced\n")
        text = warnings.formatwarning("m", UserWarning, "f.py", 2, line="")
        self.assertEqual(text, "f.py:2: UserWarning: m\n")

    def test_formatwarning_reads_line_from_file(self):
        line = sys._getframe().f_lineno
        text = warnings.formatwarning("hi", UserWarning, __file__, line)
        self.assertEqual(text, "%s:%d: UserWarning: hi\n"
                         "  line = sys._getframe().f_lineno\n" % (__file__, line))

    def test_showwarning_to_file(self):
        buf = io.StringIO()
        warnings.showwarning("text", DeprecationWarning, "mod.py", 7, file=buf,
                             line="call()")
        self.assertEqual(buf.getvalue(), "mod.py:7: DeprecationWarning: text\n  call()\n")

    def test_default_output_goes_to_stderr(self):
        buf = io.StringIO()
        old = sys.stderr
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            sys.stderr = buf
            try:
                warnings.warn_explicit("to stderr", UserWarning, "where.py", 5)
            finally:
                sys.stderr = old
        self.assertEqual(buf.getvalue(), "where.py:5: UserWarning: to stderr\n")

    def test_replaced_showwarning_is_called(self):
        calls = []
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.showwarning = lambda *a, **k: calls.append(a[:4])
            warnings.warn_explicit("custom", UserWarning, "c.py", 9)
        self.assertEqual(len(calls), 1)
        self.assertEqual(str(calls[0][0]), "custom")
        self.assertEqual(calls[0][1:], (UserWarning, "c.py", 9))


class StackLevelTests(unittest.TestCase):

    def test_stacklevel_beyond_stack(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            warnings.warn("deep", stacklevel=1000)
        self.assertEqual(log[0].filename, "<sys>")
        self.assertEqual(log[0].lineno, 0)

    def test_stacklevel_three(self):
        def inner():
            warnings.warn("three", stacklevel=3)

        def middle():
            inner()
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            middle()
            line = sys._getframe().f_lineno - 1
        self.assertEqual(log[0].lineno, line)

    def test_skip_file_prefixes(self):
        def api():
            warnings.warn("skip", stacklevel=1,
                          skip_file_prefixes=(os.path.dirname(__file__),))
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            api()
        # Every frame in this directory is skipped, so the warning is
        # attributed to a caller outside it.
        self.assertFalse(log[0].filename.startswith(os.path.dirname(__file__)))

    def test_skip_file_prefixes_type_checked(self):
        with self.assertRaises(TypeError):
            warnings.warn("x", skip_file_prefixes=["not", "a", "tuple"])


class DeprecatedTests(unittest.TestCase):

    def test_deprecated_function(self):
        @warnings.deprecated("use g instead")
        def f(x):
            return x * 2
        self.assertEqual(f.__deprecated__, "use g instead")
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            self.assertEqual(f(4), 8)
            line = sys._getframe().f_lineno - 1
        self.assertEqual(len(log), 1)
        self.assertIs(log[0].category, DeprecationWarning)
        self.assertEqual(str(log[0].message), "use g instead")
        self.assertEqual(log[0].lineno, line)
        self.assertEqual(f.__name__, "f")

    def test_deprecated_class(self):
        @warnings.deprecated("old class", category=FutureWarning)
        class Old:
            def __init__(self, v):
                self.v = v
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            obj = Old(3)
        self.assertEqual(obj.v, 3)
        self.assertEqual(Old.__deprecated__, "old class")
        self.assertEqual([w.category for w in log], [FutureWarning])

    def test_deprecated_subclass_warns(self):
        @warnings.deprecated("base")
        class Base:
            pass
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")

            class Child(Base):
                pass
        self.assertEqual([str(w.message) for w in log], ["base"])

    def test_deprecated_class_arguments(self):
        @warnings.deprecated("plain")
        class Plain:
            pass

        @warnings.deprecated("custom new")
        class WithNew:
            def __new__(cls, x):
                obj = super().__new__(cls)
                obj.x = x
                return obj
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            self.assertIsInstance(Plain(), Plain)
            with self.assertRaises(TypeError):
                Plain(1)
            self.assertEqual(WithNew(5).x, 5)
        self.assertEqual(len(log), 3)

    def test_deprecated_coroutine_function(self):
        import inspect

        @warnings.deprecated("async api")
        async def coro():
            return 1
        self.assertTrue(inspect.iscoroutinefunction(coro))

    def test_deprecated_keeps_init_subclass(self):
        @warnings.deprecated("dep")
        class Base:
            def __init_subclass__(cls, **kwargs):
                cls.kwargs = kwargs
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")

            class Child(Base, flag=1):
                pass
        self.assertEqual(Child.kwargs, {"flag": 1})
        self.assertEqual(len(log), 1)

    def test_source_passed_to_warning_message(self):
        marker = object()
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            warnings.warn("with source", source=marker)
        self.assertIs(log[0].source, marker)

    def test_deprecated_category_none(self):
        @warnings.deprecated("silent", category=None)
        def f():
            return 1
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter("always")
            f()
        self.assertEqual(log, [])
        self.assertEqual(f.__deprecated__, "silent")

    def test_deprecated_bad_arguments(self):
        with self.assertRaises(TypeError) as cm:
            warnings.deprecated(42)
        self.assertEqual(str(cm.exception),
                         "Expected an object of type str for 'message', not 'int'")
        with self.assertRaises(TypeError):
            warnings.deprecated("m")(42)


class OptionTests(unittest.TestCase):
    """The -W option syntax, as parsed by warnings._setoption()."""

    def filter_for(self, option):
        with warnings.catch_warnings():
            warnings._setoption(option)
            return warnings.filters[0]

    def test_full_option(self):
        action, msg, cat, mod, lineno = self.filter_for('error:msg.*:UserWarning:mod.x:12')
        self.assertEqual(action, 'error')
        self.assertEqual(msg.pattern, re.escape('msg.*'))
        self.assertTrue(msg.flags & re.IGNORECASE)
        self.assertIs(cat, UserWarning)
        self.assertEqual(mod.pattern, re.escape('mod.x') + r'\Z')
        self.assertEqual(lineno, 12)

    def test_defaults_and_prefixes(self):
        self.assertEqual(self.filter_for('error'), ('error', None, Warning, None, 0))
        self.assertEqual(self.filter_for('ignore::DeprecationWarning'),
                         ('ignore', None, DeprecationWarning, None, 0))
        for short, full in (('d', 'default'), ('a', 'always'), ('all', 'always'),
                            ('m', 'module'), ('o', 'once'), ('e', 'error'), ('i', 'ignore')):
            with self.subTest(short=short):
                self.assertEqual(self.filter_for(short)[0], full)
        self.assertEqual(self.filter_for('error:: DeprecationWarning : mod ')[3].pattern,
                         r'mod\Z')

    def test_errors(self):
        cases = {
            'a:b:c:d:e:f': "too many fields (max 5): 'a:b:c:d:e:f'",
            'bogus': "invalid action: 'bogus'",
            'error::NoSuch': "unknown warning category: 'NoSuch'",
            'error::int': "invalid warning category: 'int'",
            'error::collections.OrderedDict':
                "invalid warning category: 'collections.OrderedDict'",
            'error::nonexistentmod.Foo': "invalid module name: 'nonexistentmod'",
            'error:::m:x': "invalid lineno 'x'",
            'error:::m:-1': 'invalid lineno -1',
        }
        for option, message in cases.items():
            with self.subTest(option=option):
                with self.assertRaises(warnings._OptionError) as cm:
                    warnings._setoption(option)
                self.assertEqual(str(cm.exception), message)

    def test_processoptions_reports_bad_ones(self):
        buf = io.StringIO()
        old = sys.stderr
        with warnings.catch_warnings():
            sys.stderr = buf
            try:
                warnings._processoptions(['bogus', 'error::NoSuch', 'ignore'])
            finally:
                sys.stderr = old
            self.assertEqual(warnings.filters[0][0], 'ignore')
        self.assertEqual(buf.getvalue(),
                         "Invalid -W option ignored: invalid action: 'bogus'\n"
                         "Invalid -W option ignored: unknown warning category: 'NoSuch'\n")

    def test_message_option_is_literal_prefix(self):
        with warnings.catch_warnings(record=True) as log:
            warnings.simplefilter('always')
            warnings._setoption('ignore:A.B')
            warnings.warn('a.b and more')
            warnings.warn('axb')
        self.assertEqual([str(w.message) for w in log], ['axb'])


if __name__ == "__main__":
    unittest.main()
