"""Tests for gzip."""

import gzip
import io
import os
import shutil
import struct
import tempfile
import unittest

DATA = b'hello gzip\n' * 3
# gzip.compress(DATA, mtime=0) as CPython 3.13 writes it.
REFERENCE = bytes.fromhex('1f8b08000000000002ffcb48cdc9c95748afca2ce0cac0ca04003aa768cc'
                          '21000000')


class GzipTests(unittest.TestCase):

    def setUp(self):
        self.tmpdir = tempfile.mkdtemp(prefix='braid_gzip_')
        self.addCleanup(shutil.rmtree, self.tmpdir, True)
        self.path = os.path.join(self.tmpdir, 'data.txt.gz')

    def test_compress_matches_reference(self):
        self.assertEqual(gzip.compress(DATA, mtime=0), REFERENCE)
        self.assertEqual(gzip.decompress(REFERENCE), DATA)

    def test_levels_roundtrip(self):
        payload = os.urandom(500) + b'abc' * 10000
        for level in (0, 1, 6, 9):
            with self.subTest(level=level):
                compressed = gzip.compress(payload, level, mtime=0)
                self.assertEqual(gzip.decompress(compressed), payload)
                # XFL records the fastest (0, 1) and best levels (RFC 1952).
                self.assertEqual(compressed[8], {0: 4, 1: 4, 9: 2}.get(level, 0))

    def test_header_fields(self):
        buffer = io.BytesIO()
        with gzip.GzipFile('name.txt.gz', 'wb', fileobj=buffer, mtime=7) as f:
            f.write(b'abc')
        data = buffer.getvalue()
        self.assertEqual(data[:4], b'\x1f\x8b\x08\x08')
        self.assertEqual(struct.unpack('<I', data[4:8])[0], 7)
        self.assertEqual(data[10:19], b'name.txt\0')
        self.assertEqual(struct.unpack('<II', data[-8:]), (0x352441c2, 3))

    def test_multiple_members_and_padding(self):
        data = gzip.compress(b'one', mtime=1) + b'\0\0\0' + gzip.compress(b'two', mtime=2)
        self.assertEqual(gzip.decompress(data), b'onetwo')
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            self.assertEqual(f.read(), b'onetwo')
            self.assertEqual(f.mtime, 2)

    def test_file_api(self):
        with gzip.open(self.path, 'wb') as f:
            self.assertEqual(f.write(b'line1\nline2\n'), 12)
            f.write(memoryview(b'line3'))
            self.assertEqual(f.tell(), 17)
        with gzip.open(self.path) as f:
            self.assertIsInstance(f, gzip.GzipFile)
            self.assertEqual(f.readline(), b'line1\n')
            self.assertEqual(f.read(3), b'lin')
            self.assertEqual(f.tell(), 9)
            f.seek(0)
            self.assertEqual(f.readlines(), [b'line1\n', b'line2\n', b'line3'])
            f.seek(6)
            self.assertEqual(f.read(), b'line2\nline3')
        with open(self.path, 'rb') as raw:
            self.assertEqual(raw.read(2), b'\x1f\x8b')

    def test_text_mode(self):
        with gzip.open(self.path, 'wt', encoding='utf-8') as f:
            f.write('h\xe9llo\n')
        with gzip.open(self.path, 'rt', encoding='utf-8') as f:
            self.assertEqual(f.read(), 'h\xe9llo\n')
        with self.assertRaises(ValueError):
            gzip.open(self.path, 'rb', encoding='utf-8')
        with self.assertRaises(ValueError):
            gzip.open(self.path, 'rtb')

    def test_append(self):
        with gzip.open(self.path, 'wb') as f:
            f.write(b'first ')
        with gzip.open(self.path, 'ab') as f:
            f.write(b'second')
        with gzip.open(self.path) as f:
            self.assertEqual(f.read(), b'first second')

    def test_write_seek(self):
        buffer = io.BytesIO()
        with gzip.GzipFile(fileobj=buffer, mode='wb') as f:
            f.write(b'a')
            f.seek(4)
            f.write(b'b')
            with self.assertRaises(OSError):
                f.seek(0)
        self.assertEqual(gzip.decompress(buffer.getvalue()), b'a\0\0\0b')

    def test_errors(self):
        with self.assertRaises(gzip.BadGzipFile):
            gzip.decompress(b'not gzip data at all')
        with self.assertRaises(EOFError):
            gzip.decompress(REFERENCE[:-5])
        damaged = bytearray(REFERENCE)
        damaged[-8] ^= 1
        with self.assertRaises(gzip.BadGzipFile):
            gzip.decompress(bytes(damaged))
        self.assertTrue(issubclass(gzip.BadGzipFile, OSError))
        with self.assertRaises(ValueError):
            gzip.GzipFile(fileobj=io.BytesIO(), mode='wb', compresslevel=10)
        with self.assertRaises(ValueError):
            gzip.GzipFile(fileobj=io.BytesIO(), mode='q')

    def test_wrong_direction_and_closed(self):
        f = gzip.GzipFile(fileobj=io.BytesIO(REFERENCE))
        with self.assertRaises(OSError):
            f.write(b'x')
        f.close()
        self.assertTrue(f.closed)
        with self.assertRaises(ValueError):
            f.read()
        w = gzip.GzipFile(fileobj=io.BytesIO(), mode='wb')
        with self.assertRaises(OSError):
            w.read()
        w.close()


if __name__ == '__main__':
    unittest.main()
