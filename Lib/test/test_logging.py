"""Tests for the logging package and logging.handlers."""

import io
import os
import sys
import time
import queue
import unittest
import warnings

import threading

import logging
import logging.config
import logging.handlers


def _make_temp_dir():
    base = os.environ.get("TMPDIR", "/tmp")
    n = 0
    while True:
        path = os.path.join(base, "braid_test_logging_%d_%d" % (os.getpid(), n))
        try:
            os.mkdir(path)
            return path
        except FileExistsError:
            n += 1


def _remove_tree(path):
    for name in os.listdir(path):
        os.remove(os.path.join(path, name))
    os.rmdir(path)


class BaseTest(unittest.TestCase):
    """Save the logging state in setUp and restore it in tearDown."""

    def setUp(self):
        self.saved_handlers = logging._handlers.copy()
        self.saved_handler_list = logging._handlerList[:]
        self.saved_loggers = logging.root.manager.loggerDict.copy()
        self.saved_logger_state = [
            (lg, lg.disabled, lg.level, lg.propagate, lg.handlers[:])
            for lg in self.saved_loggers.values() if isinstance(lg, logging.Logger)]
        self.saved_name_to_level = logging._nameToLevel.copy()
        self.saved_level_to_name = logging._levelToName.copy()
        self.root = logging.getLogger()
        self.saved_root_handlers = self.root.handlers[:]
        self.saved_root_level = self.root.level
        self.saved_disable = logging.root.manager.disable
        self.saved_last_resort = logging.lastResort
        self.saved_raise = logging.raiseExceptions
        for h in self.root.handlers[:]:
            self.root.removeHandler(h)
        self.stream = io.StringIO()
        self.handler = logging.StreamHandler(self.stream)
        self.handler.setFormatter(logging.Formatter("%(name)s:%(levelname)s:%(message)s"))
        self.root.addHandler(self.handler)
        self.root.setLevel(logging.DEBUG)

    def tearDown(self):
        self.root.removeHandler(self.handler)
        self.handler.close()
        for h in self.root.handlers[:]:
            self.root.removeHandler(h)
        for h in self.saved_root_handlers:
            self.root.addHandler(h)
        self.root.setLevel(self.saved_root_level)
        logging.disable(self.saved_disable)
        logging.lastResort = self.saved_last_resort
        logging.raiseExceptions = self.saved_raise
        with logging._lock:
            logging._handlers.clear()
            logging._handlers.update(self.saved_handlers)
            logging._handlerList[:] = self.saved_handler_list
            logging._nameToLevel.clear()
            logging._nameToLevel.update(self.saved_name_to_level)
            logging._levelToName.clear()
            logging._levelToName.update(self.saved_level_to_name)
            logging.root.manager.loggerDict.clear()
            logging.root.manager.loggerDict.update(self.saved_loggers)
            for lg, disabled, level, propagate, handlers in self.saved_logger_state:
                lg.disabled = disabled
                lg.level = level
                lg.propagate = propagate
                lg.handlers[:] = handlers
        logging.root.manager._clear_cache()

    def output(self):
        return self.stream.getvalue()


class LevelTests(BaseTest):

    def test_constants(self):
        self.assertEqual((logging.NOTSET, logging.DEBUG, logging.INFO, logging.WARNING,
                          logging.ERROR, logging.CRITICAL), (0, 10, 20, 30, 40, 50))
        self.assertEqual(logging.WARN, logging.WARNING)
        self.assertEqual(logging.FATAL, logging.CRITICAL)

    def test_get_level_name(self):
        self.assertEqual(logging.getLevelName(logging.INFO), "INFO")
        self.assertEqual(logging.getLevelName("INFO"), logging.INFO)
        self.assertEqual(logging.getLevelName("WARN"), logging.WARNING)
        self.assertEqual(logging.getLevelName(logging.NOTSET), "NOTSET")
        self.assertEqual(logging.getLevelName(17), "Level 17")
        self.assertEqual(logging.getLevelName("nope"), "Level nope")

    def test_add_level_name(self):
        logging.addLevelName(15, "VERBOSE")
        self.assertEqual(logging.getLevelName(15), "VERBOSE")
        self.assertEqual(logging.getLevelName("VERBOSE"), 15)
        self.assertEqual(logging.getLevelNamesMapping()["VERBOSE"], 15)
        logger = logging.getLogger("levels")
        logger.log(15, "hello")
        self.assertEqual(self.output(), "levels:VERBOSE:hello\n")

    def test_mapping_is_copy(self):
        m = logging.getLevelNamesMapping()
        m["X"] = 1
        self.assertNotIn("X", logging.getLevelNamesMapping())
        self.assertEqual(m["FATAL"], 50)

    def test_set_level_checks(self):
        logger = logging.getLogger("levels.check")
        logger.setLevel("INFO")
        self.assertEqual(logger.level, logging.INFO)
        with self.assertRaises(ValueError) as cm:
            logger.setLevel("BOGUS")
        self.assertEqual(str(cm.exception), "Unknown level: 'BOGUS'")
        with self.assertRaises(TypeError) as cm:
            logger.setLevel(1.5)
        self.assertEqual(str(cm.exception), "Level not an integer or a valid string: 1.5")


