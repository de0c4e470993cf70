"""Tests of the zlib module (expected values from CPython 3.13 with Debian's zlib)."""

import threading
import unittest
import zlib

DATA = b"hello world " * 1000 + bytes(range(256)) * 10


class ZlibTests(unittest.TestCase):
    def test_one_shot_round_trips(self):
        for level in (-1, 0, 1, 9):
            with self.subTest(level=level):
                self.assertEqual(zlib.decompress(zlib.compress(DATA, level)), DATA)
        self.assertEqual(zlib.compress(b"abc"), b"x\x9cKLJ\x06\x00\x02M\x01'")
        self.assertEqual(zlib.compress(b"", 9), b"x\xda\x03\x00\x00\x00\x00\x01")
        self.assertEqual(zlib.decompress(zlib.compress(b"x" * 100000), bufsize=1),
                         b"x" * 100000)

    def test_wbits_formats(self):
        for wbits, dwbits in ((-15, -15), (31, 31), (25, 47)):
            with self.subTest(wbits=wbits):
                co = zlib.compressobj(6, zlib.DEFLATED, wbits)
                c = co.compress(DATA[:5000]) + co.compress(DATA[5000:]) + co.flush()
                self.assertEqual(zlib.decompress(c, dwbits), DATA)

    def test_streaming_decompress(self):
        d = zlib.decompressobj()
        c = zlib.compress(DATA) + b"TRAILING"
        self.assertEqual(d.decompress(c[:100]) + d.decompress(c[100:]), DATA)
        self.assertTrue(d.eof)
        self.assertEqual(d.unused_data, b"TRAILING")
        self.assertEqual(d.unconsumed_tail, b"")

    def test_max_length_and_flush(self):
        d = zlib.decompressobj()
        part = d.decompress(zlib.compress(DATA), 100)
        self.assertEqual(len(part), 100)
        self.assertTrue(d.unconsumed_tail)
        self.assertFalse(d.eof)
        self.assertEqual(part + d.decompress(d.unconsumed_tail), DATA)
        self.assertTrue(d.eof)
        d = zlib.decompressobj()
        head = d.decompress(zlib.compress(DATA)[:-4])    # all but the Adler-32 trailer
        self.assertFalse(d.eof)
        self.assertEqual(head + d.flush(), DATA)

    def test_zdict(self):
        co = zlib.compressobj(zdict=b"hello world")
        c = co.compress(b"hello world hello") + co.flush()
        self.assertEqual(zlib.decompressobj(zdict=b"hello world").decompress(c),
                         b"hello world hello")
        with self.assertRaises(zlib.error) as cm:
            zlib.decompress(c)
        self.assertEqual(str(cm.exception), "Error 2 while decompressing data")

    def test_errors(self):
        with self.assertRaises(zlib.error) as cm:
            zlib.decompress(b"garbage")
        self.assertEqual(str(cm.exception),
                         "Error -3 while decompressing data: incorrect header check")
        with self.assertRaises(zlib.error) as cm:
            zlib.decompress(zlib.compress(DATA)[:-10])
        self.assertEqual(str(cm.exception), "Error -5 while decompressing data: incomplete "
                                            "or truncated stream")

    def test_checksums_and_constants(self):
        self.assertEqual(zlib.adler32(b"abc"), 38600999)
        self.assertEqual(zlib.crc32(b"abc"), 891568578)
        self.assertEqual(zlib.crc32(b"c", zlib.crc32(b"ab")), zlib.crc32(b"abc"))
        self.assertEqual((zlib.MAX_WBITS, zlib.Z_BEST_COMPRESSION), (15, 9))

    def test_copy_and_finish(self):
        co = zlib.compressobj()
        co.compress(b"abc")
        c2 = co.copy()
        self.assertEqual(co.flush(), c2.flush())
        self.assertEqual(co.flush(zlib.Z_NO_FLUSH), b"")

    def test_threads_share_one_compressor(self):
        co = zlib.compressobj()
        pieces = []
        lock = threading.Lock()

        def feed():
            for _ in range(20):
                out = co.compress(b"0123456789" * 100)
                with lock:
                    pieces.append(out)

        threads = [threading.Thread(target=feed) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        result = zlib.decompress(b"".join(pieces) + co.flush())
        self.assertEqual(result, b"0123456789" * 100 * 80)


SAMPLE = b''.join(b'line %d: the quick brown fox jumps over the lazy dog\n' % i
                  for i in range(400))


class ChecksumTests(unittest.TestCase):

    def test_published_check_values(self):
        self.assertEqual(zlib.crc32(b'123456789'), 0xCBF43926)
        self.assertEqual(zlib.adler32(b'Wikipedia'), 0x11E60398)
        self.assertEqual(zlib.crc32(b''), 0)
        self.assertEqual(zlib.adler32(b''), 1)

    def test_chaining(self):
        for func in (zlib.crc32, zlib.adler32):
            with self.subTest(func=func.__name__):
                whole = func(SAMPLE)
                running = func(b'')
                for i in range(0, len(SAMPLE), 333):
                    running = func(SAMPLE[i:i + 333], running)
                self.assertEqual(running, whole)
                self.assertGreaterEqual(whole, 0)
                self.assertLess(whole, 2 ** 32)

    def test_start_values_and_types(self):
        self.assertEqual(zlib.crc32(b'abc', 0), zlib.crc32(b'abc'))
        self.assertNotEqual(zlib.adler32(b'abc', 0), zlib.adler32(b'abc'))
        # Start values are taken modulo 2**32 (negative values too).
        self.assertEqual(zlib.crc32(b'x', -1), zlib.crc32(b'x', 0xFFFFFFFF))
        self.assertEqual(zlib.crc32(bytearray(b'abc')), zlib.crc32(memoryview(b'abc')))
        with self.assertRaises(TypeError):
            zlib.crc32('abc')
        with self.assertRaises(TypeError):
            zlib.adler32(b'a', 'b')


class OneShotTests(unittest.TestCase):

    def test_levels(self):
        sizes = {}
        for level in range(-1, 10):
            with self.subTest(level=level):
                comp = zlib.compress(SAMPLE, level)
                self.assertEqual(zlib.decompress(comp), SAMPLE)
                sizes[level] = len(comp)
        self.assertGreater(sizes[0], len(SAMPLE))
        self.assertLess(sizes[9], sizes[0])
        self.assertEqual(zlib.compress(SAMPLE, level=6), zlib.compress(SAMPLE))
        with self.assertRaises(zlib.error):
            zlib.compress(b'x', 10)

    def test_headers_for_wbits(self):
        zl = zlib.compress(SAMPLE, wbits=15)
        self.assertEqual(zl[0] & 0x0F, 8)           # CM = deflate
        self.assertEqual((zl[0] * 256 + zl[1]) % 31, 0)
        gz = zlib.compress(SAMPLE, wbits=31)
        self.assertEqual(gz[:3], b'\x1f\x8b\x08')
        raw = zlib.compress(SAMPLE, wbits=-15)
        self.assertEqual(len(zl), len(raw) + 6)     # 2-byte header, 4-byte Adler-32
        self.assertEqual(zl[2:-4], raw)
        self.assertEqual(int.from_bytes(zl[-4:], 'big'), zlib.adler32(SAMPLE))
        self.assertEqual(int.from_bytes(gz[-8:-4], 'little'), zlib.crc32(SAMPLE))
        self.assertEqual(int.from_bytes(gz[-4:], 'little'), len(SAMPLE))

    def test_decompress_wbits_variants(self):
        zl = zlib.compress(SAMPLE)
        gz = zlib.compress(SAMPLE, wbits=31)
        raw = zlib.compress(SAMPLE, wbits=-15)
        self.assertEqual(zlib.decompress(zl, 15), SAMPLE)
        self.assertEqual(zlib.decompress(zl, 0), SAMPLE)         # window from header
        self.assertEqual(zlib.decompress(gz, 31), SAMPLE)
        self.assertEqual(zlib.decompress(raw, -15), SAMPLE)
        self.assertEqual(zlib.decompress(zl, 47), SAMPLE)        # automatic detection
        self.assertEqual(zlib.decompress(gz, 47), SAMPLE)
        with self.assertRaises(zlib.error):
            zlib.decompress(gz, 15)
        with self.assertRaises(zlib.error):
            zlib.decompress(zl, -15)
        with self.assertRaises(zlib.error):
            zlib.decompress(raw, 15)

    def test_small_window(self):
        comp = zlib.compress(SAMPLE, wbits=9)
        self.assertEqual(zlib.decompress(comp, 9), SAMPLE)
        self.assertEqual(zlib.decompress(comp, 15), SAMPLE)
        with self.assertRaises(zlib.error):
            zlib.compress(b'x', wbits=7)

    def test_bufsize(self):
        comp = zlib.compress(SAMPLE)
        self.assertEqual(zlib.decompress(comp, bufsize=1), SAMPLE)
        self.assertEqual(zlib.decompress(comp, 15, 1 << 20), SAMPLE)
        with self.assertRaises(ValueError):
            zlib.decompress(comp, bufsize=-1)

    def test_errors_and_messages(self):
        with self.assertRaises(zlib.error) as cm:
            zlib.decompress(b'not compressed data')
        self.assertTrue(str(cm.exception).startswith('Error -3 while decompressing data'))
        with self.assertRaises(zlib.error) as cm:
            zlib.decompress(zlib.compress(SAMPLE)[:-10])
        self.assertEqual(str(cm.exception), 'Error -5 while decompressing data: '
                         'incomplete or truncated stream')
        with self.assertRaises(TypeError):
            zlib.compress('text')
        self.assertTrue(issubclass(zlib.error, Exception))

    def test_empty_and_buffer_inputs(self):
        self.assertEqual(zlib.decompress(zlib.compress(b'')), b'')
        self.assertEqual(zlib.decompress(zlib.compress(bytearray(b'ab'))), b'ab')
        self.assertEqual(zlib.decompress(memoryview(zlib.compress(b'mv'))), b'mv')


class StreamTests(unittest.TestCase):

    def test_compressobj_pieces_and_flush(self):
        c = zlib.compressobj()
        out = b''.join(c.compress(SAMPLE[i:i + 1000]) for i in range(0, len(SAMPLE), 1000))
        out += c.flush()
        self.assertEqual(zlib.decompress(out), SAMPLE)
        self.assertEqual(out, zlib.compress(SAMPLE))

    def test_sync_and_full_flush_make_data_available(self):
        for mode in (zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH):
            with self.subTest(mode=mode):
                c = zlib.compressobj()
                d = zlib.decompressobj()
                part = c.compress(b'first half ') + c.flush(mode)
                self.assertEqual(part[-4:], b'\x00\x00\xff\xff')
                self.assertEqual(d.decompress(part), b'first half ')
                rest = c.compress(b'second half') + c.flush()
                self.assertEqual(d.decompress(rest), b'second half')
                self.assertTrue(d.eof)

    def test_flush_no_flush_and_finish(self):
        c = zlib.compressobj()
        first = c.compress(b'abc')
        self.assertEqual(c.flush(zlib.Z_NO_FLUSH), b'')
        data = first + c.flush(zlib.Z_FINISH)
        self.assertEqual(zlib.decompress(data), b'abc')

    def test_compressobj_parameters(self):
        for strategy in (zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED,
                         zlib.Z_DEFAULT_STRATEGY):
            with self.subTest(strategy=strategy):
                c = zlib.compressobj(9, zlib.DEFLATED, -12, 9, strategy)
                data = c.compress(SAMPLE) + c.flush()
                self.assertEqual(zlib.decompress(data, -12), SAMPLE)
        c = zlib.compressobj(level=1, wbits=31, memLevel=1)
        gz = c.compress(SAMPLE) + c.flush()
        self.assertEqual(gz[:2], b'\x1f\x8b')
        self.assertEqual(zlib.decompress(gz, 31), SAMPLE)
        with self.assertRaises(ValueError):
            zlib.compressobj(method=7)
        with self.assertRaises(ValueError):
            zlib.compressobj(memLevel=0)

    def test_unused_data_and_eof(self):
        comp = zlib.compress(b'payload')
        d = zlib.decompressobj()
        self.assertFalse(d.eof)
        self.assertEqual(d.unused_data, b'')
        self.assertEqual(d.decompress(comp + b'TRAILER'), b'payload')
        self.assertTrue(d.eof)
        self.assertEqual(d.unused_data, b'TRAILER')
        self.assertEqual(d.decompress(b'more'), b'')
        self.assertEqual(d.unused_data, b'TRAILERmore')

    def test_max_length_and_unconsumed_tail(self):
        comp = zlib.compress(SAMPLE)
        d = zlib.decompressobj()
        out = d.decompress(comp, 100)
        self.assertEqual(len(out), 100)
        self.assertEqual(out, SAMPLE[:100])
        self.assertNotEqual(d.unconsumed_tail, b'')
        chunks = [out]
        while d.unconsumed_tail:
            chunk = d.decompress(d.unconsumed_tail, 1000)
            self.assertLessEqual(len(chunk), 1000)
            chunks.append(chunk)
        chunks.append(d.flush())
        self.assertEqual(b''.join(chunks), SAMPLE)
        self.assertTrue(d.eof)
        self.assertEqual(d.unconsumed_tail, b'')
        with self.assertRaises(ValueError):
            zlib.decompressobj().decompress(comp, -1)
        self.assertEqual(zlib.decompressobj().decompress(comp, max_length=0), SAMPLE)

    def test_byte_at_a_time(self):
        comp = zlib.compress(SAMPLE, wbits=31)
        d = zlib.decompressobj(47)
        out = b''.join(d.decompress(comp[i:i + 1]) for i in range(len(comp)))
        self.assertEqual(out + d.flush(), SAMPLE)
        self.assertTrue(d.eof)

    def test_flush_with_length_and_after_eof(self):
        comp = zlib.compress(SAMPLE)
        d = zlib.decompressobj()
        head = d.decompress(comp, 10)
        rest = d.flush(64)
        self.assertEqual(head + rest, SAMPLE)
        with self.assertRaises(ValueError):
            d.flush(0)

    def test_compressobj_after_finish(self):
        c = zlib.compressobj()
        c.compress(b'x')
        c.flush()
        with self.assertRaises(zlib.error):
            c.compress(b'y')
        with self.assertRaises(zlib.error) as cm:
            c.flush()
        self.assertEqual(str(cm.exception), 'Error -2 while flushing: inconsistent stream state')

    def test_copies_are_independent(self):
        c = zlib.compressobj()
        prefix = c.compress(b'shared prefix ')
        c2 = c.copy()
        a = prefix + c.compress(b'AAAA') + c.flush()
        b = prefix + c2.compress(b'BBBB') + c2.flush()
        self.assertEqual(zlib.decompress(a), b'shared prefix AAAA')
        self.assertEqual(zlib.decompress(b), b'shared prefix BBBB')
        comp = zlib.compress(SAMPLE)
        d = zlib.decompressobj()
        first = d.decompress(comp[:50])
        d2 = d.copy()
        self.assertEqual(first + d.decompress(comp[50:]), SAMPLE)
        self.assertEqual(first + d2.decompress(comp[50:]), SAMPLE)
        import copy
        self.assertEqual(zlib.decompress(copy.copy(zlib.compressobj()).flush()), b'')

    def test_zdict_stream(self):
        zdict = b'the quick brown fox jumps over the lazy dog'
        c = zlib.compressobj(zdict=zdict)
        data = c.compress(SAMPLE) + c.flush()
        with self.assertRaises(zlib.error):
            zlib.decompress(data)
        d = zlib.decompressobj(zdict=zdict)
        self.assertEqual(d.decompress(data), SAMPLE)
        d = zlib.decompressobj(wbits=15, zdict=bytearray(zdict))
        self.assertEqual(d.decompress(data) + d.flush(), SAMPLE)
        with self.assertRaises(TypeError):
            zlib.decompressobj(zdict='text')

    def test_corrupt_stream_in_object(self):
        d = zlib.decompressobj()
        with self.assertRaises(zlib.error):
            d.decompress(b'\x78\x9c' + b'\xff' * 20)

    def test_module_attributes(self):
        self.assertIsInstance(zlib.ZLIB_VERSION, str)
        self.assertIsInstance(zlib.ZLIB_RUNTIME_VERSION, str)
        self.assertEqual(zlib.MAX_WBITS, 15)
        self.assertEqual(zlib.DEFLATED, 8)
        self.assertEqual(zlib.DEF_BUF_SIZE, 16384)
        self.assertEqual((zlib.Z_NO_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH,
                          zlib.Z_FINISH), (0, 2, 3, 4))


class ErrorMessageTests(unittest.TestCase):

    def test_bad_level_and_wbits_for_compress(self):
        for kwargs in ({'level': 11}, {'level': -2}, {'wbits': 16}, {'wbits': -16}):
            with self.subTest(**kwargs):
                with self.assertRaises(zlib.error) as cm:
                    zlib.compress(b'data', **kwargs)
                self.assertEqual(str(cm.exception), 'Bad compression level')

    def test_bad_flush_mode(self):
        with self.assertRaises(zlib.error) as cm:
            zlib.compressobj().flush(99)
        self.assertEqual(str(cm.exception), 'Error -2 while flushing: inconsistent stream state')

    def test_zdict_type_errors(self):
        with self.assertRaises(TypeError) as cm:
            zlib.compressobj(zdict=3)
        self.assertEqual(str(cm.exception), "a bytes-like object is required, not 'int'")
        with self.assertRaises(TypeError) as cm:
            zlib.decompressobj(zdict=3)
        self.assertEqual(str(cm.exception), 'zdict argument must support the buffer protocol')

    def test_deepcopy(self):
        import copy
        c = zlib.compressobj()
        head = c.compress(b'deep')
        c2 = copy.deepcopy(c)
        self.assertEqual(zlib.decompress(head + c2.flush()), b'deep')
        d = zlib.decompressobj()
        self.assertEqual(copy.deepcopy(d).decompress(zlib.compress(b'x')), b'x')


if __name__ == "__main__":
    unittest.main()
