"""Tests of marshal: CPython 3.13's exact bytes for every supported type and version, the
back-reference rules of versions 3 and 4, round trips, files and error handling."""

import io
import marshal
import sys
import unittest



def fresh_float(x):
    """A float object that is not shared with any constant table (refcount 1)."""
    return float(str(x))


def fresh_str(s):
    """A str object that is not interned and not shared."""
    return ''.join(list(s))


class FormatTests(unittest.TestCase):
    """Exact output, compared with what CPython 3.13 writes."""

    def check(self, value, version, expected_hex):
        """value may be a callable making the value: the result is then a temporary
        (refcount 1), which versions 3 and 4 write without FLAG_REF."""
        if callable(value) and not isinstance(value, type):
            data = marshal.dumps(value(), version)
            value = value()
        else:
            data = marshal.dumps(value, version)
        self.assertEqual(data.hex(), expected_hex)
        back = marshal.loads(bytes.fromhex(expected_hex))
        self.assertEqual(type(back), type(value))
        if value == value:
            self.assertEqual(back, value)

    def test_version(self):
        self.assertEqual(marshal.version, 4)

    def test_singletons(self):
        for version in range(5):
            self.check(None, version, '4e')
            self.check(True, version, '54')
            self.check(False, version, '46')
            self.check(..., version, '2e')
            self.check(StopIteration, version, '53')

    def test_ints(self):
        cases = [(0, '00000000'), (1, '01000000'), (-1, 'ffffffff'),
                 (2 ** 31 - 1, 'ffffff7f'), (-2 ** 31, '00000080')]
        for value, body in cases:
            with self.subTest(value=value):
                self.check(value + 2 ** 40 - 2 ** 40, 2, '69' + body)
        longs = [(2 ** 31, '03000000000000000200'),
                 (-2 ** 31 - 1, 'fdffffff010000000200'),
                 (2 ** 62, '0500000000000000000000000400'),
                 (2 ** 100, '070000000000000000000000000000000004'),
                 (-2 ** 100, 'f9ffffff0000000000000000000000000004'),
                 (123456789012345678901234567890,
                  '07000000d20a7e1cb9039f1b6c7f215d6300')]
        for value, body in longs:
            with self.subTest(value=value):
                self.check(value, 2, '6c' + body)

    def test_floats(self):
        self.check(lambda: fresh_float(1.5), 2, '67000000000000f83f')
        self.check(lambda: fresh_float(1.5), 4, '67000000000000f83f')
        self.check(lambda: fresh_float(-0.0), 3, '670000000000000080')
        self.check(lambda: fresh_float('inf'), 2, '67000000000000f07f')
        self.check(lambda: fresh_float(1.5), 1, '6603312e35')
        self.check(lambda: fresh_float(0.1), 0, '6613302e3130303030303030303030303030303031')
        self.check(lambda: fresh_float(1e300), 1,
                   '6617312e30303030303030303030303030303031652b333030')
        self.check(lambda: fresh_float(-0.0), 0, '66022d30')
        self.assertEqual(marshal.dumps(fresh_float('nan'), 0), b'f\x03nan')
        self.assertNotEqual(marshal.loads(b'f\x03nan'), marshal.loads(b'f\x03nan'))

    def test_complex(self):
        self.check(lambda: complex(fresh_float(1), 2), 2, '79000000000000f03f0000000000000040')
        self.check(lambda: complex(fresh_float(1), 2), 1, '7801310132')
        self.assertEqual(marshal.dumps(complex(fresh_float(-0.0), -1), 0), b'x\x02-0\x02-1')
        self.assertEqual(marshal.dumps(complex(fresh_float(1), 2), 0), b'x\x011\x012')

    def test_strings(self):
        self.check(lambda: fresh_str('abc'), 2, '7503000000616263')
        self.check(lambda: fresh_str('abc'), 4, '7a03616263')
        self.check(lambda: fresh_str('\u2603x'), 4, '7504000000e2988378')
        self.check(lambda: fresh_str('\U0001f600x'), 3, '7505000000f09f988078')
        self.check(lambda: fresh_str('\ud800x'), 4, '7504000000eda08078')
        self.check(lambda: fresh_str('a' * 300), 4, '612c010000' + '61' * 300)
        self.check(lambda: fresh_str('é' * 2), 4, '7504000000c3a9c3a9')
        self.assertEqual(marshal.loads(b'z\x00'), '')

    def test_interned_strings_load(self):
        for data in (b'Z\x03abc', b'A\x03\x00\x00\x00abc', b't\x03\x00\x00\x00abc'):
            with self.subTest(data=data):
                value = marshal.loads(data)
                self.assertEqual(value, 'abc')
                self.assertIs(sys.intern(value), value)

    def test_bytes(self):
        self.check(lambda: bytes([120, 121]), 2, '73020000007879')
        self.assertEqual(marshal.dumps(bytearray(b'ab'), 2).hex(), '73020000006162')
        self.assertEqual(marshal.dumps(memoryview(b'cd'), 2).hex(), '73020000006364')
        self.assertEqual(marshal.loads(b's\x00\x00\x00\x00'), b'')

    def test_containers_version_2(self):
        self.check((), 2, '2800000000')
        self.check((1, 2), 2, '28020000006901000000' + '6902000000')
        self.check([1, [2]], 2, '5b02000000' + '6901000000' + '5b01000000' + '6902000000')
        self.check({1: None}, 2, '7b' + '6901000000' + '4e' + '30')
        self.check({1, 2}, 2, '3c02000000' + '6901000000' + '6902000000')
        self.check(frozenset([7]), 2, '3e01000000' + '6907000000')
        self.check(set(), 2, '3c00000000')

    def test_small_tuple(self):
        big = tuple(range(256))
        self.assertEqual(marshal.dumps(big, 4)[:5], b'\xa8\x00\x01\x00\x00')
        self.assertEqual(marshal.loads(marshal.dumps(big)), big)
        self.assertEqual(marshal.dumps(tuple([1]), 4)[:2], b')\x01')

    def test_refs(self):
        # A container referenced only from the argument gets no FLAG_REF; shared objects
        # are written once and then referenced.
        x = [1 + 2 ** 40 - 2 ** 40, 2 + 2 ** 40 - 2 ** 40]
        self.assertEqual(marshal.dumps([x, x]).hex(),
                         '5b02000000db02000000e901000000e9020000007200000000')
        self.assertEqual(marshal.dumps([x, x], 2).hex(),
                         '5b020000005b0200000069010000006902000000'
                         '5b0200000069010000006902000000')
        s = fresh_str('hello')
        self.assertEqual(marshal.dumps([s, s]).hex(), '5b02000000fa0568656c6c6f7200000000')
        t = tuple([fresh_float(1.5)])
        self.assertEqual(marshal.dumps([t]).hex(), '5b01000000a9016700000000' + '0000f83f')
        self.assertEqual(marshal.dumps({tuple([1, 2])}).hex(),
                         '3c01000000a902e901000000e902000000')

    def test_recursive_structures(self):
        lst = [1]
        lst.append(lst)
        data = marshal.dumps(lst)
        self.assertEqual(data.hex(), 'db02000000e9010000007200000000')
        back = marshal.loads(data)
        self.assertIs(back[1], back)
        dct = {}
        dct[fresh_str('me')] = dct
        back = marshal.loads(marshal.dumps(dct))
        self.assertIs(back['me'], back)
        self.assertEqual(repr(marshal.loads(b'\xa8\x01\x00\x00\x00r\x00\x00\x00\x00')), '((...),)')


