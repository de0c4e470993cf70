"""Tests for sys.settrace and sys.setprofile: the events the eval loop reports.

The expected event sequences are CPython 3.13's (this file passes unchanged on it).
"""

import sys
import unittest


def _helper():
    return 7


def _simple(x):
    y = x + 1
    _helper()
    return y


def _raiser():
    raise KeyError('k')


def _catcher():
    try:
        _raiser()
    except KeyError:
        pass
    return 'done'


def _loop():
    total = 0
    while total < 2:
        total += 1
    return total


def _builtins():
    len([])
    items = []
    items.append(1)
    list.append(items, 2)
    int('3')
    try:
        len(1)
    except TypeError:
        pass


def _gen():
    yield 1
    yield 2


def _run_gen():
    return list(_gen())


def _relative(code, events):
    """Events as (event, function name, line relative to the def line)."""
    first = code.co_firstlineno
    return [(event, name, line - first) for event, name, line in events]


class SetTraceTests(unittest.TestCase):

    def trace(self, func, local=None, *args):
        """Run func(*args) under a trace function; return (event, name, lineno) tuples.

        `local(frame)` chooses the local trace function returned by the "call" event
        (default: the tracer itself)."""
        events = []

        def tracer(frame, event, arg):
            events.append((event, frame.f_code.co_name, frame.f_lineno))
            if event == 'call' and local is not None:
                return local(frame, tracer)
            return tracer

        sys.settrace(tracer)
        try:
            func(*args)
        finally:
            sys.settrace(None)
        return events

    def test_simple_function(self):
        events = self.trace(_simple, None, 1)
        base = _simple.__code__.co_firstlineno
        helper = _helper.__code__.co_firstlineno
        self.assertEqual(events, [
            ('call', '_simple', base), ('line', '_simple', base + 1),
            ('line', '_simple', base + 2), ('call', '_helper', helper),
            ('line', '_helper', helper + 1), ('return', '_helper', helper + 1),
            ('line', '_simple', base + 3), ('return', '_simple', base + 3)])

    def test_while_loop_reports_condition_each_time(self):
        events = self.trace(_loop)
        self.assertEqual(_relative(_loop.__code__, events), [
            ('call', '_loop', 0), ('line', '_loop', 1), ('line', '_loop', 2),
            ('line', '_loop', 3), ('line', '_loop', 2), ('line', '_loop', 3),
            ('line', '_loop', 2), ('line', '_loop', 4), ('return', '_loop', 4)])

    def test_exception_events(self):
        events = self.trace(_catcher)
        kinds = [(event, name) for event, name, _ in events]
        self.assertEqual(kinds, [
            ('call', '_catcher'), ('line', '_catcher'), ('line', '_catcher'),
            ('call', '_raiser'), ('line', '_raiser'), ('exception', '_raiser'),
            ('return', '_raiser'), ('exception', '_catcher'), ('line', '_catcher'),
            ('line', '_catcher'), ('line', '_catcher'), ('return', '_catcher')])

    def test_no_local_trace_means_only_call_events(self):
        # A "call" handler returning None leaves the frame untraced; calls made from it are
        # still reported to the global function.
        events = self.trace(_simple, lambda frame, tracer: None, 1)
        self.assertEqual([(event, name) for event, name, _ in events],
                         [('call', '_simple'), ('call', '_helper')])

    def test_local_trace_for_one_function(self):
        def local(frame, tracer):
            return tracer if frame.f_code.co_name == '_helper' else None
        events = self.trace(_simple, local, 1)
        self.assertEqual([(event, name) for event, name, _ in events],
                         [('call', '_simple'), ('call', '_helper'), ('line', '_helper'),
                          ('return', '_helper')])

    def test_f_trace_lines_false(self):
        def local(frame, tracer):
            frame.f_trace_lines = False
            return tracer
        events = self.trace(_simple, local, 1)
        self.assertEqual([(event, name) for event, name, _ in events],
                         [('call', '_simple'), ('call', '_helper'), ('return', '_helper'),
                          ('return', '_simple')])

    def test_f_trace_opcodes(self):
        kinds = []

        def tracer(frame, event, arg):
            kinds.append(event)
            if event == 'line':
                frame.f_trace_opcodes = True
            return tracer

        sys.settrace(tracer)
        try:
            _simple(1)
        finally:
            sys.settrace(None)
        self.assertEqual(kinds[:3], ['call', 'line', 'opcode'])
        self.assertGreater(kinds.count('opcode'), 3)
        self.assertEqual(kinds[-1], 'return')

    def test_generator_resumptions_are_calls(self):
        events = self.trace(_run_gen)
        gen_events = [event for event, name, _ in events if name == '_gen']
        self.assertEqual(gen_events.count('call'), 3)
        self.assertEqual(gen_events.count('return'), 3)

    def test_return_value_is_the_arg(self):
        seen = []

        def tracer(frame, event, arg):
            if event == 'return':
                seen.append((frame.f_code.co_name, arg))
            return tracer

        sys.settrace(tracer)
        try:
            _simple(4)
        finally:
            sys.settrace(None)
        self.assertEqual(seen, [('_helper', 7), ('_simple', 5)])

    def test_failing_trace_function_is_removed(self):
        def tracer(frame, event, arg):
            if frame.f_code.co_name == '_helper':
                raise ValueError('stop')
            return None

        sys.settrace(tracer)
        try:
            _helper()
        except ValueError as exc:
            error = exc
        finally:
            removed = sys.gettrace() is None
            sys.settrace(None)
        self.assertEqual(str(error), 'stop')
        self.assertTrue(removed)

    def test_gettrace(self):
        def tracer(frame, event, arg):
            return None

        self.assertIsNone(sys.gettrace())
        sys.settrace(tracer)
        try:
            self.assertIs(sys.gettrace(), tracer)
        finally:
            sys.settrace(None)
        self.assertIsNone(sys.gettrace())


