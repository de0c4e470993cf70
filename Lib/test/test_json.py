"""Tests of json: CPython's exact output for every option, parsing with CPython's error
messages and positions, and the _json accelerator (C) against the pure-Python fallback.

Every behaviour test runs twice: against the json package with _json (CJSONTests) and
against a fresh copy of the package imported with _json blocked (PyJSONTests)."""

import collections
import enum
import io
import sys
import unittest

import json

try:
    import _json
except ImportError:
    _json = None


def import_pure_json():
    """A fresh json package that does not use _json (sys.modules is restored)."""
    names = [name for name in sys.modules
             if name == 'json' or name.startswith('json.') or name == '_json']
    saved = {name: sys.modules.pop(name) for name in names}
    sys.modules['_json'] = None
    try:
        import json as pure
        import json.decoder
        import json.encoder
        import json.scanner
        return pure
    finally:
        for name in [name for name in sys.modules
                     if name == 'json' or name.startswith('json.') or name == '_json']:
            del sys.modules[name]
        sys.modules.update(saved)


pyjson = import_pure_json()
# Braid's pure-Python scanner reports string errors exactly as the C scanner does;
# CPython's own fallback words a few of them differently.
_BRAID_FALLBACK = sys.implementation.name != 'cpython'
cjson = json if _json is not None else None


class Color(enum.IntEnum):
    RED = 1


class MyFloat(float):
    def __repr__(self):
        return 'MyFloat!'


class MyInt(int):
    def __repr__(self):
        return 'MyInt!'


class MyStr(str):
    pass