class RoundTripTests(unittest.TestCase):

    def test_values(self):
        values = [None, True, False, ..., StopIteration, 0, -1, 2 ** 31, -2 ** 63, 10 ** 50,
                  -10 ** 50, 2 ** 15, 2 ** 30, 2 ** 45 - 1, 1.5, -0.0, 1e-310, float('inf'),
                  1j, complex(-1.5, 2.5), '', 'abc', 'é€😀', '\udfff', b'', b'\x00\xff',
                  (), (1, 'a'), [], [[], {}], {}, {'k': [1, (2,)], 3: {4: 5}}, set(),
                  {1, 'a', (2,)}, frozenset(), frozenset({1, frozenset({2})}),
                  tuple(range(1000)), list(range(1000)), 'x' * 100000]
        for version in range(5):
            for value in values:
                with self.subTest(version=version, value=repr(value)[:40]):
                    back = marshal.loads(marshal.dumps(value, version))
                    self.assertEqual(back, value)
                    self.assertEqual(type(back), type(value))

    def test_big_ints(self):
        n = 1
        for i in range(300):
            n = n * 7 + i
            for value in (n, -n, n >> 3):
                self.assertEqual(marshal.loads(marshal.dumps(value)), value)
                self.assertEqual(marshal.loads(marshal.dumps(value, 0)), value)

    def test_version_argument(self):
        self.assertEqual(marshal.dumps(1, 5), marshal.dumps(1))
        self.assertEqual(marshal.dumps(1, -1).hex(), '6901000000')
        self.assertEqual(marshal.dumps(1.5, -1).hex(), '6603312e35')
        with self.assertRaises(TypeError):
            marshal.dumps(1, 2, 3)
        with self.assertRaises(TypeError):
            marshal.dumps(1, 2.0)


