"""Tests of json: exact output formatting (as CPython's) and parsing with error positions."""

import json
import unittest
from collections import OrderedDict


class DumpsTests(unittest.TestCase):

    def test_scalars(self):
        self.assertEqual(json.dumps(None), 'null')
        self.assertEqual(json.dumps(True), 'true')
        self.assertEqual(json.dumps(3), '3')
        self.assertEqual(json.dumps(2 ** 70), '1180591620717411303424')
        self.assertEqual(json.dumps(1.5), '1.5')
        self.assertEqual(json.dumps(1e16), '1e+16')
        self.assertEqual(json.dumps(float('nan')), 'NaN')
        self.assertEqual(json.dumps(float('-inf')), '-Infinity')
        self.assertEqual(json.dumps('a"b\\c\n\x01'), '"a\\"b\\\\c\\n\\u0001"')

    def test_unicode(self):
        self.assertEqual(json.dumps('é€😀'), '"\\u00e9\\u20ac\\ud83d\\ude00"')
        self.assertEqual(json.dumps('é€😀', ensure_ascii=False), '"é€😀"')
        self.assertEqual(json.dumps('\x7f'), '"\\u007f"')
        self.assertEqual(json.dumps('\x7f', ensure_ascii=False), '"\x7f"')

    def test_containers(self):
        self.assertEqual(json.dumps([1, 'a', None, [], {}]), '[1, "a", null, [], {}]')
        self.assertEqual(json.dumps({'b': 1, 'a': [1, 2]}), '{"b": 1, "a": [1, 2]}')
        self.assertEqual(json.dumps({'b': 1, 'a': 2}, sort_keys=True), '{"a": 2, "b": 1}')
        self.assertEqual(json.dumps((1, 2)), '[1, 2]')
        self.assertEqual(json.dumps({3: 'x', 2.5: 'y', True: 'z', None: 'n'}),
                         '{"3": "x", "2.5": "y", "true": "z", "null": "n"}')
        self.assertEqual(json.dumps([1, 2], separators=(',', ':')), '[1,2]')

    def test_indent(self):
        data = {'a': [1, {'b': None}], 'c': {}}
        self.assertEqual(json.dumps(data, indent=2),
                         '{\n  "a": [\n    1,\n    {\n      "b": null\n    }\n  ],\n  "c": {}\n}')
        self.assertEqual(json.dumps([1], indent='\t'), '[\n\t1\n]')
        self.assertEqual(json.dumps([1, 2], indent=0), '[\n1,\n2\n]')

    def test_errors(self):
        with self.assertRaises(TypeError) as cm:
            json.dumps(object())
        self.assertEqual(str(cm.exception), 'Object of type object is not JSON serializable')
        with self.assertRaises(TypeError):
            json.dumps({(1, 2): 3})
        self.assertEqual(json.dumps({(1, 2): 3, 'k': 4}, skipkeys=True), '{"k": 4}')
        lst = []
        lst.append(lst)
        with self.assertRaises(ValueError):
            json.dumps(lst)
        with self.assertRaises(ValueError):
            json.dumps(float('inf'), allow_nan=False)

    def test_default_hook(self):
        self.assertEqual(json.dumps({1, 2} and {'s': {3}}, default=sorted), '{"s": [3]}')

        class Enc(json.JSONEncoder):
            def default(self, o):
                if isinstance(o, complex):
                    return [o.real, o.imag]
                return super().default(o)
        self.assertEqual(json.dumps(2 + 1j, cls=Enc), '[2.0, 1.0]')


class LoadsTests(unittest.TestCase):

    def test_values(self):
        self.assertEqual(json.loads('{"a": [1, 2.5, -3e2, true, false, null, "x"]}'),
                         {'a': [1, 2.5, -300.0, True, False, None, 'x']})
        self.assertEqual(json.loads(' \n[ ] '), [])
        self.assertEqual(json.loads('"\\u00e9\\ud83d\\ude00\\n\\/"'), 'é😀\n/')
        self.assertEqual(json.loads('123456789012345678901234567890'),
                         123456789012345678901234567890)
        self.assertTrue(json.loads('NaN') != json.loads('NaN'))
        self.assertEqual(json.loads('-Infinity'), float('-inf'))
        self.assertEqual(json.loads(b'{"k": 1}'), {'k': 1})

    def test_hooks(self):
        self.assertEqual(json.loads('{"a": 1, "b": 2}', object_pairs_hook=OrderedDict),
                         OrderedDict([('a', 1), ('b', 2)]))
        self.assertEqual(json.loads('{"a": 1}', object_hook=lambda d: sorted(d)), ['a'])
        self.assertEqual(json.loads('1.5', parse_float=str), '1.5')
        self.assertEqual(json.loads('7', parse_int=float), 7.0)

    def test_errors(self):
        cases = [
            ('', 'Expecting value: line 1 column 1 (char 0)'),
            ('[1,]', 'Illegal trailing comma before end of array: line 1 column 3 (char 2)'),
            ('{"a" 1}', "Expecting ':' delimiter: line 1 column 6 (char 5)"),
            ('{"a": 1 "b": 2}', "Expecting ',' delimiter: line 1 column 9 (char 8)"),
            ('{a: 1}', 'Expecting property name enclosed in double quotes: line 1 column 2 '
                       '(char 1)'),
            ('[1] x', 'Extra data: line 1 column 5 (char 4)'),
            ('"abc', 'Unterminated string starting at: line 1 column 1 (char 0)'),
            ('"\\x"', 'Invalid \\escape: line 1 column 2 (char 1)'),
            ('\n\n  tru', 'Expecting value: line 3 column 3 (char 4)'),
        ]
        for text, message in cases:
            with self.subTest(text=text):
                with self.assertRaises(json.JSONDecodeError) as cm:
                    json.loads(text)
                self.assertEqual(str(cm.exception), message)
        self.assertTrue(issubclass(json.JSONDecodeError, ValueError))

    def test_roundtrip(self):
        data = {'name': 'Braid', 'values': [1, 2.25, None, True], 'nested': {'x': [[], {}]}}
        self.assertEqual(json.loads(json.dumps(data)), data)
        self.assertEqual(json.loads(json.dumps(data, indent=4, sort_keys=True)), data)

    def test_dump_load_files(self):
        import io
        buf = io.StringIO()
        json.dump({'a': 1}, buf)
        buf.seek(0)
        self.assertEqual(json.load(buf), {'a': 1})


if __name__ == '__main__':
    unittest.main()