class JSONTests:
    """Behaviour shared by both implementations; self.json is the package under test."""

    json = None

    def dumps(self, obj, **kw):
        return self.json.dumps(obj, **kw)

    def loads(self, text, **kw):
        return self.json.loads(text, **kw)

    def iterencode(self, obj, **kw):
        return ''.join(self.json.JSONEncoder(**kw).iterencode(obj))

    def check_dumps(self, obj, expected, **kw):
        """dumps() and the incremental iterencode() give the same expected text."""
        self.assertEqual(self.dumps(obj, **kw), expected)
        self.assertEqual(self.iterencode(obj, **kw), expected)

    # ---- encoding ----

    def test_scalars(self):
        self.check_dumps(None, 'null')
        self.check_dumps(True, 'true')
        self.check_dumps(False, 'false')
        self.check_dumps(3, '3')
        self.check_dumps(-2 ** 70, '-1180591620717411303424')
        self.check_dumps(1.5, '1.5')
        self.check_dumps(1.0, '1.0')
        self.check_dumps(1e16, '1e+16')
        self.check_dumps(-1e-07, '-1e-07')
        self.check_dumps(0.1, '0.1')
        self.check_dumps(-0.0, '-0.0')
        self.check_dumps(float('nan'), 'NaN')
        self.check_dumps(float('inf'), 'Infinity')
        self.check_dumps(float('-inf'), '-Infinity')

    def test_number_subclasses(self):
        # int and float subclasses are written with int/float's own repr.
        self.check_dumps([Color.RED, MyInt(7), MyFloat(2.5)], '[1, 7, 2.5]')
        self.check_dumps({Color.RED: 1, MyFloat(0.5): 2}, '{"1": 1, "0.5": 2}')
        self.check_dumps(MyStr('x'), '"x"')

    def test_strings(self):
        self.check_dumps('a"b\\c\n\r\t\b\f\x00\x1f/',
                         '"a\\"b\\\\c\\n\\r\\t\\b\\f\\u0000\\u001f/"')
        self.check_dumps('\x7f\x80é€😀\ud800',
                         '"\\u007f\\u0080\\u00e9\\u20ac\\ud83d\\ude00\\ud800"')
        self.check_dumps('\x7f\x80é€😀\ud800', '"\x7f\x80é€😀\ud800"',
                         ensure_ascii=False)
        self.check_dumps('"\n', '"\\"\\n"', ensure_ascii=False)
        self.check_dumps('', '""')
        long_text = 'abc' * 1000
        self.check_dumps(long_text, '"' + long_text + '"')

    def test_encode_basestring(self):
        enc = self.json.encoder
        self.assertEqual(enc.encode_basestring('é"\n'), '"é\\"\\n"')
        self.assertEqual(enc.encode_basestring_ascii('é"\n😀'), '"\\u00e9\\"\\n\\ud83d\\ude00"')
        self.assertEqual(enc.py_encode_basestring_ascii('é'), '"\\u00e9"')
        self.assertEqual(enc.py_encode_basestring('é'), '"é"')

    def test_containers(self):
        self.check_dumps([1, 'a', None, [], {}], '[1, "a", null, [], {}]')
        self.check_dumps((1, (2,)), '[1, [2]]')
        self.check_dumps({'b': 1, 'a': [1, 2]}, '{"b": 1, "a": [1, 2]}')
        self.check_dumps({3: 'x', 2.5: 'y', True: 'z', False: 'f', None: 'n', -1: 0},
                         '{"3": "x", "2.5": "y", "true": "z", "false": "f", "null": "n", '
                         '"-1": 0}')
        self.check_dumps({float('nan'): 1, float('inf'): 2}, '{"NaN": 1, "Infinity": 2}')
        self.check_dumps(collections.OrderedDict([('z', 1), ('a', 2)]), '{"z": 1, "a": 2}')
        self.check_dumps([collections.UserList and [1]], '[[1]]')

    def test_sort_keys(self):
        self.check_dumps({'b': 1, 'a': 2, 'c': {'z': 0, 'y': 1}},
                         '{"a": 2, "b": 1, "c": {"y": 1, "z": 0}}', sort_keys=True)
        with self.assertRaises(TypeError) as cm:
            self.dumps({'b': 1, 2: 2}, sort_keys=True)
        self.assertEqual(str(cm.exception),
                         "'<' not supported between instances of 'int' and 'str'")

    def test_separators(self):
        self.check_dumps([1, {'a': 2}], '[1,{"a":2}]', separators=(',', ':'))
        self.check_dumps([1, {'a': 2}], '[1 ; {"a" = 2}]', separators=(' ; ', ' = '))

    def test_indent(self):
        data = {'a': [1, {'b': None}], 'c': {}, 'd': []}
        self.check_dumps(data, '{\n  "a": [\n    1,\n    {\n      "b": null\n    }\n  ],\n'
                               '  "c": {},\n  "d": []\n}', indent=2)
        self.check_dumps([1], '[\n\t1\n]', indent='\t')
        self.check_dumps([1, 2], '[\n1,\n2\n]', indent=0)
        self.check_dumps([1, 2], '[\n1,\n2\n]', indent='')
        self.check_dumps([1, [2]], '[\nab1, \nab[\nabab2\nab]\n]', indent='ab',
                         separators=(', ', ': '))
        self.check_dumps({'k': [1]}, '{\n "k":[\n  1\n ]\n}', indent=1, separators=(',', ':'))
        self.check_dumps(5, '5', indent=4)

    def test_skipkeys(self):
        with self.assertRaises(TypeError) as cm:
            self.dumps({(1, 2): 3})
        self.assertEqual(str(cm.exception),
                         'keys must be str, int, float, bool or None, not tuple')
        self.check_dumps({(1, 2): 3, 'k': 4, b'x': 5}, '{"k": 4}', skipkeys=True)
        self.check_dumps({(1, 2): 3}, '{}', skipkeys=True)
        self.check_dumps({(1, 2): 3, 'k': 4}, '{\n "k": 4\n}', skipkeys=True, indent=1)

    def test_allow_nan(self):
        for value, text in [(float('nan'), 'nan'), (float('inf'), 'inf'),
                            (float('-inf'), '-inf')]:
            with self.subTest(value=value):
                with self.assertRaises(ValueError) as cm:
                    self.dumps([value], allow_nan=False)
                self.assertEqual(str(cm.exception),
                                 'Out of range float values are not JSON compliant: ' + text)
                with self.assertRaises(ValueError):
                    self.dumps({value: 1}, allow_nan=False)
        self.check_dumps([1.5], '[1.5]', allow_nan=False)

    def test_default(self):
        with self.assertRaises(TypeError) as cm:
            self.dumps([1, object()])
        self.assertEqual(str(cm.exception), 'Object of type object is not JSON serializable')
        self.check_dumps({'s': {3}}, '{"s": [3]}', default=sorted)
        self.check_dumps([1j], '[[0.0, 1.0]]', default=lambda c: [c.real, c.imag])

        class Enc(self.json.JSONEncoder):
            def default(self, o):
                if isinstance(o, complex):
                    return {'re': o.real}
                return super().default(o)
        self.assertEqual(self.dumps(2 + 1j, cls=Enc), '{"re": 2.0}')
        self.assertEqual(Enc().encode([1j]), '[{"re": 0.0}]')

    def test_circular(self):
        lst = []
        lst.append(lst)
        dct = {}
        dct['self'] = dct
        for obj in (lst, dct):
            with self.assertRaises(ValueError) as cm:
                self.dumps(obj)
            self.assertEqual(str(cm.exception), 'Circular reference detected')
            with self.assertRaises(RecursionError):
                self.dumps(obj, check_circular=False)
        with self.assertRaises(ValueError):
            self.dumps([{1}], default=lambda o: o)
        shared = [1]
        self.check_dumps([shared, shared, {'a': shared}], '[[1], [1], {"a": [1]}]')

    def test_deep_nesting(self):
        deep = []
        for _ in range(100000):
            deep = [deep]
        with self.assertRaises(RecursionError):
            self.dumps(deep)

    def test_dump_to_file(self):
        buf = io.StringIO()
        self.json.dump({'a': [1, 2]}, buf)
        self.assertEqual(buf.getvalue(), '{"a": [1, 2]}')
        buf = io.StringIO()
        self.json.dump({'a': [1, 2]}, buf, indent=1, sort_keys=True)
        self.assertEqual(buf.getvalue(), '{\n "a": [\n  1,\n  2\n ]\n}')

    def test_iterencode_chunks(self):
        # json.dump() writes these pieces one by one.
        self.assertEqual(list(self.json.JSONEncoder(indent=2).iterencode([1, {'a': ()}])),
                         ['[\n  1', ',\n  ', '{', '\n    ', '"a"', ': ', '[]', '\n  ', '}', '\n',
                          ']'])
        self.assertEqual(list(self.json.JSONEncoder().iterencode({'a': [1, 2.5, None],
                                                                  'b': 'x'})),
                         ['{', '"a"', ': ', '[1', ', 2.5', ', null', ']', ', ', '"b"', ': ',
                          '"x"', '}'])

    def test_sequence_subclasses(self):
        class Seq(list):
            def __iter__(self):
                return iter([9])

        class Pair(tuple):
            pass
        self.check_dumps(Seq([1, 2]), '[9]')
        self.check_dumps([Pair((1, 2))], '[[1, 2]]')

        class Items(dict):
            def items(self):
                return [('x', 1)]
        self.check_dumps(Items(a=2), '{"x": 1}')

    def test_encoder_methods(self):
        enc = self.json.JSONEncoder(sort_keys=True)
        self.assertEqual(enc.encode({'b': 1, 'a': 'é'}), '{"a": "\\u00e9", "b": 1}')
        self.assertEqual(enc.encode('é'), '"\\u00e9"')
        self.assertEqual(list(self.json.JSONEncoder().iterencode([])), ['[]'])
        self.assertEqual(self.json.JSONEncoder().item_separator, ', ')
        self.assertEqual(self.json.JSONEncoder(indent=2).item_separator, ',')

    # ---- decoding ----

    def test_values(self):
        self.assertEqual(self.loads('{"a": [1, 2.5, -3e2, true, false, null, "x"]}'),
                         {'a': [1, 2.5, -300.0, True, False, None, 'x']})
        self.assertEqual(self.loads(' \n[ ] \t\r'), [])
        self.assertEqual(self.loads('{ }'), {})
        self.assertEqual(self.loads('-0'), 0)
        self.assertEqual(repr(self.loads('-0.0')), '-0.0')
        self.assertEqual(self.loads('1E5'), 100000.0)
        self.assertEqual(self.loads('1.7976931348623157e309'), float('inf'))
        self.assertEqual(self.loads('123456789012345678901234567890'),
                         123456789012345678901234567890)
        self.assertEqual(self.loads('-9223372036854775809'), -9223372036854775809)
        self.assertTrue(self.loads('NaN') != self.loads('NaN'))
        self.assertEqual(self.loads('[-Infinity, Infinity]'), [float('-inf'), float('inf')])
        self.assertEqual(self.loads('{"a": 1, "a": 2}'), {'a': 2})

    def test_strings_decode(self):
        self.assertEqual(self.loads('"\\u00e9\\ud83d\\ude00\\n\\/\\b\\f\\r\\t\\"\\\\"'),
                         'é😀\n/\b\f\r\t"\\')
        self.assertEqual(self.loads('"\\ud800"'), '\ud800')
        self.assertEqual(self.loads('"\\ud800\\u0041"'), '\ud800A')
        self.assertEqual(self.loads('"\\udc00\\ud800"'), '\udc00\ud800')
        self.assertEqual(self.loads('"\\uABCD\\uabcd"'), '\uabcd\uabcd')
        self.assertEqual(self.loads('"é€😀"'), 'é€😀')
        self.assertEqual(self.loads('"a\x01b"', strict=False), 'a\x01b')
        self.assertEqual(self.loads('["\\n\\u2603 tail", "plain"]'), ['\n\u2603 tail', 'plain'])

    def test_bytes_input(self):
        doc = {'k': ['é', 1]}
        text = self.json.dumps(doc, ensure_ascii=False)
        for encoding in ('utf-8', 'utf-8-sig', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32',
                         'utf-32-le', 'utf-32-be'):
            with self.subTest(encoding=encoding):
                self.assertEqual(self.loads(text.encode(encoding)), doc)
        self.assertEqual(self.loads(bytearray(b'[1]')), [1])
        self.assertEqual(self.loads(b'1'), 1)
        with self.assertRaises(TypeError) as cm:
            self.loads(5)
        self.assertEqual(str(cm.exception),
                         'the JSON object must be str, bytes or bytearray, not int')

    def test_hooks(self):
        self.assertEqual(self.loads('{"a": 1, "b": {"c": 2}}',
                                    object_pairs_hook=collections.OrderedDict),
                         collections.OrderedDict([('a', 1), ('b', collections.OrderedDict(
                             [('c', 2)]))]))
        self.assertEqual(self.loads('{"a": 1, "b": 2}', object_pairs_hook=list),
                         [('a', 1), ('b', 2)])
        self.assertEqual(self.loads('{"a": 1}', object_hook=sorted), ['a'])
        self.assertEqual(self.loads('{"a": 1}', object_hook=sorted, object_pairs_hook=len), 1)
        self.assertEqual(self.loads('[1.5, 2, NaN, -Infinity]', parse_float=str,
                                    parse_int=lambda s: 'i' + s,
                                    parse_constant=lambda s: 'c' + s),
                         ['1.5', 'i2', 'cNaN', 'c-Infinity'])
        self.assertEqual(self.loads('[7, 1e3]', parse_int=float, parse_float=int.__call__
                                    if False else str), [7.0, '1e3'])

    def test_key_memo(self):
        first, second = self.loads('[{"shared_key": 1}, {"shared_key": 2}]')
        (key1,), (key2,) = first, second
        self.assertIs(key1, key2)

    def test_decoder_object(self):
        dec = self.json.JSONDecoder()
        self.assertEqual(dec.decode(' [1] '), [1])
        self.assertEqual(dec.raw_decode('[1] tail'), ([1], 3))
        self.assertEqual(dec.raw_decode('xx"s"yy', 2), ('s', 5))
        with self.assertRaises(self.json.JSONDecodeError) as cm:
            dec.raw_decode(' [1]')
        self.assertEqual(str(cm.exception), 'Expecting value: line 1 column 1 (char 0)')
        self.assertIs(dec.parse_float, float)
        self.assertIs(dec.parse_int, int)
        self.assertTrue(dec.strict)

    # Cases where CPython's C scanner and its pure-Python fallback disagree (message text,
    # position, or whether hex digits may end the document); CPython's default, the C
    # scanner, is the reference, and Braid's fallback follows it too.
    c_scanner_error_cases = [
            ('"\\x"', 'Invalid \\escape', 1),
            ('"\\ud800\\x"', 'Invalid \\escape', 7),
            ('"\\u0041', 'Invalid \\uXXXX escape', 2),
            ('"\\ud800\\udc00', 'Invalid \\uXXXX escape', 8),
            ('"a\x01"', 'Invalid control character at', 2),
            ('"a\n"', 'Invalid control character at', 2),
    ]

    def test_errors(self):
        cases = [
            ('', 'Expecting value', 0),
            (' ', 'Expecting value', 1),
            ('[', 'Expecting value', 1),
            ('[1,', 'Expecting value', 3),
            ('{"a":', 'Expecting value', 5),
            ('[1,]', 'Illegal trailing comma before end of array', 2),
            ('{"a":1,}', 'Illegal trailing comma before end of object', 6),
            ('{"a" 1}', "Expecting ':' delimiter", 5),
            ('{"a"', "Expecting ':' delimiter", 4),
            ('{"a": 1 "b": 2}', "Expecting ',' delimiter", 8),
            ('[1 2]', "Expecting ',' delimiter", 3),
            ('{a: 1}', 'Expecting property name enclosed in double quotes', 1),
            ('{', 'Expecting property name enclosed in double quotes', 1),
            ('[1] x', 'Extra data', 4),
            ('1.', 'Extra data', 1),
            ('01', 'Extra data', 1),
            ('1e+', 'Extra data', 1),
            ('NaN1', 'Extra data', 3),
            ('"abc', 'Unterminated string starting at', 0),
            ('["a\\', 'Unterminated string starting at', 1),
            ('"a\\u12"', 'Invalid \\uXXXX escape', 3),
            ('"a\\u12g4"', 'Invalid \\uXXXX escape', 3),
            ('"\\u', 'Invalid \\uXXXX escape', 2),
            ('"\\ud800\\uzzzz"', 'Invalid \\uXXXX escape', 8),
            ('\n\n  tru', 'Expecting value', 4),
            ('-', 'Expecting value', 0),
            ('-Infinit', 'Expecting value', 0),
            ('\ufeff1', 'Unexpected UTF-8 BOM (decode using utf-8-sig)', 0),
        ]
        if self.json is cjson or _BRAID_FALLBACK:
            cases += self.c_scanner_error_cases
        for text, msg, pos in cases:
            with self.subTest(text=text):
                with self.assertRaises(self.json.JSONDecodeError) as cm:
                    self.loads(text)
                err = cm.exception
                self.assertEqual(err.msg, msg)
                self.assertEqual(err.pos, pos)
                self.assertEqual(err.doc, text)
                lineno = text.count('\n', 0, pos) + 1
                colno = pos - text.rfind('\n', 0, pos)
                self.assertEqual((err.lineno, err.colno), (lineno, colno))
                self.assertEqual(str(err), '%s: line %d column %d (char %d)'
                                 % (msg, lineno, colno, pos))
        self.assertTrue(issubclass(self.json.JSONDecodeError, ValueError))

    def test_decode_error_pickle_args(self):
        err = self.json.JSONDecodeError('Boom', 'ab\ncd', 4)
        self.assertEqual((err.lineno, err.colno), (2, 2))
        self.assertEqual(err.__reduce__(), (self.json.JSONDecodeError, ('Boom', 'ab\ncd', 4)))

    def test_deep_nesting_decode(self):
        for text in ('[' * 100000, '{"a":' * 100000):
            with self.assertRaises(RecursionError):
                self.loads(text)

    def test_roundtrip(self):
        data = {'name': 'Braid', 'values': [1, 2.25, None, True, -5, 1e300, 'é😀'],
                'nested': {'x': [[], {}], 'y': {'z': [0.5]}}}
        for kw in ({}, {'indent': 4, 'sort_keys': True}, {'ensure_ascii': False},
                   {'separators': (',', ':')}):
            with self.subTest(kw=kw):
                self.assertEqual(self.loads(self.dumps(data, **kw)), data)

    def test_regex_helpers(self):
        # Undocumented but used: WHITESPACE.match with raw_decode parses a stream.
        text = '{"a": 1} [2]\n 3 '
        decoder = self.json.JSONDecoder()
        whitespace = self.json.decoder.WHITESPACE
        pos, found = 0, []
        while True:
            pos = whitespace.match(text, pos).end()
            if pos == len(text):
                break
            value, pos = decoder.raw_decode(text, pos)
            found.append(value)
        self.assertEqual(found, [{'a': 1}, [2], 3])
        self.assertEqual(self.json.scanner.NUMBER_RE.match('-12.5e3x').groups(),
                         ('-12', '.5', 'e3'))
        self.assertEqual(self.json.decoder.BACKSLASH['n'], '\n')
        self.assertEqual(self.json.encoder.ESCAPE_DCT['\x01'], '\\u0001')
        self.assertEqual(self.json.encoder.ESCAPE_DCT['"'], '\\"')
        self.assertEqual(len(self.json.encoder.ESCAPE_DCT), 34)
        self.assertEqual(self.json.encoder.ESCAPE_ASCII.sub('#', 'a"é'), 'a##')
        with self.assertRaises(AttributeError):
            self.json.decoder.NO_SUCH_NAME

    def test_load_from_file(self):
        self.assertEqual(self.json.load(io.StringIO('{"a": [1]}')), {'a': [1]})
        self.assertEqual(self.json.load(io.BytesIO(b'[2]')), [2])
        self.assertEqual(self.json.load(io.StringIO('{"a": 1}'), object_pairs_hook=list),
                         [('a', 1)])