class HierarchyTests(BaseTest):

    def test_get_logger_same_object(self):
        a = logging.getLogger("hier.a")
        self.assertIs(a, logging.getLogger("hier.a"))
        self.assertIs(logging.getLogger(), logging.root)
        self.assertIs(logging.getLogger("root"), logging.root)
        self.assertIs(logging.getLogger(""), logging.root)

    def test_name_must_be_str(self):
        with self.assertRaises(TypeError) as cm:
            logging.getLogger(42)
        self.assertEqual(str(cm.exception), "A logger name must be a string")

    def test_parents_and_placeholders(self):
        child = logging.getLogger("hier.p.q.r")
        self.assertIs(child.parent, logging.root)
        self.assertIsInstance(logging.root.manager.loggerDict["hier.p.q"],
                              logging.PlaceHolder)
        middle = logging.getLogger("hier.p")
        self.assertIs(child.parent, middle)
        self.assertIs(middle.parent, logging.root)
        inner = logging.getLogger("hier.p.q")
        self.assertIs(child.parent, inner)
        self.assertIs(inner.parent, middle)

    def test_get_child_and_children(self):
        parent = logging.getLogger("hier.c")
        c1 = parent.getChild("x")
        self.assertEqual(c1.name, "hier.c.x")
        c2 = parent.getChild("y.z")
        self.assertIs(c2.parent, parent)
        self.assertEqual(parent.getChildren(), {c1})
        self.assertIs(logging.root.getChild("hier.c"), parent)
        # Only dotless names are children of the root.
        self.assertNotIn(parent, logging.root.getChildren())
        self.assertIn(logging.getLogger("hierc"), logging.root.getChildren())

    def test_effective_level_and_propagate(self):
        parent = logging.getLogger("hier.e")
        child = logging.getLogger("hier.e.f")
        parent.setLevel(logging.ERROR)
        self.assertEqual(child.getEffectiveLevel(), logging.ERROR)
        child.warning("dropped")
        child.error("kept")
        self.assertEqual(self.output(), "hier.e.f:ERROR:kept\n")
        child.propagate = False
        logging.lastResort = logging.NullHandler()
        child.error("not propagated")
        self.assertEqual(self.output(), "hier.e.f:ERROR:kept\n")
        self.assertFalse(child.hasHandlers())
        child.propagate = True
        self.assertTrue(child.hasHandlers())

    def test_is_enabled_for_cache_cleared(self):
        logger = logging.getLogger("hier.cache")
        self.assertTrue(logger.isEnabledFor(logging.DEBUG))
        self.assertIn(logging.DEBUG, logger._cache)
        logging.root.setLevel(logging.INFO)
        self.assertEqual(logger._cache, {})
        self.assertFalse(logger.isEnabledFor(logging.DEBUG))

    def test_disable(self):
        logger = logging.getLogger("hier.dis")
        logging.disable(logging.INFO)
        logger.info("no")
        logger.warning("yes")
        logging.disable(logging.NOTSET)
        logger.info("again")
        self.assertEqual(self.output(), "hier.dis:WARNING:yes\nhier.dis:INFO:again\n")
        logging.disable()
        self.assertEqual(logging.root.manager.disable, logging.CRITICAL)

    def test_repr(self):
        logger = logging.getLogger("hier.repr")
        logger.setLevel(logging.INFO)
        self.assertEqual(repr(logger), "<Logger hier.repr (INFO)>")
        self.assertEqual(repr(logging.root), "<RootLogger root (DEBUG)>")

    def test_logger_class(self):
        class MyLogger(logging.Logger):
            pass
        self.assertIs(logging.getLoggerClass(), logging.Logger)
        logging.setLoggerClass(MyLogger)
        try:
            self.assertIsInstance(logging.getLogger("hier.mine"), MyLogger)
        finally:
            logging.setLoggerClass(logging.Logger)
        with self.assertRaises(TypeError) as cm:
            logging.setLoggerClass(int)
        self.assertEqual(str(cm.exception), "logger not derived from logging.Logger: int")


class LoggerMethodTests(BaseTest):

    def test_all_levels(self):
        logger = logging.getLogger("meth")
        logger.debug("d")
        logger.info("i")
        logger.warning("w")
        logger.error("e")
        logger.critical("c")
        logger.fatal("f")
        logger.log(logging.INFO, "l %d", 3)
        self.assertEqual(self.output(),
                         "meth:DEBUG:d\nmeth:INFO:i\nmeth:WARNING:w\nmeth:ERROR:e\n"
                         "meth:CRITICAL:c\nmeth:CRITICAL:f\nmeth:INFO:l 3\n")

    def test_warn_deprecated(self):
        logger = logging.getLogger("meth.warn")
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            logger.warn("old")
        self.assertEqual(len(w), 1)
        self.assertIs(w[0].category, DeprecationWarning)
        self.assertEqual(self.output(), "meth.warn:WARNING:old\n")

    def test_log_level_type(self):
        logger = logging.getLogger("meth.lvl")
        with self.assertRaises(TypeError) as cm:
            logger.log("INFO", "x")
        self.assertEqual(str(cm.exception), "level must be an integer")

    def test_exception(self):
        logger = logging.getLogger("meth.exc")
        try:
            raise ValueError("bad value")
        except ValueError:
            logger.exception("caught %s", "it")
        out = self.output()
        self.assertTrue(out.startswith("meth.exc:ERROR:caught it\nTraceback"))
        self.assertIn("ValueError: bad value", out)

    def test_exc_info_instance(self):
        logger = logging.getLogger("meth.exc2")
        records = []
        h = logging.Handler()
        h.emit = records.append
        logger.addHandler(h)
        err = KeyError("k")
        logger.error("x", exc_info=err)
        logger.removeHandler(h)
        self.assertEqual(records[0].exc_info[0], KeyError)
        self.assertIs(records[0].exc_info[1], err)

    def test_extra(self):
        logger = logging.getLogger("meth.extra")
        self.handler.setFormatter(logging.Formatter("%(user)s %(message)s"))
        logger.info("hi", extra={"user": "bob"})
        self.assertEqual(self.output(), "bob hi\n")
        for key in ("message", "asctime", "levelname"):
            with self.assertRaises(KeyError) as cm:
                logger.info("hi", extra={key: 1})
            self.assertEqual(cm.exception.args[0],
                             "Attempt to overwrite %r in LogRecord" % key)

    def test_find_caller(self):
        logger = logging.getLogger("meth.caller")
        records = []
        h = logging.Handler()
        h.emit = records.append
        logger.addHandler(h)

        def inner():
            logger.info("from inner")
            logger.info("from outer", stacklevel=2)

        def outer():
            inner()

        outer()
        logger.removeHandler(h)
        self.assertEqual(records[0].funcName, "inner")
        self.assertEqual(records[1].funcName, "outer")
        self.assertEqual(records[0].filename, os.path.basename(__file__))
        self.assertEqual(records[0].module, "test_logging")
        self.assertEqual(records[1].lineno, records[0].lineno + 4)

    def test_stack_info(self):
        logger = logging.getLogger("meth.stack")
        logger.info("s", stack_info=True)
        out = self.output()
        self.assertTrue(out.startswith("meth.stack:INFO:s\nStack (most recent call last):\n"))
        self.assertIn("test_stack_info", out)

    def test_make_record(self):
        logger = logging.getLogger("meth.make")
        r = logger.makeRecord("n", logging.INFO, "/a/b/c.py", 7, "m %s", ("x",), None,
                              func="f", extra={"k": 1})
        self.assertEqual((r.name, r.levelno, r.levelname, r.pathname, r.filename,
                          r.module, r.lineno, r.funcName, r.k),
                         ("n", 20, "INFO", "/a/b/c.py", "c.py", "c", 7, "f", 1))
        self.assertEqual(r.getMessage(), "m x")

    def test_logger_filter(self):
        logger = logging.getLogger("meth.filt")
        logger.addFilter(lambda r: "keep" in r.msg)
        logger.info("drop me")
        logger.info("keep me")
        self.assertEqual(self.output(), "meth.filt:INFO:keep me\n")

    def test_filter_replaces_record(self):
        logger = logging.getLogger("meth.repl")

        def replace(record):
            new = logging.makeLogRecord(record.__dict__)
            new.msg = "replaced"
            return new
        logger.addFilter(replace)
        logger.info("original")
        self.assertEqual(self.output(), "meth.repl:INFO:replaced\n")

    def test_disabled_logger(self):
        logger = logging.getLogger("meth.off")
        logger.disabled = True
        logger.critical("never")
        self.assertFalse(logger.isEnabledFor(logging.CRITICAL))
        self.assertEqual(self.output(), "")


