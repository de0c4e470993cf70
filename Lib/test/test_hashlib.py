"""Tests of hashlib and hmac; expected digests are CPython 3.13's (OpenSSL)."""

import hashlib
import hmac
import io
import threading
import unittest

EXPECTED = [
    ('blake2b', 64, 128, '765278130f882fbfcf36f19a6332840448c18270757da459a0f5f641240d6a458d888e25444691bd7172c7945729f96c8b18f184588467ae33be02db06176487'),
    ('blake2s', 32, 64, 'e72dd5d197969a7888d17e7b96674a84d1f15f5a12c8911015a9583e2d7b5464'),
    ('md5', 16, 64, '7566120cc98f85dba933e2538acd9885'),
    ('sha1', 20, 64, '9d6e658ca347ad643c7669b1b0a0f4195f1dcbcf'),
    ('sha224', 28, 64, '2a9b8dd916c4ede5cde6b66053a6e888bcd7a9b91556e1bc7d4d8f87'),
    ('sha256', 32, 64, '84c854c086f28e02d3d6ece287bc2a88a96c39f17cf2650112e0c0aacd3ff582'),
    ('sha384', 48, 128, '4ed368d4554aed6d965156f3dc1753bacd44cfcc18d9ef62c0cb2c52f4b444a0595bcfb5e125dc8992bf6ecba821c6a2'),
    ('sha3_224', 28, 144, '0f2bf71e7481fe0c8ce70710ab7ec86c839658143c4808da1ca55eda'),
    ('sha3_256', 32, 136, '03209d264f3a7e0fc5f4ae3873504afda2c512aea6dcf355ee0de90a51a97063'),
    ('sha3_384', 48, 104, '5f6c141b7c813cc294f5aca774491e2f5361fd200f5bc089407963a3c850c7fb7fcfe8861b9ec23786d5590d4f0c0cc4'),
    ('sha3_512', 64, 72, 'f8621c49aaf9c5051a1fcf62a20f11c7ac5294b073f8339650feb3f0d79942c9964ddeae41d6c13c7a2c60418d512c367798c31dd6eb8d1212b6438869e637ea'),
    ('sha512', 64, 128, 'c61d85e45a66235f3e8c1aa0f27708da37fa89ed8f28db9412e225796abfe6fa0888b70d73e3b61ce1456c2f81abc32b3e8c07083284200dc8a8c674405e8aef'),
    ('shake_128', 0, 168, '2ae54a0ae2ffcfe3096c22ab6290a2ab9ce6ab1c'),
    ('shake_256', 0, 136, 'ed5d46adc529f3db04cccc1d75b3a055cf56c405'),
]


class HashlibTests(unittest.TestCase):
    def test_guaranteed_algorithms(self):
        for name, digest_size, block_size, hexdigest in EXPECTED:
            with self.subTest(name):
                h = hashlib.new(name, b'braid')
                self.assertEqual(h.name, name)
                self.assertEqual(h.digest_size, digest_size)
                self.assertEqual(h.block_size, block_size)
                got = h.hexdigest(20) if name.startswith('shake') else h.hexdigest()
                self.assertEqual(got, hexdigest)
                self.assertEqual(getattr(hashlib, name)(b'braid').name, name)

    def test_known_vectors(self):
        self.assertEqual(hashlib.sha256(b'abc').hexdigest(),
                         'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
        self.assertEqual(hashlib.md5().hexdigest(), 'd41d8cd98f00b204e9800998ecf8427e')
        self.assertEqual(hashlib.new('SHA1', b'abc').hexdigest(),
                         'a9993e364706816aba3e25717850c26c9cd0d89d')

    def test_update_copy_digest(self):
        h = hashlib.sha512()
        h.update(b'x' * 5000)          # large enough to release the GIL
        c = h.copy()
        h.update(b'y')
        self.assertEqual(c.digest(), hashlib.sha512(b'x' * 5000).digest())
        self.assertEqual(h.digest(), hashlib.sha512(b'x' * 5000 + b'y').digest())
        self.assertEqual(h.digest(), h.digest())     # digest() does not finalise
        h.update(memoryview(b'z'))
        h.update(bytearray(b'z'))
        self.assertEqual(h.hexdigest(), hashlib.sha512(b'x' * 5000 + b'yzz').hexdigest())

    def test_errors(self):
        with self.assertRaises(ValueError) as cm:
            hashlib.new('nope')
        self.assertEqual(str(cm.exception), 'unsupported hash type nope')
        with self.assertRaises(TypeError) as cm:
            hashlib.sha1('text')
        self.assertEqual(str(cm.exception), 'Strings must be encoded before hashing')
        with self.assertRaises(ValueError) as cm:
            hashlib.pbkdf2_hmac('sha1', b'p', b's', 0)
        self.assertEqual(str(cm.exception), 'iteration value must be greater than 0.')

    def test_pbkdf2_and_file_digest(self):
        self.assertEqual(hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 1000, 20).hex(),
                         '0a38253555ce37f5c72a6b703f996814ebf241f2')
        self.assertEqual(hashlib.file_digest(io.BytesIO(b'abc'), 'sha1').hexdigest(),
                         'a9993e364706816aba3e25717850c26c9cd0d89d')

    def test_threads_share_one_object(self):
        h = hashlib.sha256()
        chunk = b'a' * 4096

        def feed():
            for _ in range(50):
                h.update(chunk)

        threads = [threading.Thread(target=feed) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(h.hexdigest(), hashlib.sha256(chunk * 200).hexdigest())


class HmacTests(unittest.TestCase):
    def test_hmac(self):
        self.assertEqual(hmac.new(b'key', b'msg', 'sha256').hexdigest(),
                         '2d93cbc1be167bcb1637a4a23cbff01a7878f0c50ee833954ea5221bb1b8c628')
        self.assertEqual(hmac.digest(b'key', b'msg', 'sha1').hex(),
                         '102900b72b7bf1031eec76b4804b66052376896b')
        long_key = hmac.new(b'k' * 100, b'm', 'sha512')
        self.assertEqual(long_key.hexdigest(), hmac.digest(b'k' * 100, b'm', 'sha512').hex())
        h = hmac.new(b'k', digestmod=hashlib.sha1)
        self.assertEqual((h.name, h.digest_size, h.block_size), ('hmac-sha1', 20, 64))
        c = h.copy()
        h.update(b'more')
        self.assertNotEqual(c.digest(), h.digest())
        with self.assertRaises(TypeError):
            hmac.new(b'k')

    def test_compare_digest(self):
        self.assertTrue(hmac.compare_digest(b'abc', bytearray(b'abc')))
        self.assertFalse(hmac.compare_digest('abc', 'abd'))
        self.assertFalse(hmac.compare_digest(b'abc', b'ab'))
        with self.assertRaises(TypeError) as cm:
            hmac.compare_digest('a', b'a')
        self.assertEqual(str(cm.exception), "a bytes-like object is required, not 'str'")


if __name__ == '__main__':
    unittest.main()