class FileTests(unittest.TestCase):

    def test_dump_load(self):
        buf = io.BytesIO()
        marshal.dump([1, 'a'], buf)
        marshal.dump(2.5, buf, 1)
        self.assertEqual(buf.getvalue(), marshal.dumps([1, 'a']) + b'f\x032.5')
        buf.seek(0)
        self.assertEqual(marshal.load(buf), [1, 'a'])
        self.assertEqual(marshal.load(buf), 2.5)
        with self.assertRaises(EOFError):
            marshal.load(buf)

    def test_load_leaves_position(self):
        buf = io.BytesIO(marshal.dumps(1) + marshal.dumps('x') + b'zz')
        self.assertEqual(marshal.load(buf), 1)
        self.assertEqual(marshal.load(buf), 'x')
        self.assertEqual(buf.tell(), 8)
        self.assertEqual(buf.read(), b'zz')

    def test_load_empty(self):
        with self.assertRaises(EOFError) as cm:
            marshal.load(io.BytesIO(b''))
        self.assertEqual(str(cm.exception), 'EOF read where object expected')

    def test_loads_inputs(self):
        self.assertIsNone(marshal.loads(bytearray(b'N')))
        self.assertIsNone(marshal.loads(memoryview(b'Nxyz')))
        self.assertEqual(marshal.loads(b'NN'), None)
        with self.assertRaises(TypeError):
            marshal.loads('N')