class LogRecordTests(BaseTest):

    def test_attributes(self):
        r = logging.LogRecord("rec", logging.WARNING, "/x/mod.py", 3, "hi %s", ("a",),
                              None, "fn", None)
        for name in ("name", "msg", "args", "levelname", "levelno", "pathname",
                     "filename", "module", "exc_info", "exc_text", "stack_info",
                     "lineno", "funcName", "created", "msecs", "relativeCreated",
                     "thread", "threadName", "processName", "process", "taskName"):
            self.assertTrue(hasattr(r, name), name)
        self.assertEqual(r.process, os.getpid())
        self.assertEqual(r.threadName, "MainThread")
        self.assertEqual(r.processName, "MainProcess")
        self.assertIsNone(r.taskName)
        self.assertIsInstance(r.msecs, float)
        self.assertTrue(0 <= r.msecs < 1000)
        self.assertAlmostEqual(r.created, time.time(), delta=60)
        self.assertTrue(r.relativeCreated > 0)

    def test_get_message(self):
        r = logging.LogRecord("n", 20, "p", 1, "%(a)s-%(b)s", ({"a": 1, "b": 2},),
                              None)
        self.assertEqual(r.args, {"a": 1, "b": 2})
        self.assertEqual(r.getMessage(), "1-2")
        r = logging.LogRecord("n", 20, "p", 1, "no args", (), None)
        self.assertEqual(r.getMessage(), "no args")
        r = logging.LogRecord("n", 20, "p", 1, 42, (), None)
        self.assertEqual(r.getMessage(), "42")
        r = logging.LogRecord("n", 20, "p", 1, "%s", ({},), None)
        self.assertEqual(r.args, ({},))
        self.assertEqual(r.getMessage(), "{}")

    def test_repr(self):
        r = logging.LogRecord("n", 20, "p.py", 5, "msg", (), None)
        self.assertEqual(repr(r), '<LogRecord: n, 20, p.py, 5, "msg">')

    def test_make_log_record_and_factory(self):
        r = logging.makeLogRecord({"msg": "m", "custom": 3})
        self.assertEqual(r.msg, "m")
        self.assertEqual(r.custom, 3)
        old = logging.getLogRecordFactory()
        self.assertIs(old, logging.LogRecord)

        def factory(*args, **kwargs):
            rec = old(*args, **kwargs)
            rec.tag = "T"
            return rec
        logging.setLogRecordFactory(factory)
        try:
            self.handler.setFormatter(logging.Formatter("%(tag)s %(message)s"))
            logging.getLogger("rec.f").info("x")
        finally:
            logging.setLogRecordFactory(old)
        self.assertEqual(self.output(), "T x\n")


