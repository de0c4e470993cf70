"""Tests of random: seeded sequences must be exactly CPython 3.13's (the expected values
below were produced by CPython 3.13 with the same calls), plus argument checking."""

import random
import unittest

EXPECTED = {'random': [0.6394267984578837, 0.025010755222666936, 0.27502931836911926, 0.22321073814882275, 0.7364712141640124], 'getrandbits': [1, 94, 3831882064, 2342331444, 7783083932390163561, 245107789584464165588405774579, 966961607769720519125568290336211036614569710015915310339498285777591985724722076406208166399994147405847853771005201587915124115064207027023295260961412788080502973086152615084242112432243405810231414574178656930748499630013414698483529900907141929023320436295860753340933587372018087042869202233880], 'randint': [49, 13, 46, 45, 78, 34, 6, 94, 59, 69], 'randrange': [217, 672, 140, 987, 525, 4, 0, 4, -2, -4, 968793911605326987603759277465, 483371132835777832348764614392], 'shuffle': [6, 0, 15, 19, 18, 7, 9, 13, 2, 1, 12, 4, 10, 3, 16, 17, 5, 11, 14, 8], 'choice': ['f', 'a', 'd', 'a', 'f', 'g', 'e', 'b', 'd', 'j'], 'sample': [897, 735, 322, 217, 671, 511, 405, 905, 936, 658, 14, 4, 8, 28, 7, 23, 17, 24, 27, 18, 13, 20, 12, 11, 25, 2, 21, 15, 1, 0, 16, 29, 19, 6, 5, 'e', 'f', 'b'], 'choices': ['b', 'b', 'b', 'a', 'b', 'c', 'c', 'b', 'c', 'c', 'z', 'z', 'z', 'y', 'x'], 'uniform': [4.220920613099108, 4.196806688859242, 6.718880988701143], 'triangular': [5.636168647182292, 3.7242159030401645, 1.4588407918460808], 'gauss': [2.2899320865570933, 2.279689447653408, 3.6695275391007134, 4.935891787944181, 4.16622707168306], 'normal': [1.790119727472135, -0.02200936150191729, 0.6919759324699596], 'expo': [0.13779216799219782, 0.41892112063201337, 0.04101574314951447], 'gamma': [5.908026873990275, 0.2688018531659724, 8.067931714372369], 'beta': [0.17729977412863432, 0.5595497106177522], 'vonmises': [0.6713375186197262, 0.7959269812357631], 'pareto': [1.3087687301541948, 1.3443808598507279], 'weibull': [0.037344830210501986, 1.148270680082802], 'lognorm': [0.5486525371834382, 1.0169715493917746], 'binomial': [8, 6, 4, 5, 5, 376, 387, 399, 424, 395, 39, 42, 43], 'randbytes': b'\x92\x9bI\xa8\x0c\x8ck\x953\xb6\xb2\x90', 'bigseed': [0.44487310994347073, 0.30211940106972124, 0.6943236571773822], 'negseed': [339563, 993908, 158176], 'zeroseed': [0.8444218515250481, 0.7579544029403025], 'floatseed': [0.3039190124834461, 0.23014450764056538], 'state': [True]}


def trace(r):
    out = {}
    r.seed(42)
    out['random'] = [r.random() for _ in range(5)]
    out['getrandbits'] = [r.getrandbits(k) for k in (1, 7, 32, 33, 64, 100, 1000)]
    out['randint'] = [r.randint(1, 100) for _ in range(10)]
    out['randrange'] = [r.randrange(0, 1000, 7) for _ in range(5)] + [r.randrange(-5, 5) for _ in range(5)] + [r.randrange(10**30) for _ in range(2)]
    seq = list(range(20)); r.shuffle(seq); out['shuffle'] = seq
    out['choice'] = [r.choice('abcdefghij') for _ in range(10)]
    out['sample'] = r.sample(range(1000), 10) + r.sample(range(30), 25) + r.sample('abcdef', 3, counts=[1, 2, 3, 4, 5, 6])
    out['choices'] = r.choices('abc', k=5) + r.choices('abc', weights=[1, 5, 10], k=5) + r.choices('xyz', cum_weights=[1, 2, 10], k=5)
    out['uniform'] = [r.uniform(-3, 7) for _ in range(3)]
    out['triangular'] = [r.triangular(0, 10, 2) for _ in range(3)]
    out['gauss'] = [r.gauss(5, 2) for _ in range(5)]
    out['normal'] = [r.normalvariate(0, 1) for _ in range(3)]
    out['expo'] = [r.expovariate(2.0) for _ in range(3)]
    out['gamma'] = [r.gammavariate(a, 2.0) for a in (0.5, 1.0, 3.0)]
    out['beta'] = [r.betavariate(2, 3) for _ in range(2)]
    out['vonmises'] = [r.vonmisesvariate(1.0, 4.0) for _ in range(2)]
    out['pareto'] = [r.paretovariate(3) for _ in range(2)]
    out['weibull'] = [r.weibullvariate(1, 1.5) for _ in range(2)]
    out['lognorm'] = [r.lognormvariate(0, 0.5) for _ in range(2)]
    out['binomial'] = [r.binomialvariate(20, 0.3) for _ in range(5)] + [r.binomialvariate(1000, 0.4) for _ in range(5)] + [r.binomialvariate(50, 0.8) for _ in range(3)]
    out['randbytes'] = r.randbytes(12)
    r.seed(2**100 + 12345); out['bigseed'] = [r.random() for _ in range(3)]
    r.seed(-7); out['negseed'] = [r.randint(0, 10**6) for _ in range(3)]
    r.seed(0); out['zeroseed'] = [r.random() for _ in range(2)]
    r.seed(3.5); out['floatseed'] = [r.random() for _ in range(2)]
    r.seed(42); st = r.getstate(); a = r.random(); r.setstate(st); out['state'] = [a == r.random()]
    return out



class RandomTests(unittest.TestCase):

    def test_sequences_match_cpython(self):
        got = trace(random.Random())
        for key, value in EXPECTED.items():
            with self.subTest(key=key):
                self.assertEqual(got[key], value)

    def test_module_functions_share_one_generator(self):
        random.seed(7)
        a = [random.random(), random.randint(1, 6)]
        random.seed(7)
        self.assertEqual([random.random(), random.randint(1, 6)], a)

    def test_errors(self):
        r = random.Random(1)
        with self.assertRaises(ValueError):
            r.randrange(0)
        with self.assertRaises(ValueError):
            r.randrange(5, 5)
        with self.assertRaises(ValueError):
            r.randrange(0, 10, 0)
        with self.assertRaises(IndexError):
            r.choice([])
        with self.assertRaises(ValueError):
            r.sample(range(3), 4)
        with self.assertRaises(TypeError):
            r.sample({1, 2}, 1)
        with self.assertRaises(TypeError):
            r.seed([1, 2])
        with self.assertRaises(ValueError):
            r.getrandbits(-1)
        with self.assertRaises(ValueError):
            r.choices('ab', weights=[0, 0])

    def test_system_random(self):
        s = random.SystemRandom()
        value = s.random()
        self.assertTrue(0.0 <= value < 1.0)
        self.assertEqual(len(s.randbytes(5)), 5)
        with self.assertRaises(NotImplementedError):
            s.getstate()

    def test_subclass_with_own_random(self):
        class Fixed(random.Random):
            def random(self):
                return 0.5
        # random() == 0.5: floor(0.5 * 2**53) % 10 is 6 (no getrandbits is used).
        self.assertEqual(Fixed().randrange(10), 6)


if __name__ == '__main__':
    unittest.main()
