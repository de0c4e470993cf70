"""Tests of the traceback module's formatting (CPython 3.13's format)."""

import sys
import traceback
import unittest


def _raise_key_error():
    return {}['missing']


def _binary_op_error():
    x = None
    return 1 + x


class FormatTests(unittest.TestCase):

    def get_exception(self, func):
        try:
            func()
        except Exception as exc:
            return exc
        self.fail('no exception')

    def test_format_exception_only(self):
        exc = ValueError('bad value')
        self.assertEqual(traceback.format_exception_only(exc), ['ValueError: bad value\n'])
        self.assertEqual(traceback.format_exception_only(ValueError()), ['ValueError\n'])
        self.assertEqual(traceback.format_exception_only(KeyError('k')), ["KeyError: 'k'\n"])

    def test_format_exception_frames(self):
        exc = self.get_exception(_raise_key_error)
        lines = traceback.format_exception(exc)
        self.assertEqual(lines[0], 'Traceback (most recent call last):\n')
        text = ''.join(lines)
        self.assertIn('in _raise_key_error\n', text)
        self.assertIn("    return {}['missing']\n", text)
        self.assertTrue(text.endswith("KeyError: 'missing'\n"))

    def test_carets_for_binary_op(self):
        exc = self.get_exception(_binary_op_error)
        text = ''.join(traceback.format_exception(exc))
        self.assertIn('    return 1 + x\n           ~~^~~\n', text)

    def test_chained_exceptions(self):
        def f():
            try:
                1 / 0
            except ZeroDivisionError as e:
                raise RuntimeError('wrapped') from e
        exc = self.get_exception(f)
        text = ''.join(traceback.format_exception(exc))
        self.assertIn('ZeroDivisionError: division by zero\n', text)
        self.assertIn('\nThe above exception was the direct cause of the following '
                      'exception:\n\n', text)
        self.assertTrue(text.endswith('RuntimeError: wrapped\n'))

    def test_context_and_suppressed_context(self):
        def f():
            try:
                raise KeyError('a')
            except KeyError:
                raise ValueError('b')
        text = ''.join(traceback.format_exception(self.get_exception(f)))
        self.assertIn('During handling of the above exception, another exception occurred',
                      text)

        def g():
            try:
                raise KeyError('a')
            except KeyError:
                raise ValueError('b') from None
        text = ''.join(traceback.format_exception(self.get_exception(g)))
        self.assertNotIn('KeyError', text)

    def test_notes(self):
        exc = ValueError('v')
        exc.add_note('first note')
        exc.add_note('second\nnote')
        self.assertEqual(traceback.format_exception_only(exc),
                         ['ValueError: v\n', 'first note\n', 'second\n', 'note\n'])

    def test_syntax_error(self):
        try:
            compile('x = (1,\n  2 +', '<s>', 'exec')
        except SyntaxError as exc:
            lines = traceback.format_exception_only(exc)
        self.assertEqual(lines[0], '  File "<s>", line 1\n')
        self.assertTrue(lines[-1].startswith('SyntaxError: '))

    def test_exception_group(self):
        eg = ExceptionGroup('many', [ValueError(1), TypeError(2)])
        text = ''.join(traceback.format_exception(eg))
        self.assertIn('ExceptionGroup: many (2 sub-exceptions)', text)
        self.assertIn('+---------------- 1 ----------------', text)
        self.assertIn('| ValueError: 1', text)
        self.assertIn('| TypeError: 2', text)

    def test_recursion_is_summarised(self):
        def r(n):
            if n == 0:
                raise ValueError('deep')
            return r(n - 1)
        text = ''.join(traceback.format_exception(self.get_exception(lambda: r(10))))
        self.assertIn('[Previous line repeated 7 more times]', text)

    def test_extract_tb_and_stack(self):
        exc = self.get_exception(_raise_key_error)
        summary = traceback.extract_tb(exc.__traceback__)
        self.assertEqual(summary[-1].name, '_raise_key_error')
        self.assertEqual(summary[-1].line, "return {}['missing']")
        filename, lineno, name, line = summary[-1]
        self.assertEqual(name, '_raise_key_error')
        stack = traceback.extract_stack()
        self.assertEqual(stack[-1].name, 'test_extract_tb_and_stack')

    def test_format_exc(self):
        try:
            raise OSError(2, 'No such file')
        except OSError:
            text = traceback.format_exc()
        self.assertTrue(text.endswith('FileNotFoundError: [Errno 2] No such file\n'))


if __name__ == '__main__':
    unittest.main()