class FormatterTests(BaseTest):

    def record(self, msg="message", args=()):
        r = logging.LogRecord("fmt", logging.INFO, "/p/f.py", 9, msg, args, None, "fn")
        r.created = 0.5
        r.msecs = 500.0
        return r

    def test_default(self):
        self.assertEqual(logging.Formatter().format(self.record("a %d", (1,))), "a 1")

    def test_styles(self):
        r = self.record()
        self.assertEqual(logging.Formatter("%(levelname)s|%(message)s").format(r),
                         "INFO|message")
        self.assertEqual(logging.Formatter("{levelname}|{message}", style="{").format(r),
                         "INFO|message")
        self.assertEqual(logging.Formatter("$levelname|${message}", style="$").format(r),
                         "INFO|message")
        self.assertEqual(logging.Formatter("{lineno:>4}", style="{").format(r), "   9")

    def test_defaults(self):
        f = logging.Formatter("%(custom)s %(message)s", defaults={"custom": "D"})
        self.assertEqual(f.format(self.record()), "D message")
        f = logging.Formatter("{custom} {message}", style="{", defaults={"custom": "E"})
        self.assertEqual(f.format(self.record()), "E message")

    def test_validation(self):
        with self.assertRaises(ValueError) as cm:
            logging.Formatter("no fields")
        self.assertEqual(str(cm.exception), "Invalid format 'no fields' for '%' style")
        with self.assertRaises(ValueError) as cm:
            logging.Formatter("%(message)")
        self.assertEqual(str(cm.exception), "Invalid format '%(message)' for '%' style")
        with self.assertRaises(ValueError):
            logging.Formatter("{}", style="{")
        with self.assertRaises(ValueError):
            logging.Formatter("no fields", style="{")
        with self.assertRaises(ValueError):
            logging.Formatter("no fields", style="$")
        with self.assertRaises(ValueError):
            logging.Formatter("${message", style="$")
        with self.assertRaises(ValueError) as cm:
            logging.Formatter("%(message)s", style="x")
        self.assertEqual(str(cm.exception), "Style must be one of: %,{,$")
        # validate=False accepts anything.
        self.assertEqual(logging.Formatter("plain", validate=False).format(self.record()),
                         "plain")

    def check_formats(self, style, cases):
        for fmt, error in cases:
            with self.subTest(style=style, fmt=fmt):
                if error is None:
                    self.assertEqual(logging.Formatter(fmt, style=style)._fmt, fmt)
                else:
                    with self.assertRaises(ValueError) as cm:
                        logging.Formatter(fmt, style=style)
                    self.assertEqual(str(cm.exception), error)

    def test_percent_validation_table(self):
        def bad(fmt):
            return "Invalid format '%s' for '%%' style" % fmt
        self.check_formats("%", [
            ("%(a b)s", bad("%(a b)s")), ("%%(a)s", None), ("%()s", bad("%()s")),
            ("%(a)%", None), ("%(a)E", None), ("%(a)X", None), ("%(a)*.*d", None),
            ("%(a)#-+ 0d", None), ("%(a)10.d", bad("%(a)10.d")), ("%(a)-s", None),
            ("%(a)s %", None), ("%(a) %(b)s", None), ("%(a)5z", bad("%(a)5z")),
        ])

    def test_brace_validation_table(self):
        self.check_formats("{", [
            ("{a!r}", None), ("{a:>10}", None),
            ("{a:zz}", "invalid format: bad specifier: 'zz'"),
            ("{a[0].b}", None),
            ("{a.}", "invalid format: invalid field name/expression: 'a.'"),
            ("{0a}", None), ("{a:{b}}", None), ("{a} {}", None),
            ("{a-b}", "invalid format: invalid field name/expression: 'a-b'"),
            ("{ a}", "invalid format: invalid field name/expression: ' a'"),
            ("{a:<{b}d}", None), ("{a:,}", None), ("{a:+08.3f}", None),
            ("{a:%Y}", "invalid format: bad specifier: '%Y'"),
            ("{a!x}", "invalid format: invalid conversion: 'x'"),
            ("{}", "invalid format: no fields"),
        ])

    def test_brace_unclosed_index(self):
        self.check_formats("{", [
            ("{a[}", "invalid format: expected '}' before end of string"),
        ])

    def test_dollar_validation_table(self):
        bare = "invalid format: bare '$' not allowed"
        self.check_formats("$", [
            ("$a", None), ("${a}", None), ("$_", None), ("$a and $$", None),
            ("$$", "invalid format: no fields"), ("$$a", "invalid format: no fields"),
            ("$1", bare), ("${1}", bare), ("${a b}", bare), ("x$", bare),
            ("$a$", bare), ("${}", bare), ("${a", bare),
        ])

    def test_missing_field(self):
        f = logging.Formatter("%(nothere)s")
        with self.assertRaises(ValueError) as cm:
            f.format(self.record())
        self.assertEqual(str(cm.exception),
                         "Formatting field not found in record: 'nothere'")

    def test_format_time(self):
        r = self.record()
        f = logging.Formatter("%(asctime)s")
        self.assertTrue(f.usesTime())
        self.assertFalse(logging.Formatter("%(message)s").usesTime())
        self.assertTrue(logging.Formatter("{asctime}", style="{").usesTime())
        self.assertTrue(logging.Formatter("$asctime", style="$").usesTime())
        expected = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(0.5)) + ",500"
        self.assertEqual(f.formatTime(r), expected)
        self.assertEqual(f.format(r), expected)
        self.assertEqual(f.formatTime(r, "%Y"), time.strftime("%Y", time.localtime(0.5)))
        self.assertEqual(logging.Formatter.default_time_format, "%Y-%m-%d %H:%M:%S")
        self.assertEqual(logging.Formatter.default_msec_format, "%s,%03d")

    def test_converter_gmtime(self):
        f = logging.Formatter("%(asctime)s", datefmt="%Y-%m-%d %H:%M:%S")
        f.converter = time.gmtime
        self.assertEqual(f.format(self.record()), "1970-01-01 00:00:00")

    def test_format_exception_and_stack(self):
        try:
            1 / 0
        except ZeroDivisionError:
            ei = sys.exc_info()
        f = logging.Formatter()
        text = f.formatException(ei)
        self.assertTrue(text.startswith("Traceback (most recent call last):"))
        self.assertTrue(text.endswith("ZeroDivisionError: division by zero"))
        r = self.record()
        r.exc_info = ei
        out = f.format(r)
        self.assertEqual(out, "message\n" + text)
        self.assertEqual(r.exc_text, text)
        self.assertEqual(f.formatStack("stack"), "stack")
        r2 = self.record()
        r2.stack_info = "Stack here"
        self.assertEqual(f.format(r2), "message\nStack here")

    def test_buffering_formatter(self):
        class Boxed(logging.BufferingFormatter):
            def formatHeader(self, records):
                return "[%d:" % len(records)

            def formatFooter(self, records):
                return "]"
        recs = [self.record("a"), self.record("b")]
        self.assertEqual(logging.BufferingFormatter().format(recs), "ab")
        self.assertEqual(logging.BufferingFormatter().format([]), "")
        self.assertEqual(Boxed(logging.Formatter("<%(message)s>")).format(recs),
                         "[2:<a><b>]")


class FilterTests(BaseTest):

    def test_name_prefix(self):
        f = logging.Filter("a.b")

        def rec(name):
            return logging.LogRecord(name, 20, "p", 1, "m", (), None)
        self.assertTrue(f.filter(rec("a.b")))
        self.assertTrue(f.filter(rec("a.b.c")))
        self.assertFalse(f.filter(rec("a.bc")))
        self.assertFalse(f.filter(rec("a")))
        self.assertFalse(f.filter(rec("x.a.b")))
        self.assertTrue(logging.Filter().filter(rec("anything")))

    def test_handler_filter(self):
        self.handler.addFilter(logging.Filter("filt.yes"))
        logging.getLogger("filt.yes.sub").info("1")
        logging.getLogger("filt.no").info("2")
        self.assertEqual(self.output(), "filt.yes.sub:INFO:1\n")
        f = self.handler.filters[0]
        self.handler.addFilter(f)
        self.assertEqual(len(self.handler.filters), 1)
        self.handler.removeFilter(f)
        self.assertEqual(self.handler.filters, [])