class ErrorTests(unittest.TestCase):

    def check_error(self, data, exc_type, message):
        with self.assertRaises(exc_type) as cm:
            marshal.loads(data)
        self.assertEqual(str(cm.exception), message)

    def test_bad_data(self):
        too_short = 'marshal data too short'
        self.check_error(b'', EOFError, 'EOF read where object expected')
        self.check_error(b'i', EOFError, too_short)
        self.check_error(b'i\x01\x00', EOFError, too_short)
        self.check_error(b's\x05\x00\x00\x00ab', EOFError, too_short)
        self.check_error(b'g\x00', EOFError, too_short)
        self.check_error(b'(\x02\x00\x00\x00N', EOFError, 'EOF read where object expected')
        self.check_error(b'Q', ValueError, 'bad marshal data (unknown type code)')
        self.check_error(b'\x80', ValueError, 'bad marshal data (unknown type code)')
        self.check_error(b'r\x00\x00\x00\x00', ValueError, 'bad marshal data (invalid reference)')
        self.check_error(b'\xbe\x01\x00\x00\x00r\x00\x00\x00\x00', ValueError,
                         'bad marshal data (invalid reference)')
        self.check_error(b'l\x01\x00\x00\x00\xff\xff', ValueError,
                         'bad marshal data (digit out of range in long)')
        self.check_error(b'l\x00\x00\x00\x80', ValueError,
                         'bad marshal data (long size out of range)')
        self.check_error(b'l\x02\x00\x00\x00\x01\x00\x00\x00', ValueError,
                         'bad marshal data (unnormalized long data)')
        self.check_error(b'0', TypeError, 'NULL object in marshal data for object')
        self.check_error(b'[\x01\x00\x00\x000', TypeError,
                         'NULL object in marshal data for list')
        self.check_error(b'<\x01\x00\x00\x000', TypeError, 'NULL object in marshal data for set')
        self.check_error(b'f\x03abc', ValueError, "could not convert string to float: 'abc'")
        self.check_error(b'<\x01\x00\x00\x00[\x00\x00\x00\x00', TypeError,
                         "unhashable type: 'list'")
        for code, what in [(b's', 'bytes object'), (b'u', 'string'), (b'a', 'string'),
                           (b'(', 'tuple'), (b'[', 'list'), (b'<', 'set'), (b'>', 'set')]:
            with self.subTest(code=code):
                self.check_error(code + b'\xff\xff\xff\xff', ValueError,
                                 'bad marshal data (%s size out of range)' % what)
        with self.assertRaises(UnicodeDecodeError):
            marshal.loads(b'u\x01\x00\x00\x00\xff')

    def test_unmarshallable(self):
        class S(str):
            pass

        class I(int):
            pass
        for value in (object(), [object()], S('a'), I(3), {1: object()}, print):
            with self.subTest(value=value):
                with self.assertRaises(ValueError) as cm:
                    marshal.dumps(value)
                self.assertEqual(str(cm.exception), 'unmarshallable object')

    def test_nesting_limits(self):
        deep = [1]
        for _ in range(3000):
            deep = [deep]
        with self.assertRaises(ValueError) as cm:
            marshal.dumps(deep)
        self.assertEqual(str(cm.exception), 'object too deeply nested to marshal')
        with self.assertRaises(ValueError) as cm:
            marshal.loads(b'[\x01\x00\x00\x00' * 3000 + b'N')
        self.assertEqual(str(cm.exception), 'recursion limit exceeded')

    def test_allow_code(self):
        code = compile('1', '<test>', 'eval')
        with self.assertRaises(ValueError) as cm:
            marshal.dumps(code, allow_code=False)
        self.assertEqual(str(cm.exception), 'marshalling code objects is disallowed')
        self.assertEqual(marshal.dumps(1, allow_code=False), marshal.dumps(1))
        self.assertEqual(marshal.loads(b'N', allow_code=False), None)

    def test_code_round_trip(self):
        # The bytecode is the implementation's own; the data round-trips within it.
        code = compile('x = 1 + 2', '<test>', 'exec')
        self.assertEqual(marshal.loads(marshal.dumps(code)), code)
        self.assertEqual(marshal.dumps(code)[:1], b'\xe3')
        with self.assertRaises(ValueError) as cm:
            marshal.loads(marshal.dumps(code), allow_code=False)
        self.assertEqual(str(cm.exception), 'unmarshalling code objects is disallowed')

    def test_function_code(self):
        def outer(a, b=2, *args, c, **kw):
            items = [i * b for i in range(a)]

            def inner():
                return items
            try:
                return inner(), c, args, kw
            except KeyError:
                raise
        code = marshal.loads(marshal.dumps(outer.__code__))
        self.assertEqual(code.co_name, 'outer')
        self.assertEqual(code.co_varnames, outer.__code__.co_varnames)
        func = type(outer)(code, globals())
        self.assertEqual(func(3, 2, 5, c=1, k=0), ([0, 2, 4], 1, (5,), {'k': 0}))


if __name__ == '__main__':
    unittest.main()
