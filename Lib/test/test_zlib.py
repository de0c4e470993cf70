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


if __name__ == "__main__":
    unittest.main()