class HandlerTests(BaseTest):

    def test_level_and_repr(self):
        h = logging.StreamHandler(io.StringIO())
        self.assertEqual(repr(h), "<StreamHandler (NOTSET)>")
        h.setLevel("ERROR")
        self.assertEqual(h.level, logging.ERROR)
        h.close()
        h2 = logging.StreamHandler(sys.stderr)
        self.assertEqual(repr(h2), "<StreamHandler <stderr> (NOTSET)>")
        self.assertEqual(repr(logging.Handler()), "<Handler (NOTSET)>")

    def test_handler_level(self):
        self.handler.setLevel(logging.WARNING)
        logger = logging.getLogger("hl")
        logger.info("low")
        logger.warning("high")
        self.assertEqual(self.output(), "hl:WARNING:high\n")

    def test_emit_not_implemented(self):
        with self.assertRaises(NotImplementedError):
            logging.Handler().emit(None)

    def test_lock(self):
        h = logging.Handler()
        h.acquire()
        h.release()
        with h.lock:
            pass

    def test_names(self):
        h = logging.Handler()
        h.name = "my-handler"
        self.assertIs(logging.getHandlerByName("my-handler"), h)
        self.assertIn("my-handler", logging.getHandlerNames())
        h.close()
        self.assertIsNone(logging.getHandlerByName("my-handler"))

    def test_terminator_and_set_stream(self):
        self.handler.terminator = "|"
        logging.getLogger("term").info("a")
        new = io.StringIO()
        old = self.handler.setStream(new)
        self.assertIs(old, self.stream)
        self.assertIsNone(self.handler.setStream(new))
        logging.getLogger("term").info("b")
        self.assertEqual(self.stream.getvalue(), "term:INFO:a|")
        self.assertEqual(new.getvalue(), "term:INFO:b|")

    def test_class_getitem(self):
        alias = logging.StreamHandler[io.StringIO]
        self.assertIs(alias.__origin__, logging.StreamHandler)
        self.assertIs(logging.LoggerAdapter[logging.Logger].__origin__,
                      logging.LoggerAdapter)

    def test_handle_error(self):
        err = io.StringIO()
        saved = sys.stderr
        sys.stderr = err
        try:
            logging.getLogger("err").info("%d", "not a number")
        finally:
            sys.stderr = saved
        text = err.getvalue()
        self.assertTrue(text.startswith("--- Logging error ---\n"))
        self.assertIn("TypeError", text)
        self.assertIn("Message: '%d'\nArguments: ('not a number',)\n", text)
        self.assertEqual(self.output(), "")

    def test_handle_error_silent(self):
        logging.raiseExceptions = False
        err = io.StringIO()
        saved = sys.stderr
        sys.stderr = err
        try:
            logging.getLogger("err2").info("%d", "x")
        finally:
            sys.stderr = saved
        self.assertEqual(err.getvalue(), "")

    def test_null_handler(self):
        logger = logging.getLogger("null")
        logger.propagate = False
        logger.addHandler(logging.NullHandler())
        err = io.StringIO()
        saved = sys.stderr
        sys.stderr = err
        try:
            logger.error("quiet")
        finally:
            sys.stderr = saved
        self.assertEqual(err.getvalue(), "")

    def test_last_resort(self):
        logger = logging.getLogger("lr")
        logger.propagate = False
        err = io.StringIO()
        saved = sys.stderr
        sys.stderr = err
        try:
            logger.info("info is below WARNING")
            logger.warning("to stderr")
        finally:
            sys.stderr = saved
        self.assertEqual(err.getvalue(), "to stderr\n")

    def test_no_last_resort(self):
        logging.lastResort = None
        logger = logging.getLogger("nolr")
        logger.propagate = False
        err = io.StringIO()
        saved_flag = logger.manager.emittedNoHandlerWarning
        saved = sys.stderr
        sys.stderr = err
        try:
            logger.manager.emittedNoHandlerWarning = False
            logger.warning("x")
            logger.warning("y")
        finally:
            sys.stderr = saved
            logger.manager.emittedNoHandlerWarning = saved_flag
        self.assertEqual(err.getvalue(), 'No handlers could be found for logger "nolr"\n')


class FileHandlerTests(BaseTest):

    def setUp(self):
        super().setUp()
        self.dir = _make_temp_dir()
        self.path = os.path.join(self.dir, "log.txt")

    def tearDown(self):
        _remove_tree(self.dir)
        super().tearDown()

    def read(self, path=None):
        with open(path or self.path, encoding="utf-8") as f:
            return f.read()

    def test_basic(self):
        h = logging.FileHandler(self.path, encoding="utf-8")
        self.assertEqual(h.baseFilename, os.path.abspath(self.path))
        self.assertEqual(h.mode, "a")
        logger = logging.getLogger("file")
        logger.addHandler(h)
        logger.propagate = False
        logger.warning("line one")
        logger.removeHandler(h)
        h.close()
        self.assertEqual(self.read(), "line one\n")
        self.assertIsNone(h.stream)

    def test_delay_and_mode(self):
        h = logging.FileHandler(self.path, mode="w", encoding="utf-8", delay=True)
        self.assertIsNone(h.stream)
        self.assertFalse(os.path.exists(self.path))
        h.handle(logging.makeLogRecord({"msg": "delayed", "levelno": 20}))
        h.close()
        self.assertEqual(self.read(), "delayed\n")

    def test_rotating(self):
        h = logging.handlers.RotatingFileHandler(self.path, maxBytes=20, backupCount=2,
                                                 encoding="utf-8")
        for i in range(5):
            h.handle(logging.makeLogRecord({"msg": "record number %d" % i}))
        h.close()
        self.assertEqual(self.read(), "record number 4\n")
        self.assertEqual(self.read(self.path + ".1"), "record number 3\n")
        self.assertEqual(self.read(self.path + ".2"), "record number 2\n")
        self.assertFalse(os.path.exists(self.path + ".3"))

    def test_rotating_namer(self):
        h = logging.handlers.RotatingFileHandler(self.path, maxBytes=10, backupCount=1,
                                                 encoding="utf-8")
        h.namer = lambda name: name + ".bak"
        for i in range(2):
            h.handle(logging.makeLogRecord({"msg": "entry %d" % i}))
        h.close()
        self.assertEqual(self.read(self.path + ".1.bak"), "entry 0\n")

    def test_watched_file_reopens(self):
        h = logging.handlers.WatchedFileHandler(self.path, encoding="utf-8")
        h.handle(logging.makeLogRecord({"msg": "before"}))
        os.rename(self.path, self.path + ".moved")
        h.handle(logging.makeLogRecord({"msg": "after"}))
        h.close()
        self.assertEqual(self.read(self.path + ".moved"), "before\n")
        self.assertEqual(self.read(), "after\n")

    def test_timed_rotating(self):
        h = logging.handlers.TimedRotatingFileHandler(self.path, when="S", backupCount=1,
                                                      encoding="utf-8")
        self.assertEqual(h.interval, 1)
        self.assertEqual(h.suffix, "%Y-%m-%d_%H-%M-%S")
        h.handle(logging.makeLogRecord({"msg": "first"}))
        h.rolloverAt = 0
        h.handle(logging.makeLogRecord({"msg": "second"}))
        h.close()
        self.assertEqual(self.read(), "second\n")
        rotated = [n for n in os.listdir(self.dir) if n.startswith("log.txt.")]
        self.assertEqual(len(rotated), 1)
        self.assertEqual(self.read(os.path.join(self.dir, rotated[0])), "first\n")

    def test_timed_intervals(self):
        cases = {"M": (60, "%Y-%m-%d_%H-%M"), "H": (3600, "%Y-%m-%d_%H"),
                 "D": (86400, "%Y-%m-%d"), "midnight": (86400, "%Y-%m-%d")}
        for when, (interval, suffix) in cases.items():
            with self.subTest(when=when):
                h = logging.handlers.TimedRotatingFileHandler(self.path, when=when,
                                                              delay=True)
                self.assertEqual((h.interval, h.suffix), (interval, suffix))
                self.assertTrue(h.rolloverAt > time.time())
                h.close()
        with self.assertRaises(ValueError) as cm:
            logging.handlers.TimedRotatingFileHandler(self.path, when="X", delay=True)
        self.assertEqual(str(cm.exception), "Invalid rollover interval specified: X")