class SetProfileTests(unittest.TestCase):

    def profile(self, func):
        """Run func() under a profile function: (event, frame name, callable name or None)."""
        events = []

        def profiler(frame, event, arg):
            name = arg.__name__ if event.startswith('c_') else None
            events.append((event, frame.f_code.co_name, name))

        sys.setprofile(profiler)
        try:
            func()
        finally:
            sys.setprofile(None)
        # The last event is the c_call of sys.setprofile itself.
        self.assertEqual(events[-1], ('c_call', 'profile', 'setprofile'))
        return events[:-1]

    def test_python_calls(self):
        self.assertEqual(self.profile(_catcher), [
            ('call', '_catcher', None), ('call', '_raiser', None),
            ('return', '_raiser', None), ('return', '_catcher', None)])

    def test_builtin_calls(self):
        self.assertEqual(self.profile(_builtins), [
            ('call', '_builtins', None),
            ('c_call', '_builtins', 'len'), ('c_return', '_builtins', 'len'),
            ('c_call', '_builtins', 'append'), ('c_return', '_builtins', 'append'),
            ('c_call', '_builtins', 'append'), ('c_return', '_builtins', 'append'),
            ('c_call', '_builtins', 'len'), ('c_exception', '_builtins', 'len'),
            ('return', '_builtins', None)])

    def test_method_descriptor_is_reported_bound(self):
        args = []

        def profiler(frame, event, arg):
            if event == 'c_call':
                args.append(arg)

        items = []
        sys.setprofile(profiler)
        try:
            items.append(1)
        finally:
            sys.setprofile(None)
        self.assertEqual(len(args), 2)
        self.assertIs(args[0].__self__, items)
        self.assertEqual(args[0].__name__, 'append')

    def test_call_with_star_args(self):
        def star():
            args = ([],)
            len(*args)
            max(*(1, 2), key=None)

        self.assertEqual(self.profile(star), [
            ('call', 'star', None),
            ('c_call', 'star', 'len'), ('c_return', 'star', 'len'),
            ('c_call', 'star', 'max'), ('c_return', 'star', 'max'),
            ('return', 'star', None)])

    def test_generator(self):
        events = [event for event in self.profile(_run_gen) if event[1] == '_gen']
        self.assertEqual(events, [('call', '_gen', None), ('return', '_gen', None)] * 3)

    def test_getprofile(self):
        def profiler(frame, event, arg):
            pass

        sys.setprofile(profiler)
        try:
            self.assertIs(sys.getprofile(), profiler)
        finally:
            sys.setprofile(None)
        self.assertIsNone(sys.getprofile())


if __name__ == "__main__":
    unittest.main()
