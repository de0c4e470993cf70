"""Tests of python -m json.tool (json.tool.main), run in-process with patched sys.argv,
sys.stdin and sys.stdout."""

import io
import os
import sys
import tempfile
import unittest

from json import tool


class Output(io.StringIO):
    """Standard output stand-in that keeps its text when the tool closes it."""

    text = ''

    def close(self):
        self.text = self.getvalue()
        super().close()


class JsonToolTests(unittest.TestCase):

    def run_tool(self, args, stdin=''):
        """Return (stdout text, SystemExit code or None)."""
        saved = sys.argv, sys.stdin, sys.stdout
        sys.argv = ['json.tool'] + list(args)
        sys.stdin = io.StringIO(stdin)
        sys.stdout = out = Output()
        code = None
        try:
            tool.main()
        except SystemExit as exc:
            code = exc.code
        finally:
            sys.argv, sys.stdin, sys.stdout = saved
        return (out.text if out.closed else out.getvalue()), code

    def test_default_indent(self):
        out, code = self.run_tool([], '{"b": [1, 2], "a": "é"}')
        self.assertIsNone(code)
        self.assertEqual(out, '{\n    "b": [\n        1,\n        2\n    ],\n    "a": "\\u00e9"\n}\n')

    def test_options(self):
        text = '{"b": [1, 2], "a": "é"}'
        self.assertEqual(self.run_tool(['--sort-keys', '--compact'], text)[0],
                         '{"a":"\\u00e9","b":[1,2]}\n')
        self.assertEqual(self.run_tool(['--no-indent', '--no-ensure-ascii'], text)[0],
                         '{"b": [1, 2], "a": "é"}\n')
        self.assertEqual(self.run_tool(['--tab'], '[1]')[0], '[\n\t1\n]\n')
        self.assertEqual(self.run_tool(['--indent', '1'], '{"k": [1]}')[0],
                         '{\n "k": [\n  1\n ]\n}\n')

    def test_json_lines(self):
        out, code = self.run_tool(['--json-lines', '--compact'], '1\n{"a": 2}\n[3, 4]\n')
        self.assertIsNone(code)
        self.assertEqual(out, '1\n{"a":2}\n[3,4]\n')

    def test_invalid_input(self):
        out, code = self.run_tool([], '{"b": [1, 2]')
        self.assertEqual(out, '')
        self.assertIsInstance(code, ValueError)
        self.assertEqual(str(code), "Expecting ',' delimiter: line 1 column 13 (char 12)")
        out, code = self.run_tool(['--json-lines', '--compact'], '1\n[2]\nx\n')
        self.assertEqual(out, '1\n[2]\n')
        self.assertEqual(str(code), 'Expecting value: line 1 column 1 (char 0)')

    def test_files(self):
        with tempfile.TemporaryDirectory() as tmp:
            source = os.path.join(tmp, 'in.json')
            target = os.path.join(tmp, 'out.json')
            with open(source, 'w', encoding='utf-8') as f:
                f.write('{"é": [true, null]}')
            out, code = self.run_tool(['--no-ensure-ascii', source, target])
            self.assertEqual((out, code), ('', None))
            with open(target, encoding='utf-8') as f:
                self.assertEqual(f.read(), '{\n    "é": [\n        true,\n        null\n    ]\n}\n')


if __name__ == '__main__':
    unittest.main()