@unittest.skipIf(cjson is None, 'requires _json')
class CJSONTests(JSONTests, unittest.TestCase):
    json = cjson


class PyJSONTests(JSONTests, unittest.TestCase):
    json = pyjson

    def test_pure_python(self):
        self.assertIsNone(self.json.encoder.c_make_encoder)
        self.assertIsNone(self.json.decoder.c_scanstring)
        self.assertIs(self.json.scanner.make_scanner, self.json.scanner.py_make_scanner)
        self.assertIs(self.json.decoder.scanstring, self.json.decoder.py_scanstring)

    def test_scanstring(self):
        scanstring = self.json.decoder.py_scanstring
        self.assertEqual(scanstring('"abc" x', 1), ('abc', 5))
        self.assertEqual(scanstring('a\x01"', 0, False), ('a\x01', 3))
        with self.assertRaises(ValueError):
            scanstring('abc', 5)


@unittest.skipIf(cjson is None, 'requires _json')
class AcceleratorTests(unittest.TestCase):
    """The _json module itself and how the json package uses it."""

    def test_wiring(self):
        self.assertIs(json.decoder.scanstring, _json.scanstring)
        self.assertIs(json.scanner.make_scanner, _json.make_scanner)
        self.assertIs(json.encoder.c_make_encoder, _json.make_encoder)
        self.assertIs(json.encoder.encode_basestring_ascii, _json.encode_basestring_ascii)
        self.assertIs(json.encoder.encode_basestring, _json.encode_basestring)
        self.assertEqual(_json.make_scanner.__name__, 'Scanner')
        self.assertEqual(_json.make_scanner.__module__, '_json')
        self.assertEqual(_json.make_encoder.__name__, 'Encoder')
        self.assertIsInstance(json.JSONEncoder().iterencode([1], _one_shot=True), tuple)
        self.assertNotIsInstance(json.JSONEncoder().iterencode([1]), tuple)

    def test_scanstring(self):
        self.assertEqual(_json.scanstring('"abc" x', 1), ('abc', 5))
        self.assertEqual(_json.scanstring('abc"', 0), ('abc', 4))
        self.assertEqual(_json.scanstring('a\x01"', 0, False), ('a\x01', 3))
        for end in (5, -1):
            with self.assertRaises(ValueError) as cm:
                _json.scanstring('abc"', end)
            self.assertEqual(str(cm.exception), 'end is out of bounds')
        with self.assertRaises(TypeError) as cm:
            _json.scanstring(b'abc"', 0)
        self.assertEqual(str(cm.exception), 'first argument must be a string, not bytes')

    def test_encode_basestring_type_errors(self):
        for func in (_json.encode_basestring, _json.encode_basestring_ascii):
            with self.assertRaises(TypeError) as cm:
                func(b'x')
            self.assertEqual(str(cm.exception), 'first argument must be a string, not bytes')

    def test_scanner_object(self):
        dec = json.JSONDecoder(parse_int=str)
        scanner = _json.make_scanner(dec)
        self.assertEqual(scanner('[1, 2.5, "x"]', 0), (['1', 2.5, 'x'], 13))
        self.assertEqual(scanner('xx  7', 4), ('7', 5))
        self.assertIs(scanner.parse_int, str)
        self.assertIs(scanner.parse_float, float)
        self.assertIs(scanner.strict, True)
        self.assertIsNone(scanner.object_hook)
        with self.assertRaises(AttributeError):
            scanner.strict = False
        for idx in (1, 5):
            with self.assertRaises(StopIteration) as cm:
                scanner('x', idx)
            self.assertEqual(cm.exception.value, idx)
        with self.assertRaises(StopIteration) as cm:
            scanner('[1,', 0)
        self.assertEqual(cm.exception.value, 3)
        with self.assertRaises(ValueError) as cm:
            scanner('1', -1)
        self.assertEqual(str(cm.exception), 'idx cannot be negative')
        with self.assertRaises(TypeError) as cm:
            scanner(b'1', 0)
        self.assertEqual(str(cm.exception), 'first argument must be a string, not bytes')

    def test_encoder_object(self):
        enc = _json.make_encoder(None, str, _json.encode_basestring_ascii, None, ': ', ', ',
                                 False, False, True)
        self.assertEqual(enc([1, 'é', {'a': 1.5}, {1}], 0),
                         ('[1, "\\u00e9", {"a": 1.5}, "{1}"]',))
        self.assertEqual(enc('abc', 0), ('"abc"',))
        self.assertIsNone(enc.markers)
        self.assertIs(enc.default, str)
        self.assertEqual((enc.key_separator, enc.item_separator), (': ', ', '))
        self.assertIs(enc.sort_keys, False)
        with self.assertRaises(AttributeError):
            enc.indent = 3
        indented = _json.make_encoder({}, None, _json.encode_basestring, '  ', ': ', ',',
                                      False, False, True)
        self.assertEqual(indented([1, ['é']], 1), ('[\n    1,\n    [\n      "é"\n    ]\n  ]',))
        custom = _json.make_encoder(None, None, lambda s: '<' + s + '>', None, ':', ',',
                                    False, False, True)
        self.assertEqual(custom({'k': 'v'}, 0), ('{<k>:<v>}',))

    def test_encoder_errors(self):
        with self.assertRaises(TypeError) as cm:
            _json.make_encoder([], None, _json.encode_basestring, None, ':', ',', 0, 0, 1)
        self.assertEqual(str(cm.exception),
                         'make_encoder() argument 1 must be dict or None, not list')
        bad = _json.make_encoder(None, None, lambda s: 5, None, ':', ',', 0, 0, 1)
        with self.assertRaises(TypeError) as cm:
            bad(['x'], 0)
        self.assertEqual(str(cm.exception), 'encoder() must return a string, not int')

    def test_threads_share_objects(self):
        import threading
        doc = {'k%d' % i: [i, 'é' * i, {'x': i / 3}] for i in range(50)}
        text = json.dumps(doc)
        encoder = json.JSONEncoder()
        decoder = json.JSONDecoder()
        errors = []

        def work():
            try:
                for _ in range(50):
                    if encoder.encode(doc) != text or decoder.decode(text) != doc:
                        errors.append('mismatch')
            except Exception as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])


if __name__ == '__main__':
    unittest.main()
