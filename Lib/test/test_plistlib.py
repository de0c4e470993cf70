"""Tests for plistlib (XML and binary property lists)."""

import datetime
import io
import unittest

import plistlib

SAMPLE = {
    'name': 'x<&>',
    'n': [1, -2, 2 ** 63],
    'f': 1.5,
    'ok': True,
    'd': b'\x00\x01',
    'when': datetime.datetime(2024, 2, 29, 12, 30, 15),
    'empty': {},
}

SAMPLE_XML = b"""\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" \
"http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
\t<key>d</key>
\t<data>
\tAAE=
\t</data>
\t<key>empty</key>
\t<dict/>
\t<key>f</key>
\t<real>1.5</real>
\t<key>n</key>
\t<array>
\t\t<integer>1</integer>
\t\t<integer>-2</integer>
\t\t<integer>9223372036854775808</integer>
\t</array>
\t<key>name</key>
\t<string>x&lt;&amp;&gt;</string>
\t<key>ok</key>
\t<true/>
\t<key>when</key>
\t<date>2024-02-29T12:30:15Z</date>
</dict>
</plist>
"""

# SAMPLE plus 'u': UID(7), as written by CPython 3.13 in the binary format.
SAMPLE_BINARY = bytes.fromhex(
    '62706c6973743030d80102030405060708090a0b0c10111213516455656d7074'
    '795166516e546e616d65526f6b5175547768656e420001d0233ff80000000000'
    '00a30d0e0f100113fffffffffffffffe14000000000000000080000000000000'
    '0054783c263e0980073341c5c8582b80000008191b2123252a2d2f3437384145'
    '4750616667690000000000000101000000000000001400000000000000000000'
    '000000000072')


class XMLTests(unittest.TestCase):

    def test_dumps(self):
        self.assertEqual(plistlib.dumps(SAMPLE), SAMPLE_XML)
        self.assertEqual(plistlib.dumps(SAMPLE, fmt=plistlib.FMT_XML), SAMPLE_XML)

    def test_loads(self):
        self.assertEqual(plistlib.loads(SAMPLE_XML), SAMPLE)
        self.assertEqual(plistlib.loads(SAMPLE_XML.decode('utf-8')), SAMPLE)
        self.assertEqual(plistlib.loads(SAMPLE_XML, fmt=plistlib.FMT_XML), SAMPLE)

    def test_long_data_lines(self):
        data = bytes(range(256)) * 2
        xml = plistlib.dumps({'k': data})
        data_lines = [line for line in xml.splitlines() if not line.strip().startswith(b'<')]
        self.assertEqual(len(data_lines), 11)
        self.assertTrue(all(len(line.expandtabs(8)) <= 76 for line in data_lines))
        self.assertEqual(plistlib.loads(xml)['k'], data)

    def test_hand_written_xml(self):
        xml = b"""<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<plist version="1.0"><dict>
  <key>int</key><integer>0x1F</integer>
  <key>cdata</key><string><![CDATA[<raw & text>]]></string>
  <key>entities</key><string>&#65;&#x42;&apos;&quot;</string>
  <key>no</key><false/>
  <key>list</key><array><string>a</string><array/></array>
  <key>date</key><date>2001-02-03Z</date>
</dict></plist>"""
        self.assertEqual(plistlib.loads(xml), {
            'int': 31, 'cdata': '<raw & text>', 'entities': 'AB\'"', 'no': False,
            'list': ['a', []], 'date': datetime.datetime(2001, 2, 3)})

    def test_dict_type_and_aware_dates(self):
        from collections import OrderedDict
        result = plistlib.loads(SAMPLE_XML, dict_type=OrderedDict)
        self.assertIsInstance(result, OrderedDict)
        result = plistlib.loads(SAMPLE_XML, aware_datetime=True)
        self.assertEqual(result['when'], datetime.datetime(2024, 2, 29, 12, 30, 15,
                                                           tzinfo=datetime.UTC))

    def test_write_options(self):
        value = {'b': 1, 'a': 2}
        unsorted = plistlib.dumps(value, sort_keys=False)
        self.assertLess(unsorted.index(b'<key>b</key>'), unsorted.index(b'<key>a</key>'))
        with self.assertRaises(TypeError):
            plistlib.dumps({1: 'x'})
        self.assertEqual(plistlib.loads(plistlib.dumps({1: 'x', 'k': 'v'}, skipkeys=True,
                                                       sort_keys=False)), {'k': 'v'})

    def test_write_errors(self):
        with self.assertRaises(TypeError):
            plistlib.dumps(None)
        with self.assertRaises(TypeError):
            plistlib.dumps(object())
        with self.assertRaises(OverflowError):
            plistlib.dumps(2 ** 64)
        with self.assertRaises(ValueError):
            plistlib.dumps('bell \x07')

    def test_invalid_xml(self):
        with self.assertRaises(plistlib.InvalidFileException):
            plistlib.loads(b'not a plist at all')
        with self.assertRaises(ValueError):
            plistlib.loads(b'<plist><dict><key>a</key></dict></plist>')
        with self.assertRaises(ValueError):
            plistlib.loads(b'<plist><array><key>a</key></array></plist>')
        with self.assertRaises(plistlib.InvalidFileException):
            plistlib.loads(b'<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY e "x">]>'
                           b'<plist><string>&e;</string></plist>')