class TimedRolloverTests(unittest.TestCase):
    """computeRollover in UTC, so the results do not depend on the time zone."""

    def check(self, when, interval, at_time, expected):
        path = os.path.join(os.environ.get("TMPDIR", "/tmp"),
                            "braid_never_created_%d.log" % os.getpid())
        h = logging.handlers.TimedRotatingFileHandler(path, when=when, interval=interval,
                                                      atTime=at_time, utc=True,
                                                      delay=True)
        try:
            for t, delta in zip((0, 1700000000, 1700050000, 1700099999), expected):
                with self.subTest(when=when, t=t):
                    self.assertEqual(h.computeRollover(t) - t, delta)
        finally:
            h.close()

    def test_hourly(self):
        self.check("H", 2, None, (7200, 7200, 7200, 7200))

    def test_midnight_at_time(self):
        import datetime
        self.check("midnight", 2, datetime.time(3, 30),
                   (99000, 105400, 141800, 91801))

    def test_weekly(self):
        self.check("W0", 1, None, (432000, 524800, 474800, 424801))

    def test_weekday_errors(self):
        with self.assertRaises(ValueError) as cm:
            logging.handlers.TimedRotatingFileHandler("x.log", when="W", delay=True)
        self.assertEqual(str(cm.exception), "You must specify a day for weekly rollover "
                         "from 0 to 6 (0 is Monday): W")
        with self.assertRaises(ValueError) as cm:
            logging.handlers.TimedRotatingFileHandler("x.log", when="W7", delay=True)
        self.assertEqual(str(cm.exception), "Invalid day specified for weekly rollover: W7")


class BasicConfigTests(BaseTest):

    def setUp(self):
        super().setUp()
        self.root.removeHandler(self.handler)
        self.root.setLevel(logging.WARNING)

    def tearDown(self):
        for h in self.root.handlers[:]:
            self.root.removeHandler(h)
            h.close()
        super().tearDown()

    def test_stream_and_format(self):
        s = io.StringIO()
        logging.basicConfig(stream=s, level=logging.INFO)
        logging.info("hello %s", "there")
        logging.debug("hidden")
        self.assertEqual(s.getvalue(), "INFO:root:hello there\n")
        self.assertEqual(self.root.level, logging.INFO)

    def test_second_call_ignored_unless_force(self):
        s1, s2 = io.StringIO(), io.StringIO()
        logging.basicConfig(stream=s1)
        logging.basicConfig(stream=s2)
        self.assertEqual(len(self.root.handlers), 1)
        self.assertIs(self.root.handlers[0].stream, s1)
        logging.basicConfig(stream=s2, force=True, format="{message}", style="{")
        logging.error("x")
        self.assertEqual(s2.getvalue(), "x\n")
        self.assertEqual(s1.getvalue(), "")

    def test_errors(self):
        with self.assertRaises(ValueError) as cm:
            logging.basicConfig(stream=io.StringIO(), filename="f.log")
        self.assertEqual(str(cm.exception),
                         "'stream' and 'filename' should not be specified together")
        with self.assertRaises(ValueError) as cm:
            logging.basicConfig(stream=io.StringIO(), handlers=[logging.NullHandler()])
        self.assertEqual(str(cm.exception), "'stream' or 'filename' should not be "
                         "specified together with 'handlers'")
        with self.assertRaises(ValueError) as cm:
            logging.basicConfig(style="x")
        self.assertEqual(str(cm.exception), "Style must be one of: %,{,$")
        for h in self.root.handlers[:]:
            self.root.removeHandler(h)
        with self.assertRaises(ValueError) as cm:
            logging.basicConfig(stream=io.StringIO(), foo=1, bar=2)
        self.assertEqual(str(cm.exception), "Unrecognised argument(s): foo, bar")

    def test_handlers(self):
        s = io.StringIO()
        h = logging.StreamHandler(s)
        preset = logging.StreamHandler(s)
        preset.setFormatter(logging.Formatter("P:%(message)s"))
        logging.basicConfig(handlers=[h, preset], format="%(levelname)s %(message)s",
                            datefmt="%H")
        logging.warning("w")
        self.assertEqual(s.getvalue(), "WARNING w\nP:w\n")
        self.assertEqual(h.formatter.datefmt, "%H")

    def test_filename(self):
        d = _make_temp_dir()
        path = os.path.join(d, "basic.log")
        try:
            logging.basicConfig(filename=path, filemode="w", encoding="utf-8",
                                format="%(message)s")
            h = self.root.handlers[0]
            self.assertIsInstance(h, logging.FileHandler)
            self.assertEqual(h.mode, "w")
            logging.critical("saved")
            self.root.removeHandler(h)
            h.close()
            with open(path, encoding="utf-8") as f:
                self.assertEqual(f.read(), "saved\n")
        finally:
            _remove_tree(d)

    def test_module_functions_call_basic_config(self):
        err = io.StringIO()
        saved = sys.stderr
        sys.stderr = err
        try:
            logging.warning("auto")
        finally:
            sys.stderr = saved
        self.assertEqual(len(self.root.handlers), 1)
        self.assertEqual(err.getvalue(), "WARNING:root:auto\n")


class AdapterTests(BaseTest):

    def test_process_and_extra(self):
        self.handler.setFormatter(logging.Formatter("%(ip)s %(message)s"))
        adapter = logging.LoggerAdapter(logging.getLogger("adapt"), {"ip": "1.2.3.4"})
        adapter.info("connected")
        adapter.info("ignored extra", extra={"ip": "x"})
        self.assertEqual(self.output(), "1.2.3.4 connected\n1.2.3.4 ignored extra\n")
        self.assertEqual(adapter.name, "adapt")
        self.assertIs(adapter.manager, logging.root.manager)
        self.assertEqual(repr(adapter), "<LoggerAdapter adapt (DEBUG)>")

    def test_merge_extra(self):
        self.handler.setFormatter(logging.Formatter("%(a)s %(b)s %(message)s"))
        adapter = logging.LoggerAdapter(logging.getLogger("adapt.m"), {"a": 1, "b": 2},
                                        merge_extra=True)
        adapter.warning("m", extra={"b": 3})
        self.assertEqual(self.output(), "1 3 m\n")

    def test_levels(self):
        logger = logging.getLogger("adapt.l")
        adapter = logging.LoggerAdapter(logger)
        adapter.setLevel(logging.ERROR)
        self.assertEqual(logger.level, logging.ERROR)
        self.assertEqual(adapter.getEffectiveLevel(), logging.ERROR)
        self.assertFalse(adapter.isEnabledFor(logging.WARNING))
        self.assertTrue(adapter.hasHandlers())
        adapter.warning("no")
        try:
            raise OSError("disk")
        except OSError:
            adapter.exception("yes")
        self.assertIn("adapt.l:ERROR:yes\nTraceback", self.output())


class CaptureWarningsTests(BaseTest):

    def test_capture(self):
        logging.captureWarnings(True)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("always")
                logging.captureWarnings(True)
                warnings.warn("careful", UserWarning)
        finally:
            logging.captureWarnings(False)
        out = self.output()
        self.assertTrue(out.startswith("py.warnings:WARNING:"))
        self.assertIn("UserWarning: careful", out)


class BufferingHandlerTests(BaseTest):

    def test_buffering(self):
        h = logging.handlers.BufferingHandler(2)
        h.handle(logging.makeLogRecord({"msg": "a"}))
        self.assertEqual(len(h.buffer), 1)
        h.handle(logging.makeLogRecord({"msg": "b"}))
        self.assertEqual(h.buffer, [])
        h.close()

    def test_memory_handler(self):
        s = io.StringIO()
        target = logging.StreamHandler(s)
        h = logging.handlers.MemoryHandler(10, flushLevel=logging.ERROR, target=target)
        logger = logging.getLogger("mem")
        logger.propagate = False
        logger.addHandler(h)
        logger.info("one")
        logger.info("two")
        self.assertEqual(s.getvalue(), "")
        logger.error("three")
        self.assertEqual(s.getvalue(), "one\ntwo\nthree\n")
        logger.info("four")
        logger.removeHandler(h)
        h.close()
        self.assertEqual(s.getvalue(), "one\ntwo\nthree\nfour\n")
        self.assertIsNone(h.target)

    def test_memory_handler_no_flush_on_close(self):
        s = io.StringIO()
        h = logging.handlers.MemoryHandler(10, target=logging.StreamHandler(s),
                                           flushOnClose=False)
        h.handle(logging.makeLogRecord({"msg": "kept back", "levelno": 20}))
        h.close()
        self.assertEqual(s.getvalue(), "")


class QueueTests(BaseTest):

    def test_queue_handler(self):
        q = queue.Queue()
        h = logging.handlers.QueueHandler(q)
        logger = logging.getLogger("q")
        logger.propagate = False
        logger.addHandler(h)
        logger.info("value %d", 5)
        logger.removeHandler(h)
        record = q.get_nowait()
        self.assertEqual(record.msg, "value 5")
        self.assertIsNone(record.args)
        self.assertIsNone(record.exc_info)
        self.assertEqual(record.message, "value 5")

    def test_queue_listener(self):
        q = queue.Queue()
        s = io.StringIO()
        target = logging.StreamHandler(s)
        target.setLevel(logging.WARNING)
        listener = logging.handlers.QueueListener(q, target, respect_handler_level=True)
        listener.start()
        h = logging.handlers.QueueHandler(q)
        logger = logging.getLogger("ql")
        logger.propagate = False
        logger.addHandler(h)
        logger.info("filtered by level")
        logger.warning("through the queue")
        listener.stop()
        logger.removeHandler(h)
        self.assertEqual(s.getvalue(), "through the queue\n")


class ShutdownTests(BaseTest):

    def test_shutdown_flushes_and_closes(self):
        log = []

        class Tracking(logging.Handler):
            def flush(self):
                log.append("flush")

            def close(self):
                log.append("close")
                super().close()

            def emit(self, record):
                pass
        import weakref
        h = Tracking()
        logging.shutdown([weakref.ref(h)])
        self.assertEqual(log, ["flush", "close"])