class BinaryTests(unittest.TestCase):

    def test_dumps_matches_reference(self):
        value = dict(SAMPLE, u=plistlib.UID(7))
        self.assertEqual(plistlib.dumps(value, fmt=plistlib.FMT_BINARY), SAMPLE_BINARY)

    def test_loads(self):
        value = plistlib.loads(SAMPLE_BINARY)
        self.assertEqual(value, dict(SAMPLE, u=plistlib.UID(7)))
        self.assertEqual(plistlib.loads(SAMPLE_BINARY, fmt=plistlib.FMT_BINARY), value)

    def test_roundtrip_sizes(self):
        for value in (0, 255, 256, 65535, 65536, 2 ** 32, 2 ** 63 - 1, 2 ** 64 - 1, -1,
                      -2 ** 63, 'a' * 14, 'b' * 15, 'c' * 300, '\u20ac' * 20, b'x' * 70000,
                      list(range(300)), {str(i): i for i in range(20)}, 0.1, -0.0,
                      (1, 2), False, plistlib.UID(2 ** 40)):
            with self.subTest(value=repr(value)[:40]):
                data = plistlib.dumps(value, fmt=plistlib.FMT_BINARY)
                result = plistlib.loads(data)
                if isinstance(value, tuple):
                    value = list(value)
                self.assertEqual(result, value)
                self.assertEqual(type(result), type(value))

    def test_shared_objects(self):
        item = ['shared']
        data = plistlib.dumps([item, item, 'x', 'x'], fmt=plistlib.FMT_BINARY)
        self.assertEqual(data.count(b'shared'), 1)
        self.assertEqual(data.count(b'Qx'), 1)
        self.assertEqual(plistlib.loads(data), [['shared'], ['shared'], 'x', 'x'])

    def test_invalid(self):
        with self.assertRaises(plistlib.InvalidFileException):
            plistlib.loads(b'bplist00' + b'\x00' * 10)
        with self.assertRaises(plistlib.InvalidFileException):
            plistlib.loads(SAMPLE_BINARY[:-40] + SAMPLE_BINARY[-32:])
        with self.assertRaises(TypeError):
            plistlib.loads('text', fmt=plistlib.FMT_BINARY)

    def test_file_api(self):
        buffer = io.BytesIO()
        plistlib.dump(SAMPLE, buffer, fmt=plistlib.FMT_BINARY)
        buffer.seek(0)
        self.assertEqual(plistlib.load(buffer), SAMPLE)
        with self.assertRaises(ValueError):
            plistlib.dump(SAMPLE, io.BytesIO(), fmt='nonsense')


class UIDTests(unittest.TestCase):

    def test_uid(self):
        uid = plistlib.UID(5)
        self.assertEqual(uid.data, 5)
        self.assertEqual(repr(uid), 'UID(5)')
        self.assertEqual(uid, plistlib.UID(5))
        self.assertNotEqual(uid, 5)
        self.assertEqual(hash(uid), hash(plistlib.UID(5)))
        self.assertEqual([10, 20, 30, 40, 50, 60][uid], 60)
        with self.assertRaises(TypeError):
            plistlib.UID('5')
        with self.assertRaises(ValueError):
            plistlib.UID(-1)
        with self.assertRaises(ValueError):
            plistlib.UID(2 ** 64)
        with self.assertRaises(TypeError):
            plistlib.dumps(uid)


if __name__ == '__main__':
    unittest.main()