class ThreadTests(BaseTest):

    def test_concurrent_logging_keeps_lines_whole(self):
        logger = logging.getLogger("threads")
        self.handler.setFormatter(logging.Formatter("%(threadName)s %(message)s"))

        def work(n):
            for i in range(50):
                logger.info("message %d-%d", n, i)
        threads = [threading.Thread(target=work, args=(n,), name="T%d" % n)
                   for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        lines = self.output().splitlines()
        self.assertEqual(len(lines), 200)
        for line in lines:
            name, text = line.split(" ", 1)
            self.assertEqual(text.split(" ")[1].split("-")[0], name[1:])

    def test_concurrent_get_logger(self):
        results = []

        def work():
            results.append(logging.getLogger("threads.shared.deep"))
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len(set(map(id, results))), 1)
        self.assertIs(results[0].parent, logging.root)


class DictConfigTests(BaseTest):

    def setUp(self):
        super().setUp()
        self.out = io.StringIO()

    def tearDown(self):
        for h in self.root.handlers[:]:
            self.root.removeHandler(h)
        super().tearDown()

    def config(self, **extra):
        cfg = {
            "version": 1,
            "formatters": {"brief": {"format": "%(levelname)s|%(name)s|%(message)s"},
                           "brace": {"format": "{message}", "style": "{"}},
            "filters": {"only_app": {"name": "cfg.app"}},
            "handlers": {
                "out": {"class": "logging.StreamHandler", "stream": self.out,
                        "formatter": "brief", "level": "INFO"},
                "mem": {"class": "logging.handlers.MemoryHandler", "capacity": 2,
                        "target": "out"},
                "filtered": {"class": "logging.StreamHandler", "stream": self.out,
                             "formatter": "brace", "filters": ["only_app"]},
            },
            "loggers": {
                "cfg.app": {"level": "DEBUG", "handlers": ["out", "filtered"],
                            "propagate": False},
                "cfg.buf": {"handlers": ["mem"], "propagate": False, "level": "DEBUG"},
            },
            "root": {"level": "WARNING"},
        }
        cfg.update(extra)
        return cfg

    def test_full_config(self):
        existing = logging.getLogger("cfg.existing")
        child = logging.getLogger("cfg.app.old")
        child.setLevel(logging.ERROR)
        cfg = self.config()
        logging.config.dictConfig(cfg)
        self.assertIn("version", cfg)
        self.assertTrue(existing.disabled)
        self.assertFalse(child.disabled)
        self.assertEqual(child.level, logging.NOTSET)
        self.assertEqual(self.root.handlers, [])
        self.assertEqual(self.root.level, logging.WARNING)
        logging.getLogger("cfg.app").debug("dbg")
        logging.getLogger("cfg.app.x").info("info")
        logging.getLogger("cfg.buf").info("b1")
        self.assertEqual(self.out.getvalue(), "dbg\nINFO|cfg.app.x|info\ninfo\n")
        logging.getLogger("cfg.buf").info("b2")
        self.assertEqual(self.out.getvalue(), "dbg\nINFO|cfg.app.x|info\ninfo\n"
                         "INFO|cfg.buf|b1\nINFO|cfg.buf|b2\n")
        self.assertEqual(logging.getHandlerNames(), frozenset({"out", "mem", "filtered"}))

    def test_incremental_and_keep_existing(self):
        logging.config.dictConfig(self.config())
        logging.config.dictConfig({"version": 1, "incremental": True,
                                   "loggers": {"cfg.app": {"level": "WARNING"}}})
        logging.getLogger("cfg.app").info("hidden")
        self.assertEqual(self.out.getvalue(), "")
        logging.config.dictConfig({"version": 1, "disable_existing_loggers": False})
        self.assertFalse(logging.getLogger("cfg.app").disabled)

    def test_factories_and_properties(self):
        class Custom(logging.Formatter):
            pass
        logging.config.dictConfig({
            "version": 1,
            "formatters": {"c": {"()": Custom, "fmt": "<%(message)s>"}},
            "handlers": {"h": {"()": logging.StreamHandler, "stream": self.out,
                               "formatter": "c", ".": {"terminator": "!\n"}}},
            "root": {"handlers": ["h"], "level": "INFO"},
        })
        logging.info("custom")
        self.assertEqual(self.out.getvalue(), "<custom>!\n")
        self.assertIsInstance(self.root.handlers[0].formatter, Custom)

    def test_ext_reference(self):
        logging.config.dictConfig({
            "version": 1,
            "handlers": {"h": {"class": "logging.StreamHandler",
                               "stream": "ext://sys.stderr"}},
            "root": {"handlers": ["h"]},
        })
        self.assertIs(self.root.handlers[0].stream, sys.stderr)

    def test_errors(self):
        cases = [
            ({}, "dictionary doesn't specify a version", None),
            ({"version": 2}, "Unsupported version: 2", None),
            ({"version": 1, "handlers": {"h": {"class": "nope.Nope"}}},
             "Unable to configure handler 'h'",
             "Cannot resolve 'nope.Nope': No module named 'nope'"),
            ({"version": 1, "handlers": {"h": {"class": "logging.StreamHandler",
                                               "formatter": "zz"}}},
             "Unable to configure handler 'h'", "Unable to set formatter 'zz'"),
            ({"version": 1, "handlers": {"h": {"class": "logging.StreamHandler",
                                               "level": "BAD"}}},
             "Unable to configure handler 'h'", "Unknown level: 'BAD'"),
            ({"version": 1, "loggers": {"a": {"handlers": ["missing"]}}},
             "Unable to configure logger 'a'", "Unable to add handler 'missing'"),
            ({"version": 1, "formatters": {"f": {"format": "nofield"}}},
             "Unable to configure formatter 'f'",
             "Invalid format 'nofield' for '%' style"),
            ({"version": 1, "loggers": {"a": {"filters": ["g"]}}},
             "Unable to configure logger 'a'", "Unable to add filter 'g'"),
            ({"version": 1, "root": {"level": "NOPE"}},
             "Unable to configure root logger", "Unknown level: 'NOPE'"),
        ]
        for cfg, message, cause in cases:
            with self.subTest(message=message):
                with self.assertRaises(ValueError) as cm:
                    logging.config.dictConfig(cfg)
                self.assertEqual(str(cm.exception), message)
                if cause is None:
                    self.assertIsNone(cm.exception.__cause__)
                else:
                    self.assertEqual(str(cm.exception.__cause__), cause)


if __name__ == "__main__":
    unittest.main()
